"""presales: the team's presales lead, support requests and who they concern

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-14 09:00:00.000000

Support requests, presales engagements and their tasks are synced records
(``synced_records``) that belong to a request: ``request_id`` names it (a
request's own is itself) and ``engagement_id`` a task's engagement.  Who a
request concerns (its rep, the rep's team, the assigned consultant) is one
row of the new ``presales_requests``, which the pull's filter reads; a
``presales`` user may be marked its team's lead (``users.presales_lead``),
and the access log may name one request (``sync_access.request_id``).
Plain ALTER TABLE with nullable columns or a constant default: instant on
PostgreSQL, no copy of the tables on SQLite; existing rows keep their
meaning (nobody is a lead, no record belongs to a request).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "users",
        sa.Column("presales_lead", sa.Boolean(), server_default=sa.text("false"), nullable=False),
    )
    op.add_column("synced_records", sa.Column("request_id", sa.String(length=36), nullable=True))
    op.add_column(
        "synced_records", sa.Column("engagement_id", sa.String(length=36), nullable=True)
    )
    op.create_index("ix_synced_records_request_id", "synced_records", ["request_id"])
    op.add_column("sync_access", sa.Column("request_id", sa.String(length=36), nullable=True))
    op.create_table(
        "presales_requests",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("deal_id", sa.String(length=36), nullable=True),
        sa.Column("requester_id", sa.Integer(), nullable=False),
        sa.Column("team", sa.String(length=64), server_default="", nullable=False),
        sa.Column("consultant", sa.String(length=64), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_presales_requests")),
    )
    for column in ("requester_id", "team", "consultant", "customer_id"):
        op.create_index(f"ix_presales_requests_{column}", "presales_requests", [column])


def downgrade() -> None:
    # Presales rows mean nothing to the older schema: they go with the columns.
    op.execute("DELETE FROM sync_access WHERE request_id IS NOT NULL")
    op.execute("DELETE FROM synced_records WHERE request_id IS NOT NULL")
    op.drop_table("presales_requests")
    # Plain DROP COLUMN (no copy of the tables: ``users`` is referenced).
    op.drop_column("sync_access", "request_id")
    op.drop_index("ix_synced_records_request_id", table_name="synced_records")
    op.drop_column("synced_records", "engagement_id")
    op.drop_column("synced_records", "request_id")
    op.drop_column("users", "presales_lead")
