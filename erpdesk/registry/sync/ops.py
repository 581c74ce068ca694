"""A desk's outbox op as the registry checks it, before any transaction.

Everything decided from the op alone (its shape, the entity, the fields and
their types, registry-owned fields, the user's role) is decided here, and
such a rejection is not stored: the same op is rejected the same way every
time.  ``FieldSpec`` turns a desk value into the registry's canonical JSON
value (times as ISO UTC text), so that equal values compare equal.

The check is complete: an op that passes holds nothing the databases
refuse (text that is not UTF-8, NUL characters, numbers past a bigint,
times outside the plausible range of ``erpdesk.domain.dates``), so one bad
op in an outbox is rejected on its own and never blocks the ops behind it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from erpdesk.domain.customer import (
    ActivityKind,
    ContactLevel,
    CustomerStatus,
    Industry,
    SizeBand,
    Source,
)
from erpdesk.domain.dates import date_problem

PAYLOAD_VERSIONS = frozenset({1})
OPS = ("create", "update", "delete")
MAX_TEXT = 10_000
MAX_FIELDS = 100
BIG = 2**62  # the largest seq or base version (a change number is a bigint)
# The keys an op may have; anything else is an ``unknown_field``.
OP_KEYS = frozenset({
    "op_id", "seq", "entity", "entity_id", "op", "base_version", "fields", "created_at",
    "payload_version",
})

# Never written by a desk op: the desk sends commands and learns the decision by pull.
REGISTRY_OWNED = frozenset({
    "owner", "owner_id", "registration", "registration_status", "protected",
    "protected_since", "protected_until", "verified_at", "released_at", "allocation",
    "allocated_to", "callback", "callback_result", "server_version", "version",
    "change_number", "field_versions", "release_due_at", "last_follow_up_at", "last_owner_id",
    "warned_at", "exempt_since", "exempt_reason",
})


class Rejected(Exception):
    """An op the registry refuses; ``reason`` is a stable code the desk translates."""

    def __init__(self, reason: str, message: str = "", **details: Any) -> None:
        super().__init__(message or reason)
        self.reason = reason
        self.message = message or reason
        self.details = details


@dataclass(frozen=True)
class FieldSpec:
    """How one desk field is checked and made canonical."""

    parse: Callable[[Any], Any]
    default: Any = ""
    dated: bool = False  # a time that must be plausible (``erpdesk.domain.dates``)


class BadText(ValueError):
    """Text no database can store: a NUL character or a lone surrogate."""


def text_problem(value: str) -> str | None:
    """Why *value* cannot be stored as text, or ``None`` if it can."""
    if "\x00" in value:
        return "must not contain NUL characters"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "must not contain lone surrogates (it is not valid Unicode text)"
    return None


def _text(limit: int = MAX_TEXT) -> Callable[[Any], Any]:
    def parse(value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError("must be text")
        if len(value) > limit:
            raise ValueError(f"must have at most {limit} characters")
        problem = text_problem(value)
        if problem:
            raise BadText(problem)
        return value

    return parse


def _enum(kind: type[Enum], *, nullable: bool) -> Callable[[Any], Any]:
    codes = {m.value for m in kind}

    def parse(value: Any) -> str | None:
        if value is None and nullable:
            return None
        if not isinstance(value, str) or value not in codes:
            raise ValueError(f"must be one of: {', '.join(sorted(codes))}")
        return value

    return parse


def _when(value: Any) -> datetime:
    """*value* as an aware time, or ``ValueError``."""
    if not isinstance(value, str) or len(value) > 64:
        raise ValueError("must be an ISO 8601 time with a time zone")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("must be an ISO 8601 time with a time zone") from None
    if parsed.utcoffset() is None:
        raise ValueError("must have a time zone")
    return parsed


def _time(value: Any) -> str:
    try:
        return _when(value).astimezone(UTC).isoformat()
    except OverflowError:  # year 1 or 9999 in a far time zone (checked before, as dated)
        raise ValueError("is out of range") from None


def _uuid(*, nullable: bool) -> Callable[[Any], Any]:
    def parse(value: Any) -> str | None:
        if value is None and nullable:
            return None
        if not isinstance(value, str) or not is_uuid(value):
            raise ValueError("must be a UUID")
        return str(uuid.UUID(value))

    return parse


CUSTOMER_FIELDS: dict[str, FieldSpec] = {
    "name": FieldSpec(_text(200)),
    "uscc": FieldSpec(_text(18)),
    "short_name": FieldSpec(_text(200)),
    "industry": FieldSpec(_enum(Industry, nullable=True), None),
    "province": FieldSpec(_text(200)),
    "city": FieldSpec(_text(200)),
    "address": FieldSpec(_text(400)),
    "size_band": FieldSpec(_enum(SizeBand, nullable=True), None),
    "source": FieldSpec(_enum(Source, nullable=False), Source.SELF_DEVELOPED.value),
    "source_detail": FieldSpec(_text(400)),
    "phone": FieldSpec(_text(100)),
    "website": FieldSpec(_text(400)),
    "need": FieldSpec(_text()),
    "notes": FieldSpec(_text()),
    # The desk's own stage with the customer (potential, following, ...), not
    # the registry's registration status (which pull sends as ``registration``).
    "status": FieldSpec(_enum(CustomerStatus, nullable=False), CustomerStatus.POTENTIAL.value),
}
CONTACT_FIELDS: dict[str, FieldSpec] = {
    "name": FieldSpec(_text(200)),
    "title": FieldSpec(_text(200)),
    "department": FieldSpec(_text(200)),
    "level": FieldSpec(_enum(ContactLevel, nullable=True), None),
    "mobile": FieldSpec(_text(100)),
    "office_phone": FieldSpec(_text(100)),
    "email": FieldSpec(_text(400)),
    "wechat": FieldSpec(_text(200)),
}
ACTIVITY_FIELDS: dict[str, FieldSpec] = {
    "kind": FieldSpec(_enum(ActivityKind, nullable=False), ActivityKind.OTHER.value),
    "occurred_at": FieldSpec(_time, None, dated=True),
    "summary": FieldSpec(_text()),
    "contact_id": FieldSpec(_uuid(nullable=True), None),
    "outcome": FieldSpec(_text()),
    "next_step": FieldSpec(_text()),
}
PARENT = FieldSpec(_uuid(nullable=False), None)

ENTITY_FIELDS = {
    "customer": CUSTOMER_FIELDS, "contact": CONTACT_FIELDS, "activity": ACTIVITY_FIELDS,
}
REQUIRED_ON_CREATE = {
    "customer": ("name",),
    "contact": ("customer_id", "name"),
    "activity": ("customer_id", "kind", "occurred_at", "summary"),
}
# Roles that may push, and why the others may not.
PUSH_ROLES = frozenset({"rep", "admin"})
# Why a role may not push (``*_TEXTS``: in the registry's catalogue).
ROLE_TEXTS = {
    "telemarketer": "Telemarketing leads are not synced in this version",
    "manager": "A sales manager reads customers but does not change them",
    "presales": "Presales consultants sync only the deals they support",
}
NO_PUSH_TEXT = "This role may not push"


@dataclass(frozen=True)
class Op:
    """A checked op: canonical field values, the parent for contacts and activities."""

    op_id: str
    entity: str
    entity_id: str
    op: str
    base_version: int | None
    fields: dict[str, Any] = field(default_factory=dict)
    parent_id: str | None = None
    # Synced records (``entities``): every parent the op names, by field
    # (customer_id, deal_id, quote_id); ``parent_id`` is the first of them.
    parents: dict[str, str | None] = field(default_factory=dict)


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        return False
    return len(value) in (32, 36)


def check_op(raw: Any, role: str, now: datetime) -> Op:
    """*raw* (one op of the batch, as the desk sent it) checked completely,
    or ``Rejected``; *now* is the registry's clock (for plausible dates)."""
    if not isinstance(raw, dict):
        raise Rejected("invalid_op", "an op must be an object")
    op_id = raw.get("op_id")
    if not isinstance(op_id, str) or not is_uuid(op_id):
        raise Rejected("invalid_op_id", "op_id must be a UUID")
    unknown = sorted(set(raw) - OP_KEYS)
    if unknown:
        names = ", ".join(_shown(k) for k in unknown[:5])
        raise Rejected("unknown_field", f"an op has no key {names}", field=_shown(unknown[0]))
    payload_version = raw.get("payload_version", 1)
    if not _whole(payload_version, 0, BIG):
        raise Rejected("invalid_value", "payload_version must be a whole number",
                       field="payload_version")
    if payload_version not in PAYLOAD_VERSIONS:
        raise Rejected(
            "unsupported_payload_version",
            f"payload version {payload_version} is not served; served: {sorted(PAYLOAD_VERSIONS)}",
        )
    for key in ("seq", "base_version"):
        if raw.get(key) is not None and not _whole(raw[key], 0, BIG):
            raise Rejected("invalid_value", f"{key} must be a whole number from 0 to {BIG}",
                           field=key)
    created_at = raw.get("created_at")
    if created_at is not None and not (
        isinstance(created_at, str) and len(created_at) <= 64 and text_problem(created_at) is None
    ):
        raise Rejected("invalid_value", "created_at must be a time as text", field="created_at")
    from erpdesk.registry.sync.entities import ENTITIES  # it builds on this module

    entity = raw.get("entity")
    record_type = ENTITIES.get(entity) if isinstance(entity, str) else None
    if role not in (PUSH_ROLES if record_type is None else record_type.roles):
        raise Rejected("forbidden_for_role", ROLE_TEXTS.get(role, NO_PUSH_TEXT))
    if not isinstance(entity, str) or (entity not in ENTITY_FIELDS and record_type is None):
        raise Rejected("unknown_entity", f"unknown entity {_shown(entity)}")
    kind = raw.get("op")
    if not isinstance(kind, str) or kind not in OPS:
        raise Rejected("unknown_op", f"op must be one of {', '.join(OPS)}")
    entity_id = raw.get("entity_id")
    if not isinstance(entity_id, str) or not is_uuid(entity_id):
        raise Rejected("invalid_entity_id", "entity_id must be a UUID")
    fields_in = raw.get("fields") or {}
    if not isinstance(fields_in, dict):
        raise Rejected("invalid_value", "fields must be an object", field="fields")
    if len(fields_in) > MAX_FIELDS:
        raise Rejected("invalid_value", f"an op has at most {MAX_FIELDS} fields", field="fields")
    if kind == "delete" and fields_in:
        raise Rejected("invalid_value", "a delete carries no fields")
    if record_type is not None:
        checked, parents = check_record_fields(record_type, kind, fields_in, now)
        return Op(
            op_id=str(uuid.UUID(op_id)), entity=entity, entity_id=str(uuid.UUID(entity_id)),
            op=kind, base_version=raw.get("base_version"), fields=checked,
            parent_id=next(iter(parents.values()), None), parents=parents,
        )
    specs = ENTITY_FIELDS[entity]
    owned = sorted(set(fields_in) & REGISTRY_OWNED)
    if owned:
        raise Rejected(
            "registry_owned_field", f"registry-owned fields cannot be written: {', '.join(owned)}",
            fields=owned,
        )
    values: dict[str, Any] = {}
    parent_id = None
    for name, value in fields_in.items():
        if name == "customer_id" and entity != "customer":
            parent_id = _checked(name, PARENT, value, now)
            continue
        spec = specs.get(name)
        if spec is None:
            raise Rejected("unknown_field", f"{entity} has no field {_shown(name)}",
                           field=_shown(name))
        values[name] = _checked(name, spec, value, now)
    if kind == "create":
        present = {*values, *(["customer_id"] if parent_id else [])}
        missing = [f for f in REQUIRED_ON_CREATE[entity] if f not in present]
        if missing:
            raise Rejected("missing_field", f"a create needs: {', '.join(missing)}",
                           fields=missing)
    if "name" in values and not values["name"].strip():
        raise Rejected("invalid_value", "name must not be empty", field="name")
    base_version = raw.get("base_version")
    return Op(
        op_id=str(uuid.UUID(op_id)), entity=entity, entity_id=str(uuid.UUID(entity_id)),
        op=kind, base_version=base_version, fields=values, parent_id=parent_id,
    )


