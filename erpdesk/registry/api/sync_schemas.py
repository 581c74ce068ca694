"""Bodies of the sync endpoints (``routes_sync``).

The envelope is strict (unknown keys, wrong types: 422 for the whole
request); each op only has to be a JSON object here: everything in it (its
keys, their types, the entity, the fields, their values) is checked by
``erpdesk.registry.sync.ops.check_op``, so one bad op is ``rejected`` alone
and never blocks the ops after it in a desk's outbox.  ``OpIn`` documents
what a good op looks like (the OpenAPI schema of an op).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, WithJsonSchema

from erpdesk.registry.api.schemas import NO_NUL
from erpdesk.registry.sync.ops import BIG, MAX_FIELDS
from erpdesk.registry.sync.push import MAX_OPS

Id = Annotated[str, StringConstraints(max_length=64)]


class OpIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    op_id: Id
    seq: Annotated[int, Field(ge=0, le=BIG)] | None = None
    entity: Annotated[str, StringConstraints(max_length=32)]
    entity_id: Id
    op: Annotated[str, StringConstraints(max_length=16)]
    base_version: Annotated[int, Field(ge=0, le=BIG)] | None = None
    fields: Annotated[dict[str, Any], Field(max_length=MAX_FIELDS)] = {}
    created_at: Annotated[str, StringConstraints(max_length=64)] | None = None
    payload_version: Annotated[int, Field(ge=0, le=1000)] = 1


# An op as the envelope takes it: any JSON object, documented as ``OpIn``.
RawOp = Annotated[dict[str, Any], WithJsonSchema(OpIn.model_json_schema())]


class PushIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    device_id: Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=NO_NUL)]
    device_time: AwareDatetime | None = Field(
        None, description="The device's clock when it sent the batch (only to report skew)"
    )
    ops: Annotated[list[RawOp], Field(
        max_length=MAX_OPS,
        description="The outbox ops in order; each one that is not a good op (``OpIn``) is"
        " answered ``rejected`` with a reason, and the others are applied",
    )]


class ConflictOut(BaseModel):
    field: str
    registry_value: Any = None
    desk_value: Any = None


class OpResultOut(BaseModel):
    op_id: str | None
    status: Literal["applied", "duplicate", "conflict", "rejected"]
    server_version: int | None = None
    reason: str | None = None
    message: str | None = None
    first_status: str | None = Field(None, description="For a duplicate: the first answer")
    conflicts: list[ConflictOut] | None = None


class PushOut(BaseModel):
    results: list[OpResultOut]
    registry_time: datetime
    clock_skew_seconds: int | None = Field(
        None, description="The device's clock minus the registry's, when device_time was sent"
    )
    clock_skewed: bool = False


class ChangeOut(BaseModel):
    entity: Literal[
        "customer", "contact", "activity",
        # ``sync.entities``
        "deal", "stage_change", "worksheet", "quote", "quote_approval", "proposal",
        "support_request", "presales_engagement", "presales_task", "todo",
    ]
    id: str
    version: int
    deleted: bool
    visible: bool = True
    fields: dict[str, Any]


class PullOut(BaseModel):
    changes: list[ChangeOut]
    next_cursor: int
    has_more: bool
    registry_time: datetime


class ConflictRecordOut(BaseModel):
    """A desk value that lost a three-way merge: the registry kept its value."""

    id: int
    entity: str
    entity_id: str
    field: str
    registry_value: Any = None
    desk_value: Any = None
    op_id: str
    created_at: datetime
    resolved_at: datetime | None = None


class ConflictsOut(BaseModel):
    conflicts: list[ConflictRecordOut]
