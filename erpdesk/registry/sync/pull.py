"""``GET /api/v1/sync/pull``: the changes after a cursor that a user may see.

The cursor is the registry-wide change number (``db.journal``): numbers
are taken in commit order, so the committed ones are always a gap-free
prefix.  A page first reads the counter (``high``), then looks only at rows
whose current change number lies in ``(since, high]``: everything in that
window is committed and visible to the reads that follow, and a row changed
again meanwhile has moved above ``high`` and comes in a later page.  Each
row is sent once per page, at its latest number (older numbers of the same
row are superseded).  When the page is not full, ``next_cursor`` is
``high``, so changes the user may not see never hold the cursor back.

Visibility: an administrator sees everything; a rep its own customers
(whatever their registration status, so it learns the registry's decisions)
with their contacts and activities; a sales manager the customers owned by
reps of its team; other roles nothing of their own.  Whoever a deal's team
names (any role) sees the deal and its records (``records``) and the deal's
customer row, without the customer's contacts, activities and other
records: the desk cannot hold a deal without its customer.  A support
request, its engagement and tasks are seen by the users it concerns (its
rep, its team's presales lead and manager, its consultant:
``presales_access``), who get the customer row and the request's deal row
with it; not through a deal's team.

Leaving a view and coming into one are the access log's (``access``): a
user that lost a customer or a deal gets one ``{"visible": false}`` change
for it (a *revocation*, which a desk applies before the rows of the same
page: every row a page sends is visible at the time of the pull); one that
gained it gets, at the grant's place, the rows behind its cursor.  A cursor
behind the log's pruned horizon may have missed a revocation: ``409
cursor_too_old``, and the desk pulls everything again from 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, Select, false, or_, select, true

from erpdesk.registry.accounts import User
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.journal import COUNTER
from erpdesk.registry.db.schema import (
    change_counter,
    customer_activities,
    customer_contacts,
    customers,
    deal_members,
    presales_requests,
    sync_access,
    synced_records,
    users,
)
from erpdesk.registry.errors import Conflict
from erpdesk.registry.sync.access import HORIZON, REVOKE
from erpdesk.registry.sync.apply import activity_values, customer_values
from erpdesk.registry.sync.ops import CONTACT_FIELDS
from erpdesk.registry.sync.presales_access import (
    presales_customers,
    presales_records,
    viewer_clause,
)
from erpdesk.registry.sync.records import record_change, visible_records

MAX_LIMIT = 1000
DEFAULT_LIMIT = 500
OWNER = users.alias("owner")


@dataclass(frozen=True)
class PullResult:
    changes: list[dict[str, Any]]
    next_cursor: int
    has_more: bool
    registry_time: datetime


TOO_OLD_TEXT = (
    "This desk last synced before the oldest change the registry still keeps; "
    "it must pull everything again"
)


def full_customers(user: User) -> ColumnElement[bool]:
    """The customers whose every row *user* may pull (contacts, activities,
    records)."""
    if user.role == "admin":
        return true()
    if user.role == "rep":
        return customers.c.owner_id == user.id
    if user.role == "manager" and user.team:
        team = select(users.c.id).where(users.c.team == user.team, users.c.role == "rep")
        return customers.c.owner_id.in_(team.scalar_subquery())
    return false()


def member_customers(username: str) -> ColumnElement[bool]:
    """The customers of the deals whose team names *username* (their
    customer row only)."""
    deals = select(deal_members.c.deal_id).where(deal_members.c.username == username)
    return customers.c.id.in_(
        select(synced_records.c.customer_id)
        .where(synced_records.c.id.in_(deals.scalar_subquery())).scalar_subquery()
    )


def visible_customers(user: User) -> ColumnElement[bool]:
    """Which customer rows *user* may pull."""
    if user.role == "admin":
        return true()
    return or_(full_customers(user), member_customers(user.username), presales_customers(user))


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def customer_change(row: Row[Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if not row.deleted:
        fields = customer_values(row)
        fields.update(
            registration=row.status, owner=row.owner or "",
            protected_since=_iso(row.protected_since),
            protected_until=_iso(row.protected_until),
            # When it goes to the pool unless followed up, and the follow-up
            # that set that date (``protection``): the desk shows both.
            release_due_at=_iso(row.release_due_at),
            last_follow_up_at=_iso(row.last_follow_up_at),
            # Exempt from release (a won customer): since when (None: not).
            exempt_since=_iso(row.exempt_since),
        )
    return _change("customer", row, fields)


def contact_change(row: Row[Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if not row.deleted:
        fields = {name: spec.default for name, spec in CONTACT_FIELDS.items()}
        fields.update(row.fields or {})
        fields["customer_id"] = row.customer_id
    return _change("contact", row, fields)


def activity_change(row: Row[Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if not row.deleted:
        fields = {**activity_values(row), "customer_id": row.customer_id}
    return _change("activity", row, fields)


def _change(entity: str, row: Row[Any], fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "entity": entity, "id": row.id, "version": int(row.change_number),
        "deleted": bool(row.deleted), "visible": True, "fields": fields,
    }


CUSTOMER_SELECT = select(customers, OWNER.c.username.label("owner")).outerjoin(
    OWNER, OWNER.c.id == customers.c.owner_id
)
# Deals, stage changes, worksheets, quotes ... (``records``), with a deal's owner.
RECORD_SELECT = (
    select(synced_records, OWNER.c.username.label("owner"))
    .join(customers, customers.c.id == synced_records.c.customer_id)
    .outerjoin(OWNER, OWNER.c.id == synced_records.c.owner_id)
)


def _window(query: Select[Any], column: Any, since: int, high: int, limit: int) -> Select[Any]:
    return query.where(column > since, column <= high).order_by(column).limit(limit)


def pull(db: RegistryDatabase, user: User, since: int, limit: int, now: datetime) -> PullResult:
    """One page of the changes after *since* that *user* may see.  Raises
    ``Conflict`` (``cursor_too_old``) for a cursor behind the access log's
    pruned horizon."""
    limit = max(1, min(limit, MAX_LIMIT))
    since = max(since, 0)
    with db.read() as conn:
        counters = dict(conn.execute(
            select(change_counter.c.name, change_counter.c.value)
            .where(change_counter.c.name.in_((COUNTER, HORIZON)))
        ).all())
        high, horizon = int(counters[COUNTER]), int(counters.get(HORIZON) or 0)
        if 0 < since < horizon:
            raise Conflict(TOO_OLD_TEXT, code="cursor_too_old", details={"horizon": horizon})
        if since >= high:
            return PullResult([], since, False, now)
        rows = _candidates(conn, user, since, high, limit + 1)
        rows.sort(key=lambda item: item[0])
        page = rows[:limit]
        has_more = len(rows) > limit
        changes: list[dict[str, Any]] = []
        sent: set[tuple[str, str]] = set()
        for _number, change, grant in page:
            if grant is not None:
                for extra in _granted(conn, user, grant, since):
                    if (extra["entity"], extra["id"]) not in sent:
                        sent.add((extra["entity"], extra["id"]))
                        changes.append(extra)
                continue
            if change["visible"]:  # a revocation never holds back a row sent after it
                sent.add((change["entity"], change["id"]))
            changes.append(change)
    next_cursor = page[-1][0] if has_more else high
    return PullResult(changes, next_cursor, has_more, now)


@dataclass(frozen=True)
class Grant:
    customer_id: str
    deal_id: str | None  # None: the whole customer
    request_id: str | None = None  # a support request (of the deal, if any)


Candidate = tuple[int, dict[str, Any], Grant | None]


def _candidates(
    conn: Connection, user: User, since: int, high: int, limit: int
) -> list[Candidate]:
    full = full_customers(user)
    out: list[Candidate] = []
    # Two reads of the customers, so that each runs on its own index (the
    # owner's customers by change number; a member's few by id).
    shown: set[str] = set()
    wheres = [full] if user.role == "admin" else [
        full, or_(member_customers(user.username), presales_customers(user))
    ]
    for where in wheres:
        for row in conn.execute(_window(
            CUSTOMER_SELECT.where(where), customers.c.change_number, since, high, limit
        )):
            if row.id not in shown:
                shown.add(row.id)
                out.append((int(row.change_number), customer_change(row), None))
    children = (
        (customer_contacts, contact_change), (customer_activities, activity_change),
    )
    for table, build in children:
        query = select(table).join(customers, customers.c.id == table.c.customer_id).where(full)
        for row in conn.execute(_window(query, table.c.change_number, since, high, limit)):
            out.append((int(row.change_number), build(row), None))
    seen = visible_records(user.username, user.role, full)
    if user.role != "admin":
        seen = or_(seen, presales_records(user))
    query = RECORD_SELECT.where(seen)
    for row in conn.execute(_window(query, synced_records.c.change_number, since, high, limit)):
        out.append((int(row.change_number), record_change(row), None))
    query = select(sync_access).where(sync_access.c.user_id == user.id)
    for row in conn.execute(_window(query, sync_access.c.change_number, since, high, limit)):
        number = int(row.change_number)
        if row.kind == REVOKE:
            out.append((number, revocation(row, number), None))
        else:
            out.append((number, {}, Grant(row.customer_id, row.deal_id, row.request_id)))
    return out


def revocation(row: Row[Any], number: int) -> dict[str, Any]:
    """The change telling a desk that the customer (or deal, or support
    request) of the access *row* left the user's view."""
    entity, record_id = ("deal", row.deal_id) if row.deal_id else ("customer", row.customer_id)
    if row.request_id:
        entity, record_id = "support_request", row.request_id
    return {
        "entity": entity, "id": record_id, "version": number, "deleted": False,
        "visible": False, "fields": {},
    }


