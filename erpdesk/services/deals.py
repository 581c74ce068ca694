"""Deal use cases: create, edit, move through the gates, tick the checklist,
delete; the board, a deal page, a customer's deals; worksheets; the funnel.

Every rule lives in the domain (``erpdesk.domain.gates`` for moves and
validation, ``erpdesk.domain.worksheet`` for worksheets,
``erpdesk.domain.forecast`` for health flags and the funnel), so the board,
the deal page and the command line obey the same ones; this service loads
what a rule needs, applies it and writes the result with its outbox ops in
one transaction.  Reads use the plain sqlite3 read model
(``storage/deal_queries.py``): one call per view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from erpdesk.domain.customer import Activity, utcnow
from erpdesk.domain.deal import Deal, DealStatus, StageChange, Worksheet
from erpdesk.domain.errors import NotFound, Problem, ValidationError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.services.events import Change, ChangeFeed
from erpdesk.storage.deal_queries import BoardCard, DealCriteria, DealQueries, FunnelRow

if TYPE_CHECKING:  # the write side (SQLAlchemy) and the rules stay off the start-up path
    from erpdesk.domain.forecast import ConversionRow, FunnelReport, HealthFlag, Period
    from erpdesk.domain.gates import GateCheck
    from erpdesk.domain.playbook import Playbook
    from erpdesk.storage.forecast_queries import Forecast, StalledDeal
    from erpdesk.storage.uow import UnitOfWork

CUSTOMER_DELETED = QT_TRANSLATE_NOOP(
    "Domain", "The customer {name} has been deleted; a deal needs a current customer"
)
DEAL_OF_OTHER_CUSTOMER = QT_TRANSLATE_NOOP(
    "Domain", "The deal {deal} belongs to another customer than the worksheet"
)
# Same text as deal_repositories.WHAT_WORKSHEET (which imports SQLAlchemy).
WHAT_WORKSHEET = QT_TRANSLATE_NOOP("Domain", "Worksheet")

# The change feed's entity for everything of the funnel.
DEAL_ENTITY = "deal"


@dataclass(frozen=True)
class DealPage:
    """Everything a deal page shows, in one call."""

    deal: Deal
    customer_name: str
    history: list[StageChange]
    worksheets: list[Worksheet]
    activities: list[Activity]
    flags: frozenset[HealthFlag]
    days_in_stage: int
    last_activity_at: datetime | None
    assessment_percent: int | None


class DealService:
    """Deals for one desk user (*user*: owner of new deals, author of moves);
    publishes a ``Change("deal", ids)`` after each commit.

    *playbook* returns the playbook in force (default:
    ``erpdesk.playbooks.read_playbook()``, ``$ERPDESK_PLAYBOOK`` or the
    shipped one); *clock* returns now, in UTC (tests pass a fixed one).
    """

    def __init__(
        self,
        uow: Callable[[], UnitOfWork],
        queries: DealQueries,
        feed: ChangeFeed,
        *,
        user: str = "",
        playbook: Callable[[], Playbook] | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._uow = uow
        self._queries = queries
        self.feed = feed
        self.user = user
        self._playbook = playbook
        self._clock = clock

    # -- helpers -------------------------------------------------------------

    @property
    def playbook(self) -> Playbook:
        """The playbook in force (read and checked on first use; raises
        ``PlaybookError`` naming the file, the line and the problem)."""
        if self._playbook is None:
            from erpdesk.playbooks import read_playbook

            return read_playbook()
        return self._playbook()

    def _now(self) -> datetime:
        return self._clock()

    @staticmethod
    def _today(now: datetime) -> date:
        return now.astimezone().date()

    def _publish(self, *ids: str) -> None:
        self.feed.publish(Change(DEAL_ENTITY, tuple(ids)))

    @staticmethod
    def _live_customer(uow: UnitOfWork, customer_id: str) -> None:
        """Refuse an unknown (``NotFound``) or deleted customer."""
        customer = uow.customers.get(customer_id)
        if customer.deleted:
            raise ValidationError(
                [Problem("customer_id", "customer.deleted", CUSTOMER_DELETED,
                         {"name": customer.name})]
            )  # fmt: skip

    # -- writing -------------------------------------------------------------

    def create(self, customer_id: str, name: str, **fields: Any) -> Deal:
        """A new deal of a current customer, in stage 1 unless *fields* say
        otherwise (``DEAL_FIELDS`` and ``stage``, typed or as text); writes
        the deal and its creation StageChange.  Raises ``ValidationError``
        (every problem), ``NotFound`` for an unknown customer."""
        from erpdesk.domain.gates import new_deal

        now = self._now()
        deal, change = new_deal(customer_id, name, self.playbook, by=self.user, now=now, **fields)
        with self._uow() as uow:
            self._live_customer(uow, deal.customer_id)
            uow.deals.add(deal)
            uow.stage_changes.add(change)
            uow.commit()
        self._publish(deal.id)
        return deal

    def update(self, deal_id: str, **fields: Any) -> Deal:
        """Edit the deal's ``DEAL_FIELDS`` (typed or as text); stage and
        status change only through ``move``."""
        from erpdesk.domain.gates import edit_deal

        now = self._now()
        playbook = self.playbook
        with self._uow() as uow:
            before = uow.deals.get(deal_id)
            after = edit_deal(before, playbook, today=self._today(now), now=now, **fields)
            saved = uow.deals.update(before, after)
            uow.commit()
        self._publish(deal_id)
        return saved

    def check_move(self, deal_id: str, target: Any) -> GateCheck:
        """What moving the deal to *target* (a stage number or name,
        ``DealStatus.WON``/``LOST``) needs: missing activities and
        worksheets, whether a reason is asked.  Raises ``GateRefused`` for an
        impossible move (a closed deal, the same stage, no such stage)."""
        from erpdesk.domain.gates import check_move

        deal = self._queries.deal(deal_id)
        return check_move(deal, target, self.playbook, self._queries.templates_for(deal))

    def move(
        self,
        deal_id: str,
        target: Any,
        *,
        reason: str = "",
        confirm_override: bool = False,
        lost_reason: str = "",
        winning_competitor: str = "",
    ) -> Deal:
        """Move the deal through the gates (``gates.move_deal``) and write it
        with its StageChange in one transaction; raises ``GateRefused``
        saying what is missing, and writes nothing then."""
        from erpdesk.domain.gates import move_deal

        now = self._now()
        playbook = self.playbook
        with self._uow() as uow:
            before = uow.deals.get(deal_id)
            after, change = move_deal(
                before,
                target,
                playbook,
                uow.worksheets.templates_for(before),
                by=self.user,
                now=now,
                reason=reason,
                confirm_override=confirm_override,
                lost_reason=lost_reason,
                winning_competitor=winning_competitor,
            )
            saved = uow.deals.update(before, after)
            uow.stage_changes.add(change)
            uow.commit()
        self._publish(deal_id)
        return saved

    def reopen(self, deal_id: str, stage: Any, *, reason: str) -> Deal:
        """Reopen a closed deal into *stage* with a reason."""
        from erpdesk.domain.gates import reopen_deal

        now = self._now()
        playbook = self.playbook
        with self._uow() as uow:
            before = uow.deals.get(deal_id)
            self._live_customer(uow, before.customer_id)
            after, change = reopen_deal(
                before, playbook, stage=stage, by=self.user, now=now, reason=reason
            )
            saved = uow.deals.update(before, after)
            uow.stage_changes.add(change)
            uow.commit()
        self._publish(deal_id)
        return saved

    def tick(self, deal_id: str, item_code: str, done: bool, note: str = "") -> Deal:
        """Tick (or untick) a checklist activity of the deal."""
        from erpdesk.domain.gates import tick

        now = self._now()
        playbook = self.playbook
        with self._uow() as uow:
            before = uow.deals.get(deal_id)
            after = tick(
                before, item_code, done, by=self.user, now=now, playbook=playbook, note=note
            )
            saved = uow.deals.update(before, after)
            uow.commit()
        self._publish(deal_id)
        return saved

    def delete(self, deal_id: str) -> None:
        """Tombstone the deal and its own worksheets (a delete op each); its
        stage history stays, as history does."""
        with self._uow() as uow:
            deal = uow.deals.get(deal_id)
            for sheet in uow.worksheets.of(deal_id=deal_id):
                uow.worksheets.delete(sheet)
            uow.deals.delete(deal)
            uow.commit()
        self._publish(deal_id)

    # -- worksheets ----------------------------------------------------------

    def save_worksheet(self, sheet: Worksheet) -> Worksheet:
        """Create or update a worksheet after checking it against its
        template (``worksheet.validate_worksheet``); its customer must be
        current and its deal, if any, a live deal of that customer.  A score
        sheet's percent is kept for the board's low-score flag."""
        from erpdesk.domain.worksheet import validate_worksheet
        from erpdesk.storage.deal_repositories import sheet_score

        playbook = self.playbook
        sheet = validate_worksheet(sheet, playbook)
        derived = sheet_score(playbook.worksheets[sheet.template], sheet.data)
        with self._uow() as uow:
            if sheet.customer_id:  # a team worksheet has none
                self._live_customer(uow, sheet.customer_id)
            if sheet.deal_id is not None:
                deal = uow.deals.get(sheet.deal_id)
                if deal.customer_id != sheet.customer_id:
                    raise ValidationError(
                        [Problem("deal_id", "worksheet.other_customer", DEAL_OF_OTHER_CUSTOMER,
                                 {"deal": deal.name})]
                    )  # fmt: skip
            existing = uow.worksheets.find(sheet.id)
            if existing is not None and not existing.deleted:
                if (existing.template, existing.customer_id, existing.deal_id) != (
                    sheet.template, sheet.customer_id, sheet.deal_id
                ):  # fmt: skip
                    # what it is and where it hangs are fixed at creation
                    sheet = replace(
                        sheet,
                        template=existing.template,
                        customer_id=existing.customer_id,
                        deal_id=existing.deal_id,
                    )
                saved = uow.worksheets.update(existing, sheet, derived)
            elif existing is not None:  # deleted
                raise NotFound(what=WHAT_WORKSHEET, id=sheet.id)
            else:
                saved = replace(sheet, author=sheet.author or self.user)
                uow.worksheets.add(saved, derived)
            uow.commit()
        self._publish(*(i for i in (saved.deal_id,) if i))
        return saved

    def delete_worksheet(self, worksheet_id: str) -> None:
        with self._uow() as uow:
            sheet = uow.worksheets.get(worksheet_id)
            uow.worksheets.delete(sheet)
            uow.commit()
        self._publish(*(i for i in (sheet.deal_id,) if i))

    def worksheets(
        self, customer_id: str | None = None, deal_id: str | None = None
    ) -> list[Worksheet]:
        """A deal's worksheets (its own and its customer's) or all of a
        customer's, oldest date first."""
        return self._queries.worksheets(customer_id=customer_id, deal_id=deal_id)

    # -- reading -------------------------------------------------------------

    def get(self, deal_id: str) -> Deal:
        return self._queries.deal(deal_id)

    def board(self, criteria: DealCriteria | None = None, *, flags: bool = True) -> list[BoardCard]:
        """The board's cards (and the list's rows): the open deals by stage
        and close date, then the closed ones ``criteria.closed_since`` asks
        for, each with its health flags.  A view that shows only some cards
        at a time may ask without *flags* and ``fill_flags`` of the cards it
        shows (the flags cost about a third of a 20,000-card board)."""
        cards = self._queries.cards(criteria or DealCriteria(), self._today(self._now()))
        if flags:
            self.fill_flags(cards)
        return cards

    def fill_flags(self, cards: Iterable[BoardCard]) -> None:
        """Set the health flags of open *cards* (closed ones have none)."""
        from erpdesk.domain.forecast import NO_QUOTE_FROM_STAGE, DealFacts, health_flags

        today = self._today(self._now())
        playbook = self.playbook
        cards = list(cards)
        # one look-up for every card the "no quote" flag concerns
        quoted = self._queries.with_quotes(
            c.id for c in cards if c.status is DealStatus.OPEN and c.stage >= NO_QUOTE_FROM_STAGE
        )
        for card in cards:
            if card.status is DealStatus.OPEN:
                facts = DealFacts(
                    deal=_card_deal(card),
                    last_activity_at=card.last_activity_at,
                    has_quote=card.id in quoted,
                    worksheets=card.worksheets,
                    assessment_percent=card.assessment_percent,
                    low_verdict=card.low_verdict,
                )
                card.flags = health_flags(facts, playbook, today)

    def owners(self) -> list[str]:
        """The owners of the live deals (the board's owner filter)."""
        return self._queries.owners()

    def board_totals(self, criteria: DealCriteria) -> list[FunnelRow]:
        """The count, amount and weighted amount of the cards ``board``
        returns for *criteria*, by status and stage (exact, from SQL): a
        board shows its column headers before every card has arrived."""
        return self._queries.totals(criteria)

    def deals_of_customer(self, customer_id: str) -> list[BoardCard]:
        """Every live deal of the customer, open and closed (its detail page)."""
        return self.board(DealCriteria(customer_id=customer_id, closed_since=date.min))

    def page(self, deal_id: str) -> DealPage:
        from erpdesk.domain.forecast import DealFacts, health_flags
        from erpdesk.domain.gates import days_in_stage

        now = self._now()
        today = self._today(now)
        deal = self._queries.deal(deal_id)
        sheets = self._queries.worksheets(deal_id=deal_id)
        last = self._queries.last_activity(deal.customer_id)
        assessment, low_verdict = self._queries.assessment(deal_id)
        flags: frozenset[HealthFlag] = frozenset()
        if deal.is_open:
            facts = DealFacts(
                deal=deal,
                last_activity_at=last,
                has_quote=bool(self._queries.with_quotes([deal.id])),
                worksheets=frozenset(s.template for s in sheets),
                assessment_percent=assessment,
                low_verdict=low_verdict,
            )
            flags = health_flags(facts, self.playbook, today)
        return DealPage(
            deal=deal,
            customer_name=self._queries.customer_name(deal.customer_id),
            history=self._queries.history(deal_id),
            worksheets=sheets,
            activities=self._queries.activities(deal.customer_id),
            flags=flags,
            days_in_stage=days_in_stage(deal, today),
            last_activity_at=last,
            assessment_percent=assessment,
        )

    def forecast(
        self,
        owner: str | None = None,
        period: Period = "month",
        *,
        stalled_days: int | None = None,
        conversion: bool = True,
    ) -> Forecast:
        """The forecast view's figures of the live deals (of *owner*): the
        pipeline, won and lost by *period* ("month" or "quarter"), the funnel,
        conversion and average days per stage, and the open deals in their
        stage for more than *stalled_days* (default ``forecast.STALLED_DAYS``).
        All summed in SQL, equal to ``erpdesk.domain.forecast`` to the fen.
        Without *conversion* the conversion rows are left empty (they read
        the whole stage history: ``forecast_conversion``)."""
        from erpdesk.domain.forecast import STALLED_DAYS
        from erpdesk.storage.forecast_queries import STALLED_PAGE, Forecast, ForecastQueries

        if period not in ("month", "quarter"):
            raise ValueError(f"unknown period {period!r}")
        days = STALLED_DAYS if stalled_days is None else stalled_days
        queries = ForecastQueries.of(self._queries)
        today = self._today(self._now())
        return Forecast(
            owner=owner or None,
            period=period,
            periods=queries.periods(owner, period),
            funnel=self.funnel(owner),
            conversion=queries.conversion(owner, self.playbook) if conversion else [],
            stalled=queries.stalled(owner, today, days, limit=STALLED_PAGE),
            stalled_days=days,
            owners=queries.owners(),
            stalled_count=queries.stalled_count(owner, today, days),
            today=today,
        )

    def forecast_stalled(
        self, forecast: Forecast, offset: int, limit: int | None = None
    ) -> list[StalledDeal]:
        """The next page of *forecast*'s stalled deals (its owner, limit in
        days and day): *limit* (default ``STALLED_PAGE``) from *offset* on,
        longest first."""
        from erpdesk.storage.forecast_queries import STALLED_PAGE, ForecastQueries

        limit = STALLED_PAGE if limit is None else limit
        return ForecastQueries.of(self._queries).stalled(
            forecast.owner, forecast.today, forecast.stalled_days, limit=limit, offset=offset
        )

    def forecast_conversion(self, owner: str | None = None) -> list[ConversionRow]:
        """Stage-to-stage conversion and average days per stage of the live
        deals (of *owner*), from their whole stage history."""
        from erpdesk.storage.forecast_queries import ForecastQueries

        return ForecastQueries.of(self._queries).conversion(owner, self.playbook)

    def funnel(self, owner: str | None = None) -> FunnelReport:
        """The funnel report of the live deals (of *owner*): open deals per
        stage, all open, won and lost.  Summed in SQL over integer fen (each
        deal's weighted amount rounded half-up to the fen first), so it is
        exactly ``forecast.funnel_report`` of the same deals, without
        loading 100,000 closed deals."""
        from erpdesk.domain.forecast import ZERO, FunnelReport, StageTotal, Totals

        playbook = self.playbook
        rows = self._queries.funnel(owner)
        open_rows = {r.stage: r for r in rows if r.status is DealStatus.OPEN}
        stages = []
        for stage in playbook.stages:
            row = open_rows.get(stage.number)
            stages.append(
                StageTotal(
                    stage.number,
                    stage.code,
                    stage.probability,
                    row.count if row else 0,
                    row.amount if row else ZERO,
                    row.weighted if row else ZERO,
                )
            )

        def closed(status: DealStatus) -> tuple[int, Decimal]:
            found = [r for r in rows if r.status is status]
            return sum(r.count for r in found), sum((r.amount for r in found), ZERO)

        won_count, won_amount = closed(DealStatus.WON)
        lost_count, lost_amount = closed(DealStatus.LOST)
        return FunnelReport(
            stages=tuple(stages),
            open=Totals(
                sum(s.count for s in stages),
                sum((s.amount for s in stages), ZERO),
                sum((s.weighted for s in stages), ZERO),
            ),
            won=Totals(won_count, won_amount, won_amount),
            lost=Totals(lost_count, lost_amount, ZERO),
        )


def _card_deal(card: BoardCard) -> Deal:
    """The part of a deal the health rules read, from a board card."""
    return Deal(
        customer_id=card.customer_id,
        name=card.name,
        stage=card.stage,
        status=card.status,
        amount=card.amount,
        close_date=card.close_date,
        probability=card.probability,
        owner=card.owner,
        playbook=card.playbook,
        stage_entered_at=card.stage_entered_at,
        closed_at=card.closed_at,
        next_step=card.next_step,
        next_step_date=card.next_step_date,
        id=card.id,
        created_at=card.created_at,
        updated_at=card.created_at,
    )
