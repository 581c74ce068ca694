"""Writing calendar events to an iCalendar (.ics) file (RFC 5545).

One VCALENDAR (PRODID, VERSION 2.0, METHOD PUBLISH, the calendar's name)
with one VEVENT per ``CalendarEvent``.  The ``icalendar`` library does all
of the format's escaping (commas, semicolons, backslashes, line breaks)
and folds lines at 75 octets without splitting a character, so Chinese
and emoji survive.

Times are written in UTC (``DTSTART:20250310T013000Z``), not as local
times with a TZID and a VTIMEZONE: Outlook, Google Calendar and Apple
Calendar all read UTC times exactly and show them in the reader's own zone,
whereas a TZID must be recognised (Outlook maps it to a Windows zone and
otherwise shows a "custom time zone") and a VTIMEZONE must be trusted.
China has kept no daylight saving time since 1991, so nothing is lost.
All-day events are dates (``VALUE=DATE``) with the exclusive end RFC 5545
and every calendar expect (the day after the last day).

Organizer and attendees are written as lines of the description, in the
file's language, not as ORGANIZER/ATTENDEE: those need e-mail addresses,
and a calendar that finds them treats the entry as a meeting invitation
(Outlook opens it as one not yet answered, Apple offers to send replies).

A UID is the event's ``uid`` at ``UID_DOMAIN``, so exporting the same
record again updates the entry the calendar already holds.
"""

from __future__ import annotations

import io
import os
import re
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from icalendar import Alarm, Calendar, Event

from erpdesk import __version__
from erpdesk.domain.calendar import CalendarEvent
from erpdesk.domain.errors import DomainError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.os_errors import explain, remove_quietly

# The right-hand side of every UID: names us without claiming a domain we do
# not own (.invalid is reserved, RFC 2606), so our UIDs never clash with
# another program's.
UID_DOMAIN = "erpdesk.invalid"
PRODID_OWNER = "ERPDesk"

ENDS_BEFORE_START = QT_TRANSLATE_NOOP(
    "Domain",
    'The event "{title}" ends before it starts ({start} to {end}); '
    "correct its times and export the calendar again",
)
CANNOT_WRITE = QT_TRANSLATE_NOOP("Domain", "Cannot write the calendar {path} ({detail})")

# (zh_CN, English) labels of the description's lines: the file's content,
# written in the language asked for, like the headers of an exported sheet.
ORGANIZER_LABEL = ("组织者：", "Organizer: ")
ATTENDEES_LABEL = ("参加人：", "Attendees: ")
NAME_SEPARATOR = ("、", ", ")

# Control characters RFC 5545 does not allow in a text (tab and line feed
# are fine; a carriage return is taken as part of a line break).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class CalendarExportError(DomainError):
    """The calendar cannot be written: an event is impossible, or the file
    cannot be written where asked (the target is then left as it was)."""


def write_ics(
    events: Iterable[CalendarEvent],
    target: Path | str | BinaryIO,
    *,
    calendar_name: str,
    language: str = "zh_CN",
) -> int:
    """Write *events* as an iCalendar file to *target* (a path, written
    atomically, or a binary stream); returns the number of events.

    Raises ``CalendarExportError`` before anything is written when an event
    ends before it starts, and when the file cannot be written."""
    data, count = ics_bytes(events, calendar_name=calendar_name, language=language)
    if isinstance(target, str | os.PathLike):
        _write_atomically(Path(target), data)
    else:
        stream: object = target  # typed BinaryIO, but callers are not checked
        if isinstance(stream, io.TextIOBase):
            raise TypeError("write_ics needs a binary stream (an .ics file is UTF-8 bytes)")
        target.write(data)
    return count


def ics_bytes(
    events: Iterable[CalendarEvent], *, calendar_name: str, language: str = "zh_CN"
) -> tuple[bytes, int]:
    """The .ics file of *events* and the number of events in it."""
    zh = language.lower().replace("-", "_").startswith("zh")
    tag = "zh-CN" if zh else "en"
    stamp = datetime.now(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", f"-//{PRODID_OWNER}//ERPDesk {__version__}//{'ZH' if zh else 'EN'}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = _text(calendar_name)
    calendar.add("name", name)  # RFC 7986
    calendar.add("x-wr-calname", name)  # what Outlook, Google and Apple read
    count = 0
    for event in events:
        calendar.add_component(_vevent(event, stamp, tag, zh))
        count += 1
    return calendar.to_ical(), count


def _vevent(event: CalendarEvent, stamp: datetime, tag: str, zh: bool) -> Event:
    if event.ends_before_start:
        start, end = _span(event)
        raise CalendarExportError(ENDS_BEFORE_START, title=event.title, start=start, end=end)
    lang = {"LANGUAGE": tag}
    vevent = Event()
    vevent.add("uid", f"{event.uid}@{UID_DOMAIN}")
    vevent.add("dtstamp", stamp)
    if event.starts_at is not None:
        vevent.add("dtstart", event.starts_at.astimezone(UTC))
        if event.ends_at is not None:
            vevent.add("dtend", event.ends_at.astimezone(UTC))
    else:
        assert event.day is not None
        vevent.add("dtstart", event.day)
        vevent.add("dtend", (event.last_day or event.day) + timedelta(days=1))
    vevent.add("summary", _text(event.title), parameters=lang)
    if event.location:
        vevent.add("location", _text(event.location), parameters=lang)
    description = _description(event, zh)
    if description:
        vevent.add("description", description, parameters=lang)
    if event.url:
        vevent.add("url", event.url)
    if event.categories:
        vevent.add("categories", [_text(c) for c in event.categories])
    vevent.add("status", event.status.value)
    if event.alarm_minutes_before is not None:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", timedelta(minutes=-event.alarm_minutes_before))
        alarm.add("description", _text(event.title))
        vevent.add_component(alarm)
    return vevent


def _description(event: CalendarEvent, zh: bool) -> str:
    index = 0 if zh else 1
    lines = [_text(event.description)] if event.description else []
    if event.organizer:
        lines.append(ORGANIZER_LABEL[index] + _text(event.organizer))
    if event.attendees:
        names = NAME_SEPARATOR[index].join(_text(a) for a in event.attendees)
        lines.append(ATTENDEES_LABEL[index] + names)
    return "\n".join(lines)


def _text(value: str) -> str:
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def _span(event: CalendarEvent) -> tuple[str, str]:
    if event.starts_at is not None:
        assert event.ends_at is not None
        return (
            event.starts_at.isoformat(sep=" ", timespec="minutes"),
            event.ends_at.isoformat(sep=" ", timespec="minutes"),
        )
    assert event.day is not None and event.last_day is not None
    return event.day.isoformat(), event.last_day.isoformat()


def _write_atomically(path: Path, data: bytes) -> None:
    """*data* into *path* through a temporary file beside it, renamed when
    complete: a failed write leaves the target as it was."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise CalendarExportError(
            CANNOT_WRITE, path=str(path), detail=explain(exc)[0]
        ) from exc
    finally:
        remove_quietly(tmp)
