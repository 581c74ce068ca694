"""Migration 0006 (quotes, approvals, proposals, the desk's catalogue and
the quote numbering): a database at 0005 holding customers, deals, stage
history and sync ops not yet pushed upgrades with every row and op as it
was, and the new tables take quotes at once."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from decimal import Decimal

from test_migrations import kept as kept_rows

from erpdesk.domain.deal import Deal, MoveKind, StageChange
from erpdesk.domain.quote import Quote, QuoteLine
from erpdesk.storage.database import MIGRATIONS, head_revision, make_engine, migrate, open_database
from erpdesk.storage.mapping import deal_row, stage_change_row
from erpdesk.storage.uow import UnitOfWork

NEW_TABLES = {"quote", "quote_approval", "proposal", "catalogue_doc", "quote_sequence"}
KEPT = (
    "customer",
    "contact",
    "activity",
    "deal",
    "stage_change",
    "worksheet",
    "deal_stage_fact",
    "outbox",
)


def _fill_at_0005(path) -> list[Deal]:
    t0 = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
    deals = [
        Deal(
            customer_id="c-1",
            name=f"浪潮ERP{i}",
            stage=5,
            amount=Decimal("880000.05") * i,
            close_date=date(2027, 1, i),
            stage_entered_at=t0,
            created_at=t0,
            updated_at=t0,
        )
        for i in (1, 2)
    ]
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO customer (id, name, source, status, name_key, search_key, sort_key,"
            " created_at, updated_at, uscc, server_version) VALUES"
            " ('c-1', '浪潮电子信息产业股份有限公司', 'referral', 'following', '浪潮电子信息产业',"
            " '浪潮', 'langchao', '2026-01-01T00:00:00.000000+00:00',"
            " '2026-01-02T00:00:00.000000+00:00', '91370000163446410B', 7)"
        )
        conn.execute(
            "INSERT INTO contact (id, customer_id, name, mobile, created_at, updated_at)"
            " VALUES ('p-1', 'c-1', '王明', '13912345678', 'x', 'x')"
        )
        for d in deals:
            row = deal_row(d)
            conn.execute(
                f"INSERT INTO deal ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                tuple(row.values()),
            )
            change = stage_change_row(StageChange(d.id, MoveKind.CREATED, 5, t0, "li.na"))
            conn.execute(
                f"INSERT INTO stage_change ({', '.join(change)})"
                f" VALUES ({', '.join('?' * len(change))})",
                tuple(change.values()),
            )
        pending = [
            ("customer", "c-1", "update", 7, {"phone": "0531-85106000"}),
            ("deal", deals[0].id, "create", None, {"name": deals[0].name}),
            ("deal", deals[1].id, "update", 3, {"amount": "1760000.10"}),
        ]
        for seq, (entity, entity_id, op, base, fields) in enumerate(pending, start=1):
            conn.execute(
                "INSERT INTO outbox (seq, op_id, entity, entity_id, op, base_version, fields,"
                " created_at, payload_version) VALUES (?, ?, ?, ?, ?, ?, ?, 'x', 1)",
                (
                    seq,
                    f"op-{seq}",
                    entity,
                    entity_id,
                    op,
                    base,
                    json.dumps(fields, ensure_ascii=False),
                ),
            )
    return deals


def test_upgrade_to_0006_keeps_customers_deals_and_pending_ops_and_adds_the_quote_tables(
    tmp_path,
):
    path = tmp_path / "desk.db"
    sqlite3.connect(path).close()
    migrate(path, "0005")
    deals = _fill_at_0005(path)
    with sqlite3.connect(path) as conn:
        before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in KEPT}
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert not tables & NEW_TABLES
    assert len(before["outbox"]) == 3 and len(before["deal"]) == 2

    db = open_database(path)
    try:
        conn = db.reader
        # upgraded to the head (0006 or later); later revisions may add
        # columns at the end of a table (0007: the customer's protection dates)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            head_revision()
        )
        for table, rows in before.items():
            assert kept_rows(conn, table, rows), table
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert tables >= NEW_TABLES
        for table in NEW_TABLES:
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert {
            "ix_quote_customer",
            "ix_quote_deal",
            "ix_quote_status",
            "ix_proposal_customer",
            "ix_proposal_deal",
            "ix_quote_approval_quote",
        } <= indexes
        # the outbox's rows are untouched and still in order: they push first
        assert [r[0] for r in conn.execute("SELECT op_id FROM outbox ORDER BY seq")] == [
            "op-1",
            "op-2",
            "op-3",
        ]

        quote = Quote(
            number="Q-ZHANG-20261206-001",
            customer_id="c-1",
            deal_id=deals[0].id,
            lines=(QuoteLine("财务管理模块用户许可", Decimal("3"), Decimal("33.33")),),
            quote_date=date(2026, 12, 6),
        )
        with UnitOfWork(db) as uow:
            uow.quotes.add(quote)
            assert uow.quote_sequence.next(date(2026, 12, 6)) == 1
            uow.commit()
        assert conn.execute("SELECT total_fen FROM quote").fetchone()[0] == 9999
        ops = [tuple(r) for r in conn.execute("SELECT entity, op FROM outbox ORDER BY seq")]
        assert ops == [
            ("customer", "update"),
            ("deal", "create"),
            ("deal", "update"),
            ("quote", "create"),
        ]
    finally:
        db.close()
    backups = list(tmp_path.glob(f"desk.db.before-{head_revision()}-from-0005-*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 3


def test_the_quote_tables_refuse_what_the_schema_forbids(tmp_path):
    path = tmp_path / "desk.db"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        row = ("q-1", "Q-A-20261206-001", 1, "c-404", "draft", "inclusive", "2026-12-06", "x", "x")
        sql = (
            "INSERT INTO quote (id, number, version, customer_id, status, price_mode,"
            " quote_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        )
        try:
            conn.execute(sql, row)
        except sqlite3.IntegrityError as exc:
            assert "FOREIGN KEY" in str(exc)
        else:  # pragma: no cover - the test fails here
            raise AssertionError("a quote of no customer was stored")
        conn.execute(
            "INSERT INTO customer (id, name, source, status, name_key, search_key, sort_key,"
            " created_at, updated_at) VALUES ('c-1', 'A', 'referral', 'following', 'a', 'a',"
            " 'a', 'x', 'x')"
        )
        conn.execute(sql, ("q-1", *row[1:3], "c-1", *row[4:]))
        try:
            conn.execute(sql, ("q-2", *row[1:3], "c-1", *row[4:]))  # same number and version
        except sqlite3.IntegrityError as exc:
            assert "UNIQUE" in str(exc)
        else:  # pragma: no cover
            raise AssertionError("two quotes share a number and a version")


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


def test_downgrade_from_0006_drops_only_the_new_tables(tmp_path):
    path = tmp_path / "desk.db"
    sqlite3.connect(path).close()
    migrate(path, "0005")
    deals = _fill_at_0005(path)
    migrate(path, "0006")
    _downgrade(path, "0005")
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert not tables & NEW_TABLES
        assert conn.execute("SELECT count(*) FROM deal").fetchone()[0] == len(deals)
        assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 3
