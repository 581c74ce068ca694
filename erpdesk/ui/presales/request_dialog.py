"""The rep's support request (项目资源支持申请): a new one from a deal or a
customer, a draft or submitted one edited, or one the presales team has
taken up shown read-only with its state, consultant, step and technical win.

Every change goes through ``PresalesService`` (ask, edit_request,
move_request); a refusal shows its problems next to the fields and keeps
everything typed.  A desk offline is normal: what is saved waits in the
outbox and goes to the presales team with the next sync, which the dialog
says in a quiet line when the desk has changes waiting.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.deal import DealStatus
from erpdesk.domain.errors import DomainError, ValidationError
from erpdesk.domain.presales import RequestKind, RequestState, SupportRequest
from erpdesk.ui.form_fit import fit_to_screen, scrolling
from erpdesk.ui.presales import PresalesServices
from erpdesk.ui.presales.request_parts import (
    FAR_PAST,
    AttendeesTable,
    ModuleList,
    OptionalDateEdit,
    ProblemLine,
)
from erpdesk.ui.presales.request_status import RequestStatusBox
from erpdesk.ui.widgets import EnumCombo, problems_by_field, settle_minimum_size, translate

EDITABLE = (RequestState.DRAFT, RequestState.SUBMITTED)
NOTE_STYLE = "color: #607d8b;"
DATE_FIELDS = ("wanted_from", "wanted_until")


class RequestDialog(QDialog):
    """A support request: new (of *customer_id*, and *deal_id* when given)
    or *request_id*'s.  Stays open after a save, showing what was saved.

    Signals:
        saved(str): the request was saved, submitted or cancelled (its id).
    """

    saved = Signal(str)

    def __init__(
        self,
        services: PresalesServices,
        *,
        customer_id: str = "",
        deal_id: str | None = None,
        request_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.request: SupportRequest | None = None
        self.customer_id = customer_id
        self.deal_id = deal_id or ""
        self.dirty = False
        if request_id:
            self.request = services.presales.request(request_id)
            self.customer_id, self.deal_id = self.request.customer_id, self.request.deal_id
        elif self.deal_id and not self.customer_id and services.deals is not None:
            self.customer_id = services.deals.get(self.deal_id).customer_id
        self._build()
        if self.request is not None:
            self._load(self.request)
        self._show_state()
        self.dirty = False
        settle_minimum_size(self)
        fit_to_screen(self, 820, self._natural_height())

    # -- building ----------------------------------------------------------------

    def _build(self) -> None:
        new = self.request is None
        self._pick_deal = new and not self.deal_id
        self.about_label = QLabel()
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.about_label.font()
        font.setBold(True)
        self.about_label.setFont(font)
        self.deal_combo = QComboBox()  # a new request of a customer: which deal
        self.deal_caption = QLabel()
        self.status_box = RequestStatusBox(self.services)

        self.kind_combo = EnumCombo(RequestKind)
        # a new request is wanted from today on; a saved one keeps its dates
        earliest = date.today() if new else FAR_PAST
        self.from_edit = OptionalDateEdit(earliest)
        self.until_edit = OptionalDateEdit(earliest)
        self.date_problem = ProblemLine(2)
        self.modules_list = ModuleList(self.services.presales.playbook.modules)
        self.modules_list.setMinimumHeight(120)
        self.modules_problem = ProblemLine(2)
        self.attendees = AttendeesTable()
        self.attendees.table.setMaximumHeight(120)
        self.cares_edit = QPlainTextEdit()
        self.cares_edit.setTabChangesFocus(True)
        self.cares_edit.setMinimumHeight(60)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(60)

        self.form_box = QGroupBox()
        self.captions = {
            key: QLabel()
            for key in ("kind", "wanted", "until", "modules", "attendees", "cares", "notes")
        }
        dates = QHBoxLayout()
        dates.addWidget(self.from_edit, 1)
        dates.addWidget(self.captions["until"])
        dates.addWidget(self.until_edit, 1)
        left = QVBoxLayout()
        left.addWidget(self.captions["kind"])
        left.addWidget(self.kind_combo)
        left.addWidget(self.captions["wanted"])
        left.addLayout(dates)
        left.addWidget(self.date_problem)
        left.addWidget(self.captions["modules"])
        left.addWidget(self.modules_list, 1)
        left.addWidget(self.modules_problem)
        right = QVBoxLayout()
        right.addWidget(self.captions["attendees"])
        right.addWidget(self.attendees)
        right.addWidget(self.captions["cares"])
        right.addWidget(self.cares_edit, 1)
        right.addWidget(self.captions["notes"])
        right.addWidget(self.notes_edit)
        columns = QHBoxLayout(self.form_box)
        columns.addLayout(left, 1)
        columns.addSpacing(8)
        columns.addLayout(right, 1)

        self.note_label = QLabel()
        self.note_label.setStyleSheet(NOTE_STYLE)
        self.note_label.setWordWrap(True)
        self.error_line = ProblemLine(2)
        self.cancel_request_button = QPushButton()
        self.close_button = QPushButton()
        self.save_button = QPushButton()
        self.submit_button = QPushButton()
        self.submit_button.setDefault(True)
        self.cancel_request_button.clicked.connect(self.ask_cancel)
        self.close_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save_draft)
        self.submit_button.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_request_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.submit_button)

        top = QHBoxLayout()
        top.addWidget(self.deal_caption)
        top.addWidget(self.deal_combo, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about_label)
        layout.addLayout(top)
        layout.addWidget(self.status_box)
        self.form_area = scrolling(self.form_box)  # scrolls on a laptop at 150 %
        layout.addWidget(self.form_area, 1)
        layout.addWidget(self.note_label)
        layout.addWidget(self.error_line)
        layout.addLayout(buttons)
        self.deal_combo.setVisible(self._pick_deal)
        self.deal_caption.setVisible(self._pick_deal)
        self._fill_deals()
        self.retranslate_ui()
        for signal in (
            self.kind_combo.currentIndexChanged, self.from_edit.dateChanged,
            self.until_edit.dateChanged, self.modules_list.edited, self.attendees.edited,
            self.cares_edit.textChanged, self.notes_edit.textChanged,
            self.deal_combo.currentIndexChanged,
        ):  # fmt: skip
            signal.connect(self._mark_dirty)

    def _natural_height(self) -> int:
        """The height that shows the whole form without scrolling, its text
        boxes at their preferred height (``fit_to_screen`` caps it)."""
        form = self.form_box.sizeHint().height()
        return self.sizeHint().height() - self.form_area.sizeHint().height() + form

    def _fill_deals(self) -> None:
        self.deal_combo.addItem("", "")
        if not self._pick_deal or self.services.deals is None:
            return
        for card in self.services.deals.deals_of_customer(self.customer_id):
            if card.status is DealStatus.OPEN:
                self.deal_combo.addItem(card.name, card.id)

    def _mark_dirty(self, *_args: Any) -> None:
        self.dirty = True

    # -- texts -------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.captions["kind"].setText(self.tr("Support wanted"))
        self.captions["wanted"].setText(self.tr("Wanted from"))
        self.captions["until"].setText(self.tr("until"))
        self.captions["modules"].setText(self.tr("Modules in scope"))
        self.captions["attendees"].setText(self.tr("Customer attendees"))
        self.captions["cares"].setText(self.tr("What the customer cares about"))
        self.captions["notes"].setText(self.tr("Notes"))
        self.deal_caption.setText(self.tr("Deal"))
        self.deal_combo.setItemText(0, self.tr("No deal (the customer only)"))
        self.cares_edit.setPlaceholderText(
            self.tr("e.g. month-end closing speed, costing by order, group consolidation")
        )
        self.cancel_request_button.setText(self.tr("Cancel request…"))
        self.close_button.setText(self.tr("Close"))
        self.submit_button.setText(self.tr("Submit to presales"))
        self.about_label.setText(self._about_text())
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _about_text(self) -> str:
        customer = self._customer_name()
        deal = self._deal_name()
        if deal:
            return self.tr("For {customer} · deal {deal}").format(customer=customer, deal=deal)
        return self.tr("For {customer}").format(customer=customer)

    def _customer_name(self) -> str:
        if self.services.customers is None or not self.customer_id:
            return self.customer_id
        try:
            return self.services.customers.detail(self.customer_id).customer.name
        except DomainError:
            return self.customer_id

    def _deal_name(self) -> str:
        if not self.deal_id or self.services.deals is None:
            return self.deal_id
        try:
            return self.services.deals.get(self.deal_id).name
        except DomainError:
            return self.deal_id

    # -- state -------------------------------------------------------------------

    def editable(self) -> bool:
        """A new request, or a draft or submitted one of the desk's user."""
        request = self.request
        if request is None:
            return True
        return (
            request.state in EDITABLE
            and self.services.presales.actor().name == request.requested_by
        )

    def _show_state(self) -> None:
        request = self.request
        editable = self.editable()
        state = request.state if request is not None else None
        title = self.tr("Support request") if request else self.tr("Ask for presales support")
        self.setWindowTitle(title)
        self.status_box.show_request(request)
        for widget in (self.kind_combo, self.from_edit, self.until_edit):
            widget.setEnabled(editable)
        self.modules_list.set_read_only(not editable)
        self.attendees.set_read_only(not editable)
        self.cares_edit.setReadOnly(not editable)
        self.notes_edit.setReadOnly(not editable)
        self.save_button.setVisible(editable)
        self.save_button.setText(
            self.tr("Save changes") if state is RequestState.SUBMITTED else self.tr("Save draft")
        )
        self.submit_button.setVisible(editable and state in (None, RequestState.DRAFT))
        may_cancel = request is not None and RequestState.CANCELLED in (
            self.services.presales.allowed_moves(request.id)
        )
        self.cancel_request_button.setVisible(may_cancel)
        self.note_label.setText(self._note())
        self.note_label.setVisible(bool(self.note_label.text()))

    def _note(self) -> str:
        """The quiet line saying a saved request waits for the next sync."""
        if self.request is None or self.services.customers is None:
            return ""
        try:
            waiting = self.services.customers.pending_changes()
        except DomainError:
            return ""
        if not waiting:
            return ""
        return self.tr("Saved on this desk; it goes to the presales team with the next sync.")

    def _load(self, request: SupportRequest) -> None:
        self.kind_combo.set_member(request.kind)
        self.from_edit.set_value(request.wanted_from)
        self.until_edit.set_value(request.wanted_until)
        self.modules_list.set_codes(request.modules)
        self.attendees.set_attendees(request.attendees)
        self.cares_edit.setPlainText(request.customer_cares)
        self.notes_edit.setPlainText(request.notes)

    # -- saving ------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The form's fields as ``PresalesService.ask`` and ``edit_request`` take them."""
        return {
            "wanted_from": self.from_edit.value(),
            "wanted_until": self.until_edit.value(),
            "modules": self.modules_list.codes(),
            "attendees": self.attendees.attendees(),
            "customer_cares": self.cares_edit.toPlainText().strip(),
            "notes": self.notes_edit.toPlainText().strip(),
        }

    def kind(self) -> RequestKind:
        member = self.kind_combo.current_member()
        assert isinstance(member, RequestKind)
        return member

    def save_draft(self) -> bool:
        """Save as a draft (a new one) or save the changes; True when saved."""
        return self._save(submit=False)

    def submit(self) -> bool:
        """Save and submit to the presales team; True when submitted."""
        return self._save(submit=True)

    def _save(self, *, submit: bool) -> bool:
        presales = self.services.presales
        try:
            if self.request is None:
                deal_id = self.deal_id or str(self.deal_combo.currentData() or "")
                saved = presales.ask(
                    self.customer_id, self.kind(), deal_id=deal_id, submit=submit,
                    **self.values(),
                )  # fmt: skip
                self.deal_id = deal_id
            else:
                saved = presales.edit_request(self.request.id, kind=self.kind(), **self.values())
                if submit and saved.state is RequestState.DRAFT:
                    saved = presales.move_request(saved.id, RequestState.SUBMITTED)
        except ValidationError as exc:
            self.show_problems(exc)
            return False
        except DomainError as exc:
            self.clear_problems()
            self.error_line.show_text(exc.render(translate))
            return False
        self._saved(saved)
        return True

    def _saved(self, request: SupportRequest) -> None:
        self.request = request
        self.clear_problems()
        self.deal_combo.setEnabled(False)
        self.about_label.setText(self._about_text())
        self._show_state()
        self.dirty = False
        self.saved.emit(request.id)

    def clear_problems(self) -> None:
        for line in (self.date_problem, self.modules_problem, self.error_line):
            line.show_text("")

    def show_problems(self, exc: ValidationError) -> None:
        """Each problem next to its field; the others (the customer, the
        deal, the state) above the buttons."""
        by_field = problems_by_field(exc.problems)
        self.date_problem.set_problems([p for key in DATE_FIELDS for p in by_field.pop(key, [])])
        self.modules_problem.set_problems(by_field.pop("modules", []))
        rest = [p for found in by_field.values() for p in found]
        self.error_line.set_problems(rest)
        if not rest:
            self.error_line.show_text(self.tr("Please correct the fields marked in red."))

    # -- cancelling and closing --------------------------------------------------

    def ask_cancel(self) -> bool:
        """Cancel the request after the user confirms; True when cancelled."""
        if self.request is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Cancel the support request"),
            self.tr("Cancel this support request? The presales team will no longer work on it."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            cancelled = self.services.presales.move_request(self.request.id, RequestState.CANCELLED)
        except DomainError as exc:
            self.error_line.show_text(exc.render(translate))
            return False
        self._saved(cancelled)
        return True

    def reject(self) -> None:
        if self.dirty and self.editable():
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Discard the changes to this support request?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.dirty = False
        super().reject()
