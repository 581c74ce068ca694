"""The week tab (本周日程): the planned and done demos and surveys of a week
as a calendar (``WeekCanvas``), previous / next / this week, the team's
week for a presales lead or a manager, and the export of the user's next
30 days to an .ics file (through ``PresalesService.write_calendar``, as
``erpdesk presales ics`` writes it).  A click on a task opens it.

The week is read in one query (names joined in) when the tab is first
shown, on a move to another week and, coalesced, on the service's
``presales`` changes."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.os_errors import explain
from erpdesk.services.presales import TaskLine, sees_team
from erpdesk.ui.funnel.worksheet_widgets import ui_language
from erpdesk.ui.presales import PresalesServices
from erpdesk.ui.presales.workbench import combo, set_quietly
from erpdesk.ui.presales.workbench_reload import ReloadOnChange
from erpdesk.ui.presales.workbench_week import WeekCanvas
from erpdesk.ui.widgets import OK_STYLE, translate

EXPORT_DAYS = 30
DEFAULT_FILE = "presales.ics"


class WeekView(QWidget):
    """The week calendar tab."""

    def __init__(self, services: PresalesServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.today = services.presales.now().astimezone().date()
        self.monday = self.today - timedelta(days=self.today.weekday())
        self.lines: list[TaskLine] = []
        self._build()
        self.reloading = ReloadOnChange(self, services.presales.feed, self.refresh)
        self.retranslate_ui()

    def _build(self) -> None:
        self.previous_button = QPushButton()
        self.this_week_button = QPushButton()
        self.next_button = QPushButton()
        self.previous_button.clicked.connect(lambda: self.go_weeks(-1))
        self.next_button.clicked.connect(lambda: self.go_weeks(1))
        self.this_week_button.clicked.connect(self.go_this_week)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.scope = combo(2)
        self.scope.setVisible(False)
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.export_calendar())
        self.status = QLabel()
        self.status.setStyleSheet(OK_STYLE)
        bar = QHBoxLayout()
        for widget in (self.previous_button, self.this_week_button, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.scope)
        bar.addWidget(self.export_button)
        self.canvas = WeekCanvas()
        self.canvas.task_clicked.connect(self._open_task)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.status)

    def retranslate_ui(self) -> None:
        self.previous_button.setText(self.tr("◀ Previous week"))
        self.this_week_button.setText(self.tr("This week"))
        self.next_button.setText(self.tr("Next week ▶"))
        self.export_button.setText(self.tr("Export calendar (.ics)…"))
        self.export_button.setToolTip(
            self.tr("Write your demos, surveys and visits of the next 30 days to a calendar file")
        )
        self.scope.setItemText(0, self.tr("My week"))
        self.scope.setItemText(1, self.tr("The team's week"))
        self._show_title()
        self.canvas.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- loading -------------------------------------------------------------

    @property
    def team(self) -> bool:
        return not self.scope.isHidden() and self.scope.currentIndex() == 1

    def refresh(self) -> None:
        """Read the shown week's tasks again (one query) and paint them."""
        self.reloading.done()
        presales = self.services.presales
        allowed = sees_team(presales.actor())
        self.scope.setVisible(allowed)
        if allowed and not getattr(self, "_scope_set", False):
            self._scope_set = True  # a lead or manager sees the team's week first
            set_quietly(self.scope, 1)
        self.today = presales.now().astimezone().date()
        self.lines = presales.week_lines(self.monday, mine=not self.team)
        self.canvas.set_week(self.monday, self.lines, self.today)
        self._show_title()

    def go_weeks(self, weeks: int) -> None:
        self.monday += timedelta(weeks=weeks)
        self.refresh()

    def go_this_week(self) -> None:
        self.monday = self.today - timedelta(days=self.today.weekday())
        self.refresh()

    def _show_title(self) -> None:
        sunday = self.monday + timedelta(days=6)
        count = len(self.lines)
        self.title.setText(
            self.tr("{start} – {end} · {count} tasks").format(
                start=self.monday.isoformat(), end=sunday.isoformat(), count=count
            )
        )

    def _open_task(self, task_id: str) -> None:
        from erpdesk.ui.presales.opener import open_task

        open_task(self.services, task_id, self)

    # -- export --------------------------------------------------------------

    def export_calendar(self, path: str | None = None) -> int | None:
        """Write the user's demos and surveys of the next 30 days to *path*
        (asked for when None); the number written, None when cancelled or
        refused (the reason shown)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export calendar"), str(Path.home() / DEFAULT_FILE),
                self.tr("iCalendar files (*.ics)"),
            )  # fmt: skip
            if not path:
                return None
        first = self.services.presales.now().astimezone().date()
        try:
            count = self.services.presales.write_calendar(
                path, first=first, days=EXPORT_DAYS, translate=translate, language=ui_language()
            )
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Export calendar"), exc.render(translate))
            return None
        except OSError as exc:
            text = self.tr("Cannot write the calendar {path} ({detail})").format(
                path=path, detail=explain(exc)[0]
            )
            QMessageBox.warning(self, self.tr("Export calendar"), text)
            return None
        self.status.setText(self._written(count, first, path))
        return count

    def _written(self, count: int, first: date, path: str) -> str:
        last = first + timedelta(days=EXPORT_DAYS - 1)
        text = self.tr("{count} demos, surveys and visits from {start} to {end} written to {path}")
        return text.format(
            count=count, start=first.isoformat(), end=last.isoformat(), path=path
        )
