"""Writing support requests, presales engagements and their tasks
(docs/presales.md), in ``synced_records`` like the other records.

A request is made by a rep who may write its customer (or its deal), as a
draft or submitted; the registry names the rep and the rep's team on it
(``requested_by``, ``team``: a desk's values are ignored).  Its ``state``
moves only as the contract's table says (``MOVES``), each move by whom it
names: the requesting rep, the presales lead of the request's team, the
assigned consultant (an administrator may make any of them).  A consultant
is assigned (or re-assigned) by the lead, moving the request to
``assigned``, and must be an active ``presales`` user (``not_a_consultant``);
a decline needs its reason.  Engagements and tasks are written by the
request's consultant or lead (or an administrator); they belong to the
request's customer and deal.  Whoever else the request concerns (its rep,
the team's manager, the customer's owner) reads them.  A refused op changes
nothing: it is rejected alone.  Who sees what: ``presales_access``.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from sqlalchemy import Row, select, update

from erpdesk.registry.db.schema import presales_requests, sync_access, synced_records, users
from erpdesk.registry.sync.apply import Context, Outcome, _finish, _locked, _tombstone
from erpdesk.registry.sync.entities import (
    ENTITIES,
    PRESALES_ENGAGEMENT,
    SUPPORT_REQUEST,
    EntityType,
)
from erpdesk.registry.sync.merge import merge
from erpdesk.registry.sync.ops import Op, Rejected
from erpdesk.registry.sync.presales_access import (
    consultant_changed,
    request_made,
    request_row,
    write_request,
)
from erpdesk.registry.sync.records import (
    WRITE,
    _customer,
    _deal,
    _needs_write,
    _record,
    customer_access,
    deal_access,
    insert_record,
    values_of,
)

REP, LEAD, CONSULTANT = "rep", "lead", "consultant"
# (from, to) -> who may make the move (docs/presales.md, "Moves").
MOVES: dict[tuple[str, str], frozenset[str]] = {
    ("draft", "submitted"): frozenset({REP}),
    ("draft", "cancelled"): frozenset({REP}),
    ("submitted", "accepted"): frozenset({LEAD}),
    ("submitted", "declined"): frozenset({LEAD}),
    ("submitted", "cancelled"): frozenset({REP}),
    ("accepted", "assigned"): frozenset({LEAD}),
    ("accepted", "cancelled"): frozenset({LEAD}),
    ("assigned", "in_progress"): frozenset({CONSULTANT}),
    ("assigned", "cancelled"): frozenset({LEAD}),
    ("in_progress", "done"): frozenset({CONSULTANT}),
    ("in_progress", "cancelled"): frozenset({LEAD}),
}
NEW_STATES = ("draft", "submitted")
REGISTRY_SET = ("requested_by", "team")  # a request's fields the registry decides

# Why an op is refused, in plain words (``*_TEXT``: in the registry's catalogue).
INVALID_MOVE_TEXT = "A support request cannot move from its state to that one"
NEW_REQUEST_TEXT = "A new support request is a draft or submitted"
MOVE_NOT_YOURS_TEXT = "This move of the support request is not yours to make"
ASSIGN_TEXT = "Only the team's presales lead assigns a consultant, moving the request to assigned"
NOT_A_CONSULTANT_TEXT = "Not a presales consultant"
CONSULTANT_NEEDED_TEXT = "An assigned support request needs a consultant"
REASON_NEEDED_TEXT = "A declined support request needs a reason"
REQUEST_BY_REP_TEXT = "A support request is made by a rep"
NO_REQUEST_TEXT = "No such support request of yours"
NO_ENGAGEMENT_TEXT = "No such presales engagement of yours"
READ_ONLY_TEXT = "You may read this presales work but not change it"
WORK_TEXT = "Only the assigned consultant or the team's presales lead changes this presales work"
DELETE_TEXT = "Only its rep deletes a support request, while it is a draft"
OTHER_PARENT_TEXT = "A presales record belongs to the customer and deal of its support request"
DELETED_TEXT = "The presales record was deleted"


def relations(ctx: Context, request: Row[Any]) -> set[str]:
    """What the pushing user is to *request* (a ``presales_requests`` row):
    its rep, the lead of its team, its consultant (an administrator: all)."""
    if ctx.admin:
        return {REP, LEAD, CONSULTANT}
    user = ctx.user
    out = set()
    if request.requester_id == user.id:
        out.add(REP)
    if user.role == "presales" and user.presales_lead and user.team and user.team == request.team:
        out.add(LEAD)
    if request.consultant and request.consultant == user.username:
        out.add(CONSULTANT)
    return out


def _reads(ctx: Context, request: Row[Any]) -> bool:
    """Does the user read (and not write) *request*: the team's manager, or
    one who sees its customer (its owner, the owner's manager)?"""
    if ctx.user.role == "manager" and ctx.user.team and ctx.user.team == request.team:
        return True
    return customer_access(ctx, _customer(ctx, request.customer_id)) is not None


def _request_of(ctx: Context, record: Row[Any]) -> Row[Any] | None:
    return request_row(ctx.conn, record.request_id)


# -- writing ------------------------------------------------------------------


def apply_presales(ctx: Context, op: Op) -> Outcome:
    kind = ENTITIES[op.entity]
    row = _locked(ctx, synced_records, op.entity_id)
    if row is None:
        if op.op != "create":
            raise Rejected("not_found", f"No such {op.entity} of yours")
        return _create(ctx, kind, op)
    request = _request_of(ctx, row) if row.entity == op.entity else None
    who = relations(ctx, request) if request is not None else set()
    if request is None or (op.op == "create" and row.user_id != ctx.user.id):
        raise Rejected(
            "id_in_use" if op.op == "create" else "not_found", f"No such {op.entity} of yours"
        )
    if not who:
        if _reads(ctx, request):
            raise Rejected("not_yours", READ_ONLY_TEXT)
        raise Rejected("not_found", f"No such {op.entity} of yours")
    if kind is not SUPPORT_REQUEST and not who & {LEAD, CONSULTANT}:
        raise Rejected("not_yours", WORK_TEXT)
    for name, value in op.parents.items():
        if value != getattr(row, name):
            raise Rejected(
                "immutable_field", f"A {op.entity} cannot move to another {name[:-3]}",
                field=name,
            )
    current = values_of(kind, row)
    if op.op == "delete":
        if kind is SUPPORT_REQUEST and not ctx.admin and not (
            REP in who and current["state"] == "draft"
        ):
            raise Rejected("not_yours", DELETE_TEXT)
        return _tombstone(ctx, synced_records, row)
    if row.deleted:
        raise Rejected("deleted", DELETED_TEXT)
    fields = op.fields
    if kind is SUPPORT_REQUEST:
        fields = {k: v for k, v in fields.items() if k not in REGISTRY_SET}
    result = merge(
        current, row.field_versions or {}, fields, op.base_version, ctx.own, append_only=False
    )
    if kind is SUPPORT_REQUEST:
        _check_request(ctx, who, current, result.changes)
        if "consultant" in result.changes:
            _assign(ctx, request, current["consultant"], result.changes["consultant"])
    columns: dict[str, Any] = {
        "updated_at": ctx.now, "fields": {**(row.fields or {}), **result.changes},
    }
    return _finish(ctx, op, synced_records, row, result, columns)


def _check_request(
    ctx: Context, who: set[str], current: dict[str, Any], changes: dict[str, Any]
) -> None:
    """Refuse a change of a request's state or consultant that the contract
    does not allow *who* (the pusher's relations to it)."""
    before = current["state"]
    after = changes.get("state", before)
    if before != after:
        allowed = MOVES.get((before, after))
        if allowed is None:
            raise Rejected("invalid_move", INVALID_MOVE_TEXT, field="state")
        if not allowed & who:
            raise Rejected("move_not_allowed", MOVE_NOT_YOURS_TEXT, field="state")
    consultant = changes.get("consultant", current["consultant"])
    if "consultant" in changes and (LEAD not in who or after != "assigned"):
        raise Rejected("not_yours", ASSIGN_TEXT, field="consultant")
    if after == "assigned" and ("consultant" in changes or before != after):
        if not consultant:
            raise Rejected("consultant_required", CONSULTANT_NEEDED_TEXT, field="consultant")
        _check_consultant(ctx, consultant)
    reason = changes.get("decline_reason", current["decline_reason"])
    if after == "declined" and before != after and not str(reason or "").strip():
        raise Rejected("reason_required", REASON_NEEDED_TEXT, field="decline_reason")


def _check_consultant(ctx: Context, username: str) -> None:
    found = ctx.conn.execute(
        select(users.c.id).where(
            users.c.username == username, users.c.role == "presales", users.c.disabled.is_(False)
        )
    ).first()
    if found is None:
        raise Rejected("not_a_consultant", NOT_A_CONSULTANT_TEXT, field="consultant")


def _assign(ctx: Context, request: Row[Any], before: str, after: str) -> None:
    """Store the request's new consultant; who gained or lost it is told by
    pull (access rows held back to the end of the batch)."""
    ctx.conn.execute(
        update(presales_requests).where(presales_requests.c.id == request.id)
        .values(consultant=after)
    )
    now_row = request_row(ctx.conn, request.id)
    _log_access(ctx, consultant_changed(ctx.conn, now_row, before, ctx.now))


def _log_access(ctx: Context, rows: list[dict[str, Any]]) -> None:
    for row in rows:
        row["change_number"] = ctx.numbers.take(sync_access, row["id"])
    if rows:
        ctx.numbers.defer(sync_access, rows)


def _create(ctx: Context, kind: EntityType, op: Op) -> Outcome:
    customer_id = op.parents.get("customer_id")
    deal_id = op.parents.get("deal_id")
    fields = dict(op.fields)
    engagement_id = None
    request_id: str | None
    if kind is SUPPORT_REQUEST:
        customer_id, deal_id = _new_request(ctx, op, customer_id, deal_id)
        fields.update(requested_by=ctx.user.username, team=ctx.user.team)
        request_id = op.entity_id
    else:
        if kind is PRESALES_ENGAGEMENT:
            request_id = op.parents.get("request_id")
        else:
            engagement_id = op.parents.get("engagement_id")
            engagement = _record(ctx, PRESALES_ENGAGEMENT.name, engagement_id)
            if engagement is None:
                raise Rejected("unknown_engagement", NO_ENGAGEMENT_TEXT)
            request_id = engagement.request_id
        request = request_row(ctx.conn, request_id)
        if request is None or _record(ctx, SUPPORT_REQUEST.name, request_id) is None:
            raise Rejected("unknown_request", NO_REQUEST_TEXT)
        who = relations(ctx, request)
        if not who & {LEAD, CONSULTANT}:
            if who or _reads(ctx, request):
                raise Rejected("not_yours", WORK_TEXT)
            raise Rejected("unknown_request", NO_REQUEST_TEXT)
        if customer_id not in (None, request.customer_id) or deal_id not in (
            None, request.deal_id
        ):
            raise Rejected("invalid_value", OTHER_PARENT_TEXT, field="customer_id")
        customer_id, deal_id = request.customer_id, request.deal_id
    number = insert_record(
        ctx, kind.name, op.entity_id, fields, customer_id=customer_id, deal_id=deal_id,
        request_id=request_id, engagement_id=engagement_id,
        owner_id=ctx.user.id if kind is SUPPORT_REQUEST else None,
    )
    if kind is SUPPORT_REQUEST:
        values = {
            "id": op.entity_id, "customer_id": customer_id, "deal_id": deal_id,
            "requester_id": ctx.user.id, "team": ctx.user.team, "consultant": "",
        }
        write_request(ctx.conn, values)
        _log_access(ctx, request_made(ctx.conn, SimpleNamespace(**values), ctx.now))
    return Outcome("applied", number)


def _new_request(
    ctx: Context, op: Op, customer_id: str | None, deal_id: str | None
) -> tuple[str, str | None]:
    """The customer and deal of a new request, checked: made by a rep who
    writes them, as a draft or submitted, with no consultant yet."""
    if ctx.user.role not in ("rep", "admin"):
        raise Rejected("not_yours", REQUEST_BY_REP_TEXT)
    if op.fields.get("state", "draft") not in NEW_STATES:
        raise Rejected("invalid_move", NEW_REQUEST_TEXT, field="state")
    if op.fields.get("consultant"):
        raise Rejected("not_yours", ASSIGN_TEXT, field="consultant")
    if deal_id is not None:
        deal = _deal(ctx, deal_id)
        _needs_write(deal_access(ctx, deal), "deal")
        if customer_id is not None and customer_id != deal.customer_id:
            raise Rejected(
                "invalid_value", "deal_id names a deal of another customer", field="deal_id"
            )
        return str(deal.customer_id), deal_id
    access = customer_access(ctx, _customer(ctx, customer_id))
    _needs_write(access, "customer")
    assert customer_id is not None and access == WRITE
    return customer_id, None
