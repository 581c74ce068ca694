"""``/api/v1/admin``: the customer administrator's queue, call-backs, allocation,
reps' profiles and allocation suggestions."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query

from erpdesk.registry.accounts import User, set_profile
from erpdesk.registry.admin import (
    AUDIT_PAGE,
    MAX_AUDIT_PAGE,
    allocate,
    customer_audit,
    record_callback,
    registration_queue,
    set_exemption,
)
from erpdesk.registry.api.admin_schemas import (
    AuditTrailOut,
    ProfileIn,
    ProfileOut,
    RepOut,
    RepsOut,
    SuggestionsOut,
)
from erpdesk.registry.api.deps import RegistryDep, protocol, require
from erpdesk.registry.api.schemas import (
    AllocateIn,
    CallbackIn,
    CustomerOut,
    ErrorOut,
    ExemptionIn,
    PathId,
    QueueItem,
    RegistrationOut,
    Username,
)
from erpdesk.registry.suggestions import DEFAULT_LIMIT, MAX_LIMIT, rep_loads, suggest_reps

router = APIRouter(prefix="/api/v1/admin", tags=["admin"], dependencies=[Depends(protocol(False))])
AdminDep = Annotated[User, Depends(require("admin"))]
ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorOut} for code in (400, 401, 403, 404, 409, 413, 422)
}


@router.get(
    "/registrations",
    response_model=list[QueueItem],
    responses=ERRORS,
    summary="The registration queue: urgent on top, then oldest first, with deadlines",
)
def queue(
    registry: RegistryDep,
    admin: AdminDep,
    status: Literal["pending", "verified", "rejected"] = "pending",
    limit: Annotated[int, Query(ge=1, le=200)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[QueueItem]:
    del admin
    views = registration_queue(
        registry.db, status, registry.config.clock(), limit=limit, offset=offset
    )
    return [QueueItem.model_validate(asdict(v)) for v in views]


@router.post(
    "/registrations/{registration_id}/callback",
    response_model=RegistrationOut,
    responses=ERRORS,
    summary="Record the call-back result: valid, or invalid with a reason",
)
def callback(
    registration_id: PathId, body: CallbackIn, registry: RegistryDep, admin: AdminDep
) -> RegistrationOut:
    view = record_callback(
        registry.db,
        admin,
        registration_id,
        body.result == "valid",
        body.reason,
        body.note,
        registry.config.clock(),
    )
    return RegistrationOut.model_validate(asdict(view))


@router.post(
    "/customers/{customer_id}/allocate",
    response_model=CustomerOut,
    responses=ERRORS,
    summary="Allocate a customer to a rep, re-allocate it, or release it to the pool",
)
def allocate_customer(
    customer_id: PathId, body: AllocateIn, registry: RegistryDep, admin: AdminDep
) -> CustomerOut:
    view = allocate(
        registry.db,
        admin,
        customer_id,
        body.action,
        body.rep,
        body.reason,
        registry.config.clock(),
    )
    return CustomerOut.model_validate(asdict(view))


@router.post(
    "/customers/{customer_id}/exemption",
    response_model=CustomerOut,
    responses=ERRORS,
    summary="Exempt a protected customer from release to the pool (a won customer, an open "
    "deal), or end its exemption, with a reason",
)
def exemption(
    customer_id: PathId, body: ExemptionIn, registry: RegistryDep, admin: AdminDep
) -> CustomerOut:
    view = set_exemption(
        registry.db, admin, customer_id, body.exempt, body.reason, registry.config.clock()
    )
    return CustomerOut.model_validate(asdict(view))


@router.get(
    "/reps",
    response_model=RepsOut,
    responses=ERRORS,
    summary="The active reps: their profiles and the customers each holds against rep_cap",
)
def reps(registry: RegistryDep, admin: AdminDep) -> RepsOut:
    del admin
    policy, loads = rep_loads(registry.db)
    return RepsOut(
        rep_cap=policy.rep_cap,
        reps=[
            RepOut.model_validate({**asdict(r.profile), "held": r.held, "at_cap": r.at_cap})
            for r in loads
        ],
    )


@router.put(
    "/reps/{username}/profile",
    response_model=ProfileOut,
    responses=ERRORS,
    summary="Set a rep's profile (industries, size bands, regions, ability); parts left out "
    "are kept",
)
def put_profile(
    username: Username, body: ProfileIn, registry: RegistryDep, admin: AdminDep
) -> ProfileOut:
    profile = set_profile(
        registry.db,
        registry.config.clock(),
        admin.actor,
        username,
        industries=body.industries,
        size_bands=body.size_bands,
        regions=body.regions,
        ability=body.ability,
    )
    return ProfileOut.model_validate(asdict(profile))


@router.get(
    "/customers/{customer_id}/suggestions",
    response_model=SuggestionsOut,
    responses=ERRORS,
    summary="The reps best suited to a customer (project type, size, location, ability, "
    "load), best first, with the reasons",
)
def suggestions(
    customer_id: PathId,
    registry: RegistryDep,
    admin: AdminDep,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> SuggestionsOut:
    del admin
    found = suggest_reps(registry.db, customer_id, registry.config.clock(), limit)
    return SuggestionsOut.of(found)


@router.get(
    "/customers/{customer_id}/audit",
    response_model=AuditTrailOut,
    responses=ERRORS,
    summary="A customer's audit trail: who did what, when and why, with the state before "
    "and after; newest first, a page at a time",
)
def customer_audit_trail(
    customer_id: PathId,
    registry: RegistryDep,
    admin: AdminDep,
    limit: Annotated[int, Query(ge=1, le=MAX_AUDIT_PAGE)] = AUDIT_PAGE,
    before: Annotated[
        int | None,
        Query(ge=1, le=2_147_483_647, description="Only entries older than this entry "
              "(the previous page's next_before)"),
    ] = None,
) -> AuditTrailOut:
    del admin
    trail = customer_audit(registry.db, customer_id, limit=limit, before=before)
    return AuditTrailOut.model_validate(asdict(trail))
