"""The ERP benefit model (ERP 的经济效益模式): what a proposal argues with
the customer's own figures.

Tangible benefits (有形效益), each a yearly amount in CNY computed exactly in
``Decimal`` and rounded half-up to the fen once, per line:

- lower inventory: inventory value × reduction % × carrying cost rate %
  (the cost of holding the stock no longer held: capital, storage,
  obsolescence, insurance);
- lower production cost: annual production cost × reduction %;
- higher productivity: cost of the staff concerned × productivity gain %;
- higher equipment utilisation: annual cost of the production equipment ×
  utilisation gain % (capacity gained without buying more equipment);
- shorter production cycle: average work in process × cycle reduction % ×
  carrying cost rate % (work in process shrinks with the cycle);
- larger market share / faster time to market: annual revenue × revenue
  growth % × gross margin %;
- fewer receivables: annual revenue ÷ 365 × days reduced × cost of capital %
  (the financing cost of the cash released);
- more payables: annual purchases ÷ 365 × days gained × cost of capital %.

The annual benefit is the sum of the lines as printed; the net annual
benefit subtracts the annual running cost (maintenance).  Over N years
(default 3): ROI % = (net annual benefit × N − investment) ÷ investment ×
100, rounded half-up to 0.1; payback months = investment ÷ net annual
benefit × 12, rounded half-up to 0.1 month, none when the net benefit is
not positive or there is no investment.

Every figure is optional: a line whose figures are missing is zero.  The
assumptions the result lists (rates, days, the cash released once) are
printed under the benefit table, so the customer can check each number.
The intangible benefits (无形效益) are the six bilingual constants below.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from decimal import ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum
from typing import Any

from erpdesk.domain.deal_rules import parse_amount
from erpdesk.domain.errors import Problem
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.playbook import Names

FEN = Decimal("0.01")
TENTH = Decimal("0.1")
HUNDRED = Decimal(100)
DAYS_A_YEAR = Decimal(365)
DEFAULT_YEARS = 3
MAX_YEARS = 10
# Below one trillion yuan, as every amount of the desk (deal_rules.MAX_AMOUNT).
MAX_AMOUNT = Decimal(10) ** 12

NEGATIVE = QT_TRANSLATE_NOOP("Domain", "{field} cannot be negative ({value})")
NOT_PERCENT = QT_TRANSLATE_NOOP("Domain", "{field} must be a percentage from 0 to 100, not {value}")
NOT_DAYS = QT_TRANSLATE_NOOP("Domain", "{field} must be from 0 to 365 days, not {value}")
TOO_LARGE = QT_TRANSLATE_NOOP("Domain", "{field}: {value} is too large; it must be below {max}")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("Domain", '{field}: "{value}" is not a number')
MORE_DAYS_THAN_HELD = QT_TRANSLATE_NOOP(
    "Domain",
    "{field}: the receivables are {current} days of revenue today, so they cannot fall "
    "by {value} days",
)
BAD_YEARS = QT_TRANSLATE_NOOP(
    "Domain",
    "The return on investment is counted over 1 to {max} whole years, not {value}",
)
UNKNOWN_FIGURE = QT_TRANSLATE_NOOP(
    "Domain", 'There is no benefit figure "{key}"; the figures are: {known}'
)


class Kind(StrEnum):
    """What an input holds: an amount in CNY, a percentage or a number of days."""

    MONEY = "money"
    PERCENT = "percent"
    DAYS = "days"


@dataclass(frozen=True)
class Figure:
    """One input of the model: its field name, its bilingual label, its kind."""

    code: str
    names: Names
    kind: Kind


# The inputs in the order a form (and the printed assumptions) shows them.
FIGURES: tuple[Figure, ...] = (
    Figure("annual_revenue", Names("年销售收入", "Annual revenue"), Kind.MONEY),
    Figure("inventory_value", Names("平均库存金额", "Average inventory value"), Kind.MONEY),
    Figure("inventory_reduction", Names("库存降低比例", "Inventory reduction"), Kind.PERCENT),
    Figure(
        "carrying_cost_rate", Names("库存持有成本率", "Inventory carrying cost rate"), Kind.PERCENT
    ),
    Figure("production_cost", Names("年生产成本", "Annual production cost"), Kind.MONEY),
    Figure(
        "production_cost_reduction",
        Names("生产成本降低比例", "Production cost reduction"),
        Kind.PERCENT,
    ),
    Figure(
        "staff_cost", Names("相关人员年人工成本", "Annual cost of the staff concerned"), Kind.MONEY
    ),
    Figure("productivity_gain", Names("劳动生产率提高比例", "Productivity gain"), Kind.PERCENT),
    Figure(
        "equipment_cost",
        Names("生产设备年使用成本", "Annual cost of the production equipment"),
        Kind.MONEY,
    ),
    Figure(
        "utilisation_gain", Names("设备利用率提高比例", "Equipment utilisation gain"), Kind.PERCENT
    ),
    Figure("wip_value", Names("平均在制品金额", "Average work in process"), Kind.MONEY),
    Figure(
        "cycle_reduction", Names("生产周期缩短比例", "Production cycle reduction"), Kind.PERCENT
    ),
    Figure(
        "revenue_growth",
        Names("新品上市加快带来的收入增长", "Revenue growth from faster time to market"),
        Kind.PERCENT,
    ),
    Figure("margin", Names("毛利率", "Gross margin"), Kind.PERCENT),
    Figure("receivables", Names("应收账款余额", "Receivables balance"), Kind.MONEY),
    Figure(
        "receivable_days_reduced",
        Names("应收账款周转天数减少", "Days of receivables reduced"),
        Kind.DAYS,
    ),
    Figure("annual_purchases", Names("年采购金额", "Annual purchases"), Kind.MONEY),
    Figure("payables", Names("应付账款余额", "Payables balance"), Kind.MONEY),
    Figure(
        "payable_days_gained",
        Names("应付账款付款周期延长天数", "Days of payables gained"),
        Kind.DAYS,
    ),
    Figure("cost_of_capital", Names("资金成本率", "Cost of capital"), Kind.PERCENT),
    Figure("investment", Names("项目总投资", "Investment"), Kind.MONEY),
    Figure("running_cost", Names("年运行维护费用", "Annual running cost"), Kind.MONEY),
)
FIGURE_BY_CODE = {f.code: f for f in FIGURES}


@dataclass(frozen=True)
class BenefitInputs:
    """The customer's figures (CNY; percentages as ``Decimal("20")`` for
    20 %; days as whole or decimal days).  Every figure is optional (zero).
    ``investment`` None means "the quote's total" (the service fills it with
    ``with_investment``); the model counts None as zero."""

    annual_revenue: Decimal = Decimal(0)
    inventory_value: Decimal = Decimal(0)
    inventory_reduction: Decimal = Decimal(0)
    carrying_cost_rate: Decimal = Decimal(20)
    production_cost: Decimal = Decimal(0)
    production_cost_reduction: Decimal = Decimal(0)
    staff_cost: Decimal = Decimal(0)
    productivity_gain: Decimal = Decimal(0)
    equipment_cost: Decimal = Decimal(0)
    utilisation_gain: Decimal = Decimal(0)
    wip_value: Decimal = Decimal(0)
    cycle_reduction: Decimal = Decimal(0)
    revenue_growth: Decimal = Decimal(0)
    margin: Decimal = Decimal(0)
    receivables: Decimal = Decimal(0)
    receivable_days_reduced: Decimal = Decimal(0)
    annual_purchases: Decimal = Decimal(0)
    payables: Decimal = Decimal(0)
    payable_days_gained: Decimal = Decimal(0)
    cost_of_capital: Decimal = Decimal(6)
    investment: Decimal | None = None
    running_cost: Decimal = Decimal(0)

    def as_dict(self) -> dict[str, str | None]:
        """The figures as exact decimal text (JSON, the outbox)."""
        out: dict[str, str | None] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = None if value is None else format(value, "f")
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BenefitInputs:
        """Inputs from ``as_dict``'s shape; unknown keys are ignored (a
        newer desk's figure), a missing key takes the default."""
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                continue
            if value is None or value == "":
                values[key] = None if key == "investment" else Decimal(0)
            else:
                values[key] = Decimal(str(value))
        return cls(**values)


