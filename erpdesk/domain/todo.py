"""Todos (待办): a next step (下一步) promised at an activity, or a task of
the rep's own, each with a date and time it is due (docs/todos.md).

A todo is about a customer (and possibly one of its deals); a next step
also names the activity it came from.  It is open until done (``done_at``)
and may be reopened; it is moved (rescheduled) to another time.
``reminded_at`` is when this desk last notified the user about it: desk
bookkeeping, never synced.

The rules are pure functions returning new records; *now* is the caller's
clock in the user's own time zone (the "today" a due date is compared
with is *now*'s date).  Every refusal is a ``TodoRefused`` carrying the
problems, in translatable words.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from erpdesk.domain.customer import Activity, LabelledEnum, new_id, utcnow
from erpdesk.domain.dates import date_problem
from erpdesk.domain.errors import Problem, ValidationError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP

MAX_TITLE = 200
MAX_NOTES = 4000


class TodoKind(LabelledEnum):
    """Where a todo came from."""

    NEXT_STEP = ("next_step", QT_TRANSLATE_NOOP("Domain", "Next step"), "下一步")
    TASK = ("task", QT_TRANSLATE_NOOP("Domain", "Task"), "待办")


@dataclass(frozen=True)
class Todo:
    """Something to do for a customer by a date and time (``due_at``,
    aware).  ``deal_id`` and ``activity_id`` are None when it has none."""

    customer_id: str
    title: str
    due_at: datetime
    kind: TodoKind = TodoKind.TASK
    deal_id: str | None = None
    activity_id: str | None = None
    notes: str = ""
    done_at: datetime | None = None
    reminded_at: datetime | None = None  # desk-local, not synced
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    server_version: int | None = None
    deleted: bool = False

    @property
    def is_open(self) -> bool:
        return self.done_at is None


# What an update op carries (what a user or an action changes); a create op
# carries the record's customer, deal, activity and kind besides.
TODO_FIELDS = ("title", "due_at", "notes", "done_at")
TODO_CREATE_FIELDS = ("customer_id", "deal_id", "activity_id", "kind", *TODO_FIELDS)


class TodoRefused(ValidationError):
    """A todo or a change of one that the rules refuse; ``problems`` say why."""

    text = QT_TRANSLATE_NOOP("Domain", "The todo cannot be saved")


NO_CUSTOMER = QT_TRANSLATE_NOOP("Domain", "A todo needs a customer")
NO_TITLE = QT_TRANSLATE_NOOP("Domain", "A todo needs a title")
TITLE_TOO_LONG = QT_TRANSLATE_NOOP(
    "Domain", "The todo's title may have at most {max} characters, not {length}"
)
NOTES_TOO_LONG = QT_TRANSLATE_NOOP(
    "Domain", "The todo's notes may have at most {max} characters, not {length}"
)
NO_OFFSET = QT_TRANSLATE_NOOP("Domain", "The due time needs its time zone offset")
IN_THE_PAST = QT_TRANSLATE_NOOP(
    "Domain", "The due date {date} is in the past; pick today or a later day"
)
DELETED = QT_TRANSLATE_NOOP("Domain", "The todo has been deleted")
MOVE_DONE = QT_TRANSLATE_NOOP("Domain", "A done todo is not moved; reopen it first")
DEAL_OF_OTHER_CUSTOMER = QT_TRANSLATE_NOOP(
    "Domain", "The deal {deal} belongs to another customer than the todo"
)
CUSTOMER_GONE = QT_TRANSLATE_NOOP(
    "Domain", "The customer {name} has been deleted; a todo needs a current customer"
)
NO_NEXT_STEP = QT_TRANSLATE_NOOP(
    "Domain", "A due time is for a next step: write the next step, or clear the due time"
)
WHAT_TODO = QT_TRANSLATE_NOOP("Domain", "Todo")


def _problem(field_name: str, code: str, text: str, **params: Any) -> Problem:
    return Problem(field_name, code, text, params)


def _due_problems(due_at: datetime, now: datetime) -> list[Problem]:
    """A due time needs its offset, must fall on *now*'s date or later (in
    *now*'s zone) and be plausible (at most a year ahead, as the registry
    checks)."""
    if due_at.utcoffset() is None:
        return [_problem("due_at", "due_at.naive", NO_OFFSET)]
    day = due_at.astimezone(now.tzinfo).date()
    if day < now.date():
        return [_problem("due_at", "due_at.past", IN_THE_PAST, date=day.isoformat())]
    implausible = date_problem(due_at, now, "due_at")
    return [implausible] if implausible is not None else []


def todo_problems(todo: Todo) -> list[Problem]:
    """What is wrong with the fields of *todo* whatever the date: no
    customer, no or too long a title, too long notes, a due time without
    its offset."""
    problems = []
    if not todo.customer_id.strip():
        problems.append(_problem("customer_id", "customer_id.required", NO_CUSTOMER))
    title = todo.title.strip()
    if not title:
        problems.append(_problem("title", "title.required", NO_TITLE))
    elif len(title) > MAX_TITLE:
        problems.append(_problem(
            "title", "title.too_long", TITLE_TOO_LONG, max=MAX_TITLE, length=len(title)
        ))
    if len(todo.notes) > MAX_NOTES:
        problems.append(_problem(
            "notes", "notes.too_long", NOTES_TOO_LONG, max=MAX_NOTES, length=len(todo.notes)
        ))
    if todo.due_at.utcoffset() is None:
        problems.append(_problem("due_at", "due_at.naive", NO_OFFSET))
    return problems


def _stripped(todo: Todo) -> Todo:
    return replace(todo, title=todo.title.strip(), notes=todo.notes.strip())


def _refuse_deleted(todo: Todo) -> None:
    if todo.deleted:
        raise TodoRefused([_problem("", "deleted", DELETED)])


def new_todo(
    customer_id: str,
    title: str,
    due_at: datetime,
    *,
    now: datetime,
    kind: TodoKind = TodoKind.TASK,
    deal_id: str | None = None,
    activity_id: str | None = None,
    notes: str = "",
) -> Todo:
    """A new open todo, checked: besides ``todo_problems``, it may not be
    due before today (*now*'s date) nor more than a year ahead."""
    todo = _stripped(Todo(
        customer_id=customer_id, title=title, due_at=due_at, kind=kind,
        deal_id=deal_id or None, activity_id=activity_id or None, notes=notes,
        created_at=now, updated_at=now,
    ))  # fmt: skip
    problems = todo_problems(todo)
    if not any(p.field == "due_at" for p in problems):
        problems += _due_problems(todo.due_at, now)
    if problems:
        raise TodoRefused(problems)
    return todo


def next_step_todo(activity: Activity, due_at: datetime, *, now: datetime) -> Todo:
    """The todo of *activity*'s next step, due at *due_at* (``new_todo``'s
    rules): its title is the next step's text (a text longer than a title
    is cut, and kept whole in the notes).  Without a next step text the due
    time is refused rather than dropped."""
    text = activity.next_step.strip()
    if not text:
        raise TodoRefused([_problem("next_step", "next_step.required", NO_NEXT_STEP)])
    title, notes = text, ""
    if len(text) > MAX_TITLE:
        title, notes = text[: MAX_TITLE - 1] + "…", text
    return new_todo(
        activity.customer_id, title, due_at, now=now, kind=TodoKind.NEXT_STEP,
        activity_id=activity.id, notes=notes,
    )  # fmt: skip


def edit_todo(todo: Todo, *, now: datetime, **changes: Any) -> Todo:
    """*todo* with its ``title`` and ``notes`` changed (the due time changes
    by ``move``, done by ``done``); refused as ``todo_problems`` says."""
    _refuse_deleted(todo)
    unknown = set(changes) - {"title", "notes"}
    if unknown:
        raise ValueError(f"not editable here: {', '.join(sorted(unknown))}")
    edited = _stripped(replace(todo, **changes))
    problems = todo_problems(edited)
    if problems:
        raise TodoRefused(problems)
    return replace(edited, updated_at=now) if edited != todo else todo


def move(todo: Todo, due_at: datetime, *, now: datetime) -> Todo:
    """*todo* rescheduled to *due_at*: an open todo, to today or later."""
    _refuse_deleted(todo)
    if not todo.is_open:
        raise TodoRefused([_problem("due_at", "done", MOVE_DONE)])
    problems = _due_problems(due_at, now)
    if problems:
        raise TodoRefused(problems)
    return replace(todo, due_at=due_at, updated_at=now) if due_at != todo.due_at else todo


def done(todo: Todo, *, now: datetime) -> Todo:
    """*todo* done at *now* (a done one stays as it was)."""
    _refuse_deleted(todo)
    return todo if not todo.is_open else replace(todo, done_at=now, updated_at=now)


def reopen(todo: Todo, *, now: datetime) -> Todo:
    """*todo* open again (an open one stays as it was); its due time is
    kept, so a reopened old todo shows as overdue."""
    _refuse_deleted(todo)
    return todo if todo.is_open else replace(todo, done_at=None, updated_at=now)


def deal_problem(todo: Todo, deal_customer_id: str, deal_name: str) -> Problem | None:
    """A problem when the todo's deal (of *deal_customer_id*) belongs to
    another customer than the todo."""
    if deal_customer_id == todo.customer_id:
        return None
    return _problem("deal_id", "deal.other_customer", DEAL_OF_OTHER_CUSTOMER, deal=deal_name)


def customer_gone(name: str) -> Problem:
    """The problem of a todo whose customer *name* has been deleted."""
    return _problem("customer_id", "customer.deleted", CUSTOMER_GONE, name=name)


def needs_reminder(todo: Todo, now: datetime) -> bool:
    """Is *todo* due for a notification: open, due by *now*, and not
    notified since it fell due (``reminded_at`` before ``due_at``)?"""
    if todo.deleted or not todo.is_open or todo.due_at > now:
        return False
    return todo.reminded_at is None or todo.reminded_at < todo.due_at

