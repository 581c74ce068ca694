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
uses ``ChangeNumbers`` instead: it writes its rows with *open* numbers
(placeholders -1, -2, ... in order), and at its end takes its real numbers
in one statement, writes the rows it held back, puts the real numbers into
the rows it wrote and records the changes.  So it too holds the counter's
lock for its last few statements and the commit only, not while it
applies its ops.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Connection, Table, bindparam, insert, text, update
from sqlalchemy.exc import IntegrityError

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


def insert_stamped(
    conn: Connection,
    now: datetime,
    rows: Sequence[tuple[Table, dict[str, Any]]],
    fields: FieldStamp | None = None,
) -> list[int]:
    """Insert new rows (each ``(table, values)``, ``values`` with the row's
    ``id``) with their change numbers; call it last, as ``stamp_changes``.

    The same as inserting the rows and then ``stamp_changes(conn, now,
    [(table, id), ...], fields)``, but on PostgreSQL in one statement that
    writes each row once, already numbered: no second version of a
    customer row (whose ``change_number`` is indexed, so the UPDATE of
    ``stamp_changes`` rewrote every index entry of the row), and one round
    trip under the counter's lock.  The statement is built once per shape.
    """
    if conn.dialect.name != "postgresql":
        for table, values in rows:
            conn.execute(insert(table), values)
        return stamp_changes(conn, now, [(t, v["id"]) for t, v in rows], fields)
    shape = (tuple((table.name, tuple(values)) for table, values in rows), fields is not None)
    statement = _INSERT_STAMPED.get(shape)
    if statement is None:
        statement = _INSERT_STAMPED.setdefault(shape, _insert_stamped_sql(rows, fields))
    params: dict[str, Any] = {"n": len(rows), "counter": COUNTER, "at": now}
    for i, (table, values) in enumerate(rows):
        for name, value in values.items():
            json_column = isinstance(table.c[name].type, JSON)
            params[f"v{i}_{name}"] = json.dumps(value) if json_column else value
    if fields is not None:
        params.update(base=json.dumps(fields.base), fields=list(fields.fields),
                      writer=fields.writer)
    return sorted(int(x) for x in conn.execute(statement, params).scalars())


_INSERT_STAMPED: dict[tuple[Any, ...], Any] = {}
# The counter, taken in a data-modifying CTE named ``c``.
_TAKE_NUMBERS = (
    "c AS (UPDATE change_counter SET value = value + :n WHERE name = :counter RETURNING value)"
)


def _field_versions_sql(number: str) -> str:
    """SQL for ``FieldStamp.at(number)``: the ``:base`` versions with each of
    ``:fields`` written at *number* (an SQL expression) by ``:writer``."""
    return (
        "(CAST(:base AS jsonb) || (SELECT jsonb_object_agg("
        f"f, jsonb_build_array({number}, CAST(:writer AS text)))"
        " FROM unnest(CAST(:fields AS text[])) AS f))::json"
    )


def _insert_stamped_sql(
    rows: Sequence[tuple[Table, dict[str, Any]]], fields: FieldStamp | None
) -> Any:
    n = len(rows)
    ctes = [_TAKE_NUMBERS]
    numbered = []
    for i, (table, values) in enumerate(rows):
        back = n - 1 - i  # the i-th row's number is the new value less this
        names = [*values, "change_number"]
        exprs = [
            *(
                f"CAST(:v{i}_{name} AS json)" if isinstance(table.c[name].type, JSON)
                else f":v{i}_{name}"
                for name in values
            ),
            f"c.value - {back}",
        ]
        if fields is not None and i == 0:
            names.append("field_versions")
            exprs.append(_field_versions_sql(f"c.value - {back}"))
        ctes.append(
            f"i{i} AS (INSERT INTO {table.name} ({', '.join(names)})"
            f" SELECT {', '.join(exprs)} FROM c)"
        )
        numbered.append(f"({back}, '{table.name}', :v{i}_id)")
    # Each value is bound once per row; the ids again for ``changes``.
    return text(
        f"WITH {', '.join(ctes)} INSERT INTO changes (number, entity, entity_id, at)"
        f" SELECT c.value - v.back, v.entity, v.entity_id, :at"
        f" FROM c, (VALUES {', '.join(numbered)}) AS v(back, entity, entity_id)"
        f" RETURNING number"
    )


def _stamp_in_one_statement(
    conn: Connection, now: datetime, targets: Sequence[tuple[Table, str]],
    fields: FieldStamp | None,
) -> list[int]:
    n = len(targets)
    params: dict[str, Any] = {"n": n, "counter": COUNTER, "at": now}
    ctes = [_TAKE_NUMBERS]
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
            extra = f", field_versions = {_field_versions_sql(number)}"
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


class RowTaken(Exception):
    """A row held back by ``ChangeNumbers.defer`` was written by another
    transaction meanwhile: the whole transaction must be run again."""


