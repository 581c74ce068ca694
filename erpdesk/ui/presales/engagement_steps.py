"""The pieces of the engagement window that show and move the eight
presales steps: the step bar (like a funnel's stages, the current step
marked, a click shows a step's checklist) and the dialog asking what a
move needs (the override's confirmation, the reason).

``StepMoveDialog`` only collects the answers and hands them to an action
(the service's ``move_step`` or ``close_engagement``); a refusal is shown
in the dialog, which stays open with the reason kept.  The funnel's
``GateDialog`` is bound to deals (its service, lost reasons, competitors),
so it is not reused here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError, ValidationError
from erpdesk.domain.playbook import ChecklistItem, PresalesStep
from erpdesk.ui.funnel.worksheet_widgets import name_text
from erpdesk.ui.widgets import WARNING_STYLE, ProblemLabel, settle_minimum_size, translate

# How the bar paints a step: done (passed), current, to come.
_STEP_STYLE = {
    "done": "QToolButton { background: #e8f5e9; color: #2e7d32; border: 1px solid #a5d6a7; }",
    "current": (
        "QToolButton { background: #1565c0; color: white; font-weight: bold;"
        " border: 1px solid #0d47a1; }"
    ),
    "todo": "QToolButton { background: #f5f5f5; color: #546e7a; border: 1px solid #cfd8dc; }",
}
_VIEWED = " QToolButton:checked { border: 2px solid #ff8f00; }"


class StepBar(QWidget):
    """The eight steps side by side; the current one filled, the passed
    ones green, the one whose checklist is shown outlined.

    Signals:
        chosen(int): the user clicked a step (its number), to view it.
    """

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: list[QToolButton] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.idClicked.connect(self.chosen)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)

    def set_steps(
        self, steps: Sequence[PresalesStep], current: int, viewed: int, counts: dict[int, str]
    ) -> None:
        """Show *steps* with *current* marked and *viewed* outlined; *counts*
        is each step's "ticked/total" text."""
        while len(self.buttons) < len(steps):
            button = QToolButton()
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            self._group.addButton(button, len(self.buttons) + 1)
            self._layout.addWidget(button)
            self.buttons.append(button)
        for number, button in enumerate(self.buttons, start=1):
            button.setVisible(number <= len(steps))
        for step in steps:
            button = self.buttons[step.number - 1]
            marker = "▶ " if step.number == current else ""
            button.setText(
                f"{marker}{step.number}\n{name_text(step.names)}\n{counts.get(step.number, '')}"
            )
            state = "done" if step.number < current else "current"
            if step.number > current:
                state = "todo"
            button.setStyleSheet(_STEP_STYLE[state] + _VIEWED)
            button.setChecked(step.number == viewed)
            button.setToolTip(name_text(step.names))


def missing_text(items: Sequence[ChecklistItem]) -> list[str]:
    return [name_text(item.names) for item in items]


class StepMoveDialog(QDialog):
    """What a move (or the closing) needs, asked once: the required
    activities left unticked, the override's confirmation and the reason.

    *act(reason, confirm_override)* does the move through the service;
    ``exec()`` returns Accepted only once it succeeded (``succeeded`` is True);
    a refusal is shown and the dialog stays open with the reason kept.
    """

    def __init__(
        self,
        title: str,
        summary: str,
        missing: Sequence[ChecklistItem],
        act: Callable[[str, bool], object],
        *,
        needs_reason: bool,
        reason_hint: str = "",
        ok_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stepMoveDialog")
        self.setWindowTitle(title)
        self._act = act
        self.succeeded = False
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(summary)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary_label)
        self.missing_list: QListWidget | None = None
        self.override_box: QCheckBox | None = None
        if missing:
            warning = QLabel(self.tr("These required activities are not done:"))
            warning.setStyleSheet(WARNING_STYLE + " font-weight: bold;")
            layout.addWidget(warning)
            self.missing_list = QListWidget()
            self.missing_list.addItems(missing_text(missing))
            self.missing_list.setMaximumHeight(min(24 * len(missing) + 8, 200))
            layout.addWidget(self.missing_list)
            self.override_box = QCheckBox(self.tr("Move on anyway and record the override"))
            self.override_box.toggled.connect(self._update_ok)
            layout.addWidget(self.override_box)
        form = QFormLayout()
        self.reason_edit: QPlainTextEdit | None = None
        if needs_reason or missing:
            self.reason_edit = QPlainTextEdit()
            self.reason_edit.setObjectName("reasonEdit")
            self.reason_edit.setPlaceholderText(reason_hint)
            self.reason_edit.setFixedHeight(72)
            self.reason_edit.textChanged.connect(self._update_ok)
            form.addRow(self.tr("Reason *"), self.reason_edit)
        layout.addLayout(form)
        self.problem_label = ProblemLabel()
        layout.addWidget(self.problem_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text or self.tr("Move"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.try_act)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_ok()
        settle_minimum_size(self)
        self.setMinimumWidth(max(self.minimumWidth(), 460))
        self.resize(540, self.sizeHint().height())

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip() if self.reason_edit else ""

    def confirmed(self) -> bool:
        return bool(self.override_box and self.override_box.isChecked())

    def _complete(self) -> bool:
        if self.override_box is not None and not self.override_box.isChecked():
            return False
        return self.reason_edit is None or bool(self.reason())

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self._complete())

    def try_act(self) -> bool:
        """Do the move with the answers; on a refusal show why and stay open."""
        try:
            self._act(self.reason(), self.confirmed())
        except ValidationError as exc:
            self.problem_label.show_text(
                "\n".join(p.render(translate) for p in exc.problems) or exc.render(translate)
            )
            return False
        except DomainError as exc:
            self.problem_label.show_text(exc.render(translate))
            return False
        self.succeeded = True
        self.accept()
        return True
