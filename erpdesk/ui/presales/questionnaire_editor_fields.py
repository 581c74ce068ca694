"""The questions of a module's questionnaire as the editor shows them: a
table (code, Chinese, English, kind) with the selected question's choices
(a table of code, Chinese, English) and help texts beside it.  The details
follow their question when rows are added, removed or moved."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.questionnaire import QuestionKind
from erpdesk.ui.presales.knowledge_editor_fields import TextTable

QUESTION_KEYS = ("code", "zh", "en", "kind")
CHOICE_KEYS = ("code", "zh", "en")
KIND_COLUMN = 3
Index = QModelIndex | QPersistentModelIndex


class KindDelegate(QStyledItemDelegate):
    """The kind column is picked from the question kinds."""

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem,
                     _index: Index) -> QWidget:
        combo = QComboBox(parent)
        for kind in QuestionKind:
            combo.addItem(kind.value, kind.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def _empty() -> dict[str, Any]:
    return {"choices": [], "help_zh": "", "help_en": ""}


class QuestionsEditor(QWidget):
    """A module's questions, edited as the file holds them."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = TextTable(QUESTION_KEYS, visible_rows=6)
        self.table.table.setItemDelegateForColumn(KIND_COLUMN, KindDelegate(self.table.table))
        header = self.table.table.horizontalHeader()
        for column in (0, KIND_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.choices = TextTable(CHOICE_KEYS, visible_rows=3)
        self.help_zh_edit = QLineEdit()
        self.help_en_edit = QLineEdit()
        self.choices_label, self.help_zh_label, self.help_en_label = QLabel(), QLabel(), QLabel()
        self._details: list[dict[str, Any]] = []
        self._row = -1
        detail = QFormLayout()
        detail.addRow(self.choices_label, self.choices)
        detail.addRow(self.help_zh_label, self.help_zh_edit)
        detail.addRow(self.help_en_label, self.help_en_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 3)
        layout.addLayout(detail, 2)
        self.table.current_row_changed.connect(self._row_changed)
        self.table.table.model().rowsInserted.connect(self._inserted)
        self.table.table.model().rowsRemoved.connect(self._removed)
        self.table.moving.connect(self._swap)
        self.table.add_button.clicked.disconnect()
        self.table.add_button.clicked.connect(self.add_question)
        for signal in (self.table.changed, self.choices.changed, self.help_zh_edit.textChanged,
                       self.help_en_edit.textChanged):
            signal.connect(self.changed)

    def set_headers(self, columns: Sequence[str], choices: Sequence[str], labels: Sequence[str]
                    ) -> None:
        self.table.set_headers(columns)
        self.choices.set_headers(choices)
        for label, text in zip((self.choices_label, self.help_zh_label, self.help_en_label),
                               labels, strict=True):
            label.setText(text)

    def _store(self) -> None:
        if 0 <= self._row < len(self._details):
            self._details[self._row] = {"choices": self.choices.rows(),
                                        "help_zh": self.help_zh_edit.text().strip(),
                                        "help_en": self.help_en_edit.text().strip()}

    def _show(self, row: int) -> None:
        self._row = row
        found = 0 <= row < len(self._details)
        values = self._details[row] if found else _empty()
        for widget in (self.choices, self.help_zh_edit, self.help_en_edit):
            widget.blockSignals(True)
            widget.setEnabled(found)
        self.choices.set_rows(values["choices"])
        self.help_zh_edit.setText(values["help_zh"])
        self.help_en_edit.setText(values["help_en"])
        for widget in (self.choices, self.help_zh_edit, self.help_en_edit):
            widget.blockSignals(False)

    def _row_changed(self, row: int) -> None:
        self._store()
        self._show(row)

    def _inserted(self, _parent: Any, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self._details.insert(row, _empty())

    def _removed(self, _parent: Any, first: int, last: int) -> None:
        del self._details[first:last + 1]
        self._row = -1
        self._show(self.table.table.currentRow())

    def _swap(self, row: int, target: int) -> None:
        self._store()
        if 0 <= row < len(self._details) and 0 <= target < len(self._details):
            self._details[row], self._details[target] = self._details[target], self._details[row]
            self._row = target

    def set_questions(self, questions: Sequence[dict[str, Any]]) -> None:
        self._row = -1
        self.table.set_rows(questions)
        self._details = [{"choices": list(q.get("choices", [])),
                          "help_zh": q.get("help_zh", ""), "help_en": q.get("help_en", "")}
                         for q in questions]
        self._show(self.table.table.currentRow())

    def questions(self) -> list[dict[str, Any]]:
        """The questions as the file's data: choices and help only where
        given (the check says when a kind needs or refuses them)."""
        self._store()
        out = []
        for row in range(self.table.table.rowCount()):
            values: dict[str, Any] = {
                key: self.table.text(row, col) for col, key in enumerate(QUESTION_KEYS)}
            details = self._details[row]
            if not any(values.values()) and not any(details.values()):
                continue
            if details["choices"]:
                values["choices"] = details["choices"]
            if details["help_zh"] or details["help_en"]:
                values["help_zh"], values["help_en"] = details["help_zh"], details["help_en"]
            out.append(values)
        return out

    def add_question(self) -> int:
        row = self.table.add_row()
        item = self.table.table.item(row, KIND_COLUMN)
        if item is not None:
            item.setText(QuestionKind.TEXT.value)
        return row

    def select(self, row: int) -> None:
        self.table.select_row(row)
