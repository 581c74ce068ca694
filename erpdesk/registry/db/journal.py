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
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, insert, select, text, update

from erpdesk.registry.db.schema import audit_log, change_counter, changes
from erpdesk.registry.sync.merge import stamped

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


@dataclass(frozen=True)
class FieldStamp:
    """Fields to mark as written at the first target's change number:
    *base* (the row's field versions before) with each of *fields* set to
    ``[number, writer]`` (``sync.merge.stamped``)."""

    base: dict[str, Any]
    fields: tuple[str, ...]
    writer: str

    def at(self, number: int) -> dict[str, Any]:
        return stamped(self.base, self.fields, number, self.writer)


def stamp_changes(
    conn: Connection,
    now: datetime,
    targets: Sequence[tuple[Table, str]],
    fields: FieldStamp | None = None,
) -> list[int]:
    """Give each ``(table, id)`` the next change number; call it last.

    Sets the row's ``change_number`` (and, with *fields*, the first row's
    ``field_versions``) and records the change in ``changes``.  Returns the
    numbers, in the order of *targets*.

    On PostgreSQL this is one statement (the counter, the rows and the
    changes in data-modifying CTEs), so the counter's row lock, which every
    writer waits for, is held for that statement and the commit only.
    """
    if not targets:
        return []
    if conn.dialect.name == "postgresql":
        return _stamp_in_one_statement(conn, now, targets, fields)
    last = conn.execute(
        update(change_counter)
        .where(change_counter.c.name == COUNTER)
        .values(value=change_counter.c.value + len(targets))
        .returning(change_counter.c.value)
    ).scalar_one()
    first = int(last) - len(targets) + 1
    numbers = list(range(first, int(last) + 1))
    for i, (number, (table, row_id)) in enumerate(zip(numbers, targets, strict=True)):
        extra = {"field_versions": fields.at(number)} if fields is not None and i == 0 else {}
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


def _stamp_in_one_statement(
    conn: Connection, now: datetime, targets: Sequence[tuple[Table, str]],
    fields: FieldStamp | None,
) -> list[int]:
    n = len(targets)
    params: dict[str, Any] = {"n": n, "counter": COUNTER, "at": now}
    ctes = [
        "c AS (UPDATE change_counter SET value = value + :n WHERE name = :counter"
        " RETURNING value)"
    ]
    rows = []
    for i, (table, row_id) in enumerate(targets):
        back = n - 1 - i  # the i-th target's number is the new value less this
        number = f"((SELECT value FROM c) - {back})"
        params[f"id{i}"] = str(row_id)
        params[f"e{i}"] = table.name
        extra = ""
        if fields is not None and i == 0:
            params.update(base=json.dumps(fields.base), fields=list(fields.fields),
                          writer=fields.writer)
            extra = (
                ", field_versions = (CAST(:base AS jsonb) || (SELECT jsonb_object_agg("
                f"f, jsonb_build_array({number}, CAST(:writer AS text)))"
                " FROM unnest(CAST(:fields AS text[])) AS f))::json"
            )
        ctes.append(
            f"u{i} AS (UPDATE {table.name} SET change_number = {number}{extra}"
            f" WHERE id = :id{i})"
        )
        rows.append(f"({back}, :e{i}, :id{i})")
    sql = (
        f"WITH {', '.join(ctes)} INSERT INTO changes (number, entity, entity_id, at)"
        f" SELECT (SELECT value FROM c) - v.back, v.entity, v.entity_id, :at"
        f" FROM (VALUES {', '.join(rows)}) AS v(back, entity, entity_id) RETURNING number"
    )
    numbers = sorted(int(x) for x in conn.execute(text(sql), params).scalars())
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
        if self.conn.dialect.name == "postgresql":  # one statement, not one per row
            self.conn.execute(_INSERT_CHANGES_PG, {
                "number": [c["number"] for c in self._changes],
                "entity": [c["entity"] for c in self._changes],
                "entity_id": [c["entity_id"] for c in self._changes],
                "at": self.now,
            })
        else:
            self.conn.execute(insert(changes), self._changes)
        self._changes = []


_INSERT_CHANGES_PG = text(
    "INSERT INTO changes (number, entity, entity_id, at)"
    " SELECT n, e, i, :at FROM unnest(CAST(:number AS bigint[]), CAST(:entity AS text[]),"
    " CAST(:entity_id AS text[])) AS v(n, e, i)"
)


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
