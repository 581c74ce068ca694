"""Request and response bodies of ``/api/v1/pool`` (pydantic)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from erpdesk.registry.api.schemas import Long, Request


class PoolCustomerOut(BaseModel):
    """A customer in the pool: enough to choose it, nothing of its history."""

    id: str
    name: str
    industry: str | None
    province: str
    city: str
    size_band: str | None
    released_at: datetime | None


class PoolPageOut(BaseModel):
    customers: list[PoolCustomerOut]
    total: int = Field(description="How many customers in the pool match, on every page")


class ClaimIn(Request):
    reason: Long = Field("", description="Why the rep claims the customer (audited)")
