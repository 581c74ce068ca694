"""The lead table both workbenches show: the telemarketer's own leads and
the administrator's leads to sign for (plain ``Lead`` rows), and the texts
of a lead's status and outcome."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.sync.workbench_api import Lead
from erpdesk.ui.table_models import RowTableModel
from erpdesk.ui.widgets import local_time_text

CONTEXT = "LeadTableModel"
STATUS_TEXTS = {
    "new": QT_TRANSLATE_NOOP("LeadTableModel", "New"),
    "handed_over": QT_TRANSLATE_NOOP("LeadTableModel", "Handed over"),
    "accepted": QT_TRANSLATE_NOOP("LeadTableModel", "Signed for"),
    "returned": QT_TRANSLATE_NOOP("LeadTableModel", "Returned"),
}
OUTCOME_TEXTS = {
    "signed": QT_TRANSLATE_NOOP("LeadTableModel", "Signed"),
    "lost": QT_TRANSLATE_NOOP("LeadTableModel", "Lost"),
    "invalid": QT_TRANSLATE_NOOP("LeadTableModel", "Invalid resource"),
    "follow_up": QT_TRANSLATE_NOOP("LeadTableModel", "Following up"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("LeadTableModel", "Company"),
    QT_TRANSLATE_NOOP("LeadTableModel", "Status"),
    QT_TRANSLATE_NOOP("LeadTableModel", "Outcome"),
    QT_TRANSLATE_NOOP("LeadTableModel", "Rep"),
    QT_TRANSLATE_NOOP("LeadTableModel", "Telemarketer"),
    QT_TRANSLATE_NOOP("LeadTableModel", "Entered"),
    QT_TRANSLATE_NOOP("LeadTableModel", "Note"),
)


def status_text(code: str) -> str:
    return QCoreApplication.translate(CONTEXT, STATUS_TEXTS.get(code, code))


def outcome_text(code: str | None) -> str:
    if not code:
        return ""
    return QCoreApplication.translate(CONTEXT, OUTCOME_TEXTS.get(code, code))


class LeadTableModel(RowTableModel[Lead]):
    """Plain ``Lead`` rows, in the registry's order (handed-over first)."""

    context = CONTEXT
    headers = HEADERS

    def replace(self, lead: Lead) -> None:
        """Put a changed lead in place (or first, when new)."""
        for row, old in enumerate(self.rows):
            if old.id == lead.id:
                self.rows[row] = lead
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
                return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self.rows.insert(0, lead)
        self.endInsertRows()

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        lead = self.row_at(index.row()) if index.isValid() else None
        if lead is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(lead, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0 and lead.flagged:
            return QCoreApplication.translate(
                CONTEXT, "The company was already held or like another when entered"
            )
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 0 and lead.flagged:
                return QBrush(QColor("#b26a00"))
            if column == 2 and lead.outcome in ("lost", "invalid"):
                return QBrush(QColor("#b71c1c"))
            if column == 2 and lead.outcome == "signed":
                return QBrush(QColor("#2e7d32"))
        if role == Qt.ItemDataRole.FontRole and column == 1 and lead.status == "handed_over":
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def _text(lead: Lead, column: int) -> str:
        if column == 0:
            return ("⚑ " if lead.flagged else "") + lead.company_name
        if column == 1:
            return status_text(lead.status)
        if column == 2:
            return outcome_text(lead.outcome)
        if column == 3:
            return lead.rep_display_name or lead.rep or ""
        if column == 4:
            return lead.telemarketer_display_name or lead.telemarketer
        if column == 5:
            return local_time_text(lead.created_at)
        note = lead.outcome_note or lead.return_reason or lead.handover_note or lead.need
        return note.replace("\n", " ")
