"""The customer administrator's work (客户管理员): the queue, call-backs, allocation.

Methodology section 7: the administrator calls every registration back,
records the result as an activity on the customer, and allocates; every
change of owner or status is audited with its reason.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, and_, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from erpdesk.domain.errors import Problem
from erpdesk.registry import deal_hold
from erpdesk.registry.accounts import User
from erpdesk.registry.checks import slot_holders
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.journal import Actor, audit, stamp_changes
from erpdesk.registry.db.schema import (
    EXEMPT_REASON_LENGTH,
    HOLDS_SLOT,
    REGISTRATION_STATUSES,
    audit_log,
    customer_activities,
    customers,
    leads,
    registrations,
    users,
)
from erpdesk.registry.errors import BadRequest, Conflict, InvalidInput, NotFoundError
from erpdesk.registry.near_checks import check_registration, run_checks
from erpdesk.registry.policy import load_policy, stored_text, stored_value
from erpdesk.registry.protection import end_protection, start_protection
from erpdesk.registry.registrations import VIEW_SELECT, RegistrationView, conflict_for, view_of
from erpdesk.registry.sync.access import owner_changed

MAX_PAGE = 200


def registration_queue(
    db: RegistryDatabase, status: str, now: datetime, *, limit: int = 100, offset: int = 0
) -> list[RegistrationView]:
    """Registrations in *status*: urgent ones on top, then oldest first; the
    pending ones of the page not checked for near names yet are checked
    first (``near_checks``)."""
    if status not in REGISTRATION_STATUSES:
        raise BadRequest(
            "Unknown status {status}; use one of: {statuses}", code="invalid_request",
            status=status, statuses=", ".join(REGISTRATION_STATUSES),
        )
    with db.read() as conn:
        rows = conn.execute(
            VIEW_SELECT.where(registrations.c.status == status)
            .order_by(
                registrations.c.urgent.desc(), registrations.c.submitted_at,
                registrations.c.id,
            )
            .limit(min(max(limit, 1), MAX_PAGE))
            .offset(max(offset, 0))
        ).all()
    checked = run_checks(db, rows, now)
    return [view_of(r, now, checked=checked) for r in rows]


def _customer_state(row: Row[Any]) -> dict[str, Any]:
    return {
        "status": row.status, "owner_id": row.owner_id,
        "protected_since": row.protected_since, "protected_until": row.protected_until,
    }


def _required_reason(reason: str, field: str = "reason") -> str:
    reason = reason.strip()
    if not reason:
        raise InvalidInput([Problem(field, "required", "A reason is required")])
    return reason


def record_callback(
    db: RegistryDatabase, admin: User, registration_id: str, valid: bool, reason: str,
    note: str, now: datetime,
) -> RegistrationView:
    """The call-back result (回访): valid protects the customer for its rep from
    now; invalid frees the company for anyone.  Either way the result is an
    activity on the customer and an audit entry."""
    if not valid:
        reason = _required_reason(reason)
    check_registration(db, registration_id, now)  # near names, before the decision
    with db.write() as conn:
        reg = conn.execute(
            select(registrations).where(registrations.c.id == registration_id)
        ).first()
        if reg is None:
            raise NotFoundError(what="The registration")
        if reg.status != "pending":
            raise Conflict(
                "This registration was already decided ({status})", code="not_pending",
                status=reg.status,
            )
        customer = conn.execute(
            select(customers).where(customers.c.id == reg.customer_id)
        ).one()
        policy = load_policy(conn)
        if valid:
            changes: dict[str, Any] = {
                **start_protection(policy, now), "owner_id": reg.rep_id, "verified_at": now,
            }
        else:
            changes = {"status": "invalid", **end_protection()}
        conn.execute(
            update(customers).where(customers.c.id == customer.id)
            .values(**changes, updated_at=now)
        )
        conn.execute(
            update(registrations).where(registrations.c.id == registration_id).values(
                status="verified" if valid else "rejected", reasons=reason.strip(),
                decided_at=now, decided_by=admin.id,
            )
        )
        activity_id = str(uuid.uuid4())
        outcome = "valid" if valid else "invalid"
        summary = note.strip() or (
            "Call-back: the registration is confirmed" if valid
            else f"Call-back: the registration is invalid: {reason}"
        )
        conn.execute(
            insert(customer_activities).values(
                id=activity_id, customer_id=customer.id, kind="callback", occurred_at=now,
                summary=summary, outcome=outcome, user_id=admin.id, created_at=now,
            )
        )
        audit(
            conn, now, admin.actor, f"registration.callback.{outcome}", "customer", customer.id,
            reason=reason.strip(), before=_customer_state(customer),
            after={**_customer_state(customer), **changes, "registration": registration_id},
        )
        stamp_changes(conn, now, [
            (customers, customer.id), (registrations, registration_id),
            (customer_activities, activity_id),
        ])
        row = conn.execute(VIEW_SELECT.where(registrations.c.id == registration_id)).one()
    return view_of(row, now)


@dataclass(frozen=True)
class CustomerView:
    """A customer's registry-owned state."""

    id: str
    name: str
    uscc: str
    status: str
    owner: str | None
    owner_display_name: str | None
    protected_since: datetime | None
    protected_until: datetime | None
    verified_at: datetime | None
    released_at: datetime | None
    fields: dict[str, Any]
    change_number: int
    # When it goes to the pool unless followed up, and the last follow-up counted.
    release_due_at: datetime | None = None
    last_follow_up_at: datetime | None = None
    # Exempt from release to the pool (a won customer): since when, and why.
    exempt_since: datetime | None = None
    exempt_reason: str | None = None
    # Its open deals (synced from the desks), and whether they hold it out of
    # the pool: protected and the setting ``exempt_open_deals`` on (see
    # ``deal_hold``).
    open_deals: int = 0
    exempt_by_deal: bool = False


