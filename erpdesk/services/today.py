"""Today (今日工作), the rep's first page (docs/today.md): what is due and
what waits, gathered in one call per part.

``TodayService.today(now)`` reads the sections that ride on an index
(todos, presales tasks, deals, quotes) in milliseconds;
``TodayService.scanned(now)`` reads the two that scan a table
(registrations, visits logged today), which the page does on a worker.
Everything comes from the desk's own database: the page works offline.

Sections hold frozen ``TodayItem`` rows (no Qt): what the row is about,
when, whether it is overdue, due today or later this week, and the ids
that opening it needs.  Each section keeps its first ``limit`` rows and its
total, so the page says "and N more".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING

from erpdesk.domain.customer import utcnow
from erpdesk.storage.mapping import from_fen, from_text

if TYPE_CHECKING:
    import sqlite3

    from erpdesk.storage.today_queries import Found, TodayQueries

SECTION_LIMIT = 20
CLOSING_DAYS = 14  # a deal closing within this many days is listed
EXPIRING_DAYS = 14  # as the customer list's "expiring" filter
WEEK_DAYS = 7  # "the coming days": after today, this many days


class ItemKind(Enum):
    """What a row of Today is about (what opening it opens)."""

    NEXT_STEP = "next_step"
    TASK = "task"
    DEMO = "demo"
    SURVEY = "survey"
    VISIT = "visit"
    REGISTRATION = "registration"
    PROTECTION = "protection"
    DEAL = "deal"
    QUOTE = "quote"

    @property
    def is_todo(self) -> bool:
        return self in (ItemKind.NEXT_STEP, ItemKind.TASK)


class DueState(Enum):
    """How urgent a row is."""

    OVERDUE = "overdue"
    TODAY = "today"
    SOON = "soon"  # later this week, or within the section's span
    DONE = "done"  # a visit logged, a presales task done
    WAITING = "waiting"  # a registration or quote waiting for someone else


class SectionKey(Enum):
    """The page's sections, in their order."""

    OVERDUE = "overdue"
    TODAY = "today"
    WEEK = "week"
    REGISTRATIONS = "registrations"
    EXPIRING = "expiring"
    DEALS = "deals"
    QUOTES = "quotes"
    VISITS = "visits"  # logged today: done, so last


@dataclass(frozen=True)
class TodayItem:
    """One row: *id* is the record's own (a todo's, a presales task's, a
    visit's, a customer's, a deal's, a quote's); the other ids say what
    opening it opens.  *when* is a time (todos, tasks, visits,
    protection's end), a date (a deal's close date, a quote's date) or None."""

    kind: ItemKind
    id: str
    title: str
    customer_id: str
    customer: str
    due: DueState
    when: datetime | date | None = None
    deal_id: str = ""
    deal: str = ""
    detail: str = ""
    amount: Decimal | None = None

    @property
    def todo_id(self) -> str:
        return self.id if self.kind.is_todo else ""

    @property
    def task_id(self) -> str:
        """The presales task's id (a demo or survey)."""
        return self.id if self.kind in (ItemKind.DEMO, ItemKind.SURVEY) else ""

    @property
    def quote_id(self) -> str:
        return self.id if self.kind is ItemKind.QUOTE else ""


@dataclass(frozen=True)
class Section:
    """A section's first rows and how many there are (``more``: not shown)."""

    key: SectionKey
    items: tuple[TodayItem, ...] = ()
    total: int = 0

    @property
    def more(self) -> int:
        return max(self.total - len(self.items), 0)


@dataclass(frozen=True)
class TodayView:
    """What the page shows at *now* (the user's local time)."""

    now: datetime
    user: str
    sections: tuple[Section, ...] = field(default_factory=tuple)
    due_today: int = 0  # open todos due later today (the Today section also holds tasks)

    def section(self, key: SectionKey) -> Section:
        for section in self.sections:
            if section.key is key:
                return section
        return Section(key)

    @property
    def overdue(self) -> int:
        return self.section(SectionKey.OVERDUE).total

    def merged(self, other: TodayView) -> TodayView:
        """This view with *other*'s sections added or replacing its own,
        kept in the page's order."""
        by_key = {s.key: s for s in self.sections} | {s.key: s for s in other.sections}
        ordered = tuple(by_key[k] for k in SectionKey if k in by_key)
        return TodayView(self.now, self.user, ordered, self.due_today)


