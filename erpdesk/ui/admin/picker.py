"""Choosing a customer on the registry by name or credit code (the
administrator's duplicate check lists the candidates with their ids)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from erpdesk.sync.workbench_api import CheckResult
from erpdesk.ui.workbench.common import RegistryView
from erpdesk.ui.workbench.runner import ApiRunner, MessageBar


class CustomerPicker(RegistryView):
    """A search line, a Find button and the candidates found.

    Signals:
        chosen(str): a customer was chosen (its registry id).
    """

    chosen = Signal(str)

    def __init__(self, runner: ApiRunner, message: MessageBar,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, message, parent)
        self.search = QLineEdit()
        self.search.returnPressed.connect(self.look_up)
        self.find_button = QPushButton()
        self.find_button.clicked.connect(self.look_up)
        self.candidates = QComboBox()
        self.candidates.setMinimumContentsLength(24)
        self.candidates.activated.connect(self._activated)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 2)
        layout.addWidget(self.find_button)
        layout.addWidget(self.candidates, 2)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Company name or credit code"))
        self.find_button.setText(self.tr("Find"))

    def look_up(self) -> None:
        text = self.search.text().strip()
        if not text:
            self._refuse(self.tr("Enter a company name or credit code"))
            return
        is_code = len(text) == 18 and text.isalnum() and text.isascii()
        self._call(lambda api: api.check(uscc=text) if is_code else api.check(name=text),
                   self._found)

    def _found(self, result: CheckResult) -> None:
        self.candidates.clear()
        seen: set[str] = set()
        if result.customer_id:
            self.candidates.addItem(self.search.text().strip(), result.customer_id)
            seen.add(result.customer_id)
        for match in result.matches:
            if match.customer_id and match.customer_id not in seen:
                seen.add(match.customer_id)
                label = match.name or match.customer_id
                if match.owner:
                    label = f"{label} ({match.owner})"
                self.candidates.addItem(label, match.customer_id)
        if not seen:
            self._message.show_message("offline", self.tr("No customer of that name or code "
                                                           "is on the registry"))
            return
        self._message.clear_message()
        self.candidates.setCurrentIndex(0)
        self.chosen.emit(str(self.candidates.currentData()))

    def _activated(self, _index: int) -> None:
        data = self.candidates.currentData()
        if data:
            self.chosen.emit(str(data))
