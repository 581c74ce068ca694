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
reps of its team; other roles nothing.  A rep that loses a customer gets
one ``{"visible": false}`` change for it; one that gains a customer gets the
customer's older contacts and activities with the grant (``access``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, Select, false, select, true

from erpdesk.registry.accounts import User
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.journal import COUNTER
from erpdesk.registry.db.schema import (
    change_counter,
    customer_activities,
    customer_contacts,
    customers,
    sync_access,
    synced_records,
    users,
)
from erpdesk.registry.sync.apply import activity_values, customer_values
from erpdesk.registry.sync.ops import CONTACT_FIELDS
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


def visible_customers(user: User) -> ColumnElement[bool]:
    """Which customers *user* may pull."""
    if user.role == "admin":
        return true()
    if user.role == "rep":
        return customers.c.owner_id == user.id
    if user.role == "manager" and user.team:
        team = select(users.c.id).where(users.c.team == user.team, users.c.role == "rep")
        return customers.c.owner_id.in_(team.scalar_subquery())
    return false()


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
    """One page of the changes after *since* that *user* may see."""
    limit = max(1, min(limit, MAX_LIMIT))
    since = max(since, 0)
    with db.read() as conn:
        high = int(conn.execute(
            select(change_counter.c.value).where(change_counter.c.name == COUNTER)
        ).scalar_one())
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
            sent.add((change["entity"], change["id"]))
            changes.append(change)
    next_cursor = page[-1][0] if has_more else high
    return PullResult(changes, next_cursor, has_more, now)


Candidate = tuple[int, dict[str, Any], str | None]


def _candidates(
    conn: Connection, user: User, since: int, high: int, limit: int
) -> list[Candidate]:
    seen = visible_customers(user)
    out: list[Candidate] = []
    for row in conn.execute(_window(
        CUSTOMER_SELECT.where(seen), customers.c.change_number, since, high, limit
    )):
        out.append((int(row.change_number), customer_change(row), None))
    children = (
        (customer_contacts, contact_change), (customer_activities, activity_change),
    )
    for table, build in children:
        query = select(table).join(customers, customers.c.id == table.c.customer_id).where(seen)
        for row in conn.execute(_window(query, table.c.change_number, since, high, limit)):
            out.append((int(row.change_number), build(row), None))
    query = RECORD_SELECT.where(visible_records(user.username, user.role, seen))
    for row in conn.execute(_window(query, synced_records.c.change_number, since, high, limit)):
        out.append((int(row.change_number), record_change(row), None))
    if user.role == "rep":
        query = select(sync_access).where(sync_access.c.user_id == user.id)
        for row in conn.execute(_window(query, sync_access.c.change_number, since, high, limit)):
            if row.kind == "revoke":
                change = {
                    "entity": "customer", "id": row.customer_id,
                    "version": int(row.change_number), "deleted": False, "visible": False,
                    "fields": {},
                }
                out.append((int(row.change_number), change, None))
            else:
                out.append((int(row.change_number), {}, row.customer_id))
    return out


def _granted(conn: Connection, user: User, customer_id: str, since: int) -> list[dict[str, Any]]:
    """The rows of a customer *user* was given that lie at or behind *since*
    (newer ones come in their own place); nothing if it lost it again since."""
    visible = conn.execute(
        select(customers.c.id).where(customers.c.id == customer_id, visible_customers(user))
    ).first()
    if visible is None:
        return []
    out: list[dict[str, Any]] = []
    for table, build in (
        (customer_contacts, contact_change), (customer_activities, activity_change),
    ):
        rows = conn.execute(
            select(table).where(
                table.c.customer_id == customer_id, table.c.change_number <= since,
                table.c.deleted.is_(False),
            ).order_by(table.c.change_number)
        )
        out.extend(build(row) for row in rows)
    rows = conn.execute(
        RECORD_SELECT.where(
            synced_records.c.customer_id == customer_id,
            synced_records.c.change_number <= since, synced_records.c.deleted.is_(False),
        ).order_by(synced_records.c.change_number)
    )
    out.extend(record_change(row) for row in rows)
    return out
