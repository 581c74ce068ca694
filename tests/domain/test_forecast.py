"""Forecast arithmetic: exact Decimal weighting half-up to the fen, the
funnel report and its JSON, the pipeline by period, conversion and days per
stage, stalled deals and health flags."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from playbook_factory import default_playbook, make_playbook

from erpdesk.domain.deal import Deal, DealStatus
from erpdesk.domain.forecast import (
    DealFacts,
    HealthFlag,
    conversion,
    deal_weighted,
    forecast_by_period,
    funnel_json,
    funnel_report,
    health_flags,
    is_lowest_verdict,
    stalled,
    weighted,
)
from erpdesk.domain.gates import move_deal, new_deal, tick
from erpdesk.domain.playbook import Playbook

NOW = datetime(2026, 5, 4, 4, 0, tzinfo=UTC)
TODAY = date(2026, 5, 4)


@pytest.fixture(params=["small", "default"])
def pb(request: pytest.FixtureRequest) -> Playbook:
    if request.param == "small":
        return make_playbook()
    return default_playbook()


def deal(
    pb: Playbook,
    amount: str,
    stage: int = 1,
    *,
    status: DealStatus = DealStatus.OPEN,
    probability: int | None = None,
    close_date: date | None = None,
    closed_at: datetime | None = None,
    **fields: object,
) -> Deal:
    if probability is None:
        probability = {DealStatus.WON: 100, DealStatus.LOST: 0}.get(
            status, pb.stage(stage).probability
        )
    return Deal(
        customer_id="c",
        name="d",
        stage=stage,
        status=status,
        amount=Decimal(amount),
        probability=probability,
        close_date=close_date,
        closed_at=closed_at,
        **fields,  # type: ignore[arg-type]
    )


# --- weighted -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "probability", "expected"),
    [
        ("0.01", 50, "0.01"),  # 0.005 rounds half-up, not to even
        ("0.01", 49, "0.00"),  # 0.0049
        ("0.03", 50, "0.02"),  # 0.015
        ("0.05", 10, "0.01"),  # 0.005
        ("100.01", 50, "50.01"),  # 50.005: banker's rounding would give 50.00
        ("12345.67", 33, "4074.07"),  # 4074.0711
        ("1.00", 0, "0.00"),
        ("1.00", 100, "1.00"),
        ("999999999999.99", 90, "899999999999.99"),  # 899999999999.991
        ("999999999999.99", 70, "699999999999.99"),  # 699999999999.993
        ("333.35", 10, "33.34"),  # 33.335
    ],
)
def test_weighted_is_exact_and_half_up(amount: str, probability: int, expected: str) -> None:
    result = weighted(Decimal(amount), probability)
    assert result == Decimal(expected)
    assert str(result) == expected


def test_a_won_deal_weighs_its_whole_amount_and_a_lost_one_nothing(pb: Playbook) -> None:
    assert deal_weighted(deal(pb, "100.01", 7, status=DealStatus.WON)) == Decimal("100.01")
    assert deal_weighted(deal(pb, "100.01", 4, status=DealStatus.LOST)) == Decimal("0.00")


# --- the funnel report ------------------------------------------------------------


def test_totals_are_sums_of_each_deals_rounded_weighted_amount() -> None:
    """Three deals of one fen at 50 %: each weighs 0.01 (half-up), so the
    stage weighs 0.03; weighting the stage's 0.03 would give 0.02."""
    pb = make_playbook()
    deals = [deal(pb, "0.01", 4) for _ in range(3)]
    report = funnel_report(deals, pb)
    stage4 = report.stages[3]
    assert (stage4.count, stage4.amount, stage4.weighted) == (3, Decimal("0.03"), Decimal("0.03"))
    assert weighted(stage4.amount, 50) == Decimal("0.02")
    assert report.open.weighted == Decimal("0.03")


