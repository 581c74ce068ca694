"""indexes for Today's registrations and visits

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 19:35:00.000000

Today lists the customers whose registration waits for the registry or
whose protection ends soon, and the visits logged today; both were table
scans (about 0.24 s and 0.07 s at 100,000 customers and 500,000
activities).  Three indexes make them look-ups: customers by
registration state and the end of their protection, and by state and the
release for want of follow-ups; activities by kind and time.  Only indexes: every row and pending
outbox op stays as it is.
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("customer") as batch_op:
        batch_op.create_index(
            "ix_customer_registration", ["registration", "protected_until"], unique=False
        )
        batch_op.create_index("ix_customer_release", ["registration", "release_due_at"], unique=False)
    with op.batch_alter_table("activity") as batch_op:
        batch_op.create_index("ix_activity_kind_time", ["kind", "occurred_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("activity") as batch_op:
        batch_op.drop_index("ix_activity_kind_time")
    with op.batch_alter_table("customer") as batch_op:
        batch_op.drop_index("ix_customer_release")
        batch_op.drop_index("ix_customer_registration")
