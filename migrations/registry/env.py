"""Alembic environment of the registry database (PostgreSQL or SQLite).

Run through ``erpdesk.registry.db.database.migrate`` (``erpdesk-registry db
upgrade``), which passes its connection in ``config.attributes["connection"]``.
Run by hand, the URL comes from ``-x db=URL``, else ``sqlalchemy.url``, else
``$ERPDESK_REGISTRY_DB``:

    alembic -c /dev/null -x db=postgresql://postgres@127.0.0.1/registry \\
        --name alembic upgrade head   # (script_location set to this folder)
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection

from erpdesk.registry.config import normalize_db_url
from erpdesk.registry.db.database import make_engine
from erpdesk.registry.db.schema import metadata

config = context.config


def _url() -> str:
    url = (
        context.get_x_argument(as_dictionary=True).get("db")
        or config.get_main_option("sqlalchemy.url")
        or os.environ.get("ERPDESK_REGISTRY_DB")
    )
    if not url:
        raise SystemExit("No registry database: pass -x db=URL or set ERPDESK_REGISTRY_DB")
    return normalize_db_url(url)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters by copy
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(_url())
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("The registry database is migrated online only")
run_migrations_online()
