"""registration from the field: pending requests and the protection dates

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-10 12:00:00.000000

Adds ``registration_request`` (a registration the rep asked for, waiting
until a sync sends it, then the registry's answer and decision) and two
registry-owned columns of ``customer`` kept from a pull: ``protected_until``
and ``release_due_at`` (NULL until the next pull brings them).  Every
existing row and pending outbox op stays as it is.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("protected_until", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("release_due_at", sa.String(length=40), nullable=True))
    op.create_table(
        "registration_request",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("requested_at", sa.String(length=40), nullable=False),
        sa.Column("sent_at", sa.String(length=40), nullable=True),
        sa.Column("result", sa.String(length=16), server_default="", nullable=False),
        sa.Column("reasons", sa.Text(), server_default="", nullable=False),
        sa.Column("decided_at", sa.String(length=40), nullable=True),
        sa.Column("notified", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"],
            name=op.f("fk_registration_request_customer_id_customer"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registration_request")),
    )
    with op.batch_alter_table("registration_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_registration_request_customer"), ["customer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_registration_request_state"), ["state"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("registration_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_registration_request_state"))
        batch_op.drop_index(batch_op.f("ix_registration_request_customer"))
    op.drop_table("registration_request")
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_column("release_due_at")
        batch_op.drop_column("protected_until")
