"""The funnel at the issue's scale: the board, moving a card, the forecast and
a deal page, on the 100,000-customer data set plus 20,000 open and 100,000
closed deals (docs/benchmarks.md, "Funnel, issue 10").

The deals are made once (``funnel_dataset``) through the storage layer in
bulk, without outbox ops, with realistic stage histories (forward moves,
some moves back, closes won and lost, reopenings), and kept under bench/out/.
Each measurement is a median over repeated runs on a copy of that file,
offscreen:

- board: the funnel page (``FunnelPage``) built, its cards loaded and
  painted; baseline ``DealService.board()`` alone;
- move: ``DealService.move`` of a card one stage forward (gate overridden);
- forecast: ``DealService.forecast(conversion=False)`` (the charts' figures)
  and the conversion over the whole stage history apart; then
  ``ForecastView`` built until its charts are painted;
- deal page: ``DealService.page()``; then ``DealPage`` built and painted.

    python bench/bench_deals.py [--customers 100000] [--open 20000] [--closed 100000]
        [--runs 7] [--startup]

``--startup`` also reruns bench/bench_startup.py on the file with the deals.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.dataset import OUT, dataset, median, ms

NOW = datetime.now(UTC).replace(microsecond=0)
OWNERS = ["zhang.wei", "li.na", "wang.fang", "liu.yang", "chen.jing", "zhao.lei"]
WORDS = [
    "ERP一期",
    "ERP二期",
    "财务共享",
    "供应链升级",
    "生产制造MES",
    "集团管控",
    "HR系统",
    "云ERP",
]
LOST_REASONS = ["price", "competitor", "no_budget", "no_decision"]
COMPETITORS = ["用友", "金蝶", "SAP", "浪潮", "鼎捷"]


def make_deals(path: Path, open_deals: int, closed_deals: int, seed: int = 1) -> None:
    """Add *open_deals* and *closed_deals* deals with their stage histories
    to the desk database at *path*, in bulk (no outbox ops)."""
    from erpdesk.domain.deal import Deal, DealStatus, MoveKind, StageChange
    from erpdesk.playbooks import read_playbook
    from erpdesk.storage.database import open_database
    from erpdesk.storage.uow import UnitOfWork

    rng = random.Random(seed)
    playbook = read_playbook()
    probability = {s.number: s.probability for s in playbook.stages}
    db = open_database(path)
    customers = [r[0] for r in db.reader.execute("SELECT id FROM customer WHERE deleted = 0")]
    batch: list[Deal] = []
    changes: list[StageChange] = []

    def flush() -> None:
        with UnitOfWork(db) as uow:
            uow.deals.add_many(batch, record=False)
            uow.stage_changes.add_many(changes, record=False)
            uow.commit()
        batch.clear()
        changes.clear()

    for i in range(open_deals + closed_deals):
        is_open = i < open_deals
        deal_id = f"00000000-0000-4000-8000-{i:012d}"
        created = NOW - timedelta(days=rng.randint(5, 720), seconds=rng.randint(0, 86_399))
        if is_open:
            status, last = DealStatus.OPEN, rng.choices(range(1, 8), [30, 22, 16, 12, 9, 7, 4])[0]
        else:
            status = DealStatus.WON if rng.random() < 0.3 else DealStatus.LOST
            last = 7 if status is DealStatus.WON else rng.randint(1, 6)
        at = created
        steps: list[tuple[MoveKind, int, int | None]] = [(MoveKind.CREATED, 1, None)]
        stage = 1
        while stage < last:
            if stage > 1 and rng.random() < 0.08:
                steps.append((MoveKind.BACK, stage - 1, stage))
                steps.append((MoveKind.FORWARD, stage, stage - 1))
            steps.append((MoveKind.FORWARD, stage + 1, stage))
            stage += 1
        if not is_open:
            kind = MoveKind.WON if status is DealStatus.WON else MoveKind.LOST
            steps.append((kind, stage, stage))
        times = []
        for _ in steps:
            times.append(at)
            at += timedelta(days=rng.randint(1, 35), seconds=rng.randint(0, 86_399))
        if is_open and times[-1] > NOW:  # the last stage entered before now
            shift = times[-1] - NOW + timedelta(days=rng.randint(0, 60))
            times = [t - shift for t in times]
        closed_at = times[-1] if not is_open else None
        for (kind, to, source), when in zip(steps, times, strict=True):
            changes.append(
                StageChange(deal_id, kind, to, when, rng.choice(OWNERS), from_stage=source,
                            reason="客户预算推迟" if kind is MoveKind.BACK else "",
                            created_at=when, updated_at=when)
            )  # fmt: skip
        amount = Decimal(rng.randint(5_000_000, 800_000_000)).scaleb(-2)
        close = (NOW + timedelta(days=rng.randint(-30, 300))).date() if is_open else None
        batch.append(
            Deal(
                customer_id=rng.choice(customers),
                name=f"{rng.choice(WORDS)}项目{i}",
                stage=stage,
                status=status,
                amount=amount,
                close_date=close if is_open else (closed_at.date() if closed_at else None),
                probability=probability[stage] if is_open else (100 if stage == 7 else 0),
                owner=rng.choice(OWNERS),
                competitors=tuple(rng.sample(COMPETITORS, 2)),
                lost_reason=rng.choice(LOST_REASONS) if status is DealStatus.LOST else "",
                playbook=playbook.key,
                stage_entered_at=times[-2] if not is_open and len(times) > 1 else times[-1],
                closed_at=closed_at,
                id=deal_id,
                created_at=created,
                updated_at=times[-1],
            )
        )
        if len(batch) >= 5_000:
            flush()
    flush()
    db.close()
    with sqlite3.connect(path) as conn:
        conn.execute("ANALYZE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def funnel_dataset(customers: int, open_deals: int, closed_deals: int, seed: int = 1) -> Path:
    """The customers' data set plus the deals, made once under bench/out/."""
    path = OUT / f"desk-{customers}-{seed}-deals-{open_deals}-{closed_deals}.db"
    if not path.exists():
        tmp = path.with_suffix(".tmp.db")
        shutil.copy(dataset(customers, seed), tmp)
        started = time.perf_counter()
        make_deals(tmp, open_deals, closed_deals, seed)
        print(f"made the deals in {time.perf_counter() - started:.1f} s")
        tmp.rename(path)
    return path


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def report(name: str, times: list[float], target: float | None = None) -> None:
    line = f"{name:<40} median {ms(median(times)):>10}   min {ms(min(times)):>10}"
    if target is not None:
        line += f"   target {target * 1000:.0f} ms: {'ok' if median(times) < target else 'MISSED'}"
    print(line)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--open", type=int, default=20_000)
    parser.add_argument("--closed", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--startup", action="store_true")
    args = parser.parse_args()
    source = funnel_dataset(args.customers, args.open, args.closed)
    work = Path(tempfile.mkdtemp(prefix="erpdesk-bench-"))
    db_path = work / "desk.db"
    shutil.copy(source, db_path)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from erpdesk.app import open_desk
    from erpdesk.domain.gates import GateRefused

    app = QApplication([])
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    desk = open_desk(db_path, owner="zhang.wei")
    deals = desk.deals
    counts = dict(desk.db.reader.execute("SELECT status, count(*) FROM deal GROUP BY status"))
    changes = desk.db.reader.execute("SELECT count(*) FROM stage_change").fetchone()[0]
    print(f"deals: {counts}, stage changes: {changes}, runs: {args.runs}")
    deals.playbook  # noqa: B018  (read once, as the window does at start)

    # -- the board ---------------------------------------------------------------
    report("board: DealService.board() (baseline)", timed(deals.board, args.runs))
    try:
        from erpdesk.ui.funnel.page import FunnelPage
    except ImportError:
        FunnelPage = None  # noqa: N806
    if FunnelPage is not None:

        def board_shown() -> None:
            page = FunnelPage(deals, desk.customers, settings)
            page.resize(1280, 800)
            page.show()
            page.wait()
            app.processEvents()
            page.grab()
            page.close_page()
            page.deleteLater()
            app.processEvents()

        def board_first_shown() -> float:
            """Seconds until what the user sees first is painted: every
            column's exact totals and its first cards (the rest stream in)."""
            from PySide6.QtCore import QEventLoop

            started = time.perf_counter()
            page = FunnelPage(deals, desk.customers, settings)
            loop = QEventLoop()
            page.head_shown.connect(loop.quit)
            page.resize(1280, 800)
            page.show()
            loop.exec()
            page.grab()
            elapsed = time.perf_counter() - started
            page.wait()
            page.close_page()
            page.deleteLater()
            app.processEvents()
            return elapsed

        report(
            "board: totals and first cards painted",
            [board_first_shown() for _ in range(args.runs)],
            0.5,
        )
        report("board: FunnelPage shown, every card loaded", timed(board_shown, args.runs), 0.5)

    # -- moving a card -----------------------------------------------------------
    movable = [
        r[0]
        for r in desk.db.reader.execute(
            "SELECT id FROM deal WHERE status = 'open' AND stage < 7 ORDER BY id LIMIT ?",
            (args.runs * 2,),
        )
    ]

    def move() -> None:
        deal_id = movable.pop()
        deal = deals.get(deal_id)
        try:
            deals.move(deal_id, deal.stage + 1, reason="bench", confirm_override=True)
        except GateRefused as exc:  # pragma: no cover - a bench, not a test
            raise SystemExit(f"move refused: {exc}") from exc

    report("move: DealService.move", timed(move, args.runs), 0.05)

    # -- the forecast ------------------------------------------------------------
    report(
        "forecast: figures (no conversion)",
        timed(lambda: deals.forecast(conversion=False), args.runs),
        0.2,
    )
    report("forecast: conversion (whole history)", timed(deals.forecast_conversion, 3))
    started = time.perf_counter()
    from erpdesk.ui.funnel.forecast_view import ForecastView

    print(f"{'forecast: importing QtCharts (once)':<40} {ms(time.perf_counter() - started):>17}")

    def forecast_shown() -> float:
        """Seconds until the charts are painted (the conversion table's
        worker may still run: it is waited for after the clock stops)."""
        started = time.perf_counter()
        view = ForecastView(deals)
        view.resize(1280, 760)
        view.show()
        while view.forecast is None:  # the charts' figures arrive from a worker
            app.processEvents()
        view.grab()
        elapsed = time.perf_counter() - started
        view.wait()
        view.close()
        view.deleteLater()
        app.processEvents()
        return elapsed

    report(
        "forecast: ForecastView charts painted",
        [forecast_shown() for _ in range(args.runs)],
        0.2,
    )

    # -- a deal page -------------------------------------------------------------
    busiest = desk.db.reader.execute(
        "SELECT d.id FROM deal d JOIN stage_change s ON s.deal_id = d.id WHERE d.status = 'open'"
        " GROUP BY d.id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    report("deal page: DealService.page()", timed(lambda: deals.page(busiest), args.runs))
    try:
        from erpdesk.ui.funnel.deal_page import DealPage
    except ImportError:
        DealPage = None  # noqa: N806
    if DealPage is not None:

        def page_shown() -> None:
            page = DealPage(deals, busiest)
            page.resize(1280, 800)
            page.show()
            app.processEvents()
            page.grab()
            page.close()
            page.deleteLater()
            app.processEvents()

        report("deal page: DealPage built, painted", timed(page_shown, args.runs), 0.15)

    desk.close()
    if args.startup:
        script = Path(__file__).resolve().parent / "bench_startup.py"
        subprocess.run([sys.executable, str(script), "--runs", str(args.runs),
                        "--customers", str(args.customers)], check=True)  # fmt: skip
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
