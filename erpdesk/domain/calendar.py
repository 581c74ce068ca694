"""Events for a calendar export (日历导出): a visit, a demo, a survey, a next
step or a task, as any calendar program shows it.

Pure data: ``erpdesk.services.ics`` writes them to an .ics file.  An event
is either timed (``starts_at``, optionally ``ends_at``: aware datetimes) or
all-day (``day``, optionally ``last_day``: dates, the last one included).
Building an event with an impossible shape (both kinds, naive times, an
empty uid) is a programming error (``ValueError``); an event that ends
before it starts is data a user can correct, so it is allowed here and
refused, with a message, when it is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum


class EventStatus(Enum):
    """RFC 5545 STATUS of an event."""

    CONFIRMED = "CONFIRMED"
    TENTATIVE = "TENTATIVE"
    CANCELLED = "CANCELLED"


@dataclass(frozen=True)
class CalendarEvent:
    """One calendar entry.

    ``uid`` is the id of the record the event shows (a visit's, a demo's …,
    prefixed with its kind where ids of different kinds could clash), so a
    later export of the same record updates the entry instead of adding a
    second one.  ``organizer`` and ``attendees`` are people's names.
    ``alarm_minutes_before`` asks for a reminder that many minutes before the
    start (0: at the start; ``None``: no reminder).
    """

    uid: str
    title: str
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    day: date | None = None
    last_day: date | None = None
    location: str = ""
    description: str = ""
    url: str | None = None
    categories: tuple[str, ...] = ()
    alarm_minutes_before: int | None = None
    organizer: str | None = None
    attendees: tuple[str, ...] = ()
    status: EventStatus = EventStatus.CONFIRMED

    def __post_init__(self) -> None:
        if not self.uid.strip() or any(c.isspace() for c in self.uid):
            raise ValueError(f"an event's uid must be a word, not {self.uid!r}")
        timed = self.starts_at is not None
        if timed == (self.day is not None):
            raise ValueError("an event has either starts_at or day, not both or neither")
        if timed:
            if self.last_day is not None:
                raise ValueError("last_day belongs to an all-day event")
            for moment in (self.starts_at, self.ends_at):
                if moment is not None and (
                    not isinstance(moment, datetime) or moment.utcoffset() is None
                ):
                    raise ValueError(f"an event's times must be aware datetimes: {moment!r}")
        else:
            if self.ends_at is not None:
                raise ValueError("ends_at belongs to a timed event")
            for day in (self.day, self.last_day):
                # a datetime is a date too: refuse it, its time would be lost
                if day is not None and (type(day) is not date):
                    raise ValueError(f"an all-day event's days must be dates: {day!r}")
        if self.alarm_minutes_before is not None and self.alarm_minutes_before < 0:
            raise ValueError("alarm_minutes_before cannot be negative")
        if not isinstance(self.status, EventStatus):
            raise ValueError(f"unknown event status {self.status!r}")
        # lists would make the frozen event unhashable and mutable
        object.__setattr__(self, "categories", tuple(self.categories))
        object.__setattr__(self, "attendees", tuple(self.attendees))

    @property
    def all_day(self) -> bool:
        return self.day is not None

    @property
    def ends_before_start(self) -> bool:
        """True when the event's end comes before its start (an equal end
        and start is a moment, which is allowed)."""
        if self.starts_at is not None:
            return self.ends_at is not None and self.ends_at < self.starts_at
        assert self.day is not None
        return self.last_day is not None and self.last_day < self.day
