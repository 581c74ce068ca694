"""``/api/v1/sync``: push, pull and the user's conflict records (protocol
version header required)."""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import AwareDatetime

from erpdesk.registry.api.deps import RegistryDep, UserDep, protocol
from erpdesk.registry.api.schemas import ErrorOut
from erpdesk.registry.api.sync_schemas import (
    ChangeOut,
    ConflictRecordOut,
    ConflictsOut,
    PullOut,
    PushIn,
    PushOut,
)
from erpdesk.registry.language import language_of, translator
from erpdesk.registry.sync.conflicts import MAX_LIMIT as MAX_CONFLICTS
from erpdesk.registry.sync.conflicts import list_conflicts, resolve_conflict
from erpdesk.registry.sync.pull import DEFAULT_LIMIT, MAX_LIMIT, pull
from erpdesk.registry.sync.push import push, record_device

router = APIRouter(
    prefix="/api/v1/sync", tags=["sync"], dependencies=[Depends(protocol(True))]
)
ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorOut} for code in (400, 401, 403, 413, 422)
}
NOT_FOUND: dict[int | str, dict[str, object]] = {**ERRORS, 404: {"model": ErrorOut}}
BIG = 2**62


@router.post(
    "/push", response_model=PushOut, responses=ERRORS,
    summary="Apply a batch of outbox ops in order, each at most once",
)
def push_ops(body: PushIn, registry: RegistryDep, user: UserDep, request: Request) -> PushOut:
    result = push(
        registry.db, user, body.device_id, body.device_time,
        body.ops, registry.config.clock(),
    )
    translate = translator(language_of(request.headers.get("accept-language", "")))
    if translate is not None:  # a refusal's words in the language asked for; its code stays
        result = replace(result, results=[
            {**r, "message": translate("Registry", r["message"])} if r.get("message") else r
            for r in result.results
        ])
    return PushOut.model_validate(result, from_attributes=True)


@router.get(
    "/pull", response_model=PullOut, responses={**ERRORS, 409: {"model": ErrorOut}},
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


@router.get(
    "/conflicts", response_model=ConflictsOut, responses=ERRORS,
    summary="The user's conflict records (desk values the registry did not take), newest first",
)
def conflicts(
    registry: RegistryDep,
    user: UserDep,
    resolved: bool = False,
    limit: Annotated[int, Query(ge=1, le=MAX_CONFLICTS)] = MAX_CONFLICTS,
) -> ConflictsOut:
    records = list_conflicts(registry.db, user, resolved=resolved, limit=limit)
    return ConflictsOut(conflicts=[ConflictRecordOut(**asdict(r)) for r in records])


@router.post(
    "/conflicts/{conflict_id}/resolve", response_model=ConflictRecordOut, responses=NOT_FOUND,
    summary="Mark one of the user's conflict records dealt with",
)
def resolve(
    registry: RegistryDep,
    user: UserDep,
    conflict_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
) -> ConflictRecordOut:
    record = resolve_conflict(registry.db, user, conflict_id, registry.config.clock())
    return ConflictRecordOut(**asdict(record))
