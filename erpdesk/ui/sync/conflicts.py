"""The conflict review: every open conflict record with the record's kind
and name, the field, and my value beside theirs.  "Keep theirs" marks it
resolved; "Re-apply mine" writes my value again as an ordinary local change
(through the services, so it goes through the outbox and travels with the
next sync), then marks it resolved.  Nothing leaves the list unless the
user chose so."""

from __future__ import annotations

import json
import typing
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.customer import Contact, Customer
from erpdesk.domain.errors import DomainError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.sync.conflicts import ConflictItem, ConflictResolver
from erpdesk.ui.form_fit import fit_to_screen
from erpdesk.ui.sync.controller import SyncController
from erpdesk.ui.sync.rows_model import RowsModel
from erpdesk.ui.widgets import ProblemLabel, enum_text, settle_minimum_size, translate

CONTEXT = "ConflictReview"
ENTITY_NAMES = {
    "customer": QT_TRANSLATE_NOOP("ConflictReview", "Customer"),
    "contact": QT_TRANSLATE_NOOP("ConflictReview", "Contact"),
    "deal": QT_TRANSLATE_NOOP("ConflictReview", "Deal"),
    "worksheet": QT_TRANSLATE_NOOP("ConflictReview", "Worksheet"),
    "quote": QT_TRANSLATE_NOOP("ConflictReview", "Quote"),
    "proposal": QT_TRANSLATE_NOOP("ConflictReview", "Proposal"),
}
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("ConflictReview", "Name"),
    "short_name": QT_TRANSLATE_NOOP("ConflictReview", "Short name"),
    "uscc": QT_TRANSLATE_NOOP("ConflictReview", "USCC"),
    "industry": QT_TRANSLATE_NOOP("ConflictReview", "Industry"),
    "province": QT_TRANSLATE_NOOP("ConflictReview", "Province"),
    "city": QT_TRANSLATE_NOOP("ConflictReview", "City"),
    "address": QT_TRANSLATE_NOOP("ConflictReview", "Address"),
    "size_band": QT_TRANSLATE_NOOP("ConflictReview", "Size"),
    "source": QT_TRANSLATE_NOOP("ConflictReview", "Source"),
    "source_detail": QT_TRANSLATE_NOOP("ConflictReview", "Source detail"),
    "phone": QT_TRANSLATE_NOOP("ConflictReview", "Phone"),
    "website": QT_TRANSLATE_NOOP("ConflictReview", "Website"),
    "need": QT_TRANSLATE_NOOP("ConflictReview", "Stated need"),
    "notes": QT_TRANSLATE_NOOP("ConflictReview", "Notes"),
    "status": QT_TRANSLATE_NOOP("ConflictReview", "Status"),
    "title": QT_TRANSLATE_NOOP("ConflictReview", "Title"),
    "department": QT_TRANSLATE_NOOP("ConflictReview", "Department"),
    "level": QT_TRANSLATE_NOOP("ConflictReview", "Level"),
    "mobile": QT_TRANSLATE_NOOP("ConflictReview", "Mobile"),
    "office_phone": QT_TRANSLATE_NOOP("ConflictReview", "Office phone"),
    "email": QT_TRANSLATE_NOOP("ConflictReview", "Email"),
    "wechat": QT_TRANSLATE_NOOP("ConflictReview", "WeChat"),
    "amount": QT_TRANSLATE_NOOP("ConflictReview", "Amount"),
    "close_date": QT_TRANSLATE_NOOP("ConflictReview", "Expected close"),
    "probability": QT_TRANSLATE_NOOP("ConflictReview", "Probability"),
    "next_step": QT_TRANSLATE_NOOP("ConflictReview", "Next step"),
    "next_step_date": QT_TRANSLATE_NOOP("ConflictReview", "Next step date"),
    "modules": QT_TRANSLATE_NOOP("ConflictReview", "Modules"),
    "competitors": QT_TRANSLATE_NOOP("ConflictReview", "Competitors"),
    "probability_reason": QT_TRANSLATE_NOOP("ConflictReview", "Reason for the probability"),
    "owner": QT_TRANSLATE_NOOP("ConflictReview", "Owner"),
    "team": QT_TRANSLATE_NOOP("ConflictReview", "Deal team"),
    "dated": QT_TRANSLATE_NOOP("ConflictReview", "Date"),
    "data": QT_TRANSLATE_NOOP("ConflictReview", "Contents"),
    "price_mode": QT_TRANSLATE_NOOP("ConflictReview", "Prices"),
    "quote_date": QT_TRANSLATE_NOOP("ConflictReview", "Quote date"),
    "valid_until": QT_TRANSLATE_NOOP("ConflictReview", "Valid until"),
    "lines": QT_TRANSLATE_NOOP("ConflictReview", "Lines"),
    "milestones": QT_TRANSLATE_NOOP("ConflictReview", "Payment milestones"),
    "delivery_terms": QT_TRANSLATE_NOOP("ConflictReview", "Delivery terms"),
    "language": QT_TRANSLATE_NOOP("ConflictReview", "Language"),
    "deal_id": QT_TRANSLATE_NOOP("ConflictReview", "Deal"),
    "quote_id": QT_TRANSLATE_NOOP("ConflictReview", "Quote"),
    "author": QT_TRANSLATE_NOOP("ConflictReview", "Author"),
    "sections": QT_TRANSLATE_NOOP("ConflictReview", "Sections"),
    "benefit": QT_TRANSLATE_NOOP("ConflictReview", "Benefit figures"),
}
ENTITY_CLASSES: dict[str, type] = {"customer": Customer, "contact": Contact}


