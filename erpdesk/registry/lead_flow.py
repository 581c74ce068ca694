"""A lead after its entry: hand-over, signing for it (签收), return, the outcome.

Each step is one transaction that locks the lead, checks its status (a
step from the wrong status is a 409 naming it), writes the lead, audits the
change with its reason, notifies whom it concerns (in the same
transaction) and stamps the lead's change number last.

Signing for a lead naming a rep, or allocating it later, makes the lead a
customer of that rep as an allocation does: protected from now, within the
rep's cap, refused when another active customer holds the company.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, Table, insert, select, update
from sqlalchemy.exc import IntegrityError

from erpdesk.domain.customer import Source
from erpdesk.domain.errors import Problem
from erpdesk.domain.names import normalize_company_name
from erpdesk.domain.validation import is_mobile
from erpdesk.registry.accounts import User
from erpdesk.registry.admin import allocatable_rep, check_cap, exempt_customer, locked_customer
from erpdesk.registry.checks import index_name, slot_holders
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.journal import audit, stamp_changes
from erpdesk.registry.db.schema import LEAD_OUTCOMES, customer_contacts, customers, leads, users
from erpdesk.registry.errors import Conflict, Forbidden, InvalidInput
from erpdesk.registry.leads import COMPANY_FIELDS, VIEW_SELECT, LeadView, find_lead, view_of
from erpdesk.registry.notifications import notify
from erpdesk.registry.policy import load_policy
from erpdesk.registry.protection import start_protection
from erpdesk.registry.registrations import conflict_for
from erpdesk.registry.sync.access import owner_changed
from erpdesk.registry.sync.merge import stamped, user_writer

# Longest hand-over note, return reason or outcome note (an activity's outcome).
MAX_NOTE = 2000
# Outcomes after which nothing more is reported.
FINAL_OUTCOMES = ("signed", "lost", "invalid")


def _note(text: str, name: str, *, required: bool = False) -> str:
    text = text.strip()
    if required and not text:
        raise InvalidInput([Problem(name, "required", "A {field} is required", {"field": name})])
    if len(text) > MAX_NOTE:
        raise InvalidInput(
            [
                Problem(
                    name,
                    "too_long",
                    "At most {max} characters are allowed here, not {length}",
                    {"max": MAX_NOTE, "length": len(text)},
                )
            ]
        )
    return text


def _state(row: Row[Any]) -> dict[str, Any]:
    return {
        "status": row.status,
        "customer_id": row.customer_id,
        "rep_id": row.rep_id,
        "outcome": row.outcome,
    }


def _change(
    conn: Connection,
    row: Row[Any],
    now: datetime,
    *,
    fields: dict[str, Any] | None = None,
    **values: Any,
) -> None:
    """Write *values* (and extra *fields*) to the lead of *row*."""
    if fields:
        values["fields"] = {**dict(row.fields), **fields}
    conn.execute(update(leads).where(leads.c.id == row.id).values(**values, updated_at=now))


def _wrong_status(row: Row[Any], wanted: str, code: str) -> Conflict:
    return Conflict(
        "This lead is {status}, not {wanted}",
        code=code,
        status=row.status.replace("_", " "),
        wanted=wanted.replace("_", " "),
    )


def _about(row: Row[Any]) -> dict[str, Any]:
    """The parameters every lead notification carries."""
    return {"lead_id": row.id, "company_name": row.company_name}


def _active_admins(conn: Connection) -> list[int]:
    return list(
        conn.execute(
            select(users.c.id)
            .where(users.c.role == "admin", users.c.disabled.is_(False))
            .order_by(users.c.id)
        ).scalars()
    )


def _require_admin(user: User) -> None:
    if user.role != "admin":
        raise Forbidden(role=user.role)


def hand_over(db: RegistryDatabase, user: User, lead_id: str, note: str, now: datetime) -> LeadView:
    """The telemarketer hands a lead it judged valid to the administrators."""
    if user.role != "telemarketer":
        raise Forbidden("Only the lead's telemarketer hands it over", role=user.role)
    note = _note(note, "note")
    with db.write() as conn:
        row = find_lead(conn, user, lead_id, lock=True)
        if row.status != "new":
            raise _wrong_status(row, "new", "not_new")
        _change(
            conn,
            row,
            now,
            fields={"handover_note": note},
            status="handed_over",
            handed_over_at=now,
        )
        audit(
            conn,
            now,
            user.actor,
            "lead.handover",
            "lead",
            lead_id,
            reason=note,
            before=_state(row),
            after={**_state(row), "status": "handed_over"},
        )
        notify(
            conn,
            now,
            _active_admins(conn),
            "lead_handed_over",
            "lead",
            lead_id,
            {
                **_about(row),
                "telemarketer": user.display_name,
                "note": note,
                "check": dict(row.fields).get("check", {}).get("status", "free"),
            },
        )
        return _finish(conn, lead_id, now)


def _finish(conn: Connection, lead_id: str, now: datetime) -> LeadView:
    """Stamp the lead's change (last, see ``journal``) and read it back."""
    stamp_changes(conn, now, [(leads, lead_id)])
    return view_of(conn.execute(VIEW_SELECT.where(leads.c.id == lead_id)).one())


