"""``POST /api/v1/sync/push``: a desk's outbox ops, applied in order, each at most once.

A batch runs in one transaction.  It first claims the ``op_id`` of every op
in ``applied_ops`` (the primary key; ``INSERT ... ON CONFLICT DO NOTHING``:
a second worker pushing the same op waits on the first one's uncommitted
row, and finds it stored once that commits).  The ops it claimed are then
applied in order, each inside its own savepoint (a rejected op rolls back
only its savepoint), with open change numbers; at the end the batch takes
its real numbers from the counter row in one statement (its lock is held
from there to the commit only), writes the new rows it held back and puts
the real numbers in place (``journal.ChangeNumbers``); the answers are
stored beside the claims and everything commits together or not at all.
So a batch cut off at any point and pushed again applies every op exactly
once, and a replayed op is answered from the store with status
``duplicate``.  A batch whose transaction fails on a deadlock or a
serialization failure, or finds a row it held back written by another
worker meanwhile, is run again from the start.

Rejections decided from the op alone (``ops.check_op``) are not stored:
they are the same every time.  Rejections that depend on the registry's
state are stored with the op, so a replay gives the same answer.

``check_op`` is meant to be complete, but a value the database refuses all
the same (``DataError``, a text the driver cannot encode, a number past a
column) must not fail the batch, or the desk could never push past it.  An
op's own writes fail inside its savepoint: that op alone is rejected
(``unstorable_value``, stored like any state-dependent rejection).  Rows
held back to the end of the batch, and runs of creates written with one
insert, fail outside any op's savepoint: then the batch is run again
*carefully*, every op written at once in its own savepoint, so the same
happens.  A batch that stores only good values never takes that path.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError

from erpdesk.registry.accounts import User
from erpdesk.registry.db.database import ATTEMPTS, RegistryDatabase, retryable
from erpdesk.registry.db.journal import ChangeNumbers, RowTaken
from erpdesk.registry.db.schema import applied_ops, sync_devices
from erpdesk.registry.policy import load_policy
from erpdesk.registry.sync.apply import (
    Context,
    Outcome,
    apply_follow_ups,
    apply_op,
    create_customers,
    creates_new_customer,
    prefetch_follow_ups,
    prefetch_holders,
    prefetch_rows,
    write_grams,
)
from erpdesk.registry.sync.merge import device_writer, user_writer
from erpdesk.registry.sync.ops import Op, Rejected, check_op, text_problem

log = logging.getLogger("erpdesk.registry")

MAX_OPS = 1000
# A device clock further than this from the registry's is reported as skewed.
SKEW_WARNING_SECONDS = 300
# Ops applied in one savepoint (``_apply_group``); a refusal costs applying
# the group again op by op.
GROUP = 64
# A value the database (or its driver) refuses: the op's input, not a failure.
UNSTORABLE = (DataError, UnicodeError, OverflowError)
UNSTORABLE_TEXT = "The registry's database cannot store a value of this op"

_STORE = (
    update(applied_ops)
    .where(applied_ops.c.op_id == bindparam("b_op_id"))
    .values(status=bindparam("b_status"), reason=bindparam("b_reason"),
            server_version=bindparam("b_version"), response=bindparam("b_response"))
)

# The answers as one JSON document (not five arrays, whose elements psycopg
# quotes one by one in Python; the answers were JSON inside text besides).
_STORE_PG = text(
    "UPDATE applied_ops SET status = v.status, reason = v.reason, server_version = v.version,"
    " response = v.response"
    " FROM json_to_recordset(CAST(:answers AS json))"
    " AS v(op_id text, status text, reason text, version bigint, response json)"
    " WHERE applied_ops.op_id = v.op_id"
)


@dataclass(frozen=True)
class PushResult:
    results: list[dict[str, Any]]
    registry_time: datetime
    clock_skew_seconds: int | None
    clock_skewed: bool


def _result(
    op_id: Any, status: str, version: int | None = None, reason: str | None = None,
    message: str | None = None, conflicts: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    shown = isinstance(op_id, str) and len(op_id) <= 64 and text_problem(op_id) is None
    out: dict[str, Any] = {
        "op_id": op_id if shown else None, "status": status, "server_version": version,
    }
    if reason is not None:
        out["reason"] = reason
        out["message"] = message or reason
    if conflicts:
        out["conflicts"] = conflicts
    return out


def push(
    db: RegistryDatabase, user: User, device_id: str, device_time: datetime | None,
    ops: Sequence[dict[str, Any]], now: datetime,
) -> PushResult:
    """Apply *ops* in order for *user* on *device_id*; one result per op."""
    writer = device_writer(user.id, device_id)
    own = frozenset({writer, user_writer(user.id)})
    results: list[dict[str, Any] | None] = [None] * len(ops)
    checked: list[tuple[int, Op, dict[str, Any]]] = []
    for index, raw in enumerate(ops):
        try:
            op = check_op(raw, user.role, now)
        except Rejected as exc:
            results[index] = _result(raw.get("op_id"), "rejected", None, exc.reason, exc.message)
            continue
        checked.append((index, op, raw))
    skew = None
    if checked:
        careful = False
        attempt = 0
        while True:
            try:
                with db.write() as conn:  # the device noted in the batch's transaction
                    skew = note_device(conn, user, device_id, device_time, now, pushed=True)
                    answers = _batch(conn, user, device_id, writer, own, checked, now, careful)
                break
            except UNSTORABLE:  # outside an op's savepoint: again, each op in its own
                if careful:
                    raise
                careful = True
                continue
            except RowTaken:
                if attempt == ATTEMPTS - 1:
                    raise
            except DBAPIError as exc:  # a deadlock: the whole batch runs again
                if not retryable(exc) or attempt == ATTEMPTS - 1:
                    raise
            attempt += 1
        for (index, _op, _raw), answer in zip(checked, answers, strict=True):
            results[index] = answer
    else:
        skew = record_device(db, user, device_id, device_time, now, pushed=True)
    return PushResult(
        [r for r in results if r is not None], now, skew,
        skew is not None and abs(skew) > SKEW_WARNING_SECONDS,
    )


def _claim(conn: Connection, rows: list[dict[str, Any]]) -> set[str]:
    """Insert the ``applied_ops`` rows that are not there yet, in the order
    of *rows*; their op ids."""
    if not rows:
        return set()
    if conn.dialect.name == "postgresql":  # one statement of one shape for any batch
        first = rows[0]
        return set(conn.execute(_CLAIM_PG, {
            "user_id": first["user_id"], "device_id": first["device_id"],
            "at": first["applied_at"], "op_id": [r["op_id"] for r in rows],
            "entity": [r["entity"] for r in rows], "entity_id": [r["entity_id"] for r in rows],
        }).scalars())
    return set(conn.execute(_CLAIM_SQLITE, rows).scalars())


_CLAIM_PG = text(
    "INSERT INTO applied_ops (op_id, user_id, device_id, entity, entity_id, status, reason,"
    " response, applied_at)"
    " SELECT o, :user_id, :device_id, e, i, 'pending', '', CAST('{}' AS json), :at"
    " FROM unnest(CAST(:op_id AS text[]), CAST(:entity AS text[]), CAST(:entity_id AS text[]))"
    " WITH ORDINALITY AS v(o, e, i, n) ORDER BY n"
    " ON CONFLICT (op_id) DO NOTHING RETURNING op_id"
)


# SQLite: one statement for every batch size (executed as "insertmanyvalues").
_CLAIM_SQLITE = (
    sqlite.insert(applied_ops)
    .on_conflict_do_nothing(index_elements=[applied_ops.c.op_id])
    .returning(applied_ops.c.op_id)
)


def _batch(
    conn: Connection, user: User, device_id: str, writer: str, own: frozenset[str],
    checked: list[tuple[int, Op, dict[str, Any]]], now: datetime, careful: bool = False,
) -> list[dict[str, Any]]:
    """The answers to *checked*, in order, all written in *conn*'s transaction
    (*careful*: every op's rows written at once inside its own savepoint)."""
    first_of: dict[str, int] = {}  # op id -> position of its first op in *checked*
    for position, (_index, op, _raw) in enumerate(checked):
        first_of.setdefault(op.op_id, position)
    # Claimed in op id order, so that two batches sharing ops lock them alike.
    claims = [
        {"op_id": op.op_id, "user_id": user.id, "device_id": device_id, "entity": op.entity,
         "entity_id": op.entity_id, "status": "pending", "reason": "", "response": {},
         "applied_at": now}
        for op_id, (_i, op, _r) in sorted(
            ((op_id, checked[p]) for op_id, p in first_of.items()), key=lambda item: item[0]
        )
    ]
    claimed = _claim(conn, claims)
    stored = {}
    if len(claimed) < len(first_of):
        seen = [op_id for op_id in first_of if op_id not in claimed]
        stored = {
            row.op_id: row for row in conn.execute(
                select(applied_ops.c.op_id, applied_ops.c.user_id, applied_ops.c.response)
                .where(applied_ops.c.op_id.in_(seen))
            )
        }
    to_apply = [checked[p][1] for op_id, p in first_of.items() if op_id in claimed]
    named = Counter(
        i for op in to_apply for i in {op.entity_id, op.parent_id, *op.parents.values()} if i
    )
    ctx = Context(conn, user, writer, own, now, ChangeNumbers(conn, now),
                  alone=frozenset() if careful else frozenset(
                      i for i, n in named.items() if n == 1))
    prefetch_rows(ctx, to_apply)
    prefetch_follow_ups(ctx, to_apply)
    if not careful:  # reads by the ops' names: careful, each op reads in its savepoint
        prefetch_holders(ctx, to_apply)
    applied = _apply_all(ctx, [(p, op, raw) for p, (_i, op, raw) in enumerate(checked)
                               if first_of[op.op_id] == p and op.op_id in claimed], careful)
    answers: list[dict[str, Any]] = []
    store: list[tuple[str, dict[str, Any]]] = []  # (op id, its answer)
    forget: list[str] = []
    for position, (_index, op, raw) in enumerate(checked):
        if first_of[op.op_id] != position:  # the same op twice in one batch
            first = answers[first_of[op.op_id]]
            kept = op.op_id in claimed and op.op_id not in forget
            answers.append(_duplicate(raw, first) if kept else {**first, "op_id": raw["op_id"]})
            continue
        if op.op_id not in claimed:
            row = stored.get(op.op_id)
            if row is None:  # forgotten (pruned) between the claim and now
                answers.append(_result(raw["op_id"], "rejected", None, "concurrent_change",
                                       "Another change came at the same moment; push again"))
            elif row.user_id != user.id:
                answers.append(_result(raw["op_id"], "rejected", None, "id_in_use",
                                       "This op id was used by another user"))
            else:
                answers.append(_duplicate(raw, dict(row.response)))
            continue
        result = applied[position]
        answers.append(result)
        if result.get("reason") == "concurrent_change":
            forget.append(op.op_id)  # not stored: pushing it again may apply it
        else:
            store.append((op.op_id, result))
    apply_follow_ups(ctx)
    write_grams(ctx)
    ctx.numbers.close()
    for answer in answers:  # the open numbers of this batch become real ones
        if answer.get("server_version") is not None:
            answer["server_version"] = ctx.numbers.final(answer["server_version"])
    if store and conn.dialect.name == "postgresql":  # one statement, not one per op
        conn.execute(_STORE_PG, {"answers": json.dumps([
            {"op_id": op_id, "status": r["status"], "reason": r.get("reason", ""),
             "version": r["server_version"], "response": r}
            for op_id, r in store
        ], ensure_ascii=False)})
    elif store:
        conn.execute(_STORE, [
            {"b_op_id": op_id, "b_status": r["status"], "b_reason": r.get("reason", ""),
             "b_version": r["server_version"], "b_response": r}
            for op_id, r in store
        ])
    if forget:
        conn.execute(delete(applied_ops).where(applied_ops.c.op_id.in_(forget)))
    return answers


def _apply_all(
    ctx: Context, todo: list[tuple[int, Op, dict[str, Any]]], careful: bool = False
) -> dict[int, dict[str, Any]]:
    """Apply *todo* in order; the answer for each position.  A run of creates of
    new customers is written with one insert (one savepoint); the other ops go
    in groups of up to ``GROUP``, each group in one savepoint (``_apply_group``);
    if a group fails, its ops are applied one by one, each in its own.
    *careful*: every op one by one."""
    out: dict[int, dict[str, Any]] = {}
    start = 0
    while start < len(todo):
        end = _create_run_end(ctx, todo, start, careful)
        if end - start > 1:
            run = todo[start:end]
            outcomes = create_customers(ctx, [op for _p, op, _raw in run])
            if outcomes is not None:
                for (position, _op, raw), outcome in zip(run, outcomes, strict=True):
                    out[position] = _answer(raw, outcome)
            else:
                for position, op, raw in run:
                    out[position] = _apply_one(ctx, op, raw)
            start = end
            continue
        if careful:
            position, op, raw = todo[start]
            out[position] = _apply_one(ctx, op, raw, careful)
            start += 1
            continue
        stop = start + 1
        while (stop < len(todo) and stop - start < GROUP
               and _create_run_end(ctx, todo, stop, careful) - stop <= 1):
            stop += 1
        group = todo[start:stop]
        answers = _apply_group(ctx, group) if len(group) > 1 else None
        if answers is None:
            for position, op, raw in group:
                out[position] = _apply_one(ctx, op, raw)
        else:
            out.update(answers)
        start = stop
    return out


def _create_run_end(
    ctx: Context, todo: list[tuple[int, Op, dict[str, Any]]], start: int, careful: bool
) -> int:
    """The end of the run of creates of new, distinct customers at *start*."""
    end, ids = start, set()
    while (not careful and end < len(todo) and todo[end][1].entity_id not in ids
           and creates_new_customer(ctx, todo[end][1])):
        ids.add(todo[end][1].entity_id)
        end += 1
    return end


def _apply_group(
    ctx: Context, group: list[tuple[int, Op, dict[str, Any]]]
) -> dict[int, dict[str, Any]] | None:
    """Apply *group* in one savepoint (three round trips fewer an op than one
    savepoint each): the answer for each position, or ``None`` when one op of
    it was refused or failed, after undoing the whole group (its rows, its
    change numbers, its prefilter rows and follow-ups), so that it can be
    applied op by op, each refusal answered alone."""
    mark = ctx.numbers.mark()
    grams = dict(ctx.grams)
    follow_ups = dict(ctx.follow_ups)
    try:
        with ctx.conn.begin_nested():
            outcomes = [apply_op(ctx, op) for _position, op, _raw in group]
    except (Rejected, IntegrityError, *UNSTORABLE):
        ctx.numbers.reset(mark)
        ctx.grams.clear()
        ctx.grams.update(grams)
        ctx.follow_ups.clear()
        ctx.follow_ups.update(follow_ups)
        ctx.parents.clear()  # may name a customer the group created
        return None
    return {
        position: _answer(raw, outcome)
        for (position, _op, raw), outcome in zip(group, outcomes, strict=True)
    }


def _answer(raw: dict[str, Any], outcome: Outcome | Rejected) -> dict[str, Any]:
    if isinstance(outcome, Rejected):
        return _result(raw["op_id"], "rejected", None, outcome.reason, outcome.message)
    return _result(
        raw["op_id"], outcome.status, outcome.version,
        "conflict" if outcome.conflicts else None,
        "Changed on both sides: the registry kept its value" if outcome.conflicts else None,
        [c.json() for c in outcome.conflicts],
    )


def _duplicate(raw: dict[str, Any], first: dict[str, Any]) -> dict[str, Any]:
    return {**first, "op_id": raw["op_id"], "status": "duplicate",
            "first_status": first["status"]}


def _apply_one(
    ctx: Context, op: Op, raw: dict[str, Any], careful: bool = False
) -> dict[str, Any]:
    """Apply *op* inside a savepoint; its answer (``rejected`` if it failed).
    *careful*: its prefilter rows are written in the savepoint too."""
    for _attempt in range(ATTEMPTS):
        mark = ctx.numbers.mark()
        grams = ctx.grams.get(op.entity_id)  # an op writes the grams of its own row only
        try:
            with ctx.conn.begin_nested():
                outcome: Outcome = apply_op(ctx, op)
                if careful:
                    write_grams(ctx)
        except (Rejected, IntegrityError, *UNSTORABLE) as exc:
            ctx.numbers.reset(mark)
            if grams is None:
                ctx.grams.pop(op.entity_id, None)
            else:
                ctx.grams[op.entity_id] = grams
            if isinstance(exc, Rejected):
                return _answer(raw, exc)
            if not isinstance(exc, IntegrityError):  # the op holds a value it cannot store
                log.warning("op %s refused by the database: %s", op.op_id, exc)
                ctx.parents.clear()
                ctx.rows.clear()
                return _answer(raw, Rejected("unstorable_value", UNSTORABLE_TEXT))
            # Another worker wrote the same row at the same moment: only this
            # op's savepoint was rolled back; look again (a new statement sees
            # what the other one committed).
            ctx.parents.clear()
            ctx.rows.clear()
            continue
        return _answer(raw, outcome)
    return _result(raw["op_id"], "rejected", None, "concurrent_change",
                   "Another change came at the same moment; push again")


def record_device(
    db: RegistryDatabase, user: User, device_id: str, device_time: datetime | None,
    now: datetime, *, pushed: bool,
) -> int | None:
    """Note the device's sync and its clock in a transaction of its own; the
    skew in seconds (device - registry)."""
    with db.write() as conn:
        return note_device(conn, user, device_id, device_time, now, pushed=pushed)


def note_device(
    conn: Connection, user: User, device_id: str, device_time: datetime | None,
    now: datetime, *, pushed: bool,
) -> int | None:
    """Note the device's sync and its clock (one upsert, so two first syncs
    of a device at once do not clash); the skew in seconds."""
    try:
        device_time = None if device_time is None else device_time.astimezone(UTC)
    except (OverflowError, ValueError):  # year 1 or 9999 in a far time zone
        device_time = None
    skew = None if device_time is None else round((device_time - now).total_seconds())
    if skew is not None:
        skew = max(-(2**31) + 1, min(2**31 - 1, skew))
    values: dict[str, Any] = {
        "last_registry_time": now, ("last_push_at" if pushed else "last_pull_at"): now,
    }
    if skew is not None:  # a sync that does not tell its clock keeps the last reading
        values.update(last_device_time=device_time, skew_seconds=skew)
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(
        dialect.insert(sync_devices)
        .values(user_id=user.id, device_id=device_id, **values)
        .on_conflict_do_update(
            index_elements=[sync_devices.c.user_id, sync_devices.c.device_id], set_=values
        )
    )
    return skew


def prune_applied_ops(db: RegistryDatabase, now: datetime) -> int:
    """Forget ops older than ``op_retention_days``; how many were forgotten."""
    with db.write() as conn:
        days = load_policy(conn).op_retention_days
        return int(conn.execute(
            delete(applied_ops).where(applied_ops.c.applied_at < now - timedelta(days=days))
        ).rowcount)
