"""Telemarketing leads (电话营销): entered, handed over, signed for, followed to an outcome.

Methodology section 7: leads that telemarketing judges valid go to the
customer administrator, who signs for them (签收) and allocates them; the
final result goes back to both the administrator and the telemarketer as
one of four states: signed, lost, invalid resource, keep following up.

A lead's life: ``new`` (entered by a telemarketer) → ``handed_over`` (the
telemarketer judged it valid) → ``accepted`` (the administrator signed for
it, and when naming a rep the registry made it a protected customer of
that rep, source ``phone``) or ``returned`` (with the reason, to the
telemarketer).  The outcome is reported on an accepted lead; ``follow_up``
may be replaced later, the other three are final.

Entering is idempotent on the client's UUID.  The duplicate check runs at
entry and is stored with the lead (as the telemarketer may see it): a lead
for a company already held is kept but flagged for the administrator; the
slot itself is only enforced when the lead becomes a customer.

Nobody learns of a lead it may not see: another telemarketer's, or a lead
not allocated to the asking rep, is ``not_found``.

This module enters and reads leads, and suggests the reps to allocate one
to; ``lead_flow`` moves them on.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, case, insert, select
from sqlalchemy.exc import IntegrityError

from erpdesk.domain.customer import Customer, Industry, SizeBand, Source
from erpdesk.domain.errors import Problem
from erpdesk.domain.names import normalize_company_name
from erpdesk.domain.regions import find_province
from erpdesk.domain.validation import (
    CONTACT_MAX_LENGTH,
    customer_problems,
    is_phone,
    normalize_customer,
    normalize_phone,
)
from erpdesk.registry.accounts import User
from erpdesk.registry.checks import CheckResult, check_customer
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.journal import audit, stamp_changes
from erpdesk.registry.db.schema import LEAD_STATUSES, customers, leads, users
from erpdesk.registry.errors import BadRequest, Conflict, Forbidden, InvalidInput, NotFoundError
from erpdesk.registry.policy import load_policy
from erpdesk.registry.suggestions import (
    DEFAULT_LIMIT,
    Criteria,
    Suggestion,
    criteria_of,
    suggest_for_fields,
)

MAX_PAGE = 200
# The company fields a lead keeps in ``leads.fields``, as entered.
COMPANY_FIELDS = ("industry", "size_band", "province", "city", "address", "phone")
# Check results that flag a lead for the administrator.
FLAGGED = ("protected_by_you", "protected_by_other", "pending", "possible_duplicate")
# Who may read leads, and which ones (``_visible``).
READERS = ("telemarketer", "admin", "rep")


@dataclass(frozen=True)
class LeadRequest:
    """What a telemarketer enters (``api.lead_schemas`` builds it)."""

    id: str
    company_name: str
    uscc: str = ""
    industry: Industry | None = None
    size_band: SizeBand | None = None
    province: str = ""
    city: str = ""
    address: str = ""
    phone: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    need: str = ""
    notes: str = ""


@dataclass(frozen=True)
class LeadView:
    """A lead as its telemarketer, the administrator or its rep sees it."""

    id: str
    company_name: str
    uscc: str
    industry: str | None
    size_band: str | None
    province: str
    city: str
    address: str
    phone: str
    contact_name: str
    contact_phone: str
    need: str
    notes: str
    status: str
    telemarketer: str
    telemarketer_display_name: str
    created_at: datetime
    updated_at: datetime
    check: dict[str, Any]
    flagged: bool
    handed_over_at: datetime | None = None
    handover_note: str = ""
    accepted_at: datetime | None = None
    accepted_by: str | None = None
    return_reason: str = ""
    customer_id: str | None = None
    rep: str | None = None
    rep_display_name: str | None = None
    outcome: str | None = None
    outcome_note: str = ""
    outcome_at: datetime | None = None
    outcome_by: str | None = None
    change_number: int = 0


TELEMARKETER = users.alias("telemarketer")
ACCEPTER = users.alias("accepter")
REP = users.alias("rep")
REPORTER = users.alias("reporter")
VIEW_SELECT = (
    select(
        leads,
        TELEMARKETER.c.username.label("telemarketer"),
        TELEMARKETER.c.display_name.label("telemarketer_display_name"),
        ACCEPTER.c.username.label("accepter"),
        ACCEPTER.c.display_name.label("accepter_display_name"),
        REP.c.username.label("rep"),
        REP.c.display_name.label("rep_display_name"),
        REPORTER.c.username.label("reporter"),
    )
    .join(TELEMARKETER, TELEMARKETER.c.id == leads.c.telemarketer_id)
    .outerjoin(ACCEPTER, ACCEPTER.c.id == leads.c.accepted_by)
    .outerjoin(REP, REP.c.id == leads.c.rep_id)
    .outerjoin(REPORTER, REPORTER.c.id == leads.c.outcome_by)
)


def view_of(row: Row[Any]) -> LeadView:
    stored = dict(row.fields)
    check = dict(stored.get("check") or {"status": "free"})
    return LeadView(
        id=row.id,
        company_name=row.company_name,
        uscc=row.uscc,
        industry=stored.get("industry"),
        size_band=stored.get("size_band"),
        province=stored.get("province", ""),
        city=stored.get("city", ""),
        address=stored.get("address", ""),
        phone=stored.get("phone", ""),
        contact_name=row.contact_name,
        contact_phone=row.contact_phone,
        need=row.need,
        notes=row.notes,
        status=row.status,
        telemarketer=row.telemarketer,
        telemarketer_display_name=row.telemarketer_display_name,
        created_at=row.created_at,
        updated_at=row.updated_at,
        check=check,
        flagged=check.get("status") in FLAGGED,
        handed_over_at=row.handed_over_at,
        handover_note=stored.get("handover_note", ""),
        accepted_at=row.accepted_at,
        accepted_by=row.accepter,
        return_reason=stored.get("return_reason", ""),
        customer_id=row.customer_id,
        rep=row.rep,
        rep_display_name=row.rep_display_name,
        outcome=row.outcome,
        outcome_note=row.outcome_note,
        outcome_at=row.outcome_at,
        outcome_by=row.reporter,
        change_number=int(row.change_number),
    )


def _visible(user: User, row: Row[Any]) -> bool:
    """A telemarketer sees its own leads, a rep those allocated to it, an admin all."""
    if user.role == "admin":
        return True
    if user.role == "telemarketer":
        return bool(row.telemarketer_id == user.id)
    return user.role == "rep" and row.rep_id == user.id


def _require_reader(user: User) -> None:
    if user.role not in READERS:
        raise Forbidden(role=user.role)


def find_lead(conn: Connection, user: User, lead_id: str, *, lock: bool = False) -> Row[Any]:
    """The lead *lead_id* as *user* may see it (locked for a change); 404 otherwise."""
    query = VIEW_SELECT.where(leads.c.id == lead_id)
    if lock:
        query = query.with_for_update(of=leads)
    row = conn.execute(query).first()
    if row is None or not _visible(user, row):
        raise NotFoundError(what="The lead")
    return row


def get_lead(db: RegistryDatabase, user: User, lead_id: str) -> LeadView:
    _require_reader(user)
    with db.read() as conn:
        return view_of(find_lead(conn, user, lead_id))


def list_leads(
    db: RegistryDatabase,
    user: User,
    status: str | None = None,
    *,
    limit: int = 100,
    offset: int = 0,
) -> list[LeadView]:
    """The leads *user* may see: handed-over ones first, oldest first (the
    administrator's queue), then the others, newest first."""
    _require_reader(user)
    query = VIEW_SELECT
    if user.role == "telemarketer":
        query = query.where(leads.c.telemarketer_id == user.id)
    elif user.role == "rep":
        query = query.where(leads.c.rep_id == user.id)
    if status:
        if status not in LEAD_STATUSES:
            raise BadRequest(
                "Unknown status {status}; use one of: {statuses}",
                code="invalid_request",
                status=status,
                statuses=", ".join(LEAD_STATUSES),
            )
        query = query.where(leads.c.status == status)
    waiting = leads.c.status == "handed_over"
    query = query.order_by(
        case((waiting, 0), else_=1),
        case((waiting, leads.c.handed_over_at), else_=None),
        leads.c.created_at.desc(),
        leads.c.id,
    )
    with db.read() as conn:
        rows = conn.execute(query.limit(min(max(limit, 1), MAX_PAGE)).offset(max(offset, 0))).all()
    return [view_of(r) for r in rows]


# -- allocation suggestions ----------------------------------------------------

# The fields a lead's suggestions are judged on (``suggestions.criteria_of``).
SUGGESTION_FIELDS = ("industry", "size_band", "province", "city")


@dataclass(frozen=True)
class LeadSuggestions:
    """The reps best suited to a lead, with what they were judged on."""

    lead_id: str
    customer_id: str | None
    as_of: datetime
    rep_cap: int
    criteria: Criteria
    suggestions: list[Suggestion]


def suggest_for_lead(
    db: RegistryDatabase, user: User, lead_id: str, now: datetime, limit: int = DEFAULT_LIMIT
) -> LeadSuggestions:
    """The best *limit* active reps for a lead, best first, scored as for a
    customer (``suggestions``) on the lead's industry, size band, province
    and city; its source is ``phone`` (a customer made from it has that
    source), so it counts as company-provided.  Once the lead is a
    customer, that customer's owner is flagged ``current_owner``.

    For the administrator only; 404 for an unknown lead."""
    if user.role != "admin":
        raise Forbidden(role=user.role)
    with db.read() as conn:
        row = find_lead(conn, user, lead_id)
        stored = dict(row.fields or {})
        fields: dict[str, Any] = {
            **{name: stored[name] for name in SUGGESTION_FIELDS if name in stored},
            "source": Source.PHONE.value,
        }
        owner_id = None
        if row.customer_id is not None:
            owner_id = conn.execute(
                select(customers.c.owner_id).where(customers.c.id == row.customer_id)
            ).scalar_one_or_none()
        policy = load_policy(conn)
        found = suggest_for_fields(conn, fields, policy, limit, owner_id=owner_id)
    return LeadSuggestions(row.id, row.customer_id, now, policy.rep_cap, criteria_of(fields), found)


# -- entering a lead -----------------------------------------------------------


def _normalized(request: LeadRequest) -> tuple[Customer, str, str]:
    """The company as a normalised domain customer, the contact's name and phone."""
    company = normalize_customer(
        Customer(
            name=request.company_name,
            uscc=request.uscc,
            industry=request.industry,
            size_band=request.size_band,
            province=request.province,
            city=request.city,
            address=request.address,
            phone=request.phone,
            need=request.need,
            notes=request.notes,
            source=Source.PHONE,
        )
    )
    return company, request.contact_name.strip(), normalize_phone(request.contact_phone)


def lead_problems(company: Customer, contact_name: str, contact_phone: str) -> list[Problem]:
    """Every reason the lead cannot be entered, fields named as the API names them."""
    problems = [
        Problem("company_name" if p.field == "name" else p.field, p.code, p.text, p.params)
        for p in customer_problems(company)
    ]
    if company.province and find_province(company.province) is None:
        problems.append(
            Problem(
                "province",
                "province.unknown",
                "{value} is not a province of China",
                {"value": company.province},
            )
        )
    limit = CONTACT_MAX_LENGTH["name"]
    if len(contact_name) > limit:
        problems.append(
            Problem(
                "contact_name",
                "too_long",
                "At most {max} characters are allowed here, not {length}",
                {"max": limit, "length": len(contact_name)},
            )
        )
    if contact_phone and not is_phone(contact_phone):
        problems.append(
            Problem(
                "contact_phone",
                "contact_phone.invalid",
                "{value} is not a phone number (a mobile, or an area code and number)",
                {"value": contact_phone},
            )
        )
    if not company.phone and not contact_phone:
        problems.append(
            Problem(
                "phone",
                "gap.phone",
                "There is no phone number: neither the company's nor a contact's",
            )
        )
    return problems


def _entered(company: Customer, contact_name: str, contact_phone: str) -> dict[str, Any]:
    """What the telemarketer entered, normalised: the content a repeat must match."""
    return {
        "company_name": company.name,
        "uscc": company.uscc,
        "fields": {
            name: value.value if hasattr(value, "value") else value
            for name in COMPANY_FIELDS
            if (value := getattr(company, name))
        },
        "contact_name": contact_name,
        "contact_phone": contact_phone,
        "need": company.need,
        "notes": company.notes,
    }


def _stored_entry(row: Row[Any]) -> dict[str, Any]:
    return {
        "company_name": row.company_name,
        "uscc": row.uscc,
        "fields": {k: v for k, v in dict(row.fields).items() if k in COMPANY_FIELDS},
        "contact_name": row.contact_name,
        "contact_phone": row.contact_phone,
        "need": row.need,
        "notes": row.notes,
    }


def _replayed(row: Row[Any], user: User, entry: dict[str, Any]) -> LeadView:
    if row.telemarketer_id != user.id or _stored_entry(row) != entry:
        raise Conflict("This lead id is already used by another lead", code="id_in_use")
    return view_of(row)


def _check_json(result: CheckResult) -> dict[str, Any]:
    data = asdict(result)
    if result.since is not None:
        data["since"] = result.since.isoformat()
    return data


def enter_lead(
    db: RegistryDatabase, user: User, request: LeadRequest, now: datetime
) -> tuple[LeadView, bool]:
    """Store *request* for the telemarketer *user*; ``(view, created)``.

    A repeat of a stored lead with the same content is answered from the
    store (``created`` False); the same id with other content is
    ``id_in_use``.  Raises ``InvalidInput`` listing every problem.
    """
    if user.role != "telemarketer":
        raise Forbidden(role=user.role)
    company, contact_name, contact_phone = _normalized(request)
    entry = _entered(company, contact_name, contact_phone)
    with db.read() as conn:
        stored = conn.execute(VIEW_SELECT.where(leads.c.id == request.id)).first()
    if stored is not None:
        return _replayed(stored, user, entry), False
    if problems := lead_problems(company, contact_name, contact_phone):
        raise InvalidInput(problems)
    check = _check_json(check_customer(db, user, company.name, company.uscc))
    try:
        with db.write() as conn:
            conn.execute(
                insert(leads).values(
                    id=request.id,
                    company_name=company.name,
                    name_key=normalize_company_name(company.name),
                    uscc=company.uscc,
                    fields={**entry["fields"], "check": check},
                    contact_name=contact_name,
                    contact_phone=contact_phone,
                    need=company.need,
                    notes=company.notes,
                    telemarketer_id=user.id,
                    status="new",
                    created_at=now,
                    updated_at=now,
                )
            )
            audit(
                conn,
                now,
                user.actor,
                "lead.create",
                "lead",
                request.id,
                after={
                    "status": "new",
                    "company_name": company.name,
                    "uscc": company.uscc,
                    "check": check["status"],
                },
            )
            stamp_changes(conn, now, [(leads, request.id)])
            row = conn.execute(VIEW_SELECT.where(leads.c.id == request.id)).one()
    except IntegrityError:
        # The same id entered at the same moment (a retry racing the first try).
        with db.read() as conn:
            stored = conn.execute(VIEW_SELECT.where(leads.c.id == request.id)).first()
        if stored is None:
            raise
        return _replayed(stored, user, entry), False
    return view_of(row), True
