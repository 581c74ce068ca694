"""Registry tests run against real databases: SQLite (a file per test) and
PostgreSQL (one database per test session, emptied before each test).

Both are built through the Alembic migrations.  PostgreSQL is the server on
127.0.0.1:5432 (``ERPDESK_TEST_PG`` overrides the admin URL); when it cannot
be reached its tests are skipped, except under ``CI=true``, where that fails.
"""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_support import create_pg_database, drop_pg_database, require_pg_server
from registry_support import FakeClock
from sqlalchemy import create_engine, text

from erpdesk.registry.api.app import create_app
from erpdesk.registry.config import CHEAP_PASSWORD_COST, Config
from erpdesk.registry.db.database import migrate
from erpdesk.registry.db.schema import metadata

BACKENDS = ["sqlite", "postgresql"]

# Starlette 1.x prefers the httpx2 package for its TestClient and warns when
# it finds only httpx; the client works the same (see docs/registry.md).
with warnings.catch_warnings():
    warnings.filterwarnings(
        "ignore", message=r"Using `httpx` with `starlette.testclient` is deprecated"
    )
    from fastapi.testclient import TestClient


@pytest.fixture(autouse=True)
def _english_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line's messages in English, whatever the machine's locale
    (its Chinese is tested with ERPDESK_LANG=zh_CN)."""
    monkeypatch.setenv("ERPDESK_LANG", "en")


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The admin URL of a reachable PostgreSQL, or skip (fail under CI=true)."""
    return require_pg_server()


@pytest.fixture(scope="session")
def pg_database(pg_server: str) -> Iterator[str]:
    """A migrated PostgreSQL database for this test session, dropped at the end."""
    url = create_pg_database(pg_server)
    try:
        migrate(url)
        yield url
    finally:
        drop_pg_database(pg_server, url)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("registry") / "template.db"
    migrate(f"sqlite:///{path}")
    return path


def empty_pg(url: str) -> None:
    """Every table emptied and the change counter back at 0."""
    tables = ", ".join(f'"{t.name}"' for t in metadata.sorted_tables)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        conn.execute(text("INSERT INTO change_counter (name, value) VALUES ('change', 0)"))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty, migrated registry database of each kind."""
    if request.param == "sqlite":
        path = tmp_path / "registry.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url: str = request.getfixturevalue("pg_database")
    empty_pg(url)
    return url


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def config(db_url: str, clock: FakeClock) -> Config:
    return Config(db_url=db_url, password_cost=CHEAP_PASSWORD_COST, clock=clock)


@pytest.fixture
def client(config: Config) -> Iterator[TestClient]:
    with TestClient(create_app(config)) as test_client:
        yield test_client
