"""Migration 0007 (registration requests, the customer's protection dates):
a database at 0006 holding a customer and pending outbox ops upgrades with
every row and op kept; the new columns are empty and the new table takes a
request at once."""

from __future__ import annotations

import json
import sqlite3

from test_migrations import kept as kept_rows

from erpdesk.storage.database import head_revision, migrate, open_database
from erpdesk.storage.registration_store import RegistrationStore


def test_upgrade_to_0007_keeps_customers_and_pending_ops(tmp_path) -> None:
    path = tmp_path / "desk.db"
    sqlite3.connect(path).close()
    migrate(path, "0006")
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO customer (id, name, source, status, name_key, search_key, sort_key,"
            " created_at, updated_at, registration) VALUES ('c-1', '浪潮电子信息产业股份有限公司',"
            " 'referral', 'following', '浪潮电子信息产业', '浪潮', 'langchao', 'x', 'y', 'pending')"
        )
        for seq in (1, 2):
            conn.execute(
                "INSERT INTO outbox (seq, op_id, entity, entity_id, op, base_version, fields,"
                " created_at, payload_version) VALUES (?, ?, 'customer', 'c-1', 'update', 3, ?,"
                " 'x', 1)", (seq, f"op-{seq}", json.dumps({"phone": f"0531-8510600{seq}"})),
            )
        before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                  for t in ("customer", "outbox")}
    db = open_database(path)
    try:
        conn = db.reader
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        assert version == head_revision()  # 0008 adds columns to registration_request
        for table, rows in before.items():
            assert kept_rows(conn, table, rows), table
        row = conn.execute("SELECT registration, protected_until, release_due_at FROM customer"
                           ).fetchone()
        assert tuple(row) == ("pending", None, None)
        store = RegistrationStore(db)
        store.add("r-1", "c-1", {"id": "r-1"})
        assert store.latest_for("c-1").state == "waiting"
        assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 2
    finally:
        db.close()
