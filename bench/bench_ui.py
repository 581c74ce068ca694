"""Search as you type, opening a customer, and memory, in the real window.

Opens the main window (offscreen) on a copy of the 100,000-customer demo
database, then:
- types queries one keystroke at a time into the search box; a keystroke's
  time runs from setting the text to the table having repainted the result
  (count + first page + repaint), reported as median / p95 / max;
- opens a customer that has 200 activities in the detail panel (service
  read + widgets filled + repaint), median of 20;
- reports the process's peak resident memory at the end.

    python bench/bench_ui.py [--customers 100000]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.dataset import dataset, median, ms, p95

QUERIES = [
    "beijing", "bj", "北京", "华", "huada", "shanghai", "sh", "上海", "精密", "jingmi",
    "0531", "138", "9137", "zhongxin", "zx", "电子科技", "dianzi", "kj", "有限", "gufen",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=2,
                        help="rounds of the queries with each font (default: 2)")
    args = parser.parse_args()
    source = dataset(args.customers)
    work = Path(tempfile.mkdtemp(prefix="erpdesk-bench-"))
    db_path = work / "desk.db"
    shutil.copy(source, db_path)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from erpdesk.app import open_desk
    from erpdesk.domain.customer import Activity, ActivityKind
    from erpdesk.ui.customer_model import ID_ROLE
    from erpdesk.ui.main_window import MainWindow

    app = QApplication([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    desk = open_desk(db_path)
    window = MainWindow(desk.customers, settings)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    page = window.customers
    table = page.table

    started = time.perf_counter()
    desk.customers.warm_up()
    desk.customers.count(desk.customers.criteria("x"))  # waits for the index
    desk.customers.check_duplicates("预热")  # waits for the duplicate index
    index_load = time.perf_counter() - started

    def type_queries() -> list[float]:
        times: list[float] = []
        for query in QUERIES:
            page.search_edit.setText("")
            app.processEvents()
            for end in range(1, len(query) + 1):
                t0 = time.perf_counter()
                page.search_edit.setText(query[:end])
                table.viewport().repaint()
                app.processEvents()
                times.append(time.perf_counter() - t0)
        page.search_edit.setText("")
        app.processEvents()
        return times

    # The same keystrokes with the platform's default font and with the
    # Chinese UI font the window uses in zh_CN (erpdesk.ui.ui_font),
    # alternating rounds so that the machine's noise falls on both alike.
    from erpdesk.ui.ui_font import apply_ui_font

    type_queries()  # warm-up: first-use costs (pinyin, caches) fall on neither font
    by_font: dict[str, list[float]] = {"default": [], "chinese": []}
    chinese = None
    for _ in range(args.rounds):
        for name in by_font:
            if name == "chinese":
                chinese = apply_ui_font("zh_CN")
            else:
                apply_ui_font("en")
            app.processEvents()
            by_font[name] += type_queries()

    # A customer with 200 activities.
    customer_id = page.model.index(0, 0).data(ID_ROLE)
    now = datetime.now(UTC)
    existing = len(desk.customers.detail(customer_id).activities)
    with desk.unit_of_work() as uow:
        uow.activities.add_many([
            Activity(customer_id=customer_id, kind=ActivityKind.CALL,
                     occurred_at=now - timedelta(days=i), summary=f"第{i}次电话跟进，确认需求细节")
            for i in range(200 - existing)
        ])
        uow.commit()
    assert len(desk.customers.detail(customer_id).activities) == 200
    panel = page.detail
    service_times, open_times = [], []
    for _ in range(20):
        panel.show_customer(None)
        app.processEvents()
        t0 = time.perf_counter()
        desk.customers.detail(customer_id)
        service_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        panel.show_customer(customer_id)
        panel.repaint()
        app.processEvents()
        open_times.append(time.perf_counter() - t0)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"customers: {args.customers}")
    print(f"search index + duplicate index load (background): {ms(index_load)}")
    for name, found in by_font.items():
        label = f"{name} font" + (f" ({chinese})" if name == "chinese" and chinese else "")
        print(f"search as you type, {label}, {len(found)} keystrokes: median "
              f"{ms(median(found))}, p95 {ms(p95(found))}, max {ms(max(found))}")
    print(f"open a customer with 200 activities: median {ms(median(open_times))} "
          f"(service read alone {ms(median(service_times))})")
    print(f"peak memory (RSS): {peak_mb:.0f} MB")
    window.close()
    desk.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