def test_funnel_report_and_json(pb: Playbook) -> None:
    deals = [
        deal(pb, "120000.00", 1),
        deal(pb, "0.01", 1),
        deal(pb, "333.35", 2, probability=10, probability_reason="预算未批"),
        deal(pb, "500000.00", 4),
        deal(pb, "99.99", 7),
        deal(pb, "800000.00", 7, status=DealStatus.WON),
        deal(pb, "1234.56", 7, status=DealStatus.WON),
        deal(pb, "300000.00", 3, status=DealStatus.LOST, lost_reason="price"),
        replace(deal(pb, "777.00", 2), deleted=True),
        replace(deal(pb, "5.00", 7, status=DealStatus.WON), deleted=True),
    ]
    p = [s.probability for s in pb.stages]
    expected_weighted = {
        1: weighted(Decimal("120000.00"), p[0]) + weighted(Decimal("0.01"), p[0]),
        2: Decimal("33.34"),  # the deal's own 10 %, not the stage's
        4: weighted(Decimal("500000.00"), p[3]),
        7: weighted(Decimal("99.99"), p[6]),
    }
    report = funnel_report(iter(deals), pb)
    out = funnel_json(report, pb, "zh_CN")
    assert json.loads(json.dumps(out)) == out
    assert list(out) == ["currency", "stages", "open", "won", "lost"]
    assert out["currency"] == "CNY"
    assert [row["stage"] for row in out["stages"]] == [1, 2, 3, 4, 5, 6, 7]
    assert [row["code"] for row in out["stages"]] == [s.code for s in pb.stages]
    assert [row["name"] for row in out["stages"]] == [s.names.zh for s in pb.stages]
    assert [row["probability"] for row in out["stages"]] == p
    for row in out["stages"]:
        assert list(row) == ["stage", "code", "name", "count", "amount", "probability", "weighted"]
    counts = {row["stage"]: row["count"] for row in out["stages"]}
    assert counts == {1: 2, 2: 1, 3: 0, 4: 1, 5: 0, 6: 0, 7: 1}
    amounts = {row["stage"]: row["amount"] for row in out["stages"]}
    assert amounts == {
        1: "120000.01",
        2: "333.35",
        3: "0.00",
        4: "500000.00",
        5: "0.00",
        6: "0.00",
        7: "99.99",
    }
    got_weighted = {row["stage"]: row["weighted"] for row in out["stages"]}
    for stage, value in expected_weighted.items():
        assert got_weighted[stage] == str(value)
    assert got_weighted[3] == "0.00"
    total_weighted = sum(expected_weighted.values(), Decimal(0))
    assert out["open"] == {"count": 5, "amount": "620433.35", "weighted": str(total_weighted)}
    assert out["won"] == {"count": 2, "amount": "801234.56"}
    assert out["lost"] == {"count": 1, "amount": "300000.00"}
    english = funnel_json(report, pb, "en")
    assert [row["name"] for row in english["stages"]] == [s.names.en for s in pb.stages]


def test_funnel_json_of_nothing(pb: Playbook) -> None:
    out = funnel_json(funnel_report([], pb), pb, "zh_CN")
    assert len(out["stages"]) == 7
    assert all(row["amount"] == "0.00" and row["count"] == 0 for row in out["stages"])
    assert out["open"] == {"count": 0, "amount": "0.00", "weighted": "0.00"}
    assert out["won"] == {"count": 0, "amount": "0.00"}


def test_amounts_never_print_in_exponent_form() -> None:
    pb = make_playbook()
    out = funnel_json(funnel_report([deal(pb, "1E+3", 1)], pb), pb, "en")
    assert out["stages"][0]["amount"] == "1000.00"
    assert out["stages"][0]["weighted"] == "100.00"


# --- by period --------------------------------------------------------------------


def test_forecast_by_month_fills_gaps_and_places_closed_deals_when_closed() -> None:
    pb = make_playbook()
    deals = [
        deal(pb, "1000.00", 4, close_date=date(2026, 5, 31)),  # 50 %
        deal(pb, "0.01", 4, close_date=date(2026, 5, 1)),  # 0.005 -> 0.01
        deal(pb, "2000.00", 2, close_date=date(2026, 8, 15)),  # 20 %
        deal(pb, "9999.00", 2),  # no close date: no period
        deal(
            pb,
            "5000.00",
            7,
            status=DealStatus.WON,
            close_date=date(2026, 9, 30),
            closed_at=datetime(2026, 6, 10, 4, tzinfo=UTC),
        ),
        deal(pb, "700.00", 3, status=DealStatus.LOST, close_date=date(2026, 7, 1)),
        replace(deal(pb, "1.00", 1, close_date=date(2026, 4, 1)), deleted=True),
    ]
    rows = forecast_by_period(deals, "month")
    assert [r.period for r in rows] == ["2026-05", "2026-06", "2026-07", "2026-08"]
    may, june, july, august = rows
    assert (may.start, may.open_count, may.open_amount, may.weighted) == (
        date(2026, 5, 1),
        2,
        Decimal("1000.01"),
        Decimal("500.01"),
    )
    assert (june.won_count, june.won_amount, june.open_count) == (1, Decimal("5000.00"), 0)
    assert (july.lost_count, july.lost_amount, july.weighted) == (1, Decimal("700.00"), 0)
    assert (august.open_amount, august.weighted) == (Decimal("2000.00"), Decimal("400.00"))

    quarters = forecast_by_period(deals, "quarter")
    assert [r.period for r in quarters] == ["2026-Q2", "2026-Q3"]
    assert quarters[0].start == date(2026, 4, 1)
    assert quarters[0].weighted == Decimal("500.01")
    assert quarters[0].won_amount == Decimal("5000.00")
    assert quarters[1].open_amount == Decimal("2000.00")
    assert quarters[1].lost_count == 1


