"""name grams without a foreign key to customers

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 22:00:00.000000

``customer_name_grams`` is an index of ``customers`` kept by the code that
writes a customer's name (``checks.index_name``, ``sync.apply.write_grams``);
nothing reads a gram row without joining its customer.  The foreign key
cost a lookup in ``customers`` for every gram row written (~10 per
customer), and it stopped a sync push from writing the gram rows of its new
customers before the customers themselves, which a push now writes last,
under the change counter's lock (``journal.ChangeNumbers``).  Customers
are never deleted, only tombstoned, so no gram row can outlive its customer.
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

FK = "fk_customer_name_grams_customer_id_customers"


def upgrade() -> None:
    with op.batch_alter_table("customer_name_grams") as batch:
        batch.drop_constraint(FK, type_="foreignkey")


def downgrade() -> None:
    with op.batch_alter_table("customer_name_grams") as batch:
        batch.create_foreign_key(FK, "customers", ["customer_id"], ["id"])
