"""The board (看板): one column per stage with its count, total and weighted
total, and the won and lost drop zones; cards are painted by one delegate
per column over a list model (no widget per card), dragged between columns
to move a deal through the gate."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.deal import DealStatus
from erpdesk.ui.funnel import money_exact, money_text, names_text
from erpdesk.ui.funnel.board_model import ID_ROLE, ZERO, StageColumnModel, Target
from erpdesk.ui.funnel.card_delegate import CardDelegate

if TYPE_CHECKING:
    from erpdesk.services.deals import DealService
    from erpdesk.services.presales_status import PresalesStatusService
    from erpdesk.storage.deal_queries import BoardCard, FunnelRow

CLOSED_DAYS = 30  # the won and lost columns show deals closed this recently
COLUMN_STYLE = """
QFrame#boardColumn { background: #eceff1; border-radius: 6px; }
QFrame#boardColumn[closed="true"] { background: #f1f3f4; }
QFrame#boardColumn QListView { background: #eceff1; border: none; }
QFrame#boardColumn[closed="true"] QListView { background: #f1f3f4; }
"""
COLUMN_CHARS = 10  # a column's least width, in CJK characters
HEADER_COLOURS = {DealStatus.WON: "#2e7d32", DealStatus.LOST: "#757575"}


class BoardColumn(QFrame):
    """A column: header (name, count, total, weighted total) over its cards."""

    def __init__(self, model: StageColumnModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardColumn")
        self.setProperty("closed", isinstance(model.target, DealStatus))
        self.model = model
        self.title_label = QLabel()
        self.title_label.setObjectName("columnTitle")
        self.title_label.setWordWrap(False)
        # a long stage name is cut, not a reason for the window to be wider
        # (the whole title is in the tooltip)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        target = model.target
        colour = HEADER_COLOURS.get(target, "#263238") if isinstance(target, DealStatus) else ""
        colour = colour or "#263238"
        self.title_label.setStyleSheet(f"font-weight: bold; color: {colour};")
        self.totals_label = QLabel()
        self.totals_label.setObjectName("columnTotals")
        self.totals_label.setStyleSheet("color: #546e7a;")
        self.totals_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.view = QListView()
        self.view.setModel(model)
        self.view.setItemDelegate(CardDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(False)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setMinimumWidth(100)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.view, 1)
        # cards stay readable: the board scrolls sideways rather than squeeze them
        self.setMinimumWidth(COLUMN_CHARS * self.fontMetrics().horizontalAdvance("中"))

    def set_title(self, title: str, note: str = "") -> None:
        """The column's title, and in its tooltip the whole title (it may be
        cut in a narrow column) with *note*."""
        self.title_label.setText(title)
        self.title_label.setToolTip(f"{title}\n{note}" if note else title)

    def show_totals(self) -> None:
        m = self.model
        count = self.tr("{n} deals").format(n=f"{m.count:,}")
        amount = self.tr("Amount {amount}").format(amount=money_text(m.amount))
        if isinstance(m.target, DealStatus):
            self.totals_label.setText(f"{count}\n{amount}")
            self.totals_label.setToolTip(
                self.tr("Amount {amount}").format(amount=money_exact(m.amount))
            )
            return
        weighted = self.tr("Weighted {amount}").format(amount=money_text(m.weighted))
        self.totals_label.setText(f"{count}\n{amount}\n{weighted}")
        self.totals_label.setToolTip(
            self.tr("Amount {amount}; weighted {weighted}").format(
                amount=money_exact(m.amount), weighted=money_exact(m.weighted)
            )
        )


class BoardView(QWidget):
    """The seven stage columns and, on the right, the won and lost zones.

    Signals:
        move_requested(str, object): a card (deal id) was dropped on a
            column (stage number or ``DealStatus``).
        open_requested(str): a card was double-clicked.
    """

    move_requested = Signal(str, object)
    open_requested = Signal(str)

    def __init__(self, deals: DealService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._deals = deals
        self.setStyleSheet(COLUMN_STYLE)
        playbook = deals.playbook
        self.stage_columns: list[BoardColumn] = []
        self.columns_box = QWidget()  # scrolls sideways when the window is narrower
        self.columns_box.setObjectName("boardColumns")
        layout = QHBoxLayout(self.columns_box)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(6)
        for stage in playbook.stages:
            column = self._column(stage.number)
            self.stage_columns.append(column)
            layout.addWidget(column, 1)
        closed = QWidget()
        closed_layout = QVBoxLayout(closed)
        closed_layout.setContentsMargins(0, 0, 0, 0)
        closed_layout.setSpacing(6)
        self.won_column = self._column(DealStatus.WON)
        self.lost_column = self._column(DealStatus.LOST)
        closed_layout.addWidget(self.won_column, 1)
        closed_layout.addWidget(self.lost_column, 1)
        layout.addWidget(closed, 1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.columns_box)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self.retranslate_ui()

    def _column(self, target: Target) -> BoardColumn:
        model = StageColumnModel(self._deals, target, self)
        model.drop_requested.connect(self.move_requested)
        column = BoardColumn(model)
        column.view.doubleClicked.connect(self._open)
        return column

    def set_statuses(self, statuses: PresalesStatusService | None) -> None:
        """Badge the cards with their deal's presales status from *statuses*."""
        for column in self.columns():
            column.model.set_statuses(statuses)

    def refresh_presales(self) -> None:
        """A support request changed: the cards read their badges again."""
        for column in self.columns():
            column.model.refresh_presales()

    def columns(self) -> list[BoardColumn]:
        return [*self.stage_columns, self.won_column, self.lost_column]

    def column_of(self, target: Target) -> BoardColumn:
        for column in self.columns():
            if column.model.target == target:
                return column
        raise KeyError(target)

    def retranslate_ui(self) -> None:
        playbook = self._deals.playbook
        for column, stage in zip(self.stage_columns, playbook.stages, strict=True):
            name = names_text(stage.names)
            column.set_title(
                f"{stage.number} {name}",
                self.tr("{name}: default probability {p}%").format(name=name, p=stage.probability),
            )
        note = self.tr("Drop a card here to close the deal; shows the deals closed "
                       "in the last {n} days").format(n=CLOSED_DAYS)  # fmt: skip
        self.won_column.set_title(self.tr("Won"), note)
        self.lost_column.set_title(self.tr("Lost"), note)
        for column in self.columns():
            column.show_totals()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_cards(self, cards: list[BoardCard], totals: list[FunnelRow] | None = None) -> None:
        """Deal the cards out to their columns; the headers show *totals*
        (by status and stage) when given, else the sums of the cards."""
        sums: dict[Target, tuple[int, Decimal, Decimal]] | None = None
        if totals is not None:
            sums = {c.model.target: (0, ZERO, ZERO) for c in self.columns()}
            for total in totals:
                key: Target = total.stage if total.status is DealStatus.OPEN else total.status
                if key in sums:
                    n, amount, weighted = sums[key]
                    sums[key] = (n + total.count, amount + total.amount, weighted + total.weighted)
        by_stage: dict[Target, list[BoardCard]] = {c.model.target: [] for c in self.columns()}
        for card in cards:
            found = by_stage.get(card.column)
            if found is not None:
                found.append(card)
        for column in self.columns():
            selected = column.view.currentIndex().data(ID_ROLE)
            target = column.model.target
            column.model.set_cards(by_stage[target], sums[target] if sums else None)
            column.show_totals()
            if selected is not None:
                row = column.model.row_of(selected)
                if row is not None:
                    column.view.setCurrentIndex(column.model.index(row, 0))

    def _open(self, index: QModelIndex) -> None:
        deal_id = index.data(ID_ROLE)
        if deal_id:
            self.open_requested.emit(deal_id)