def test_forecast_across_a_year_end() -> None:
    pb = make_playbook()
    deals = [
        deal(pb, "1.00", 1, close_date=date(2026, 11, 3)),
        deal(pb, "1.00", 1, close_date=date(2027, 2, 3)),
    ]
    assert [r.period for r in forecast_by_period(deals, "month")] == [
        "2026-11",
        "2026-12",
        "2027-01",
        "2027-02",
    ]
    assert [r.period for r in forecast_by_period(deals, "quarter")] == ["2026-Q4", "2027-Q1"]
    assert forecast_by_period([], "month") == []


# --- conversion -------------------------------------------------------------------


def _history(pb: Playbook, path: list[object], gaps: list[float]) -> list:  # type: ignore[type-arg]
    d, created = new_deal("c", "d", pb, by="a", now=NOW)
    changes = [created]
    when = NOW
    for target, gap in zip(path, gaps, strict=True):
        when += timedelta(days=gap)
        d, change = move_deal(
            d,
            target,
            pb,
            (),
            by="a",
            now=when,
            reason="r",
            confirm_override=True,
            lost_reason="price",
        )
        changes.append(change)
    return changes


def test_conversion_and_average_days(pb: Playbook) -> None:
    changes = [
        *_history(pb, [2, 3], [10, 4]),  # 1 -> 2 -> 3
        *_history(pb, [2, DealStatus.LOST], [20, 6]),  # 1 -> 2 -> lost
        *_history(pb, [4, 3, 5, DealStatus.WON], [3, 1, 2, 5]),  # skips, back, won early
        *_history(pb, [], []),  # only created
    ]
    rows = conversion(changes, pb)
    by_stage = {r.stage: r for r in rows}
    assert [r.code for r in rows] == [s.code for s in pb.stages]
    assert (by_stage[1].entered, by_stage[1].converted) == (4, 3)
    assert by_stage[1].rate == Decimal("75.0")
    assert by_stage[1].average_days == Decimal("11.0")  # (10 + 20 + 3) / 3 stays
    assert (by_stage[2].entered, by_stage[2].converted, by_stage[2].rate) == (
        2,
        1,
        Decimal("50.0"),
    )
    assert by_stage[2].average_days == Decimal("5.0")  # (4 + 6) / 2
    # Stage 3: entered by the first deal (still there) and by the third
    # (back from 4), which then went on to 5.
    assert (by_stage[3].entered, by_stage[3].converted) == (2, 1)
    assert by_stage[3].stays == 1 and by_stage[3].average_days == Decimal("2.0")
    assert (by_stage[4].entered, by_stage[4].converted) == (1, 1)
    assert (by_stage[5].entered, by_stage[5].converted, by_stage[5].rate) == (
        1,
        1,
        Decimal("100.0"),
    )
    assert by_stage[6].entered == 0 and by_stage[6].rate is None
    assert by_stage[6].average_days is None


def test_conversion_rate_rounds_half_up_to_a_tenth() -> None:
    pb = make_playbook()
    changes = [*_history(pb, [2], [1]), *_history(pb, [], []), *_history(pb, [], [])]
    first = conversion(changes, pb)[0]
    assert (first.entered, first.converted, first.rate) == (3, 1, Decimal("33.3"))
    gone = [replace(c, deleted=True) for c in _history(pb, [2], [1])]
    assert conversion(gone, pb)[0].entered == 0


# --- stalled and health ------------------------------------------------------------


def test_stalled_deals_longest_first() -> None:
    pb = make_playbook()
    old = deal(pb, "1.00", 3, stage_entered_at=NOW - timedelta(days=45))
    older = deal(pb, "1.00", 2, stage_entered_at=NOW - timedelta(days=90))
    fresh = deal(pb, "1.00", 3, stage_entered_at=NOW - timedelta(days=30))
    closed = deal(
        pb,
        "1.00",
        3,
        status=DealStatus.WON,
        stage_entered_at=NOW - timedelta(days=90),
        closed_at=NOW,
    )
    assert stalled([old, fresh, closed, older], TODAY) == [older, old]
    assert stalled([old, fresh], TODAY, days=29) == [old, fresh]


