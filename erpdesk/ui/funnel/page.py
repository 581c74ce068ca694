"""The funnel page of the main window: the filter bar over three tabs, the
board (看板), the list and the forecast.

The deals are read off the UI thread: ``reload`` asks the service for the
cards of the filters (without health flags, which the views fill for what
they paint) on a worker, and the board and the list get them when they
arrive; a newer reload makes an older result stale.  A change reported by a
service (a move, an edit, an import) reloads after a short pause.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QObject,
    QRunnable,
    QSettings,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.deal import DealStatus
from erpdesk.domain.errors import DomainError
from erpdesk.services.events import Change
from erpdesk.ui.funnel.board import CLOSED_DAYS, BoardView
from erpdesk.ui.funnel.board_model import ID_ROLE
from erpdesk.ui.funnel.filters import FilterBar
from erpdesk.ui.funnel.gate_dialog import ask_move
from erpdesk.ui.funnel.list_model import DealListModel
from erpdesk.ui.widgets import FeedBridge, translate

if TYPE_CHECKING:
    from collections.abc import Callable

    from erpdesk.services.customers import CustomerService
    from erpdesk.services.deals import DealService
    from erpdesk.services.presales_status import PresalesStatusService
    from erpdesk.storage.deal_queries import BoardCard, DealCriteria
    from erpdesk.ui.presales import PresalesServices

RELOAD_DELAY_MS = 80
HEAD_CARDS = 30  # cards of each stage shown before the rest arrives
BOARD_TAB, LIST_TAB, FORECAST_TAB = range(3)


class _Done(QObject):
    """Carries a worker's result to the GUI thread (queued)."""

    head = Signal(int, object)  # generation, (first cards of each stage, totals)
    finished = Signal(int, object, object)  # generation, (cards, owners), error


class _LoadJob(QRunnable):
    """Reads the board's cards; with *head*, first the column totals and the
    first cards of each stage (a few milliseconds), so the board shows at
    once while the rest is read."""

    def __init__(
        self,
        deals: DealService,
        criteria: DealCriteria,
        generation: int,
        done: _Done,
        head: bool,
    ) -> None:
        super().__init__()
        self._deals = deals
        self._criteria = criteria
        self._generation = generation
        self._done = done
        self._head = head

    def run(self) -> None:
        try:
            if self._head:
                self._read_head()
            cards = self._deals.board(self._criteria, flags=False)
            owners = self._deals.owners()
        except DomainError as exc:
            self._done.finished.emit(self._generation, None, exc)
            return
        self._done.finished.emit(self._generation, (cards, owners), None)

    def _read_head(self) -> None:
        totals = self._deals.board_totals(self._criteria)
        cards: list[BoardCard] = []
        for stage in range(1, len(self._deals.playbook.stages) + 1):
            first = replace(self._criteria, stage=stage, limit=HEAD_CARDS, closed_since=None)
            cards += self._deals.board(first, flags=False)
        self._done.head.emit(self._generation, (cards, totals))


