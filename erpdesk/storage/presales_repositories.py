"""Repositories of presales records: support requests, engagements and
their tasks (entities ``support_request``, ``presales_engagement``,
``presales_task``; docs/presales.md).

Like the deals' repositories: Core statements in a unit of work's session,
domain objects in and out, an outbox op for every change in the change's
own transaction.  A create op carries every field a desk sends (the
registry names a request's ``requested_by`` and ``team`` itself), an update
op the changed fields with the base ``server_version``, a delete is a
tombstone op.  Values are as ``mapping.payload_value`` writes them; a
record's parents (customer, deal, request, engagement) travel on its create
only (the registry never moves them), an absent deal as null.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Table, func, insert, select, update
from sqlalchemy.orm import Session

from erpdesk.domain.customer import enum_member, utcnow
from erpdesk.domain.errors import NotFound
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.presales import (
    ENGAGEMENT_FIELDS,
    ENGAGEMENT_STEP_FIELDS,
    PRESALES_TASK_FIELDS,
    SUPPORT_REQUEST_FIELDS,
    SUPPORT_REQUEST_STATE_FIELDS,
    Attendee,
    DemoScenario,
    Engagement,
    Finding,
    FollowUp,
    GapLevel,
    Interview,
    PresalesTask,
    RequestKind,
    RequestState,
    ScenarioFeedback,
    StepEntry,
    SupportRequest,
    TaskKind,
    TaskState,
    TechnicalWin,
)
from erpdesk.storage.mapping import Row, from_text, to_json, to_text
from erpdesk.storage.outbox import Outbox
from erpdesk.storage.schema import (
    customer,
    deal,
    presales_engagement,
    presales_task,
    support_request,
)

WHAT_REQUEST = QT_TRANSLATE_NOOP("Domain", "Support request")
WHAT_ENGAGEMENT = QT_TRANSLATE_NOOP("Domain", "Presales engagement")
WHAT_TASK = QT_TRANSLATE_NOOP("Domain", "Presales task")

# What the ops carry, by the registry's field names (erpdesk/registry/sync/
# entities.py).  ``deal_id`` of a request is fixed at creation (a parent).
REQUEST_UPDATE_FIELDS: tuple[str, ...] = tuple(
    f for f in (*SUPPORT_REQUEST_FIELDS, *SUPPORT_REQUEST_STATE_FIELDS) if f != "deal_id"
)
REQUEST_CREATE_FIELDS = ("customer_id", "deal_id", *REQUEST_UPDATE_FIELDS)
ENGAGEMENT_UPDATE_FIELDS: tuple[str, ...] = tuple(
    dict.fromkeys((*ENGAGEMENT_STEP_FIELDS, *ENGAGEMENT_FIELDS))
)
ENGAGEMENT_CREATE_FIELDS = (
    "request_id", "customer_id", "deal_id", "opened_at", *ENGAGEMENT_UPDATE_FIELDS,
)  # fmt: skip
TASK_UPDATE_FIELDS: tuple[str, ...] = PRESALES_TASK_FIELDS
TASK_CREATE_FIELDS = ("engagement_id", "customer_id", "deal_id", "kind", *TASK_UPDATE_FIELDS)

# Columns holding JSON text, per table.
REQUEST_JSON = ("modules", "attendees")
ENGAGEMENT_JSON = ("checklist", "history")
TASK_JSON = (
    "our_attendees", "customer_attendees", "follow_ups", "modules", "scenarios", "feedback",
    "departments", "interviews", "answers", "findings",
)  # fmt: skip


# -- rows <-> records ------------------------------------------------------------


def _column(name: str, value: Any, json_columns: Sequence[str]) -> Any:
    """A field's value as its column stores it."""
    if name in json_columns:
        return to_json(value)
    if name == "deal_id":
        return value or None
    if isinstance(value, datetime):
        return to_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def _row(record: Any, table: Table, json_columns: Sequence[str]) -> dict[str, Any]:
    return {c.name: _column(c.name, getattr(record, c.name), json_columns) for c in table.columns}


