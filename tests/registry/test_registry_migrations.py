"""The registry's Alembic history: linear, building exactly the declared
tables on both databases, reversible, and holding the one-owner rule."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import insert, update
from sqlalchemy.exc import IntegrityError

from erpdesk.registry.db.database import (
    MIGRATIONS,
    RegistryDatabase,
    current_revision,
    head_revision,
    make_engine,
    migrate,
)
from erpdesk.registry.db.schema import customers, metadata

NOW = datetime(2026, 3, 2, tzinfo=UTC)


def scripts() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config)


def test_history_is_linear_and_named_by_revision():
    directory = scripts()
    assert directory.get_heads() == [head_revision()]
    for script in directory.walk_revisions():
        assert script.path.split("/")[-1].startswith(script.revision + "_")


def test_migrations_build_exactly_the_declared_tables(db_url):
    engine = make_engine(db_url)
    try:
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_downgrade_and_upgrade_again(db_url):
    migrate(db_url, "base", down=True)
    engine = make_engine(db_url)
    try:
        assert current_revision(engine) is None
    finally:
        engine.dispose()
    migrate(db_url)


def _customer(id: str, name_key: str, uscc: str, status: str = "pending") -> dict[str, object]:
    return {
        "id": id, "name": name_key, "name_key": name_key, "uscc": uscc, "fields": {},
        "status": status, "created_at": NOW, "updated_at": NOW,
    }


@pytest.mark.parametrize("second", [("c2", "其他名称", "CODE-1"), ("c2", "华信机械", "CODE-2")])
def test_the_database_itself_refuses_a_second_holder_of_a_company(db_url, second):
    db = RegistryDatabase(db_url)
    try:
        with db.write() as conn:
            conn.execute(insert(customers).values(_customer("c1", "华信机械", "CODE-1")))
        with pytest.raises(IntegrityError), db.write() as conn:
            conn.execute(insert(customers).values(_customer(*second)))
        # An invalid customer frees the slot; customers without a code never clash on it.
        with db.write() as conn:
            conn.execute(update(customers).where(customers.c.id == "c1").values(status="invalid"))
            conn.execute(insert(customers).values(_customer(*second)))
            conn.execute(insert(customers).values(_customer("c3", "甲公司", "")))
            conn.execute(insert(customers).values(_customer("c4", "乙公司", "")))
    finally:
        db.dispose()
