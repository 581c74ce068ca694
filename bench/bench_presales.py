"""The consultant's workbench at scale (docs/benchmarks.md, "Presales
workbench, issue 13"): 5,000 engagements with their support requests and
30,000 demos and surveys over ~300 customers and their deals, spread over
six months back and six ahead, across 12 consultants, one of them the
desk's user.

The desk is ``erpdesk demo --customers 300 --deals 300 --as consultant``
(its user is a consultant, 售前-张伟), then the engagements, requests and
tasks are made as domain records and written as the repositories write
their rows (``presales_repositories._row``), in bulk.  Measured, as the
median of ``--runs`` fresh widgets, from creating the widget to its first
complete paint (shown, events processed, repainted): the "My work" tab
(``WorkbenchView``, the user's work), the Presales page (``PresalesPage``,
its first tab "My work"), the week (``WeekView``), the team's workload
(``WorkloadView``, as the presales lead), "My work" showing the team's work
(the lead), and a baseline of the same run: an empty ``QTableView`` shown
and painted.  Target: "My work" opens in under 300 ms.

    QT_QPA_PLATFORM=offscreen python bench/bench_presales.py [--runs 5] [--keep]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET = 0.300
USER = "售前-张伟"
CONSULTANTS = (
    USER, "售前-王芳", "售前-李娜", "售前-刘洋", "售前-陈静", "售前-赵磊", "售前-杨帆",
    "售前-黄敏", "售前-周杰", "售前-吴婷", "售前-徐斌", "售前-孙悦",
)  # fmt: skip
TITLES = ("财务月结演示", "供应链全流程演示", "生产排产演示", "需求调研：财务", "需求调研：生产",
          "MES集成演示", "成本核算调研", "仓储条码演示")  # fmt: skip
PLACES = ("客户会议室", "客户总部三楼", "我司展厅", "")


def generate(path: Path, engagements: int = 5000, tasks: int = 30000, seed: int = 1) -> None:
    """The demo desk at *path*, then the presales records in bulk."""
    subprocess.run(
        [sys.executable, "-m", "erpdesk.cli.main", "demo", "--customers", "300", "--deals",
         "300", "--as", "consultant", "--seed", str(seed), "--db", str(path), "--lang", "en"],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    from sqlalchemy import insert, select

    from erpdesk.app import open_desk
    from erpdesk.storage.schema import deal, presales_engagement, presales_task, support_request

    desk = open_desk(path)
    try:
        with desk.db.engine.begin() as conn:
            deals = [tuple(r) for r in conn.execute(select(deal.c.id, deal.c.customer_id))]
            requests, opened, made = _records(random.Random(seed), deals, engagements, tasks)
            conn.execute(insert(support_request), requests)
            conn.execute(insert(presales_engagement), opened)
            for start in range(0, len(made), 5000):
                conn.execute(insert(presales_task), made[start:start + 5000])
    finally:
        desk.close()


def _records(
    rng: random.Random, deals: list[tuple[str, str]], engagements: int, tasks: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows of the requests, engagements and tasks, made as records."""
    from erpdesk.domain.presales import (
        Engagement,
        PresalesTask,
        RequestKind,
        RequestState,
        StepEntry,
        SupportRequest,
        TaskKind,
        TaskState,
        TechnicalWin,
    )
    from erpdesk.storage.presales_repositories import (
        ENGAGEMENT_JSON,
        REQUEST_JSON,
        TASK_JSON,
        _row,
    )
    from erpdesk.storage.schema import presales_engagement, presales_task, support_request

    now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    requests, opened, made = [], [], []
    kinds = list(RequestKind)
    for n in range(engagements):
        deal_id, customer_id = rng.choice(deals)
        consultant = CONSULTANTS[n % len(CONSULTANTS)]
        start = now - timedelta(days=rng.randint(0, 360), hours=rng.randint(0, 23))
        closed = start < now - timedelta(days=60) and rng.random() < 0.6
        win = rng.choice((TechnicalWin.WON, TechnicalWin.LOST)) if closed else (
            rng.choice((TechnicalWin.OPEN, TechnicalWin.OPEN, TechnicalWin.WON)))
        request = SupportRequest(
            customer_id=customer_id, kind=rng.choice(kinds), requested_by="rep", deal_id=deal_id,
            state=RequestState.DONE if closed else RequestState.IN_PROGRESS,
            consultant=consultant, created_at=start, updated_at=start, submitted_at=start,
        )  # fmt: skip
        step = 8 if closed else rng.randint(1, 8)
        engagement = Engagement(
            request_id=request.id, customer_id=customer_id, consultant=consultant,
            deal_id=deal_id, step=step, technical_win=win, opened_at=start,
            closed_at=start + timedelta(days=50) if closed else None,
            history=(StepEntry(1, start, consultant),), created_at=start, updated_at=start,
        )  # fmt: skip
        requests.append(_row(request, support_request, REQUEST_JSON))
        opened.append(_row(engagement, presales_engagement, ENGAGEMENT_JSON))
    for _ in range(tasks):
        e = opened[rng.randrange(len(opened))]
        begins = now + timedelta(days=rng.randint(-182, 182))
        begins = begins.replace(hour=rng.randint(0, 9))  # 8:00-17:00 in China
        past = begins < now
        state = rng.choices(
            (TaskState.DONE, TaskState.CANCELLED, TaskState.PLANNED),
            (85, 10, 5) if past else (0, 10, 90),
        )[0]
        ours = (e["consultant"],) + ((rng.choice(CONSULTANTS),) if rng.random() < 0.2 else ())
        kind = rng.choice((TaskKind.DEMO, TaskKind.SURVEY))
        task = PresalesTask(
            engagement_id=e["id"], customer_id=e["customer_id"], deal_id=e["deal_id"] or "",
            kind=kind, title=rng.choice(TITLES), starts_at=begins,
            ends_at=begins + timedelta(hours=rng.choice((1, 2, 3, 4))),
            place=rng.choice(PLACES), online=rng.random() < 0.3,
            our_attendees=tuple(dict.fromkeys(ours)), state=state, created_at=begins,
            updated_at=begins,
        )  # fmt: skip
        made.append(_row(task, presales_task, TASK_JSON))
    return requests, opened, made


