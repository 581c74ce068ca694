"""Registration from the field (issue 12): asking the registry to protect a
customer, and what the desk shows of protection.

``RegistrationService.request`` runs the completeness check (every gap is
refused with its reason), stores the request as it will be sent (so a
repeat after an interrupted sync is the same request, idempotent on its
UUID) and shows the customer as pending at once; the next sync sends it
(``erpdesk.sync.registration``).  The duplicate check is the customer
service's (local, at once); the registry's own check is the window's, when
online.  ``protection_of`` turns the registry-owned fields a pull brings
into one state the list and the detail show and filter by.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from erpdesk.domain.customer import Activity, ActivityKind, Contact, Customer, new_id, utcnow
from erpdesk.domain.errors import DomainError, Problem, ValidationError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.services.events import Change, ChangeFeed
from erpdesk.storage.queries import EXPIRING_DAYS

if TYPE_CHECKING:
    from erpdesk.domain.duplicates import DuplicateMatch
    from erpdesk.services.customers import CustomerService
    from erpdesk.storage.registration_store import RegistrationStore, StoredRequest


UNREGISTERED = "unregistered"
PENDING = "pending"
PROTECTED = "protected"
EXPIRING = "expiring"
INVALID = "invalid"
POOL = "pool"
PROTECTION_STATES = (UNREGISTERED, PENDING, PROTECTED, EXPIRING, INVALID, POOL)
PROTECTION_LABELS = {
    UNREGISTERED: QT_TRANSLATE_NOOP("Domain", "Unregistered"),
    PENDING: QT_TRANSLATE_NOOP("Domain", "Registration pending"),
    PROTECTED: QT_TRANSLATE_NOOP("Domain", "Protected"),
    EXPIRING: QT_TRANSLATE_NOOP("Domain", "Protection expiring soon"),
    INVALID: QT_TRANSLATE_NOOP("Domain", "Registration rejected"),
    POOL: QT_TRANSLATE_NOOP("Domain", "Released to the pool"),
}


class RegistrationRefused(DomainError):
    """A registration the desk does not ask for (already pending, protected ...)."""

    text = QT_TRANSLATE_NOOP("Domain", "This customer cannot be registered now")


ALREADY_PENDING = QT_TRANSLATE_NOOP(
    "Domain", "A registration of this customer is already waiting for the registry's decision"
)
ALREADY_PROTECTED = QT_TRANSLATE_NOOP("Domain", "This customer is already protected for you")
IN_POOL = QT_TRANSLATE_NOOP(
    "Domain", "This customer is in the pool: claim it from the pool instead"
)


def _time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def release_date(protected_until: str | None, release_due_at: str | None) -> datetime | None:
    """When protection ends: the earlier of the end of protection and the
    release to the pool for want of follow-ups."""
    dates = [d for d in (_time(protected_until), _time(release_due_at)) if d is not None]
    return min(dates) if dates else None


def protection_of(
    registration: str,
    protected_until: str | None,
    release_due_at: str | None,
    now: datetime | None = None,
) -> str:
    """One of ``PROTECTION_STATES`` for a customer's registry-owned fields."""
    if registration == "protected":
        ends = release_date(protected_until, release_due_at)
        soon = (now or utcnow()) + timedelta(days=EXPIRING_DAYS)
        return EXPIRING if ends is not None and ends <= soon else PROTECTED
    if registration in (PENDING, INVALID, POOL):
        return registration
    return UNREGISTERED


@dataclass(frozen=True)
class RegistrationCheck:
    """What the register dialog shows before the request: what is missing,
    the local duplicates and the customer's latest request."""

    customer: Customer
    gaps: list[Problem]
    duplicates: list[DuplicateMatch]
    latest: StoredRequest | None

    @property
    def complete(self) -> bool:
        return not self.gaps


def _visit(activities: list[Activity], now: datetime) -> Activity | None:
    visits = [
        a for a in activities
        if a.kind is ActivityKind.VISIT and not a.deleted
        and (a.occurred_at.utcoffset() is None or a.occurred_at <= now)
    ]
    return max(visits, key=lambda a: a.occurred_at) if visits else None


