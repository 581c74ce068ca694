"""The ERP benefit model: every line exact to the fen (hand-computed),
half-up rounding, ROI and payback, the printed assumptions, the problems of
bad figures and the figures typed as text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from erpdesk.domain.benefit import (
    FIGURES,
    INTANGIBLE_BENEFITS,
    BenefitInputs,
    benefit_model,
    benefit_problems,
    parse_figures,
    with_investment,
    yuan,
)

D = Decimal

FULL = BenefitInputs(
    annual_revenue=D("120000000"),
    inventory_value=D("30000000"),
    inventory_reduction=D("20"),
    production_cost=D("80000000"),
    production_cost_reduction=D("1.5"),
    staff_cost=D("2000000"),
    productivity_gain=D("10"),
    equipment_cost=D("5000000"),
    utilisation_gain=D("8"),
    wip_value=D("4000000"),
    cycle_reduction=D("25"),
    revenue_growth=D("5"),
    margin=D("30"),
    receivables=D("25000000"),
    receivable_days_reduced=D("15"),
    annual_purchases=D("73000000"),
    payables=D("9000000"),
    payable_days_gained=D("10"),
    investment=D("2000000"),
    running_cost=D("300000"),
)


def amounts(result) -> dict[str, D]:
    return {line.code: line.amount for line in result.lines}


def test_every_line_is_exact_to_the_fen():
    result = benefit_model(FULL)
    assert amounts(result) == {
        "inventory": D("1200000.00"),  # 30,000,000 × 20% × 20%
        "production_cost": D("1200000.00"),  # 80,000,000 × 1.5%
        "productivity": D("200000.00"),  # 2,000,000 × 10%
        "equipment": D("400000.00"),  # 5,000,000 × 8%
        "cycle": D("200000.00"),  # 4,000,000 × 25% × 20%
        "market": D("1800000.00"),  # 120,000,000 × 5% × 30%
        "receivables": D("295890.41"),  # 120,000,000 ÷ 365 × 15 × 6% = 295,890.4109…
        "payables": D("120000.00"),  # 73,000,000 ÷ 365 × 10 × 6%
    }
    assert result.annual_benefit == D("5415890.41")  # the sum of the lines as printed
    assert result.net_annual_benefit == D("5115890.41")
    # (5,115,890.41 × 3 − 2,000,000) ÷ 2,000,000 = 667.38…%
    assert result.roi_percent == D("667.4")
    # 2,000,000 × 12 ÷ 5,115,890.41 = 4.691…
    assert result.payback_months == D("4.7")
    assert result.total_net_benefit == D("15347671.23")


def test_a_line_rounds_half_up_once():
    # 100.01 × 50% = 50.005: half-up gives 50.01 (banker's rounding would give 50.00)
    result = benefit_model(
        BenefitInputs(production_cost=D("100.01"), production_cost_reduction=D("50"))
    )
    assert amounts(result)["production_cost"] == D("50.01")
    # 1,000 ÷ 365 × 1 × 6% = 0.16438…: one rounding at the end, not per step
    result = benefit_model(BenefitInputs(annual_revenue=D("1000"), receivable_days_reduced=D("1")))
    assert amounts(result)["receivables"] == D("0.16")


def test_roi_and_payback_follow_the_net_benefit():
    inputs = BenefitInputs(
        production_cost=D("10000000"),
        production_cost_reduction=D("15"),
        investment=D("2000000"),
        running_cost=D("100000"),
    )
    result = benefit_model(inputs)
    assert result.net_annual_benefit == D("1400000.00")
    assert result.roi_percent == D("110.0")  # (4,200,000 − 2,000,000) ÷ 2,000,000
    assert result.payback_months == D("17.1")  # 2,000,000 ÷ 1,400,000 × 12 = 17.14…
    five = benefit_model(inputs, years=5)
    assert five.roi_percent == D("250.0") and five.years == 5
    # no net benefit: no payback; no investment: no ROI either
    costly = benefit_model(BenefitInputs(investment=D("1000"), running_cost=D("10")))
    assert costly.payback_months is None and costly.roi_percent == D("-103.0")
    assert benefit_model(BenefitInputs()).roi_percent is None
    assert benefit_model(BenefitInputs()).payback_months is None


def test_the_investment_comes_from_the_quote_unless_typed():
    assert with_investment(BenefitInputs(), D("880000.50")).investment == D("880000.50")
    typed = BenefitInputs(investment=D("1"))
    assert with_investment(typed, D("880000.50")).investment == D("1")
    assert with_investment(BenefitInputs(), None).investment is None


def test_the_assumptions_print_the_rates_and_the_cash_released():
    result = benefit_model(FULL)
    zh = "\n".join(result.assumption_lines("zh_CN"))
    en = "\n".join(result.assumption_lines("en"))
    assert "库存持有成本率按 20% 计" in zh and "资金成本率按 6% 计" in zh
    # 120,000,000 ÷ 365 × 15 = 4,931,506.85 released once
    assert "¥4,931,506.85" in zh and "¥4,931,506.85" in en
    assert "76 天" in zh  # 25,000,000 of 120,000,000 a year
    assert "Cost of capital is taken as 6%" in en and "over 3 years" in en
    line = next(x for x in result.lines if x.code == "receivables")
    assert line.formula.zh == ("年销售收入 ¥120,000,000.00 ÷ 365 × 减少 15 天 × 资金成本率 6%")
    assert result.counted == result.lines  # every line has an amount here
    assert benefit_model(BenefitInputs()).counted == ()


def test_problems_name_every_bad_figure():
    inputs = BenefitInputs(
        inventory_value=D("-1"),
        inventory_reduction=D("120"),
        margin=D("100"),
        payable_days_gained=D("400"),
        investment=D("1E12"),
    )
    problems = {p.field: p for p in benefit_problems(inputs, years=11)}
    assert set(problems) == {
        "inventory_value", "inventory_reduction", "payable_days_gained", "investment", "years",
    }  # fmt: skip
    assert problems["inventory_value"].render() == "Average inventory value cannot be negative (-1)"
    assert problems["inventory_reduction"].params["field_zh"] == "库存降低比例"
    assert "0 to 100" in problems["inventory_reduction"].render()
    assert benefit_problems(FULL) == []
    assert benefit_problems(BenefitInputs(margin=D("NaN")))[0].code == "margin.not_a_number"


def test_receivable_days_cannot_exceed_what_the_receivables_stand_for():
    # 1,000,000 of 36,500,000 a year: 10 days of revenue
    inputs = BenefitInputs(
        annual_revenue=D("36500000"), receivables=D("1000000"), receivable_days_reduced=D("12")
    )
    (problem,) = benefit_problems(inputs)
    assert problem.code == "receivable_days_reduced.beyond_balance"
    assert problem.params["current"] == "10"
    ok = BenefitInputs(
        annual_revenue=D("36500000"), receivables=D("1000000"), receivable_days_reduced=D("10")
    )
    assert benefit_problems(ok) == []


def test_figures_typed_as_text():
    inputs, problems = parse_figures(
        BenefitInputs(investment=D("5")),
        {
            "平均库存金额": "3,000万",
            "carrying-cost-rate": "25%",
            "Gross margin": "３０",
            "investment": "",
            "receivables": "¥1,234.50",
        },
    )
    assert problems == []
    assert inputs.inventory_value == D("30000000")
    assert inputs.carrying_cost_rate == D("25") and inputs.margin == D("30")
    assert inputs.investment is None  # cleared: the quote's total again
    assert inputs.receivables == D("1234.50")
    inputs, problems = parse_figures(BenefitInputs(), {"margin": "abc", "nonsense": "1"})
    assert [p.code for p in problems] == ["margin.not_a_number", "figure.unknown"]
    assert problems[0].params == {"field": "Gross margin", "field_zh": "毛利率", "value": "abc"}
    assert inputs == BenefitInputs()


def test_inputs_round_trip_as_exact_text():
    data = FULL.as_dict()
    assert data["receivables"] == "25000000" and data["production_cost_reduction"] == "1.5"
    assert BenefitInputs.from_dict(data) == FULL
    assert BenefitInputs.from_dict({"investment": None, "unknown": "1"}) == BenefitInputs()
    assert len(data) == len(FIGURES)


def test_six_intangible_benefits_in_both_languages():
    assert len(INTANGIBLE_BENEFITS) == 6
    for title, text in INTANGIBLE_BENEFITS:
        assert title.zh and title.en and text.zh and text.en
    assert INTANGIBLE_BENEFITS[0][0].zh == "改善内外部沟通"


@pytest.mark.parametrize(
    ("amount", "shown"),
    [(D("1234567.5"), "¥1,234,567.50"), (D("-150000"), "-¥150,000.00"), (D("0.005"), "¥0.01")],
)
def test_yuan(amount, shown):
    assert yuan(amount) == shown
