"""Demo deals on a real SQLite file: every stage and both closes present,
histories as the gates write them, valid deals and worksheets, no outbox ops,
and a funnel report that adds up."""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from erpdesk.app import open_desk
from erpdesk.domain.deal import DealStatus, MoveKind
from erpdesk.domain.deal_rules import deal_problems
from erpdesk.domain.forecast import ZERO, funnel_report, weighted
from erpdesk.domain.worksheet import validate_worksheet
from erpdesk.services.demo import deal_counts, generate_demo
from erpdesk.services.demo_deals import split_quota
from erpdesk.storage.deal_queries import DealCriteria

NOW = datetime(2026, 6, 15, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    desk = open_desk(tmp_path_factory.mktemp("demo") / "desk.db", owner="demo")
    result = generate_demo(
        desk.unit_of_work, customers=600, seed=7, now=NOW, deals=240, closed_deals=160
    )
    yield desk, result
    desk.close()


def all_deals(desk):
    return desk.db.reader.execute("SELECT id FROM deal").fetchall()


def test_counts_exact_and_every_stage_present(demo):
    desk, result = demo
    assert result.deals == 400
    rows = desk.db.reader.execute(
        "SELECT status, stage, count(*) FROM deal GROUP BY status, stage"
    ).fetchall()
    by_status: dict[str, int] = defaultdict(int)
    open_stages = set()
    for status, stage, count in rows:
        by_status[status] += count
        if status == "open":
            open_stages.add(stage)
    assert by_status["open"] == 240
    assert by_status["won"] + by_status["lost"] == 160
    assert by_status["won"] == result.won > 0
    assert by_status["lost"] == result.lost > 0
    assert open_stages == set(range(1, 8))


def test_no_outbox_ops(demo):
    desk, _ = demo
    assert desk.db.reader.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0


def test_histories_are_consistent(demo):
    desk, _ = demo
    deals = desk.deals._queries.deals(DealCriteria(closed_since=datetime.min.date()))
    assert len(deals) == 400
    histories = defaultdict(list)
    for change in desk.deals._queries.histories():
        histories[change.deal_id].append(change)
    kinds = set()
    overrides = backs = 0
    for deal in deals:
        history = sorted(histories[deal.id], key=lambda c: c.at)
        assert history[0].kind is MoveKind.CREATED and history[0].from_stage is None
        assert history[0].at == deal.created_at
        for before, after in itertools.pairwise(history):
            assert after.from_stage == before.to_stage, deal.name
            assert after.at > before.at
            assert deal.created_at <= after.at <= NOW
        entering = [c for c in history if c.kind not in (MoveKind.WON, MoveKind.LOST)]
        assert deal.stage_entered_at == entering[-1].at
        assert entering[-1].to_stage == deal.stage
        last = history[-1]
        if deal.status is DealStatus.OPEN:
            assert last.kind not in (MoveKind.WON, MoveKind.LOST)
            assert deal.closed_at is None
        else:
            assert last.kind.value == deal.status.value
            assert deal.closed_at == last.at
        for change in history:
            kinds.add(change.kind)
            if change.kind is MoveKind.BACK:
                backs += 1
                assert change.reason and change.to_stage == change.from_stage - 1
            if change.overridden:
                overrides += 1
                assert change.reason
                # what was gone past is not ticked
                assert not any(
                    deal.checklist.get(code) and deal.checklist[code].done
                    for code in change.overridden
                )
        if deal.status is DealStatus.LOST:
            assert deal.lost_reason and last.reason == deal.lost_reason
    assert kinds == set(MoveKind) - {MoveKind.REOPENED}
    assert overrides > 0 and backs > 0


def test_deals_and_worksheets_pass_the_rules(demo):
    desk, _ = demo
    playbook = desk.deals.playbook
    deals = desk.deals._queries.deals(DealCriteria(closed_since=datetime.min.date()))
    for deal in deals:
        assert deal_problems(deal, playbook, today=NOW.date()) == [], deal.name
        assert Decimal("50000") <= deal.amount <= Decimal("8000000")
        assert deal.playbook == playbook.key
    won = [d for d in deals if d.status is DealStatus.WON]
    for deal in won:  # won through stage 7's gate
        for item in playbook.stage(7).checklist:
            assert deal.checklist[item.code].done
    rows = desk.db.reader.execute("SELECT id FROM worksheet").fetchall()
    assert len(rows) > 400
    templates = set()
    for deal in deals:
        for sheet in desk.deals.worksheets(deal_id=deal.id):
            validate_worksheet(sheet, playbook)  # raises on any problem
            templates.add(sheet.template)
    assert {
        "customer_profile", "customer_pains", "needs_analysis", "opportunity_assessment_1",
        "opportunity_assessment_2", "erp_project_summary", "deal_team", "action_plan",
    } <= templates  # fmt: skip


def test_funnel_report_adds_up(demo):
    desk, _ = demo
    playbook = desk.deals.playbook
    deals = desk.deals._queries.deals(DealCriteria(closed_since=datetime.min.date()))
    report = desk.deals.funnel()
    assert report == funnel_report(deals, playbook)
    open_deals = [d for d in deals if d.is_open]
    assert report.open.count == len(open_deals)
    assert report.open.weighted == sum(
        (weighted(d.amount, d.probability) for d in open_deals), ZERO
    )
    assert sum(s.count for s in report.stages) == report.open.count
    assert report.won.count + report.lost.count == 160


def test_board_shows_flags_for_demo_deals(demo):
    desk, _ = demo
    cards = desk.deals.board()
    assert len(cards) == 240
    assert any(card.flags for card in cards)


def test_same_seed_same_deals(tmp_path):
    names = []
    for n in (1, 2):
        desk = open_desk(tmp_path / f"d{n}.db")
        try:
            generate_demo(desk.unit_of_work, customers=50, seed=3, now=NOW)
            names.append(
                desk.db.reader.execute(
                    "SELECT id, name, amount_fen FROM deal ORDER BY id"
                ).fetchall()
            )
        finally:
            desk.close()
    assert names[0] == names[1] and len(names[0]) == 50 * 2 // 9 + 50 // 9


def test_no_deals_when_asked(tmp_path):
    desk = open_desk(tmp_path / "d.db")
    try:
        result = generate_demo(desk.unit_of_work, customers=30, seed=1, deals=0)
        assert result.deals == 0
        assert desk.db.reader.execute("SELECT count(*) FROM deal").fetchone()[0] == 0
    finally:
        desk.close()


def test_more_deals_than_customers(tmp_path):
    desk = open_desk(tmp_path / "d.db")
    try:
        result = generate_demo(
            desk.unit_of_work, customers=20, seed=1, now=NOW, deals=30, closed_deals=20
        )
        assert result.deals == 50
    finally:
        desk.close()


def test_deal_counts_and_quota():
    assert deal_counts(900, None, None) == (200, 100)
    assert deal_counts(900, 20, None) == (20, 10)
    assert deal_counts(900, 20_000, 100_000) == (20_000, 100_000)
    assert deal_counts(900, 0, None) == (0, 0)
    assert deal_counts(900, None, 5) == (200, 5)
    batches = [split_quota(20_000, done, 5000, 100_000) for done in range(0, 100_000, 5000)]
    assert sum(batches) == 20_000
    assert sum(split_quota(7, d, 3, 10) for d in (0, 3, 6)) + split_quota(7, 9, 1, 10) == 7


def test_deals_have_activities_with_their_customer(demo):
    desk, result = demo
    assert result.activities == 600 * 5  # in place of the customers' own: the count holds
    found = desk.db.reader.execute(
        "SELECT count(DISTINCT d.id) FROM deal d JOIN activity a ON a.customer_id = d.customer_id"
        " WHERE instr(a.summary, d.name) > 0"
    ).fetchone()[0]
    assert found > 200