def _wire(record: Any, names: Iterable[str]) -> dict[str, Any]:
    """The op fields *names* of *record* (an absent deal as None)."""
    out = {name: getattr(record, name) for name in names}
    if "deal_id" in out:
        out["deal_id"] = out["deal_id"] or None
    return out


def optional_time(text: str | None) -> datetime | None:
    return from_text(text) if text else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _attendees(items: Iterable[Mapping[str, Any]]) -> tuple[Attendee, ...]:
    return tuple(Attendee(str(a.get("name", "")), str(a.get("title", ""))) for a in items)


def bookkeeping(row: Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "created_at": from_text(row["created_at"]),
        "updated_at": from_text(row["updated_at"]),
        "server_version": row["server_version"],
        "deleted": bool(row["deleted"]),
    }


def request_from_row(row: Row) -> SupportRequest:
    return SupportRequest(
        customer_id=row["customer_id"],
        kind=enum_member(RequestKind, row["kind"]),
        requested_by=row["requested_by"],
        team=row["team"],
        deal_id=row["deal_id"] or "",
        wanted_from=_day(row["wanted_from"]),
        wanted_until=_day(row["wanted_until"]),
        modules=tuple(json.loads(row["modules"])),
        attendees=_attendees(json.loads(row["attendees"])),
        customer_cares=row["customer_cares"],
        notes=row["notes"],
        state=enum_member(RequestState, row["state"]),
        decline_reason=row["decline_reason"],
        consultant=row["consultant"],
        submitted_at=optional_time(row["submitted_at"]),
        decided_at=optional_time(row["decided_at"]),
        **bookkeeping(row),
    )


def _history(items: Iterable[Mapping[str, Any]]) -> tuple[StepEntry, ...]:
    return tuple(
        StepEntry(
            step=int(e["step"]),
            entered_at=from_text(e["entered_at"]),
            by=str(e.get("by", "")),
            reason=str(e.get("reason", "")),
            overridden=tuple(e.get("overridden", ())),
        )
        for e in items
    )


def engagement_from_row(row: Row) -> Engagement:
    created = from_text(row["created_at"])
    return Engagement(
        request_id=row["request_id"],
        customer_id=row["customer_id"],
        consultant=row["consultant"],
        deal_id=row["deal_id"] or "",
        step=row["step"],
        checklist={k: tuple(v) for k, v in json.loads(row["checklist"]).items()},
        history=_history(json.loads(row["history"])),
        technical_win=enum_member(TechnicalWin, row["technical_win"]),
        opened_at=optional_time(row["opened_at"]) or created,
        closed_at=optional_time(row["closed_at"]),
        notes=row["notes"],
        **bookkeeping(row),
    )


def _finding(f: Mapping[str, Any]) -> Finding:
    return Finding(
        module=str(f.get("module", "")),
        text=str(f.get("text", "")),
        priority=str(f.get("priority", "")),
        gap=enum_member(GapLevel, f.get("gap") or GapLevel.NONE.value),
        need_id=str(f.get("need_id", "")),
        id=str(f["id"]),
    )


def task_from_row(row: Row) -> PresalesTask:
    created = from_text(row["created_at"])
    starts = optional_time(row["starts_at"]) or created
    loads = json.loads
    return PresalesTask(
        engagement_id=row["engagement_id"],
        customer_id=row["customer_id"],
        kind=enum_member(TaskKind, row["kind"]),
        title=row["title"],
        starts_at=starts,
        ends_at=optional_time(row["ends_at"]) or starts,
        deal_id=row["deal_id"] or "",
        place=row["place"],
        online=bool(row["online"]),
        our_attendees=tuple(loads(row["our_attendees"])),
        customer_attendees=_attendees(loads(row["customer_attendees"])),
        state=enum_member(TaskState, row["state"]),
        outcome=row["outcome"],
        follow_ups=tuple(
            FollowUp(str(f.get("text", "")), _day(f.get("due")), bool(f.get("done", False)))
            for f in loads(row["follow_ups"])
        ),
        modules=tuple(loads(row["modules"])),
        scenarios=tuple(
            DemoScenario(
                str(s["code"]),
                str(s.get("title", "")),
                str(s.get("module", "")),
                str(s.get("script", "")),
            )
            for s in loads(row["scenarios"])
        ),
        environment=row["environment"],
        data_prep=row["data_prep"],
        feedback={
            code: ScenarioFeedback(f.get("score"), str(f.get("comment", "")))
            for code, f in loads(row["feedback"]).items()
        },
        departments=tuple(loads(row["departments"])),
        interviews=tuple(
            Interview(str(i.get("department", "")), tuple(i.get("people", ())), _day(i.get("on")))
            for i in loads(row["interviews"])
        ),
        answers=loads(row["answers"]),
        findings=tuple(_finding(f) for f in loads(row["findings"])),
        **bookkeeping(row),
    )


