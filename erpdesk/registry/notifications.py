"""Messages to a user (a coming release to the pool, a release, a lead's
hand-over or outcome), written in the transaction of the change they tell.

A notification is a ``kind`` with ``params``; the reader (the desk, in the
user's language) turns it into text.  ``kind`` names are stable API.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from erpdesk.registry.accounts import User
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.schema import notifications

MAX_PAGE = 200


@dataclass(frozen=True)
class Notification:
    id: int
    kind: str
    entity: str
    entity_id: str
    params: dict[str, Any]
    created_at: datetime
    read_at: datetime | None


def notify(
    conn: Connection, now: datetime, user_ids: Iterable[int], kind: str, entity: str,
    entity_id: str, params: dict[str, Any],
) -> None:
    """Tell each of *user_ids* (once each) about *kind* on ``entity/entity_id``."""
    rows = [
        {
            "user_id": user_id, "kind": kind, "entity": entity, "entity_id": str(entity_id),
            "params": _jsonable(params), "created_at": now,
        }
        for user_id in dict.fromkeys(user_ids)
    ]
    if rows:
        conn.execute(insert(notifications), rows)


def list_notifications(
    db: RegistryDatabase, user: User, *, unread_only: bool = False, after_id: int = 0,
    limit: int = 100,
) -> list[Notification]:
    """*user*'s notifications, oldest first, after ``after_id``."""
    query = select(notifications).where(
        notifications.c.user_id == user.id, notifications.c.id > after_id
    )
    if unread_only:
        query = query.where(notifications.c.read_at.is_(None))
    with db.read() as conn:
        rows = conn.execute(
            query.order_by(notifications.c.id).limit(min(max(limit, 1), MAX_PAGE))
        ).all()
    return [
        Notification(
            r.id, r.kind, r.entity, r.entity_id, dict(r.params), r.created_at, r.read_at
        )
        for r in rows
    ]


def mark_read(db: RegistryDatabase, user: User, ids: Iterable[int], now: datetime) -> int:
    """Mark *user*'s notifications *ids* read (others' are left alone); how many."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return 0
    with db.write() as conn:
        result = conn.execute(
            update(notifications)
            .where(
                notifications.c.user_id == user.id, notifications.c.id.in_(wanted),
                notifications.c.read_at.is_(None),
            )
            .values(read_at=now)
        )
    return int(result.rowcount)


def _jsonable(params: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in params.items()}