def registration_payload(
    request_id: str,
    customer: Customer,
    contacts: list[Contact],
    visit: Activity | None,
    urgent: bool,
) -> dict[str, Any]:
    """The body of ``POST /api/v1/registrations`` (docs/registry.md)."""
    body: dict[str, Any] = {
        "id": request_id,
        "customer": {
            "id": customer.id, "name": customer.name, "short_name": customer.short_name,
            "uscc": customer.uscc,
            "industry": customer.industry.value if customer.industry else None,
            "province": customer.province, "city": customer.city,
            "address": customer.address,
            "size_band": customer.size_band.value if customer.size_band else None,
            "source": customer.source.value, "source_detail": customer.source_detail,
            "phone": customer.phone, "website": customer.website, "notes": customer.notes,
        },
        "contacts": [
            {
                "id": c.id, "name": c.name, "title": c.title, "department": c.department,
                "level": c.level.value if c.level else None, "mobile": c.mobile,
                "office_phone": c.office_phone, "email": c.email, "wechat": c.wechat,
            }
            for c in contacts if not c.deleted
        ],
        "need": customer.need,
        "urgent": urgent,
    }
    if visit is not None:
        body["visit"] = {
            "id": visit.id, "occurred_at": visit.occurred_at.isoformat(),
            "summary": visit.summary, "contact_id": visit.contact_id,
        }
    return body


class RegistrationService:
    """Registration requests of one desk; publishes ``Change("customer")``
    and ``Change("registration")`` after each write."""

    def __init__(
        self,
        store: RegistrationStore,
        customers: CustomerService,
        feed: ChangeFeed,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._store = store
        self._customers = customers
        self.feed = feed
        self._clock = clock

    def check(self, customer_id: str) -> RegistrationCheck:
        """The completeness check and the local duplicate check, at once."""
        detail = self._customers.detail(customer_id)
        c = detail.customer
        duplicates = self._customers.check_duplicates(c.name, c.uscc, exclude_id=c.id)
        return RegistrationCheck(c, detail.gaps, duplicates, self._store.latest_for(c.id))

    def protection(self, customer_id: str) -> tuple[str, datetime | None]:
        """The customer's state (``PROTECTION_STATES``) and when its
        protection ends (None unless protected)."""
        registration, until, due = self._store.protection(customer_id)
        state = protection_of(registration, until, due, self._clock())
        ends = release_date(until, due) if state in (PROTECTED, EXPIRING) else None
        return state, ends

    def latest(self, customer_id: str) -> StoredRequest | None:
        return self._store.latest_for(customer_id)

    def request(self, customer_id: str, *, urgent: bool = False) -> StoredRequest:
        """Ask for registration: refused with every gap (``ValidationError``)
        or ``RegistrationRefused``; otherwise stored, waiting for the next
        sync, and the customer shows as pending."""
        detail = self._customers.detail(customer_id)
        c = detail.customer
        if detail.gaps:
            raise ValidationError(detail.gaps)
        latest = self._store.latest_for(c.id)
        if c.registration.value == PENDING or (latest is not None and latest.open):
            raise RegistrationRefused(ALREADY_PENDING)
        if c.registration.value == PROTECTED:
            raise RegistrationRefused(ALREADY_PROTECTED)
        if c.registration.value == POOL:
            raise RegistrationRefused(IN_POOL)
        request_id = new_id()
        payload = registration_payload(
            request_id, c, detail.contacts, _visit(detail.activities, self._clock()), urgent
        )
        self._store.add(request_id, c.id, payload)
        self.feed.publish(Change("customer", (c.id,)))
        self.feed.publish(Change("registration", (request_id,)))
        stored = self._store.get(request_id)
        assert stored is not None
        return stored

    def decisions_to_notify(self) -> list[StoredRequest]:
        """Refused or decided requests not yet shown to the user."""
        return self._store.unnotified()

    def mark_notified(self, request_ids: list[str]) -> None:
        if request_ids:
            self._store.mark_notified(request_ids)
