"""The part every table model over plain rows shares: the rows, their count,
the column headers translated in the model's own context, row numbers in the
vertical header where a model wants them, and the signals a reset or a
language change needs.

A model names its translation context (``context``) and its English column
headers (``headers``, marked with ``QT_TRANSLATE_NOOP`` in that context) and
writes ``data`` (and ``flags``/``setData`` when editable); the headers are
translated when asked, so a language change needs only ``retranslate``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

T = TypeVar("T")


class RowTableModel(QAbstractTableModel, Generic[T]):
    """A flat table over ``rows`` (0 rows under a valid parent)."""

    context: ClassVar[str] = ""
    headers: ClassVar[tuple[str, ...]] = ()
    numbered: ClassVar[bool] = False  # the vertical header shows 1, 2, 3 …

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[T] = []

    def set_rows(self, rows: Iterable[T]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._rows_reset()
        self.endResetModel()

    def _rows_reset(self) -> None:
        """Forget what is kept per row (called inside ``set_rows``' reset)."""

    def row_at(self, row: int) -> T | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            return QCoreApplication.translate(self.context, self.headers[section])
        if (self.numbered and orientation == Qt.Orientation.Vertical
                and 0 <= section < len(self.rows)):
            return str(section + 1)
        return None

    def retranslate(self) -> None:
        """The headers again, in the language now installed."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)

    def _all_changed(self) -> None:
        """Every cell may show something else (editable, totals, language)."""
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.headers) - 1)
            )
