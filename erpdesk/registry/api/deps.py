"""What the routes depend on: the registry's services, the signed-in user,
the role checks, and the sync protocol version.

Routes and the dependencies that touch the database are plain ``def``:
FastAPI runs them in its thread pool, so blocking database work never stalls
the event loop.  The dependencies that only read the request or a value
already at hand are ``async def``: they run on the event loop, saving a
thread hop each (a request used to make five; each waits for one of the
worker's few threads, ``config.DEFAULT_THREADS``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from erpdesk.registry.accounts import User, authenticate
from erpdesk.registry.config import Config
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.errors import Forbidden, NotAuthenticated, UnsupportedProtocol
from erpdesk.registry.security import Passwords

PROTOCOL_VERSION = 1
SUPPORTED_PROTOCOLS = frozenset({1})
PROTOCOL_HEADER = "X-ERPDesk-Protocol"


@dataclass(frozen=True)
class Registry:
    """The per-application services, built once by ``create_app``."""

    config: Config
    db: RegistryDatabase
    passwords: Passwords


async def get_registry(request: Request) -> Registry:
    registry: Registry = request.app.state.registry
    return registry


RegistryDep = Annotated[Registry, Depends(get_registry)]


async def bearer_token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise NotAuthenticated()
    return token.strip()


TokenDep = Annotated[str, Depends(bearer_token)]


def current_user(registry: RegistryDep, token: TokenDep) -> User:
    return authenticate(registry.db, token, registry.config.clock())


UserDep = Annotated[User, Depends(current_user)]


def require(*roles: str) -> Callable[[User], Awaitable[User]]:
    """A dependency admitting only users whose role is one of *roles*."""

    async def dependency(user: UserDep) -> User:
        if user.role not in roles:
            raise Forbidden(role=user.role)
        return user

    dependency.__name__ = f"require_{'_or_'.join(roles)}"
    return dependency


def protocol(required: bool) -> Callable[[Request], Awaitable[int]]:
    """A dependency reading the protocol version from the ``X-ERPDesk-Protocol``
    header or the ``protocol`` query parameter.  Sync endpoints require it;
    elsewhere it is checked when given."""

    async def dependency(request: Request) -> int:
        raw = request.headers.get(PROTOCOL_HEADER) or request.query_params.get("protocol")
        if raw is None:
            if required:
                raise UnsupportedProtocol(
                    "Send the sync protocol version in the {header} header",
                    code="protocol_required", header=PROTOCOL_HEADER,
                    details={"supported": sorted(SUPPORTED_PROTOCOLS)},
                )
            return PROTOCOL_VERSION
        try:
            version = int(raw.strip())
        except ValueError:
            version = -1
        if version not in SUPPORTED_PROTOCOLS:
            raise UnsupportedProtocol(
                details={"supported": sorted(SUPPORTED_PROTOCOLS)},
                supported=", ".join(str(v) for v in sorted(SUPPORTED_PROTOCOLS)),
                requested=raw[:20],
            )
        return version

    return dependency
