"""The deal use cases on a real database: customers that must be current,
gates enforced through the service, stage history and outbox ops written
with each change, board rows, the funnel's exact totals, worksheets."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from erpdesk.app import open_desk
from erpdesk.domain.customer import Activity, ActivityKind, Customer, Industry, Source
from erpdesk.domain.deal import DealStatus, MoveKind, Worksheet
from erpdesk.domain.errors import NotFound, ValidationError
from erpdesk.domain.forecast import HealthFlag, funnel_report, weighted
from erpdesk.domain.gates import GateRefused
from erpdesk.playbooks import read_playbook
from erpdesk.services.deals import DealService
from erpdesk.storage.deal_queries import DealCriteria, DealQueries

NOW = datetime(2026, 12, 1, 4, 0, tzinfo=UTC)
TODAY = NOW.astimezone().date()


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def desk(tmp_path):
    opened = open_desk(tmp_path / "desk.db", owner="zhang.wei")
    yield opened
    opened.close()


@pytest.fixture
def clock():
    return Clock(NOW)


@pytest.fixture
def deals(desk, clock) -> DealService:
    """The service as open_desk wires it, on a fixed clock."""
    return DealService(
        desk.unit_of_work, DealQueries(desk.db.reader), desk.feed, user="zhang.wei",
        playbook=read_playbook, clock=clock,
    )  # fmt: skip


def customer(desk, name="浪潮电子信息产业股份有限公司", **fields) -> Customer:
    return desk.customers.create(
        Customer(name=name, source=Source.REFERRAL, phone="0531-85106000", **fields)
    )


def ops(desk) -> list[tuple[str, str, dict]]:
    return [
        (r["entity"], r["op"], json.loads(r["fields"]))
        for r in desk.db.reader.execute("SELECT * FROM outbox ORDER BY seq")
    ]


def count(desk, table: str) -> int:
    return desk.db.reader.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def tick_stage(deals, deal_id: str, stage: int) -> None:
    for item in deals.playbook.stage(stage).checklist:
        deals.tick(deal_id, item.code, True)


# -- creating -------------------------------------------------------------------------


def test_create_writes_the_deal_its_creation_and_two_ops(desk, deals):
    c = customer(desk)
    changes = []
    desk.feed.subscribe(changes.append)
    before = len(ops(desk))
    deal = deals.create(c.id, "浪潮ERP二期", amount="150万", close_date="2027/3/31",
                        competitors="用友、金蝶", modules="财务管理, 供应链管理")  # fmt: skip
    assert deal.amount == Decimal("1500000.00") and deal.stage == 1
    assert deal.owner == "zhang.wei" and deal.probability == 10
    assert deal.competitors == ("用友", "金蝶") and deal.modules == ("finance", "supply_chain")
    assert deals.get(deal.id) == deal
    (history,) = deals.page(deal.id).history
    assert (history.kind, history.to_stage, history.by) == (MoveKind.CREATED, 1, "zhang.wei")
    new_ops = ops(desk)[before:]
    assert [(e, o) for e, o, _ in new_ops] == [("deal", "create"), ("stage_change", "create")]
    assert new_ops[0][2]["amount"] == "1500000.00"
    assert changes[-1].entity == "deal" and changes[-1].ids == (deal.id,)


def test_a_deal_for_a_deleted_or_unknown_customer_is_refused_and_nothing_is_saved(desk, deals):
    c = customer(desk)
    desk.customers.delete(c.id)
    before = len(ops(desk))
    with pytest.raises(ValidationError) as refused:
        deals.create(c.id, "浪潮ERP二期")
    assert "has been deleted" in str(refused.value)
    with pytest.raises(NotFound):
        deals.create("no-such-customer", "某项目")
    assert count(desk, "deal") == 0 and count(desk, "stage_change") == 0
    assert len(ops(desk)) == before


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"amount": "-5"}, "amount"),
        ({"amount": "abc"}, "amount"),
        ({"close_date": "2026-02-30"}, "close_date"),
        ({"probability": 150}, "probability"),
        ({"stage": "9"}, "stage"),
    ],
)
def test_bad_input_is_refused_with_the_field_named_and_nothing_saved(desk, deals, fields, field):
    c = customer(desk)
    before = len(ops(desk))
    with pytest.raises(ValidationError) as refused:
        deals.create(c.id, "浪潮ERP二期", **fields)
    assert field in {p.field for p in refused.value.problems}
    assert count(desk, "deal") == 0 and len(ops(desk)) == before


def test_update_edits_deal_fields_only_and_records_the_changed_ones(desk, deals):
    c = customer(desk)
    deal = deals.create(c.id, "浪潮ERP二期", amount="100000")
    saved = deals.update(deal.id, amount="120000.50", next_step="报价")
    assert saved.amount == Decimal("120000.50") and deals.get(deal.id) == saved
    assert ops(desk)[-1] == ("deal", "update", {"amount": "120000.50", "next_step": "报价"})
    before = len(ops(desk))
    with pytest.raises(ValidationError):
        deals.update(deal.id, stage=4)  # only through a move
    with pytest.raises(ValidationError):
        deals.update(deal.id, probability=60)  # an override needs a reason
    assert deals.get(deal.id) == saved and len(ops(desk)) == before


# -- the gates through the service -------------------------------------------------------


def test_moving_forward_past_unticked_activities_needs_a_confirmed_override(desk, deals, clock):
    c = customer(desk)
    deal = deals.create(c.id, "浪潮ERP二期")
    check = deals.check_move(deal.id, 2)
    assert check.needs_override and "customer_profile" in check.missing_worksheets
    before = len(ops(desk))
    with pytest.raises(GateRefused):
        deals.move(deal.id, 2)
    with pytest.raises(GateRefused):
        deals.move(deal.id, 2, confirm_override=True)  # no reason
    assert deals.get(deal.id).stage == 1 and len(ops(desk)) == before

    clock.now = NOW + timedelta(hours=2)
    moved = deals.move(deal.id, 2, confirm_override=True, reason="客户急于立项")
    assert (moved.stage, moved.probability) == (2, 20)
    last = deals.page(deal.id).history[-1]
    assert (last.kind, last.from_stage, last.to_stage) == (MoveKind.FORWARD, 1, 2)
    assert last.reason == "客户急于立项" and "customer_profile" in last.overridden
    assert "target.visit" in last.overridden and last.at == clock.now
    assert [(e, o) for e, o, _ in ops(desk)[before:]] == [
        ("deal", "update"),
        ("stage_change", "create"),
    ]


def test_ticked_activities_and_worksheets_open_the_gate(desk, deals):
    c = customer(desk)
    deal = deals.create(c.id, "浪潮ERP二期")
    tick_stage(deals, deal.id, 1)
    assert all(a.done for a in deals.get(deal.id).checklist.values())
    assert ops(desk)[-1][0:2] == ("deal", "update")
    assert "checklist" in ops(desk)[-1][2]
    deals.save_worksheet(Worksheet(template="customer_profile", customer_id=c.id,
                                   data={"basics": "山东济南，服务器制造"}))  # fmt: skip
    check = deals.check_move(deal.id, 2)
    assert not check.needs_override and not check.needs_reason
    moved = deals.move(deal.id, 2)
    assert moved.stage == 2 and deals.page(deal.id).history[-1].overridden == ()


def test_back_needs_a_reason_lost_needs_a_reason_closed_deals_stay_put(desk, deals):
    c = customer(desk)
    deal = deals.create(c.id, "浪潮ERP二期", stage=3)
    with pytest.raises(GateRefused):
        deals.move(deal.id, 2)
    assert deals.move(deal.id, 2, reason="需求未确认").stage == 2
    with pytest.raises(GateRefused):
        deals.move(deal.id, DealStatus.LOST)
    lost = deals.move(deal.id, "lost", lost_reason="价格", winning_competitor="金蝶")
    assert (lost.status, lost.lost_reason, lost.winning_competitor) == (
        DealStatus.LOST,
        "price",
        "金蝶",
    )
    before = len(ops(desk))
    with pytest.raises(GateRefused):
        deals.move(deal.id, 3)  # a drag onto a closed deal
    with pytest.raises(GateRefused):
        deals.reopen(deal.id, 2, reason="")
    assert len(ops(desk)) == before
    reopened = deals.reopen(deal.id, 2, reason="客户重新启动项目")
    assert reopened.is_open and reopened.stage == 2 and reopened.lost_reason == ""
    kinds = [h.kind for h in deals.page(deal.id).history]
    assert kinds == [MoveKind.CREATED, MoveKind.BACK, MoveKind.LOST, MoveKind.REOPENED]


def test_closing_won_needs_the_closing_activities_or_an_override(desk, deals):
    c = customer(desk)
    deal = deals.create(c.id, "浪潮ERP二期", stage=7)
    with pytest.raises(GateRefused):
        deals.move(deal.id, DealStatus.WON)
    tick_stage(deals, deal.id, 7)
    won = deals.move(deal.id, DealStatus.WON)
    assert won.status is DealStatus.WON and won.probability == 100 and won.closed_at == NOW


def test_a_customer_with_open_deals_cannot_be_deleted(desk, deals):
    c = customer(desk)
    deal = deals.create(c.id, "浪潮ERP二期")
    before = len(ops(desk))
    with pytest.raises(ValidationError) as refused:
        desk.customers.delete(c.id)
    assert "open deals" in str(refused.value)
    assert desk.customers.detail(c.id).customer.id == c.id and len(ops(desk)) == before
    deals.move(deal.id, DealStatus.LOST, lost_reason="no_budget")
    desk.customers.delete(c.id)  # closed deals do not hold it
    with pytest.raises(NotFound):
        desk.customers.detail(c.id)


def test_deleting_a_deal_is_a_tombstone(desk, deals):
    c = customer(desk)
    deal = deals.create(c.id, "浪潮ERP二期")
    profile = deals.save_worksheet(Worksheet(template="customer_swot", customer_id=c.id))
    pains = deals.save_worksheet(
        Worksheet(template="customer_pains", customer_id=c.id, deal_id=deal.id)
    )
    deals.delete(deal.id)
    assert ops(desk)[-2:] == [("worksheet", "delete", {}), ("deal", "delete", {})]
    assert deals.worksheets(customer_id=c.id) == [profile]  # the deal's own went with it
    assert count(desk, "worksheet") == 2  # tombstoned, not removed
    with pytest.raises(NotFound):
        deals.save_worksheet(pains)
    with pytest.raises(NotFound):
        deals.get(deal.id)
    with pytest.raises(NotFound):
        deals.move(deal.id, 2)
    assert deals.board() == [] and count(desk, "deal") == 1
    desk.customers.delete(c.id)  # a deleted deal holds nothing


# -- worksheets ------------------------------------------------------------------------------


def test_worksheets_are_validated_scored_and_updated(desk, deals):
    c = customer(desk)
    other = customer(desk, name="青岛海尔股份有限公司")
    deal = deals.create(c.id, "浪潮ERP二期")
    with pytest.raises(ValidationError):  # an opportunity worksheet needs its deal
        deals.save_worksheet(Worksheet(template="customer_pains", customer_id=c.id))
    with pytest.raises(ValidationError):
        deals.save_worksheet(Worksheet(template="no_such_sheet", customer_id=c.id))
    with pytest.raises(ValidationError):  # a deal of another customer
        deals.save_worksheet(
            Worksheet(template="customer_pains", customer_id=other.id, deal_id=deal.id)
        )
    assert count(desk, "worksheet") == 0

    low = {"need": 1, "budget": 1, "authority": 1, "timeline": 1, "fit": 1, "target_profile": 1}
    sheet = deals.save_worksheet(
        Worksheet(template="opportunity_assessment_1", customer_id=c.id, deal_id=deal.id, data=low)
    )
    assert sheet.author == "zhang.wei"
    (card,) = deals.board()
    assert card.assessment_percent is not None and card.assessment_percent < 50
    assert HealthFlag.LOW_SCORE in card.flags
    assert ops(desk)[-1][0:2] == ("worksheet", "create")
    low_verdict = "SELECT score_percent, low_verdict FROM worksheet"
    assert tuple(desk.db.reader.execute(low_verdict).fetchone()) == (20, 1)  # "drop"

    high = {k: 5 for k in low}
    saved = deals.save_worksheet(replace(sheet, data=high))
    assert ops(desk)[-1][0:2] == ("worksheet", "update")
    (card,) = deals.board()
    assert card.assessment_percent == 100 and HealthFlag.LOW_SCORE not in card.flags
    assert tuple(desk.db.reader.execute(low_verdict).fetchone()) == (100, 0)
    assert deals.worksheets(deal_id=deal.id) == [saved]
    deals.delete_worksheet(saved.id)
    assert deals.worksheets(deal_id=deal.id) == []


def test_a_team_worksheet_hangs_on_no_customer(desk, deals):
    sheet = deals.save_worksheet(
        Worksheet(template="major_deals_report", customer_id="", data={"comments": "季度回顾"})
    )
    assert deals.worksheets() == [sheet]


# -- board, page, funnel --------------------------------------------------------------------


def test_board_rows_and_health_flags(desk, deals, clock):
    c = customer(desk, industry=Industry.ELECTRONICS)
    late = deals.create(c.id, "逾期项目", amount="100.05", close_date=TODAY - timedelta(days=3))
    clock.now = NOW - timedelta(days=20)
    quiet = deals.create(c.id, "沉寂项目", amount="2000000", stage=5,
                         close_date=TODAY + timedelta(days=60))  # fmt: skip
    clock.now = NOW
    cards = {card.name: card for card in deals.board()}
    assert cards["逾期项目"].weighted == Decimal("10.01") == weighted(Decimal("100.05"), 10)
    assert HealthFlag.CLOSE_DATE_PASSED in cards["逾期项目"].flags
    assert HealthFlag.NO_ACTIVITY not in cards["逾期项目"].flags  # created today
    assert HealthFlag.MISSING_WORKSHEET in cards["逾期项目"].flags
    flags = cards["沉寂项目"].flags
    assert {HealthFlag.NO_ACTIVITY, HealthFlag.NO_QUOTE} <= flags
    assert cards["沉寂项目"].days_in_stage == 20
    desk.customers.log_activity(
        Activity(
            customer_id=c.id, kind=ActivityKind.VISIT, occurred_at=datetime.now(UTC), summary="拜访"
        )
    )
    assert HealthFlag.NO_ACTIVITY not in {c.name: c for c in deals.board()}["沉寂项目"].flags
    assert [c.name for c in deals.board(DealCriteria(min_amount=Decimal(1000)))] == ["沉寂项目"]
    assert [c.id for c in deals.deals_of_customer(c.id)] == [late.id, quiet.id]


def test_a_deal_page_holds_everything_in_one_call(desk, deals):
    c = customer(desk)
    deal = deals.create(c.id, "浪潮ERP二期", close_date=TODAY - timedelta(days=1))
    desk.customers.log_activity(
        Activity(
            customer_id=c.id, kind=ActivityKind.CALL, occurred_at=datetime.now(UTC), summary="电话"
        )
    )
    deals.save_worksheet(Worksheet(template="customer_swot", customer_id=c.id))
    page = deals.page(deal.id)
    assert page.deal == deal and page.customer_name == c.name
    assert [a.summary for a in page.activities] == ["电话"]
    assert [w.template for w in page.worksheets] == ["customer_swot"]
    assert HealthFlag.CLOSE_DATE_PASSED in page.flags and page.days_in_stage == 0


def test_funnel_totals_are_exact_sums_of_the_deals(desk, deals):
    a = customer(desk)
    b = customer(desk, name="青岛海尔股份有限公司")
    amounts = ["0.05", "100.05", "33333.33", "0.15", "9999999.99"]
    for i, amount in enumerate(amounts):
        deals.create(a.id, f"项目{i}", amount=amount, stage=i % 3 + 1)
    mine = deals.create(b.id, "海尔MES", amount="2500000", stage=4)
    won = deals.create(b.id, "海尔一期", amount="880000.50", stage=7)
    tick_stage(deals, won.id, 7)
    deals.move(won.id, DealStatus.WON)
    lost = deals.create(b.id, "海尔二期", amount="12.34")
    deals.move(lost.id, DealStatus.LOST, lost_reason="price")
    gone = deals.create(b.id, "已删除", amount="5")
    deals.delete(gone.id)
    deals.update(mine.id, owner="li.na")

    report = deals.funnel()
    everything = DealQueries(desk.db.reader).deals(DealCriteria(closed_since=date.min))
    assert report == funnel_report(everything, deals.playbook)
    assert report.open.count == 6 and report.won.count == 1 and report.lost.count == 1
    assert report.open.amount == sum(Decimal(x) for x in amounts) + Decimal("2500000")
    assert report.open.weighted == sum(s.weighted for s in report.stages)
    assert report.won.amount == Decimal("880000.50") and report.lost.amount == Decimal("12.34")
    assert report.stages[0].weighted == weighted(Decimal("0.05"), 10) + weighted(
        Decimal("0.15"), 10
    )
    board = deals.board()
    for stage in report.stages:
        column = [c for c in board if c.stage == stage.stage]
        assert stage.count == len(column)
        assert stage.amount == sum((c.amount for c in column), Decimal(0))
        assert stage.weighted == sum((c.weighted for c in column), Decimal(0))

    hers = deals.funnel(owner="li.na")
    assert hers.open.count == 1 and hers.open.amount == Decimal("2500000.00")
    assert hers.stages[3].weighted == Decimal("1250000.00") and hers.won.count == 0


def test_open_desk_wires_the_deal_service(desk):
    c = customer(desk)
    deal = desk.deals.create(c.id, "浪潮ERP二期")
    assert desk.deals.get(deal.id).owner == "zhang.wei"
    assert [card.id for card in desk.deals.board()] == [deal.id]
