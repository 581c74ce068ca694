"""Deals, stage changes and worksheets in the desk's database: exact round
trips, one outbox op per change in the change's own transaction, nothing on
failure, tombstones, and the board's read model."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from erpdesk.domain.customer import Activity, ActivityKind, Customer, Industry, Source
from erpdesk.domain.deal import (
    ChecklistAnswer,
    Deal,
    DealStatus,
    MoveKind,
    StageChange,
    TeamMember,
    Worksheet,
)
from erpdesk.domain.errors import NotFound
from erpdesk.domain.forecast import weighted
from erpdesk.storage.database import open_database
from erpdesk.storage.deal_queries import DealCriteria, DealQueries
from erpdesk.storage.mapping import from_fen, to_fen
from erpdesk.storage.uow import UnitOfWork

T0 = datetime(2026, 11, 2, 8, 30, 15, 123456, tzinfo=UTC)
TODAY = date(2026, 12, 1)


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "desk.db")
    yield database
    database.close()


def add_customer(db, name="浪潮电子信息产业股份有限公司", **fields) -> Customer:
    customer = Customer(name=name, source=Source.REFERRAL, **fields)
    with UnitOfWork(db) as uow:
        uow.customers.add(customer, ())
        uow.commit()
    return customer


def full_deal(customer_id: str, **fields) -> Deal:
    base: dict = dict(
        customer_id=customer_id,
        name="浪潮ERP二期",
        stage=3,
        amount=Decimal("1234567.89"),
        close_date=date(2027, 3, 31),
        probability=35,
        probability_reason="客户高层已表态",
        modules=("finance", "supply_chain"),
        owner="zhang.wei",
        team=(TeamMember("张伟", "sales"), TeamMember("李娜", "presales")),
        competitors=("用友", "金蝶"),
        next_step="演示供应链方案",
        next_step_date=date(2026, 12, 10),
        source=Source.MARKETING_EVENT,
        playbook="erpdesk-default@2026.1",
        checklist={
            "target.visit": ChecklistAnswer(True, T0, "zhang.wei", "拜访王总"),
            "discover.pains": ChecklistAnswer(False, T0 + timedelta(days=1), "li.na"),
        },
        stage_entered_at=T0,
        notes="注意：预算分两期",
        created_at=T0,
        updated_at=T0,
    )
    return Deal(**(base | fields))


def outbox(db) -> list[dict]:
    return [
        {**dict(r), "fields": json.loads(r["fields"])}
        for r in db.reader.execute("SELECT * FROM outbox ORDER BY seq")
    ]


def count(db, table: str) -> int:
    return db.reader.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


# -- round trips -------------------------------------------------------------------


@pytest.mark.parametrize("amount", ["0.00", "0.01", "1234567.89", "999999999999.99", "100.10"])
def test_money_is_stored_as_integer_fen_exactly(amount):
    value = Decimal(amount)
    assert from_fen(to_fen(value)) == value
    assert str(from_fen(to_fen(value))) == amount


def test_deal_round_trips_exactly_through_both_paths(db):
    customer = add_customer(db)
    deal = full_deal(customer.id)
    with UnitOfWork(db) as uow:
        uow.deals.add(deal)
        uow.commit()
    with UnitOfWork(db) as uow:
        written = uow.deals.get(deal.id)
    read = DealQueries(db.reader).deal(deal.id)
    assert written == deal
    assert read == deal
    assert read.amount == Decimal("1234567.89") and str(read.amount) == "1234567.89"
    assert read.checklist["target.visit"].note == "拜访王总"
    row = db.reader.execute("SELECT amount_fen, team FROM deal").fetchone()
    assert row["amount_fen"] == 123456789
    assert json.loads(row["team"]) == [
        {"name": "张伟", "role": "sales"},
        {"name": "李娜", "role": "presales"},
    ]


def test_stage_change_and_worksheet_round_trip(db):
    customer = add_customer(db)
    deal = full_deal(customer.id)
    change = StageChange(
        deal_id=deal.id, kind=MoveKind.FORWARD, from_stage=2, to_stage=3, at=T0, by="zhang.wei",
        reason="客户催促", overridden=("discover.pains", "customer_pains"),
        created_at=T0, updated_at=T0,
    )  # fmt: skip
    sheet = Worksheet(
        template="customer_pains",
        customer_id=customer.id,
        deal_id=deal.id,
        dated=date(2026, 11, 20),
        data={"rows": [{"problem": "库存不准", "impact": "缺料停线", "who": "生产部"}]},
        author="zhang.wei",
        created_at=T0,
        updated_at=T0,
    )
    with UnitOfWork(db) as uow:
        uow.deals.add(deal)
        uow.stage_changes.add(change)
        uow.worksheets.add(sheet, (40, True))
        uow.commit()
    queries = DealQueries(db.reader)
    assert queries.history(deal.id) == [change]
    assert queries.worksheets(deal_id=deal.id) == [sheet]
    assert queries.assessment(deal.id) == (40, True)
    with UnitOfWork(db) as uow:
        assert uow.stage_changes.for_deal(deal.id) == [change]
        assert uow.worksheets.get(sheet.id) == sheet


# -- the outbox ---------------------------------------------------------------------


def test_create_op_carries_every_user_field_as_plain_json(db):
    customer = add_customer(db)
    with UnitOfWork(db) as uow:
        before = uow.outbox.count()
    deal = full_deal(customer.id)
    with UnitOfWork(db) as uow:
        uow.deals.add(deal)
        uow.commit()
    (op,) = outbox(db)[before:]
    assert (op["entity"], op["entity_id"], op["op"], op["base_version"]) == (
        "deal",
        deal.id,
        "create",
        None,
    )
    fields = op["fields"]
    assert fields["customer_id"] == customer.id
    assert fields["amount"] == "1234567.89"  # exact decimal text, never a float
    assert fields["close_date"] == "2027-03-31"
    assert fields["team"] == [
        {"name": "张伟", "role": "sales"},
        {"name": "李娜", "role": "presales"},
    ]
    assert fields["checklist"]["target.visit"] == {
        "done": True, "at": "2026-11-02T08:30:15.123456+00:00", "by": "zhang.wei",
        "note": "拜访王总",
    }  # fmt: skip
    assert fields["source"] == "marketing_event"
    assert fields["status"] == "open" and fields["stage"] == 3
    assert fields["playbook"] == "erpdesk-default@2026.1"
    assert "id" not in fields and "server_version" not in fields


def test_update_op_carries_only_changed_fields_and_the_base_version(db):
    customer = add_customer(db)
    deal = replace(full_deal(customer.id), server_version=12)
    with UnitOfWork(db) as uow:
        uow.deals.add(deal)
        uow.commit()
    changed = replace(deal, amount=Decimal("1500000.00"), competitors=("用友",))
    with UnitOfWork(db) as uow:
        saved = uow.deals.update(uow.deals.get(deal.id), changed)
        unchanged = uow.deals.update(saved, saved)
        uow.commit()
    assert unchanged is saved
    op = outbox(db)[-1]
    assert (op["op"], op["base_version"]) == ("update", 12)
    assert op["fields"] == {"amount": "1500000.00", "competitors": ["用友"]}
    assert DealQueries(db.reader).deal(deal.id).amount == Decimal("1500000.00")
    assert len([o for o in outbox(db) if o["entity"] == "deal"]) == 2


def test_a_stage_change_is_one_transaction_with_the_deals_update(db):
    customer = add_customer(db)
    deal = full_deal(customer.id)
    with UnitOfWork(db) as uow:
        uow.deals.add(deal)
        uow.commit()
    ops_before = count(db, "outbox")
    moved = replace(deal, stage=4, probability=50, probability_reason="", stage_entered_at=T0)
    change = StageChange(deal_id=deal.id, kind=MoveKind.FORWARD, from_stage=3, to_stage=4,
                         at=T0, by="zhang.wei")  # fmt: skip
    with UnitOfWork(db) as uow:
        uow.deals.update(uow.deals.get(deal.id), moved)
        uow.stage_changes.add(change)
        uow.commit()
    ops = outbox(db)[ops_before:]
    assert [(o["entity"], o["op"]) for o in ops] == [("deal", "update"), ("stage_change", "create")]
    assert ops[0]["fields"] == {"stage": 4, "probability": 50, "probability_reason": ""}
    assert ops[1]["fields"] == {
        "deal_id": deal.id, "kind": "forward", "from_stage": 3, "to_stage": 4,
        "at": "2026-11-02T08:30:15.123456+00:00", "by": "zhang.wei", "reason": "",
        "overridden": [],
    }  # fmt: skip


def test_a_failed_transaction_leaves_neither_rows_nor_ops(db):
    customer = add_customer(db)
    deal = full_deal(customer.id)
    ops_before = count(db, "outbox")
    with pytest.raises(RuntimeError), UnitOfWork(db) as uow:
        uow.deals.add(deal)
        uow.stage_changes.add(
            StageChange(deal_id=deal.id, kind=MoveKind.CREATED, to_stage=3, at=T0, by="x")
        )
        uow.worksheets.add(Worksheet(template="customer_swot", customer_id=customer.id))
        uow.outbox.flush()
        raise RuntimeError("power cut")
    assert count(db, "outbox") == ops_before
    assert (count(db, "deal"), count(db, "stage_change"), count(db, "worksheet")) == (0, 0, 0)


def test_a_deal_for_an_unknown_customer_is_refused_by_the_database(db):
    import sqlalchemy.exc

    with pytest.raises(sqlalchemy.exc.IntegrityError), UnitOfWork(db) as uow:
        uow.deals.add(full_deal("no-such-customer"))
        uow.commit()
    assert count(db, "deal") == 0 and count(db, "outbox") == 0


def test_demo_rows_are_written_without_ops(db):
    customer = add_customer(db)
    ops_before = count(db, "outbox")
    deal = full_deal(customer.id)
    with UnitOfWork(db) as uow:
        uow.deals.add_many([deal], record=False)
        uow.stage_changes.add_many(
            [StageChange(deal_id=deal.id, kind=MoveKind.CREATED, to_stage=3, at=T0, by="demo")],
            record=False,
        )
        uow.worksheets.add_many(
            [Worksheet(template="customer_swot", customer_id=customer.id)], record=False
        )
        uow.commit()
    assert count(db, "outbox") == ops_before
    assert (count(db, "deal"), count(db, "stage_change"), count(db, "worksheet")) == (1, 1, 1)


def test_tombstones_hide_deals_and_worksheets_and_record_a_delete_op(db):
    customer = add_customer(db)
    deal = replace(full_deal(customer.id), server_version=3)
    sheet = Worksheet(template="customer_swot", customer_id=customer.id, server_version=5)
    with UnitOfWork(db) as uow:
        uow.deals.add(deal)
        uow.worksheets.add(sheet)
        uow.commit()
    with UnitOfWork(db) as uow:
        uow.deals.delete(uow.deals.get(deal.id))
        uow.worksheets.delete(uow.worksheets.get(sheet.id))
        uow.commit()
    ops = outbox(db)[-2:]
    assert [(o["entity"], o["op"], o["base_version"], o["fields"]) for o in ops] == [
        ("deal", "delete", 3, {}),
        ("worksheet", "delete", 5, {}),
    ]
    assert db.reader.execute("SELECT deleted FROM deal").fetchone()[0] == 1  # kept, tombstoned
    queries = DealQueries(db.reader)
    with pytest.raises(NotFound):
        queries.deal(deal.id)
    assert queries.worksheets(customer_id=customer.id) == []
    assert queries.cards(DealCriteria(closed_since=date.min), TODAY) == []
    with UnitOfWork(db) as uow:
        with pytest.raises(NotFound):
            uow.deals.get(deal.id)
        assert uow.deals.get(deal.id, deleted=True).deleted
        assert uow.deals.open_count(customer.id) == 0


# -- the board's read model -----------------------------------------------------------


def test_board_cards_carry_everything_a_card_shows(db):
    customer = add_customer(db, industry=Industry.ELECTRONICS)
    other = add_customer(db, name="青岛海尔股份有限公司", industry=Industry.MANUFACTURING)
    # 100.05 x 10 % = 10.005: half-up to 10.01
    first = full_deal(customer.id, amount=Decimal("100.05"), probability=10, stage=1,
                      close_date=date(2026, 12, 20))  # fmt: skip
    second = full_deal(other.id, name="海尔MES", amount=Decimal("2000000.00"), probability=50,
                       stage=4, owner="li.na", stage_entered_at=datetime(2026, 11, 21, tzinfo=UTC),
                       close_date=None)  # fmt: skip
    won = full_deal(customer.id, name="浪潮一期", status=DealStatus.WON, probability=100,
                    closed_at=datetime(2026, 11, 15, tzinfo=UTC))  # fmt: skip
    visit = Activity(customer_id=customer.id, kind=ActivityKind.VISIT,
                     occurred_at=datetime(2026, 11, 25, 9, tzinfo=UTC), summary="拜访")  # fmt: skip
    profile = Worksheet(template="customer_profile", customer_id=customer.id)
    assess = Worksheet(template="opportunity_assessment_1", customer_id=customer.id,
                       deal_id=first.id)  # fmt: skip
    stray = Worksheet(template="needs_analysis", customer_id=customer.id, deal_id=won.id)
    with UnitOfWork(db) as uow:
        uow.deals.add_many([first, second, won])
        uow.activities.add(visit)
        uow.worksheets.add(profile)
        uow.worksheets.add(assess, (45, False))
        uow.worksheets.add(stray)
        uow.commit()

    queries = DealQueries(db.reader)
    cards = queries.cards(DealCriteria(), TODAY)
    assert [c.name for c in cards] == ["浪潮ERP二期", "海尔MES"]  # open only, by stage
    card = cards[0]
    assert (card.customer_name, card.industry) == ("浪潮电子信息产业股份有限公司", "electronics")
    assert card.amount == Decimal("100.05") and card.weighted == Decimal("10.01")
    assert card.weighted == weighted(card.amount, card.probability)
    assert card.close_date == date(2026, 12, 20)
    assert card.days_in_stage == (TODAY - T0.date()).days
    assert card.last_activity_at == visit.occurred_at
    assert card.worksheets == {"customer_profile", "opportunity_assessment_1"}
    assert card.assessment_percent == 45
    assert cards[1].worksheets == frozenset() and cards[1].last_activity_at is None
    assert cards[1].days_in_stage == 10 and cards[1].weighted == Decimal("1000000.00")

    with_closed = queries.cards(DealCriteria(closed_since=date(2026, 11, 1)), TODAY)
    assert {c.name for c in with_closed} == {"浪潮ERP二期", "海尔MES", "浪潮一期"}
    # a closed card has no health flags, so it does not read what they need
    # (its customer has the visit and the worksheets); what it shows is there
    closed = with_closed[-1]
    assert closed.last_activity_at is None and closed.worksheets == frozenset()
    assert closed.assessment_percent is None and not closed.low_verdict
    assert (closed.customer_name, closed.amount, closed.status) == (
        "浪潮电子信息产业股份有限公司", won.amount, DealStatus.WON)  # fmt: skip
    assert with_closed[:2] == cards  # the open cards as without the closed part
    assert queries.cards(DealCriteria(closed_since=date(2026, 11, 16)), TODAY) == cards

    def names(**criteria):
        return [c.name for c in queries.cards(DealCriteria(**criteria), TODAY)]

    assert names(owner="li.na") == ["海尔MES"]
    assert names(industry="electronics") == ["浪潮ERP二期"]
    assert names(min_amount=Decimal("100.06")) == ["海尔MES"]
    assert names(max_amount=Decimal("100.05")) == ["浪潮ERP二期"]
    assert names(close_from=date(2026, 12, 1), close_to=date(2026, 12, 31)) == ["浪潮ERP二期"]
    assert names(source="marketing_event") == ["浪潮ERP二期", "海尔MES"]
    assert names(customer_id=other.id) == ["海尔MES"]


def test_funnel_sums_are_exact_sums_of_each_deals_rounded_weight(db):
    customer = add_customer(db)
    amounts = [Decimal("0.05"), Decimal("100.05"), Decimal("33333.33"), Decimal("0.15")]
    deals = [
        full_deal(customer.id, name=f"d{i}", stage=2, amount=a, probability=10)
        for i, a in enumerate(amounts)
    ]
    lost = full_deal(customer.id, name="lost", status=DealStatus.LOST, amount=Decimal("7.77"),
                     probability=0)  # fmt: skip
    with UnitOfWork(db) as uow:
        uow.deals.add_many([*deals, lost])
        uow.commit()
    rows = {(r.status, r.stage): r for r in DealQueries(db.reader).funnel()}
    open_row = rows[(DealStatus.OPEN, 2)]
    assert open_row.count == 4
    assert open_row.amount == sum(amounts)
    # 0.005 -> 0.01, 10.005 -> 10.01, 3333.333 -> 3333.33, 0.015 -> 0.02
    assert open_row.weighted == Decimal("3343.37") == sum(weighted(a, 10) for a in amounts)
    assert rows[(DealStatus.LOST, 3)].amount == Decimal("7.77")
    assert DealQueries(db.reader).funnel(owner="nobody") == []


@pytest.fixture
def beijing_time(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_days_in_stage_are_local_calendar_days_like_the_domains(db, beijing_time):
    from erpdesk.domain.gates import days_in_stage

    customer = add_customer(db)
    # 17:30 UTC is 01:30 the next day in Beijing
    late_evening = datetime(2026, 11, 20, 17, 30, tzinfo=UTC)
    open_deal = full_deal(customer.id, name="open", stage_entered_at=late_evening)
    closed = full_deal(
        customer.id, name="won", status=DealStatus.WON, stage_entered_at=late_evening,
        closed_at=datetime(2026, 11, 25, 16, 30, tzinfo=UTC),  # 00:30 on the 26th there
    )  # fmt: skip
    with UnitOfWork(db) as uow:
        uow.deals.add_many([open_deal, closed])
        uow.commit()
    cards = DealQueries(db.reader).cards(DealCriteria(closed_since=date.min), TODAY)
    days = {c.name: c.days_in_stage for c in cards}
    assert days == {"open": 10, "won": 5}  # from the 21st, local
    assert days == {d.name: days_in_stage(d, TODAY) for d in (open_deal, closed)}


# -- the board's load (docs/design.md, "The funnel board") ------------------------------


def test_a_card_converts_its_row_when_read_and_knows_its_column(db):
    customer = add_customer(db)
    open_deal = full_deal(customer.id, amount=Decimal("0.05"), probability=10, stage=2,
                          next_step_date=date(2026, 12, 3))  # fmt: skip
    won = full_deal(customer.id, name="浪潮一期", status=DealStatus.WON, probability=100,
                    closed_at=datetime(2026, 11, 20, 3, tzinfo=UTC))  # fmt: skip
    with UnitOfWork(db) as uow:
        uow.deals.add_many([open_deal, won])
        uow.commit()
    queries = DealQueries(db.reader)
    card, closed = queries.cards(DealCriteria(closed_since=date(2026, 11, 1)), TODAY)
    assert (card.column, closed.column) == (2, DealStatus.WON)
    # 0.05 x 10 % = 0.005: half-up to 0.01, in fen and as yuan
    assert (card.amount_fen, card.weighted_fen) == (5, 1)
    assert (card.amount, card.weighted) == (Decimal("0.05"), Decimal("0.01"))
    assert str(card.amount) == "0.05" and str(closed.weighted) == "1234567.89"
    assert card.stage_entered_at == open_deal.stage_entered_at
    assert card.created_at == open_deal.created_at and card.next_step_date == date(2026, 12, 3)
    assert closed.closed_at == won.closed_at and closed.status is DealStatus.WON
    # equal by row and flags, as the dataclass it replaced
    again = queries.cards(DealCriteria(closed_since=date(2026, 11, 1)), TODAY)
    assert again == [card, closed] and again[0] is not card
    again[0].flags = frozenset({"x"})
    assert again[0] != card


def _plans(db, criteria):
    """The query plan of each card query ``cards(criteria)`` runs."""
    sqls: list[str] = []
    db.reader.set_trace_callback(sqls.append)
    try:
        DealQueries(db.reader).cards(criteria, TODAY)
    finally:
        db.reader.set_trace_callback(None)
    plans = []
    for sql in sqls:
        if "ORDER BY" not in sql:
            continue
        rows = db.reader.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
        plans.append(" / ".join(str(tuple(r)[3]) for r in rows))
    return plans


def test_the_closed_columns_read_deals_by_their_close_time(db):
    """With statistics from before migration 0005 (a desk whose last bulk
    load ran ANALYZE before ix_deal_closed_on existed, as the benchmark's
    file) the planner took ix_deal_closed_on (deleted, status) and read
    every won and lost deal ever; the closed columns ask for a month's."""
    customer = add_customer(db)
    stats = [  # the 120,000-deal benchmark file's
        ("ix_deal_funnel", "120000 120000 40000 8572 1429 1 1"),
        ("ix_deal_customer", "120000 2 2"),
        ("ix_deal_closed_at", "120000 40000 2"),
        ("ix_deal_close_date", "120000 40000 57"),
        ("ix_deal_owner", "120000 20000 6667 1429"),
        ("ix_deal_board", "120000 40000 40000 8572"),
        ("sqlite_autoindex_deal_1", "120000 1"),
    ]
    with db.reader:
        db.reader.execute("ANALYZE sqlite_schema")  # makes sqlite_stat1
        db.reader.execute("DELETE FROM sqlite_stat1")
        db.reader.executemany("INSERT INTO sqlite_stat1 VALUES ('deal', ?, ?)", stats)
    db.reader.execute("ANALYZE sqlite_schema")  # loads them
    _open, closed = _plans(db, DealCriteria(closed_since=date(2026, 11, 1)))
    assert "ix_deal_closed_at (status=? AND closed_at>?)" in closed
    # a customer's deals (its detail page) are left to the planner
    sqls: list[str] = []
    db.reader.set_trace_callback(sqls.append)
    DealQueries(db.reader).cards(
        DealCriteria(customer_id=customer.id, closed_since=date.min), TODAY
    )
    db.reader.set_trace_callback(None)
    assert sqls and not any("INDEXED BY" in sql for sql in sqls)


def test_owners_are_those_of_live_deals_in_order(db):
    customer = add_customer(db)
    gone = full_deal(customer.id, owner="aaa.gone")
    with UnitOfWork(db) as uow:
        uow.deals.add_many(
            [
                full_deal(customer.id, owner="zhao.lei"),
                full_deal(
                    customer.id,
                    owner="li.na",
                    status=DealStatus.LOST,
                    closed_at=datetime(2026, 11, 20, tzinfo=UTC),
                ),
                full_deal(customer.id, owner="li.na"),
                full_deal(customer.id, owner=""),
                gone,
            ]
        )
        uow.commit()
    queries = DealQueries(db.reader)
    assert queries.owners() == ["aaa.gone", "li.na", "zhao.lei"]
    with UnitOfWork(db) as uow:
        uow.deals.delete(uow.deals.get(gone.id))
        uow.commit()
    assert queries.owners() == ["li.na", "zhao.lei"]
