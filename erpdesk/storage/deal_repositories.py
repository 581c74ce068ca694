"""Repositories of deals, their stage history and worksheets: Core
statements in a unit of work's session, domain objects in and out, an outbox
op for every change (entities ``deal``, ``stage_change``, ``worksheet``).

Like the customers' repositories (``storage/repositories.py``): a create op
carries every user field, an update op the changed fields with the base
``server_version``, a delete is a tombstone op; ``record=False`` writes no op
(demo data, which must never reach the registry).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session

from erpdesk.domain.customer import utcnow
from erpdesk.domain.deal import (
    DEAL_FIELDS,
    DEAL_STAGE_FIELDS,
    WORKSHEET_FIELDS,
    Deal,
    DealStatus,
    StageChange,
    Worksheet,
)
from erpdesk.domain.errors import NotFound
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.storage.forecast_facts import refresh_stage_facts
from erpdesk.storage.mapping import (
    DEAL_ATTRIBUTE_COLUMNS,
    DEAL_COLUMNS,
    STAGE_CHANGE_COLUMNS,
    WORKSHEET_COLUMNS,
    deal_from_row,
    deal_row,
    from_text,
    local_day,
    stage_change_from_row,
    stage_change_row,
    to_text,
    worksheet_from_row,
    worksheet_row,
)
from erpdesk.storage.outbox import Outbox
from erpdesk.storage.schema import deal, stage_change, worksheet

if TYPE_CHECKING:
    from erpdesk.domain.playbook import Playbook, WorksheetTemplate

WHAT_DEAL = QT_TRANSLATE_NOOP("Domain", "Deal")
WHAT_WORKSHEET = QT_TRANSLATE_NOOP("Domain", "Worksheet")

# What a deal op carries: every field but the keys and the bookkeeping.  The
# customer is fixed at creation, so an update never carries it.
DEAL_SYNC_FIELDS: tuple[str, ...] = tuple(
    dict.fromkeys((*DEAL_FIELDS, *DEAL_STAGE_FIELDS, "playbook", "checklist"))
)
DEAL_CREATE_FIELDS = ("customer_id", *DEAL_SYNC_FIELDS)
STAGE_CHANGE_FIELDS = (
    "deal_id",
    "kind",
    "from_stage",
    "to_stage",
    "at",
    "by",
    "reason",
    "overridden",
)
# A score sheet's derived columns: its percent and whether its verdict is
# the template's lowest (``None, False`` for other layouts).
SheetScore = tuple[int | None, bool]
NO_SCORE: SheetScore = (None, False)
WORKSHEET_CREATE_FIELDS = ("template", "customer_id", "deal_id", *WORKSHEET_FIELDS, "author")


def _bulk_insert(
    session: Session, table: Table, columns: Sequence[str], rows: list[dict[str, Any]]
) -> None:
    """One prepared INSERT run with the DB-API's executemany over plain
    tuples (the customers' bulk path: no per-row parameter processing)."""
    if not rows:
        return
    sql = (
        f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    )
    session.connection().exec_driver_sql(sql, [tuple(r[c] for c in columns) for r in rows])


class _Driver:
    """The session's DB-API connection for plain SQL (``forecast_facts``)."""

    def __init__(self, session: Session) -> None:
        self._conn = session.connection()

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        return self._conn.exec_driver_sql(sql, parameters)


def _changes(before: Any, after: Any, fields: Sequence[str]) -> dict[str, Any]:
    return {f: getattr(after, f) for f in fields if getattr(before, f) != getattr(after, f)}


# -- derived columns -------------------------------------------------------------
#
# Columns a save derives from the record instead of storing what an op
# carries.  A pulled row (``storage/sync_store.py``) gets them from these
# same functions, so a record another desk wrote reads as if saved here.


def deal_derived(columns: Mapping[str, Any]) -> dict[str, Any]:
    """The derived columns that follow from a deal's stored *columns*
    (column names and forms): ``closed_on``, the local date ``closed_at``
    fell on (the forecast's won and lost per month).  Empty when *columns*
    holds no ``closed_at``."""
    if "closed_at" not in columns:
        return {}
    closed = columns["closed_at"]
    return {"closed_on": local_day(from_text(closed) if closed else None)}


def refresh_deal_facts(session: Session, deal_ids: Collection[str]) -> None:
    """Rewrite the forecast's stage facts of *deal_ids* from their stage
    history, after stage changes were added (or pulled, or dropped)."""
    refresh_stage_facts(_Driver(session), deal_ids)


def sheet_score(template: WorksheetTemplate | None, data: Mapping[str, Any]) -> SheetScore:
    """A worksheet's derived columns (``score_percent``, ``low_verdict``):
    a score sheet's percent of its maximum and whether its verdict is the
    template's lowest; ``NO_SCORE`` for other layouts and for a template
    the playbook does not have."""
    from erpdesk.domain.forecast import is_lowest_verdict
    from erpdesk.domain.worksheet import score

    if template is None:
        return NO_SCORE
    result = score(template, data)
    if result is None:
        return NO_SCORE
    verdict = result.verdict.code if result.verdict is not None else None
    return result.percent, is_lowest_verdict(template, verdict)


def worksheet_derived(columns: Mapping[str, Any], playbook: Playbook) -> dict[str, Any]:
    """``sheet_score`` of a worksheet's stored columns (``template``, and
    ``data`` as JSON text) under *playbook*, as columns."""
    data = json.loads(columns["data"] or "{}")
    percent, low = sheet_score(playbook.worksheets.get(columns["template"]), data)
    return {"score_percent": percent, "low_verdict": low}


class DealRepository:
    def __init__(self, session: Session, outbox: Outbox) -> None:
        self._session = session
        self._outbox = outbox

    def get(self, deal_id: str, *, deleted: bool = False) -> Deal:
        """The deal *deal_id*; ``NotFound`` if there is none or (unless
        *deleted*) it was deleted."""
        row = self._session.execute(select(deal).where(deal.c.id == deal_id)).mappings().first()
        if row is None or (row["deleted"] and not deleted):
            raise NotFound(what=WHAT_DEAL, id=deal_id)
        return deal_from_row(row)

    def add_many(self, items: Sequence[Deal], *, record: bool = True) -> None:
        _bulk_insert(self._session, deal, DEAL_COLUMNS, [deal_row(d) for d in items])
        if record:
            for d in items:
                fields = {f: getattr(d, f) for f in DEAL_CREATE_FIELDS}
                self._outbox.record("deal", d.id, "create", None, fields)

    def add(self, d: Deal) -> None:
        self.add_many([d])

    def update(self, before: Deal, after: Deal) -> Deal:
        """Write the fields of *after* that differ from *before* (one update
        op with them and *before*'s ``server_version``); *before* unchanged
        when nothing differs."""
        changes = _changes(before, after, DEAL_SYNC_FIELDS)
        if not changes:
            return before
        after = replace(after, updated_at=utcnow())
        row = deal_row(after)
        values = {c: row[c] for c in (DEAL_ATTRIBUTE_COLUMNS.get(f, f) for f in changes)}
        values |= deal_derived(values) | {"updated_at": row["updated_at"]}
        self._session.execute(update(deal).where(deal.c.id == before.id).values(**values))
        self._outbox.record("deal", before.id, "update", before.server_version, changes)
        return after

    def delete(self, d: Deal) -> None:
        self._session.execute(
            update(deal).where(deal.c.id == d.id).values(deleted=True, updated_at=to_text(utcnow()))
        )
        self._outbox.record("deal", d.id, "delete", d.server_version, {})

    def for_customer(self, customer_id: str) -> list[Deal]:
        stmt = (
            select(deal)
            .where(deal.c.customer_id == customer_id, deal.c.deleted.is_(False))
            .order_by(deal.c.created_at, deal.c.id)
        )
        return [deal_from_row(r) for r in self._session.execute(stmt).mappings()]

    def open_count(self, customer_id: str) -> int:
        """The customer's live open deals."""
        stmt = select(func.count()).where(
            deal.c.customer_id == customer_id,
            deal.c.status == DealStatus.OPEN.value,
            deal.c.deleted.is_(False),
        )
        return int(self._session.execute(stmt).scalar_one())


class StageChangeRepository:
    """A deal's stage history: append-only, so only creates."""

    def __init__(self, session: Session, outbox: Outbox) -> None:
        self._session = session
        self._outbox = outbox

    def add_many(self, items: Sequence[StageChange], *, record: bool = True) -> None:
        _bulk_insert(
            self._session, stage_change, STAGE_CHANGE_COLUMNS, [stage_change_row(c) for c in items]
        )
        refresh_deal_facts(self._session, {c.deal_id for c in items})
        if record:
            for c in items:
                fields = {f: getattr(c, f) for f in STAGE_CHANGE_FIELDS}
                self._outbox.record("stage_change", c.id, "create", None, fields)

    def add(self, c: StageChange) -> None:
        self.add_many([c])

    def for_deal(self, deal_id: str) -> list[StageChange]:
        stmt = (
            select(stage_change)
            .where(stage_change.c.deal_id == deal_id, stage_change.c.deleted.is_(False))
            .order_by(stage_change.c.changed_at, stage_change.c.created_at)
        )
        return [stage_change_from_row(r) for r in self._session.execute(stmt).mappings()]


class WorksheetRepository:
    def __init__(self, session: Session, outbox: Outbox) -> None:
        self._session = session
        self._outbox = outbox

    def get(self, worksheet_id: str) -> Worksheet:
        """The live worksheet *worksheet_id*; ``NotFound`` otherwise."""
        row = (
            self._session.execute(select(worksheet).where(worksheet.c.id == worksheet_id))
            .mappings()
            .first()
        )
        if row is None or row["deleted"]:
            raise NotFound(what=WHAT_WORKSHEET, id=worksheet_id)
        return worksheet_from_row(row)

    def find(self, worksheet_id: str) -> Worksheet | None:
        """The worksheet *worksheet_id*, live or deleted, or None."""
        row = (
            self._session.execute(select(worksheet).where(worksheet.c.id == worksheet_id))
            .mappings()
            .first()
        )
        return worksheet_from_row(row) if row is not None else None

    def add_many(
        self,
        items: Sequence[Worksheet],
        scores: Mapping[str, SheetScore] | None = None,
        *,
        record: bool = True,
    ) -> None:
        """Insert worksheets; *scores* gives the derived score columns
        (percent, lowest verdict) of score sheets by id."""
        scores = scores or {}
        rows = [worksheet_row(w, *scores.get(w.id, NO_SCORE)) for w in items]
        _bulk_insert(self._session, worksheet, WORKSHEET_COLUMNS, rows)
        if record:
            for w in items:
                fields = {f: getattr(w, f) for f in WORKSHEET_CREATE_FIELDS}
                self._outbox.record("worksheet", w.id, "create", None, fields)

    def add(self, w: Worksheet, score: SheetScore = NO_SCORE) -> None:
        self.add_many([w], {w.id: score})

    def update(
        self, before: Worksheet, after: Worksheet, score: SheetScore = NO_SCORE
    ) -> Worksheet:
        """Write the changed ``dated``/``data`` (one update op) and the
        derived score columns; *before* unchanged when nothing differs."""
        changes = _changes(before, after, WORKSHEET_FIELDS)
        if not changes:
            return before
        after = replace(after, updated_at=utcnow())
        row = worksheet_row(after, *score)
        values = {c: row[c] for c in (*changes, "updated_at", "score_percent", "low_verdict")}
        self._session.execute(update(worksheet).where(worksheet.c.id == before.id).values(**values))
        self._outbox.record("worksheet", before.id, "update", before.server_version, changes)
        return after

    def delete(self, w: Worksheet) -> None:
        self._session.execute(
            update(worksheet)
            .where(worksheet.c.id == w.id)
            .values(deleted=True, updated_at=to_text(utcnow()))
        )
        self._outbox.record("worksheet", w.id, "delete", w.server_version, {})

    def of(self, customer_id: str | None = None, deal_id: str | None = None) -> list[Worksheet]:
        """Live worksheets of a deal, or of a customer (all of them, its
        deals' included), oldest date first."""
        stmt = select(worksheet).where(worksheet.c.deleted.is_(False))
        if deal_id is not None:
            stmt = stmt.where(worksheet.c.deal_id == deal_id)
        if customer_id is not None:
            stmt = stmt.where(worksheet.c.customer_id == customer_id)
        stmt = stmt.order_by(worksheet.c.dated, worksheet.c.created_at, worksheet.c.id)
        return [worksheet_from_row(r) for r in self._session.execute(stmt).mappings()]

    def templates_for(self, d: Deal) -> set[str]:
        """Template codes of the worksheets that count for *d*: its own and
        its customer's (a customer worksheet serves every deal of it)."""
        stmt = select(worksheet.c.template).where(
            worksheet.c.deleted.is_(False),
            worksheet.c.customer_id == d.customer_id,
            (worksheet.c.deal_id == d.id) | worksheet.c.deal_id.is_(None),
        )
        return {r[0] for r in self._session.execute(stmt)}
