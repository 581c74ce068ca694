"""The funnel's filter bar: owner, close period, amount range, industry and
source, turned into ``DealCriteria`` (applied in SQL by the read model)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from erpdesk.domain.customer import Industry, Source
from erpdesk.domain.deal_rules import parse_amount
from erpdesk.storage.deal_queries import DealCriteria
from erpdesk.ui.widgets import PROBLEM_STYLE, EnumCombo

PERIODS = ("any", "this_month", "this_quarter", "next_quarter", "overdue")


def _quarter_start(day: date) -> date:
    return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def period_range(period: str, today: date) -> tuple[date | None, date | None]:
    """The close dates (inclusive) of a close period; overdue is before today."""
    if period == "this_month":
        start = today.replace(day=1)
        return start, _add_months(start, 1) - timedelta(days=1)
    if period == "this_quarter":
        start = _quarter_start(today)
        return start, _add_months(start, 3) - timedelta(days=1)
    if period == "next_quarter":
        start = _add_months(_quarter_start(today), 3)
        return start, _add_months(start, 3) - timedelta(days=1)
    if period == "overdue":
        return None, today - timedelta(days=1)
    return None, None


class FilterBar(QWidget):
    """Filters of the board and the list.

    Signals:
        changed(): the criteria changed (amounts once they read as amounts).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owner_combo = QComboBox()
        self.owner_combo.setObjectName("ownerFilter")
        self.owner_combo.addItem("", None)
        self.owner_combo.setMinimumContentsLength(8)
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("periodFilter")
        for code in PERIODS:
            self.period_combo.addItem("", code)
        self.min_edit = QLineEdit()
        self.min_edit.setObjectName("minAmount")
        self.max_edit = QLineEdit()
        self.max_edit.setObjectName("maxAmount")
        for edit in (self.min_edit, self.max_edit):
            edit.setClearButtonEnabled(True)
            edit.setMaximumWidth(110)
            edit.editingFinished.connect(self._amounts_edited)
            edit.textChanged.connect(self._amount_typed)
        self.industry_combo = EnumCombo(Industry, "")
        self.industry_combo.setObjectName("industryFilter")
        self.source_combo = EnumCombo(Source, "")
        self.source_combo.setObjectName("sourceFilter")
        for combo in (self.owner_combo, self.period_combo, self.industry_combo, self.source_combo):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.owner_label = QLabel()
        self.period_label = QLabel()
        self.amount_label = QLabel()
        self.dash_label = QLabel("–")
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet(PROBLEM_STYLE)
        self.problem_label.setVisible(False)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        for widget in (
            self.owner_label, self.owner_combo, self.period_label, self.period_combo,
            self.amount_label, self.min_edit, self.dash_label, self.max_edit,
            self.industry_combo, self.source_combo, self.problem_label,
        ):  # fmt: skip
            layout.addWidget(widget)
        layout.addStretch(1)
        self._amounts: tuple[Decimal | None, Decimal | None] = (None, None)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.owner_label.setText(self.tr("Owner"))
        self.owner_combo.setItemText(0, self.tr("Everyone"))
        self.period_label.setText(self.tr("Close"))
        periods = {
            "any": self.tr("Any time"),
            "this_month": self.tr("This month"),
            "this_quarter": self.tr("This quarter"),
            "next_quarter": self.tr("Next quarter"),
            "overdue": self.tr("Overdue"),
        }
        for i, code in enumerate(PERIODS):
            self.period_combo.setItemText(i, periods[code])
        self.amount_label.setText(self.tr("Amount"))
        self.min_edit.setPlaceholderText(self.tr("from, e.g. 50万"))
        self.max_edit.setPlaceholderText(self.tr("to"))
        self.industry_combo.set_empty_text(self.tr("All industries"))
        self.source_combo.set_empty_text(self.tr("All sources"))
        self._amount_typed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- owners ----------------------------------------------------------------

    def set_owners(self, owners: list[str]) -> None:
        """Offer *owners*, keeping the one chosen."""
        current = self.owner_combo.currentData()
        known = [self.owner_combo.itemData(i) for i in range(1, self.owner_combo.count())]
        if known == owners:
            return
        self.owner_combo.blockSignals(True)
        while self.owner_combo.count() > 1:
            self.owner_combo.removeItem(1)
        for owner in owners:
            self.owner_combo.addItem(owner, owner)
        if current and current not in owners:
            self.owner_combo.addItem(current, current)
        self.owner_combo.setCurrentIndex(max(self.owner_combo.findData(current), 0))
        self.owner_combo.blockSignals(False)

    # -- amounts ---------------------------------------------------------------

    @staticmethod
    def _read(edit: QLineEdit) -> tuple[Decimal | None, bool]:
        text = edit.text().strip()
        if not text:
            return None, True
        amount = parse_amount(text)
        if amount is None or amount < 0:
            return None, False
        return amount, True

    def _amount_typed(self) -> None:
        bad = [e for e in (self.min_edit, self.max_edit) if not self._read(e)[1]]
        for edit in (self.min_edit, self.max_edit):
            edit.setStyleSheet("border: 1px solid #c62828;" if edit in bad else "")
        self.problem_label.setText(
            self.tr("Not an amount: {text}").format(text=bad[0].text()) if bad else ""
        )
        self.problem_label.setVisible(bool(bad))

    def _amounts_edited(self) -> None:
        low, ok_low = self._read(self.min_edit)
        high, ok_high = self._read(self.max_edit)
        if not (ok_low and ok_high):
            return  # keep the last good range until the text reads as an amount
        if (low, high) != self._amounts:
            self._amounts = (low, high)
            self.changed.emit()

    # -- criteria --------------------------------------------------------------

    def criteria(self, today: date, closed_since: date | None = None) -> DealCriteria:
        close_from, close_to = period_range(self.period_combo.currentData() or "any", today)
        low, high = self._amounts
        return DealCriteria(
            owner=self.owner_combo.currentData() or None,
            close_from=close_from,
            close_to=close_to,
            min_amount=low,
            max_amount=high,
            industry=self.industry_combo.current_code(),
            source=self.source_combo.current_code(),
            closed_since=closed_since,
        )
