"""The demo editor's own widgets: the modules shown (a checkable list of
the playbook's modules), the scenarios (code, title, module, script and
its length; added by hand or from the knowledge base) and the customer's
feedback per scenario (a score 1-5 and a comment)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QListView,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from erpdesk.domain.knowledge import DemoScript, KnowledgeBase, UnknownEntry
from erpdesk.domain.playbook import Choice
from erpdesk.domain.presales import DemoScenario, ScenarioFeedback
from erpdesk.ui.funnel.worksheet_widgets import name_text
from erpdesk.ui.presales.knowledge_html import minutes_text
from erpdesk.ui.presales.task_common import RowsTable

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
CODE, TITLE, MODULE, SCRIPT, LENGTH = range(5)


class ModulesList(QListWidget):
    """The playbook's modules, checkable, laid out in rows that wrap."""

    def __init__(self, modules: Sequence[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = {choice.code: choice.names for choice in modules}
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(2)
        self.setMaximumHeight(84)
        for choice in modules:
            item = QListWidgetItem(name_text(choice.names))
            item.setData(CODE_ROLE, choice.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)

    def _items(self) -> list[QListWidgetItem]:
        return [self.item(i) for i in range(self.count())]

    def retranslate(self) -> None:
        """The modules' names in the window's (new) language."""
        for item in self._items():
            item.setText(name_text(self._names[item.data(CODE_ROLE)]))

    def checked(self) -> tuple[str, ...]:
        return tuple(
            item.data(CODE_ROLE)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        for item in self._items():
            state = (
                Qt.CheckState.Checked if item.data(CODE_ROLE) in wanted else Qt.CheckState.Unchecked
            )
            item.setCheckState(state)

    def set_editable(self, editable: bool) -> None:
        for item in self._items():
            flags = item.flags()
            flags = (
                flags | Qt.ItemFlag.ItemIsEnabled
                if editable
                else flags & ~Qt.ItemFlag.ItemIsEnabled
            )
            item.setFlags(flags)


class ScenariosTable(RowsTable):
    """A demo's scenarios; the module is picked from the playbook's, the
    script and its length come from the knowledge base (not typed)."""

    def __init__(
        self, modules: Sequence[Choice], base: KnowledgeBase | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(5, parent)
        self.modules = tuple(modules)
        self.base = base
        self.table.setObjectName("demoScenarios")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SCRIPT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(SCRIPT, 150)
        header.setStretchLastSection(False)

    def _add_clicked(self) -> None:
        row = self.add_scenario(DemoScenario(self.next_code(), ""))
        self.table.setCurrentCell(row, TITLE)
        item = self.table.item(row, TITLE)
        if item is not None:
            self.table.editItem(item)

    def next_code(self) -> str:
        """The first of "S1", "S2" … no scenario has."""
        used = {self.text(row, CODE) for row in range(self.table.rowCount())}
        n = 1
        while f"S{n}" in used:
            n += 1
        return f"S{n}"

    def script(self, code: str) -> DemoScript | None:
        if not code or self.base is None:
            return None
        try:
            return self.base.demo(code)
        except UnknownEntry:
            return None

    def add_scenario(self, scenario: DemoScenario) -> int:
        script = self.script(scenario.script)
        length = minutes_text(script.duration_minutes) if script else ""
        row = self.add_row([scenario.code, scenario.title, "", scenario.script, length])
        self.table.blockSignals(True)
        for column in (SCRIPT, LENGTH):
            item = self.table.item(row, column)
            if item is not None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if script is not None:
                    item.setToolTip(script.title)
        self.table.blockSignals(False)
        combo = QComboBox()
        combo.addItem("—", "")
        for choice in self.modules:
            combo.addItem(name_text(choice.names), choice.code)
        index = combo.findData(scenario.module)
        if index < 0 and scenario.module:  # a module the playbook no longer has
            combo.addItem(scenario.module, scenario.module)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.table.setCellWidget(row, MODULE, combo)
        return row

    def add_script(self, script: DemoScript) -> int:
        """A scenario showing *script* (its title, module and code)."""
        return self.add_scenario(
            DemoScenario(self.next_code(), script.title, script.module, script.code)
        )

    def set_scenarios(self, scenarios: Iterable[DemoScenario]) -> None:
        self.clear_rows()
        for scenario in scenarios:
            self.add_scenario(scenario)

    def scenarios(self) -> tuple[DemoScenario, ...]:
        """The rows with a code or a title (empty rows are left out)."""
        found = []
        for row in range(self.table.rowCount()):
            code, title = self.text(row, CODE), self.text(row, TITLE)
            if not code and not title:
                continue
            combo = self.table.cellWidget(row, MODULE)
            module = combo.currentData() if isinstance(combo, QComboBox) else ""
            found.append(DemoScenario(code, title, module or "", self.text(row, SCRIPT)))
        return tuple(found)

    def scripts(self) -> list[DemoScript]:
        """The knowledge-base scripts the scenarios name."""
        return [s for sc in self.scenarios() if (s := self.script(sc.script)) is not None]

    def retranslate(self) -> None:
        """The module combos' names in the window's (new) language."""
        names = {choice.code: choice.names for choice in self.modules}
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, MODULE)
            if isinstance(combo, QComboBox):
                for index in range(combo.count()):
                    code = combo.itemData(index)
                    if code in names:
                        combo.setItemText(index, name_text(names[code]))

    def set_editable(self, editable: bool) -> None:
        super().set_editable(editable)
        for row in range(self.table.rowCount()):
            widget = self.table.cellWidget(row, MODULE)
            if widget is not None:
                widget.setEnabled(editable)


class FeedbackTable(QTableWidget):
    """The customer's feedback on each scenario: a score (— or 1-5) and a comment.

    Signals:
        edited(): a score or a comment changed.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("demoFeedback")
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.itemChanged.connect(lambda _item: self.edited.emit())
        self._codes: list[str] = []
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Scenario"), self.tr("Score"), self.tr("Comment")])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_scenarios(
        self, scenarios: Sequence[DemoScenario], feedback: Mapping[str, ScenarioFeedback]
    ) -> None:
        """A row per scenario, holding *feedback* (what was typed is kept
        by the caller passing ``feedback()`` back in)."""
        self.blockSignals(True)
        self.setRowCount(0)
        self._codes = [s.code for s in scenarios]
        for row, scenario in enumerate(scenarios):
            self.insertRow(row)
            label = QTableWidgetItem(f"{scenario.code} {scenario.title}".strip())
            label.setFlags(label.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(row, 0, label)
            given = feedback.get(scenario.code)
            combo = QComboBox()
            combo.addItem("—", 0)
            for score in range(1, 6):
                combo.addItem(f"{score} " + "★" * score, score)
            combo.setCurrentIndex(given.score if given and 1 <= given.score <= 5 else 0)
            combo.currentIndexChanged.connect(lambda _i: self.edited.emit())
            self.setCellWidget(row, 1, combo)
            self.setItem(row, 2, QTableWidgetItem(given.comment if given else ""))
        self.blockSignals(False)

    def set_score(self, code: str, score: int, comment: str | None = None) -> None:
        """Set a scenario's score (0: none) and comment, as the user would."""
        row = self._codes.index(code)
        combo = self.cellWidget(row, 1)
        if isinstance(combo, QComboBox):
            combo.setCurrentIndex(combo.findData(score))
        if comment is not None:
            item = self.item(row, 2)
            if item is not None:
                item.setText(comment)

    def feedback(self) -> dict[str, ScenarioFeedback]:
        """The scored scenarios (a comment without a score is kept as typed
        only while the dialog is open: the rules want a score)."""
        found = {}
        for row, code in enumerate(self._codes):
            combo = self.cellWidget(row, 1)
            score = int(combo.currentData()) if isinstance(combo, QComboBox) else 0
            item = self.item(row, 2)
            comment = item.text().strip() if item is not None else ""
            if score:
                found[code] = ScenarioFeedback(score, comment)
        return found

    def typed(self) -> dict[str, ScenarioFeedback]:
        """Everything typed, scored or not (to keep it across a rebuild)."""
        found = {}
        for row, code in enumerate(self._codes):
            combo = self.cellWidget(row, 1)
            score = int(combo.currentData()) if isinstance(combo, QComboBox) else 0
            item = self.item(row, 2)
            found[code] = ScenarioFeedback(score, item.text() if item is not None else "")
        return found

    def set_editable(self, editable: bool) -> None:
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        for row in range(self.rowCount()):
            widget = self.cellWidget(row, 1)
            if widget is not None:
                widget.setEnabled(editable)