# -- repositories -------------------------------------------------------------------


class RecordRepository:
    """One synced record table (the presales records, todos): get, add,
    update (changed fields), tombstone, each with its outbox op."""

    entity: str
    table: Table
    json_columns: tuple[str, ...]
    create_fields: tuple[str, ...]
    update_fields: tuple[str, ...]
    what: str

    def __init__(self, session: Session, outbox: Outbox) -> None:
        self._session = session
        self._outbox = outbox

    def _from_row(self, row: Row) -> Any:
        raise NotImplementedError

    def _select(self, *where: Any, order: Sequence[Any] = ()) -> list[Any]:
        t = self.table
        stmt = select(t).where(t.c.deleted.is_(False), *where).order_by(*order, t.c.id)
        return [self._from_row(r) for r in self._session.execute(stmt).mappings()]

    def find(self, record_id: str) -> Any | None:
        """The record *record_id*, live or deleted, or None."""
        t = self.table
        row = self._session.execute(select(t).where(t.c.id == record_id)).mappings().first()
        return None if row is None else self._from_row(row)

    def get(self, record_id: str) -> Any:
        """The live record *record_id*; ``NotFound`` otherwise."""
        found = self.find(record_id)
        if found is None or found.deleted:
            raise NotFound(what=self.what, id=record_id)
        return found

    def add(self, record: Any, *, record_op: bool = True) -> None:
        self._session.execute(insert(self.table), _row(record, self.table, self.json_columns))
        if record_op:
            fields = _wire(record, self.create_fields)
            self._outbox.record(self.entity, record.id, "create", None, fields)

    def update(self, before: Any, after: Any) -> Any:
        """Write the fields of *after* that differ from *before* (one update
        op with them and *before*'s ``server_version``); *before* when
        nothing differs."""
        changes = {
            f: getattr(after, f)
            for f in self.update_fields
            if getattr(before, f) != getattr(after, f)
        }
        if not changes:
            return before
        after = replace(after, updated_at=utcnow())
        values = {f: _column(f, v, self.json_columns) for f, v in changes.items()}
        values["updated_at"] = to_text(after.updated_at)
        t = self.table
        self._session.execute(update(t).where(t.c.id == before.id).values(**values))
        self._outbox.record(self.entity, before.id, "update", before.server_version, changes)
        return after

    def delete(self, record: Any) -> None:
        t = self.table
        self._session.execute(
            update(t).where(t.c.id == record.id).values(deleted=True, updated_at=to_text(utcnow()))
        )
        self._outbox.record(self.entity, record.id, "delete", record.server_version, {})


def _names(session: Session, table: Table, ids: set[str]) -> dict[str, str]:
    """id -> name of the rows of *table* among *ids* (in chunks under
    SQLite's limit of bound parameters)."""
    found: dict[str, str] = {}
    chosen = sorted(ids)
    for at in range(0, len(chosen), 500):
        stmt = select(table.c.id, table.c.name).where(table.c.id.in_(chosen[at : at + 500]))
        found.update((str(i), str(n)) for i, n in session.execute(stmt))
    return found


