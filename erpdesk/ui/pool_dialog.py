"""The pool (公海) for a rep: browse it and claim a customer (online only).

Reuses the administrator's pool table (``ui.admin.pool.PoolModel``) and
the workbench's ``ApiRunner``, so every call runs off the UI thread.  A
claimed customer arrives on the desk by the next sync (the pull grants it
with its contacts and activities)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from erpdesk.sync.workbench_api import PoolPage, RegistryCustomer
from erpdesk.ui.admin.pool import PAGE, PoolModel
from erpdesk.ui.workbench.common import row_table
from erpdesk.ui.workbench.runner import ApiRunner, MessageBar


class PoolDialog(QDialog):
    """Search the pool and claim one customer at a time."""

    def __init__(self, runner: ApiRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.setWindowTitle(self.tr("The pool"))
        self.message = MessageBar()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the pool by company name"))
        self.search.returnPressed.connect(self.refresh)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.clicked.connect(self.refresh)
        self.total = QLabel()
        self.model = PoolModel(self)
        self.table = row_table(self.model)
        self.claim_button = QPushButton(self.tr("Claim"))
        self.claim_button.clicked.connect(self.claim)
        self.rules = QLabel(self.tr(
            "A claimed customer is protected for you at once and arrives with the next sync. "
            "Claims count against your cap and a daily limit."))
        self.rules.setWordWrap(True)
        self.rules.setStyleSheet("color: #607d8b;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.search_button)
        top.addWidget(self.claim_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(top)
        layout.addWidget(self.total)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.rules)
        layout.addWidget(buttons)
        self.resize(720, 480)
        self.refresh()

    def refresh(self) -> None:
        q = self.search.text().strip()
        self._runner.run(lambda api: api.pool(q, limit=PAGE), self._arrived,
                         self.message.show_message)

    def _arrived(self, page: PoolPage) -> None:
        self.model.set_rows(page.customers)
        self.total.setText(self.tr("{total} customers in the pool").format(total=page.total))

    def claim(self) -> None:
        c = self.model.row_at(self.table.currentIndex().row())
        if c is None:
            self.message.show_message("error", self.tr("Select a customer in the pool"))
            return
        self._runner.run(lambda api: api.claim(c.id), self._claimed, self.message.show_message)

    def _claimed(self, customer: RegistryCustomer) -> None:
        self.message.show_message("done", self.tr(
            "{name} is now protected for you; it arrives with the next sync").format(
                name=customer.name))
        self.refresh()
