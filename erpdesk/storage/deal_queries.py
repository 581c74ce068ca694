"""The funnel's read model in plain sqlite3: the board's cards, a deal page,
the funnel's sums (docs/design.md, "Deals in the desk's database").

Like ``storage/queries.py`` for customers: reads on the window's autocommit
sqlite3 connection, parameterised, no SQLAlchemy.  The board is one query
that returns every card with what it shows (customer, amounts, days in
stage, the customer's last activity, the worksheets present, the lowest
assessment score), so a board of 20,000 open deals costs no per-row query.
Amounts are summed in SQL over integer fen, which is exact.

A deal counts whatever its customer's tombstone: a customer is deleted only
when it holds no open deal (``CustomerService.delete``), so this concerns
closed deals, which stay in the history and in the won and lost sums.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from erpdesk.domain.customer import Activity, enum_member
from erpdesk.domain.deal import Deal, DealStatus, StageChange, Worksheet
from erpdesk.domain.errors import NotFound
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.storage.database import connection_path, translated_errors
from erpdesk.storage.mapping import (
    activity_from_row,
    deal_from_row,
    from_text,
    stage_change_from_row,
    worksheet_from_row,
)

# Same text as deal_repositories.WHAT_DEAL (the read path imports no SQLAlchemy).
WHAT_DEAL = QT_TRANSLATE_NOOP("Domain", "Deal")


@dataclass(frozen=True)
class DealCriteria:
    """Which deals a board or a list shows.

    Open deals always (filtered); closed deals (won or lost) only when
    ``closed_since`` is given: those closed on or after that day (the board's
    closed columns), or every closed one with ``closed_since=date.min``.
    Amounts are CNY; the close period is inclusive at both ends.
    """

    owner: str | None = None
    close_from: date | None = None
    close_to: date | None = None
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None
    industry: str | None = None
    source: str | None = None
    customer_id: str | None = None
    closed_since: date | None = None
    # The board's first paint: the deals of one (last) stage, at most
    # ``limit`` cards of each part (open, closed).
    stage: int | None = None
    limit: int | None = None


@dataclass(slots=True)
class BoardCard:
    """One deal as the board's card and the list's row show it.

    ``days_in_stage`` counts local calendar days, as ``gates.days_in_stage``
    does: until today, or for a closed deal until the day it closed.

    ``worksheets`` holds the template codes of the worksheets that count for
    the deal (its own and its customer's); ``assessment_percent`` the lowest
    percent of its score sheets (None without one) and ``low_verdict``
    whether one of them has its template's lowest verdict; ``flags`` the health
    flags, filled in by the deal service (``DealService.board``).
    """

    id: str
    customer_id: str
    customer_name: str
    industry: str | None
    name: str
    stage: int
    status: DealStatus
    amount: Decimal
    probability: int
    weighted: Decimal
    close_date: date | None
    days_in_stage: int
    owner: str
    source: str | None
    playbook: str
    stage_entered_at: datetime
    closed_at: datetime | None
    last_activity_at: datetime | None
    worksheets: frozenset[str]
    assessment_percent: int | None
    low_verdict: bool
    next_step: str
    next_step_date: date | None
    created_at: datetime
    flags: frozenset[Any] = field(default_factory=frozenset)


@dataclass(frozen=True)
class FunnelRow:
    """Deals of one status and stage: how many, their amount and weighted
    amount (each deal's weighted amount rounded half-up to the fen, then
    summed), all exact."""

    status: DealStatus
    stage: int
    count: int
    amount: Decimal
    weighted: Decimal


_CARD_SQL = """
SELECT d.id, d.customer_id, c.name, c.industry, d.name, d.stage, d.status, d.amount_fen,
  d.probability, (d.amount_fen * d.probability + 50) / 100,
  d.close_date,
  CAST(julianday(CASE WHEN d.status != 'open' AND d.closed_at IS NOT NULL
                      THEN date(d.closed_at, 'localtime') ELSE ? END)
       - julianday(date(d.stage_entered_at, 'localtime')) AS INTEGER),
  d.owner, d.source, d.playbook, d.stage_entered_at, d.closed_at,
  (SELECT max(a.occurred_at) FROM activity a
     WHERE a.customer_id = d.customer_id AND a.deleted = 0),
  (SELECT group_concat(w.template || ',' || ifnull(w.score_percent, '') || ',' || w.low_verdict,
                       ' ')
     FROM worksheet w
     WHERE w.customer_id = d.customer_id AND w.deleted = 0
       AND (w.deal_id = d.id OR w.deal_id IS NULL)),
  d.next_step, d.next_step_date, d.created_at
FROM deal d JOIN customer c ON c.id = d.customer_id
WHERE {where}
ORDER BY {order}
"""


STATUSES = {s.value: s for s in DealStatus}


def _fen(value: int) -> Decimal:
    """Whole fen as yuan with two places (``Decimal(100).scaleb(-2)`` is
    ``1.00``: exact, no rounding)."""
    return Decimal(value).scaleb(-2)


# The two parts of a board: open deals by stage and close date; closed ones
# (won, then lost) closed since a day, newest first.  Each is one index
# range (``ix_deal_board``, ``ix_deal_closed_at``); one query with an OR
# of both would read every deal.
OPEN_PART = ("d.status = 'open'", "d.stage, d.close_date IS NULL, d.close_date, d.id")
CLOSED_PART = (
    "d.status IN ('won', 'lost') AND d.closed_at >= ?",
    "d.status DESC, d.closed_at DESC, d.id",
)


def _parts(criteria: DealCriteria) -> list[tuple[str, str, list[object]]]:
    """(where, order by, parameters) of each part *criteria* asks for."""
    where, params = _where(criteria)
    parts = [(f"{OPEN_PART[0]} AND {where}", OPEN_PART[1], params)]
    if criteria.closed_since is not None:
        since: list[object] = [criteria.closed_since.isoformat()]
        parts.append((f"{CLOSED_PART[0]} AND {where}", CLOSED_PART[1], since + params))
    if criteria.limit is not None:
        # the first ids by a cheap query; the card's lookups run for those alone
        parts = [
            (
                f"{w} AND d.id IN (SELECT d.id FROM deal d JOIN customer c ON c.id = d.customer_id"
                f" WHERE {w} ORDER BY {o} LIMIT {int(criteria.limit)})",
                o,
                [*p, *p],
            )
            for w, o, p in parts
        ]
    return parts


def _where(criteria: DealCriteria) -> tuple[str, list[object]]:
    """The filters of *criteria* (all but the status) as SQL and parameters."""
    params: list[object] = []
    clauses = ["d.deleted = 0"]
    for column, value in (
        ("d.owner", criteria.owner),
        ("c.industry", criteria.industry),
        ("d.source", criteria.source),
        ("d.customer_id", criteria.customer_id),
    ):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    if criteria.stage is not None:
        clauses.append("d.stage = ?")
        params.append(criteria.stage)
    if criteria.close_from is not None:
        clauses.append("d.close_date >= ?")
        params.append(criteria.close_from.isoformat())
    if criteria.close_to is not None:
        clauses.append("d.close_date <= ?")
        params.append(criteria.close_to.isoformat())
    if criteria.min_amount is not None:
        clauses.append("d.amount_fen >= ?")
        params.append(int(criteria.min_amount.scaleb(2).to_integral_value()))
    if criteria.max_amount is not None:
        clauses.append("d.amount_fen <= ?")
        params.append(int(criteria.max_amount.scaleb(2).to_integral_value()))
    return " AND ".join(clauses), params


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _translated(
    method: Callable[Concatenate[DealQueries, _P], _R],
) -> Callable[Concatenate[DealQueries, _P], _R]:
    """sqlite3 failures surface as the domain's storage errors."""

    def wrapper(self: DealQueries, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with translated_errors(self.path):
            return method(self, *args, **kwargs)

    functools.update_wrapper(wrapper, method)
    return wrapper


NO_SHEETS: frozenset[str] = frozenset()


def _sheets(text: str | None) -> tuple[frozenset[str], int | None, bool]:
    """Template codes, lowest score percent and "a lowest verdict" from the
    card query's ``template,percent,low`` list."""
    if not text:
        return NO_SHEETS, None, False
    templates = set()
    lowest: int | None = None
    low_verdict = False
    for entry in text.split(" "):
        template, percent, low = entry.split(",")
        templates.add(template)
        if percent:
            lowest = int(percent) if lowest is None else min(lowest, int(percent))
        low_verdict = low_verdict or low == "1"
    return frozenset(templates), lowest, low_verdict


def _card(row: tuple[Any, ...]) -> BoardCard:
    (
        deal_id, customer_id, customer_name, industry, name, stage, status, amount_fen,
        probability, weighted_fen, close_date, days, owner, source, playbook, entered,
        closed_at, last_activity, sheets, next_step, next_step_date, created_at,
    ) = row  # fmt: skip
    templates, assessment, low_verdict = _sheets(sheets)
    return BoardCard(
        id=deal_id,
        customer_id=customer_id,
        customer_name=customer_name,
        industry=industry,
        name=name,
        stage=stage,
        status=STATUSES[status],
        amount=Decimal(amount_fen).scaleb(-2),
        probability=probability,
        weighted=Decimal(weighted_fen).scaleb(-2),
        close_date=date.fromisoformat(close_date) if close_date else None,
        days_in_stage=max(days or 0, 0),
        owner=owner,
        source=source,
        playbook=playbook,
        stage_entered_at=from_text(entered),
        closed_at=from_text(closed_at) if closed_at else None,
        last_activity_at=from_text(last_activity) if last_activity else None,
        worksheets=templates,
        assessment_percent=assessment,
        low_verdict=low_verdict,
        next_step=next_step,
        next_step_date=date.fromisoformat(next_step_date) if next_step_date else None,
        created_at=from_text(created_at),
    )


class DealQueries:
    """Reads of deals for the board, the list, a deal page and reports."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None) -> None:
        self._conn = conn
        self.path = path if path is not None else connection_path(conn)

    @_translated
    def cards(self, criteria: DealCriteria, today: date) -> list[BoardCard]:
        """Every deal *criteria* picks as cards (``flags`` left empty): the
        open ones by stage and close date, then (with ``closed_since``) the
        won and the lost ones, newest first."""
        cards: list[BoardCard] = []
        cursor = self._conn.cursor()
        cursor.row_factory = None  # plain tuples: no sqlite3.Row per card
        for where, order, params in _parts(criteria):
            sql = _CARD_SQL.format(where=where, order=order)
            cards += map(_card, cursor.execute(sql, [today.isoformat(), *params]))
        return cards

    @_translated
    def totals(self, criteria: DealCriteria) -> list[FunnelRow]:
        """Count, amount and weighted amount of the cards *criteria* picks
        (``limit`` aside) by status and stage: the board's column headers,
        exact and without reading a card."""
        out: list[FunnelRow] = []
        # the customer only for its industry: without it the sums read an index
        join = " JOIN customer c ON c.id = d.customer_id" if criteria.industry else ""
        for part, (where, _order, params) in enumerate(_parts(replace(criteria, limit=None))):
            # open deals from the covering ix_deal_funnel (the planner would
            # take ix_deal_board and read every row); closed by ix_deal_closed_at
            index = " INDEXED BY " + ("ix_deal_funnel" if part == 0 else "ix_deal_closed_at")
            rows = self._conn.execute(
                "SELECT d.status, d.stage, count(*), coalesce(sum(d.amount_fen), 0),"
                " coalesce(sum((d.amount_fen * d.probability + 50) / 100), 0)"
                f" FROM deal d{index}{join} WHERE {where}"
                " GROUP BY d.status, d.stage ORDER BY 1, 2",
                params,
            )
            out += [
                FunnelRow(enum_member(DealStatus, s), stage, n, _fen(amount), _fen(weighted))
                for s, stage, n, amount, weighted in rows
            ]
        return out

    @_translated
    def deal(self, deal_id: str) -> Deal:
        """The live deal *deal_id*; ``NotFound`` otherwise."""
        row = self._conn.execute("SELECT * FROM deal WHERE id = ?", (deal_id,)).fetchone()
        if row is None or row["deleted"]:
            raise NotFound(what=WHAT_DEAL, id=deal_id)
        return deal_from_row(row)

    @_translated
    def customer_name(self, customer_id: str) -> str:
        row = self._conn.execute(
            "SELECT name FROM customer WHERE id = ?", (customer_id,)
        ).fetchone()
        return str(row[0]) if row else ""

    @_translated
    def history(self, deal_id: str) -> list[StageChange]:
        """The deal's stage changes, oldest first."""
        rows = self._conn.execute(
            "SELECT * FROM stage_change WHERE deal_id = ? AND deleted = 0 "
            "ORDER BY changed_at, created_at",
            (deal_id,),
        )
        return [stage_change_from_row(r) for r in rows]

    @_translated
    def histories(self, deal_ids: list[str] | None = None) -> list[StageChange]:
        """Stage changes of the live deals (or of *deal_ids*), by deal and
        time: for conversion rates and days per stage."""
        sql = (
            "SELECT s.* FROM stage_change s JOIN deal d ON d.id = s.deal_id "
            "WHERE s.deleted = 0 AND d.deleted = 0"
        )
        params: tuple[str, ...] = ()
        if deal_ids is not None:
            sql += " AND s.deal_id IN (SELECT value FROM json_each(?))"
            params = (json.dumps(deal_ids),)
        rows = self._conn.execute(sql + " ORDER BY s.deal_id, s.changed_at, s.created_at", params)
        return [stage_change_from_row(r) for r in rows]

    @_translated
    def worksheets(
        self, *, customer_id: str | None = None, deal_id: str | None = None
    ) -> list[Worksheet]:
        """Live worksheets of a deal (its own and its customer's ones, which
        serve every deal of the customer) or of a customer (all of them)."""
        if deal_id is not None:
            rows = self._conn.execute(
                "SELECT w.* FROM worksheet w JOIN deal d ON d.id = ? "
                "WHERE w.customer_id = d.customer_id AND w.deleted = 0 "
                "AND (w.deal_id = d.id OR w.deal_id IS NULL) "
                "ORDER BY w.dated, w.created_at, w.id",
                (deal_id,),
            )
        elif customer_id is not None:
            rows = self._conn.execute(
                "SELECT * FROM worksheet WHERE customer_id = ? AND deleted = 0 "
                "ORDER BY dated, created_at, id",
                (customer_id,),
            )
        else:
            rows = self._conn.execute(
                "SELECT * FROM worksheet WHERE deleted = 0 ORDER BY dated, created_at, id"
            )
        return [worksheet_from_row(r) for r in rows]

    @_translated
    def templates_for(self, deal: Deal) -> frozenset[str]:
        """Template codes of the worksheets that count for *deal*: its own
        and its customer's (the gates' ``worksheets``)."""
        rows = self._conn.execute(
            "SELECT DISTINCT template FROM worksheet WHERE customer_id = ? AND deleted = 0 "
            "AND (deal_id = ? OR deal_id IS NULL)",
            (deal.customer_id, deal.id),
        )
        return frozenset(r[0] for r in rows)

    @_translated
    def assessment(self, deal_id: str) -> tuple[int | None, bool]:
        """The lowest percent of the deal's score sheets (None without one)
        and whether one of them has its template's lowest verdict."""
        row = self._conn.execute(
            "SELECT min(score_percent), coalesce(max(low_verdict), 0) FROM worksheet "
            "WHERE deal_id = ? AND deleted = 0",
            (deal_id,),
        ).fetchone()
        return (int(row[0]) if row[0] is not None else None), bool(row[1])

    @_translated
    def activities(self, customer_id: str, limit: int | None = None) -> list[Activity]:
        """The customer's activities, newest first."""
        rows = self._conn.execute(
            "SELECT * FROM activity WHERE customer_id = ? AND deleted = 0 "
            "ORDER BY occurred_at DESC, created_at DESC LIMIT ?",
            (customer_id, -1 if limit is None else limit),
        )
        return [activity_from_row(r) for r in rows]

    @_translated
    def last_activity(self, customer_id: str) -> datetime | None:
        row = self._conn.execute(
            "SELECT max(occurred_at) FROM activity WHERE customer_id = ? AND deleted = 0",
            (customer_id,),
        ).fetchone()
        return from_text(row[0]) if row and row[0] else None

    @_translated
    def funnel(self, owner: str | None = None) -> list[FunnelRow]:
        """Count, amount and weighted amount of the live deals (of *owner*)
        by status and stage (from the index ``ix_deal_funnel`` alone)."""
        sql = (
            "SELECT d.status, d.stage, count(*), coalesce(sum(d.amount_fen), 0),"
            " coalesce(sum((d.amount_fen * d.probability + 50) / 100), 0)"
            " FROM deal d WHERE d.deleted = 0"
        )
        params: tuple[str, ...] = ()
        if owner:
            sql += " AND d.owner = ?"
            params = (owner,)
        rows = self._conn.execute(sql + " GROUP BY d.status, d.stage ORDER BY 1, 2", params)
        return [
            FunnelRow(enum_member(DealStatus, s), stage, n, _fen(amount), _fen(weighted))
            for s, stage, n, amount, weighted in rows
        ]

    @_translated
    def owners(self) -> list[str]:
        """The owners of the live deals, in order (the board's owner filter)."""
        rows = self._conn.execute(
            "SELECT DISTINCT owner FROM deal WHERE deleted = 0 AND owner != '' ORDER BY owner"
        )
        return [str(r[0]) for r in rows]

    @_translated
    def deals(self, criteria: DealCriteria) -> list[Deal]:
        """Whole deals *criteria* picks, in the order of ``cards`` (reports,
        export; the board uses ``cards``)."""
        found: list[Deal] = []
        for where, order, params in _parts(criteria):
            rows = self._conn.execute(
                "SELECT d.* FROM deal d JOIN customer c ON c.id = d.customer_id "
                f"WHERE {where} ORDER BY {order}",
                params,
            )
            found += [deal_from_row(r) for r in rows]
        return found
