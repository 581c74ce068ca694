"""A keystroke in the knowledge base tab (docs/benchmarks.md, "Knowledge base
search"): the window's part on top of the index's search.

The tab is shown (offscreen unless a display is set) over the shipped base,
the index built on its worker; then each query of ``bench_knowledge.QUERIES``
is typed character by character and, per keystroke, the time from
``setText`` (the search, the kind filter, the model reset, the best hit
selected) to the end of a synchronous repaint of the result list is taken.
The reader follows once typing pauses, so it is timed on its own: showing an
entry (a module's HTML with its FAB table) in the reader.  Median, 95th
percentile and the slowest keystroke over ``--runs`` runs; the target for a
keystroke: under 30 ms.

    QT_QPA_PLATFORM=offscreen python bench/bench_knowledge_view.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from bench.bench_knowledge import QUERIES, TARGET
from erpdesk.knowledge import shipped_knowledge
from erpdesk.ui.presales.knowledge_view import KnowledgeView


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    started = time.perf_counter()
    view = KnowledgeView(shipped_knowledge)
    view.resize(1100, 700)
    view.show()
    view.wait()
    while view.index is None:
        app.processEvents()
    print(f"index ready (read + build on the worker): {_ms(time.perf_counter() - started)}")
    keystrokes: list[float] = []
    slowest: list[float] = []
    for _ in range(args.runs):
        worst = 0.0
        for query in QUERIES:
            view.search_edit.clear()
            app.processEvents()
            for n in range(1, len(query) + 1):
                t0 = time.perf_counter()
                view.search_edit.setText(query[:n])
                view.list_view.viewport().repaint()
                took = time.perf_counter() - t0
                keystrokes.append(took)
                worst = max(worst, took)
            app.processEvents()
        slowest.append(worst)
    keystrokes.sort()
    p95 = keystrokes[int(len(keystrokes) * 0.95) - 1]
    print(f"keystroke (setText + search + model reset + list repaint), {len(keystrokes)} "
          f"keystrokes: median {_ms(statistics.median(keystrokes))}, 95th {_ms(p95)}, "
          f"slowest per run (median) {_ms(statistics.median(slowest))}")
    base = view.base
    assert base is not None
    reads = []
    for _ in range(args.runs):
        for module in base.modules:
            t0 = time.perf_counter()
            view.show_entry("module", module.code)
            view.reader.viewport().repaint()
            reads.append(time.perf_counter() - t0)
    print(f"reader (a module's HTML set and painted): median {_ms(statistics.median(reads))}, "
          f"slowest {_ms(max(reads))}")
    ok = statistics.median(slowest) < TARGET
    print("keystroke target (< 30 ms):", "met" if ok else "NOT met")
    view.close_page()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
