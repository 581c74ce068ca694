"""The engagement window's task list: its demos and surveys (kind, title,
time in local time, state), "New demo", "New survey" and open on
double-click, each through ``erpdesk.ui.presales.opener``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.presales import PresalesTask, TaskKind, TaskState
from erpdesk.ui.widgets import enum_text, local_time_text

if TYPE_CHECKING:
    from erpdesk.ui.presales import PresalesServices

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_STATE_COLOURS = {TaskState.DONE: "#2e7d32", TaskState.CANCELLED: "#9e9e9e"}


def time_range_text(task: PresalesTask) -> str:
    """ "2026-12-08 09:30–11:30" (local time; the end's day when it differs)."""
    start, end = local_time_text(task.starts_at), local_time_text(task.ends_at)
    if start[:10] == end[:10]:
        end = end[11:]
    return f"{start}–{end}"


class EngagementTasks(QWidget):
    """The tasks of one engagement, newest plan last (by start)."""

    def __init__(
        self, services: PresalesServices, engagement_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.engagement_id = engagement_id
        self.tasks: list[PresalesTask] = []
        self.opened: list[QDialog] = []  # the editors opened from here (tests hold them)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("engagementTasks")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.new_demo_button = QPushButton()
        self.new_survey_button = QPushButton()
        self.open_button = QPushButton()
        self.new_demo_button.clicked.connect(lambda: self.new_task(TaskKind.DEMO))
        self.new_survey_button.clicked.connect(lambda: self.new_task(TaskKind.SURVEY))
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_demo_button)
        buttons.addWidget(self.new_survey_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.new_demo_button.setText(self.tr("New demo…"))
        self.new_survey_button.setText(self.tr("New survey…"))
        self.open_button.setText(self.tr("Open"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Title"), self.tr("Time"), self.tr("State")]
        )
        self.show_tasks(self.tasks)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_open(self, is_open: bool) -> None:
        """A closed engagement takes no new tasks (its tasks still open)."""
        self.new_demo_button.setEnabled(is_open)
        self.new_survey_button.setEnabled(is_open)

    def reload(self) -> None:
        self.show_tasks(self.services.presales.tasks_of(self.engagement_id))

    def show_tasks(self, tasks: list[PresalesTask]) -> None:
        self.tasks = sorted(tasks, key=lambda t: t.starts_at)
        self.table.setRowCount(0)
        for task in self.tasks:
            row = self.table.rowCount()
            self.table.insertRow(row)
            cells = (enum_text(task.kind), task.title, time_range_text(task), enum_text(task.state))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, task.id)
                colour = _STATE_COLOURS.get(task.state)
                if colour:
                    item.setForeground(QColor(colour))
                self.table.setItem(row, column, item)

    def _owner(self) -> QWidget | None:
        """The editors' parent: the engagement window's own (the main
        window), so that closing the engagement never takes an editor with
        unsaved text along."""
        return self.window().parentWidget()

    def new_task(self, kind: TaskKind) -> QDialog:
        from erpdesk.ui.presales.opener import new_task

        dialog = new_task(self.services, kind, self.engagement_id, self._owner())
        self.opened.append(dialog)
        return dialog

    def open_row(self, row: int) -> QDialog | None:
        if not 0 <= row < len(self.tasks):
            return None
        from erpdesk.ui.presales.opener import open_task

        dialog = open_task(self.services, self.tasks[row].id, self._owner())
        self.opened.append(dialog)
        return dialog
