"""Todo use cases (docs/todos.md): a rep's tasks (待办) and the next steps
logged with an activity, each due at a time; done, reopened, moved; what is
due today, overdue, this week; what the desk should remind of.

The rules are the domain's (``erpdesk.domain.todo``); this service checks
what they need from the database (a live customer, a deal of that
customer), writes the result with its outbox op in one transaction and then
publishes ``Change("todo", ids)``.  A refusal writes nothing.  "Today" is
the user's: the clock's time in the machine's time zone (*zone* in tests).
Everything works offline: the todos are the desk's own rows, synced later.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from erpdesk.domain.customer import utcnow
from erpdesk.domain.todo import (
    Todo,
    TodoRefused,
    customer_gone,
    deal_problem,
    done,
    edit_todo,
    move,
    new_todo,
    reopen,
)
from erpdesk.services.events import Change, ChangeFeed

if TYPE_CHECKING:
    from erpdesk.storage.uow import UnitOfWork

TODO_ENTITY = "todo"


@dataclass(frozen=True)
class DueTodos:
    """Open todos due by the end of today: those past their time
    (``overdue``) and those later today (``today``), each by due time."""

    overdue: tuple[Todo, ...]
    today: tuple[Todo, ...]

    @property
    def all(self) -> tuple[Todo, ...]:
        return self.overdue + self.today


def store_todo(uow: UnitOfWork, todo: Todo) -> None:
    """Add the checked new *todo* in *uow* (with its outbox op): its
    customer must be live and its deal that customer's.  Shared with
    ``CustomerService.log_activity``, which adds a next step in the
    activity's own transaction."""
    customer = uow.customers.get(todo.customer_id)
    if customer.deleted:
        raise TodoRefused([customer_gone(customer.name)])
    if todo.deal_id:
        deal = uow.deals.get(todo.deal_id)
        wrong = deal_problem(todo, deal.customer_id, deal.name)
        if wrong is not None:
            raise TodoRefused([wrong])
    uow.todos.add(todo)


class TodoService:
    """Todos of one desk; *clock* returns now (UTC), *zone* is the user's
    time zone (default: the machine's)."""

    def __init__(
        self,
        uow: Callable[[], UnitOfWork],
        feed: ChangeFeed,
        *,
        clock: Callable[[], datetime] = utcnow,
        zone: tzinfo | None = None,
    ) -> None:
        self._uow = uow
        self.feed = feed
        self._clock = clock
        self._zone = zone

    def now(self) -> datetime:
        """Now in the user's time zone: what "today" and "overdue" mean."""
        return self._clock().astimezone(self._zone)

    def _publish(self, *ids: str) -> None:
        self.feed.publish(Change(TODO_ENTITY, tuple(ids)))

    def _day_start(self, now: datetime, days: int = 0) -> datetime:
        """The start (0:00) of *now*'s date plus *days*, in *now*'s zone."""
        return datetime.combine(now.date() + timedelta(days=days), time(), tzinfo=now.tzinfo)

    # -- changes ---------------------------------------------------------------

    def add_task(
        self,
        customer_id: str,
        title: str,
        due_at: datetime,
        deal_id: str | None = None,
        notes: str = "",
    ) -> Todo:
        """A new task (待办) of the customer (and its deal), due at *due_at*
        (today or later)."""
        todo = new_todo(customer_id, title, due_at, now=self.now(), deal_id=deal_id, notes=notes)
        with self._uow() as uow:
            store_todo(uow, todo)
            uow.commit()
        self._publish(todo.id)
        return todo

    def _change(self, todo_id: str, rule: Callable[[Todo, datetime], Todo]) -> Todo:
        """Apply *rule* to the todo and write what changed (one update op)."""
        now = self.now()
        with self._uow() as uow:
            before = uow.todos.get(todo_id)
            after = uow.todos.update(before, rule(before, now))
            uow.commit()
        if after is not before:
            self._publish(todo_id)
        result: Todo = after
        return result

    def edit(self, todo_id: str, *, title: str | None = None, notes: str | None = None) -> Todo:
        """Change a todo's title and notes (what is not given stays)."""
        changes = {k: v for k, v in (("title", title), ("notes", notes)) if v is not None}
        return self._change(todo_id, lambda t, now: edit_todo(t, now=now, **changes))

    def move(self, todo_id: str, due_at: datetime) -> Todo:
        """Reschedule an open todo to *due_at* (today or later)."""
        return self._change(todo_id, lambda t, now: move(t, due_at, now=now))

    def done(self, todo_id: str) -> Todo:
        return self._change(todo_id, lambda t, now: done(t, now=now))

    def reopen(self, todo_id: str) -> Todo:
        return self._change(todo_id, lambda t, now: reopen(t, now=now))

    def delete(self, todo_id: str) -> None:
        """Delete a todo (a tombstone that syncs)."""
        with self._uow() as uow:
            uow.todos.delete(uow.todos.get(todo_id))
            uow.commit()
        self._publish(todo_id)

    def mark_reminded(self, ids: Iterable[str], now: datetime | None = None) -> int:
        """Record that the desk notified about *ids* (desk-local: no outbox
        op); how many todos were marked."""
        wanted = tuple(dict.fromkeys(ids))
        with self._uow() as uow:
            count = uow.todos.mark_reminded(wanted, now or self.now())
            uow.commit()
        if count:
            self._publish(*wanted)
        return count

    # -- queries ---------------------------------------------------------------

    def todo(self, todo_id: str) -> Todo:
        with self._uow() as uow:
            return uow.todos.get(todo_id)

    def due(self, now: datetime | None = None) -> DueTodos:
        """Open todos overdue (due before *now*) and due later today."""
        now = now or self.now()
        with self._uow() as uow:
            found = uow.todos.open_due_before(self._day_start(now, 1))
        return DueTodos(
            overdue=tuple(t for t in found if t.due_at < now),
            today=tuple(t for t in found if t.due_at >= now),
        )

    def upcoming(self, days: int = 7, now: datetime | None = None) -> list[Todo]:
        """Open todos due after today, in the next *days* days, by due time."""
        now = now or self.now()
        with self._uow() as uow:
            return uow.todos.open_due_between(
                self._day_start(now, 1), self._day_start(now, 1 + days)
            )

    def of_customer(self, customer_id: str) -> list[Todo]:
        """A customer's todos: open ones by due time, then done ones."""
        with self._uow() as uow:
            return uow.todos.of_customer(customer_id)

    def of_deal(self, deal_id: str) -> list[Todo]:
        with self._uow() as uow:
            return uow.todos.of_deal(deal_id)

    def recently_done(self, days: int = 7, now: datetime | None = None) -> list[Todo]:
        """Todos done since the start of the day *days* days ago, latest first."""
        now = now or self.now()
        with self._uow() as uow:
            return uow.todos.done_since(self._day_start(now, -days))

    def due_for_reminder(self, now: datetime | None = None) -> list[Todo]:
        """Open todos due by *now* not notified since they fell due."""
        with self._uow() as uow:
            return uow.todos.reminder_due(now or self.now())