def act_as(path: Path, name: str, role: str, lead: bool) -> None:
    from erpdesk.app import open_desk
    from erpdesk.services.presales import LEAD_KEY

    desk = open_desk(path)
    try:
        with desk.unit_of_work() as uow:
            uow.meta_set("sync.user", name)
            uow.meta_set("sync.role", role)
            uow.meta_set(LEAD_KEY, "1" if lead else "0")
            uow.commit()
    finally:
        desk.close()


def painted(
    app: Any, make: Callable[[], Any], runs: int, before: Callable[[Any], None] | None = None
) -> list[float]:
    """Per run: from creating a fresh widget to its first complete paint."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        widget = make()
        if before is not None:
            before(widget)
        widget.resize(1280, 720)
        widget.show()
        app.processEvents()
        widget.repaint()
        times.append(time.perf_counter() - started)
        close = getattr(widget, "close_page", None)
        if close is not None:
            close()
        widget.close()
        widget.deleteLater()
        app.processEvents()
    return times


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def _team(view: Any) -> None:
    view.refresh()  # learns the user may see the team
    view.scope.setCurrentIndex(1)  # the team's work (reads again)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the desk and print its path")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="erpdesk-bench-presales-"))
    path = folder / "desk.db"
    started = time.perf_counter()
    generate(path)
    print(f"desk made (demo + 5,000 engagements, 30,000 tasks): "
          f"{time.perf_counter() - started:.1f} s  {path if args.keep else ''}")

    from PySide6.QtWidgets import QApplication, QTableView

    from erpdesk.app import open_desk
    from erpdesk.ui.presales import PresalesServices
    from erpdesk.ui.presales.page import PresalesPage
    from erpdesk.ui.presales.week_view import WeekView
    from erpdesk.ui.presales.workbench import WorkbenchView
    from erpdesk.ui.presales.workload_view import WorkloadView

    app = QApplication.instance() or QApplication([])
    desk = open_desk(path)
    services = PresalesServices(presales=desk.presales)
    data = desk.presales.workbench()
    print(f"the user's work: {len(data.engagements)} engagements, {len(data.tasks)} tasks")
    results = {
        "baseline: an empty QTableView": painted(app, QTableView, args.runs),
        "the query alone (PresalesService.workbench)": timed(desk.presales.workbench, args.runs),
        "My work (WorkbenchView)": painted(app, lambda: WorkbenchView(services), args.runs),
        "Presales page, first tab My work": painted(
            app, lambda: PresalesPage(services=services), args.runs),
        "Week (WeekView)": painted(app, lambda: WeekView(services), args.runs),
    }  # fmt: skip
    desk.close()
    act_as(path, USER, "presales", lead=True)
    desk = open_desk(path)
    services = PresalesServices(presales=desk.presales)
    results["Team workload (WorkloadView, the lead)"] = painted(
        app, lambda: WorkloadView(services), args.runs)
    results["My work showing the team's work (the lead)"] = painted(
        app, lambda: WorkbenchView(services), args.runs, _team)
    desk.close()
    base = statistics.median(results["baseline: an empty QTableView"])
    for name, times in results.items():
        took = statistics.median(times)
        print(f"{name:46s} median {took * 1000:7.1f} ms  slowest {max(times) * 1000:7.1f} ms"
              f"  x{took / base:6.1f} baseline")  # fmt: skip
    work = statistics.median(results["My work (WorkbenchView)"])
    ok = work < TARGET
    print("target (My work opens < 300 ms):", "met" if ok else "NOT met")
    if not args.keep:
        for item in folder.iterdir():
            item.unlink()
        folder.rmdir()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
