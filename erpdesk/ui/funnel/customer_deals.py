"""A customer's deals on its detail panel: a table (deal, stage, status,
amount, close date), "New deal…", and a double-click opens the deal page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.deal import DealStatus
from erpdesk.domain.errors import DomainError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.services.events import Change
from erpdesk.ui.funnel.worksheet_widgets import name_text
from erpdesk.ui.widgets import FeedBridge, enum_text, translate

if TYPE_CHECKING:
    from erpdesk.services.deals import DealService
    from erpdesk.storage.deal_queries import BoardCard

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_HEADER_TEXTS = (
    QT_TRANSLATE_NOOP("CustomerDeals", "Deal"),
    QT_TRANSLATE_NOOP("CustomerDeals", "Stage"),
    QT_TRANSLATE_NOOP("CustomerDeals", "Status"),
    QT_TRANSLATE_NOOP("CustomerDeals", "Amount (CNY)"),
    QT_TRANSLATE_NOOP("CustomerDeals", "Close date"),
)


class CustomerDealsModel(QAbstractTableModel):
    """Plain rows: the customer's ``BoardCard``s, open first."""

    def __init__(self, stage_name: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.cards: list[BoardCard] = []
        self._stage_name = stage_name

    def set_cards(self, cards: list[BoardCard]) -> None:
        self.beginResetModel()
        self.cards = list(cards)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cards)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADER_TEXTS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(_HEADER_TEXTS)
        ):
            return QCoreApplication.translate("CustomerDeals", _HEADER_TEXTS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.cards):
            return None
        card = self.cards[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return card.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return card.name
            if column == 1:
                return f"{card.stage} · {self._stage_name(card.stage)}"
            if column == 2:
                return enum_text(card.status)
            if column == 3:
                return f"{card.amount:,.2f}"
            if column == 4:
                return card.close_date.isoformat() if card.close_date else "—"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and card.status is not DealStatus.OPEN:
            from PySide6.QtGui import QColor

            return QColor("#2e7d32" if card.status is DealStatus.WON else "#78909c")
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_HEADER_TEXTS) - 1)
        if self.cards:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.cards) - 1, len(_HEADER_TEXTS) - 1)
            )


class CustomerDeals(QWidget):
    """The deals tab of a customer.

    Signals:
        count_changed(int): how many deals the customer has now.
    """

    count_changed = Signal(int)

    def __init__(self, deals: DealService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._deals = deals
        self.customer_id: str | None = None
        self.model = CustomerDealsModel(self._stage_name, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_deal)
        self.empty_label = QLabel()
        self.empty_label.setStyleSheet("color: #78909c;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        self._bridge = FeedBridge(deals.feed, self)
        self._bridge.changed.connect(self._on_change)
        self.retranslate()

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New deal…"))
        self.empty_label.setText(self.tr("No deals yet: start one with New deal."))
        self.model.retranslate()

    def _stage_name(self, number: int) -> str:
        try:
            return name_text(self._deals.playbook.stage(number).names)
        except KeyError:
            return str(number)

    def show_customer(self, customer_id: str | None) -> None:
        self.customer_id = customer_id
        self.reload()

    def reload(self) -> None:
        cards = self._deals.deals_of_customer(self.customer_id) if self.customer_id else []
        self.model.set_cards(cards)
        self.empty_label.setVisible(not cards)
        self.new_button.setEnabled(self.customer_id is not None)
        self.count_changed.emit(len(cards))

    def _on_change(self, _change: Change) -> None:
        if self.customer_id:
            self.reload()

    def new_deal(self) -> str | None:
        if not self.customer_id:
            return None
        from erpdesk.ui.funnel.deal_editor import new_deal

        try:
            deal_id = new_deal(self, self._deals, self.customer_id)
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("New deal"), exc.render(translate))
            return None
        if deal_id:
            self.reload()
        return deal_id

    def open_row(self, row: int) -> QWidget | None:
        if not 0 <= row < len(self.model.cards):
            return None
        from erpdesk.ui.funnel.deal_page import open_deal

        return open_deal(self.window(), self._deals, self.model.cards[row].id)
