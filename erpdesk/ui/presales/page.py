"""The presales area (售前): the consultant's workbench as tabs: my work
(engagements and tasks by state, overdue and upcoming demos), the week's
calendar, support requests (the lead's queue, the rep's own), the team's
workload (a presales lead) and the knowledge base.  Without services (no
desk) only the knowledge base shows."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from erpdesk.ui.presales import PresalesServices
from erpdesk.ui.presales.knowledge_view import KnowledgeView, Loader


class PresalesPage(QWidget):
    """The presales area's page: a tab per workbench."""

    def __init__(
        self,
        load: Loader | None = None,
        parent: QWidget | None = None,
        services: PresalesServices | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("presalesPage")
        self.services = services
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.work: QWidget | None = None
        self.week: QWidget | None = None
        self.requests: QWidget | None = None
        self.workload: QWidget | None = None
        if services is not None:
            from erpdesk.ui.presales.requests_view import RequestsView
            from erpdesk.ui.presales.week_view import WeekView
            from erpdesk.ui.presales.workbench import WorkbenchView
            from erpdesk.ui.presales.workload_view import WorkloadView

            self.work = WorkbenchView(services)
            self.week = WeekView(services)
            self.requests = RequestsView(services)
            self.workload = WorkloadView(services)
            for view in (self.work, self.week, self.requests, self.workload):
                self.tabs.addTab(view, "")
        if load is None and services is not None:
            load = services.knowledge  # the files with the desk's edits
        self.knowledge = KnowledgeView(
            load, content=services.content if services is not None else None
        )
        self.tabs.addTab(self.knowledge, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate_ui()

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a workbench tab (its *title* already translated)."""
        return self.tabs.addTab(widget, title)

    def retranslate_ui(self) -> None:
        titles = (
            (self.work, self.tr("My work")),
            (self.week, self.tr("Week")),
            (self.requests, self.tr("Support requests")),
            (self.workload, self.tr("Team workload")),
            (self.knowledge, self.tr("Knowledge base")),
        )
        for view, title in titles:
            if view is not None:
                self.tabs.setTabText(self.tabs.indexOf(view), title)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def close_page(self) -> None:
        """No worker runs once the window closes."""
        self.knowledge.close_page()