OWNER = users.alias("owner")
CUSTOMER_SELECT = select(
    customers, OWNER.c.username.label("owner"),
    OWNER.c.display_name.label("owner_display_name"), OWNER.c.team.label("owner_team"),
    deal_hold.open_deal_count().label("open_deals"),
    stored_text(deal_hold.SETTING).label("exempt_open_deals"),
).outerjoin(OWNER, OWNER.c.id == customers.c.owner_id)


def customer_view(row: Row[Any]) -> CustomerView:
    """The view of a row of ``CUSTOMER_SELECT``."""
    open_deals = int(row.open_deals or 0)
    held = bool(stored_value(deal_hold.SETTING, row.exempt_open_deals))
    return CustomerView(
        row.id, row.name, row.uscc, row.status, row.owner, row.owner_display_name,
        row.protected_since, row.protected_until, row.verified_at, row.released_at,
        dict(row.fields), int(row.change_number), row.release_due_at, row.last_follow_up_at,
        row.exempt_since, row.exempt_reason, open_deals,
        held and open_deals > 0 and row.status == "protected",
    )


def get_customer(db: RegistryDatabase, user: User, customer_id: str) -> CustomerView:
    """A customer for an admin, its owner, or a manager of the owner's team;
    404 for anyone else (a stranger learns nothing, not even that it exists)."""
    with db.read() as conn:
        row = conn.execute(CUSTOMER_SELECT.where(customers.c.id == customer_id)).first()
    allowed = row is not None and (
        user.role == "admin"
        or (user.role == "rep" and row.owner_id == user.id)
        or (user.role == "manager" and bool(user.team) and row.owner_team == user.team)
    )
    if not allowed:
        raise NotFoundError(what="The customer")
    assert row is not None
    return customer_view(row)


def allocate(
    db: RegistryDatabase, admin: User, customer_id: str, action: str, rep_name: str | None,
    reason: str, now: datetime,
) -> CustomerView:
    """Allocate a customer to a rep (or re-allocate it), or release it to the pool."""
    reason = _required_reason(reason)
    try:
        with db.write() as conn:
            customer = conn.execute(select(customers).where(customers.c.id == customer_id)).first()
            if customer is None:
                raise NotFoundError(what="The customer")
            if customer.status == "pending":
                raise Conflict(
                    "Call the registration back before allocating this customer",
                    code="pending",
                )
            if customer.status == "unregistered" or customer.deleted:
                raise Conflict(
                    "This customer was never registered; a rep registers it first",
                    code="not_registered",
                )
            if customer.status == "invalid":
                raise Conflict(
                    "This customer was found invalid; it cannot be allocated",
                    code="customer_invalid",
                )
            policy = load_policy(conn)
            if action == "release":
                if customer.status == "pool":
                    raise Conflict("The customer is already in the pool", code="already_in_pool")
                changes: dict[str, Any] = {
                    "status": "pool", "owner_id": None, **end_protection(),
                    "last_owner_id": customer.owner_id, "released_at": now,
                }
            else:
                rep = allocatable_rep(conn, rep_name)
                if customer.owner_id == rep.id and customer.status == "protected":
                    raise Conflict(
                        "{rep} already holds this customer", code="already_owner",
                        rep=rep.display_name,
                    )
                check_cap(conn, rep, policy.rep_cap)
                if customer.status == "pool":
                    holders = slot_holders(
                        conn, customer.uscc, customer.name_key, exclude_id=customer.id
                    )
                    if holders:
                        raise conflict_for(conn, admin, holders[0])
                changes = {**start_protection(policy, now), "owner_id": rep.id}
            conn.execute(
                update(customers).where(customers.c.id == customer_id)
                .values(**changes, updated_at=now)
            )
            audit(
                conn, now, admin.actor, f"customer.{action}", "customer", customer_id,
                reason=reason, before=_customer_state(customer),
                after={**_customer_state(customer), **changes},
            )
            access = owner_changed(conn, customer_id, customer.owner_id, changes["owner_id"], now)
            stamp_changes(conn, now, [(customers, customer_id), *access])
            row = conn.execute(CUSTOMER_SELECT.where(customers.c.id == customer_id)).one()
    except IntegrityError:
        raise Conflict(
            "Another customer took this company at the same moment", code="concurrent_change"
        ) from None
    return customer_view(row)


