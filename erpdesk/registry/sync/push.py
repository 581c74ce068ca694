"""``POST /api/v1/sync/push``: a desk's outbox ops, applied in order, each at most once.

Every op runs in its own transaction: it first claims its ``op_id`` in
``applied_ops`` (the primary key: a second worker pushing the same op
waits on the first one's row and then finds it), then writes its effect
inside a savepoint, takes its change number last, and stores its result
beside it; all of that commits together or not at all.  So a batch cut off
half-way and pushed again applies every op exactly once, and a replayed op
is answered from the store with status ``duplicate``.

Rejections decided from the op alone (``ops.check_op``) are not stored:
they are the same every time.  Rejections that depend on the registry's
state are stored with the op, so a replay gives the same answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from erpdesk.registry.accounts import User
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.schema import applied_ops, sync_devices
from erpdesk.registry.policy import load_policy
from erpdesk.registry.sync.apply import Context, Outcome, apply_op
from erpdesk.registry.sync.merge import device_writer, user_writer
from erpdesk.registry.sync.ops import Op, Rejected, check_op

MAX_OPS = 1000
# A device clock further than this from the registry's is reported as skewed.
SKEW_WARNING_SECONDS = 300
ATTEMPTS = 3


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
    out: dict[str, Any] = {
        "op_id": op_id if isinstance(op_id, str) else None, "status": status,
        "server_version": version,
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
    results = []
    for raw in ops:
        try:
            op = check_op(raw, user.role)
        except Rejected as exc:
            results.append(_result(raw.get("op_id"), "rejected", None, exc.reason, exc.message))
            continue
        results.append(_push_one(db, user, device_id, writer, own, op, raw, now))
    skew = record_device(db, user, device_id, device_time, now, pushed=True)
    return PushResult(
        results, now, skew, skew is not None and abs(skew) > SKEW_WARNING_SECONDS
    )


def _push_one(
    db: RegistryDatabase, user: User, device_id: str, writer: str, own: frozenset[str],
    op: Op, raw: dict[str, Any], now: datetime,
) -> dict[str, Any]:
    for _attempt in range(ATTEMPTS):
        try:
            with db.write() as conn:
                return _in_transaction(conn, user, device_id, writer, own, op, raw, now)
        except IntegrityError:
            # Another worker claimed this op, or wrote the same row, at the
            # same moment: everything here was rolled back; look again.
            continue
    return _result(raw["op_id"], "rejected", None, "concurrent_change",
                   "Another change came at the same moment; push again")


def _in_transaction(
    conn: Connection, user: User, device_id: str, writer: str, own: frozenset[str],
    op: Op, raw: dict[str, Any], now: datetime,
) -> dict[str, Any]:
    stored = conn.execute(
        select(applied_ops.c.user_id, applied_ops.c.response)
        .where(applied_ops.c.op_id == op.op_id)
    ).first()
    if stored is not None:
        if stored.user_id != user.id:
            return _result(raw["op_id"], "rejected", None, "id_in_use",
                           "This op id was used by another user")
        first = dict(stored.response)
        return {**first, "op_id": raw["op_id"], "status": "duplicate",
                "first_status": first["status"]}
    conn.execute(insert(applied_ops).values(
        op_id=op.op_id, user_id=user.id, device_id=device_id, entity=op.entity,
        entity_id=op.entity_id, status="pending", reason="", response={}, applied_at=now,
    ))
    ctx = Context(conn, user, writer, own, now)
    try:
        with conn.begin_nested():
            outcome: Outcome | None = apply_op(ctx, op)
    except Rejected as exc:
        outcome = None
        result = _result(raw["op_id"], "rejected", None, exc.reason, exc.message)
    if outcome is not None:
        result = _result(
            raw["op_id"], outcome.status, outcome.version,
            "conflict" if outcome.conflicts else None,
            "Changed on both sides: the registry kept its value" if outcome.conflicts else None,
            [c.json() for c in outcome.conflicts],
        )
    conn.execute(update(applied_ops).where(applied_ops.c.op_id == op.op_id).values(
        status=result["status"], reason=result.get("reason", ""),
        server_version=result["server_version"], response=result,
    ))
    return result


def record_device(
    db: RegistryDatabase, user: User, device_id: str, device_time: datetime | None,
    now: datetime, *, pushed: bool,
) -> int | None:
    """Note the device's sync and its clock; the skew in seconds (device - registry)."""
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
    key = (sync_devices.c.user_id == user.id) & (sync_devices.c.device_id == device_id)
    for _attempt in range(ATTEMPTS):
        try:
            with db.write() as conn:
                if conn.execute(update(sync_devices).where(key).values(**values)).rowcount:
                    break
                conn.execute(insert(sync_devices).values(
                    user_id=user.id, device_id=device_id, **values
                ))
                break
        except IntegrityError:
            continue
    return skew


def prune_applied_ops(db: RegistryDatabase, now: datetime) -> int:
    """Forget ops older than ``op_retention_days``; how many were forgotten."""
    with db.write() as conn:
        days = load_policy(conn).op_retention_days
        return int(conn.execute(
            delete(applied_ops).where(applied_ops.c.applied_at < now - timedelta(days=days))
        ).rowcount)
