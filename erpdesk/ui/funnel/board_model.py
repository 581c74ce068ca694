"""One column of the board as a Qt list model: thin over ``BoardCard`` rows.

A column holds the cards of one stage (or the recently won or lost deals),
knows its count, amount and weighted amount (the sum of its cards' own,
exact amounts, as the funnel report sums them), drags a card out as its
deal id and, when a card is dropped on it, asks the board to move the deal
(``drop_requested``) instead of moving the row itself: the row moves only
when the gate lets the deal through and the board reloads.

Health flags are filled lazily (``DealService.fill_flags``) for the chunk
of cards a view asks to paint, so a 20,000-card board loads without them;
so are the presales badges (``PresalesStatusService.of_deals``: one read
for the chunk), when the board has the presales status service.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from erpdesk.domain.deal import DealStatus
from erpdesk.domain.errors import DomainError
from erpdesk.ui.funnel import money_exact

if TYPE_CHECKING:
    from erpdesk.services.deals import DealService
    from erpdesk.services.presales_status import PresalesBadge, PresalesStatusService
    from erpdesk.storage.deal_queries import BoardCard

AnyIndex = QModelIndex | QPersistentModelIndex
MIME_TYPE = "application/x-erpdesk-deal"
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
PRESALES_ROLE = Qt.ItemDataRole.UserRole + 3  # the card's CardChip or None
FLAG_CHUNK = 64  # cards whose flags are filled at once
ZERO = Decimal("0.00")

Target = int | DealStatus


class CardChip(NamedTuple):
    """The presales chip a card paints: its text, colour and the badge."""

    text: str
    colour: str
    badge: PresalesBadge


def card_tooltip(card: BoardCard, presales: str = "") -> str:
    """The card's details, its health flags and its *presales* status
    (already spelled out), one a line."""
    lines = [card.customer_name, card.name, money_exact(card.amount)]
    if card.close_date is not None:
        lines.append(
            QCoreApplication.translate("FunnelBoard", "Expected close: {date}").format(
                date=card.close_date
            )
        )
    if card.status is DealStatus.OPEN:
        lines.append(
            QCoreApplication.translate("FunnelBoard", "{n} days in this stage").format(
                n=card.days_in_stage
            )
        )
    if card.owner:
        lines.append(
            QCoreApplication.translate("FunnelBoard", "Owner: {owner}").format(owner=card.owner)
        )
    lines += [
        QCoreApplication.translate("Domain", flag.label)
        for flag in sorted(card.flags, key=lambda f: f.value)
    ]
    if presales:
        lines.append(presales)
    return "\n".join(lines)


class StageColumnModel(QAbstractListModel):
    """The cards of one board column (*target*: a stage number or
    ``DealStatus.WON``/``LOST``).

    Signals:
        drop_requested(str, object): a card (deal id) was dropped here.
    """

    drop_requested = Signal(str, object)

    def __init__(self, deals: DealService, target: Target, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._deals = deals
        self.target = target
        self._cards: list[BoardCard] = []
        self._flagged: set[int] = set()
        self._statuses: PresalesStatusService | None = None
        self._badged: set[int] = set()  # chunks whose presales badges were read
        self._badges: dict[str, PresalesBadge] = {}
        self._steps: int | None = None  # the playbook's presales steps (the chips' "5/8")
        self.count = 0
        self.amount = ZERO
        self.weighted = ZERO

    # -- contents --------------------------------------------------------------

    def set_cards(
        self, cards: list[BoardCard], totals: tuple[int, Decimal, Decimal] | None = None
    ) -> None:
        """Show *cards*; the column's count, amount and weighted amount are
        *totals* when given (the first cards of a longer column), else the
        sums of the cards."""
        self.beginResetModel()
        self._cards = cards
        self._flagged = set()
        self._badged = set()
        self._badges = {}
        if totals is not None:
            self.count, self.amount, self.weighted = totals
        else:
            # whole fen summed as integers (exact), one Decimal per column
            self.count = len(cards)
            self.amount = ZERO + Decimal(sum(c.amount_fen for c in cards)).scaleb(-2)
            self.weighted = ZERO + Decimal(sum(c.weighted_fen for c in cards)).scaleb(-2)
        self.endResetModel()

    def cards(self) -> list[BoardCard]:
        return self._cards

    def card(self, row: int) -> BoardCard:
        """The card at *row*, its health flags filled."""
        chunk = row // FLAG_CHUNK
        if chunk not in self._flagged:
            self._flagged.add(chunk)
            self._deals.fill_flags(self._cards[chunk * FLAG_CHUNK : (chunk + 1) * FLAG_CHUNK])
        return self._cards[row]

    def set_statuses(self, statuses: PresalesStatusService | None) -> None:
        """Read the cards' presales badges from *statuses* (None: no badges)."""
        self._statuses = statuses
        self.refresh_presales()

    def refresh_presales(self) -> None:
        """Forget the badges read (a request changed): the cards painted
        next read theirs again."""
        self._badged = set()
        self._badges = {}
        self._steps = None
        if self._cards:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._cards) - 1, 0), [PRESALES_ROLE]
            )

    def badge(self, row: int) -> PresalesBadge | None:
        """The presales badge of the card at *row* (its chunk read at once)."""
        if self._statuses is None:
            return None
        chunk = row // FLAG_CHUNK
        if chunk not in self._badged:
            self._badged.add(chunk)
            part = self._cards[chunk * FLAG_CHUNK : (chunk + 1) * FLAG_CHUNK]
            # a card paints without its badge rather than not at all
            with contextlib.suppress(DomainError):
                self._badges.update(self._statuses.of_deals(c.id for c in part))
        return self._badges.get(self._cards[row].id)

    def chip(self, row: int) -> CardChip | None:
        """The presales chip of the card at *row* (None: never asked)."""
        badge = self.badge(row)
        if badge is None:
            return None
        from erpdesk.ui.presales.request_texts import badge_colour, badge_text

        if self._steps is None:
            self._steps = len(self._deals.playbook.presales_steps)
        return CardChip(badge_text(badge, self._steps), badge_colour(badge), badge)

    def _presales_tooltip(self, row: int) -> str:
        badge = self.badge(row)
        if badge is None:
            return ""
        from erpdesk.ui.presales.request_texts import badge_tooltip

        return badge_tooltip(badge, self._deals.playbook)

    def row_of(self, deal_id: str) -> int | None:
        for row, card in enumerate(self._cards):
            if card.id == deal_id:
                return row
        return None

    # -- Qt model --------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cards[index.row()].name
        if role == CARD_ROLE:
            return self.card(index.row())
        if role == ID_ROLE:
            return self._cards[index.row()].id
        if role == PRESALES_ROLE:
            return self.chip(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            return card_tooltip(self.card(index.row()), self._presales_tooltip(index.row()))
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._cards[index.row()].status is DealStatus.OPEN:
            flags |= Qt.ItemFlag.ItemIsDragEnabled  # a closed deal is reopened, not dragged
        return flags

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        ids = [self._cards[i.row()].id for i in indexes if i.isValid()]
        if ids:
            mime.setData(MIME_TYPE, QByteArray(ids[0].encode("utf-8")))
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if not data.hasFormat(MIME_TYPE):
            return False
        return self.row_of(_deal_id(data)) is None  # not onto its own column

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """Ask for the move; the rows change only when the deal moved (the
        board reloads then), so a refused or cancelled drop leaves the card
        where it was."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        self.drop_requested.emit(_deal_id(data), self.target)
        return False


def _deal_id(data: QMimeData) -> str:
    return bytes(data.data(MIME_TYPE).data()).decode("utf-8")
