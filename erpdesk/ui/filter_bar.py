"""A search bar with filters and buttons that fits a laptop at any scaling:
one row when the window is wide enough, the filters on a second row when
it is not (a 1366×768 screen at 125 % or 150 %)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLayout,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QVBoxLayout,
    QWidget,
)

SEARCH_LEAST = 220  # the search box is never narrower than this
SEARCH_WIDE = 320  # ...and keeps at least this much when the filters share its row
ACTIONS_GAP = 12  # between the filters and the buttons


class FilterBar(QWidget):
    """*search*, then *filters*, then *actions* (buttons), in one row when
    they fit at their preferred widths, else the filters on a row of their
    own below.  Its least width is the two-row arrangement's, so a bar
    never makes the window wider than a laptop's screen."""

    def __init__(
        self,
        search: QLineEdit,
        filters: Sequence[QWidget],
        actions: Sequence[QWidget],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.search = search
        self.filters = list(filters)
        search.setMinimumWidth(SEARCH_LEAST)
        self.top = QHBoxLayout()  # search, [filters when wide], gap, actions
        self.top.addWidget(search, 4)
        self._gap_index = 1
        self.top.addSpacing(ACTIONS_GAP)
        for action in actions:
            self.top.addWidget(action)
        self.bottom = QHBoxLayout()  # the filters, when narrow
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addLayout(self.top)
        layout.addLayout(self.bottom)
        self.wide = True
        self._place(wide=False)

    # -- sizes -------------------------------------------------------------------

    def _actions(self) -> list[QWidget]:
        """The buttons of the top row (those added later too), shown ones."""
        found = []
        for index in range(self.top.count()):
            item = self.top.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.search and widget not in self.filters:
                found.append(widget)
        # a button just added is hidden until the event loop shows it: only
        # one hidden on purpose is left out
        explicit = Qt.WidgetAttribute.WA_WState_ExplicitShowHide
        return [w for w in found if not (w.isHidden() and w.testAttribute(explicit))]

    def _row_width(self, widths: list[int]) -> int:
        spacing = max(self.top.spacing(), 0)
        return sum(widths) + spacing * max(len(widths) - 1, 0)

    def wide_width(self) -> int:
        """The width one row needs with every part at its preferred width."""
        widths = [max(SEARCH_WIDE, self.search.minimumWidth())]
        widths += [_whole_width(f) for f in self.filters]
        widths += [a.sizeHint().width() for a in self._actions()]
        return self._row_width(widths) + ACTIONS_GAP

    def narrow_width(self) -> int:
        """The least width of the two rows: search and buttons over the filters."""
        top = [max(SEARCH_LEAST, self.search.minimumWidth())]
        top += [max(a.minimumSizeHint().width(), a.minimumWidth()) for a in self._actions()]
        bottom = [f.minimumSizeHint().width() for f in self.filters]
        return max(self._row_width(top) + ACTIONS_GAP, self._row_width(bottom))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.narrow_width(), super().minimumSizeHint().height())

    # -- arranging ---------------------------------------------------------------

    def rearrange(self, width: int | None = None) -> None:
        """One row or two, as *width* (the bar's, by default) allows."""
        self._place(wide=(self.width() if width is None else width) >= self.wide_width())

    def _place(self, wide: bool) -> None:
        if wide == self.wide:
            return
        self.wide = wide
        for widget in self.filters:
            self.top.removeWidget(widget)
            self.bottom.removeWidget(widget)
        for offset, widget in enumerate(self.filters):
            if wide:
                self.top.insertWidget(self._gap_index + offset, widget, 1)
            else:
                self.bottom.addWidget(widget, 1)
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.rearrange(event.size().width())
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange):
            self.rearrange()


def _whole_width(widget: QWidget) -> int:
    """The width *widget* needs to show its text whole: a combo box its
    "all" item and its current one (its size hint is only a few characters)."""
    if not isinstance(widget, QComboBox):
        return widget.sizeHint().width()
    metrics = widget.fontMetrics()
    text = max(metrics.horizontalAdvance(widget.itemText(0)),
               metrics.horizontalAdvance(widget.currentText()))  # fmt: skip
    option = QStyleOptionComboBox()
    widget.initStyleOption(option)
    contents = QSize(text, metrics.height())
    needed = widget.style().sizeFromContents(
        QStyle.ContentsType.CT_ComboBox, option, contents, widget
    )
    return max(needed.width(), widget.sizeHint().width())
