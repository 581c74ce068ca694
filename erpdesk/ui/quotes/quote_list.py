"""Lists of quotes: every quote (the quotes area), and a customer's or a
deal's quotes (a tab of the customer panel and of the deal page), each
opening the editor on a double-click and starting a new quote.

The rows are ``QuoteSummary``s (the latest version of each number).  The
area's list reads them on a worker thread; the small lists of one customer
or deal read at once.  Both reload when a quote changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.money import format_money
from erpdesk.domain.quote import QuoteStatus
from erpdesk.services.events import Change
from erpdesk.ui.quotes import root_window
from erpdesk.ui.quotes.quote_lines_model import refilter
from erpdesk.ui.widgets import EnumCombo, FeedBridge, enum_text, settle_minimum_size, translate

if TYPE_CHECKING:
    from erpdesk.services.quotes import QuoteSummary
    from erpdesk.ui.quotes import QuoteServices
    from erpdesk.ui.quotes.quote_editor import QuoteEditor

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
RELOAD_DELAY_MS = 120
CONTEXT = "QuoteListModel"
COLUMNS: tuple[tuple[str, str], ...] = (
    ("number", QT_TRANSLATE_NOOP("QuoteListModel", "Number")),
    ("version", QT_TRANSLATE_NOOP("QuoteListModel", "Ver.")),
    ("customer", QT_TRANSLATE_NOOP("QuoteListModel", "Customer")),
    ("deal", QT_TRANSLATE_NOOP("QuoteListModel", "Deal")),
    ("title", QT_TRANSLATE_NOOP("QuoteListModel", "Title")),
    ("status", QT_TRANSLATE_NOOP("QuoteListModel", "Status")),
    ("total", QT_TRANSLATE_NOOP("QuoteListModel", "Total (CNY)")),
    ("quote_date", QT_TRANSLATE_NOOP("QuoteListModel", "Date")),
    ("valid_until", QT_TRANSLATE_NOOP("QuoteListModel", "Valid until")),
)
KEYS = tuple(key for key, _text in COLUMNS)
_STATUS_COLOURS = {
    QuoteStatus.DRAFT: "#1565c0",
    QuoteStatus.PENDING_APPROVAL: "#a15c00",
    QuoteStatus.APPROVED: "#2e7d32",
    QuoteStatus.SENT: "#4527a0",
    QuoteStatus.ACCEPTED: "#2e7d32",
    QuoteStatus.DECLINED: "#c62828",
    QuoteStatus.SUPERSEDED: "#78909c",
}


class QuoteListModel(QAbstractTableModel):
    """Plain rows: ``QuoteSummary``s; *columns* picks which are shown."""

    def __init__(self, columns: tuple[str, ...] = KEYS, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[QuoteSummary] = []
        self.columns = columns

    def set_rows(self, rows: list[QuoteSummary]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, n: int) -> QuoteSummary | None:
        return self.rows[n] if 0 <= n < len(self.rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            text = dict(COLUMNS)[self.columns[section]]
            return QCoreApplication.translate(CONTEXT, text)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        key = self.columns[index.column()]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == SORT_ROLE:
            return self._sort_key(row, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "status":
                return QColor(_STATUS_COLOURS.get(row.status, "#37474f"))
            if key == "valid_until" and row.expired:
                return QColor("#c62828")
        if role == Qt.ItemDataRole.ToolTipRole and key == "valid_until" and row.expired:
            return QCoreApplication.translate(
                "QuoteListModel", "Expired: extend it in a new version"
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("total", "version"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(row: QuoteSummary, key: str) -> str:
        if key == "number":
            return row.number
        if key == "version":
            return str(row.version)
        if key == "customer":
            return row.customer_name
        if key == "deal":
            return row.deal_name or "—"
        if key == "title":
            return row.title
        if key == "status":
            return enum_text(row.status)
        if key == "total":
            return format_money(row.total)
        if key == "quote_date":
            return row.quote_date.isoformat()
        if row.valid_until is None:
            return "—"
        text = row.valid_until.isoformat()
        if row.expired:
            text += " " + QCoreApplication.translate("QuoteListModel", "(expired)")
        return text

    @staticmethod
    def _sort_key(row: QuoteSummary, key: str) -> Any:
        if key == "total":
            return int(row.total * 100)  # whole fen: sorts as money does
        if key == "version":
            return row.version
        if key in ("quote_date", "valid_until"):
            day = getattr(row, key)
            return day.isoformat() if day else ""
        return QuoteListModel._display(row, key)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1)
            )


class _TextFilter(QSortFilterProxyModel):
    """Rows whose number, customer, deal or title contain the typed text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        refilter(self, lambda: setattr(self, "text", text.strip().casefold()))

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self.text:
            return True
        model = self.sourceModel()
        assert isinstance(model, QuoteListModel)
        row = model.row_at(source_row)
        if row is None:
            return False
        haystack = " ".join((row.number, row.customer_name, row.deal_name, row.title))
        return self.text in haystack.casefold()


