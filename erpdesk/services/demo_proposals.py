"""Demo proposals: every demo deal in stage 4 or later that has a quote gets
a stored proposal with the customer's own benefit figures (docs/proposals.md,
"Demo proposals").

The figures fit the customer: its annual revenue is the profile
worksheet's when the deal's batch has one, else drawn from its size band;
inventory, production cost, work in process, staff and equipment costs,
purchases, receivables and payables are shares of the revenue typical of
its industry (a distributor holds stock but has no production; a service
company has neither).  Not every customer gives every figure: inventory
and receivables always, the others now and then.  The improvements are the
ones ERP projects are sold on (inventory down 15-30 %, receivables collected
a week or three sooner …), then scaled so that the payback lands between
10 and 36 months of the quote's total where the figures allow it: a
proposal promising to pay for itself in weeks convinces no finance
director, one that never pays back sells nothing.

Deterministic for a seed (its own random streams, ids included); written
without outbox ops, as the demo deals and quotes are.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from erpdesk.domain.benefit import BenefitInputs, benefit_model, with_investment
from erpdesk.domain.customer import Customer, Industry, SizeBand
from erpdesk.domain.deal import Deal, Worksheet
from erpdesk.domain.proposal import Proposal
from erpdesk.domain.quote import Quote, quote_totals

if TYPE_CHECKING:
    from erpdesk.storage.uow import UnitOfWork

FROM_STAGE = 4
WAN = Decimal(10_000)
TENTH = Decimal("0.1")
# Annual revenue (万元) by size band, when no profile worksheet gives it.
REVENUE_WAN = {
    SizeBand.MICRO: (500, 2_000),
    SizeBand.SMALL: (2_000, 8_000),
    SizeBand.MEDIUM: (8_000, 30_000),
    SizeBand.LARGE: (30_000, 150_000),
    SizeBand.HUGE: (150_000, 600_000),
}


@dataclass(frozen=True)
class Shape:
    """An industry's balance sheet as shares of revenue (low, high)."""

    inventory: tuple[float, float]
    production: tuple[float, float]  # annual production cost; 0: no production
    wip: tuple[float, float]
    staff: tuple[float, float]
    equipment: tuple[float, float]
    purchases: tuple[float, float]
    margin: tuple[int, int]  # gross margin, percent
    receivable_days: tuple[int, int]


MAKER = Shape((0.12, 0.25), (0.55, 0.75), (0.03, 0.08), (0.06, 0.12), (0.03, 0.08),
              (0.45, 0.65), (15, 35), (60, 120))  # fmt: skip
PROCESS = Shape((0.08, 0.18), (0.60, 0.75), (0.02, 0.05), (0.04, 0.08), (0.06, 0.12),
                (0.50, 0.70), (18, 45), (45, 90))  # fmt: skip
TRADER = Shape((0.10, 0.20), (0, 0), (0, 0), (0.05, 0.10), (0.005, 0.01),
               (0.70, 0.85), (10, 22), (30, 75))  # fmt: skip
SERVICE = Shape((0.01, 0.03), (0, 0), (0, 0), (0.20, 0.35), (0.02, 0.06),
                (0.25, 0.40), (25, 45), (45, 100))  # fmt: skip
SHAPES = {
    Industry.MANUFACTURING: MAKER, Industry.MACHINERY: MAKER, Industry.ELECTRONICS: MAKER,
    Industry.AUTOMOTIVE: MAKER, Industry.TEXTILE: MAKER, Industry.BUILDING: MAKER,
    Industry.CHEMICALS: PROCESS, Industry.PHARMA: PROCESS, Industry.FOOD: PROCESS,
    Industry.RETAIL: TRADER, Industry.LOGISTICS: SERVICE, Industry.SERVICES: SERVICE,
    Industry.OTHER: MAKER,
}  # fmt: skip
# The percentages an ERP project improves (the ones scaled to a sober payback).
IMPROVEMENTS = (
    "inventory_reduction", "production_cost_reduction", "productivity_gain",
    "utilisation_gain", "cycle_reduction", "revenue_growth",
)  # fmt: skip
PAYBACK_MONTHS = (10, 36)
MAX_BOLDER = Decimal(2)  # improvements at most doubled for a payback that is too long
MIN_SOBER = Decimal("0.35")  # and at least a third of them kept


