"""The pool (公海) as the administrator sees it: the customers released for
want of follow-up, most recent first, searchable.  Reps claim from the pool
on their own desks; the administrator allocates a pool customer to a rep
(the registry checks the company is free)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from erpdesk.domain.customer import Industry, SizeBand
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.sync.workbench_api import PoolCustomer, PoolPage
from erpdesk.ui.table_models import RowTableModel
from erpdesk.ui.widgets import enum_text_of, local_time_text
from erpdesk.ui.workbench.common import RegistryView, row_table
from erpdesk.ui.workbench.runner import ApiRunner, MessageBar

CONTEXT = "PoolModel"
HEADERS = (
    QT_TRANSLATE_NOOP("PoolModel", "Company"),
    QT_TRANSLATE_NOOP("PoolModel", "Industry"),
    QT_TRANSLATE_NOOP("PoolModel", "Size"),
    QT_TRANSLATE_NOOP("PoolModel", "Region"),
    QT_TRANSLATE_NOOP("PoolModel", "Released"),
)
PAGE = 200


class PoolModel(RowTableModel[PoolCustomer]):
    context = CONTEXT
    headers = HEADERS

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        c = self.row_at(index.row()) if index.isValid() else None
        if c is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (c.name, enum_text_of(Industry, c.industry), enum_text_of(SizeBand, c.size_band),
                " ".join(p for p in (c.province, c.city) if p),
                local_time_text(c.released_at))[index.column()]


class PoolView(RegistryView):
    """The pool, searchable.

    Signals:
        loaded(int): a page arrived (the total in the pool matching).
        allocate_requested(str): allocate this pool customer (its id).
    """

    loaded = Signal(int)
    allocate_requested = Signal(str)

    def __init__(self, runner: ApiRunner, message: MessageBar,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, message, parent)
        self.search = QLineEdit()
        self.search.returnPressed.connect(self.refresh)
        self.search_button = QPushButton()
        self.search_button.clicked.connect(self.refresh)
        self.total = QLabel()
        self.model = PoolModel(self)
        self.table = row_table(self.model)
        self.table.doubleClicked.connect(lambda _i: self._allocate())
        self.allocate_button = QPushButton()
        self.allocate_button.clicked.connect(self._allocate)
        self.rules = QLabel()
        self.rules.setWordWrap(True)
        self.rules.setStyleSheet("color: #607d8b;")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.search_button)
        top.addWidget(self.allocate_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.total)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.rules)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Search the pool by company name"))
        self.search_button.setText(self.tr("Search"))
        self.allocate_button.setText(self.tr("Allocate to a rep…"))
        self.rules.setText(self.tr(
            "Customers nobody followed up are released here. Reps claim them on their own "
            "desks, within their cap, a daily limit and a cool-down for the rep who lost the "
            "customer; you may allocate one to a rep."))

    def refresh(self) -> None:
        q = self.search.text().strip()
        self._call(lambda api: api.pool(q, limit=PAGE), self._arrived)

    def _arrived(self, page: PoolPage) -> None:
        self.model.set_rows(page.customers)
        shown = len(page.customers)
        if page.total > shown:
            self.total.setText(self.tr("{total} customers in the pool; the first {n} shown")
                               .format(total=page.total, n=shown))
        else:
            self.total.setText(self.tr("{total} customers in the pool").format(total=page.total))
        self.loaded.emit(page.total)

    def _allocate(self) -> None:
        c = self.model.row_at(self.table.currentIndex().row())
        if c is None:
            self._refuse(self.tr("Select a customer in the pool"))
            return
        self.allocate_requested.emit(c.id)
