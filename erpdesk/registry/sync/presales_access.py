"""Who sees a support request (with its engagement and tasks), and telling
their desks when that changes.

A request is seen by its rep (``requester_id``), by the presales lead and
the sales manager of the rep's team (``team``), by the assigned consultant
and by administrators; and, like every record of a customer, by whoever
sees the customer in full (its owner, the manager of the owner's team).
Its engagement and tasks follow it.  A user who sees it only through the
request (a consultant, a lead) also gets the customer row and the
request's deal row, read-only: the desk cannot place the work without them.
``presales_requests`` holds one row per request with those names, and the
pull's filter reads it (``presales_records``, ``presales_customers``).

The access log (``access``) tells a desk when that changes, with rows that
name the request (``sync_access.request_id``): a ``grant`` sends the rows
behind the desk's cursor (the customer row, the deal row, the request and
its engagement and tasks); a ``revoke`` makes the desk drop the request
with its engagement and tasks, followed by one for the deal or the customer
when the user sees it no other way.  The events: a request made (the team's
lead and manager gain it), a consultant assigned or re-assigned (the new
one gains it, the former one loses it), a presales lead marked, unmarked or
moved to another team (``lead_changed``); a customer's owner or a deal's
team changed (``access``) grants again the requests still seen.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, Table, insert, or_, select

from erpdesk.registry.db.schema import (
    customers,
    presales_requests,
    sync_access,
    synced_records,
    users,
)
from erpdesk.registry.sync.access import GRANT, REVOKE, _memberships, _sees_customer, access_row

R = presales_requests
_USER_COLUMNS = (users.c.id, users.c.username, users.c.role, users.c.team, users.c.presales_lead)


def viewer_clause(user: Any) -> ColumnElement[bool]:
    """The ``presales_requests`` rows *user* (a ``User`` or a users row)
    sees as their rep, consultant, team lead or team manager."""
    parts = [R.c.requester_id == user.id, R.c.consultant == user.username]
    lead = user.role == "presales" and bool(getattr(user, "presales_lead", False))
    if user.team and (user.role == "manager" or lead):
        parts.append(R.c.team == user.team)
    return or_(*parts)


def views(user: Any, request: Any) -> bool:
    """Does *user* see the request *request* (a ``presales_requests`` row)
    as its rep, consultant, lead or manager?"""
    if user.id == request.requester_id:
        return True
    if request.consultant and user.username == request.consultant:
        return True
    if not user.team or user.team != request.team:
        return False
    return bool(user.role == "manager" or (user.role == "presales" and user.presales_lead))


def presales_records(user: Any) -> ColumnElement[bool]:
    """The ``synced_records`` *user* pulls through the requests it sees:
    their requests, engagements and tasks, and the requests' deal rows."""
    seen = viewer_clause(user)
    return or_(
        synced_records.c.request_id.in_(select(R.c.id).where(seen).scalar_subquery()),
        synced_records.c.id.in_(
            select(R.c.deal_id).where(seen, R.c.deal_id.is_not(None)).scalar_subquery()
        ),
    )


def presales_customers(user: Any) -> ColumnElement[bool]:
    """The customer rows *user* pulls through the requests it sees."""
    return customers.c.id.in_(select(R.c.customer_id).where(viewer_clause(user)).scalar_subquery())


def request_row(conn: Connection, request_id: str | None) -> Row[Any] | None:
    if request_id is None:
        return None
    return conn.execute(select(R).where(R.c.id == request_id)).first()


def write_request(conn: Connection, values: dict[str, Any]) -> None:
    """Store who a new request concerns (``id``, ``customer_id``,
    ``deal_id``, ``requester_id``, ``team``, ``consultant``)."""
    conn.execute(insert(R).values(**values))


def _owner(conn: Connection, customer_id: str) -> Any:
    """The owner of *customer_id* (id, role, team), or None."""
    return conn.execute(
        select(users.c.id, users.c.role, users.c.team)
        .join(customers, customers.c.owner_id == users.c.id)
        .where(customers.c.id == customer_id)
    ).first()


def _user(conn: Connection, *where: Any) -> list[Row[Any]]:
    return list(conn.execute(select(*_USER_COLUMNS).where(*where).order_by(users.c.id)))


def _grant(user: Any, request: Any, now: datetime) -> dict[str, Any]:
    return access_row(user.id, GRANT, request.customer_id, now, request.deal_id, request.id)


