"""Helpers of the registry tests: a settable clock, users, complete requests."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from erpdesk.domain.uscc import make_uscc
from erpdesk.registry.accounts import User, add_user
from erpdesk.registry.api.deps import Registry
from erpdesk.registry.db.journal import Actor

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PASSWORD = "correct horse battery"


class FakeClock:
    """The registry's clock, moved by the test."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def uscc(seed: int) -> str:
    return make_uscc(random.Random(seed), "370100")


def registry_of(client: TestClient) -> Registry:
    registry: Registry = client.app.state.registry  # type: ignore[attr-defined]
    return registry


def make_user(
    client: TestClient, username: str, role: str, *, team: str = "", display_name: str = ""
) -> User:
    registry = registry_of(client)
    return add_user(
        registry.db, registry.passwords, registry.config.clock(), Actor(None, "test"),
        username, PASSWORD, role, team=team, display_name=display_name or username.title(),
    )


def sign_in(client: TestClient, username: str, password: str = PASSWORD) -> dict[str, str]:
    response = client.post("/api/v1/auth/token", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def registration(
    name: str = "济南华信机械制造有限公司",
    code: str | None = None,
    *,
    now: datetime = START,
    urgent: bool = False,
    customer_id: str | None = None,
    **customer: Any,
) -> dict[str, Any]:
    """A complete registration request for *name*."""
    contact_id = str(uuid.uuid4())
    return {
        "id": str(uuid.uuid4()),
        "customer": {
            "id": customer_id or str(uuid.uuid4()),
            "name": name,
            "uscc": uscc(1) if code is None else code,
            "industry": "machinery",
            "size_band": "medium",
            "province": "山东省",
            "city": "济南市",
            "address": "历下区经十路 100 号",
            "phone": "0531-85106000",
            "source": "self_developed",
            **customer,
        },
        "contacts": [
            {"id": contact_id, "name": "张伟", "title": "信息部经理", "mobile": "13812345678"}
        ],
        "visit": {
            "occurred_at": (now - timedelta(days=1)).isoformat(),
            "summary": "拜访信息部,了解 ERP 选型计划",
            "contact_id": contact_id,
        },
        "need": "替换旧的进销存系统,上线生产和财务模块",
        "urgent": urgent,
    }


def error_of(response: Any) -> dict[str, Any]:
    """The ``error`` object of a JSON error answer (asserting its shape)."""
    assert response.headers["content-type"].startswith("application/json"), response.text
    body = response.json()
    assert set(body) == {"error"}, body
    error: dict[str, Any] = body["error"]
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    return error


SERVE_ENTRY = "from erpdesk.registry.cli import main; raise SystemExit(main())"


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serving(
    port: int, *args: str, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """``erpdesk-registry serve --port PORT *args`` in a process group of its
    own, once its ``/healthz`` answers (the test fails with the server's
    output if it never does); stopped (SIGTERM, then SIGKILL) at the end."""
    command = [sys.executable, "-c", SERVE_ENTRY, "serve", "--port", str(port), *args]
    proc = subprocess.Popen(
        command, start_new_session=True, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                output = proc.stdout.read().decode() if proc.stdout else ""
                pytest.fail(f"the registry server did not start:\n{output}")
            time.sleep(0.1)
        yield proc
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        if proc.stdout:
            proc.stdout.close()
