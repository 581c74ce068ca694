"""Forecast arithmetic: weighted amounts, the funnel report, the pipeline by
period, stage-to-stage conversion, stalled deals and health flags.

Money is exact: a deal's weighted amount is its amount times its
probability, rounded half-up to the fen, once; every total is the sum of
the deals' own amounts (never rounded again), so a column's total is the
sum of its cards to the fen.  Deleted deals count nowhere.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

from erpdesk.domain.customer import LabelledEnum
from erpdesk.domain.deal import Deal, DealStatus, MoveKind, StageChange
from erpdesk.domain.gates import days_in_stage, missing_worksheets
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.playbook import Playbook, WorksheetTemplate

FEN = Decimal("0.01")
ZERO = Decimal("0.00")
CURRENCY = "CNY"
NO_ACTIVITY_DAYS = 14
LOW_SCORE_PERCENT = 50
STALLED_DAYS = 30
NO_QUOTE_FROM_STAGE = 5


def weighted(amount: Decimal, probability: int) -> Decimal:
    """*amount* x *probability* %, rounded half-up to the fen."""
    return (amount * probability / 100).quantize(FEN, rounding=ROUND_HALF_UP)


def deal_weighted(deal: Deal) -> Decimal:
    """The deal's weighted amount: its own probability for an open deal,
    the whole amount when won, nothing when lost."""
    return weighted(deal.amount, deal.probability)


def money(amount: Decimal) -> str:
    """A decimal string with two places, never in exponent form."""
    return format(amount.quantize(FEN, rounding=ROUND_HALF_UP), "f")


# --- health flags -------------------------------------------------------------


class HealthFlag(LabelledEnum):
    """What a card on the board warns about."""

    NO_ACTIVITY = (
        "no_activity",
        QT_TRANSLATE_NOOP("Domain", "No activity for 14 days"),
        "14天无跟进",
    )
    CLOSE_DATE_PASSED = (
        "close_date_passed",
        QT_TRANSLATE_NOOP("Domain", "Close date passed"),
        "成交日期已过",
    )
    NO_QUOTE = (
        "no_quote",
        QT_TRANSLATE_NOOP("Domain", "Stage 5 or later without a quote"),
        "缺少报价",
    )
    LOW_SCORE = ("low_score", QT_TRANSLATE_NOOP("Domain", "Low assessment score"), "评估得分低")
    MISSING_WORKSHEET = (
        "missing_worksheet",
        QT_TRANSLATE_NOOP("Domain", "A required worksheet is missing"),
        "缺少必填分析表",
    )


@dataclass(frozen=True)
class DealFacts:
    """What the health flags look at besides the deal: the time of the last
    activity with the customer, whether the deal has a quote, the template
    codes of the worksheets of the deal and its customer, and the percent of
    the lowest assessment score sheet (None without one).  ``low_verdict``
    is true when a score sheet's verdict is its template's lowest
    (``is_lowest_verdict``)."""

    deal: Deal
    last_activity_at: datetime | None
    has_quote: bool
    worksheets: frozenset[str]
    assessment_percent: int | None
    low_verdict: bool = False


def is_lowest_verdict(template: WorksheetTemplate, verdict_code: str | None) -> bool:
    """Is *verdict_code* the template's lowest verdict (the one from 0 %)?"""
    if verdict_code is None or not template.verdicts:
        return False
    lowest = min(template.verdicts, key=lambda v: v.min_percent)
    return verdict_code == lowest.code


def _local_date(when: datetime) -> date:
    return when.astimezone().date() if when.tzinfo is not None else when.date()


def health_flags(facts: DealFacts, playbook: Playbook, today: date) -> frozenset[HealthFlag]:
    """The warnings of an open deal (a closed or deleted deal has none)."""
    deal = facts.deal
    if not deal.is_open or deal.deleted:
        return frozenset()
    flags: set[HealthFlag] = set()
    last = facts.last_activity_at or deal.created_at
    if (today - _local_date(last)).days >= NO_ACTIVITY_DAYS:
        flags.add(HealthFlag.NO_ACTIVITY)
    if deal.close_date is not None and deal.close_date < today:
        flags.add(HealthFlag.CLOSE_DATE_PASSED)
    if deal.stage >= NO_QUOTE_FROM_STAGE and not facts.has_quote:
        flags.add(HealthFlag.NO_QUOTE)
    if facts.low_verdict or (
        facts.assessment_percent is not None and facts.assessment_percent < LOW_SCORE_PERCENT
    ):
        flags.add(HealthFlag.LOW_SCORE)
    if 1 <= deal.stage <= len(playbook.stages) and missing_worksheets(
        playbook.stages[: deal.stage], facts.worksheets
    ):
        flags.add(HealthFlag.MISSING_WORKSHEET)
    return frozenset(flags)


