"""The registration queue: pending registrations, urgent first, then the
oldest, each with its three-day call-back deadline counting down; overdue
ones marked, and possible duplicates (a name near a held customer's) marked
with the customers they resemble listed under the table.  The administrator
records the call-back: valid, or invalid with a reason ("duplicate of …");
the note becomes a ``callback`` activity on the registry."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.near_matches import NearMatch
from erpdesk.sync.workbench_api import QueueEntry
from erpdesk.ui.table_models import RowTableModel
from erpdesk.ui.widgets import local_time_text
from erpdesk.ui.workbench.common import RegistryView, row_table
from erpdesk.ui.workbench.dialogs import ReasonDialog
from erpdesk.ui.workbench.runner import ApiRunner, MessageBar

CONTEXT = "QueueModel"
HEADERS = (
    QT_TRANSLATE_NOOP("QueueModel", "Urgent"),
    QT_TRANSLATE_NOOP("QueueModel", "Company"),
    QT_TRANSLATE_NOOP("QueueModel", "Rep"),
    QT_TRANSLATE_NOOP("QueueModel", "Submitted"),
    QT_TRANSLATE_NOOP("QueueModel", "Call back by"),
    QT_TRANSLATE_NOOP("QueueModel", "Time left"),
    QT_TRANSLATE_NOOP("QueueModel", "Need"),
)
TIME_LEFT = 5
COMPANY = 1
MATCH_STATUSES = {
    "pending": QT_TRANSLATE_NOOP("QueueModel", "pending"),
    "protected": QT_TRANSLATE_NOOP("QueueModel", "protected"),
}


def near_match_line(match: NearMatch) -> str:
    """"华信机械 — protected, 王一, 92% similar"."""
    status = MATCH_STATUSES.get(match.status or "")
    return QCoreApplication.translate(
        "QueueModel", "{name} — {status}, {owner}, {score}% similar"
    ).format(
        name=match.name or "?",
        status=QCoreApplication.translate("QueueModel", status) if status else "?",
        owner=match.owner or "?", score=f"{match.score:.0f}",
    )


def time_left_text(entry: QueueEntry, now: datetime) -> str:
    """"2 d 5 h left", "3 h 10 min left", "due now" (within a minute either
    side: an urgent registration is due when it arrives), or "overdue by 4 h"."""
    if entry.deadline is None:
        return ""
    seconds = int((entry.deadline - now).total_seconds())
    if abs(seconds) < 60:
        return QCoreApplication.translate("QueueModel", "due now")
    overdue = entry.overdue or seconds < 0
    span = abs(seconds)
    days, rest = divmod(span, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        amount = QCoreApplication.translate("QueueModel", "{d} d {h} h").format(d=days, h=hours)
    elif hours:
        amount = QCoreApplication.translate("QueueModel", "{h} h {m} min").format(
            h=hours, m=minutes
        )
    else:
        amount = QCoreApplication.translate("QueueModel", "{m} min").format(m=minutes)
    if overdue:
        return QCoreApplication.translate("QueueModel", "overdue by {span}").format(span=amount)
    return QCoreApplication.translate("QueueModel", "{span} left").format(span=amount)


class QueueModel(RowTableModel[QueueEntry]):
    """Plain ``QueueEntry`` rows in the registry's order; ``tick`` refreshes
    the countdown column only."""

    context = CONTEXT
    headers = HEADERS

    def __init__(self, parent: Any = None, clock: Any = None) -> None:
        super().__init__(parent)
        self._clock = clock or (lambda: datetime.now(UTC))

    def remove(self, entry_id: str) -> None:
        for row, entry in enumerate(self.rows):
            if entry.id == entry_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                self.endRemoveRows()
                return

    def tick(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, TIME_LEFT), self.index(len(self.rows) - 1,
                                                                        TIME_LEFT))

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.row_at(index.row()) if index.isValid() else None
        if entry is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.BackgroundRole and entry.overdue:
            return QBrush(QColor("#ffebee"))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == TIME_LEFT and entry.overdue:
                return QBrush(QColor("#b71c1c"))
            if column == 0 and entry.urgent:
                return QBrush(QColor("#e65100"))
            if column == COMPANY and entry.possible_duplicate:
                return QBrush(QColor("#a15c00"))
        if role == Qt.ItemDataRole.FontRole and (entry.urgent or entry.overdue) and column in (
                0, 1, TIME_LEFT):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == 6:
            return entry.need
        if role == Qt.ItemDataRole.ToolTipRole and column == COMPANY and entry.near_matches:
            return "\n".join(near_match_line(m) for m in entry.near_matches)
        return None

    def _text(self, entry: QueueEntry, column: int) -> str:
        if column == 0:
            return QCoreApplication.translate("QueueModel", "Urgent") if entry.urgent else ""
        if column == COMPANY and entry.possible_duplicate:
            return QCoreApplication.translate(
                "QueueModel", "{company} (possible duplicate)").format(
                company=entry.customer_name)
        if column == COMPANY:
            return entry.customer_name
        if column == 2:
            return entry.rep_display_name or entry.rep
        if column == 3:
            return local_time_text(entry.submitted_at)
        if column == 4:
            return local_time_text(entry.deadline)
        if column == TIME_LEFT:
            return time_left_text(entry, self._clock())
        return entry.need.replace("\n", " ")


class RegistrationQueue(RegistryView):
    """The queue and the call-back buttons.

    Signals:
        loaded(int): the queue arrived (its length).
        recorded(object): a call-back was recorded (the decided ``QueueEntry``).
        allocate_requested(str): the administrator wants to allocate this customer.
    """

    loaded = Signal(int)
    recorded = Signal(object)
    allocate_requested = Signal(str)

    def __init__(self, runner: ApiRunner, message: MessageBar,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, message, parent)
        self.model = QueueModel(self)
        self.table = row_table(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.summary = QLabel()
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.valid_button = QPushButton()
        self.valid_button.clicked.connect(lambda: self._ask(True))
        self.invalid_button = QPushButton()
        self.invalid_button.clicked.connect(lambda: self._ask(False))
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.valid_button)
        buttons.addWidget(self.invalid_button)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self._timer = QTimer(self)
        self._timer.setInterval(60_000)
        self._timer.timeout.connect(self.model.tick)
        self._timer.start()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.valid_button.setText(self.tr("Valid…"))
        self.valid_button.setToolTip(self.tr("The call-back confirmed the registration: "
                                             "protect the customer for its rep"))
        self.invalid_button.setText(self.tr("Invalid…"))
        self.invalid_button.setToolTip(self.tr("The registration is not valid: free the company"))
        self.refresh_button.setText(self.tr("Refresh"))
        self._show_summary()
        self._show_current()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def refresh(self) -> None:
        self._call(lambda api: api.queue(), self._arrived)

    def record(self, registration_id: str, valid: bool, note: str = "", reason: str = ""
               ) -> None:
        """Record the call-back of *registration_id* (the reason is needed when invalid)."""
        self._call(
            lambda api: api.record_callback(registration_id, valid, reason=reason, note=note),
            self._recorded,
        )

    def current_entry(self) -> QueueEntry | None:
        return self.model.row_at(self.table.currentIndex().row())

    def _arrived(self, entries: list[QueueEntry]) -> None:
        self.model.set_rows(entries)
        if entries:
            self.table.selectRow(0)
        self._show_summary()
        self._show_current()
        self.loaded.emit(len(entries))

    def _recorded(self, entry: QueueEntry) -> None:
        self.model.remove(entry.id)
        self._show_summary()
        self._show_current()
        if entry.status == "verified":
            text = self.tr("{company} is now protected for {rep}")
        else:
            text = self.tr("{company} was found invalid; the company is free again")
        self._message.show_message("done", text.format(
            company=entry.customer_name, rep=entry.rep_display_name or entry.rep))
        self.recorded.emit(entry)

    def _ask(self, valid: bool) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        if valid:
            dialog = ReasonDialog(
                self.tr("Call-back: {company} is valid").format(company=entry.customer_name),
                self.tr("What did the call-back find? The note is kept as a call-back activity "
                        "on the customer."), required=False, parent=self)
        else:
            dialog = ReasonDialog(
                self.tr("Call-back: {company} is invalid").format(company=entry.customer_name),
                self.tr("Why is the registration invalid? The rep is told."), parent=self)
            named = [m.name for m in entry.near_matches if m.name]
            if named:  # a possible duplicate: the likely reason, to confirm or edit
                dialog.edit.setPlainText(
                    self.tr("Duplicate of {name}").format(name=named[0]))
        if dialog.exec():
            if valid:
                self.record(entry.id, True, note=dialog.text())
            else:
                self.record(entry.id, False, note=dialog.text(), reason=dialog.text())

    def _show_summary(self) -> None:
        rows = self.model.rows
        overdue = sum(1 for e in rows if e.overdue)
        urgent = sum(1 for e in rows if e.urgent)
        self.summary.setText(self.tr("{n} waiting for a call-back, {u} urgent, {o} overdue")
                             .format(n=len(rows), u=urgent, o=overdue))

    def _show_current(self) -> None:
        entry = self.current_entry()
        self.valid_button.setEnabled(entry is not None)
        self.invalid_button.setEnabled(entry is not None)
        if entry is None:
            self.detail.setText("")
            return
        parts = [self.tr("Credit code: {uscc}").format(uscc=entry.uscc or "—")]
        if entry.contacts:
            parts.append(self.tr("Contacts: {contacts}").format(contacts="; ".join(entry.contacts)))
        if entry.visit_summary:
            parts.append(self.tr("Visit: {summary}").format(summary=entry.visit_summary))
        if entry.possible_duplicate:
            parts.append(self.tr("Possible duplicate of customers the registry holds:"))
            parts += [f"  • {near_match_line(m)}" for m in entry.near_matches]
        self.detail.setText("\n".join(parts))