def _granted(conn: Connection, user: User, grant: Grant, since: int) -> list[dict[str, Any]]:
    """The rows *grant* gave *user* that lie at or behind *since* (newer
    ones come in their own place); nothing if it lost them again since."""
    if grant.request_id is not None:
        return _granted_request(conn, user, grant, since)
    if grant.deal_id is not None:
        return _granted_deal(conn, user, grant.customer_id, grant.deal_id, since)
    visible = conn.execute(
        select(customers.c.id).where(customers.c.id == grant.customer_id, full_customers(user))
    ).first()
    if visible is None:
        return []
    out: list[dict[str, Any]] = []
    for table, build in (
        (customer_contacts, contact_change), (customer_activities, activity_change),
    ):
        rows = conn.execute(
            select(table).where(
                table.c.customer_id == grant.customer_id, table.c.change_number <= since,
                table.c.deleted.is_(False),
            ).order_by(table.c.change_number)
        )
        out.extend(build(row) for row in rows)
    rows = conn.execute(
        RECORD_SELECT.where(
            synced_records.c.customer_id == grant.customer_id,
            synced_records.c.change_number <= since, synced_records.c.deleted.is_(False),
        ).order_by(synced_records.c.change_number)
    )
    out.extend(record_change(row) for row in rows)
    return out


