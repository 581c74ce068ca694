"""Answers of ``/api/v1/presales`` (pydantic): the consultants a presales
lead may assign, with the open engagements each holds."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ConsultantOut(BaseModel):
    """An active ``presales`` user, as the lead's assign dialog lists it."""

    username: str
    display_name: str
    team: str
    lead: bool = Field(description="The user is its team's presales lead")
    open_engagements: int = Field(
        description="Engagements assigned to the user and not closed (synced records)"
    )


class ConsultantsOut(BaseModel):
    consultants: list[ConsultantOut]
    total: int = Field(description="How many consultants the user may list, on every page")
