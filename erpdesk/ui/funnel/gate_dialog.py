"""Moving a deal through the stage gates from the window.

``ask_move(parent, deals, deal_id, target)`` is what the board's drag and
the deal page call: it asks the service what the move needs
(``DealService.check_move``), shows what is missing (unticked activities,
missing worksheets) and asks for the confirmation and the reason the gates
want (the lost reason and the winning competitor when closing lost), then
moves the deal (``DealService.move``).  The rules stay in the domain: the
dialog only collects the answers, and a refusal (``GateRefused``, any
``ValidationError``) is shown in the user's language with nothing moved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.deal import Deal, DealStatus, MoveKind
from erpdesk.domain.errors import DomainError, ValidationError
from erpdesk.ui.form_fit import fit_to_screen
from erpdesk.ui.funnel import names_text
from erpdesk.ui.widgets import ProblemLabel, settle_minimum_size, translate

if TYPE_CHECKING:
    from erpdesk.domain.gates import GateCheck
    from erpdesk.domain.playbook import Playbook
    from erpdesk.services.deals import DealService

CONTEXT = "GateDialog"
WARNING_COLOUR = "#a15c00"


def stage_text(playbook: Playbook, target: int | DealStatus) -> str:
    """ "3 确认意向" or the status's label ("赢单")."""
    if isinstance(target, DealStatus):
        return QCoreApplication.translate("Domain", target.label)
    try:
        return f"{target} {names_text(playbook.stage(target).names)}"
    except KeyError:
        return str(target)


