"""Alembic environment of the desk's SQLite database.

Run through ``erpdesk.storage.migrate`` (never with a global engine): the
caller passes its connection in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from erpdesk.storage.schema import metadata

config = context.config


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as conn:
            _run(conn)
        engine.dispose()
    else:
        _run(connection)


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,  # SQLite alters tables by copy
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("The desk database is migrated online only")
run_migrations_online()
