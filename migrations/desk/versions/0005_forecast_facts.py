"""the forecast's stored facts

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 11:00:00.000000

``deal.closed_on`` (the local date a deal closed, written with
``closed_at``), the table ``deal_stage_fact`` (per deal and stage entered:
converted, ended stays, their microseconds) and two indexes, so the
forecast's won/lost per month and its conversion table are read, not
derived from 100,000 ``closed_at`` and 660,000 stage changes on every read
(docs/design.md, "The forecast").  Both are FILLED here from the existing
deals and stage history in the machine's time zone; every customer, deal,
stage change, worksheet and pending outbox op stays as it is (the facts
are local and never synced).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from erpdesk.storage.forecast_facts import refill

    with op.batch_alter_table("deal", schema=None) as batch_op:
        batch_op.add_column(sa.Column("closed_on", sa.String(length=10), nullable=True))
        batch_op.create_index(
            "ix_deal_forecast",
            [
                "deleted",
                "status",
                "stage",
                "owner",
                "amount_fen",
                "probability",
                "closed_on",
                "close_date",
            ],
            unique=False,
        )
    with op.batch_alter_table("deal", schema=None) as batch_op:
        batch_op.create_index(
            "ix_deal_open_stay",
            [
                "deleted",
                "stage_entered_at",
                "owner",
                "id",
                "customer_id",
                "name",
                "stage",
                "amount_fen",
                "close_date",
                "status",
            ],
            unique=False,
            sqlite_where=sa.text("status = 'open'"),
        )
    op.create_table(
        "deal_stage_fact",
        sa.Column("deal_id", sa.String(length=36), nullable=False),
        sa.Column("stage", sa.Integer(), nullable=False),
        sa.Column("converted", sa.Integer(), nullable=False),
        sa.Column("stays", sa.Integer(), nullable=False),
        sa.Column("spent_us", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deal.id"], name=op.f("fk_deal_stage_fact_deal_id_deal")
        ),
        sa.PrimaryKeyConstraint("deal_id", "stage", name=op.f("pk_deal_stage_fact")),
    )
    with op.batch_alter_table("deal_stage_fact", schema=None) as batch_op:
        batch_op.create_index(
            "ix_deal_stage_fact_stage",
            ["stage", "converted", "stays", "spent_us", "deal_id"],
            unique=False,
        )
    bind = op.get_bind()

    class Driver:
        def execute(self, sql: str, parameters: object = (), /) -> object:
            return bind.exec_driver_sql(sql, parameters)  # type: ignore[arg-type]

    refill(Driver())
    # Planner statistics that predate the new indexes make SQLite read every
    # closed deal through one of them (the board's closed columns: ~100 ms
    # more at 100,000 closed deals); sampled, so it stays fast.
    bind.exec_driver_sql("PRAGMA analysis_limit = 1000")
    bind.exec_driver_sql("ANALYZE")


def downgrade() -> None:
    with op.batch_alter_table("deal_stage_fact", schema=None) as batch_op:
        batch_op.drop_index("ix_deal_stage_fact_stage")
    op.drop_table("deal_stage_fact")
    with op.batch_alter_table("deal", schema=None) as batch_op:
        batch_op.drop_index("ix_deal_open_stay")
        batch_op.drop_index("ix_deal_forecast")
        batch_op.drop_column("closed_on")
