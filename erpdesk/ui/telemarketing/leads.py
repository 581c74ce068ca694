"""The telemarketer's form to enter a lead (the lead table both workbenches
show is ``erpdesk.ui.workbench.leads``)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Signal
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
from erpdesk.sync.workbench_api import LeadDraft
from erpdesk.ui.widgets import EnumCombo


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