def set_exemption(
    db: RegistryDatabase, admin: User, customer_id: str, exempt: bool, reason: str,
    now: datetime,
) -> CustomerView:
    """Exempt a protected customer from release to the pool (a won customer,
    one with an open deal), or end its exemption; both with a reason.

    Ending it starts the protection afresh from *now*: the time it spent
    exempt does not count against its owner's follow-ups.
    """
    reason = _required_reason(reason)
    if len(reason) > EXEMPT_REASON_LENGTH:
        raise InvalidInput([Problem(
            "reason", "too_long", "At most {max} characters", {"max": EXEMPT_REASON_LENGTH})])
    with db.write() as conn:
        customer = locked_customer(conn, customer_id)
        if customer is None:
            raise NotFoundError(what="The customer")
        if exempt:
            exempt_customer(conn, admin.actor, customer, reason, now)
        elif customer.exempt_since is None:
            raise Conflict("This customer is not exempt", code="not_exempt")
        else:
            _write_exemption(conn, admin.actor, customer, "customer.unexempt", reason, now, {
                **start_protection(load_policy(conn), now),
                "exempt_since": None, "exempt_reason": None,
            })
        row = conn.execute(CUSTOMER_SELECT.where(customers.c.id == customer_id)).one()
    return customer_view(row)


def locked_customer(conn: Connection, customer_id: str) -> Row[Any] | None:
    """The ``customers`` row of *customer_id*, locked until the transaction ends."""
    return conn.execute(
        select(customers).where(customers.c.id == customer_id).with_for_update()
    ).first()


def exempt_customer(
    conn: Connection, actor: Actor, customer: Row[Any], reason: str, now: datetime
) -> None:
    """Exempt *customer* (a row from ``locked_customer``) from release, audited
    with *reason*; ``409`` unless it is protected and not exempt yet."""
    if customer.status != "protected" or customer.deleted:
        raise Conflict(
            "Only a protected customer can be exempt from release to the pool",
            code="not_protected",
        )
    if customer.exempt_since is not None:
        raise Conflict("This customer is already exempt", code="already_exempt")
    _write_exemption(conn, actor, customer, "customer.exempt", reason, now, {
        "exempt_since": now, "exempt_reason": reason, "warned_at": None,
    })


def _write_exemption(
    conn: Connection, actor: Actor, customer: Row[Any], action: str, reason: str,
    now: datetime, changes: dict[str, Any],
) -> None:
    conn.execute(
        update(customers).where(customers.c.id == customer.id).values(**changes, updated_at=now)
    )
    before = {
        **_customer_state(customer),
        "exempt_since": customer.exempt_since, "exempt_reason": customer.exempt_reason,
    }
    audit(conn, now, actor, action, "customer", customer.id, reason=reason,
          before=before, after={**before, **changes})
    stamp_changes(conn, now, [(customers, customer.id)])


def allocatable_rep(conn: Connection, rep_name: str | None) -> Any:
    """The ``users`` row of the active rep named *rep_name*, to allocate a
    customer (or a lead) to; ``422`` (``required``, ``not_a_rep``) otherwise."""
    if not rep_name:
        raise InvalidInput([Problem("rep", "required", "Name the rep to allocate to")])
    rep = conn.execute(select(users).where(users.c.username == rep_name.strip().lower())).first()
    if rep is None or rep.disabled or rep.role != "rep":
        raise InvalidInput(
            [Problem("rep", "not_a_rep", "{rep} is not an active sales rep", {"rep": rep_name})]
        )
    return rep


