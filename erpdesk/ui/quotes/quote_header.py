"""The quote editor's header: customer, deal, title, price mode, quote
date, validity and the language the quote is printed in, each with its
problem shown under it."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from erpdesk.domain.deal_rules import parse_date
from erpdesk.domain.quote import PriceMode, Quote
from erpdesk.ui.widgets import EnumCombo, ProblemLabel, with_problem_label

LANGUAGES = (("zh_CN", "简体中文"), ("en", "English"))
# (key, row, column, columns spanned by the editor) in the header's grid
PLACES = (
    ("customer", 0, 0, 1), ("deal_id", 0, 2, 1), ("language", 0, 4, 1),
    ("title", 1, 0, 2), ("price_mode", 1, 4, 1),
    ("quote_date", 2, 0, 1), ("valid_until", 2, 2, 1),
)  # fmt: skip


class QuoteHeader(QWidget):
    """Signals:
    edited(): a field was changed by the user.
    mode_changed(): the price mode changed (the lines compute again).
    """

    edited = Signal()
    mode_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.customer_value = QLabel()
        self.customer_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.deal_combo = QComboBox()
        self.deal_combo.setMinimumContentsLength(16)
        self.title_edit = QLineEdit()
        self.mode_combo = EnumCombo(PriceMode)
        self.date_edit = QLineEdit()
        self.valid_edit = QLineEdit()
        for edit in (self.date_edit, self.valid_edit):
            edit.setPlaceholderText("2026-06-30")
            edit.setMaximumWidth(220)
        self.language_combo = QComboBox()
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        self.editors: dict[str, QWidget] = {
            "customer": self.customer_value,
            "deal_id": self.deal_combo,
            "title": self.title_edit,
            "price_mode": self.mode_combo,
            "quote_date": self.date_edit,
            "valid_until": self.valid_edit,
            "language": self.language_combo,
        }
        self.captions: dict[str, QLabel] = {}
        self.problem_labels: dict[str, ProblemLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        height = self.title_edit.sizeHint().height()
        for key, row, column, span in PLACES:
            caption = QLabel()
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            caption.setStyleSheet("color: #546e7a;")
            caption.setFixedHeight(height)  # level with the editor's first line
            self.captions[key] = caption
            box, label = with_problem_label(self.editors[key])
            self.problem_labels[key] = label
            grid.addWidget(caption, row, column, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(box, row, column + 1, 1, 2 * span - 1, Qt.AlignmentFlag.AlignTop)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        self.customer_value.setFixedHeight(height)
        self.deal_combo.currentIndexChanged.connect(self._edited)
        self.title_edit.textEdited.connect(self._edited)
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        self.date_edit.textEdited.connect(self._edited)
        self.valid_edit.textEdited.connect(self._edited)
        self.date_edit.editingFinished.connect(self.check_dates)
        self.valid_edit.editingFinished.connect(self.check_dates)
        self.language_combo.currentIndexChanged.connect(self._edited)
        self.retranslate()

    def retranslate(self) -> None:
        captions = {
            "customer": self.tr("Customer"),
            "deal_id": self.tr("Deal"),
            "title": self.tr("Title"),
            "price_mode": self.tr("Prices"),
            "quote_date": self.tr("Quote date"),
            "valid_until": self.tr("Valid until"),
            "language": self.tr("Printed in"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.title_edit.setPlaceholderText(self.tr("e.g. 集团财务与供应链一期"))
        if self.deal_combo.count():
            self.deal_combo.setItemText(0, self.tr("— none —"))
        self.mode_combo.retranslate()

    def _edited(self, *_args: Any) -> None:
        if not self._loading:
            self.edited.emit()

    def _mode_changed(self, *_args: Any) -> None:
        if not self._loading:
            self.mode_changed.emit()
            self.edited.emit()

    # -- values ------------------------------------------------------------------

    def load(self, quote: Quote, customer_name: str, deals: list[tuple[str, str]]) -> None:
        """Show *quote*'s header; *deals* are (id, name) of its customer's."""
        self._loading = True
        self.customer_value.setText(customer_name)
        self.deal_combo.clear()
        self.deal_combo.addItem(self.tr("— none —"), None)
        for deal_id, name in deals:
            self.deal_combo.addItem(name, deal_id)
        if quote.deal_id and self.deal_combo.findData(quote.deal_id) < 0:
            self.deal_combo.addItem(quote.deal_id, quote.deal_id)
        self.deal_combo.setCurrentIndex(max(self.deal_combo.findData(quote.deal_id), 0))
        self.title_edit.setText(quote.title)
        self.mode_combo.set_member(quote.price_mode)
        self.date_edit.setText(quote.quote_date.isoformat())
        self.valid_edit.setText(quote.valid_until.isoformat() if quote.valid_until else "")
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(quote.language), 0))
        self.clear_problems()
        self._loading = False

    def set_frozen(self, frozen: bool) -> None:
        for edit in (self.title_edit, self.date_edit, self.valid_edit):
            edit.setReadOnly(frozen)
        for combo in (self.deal_combo, self.mode_combo, self.language_combo):
            combo.setEnabled(not frozen)

    def price_mode(self) -> PriceMode | None:
        member = self.mode_combo.current_member()
        return member if isinstance(member, PriceMode) else None

    def language(self) -> str:
        return str(self.language_combo.currentData() or "zh_CN")

    def day(self) -> date | None:
        """The quote date as typed, None while it is not a date."""
        return parse_date(self.date_edit.text().strip())

    def values(self) -> dict[str, Any] | None:
        """The header's fields as ``Quote`` fields; None (the problems
        shown) while a date does not read."""
        if not self.check_dates():
            return None
        valid_text = self.valid_edit.text().strip()
        return {
            "deal_id": self.deal_combo.currentData() or None,
            "title": self.title_edit.text(),
            "quote_date": self.day(),
            "valid_until": parse_date(valid_text) if valid_text else None,
            "language": self.language(),
        }

    # -- problems ----------------------------------------------------------------

    def not_a_date(self, text: str) -> str:
        return self.tr("“{text}” is not a date (YYYY-MM-DD)").format(text=text)

    def check_dates(self) -> bool:
        """Show under each date field whether it reads; True when both do
        (the validity may be empty, the quote date may not)."""
        ok = True
        for key, edit, required in (
            ("quote_date", self.date_edit, True),
            ("valid_until", self.valid_edit, False),
        ):
            text = edit.text().strip()
            bad = (bool(text) or required) and parse_date(text) is None
            self.problem_labels[key].show_text(self.not_a_date(text) if bad else "")
            ok = ok and not bad
        return ok

    def clear_problems(self) -> None:
        for label in self.problem_labels.values():
            label.show_text("")

    def show_problem(self, key: str, text: str) -> bool:
        """Add *text* under the field *key*; False when there is no such field."""
        label = self.problem_labels.get(key)
        if label is None:
            return False
        label.show_text("\n".join(t for t in (label.text(), text) if t))
        return True
