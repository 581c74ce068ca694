"""The registry's Alembic history: linear, building exactly the declared
tables on both databases, reversible, and holding the one-owner rule."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, Table, insert, select, update
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



def test_upgrade_to_0004_keeps_customers_and_dates_the_release_of_protected_ones(db_url):
    migrate(db_url, "0003", down=True)
    since = datetime(2026, 1, 10, 8, tzinfo=UTC)
    legacy = [
        ("p1", "华信机械", "CODE-1", "protected", since, datetime(2026, 4, 10, 8, tzinfo=UTC)),
        ("p2", "鲁信重工", "CODE-2", "protected", since, datetime(2026, 1, 20, 8, tzinfo=UTC)),
        ("q1", "齐鲁软件", "CODE-3", "pending", None, None),
    ]
    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:
            # The 0003 table, written as 0003 knew it (not through today's metadata).
            legacy_table = Table(
                "customers", MetaData(), autoload_with=conn
            )
            assert "release_due_at" not in legacy_table.c
            conn.execute(
                insert(legacy_table),
                [
                    {
                        **_customer(id, key, code, status),
                        "protected_since": since_, "protected_until": until,
                        "field_versions": {}, "deleted": False, "change_number": 0,
                    }
                    for id, key, code, status, since_, until in legacy
                ],
            )
    finally:
        engine.dispose()
    migrate(db_url)
    db = RegistryDatabase(db_url)
    try:
        with db.read() as conn:
            rows = {
                r.id: r
                for r in conn.execute(select(customers).order_by(customers.c.id)).all()
            }
    finally:
        db.dispose()
    assert set(rows) == {"p1", "p2", "q1"}
    assert rows["p1"].name == "华信机械" and rows["p1"].status == "protected"
    # 30 days (the default) without a follow-up, or the end of protection if earlier.
    assert rows["p1"].release_due_at == datetime(2026, 2, 9, 8, tzinfo=UTC)
    assert rows["p2"].release_due_at == datetime(2026, 1, 20, 8, tzinfo=UTC)
    assert rows["q1"].release_due_at is None
