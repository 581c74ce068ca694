"""Opening the desk database: checks, backup, migration, connections.

Start-up is on the window's critical path, so the common case (a database
already at the newest schema) is decided with the standard library's sqlite3
alone; SQLAlchemy and Alembic are imported only when a write or a migration
needs them (docs/design.md, "Start-up").
"""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import shutil
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from erpdesk.domain.errors import (
    DatabaseCorrupt,
    DatabaseDamaged,
    DatabaseForeign,
    DatabaseLocked,
    DatabaseNeedsUpgrade,
    DatabaseReadOnly,
    DatabaseTooNew,
    Localized,
    StorageError,
)
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.os_errors import (
    IS_A_FOLDER,
    NOT_SQLITE,
    TRUNCATED,
    explain,
    remove_quietly,
    translated,
)

log = logging.getLogger(__name__)
DAMAGE_FOUND = QT_TRANSLATE_NOOP(
    "Domain", "SQLite's integrity check found {count} problem(s) (details in the log)"
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100
# SQLite's ``PRAGMA application_id`` of every desk database: "ERPD" in ASCII.
# It sits at offset 68 of the file's header, so a file is known as ours (or
# another program's) from its first 100 bytes, before SQLite opens it.
APPLICATION_ID = 0x45525044
# The tables every desk database has had since the first migration: a file
# without the application id but with these (and one of our revisions in
# alembic_version) was made by an ERPDesk from before the id.
DESK_TABLES = frozenset({"alembic_version", "customer", "contact", "activity", "meta", "outbox"})
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26
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
    code = getattr(orig, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == SQLITE_CORRUPT or "malformed" in message or "corrupt" in message:
        return DatabaseDamaged(path=str(path), detail=explain(orig)[0])
    if primary == SQLITE_NOTADB or "not a database" in message:
        return DatabaseCorrupt(path=str(path), detail=explain(orig)[0])
    if "locked" in message or "busy" in message:
        return DatabaseLocked(path=str(path))
    if "readonly" in message or "read-only" in message or "unable to open" in message:
        return DatabaseReadOnly(path=str(path))
    return None


def connection_path(conn: sqlite3.Connection) -> Path:
    """The file of *conn*'s main database (for messages)."""
    try:
        for row in conn.execute("PRAGMA database_list"):
            if row[1] == "main":
                return Path(row[2])
    except sqlite3.Error:
        pass
    return Path("?")


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


def _read_header(path: Path) -> bytes:
    """The first 100 bytes of *path*; raises when it is no SQLite file."""
    if path.is_dir():
        raise DatabaseCorrupt(path=str(path), detail=translated(IS_A_FOLDER))
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except PermissionError as exc:
        raise DatabaseReadOnly(path=str(path)) from exc
    if header and not header.startswith(SQLITE_HEADER):
        raise DatabaseCorrupt(path=str(path), detail=translated(NOT_SQLITE))
    if header and len(header) < HEADER_SIZE:
        raise DatabaseCorrupt(path=str(path), detail=translated(TRUNCATED))
    return header


def _check_file(path: Path) -> bytes:
    header = _read_header(path)
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DatabaseReadOnly(path=str(path))
    return header


def wal_file(path: Path) -> Path:
    return path.with_name(f"{path.name}-wal")


def ownership(path: Path, header: bytes) -> str:
    """Whose SQLite file *path* is, decided without changing it.

    ``"ours"`` (our application id), ``"legacy"`` (a desk database from
    before the id: no id, our tables and one of our revisions) or ``"empty"``
    (no id, no tables); raises ``DatabaseForeign`` for anything else and
    ``DatabaseTooNew`` for an id-less desk file of an unknown revision.
    Only the header is read for a file with an id; an id-less one is opened
    ``immutable`` (no lock, no -wal or -shm made), or read-only when a -wal
    file beside it may hold part of its content.
    """
    if not header:
        return "empty"
    app_id = int.from_bytes(header[68:72], "big")
    if app_id == APPLICATION_ID:
        return "ours"
    if app_id != 0:
        raise DatabaseForeign(path=str(path), detail=f"application_id {app_id:#010x}")
    wal = wal_file(path)
    mode = "ro" if wal.exists() and wal.stat().st_size > 0 else "ro&immutable=1"
    with translated_errors(path):
        probe = sqlite3.connect(f"{path.as_uri()}?mode={mode}", uri=True)
        try:
            tables = {
                row[0]
                for row in probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            revision = current_revision(probe) if "alembic_version" in tables else None
        finally:
            probe.close()
    if not tables:
        return "empty"
    if tables >= DESK_TABLES and revision is not None and len(revision) == 4:
        if revision.isdigit() and revision in known_revisions():
            return "legacy"
        if revision.isdigit():
            raise DatabaseTooNew(path=str(path), found=revision)
    shown = sorted(t for t in tables if not t.startswith("sqlite_"))
    detail = ", ".join(shown[:5]) + (", …" if len(shown) > 5 else "")
    raise DatabaseForeign(path=str(path), detail=detail)


def integrity_problems(conn: sqlite3.Connection, *, full: bool = False) -> list[str]:
    """What SQLite's quick check (or, with *full*, its integrity check) found:
    an empty list when the file is sound.  Raises ``sqlite3.DatabaseError``
    when the damage stops the check itself."""
    pragma = "integrity_check(100)" if full else "quick_check(100)"
    found = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}")]
    if found == ["ok"]:
        return []
    lines = [" ".join(line.split()) for text in found for line in text.splitlines()]
    return [line for line in lines if line and line != "*** in database main ***"]


def damage_summary(problems: list[str]) -> Localized:
    """How much SQLite's check found, in the user's language; SQLite's own
    findings (English, technical) go to the log, not into the message."""
    for problem in problems:
        log.warning("integrity check: %s", problem)
    return Localized(DAMAGE_FOUND, {"count": len(problems)})


def file_problems(path: Path, *, full: bool = False) -> list[str]:
    """``integrity_problems`` of the file at *path*, on a connection of its
    own that writes nothing: read-only when a -wal file is beside it (a
    read-only connection neither checkpoints the log into a file that may be
    damaged nor removes it); sqlite3 failures as storage errors."""
    with translated_errors(path):
        if wal_file(path).exists():
            conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        else:
            conn = connect(path)
        try:
            return integrity_problems(conn, full=full)
        except sqlite3.DatabaseError as exc:  # damage that stops the check itself
            if isinstance(classify(exc, path), DatabaseDamaged):
                return [str(exc)]
            raise
        finally:
            conn.close()


def check_database(path: Path, *, full: bool = True) -> list[str]:
    """Check the existing desk database at *path* without writing to it;
    its problems (empty when sound).  Raises ``DatabaseForeign`` for a file
    that is not ours, ``DatabaseCorrupt`` for one SQLite cannot read at all."""
    path = Path(path).expanduser().resolve()
    ownership(path, _read_header(path))
    return file_problems(path, full=full)


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
                # The backup API copies pages as they are: a copy of a damaged
                # file is damaged too, and must never pass for a good backup.
                problems = integrity_problems(dest)
            finally:
                dest.close()
            if problems:
                raise DatabaseDamaged(path=str(path), detail=damage_summary(problems))
        except BaseException:
            remove_quietly(tmp)  # its folder may be a file: keep the error that matters
            raise
        finally:
            source.close()
    os.replace(tmp, target)
    return target


def find_backups(path: Path) -> list[Path]:
    """Backups of *path* beside it, newest first: the copies made before a
    migration (``<file>.before-….bak``) and by ``erpdesk db backup`` without
    a file name (``<file>.backup-….bak``); only SQLite files of ours."""
    path = Path(path).expanduser().resolve()
    found: list[tuple[float, Path]] = []
    for candidate in path.parent.glob(f"{glob.escape(path.name)}.*.bak"):
        try:
            header = _read_header(candidate)
            ownership(candidate, header)
            found.append((candidate.stat().st_mtime, candidate))
        except (StorageError, OSError):
            continue
    return [p for _, p in sorted(found, key=lambda item: (item[0], item[1].name), reverse=True)]


def restore_backup(path: Path, source: Path, *, kept_as: str = "damaged") -> Path:
    """Put the backup *source* in the place of the database *path*; returns
    where the replaced file was kept (``<file>.<kept_as>-<time>``: "damaged"
    after damage, "replaced" when the user chose to restore a sound file;
    its -wal beside it as ``<file>.<kept_as>-<time>-wal``).

    The backup is checked first and copied to a temporary name beside the
    database, so a failure at any point leaves either the old file or the
    whole backup under *path*, never a part.  Every connection to *path* must
    be closed (the window closes its own before calling this).
    """
    path = Path(path).expanduser().resolve()
    source = Path(source).expanduser().resolve()
    ownership(source, _read_header(source))
    problems = file_problems(source)
    if problems:
        raise DatabaseDamaged(path=str(source), detail=damage_summary(problems))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.{kept_as}-{stamp}")
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        shutil.copyfile(source, tmp)
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        if path.exists():
            try:
                os.link(path, aside)  # instant where the file system has links
            except OSError:
                shutil.copyfile(path, aside)
        wal = wal_file(path)
        if wal.exists():
            os.replace(wal, wal_file(aside))
        path.with_name(f"{path.name}-shm").unlink(missing_ok=True)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return aside


class DeskDatabase:
    """An opened, up-to-date desk database and its connections.

    ``reader`` is a sqlite3 connection for the read model; ``engine`` and
    ``sessions`` are SQLAlchemy's, made on first use.
    """

    def __init__(self, path: Path, reader: sqlite3.Connection, *, checked: bool = False) -> None:
        self.path = path
        self.reader = reader
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._check_lock = threading.Lock()
        self._checked = checked
        self._damage: str | Localized | None = None

    def verify(self) -> None:
        """Make sure the file is sound before anything writes into it.

        The first call runs SQLite's quick check (~90 ms per 100 MB, on a
        connection of its own, so a background thread may make it); later
        calls return at once, or raise ``DatabaseDamaged`` again once damage
        was found here or reported by ``mark_damaged``.
        """
        with self._check_lock:
            if self._damage is None and not self._checked:
                try:
                    problems = file_problems(self.path)
                except DatabaseCorrupt as exc:
                    self._damage = str(exc.params.get("detail", ""))
                    raise
                if problems:
                    self._damage = damage_summary(problems)
                self._checked = True
            if self._damage is not None:
                raise DatabaseDamaged(path=str(self.path), detail=self._damage)

    def mark_damaged(self, detail: str) -> None:
        """Remember that SQLite found the file damaged: no more writes."""
        with self._check_lock:
            self._damage = detail

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
        with translated_errors(self.path):
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
    is locked, read-only, not a database, another program's (see
    ``ownership``), damaged, or from a newer ERPDesk.  Before an existing
    database is migrated a backup copy is written beside it.  A -wal file
    left beside it means the last session did not close (a crash, a kill, a
    power cut: SQLite removes it when the last connection closes) or another
    program has it open: then SQLite's quick check runs before anything else.
    """
    path = Path(path).expanduser().resolve()
    existed = path.exists() and path.stat().st_size > 0
    kind = "empty"
    unclean = False
    if existed:
        kind = ownership(path, _check_file(path))
        unclean = wal_file(path).exists()
        if unclean and (problems := file_problems(path)):
            raise DatabaseDamaged(path=str(path), detail=damage_summary(problems))
    else:
        if not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        if not os.access(path.parent, os.W_OK):
            raise DatabaseReadOnly(path=str(path))
    with translated_errors(path):
        conn = connect(path)
        try:
            if kind == "empty":  # ours from the first byte written
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
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
            _stamp(conn)
            _ensure_device_id(conn)
        except BaseException:
            conn.close()
            raise
    return DeskDatabase(path, conn, checked=unclean or kind == "empty")


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


def _stamp(conn: sqlite3.Connection) -> None:
    """Mark the file as ERPDesk's (a database from before the mark gets it
    now) and mirror the schema revision in ``user_version`` for tools that
    read only the header; both are header fields, so reading them is free."""
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    version = int(head_revision())
    if conn.execute("PRAGMA user_version").fetchone()[0] != version:
        conn.execute(f"PRAGMA user_version = {version}")
