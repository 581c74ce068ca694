"""The quote editor's lines: a table model over the lines as typed, and the
delegate that edits them (an item picker with type-ahead over the
catalogue, a combo for the group and the VAT rate, a line for the rest).

Each row keeps the texts the user typed, so nothing typed is lost while it
is not a number yet; the row's ``QuoteLine`` is read from them when asked
(``line_at``).  The net, VAT and total columns are computed by the
domain's ``line_amounts`` from the row as it stands, so they follow every
keystroke that is committed.  Cells with a problem (a text that is not a
number here, or a problem the service names as ``lines[N].field``) are
painted red with the message as their tooltip.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from erpdesk.domain.customer import enum_member
from erpdesk.domain.deal_rules import parse_amount
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.money import format_money
from erpdesk.domain.quote import ItemKind, LineAmounts, PriceMode, QuoteLine, line_amounts
from erpdesk.ui.table_models import RowTableModel
from erpdesk.ui.widgets import enum_text

if TYPE_CHECKING:
    from erpdesk.domain.catalogue import Catalogue

CONTEXT = "QuoteLinesModel"
PROBLEM_BACKGROUND = QColor("#ffcdd2")
COMPUTED_BACKGROUND = QColor("#f5f7f8")

# (key, English header) of each column, in order.  Keys are the QuoteLine
# fields a problem names (``lines[2].discount``); the last three are computed.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("item", QT_TRANSLATE_NOOP("QuoteLinesModel", "Item")),
    ("description", QT_TRANSLATE_NOOP("QuoteLinesModel", "Description")),
    ("group", QT_TRANSLATE_NOOP("QuoteLinesModel", "Group")),
    ("quantity", QT_TRANSLATE_NOOP("QuoteLinesModel", "Qty")),
    ("unit", QT_TRANSLATE_NOOP("QuoteLinesModel", "Unit")),
    ("unit_price", QT_TRANSLATE_NOOP("QuoteLinesModel", "Unit price")),
    ("discount", QT_TRANSLATE_NOOP("QuoteLinesModel", "Discount %")),
    ("vat_rate", QT_TRANSLATE_NOOP("QuoteLinesModel", "VAT %")),
    ("net", QT_TRANSLATE_NOOP("QuoteLinesModel", "Net")),
    ("vat", QT_TRANSLATE_NOOP("QuoteLinesModel", "VAT")),
    ("total", QT_TRANSLATE_NOOP("QuoteLinesModel", "Total")),
)
KEYS = tuple(key for key, _text in COLUMNS)
COLUMN = {key: n for n, key in enumerate(KEYS)}
COMPUTED = frozenset({"net", "vat", "total"})
NUMBERS = frozenset({"quantity", "unit_price", "discount", "vat_rate", "net", "vat", "total"})
# ``lines[3].discount`` / ``lines[3]``: a problem's field naming a line
_LINE_FIELD = re.compile(r"^lines\[(\d+)\](?:\.(\w+))?$")
# The service numbers lines in its problem fields from this (domain rule).
LINE_FIELD_BASE = 0


def _plain(number: Decimal) -> str:
    """*number* as typed-looking text: no exponent, no trailing zeros."""
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def percent_value(text: str) -> Decimal | None:
    """A percentage as typed ("10", "10%", "１０ ％") as a Decimal, or None."""
    return parse_amount(text.strip().rstrip("%％").strip()) if text.strip() else None


@dataclass
class LineRow:
    """One line as typed.  Numbers are kept as text until read."""

    description: str = ""
    quantity: str = "1"
    unit_price: str = ""
    group: ItemKind = ItemKind.LICENCE
    item: str = ""
    unit: str = ""
    discount: str = "0"
    vat_rate: str = "13"
    list_price: Decimal | None = None
    item_name: str = ""  # the catalogue's name of ``item``, for display

    @classmethod
    def of(cls, line: QuoteLine, item_name: str = "") -> LineRow:
        return cls(
            description=line.description,
            quantity=_plain(line.quantity),
            unit_price=_plain(line.unit_price),
            group=line.group,
            item=line.item,
            unit=line.unit,
            discount=_plain(line.discount),
            vat_rate=_plain(line.vat_rate),
            list_price=line.list_price,
            item_name=item_name,
        )

    def numbers(self) -> dict[str, Decimal | None]:
        """The numeric cells read from their texts (None: not a number)."""
        return {
            "quantity": parse_amount(self.quantity) if self.quantity.strip() else None,
            "unit_price": parse_amount(self.unit_price) if self.unit_price.strip() else None,
            "discount": percent_value(self.discount) if self.discount.strip() else Decimal(0),
            "vat_rate": percent_value(self.vat_rate),
        }

    def line(self) -> QuoteLine | None:
        """The QuoteLine of this row; None while a number does not read."""
        values = self.numbers()
        if any(v is None for v in values.values()):
            return None
        return QuoteLine(
            description=self.description,
            quantity=values["quantity"],  # type: ignore[arg-type]
            unit_price=values["unit_price"],  # type: ignore[arg-type]
            group=self.group,
            item=self.item,
            unit=self.unit,
            discount=values["discount"],  # type: ignore[arg-type]
            vat_rate=values["vat_rate"],  # type: ignore[arg-type]
            list_price=self.list_price,
        )


@dataclass
class _Cell:
    problems: list[str] = field(default_factory=list)


class QuoteLinesModel(RowTableModel[LineRow]):
    """The lines of the quote being edited.

    Signals:
        edited(): a line changed, was added, removed or moved.
    """

    edited = Signal()
    context = CONTEXT
    headers = tuple(text for _key, text in COLUMNS)
    numbered = True

    def __init__(self, price_mode: PriceMode = PriceMode.INCLUSIVE, parent: Any = None) -> None:
        super().__init__(parent)
        self.price_mode = price_mode
        self.editable = True
        # (row, column key) -> translated problem texts from the last save
        self._problems: dict[tuple[int, str], list[str]] = {}
        self._amounts: list[LineAmounts | None] = []
        self.item_chosen: Callable[[int, str], None] | None = None

    # -- Qt model --------------------------------------------------------------

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        key = KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.row(), row, key)
        if role == Qt.ItemDataRole.EditRole:
            if key == "group":
                return row.group.value
            if key in COMPUTED:
                return None
            return getattr(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            problems = self.cell_problems(index.row(), key)
            if problems:
                return "\n".join(problems)
            if key == "item" and row.item_name:
                return f"{row.item} · {row.item_name}"
            if key == "unit_price" and row.list_price is not None:
                return QCoreApplication.translate("QuoteLinesModel", "List price: {price}").format(
                    price=format_money(row.list_price)
                )
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.cell_problems(index.row(), key):
                return PROBLEM_BACKGROUND
            if key in COMPUTED:
                return COMPUTED_BACKGROUND
            return None
        if role == Qt.ItemDataRole.ForegroundRole and key == "discount":
            discount = percent_value(row.discount) if row.discount.strip() else None
            if discount and discount > 0:
                return QColor("#a15c00")
        if role == Qt.ItemDataRole.TextAlignmentRole and key in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, n: int, row: LineRow, key: str) -> str:
        if key == "group":
            return enum_text(row.group)
        if key == "item":
            return row.item
        if key in COMPUTED:
            amounts = self.amounts(n)
            return format_money(getattr(amounts, key)) if amounts is not None else "—"
        if key == "unit_price":
            value = parse_amount(row.unit_price) if row.unit_price.strip() else None
            return format_money(value) if value is not None else row.unit_price
        return str(getattr(row, key))

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and KEYS[index.column()] not in COMPUTED:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:
        if not index.isValid() or not self.editable or role != Qt.ItemDataRole.EditRole:
            return False
        n = index.row()
        key = KEYS[index.column()]
        if key in COMPUTED:
            return False
        row = self.rows[n]
        if key == "group":
            try:
                row.group = enum_member(ItemKind, str(value))
            except ValueError:
                return False
        else:
            text = "" if value is None else str(value)
            text = text.strip() if key != "description" else text
            if getattr(row, key) == text:
                return False
            setattr(row, key, text)
        self._problems.pop((n, key), None)
        if key == "item" and self.item_chosen is not None and row.item:
            self.item_chosen(n, row.item)  # fills the row from the catalogue
        self._changed_row(n)
        return True

    # -- reading ---------------------------------------------------------------

    def amounts(self, n: int) -> LineAmounts | None:
        """Row *n*'s net, VAT and total; None while it does not read."""
        if not 0 <= n < len(self.rows):
            return None
        line = self.rows[n].line()
        if line is None:
            return None
        try:
            return line_amounts(line, self.price_mode)
        except (ArithmeticError, ValueError):
            return None

    def line_at(self, n: int) -> QuoteLine | None:
        return self.rows[n].line() if 0 <= n < len(self.rows) else None

    def lines(self) -> list[QuoteLine]:
        """The lines that read (the others are reported by ``input_problems``)."""
        return [line for row in self.rows if (line := row.line()) is not None]

    def input_problems(self) -> dict[tuple[int, str], str]:
        """Cells whose text is not a number, with the message to show."""
        out: dict[tuple[int, str], str] = {}
        for n, row in enumerate(self.rows):
            for key, value in row.numbers().items():
                if value is None:
                    text = getattr(row, key)
                    if text.strip():
                        message = QCoreApplication.translate(
                            "QuoteLinesModel", "Line {line}: “{text}” is not a number"
                        ).format(line=n + 1, text=text)
                    else:
                        message = QCoreApplication.translate(
                            "QuoteLinesModel", "Line {line}: the {column} is missing"
                        ).format(line=n + 1, column=self.column_name(key))
                    out[(n, key)] = message
        return out

    def cell_problems(self, n: int, key: str) -> list[str]:
        problems = list(self._problems.get((n, key), []))
        if key in ("quantity", "unit_price", "discount", "vat_rate"):
            row = self.rows[n]
            if row.numbers()[key] is None:
                problems.insert(0, self.input_problems().get((n, key), ""))
        return [p for p in problems if p]

    def column_name(self, key: str) -> str:
        return QCoreApplication.translate(CONTEXT, COLUMNS[COLUMN[key]][1])

    # -- problems from the service ---------------------------------------------

    def show_problems(self, problems: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        """Mark the cells that (field, translated text) pairs name
        (``lines[N].field``, ``lines[N]``); the others are returned."""
        self._problems = {}
        rest: list[tuple[str, str]] = []
        for name, text in problems:
            found = _LINE_FIELD.match(name)
            if found is None:
                rest.append((name, text))
                continue
            n = int(found.group(1)) - LINE_FIELD_BASE
            key = found.group(2) or "description"
            if key not in COLUMN:
                key = "description"
            if not 0 <= n < len(self.rows):
                rest.append((name, text))
                continue
            self._problems.setdefault((n, key), []).append(text)
        self._all_changed()
        return rest

    def add_problem(self, n: int, key: str, text: str) -> None:
        """Mark one cell (a code the catalogue does not know)."""
        self._problems.setdefault((n, key), []).append(text)
        self._changed_row(n)

    def problem_cells(self) -> set[tuple[int, str]]:
        """Every cell now marked (from the service or unreadable input)."""
        return set(self._problems) | set(self.input_problems())

    # -- changing --------------------------------------------------------------

    def _rows_reset(self) -> None:
        self._problems = {}

    def set_price_mode(self, mode: PriceMode) -> None:
        if mode is self.price_mode:
            return
        self.price_mode = mode
        self._all_changed()
        self.edited.emit()

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        self._all_changed()

    def insert_row(self, n: int, row: LineRow) -> int:
        n = max(0, min(n, len(self.rows)))
        self.beginInsertRows(QModelIndex(), n, n)
        self.rows.insert(n, row)
        self._problems = {(r + (1 if r >= n else 0), k): v for (r, k), v in self._problems.items()}
        self.endInsertRows()
        self.edited.emit()
        return n

    def append_row(self, row: LineRow) -> int:
        return self.insert_row(len(self.rows), row)

    def remove_row(self, n: int) -> None:
        if not 0 <= n < len(self.rows):
            return
        self.beginRemoveRows(QModelIndex(), n, n)
        del self.rows[n]
        self._problems = {
            (r - (1 if r > n else 0), k): v for (r, k), v in self._problems.items() if r != n
        }
        self.endRemoveRows()
        self.edited.emit()

    def move_row(self, n: int, delta: int) -> int:
        """Move row *n* up (-1) or down (+1); its new position."""
        target = n + delta
        if not (0 <= n < len(self.rows) and 0 <= target < len(self.rows)) or delta == 0:
            return n
        # beginMoveRows takes the position *before which* the row lands
        destination = target + 1 if delta > 0 else target
        self.beginMoveRows(QModelIndex(), n, n, QModelIndex(), destination)
        row = self.rows.pop(n)
        self.rows.insert(target, row)
        swapped: dict[tuple[int, str], list[str]] = {}
        for (r, k), v in self._problems.items():
            r2 = target if r == n else n if r == target else r
            swapped[(r2, k)] = v
        self._problems = swapped
        self.endMoveRows()
        self.edited.emit()
        return target

    def replace_row(self, n: int, row: LineRow) -> None:
        """Put *row* in place of row *n* (an item chosen from the catalogue)."""
        if not 0 <= n < len(self.rows):
            return
        self.rows[n] = row
        for key in KEYS:
            self._problems.pop((n, key), None)
        self._changed_row(n)

    def _changed_row(self, n: int) -> None:
        self.dataChanged.emit(self.index(n, 0), self.index(n, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, n, n)
        self.edited.emit()

    def retranslate(self) -> None:
        super().retranslate()
        self._all_changed()


def refilter(proxy: QSortFilterProxyModel, change: Callable[[], None]) -> None:
    """Run *change* (new filter values) and filter *proxy*'s rows again
    (Qt 6.10 replaced ``invalidateFilter`` by ``begin/endFilterChange``)."""
    begin = getattr(proxy, "beginFilterChange", None)
    if begin is None:
        change()
        proxy.invalidateFilter()
        return
    begin()
    change()
    proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)


# -- editing -------------------------------------------------------------------

VAT_CHOICES = ("13", "9", "6", "5", "3", "1", "0")


class ItemCombo(QComboBox):
    """An editable combo of the catalogue's active items: typing filters
    them by code or name (anywhere in the text); the data is the code."""

    def __init__(self, catalogue: Catalogue | None, language: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", "")
        if catalogue is not None:
            for item in catalogue.items:
                if item.active:
                    self.addItem(f"{item.code} · {item.name.get(language)}", item.code)
        texts = QStringListModel([self.itemText(i) for i in range(self.count())], self)
        completer = QCompleter(texts, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.setMinimumContentsLength(18)

    def code(self) -> str:
        """The chosen item's code; a typed code as it is; "" for none."""
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0:
            return str(self.itemData(index) or "")
        return text.split("·", 1)[0].strip()


class QuoteLineDelegate(QStyledItemDelegate):
    """Editors by column: the item picker, the group combo, the VAT combo
    (editable, other rates may be typed) and a plain line elsewhere."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.catalogue: Catalogue | None = None
        self.language = "zh_CN"

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        key = KEYS[index.column()]
        if key == "item":
            return ItemCombo(self.catalogue, self.language, parent)
        if key == "group":
            combo = QComboBox(parent)
            for member in ItemKind:
                combo.addItem(enum_text(member), member.value)
            return combo
        if key == "vat_rate":
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.addItems(list(VAT_CHOICES))
            return combo
        line = QLineEdit(parent)
        if key in NUMBERS:
            line.setAlignment(Qt.AlignmentFlag.AlignRight)
        return line

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        key = KEYS[index.column()]
        if isinstance(editor, ItemCombo):
            found = editor.findData(value)
            if found >= 0:
                editor.setCurrentIndex(found)
            else:
                editor.setEditText(str(value or ""))
        elif isinstance(editor, QComboBox) and key == "group":
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QComboBox):
            editor.setEditText(str(value or ""))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value or ""))

    def setModelData(
        self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        key = KEYS[index.column()]
        if isinstance(editor, ItemCombo):
            model.setData(index, editor.code(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox) and key == "group":
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
