"""The FastAPI application: ``create_app(config)`` is the composition root.

Nothing happens at import: the factory builds the engine, the password
hasher and the routes, and the lifespan disposes of the engine.  Several
processes (``uvicorn --workers N --factory``) each call the factory; they
share nothing but the database.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from anyio import to_thread
from fastapi import FastAPI
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from erpdesk.registry.api import (
    routes_admin,
    routes_auth,
    routes_customers,
    routes_leads,
    routes_notifications,
    routes_pool,
    routes_presales,
    routes_sync,
)
from erpdesk.registry.api.deps import PROTOCOL_VERSION, Registry, RegistryDep
from erpdesk.registry.api.errors import BodyLimit, install_handlers
from erpdesk.registry.api.schemas import ErrorOut, Health
from erpdesk.registry.config import Config, load_config
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.jobs import JobRunner
from erpdesk.registry.security import Passwords

API_DESCRIPTION = """\
The ERPDesk customer registry: who may work which customer.

Sign in with `POST /api/v1/auth/token` and send `Authorization: Bearer <token>`.
Every error is `{"error": {"code": "...", "message": "..."}}` with a stable code.
"""

# Answers any operation may give, whatever its route declares: malformed JSON
# or a bad protocol/Content-Length header (400), a body over the limit (413),
# wrong types or unknown fields (422, in the error shape, not FastAPI's).
COMMON_ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorOut, "description": "Malformed request"},
    413: {"model": ErrorOut, "description": "Request body too large"},
    422: {"model": ErrorOut, "description": "Invalid request"},
}


def create_app(config: Config) -> FastAPI:
    """A registry application over the database in *config*."""
    registry = Registry(
        config=config,
        db=RegistryDatabase(config.db_url, echo=config.sql_echo),
        passwords=Passwords(config.password_cost),
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if config.request_threads:
            to_thread.current_default_thread_limiter().total_tokens = config.request_threads
        # The protection sweep, in this worker, every job_interval seconds
        # (the lease in the database keeps several workers from repeating it).
        jobs = (
            JobRunner(registry.db, config.clock, config.job_interval).start()
            if config.job_interval > 0 else None
        )
        try:
            yield
        finally:
            if jobs is not None:
                jobs.stop()
            registry.db.dispose()

    app = FastAPI(
        title="ERPDesk registry", version="1", description=API_DESCRIPTION,
        lifespan=lifespan, responses=COMMON_ERRORS,
    )
    app.state.registry = registry
    install_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=config.max_body_bytes)
    if config.trusted_proxies:
        # Outermost: the client address (sign-in throttling) and scheme come
        # from X-Forwarded-For/-Proto, but only when the peer is one of the
        # named proxies; from any other peer the headers are ignored.
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=list(config.trusted_proxies))

    @app.get("/healthz", response_model=Health, tags=["health"])
    def healthz(registry: RegistryDep) -> Health:
        """Liveness: the process answers; ``time`` is the registry's clock."""
        return Health(time=registry.config.clock(), protocol=PROTOCOL_VERSION)

    app.include_router(routes_auth.router)
    app.include_router(routes_customers.router)
    app.include_router(routes_admin.router)
    app.include_router(routes_sync.router)
    app.include_router(routes_notifications.router)
    app.include_router(routes_pool.router)
    app.include_router(routes_leads.router)
    app.include_router(routes_presales.router)
    return app


def app_from_environment() -> FastAPI:
    """The factory ``uvicorn --factory`` calls in each worker (configured
    through ``ERPDESK_REGISTRY_*``; ``erpdesk-registry serve`` sets them)."""
    return create_app(load_config())