def _table(model: QAbstractItemModel, parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    return view


# -- the area's list -----------------------------------------------------------


class _Done(QObject):
    finished = Signal(int, object, object)  # generation, rows, error


class _LoadJob(QRunnable):
    def __init__(
        self, services: QuoteServices, status: QuoteStatus | None, generation: int, done: _Done
    ) -> None:
        super().__init__()
        self._services = services
        self._status = status
        self._generation = generation
        self._done = done

    def run(self) -> None:
        try:
            rows = self._services.quotes.summaries(status=self._status, limit=None)
        except DomainError as exc:
            self._done.finished.emit(self._generation, None, exc)
            return
        self._done.finished.emit(self._generation, rows, None)


class QuoteListPage(QWidget):
    """Every quote (the latest version of each), filterable by status and
    by text.

    Signals:
        loaded(int): the rows arrived (their number).
    """

    loaded = Signal(int)

    def __init__(self, services: QuoteServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._generation = 0
        self.loading = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._done = _Done(self)
        self._done.finished.connect(self._arrived)
        self.model = QuoteListModel(KEYS, self)
        self.proxy = _TextFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = _table(self.proxy)
        self.view.setObjectName("quoteList")
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((170, 40, 220, 170, 180, 80, 110, 90, 140)):
            self.view.setColumnWidth(column, width)
        self.view.doubleClicked.connect(lambda index: self.open_row(index.row()))

        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._filter_text)
        self.status_combo = EnumCombo(QuoteStatus, "", empty_context="QuoteListPage")
        self.status_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.ask_new_quote)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(lambda: self.open_row(self.view.currentIndex().row()))
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #546e7a;")
        bar = QHBoxLayout()
        bar.addWidget(self.search_edit, 2)
        bar.addWidget(self.status_combo, 1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.open_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        self._bridge = FeedBridge(services.quotes.feed, self)
        self._bridge.changed.connect(self._on_change)
        self.retranslate_ui()
        self.reload()

    def retranslate_ui(self) -> None:
        self.search_edit.setPlaceholderText(self.tr("Find by number, customer, deal or title"))
        self.status_combo.set_empty_text(self.tr("Every status"))
        self.new_button.setText(self.tr("New quote…"))
        self.open_button.setText(self.tr("Open"))
        self.model.retranslate()
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- loading -----------------------------------------------------------------

    def reload(self) -> None:
        """Read the quotes of the status filter on the worker."""
        self._reload_timer.stop()
        self._generation += 1
        self.loading = True
        status = self.status_combo.current_member()
        self._pool.start(_LoadJob(self._services, status, self._generation, self._done))

    def wait(self) -> None:
        self._pool.waitForDone()

    def _arrived(self, generation: int, rows: Any, error: DomainError | None) -> None:
        if generation != self._generation:
            return
        self.loading = False
        if error is not None:
            self.count_label.setText(error.render(translate))
            return
        self.model.set_rows(rows)
        self._show_count()
        self.loaded.emit(len(rows))

    def _on_change(self, change: Change) -> None:
        if change.entity in ("quote", "customer", "deal"):
            self._reload_timer.start()

    def _filter_text(self, text: str) -> None:
        self.proxy.set_text(text)
        self._show_count()

    def _show_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("{n} quotes").format(n=total))
        else:
            self.count_label.setText(self.tr("{shown} of {n} quotes").format(shown=shown, n=total))

    # -- opening -----------------------------------------------------------------

    def open_row(self, row: int) -> QuoteEditor | None:
        source = self.proxy.mapToSource(self.proxy.index(row, 0))
        summary = self.model.row_at(source.row())
        if summary is None:
            return None
        return open_quote_window(self, self._services, summary.id)

    def ask_new_quote(self) -> QuoteEditor | None:
        dialog = CustomerChooser(self._services, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.customer_id:
            return None
        from erpdesk.ui.quotes.quote_editor import new_quote

        return new_quote(root_window(self), self._services, dialog.customer_id)

    def close_page(self) -> None:
        self._bridge.close()
        self._pool.clear()
        self._pool.waitForDone()


class CustomerChooser(QDialog):
    """Which customer a new quote is for: type part of its name."""

    def __init__(self, services: QuoteServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.customer_id: str | None = None
        self.setWindowTitle(self.tr("New quote"))
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Type part of the customer's name"))
        self.search_edit.textChanged.connect(self.search)
        self.results = QListWidget()
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        form = QFormLayout()
        form.addRow(self.tr("Customer"), self.search_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start the quote"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)
        self.resize(480, 420)
        settle_minimum_size(self)
        self.search("")

    def search(self, text: str) -> None:
        customers = self._services.customers
        try:
            rows = customers.page(customers.criteria(text), limit=50)
        except DomainError:
            rows = []
        self.results.clear()
        for row in rows:
            item = QListWidgetItem(row.name)
            item.setData(ID_ROLE, row.id)
            self.results.addItem(item)
        if rows:
            self.results.setCurrentRow(0)

    def accept(self) -> None:
        if self.results.currentRow() < 0:
            return
        self.customer_id = str(self.results.currentItem().data(ID_ROLE))
        super().accept()


def open_quote_window(parent: QWidget | None, services: QuoteServices, quote_id: str) -> Any:
    """Open the version *quote_id* in the editor (a warning if it is gone)."""
    from erpdesk.ui.quotes.quote_editor import open_quote

    try:
        return open_quote(root_window(parent), services, quote_id)
    except DomainError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("QuoteListPage", "Quotes"),
                            exc.render(translate))  # fmt: skip
        return None


# -- a customer's or a deal's quotes ------------------------------------------------

RELATED_COLUMNS = ("number", "version", "title", "status", "total", "quote_date", "valid_until")


class RelatedQuotes(QWidget):
    """The quotes of one customer (``show_customer``) or deal
    (``show_deal``), with "New quote…".

    Signals:
        count_changed(int): how many quotes are listed now.
    """

    count_changed = Signal(int)

    def __init__(self, services: QuoteServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.customer_id: str | None = None
        self.deal_id: str | None = None
        self.model = QuoteListModel(RELATED_COLUMNS, self)
        self.view = _table(self.model)
        self.view.setObjectName("relatedQuotes")
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_quote)
        self.empty_label = QLabel()
        self.empty_label.setStyleSheet("color: #78909c;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        self._bridge = FeedBridge(services.quotes.feed, self)
        self._bridge.changed.connect(self._on_change)
        self.retranslate()

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New quote…"))
        self.empty_label.setText(self.tr("No quotes yet: start one with New quote."))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_customer(self, customer_id: str | None) -> None:
        self.customer_id, self.deal_id = customer_id, None
        self.reload()

    def show_deal(self, deal_id: str, customer_id: str) -> None:
        self.customer_id, self.deal_id = customer_id, deal_id
        self.reload()

    def reload(self) -> None:
        rows: list[QuoteSummary] = []
        if self.deal_id:
            rows = self._services.quotes.summaries(deal_id=self.deal_id, limit=None)
        elif self.customer_id:
            rows = self._services.quotes.summaries(customer_id=self.customer_id, limit=None)
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self.new_button.setEnabled(self.customer_id is not None)
        self.count_changed.emit(len(rows))

    def _on_change(self, change: Change) -> None:
        if change.entity == "quote" and self.customer_id:
            self.reload()

    def new_quote(self) -> QuoteEditor | None:
        if not self.customer_id:
            return None
        from erpdesk.ui.quotes.quote_editor import new_quote

        return new_quote(root_window(self), self._services, self.customer_id, self.deal_id)

    def open_row(self, row: int) -> QuoteEditor | None:
        summary = self.model.row_at(row)
        if summary is None:
            return None
        return open_quote_window(self, self._services, summary.id)


# -- the area --------------------------------------------------------------------


class QuotesPage(QWidget):
    """The quotes area of the window: the quote list and the catalogue
    (made when its tab is first shown)."""

    LIST_TAB, CATALOGUE_TAB = range(2)

    def __init__(
        self,
        services: QuoteServices,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quotesPage")
        self._services = services
        self._settings = settings
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.list = QuoteListPage(services)
        self.catalogue_holder = QWidget()
        self._catalogue_layout = QVBoxLayout(self.catalogue_holder)
        self._catalogue_layout.setContentsMargins(0, 0, 0, 0)
        self.catalogue: QWidget | None = None
        self.tabs.addTab(self.list, "")
        self.tabs.addTab(self.catalogue_holder, "")
        self.tabs.currentChanged.connect(self._tab_shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(self.LIST_TAB, self.tr("Quotes"))
        self.tabs.setTabText(self.CATALOGUE_TAB, self.tr("Catalogue and prices"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _tab_shown(self, index: int) -> None:
        if index == self.CATALOGUE_TAB:
            self.show_catalogue()

    def show_catalogue(self) -> QWidget:
        if self.catalogue is None:
            from erpdesk.ui.quotes.catalogue_page import CataloguePage

            self.catalogue = CataloguePage(self._services, self.catalogue_holder)
            self._catalogue_layout.addWidget(self.catalogue)
        self.tabs.setCurrentIndex(self.CATALOGUE_TAB)
        return self.catalogue

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("quotes/tab", self.tabs.currentIndex())
        settings.setValue("quotes/list_header", self.list.view.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        header = settings.value("quotes/list_header")
        if header is not None:
            self.list.view.horizontalHeader().restoreState(header)
        try:
            tab = int(str(settings.value("quotes/tab", 0)))
        except (TypeError, ValueError):
            tab = 0
        if tab == self.CATALOGUE_TAB:
            self.show_catalogue()

    def close_page(self) -> None:
        self.list.close_page()
