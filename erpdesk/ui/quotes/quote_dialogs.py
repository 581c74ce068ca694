"""Small dialogs of the quote editor: recording a manager's decision on a
discount, and picking items from the catalogue."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.deal_rules import parse_amount
from erpdesk.domain.money import format_money
from erpdesk.domain.quote import ItemKind
from erpdesk.ui.widgets import ProblemLabel, enum_text, settle_minimum_size, with_problem_label

if TYPE_CHECKING:
    from decimal import Decimal

    from erpdesk.domain.catalogue import Catalogue

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class ApprovalDialog(QDialog):
    """Who decided on the discount, approve or reject, and a note."""

    def __init__(
        self, discount: str, limit: str, author: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._author = author
        self.setWindowTitle(self.tr("Record the approval"))
        intro = QLabel(
            self.tr(
                "A discount of {discount} % is above the rep's limit of {limit} %. "
                "Record the manager's decision."
            ).format(discount=discount, limit=limit)
        )
        intro.setWordWrap(True)
        self.by_edit = QLineEdit()
        self.by_edit.setPlaceholderText(self.tr("The manager's name"))
        self.approve_radio = QRadioButton(self.tr("Approve the discount"))
        self.reject_radio = QRadioButton(self.tr("Reject it"))
        self.approve_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.approve_radio)
        group.addButton(self.reject_radio)
        decision = QWidget()
        row = QHBoxLayout(decision)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.approve_radio)
        row.addWidget(self.reject_radio)
        row.addStretch(1)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(80)
        by_box, self.by_problem = with_problem_label(self.by_edit)
        form = QFormLayout()
        form.addRow(self.tr("Approver *"), by_box)
        form.addRow(self.tr("Decision"), decision)
        form.addRow(self.tr("Note"), self.note_edit)
        self.error_label = ProblemLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())
        settle_minimum_size(self)

    def by(self) -> str:
        return self.by_edit.text().strip()

    def approve(self) -> bool:
        return self.approve_radio.isChecked()

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def accept(self) -> None:
        if not self.by():
            self.by_problem.show_text(self.tr("Who decided? The approver's name is required."))
            return
        if self._author and self.by() == self._author:
            self.by_problem.show_text(
                self.tr("The quote's author cannot approve their own discount.")
            )
            return
        super().accept()


class CataloguePicker(QDialog):
    """Choose one or more catalogue items (filter by code or name, grouped
    by kind, with the price on the quote's date) and the quantity."""

    def __init__(
        self,
        catalogue: Catalogue,
        day: date,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add from the catalogue"))
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by code or name"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.apply_filter)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Item"), self.tr("Unit"), self.tr("Price")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setRootIsDecorated(True)
        self.tree.itemDoubleClicked.connect(lambda item, _c: self._double_clicked(item))
        list_on = getattr(catalogue, "price_list_on", None)
        prices = list_on(day) if list_on is not None else None
        groups: dict[ItemKind, QTreeWidgetItem] = {}
        for kind in ItemKind:
            group = QTreeWidgetItem([enum_text(kind)])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            groups[kind] = group
        for item in catalogue.items:
            if not item.active:
                continue
            price: Decimal | None = prices.prices.get(item.code) if prices is not None else None
            if price is not None:
                price_text = format_money(price)
            elif item.maintenance_percent is not None:
                price_text = self.tr("{percent} % of licences").format(
                    percent=item.maintenance_percent
                )
            else:
                price_text = "—"
            row = QTreeWidgetItem(
                [f"{item.code} · {item.name.get(language)}", item.unit.get(language), price_text]
            )
            row.setData(0, CODE_ROLE, item.code)
            row.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            groups[item.kind].addChild(row)
        self._groups: list[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]] = []
        for group in groups.values():
            if group.childCount():
                self.tree.addTopLevelItem(group)
                group.setExpanded(True)
                rows = [group.child(j) for j in range(group.childCount())]
                self._groups.append((group, [r for r in rows if r is not None]))
        self.tree.setColumnWidth(0, 360)
        self.tree.setColumnWidth(1, 70)
        self.quantity_edit = QLineEdit("1")
        self.quantity_edit.setMaximumWidth(100)
        quantity_box, self.quantity_problem = with_problem_label(self.quantity_edit)
        self.error_label = ProblemLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("Quantity"), quantity_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(620, 560)
        settle_minimum_size(self)

    def apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for group, rows in self._groups:
            shown = 0
            for row in rows:
                hidden = bool(needle) and needle not in row.text(0).casefold()
                row.setHidden(hidden)
                shown += not hidden
            group.setHidden(shown == 0)

    def codes(self) -> list[str]:
        """The chosen items' codes, in the catalogue's order."""
        return [
            str(row.data(0, CODE_ROLE))
            for _group, rows in self._groups
            for row in rows
            if row.isSelected()
        ]

    def select(self, codes: list[str]) -> None:
        for _group, rows in self._groups:
            for row in rows:
                row.setSelected(row.data(0, CODE_ROLE) in codes)

    def quantity(self) -> str:
        return self.quantity_edit.text().strip()

    def _double_clicked(self, item: QTreeWidgetItem) -> None:
        if item.data(0, CODE_ROLE):
            self.accept()

    def accept(self) -> None:
        value = parse_amount(self.quantity())
        if value is None or value <= 0:
            self.quantity_problem.show_text(self.tr("The quantity must be a number above 0."))
            return
        self.quantity_problem.show_text("")
        if not self.codes():
            self.error_label.show_text(self.tr("Choose at least one item."))
            return
        super().accept()
