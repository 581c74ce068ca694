"""Placeholder: replaced by the real editor."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from erpdesk.ui.presales import PresalesServices


class DemoEditor(QDialog):
    def __init__(
        self,
        services: PresalesServices,
        *,
        task_id: str | None = None,
        engagement_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.task_id = task_id
        self.engagement_id = engagement_id
