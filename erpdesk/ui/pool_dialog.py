"""The pool (公海) for a rep: browse it and claim a customer (online only).

Reuses the administrator's pool table (``ui.admin.pool.PoolModel``, with a
column of how long each customer has been in the pool) and the workbench's
``ApiRunner``, so every call runs off the UI thread.  A claimed customer
arrives on the desk by the next sync (the pull grants it with its contacts
and activities).  A claim the registry refuses (the daily limit, the
cool-down after losing the customer, the cap, someone faster) is told with
the registry's reason, in the language the runner asks for; without a
connection the dialog says that the pool needs one and nothing was claimed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.sync.client import RequestRefused
from erpdesk.sync.workbench_api import PoolPage, RegistryCustomer, WorkbenchApi
from erpdesk.ui.admin.pool import HEADERS, PAGE, PoolModel
from erpdesk.ui.form_fit import fit_to_screen
from erpdesk.ui.widgets import to_local
from erpdesk.ui.workbench.common import row_table
from erpdesk.ui.workbench.runner import ApiRunner, MessageBar

IN_POOL = len(HEADERS)  # the column added to the administrator's


class ClaimModel(PoolModel):
    """The pool as a rep chooses from it: the administrator's columns and
    how long each customer has been in the pool (``now`` may be set)."""

    # one column more than the administrator's (mypy took PoolModel's for five)
    headers = (*HEADERS, QT_TRANSLATE_NOOP("PoolModel", "In the pool"))  # type: ignore[assignment]

    def __init__(
        self, parent: QObject | None = None, now: Callable[[], datetime] | None = None
    ) -> None:
        super().__init__(parent)
        self._now = now or (lambda: datetime.now(UTC))

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == IN_POOL:
            c = self.row_at(index.row())
            if c is None or role != Qt.ItemDataRole.DisplayRole:
                return None
            return time_in_pool(c.released_at, self._now())
        return super().data(index, role)


def time_in_pool(released: datetime | None, now: datetime) -> str:
    """"less than a day", "1 day", "12 days" (translated); "" when unknown."""
    if released is None:
        return ""
    days = (now - released).days
    if days < 1:
        return QCoreApplication.translate("PoolModel", "less than a day")
    if days == 1:
        return QCoreApplication.translate("PoolModel", "1 day")
    return QCoreApplication.translate("PoolModel", "{n} days").format(n=days)


@dataclass(frozen=True)
class _Refused:
    """A claim the registry refused, with its reason (in the runner's language)."""

    reason: str


def _claim(customer_id: str) -> Callable[[WorkbenchApi], RegistryCustomer | _Refused]:
    """The claim as a call on the worker: a refusal is an answer, not a failure."""

    def call(api: WorkbenchApi) -> RegistryCustomer | _Refused:
        try:
            return api.claim(customer_id)
        except RequestRefused as exc:
            return _Refused(str(exc.params.get("detail") or exc.render()))

    return call


class PoolDialog(QDialog):
    """Search the pool and claim one customer at a time.

    Signals:
        loaded(int): a page of the pool arrived (how many customers match).
        claimed(object): the registry's record of the customer just claimed
            (a ``RegistryCustomer``, protected for the rep).
        refused(str): a claim was refused, or could not be sent (the text shown).
    """

    loaded = Signal(int)
    claimed = Signal(object)
    refused = Signal(str)

    def __init__(self, runner: ApiRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._page: PoolPage | None = None
        self._query = ""
        self._claiming = False
        self.message = MessageBar()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.refresh)
        self.search_button = QPushButton()
        self.search_button.clicked.connect(self.refresh)
        self.total = QLabel()
        self.model = ClaimModel(self)
        self.table = row_table(self.model)
        header = self.table.horizontalHeader()  # the company's name takes the room left
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.model.modelReset.connect(self._enable)
        self.rules = QLabel()
        self.rules.setWordWrap(True)
        self.rules.setStyleSheet("color: #607d8b;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.claim_button = QPushButton()
        self.claim_button.clicked.connect(self.claim)
        self.buttons.addButton(self.claim_button, QDialogButtonBox.ButtonRole.ActionRole)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(top)
        layout.addWidget(self.total)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.rules)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self._enable()
        fit_to_screen(self, 860, 480)
        self.refresh()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("The pool"))
        self.search.setPlaceholderText(self.tr("Search the pool by company name"))
        self.search_button.setText(self.tr("Search"))
        self.claim_button.setText(self.tr("Claim"))
        self.claim_button.setToolTip(self.tr("Claim the selected customer"))
        self.rules.setText(self.tr(
            "A claimed customer is protected for you at once and arrives with the next sync. "
            "Claims count against your cap and a daily limit."))
        self.model.retranslate()
        self._show_total()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- the list ------------------------------------------------------------

    def refresh(self) -> None:
        """Ask the registry for the pool (matching the search text)."""
        q = self.search.text().strip()
        self._query = q
        self._page = None
        self.total.setText(self.tr("Loading the pool…"))
        self._runner.run(lambda api: api.pool(q, limit=PAGE), self._while_open(self._arrived),
                         self._while_open(lambda kind, text: self._failed(kind, text,
                                                                          claiming=False)))

    def _while_open(self, answer: Callable[..., None]) -> Callable[..., None]:
        """*answer*, skipped once the dialog is gone (closed while a call ran:
        the runner outlives it)."""

        def call(*args: Any) -> None:
            if shiboken6.isValid(self):
                answer(*args)

        return call

    def _arrived(self, page: PoolPage) -> None:
        self._page = page
        self.model.set_rows(page.customers)
        self._show_total()
        self.loaded.emit(page.total)

    def _show_total(self) -> None:
        page = self._page
        if page is None:
            return
        shown = len(page.customers)
        if page.total == 0 and self._query:
            text = self.tr("No customer in the pool matches “{query}”").format(query=self._query)
        elif page.total == 0:
            text = self.tr("The pool is empty")
        elif page.total > shown:
            text = self.tr("{total} customers in the pool; the first {n} shown").format(
                total=page.total, n=shown)
        else:
            text = self.tr("{total} customers in the pool").format(total=page.total)
        self.total.setText(text)

    def _enable(self) -> None:
        selected = self.table.selectionModel().hasSelection()
        self.claim_button.setEnabled(selected and not self._claiming)

    # -- claiming ------------------------------------------------------------

    def claim(self) -> None:
        """Claim the selected customer."""
        rows = self.table.selectionModel().selectedRows()
        c = self.model.row_at(rows[0].row()) if rows else None
        if c is None:
            self.message.show_message("error", self.tr("Select a customer in the pool"))
            return
        self._claiming = True
        self._enable()
        self.message.clear_message()
        self._runner.run(_claim(c.id), self._while_open(lambda got: self._claimed(c.name, got)),
                         self._while_open(lambda kind, text: self._failed(kind, text,
                                                                          claiming=True)))

    def _claimed(self, name: str, answer: RegistryCustomer | _Refused) -> None:
        self._claiming = False
        if isinstance(answer, _Refused):
            text = self.tr("{name} was not claimed: {reason}").format(
                name=name, reason=answer.reason)
            self.message.show_message("error", text)
            self.refused.emit(text)
        else:
            local = to_local(answer.protected_until)
            if local is not None:
                text = self.tr(
                    "{name} is now protected for you until {until}; it arrives with the next "
                    "sync").format(name=answer.name, until=local.date().isoformat())
            else:
                text = self.tr("{name} is now protected for you; it arrives with the next sync"
                               ).format(name=answer.name)
            self.message.show_message("done", text)
            self.claimed.emit(answer)
        self.refresh()  # a claim changes the pool (someone may have been faster)

    def _failed(self, kind: str, text: str, *, claiming: bool) -> None:
        if claiming:
            self._claiming = False
            self._enable()
        else:
            self._page = None
            self.model.set_rows([])
            self.total.setText("")
        if kind == "offline":
            text = (self.tr("The registry cannot be reached: nothing was claimed. Claim when "
                            "you are online.") if claiming else
                    self.tr("The registry cannot be reached: the pool is shown when you are "
                            "online."))
        self.message.show_message(kind, text)
        if claiming:
            self.refused.emit(text)
