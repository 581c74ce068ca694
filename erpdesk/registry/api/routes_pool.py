"""``/api/v1/pool``: the shared pool (公海) and claims from it."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Query

from erpdesk.registry.accounts import User
from erpdesk.registry.api.deps import RegistryDep, protocol, require
from erpdesk.registry.api.pool_schemas import ClaimIn, PoolPageOut
from erpdesk.registry.api.schemas import NO_NUL, CustomerOut, ErrorOut, PathId
from erpdesk.registry.pool import MAX_PAGE, claim, list_pool

router = APIRouter(prefix="/api/v1/pool", tags=["pool"], dependencies=[Depends(protocol(False))])
ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorOut} for code in (400, 401, 403, 404, 409, 413, 422)
}


@router.get(
    "",
    response_model=PoolPageOut,
    responses=ERRORS,
    summary="The customers in the pool, most recently released first",
)
def pool(
    registry: RegistryDep,
    user: Annotated[User, Depends(require("rep", "admin"))],
    q: Annotated[str, Query(max_length=200, pattern=NO_NUL)] = "",
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> PoolPageOut:
    del user
    page = list_pool(registry.db, q, limit=limit, offset=offset)
    return PoolPageOut.model_validate(asdict(page))


@router.post(
    "/{customer_id}/claim",
    response_model=CustomerOut,
    responses=ERRORS,
    summary="Claim a customer from the pool into the rep's protection",
)
def claim_customer(
    customer_id: PathId,
    registry: RegistryDep,
    rep: Annotated[User, Depends(require("rep"))],
    body: Annotated[ClaimIn | None, Body()] = None,
) -> CustomerOut:
    reason = body.reason if body is not None else ""
    view = claim(registry.db, rep, customer_id, reason, registry.config.clock())
    return CustomerOut.model_validate(asdict(view))
