"""Where a quote version stands, at the top of the editor: its number and
version, a status badge, a banner saying what the state means (pending
approval and why, frozen, expired) with "New version" on a frozen one; and
the table of the version's approval requests and decisions."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.quote import (
    ApprovalDecision,
    Quote,
    QuoteApproval,
    QuoteStatus,
    max_discount,
    percent_text,
)
from erpdesk.ui.widgets import enum_text, local_time_text

# status -> banner colours (background, text); "new" for an unsaved quote
COLOURS: dict[Any, tuple[str, str]] = {
    "new": ("#eceff1", "#37474f"),
    QuoteStatus.DRAFT: ("#e3f2fd", "#0d47a1"),
    QuoteStatus.PENDING_APPROVAL: ("#fff3e0", "#8a4b00"),
    QuoteStatus.APPROVED: ("#e8f5e9", "#1b5e20"),
    QuoteStatus.SENT: ("#ede7f6", "#311b92"),
    QuoteStatus.ACCEPTED: ("#e8f5e9", "#1b5e20"),
    QuoteStatus.DECLINED: ("#ffebee", "#b71c1c"),
    QuoteStatus.SUPERSEDED: ("#eceff1", "#455a64"),
}
_BANNER_STYLE = "QLabel {{ background: {bg}; color: {fg}; padding: 6px 10px; border-radius: 4px; }}"
_BADGE_STYLE = "padding: 2px 8px; border-radius: 9px; color: white; background: {fg};"


class StatusBanner(QWidget):
    """Number, badge and banner of the version shown.

    Signals:
        new_version_requested(): "New version" on a frozen version.
    """

    new_version_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number_label = QLabel()
        font = self.number_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.number_label.setFont(font)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.button = QPushButton()
        self.button.clicked.connect(self.new_version_requested)
        top = QHBoxLayout()
        top.addWidget(self.number_label)
        top.addWidget(self.status_label)
        top.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.banner, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(self.tr("New version"))

    def title(self, quote: Quote, saved: bool) -> str:
        """ "Q-… · version 2", or "New quote" before the first save."""
        if not saved:
            return self.tr("New quote")
        return self.tr("{number} · version {version}").format(
            number=quote.number, version=quote.version
        )

    def show_quote(self, quote: Quote, approvals: list[QuoteApproval], saved: bool) -> None:
        bg, fg = COLOURS[quote.status if saved else "new"]
        self.number_label.setText(self.title(quote, saved))
        self.status_label.setText(enum_text(quote.status) if saved else "")
        self.status_label.setStyleSheet(_BADGE_STYLE.format(fg=fg))
        self.status_label.setVisible(saved)
        self.banner.setText(self.text(quote, approvals, saved))
        self.banner.setStyleSheet(_BANNER_STYLE.format(bg=bg, fg=fg))
        self.button.setVisible(saved and quote.frozen)

    def text(self, quote: Quote, approvals: list[QuoteApproval], saved: bool) -> str:
        """What the banner says about the version's state."""
        if not saved:
            return self.tr("New quote: it gets its number when it is first saved.")
        status = quote.status
        decisions = [a for a in approvals if a.decision is not None and not a.deleted]
        last = decisions[-1] if decisions else None
        if status is QuoteStatus.PENDING_APPROVAL:
            text = self.tr(
                "Pending approval: a discount of {discount} % is above your limit of {limit} %. "
                "Record a manager's approval before sending."
            ).format(
                discount=percent_text(max_discount(quote)),
                limit=percent_text(quote.discount_limit),
            )
            if last is not None and last.decision is ApprovalDecision.REJECTED:
                text += " " + self.tr("Last decision: rejected by {by}.").format(by=last.by)
        elif status is QuoteStatus.APPROVED:
            by = last.by if last is not None else "—"
            text = self.tr("Approved by {by}: ready to send.").format(by=by)
        elif status is QuoteStatus.DRAFT:
            text = self.tr("Draft: not sent to the customer yet.")
        elif status is QuoteStatus.SENT:
            text = self.tr(
                "Sent on {when}: frozen, read-only. Make a new version to change it."
            ).format(when=local_time_text(quote.sent_at) or "—")
        elif status is QuoteStatus.ACCEPTED:
            text = self.tr("Accepted by the customer: frozen, read-only.")
        elif status is QuoteStatus.DECLINED:
            text = self.tr("Declined by the customer: frozen, read-only.")
        else:
            text = self.tr("Replaced by a newer version: frozen, read-only.")
        if not quote.frozen and quote.valid_until is not None and quote.valid_until < date.today():
            text += " " + self.tr("Expired on {date}.").format(date=quote.valid_until)
        return text


class ApprovalsTable(QTableWidget):
    """A version's approval requests and decisions, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.approvals: list[QuoteApproval] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Kind"), self.tr("By"), self.tr("Discount"),
             self.tr("Note")]
        )  # fmt: skip
        self.show_approvals(self.approvals)

    def show_approvals(self, approvals: list[QuoteApproval]) -> None:
        self.approvals = list(approvals)
        self.setRowCount(0)
        for approval in reversed(self.approvals):
            row = self.rowCount()
            self.insertRow(row)
            kind = enum_text(approval.decision) if approval.decision else self.tr("Requested")
            cells = (
                local_time_text(approval.at),
                kind,
                approval.by,
                f"{percent_text(approval.max_discount)} %",
                approval.note,
            )
            for column, text in enumerate(cells):
                self.setItem(row, column, QTableWidgetItem(text))
