"""Migration 0011 (todos): a database at 0010 holding customers, contacts,
activities, a deal and pending outbox ops upgrades with every row and op
kept; the new table takes a todo with its op at once, and going back to
0010 drops the table alone."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

from test_migrations import _fill_at_first_revision
from test_migrations import kept as kept_rows

from erpdesk.domain.todo import Todo
from erpdesk.storage.database import (
    MIGRATIONS,
    head_revision,
    make_engine,
    migrate,
    open_database,
)
from erpdesk.storage.uow import UnitOfWork

OLD_TABLES = ("customer", "contact", "activity", "deal", "presales_content", "outbox")


def _fill_at_0010(path) -> None:
    """test_migrations' customer, contact, activity and two pending ops,
    then a deal, a content entry and a pending deal op."""
    _fill_at_first_revision(path)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO deal (id, customer_id, name, stage, status, probability,"
            " stage_entered_at, created_at, updated_at) VALUES ('d-1', 'c-1', '华信ERP', 3,"
            " 'open', 30, 'x', 'x', 'y')")
        conn.execute(
            "INSERT INTO presales_content (kind, code, data, updated_at) VALUES"
            " ('competitor', 'odoo', '{}', 'x')")
        conn.execute(
            "INSERT INTO outbox (seq, op_id, entity, entity_id, op, base_version, fields,"
            " created_at, payload_version) VALUES (3, 'op-3', 'deal', 'd-1', 'update', 2, ?,"
            " 'x', 1)", (json.dumps({"next_step": "下周演示"}),))


def _downgrade(path, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    engine = make_engine(path)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, target)
    finally:
        engine.dispose()


def test_upgrade_to_0011_keeps_rows_and_pending_ops(tmp_path) -> None:
    path = tmp_path / "desk.db"
    sqlite3.connect(path).close()
    migrate(path, "0010")
    _fill_at_0010(path)
    with sqlite3.connect(path) as conn:
        before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in OLD_TABLES}
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "todo" not in tables and all(before.values())
    assert len(before["outbox"]) == 3

    db = open_database(path)
    try:
        conn = db.reader
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            head_revision())
        for table, kept in before.items():
            assert kept_rows(conn, table, kept), table
        indexes = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'todo'")}
        assert {"ix_todo_open_due", "ix_todo_customer", "ix_todo_deal"} <= indexes

        due = datetime(2026, 12, 8, 1, 0, tzinfo=UTC)
        todo = Todo(customer_id="c-1", title="下周演示", due_at=due, deal_id="d-1")
        with UnitOfWork(db) as uow:
            uow.todos.add(todo)
            uow.commit()
        with UnitOfWork(db) as uow:
            assert uow.todos.get(todo.id) == todo
            assert [t.id for t in uow.todos.open_due_before(due.replace(hour=2))] == [todo.id]
        ops = conn.execute("SELECT entity, op FROM outbox ORDER BY seq").fetchall()
        assert [tuple(r) for r in ops][-2:] == [("deal", "update"), ("todo", "create")]
    finally:
        db.close()

    _downgrade(path, "0010")
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "todo" not in tables
        assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 4
