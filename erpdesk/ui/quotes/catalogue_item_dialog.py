"""One catalogue item in a dialog: code, kind, names and units in Chinese
and English, licence basis, module, VAT, the maintenance percentage, its
price in one price list, the description and the FAB statements.

Save builds the whole catalogue with the item in place and hands it to
``QuoteService.save_catalogue``, which reads it back through the
catalogue's schema; its problems (``items[4].name.zh``,
``price_lists[1].prices.fi-gl``) are shown under the fields they name and
nothing is saved then.  Numbers that do not read are refused here first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.catalogue import (
    Catalogue,
    CatalogueError,
    CatalogueItem,
    CatalogueProblem,
    Fab,
    LicenceBasis,
    PriceList,
    Text,
)
from erpdesk.domain.deal_rules import parse_amount
from erpdesk.domain.errors import DomainError
from erpdesk.domain.quote import ItemKind, percent_text
from erpdesk.ui.form_fit import fit_to_screen
from erpdesk.ui.funnel.worksheet_widgets import ui_language
from erpdesk.ui.widgets import (
    EnumCombo,
    ProblemLabel,
    settle_minimum_size,
    translate,
    with_problem_label,
)

if TYPE_CHECKING:
    from erpdesk.ui.quotes import QuoteServices

# FAB table columns: (statement, language)
FAB_COLUMNS = (
    ("feature", "zh"), ("feature", "en"), ("advantage", "zh"), ("advantage", "en"),
    ("benefit", "zh"), ("benefit", "en"),
)  # fmt: skip
FIELDS = (
    "code", "kind", "active", "name_zh", "name_en", "unit_zh", "unit_en", "basis", "module",
    "vat_rate", "maintenance_percent", "price", "description_zh", "description_en", "fab",
)  # fmt: skip
# The field a catalogue problem's key path (after items[i]) names.
_PATH_FIELDS = {
    ("name", "zh"): "name_zh", ("name", "en"): "name_en", ("name",): "name_zh",
    ("unit", "zh"): "unit_zh", ("unit", "en"): "unit_en", ("unit",): "unit_zh",
    ("description", "zh"): "description_zh", ("description", "en"): "description_en",
}  # fmt: skip
_CODE = re.compile(r"[a-z0-9_.-]+\Z")


def _number(text: str) -> Decimal | None:
    """A number as typed ("13", "13%", "3,800.00"), None for blank; ValueError
    when it does not read."""
    text = text.strip().rstrip("%％").strip()
    if not text:
        return None
    value = parse_amount(text)
    if value is None:
        raise ValueError(text)
    return value


class CatalogueItemDialog(QDialog):
    """A new item (``item`` None) or an edit of *item*, priced in
    *price_list* (None: no price list to price it in)."""

    def __init__(
        self,
        services: QuoteServices,
        catalogue: Catalogue,
        item: CatalogueItem | None,
        price_list: PriceList | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.catalogue = catalogue
        self.item = item
        self.price_list = price_list
        self.saved_catalogue: Catalogue | None = None
        self.dirty = False
        self.setWindowTitle(
            self.tr("Edit item {code}").format(code=item.code) if item else self.tr("New item")
        )
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("fi-gl")
        self.code_edit.setReadOnly(item is not None)  # quotes refer to it by code
        self.kind_combo = EnumCombo(ItemKind)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.active_check = QCheckBox(self.tr("Offered in new quotes"))
        self.name_zh, self.name_en = QLineEdit(), QLineEdit()
        self.unit_zh, self.unit_en = QLineEdit(), QLineEdit()
        self.unit_zh.setPlaceholderText("用户")
        self.unit_en.setPlaceholderText("user")
        self.basis_combo = EnumCombo(LicenceBasis, "—")
        self.module_combo = QComboBox()
        self.module_combo.addItem("—", "")
        self._fill_modules()
        self.vat_edit = QLineEdit()
        self.maintenance_edit = QLineEdit()
        self.maintenance_edit.setPlaceholderText("18")
        self.price_edit = QLineEdit()
        self.description_zh, self.description_en = QPlainTextEdit(), QPlainTextEdit()
        for edit in (self.description_zh, self.description_en):
            edit.setTabChangesFocus(True)
        self.fab_table = QTableWidget(0, len(FAB_COLUMNS))
        self.fab_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fab_table.setWordWrap(True)
        self.fab_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_fab_button = QPushButton(self.tr("Add statement"))
        self.remove_fab_button = QPushButton(self.tr("Remove statement"))
        self.add_fab_button.clicked.connect(self.add_fab)
        self.remove_fab_button.clicked.connect(self.remove_fab)

        self.editors: dict[str, QWidget] = {
            "code": self.code_edit, "kind": self.kind_combo, "active": self.active_check,
            "name_zh": self.name_zh, "name_en": self.name_en, "unit_zh": self.unit_zh,
            "unit_en": self.unit_en, "basis": self.basis_combo, "module": self.module_combo,
            "vat_rate": self.vat_edit, "maintenance_percent": self.maintenance_edit,
            "price": self.price_edit, "description_zh": self.description_zh,
            "description_en": self.description_en, "fab": self.fab_table,
        }  # fmt: skip
        self.problem_labels: dict[str, ProblemLabel] = {}
        captions = self._captions()
        self.tabs = QTabWidget()
        general = QWidget()
        form = QFormLayout(general)
        for key in FIELDS[:12]:
            box, label = with_problem_label(self.editors[key])
            self.problem_labels[key] = label
            form.addRow(captions[key], box)
        texts = QWidget()
        text_form = QFormLayout(texts)
        for key in ("description_zh", "description_en"):
            box, label = with_problem_label(self.editors[key])
            self.problem_labels[key] = label
            text_form.addRow(captions[key], box)
        fab_box, self.problem_labels["fab"] = with_problem_label(self.fab_table)
        fab_buttons = QHBoxLayout()
        fab_buttons.addWidget(self.add_fab_button)
        fab_buttons.addWidget(self.remove_fab_button)
        fab_buttons.addStretch(1)
        text_form.addRow(QLabel(captions["fab"]))
        text_form.addRow(fab_buttons)
        text_form.addRow(fab_box)
        self.tabs.addTab(general, self.tr("Item and price"))
        self.tabs.addTab(texts, self.tr("Description and FAB"))
        self.error_label = ProblemLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._load(item)
        for widget in (self.code_edit, self.name_zh, self.name_en, self.unit_zh, self.unit_en,
                       self.vat_edit, self.maintenance_edit, self.price_edit):  # fmt: skip
            widget.textEdited.connect(self._mark_dirty)
        for combo in (self.kind_combo, self.basis_combo, self.module_combo):
            combo.currentIndexChanged.connect(self._mark_dirty)
        self.active_check.toggled.connect(self._mark_dirty)
        self.description_zh.textChanged.connect(self._mark_dirty)
        self.description_en.textChanged.connect(self._mark_dirty)
        self.fab_table.itemChanged.connect(self._mark_dirty)
        self.dirty = False
        settle_minimum_size(self)
        fit_to_screen(self, 760, 620)  # roomy, but never past a laptop's screen

    def _captions(self) -> dict[str, str]:
        if self.price_list is not None:
            price = self.tr("Price in {list} (CNY)").format(
                list=self.price_list.name.get(ui_language())
            )
        else:
            price = self.tr("Price (no price list)")
        return {
            "code": self.tr("Code *"),
            "kind": self.tr("Kind"),
            "active": self.tr("Active"),
            "name_zh": self.tr("Name (Chinese) *"),
            "name_en": self.tr("Name (English)"),
            "unit_zh": self.tr("Unit (Chinese) *"),
            "unit_en": self.tr("Unit (English)"),
            "basis": self.tr("Licence basis"),
            "module": self.tr("ERP module"),
            "vat_rate": self.tr("VAT rate %"),
            "maintenance_percent": self.tr("Maintenance % of licences"),
            "price": price,
            "description_zh": self.tr("Description (Chinese)"),
            "description_en": self.tr("Description (English)"),
            "fab": self.tr("FAB statements (feature · advantage · benefit)"),
        }

    def _fill_modules(self) -> None:
        deals = self._services.deals
        if deals is None:
            return
        from erpdesk.ui.funnel.worksheet_widgets import name_text

        for module in deals.playbook.modules:
            self.module_combo.addItem(f"{module.code} · {name_text(module.names)}", module.code)

    def _load(self, item: CatalogueItem | None) -> None:
        self.fab_table.setHorizontalHeaderLabels(
            [self.tr("Feature (zh)"), self.tr("Feature (en)"), self.tr("Advantage (zh)"),
             self.tr("Advantage (en)"), self.tr("Benefit (zh)"), self.tr("Benefit (en)")]
        )  # fmt: skip
        if item is None:
            self.active_check.setChecked(True)
            self.basis_combo.set_member(LicenceBasis.PER_USER)
            self._kind_changed()
            return
        self.code_edit.setText(item.code)
        self.kind_combo.set_member(item.kind)
        self.active_check.setChecked(item.active)
        self.name_zh.setText(item.name.zh)
        self.name_en.setText(item.name.en)
        self.unit_zh.setText(item.unit.zh)
        self.unit_en.setText(item.unit.en)
        self.basis_combo.set_member(item.basis)
        if item.module and self.module_combo.findData(item.module) < 0:
            self.module_combo.addItem(item.module, item.module)
        self.module_combo.setCurrentIndex(max(self.module_combo.findData(item.module), 0))
        self.vat_edit.setText(percent_text(item.vat_rate) if item.vat_rate is not None else "")
        if item.maintenance_percent is not None:
            self.maintenance_edit.setText(percent_text(item.maintenance_percent))
        price = self.price_list.prices.get(item.code) if self.price_list else None
        self.price_edit.setText(f"{price:.2f}" if price is not None else "")
        self.description_zh.setPlainText(item.description.zh)
        self.description_en.setPlainText(item.description.en)
        for fab in item.fab:
            self.add_fab(fab)
        self._kind_changed()

    def _kind_changed(self, *_args: Any) -> None:
        kind = self.kind_combo.current_member() or ItemKind.LICENCE
        self.vat_edit.setPlaceholderText(
            self.tr("{rate} (the kind's rate)").format(
                rate=percent_text(self.catalogue.vat_rates.get(kind, Decimal(13)))
            )
        )
        self.basis_combo.setEnabled(kind is ItemKind.LICENCE)
        self.maintenance_edit.setEnabled(kind is ItemKind.MAINTENANCE)
        self.price_edit.setEnabled(self.price_list is not None)

    def _mark_dirty(self, *_args: Any) -> None:
        self.dirty = True

    def add_fab(self, fab: Fab | None = None) -> None:
        row = self.fab_table.rowCount()
        self.fab_table.insertRow(row)
        for column, (statement, language) in enumerate(FAB_COLUMNS):
            text = getattr(getattr(fab, statement), language) if fab is not None else ""
            self.fab_table.setItem(row, column, QTableWidgetItem(text))
        self.dirty = True

    def remove_fab(self) -> None:
        row = self.fab_table.currentRow()
        if row >= 0:
            self.fab_table.removeRow(row)
            self.dirty = True

    # -- reading -----------------------------------------------------------------

    def _fabs(self) -> tuple[Fab, ...]:
        fabs: list[Fab] = []
        for row in range(self.fab_table.rowCount()):
            cells = [self._cell_text(row, c) for c in range(len(FAB_COLUMNS))]
            if not any(cells):
                continue
            fabs.append(
                Fab(Text(cells[0], cells[1]), Text(cells[2], cells[3]), Text(cells[4], cells[5]))
            )
        return tuple(fabs)

    def _cell_text(self, row: int, column: int) -> str:
        cell = self.fab_table.item(row, column)
        return cell.text().strip() if cell is not None else ""

    def edited(self) -> tuple[CatalogueItem, Decimal | None] | None:
        """The item as edited and its price; None (reasons shown) when a
        number does not read or the code is not a code."""
        for label in self.problem_labels.values():
            label.show_text("")
        values: dict[str, Decimal | None] = {}
        ok = True
        for key, edit in (
            ("vat_rate", self.vat_edit),
            ("maintenance_percent", self.maintenance_edit),
            ("price", self.price_edit),
        ):
            try:
                values[key] = _number(edit.text()) if edit.isEnabled() else None
            except ValueError:
                self.problem_labels[key].show_text(
                    self.tr("“{text}” is not a number").format(text=edit.text().strip())
                )
                ok = False
        code = self.code_edit.text().strip()
        if not _CODE.match(code):
            self.problem_labels["code"].show_text(
                self.tr("A code is lower-case letters, digits, '.', '-' and '_', such as fi-gl")
            )
            ok = False
        elif self.item is None and any(i.code == code for i in self.catalogue.items):
            self.problem_labels["code"].show_text(
                self.tr("The catalogue already has an item {code}").format(code=code)
            )
            ok = False
        if not ok:
            self.tabs.setCurrentIndex(0)
            self.error_label.show_text(self.tr("Please correct the fields marked in red."))
            return None
        kind = self.kind_combo.current_member() or ItemKind.LICENCE
        item = CatalogueItem(
            code=code,
            kind=kind,
            name=Text(self.name_zh.text().strip(), self.name_en.text().strip()),
            unit=Text(self.unit_zh.text().strip(), self.unit_en.text().strip()),
            basis=self.basis_combo.current_member() if kind is ItemKind.LICENCE else None,
            module=str(self.module_combo.currentData() or ""),
            vat_rate=values["vat_rate"],
            maintenance_percent=values["maintenance_percent"],
            description=Text(
                self.description_zh.toPlainText().strip(),
                self.description_en.toPlainText().strip(),
            ),
            fab=self._fabs(),
            active=self.active_check.isChecked(),
        )
        return item, values["price"]

    def edited_catalogue(self) -> Catalogue | None:
        found = self.edited()
        if found is None:
            return None
        item, price = found
        items = list(self.catalogue.items)
        if self.item is None:
            items.append(item)
        else:
            items = [item if i.code == self.item.code else i for i in items]
        lists = list(self.catalogue.price_lists)
        if self.price_list is not None:
            prices = dict(self.price_list.prices)
            if price is None:
                prices.pop(item.code, None)
            else:
                prices[item.code] = price
            lists = [
                replace(p, prices=prices) if p.code == self.price_list.code else p for p in lists
            ]
        return replace(self.catalogue, items=tuple(items), price_lists=tuple(lists))

    # -- saving ------------------------------------------------------------------

    def save(self) -> bool:
        catalogue = self.edited_catalogue()
        if catalogue is None:
            return False
        try:
            self.saved_catalogue = self._services.quotes.save_catalogue(catalogue)
        except CatalogueError as exc:
            self.show_problems(exc.problems, catalogue)
            return False
        except DomainError as exc:
            self.error_label.show_text(exc.render(translate))
            return False
        self.dirty = False
        self.accept()
        return True

    def show_problems(self, problems: Sequence[CatalogueProblem], catalogue: Catalogue) -> None:
        """Problems of this item's fields under them; the others below."""
        code = self.code_edit.text().strip()
        index = next((n for n, i in enumerate(catalogue.items) if i.code == code), -1)
        rest: list[str] = []
        first_tab: int | None = None
        for problem in problems:
            key = self._field_of(problem.path, index, code)
            text = problem.message(translate)
            if key is None:
                rest.append(problem.render(translate))
                continue
            label = self.problem_labels[key]
            label.show_text("\n".join(t for t in (label.text(), text) if t))
            tab = 1 if key in ("description_zh", "description_en", "fab") else 0
            first_tab = tab if first_tab is None else min(first_tab, tab)
        if first_tab is not None:
            self.tabs.setCurrentIndex(first_tab)
        self.error_label.show_text(
            "\n".join(rest) or self.tr("Please correct the fields marked in red.")
        )

    def _field_of(self, path: tuple[Any, ...], index: int, code: str) -> str | None:
        if len(path) >= 2 and path[0] == "items" and path[1] == index:
            rest = tuple(path[2:])
            if not rest:
                return "code"
            if rest[0] == "fab":
                return "fab"
            if rest in _PATH_FIELDS:
                return _PATH_FIELDS[rest]
            if rest[0] in FIELDS:
                return str(rest[0])
            return None
        if len(path) >= 4 and path[0] == "price_lists" and path[2] == "prices":
            return "price" if path[3] == code else None
        return None

    def reject(self) -> None:
        if self.dirty:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Discard the changes to this item?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.dirty = False
        super().reject()