def facts(d: Deal, **kwargs: object) -> DealFacts:
    values: dict[str, object] = {
        "last_activity_at": NOW,
        "has_quote": True,
        "worksheets": frozenset(),
        "assessment_percent": None,
    }
    values.update(kwargs)
    return DealFacts(deal=d, **values)  # type: ignore[arg-type]


def _all_sheets(pb: Playbook) -> frozenset[str]:
    return frozenset(c for s in pb.stages for c in s.required_worksheets)


def test_a_healthy_deal_has_no_flags(pb: Playbook) -> None:
    d = deal(pb, "1.00", 6, close_date=TODAY, created_at=NOW)
    assert health_flags(facts(d, worksheets=_all_sheets(pb)), pb, TODAY) == frozenset()


def test_each_health_flag(pb: Playbook) -> None:
    sheets = _all_sheets(pb)
    base = deal(pb, "1.00", 5, close_date=TODAY, created_at=NOW - timedelta(days=60))

    def flags(d: Deal = base, **kwargs: object) -> frozenset[HealthFlag]:
        kwargs.setdefault("worksheets", sheets)
        return health_flags(facts(d, **kwargs), pb, TODAY)

    assert flags(last_activity_at=NOW - timedelta(days=13)) == frozenset()
    assert flags(last_activity_at=NOW - timedelta(days=14)) == {HealthFlag.NO_ACTIVITY}
    assert flags(last_activity_at=None) == {HealthFlag.NO_ACTIVITY}  # since created
    new = replace(base, created_at=NOW - timedelta(days=2))
    assert flags(new, last_activity_at=None) == frozenset()
    overdue = replace(base, close_date=TODAY - timedelta(days=1))
    assert flags(overdue) == {HealthFlag.CLOSE_DATE_PASSED}
    assert flags(has_quote=False) == {HealthFlag.NO_QUOTE}
    assert flags(replace(base, stage=4), has_quote=False) == frozenset()
    assert flags(assessment_percent=49) == {HealthFlag.LOW_SCORE}
    assert flags(assessment_percent=50) == frozenset()
    assert flags(assessment_percent=80, low_verdict=True) == {HealthFlag.LOW_SCORE}
    first = next(s for s in pb.stages if s.required_worksheets)
    assert flags(worksheets=sheets - {first.required_worksheets[0]}) == {
        HealthFlag.MISSING_WORKSHEET
    }
    everything = flags(
        overdue, last_activity_at=None, has_quote=False, assessment_percent=10, worksheets=set()
    )
    assert everything == set(HealthFlag)
    won = replace(overdue, status=DealStatus.WON, probability=100)
    assert flags(won, last_activity_at=None, has_quote=False, worksheets=set()) == frozenset()


def test_missing_worksheet_counts_the_current_and_passed_stages_only() -> None:
    pb = make_playbook()  # stage 4 requires competitiveness_assessment and deal_team
    early = deal(pb, "1.00", 3, created_at=NOW)
    sheets = frozenset({"customer_profile", "opportunity_assessment_1"})
    assert health_flags(facts(early, worksheets=sheets), pb, TODAY) == frozenset()
    at_four = replace(early, stage=4)
    assert health_flags(facts(at_four, worksheets=sheets), pb, TODAY) == {
        HealthFlag.MISSING_WORKSHEET
    }


def test_lowest_verdict(pb: Playbook) -> None:
    template = next(t for t in pb.worksheets.values() if t.verdicts)
    lowest = min(template.verdicts, key=lambda v: v.min_percent)
    highest = max(template.verdicts, key=lambda v: v.min_percent)
    assert is_lowest_verdict(template, lowest.code)
    assert not is_lowest_verdict(template, highest.code)
    assert not is_lowest_verdict(template, None)


def test_health_flag_labels() -> None:
    assert HealthFlag.parse("缺少报价") is HealthFlag.NO_QUOTE
    assert all(flag.label and flag.zh for flag in HealthFlag)


def test_a_ticked_deal_moved_through_the_gates_reports_in_the_funnel() -> None:
    """The rules and the report agree: a deal moved to stage 2 counts there
    with the stage's probability."""
    pb = make_playbook()
    d, _ = new_deal("c", "d", pb, by="a", now=NOW, amount="100.01")
    for item in pb.stage(1).checklist:
        d = tick(d, item.code, True, by="a", now=NOW, playbook=pb)
    d, _ = move_deal(d, 2, pb, {"customer_profile"}, by="a", now=NOW)
    out = funnel_json(funnel_report([d], pb), pb, "en")
    assert out["stages"][1]["count"] == 1
    assert out["stages"][1]["weighted"] == "20.00"  # 20.002
