"""The consultant's "My work" tab (我的工作): four figures (open engagements,
planned tasks, overdue demos, demos in the next 7 days), the engagements
with their step and technical win, the tasks, and the overdue and upcoming
demos.  A presales lead or a manager switches between their own work and
the team's.

Everything comes from one ``PresalesService.workbench`` call (two queries,
names joined in); the filters work on the rows in memory.  The tab loads
when first shown and reloads, coalesced, on the service's ``presales``
changes (at once when shown, else when next shown).  Enter or a
double-click opens the engagement or the task (``opener``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.presales import TaskState, TechnicalWin
from erpdesk.services.presales import Workbench, sees_team
from erpdesk.ui.presales import PresalesServices
from erpdesk.ui.presales.workbench_models import (
    ID_ROLE,
    OVERDUE_COLOUR,
    AgendaModel,
    EngagementModel,
    TaskModel,
)
from erpdesk.ui.presales.workbench_reload import ReloadOnChange
from erpdesk.ui.table_models import RowTableModel

# the engagement state filter, the technical win filter, the task state filter
ENGAGEMENT_STATES = ("open", "closed", "all")
WINS = (None, TechnicalWin.OPEN, TechnicalWin.WON, TechnicalWin.LOST)
TASK_STATES = (TaskState.PLANNED, TaskState.DONE, TaskState.CANCELLED, None)


def table(model: Any, widths: Sequence[int] = ()) -> QTableView:
    """A read-only, row-selecting, sortless table over *model*; *widths*:
    the first columns' widths in average characters."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    char = view.fontMetrics().averageCharWidth()
    for column, width in enumerate(widths):
        view.horizontalHeader().resizeSection(column, width * char)
    return view


def fit_headers(view: QTableView) -> None:
    """Widen the columns whose translated header does not fit."""
    header = view.horizontalHeader()
    model = view.model()
    metrics = header.fontMetrics()
    for column in range(model.columnCount() - 1):
        text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        needed = metrics.horizontalAdvance(text) + 24
        if header.sectionSize(column) < needed:
            header.resizeSection(column, needed)


def keep_place(view: QTableView, rows: Sequence[Any]) -> None:
    """Show *rows* in the view's model keeping the selected record (by id)
    and the scroll position: a reload after an edit leaves the user where
    they were."""
    model = view.model()
    assert isinstance(model, RowTableModel)
    current = view.currentIndex()
    chosen = current.data(ID_ROLE) if current.isValid() else None
    scrolled = view.verticalScrollBar().value()
    model.set_rows(rows)
    view.verticalScrollBar().setValue(scrolled)
    if chosen is None:
        return
    for row, line in enumerate(model.rows):
        if line.id == chosen:
            view.setCurrentIndex(model.index(row, max(current.column(), 0)))
            break


def set_quietly(combo: QComboBox, index: int) -> None:
    """Choose *index* of *combo* without its change signal (no second read)."""
    combo.blockSignals(True)
    combo.setCurrentIndex(index)
    combo.blockSignals(False)


def combo(count: int) -> QComboBox:
    box = QComboBox()
    for _ in range(count):
        box.addItem("")
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return box


