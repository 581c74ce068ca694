"""The support-request table of the requests tab: which requests a user
sees and in what order (``visible_requests``), the rows with their
customer's and deal's names, and the state shown as a coloured chip."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.playbook import Choice
from erpdesk.domain.presales import RequestState, SupportRequest
from erpdesk.services.presales import Actor
from erpdesk.ui.funnel.worksheet_widgets import name_text
from erpdesk.ui.table_models import RowTableModel
from erpdesk.ui.widgets import enum_text, local_time_text

CONTEXT = "RequestTableModel"
HEADERS = (
    QT_TRANSLATE_NOOP("RequestTableModel", "Customer"),
    QT_TRANSLATE_NOOP("RequestTableModel", "Deal"),
    QT_TRANSLATE_NOOP("RequestTableModel", "Kind"),
    QT_TRANSLATE_NOOP("RequestTableModel", "State"),
    QT_TRANSLATE_NOOP("RequestTableModel", "Rep"),
    QT_TRANSLATE_NOOP("RequestTableModel", "Consultant"),
    QT_TRANSLATE_NOOP("RequestTableModel", "Wanted"),
    QT_TRANSLATE_NOOP("RequestTableModel", "Submitted"),
)
STATE_COLUMN = 3
DECLINED = QT_TRANSLATE_NOOP("RequestTableModel", "Declined: {reason}")
CARES = QT_TRANSLATE_NOOP("RequestTableModel", "The customer cares about: {text}")
MODULES = QT_TRANSLATE_NOOP("RequestTableModel", "Modules: {modules}")
NOTES = QT_TRANSLATE_NOOP("RequestTableModel", "Notes: {text}")
# The lead's queue: what waits for the lead's decision, then its assignment.
QUEUE = (RequestState.SUBMITTED, RequestState.ACCEPTED)
CLOSED = (RequestState.DECLINED, RequestState.DONE, RequestState.CANCELLED)
# (background, text) of each state's chip
CHIP_COLOURS = {
    RequestState.DRAFT: ("#eceff1", "#455a64"),
    RequestState.SUBMITTED: ("#fff3e0", "#e65100"),
    RequestState.ACCEPTED: ("#e3f2fd", "#0d47a1"),
    RequestState.DECLINED: ("#ffebee", "#b71c1c"),
    RequestState.ASSIGNED: ("#ede7f6", "#4527a0"),
    RequestState.IN_PROGRESS: ("#e0f7fa", "#006064"),
    RequestState.DONE: ("#e8f5e9", "#1b5e20"),
    RequestState.CANCELLED: ("#f5f5f5", "#757575"),
}
_EPOCH = datetime.min.isoformat()


@dataclass(frozen=True)
class RequestRow:
    """A request with the names the table shows."""

    request: SupportRequest
    customer: str
    deal: str

    @property
    def id(self) -> str:
        return self.request.id


def _when(request: SupportRequest) -> str:
    """When it reached the lead (submitted), else made: sortable text."""
    moment = request.submitted_at or request.created_at
    return moment.isoformat() if moment else _EPOCH


def visible_requests(requests: Iterable[SupportRequest], me: Actor) -> list[SupportRequest]:
    """The requests *me* works with, in the tab's order.

    A presales lead: the queue first (submitted, then accepted, oldest
    first), then the rest, newest first.  A manager or an administrator:
    all, newest first.  A consultant: those assigned to them; a rep: those
    they asked for; open ones first, newest first."""
    found = list(requests)
    newest = sorted(found, key=_when, reverse=True)
    if me.lead:
        queue = [r for state in QUEUE for r in sorted(found, key=_when) if r.state is state]
        return queue + [r for r in newest if r.state not in QUEUE]
    if me.role in ("manager", "admin"):
        return newest
    field = "consultant" if me.role == "presales" else "requested_by"
    mine = [r for r in newest if getattr(r, field) == me.name]
    return [r for r in mine if r.state not in CLOSED] + [r for r in mine if r.state in CLOSED]


def wanted_text(request: SupportRequest) -> str:
    start, end = request.wanted_from, request.wanted_until
    if start is None and end is None:
        return ""
    first = start.isoformat() if start else "…"
    last = end.isoformat() if end else "…"
    return first if first == last else f"{first} – {last}"


class RequestTableModel(RowTableModel[RequestRow]):
    """``RequestRow``s in the order given (``visible_requests``)."""

    context = CONTEXT
    headers = HEADERS

    def row_of(self, request_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == request_id), -1)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.UserRole and column == STATE_COLUMN:
            return row.request.state.value
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row, column)
        return None

    @staticmethod
    def _text(row: RequestRow, column: int) -> str:
        r = row.request
        texts = (
            row.customer, row.deal or "—", enum_text(r.kind), enum_text(r.state),
            r.requested_by, r.consultant or "—", wanted_text(r), local_time_text(r.submitted_at),
        )  # fmt: skip
        return texts[column] if 0 <= column < len(texts) else ""

    @staticmethod
    def _tip(row: RequestRow, column: int) -> str | None:
        r = row.request
        if column == STATE_COLUMN and r.state is RequestState.DECLINED and r.decline_reason:
            return _tr(DECLINED).format(reason=r.decline_reason)
        if column == 0 and r.customer_cares:
            return _tr(CARES).format(text=r.customer_cares)
        return None


def _tr(text: str) -> str:
    return QCoreApplication.translate("RequestTableModel", text)


def details_text(request: SupportRequest, modules: Iterable[Choice] = ()) -> str:
    """The selected request in a line, for the lead's decision: a decline's
    reason, what the customer cares about, the modules (named by the
    playbook's *modules*), the notes."""
    names = {m.code: name_text(m.names) for m in modules}
    parts = []
    if request.state is RequestState.DECLINED and request.decline_reason:
        parts.append(_tr(DECLINED).format(reason=request.decline_reason))
    if request.customer_cares:
        parts.append(_tr(CARES).format(text=request.customer_cares))
    if request.modules:
        listed = "、".join(names.get(code, code) for code in request.modules)
        parts.append(_tr(MODULES).format(modules=listed))
    if request.notes:
        parts.append(_tr(NOTES).format(text=request.notes))
    return "  ·  ".join(p.replace("\n", " ") for p in parts)


class StateChipDelegate(QStyledItemDelegate):
    """Paints the state cell as a rounded chip in the state's colours."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 16, max(hint.height(), 24))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        code = index.data(Qt.ItemDataRole.UserRole)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        colours = next((c for s, c in CHIP_COLOURS.items() if s.value == code), None)
        if colours is None:
            super().paint(painter, option, index)
            return
        widget = option.widget  # type: ignore[attr-defined,unused-ignore]
        style = widget.style() if widget is not None else None
        if style is not None:  # the row's selection background, without the text
            plain = QStyleOptionViewItem(option)
            self.initStyleOption(plain, index)
            plain.text = ""  # type: ignore[attr-defined,unused-ignore]
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, widget)
        rect: QRect = option.rect  # type: ignore[attr-defined,unused-ignore]
        metrics = QFontMetrics(option.font)  # type: ignore[attr-defined,unused-ignore]
        width = min(metrics.horizontalAdvance(text) + 16, rect.width() - 6)
        height = min(metrics.height() + 4, rect.height() - 4)
        chip = QRect(rect.left() + 4, rect.center().y() - height // 2, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(colours[1]), 1))
        painter.setBrush(QBrush(QColor(colours[0])))
        painter.drawRoundedRect(chip, height / 2, height / 2)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
