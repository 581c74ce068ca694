"""The survey's findings: a table of module (required), text, priority and
gap against the product (coloured like the report), and the need of the
deal a finding became.

A finding that is a need of the deal is linked both ways and stays as it
is: its row is read-only and cannot be removed (the panel says why).  A
finding the rules refuse (no module, no text) is marked at its row and
nothing is saved."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.customer import enum_member
from erpdesk.domain.errors import Problem
from erpdesk.domain.presales import PRIORITIES, Finding, GapLevel
from erpdesk.ui.presales.survey_parts import mark_rows, reserved_problem_label, row_of
from erpdesk.ui.widgets import OK_STYLE, enum_text, translate

MODULE, TEXT, PRIORITY, GAP, NEED = range(5)
ID_ROLE = Qt.ItemDataRole.UserRole
PROBLEM_BORDER = "QComboBox { border: 1px solid #c62828; }"


def gap_colours() -> dict[GapLevel, tuple[str, str]]:
    """Each gap level's ink and shade as "#rrggbb": the report's colours."""
    from erpdesk.documents.survey_gaps import GAP_COLOURS

    return {
        level: tuple("#" + colour.hexval()[2:] for colour in pair)  # type: ignore[misc]
        for level, pair in GAP_COLOURS.items()
    }


class FindingsPanel(QWidget):
    """The findings of a survey.

    Signals:
        edited(): a finding was added, removed or changed.
        make_need(str): "Make a need of the deal" for this finding id.
    """

    edited = Signal()
    make_need = Signal(str)

    def __init__(self, modules: Iterable[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.modules = list(modules)  # (code, name in the window's language)
        self.linked: dict[str, Finding] = {}
        self.has_deal = True  # a finding becomes a need of a deal only
        self._read_only = False
        self._colours = gap_colours()
        self.table = QTableWidget(0, 5)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((MODULE, 150), (PRIORITY, 90), (GAP, 120), (NEED, 120)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.itemChanged.connect(lambda _item: self.edited.emit())
        self.table.currentCellChanged.connect(lambda *_args: self._show_state())
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.need_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.add_finding())
        self.remove_button.clicked.connect(self.remove_selected)
        self.need_button.clicked.connect(self._need_clicked)
        self.problem_label = reserved_problem_label(3)
        self.note_label = reserved_problem_label(1)
        self.note_label.setStyleSheet(OK_STYLE)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.need_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note_label)
        layout.addWidget(self.problem_label)
        self.retranslate_ui()

    # -- texts ------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Module *"), self.tr("Finding *"), self.tr("Priority"),
             self.tr("Gap"), self.tr("Need of the deal")]
        )  # fmt: skip
        self.add_button.setText(self.tr("Add finding"))
        self.remove_button.setText(self.tr("Remove"))
        self.need_button.setText(self.tr("Make a need of the deal"))
        self.need_button.setToolTip(
            self.tr("Adds the finding as a row of the deal's needs analysis, linked both ways")
        )
        for row in range(self.table.rowCount()):
            self._retranslate_row(row)

    def _retranslate_row(self, row: int) -> None:
        module, priority, gap = self._combos(row)
        module.setItemText(0, self.tr("— choose —"))
        labels = {"": "—", "high": self.tr("High"), "medium": self.tr("Medium"),
                  "low": self.tr("Low")}  # fmt: skip
        for i in range(priority.count()):
            priority.setItemText(i, labels.get(priority.itemData(i), priority.itemData(i)))
        for i, level in enumerate(GapLevel):
            gap.setItemText(i, enum_text(level))
        item = self.table.item(row, NEED)
        need = item.data(ID_ROLE) if item is not None else ""
        if item is not None:
            item.setText(self.tr("✔ Need {id}").format(id=need[:8]) if need else "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- rows ---------------------------------------------------------------------

    def _combos(self, row: int) -> tuple[QComboBox, QComboBox, QComboBox]:
        widgets = (self.table.cellWidget(row, c) for c in (MODULE, PRIORITY, GAP))
        module, priority, gap = widgets
        assert isinstance(module, QComboBox) and isinstance(priority, QComboBox)
        assert isinstance(gap, QComboBox)
        return module, priority, gap

    def add_finding(self, finding: Finding | None = None) -> int:
        """A row for *finding* (a new, empty one when None); its index."""
        finding = finding or Finding(module="", text="")
        table, row = self.table, self.table.rowCount()
        table.blockSignals(True)
        table.insertRow(row)
        module = QComboBox()
        module.addItem("", None)
        for code, name in self.modules:
            module.addItem(name, code)
        if finding.module and module.findData(finding.module) < 0:
            module.addItem(finding.module, finding.module)  # an older playbook's module
        module.setCurrentIndex(max(module.findData(finding.module or None), 0))
        priority = QComboBox()
        for code in ("", *PRIORITIES):
            priority.addItem("", code)
        if finding.priority and priority.findData(finding.priority) < 0:
            priority.addItem(finding.priority, finding.priority)
        priority.setCurrentIndex(max(priority.findData(finding.priority), 0))
        gap = QComboBox()
        for level in GapLevel:
            gap.addItem("", level.value)
        gap.setCurrentIndex(gap.findData(finding.gap.value))
        for column, combo in ((MODULE, module), (PRIORITY, priority), (GAP, gap)):
            table.setCellWidget(row, column, combo)
            combo.currentIndexChanged.connect(lambda _i: self.edited.emit())
        gap.currentIndexChanged.connect(lambda _i, combo=gap: self._colour_gap(combo))
        text = QTableWidgetItem(finding.text)
        text.setData(ID_ROLE, finding.id)
        text.setToolTip(finding.text)
        need = QTableWidgetItem()
        need.setData(ID_ROLE, finding.need_id)
        need.setFlags(need.flags() & ~Qt.ItemFlag.ItemIsEditable)
        need.setForeground(QBrush(QColor("#2e7d32")))
        table.setItem(row, TEXT, text)
        table.setItem(row, NEED, need)
        if finding.need_id:
            self.linked[finding.id] = finding
        self._retranslate_row(row)
        self._colour_gap(gap)
        self._lock_row(row, self._read_only or bool(finding.need_id))
        table.blockSignals(False)
        if not finding.text and not self._read_only:
            table.setCurrentCell(row, TEXT)
        self.edited.emit()
        self._show_state()
        return row

    def _colour_gap(self, combo: QComboBox) -> None:
        ink, shade = self._colours.get(enum_member(GapLevel, combo.currentData()), ("", ""))
        if combo.currentData() == GapLevel.NONE.value:
            combo.setStyleSheet("")
            return
        combo.setStyleSheet(f"QComboBox {{ color: {ink}; background: {shade}; }}")

    def _lock_row(self, row: int, locked: bool) -> None:
        for combo in self._combos(row):
            combo.setEnabled(not locked)
        item = self.table.item(row, TEXT)
        if item is not None:
            flags = item.flags()
            flags = flags & ~Qt.ItemFlag.ItemIsEditable if locked else flags | (
                Qt.ItemFlag.ItemIsEditable)  # fmt: skip
            item.setFlags(flags)

    def set_findings(self, findings: Iterable[Finding]) -> None:
        self.table.setRowCount(0)
        self.linked = {}
        for finding in findings:
            self.add_finding(finding)
        self.show_problems([])

    def finding_id(self, row: int) -> str:
        item = self.table.item(row, TEXT)
        return str(item.data(ID_ROLE)) if item is not None else ""

    def current_finding_id(self) -> str:
        row = self.table.currentRow()
        return self.finding_id(row) if row >= 0 else ""

    def select_finding(self, finding_id: str) -> None:
        for row in range(self.table.rowCount()):
            if self.finding_id(row) == finding_id:
                self.table.selectRow(row)

    def remove_selected(self) -> bool:
        """Remove the selected finding; a need of the deal stays (said why)."""
        row = self.table.currentRow()
        if row < 0:
            return False
        if self.finding_id(row) in self.linked:
            self.problem_label.show_text(
                self.tr(
                    "Finding {row} is a need of the deal already: it stays in the survey "
                    "(remove the need on the deal's needs analysis instead)."
                ).format(row=row + 1)
            )
            return False
        self.table.removeRow(row)
        self.problem_label.show_text("")
        self.edited.emit()
        self._show_state()
        return True

    def _need_clicked(self) -> None:
        finding_id = self.current_finding_id()
        if finding_id and finding_id not in self.linked:
            self.make_need.emit(finding_id)

    def _show_state(self) -> None:
        finding_id = self.current_finding_id()
        editable = not self._read_only
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and bool(finding_id))
        self.need_button.setEnabled(
            editable and self.has_deal and bool(finding_id) and finding_id not in self.linked
        )

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for row in range(self.table.rowCount()):
            self._lock_row(row, read_only or self.finding_id(row) in self.linked)
        self._show_state()

    def show_note(self, text: str) -> None:
        self.note_label.show_text(text)

    # -- values and problems ------------------------------------------------------------

    def findings(self) -> tuple[Finding, ...]:
        """The findings as shown (empty rows left out); a need of the deal
        exactly as it was stored."""
        out: list[Finding] = []
        for row in range(self.table.rowCount()):
            finding_id = self.finding_id(row)
            if finding_id in self.linked:
                out.append(self.linked[finding_id])
                continue
            module, priority, gap = self._combos(row)
            item = self.table.item(row, TEXT)
            text = item.text().strip() if item is not None else ""
            if not text and module.currentData() is None:
                continue  # a row added and left empty
            out.append(
                Finding(
                    module=module.currentData() or "", text=text, id=finding_id,
                    priority=priority.currentData() or "",
                    gap=enum_member(GapLevel, gap.currentData()),
                )
            )  # fmt: skip
        return tuple(out)

    def _table_row(self, finding_number: int) -> int:
        """The table row of the *finding_number*-th finding ``findings()``
        gives (1-based; empty rows are not counted)."""
        ids = [f.id for f in self.findings()]
        wanted = ids[finding_number - 1] if 0 < finding_number <= len(ids) else ""
        rows = (r for r in range(self.table.rowCount()) if self.finding_id(r) == wanted)
        return next(rows, -1)

    def show_problems(self, problems: Iterable[Problem]) -> None:
        """The findings' problems: their rows shaded, their module marked,
        each message naming its row; the others' marks cleared."""
        rows: dict[int, list[str]] = {}
        general: list[str] = []
        for problem in problems:
            if problem.field.split(".")[0] != "findings":
                continue
            number = row_of(problem, "findings")
            row = self._table_row(number + 1) if number is not None else -1
            if row >= 0:
                rows.setdefault(row, []).append(problem.render(translate))
            else:
                general.append(problem.render(translate))
        self.table.blockSignals(True)
        mark_rows(self.table, rows)
        for row in range(self.table.rowCount()):
            module = self._combos(row)[0]
            wrong = row in rows and module.currentData() is None
            module.setStyleSheet(PROBLEM_BORDER if wrong else "")
            header = self.table.verticalHeaderItem(row) or QTableWidgetItem(str(row + 1))
            header.setToolTip("\n".join(rows.get(row, [])))
            self.table.setVerticalHeaderItem(row, header)
        self.table.blockSignals(False)
        lines = [
            self.tr("Finding {row}: {problem}").format(row=row + 1, problem=text)
            for row, texts in sorted(rows.items())
            for text in texts
        ]
        self.problem_label.show_text("\n".join([*lines, *general]))
        first = self.table.item(min(rows), TEXT) if rows else None
        if first is not None:
            self.table.scrollToItem(first)
