"""Writing one checked op inside the caller's transaction.

Each ``apply_*`` reads the row (locked on PostgreSQL), checks that the user
may write it, merges, writes, stamps the change number last and returns the
outcome; or raises ``Rejected`` before writing anything that matters (the
caller rolls its savepoint back anyway).  A rep writes its own customers
(and unregistered ones it creates) and their contacts and activities; an
administrator writes any.  A record the user may not write is ``not_found``
for an update or delete and ``id_in_use`` for a create, whatever it holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, Table, insert, select, update

from erpdesk.domain.names import normalize_company_name
from erpdesk.registry.accounts import User
from erpdesk.registry.checks import index_name, slot_holders
from erpdesk.registry.db.journal import stamp_changes
from erpdesk.registry.db.schema import (
    ACTIVE_STATUSES,
    customer_activities,
    customer_contacts,
    customers,
    sync_conflicts,
)
from erpdesk.registry.sync.merge import FieldConflict, Merge, merge, stamped
from erpdesk.registry.sync.ops import (
    ACTIVITY_FIELDS,
    CONTACT_FIELDS,
    CUSTOMER_FIELDS,
    Op,
    Rejected,
)

COLUMN_FIELDS = ("name", "uscc")  # customer fields with their own columns


@dataclass(frozen=True)
class Context:
    conn: Connection
    user: User
    writer: str  # this device's writer tag
    own: frozenset[str]  # writer tags that are this op's own side
    now: datetime

    @property
    def admin(self) -> bool:
        return self.user.role == "admin"


@dataclass(frozen=True)
class Outcome:
    status: str  # applied, conflict
    version: int | None
    conflicts: list[FieldConflict] = field(default_factory=list)


def _locked(conn: Connection, table: Table, row_id: str) -> Row[Any] | None:
    return conn.execute(select(table).where(table.c.id == row_id).with_for_update()).first()


def _may_write_customer(ctx: Context, row: Row[Any] | None) -> bool:
    return row is not None and (ctx.admin or row.owner_id == ctx.user.id)


def _record_conflicts(ctx: Context, op: Op, conflicts: list[FieldConflict]) -> None:
    if conflicts:
        ctx.conn.execute(insert(sync_conflicts), [
            {"entity": op.entity, "entity_id": op.entity_id, "field": c.field,
             "registry_value": c.registry_value, "desk_value": c.desk_value,
             "op_id": op.op_id, "user_id": ctx.user.id, "created_at": ctx.now}
            for c in conflicts
        ])


def _finish(
    ctx: Context, op: Op, table: Table, row: Row[Any], result: Merge,
    values: dict[str, Any],
) -> Outcome:
    """Write *values* (the merged changes as columns) and the field versions."""
    _record_conflicts(ctx, op, result.conflicts)
    status = "conflict" if result.conflicts else "applied"
    if not result.changes:
        return Outcome(status, int(row.change_number), result.conflicts)
    ctx.conn.execute(update(table).where(table.c.id == row.id).values(**values))
    (number,) = stamp_changes(ctx.conn, ctx.now, [(table, row.id)])
    ctx.conn.execute(update(table).where(table.c.id == row.id).values(
        field_versions=stamped(row.field_versions or {}, result.changes, number, ctx.writer)
    ))
    return Outcome(status, number, result.conflicts)


def _tombstone(ctx: Context, table: Table, row: Row[Any]) -> Outcome:
    if row.deleted:
        return Outcome("applied", int(row.change_number))
    values: dict[str, Any] = {"deleted": True}
    if "updated_at" in table.c:
        values["updated_at"] = ctx.now
    ctx.conn.execute(update(table).where(table.c.id == row.id).values(**values))
    (number,) = stamp_changes(ctx.conn, ctx.now, [(table, row.id)])
    return Outcome("applied", number)


# -- customers ---------------------------------------------------------------

def customer_values(row: Row[Any]) -> dict[str, Any]:
    """The desk-editable fields of a customer row, with defaults for absent ones."""
    stored = dict(row.fields or {})
    out = {name: spec.default for name, spec in CUSTOMER_FIELDS.items()}
    out.update({k: v for k, v in stored.items() if k in CUSTOMER_FIELDS})
    out["name"], out["uscc"] = row.name, row.uscc
    return out


def _check_company(ctx: Context, name: str, uscc: str, customer_id: str) -> str:
    """The name key of *name*; ``protected_by_other`` if another user's active
    customer holds the company (nothing of it is told)."""
    key = normalize_company_name(name)
    if not ctx.admin:
        holders = slot_holders(ctx.conn, uscc, key, exclude_id=customer_id)
        if any(h.owner_id != ctx.user.id for h in holders):
            raise Rejected("protected_by_other", "This company is held by another user")
    return key


def apply_customer(ctx: Context, op: Op) -> Outcome:
    row = _locked(ctx.conn, customers, op.entity_id)
    if row is None and op.op == "create":
        return _create_customer(ctx, op)
    if not _may_write_customer(ctx, row):
        raise Rejected("id_in_use" if op.op == "create" else "not_found",
                       "No such customer of yours")
    assert row is not None
    if op.op == "delete":
        if row.status in ACTIVE_STATUSES and not row.deleted:
            raise Rejected("registered_customer",
                           "A registered customer is released by the administrator")
        return _tombstone(ctx, customers, row)
    if row.deleted:
        raise Rejected("deleted", "The customer was deleted")
    current = customer_values(row)
    result = merge(current, row.field_versions or {}, op.fields, op.base_version, ctx.own)
    values: dict[str, Any] = {"updated_at": ctx.now}
    if "name" in result.changes or "uscc" in result.changes:
        name = result.changes.get("name", row.name)
        uscc = result.changes.get("uscc", row.uscc)
        key = normalize_company_name(name)
        if row.status in ACTIVE_STATUSES and (key != row.name_key or uscc != row.uscc):
            raise Rejected("identity_locked",
                           "The name and credit code of a registered customer are "
                           "changed by the administrator")
        key = _check_company(ctx, name, uscc, row.id)
        values.update(name=name, uscc=uscc, name_key=key)
        if key != row.name_key:
            index_name(ctx.conn, row.id, key)
    others = {k: v for k, v in result.changes.items() if k not in COLUMN_FIELDS}
    if others:
        values["fields"] = {**(row.fields or {}), **others}
    return _finish(ctx, op, customers, row, result, values)


def _create_customer(ctx: Context, op: Op) -> Outcome:
    name = op.fields["name"]
    uscc = op.fields.get("uscc", "")
    key = _check_company(ctx, name, uscc, op.entity_id)
    others = {k: v for k, v in op.fields.items() if k not in COLUMN_FIELDS}
    ctx.conn.execute(insert(customers).values(
        id=op.entity_id, name=name, name_key=key, uscc=uscc, fields=others,
        owner_id=None if ctx.admin else ctx.user.id, status="unregistered",
        created_at=ctx.now, updated_at=ctx.now, field_versions={}, deleted=False,
    ))
    index_name(ctx.conn, op.entity_id, key)
    (number,) = stamp_changes(ctx.conn, ctx.now, [(customers, op.entity_id)])
    ctx.conn.execute(update(customers).where(customers.c.id == op.entity_id).values(
        field_versions=stamped({}, op.fields, number, ctx.writer)
    ))
    return Outcome("applied", number)


# -- contacts and activities -------------------------------------------------

def _parent(ctx: Context, customer_id: str | None) -> Row[Any]:
    row = None
    if customer_id is not None:
        row = ctx.conn.execute(select(customers).where(customers.c.id == customer_id)).first()
    if not _may_write_customer(ctx, row) or row is None or row.deleted:
        raise Rejected("customer_not_found", "No such customer of yours")
    return row


def activity_values(row: Row[Any]) -> dict[str, Any]:
    out = {name: getattr(row, name) for name in ACTIVITY_FIELDS}
    out["occurred_at"] = row.occurred_at.isoformat()
    return out


def apply_child(ctx: Context, op: Op) -> Outcome:
    """A contact or an activity (append-only: the desk's edits never conflict)."""
    table = customer_contacts if op.entity == "contact" else customer_activities
    row = _locked(ctx.conn, table, op.entity_id)
    if row is None and op.op == "create":
        _parent(ctx, op.parent_id)
        return _create_child(ctx, op, table)
    if row is None:
        raise Rejected("not_found", f"No such {op.entity} of yours")
    try:
        _parent(ctx, row.customer_id)
    except Rejected:
        raise Rejected("id_in_use" if op.op == "create" else "not_found",
                       f"No such {op.entity} of yours") from None
    if op.parent_id is not None and op.parent_id != row.customer_id:
        raise Rejected("immutable_field", f"An {op.entity} cannot move to another customer",
                       field="customer_id")
    if table is customer_activities and not ctx.admin and row.user_id != ctx.user.id:
        raise Rejected("registry_owned_record", "This activity was written by the registry")
    if op.op == "delete":
        return _tombstone(ctx, table, row)
    if row.deleted:
        raise Rejected("deleted", f"The {op.entity} was deleted")
    if table is customer_contacts:
        current = {name: spec.default for name, spec in CONTACT_FIELDS.items()}
        current.update(row.fields or {})
        result = merge(current, row.field_versions or {}, op.fields, op.base_version, ctx.own)
        values: dict[str, Any] = {"fields": {**current, **result.changes}, "updated_at": ctx.now}
        return _finish(ctx, op, table, row, result, values)
    result = merge(activity_values(row), {}, op.fields, op.base_version, ctx.own,
                   append_only=True)
    if not result.changes:
        return Outcome("applied", int(row.change_number))
    values = _activity_columns(result.changes)
    ctx.conn.execute(update(table).where(table.c.id == row.id).values(**values))
    (number,) = stamp_changes(ctx.conn, ctx.now, [(table, row.id)])
    return Outcome("applied", number)


def _activity_columns(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    if out.get("occurred_at") is not None:
        out["occurred_at"] = datetime.fromisoformat(out["occurred_at"])
    return out


def _create_child(ctx: Context, op: Op, table: Table) -> Outcome:
    if table is customer_contacts:
        ctx.conn.execute(insert(table).values(
            id=op.entity_id, customer_id=op.parent_id, fields=op.fields, field_versions={},
            deleted=False, user_id=ctx.user.id, created_at=ctx.now, updated_at=ctx.now,
        ))
    else:
        values = {name: spec.default for name, spec in ACTIVITY_FIELDS.items()}
        values.update(_activity_columns(op.fields))
        ctx.conn.execute(insert(table).values(
            id=op.entity_id, customer_id=op.parent_id, user_id=ctx.user.id,
            created_at=ctx.now, deleted=False, **values,
        ))
    (number,) = stamp_changes(ctx.conn, ctx.now, [(table, op.entity_id)])
    if table is customer_contacts:
        ctx.conn.execute(update(table).where(table.c.id == op.entity_id).values(
            field_versions=stamped({}, op.fields, number, ctx.writer)
        ))
    return Outcome("applied", number)


def apply_op(ctx: Context, op: Op) -> Outcome:
    if op.entity == "customer":
        return apply_customer(ctx, op)
    return apply_child(ctx, op)
