"""deals, stage history, worksheets

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 10:30:00.000000

The funnel's tables: ``deal`` (money as integer fen, lists and mappings as
JSON text), ``stage_change`` (a deal's append-only stage history) and
``worksheet`` (filled-in analysis worksheets of a customer or a deal), and
three indexes for the board (``ix_customer_card``, ``ix_activity_last``)
and the funnel.  Only new tables and indexes: every customer, contact,
activity and pending outbox op stays as it is (the outbox's payload format
does not change).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "deal",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("stage", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("amount_fen", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("close_date", sa.String(length=10), nullable=True),
        sa.Column("probability", sa.Integer(), nullable=False),
        sa.Column("probability_reason", sa.Text(), server_default="", nullable=False),
        sa.Column("modules", sa.Text(), server_default="[]", nullable=False),
        sa.Column("owner", sa.String(length=64), server_default="", nullable=False),
        sa.Column("team", sa.Text(), server_default="[]", nullable=False),
        sa.Column("competitors", sa.Text(), server_default="[]", nullable=False),
        sa.Column("next_step", sa.Text(), server_default="", nullable=False),
        sa.Column("next_step_date", sa.String(length=10), nullable=True),
        sa.Column("source", sa.String(length=32), nullable=True),
        sa.Column("lost_reason", sa.Text(), server_default="", nullable=False),
        sa.Column("winning_competitor", sa.String(length=200), server_default="", nullable=False),
        sa.Column("playbook", sa.String(length=100), server_default="", nullable=False),
        sa.Column("checklist", sa.Text(), server_default="{}", nullable=False),
        sa.Column("stage_entered_at", sa.String(length=40), nullable=False),
        sa.Column("closed_at", sa.String(length=40), nullable=True),
        sa.Column("notes", sa.Text(), server_default="", nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_deal_customer_id_customer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal")),
    )
    with op.batch_alter_table("deal", schema=None) as batch_op:
        batch_op.create_index("ix_deal_board", ["status", "deleted", "stage"], unique=False)
        batch_op.create_index("ix_deal_owner", ["owner", "status", "stage"], unique=False)
        batch_op.create_index("ix_deal_close_date", ["status", "close_date"], unique=False)
        batch_op.create_index("ix_deal_closed_at", ["status", "closed_at"], unique=False)
        batch_op.create_index("ix_deal_customer", ["customer_id", "status"], unique=False)
        batch_op.create_index(
            "ix_deal_funnel",
            ["deleted", "status", "stage", "owner", "amount_fen", "probability"],
            unique=False,
        )
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.create_index("ix_customer_card", ["id", "name", "industry"], unique=False)
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.create_index(
            "ix_activity_last", ["customer_id", "deleted", "occurred_at"], unique=False
        )

    op.create_table(
        "stage_change",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("deal_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("from_stage", sa.Integer(), nullable=True),
        sa.Column("to_stage", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.String(length=40), nullable=False),
        sa.Column("changed_by", sa.String(length=64), server_default="", nullable=False),
        sa.Column("reason", sa.Text(), server_default="", nullable=False),
        sa.Column("overridden", sa.Text(), server_default="[]", nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deal.id"], name=op.f("fk_stage_change_deal_id_deal")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stage_change")),
    )
    with op.batch_alter_table("stage_change", schema=None) as batch_op:
        batch_op.create_index("ix_stage_change_deal", ["deal_id", "changed_at"], unique=False)

    op.create_table(
        "worksheet",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("template", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=True),
        sa.Column("deal_id", sa.String(length=36), nullable=True),
        sa.Column("dated", sa.String(length=10), nullable=False),
        sa.Column("data", sa.Text(), server_default="{}", nullable=False),
        sa.Column("author", sa.String(length=64), server_default="", nullable=False),
        sa.Column("score_percent", sa.Integer(), nullable=True),
        sa.Column("low_verdict", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_worksheet_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(["deal_id"], ["deal.id"], name=op.f("fk_worksheet_deal_id_deal")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_worksheet")),
    )
    with op.batch_alter_table("worksheet", schema=None) as batch_op:
        batch_op.create_index(
            "ix_worksheet_customer",
            ["customer_id", "deleted", "deal_id", "template", "score_percent", "low_verdict"],
            unique=False,
        )
        batch_op.create_index("ix_worksheet_deal", ["deal_id", "template"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("worksheet", schema=None) as batch_op:
        batch_op.drop_index("ix_worksheet_deal")
        batch_op.drop_index("ix_worksheet_customer")
    op.drop_table("worksheet")
    with op.batch_alter_table("stage_change", schema=None) as batch_op:
        batch_op.drop_index("ix_stage_change_deal")
    op.drop_table("stage_change")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_index("ix_activity_last")
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_index("ix_customer_card")
    with op.batch_alter_table("deal", schema=None) as batch_op:
        batch_op.drop_index("ix_deal_funnel")
        batch_op.drop_index("ix_deal_customer")
        batch_op.drop_index("ix_deal_closed_at")
        batch_op.drop_index("ix_deal_close_date")
        batch_op.drop_index("ix_deal_owner")
        batch_op.drop_index("ix_deal_board")
    op.drop_table("deal")
