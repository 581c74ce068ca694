"""the access log names deals: a user taken off (or put on) a deal's team

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-12 09:00:00.000000

``sync_access`` held one row per user gaining or losing sight of a customer
when its owner changed.  A deal's team decides who sees the deal too, so a
row may now name one deal of the customer (``deal_id``; NULL: the whole
customer, as every existing row).  Rows are pruned after
``op_retention_days`` like the op log, hence the index on ``created_at``.
Plain ALTER TABLE with a nullable column: instant on PostgreSQL, no copy of
the table on SQLite; existing rows keep their meaning.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sync_access", sa.Column("deal_id", sa.String(length=36), nullable=True))
    op.create_index("ix_sync_access_created_at", "sync_access", ["created_at"])


def downgrade() -> None:
    # Deal rows mean nothing to the older schema: they go with the column.
    op.execute("DELETE FROM sync_access WHERE deal_id IS NOT NULL")
    op.drop_index("ix_sync_access_created_at", table_name="sync_access")
    with op.batch_alter_table("sync_access") as batch:
        batch.drop_column("deal_id")
