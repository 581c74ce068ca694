"""The deal rules: validation of typed and typed-in values, the stage gates,
overrides and their reasons, closing and reopening, probabilities, the
checklist across playbook versions."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playbook_factory import ITEMS, default_playbook, make_playbook

from erpdesk.domain.customer import Source
from erpdesk.domain.deal import Deal, DealStatus, MoveKind, TeamMember
from erpdesk.domain.errors import ValidationError
from erpdesk.domain.gates import (
    GateRefused,
    check_move,
    days_in_stage,
    edit_deal,
    move_deal,
    new_deal,
    reopen_deal,
    set_probability,
    tick,
    validate_deal,
)
from erpdesk.domain.playbook import Playbook

NOW = datetime(2026, 5, 4, 4, 0, tzinfo=UTC)  # noon in Beijing
TODAY = date(2026, 5, 4)


@pytest.fixture(params=["small", "default"])
def pb(request: pytest.FixtureRequest) -> Playbook:
    if request.param == "small":
        return make_playbook()
    return default_playbook()


def codes(error: ValidationError) -> list[str]:
    return sorted(p.code for p in error.problems)


def make(pb: Playbook, stage: int = 1, **fields: object) -> Deal:
    deal, _ = new_deal("cust-1", "ERP 一期", pb, by="王磊", now=NOW, stage=stage, **fields)
    return deal


def required_items(pb: Playbook, stages: range) -> list[str]:
    return [i.code for n in stages for i in pb.stage(n).checklist if i.required]


def ticked(deal: Deal, pb: Playbook, stages: range) -> Deal:
    for code in required_items(pb, stages):
        deal = tick(deal, code, True, by="王磊", now=NOW, playbook=pb)
    return deal


def sheets(pb: Playbook, stages: range) -> set[str]:
    return {code for n in stages for code in pb.stage(n).required_worksheets}


def later(days: float) -> datetime:
    return NOW + timedelta(days=days)


# --- a new deal and its fields ---------------------------------------------------


def test_new_deal_defaults(pb: Playbook) -> None:
    deal, change = new_deal("cust-1", "  ERP 一期 ", pb, by="王磊", now=NOW)
    assert (deal.name, deal.stage, deal.status) == ("ERP 一期", 1, DealStatus.OPEN)
    assert deal.probability == pb.stage(1).probability
    assert deal.owner == "王磊"
    assert deal.playbook == pb.key
    assert deal.amount == Decimal("0.00")
    assert deal.stage_entered_at == NOW
    assert change.kind is MoveKind.CREATED
    assert (change.deal_id, change.from_stage, change.to_stage, change.by) == (
        deal.id,
        None,
        1,
        "王磊",
    )


def test_new_deal_reads_text_as_the_import_gives_it(pb: Playbook) -> None:
    module = pb.modules[0]
    role = pb.team_roles[0]
    deal = make(
        pb,
        stage="3",
        amount="¥1,234,567.5",
        close_date="2026/6/30",
        next_step_date="2026年5月8日",
        modules=f"{module.code}、{module.names.zh}, {pb.modules[1].names.en.upper()}",
        competitors=" 用友 , 金蝶、用友；ＳＡＰ, sap ",
        team=f"张三:{role.code}, 李四：{role.names.zh}",
        source="老客户介绍",
        probability="30%",
    )
    assert deal.stage == 3
    assert deal.amount == Decimal("1234567.50")
    assert str(deal.amount) == "1234567.50"
    assert deal.close_date == date(2026, 6, 30)
    assert deal.next_step_date == date(2026, 5, 8)
    assert deal.modules == (module.code, pb.modules[1].code)
    assert deal.competitors == ("用友", "金蝶", "SAP")
    assert deal.team == (TeamMember("张三", role.code), TeamMember("李四", role.code))
    assert deal.source is Source.REFERRAL
    assert deal.probability == 30


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.5万", Decimal("125000.00")),
        ("３万元", Decimal("30000.00")),
        ("1.2亿", Decimal("120000000.00")),
        ("RMB 800", Decimal("800.00")),
        (12345, Decimal("12345.00")),
        (0.1, Decimal("0.10")),
        ("0", Decimal("0.00")),
    ],
)
def test_amount_forms(text: object, expected: Decimal) -> None:
    pb = make_playbook()
    assert make(pb, amount=text).amount == expected


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"amount": "-1"}, "amount.negative"),
        ({"amount": "abc"}, "amount.not_a_number"),
        ({"amount": "12,3a"}, "amount.not_a_number"),
        ({"amount": "NaN"}, "amount.not_a_number"),
        ({"amount": "Infinity"}, "amount.not_a_number"),
        ({"amount": True}, "amount.not_a_number"),
        ({"amount": "1.234"}, "amount.fractional_fen"),
        ({"amount": "1000000000000"}, "amount.too_large"),
        ({"amount": "1e40"}, "amount.too_large"),
        ({"close_date": "2026-02-30"}, "close_date.not_a_date"),
        ({"close_date": "next week"}, "close_date.not_a_date"),
        ({"close_date": "1999-12-31"}, "close_date.implausible"),
        ({"close_date": "2036-05-05"}, "close_date.implausible"),
        ({"next_step_date": "1900-01-01"}, "next_step_date.implausible"),
        ({"probability": "101", "probability_reason": "x"}, "probability.range"),
        ({"probability": -1, "probability_reason": "x"}, "probability.range"),
        ({"probability": "abc"}, "probability.not_a_number"),
        ({"probability": "30.5"}, "probability.not_a_number"),
        ({"probability": 40}, "probability_reason.required"),
        ({"stage": 0}, "stage.unknown"),
        ({"stage": 8}, "stage.unknown"),
        ({"stage": "x"}, "stage.unknown"),
        ({"modules": "finance, accounting-x"}, "modules.unknown"),
        ({"team": "张三:cook"}, "team.unknown"),
        ({"team": "张三"}, "team.unreadable"),
        ({"team": ":sales"}, "team.name_required"),
        ({"source": "Carrier pigeon"}, "source.unknown"),
        ({"competitors": [f"竞争对手{i}" for i in range(21)]}, "competitors.too_many"),
        ({"stage_entered_at": NOW}, "field.not_editable"),
        ({"status": "won"}, "field.not_editable"),
    ],
)
def test_bad_input_is_refused_with_its_problem(fields: dict[str, object], code: str) -> None:
    pb = make_playbook()
    with pytest.raises(ValidationError) as caught:
        make(pb, **fields)  # type: ignore[arg-type]
    assert code in codes(caught.value)
    assert caught.value.render()  # a readable message


def test_every_problem_at_once() -> None:
    pb = make_playbook()
    with pytest.raises(ValidationError) as caught:
        new_deal(" ", "", pb, by="王磊", now=NOW, amount="-5", close_date="1990-01-01")
    assert codes(caught.value) == [
        "amount.negative",
        "close_date.implausible",
        "customer_id.required",
        "required",
    ]


def test_unreadable_and_wrong_values_are_reported_together() -> None:
    pb = make_playbook()
    with pytest.raises(ValidationError) as caught:
        make(pb, amount="-3", close_date="2026-13-01", probability="abc", team="张三:cook")
    assert codes(caught.value) == [
        "amount.negative",
        "close_date.not_a_date",
        "probability.not_a_number",
        "team.unknown",
    ]
    with pytest.raises(ValidationError) as caught:
        edit_deal(make(pb), pb, today=TODAY, amount="x", close_date="1990-01-01", stage=2)
    assert codes(caught.value) == [
        "amount.not_a_number",
        "close_date.implausible",
        "field.not_editable",
    ]


def test_name_length_limit() -> None:
    pb = make_playbook()
    new_deal("c", "机" * 200, pb, by="a", now=NOW)
    with pytest.raises(ValidationError) as caught:
        new_deal("c", "机" * 201, pb, by="a", now=NOW)
    assert codes(caught.value) == ["too_long"]


def test_a_past_close_date_is_allowed_for_an_open_deal() -> None:
    """A rep often enters a deal that is already overdue; the health flag
    CLOSE_DATE_PASSED shows it instead of refusing it."""
    deal = make(make_playbook(), close_date="2026-01-31")
    assert deal.close_date == date(2026, 1, 31)


def test_latest_plausible_close_date_is_ten_years_ahead() -> None:
    pb = make_playbook()
    assert make(pb, close_date="2036-05-04").close_date == date(2036, 5, 4)


# --- probability -----------------------------------------------------------------


def test_probability_override_needs_a_reason_and_the_default_clears_it(pb: Playbook) -> None:
    deal = make(pb, stage=2)
    with pytest.raises(ValidationError) as caught:
        set_probability(deal, 45, "  ", pb)
    assert codes(caught.value) == ["probability_reason.required"]
    overridden = set_probability(deal, 45, " 客户预算已批 ", pb)
    assert (overridden.probability, overridden.probability_reason) == (45, "客户预算已批")
    back = set_probability(overridden, pb.stage(2).probability, "", pb)
    assert (back.probability, back.probability_reason) == (pb.stage(2).probability, "")
    for bad in (101, -1):
        with pytest.raises(ValidationError):
            set_probability(deal, bad, "reason", pb)
    zero = set_probability(deal, 0, "客户冻结预算", pb)
    assert zero.probability == 0


def test_edit_to_the_default_probability_clears_the_reason(pb: Playbook) -> None:
    deal = make(pb, stage=3, probability=35, probability_reason="老客户")
    assert deal.probability_reason == "老客户"
    edited = edit_deal(deal, pb, today=TODAY, probability=pb.stage(3).probability)
    assert edited.probability_reason == ""


def test_a_stage_move_resets_the_probability_to_the_new_stages_default(pb: Playbook) -> None:
    deal = ticked(make(pb, stage=2, probability=55, probability_reason="关系好"), pb, range(2, 3))
    moved, _ = move_deal(deal, 3, pb, sheets(pb, range(1, 3)), by="王磊", now=later(1))
    assert (moved.probability, moved.probability_reason) == (pb.stage(3).probability, "")


def test_closed_probability_is_fixed(pb: Playbook) -> None:
    deal = make(pb, stage=6)
    lost, _ = move_deal(deal, DealStatus.LOST, pb, (), by="王磊", now=later(1), lost_reason="x")
    assert lost.probability == 0
    with pytest.raises(ValidationError) as caught:
        set_probability(lost, 30, "还有希望", pb)
    assert codes(caught.value) == ["probability.closed"]
    with pytest.raises(ValidationError):
        edit_deal(lost, pb, today=TODAY, probability=30, probability_reason="x")


# --- editing ---------------------------------------------------------------------


def test_edit_parses_and_validates(pb: Playbook) -> None:
    deal = make(pb)
    edited = edit_deal(deal, pb, today=TODAY, now=later(1), amount="8,000.5", next_step="演示")
    assert edited.amount == Decimal("8000.50")
    assert edited.next_step == "演示"
    assert edited.updated_at == later(1)
    with pytest.raises(ValidationError) as caught:
        edit_deal(deal, pb, today=TODAY, stage=3)
    assert codes(caught.value) == ["field.not_editable"]
    with pytest.raises(ValidationError) as caught:
        edit_deal(replace(deal, deleted=True), pb, today=TODAY, name="x")
    assert codes(caught.value) == ["deal.deleted"]


def test_validate_deal_normalises() -> None:
    pb = make_playbook()
    deal = Deal(
        customer_id="c",
        name=" 二期 ",
        amount=Decimal("12"),
        competitors=(" 金蝶", "金蝶 ", "Oracle", "ORACLE"),
        team=(TeamMember(" 张三", "Sales"), TeamMember("张三", "sales")),
        lost_reason="left over",
    )
    valid = validate_deal(deal, pb, today=TODAY)
    assert valid.name == "二期"
    assert str(valid.amount) == "12.00"
    assert valid.competitors == ("金蝶", "Oracle")
    assert valid.team == (TeamMember("张三", "sales"),)
    assert valid.lost_reason == ""
    assert valid.playbook == pb.key


# --- the gates: forward ------------------------------------------------------------


def test_forward_with_unticked_items_needs_confirmation_and_a_reason(pb: Playbook) -> None:
    deal = make(pb)
    work = sheets(pb, range(1, 2))
    check = check_move(deal, 2, pb, work)
    assert check.kind is MoveKind.FORWARD
    assert [i.code for i in check.missing_items] == required_items(pb, range(1, 2))
    assert check.missing_worksheets == ()
    assert check.needs_override and check.needs_reason

    with pytest.raises(GateRefused) as caught:
        move_deal(deal, 2, pb, work, by="王磊", now=later(1))
    assert codes(caught.value) == ["gate.items_missing", "reason.required"]
    assert caught.value.check == check
    message = caught.value.render()
    assert pb.stage(1).checklist[0].names.zh in message or "activities" in message

    with pytest.raises(GateRefused) as caught:
        move_deal(deal, 2, pb, work, by="王磊", now=later(1), confirm_override=True)
    assert codes(caught.value) == ["reason.required"]

    with pytest.raises(GateRefused) as caught:
        move_deal(deal, 2, pb, work, by="王磊", now=later(1), reason="客户催得急")
    assert codes(caught.value) == ["gate.items_missing"]

    moved, change = move_deal(
        deal, 2, pb, work, by="李娜", now=later(1), reason=" 客户催得急 ", confirm_override=True
    )
    assert (moved.stage, moved.stage_entered_at, moved.updated_at) == (2, later(1), later(1))
    assert change.kind is MoveKind.FORWARD
    assert (change.from_stage, change.to_stage, change.by, change.at) == (1, 2, "李娜", later(1))
    assert change.reason == "客户催得急"
    assert change.overridden == tuple(required_items(pb, range(1, 2)))
    assert deal.stage == 1  # the input is not changed


def test_forward_with_the_stage_done_needs_nothing(pb: Playbook) -> None:
    deal = ticked(make(pb), pb, range(1, 2))
    check = check_move(deal, 2, pb, sheets(pb, range(1, 2)))
    assert not check.needs_override and not check.needs_reason
    moved, change = move_deal(deal, 2, pb, sheets(pb, range(1, 2)), by="王磊", now=later(1))
    assert moved.stage == 2
    assert change.overridden == () and change.reason == ""


def test_a_missing_required_worksheet_stops_the_move(pb: Playbook) -> None:
    stage = next(s.number for s in pb.stages if s.required_worksheets)
    deal = ticked(make(pb, stage=stage), pb, range(stage, stage + 1))
    required = pb.stage(stage).required_worksheets
    check = check_move(deal, stage + 1, pb, set())
    assert check.missing_items == ()
    assert check.missing_worksheets == required
    with pytest.raises(GateRefused) as caught:
        move_deal(deal, stage + 1, pb, set(), by="王磊", now=later(1))
    assert codes(caught.value) == ["gate.worksheets_missing", "reason.required"]
    _, change = move_deal(
        deal, stage + 1, pb, set(), by="王磊", now=later(1), reason="先推进", confirm_override=True
    )
    assert change.overridden == required
    moved, _ = move_deal(deal, stage + 1, pb, set(required), by="王磊", now=later(1))
    assert moved.stage == stage + 1


def test_skipping_stages_passes_every_skipped_gate(pb: Playbook) -> None:
    deal = make(pb)
    check = check_move(deal, 4, pb, ())
    assert [i.code for i in check.missing_items] == required_items(pb, range(1, 4))
    assert check.missing_worksheets == tuple(
        dict.fromkeys(c for n in range(1, 4) for c in pb.stage(n).required_worksheets)
    )
    # Doing stages 1 and 2 is not enough: stage 3 is passed over too.
    half = ticked(deal, pb, range(1, 3))
    assert [i.code for i in check_move(half, 4, pb, sheets(pb, range(1, 4))).missing_items] == (
        required_items(pb, range(3, 4))
    )
    # The target stage's own work is not asked for.
    done = ticked(deal, pb, range(1, 4))
    moved, change = move_deal(done, 4, pb, sheets(pb, range(1, 4)), by="王磊", now=later(2))
    assert (moved.stage, change.from_stage, change.to_stage) == (4, 1, 4)
    assert change.overridden == ()


def test_an_optional_item_never_stops_a_move() -> None:
    pb = make_playbook()
    deal = ticked(make(pb, stage=4), pb, range(4, 5))
    assert "project_approval.key_people" not in deal.checklist
    check = check_move(deal, 5, pb, sheets(pb, range(1, 5)))
    assert not check.needs_override


# --- back, won, lost ----------------------------------------------------------------


def test_moving_back_needs_a_reason_and_keeps_the_checklist(pb: Playbook) -> None:
    deal = ticked(make(pb, stage=4), pb, range(1, 5))
    check = check_move(deal, 2, pb, ())
    assert (check.kind, check.needs_reason, check.needs_override) == (MoveKind.BACK, True, False)
    with pytest.raises(GateRefused) as caught:
        move_deal(deal, 2, pb, (), by="王磊", now=later(3), reason="   ")
    assert codes(caught.value) == ["reason.required"]
    moved, change = move_deal(deal, 2, pb, (), by="王磊", now=later(3), reason="客户重新评估需求")
    assert (moved.stage, moved.probability, moved.stage_entered_at) == (
        2,
        pb.stage(2).probability,
        later(3),
    )
    assert moved.checklist == deal.checklist
    assert (change.kind, change.from_stage, change.to_stage) == (MoveKind.BACK, 4, 2)
    assert change.reason == "客户重新评估需求"


def test_closing_won_needs_the_closing_activities(pb: Playbook) -> None:
    deal = make(pb, stage=7)
    check = check_move(deal, DealStatus.WON, pb, ())
    assert check.kind is MoveKind.WON
    assert [i.code for i in check.missing_items] == required_items(pb, range(7, 8))
    with pytest.raises(GateRefused):
        move_deal(deal, DealStatus.WON, pb, (), by="王磊", now=later(5))
    done = ticked(deal, pb, range(7, 8))
    won, change = move_deal(done, "won", pb, sheets(pb, range(7, 8)), by="王磊", now=later(5))
    assert (won.status, won.stage, won.probability, won.closed_at) == (
        DealStatus.WON,
        7,
        100,
        later(5),
    )
    assert (change.kind, change.from_stage, change.to_stage) == (MoveKind.WON, 7, 7)
    assert won.stage_entered_at == deal.stage_entered_at


def test_closing_won_early_passes_every_gate_up_to_closing(pb: Playbook) -> None:
    deal = make(pb, stage=5)
    check = check_move(deal, DealStatus.WON, pb, ())
    assert [i.code for i in check.missing_items] == required_items(pb, range(5, 8))
    won, change = move_deal(
        deal,
        DealStatus.WON,
        pb,
        (),
        by="王磊",
        now=later(5),
        reason="客户直接签约",
        confirm_override=True,
    )
    assert won.status is DealStatus.WON
    assert change.overridden[: len(check.missing_items)] == tuple(required_items(pb, range(5, 8)))
    done = ticked(deal, pb, range(5, 8))
    won, change = move_deal(done, DealStatus.WON, pb, sheets(pb, range(5, 8)), by="a", now=NOW)
    assert change.overridden == ()


def test_closing_lost_needs_a_reason(pb: Playbook) -> None:
    deal = make(pb, stage=4, amount="50万")
    check = check_move(deal, DealStatus.LOST, pb, ())
    assert (check.kind, check.needs_reason, check.needs_override) == (MoveKind.LOST, True, False)
    with pytest.raises(GateRefused) as caught:
        move_deal(deal, DealStatus.LOST, pb, (), by="王磊", now=later(2))
    assert codes(caught.value) == ["lost_reason.required"]
    reason = pb.lost_reasons[0]
    lost, change = move_deal(
        deal,
        "丢单",
        pb,
        (),
        by="王磊",
        now=later(2),
        lost_reason=reason.names.zh,
        winning_competitor=" 金蝶 ",
    )
    assert (lost.status, lost.stage, lost.probability) == (DealStatus.LOST, 4, 0)
    assert (lost.lost_reason, lost.winning_competitor, lost.closed_at) == (
        reason.code,
        "金蝶",
        later(2),
    )
    assert (change.kind, change.from_stage, change.to_stage, change.reason) == (
        MoveKind.LOST,
        4,
        4,
        reason.code,
    )
    free, _ = move_deal(deal, DealStatus.LOST, pb, (), by="a", now=NOW, reason="老板换人了")
    assert free.lost_reason == "老板换人了"


# --- closed, reopened, impossible ---------------------------------------------------


def test_a_closed_deal_is_only_reopened(pb: Playbook) -> None:
    deal = make(pb, stage=3)
    lost, _ = move_deal(deal, DealStatus.LOST, pb, (), by="王磊", now=later(1), lost_reason="价格")
    for target in (4, 2, DealStatus.WON, DealStatus.LOST):
        with pytest.raises(GateRefused) as caught:
            move_deal(
                lost,
                target,
                pb,
                (),
                by="王磊",
                now=later(2),
                reason="r",
                confirm_override=True,
                lost_reason="r",
            )
        assert codes(caught.value) == ["deal.closed"]
    with pytest.raises(GateRefused) as caught:
        reopen_deal(lost, pb, stage=3, by="王磊", now=later(2), reason="")
    assert codes(caught.value) == ["reason.required"]
    with pytest.raises(GateRefused) as caught:
        reopen_deal(lost, pb, stage=9, by="王磊", now=later(2), reason="客户回来了")
    assert codes(caught.value) == ["stage.unknown"]
    again, change = reopen_deal(lost, pb, stage=2, by="王磊", now=later(2), reason="客户回来了")
    assert (again.status, again.stage, again.probability) == (
        DealStatus.OPEN,
        2,
        pb.stage(2).probability,
    )
    assert (again.lost_reason, again.winning_competitor, again.closed_at) == ("", "", None)
    assert again.stage_entered_at == later(2)
    assert (change.kind, change.from_stage, change.to_stage, change.reason) == (
        MoveKind.REOPENED,
        3,
        2,
        "客户回来了",
    )
    with pytest.raises(GateRefused) as caught:
        reopen_deal(again, pb, stage=3, by="王磊", now=later(3), reason="x")
    assert codes(caught.value) == ["deal.not_closed"]


@pytest.mark.parametrize("target", [0, 8, -1, "x", "", True, DealStatus.OPEN, "open", None, 2.0])
def test_an_unknown_target_is_refused(target: object) -> None:
    pb = make_playbook()
    deal = make(pb, stage=2)
    with pytest.raises(GateRefused) as caught:
        check_move(deal, target, pb, ())
    assert codes(caught.value) == ["stage.unknown"]
    with pytest.raises(GateRefused):
        move_deal(deal, target, pb, (), by="a", now=NOW, reason="r", confirm_override=True)


def test_a_target_by_code_or_name(pb: Playbook) -> None:
    deal = make(pb, stage=2)
    assert check_move(deal, pb.stage(5).code, pb, ()).target == 5
    assert check_move(deal, pb.stage(1).names.zh, pb, ()).target == 1
    assert check_move(deal, "6", pb, ()).target == 6
    assert check_move(deal, "赢单", pb, ()).target is DealStatus.WON
    assert check_move(deal, "Closed lost", pb, ()).target is DealStatus.LOST


def test_the_same_stage_and_a_deleted_deal_are_refused(pb: Playbook) -> None:
    deal = make(pb, stage=3)
    with pytest.raises(GateRefused) as caught:
        move_deal(deal, 3, pb, (), by="a", now=NOW, reason="r", confirm_override=True)
    assert codes(caught.value) == ["stage.same"]
    gone = replace(deal, deleted=True)
    with pytest.raises(GateRefused) as caught:
        move_deal(gone, 4, pb, (), by="a", now=NOW, reason="r", confirm_override=True)
    assert codes(caught.value) == ["deal.deleted"]
    with pytest.raises(ValidationError):
        tick(gone, required_items(pb, range(3, 4))[0], True, by="a", now=NOW, playbook=pb)


def test_a_reason_has_a_length_limit() -> None:
    pb = make_playbook()
    deal = make(pb, stage=3)
    with pytest.raises(GateRefused) as caught:
        move_deal(deal, 2, pb, (), by="a", now=NOW, reason="长" * 501)
    assert codes(caught.value) == ["reason.too_long"]


# --- the checklist and playbook versions --------------------------------------------


def test_tick_accepts_only_the_playbooks_items(pb: Playbook) -> None:
    deal = make(pb)
    code = pb.stage(1).checklist[0].code
    done = tick(deal, f" {code} ", True, by="王磊", now=later(1), playbook=pb)
    assert done.checklist[code].done and done.checklist[code].by == "王磊"
    assert done.updated_at == later(1)
    undone = tick(done, code, False, by="李娜", now=later(2), playbook=pb)
    assert not undone.checklist[code].done and undone.checklist[code].at == later(2)
    assert done.checklist[code].done  # the earlier copy is untouched
    with pytest.raises(ValidationError) as caught:
        tick(deal, "target.dance", True, by="王磊", now=NOW, playbook=pb)
    assert codes(caught.value) == ["checklist.unknown"]


def test_answers_survive_an_upgraded_playbook() -> None:
    """v2 drops "target.profile" and adds "target.budget": the old answer
    stays with the deal, the deal keeps its playbook version, and the gate
    asks for v2's new item."""
    v1 = make_playbook("1")
    items = {**ITEMS, 1: (("visit", "budget"), ())}
    v2 = make_playbook("2", items=items)
    deal = ticked(make(v1), v1, range(1, 2))
    assert deal.playbook == "test-playbook@1"
    check = check_move(deal, 2, v2, sheets(v2, range(1, 2)))
    assert [i.code for i in check.missing_items] == ["target.budget"]
    moved, change = move_deal(
        deal,
        2,
        v2,
        sheets(v2, range(1, 2)),
        by="a",
        now=later(1),
        reason="新手册新增",
        confirm_override=True,
    )
    assert moved.checklist["target.profile"].done  # kept, though v2 does not know it
    assert moved.playbook == "test-playbook@1"
    assert change.overridden == ("target.budget",)
    with pytest.raises(ValidationError):
        tick(moved, "target.profile", False, by="a", now=later(2), playbook=v2)


