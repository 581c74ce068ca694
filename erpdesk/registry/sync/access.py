"""Who gains or loses sight of a customer when its owner changes.

A rep's pull shows the customers it owns.  When an administrator
re-allocates or releases a customer (or a rep claims it from the pool, or a
lead is signed for with a rep; never a registration, which keeps its
customer's owner), the former owner must learn once that it may no longer see it, and
the new owner must receive the customer's contacts and activities, whose
change numbers may lie behind its cursor.  Each such event is a row in
``sync_access`` stamped with a change number in the same transaction:
``revoke`` is pulled by the former owner as ``{"visible": false}``, ``grant``
makes the new owner's pull send the customer's older rows.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Connection, Table, insert

from erpdesk.registry.db.schema import sync_access


def owner_changed(
    conn: Connection, customer_id: str, before: int | None, after: int | None, now: datetime
) -> list[tuple[Table, str]]:
    """Record the access changes of *customer_id* going from owner *before* to
    *after*; the targets to pass to ``stamp_changes`` (after the customer)."""
    if before == after:
        return []
    targets: list[tuple[Table, str]] = []
    for user_id, kind in ((before, "revoke"), (after, "grant")):
        if user_id is None:
            continue
        row_id = str(uuid.uuid4())
        conn.execute(
            insert(sync_access).values(
                id=row_id,
                customer_id=customer_id,
                user_id=user_id,
                kind=kind,
                created_at=now,
            )
        )
        targets.append((sync_access, row_id))
    return targets
