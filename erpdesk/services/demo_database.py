"""A demo database that appears complete or not at all.

``erpdesk demo`` (and ``scripts/demo.sh`` through it) must never leave a
database that looks made but holds part of the data, or none: a later run
would open it as it is.  So

- a *new* database (the path does not exist, or is an empty file) is built
  in a hidden file beside it (``.NAME.<random>.demo-partial``) and renamed
  to the path once it is complete and closed; a run killed on the way
  leaves no file at the path, and its partial file is removed by the next
  run (a live run holds an OS lock on ``….lock``, which dies with it);
- ``replace=True`` builds a new database the same way and renames it over
  the existing one, which stays as it was until then; it is refused when
  the existing database holds changes waiting to be synced (it is not only
  demo data) or is open in another program (its write-ahead log stays);
- demo customers *added* to an existing database are written in one
  transaction (``generate_demo(atomic=True)``): all of them or none.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol

from erpdesk.domain.errors import DomainError

# The texts are in ``demo`` (with the others of the command line's area).
from erpdesk.services.demo import (
    APPEARED,
    IN_USE,
    NOT_DEMO_ONLY,
    DemoResult,
    generate_demo,
)

if TYPE_CHECKING:
    from erpdesk.storage.queries import CustomerCriteria
    from erpdesk.storage.uow import UnitOfWork

PARTIAL = ".demo-partial"
SIDE_FILES = ("-wal", "-shm", "-journal")


class DemoDatabaseError(DomainError):
    """A demo database that cannot be made or replaced; texts in ``Cli``."""

    context = "Cli"


class _Customers(Protocol):
    def pending_changes(self) -> int: ...

    def count(self, criteria: CustomerCriteria) -> int: ...

    def criteria(self, text: str = "", **filters: str | None) -> CustomerCriteria: ...


class DemoDesk(Protocol):
    """What building a demo database needs of an opened desk (``app.Desk``)."""

    @property
    def customers(self) -> _Customers: ...

    def unit_of_work(self) -> UnitOfWork: ...

    def close(self) -> None: ...


def build_demo_database(
    target: Path,
    open_desk: Callable[[Path], DemoDesk],
    *,
    customers: int,
    seed: int = 1,
    replace: bool = False,
    progress: Callable[[int], None] | None = None,
    contacts_per_customer: int = 3,
    activities_per_customer: int = 5,
    now: datetime | None = None,
    deals: int | None = None,
    closed_deals: int | None = None,
) -> DemoResult:
    """Make *target* a new database of *customers* demo customers, all at
    once (see the module's docstring); ``replace`` replaces an existing one.

    *open_desk* opens (and migrates) a desk database at a path.  Raises
    ``DemoDatabaseError`` or a ``StorageError`` with *target* untouched.
    """
    target = Path(target).expanduser().absolute()
    exists = target.exists() and target.stat().st_size > 0
    if exists and not replace:
        raise ValueError(f"{target} exists: add to it, or pass replace=True")
    if exists:
        _check_replaceable(target, open_desk)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_partials(target)
    with _partial(target) as partial:
        desk = open_desk(partial)
        try:
            result = generate_demo(
                desk.unit_of_work,
                customers=customers,
                seed=seed,
                progress=progress,
                contacts_per_customer=contacts_per_customer,
                activities_per_customer=activities_per_customer,
                now=now,
                deals=deals,
                closed_deals=closed_deals,
            )
        finally:
            desk.close()
        _fold_wal(partial)
        if not replace and target.exists() and target.stat().st_size > 0:
            raise DemoDatabaseError(APPEARED, path=str(target))
        if not exists:  # an empty file's leftover log must not meet the new file
            for suffix in SIDE_FILES:
                _side(target, suffix).unlink(missing_ok=True)
        os.replace(partial, target)
        _sync_folder(target.parent)
    return result


def customer_count(target: Path, open_desk: Callable[[Path], DemoDesk]) -> int | None:
    """The live customers of the database *target*; None when there is none."""
    if not (target.exists() and target.stat().st_size > 0):
        return None
    desk = open_desk(target)
    try:
        return desk.customers.count(desk.customers.criteria())
    finally:
        desk.close()


def _check_replaceable(target: Path, open_desk: Callable[[Path], DemoDesk]) -> None:
    """Refuse to replace a database with unsynced work or open elsewhere."""
    desk = open_desk(target)
    try:
        pending = desk.customers.pending_changes()
    finally:
        desk.close()
    if pending:
        raise DemoDatabaseError(NOT_DEMO_ONLY, path=str(target), count=pending)
    # The last connection to close removes the write-ahead log: if it is
    # still there, another program has the database open, and renaming a
    # new file under it would lose what it writes (or mix its log in).
    if _side(target, "-wal").exists():
        raise DemoDatabaseError(IN_USE, path=str(target))


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _partial_files(partial: Path) -> list[Path]:
    return [partial, *(_side(partial, s) for s in SIDE_FILES), _side(partial, ".lock")]


@contextlib.contextmanager
def _partial(target: Path) -> Iterator[Path]:
    """A new partial file's path beside *target*, locked while in use and
    removed (with its side files) unless it was renamed."""
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}{PARTIAL}")
    lock_path = _side(partial, ".lock")
    try:
        with lock_path.open("w") as lock:
            if not _try_lock(lock):  # cannot happen: the name is new
                raise OSError(f"cannot lock {lock_path}")
            try:
                yield partial
            finally:
                for path in _partial_files(partial)[:-1]:
                    path.unlink(missing_ok=True)
    finally:
        lock_path.unlink(missing_ok=True)


def remove_stale_partials(target: Path) -> list[Path]:
    """Remove what runs killed while building *target* left beside it (their
    lock is free); a live run's partial file stays.  Returns those removed."""
    removed = []
    for lock_path in target.parent.glob(f".{target.name}.*{PARTIAL}.lock"):
        try:
            with lock_path.open("a") as lock:
                if not _try_lock(lock):
                    continue  # a live run
                partial = lock_path.with_name(lock_path.name.removesuffix(".lock"))
                for path in _partial_files(partial)[:-1]:
                    if path.exists():
                        path.unlink()
                        removed.append(path)
        except OSError:
            continue
        lock_path.unlink(missing_ok=True)
    return removed


def _try_lock(handle: IO[str]) -> bool:
    """Take an exclusive lock on *handle* without waiting; the OS drops it
    when the process ends, however it ends."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _fold_wal(path: Path) -> None:
    """Bring everything into the database file itself and make it durable,
    so that the file renamed is the whole database."""
    if _side(path, "-wal").exists():
        conn = sqlite3.connect(path)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _sync_folder(folder: Path) -> None:
    """Make a rename in *folder* durable (POSIX; Windows has no folder handles)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
