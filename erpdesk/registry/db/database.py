"""Engine, transactions and migrations of the registry database.

``RegistryDatabase.write()`` is the one way a service starts a transaction
that changes data.  On SQLite it begins with ``BEGIN IMMEDIATE`` (one writer
at a time, waiting up to ``busy_timeout`` instead of failing half-way); on
PostgreSQL it is an ordinary READ COMMITTED transaction in which the unique
indexes and the change counter's row lock keep several workers consistent.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Executable, Row, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

ROOT = Path(__file__).resolve().parents[3]
MIGRATIONS = ROOT / "migrations" / "registry"
SQLITE_BUSY_MS = 30_000


# PostgreSQL's deadlock_detected and serialization_failure: the transaction
# was rolled back as a whole and may simply be run again.
RETRY_SQLSTATES = frozenset({"40P01", "40001"})
# How many times a write is tried when it keeps failing that way.
ATTEMPTS = 3
T = TypeVar("T")


def retryable(exc: DBAPIError) -> bool:
    """May the transaction *exc* ended be run again as a whole: a deadlock, a
    serialization failure, or a connection found dead (the server restarted;
    SQLAlchemy has renewed the pool)?  For work that is idempotent should
    its commit have gone through after all (registrations and sync pushes
    are, on their ids)."""
    return bool(exc.connection_invalidated) or (
        getattr(exc.orig, "sqlstate", None) in RETRY_SQLSTATES
    )


def reconnecting(work: Callable[[], T]) -> T:
    """``work()``, run once more if it found its connection dead (the server
    restarted; SQLAlchemy has then renewed the whole pool).  For work that
    may simply run again: a read, a sign-in."""
    try:
        return work()
    except DBAPIError as exc:
        if not exc.connection_invalidated:
            raise
    return work()


# A lone surrogate (U+D800-U+DFFF alone) is no Unicode text: no answer that
# holds one can be encoded.  Before issue 9 a push could store one inside a
# JSON column (as a "\\ud800" escape) although not in a text column.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _scrubbed(value: Any) -> Any:
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_scrubbed(item) for item in value]
    if isinstance(value, dict):
        return {_scrubbed(k): _scrubbed(v) for k, v in value.items()}
    return value


def load_json(document: str | bytes) -> Any:
    """A JSON column's value, every lone surrogate replaced by U+FFFD, so that
    a value stored before the push refused them never makes a pull or any
    other answer fail.  Only an escape can bring one in, so a document
    without ``\\ud``/``\\uD`` is decoded as it is (the cost of one search)."""
    if not isinstance(document, str):
        document = bytes(document).decode("utf-8")
    value = json.loads(document)
    if "\\ud" in document or "\\uD" in document:
        value = _scrubbed(value)
    return value


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for *url* (SQLite file or PostgreSQL through psycopg 3)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, echo=echo, json_deserializer=load_json,
            connect_args={"timeout": SQLITE_BUSY_MS / 1000, "check_same_thread": False},
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # No pre-ping: it is a round trip ("SELECT 1") at every checkout, and a
    # request checks out twice (sign-in, then the work).  After the server
    # restarts, the first statement on a dead connection fails and
    # SQLAlchemy renews the whole pool; the bearer sign-in every request
    # starts with, a password sign-in, registrations and pushes then run
    # again on a new connection (``reconnecting``, ``retryable``), so only
    # other work already under way answers 503 ``database_unavailable``
    # (the desk retries).  Connections older than half an hour are renewed
    # (proxies and firewalls drop idle ones).
    return create_engine(
        url, echo=echo, pool_size=10, max_overflow=20, pool_recycle=1800,
        json_deserializer=load_json,
    )


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # Transactions are begun by _sqlite_begin, not by the sqlite3 module.
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get("registry_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class RegistryDatabase:
    """The registry's engine and its two kinds of transaction."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.engine = make_engine(url, echo=echo)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction (a consistent snapshot on PostgreSQL)."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def read_row(self, statement: Executable, params: dict[str, Any]) -> Row[Any] | None:
        """The first row of one read statement (the sign-in of every request).

        On PostgreSQL without a transaction around it (one round trip instead
        of BEGIN, the statement and ROLLBACK).  A pooled connection found dead
        (the server restarted) is replaced and the read run once more:
        SQLAlchemy then renews the whole pool, so the request's own work that
        follows gets a live connection too, and nobody sees a 503 for it.
        """
        def read() -> Row[Any] | None:
            if self.dialect != "postgresql":
                with self.read() as conn:
                    return conn.execute(statement, params).first()
            with self.engine.connect() as conn:
                conn = conn.execution_options(isolation_level="AUTOCOMMIT")
                return conn.execute(statement, params).first()

        return reconnecting(read)

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """A transaction that commits when the block ends without an exception."""
        with self.engine.connect() as conn:
            conn.execution_options(registry_write=True)
            with conn.begin():
                yield conn

    def ping(self) -> None:
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at; ``None`` for an empty one."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return str(row[0]) if row else None


def migrate(url: str, target: str = "head", *, down: bool = False) -> None:
    """Bring the database at *url* up (or *down*) to *target* in one transaction."""
    from alembic import command

    config = _alembic_config()
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            if down:
                command.downgrade(config, target)
            else:
                command.upgrade(config, target)
    finally:
        engine.dispose()


def schema_state(url: str) -> tuple[str | None, str]:
    """``(current, head)`` revisions of the database at *url*."""
    engine = make_engine(url)
    try:
        return current_revision(engine), head_revision()
    finally:
        engine.dispose()
