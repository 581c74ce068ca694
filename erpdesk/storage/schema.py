"""The desk database's tables.

Declared with SQLAlchemy Core ``Table`` objects: Alembic compares against this
metadata, repositories write with Core statements and translate rows into
domain objects, so no live ORM instance ever leaves storage.

Times are ISO-8601 text in UTC (``2026-11-29T16:25:30.123456+00:00``): they
sort as text and read back the same through sqlite3 and SQLAlchemy.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _sync_columns() -> list[Column[Any]]:
    """Bookkeeping every syncable row has (architecture: the local database)."""
    return [
        Column("created_at", String(40), nullable=False),
        Column("updated_at", String(40), nullable=False),
        Column("server_version", Integer, nullable=True),
        Column("deleted", Boolean, nullable=False, server_default=text("0")),
    ]


customer = Table(
    "customer",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("short_name", String(50), nullable=False, server_default=""),
    Column("uscc", String(18), nullable=False, server_default=""),
    Column("industry", String(32), nullable=True),
    Column("province", String(20), nullable=False, server_default=""),
    Column("city", String(30), nullable=False, server_default=""),
    Column("address", String(300), nullable=False, server_default=""),
    Column("size_band", String(16), nullable=True),
    Column("source", String(32), nullable=False),
    Column("source_detail", String(200), nullable=False, server_default=""),
    Column("phone", String(40), nullable=False, server_default=""),
    Column("website", String(200), nullable=False, server_default=""),
    Column("need", Text, nullable=False, server_default=""),
    Column("notes", Text, nullable=False, server_default=""),
    Column("owner", String(64), nullable=False, server_default=""),
    Column("status", String(16), nullable=False),
    Column("registration", String(16), nullable=False, server_default="unregistered"),
    # Derived, for duplicate checks, search-as-you-type and pinyin sorting.
    Column("name_key", String(200), nullable=False),
    Column("search_key", Text, nullable=False),
    Column("sort_key", String(400), nullable=False),
    *_sync_columns(),
)
Index("ix_customer_name_key", customer.c.name_key)
Index("ix_customer_uscc", customer.c.uscc)
Index("ix_customer_sort", customer.c.deleted, customer.c.sort_key)
Index("ix_customer_updated", customer.c.updated_at)
Index("ix_customer_source", customer.c.source, customer.c.sort_key)
Index("ix_customer_status", customer.c.status, customer.c.sort_key)
Index("ix_customer_province", customer.c.province, customer.c.sort_key)
Index("ix_customer_industry", customer.c.industry, customer.c.sort_key)

contact = Table(
    "contact",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("customer_id", String(36), ForeignKey("customer.id"), nullable=False),
    Column("name", String(50), nullable=False),
    Column("title", String(50), nullable=False, server_default=""),
    Column("department", String(50), nullable=False, server_default=""),
    Column("level", String(16), nullable=True),
    Column("mobile", String(30), nullable=False, server_default=""),
    Column("office_phone", String(40), nullable=False, server_default=""),
    Column("email", String(100), nullable=False, server_default=""),
    Column("wechat", String(50), nullable=False, server_default=""),
    *_sync_columns(),
)
Index("ix_contact_customer", contact.c.customer_id)

activity = Table(
    "activity",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("customer_id", String(36), ForeignKey("customer.id"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("occurred_at", String(40), nullable=False),
    Column("contact_id", String(36), ForeignKey("contact.id"), nullable=True),
    Column("summary", Text, nullable=False),
    Column("outcome", Text, nullable=False, server_default=""),
    Column("next_step", Text, nullable=False, server_default=""),
    *_sync_columns(),
)
Index("ix_activity_customer", activity.c.customer_id, activity.c.occurred_at)

# The sync outbox (architecture: "Every local change writes, in the same
# transaction, a row to an outbox").  ``seq`` is the per-device order.
outbox = Table(
    "outbox",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("op_id", String(36), nullable=False, unique=True),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("op", String(16), nullable=False),
    Column("base_version", Integer, nullable=True),
    Column("fields", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("payload_version", Integer, nullable=False),
)
Index("ix_outbox_entity", outbox.c.entity, outbox.c.entity_id)

# Small key/value facts about this database: its device id, sync cursor, ...
meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# Conflict records of the three-way merge: a field both sides changed keeps
# the registry's value, and the desk's value waits here for the user.
conflict = Table(
    "conflict",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("field", String(64), nullable=False),
    Column("local_value", Text, nullable=True),
    Column("remote_value", Text, nullable=True),
    Column("created_at", String(40), nullable=False),
    Column("resolved_at", String(40), nullable=True),
)
Index("ix_conflict_entity", conflict.c.entity, conflict.c.entity_id)
