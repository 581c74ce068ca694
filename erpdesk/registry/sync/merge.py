"""The three-way field merge of a desk op against the registry's row.

Each synced row keeps, per desk-editable field, the change number that last
wrote it and who wrote it: ``field_versions = {field: [number, writer]}``.
A field "changed on the registry since the desk's base" is one written at a
number above the op's ``base_version`` by a writer other than the op's own
(its device, or the user through a registry command such as registration:
a device's ops arrive in the order it made them, so its own earlier writes
are never a conflict with its later ones).

- changed only on the desk: the desk's value is taken;
- changed on both sides to different values: the registry keeps its value
  and the desk's goes into a conflict record (never dropped silently);
- changed on both sides to the same value: nothing to do;
- append-only entities (activities) take the desk's value, never conflict.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FieldConflict:
    field: str
    registry_value: Any
    desk_value: Any

    def json(self) -> dict[str, Any]:
        return {
            "field": self.field, "registry_value": self.registry_value,
            "desk_value": self.desk_value,
        }


@dataclass(frozen=True)
class Merge:
    changes: dict[str, Any] = field(default_factory=dict)
    conflicts: list[FieldConflict] = field(default_factory=list)


def device_writer(user_id: int, device_id: str) -> str:
    """The writer tag of a desk's ops."""
    return f"d:{user_id}:{device_id}"


def user_writer(user_id: int) -> str:
    """The writer tag of a registry command made by a user (registration)."""
    return f"u:{user_id}"


def changed_since(
    versions: Mapping[str, Any], name: str, base: int | None, own: Collection[str]
) -> bool:
    """Was *name* written after *base* by a writer not in *own*?"""
    entry = versions.get(name)
    if not entry:
        return False
    number, writer = int(entry[0]), str(entry[1])
    return number > (base or 0) and writer not in own


def merge(
    current: Mapping[str, Any],
    versions: Mapping[str, Any],
    desk: Mapping[str, Any],
    base: int | None,
    own: Collection[str],
    *,
    append_only: bool = False,
) -> Merge:
    """What to write of *desk* over *current*, and what conflicts."""
    out = Merge()
    for name, value in desk.items():
        if current.get(name) == value:
            continue
        if not append_only and changed_since(versions, name, base, own):
            out.conflicts.append(FieldConflict(name, current.get(name), value))
        else:
            out.changes[name] = value
    return out


def stamped(
    versions: Mapping[str, Any], names: Collection[str], number: int, writer: str
) -> dict[str, Any]:
    """*versions* with *names* written at *number* by *writer*."""
    out = dict(versions)
    for name in names:
        out[name] = [number, writer]
    return out
