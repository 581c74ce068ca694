"""Registration (客户注册): a rep asks the registry to protect a customer.

Methodology section 7: only a customer already visited and with a stated
need may be registered, with complete, correct, true and standard
information; the administrator calls back within ``callback_days`` (at once
when urgent).  The request is idempotent on the desk's UUID.  Who gets a
company when several reps ask at once is decided by the database: the
partial unique indexes on ``customers`` let exactly one active row per
credit code and per name key exist, and every loser gets a 409.

Identity: a registration never changes who an existing customer is.  Its
customer id may name an existing customer only when that customer is the
rep's own (an unregistered draft of its desk, or a registration of its that
was found invalid) and the registration names the same company: the same
name key, and the same credit code unless none was stored yet
(``same_company``).  Anything else is refused before anything is read out or
written: another company under that id (``id_other_company``), a customer
in the pool (``in_pool``: it is taken by a claim, under the claim's rules),
one held by another rep (``protected_by_other``, ``pending``), or any other
user's (``id_in_use``).  So a registration never moves a customer from one
owner to another, and no rep receives through it the contacts or
activities of a customer it did not hold.

Possible duplicates: a registration that passes every refusal is checked
once more, for near names (``checks.similar_holders`` at the policy's
``similarity_threshold``, exact matches being refused above) -- not at
submission but when first needed (``near_checks``: the first read, the
administrator's queue or call-back, the periodic job).  What it finds is
stored with the registration (``near_matches``) and makes it a *possible
duplicate*: still ``pending``, decided by the administrator's call-back
like any other.  A rep reads of a match held by someone else only its score
(``checks._visible``); an administrator reads everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Row, bindparam, func, insert, or_, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from erpdesk.domain.completeness import registration_gaps
from erpdesk.domain.customer import Activity, Contact, Customer
from erpdesk.domain.errors import Problem
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.names import normalize_company_name
from erpdesk.domain.uscc import normalize_uscc
from erpdesk.domain.validation import activity_problems, normalize_contact, normalize_customer
from erpdesk.registry.accounts import User
from erpdesk.registry.checks import (
    Holder,
    holders_among,
    index_name,
    pending_since,
    slot_holders,
)
from erpdesk.registry.db.database import ATTEMPTS, RegistryDatabase, retryable
from erpdesk.registry.db.journal import FieldStamp, audit, insert_stamped, stamp_changes
from erpdesk.registry.db.schema import ACTIVE_STATUSES, HOLDS_SLOT, customers, registrations, users
from erpdesk.registry.errors import Conflict, NotFoundError, RegistrationIncomplete
from erpdesk.registry.near_checks import (
    DONE,
    PENDING,
    NearMatch,
    near_matches_for,
    run_checks,
    unchecked,
)
from erpdesk.registry.policy import current_policy
from erpdesk.registry.sync.merge import user_writer

# Customer fields kept in ``customers.fields`` (name and code have columns).
STORED_FIELDS = (
    "short_name",
    "industry",
    "province",
    "city",
    "address",
    "size_band",
    "source",
    "source_detail",
    "phone",
    "website",
    "need",
    "notes",
)
CONTACT_STORED = (
    "id",
    "name",
    "title",
    "department",
    "level",
    "mobile",
    "office_phone",
    "email",
    "wechat",
)


@dataclass(frozen=True)
class RegistrationRequest:
    """What the desk sends, as domain objects (``api.schemas`` builds it)."""

    id: str
    customer: Customer
    contacts: list[Contact]
    visit: Activity | None
    need: str
    urgent: bool = False


@dataclass(frozen=True)
class RegistrationView:
    """A registration as its rep or an administrator sees it."""

    id: str
    customer_id: str
    customer_name: str
    uscc: str
    customer_status: str
    status: str
    urgent: bool
    submitted_at: datetime
    deadline: datetime
    overdue: bool
    reasons: str
    rep: str
    rep_display_name: str
    need: str
    visit: dict[str, Any]
    contacts: list[dict[str, Any]] = field(default_factory=list)
    decided_at: datetime | None = None
    # Near names found by the check: the administrator decides.
    possible_duplicate: bool = False
    near_matches: list[NearMatch] = field(default_factory=list)
    # ``pending`` until the near-name check has run (``near_checks``).
    near_check: str = "done"


REP = users.alias("rep")
VIEW_SELECT = (
    select(
        registrations,
        customers.c.name.label("customer_name"),
        customers.c.uscc,
        customers.c.status.label("customer_status"),
        REP.c.username.label("rep"),
        REP.c.display_name.label("rep_display_name"),
    )
    .join(customers, customers.c.id == registrations.c.customer_id)
    .join(REP, REP.c.id == registrations.c.rep_id)
)


def view_of(
    row: Row[Any], now: datetime, viewer: User | None = None,
    checked: dict[str, Any] | None = None,
) -> RegistrationView:
    """The view of a ``VIEW_SELECT`` row for *viewer* (``None``: an
    administrator's call, which sees every near match); *checked*: the near
    matches stored since the row was read (``near_checks.run_checks``)."""
    stored = checked[row.id] if checked and row.id in checked else row.near_matches
    matches = near_matches_for(stored, viewer)
    return RegistrationView(
        id=row.id,
        customer_id=row.customer_id,
        customer_name=row.customer_name,
        uscc=row.uscc,
        customer_status=row.customer_status,
        status=row.status,
        urgent=bool(row.urgent),
        submitted_at=row.submitted_at,
        deadline=row.deadline,
        overdue=row.status == "pending" and now > row.deadline,
        reasons=row.reasons,
        rep=row.rep,
        rep_display_name=row.rep_display_name,
        need=row.need,
        visit=row.visit,
        contacts=list(row.contacts),
        decided_at=row.decided_at,
        possible_duplicate=bool(matches),
        near_matches=matches,
        near_check=PENDING if row.status == "pending" and stored is None else DONE,
    )


def _row(conn: Connection, registration_id: str) -> Row[Any] | None:
    return conn.execute(VIEW_SELECT.where(registrations.c.id == registration_id)).first()


def get_registration(
    db: RegistryDatabase, user: User, registration_id: str, now: datetime
) -> RegistrationView:
    """A registration for its rep or an administrator; 404 for anyone else's.
    A pending registration not checked for near names yet is checked first."""
    with db.read() as conn:
        row = _row(conn, registration_id)
    if row is None or (user.role != "admin" and row.rep_id != user.id):
        raise NotFoundError(what="The registration")
    checked = run_checks(db, [row], now) if unchecked(row) else None
    return view_of(row, now, user, checked)


def conflict_for(conn: Connection, user: User, holder: Holder) -> Conflict:
    """The 409 for a company *holder* already holds: only the owner's name and date."""
    mine = holder.owner_id == user.id
    if holder.status == "pending":
        since = pending_since(conn, holder.id)
        code = "pending"
        text = (
            QT_TRANSLATE_NOOP(
                "Registry",
                "You have already asked to register this company; it waits for the call-back",
            )
            if mine
            else QT_TRANSLATE_NOOP(
                "Registry", "This company waits for the call-back of a registration by {owner}"
            )
        )
    else:
        since = holder.protected_since
        code = "protected_by_you" if mine else "protected_by_other"
        text = (
            QT_TRANSLATE_NOOP("Registry", "This company is already protected for you")
            if mine
            else QT_TRANSLATE_NOOP("Registry", "This company is protected by {owner} since {since}")
        )
    details: dict[str, Any] = {
        "owner": holder.owner_display_name,
        "since": since.isoformat() if since else None,
    }
    if mine:
        details["customer_id"] = holder.id
    return Conflict(
        text,
        code=code,
        details=details,
        owner=holder.owner_display_name,
        since=since.date().isoformat() if since else "",
    )


def _problems(request: RegistrationRequest, customer: Customer, now: datetime) -> list[Problem]:
    contacts = [normalize_contact(replace(c, customer_id=customer.id)) for c in request.contacts]
    activities = [request.visit] if request.visit else []
    problems = registration_gaps(customer, contacts, activities, now=now)
    if request.visit:
        problems += [
            Problem(f"visit.{p.field}", p.code, p.text, p.params)
            for p in activity_problems(request.visit, now=now)
        ]
    return problems


def _snapshot(customer: Customer) -> dict[str, Any]:
    return {
        name: (value.value if hasattr(value, "value") else value)
        for name in STORED_FIELDS
        if (value := getattr(customer, name)) is not None
    }


def _contact_json(contact: Contact) -> dict[str, Any]:
    c = normalize_contact(contact)
    return {
        name: (value.value if hasattr(value, "value") else value)
        for name in CONTACT_STORED
        if (value := getattr(c, name)) is not None
    }


def _visit_json(visit: Activity) -> dict[str, Any]:
    return {
        "id": visit.id,
        "occurred_at": visit.occurred_at.isoformat(),
        "summary": visit.summary.strip(),
        "contact_id": visit.contact_id,
    }


def submit_registration(
    db: RegistryDatabase, user: User, request: RegistrationRequest, now: datetime
) -> tuple[RegistrationView, bool]:
    """Register *request* for *user*; ``(view, created)``.

    A repeat of a request already stored is answered from the store
    (``created`` False).  Raises ``RegistrationIncomplete`` with every reason,
    or ``Conflict`` when the company is held by a pending or protected customer.
    """
    customer = normalize_customer(replace(request.customer, need=request.need))
    problems = _problems(request, customer, now)
    key = normalize_company_name(customer.name)
    for attempt in range(ATTEMPTS):
        try:
            return _submit(db, user, request, customer, problems, key, now)
        except IntegrityError:
            break  # not a deadlock: answered below
        except DBAPIError as exc:  # a deadlock (with a push of the same customer)
            if not retryable(exc) or attempt == ATTEMPTS - 1:
                raise
    # Another transaction took the company (or this id) first.
    with db.read() as conn:
        stored = _row(conn, request.id)
        if stored is not None:
            return _replayed(stored, user, customer, key, now), False
        holders = slot_holders(conn, customer.uscc, key, exclude_id=customer.id)
        holders = holders or slot_holders(conn, customer.uscc, key)
        if holders:
            raise conflict_for(conn, user, holders[0])
    raise Conflict(
        "Another change to this customer came at the same moment; try again",
        code="concurrent_change",
    )


def _submit(
    db: RegistryDatabase,
    user: User,
    request: RegistrationRequest,
    customer: Customer,
    problems: list[Problem],
    key: str,
    now: datetime,
) -> tuple[RegistrationView, bool]:
    """One attempt of ``submit_registration`` in one transaction."""
    with db.write() as conn:
        company, held = _company(conn, user.id, customer.id, customer.uscc, key)
        existing = next((row for row in company if row.id == customer.id), None)
        # A repeat is answered from the store, even if the rules changed
        # since.  Its customer exists; a request id reused with another
        # customer fails on the registration's primary key (below).
        stored = _row(conn, request.id) if existing is not None else None
        if stored is not None:
            return _replayed(stored, user, customer, key, now), False
        if problems:
            raise RegistrationIncomplete(problems)
        view = _insert(conn, user, request, customer, key, now, company, held)
    return view, True


def _replayed(
    stored: Row[Any], user: User, customer: Customer, key: str, now: datetime
) -> RegistrationView:
    """The stored answer to a repeat of a registration: the same request id,
    by the same rep, for the same customer id and company; else ``id_in_use``."""
    snapshot = dict(stored.customer_snapshot or {})
    same = (
        stored.rep_id == user.id
        and stored.customer_id == customer.id
        and normalize_company_name(str(snapshot.get("name", ""))) == key
        and str(snapshot.get("uscc", "")) == customer.uscc
    )
    if not same:
        raise Conflict("This request id is used by another request", code="id_in_use")
    return view_of(stored, now, user)


def same_company(row: Any, uscc: str, key: str) -> bool:
    """Does the ``customers`` row *row* stand for the company with credit code
    *uscc* and name key *key*?  The same name key, and the same credit code
    unless the row has none yet (a draft the registration completes; a
    draft's code as its desk wrote it, compared normalised)."""
    return bool(key) and row.name_key == key and normalize_uscc(row.uscc) in ("", uscc)


def _check_existing(conn: Connection, user: User, existing: Row[Any], uscc: str, key: str) -> None:
    """Refuse a registration whose customer id names *existing*, unless it is
    the user's own customer of the same company that holds no slot (see the
    module's docstring); the first reason, told without anything of another
    user's customer but what the registration itself named."""
    if not same_company(existing, uscc, key):
        raise Conflict(
            "This customer id belongs to another company; a registration never changes "
            "the name or credit code of an existing customer",
            code="id_other_company",
        )
    if existing.status == "pool" and not existing.deleted:
        raise Conflict(
            "This customer is in the pool; claim it from the pool instead of registering it",
            code="in_pool",
            details={"customer_id": existing.id},
        )
    if existing.status in ACTIVE_STATUSES:
        raise conflict_for(conn, user, Holder.of(existing))
    if existing.owner_id != user.id:
        raise Conflict("This customer id is used by another user", code="id_in_use")


def _company(
    conn: Connection, user_id: int, customer_id: str, uscc: str, key: str
) -> tuple[list[Row[Any]], int]:
    """In one query: the ``customers`` rows of the company (the id itself, the
    credit code, the name key), each with its owner's ``display_name``, and
    how many active customers the user holds."""
    rows = conn.execute(
        _COMPANY[(bool(uscc), bool(key))],
        {
            "user_id": user_id,
            "customer_id": customer_id,
            "uscc": uscc,
            "key": key,
        },
    ).all()
    return [row for row in rows if row.id is not None], int(rows[0].held)


def _company_query(by_uscc: bool, by_key: bool) -> Any:
    terms = [customers.c.id == bindparam("customer_id")]
    if by_uscc:
        terms.append(customers.c.uscc == bindparam("uscc"))
    if by_key:
        terms.append(customers.c.name_key == bindparam("key"))
    held = (
        select(func.count().label("held"))
        .select_from(customers)
        .where(customers.c.owner_id == bindparam("user_id"), HOLDS_SLOT)
        .subquery("h")
    )
    return select(held.c.held, customers, users.c.display_name).select_from(
        held.outerjoin(customers, or_(*terms)).outerjoin(users, users.c.id == customers.c.owner_id)
    )


# Built once, with their values bound at execution: building them per
# request (values inline) cost ~3 ms of a registration's Python.
_COMPANY = {(u, k): _company_query(u, k) for u in (False, True) for k in (False, True)}
_INSERT_REGISTRATION = insert(registrations)


def _insert(
    conn: Connection,
    user: User,
    request: RegistrationRequest,
    customer: Customer,
    key: str,
    now: datetime,
    company: list[Row[Any]],
    held: int,
) -> RegistrationView:
    """Write the registration (*company*: the rows ``_company`` read, *held*:
    the customers the user holds); its view, as a read back would give it."""
    policy = current_policy(conn)
    existing = next((row for row in company if row.id == customer.id), None)
    if existing is not None:  # before anything else: who the id names comes first
        _check_existing(conn, user, existing, customer.uscc, key)
    holders = holders_among(company, customer.uscc, key, exclude_id=customer.id)
    if holders:
        raise conflict_for(conn, user, holders[0])
    # Registering a company it lost to the pool is no way round the cool-down
    # of a claim (imported here: ``pool`` imports this module).
    from erpdesk.registry.pool import check_registration_cooldown

    check_registration_cooldown(policy, company, user.id, now)
    if held >= policy.rep_cap:
        raise Conflict(
            "You hold {held} customers, the most allowed ({cap})",
            code="cap_reached",
            details={"cap": policy.rep_cap},
            held=held,
            cap=policy.rep_cap,
        )
    snapshot = _snapshot(customer)
    values = {
        "name": customer.name,
        "name_key": key,
        "uscc": customer.uscc,
        "fields": snapshot,
        "owner_id": user.id,
        "status": "pending",
        "protected_since": None,
        "protected_until": None,
        "verified_at": None,
        "updated_at": now,
        "deleted": False,
    }
    if existing is None or existing.name_key != key:
        index_name(conn, customer.id, key, old_key=existing.name_key if existing else None)
    deadline = now if request.urgent else now + timedelta(days=policy.callback_days)
    visit = _visit_json(request.visit) if request.visit else {}
    contacts = [_contact_json(c) for c in request.contacts]
    registration = {
        "id": request.id,
        "customer_id": customer.id,
        "rep_id": user.id,
        "urgent": request.urgent,
        "need": customer.need,
        "visit": visit,
        "contacts": contacts,
        "customer_snapshot": {"name": customer.name, "uscc": customer.uscc, **snapshot},
        "status": "pending",
        "reasons": "",
        "submitted_at": now,
        "deadline": deadline,
        # Not checked yet (JSON null): near names are checked when first
        # needed, off the submission's path (``near_checks``).
        "near_matches": None,
    }
    audit(
        conn,
        now,
        user.actor,
        "registration.submit",
        "customer",
        customer.id,
        before={"status": existing.status, "owner_id": existing.owner_id} if existing else None,
        after={
            "status": "pending",
            "owner_id": user.id,
            "registration": request.id,
            "urgent": request.urgent,
        },
    )
    # The fields the registration wrote, for the sync merge: written by the
    # user (its desks' own ops do not conflict with them).
    written = ("name", "uscc", *snapshot)
    writer = user_writer(user.id)
    if existing is None:  # the customer and the registration, numbered, at once
        insert_stamped(
            conn,
            now,
            [
                (customers, {"id": customer.id, "created_at": now, **values}),
                (registrations, registration),
            ],
            fields=FieldStamp({}, written, writer),
        )
    else:  # the user's own draft, or its own invalid registration, registered again
        # Its owner stays (``_check_existing``): nobody gains or loses sight of it.
        conn.execute(update(customers).where(customers.c.id == customer.id).values(**values))
        conn.execute(_INSERT_REGISTRATION, registration)
        stamp_changes(
            conn,
            now,
            [(customers, customer.id), (registrations, request.id)],
            fields=FieldStamp(dict(existing.field_versions), written, writer),
        )
    return RegistrationView(
        id=request.id,
        customer_id=customer.id,
        customer_name=customer.name,
        uscc=customer.uscc,
        customer_status="pending",
        status="pending",
        urgent=request.urgent,
        submitted_at=now,
        deadline=deadline,
        overdue=now > deadline,
        reasons="",
        rep=user.username,
        rep_display_name=user.display_name,
        need=customer.need,
        visit=visit,
        contacts=contacts,
        near_check=PENDING,
    )