class Category(StrEnum):
    """The benefit model's three kinds of tangible benefit."""

    COST = "cost"  # 节流
    REVENUE = "revenue"  # 开源
    CASH = "cash"  # 资金


CATEGORY_NAMES = {
    Category.COST: Names("节流：降低成本", "Cost saving"),
    Category.REVENUE: Names("开源：增加收入", "Revenue"),
    Category.CASH: Names("资金：改善现金流", "Cash"),
}


@dataclass(frozen=True)
class BenefitLine:
    """One tangible benefit: its code, name, category, the formula with the
    customer's figures in both languages, and its yearly amount (to the fen)."""

    code: str
    names: Names
    category: Category
    formula: Names
    amount: Decimal

    def text(self, language: str) -> str:
        return self.names.text(language)


@dataclass(frozen=True)
class BenefitResult:
    """The model's result.  ``lines`` are the eight tangible benefits in a
    fixed order (zero when their figures are missing); ``roi_percent`` is
    over ``years`` and None without an investment; ``payback_months`` None
    when the net annual benefit is not positive or there is no investment."""

    lines: tuple[BenefitLine, ...]
    annual_benefit: Decimal
    running_cost: Decimal
    net_annual_benefit: Decimal
    investment: Decimal
    years: int
    total_net_benefit: Decimal
    roi_percent: Decimal | None
    payback_months: Decimal | None
    assumptions: tuple[Names, ...]

    @property
    def counted(self) -> tuple[BenefitLine, ...]:
        """The lines with an amount (the ones worth printing)."""
        return tuple(line for line in self.lines if line.amount)

    def assumption_lines(self, language: str) -> list[str]:
        return [a.text(language) for a in self.assumptions]


