"""Benchmark: the desk's sync against a registry on PostgreSQL (issue 12).

    python bench/bench_sync.py [--runs 3] [--changes 10000] [--pg URL]

1. A desk holding ``--changes`` pending local changes, made once through the
   desk's own services (customers created with two contacts, two visits
   logged each: five outbox ops per customer).
2. For each run: a fresh PostgreSQL database ``erpdesk_bench_sync_<pid>``
   on the server of ``--pg`` (dropped at the end, whatever happened),
   migrated with ``erpdesk-registry db upgrade``, a rep added with the
   registry's command line, ``erpdesk-registry serve`` on a free port of
   127.0.0.1; then, in this process with a ``QApplication`` whose
   ``QTimer`` ticks every 5 ms and records the gaps between ticks:
   (a) a copy of the desk runs a whole sync on a worker thread: the push
       of every change (batches of 500), then the pull of its own rows;
   (b) a fresh desk of the same rep pulls them all: the remote changes
       (pages of 500).
   (c) the baseline, in the same database: a bare psycopg insert of as many
       rows (an id, a parent id and a JSON document each) into a scratch
       table, in the push's batches of 500, one transaction each: the floor
       the registry's push is compared with.
3. Prints the median of the runs for the push, the pull of (b), the push's
   ratio to the baseline, and the longest gap of the event loop while a sync
   ran (targets: push and pull under 10 s, aim 5 s; gap at most 50 ms).
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx  # noqa: E402
import psycopg  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

DEFAULT_PG = os.environ.get(
    "ERPDESK_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
PASSWORD = "bench-sync-password-1"


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def database(admin: str, name: str) -> Iterator[str]:
    """A fresh database *name* on the server of *admin*, dropped at the end."""
    plain = make_url(admin).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def registry_cli(*args: str, stdin: str = "") -> str:
    from erpdesk.registry.cli import main

    out = io.StringIO()
    code = main(list(args), stdout=out, stdin=io.StringIO(stdin))
    if code != 0:
        raise RuntimeError(f"erpdesk-registry {' '.join(args)}: {out.getvalue()}")
    return out.getvalue()


@contextmanager
def serve(db_url: str) -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "ERPDESK_REGISTRY_JOB_INTERVAL": "0"}
    process = subprocess.Popen(
        [sys.executable, "-c", "from erpdesk.registry.cli import main; raise SystemExit(main())",
         "serve", "--db", db_url, "--host", "127.0.0.1", "--port", str(port),
         "--log-level", "warning"],
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the registry did not start")
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def make_desk(path: Path, changes: int) -> None:
    """*changes* pending ops, five per customer, through the services."""
    from erpdesk.app import open_desk
    from erpdesk.domain.customer import Activity, ActivityKind, Contact, Customer

    desk = open_desk(path, owner="")
    cities = ("杭州", "苏州", "宁波", "无锡", "成都", "合肥")
    now = datetime.now(UTC)
    try:
        for n in range(changes // 5):
            city = cities[n % len(cities)]
            customer = Customer(name=f"{city}基准第{n}号精密机械制造有限公司", need="ERP 选型",
                                city=city)
            people = [Contact(customer_id=customer.id, name=f"联系人{n}-{k}",
                              mobile=f"139{n:04d}{k:04d}") for k in range(2)]
            desk.customers.create(customer, people)
            for k in range(2):
                desk.customers.log_activity(Activity(
                    customer_id=customer.id, kind=ActivityKind.VISIT,
                    occurred_at=now - timedelta(days=k + 1), summary=f"第{k + 1}次拜访",
                    contact_id=people[k].id,
                ))
        count = desk.db.reader.execute("SELECT count(*) FROM outbox").fetchone()[0]
    finally:
        desk.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    say(f"desk made: {count} pending ops")


class GapMeter:
    """A QTimer every 5 ms on the main thread; the longest gap between two
    ticks while ``measure`` runs *job* on a worker thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication

        self.app = QCoreApplication.instance() or QApplication([])

    def measure(self, job: Callable[[], Any]) -> tuple[Any, float]:
        from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

        clock = QElapsedTimer()
        gaps: list[int] = []
        last = [0]
        timer = QTimer()
        timer.setInterval(5)
        loop = QEventLoop()
        result: list[Any] = []
        errors: list[BaseException] = []

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now
            if not worker.is_alive():
                loop.quit()

        def work() -> None:
            try:
                result.append(job())
            except BaseException as exc:  # re-raised on the main thread
                errors.append(exc)

        timer.timeout.connect(tick)
        worker = threading.Thread(target=work, name="sync")
        clock.start()
        timer.start()
        worker.start()
        loop.exec()
        timer.stop()
        worker.join()
        if errors:
            raise errors[0]
        return result[0], float(max(gaps[1:] or [0]))


