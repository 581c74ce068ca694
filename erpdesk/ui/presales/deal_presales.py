"""The deal page's presales tab: the deal's presales status (its latest
request's state as a chip, the consultant, step and technical win, as the
board's card shows it) over the deal's support requests with their
kind, state (a coloured chip), consultant, wanted dates, the engagement's
step ("5/8 DEMO演示") and technical win; "Ask for presales support…", a
request opened on double-click, "Open engagement" when the work has one.

It refreshes when the presales service reports a change.  The window's
presales services reach a deal page through ``presales_factory_of``: the
first widget up the parents with a ``presales_factory`` (the funnel page,
the customer panel, the main window) lends its factory.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.domain.presales import Engagement, SupportRequest
from erpdesk.services.events import Change
from erpdesk.ui.presales.request_texts import (
    STATE_COLOURS,
    WIN_COLOURS,
    chip_style,
    step_text,
    win_text,
)
from erpdesk.ui.widgets import PROBLEM_STYLE, FeedBridge, enum_text, translate

if TYPE_CHECKING:
    from erpdesk.ui.presales import PresalesServices

PresalesFactory = Callable[[], "PresalesServices"]
ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND, STATE, CONSULTANT, WANTED, STEP, WIN = range(6)
ATTRIBUTE = "presales_factory"


def presales_factory_of(widget: QWidget | None) -> PresalesFactory | None:
    """The presales services' factory of the window *widget* is in (the
    first parent with a ``presales_factory``), or None."""
    seen = 0
    while widget is not None and seen < 64:
        found = getattr(widget, ATTRIBUTE, None)
        if callable(found):
            return found
        widget = widget.parentWidget()
        seen += 1
    return None


def _wanted(request: SupportRequest) -> str:
    days = [d.isoformat() for d in (request.wanted_from, request.wanted_until) if d]
    return " – ".join(days) or "—"


class DealPresales(QWidget):
    """The support requests of one deal.

    Signals:
        count_changed(int): the number of requests shown (names the tab).
    """

    count_changed = Signal(int)

    def __init__(
        self,
        services: PresalesServices,
        deal_id: str,
        customer_id: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.deal_id = deal_id
        self.customer_id = customer_id
        self.requests: list[SupportRequest] = []
        self.engagements: dict[str, Engagement] = {}
        self.model = QStandardItemModel(0, 6, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda index: self.open_request(index.row()))
        self.view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.ask_button = QPushButton()
        self.open_button = QPushButton()
        self.engagement_button = QPushButton()
        self.ask_button.clicked.connect(self.ask)
        self.open_button.clicked.connect(lambda: self.open_request(self.current_row()))
        self.engagement_button.clicked.connect(lambda: self.open_engagement(self.current_row()))
        self.summary_chip = QLabel()
        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label = QLabel()
        self.empty_label.setStyleSheet("color: #78909c;")
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet(PROBLEM_STYLE)
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary_chip)
        buttons.addWidget(self.summary_label, 1)
        buttons.addWidget(self.ask_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.engagement_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        self._bridge = FeedBridge(services.presales.feed, self)
        self._bridge.changed.connect(self._on_change)
        self.retranslate_ui()
        self.reload()

    # -- texts -------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.ask_button.setText(self.tr("Ask for presales support…"))
        self.open_button.setText(self.tr("Open request…"))
        self.engagement_button.setText(self.tr("Open engagement"))
        self.empty_label.setText(
            self.tr("No presales support asked for this deal yet: a demo, a requirements "
                    "survey or a solution can be asked from the presales team.")
        )  # fmt: skip
        self.empty_label.setWordWrap(True)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Support"), self.tr("State"), self.tr("Consultant"), self.tr("Wanted"),
             self.tr("Step"), self.tr("Technical win")]
        )  # fmt: skip
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- showing -----------------------------------------------------------------

    def reload(self) -> None:
        """Read the deal's requests and their engagements again."""
        presales = self.services.presales
        try:
            self.requests = list(reversed(presales.requests_of_deal(self.deal_id)))
            self.engagements = {}
            for request in self.requests:
                engagement = presales.engagement_of(request.id)
                if engagement is not None:
                    self.engagements[request.id] = engagement
        except DomainError as exc:
            self.problem_label.setText(exc.render(translate))
            self.problem_label.show()
            return
        self.problem_label.hide()
        self._show()

    def _on_change(self, change: Change) -> None:
        if change.entity == "presales":
            self.reload()

    def _show(self) -> None:
        selected = self.current_request()
        playbook = self.services.presales.playbook
        self.model.removeRows(0, self.model.rowCount())
        for request in self.requests:
            engagement = self.engagements.get(request.id)
            cells = [
                QStandardItem(enum_text(request.kind)),
                QStandardItem(enum_text(request.state)),
                QStandardItem(request.consultant or "—"),
                QStandardItem(_wanted(request)),
                QStandardItem(step_text(playbook, engagement.step if engagement else None)),
                QStandardItem(win_text(engagement.technical_win) if engagement else "—"),
            ]
            cells[STATE].setBackground(QColor(STATE_COLOURS[request.state]))
            cells[STATE].setForeground(QColor("white"))
            if engagement is not None:
                cells[WIN].setForeground(QColor(WIN_COLOURS[engagement.technical_win]))
            if request.decline_reason:
                cells[STATE].setToolTip(request.decline_reason)
            cells[KIND].setData(request.id, ID_ROLE)
            self.model.appendRow(cells)
        self.empty_label.setVisible(not self.requests)
        self.view.setVisible(bool(self.requests))
        if self.requests:  # current, not selected: the state chip keeps its colour
            row = next((n for n, r in enumerate(self.requests) if r.id == selected), 0)
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self._show_summary()
        self._row_chosen()
        self.count_changed.emit(len(self.requests))

    def _show_summary(self) -> None:
        """The deal's presales status: its latest request, as its card shows it."""
        if not self.requests:
            self.summary_chip.hide()
            self.summary_label.setText("")
            return
        latest = self.requests[0]
        engagement = self.engagements.get(latest.id)
        self.summary_chip.setText(enum_text(latest.state))
        self.summary_chip.setStyleSheet(chip_style(latest.state))
        self.summary_chip.show()
        parts = [enum_text(latest.kind)]
        if latest.consultant:
            parts.append(latest.consultant)
        if engagement is not None:
            playbook = self.services.presales.playbook
            parts += [step_text(playbook, engagement.step), win_text(engagement.technical_win)]
        self.summary_label.setText(" · ".join(parts))

    def current_row(self) -> int:
        return self.view.currentIndex().row()

    def current_request(self) -> str | None:
        row = self.current_row()
        return self.requests[row].id if 0 <= row < len(self.requests) else None

    def _row_chosen(self, *_args: QModelIndex) -> None:
        request = self.current_request()
        self.open_button.setEnabled(request is not None)
        self.engagement_button.setEnabled(request is not None and request in self.engagements)

    # -- actions -----------------------------------------------------------------

    def ask(self) -> QWidget:
        """A new support request of this deal."""
        from erpdesk.ui.presales.opener import open_request

        return open_request(
            self.services, customer_id=self.customer_id, deal_id=self.deal_id, parent=self
        )

    def open_request(self, row: int) -> QWidget | None:
        if not 0 <= row < len(self.requests):
            return None
        from erpdesk.ui.presales.opener import open_request

        return open_request(self.services, request_id=self.requests[row].id, parent=self)

    def open_engagement(self, row: int) -> QWidget | None:
        if not 0 <= row < len(self.requests):
            return None
        engagement = self.engagements.get(self.requests[row].id)
        if engagement is None:
            return None
        from erpdesk.ui.presales.opener import open_engagement

        return open_engagement(self.services, engagement.id, self)

    def close_section(self) -> None:
        self._bridge.close()