# The six intangible benefits (无形效益): a title and a sentence each.
INTANGIBLE_BENEFITS: tuple[tuple[Names, Names], ...] = (
    (
        Names("改善内外部沟通", "Better internal and external communication"),
        Names(
            "各部门在同一平台上共享实时、一致的数据，减少重复录入与信息孤岛；"
            "与客户、供应商的往来信息准确及时，协同更顺畅。",
            "Every department works on one platform with the same real-time data, "
            "without re-keying or islands of information; customers and suppliers get "
            "accurate answers on time.",
        ),
    ),
    (
        Names("快速响应市场变化", "Faster response to market change"),
        Names(
            "销售、库存与产能信息一目了然，管理层能够及时调整计划与策略，"
            "抓住市场机会、规避经营风险。",
            "Sales, stock and capacity are visible at a glance, so management adjusts "
            "plans and strategy in time to seize opportunities and avoid risks.",
        ),
    ),
    (
        Names("提升员工士气", "Higher staff morale"),
        Names(
            "规范的流程和自动化的工具把员工从繁琐的手工统计中解放出来，"
            "职责清晰、绩效可衡量，员工更有成就感。",
            "Clear processes and automated tools free people from tedious manual "
            "bookkeeping; responsibilities are clear and performance measurable.",
        ),
    ),
    (
        Names("提高客户满意度", "Higher customer satisfaction"),
        Names(
            "交期承诺更准确、订单执行可跟踪、问题响应更及时，客户体验明显改善。",
            "Reliable delivery promises, traceable orders and quicker answers give "
            "customers a noticeably better experience.",
        ),
    ),
    (
        Names("树立专业形象", "A professional image"),
        Names(
            "以现代化的管理体系面对客户、合作伙伴和投资者，展现企业的规范与实力。",
            "A modern management system shows customers, partners and investors a "
            "well-run, capable company.",
        ),
    ),
    (
        Names("增强竞争地位", "A stronger competitive position"),
        Names(
            "以更低的成本、更短的周期和更好的服务形成差异化优势，巩固并扩大市场地位。",
            "Lower costs, shorter cycles and better service set the company apart and "
            "strengthen its place in the market.",
        ),
    ),
)


