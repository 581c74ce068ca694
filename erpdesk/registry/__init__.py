"""The central customer registry: who may work which customer.

A FastAPI service over SQLAlchemy (PostgreSQL in production, SQLite for one
machine) that reuses the rules in ``erpdesk.domain``.  Layers, top down:

- ``api``: HTTP (FastAPI routes, pydantic schemas, error rendering);
- the services (``accounts``, ``checks``, ``registrations``, ``admin``): one
  function per thing a user does, each owning its transaction;
- ``db``: tables, engine, migrations, the change cursor and the audit log.

Nothing here runs at import time: ``api.app.create_app(config)`` builds the
engine and the application (docs/registry.md).
"""
