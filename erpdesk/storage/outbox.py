"""The sync outbox: one op per local change, written in the change's own
transaction (architecture: "Nothing leaves the outbox until the registry has
acknowledged it")."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from erpdesk.domain.customer import utcnow
from erpdesk.storage.mapping import payload_value, to_text
from erpdesk.storage.schema import outbox

# Version of the op payload format; a desk migration that changes it migrates
# the outbox rows in the same transaction.
PAYLOAD_VERSION = 1


@dataclass(frozen=True)
class OutboxOp:
    seq: int
    op_id: str
    entity: str
    entity_id: str
    op: str
    base_version: int | None
    fields: dict[str, Any]
    created_at: str
    payload_version: int


def op_row(
    entity: str, entity_id: str, op: str, base_version: int | None, fields: dict[str, Any]
) -> dict[str, Any]:
    """The outbox row of one change (plain values: enums as codes, times as
    text, dates as ISO text, money as exact decimal text, lists and mappings
    as JSON arrays and objects; see ``mapping.payload_value``)."""
    payload = {name: payload_value(value) for name, value in fields.items()}
    return {
        "op_id": str(uuid.uuid4()),
        "entity": entity,
        "entity_id": entity_id,
        "op": op,
        "base_version": base_version,
        "fields": json.dumps(payload, ensure_ascii=False, sort_keys=True),
        "created_at": to_text(utcnow()),
        "payload_version": PAYLOAD_VERSION,
    }


class Outbox:
    """Writes and reads outbox ops inside a unit of work's session."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._rows: list[dict[str, Any]] = []

    def record(
        self,
        entity: str,
        entity_id: str,
        op: str,
        base_version: int | None,
        fields: dict[str, Any],
    ) -> str:
        row = op_row(entity, entity_id, op, base_version, fields)
        self._rows.append(row)
        return str(row["op_id"])

    def flush(self) -> None:
        """Write the recorded ops, in order, in the session's transaction."""
        if self._rows:
            self._session.execute(insert(outbox), self._rows)
            self._rows = []

    def pending(self, limit: int | None = None) -> list[OutboxOp]:
        self.flush()
        stmt = select(outbox).order_by(outbox.c.seq)
        if limit is not None:
            stmt = stmt.limit(limit)
        return [
            OutboxOp(**{**row, "fields": json.loads(row["fields"])})
            for row in self._session.execute(stmt).mappings()
        ]

    def count(self) -> int:
        self.flush()
        return int(self._session.execute(select(func.count()).select_from(outbox)).scalar_one())
