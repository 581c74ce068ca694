"""The Today page at scale (docs/benchmarks.md, "Today, issue 14"): the
100,000-customer desk with 20,000 open and 100,000 closed deals
(``bench/dataset.py``), copied, migrated, acting as its main owner
(``demo``: ~16,000 of the open deals), with 3,000 todos added (a month
overdue to a month ahead, a tenth done).

Measured, as the median of ``--runs``: the customer list's first page
(the same run's baseline), ``TodayService.today`` (the indexed sections),
``TodayService.scanned`` (registrations and visits: the worker's part),
the page from creating it to its first complete paint (what the target
is about: the indexed sections shown, the scanned ones "Reading…"), and
the page until the worker's sections are painted too.  Target: Today
opens in under 300 ms.

    QT_QPA_PLATFORM=offscreen python bench/bench_today.py [--runs 7] [--db PATH]

``--db`` reuses a copy prepared by an earlier run (``--keep`` keeps it).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.dataset import dataset, median, ms, p95

TARGET = 0.300
USER = "demo"
TODOS = 3000
TITLES = ("回电话确认需求", "发送修改后的报价", "约信息中心主任演示", "整理调研纪要",
          "确认合同条款", "提醒财务付款", "准备投标文件", "安排高层拜访")  # fmt: skip


def prepare(path: Path, seed: int = 1) -> None:
    """Migrate the copy, act as *USER* and add the todos (one transaction)."""
    from erpdesk.app import open_desk
    from erpdesk.domain.todo import done, new_todo

    desk = open_desk(path, owner=USER)
    try:
        rng = random.Random(seed)
        pairs = desk.db.reader.execute(
            "SELECT customer_id, id FROM deal WHERE status = 'open' AND owner = ? LIMIT 3000",
            (USER,),
        ).fetchall()
        now = datetime.now().astimezone().replace(second=0, microsecond=0)
        with desk.unit_of_work() as uow:
            uow.meta_set("sync.user", USER)
            for n in range(TODOS):
                customer_id, deal_id = pairs[n % len(pairs)]
                due = now + timedelta(minutes=rng.randint(-30 * 24 * 60, 30 * 24 * 60))
                todo = new_todo(customer_id, rng.choice(TITLES), due, now=min(due, now),
                                deal_id=deal_id if rng.random() < 0.5 else None)  # fmt: skip
                uow.todos.add(done(todo, now=now) if rng.random() < 0.1 else todo)
            uow.commit()
    finally:
        desk.close()


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def report(
    name: str, times: list[float], base: float | None = None, target: float | None = None
) -> None:
    line = f"{name:<62} median {ms(median(times)):>9}  p95 {ms(p95(times)):>9}"
    if base:
        line += f"  ×{median(times) / base:5.1f}"
    if target is not None:
        line += f"   target {target * 1000:.0f} ms: {'ok' if median(times) < target else 'MISSED'}"
    print(line, flush=True)


def page_times(app: Any, make: Callable[[], Any], runs: int, full: bool) -> list[float]:
    """Per run: creating the page to its first complete paint (*full*:
    until the worker's sections are painted too)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        page = make()
        page.resize(1266, 708)
        page.show()
        app.processEvents()
        if full:
            while getattr(page, "scanning", False):
                app.processEvents()
                time.sleep(0.001)
            app.processEvents()
        page.repaint()
        times.append(time.perf_counter() - started)
        while getattr(page, "scanning", False):  # let the worker finish first
            app.processEvents()
            time.sleep(0.005)
        page.close()
        page.deleteLater()
        app.processEvents()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--db", type=Path, help="a copy prepared by an earlier --keep run")
    parser.add_argument("--keep", action="store_true", help="keep the prepared copy")
    args = parser.parse_args()
    if args.db is not None:
        path = args.db
    else:
        path = Path(tempfile.mkdtemp(prefix="erpdesk-today-")) / "desk.db"
        started = time.perf_counter()
        shutil.copy(dataset(100_000, 1, 20_000, 100_000), path)
        prepare(path)
        print(f"prepared {path} in {time.perf_counter() - started:.0f} s", flush=True)

    from PySide6.QtWidgets import QApplication

    from erpdesk.app import open_desk

    app = QApplication([])
    desk = open_desk(path, owner=USER)
    try:
        from erpdesk.ui.today import TodayServices
        from erpdesk.ui.today.page import TodayPage

        services = TodayServices.of_desk(desk)
        today = services.today
        facts = desk.db.reader.execute(
            "SELECT (SELECT count(*) FROM customer), (SELECT count(*) FROM deal WHERE status ="
            " 'open'), (SELECT count(*) FROM todo), (SELECT count(*) FROM activity)"
        ).fetchone()
        print(f"customers {facts[0]:,}, open deals {facts[1]:,}, todos {facts[2]:,}, "
              f"activities {facts[3]:,}; user {today.actor()}; runs {args.runs}")  # fmt: skip
        started = time.perf_counter()
        view = today.today()
        print(f"first TodayService.today() of the process: {ms(time.perf_counter() - started)}")
        print("sections: " + ", ".join(f"{s.key.value} {len(s.items)}/{s.total}"
                                       for s in today.whole().sections))  # fmt: skip
        criteria = desk.customers.criteria()
        base = timed(lambda: desk.customers.page(criteria, limit=200), args.runs)
        report("baseline: the customer list's first page (200 rows)", base)
        b = median(base)
        from PySide6.QtWidgets import QTreeView

        report("baseline: an empty QTreeView shown and painted",
               page_times(app, QTreeView, args.runs, False), b)  # fmt: skip
        report("TodayService.today() (indexed sections)", timed(today.today, args.runs), b)
        report("TodayService.scanned() (worker: registrations, visits)",
               timed(today.scanned, args.runs), b)  # fmt: skip
        report(
            "**Today page, first complete paint**",
            page_times(app, lambda: TodayPage(services), args.runs, False),
            b,
            TARGET,
        )
        report("Today page, the worker's sections painted too",
               page_times(app, lambda: TodayPage(services), args.runs, True), b)  # fmt: skip
        del view
    finally:
        desk.close()
        if args.db is None and not args.keep:
            shutil.rmtree(path.parent, ignore_errors=True)
        elif args.keep:
            print(f"kept {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
