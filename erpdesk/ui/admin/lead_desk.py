"""Leads to sign for (签收): the leads telemarketing handed over, first; the
administrator signs for one (naming a suggested rep makes it that rep's
protected customer at once), allocates one signed for without a rep,
returns one with a reason, or reports an outcome."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from erpdesk.sync.workbench_api import OUTCOMES, Lead, Suggestions
from erpdesk.ui.workbench.common import RegistryView, row_table
from erpdesk.ui.workbench.dialogs import ReasonDialog
from erpdesk.ui.workbench.leads import LeadTableModel, outcome_text
from erpdesk.ui.workbench.runner import ApiRunner, MessageBar


class LeadDesk(RegistryView):
    """The administrator's leads.

    Signals:
        loaded(int): the leads arrived (how many wait to be signed for).
        changed(object): a lead was signed for, allocated, returned or given an outcome.
    """

    loaded = Signal(int)
    changed = Signal(object)

    def __init__(self, runner: ApiRunner, message: MessageBar,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, message, parent)
        self.model = LeadTableModel(self)
        self.table = row_table(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.summary = QLabel()
        self.accept_button = QPushButton()
        self.accept_button.clicked.connect(self._ask_accept)
        self.return_button = QPushButton()
        self.return_button.clicked.connect(self._ask_return)
        self.outcome_button = QPushButton()
        self.outcome_button.clicked.connect(self._ask_outcome)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for button in (self.accept_button, self.return_button, self.outcome_button,
                       self.refresh_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.accept_button.setText(self.tr("Sign for / allocate…"))
        self.return_button.setText(self.tr("Return…"))
        self.outcome_button.setText(self.tr("Outcome…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self._enable()

    def refresh(self) -> None:
        self._call(lambda api: api.leads(), self._arrived)

    def current_lead(self) -> Lead | None:
        return self.model.row_at(self.table.currentIndex().row())

    def accept(self, lead_id: str, rep: str | None, reason: str = "") -> None:
        """Sign for a handed-over lead, or allocate one signed for without a rep."""
        lead = next((x for x in self.model.rows if x.id == lead_id), None)
        if lead is not None and lead.status == "accepted" and rep:
            self._call(lambda api: api.allocate_lead(lead_id, rep, reason), self._changed)
            return
        self._call(lambda api: api.accept_lead(lead_id, rep, reason), self._changed)

    def return_lead(self, lead_id: str, reason: str) -> None:
        self._call(lambda api: api.return_lead(lead_id, reason), self._changed)

    def report_outcome(self, lead_id: str, outcome: str, note: str) -> None:
        self._call(lambda api: api.report_outcome(lead_id, outcome, note), self._changed)

    def _arrived(self, leads: list[Lead]) -> None:
        self.model.set_rows(leads)
        if leads:
            self.table.selectRow(0)
        waiting = sum(1 for lead in leads if lead.status == "handed_over")
        self.summary.setText(self.tr("{n} leads to sign for").format(n=waiting))
        self._enable()
        self.loaded.emit(waiting)

    def _changed(self, lead: Lead) -> None:
        self.model.replace(lead)
        self._enable()
        self._message.show_message("done", self.tr("{company}: saved").format(
            company=lead.company_name))
        self.changed.emit(lead)

    def _enable(self) -> None:
        lead = self.current_lead()
        self.accept_button.setEnabled(lead is not None and (
            lead.status == "handed_over" or (lead.status == "accepted" and not lead.rep)))
        self.return_button.setEnabled(lead is not None and lead.status == "handed_over")
        self.outcome_button.setEnabled(
            lead is not None and lead.status == "accepted"
            and lead.outcome not in ("signed", "lost", "invalid"))

    def _ask_accept(self) -> None:
        lead = self.current_lead()
        if lead is None:
            return
        self._call(lambda api: api.lead_suggestions(lead.id, limit=10),
                   lambda found: self._accept_with(lead, found))

    def _accept_with(self, lead: Lead, found: Suggestions) -> None:
        choices: list[tuple[str, object]] = []
        if lead.status == "handed_over":
            choices.append((self.tr("No rep yet (sign for only)"), None))
        for s in found.suggestions:
            label = self.tr("{rep}: score {score:.0f}, holds {held}/{cap}").format(
                rep=s.display_name or s.username, score=s.score, held=s.held, cap=found.rep_cap)
            choices.append((label, s.username))
        dialog = ReasonDialog(
            self.tr("Sign for {company}").format(company=lead.company_name),
            self.tr("Naming a rep makes the lead that rep's protected customer at once."),
            required=False, choice_label=self.tr("Rep:"), choices=choices, parent=self)
        if dialog.exec():
            rep = dialog.choice()
            self.accept(lead.id, str(rep) if rep else None, dialog.text())

    def _ask_return(self) -> None:
        lead = self.current_lead()
        if lead is None:
            return
        dialog = ReasonDialog(
            self.tr("Return {company}").format(company=lead.company_name),
            self.tr("The telemarketer is told the reason."), parent=self)
        if dialog.exec():
            self.return_lead(lead.id, dialog.text())

    def _ask_outcome(self) -> None:
        lead = self.current_lead()
        if lead is None:
            return
        dialog = ReasonDialog(
            self.tr("Outcome of {company}").format(company=lead.company_name),
            self.tr("Lost and invalid need a note."), required=False,
            choice_label=self.tr("Outcome:"),
            choices=[(outcome_text(code), code) for code in OUTCOMES], parent=self)
        if dialog.exec():
            self.report_outcome(lead.id, str(dialog.choice()), dialog.text())
