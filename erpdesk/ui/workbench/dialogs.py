"""Small dialogs of the workbenches: a reason or note (required or not),
optionally with a choice (a rep, an outcome)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

MAX_TEXT = 2000


class ReasonDialog(QDialog):
    """Asks for a text (``text()``) and, when *choices* are given, one of
    them (``choice()``: its data).  OK stays disabled while a required text
    is empty or longer than the registry keeps."""

    def __init__(
        self,
        title: str,
        prompt: str,
        *,
        required: bool = True,
        choice_label: str = "",
        choices: list[tuple[str, object]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._required = required
        layout = QVBoxLayout(self)
        intro = QLabel(prompt)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.combo: QComboBox | None = None
        if choices is not None:
            self.combo = QComboBox()
            for text, data in choices:
                self.combo.addItem(text, data)
            form.addRow(choice_label, self.combo)
        self.edit = QPlainTextEdit()
        self.edit.setMinimumSize(380, 100)
        form.addRow(self.tr("Reason or note:") if not required else self.tr("Reason:"), self.edit)
        layout.addLayout(form)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #b71c1c;")
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._check)
        self._check()

    def text(self) -> str:
        return self.edit.toPlainText().strip()

    def choice(self) -> object:
        return self.combo.currentData() if self.combo is not None else None

    def _check(self) -> None:
        text = self.text()
        if len(text) > MAX_TEXT:
            self.hint.setText(self.tr("At most {n} characters").format(n=MAX_TEXT))
        elif self._required and not text:
            self.hint.setText(self.tr("A reason is required"))
        else:
            self.hint.setText("")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not self.hint.text())