class FunnelPage(QWidget):
    """The sales funnel area.

    Signals:
        head_shown(): the column totals and each stage's first cards show.
        loaded(int): the cards of the filters arrived (their number).
    """

    loaded = Signal(int)
    head_shown = Signal()

    def __init__(
        self,
        deals: DealService,
        customers: CustomerService,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("funnelPage")
        self._deals = deals
        self._customers = customers
        self._settings = settings
        self._generation = 0
        self._loading = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._done = _Done(self)
        self._done.finished.connect(self._arrived)
        self._done.head.connect(self._head_arrived)
        self.cards: list[BoardCard] = []
        self._list_stale = False  # the list has not taken the newest cards
        # the window's presales services (set_presales): a deal page opened
        # from here finds them (deal_presales.presales_factory_of)
        self.presales_factory: Callable[[], PresalesServices] | None = None

        self.filters = FilterBar()
        self.filters.changed.connect(lambda: self.reload(head=True))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.board = BoardView(deals)
        self.board.move_requested.connect(self._drop_later)
        self.board.open_requested.connect(self.open_deal)
        self.list_model = DealListModel(deals, self)
        self.list_view = QTableView()
        self.list_view.setObjectName("dealList")
        self.list_view.setModel(self.list_model)
        self.list_view.setSortingEnabled(True)
        self.list_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.verticalHeader().setVisible(False)
        self.list_view.verticalHeader().setDefaultSectionSize(26)
        self.list_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.list_view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((200, 180, 150, 110, 60, 110, 100, 80, 80, 80, 80)):
            self.list_view.setColumnWidth(column, width)
        self.list_view.doubleClicked.connect(lambda index: self.open_deal(str(index.data(ID_ROLE))))
        self.forecast_holder = QWidget()
        self._forecast_layout = QVBoxLayout(self.forecast_holder)
        self._forecast_layout.setContentsMargins(0, 0, 0, 0)
        self.forecast: QWidget | None = None
        self.tabs.addTab(self.board, "")
        self.tabs.addTab(self.list_view, "")
        self.tabs.addTab(self.forecast_holder, "")
        self.tabs.currentChanged.connect(self._tab_shown)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filters)
        layout.addWidget(self.tabs, 1)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        self._bridge = FeedBridge(deals.feed, self)
        self._bridge.changed.connect(self._on_change)
        self.retranslate_ui()
        self.reload(head=True)

    # -- texts -----------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(BOARD_TAB, self.tr("Board"))
        self.tabs.setTabText(LIST_TAB, self.tr("List"))
        self.tabs.setTabText(FORECAST_TAB, self.tr("Forecast"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- loading ---------------------------------------------------------------

    def _today(self) -> date:
        return date.today()

    def criteria(self) -> DealCriteria:
        today = self._today()
        return self.filters.criteria(today, closed_since=today - timedelta(days=CLOSED_DAYS))

    def reload(self, head: bool = False) -> None:
        """Read the cards of the filters on a worker; the views update when
        they arrive (``loaded``).  With *head* (a first show, new filters)
        the column totals and the first cards of each stage show first."""
        self._reload_timer.stop()
        self._generation += 1
        self._loading = True
        job = _LoadJob(self._deals, self.criteria(), self._generation, self._done, head)
        self._pool.start(job)

    def wait(self) -> None:
        """Block until no load runs (tests, closing)."""
        self._pool.waitForDone()

    @property
    def loading(self) -> bool:
        return self._loading

    def _head_arrived(self, generation: int, result: Any) -> None:
        if generation != self._generation:
            return
        cards, totals = result
        self.board.set_cards(cards, totals)
        self.head_shown.emit()

    def _arrived(self, generation: int, result: Any, error: DomainError | None) -> None:
        if generation != self._generation:
            return  # a newer reload is on its way
        self._loading = False
        if error is not None:
            QMessageBox.warning(self, self.tr("Sales funnel"), error.render(translate))
            return
        cards, owners = result
        self.cards = cards
        self.filters.set_owners(owners)
        self.board.set_cards(cards)
        # the list takes the cards when it is shown (a reset and sort of
        # 36,000 rows nobody looks at cost the board's load ~20 ms)
        self._list_stale = True
        if self.tabs.currentIndex() == LIST_TAB:
            self._fill_list()
        self.loaded.emit(len(cards))

    def _fill_list(self) -> None:
        if self._list_stale:
            self._list_stale = False
            self.list_model.set_cards(self.cards)

    def _on_change(self, change: Change) -> None:
        if change.entity in ("deal", "customer", "activity"):
            self._reload_timer.start()
        elif change.entity == "presales":
            self.board.refresh_presales()

    def set_presales(
        self,
        factory: Callable[[], PresalesServices] | None,
        statuses: PresalesStatusService | None = None,
    ) -> None:
        """The window's presales services: a deal page opened from here
        shows the deal's support requests (*factory*, called when a page
        first needs them), and the board's cards their presales badge
        (*statuses*, read for the cards painted)."""
        self.presales_factory = factory
        self.board.set_statuses(statuses)

    # -- moving and opening ----------------------------------------------------

    def _drop_later(self, deal_id: str, target: int | DealStatus) -> None:
        # not inside the drag's own event loop: the gate may open a dialog
        QTimer.singleShot(0, self, lambda: self.move_deal(deal_id, target))

    def move_deal(self, deal_id: str, target: int | DealStatus) -> bool:
        """Move a deal through the gate (asking what it needs); the board
        reloads when the service reports the change."""
        moved = ask_move(self, self._deals, deal_id, target)
        if moved:
            self.reload()
        return moved

    def open_deal(self, deal_id: str) -> None:
        if not deal_id:
            return
        try:
            from erpdesk.ui.funnel.deal_page import open_deal
        except ImportError:
            QMessageBox.information(
                self, self.tr("Sales funnel"), self.tr("The deal page is not available yet.")
            )
            return
        window = open_deal(self, self._deals, deal_id)
        window.page.set_presales(self.presales_factory)

    # -- the forecast ----------------------------------------------------------

    def _tab_shown(self, index: int) -> None:
        if index == LIST_TAB:
            self._fill_list()
        if index == FORECAST_TAB and self.forecast is None:
            self.forecast = self._make_forecast()
            self._forecast_layout.addWidget(self.forecast)

    def _make_forecast(self) -> QWidget:
        try:
            from erpdesk.ui.funnel.forecast_view import ForecastView
        except ImportError:
            label = QLabel(self.tr("The forecast is coming in a later version."))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("color: #78909c;")
            return label
        view: QWidget = ForecastView(self._deals, self.forecast_holder)
        return view

    # -- state -----------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("funnel/tab", self.tabs.currentIndex())
        settings.setValue("funnel/list_header", self.list_view.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        header = settings.value("funnel/list_header")
        if header is not None:
            self.list_view.horizontalHeader().restoreState(header)
        tab = settings.value("funnel/tab")
        try:
            index = int(str(tab)) if tab is not None else BOARD_TAB
        except (TypeError, ValueError):
            index = BOARD_TAB
        if index != FORECAST_TAB:  # the forecast loads when asked for
            self.tabs.setCurrentIndex(index)

    def close_page(self) -> None:
        self._bridge.close()
        self._pool.clear()
        self._pool.waitForDone()