@dataclass
class ProposalBatch:
    proposals: list[Proposal] = field(default_factory=list)

    def write(self, uow: UnitOfWork) -> None:
        """Insert them without outbox ops (demo data never syncs)."""
        for proposal in self.proposals:
            uow.proposals.add(proposal, record=False)


def _wan(value: float) -> Decimal:
    """*value* yuan rounded to the 10,000 (万元), at least 10,000."""
    return max(WAN, (Decimal(value) / WAN).quantize(Decimal(1), rounding=ROUND_HALF_UP) * WAN)


def _percent(rng: random.Random, low: float, high: float) -> Decimal:
    """A percentage between *low* and *high* in steps of 0.5."""
    return Decimal(round(rng.uniform(low, high) * 2)) / 2


class ProposalMaker:
    """Draws demo proposals; one instance per run (its own random streams)."""

    def __init__(self, seed: int, id_seed: str, now: datetime) -> None:
        self.rng = random.Random(f"proposals:{seed}")
        self.id_rng = random.Random(f"proposal-ids:{id_seed}")
        self.now = now

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.id_rng.getrandbits(128), version=4))

    def batch(
        self,
        customers: Sequence[Customer],
        deals: Sequence[Deal],
        quotes: Sequence[Quote],
        worksheets: Sequence[Worksheet] = (),
    ) -> ProposalBatch:
        """The proposals of *deals* in stage 4 or later that have one of
        *quotes*; *customers* and *worksheets* (their profile's revenue)
        size the figures."""
        latest: dict[str, Quote] = {}
        for quote in quotes:
            if quote.deal_id is None:
                continue
            found = latest.get(quote.deal_id)
            if found is None or quote.version > found.version:
                latest[quote.deal_id] = quote
        by_id = {c.id: c for c in customers}
        revenues = {
            w.customer_id: w.data.get("revenue")
            for w in worksheets
            if w.template == "customer_profile" and not w.deleted
        }
        out = ProposalBatch()
        for deal in deals:
            last = latest.get(deal.id)
            if deal.deleted or deal.stage < FROM_STAGE or last is None:
                continue
            customer = by_id.get(deal.customer_id)
            revenue = _revenue_of(revenues.get(deal.customer_id))
            out.proposals.append(self._proposal(deal, customer, last, revenue))
        return out

    def _proposal(
        self, deal: Deal, customer: Customer | None, quote: Quote, revenue: Decimal | None
    ) -> Proposal:
        rng = self.rng
        total = quote_totals(quote).total if quote.lines else deal.amount
        inputs = self.figures(customer, revenue, total)
        at = min(quote.created_at + timedelta(hours=rng.randrange(2, 72)), self.now)
        return Proposal(
            customer_id=deal.customer_id,
            deal_id=deal.id,
            language="zh_CN",
            dated=at.astimezone().date(),
            author=deal.owner,
            benefit=inputs,
            benefit_years=rng.choice((3, 3, 3, 5)),
            id=self.uuid(),
            created_at=at,
            updated_at=at,
        )

    def figures(
        self, customer: Customer | None, revenue: Decimal | None, investment: Decimal | None
    ) -> BenefitInputs:
        """The customer's figures: shares of its revenue typical of its
        industry, improvements scaled to a sober payback of *investment*."""
        rng = self.rng
        industry = customer.industry if customer is not None else None
        shape = SHAPES.get(industry or Industry.OTHER, MAKER)
        if revenue is None or revenue <= 0:
            band = (customer.size_band if customer is not None else None) or SizeBand.MEDIUM
            low, high = REVENUE_WAN[band]
            revenue = _wan(rng.uniform(low, high) * 10_000)

        def share(bounds: tuple[float, float]) -> Decimal:
            return _wan(float(revenue) * rng.uniform(*bounds)) if bounds[1] else Decimal(0)

        days = rng.randint(*shape.receivable_days)
        figures: dict[str, Any] = {
            "annual_revenue": revenue,
            "inventory_value": share(shape.inventory),
            "inventory_reduction": _percent(rng, 15, 30),
            "carrying_cost_rate": Decimal(rng.choice((18, 20, 20, 22, 25))),
            "receivables": _wan(float(revenue) * days / 365),
            "receivable_days_reduced": Decimal(max(1, round(days * rng.uniform(0.1, 0.3)))),
            "cost_of_capital": rng.choice((Decimal("4.35"), Decimal(5), Decimal(6), Decimal(6))),
        }
        if shape.production[1] and rng.random() < 0.6:
            figures["production_cost"] = share(shape.production)
            figures["production_cost_reduction"] = _percent(rng, 1, 3)
        if rng.random() < 0.6:
            figures["staff_cost"] = share(shape.staff)
            figures["productivity_gain"] = _percent(rng, 5, 15)
        if shape.production[1] and rng.random() < 0.4:
            figures["equipment_cost"] = share(shape.equipment)
            figures["utilisation_gain"] = _percent(rng, 5, 12)
        if shape.wip[1] and rng.random() < 0.5:
            figures["wip_value"] = share(shape.wip)
            figures["cycle_reduction"] = _percent(rng, 10, 30)
        if rng.random() < 0.4:
            figures["revenue_growth"] = _percent(rng, 1, 3)
            figures["margin"] = Decimal(rng.randint(*shape.margin))
        if rng.random() < 0.5:
            purchases = share(shape.purchases)
            pay_days = rng.randint(30, 90)
            figures["annual_purchases"] = purchases
            figures["payables"] = _wan(float(purchases) * pay_days / 365)
            figures["payable_days_gained"] = Decimal(rng.randint(5, 15))
        if investment:
            figures["running_cost"] = _wan(float(investment) * rng.uniform(0.06, 0.12))
            if rng.random() < 0.15:  # hardware and the customer's own staff on top
                figures["investment"] = _wan(float(investment) * rng.uniform(1.1, 1.3))
        inputs = BenefitInputs(**figures)
        return self._sober(inputs, investment)

    def _sober(self, inputs: BenefitInputs, investment: Decimal | None) -> BenefitInputs:
        """*inputs* with the improvements scaled so the payback of
        *investment* is a drawn number of months (scaled by ``MIN_SOBER``
        to ``MAX_BOLDER``)."""
        invested = with_investment(inputs, investment)
        result = benefit_model(invested)
        target = Decimal(self.rng.randint(*PAYBACK_MONTHS))
        if not result.investment or result.annual_benefit <= 0:
            return inputs
        wanted = result.investment * 12 / target + result.running_cost
        factor = wanted / result.annual_benefit
        # within reason: a third of the usual gains still reads as a sober case
        factor = min(max(factor, MIN_SOBER), MAX_BOLDER)
        changes: dict[str, Decimal] = {}
        for code in IMPROVEMENTS:
            value: Decimal = getattr(inputs, code)
            if value:
                scaled = (value * factor).quantize(TENTH, ROUND_HALF_UP)
                changes[code] = min(Decimal(60), max(TENTH, scaled))
        days = inputs.receivable_days_reduced
        changes["receivable_days_reduced"] = max(Decimal(1), (days * factor).quantize(Decimal(1)))
        if inputs.payable_days_gained:
            gained = (inputs.payable_days_gained * factor).quantize(Decimal(1))
            changes["payable_days_gained"] = max(Decimal(1), gained)
        return replace(inputs, **changes)


def _revenue_of(text: Any) -> Decimal | None:
    """The profile worksheet's revenue (yuan, as text), or None."""
    try:
        value = Decimal(str(text))
    except (ArithmeticError, ValueError):
        return None
    return value if value.is_finite() and value > 0 else None
