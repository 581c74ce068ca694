"""Exemptions from release to the pool: a protected customer that must not
go to the pool (a won customer, an open deal) is exempted with a reason;
ending the exemption (with a reason) restarts its protection from now."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from erpdesk.sync.workbench_api import RegistryCustomer
from erpdesk.ui.admin.allocation import customer_status_text
from erpdesk.ui.admin.picker import CustomerPicker
from erpdesk.ui.widgets import local_time_text
from erpdesk.ui.workbench.common import RegistryView
from erpdesk.ui.workbench.runner import ApiRunner, MessageBar

REASON_LENGTH = 500


class ExemptionView(RegistryView):
    """Grant or end one customer's exemption.

    Signals:
        changed(object): the exemption was granted or ended (the ``RegistryCustomer``).
    """

    changed = Signal(object)

    def __init__(self, runner: ApiRunner, message: MessageBar,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, message, parent)
        self.customer: RegistryCustomer | None = None
        self.picker = CustomerPicker(runner, message)
        self.picker.chosen.connect(self.show_customer)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason = QLineEdit()
        self.reason.setMaxLength(REASON_LENGTH)
        self.grant_button = QPushButton()
        self.grant_button.clicked.connect(lambda: self.set_exempt(True, self.reason.text()))
        self.revoke_button = QPushButton()
        self.revoke_button.clicked.connect(lambda: self.set_exempt(False, self.reason.text()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.reason, 1)
        buttons.addWidget(self.grant_button)
        buttons.addWidget(self.revoke_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.picker.retranslate_ui()
        self.reason.setPlaceholderText(self.tr("Reason (required, at most 500 characters)"))
        self.grant_button.setText(self.tr("Exempt from release"))
        self.revoke_button.setText(self.tr("End the exemption"))
        self._show()

    def show_customer(self, customer_id: str) -> None:
        self._call(lambda api: api.customer(customer_id), self.set_customer)

    def set_exempt(self, exempt: bool, reason: str) -> None:
        customer = self.customer
        if customer is None:
            return
        if not reason.strip():
            self._refuse(self.tr("Give the reason for the exemption"), self.reason)
            return
        self._call(lambda api: api.set_exemption(customer.id, exempt, reason.strip()),
                   self._changed)

    def set_customer(self, customer: RegistryCustomer) -> None:
        self.customer = customer
        self._show()

    def _changed(self, customer: RegistryCustomer) -> None:
        self.customer = customer
        self.reason.clear()
        text = (self.tr("{company} is exempt from release to the pool") if customer.exempt
                else self.tr("{company} is no longer exempt; its protection restarts now"))
        self._message.show_message("done", text.format(company=customer.name))
        self._show()
        self.changed.emit(customer)

    def _show(self) -> None:
        c = self.customer
        self.grant_button.setEnabled(c is not None and c.status == "protected" and not c.exempt)
        self.revoke_button.setEnabled(c is not None and c.exempt)
        if c is None:
            self.state.setText(self.tr("Find a protected customer to exempt it from release "
                                       "to the pool (a won customer, an open deal)."))
            return
        lines = [c.name, self.tr("Status: {status}; owner: {owner}").format(
            status=customer_status_text(c.status),
            owner=c.owner_display_name or c.owner or "—")]
        if c.exempt:
            lines.append(self.tr("Exempt since {since}: {reason}").format(
                since=local_time_text(c.exempt_since), reason=c.exempt_reason or ""))
        elif c.exempt_by_deal:
            lines.append(self.tr("Held by an open deal ({count} open): not released to the "
                                 "pool while a deal is open").format(count=c.open_deals))
        elif c.release_due_at:
            lines.append(self.tr("Not exempt: released to the pool if not followed up by "
                                 "{due}").format(due=local_time_text(c.release_due_at)))
        self.state.setText("\n".join(lines))
