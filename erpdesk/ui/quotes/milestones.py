"""The payment milestones (付款节点) of the quote editor: a small table of
name, share (percent) and due, each share's amount of the quote's total,
and the sum of the shares shown live (it must be exactly 100 %).

Shares are kept as typed until read, like the lines; a share that is not a
number is painted red.  The amounts come from the domain's
``milestone_amounts`` (the last milestone takes what rounding left, so they
add up to the total to the fen).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.money import format_money
from erpdesk.domain.quote import Milestone, milestone_amounts, percent_text
from erpdesk.ui.quotes.quote_lines_model import PROBLEM_BACKGROUND, percent_value
from erpdesk.ui.table_models import RowTableModel
from erpdesk.ui.widgets import OK_STYLE, PROBLEM_STYLE, ProblemLabel

CONTEXT = "MilestonesModel"
COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", QT_TRANSLATE_NOOP("MilestonesModel", "Milestone")),
    ("percent", QT_TRANSLATE_NOOP("MilestonesModel", "Share %")),
    ("amount", QT_TRANSLATE_NOOP("MilestonesModel", "Amount")),
    ("due", QT_TRANSLATE_NOOP("MilestonesModel", "Due")),
)
KEYS = tuple(key for key, _text in COLUMNS)
_FIELD = re.compile(r"^milestones\[(\d+)\](?:\.(\w+))?$")


@dataclass
class MilestoneRow:
    name: str = ""
    percent: str = ""
    due: str = ""

    @classmethod
    def of(cls, milestone: Milestone) -> MilestoneRow:
        return cls(milestone.name, percent_text(milestone.percent), milestone.due)

    def value(self) -> Decimal | None:
        return percent_value(self.percent)

    def milestone(self) -> Milestone | None:
        value = self.value()
        return None if value is None else Milestone(self.name, value, self.due)


class MilestonesModel(RowTableModel[MilestoneRow]):
    """Signals: edited(): a milestone changed, was added or removed."""

    edited = Signal()
    context = CONTEXT
    headers = tuple(text for _key, text in COLUMNS)
    numbered = True

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.editable = True
        self.total = Decimal("0.00")
        self._problems: dict[tuple[int, str], list[str]] = {}

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        key = KEYS[index.column()]
        problems = self._cell_problems(index.row(), key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if key == "amount":
                if role == Qt.ItemDataRole.EditRole:
                    return None
                amounts = self.amounts()
                return format_money(amounts[index.row()]) if amounts else "—"
            return getattr(row, key)
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            return PROBLEM_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole and problems:
            return "\n".join(problems)
        if role == Qt.ItemDataRole.ForegroundRole and key == "amount":
            return QColor("#546e7a")
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("percent", "amount"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _cell_problems(self, n: int, key: str) -> list[str]:
        problems = list(self._problems.get((n, key), []))
        if key == "percent" and self.rows[n].value() is None:
            problems.insert(
                0,
                QCoreApplication.translate(
                    "MilestonesModel", "Milestone {n}: “{text}” is not a percentage"
                ).format(n=n + 1, text=self.rows[n].percent),
            )
        return problems

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and KEYS[index.column()] != "amount":
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:
        if not index.isValid() or not self.editable or role != Qt.ItemDataRole.EditRole:
            return False
        key = KEYS[index.column()]
        if key == "amount":
            return False
        text = "" if value is None else str(value).strip()
        row = self.rows[index.row()]
        if getattr(row, key) == text:
            return False
        setattr(row, key, text)
        self._problems.pop((index.row(), key), None)
        self._all_changed()  # every amount follows a share
        self.edited.emit()
        return True

    # -- reading ---------------------------------------------------------------

    def milestones(self) -> list[Milestone] | None:
        """The milestones; None while a share is not a number."""
        found = [row.milestone() for row in self.rows]
        if any(m is None for m in found):
            return None
        return [m for m in found if m is not None]

    def percent_sum(self) -> Decimal | None:
        values = [row.value() for row in self.rows]
        if any(v is None for v in values):
            return None
        return sum((v for v in values if v is not None), Decimal(0))

    def amounts(self) -> tuple[Decimal, ...]:
        found = self.milestones()
        if not found:
            return ()
        try:
            return milestone_amounts(self.total, found)
        except (ArithmeticError, ValueError):
            return ()

    def input_problem(self) -> str:
        """The first share that is not a number, as a message ("" if none)."""
        for n, row in enumerate(self.rows):
            if row.value() is None:
                return self._cell_problems(n, "percent")[0]
        return ""

    # -- changing --------------------------------------------------------------

    def _rows_reset(self) -> None:
        self._problems = {}

    def set_total(self, total: Decimal) -> None:
        if total != self.total:
            self.total = total
            if self.rows:
                column = KEYS.index("amount")
                self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column))

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        self._all_changed()

    def add_row(self, row: MilestoneRow | None = None) -> int:
        n = len(self.rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self.rows.append(row or MilestoneRow())
        self.endInsertRows()
        self._all_changed()
        self.edited.emit()
        return n

    def remove_row(self, n: int) -> None:
        if 0 <= n < len(self.rows):
            self.beginRemoveRows(QModelIndex(), n, n)
            del self.rows[n]
            self._problems = {
                (r - (1 if r > n else 0), k): v for (r, k), v in self._problems.items() if r != n
            }
            self.endRemoveRows()
            self._all_changed()
            self.edited.emit()

    def show_problems(self, problems: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Mark cells named ``milestones[i].field``; the rest is returned."""
        self._problems = {}
        rest: list[tuple[str, str]] = []
        for name, text in problems:
            found = _FIELD.match(name)
            if found is None or not 0 <= int(found.group(1)) < len(self.rows):
                rest.append((name, text))
                continue
            key = found.group(2) if found.group(2) in KEYS else "name"
            self._problems.setdefault((int(found.group(1)), key), []).append(text)
        self._all_changed()
        return rest


class MilestonesEditor(QWidget):
    """The milestones table, Add / Remove and the live sum of the shares."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MilestonesModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.view.setColumnWidth(0, 170)
        self.view.setColumnWidth(1, 70)
        self.view.setColumnWidth(2, 120)
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.sum_label = QLabel()
        self.problem_label = ProblemLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sum_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problem_label)
        self.model.edited.connect(self.show_sum)
        self.model.modelReset.connect(self.show_sum)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add milestone"))
        self.remove_button.setText(self.tr("Remove"))
        self.model.retranslate()
        self.show_sum()

    def add(self) -> None:
        n = self.model.add_row()
        self.view.setCurrentIndex(self.model.index(n, 0))
        self.view.edit(self.model.index(n, 0))

    def remove(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove_row(index.row())

    def set_editable(self, editable: bool) -> None:
        self.model.set_editable(editable)
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)

    def show_sum(self) -> None:
        """The shares' sum: green at exactly 100 %, red otherwise."""
        if not self.model.rows:
            self.sum_label.setText(self.tr("No milestones: paid in full"))
            self.sum_label.setStyleSheet("color: #546e7a;")
            return
        total = self.model.percent_sum()
        if total is None:
            self.sum_label.setText(self.tr("Sum: —"))
            self.sum_label.setStyleSheet(PROBLEM_STYLE)
        elif total == 100:
            self.sum_label.setText(self.tr("Sum: 100 % ✓"))
            self.sum_label.setStyleSheet(OK_STYLE)
        else:
            self.sum_label.setText(
                self.tr("Sum: {sum} % — must be 100 %").format(sum=percent_text(total))
            )
            self.sum_label.setStyleSheet(PROBLEM_STYLE)
