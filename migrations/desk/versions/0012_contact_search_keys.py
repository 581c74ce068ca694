"""search keys with the contacts' names

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 18:30:00.000000

Search as you type finds a customer by its contacts' names (as written and
in full pinyin) since this version: every live customer's ``search_key`` is
made again from its name, short name, credit code, phones and its live
contacts' names and phones (``erpdesk.domain.search_key``).  Data only:
no table changes, ``updated_at`` untouched (nothing the user changed), no
outbox op.  About 10 s once at 100,000 customers with 300,000 contacts
(the pinyin of each contact's name).  Downgrading leaves the keys as they
are: the older version searches them just the same.
"""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa
from alembic import op

from erpdesk.domain.search_key import customer_search_key

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_BATCH = 2000


def upgrade() -> None:
    conn = op.get_bind()
    people: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for customer_id, name, mobile, office in conn.execute(
        sa.text(
            "SELECT customer_id, name, mobile, office_phone FROM contact WHERE deleted = 0"
            " ORDER BY created_at, id"
        )
    ):
        people[customer_id].append((name or "", mobile or "", office or ""))
    rows = conn.execute(
        sa.text("SELECT id, name, short_name, uscc, phone FROM customer WHERE deleted = 0")
    ).fetchall()
    update = sa.text("UPDATE customer SET search_key = :key WHERE id = :id")
    batch: list[dict[str, str]] = []
    for customer_id, name, short_name, uscc, phone in rows:
        contacts = people.get(customer_id, [])
        phones = [p for p in (phone, *(n for c in contacts for n in c[1:])) if p]
        key = customer_search_key(
            name or "", short_name or "", uscc or "", phones, [c[0] for c in contacts]
        )
        batch.append({"id": customer_id, "key": key})
        if len(batch) >= _BATCH:
            conn.execute(update, batch)
            batch = []
    if batch:
        conn.execute(update, batch)


def downgrade() -> None:
    pass  # the keys stay: an older desk searches them as before
