"""The desk's own presales content (``presales_content``, schema 0010): an
entry of the knowledge base or a module's questionnaire edited or added on
this desk, or a shipped entry the company removed.

Desk-local, never synced: no outbox op is written (company content travels
as files, docs/presales.md).  Each method is one transaction, like the
registration store; rows come back in the order they were first written
(SQLite's rowid), which is the order desk-added entries are shown in.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import literal_column, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from erpdesk.storage.database import DeskDatabase, translated_errors
from erpdesk.storage.mapping import to_text
from erpdesk.storage.schema import meta, presales_content

# What a row holds: a knowledge base entry or a module's questionnaire.
CONTENT_KINDS = ("module", "industry", "competitor", "questionnaire")


@dataclass(frozen=True)
class StoredContent:
    """One row: the entry's plain data (empty for a removed shipped entry)."""

    kind: str
    code: str
    data: dict[str, Any]
    removed: bool
    updated_at: str
    updated_by: str


def _row(row: Any) -> StoredContent:
    return StoredContent(
        kind=row.kind, code=row.code, data=json.loads(row.data or "{}"),
        removed=bool(row.removed), updated_at=row.updated_at, updated_by=row.updated_by or "",
    )


class ContentStore:
    """Reads and writes of ``presales_content`` on one desk database."""

    def __init__(self, db: DeskDatabase) -> None:
        self._db = db

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        self._db.verify()
        with translated_errors(self._db.path), self._db.sessions() as s, s.begin():
            yield s

    def rows(self, kind: str | None = None) -> list[StoredContent]:
        """Every row (of *kind*), in the order first written."""
        stmt = select(presales_content).order_by(literal_column("rowid"))
        if kind is not None:
            stmt = stmt.where(presales_content.c.kind == kind)
        with self._transaction() as s:
            return [_row(r) for r in s.execute(stmt)]

    def get(self, kind: str, code: str) -> StoredContent | None:
        stmt = select(presales_content).where(
            presales_content.c.kind == kind, presales_content.c.code == code
        )
        with self._transaction() as s:
            row = s.execute(stmt).first()
            return _row(row) if row is not None else None

    def put(self, kind: str, code: str, data: Mapping[str, Any], *, removed: bool = False,
            at: datetime, by: str) -> None:
        """Store *data* as the desk's *kind*/*code* (or mark it *removed*)."""
        if kind not in CONTENT_KINDS:
            raise ValueError(f"unknown kind of content {kind!r}")
        values = {
            "kind": kind,
            "code": code,
            "data": json.dumps(dict(data), ensure_ascii=False, sort_keys=True),
            "removed": removed,
            "updated_at": to_text(at),
            "updated_by": by,
        }
        stmt = sqlite_insert(presales_content).values(**values)
        stmt = stmt.on_conflict_do_update(
            index_elements=[presales_content.c.kind, presales_content.c.code],
            set_={k: stmt.excluded[k] for k in ("data", "removed", "updated_at", "updated_by")},
        )
        with self._transaction() as s:
            s.execute(stmt)

    def delete(self, kind: str, code: str) -> bool:
        """Forget the desk's *kind*/*code*; True when there was a row."""
        stmt = presales_content.delete().where(
            presales_content.c.kind == kind, presales_content.c.code == code
        )
        with self._transaction() as s:
            return bool(s.execute(stmt).rowcount)  # type: ignore[attr-defined]

    def signed_in_user(self) -> str:
        """The desk's signed-in user (``sync.user``), "" if never signed in."""
        stmt = select(meta.c.value).where(meta.c.key == "sync.user")
        with self._transaction() as s:
            value = s.execute(stmt).scalar()
            return str(value or "")