def return_lead(
    db: RegistryDatabase, admin: User, lead_id: str, reason: str, now: datetime
) -> LeadView:
    """The administrator sends a handed-over lead back, with the reason."""
    _require_admin(admin)
    reason = _note(reason, "reason", required=True)
    with db.write() as conn:
        row = find_lead(conn, admin, lead_id, lock=True)
        if row.status != "handed_over":
            raise _wrong_status(row, "handed_over", "not_handed_over")
        _change(conn, row, now, fields={"return_reason": reason}, status="returned")
        audit(
            conn,
            now,
            admin.actor,
            "lead.return",
            "lead",
            lead_id,
            reason=reason,
            before=_state(row),
            after={**_state(row), "status": "returned"},
        )
        notify(
            conn,
            now,
            [row.telemarketer_id],
            "lead_returned",
            "lead",
            lead_id,
            {
                **_about(row),
                "reason": reason,
                "admin": admin.display_name,
            },
        )
        return _finish(conn, lead_id, now)


def accept_lead(
    db: RegistryDatabase,
    admin: User,
    lead_id: str,
    rep_name: str | None,
    reason: str,
    now: datetime,
) -> LeadView:
    """The administrator signs for a handed-over lead (签收); naming a rep also
    makes it that rep's protected customer (see ``_make_customer``)."""
    _require_admin(admin)
    reason = _note(reason, "reason")
    return _sign(db, admin, lead_id, rep_name, reason, now, allocate_only=False)


def allocate_lead(
    db: RegistryDatabase,
    admin: User,
    lead_id: str,
    rep_name: str | None,
    reason: str,
    now: datetime,
) -> LeadView:
    """Allocate a lead signed for without a rep (the three days of section 7)."""
    _require_admin(admin)
    reason = _note(reason, "reason")
    if not (rep_name or "").strip():
        raise InvalidInput([Problem("rep", "required", "Name the rep to allocate to")])
    return _sign(db, admin, lead_id, rep_name, reason, now, allocate_only=True)


def _sign(
    db: RegistryDatabase,
    admin: User,
    lead_id: str,
    rep_name: str | None,
    reason: str,
    now: datetime,
    *,
    allocate_only: bool,
) -> LeadView:
    try:
        with db.write() as conn:
            row = find_lead(conn, admin, lead_id, lock=True)
            _check_signable(row, allocate_only=allocate_only)
            values: dict[str, Any] = {}
            if not allocate_only:
                values = {"status": "accepted", "accepted_at": now, "accepted_by": admin.id}
            rep = made = None
            if (rep_name or "").strip():
                rep = allocatable_rep(conn, rep_name)
                made = _make_customer(conn, admin, rep, row, now)
                values.update(customer_id=made.id, rep_id=rep.id)
            _change(conn, row, now, **values)
            before = _state(row)
            audit(
                conn,
                now,
                admin.actor,
                "lead.allocate" if allocate_only else "lead.accept",
                "lead",
                lead_id,
                reason=reason,
                before=before,
                after={**before, **{k: v for k, v in values.items() if k in before}},
            )
            _tell_signed(conn, admin, row, rep, made, now, allocate_only=allocate_only)
            targets = [(leads, lead_id), *(made.targets if made else [])]
            numbers = dict(zip(targets, stamp_changes(conn, now, targets), strict=True))
            if made is not None:
                made.stamp_fields(conn, admin, numbers)
            return view_of(conn.execute(VIEW_SELECT.where(leads.c.id == lead_id)).one())
    except IntegrityError:
        raise Conflict(
            "Another customer took this company at the same moment", code="concurrent_change"
        ) from None


