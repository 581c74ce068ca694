"""Pulled changes as rows the desk can store (pure: no SQL here).

A change of the registry (``{entity, id, version, deleted, visible,
fields}``) becomes a ``PulledRow``: the table, the id, the version and the
column values, converted by the entity's entry in ``entities``.  Fields the
desk does not keep (the registry's protection dates, ...) are left out.
``storage.sync_store`` writes the rows, field by field, sparing the fields
still waiting in the outbox.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from erpdesk.sync.entities import ENTITIES, FEN, JSON, ORDER, TIME, SyncedEntity, entity


class BadChange(ValueError):
    """A pulled change this desk cannot store (logged and skipped)."""


@dataclass(frozen=True)
class PulledRow:
    """One pulled change as column values.

    ``values`` maps column names to values (only the fields the change
    carried); ``fields`` maps each column back to its wire field name, for
    the pending-field check against the outbox.  ``visible`` false: the user
    lost the row (dropped on the desk, with its children).
    """

    entity: SyncedEntity
    id: str
    version: int
    deleted: bool
    visible: bool
    values: Mapping[str, Any]
    fields: Mapping[str, str]

    @property
    def entity_name(self) -> str:
        return self.entity.name

    @property
    def table(self) -> str:
        return self.entity.table

    @property
    def parent_key(self) -> str | None:
        return self.entity.parent_key

    @property
    def parent_table(self) -> str | None:
        parent = entity(self.entity.parent) if self.entity.parent else None
        return parent.table if parent else None

    @property
    def refs(self) -> Mapping[str, str]:
        """Optional references: column -> the table of the row it names."""
        found: dict[str, str] = {}
        for name, target in self.entity.optional_refs.items():
            kind = entity(target)
            if kind is not None and self.entity.column(name) in self.values:
                found[self.entity.column(name)] = kind.table
        return found


def _time(value: Any) -> Any:
    if value is None or value == "":
        return value
    moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _fen(value: Any) -> int:
    try:
        return int((Decimal(str(value)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except (InvalidOperation, ValueError) as exc:
        raise ValueError(f"not an amount: {value!r}") from exc


def _json(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


CONVERTERS: Mapping[str, Callable[[Any], Any]] = {TIME: _time, FEN: _fen, JSON: _json}


def pulled_row(change: Mapping[str, Any]) -> PulledRow | None:
    """*change* as a row; None for a type this desk does not sync.  Raises
    ``BadChange`` for a change it cannot read."""
    kind = entity(str(change.get("entity", "")))
    if kind is None:
        return None
    try:
        row_id = str(change["id"])
        version = int(change["version"])
        deleted = bool(change.get("deleted", False))
        visible = bool(change.get("visible", True))
        wire = change.get("fields") or {}
        if not isinstance(wire, Mapping):
            raise TypeError("fields is not an object")
    except (KeyError, TypeError, ValueError) as exc:
        raise BadChange(f"{kind.name}: {exc}") from exc
    values: dict[str, Any] = {}
    names: dict[str, str] = {}
    for name in (*kind.fields, *kind.registry_fields):
        if name not in wire:
            continue
        convert = CONVERTERS.get(kind.kinds.get(name, ""))
        try:
            value = convert(wire[name]) if convert else wire[name]
        except (TypeError, ValueError) as exc:
            raise BadChange(f"{kind.name} {row_id}: {name}: {exc}") from exc
        column = kind.column(name)
        values[column] = value
        names[column] = name
    return PulledRow(kind, row_id, version, deleted, visible, values, names)


def children_of() -> dict[str, list[tuple[str, str]]]:
    """table -> [(child table, parent key)], from the table of entities."""
    found: dict[str, list[tuple[str, str]]] = {}
    for kind in ENTITIES:
        parent = entity(kind.parent) if kind.parent else None
        if parent is not None and kind.parent_key is not None:
            found.setdefault(parent.table, []).append((kind.table, kind.column(kind.parent_key)))
    return found


def parents_first(rows: list[PulledRow]) -> list[PulledRow]:
    """*rows* in the order of the table of entities (stable within a type)."""
    return sorted(rows, key=lambda r: ORDER[r.entity.name])
