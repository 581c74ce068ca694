"""``/api/v1/notifications``: what the registry tells a user (releases to the
pool and their warnings, leads handed over, outcomes of leads)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from erpdesk.registry.api.deps import RegistryDep, UserDep, protocol
from erpdesk.registry.api.schemas import ErrorOut, Request
from erpdesk.registry.notifications import list_notifications, mark_read

router = APIRouter(
    prefix="/api/v1/notifications", tags=["notifications"],
    dependencies=[Depends(protocol(False))],
)
ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorOut} for code in (400, 401, 413, 422)
}


class NotificationOut(BaseModel):
    id: int
    kind: str
    entity: str
    entity_id: str
    params: dict[str, Any]
    created_at: datetime
    read_at: datetime | None


class MarkReadIn(Request):
    ids: Annotated[list[Annotated[int, Field(ge=1, le=2**62)]], Field(max_length=1000)]


class MarkedOut(BaseModel):
    marked: int


@router.get(
    "", response_model=list[NotificationOut], responses=ERRORS,
    summary="The signed-in user's notifications, oldest first",
)
def notifications_of(
    registry: RegistryDep,
    user: UserDep,
    unread: bool = False,
    after: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 100,
) -> list[NotificationOut]:
    found = list_notifications(
        registry.db, user, unread_only=unread, after_id=after, limit=limit
    )
    return [NotificationOut.model_validate(asdict(n)) for n in found]


@router.post(
    "/read", response_model=MarkedOut, responses=ERRORS,
    summary="Mark some of the signed-in user's notifications read",
)
def read(body: MarkReadIn, registry: RegistryDep, user: UserDep) -> MarkedOut:
    return MarkedOut(marked=mark_read(registry.db, user, body.ids, registry.config.clock()))
