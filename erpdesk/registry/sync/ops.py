"""A desk's outbox op as the registry checks it, before any transaction.

Everything decided from the op alone (its shape, the entity, the fields and
their types, registry-owned fields, the user's role) is decided here, and
such a rejection is not stored: the same op is rejected the same way every
time.  ``FieldSpec`` turns a desk value into the registry's canonical JSON
value (times as ISO UTC text), so that equal values compare equal.
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

PAYLOAD_VERSIONS = frozenset({1})
OPS = ("create", "update", "delete")
MAX_TEXT = 10_000

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


def _text(limit: int = MAX_TEXT) -> Callable[[Any], Any]:
    def parse(value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError("must be text")
        if len(value) > limit:
            raise ValueError(f"must have at most {limit} characters")
        if "\x00" in value:
            raise ValueError("must not contain NUL characters")
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


def _time(value: Any) -> str:
    if not isinstance(value, str) or len(value) > 64:
        raise ValueError("must be an ISO 8601 time with a time zone")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("must be an ISO 8601 time with a time zone") from None
    if parsed.utcoffset() is None:
        raise ValueError("must have a time zone")
    return parsed.astimezone(UTC).isoformat()


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
    "occurred_at": FieldSpec(_time, None),
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
ROLE_REASONS = {
    "telemarketer": "Telemarketing leads are not synced in this version",
    "manager": "A sales manager reads customers but does not change them",
    "presales": "Presales consultants have nothing to sync in this version",
}


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


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        return False
    return len(value) in (32, 36)


def check_op(raw: dict[str, Any], role: str) -> Op:
    """*raw* (the op as the envelope validated it) checked, or ``Rejected``."""
    op_id = raw.get("op_id")
    if not isinstance(op_id, str) or not is_uuid(op_id):
        raise Rejected("invalid_op_id", "op_id must be a UUID")
    if raw.get("payload_version", 1) not in PAYLOAD_VERSIONS:
        raise Rejected(
            "unsupported_payload_version",
            f"payload version {raw.get('payload_version')!r} is not served; "
            f"served: {sorted(PAYLOAD_VERSIONS)}",
        )
    if role not in PUSH_ROLES:
        raise Rejected("forbidden_for_role", ROLE_REASONS.get(role, "This role may not push"))
    entity = raw.get("entity")
    if entity not in ENTITY_FIELDS:
        raise Rejected("unknown_entity", f"unknown entity {str(entity)[:40]!r}")
    kind = raw.get("op")
    if kind not in OPS:
        raise Rejected("unknown_op", f"op must be one of {', '.join(OPS)}")
    entity_id = raw.get("entity_id")
    if not isinstance(entity_id, str) or not is_uuid(entity_id):
        raise Rejected("invalid_entity_id", "entity_id must be a UUID")
    fields_in = raw.get("fields") or {}
    if kind == "delete" and fields_in:
        raise Rejected("invalid_value", "a delete carries no fields")
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
            parent_id = _checked(name, PARENT, value)
            continue
        spec = specs.get(name)
        if spec is None:
            raise Rejected("unknown_field", f"{entity} has no field {name[:64]!r}", field=name[:64])
        values[name] = _checked(name, spec, value)
    if kind == "create":
        present = {*values, *(["customer_id"] if parent_id else [])}
        missing = [f for f in REQUIRED_ON_CREATE[entity] if f not in present]
        if missing:
            raise Rejected("missing_field", f"a create needs: {', '.join(missing)}",
                           fields=missing)
    if "name" in values and not values["name"].strip():
        raise Rejected("invalid_value", "name must not be empty", field="name")
    return Op(
        op_id=str(uuid.UUID(op_id)), entity=entity, entity_id=str(uuid.UUID(entity_id)),
        op=kind, base_version=raw.get("base_version"), fields=values, parent_id=parent_id,
    )


def _checked(name: str, spec: FieldSpec, value: Any) -> Any:
    try:
        return spec.parse(value)
    except ValueError as exc:
        raise Rejected("invalid_value", f"{name} {exc}", field=name) from None
