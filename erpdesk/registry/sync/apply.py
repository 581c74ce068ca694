"""Writing one checked op inside the caller's transaction.

Each ``apply_*`` reads the row (locked on PostgreSQL), checks that the user
may write it, merges, writes the row with its open change number (taken from
the batch's ``ChangeNumbers``, in op order; the real ones are put in at the
end of the batch) and returns the outcome; or raises ``Rejected`` before
writing anything that matters (the caller rolls its savepoint back anyway).
A new row that no other op of the batch names is held back and written at
the end with its real number (``ChangeNumbers.defer``).  A rep writes its own
customers (and unregistered ones it creates) and their contacts and activities; an
administrator writes any.  A record the user may not write is ``not_found``
for an update or delete and ``id_in_use`` for a create, whatever it holds.
A create is an upsert on the client's UUID only into the user's own record
(``own_record``: a customer the rep owns, an administrator's unregistered
one; a contact or activity the user wrote, under the same customer): a
create whose id names anyone else's record is ``id_in_use`` and changes
nothing, so a colliding or replayed id never overwrites another record or
moves it to another customer.
A rep's new activity on its protected customer is a follow-up that extends
the protection (``protection.extend_by_follow_up``), written once per
customer at the end of the batch (``apply_follow_ups``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, Table, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from erpdesk.domain.names import normalize_company_name
from erpdesk.registry.accounts import User
from erpdesk.registry.checks import gram_rows, index_name, insert_grams, slot_holders
from erpdesk.registry.db.journal import ChangeNumbers, RowTaken
from erpdesk.registry.db.schema import (
    ACTIVE_STATUSES,
    HOLDS_SLOT,
    customer_activities,
    customer_contacts,
    customers,
    sync_conflicts,
    synced_records,
)
from erpdesk.registry.policy import load_policy
from erpdesk.registry.protection import extend_by_follow_up
from erpdesk.registry.sync.entities import ENTITIES
from erpdesk.registry.sync.merge import FieldConflict, Merge, merge, stamped
from erpdesk.registry.sync.ops import (
    ACTIVITY_FIELDS,
    CONTACT_FIELDS,
    CUSTOMER_FIELDS,
    Op,
    Rejected,
)

COLUMN_FIELDS = ("name", "uscc")  # customer fields with their own columns
# Why an op is refused, in plain words (``*_TEXT``: in the registry's
# catalogue; the push answers them in the request's language).
HELD_TEXT = "This company is held by another user"
NO_CUSTOMER_TEXT = "No such customer of yours"
ID_IN_USE_TEXT = "This id belongs to another customer"
REGISTERED_TEXT = "A registered customer is released by the administrator"
DELETED_TEXT = "The customer was deleted"
IDENTITY_TEXT = (
    "The name and credit code of a registered customer are changed by the administrator"
)
REGISTRY_ACTIVITY_TEXT = "This activity was written by the registry"


@dataclass(frozen=True)
class Context:
    conn: Connection
    user: User
    writer: str  # this device's writer tag
    own: frozenset[str]  # writer tags that are this op's own side
    now: datetime
    numbers: ChangeNumbers  # the batch's change numbers, handed out in op order
    # Ids named by one op of the batch only: a row such an op creates may be
    # held back to the end of the batch (nothing else in it reads the row).
    alone: frozenset[str] = frozenset()
    # Customers read as parents of contacts and activities in this batch;
    # emptied by every customer op (which may change one).
    parents: dict[str, Row[Any] | None] = field(default_factory=dict)
    # Prefilter rows of customers created in this batch, written at its end:
    # customer id -> name key.
    grams: dict[str, str] = field(default_factory=dict)
    # Active customers (id, owner) by name key and by credit code, read once
    # for the companies the batch's creates name (``prefetch_holders``).
    holders_known: set[tuple[str, str]] = field(default_factory=set)
    holders: dict[tuple[str, str], list[tuple[str, int | None]]] = field(default_factory=dict)
    # The batch's rows read (and locked) at once by ``prefetch_rows``: each is
    # used by the first op on it only; later ops read the row again.
    rows: dict[tuple[str, str], Row[Any] | None] = field(default_factory=dict)
    # The rep's protected customers its batch's new activities name, read and
    # locked at once (``prefetch_follow_ups``), and the follow-ups found for
    # them: customer id -> the latest activity time, capped at the registry's
    # now; written once per customer at the end of the batch (``apply_follow_ups``).
    protected: dict[str, Row[Any]] = field(default_factory=dict)
    follow_ups: dict[str, datetime] = field(default_factory=dict)

    @property
    def admin(self) -> bool:
        return self.user.role == "admin"


@dataclass(frozen=True)
class Outcome:
    status: str  # applied, conflict
    version: int | None
    conflicts: list[FieldConflict] = field(default_factory=list)


def _locked(ctx: Context, table: Table, row_id: str) -> Row[Any] | None:
    key = (table.name, row_id)
    if key in ctx.rows:
        return ctx.rows.pop(key)
    return ctx.conn.execute(select(table).where(table.c.id == row_id).with_for_update()).first()


_TABLES = {
    "customer": customers, "contact": customer_contacts, "activity": customer_activities,
    **dict.fromkeys(ENTITIES, synced_records),
}


def prefetch_rows(ctx: Context, ops: list[Op]) -> None:
    """Read and lock at once the rows *ops* write (in id order)."""
    wanted: dict[str, set[str]] = {}
    for op in ops:
        wanted.setdefault(op.entity, set()).add(op.entity_id)
    for entity, ids in wanted.items():
        table = _TABLES[entity]
        found = {
            row.id: row
            for row in ctx.conn.execute(
                select(table)
                .where(table.c.id.in_(sorted(ids)))
                .order_by(table.c.id)
                .with_for_update()
            )
        }
        ctx.rows.update(((table.name, i), found.get(i)) for i in ids)


def _may_write_customer(ctx: Context, row: Row[Any] | None) -> bool:
    return row is not None and (ctx.admin or row.owner_id == ctx.user.id)


def own_record(ctx: Context, table: Table, row: Row[Any]) -> bool:
    """May a create op of the user upsert into the existing *row*?  Only into
    a record of the user's own making: a customer the rep owns (its desk's
    create, or the customer its registration stored first), an
    administrator's unregistered customer (the only ones an administrator's
    desk creates); a contact or an activity the user wrote."""
    if table is customers:
        if ctx.admin:
            return row.owner_id is None and row.status == "unregistered"
        return bool(row.owner_id == ctx.user.id)
    return bool(row.user_id == ctx.user.id)


def _record_conflicts(ctx: Context, op: Op, conflicts: list[FieldConflict]) -> None:
    if conflicts:
        ctx.conn.execute(
            insert(sync_conflicts),
            [
                {
                    "entity": op.entity,
                    "entity_id": op.entity_id,
                    "field": c.field,
                    "registry_value": c.registry_value,
                    "desk_value": c.desk_value,
                    "op_id": op.op_id,
                    "user_id": ctx.user.id,
                    "created_at": ctx.now,
                }
                for c in conflicts
            ],
        )


def _finish(
    ctx: Context,
    op: Op,
    table: Table,
    row: Row[Any],
    result: Merge,
    values: dict[str, Any],
) -> Outcome:
    """Write *values* (the merged changes as columns) and the field versions."""
    _record_conflicts(ctx, op, result.conflicts)
    status = "conflict" if result.conflicts else "applied"
    if not result.changes:
        return Outcome(status, int(row.change_number), result.conflicts)
    number = ctx.numbers.take(table, row.id)
    ctx.conn.execute(
        update(table)
        .where(table.c.id == row.id)
        .values(
            **values,
            change_number=number,
            field_versions=stamped(row.field_versions or {}, result.changes, number, ctx.writer),
        )
    )
    return Outcome(status, number, result.conflicts)


def _tombstone(ctx: Context, table: Table, row: Row[Any]) -> Outcome:
    if row.deleted:
        return Outcome("applied", int(row.change_number))
    values: dict[str, Any] = {"deleted": True}
    if "updated_at" in table.c:
        values["updated_at"] = ctx.now
    values["change_number"] = number = ctx.numbers.take(table, row.id)
    ctx.conn.execute(update(table).where(table.c.id == row.id).values(**values))
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
        terms = [t for t in (("k", key), ("u", uscc)) if t[1]]
        if all(t in ctx.holders_known for t in terms):
            owners = [
                owner for t in terms for cid, owner in ctx.holders.get(t, ()) if cid != customer_id
            ]
        else:
            owners = [h.owner_id for h in slot_holders(ctx.conn, uscc, key, exclude_id=customer_id)]
        if any(owner != ctx.user.id for owner in owners):
            raise Rejected("protected_by_other", HELD_TEXT)
    return key


def prefetch_holders(ctx: Context, ops: list[Op]) -> None:
    """Read at once the active customers holding the companies that *ops*
    create (what ``slot_holders`` would find for each)."""
    if ctx.admin:
        return
    terms: set[tuple[str, str]] = set()
    for op in ops:
        if op.entity == "customer" and op.op == "create" and "name" in op.fields:
            terms.add(("k", normalize_company_name(op.fields["name"])))
            terms.add(("u", op.fields.get("uscc", "")))
    terms = {t for t in terms if t[1]}
    keys = sorted(v for kind, v in terms if kind == "k")
    codes = sorted(v for kind, v in terms if kind == "u")
    if not terms:
        return
    match = []
    if keys:
        match.append(customers.c.name_key.in_(keys))
    if codes:
        match.append(customers.c.uscc.in_(codes))
    rows = ctx.conn.execute(
        select(customers.c.id, customers.c.name_key, customers.c.uscc, customers.c.owner_id).where(
            HOLDS_SLOT, or_(*match)
        )
    )
    for row in rows:
        for term in (("k", row.name_key), ("u", row.uscc)):
            if term in terms:
                ctx.holders.setdefault(term, []).append((row.id, row.owner_id))
    ctx.holders_known.update(terms)


def apply_customer(ctx: Context, op: Op) -> Outcome:
    ctx.parents.clear()
    row = _locked(ctx, customers, op.entity_id)
    if row is None and op.op == "create":
        return _create_customer(ctx, op)
    if not _may_write_customer(ctx, row):
        raise Rejected(
            "id_in_use" if op.op == "create" else "not_found", NO_CUSTOMER_TEXT
        )
    assert row is not None
    if op.op == "create" and not own_record(ctx, customers, row):
        raise Rejected("id_in_use", ID_IN_USE_TEXT)
    if op.op == "delete":
        if row.status in ACTIVE_STATUSES and not row.deleted:
            raise Rejected(
                "registered_customer", REGISTERED_TEXT
            )
        return _tombstone(ctx, customers, row)
    if row.deleted:
        raise Rejected("deleted", DELETED_TEXT)
    current = customer_values(row)
    result = merge(current, row.field_versions or {}, op.fields, op.base_version, ctx.own)
    values: dict[str, Any] = {"updated_at": ctx.now}
    if "name" in result.changes or "uscc" in result.changes:
        name = result.changes.get("name", row.name)
        uscc = result.changes.get("uscc", row.uscc)
        key = normalize_company_name(name)
        if row.status in ACTIVE_STATUSES and (key != row.name_key or uscc != row.uscc):
            raise Rejected("identity_locked", IDENTITY_TEXT)
        key = _check_company(ctx, name, uscc, row.id)
        values.update(name=name, uscc=uscc, name_key=key)
        if row.id in ctx.grams:  # created in this batch: its grams are not written yet
            ctx.grams[row.id] = key
        elif key != row.name_key:
            index_name(ctx.conn, row.id, key, old_key=row.name_key)
    others = {k: v for k, v in result.changes.items() if k not in COLUMN_FIELDS}
    if others:
        values["fields"] = {**(row.fields or {}), **others}
    return _finish(ctx, op, customers, row, result, values)


def _create_customer(ctx: Context, op: Op) -> Outcome:
    name = op.fields["name"]
    uscc = op.fields.get("uscc", "")
    key = _check_company(ctx, name, uscc, op.entity_id)
    number = ctx.numbers.take(customers, op.entity_id)
    row = _new_customer(ctx, op, key, number)
    if op.entity_id in ctx.alone:
        ctx.numbers.defer(customers, [row])
    else:
        ctx.conn.execute(_INSERT_CUSTOMER, row)
    # A new customer has no prefilter rows yet; ``write_grams`` writes them.
    ctx.grams[op.entity_id] = key
    return Outcome("applied", number)


def _new_customer(ctx: Context, op: Op, key: str, number: int) -> dict[str, Any]:
    return {
        "id": op.entity_id,
        "name": op.fields["name"],
        "name_key": key,
        "uscc": op.fields.get("uscc", ""),
        "fields": {k: v for k, v in op.fields.items() if k not in COLUMN_FIELDS},
        "owner_id": None if ctx.admin else ctx.user.id,
        "status": "unregistered",
        "created_at": ctx.now,
        "updated_at": ctx.now,
        "deleted": False,
        "change_number": number,
        "field_versions": stamped({}, op.fields, number, ctx.writer),
    }


def creates_new_customer(ctx: Context, op: Op) -> bool:
    """Is *op* a customer create whose row the batch found absent (and no op
    of the batch has looked at since)?"""
    return (
        op.entity == "customer"
        and op.op == "create"
        and ((customers.name, op.entity_id) in ctx.rows)
        and ctx.rows[(customers.name, op.entity_id)] is None
    )


def create_customers(ctx: Context, ops: list[Op]) -> list[Outcome | Rejected] | None:
    """Apply a run of creates of new, distinct customers (``creates_new_customer``)
    with one insert in one savepoint, or held back to the end of the batch if no
    other op names them: each op's outcome, or its rejection (decided before
    anything is written).  ``None`` (nothing written, no number taken) if the
    insert failed, e.g. a concurrent worker created one of them: then apply
    them one by one."""
    ctx.parents.clear()
    mark = ctx.numbers.mark()
    out: list[Outcome | Rejected] = []
    rows = []
    for op in ops:
        ctx.rows.pop((customers.name, op.entity_id), None)
        try:
            key = _check_company(ctx, op.fields["name"], op.fields.get("uscc", ""), op.entity_id)
        except Rejected as exc:
            out.append(exc)
            continue
        number = ctx.numbers.take(customers, op.entity_id)
        rows.append(_new_customer(ctx, op, key, number))
        out.append(Outcome("applied", number))
    if rows and all(row["id"] in ctx.alone for row in rows):
        ctx.numbers.defer(customers, rows)
    elif rows:
        try:
            with ctx.conn.begin_nested():
                ctx.conn.execute(_INSERT_CUSTOMER, rows)
        except IntegrityError:
            ctx.numbers.reset(mark)
            return None
    ctx.grams.update((row["id"], row["name_key"]) for row in rows)
    return out


def write_grams(ctx: Context) -> None:
    """Write the prefilter rows of the customers created in this batch."""
    rows = [row for cid, key in ctx.grams.items() for row in gram_rows(cid, key)]
    ctx.grams.clear()
    if not rows:
        return
    try:
        with ctx.conn.begin_nested():
            insert_grams(ctx.conn, rows)
    except IntegrityError as exc:  # a customer held back was written meanwhile
        raise RowTaken(str(exc.orig)) from exc


_INSERT_CUSTOMER = insert(customers)


# -- contacts and activities -------------------------------------------------


def _parent(ctx: Context, customer_id: str | None) -> Row[Any]:
    row = None
    if customer_id is not None:
        if customer_id in ctx.parents:
            row = ctx.parents[customer_id]
        else:
            row = ctx.conn.execute(select(customers).where(customers.c.id == customer_id)).first()
            ctx.parents[customer_id] = row
    if not _may_write_customer(ctx, row) or row is None or row.deleted:
        raise Rejected("customer_not_found", NO_CUSTOMER_TEXT)
    return row


def activity_values(row: Row[Any]) -> dict[str, Any]:
    out = {name: getattr(row, name) for name in ACTIVITY_FIELDS}
    out["occurred_at"] = row.occurred_at.isoformat()
    return out


def apply_child(ctx: Context, op: Op) -> Outcome:
    """A contact or an activity (append-only: the desk's edits never conflict)."""
    table = customer_contacts if op.entity == "contact" else customer_activities
    row = _locked(ctx, table, op.entity_id)
    if row is None and op.op == "create":
        _parent(ctx, op.parent_id)
        outcome = _create_child(ctx, op, table)
        if table is customer_activities and op.parent_id is not None:
            _note_follow_up(ctx, op.parent_id, op)
        return outcome
    if row is None:
        raise Rejected("not_found", f"No such {op.entity} of yours")
    try:
        _parent(ctx, row.customer_id)
    except Rejected:
        raise Rejected(
            "id_in_use" if op.op == "create" else "not_found", f"No such {op.entity} of yours"
        ) from None
    if op.op == "create" and not own_record(ctx, table, row):
        raise Rejected("id_in_use", f"This id belongs to another {op.entity}")
    if op.parent_id is not None and op.parent_id != row.customer_id:
        raise Rejected(
            "immutable_field",
            f"An {op.entity} cannot move to another customer",
            field="customer_id",
        )
    if table is customer_activities and not ctx.admin and row.user_id != ctx.user.id:
        raise Rejected("registry_owned_record", REGISTRY_ACTIVITY_TEXT)
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
    result = merge(activity_values(row), {}, op.fields, op.base_version, ctx.own, append_only=True)
    if not result.changes:
        return Outcome("applied", int(row.change_number))
    values = _activity_columns(result.changes)
    values["change_number"] = number = ctx.numbers.take(table, row.id)
    ctx.conn.execute(update(table).where(table.c.id == row.id).values(**values))
    return Outcome("applied", number)


def _activity_columns(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    if out.get("occurred_at") is not None:
        out["occurred_at"] = datetime.fromisoformat(out["occurred_at"])
    return out


def _create_child(ctx: Context, op: Op, table: Table) -> Outcome:
    number = ctx.numbers.take(table, op.entity_id)
    row: dict[str, Any]
    if table is customer_contacts:
        row = {
            "id": op.entity_id,
            "customer_id": op.parent_id,
            "fields": op.fields,
            "field_versions": stamped({}, op.fields, number, ctx.writer),
            "deleted": False,
            "user_id": ctx.user.id,
            "created_at": ctx.now,
            "updated_at": ctx.now,
            "change_number": number,
        }
    else:
        row = {name: spec.default for name, spec in ACTIVITY_FIELDS.items()}
        row.update(_activity_columns(op.fields))
        row.update(
            id=op.entity_id,
            customer_id=op.parent_id,
            user_id=ctx.user.id,
            created_at=ctx.now,
            deleted=False,
            change_number=number,
        )
    if op.entity_id in ctx.alone:
        ctx.numbers.defer(table, [row])
    else:
        ctx.conn.execute(_INSERT_CHILD[table.name], row)
    return Outcome("applied", number)


_INSERT_CHILD = {table.name: insert(table) for table in (customer_contacts, customer_activities)}


# -- follow-ups ----------------------------------------------------------------

# Activity kinds that count as a rep's follow-up (not the registry's call-back).
FOLLOW_UP_KINDS = frozenset({"visit", "call", "email", "meeting", "other"})
_PROTECTION_COLUMNS: tuple[Any, ...] = (
    customers.c.id,
    customers.c.protected_since,
    customers.c.protected_until,
    customers.c.last_follow_up_at,
    customers.c.release_due_at,
)


def prefetch_follow_ups(ctx: Context, ops: list[Op]) -> None:
    """Read and lock at once (like every row the batch writes, before it
    takes the change counter's lock at its end) the rep's protected customers
    that the batch's new activities may follow up; nothing else can change
    their protection until the batch commits."""
    if ctx.user.role != "rep":
        return
    ids = sorted(
        {
            op.parent_id
            for op in ops
            if op.entity == "activity"
            and op.op == "create"
            and op.parent_id is not None
            and op.fields.get("kind") in FOLLOW_UP_KINDS
        }
    )
    if not ids:
        return
    rows = ctx.conn.execute(
        select(*_PROTECTION_COLUMNS)
        .where(
            customers.c.id.in_(ids),
            customers.c.status == "protected",
            customers.c.owner_id == ctx.user.id,
            customers.c.protected_since.is_not(None),
            customers.c.protected_until.is_not(None),
        )
        .order_by(customers.c.id)
        .with_for_update()
    )
    ctx.protected.update((row.id, row) for row in rows)


def _note_follow_up(ctx: Context, customer_id: str, op: Op) -> None:
    """Remember a new activity on one of the rep's protected customers as a
    follow-up; ``apply_follow_ups`` writes it at the end of the batch.  Its time
    is the desk's, but never later than the registry's now."""
    if customer_id not in ctx.protected or op.fields.get("kind") not in FOLLOW_UP_KINDS:
        return
    at = min(datetime.fromisoformat(op.fields["occurred_at"]), ctx.now)
    known = ctx.follow_ups.get(customer_id)
    if known is None or at > known:
        ctx.follow_ups[customer_id] = at


def apply_follow_ups(ctx: Context) -> None:
    """Extend the protection of the customers followed up in this batch: at
    most one UPDATE each, stamped with the batch's change numbers so that the
    owner's desk pulls the new dates."""
    if not ctx.follow_ups:
        return
    policy = load_policy(ctx.conn)
    for customer_id, at in sorted(ctx.follow_ups.items()):
        row = ctx.protected[customer_id]
        changes = extend_by_follow_up(
            policy,
            row.protected_since,
            row.protected_until,
            row.last_follow_up_at,
            row.release_due_at,
            at,
        )
        if changes is None:
            continue
        number = ctx.numbers.take(customers, customer_id)
        ctx.conn.execute(
            update(customers)
            .where(customers.c.id == customer_id)
            .values(
                **changes,
                updated_at=ctx.now,
                change_number=number,
            )
        )
    ctx.follow_ups.clear()


def apply_op(ctx: Context, op: Op) -> Outcome:
    if op.entity == "customer":
        return apply_customer(ctx, op)
    if op.entity in ENTITIES:
        from erpdesk.registry.sync.records import apply_record  # it builds on this module

        return apply_record(ctx, op)
    return apply_child(ctx, op)
