"""The worksheet engine's editors: one editor per ``Layout``, built from the
playbook's template (FORM, GRID, TABLE, SCORE_SHEET, ROLLUP), and the
``WorksheetDialog`` that dates, validates (through the deal service) and
saves one worksheet.

Editors hold plain JSON data (``Worksheet.data``) and never check it
themselves: the domain's ``validate_worksheet`` does, on save, and its
problems are shown under the field they name.  Keys the template does not
know are carried through untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.deal import Worksheet
from erpdesk.domain.errors import DomainError, Problem, ValidationError
from erpdesk.domain.playbook import FieldDef, FieldKind, Layout, Names, WorksheetTemplate
from erpdesk.domain.worksheet import ROWS, empty_data, empty_row, score
from erpdesk.ui.widgets import ProblemLabel, problems_by_field, settle_minimum_size, translate

if TYPE_CHECKING:
    from erpdesk.services.deals import DealService

_EMPTY = "—"


def ui_language() -> str:
    """The language the window shows now ("zh_CN" or "en")."""
    probe = "Closed won"
    return "zh_CN" if QCoreApplication.translate("Domain", probe) != probe else "en"


def name_text(names: Names | None) -> str:
    """A playbook name in the window's language."""
    return names.text(ui_language()) if names is not None else ""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def choice_text(f: FieldDef, code: Any) -> str:
    for choice in f.choices:
        if choice.code == code:
            return name_text(choice.names)
    return _text(code)


# --- one field --------------------------------------------------------------


class FieldEditor:
    """An editor widget for one field of a template and its value's get/set.

    ``widget`` is the Qt widget; ``changed`` is called on every edit."""

    def __init__(self, f: FieldDef, changed: Callable[[], None]) -> None:
        self.field = f
        self.widget: QWidget
        kind = f.kind
        if kind is FieldKind.LONGTEXT:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(64)
            edit.textChanged.connect(changed)
            self.widget = edit
        elif kind is FieldKind.CHOICE:
            combo = QComboBox()
            combo.addItem(_EMPTY, None)
            for choice in f.choices:
                combo.addItem(name_text(choice.names), choice.code)
            combo.currentIndexChanged.connect(lambda _i: changed())
            self.widget = combo
        elif kind is FieldKind.BOOL:
            box = QCheckBox()
            box.toggled.connect(lambda _b: changed())
            self.widget = box
        elif kind is FieldKind.SCORE:
            spin = QSpinBox()
            spin.setRange(f.minimum - 1, f.maximum)
            spin.setSpecialValueText(_EMPTY)
            spin.setValue(f.minimum - 1)
            spin.valueChanged.connect(lambda _v: changed())
            self.widget = spin
        elif kind is FieldKind.LIST and f.choices:
            items = QListWidget()
            for choice in f.choices:
                item = QListWidgetItem(name_text(choice.names))
                item.setData(Qt.ItemDataRole.UserRole, choice.code)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                items.addItem(item)
            items.setMaximumHeight(120)
            items.itemChanged.connect(lambda _i: changed())
            self.widget = items
        elif kind is FieldKind.LIST:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setPlaceholderText(QCoreApplication.translate("Worksheet", "One item a line"))
            edit.setMinimumHeight(56)
            edit.textChanged.connect(changed)
            self.widget = edit
        else:  # text, person, number, money, date
            line = QLineEdit()
            if kind is FieldKind.DATE:
                line.setPlaceholderText("2026-06-30")
            elif kind is FieldKind.MONEY:
                line.setPlaceholderText(QCoreApplication.translate("Worksheet", "Amount in CNY"))
            line.textChanged.connect(lambda _t: changed())
            self.widget = line
        if f.help is not None:
            self.widget.setToolTip(name_text(f.help))

    def value(self) -> Any:
        w = self.widget
        kind = self.field.kind
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QSpinBox):
            return None if w.value() < self.field.minimum else w.value()
        if isinstance(w, QListWidget):
            return [
                w.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(w.count())
                if w.item(i).checkState() == Qt.CheckState.Checked
            ]
        if isinstance(w, QPlainTextEdit):
            text = w.toPlainText()
            if kind is FieldKind.LIST:
                return [line.strip() for line in text.splitlines() if line.strip()]
            return text
        assert isinstance(w, QLineEdit)
        text = w.text().strip()
        if kind in (FieldKind.NUMBER, FieldKind.MONEY, FieldKind.DATE):
            return text or None
        return text

    def set_value(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QComboBox):
            index = w.findData(value) if value is not None else 0
            w.setCurrentIndex(max(index, 0))
        elif isinstance(w, QCheckBox):
            w.setChecked(value is True)
        elif isinstance(w, QSpinBox):
            ok = isinstance(value, int) and not isinstance(value, bool)
            w.setValue(value if ok else self.field.minimum - 1)
        elif isinstance(w, QListWidget):
            chosen = set(value or ())
            for i in range(w.count()):
                item = w.item(i)
                checked = item.data(Qt.ItemDataRole.UserRole) in chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        elif isinstance(w, QPlainTextEdit):
            if isinstance(value, list | tuple):
                w.setPlainText("\n".join(str(v) for v in value))
            else:
                w.setPlainText(_text(value))
        elif isinstance(w, QLineEdit):
            w.setText(_text(value))


