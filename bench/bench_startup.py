"""Start-up to a shown, filled main window, against a bare PySide6 window.

Both are separate processes of the same interpreter, alternated in one run;
the time is from just before the process is spawned to the moment the window
is shown with its data: both report (STARTUP_READY) in the event loop's turn
after their table's viewport first painted, the app's with the customer
list's first page in it, the bare window's empty.

    python bench/bench_startup.py [--runs 9] [--customers 100000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.dataset import dataset, median, ms

BARE = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication([])
window = QMainWindow()
table = QTableView()
window.setCentralWidget(table)
window.resize(1280, 800)

class FirstPaint(QObject):  # the same moment the app reports: after the first paint
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, ready)
        return False

def ready():
    print("STARTUP_READY", time.time(), flush=True)
    app.quit()

probe = FirstPaint()
table.viewport().installEventFilter(probe)
window.show()
app.exec()
"""


def run(cmd: list[str], env: dict[str, str]) -> float:
    start = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        if line.startswith("STARTUP_READY"):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no STARTUP_READY from {cmd}: {out}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--customers", type=int, default=100_000)
    args = parser.parse_args()
    db = dataset(args.customers)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ERPDESK_STARTUP_PROBE="1",
               ERPDESK_LANG="zh_CN")
    app_cmd = [sys.executable, "-m", "erpdesk.cli.main", "--db", str(db)]
    bare_cmd = [sys.executable, "-c", BARE]
    run(app_cmd, env)  # warm the file cache and .pyc files once
    run(bare_cmd, env)
    bare, app = [], []
    for _ in range(args.runs):
        bare.append(run(bare_cmd, env))
        app.append(run(app_cmd, env))
    ratios = sorted(a / b for a, b in zip(app, bare, strict=True))
    print(f"customers: {args.customers}, runs: {args.runs}")
    print(f"bare PySide6 window: median {ms(median(bare))}")
    print(f"ERPDesk main window with first page: median {ms(median(app))}")
    print(f"ratio of medians: {median(app) / median(bare):.2f}x; "
          f"median of paired ratios: {median(ratios):.2f}x")


if __name__ == "__main__":
    main()
