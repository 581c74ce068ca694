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

from sqlalchemy import Connection, Row, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from erpdesk.domain.errors import Problem
from erpdesk.registry.accounts import User
from erpdesk.registry.checks import slot_holders
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.journal import Actor, audit, stamp_changes
from erpdesk.registry.db.schema import (
    EXEMPT_REASON_LENGTH,
    HOLDS_SLOT,
    REGISTRATION_STATUSES,
    customer_activities,
    customers,
    registrations,
    users,
)
from erpdesk.registry.errors import BadRequest, Conflict, InvalidInput, NotFoundError
from erpdesk.registry.policy import load_policy
from erpdesk.registry.protection import end_protection, start_protection
from erpdesk.registry.registrations import VIEW_SELECT, RegistrationView, conflict_for, view_of
from erpdesk.registry.sync.access import owner_changed

MAX_PAGE = 200


def registration_queue(
    db: RegistryDatabase, status: str, now: datetime, *, limit: int = 100, offset: int = 0
) -> list[RegistrationView]:
    """Registrations in *status*: urgent ones on top, then oldest first."""
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
    return [view_of(r, now) for r in rows]


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


OWNER = users.alias("owner")
CUSTOMER_SELECT = select(
    customers, OWNER.c.username.label("owner"),
    OWNER.c.display_name.label("owner_display_name"), OWNER.c.team.label("owner_team"),
).outerjoin(OWNER, OWNER.c.id == customers.c.owner_id)


def customer_view(row: Row[Any]) -> CustomerView:
    return CustomerView(
        row.id, row.name, row.uscc, row.status, row.owner, row.owner_display_name,
        row.protected_since, row.protected_until, row.verified_at, row.released_at,
        dict(row.fields), int(row.change_number), row.release_due_at, row.last_follow_up_at,
        row.exempt_since, row.exempt_reason,
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
