"""The window's file operations: export the list as filtered, back up the
database, check a backup before restoring it, make the demo database.

Each is a plain function that may run on a worker thread: it opens
connections of its own (a sqlite3 connection is not shared with the window's
thread) and reports through a ``progress(done, total)`` callback.  Nothing
here has texts of its own: failures are the domain's errors (``StorageError``,
``ExportError``), which the window words in the user's language.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from erpdesk.domain.errors import DatabaseForeign, DatabaseTooNew, NotFound
from erpdesk.os_errors import explain
from erpdesk.storage.database import (
    backup,
    check_database,
    connect,
    current_revision,
    damage_summary,
    known_revisions,
    translated_errors,
)
from erpdesk.storage.queries import CustomerCriteria, CustomerQueries
from erpdesk.storage.search_index import CustomerSearchIndex

if TYPE_CHECKING:
    from erpdesk.domain.customer import Contact, Customer
    from erpdesk.services.demo import DemoResult
    from erpdesk.services.demo_database import DemoDesk

Progress = Callable[[int, int], None]
DEMO_CUSTOMERS = 2000
PROGRESS_EVERY = 250  # rows between progress reports
# Picked customers above which a list in its default order is streamed.
STREAM_ABOVE = 500


class Cancelled(Exception):
    """The user stopped the operation; raised from a progress callback.
    What was half-written is removed (the exporter writes to a temporary
    file and renames it only when complete)."""


# -- export ------------------------------------------------------------------------


class _Selection(CustomerQueries):
    """Read model of only the customers picked, in the list's order: handed
    to ``export_customers`` so the filtered export writes exactly the rows
    (columns, cell rules, temporary file and rename) of the full export.

    With *streamed* (the list in its default order) the picked customers are
    taken from one pass over all of them, ~3x faster than reading each one
    when many are picked; otherwise each is read by its id, in list order.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        ids: list[str],
        progress: Progress | None,
        *,
        streamed: bool,
    ) -> None:
        super().__init__(conn, path=path)
        self._ids = ids
        self._progress = progress
        self._streamed = streamed
        self.cancelled = False  # the progress callback raised ``Cancelled``

    def count(self, criteria: CustomerCriteria) -> int:
        return len(self._ids)

    def customers_with_first_contact(self) -> Iterator[tuple[Customer, Contact | None]]:
        pairs = self._all_picked() if self._streamed else self._each_picked()
        for n, pair in enumerate(pairs, 1):
            yield pair
            if self._progress is not None and n % PROGRESS_EVERY == 0:
                try:
                    self._progress(n, len(self._ids))
                except Cancelled:
                    self.cancelled = True
                    return

    def _all_picked(self) -> Iterator[tuple[Customer, Contact | None]]:
        picked = set(self._ids)
        for customer, contact in super().customers_with_first_contact():
            if customer.id in picked:
                yield customer, contact

    def _each_picked(self) -> Iterator[tuple[Customer, Contact | None]]:
        for customer_id in self._ids:
            try:
                customer = self.customer(customer_id)
            except NotFound:
                continue  # deleted since the list was read
            contacts = self.contacts(customer_id)
            yield customer, (contacts[0] if contacts else None)


def matching_ids(
    queries: CustomerQueries, criteria: CustomerCriteria, sort: str, descending: bool
) -> list[str]:
    """The ids the customer list shows for *criteria*, in its order."""
    total = queries.count(criteria)
    if total == 0:
        return []
    rows = queries.page(criteria, sort=sort, descending=descending, offset=0, limit=total)
    return [row.id for row in rows]


def export_filtered(
    db_path: Path,
    criteria: CustomerCriteria,
    target: Path | str,
    *,
    sort: str = "name",
    descending: bool = False,
    progress: Progress | None = None,
) -> int:
    """Write the customers the list shows for *criteria* (in its *sort*
    order) to *target* (.xlsx or .csv by its suffix); how many.

    The search runs on a connection and a search index of its own, so the
    export matches the list exactly and shares nothing with the window's
    thread.  Whole or not at all: ``ExportError`` (or ``Cancelled`` from
    *progress*) leaves *target* as it was.
    """

    def report(done: int, total: int) -> None:
        if progress is not None:
            progress(done, total)

    with translated_errors(db_path):
        conn = connect(db_path)
    try:
        index = CustomerSearchIndex(lambda: connect(db_path)) if criteria.text else None
        queries = CustomerQueries(conn, index, lambda: connect(db_path), path=db_path)
        report(0, 0)
        ids = matching_ids(queries, criteria, sort, descending)
        report(0, len(ids))
        # the exporter's own progress (every 1,000 rows) adds nothing here
        streamed = sort == "name" and not descending and _stream_pays(queries, len(ids))
        selection = _Selection(conn, db_path, ids, report, streamed=streamed)
        return _export_whole(selection, Path(target))
    finally:
        conn.close()


def _stream_pays(queries: CustomerQueries, picked: int) -> bool:
    """Reading every customer once costs about half of reading one by its
    id (measured: 0.1 against 0.22 ms a customer), so a pass over all of
    them pays when more than half are picked (and more than a few)."""
    return picked > STREAM_ABOVE and picked * 2 > queries.count(CustomerCriteria())


