"""The customer list as a Qt table model: thin over ``CustomerRow`` plain rows,
loaded page by page from ``CustomerService`` (never all rows at once)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from erpdesk.domain.customer import CustomerStatus, Industry, Registration, Source
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.regions import find_province
from erpdesk.services.events import Change
from erpdesk.services.registration import (
    EXPIRING,
    PENDING,
    PROTECTED,
    PROTECTION_LABELS,
    protection_of,
    release_date,
)
from erpdesk.ui.widgets import FeedBridge, enum_text_of, local_time_text

if TYPE_CHECKING:
    from erpdesk.services.customers import CustomerService
    from erpdesk.storage.queries import CustomerCriteria, CustomerRow

CONTEXT = "CustomerTableModel"
_UNTIL = QT_TRANSLATE_NOOP("CustomerTableModel", "Until {date}")
_EXPIRES = QT_TRANSLATE_NOOP("CustomerTableModel", "Expires {date}")
_THROUGH = QT_TRANSLATE_NOOP("CustomerTableModel", "{name} · contact {person}")
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
PAGE_SIZE = 200
COUNT_DELAY_MS = 60  # a search's total is counted once typing pauses this long
ID_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ListColumn:
    """A column: its sort key (``queries.SORTS``) and English title."""

    key: str
    title: str


COLUMNS: tuple[ListColumn, ...] = (
    ListColumn("name", QT_TRANSLATE_NOOP("CustomerTableModel", "Full name")),
    ListColumn("short_name", QT_TRANSLATE_NOOP("CustomerTableModel", "Short name")),
    ListColumn("region", QT_TRANSLATE_NOOP("CustomerTableModel", "Region")),
    ListColumn("industry", QT_TRANSLATE_NOOP("CustomerTableModel", "Industry")),
    ListColumn("source", QT_TRANSLATE_NOOP("CustomerTableModel", "Source")),
    ListColumn("status", QT_TRANSLATE_NOOP("CustomerTableModel", "Status")),
    ListColumn("registration", QT_TRANSLATE_NOOP("CustomerTableModel", "Registration")),
    ListColumn("protection", QT_TRANSLATE_NOOP("CustomerTableModel", "Protection")),
    ListColumn("phone", QT_TRANSLATE_NOOP("CustomerTableModel", "Phone")),
    ListColumn("uscc", QT_TRANSLATE_NOOP("CustomerTableModel", "USCC")),
    ListColumn("updated_at", QT_TRANSLATE_NOOP("CustomerTableModel", "Updated")),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)

_ENUM_COLUMNS = {
    "industry": Industry, "source": Source, "status": CustomerStatus,
    "registration": Registration,
}
_REGISTRATION_COLOURS = {
    Registration.PROTECTED.value: QColor("#2e7d32"),
    Registration.PENDING.value: QColor("#a15c00"),
    Registration.INVALID.value: QColor("#c62828"),
    Registration.POOL.value: QColor("#6a1b9a"),
}


def region_text(province: str, city: str) -> str:
    """"广东 深圳市": the province's short form and the city."""
    found = find_province(province) if province else None
    short = found.short if found else province
    if city and found and city in (found.name, found.short):
        return short
    return " ".join(part for part in (short, city) if part)


def protection_samples() -> list[str]:
    """The protection column's dated texts, translated, for its width."""
    return [QCoreApplication.translate(CONTEXT, text).format(date="2026-12-31")
            for text in (_UNTIL, _EXPIRES)]