class _Fields(QWidget):
    """A form of field editors with a problem label under each."""

    def __init__(
        self, fields: tuple[FieldDef, ...], changed: Callable[[], None], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.editors: dict[str, FieldEditor] = {}
        self.labels: dict[str, ProblemLabel] = {}
        self.boxes: dict[str, QWidget] = {}
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for f in fields:
            self.add(f, changed)

    def add(self, f: FieldDef, changed: Callable[[], None]) -> FieldEditor:
        editor = FieldEditor(f, changed)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor.widget)
        label = ProblemLabel(box)
        column.addWidget(label)
        caption = name_text(f.names) + (" *" if f.required else "")
        self.form.addRow(caption, box)
        self.editors[f.code] = editor
        self.labels[f.code] = label
        self.boxes[f.code] = box
        return editor


# --- editors per layout --------------------------------------------------------


class WorksheetEditor(QWidget):
    """The base of the layouts' editors.

    Signals:
        changed(): the user edited something.
    """

    changed = Signal()

    def __init__(
        self, template: WorksheetTemplate, data: dict[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.template = template
        self._original = dict(data)
        self._loading = False

    def _changed(self) -> None:
        if not self._loading:
            self.changed.emit()

    def data(self) -> dict[str, Any]:
        """The edited data (keys the template does not know kept)."""
        raise NotImplementedError

    def show_problems(self, problems: list[Problem]) -> list[Problem]:
        """Show *problems* by field; returns those no field shows."""
        return problems


class _FieldsEditor(WorksheetEditor):
    """FORM (and the fields part of the other layouts)."""

    def __init__(
        self,
        template: WorksheetTemplate,
        data: dict[str, Any],
        parent: QWidget | None = None,
        fields: tuple[FieldDef, ...] | None = None,
    ) -> None:
        super().__init__(template, data, parent)
        self.fields = _Fields(template.fields if fields is None else fields, self._changed, self)
        self._loading = True
        for code, editor in self.fields.editors.items():
            editor.set_value(data.get(code))
        self._loading = False

    def field_data(self) -> dict[str, Any]:
        out = dict(self._original)
        for code, editor in self.fields.editors.items():
            out[code] = editor.value()
        return out

    def data(self) -> dict[str, Any]:
        return self.field_data()

    def show_problems(self, problems: list[Problem]) -> list[Problem]:
        by_field = problems_by_field(problems)
        rest: list[Problem] = []
        for code, label in self.fields.labels.items():
            label.set_problems(by_field.pop(code, []))
        for found in by_field.values():
            rest.extend(found)
        return rest


class FormEditor(_FieldsEditor):
    def __init__(
        self, template: WorksheetTemplate, data: dict[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(template, data, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.fields)
        layout.addStretch(1)


class GridEditor(_FieldsEditor):
    """SWOT: the template's four long texts as a 2x2 grid."""

    def __init__(
        self, template: WorksheetTemplate, data: dict[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(template, data, parent)
        self.fields.hide()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        colours = ("#e8f5e9", "#ffebee", "#e3f2fd", "#fff8e1")
        for n, f in enumerate(template.fields):
            editor = self.fields.editors[f.code]
            box = QGroupBox(name_text(f.names) + (" *" if f.required else ""))
            box.setStyleSheet(f"QGroupBox {{ background: {colours[n % 4]}; }}")
            column = QVBoxLayout(box)
            column.addWidget(editor.widget)
            column.addWidget(self.fields.labels[f.code])
            grid.addWidget(box, n // 2, n % 2)
        for i in range(2):
            grid.setRowStretch(i, 1)
            grid.setColumnStretch(i, 1)


class RowsModel(QAbstractTableModel):
    """The rows of a TABLE (or ROLLUP) worksheet: one column per template
    column; bools are check boxes, choices show their names."""

    def __init__(
        self,
        columns: tuple[FieldDef, ...],
        rows: list[dict[str, Any]],
        editable: bool = True,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows = [dict(r) for r in rows]
        self.editable = editable
        self.problem_cells: set[tuple[int, str]] = set()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            f = self.columns[section]
            return name_text(f.names) + (" *" if f.required else "")
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        f = self.columns[index.column()]
        value = self.rows[index.row()].get(f.code)
        if role == Qt.ItemDataRole.CheckStateRole and f.kind is FieldKind.BOOL:
            return Qt.CheckState.Checked if value is True else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if f.kind is FieldKind.BOOL:
                return None
            if f.kind is FieldKind.CHOICE:
                return choice_text(f, value)
            if f.kind is FieldKind.LIST and f.choices:
                return ", ".join(choice_text(f, v) for v in value or ())
            return _text(value)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.BackgroundRole and (index.row(), f.code) in self.problem_cells:
            from PySide6.QtGui import QColor

            return QColor("#ffcdd2")
        if role == Qt.ItemDataRole.TextAlignmentRole and f.kind in (
            FieldKind.MONEY,
            FieldKind.NUMBER,
            FieldKind.SCORE,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.editable:
            return base
        if self.columns[index.column()].kind is FieldKind.BOOL:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:
        if not index.isValid() or not self.editable:
            return False
        f = self.columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and f.kind is FieldKind.BOOL:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            self.rows[index.row()][f.code] = checked
        elif role == Qt.ItemDataRole.EditRole:
            if isinstance(value, str):
                value = value.strip()
                if f.kind is FieldKind.LIST:
                    value = [v.strip() for v in value.replace("，", ",").split(",") if v.strip()]
                elif f.kind in (FieldKind.NUMBER, FieldKind.MONEY, FieldKind.DATE) and not value:
                    value = None
            self.rows[index.row()][f.code] = value
        else:
            return False
        self.dataChanged.emit(index, index, [role])
        return True

    def add_row(self, row: dict[str, Any]) -> None:
        n = len(self.rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self.rows.append(dict(row))
        self.endInsertRows()

    def remove_row(self, n: int) -> None:
        if 0 <= n < len(self.rows):
            self.beginRemoveRows(QModelIndex(), n, n)
            del self.rows[n]
            self.endRemoveRows()

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = [dict(r) for r in rows]
        self.problem_cells = set()
        self.endResetModel()

    def mark(self, cells: set[tuple[int, str]]) -> None:
        self.problem_cells = cells
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1)
            )


class RowDelegate(QStyledItemDelegate):
    """Editors by the column's kind: a combo for a choice, a spin box for a
    score, a line for the rest (dates as 2026-06-30, amounts as typed)."""

    def __init__(self, columns: tuple[FieldDef, ...], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = columns

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        f = self.columns[index.column()]
        if f.kind is FieldKind.CHOICE:
            combo = QComboBox(parent)
            combo.addItem(_EMPTY, None)
            for choice in f.choices:
                combo.addItem(name_text(choice.names), choice.code)
            return combo
        if f.kind is FieldKind.SCORE:
            spin = QSpinBox(parent)
            spin.setRange(f.minimum - 1, f.maximum)
            spin.setSpecialValueText(_EMPTY)
            return spin
        line = QLineEdit(parent)
        if f.kind is FieldKind.DATE:
            line.setPlaceholderText("2026-06-30")
        return line

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        f = self.columns[index.column()]
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0) if value else 0)
        elif isinstance(editor, QSpinBox):
            editor.setValue(value if isinstance(value, int) else f.minimum - 1)
        elif isinstance(editor, QLineEdit):
            editor.setText(_text(value))

    def setModelData(
        self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        f = self.columns[index.column()]
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QSpinBox):
            value = editor.value()
            model.setData(index, None if value < f.minimum else value, Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


def _row_problem_cells(problems: list[Problem]) -> tuple[set[tuple[int, str]], list[Problem]]:
    """Cells named ``rows.<n>.<code>`` (n from 1) and the other problems."""
    cells: set[tuple[int, str]] = set()
    rest: list[Problem] = []
    for p in problems:
        parts = p.field.split(".")
        if len(parts) == 3 and parts[0] == ROWS and parts[1].isdigit():
            cells.add((int(parts[1]) - 1, parts[2]))
        rest.append(p)
    return cells, rest


class TableEditor(_FieldsEditor):
    """TABLE: the template's fields above, its rows in a table below."""

    def __init__(
        self, template: WorksheetTemplate, data: dict[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(template, data, parent)
        rows: list[dict[str, Any]] = (
            list(data.get(ROWS) or []) if isinstance(data.get(ROWS), list) else []
        )
        self.model = RowsModel(template.columns, rows, True, self)
        self.model.dataChanged.connect(lambda *_a: self._changed())
        self.model.rowsInserted.connect(lambda *_a: self._changed())
        self.model.rowsRemoved.connect(lambda *_a: self._changed())
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(RowDelegate(template.columns, self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(QCoreApplication.translate("Worksheet", "Add row"))
        self.remove_button = QPushButton(QCoreApplication.translate("Worksheet", "Remove row"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.rows_problem = ProblemLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if template.fields:
            layout.addWidget(self.fields)
        else:
            self.fields.hide()
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.rows_problem)

    def add_row(self) -> None:
        self.model.add_row(empty_row(self.template))
        self.view.setCurrentIndex(self.model.index(len(self.model.rows) - 1, 0))

    def remove_row(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove_row(index.row())

    def data(self) -> dict[str, Any]:
        out = self.field_data()
        out[ROWS] = [dict(r) for r in self.model.rows]
        return out

    def show_problems(self, problems: list[Problem]) -> list[Problem]:
        rest = super().show_problems(problems)
        cells, rows = _row_problem_cells(rest)
        self.model.mark(cells)
        row_problems = [p for p in rows if p.field.startswith(ROWS)]
        self.rows_problem.set_problems(row_problems)
        return [p for p in rows if not p.field.startswith(ROWS)]


class ScoreSheetEditor(_FieldsEditor):
    """SCORE_SHEET: a spin box per score with its weight; the total, the
    percent and the verdict follow every change."""

    def __init__(
        self, template: WorksheetTemplate, data: dict[str, Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(template, data, parent)
        for f in template.fields:
            if f.kind is FieldKind.SCORE:
                label = self.fields.form.labelForField(self.fields.boxes[f.code])
                if isinstance(label, QLabel):
                    label.setText(f"{label.text()}  ×{f.weight}" if f.weight != 1 else label.text())
        self.total_label = QLabel()
        font = self.total_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.total_label.setFont(font)
        self.verdict_label = QLabel()
        self.verdict_label.setWordWrap(True)
        summary = QGroupBox(QCoreApplication.translate("Worksheet", "Result"))
        column = QVBoxLayout(summary)
        column.addWidget(self.total_label)
        column.addWidget(self.verdict_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.fields)
        layout.addWidget(summary)
        layout.addStretch(1)
        self.changed.connect(self.update_total)
        self.update_total()

    def update_total(self) -> None:
        result = score(self.template, self.data())
        if result is None:
            return
        self.total_label.setText(
            QCoreApplication.translate(
                "Worksheet", "Total {total} of {maximum} ({percent} %)"
            ).format(
                total=_plain(result.total), maximum=_plain(result.maximum), percent=result.percent
            )
        )
        verdict = name_text(result.verdict.names) if result.verdict is not None else _EMPTY
        self.verdict_label.setText(
            QCoreApplication.translate("Worksheet", "Verdict: {verdict}").format(verdict=verdict)
        )
        colour = "#2e7d32"
        if result.verdict is not None and self.template.verdicts:
            lowest = min(self.template.verdicts, key=lambda v: v.min_percent)
            if result.verdict.code == lowest.code:
                colour = "#c62828"
        self.verdict_label.setStyleSheet(f"color: {colour}; font-weight: bold;")


def _plain(number: Decimal) -> str:
    return str(int(number)) if number == number.to_integral() else str(number.normalize())


class RollupEditor(_FieldsEditor):
    """ROLLUP (the large-deal report): its fields, and a read-only table of
    the open deals from the amount on, taken from the service when the user
    refreshes it (kept as a dated snapshot in ``rows``)."""

    def __init__(
        self,
        template: WorksheetTemplate,
        data: dict[str, Any],
        parent: QWidget | None = None,
        rows_of: Callable[[dict[str, Any]], list[dict[str, Any]]] | None = None,
    ) -> None:
        super().__init__(template, data, parent)
        self._rows_of = rows_of
        rows: list[dict[str, Any]] = (
            list(data.get(ROWS) or []) if isinstance(data.get(ROWS), list) else []
        )
        self.model = RowsModel(template.columns, rows, False, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.refresh_button = QPushButton(
            QCoreApplication.translate("Worksheet", "Refresh from the deals")
        )
        self.refresh_button.clicked.connect(self.refresh)
        self.refresh_button.setEnabled(rows_of is not None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.fields)
        layout.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.view, 1)

    def refresh(self) -> None:
        if self._rows_of is None:
            return
        self.model.set_rows(self._rows_of(self.field_data()))
        self._changed()

    def data(self) -> dict[str, Any]:
        out = self.field_data()
        out[ROWS] = [dict(r) for r in self.model.rows]
        return out


def make_editor(
    template: WorksheetTemplate,
    data: dict[str, Any],
    parent: QWidget | None = None,
    rows_of: Callable[[dict[str, Any]], list[dict[str, Any]]] | None = None,
) -> WorksheetEditor:
    """The editor of *template*'s layout over *data*."""
    layout = template.layout
    if layout is Layout.GRID:
        return GridEditor(template, data, parent)
    if layout is Layout.TABLE:
        return TableEditor(template, data, parent)
    if layout is Layout.SCORE_SHEET:
        return ScoreSheetEditor(template, data, parent)
    if layout is Layout.ROLLUP:
        return RollupEditor(template, data, parent, rows_of)
    return FormEditor(template, data, parent)


def large_deal_rows(deals: DealService) -> Callable[[dict[str, Any]], list[dict[str, Any]]]:
    """The large-deal report's rows: the open deals from ``min_amount`` on."""
    from erpdesk.domain.deal_rules import parse_amount
    from erpdesk.storage.deal_queries import DealCriteria

    def rows_of(fields: dict[str, Any]) -> list[dict[str, Any]]:
        minimum = parse_amount(fields.get("min_amount")) if fields.get("min_amount") else None
        cards = deals.board(DealCriteria(min_amount=minimum), flags=False)
        playbook = deals.playbook
        out = []
        for card in cards:
            if card.status.value != "open":
                continue
            out.append(
                {
                    "customer": card.customer_name,
                    "deal": card.name,
                    "stage": playbook.stage(card.stage).names.text(ui_language()),
                    "amount": str(card.amount),
                    "probability": str(card.probability),
                    "weighted": str(card.weighted),
                    "close_date": card.close_date.isoformat() if card.close_date else None,
                    "owner": card.owner,
                    "next_step": card.next_step,
                }
            )
        out.sort(key=lambda r: Decimal(str(r["amount"])), reverse=True)
        return out

    return rows_of


# --- the dialog ---------------------------------------------------------------


class WorksheetDialog(QDialog):
    """One worksheet, new or existing: its date, its editor and Save.

    Save validates through the service; its problems are shown by field and
    nothing is saved then.  Closing with unsaved edits asks first.

    Signals:
        saved(str): the worksheet was saved (its id).
    """

    saved = Signal(str)

    def __init__(self, deals: DealService, sheet: Worksheet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._deals = deals
        self.sheet = sheet
        self.template = deals.playbook.worksheets[sheet.template]
        self.dirty = False
        self.setWindowTitle(name_text(self.template.names))
        data = dict(sheet.data) if sheet.data else empty_data(self.template)
        rows_of = large_deal_rows(deals) if self.template.layout is Layout.ROLLUP else None
        self.editor = make_editor(self.template, data, None, rows_of)
        self.editor.changed.connect(self._mark_dirty)

        self.title_label = QLabel(name_text(self.template.names))
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title_label.setFont(font)
        self.description_label = QLabel(name_text(self.template.description))
        self.description_label.setWordWrap(True)
        self.description_label.setStyleSheet("color: #546e7a;")
        self.description_label.setVisible(self.template.description is not None)
        self.dated_edit = QLineEdit(sheet.dated.isoformat())
        self.dated_edit.setPlaceholderText("2026-06-30")
        self.dated_edit.setMaximumWidth(140)
        self.dated_edit.textChanged.connect(lambda _t: self._mark_dirty())
        self.dated_problem = ProblemLabel(self)
        dated = QHBoxLayout()
        dated.addWidget(QLabel(QCoreApplication.translate("Worksheet", "Dated")))
        dated.addWidget(self.dated_edit)
        dated.addWidget(self.dated_problem)
        dated.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.editor)
        self.error_label = ProblemLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            QCoreApplication.translate("Worksheet", "Save")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            QCoreApplication.translate("Worksheet", "Close")
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.description_label)
        layout.addLayout(dated)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(820, 620)
        settle_minimum_size(self)

    def _mark_dirty(self) -> None:
        self.dirty = True

    def edited_sheet(self) -> Worksheet | None:
        """The worksheet as edited; None (and the problem shown) for a bad date."""
        text = self.dated_edit.text().strip()
        try:
            dated = date.fromisoformat(text)
        except ValueError:
            self.dated_problem.show_text(
                QCoreApplication.translate(
                    "Worksheet", '"{value}" is not a date (YYYY-MM-DD)'
                ).format(value=text)
            )
            return None
        self.dated_problem.show_text("")
        return replace(self.sheet, dated=dated, data=self.editor.data())

    def save(self) -> bool:
        """Validate and save; True when saved."""
        sheet = self.edited_sheet()
        if sheet is None:
            return False
        try:
            saved = self._deals.save_worksheet(sheet)
        except ValidationError as exc:
            rest = self.editor.show_problems(list(exc.problems))
            dated = [p for p in rest if p.field == "dated"]
            self.dated_problem.set_problems(dated)
            others = [p for p in rest if p.field != "dated"]
            self.error_label.show_text(
                "\n".join(p.render(translate) for p in others)
                or QCoreApplication.translate(
                    "Worksheet", "Some fields need correcting (marked in red)."
                )
            )
            return False
        except DomainError as exc:
            self.error_label.show_text(exc.render(translate))
            return False
        self.editor.show_problems([])
        self.error_label.show_text("")
        self.sheet = saved
        self.dirty = False
        self.saved.emit(saved.id)
        self.accept()
        return True

    def reject(self) -> None:
        if self.dirty:
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("Worksheet", "Unsaved changes"),
                QCoreApplication.translate("Worksheet", "Discard the changes to this worksheet?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.dirty = False
        super().reject()

    def closeEvent(self, event: Any) -> None:
        if self.dirty:
            self.reject()
            if self.dirty:
                event.ignore()
                return
        super().closeEvent(event)
