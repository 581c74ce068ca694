"""Allocation: a customer's registry record, the reps the registry suggests
for it (score, reasons, the customers each holds against the cap), and the
administrator's decision with a reason: allocate to a rep, or release to the
pool."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.sync.workbench_api import RegistryCustomer, Suggestion, Suggestions, WorkbenchApi
from erpdesk.ui.admin.picker import CustomerPicker
from erpdesk.ui.table_models import RowTableModel
from erpdesk.ui.widgets import local_time_text
from erpdesk.ui.workbench.common import RegistryView, html_escape, row_table
from erpdesk.ui.workbench.runner import ApiRunner, MessageBar

CONTEXT = "SuggestionModel"
HEADERS = (
    QT_TRANSLATE_NOOP("SuggestionModel", "Rep"),
    QT_TRANSLATE_NOOP("SuggestionModel", "Team"),
    QT_TRANSLATE_NOOP("SuggestionModel", "Score"),
    QT_TRANSLATE_NOOP("SuggestionModel", "Customers held"),
    QT_TRANSLATE_NOOP("SuggestionModel", "Why"),
)
CRITERIA = {
    "industry": QT_TRANSLATE_NOOP("SuggestionModel", "industry"),
    "size_band": QT_TRANSLATE_NOOP("SuggestionModel", "size"),
    "location": QT_TRANSLATE_NOOP("SuggestionModel", "location"),
    "ability": QT_TRANSLATE_NOOP("SuggestionModel", "ability"),
    "load": QT_TRANSLATE_NOOP("SuggestionModel", "load"),
}
STATUS_TEXTS = {
    "pending": QT_TRANSLATE_NOOP("SuggestionModel", "pending call-back"),
    "protected": QT_TRANSLATE_NOOP("SuggestionModel", "protected"),
    "pool": QT_TRANSLATE_NOOP("SuggestionModel", "in the pool"),
    "invalid": QT_TRANSLATE_NOOP("SuggestionModel", "invalid"),
    "unregistered": QT_TRANSLATE_NOOP("SuggestionModel", "not registered"),
}


def customer_status_text(code: str) -> str:
    return QCoreApplication.translate(CONTEXT, STATUS_TEXTS.get(code, code))


class SuggestionModel(RowTableModel[Suggestion]):
    """The suggested reps, best first (a rep at the cap last, greyed)."""

    context = CONTEXT
    headers = HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rep_cap = 0

    def set_suggestions(self, found: Suggestions | None) -> None:
        self.rep_cap = found.rep_cap if found else 0
        self.set_rows(found.suggestions if found else [])

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        s = self.row_at(index.row()) if index.isValid() else None
        if s is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                name = s.display_name or s.username
                if s.current_owner:
                    name += QCoreApplication.translate("SuggestionModel", " (holds it now)")
                return name
            if column == 1:
                return s.team
            if column == 2:
                return f"{s.score:.1f}"
            if column == 3:
                text = f"{s.held}/{self.rep_cap}"
                if s.at_cap:
                    text += QCoreApplication.translate("SuggestionModel", " — at the cap")
                return text
            return ", ".join(
                f"{QCoreApplication.translate(CONTEXT, CRITERIA.get(r.criterion, r.criterion))}"
                f" +{r.points:g}" for r in s.reasons if r.matched
            )
        if role == Qt.ItemDataRole.ForegroundRole and s.at_cap:
            return QBrush(QColor("#9e9e9e"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class AllocationView(RegistryView):
    """One customer's allocation.

    Signals:
        customer_shown(object): the customer's record arrived (``RegistryCustomer``).
        allocated(object): allocated or released (the new ``RegistryCustomer``).
    """

    customer_shown = Signal(object)
    allocated = Signal(object)

    def __init__(self, runner: ApiRunner, message: MessageBar,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, message, parent)
        self.customer: RegistryCustomer | None = None
        self.picker = CustomerPicker(runner, message)
        self.picker.chosen.connect(self.show_customer)
        self.record = QLabel()
        self.record.setWordWrap(True)
        self.record.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = SuggestionModel(self)
        self.table = row_table(self.model)
        self.reason = QLineEdit()
        self.reason.setMaxLength(2000)
        self.allocate_button = QPushButton()
        self.allocate_button.clicked.connect(self._allocate_selected)
        self.release_button = QPushButton()
        self.release_button.clicked.connect(self._release)
        self.suggest_label = QLabel()
        decide = QHBoxLayout()
        decide.addWidget(self.reason, 1)
        decide.addWidget(self.allocate_button)
        decide.addWidget(self.release_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.record)
        layout.addWidget(self.suggest_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(decide)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.picker.retranslate_ui()
        self.suggest_label.setText(self.tr("Suggested reps (project type, size, location, "
                                           "ability, load):"))
        self.reason.setPlaceholderText(self.tr("Reason (required, kept in the audit log)"))
        self.allocate_button.setText(self.tr("Allocate to the selected rep"))
        self.release_button.setText(self.tr("Release to the pool"))
        self._show_record()

    def show_customer(self, customer_id: str) -> None:
        """Load the customer's record and its suggested reps."""

        def load(api: WorkbenchApi) -> tuple[RegistryCustomer, Suggestions]:
            return api.customer(customer_id), api.suggestions(customer_id, limit=10)

        self._call(load, self._arrived)

    def allocate(self, rep: str, reason: str) -> None:
        customer = self.customer
        if customer is None:
            return
        if not reason.strip():
            self._refuse(self.tr("Give the reason for the allocation"), self.reason)
            return
        self._call(lambda api: api.allocate(customer.id, rep, reason.strip()), self._decided)

    def release(self, reason: str) -> None:
        customer = self.customer
        if customer is None:
            return
        if not reason.strip():
            self._refuse(self.tr("Give the reason for the release"), self.reason)
            return
        self._call(lambda api: api.release(customer.id, reason.strip()), self._decided)

    def _allocate_selected(self) -> None:
        chosen = self.model.row_at(self.table.currentIndex().row())
        if chosen is None:
            self._refuse(self.tr("Select the rep to allocate to"))
            return
        self.allocate(chosen.username, self.reason.text())

    def _release(self) -> None:
        self.release(self.reason.text())

    def _arrived(self, result: tuple[RegistryCustomer, Suggestions]) -> None:
        self.customer, found = result
        self.model.set_suggestions(found)
        if self.model.rows:
            self.table.selectRow(0)
        self._show_record()
        self.customer_shown.emit(self.customer)

    def _decided(self, customer: RegistryCustomer) -> None:
        self.reason.clear()
        if customer.status == "pool":
            text = self.tr("{company} was released to the pool")
        else:
            text = self.tr("{company} is now allocated to {rep}")
        self._message.show_message("done", text.format(
            company=customer.name, rep=customer.owner_display_name or customer.owner or ""))
        self.allocated.emit(customer)
        self.show_customer(customer.id)

    def _show_record(self) -> None:
        c = self.customer
        self.allocate_button.setEnabled(c is not None)
        self.release_button.setEnabled(c is not None and c.status == "protected")
        if c is None:
            self.record.setText(self.tr("Find a customer, or choose one in the queue or the "
                                        "pool."))
            return
        owner = c.owner_display_name or c.owner or "—"
        lines = [f"<b>{html_escape(c.name)}</b> {html_escape(c.uscc)}",
                 self.tr("Status: {status}; owner: {owner}").format(
                     status=customer_status_text(c.status), owner=html_escape(owner))]
        if c.protected_until:
            lines.append(self.tr("Protected until {until}; released if not followed up by "
                                 "{due}").format(until=local_time_text(c.protected_until),
                                                 due=local_time_text(c.release_due_at) or "—"))
        if c.exempt:
            lines.append(self.tr("Exempt from release: {reason}").format(
                reason=html_escape(c.exempt_reason or "")))
        self.record.setText("<br>".join(lines))
