"""Painting a board card: customer, deal, amount, close date, days in stage,
the health flags as small coloured badges (each badge's label in its
tooltip) and, beside the customer, the deal's presales status as a small
chip ("售前 5/8 ✓", "售前 已提交").  One delegate paints every card: no
widget per card."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from erpdesk.domain.deal import DealStatus
from erpdesk.domain.forecast import HealthFlag
from erpdesk.ui.funnel import money_text
from erpdesk.ui.funnel.board_model import CARD_ROLE, PRESALES_ROLE, CardChip

if TYPE_CHECKING:
    from erpdesk.storage.deal_queries import BoardCard

AnyIndex = QModelIndex | QPersistentModelIndex
MARGIN = 4  # around a card
PAD = 7  # inside a card
BADGE = 10
CHIP_PAD = 3  # inside the presales chip, left and right
CHIP_SHARE = 0.75  # of the card's width, at most (the customer is in the tooltip)
FLAG_COLOURS: dict[HealthFlag, str] = {
    HealthFlag.CLOSE_DATE_PASSED: "#d32f2f",
    HealthFlag.NO_ACTIVITY: "#f57c00",
    HealthFlag.NO_QUOTE: "#7b1fa2",
    HealthFlag.LOW_SCORE: "#c2185b",
    HealthFlag.MISSING_WORKSHEET: "#1976d2",
}
FLAG_ORDER = tuple(FLAG_COLOURS)
STATUS_STRIPES = {DealStatus.WON: "#2e7d32", DealStatus.LOST: "#9e9e9e"}
OPEN_STRIPE = "#1e88e5"


def _flags(card: BoardCard) -> list[HealthFlag]:
    return [flag for flag in FLAG_ORDER if flag in card.flags]


class CardDelegate(QStyledItemDelegate):
    """Paints a ``BoardCard`` (the model's ``CARD_ROLE``) as a card."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() * 0.88, 7.0))
        bold = QFont(option.font)
        bold.setBold(True)
        return small, bold

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        small, bold = self._fonts(option)
        lines = QFontMetrics(small).height() * 3 + QFontMetrics(bold).height()
        return QSize(120, lines + 2 * PAD + 2 * MARGIN + 6)

    def _badge_rects(
        self, rect: QRect, card: BoardCard, line_top: int, line_h: int
    ) -> list[tuple[QRect, HealthFlag]]:
        out = []
        right = rect.right() - PAD
        top = line_top + (line_h - BADGE) // 2
        for flag in reversed(_flags(card)):
            out.append((QRect(right - BADGE + 1, top, BADGE, BADGE), flag))
            right -= BADGE + 3
        return out

    def _card_rect(self, option: QStyleOptionViewItem) -> QRect:
        return option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        card: BoardCard | None = index.data(CARD_ROLE)
        if card is None:
            return
        small, bold = self._fonts(option)
        small_h = QFontMetrics(small).height()
        bold_h = QFontMetrics(bold).height()
        rect = self._card_rect(option)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#1e88e5" if selected else "#cfd8dc"), 1.5 if selected else 1))
        painter.setBrush(QColor("#e3f2fd" if selected else "#ffffff"))
        painter.drawRoundedRect(rect, 5, 5)
        stripe = STATUS_STRIPES.get(card.status, OPEN_STRIPE)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(stripe))
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), 4, rect.height()), 2, 2)

        left = rect.left() + PAD
        width = rect.width() - 2 * PAD
        y = rect.top() + PAD
        # line 1: the customer, the presales chip on the right
        painter.setFont(small)
        fm = QFontMetrics(small)
        chip = self._paint_chip(painter, index.data(PRESALES_ROLE), QRect(left, y, width, small_h))
        painter.setPen(QColor("#607d8b"))
        painter.drawText(
            QRect(left, y, width - chip, small_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(card.customer_name, Qt.TextElideMode.ElideRight, width - chip),
        )
        y += small_h
        # line 2: the deal
        painter.setFont(bold)
        painter.setPen(QColor("#263238"))
        painter.drawText(
            QRect(left, y, width, bold_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold).elidedText(card.name, Qt.TextElideMode.ElideRight, width),
        )
        y += bold_h + 2
        # line 3: amount, badges on the right
        painter.setFont(small)
        badges = self._badge_rects(rect, card, y, small_h)
        badge_width = len(badges) * (BADGE + 3)
        painter.setPen(QColor("#1b5e20" if card.status is DealStatus.WON else "#37474f"))
        painter.drawText(
            QRect(left, y, width - badge_width, small_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(money_text(card.amount), Qt.TextElideMode.ElideRight,
                          width - badge_width),
        )  # fmt: skip
        for badge, flag in badges:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(FLAG_COLOURS[flag]))
            painter.drawEllipse(badge)
        y += small_h
        # line 4: close date, days in stage
        painter.setPen(QColor("#78909c"))
        date_text = self._date_text(card)
        days = self._days_text(card)
        days_width = fm.horizontalAdvance(days) + 2
        painter.drawText(
            QRect(left, y, width - days_width, small_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(date_text, Qt.TextElideMode.ElideRight, width - days_width),
        )
        if days:
            old = card.days_in_stage >= 30 and card.status is DealStatus.OPEN
            painter.setPen(QColor("#e65100" if old else "#78909c"))
            painter.drawText(
                QRect(left, y, width, small_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                days,
            )
        painter.restore()

    @staticmethod
    def _paint_chip(painter: QPainter, chip: CardChip | None, line: QRect) -> int:
        """Paint the presales chip at the right of *line*; the width it took
        (with the gap before it), 0 without one."""
        if chip is None:
            return 0
        fm = painter.fontMetrics()
        most = int(line.width() * CHIP_SHARE) - 2 * CHIP_PAD
        text = fm.elidedText(chip.text, Qt.TextElideMode.ElideRight, most)
        width = fm.horizontalAdvance(text) + 2 * CHIP_PAD
        box = QRect(line.right() - width + 1, line.top(), width, line.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(chip.colour))
        painter.drawRoundedRect(box, line.height() / 2, line.height() / 2)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        return width + 4

    @staticmethod
    def _date_text(card: BoardCard) -> str:
        if card.status is not DealStatus.OPEN and card.closed_at is not None:
            return card.closed_at.astimezone().date().isoformat()
        return card.close_date.isoformat() if card.close_date else "—"

    @staticmethod
    def _days_text(card: BoardCard) -> str:
        if card.status is not DealStatus.OPEN:
            return ""
        return QCoreApplication.translate("FunnelBoard", "{n} d").format(n=card.days_in_stage)

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: AnyIndex,
    ) -> bool:
        """A badge's tooltip is its flag's label; elsewhere the card's."""
        card: BoardCard | None = index.data(CARD_ROLE) if index.isValid() else None
        if card is not None and event.type() == event.Type.ToolTip:
            small, bold = self._fonts(option)
            rect = self._card_rect(option)
            small_h = QFontMetrics(small).height()
            line3 = rect.top() + PAD + small_h + QFontMetrics(bold).height() + 2
            for badge, flag in self._badge_rects(rect, card, line3, small_h):
                if badge.adjusted(-2, -2, 2, 2).contains(event.pos()):
                    QToolTip.showText(
                        event.globalPos(), QCoreApplication.translate("Domain", flag.label), view
                    )
                    return True
        return super().helpEvent(event, view, option, index)