# --- the funnel report ----------------------------------------------------------


@dataclass(frozen=True)
class StageTotal:
    """Open deals in one stage."""

    stage: int
    code: str
    probability: int  # the stage's default
    count: int
    amount: Decimal
    weighted: Decimal


@dataclass(frozen=True)
class Totals:
    count: int
    amount: Decimal
    weighted: Decimal  # won: the amount; lost: 0


@dataclass(frozen=True)
class FunnelReport:
    """Open deals per stage, all open deals, won and lost."""

    stages: tuple[StageTotal, ...]
    open: Totals
    won: Totals
    lost: Totals


def funnel_report(deals: Iterable[Deal], playbook: Playbook) -> FunnelReport:
    """Counts and sums of *deals* per stage and status (deleted ones left out)."""
    n = len(playbook.stages)
    count = [0] * (n + 1)
    amount = [ZERO] * (n + 1)
    weight = [ZERO] * (n + 1)
    closed: dict[DealStatus, list[Any]] = {
        DealStatus.WON: [0, ZERO],
        DealStatus.LOST: [0, ZERO],
    }
    for deal in deals:
        if deal.deleted:
            continue
        if deal.is_open:
            if not 1 <= deal.stage <= n:
                continue
            count[deal.stage] += 1
            amount[deal.stage] += deal.amount
            weight[deal.stage] += deal_weighted(deal)
        else:
            closed[deal.status][0] += 1
            closed[deal.status][1] += deal.amount
    stages = tuple(
        StageTotal(
            s.number, s.code, s.probability, count[s.number], amount[s.number], weight[s.number]
        )
        for s in playbook.stages
    )
    won_count, won_amount = closed[DealStatus.WON]
    lost_count, lost_amount = closed[DealStatus.LOST]
    return FunnelReport(
        stages=stages,
        open=Totals(sum(count), sum(amount, ZERO), sum(weight, ZERO)),
        won=Totals(won_count, won_amount, won_amount),
        lost=Totals(lost_count, lost_amount, ZERO),
    )


def funnel_json(report: FunnelReport, playbook: Playbook, language: str) -> dict[str, Any]:
    """The report as ``erpdesk report funnel --json`` prints it: amounts as
    decimal strings with two places, stage names in *language*."""
    return {
        "currency": CURRENCY,
        "stages": [
            {
                "stage": row.stage,
                "code": row.code,
                "name": playbook.stage(row.stage).names.text(language),
                "count": row.count,
                "amount": money(row.amount),
                "probability": row.probability,
                "weighted": money(row.weighted),
            }
            for row in report.stages
        ],
        "open": {
            "count": report.open.count,
            "amount": money(report.open.amount),
            "weighted": money(report.open.weighted),
        },
        "won": {"count": report.won.count, "amount": money(report.won.amount)},
        "lost": {"count": report.lost.count, "amount": money(report.lost.amount)},
    }


# --- the pipeline by period ------------------------------------------------------

Period = Literal["month", "quarter"]


@dataclass(frozen=True)
class PeriodRow:
    """One month ("2026-05") or quarter ("2026-Q2"): open deals expected to
    close in it (count, amount, weighted), and deals won and lost in it."""

    period: str
    start: date
    open_count: int = 0
    open_amount: Decimal = ZERO
    weighted: Decimal = ZERO
    won_count: int = 0
    won_amount: Decimal = ZERO
    lost_count: int = 0
    lost_amount: Decimal = ZERO


def period_start(day: date, period: Period) -> date:
    """The first day of *day*'s month or quarter."""
    if period == "month":
        return day.replace(day=1)
    if period == "quarter":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    raise ValueError(f"unknown period {period!r}")


def period_label(start: date, period: Period) -> str:
    if period == "month":
        return f"{start.year}-{start.month:02d}"
    return f"{start.year}-Q{(start.month - 1) // 3 + 1}"


