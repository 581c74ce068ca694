"""The quote editor's totals: each group's subtotal (net, VAT, total), the
quote's net, VAT and total, and the total in words (大写), shown live."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from erpdesk.domain.money import amount_in_words, format_money
from erpdesk.domain.quote import QuoteTotals
from erpdesk.ui.widgets import enum_text

_CELL = "padding-right:14px"


class TotalsPanel(QFrame):
    """The totals strip under the lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quoteTotals")
        self.setStyleSheet(
            "QFrame#quoteTotals { background: #f5f7f8; border: 1px solid #cfd8dc;"
            " border-radius: 4px; }"
        )
        self.totals: QuoteTotals | None = None
        self.groups_label = QLabel()
        self.groups_label.setTextFormat(Qt.TextFormat.RichText)
        self.groups_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.net_caption, self.vat_caption, self.total_caption = QLabel(), QLabel(), QLabel()
        self.net_value, self.vat_value, self.total_value = QLabel(), QLabel(), QLabel()
        for value in (self.net_value, self.vat_value, self.total_value):
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = self.total_value.font()
        big.setBold(True)
        big.setPointSizeF(big.pointSizeF() * 1.25)
        self.total_value.setFont(big)
        self.total_caption.setStyleSheet("font-weight: bold;")
        self.words_label = QLabel()
        self.words_label.setWordWrap(True)
        self.words_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        sums = QFormLayout()
        sums.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        sums.setHorizontalSpacing(12)
        sums.setVerticalSpacing(2)
        sums.addRow(self.net_caption, self.net_value)
        sums.addRow(self.vat_caption, self.vat_value)
        sums.addRow(self.total_caption, self.total_value)
        right = QVBoxLayout()
        right.addLayout(sums)
        right.addWidget(self.words_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.groups_label, 3)
        layout.addLayout(right, 2)
        self.retranslate()

    def retranslate(self) -> None:
        self.net_caption.setText(self.tr("Net total"))
        self.vat_caption.setText(self.tr("VAT total"))
        self.total_caption.setText(self.tr("Total incl. VAT"))
        self.show_totals(self.totals)

    def show_totals(self, totals: QuoteTotals | None) -> None:
        """Show *totals* (None: the lines do not compute yet)."""
        self.totals = totals
        if totals is None:
            for label in (self.net_value, self.vat_value, self.total_value):
                label.setText("—")
            self.words_label.setText("")
            self.groups_label.setText("")
            return
        self.net_value.setText(f"¥ {format_money(totals.net)}")
        self.vat_value.setText(f"¥ {format_money(totals.vat)}")
        self.total_value.setText(f"¥ {format_money(totals.total)}")
        try:
            words = amount_in_words(totals.total)
        except ValueError:  # beyond 万亿: the quote's check says so on save
            words = "—"
        self.words_label.setText(self.tr("In words: {words}").format(words=words))
        if not totals.groups:
            self.groups_label.setText("")
            return
        titles = [
            html.escape(t)
            for t in (self.tr("Subtotals"), self.tr("Net"), self.tr("VAT"), self.tr("Total"))
        ]
        head = (
            f"<tr style='color:#78909c'><td style='{_CELL}'>{titles[0]}</td>"
            f"<td align='right' style='{_CELL}'>{titles[1]}</td>"
            f"<td align='right' style='{_CELL}'>{titles[2]}</td>"
            f"<td align='right'>{titles[3]}</td></tr>"
        )
        rows = "".join(
            f"<tr><td style='{_CELL}'>{html.escape(enum_text(kind))}</td>"
            f"<td align='right' style='{_CELL}'>{format_money(amounts.net)}</td>"
            f"<td align='right' style='{_CELL}'>{format_money(amounts.vat)}</td>"
            f"<td align='right'><b>{format_money(amounts.total)}</b></td></tr>"
            for kind, amounts in totals.groups
        )
        self.groups_label.setText(f"<table cellspacing='0'>{head}{rows}</table>")
