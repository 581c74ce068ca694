"""Opening the desk database: checks, backup, migration, connections.

Start-up is on the window's critical path, so the common case (a database
already at the newest schema) is decided with the standard library's sqlite3
alone; SQLAlchemy and Alembic are imported only when a write or a migration
needs them (docs/design.md, "Start-up").
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from erpdesk.domain.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseNeedsUpgrade,
    DatabaseReadOnly,
    DatabaseTooNew,
    StorageError,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 3000
ROOT = Path(__file__).resolve().parents[2]
MIGRATIONS = ROOT / "migrations" / "desk"


def known_revisions() -> list[str]:
    """Revision ids of the desk's migrations, oldest first.

    Revision files are named ``NNNN_<slug>.py`` with revision id ``NNNN`` and
    a linear history (tests/storage/test_migrations.py holds both true), so
    the head is known without importing Alembic.
    """
    names = sorted(p.name for p in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
    return [name[:4] for name in names]


def head_revision() -> str:
    return known_revisions()[-1]


@contextlib.contextmanager
def translated_errors(path: Path) -> Iterator[None]:
    """Turn sqlite3/SQLAlchemy failures into the domain's storage errors."""
    try:
        yield
    except StorageError:
        raise
    except Exception as exc:
        error = classify(exc, path)
        if error is None:
            raise
        raise error from exc


def classify(exc: BaseException, path: Path) -> StorageError | None:
    orig = getattr(exc, "orig", None) or exc
    if not isinstance(orig, sqlite3.Error):
        return None
    message = str(orig).lower()
    if "locked" in message or "busy" in message:
        return DatabaseLocked(path=str(path))
    if "readonly" in message or "read-only" in message or "unable to open" in message:
        return DatabaseReadOnly(path=str(path))
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return DatabaseCorrupt(path=str(path), detail=str(orig))
    return None


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")


def connect(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection in autocommit mode, rows as ``sqlite3.Row``."""
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.row_factory = sqlite3.Row
    _configure(conn)
    return conn


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise DatabaseCorrupt(path=str(path), detail="a folder")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except PermissionError as exc:
        raise DatabaseReadOnly(path=str(path)) from exc
    if header and header != SQLITE_HEADER:
        raise DatabaseCorrupt(path=str(path), detail="not an SQLite file")
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DatabaseReadOnly(path=str(path))


def current_revision(conn: sqlite3.Connection) -> str | None:
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def backup(path: Path, target: Path) -> Path:
    """A consistent copy of *path* at *target* (WAL content included).

    Written to a temporary file first and renamed, so a failed backup never
    leaves a half-written file under *target*.
    """
    target = Path(target)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    with translated_errors(path):
        source = connect(path)
        try:
            dest = sqlite3.connect(tmp)
            try:
                source.backup(dest)
            finally:
                dest.close()
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        finally:
            source.close()
    os.replace(tmp, target)
    return target


class DeskDatabase:
    """An opened, up-to-date desk database and its connections.

    ``reader`` is a sqlite3 connection for the read model; ``engine`` and
    ``sessions`` are SQLAlchemy's, made on first use.
    """

    def __init__(self, path: Path, reader: sqlite3.Connection) -> None:
        self.path = path
        self.reader = reader
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(self.path)
        return self._engine

    @property
    def sessions(self) -> sessionmaker[Session]:
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        return self._sessions

    def meta(self, key: str) -> str | None:
        row = self.reader.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        self.reader.close()


def make_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(
        f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        _configure(dbapi_conn)

    return engine


def backup_name(path: Path, revision: str | None) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return path.with_name(f"{path.name}.before-{head_revision()}-from-{revision}-{stamp}.bak")


def open_database(path: Path | str, *, upgrade: bool = True) -> DeskDatabase:
    """Open (creating if needed) the database at *path*, migrated to the head.

    Raises a ``StorageError`` subclass, with the file untouched, when the file
    is locked, read-only, not a database, or from a newer ERPDesk.  Before an
    existing database is migrated a backup copy is written beside it.
    """
    path = Path(path).expanduser().resolve()
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        _check_file(path)
    else:
        if not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        if not os.access(path.parent, os.W_OK):
            raise DatabaseReadOnly(path=str(path))
    with translated_errors(path):
        conn = connect(path)
        try:
            revision = current_revision(conn)
            known = known_revisions()
            if revision is not None and revision not in known:
                raise DatabaseTooNew(path=str(path), found=revision)
            if revision != known[-1]:
                if not upgrade:
                    raise DatabaseNeedsUpgrade(path=str(path))
                if existed and revision is not None:
                    backup(path, backup_name(path, revision))
                if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    conn.execute("PRAGMA journal_mode = WAL")
                migrate(path)
            _ensure_device_id(conn)
        except BaseException:
            conn.close()
            raise
    return DeskDatabase(path, conn)


def migrate(path: Path, target: str = "head") -> None:
    """Run the Alembic migrations on *path* in one transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    engine = make_engine(path)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, target)
    finally:
        engine.dispose()


def _ensure_device_id(conn: sqlite3.Connection) -> None:
    if conn.execute("SELECT 1 FROM meta WHERE key = 'device_id'").fetchone() is None:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('device_id', ?)", (str(uuid.uuid4()),)
        )
