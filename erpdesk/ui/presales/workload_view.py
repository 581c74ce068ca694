"""Placeholder: replaced by the real view."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from erpdesk.ui.presales import PresalesServices


class WorkloadView(QWidget):
    def __init__(self, services: PresalesServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
