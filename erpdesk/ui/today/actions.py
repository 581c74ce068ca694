"""What the Today page does besides showing rows: the times a todo is
moved to (+1 hour, tomorrow 9:00, next Monday 9:00, a picked time), the
worker that reads the scanned sections off the GUI thread, and the
calendar export.  Texts are the page's (context ``TodayPage``)."""

from __future__ import annotations

import contextlib
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QObject, QRunnable, QTime, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError

if TYPE_CHECKING:
    from erpdesk.services.today import SectionKey, TodayService, TodayView
    from erpdesk.ui.today import TodayServices

MORNING = time(9)
DEFAULT_FILE = "today.ics"


def in_an_hour(now: datetime, due: datetime) -> datetime:
    """An hour after the later of now and the due time (a moved overdue
    todo is due an hour from now), to the minute."""
    base = max(now, due.astimezone(now.tzinfo))
    return base.replace(second=0, microsecond=0) + timedelta(hours=1)


def tomorrow_morning(now: datetime) -> datetime:
    return datetime.combine(now.date() + timedelta(days=1), MORNING, tzinfo=now.tzinfo)


def next_monday_morning(now: datetime) -> datetime:
    """9:00 on the coming Monday (a week ahead on a Monday)."""
    days = 7 - now.weekday()
    return datetime.combine(now.date() + timedelta(days=days), MORNING, tzinfo=now.tzinfo)


class ScanDone(QObject):
    """The worker's result, delivered on the GUI thread."""

    finished = Signal(int, object, object)  # generation, TodayView, error


class ScanJob(QRunnable):
    """``TodayService.scanned`` on a connection of the worker's own."""

    def __init__(
        self,
        service: TodayService,
        now: datetime,
        generation: int,
        done: ScanDone,
        unlimited: frozenset[SectionKey] = frozenset(),
    ) -> None:
        super().__init__()
        self._unlimited = unlimited
        self._service = service
        self._now = now
        self._generation = generation
        self._done = done

    def run(self) -> None:
        view: TodayView | None = None
        error: DomainError | None = None
        try:
            queries = self._service.queries.detached()
            try:
                view = self._service.scanned(self._now, queries, self._unlimited)
            finally:
                queries.close()
        except DomainError as exc:
            error = exc
        with contextlib.suppress(RuntimeError):  # the page was closed meanwhile
            self._done.finished.emit(self._generation, view, error)


def moved_time(parent: QWidget, when: str, due: datetime, now: datetime) -> datetime | None:
    """The time a todo due at *due* moves to by the choice *when* (hour,
    tomorrow, monday, pick: asked); None when the user cancels."""
    if when == "hour":
        return in_an_hour(now, due)
    if when == "tomorrow":
        return tomorrow_morning(now)
    if when == "monday":
        return next_monday_morning(now)
    return pick_time(parent, max(due.astimezone(now.tzinfo), now))


def pick_time(parent: QWidget, start: datetime) -> datetime | None:
    """Ask for a date and time from *start* (None: cancelled)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("TodayPage", "Move to"))
    edit = QDateTimeEdit(
        QDateTime(QDate(start.year, start.month, start.day), QTime(start.hour, start.minute))
    )
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(edit)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    picked = edit.dateTime().toPython()
    assert isinstance(picked, datetime)
    return picked.replace(second=0, microsecond=0, tzinfo=start.tzinfo)


def export_calendar(
    parent: QWidget, services: TodayServices, path: str | Path | None
) -> tuple[int, str] | None:
    """Write the user's calendar of the default period (``calendar_export``)
    to *path* (asked for when None): the number of events and what to say;
    None when cancelled or refused (the reason shown in a message box)."""
    from erpdesk.services.calendar_export import default_period, write_calendar
    from erpdesk.ui.funnel.worksheet_widgets import ui_language
    from erpdesk.ui.widgets import translate

    title = QCoreApplication.translate("TodayPage", "Export calendar")
    if path is None:
        path, _ = QFileDialog.getSaveFileName(
            parent, title, str(Path.home() / DEFAULT_FILE),
            QCoreApplication.translate("TodayPage", "iCalendar files (*.ics)"),
        )  # fmt: skip
        if not path:
            return None
    first, last = default_period(services.today.now().date())
    try:
        count = write_calendar(
            services.today.queries, str(path), first=first, last=last, translate=translate,
            language=ui_language(), user=services.today.actor(), presales=services.presales,
        )  # fmt: skip
    except (DomainError, OSError) as exc:
        text = exc.render(translate) if isinstance(exc, DomainError) else str(exc)
        QMessageBox.warning(parent, title, text)
        return None
    said = QCoreApplication.translate(
        "TodayPage", "{count} events from {start} to {end} written to {path}"
    ).format(count=count, start=first.isoformat(), end=last.isoformat(), path=path)
    return count, said
