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
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError, ValidationError
from erpdesk.domain.playbook import ChecklistItem, PresalesStep
from erpdesk.ui.funnel.worksheet_widgets import name_text
from erpdesk.ui.widgets import WARNING_STYLE, ProblemLabel, settle_minimum_size, translate

# How the bar paints a step: done (passed), current, to come; the step
# whose checklist is shown gets an orange frame.
_STEP_STYLE = {
    "done": "background: #e8f5e9; color: #2e7d32; border: {border};",
    "current": "background: #1565c0; color: white; font-weight: bold; border: {border};",
    "todo": "background: #f5f5f5; color: #546e7a; border: {border};",
}
_BORDER, _VIEWED_BORDER = "1px solid #cfd8dc", "2px solid #ff8f00"


class _StepBox(QLabel):
    """One step of the bar: its number, name (wrapped) and ticks; a click chooses it."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(60)
        self.setMargin(3)

    def mousePressEvent(self, event: Any) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class StepBar(QWidget):
    """The eight steps side by side; the current one filled, the passed
    ones green, the one whose checklist is shown framed in orange.

    Signals:
        chosen(int): the user clicked a step (its number), to view it.
    """

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: list[_StepBox] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)

    def set_steps(
        self, steps: Sequence[PresalesStep], current: int, viewed: int, counts: dict[int, str]
    ) -> None:
        """Show *steps* with *current* marked and *viewed* framed; *counts*
        is each step's "ticked/total" text."""
        while len(self.boxes) < len(steps):
            box = _StepBox()
            number = len(self.boxes) + 1
            box.clicked.connect(lambda n=number: self.chosen.emit(n))
            self._layout.addWidget(box, 1)
            self.boxes.append(box)
        for number, box in enumerate(self.boxes, start=1):
            box.setVisible(number <= len(steps))
        for step in steps:
            box = self.boxes[step.number - 1]
            marker = "▶ " if step.number == current else ""
            box.setText(
                f"{marker}{step.number} · {counts.get(step.number, '')}\n{name_text(step.names)}"
            )
            state = "done" if step.number < current else "current"
            if step.number > current:
                state = "todo"
            border = _VIEWED_BORDER if step.number == viewed else _BORDER
            box.setStyleSheet(_STEP_STYLE[state].format(border=border))
            box.setToolTip(name_text(step.names))
        self._viewed = viewed

    def box(self, number: int) -> QLabel:
        """The box of step *number* (1..8)."""
        return self.boxes[number - 1]


def missing_text(items: Sequence[ChecklistItem], steps: Sequence[PresalesStep] = ()) -> list[str]:
    """The activities' names, each after its step's number ("2 · 研究客户…")
    when *steps* are given (a move past several steps)."""
    number = {i.code: s.number for s in steps for i in s.checklist}
    return [
        f"{number[i.code]} · {name_text(i.names)}" if i.code in number else name_text(i.names)
        for i in items
    ]


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
        steps: Sequence[PresalesStep] = (),
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
            self.missing_list.addItems(missing_text(missing, steps))
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
