"""What a customer still lacks before it may be registered (客户的注册).

Methodology section 7: what a rep registers must be complete, correct, true
and standardised, and only customers already visited and with a need may be
registered.  ``registration_gaps`` lists everything missing, so the desk can
show it before the rep asks for registration.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from erpdesk.domain.customer import Activity, ActivityKind, Contact, Customer, utcnow
from erpdesk.domain.errors import Problem
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.regions import find_province
from erpdesk.domain.validation import contact_problems, customer_problems


def _gap(field: str, text: str) -> Problem:
    return Problem(field, f"gap.{field}", text)


def _has_phone(contact: Contact) -> bool:
    return bool(contact.mobile.strip() or contact.office_phone.strip())


def _is_past_visit(activity: Activity, now: datetime) -> bool:
    if activity.deleted or activity.kind is not ActivityKind.VISIT:
        return False
    when = activity.occurred_at
    # A naive time is already reported by activity validation; count it as logged.
    return when.utcoffset() is None or when <= now


def registration_gaps(
    customer: Customer,
    contacts: Sequence[Contact],
    activities: Sequence[Activity],
    *,
    now: datetime | None = None,
) -> list[Problem]:
    """Every reason *customer* cannot be registered yet; ``[]`` when it can.

    *contacts* and *activities* are the customer's own; deleted ones do not
    count.  A visit dated after *now* (a planned one) does not count either.
    Problems of a contact carry the field ``contacts.<id>.<field>`` and the
    contact's name in ``params["contact"]``.
    """
    now = now or utcnow()
    live_contacts = [c for c in contacts if not c.deleted]
    gaps = customer_problems(customer)

    if not customer.uscc.strip():
        gaps.append(
            Problem(
                "uscc",
                "uscc.required_for_registration",
                QT_TRANSLATE_NOOP(
                    "Domain", "The unified social credit code is required for registration"
                ),
            )
        )
    if customer.industry is None:
        gaps.append(_gap("industry", QT_TRANSLATE_NOOP("Domain", "The industry is not set")))
    if customer.size_band is None:
        gaps.append(_gap("size_band", QT_TRANSLATE_NOOP("Domain", "The company size is not set")))
    if not customer.province.strip():
        gaps.append(_gap("province", QT_TRANSLATE_NOOP("Domain", "The province is not set")))
    elif find_province(customer.province) is None:
        gaps.append(
            Problem(
                "province",
                "province.unknown",
                QT_TRANSLATE_NOOP("Domain", "{value} is not a province of China"),
                {"value": customer.province.strip()},
            )
        )
    if not customer.city.strip():
        gaps.append(_gap("city", QT_TRANSLATE_NOOP("Domain", "The city is not set")))
    if not customer.address.strip():
        gaps.append(_gap("address", QT_TRANSLATE_NOOP("Domain", "The address is not set")))
    if not customer.phone.strip() and not any(_has_phone(c) for c in live_contacts):
        gaps.append(
            _gap(
                "phone",
                QT_TRANSLATE_NOOP(
                    "Domain", "There is no phone number: neither the company's nor a contact's"
                ),
            )
        )
    if not live_contacts:
        gaps.append(_gap("contact", QT_TRANSLATE_NOOP("Domain", "No contact has been entered")))
    if not customer.need.strip():
        gaps.append(_gap("need", QT_TRANSLATE_NOOP("Domain", "The customer's need is not stated")))
    if not any(_is_past_visit(a, now) for a in activities):
        gaps.append(_gap("visit", QT_TRANSLATE_NOOP("Domain", "No visit has been logged")))

    for contact in live_contacts:
        for p in contact_problems(contact):
            gaps.append(
                Problem(
                    f"contacts.{contact.id}.{p.field}",
                    p.code,
                    p.text,
                    {**p.params, "contact": contact.name.strip()},
                )
            )
    return gaps


def is_complete(
    customer: Customer,
    contacts: Sequence[Contact],
    activities: Sequence[Activity],
    *,
    now: datetime | None = None,
) -> bool:
    """True when nothing stands in the way of registering *customer*."""
    return not registration_gaps(customer, contacts, activities, now=now)
