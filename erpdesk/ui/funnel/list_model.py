"""The funnel's list: the board's deals as a sortable table (thin over the
same ``BoardCard`` rows; sorting orders those rows, filtering is the SQL's)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from erpdesk.domain.customer import Industry, Source
from erpdesk.domain.deal import DealStatus
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.ui.funnel import money_exact, names_text
from erpdesk.ui.funnel.board_model import ID_ROLE, card_tooltip
from erpdesk.ui.widgets import enum_text, enum_text_of

if TYPE_CHECKING:
    from erpdesk.services.deals import DealService
    from erpdesk.storage.deal_queries import BoardCard

AnyIndex = QModelIndex | QPersistentModelIndex
CONTEXT = "DealListModel"
COLUMNS: tuple[tuple[str, str], ...] = (
    ("customer", QT_TRANSLATE_NOOP("DealListModel", "Customer")),
    ("name", QT_TRANSLATE_NOOP("DealListModel", "Deal")),
    ("stage", QT_TRANSLATE_NOOP("DealListModel", "Stage")),
    ("amount", QT_TRANSLATE_NOOP("DealListModel", "Amount")),
    ("probability", QT_TRANSLATE_NOOP("DealListModel", "Probability")),
    ("weighted", QT_TRANSLATE_NOOP("DealListModel", "Weighted")),
    ("close_date", QT_TRANSLATE_NOOP("DealListModel", "Expected close")),
    ("days", QT_TRANSLATE_NOOP("DealListModel", "Days in stage")),
    ("owner", QT_TRANSLATE_NOOP("DealListModel", "Owner")),
    ("industry", QT_TRANSLATE_NOOP("DealListModel", "Industry")),
    ("source", QT_TRANSLATE_NOOP("DealListModel", "Source")),
    ("flags", QT_TRANSLATE_NOOP("DealListModel", "Health")),
)
COLUMN_KEYS = tuple(key for key, _title in COLUMNS)
_RIGHT = {"amount", "probability", "weighted", "days"}
_STATUS_ORDER = {DealStatus.OPEN: 0, DealStatus.WON: 1, DealStatus.LOST: 2}

SortKey = Callable[["BoardCard"], Any]
SORT_KEYS: dict[str, SortKey] = {
    "customer": lambda c: c.customer_name,
    "name": lambda c: c.name,
    "stage": lambda c: (_STATUS_ORDER[c.status], c.stage),
    "amount": lambda c: c.amount,
    "probability": lambda c: c.probability,
    "weighted": lambda c: c.weighted,
    "close_date": lambda c: (c.close_date is None, c.close_date or date.min),
    "days": lambda c: c.days_in_stage,
    "owner": lambda c: c.owner,
    "industry": lambda c: c.industry or "",
    "source": lambda c: c.source or "",
    "flags": lambda c: len(c.flags),
}


class DealListModel(QAbstractTableModel):
    """The deals of the board, one a row, sortable by every column."""

    def __init__(self, deals: DealService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._deals = deals
        self._rows: list[BoardCard] = []
        self._flagged = False
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_cards(self, cards: list[BoardCard]) -> None:
        self.beginResetModel()
        self._rows = list(cards)
        self._flagged = False
        self.endResetModel()
        if self._sort is not None:
            self.sort(*self._sort)

    def card(self, row: int) -> BoardCard:
        return self._rows[row]

    def _ensure_flags(self) -> None:
        if not self._flagged:  # flags are cheap per card; fill all once shown
            self._flagged = True
            self._deals.fill_flags(self._rows)

    # -- Qt model --------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return QCoreApplication.translate(CONTEXT, COLUMNS[section][1])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        card = self._rows[index.row()]
        key = COLUMN_KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(card, key)
        if role == ID_ROLE:
            return card.id
        if role == Qt.ItemDataRole.TextAlignmentRole and key in _RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            self._ensure_flags()
            return card_tooltip(card)
        return None

    def _text(self, card: BoardCard, key: str) -> str:
        if key == "customer":
            return card.customer_name
        if key == "name":
            return card.name
        if key == "stage":
            if card.status is not DealStatus.OPEN:
                return enum_text(card.status)
            try:
                return f"{card.stage} {names_text(self._deals.playbook.stage(card.stage).names)}"
            except KeyError:
                return str(card.stage)
        if key == "amount":
            return money_exact(card.amount)
        if key == "probability":
            return f"{card.probability}%"
        if key == "weighted":
            return money_exact(card.weighted)
        if key == "close_date":
            return card.close_date.isoformat() if card.close_date else ""
        if key == "days":
            return str(card.days_in_stage) if card.status is DealStatus.OPEN else ""
        if key == "owner":
            return card.owner
        if key == "industry":
            return enum_text_of(Industry, card.industry)
        if key == "source":
            return enum_text_of(Source, card.source)
        self._ensure_flags()
        return ", ".join(enum_text(f) for f in sorted(card.flags, key=lambda f: f.value))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = (column, order)
        key = COLUMN_KEYS[column]
        if key == "flags":
            self._ensure_flags()
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        held = [(self._rows[i.row()], i.column()) for i in before]
        self._rows.sort(key=SORT_KEYS[key], reverse=order == Qt.SortOrder.DescendingOrder)
        where = {id(card): row for row, card in enumerate(self._rows)}
        self.changePersistentIndexList(
            before, [self.index(where[id(card)], column) for card, column in held]
        )
        self.layoutChanged.emit()