def day_start(now: datetime, days: int = 0) -> datetime:
    """0:00 of *now*'s date plus *days*, in *now*'s zone."""
    return datetime.combine(now.date() + timedelta(days=days), time(), tzinfo=now.tzinfo)


def due_state(moment: datetime, now: datetime) -> DueState:
    local = moment.astimezone(now.tzinfo)
    if local < now:
        return DueState.OVERDUE
    return DueState.TODAY if local.date() == now.date() else DueState.SOON


class TodayService:
    """Today's sections from *queries* (``storage.today_queries``); *user*
    is the desk's owner (the signed-in user, ``sync.user``, wins): the
    deals, quotes and presales tasks shown are theirs, every one on a desk
    never signed in.  *clock* returns now (UTC), *zone* is the user's time
    zone (default: the machine's)."""

    def __init__(
        self,
        queries: TodayQueries,
        *,
        user: str = "",
        clock: Callable[[], datetime] = utcnow,
        zone: tzinfo | None = None,
        limit: int = SECTION_LIMIT,
    ) -> None:
        self.queries = queries
        self.user = user
        self._clock = clock
        self._zone = zone
        self.limit = limit

    def now(self) -> datetime:
        """Now in the user's time zone."""
        return self._clock().astimezone(self._zone)

    def _now(self, now: datetime | None) -> datetime:
        return (now or self._clock()).astimezone(self._zone)

    def actor(self) -> str:
        return self.queries.user() or self.user

    def _limit(self, key: SectionKey, unlimited: frozenset[SectionKey]) -> int | None:
        return None if key in unlimited else self.limit

    def today(
        self, now: datetime | None = None, unlimited: frozenset[SectionKey] = frozenset()
    ) -> TodayView:
        """The indexed sections: overdue todos, today's (todos and presales
        tasks), the coming days', deals closing and quotes pending; every
        row of the sections in *unlimited*, the first ``limit`` of others."""
        now = self._now(now)
        who = self.actor()
        q, limit = self.queries, self.limit
        tomorrow, week_end = day_start(now, 1), day_start(now, 1 + WEEK_DAYS)
        overdue = q.open_todos(None, now, self._limit(SectionKey.OVERDUE, unlimited))
        today_limit = self._limit(SectionKey.TODAY, unlimited)
        week_limit = self._limit(SectionKey.WEEK, unlimited)
        later_today = q.open_todos(now, tomorrow, today_limit)
        week = q.open_todos(tomorrow, week_end, week_limit)
        tasks = q.presales_tasks(day_start(now), week_end, who, None)
        task_items = [_task_item(r, now) for r in tasks.rows]
        today_tasks = [t for t in task_items if _day(t) == now.date()]
        week_tasks = [t for t in task_items if _day(t) != now.date()]
        until = (now.date() + timedelta(days=CLOSING_DAYS)).isoformat()
        deals = q.deals_closing(until, who, limit)
        quotes = q.quotes_pending(who, limit)
        sections = (
            _section(SectionKey.OVERDUE, [_todo_item(r, now) for r in overdue.rows], overdue),
            _mixed(SectionKey.TODAY, later_today, now, today_tasks, today_limit),
            _mixed(SectionKey.WEEK, week, now, week_tasks, week_limit),
            _section(SectionKey.DEALS, [_deal_item(r, now) for r in deals.rows], deals),
            _section(SectionKey.QUOTES, [_quote_item(r) for r in quotes.rows], quotes),
        )
        return TodayView(now, who, sections, later_today.total)

    def scanned(
        self,
        now: datetime | None = None,
        queries: TodayQueries | None = None,
        unlimited: frozenset[SectionKey] = frozenset(),
    ) -> TodayView:
        """The sections that scan a table (on a worker: pass its own
        *queries*): registrations waiting and protection expiring, and the
        visits logged today (all of them when in *unlimited*)."""
        now = self._now(now)
        q = queries or self.queries
        pending, expiring = q.registrations(now + timedelta(days=EXPIRING_DAYS), self.limit)
        visits_limit = self._limit(SectionKey.VISITS, unlimited)
        visits = q.visits(day_start(now), day_start(now, 1), visits_limit)
        visit_items = tuple(_visit_item(r, now) for r in visits.rows)
        return TodayView(now, "", (
            Section(SectionKey.VISITS, visit_items, visits.total),
            _section(SectionKey.REGISTRATIONS, [_registration(r, now) for r in pending.rows],
                     pending),
            _section(SectionKey.EXPIRING, [_registration(r, now) for r in expiring.rows],
                     expiring),
        ))  # fmt: skip

    def whole(self, now: datetime | None = None) -> TodayView:
        """Every section read here and now (tests, the command line)."""
        now = self._now(now)
        return self.today(now).merged(self.scanned(now))