def one_run(admin: str, template: Path, folder: Path, meter: GapMeter) -> dict[str, float]:
    from erpdesk.app import open_desk
    from erpdesk.storage.sync_store import SyncStore
    from erpdesk.sync.client import RegistryClient
    from erpdesk.sync.engine import SyncEngine, SyncReport
    from erpdesk.ui.sync.controller import settle_heap

    with database(admin, f"erpdesk_bench_sync_{os.getpid()}") as db_url:
        registry_cli("db", "upgrade", "--db", db_url)
        registry_cli("user", "add", "benchrep", "--role", "rep", "--password-stdin",
                     "--db", db_url, stdin=PASSWORD + "\n")
        with serve(db_url) as url:
            local = folder / "local.db"
            shutil.copy(template, local)
            figures: dict[str, float] = {}
            for name, path in (("local", local), ("remote", folder / "remote.db")):
                desk = open_desk(path, owner="")
                client = RegistryClient(url, timeout=120)
                try:
                    client.login("benchrep", PASSWORD)
                    store = SyncStore(desk.db)
                    store.reset_for(url, "benchrep")
                    engine = SyncEngine(store, client)
                    device = store.device_id()

                    def job(engine: SyncEngine = engine, device: str = device) -> dict[str, Any]:
                        settle_heap()  # as the window's sync worker does before each run
                        report = SyncReport()
                        t0 = time.perf_counter()
                        engine.push(device, report)
                        t1 = time.perf_counter()
                        engine.pull(device, report)
                        t2 = time.perf_counter()
                        return {"push": t1 - t0, "pull": t2 - t1, "report": report}

                    out, gap = meter.measure(job)
                    report = out["report"]
                    if name == "local":
                        assert report.pushed == report.applied, report
                        figures.update(push=out["push"], pushed=report.pushed,
                                       echo_pull=out["pull"], gap_local=gap)
                    else:
                        figures.update(pull=out["pull"], pulled=report.pulled, gap_remote=gap)
                    assert store.pending_count() == 0
                finally:
                    client.close()
                    desk.close()
            for path in folder.glob("*.db*"):
                path.unlink()
        figures["baseline"] = bare_insert(db_url, int(figures["pushed"]))
        figures["ratio"] = figures["push"] / figures["baseline"]
        return figures


def bare_insert(db_url: str, rows: int, batch: int = 500) -> float:
    """Seconds to insert *rows* plain rows in batches of *batch*, one
    transaction a batch, with psycopg alone (the push's floor)."""
    import json
    import uuid

    url = make_url(db_url).set(drivername="postgresql")
    parent = str(uuid.uuid4())
    data = [(str(uuid.uuid4()), parent, json.dumps({"name": f"联系人{n}", "mobile": "13800000000"},
                                                   ensure_ascii=False)) for n in range(rows)]
    with psycopg.connect(url.render_as_string(hide_password=False)) as conn:
        conn.execute("CREATE TABLE bench_floor (id text PRIMARY KEY, parent text, doc json)")
        conn.commit()
        t = time.perf_counter()
        for start in range(0, rows, batch):
            with conn.cursor() as cur:
                cur.executemany("INSERT INTO bench_floor VALUES (%s, %s, %s)",
                                data[start:start + batch])
            conn.commit()
        return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--pg", default=DEFAULT_PG, help="admin URL of the PostgreSQL server")
    args = parser.parse_args(argv)
    os.environ.setdefault("ERPDESK_LANG", "en")
    _memory_keyring()
    meter = GapMeter()
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        folder = Path(tmp)
        template = folder / "template.db"
        t = time.perf_counter()
        make_desk(template, args.changes)
        say(f"  ({time.perf_counter() - t:.1f} s)")
        runs = []
        for n in range(args.runs):
            work = folder / f"run{n}"
            work.mkdir()
            figures = one_run(args.pg, template, work, meter)
            say(f"run {n + 1}: " + ", ".join(
                f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                for k, v in figures.items()))
            runs.append(figures)
    print(f"| measure ({args.changes:,} changes, median of {args.runs}) | value | target |")
    print("|---|---|---|")
    rows = [("push of the local changes", "push", "s", "< 10 s (aim 5)"),
            ("bare insert of as many rows (baseline)", "baseline", "s", "-"),
            ("push / baseline", "ratio", "x", "-"),
            ("pull of the remote changes (fresh desk)", "pull", "s", "< 10 s (aim 5)"),
            ("pull of its own pushed rows (same desk)", "echo_pull", "s", "-"),
            ("longest event-loop gap, pushing desk", "gap_local", "ms", "<= 50 ms"),
            ("longest event-loop gap, pulling desk", "gap_remote", "ms", "<= 50 ms")]
    for label, key, unit, target in rows:
        values = [r[key] for r in runs]
        median = statistics.median(values)
        shown = {"s": f"{median:.2f} s", "x": f"{median:.1f}x"}.get(unit, f"{median:.0f} ms")
        print(f"| {label} | {shown} (runs: {', '.join(f'{v:.2f}' for v in values)}) "
              f"| {target} |")
    return 0


def _memory_keyring() -> None:
    """No real keyring is touched: the engine is given the token directly."""
    import keyring
    from keyring.backends.null import Keyring

    keyring.set_keyring(Keyring())


if __name__ == "__main__":
    raise SystemExit(main())
