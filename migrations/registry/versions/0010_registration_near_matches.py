"""near matches of a registration: the possible duplicates it was submitted with

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-10 09:00:00.000000

At submission the near-name check runs against the customers holding a
slot; what it finds is kept with the registration (``near_matches``: a
JSON list of the similar customers, each with its id, name, score, status
and owner), so the rep's answer and the administrator's queue show the
registration as a possible duplicate without checking again.  Existing
registrations had no such check: an empty list.  Plain ALTER TABLE with a
constant default: instant on PostgreSQL, no copy of the table on SQLite.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "registrations",
        sa.Column("near_matches", sa.JSON(), server_default=sa.text("'[]'"), nullable=False),
    )


def downgrade() -> None:
    op.drop_column("registrations", "near_matches")
