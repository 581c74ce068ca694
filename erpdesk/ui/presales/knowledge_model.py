"""The knowledge base's result list: a thin model over search hits (with a
heading row before each kind when the whole base is listed) and a delegate
that draws a result on two lines: its title and kind, then the snippet with
the match marked."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.services.knowledge_search import KnowledgeHit
from erpdesk.ui.table_models import RowTableModel

# The kinds of entry, in the order the whole base is listed.
KINDS: tuple[str, ...] = ("module", "demo", "industry", "competitor")
KIND_LABELS: dict[str, str] = {
    "module": QT_TRANSLATE_NOOP("KnowledgeView", "Module"),
    "demo": QT_TRANSLATE_NOOP("KnowledgeView", "Demo script"),
    "industry": QT_TRANSLATE_NOOP("KnowledgeView", "Industry"),
    "competitor": QT_TRANSLATE_NOOP("KnowledgeView", "Competitor"),
}
GROUP_LABELS: dict[str, str] = {
    "module": QT_TRANSLATE_NOOP("KnowledgeView", "Modules"),
    "demo": QT_TRANSLATE_NOOP("KnowledgeView", "Demo scripts"),
    "industry": QT_TRANSLATE_NOOP("KnowledgeView", "Industries"),
    "competitor": QT_TRANSLATE_NOOP("KnowledgeView", "Competitors"),
}
KIND_COLOURS = {"module": "#1565c0", "demo": "#2e7d32", "industry": "#6a1b9a",
                "competitor": "#c62828"}
HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's KnowledgeHit (None: a heading)
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2  # a heading row's kind


def kind_text(kind: str) -> str:
    return QCoreApplication.translate("KnowledgeView", KIND_LABELS[kind])


@dataclass(frozen=True)
class Heading:
    """A row naming the kind of the entries below it (an empty query)."""

    kind: str
    count: int


Row = KnowledgeHit | Heading


class KnowledgeResultModel(RowTableModel[Row]):
    """Search hits, best first; ``set_hits(..., grouped=True)`` lists them
    by kind, each kind under a heading row (not selectable)."""

    context = "KnowledgeView"
    headers = (QT_TRANSLATE_NOOP("KnowledgeView", "Entry"),)

    def set_hits(self, hits: Iterable[KnowledgeHit], grouped: bool = False) -> None:
        if not grouped:
            self.set_rows(hits)
            return
        by_kind: dict[str, list[KnowledgeHit]] = {kind: [] for kind in KINDS}
        for hit in hits:
            by_kind.setdefault(hit.entry.kind, []).append(hit)
        rows: list[Row] = []
        for kind, found in by_kind.items():
            if found:
                rows.append(Heading(kind, len(found)))
                rows += found
        self.set_rows(rows)

    def hit_count(self) -> int:
        return sum(1 for row in self.rows if isinstance(row, KnowledgeHit))

    def first_hit_row(self) -> int:
        for n, row in enumerate(self.rows):
            if isinstance(row, KnowledgeHit):
                return n
        return -1

    def row_of(self, kind: str, code: str) -> int:
        for n, row in enumerate(self.rows):
            if isinstance(row, KnowledgeHit) and (row.entry.kind, row.entry.code) == (kind, code):
                return n
        return -1

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return Qt.ItemFlag.NoItemFlags
        if isinstance(row, Heading):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or index.column() != 0:
            return None
        if isinstance(row, Heading):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("KnowledgeView", GROUP_LABELS[row.kind])
            if role == GROUP_ROLE:
                return row.kind
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.entry.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.entry.title} · {kind_text(row.entry.kind)}"
        if role == HIT_ROLE:
            return row
        return None


class KnowledgeResultDelegate(QStyledItemDelegate):
    """A result on two lines (the title, the kind at the right; the snippet
    with its match on a yellow ground, or the subtitle for an empty query);
    a heading as a small bold caption."""

    PAD = 6

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        height = QFontMetrics(option.font).height()
        if index.data(GROUP_ROLE):
            return QSize(200, height + 2 * self.PAD + 4)
        return QSize(200, 2 * height + 3 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        try:
            kind = index.data(GROUP_ROLE)
            if kind:
                self._paint_heading(painter, option, index.data() or "", kind)
            else:
                hit = index.data(HIT_ROLE)
                if isinstance(hit, KnowledgeHit):
                    self._paint_hit(painter, option, hit)
        finally:
            painter.restore()

    def _paint_heading(self, painter: QPainter, option: QStyleOptionViewItem, text: str,
                       kind: str) -> None:
        rect = option.rect.adjusted(self.PAD, self.PAD + 4, -self.PAD, -self.PAD)
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(KIND_COLOURS.get(kind, "#455a64")))
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.setPen(QColor("#cfd8dc"))
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())

    def _paint_hit(self, painter: QPainter, option: QStyleOptionViewItem,
                   hit: KnowledgeHit) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        if selected:
            painter.fillRect(option.rect, palette.highlight())
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(option.rect, QColor("#eceff1"))
        text_colour = palette.highlightedText().color() if selected else palette.text().color()
        muted = text_colour if selected else QColor("#607d8b")
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        left = option.rect.left() + self.PAD
        right = option.rect.right() - self.PAD
        top = option.rect.top() + self.PAD
        # first line: the kind at the right, the title in bold before it
        kind = kind_text(hit.entry.kind)
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() * 0.85, 6.0))
        small_metrics = QFontMetrics(small)
        kind_width = small_metrics.horizontalAdvance(kind) + 10
        kind_rect = QRect(right - kind_width, top + 1, kind_width, line - 2)
        painter.setFont(small)
        painter.setPen(QColor("white") if selected else
                       QColor(KIND_COLOURS.get(hit.entry.kind, "#455a64")))
        painter.drawText(kind_rect, Qt.AlignmentFlag.AlignCenter, kind)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        title_rect = QRect(left, top, max(right - kind_width - 6 - left, 0), line)
        title = QFontMetrics(bold).elidedText(hit.entry.title, Qt.TextElideMode.ElideRight,
                                              title_rect.width())
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         title)
        # second line: the snippet with the match marked (or the subtitle)
        painter.setFont(option.font)
        y = top + line + self.PAD
        if not hit.snippet or hit.field in ("name", "title"):  # the title says it
            painter.setPen(muted)
            text = metrics.elidedText(hit.entry.subtitle, Qt.TextElideMode.ElideRight,
                                      right - left)
            painter.drawText(QRect(left, y, right - left, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            return
        start, end = hit.highlight
        pieces = [(hit.snippet[:start], False), (hit.snippet[start:end], True),
                  (hit.snippet[end:], False)]
        x = left
        bold_metrics = QFontMetrics(bold)
        for text, marked in pieces:
            if not text or x >= right:
                continue
            room = right - x
            metrics = bold_metrics if marked else QFontMetrics(option.font)
            painter.setFont(bold if marked else option.font)
            width = metrics.horizontalAdvance(text)
            cut = width > room
            if cut:
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
                width = metrics.horizontalAdvance(text)
            rect = QRect(x, y, width, line)
            if marked and not selected:
                painter.fillRect(rect.adjusted(-1, 0, 1, 0), QColor("#ffe082"))
            painter.setPen(text_colour if marked else muted)
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             text)
            if cut:
                break
            x += width
