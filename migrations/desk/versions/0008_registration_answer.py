"""registration requests keep the registry's refusal code and near matches

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-10 15:00:00.000000

Two columns of ``registration_request``: ``code``, the registry's error
code of a refused request (``protected_by_other``, ``pending``, ...; empty
otherwise), and ``near_matches``, the possible duplicates the registry
found when the request came (a JSON list; empty: none).  Existing requests
get empty values; every other row and pending outbox op stays as it is.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("registration_request", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("code", sa.String(length=40), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("near_matches", sa.Text(), server_default="", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("registration_request", schema=None) as batch_op:
        batch_op.drop_column("near_matches")
        batch_op.drop_column("code")