def _next_start(start: date, period: Period) -> date:
    step = 1 if period == "month" else 3
    month = start.month - 1 + step
    return date(start.year + month // 12, month % 12 + 1, 1)


def forecast_by_period(deals: Iterable[Deal], period: Period) -> list[PeriodRow]:
    """The weighted pipeline, won and lost per month or quarter, oldest first,
    with no gaps between the first and the last period.

    An open deal counts in the period of its expected close date (one
    without a close date is left out: it has no period); a closed deal in
    the period it was closed (``closed_at``, local date; else its close
    date)."""
    sums: dict[date, list[Any]] = defaultdict(lambda: [0, ZERO, ZERO, 0, ZERO, 0, ZERO])
    for deal in deals:
        if deal.deleted:
            continue
        if deal.is_open:
            if deal.close_date is None:
                continue
            row = sums[period_start(deal.close_date, period)]
            row[0] += 1
            row[1] += deal.amount
            row[2] += deal_weighted(deal)
            continue
        day = _local_date(deal.closed_at) if deal.closed_at else deal.close_date
        if day is None:
            continue
        row = sums[period_start(day, period)]
        offset = 3 if deal.status is DealStatus.WON else 5
        row[offset] += 1
        row[offset + 1] += deal.amount
    if not sums:
        return []
    out = []
    start, last = min(sums), max(sums)
    while start <= last:
        values = sums.get(start, [0, ZERO, ZERO, 0, ZERO, 0, ZERO])
        out.append(PeriodRow(period_label(start, period), start, *values))
        start = _next_start(start, period)
    return out


# --- conversion and days per stage ------------------------------------------------


@dataclass(frozen=True)
class ConversionRow:
    """Of the deals that entered a stage, how many later got further (a
    later stage or won), the rate in percent (one decimal; None when none
    entered), and the average days a stay in the stage lasted (completed
    stays only; None without one)."""

    stage: int
    code: str
    entered: int
    converted: int
    rate: Decimal | None
    average_days: Decimal | None
    stays: int


_ENTERS = (MoveKind.CREATED, MoveKind.FORWARD, MoveKind.BACK, MoveKind.REOPENED)
WON_LEVEL = 10**6  # "beyond every stage", for a close won


def conversion(changes: Iterable[StageChange], playbook: Playbook) -> list[ConversionRow]:
    """Stage-to-stage conversion and average days per stage from the stage
    history of any number of deals (deleted changes left out)."""
    by_deal: dict[str, list[StageChange]] = defaultdict(list)
    for change in changes:
        if not change.deleted:
            by_deal[change.deal_id].append(change)
    n = len(playbook.stages)
    entered = [0] * (n + 1)
    converted = [0] * (n + 1)
    spent = [timedelta(0)] * (n + 1)
    stays = [0] * (n + 1)
    for history in by_deal.values():
        history.sort(key=lambda c: (c.at, c.created_at))
        first_entry: dict[int, int] = {}
        # The highest level reached after each position (stage, or won).
        for i, change in enumerate(history):
            if change.kind in _ENTERS and 1 <= change.to_stage <= n:
                first_entry.setdefault(change.to_stage, i)
                following = history[i + 1] if i + 1 < len(history) else None
                if following is not None:
                    spent[change.to_stage] += following.at - change.at
                    stays[change.to_stage] += 1
        levels = [_level(c, n) for c in history]
        for stage, index in first_entry.items():
            entered[stage] += 1
            if any(level > stage for level in levels[index + 1 :]):
                converted[stage] += 1
    rows = []
    for s in playbook.stages:
        k = s.number
        rate = (
            (Decimal(converted[k] * 100) / entered[k]).quantize(
                Decimal("0.1"), rounding=ROUND_HALF_UP
            )
            if entered[k]
            else None
        )
        average = (
            (_days(spent[k]) / stays[k]).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            if stays[k]
            else None
        )
        rows.append(ConversionRow(k, s.code, entered[k], converted[k], rate, average, stays[k]))
    return rows


def _days(span: timedelta) -> Decimal:
    """*span* in days, exactly."""
    return Decimal(span.days) + (Decimal(span.seconds) + Decimal(span.microseconds) / 10**6) / 86400


def _level(change: StageChange, n: int) -> int:
    if change.kind is MoveKind.WON:
        return WON_LEVEL
    if change.kind in _ENTERS and 1 <= change.to_stage <= n:
        return change.to_stage
    return 0


# --- stalled deals ----------------------------------------------------------------


def stalled(deals: Iterable[Deal], today: date, days: int = STALLED_DAYS) -> list[Deal]:
    """Open deals in their stage for more than *days* days, longest first."""
    found = [
        (in_stage, deal)
        for deal in deals
        if deal.is_open and not deal.deleted and (in_stage := days_in_stage(deal, today)) > days
    ]
    found.sort(key=lambda pair: -pair[0])
    return [deal for _, deal in found]