# -- rows ---------------------------------------------------------------------


def _section(key: SectionKey, items: list[TodayItem], found: Found) -> Section:
    return Section(key, tuple(items), found.total)


def _mixed(
    key: SectionKey, todos: Found, now: datetime, tasks: list[TodayItem], limit: int | None
) -> Section:
    """Todos and presales tasks of a span, by time (the first *limit*)."""
    items = [_todo_item(r, now) for r in todos.rows] + tasks
    items.sort(key=lambda i: i.when if isinstance(i.when, datetime) else now)
    return Section(key, tuple(items[:limit]), todos.total + len(tasks))


def _day(item: TodayItem) -> date | None:
    return item.when.date() if isinstance(item.when, datetime) else None


def _todo_item(row: sqlite3.Row, now: datetime) -> TodayItem:
    due = from_text(row["due_at"]).astimezone(now.tzinfo)
    return TodayItem(
        kind=ItemKind(row["kind"]) if row["kind"] == "next_step" else ItemKind.TASK,
        id=row["id"], title=row["title"], customer_id=row["customer_id"],
        customer=row["customer"], due=due_state(due, now), when=due,
        deal_id=row["deal_id"] or "", deal=row["deal"], detail=row["notes"],
    )  # fmt: skip


def _task_item(row: sqlite3.Row, now: datetime) -> TodayItem:
    starts = from_text(row["starts_at"]).astimezone(now.tzinfo)
    state = DueState.DONE if row["state"] == "done" else due_state(starts, now)
    if state is DueState.OVERDUE:  # started earlier today: on until it is recorded
        state = DueState.TODAY
    return TodayItem(
        kind=ItemKind.SURVEY if row["kind"] == "survey" else ItemKind.DEMO,
        id=row["id"], title=row["title"], customer_id=row["customer_id"],
        customer=row["customer"], due=state, when=starts, deal_id=row["deal_id"],
        deal=row["deal"], detail=row["place"] or ", ".join(json.loads(row["our_attendees"])),
    )  # fmt: skip


def _visit_item(row: sqlite3.Row, now: datetime) -> TodayItem:
    return TodayItem(
        kind=ItemKind.VISIT, id=row["id"], title=row["summary"], customer_id=row["customer_id"],
        customer=row["customer"], due=DueState.DONE,
        when=from_text(row["occurred_at"]).astimezone(now.tzinfo), detail=row["next_step"],
    )  # fmt: skip


def _registration(row: sqlite3.Row, now: datetime) -> TodayItem:
    pending = row["registration"] == "pending"
    ends = None if pending or row["ends"] == "9" else from_text(row["ends"]).astimezone(now.tzinfo)
    due = DueState.WAITING if ends is None else (
        DueState.OVERDUE if ends < now else DueState.SOON)  # fmt: skip
    return TodayItem(
        kind=ItemKind.REGISTRATION if pending else ItemKind.PROTECTION, id=row["id"],
        title=row["name"], customer_id=row["id"], customer=row["name"], due=due, when=ends,
    )  # fmt: skip


def _deal_item(row: sqlite3.Row, now: datetime) -> TodayItem:
    closes = date.fromisoformat(row["close_date"])
    today = now.date()
    due = DueState.OVERDUE if closes < today else (
        DueState.TODAY if closes == today else DueState.SOON)  # fmt: skip
    return TodayItem(
        kind=ItemKind.DEAL, id=row["id"], title=row["name"], customer_id=row["customer_id"],
        customer=row["customer"], due=due, when=closes, deal_id=row["id"], deal=row["name"],
        amount=from_fen(row["amount_fen"]),
    )  # fmt: skip


def _quote_item(row: sqlite3.Row) -> TodayItem:
    return TodayItem(
        kind=ItemKind.QUOTE, id=row["id"], title=f"{row['number']} v{row['version']}",
        customer_id=row["customer_id"], customer=row["customer"], due=DueState.WAITING,
        when=date.fromisoformat(row["quote_date"]), deal_id=row["deal_id"], deal=row["deal"],
        detail=row["title"], amount=from_fen(row["total_fen"]),
    )  # fmt: skip
