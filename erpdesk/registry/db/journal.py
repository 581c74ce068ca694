"""The change cursor and the audit log: what every registry write leaves behind.

Change numbers.  Pull (a later part of the sync protocol) pages through
``changes`` by number, so a number must never become visible *after* a
higher one, or a desk whose cursor passed it would miss that change.  A
PostgreSQL SEQUENCE does not give that: two transactions take 5 and 6,
6 commits first, a pull reads up to 6, then 5 commits behind the cursor.
So numbers come from one counter row, incremented with ``UPDATE ...
RETURNING`` as the *last* statement of a write transaction: the row lock is
held until commit, so transactions take numbers in commit order and the
committed numbers are always a gap-free prefix, across any number of
workers.  The lock is held only for the commit itself.  On SQLite writers
are serialised anyway (``BEGIN IMMEDIATE``).

A transaction that writes many rows one after another (a sync push batch)
uses ``ChangeNumbers`` instead: it locks the counter row once, at its first
number, hands out consecutive numbers in order from memory and writes the
counter and the ``changes`` rows at the end; the lock is held until that
transaction commits, so the same rule holds.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, insert, select, update

from erpdesk.registry.db.schema import audit_log, change_counter, changes

COUNTER = "change"


@dataclass(frozen=True)
class Actor:
    """Who does something: a signed-in user, or the command line."""

    id: int | None
    name: str

    @classmethod
    def command_line(cls) -> Actor:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no user name in a bare container
            user = "unknown"
        return cls(None, f"cli:{user}")


def stamp_changes(
    conn: Connection,
    now: datetime,
    targets: Sequence[tuple[Table, str]],
    also: Callable[[int], dict[str, Any]] | None = None,
) -> list[int]:
    """Give each ``(table, id)`` the next change number; call it last.

    Sets the row's ``change_number`` and records the change in ``changes``.
    *also*, given the first target's number, returns more columns to set on
    that row in the same statement (the field versions of a registration).
    Returns the numbers, in the order of *targets*.
    """
    if not targets:
        return []
    last = conn.execute(
        update(change_counter)
        .where(change_counter.c.name == COUNTER)
        .values(value=change_counter.c.value + len(targets))
        .returning(change_counter.c.value)
    ).scalar_one()
    first = int(last) - len(targets) + 1
    numbers = list(range(first, int(last) + 1))
    for i, (number, (table, row_id)) in enumerate(zip(numbers, targets, strict=True)):
        extra = also(number) if also is not None and i == 0 else {}
        conn.execute(
            update(table).where(table.c.id == row_id).values(change_number=number, **extra)
        )
    conn.execute(
        insert(changes),
        [
            {"number": n, "entity": table.name, "entity_id": str(row_id), "at": now}
            for n, (table, row_id) in zip(numbers, targets, strict=True)
        ],
    )
    return numbers


class ChangeNumbers:
    """Change numbers for one transaction that stamps many rows in order.

    ``take`` locks the counter row at the first call (held until commit) and
    hands out the following numbers; the caller writes the number into its
    row.  ``mark``/``reset`` forget the numbers taken since a savepoint that
    was rolled back, so no number is lost.  ``finish`` (before commit) stores
    the counter and the ``changes`` rows.
    """

    def __init__(self, conn: Connection, now: datetime) -> None:
        self.conn = conn
        self.now = now
        self._first: int | None = None  # the first number of this transaction
        self._next: int | None = None
        self._changes: list[dict[str, Any]] = []

    def take(self, table: Table, row_id: str) -> int:
        if self._next is None:
            value = self.conn.execute(
                select(change_counter.c.value)
                .where(change_counter.c.name == COUNTER)
                .with_for_update()
            ).scalar_one()
            self._first = self._next = int(value) + 1
        number = self._next
        self._next += 1
        self._changes.append(
            {"number": number, "entity": table.name, "entity_id": str(row_id), "at": self.now}
        )
        return number

    def mark(self) -> tuple[int | None, int]:
        return self._next, len(self._changes)

    def reset(self, mark: tuple[int | None, int]) -> None:
        number, taken = mark
        self._next = self._first if number is None else number
        del self._changes[taken:]

    def finish(self) -> None:
        if not self._changes:
            return
        assert self._next is not None
        self.conn.execute(
            update(change_counter)
            .where(change_counter.c.name == COUNTER)
            .values(value=self._next - 1)
        )
        self.conn.execute(insert(changes), self._changes)
        self._changes = []


def audit(
    conn: Connection,
    now: datetime,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: str | int,
    *,
    reason: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Record a registry-owned change: who, what, when, why, before and after."""
    conn.execute(
        insert(audit_log).values(
            at=now,
            actor_id=actor.id,
            actor=actor.name,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            reason=reason,
            before=_jsonable(before),
            after=_jsonable(after),
        )
    )


def _jsonable(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in value.items()}
