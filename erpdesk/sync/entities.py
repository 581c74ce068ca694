"""THE table of entity types the desk syncs.

Each ``SyncedEntity`` says how an outbox op of that type travels and how a
pulled change of it is stored: its table, the fields an op carries (by the
names the outbox writes), which of them name the parent row, the columns
some fields are stored in under another name, how a value is turned back
into its column's form, and the registry-owned fields the desk keeps from a
pull but never sends.  The engine, ``apply`` and ``storage.sync_store``
read this table only: adding a type is one entry here (plus the registry
accepting it), never a new code path.

The order is the parents-first order in which a pulled page is applied
(a contact needs its customer, a stage change its deal).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from erpdesk.domain.customer import ACTIVITY_FIELDS, CONTACT_FIELDS, CUSTOMER_FIELDS
from erpdesk.domain.deal import DEAL_FIELDS, DEAL_STAGE_FIELDS, WORKSHEET_FIELDS
from erpdesk.domain.presales import (
    ENGAGEMENT_FIELDS,
    ENGAGEMENT_STEP_FIELDS,
    PRESALES_TASK_FIELDS,
    SUPPORT_REQUEST_FIELDS,
    SUPPORT_REQUEST_STATE_FIELDS,
)
from erpdesk.domain.proposal import PROPOSAL_FIELDS
from erpdesk.domain.quote import QUOTE_FIELDS
from erpdesk.domain.todo import TODO_CREATE_FIELDS

# How a wire value becomes a column value (``apply.CONVERTERS``).
TIME = "time"  # ISO time -> the desk's UTC text
FEN = "fen"  # decimal text (yuan) -> integer fen
JSON = "json"  # a list or mapping -> JSON text


def _frozen(mapping: dict[str, str]) -> Mapping[str, str]:
    return MappingProxyType(mapping)


@dataclass(frozen=True)
class SyncedEntity:
    """One synced type.

    ``fields``: what ops carry (and pulls bring back); ``parent_key``: the
    field naming the row it belongs to (``None`` for a top-level type), in
    the table of ``parent``; ``columns``: fields stored under another column
    name; ``kinds``: fields needing a conversion on the way in;
    ``registry_fields``: registry-owned fields stored from a pull, never
    sent; ``optional_refs``: fields naming another row that is cleared when
    that row is not on this desk (a pulled activity's contact).
    ``append_only``: records that are written once (never a conflict).
    """

    name: str
    table: str
    fields: tuple[str, ...]
    parent_key: str | None = None
    parent: str | None = None
    columns: Mapping[str, str] = field(default_factory=lambda: _frozen({}))
    kinds: Mapping[str, str] = field(default_factory=lambda: _frozen({}))
    registry_fields: tuple[str, ...] = ()
    optional_refs: Mapping[str, str] = field(default_factory=lambda: _frozen({}))
    append_only: bool = False

    def column(self, wire_field: str) -> str:
        return self.columns.get(wire_field, wire_field)


def _unique(*groups: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for group in groups for name in group))


ENTITIES: tuple[SyncedEntity, ...] = (
    SyncedEntity(
        "customer", "customer", CUSTOMER_FIELDS,
        registry_fields=("owner", "registration", "protected_until", "release_due_at"),
        kinds=_frozen({"protected_until": TIME, "release_due_at": TIME}),
    ),
    SyncedEntity(
        "contact", "contact", ("customer_id", *CONTACT_FIELDS),
        parent_key="customer_id", parent="customer",
    ),
    SyncedEntity(
        "activity", "activity", ("customer_id", *ACTIVITY_FIELDS),
        parent_key="customer_id", parent="customer",
        kinds=_frozen({"occurred_at": TIME}),
        optional_refs=_frozen({"contact_id": "contact"}), append_only=True,
    ),
    SyncedEntity(
        "deal", "deal",
        _unique(("customer_id",), DEAL_FIELDS, DEAL_STAGE_FIELDS, ("playbook", "checklist")),
        parent_key="customer_id", parent="customer",
        columns=_frozen({"amount": "amount_fen"}),
        kinds=_frozen({
            "amount": FEN, "modules": JSON, "team": JSON, "competitors": JSON,
            "checklist": JSON, "stage_entered_at": TIME, "closed_at": TIME,
        }),
    ),
    SyncedEntity(
        "stage_change", "stage_change",
        ("deal_id", "kind", "from_stage", "to_stage", "at", "by", "reason", "overridden"),
        parent_key="deal_id", parent="deal",
        columns=_frozen({"at": "changed_at", "by": "changed_by"}),
        kinds=_frozen({"at": TIME, "overridden": JSON}), append_only=True,
    ),
    SyncedEntity(
        "worksheet", "worksheet",
        ("template", "customer_id", "deal_id", *WORKSHEET_FIELDS, "author"),
        parent_key="customer_id", parent="customer",
        kinds=_frozen({"data": JSON}),
        optional_refs=_frozen({"deal_id": "deal"}),
    ),
    SyncedEntity(
        "quote", "quote",
        _unique(("number", "version", "customer_id", "currency", "author"), QUOTE_FIELDS,
                ("status", "sent_at", "discount_limit")),
        parent_key="customer_id", parent="customer",
        kinds=_frozen({"lines": JSON, "milestones": JSON, "sent_at": TIME}),
        optional_refs=_frozen({"deal_id": "deal"}),
    ),
    SyncedEntity(
        "quote_approval", "quote_approval",
        ("quote_id", "at", "by", "max_discount", "decision", "note"),
        parent_key="quote_id", parent="quote",
        kinds=_frozen({"at": TIME}), append_only=True,
    ),
    SyncedEntity(
        "proposal", "proposal", ("customer_id", "deal_id", *PROPOSAL_FIELDS),
        parent_key="customer_id", parent="customer",
        kinds=_frozen({"sections": JSON, "benefit": JSON}),
        optional_refs=_frozen({"deal_id": "deal"}),
    ),
    # Presales (docs/presales.md): the request hangs on its customer (the
    # registry shows it to whoever sees the customer, not through the deal,
    # so its deal_id is kept as it comes), the engagement on its request, a
    # task on its engagement.  The registry names a request's rep and team.
    SyncedEntity(
        "support_request", "support_request",
        _unique(("customer_id",), SUPPORT_REQUEST_FIELDS, SUPPORT_REQUEST_STATE_FIELDS),
        parent_key="customer_id", parent="customer",
        kinds=_frozen({
            "modules": JSON, "attendees": JSON, "submitted_at": TIME, "decided_at": TIME,
        }),
        registry_fields=("requested_by", "team"),
    ),
    SyncedEntity(
        "presales_engagement", "presales_engagement",
        _unique(("request_id", "customer_id", "deal_id", "opened_at"), ENGAGEMENT_STEP_FIELDS,
                ENGAGEMENT_FIELDS),
        parent_key="request_id", parent="support_request",
        kinds=_frozen({
            "checklist": JSON, "history": JSON, "opened_at": TIME, "closed_at": TIME,
        }),
    ),
    SyncedEntity(
        "presales_task", "presales_task",
        _unique(("engagement_id", "customer_id", "deal_id", "kind"), PRESALES_TASK_FIELDS),
        parent_key="engagement_id", parent="presales_engagement",
        kinds=_frozen({
            "starts_at": TIME, "ends_at": TIME, "our_attendees": JSON,
            "customer_attendees": JSON, "follow_ups": JSON, "modules": JSON, "scenarios": JSON,
            "feedback": JSON, "departments": JSON, "interviews": JSON, "answers": JSON,
            "findings": JSON,
        }),
    ),
    # Todos (docs/todos.md): on their customer; the deal and the activity
    # are cleared when not on this desk.  ``reminded_at`` is desk-local.
    SyncedEntity(
        "todo", "todo", TODO_CREATE_FIELDS,
        parent_key="customer_id", parent="customer",
        kinds=_frozen({"due_at": TIME, "done_at": TIME}),
        optional_refs=_frozen({"deal_id": "deal", "activity_id": "activity"}),
    ),
)

BY_NAME: Mapping[str, SyncedEntity] = MappingProxyType({e.name: e for e in ENTITIES})
ORDER: Mapping[str, int] = MappingProxyType({e.name: i for i, e in enumerate(ENTITIES)})


def entity(name: str) -> SyncedEntity | None:
    """The synced type *name*, or None for a type this desk does not know."""
    return BY_NAME.get(name)
