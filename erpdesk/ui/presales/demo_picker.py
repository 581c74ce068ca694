"""Picking demo scripts from the knowledge base for a demo's scenarios: a
search box (title, code, steps, module name), "only the chosen modules",
the list (title, module, length) and the picked script's steps and data to
prepare.  ``picked()`` gives the scripts checked (or the current one)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.knowledge import DemoScript, KnowledgeBase, UnknownEntry
from erpdesk.ui.funnel.worksheet_widgets import ui_language
from erpdesk.ui.presales.knowledge_html import entry_html, minutes_text

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


def module_label(base: KnowledgeBase, code: str) -> str:
    """A module's name in the window's language (its code when unknown)."""
    try:
        module = base.module(code)
    except UnknownEntry:
        return code
    return module.name if ui_language().lower().startswith("zh") else module.name_en


def all_scripts(base: KnowledgeBase) -> list[DemoScript]:
    return [script for module in base.modules for script in module.demos]


def script_matches(base: KnowledgeBase, script: DemoScript, words: Sequence[str]) -> bool:
    """Every word found in the script's title, code, steps or module name."""
    names = module_label(base, script.module)
    haystack = " ".join((script.title, script.code, names, *script.steps)).lower()
    return all(word in haystack for word in words)


class DemoScriptPicker(QDialog):
    """The knowledge base's demo scripts to add as scenarios."""

    def __init__(
        self,
        base: KnowledgeBase,
        modules: Iterable[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("demoScriptPicker")
        self.base = base
        self.modules = tuple(modules)
        self.scripts: list[DemoScript] = []
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.refresh)
        self.only_modules_box = QCheckBox()
        self.only_modules_box.setChecked(bool(self.modules))
        self.only_modules_box.setEnabled(bool(self.modules))
        self.only_modules_box.toggled.connect(self.refresh)
        self.table = QTableWidget(0, 3)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_script(row))
        self.table.doubleClicked.connect(lambda _index: self.accept())
        self.reader = QTextBrowser()
        self.reader.setOpenLinks(False)
        self.empty_label = QLabel()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.reader)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.only_modules_box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.resize(860, 520)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Add demo scripts from the knowledge base"))
        self.search_edit.setPlaceholderText(self.tr("Search the demo scripts"))
        self.only_modules_box.setText(self.tr("Only the demo's modules"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Demo script"), self.tr("Module"), self.tr("Length")]
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def refresh(self) -> None:
        """List the scripts the search and the module filter keep."""
        words = self.search_edit.text().lower().split()
        only = self.only_modules_box.isChecked() and self.modules
        self.scripts = [
            s
            for s in all_scripts(self.base)
            if (not only or s.module in self.modules) and script_matches(self.base, s, words)
        ]
        self.table.setRowCount(0)
        for script in self.scripts:
            row = self.table.rowCount()
            self.table.insertRow(row)
            cells = (
                script.title,
                module_label(self.base, script.module),
                minutes_text(script.duration_minutes),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(CODE_ROLE, script.code)
                self.table.setItem(row, column, item)
        self.empty_label.setText(
            "" if self.scripts else self.tr("No demo script matches the search.")
        )
        if self.scripts:
            self.table.setCurrentCell(0, 0)
        else:
            self.reader.clear()

    def _show_script(self, row: int) -> None:
        if 0 <= row < len(self.scripts):
            self.reader.setHtml(entry_html(self.base, "demo", self.scripts[row].code))

    def select_code(self, code: str) -> bool:
        """Select the script *code* (tests, keyboard users); True when listed."""
        for row, script in enumerate(self.scripts):
            if script.code == code:
                self.table.selectRow(row)
                return True
        return False

    def picked(self) -> list[DemoScript]:
        """The selected scripts, in list order."""
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.scripts[row] for row in rows if 0 <= row < len(self.scripts)]