def _granted_deal(
    conn: Connection, user: User, customer_id: str, deal_id: str, since: int
) -> list[dict[str, Any]]:
    """A deal given to a member: its customer row and its records."""
    member = conn.execute(
        select(deal_members.c.deal_id).where(
            deal_members.c.deal_id == deal_id, deal_members.c.username == user.username
        )
    ).first()
    customer = conn.execute(
        CUSTOMER_SELECT.where(customers.c.id == customer_id, visible_customers(user))
    ).first()
    if customer is None or (member is None and conn.execute(
        select(customers.c.id).where(customers.c.id == customer_id, full_customers(user))
    ).first() is None):
        return []
    out = [customer_change(customer)] if customer.change_number <= since else []
    rows = conn.execute(
        RECORD_SELECT.where(
            or_(synced_records.c.id == deal_id, synced_records.c.deal_id == deal_id),
            synced_records.c.request_id.is_(None),  # presales records follow their request
            synced_records.c.change_number <= since, synced_records.c.deleted.is_(False),
        ).order_by(synced_records.c.change_number)
    )
    out.extend(record_change(row) for row in rows)
    return out


def _granted_request(
    conn: Connection, user: User, grant: Grant, since: int
) -> list[dict[str, Any]]:
    """A support request given to a user it concerns: the customer row, the
    request's deal row, the request and its engagement and tasks."""
    seen = conn.execute(
        select(presales_requests.c.id)
        .where(presales_requests.c.id == grant.request_id, viewer_clause(user))
    ).first()
    customer = conn.execute(
        CUSTOMER_SELECT.where(customers.c.id == grant.customer_id, visible_customers(user))
    ).first()
    if seen is None or customer is None:
        return []
    out = [customer_change(customer)] if customer.change_number <= since else []
    ids = [synced_records.c.request_id == grant.request_id]
    if grant.deal_id is not None:
        ids.append(synced_records.c.id == grant.deal_id)
    rows = conn.execute(
        RECORD_SELECT.where(
            or_(*ids), synced_records.c.change_number <= since,
            synced_records.c.deleted.is_(False),
        ).order_by(synced_records.c.change_number)
    )
    out.extend(record_change(row) for row in rows)
    return out
