"""Two read-mostly parts of the engagement window: the header (customer,
deal, request kind, consultant, opened, open or closed, and the technical
win selector) and the step history (step, when, by, reason, the activities
gone past unticked)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from erpdesk.domain.playbook import Playbook
from erpdesk.domain.presales import Engagement, RequestKind, TechnicalWin
from erpdesk.ui.funnel.worksheet_widgets import name_text
from erpdesk.ui.widgets import EnumCombo, enum_text_of, local_time_text, value_label

_FIELDS = ("customer", "deal", "kind", "consultant", "opened", "state")


class EngagementHeader(QGroupBox):
    """Who and what the engagement is for, and its technical win.

    Signals:
        win_chosen(object): the user picked a ``TechnicalWin``.
    """

    win_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engagement: Engagement | None = None
        self._facts: Mapping[str, str] = {}
        self._loading = False
        grid = QGridLayout(self)
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for n, key in enumerate(_FIELDS):
            caption, value = QLabel(), value_label()
            caption.setStyleSheet("color: #546e7a;")
            self.captions[key], self.values[key] = caption, value
            grid.addWidget(caption, n % 3, (n // 3) * 2)
            grid.addWidget(value, n % 3, (n // 3) * 2 + 1)
        self.win_caption = QLabel()
        self.win_combo = EnumCombo(TechnicalWin)
        self.win_combo.setObjectName("technicalWin")
        self.win_combo.currentIndexChanged.connect(self._chosen)
        grid.addWidget(self.win_caption, 0, 4)
        grid.addWidget(self.win_combo, 0, 5)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        captions = {
            "customer": self.tr("Customer"),
            "deal": self.tr("Deal"),
            "kind": self.tr("Request"),
            "consultant": self.tr("Consultant"),
            "opened": self.tr("Opened"),
            "state": self.tr("State"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.win_caption.setText(self.tr("Technical win"))
        if self._engagement is not None:
            self.show_engagement(self._engagement, self._facts)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_engagement(self, engagement: Engagement, facts: Mapping[str, str]) -> None:
        """*facts*: the customer's and the deal's names, the request's kind code."""
        self._engagement, self._facts = engagement, facts
        if engagement.is_open:
            state = self.tr("Open")
        else:
            state = self.tr("Closed on {when}").format(when=local_time_text(engagement.closed_at))
        values = {
            "customer": facts.get("customer", ""),
            "deal": facts.get("deal", ""),
            "kind": enum_text_of(RequestKind, facts.get("kind")),
            "consultant": engagement.consultant,
            "opened": local_time_text(engagement.opened_at)[:10],
            "state": state,
        }
        for key, value in values.items():
            self.values[key].setText(value or "—")
        self._loading = True
        self.win_combo.set_member(engagement.technical_win)
        self._loading = False
        self.win_combo.setEnabled(engagement.is_open)

    def _chosen(self, _index: int) -> None:
        if not self._loading and self._engagement is not None:
            self.win_chosen.emit(self.win_combo.current_member())


class StepHistory(QTableWidget):
    """The engagement's step history, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("stepHistory")
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setHorizontalHeaderLabels(
            [self.tr("Step"), self.tr("When"), self.tr("By"), self.tr("Reason"),
             self.tr("Overridden")]
        )  # fmt: skip

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_history(
        self, engagement: Engagement, playbook: Playbook, step_name: Callable[[int], str]
    ) -> None:
        self.setRowCount(0)
        for entry in reversed(engagement.history):
            overridden = []
            for code in entry.overridden:
                found = playbook.presales_activity(code)
                overridden.append(name_text(found[1].names) if found else code)
            row = self.rowCount()
            self.insertRow(row)
            cells = (
                step_name(entry.step), local_time_text(entry.entered_at), entry.by,
                entry.reason, "、".join(overridden),
            )  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.setItem(row, column, item)
        self.resizeRowsToContents()
