"""The main window: the navigation rail, the pages, the status bar (customers
shown, changes waiting to sync, sync state) and the menus."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    QSize,
    Qt,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.i18n import resolve_language
from erpdesk.services.events import Change
from erpdesk.ui.customer_list import CustomerListPage
from erpdesk.ui.icons import icon
from erpdesk.ui.language import LanguageManager, language_choice
from erpdesk.ui.widgets import FeedBridge, app_settings, settle_minimum_size

if TYPE_CHECKING:
    from erpdesk.services.branding import BrandingService
    from erpdesk.services.customers import CustomerService
    from erpdesk.services.deals import DealService
    from erpdesk.services.presales_status import PresalesStatusService
    from erpdesk.services.quotes import QuoteService
    from erpdesk.ui.admin.page import AdminPage
    from erpdesk.ui.admin.runner import ApiRunner
    from erpdesk.ui.funnel.page import FunnelPage
    from erpdesk.ui.presales import PresalesServices
    from erpdesk.ui.presales.page import PresalesPage
    from erpdesk.ui.quotes import QuoteServices
    from erpdesk.ui.quotes.quote_list import QuotesPage
    from erpdesk.ui.settings_dialog import SettingsDialog
    from erpdesk.ui.telemarketing.page import TelemarketingPage
    from erpdesk.ui.today import TodayServices
    from erpdesk.ui.today.page import TodayPage

CONTEXT = "MainWindow"
# (key, icon, English name) of each area, in the rail's order.
AREAS: tuple[tuple[str, str, str], ...] = (
    ("today", "today", QT_TRANSLATE_NOOP("MainWindow", "Today")),
    ("customers", "customers", QT_TRANSLATE_NOOP("MainWindow", "Customers")),
    ("funnel", "funnel", QT_TRANSLATE_NOOP("MainWindow", "Sales funnel")),
    ("relationships", "relationships", QT_TRANSLATE_NOOP("MainWindow", "Relationships")),
    ("presales", "presales", QT_TRANSLATE_NOOP("MainWindow", "Presales")),
    ("quotes", "quotes", QT_TRANSLATE_NOOP("MainWindow", "Quotes")),
    ("team", "team", QT_TRANSLATE_NOOP("MainWindow", "Team")),
    ("admin", "callback", QT_TRANSLATE_NOOP("MainWindow", "Customer admin")),
    ("leads", "call", QT_TRANSLATE_NOOP("MainWindow", "Leads")),
)
# The areas each registry role does not see (a rep, or no sign-in: the default).
HIDDEN_FOR_ROLE: dict[str, frozenset[str]] = {
    "rep": frozenset({"admin", "leads"}),
    "admin": frozenset({"today", "funnel", "leads"}),
    "telemarketer": frozenset(
        {"today", "funnel", "relationships", "presales", "quotes", "team", "admin"}
    ),
    "presales": frozenset({"admin", "leads"}),
}
# The area a role's desk opens on (others: Today, or the customers when the
# window has no Today page).
HOME_FOR_ROLE: dict[str, str] = {"presales": "presales", "admin": "customers"}
# What Today's "… and N more" opens: the customer list's protection filter.
TODAY_LISTS = {"registrations": "pending", "expiring": "expiring"}
RAIL_ROW, RAIL_LEAST_ROW = 84, 64  # the height of a rail's row, and its least
RAIL_STYLE = """
QListWidget#navRail { background: #263238; border: none; outline: none; }
QListWidget#navRail::item { color: #cfd8dc; border-radius: 6px; margin: 2px 3px; padding: 4px 0px; }
QListWidget#navRail::item:selected { background: #37474f; color: white; }
QListWidget#navRail::item:hover:!selected { background: #2f3d44; }
"""


class RailDelegate(QStyledItemDelegate):
    """Rail items: the icon above its name, both centred in the rail."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.displayAlignment = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        option.decorationAlignment = Qt.AlignmentFlag.AlignHCenter
        option.decorationPosition = QStyleOptionViewItem.Position.Top

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        parent = self.parent()
        if isinstance(parent, QListWidget):
            size.setWidth(parent.gridSize().width() - 8)
        return size