class ChangeNumbers:
    """Change numbers for one transaction that writes many rows in order.

    ``take`` hands out an open number (-1, -2, ... in the order taken) that the
    caller writes into its row's ``change_number`` and field versions.  A new
    row that nothing else in the transaction reads may be held back with
    ``defer`` and is written by ``close``.  ``mark``/``reset`` forget the
    numbers taken since a savepoint that was rolled back.

    ``close`` (the transaction's last writes, before commit) takes the real
    numbers from the counter in one statement (its row lock is then held
    until commit, see the module's doc), writes the held-back rows with their
    real numbers, replaces the open numbers in the rows written before, and
    records the changes.  ``final`` turns an open number into its real one.
    """

    def __init__(self, conn: Connection, now: datetime) -> None:
        self.conn = conn
        self.now = now
        self._taken: list[tuple[Table, str]] = []
        self._deferred: dict[str, tuple[Table, list[dict[str, Any]]]] = {}
        self._base: int | None = None  # the number before the first real one

    def take(self, table: Table, row_id: str) -> int:
        assert self._base is None, "numbers taken after close"
        self._taken.append((table, str(row_id)))
        return -len(self._taken)

    def defer(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Write *rows* (new rows of *table*, with open numbers) at ``close``."""
        self._deferred.setdefault(table.name, (table, []))[1].extend(rows)

    def mark(self) -> tuple[int, dict[str, int]]:
        return len(self._taken), {name: len(rows) for name, (_t, rows) in self._deferred.items()}

    def reset(self, mark: tuple[int, dict[str, int]]) -> None:
        taken, deferred = mark
        del self._taken[taken:]
        for name, (_table, rows) in self._deferred.items():
            del rows[deferred.get(name, 0):]

    def final(self, number: int) -> int:
        """The real number of *number* (a real one is itself)."""
        if number >= 0:
            return number
        assert self._base is not None, "open number asked before close"
        return self._base - number

    def close(self) -> None:
        if not self._taken:
            return
        last = self.conn.execute(
            update(change_counter)
            .where(change_counter.c.name == COUNTER)
            .values(value=change_counter.c.value + len(self._taken))
            .returning(change_counter.c.value)
        ).scalar_one()
        self._base = int(last) - len(self._taken)
        held: set[tuple[str, str]] = set()
        try:
            with self.conn.begin_nested():
                for table, rows in self._deferred.values():
                    if rows:
                        self.conn.execute(insert(table), [self._resolved(r) for r in rows])
                        held.update((table.name, str(r["id"])) for r in rows)
        except IntegrityError as exc:
            raise RowTaken(str(exc.orig)) from exc
        self._deferred = {}
        written: dict[str, tuple[Table, set[str]]] = {}
        for table, row_id in self._taken:
            if (table.name, row_id) not in held:
                written.setdefault(table.name, (table, set()))[1].add(row_id)
        for table, ids in written.values():
            self.conn.execute(_fix_up(table, self.conn.dialect.name),
                              {"base": self._base, "ids": sorted(ids)})
        numbers = [self._base + 1 + i for i in range(len(self._taken))]
        if self.conn.dialect.name == "postgresql":  # one statement, not one per row
            self.conn.execute(_INSERT_CHANGES_PG, {
                "number": numbers,
                "entity": [table.name for table, _id in self._taken],
                "entity_id": [row_id for _table, row_id in self._taken],
                "at": self.now,
            })
        else:
            self.conn.execute(insert(changes), [
                {"number": n, "entity": table.name, "entity_id": row_id, "at": self.now}
                for n, (table, row_id) in zip(numbers, self._taken, strict=True)
            ])

    def _resolved(self, row: dict[str, Any]) -> dict[str, Any]:
        out = dict(row)
        out["change_number"] = self.final(int(row["change_number"]))
        if "field_versions" in row:
            out["field_versions"] = {
                name: [self.final(int(number)), writer]
                for name, (number, writer) in row["field_versions"].items()
            }
        return out


def _fix_up(table: Table, dialect: str) -> Any:
    """An UPDATE of rows of *table* (``:ids``) that puts the real numbers
    (``:base`` less the open one) in place of the open ones."""
    sets = ["change_number = :base - change_number"]
    if "field_versions" in table.c:
        t = table.name
        if dialect == "postgresql":
            entry = (
                "CASE WHEN (e.value->>0)::bigint < 0 THEN json_build_array("
                ":base - (e.value->>0)::bigint, e.value->1) ELSE e.value END"
            )
            agg = f"json_object_agg(e.key, {entry})"
        else:
            entry = (
                "CASE WHEN json_extract(e.value, '$[0]') < 0 THEN json_array("
                ":base - json_extract(e.value, '$[0]'), json_extract(e.value, '$[1]'))"
                " ELSE json(e.value) END"
            )
            agg = f"json_group_object(e.key, {entry})"
        sets.append(
            f"field_versions = COALESCE((SELECT {agg} FROM json_each({t}.field_versions) AS e),"
            f" {t}.field_versions)"
        )
    return text(
        f"UPDATE {table.name} SET {', '.join(sets)} WHERE id IN :ids AND change_number < 0"
    ).bindparams(bindparam("ids", expanding=True))


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
    conn.execute(_INSERT_AUDIT, {
        "at": now, "actor_id": actor.id, "actor": actor.name, "action": action,
        "entity": entity, "entity_id": str(entity_id), "reason": reason,
        "before": _jsonable(before), "after": _jsonable(after),
    })


# Compiled once; the values go apart (not ``.values(...)`` per call).
_INSERT_AUDIT = insert(audit_log)


def _jsonable(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in value.items()}