def _export_whole(selection: _Selection, target: Path) -> int:
    """``export_customers`` into a hidden file beside *target*, renamed over
    it only when the export was not cancelled.  A cancel ends the rows
    early instead of raising through the writer (openpyxl's write-only sheet
    complains when an exception leaves it half-written).  The exporter (and
    the importer's columns it uses) loads here, off the window's start-up."""
    from erpdesk.services.exporter import CANNOT_WRITE, FORMATS, ExportError, export_customers

    if target.suffix.lower() not in FORMATS:  # the exporter's own refusal, up front
        return export_customers(selection, target)
    partial = target.with_name(f".{target.stem}.{uuid.uuid4().hex}.partial{target.suffix}")
    try:
        count = export_customers(selection, partial)
        if selection.cancelled:
            raise Cancelled()
        try:
            os.replace(partial, target)
        except OSError as exc:
            raise ExportError(CANNOT_WRITE, path=str(target), detail=explain(exc)[0]) from exc
        return count
    finally:
        partial.unlink(missing_ok=True)


# -- backup ------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupFacts:
    """What a backup file holds (None where its schema is unknown here)."""

    path: Path
    saved_at: datetime  # local time of the file's last write
    revision: str | None
    customers: int | None
    contacts: int | None = None
    activities: int | None = None
    outbox: int | None = None


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def default_backup_path(db_path: Path, now: datetime | None = None) -> Path:
    """``<database>.backup-<time>.bak`` beside the database: the name
    ``erpdesk db backup`` gives, where restore and the damaged-database
    offer (``storage.database.find_backups``) look."""
    return db_path.with_name(f"{db_path.name}.backup-{_stamp(now)}.bak")


def before_restore_path(db_path: Path, now: datetime | None = None) -> Path:
    """Where the current database is copied before a backup replaces it
    (beside it, so ``find_backups`` offers it too)."""
    return db_path.with_name(f"{db_path.name}.before-restore-{_stamp(now)}.bak")


def same_file(db_path: Path, target: Path | str) -> bool:
    """True when *target* is the database itself (or one of its side files:
    its write-ahead log or shared memory), which a backup must never overwrite."""
    db = Path(db_path).expanduser().resolve()
    other = Path(target).expanduser().resolve()
    return other in (db, db.with_name(f"{db.name}-wal"), db.with_name(f"{db.name}-shm"))


def backup_database(db_path: Path, target: Path | str) -> BackupFacts:
    """A consistent copy of the database at *target* (complete or absent),
    and what it holds.  Raises ``ValueError`` for the database itself
    (the window refuses it first, in words), a ``StorageError`` otherwise."""
    target = Path(target).expanduser()
    if same_file(db_path, target):
        raise ValueError(f"{target} is the database itself")
    backup(db_path, target)
    return read_facts(target)


def read_facts(path: Path) -> BackupFacts:
    """The schema revision and counts of the desk file *path*, read through a
    read-only, immutable connection (no lock, no -wal or -shm written)."""
    saved = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    with translated_errors(path):
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            revision = current_revision(conn)
            try:
                totals = CustomerQueries(conn, path=path).totals()
            except Exception:  # another schema: the file is fine, the counts unknown
                return BackupFacts(path, saved, revision, None)
        finally:
            conn.close()
    return BackupFacts(path, saved, revision, **totals)


def inspect_backup(source: Path | str) -> BackupFacts:
    """Check that *source* is an ERPDesk database this version can open, and
    sound (SQLite's quick check), without writing to it; what it holds.

    Raises ``DatabaseCorrupt`` (not a database), ``DatabaseForeign`` (another
    program's, or an empty SQLite file), ``DatabaseTooNew`` (a newer
    ERPDesk's schema), ``DatabaseDamaged`` (damaged pages).
    """
    from erpdesk.domain.errors import DatabaseDamaged

    path = Path(source).expanduser().resolve()
    problems = check_database(path, full=False)  # reads the header: ours, or refused
    facts = read_facts(path)
    if facts.revision is None:
        raise DatabaseForeign(path=str(path), detail="no ERPDesk tables")
    if facts.revision not in known_revisions():
        raise DatabaseTooNew(path=str(path), found=facts.revision)
    if problems:
        raise DatabaseDamaged(path=str(path), detail=damage_summary(problems))
    return facts


# -- demo --------------------------------------------------------------------------


def demo_database_path(db_path: Path) -> Path:
    """Where the window's "Open demo data" puts its database: beside the
    user's own, never over it."""
    return db_path.with_name("erpdesk-demo.db")


def make_demo_database(
    path: Path | str,
    customers: int = DEMO_CUSTOMERS,
    progress: Progress | None = None,
    *,
    open_desk: Callable[[Path], DemoDesk] | None = None,
) -> DemoResult:
    """Make *path* a demo database of *customers* customers (with deals,
    quotes and presales work), complete or not at all
    (``demo_database.build_demo_database``); an existing demo database there
    is replaced, unless it holds unsynced work (then ``DemoDatabaseError``).
    *progress* hears (customers written, customers)."""
    from erpdesk.services.demo_database import build_demo_database

    if open_desk is None:
        from erpdesk.app import open_desk as open_app_desk

        open_desk = open_app_desk
    target = Path(path).expanduser()

    def report(done: int) -> None:
        if progress is not None:
            progress(done, customers)

    return build_demo_database(
        target, open_desk, customers=customers, progress=report,
        replace=target.exists() and target.stat().st_size > 0,
    )  # fmt: skip
