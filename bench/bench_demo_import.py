"""Benchmark: demo data load, then a 10,000-row import into the loaded database.

    python bench/bench_demo_import.py [--customers 100000] [--rows 10000] [--repeat 3]

1. ``generate_demo`` of N customers (3 contacts, 5 activities each) into a
   new database in a temporary folder, timed.
2. A CSV (and an XLSX) of ``--rows`` new customers (1 % of them duplicates of
   customers already in the database) is written with the exporter's columns;
   ``import_customers`` is timed on a fresh copy of the loaded database,
   ``--repeat`` times; the median is reported.

Prints a markdown table.  Not a test: run it by hand on the target machine.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from erpdesk.app import open_desk  # noqa: E402
from erpdesk.services import demo  # noqa: E402
from erpdesk.services.exporter import HEADERS, export_row  # noqa: E402
from erpdesk.services.importer import import_customers  # noqa: E402


def write_import_files(db_path: Path, folder: Path, rows: int) -> tuple[Path, Path]:
    """A CSV and an XLSX of *rows* customers, new except 1 % duplicates."""
    desk = open_desk(db_path)
    try:
        with desk.unit_of_work() as uow:
            existing = uow.customers.identities()
    finally:
        desk.close()
    maker = demo._Maker(
        seed=424242, now=datetime.now(UTC),
        taken={key for *_rest, key in existing},
        usccs={uscc for _id, _name, uscc, _key in existing if uscc},
    )
    duplicates = rows // 100
    lines = []
    for i in range(rows):
        customer, contacts, _ = maker.customer(1, 0)
        line = export_row(customer, contacts[0] if contacts else None)
        if i < duplicates:
            line[0] = existing[i * 7 % len(existing)][1]  # a known name
            line[2] = ""
        lines.append(line)
    csv_path = folder / "import.csv"
    with csv_path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        writer.writerows(lines)
    from openpyxl import Workbook

    # A normal (not write-only) workbook, like Excel's: shared strings and a
    # <dimension> element (without it openpyxl reads the sheet twice).
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for line in lines:
        sheet.append(line)
    xlsx_path = folder / "import.xlsx"
    book.save(xlsx_path)
    return csv_path, xlsx_path


def timed_import(loaded: Path, folder: Path, source: Path, run: int) -> tuple[float, object]:
    copy = folder / f"copy-{source.suffix[1:]}-{run}.db"
    shutil.copyfile(loaded, copy)
    desk = open_desk(copy)
    try:
        started = time.perf_counter()
        result = import_customers(desk.unit_of_work, source, partial=True)
        seconds = time.perf_counter() - started
    finally:
        desk.close()
    copy.unlink()
    return seconds, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the loaded database at this path")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="erpdesk-bench-") as tmp:
        folder = Path(tmp)
        loaded = folder / "loaded.db"
        desk = open_desk(loaded)
        try:
            result = demo.generate_demo(
                desk.unit_of_work, customers=args.customers, seed=1,
                progress=lambda n: print(f"  demo: {n:,}", file=sys.stderr)
                if n % 20_000 == 0 else None,
            )
        finally:
            desk.close()
        # fold the WAL into the file so that copies are complete
        import sqlite3

        with sqlite3.connect(loaded) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        size_mb = loaded.stat().st_size / 1e6

        csv_path, xlsx_path = write_import_files(loaded, folder, args.rows)
        timings: dict[str, list[float]] = {"csv": [], "xlsx": []}
        outcome = {}
        for run in range(args.repeat):
            for kind, source in (("csv", csv_path), ("xlsx", xlsx_path)):
                seconds, res = timed_import(loaded, folder, source, run)
                timings[kind].append(seconds)
                outcome[kind] = res
                print(f"  import {kind} run {run + 1}: {seconds:.2f} s", file=sys.stderr)
        if args.keep:
            shutil.copyfile(loaded, args.keep)

    cpu = platform.processor() or platform.machine()
    print(f"Machine: {platform.system()} {platform.release()}, {cpu}, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}\n")
    print("| step | rows | time (s) |")
    print("|---|---|---|")
    print(f"| demo data (`generate_demo`) | {result.customers:,} customers + "
          f"{result.contacts:,} contacts + {result.activities:,} activities "
          f"({size_mb:.0f} MB) | {result.seconds:.1f} |")
    for kind in ("csv", "xlsx"):
        res = outcome[kind]
        runs = ", ".join(f"{t:.2f}" for t in timings[kind])
        print(f"| import {args.rows:,}-row {kind.upper()} into it (median of "
              f"{args.repeat}: {runs}) | {res.imported:,} imported, "
              f"{len(res.duplicates):,} duplicates skipped | "
              f"{statistics.median(timings[kind]):.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
