"""Demo quotes: the quotes a rep's funnel would hold, derived from the demo
deals (docs/quotes.md, "Demo quotes").

``QuoteMaker`` gives most open deals in stage 5 or later (proposal and
quote onwards) a quote, and most won deals and some deals lost late their
final quote: one to three versions, made from the catalogue (a licence for
each of the deal's modules, sized so the quote lands near the deal's amount,
the platform licence, implementation services in person-days, the year's
maintenance on the licences, now and then a third-party item), with the
default payment milestones or a variant.  The latest version of an open
deal is a draft, waits for a manager's approval (its discount is above the
demo rep's limit) or was sent; earlier versions were superseded; a won
deal's last version was accepted, a lost deal's declined.  A version whose
discount is above the limit carries its approval request (and, when it went
further, the manager's approval).

Deterministic for a seed (its own random streams, ids included); written
in bulk without outbox ops, as the demo deals are.  Numbers are
``Q-DEMO-<day>-<n>``, the day's sequence taken from the desk's
``quote_sequence`` (so a second demo run on one database never repeats a
number).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from erpdesk.domain.deal import Deal, DealStatus
from erpdesk.domain.quote import (
    ApprovalDecision,
    ItemKind,
    Milestone,
    PriceMode,
    Quote,
    QuoteApproval,
    QuoteLine,
    QuoteStatus,
    max_discount,
    needs_approval,
    quote_number,
)

if TYPE_CHECKING:
    from erpdesk.domain.catalogue import Catalogue
    from erpdesk.storage.uow import UnitOfWork

REP_CODE = "DEMO"
LIMIT = Decimal("10")  # the demo rep's discount limit, percent
QUOTED_FROM_STAGE = 5
OPEN_SHARE = 0.9  # of open deals from stage 5 (the others show the "no quote" flag)
WON_SHARE = 0.75
LOST_SHARE = 0.5  # of deals lost in stage 5 or later
MANAGERS = ("刘志强", "陈经理", "王总监")
MILESTONE_PLANS = (
    (("合同签订", "30", "合同签订后 7 日内"), ("上线验收", "60", "系统上线验收后 15 日内"),
     ("质保期满", "10", "质保期满后 15 日内")),
    (("合同签订", "40", "合同签订后 10 日内"), ("上线验收", "50", "系统上线验收后 15 日内"),
     ("质保期满", "10", "质保期满后 30 日内")),
    (("合同签订", "30", "合同签订后 7 日内"), ("蓝图确认", "30", "蓝图方案确认后 15 日内"),
     ("上线验收", "30", "系统上线验收后 15 日内"), ("质保期满", "10", "质保期满后 15 日内")),
)  # fmt: skip
DELIVERY = (
    "合同签订后 10 个工作日内开通软件许可，实施周期约 {months} 个月。",
    "软件许可于合同生效后交付；实施按双方确认的项目计划分阶段进行，预计 {months} 个月上线。",
)
NOTES = (
    "本报价含首年维护服务；第二年起维护费按软件许可金额的 18% 计收。",
    "差旅费按实际发生结算，不含在本报价内。",
    "",
)
# Services and their share of the person-days.
SERVICES = (
    ("svc_blueprint", 0.15), ("svc_configuration", 0.40), ("svc_data_migration", 0.12),
    ("svc_training", 0.10), ("svc_go_live", 0.10), ("svc_project_management", 0.13),
)  # fmt: skip
DISCOUNTS = (Decimal("0"), Decimal("5"), Decimal("8"), Decimal("10"))
HIGH_DISCOUNTS = (Decimal("12"), Decimal("15"), Decimal("18"), Decimal("20"))


@dataclass
class QuoteBatch:
    """The quotes (every version) and approvals of a batch of deals."""

    quotes: list[Quote] = field(default_factory=list)
    approvals: list[QuoteApproval] = field(default_factory=list)
    quoted_deals: int = 0

    def write(self, uow: UnitOfWork) -> None:
        """Insert them without outbox ops (demo data never syncs)."""
        uow.quotes.add_many(self.quotes, record=False)
        uow.quote_approvals.add_many(self.approvals, record=False)


class QuoteMaker:
    """Draws demo quotes; one instance per run (its own random streams)."""

    def __init__(self, seed: int, id_seed: str, now: datetime, catalogue: Catalogue) -> None:
        self.rng = random.Random(f"quotes:{seed}")
        self.id_rng = random.Random(f"quote-ids:{id_seed}")
        self.now = now
        self.today = now.astimezone().date()
        self.catalogue = catalogue
        self.first_priced = min((p.valid_from for p in catalogue.price_lists), default=None)
        codes = {i.code for i in catalogue.items if i.active}
        self.services = [(code, share) for code, share in SERVICES if code in codes]
        self.licences: dict[str, list[str]] = {}
        for item in catalogue.items:
            if item.active and item.kind is ItemKind.LICENCE and item.module:
                self.licences.setdefault(item.module, []).append(item.code)
        self.platform = "lic_platform" if "lic_platform" in codes else None
        self.maintenance = next(
            (i.code for i in catalogue.items if i.active and i.kind is ItemKind.MAINTENANCE), None
        )
        self.third_party = [
            i.code for i in catalogue.items if i.active and i.kind is ItemKind.THIRD_PARTY
        ]

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.id_rng.getrandbits(128), version=4))

    # -- a batch ----------------------------------------------------------------

    def batch(self, uow: UnitOfWork, deals: Sequence[Deal]) -> QuoteBatch:
        """The quotes of *deals* (numbers from the desk's day sequence, in
        *uow*'s transaction)."""
        out = QuoteBatch()
        rng = self.rng
        for deal in deals:
            if deal.deleted or deal.stage < QUOTED_FROM_STAGE:
                continue
            share = {DealStatus.OPEN: OPEN_SHARE, DealStatus.WON: WON_SHARE}.get(
                deal.status, LOST_SHARE
            )
            if rng.random() >= share:
                continue
            self._family(uow, out, deal)
            out.quoted_deals += 1
        return out

    # -- one quote, its versions ------------------------------------------------------

    def _family(self, uow: UnitOfWork, out: QuoteBatch, deal: Deal) -> None:
        rng = self.rng
        count = rng.choices((1, 2, 3), (50, 35, 15))[0]
        end = deal.closed_at if deal.closed_at is not None else self.now
        start = max(deal.stage_entered_at, deal.created_at)
        if deal.status is DealStatus.OPEN:
            start = max(start, end - timedelta(days=60))
        times = sorted(
            start + (end - start) * rng.uniform(0.05, 0.95) for _ in range(count)
        ) if end > start else [end] * count  # fmt: skip
        first_day = times[0].astimezone().date()
        number = quote_number(REP_CODE, first_day, uow.quote_sequence.next(first_day))
        lines = self._lines(deal, first_day)
        plan = rng.choice(MILESTONE_PLANS)
        milestones = tuple(Milestone(n, Decimal(p), due) for n, p, due in plan)
        latest_status = self._latest_status(deal)
        # a version awaiting approval, and now and then one the customer got,
        # has a discount above the limit (the latter approved before sending)
        above = latest_status is QuoteStatus.PENDING_APPROVAL or (
            latest_status in (QuoteStatus.SENT, QuoteStatus.ACCEPTED) and rng.random() < 0.25
        )
        for index, at in enumerate(times):
            last = index == count - 1
            day = at.astimezone().date()
            if index or (last and above):  # a later version: the customer bargained
                lines = self._bargain(lines, high=last and above)
            status = latest_status if last else QuoteStatus.SUPERSEDED
            quote = Quote(
                id=self.uuid(),
                number=number,
                version=index + 1,
                customer_id=deal.customer_id,
                deal_id=deal.id,
                title=deal.name,
                status=status,
                price_mode=PriceMode.INCLUSIVE,
                quote_date=day,
                valid_until=day + timedelta(days=30),
                lines=lines,
                milestones=milestones,
                delivery_terms=rng.choice(DELIVERY).format(months=rng.choice((3, 4, 6, 8))),
                notes=rng.choice(NOTES),
                language="zh_CN",
                author=deal.owner,
                discount_limit=LIMIT,
                sent_at=None,
                created_at=at,
                updated_at=at,
            )
            if status is QuoteStatus.PENDING_APPROVAL and not needs_approval(quote):
                quote = replace(quote, status=QuoteStatus.DRAFT)
            was_sent = status in (QuoteStatus.SENT, QuoteStatus.ACCEPTED, QuoteStatus.DECLINED)
            was_sent = was_sent or (status is QuoteStatus.SUPERSEDED and rng.random() < 0.7)
            if was_sent:
                quote = replace(quote, sent_at=at + timedelta(hours=rng.randrange(1, 30)))
            self._approvals(out, quote, went_further=was_sent)
            out.quotes.append(quote)

    def _latest_status(self, deal: Deal) -> QuoteStatus:
        if deal.status is DealStatus.WON:
            return QuoteStatus.ACCEPTED
        if deal.status is DealStatus.LOST:
            return QuoteStatus.DECLINED
        weights = (35, 15, 50) if deal.stage == QUOTED_FROM_STAGE else (10, 15, 75)
        return self.rng.choices(
            (QuoteStatus.DRAFT, QuoteStatus.PENDING_APPROVAL, QuoteStatus.SENT), weights
        )[0]

    def _approvals(self, out: QuoteBatch, quote: Quote, *, went_further: bool) -> None:
        """A version above the limit asked for approval when it was made; one
        that was sent (or replaced after sending) was approved first."""
        if not needs_approval(quote):
            return
        discount = max_discount(quote)
        at = quote.created_at
        out.approvals.append(
            QuoteApproval(quote.id, at=at, by=quote.author, max_discount=discount,
                          id=self.uuid(), created_at=at, updated_at=at)
        )  # fmt: skip
        if went_further:
            decided = at + timedelta(minutes=self.rng.randrange(20, 600))
            out.approvals.append(
                QuoteApproval(quote.id, at=decided, by=self.rng.choice(MANAGERS),
                              max_discount=discount, decision=ApprovalDecision.APPROVED,
                              note="战略客户，同意该折扣", id=self.uuid(), created_at=decided,
                              updated_at=decided)
            )  # fmt: skip

    # -- lines ---------------------------------------------------------------------

    def _line(self, code: str, quantity: Decimal, day: date, **more: Decimal) -> QuoteLine:
        """The catalogue's line for *code*, priced at *day* (or at the first
        price list, for a day before any: demo deals reach back further)."""
        priced = day
        if self.first_priced is not None and day < self.first_priced:
            priced = self.first_priced
        return self.catalogue.quote_line(code, quantity, priced, language="zh_CN", **more)

    def _lines(self, deal: Deal, day: date) -> tuple[QuoteLine, ...]:
        rng = self.rng
        amount = deal.amount
        licence_codes = [c for m in deal.modules for c in self.licences.get(m, [])[:1]]
        lines: list[QuoteLine] = []
        if self.platform is not None:
            lines.append(self._line(self.platform, Decimal(1), day))
        # Per-user licences take about half the deal's amount.
        per_user = [self._line(c, Decimal(1), day) for c in licence_codes]
        user_price = sum((ln.unit_price for ln in per_user if ln.unit == "用户"), Decimal(0))
        users = int(amount * Decimal("0.5") / user_price) if user_price else 10
        users = min(max(users, 5), 2000)
        for line in per_user:
            if line.unit == "用户":
                quantity = Decimal(users)
            else:  # a site licence per plant; a company licence once
                quantity = Decimal(rng.choice((1, 1, 2, 3)) if line.unit == "工厂" else 1)
            lines.append(replace(line, quantity=quantity))
        # Services take about a third, in person-days.
        days = min(max(int(amount * Decimal("0.33") / 2500), 8), 600)
        for code, share in self.services:
            lines.append(self._line(code, Decimal(max(1, round(days * share))), day))
        if self.third_party and rng.random() < 0.3:
            lines.append(self._line(rng.choice(self.third_party), Decimal(rng.choice((1, 2))), day))
        if self.maintenance is not None:
            licence_total = sum(
                (ln.quantity * ln.unit_price for ln in lines if ln.group is ItemKind.LICENCE),
                Decimal(0),
            )
            lines.append(self._line(self.maintenance, Decimal(1), day, licence_total=licence_total))
        discount = rng.choice(DISCOUNTS)
        return tuple(
            replace(ln, discount=discount) if ln.group is ItemKind.LICENCE else ln for ln in lines
        )

    def _bargain(self, lines: tuple[QuoteLine, ...], *, high: bool) -> tuple[QuoteLine, ...]:
        """The licences at a larger discount (above the limit when *high*)."""
        rng = self.rng
        current = max((ln.discount for ln in lines), default=Decimal(0))
        if high:
            discount = rng.choice(
                [d for d in HIGH_DISCOUNTS if d > current] or [HIGH_DISCOUNTS[-1]]
            )
        else:
            discount = rng.choice([d for d in DISCOUNTS if d >= current] or [current])
        return tuple(
            replace(ln, discount=discount) if ln.group is ItemKind.LICENCE else ln for ln in lines
        )


def demo_catalogue(uow: UnitOfWork) -> Catalogue:
    """The desk's stored catalogue, else the shipped one."""
    from erpdesk.domain.catalogue import parse_catalogue

    data = uow.catalogue.get()
    if data is not None:
        return parse_catalogue(data)
    from erpdesk.catalogues import shipped_catalogue

    return shipped_catalogue()