class CustomerTableModel(QAbstractTableModel):
    """Customers matching the current criteria, in the current sort order.

    Rows arrive in pages of ``PAGE_SIZE`` through ``canFetchMore``/``fetchMore``;
    filtering and sorting re-query the service (SQL), never sort in memory.

    Signals:
        total_changed(int): the number of customers matching the criteria.
    """

    total_changed = Signal(int)

    def __init__(self, service: CustomerService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._criteria: CustomerCriteria = service.criteria()
        self._sort_key = "name"
        self._descending = False
        self._rows: list[CustomerRow] = []
        self._row_texts: dict[int, tuple[str, ...]] = {}  # row -> its column texts
        self._total = 0
        self._counted = True
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._finish_count)
        self._colours = dict(_REGISTRATION_COLOURS)
        self._labels: dict[tuple[str, str | None], str] = {}  # (column, code) -> text
        self._bridge = FeedBridge(service.feed, self)
        self._bridge.changed.connect(self._on_change)
        self._load(PAGE_SIZE)

    # -- what is shown ---------------------------------------------------------

    @property
    def criteria(self) -> CustomerCriteria:
        return self._criteria

    @property
    def sort_key(self) -> str:
        return self._sort_key

    @property
    def descending(self) -> bool:
        return self._descending

    def total(self) -> int:
        """Customers matching the criteria (loaded or not); counted on demand."""
        self._finish_count()
        return self._total

    def counted_total(self) -> int | None:
        """The total if it has been counted yet, else None (never counts)."""
        return self._total if self._counted else None

    def loaded_count(self) -> int:
        return len(self._rows)

    def row_at(self, row: int) -> CustomerRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, customer_id: str) -> int:
        """The row of *customer_id* among the loaded rows, -1 if not loaded."""
        for i, item in enumerate(self._rows):
            if item.id == customer_id:
                return i
        return -1

    def set_criteria(self, criteria: CustomerCriteria) -> None:
        """Show the customers matching *criteria* (from ``service.criteria``)."""
        if criteria == self._criteria:
            return
        self._criteria = criteria
        self.refresh(keep_loaded=False)

    def refresh(self, keep_loaded: bool = True) -> None:
        """Re-query; with *keep_loaded* as many rows as are loaded now."""
        self._load(max(PAGE_SIZE, len(self._rows)) if keep_loaded else PAGE_SIZE)

    def retranslate(self) -> None:
        """Tell views that headers and enum labels are in a new language."""
        self._labels.clear()
        self._row_texts.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            )

    def _load(self, limit: int) -> None:
        """Show the first *limit* rows at once; a search's total, when it is
        not known yet, is counted after typing pauses (``COUNT_DELAY_MS``)
        so that each keystroke costs only its first page."""
        self.beginResetModel()
        self._row_texts.clear()
        self._rows = self._service.page(
            self._criteria, sort=self._sort_key, descending=self._descending,
            offset=0, limit=limit,
        )
        known = self._service.known_count(self._criteria)
        self._total = known if known is not None else len(self._rows)
        self._counted = known is not None
        self.endResetModel()
        if self._counted:
            self._count_timer.stop()
            self.total_changed.emit(self._total)
        else:
            self._count_timer.start()

    def _finish_count(self) -> None:
        if self._counted:
            return
        self._total = self._service.count(self._criteria)
        self._counted = True
        self.total_changed.emit(self._total)

    def _on_change(self, change: Change) -> None:
        if change.entity in ("customer", "contact", "activity", ""):
            self.refresh()

    # -- Qt model interface ------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        if parent.isValid():
            return False
        return not self._counted or len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex) -> None:
        if not self.canFetchMore(parent):
            return
        rows = self._service.page(
            self._criteria, sort=self._sort_key, descending=self._descending,
            offset=len(self._rows), limit=PAGE_SIZE,
        )
        if not rows:  # the end of a search, or fewer than counted (deleted meanwhile)
            self._total = len(self._rows)
            self._counted = True
            self._count_timer.stop()
            self.total_changed.emit(self._total)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def fetch_all(self) -> None:
        """Load every remaining row in one query (Ctrl+End: the last customer)."""
        if not self.canFetchMore(QModelIndex()):
            return
        total = self._total if self._counted else self._service.count(self._criteria)
        rows = self._service.page(
            self._criteria, sort=self._sort_key, descending=self._descending,
            offset=len(self._rows), limit=max(total - len(self._rows), 1),
        )
        self._total = len(self._rows) + len(rows)
        self._counted = True
        self._count_timer.stop()
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.total_changed.emit(self._total)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate(CONTEXT, COLUMNS[section].title)
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called ~1,500 times per repaint: the common case first, and each
        # row's texts made once (``_texts``), not per call.
        row = index.row()
        if role == _DISPLAY:
            if 0 <= row < len(self._rows):
                return self._texts(row)[index.column()]
            return None
        if not 0 <= row < len(self._rows):
            return None
        if role == ID_ROLE:
            return self._rows[row].id
        key = COLUMN_KEYS[index.column()]
        if role == _TOOLTIP:
            text = self._texts(row)[index.column()]
            return text if key in ("name", "region", "protection") and text else None
        if role == _FOREGROUND and key == "registration":
            colour = self._colours.get(self._rows[row].registration)
            return QBrush(colour) if colour is not None else None
        if role == _FOREGROUND and key == "protection":
            item = self._rows[row]
            state = protection_of(item.registration, item.protected_until, item.release_due_at)
            return QBrush(QColor("#c62828")) if state == EXPIRING else None
        return None

    def _texts(self, row: int) -> tuple[str, ...]:
        texts = self._row_texts.get(row)
        if texts is None:
            item = self._rows[row]
            made = [self._text(item, key) for key in COLUMN_KEYS]
            if self._criteria.text:  # found through a contact? The row says so
                person = self._service.found_through(item, self._criteria.text)
                if person is not None:
                    made[0] = QCoreApplication.translate(CONTEXT, _THROUGH).format(
                        name=made[0], person=" ".join(filter(None, (person.name, person.mobile)))
                    )
            texts = self._row_texts[row] = tuple(made)
        return texts

    def _text(self, item: CustomerRow, key: str) -> str:
        enum_type = _ENUM_COLUMNS.get(key)
        if enum_type is not None:
            code = getattr(item, key)
            text = self._labels.get((key, code))
            if text is None:
                text = self._labels[(key, code)] = enum_text_of(enum_type, code)
            return text
        if key == "region":
            return region_text(item.province, item.city)
        if key == "protection":
            return self._protection_text(item)
        if key == "updated_at":
            return local_time_text(item.updated_at)
        return str(getattr(item, key) or "")

    @staticmethod
    def _protection_text(item: CustomerRow) -> str:
        """"Until 2027-03-01", "Expires 2026-12-20"; else the state's label."""
        state = protection_of(item.registration, item.protected_until, item.release_due_at)
        ends = release_date(item.protected_until, item.release_due_at)
        if state in (PROTECTED, EXPIRING) and ends is not None:
            day = ends.astimezone().strftime("%Y-%m-%d")
            text = _UNTIL if state == PROTECTED else _EXPIRES
            return QCoreApplication.translate(CONTEXT, text).format(date=day)
        if item.near_matches and state == PENDING:  # rare: imported when seen
            from erpdesk.domain.near_matches import near_matches_from_text
            from erpdesk.ui.registration import possible_duplicate_text

            return possible_duplicate_text(near_matches_from_text(item.near_matches))
        return QCoreApplication.translate("Domain", PROTECTION_LABELS[state])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query in the column's order (SQL ``ORDER BY``)."""
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMN_KEYS[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_key, self._descending):
            return
        self._sort_key, self._descending = key, descending
        self.refresh(keep_loaded=False)
