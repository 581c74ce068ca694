"""The funnel at the issue's scale: the board, moving a card, the forecast and
a deal page, on the 100,000-customer data set plus 20,000 open and 100,000
closed deals (docs/benchmarks.md, "Funnel, issue 10").

The data are made once by ``erpdesk demo --deals --closed-deals``
(``bench.dataset``: realistic stage histories, ticked checklists, filled
worksheets, no outbox ops) and kept under bench/out/.
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
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.dataset import dataset, median, ms


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
    source = dataset(args.customers, 1, args.open, args.closed)
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
