"""The Today page's tree (``TodayTree``): the sections of a ``TodayView``
as headers with their rows, the sections the user folded kept folded over
a reading (the visits logged today start folded: they are done), and the
chosen row kept chosen when the rows are read again."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from erpdesk.services.today import SectionKey, TodayItem, TodayView
from erpdesk.ui.today.model import ITEM_ROLE, SECTION_ROLE, TodayModel


class TodayTree(QTreeView):
    """A tree over its own ``TodayModel`` (``model_``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayTree")
        self.model_ = TodayModel(self)
        self.setModel(self.model_)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.folded = {SectionKey.VISITS}  # done: folded until the user opens it
        self._folding = False
        self.collapsed.connect(lambda index: self._fold(index, True))
        self.expanded.connect(lambda index: self._fold(index, False))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 340)
        header.resizeSection(2, 150)

    def show_view(self, view: TodayView, loading: frozenset[SectionKey]) -> None:
        """Show *view*'s sections; the chosen row stays chosen if still there."""
        current = self.current_item()
        self.model_.show_view(view, loading)
        self._folding = True
        for row in range(self.model_.rowCount()):
            self.setFirstColumnSpanned(row, QModelIndex(), True)
            head = self.model_.index(row, 0)
            self.setExpanded(head, head.data(SECTION_ROLE) not in self.folded)
        self._folding = False
        self._restore(current)

    def _fold(self, index: QModelIndex, folded: bool) -> None:
        """Remember the sections the user folds (kept over a reading)."""
        key = index.data(SECTION_ROLE)
        if isinstance(key, SectionKey) and not self._folding:
            (self.folded.add if folded else self.folded.discard)(key)

    def rows(self) -> dict[SectionKey, list[QModelIndex]]:
        """The rows (column 0) under each section's header, "more" rows too."""
        found: dict[SectionKey, list[QModelIndex]] = {}
        model = self.model_
        for row in range(model.rowCount()):
            head = model.index(row, 0)
            found[head.data(SECTION_ROLE)] = [
                model.index(child, 0, head) for child in range(model.rowCount(head))
            ]
        return found

    def _restore(self, item: TodayItem | None) -> None:
        """Choose the row of *item* again (else the first row)."""
        for indexes in self.rows().values():
            for index in indexes:
                found = index.data(ITEM_ROLE)
                if found is not None and (item is None or found.id == item.id):
                    self.setCurrentIndex(index)
                    return

    def current_item(self) -> TodayItem | None:
        found = self.currentIndex().data(ITEM_ROLE)
        return found if isinstance(found, TodayItem) else None
