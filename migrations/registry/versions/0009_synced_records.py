"""synced records: deals, stage changes, worksheets, quotes, approvals, proposals

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08 09:00:00.000000

The desk's record types that came after customers are synced into one
table, ``synced_records`` (``erpdesk.registry.sync.entities``), with the
user names of each deal's team in ``deal_members``.  Two new tables: no
existing row is touched, instant on both databases.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "synced_records",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("deal_id", sa.String(length=36), nullable=True),
        sa.Column("quote_id", sa.String(length=36), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("field_versions", sa.JSON(), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("updated_at", TIME, nullable=False),
        sa.Column("change_number", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"],
            name=op.f("fk_synced_records_customer_id_customers"),
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_synced_records_owner_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_synced_records_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_synced_records")),
    )
    op.create_index("ix_synced_records_change_number", "synced_records", ["change_number"])
    op.create_index("ix_synced_records_customer_id", "synced_records", ["customer_id"])
    op.create_index("ix_synced_records_deal_id", "synced_records", ["deal_id"])
    op.create_table(
        "deal_members",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("deal_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("username", "deal_id", name=op.f("pk_deal_members")),
    )


def downgrade() -> None:
    op.drop_table("deal_members")
    op.drop_index("ix_synced_records_deal_id", table_name="synced_records")
    op.drop_index("ix_synced_records_customer_id", table_name="synced_records")
    op.drop_index("ix_synced_records_change_number", table_name="synced_records")
    op.drop_table("synced_records")
