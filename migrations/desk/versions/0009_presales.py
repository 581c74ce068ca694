"""presales: support requests, engagements and their tasks

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-12 10:00:00.000000

Three synced tables (docs/presales.md): ``support_request`` (a rep's
request for presales help), ``presales_engagement`` (the consultant's work
on an assigned request, through the eight presales steps) and
``presales_task`` (its demos and surveys).  Lists and mappings are JSON
text, dates ISO text, times UTC ISO text; ``deal_id`` is empty (NULL) for a
customer without a deal.  Indexes: the consultant's open work by date, a
deal's requests, an engagement's tasks.  Only new tables and indexes: every
row and pending outbox op stays as it is (the payload format is unchanged).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
    ]


def _json(name: str, empty: str = "[]") -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Text(), server_default=empty, nullable=False)


def _text(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Text(), server_default="", nullable=False)


def upgrade() -> None:
    op.create_table(
        "support_request",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("deal_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("wanted_from", sa.String(length=10), nullable=True),
        sa.Column("wanted_until", sa.String(length=10), nullable=True),
        _json("modules"),
        _json("attendees"),
        _text("customer_cares"),
        _text("notes"),
        sa.Column("state", sa.String(length=16), server_default="draft", nullable=False),
        _text("decline_reason"),
        sa.Column("consultant", sa.String(length=64), server_default="", nullable=False),
        sa.Column("requested_by", sa.String(length=64), server_default="", nullable=False),
        sa.Column("team", sa.String(length=64), server_default="", nullable=False),
        sa.Column("submitted_at", sa.String(length=40), nullable=True),
        sa.Column("decided_at", sa.String(length=40), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_support_request_customer_id_customer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_request")),
    )
    with op.batch_alter_table("support_request", schema=None) as batch_op:
        batch_op.create_index(
            "ix_support_request_deal", ["deal_id", "deleted", "created_at"], unique=False
        )
        batch_op.create_index(
            "ix_support_request_customer", ["customer_id", "deleted"], unique=False
        )
        batch_op.create_index(
            "ix_support_request_state", ["state", "consultant", "wanted_from"], unique=False
        )

    op.create_table(
        "presales_engagement",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("request_id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("deal_id", sa.String(length=36), nullable=True),
        sa.Column("consultant", sa.String(length=64), server_default="", nullable=False),
        sa.Column("step", sa.Integer(), server_default=sa.text("1"), nullable=False),
        _json("checklist", "{}"),
        _json("history"),
        sa.Column("technical_win", sa.String(length=8), server_default="open", nullable=False),
        sa.Column("opened_at", sa.String(length=40), nullable=True),
        sa.Column("closed_at", sa.String(length=40), nullable=True),
        _text("notes"),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["support_request.id"],
            name=op.f("fk_presales_engagement_request_id_support_request"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_presales_engagement_customer_id_customer"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_presales_engagement")),
    )
    with op.batch_alter_table("presales_engagement", schema=None) as batch_op:
        batch_op.create_index("ix_presales_engagement_request", ["request_id"], unique=False)
        batch_op.create_index(
            "ix_presales_engagement_consultant",
            ["consultant", "deleted", "closed_at", "opened_at"],
            unique=False,
        )

    op.create_table(
        "presales_task",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("engagement_id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("deal_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=400), server_default="", nullable=False),
        sa.Column("starts_at", sa.String(length=40), nullable=True),
        sa.Column("ends_at", sa.String(length=40), nullable=True),
        sa.Column("place", sa.String(length=400), server_default="", nullable=False),
        sa.Column("online", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        _json("our_attendees"),
        _json("customer_attendees"),
        sa.Column("state", sa.String(length=16), server_default="planned", nullable=False),
        _text("outcome"),
        _json("follow_ups"),
        _json("modules"),
        _json("scenarios"),
        _text("environment"),
        _text("data_prep"),
        _json("feedback", "{}"),
        _json("departments"),
        _json("interviews"),
        _json("answers", "{}"),
        _json("findings"),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["presales_engagement.id"],
            name=op.f("fk_presales_task_engagement_id_presales_engagement"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_presales_task_customer_id_customer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_presales_task")),
    )
    with op.batch_alter_table("presales_task", schema=None) as batch_op:
        batch_op.create_index(
            "ix_presales_task_engagement", ["engagement_id", "starts_at"], unique=False
        )
        batch_op.create_index(
            "ix_presales_task_open", ["deleted", "state", "starts_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("presales_task", schema=None) as batch_op:
        batch_op.drop_index("ix_presales_task_open")
        batch_op.drop_index("ix_presales_task_engagement")
    op.drop_table("presales_task")
    with op.batch_alter_table("presales_engagement", schema=None) as batch_op:
        batch_op.drop_index("ix_presales_engagement_consultant")
        batch_op.drop_index("ix_presales_engagement_request")
    op.drop_table("presales_engagement")
    with op.batch_alter_table("support_request", schema=None) as batch_op:
        batch_op.drop_index("ix_support_request_state")
        batch_op.drop_index("ix_support_request_customer")
        batch_op.drop_index("ix_support_request_deal")
    op.drop_table("support_request")