class SupportRequestRepository(RecordRepository):
    entity = "support_request"
    table = support_request
    json_columns = REQUEST_JSON
    create_fields = REQUEST_CREATE_FIELDS
    update_fields = REQUEST_UPDATE_FIELDS
    what = WHAT_REQUEST

    def _from_row(self, row: Row) -> SupportRequest:
        return request_from_row(row)

    def names(self, requests: Iterable[SupportRequest]) -> dict[str, tuple[str, str]]:
        """Each request's (customer name, deal name), two queries in all
        (a name the desk does not hold: empty)."""
        wanted = list(requests)
        customers = _names(self._session, customer, {r.customer_id for r in wanted})
        deals = _names(self._session, deal, {r.deal_id for r in wanted if r.deal_id})
        return {
            r.id: (customers.get(r.customer_id, ""), deals.get(r.deal_id or "", ""))
            for r in wanted
        }

    def get(self, record_id: str) -> SupportRequest:
        found: SupportRequest = super().get(record_id)
        return found

    def of_deal(self, deal_id: str) -> list[SupportRequest]:
        """A deal's live requests, oldest first."""
        t = self.table
        return self._select(t.c.deal_id == deal_id, order=(t.c.created_at,))

    def of_customer(self, customer_id: str) -> list[SupportRequest]:
        t = self.table
        return self._select(t.c.customer_id == customer_id, order=(t.c.created_at,))

    def in_states(
        self, states: Iterable[RequestState], consultant: str | None = None
    ) -> list[SupportRequest]:
        """Live requests in *states* (of *consultant*), by wanted date."""
        t = self.table
        where: list[Any] = [t.c.state.in_([s.value for s in states])]
        if consultant is not None:
            where.append(t.c.consultant == consultant)
        return self._select(*where, order=(t.c.wanted_from, t.c.created_at))


class EngagementRepository(RecordRepository):
    entity = "presales_engagement"
    table = presales_engagement
    json_columns = ENGAGEMENT_JSON
    create_fields = ENGAGEMENT_CREATE_FIELDS
    update_fields = ENGAGEMENT_UPDATE_FIELDS
    what = WHAT_ENGAGEMENT

    def _from_row(self, row: Row) -> Engagement:
        return engagement_from_row(row)

    def get(self, record_id: str) -> Engagement:
        found: Engagement = super().get(record_id)
        return found

    def of_request(self, request_id: str) -> Engagement | None:
        """The request's live engagement (the latest, should there be two)."""
        t = self.table
        found = self._select(t.c.request_id == request_id, order=(t.c.created_at,))
        return found[-1] if found else None

    def of_consultant(
        self, consultant: str | None = None, *, open_only: bool | None = None
    ) -> list[Engagement]:
        """Live engagements (of *consultant*; only open ones, only closed
        ones, or all), oldest first."""
        t = self.table
        where: list[Any] = []
        if consultant is not None:
            where.append(t.c.consultant == consultant)
        if open_only is True:
            where.append(t.c.closed_at.is_(None))
        elif open_only is False:
            where.append(t.c.closed_at.is_not(None))
        return self._select(*where, order=(t.c.opened_at,))

    def lines(self, consultant: str | None = None) -> list[Row]:
        """The workbench's rows of the live engagements (of *consultant*),
        newest first: the engagement's columns with its request's ``kind``
        and its ``customer`` and ``deal`` names, in one query (no JSON
        read, no query per row)."""
        t, r = self.table, support_request
        stmt = (
            select(
                t.c.id, t.c.request_id, t.c.customer_id, t.c.deal_id, t.c.consultant, t.c.step,
                t.c.technical_win, t.c.opened_at, t.c.closed_at, t.c.updated_at,
                r.c.kind.label("kind"), customer.c.name.label("customer"),
                deal.c.name.label("deal"),
            )
            .join(r, r.c.id == t.c.request_id)
            .join(customer, customer.c.id == t.c.customer_id)
            .outerjoin(deal, deal.c.id == t.c.deal_id)
            .where(t.c.deleted.is_(False))
            .order_by(t.c.opened_at.desc(), t.c.id)
        )  # fmt: skip
        if consultant is not None:
            stmt = stmt.where(t.c.consultant == consultant)
        return list(self._session.execute(stmt).mappings())

    def win_counts(self) -> list[Row]:
        """Live engagements counted per consultant, technical win and
        whether closed (``consultant``, ``technical_win``, ``closed``, ``n``)."""
        t = self.table
        closed = t.c.closed_at.is_not(None).label("closed")
        stmt = (
            select(t.c.consultant, t.c.technical_win, closed, func.count().label("n"))
            .where(t.c.deleted.is_(False))
            .group_by(t.c.consultant, t.c.technical_win, closed)
        )
        return list(self._session.execute(stmt).mappings())