class NavRail(QListWidget):
    """The rail of areas: its rows lower (to ``RAIL_LEAST_ROW``) when the
    window is too low for them all (a laptop at 125 % or 150 %), so every
    area stays in sight without a scroll bar."""

    def fit_rows(self) -> None:
        shown = sum(not self.isRowHidden(row) for row in range(self.count()))
        fit = self.viewport().height() // shown if shown else RAIL_ROW
        height = max(RAIL_LEAST_ROW, min(RAIL_ROW, fit))
        if self.gridSize().height() != height:
            self.setGridSize(QSize(self.gridSize().width(), height))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()


class PlaceholderPage(QWidget):
    """An area that a later version fills."""

    def __init__(self, icon_name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        picture = QLabel()
        picture.setPixmap(icon(icon_name, "#90a4ae", (64,)).pixmap(64, 64))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label = QLabel()
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.note_label = QLabel()
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note_label.setStyleSheet("color: #78909c;")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(picture)
        layout.addWidget(self.title_label)
        layout.addWidget(self.note_label)
        layout.addStretch(2)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title_label.setText(QCoreApplication.translate(CONTEXT, self._title))
        self.note_label.setText(self.tr("Coming in a later version."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class MainWindow(QMainWindow):
    """ERPDesk's main window over the services it is given."""

    def __init__(
        self,
        service: CustomerService,
        settings: QSettings | None = None,
        languages: LanguageManager | None = None,
        parent: QWidget | None = None,
        deals: DealService | None = None,
        quotes: QuoteService | None = None,
        branding: BrandingService | None = None,
        presales: Callable[[], PresalesServices] | None = None,
        presales_status: PresalesStatusService | None = None,
        today: Callable[[], TodayServices] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        # the presales views' services, made when the area is first shown
        self._presales = presales
        self._today = today  # Today's services, made when the page is first shown
        self.today: TodayPage | None = None
        self.today_badge = 0  # open todos due by now, on the rail
        self.first_run: QWidget | None = None  # an empty desk's first page
        self.presales_factory = presales  # deal pages opened from this window find it
        self.presales_status = presales_status  # the board cards' presales badges
        self._service = service
        self._deals = deals
        self.funnel: FunnelPage | None = None  # made when first shown
        self.quotes: QuotesPage | None = None  # made when first shown
        self.presales: PresalesPage | None = None  # made when first shown
        # what the quote views of this window use (ui.quotes.services_of)
        self.quote_services: QuoteServices | None = None
        self._branding = branding
        if quotes is not None:
            from erpdesk.ui.quotes import QuoteServices

            self.quote_services = QuoteServices(quotes, service, branding, deals)
        self._settings = settings or app_settings()
        self._languages = languages
        # the registry workbenches (set_workbench): made when first shown
        self.workbench_runner: ApiRunner | None = None
        self.role = "rep"
        self.admin_page: AdminPage | None = None
        self.leads_page: TelemarketingPage | None = None

        self.rail = NavRail()
        self.rail.setObjectName("navRail")
        self.rail.setViewMode(QListView.ViewMode.IconMode)
        self.rail.setFlow(QListView.Flow.TopToBottom)
        self.rail.setMovement(QListView.Movement.Static)
        self.rail.setWrapping(False)
        self.rail.setResizeMode(QListView.ResizeMode.Adjust)
        self.rail.setIconSize(QSize(28, 28))
        self.rail.setGridSize(QSize(96, RAIL_ROW))
        self.rail.setWordWrap(True)
        self.rail.setFixedWidth(100)
        self.rail.setSpacing(0)
        self.rail.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # a scroll bar would squeeze the icons on a low (125 %, 150 %) screen
        self.rail.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rail.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.rail.setStyleSheet(RAIL_STYLE)
        self.rail.setItemDelegate(RailDelegate(self.rail))
        rail_font = self.rail.font()
        rail_font.setPointSizeF(rail_font.pointSizeF() * 0.9)
        self.rail.setFont(rail_font)

        self.pages = QStackedWidget()
        self.customers = CustomerListPage(service, self._settings, self)
        for key, icon_name, _title in AREAS:
            item = QListWidgetItem(icon(icon_name, "#eceff1", (28, 56)), "")
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.rail.addItem(item)
            # the other areas' pages are made when first shown
            self.pages.addWidget(self.customers if key == "customers" else QWidget())
        self.rail.currentRowChanged.connect(self.show_area)
        # a click on the current area shows it again (over the first-run page)
        self.rail.itemClicked.connect(lambda item: self.show_area(self.rail.row(item)))
        self.show_key("customers")  # until show_home: Today is made when first shown

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.rail)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.count_label = QLabel()
        self.pending_label = QLabel()
        self.sync_label = QLabel()
        self.sync_label.setStyleSheet("color: #78909c;")
        status = self.statusBar()
        status.addWidget(self.count_label, 1)
        status.addPermanentWidget(self.pending_label)
        status.addPermanentWidget(self.sync_label)
        self.customers.total_changed.connect(lambda _n: self._show_counts())

        self._bridge = FeedBridge(service.feed, self)
        self._bridge.changed.connect(self._on_change)
        self._pending = service.pending_changes()

        self._build_actions()
        self.retranslate_ui()
        settle_minimum_size(self)
        # 1280×800, or what the screen leaves (a 1366×768 laptop: the status bar shows)
        area = self.screen().availableGeometry()
        self.resize(min(1280, area.width()), min(800, area.height() - 40))
        self.set_workbench(None, None)  # a rep's rail until a registry role is known
        self.restore_state()

    # -- building ----------------------------------------------------------------

    def _build_actions(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.customer_menu = self.menuBar().addMenu("")
        self.help_menu = self.menuBar().addMenu("")
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.settings_action)
        self.branding_action = QAction(self)
        self.branding_action.triggered.connect(self.open_branding)
        self.branding_action.setVisible(self._branding is not None)
        self.file_menu.addAction(self.branding_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self._new_customer)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_search)
        self.customer_menu.addAction(self.new_action)
        self.customer_menu.addAction(self.find_action)
        self.import_action = QAction(self)
        self.import_action.triggered.connect(lambda: self.import_customers())
        self.customer_menu.addSeparator()
        self.customer_menu.addAction(self.import_action)

        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.about_action)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("ERPDesk"))
        for row, (key, _icon, title) in enumerate(AREAS):
            text = QCoreApplication.translate(CONTEXT, title)
            if key == "today" and self.today_badge:
                text = f"{text} ({self.today_badge})"
            self.rail.item(row).setText(text)
        self.file_menu.setTitle(self.tr("&File"))
        self.customer_menu.setTitle(self.tr("&Customer"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.branding_action.setText(self.tr("Company &branding…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.new_action.setText(self.tr("&New customer…"))
        self.find_action.setText(self.tr("&Find customer"))
        self.import_action.setText(self.tr("&Import from Excel or CSV…"))
        self.about_action.setText(self.tr("&About ERPDesk"))
        self.sync_label.setText(self.tr("Offline"))
        self.sync_label.setToolTip(self.tr("Not connected to the customer registry"))
        self._show_counts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_area(self, row: int) -> None:
        """Show the page of the rail's *row*, making a placeholder on first use."""
        if not 0 <= row < len(AREAS):
            return
        key, icon_name, title = AREAS[row]
        page = self.pages.widget(row)
        if key == "funnel" and self._deals is not None:
            if self.funnel is None:
                self.funnel = self._make_funnel(row, page)
            self.pages.setCurrentIndex(row)
            return
        if key == "quotes" and self.quote_services is not None:
            if self.quotes is None:
                self.quotes = self._make_quotes(row, page)
            self.pages.setCurrentIndex(row)
            return
        if key == "today" and self._today is not None:
            if self.today is None:
                self.today = self._make_today(row, page)
            self.pages.setCurrentIndex(row)
            return
        if key == "presales":
            if self.presales is None:
                self.presales = self._make_presales(row, page)
            self.pages.setCurrentIndex(row)
            return
        if key in ("admin", "leads") and self.workbench_runner is not None:
            self._make_workbench(key, row, page)
            self.pages.setCurrentIndex(row)
            return
        if key != "customers" and not isinstance(page, PlaceholderPage):
            if page is not None:
                self.pages.removeWidget(page)
                page.deleteLater()
            page = PlaceholderPage(icon_name, title)
            self.pages.insertWidget(row, page)
        self.pages.setCurrentIndex(row)

    def _make_funnel(self, row: int, old: QWidget | None) -> FunnelPage:
        """The funnel page in place of the rail's *row* (QtCharts and the
        deals load only when the area is first shown)."""
        from erpdesk.ui.funnel.page import FunnelPage

        assert self._deals is not None
        funnel = FunnelPage(self._deals, self._service, self._settings)
        funnel.set_presales(self._presales, self.presales_status)
        if old is not None:
            self.pages.removeWidget(old)
            old.deleteLater()
        self.pages.insertWidget(row, funnel)
        funnel.restore_state(self._settings)
        return funnel

    def _make_quotes(self, row: int, old: QWidget | None) -> QuotesPage:
        """The quotes area (the quote list and the catalogue) in place of
        the rail's *row*, made when the area is first shown."""
        from erpdesk.ui.quotes.quote_list import QuotesPage

        assert self.quote_services is not None
        quotes = QuotesPage(self.quote_services, self._settings)
        if old is not None:
            self.pages.removeWidget(old)
            old.deleteLater()
        self.pages.insertWidget(row, quotes)
        quotes.restore_state(self._settings)
        return quotes

    def _make_today(self, row: int, old: QWidget | None) -> TodayPage:
        """Today in place of the rail's *row*: each row opens what it is about."""
        from erpdesk.ui.today.page import TodayPage

        assert self._today is not None
        today = TodayPage(self._today())
        today.open_customer.connect(self.open_customer)
        today.open_deal.connect(self.open_deal)
        today.open_quote.connect(self.open_quote)
        today.open_presales_task.connect(self.open_presales_task)
        today.show_list.connect(self.show_list)
        if old is not None:
            self.pages.removeWidget(old)
            old.deleteLater()
        self.pages.insertWidget(row, today)
        return today

    def show_key(self, key: str) -> None:
        """Show the area *key* of the rail."""
        self.rail.setCurrentRow([k for k, _i, _t in AREAS].index(key))

    def open_customer(self, customer_id: str) -> None:
        self.show_key("customers")
        self.customers.select_customer(customer_id)

    def open_deal(self, deal_id: str) -> QWidget | None:
        if self._deals is None or not deal_id:
            return None
        from erpdesk.ui.funnel.deal_page import open_deal

        return open_deal(self, self._deals, deal_id)

    def open_quote(self, quote_id: str) -> QWidget | None:
        if self.quote_services is None or not quote_id:
            return None
        from erpdesk.ui.quotes.quote_list import open_quote_window

        return cast(QWidget | None, open_quote_window(self, self.quote_services, quote_id))

    def open_presales_task(self, task_id: str) -> QWidget | None:
        if self._presales is None or not task_id:
            return None
        from erpdesk.ui.presales.opener import open_task

        return open_task(self._presales(), task_id, self)

    def show_list(self, name: str) -> None:
        """The whole list behind one of Today's sections."""
        if name in TODAY_LISTS:
            self.show_key("customers")
            combo = self.customers.protection_filter
            combo.setCurrentIndex(max(combo.findData(TODAY_LISTS[name]), 0))
        elif name == "deals":
            self.show_key("funnel")
        elif name == "quotes":
            self.show_key("quotes")

    def set_first_run(self, page: QWidget) -> None:
        """Show *page* (the first-run page of an empty desk) until the desk
        has a customer or the user picks an area on the rail."""
        self.first_run = page
        self.pages.addWidget(page)  # after the areas' pages: not on the rail
        self.pages.setCurrentWidget(page)

    def _leave_first_run(self) -> None:
        page = self.first_run
        if page is None:
            return
        self.first_run = None
        was_shown = self.pages.currentWidget() is page
        self.pages.removeWidget(page)
        page.deleteLater()
        if was_shown:
            self.show_key("customers")
            self.show_area(self.rail.currentRow())

    def set_today_badge(self, count: int) -> None:
        """The number of open todos due by now, shown on Today's rail item."""
        self.today_badge = count
        self.retranslate_ui()

    def _make_presales(self, row: int, old: QWidget | None) -> PresalesPage:
        """The presales area (the knowledge base first) in place of the
        rail's *row*; the base is read on a worker when first shown."""
        from erpdesk.ui.presales.page import PresalesPage

        services = self._presales() if self._presales else None
        if services is not None:
            services.runner = self.workbench_runner  # None until signed in
        presales = PresalesPage(services=services)
        if old is not None:
            self.pages.removeWidget(old)
            old.deleteLater()
        self.pages.insertWidget(row, presales)
        return presales

    def set_workbench(self, runner: ApiRunner | None, role: str | None) -> None:
        """The registry account's role decides the rail: a rep (or no sign-in)
        never sees the administrator's or telemarketer's pages, an
        administrator does not see the funnel, a telemarketer sees leads."""
        self.workbench_runner = runner
        self.role = role if role in HIDDEN_FOR_ROLE else "rep"
        hidden = HIDDEN_FOR_ROLE[self.role] | ({"today"} if self._today is None else set())
        for row, (key, _icon, _title) in enumerate(AREAS):
            self.rail.setRowHidden(row, key in hidden)
        self.rail.fit_rows()
        if AREAS[max(self.rail.currentRow(), 0)][0] in hidden:
            self.show_key("customers")

    def show_home(self) -> None:
        """Show the area the role's desk opens on: the presales workbench
        for a presales user, the customers for an administrator, Today for
        everyone else (the customers when the window has no Today)."""
        default = "today" if self._today is not None else "customers"
        self.show_key(HOME_FOR_ROLE.get(self.role, default))

    def visible_areas(self) -> list[str]:
        return [key for row, (key, _i, _t) in enumerate(AREAS) if not self.rail.isRowHidden(row)]

    def _make_workbench(self, key: str, row: int, old: QWidget | None) -> None:
        """The administrator's or the telemarketer's page in place of *row*."""
        assert self.workbench_runner is not None
        if key == "admin" and self.admin_page is None:
            from erpdesk.ui.admin.page import AdminPage

            self.admin_page = AdminPage(self.workbench_runner)
            page: QWidget = self.admin_page
        elif key == "leads" and self.leads_page is None:
            from erpdesk.ui.telemarketing.page import TelemarketingPage

            self.leads_page = TelemarketingPage(self.workbench_runner)
            self.leads_page.refresh()
            page = self.leads_page
        else:
            return
        if old is not None:
            self.pages.removeWidget(old)
            old.deleteLater()
        self.pages.insertWidget(row, page)

    # -- status ------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        first = change.entity == "customer" and self.first_run is not None
        if first and self._service.count(self._service.criteria()):
            self._leave_first_run()  # the desk has its first customer
        self._count_changes()

    def _count_changes(self) -> None:
        self._pending = self._service.pending_changes()
        self._show_counts()

    def _show_counts(self) -> None:
        total = self.customers.model.counted_total()
        if total is None:  # counted once typing pauses (CustomerTableModel)
            self.count_label.setText(self.tr("Counting customers…"))
        elif total == 1:
            self.count_label.setText(self.tr("1 customer"))
        else:
            self.count_label.setText(self.tr("{n} customers").format(n=f"{total:,}"))
        n = self._pending
        if n == 0:
            self.pending_label.setText(self.tr("No changes waiting to sync"))
        elif n == 1:
            self.pending_label.setText(self.tr("1 change waiting to sync"))
        else:
            self.pending_label.setText(self.tr("{n} changes waiting to sync").format(n=n))

    # -- state -------------------------------------------------------------------

    def restore_state(self) -> None:
        geometry = self._settings.value("ui/main_geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self._settings.value("ui/main_state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        self.customers.restore_state(self._settings)
        area = self._settings.value("ui/area")
        for row, (key, _icon, _title) in enumerate(AREAS):
            if key == area and not self.rail.isRowHidden(row):
                self.rail.setCurrentRow(row)

    def save_state(self) -> None:
        self._settings.setValue("ui/main_geometry", self.saveGeometry())
        self._settings.setValue("ui/main_state", self.saveState())
        self._settings.setValue("ui/area", AREAS[max(self.rail.currentRow(), 0)][0])
        self.customers.save_state(self._settings)
        if self.funnel is not None:
            self.funnel.save_state(self._settings)
        if self.quotes is not None:
            self.quotes.save_state(self._settings)
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.customers.close_editors() or not self._close_quote_editors():
            event.ignore()  # the user kept an editor with changes open
            return
        self.save_state()
        sync_ui = getattr(self, "sync_ui", None)  # ui.sync.install_sync
        if sync_ui is not None:
            sync_ui.controller.stop()  # no sync run on a database about to close
        if self.funnel is not None:
            self.funnel.close_page()  # no worker reads a database about to close
        if self.quotes is not None:
            self.quotes.close_page()
        if self.presales is not None:
            self.presales.close_page()  # the knowledge base's worker is done
        if self.workbench_runner is not None:
            self.workbench_runner.close()  # no registry call answers a closed window
        super().closeEvent(event)

    def _close_quote_editors(self) -> bool:
        """Close the quote editors this window opened (each asks about its
        unsaved changes); False when the user kept one open."""
        from erpdesk.ui.quotes.quote_editor import QuoteEditor

        return all(editor.close() for editor in self.findChildren(QuoteEditor))

    # -- actions -----------------------------------------------------------------

    def open_settings(self) -> SettingsDialog:
        if self._languages is None:
            self._languages = LanguageManager(
                resolve_language(language_choice(self._settings)), self
            )
        from erpdesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._settings, self._languages, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_branding(self) -> QWidget | None:
        """The company branding of quotes and proposals."""
        if self._branding is None:
            return None
        from erpdesk.ui.quotes.branding_dialog import edit_branding

        return edit_branding(self, self._branding)

    def import_customers(self) -> QWidget:
        """The import wizard (pick a file, map its columns, preview, import)."""
        from erpdesk.ui.import_wizard import open_import_wizard

        self.show_key("customers")
        return open_import_wizard(self, self._service)

    def _new_customer(self) -> None:
        self.show_key("customers")
        self.customers.new_customer()

    def _focus_search(self) -> None:
        self.show_key("customers")
        self.customers.search_edit.setFocus()
        self.customers.search_edit.selectAll()

    def about_text(self) -> str:
        """What About says: the version, the database file and its schema."""
        from erpdesk import __version__

        path, revision = self._service.storage_facts()
        return self.tr(
            "ERPDesk {version}: the offline-first workbench for ERP sales.\n"
            "Customers, the sales funnel, relationships, presales and quotes.\n\n"
            "Database: {path}\nSchema version: {schema}"
        ).format(version=__version__, path=path, schema=revision or "-")

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About ERPDesk"), self.about_text())
