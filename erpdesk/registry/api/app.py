"""The FastAPI application: ``create_app(config)`` is the composition root.

Nothing happens at import: the factory builds the engine, the password
hasher and the routes, and the lifespan disposes of the engine.  Several
processes (``uvicorn --workers N --factory``) each call the factory; they
share nothing but the database.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from erpdesk.registry.api import routes_admin, routes_auth, routes_customers
from erpdesk.registry.api.deps import PROTOCOL_VERSION, Registry, RegistryDep
from erpdesk.registry.api.errors import BodyLimit, install_handlers
from erpdesk.registry.api.schemas import Health
from erpdesk.registry.config import Config, load_config
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.security import Passwords

API_DESCRIPTION = """\
The ERPDesk customer registry: who may work which customer.

Sign in with `POST /api/v1/auth/token` and send `Authorization: Bearer <token>`.
Every error is `{"error": {"code": "...", "message": "..."}}` with a stable code.
"""


def create_app(config: Config) -> FastAPI:
    """A registry application over the database in *config*."""
    registry = Registry(
        config=config,
        db=RegistryDatabase(config.db_url, echo=config.sql_echo),
        passwords=Passwords(config.password_cost),
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            registry.db.dispose()

    app = FastAPI(
        title="ERPDesk registry", version="1", description=API_DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.registry = registry
    install_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=config.max_body_bytes)

    @app.get("/healthz", response_model=Health, tags=["health"])
    def healthz(registry: RegistryDep) -> Health:
        """Liveness: the process answers; ``time`` is the registry's clock."""
        return Health(time=registry.config.clock(), protocol=PROTOCOL_VERSION)

    app.include_router(routes_auth.router)
    app.include_router(routes_customers.router)
    app.include_router(routes_admin.router)
    return app


def app_from_environment() -> FastAPI:
    """The factory ``uvicorn --factory`` calls in each worker (configured
    through ``ERPDESK_REGISTRY_*``; ``erpdesk-registry serve`` sets them)."""
    return create_app(load_config())
