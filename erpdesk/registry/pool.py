"""The pool (公海): customers released without an owner, and reps' claims.

A customer goes to the pool when its protection runs out (``jobs``) or when
the administrator releases it (``admin.allocate``).  Any rep may claim it
back into protection, within limits that keep the pool fair: the cap on the
customers one rep holds (``rep_cap``), a cool-down before a rep claims back
a customer it lost (``cooldown_days``), and a number of claims per 24 hours
(``pool_claims_per_day``).  The listing shows only what a rep needs to
choose (name, industry, place, size, when it was released), and only
customers whose company nobody holds (a company registered again under a
new id stays out of it while that registration is pending or protected);
the contacts and activities reach the rep that claims it, by sync.  A
customer in the pool is taken only by a claim (or the administrator's
allocation): a registration naming its id is refused (``registrations``).

Concurrency: one rep's claims are serialised by a lock on its ``users`` row
(so two claims at once cannot both pass the cap or the daily limit; SQLite
serialises writers anyway), and of two reps claiming one customer the
conditional UPDATE (``status = 'pool'``) lets exactly one win.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Row, func, literal_column, or_, select, update
from sqlalchemy.exc import IntegrityError

from erpdesk.domain.names import normalize_company_name
from erpdesk.registry.accounts import User
from erpdesk.registry.admin import CUSTOMER_SELECT, CustomerView, customer_view
from erpdesk.registry.checks import slot_holders
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.journal import audit, stamp_changes
from erpdesk.registry.db.schema import (
    ACTIVE_STATUSES,
    HOLDS_SLOT,
    audit_log,
    customers,
    users,
)
from erpdesk.registry.errors import Conflict, NotFoundError
from erpdesk.registry.policy import Policy, load_policy
from erpdesk.registry.protection import start_protection
from erpdesk.registry.registrations import conflict_for
from erpdesk.registry.sync.access import owner_changed

MAX_PAGE = 200
CLAIM_ACTION = "pool.claim"
CLAIM_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class PoolCustomer:
    """A customer in the pool as any rep sees it: enough to choose, no more."""

    id: str
    name: str
    industry: str | None
    province: str
    city: str
    size_band: str | None
    released_at: datetime | None


@dataclass(frozen=True)
class PoolPage:
    customers: list[PoolCustomer]
    total: int


# Another customer of the same company (credit code or name key) holding its
# slot, pending or protected: a company registered again under a new id.
_HELD = customers.alias("held")
_HELD_BY_USCC = (
    select(_HELD.c.id)
    .where(
        _HELD.c.uscc == customers.c.uscc,
        _HELD.c.status.in_([literal_column(f"'{s}'") for s in ACTIVE_STATUSES]),
    )
    .exists()
)
_HELD_BY_KEY = (
    select(_HELD.c.id)
    .where(
        _HELD.c.name_key == customers.c.name_key,
        _HELD.c.status.in_([literal_column(f"'{s}'") for s in ACTIVE_STATUSES]),
    )
    .exists()
)


def _in_pool(q: str) -> list[Any]:
    """Customers in the pool that nobody holds or has pending: not deleted,
    and whose company no other customer holds (a claim of one of those would
    only answer 409)."""
    where: list[Any] = [
        customers.c.status == "pool",
        customers.c.deleted.is_(False),
        or_(customers.c.uscc == "", ~_HELD_BY_USCC),
        or_(customers.c.name_key == "", ~_HELD_BY_KEY),
    ]
    q = q.strip()
    if q:
        # The name as written, or its normalised key (full-width forms, spaces
        # and legal-form suffixes folded as the duplicate check does).
        terms = [customers.c.name.contains(q, autoescape=True)]
        key = normalize_company_name(q)
        if key:
            terms.append(customers.c.name_key.contains(key, autoescape=True))
        where.append(or_(*terms))
    return where


_POOL_COLUMNS: tuple[Any, ...] = (
    customers.c.id,
    customers.c.name,
    customers.c.fields,
    customers.c.released_at,
)


def list_pool(db: RegistryDatabase, q: str = "", *, limit: int = 50, offset: int = 0) -> PoolPage:
    """The customers in the pool, most recently released first (optionally
    those whose name contains *q*), one page of them and how many in all."""
    where = _in_pool(q)
    with db.read() as conn:
        total = conn.execute(select(func.count()).select_from(customers).where(*where)).scalar_one()
        rows = conn.execute(
            select(*_POOL_COLUMNS)
            .where(*where)
            .order_by(customers.c.released_at.desc(), customers.c.id)
            .limit(min(max(limit, 1), MAX_PAGE))
            .offset(max(offset, 0))
        ).all()
    return PoolPage([_pool_customer(r) for r in rows], int(total))


def _pool_customer(row: Row[Any]) -> PoolCustomer:
    fields = dict(row.fields or {})

    def text(name: str) -> str:
        value = fields.get(name)
        return value if isinstance(value, str) else ""

    return PoolCustomer(
        row.id,
        row.name,
        text("industry") or None,
        text("province"),
        text("city"),
        text("size_band") or None,
        row.released_at,
    )


def claim(
    db: RegistryDatabase, rep: User, customer_id: str, reason: str, now: datetime
) -> CustomerView:
    """*rep* takes a customer out of the pool into its protection."""
    reason = reason.strip()
    try:
        with db.write() as conn:
            # Serialises this rep's claims (held to commit): the counts below stay true.
            conn.execute(select(users.c.id).where(users.c.id == rep.id).with_for_update())
            customer = conn.execute(select(customers).where(customers.c.id == customer_id)).first()
            policy = load_policy(conn)
            _check_claim(conn, rep, customer, policy, now)
            assert customer is not None
            changes: dict[str, Any] = {**start_protection(policy, now), "owner_id": rep.id}
            taken = conn.execute(
                update(customers)
                .where(customers.c.id == customer_id, customers.c.status == "pool")
                .values(**changes, updated_at=now)
            ).rowcount
            if taken != 1:
                raise _not_in_pool()
            audit(
                conn,
                now,
                rep.actor,
                CLAIM_ACTION,
                "customer",
                customer_id,
                reason=reason,
                before={
                    "status": "pool",
                    "owner_id": None,
                    "last_owner_id": customer.last_owner_id,
                    "released_at": customer.released_at,
                },
                after=changes,
            )
            access = owner_changed(conn, customer_id, None, rep.id, now)
            stamp_changes(conn, now, [(customers, customer_id), *access])
            row = conn.execute(CUSTOMER_SELECT.where(customers.c.id == customer_id)).one()
    except IntegrityError:
        # A registration of the same company got its slot at the same moment.
        raise Conflict(
            "Another customer took this company at the same moment", code="concurrent_change"
        ) from None
    return customer_view(row)


def _not_in_pool() -> Conflict:
    return Conflict(
        "This customer is no longer in the pool; someone may have claimed it first",
        code="not_in_pool",
    )


def _check_claim(
    conn: Connection, rep: User, customer: Row[Any] | None, policy: Policy, now: datetime
) -> None:
    """Every reason *rep* may not claim *customer* now, as the first error."""
    if customer is not None and customer.status != "pool" and customer.owner_id == rep.id:
        raise Conflict("You already hold this customer", code="already_owner")
    if (
        customer is None
        or customer.deleted
        or (customer.status != "pool" and customer.released_at is None)
    ):
        # Never in the pool: a stranger learns nothing about it, not even that it exists.
        raise NotFoundError(what="The customer")
    if customer.status != "pool":
        raise _not_in_pool()
    check_cooldown(policy, customer, rep.id, now)
    held = conn.execute(
        select(func.count())
        .select_from(customers)
        .where(customers.c.owner_id == rep.id, HOLDS_SLOT)
    ).scalar_one()
    if held >= policy.rep_cap:
        raise Conflict(
            "You hold {held} customers, the most allowed ({cap})",
            code="cap_reached",
            details={"cap": policy.rep_cap},
            held=held,
            cap=policy.rep_cap,
        )
    _check_daily(conn, rep, policy, now)
    holders = slot_holders(conn, customer.uscc, customer.name_key, exclude_id=customer.id)
    if holders:
        raise conflict_for(conn, rep, holders[0])


def check_cooldown(policy: Policy, customer: Any, rep_id: int, now: datetime) -> None:
    """``409 cooldown`` (with ``claimable_from`` and ``cooldown_days``) when
    the rep *rep_id* lost *customer*, a ``customers`` row in the pool (its
    ``last_owner_id`` and ``released_at`` are read), less than
    ``cooldown_days`` ago.

    Claims check it, and so do registrations of a customer in the pool
    (``registrations``), so that registering it again is no way round it."""
    if customer.last_owner_id != rep_id or customer.released_at is None:
        return
    claimable = customer.released_at + timedelta(days=policy.cooldown_days)
    if now < claimable:
        raise Conflict(
            "You lost this customer to the pool on {released}; you may take it back "
            "(claim or register it) from {date}",
            code="cooldown",
            details={
                "claimable_from": claimable.isoformat(),
                "cooldown_days": policy.cooldown_days,
            },
            released=customer.released_at.date().isoformat(),
            date=claimable.date().isoformat(),
        )


def check_registration_cooldown(
    policy: Policy, company: Iterable[Any], rep_id: int, now: datetime
) -> None:
    """The cool-down of a claim, for a rep registering a company in the pool
    as a new customer.

    *company* holds the ``customers`` rows of the registration's company: the
    customer itself and any other of the same credit code or name key.  The
    cool-down applies to each of them in the pool: a rep that lost a company
    may not get it back sooner by registering it again as a new customer
    than by claiming it (under its old id a registration is refused
    anyway: a customer in the pool is taken by a claim only).

    Only the cool-down: the daily claim limit (``pool_claims_per_day``) is
    left to claims.  A registration is not a claim; it waits for the
    administrator's call-back, which judges the visit and the need before
    anything is protected, so the number of registrations needs no limit of
    its own (the cap on what a rep holds applies to both).
    """
    lost = [
        row
        for row in company
        if row.status == "pool"
        and not row.deleted
        and row.last_owner_id == rep_id
        and row.released_at is not None
    ]
    if lost:
        check_cooldown(policy, max(lost, key=lambda row: row.released_at), rep_id, now)


def _check_daily(conn: Connection, rep: User, policy: Policy, now: datetime) -> None:
    """At most ``pool_claims_per_day`` claims in any 24 hours (counted in the
    audit log, by its index on actor, action and time)."""
    since = now - CLAIM_WINDOW
    recent = (
        conn.execute(
            select(audit_log.c.at)
            .where(
                audit_log.c.actor_id == rep.id,
                audit_log.c.action == CLAIM_ACTION,
                audit_log.c.at > since,
            )
            .order_by(audit_log.c.at.desc())
            .limit(policy.pool_claims_per_day)
        )
        .scalars()
        .all()
    )
    if len(recent) >= policy.pool_claims_per_day:
        next_at = recent[-1] + CLAIM_WINDOW
        raise Conflict(
            "You made {count} claims from the pool in the last 24 hours, the most allowed; "
            "you may claim again at {at}",
            code="daily_claims_reached",
            details={"limit": policy.pool_claims_per_day, "next_claim_at": next_at.isoformat()},
            count=policy.pool_claims_per_day,
            at=next_at.isoformat(timespec="minutes"),
        )
