"""The team's workload tab (团队负荷), for a presales lead or a manager: per
consultant on the desk, open engagements, planned tasks this week and
next, demos this week and the technical wins of their engagements (won,
lost, open), with a bar of the two weeks' planned tasks.  Anyone else
reads a short note that the team's workload is the presales lead's.

Read in one service call (two queries) when first shown and, coalesced,
after the service's ``presales`` changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QLabel,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.services.presales import ConsultantLoad, sees_team
from erpdesk.ui.presales import PresalesServices
from erpdesk.ui.presales.workbench import table
from erpdesk.ui.presales.workbench_models import WIN_COLOURS
from erpdesk.ui.presales.workbench_reload import ReloadOnChange
from erpdesk.ui.table_models import RowTableModel

BAR_COLOUR = "#5c6bc0"
LOAD_COLUMN = 8


class WorkloadModel(RowTableModel[ConsultantLoad]):
    """One row per consultant; the last column is the load bar's."""

    context = "WorkloadModel"
    headers = (
        QT_TRANSLATE_NOOP("WorkloadModel", "Consultant"),
        QT_TRANSLATE_NOOP("WorkloadModel", "Open engagements"),
        QT_TRANSLATE_NOOP("WorkloadModel", "Tasks this week"),
        QT_TRANSLATE_NOOP("WorkloadModel", "Tasks next week"),
        QT_TRANSLATE_NOOP("WorkloadModel", "Demos this week"),
        QT_TRANSLATE_NOOP("WorkloadModel", "Won"),
        QT_TRANSLATE_NOOP("WorkloadModel", "Lost"),
        QT_TRANSLATE_NOOP("WorkloadModel", "Undecided"),
        QT_TRANSLATE_NOOP("WorkloadModel", "Load (two weeks)"),
    )

    @property
    def most(self) -> int:
        return max((r.load for r in self.rows), default=0)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        load = self.row_at(index.row()) if index.isValid() else None
        if load is None:
            return None
        column = index.column()
        values = (
            load.consultant, load.open_engagements, load.this_week, load.next_week,
            load.demos_this_week, load.won, load.lost, load.undecided, load.load,
        )  # fmt: skip
        if role == Qt.ItemDataRole.DisplayRole:
            return str(values[column])
        if role == Qt.ItemDataRole.UserRole:
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column in (5, 6, 7):
            wins = list(WIN_COLOURS.values())  # open, won, lost
            return QColor(wins[(column - 4) % 3])
        return None


class BarDelegate(QStyledItemDelegate):
    """The load column: a bar as long as the load against the most loaded
    consultant, with the figure after it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        model = index.model()
        assert isinstance(model, WorkloadModel)
        value = int(index.data(Qt.ItemDataRole.UserRole) or 0)
        rect = QRectF(option.rect).adjusted(6, 5, -6, -5)
        text_width = option.fontMetrics.horizontalAdvance("0000") + 6
        room = max(rect.width() - text_width, 1)
        painter.save()
        width = room * value / model.most if model.most else 0
        painter.fillRect(QRectF(rect.x(), rect.y(), width, rect.height()), QColor(BAR_COLOUR))
        painter.setPen(option.palette.text().color())
        painter.drawText(QRectF(rect.x() + width + 6, rect.y(), text_width, rect.height()),
                         int(Qt.AlignmentFlag.AlignVCenter), str(value))  # fmt: skip
        painter.restore()


class WorkloadView(QWidget):
    """The team's workload tab."""

    def __init__(self, services: PresalesServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.model = WorkloadModel(self)
        self.table = table(self.model)
        self.table.setItemDelegateForColumn(LOAD_COLUMN, BarDelegate(self.table))
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        team = QWidget()
        box = QVBoxLayout(team)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.title)
        box.addWidget(self.table, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(team)
        self.stack.addWidget(self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.reloading = ReloadOnChange(self, services.presales.feed, self.refresh)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr(
            "Per consultant: open engagements, planned demos and surveys this week and next, "
            "and the technical wins of their engagements. The bar shows the planned tasks of "
            "the two weeks."
        ))  # fmt: skip
        self.note.setText(self.tr(
            "The team's workload is for the presales lead and the managers. Your own "
            "engagements and tasks are under My work."
        ))  # fmt: skip
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @property
    def allowed(self) -> bool:
        """The table is shown (the user is a lead or a manager)."""
        return self.stack.currentIndex() == 0

    def refresh(self) -> None:
        """Who the user is, and the team's figures for a lead or a manager."""
        self.reloading.done()
        presales = self.services.presales
        if not sees_team(presales.actor()):
            self.model.set_rows([])
            self.stack.setCurrentIndex(1)
            return
        self.stack.setCurrentIndex(0)
        self.model.set_rows(presales.team_workload())
        self.table.resizeColumnsToContents()  # a dozen rows
        header = self.table.horizontalHeader()
        for column in range(LOAD_COLUMN):
            header.resizeSection(column, header.sectionSize(column) + 16)
