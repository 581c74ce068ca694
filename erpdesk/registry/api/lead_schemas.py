"""Request and response bodies of ``/api/v1/leads`` (pydantic).

As in ``schemas``: unknown fields are refused, types and generous lengths
are checked here (``invalid_request``), the business rules (a company name,
a valid credit code and phone, some way to reach the company) are the
domain's and come back as ``invalid_input`` with every problem.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, Field

from erpdesk.domain.customer import Industry, SizeBand
from erpdesk.registry.api.admin_schemas import SuggestionsOut, suggestion_fields
from erpdesk.registry.api.schemas import CheckOut, Long, Request, Short, Username
from erpdesk.registry.leads import LeadRequest, LeadSuggestions


class LeadIn(Request):
    id: UUID = Field(description="The client's UUID of this lead: entering it again is harmless")
    company_name: Short = Field(description="The company's full name (required)")
    uscc: Short = Field("", description="Unified social credit code, when known")
    industry: Industry | None = None
    size_band: SizeBand | None = None
    province: Short = ""
    city: Short = ""
    address: Short = ""
    phone: Short = Field("", description="The company's phone")
    contact_name: Short = ""
    contact_phone: Short = Field("", description="The contact's mobile or landline")
    need: Long = Field("", description="What the company needs, as the call found it")
    notes: Long = ""

    def to_domain(self) -> LeadRequest:
        return LeadRequest(
            id=str(self.id),
            company_name=self.company_name,
            uscc=self.uscc,
            industry=self.industry,
            size_band=self.size_band,
            province=self.province,
            city=self.city,
            address=self.address,
            phone=self.phone,
            contact_name=self.contact_name,
            contact_phone=self.contact_phone,
            need=self.need,
            notes=self.notes,
        )


class HandoverIn(Request):
    """The telemarketer hands a lead it judged valid to the administrator."""

    action: Literal["handover"]
    note: Long = Field("", description="What the administrator should know")


class AcceptIn(Request):
    """The administrator signs for the lead (签收), naming a rep to allocate it at once."""

    action: Literal["accept"]
    rep: Username | None = Field(None, description="The rep whose protected customer it becomes")
    reason: Long = ""


class AllocateLeadIn(Request):
    """The administrator allocates a lead signed for earlier without a rep."""

    action: Literal["allocate"]
    rep: Username
    reason: Long = ""


class ReturnIn(Request):
    """The administrator sends the lead back to the telemarketer."""

    action: Literal["return"]
    reason: Long = Field(description="Why (required): the telemarketer is told")


LeadActionIn = Annotated[
    HandoverIn | AcceptIn | AllocateLeadIn | ReturnIn, Field(discriminator="action")
]


class OutcomeIn(Request):
    outcome: Literal["signed", "lost", "invalid", "follow_up"]
    note: Long = Field("", description="Required for lost and invalid")


class LeadOut(BaseModel):
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
    status: Literal["new", "handed_over", "accepted", "returned"]
    telemarketer: str
    telemarketer_display_name: str
    created_at: datetime
    updated_at: datetime
    check: CheckOut = Field(description="The duplicate check when the lead was entered")
    flagged: bool = Field(description="The company was protected, pending or like another")
    handed_over_at: datetime | None = None
    handover_note: str = ""
    accepted_at: datetime | None = None
    accepted_by: str | None = None
    return_reason: str = ""
    customer_id: str | None = None
    rep: str | None = None
    rep_display_name: str | None = None
    outcome: Literal["signed", "lost", "invalid", "follow_up"] | None = None
    outcome_note: str = ""
    outcome_at: datetime | None = None
    outcome_by: str | None = None
    change_number: int


class LeadSuggestionsOut(SuggestionsOut):
    """The customer suggestions' answer (``GET /api/v1/admin/customers/{id}/
    suggestions``) for a lead: the same fields, and the lead's id."""

    lead_id: str
    # Widens SuggestionsOut.customer_id (a lead may have no customer yet),
    # which mypy reports as an unsafe override: harmless for a response model.
    customer_id: str | None = Field(  # type: ignore[assignment]
        description="The customer made from the lead; null until it is allocated"
    )

    @classmethod
    def of_lead(cls, found: LeadSuggestions) -> LeadSuggestionsOut:
        return cls(
            lead_id=found.lead_id, customer_id=found.customer_id, **suggestion_fields(found)
        )
