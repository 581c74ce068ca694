"""What the sync engine reads and writes in the desk database.

Outbox pages in ``seq`` order, acknowledging ops (an acknowledged op leaves
the outbox in the same transaction that stores its ``server_version`` and
its conflict records), ops the registry refused (kept in the outbox, their
reason in ``meta``), the sync state in ``meta`` (keys ``sync.*``) and
pulled pages, each applied with its cursor in one transaction, never
overwriting a field whose own change still waits in the outbox.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from sqlalchemy import DefaultClause, Table, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from erpdesk.domain.customer import utcnow
from erpdesk.storage.database import DeskDatabase, translated_errors
from erpdesk.storage.deal_repositories import refresh_deal_facts
from erpdesk.storage.mapping import contact_from_row, customer_from_row, to_text
from erpdesk.storage.outbox import OutboxOp
from erpdesk.storage.pulled_derived import Derivations, default_playbook
from erpdesk.storage.repositories import derived_columns
from erpdesk.storage.schema import conflict, contact, customer, meta, metadata, outbox

if TYPE_CHECKING:
    from sqlalchemy.engine import CursorResult

    from erpdesk.domain.playbook import Playbook

log = logging.getLogger(__name__)
T = TypeVar("T")

PREFIX = "sync."
FAILED = "sync.failed."
CURSOR = "sync.cursor"
DEFERRED = "sync.deferred."  # + "<entity>.<id>": a pulled row waiting for its parent
DEFERRED_END = "sync.deferred/"  # the first key after them ("/" follows ".")
# Tables whose pulled rows change what the board shows of their deal (its
# history, a worksheet's score, "has a quote"): their deals are published too.
DEAL_FIGURES = ("stage_change", "worksheet", "quote")


class Pulled(Protocol):
    """A pulled change as ``sync.apply.PulledRow`` gives it."""

    @property
    def table(self) -> str: ...
    @property
    def id(self) -> str: ...
    @property
    def version(self) -> int: ...
    @property
    def deleted(self) -> bool: ...
    @property
    def visible(self) -> bool: ...
    @property
    def values(self) -> Mapping[str, Any]: ...
    @property
    def fields(self) -> Mapping[str, str]: ...
    @property
    def entity_name(self) -> str: ...
    @property
    def parent_key(self) -> str | None: ...
    @property
    def parent_table(self) -> str | None: ...
    @property
    def refs(self) -> Mapping[str, str]: ...


@dataclass(frozen=True)
class Ack:
    """An op the registry took (applied, duplicate or conflict)."""

    op_id: str
    table: str | None
    entity_id: str
    server_version: int | None


@dataclass(frozen=True)
class ConflictRecord:
    entity: str
    entity_id: str
    field: str
    local_value: Any
    remote_value: Any


@dataclass(frozen=True)
class Failure:
    """An op the registry refused: it stays in the outbox."""

    op_id: str
    seq: int
    entity: str
    entity_id: str
    reason: str
    message: str


@dataclass
class PageResult:
    applied: int = 0
    kept_fields: int = 0  # pulled fields not written: their own change waits in the outbox
    skipped: int = 0  # changes that could not be stored (no parent, missing columns)
    dropped: int = 0  # rows the user lost (not visible any more)
    deferred: int = 0  # rows waiting for their parent after this page (all pages)
    touched: dict[str, set[str]] = field(default_factory=dict)  # entity -> ids


def _table(name: str) -> Table:
    return metadata.tables[name]


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


class SyncStore:
    """The engine's access to one desk database; each method is one
    transaction.  *playbook* returns the playbook a pulled worksheet is
    scored by (default: the one ``DealService`` reads)."""

    def __init__(
        self, db: DeskDatabase, clock: Callable[[], datetime] = utcnow,
        *, playbook: Callable[[], Playbook] = default_playbook,
    ) -> None:
        self._db = db
        self._clock = clock
        self._playbook = playbook

    @property
    def path(self) -> str:
        return str(self._db.path)

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        self._db.verify()
        with (
            translated_errors(self._db.path),
            self._db.sessions() as session,
            session.begin(),
        ):
            yield session

    # -- meta ---------------------------------------------------------------

    def state(self) -> dict[str, str]:
        """Every ``sync.*`` key but the failures and the deferred rows, and
        ``device_id``."""
        with self._transaction() as s:
            rows = s.execute(
                select(meta.c.key, meta.c.value).where(
                    (meta.c.key.startswith(PREFIX) & ~meta.c.key.startswith(FAILED)
                     & ~_deferred_keys())
                    | (meta.c.key == "device_id")
                )
            )
            return {str(k): str(v) for k, v in rows}

    def set_state(self, values: Mapping[str, str | None]) -> None:
        """Set (or, for None, remove) ``sync.*`` keys in one transaction."""
        with self._transaction() as s:
            self._set(s, values)

    @staticmethod
    def _set(s: Session, values: Mapping[str, str | None]) -> None:
        from sqlalchemy.dialects.sqlite import insert as upsert

        for key, value in values.items():
            if not key.startswith(PREFIX):
                raise ValueError(f"not a sync key: {key}")
            if value is None:
                s.execute(delete(meta).where(meta.c.key == key))
            else:
                stmt = upsert(meta).values(key=key, value=value)
                s.execute(stmt.on_conflict_do_update(
                    index_elements=[meta.c.key], set_={"value": value}
                ))

    def device_id(self) -> str:
        with self._transaction() as s:
            value = s.execute(select(meta.c.value).where(meta.c.key == "device_id")).scalar()
        if value is None:
            raise LookupError("the database has no device id")
        return str(value)

    def reset_for(self, server: str, user: str) -> None:
        """Sign in as *user* of *server*: a different account than the last
        one starts pulling from the beginning."""
        state = self.state()
        same = state.get("sync.server") == server and state.get("sync.user") == user
        values: dict[str, str | None] = {"sync.server": server, "sync.user": user}
        if not same:
            values.update({CURSOR: None, "sync.last_pull": None, "sync.last_error": None,
                           "sync.last_error_kind": None})
        with self._transaction() as s:
            self._set(s, values)
            if not same:  # rows of the other account's pull: it starts again
                s.execute(delete(meta).where(_deferred_keys()))

    # -- outbox -------------------------------------------------------------

    def outbox_page(self, after_seq: int, limit: int) -> list[OutboxOp]:
        with self._transaction() as s:
            stmt = (
                select(outbox).where(outbox.c.seq > after_seq).order_by(outbox.c.seq).limit(limit)
            )
            return [
                OutboxOp(**{**row, "fields": json.loads(row["fields"])})
                for row in s.execute(stmt).mappings()
            ]

    def pending_count(self) -> int:
        with self._transaction() as s:
            return int(s.execute(select(func.count()).select_from(outbox)).scalar_one())

    def failures(self) -> list[Failure]:
        """The ops the registry refused, in outbox order (still pending)."""
        with self._transaction() as s:
            rows = s.execute(select(meta.c.value).where(meta.c.key.startswith(FAILED)))
            found = [Failure(**json.loads(v)) for (v,) in rows]
        return sorted(found, key=lambda f: f.seq)

    def acknowledge(
        self, acks: Sequence[Ack], conflicts: Sequence[ConflictRecord],
        failures: Sequence[Failure],
    ) -> None:
        """Record one push answer in one transaction: acknowledged ops leave
        the outbox and their rows take the new ``server_version``; conflict
        records are kept (once); refused ops stay, with their reason."""
        now = to_text(self._clock())
        with self._transaction() as s:
            # A statement per chunk or per table (executemany), not per op:
            # a 500-op answer took ~1 s as three statements per op.
            op_ids = [ack.op_id for ack in acks]
            for start in range(0, len(op_ids), 500):
                chunk = op_ids[start:start + 500]
                s.execute(delete(outbox).where(outbox.c.op_id.in_(chunk)))
                s.execute(delete(meta).where(meta.c.key.in_([FAILED + i for i in chunk])))
            versions: dict[str, list[dict[str, Any]]] = {}
            for ack in acks:
                if ack.table is not None and ack.server_version is not None:
                    versions.setdefault(ack.table, []).append(
                        {"row_id": ack.entity_id, "new_version": ack.server_version}
                    )
            for table_name, params in versions.items():
                table = _table(table_name)
                s.connection().execute(
                    update(table)
                    .where(table.c.id == bindparam("row_id"))
                    .where(  # not "version": a quote has a column of that name
                        table.c.server_version.is_(None)
                        | (table.c.server_version < bindparam("new_version"))
                    )
                    .values(server_version=bindparam("new_version")),
                    params,
                )
            for record in conflicts:
                local, remote = _dump(record.local_value), _dump(record.remote_value)
                same = s.execute(select(conflict.c.id).where(
                    conflict.c.entity == record.entity, conflict.c.entity_id == record.entity_id,
                    conflict.c.field == record.field, conflict.c.resolved_at.is_(None),
                    conflict.c.local_value.is_not_distinct_from(local),
                    conflict.c.remote_value.is_not_distinct_from(remote),
                )).first()
                if same is None:
                    s.execute(insert(conflict).values(
                        id=str(uuid.uuid4()), entity=record.entity, entity_id=record.entity_id,
                        field=record.field, local_value=local, remote_value=remote,
                        created_at=now,
                    ))
            self._set(s, {
                FAILED + f.op_id: json.dumps(f.__dict__, ensure_ascii=False) for f in failures
            })

    # -- conflicts ----------------------------------------------------------

    def open_conflicts(self) -> list[dict[str, Any]]:
        """Unresolved conflict records, oldest first (values decoded)."""
        with self._transaction() as s:
            rows = s.execute(
                select(conflict).where(conflict.c.resolved_at.is_(None))
                .order_by(conflict.c.created_at)
            ).mappings().all()
        return [
            {**row, "local_value": _load(row["local_value"]),
             "remote_value": _load(row["remote_value"])}
            for row in rows
        ]

    def conflict(self, conflict_id: str) -> dict[str, Any] | None:
        """One conflict record (values decoded), resolved or not."""
        with self._transaction() as s:
            row = s.execute(select(conflict).where(conflict.c.id == conflict_id)).mappings().first()
        if row is None:
            return None
        return {**row, "local_value": _load(row["local_value"]),
                "remote_value": _load(row["remote_value"])}

    def resolve_conflict(self, conflict_id: str) -> bool:
        """Mark an open conflict record resolved; False when it was not open
        (unknown, or resolved already)."""
        with self._transaction() as s:
            done = s.execute(
                update(conflict)
                .where(conflict.c.id == conflict_id, conflict.c.resolved_at.is_(None))
                .values(resolved_at=to_text(self._clock()))
            )
            return bool(cast("CursorResult[Any]", done).rowcount)

    def record_subject(self, table_name: str, row_id: str) -> dict[str, Any] | None:
        """The columns of the synced row *row_id* of *table_name* (for the
        conflict review: its name, its customer, whether it is deleted), or
        None when the desk does not have it."""
        if table_name not in metadata.tables:
            return None
        table = _table(table_name)
        with self._transaction() as s:
            row = s.execute(select(table).where(table.c.id == row_id)).mappings().first()
        return dict(row) if row is not None else None

    def open_conflict_count(self) -> int:
        with self._transaction() as s:
            return int(s.execute(
                select(func.count()).select_from(conflict).where(conflict.c.resolved_at.is_(None))
            ).scalar_one())

    def within(self, work: Callable[[Session], T]) -> T:
        """Run *work* (a function of ``storage.revocations``) in one
        transaction."""
        with self._transaction() as s:
            return work(s)

    # -- pull ---------------------------------------------------------------

    def deferred_count(self) -> int:
        """Pulled rows waiting for their parent (``sync.deferred.*``)."""
        with self._transaction() as s:
            return int(s.execute(
                select(func.count()).select_from(meta).where(_deferred_keys())
            ).scalar_one())

    def apply_page(
        self, rows: Sequence[Pulled], cursor: int, state: Mapping[str, str | None],
        children: Mapping[str, Sequence[tuple[str, str]]],
    ) -> PageResult:
        """Store a pulled page (parents first) and its *cursor* (with the
        other *state* keys) in one transaction.  A row whose parent is not on
        the desk is deferred (kept in ``meta``); after the page, every
        deferred row whose parent is now here is applied, repeatedly, until
        none is.  *children* maps a table to the (table, parent key) of the
        rows that belong to its rows, for dropping a row the user lost."""
        from erpdesk.storage.revocations import remove_revoked  # it builds on this module

        result = PageResult()
        with self._transaction() as s:
            # Records that left the user's view go first (storage.revocations).
            rows = remove_revoked(s, rows, children, to_text(self._clock()), result)
            deferred = _load_deferred(s)
            writer = _PageWriter(s, to_text(self._clock()), children, result, deferred,
                                 _pending(s, [*rows, *deferred.values()]),
                                 Derivations(self._playbook))
            for group in _by_table(rows):
                writer.apply(group, from_deferred=False)
            while True:
                ready = writer.ready()
                if not ready:
                    break
                for group in _by_table(ready):
                    writer.apply(group, from_deferred=True)
            writer.flush_deferred()
            _refresh_customers(s, writer.customers)
            refresh_deal_facts(s, writer.histories)
            self._set(s, {**state, CURSOR: str(cursor)})
            result.deferred = len(deferred)
        return result


@dataclass(frozen=True)
class DeferredRow:
    """A pulled row kept until its parent reaches the desk; stored as JSON
    under ``sync.deferred.<entity>.<id>`` (it satisfies ``Pulled``)."""

    entity_name: str
    table: str
    id: str
    version: int
    deleted: bool
    visible: bool
    values: Mapping[str, Any]
    fields: Mapping[str, str]
    parent_key: str | None
    parent_table: str | None
    refs: Mapping[str, str]

    @classmethod
    def of(cls, row: Pulled) -> DeferredRow:
        return cls(row.entity_name, row.table, row.id, row.version, row.deleted, row.visible,
                   dict(row.values), dict(row.fields), row.parent_key, row.parent_table,
                   dict(row.refs))

    @property
    def key(self) -> str:
        return f"{DEFERRED}{self.entity_name}.{self.id}"

    def dump(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False, sort_keys=True)

    @classmethod
    def load(cls, text: str) -> DeferredRow:
        return cls(**json.loads(text))


def _deferred_keys() -> Any:
    # A range on the primary key (``startswith`` is a LIKE: a full scan).
    return (meta.c.key >= DEFERRED) & (meta.c.key < DEFERRED_END)


def _load_deferred(s: Session) -> dict[tuple[str, str], DeferredRow]:
    found: dict[tuple[str, str], DeferredRow] = {}
    for (text,) in s.execute(select(meta.c.value).where(_deferred_keys())):
        try:
            row = DeferredRow.load(str(text))
        except (TypeError, ValueError) as exc:
            log.warning("sync: a deferred row could not be read: %s", exc)
            continue
        found[(row.entity_name, row.id)] = row
    return found


def _by_table(rows: Sequence[Pulled]) -> list[list[Pulled]]:
    """*rows* in groups of one table, keeping the order of first appearance."""
    groups: dict[str, list[Pulled]] = {}
    for row in rows:
        groups.setdefault(row.table, []).append(row)
    return list(groups.values())


def _chunks(items: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class _PageWriter:
    """Applies pulled rows table by table within one transaction: one look-up
    of the rows already here per table, one executemany for the new rows
    and one per set of changed columns for the others."""

    def __init__(
        self, s: Session, now: str, children: Mapping[str, Sequence[tuple[str, str]]],
        result: PageResult, deferred: dict[tuple[str, str], DeferredRow],
        pending: dict[tuple[str, str], set[str]], derive: Derivations,
    ) -> None:
        self.s = s
        self.now = now
        self.children = children
        self.result = result
        self.deferred = deferred
        self.pending = pending
        self.derive = derive
        self.customers: set[str] = set()  # whose derived columns to refresh
        self.histories: set[str] = set()  # deals whose stage facts to refresh
        self._put: dict[str, DeferredRow] = {}  # meta key -> row to store
        self._gone: set[str] = set()  # meta keys to remove

    # -- the deferred store (written once, at the end of the page) ----------

    def _defer(self, row: Pulled) -> None:
        kept = DeferredRow.of(row)
        self.deferred[(kept.entity_name, kept.id)] = kept
        self._put[kept.key] = kept
        self._gone.discard(kept.key)

    def _undefer(self, entity_name: str, row_id: str) -> None:
        kept = self.deferred.pop((entity_name, row_id), None)
        if kept is not None:
            self._put.pop(kept.key, None)
            self._gone.add(kept.key)

    def _forget_under(self, table_name: str, ids: set[str]) -> None:
        """Deferred rows whose parent is gone (lost, or deleted before this
        desk had it) are dropped, and theirs."""
        todo = [(table_name, ids)]
        while todo:
            name, gone = todo.pop()
            below: dict[str, set[str]] = {}
            for kept in list(self.deferred.values()):
                parent = kept.values.get(kept.parent_key) if kept.parent_key else None
                if kept.parent_table == name and parent is not None and str(parent) in gone:
                    self._undefer(kept.entity_name, kept.id)
                    below.setdefault(kept.table, set()).add(kept.id)
            todo.extend(below.items())

    def flush_deferred(self) -> None:
        if self._gone:
            for chunk in _chunks(sorted(self._gone)):
                self.s.execute(delete(meta).where(meta.c.key.in_(chunk)))
        if self._put:
            from sqlalchemy.dialects.sqlite import insert as upsert

            stmt = upsert(meta)
            self.s.connection().execute(
                stmt.on_conflict_do_update(
                    index_elements=[meta.c.key], set_={"value": stmt.excluded.value}
                ),
                [{"key": key, "value": kept.dump()} for key, kept in self._put.items()],
            )

    def ready(self) -> list[Pulled]:
        """Deferred rows whose parent is on the desk now."""
        wanted: dict[str, set[str]] = {}
        for kept in self.deferred.values():
            parent = kept.values.get(kept.parent_key) if kept.parent_key else None
            if kept.parent_table and parent is not None:
                wanted.setdefault(kept.parent_table, set()).add(str(parent))
        here = {name: _present(self.s, name, ids) for name, ids in wanted.items()}
        waiting = self._waiting()
        return [
            kept for kept in self.deferred.values()
            if kept.parent_table and kept.parent_key
            and str(kept.values.get(kept.parent_key)) in here.get(kept.parent_table, set())
            and not _names_one_of(kept, waiting)
        ]

    def _waiting(self) -> set[tuple[str, str]]:
        return {(kept.table, kept.id) for kept in self.deferred.values()}

    # -- applying ---------------------------------------------------------

    def apply(self, rows: Sequence[Pulled], *, from_deferred: bool) -> None:
        """Rows of one table."""
        table = _table(rows[0].table)
        latest: dict[str, Pulled] = {}
        for row in rows:  # one row once, at its latest version
            if row.id not in latest or latest[row.id].version <= row.version:
                latest[row.id] = row
        ids = list(latest)
        existing: dict[str, Mapping[str, Any]] = {}
        for chunk in _chunks(ids):
            for found in self.s.execute(select(table).where(table.c.id.in_(chunk))).mappings():
                existing[str(found["id"])] = dict(found)
        if from_deferred:  # whatever happens to them, they leave the store
            for row in latest.values():
                self._undefer(row.entity_name, row.id)
        lost = [r for r in latest.values() if not r.visible and r.id in existing]
        if lost:
            dropped: dict[str, set[str]] = {}
            _drop(self.s, table.name, [r.id for r in lost], self.children, self.now, dropped)
            self.histories.update(dropped.get("deal", ()))
            self.histories.update(
                str(existing[r.id]["deal_id"]) for r in lost if r.table == "stage_change"
            )
            self.result.dropped += len(lost)
            for row in lost:
                self._undefer(row.entity_name, row.id)
                self.result.touched.setdefault(row.entity_name, set()).add(row.id)
                if row.table == "customer":
                    self.customers.add(row.id)
                elif row.table == "contact" and existing[row.id].get("customer_id"):
                    self.customers.add(str(existing[row.id]["customer_id"]))
        fresh: list[Pulled] = []
        known: list[Pulled] = []
        gone: set[str] = {r.id for r in lost}
        for row in latest.values():
            kept = self.deferred.get((row.entity_name, row.id))
            if kept is not None and kept.version > row.version:
                continue  # a later version waits already
            if row.id in gone:
                continue
            if not row.visible or (row.deleted and row.id not in existing):
                # lost, or the tombstone of a row this desk never had
                self._undefer(row.entity_name, row.id)
                gone.add(row.id)
                continue
            if row.id not in existing:
                fresh.append(row)
                continue
            if from_deferred:
                version = existing[row.id]["server_version"]
                if version is not None and version >= row.version:
                    continue  # the desk holds a newer version: the deferred one is dropped
            known.append(row)
        if gone:
            self._forget_under(table.name, gone)
        # A row naming a deferred row (an activity's contact) waits with it,
        # rather than losing the reference.
        for row in (*fresh, *known):  # a later version replaces a deferred one
            self._undefer(row.entity_name, row.id)
        waiting = self._waiting()
        waits = {row.id for row in (*fresh, *known) if _names_one_of(row, waiting)}
        for row in (*fresh, *known):
            if row.id in waits:
                self._defer(row)
        fresh = [r for r in fresh if r.id not in waits]
        known = [r for r in known if r.id not in waits]
        refs = self._refs([*fresh, *known])
        self._insert(table, fresh, refs)
        self._update(table, known, existing, refs)

    def _values(self, row: Pulled, refs: Mapping[str, set[str]]) -> tuple[dict[str, Any], bool]:
        """The columns to write (pending fields left out, missing references
        cleared) and whether the whole row waits in the outbox."""
        pending = self.pending.get((row.entity_name, row.id))
        whole = pending is not None and "*" in pending
        values = dict(row.values)
        if pending:
            kept = [c for c, name in row.fields.items() if whole or name in pending]
            self.result.kept_fields += len(kept)
            for column in kept:
                values.pop(column, None)
        for column, target in row.refs.items():
            ref = values.get(column)
            if ref is not None and str(ref) not in refs.get(target, set()):
                values[column] = None
        return values, whole

    def _refs(self, rows: Sequence[Pulled]) -> dict[str, set[str]]:
        """table -> the referenced ids (optional references) present."""
        wanted: dict[str, set[str]] = {}
        for row in rows:
            for column, target in row.refs.items():
                ref = row.values.get(column)
                if ref is not None:
                    wanted.setdefault(target, set()).add(str(ref))
        return {name: _present(self.s, name, ids) for name, ids in wanted.items()}

    def _insert(self, table: Table, rows: Sequence[Pulled], refs: Mapping[str, set[str]]) -> None:
        if not rows:
            return
        first = rows[0]
        parents: set[str] = set()
        if first.parent_key and first.parent_table:
            parents = _present(self.s, first.parent_table, {
                str(r.values[first.parent_key]) for r in rows
                if r.values.get(first.parent_key) is not None
            })
        required = [
            c.name for c in table.columns if not c.nullable and c.server_default is None
        ]
        batches: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for row in rows:
            if row.parent_key and str(row.values.get(row.parent_key)) not in parents:
                log.info("sync: %s %s deferred: its parent is not on this desk yet",
                         row.entity_name, row.id)
                self._defer(row)
                continue
            values, _ = self._values(row, refs)
            new = {"id": row.id, "created_at": self.now, **values,
                   "server_version": row.version, "updated_at": self.now, "deleted": False}
            if row.table == "customer":
                new.update(name_key="", search_key="", sort_key="")
            missing = [name for name in required if name not in new]
            if missing:
                log.warning("sync: %s %s skipped: no %s", row.entity_name, row.id,
                            ", ".join(missing))
                self.result.skipped += 1
                self._undefer(row.entity_name, row.id)
                continue
            self._undefer(row.entity_name, row.id)
            if self.derive.covers(table.name):
                new.update(self.derive.of(table.name, {**_defaults(table), **new}))
            batches.setdefault(tuple(sorted(new)), []).append(new)
            self._touch(row, new)
        for params in batches.values():
            self.s.connection().execute(insert(table), params)

    def _update(
        self, table: Table, rows: Sequence[Pulled], existing: Mapping[str, Mapping[str, Any]],
        refs: Mapping[str, set[str]],
    ) -> None:
        batches: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for row in rows:
            self._undefer(row.entity_name, row.id)
            current = existing[row.id]
            values, whole = self._values(row, refs)
            changed = {c: v for c, v in values.items() if c in current and current[c] != v}
            if self.derive.covers(table.name):
                derived = self.derive.of(table.name, {**current, **values})
                changed.update({c: v for c, v in derived.items() if current[c] != v})
            deleted = True if row.deleted else (bool(current["deleted"]) if whole else False)
            if deleted != bool(current["deleted"]):
                changed["deleted"] = deleted
            if changed:
                changed["updated_at"] = self.now
                self._touch(row, {**current, **changed})
                if row.table == "contact" and current.get("customer_id"):
                    self.customers.add(str(current["customer_id"]))
            else:
                self.result.applied += 1  # the same row, a new version
            if changed or current["server_version"] != row.version:
                changed["server_version"] = row.version
                one = {f"v_{c}": v for c, v in changed.items()}
                one["row_id"] = row.id
                batches.setdefault(tuple(sorted(changed)), []).append(one)
        for columns, params in batches.items():
            self.s.connection().execute(
                update(table).where(table.c.id == bindparam("row_id"))
                .values({c: bindparam(f"v_{c}") for c in columns}),
                params,
            )

    def _touch(self, row: Pulled, values: Mapping[str, Any]) -> None:
        self.result.applied += 1
        self.result.touched.setdefault(row.entity_name, set()).add(row.id)
        if row.table == "customer":
            self.customers.add(row.id)
        elif row.table == "contact" and values.get("customer_id"):
            self.customers.add(str(values["customer_id"]))
        if row.table == "stage_change" and values.get("deal_id"):
            self.histories.add(str(values["deal_id"]))
        if row.table in DEAL_FIGURES and values.get("deal_id"):
            self.result.touched.setdefault("deal", set()).add(str(values["deal_id"]))


def _names_one_of(row: Pulled, rows: set[tuple[str, str]]) -> bool:
    """Whether an optional reference of *row* names one of *rows* (table, id)."""
    return any(
        row.values.get(column) is not None and (target, str(row.values[column])) in rows
        for column, target in row.refs.items()
    )


def _load(text: str | None) -> Any:
    return None if text is None else json.loads(text)


@cache
def _defaults(table: Table) -> Mapping[str, str]:
    """The text defaults of *table*'s columns: what a row inserted without
    them holds (a pulled quote without lines has ``[]``)."""
    return MappingProxyType({
        c.name: c.server_default.arg for c in table.columns
        if isinstance(c.server_default, DefaultClause) and isinstance(c.server_default.arg, str)
    })


def _present(s: Session, table_name: str, ids: set[str]) -> set[str]:
    """Those of *ids* that are rows of *table_name* (deleted ones too)."""
    table = _table(table_name)
    found: set[str] = set()
    for chunk in _chunks(sorted(ids)):
        found.update(str(i) for (i,) in s.execute(select(table.c.id).where(table.c.id.in_(chunk))))
    return found


def _pending(s: Session, rows: Sequence[Pulled]) -> dict[tuple[str, str], set[str]]:
    """(entity, id) -> the fields of its ops still in the outbox (``*`` for
    a pending delete: the whole row waits)."""
    ids = list({row.id for row in rows})
    found: dict[tuple[str, str], set[str]] = {}
    for chunk in _chunks(ids):
        for entity, entity_id, op, fields in s.execute(
            select(outbox.c.entity, outbox.c.entity_id, outbox.c.op, outbox.c.fields)
            .where(outbox.c.entity_id.in_(chunk))
        ):
            names = found.setdefault((str(entity), str(entity_id)), set())
            if op == "delete":
                names.add("*")
            names.update(json.loads(fields))
    return found


def _drop(
    s: Session, table_name: str, ids: list[str],
    children: Mapping[str, Sequence[tuple[str, str]]], now: str,
    dropped: dict[str, set[str]],
) -> None:
    """Tombstone rows the user lost, and theirs (outbox ops are kept);
    *dropped* collects the ids per table."""
    if not ids:
        return
    dropped.setdefault(table_name, set()).update(ids)
    table = _table(table_name)
    for chunk in _chunks(ids):
        s.execute(update(table).where(table.c.id.in_(chunk)).values(deleted=True, updated_at=now))
    for child_table, key in children.get(table_name, ()):
        child = _table(child_table)
        child_ids = [
            str(r) for chunk in _chunks(ids)
            for (r,) in s.execute(select(child.c.id).where(child.c[key].in_(chunk)))
        ]
        _drop(s, child_table, child_ids, children, now, dropped)


def _refresh_customers(s: Session, ids: set[str]) -> None:
    """The derived columns (duplicate key, search key, sort key) of *ids*:
    one read of the customers and their contacts, one executemany."""
    params: list[dict[str, Any]] = []
    for chunk in _chunks(sorted(ids)):
        people: dict[str, list[Any]] = {}
        for r in s.execute(
            select(contact).where(contact.c.customer_id.in_(chunk), contact.c.deleted.is_(False))
        ).mappings():
            people.setdefault(str(r["customer_id"]), []).append(contact_from_row(r))
        for row in s.execute(select(customer).where(customer.c.id.in_(chunk))).mappings():
            derived = derived_columns(customer_from_row(row), people.get(str(row["id"]), []))
            if any(row[k] != v for k, v in derived.items()):
                params.append({"row_id": row["id"], **{f"v_{k}": v for k, v in derived.items()}})
    if params:
        s.connection().execute(
            update(customer).where(customer.c.id == bindparam("row_id")).values(
                name_key=bindparam("v_name_key"), search_key=bindparam("v_search_key"),
                sort_key=bindparam("v_sort_key"),
            ),
            params,
        )