def test_days_in_stage() -> None:
    pb = make_playbook()
    deal = make(pb)
    assert days_in_stage(deal, TODAY) == 0
    assert days_in_stage(deal, TODAY + timedelta(days=17)) == 17
    assert days_in_stage(deal, TODAY - timedelta(days=3)) == 0
    lost, _ = move_deal(deal, DealStatus.LOST, pb, (), by="a", now=later(5), lost_reason="x")
    assert days_in_stage(lost, TODAY + timedelta(days=40)) == 5


# --- any sequence of legal moves keeps the history consistent -----------------------

_MOVES = st.lists(
    st.tuples(
        st.sampled_from(["forward", "skip", "back", "won", "lost", "reopen"]),
        st.integers(1, 7),
        st.floats(0.01, 30),
        st.booleans(),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(moves=_MOVES)
def test_any_sequence_of_legal_moves_keeps_history_consistent(moves: list) -> None:  # type: ignore[type-arg]
    pb = make_playbook()
    deal, created = new_deal("c", "随机商机", pb, by="a", now=NOW)
    history = [created]
    when = NOW
    for action, stage, gap, do_work in moves:
        when += timedelta(days=gap)
        if do_work and deal.is_open:
            deal = ticked(deal, pb, range(deal.stage, 8))
        work = sheets(pb, range(1, 8)) if do_work else set()
        kwargs = {"reason": "原因", "confirm_override": True, "lost_reason": "price"}
        if not deal.is_open:
            if action != "reopen":
                with pytest.raises(GateRefused):
                    move_deal(deal, stage, pb, work, by="a", now=when, **kwargs)
                continue
            deal, change = reopen_deal(deal, pb, stage=stage, by="a", now=when, reason="回来了")
        else:
            target: int | DealStatus = {
                "forward": min(deal.stage + 1, 7),
                "skip": stage,
                "back": max(deal.stage - 1, 1),
                "won": DealStatus.WON,
                "lost": DealStatus.LOST,
                "reopen": stage,
            }[action]
            if target == deal.stage:
                with pytest.raises(GateRefused):
                    move_deal(deal, target, pb, work, by="a", now=when, **kwargs)
                continue
            deal, change = move_deal(deal, target, pb, work, by="a", now=when, **kwargs)
        history.append(change)

    for before, after in itertools.pairwise(history):
        assert after.from_stage == before.to_stage
        assert after.at >= before.at
    entries = [c for c in history if c.kind not in (MoveKind.WON, MoveKind.LOST)]
    assert deal.stage == history[-1].to_stage
    assert deal.stage_entered_at == entries[-1].at
    assert deal.status is {
        MoveKind.WON: DealStatus.WON,
        MoveKind.LOST: DealStatus.LOST,
    }.get(history[-1].kind, DealStatus.OPEN)
    if deal.is_open:
        assert deal.probability == pb.stage(deal.stage).probability
        assert deal.closed_at is None
    else:
        assert deal.probability == (100 if deal.status is DealStatus.WON else 0)
        assert deal.closed_at == history[-1].at
    for change in history:
        if change.kind in (MoveKind.BACK, MoveKind.LOST, MoveKind.REOPENED) or change.overridden:
            assert change.reason
    validate_deal(deal, pb, today=TODAY)