def _check_signable(row: Row[Any], *, allocate_only: bool) -> None:
    """Signing for a lead needs it handed over; allocating it later needs it
    signed for, with no rep yet and no final outcome."""
    if not allocate_only:
        if row.status != "handed_over":
            raise _wrong_status(row, "handed_over", "not_handed_over")
        return
    if row.status != "accepted":
        raise _wrong_status(row, "accepted", "not_accepted")
    if row.customer_id is not None:
        raise Conflict(
            "This lead was already allocated to {rep}",
            code="already_allocated",
            rep=row.rep_display_name or "",
        )
    if row.outcome in FINAL_OUTCOMES:
        raise _final(row)


def _final(row: Row[Any]) -> Conflict:
    return Conflict(
        "The outcome of this lead is final ({outcome})",
        code="outcome_final",
        outcome=row.outcome,
    )


def _tell_signed(
    conn: Connection,
    admin: User,
    row: Row[Any],
    rep: Any,
    made: NewCustomer | None,
    now: datetime,
    *,
    allocate_only: bool,
) -> None:
    if not allocate_only:
        notify(
            conn,
            now,
            [row.telemarketer_id],
            "lead_accepted",
            "lead",
            row.id,
            {
                **_about(row),
                "admin": admin.display_name,
                "rep": rep.display_name if rep is not None else None,
            },
        )
    if rep is not None and made is not None:
        # Allocated after the signing: the telemarketer, told of the signing
        # without a rep, learns the rep now.
        notify(
            conn,
            now,
            [rep.id, *([row.telemarketer_id] if allocate_only else [])],
            "lead_allocated",
            "lead",
            row.id,
            {
                **_about(row),
                "customer_id": made.id,
                "admin": admin.display_name,
                "telemarketer": row.telemarketer_display_name,
                "rep": rep.display_name,
            },
        )


@dataclass
class NewCustomer:
    """A customer made from a lead: what to stamp, and which fields were written."""

    id: str
    fields: list[str]
    contact_id: str | None
    contact_fields: list[str]
    targets: list[tuple[Table, str]]

    def stamp_fields(
        self, conn: Connection, admin: User, numbers: dict[tuple[Table, str], int]
    ) -> None:
        """Mark the fields written as the administrator's at their change
        numbers, for the sync merge (as a registration marks its rep's)."""
        writer = user_writer(admin.id)
        conn.execute(
            update(customers)
            .where(customers.c.id == self.id)
            .values(field_versions=stamped({}, self.fields, numbers[(customers, self.id)], writer))
        )
        if self.contact_id is not None:
            number = numbers[(customer_contacts, self.contact_id)]
            conn.execute(
                update(customer_contacts)
                .where(customer_contacts.c.id == self.contact_id)
                .values(field_versions=stamped({}, self.contact_fields, number, writer))
            )


