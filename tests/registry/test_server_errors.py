"""What the HTTP server answers before the application, through a real
``erpdesk-registry serve`` on a free port: a request it cannot parse gets the
registry's JSON error, and forwarded headers are believed only from the
proxies named in the settings.  (The HTTP layer is the same on either
database; these servers run on SQLite.)"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from registry_support import free_port, serving
from sqlalchemy import create_engine, select

from erpdesk.registry.db.schema import login_attempts

MALFORMED = {
    "invalid Content-Length": (
        b"POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"
    ),
    "two Content-Lengths": (
        b"POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n"
        b"Content-Length: 2\r\n\r\nxy"
    ),
    "Content-Length and chunked": (
        b"POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        b"Content-Length: 3\r\n\r\n"
    ),
    "invalid UTF-8 in the path": b"GET /api/v1/\xff\xfe/x HTTP/1.1\r\nHost: x\r\n\r\n",
    "malformed request line": b"NONSENSE\r\n\r\n",
    "control character in a header": b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-A\x01B: 1\r\n\r\n",
    "TLS spoken to the plain port": b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
}


def raw_exchange(port: int, data: bytes) -> bytes:
    """Send *data* and read until the server closes the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def parse(response: bytes) -> tuple[int, dict[str, str], bytes]:
    head, _, body = response.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(status_line.split()[1]), headers, body


class Server:
    def __init__(self, port: int, db_path: Path) -> None:
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.db_path = db_path

    def clients_recorded(self) -> set[str]:
        engine = create_engine(f"sqlite:///{self.db_path}")
        try:
            with engine.connect() as conn:
                return set(conn.execute(select(login_attempts.c.client)).scalars())
        finally:
            engine.dispose()


def start(tmp: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[Server]:
    """``erpdesk-registry serve`` with *args* on a free port, stopped at the end."""
    port = free_port()
    db_path = tmp / "registry.db"
    child_env = {k: v for k, v in os.environ.items() if not k.startswith("ERPDESK_REGISTRY_")}
    child_env.pop("FORWARDED_ALLOW_IPS", None)
    child_env.update({"ERPDESK_REGISTRY_JOB_INTERVAL": "0", **(env or {})})
    with serving(
        port, "--db", f"sqlite:///{db_path}", "--log-level", "warning", *args, env=child_env
    ):
        yield Server(port, db_path)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server as ``serve`` starts by default: no trusted proxy."""
    yield from start(tmp_path_factory.mktemp("serve"))


@pytest.mark.parametrize("request_bytes", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_request_the_server_cannot_parse_gets_a_json_400(server, request_bytes):
    status, headers, body = parse(raw_exchange(server.port, request_bytes))
    assert status == 400
    assert headers["content-type"] == "application/json"
    assert headers["connection"] == "close"
    assert int(headers["content-length"]) == len(body)
    error = json.loads(body)["error"]
    assert error["code"] == "malformed_http"
    assert "not valid HTTP" in error["message"]
    # The server goes on serving.
    assert httpx.get(server.base + "/healthz", timeout=5).status_code == 200


def test_a_forged_forwarded_for_from_a_local_peer_is_ignored_by_default(server):
    for forged in ("203.0.113.1", "203.0.113.2", "198.51.100.3, 203.0.113.4"):
        response = httpx.post(
            server.base + "/api/v1/auth/token",
            json={"username": "nobody", "password": "x"},
            headers={"X-Forwarded-For": forged},
            timeout=30,
        )
        assert response.status_code in (401, 429)
    assert server.clients_recorded() == {"127.0.0.1"}


def test_a_named_proxy_s_forwarded_for_names_the_client(tmp_path):
    for server in start(tmp_path, "--trusted-proxy", "127.0.0.1"):
        response = httpx.post(
            server.base + "/api/v1/auth/token",
            json={"username": "nobody", "password": "x"},
            headers={"X-Forwarded-For": "192.0.2.1, 203.0.113.9"},
            timeout=30,
        )
        assert response.status_code == 401
        assert server.clients_recorded() == {"203.0.113.9"}


def test_the_h11_protocol_answers_json_too(tmp_path):
    """uvicorn's pure-Python parser (``--http h11``, or where httptools is missing)."""
    import uvicorn

    from erpdesk.registry.api.app import create_app
    from erpdesk.registry.api.protocols import JsonErrorsH11Protocol
    from erpdesk.registry.config import Config
    from erpdesk.registry.db.database import migrate

    url = f"sqlite:///{tmp_path / 'registry.db'}"
    migrate(url)
    port = free_port()
    config = uvicorn.Config(
        create_app(Config(db_url=url)),
        host="127.0.0.1",
        port=port,
        http=JsonErrorsH11Protocol,
        log_level="critical",
        lifespan="off",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
            time.sleep(0.05)
        for name in ("invalid Content-Length", "malformed request line"):
            request_bytes = MALFORMED[name]
            status, headers, body = parse(raw_exchange(port, request_bytes))
            assert (status, headers["content-type"]) == (400, "application/json")
            assert json.loads(body)["error"]["code"] == "malformed_http"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
    assert not thread.is_alive()
