"""Migration 0008 (a registration request keeps the registry's refusal code
and its near matches): a database at 0007 holding customers, requests and
pending outbox ops upgrades with every row and op kept; the new columns are
empty and take the registry's answers at once."""

from __future__ import annotations

import json
import sqlite3

from test_migrations import kept as kept_rows

from erpdesk.domain.near_matches import NearMatch
from erpdesk.storage.database import head_revision, migrate, open_database
from erpdesk.storage.registration_store import RegistrationStore


def test_upgrade_to_0008_keeps_requests_and_pending_ops(tmp_path) -> None:
    path = tmp_path / "desk.db"
    sqlite3.connect(path).close()
    migrate(path, "0007")
    with sqlite3.connect(path) as conn:
        for cid, name, registration in (("c-1", "浪潮电子信息产业股份有限公司", "pending"),
                                        ("c-2", "济南华信机械制造有限公司", "unregistered")):
            conn.execute(
                "INSERT INTO customer (id, name, source, status, name_key, search_key, sort_key,"
                " created_at, updated_at, registration) VALUES (?, ?, 'referral', 'following',"
                " ?, ?, ?, 'x', 'y', ?)", (cid, name, name[:6], name[:2], cid, registration))
        conn.execute(
            "INSERT INTO registration_request (id, customer_id, payload, state, requested_at,"
            " sent_at, result) VALUES ('r-1', 'c-1', '{\"id\": \"r-1\"}', 'sent', 'a', 'b',"
            " 'pending')")
        conn.execute(
            "INSERT INTO registration_request (id, customer_id, payload, state, requested_at,"
            " result, reasons, decided_at, notified) VALUES ('r-2', 'c-2', '{\"id\": \"r-2\"}',"
            " 'refused', 'a', 'refused', '该公司已被保护', 'c', 1)")
        for seq in (1, 2):
            conn.execute(
                "INSERT INTO outbox (seq, op_id, entity, entity_id, op, base_version, fields,"
                " created_at, payload_version) VALUES (?, ?, 'customer', 'c-1', 'update', 3, ?,"
                " 'x', 1)", (seq, f"op-{seq}", json.dumps({"phone": f"0531-8510600{seq}"})),
            )
        before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                  for t in ("customer", "outbox", "registration_request")}
    db = open_database(path)
    try:
        conn = db.reader
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        assert version == head_revision()
        for table, rows in before.items():
            assert kept_rows(conn, table, rows), table
        store = RegistrationStore(db)
        sent, refused = store.get("r-1"), store.get("r-2")
        assert (sent.state, sent.code, sent.near_matches, sent.possible_duplicate) == (
            "sent", "", (), False)
        assert (refused.state, refused.reasons, refused.code) == ("refused", "该公司已被保护", "")
        assert store.unnotified() == []  # a plain sent request is nothing to tell
        near = (NearMatch(91.7, "c-9", "浪潮电子信息产业有限公司", "protected", "王一"),)
        assert store.mark_possible_duplicate("r-1", near)
        assert store.get("r-1").near_matches == near
        assert [r.id for r in store.unnotified()] == ["r-1"]
        assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 2
    finally:
        db.close()
