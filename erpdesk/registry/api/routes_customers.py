"""``/api/v1/customers`` and ``/api/v1/registrations``: what a rep asks."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from erpdesk.registry.accounts import User
from erpdesk.registry.admin import get_customer
from erpdesk.registry.api.deps import RegistryDep, UserDep, protocol, require
from erpdesk.registry.api.schemas import (
    NO_NUL,
    CheckOut,
    CustomerOut,
    ErrorOut,
    PathId,
    RegistrationIn,
    RegistrationOut,
)
from erpdesk.registry.checks import check_customer
from erpdesk.registry.registrations import get_registration, submit_registration

router = APIRouter(prefix="/api/v1", tags=["customers"], dependencies=[Depends(protocol(False))])

ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorOut} for code in (400, 401, 403, 404, 409, 413, 422)
}


@router.get(
    "/customers/check", response_model=CheckOut, responses=ERRORS,
    summary="Duplicate check: is a company free, protected, pending or like another?",
)
def check(
    registry: RegistryDep,
    user: Annotated[User, Depends(require("rep", "admin", "telemarketer"))],
    name: Annotated[str, Query(max_length=200, pattern=NO_NUL)] = "",
    uscc: Annotated[str, Query(max_length=40, pattern=NO_NUL)] = "",
) -> CheckOut:
    result = check_customer(registry.db, user, name, uscc)
    return CheckOut.model_validate(asdict(result))


@router.get(
    "/customers/{customer_id}", response_model=CustomerOut, responses=ERRORS,
    summary="A customer's registry state: for its owner, an admin or the team's manager",
)
def customer(customer_id: PathId, registry: RegistryDep, user: UserDep) -> CustomerOut:
    return CustomerOut.model_validate(asdict(get_customer(registry.db, user, customer_id)))


@router.post(
    "/registrations", response_model=RegistrationOut, status_code=201,
    responses={200: {"model": RegistrationOut, "description": "A repeat: the stored result"},
               **ERRORS},
    summary="Register a customer for protection (idempotent on the request id)",
)
def register(
    body: RegistrationIn,
    registry: RegistryDep,
    user: Annotated[User, Depends(require("rep"))],
    response: Response,
) -> RegistrationOut:
    view, created = submit_registration(
        registry.db, user, body.to_domain(), registry.config.clock()
    )
    if not created:
        response.status_code = 200
    return RegistrationOut.model_validate(asdict(view))


@router.get(
    "/registrations/{registration_id}", response_model=RegistrationOut, responses=ERRORS,
    summary="A registration and its decision: for its rep or an admin",
)
def registration(
    registration_id: PathId,
    registry: RegistryDep,
    user: Annotated[User, Depends(require("rep", "admin"))],
) -> RegistrationOut:
    view = get_registration(registry.db, user, registration_id, registry.config.clock())
    return RegistrationOut.model_validate(asdict(view))
