"""Pieces of the support request dialog: an optional date, the customer's
attendees as a small table, a checkable module list and a problem line
that keeps its space (a refusal never moves the form)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import Problem
from erpdesk.domain.playbook import Choice
from erpdesk.domain.presales import Attendee
from erpdesk.ui.funnel import names_text
from erpdesk.ui.widgets import PROBLEM_STYLE, problem_text

# The earliest date an existing request may show (older dates are kept).
FAR_PAST = date(2000, 1, 2)


class OptionalDateEdit(QDateEdit):
    """A date or none: "—" is the day before *earliest*, so the picker
    offers no date before *earliest* (today, for a new request)."""

    def __init__(self, earliest: date = FAR_PAST, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setSpecialValueText("—")
        self._none = earliest - timedelta(days=1)
        self.setMinimumDate(QDate(self._none.year, self._none.month, self._none.day))
        self.set_value(None)

    def value(self) -> date | None:
        picked = self.date().toPython()
        assert isinstance(picked, date)
        return None if picked <= self._none else picked

    def set_value(self, day: date | None) -> None:
        if day is not None and day <= self._none:  # an old date of a saved request
            self._none = day - timedelta(days=1)
            self.setMinimumDate(QDate(self._none.year, self._none.month, self._none.day))
        shown = day or self._none
        self.setDate(QDate(shown.year, shown.month, shown.day))


class ProblemLine(QLabel):
    """A problem text under a field with room for *lines* lines kept even
    when empty; longer texts are cut and shown whole in the tooltip."""

    def __init__(self, lines: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(PROBLEM_STYLE)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 2)

    def set_problems(self, problems: list[Problem]) -> None:
        self.show_text(problem_text(problems))

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setToolTip(text)


class ModuleList(QListWidget):
    """The playbook's modules, checkable; ``codes`` are the checked ones.

    Signals:
        edited(): a module was ticked or unticked.
    """

    edited = Signal()

    def __init__(self, modules: tuple[Choice, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._modules = modules
        for choice in modules:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, choice.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.retranslate()
        self.itemChanged.connect(lambda _item: self.edited.emit())

    def retranslate(self) -> None:
        self.blockSignals(True)
        for row, choice in enumerate(self._modules):
            self.item(row).setText(names_text(choice.names))
        self.blockSignals(False)

    def codes(self) -> tuple[str, ...]:
        items = (self.item(i) for i in range(self.count()))
        return tuple(
            str(i.data(Qt.ItemDataRole.UserRole))
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        )

    def set_codes(self, codes: tuple[str, ...]) -> None:
        known = {choice.code for choice in self._modules}
        for code in codes:  # a module the playbook dropped still shows
            if code not in known:
                item = QListWidgetItem(code)
                item.setData(Qt.ItemDataRole.UserRole, code)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                self.addItem(item)
        for i in range(self.count()):
            item = self.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def set_read_only(self, read_only: bool) -> None:
        for i in range(self.count()):
            item = self.item(i)
            if read_only:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class AttendeesTable(QWidget):
    """The customer's attendees (name, title) with Add and Remove.

    Signals:
        edited(): a row was added, removed or changed.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.itemChanged.connect(lambda _item: self.edited.emit())
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Title")])
        self.add_button.setText(self.tr("Add attendee"))
        self.remove_button.setText(self.tr("Remove"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def add_row(self, name: str = "", title: str = "") -> int:
        """A new row (editing its name when added by the button)."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        first = QTableWidgetItem(name)
        self.table.setItem(row, 0, first)
        self.table.setItem(row, 1, QTableWidgetItem(title))
        if not name and not title:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(first)
        self.edited.emit()
        return row

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.edited.emit()

    def attendees(self) -> tuple[Attendee, ...]:
        """The rows with a name or a title, as typed (trimmed)."""
        out = []
        for row in range(self.table.rowCount()):
            name, title = (self._cell(row, col) for col in (0, 1))
            if name or title:
                out.append(Attendee(name, title))
        return tuple(out)

    def _cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item is not None else ""

    def set_attendees(self, attendees: tuple[Attendee, ...]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for attendee in attendees:
            self.add_row(attendee.name, attendee.title)
        self.table.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        self.add_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
