"""name keys keep the company's region

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 10:00:00.000000

The name key (``erpdesk.domain.names``) used to set a leading region
aside, so 北京银行 and 上海银行 were one company (key 银行) and the second
could not be registered.  Now the region is part of the key, written one
way (北京市 and 北京, leading or in brackets, a province before its own
city).  This recomputes ``customers.name_key`` and ``leads.name_key`` from
the names and rebuilds ``customer_name_grams`` from the new keys, in
batches of ``BATCH`` rows per statement (the registry holds up to 1,000,000
customers).

Two active (pending or protected) customers may now share a key that the
old rule told apart (昆山市X and X（昆山）, a county-level city the old rule
did not know): the one protected first keeps the key and each other one gets
``<key>#<its id>``, which no name gives, so the unique index holds and the
duplicate stays visible.  Each is logged as a warning; docs/registry.md
says how to find and settle them.

Downgrading leaves the keys as they are: the rule lives in the code.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from erpdesk.domain.names import normalize_company_name

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

BATCH = 5000
ACTIVE = "status IN ('pending', 'protected')"
# Longest key kept in front of "#<id>" (name_key is 200 characters).
_CLASH_KEY = 200 - 1 - 36

log = logging.getLogger("erpdesk.registry.migrations")


def _pages(conn: sa.Connection, query: str) -> Iterator[Sequence[Any]]:
    """Rows of *query* (ordered by ``id``, ``:last`` and ``:n`` bound) in pages."""
    last = ""
    while True:
        rows = conn.execute(sa.text(query), {"last": last, "n": BATCH}).all()
        if not rows:
            return
        yield rows
        last = rows[-1].id


def _update_keys(conn: sa.Connection, table: str, rows: list[dict[str, str]]) -> None:
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        conn.execute(
            sa.text(
                f"UPDATE {table} t SET name_key = v.k FROM json_to_recordset(CAST(:rows AS json))"
                " AS v(id text, k text) WHERE t.id = v.id"
            ),
            {"rows": json.dumps(rows, ensure_ascii=False)},
        )
    else:
        conn.execute(sa.text(f"UPDATE {table} SET name_key = :k WHERE id = :id"), rows)


def _rekey(conn: sa.Connection, table: str, name: str) -> int:
    """Recompute the name keys of *table* from its column *name*; how many changed."""
    changed = 0
    query = (
        f"SELECT id, {name} AS name, name_key FROM {table} WHERE id > :last ORDER BY id LIMIT :n"
    )
    for rows in _pages(conn, query):
        updates = []
        for row in rows:
            key = normalize_company_name(row.name)[:200]
            if key != row.name_key:
                updates.append({"id": row.id, "k": key})
        _update_keys(conn, table, updates)
        changed += len(updates)
    return changed


def _part_clashes(conn: sa.Connection) -> int:
    """Give every active customer but the first one its own key where
    several share one (see the module docstring)."""
    keys = conn.execute(
        sa.text(
            f"SELECT name_key FROM customers WHERE {ACTIVE} GROUP BY name_key HAVING COUNT(*) > 1"
        )
    ).scalars()
    parted = 0
    for key in list(keys):
        rows = conn.execute(
            sa.text(
                f"SELECT id, name, status FROM customers WHERE {ACTIVE} AND name_key = :k"
                " ORDER BY CASE status WHEN 'protected' THEN 0 ELSE 1 END,"
                " protected_since, created_at, id"
            ),
            {"k": key},
        ).all()
        kept = rows[0]
        for row in rows[1:]:
            own = f"{key[:_CLASH_KEY]}#{row.id}"
            conn.execute(
                sa.text("UPDATE customers SET name_key = :k WHERE id = :id"),
                {"k": own, "id": row.id},
            )
            parted += 1
            log.warning(
                "customers %s (%s, %s) and %s (%s, %s) are now one company (name key %s);"
                " %s keeps its key, %s has %s until an administrator settles them",
                kept.id,
                kept.name,
                kept.status,
                row.id,
                row.name,
                row.status,
                key,
                kept.id,
                row.id,
                own,
            )
    return parted


def _gram_rows(rows: Sequence[Any]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        key = row.name_key
        for gram in sorted({key[i : i + 2] for i in range(len(key) - 1)}):
            out.append({"g": gram, "l": len(key), "k": key, "c": row.id})
    return out


def _rebuild_grams(conn: sa.Connection) -> None:
    """``customer_name_grams`` anew from every customer's key."""
    postgresql = conn.dialect.name == "postgresql"
    if postgresql:
        # Faster to fill without the primary key and build it once after.
        conn.execute(sa.text("TRUNCATE customer_name_grams"))
        op.drop_constraint("pk_customer_name_grams", "customer_name_grams", type_="primary")
    else:
        conn.execute(sa.text("DELETE FROM customer_name_grams"))
    insert_pg = sa.text(
        "INSERT INTO customer_name_grams (gram, key_length, name_key, customer_id)"
        " SELECT g, l, k, c FROM json_to_recordset(CAST(:rows AS json))"
        " AS v(g text, l smallint, k text, c text)"
    )
    insert = sa.text(
        "INSERT INTO customer_name_grams (gram, key_length, name_key, customer_id)"
        " VALUES (:g, :l, :k, :c)"
    )
    query = "SELECT id, name_key FROM customers WHERE id > :last ORDER BY id LIMIT :n"
    for rows in _pages(conn, query):
        grams = _gram_rows(rows)
        if not grams:
            continue
        if postgresql:
            conn.execute(insert_pg, {"rows": json.dumps(grams, ensure_ascii=False)})
        else:
            conn.execute(insert, grams)
    if postgresql:
        op.create_primary_key(
            "pk_customer_name_grams",
            "customer_name_grams",
            ["gram", "key_length", "name_key", "customer_id"],
        )


def upgrade() -> None:
    conn = op.get_bind()
    # Keys change one by one: the unique index would refuse a key another
    # customer still holds until its own turn.  Both indexes are built again.
    op.drop_index(
        "uq_customers_active_name_key",
        table_name="customers",
        postgresql_where=sa.text(ACTIVE),
        sqlite_where=sa.text(ACTIVE),
    )
    op.drop_index("ix_customers_name_key", table_name="customers")
    changed = _rekey(conn, "customers", "name")
    leads = _rekey(conn, "leads", "company_name")
    parted = _part_clashes(conn)
    op.create_index("ix_customers_name_key", "customers", ["name_key"], unique=False)
    op.create_index(
        "uq_customers_active_name_key",
        "customers",
        ["name_key"],
        unique=True,
        postgresql_where=sa.text(ACTIVE),
        sqlite_where=sa.text(ACTIVE),
    )
    _rebuild_grams(conn)
    log.info(
        "name keys: %d customers and %d leads rekeyed, %d clashing customers parted",
        changed,
        leads,
        parted,
    )


def downgrade() -> None:
    pass