def entity_name(entity: str) -> str:
    """The translated name of a synced type ("deal" -> "Deal")."""
    name = ENTITY_NAMES.get(entity)
    return QCoreApplication.translate(CONTEXT, name) if name else entity


def value_text(entity: str, field: str, value: Any) -> str:
    """A conflict value as the user reads it: an enum code as its label,
    lists and mappings as JSON, nothing as "(empty)"."""
    if value is None or value == "":
        return QCoreApplication.translate("ConflictReview", "(empty)")
    cls = ENTITY_CLASSES.get(entity)
    if cls is not None and isinstance(value, str):
        hint = typing.get_type_hints(cls).get(field)
        for option in typing.get_args(hint) or (hint,):
            if isinstance(option, type) and issubclass(option, Enum):
                try:
                    return enum_text(option(value))
                except ValueError:
                    break
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class ConflictReviewDialog(QDialog):
    """The open conflicts of the desk; a choice per record."""

    def __init__(
        self, resolver: ConflictResolver, controller: SyncController | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictReview")
        self.resolver = resolver
        self.controller = controller
        self.items: list[ConflictItem] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.model = RowsModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.mine_title, self.theirs_title = QLabel(), QLabel()
        self.mine_text, self.theirs_text = QPlainTextEdit(), QPlainTextEdit()
        for box in (self.mine_text, self.theirs_text):
            box.setReadOnly(True)
            box.setMaximumHeight(90)
        sides = QGridLayout()
        sides.addWidget(self.mine_title, 0, 0)
        sides.addWidget(self.theirs_title, 0, 1)
        sides.addWidget(self.mine_text, 1, 0)
        sides.addWidget(self.theirs_text, 1, 1)
        self.problem = ProblemLabel()
        self.empty = QLabel()
        self.keep_button = QPushButton()
        self.keep_button.clicked.connect(self.keep_theirs)
        self.reapply_button = QPushButton()
        self.reapply_button.clicked.connect(self.reapply_mine)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.reapply_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        # with nothing to review, the note takes the table's room (the
        # fields below keep their place instead of floating in the middle)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.empty, 1)
        layout.addLayout(sides)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        settle_minimum_size(self)
        fit_to_screen(self, 980, 560)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Review conflicts"))
        self.intro.setText(self.tr(
            "You and someone else changed the same field before your changes met. The registry "
            "kept their value; yours is kept here until you choose."))
        self.model.set_headers([self.tr("Kind"), self.tr("Record"), self.tr("Field"),
                                self.tr("Mine"), self.tr("Theirs (now in the record)")])
        self.mine_title.setText(self.tr("Mine"))
        self.theirs_title.setText(self.tr("Theirs"))
        self.keep_button.setText(self.tr("Keep theirs"))
        self.keep_button.setToolTip(self.tr("Accept their value; yours is dropped"))
        self.reapply_button.setText(self.tr("Re-apply mine"))
        self.reapply_button.setToolTip(self.tr(
            "Write your value again; it is sent with the next sync"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.empty.setText(self.tr("No conflicts to review."))
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def reload(self, keep_row: int = 0) -> None:
        self.items = self.resolver.open()
        rows = []
        for item in self.items:
            label = FIELD_LABELS.get(item.field)
            rows.append([
                entity_name(item.entity),
                item.record_name or self.tr("(not on this desk)"),
                QCoreApplication.translate(CONTEXT, label) if label else item.field,
                value_text(item.entity, item.field, item.mine),
                self._theirs(item),
            ])
        self.model.set_rows(rows, keys=[item.id for item in self.items])
        for column, width in enumerate((80, 220, 110, 220)):
            self.view.setColumnWidth(column, width)
        self.empty.setVisible(not self.items)
        self.view.setVisible(bool(self.items))
        if self.items:
            row = min(keep_row, len(self.items) - 1)
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_current()

    def _theirs(self, item: ConflictItem) -> str:
        if item.revoked:
            return self.tr("(taken out of your view)")
        return value_text(item.entity, item.field, item.theirs)

    def current(self) -> ConflictItem | None:
        row = self.view.selectionModel().currentIndex().row()
        return self.items[row] if 0 <= row < len(self.items) else None

    def select(self, conflict_id: str) -> None:
        for row, item in enumerate(self.items):
            if item.id == conflict_id:
                self.view.selectRow(row)

    def _show_current(self) -> None:
        item = self.current()
        self.mine_text.setPlainText(
            value_text(item.entity, item.field, item.mine) if item else "")
        self.theirs_text.setPlainText(self._theirs(item) if item else "")
        self.keep_button.setEnabled(item is not None)
        self.reapply_button.setEnabled(item is not None and item.can_reapply)
        if item is not None and item.revoked:
            self.problem.show_text(self.tr(
                "This record was taken out of your view (given to someone else, released to "
                "the pool, or a deal team you are no longer on); the registry did not take "
                "your value. Pass it on if it still matters, then keep theirs."))
        elif item is not None and not item.can_reapply:
            self.problem.show_text(self.tr(
                "Your value cannot be written again from here; change the record in its own "
                "window if you still want it, then keep theirs."))
        else:
            self.problem.show_text("")

    def keep_theirs(self) -> bool:
        return self._resolve(self.resolver.keep_theirs)

    def reapply_mine(self) -> bool:
        return self._resolve(self.resolver.reapply_mine)

    def _resolve(self, action: Any) -> bool:
        item = self.current()
        if item is None:
            return False
        row = self.view.selectionModel().currentIndex().row()
        try:
            action(item.id)
        except DomainError as exc:
            self.reload(row)
            self.problem.show_text(exc.render(translate))
            return False
        self.reload(row)
        if self.controller is not None:
            self.controller.refresh()
        return True
