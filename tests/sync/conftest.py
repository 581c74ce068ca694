"""A REAL registry process for the sync tests: ``erpdesk-registry serve`` on
a free port over a temporary SQLite database, started once per session;
users are added through the registry's own command line (in this process,
into the same database).  The keyring is an in-memory backend set here, so
no test touches the real user keyring.
"""

from __future__ import annotations

import io
import itertools
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import keyring
import pytest
from keyring.backend import KeyringBackend
from sync_support import PASSWORD

from erpdesk.app import Desk, open_desk
from erpdesk.sync.credentials import CredentialStore

_names = itertools.count(1)


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in this object only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ERPDESK_LANG", "en")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Registry:
    """The running registry: its URL and a way to add users."""

    def __init__(self, url: str, db_url: str) -> None:
        self.url = url
        self.db_url = db_url

    def add_user(self, role: str = "rep", name: str | None = None) -> str:
        from erpdesk.registry.cli import main as registry_main

        name = name or f"{role}{next(_names)}_{os.getpid()}"
        out = io.StringIO()
        code = registry_main(
            ["user", "add", name, "--role", role, "--password-stdin", "--db", self.db_url],
            stdout=out, stdin=io.StringIO(PASSWORD + "\n"),
        )
        assert code == 0, out.getvalue()
        return name


@pytest.fixture(scope="session")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    folder = tmp_path_factory.mktemp("registry")
    db_url = f"sqlite:///{folder / 'registry.db'}"
    port = _free_port()
    log = (folder / "server.log").open("w")
    env = {**os.environ, "ERPDESK_REGISTRY_JOB_INTERVAL": "0"}
    process = subprocess.Popen(
        [sys.executable, "-c", "from erpdesk.registry.cli import main; raise SystemExit(main())",
         "serve", "--db", db_url, "--port", str(port), "--log-level", "warning"],
        stdout=log, stderr=subprocess.STDOUT, env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(
                    f"the registry ended ({process.returncode}): "
                    + (folder / "server.log").read_text()
                )
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the registry did not answer /healthz within 30 s")
            time.sleep(0.05)
        yield Registry(url, db_url)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture
def make_desk(tmp_path: Path) -> Iterator[Callable[[str], Desk]]:
    desks: list[Desk] = []

    def make(name: str = "desk") -> Desk:
        desk = open_desk(tmp_path / f"{name}.db", owner="")
        desks.append(desk)
        return desk

    yield make
    for desk in desks:
        desk.close()


@pytest.fixture
def credentials() -> CredentialStore:
    return CredentialStore()


@pytest.fixture
def offline_url() -> str:
    """An address where nothing listens."""
    return f"http://127.0.0.1:{_free_port()}"