def _whole(value: Any, low: int, high: int) -> bool:
    """Is *value* a whole number (not a bool) from *low* to *high*?"""
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _shown(value: Any) -> str:
    """*value* quoted for a message: at most 40 characters, with what is not
    printable (NUL, lone surrogates ...) escaped, so the answer is valid UTF-8."""
    return repr(str(value)[:40])


def _checked(name: str, spec: FieldSpec, value: Any, now: datetime) -> Any:
    try:
        if spec.dated:
            problem = date_problem(_when(value), now, name)
            if problem is not None:
                raise Rejected("implausible_date", f"{name}: {problem.render()}", field=name)
        return spec.parse(value)
    except BadText as exc:
        raise Rejected("invalid_text", f"{name} {exc}", field=name) from None
    except ValueError as exc:
        raise Rejected("invalid_value", f"{name} {exc}", field=name) from None


def check_record_fields(
    record_type: Any, kind: str, fields_in: dict[str, Any], now: datetime
) -> tuple[dict[str, Any], dict[str, str | None]]:
    """The canonical fields and the parents of an op on a synced record type
    (``entities.EntityType``), or ``Rejected``."""
    values: dict[str, Any] = {}
    parents: dict[str, str | None] = {}
    for name, value in fields_in.items():
        if name in record_type.parents:
            parents[name] = _checked(name, PARENT_OR_NONE, value, now)
        elif name in record_type.ignored:
            continue
        elif name in record_type.fields:
            values[name] = _checked(name, record_type.fields[name], value, now)
        elif name in REGISTRY_OWNED:
            raise Rejected("registry_owned_field",
                           f"registry-owned fields cannot be written: {name}", fields=[name])
        else:
            raise Rejected("unknown_field", f"{record_type.name} has no field {_shown(name)}",
                           field=_shown(name))
    if kind == "create":
        present = {*values, *(p for p, v in parents.items() if v is not None)}
        missing = [f for f in record_type.required if f not in present]
        if missing:
            raise Rejected("missing_field", f"a create needs: {', '.join(missing)}",
                           fields=missing)
    if "name" in values and not values["name"].strip():
        raise Rejected("invalid_value", "name must not be empty", field="name")
    return values, parents


PARENT_OR_NONE = FieldSpec(_uuid(nullable=True), None)
