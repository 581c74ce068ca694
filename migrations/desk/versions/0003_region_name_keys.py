"""name keys keep the company's region

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 10:00:00.000000

The name key (``erpdesk.domain.names``) used to set a leading region aside,
so 北京银行 and 上海银行 were one company and an import "merged" them.  Now
the region is part of the key, written one way.  This recomputes
``customer.name_key`` from each name, ``BATCH`` rows per statement; nothing
else changes (the outbox holds names, never keys, so every pending op stays
as it is).  Downgrading leaves the keys as they are: the rule lives in the
code.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from erpdesk.domain.names import normalize_company_name

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    conn = op.get_bind()
    select = sa.text(
        "SELECT id, name, name_key FROM customer WHERE id > :last ORDER BY id LIMIT :n"
    )
    update = sa.text("UPDATE customer SET name_key = :key WHERE id = :id")
    last = ""
    while True:
        rows = conn.execute(select, {"last": last, "n": BATCH}).all()
        if not rows:
            break
        changed = [
            {"id": row.id, "key": key}
            for row in rows
            if (key := normalize_company_name(row.name)[:200]) != row.name_key
        ]
        if changed:
            conn.execute(update, changed)
        last = rows[-1].id


def downgrade() -> None:
    pass
