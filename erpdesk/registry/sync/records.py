"""Writing and serving the synced records (``entities``: deals, stage
changes, worksheets, quotes, quote approvals, proposals), all in
``synced_records``.

Who sees a record: an administrator every one; the owner of its customer
(a deal's creator is its customer's owner, or an administrator); the users
named on its deal's team (``deal_members``, from the deal's ``team``
field, matched on registry user names); a sales manager the records of the
customers of the reps in its team.  A record without a deal (a customer's
worksheet, quote or proposal) follows its customer only.  Who writes one:
who sees it, except a manager (read-only; it pushes approval decisions
only).  A record's parents are checked when it is created (``unknown_*``
when the pusher cannot see the parent, ``not_yours`` when it may only read
it) and never move, except a quote's deal (an update may link a quote to a
deal of the same customer).  Append-only types (stage changes, approvals)
are edited only by their writer and never conflict.

An approval *request* (no ``decision``) is pushed by the quote's author
(the user whose desk created the quote); a *decision* by an administrator
or a manager of the author's team, of the customer owner's or of the deal
owner's, never by the author (``own_approval``; ``not_a_manager``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Row, and_, delete, insert, or_, select, true

from erpdesk.registry.db.schema import customers, deal_members, sync_access, synced_records, users
from erpdesk.registry.sync.access import team_changed
from erpdesk.registry.sync.apply import Context, Outcome, _finish, _locked, _tombstone
from erpdesk.registry.sync.entities import (
    DEAL,
    ENTITIES,
    PRESALES_TYPES,
    QUOTE_APPROVAL,
    EntityType,
)
from erpdesk.registry.sync.merge import merge, stamped
from erpdesk.registry.sync.ops import Op, Rejected

WRITE, READ = "write", "read"
_PARENT_WORDS = {"customer": "customer", "deal": "deal", "quote": "quote"}


# -- who may see and write ----------------------------------------------------


def _customer(ctx: Context, customer_id: str | None) -> Row[Any] | None:
    if customer_id is None:
        return None
    if customer_id not in ctx.parents:
        ctx.parents[customer_id] = ctx.conn.execute(
            select(customers).where(customers.c.id == customer_id)
        ).first()
    row = ctx.parents[customer_id]
    return None if row is None or row.deleted else row


def _team_of(ctx: Context, user_id: int | None) -> str:
    if user_id is None:
        return ""
    team = ctx.conn.execute(select(users.c.team).where(users.c.id == user_id)).scalar()
    return str(team or "")


def _manages(ctx: Context, *user_ids: int | None) -> bool:
    """Is the user a manager of the team of one of *user_ids*?"""
    if ctx.user.role != "manager" or not ctx.user.team:
        return False
    return any(_team_of(ctx, uid) == ctx.user.team for uid in user_ids if uid is not None)


def customer_access(ctx: Context, customer: Row[Any] | None) -> str | None:
    """``write``, ``read`` or ``None`` (unseen) for the records of *customer*."""
    if customer is None:
        return None
    if ctx.admin:
        return WRITE
    if customer.owner_id == ctx.user.id and ctx.user.role == "rep":
        return WRITE
    if _manages(ctx, customer.owner_id):
        return READ
    return None


def _member(ctx: Context, deal_id: str) -> bool:
    return (
        ctx.conn.execute(
            select(deal_members.c.deal_id).where(
                deal_members.c.deal_id == deal_id, deal_members.c.username == ctx.user.username
            )
        ).first()
        is not None
    )


def deal_access(ctx: Context, deal: Row[Any]) -> str | None:
    """``write``, ``read`` or ``None`` for a deal and its records."""
    best = customer_access(ctx, _customer(ctx, deal.customer_id))
    if best == WRITE:
        return best
    if _member(ctx, deal.id):
        return READ if ctx.user.role == "manager" else WRITE
    return best


def _record(ctx: Context, entity: str, record_id: str | None) -> Row[Any] | None:
    if record_id is None:
        return None
    row = ctx.conn.execute(select(synced_records).where(synced_records.c.id == record_id)).first()
    return None if row is None or row.deleted or row.entity != entity else row


def record_access(ctx: Context, row: Row[Any]) -> str | None:
    if row.deal_id is not None:
        deal = ctx.conn.execute(
            select(synced_records).where(synced_records.c.id == row.deal_id)
        ).first()
        if deal is not None:
            return deal_access(ctx, deal)
    return customer_access(ctx, _customer(ctx, row.customer_id))


def _needs_write(access: str | None, what: str) -> None:
    if access is None:
        raise Rejected(f"unknown_{what}", f"No such {what} of yours")
    if access != WRITE:
        raise Rejected("not_yours", f"This {what} is not yours to change")


# -- writing ------------------------------------------------------------------


def apply_record(ctx: Context, op: Op) -> Outcome:
    kind = ENTITIES[op.entity]
    if kind.name in PRESALES_TYPES:
        from erpdesk.registry.sync.presales import apply_presales  # it builds on this module

        return apply_presales(ctx, op)
    row = _locked(ctx, synced_records, op.entity_id)
    if row is None:
        if op.op != "create":
            raise Rejected("not_found", f"No such {op.entity} of yours")
        return _create(ctx, kind, op)
    access = record_access(ctx, row) if row.entity == op.entity else None
    if access is None or (op.op == "create" and row.user_id != ctx.user.id):
        raise Rejected(
            "id_in_use" if op.op == "create" else "not_found", f"No such {op.entity} of yours"
        )
    if access != WRITE:
        raise Rejected("not_yours", f"This {op.entity} is not yours to change")
    if kind.append_only and not ctx.admin and row.user_id != ctx.user.id:
        raise Rejected("not_yours", f"This {op.entity} was written by another user")
    moved = {}
    for name, value in op.parents.items():
        if value != getattr(row, name):
            if name not in kind.movable:
                raise Rejected(
                    "immutable_field",
                    f"A {op.entity} cannot move to another {name[:-3]}",
                    field=name,
                )
            moved[name] = value
    if op.op == "delete":
        return _tombstone(ctx, synced_records, row)
    if row.deleted:
        raise Rejected("deleted", f"The {op.entity} was deleted")
    current = values_of(kind, row)
    current.update({name: getattr(row, name) for name in kind.movable})
    result = merge(
        current,
        row.field_versions or {},
        {**op.fields, **moved},
        op.base_version,
        ctx.own,
        append_only=kind.append_only,
    )
    columns: dict[str, Any] = {"updated_at": ctx.now}
    for name in kind.movable & set(result.changes):
        new = result.changes[name]
        if new is not None:
            _needs_write(deal_access(ctx, _deal(ctx, new)), "deal")
            if _deal(ctx, new).customer_id != row.customer_id:
                raise Rejected(
                    "invalid_value", f"{name} names a deal of another customer", field=name
                )
        columns[name] = new
    stored = {k: v for k, v in result.changes.items() if k not in kind.movable}
    columns["fields"] = {**(row.fields or {}), **stored}
    if kind is DEAL and "team" in result.changes:
        _write_members(ctx, row.id, row.customer_id, result.changes["team"])
    return _finish(ctx, op, synced_records, row, result, columns)


def _deal(ctx: Context, deal_id: str) -> Row[Any]:
    deal = _record(ctx, "deal", deal_id)
    if deal is None:
        raise Rejected("unknown_deal", "No such deal of yours")
    return deal


def _create(ctx: Context, kind: EntityType, op: Op) -> Outcome:
    customer_id = op.parents.get("customer_id")
    deal_id = op.parents.get("deal_id")
    quote_id = op.parents.get("quote_id")
    owner_id = None
    if kind is DEAL:
        _needs_write(customer_access(ctx, _customer(ctx, customer_id)), "customer")
        deal_id, owner_id = op.entity_id, ctx.user.id
    elif kind is QUOTE_APPROVAL:
        quote = _record(ctx, "quote", quote_id)
        if quote is None:
            raise Rejected("unknown_quote", "No such quote of yours")
        _check_approval(ctx, quote, op.fields.get("decision"))
        customer_id, deal_id = quote.customer_id, quote.deal_id
    elif deal_id is not None:
        deal = _deal(ctx, deal_id)
        _needs_write(deal_access(ctx, deal), "deal")
        if customer_id is not None and customer_id != deal.customer_id:
            raise Rejected(
                "invalid_value", "deal_id names a deal of another customer", field="deal_id"
            )
        customer_id = deal.customer_id
    else:
        _needs_write(customer_access(ctx, _customer(ctx, customer_id)), "customer")
    number = insert_record(
        ctx, kind.name, op.entity_id, op.fields, customer_id=customer_id, deal_id=deal_id,
        quote_id=quote_id, owner_id=owner_id,
    )
    if kind is DEAL:
        assert customer_id is not None  # checked above
        _write_members(ctx, op.entity_id, customer_id, op.fields.get("team", []))
    return Outcome("applied", number)


_INSERT = insert(synced_records)


def insert_record(
    ctx: Context, entity: str, record_id: str, fields: dict[str, Any], *,
    customer_id: str | None, deal_id: str | None = None, quote_id: str | None = None,
    request_id: str | None = None, engagement_id: str | None = None,
    owner_id: int | None = None,
) -> int:
    """Write a new ``synced_records`` row (held back to the end of the batch
    when no other op of it names the record); its change number."""
    number = ctx.numbers.take(synced_records, record_id)
    row = {
        "id": record_id, "entity": entity, "customer_id": customer_id, "deal_id": deal_id,
        "quote_id": quote_id, "request_id": request_id, "engagement_id": engagement_id,
        "owner_id": owner_id, "user_id": ctx.user.id, "fields": fields,
        "field_versions": stamped({}, fields, number, ctx.writer), "deleted": False,
        "created_at": ctx.now, "updated_at": ctx.now, "change_number": number,
    }
    if record_id in ctx.alone:
        ctx.numbers.defer(synced_records, [row])
    else:
        ctx.conn.execute(_INSERT, row)
    return number


def _check_approval(ctx: Context, quote: Row[Any], decision: str | None) -> None:
    access = record_access(ctx, quote)
    if decision is None:  # a request: the quote's author asks
        if quote.user_id == ctx.user.id or ctx.admin:
            return
        _needs_write(access, "quote")
        raise Rejected("not_yours", "An approval is requested by the quote's author")
    if quote.user_id == ctx.user.id:
        raise Rejected("own_approval", "A quote's author cannot decide on its own approval")
    if ctx.admin:
        return
    deal = _record(ctx, "deal", quote.deal_id) if quote.deal_id else None
    customer = _customer(ctx, quote.customer_id)
    if _manages(
        ctx,
        quote.user_id,
        customer.owner_id if customer is not None else None,
        deal.owner_id if deal is not None else None,
    ):
        return
    if access is None:
        raise Rejected("unknown_quote", "No such quote of yours")
    raise Rejected("not_a_manager", "Only a manager of the author's team decides an approval")


def member_names(team: Any) -> set[str]:
    """The registry user names a deal's ``team`` field names (its members'
    ``name``; a plain text member counts as a name too)."""
    names: set[str] = set()
    for member in team if isinstance(team, list) else []:
        name = member.get("name") if isinstance(member, dict) else member
        if isinstance(name, str) and 0 < len(name.strip()) <= 64:
            names.add(name.strip())
    return names


def _write_members(ctx: Context, deal_id: str, customer_id: str, team: Any) -> None:
    """Rewrite the deal's members from its *team*; who was taken off or put
    on is told by pull (``access.team_changed``: rows held back to the end
    of the batch with their numbers, so a refused op leaves none)."""
    before = set(ctx.conn.execute(
        select(deal_members.c.username).where(deal_members.c.deal_id == deal_id)
    ).scalars())
    names = sorted(member_names(team))
    ctx.conn.execute(delete(deal_members).where(deal_members.c.deal_id == deal_id))
    if names:
        ctx.conn.execute(insert(deal_members), [{"username": n, "deal_id": deal_id} for n in names])
    rows = team_changed(ctx.conn, deal_id, customer_id, before, set(names), ctx.now)
    for row in rows:
        row["change_number"] = ctx.numbers.take(sync_access, row["id"])
    if rows:
        ctx.numbers.defer(sync_access, rows)


# -- serving ------------------------------------------------------------------


def values_of(kind: EntityType, row: Row[Any]) -> dict[str, Any]:
    """The record's fields, with defaults for absent ones."""
    out = {name: spec.default for name, spec in kind.fields.items()}
    out.update({k: v for k, v in (row.fields or {}).items() if k in kind.fields})
    return out


def record_change(row: Row[Any]) -> dict[str, Any]:
    """A pull change of a ``synced_records`` row (with the ``owner`` user
    name of a deal as ``row.owner``)."""
    kind = ENTITIES[row.entity]
    fields: dict[str, Any] = {}
    if not row.deleted:
        fields = values_of(kind, row)
        for name in kind.parents:
            fields[name] = getattr(row, name)
        if kind is DEAL:
            fields["owner"] = row.owner or ""
    return {
        "entity": row.entity,
        "id": row.id,
        "version": int(row.change_number),
        "deleted": bool(row.deleted),
        "visible": True,
        "fields": fields,
    }


def visible_records(
    username: str, role: str, seen_customers: ColumnElement[bool]
) -> ColumnElement[bool]:
    """Which records a user may pull (the query joins ``customers``):
    those of the customers it sees and of the deals it is on the team of."""
    if role == "admin":
        return true()
    on_team = synced_records.c.deal_id.in_(
        select(deal_members.c.deal_id).where(deal_members.c.username == username).scalar_subquery()
    )
    # Presales records follow their request (``presales_access``), not the deal's team.
    return or_(seen_customers, and_(on_team, synced_records.c.request_id.is_(None)))
