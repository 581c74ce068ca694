"""gram statistics: PostgreSQL keeps 1,000 most common name bigrams

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 18:10:00.000000

The near-name check (``checks.similar_holders``) queries the rarest bigrams
of a name key, judged by ``pg_stats.most_common_vals`` of
``customer_name_grams.gram``; the default 100 leaves fairly common bigrams
out of the list (they would count as rare).  Nothing to do on SQLite.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE customer_name_grams ALTER COLUMN gram SET STATISTICS 1000")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE customer_name_grams ALTER COLUMN gram SET STATISTICS -1")
