"""The small dialogs of the requests tab: declining a request with its
reason.  A refusal by the service keeps the dialog open with the text kept;
the message shows in a fixed place, so the form never shifts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.ui.widgets import PROBLEM_STYLE, problem_text, settle_minimum_size, translate

# Tries the change; the refusal's message (translated), or None when done.
Submit = Callable[[str], "str | None"]


def refusal_text(exc: DomainError) -> str:
    """A refusal as the user reads it: every problem, translated; never
    empty (an empty answer means "done" to the dialogs)."""
    problems = getattr(exc, "problems", None)
    text = problem_text(problems) if problems else exc.render(translate)
    return text.strip() or str(exc) or type(exc).__name__


def problem_line(parent: QWidget | None = None, lines: int = 2) -> QLabel:
    """A red message line whose space is kept while empty (*lines* high)."""
    label = QLabel(parent)
    label.setStyleSheet(PROBLEM_STYLE)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setMinimumHeight(label.fontMetrics().lineSpacing() * lines + 2)
    return label


class DeclineDialog(QDialog):
    """Asks why a request is declined; *submit* declines it with the reason."""

    def __init__(self, what: str, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._what = what
        self._submit = submit
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.edit = QPlainTextEdit()
        self.edit.setMinimumSize(400, 110)
        self.edit.setTabChangesFocus(True)
        self.problem = problem_line(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.decline_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        settle_minimum_size(self)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Decline the support request"))
        self.intro.setText(
            self.tr("Decline {what}? The rep reads the reason.").format(what=self._what)
        )
        self.edit.setPlaceholderText(self.tr("Why the presales team cannot take it on"))
        self.decline_button.setText(self.tr("Decline"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def reason(self) -> str:
        return self.edit.toPlainText().strip()

    def accept(self) -> None:
        """Decline; a refusal (no reason) stays here with the text kept."""
        refused = self._submit(self.reason())
        if refused:
            self.problem.setText(refused)
            self.edit.setFocus()
            return
        super().accept()
