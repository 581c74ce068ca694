"""The fields every presales task has, shared by the demo and the survey
editors: the title, the time (shown in local time, handed to the service
as aware date-times with the machine's offset), the place or online, our
attendees (the consultant always one of them), the customer's attendees,
and after the task its outcome and follow-ups.

``TaskCommonForm`` is the API the editors use:

- ``set_new(consultant, customer_attendees)`` for a new task,
  ``set_task(task)`` for an existing one;
- ``values()`` the common fields as ``PresalesService.add_task`` /
  ``edit_task`` take them (``title``, ``starts_at``, ``ends_at``, ``place``,
  ``online``, ``our_attendees``, ``customer_attendees``, ``outcome``,
  ``follow_ups``); it raises ``ValidationError`` for rows it cannot read
  (an attendee without a name, a follow-up's due date that is no date);
- ``show_problems(problems)`` shows the problems of the fields it has
  under them (the space is reserved, so the form never shifts) and
  returns the rest for the editor's own message area;
- ``take_after()`` hands over the outcome and follow-ups section for an
  editor that lays it out elsewhere (a tab "After the task");
- ``set_plan_editable`` / ``set_after_editable`` make a done task (only
  its outcome and follow-ups change) or a cancelled one read-only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import Problem, ValidationError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.presales import Attendee, FollowUp, PresalesTask
from erpdesk.ui.widgets import ProblemLabel, problems_by_field

TIME_FORMAT = "yyyy-MM-dd HH:mm"
# The common fields ``values()`` gives (the service's keywords).
COMMON_FIELDS = (
    "title", "starts_at", "ends_at", "place", "online", "our_attendees",
    "customer_attendees", "outcome", "follow_ups",
)  # fmt: skip
_NAMES_SPLIT = re.compile(r"[,，、;；\s]+")
_ATTENDEE_NAME = QT_TRANSLATE_NOOP(
    "TaskCommonForm", "Row {row} of the customer's attendees needs a name"
)
_FOLLOW_UP_TEXT = QT_TRANSLATE_NOOP("TaskCommonForm", "Follow-up {row} needs a text")
_FOLLOW_UP_DUE = QT_TRANSLATE_NOOP(
    "TaskCommonForm", "The due date of follow-up {row} is not a date (YYYY-MM-DD): {value}"
)


class _FormProblem(Problem):
    """A problem of the form itself, translated in the form's context."""

    def render(self, translate: Any = None) -> str:
        from erpdesk.domain.errors import render_text

        return render_text("TaskCommonForm", self.text, self.params, translate)


def split_names(text: str) -> tuple[str, ...]:
    """User names typed separated by commas (also "，", "、", spaces), once each."""
    names: list[str] = []
    for name in _NAMES_SPLIT.split(text):
        if name and name not in names:
            names.append(name)
    return tuple(names)


def to_qdatetime(moment: datetime) -> QDateTime:
    """*moment* (aware) in the machine's local time, as a QDateTime."""
    local = moment.astimezone() if moment.tzinfo else moment
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    """A local QDateTime as an aware datetime with the machine's offset."""
    day, clock = value.date(), value.time()
    naive = datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())
    return naive.astimezone()


def default_start(now: datetime | None = None) -> datetime:
    """A new task's start: tomorrow at 09:30 local time."""
    today = (now or datetime.now().astimezone()).astimezone().date()
    tomorrow = today + timedelta(days=1)
    return datetime(tomorrow.year, tomorrow.month, tomorrow.day, 9, 30).astimezone()


def reserved_problem_label() -> ProblemLabel:
    """A problem label that keeps its line when empty: the form never shifts."""
    label = ProblemLabel()
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    label.setSizePolicy(policy)
    return label


class RowsTable(QWidget):
    """A small editable table with "Add" and "Remove" buttons beside it.

    Signals:
        changed(): a row was added, removed or edited.
    """

    changed = Signal()

    def __init__(
        self, columns: int, parent: QWidget | None = None, *, check_last: bool = False
    ) -> None:
        super().__init__(parent)
        self._check_last = check_last
        self.table = QTableWidget(0, columns)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button.clicked.connect(self.remove_selected)
        self._buttons = QVBoxLayout()
        self._buttons.addWidget(self.add_button)
        self._buttons.addWidget(self.remove_button)
        self._buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._buttons)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def add_side_button(self, button: QPushButton) -> None:
        """Another button beside the table, above "Add"."""
        self._buttons.insertWidget(0, button)

    def set_headers(self, headers: Sequence[str]) -> None:
        self.table.setHorizontalHeaderLabels(list(headers))

    def set_editable(self, editable: bool) -> None:
        triggers = (
            QAbstractItemView.EditTrigger.AllEditTriggers
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.table.setEditTriggers(triggers)
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                    flags = item.flags()
                    if editable:
                        flags |= Qt.ItemFlag.ItemIsEnabled
                    else:
                        flags &= ~Qt.ItemFlag.ItemIsEnabled
                    item.setFlags(flags)

    def _add_clicked(self) -> None:
        columns = self.table.columnCount() - (1 if self._check_last else 0)
        row = self.add_row([""] * columns, checked=False if self._check_last else None)
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)

    def add_row(self, texts: Sequence[str], checked: bool | None = None) -> int:
        """A row of *texts*; *checked* makes the last column a check box."""
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for column, text in enumerate(texts):
            self.table.setItem(row, column, QTableWidgetItem(text))
        if checked is not None:
            item = QTableWidgetItem()
            item.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.table.setItem(row, self.table.columnCount() - 1, item)
        self.table.blockSignals(False)
        self.changed.emit()
        return row

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.changed.emit()

    def clear_rows(self) -> None:
        self.table.setRowCount(0)

    def text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def checked(self, row: int, column: int) -> bool:
        item = self.table.item(row, column)
        return item is not None and item.checkState() == Qt.CheckState.Checked


