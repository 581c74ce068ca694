"""Placeholder: replaced by the real dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from erpdesk.ui.presales import PresalesServices


class RequestDialog(QDialog):
    def __init__(
        self,
        services: PresalesServices,
        *,
        customer_id: str = "",
        deal_id: str | None = None,
        request_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
