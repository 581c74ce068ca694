"""The todos' repository (entity ``todo``, schema 0011; docs/todos.md).

Built on the presales repositories' base: Core statements in a unit of
work's session, domain objects in and out, an outbox op for every change in
the change's own transaction (a create carries the customer, deal, activity
and kind; an update the changed ``TODO_FIELDS`` with the base
``server_version``; a delete is a tombstone op).  ``reminded_at`` is the
desk's own: ``mark_reminded`` writes it without an op.

Times are stored as the desk's UTC text, so they compare as text: every
query below is a range over ``due_at`` or ``done_at`` on an index.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import or_, update

from erpdesk.domain.customer import enum_member
from erpdesk.domain.todo import TODO_CREATE_FIELDS, TODO_FIELDS, WHAT_TODO, Todo, TodoKind
from erpdesk.storage.mapping import Row, from_text, to_text
from erpdesk.storage.presales_repositories import RecordRepository, bookkeeping, optional_time
from erpdesk.storage.schema import todo


def todo_from_row(row: Row) -> Todo:
    return Todo(
        customer_id=row["customer_id"],
        title=row["title"],
        due_at=from_text(row["due_at"]),
        kind=enum_member(TodoKind, row["kind"]),
        deal_id=row["deal_id"] or None,
        activity_id=row["activity_id"] or None,
        notes=row["notes"],
        done_at=optional_time(row["done_at"]),
        reminded_at=optional_time(row["reminded_at"]),
        **bookkeeping(row),
    )


class TodoRepository(RecordRepository):
    """The ``todo`` table: get, add, update, tombstone, and the queries the
    Today page and the reminders read (live rows only)."""

    entity = "todo"
    table = todo
    json_columns = ()
    create_fields = TODO_CREATE_FIELDS
    update_fields = TODO_FIELDS
    what = WHAT_TODO

    def _from_row(self, row: Row) -> Todo:
        return todo_from_row(row)

    def get(self, record_id: str) -> Todo:
        found: Todo = super().get(record_id)
        return found

    def _open(self, *where: Any) -> list[Todo]:
        t = self.table
        found: list[Todo] = self._select(t.c.done_at.is_(None), *where, order=(t.c.due_at,))
        return found

    def open_due_before(self, end: datetime) -> list[Todo]:
        """Open todos due before *end* (overdue and today's when *end* is
        tomorrow's start), by due time."""
        return self._open(self.table.c.due_at < to_text(end))

    def open_due_between(self, start: datetime, end: datetime) -> list[Todo]:
        """Open todos due in [*start*, *end*), by due time."""
        t = self.table
        return self._open(t.c.due_at >= to_text(start), t.c.due_at < to_text(end))

    def of_customer(self, customer_id: str) -> list[Todo]:
        """A customer's todos: open ones by due time, then done ones."""
        t = self.table
        found: list[Todo] = self._select(
            t.c.customer_id == customer_id, order=(t.c.done_at.is_not(None), t.c.due_at)
        )
        return found

    def of_deal(self, deal_id: str) -> list[Todo]:
        """A deal's todos: open ones by due time, then done ones."""
        t = self.table
        found: list[Todo] = self._select(
            t.c.deal_id == deal_id, order=(t.c.done_at.is_not(None), t.c.due_at)
        )
        return found

    def done_since(self, start: datetime) -> list[Todo]:
        """Todos done at or after *start*, the latest first."""
        t = self.table
        found: list[Todo] = self._select(
            t.c.done_at >= to_text(start), order=(t.c.done_at.desc(),)
        )
        return found

    def reminder_due(self, now: datetime) -> list[Todo]:
        """Open todos due by *now* that the desk has not notified since they
        fell due (``reminded_at`` NULL or before ``due_at``), by due time."""
        t = self.table
        return self._open(
            t.c.due_at <= to_text(now),
            or_(t.c.reminded_at.is_(None), t.c.reminded_at < t.c.due_at),
        )

    def mark_reminded(self, ids: Iterable[str], at: datetime) -> int:
        """Record that the desk notified about *ids* at *at*: desk-local, no
        outbox op and no change of ``updated_at``.  How many rows changed."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return 0
        t = self.table
        result = self._session.execute(
            update(t).where(t.c.id.in_(wanted), t.c.deleted.is_(False))
            .values(reminded_at=to_text(at))
        )  # fmt: skip
        return int(getattr(result, "rowcount", 0) or 0)
