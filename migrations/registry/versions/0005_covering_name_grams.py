"""covering name grams: each prefilter row carries its key and key length

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 19:40:00.000000

The near-name prefilter (``checks.similar_holders``) used to follow every
customer sharing a rare bigram to ``customers`` to test its key; at
1,000,000 customers a common industry bigram (精密, 机械) leads to thousands
of such visits (0.5-1 s).  Now the rows carry ``name_key`` and
``key_length`` and the primary key ``(gram, key_length, name_key,
customer_id)`` covers the test.  It is the table's only index (a customer's
rows are deleted by their old key), so the index on ``customer_id`` goes.
Existing rows are filled from ``customers``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

FILL = (
    "UPDATE customer_name_grams SET"
    " name_key = (SELECT c.name_key FROM customers c WHERE c.id = customer_name_grams.customer_id),"
    " key_length = (SELECT length(c.name_key) FROM customers c"
    " WHERE c.id = customer_name_grams.customer_id)"
)
FILL_PG = (
    "UPDATE customer_name_grams g SET name_key = c.name_key, key_length = length(c.name_key)"
    " FROM customers c WHERE c.id = g.customer_id"
)


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    with op.batch_alter_table("customer_name_grams") as batch:
        batch.add_column(
            sa.Column("key_length", sa.SmallInteger(), server_default=sa.text("0"), nullable=False)
        )
        batch.add_column(
            sa.Column("name_key", sa.String(length=200), server_default="", nullable=False)
        )
    op.execute(FILL_PG if postgresql else FILL)
    with op.batch_alter_table("customer_name_grams") as batch:
        batch.drop_index("ix_customer_name_grams_customer_id")
        batch.drop_constraint("pk_customer_name_grams", type_="primary")
        batch.create_primary_key(
            "pk_customer_name_grams", ["gram", "key_length", "name_key", "customer_id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("customer_name_grams") as batch:
        batch.drop_constraint("pk_customer_name_grams", type_="primary")
        batch.create_primary_key("pk_customer_name_grams", ["gram", "customer_id"])
        batch.create_index("ix_customer_name_grams_customer_id", ["customer_id"])
        batch.drop_column("name_key")
        batch.drop_column("key_length")
