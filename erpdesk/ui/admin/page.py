"""The customer administrator's workbench: one page of tabs over the
registry (the registration queue, leads to sign for, allocation, the pool,
exemptions, a customer's trail), a message line for what failed or was
done, and the calls on a worker thread."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from erpdesk.sync.workbench_api import RegistryCustomer
from erpdesk.ui.admin.allocation import AllocationView
from erpdesk.ui.admin.audit import AuditView
from erpdesk.ui.admin.exemptions import ExemptionView
from erpdesk.ui.admin.lead_desk import LeadDesk
from erpdesk.ui.admin.pool import PoolView
from erpdesk.ui.admin.registration_queue import RegistrationQueue
from erpdesk.ui.admin.runner import ApiRunner, MessageBar


class AdminPage(QWidget):
    """The administrator's tabs; the first shown loads its data."""

    def __init__(self, runner: ApiRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adminPage")
        self.runner = runner
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.message = MessageBar()
        self.queue = RegistrationQueue(runner, self.message)
        self.leads = LeadDesk(runner, self.message)
        self.allocation = AllocationView(runner, self.message)
        self.pool = PoolView(runner, self.message)
        self.exemptions = ExemptionView(runner, self.message)
        self.audit = AuditView(runner, self.message)
        self.tabs = QTabWidget()
        for view in (self.queue, self.leads, self.allocation, self.pool, self.exemptions,
                     self.audit):
            self.tabs.addTab(view, "")
        self._loaded: set[int] = set()
        self.tabs.currentChanged.connect(self._tab_shown)
        self.pool.allocate_requested.connect(self.allocate_customer)
        self.queue.recorded.connect(lambda entry: self.allocation.show_customer(entry.customer_id)
                                    if entry.status == "verified" else None)
        self.allocation.customer_shown.connect(self._share_customer)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Customer administration"))
        for index, text in enumerate((
            self.tr("Registration queue"), self.tr("Leads to sign for"), self.tr("Allocation"),
            self.tr("Pool"), self.tr("Exemptions"), self.tr("Customer trail"),
        )):
            self.tabs.setTabText(index, text)
        for view in (self.queue, self.leads, self.allocation, self.pool, self.exemptions,
                     self.audit):
            view.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Load the queue and the leads (the badges' numbers) and the pool."""
        self.message.clear_message()
        self.queue.refresh()
        self.leads.refresh()
        self.pool.refresh()
        self._loaded.update({0, 1, 3})

    def showEvent(self, event: QShowEvent) -> None:
        if not self._loaded:
            self.refresh()
        super().showEvent(event)

    def allocate_customer(self, customer_id: str) -> None:
        self.tabs.setCurrentWidget(self.allocation)
        self.allocation.show_customer(customer_id)

    def _share_customer(self, customer: object) -> None:
        """The exemption and trail tabs follow the customer chosen for allocation."""
        if isinstance(customer, RegistryCustomer):
            self.exemptions.set_customer(customer)
            self.audit.set_customer(customer)

    def _tab_shown(self, index: int) -> None:
        if index in self._loaded:
            return
        views = {0: self.queue.refresh, 1: self.leads.refresh, 3: self.pool.refresh}
        if index in views:
            views[index]()
            self._loaded.add(index)

    def close_page(self) -> None:
        self.runner.close()
