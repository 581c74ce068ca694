"""customers exempt from release to the pool

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 01:00:00.000000

Architecture, protection and the pool: "a won customer or one with an open
deal can be exempt".  ``exempt_since`` (NULL: not exempt) and
``exempt_reason`` on ``customers``; the protection sweep leaves exempt
customers alone.  Existing customers are not exempt.  Plain ALTER TABLE,
as in 0004 (SQLite's batch copy of ``customers`` fails on its foreign keys).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("customers", sa.Column("exempt_since", sa.DateTime(timezone=True), nullable=True))
    op.add_column("customers", sa.Column("exempt_reason", sa.String(500), nullable=True))


def downgrade() -> None:
    op.drop_column("customers", "exempt_reason")
    op.drop_column("customers", "exempt_since")
