"""Migration 0012: every live customer's search key is made again with its
contacts' names, as the desk writes keys now (so a database made before
finds a customer by a contact's name); nothing else changes: other
columns, ``updated_at``, the pending outbox."""

from __future__ import annotations

import sqlite3

from test_migrations import _fill_at_first_revision

from erpdesk.domain.customer import Customer
from erpdesk.storage.database import migrate, open_database
from erpdesk.storage.mapping import contact_from_row, customer_from_row
from erpdesk.storage.repositories import derived_columns

STAMP = "2026-01-02T00:00:00.000000+00:00"


def test_upgrade_to_0012_puts_contact_names_in_search_keys_and_keeps_the_rest(tmp_path):
    path = tmp_path / "desk.db"
    sqlite3.connect(path).close()
    migrate(path, "0011")
    _fill_at_first_revision(path)  # 浪潮 with its contact 王明, an old key, two pending ops
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE contact SET created_at = ?, updated_at = ?", (STAMP, STAMP))
        conn.execute(
            "INSERT INTO contact (id, customer_id, name, mobile, created_at, updated_at,"
            " deleted) VALUES ('p-2', 'c-1', '离职的人', '13800000000', ?, ?, 1)", (STAMP, STAMP))
        before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                  for t in ("contact", "activity", "outbox")}  # fmt: skip
        customer_before = conn.execute("SELECT * FROM customer").fetchone()
    assert "wangming" not in customer_before  # the old key
    migrate(path, "0012")
    db = open_database(path)
    try:
        conn = db.reader
        row = conn.execute("SELECT * FROM customer WHERE id = 'c-1'").fetchone()
        key = row["search_key"]
        assert "王明" in key and "wangming" in key and "13912345678" in key
        assert "离职的人" not in key  # a deleted contact is not searched
        contacts = [contact_from_row(r) for r in conn.execute(
            "SELECT * FROM contact WHERE customer_id = 'c-1' AND deleted = 0")]
        customer: Customer = customer_from_row(row)
        assert key == derived_columns(customer, contacts)["search_key"]  # as the desk writes it
        assert row["updated_at"] == STAMP  # nothing the user changed
        for table, kept in before.items():
            assert [tuple(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1")] == kept
    finally:
        db.close()
