"""The field widgets of the knowledge and questionnaire editors: a list of
texts edited one per line, a table of texts with add / remove / move
buttons, and the demo scripts of a module (a table with the selected
script's steps and data to prepare beside it).

They hold what the user typed as it is (no check here): the service checks
the whole entry and the editor shows its problems by key path.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class LinesEdit(QPlainTextEdit):
    """A list of texts, one per line; blank lines are dropped."""

    def __init__(self, lines: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        height = self.fontMetrics().lineSpacing() * lines + 12
        self.setMinimumHeight(height)
        self.setMaximumHeight(height * 2)

    def lines(self) -> list[str]:
        return [line.strip() for line in self.toPlainText().splitlines() if line.strip()]

    def set_lines(self, lines: Sequence[str]) -> None:
        self.setPlainText("\n".join(lines))


class TextTable(QWidget):
    """A table of texts (one column per key) with buttons to add, remove and
    move rows.

    Signals:
        changed(): a cell, a row or the order changed.
        current_row_changed(int): another row is selected (-1: none).
        moving(int, int): the row is about to change places with the other.
    """

    changed = Signal()
    current_row_changed = Signal(int)
    moving = Signal(int, int)

    def __init__(self, keys: Sequence[str], parent: QWidget | None = None,
                 visible_rows: int = 4) -> None:
        super().__init__(parent)
        self.keys = tuple(keys)
        self.table = QTableWidget(0, len(self.keys))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        row = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(row * (visible_rows + 1) + 6)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.table.currentCellChanged.connect(
            lambda row, _c, _pr, _pc: self.current_row_changed.emit(row))
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.up_button = QPushButton()
        self.down_button = QPushButton()
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button.clicked.connect(lambda: self.move_row(1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.add_button.setText(self.tr("Add"))
        self.remove_button.setText(self.tr("Remove"))
        self.up_button.setText(self.tr("Up"))
        self.down_button.setText(self.tr("Down"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_headers(self, titles: Sequence[str]) -> None:
        self.table.setHorizontalHeaderLabels(list(titles))

    def rows(self) -> list[dict[str, str]]:
        """Every row as {key: text}; rows left wholly empty are dropped."""
        out = []
        for row in range(self.table.rowCount()):
            values = {key: self.text(row, col) for col, key in enumerate(self.keys)}
            if any(values.values()):
                out.append(values)
        return out

    def text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for values in rows:
            self._append(values)
        self.table.blockSignals(False)
        if rows:
            self.table.setCurrentCell(0, 0)

    def _append(self, values: dict[str, Any]) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, key in enumerate(self.keys):
            self.table.setItem(row, col, QTableWidgetItem(str(values.get(key, ""))))
        return row

    def add_row(self) -> int:
        row = self._append({})
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)
        self.changed.emit()
        return row

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def move_row(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        self.moving.emit(row, target)
        self.table.blockSignals(True)
        for col in range(len(self.keys)):
            here, there = self.table.takeItem(row, col), self.table.takeItem(target, col)
            self.table.setItem(row, col, there)
            self.table.setItem(target, col, here)
        self.table.blockSignals(False)
        self.table.setCurrentCell(target, self.table.currentColumn())
        self.changed.emit()

    def select_row(self, row: int) -> None:
        if 0 <= row < self.table.rowCount():
            self.table.setCurrentCell(row, 0)


DEMO_KEYS = ("code", "title", "duration_minutes")


def _minutes(text: str) -> int | str:
    """A whole number of minutes, or the text as typed (the check says why)."""
    return int(text) if text.isdigit() else text


class DemoScriptsEditor(QWidget):
    """A module's demo scripts: code, title and length in a table; the
    selected script's steps and data to prepare (one per line) beside it.
    The row order is the scripts' order; details follow their row."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = TextTable(DEMO_KEYS, visible_rows=3)
        self.table.table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.ResizeToContents)
        self.steps_edit = LinesEdit(5)
        self.data_edit = LinesEdit(3)
        self.steps_label = QLabel()
        self.data_label = QLabel()
        self._details: list[dict[str, list[str]]] = []  # per row, in row order
        self._row = -1
        detail = QFormLayout()
        detail.addRow(self.steps_label, self.steps_edit)
        detail.addRow(self.data_label, self.data_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(detail)
        self.table.current_row_changed.connect(self._row_changed)
        self.table.changed.connect(self.changed)
        self.steps_edit.textChanged.connect(self.changed)
        self.data_edit.textChanged.connect(self.changed)
        # the details follow their row when rows are added, removed or moved
        self.table.table.model().rowsInserted.connect(self._inserted)
        self.table.table.model().rowsRemoved.connect(self._removed)
        self.table.moving.connect(self._swap)

    def set_headers(self, titles: Sequence[str], steps: str, data: str) -> None:
        self.table.set_headers(titles)
        self.steps_label.setText(steps)
        self.data_label.setText(data)

    def _store(self) -> None:
        if 0 <= self._row < len(self._details):
            self._details[self._row] = {"steps": self.steps_edit.lines(),
                                        "data_to_prepare": self.data_edit.lines()}

    def _show(self, row: int) -> None:
        self._row = row
        found = 0 <= row < len(self._details)
        values = self._details[row] if found else {"steps": [], "data_to_prepare": []}
        for edit, key in ((self.steps_edit, "steps"), (self.data_edit, "data_to_prepare")):
            edit.blockSignals(True)
            edit.set_lines(values[key])
            edit.setEnabled(found)
            edit.blockSignals(False)

    def _row_changed(self, row: int) -> None:
        self._store()
        self._show(row)

    def _inserted(self, _parent: Any, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self._details.insert(row, {"steps": [], "data_to_prepare": []})

    def _removed(self, _parent: Any, first: int, last: int) -> None:
        del self._details[first:last + 1]
        self._row = -1  # the removed row's edits are gone with it
        self._show(self.table.table.currentRow())

    def _swap(self, row: int, target: int) -> None:
        self._store()
        if 0 <= row < len(self._details) and 0 <= target < len(self._details):
            self._details[row], self._details[target] = self._details[target], self._details[row]
            self._row = target  # the move selects the target row: keep the edits there

    def set_scripts(self, scripts: Sequence[dict[str, Any]]) -> None:
        self._row = -1
        self.table.set_rows(scripts)
        self._details = [{"steps": list(s.get("steps", [])),
                          "data_to_prepare": list(s.get("data_to_prepare", []))}
                         for s in scripts]
        self._show(self.table.table.currentRow())

    def scripts(self) -> list[dict[str, Any]]:
        """The scripts as the knowledge base's data, rows left empty dropped."""
        self._store()
        out = []
        for row in range(self.table.table.rowCount()):
            values = {key: self.table.text(row, col) for col, key in enumerate(DEMO_KEYS)}
            details = self._details[row]
            if not any(values.values()) and not any(details.values()):
                continue
            out.append({"code": values["code"], "title": values["title"],
                        "duration_minutes": _minutes(values["duration_minutes"]),
                        "steps": details["steps"],
                        "data_to_prepare": details["data_to_prepare"]})
        return out

    def select(self, row: int) -> None:
        self.table.select_row(row)

    def select_code(self, code: str) -> None:
        for row in range(self.table.table.rowCount()):
            if self.table.text(row, 0) == code:
                self.select(row)
                return
