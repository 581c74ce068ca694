"""The rep's calendar export (docs/today.md): open todos (next steps and
tasks) as 30-minute events at their due time, the visits logged in the
period as one-hour events, and the demos and surveys the user attends
(``presales.calendar_event``, as the presales week exports them), written
by ``services.ics.write_ics`` (the ``icalendar`` library formats the file).

UIDs are the records' ids with their kind (``todo-…``, ``visit-…``,
``presales-task-…``), so exporting again updates the entries a calendar
already holds.  Everything is read from the desk's own database.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from erpdesk.domain.calendar import CalendarEvent, EventStatus
from erpdesk.domain.customer import ActivityKind
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.todo import TodoKind
from erpdesk.services.ics import write_ics
from erpdesk.storage.mapping import from_text

if TYPE_CHECKING:
    import sqlite3

    from erpdesk.services.presales import PresalesService
    from erpdesk.storage.today_queries import TodayQueries

Translate = Callable[[str, str], str]

TODO_MINUTES = 30
VISIT_MINUTES = 60
ALARM_MINUTES = 15  # a todo reminds a quarter of an hour before
DAYS_BACK = 30  # the default period: visits of the last 30 days …
DAYS_AHEAD = 30  # … and todos and presales tasks of the next 30

CALENDAR_NAME = QT_TRANSLATE_NOOP("Domain", "Work of {user}")
CALENDAR_NAME_NO_USER = QT_TRANSLATE_NOOP("Domain", "My work")
EVENT_TITLE = QT_TRANSLATE_NOOP("Domain", "{kind}: {title} ({customer}, {deal})")
EVENT_TITLE_NO_DEAL = QT_TRANSLATE_NOOP("Domain", "{kind}: {title} ({customer})")
VISIT_TITLE = QT_TRANSLATE_NOOP("Domain", "{kind}: {customer}")
VISIT_OUTCOME = QT_TRANSLATE_NOOP("Domain", "Outcome: {text}")
VISIT_NEXT_STEP = QT_TRANSLATE_NOOP("Domain", "Next step: {text}")


def default_period(today: date) -> tuple[date, date]:
    """The first and the last day the export covers by default."""
    return today - timedelta(days=DAYS_BACK), today + timedelta(days=DAYS_AHEAD)


def _title(kind: str, title: str, customer: str, deal: str, translate: Translate) -> str:
    texts = {"kind": kind, "title": title, "customer": customer, "deal": deal}
    return translate("Domain", EVENT_TITLE if deal else EVENT_TITLE_NO_DEAL).format(**texts)


def todo_event(row: sqlite3.Row, translate: Translate) -> CalendarEvent:
    """An open todo (a ``TodayQueries.open_todos`` row) as a 30-minute
    event at its due time, with a reminder before it."""
    kind = TodoKind.NEXT_STEP if row["kind"] == "next_step" else TodoKind.TASK
    label = translate("Domain", kind.label)
    starts = from_text(row["due_at"])
    return CalendarEvent(
        uid=f"todo-{row['id']}",
        title=_title(label, row["title"], row["customer"], row["deal"], translate),
        starts_at=starts, ends_at=starts + timedelta(minutes=TODO_MINUTES),
        description=row["notes"], categories=(label,), alarm_minutes_before=ALARM_MINUTES,
    )  # fmt: skip


def visit_event(row: sqlite3.Row, translate: Translate) -> CalendarEvent:
    """A logged visit (a ``TodayQueries.visits`` row) as a one-hour event:
    its summary, outcome and next step in the description."""
    label = translate("Domain", ActivityKind.VISIT.label)
    starts = from_text(row["occurred_at"])
    lines = [row["summary"]]
    if row["outcome"]:
        lines.append(translate("Domain", VISIT_OUTCOME).format(text=row["outcome"]))
    if row["next_step"]:
        lines.append(translate("Domain", VISIT_NEXT_STEP).format(text=row["next_step"]))
    return CalendarEvent(
        uid=f"visit-{row['id']}",
        title=translate("Domain", VISIT_TITLE).format(kind=label, customer=row["customer"]),
        starts_at=starts, ends_at=starts + timedelta(minutes=VISIT_MINUTES),
        description="\n".join(lines), categories=(label,), status=EventStatus.CONFIRMED,
    )  # fmt: skip


def _bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """Local 0:00 of *first* and of the day after *last*."""
    start = datetime.combine(first, time()).astimezone()
    return start, datetime.combine(last + timedelta(days=1), time()).astimezone()


def calendar_events(
    queries: TodayQueries,
    first: date,
    last: date,
    translate: Translate,
    presales: PresalesService | None = None,
) -> list[CalendarEvent]:
    """The events of the days *first* to *last*: the open todos due by
    then (overdue ones too: they are still to do), the visits logged in
    the period and, with *presales*, the demos and surveys the user
    attends, by start."""
    start, end = _bounds(first, last)
    events = [todo_event(r, translate) for r in queries.open_todos(None, end, None).rows]
    events += [visit_event(r, translate) for r in queries.visits(start, end, None).rows]
    if presales is not None:
        events += _presales_events(presales, start, end, translate)
    events.sort(key=lambda e: (e.starts_at or start, e.uid))
    return events


def _presales_events(
    presales: PresalesService, start: datetime, end: datetime, translate: Translate
) -> list[CalendarEvent]:
    return presales.calendar_events(start, end, translate)


def visit_events(
    queries: TodayQueries, translate: Translate
) -> Callable[[datetime, datetime], list[CalendarEvent]]:
    """The visits logged in a period as events (for the presales calendar)."""

    def events(start: datetime, end: datetime) -> list[CalendarEvent]:
        return [visit_event(r, translate) for r in queries.visits(start, end, None).rows]

    return events


def write_calendar(
    queries: TodayQueries,
    target: Path | str | BinaryIO,
    *,
    first: date,
    last: date,
    translate: Translate,
    language: str,
    user: str = "",
    presales: PresalesService | None = None,
) -> int:
    """Write ``calendar_events`` to *target* (a path, written atomically,
    or a binary stream); the number of events.  ``CalendarExportError``
    when it cannot be written."""
    events = calendar_events(queries, first, last, translate, presales)
    name = (
        translate("Domain", CALENDAR_NAME).format(user=user)
        if user
        else translate("Domain", CALENDAR_NAME_NO_USER)
    )
    return write_ics(events, target, calendar_name=name, language=language)
