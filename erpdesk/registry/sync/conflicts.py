"""The conflict records of a user: desk values that lost a three-way merge.

A push answers each conflict at once (``conflict`` with the fields); the
record stays here so that the user sees it on any of its desks until it is
dealt with: the desk either re-applies its value (an ordinary update op
against the current version) or keeps the registry's, and then marks the
record resolved.  A user sees and resolves its own records only; anyone
else's is ``not_found``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from erpdesk.registry.accounts import User
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.schema import sync_conflicts
from erpdesk.registry.errors import NotFoundError

MAX_LIMIT = 500


@dataclass(frozen=True)
class ConflictRecord:
    id: int
    entity: str
    entity_id: str
    field: str
    registry_value: Any
    desk_value: Any
    op_id: str
    created_at: datetime
    resolved_at: datetime | None


def _record(row: Any) -> ConflictRecord:
    return ConflictRecord(
        id=row.id, entity=row.entity, entity_id=row.entity_id, field=row.field,
        registry_value=row.registry_value, desk_value=row.desk_value, op_id=row.op_id,
        created_at=row.created_at, resolved_at=row.resolved_at,
    )


def list_conflicts(
    db: RegistryDatabase, user: User, *, resolved: bool = False, limit: int = MAX_LIMIT
) -> list[ConflictRecord]:
    """The user's open records (or, with *resolved*, its resolved ones), the
    newest first."""
    c = sync_conflicts.c
    query = (
        select(sync_conflicts)
        .where(c.user_id == user.id,
               c.resolved_at.is_not(None) if resolved else c.resolved_at.is_(None))
        .order_by(c.id.desc())
        .limit(limit)
    )
    with db.read() as conn:
        return [_record(row) for row in conn.execute(query)]


def resolve_conflict(
    db: RegistryDatabase, user: User, conflict_id: int, now: datetime
) -> ConflictRecord:
    """Mark the user's record *conflict_id* resolved (a resolved one stays as
    it was: resolving twice is harmless)."""
    c = sync_conflicts.c
    mine = (c.id == conflict_id) & (c.user_id == user.id)
    with db.write() as conn:
        conn.execute(update(sync_conflicts).where(mine, c.resolved_at.is_(None))
                     .values(resolved_at=now))
        row = conn.execute(select(sync_conflicts).where(mine)).first()
    if row is None:
        raise NotFoundError(what="The conflict")
    return _record(row)
