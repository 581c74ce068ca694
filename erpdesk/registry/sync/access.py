"""Who gains or loses sight of a customer or of a deal, and when.

A user's pull shows the customers it sees in full (a rep its own, a sales
manager those of its team's reps, an administrator every one) and, for the
deals whose team names it, the deal, the deal's records and the deal's
customer row (``pull``).  Each time that changes, the registry must tell
the user's desk, because the pull's filter only ever shows what is visible
*now*: a record that left the user's view just stops coming, and rows that
came into it may carry change numbers behind the desk's cursor.  Each such
event is a row of ``sync_access``, written in the transaction that makes
the change and stamped with a change number there:

- ``revoke``: the user's pull sends ``{"visible": false}`` for the customer
  (``deal_id`` NULL) or the deal, and the desk removes it with everything
  under it;
- ``grant``: the user's pull sends the rows behind its cursor that it may
  see now (the customer's contacts, activities and records; for a deal,
  the deal's customer row and the deal's records).

The events: a customer's owner changes (re-allocation, release to the pool
by the administrator or the sweep, a claim from the pool, a lead signed for
with a rep; ``owner_changed``): the former owner and the managers of its
team lose the customer, the new owner and its team's managers gain it; one
who loses it but is still on the team of one of its deals is granted those
deals again (after the revocation, so its desk keeps the deal and the
customer row and drops the rest).  A deal's team changes (``team_changed``,
from the push that rewrites the ``team`` field): a user taken off loses the
deal, and the customer row too unless another deal of the customer still
names it; a user put on gains the deal.  Users who see the customer in full
anyway are left out of both.  Support requests have their own events
(``presales_access``); here, one who loses a customer or a deal but still
sees a support request of it is granted the request again.

The log is pruned like the op log (``prune_access``, ``op_retention_days``);
the highest change number pruned is the *horizon*, kept in
``change_counter``: a desk whose cursor lies behind it may have missed a
revocation and is told to pull everything again (``pull``).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select, update

from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.schema import (
    change_counter,
    customers,
    deal_members,
    sync_access,
    synced_records,
    users,
)
from erpdesk.registry.policy import load_policy

REVOKE, GRANT = "revoke", "grant"
HORIZON = "access_horizon"  # change_counter row: the highest change number pruned


def access_row(
    user_id: int, kind: str, customer_id: str, now: datetime, deal_id: str | None = None,
    request_id: str | None = None,
) -> dict[str, Any]:
    """The values of one ``sync_access`` row (without its change number);
    with *request_id*, of one support request (``presales_access``)."""
    return {
        "id": str(uuid.uuid4()), "customer_id": customer_id, "deal_id": deal_id,
        "user_id": user_id, "kind": kind, "created_at": now, "request_id": request_id,
    }


def owner_changed(
    conn: Connection, customer_id: str, before: int | None, after: int | None, now: datetime
) -> list[tuple[Table, str]]:
    """Record the access changes of *customer_id* going from owner *before* to
    *after*; the targets to pass to ``stamp_changes`` (after the customer)."""
    if before == after:
        return []
    owners = [uid for uid in (before, after) if uid is not None]
    people = {row.id: row for row in conn.execute(
        select(users.c.id, users.c.username, users.c.role, users.c.team)
        .where(users.c.id.in_(owners))
    )}
    teams = [  # a sales manager sees the customers of its team's reps
        people[uid].team if uid in people and people[uid].role == "rep" else ""
        for uid in (before, after)
    ]
    managers: dict[str, list[Any]] = {}
    if any(teams):
        for row in conn.execute(
            select(users.c.id, users.c.username, users.c.team).where(
                users.c.role == "manager", users.c.team.in_([t for t in teams if t])
            ).order_by(users.c.id)
        ):
            managers.setdefault(row.team, []).append(row)
    lose = [people[before]] if before in people else []
    gain = [people[after]] if after in people else []
    if teams[0] != teams[1]:
        lose += managers.get(teams[0], []) if teams[0] else []
        gain += managers.get(teams[1], []) if teams[1] else []
    rows: list[dict[str, Any]] = []
    kept = _memberships(conn, customer_id, [u.username for u in lose])
    for user in lose:
        rows.append(access_row(user.id, REVOKE, customer_id, now))
        rows.extend(  # still on a deal's team: that deal (and the customer row) again
            access_row(user.id, GRANT, customer_id, now, deal_id)
            for deal_id in kept.get(user.username, ())
        )
        rows.extend(still_seen(conn, user, customer_id, None, now))  # its support requests
    rows.extend(access_row(user.id, GRANT, customer_id, now) for user in gain)
    if rows:
        conn.execute(insert(sync_access), rows)
    return [(sync_access, row["id"]) for row in rows]


def _memberships(conn: Connection, customer_id: str, names: list[str]) -> dict[str, list[str]]:
    """user name -> the deals of *customer_id* whose team names it."""
    if not names:
        return {}
    found: dict[str, list[str]] = {}
    for name, deal_id in conn.execute(
        select(deal_members.c.username, deal_members.c.deal_id)
        .join(synced_records, synced_records.c.id == deal_members.c.deal_id)
        .where(synced_records.c.customer_id == customer_id, deal_members.c.username.in_(names))
        .order_by(deal_members.c.deal_id)
    ):
        found.setdefault(str(name), []).append(str(deal_id))
    return found


def team_changed(
    conn: Connection, deal_id: str, customer_id: str, before: set[str], after: set[str],
    now: datetime,
) -> list[dict[str, Any]]:
    """The access rows (without change numbers) of a deal whose team went
    from the user names *before* to *after*.  Names that are no registry
    user, and users who see the customer in full anyway, get none."""
    changed = (before - after) | (after - before)
    if not changed:
        return []
    owner = conn.execute(
        select(users.c.id, users.c.role, users.c.team)
        .join(customers, customers.c.owner_id == users.c.id)
        .where(customers.c.id == customer_id)
    ).first()
    rows: list[dict[str, Any]] = []
    for user in conn.execute(
        select(users.c.id, users.c.username, users.c.role, users.c.team)
        .where(users.c.username.in_(sorted(changed))).order_by(users.c.username)
    ):
        if _sees_customer(user, owner):
            continue
        if user.username in after:
            rows.append(access_row(user.id, GRANT, customer_id, now, deal_id))
            continue
        rows.append(access_row(user.id, REVOKE, customer_id, now, deal_id))
        others = [
            d for d in _memberships(conn, customer_id, [user.username]).get(user.username, ())
            if d != deal_id
        ]
        if not others and not sees_a_request(conn, user.username, customer_id):
            # no other deal of the customer names it: the customer row goes too
            rows.append(access_row(user.id, REVOKE, customer_id, now))
        else:  # the support requests on the deal it still sees come again
            rows.extend(still_seen(conn, user, customer_id, deal_id, now))
    return rows


def _sees_customer(user: Any, owner: Any) -> bool:
    """Does *user* see every row of a customer owned by *owner* (or nobody)?"""
    if user.role == "admin":
        return True
    if owner is None or owner.role != "rep":
        return False
    if user.role == "rep":
        return bool(user.id == owner.id)
    return user.role == "manager" and bool(user.team) and user.team == owner.team


def horizon(conn: Connection) -> int:
    """The highest change number of the access rows pruned (0: none)."""
    value = conn.execute(
        select(change_counter.c.value).where(change_counter.c.name == HORIZON)
    ).scalar()
    return int(value or 0)


def prune_access(db: RegistryDatabase, now: datetime) -> int:
    """Forget the access rows older than ``op_retention_days`` (and every
    row numbered before them), moving the horizon up to the last one; how
    many were forgotten."""
    with db.write() as conn:
        days = load_policy(conn).op_retention_days
        top = conn.execute(
            select(func.max(sync_access.c.change_number))
            .where(sync_access.c.created_at < now - timedelta(days=days))
        ).scalar()
        if top is None:
            return 0
        forgotten = int(conn.execute(
            delete(sync_access).where(sync_access.c.change_number <= top)
        ).rowcount)
        moved = conn.execute(
            update(change_counter)
            .where(change_counter.c.name == HORIZON, change_counter.c.value < top)
            .values(value=top)
        ).rowcount
        if not moved and horizon(conn) < top:  # no row yet
            conn.execute(insert(change_counter).values(name=HORIZON, value=top))
        return forgotten


def still_seen(
    conn: Connection, user: Any, customer_id: str, deal_id: str | None, now: datetime
) -> list[dict[str, Any]]:
    from erpdesk.registry.sync import presales_access  # it builds on this module

    return presales_access.still_seen(conn, user, customer_id, deal_id, now)


def sees_a_request(conn: Connection, username: str, customer_id: str) -> bool:
    from erpdesk.registry.sync import presales_access  # it builds on this module

    return presales_access.sees_a_request(conn, username, customer_id)
