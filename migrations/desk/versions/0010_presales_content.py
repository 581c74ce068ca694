"""presales content: the desk's own edits of the knowledge base and the
survey questionnaires

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 18:00:00.000000

One desk-local table (docs/presales.md, "Knowledge base"): ``presales_content``
holds an entry edited or added on this desk (``kind`` module / industry /
competitor / questionnaire, its ``code``, its plain data as JSON text) or a
shipped entry the company removed (``removed``).  Never synced: company
content travels as files.  Only a new table: every row and pending outbox op
stays as it is.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "presales_content",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("data", sa.Text(), server_default="{}", nullable=False),
        sa.Column("removed", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.Column("updated_by", sa.String(length=64), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("kind", "code", name=op.f("pk_presales_content")),
    )


def downgrade() -> None:
    op.drop_table("presales_content")
