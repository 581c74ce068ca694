"""The customer panel beside the list: the customer's fields, its
registration status (read-only: the registry owns it), what is missing before
registration, its contacts and its activity timeline; with the window's
presales services, "Ask for presales support…" (a support request of the
customer, of one of its open deals or of none)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.customer import ActivityKind, Registration
from erpdesk.domain.errors import DomainError, NotFound
from erpdesk.services.events import Change
from erpdesk.ui.customer_model import region_text
from erpdesk.ui.detail_models import ActivityListModel, ContactTableModel
from erpdesk.ui.widgets import (
    OK_STYLE,
    WARNING_STYLE,
    FeedBridge,
    enum_text,
    local_time_text,
    translate,
    value_label,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from erpdesk.services.customers import CustomerDetail, CustomerService
    from erpdesk.services.deals import DealService
    from erpdesk.services.registration import RegistrationService
    from erpdesk.ui.funnel.customer_deals import CustomerDeals
    from erpdesk.ui.presales import PresalesServices
    from erpdesk.ui.quotes import QuoteServices
    from erpdesk.ui.quotes.quote_list import RelatedQuotes
    from erpdesk.ui.record_dialogs import ActivityDialog, ContactDialog
    from erpdesk.ui.registration import RegistrationBar
    from erpdesk.ui.today import TodayServices
    from erpdesk.ui.today.customer_todos import CustomerTodos
    from erpdesk.ui.workbench.runner import ApiRunner

_BADGE = "padding: 2px 8px; border-radius: 9px; color: white; background: {colour};"
_BADGE_COLOURS = {
    Registration.UNREGISTERED: "#78909c",
    Registration.PENDING: "#ef6c00",
    Registration.PROTECTED: "#2e7d32",
    Registration.INVALID: "#c62828",
    Registration.POOL: "#6a1b9a",
}

# (field key, English label); values are filled in _show_fields.
_FIELDS = (
    "uscc", "industry", "region", "address", "size_band", "source", "phone",
    "website", "owner", "need", "notes", "updated_at",
)  # fmt: skip


class CustomerDetailPanel(QWidget):
    """Shows one customer and lets the user add contacts and log activities.

    Signals:
        edit_requested(str): the user wants to edit the shown customer.
        shown(str): the panel now shows this customer ("" for none).
    """

    edit_requested = Signal(str)
    shown = Signal(str)

    def __init__(self, service: CustomerService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._detail: CustomerDetail | None = None
        self._deals: DealService | None = None
        self.deals_tab: CustomerDeals | None = None  # with set_deals
        self._quote_services: QuoteServices | None = None
        self.quotes_tab: RelatedQuotes | None = None  # with set_quotes
        self._todo_services: Callable[[], TodayServices] | None = None
        self.todos_tab: CustomerTodos | None = None  # with set_todos
        # with set_presales; a deal page opened from here finds it too
        self.presales_factory: Callable[[], PresalesServices] | None = None
        self.registration_bar: RegistrationBar | None = None  # with set_registrations
        self._registrations: tuple[RegistrationService, ApiRunner | None] | None = None
        self._bridge = FeedBridge(service.feed, self)
        self._bridge.changed.connect(self._on_change)

        self.pages = QStackedWidget(self)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #78909c;")
        self.pages.addWidget(self.empty_label)
        self._content: QWidget | None = None  # built when a customer is first shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.retranslate_ui()

    # -- building ----------------------------------------------------------------

    def _build_content(self) -> QWidget:
        content = QWidget()
        self.name_label = QLabel()
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name_label.setFont(font)
        self.subtitle_label = QLabel()
        self.subtitle_label.setStyleSheet("color: #546e7a;")
        self.registration_label = QLabel()
        self.registration_caption = QLabel()
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self._request_edit)
        self.presales_button = QPushButton()
        self.presales_button.clicked.connect(self.ask_presales)
        if self.presales_factory is None:
            self.presales_button.hide()

        badges = QHBoxLayout()
        badges.addWidget(self.registration_caption)
        badges.addWidget(self.registration_label)
        badges.addStretch(1)
        badges.addWidget(self.presales_button)
        badges.addWidget(self.edit_button)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_overview(), "")
        self.tabs.addTab(self._build_contacts(), "")
        self.tabs.addTab(self._build_activities(), "")
        self._add_deals_tab()
        self._add_quotes_tab()
        self._add_todos_tab()

        layout = QVBoxLayout(content)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.name_label)
        layout.addWidget(self.subtitle_label)
        layout.addLayout(badges)
        self._content_layout = layout
        self._add_registration_bar()
        layout.addWidget(self.tabs, 1)
        return content

    def set_registrations(
        self, service: RegistrationService | None, runner: ApiRunner | None = None
    ) -> None:
        """Show protection and "Register this customer…" (registration from
        the field), and notify the registry's decisions."""
        from erpdesk.ui.registration import DecisionNotifier

        self._registrations = (service, runner) if service is not None else None
        if service is not None:
            self.notifier = DecisionNotifier(service, self)
        if self._content is not None:
            self._add_registration_bar()
            self._show()

    def _add_registration_bar(self) -> None:
        if self._registrations is None or self.registration_bar is not None:
            return
        from erpdesk.ui.registration import RegistrationBar

        self.registration_bar = RegistrationBar(*self._registrations, parent=self)
        self._content_layout.insertWidget(3, self.registration_bar)

    def _build_overview(self) -> QWidget:
        inner = QWidget()
        self.gaps_box = QGroupBox()
        self.gaps_label = QLabel()
        self.gaps_label.setWordWrap(True)
        self.gaps_label.setTextFormat(Qt.TextFormat.PlainText)
        gaps_layout = QVBoxLayout(self.gaps_box)
        gaps_layout.addWidget(self.gaps_label)

        self.field_form = QFormLayout()
        self.field_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.field_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.field_captions: dict[str, QLabel] = {}
        self.field_values: dict[str, QLabel] = {}
        for key in _FIELDS:
            caption = QLabel()
            caption.setStyleSheet("color: #546e7a;")
            value = value_label()
            self.field_captions[key] = caption
            self.field_values[key] = value
            self.field_form.addRow(caption, value)

        layout = QVBoxLayout(inner)
        layout.addWidget(self.gaps_box)
        layout.addLayout(self.field_form)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        return scroll

    def _build_contacts(self) -> QWidget:
        page = QWidget()
        self.contact_model = ContactTableModel(self)
        self.contact_view = QTableView()
        self.contact_view.setModel(self.contact_model)
        self.contact_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contact_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.contact_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contact_view.verticalHeader().setVisible(False)
        self.contact_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.contact_view.doubleClicked.connect(lambda _i: self.edit_contact())
        self.add_contact_button = QPushButton()
        self.edit_contact_button = QPushButton()
        self.remove_contact_button = QPushButton()
        self.add_contact_button.clicked.connect(self.add_contact)
        self.edit_contact_button.clicked.connect(self.edit_contact)
        self.remove_contact_button.clicked.connect(self.remove_contact)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_contact_button)
        buttons.addWidget(self.edit_contact_button)
        buttons.addWidget(self.remove_contact_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.contact_view)
        return page

    def _build_activities(self) -> QWidget:
        page = QWidget()
        self.activity_model = ActivityListModel(self)
        self.activity_view = QListView()
        self.activity_view.setModel(self.activity_model)
        self.activity_view.setWordWrap(True)
        self.activity_view.setIconSize(QSize(24, 24))
        self.activity_view.setSpacing(4)
        self.activity_view.setUniformItemSizes(False)
        self.activity_view.setAlternatingRowColors(True)
        self.activity_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log_visit_button = QPushButton()
        self.log_call_button = QPushButton()
        self.log_visit_button.clicked.connect(lambda: self.log_activity(ActivityKind.VISIT))
        self.log_call_button.clicked.connect(lambda: self.log_activity(ActivityKind.CALL))
        self.no_activity_label = QLabel()
        self.no_activity_label.setStyleSheet("color: #78909c;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.log_visit_button)
        buttons.addWidget(self.log_call_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.no_activity_label)
        layout.addWidget(self.activity_view, 1)
        return page

    def set_deals(self, deals: DealService | None) -> None:
        """Show the customer's deals (销售机会) in a tab of their own."""
        self._deals = deals
        if self._content is not None:
            self._add_deals_tab()
            self._show()

    def _add_deals_tab(self) -> None:
        if self._deals is None or self.deals_tab is not None:
            return
        from erpdesk.ui.funnel.customer_deals import CustomerDeals

        self.deals_tab = CustomerDeals(self._deals)
        self.deals_tab.count_changed.connect(
            lambda n: self.tabs.setTabText(3, self.tr("Deals ({n})").format(n=n))
        )
        self.tabs.addTab(self.deals_tab, "")

    def set_todos(self, services: Callable[[], TodayServices]) -> None:
        """Show the customer's todos (待办) in a tab of their own."""
        self._todo_services = services
        if self._content is not None:
            self._add_todos_tab()
            self._show()

    def _add_todos_tab(self) -> None:
        if self._todo_services is None or self.todos_tab is not None:
            return
        from erpdesk.ui.today.customer_todos import CustomerTodos

        tab = CustomerTodos(self._todo_services)
        self.todos_tab = tab
        tab.count_changed.connect(
            lambda n: self.tabs.setTabText(
                self.tabs.indexOf(tab), self.tr("Todos ({n})").format(n=n)
            )
        )
        self.tabs.addTab(tab, "")

    def set_quotes(self, services: QuoteServices | None) -> None:
        """Show the customer's quotes (报价) in a tab of their own."""
        self._quote_services = services
        if self._content is not None:
            self._add_quotes_tab()
            self._show()

    def _add_quotes_tab(self) -> None:
        if self._quote_services is None or self.quotes_tab is not None:
            return
        from erpdesk.ui.quotes.quote_list import RelatedQuotes

        tab = RelatedQuotes(self._quote_services)
        self.quotes_tab = tab
        tab.count_changed.connect(
            lambda n: self.tabs.setTabText(
                self.tabs.indexOf(tab), self.tr("Quotes ({n})").format(n=n)
            )
        )
        self.tabs.addTab(tab, "")
        # the customer's own proposal (of no deal); the proposal service joins
        # the bundle after the window's first paint
        button = QPushButton(self.tr("Proposal…"))
        button.setToolTip(self.tr("A solution proposal for the customer without a deal"))
        button.clicked.connect(lambda: self.open_proposal())
        self.tabs.setCornerWidget(button)

    def set_presales(self, factory: Callable[[], PresalesServices] | None) -> None:
        """Offer "Ask for presales support…" through the window's presales
        services (*factory*, called when asked)."""
        self.presales_factory = factory
        if self._content is not None:
            self.presales_button.setVisible(factory is not None)

    def ask_presales(self) -> object:
        """A new support request of the shown customer (the dialog offers
        its open deals, or none)."""
        if not self.customer_id or self.presales_factory is None:
            return None
        from erpdesk.ui.presales.opener import open_request

        try:
            services = self.presales_factory()
        except DomainError as exc:
            self._warn(exc)
            return None
        return open_request(services, customer_id=self.customer_id, parent=self.window())

    def open_proposal(self) -> object:
        """The customer's own proposal (of no deal) in its editor."""
        from erpdesk.ui.quotes import root_window
        from erpdesk.ui.quotes.proposal_editor import open_customer_proposal

        services = self._quote_services
        if not self.customer_id or services is None or services.proposals is None:
            return None
        try:
            return open_customer_proposal(root_window(self), services.proposals, self.customer_id)
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Proposal"), exc.render(translate))
            return None

    # -- texts -------------------------------------------------------------------

    def _ensure_content(self) -> None:
        if self._content is None:
            self._content = self._build_content()
            self.pages.addWidget(self._content)
            self._retranslate_content()

    def retranslate_ui(self) -> None:
        self.empty_label.setText(self.tr("Select a customer to see its details"))
        if self._content is not None:
            self._retranslate_content()
            self._show()

    def _retranslate_content(self) -> None:
        self.registration_caption.setText(self.tr("Registration:"))
        self.edit_button.setText(self.tr("Edit…"))
        self.presales_button.setText(self.tr("Ask for presales support…"))
        self.gaps_box.setTitle(self.tr("What is missing before registration"))
        captions = {
            "uscc": self.tr("USCC"),
            "industry": self.tr("Industry"),
            "region": self.tr("Region"),
            "address": self.tr("Address"),
            "size_band": self.tr("Size"),
            "source": self.tr("Source"),
            "phone": self.tr("Phone"),
            "website": self.tr("Website"),
            "owner": self.tr("Owner"),
            "need": self.tr("Stated need"),
            "notes": self.tr("Notes"),
            "updated_at": self.tr("Updated"),
        }
        for key, caption in captions.items():
            self.field_captions[key].setText(caption)
        self.add_contact_button.setText(self.tr("Add contact…"))
        self.edit_contact_button.setText(self.tr("Edit…"))
        self.remove_contact_button.setText(self.tr("Remove"))
        self.log_visit_button.setText(self.tr("Log a visit"))
        self.log_call_button.setText(self.tr("Log a call"))
        self.no_activity_label.setText(self.tr("Nothing logged yet."))
        self.contact_model.retranslate()
        self.activity_model.retranslate()
        if self.deals_tab is not None:
            self.deals_tab.retranslate()
        if self.quotes_tab is not None:
            self.quotes_tab.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- showing -----------------------------------------------------------------

    @property
    def customer_id(self) -> str | None:
        return self._detail.customer.id if self._detail else None

    @property
    def detail(self) -> CustomerDetail | None:
        return self._detail

    def show_customer(self, customer_id: str | None) -> None:
        """Show *customer_id* (None: nothing)."""
        self._detail = None
        if customer_id:
            try:
                self._detail = self._service.detail(customer_id)
            except NotFound:
                self._detail = None
        self._show()

    def reload(self) -> None:
        self.show_customer(self.customer_id)

    def _on_change(self, change: Change) -> None:
        current = self.customer_id
        if current and (not change.ids or current in change.ids):
            self.reload()

    def _show(self) -> None:
        detail = self._detail
        self.shown.emit(detail.customer.id if detail else "")
        if detail is None:
            self.pages.setCurrentIndex(0)
            if self._content is not None:
                self.contact_model.set_contacts([])
                self.activity_model.set_activities([])
                if self.deals_tab is not None:
                    self.deals_tab.show_customer(None)
                if self.quotes_tab is not None:
                    self.quotes_tab.show_customer(None)
            return
        self._ensure_content()
        self.pages.setCurrentIndex(1)
        c = detail.customer
        self.name_label.setText(c.name)
        self.subtitle_label.setText(
            "  ·  ".join(part for part in (c.short_name, enum_text(c.status)) if part)
        )
        self.registration_label.setText(enum_text(c.registration))
        self.registration_label.setStyleSheet(
            _BADGE.format(colour=_BADGE_COLOURS.get(c.registration, "#78909c"))
        )
        self.registration_label.setToolTip(
            self.tr("Registration is decided by the customer administrator and arrives by sync")
        )
        if self.registration_bar is not None:
            self.registration_bar.show_customer(c.id)
        source = enum_text(c.source)
        if c.source_detail:
            source = f"{source} ({c.source_detail})"
        values = {
            "uscc": c.uscc,
            "industry": enum_text(c.industry),
            "region": region_text(c.province, c.city),
            "address": c.address,
            "size_band": enum_text(c.size_band),
            "source": source,
            "phone": c.phone,
            "website": c.website,
            "owner": c.owner,
            "need": c.need,
            "notes": c.notes,
            "updated_at": local_time_text(c.updated_at),
        }
        for key, value in values.items():
            self.field_values[key].setText(value or "—")
        self._show_gaps()
        self.contact_model.set_contacts(detail.contacts)
        self.activity_model.set_activities(detail.activities, detail.contacts)
        self.no_activity_label.setVisible(not detail.activities)
        self.tabs.setTabText(0, self.tr("Overview"))
        self.tabs.setTabText(1, self.tr("Contacts ({n})").format(n=len(detail.contacts)))
        self.tabs.setTabText(2, self.tr("Activities ({n})").format(n=len(detail.activities)))
        if self.deals_tab is not None:
            self.deals_tab.show_customer(c.id)  # its count_changed names the tab
        if self.quotes_tab is not None:
            self.quotes_tab.show_customer(c.id)
        if self.todos_tab is not None:
            self.todos_tab.show_customer(c.id, c.name)

    def _show_gaps(self) -> None:
        assert self._detail is not None
        gaps = self._detail.gaps
        if gaps:
            self.gaps_label.setText("\n".join(f"• {p.render(translate)}" for p in gaps))
            self.gaps_label.setStyleSheet(WARNING_STYLE)
        elif self._detail.customer.registration in (
            Registration.UNREGISTERED, Registration.INVALID
        ):
            self.gaps_label.setText(self.tr("✓ Ready to register"))
            self.gaps_label.setStyleSheet(OK_STYLE + " font-weight: bold;")
        else:  # asked for or decided already: nothing to register
            self.gaps_label.setText(self.tr("✓ Nothing is missing"))
            self.gaps_label.setStyleSheet(OK_STYLE)

    # -- actions -----------------------------------------------------------------

    def _request_edit(self) -> None:
        if self.customer_id:
            self.edit_requested.emit(self.customer_id)

    def _selected_contact_row(self) -> int:
        if self._content is None:
            return -1
        index = self.contact_view.currentIndex()
        return index.row() if index.isValid() else -1

    def add_contact(self) -> ContactDialog | None:
        if not self.customer_id:
            return None
        from erpdesk.ui.record_dialogs import ContactDialog

        dialog = ContactDialog(self._service, self.customer_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit_contact(self) -> ContactDialog | None:
        row = self._selected_contact_row()
        contact = self.contact_model.contact_at(row) if row >= 0 else None
        if not self.customer_id or contact is None:
            return None
        from erpdesk.ui.record_dialogs import ContactDialog

        dialog = ContactDialog(self._service, self.customer_id, contact, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def remove_contact(self) -> None:
        row = self._selected_contact_row()
        contact = self.contact_model.contact_at(row) if row >= 0 else None
        if contact is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove contact"),
            self.tr("Remove the contact {name}?").format(name=contact.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._service.remove_contact(contact.id)
        except DomainError as exc:
            self._warn(exc)

    def log_activity(self, kind: ActivityKind = ActivityKind.VISIT) -> ActivityDialog | None:
        if self._detail is None:
            return None
        from erpdesk.ui.record_dialogs import ActivityDialog

        dialog = ActivityDialog(
            self._service, self._detail.customer.id, kind, self._detail.contacts, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _warn(self, exc: DomainError) -> None:
        QMessageBox.warning(self, self.tr("ERPDesk"), exc.render(translate))
