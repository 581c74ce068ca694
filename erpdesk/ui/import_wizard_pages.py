"""The first two steps of the import wizard: choose the file (read on a
worker thread, its problem shown in the user's language), and say which
field each of its columns holds (pre-filled from the importer's Chinese and
English header aliases)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QThreadPool
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from erpdesk.services.import_preview import (
    FIELDS,
    ImportFile,
    guess_mapping,
    mapping_layout,
    mapping_problems,
    read_import_file,
)
from erpdesk.ui.import_wizard_common import ImportState, Job, error_text, field_text
from erpdesk.ui.presales.survey_parts import reserved_problem_label
from erpdesk.ui.widgets import OK_STYLE

SAMPLE_ROWS = 3  # values shown per column as a hint of what it holds


class ImportFilePage(QWizardPage):
    """Step 1: the .xlsx or .csv file; Next once it has been read."""

    def __init__(self, state: ImportState, pool: QThreadPool, parent: QWidget | None = None):
        super().__init__(parent)
        self._state = state
        self._pool = pool
        self._job: Job | None = None
        self._read_path = ""  # the path last read (or being read)
        self.path_edit = QLineEdit()
        self.path_edit.setClearButtonEnabled(True)
        self.path_edit.editingFinished.connect(self._path_edited)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self.browse)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.problem_label = reserved_problem_label(3, self)
        self.info_label = QLabel()
        self.info_label.setStyleSheet(OK_STYLE)
        self.info_label.setWordWrap(True)

        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint_label)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.info_label)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("An Excel workbook (.xlsx) or a CSV file, one customer a row"))
        self.browse_button.setText(self.tr("Browse…"))
        self.path_edit.setPlaceholderText(self.tr("The file's path"))
        self.hint_label.setText(self.tr(
            "The first row with a column of customer names (客户名称 or name) is the header; "
            "a title above it is skipped. CSV may be UTF-8 or GBK, as Excel saves it."
        ))
        self._show_file()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def browse(self) -> None:
        """Ask for the file, starting where the last one was."""
        start = self.path_edit.text() or str(Path.home())
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import customers"), start,
            self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"),
        )
        if path:
            self.load(path)

    def _path_edited(self) -> None:
        text = self.path_edit.text().strip()
        if text and text != self._read_path:  # focus leaving does not read it again
            self.load(text)

    def load(self, path: str | Path) -> None:
        """Read *path* on a worker thread; the page completes when it is read."""
        self.path_edit.setText(str(path))
        self._read_path = str(path)
        if self._job is not None:
            self._job.cancel()
        self._state.file = None
        self.problem_label.show_text("")
        self.info_label.setText("")
        self.progress.setVisible(True)
        self._job = job = Job(lambda _p, _c: read_import_file(path), self._pool)
        job.finished.connect(lambda result, error: self._loaded(job, result, error))
        self.completeChanged.emit()

    @property
    def busy(self) -> bool:
        return self._job is not None and self._job.running

    def _loaded(self, job: Job, result: object, error: object) -> None:
        if job is not self._job:
            return  # a file chosen before this one
        self.progress.setVisible(False)
        if isinstance(error, BaseException):
            self.problem_label.show_text(error_text(error))
        elif isinstance(result, ImportFile):
            self._state.file = result
            self._state.mapping = guess_mapping(result.header)
        self._show_file()
        self.completeChanged.emit()

    def _show_file(self) -> None:
        file = self._state.file
        if file is None:
            return
        self.info_label.setText(self.tr("{rows} rows and {columns} columns in {name}").format(
            rows=len(file.rows), columns=file.width, name=file.path.name
        ))

    def isComplete(self) -> bool:
        return self._state.file is not None and not self.busy


class ImportColumnsPage(QWizardPage):
    """Step 2: each column of the file and the field it is imported as."""

    def __init__(self, state: ImportState, parent: QWidget | None = None):
        super().__init__(parent)
        self._state = state
        self._combos: list[QComboBox] = []
        self.table = QTableWidget(0, 3)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.problem_label = reserved_problem_label(2, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem_label)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr(
            "Each column of the file and the field it is imported as; "
            "a column set to (ignore) is left out"
        ))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("First values"), self.tr("Imported as")]
        )
        for combo in self._combos:
            self._fill_combo(combo)
        self._validate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def initializePage(self) -> None:
        file = self._state.file
        assert file is not None
        self.table.setRowCount(file.width)
        self._combos = []
        for column in range(file.width):
            title = QTableWidgetItem(file.column_title(column))
            samples = [cells[column] for _n, cells in file.rows[:20]
                       if column < len(cells) and cells[column]][:SAMPLE_ROWS]
            sample = QTableWidgetItem("、".join(samples))
            sample.setToolTip("\n".join(samples))
            self.table.setItem(column, 0, title)
            self.table.setItem(column, 1, sample)
            combo = QComboBox()
            self._fill_combo(combo)
            self._select(combo, self._state.mapping.get(column))
            combo.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(column, 2, combo)
            self._combos.append(combo)
        self._validate()

    def _fill_combo(self, combo: QComboBox) -> None:
        """The choices in the UI language, keeping the one chosen."""
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(ignore)"), None)
        for name in FIELDS:
            combo.addItem(field_text(name), name)
        self._select(combo, chosen)
        combo.blockSignals(False)

    @staticmethod
    def _select(combo: QComboBox, name: str | None) -> None:
        combo.setCurrentIndex(max(0, combo.findData(name)) if name else 0)

    def set_field(self, column: int, name: str | None) -> None:
        """Map *column* to the field *name* (None: ignore it), as the combo does."""
        self._select(self._combos[column], name)

    def _changed(self, _index: int) -> None:
        self._state.mapping = {
            i: combo.currentData() for i, combo in enumerate(self._combos)
            if combo.currentData()
        }
        self._state.layout = None
        self._validate()

    def _validate(self) -> None:
        """Say what keeps the mapping from being used, and mark those rows."""
        problems = mapping_problems(self._state.mapping)
        lines = [
            self.tr("{field} is required: choose the column that holds it").format(
                field=field_text(name)
            )
            for name in problems.missing
        ]
        file = self._state.file
        for name, columns in problems.twice:
            titles = "、".join(file.column_title(c) if file else str(c) for c in columns)
            lines.append(self.tr("{field} is chosen for more than one column ({columns}); "
                                 "keep one").format(field=field_text(name), columns=titles))
        self.problem_label.show_text("\n".join(lines))
        twice = {c for _n, columns in problems.twice for c in columns}
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None:
                color = QColor(Qt.GlobalColor.red) if row in twice else None
                item.setData(Qt.ItemDataRole.ForegroundRole, color)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._state.file is not None and not mapping_problems(self._state.mapping)

    def validatePage(self) -> bool:
        assert self._state.file is not None
        self._state.layout = mapping_layout(self._state.file, self._state.mapping)
        return True