class Figure(QFrame):
    """A number over its caption, in the summary strip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figure")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel("0")
        self.number.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.caption = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(0)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set_value(self, value: int, alarm: bool = False) -> None:
        self.number.setText(str(value))
        colour = OVERDUE_COLOUR if alarm and value else "palette(text)"
        self.number.setStyleSheet(f"font-size: 20px; font-weight: bold; color: {colour};")


class WorkbenchView(QWidget):
    """The "My work" tab."""

    def __init__(self, services: PresalesServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.data: Workbench | None = None
        self._build()
        self.reloading = ReloadOnChange(self, services.presales.feed, self.refresh)
        self.retranslate_ui()

    # -- building ------------------------------------------------------------

    def _build(self) -> None:
        self.figures = [Figure() for _ in range(4)]
        self.scope = combo(2)
        self.scope.setVisible(False)
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        strip = QHBoxLayout()
        for figure in self.figures:
            strip.addWidget(figure)
        strip.addStretch(1)
        self.scope_label = QLabel()
        self.scope_label.setVisible(False)
        strip.addWidget(self.scope_label)
        strip.addWidget(self.scope)

        self.engagements = EngagementModel(self)
        self.engagement_table = table(self.engagements, (24, 24, 10, 18, 8, 10, 12))
        self.engagement_state = combo(len(ENGAGEMENT_STATES))
        self.win_filter = combo(len(WINS))
        self.engagements_title = QLabel()
        self.engagement_count = QLabel()
        top = self._section(
            self.engagements_title, [self.engagement_state, self.win_filter],
            self.engagement_count, self.engagement_table,
        )  # fmt: skip
        self.tasks = TaskModel(self)
        self.task_table = table(self.tasks, (10, 16, 20, 24, 12))
        self.task_state = combo(len(TASK_STATES))
        self.tasks_title = QLabel()
        self.task_count = QLabel()
        tasks = self._section(self.tasks_title, [self.task_state], self.task_count, self.task_table)
        self.agenda = AgendaModel(self)
        self.agenda_table = table(self.agenda, (10, 16, 20, 24))
        self.agenda_title = QLabel()
        self.agenda_count = QLabel()
        agenda = self._section(self.agenda_title, [], self.agenda_count, self.agenda_table)

        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(tasks)
        bottom.addWidget(agenda)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(strip)
        layout.addWidget(self.splitter, 1)

        for box in (self.engagement_state, self.win_filter):
            box.currentIndexChanged.connect(lambda _i: self._show_engagements())
        self.task_state.currentIndexChanged.connect(lambda _i: self._show_tasks())
        self.engagement_table.activated.connect(self._open_engagement)
        self.task_table.activated.connect(self._open_task)
        self.agenda_table.activated.connect(self._open_task)

    @staticmethod
    def _section(
        title: QLabel, filters: Sequence[QWidget], count: QLabel, view: QTableView
    ) -> QWidget:
        title.setStyleSheet("font-weight: bold;")
        count.setStyleSheet("color: palette(mid);")
        head = QHBoxLayout()
        head.addWidget(title)
        for widget in filters:
            head.addWidget(widget)
        head.addStretch(1)
        head.addWidget(count)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(head)
        layout.addWidget(view, 1)
        return box

    # -- texts ---------------------------------------------------------------

    def retranslate_ui(self) -> None:
        captions = (
            self.tr("Open engagements"), self.tr("Planned tasks"), self.tr("Overdue demos"),
            self.tr("Demos in the next 7 days"),
        )  # fmt: skip
        for figure, caption in zip(self.figures, captions, strict=True):
            figure.caption.setText(caption)
        self.scope_label.setText(self.tr("Show:"))
        _texts(self.scope, (self.tr("My work"), self.tr("The team's work")))
        self.engagements_title.setText(self.tr("Engagements"))
        _texts(self.engagement_state, (self.tr("Open"), self.tr("Closed"), self.tr("All")))
        _texts(self.win_filter, (
            self.tr("Any technical win"), self.tr("Technical win open"),
            self.tr("Technical win won"), self.tr("Technical win lost"),
        ))  # fmt: skip
        self.tasks_title.setText(self.tr("Demos and surveys"))
        _texts(self.task_state, (
            self.tr("Planned"), self.tr("Done"), self.tr("Cancelled"), self.tr("All"),
        ))  # fmt: skip
        self.agenda_title.setText(self.tr("Overdue and upcoming demos"))
        for model in (self.engagements, self.tasks, self.agenda):
            model.retranslate()
            model._all_changed()
        for view in (self.engagement_table, self.task_table, self.agenda_table):
            fit_headers(view)
        self._show_counts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- loading -------------------------------------------------------------

    @property
    def team(self) -> bool:
        """Showing the team's work (a lead or a manager chose it)."""
        return not self.scope.isHidden() and self.scope.currentIndex() == 1

    def refresh(self) -> None:
        """Read the workbench again (one service call) and show it."""
        self.reloading.done()
        data = self.services.presales.workbench(mine=not self.team)
        allowed = sees_team(data.actor)
        if self.team and not allowed:  # no longer the lead: back to their own work
            data = self.services.presales.workbench()
        elif allowed and not getattr(self, "_scope_set", False):
            # a lead or manager steers the team: their desk opens on its work
            self._scope_set = True
            set_quietly(self.scope, 1)
            data = self.services.presales.workbench(mine=False)
        self.data = data
        self.scope.setVisible(allowed)
        self.scope_label.setVisible(allowed)
        if self.engagements.playbook is None:
            self.engagements.playbook = self.services.presales.playbook
        self.tasks.now = self.agenda.now = data.now
        self._show_engagements()
        self._show_tasks()
        overdue = data.overdue_demos()
        keep_place(self.agenda_table, [*reversed(overdue), *data.upcoming_demos()])
        self.figures[0].set_value(data.open_engagements())
        self.figures[1].set_value(data.planned_tasks())
        self.figures[2].set_value(len(overdue), alarm=True)
        self.figures[3].set_value(len(data.upcoming_demos()))
        self._show_counts()

    def _show_engagements(self) -> None:
        if self.data is None:
            return
        state = ENGAGEMENT_STATES[max(self.engagement_state.currentIndex(), 0)]
        win = WINS[max(self.win_filter.currentIndex(), 0)]
        keep_place(self.engagement_table, [
            e for e in self.data.engagements
            if (state == "all" or e.is_open == (state == "open"))
            and (win is None or e.technical_win is win)
        ])  # fmt: skip
        self._show_counts()

    def _show_tasks(self) -> None:
        """The planned tasks came with the workbench; the others are read
        when the filter asks for them (one query)."""
        if self.data is None:
            return
        state = TASK_STATES[max(self.task_state.currentIndex(), 0)]
        if state is TaskState.PLANNED:
            keep_place(self.task_table, self.data.tasks)
        else:
            states = None if state is None else (state,)
            presales = self.services.presales
            keep_place(self.task_table, presales.task_lines(mine=not self.team, states=states))
        self._show_counts()

    def _show_counts(self) -> None:
        counts = (
            (self.engagement_count, self.engagements), (self.task_count, self.tasks),
            (self.agenda_count, self.agenda),
        )  # fmt: skip
        for label, model in counts:
            label.setText(self.tr("{count} shown").format(count=model.rowCount()))

    # -- opening -------------------------------------------------------------

    def _open_engagement(self, index: QModelIndex) -> None:
        from erpdesk.ui.presales.opener import open_engagement

        self._open(index, lambda i: open_engagement(self.services, i, self))

    def _open_task(self, index: QModelIndex) -> None:
        from erpdesk.ui.presales.opener import open_task

        self._open(index, lambda i: open_task(self.services, i, self))

    @staticmethod
    def _open(index: QModelIndex, opening: Callable[[str], Any]) -> None:
        record_id = index.data(ID_ROLE)
        if record_id:
            opening(record_id)


def _texts(box: QComboBox, texts: Sequence[str]) -> None:
    for i, text in enumerate(texts):
        box.setItemText(i, text)
