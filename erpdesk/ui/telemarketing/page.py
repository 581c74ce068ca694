"""The telemarketer's workbench: enter a lead, hand it over to the customer
administrator, and see where each lead stands (已签单 / 销售失利 / 无效资源 /
继续跟进)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from erpdesk.sync.workbench_api import Lead, LeadDraft
from erpdesk.ui.telemarketing.leads import LeadForm
from erpdesk.ui.widgets import local_time_text
from erpdesk.ui.workbench.common import html_escape as _esc
from erpdesk.ui.workbench.common import row_table
from erpdesk.ui.workbench.dialogs import ReasonDialog
from erpdesk.ui.workbench.leads import LeadTableModel, outcome_text, status_text
from erpdesk.ui.workbench.runner import ApiRunner, MessageBar


class TelemarketingPage(QWidget):
    """The telemarketer's leads.

    Signals:
        loaded(int): the leads arrived (their number).
        lead_saved(object): a lead was entered or handed over (the ``Lead``).
        failed(str): a call failed (the message shown).
    """

    loaded = Signal(int)
    lead_saved = Signal(object)
    failed = Signal(str)

    def __init__(self, runner: ApiRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("telemarketingPage")
        self._runner = runner
        self.message = MessageBar()
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.handover_button = QPushButton()
        self.handover_button.clicked.connect(self._ask_handover)
        self.handover_button.setEnabled(False)

        self.form = LeadForm()
        self.form.submitted.connect(self.enter_lead)
        self.form_box = QGroupBox()
        box_layout = QVBoxLayout(self.form_box)
        box_layout.addWidget(self.form)
        box_layout.addStretch(1)

        self.model = LeadTableModel(self)
        self.table = row_table(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet("padding: 4px;")

        self.list_box = QGroupBox()
        list_layout = QVBoxLayout(self.list_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.handover_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        list_layout.addLayout(buttons)
        list_layout.addWidget(self.table, 3)
        list_layout.addWidget(self.detail, 1)

        splitter = QSplitter()
        splitter.addWidget(self.form_box)
        splitter.addWidget(self.list_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 760])

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Telemarketing leads"))
        self.form_box.setTitle(self.tr("New lead"))
        self.list_box.setTitle(self.tr("My leads"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.handover_button.setText(self.tr("Hand over to the administrator…"))
        self.form.retranslate_ui()
        self._show_current()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- calls -------------------------------------------------------------------

    def refresh(self) -> None:
        self._runner.run(lambda api: api.leads(), self._leads_arrived, self._failed)

    def enter_lead(self, draft: LeadDraft) -> None:
        if not draft.company_name:
            self._failed("error", self.tr("Enter the company's name"))
            self.form.company.setFocus()
            return
        if not (draft.phone or draft.contact_phone):
            self._failed("error", self.tr("Enter a phone: the company's or the contact's"))
            self.form.phone.setFocus()
            return
        self.form.save_button.setEnabled(False)
        self._runner.run(lambda api: api.enter_lead(draft), self._entered, self._form_failed)

    def hand_over(self, lead_id: str, note: str = "") -> None:
        self._runner.run(lambda api: api.hand_over(lead_id, note), self._handed_over, self._failed)

    # -- answers -----------------------------------------------------------------

    def _leads_arrived(self, leads: list[Lead]) -> None:
        self.message.clear_message()
        self.model.set_rows(leads)
        if leads:
            self.table.selectRow(0)
        self._show_current()
        self.loaded.emit(len(leads))

    def _entered(self, lead: Lead) -> None:
        self.form.save_button.setEnabled(True)
        self.form.clear()
        self.model.replace(lead)
        self.table.selectRow(self.model.rows.index(lead))
        if lead.flagged:
            self.message.show_message("offline", self.tr(
                "Lead entered for {company}; note: the company is already held or like "
                "another").format(company=lead.company_name))
        else:
            self.message.show_message(
                "done", self.tr("Lead entered for {company}").format(company=lead.company_name)
            )
        self.lead_saved.emit(lead)

    def _handed_over(self, lead: Lead) -> None:
        self.model.replace(lead)
        self._show_current()
        self.message.show_message("done", self.tr(
            "{company} was handed over to the customer administrator").format(
                company=lead.company_name))
        self.lead_saved.emit(lead)

    def _form_failed(self, kind: str, text: str) -> None:
        self.form.save_button.setEnabled(True)
        self._failed(kind, text)

    def _failed(self, kind: str, text: str) -> None:
        self.message.show_message(kind, text)
        self.failed.emit(text)

    # -- the current lead --------------------------------------------------------

    def current_lead(self) -> Lead | None:
        return self.model.row_at(self.table.currentIndex().row())

    def _ask_handover(self) -> None:
        lead = self.current_lead()
        if lead is None:
            return
        dialog = ReasonDialog(
            self.tr("Hand over {company}").format(company=lead.company_name),
            self.tr("The customer administrator signs for the lead and allocates it to a rep."),
            required=False, parent=self,
        )
        if dialog.exec():
            self.hand_over(lead.id, dialog.text())

    def _show_current(self) -> None:
        lead = self.current_lead()
        self.handover_button.setEnabled(lead is not None and lead.status == "new")
        if lead is None:
            self.detail.setText(self.tr("Select a lead to see where it stands."))
            return
        lines = [f"<b>{_esc(lead.company_name)}</b> — {status_text(lead.status)}"]
        if lead.outcome:
            lines.append(self.tr("Outcome: {outcome} ({when})").format(
                outcome=outcome_text(lead.outcome), when=local_time_text(lead.outcome_at)))
            if lead.outcome_note:
                lines.append(_esc(lead.outcome_note))
        if lead.rep_display_name or lead.rep:
            lines.append(self.tr("Rep: {rep}").format(rep=_esc(lead.rep_display_name or lead.rep
                                                              or "")))
        if lead.return_reason:
            lines.append(self.tr("Returned: {reason}").format(reason=_esc(lead.return_reason)))
        if lead.flagged:
            lines.append(self.tr("When entered, the company was already held or like another."))
        if lead.need:
            lines.append(self.tr("Need: {need}").format(need=_esc(lead.need)))
        self.detail.setText("<br>".join(lines))
