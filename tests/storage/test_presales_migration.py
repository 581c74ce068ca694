"""Migration 0009 (presales tables): a database at 0008 holding customers,
deals and pending outbox ops upgrades with every row and op kept, and the
new tables take requests, engagements and tasks at once, their ops queued
behind the old ones."""

from __future__ import annotations

import json
import sqlite3

from test_migrations import kept as kept_rows

from erpdesk.domain.presales import Engagement, RequestKind, SupportRequest
from erpdesk.storage.database import head_revision, migrate, open_database
from erpdesk.storage.uow import UnitOfWork


def test_upgrade_to_0009_keeps_rows_and_pending_ops(tmp_path) -> None:
    path = tmp_path / "desk.db"
    sqlite3.connect(path).close()
    migrate(path, "0008")
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO customer (id, name, source, status, name_key, search_key, sort_key,"
            " created_at, updated_at) VALUES ('c-1', '济南华信机械制造有限公司', 'referral',"
            " 'following', '华信机械', '华信', 'huaxin', 'x', 'y')")
        conn.execute(
            "INSERT INTO deal (id, customer_id, name, stage, status, probability,"
            " stage_entered_at, created_at, updated_at) VALUES ('d-1', 'c-1', '华信ERP', 2,"
            " 'open', 20, 'x', 'x', 'y')")
        for seq, (entity, entity_id) in enumerate((("customer", "c-1"), ("deal", "d-1")), 1):
            conn.execute(
                "INSERT INTO outbox (seq, op_id, entity, entity_id, op, base_version, fields,"
                " created_at, payload_version) VALUES (?, ?, ?, ?, 'update', 3, ?, 'x', 1)",
                (seq, f"op-{seq}", entity, entity_id, json.dumps({"notes": "待跟进"})),
            )
        before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                  for t in ("customer", "deal", "outbox")}
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "support_request" not in tables
    db = open_database(path)
    try:
        conn = db.reader
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            head_revision())
        for table, rows in before.items():
            assert kept_rows(conn, table, rows), table
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert {"ix_support_request_deal", "ix_presales_engagement_consultant",
                "ix_presales_task_engagement", "ix_presales_task_open"} <= indexes
        request = SupportRequest(customer_id="c-1", deal_id="d-1", kind=RequestKind.DEMO,
                                 requested_by="li.rep", consultant="zhao.pre")
        engagement = Engagement(request_id=request.id, customer_id="c-1", deal_id="d-1",
                                consultant="zhao.pre")
        with UnitOfWork(db) as uow:
            uow.support_requests.add(request)
            uow.engagements.add(engagement)
            uow.commit()
        with UnitOfWork(db) as uow:
            assert uow.support_requests.of_deal("d-1") == [request]
            assert uow.engagements.of_consultant("zhao.pre", open_only=True) == [engagement]
            pending = uow.outbox.pending()
        assert [(o.seq, o.entity, o.op) for o in pending] == [
            (1, "customer", "update"), (2, "deal", "update"),
            (3, "support_request", "create"), (4, "presales_engagement", "create")]
        assert pending[0].fields == {"notes": "待跟进"}
    finally:
        db.close()
