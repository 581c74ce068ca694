"""todos: next steps with a due time and the rep's own tasks

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 19:00:00.000000

One synced table (docs/todos.md): ``todo``, a next step promised at an
activity (``kind`` next_step, its ``activity_id``) or a task of the rep's
own (``task``), about a customer and maybe one of its deals, due at a time
(UTC ISO text), open while ``done_at`` is NULL.  ``reminded_at`` is
desk-local (when the desk last notified the user).  Indexes: open todos by
due time, a customer's, a deal's.  Only a new table: every row and pending
outbox op stays as it is (the payload format is unchanged).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "todo",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("deal_id", sa.String(length=36), nullable=True),
        sa.Column("activity_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=16), server_default="task", nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("due_at", sa.String(length=40), nullable=False),
        sa.Column("notes", sa.Text(), server_default="", nullable=False),
        sa.Column("done_at", sa.String(length=40), nullable=True),
        sa.Column("reminded_at", sa.String(length=40), nullable=True),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_todo_customer_id_customer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_todo")),
    )
    op.create_index("ix_todo_open_due", "todo", ["done_at", "due_at"])
    op.create_index("ix_todo_customer", "todo", ["customer_id"])
    op.create_index("ix_todo_deal", "todo", ["deal_id"])


def downgrade() -> None:
    op.drop_index("ix_todo_deal", table_name="todo")
    op.drop_index("ix_todo_customer", table_name="todo")
    op.drop_index("ix_todo_open_due", table_name="todo")
    op.drop_table("todo")
