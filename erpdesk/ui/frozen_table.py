"""A table view whose first column stays in place when the table scrolls
sideways (Qt's "frozen column" pattern): a second view over the same model
and selection shows only that column on top of the table's left edge.

The customer list uses it for the name; Ctrl+End there goes to the last
customer, not the last row loaded so far (``fetch_all``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex
FROZEN = 0  # the logical column kept in place


class FrozenColumnTableView(QTableView):
    """A QTableView with its first column frozen.

    *fetch_all*, when given, is called before Ctrl+End moves to the last
    row, so that a lazily loaded model shows its real end."""

    def __init__(
        self, parent: QWidget | None = None, fetch_all: Callable[[], None] | None = None
    ) -> None:
        super().__init__(parent)
        self._fetch_all = fetch_all
        self.frozen = QTableView(self)
        self.frozen.setObjectName("frozenColumn")
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.setStyleSheet("QTableView#frozenColumn { border: none; }")
        self.frozen.horizontalHeader().setSortIndicatorShown(True)
        self.frozen.horizontalHeader().sectionClicked.connect(self._frozen_clicked)
        self.frozen.doubleClicked.connect(self.activated)
        self.viewport().stackUnder(self.frozen)

        header = self.horizontalHeader()
        header.sectionResized.connect(self._section_resized)
        header.sectionMoved.connect(self._section_moved)
        header.sortIndicatorChanged.connect(
            lambda section, order: self.frozen.horizontalHeader().setSortIndicator(section, order)
        )
        self.verticalHeader().sectionResized.connect(
            lambda row, _old, size: self.frozen.setRowHeight(row, size)
        )
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    # -- keeping the two views alike -------------------------------------------------

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        if model is not None:
            model.columnsInserted.connect(lambda *_: self._hide_others())
            model.modelReset.connect(self._hide_others)
        self._hide_others()

    def _hide_others(self) -> None:
        model: QAbstractItemModel | None = self.model()
        for column in range(model.columnCount() if model is not None else 0):
            self.frozen.setColumnHidden(column, column != FROZEN)
        self.frozen.setColumnWidth(FROZEN, self.columnWidth(FROZEN))
        self._place()

    def set_look(self) -> None:
        """Copy the table's row look (row height, colours, eliding) to the frozen view."""
        self.frozen.setAlternatingRowColors(self.alternatingRowColors())
        self.frozen.setWordWrap(self.wordWrap())
        self.frozen.setTextElideMode(self.textElideMode())
        self.frozen.setSelectionBehavior(self.selectionBehavior())
        self.frozen.setSelectionMode(self.selectionMode())
        self.frozen.setEditTriggers(self.editTriggers())
        self.frozen.verticalHeader().setDefaultSectionSize(
            self.verticalHeader().defaultSectionSize()
        )
        self.frozen.setFont(self.font())

    def _section_resized(self, logical: int, _old: int, size: int) -> None:
        if logical == FROZEN:
            self.frozen.setColumnWidth(FROZEN, size)
            self._place()

    def _section_moved(self, logical: int, _old: int, new: int) -> None:
        """The frozen column stays the first; another cannot go before it."""
        header = self.horizontalHeader()
        if header.visualIndex(FROZEN) != 0:
            header.blockSignals(True)
            header.moveSection(header.visualIndex(FROZEN), 0)
            header.blockSignals(False)
        self._place()

    def _frozen_clicked(self, logical: int) -> None:
        """A click on the frozen header sorts the table as a click on its own would."""
        if not self.isSortingEnabled():
            return
        header = self.horizontalHeader()
        order = Qt.SortOrder.AscendingOrder
        if header.sortIndicatorSection() == logical:
            ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            order = Qt.SortOrder.DescendingOrder if ascending else Qt.SortOrder.AscendingOrder
        self.sortByColumn(logical, order)

    def _place(self) -> None:
        frame = self.frameWidth()
        self.frozen.setGeometry(
            self.verticalHeader().width() + frame,
            frame,
            self.columnWidth(FROZEN),
            self.viewport().height() + self.horizontalHeader().height(),
        )
        self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self._place()

    # -- moving ------------------------------------------------------------------------

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        end = action == QAbstractItemView.CursorAction.MoveEnd
        if end and modifiers & Qt.KeyboardModifier.ControlModifier and self._fetch_all:
            self._fetch_all()  # the real last row, not the last loaded one
        current = super().moveCursor(action, modifiers)
        width = self.frozen.columnWidth(FROZEN)
        if (
            current.isValid()
            and current.column() != FROZEN
            and self.visualRect(current).left() < width
        ):
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() + self.visualRect(current).left() - width)
        return current

    def scrollTo(
        self,
        index: AnyIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        if index.column() != FROZEN:
            super().scrollTo(index, hint)
            return
        bar = self.horizontalScrollBar()
        keep = bar.value()  # the frozen column is always in view: only the row
        super().scrollTo(index, hint)
        bar.setValue(keep)
