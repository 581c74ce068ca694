"""Migration 0013 (Today's indexes): a database at 0012 holding customers,
contacts, activities and pending outbox ops upgrades with every row and op
kept and the three indexes made; Today's registration and visit queries
use them."""

from __future__ import annotations

import sqlite3

from test_migrations import _fill_at_first_revision, kept

from erpdesk.storage.database import head_revision, migrate, open_database

TABLES = ("customer", "contact", "activity", "outbox")


def test_upgrade_to_0013_keeps_rows_and_adds_the_indexes(tmp_path):
    path = tmp_path / "desk.db"
    sqlite3.connect(path).close()
    migrate(path, "0012")
    _fill_at_first_revision(path)
    with sqlite3.connect(path) as conn:
        before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}
    assert len(before["outbox"]) == 2
    db = open_database(path)
    try:
        conn = db.reader
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            head_revision())
        for table, rows in before.items():
            assert kept(conn, table, rows), table
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert {"ix_customer_registration", "ix_customer_release", "ix_activity_kind_time"} <= (
            names)
        plan = " ".join(str(r[3]) for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM activity WHERE kind = 'visit' AND deleted = 0"
            " AND occurred_at >= ? AND occurred_at < ?", ("2026-12-06", "2026-12-07")))
        assert "ix_activity_kind_time" in plan
    finally:
        db.close()
