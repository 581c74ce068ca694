"""Where a saved support request stands, for the request dialog: its state
as a chip, who asked and when it was submitted, the decline reason, the
consultant, and the engagement's step and technical win (with a button to
open the engagement)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from erpdesk.domain.errors import DomainError
from erpdesk.domain.presales import Engagement, SupportRequest
from erpdesk.ui.presales import PresalesServices
from erpdesk.ui.presales.request_texts import chip_style, step_text, win_text
from erpdesk.ui.widgets import enum_text, local_time_text, value_label

# field -> (row, column, columns its value spans) in two columns
_PLACES = {
    "asked": (0, 0, 1),
    "consultant": (1, 0, 1),
    "step": (0, 2, 1),
    "win": (1, 2, 1),
    "reason": (2, 0, 3),
}
_FIELDS = tuple(_PLACES)


class RequestStatusBox(QFrame):
    """The status of a request (hidden for a new one)."""

    def __init__(self, services: PresalesServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.request: SupportRequest | None = None
        self.engagement: Engagement | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.state_label = QLabel()
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_engagement)
        self.captions = {key: QLabel() for key in _FIELDS}
        self.values = {key: value_label() for key in _FIELDS}
        grid = QGridLayout()
        for key, (row, col, span) in _PLACES.items():
            self.captions[key].setStyleSheet("color: #546e7a;")
            self.captions[key].setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(self.captions[key], row, col)
            grid.addWidget(self.values[key], row, col + 1, 1, span)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        top = QHBoxLayout()
        top.addWidget(self.state_label)
        top.addStretch(1)
        top.addWidget(self.open_button)
        layout = QGridLayout(self)
        layout.addLayout(top, 0, 0)
        layout.addLayout(grid, 1, 0)
        self.retranslate_ui()
        self.setVisible(False)

    def retranslate_ui(self) -> None:
        texts = {
            "asked": self.tr("Asked by"),
            "consultant": self.tr("Consultant"),
            "step": self.tr("Step"),
            "win": self.tr("Technical win"),
            "reason": self.tr("Decline reason"),
        }
        for key, text in texts.items():
            self.captions[key].setText(text)
        self.open_button.setText(self.tr("Open engagement"))
        if self.request is not None:
            self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_request(self, request: SupportRequest | None) -> None:
        """Show *request*'s status (None: hide, a new request has none)."""
        self.request = request
        self.engagement = None
        if request is not None:
            try:
                self.engagement = self.services.presales.engagement_of(request.id)
            except DomainError:
                self.engagement = None
        self.setVisible(request is not None)
        if request is not None:
            self._show()

    def _show(self) -> None:
        request = self.request
        assert request is not None
        self.state_label.setText(enum_text(request.state))
        self.state_label.setStyleSheet(chip_style(request.state))
        asked = request.requested_by or "—"
        if request.submitted_at is not None:
            asked = self.tr("{rep}, submitted {when}").format(
                rep=asked, when=local_time_text(request.submitted_at)
            )
        engagement = self.engagement
        values = {
            "asked": asked,
            "consultant": request.consultant or "—",
            "step": step_text(self.services.presales.playbook, engagement.step)
            if engagement is not None
            else "—",
            "win": win_text(engagement.technical_win) if engagement is not None else "—",
            "reason": request.decline_reason,
        }
        for key, text in values.items():
            self.values[key].setText(text)
        declined = bool(request.decline_reason)
        self.captions["reason"].setVisible(declined)
        self.values["reason"].setVisible(declined)
        self.open_button.setVisible(engagement is not None)

    def open_engagement(self) -> QWidget | None:
        """The engagement's window (the consultant's view of the work)."""
        if self.engagement is None:
            return None
        from erpdesk.ui.presales.opener import open_engagement

        return open_engagement(self.services, self.engagement.id, self.window())
