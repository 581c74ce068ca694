"""Quotes in the desk's database: exact round trips of lines and money, the
printed totals kept in fen, outbox ops per change, versions and lists, the
approval records, the local catalogue, the day's sequence and ``meta``."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from erpdesk.domain.customer import Customer
from erpdesk.domain.deal import Deal
from erpdesk.domain.errors import DatabaseLocked, NotFound
from erpdesk.domain.quote import (
    ApprovalDecision,
    ItemKind,
    Milestone,
    PriceMode,
    Quote,
    QuoteApproval,
    QuoteLine,
    QuoteStatus,
    quote_totals,
)
from erpdesk.storage.database import open_database
from erpdesk.storage.deal_queries import DealQueries
from erpdesk.storage.mapping import payload_value, to_fen
from erpdesk.storage.quote_repositories import line_data
from erpdesk.storage.uow import UnitOfWork

T0 = datetime(2026, 12, 6, 2, 30, tzinfo=UTC)
DAY = date(2026, 12, 6)
LINES = (
    QuoteLine(
        "财务管理模块用户许可",
        Decimal("3"),
        Decimal("33.33"),
        item="lic_finance",
        unit="用户",
        list_price=Decimal("33.33"),
    ),
    QuoteLine(
        "系统配置与实施",
        Decimal("2.5"),
        Decimal("2399.99"),
        group=ItemKind.SERVICE,
        unit="人天",
        discount=Decimal("12.5"),
        vat_rate=Decimal("6"),
    ),
    QuoteLine("条码打印机接口", Decimal("0.3330"), Decimal("0.01"), group=ItemKind.THIRD_PARTY),
)


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    """A database at the newest schema, made once; each test opens a copy."""
    path = tmp_path_factory.mktemp("template") / "desk.db"
    open_database(path).close()
    return path


@pytest.fixture
def db(tmp_path, migrated):
    shutil.copyfile(migrated, tmp_path / "desk.db")
    opened = open_database(tmp_path / "desk.db")
    yield opened
    opened.close()


def add_customer(db, name="浪潮电子信息产业股份有限公司") -> Customer:
    c = Customer(name=name)
    with UnitOfWork(db) as uow:
        uow.customers.add(c)
        uow.commit()
    return c


def add_deal(db, customer_id: str, name="浪潮ERP二期") -> Deal:
    d = Deal(customer_id=customer_id, name=name, stage=5, stage_entered_at=T0)
    with UnitOfWork(db) as uow:
        uow.deals.add(d)
        uow.commit()
    return d


def make_quote(customer_id: str, **fields) -> Quote:
    values = dict(
        number="Q-ZHANG-20261206-001",
        customer_id=customer_id,
        lines=LINES,
        milestones=(
            Milestone("合同签订", Decimal("30"), "7 日内"),
            Milestone("上线验收", Decimal("60.5")),
            Milestone("质保期满", Decimal("9.5")),
        ),
        quote_date=DAY,
        valid_until=DAY + timedelta(days=30),
        title="浪潮ERP二期报价",
        discount_limit=Decimal("12.50"),
        author="zhang.wei",
        created_at=T0,
        updated_at=T0,
    )
    values.update(fields)
    return Quote(**values)


def add(db, *quotes: Quote, record: bool = True) -> None:
    with UnitOfWork(db) as uow:
        uow.quotes.add_many(list(quotes), record=record)
        uow.commit()


def outbox(db) -> list[dict]:
    rows = db.reader.execute("SELECT * FROM outbox ORDER BY seq").fetchall()
    return [{**dict(r), "fields": json.loads(r["fields"])} for r in rows]


def test_a_quote_round_trips_exactly_with_its_printed_totals_in_fen(db):
    c = add_customer(db)
    q = make_quote(c.id, price_mode=PriceMode.EXCLUSIVE)
    add(db, q)
    with UnitOfWork(db) as uow:
        back = uow.quotes.get(q.id)
    assert back == q
    assert back.lines[2].quantity.as_tuple() == Decimal("0.3330").as_tuple()  # trailing 0 kept
    assert back.discount_limit == Decimal("12.50") and str(back.discount_limit) == "12.50"
    row = db.reader.execute("SELECT * FROM quote WHERE id = ?", (q.id,)).fetchone()
    totals = quote_totals(q)
    assert (row["net_fen"], row["vat_fen"], row["total_fen"]) == (
        to_fen(totals.net),
        to_fen(totals.vat),
        to_fen(totals.total),
    )
    # the JSON holds the exact decimal texts, as an outbox op carries them
    assert json.loads(row["lines"]) == [payload_value(line) for line in q.lines]
    assert json.loads(row["lines"])[1]["discount"] == "12.5"
    assert [line_data(line) for line in q.lines] == payload_value(q.lines)


def test_the_create_op_carries_every_field_of_the_version_as_plain_json(db):
    c = add_customer(db)
    q = make_quote(c.id)
    add(db, q)
    (op,) = [o for o in outbox(db) if o["entity"] == "quote"]
    assert (op["op"], op["entity_id"], op["base_version"]) == ("create", q.id, None)
    fields = op["fields"]
    assert fields["number"] == q.number and fields["version"] == 1
    assert fields["customer_id"] == c.id and fields["deal_id"] is None
    assert fields["status"] == "draft" and fields["price_mode"] == "inclusive"
    assert fields["quote_date"] == "2026-12-06" and fields["discount_limit"] == "12.50"
    assert fields["lines"][0]["unit_price"] == "33.33"
    assert fields["milestones"][1] == {"name": "上线验收", "percent": "60.5", "due": ""}


def test_an_update_writes_the_changed_fields_and_the_totals_with_one_op(db):
    c = add_customer(db)
    q = make_quote(c.id, server_version=4)
    add(db, q)
    later = T0 + timedelta(hours=2)
    cheaper = (replace(LINES[0], discount=Decimal("50")), *LINES[1:])
    with UnitOfWork(db) as uow:
        saved = uow.quotes.update(q, replace(q, lines=cheaper, title="改", updated_at=later))
        unchanged = uow.quotes.update(saved, saved)
        uow.commit()
    assert unchanged is saved
    ops = [o for o in outbox(db) if o["op"] == "update"]
    assert len(ops) == 1
    assert ops[0]["base_version"] == 4 and set(ops[0]["fields"]) == {"lines", "title"}
    row = db.reader.execute("SELECT * FROM quote WHERE id = ?", (q.id,)).fetchone()
    assert row["total_fen"] == to_fen(quote_totals(saved).total)
    assert row["total_fen"] < to_fen(quote_totals(q).total)
    assert row["updated_at"] == later.isoformat(timespec="microseconds")
    with UnitOfWork(db) as uow:
        assert uow.quotes.get(q.id) == saved


def test_a_status_change_keeps_the_edit_time_the_caller_kept(db):
    c = add_customer(db)
    q = make_quote(c.id)
    add(db, q)
    with UnitOfWork(db) as uow:
        uow.quotes.update(q, replace(q, status=QuoteStatus.APPROVED))
        uow.commit()
    with UnitOfWork(db) as uow:
        back = uow.quotes.get(q.id)
    assert back.status is QuoteStatus.APPROVED and back.updated_at == T0
    assert outbox(db)[-1]["fields"] == {"status": "approved"}


def test_a_deleted_version_is_a_tombstone_and_its_number_stays_taken(db):
    c = add_customer(db)
    v1 = make_quote(c.id)
    v2 = make_quote(c.id, version=2, created_at=T0 + timedelta(days=1))
    add(db, v1, v2)
    with UnitOfWork(db) as uow:
        uow.quotes.delete(v2)
        uow.commit()
    with UnitOfWork(db) as uow:
        with pytest.raises(NotFound):
            uow.quotes.get(v2.id)
        assert uow.quotes.find(v2.id).deleted
        assert [q.version for q in uow.quotes.versions(v1.number)] == [1]
        assert uow.quotes.latest(v1.number).id == v1.id
        assert uow.quotes.next_version(v1.number) == 3  # never 2 again
        assert uow.quotes.number_taken(v1.number)
        assert not uow.quotes.number_taken("Q-ZHANG-20261206-002")
    assert outbox(db)[-1]["op"] == "delete"


def test_lists_show_the_latest_live_version_with_names_filters_and_paging(db):
    a = add_customer(db)
    b = add_customer(db, "济南华盛精密机械有限公司")
    deal = add_deal(db, a.id)
    quotes = [
        make_quote(a.id, deal_id=deal.id),
        make_quote(a.id, deal_id=deal.id, version=2, status=QuoteStatus.SENT),
        make_quote(b.id, number="Q-ZHANG-20261207-001", quote_date=DAY + timedelta(days=1)),
        make_quote(
            b.id,
            number="Q-ZHANG-20261205-001",
            quote_date=DAY - timedelta(days=1),
            status=QuoteStatus.PENDING_APPROVAL,
        ),
    ]
    add(db, *quotes)
    with UnitOfWork(db) as uow:
        rows = uow.quotes.list()
        assert [(r["number"], r["version"]) for r in rows] == [
            ("Q-ZHANG-20261207-001", 1),
            ("Q-ZHANG-20261206-001", 2),
            ("Q-ZHANG-20261205-001", 1),
        ]
        assert rows[1]["customer_name"] == a.name and rows[1]["deal_name"] == deal.name
        assert rows[0]["deal_name"] is None
        assert len(uow.quotes.list(latest_only=False)) == 4
        assert [r["number"] for r in uow.quotes.list(customer_id=b.id)] == [
            "Q-ZHANG-20261207-001",
            "Q-ZHANG-20261205-001",
        ]
        assert [r["version"] for r in uow.quotes.list(deal_id=deal.id, latest_only=False)] == [2, 1]
        pending = uow.quotes.list(status=[QuoteStatus.PENDING_APPROVAL])
        assert [r["number"] for r in pending] == ["Q-ZHANG-20261205-001"]
        assert [r["number"] for r in uow.quotes.list(limit=1, offset=1)] == ["Q-ZHANG-20261206-001"]
        assert [q.id for q in uow.quotes.of_customer(a.id)] == [quotes[0].id, quotes[1].id]
        assert [q.id for q in uow.quotes.of_deal(deal.id)] == [quotes[0].id, quotes[1].id]
        assert uow.quotes.exists_for_deal(deal.id)
        assert uow.quotes.deals_with_quotes([deal.id, "d-404"]) == {deal.id}


def test_the_board_reads_which_deals_have_a_live_quote_for_many_deals_at_once(db):
    c = add_customer(db)
    deals = [add_deal(db, c.id, f"项目{i}") for i in range(3)]
    with UnitOfWork(db) as uow:
        more = [
            Deal(customer_id=c.id, name=f"批量{i}", stage=5, stage_entered_at=T0)
            for i in range(1200)
        ]
        uow.deals.add_many(more, record=False)
        uow.commit()
    q0 = make_quote(c.id, deal_id=deals[0].id)
    q1 = make_quote(c.id, deal_id=deals[1].id, number="Q-ZHANG-20261206-002")
    q_far = make_quote(c.id, deal_id=more[-1].id, number="Q-ZHANG-20261206-003")
    add(db, q0, q1, q_far)
    with UnitOfWork(db) as uow:
        uow.quotes.delete(q1)
        uow.commit()
    queries = DealQueries(db.reader)
    ids = [d.id for d in deals] + [d.id for d in more]  # over one IN list's worth
    assert queries.with_quotes(ids) == {deals[0].id, more[-1].id}
    assert queries.with_quotes([]) == set()


def test_demo_quotes_are_written_without_ops(db):
    c = add_customer(db)
    ops_before = len(outbox(db))
    q = make_quote(c.id)
    add(db, q, record=False)
    with UnitOfWork(db) as uow:
        uow.quote_approvals.add_many(
            [QuoteApproval(q.id, at=T0, by="zhang.wei", max_discount=Decimal("15"))],
            record=False,
        )
        uow.commit()
    assert len(outbox(db)) == ops_before
    assert db.reader.execute("SELECT count(*) FROM quote_approval").fetchone()[0] == 1


def test_approvals_are_appended_in_time_order_with_an_op_each(db):
    c = add_customer(db)
    q = make_quote(c.id)
    add(db, q)
    request = QuoteApproval(q.id, at=T0, by="zhang.wei", max_discount=Decimal("12.5"))
    decision = QuoteApproval(
        q.id,
        at=T0 + timedelta(hours=1),
        by="刘志强",
        max_discount=Decimal("12.5"),
        decision=ApprovalDecision.APPROVED,
        note="战略客户",
    )
    with UnitOfWork(db) as uow:
        uow.quote_approvals.add(decision)
        uow.quote_approvals.add(request)
        uow.commit()
    with UnitOfWork(db) as uow:
        assert uow.quote_approvals.for_quote(q.id) == [request, decision]
        assert uow.quote_approvals.for_quote("q-404") == []
    ops = [o for o in outbox(db) if o["entity"] == "quote_approval"]
    assert [o["fields"]["decision"] for o in ops] == ["approved", None]
    assert ops[0]["fields"]["by"] == "刘志强" and ops[0]["fields"]["max_discount"] == "12.5"


def test_a_failed_transaction_leaves_neither_the_quote_nor_its_op(db):
    c = add_customer(db)
    ops_before = len(outbox(db))
    with pytest.raises(RuntimeError), UnitOfWork(db) as uow:
        uow.quotes.add(make_quote(c.id))
        uow.quote_sequence.next(DAY)
        raise RuntimeError("stopped")
    assert db.reader.execute("SELECT count(*) FROM quote").fetchone()[0] == 0
    assert len(outbox(db)) == ops_before
    with UnitOfWork(db) as uow:
        assert uow.quote_sequence.next(DAY) == 1  # the rolled-back number is given again


def test_the_sequence_counts_per_day_across_transactions(db):
    taken = []
    for day in (DAY, DAY, DAY + timedelta(days=1), DAY, DAY + timedelta(days=1)):
        with UnitOfWork(db) as uow:
            taken.append(uow.quote_sequence.next(day))
            uow.commit()
    assert taken == [1, 2, 1, 3, 2]
    rows = db.reader.execute("SELECT day, last FROM quote_sequence ORDER BY day").fetchall()
    assert [tuple(r) for r in rows] == [("20261206", 3), ("20261207", 2)]


def test_a_second_desk_waits_for_the_sequence_instead_of_reusing_it(db):
    other = open_database(db.path)
    try:
        with UnitOfWork(db) as first:
            assert first.quote_sequence.next(DAY) == 1
            # the first holds the write lock until it commits: the second
            # waits (its busy timeout, shortened here) and is refused, never
            # given number 1 too
            with pytest.raises(DatabaseLocked), UnitOfWork(other) as second:
                second._session.connection().exec_driver_sql("PRAGMA busy_timeout = 50")
                second.quote_sequence.next(DAY)
            first.commit()
        with UnitOfWork(other) as second:
            assert second.quote_sequence.next(DAY) == 2
            second.commit()
    finally:
        other.close()


def test_the_catalogue_store_keeps_one_document_and_forgets_it(db):
    data = {"version": "yunqi-erp@2026.2", "items": [{"code": "lic_x", "price": Decimal("1.10")}]}
    with UnitOfWork(db) as uow:
        assert uow.catalogue.get() is None
        uow.catalogue.put(data)
        uow.catalogue.put({**data, "version": "yunqi-erp@2026.3"})
        uow.commit()
    with UnitOfWork(db) as uow:
        stored = uow.catalogue.get()
        assert stored == {
            "version": "yunqi-erp@2026.3",
            "items": [{"code": "lic_x", "price": "1.10"}],
        }
        uow.catalogue.clear()
        uow.commit()
    with UnitOfWork(db) as uow:
        assert uow.catalogue.get() is None
    assert db.reader.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0  # local


def test_meta_values_are_set_and_read_in_the_transaction(db):
    with UnitOfWork(db) as uow:
        assert uow.meta_get("quote_settings") is None
        assert uow.meta_get("device_id") == db.meta("device_id")
        uow.meta_set("quote_settings", "{}")
        uow.meta_set("quote_settings", '{"rep_code": "ZHANG"}')
        assert uow.meta_get("quote_settings") == '{"rep_code": "ZHANG"}'
    with UnitOfWork(db) as uow:  # not committed: gone
        assert uow.meta_get("quote_settings") is None
        uow.meta_set("quote_settings", "x")
        uow.commit()
    assert db.meta("quote_settings") == "x"
