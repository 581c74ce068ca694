"""The presales area (售前): the consultant's workbench as tabs; the first
tab is the knowledge base.  Further tabs are added with ``add_tab``."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from erpdesk.ui.presales.knowledge_view import KnowledgeView, Loader


class PresalesPage(QWidget):
    """The presales area's page: a tab per workbench."""

    def __init__(self, load: Loader | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presalesPage")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.knowledge = KnowledgeView(load)
        self.tabs.addTab(self.knowledge, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate_ui()

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a workbench tab (its *title* already translated)."""
        return self.tabs.addTab(widget, title)

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.knowledge), self.tr("Knowledge base"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def close_page(self) -> None:
        """No worker runs once the window closes."""
        self.knowledge.close_page()