def check_cap(conn: Connection, rep: Any, cap: int) -> None:
    """``409 cap_reached`` when *rep* (a ``users`` row) already holds *cap*
    pending and protected customers, naming the rep (the administrator's
    wording; a rep's own claim or registration says "You hold ...")."""
    held = conn.execute(
        select(func.count()).select_from(customers)
        .where(customers.c.owner_id == rep.id, HOLDS_SLOT)
    ).scalar_one()
    if held >= cap:
        raise Conflict(
            "{rep} holds {held} customers, the most allowed ({cap})", code="cap_reached",
            details={"cap": cap}, rep=rep.display_name, held=held, cap=cap,
        )


# -- a customer's audit trail ------------------------------------------------------

AUDIT_PAGE = 50
MAX_AUDIT_PAGE = 200
# The keys of a logged before/after that hold a user's id: the trail names those users.
AUDIT_USER_KEYS = frozenset({
    "owner_id", "last_owner_id", "rep_id", "telemarketer_id", "accepted_by", "outcome_by",
    "decided_by",
})


@dataclass(frozen=True)
class AuditEntry:
    """One ``audit_log`` row as the trail shows it: who (user name and display
    name, if a user), did what, when (UTC), why, and the state before and after
    exactly as the log holds them."""

    id: int
    at: datetime
    actor: str
    actor_display_name: str | None
    action: str
    entity: str
    entity_id: str
    reason: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True)
class AuditPerson:
    """A user an entry's before/after names by id (``owner_id``, ``rep_id`` …)."""

    id: int
    username: str
    display_name: str


@dataclass(frozen=True)
class AuditTrail:
    """A page of a customer's trail, newest first; ``next_before`` asks for the
    page after it (``None`` on the last)."""

    customer_id: str
    total: int
    entries: list[AuditEntry]
    users: list[AuditPerson]
    has_more: bool
    next_before: int | None


AUDIT_ACTOR = users.alias("audit_actor")


def audit_trail_filter(customer_id: str, lead_ids: list[str]) -> Any:
    """The ``audit_log`` rows of a customer: those keyed by it (registrations,
    call-backs, allocations, releases, claims, exemptions, its making from a
    lead) and those of the leads that became it; each side an equality on
    ``ix_audit_log_entity``."""
    mine = and_(audit_log.c.entity == "customer", audit_log.c.entity_id == customer_id)
    if not lead_ids:
        return mine
    return or_(mine, and_(audit_log.c.entity == "lead", audit_log.c.entity_id.in_(lead_ids)))


def customer_audit(
    db: RegistryDatabase, customer_id: str, *, limit: int = AUDIT_PAGE,
    before: int | None = None,
) -> AuditTrail:
    """A customer's audit trail for the administrator, newest first (in the
    order the registry wrote it), *limit* entries older than entry *before*.

    ``404`` for a customer the registry does not know.  Entries written while
    someone pages appear on a fresh first page, never shift a later one.
    """
    limit = min(max(limit, 1), MAX_AUDIT_PAGE)
    with db.read() as conn:
        known = conn.execute(
            select(customers.c.id).where(customers.c.id == customer_id)
        ).first()
        if known is None:
            raise NotFoundError(what="The customer")
        lead_ids = list(
            conn.execute(select(leads.c.id).where(leads.c.customer_id == customer_id)).scalars()
        )
        where = audit_trail_filter(customer_id, lead_ids)
        total = conn.execute(select(func.count()).select_from(audit_log).where(where)).scalar_one()
        query = (
            select(audit_log, AUDIT_ACTOR.c.display_name.label("actor_display_name"))
            .outerjoin(AUDIT_ACTOR, AUDIT_ACTOR.c.id == audit_log.c.actor_id)
            .where(where)
        )
        if before is not None:
            query = query.where(audit_log.c.id < before)
        rows = conn.execute(query.order_by(audit_log.c.id.desc()).limit(limit + 1)).all()
        has_more = len(rows) > limit
        rows = rows[:limit]
        named = {
            value
            for row in rows for state in (row.before, row.after) if state
            for key, value in state.items()
            if key in AUDIT_USER_KEYS and isinstance(value, int) and not isinstance(value, bool)
        }
        people = conn.execute(
            select(users.c.id, users.c.username, users.c.display_name)
            .where(users.c.id.in_(sorted(named))).order_by(users.c.id)
        ).all() if named else []
    entries = [
        AuditEntry(
            int(r.id), r.at, r.actor, r.actor_display_name, r.action, r.entity, r.entity_id,
            r.reason or "", dict(r.before) if r.before is not None else None,
            dict(r.after) if r.after is not None else None,
        )
        for r in rows
    ]
    return AuditTrail(
        customer_id, int(total), entries,
        [AuditPerson(int(p.id), p.username, p.display_name) for p in people],
        has_more, entries[-1].id if has_more else None,
    )