def _make_customer(
    conn: Connection, admin: User, rep: Any, lead: Row[Any], now: datetime
) -> NewCustomer:
    """A protected customer of *rep* made from *lead* (source ``phone``), with
    the lead's contact.

    Refused when another active customer holds the company; the rep's cap
    applies as for any allocation.
    """
    key = normalize_company_name(lead.company_name)
    holders = slot_holders(conn, lead.uscc, key)
    if holders:
        raise conflict_for(conn, admin, holders[0])
    policy = load_policy(conn)
    check_cap(conn, rep, policy.rep_cap)
    customer_id = str(uuid.uuid4())
    fields = {
        **{k: v for k, v in dict(lead.fields).items() if k in COMPANY_FIELDS},
        "source": Source.PHONE.value,
        "source_detail": lead.telemarketer_display_name,
        **({"need": lead.need} if lead.need else {}),
        **({"notes": lead.notes} if lead.notes else {}),
    }
    conn.execute(
        insert(customers).values(
            id=customer_id,
            name=lead.company_name,
            name_key=key,
            uscc=lead.uscc,
            fields=fields,
            owner_id=rep.id,
            **start_protection(policy, now),
            verified_at=now,
            created_at=now,
            updated_at=now,
            deleted=False,
        )
    )
    index_name(conn, customer_id, key)
    made = NewCustomer(customer_id, ["name", "uscc", *fields], None, [], [(customers, customer_id)])
    if contact := _contact_fields(lead):
        made.contact_id = str(uuid.uuid4())
        made.contact_fields = list(contact)
        conn.execute(
            insert(customer_contacts).values(
                id=made.contact_id,
                customer_id=customer_id,
                fields=contact,
                user_id=admin.id,
                created_at=now,
                updated_at=now,
                deleted=False,
            )
        )
        made.targets.append((customer_contacts, made.contact_id))
    audit(
        conn,
        now,
        admin.actor,
        "customer.from_lead",
        "customer",
        customer_id,
        after={"status": "protected", "owner_id": rep.id, "lead": lead.id},
    )
    made.targets += owner_changed(conn, customer_id, None, rep.id, now)
    return made


def _contact_fields(lead: Row[Any]) -> dict[str, Any]:
    """The lead's contact as the desk's contact fields; ``{}`` without a name."""
    if not lead.contact_name:
        return {}
    phone = lead.contact_phone
    where = "mobile" if phone and is_mobile(phone) else "office_phone"
    return {"name": lead.contact_name, **({where: phone} if phone else {})}


# -- the outcome ---------------------------------------------------------------


def _exempt_won(
    conn: Connection, user: User, customer_id: str, lead_id: str, now: datetime
) -> None:
    """A lead reported signed won its customer: exempt it from release to the
    pool (architecture: protection and the pool), when ``exempt_won`` is on
    and the customer is protected and not exempt yet."""
    if not load_policy(conn).exempt_won:
        return
    customer = locked_customer(conn, customer_id)
    if customer is None or customer.status != "protected" or customer.exempt_since is not None:
        return
    exempt_customer(conn, user.actor, customer, f"won: lead {lead_id} signed", now)


def report_outcome(
    db: RegistryDatabase, user: User, lead_id: str, outcome: str, note: str, now: datetime
) -> LeadView:
    """The rep the lead was allocated to (or an administrator) reports how it
    ended; the administrator who signed for it and the telemarketer are told.

    ``follow_up`` may be reported again and replaced; the others are final.
    """
    if user.role not in ("rep", "admin"):
        raise Forbidden(role=user.role)
    if outcome not in LEAD_OUTCOMES:
        raise InvalidInput(
            [
                Problem(
                    "outcome",
                    "outcome.unknown",
                    "Unknown outcome {value}; use one of: {outcomes}",
                    {"value": outcome, "outcomes": ", ".join(LEAD_OUTCOMES)},
                )
            ]
        )
    note = _note(note, "note", required=outcome in ("lost", "invalid"))
    with db.write() as conn:
        row = find_lead(conn, user, lead_id, lock=True)
        if row.status != "accepted":
            raise _wrong_status(row, "accepted", "not_accepted")
        if row.outcome in FINAL_OUTCOMES:
            raise _final(row)
        _change(
            conn,
            row,
            now,
            outcome=outcome,
            outcome_note=note,
            outcome_at=now,
            outcome_by=user.id,
        )
        audit(
            conn,
            now,
            user.actor,
            "lead.outcome",
            "lead",
            lead_id,
            reason=note,
            before={**_state(row), "outcome_note": row.outcome_note},
            after={**_state(row), "outcome": outcome, "outcome_note": note},
        )
        if outcome == "signed" and row.customer_id is not None:
            _exempt_won(conn, user, row.customer_id, lead_id, now)
        told = [uid for uid in (row.accepted_by, row.telemarketer_id) if uid != user.id]
        notify(
            conn,
            now,
            told,
            "lead_outcome",
            "lead",
            lead_id,
            {
                **_about(row),
                "outcome": outcome,
                "note": note,
                "by": user.display_name,
            },
        )
        return _finish(conn, lead_id, now)
