"""Leads as the workbenches show them: the table model (both the
telemarketer's own leads and the administrator's leads to sign for use it)
and the telemarketer's form to enter one."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from erpdesk.domain.customer import Industry, SizeBand
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.sync.workbench_api import Lead, LeadDraft
from erpdesk.ui.widgets import EnumCombo, local_time_text

CONTEXT = "LeadTableModel"
STATUS_TEXTS = {
    "new": QT_TRANSLATE_NOOP("LeadTableModel", "New"),
    "handed_over": QT_TRANSLATE_NOOP("LeadTableModel", "Handed over"),
    "accepted": QT_TRANSLATE_NOOP("LeadTableModel", "Signed for"),
    "returned": QT_TRANSLATE_NOOP("LeadTableModel", "Returned"),
}
OUTCOME_TEXTS = {
    "signed": QT_TRANSLATE_NOOP("LeadTableModel", "Signed"),
    "lost": QT_TRANSLATE_NOOP("LeadTableModel", "Lost"),
    "invalid": QT_TRANSLATE_NOOP("LeadTableModel", "Invalid resource"),
    "follow_up": QT_TRANSLATE_NOOP("LeadTableModel", "Following up"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("LeadTableModel", "Company"),
    QT_TRANSLATE_NOOP("LeadTableModel", "Status"),
    QT_TRANSLATE_NOOP("LeadTableModel", "Outcome"),
    QT_TRANSLATE_NOOP("LeadTableModel", "Rep"),
    QT_TRANSLATE_NOOP("LeadTableModel", "Telemarketer"),
    QT_TRANSLATE_NOOP("LeadTableModel", "Entered"),
    QT_TRANSLATE_NOOP("LeadTableModel", "Note"),
)


def status_text(code: str) -> str:
    return QCoreApplication.translate(CONTEXT, STATUS_TEXTS.get(code, code))


def outcome_text(code: str | None) -> str:
    if not code:
        return ""
    return QCoreApplication.translate(CONTEXT, OUTCOME_TEXTS.get(code, code))


class LeadTableModel(QAbstractTableModel):
    """Plain ``Lead`` rows, in the registry's order (handed-over first)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Lead] = []

    def set_rows(self, rows: list[Lead]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def lead_at(self, row: int) -> Lead | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def replace(self, lead: Lead) -> None:
        """Put a changed lead in place (or first, when new)."""
        for row, old in enumerate(self.rows):
            if old.id == lead.id:
                self.rows[row] = lead
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
                return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self.rows.insert(0, lead)
        self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return QCoreApplication.translate(CONTEXT, HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        lead = self.lead_at(index.row()) if index.isValid() else None
        if lead is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(lead, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0 and lead.flagged:
            return QCoreApplication.translate(
                CONTEXT, "The company was already held or like another when entered"
            )
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 0 and lead.flagged:
                return QBrush(QColor("#b26a00"))
            if column == 2 and lead.outcome in ("lost", "invalid"):
                return QBrush(QColor("#b71c1c"))
            if column == 2 and lead.outcome == "signed":
                return QBrush(QColor("#2e7d32"))
        if role == Qt.ItemDataRole.FontRole and column == 1 and lead.status == "handed_over":
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def _text(lead: Lead, column: int) -> str:
        if column == 0:
            return ("⚑ " if lead.flagged else "") + lead.company_name
        if column == 1:
            return status_text(lead.status)
        if column == 2:
            return outcome_text(lead.outcome)
        if column == 3:
            return lead.rep_display_name or lead.rep or ""
        if column == 4:
            return lead.telemarketer_display_name or lead.telemarketer
        if column == 5:
            return local_time_text(lead.created_at)
        note = lead.outcome_note or lead.return_reason or lead.handover_note or lead.need
        return note.replace("\n", " ")


class LeadForm(QWidget):
    """The telemarketer's form for a new lead.

    Signals:
        submitted(object): a ``LeadDraft`` to enter (a fresh id each time).
    """

    submitted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.company = QLineEdit()
        self.uscc = QLineEdit()
        self.industry = EnumCombo(Industry, "")
        self.size_band = EnumCombo(SizeBand, "")
        self.province = QLineEdit()
        self.city = QLineEdit()
        self.phone = QLineEdit()
        self.contact_name = QLineEdit()
        self.contact_phone = QLineEdit()
        self.need = QPlainTextEdit()
        self.need.setFixedHeight(54)
        self.notes = QLineEdit()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.submit)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        region = _pair(self.province, self.city)
        contact = _pair(self.contact_name, self.contact_phone)
        kind = _pair(self.industry, self.size_band)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)
        self._rows: list[tuple[str, QWidget]] = [
            (QT_TRANSLATE_NOOP("LeadForm", "Company:"), self.company),
            (QT_TRANSLATE_NOOP("LeadForm", "Credit code:"), self.uscc),
            (QT_TRANSLATE_NOOP("LeadForm", "Industry, size:"), kind),
            (QT_TRANSLATE_NOOP("LeadForm", "Province, city:"), region),
            (QT_TRANSLATE_NOOP("LeadForm", "Phone:"), self.phone),
            (QT_TRANSLATE_NOOP("LeadForm", "Contact, phone:"), contact),
            (QT_TRANSLATE_NOOP("LeadForm", "Need:"), self.need),
            (QT_TRANSLATE_NOOP("LeadForm", "Notes:"), self.notes),
        ]
        for label, field in self._rows:
            self.form.addRow(label, field)
        self.form.addRow(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        for row, (label, _field) in enumerate(self._rows):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                widget.setText(QCoreApplication.translate("LeadForm", label))
        self.company.setPlaceholderText(self.tr("The company's full name (required)"))
        self.uscc.setPlaceholderText(self.tr("18 characters, when known"))
        self.province.setPlaceholderText(self.tr("Province"))
        self.city.setPlaceholderText(self.tr("City"))
        self.phone.setPlaceholderText(self.tr("The company's phone"))
        self.contact_name.setPlaceholderText(self.tr("Contact"))
        self.contact_phone.setPlaceholderText(self.tr("Mobile or landline"))
        self.need.setPlaceholderText(self.tr("What the company needs, as the call found it"))
        self.industry.set_empty_text(self.tr("Industry"))
        self.size_band.set_empty_text(self.tr("Size"))
        self.save_button.setText(self.tr("Enter lead"))
        self.clear_button.setText(self.tr("Clear"))

    def draft(self) -> LeadDraft:
        return LeadDraft(
            id=str(uuid.uuid4()), company_name=self.company.text().strip(),
            uscc=self.uscc.text().strip(), industry=self.industry.current_code(),
            size_band=self.size_band.current_code(), province=self.province.text().strip(),
            city=self.city.text().strip(), phone=self.phone.text().strip(),
            contact_name=self.contact_name.text().strip(),
            contact_phone=self.contact_phone.text().strip(),
            need=self.need.toPlainText().strip(), notes=self.notes.text().strip(),
        )

    def submit(self) -> None:
        self.submitted.emit(self.draft())

    def clear(self) -> None:
        for edit in (self.company, self.uscc, self.province, self.city, self.phone,
                     self.contact_name, self.contact_phone, self.notes):
            edit.clear()
        self.need.clear()
        self.industry.setCurrentIndex(0)
        self.size_band.setCurrentIndex(0)


def _pair(first: QWidget, second: QWidget) -> QWidget:
    """Two fields side by side on one form row."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(first, 1)
    layout.addWidget(second, 1)
    return box
