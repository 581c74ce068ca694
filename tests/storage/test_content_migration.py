"""Migration 0010 (the desk's presales content): a database at 0009 holding
customers, deals, presales rows and pending outbox ops upgrades with every
row and op kept, and the new table takes the desk's edits at once without
queueing any op (it is never synced)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

from test_migrations import _fill_at_first_revision
from test_migrations import kept as kept_rows

from erpdesk.storage.content_repository import ContentStore
from erpdesk.storage.database import head_revision, migrate, open_database

OLD_TABLES = ("customer", "contact", "activity", "deal", "support_request",
              "presales_engagement", "presales_task", "outbox")


def _fill_at_0009(path) -> None:
    """The first revision's customer, contact, activity and two pending ops
    (test_migrations' helper), then a deal, presales rows and their ops."""
    _fill_at_first_revision(path)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO deal (id, customer_id, name, stage, status, probability,"
            " stage_entered_at, created_at, updated_at) VALUES ('d-1', 'c-1', '华信ERP', 3,"
            " 'open', 30, 'x', 'x', 'y')")
        conn.execute(
            "INSERT INTO support_request (id, customer_id, deal_id, kind, modules, state,"
            " consultant, requested_by, created_at, updated_at) VALUES ('r-1', 'c-1', 'd-1',"
            " 'demo', '[\"finance\"]', 'assigned', 'zhao.pre', 'li.rep', 'x', 'y')")
        conn.execute(
            "INSERT INTO presales_engagement (id, request_id, customer_id, deal_id, consultant,"
            " step, created_at, updated_at) VALUES ('e-1', 'r-1', 'c-1', 'd-1', 'zhao.pre', 5,"
            " 'x', 'y')")
        conn.execute(
            "INSERT INTO presales_task (id, engagement_id, customer_id, deal_id, kind, title,"
            " scenarios, created_at, updated_at) VALUES ('t-1', 'e-1', 'c-1', 'd-1', 'demo',"
            " '财务月结演示', '[{\"code\": \"s1\", \"script\": \"finance.month_end\"}]', 'x', 'y')")
        ops = (("deal", "d-1"), ("support_request", "r-1"), ("presales_task", "t-1"))
        for seq, (entity, entity_id) in enumerate(ops, 3):
            conn.execute(
                "INSERT INTO outbox (seq, op_id, entity, entity_id, op, base_version, fields,"
                " created_at, payload_version) VALUES (?, ?, ?, ?, 'update', 2, ?, 'x', 1)",
                (seq, f"op-{seq}", entity, entity_id, json.dumps({"notes": "待跟进"})),
            )


def test_upgrade_to_0010_keeps_rows_and_pending_ops(tmp_path) -> None:
    path = tmp_path / "desk.db"
    sqlite3.connect(path).close()
    migrate(path, "0009")
    _fill_at_0009(path)
    with sqlite3.connect(path) as conn:
        before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                  for t in OLD_TABLES}
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "presales_content" not in tables
    assert all(before.values())

    db = open_database(path)
    try:
        conn = db.reader
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            head_revision())
        for table, kept in before.items():
            assert kept_rows(conn, table, kept), table

        store = ContentStore(db)
        at = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
        store.put("competitor", "odoo", {"code": "odoo", "name": "Odoo"}, at=at, by="zhao.pre")
        store.put("competitor", "sap", {}, removed=True, at=at, by="zhao.pre")
        assert [(r.code, r.removed, r.data) for r in store.rows()] == [
            ("odoo", False, {"code": "odoo", "name": "Odoo"}), ("sap", True, {})]
        assert store.get("competitor", "odoo").updated_by == "zhao.pre"
        # desk-local: nothing queued for the registry
        assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 5
        assert store.delete("competitor", "sap") and not store.delete("competitor", "sap")
    finally:
        db.close()
