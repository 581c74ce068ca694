"""The quote editor's lines tab: the lines table and its buttons (add a
line, add from the catalogue, remove, move up and down), the problems of
the lines and the hint that a discount needs a manager's approval.

Items chosen from the catalogue (in the item cell or the picker) take the
price list's price on the quote's date; a maintenance item takes its
percentage of the licences quoted so far.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.deal_rules import parse_amount
from erpdesk.domain.errors import DomainError
from erpdesk.domain.quote import ItemKind, PriceMode, QuoteLine
from erpdesk.ui.funnel.worksheet_widgets import ui_language
from erpdesk.ui.quotes.quote_lines_model import (
    COLUMN,
    LineRow,
    QuoteLineDelegate,
    QuoteLinesModel,
)
from erpdesk.ui.widgets import ProblemLabel, translate

if TYPE_CHECKING:
    from erpdesk.domain.catalogue import Catalogue

# Column widths of the lines table (the description takes the rest).
WIDTHS = {
    "item": 104, "group": 136, "quantity": 60, "unit": 54, "unit_price": 100,
    "discount": 78, "vat_rate": 60, "net": 104, "vat": 90, "total": 108,
}  # fmt: skip


class LinesPanel(QWidget):
    """The lines of the quote being edited.

    *catalogue*, *day* and *language* give the catalogue, the quote's date
    and the language its lines are written in, as the editor has them now.

    Signals:
        edited(): a line changed, was added, removed or moved.
    """

    edited = Signal()

    def __init__(
        self,
        catalogue: Callable[[], Catalogue | None],
        day: Callable[[], date],
        language: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._day = day
        self._language = language
        self.model = QuoteLinesModel(PriceMode.INCLUSIVE, self)
        self.model.item_chosen = self._item_chosen
        self.model.edited.connect(self.edited)
        self.delegate = QuoteLineDelegate(self)
        self.view = QTableView()
        self.view.setObjectName("quoteLines")
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMN["description"], QHeaderView.ResizeMode.Stretch)
        for key, width in WIDTHS.items():
            self.view.setColumnWidth(COLUMN[key], width)
        self.add_button = QPushButton()
        self.catalogue_button = QPushButton()
        self.remove_button = QPushButton()
        self.up_button = QPushButton("↑")
        self.down_button = QPushButton("↓")
        for button in (self.up_button, self.down_button):
            button.setFixedWidth(36)
        self.add_button.clicked.connect(self.add_line)
        self.catalogue_button.clicked.connect(self.add_from_catalogue)
        self.remove_button.clicked.connect(self.remove_line)
        self.up_button.clicked.connect(lambda: self.move_line(-1))
        self.down_button.clicked.connect(lambda: self.move_line(1))
        self.problem_label = ProblemLabel(self)
        self.approval_hint = QLabel()
        self.approval_hint.setStyleSheet("color: #a15c00;")
        self.approval_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in self.buttons():
            buttons.addWidget(button)
        buttons.addWidget(self.approval_hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problem_label)
        self.retranslate()

    def buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.add_button,
            self.catalogue_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        )

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add line"))
        self.catalogue_button.setText(self.tr("Add from catalogue…"))
        self.remove_button.setText(self.tr("Remove line"))
        self.up_button.setToolTip(self.tr("Move the line up"))
        self.down_button.setToolTip(self.tr("Move the line down"))
        self.model.retranslate()

    def set_frozen(self, frozen: bool) -> None:
        self.model.set_editable(not frozen)
        for button in self.buttons():
            button.setEnabled(not frozen)

    def set_lines(self, lines: Iterable[QuoteLine], mode: PriceMode) -> None:
        self.model.price_mode = mode
        names = self.item_names()
        self.model.set_rows(LineRow.of(line, names.get(line.item, "")) for line in lines)
        self.delegate.catalogue = self._catalogue()
        self.delegate.language = ui_language()
        self.problem_label.show_text("")

    def item_names(self) -> dict[str, str]:
        catalogue = self._catalogue()
        if catalogue is None:
            return {}
        language = ui_language()
        return {item.code: item.name.get(language) for item in catalogue.items}

    # -- from the catalogue -------------------------------------------------------

    def licence_total(self) -> Decimal:
        """The licences quoted so far, as the quote prices them (the base
        of a maintenance item's yearly fee)."""
        total = Decimal("0.00")
        inclusive = self.model.price_mode is PriceMode.INCLUSIVE
        for n, row in enumerate(self.model.rows):
            amounts = self.model.amounts(n)
            if row.group is ItemKind.LICENCE and amounts is not None:
                total += amounts.total if inclusive else amounts.net
        return total

    def line_from_catalogue(self, code: str, quantity: Decimal) -> LineRow:
        """A row for the catalogue item *code* at the quote date's price
        (``DomainError`` for an unknown item or one without a price)."""
        catalogue = self._catalogue()
        if catalogue is None:
            raise DomainError()
        line = catalogue.quote_line(
            code, quantity, self._day(), language=self._language(),
            licence_total=self.licence_total(),
        )  # fmt: skip
        return LineRow.of(line, self.item_names().get(code, ""))

    def _item_chosen(self, n: int, code: str) -> None:
        """The item cell of row *n* names *code*: fill the row from it."""
        row = self.model.rows[n]
        quantity = parse_amount(row.quantity) if row.quantity.strip() else None
        try:
            filled = self.line_from_catalogue(code, quantity or Decimal(1))
        except DomainError as exc:
            self.model.add_problem(n, "item", exc.render(translate))
            return
        self.model.replace_row(n, filled)  # the item's texts and price replace the row's

    def add_items(self, codes: list[str], quantity: str = "1") -> list[int]:
        """Append a line per catalogue item (licences first, so that a
        maintenance item counts them); the rows added."""
        amount = parse_amount(quantity) or Decimal(1)
        catalogue = self._catalogue()
        kinds = {item.code: item.kind for item in catalogue.items} if catalogue else {}
        added: list[int] = []
        problems: list[str] = []
        for code in sorted(codes, key=lambda c: kinds.get(c) is ItemKind.MAINTENANCE):
            years = kinds.get(code) is ItemKind.MAINTENANCE  # a year's fee, not N of them
            try:
                row = self.line_from_catalogue(code, Decimal(1) if years else amount)
            except DomainError as exc:
                problems.append(exc.render(translate))
                continue
            added.append(self.model.append_row(row))
        self.problem_label.show_text("\n".join(problems))
        if added:
            self.view.setCurrentIndex(self.model.index(added[-1], COLUMN["quantity"]))
        return added

    def add_from_catalogue(self) -> list[int]:
        catalogue = self._catalogue()
        if catalogue is None:
            return []
        from erpdesk.ui.quotes.quote_dialogs import CataloguePicker

        picker = CataloguePicker(catalogue, self._day(), ui_language(), self)
        if picker.exec() != CataloguePicker.DialogCode.Accepted:
            return []
        return self.add_items(picker.codes(), picker.quantity())

    # -- editing -----------------------------------------------------------------

    def add_line(self) -> int:
        """Append an empty line and start typing its description."""
        n = self.model.append_row(LineRow())
        index = self.model.index(n, COLUMN["description"])
        self.view.setCurrentIndex(index)
        self.view.edit(index)
        return n

    def remove_line(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove_row(index.row())

    def move_line(self, delta: int) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            row = self.model.move_row(index.row(), delta)
            self.view.setCurrentIndex(self.model.index(row, index.column()))

    # -- problems ----------------------------------------------------------------

    def show_input_problems(self) -> bool:
        """List the cells whose text does not read; False when there are some."""
        inputs = self.model.input_problems()
        self.problem_label.show_text("\n".join(inputs.values()))
        return not inputs

    def show_problems(self, problems: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Mark the cells the (field, text) problems name and list them; the
        problems of other fields are returned."""
        texts = [text for name, text in problems if name.startswith("lines")]
        rest = self.model.show_problems(problems)
        self.problem_label.show_text("\n".join(texts))
        return [(name, text) for name, text in rest if not name.startswith("lines")]
