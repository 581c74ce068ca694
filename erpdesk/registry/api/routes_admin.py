"""``/api/v1/admin``: the customer administrator's queue, call-backs, allocation."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from erpdesk.registry.accounts import User
from erpdesk.registry.admin import allocate, record_callback, registration_queue
from erpdesk.registry.api.deps import RegistryDep, protocol, require
from erpdesk.registry.api.schemas import (
    NO_NUL,
    AllocateIn,
    CallbackIn,
    CustomerOut,
    ErrorOut,
    PathId,
    QueueItem,
    RegistrationOut,
)

router = APIRouter(
    prefix="/api/v1/admin", tags=["admin"], dependencies=[Depends(protocol(False))]
)
AdminDep = Annotated[User, Depends(require("admin"))]
ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorOut} for code in (400, 401, 403, 404, 409, 413, 422)
}


@router.get(
    "/registrations", response_model=list[QueueItem], responses=ERRORS,
    summary="The registration queue: urgent on top, then oldest first, with deadlines",
)
def queue(
    registry: RegistryDep,
    admin: AdminDep,
    status: Annotated[str, Query(max_length=16, pattern=NO_NUL)] = "pending",
    limit: Annotated[int, Query(ge=1, le=200)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[QueueItem]:
    del admin
    views = registration_queue(
        registry.db, status, registry.config.clock(), limit=limit, offset=offset
    )
    return [QueueItem.model_validate(asdict(v)) for v in views]


@router.post(
    "/registrations/{registration_id}/callback", response_model=RegistrationOut,
    responses=ERRORS, summary="Record the call-back result: valid, or invalid with a reason",
)
def callback(
    registration_id: PathId, body: CallbackIn, registry: RegistryDep, admin: AdminDep
) -> RegistrationOut:
    view = record_callback(
        registry.db, admin, registration_id, body.result == "valid", body.reason, body.note,
        registry.config.clock(),
    )
    return RegistrationOut.model_validate(asdict(view))


@router.post(
    "/customers/{customer_id}/allocate", response_model=CustomerOut, responses=ERRORS,
    summary="Allocate a customer to a rep, re-allocate it, or release it to the pool",
)
def allocate_customer(
    customer_id: PathId, body: AllocateIn, registry: RegistryDep, admin: AdminDep
) -> CustomerOut:
    view = allocate(
        registry.db, admin, customer_id, body.action, body.rep, body.reason,
        registry.config.clock(),
    )
    return CustomerOut.model_validate(asdict(view))
