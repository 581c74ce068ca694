"""Plausible dates: when a visit, a call or any activity can have happened.

A rep logs what was done with a customer: nothing before the founding of
the People's Republic (1949-10-01) and nothing more than a year ahead (a
planned visit may be logged early).  Anything else is a typing slip, a
broken clock or a hostile client, and a time such as
``0001-01-01T00:00:00+14:00`` does not even fit in UTC.  The desk and the
registry apply the same rule; *now* is always the caller's clock.

The date compared is the calendar date where the time was written (its
own time zone), so no conversion can overflow.
"""

from __future__ import annotations

from datetime import date, datetime

from erpdesk.domain.errors import Problem
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP

EARLIEST = date(1949, 10, 1)
YEARS_AHEAD = 1

IMPLAUSIBLE_DATE_TEXT = QT_TRANSLATE_NOOP(
    "Domain", "The date {date} is not plausible: it must be between {earliest} and {latest}"
)
TOO_EARLY_TEXT = QT_TRANSLATE_NOOP(
    "Domain", "The date {date} is not plausible: it must be on or after {earliest}"
)


def latest_plausible(now: datetime) -> date:
    """The last plausible date: one year after *now*'s date (28 February
    when that year has no 29 February)."""
    today = now.date()
    try:
        return today.replace(year=today.year + YEARS_AHEAD)
    except ValueError:  # 29 February
        return today.replace(year=today.year + YEARS_AHEAD, day=28)


def is_plausible(when: datetime | date, now: datetime | None = None) -> bool:
    """Is *when* on or after ``EARLIEST`` and (given *now*) at most a year
    after it?  A ``datetime`` is judged by its own calendar date."""
    day = when.date() if isinstance(when, datetime) else when
    if day < EARLIEST:
        return False
    return now is None or day <= latest_plausible(now)


def date_problem(
    when: datetime | date, now: datetime | None, field: str = "occurred_at"
) -> Problem | None:
    """A ``<field>.implausible`` problem if *when* is not plausible, else
    ``None``.  Without *now* only the earliest date is checked."""
    if is_plausible(when, now):
        return None
    day = when.date() if isinstance(when, datetime) else when
    params = {"date": day.isoformat(), "earliest": EARLIEST.isoformat()}
    if now is None:
        return Problem(field, f"{field}.implausible", TOO_EARLY_TEXT, params)
    params["latest"] = latest_plausible(now).isoformat()
    return Problem(field, f"{field}.implausible", IMPLAUSIBLE_DATE_TEXT, params)
