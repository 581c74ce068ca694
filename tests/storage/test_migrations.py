"""The desk's Alembic history: linear, matching the tables, and upgrading a
database that holds data and pending sync changes without losing any."""

from __future__ import annotations

import json
import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from erpdesk.storage.database import (
    MIGRATIONS,
    head_revision,
    known_revisions,
    make_engine,
    migrate,
    open_database,
)
from erpdesk.storage.schema import metadata


def script_directory() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config)


def test_history_is_linear_and_named_by_revision():
    scripts = script_directory()
    assert scripts.get_heads() == [head_revision()]
    chain = [s.revision for s in scripts.walk_revisions()][::-1]
    assert chain == known_revisions()
    for script in scripts.walk_revisions():
        assert script.path.split("/")[-1].startswith(script.revision + "_")


def test_migrations_build_exactly_the_declared_tables(tmp_path):
    path = tmp_path / "desk.db"
    open_database(path).close()
    engine = make_engine(path)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    engine.dispose()
    assert diff == []


def _no_key(conn, table: str, rows, width: int | None = None) -> list[tuple]:
    """*rows* of *table* (their first *width* columns: later revisions add
    columns at the end) without the customer's ``search_key``: a derived
    search cache that 0012 makes again (with the contacts' names)."""
    rows = [tuple(r)[:width] for r in rows]
    if table != "customer":
        return rows
    at = [r[1] for r in conn.execute("PRAGMA table_info(customer)")].index("search_key")
    return [r[:at] + r[at + 1 :] for r in rows]


def kept(conn, table: str, before) -> bool:
    """The rows of *table* now are *before* (by their first columns, the
    search key aside)."""
    width = len(before[0]) if before else None
    after = conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
    return _no_key(conn, table, after, width) == _no_key(conn, table, before)


def _fill_at_first_revision(path) -> None:
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
        conn.execute(
            "INSERT INTO activity (id, customer_id, kind, occurred_at, summary, created_at,"
            " updated_at) VALUES ('a-1', 'c-1', 'visit', '2026-01-02T08:00:00.000000+00:00',"
            " '拜访总经理', 'x', 'x')"
        )
        for seq, op in enumerate(("create", "update"), start=1):
            conn.execute(
                "INSERT INTO outbox (seq, op_id, entity, entity_id, op, base_version, fields,"
                " created_at, payload_version) VALUES (?, ?, 'customer', 'c-1', ?, 7, ?, 'x', 1)",
                (seq, f"op-{seq}", op, json.dumps({"name": "浪潮电子信息产业股份有限公司"})),
            )


