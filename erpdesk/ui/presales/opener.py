"""Opening the presales dialogs from any view: an engagement, a task (its
kind's editor), a support request.  Each opens as a window of its own
(closing it deletes it) and is returned, so the caller or a test can hold
it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from erpdesk.domain.presales import TaskKind

if TYPE_CHECKING:
    from erpdesk.ui.presales import PresalesServices


def _show(dialog: QDialog) -> QDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def open_engagement(
    services: PresalesServices, engagement_id: str, parent: QWidget | None = None
) -> QDialog:
    """The engagement's window: its steps, checklist, technical win and tasks."""
    from erpdesk.ui.presales.engagement_view import EngagementDialog

    return _show(EngagementDialog(services, engagement_id, parent))


def open_task(services: PresalesServices, task_id: str, parent: QWidget | None = None) -> QDialog:
    """The task's editor: a demo's or a survey's."""
    task = services.presales.task(task_id)
    if task.kind is TaskKind.DEMO:
        from erpdesk.ui.presales.demo_editor import DemoEditor

        return _show(DemoEditor(services, task_id=task_id, parent=parent))
    from erpdesk.ui.presales.survey_editor import SurveyEditor

    return _show(SurveyEditor(services, task_id=task_id, parent=parent))


def new_task(
    services: PresalesServices, kind: TaskKind, engagement_id: str, parent: QWidget | None = None
) -> QDialog:
    """A new demo or survey of the engagement."""
    if kind is TaskKind.DEMO:
        from erpdesk.ui.presales.demo_editor import DemoEditor

        return _show(DemoEditor(services, engagement_id=engagement_id, parent=parent))
    from erpdesk.ui.presales.survey_editor import SurveyEditor

    return _show(SurveyEditor(services, engagement_id=engagement_id, parent=parent))


def open_request(
    services: PresalesServices,
    *,
    customer_id: str = "",
    deal_id: str | None = None,
    request_id: str | None = None,
    parent: QWidget | None = None,
) -> QDialog:
    """A new support request for the customer (and deal), or *request_id*'s."""
    from erpdesk.ui.presales.request_dialog import RequestDialog

    return _show(
        RequestDialog(
            services, customer_id=customer_id, deal_id=deal_id, request_id=request_id,
            parent=parent,
        )
    )  # fmt: skip