class TaskCommonForm(QWidget):
    """The common fields of a presales task (see the module's docstring).

    Signals:
        changed(): the user changed a field (the editor marks itself dirty).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.consultant = ""
        self._duration = timedelta(hours=2)
        self.title_edit = QLineEdit()
        self.starts_edit = self._time_edit()
        self.ends_edit = self._time_edit()
        self.place_edit = QLineEdit()
        self.online_box = QCheckBox()
        self.consultant_label = QLabel()
        self.ours_edit = QLineEdit()
        self.customer_table = RowsTable(2)
        self.customer_table.setMinimumHeight(96)
        self.customer_table.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch
        )
        self.outcome_edit = QPlainTextEdit()
        self.outcome_edit.setTabChangesFocus(True)
        self.outcome_edit.setMaximumHeight(90)
        self.follow_ups_table = RowsTable(3, check_last=True)
        self.follow_ups_table.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        header = self.follow_ups_table.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.resizeSection(1, 110)
        header.resizeSection(2, 56)
        self.problem_labels: dict[str, ProblemLabel] = {
            key: reserved_problem_label() for key in ("title", "time", "customer_attendees")
        }
        self.after_problem = reserved_problem_label()
        self.starts_edit.dateTimeChanged.connect(self._start_moved)
        self._build()
        self._connect_changes()
        self.set_new("")
        self.retranslate_ui()

    # -- building --------------------------------------------------------------

    @staticmethod
    def _time_edit() -> QDateTimeEdit:
        edit = QDateTimeEdit()
        edit.setDisplayFormat(TIME_FORMAT)
        edit.setCalendarPopup(True)
        return edit

    def _build(self) -> None:
        times = QHBoxLayout()
        times.setContentsMargins(0, 0, 0, 0)
        self.to_label = QLabel()
        times.addWidget(self.starts_edit)
        times.addWidget(self.to_label)
        times.addWidget(self.ends_edit)
        self.duration_label = QLabel()
        times.addWidget(self.duration_label)
        times.addStretch(1)
        place = QHBoxLayout()
        place.setContentsMargins(0, 0, 0, 0)
        place.addWidget(self.place_edit, 1)
        place.addWidget(self.online_box)
        ours = QVBoxLayout()
        ours.setContentsMargins(0, 0, 0, 0)
        ours.setSpacing(2)
        ours.addWidget(self.ours_edit)
        ours.addWidget(self.consultant_label)
        self.captions = {key: QLabel() for key in ("title", "time", "place", "ours", "customer")}
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        rows: list[tuple[str, Any, str]] = [
            ("title", self.title_edit, "title"),
            ("time", times, "time"),
            ("place", place, ""),
            ("ours", ours, ""),
            ("customer", self.customer_table, "customer_attendees"),
        ]
        for caption, editor, problem in rows:
            form.addRow(self.captions[caption], self._with_label(editor, problem))
        self.after = QWidget()
        after = QFormLayout(self.after)
        after.setContentsMargins(0, 0, 0, 0)
        self.outcome_caption = QLabel()
        self.follow_ups_caption = QLabel()
        after.addRow(self.outcome_caption, self.outcome_edit)
        after.addRow(self.follow_ups_caption, self.follow_ups_table)
        after.addRow(self.after_problem)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(form)
        self._layout.addWidget(self.after)

    def _with_label(self, editor: QWidget | QHBoxLayout | QVBoxLayout, key: str) -> QWidget:
        if not key and isinstance(editor, QWidget):
            return editor
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        if isinstance(editor, QWidget):
            layout.addWidget(editor)
        else:
            layout.addLayout(editor)
        if key:
            layout.addWidget(self.problem_labels[key])
        return box

    def _connect_changes(self) -> None:
        for edit in (self.title_edit, self.place_edit, self.ours_edit):
            edit.textChanged.connect(self.changed)
        self.outcome_edit.textChanged.connect(self.changed)
        self.starts_edit.dateTimeChanged.connect(self.changed)
        self.ends_edit.dateTimeChanged.connect(self._end_moved)
        self.online_box.toggled.connect(self.changed)
        self.customer_table.changed.connect(self.changed)
        self.follow_ups_table.changed.connect(self.changed)

    def take_after(self) -> QWidget:
        """The outcome and follow-ups section, out of this form's layout,
        for the editor to place (a tab "After the task")."""
        self._layout.removeWidget(self.after)
        return self.after

    # -- texts ----------------------------------------------------------------

    def retranslate_ui(self) -> None:
        captions = {
            "title": self.tr("Title *"),
            "time": self.tr("Time *"),
            "place": self.tr("Place"),
            "ours": self.tr("Our attendees"),
            "customer": self.tr("Customer's attendees"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.to_label.setText(self.tr("to"))
        self.online_box.setText(self.tr("Online"))
        self.place_edit.setPlaceholderText(self.tr("Meeting room, address or link"))
        self.ours_edit.setPlaceholderText(self.tr("User names, separated by commas"))
        self.customer_table.set_headers([self.tr("Name"), self.tr("Title")])
        self.follow_ups_table.set_headers([self.tr("Follow-up"), self.tr("Due"), self.tr("Done")])
        for table in (self.customer_table, self.follow_ups_table):
            table.add_button.setText(self.tr("Add"))
            table.remove_button.setText(self.tr("Remove"))
        self.outcome_caption.setText(self.tr("Outcome"))
        self.follow_ups_caption.setText(self.tr("Follow-ups"))
        self._show_consultant()
        self._show_duration()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_consultant(self) -> None:
        text = ""
        if self.consultant:
            text = self.tr("The consultant {name} always attends").format(name=self.consultant)
        self.consultant_label.setText(text)

    def _show_duration(self) -> None:
        minutes = int(self._current_duration().total_seconds() // 60)
        if minutes <= 0:
            self.duration_label.setText("")
            return
        self.duration_label.setText(
            self.tr("({hours} h {minutes:02d} min)").format(
                hours=minutes // 60, minutes=minutes % 60
            )
        )

    # -- times ----------------------------------------------------------------

    def _current_duration(self) -> timedelta:
        return from_qdatetime(self.ends_edit.dateTime()) - from_qdatetime(
            self.starts_edit.dateTime()
        )

    def _start_moved(self, _value: QDateTime) -> None:
        """The end follows the start, keeping the task's length."""
        if self._duration > timedelta(0):
            end = from_qdatetime(self.starts_edit.dateTime()) + self._duration
            self.ends_edit.blockSignals(True)
            self.ends_edit.setDateTime(to_qdatetime(end))
            self.ends_edit.blockSignals(False)
        self._show_duration()

    def _end_moved(self, _value: QDateTime) -> None:
        self._duration = self._current_duration()
        self._show_duration()
        self.changed.emit()

    def set_times(self, starts_at: datetime, ends_at: datetime) -> None:
        self._duration = ends_at - starts_at
        self.starts_edit.blockSignals(True)
        self.ends_edit.blockSignals(True)
        self.starts_edit.setDateTime(to_qdatetime(starts_at))
        self.ends_edit.setDateTime(to_qdatetime(ends_at))
        self.starts_edit.blockSignals(False)
        self.ends_edit.blockSignals(False)
        self._show_duration()

    # -- loading ----------------------------------------------------------------

    def set_new(
        self,
        consultant: str,
        customer_attendees: Iterable[Attendee] = (),
        starts_at: datetime | None = None,
        hours: float = 2,
    ) -> None:
        """An empty form for a new task of *consultant*'s engagement (the
        customer's attendees of the request as a start)."""
        start = starts_at or default_start()
        self.set_times(start, start + timedelta(hours=hours))
        self.consultant = consultant
        self.title_edit.clear()
        self.place_edit.clear()
        self.online_box.setChecked(False)
        self.ours_edit.clear()
        self._set_attendees(customer_attendees)
        self.outcome_edit.clear()
        self.follow_ups_table.clear_rows()
        self._show_consultant()

    def set_task(self, task: PresalesTask, consultant: str = "") -> None:
        """Show *task*'s common fields (*consultant*: its engagement's)."""
        self.consultant = consultant
        self.title_edit.setText(task.title)
        self.set_times(task.starts_at, task.ends_at)
        self.place_edit.setText(task.place)
        self.online_box.setChecked(task.online)
        self.ours_edit.setText(", ".join(n for n in task.our_attendees if n != consultant))
        self._set_attendees(task.customer_attendees)
        self.outcome_edit.setPlainText(task.outcome)
        self.follow_ups_table.clear_rows()
        for follow_up in task.follow_ups:
            due = follow_up.due.isoformat() if follow_up.due else ""
            self.follow_ups_table.add_row([follow_up.text, due], checked=follow_up.done)
        self._show_consultant()

    def _set_attendees(self, attendees: Iterable[Attendee]) -> None:
        self.customer_table.clear_rows()
        for attendee in attendees:
            self.customer_table.add_row([attendee.name, attendee.title])

    # -- values -----------------------------------------------------------------

    def our_attendees(self) -> tuple[str, ...]:
        """The names typed, with the consultant first."""
        names = split_names(self.ours_edit.text())
        if self.consultant and self.consultant not in names:
            names = (self.consultant, *names)
        return names

    def customer_attendees(self) -> tuple[tuple[Attendee, ...], list[Problem]]:
        table, rows = self.customer_table, []
        problems: list[Problem] = []
        for row in range(table.table.rowCount()):
            name, title = table.text(row, 0), table.text(row, 1)
            if name:
                rows.append(Attendee(name, title))
            elif title:
                problems.append(
                    _FormProblem(
                        "customer_attendees", "attendee.name", _ATTENDEE_NAME, {"row": row + 1}
                    )
                )
        return tuple(rows), problems

    def follow_ups(self) -> tuple[tuple[FollowUp, ...], list[Problem]]:
        table, rows = self.follow_ups_table, []
        problems: list[Problem] = []
        for row in range(table.table.rowCount()):
            text, due_text = table.text(row, 0), table.text(row, 1)
            done = table.checked(row, 2)
            if not text and not due_text:
                continue
            if not text:
                problems.append(
                    _FormProblem("follow_ups", "follow_up.text", _FOLLOW_UP_TEXT, {"row": row + 1})
                )
            due: date | None = None
            if due_text:
                try:
                    due = date.fromisoformat(due_text)
                except ValueError:
                    problems.append(
                        _FormProblem(
                            "follow_ups", "follow_up.due", _FOLLOW_UP_DUE,
                            {"row": row + 1, "value": due_text},
                        )
                    )  # fmt: skip
            rows.append(FollowUp(text, due, done))
        return tuple(rows), problems

    def values(self) -> dict[str, Any]:
        """The common fields as the service's keywords (``COMMON_FIELDS``);
        ``ValidationError`` when a table row cannot be read."""
        attendees, problems = self.customer_attendees()
        follow_ups, more = self.follow_ups()
        if problems or more:
            raise ValidationError([*problems, *more])
        return {
            "title": self.title_edit.text().strip(),
            "starts_at": from_qdatetime(self.starts_edit.dateTime()),
            "ends_at": from_qdatetime(self.ends_edit.dateTime()),
            "place": self.place_edit.text().strip(),
            "online": self.online_box.isChecked(),
            "our_attendees": self.our_attendees(),
            "customer_attendees": attendees,
            "outcome": self.outcome_edit.toPlainText().strip(),
            "follow_ups": follow_ups,
        }

    # -- problems and states ------------------------------------------------------

    def show_problems(self, problems: Iterable[Problem]) -> list[Problem]:
        """Show the problems of this form's fields under them (clearing the
        old ones); the others are returned for the editor to show."""
        from erpdesk.ui.widgets import problem_text

        by_field = problems_by_field(problems)
        by_field.setdefault("time", [])
        by_field["time"] += by_field.pop("starts_at", []) + by_field.pop("ends_at", [])
        for key, label in self.problem_labels.items():
            label.set_problems(by_field.pop(key, []))
        after = by_field.pop("follow_ups", []) + by_field.pop("outcome", [])
        self.after_problem.show_text(problem_text(after))
        return [p for found in by_field.values() for p in found]

    def first_problem_widget(self) -> QWidget | None:
        """The editor of the first field showing a problem (to bring to view)."""
        editors: dict[str, QWidget] = {
            "title": self.title_edit,
            "time": self.starts_edit,
            "customer_attendees": self.customer_table,
        }
        for key, label in self.problem_labels.items():
            if label.text():
                return editors[key]
        return self.follow_ups_table if self.after_problem.text() else None

    def set_plan_editable(self, editable: bool) -> None:
        """The plan (title, time, place, attendees) editable or not."""
        for edit in (self.title_edit, self.place_edit, self.ours_edit):
            edit.setReadOnly(not editable)
        for time_edit in (self.starts_edit, self.ends_edit):
            time_edit.setReadOnly(not editable)
        self.online_box.setEnabled(editable)
        self.customer_table.set_editable(editable)

    def set_after_editable(self, editable: bool) -> None:
        """The outcome and follow-ups editable or not."""
        self.outcome_edit.setReadOnly(not editable)
        self.follow_ups_table.set_editable(editable)
