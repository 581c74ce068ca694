"""Step 3 of the import wizard: every row as the import would take it,
before anything is written.

The check is the importer's own (``import_preview.check_import``, run on a
worker thread against the database): a rejected row's cells are shaded and
their problems shown, a known customer is marked skipped or merged as the
user chooses, a possible duplicate is marked to check.  The user chooses
"all rows" (refused while a row has problems: the CLI's all or nothing) or
"only the valid rows" (the CLI's ``--partial``), and what to do with known
customers (``--on-duplicate``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from erpdesk.services.import_preview import Preview, RowCheck, check_import
from erpdesk.ui.import_wizard_common import ImportState, Job, error_text, row_reasons, state_text
from erpdesk.ui.presales.survey_parts import reserved_problem_label
from erpdesk.ui.widgets import WARNING_STYLE, translate

SHOWN = 200  # rows the table shows; the counts are of every row
FIXED = 3  # columns before the file's: row, verdict, reasons
PROBLEM_CELL = QColor("#fdecea")
STATE_COLORS = {
    "new": QColor("#e8f5e9"),
    "possible": QColor("#fff8e1"),
    "rejected": QColor("#f8d7da"),
    "duplicate": QColor("#eceff1"),
    "merge": QColor("#e3f2fd"),
    "ambiguous": QColor("#fff8e1"),
}

Index = QModelIndex | QPersistentModelIndex


class ImportPreviewModel(QAbstractTableModel):
    """The checked rows: row number, verdict, reasons, then the file's cells."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._preview: Preview | None = None
        self._rows: list[RowCheck] = []
        self._matching = 0
        self._cells: dict[int, dict[int, list[str]]] = {}

    def set_rows(self, preview: Preview | None, only_problems: bool) -> None:
        self.beginResetModel()
        self._preview = preview
        rows = preview.rows if preview else []
        if only_problems:
            rows = [r for r in rows if r.state != "new"]
        self._matching = len(rows)
        self._rows = rows[:SHOWN]
        self._cells = {}
        self.endResetModel()

    def matching(self) -> int:
        """How many rows the filter lets through (shown or not)."""
        return self._matching

    def check(self, row: int) -> RowCheck:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._preview is None:
            return 0
        return FIXED + self._preview.file.width

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section < FIXED:
            return (self.tr("Row"), self.tr("Result"), self.tr("Problems"))[section]
        assert self._preview is not None
        column = section - FIXED
        title = self._preview.file.column_title(column)
        if column not in self._preview.layout.index.values():
            return self.tr("{column} (ignored)").format(column=title)
        return title

    def _problem_cells(self, row: int) -> dict[int, list[str]]:
        """Column -> its problems' texts, for the rejected row *row* (cached)."""
        if row not in self._cells:
            assert self._preview is not None
            found = self._preview.problem_columns(self._rows[row])
            self._cells[row] = {c: [n.render(translate) for n in notices]
                                for c, notices in found.items()}
        return self._cells[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        check = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(check, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (1, 2):
                return "\n".join(row_reasons(check)) or None
            if column >= FIXED and check.state == "rejected":
                return "\n".join(self._problem_cells(index.row()).get(column - FIXED, [])) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == 1:
                return STATE_COLORS[check.state]
            if column >= FIXED and check.state == "rejected" \
                    and column - FIXED in self._problem_cells(index.row()):
                return PROBLEM_CELL
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, check: RowCheck, column: int) -> str:
        if column == 0:
            return str(check.row)
        if column == 1:
            return state_text(check.state)
        if column == 2:
            return "；".join(row_reasons(check))
        cells = check.cells
        return cells[column - FIXED] if column - FIXED < len(cells) else ""


class ImportPreviewPage(QWizardPage):
    """Step 3: the rows checked, the counts, and the choices of the import."""

    def __init__(self, state: ImportState, pool: QThreadPool, parent: QWidget | None = None):
        super().__init__(parent)
        self._state = state
        self._pool = pool
        self._job: Job | None = None
        self.setCommitPage(True)  # after the import there is no going back
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.warning_label = QLabel()
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.warning_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.only_problems = QCheckBox()
        self.only_problems.toggled.connect(self._show_rows)
        self.shown_label = QLabel()
        self.model = ImportPreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.rows_label = QLabel()
        self.all_radio = QRadioButton()
        self.valid_radio = QRadioButton()
        self.all_radio.toggled.connect(self._choice_changed)
        self.valid_radio.toggled.connect(self._choice_changed)
        self.known_label = QLabel()
        self.known_combo = QComboBox()
        self.known_combo.currentIndexChanged.connect(self._known_changed)
        self.problem_label = reserved_problem_label(1, self)
        self._layout()
        self.retranslate_ui()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.counts_label, 1)
        top.addWidget(self.only_problems)
        choices = QGridLayout()
        choices.addWidget(self.rows_label, 0, 0)
        choices.addWidget(self.all_radio, 0, 1)
        choices.addWidget(self.valid_radio, 0, 2)
        choices.addWidget(self.known_label, 1, 0)
        choices.addWidget(self.known_combo, 1, 1, 1, 2)
        choices.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.shown_label)
        layout.addLayout(choices)
        layout.addWidget(self.problem_label)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Check the rows"))
        self.setSubTitle(self.tr(
            "Nothing is written yet. Rows with problems are shaded; point at a cell to read "
            "its problem"
        ))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.only_problems.setText(self.tr("Only rows that are not new customers"))
        self.rows_label.setText(self.tr("Rows to import:"))
        self.all_radio.setText(self.tr("All rows (only when no row has problems)"))
        self.valid_radio.setText(self.tr("Only the valid rows"))
        self.known_label.setText(self.tr("Customers already known:"))
        chosen = self.known_combo.currentData() or self._state.on_duplicate
        self.known_combo.blockSignals(True)
        self.known_combo.clear()
        self.known_combo.addItem(self.tr("Skip them"), "skip")
        self.known_combo.addItem(
            self.tr("Merge them: fill their empty fields, add a new contact"), "merge"
        )
        self.known_combo.setCurrentIndex(max(0, self.known_combo.findData(chosen)))
        self.known_combo.blockSignals(False)
        self._show_counts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def initializePage(self) -> None:
        self._check()

    def _known_changed(self, _index: int) -> None:
        self._state.on_duplicate = self.known_combo.currentData() or "skip"
        if self._state.layout is not None:
            self._check()

    def _check(self) -> None:
        """Check every row on a worker thread with the current choices."""
        state = self._state
        file, layout = state.file, state.layout
        assert file is not None and layout is not None
        if self._job is not None:
            self._job.cancel()
        state.preview = None
        self.progress.setRange(0, len(file.rows))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.model.set_rows(None, False)
        uow, owner, on_duplicate = state.uow, state.owner, state.on_duplicate

        def work(progress: Any, cancelled: Any) -> Preview:
            return check_import(uow, file, layout, on_duplicate=on_duplicate, owner=owner,
                                progress=progress, cancelled=cancelled)

        self._job = job = Job(work, self._pool)
        job.progressed.connect(lambda done, _total: self.progress.setValue(done))
        job.finished.connect(lambda result, error: self._checked(job, result, error))
        self._show_counts()
        self.completeChanged.emit()

    @property
    def busy(self) -> bool:
        return self._job is not None and self._job.running

    def _checked(self, job: Job, result: object, error: object) -> None:
        if job is not self._job:
            return  # superseded by a later check
        self.progress.setVisible(False)
        if isinstance(error, BaseException):
            self.problem_label.show_text(error_text(error))
        elif isinstance(result, Preview):
            self._state.preview = result
            rejected = bool(result.count("rejected"))
            (self.valid_radio if rejected else self.all_radio).setChecked(True)
            self.all_radio.setEnabled(not rejected)
        self._show_rows()
        self._show_counts()
        self.completeChanged.emit()

    def _show_rows(self) -> None:
        self.model.set_rows(self._state.preview, self.only_problems.isChecked())
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))
        self._show_counts()

    def _show_counts(self) -> None:
        preview = self._state.preview
        if preview is None:
            self.counts_label.setText(self.tr("Checking the rows…") if self.busy else "")
            self.warning_label.setText("")
            self.shown_label.setText("")
            return
        self.counts_label.setText(self.tr(
            "{rows} rows: {valid} valid, {problems} with problems. Of the valid rows, {new} "
            "are new customers and {known} are customers already known"
        ).format(
            rows=len(preview.rows), valid=preview.valid, problems=preview.count("rejected"),
            new=preview.count("new", "possible"),
            known=preview.count("duplicate", "merge", "ambiguous"),
        ))
        self.warning_label.setText("\n".join(w.render(translate) for w in preview.result.warnings))
        self.warning_label.setVisible(bool(preview.result.warnings))
        shown, matching = self.model.rowCount(), self.model.matching()
        if shown < matching:
            self.shown_label.setText(self.tr(
                "The table shows the first {shown} of {matching} rows"
            ).format(shown=shown, matching=matching))
        else:
            self.shown_label.setText("")
        self._explain()

    def _choice_changed(self, _checked: bool) -> None:
        self._state.valid_only = self.valid_radio.isChecked()
        self._explain()
        self.completeChanged.emit()

    def _explain(self) -> None:
        """Why Import is not offered, when it is not."""
        preview = self._state.preview
        text = ""
        if preview is not None:
            if preview.valid == 0:
                text = self.tr("No row can be imported: correct the file and choose it again")
            elif preview.count("rejected") and not self.valid_radio.isChecked():
                text = self.tr("Some rows have problems: import only the valid rows, or "
                               "correct the file and choose it again")
        self.problem_label.show_text(text)

    def isComplete(self) -> bool:
        preview = self._state.preview
        if preview is None or self.busy or preview.valid == 0:
            return False
        return self.valid_radio.isChecked() or not preview.count("rejected")

    def validatePage(self) -> bool:
        self._state.valid_only = self.valid_radio.isChecked()
        self._state.on_duplicate = self.known_combo.currentData() or "skip"
        return self.isComplete()
