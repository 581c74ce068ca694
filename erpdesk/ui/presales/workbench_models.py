"""The table models of the consultant's workbench ("My work"): engagements,
tasks and the demo agenda, over the service's display rows
(``EngagementLine``, ``TaskLine``: names already joined in, one query per
table), and the texts and colours the workbench's views share (a task's
time span, its place, the technical win's short label and colour)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.presales import TaskKind, TaskState, TechnicalWin
from erpdesk.services.presales import EngagementLine, TaskLine
from erpdesk.ui.funnel.worksheet_widgets import ui_language
from erpdesk.ui.table_models import RowTableModel
from erpdesk.ui.widgets import enum_text, to_local

if TYPE_CHECKING:
    from erpdesk.domain.playbook import Playbook

CONTEXT = "PresalesWorkbench"
# The technical win in a word (the domain's labels are longer).
WIN_TEXTS = {
    TechnicalWin.OPEN: QT_TRANSLATE_NOOP("PresalesWorkbench", "Open"),
    TechnicalWin.WON: QT_TRANSLATE_NOOP("PresalesWorkbench", "Won"),
    TechnicalWin.LOST: QT_TRANSLATE_NOOP("PresalesWorkbench", "Lost"),
}
WIN_COLOURS = {
    TechnicalWin.OPEN: "#1565c0", TechnicalWin.WON: "#2e7d32", TechnicalWin.LOST: "#c62828",
}  # fmt: skip
KIND_COLOURS = {TaskKind.DEMO: "#1565c0", TaskKind.SURVEY: "#2e7d32"}
OVERDUE_COLOUR = "#c62828"
MUTED_COLOUR = "#757575"
ONLINE = QT_TRANSLATE_NOOP("PresalesWorkbench", "Online")
OUTCOME_DUE = QT_TRANSLATE_NOOP("PresalesWorkbench", "Outcome due")
UPCOMING = QT_TRANSLATE_NOOP("PresalesWorkbench", "Upcoming")
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def win_text(win: TechnicalWin) -> str:
    return tr(WIN_TEXTS[win])


def place_text(line: TaskLine) -> str:
    """Where the task happens: its place, else "Online" when online."""
    return line.place or (tr(ONLINE) if line.online else "")


def span_text(line: TaskLine) -> str:
    """"2026-12-07 09:30–11:30" in local time (the end's date when another day)."""
    start, end = to_local(line.starts_at), to_local(line.ends_at)
    assert start is not None and end is not None
    ends = end.strftime("%H:%M") if end.date() == start.date() else end.strftime("%Y-%m-%d %H:%M")
    return f"{start.strftime('%Y-%m-%d %H:%M')}–{ends}"


def day_text(moment: datetime | None) -> str:
    local = to_local(moment)
    return local.strftime("%Y-%m-%d") if local else ""


def step_text(playbook: Playbook | None, step: int) -> str:
    """"3 需求调研": the step's number and its playbook name."""
    if playbook is None or not 1 <= step <= len(playbook.presales_steps):
        return str(step)
    return f"{step} {playbook.presales_step(step).names.text(ui_language())}"


class _LineModel(RowTableModel[Any]):
    """Rows with an ``id``: the id under ``ID_ROLE`` for the views."""

    context = CONTEXT

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.row_at(index.row()) if index.isValid() else None
        if line is None:
            return None
        if role == ID_ROLE:
            return line.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(line, index.column())
        return self._style(line, index.column(), role)

    def _text(self, line: Any, column: int) -> str:
        raise NotImplementedError

    def _style(self, line: Any, column: int, role: int) -> Any:
        return None


class EngagementModel(_LineModel):
    """The engagements: customer, deal, request kind, step, technical win
    (coloured), consultant, opened, last change."""

    headers = (
        QT_TRANSLATE_NOOP("PresalesWorkbench", "Customer"),
        QT_TRANSLATE_NOOP("PresalesWorkbench", "Deal"),
        QT_TRANSLATE_NOOP("PresalesWorkbench", "Request"),
        QT_TRANSLATE_NOOP("PresalesWorkbench", "Step"),
        QT_TRANSLATE_NOOP("PresalesWorkbench", "Technical win"),
        QT_TRANSLATE_NOOP("PresalesWorkbench", "Consultant"),
        QT_TRANSLATE_NOOP("PresalesWorkbench", "Opened"),
        QT_TRANSLATE_NOOP("PresalesWorkbench", "Last change"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.playbook: Playbook | None = None

    def _text(self, line: EngagementLine, column: int) -> str:
        texts = (
            line.customer, line.deal, enum_text(line.kind), step_text(self.playbook, line.step),
            win_text(line.technical_win), line.consultant, day_text(line.opened_at),
            day_text(line.updated_at),
        )  # fmt: skip
        return texts[column]

    def _style(self, line: EngagementLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 4:
                return QBrush(QColor(WIN_COLOURS[line.technical_win]))
            if not line.is_open:
                return QBrush(QColor(MUTED_COLOUR))
        if role == Qt.ItemDataRole.FontRole and column == 4:
            font = QFont()
            font.setBold(True)
            return font
        return None


class TaskModel(_LineModel):
    """The tasks: kind, title, customer, when (local), place, state; an
    overdue demo in red, a cancelled task muted."""

    headers = (
        QT_TRANSLATE_NOOP("PresalesWorkbench", "Kind"),
        QT_TRANSLATE_NOOP("PresalesWorkbench", "Title"),
        QT_TRANSLATE_NOOP("PresalesWorkbench", "Customer"),
        QT_TRANSLATE_NOOP("PresalesWorkbench", "When"),
        QT_TRANSLATE_NOOP("PresalesWorkbench", "Place"),
        QT_TRANSLATE_NOOP("PresalesWorkbench", "State"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.now: datetime | None = None

    def _text(self, line: TaskLine, column: int) -> str:
        texts = (
            enum_text(line.kind), line.title, line.customer, span_text(line), place_text(line),
            enum_text(line.state),
        )  # fmt: skip
        return texts[column]

    def _style(self, line: TaskLine, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.ForegroundRole:
            return None
        if self.now is not None and line.overdue(self.now):
            return QBrush(QColor(OVERDUE_COLOUR))
        if line.state is TaskState.CANCELLED:
            return QBrush(QColor(MUTED_COLOUR))
        if column == 0:
            return QBrush(QColor(KIND_COLOURS[line.kind]))
        return None


class AgendaModel(_LineModel):
    """Overdue demos (their outcome is due, in red) then the upcoming ones."""

    headers = (
        QT_TRANSLATE_NOOP("PresalesWorkbench", "Status"),
        QT_TRANSLATE_NOOP("PresalesWorkbench", "Demo"),
        QT_TRANSLATE_NOOP("PresalesWorkbench", "Customer"),
        QT_TRANSLATE_NOOP("PresalesWorkbench", "When"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.now: datetime | None = None

    def _overdue(self, line: TaskLine) -> bool:
        return self.now is not None and line.overdue(self.now)

    def _text(self, line: TaskLine, column: int) -> str:
        status = tr(OUTCOME_DUE) if self._overdue(line) else tr(UPCOMING)
        return (status, line.title, line.customer, span_text(line))[column]

    def _style(self, line: TaskLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and self._overdue(line):
            return QBrush(QColor(OVERDUE_COLOUR))
        if role == Qt.ItemDataRole.FontRole and column == 0 and self._overdue(line):
            font = QFont()
            font.setBold(True)
            return font
        return None