def test_upgrade_keeps_data_and_pending_outbox_and_writes_a_backup(tmp_path):
    path = tmp_path / "desk.db"
    sqlite3.connect(path).close()
    first = known_revisions()[0]
    migrate(path, first)
    _fill_at_first_revision(path)
    with sqlite3.connect(path) as conn:
        before = {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("customer", "contact", "activity", "outbox")
        }

    db = open_database(path)
    try:
        conn = db.reader
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        assert revision == head_revision()
        for table, rows in before.items():
            # later revisions may add columns at the end (0007: protection dates)
            assert kept(conn, table, rows), table
    finally:
        db.close()

    backups = list(tmp_path.glob("desk.db.before-*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == first
        assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 2


def test_opening_a_current_database_writes_no_backup(tmp_path):
    path = tmp_path / "desk.db"
    open_database(path).close()
    open_database(path).close()
    assert not list(tmp_path.glob("*.bak"))


def test_upgrade_to_0003_rekeys_names_with_their_region_and_keeps_the_outbox(tmp_path):
    # 0003: name keys keep the region.  Keys stored by the old rule (the
    # region set aside: 北京银行 and 上海银行 were both 银行) are recomputed;
    # every other column and every pending outbox op stays as it was.
    from erpdesk.domain.names import normalize_company_name

    path = tmp_path / "desk.db"
    sqlite3.connect(path).close()
    migrate(path, "0002")
    # (id, name, key by the old rule)
    legacy = [
        ("c-1", "北京银行股份有限公司", "银行"),
        ("c-2", "上海银行股份有限公司", "银行"),
        ("c-3", "浪潮（北京）电子信息产业有限公司", "浪潮电子信息产业"),
        ("c-4", "华信机械有限公司", "华信机械"),
        ("c-5", "上海科康医药连锁股份有限公司", "科康医药连锁"),
        ("c-6", "安徽科康医药连锁有限公司", "科康医药连锁"),
    ]
    with sqlite3.connect(path) as conn:
        for n, (cid, name, key) in enumerate(legacy):
            conn.execute(
                "INSERT INTO customer (id, name, source, status, name_key, search_key, sort_key,"
                " created_at, updated_at, uscc, server_version) VALUES"
                " (?, ?, 'referral', 'following', ?, ?, ?, 'x', 'x', '', ?)",
                (cid, name, key, name, name, n or None),
            )
            conn.execute(
                "INSERT INTO outbox (seq, op_id, entity, entity_id, op, base_version, fields,"
                " created_at, payload_version) VALUES (?, ?, 'customer', ?, 'create', NULL, ?,"
                " 'x', 1)",
                (n + 1, f"op-{n}", cid, json.dumps({"name": name}, ensure_ascii=False)),
            )
        before = {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("customer", "outbox")
        }

    db = open_database(path)
    try:
        conn = db.reader
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            head_revision()
        )
        keys = dict(conn.execute("SELECT id, name_key FROM customer").fetchall())
        outbox = [tuple(r) for r in conn.execute("SELECT * FROM outbox ORDER BY 1")]
        columns = [d[1] for d in conn.execute("PRAGMA table_info(customer)")]
        rows = [tuple(r) for r in conn.execute("SELECT * FROM customer ORDER BY 1")]
    finally:
        db.close()
    assert keys == {cid: normalize_company_name(name) for cid, name, _ in legacy}
    assert keys["c-1"] == "北京银行" and keys["c-2"] == "上海银行"
    assert keys["c-5"] != keys["c-6"]  # the import no longer merges them
    assert keys["c-3"] == "北京浪潮电子信息产业" and keys["c-4"] == "华信机械"
    assert outbox == before["outbox"]
    key_at = columns.index("name_key")
    rows = [r[: len(before["customer"][0])] for r in rows]  # columns added later at the end
    search_at = columns.index("search_key")  # 0012 makes it again

    def plain(r: tuple) -> tuple:
        return tuple(v for i, v in enumerate(r) if i not in (key_at, search_at))

    assert [plain(r) for r in rows] == [
        plain(r) for r in before["customer"]
    ]


def test_upgrade_to_0004_keeps_customers_and_pending_ops_and_adds_the_funnel_tables(tmp_path):
    # 0004: deals, stage history and worksheets.  A database at 0003 with
    # customers, contacts, activities and ops not yet synced upgrades with
    # every row and op as it was, and the new tables take deals at once.
    path = tmp_path / "desk.db"
    sqlite3.connect(path).close()
    migrate(path, "0003")
    _fill_at_first_revision(path)
    tables = ("customer", "contact", "activity", "outbox", "meta")
    with sqlite3.connect(path) as conn:
        before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
    assert len(before["outbox"]) == 2

    db = open_database(path)
    try:
        conn = db.reader
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            head_revision()
        )
        for table, rows in before.items():
            after = [tuple(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
            if table == "meta":  # opening adds the device id
                assert set(rows) <= set(after)
            else:  # later revisions may add columns at the end
                assert kept(conn, table, rows), table
        assert conn.execute("SELECT count(*) FROM deal").fetchone()[0] == 0
        indexes = {r[1] for r in conn.execute("SELECT * FROM sqlite_master WHERE type='index'")}
        assert {"ix_deal_board", "ix_deal_customer", "ix_stage_change_deal",
                "ix_worksheet_deal"} <= indexes  # fmt: skip
    finally:
        db.close()

    from datetime import UTC, datetime
    from decimal import Decimal

    from erpdesk.domain.deal import Deal
    from erpdesk.storage.deal_queries import DealQueries
    from erpdesk.storage.uow import UnitOfWork

    db = open_database(path)
    try:
        deal = Deal(customer_id="c-1", name="浪潮ERP", amount=Decimal("880000.50"),
                    stage_entered_at=datetime(2026, 12, 1, tzinfo=UTC))  # fmt: skip
        with UnitOfWork(db) as uow:
            uow.deals.add(deal)
            uow.commit()
        assert DealQueries(db.reader).deal(deal.id).amount == Decimal("880000.50")
        ops = [tuple(r) for r in db.reader.execute("SELECT entity, op FROM outbox ORDER BY seq")]
        assert ops == [("customer", "create"), ("customer", "update"), ("deal", "create")]
    finally:
        db.close()
    backups = list(tmp_path.glob(f"desk.db.before-{head_revision()}-from-0003-*.bak"))
    assert len(backups) == 1


def test_upgrade_to_0005_fills_the_forecast_facts_and_keeps_deals_and_pending_ops(tmp_path):
    # 0005: deal.closed_on and deal_stage_fact, FILLED from the deals and
    # stage history already there; every row and pending op stays as it was
    # and the forecast read from the facts equals the domain's on the deals.
    from datetime import UTC, date, datetime, timedelta
    from decimal import Decimal

    from erpdesk.domain.deal import Deal, DealStatus, MoveKind, StageChange
    from erpdesk.domain.forecast import conversion, forecast_by_period
    from erpdesk.playbooks import read_playbook
    from erpdesk.storage.deal_queries import DealQueries
    from erpdesk.storage.forecast_queries import ForecastQueries
    from erpdesk.storage.mapping import deal_row, stage_change_row

    path = tmp_path / "desk.db"
    sqlite3.connect(path).close()
    migrate(path, "0004")
    _fill_at_first_revision(path)
    t0 = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)  # near midnight: the local day matters
    f, b, w, lost, r, c = (MoveKind.FORWARD, MoveKind.BACK, MoveKind.WON, MoveKind.LOST,
                           MoveKind.REOPENED, MoveKind.CREATED)  # fmt: skip
    patterns = [
        [(c, 1), (f, 2), (f, 3), (b, 2), (f, 3), (w, 3)],
        [(c, 1), (f, 2), (lost, 2), (r, 2), (f, 4)],
        [(c, 1), (f, 2), (f, 3), (w, 3), (r, 3), (b, 2), (f, 3), (lost, 3)],
        [(c, 2)],
    ]
    deals, changes = [], []
    for i in range(12):
        steps = patterns[i % len(patterns)]
        times = [
            t0 + timedelta(days=3 * k + i, hours=k * 5, microseconds=i) for k in range(len(steps))
        ]
        last = steps[-1][0]
        status = {w: DealStatus.WON, lost: DealStatus.LOST}.get(last, DealStatus.OPEN)
        d = Deal(customer_id="c-1", name=f"ERP{i}", stage=steps[-1][1], status=status,
                 amount=Decimal("1000.05") * (i + 1), close_date=date(2026, 5, 1 + i),
                 probability=10 * (i % 10), owner=("li.na", "zhang.wei")[i % 2],
                 closed_at=times[-1] if status is not DealStatus.OPEN else None,
                 stage_entered_at=times[-1], deleted=i == 11,
                 created_at=t0, updated_at=t0)  # fmt: skip
        deals.append(d)
        previous = None
        for (kind, to), at in zip(steps, times, strict=True):
            changes.append(StageChange(d.id, kind, to, at, "li.na", from_stage=previous,
                                       created_at=at))  # fmt: skip
            previous = to
    with sqlite3.connect(path) as conn:
        for d in deals:
            row = deal_row(d)
            del row["closed_on"]  # not a column at 0004
            conn.execute(
                f"INSERT INTO deal ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                tuple(row.values()),
            )
        for ch in changes:
            row = stage_change_row(ch)
            conn.execute(
                f"INSERT INTO stage_change ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                tuple(row.values()),
            )
        conn.execute(
            "INSERT INTO outbox (seq, op_id, entity, entity_id, op, base_version, fields,"
            " created_at, payload_version) VALUES (3, 'op-3', 'deal', ?, 'create', NULL, '{}',"
            " 'x', 1)",
            (deals[0].id,),
        )
    tables = ("customer", "contact", "activity", "outbox", "stage_change", "worksheet")
    with sqlite3.connect(path) as conn:
        before = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
        deals_before = conn.execute("SELECT * FROM deal ORDER BY id").fetchall()
    assert len(before["outbox"]) == 3 and len(deals_before) == 12

    db = open_database(path)
    try:
        conn = db.reader
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        assert version == head_revision()
        for table, rows in before.items():
            assert kept(conn, table, rows), table  # 0007 adds columns at the end
        columns = [r[1] for r in conn.execute("PRAGMA table_info(deal)")]
        at = columns.index("closed_on")
        after = [tuple(r) for r in conn.execute("SELECT * FROM deal ORDER BY id")]
        assert [r[:at] + r[at + 1 :] for r in after] == deals_before
        by_id = {d.id: d for d in deals}
        for row in after:
            closed = by_id[row[0]].closed_at
            assert row[at] == (closed.astimezone().date().isoformat() if closed else None)
        assert conn.execute("SELECT count(*) FROM deal_stage_fact").fetchone()[0] > 12
        playbook = read_playbook()
        queries = ForecastQueries.of(DealQueries(conn))
        for owner in (None, "li.na", "zhang.wei"):
            live = [d for d in deals if not d.deleted and owner in (None, d.owner)]
            ids = {d.id for d in live}
            found = queries.conversion(owner, playbook)
            assert found == conversion([ch for ch in changes if ch.deal_id in ids], playbook)
            assert queries.periods(owner, "month") == forecast_by_period(live, "month")
        assert any(row.converted for row in queries.conversion(None, playbook))
    finally:
        db.close()