# -- formatting (numbers read the same in both languages) --------------------


def yuan(amount: Decimal) -> str:
    """``¥1,234,567.50`` (``-¥150,000.00`` below zero)."""
    shown = amount.quantize(FEN, rounding=ROUND_HALF_UP)
    sign = "-" if shown < 0 else ""
    return f"{sign}¥{abs(shown):,.2f}"


def number(value: Decimal) -> str:
    """A percentage or a count of days without trailing zeros: 12.5, 20, 0.25."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def percent(value: Decimal) -> str:
    return f"{number(value)}%"


# -- the model -----------------------------------------------------------------


def _fen(value: Decimal) -> Decimal:
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def _line(
    code: str, names: Names, category: Category, amount: Decimal, zh: str, en: str
) -> BenefitLine:
    return BenefitLine(code, names, category, Names(zh, en), _fen(amount))


def _lines(i: BenefitInputs) -> tuple[BenefitLine, ...]:
    y, p = yuan, percent
    # Each amount is one exact expression with a single division at its end,
    # so the half-up rounding to the fen is the only rounding of a line.
    return (
        _line(
            "inventory", Names("降低库存", "Lower inventory"), Category.COST,
            i.inventory_value * i.inventory_reduction * i.carrying_cost_rate / 10_000,
            f"平均库存 {y(i.inventory_value)} × 库存降低 {p(i.inventory_reduction)} × "
            f"持有成本率 {p(i.carrying_cost_rate)}",
            f"inventory {y(i.inventory_value)} × reduction {p(i.inventory_reduction)} × "
            f"carrying cost {p(i.carrying_cost_rate)}",
        ),
        _line(
            "production_cost", Names("降低生产成本", "Lower production cost"), Category.COST,
            i.production_cost * i.production_cost_reduction / HUNDRED,
            f"年生产成本 {y(i.production_cost)} × 降低 {p(i.production_cost_reduction)}",
            f"production cost {y(i.production_cost)} × reduction "
            f"{p(i.production_cost_reduction)}",
        ),
        _line(
            "productivity", Names("提高劳动生产率", "Higher productivity"), Category.COST,
            i.staff_cost * i.productivity_gain / HUNDRED,
            f"相关人员人工成本 {y(i.staff_cost)} × 生产率提高 {p(i.productivity_gain)}",
            f"staff cost {y(i.staff_cost)} × productivity gain {p(i.productivity_gain)}",
        ),
        _line(
            "equipment", Names("提高设备利用率", "Higher equipment utilisation"), Category.COST,
            i.equipment_cost * i.utilisation_gain / HUNDRED,
            f"设备年使用成本 {y(i.equipment_cost)} × 利用率提高 {p(i.utilisation_gain)}",
            f"equipment cost {y(i.equipment_cost)} × utilisation gain {p(i.utilisation_gain)}",
        ),
        _line(
            "cycle", Names("缩短生产周期", "Shorter production cycle"), Category.COST,
            i.wip_value * i.cycle_reduction * i.carrying_cost_rate / 10_000,
            f"在制品 {y(i.wip_value)} × 周期缩短 {p(i.cycle_reduction)} × "
            f"持有成本率 {p(i.carrying_cost_rate)}",
            f"work in process {y(i.wip_value)} × cycle reduction {p(i.cycle_reduction)} × "
            f"carrying cost {p(i.carrying_cost_rate)}",
        ),
        _line(
            "market",
            Names("扩大市场份额、加快新品上市", "Larger market share, faster time to market"),
            Category.REVENUE,
            i.annual_revenue * i.revenue_growth * i.margin / 10_000,
            f"年销售收入 {y(i.annual_revenue)} × 收入增长 {p(i.revenue_growth)} × "
            f"毛利率 {p(i.margin)}",
            f"revenue {y(i.annual_revenue)} × growth {p(i.revenue_growth)} × "
            f"margin {p(i.margin)}",
        ),
        _line(
            "receivables", Names("减少应收账款", "Fewer receivables"), Category.CASH,
            i.annual_revenue * i.receivable_days_reduced * i.cost_of_capital / 36_500,
            f"年销售收入 {y(i.annual_revenue)} ÷ 365 × 减少 {number(i.receivable_days_reduced)} "
            f"天 × 资金成本率 {p(i.cost_of_capital)}",
            f"revenue {y(i.annual_revenue)} ÷ 365 × {number(i.receivable_days_reduced)} days "
            f"fewer × cost of capital {p(i.cost_of_capital)}",
        ),
        _line(
            "payables", Names("增加应付账款", "More payables"), Category.CASH,
            i.annual_purchases * i.payable_days_gained * i.cost_of_capital / 36_500,
            f"年采购金额 {y(i.annual_purchases)} ÷ 365 × 延长 {number(i.payable_days_gained)} "
            f"天 × 资金成本率 {p(i.cost_of_capital)}",
            f"purchases {y(i.annual_purchases)} ÷ 365 × {number(i.payable_days_gained)} days "
            f"more × cost of capital {p(i.cost_of_capital)}",
        ),
    )  # fmt: skip


def _assumptions(
    i: BenefitInputs, years: int, lines: tuple[BenefitLine, ...], investment: Decimal
) -> tuple[Names, ...]:
    amounts = {line.code: line.amount for line in lines}
    out: list[Names] = []
    if amounts["inventory"] or amounts["cycle"]:
        out.append(
            Names(
                f"库存持有成本率按 {percent(i.carrying_cost_rate)} 计"
                "（资金占用、仓储、损耗与保险）。",
                f"Inventory carrying cost is taken as {percent(i.carrying_cost_rate)} a year "
                "(capital, storage, obsolescence and insurance).",
            )
        )
    if amounts["receivables"] or amounts["payables"]:
        out.append(
            Names(
                f"资金成本率按 {percent(i.cost_of_capital)} 计，一年按 365 天计。",
                f"Cost of capital is taken as {percent(i.cost_of_capital)} a year; a year has "
                "365 days.",
            )
        )
    if amounts["receivables"]:
        released = _fen(i.annual_revenue * i.receivable_days_reduced / DAYS_A_YEAR)
        out.append(
            Names(
                f"应收账款周转天数减少 {number(i.receivable_days_reduced)} 天，一次性释放资金 "
                f"{yuan(released)}；年效益为这笔资金的资金成本。",
                f"Collecting {number(i.receivable_days_reduced)} days sooner releases "
                f"{yuan(released)} of cash once; the yearly benefit is what that cash costs.",
            )
        )
        if i.receivables and i.annual_revenue:
            current = (i.receivables * DAYS_A_YEAR / i.annual_revenue).quantize(
                TENTH, rounding=ROUND_HALF_UP
            )
            out.append(
                Names(
                    f"当前应收账款余额 {yuan(i.receivables)}，约合 {number(current)} 天销售收入。",
                    f"Receivables today: {yuan(i.receivables)}, about {number(current)} days "
                    "of revenue.",
                )
            )
    if amounts["payables"]:
        kept = _fen(i.annual_purchases * i.payable_days_gained / DAYS_A_YEAR)
        out.append(
            Names(
                f"应付账款付款周期延长 {number(i.payable_days_gained)} 天，相当于多占用供应商资金 "
                f"{yuan(kept)}。",
                f"Paying {number(i.payable_days_gained)} days later keeps {yuan(kept)} of "
                "suppliers' credit.",
            )
        )
        if i.payables and i.annual_purchases:
            current = (i.payables * DAYS_A_YEAR / i.annual_purchases).quantize(
                TENTH, rounding=ROUND_HALF_UP
            )
            out.append(
                Names(
                    f"当前应付账款余额 {yuan(i.payables)}，约合 {number(current)} 天采购金额。",
                    f"Payables today: {yuan(i.payables)}, about {number(current)} days of "
                    "purchases.",
                )
            )
    if amounts["market"]:
        out.append(
            Names(
                f"新增收入按毛利率 {percent(i.margin)} 折算为利润，只计入利润部分。",
                f"New revenue counts only at its gross margin of {percent(i.margin)}.",
            )
        )
    out.append(
        Names(
            f"项目总投资 {yuan(investment)}，年运行维护费用 {yuan(i.running_cost)}，"
            f"投资回报率按 {years} 年计算。",
            f"Investment {yuan(investment)}, annual running cost {yuan(i.running_cost)}; "
            f"the return on investment is counted over {years} years.",
        )
    )
    out.append(
        Names(
            "各项效益以贵公司提供的数据和行业经验比例估算，实际效益取决于项目范围、"
            "实施质量与管理改进的落实情况。",
            "Each benefit is estimated from your own figures and industry experience; what "
            "is achieved depends on the scope, the quality of the implementation and the "
            "management changes that go with it.",
        )
    )
    return tuple(out)


def benefit_model(inputs: BenefitInputs, *, years: int = DEFAULT_YEARS) -> BenefitResult:
    """The benefit lines, annual and net benefit, ROI over *years* and the
    payback period of *inputs* (see the module's formulas).  *inputs* are
    expected to be free of ``benefit_problems``."""
    with localcontext() as ctx:
        ctx.prec = 40  # far beyond any figure below one trillion yuan
        lines = _lines(inputs)
        annual = sum((line.amount for line in lines), Decimal("0.00"))
        running = _fen(inputs.running_cost)
        net = annual - running
        investment = _fen(inputs.investment or Decimal(0))
        total_net = net * years
        roi: Decimal | None = None
        payback: Decimal | None = None
        if investment > 0:
            roi = ((total_net - investment) * HUNDRED / investment).quantize(
                TENTH, rounding=ROUND_HALF_UP
            )
            if net > 0:
                payback = (investment * 12 / net).quantize(TENTH, rounding=ROUND_HALF_UP)
        return BenefitResult(
            lines=lines,
            annual_benefit=annual,
            running_cost=running,
            net_annual_benefit=net,
            investment=investment,
            years=years,
            total_net_benefit=total_net,
            roi_percent=roi,
            payback_months=payback,
            assumptions=_assumptions(inputs, years, lines, investment),
        )


def with_investment(inputs: BenefitInputs, quote_total: Decimal | None) -> BenefitInputs:
    """*inputs* with the investment taken from the quote's total when none
    was typed."""
    if inputs.investment is not None or quote_total is None:
        return inputs
    return replace(inputs, investment=quote_total)


# -- checking and reading ------------------------------------------------------


def _labels(figure: Figure) -> dict[str, str]:
    return {"field": figure.names.en, "field_zh": figure.names.zh}


def benefit_problems(inputs: BenefitInputs, *, years: int = DEFAULT_YEARS) -> list[Problem]:
    """Every problem of *inputs*: a negative or too large figure, a
    percentage outside 0..100, days outside 0..365, receivable days reduced
    beyond the days the receivables stand for, and *years* outside 1..10."""
    problems: list[Problem] = []
    for figure in FIGURES:
        value = getattr(inputs, figure.code)
        if value is None:
            continue
        params = {**_labels(figure), "value": number(value) if value.is_finite() else str(value)}
        code = figure.code
        if not value.is_finite():
            problems.append(Problem(code, f"{code}.not_a_number", NOT_A_NUMBER, params))
        elif value < 0:
            problems.append(Problem(code, f"{code}.negative", NEGATIVE, params))
        elif figure.kind is Kind.PERCENT and value > HUNDRED:
            problems.append(Problem(code, f"{code}.not_percent", NOT_PERCENT, params))
        elif figure.kind is Kind.DAYS and value > DAYS_A_YEAR:
            problems.append(Problem(code, f"{code}.not_days", NOT_DAYS, params))
        elif figure.kind is Kind.MONEY and value >= MAX_AMOUNT:
            problems.append(
                Problem(code, f"{code}.too_large", TOO_LARGE, {**params, "max": yuan(MAX_AMOUNT)})
            )
    reduced = inputs.receivable_days_reduced
    if (
        inputs.receivables > 0
        and inputs.annual_revenue > 0
        and reduced.is_finite()
        and 0 < reduced <= DAYS_A_YEAR
        and not any(p.field in ("receivables", "annual_revenue") for p in problems)
    ):
        current = inputs.receivables * DAYS_A_YEAR / inputs.annual_revenue
        if reduced > current:
            figure = FIGURE_BY_CODE["receivable_days_reduced"]
            shown = current.quantize(TENTH, rounding=ROUND_HALF_UP)
            problems.append(
                Problem(
                    figure.code,
                    f"{figure.code}.beyond_balance",
                    MORE_DAYS_THAN_HELD,
                    {**_labels(figure), "value": number(reduced), "current": number(shown)},
                )
            )
    if not 1 <= years <= MAX_YEARS:
        problems.append(
            Problem("years", "years.invalid", BAD_YEARS, {"value": years, "max": MAX_YEARS})
        )
    return problems


def parse_figures(
    inputs: BenefitInputs, values: Mapping[str, str]
) -> tuple[BenefitInputs, list[Problem]]:
    """*inputs* with figures typed as text (``{"inventory_value": "800万",
    "carrying_cost_rate": "20%"}``); a key is a figure's code or its zh_CN
    or English name.  An empty value clears the figure (the investment goes
    back to the quote's total).  Returns the new inputs and the problems of
    the text (unknown figure, not a number); range checks are
    ``benefit_problems``'."""
    changes: dict[str, Decimal | None] = {}
    problems: list[Problem] = []
    for key, text in values.items():
        figure = find_figure(key)
        if figure is None:
            known = ", ".join(f.code for f in FIGURES)
            problems.append(
                Problem(key, "figure.unknown", UNKNOWN_FIGURE, {"key": key, "known": known})
            )
            continue
        stripped = text.strip().rstrip("%％").strip()
        if not stripped:
            default = getattr(BenefitInputs(), figure.code)
            changes[figure.code] = default
            continue
        value = parse_amount(stripped)
        if value is None:
            problems.append(
                Problem(
                    figure.code,
                    f"{figure.code}.not_a_number",
                    NOT_A_NUMBER,
                    {**_labels(figure), "value": text},
                )
            )
            continue
        changes[figure.code] = value
    return replace(inputs, **changes), problems  # type: ignore[arg-type]


def find_figure(key: str) -> Figure | None:
    """The figure named by its code, zh_CN or English name (any case;
    dashes and spaces as underscores)."""
    plain = key.strip()
    code = plain.lower().replace("-", "_").replace(" ", "_")
    if code in FIGURE_BY_CODE:
        return FIGURE_BY_CODE[code]
    for figure in FIGURES:
        if plain == figure.names.zh or plain.lower() == figure.names.en.lower():
            return figure
    return None
