"""Removing from the desk what its user may no longer see.

The registry's pull sends ``{"visible": false}`` for a customer or a deal
that left the user's view (a re-allocation, a release to the pool, a deal
team the user was taken off: a *revocation*), and a desk whose cursor is
too old for the registry's log pulls everything again from the start (a
*resync*), after which the synced rows that did not come back have left its
view too.  Either way the desk removes the record and everything that hangs
on it, found through the parent keys (a customer's contacts, activities,
deals, worksheets, quotes and proposals; a deal's stage history; a quote's
approvals) and through the deal a worksheet, quote or proposal names (the
registry shows those to whoever sees the deal).  *children* maps a table to
the (table, column) of the rows that belong to its rows (the sync layer
builds it from its table of entities).

Removed means tombstoned, as a local delete is: the rows leave every list,
board, search and count at once, and a later grant (put back on the team)
brings them back by pull.  Nothing the user typed is dropped silently: the
values of the ops still waiting in the outbox for a removed row (the engine
pushed them first, and the registry refused them: the record is not the
user's any more) become conflict records (the desk's value, no registry
value), one per field, and the ops leave the outbox with their refusals.
The record is noted under ``revoked.<entity>.<id>``, so that the conflict
review tells why: it was taken out of the user's view.  All of it happens
in the caller's transaction (the pulled page's, with its cursor).

Resync: ``begin_resync`` notes every synced row (``resync.<table>.<id>``:
it has a server version and is not deleted) and sets the cursor back to
0; each page's rows are struck off (``mark_seen``) before the page is
applied; ``finish_resync``, after the last page, removes what is left.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from erpdesk.storage.deal_repositories import refresh_deal_facts
from erpdesk.storage.schema import conflict, meta, metadata, outbox
from erpdesk.storage.sync_store import (
    CURSOR,
    DEFERRED,
    DEFERRED_END,
    FAILED,
    DeferredRow,
    PageResult,
    Pulled,
)

REVOKED = "revoked."  # + "<entity>.<id>": a record taken out of view with typed values
REVOKED_END = "revoked/"
RESYNC = "resync."  # + "<table>.<id>": a synced row a full pull has not sent again yet
RESYNC_END = "resync/"
RESYNC_FLAG = "sync.resync"  # a full pull is under way
CHUNK = 500

Children = Mapping[str, Sequence[tuple[str, str]]]


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def _range(first: str, end: str) -> Any:
    # A range on the primary key (``startswith`` is a LIKE: a full scan).
    return (meta.c.key >= first) & (meta.c.key < end)


# -- a pulled page ------------------------------------------------------------


def remove_revoked(
    s: Session, rows: Sequence[Pulled], children: Children, now: str, result: PageResult
) -> list[Pulled]:
    """Remove the records *rows* revoke (and theirs); the rows left to apply.

    The registry sends only rows visible at the time of the pull, so a row
    of the page that is also revoked in it (taken off a team and put back)
    is applied after the removal and stays, with its waiting ops."""
    revoked = [row for row in rows if not row.visible]
    if not revoked:
        return list(rows)
    shown = {row.id for row in rows if row.visible}
    targets: dict[str, set[str]] = {}
    for row in revoked:
        targets.setdefault(row.table, set()).add(row.id)
    removed = remove(s, targets, children, now, spare=shown)
    result.dropped += sum(len(ids) for ids in removed.values())
    for table, ids in removed.items():
        if ids:
            result.touched.setdefault(table, set()).update(ids)  # a table is named as its entity
    return [row for row in rows if row.visible]


def remove(
    s: Session, targets: Mapping[str, set[str]], children: Children, now: str,
    spare: AbstractSet[str] = frozenset(),
) -> dict[str, set[str]]:
    """Tombstone the rows *targets* names (table -> ids) and everything under
    them; keep the values of their waiting ops (but those of *spare*) as
    conflict records; forget the pulled rows waiting for them.  Returns the
    rows tombstoned now (table -> ids)."""
    found = _with_descendants(s, targets, children)
    everything = {row_id for ids in found.values() for row_id in ids}
    _keep_typed_values(s, everything - spare, now)
    removed: dict[str, set[str]] = {}
    for table_name, ids in found.items():
        live = sorted(row_id for row_id, deleted in ids.items() if not deleted)
        table = metadata.tables[table_name]
        for chunk in _chunks(live):
            s.execute(
                update(table).where(table.c.id.in_(chunk)).values(deleted=True, updated_at=now)
            )
        removed[table_name] = set(live)
    # The forecast's stage facts of a removed deal go with its history.
    refresh_deal_facts(s, removed.get("deal", set()))
    gone = {(name, row_id) for name, ids in found.items() for row_id in ids}
    gone |= {(name, row_id) for name, ids in targets.items() for row_id in ids}
    _forget_deferred(s, gone, children)
    return removed


def _with_descendants(
    s: Session, targets: Mapping[str, set[str]], children: Children
) -> dict[str, dict[str, bool]]:
    """table -> {id: deleted} of the *targets* on the desk and of every row
    under them."""
    found: dict[str, dict[str, bool]] = {}
    todo: list[tuple[str, str, list[str]]] = [
        (name, "id", sorted(ids)) for name, ids in targets.items() if ids
    ]
    while todo:
        name, column, keys = todo.pop()
        table = metadata.tables[name]
        new: list[str] = []
        for chunk in _chunks(keys):
            for row_id, deleted in s.execute(
                select(table.c.id, table.c.deleted).where(table.c[column].in_(chunk))
            ):
                if str(row_id) not in found.setdefault(name, {}):
                    found[name][str(row_id)] = bool(deleted)
                    new.append(str(row_id))
        if new:
            todo.extend((child, key, new) for child, key in children.get(name, ()))
    return found


def _keep_typed_values(s: Session, ids: set[str], now: str) -> None:
    """The ops waiting for *ids* become conflict records (one per field the
    user set, the latest value; a create's empty fields and the parent keys
    are left out; a delete forgets the record's values) and leave the
    outbox, with their refusals."""
    if not ids:
        return
    ops: list[Any] = []
    for chunk in _chunks(sorted(ids)):
        ops.extend(s.execute(select(outbox).where(outbox.c.entity_id.in_(chunk))).mappings())
    if not ops:
        return
    typed: dict[tuple[str, str], dict[str, Any]] = {}
    for op in sorted(ops, key=lambda o: int(o["seq"])):
        key = (str(op["entity"]), str(op["entity_id"]))
        if op["op"] == "delete":
            typed.pop(key, None)
            continue
        for name, value in json.loads(op["fields"]).items():
            if name.endswith("_id") or (op["op"] == "create" and value in (None, "", [], {})):
                continue
            typed.setdefault(key, {})[name] = value
    for (entity, entity_id), values in typed.items():
        for name, value in values.items():
            local = json.dumps(value, ensure_ascii=False, sort_keys=True)
            same = s.execute(select(conflict.c.id).where(
                conflict.c.entity == entity, conflict.c.entity_id == entity_id,
                conflict.c.field == name, conflict.c.resolved_at.is_(None),
                conflict.c.local_value == local, conflict.c.remote_value.is_(None),
            )).first()
            if same is None:
                s.execute(insert(conflict).values(
                    id=str(uuid.uuid4()), entity=entity, entity_id=entity_id, field=name,
                    local_value=local, remote_value=None, created_at=now,
                ))
        _put(s, f"{REVOKED}{entity}.{entity_id}", json.dumps({"at": now}))
    op_ids = [str(op["op_id"]) for op in ops]
    for chunk in _chunks(op_ids):
        s.execute(delete(outbox).where(outbox.c.op_id.in_(chunk)))
        s.execute(delete(meta).where(meta.c.key.in_([FAILED + op_id for op_id in chunk])))


def _put(s: Session, key: str, value: str) -> None:
    from sqlalchemy.dialects.sqlite import insert as upsert

    stmt = upsert(meta).values(key=key, value=value)
    s.execute(stmt.on_conflict_do_update(index_elements=[meta.c.key], set_={"value": value}))


def _forget_deferred(s: Session, gone: set[tuple[str, str]], children: Children) -> None:
    """Pulled rows kept for a parent (``sync_store``'s deferred rows) that
    are gone, or hang on one that is (a parent key, or the deal they name),
    are dropped: their parent will not come."""
    waiting: list[DeferredRow] = []
    for (text,) in s.execute(select(meta.c.value).where(_range(DEFERRED, DEFERRED_END))):
        try:
            waiting.append(DeferredRow.load(str(text)))
        except (TypeError, ValueError):
            continue
    owners: dict[str, list[tuple[str, str]]] = {}  # table -> [(parent table, column)]
    for parent, kids in children.items():
        for child, column in kids:
            owners.setdefault(child, []).append((parent, column))
    keys: list[str] = []
    changed = bool(waiting)
    while changed:  # a deferred stage change of a deferred deal of a gone customer ...
        changed = False
        for row in list(waiting):
            mine = {
                (parent, str(row.values[column])) for parent, column in owners.get(row.table, ())
                if row.values.get(column) is not None
            }
            if (row.table, row.id) in gone or mine & gone:
                gone.add((row.table, row.id))
                keys.append(row.key)
                waiting.remove(row)
                changed = True
    for chunk in _chunks(keys):
        s.execute(delete(meta).where(meta.c.key.in_(chunk)))


def revoked_records(s: Session) -> set[tuple[str, str]]:
    """(entity, id) of the records taken out of this desk's view whose typed
    values wait as conflict records (for the conflict review)."""
    found: set[tuple[str, str]] = set()
    for (key,) in s.execute(select(meta.c.key).where(_range(REVOKED, REVOKED_END))):
        entity, _, row_id = str(key)[len(REVOKED):].partition(".")
        found.add((entity, row_id))
    return found


# -- a full pull ----------------------------------------------------------------


def begin_resync(s: Session, tables: Iterable[str]) -> int:
    """Start pulling everything again: note every synced row of *tables*
    and set the cursor back to 0; how many rows were noted."""
    s.execute(delete(meta).where(_range(RESYNC, RESYNC_END)))
    noted = 0
    for name in tables:
        table = metadata.tables[name]
        ids = [str(i) for (i,) in s.execute(select(table.c.id).where(
            table.c.server_version.is_not(None), table.c.deleted.is_(False)
        ))]
        for chunk in _chunks(ids):
            s.connection().execute(
                insert(meta), [{"key": f"{RESYNC}{name}.{i}", "value": ""} for i in chunk]
            )
        noted += len(ids)
    s.execute(delete(meta).where(meta.c.key == CURSOR))
    _put(s, RESYNC_FLAG, "1")
    return noted


def mark_seen(s: Session, rows: Sequence[Pulled]) -> None:
    """Strike the rows of a page of the full pull off the notes (before the
    page is applied: a page applied twice is harmless, a row wrongly
    removed is not)."""
    keys = [f"{RESYNC}{row.table}.{row.id}" for row in rows]
    for chunk in _chunks(keys):
        s.execute(delete(meta).where(meta.c.key.in_(chunk)))


def finish_resync(s: Session, children: Children, now: str) -> dict[str, set[str]]:
    """After the last page of the full pull: remove the rows it did not send
    again (they left the user's view); the rows removed (table -> ids)."""
    targets: dict[str, set[str]] = {}
    for (key,) in s.execute(select(meta.c.key).where(_range(RESYNC, RESYNC_END))):
        name, _, row_id = str(key)[len(RESYNC):].partition(".")
        if name in metadata.tables:
            targets.setdefault(name, set()).add(row_id)
    removed = remove(s, targets, children, now) if targets else {}
    s.execute(delete(meta).where(_range(RESYNC, RESYNC_END)))
    s.execute(delete(meta).where(meta.c.key == RESYNC_FLAG))
    return removed
