"""Placeholder: replaced by the real dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from erpdesk.ui.presales import PresalesServices


class EngagementDialog(QDialog):
    def __init__(
        self, services: PresalesServices, engagement_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.engagement_id = engagement_id
