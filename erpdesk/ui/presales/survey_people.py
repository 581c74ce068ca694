"""The survey's people: the departments surveyed (a list to add to and
remove from) and the interviews (department, people, date) as a table.

Dates are typed as ISO dates ("2026-12-08"); one that cannot be read is a
problem at its row, and nothing is saved until it is fixed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import Problem
from erpdesk.domain.presales import Interview
from erpdesk.ui.presales.survey_parts import mark_rows, reserved_problem_label, row_of, split_names
from erpdesk.ui.presales.task_common import RowsTable

DEPARTMENT, PEOPLE, ON = range(3)


class PeoplePanel(QWidget):
    """Departments and interviews of a survey.

    Signals:
        edited(): the user changed something.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.departments_label = QLabel()
        self.departments_list = QListWidget()
        self.departments_list.setMaximumHeight(110)
        self.departments_list.setFlow(QListWidget.Flow.LeftToRight)
        self.departments_list.setWrapping(True)
        self.departments_list.setSpacing(2)
        self.add_department_button = QPushButton()
        self.remove_department_button = QPushButton()
        self.add_department_button.clicked.connect(self.add_department)
        self.remove_department_button.clicked.connect(self.remove_department)
        self.departments_list.itemChanged.connect(lambda _item: self.edited.emit())

        self.interviews_label = QLabel()
        self.interviews = RowsTable(3)
        self.interviews_table = self.interviews.table
        header = self.interviews_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(PEOPLE, QHeaderView.ResizeMode.Stretch)
        self.interviews_table.setColumnWidth(DEPARTMENT, 110)
        self.interviews_table.setColumnWidth(ON, 96)
        self.interviews.changed.connect(self.edited)
        self.problem_label = reserved_problem_label(2)

        departments_buttons = QVBoxLayout()
        departments_buttons.addWidget(self.add_department_button)
        departments_buttons.addWidget(self.remove_department_button)
        departments_buttons.addStretch(1)
        departments_row = QHBoxLayout()
        departments_row.addWidget(self.departments_list, 1)
        departments_row.addLayout(departments_buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.departments_label)
        layout.addLayout(departments_row)
        layout.addWidget(self.interviews_label)
        layout.addWidget(self.interviews, 1)
        layout.addWidget(self.problem_label)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.departments_label.setText(self.tr("Departments surveyed"))
        self.add_department_button.setText(self.tr("Add department"))
        self.remove_department_button.setText(self.tr("Remove"))
        self.interviews_label.setText(self.tr("Interviews"))
        self.interviews_table.setHorizontalHeaderLabels(
            [self.tr("Department"), self.tr("People interviewed"), self.tr("Date")]
        )
        people = self.interviews_table.horizontalHeaderItem(PEOPLE)
        if people is not None:
            people.setToolTip(self.tr("Names separated by commas or 、"))
        self.interviews.add_button.setText(self.tr("Add"))
        self.interviews.remove_button.setText(self.tr("Remove"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- departments --------------------------------------------------------------

    def _department_item(self, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def add_department(self) -> None:
        """A new department, its name edited at once."""
        item = self._department_item(self.tr("New department"))
        self.departments_list.addItem(item)
        self.departments_list.setCurrentItem(item)
        self.departments_list.editItem(item)
        self.edited.emit()

    def remove_department(self) -> None:
        row = self.departments_list.currentRow()
        if row >= 0:
            self.departments_list.takeItem(row)
            self.edited.emit()

    def departments(self) -> tuple[str, ...]:
        names = (self.departments_list.item(i).text().strip() for i in range(self._count()))
        return tuple(dict.fromkeys(n for n in names if n))

    def _count(self) -> int:
        return self.departments_list.count()

    # -- interviews ---------------------------------------------------------------

    def interview_values(self) -> tuple[tuple[Interview, ...], list[Problem]]:
        """The interviews typed (empty rows left out) and the problems of
        the rows that cannot be read (a date that is not a date, a row
        without its department), named ``interviews.<row>``."""
        found: list[Interview] = []
        problems: list[Problem] = []
        for row in range(self.interviews_table.rowCount()):
            department, people, on = (
                self.interviews.text(row, c) for c in (DEPARTMENT, PEOPLE, ON)
            )
            if not (department or people or on):
                continue
            where = f"interviews.{row + 1}"
            day = None
            if on:
                try:
                    day = date.fromisoformat(on)
                except ValueError:
                    text = self.tr('Interview {row}: "{value}" is not a date like 2026-12-08')
                    problems.append(Problem(where, "interview.date", text.format(
                        row=row + 1, value=on)))  # fmt: skip
            if not department:
                text = self.tr("Interview {row}: which department was interviewed?")
                problems.append(Problem(where, "interview.department", text.format(row=row + 1)))
            found.append(Interview(department, split_names(people), day))
        return tuple(found), problems

    # -- loading and problems -----------------------------------------------------------

    def set_values(self, departments: tuple[str, ...], interviews: tuple[Interview, ...]) -> None:
        self.blockSignals(True)
        self.departments_list.clear()
        for name in departments:
            self.departments_list.addItem(self._department_item(name))
        self.interviews.clear_rows()
        for interview in interviews:
            on = interview.on.isoformat() if interview.on else ""
            separator = "、" if any("\u4e00" <= ch <= "\u9fff" for ch in "".join(
                interview.people)) else ", "  # fmt: skip
            self.interviews.add_row([interview.department, separator.join(interview.people), on])
        self.blockSignals(False)

    def show_problems(self, problems: list[Problem]) -> None:
        """The problems of departments and interviews (others are ignored)."""
        from erpdesk.ui.widgets import problem_text

        mine = [p for p in problems if p.field.split(".")[0] in ("departments", "interviews")]
        rows = [r for r in (row_of(p, "interviews") for p in mine) if r is not None]
        self.interviews_table.blockSignals(True)
        mark_rows(self.interviews_table, rows)
        self.interviews_table.blockSignals(False)
        self.problem_label.show_text(problem_text(mine))

    def set_read_only(self, read_only: bool) -> None:
        triggers = (
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.departments_list.setEditTriggers(triggers)
        self.add_department_button.setEnabled(not read_only)
        self.remove_department_button.setEnabled(not read_only)
        self.interviews.set_editable(not read_only)
