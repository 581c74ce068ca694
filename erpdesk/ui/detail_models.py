"""Item models of the customer panel: its contacts and its activity timeline,
each a thin model over the plain domain objects the service returns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from erpdesk.domain.customer import Activity, Contact
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.ui.icons import kind_icon
from erpdesk.ui.widgets import enum_text, local_time_text

AnyIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1

CONTACT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", QT_TRANSLATE_NOOP("ContactTableModel", "Name")),
    ("title", QT_TRANSLATE_NOOP("ContactTableModel", "Title")),
    ("department", QT_TRANSLATE_NOOP("ContactTableModel", "Department")),
    ("level", QT_TRANSLATE_NOOP("ContactTableModel", "Level")),
    ("mobile", QT_TRANSLATE_NOOP("ContactTableModel", "Mobile")),
    ("office_phone", QT_TRANSLATE_NOOP("ContactTableModel", "Office phone")),
    ("email", QT_TRANSLATE_NOOP("ContactTableModel", "E-mail")),
    ("wechat", QT_TRANSLATE_NOOP("ContactTableModel", "WeChat")),
)


class ContactTableModel(QAbstractTableModel):
    """A customer's contacts, in the order the service gives them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._contacts: list[Contact] = []

    def set_contacts(self, contacts: Sequence[Contact]) -> None:
        self.beginResetModel()
        self._contacts = list(contacts)
        self.endResetModel()

    def contact_at(self, row: int) -> Contact | None:
        return self._contacts[row] if 0 <= row < len(self._contacts) else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(CONTACT_COLUMNS) - 1)
        if self._contacts:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._contacts) - 1, len(CONTACT_COLUMNS) - 1)
            )

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._contacts)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CONTACT_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(CONTACT_COLUMNS)
        ):
            return QCoreApplication.translate("ContactTableModel", CONTACT_COLUMNS[section][1])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._contacts):
            return None
        contact = self._contacts[index.row()]
        if role == ID_ROLE:
            return contact.id
        if role == Qt.ItemDataRole.DisplayRole:
            key = CONTACT_COLUMNS[index.column()][0]
            if key == "level":
                return enum_text(contact.level)
            return str(getattr(contact, key) or "")
        return None


class ActivityListModel(QAbstractListModel):
    """A customer's activities, newest first: a timeline of multi-line items."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._activities: list[Activity] = []
        self._contact_names: dict[str, str] = {}

    def set_activities(
        self, activities: Sequence[Activity], contacts: Sequence[Contact] = ()
    ) -> None:
        self.beginResetModel()
        self._activities = sorted(
            activities, key=lambda a: (a.occurred_at, a.created_at), reverse=True
        )
        self._contact_names = {c.id: c.name for c in contacts}
        self.endResetModel()

    def activity_at(self, row: int) -> Activity | None:
        return self._activities[row] if 0 <= row < len(self._activities) else None

    def retranslate(self) -> None:
        if self._activities:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._activities) - 1, 0))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._activities)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._activities):
            return None
        activity = self._activities[index.row()]
        if role == ID_ROLE:
            return activity.id
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_icon(activity.kind.value)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(activity)
        return None

    def _text(self, activity: Activity) -> str:
        head = [local_time_text(activity.occurred_at), enum_text(activity.kind)]
        contact = self._contact_names.get(activity.contact_id or "")
        if contact:
            head.append(contact)
        lines = ["  ·  ".join(head), activity.summary]
        if activity.outcome:
            template = QCoreApplication.translate("ActivityListModel", "Outcome: {text}")
            lines.append(template.format(text=activity.outcome))
        if activity.next_step:
            template = QCoreApplication.translate("ActivityListModel", "Next step: {text}")
            lines.append(template.format(text=activity.next_step))
        return "\n".join(lines)
