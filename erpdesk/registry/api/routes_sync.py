"""``/api/v1/sync``: push and pull (protocol version header required)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import AwareDatetime

from erpdesk.registry.api.deps import RegistryDep, UserDep, protocol
from erpdesk.registry.api.schemas import ErrorOut
from erpdesk.registry.api.sync_schemas import ChangeOut, PullOut, PushIn, PushOut
from erpdesk.registry.sync.pull import DEFAULT_LIMIT, MAX_LIMIT, pull
from erpdesk.registry.sync.push import push, record_device

router = APIRouter(
    prefix="/api/v1/sync", tags=["sync"], dependencies=[Depends(protocol(True))]
)
ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorOut} for code in (400, 401, 403, 413, 422)
}
BIG = 2**62


@router.post(
    "/push", response_model=PushOut, responses=ERRORS,
    summary="Apply a batch of outbox ops in order, each at most once",
)
def push_ops(body: PushIn, registry: RegistryDep, user: UserDep) -> PushOut:
    result = push(
        registry.db, user, body.device_id, body.device_time,
        [op.model_dump() for op in body.ops], registry.config.clock(),
    )
    return PushOut.model_validate(result, from_attributes=True)


@router.get(
    "/pull", response_model=PullOut, responses=ERRORS,
    summary="The changes after a cursor that the user may see, in change order",
)
def pull_changes(
    registry: RegistryDep,
    user: UserDep,
    since: Annotated[int, Query(ge=0, le=BIG)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    device_id: Annotated[str | None, Query(min_length=1, max_length=64)] = None,
    device_time: Annotated[AwareDatetime | None, Query()] = None,
) -> PullOut:
    now = registry.config.clock()
    result = pull(registry.db, user, since, limit, now)
    if device_id is not None:
        record_device(registry.db, user, device_id, device_time, now, pushed=False)
    return PullOut(
        changes=[ChangeOut.model_validate(c) for c in result.changes],
        next_cursor=result.next_cursor, has_more=result.has_more,
        registry_time=result.registry_time,
    )


