"""The benchmarks' data: a demo database at the issue's scale, made once.

100,000 customers with 3 contacts and 5 activities each (300,000 and
500,000), from ``erpdesk demo`` with a fixed seed, kept under bench/out/.
"""

from __future__ import annotations

import sqlite3
import statistics
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def dataset(
    customers: int = 100_000, seed: int = 1, deals: int = 0, closed_deals: int = 0
) -> Path:
    """``erpdesk demo`` at that scale, made once: customers only by default
    (the issue-2 benchmarks' data), or with *deals* open and *closed_deals*
    closed deals, their histories and worksheets (the funnel's)."""
    OUT.mkdir(exist_ok=True)
    name = f"desk-{customers}-{seed}"
    if deals or closed_deals:
        name += f"-deals-{deals}-{closed_deals}"
    path = OUT / f"{name}.db"
    if not path.exists():
        tmp = path.with_suffix(".tmp.db")
        tmp.unlink(missing_ok=True)
        subprocess.run(
            [sys.executable, "-m", "erpdesk.cli.main", "demo", "--customers", str(customers),
             "--seed", str(seed), "--deals", str(deals), "--closed-deals", str(closed_deals),
             "--db", str(tmp)],
            check=True,
        )
        with sqlite3.connect(tmp) as conn:  # fold any WAL into the file
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        tmp.rename(path)
    return path


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def median(values: list[float]) -> float:
    return statistics.median(values)
