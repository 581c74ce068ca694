"""quotes, approvals, proposals, the desk's catalogue and quote numbering

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 12:00:00.000000

New tables only: ``quote`` (one row per version; lines and milestones as
JSON text, the printed totals as integer fen), ``quote_approval`` (discount
approval requests and decisions), ``proposal`` (a customer's or a deal's
proposal: sections and benefit figures as JSON text), ``catalogue_doc``
(the desk's edited or imported catalogue, local) and ``quote_sequence``
(the last quote number given out per day, local).  Every customer, deal,
stage change, worksheet and pending outbox op stays as it is (the outbox's
payload format does not change; quotes, approvals and proposals write ops of
payload version 1 like every other entity).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
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
        "quote",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("deal_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.String(length=200), server_default="", nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("price_mode", sa.String(length=16), nullable=False),
        sa.Column("currency", sa.String(length=3), server_default="CNY", nullable=False),
        sa.Column("quote_date", sa.String(length=10), nullable=False),
        sa.Column("valid_until", sa.String(length=10), nullable=True),
        sa.Column("lines", sa.Text(), server_default="[]", nullable=False),
        sa.Column("milestones", sa.Text(), server_default="[]", nullable=False),
        sa.Column("delivery_terms", sa.Text(), server_default="", nullable=False),
        sa.Column("notes", sa.Text(), server_default="", nullable=False),
        sa.Column("language", sa.String(length=8), server_default="zh_CN", nullable=False),
        sa.Column("author", sa.String(length=64), server_default="", nullable=False),
        sa.Column("discount_limit", sa.String(length=16), server_default="10", nullable=False),
        sa.Column("sent_at", sa.String(length=40), nullable=True),
        sa.Column("net_fen", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("vat_fen", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("total_fen", sa.Integer(), server_default=sa.text("0"), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_quote_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(["deal_id"], ["deal.id"], name=op.f("fk_quote_deal_id_deal")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quote")),
        sa.UniqueConstraint("number", "version", name=op.f("uq_quote_number_version")),
    )
    with op.batch_alter_table("quote", schema=None) as batch_op:
        batch_op.create_index("ix_quote_customer", ["customer_id", "deleted"], unique=False)
        batch_op.create_index("ix_quote_deal", ["deal_id", "deleted"], unique=False)
        batch_op.create_index("ix_quote_status", ["status", "quote_date"], unique=False)

    op.create_table(
        "quote_approval",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("quote_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("by", sa.String(length=64), server_default="", nullable=False),
        sa.Column("max_discount", sa.String(length=16), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=True),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["quote_id"], ["quote.id"], name=op.f("fk_quote_approval_quote_id_quote")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quote_approval")),
    )
    with op.batch_alter_table("quote_approval", schema=None) as batch_op:
        batch_op.create_index("ix_quote_approval_quote", ["quote_id", "at"], unique=False)

    op.create_table(
        "proposal",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("deal_id", sa.String(length=36), nullable=True),
        sa.Column("quote_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.String(length=200), server_default="", nullable=False),
        sa.Column("language", sa.String(length=8), server_default="zh_CN", nullable=False),
        sa.Column("dated", sa.String(length=10), nullable=False),
        sa.Column("author", sa.String(length=64), server_default="", nullable=False),
        sa.Column("sections", sa.Text(), server_default="{}", nullable=False),
        sa.Column("benefit", sa.Text(), server_default="{}", nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_proposal_customer_id_customer")
        ),
        sa.ForeignKeyConstraint(["deal_id"], ["deal.id"], name=op.f("fk_proposal_deal_id_deal")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposal")),
    )
    with op.batch_alter_table("proposal", schema=None) as batch_op:
        batch_op.create_index("ix_proposal_customer", ["customer_id"], unique=False)
        batch_op.create_index("ix_proposal_deal", ["deal_id"], unique=False)

    op.create_table(
        "catalogue_doc",
        sa.Column("key", sa.String(length=16), nullable=False),
        sa.Column("version", sa.String(length=100), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_catalogue_doc")),
    )
    op.create_table(
        "quote_sequence",
        sa.Column("day", sa.String(length=8), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_quote_sequence")),
    )


def downgrade() -> None:
    op.drop_table("quote_sequence")
    op.drop_table("catalogue_doc")
    with op.batch_alter_table("proposal", schema=None) as batch_op:
        batch_op.drop_index("ix_proposal_deal")
        batch_op.drop_index("ix_proposal_customer")
    op.drop_table("proposal")
    with op.batch_alter_table("quote_approval", schema=None) as batch_op:
        batch_op.drop_index("ix_quote_approval_quote")
    op.drop_table("quote_approval")
    with op.batch_alter_table("quote", schema=None) as batch_op:
        batch_op.drop_index("ix_quote_status")
        batch_op.drop_index("ix_quote_deal")
        batch_op.drop_index("ix_quote_customer")
    op.drop_table("quote")
