"""Today (今日工作), the window's first page (docs/today.md).

A header with the date and the counts, the sections as one tree (overdue,
today, the next 7 days, registrations, protection expiring, deals closing,
quotes awaiting approval) and the actions on the chosen row: open it
(double-click or Enter), done, move (+1 hour, tomorrow 9:00, next Monday
9:00, a time picked), edit; a new task; the calendar export.

The indexed sections are read on the GUI thread (milliseconds); the two
that scan a table (registrations, visits logged today) on a worker, so the
page paints at once and fills them when they arrive.  The page reads again
after the service feed's changes (coalesced) and at midnight.  Opening a
row is the window's business: the page emits what is to be opened.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QElapsedTimer,
    QEvent,
    QEventLoop,
    QLocale,
    QModelIndex,
    QPoint,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.services.events import Change
from erpdesk.services.today import ItemKind, SectionKey, TodayItem, TodayView
from erpdesk.ui.funnel.worksheet_widgets import ui_language
from erpdesk.ui.today import TodayServices
from erpdesk.ui.today.actions import ScanDone, ScanJob, export_calendar, moved_time
from erpdesk.ui.today.model import ITEM_ROLE, MORE_ROLE
from erpdesk.ui.today.tree import TodayTree
from erpdesk.ui.widgets import OK_STYLE, PROBLEM_STYLE, FeedBridge, translate

# "… and N more" of these sections shows every row here; of the others the
# window opens its list (``show_list``).
SHOWN_HERE = frozenset({SectionKey.OVERDUE, SectionKey.TODAY, SectionKey.WEEK, SectionKey.VISITS})
REFRESH_DELAY_MS = 100  # a burst of changes (a save, a sync) reads once
WATCHED = frozenset({"todo", "customer", "activity", "deal", "quote", "registration", "presales"})
SCANNED_BY = frozenset({"customer", "activity", "registration"})  # changes the scan sees


class TodayPage(QWidget):
    """The Today page.

    Signals:
        open_customer(str), open_deal(str), open_quote(str),
        open_presales_task(str): a row asks to open that record (its id).
        show_list(str): an "and N more" row asks for the whole list (the
            ``SectionKey`` value: registrations, expiring, deals, quotes;
            the todos' and visits' sections show every row in place).
        loaded(): every section has been read.
    """

    open_customer = Signal(str)
    open_deal = Signal(str)
    open_quote = Signal(str)
    open_presales_task = Signal(str)
    show_list = Signal(str)
    loaded = Signal()

    def __init__(self, services: TodayServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.view: TodayView | None = None
        self.scanned: TodayView | None = None
        self.unlimited: frozenset[SectionKey] = frozenset()
        self._generation = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._done = ScanDone(self)
        self._done.finished.connect(self._scan_arrived)
        self._build()
        self._rescan = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(lambda: self.refresh(scan=self._rescan))
        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(lambda: self.refresh(scan=True))
        self._bridge = FeedBridge(services.todos.feed, self)
        self._bridge.changed.connect(self._on_change)
        self.retranslate_ui()
        self.refresh(scan=True)

    def _build(self) -> None:
        self.date_label = QLabel()
        self.date_label.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.counts_label = QLabel()
        self.counts_label.setStyleSheet("color: #546e7a;")
        # the counts give way on a narrow window (their text is the tooltip too)
        self.counts_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(lambda: self.new_task())
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.export())
        top = QHBoxLayout()
        top.addWidget(self.date_label)
        top.addSpacing(16)
        top.addWidget(self.counts_label, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.export_button)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(lambda: self.open_current())
        self.done_button = QPushButton()
        self.done_button.clicked.connect(lambda: self.done_current())
        self.move_button = QToolButton()
        self.move_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.move_menu = QMenu(self)
        self.move_button.setMenu(self.move_menu)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(lambda: self.edit_current())
        self.actions_bar = QWidget()  # the chosen row's actions; hidden when empty
        bar = QHBoxLayout(self.actions_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.open_button, self.done_button, self.move_button, self.edit_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.tree = TodayTree()
        self.model = self.tree.model_
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.activated.connect(self.open_index)
        self.tree.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("font-size: 15px; color: #546e7a;")
        self.empty_new_button = QPushButton()
        self.empty_new_button.clicked.connect(lambda: self.new_task())
        empty = QWidget()
        box = QVBoxLayout(empty)
        box.addStretch(1)
        box.addWidget(self.empty_label)
        box.addWidget(self.empty_new_button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(empty)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self.actions_bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)

    def retranslate_ui(self) -> None:
        self.new_button.setText(self.tr("New task…"))
        self.empty_new_button.setText(self.tr("New task…"))
        self.export_button.setText(self.tr("Export calendar (.ics)…"))
        self.export_button.setToolTip(self.tr(
            "Write your open todos, the visits of the last 30 days and your demos and surveys "
            "of the next 30 days to a calendar file"))  # fmt: skip
        self.open_button.setText(self.tr("Open"))
        self.done_button.setText(self.tr("Done"))
        self.move_button.setText(self.tr("Move to"))
        self.edit_button.setText(self.tr("Edit…"))
        self.empty_label.setText(self.tr(
            "Nothing is due today and nothing is waiting for you.\n"
            "Plan the next step with a customer:"))  # fmt: skip
        self.move_menu.clear()
        for text, when in (
            (self.tr("In an hour"), "hour"), (self.tr("Tomorrow 9:00"), "tomorrow"),
            (self.tr("Next Monday 9:00"), "monday"), (self.tr("Pick a date and time…"), "pick"),
        ):  # fmt: skip
            self.move_menu.addAction(text).triggered.connect(
                lambda _c=False, w=when: self.move_current(w)
            )
        self.model.retranslate()
        self._show_header()
        self._enable()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- reading ---------------------------------------------------------------

    def refresh(self, scan: bool = False) -> None:
        """Read the indexed sections now and, with *scan* (or before the
        first scan), the scanned ones on the worker."""
        self._timer.stop()
        self._rescan = False
        try:
            self.view = self.services.today.today(unlimited=self.unlimited)
        except DomainError as exc:
            self._say(exc.render(translate), PROBLEM_STYLE)
            return
        if scan or self.scanned is None:
            self._generation += 1
            self._pool.start(ScanJob(self.services.today, self.view.now, self._generation,
                                     self._done, self.unlimited))  # fmt: skip
        self._show()
        self._arm_midnight()

    def _scan_arrived(self, generation: int, view: TodayView | None, error: object) -> None:
        if generation != self._generation:
            return
        if view is None:
            self._say(error.render(translate) if isinstance(error, DomainError) else "",
                      PROBLEM_STYLE)  # fmt: skip
            return
        self.scanned = view
        self._show()
        self.loaded.emit()

    @property
    def scanning(self) -> bool:
        return self.scanned is None or self._pool.activeThreadCount() > 0

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Process events until the worker's sections are shown (a
        screenshot, a benchmark); False when *timeout_ms* passed first."""
        timer = QElapsedTimer()
        timer.start()
        while self.scanning and timer.elapsed() < timeout_ms:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            QThread.msleep(2)
        QCoreApplication.processEvents()
        return not self.scanning

    def shown_view(self) -> TodayView | None:
        """The view as shown: the indexed sections with the last scan's."""
        if self.view is None:
            return None
        if self.scanned is None:
            return self.view
        return self.view.merged(self.scanned)

    def _show(self) -> None:
        view = self.shown_view()
        if view is None:
            return
        loading = frozenset({SectionKey.REGISTRATIONS}) if self.scanned is None else frozenset()
        self.tree.show_view(view, loading)
        empty = self.scanned is not None and self.model.rowCount() == 0
        self.stack.setCurrentIndex(1 if empty else 0)
        self.actions_bar.setVisible(not empty)
        self._show_header()
        self._enable()

    def _show_header(self) -> None:
        view = self.view
        if view is None:
            return
        language = ui_language()
        locale = QLocale(
            QLocale.Language.Chinese if language == "zh_CN" else QLocale.Language.English
        )
        self.date_label.setText(
            locale.toString(
                QDate(view.now.year, view.now.month, view.now.day), self.tr("dddd, d MMMM yyyy")
            )
        )
        week = view.section(SectionKey.WEEK).total
        counts = self.tr("{overdue} overdue · {today} due today · {week} in the next 7 days")
        self.counts_label.setText(
            counts.format(overdue=view.overdue, today=view.due_today, week=week)
        )
        self.counts_label.setToolTip(self.counts_label.text())

    def _arm_midnight(self) -> None:
        """Read again just after the next midnight: "today" has moved on."""
        now = self.services.today.now()
        midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(),
                                    tzinfo=now.tzinfo)  # fmt: skip
        self._midnight.start(int((midnight - now).total_seconds() * 1000) + 1000)

    def _on_change(self, change: Change) -> None:
        if change.entity not in WATCHED:
            return
        self._rescan = self._rescan or change.entity in SCANNED_BY
        self._timer.start()

    # -- the chosen row --------------------------------------------------------

    def current_item(self) -> TodayItem | None:
        return self.tree.current_item()

    def _enable(self) -> None:
        item = self.current_item()
        todo = item is not None and item.kind.is_todo
        self.open_button.setEnabled(item is not None)
        self.done_button.setEnabled(todo or (item is not None and bool(item.task_id)))
        self.move_button.setEnabled(todo)
        self.edit_button.setEnabled(todo)

    def open_index(self, index: QModelIndex) -> None:
        more = index.siblingAtColumn(0).data(MORE_ROLE)
        if isinstance(more, SectionKey):
            if more in SHOWN_HERE:
                self.unlimited |= {more}
                self.refresh(scan=more is SectionKey.VISITS)
            else:
                self.show_list.emit(more.value)
            return
        item = index.data(ITEM_ROLE)
        if isinstance(item, TodayItem):
            self.open_item(item)

    def open_current(self) -> None:
        self.open_index(self.tree.currentIndex())

    def open_item(self, item: TodayItem) -> None:
        """Emit what opening *item* means (a todo opens its deal, else its
        customer; a presales task its editor)."""
        if item.kind is ItemKind.QUOTE:
            self.open_quote.emit(item.quote_id)
        elif item.task_id:
            self.open_presales_task.emit(item.task_id)
        elif item.kind is ItemKind.DEAL or (item.kind.is_todo and item.deal_id):
            self.open_deal.emit(item.deal_id)
        else:
            self.open_customer.emit(item.customer_id)

    def done_current(self) -> None:
        """A todo is done at once; a demo or survey opens to record its outcome."""
        item = self.current_item()
        if item is None:
            return
        if not item.kind.is_todo:
            if item.task_id:
                self.open_presales_task.emit(item.task_id)
            return
        self._act(lambda: self.services.todos.done(item.todo_id),
                  self.tr("Done: {title}").format(title=item.title))  # fmt: skip

    def move_current(self, when: str) -> None:
        """Move the chosen todo to *when* (hour, tomorrow, monday, pick)."""
        item = self.current_item()
        if item is None or not item.kind.is_todo or not isinstance(item.when, datetime):
            return
        now = self.services.todos.now()
        due = moved_time(self, when, item.when, now)
        if due is None:
            return
        self._act(lambda: self.services.todos.move(item.todo_id, due),
                  self.tr("Moved to {time}: {title}").format(
                      time=due.strftime("%Y-%m-%d %H:%M"), title=item.title))  # fmt: skip

    def _act(self, action: object, said: str) -> bool:
        """Run a todo change; refusals are shown, the page reads again."""
        try:
            action()  # type: ignore[operator]
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Today"), exc.render(translate))
            return False
        self._say(said, OK_STYLE)
        self.refresh()
        return True

    def edit_current(self) -> None:
        item = self.current_item()
        if item is None or not item.kind.is_todo:
            return
        from erpdesk.ui.today.todo_dialog import TodoDialog

        todo = self.services.todos.todo(item.todo_id)
        dialog = TodoDialog(self.services, todo, self, customer_name=item.customer)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def new_task(self) -> str | None:
        """The task dialog, preset with the chosen row's customer and deal;
        the new task's id (None: cancelled)."""
        from erpdesk.ui.today.todo_dialog import TodoDialog

        item = self.current_item()
        preset = {} if item is None else {
            "customer_id": item.customer_id, "customer_name": item.customer,
            "deal_id": item.deal_id}  # fmt: skip
        dialog = TodoDialog(self.services, None, self, **preset)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self.refresh()
        return dialog.saved_id

    def _context_menu(self, point: QPoint) -> None:
        item = self.current_item()
        if item is None:
            return
        menu = QMenu(self)
        menu.addAction(self.open_button.text()).triggered.connect(lambda: self.open_current())
        if self.done_button.isEnabled():
            menu.addAction(self.done_button.text()).triggered.connect(lambda: self.done_current())
        if item.kind.is_todo:
            moves = menu.addMenu(self.move_button.text())
            for action in self.move_menu.actions():
                moves.addAction(action)
            menu.addAction(self.edit_button.text()).triggered.connect(lambda: self.edit_current())
        menu.exec(self.tree.viewport().mapToGlobal(point))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_current()
            return
        super().keyPressEvent(event)

    # -- export ----------------------------------------------------------------

    def export(self, path: str | None = None) -> int | None:
        """Write the calendar to *path* (asked for when None); the number of
        events, None when cancelled or refused (the reason shown)."""
        written = export_calendar(self, self.services, path)
        if written is not None:
            self._say(written[1], OK_STYLE)
        return None if written is None else written[0]

    def _say(self, text: str, style: str) -> None:
        self.status.setStyleSheet(style)
        self.status.setText(text)
