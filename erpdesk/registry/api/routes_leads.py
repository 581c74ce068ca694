"""``/api/v1/leads``: telemarketing leads, their hand-over and their outcome,
and the reps to allocate one to.

The routes admit the roles that may use each endpoint (others get 403);
which leads a user may see or change is the service's rule (``leads``):
a lead the user may not see is 404.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Response

from erpdesk.registry.accounts import User
from erpdesk.registry.api.deps import RegistryDep, protocol, require
from erpdesk.registry.api.lead_schemas import (
    AcceptIn,
    AllocateLeadIn,
    HandoverIn,
    LeadActionIn,
    LeadIn,
    LeadOut,
    LeadSuggestionsOut,
    OutcomeIn,
)
from erpdesk.registry.api.schemas import ErrorOut, PathId
from erpdesk.registry.lead_flow import (
    accept_lead,
    allocate_lead,
    hand_over,
    report_outcome,
    return_lead,
)
from erpdesk.registry.leads import LeadView, enter_lead, get_lead, list_leads, suggest_for_lead
from erpdesk.registry.suggestions import DEFAULT_LIMIT, MAX_LIMIT

router = APIRouter(prefix="/api/v1/leads", tags=["leads"], dependencies=[Depends(protocol(False))])
ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorOut} for code in (400, 401, 403, 404, 409, 413, 422)
}
TelemarketerDep = Annotated[User, Depends(require("telemarketer"))]
ReaderDep = Annotated[User, Depends(require("telemarketer", "admin", "rep"))]


def _out(view: LeadView) -> LeadOut:
    return LeadOut.model_validate(asdict(view))


@router.post(
    "",
    response_model=LeadOut,
    status_code=201,
    responses={200: {"model": LeadOut, "description": "A repeat: the stored lead"}, **ERRORS},
    summary="Enter a lead (idempotent on its id), with the duplicate check",
)
def enter(
    body: LeadIn, registry: RegistryDep, user: TelemarketerDep, response: Response
) -> LeadOut:
    view, created = enter_lead(registry.db, user, body.to_domain(), registry.config.clock())
    if not created:
        response.status_code = 200
    return _out(view)


@router.get(
    "",
    response_model=list[LeadOut],
    responses=ERRORS,
    summary="The leads the user may see: handed-over ones first, oldest first",
)
def leads_of(
    registry: RegistryDep,
    user: ReaderDep,
    status: Literal["", "new", "handed_over", "accepted", "returned"] = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[LeadOut]:
    views = list_leads(registry.db, user, status or None, limit=limit, offset=offset)
    return [_out(v) for v in views]


@router.get(
    "/{lead_id}",
    response_model=LeadOut,
    responses=ERRORS,
    summary="A lead: for its telemarketer, an admin, or the rep it was allocated to",
)
def lead(lead_id: PathId, registry: RegistryDep, user: ReaderDep) -> LeadOut:
    return _out(get_lead(registry.db, user, lead_id))


@router.post(
    "/{lead_id}/handover",
    response_model=LeadOut,
    responses=ERRORS,
    summary="Hand a lead over (telemarketer); sign for, allocate or return it (admin)",
)
def handover(
    lead_id: PathId,
    body: LeadActionIn,
    registry: RegistryDep,
    user: Annotated[User, Depends(require("telemarketer", "admin"))],
) -> LeadOut:
    db, now = registry.db, registry.config.clock()
    if isinstance(body, HandoverIn):
        view = hand_over(db, user, lead_id, body.note, now)
    elif isinstance(body, AcceptIn):
        view = accept_lead(db, user, lead_id, body.rep, body.reason, now)
    elif isinstance(body, AllocateLeadIn):
        view = allocate_lead(db, user, lead_id, body.rep, body.reason, now)
    else:
        view = return_lead(db, user, lead_id, body.reason, now)
    return _out(view)


@router.post(
    "/{lead_id}/outcome",
    response_model=LeadOut,
    responses=ERRORS,
    summary="Report how an allocated lead ended: signed, lost, invalid or follow_up",
)
def outcome(
    lead_id: PathId,
    body: OutcomeIn,
    registry: RegistryDep,
    user: Annotated[User, Depends(require("rep", "admin"))],
) -> LeadOut:
    view = report_outcome(
        registry.db, user, lead_id, body.outcome, body.note, registry.config.clock()
    )
    return _out(view)


@router.get(
    "/{lead_id}/suggestions",
    response_model=LeadSuggestionsOut,
    responses=ERRORS,
    summary="The reps best suited to a lead (project type, size, location, ability, load), "
    "best first, with the reasons (admin)",
)
def suggestions(
    lead_id: PathId,
    registry: RegistryDep,
    admin: Annotated[User, Depends(require("admin"))],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> LeadSuggestionsOut:
    found = suggest_for_lead(registry.db, admin, lead_id, registry.config.clock(), limit)
    return LeadSuggestionsOut.of_lead(found)
