"""Faults for the sync tests: an httpx transport that loses requests or
answers, a TCP proxy that cuts connections mid-answer, a registry process
the test may stop and start, a desk sync run in a child process that kills
itself with SIGKILL at its Nth step, and comparisons of what desks hold.

The child processes are forked from a fork server that has the desk's sync
modules imported already (a fresh interpreter takes ~1.5 s to import them;
a fork takes milliseconds), so a test can kill dozens of syncs in seconds.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

# -- an httpx transport with scripted faults ---------------------------------

# What happens to a request (``FaultTransport.plan`` answers one per request):
OK = "ok"
REFUSED_500 = "500"  # not forwarded; the registry never saw it; 500 back
LOST_502 = "lost-502"  # forwarded and applied; the answer replaced by a 502
TIMEOUT = "timeout"  # not forwarded; a read timeout
LOST_TIMEOUT = "lost-timeout"  # forwarded and applied; the answer timed out
CUT = "cut"  # forwarded and applied; the connection dropped mid-answer


class FaultTransport(httpx.BaseTransport):
    """Forwards to the real transport, except where ``plan(n, request)``
    (n counts requests from 0) names a fault.  ``log`` keeps (path, fault)."""

    def __init__(self, plan: Callable[[int, httpx.Request], str]) -> None:
        self.plan = plan
        self.inner = httpx.HTTPTransport()
        self.count = 0
        self.log: list[tuple[str, str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        fault = self.plan(self.count, request)
        self.count += 1
        self.log.append((request.url.path, fault))
        if fault == REFUSED_500:
            return httpx.Response(500, json={"error": {"code": "internal",
                                                       "message": "injected"}})
        if fault == TIMEOUT:
            raise httpx.ReadTimeout("injected timeout", request=request)
        response = self.inner.handle_request(request)
        if fault == OK:
            return response
        response.read()
        response.close()
        if fault == LOST_502:
            return httpx.Response(502, text="Bad Gateway")
        if fault == LOST_TIMEOUT:
            raise httpx.ReadTimeout("injected timeout after the registry answered",
                                    request=request)
        if fault == CUT:
            raise httpx.RemoteProtocolError(
                "peer closed connection without sending complete message body",
                request=request,
            )
        raise ValueError(f"unknown fault {fault!r}")

    def close(self) -> None:
        self.inner.close()


# -- a TCP proxy that cuts answers ---------------------------------------------


class CutProxy:
    """A TCP proxy in front of the registry.  ``cut(path, after_bytes, n)``
    makes the next *n* requests whose path starts with *path* lose their
    connection after *after_bytes* bytes of the answer (the request reached
    the registry, which did its work).  Use it with a client that opens a
    connection per request (``fresh_connections``)."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._lock = threading.Lock()
        self._cuts: list[tuple[str, int]] = []
        self.cut_count = 0
        self._running = True
        threading.Thread(target=self._accept, daemon=True).start()

    def cut(self, path: str, after_bytes: int, times: int = 1) -> None:
        with self._lock:
            self._cuts.extend([(path, after_bytes)] * times)

    def close(self) -> None:
        self._running = False
        self._server.close()

    def _accept(self) -> None:
        while self._running:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _take_cut(self, head: bytes) -> int | None:
        try:
            path = head.split(b" ", 2)[1].decode()
        except IndexError:
            return None
        with self._lock:
            for i, (prefix, after) in enumerate(self._cuts):
                if path.startswith(prefix):
                    del self._cuts[i]
                    self.cut_count += 1
                    return after
        return None

    def _serve(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(self.upstream, timeout=30)
        except OSError:
            client.close()
            return
        with client, upstream:
            first = client.recv(65536)
            if not first:
                return
            cut_after = self._take_cut(first)
            upstream.sendall(first)
            done = threading.Event()

            def forward_request() -> None:
                try:
                    while chunk := client.recv(65536):
                        upstream.sendall(chunk)
                except OSError:
                    pass
                done.set()

            threading.Thread(target=forward_request, daemon=True).start()
            sent = 0
            try:
                while chunk := upstream.recv(65536):
                    if cut_after is not None and sent + len(chunk) >= cut_after:
                        client.sendall(chunk[: max(0, cut_after - sent)])
                        client.shutdown(socket.SHUT_RDWR)
                        return
                    client.sendall(chunk)
                    sent += len(chunk)
            except OSError:
                return


def fresh_connections() -> httpx.HTTPTransport:
    """A transport that opens a new connection for every request."""
    return httpx.HTTPTransport(limits=httpx.Limits(max_keepalive_connections=0))


# -- a registry process of the test's own --------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class RegistryProcess:
    """``erpdesk-registry serve`` over *db_url* on a fixed port, which the
    test may ``stop`` (SIGKILL: the registry dies mid-work) and ``start``
    again on the same port and database."""

    def __init__(self, db_url: str, log_path: Path, port: int | None = None,
                 env: dict[str, str] | None = None) -> None:
        self.db_url = db_url
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.env = {**os.environ, "ERPDESK_REGISTRY_JOB_INTERVAL": "0", **(env or {})}
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self, timeout: float = 30) -> None:
        log = self.log_path.open("a")
        self.process = subprocess.Popen(
            [sys.executable, "-c",
             "from erpdesk.registry.cli import main; raise SystemExit(main())",
             "serve", "--db", self.db_url, "--port", str(self.port),
             "--log-level", "warning"],
            stdout=log, stderr=subprocess.STDOUT, env=self.env,
        )
        log.close()
        self.starts += 1
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"the registry ended ({self.process.returncode}): "
                                   + self.log_path.read_text())
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the registry did not answer /healthz in time")
            time.sleep(0.02)

    def stop(self, *, kill: bool = True) -> None:
        if self.process is None:
            return
        if kill:
            self.process.kill()
        else:
            self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


