"""Request and response bodies of API v1 (pydantic).

Requests forbid unknown fields.  Types and generous length limits are
checked here (a wrong type is ``invalid_request``); the business rules
(required fields, credit code, phones, lengths the desk also enforces) are
the domain's and come back as ``registration_incomplete`` with every reason.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from erpdesk.domain.customer import (
    Activity,
    ActivityKind,
    Contact,
    ContactLevel,
    Customer,
    Industry,
    SizeBand,
    Source,
    new_id,
)
from erpdesk.registry.db.schema import EXEMPT_REASON_LENGTH
from erpdesk.registry.registrations import RegistrationRequest

# No NUL characters in any text: PostgreSQL cannot store them (psycopg raises
# DataError, which was a 500) and no honest input has them.
NO_NUL = r"^[^\x00]*$"

# Twice the domain's longest limits: longer is not a typo but abuse.
Short = Annotated[str, StringConstraints(max_length=400, pattern=NO_NUL)]
Long = Annotated[str, StringConstraints(max_length=10_000, pattern=NO_NUL)]
Username = Annotated[str, StringConstraints(max_length=64, pattern=NO_NUL)]
# A record id in a path (the desk's UUIDs, 36 characters).
PathId = Annotated[str, StringConstraints(max_length=64, pattern=NO_NUL)]


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TokenRequest(Request):
    username: Username
    password: Annotated[str, StringConstraints(max_length=1024)]


class TokenResponse(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_at: datetime
    role: str
    username: str
    display_name: str
    presales_lead: bool = False  # a presales user marked lead of the team


class CustomerIn(Request):
    id: UUID
    name: Short
    short_name: Short = ""
    uscc: Short = ""
    industry: Industry | None = None
    province: Short = ""
    city: Short = ""
    address: Short = ""
    size_band: SizeBand | None = None
    source: Source = Source.SELF_DEVELOPED
    source_detail: Short = ""
    phone: Short = ""
    website: Short = ""
    notes: Long = ""


class ContactIn(Request):
    id: UUID
    name: Short
    title: Short = ""
    department: Short = ""
    level: ContactLevel | None = None
    mobile: Short = ""
    office_phone: Short = ""
    email: Short = ""
    wechat: Short = ""


class VisitIn(Request):
    id: UUID | None = None
    occurred_at: AwareDatetime
    summary: Long
    contact_id: UUID | None = None


class RegistrationIn(Request):
    id: UUID = Field(description="The desk's UUID of this request: a repeat is harmless")
    customer: CustomerIn
    contacts: Annotated[list[ContactIn], Field(max_length=50)] = []
    visit: VisitIn | None = Field(None, description="The visit that registration requires")
    need: Long = Field("", description="The customer's stated need (需求)")
    urgent: bool = Field(False, description="Ask for the call-back at once")

    def to_domain(self) -> RegistrationRequest:
        c = self.customer
        customer = Customer(
            id=str(c.id), name=c.name, short_name=c.short_name, uscc=c.uscc,
            industry=c.industry, province=c.province, city=c.city, address=c.address,
            size_band=c.size_band, source=c.source, source_detail=c.source_detail,
            phone=c.phone, website=c.website, notes=c.notes, need=self.need,
        )
        contacts = [
            Contact(
                id=str(p.id), customer_id=customer.id, name=p.name, title=p.title,
                department=p.department, level=p.level, mobile=p.mobile,
                office_phone=p.office_phone, email=p.email, wechat=p.wechat,
            )
            for p in self.contacts
        ]
        visit = None
        if self.visit is not None:
            v = self.visit
            visit = Activity(
                customer_id=customer.id, kind=ActivityKind.VISIT, occurred_at=v.occurred_at,
                summary=v.summary, contact_id=str(v.contact_id) if v.contact_id else None,
                id=str(v.id) if v.id else new_id(),
            )
        return RegistrationRequest(
            id=str(self.id), customer=customer, contacts=contacts, visit=visit,
            need=self.need, urgent=self.urgent,
        )


class NearMatchOut(BaseModel):
    """A held customer whose name is near the registered one (found by the
    near-name check); a rep reads only the score of another's customer."""

    score: float
    customer_id: str | None = None
    name: str | None = None
    status: str | None = Field(None, description="The holder's status: pending or protected")
    owner: str | None = Field(None, description="The holder's display name")


class RegistrationOut(BaseModel):
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
    decided_at: datetime | None = None
    possible_duplicate: bool = Field(
        False, description="Near names were found by the check: the administrator decides"
    )
    near_matches: list[NearMatchOut] = []
    near_check: Literal["pending", "done"] = Field(
        "done", description="pending: the near-name check has not run yet (the answer to the "
        "submission); it runs at the first read back, or by the registry's periodic job"
    )


class QueueItem(RegistrationOut):
    need: str
    visit: dict[str, Any]
    contacts: list[dict[str, Any]]


class CallbackIn(Request):
    result: Literal["valid", "invalid"]
    reason: Long = Field("", description="Why the registration is invalid (required then)")
    note: Long = Field("", description="What the call-back found; the activity's summary")


class AllocateIn(Request):
    action: Literal["allocate", "release"] = "allocate"
    rep: Username | None = None
    reason: Long


class ExemptionIn(Request):
    exempt: bool = Field(
        True, description="true: exempt from release to the pool; false: end the exemption"
    )
    reason: Annotated[str, StringConstraints(max_length=EXEMPT_REASON_LENGTH, pattern=NO_NUL)]


class MatchOut(BaseModel):
    kind: Literal["same_uscc", "same_name", "similar"]
    score: float
    customer_id: str | None = None
    name: str | None = None
    owner: str | None = None


class CheckOut(BaseModel):
    status: Literal[
        "free", "protected_by_you", "protected_by_other", "pending", "possible_duplicate"
    ]
    owner: str | None = None
    since: datetime | None = None
    customer_id: str | None = None
    matches: list[MatchOut] = []


class CustomerOut(BaseModel):
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
    release_due_at: datetime | None = Field(
        None, description="When the customer goes to the pool unless followed up"
    )
    last_follow_up_at: datetime | None = Field(
        None, description="The last follow-up that extended the protection"
    )
    exempt_since: datetime | None = Field(
        None, description="Exempt from release to the pool since (null: not exempt)"
    )
    exempt_reason: str | None = Field(None, description="Why the customer is exempt")
    open_deals: int = Field(0, description="The customer's open deals (synced from the desks)")
    exempt_by_deal: bool = Field(
        False,
        description="Protected and held out of the pool by an open deal: neither warned nor "
        "released while it is open (setting exempt_open_deals)",
    )


class ErrorBody(BaseModel):
    code: str
    message: str


class ErrorOut(BaseModel):
    error: ErrorBody


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    time: datetime
    protocol: int