class GateDialog(QDialog):
    """What a move needs, asked once: the missing work, the override's
    confirmation, the reason, the lost reason and the winning competitor.

    ``exec()`` returns Accepted only after the service moved the deal
    (``moved`` is True then); a refusal is shown under the fields and the
    dialog stays open with nothing moved.
    """

    def __init__(
        self,
        deals: DealService,
        deal: Deal,
        check: GateCheck,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("gateDialog")
        self._deals = deals
        self._deal = deal
        self._check = check
        self.moved = False
        playbook = deals.playbook
        self.setWindowTitle(self._title())

        layout = QVBoxLayout(self)
        self.summary_label = QLabel(self._summary(playbook))
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary_label)

        self.items_list: QListWidget | None = None
        self.worksheets_list: QListWidget | None = None
        if check.missing_items:
            layout.addWidget(self._warning(self.tr("These required activities are not done:")))
            self.items_list = QListWidget()
            self.items_list.setObjectName("missingActivities")
            for item in check.missing_items:
                self.items_list.addItem(names_text(item.names))
            self.items_list.setMaximumHeight(min(24 * len(check.missing_items) + 8, 200))
            layout.addWidget(self.items_list)
        if check.missing_worksheets:
            layout.addWidget(self._warning(self.tr("These required worksheets are missing:")))
            self.worksheets_list = QListWidget()
            self.worksheets_list.setObjectName("missingWorksheets")
            for code in check.missing_worksheets:
                template = playbook.worksheets.get(code)
                self.worksheets_list.addItem(names_text(template.names) if template else code)
            self.worksheets_list.setMaximumHeight(min(24 * len(check.missing_worksheets) + 8, 160))
            layout.addWidget(self.worksheets_list)

        form = QFormLayout()
        self.override_box: QCheckBox | None = None
        if check.needs_override:
            self.override_box = QCheckBox(self.tr("Move on anyway and record the override"))
            self.override_box.toggled.connect(self._update_ok)
            form.addRow(self.override_box)

        self.lost_reason_combo: QComboBox | None = None
        self.competitor_combo: QComboBox | None = None
        self.reason_edit: QPlainTextEdit | None = None
        if check.kind is MoveKind.LOST:
            self.lost_reason_combo = QComboBox()
            self.lost_reason_combo.setEditable(True)
            self.lost_reason_combo.addItem("", "")
            for choice in playbook.lost_reasons:
                self.lost_reason_combo.addItem(names_text(choice.names), choice.code)
            self.lost_reason_combo.setCurrentIndex(0)
            self.lost_reason_combo.currentTextChanged.connect(self._update_ok)
            form.addRow(self.tr("Why was it lost?"), self.lost_reason_combo)
            self.competitor_combo = QComboBox()
            self.competitor_combo.setEditable(True)
            self.competitor_combo.addItem("")
            self.competitor_combo.addItems(list(deal.competitors))
            competitor_edit = self.competitor_combo.lineEdit()
            if competitor_edit is not None:
                competitor_edit.setPlaceholderText(self.tr("Unknown"))
            form.addRow(self.tr("Winning competitor"), self.competitor_combo)
        elif check.needs_reason:
            self.reason_edit = QPlainTextEdit()
            self.reason_edit.setObjectName("reasonEdit")
            self.reason_edit.setPlaceholderText(self._reason_hint())
            self.reason_edit.setFixedHeight(72)
            self.reason_edit.textChanged.connect(self._update_ok)
            form.addRow(self.tr("Reason"), self.reason_edit)
        layout.addLayout(form)

        self.problem_label = ProblemLabel()
        layout.addWidget(self.problem_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self._ok_text())
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.try_move)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_ok()
        settle_minimum_size(self)
        self.setMinimumWidth(max(self.minimumWidth(), 480))
        fit_to_screen(self, 560, self.sizeHint().height())

    # -- texts -----------------------------------------------------------------

    def _title(self) -> str:
        kind = self._check.kind
        if kind is MoveKind.WON:
            return self.tr("Close the deal as won")
        if kind is MoveKind.LOST:
            return self.tr("Close the deal as lost")
        if kind is MoveKind.BACK:
            return self.tr("Move the deal back")
        return self.tr("Move the deal forward")

    def _summary(self, playbook: Playbook) -> str:
        deal, kind = self._deal, self._check.kind
        here = stage_text(playbook, deal.stage)
        there = stage_text(playbook, self._check.target)
        if kind is MoveKind.WON:
            text = self.tr("Close “{deal}” (now in {stage}) as won.")
        elif kind is MoveKind.LOST:
            text = self.tr("Close “{deal}” (now in {stage}) as lost.")
        elif kind is MoveKind.BACK:
            text = self.tr("Move “{deal}” back from {stage} to {target}.")
        else:
            text = self.tr("Move “{deal}” from {stage} to {target}.")
        text = text.format(deal=deal.name, stage=here, target=there)
        if self._check.needs_override:
            text += " " + self.tr(
                "The stage's gate asks for work that is not done yet; you may move on "
                "anyway, and the override and its reason are recorded in the stage history."
            )
        return text

    def _reason_hint(self) -> str:
        if self._check.kind is MoveKind.BACK:
            return self.tr("Why does the deal go back?")
        return self.tr("Why move on without this work?")

    def _ok_text(self) -> str:
        kind = self._check.kind
        if kind is MoveKind.WON:
            return self.tr("Close as won")
        if kind is MoveKind.LOST:
            return self.tr("Close as lost")
        if kind is MoveKind.BACK:
            return self.tr("Move back")
        return self.tr("Move")

    @staticmethod
    def _warning(text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: bold;")
        return label

    # -- answers ---------------------------------------------------------------

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip() if self.reason_edit else ""

    def lost_reason(self) -> str:
        combo = self.lost_reason_combo
        if combo is None:
            return ""
        text = combo.currentText().strip()
        index = combo.findText(text)
        code = combo.itemData(index) if index >= 0 else None
        return str(code) if code else text

    def winning_competitor(self) -> str:
        return self.competitor_combo.currentText().strip() if self.competitor_combo else ""

    def _complete(self) -> bool:
        if self.override_box is not None and not self.override_box.isChecked():
            return False
        if self.lost_reason_combo is not None:
            return bool(self.lost_reason())
        if self.reason_edit is not None:
            return bool(self.reason())
        return True

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._complete())

    def try_move(self) -> bool:
        """Move the deal with the answers given; on a refusal show why and
        stay open (nothing moved)."""
        try:
            self._deals.move(
                self._deal.id,
                self._check.target,
                reason=self.reason(),
                confirm_override=bool(self.override_box and self.override_box.isChecked()),
                lost_reason=self.lost_reason(),
                winning_competitor=self.winning_competitor(),
            )
        except ValidationError as exc:
            self.problem_label.show_text(
                "\n".join(p.render(translate) for p in exc.problems) or exc.render(translate)
            )
            return False
        except DomainError as exc:
            self.problem_label.show_text(exc.render(translate))
            return False
        self.moved = True
        self.accept()
        return True


def _refusal(parent: QWidget | None, exc: DomainError) -> None:
    if isinstance(exc, ValidationError) and exc.problems:
        text = "\n".join(p.render(translate) for p in exc.problems)
    else:
        text = exc.render(translate)
    QMessageBox.warning(
        parent, QCoreApplication.translate("GateDialog", "The deal cannot be moved"), text
    )


def needs_dialog(check: GateCheck) -> bool:
    """Does the move need the user's answers (or, for a close, a confirmation)?"""
    return check.needs_reason or check.needs_override or check.kind in (MoveKind.WON, MoveKind.LOST)


def ask_move(
    parent: QWidget | None, deals: DealService, deal_id: str, target: int | DealStatus
) -> bool:
    """Move the deal *deal_id* to *target* (a stage number or
    ``DealStatus.WON``/``LOST``) through the gates, asking what they need;
    True when the deal moved.  A plain step forward with nothing missing
    moves at once; everything else opens a ``GateDialog``."""
    try:
        check = deals.check_move(deal_id, target)
        if not needs_dialog(check):
            deals.move(deal_id, check.target)
            return True
        deal = deals.get(deal_id)
    except DomainError as exc:
        _refusal(parent, exc)
        return False
    dialog = GateDialog(deals, deal, check, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted and dialog.moved
    finally:
        dialog.deleteLater()