def request_made(conn: Connection, request: Any, now: datetime) -> list[dict[str, Any]]:
    """The access rows of a new *request*: its team's leads and managers
    gain it (unless they see its customer in full)."""
    if not request.team:
        return []
    owner = _owner(conn, request.customer_id)
    return [
        _grant(user, request, now)
        for user in _user(
            conn, users.c.team == request.team, users.c.id != request.requester_id,
            or_(users.c.role == "manager", (users.c.role == "presales") & users.c.presales_lead),
        )
        if not _sees_customer(user, owner)
    ]


def consultant_changed(
    conn: Connection, request: Any, before: str, now: datetime
) -> list[dict[str, Any]]:
    """The access rows of *request* (its row as written now) whose
    consultant was *before*: the new one gains it, the former one loses it
    unless it sees it another way."""
    rows: list[dict[str, Any]] = []
    owner = _owner(conn, request.customer_id)
    if before:
        for user in _user(conn, users.c.username == before):
            if not views(user, request) and not _sees_customer(user, owner):
                rows.extend(_lost(conn, user, request, now))
    if request.consultant:
        for user in _user(conn, users.c.username == request.consultant):
            if user.username != before and not _sees_customer(user, owner):
                rows.append(_grant(user, request, now))
    return rows


def _lost(conn: Connection, user: Any, request: Any, now: datetime) -> list[dict[str, Any]]:
    """*user* no longer sees *request*: the request goes, and the deal or the
    customer row too when it sees them no other way."""
    rows = [access_row(user.id, REVOKE, request.customer_id, now, None, request.id)]
    others = list(conn.execute(select(R.c.deal_id).where(
        R.c.customer_id == request.customer_id, R.c.id != request.id, viewer_clause(user)
    )))
    deals = _memberships(conn, request.customer_id, [user.username]).get(user.username, [])
    if not others and not deals:
        rows.append(access_row(user.id, REVOKE, request.customer_id, now))
    elif request.deal_id and request.deal_id not in deals and all(
        o.deal_id != request.deal_id for o in others
    ):
        rows.append(access_row(user.id, REVOKE, request.customer_id, now, request.deal_id))
    return rows


def still_seen(
    conn: Connection, user: Any, customer_id: str, deal_id: str | None, now: datetime
) -> list[dict[str, Any]]:
    """Grants again the requests of *customer_id* (of its deal *deal_id*
    only, unless None) that *user* still sees, after a revocation of the
    customer or the deal (whose rows the desk drops with it)."""
    if not hasattr(user, "presales_lead"):
        user = _user(conn, users.c.id == user.id)[0]
    where = [R.c.customer_id == customer_id, viewer_clause(user)]
    if deal_id is not None:
        where.append(R.c.deal_id == deal_id)
    return [_grant(user, r, now) for r in conn.execute(select(R).where(*where).order_by(R.c.id))]


def sees_a_request(conn: Connection, username: str, customer_id: str) -> bool:
    """Does the user *username* see a request of *customer_id* (so that it
    keeps the customer row)?"""
    found = _user(conn, users.c.username == username)
    return bool(found) and conn.execute(
        select(R.c.id).where(R.c.customer_id == customer_id, viewer_clause(found[0])).limit(1)
    ).first() is not None


def lead_changed(
    conn: Connection, user_id: int, before: str, after: str, now: datetime
) -> list[tuple[Table, str]]:
    """A presales lead of team *before* ('' none) now leads *after* ('' none):
    it loses the requests of the one and gains those of the other (those it
    sees anyway excepted).  Inserts the rows; the targets to stamp."""
    (user,) = _user(conn, users.c.id == user_id)  # as it is now
    rows: list[dict[str, Any]] = []
    for team in (before, after):
        if not team:
            continue
        for request in conn.execute(select(R).where(R.c.team == team).order_by(R.c.id)):
            owner = _owner(conn, request.customer_id)
            if _sees_customer(user, owner) or user.id == request.requester_id or (
                user.username == request.consultant
            ):
                continue
            if team == after:
                rows.append(_grant(user, request, now))
            elif not views(user, request):
                rows.extend(_lost(conn, user, request, now))
    if rows:
        conn.execute(insert(sync_access), rows)
    return [(sync_access, row["id"]) for row in rows]
