"""Bodies of the administrator's rep profiles and allocation suggestions.

Types and generous limits are checked here (a wrong type or an unknown
field is ``invalid_request``); the values themselves (known industries and
size bands, region lengths, ability 1-5) are checked by
``accounts.set_profile``, so the command line and the API refuse the same
things with the same messages (``invalid_input``).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, Field, StrictInt, StringConstraints

from erpdesk.registry.api.schemas import NO_NUL, Request

if TYPE_CHECKING:
    from erpdesk.registry.leads import LeadSuggestions
    from erpdesk.registry.suggestions import Criteria, CustomerSuggestions

# Longer than any valid value, so that the service names what is wrong.
Choice = Annotated[str, StringConstraints(max_length=100, pattern=NO_NUL)]
RegionText = Annotated[str, StringConstraints(max_length=200, pattern=NO_NUL)]
Ability = Annotated[StrictInt, Field(ge=-1000, le=1000)]


class ProfileIn(Request):
    """A rep's profile; a part left out (or ``null``) keeps its value."""

    industries: Annotated[list[Choice], Field(max_length=100)] | None = Field(
        None, description="Industry codes (Industry), e.g. machinery"
    )
    size_bands: Annotated[list[Choice], Field(max_length=100)] | None = Field(
        None, description="Size band codes (SizeBand), e.g. medium"
    )
    regions: Annotated[list[RegionText], Field(max_length=1000)] | None = Field(
        None, description="Province or city names, e.g. 山东省, 济南市 (at most 100)"
    )
    ability: Ability | None = Field(None, description="Sales ability, 1 to 5")


class ProfileOut(BaseModel):
    username: str
    display_name: str
    team: str
    industries: list[str]
    size_bands: list[str]
    regions: list[str]
    ability: int


class RepOut(ProfileOut):
    held: int = Field(description="Pending and protected customers the rep holds")
    at_cap: bool = Field(description="The rep holds rep_cap customers: no more may be allocated")


class RepsOut(BaseModel):
    rep_cap: int
    reps: list[RepOut]


class ReasonOut(BaseModel):
    criterion: Literal["industry", "size_band", "location", "ability", "load"]
    matched: bool
    points: float
    detail: str = Field(
        description="industry: the code; size_band: exact or neighbour; location: city or "
        "province; ability: 1-5; load: held/cap; empty when it did not match"
    )


class SuggestionOut(BaseModel):
    username: str
    display_name: str
    team: str
    score: float
    held: int
    at_cap: bool
    current_owner: bool
    reasons: list[ReasonOut]


class CriteriaOut(BaseModel):
    industry: str | None
    size_band: str | None
    province: str
    city: str
    source: str | None
    company_provided: bool

    @classmethod
    def of(cls, criteria: Criteria) -> CriteriaOut:
        return cls(
            industry=criteria.industry.value if criteria.industry else None,
            size_band=criteria.size_band.value if criteria.size_band else None,
            province=criteria.province,
            city=criteria.city,
            source=criteria.source.value if criteria.source else None,
            company_provided=criteria.company_provided,
        )


class SuggestionsOut(BaseModel):
    customer_id: str
    as_of: datetime
    rep_cap: int
    criteria: CriteriaOut
    suggestions: list[SuggestionOut]

    @classmethod
    def of(cls, found: CustomerSuggestions) -> SuggestionsOut:
        return cls(customer_id=found.customer_id, **suggestion_fields(found))


def suggestion_fields(found: CustomerSuggestions | LeadSuggestions) -> dict[str, Any]:
    """The fields a customer's and a lead's suggestions answer share."""
    return {
        "as_of": found.as_of,
        "rep_cap": found.rep_cap,
        "criteria": CriteriaOut.of(found.criteria),
        "suggestions": [SuggestionOut.model_validate(asdict(s)) for s in found.suggestions],
    }


class AuditEntryOut(BaseModel):
    id: int = Field(description="The entry's number; pass the last one's as `before` for older")
    at: datetime = Field(description="When, in UTC")
    actor: str = Field(
        description="Who: the user name; `job:protection_sweep` for the registry's release "
        "sweep, `cli:<os user>` for its command line"
    )
    actor_display_name: str | None = Field(description="The user's display name, if a user")
    action: str = Field(
        description="What, e.g. registration.submit, registration.callback.valid, "
        "customer.allocate, customer.release, customer.release.expired, pool.claim, "
        "customer.exempt, customer.unexempt, customer.from_lead, lead.accept, lead.outcome"
    )
    entity: str = Field(description="customer, or lead for a lead that became the customer")
    entity_id: str
    reason: str = Field(description="Why, as given (empty when none was asked)")
    before: dict[str, Any] | None = Field(description="The state before, as the log holds it")
    after: dict[str, Any] | None = Field(description="The state after, as the log holds it")


class AuditUserOut(BaseModel):
    id: int
    username: str
    display_name: str


class AuditTrailOut(BaseModel):
    customer_id: str
    total: int = Field(description="Entries in the whole trail")
    entries: list[AuditEntryOut] = Field(description="Newest first")
    users: list[AuditUserOut] = Field(
        description="The users whose ids the entries' before/after hold (owner_id, "
        "last_owner_id, rep_id …)"
    )
    has_more: bool
    next_before: int | None = Field(description="`before` for the next page; null on the last")
