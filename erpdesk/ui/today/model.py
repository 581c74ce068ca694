"""The Today page's rows (``TodayModel``): a section header per section
("Overdue (3)"), its items (icon by kind, title, customer · deal, when;
overdue in red), and "… and N more" when a section has more than it shows.

Item rows carry their ``TodayItem`` (``ITEM_ROLE``); a "more" row carries
its ``SectionKey`` (``MORE_ROLE``).  Module-level texts are marked with
``QT_TRANSLATE_NOOP("TodayModel", …)`` and translated when rows are made.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QWidget

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.services.today import DueState, ItemKind, Section, SectionKey, TodayItem, TodayView
from erpdesk.ui.icons import icon

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
MORE_ROLE = Qt.ItemDataRole.UserRole + 2
SECTION_ROLE = Qt.ItemDataRole.UserRole + 3

OVERDUE_COLOUR = "#c62828"
DONE_COLOUR = "#78909c"
HEADER_COLOUR = "#37474f"

SECTION_TITLES = {
    SectionKey.OVERDUE: QT_TRANSLATE_NOOP("TodayModel", "Overdue"),
    SectionKey.TODAY: QT_TRANSLATE_NOOP("TodayModel", "Today"),
    SectionKey.WEEK: QT_TRANSLATE_NOOP("TodayModel", "The next 7 days"),
    SectionKey.REGISTRATIONS: QT_TRANSLATE_NOOP("TodayModel", "Registrations waiting"),
    SectionKey.EXPIRING: QT_TRANSLATE_NOOP("TodayModel", "Protection expiring"),
    SectionKey.DEALS: QT_TRANSLATE_NOOP("TodayModel", "Deals closing within 14 days"),
    SectionKey.QUOTES: QT_TRANSLATE_NOOP("TodayModel", "Quotes awaiting approval"),
    SectionKey.VISITS: QT_TRANSLATE_NOOP("TodayModel", "Visits logged today"),
}
KIND_NAMES = {
    ItemKind.NEXT_STEP: QT_TRANSLATE_NOOP("TodayModel", "Next step"),
    ItemKind.TASK: QT_TRANSLATE_NOOP("TodayModel", "Task"),
    ItemKind.DEMO: QT_TRANSLATE_NOOP("TodayModel", "Demo"),
    ItemKind.SURVEY: QT_TRANSLATE_NOOP("TodayModel", "Survey"),
    ItemKind.VISIT: QT_TRANSLATE_NOOP("TodayModel", "Visit logged"),
    ItemKind.REGISTRATION: QT_TRANSLATE_NOOP("TodayModel", "Registration waiting"),
    ItemKind.PROTECTION: QT_TRANSLATE_NOOP("TodayModel", "Protection ends"),
    ItemKind.DEAL: QT_TRANSLATE_NOOP("TodayModel", "Deal"),
    ItemKind.QUOTE: QT_TRANSLATE_NOOP("TodayModel", "Quote"),
}
# (icon, colour) by kind, from ``erpdesk.ui.icons``
KIND_ICONS = {
    ItemKind.NEXT_STEP: ("callback", "#00838f"),
    ItemKind.TASK: ("meeting", "#ef6c00"),
    ItemKind.DEMO: ("presales", "#6a1b9a"),
    ItemKind.SURVEY: ("presales", "#6a1b9a"),
    ItemKind.VISIT: ("visit", "#1565c0"),
    ItemKind.REGISTRATION: ("customers", "#546e7a"),
    ItemKind.PROTECTION: ("customers", "#c62828"),
    ItemKind.DEAL: ("funnel", "#2e7d32"),
    ItemKind.QUOTE: ("quotes", "#37474f"),
}
COLUMNS = (
    QT_TRANSLATE_NOOP("TodayModel", "What"),
    QT_TRANSLATE_NOOP("TodayModel", "Customer · deal"),
    QT_TRANSLATE_NOOP("TodayModel", "When"),
)
MORE = QT_TRANSLATE_NOOP("TodayModel", "… and {count} more: show them all")
LOADING = QT_TRANSLATE_NOOP("TodayModel", "Reading…")
DONE_TEXT = QT_TRANSLATE_NOOP("TodayModel", "done")
WAITING = QT_TRANSLATE_NOOP("TodayModel", "waiting for the registry")
AWAITING = QT_TRANSLATE_NOOP("TodayModel", "waiting since {date}")
CLOSES = QT_TRANSLATE_NOOP("TodayModel", "closes {date}")
ENDS = QT_TRANSLATE_NOOP("TodayModel", "ends {date}")
YESTERDAY = QT_TRANSLATE_NOOP("TodayModel", "yesterday {time}")
TOMORROW = QT_TRANSLATE_NOOP("TodayModel", "tomorrow {time}")


def _tr(text: str) -> str:
    return QCoreApplication.translate("TodayModel", text)


def kind_icon(kind: ItemKind) -> QIcon:
    name, colour = KIND_ICONS[kind]
    return icon(name, colour)


def when_text(item: TodayItem, now: datetime) -> str:
    """When, as short as is clear: "14:00" today, "yesterday 9:00",
    "tomorrow 9:00", "12-09 10:00" otherwise; a date for deals and quotes."""
    when = item.when
    if item.kind is ItemKind.DEAL and isinstance(when, date):
        return _tr(CLOSES).format(date=when.isoformat())
    if item.kind is ItemKind.QUOTE and isinstance(when, date):
        return _tr(AWAITING).format(date=when.isoformat())
    if item.kind is ItemKind.REGISTRATION:
        return _tr(WAITING)
    if not isinstance(when, datetime):
        return ""
    local = when.astimezone(now.tzinfo)
    if item.kind is ItemKind.PROTECTION:
        return _tr(ENDS).format(date=local.date().isoformat())
    clock = local.strftime("%H:%M")
    days = (local.date() - now.date()).days
    if days == 0:
        return clock
    if days == -1:
        return _tr(YESTERDAY).format(time=clock)
    if days == 1:
        return _tr(TOMORROW).format(time=clock)
    return local.strftime("%m-%d %H:%M")


def _plain(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    return item


class TodayModel(QStandardItemModel):
    """The sections of a ``TodayView`` as a two-level tree."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.view: TodayView | None = None
        self.loading: frozenset[SectionKey] = frozenset()
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([_tr(c) for c in COLUMNS])
        if self.view is not None:
            self.show_view(self.view, self.loading)

    def show_view(self, view: TodayView, loading: frozenset[SectionKey] = frozenset()) -> None:
        """Rows for *view*'s non-empty sections (and a "Reading…" header for
        a section in *loading*)."""
        self.view, self.loading = view, loading
        self.removeRows(0, self.rowCount())
        root = self.invisibleRootItem()
        for key in SectionKey:
            section = view.section(key)
            if section.items or key in loading:
                root.appendRow(self._section_rows(section, view.now, key in loading))

    def _section_rows(self, section: Section, now: datetime, loading: bool) -> list[QStandardItem]:
        title = _tr(SECTION_TITLES[section.key])
        head = _plain(f"{title} ({_tr(LOADING)})" if loading else f"{title} ({section.total})")
        font = QFont(head.font())
        font.setBold(True)
        head.setFont(font)
        colour = OVERDUE_COLOUR if section.key is SectionKey.OVERDUE else HEADER_COLOUR
        head.setForeground(QBrush(QColor(colour)))
        head.setData(section.key, SECTION_ROLE)
        head.setSelectable(False)
        for item in section.items:
            head.appendRow(self._item_row(item, now))
        if section.more:
            more = _plain(_tr(MORE).format(count=section.more))
            more.setData(section.key, MORE_ROLE)
            more.setForeground(QBrush(QColor("#1565c0")))
            head.appendRow([more, _plain(""), _plain("")])
        return [head, _plain(""), _plain("")]

    def _item_row(self, item: TodayItem, now: datetime) -> list[QStandardItem]:
        what = _plain(item.title)
        what.setIcon(kind_icon(item.kind))
        what.setData(item, ITEM_ROLE)
        kind = _tr(KIND_NAMES[item.kind])
        tip = f"{kind}: {item.title}" + (f"\n{item.detail}" if item.detail else "")
        what.setToolTip(tip)
        party = " · ".join(p for p in (item.customer, item.deal) if p and p != item.title)
        when = when_text(item, now)
        if item.due is DueState.DONE:
            when = f"{when} · {_tr(DONE_TEXT)}" if when else _tr(DONE_TEXT)
        cells = [what, _plain(party), _plain(when)]
        colour = {DueState.OVERDUE: OVERDUE_COLOUR, DueState.DONE: DONE_COLOUR}.get(item.due)
        if colour:
            cells[2].setForeground(QBrush(QColor(colour)))
        if item.due is DueState.DONE:
            cells[0].setForeground(QBrush(QColor(DONE_COLOUR)))
        for cell in cells:
            cell.setData(item, ITEM_ROLE)
        return cells