class PresalesTaskRepository(RecordRepository):
    entity = "presales_task"
    table = presales_task
    json_columns = TASK_JSON
    create_fields = TASK_CREATE_FIELDS
    update_fields = TASK_UPDATE_FIELDS
    what = WHAT_TASK

    def _from_row(self, row: Row) -> PresalesTask:
        return task_from_row(row)

    def get(self, record_id: str) -> PresalesTask:
        found: PresalesTask = super().get(record_id)
        return found

    def of_engagement(self, engagement_id: str) -> list[PresalesTask]:
        t = self.table
        return self._select(t.c.engagement_id == engagement_id, order=(t.c.starts_at,))

    def between(
        self, start: datetime, end: datetime, states: Iterable[TaskState] | None = None
    ) -> list[PresalesTask]:
        """Live tasks starting in [*start*, *end*) (in *states*), by time."""
        t = self.table
        where: list[Any] = [t.c.starts_at >= to_text(start), t.c.starts_at < to_text(end)]
        if states is not None:
            where.append(t.c.state.in_([s.value for s in states]))
        return self._select(*where, order=(t.c.starts_at,))

    def in_states(self, states: Iterable[TaskState]) -> list[PresalesTask]:
        t = self.table
        return self._select(t.c.state.in_([s.value for s in states]), order=(t.c.starts_at,))

    def lines(
        self,
        states: Iterable[TaskState] | None = None,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        attendee: str | None = None,
    ) -> list[Row]:
        """The workbench's rows of live tasks (in *states*, starting in
        [*start*, *end*), *attendee* possibly among ``our_attendees``: the
        caller checks the list exactly), by time: the task's plain columns
        with its ``customer`` and ``deal`` names, in one query.

        Without a time range the table is read in order rather than through
        ``ix_presales_task_open``: the planned tasks are half the table and
        the attendee test reads each row anyway, and a scan reads 30,000
        rows two to three times faster than as many look-ups."""
        t = self.table
        ranged = start is not None or end is not None
        deleted: Any = t.c.deleted
        state: Any = t.c.state
        if not ranged:  # expressions, not columns: SQLite uses no index for them
            deleted, state = deleted.op("+")(0), state.op("||")("")
        stmt = (
            select(
                t.c.id, t.c.engagement_id, t.c.customer_id, t.c.deal_id, t.c.kind, t.c.title,
                t.c.starts_at, t.c.ends_at, t.c.place, t.c.online, t.c.state,
                t.c.our_attendees, customer.c.name.label("customer"),
                deal.c.name.label("deal"),
            )
            .join(customer, customer.c.id == t.c.customer_id)
            .outerjoin(deal, deal.c.id == t.c.deal_id)
            .where(deleted == 0)
            .order_by(t.c.starts_at, t.c.id)
        )  # fmt: skip
        if states is not None:
            stmt = stmt.where(state.in_([s.value for s in states]))
        if start is not None:
            stmt = stmt.where(t.c.starts_at >= to_text(start))
        if end is not None:
            stmt = stmt.where(t.c.starts_at < to_text(end))
        if attendee is not None:  # a superset: the JSON list holds the quoted name
            quoted = json.dumps(attendee, ensure_ascii=False)
            stmt = stmt.where(func.instr(t.c.our_attendees, quoted) > 0)
        return list(self._session.execute(stmt).mappings())
