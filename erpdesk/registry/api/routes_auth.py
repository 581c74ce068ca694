"""``/api/v1/auth``: sign in for a bearer token, sign out (revoke it)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from erpdesk.registry.accounts import revoke, sign_in
from erpdesk.registry.api.deps import RegistryDep, TokenDep, UserDep
from erpdesk.registry.api.schemas import ErrorOut, TokenRequest, TokenResponse

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])


@router.post(
    "/token",
    response_model=TokenResponse,
    responses={401: {"model": ErrorOut}, 429: {"model": ErrorOut}},
    summary="Sign in: user name and password for a bearer token",
)
def token(body: TokenRequest, registry: RegistryDep, request: Request) -> TokenResponse:
    client = request.client.host if request.client else ""
    session = sign_in(
        registry.db, registry.config, registry.passwords, body.username, body.password, client
    )
    return TokenResponse(
        access_token=session.token, expires_at=session.expires_at, role=session.user.role,
        username=session.user.username, display_name=session.user.display_name,
        presales_lead=session.user.presales_lead,
    )


@router.post(
    "/revoke",
    status_code=204,
    responses={401: {"model": ErrorOut}},
    summary="Sign out: the token of this request stops working",
)
def revoke_token(registry: RegistryDep, user: UserDep, token: TokenDep) -> Response:
    del user  # the token must be valid to be revoked
    revoke(registry.db, token, registry.config.clock())
    return Response(status_code=204)
