"""A customer's trail on the registry: the dated steps its record holds
(verified, protected, followed up, due for release, released, exempted),
oldest first.  The registry's API v1 serves no audit-log endpoint yet; this
view shows what the customer's record carries, and says so."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.sync.workbench_api import RegistryCustomer
from erpdesk.ui.admin.allocation import customer_status_text
from erpdesk.ui.admin.picker import CustomerPicker
from erpdesk.ui.admin.runner import ApiRunner, MessageBar
from erpdesk.ui.widgets import local_time_text

CONTEXT = "AuditView"
STEPS = (
    ("verified_at", QT_TRANSLATE_NOOP("AuditView", "Registration verified by the call-back")),
    ("protected_since", QT_TRANSLATE_NOOP("AuditView", "Protected for {owner}")),
    ("last_follow_up_at", QT_TRANSLATE_NOOP("AuditView", "Last follow-up")),
    ("exempt_since", QT_TRANSLATE_NOOP("AuditView", "Exempted from release: {reason}")),
    ("released_at", QT_TRANSLATE_NOOP("AuditView", "Released to the pool")),
    ("release_due_at", QT_TRANSLATE_NOOP("AuditView", "Due for release unless followed up")),
    ("protected_until", QT_TRANSLATE_NOOP("AuditView", "Protection ends at the latest")),
)


def trail(customer: RegistryCustomer) -> list[tuple[datetime, str]]:
    """(when, what) of each dated step of *customer*, oldest first."""
    steps: list[tuple[datetime, str]] = []
    for name, text in STEPS:
        moment = getattr(customer, name)
        if moment is None:
            continue
        steps.append((moment, QCoreApplication.translate(CONTEXT, text).format(
            owner=customer.owner_display_name or customer.owner or "—",
            reason=customer.exempt_reason or "")))
    return sorted(steps, key=lambda step: step[0])


class AuditView(QWidget):
    """One customer's trail."""

    def __init__(self, runner: ApiRunner, message: MessageBar,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._message = message
        self.customer: RegistryCustomer | None = None
        self.picker = CustomerPicker(runner, message)
        self.picker.chosen.connect(self.show_customer)
        self.heading = QLabel()
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(2)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #607d8b;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.picker.retranslate_ui()
        self.tree.setHeaderLabels([self.tr("When"), self.tr("What")])
        self.note.setText(self.tr(
            "Who changed what and why (call-backs, allocations, exemptions with their reasons) "
            "is kept in the registry's audit log; this desk shows the dates the customer's "
            "record carries."))
        self._show()

    def show_customer(self, customer_id: str) -> None:
        self._runner.run(lambda api: api.customer(customer_id), self.set_customer,
                         self._message.show_message)

    def set_customer(self, customer: RegistryCustomer) -> None:
        self.customer = customer
        self._show()

    def _show(self) -> None:
        self.tree.clear()
        c = self.customer
        if c is None:
            self.heading.setText(self.tr("Find a customer to see its trail on the registry."))
            return
        self.heading.setText(self.tr("{company}: {status}, owner {owner}").format(
            company=c.name, status=customer_status_text(c.status),
            owner=c.owner_display_name or c.owner or "—"))
        for moment, text in trail(c):
            self.tree.addTopLevelItem(QTreeWidgetItem([local_time_text(moment), text]))