# -- a desk sync in a child process, killed at its Nth step ----------------------

_context: Any = None


def fork_context() -> Any:
    """The fork-server context, its server holding the sync modules."""
    global _context
    if _context is None:
        _context = multiprocessing.get_context("forkserver")
        _context.set_forkserver_preload([
            "erpdesk.storage.database", "erpdesk.storage.sync_store",
            "erpdesk.sync.engine", "httpx", "sqlalchemy",
            # pypinyin's dictionaries take a second to load: once, in the server
            "pypinyin", "pypinyin.phrases_dict", "pypinyin.pinyin_dict",
        ])
    return _context


class _Countdown:
    """Counts the steps of a sync (SQL statements and commits of the desk
    database, requests sent, answers received) and SIGKILLs its own process
    at step *die_at* (never, for 0)."""

    def __init__(self, die_at: int) -> None:
        self.die_at = die_at
        self.steps = 0

    def step(self, *_: Any, **__: Any) -> None:
        self.steps += 1
        if self.steps == self.die_at:
            os.kill(os.getpid(), signal.SIGKILL)


class _CountingTransport(httpx.HTTPTransport):
    def __init__(self, countdown: _Countdown) -> None:
        super().__init__()
        self.countdown = countdown

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.countdown.step()  # dies before the request leaves
        response = super().handle_request(request)
        response.read()
        self.countdown.step()  # dies after the registry answered
        return response


def _child_sync(path: str, url: str, token: str, die_at: int, batch: int, page: int,
                steps_file: str) -> None:
    from sqlalchemy import event

    from erpdesk.storage.database import open_database
    from erpdesk.storage.sync_store import SyncStore
    from erpdesk.sync.client import RegistryClient, SyncError
    from erpdesk.sync.engine import SyncEngine

    countdown = _Countdown(die_at)
    db = open_database(path)
    event.listen(db.engine, "before_cursor_execute", countdown.step)
    event.listen(db.engine, "commit", countdown.step)
    client = RegistryClient(url, token, timeout=20, transport=_CountingTransport(countdown))
    try:
        SyncEngine(SyncStore(db), client, batch=batch, page=page).run()
    except SyncError as exc:
        print(f"sync failed: {exc}", file=sys.stderr)
        os._exit(3)
    Path(steps_file).write_text(str(countdown.steps))
    client.close()
    db.close()


def sync_in_child(path: Path, url: str, token: str, die_at: int, *, batch: int, page: int,
                  timeout: float = 30) -> tuple[int, int | None]:
    """Run a desk sync in a child process that SIGKILLs itself at its step
    *die_at* (0: runs to the end).  Returns (exit code, steps taken when it
    finished): -9 when killed."""
    steps_file = path.with_suffix(".steps")
    steps_file.unlink(missing_ok=True)
    child = fork_context().Process(
        target=_child_sync,
        args=(str(path), url, token, die_at, batch, page, str(steps_file)),
    )
    child.start()
    child.join(timeout)
    if child.exitcode is None:
        child.kill()
        child.join()
        raise AssertionError(f"the sync child hung at step {die_at}")
    steps = int(steps_file.read_text()) if steps_file.exists() else None
    return int(child.exitcode), steps


# -- what desks hold -------------------------------------------------------------


def synced_rows(path: Path) -> dict[str, dict[str, tuple[Any, ...]]]:
    """table -> id -> (deleted, the synced columns), read from the file.
    ``owner`` is left out: the registry decides it (a deal made on a desk
    signed in as nobody comes back owned by the user who pushed it)."""
    from erpdesk.sync.entities import ENTITIES

    found: dict[str, dict[str, tuple[Any, ...]]] = {}
    with closing_sqlite(path) as conn:
        for kind in ENTITIES:
            columns = ["deleted", *dict.fromkeys(
                kind.column(f) for f in kind.fields if f != "owner"
            )]
            have = {r[1] for r in conn.execute(f"PRAGMA table_info({kind.table})")}
            columns = [c for c in columns if c in have]
            rows = conn.execute(f"SELECT id, {', '.join(columns)} FROM {kind.table}")
            found[kind.table] = {str(r[0]): tuple(r[1:]) for r in rows}
    return found


def outbox_size(path: Path) -> int:
    with closing_sqlite(path) as conn:
        return int(conn.execute("SELECT count(*) FROM outbox").fetchone()[0])


@contextmanager
def closing_sqlite(path: Path | str) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(path, timeout=30)
    try:
        yield conn
    finally:
        conn.close()

