"""The "Support requests" tab (支持申请): the presales lead's queue (what
waits for a decision, then for an assignment, oldest first) and the rest;
a rep's own requests; a consultant's assignments.  The selected request's
moves are the buttons the rules allow the desk's user
(``PresalesService.allowed_moves``): accept, decline with a reason, assign
or re-assign a consultant (``AssignDialog``), start and finish, cancel
after a confirmation, submit a draft.  Each goes through
``PresalesService.move_request`` (so through the outbox: it travels with
the next sync, when the registry checks it again); a refusal is shown with
its reason.  The tab reloads on the service feed's ``Change("presales")`` and
on a sync's changes of requests and engagements.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.domain.presales import RequestState, SupportRequest
from erpdesk.services.events import Change
from erpdesk.ui.presales import PresalesServices
from erpdesk.ui.presales.requests_dialogs import refusal_text
from erpdesk.ui.presales.requests_model import (
    QUEUE,
    STATE_COLUMN,
    RequestRow,
    RequestTableModel,
    StateChipDelegate,
    details_text,
    visible_requests,
)
from erpdesk.ui.widgets import FeedBridge, enum_text
from erpdesk.ui.workbench.common import row_table
from erpdesk.ui.workbench.runner import MessageBar

if TYPE_CHECKING:
    from erpdesk.services.presales import Actor
    from erpdesk.services.presales_people import PresalesPeople

S = RequestState
QUEUE_FILTER = "queue"  # the filter's item for the lead's queue
# The feed's changes that reload the tab: the presales service's, a sync's
# (its record types), and names of customers and deals.
RELOAD_ON = ("presales", "support_request", "presales_engagement", "customer", "deal")


class RequestsView(QWidget):
    """The support requests the desk's user works with, and their moves."""

    def __init__(self, services: PresalesServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestsView")
        self.services = services
        self.me: Actor | None = None
        self.dialog: QDialog | None = None  # the decline or assign dialog open now
        self._people: PresalesPeople | None = None
        self._bridge = FeedBridge(services.presales.feed, self)
        self._bridge.changed.connect(self._on_change)
        self._loaded = False  # read when first shown (a page of tabs reads only the one in view)
        self._build()
        self.retranslate_ui()

    # -- building ------------------------------------------------------------

    def _build(self) -> None:
        self.scope_label = QLabel()
        self.scope_label.setWordWrap(True)
        self.filter_label = QLabel()
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("requestStateFilter")
        self.state_filter.addItem("", None)
        self.state_filter.addItem("", QUEUE_FILTER)
        for state in RequestState:
            self.state_filter.addItem("", state.value)
        self.state_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.filter_label.setBuddy(self.state_filter)
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.scope_label, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.filter_label)
        top.addWidget(self.state_filter)

        self.model = RequestTableModel(self)
        self.table = row_table(self.model)
        self.table.setObjectName("requestsTable")
        self.table.setItemDelegateForColumn(STATE_COLUMN, StateChipDelegate(self.table))
        self.table.setAlternatingRowColors(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.table.doubleClicked.connect(lambda _index: self.open_request())

        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_request)
        self.engagement_button = QPushButton()
        self.engagement_button.clicked.connect(self.open_engagement)
        self.move_buttons: dict[RequestState, QPushButton] = {}
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.engagement_button)
        actions.addStretch(1)
        for state in (S.SUBMITTED, S.ACCEPTED, S.DECLINED, S.ASSIGNED, S.IN_PROGRESS, S.DONE,
                      S.CANCELLED):  # fmt: skip
            button = QPushButton()
            button.setObjectName(f"move_{state.value}")
            button.clicked.connect(lambda _c=False, to=state: self.act(to))
            self.move_buttons[state] = button
            actions.addWidget(button)

        self.details = QLabel()
        self.details.setObjectName("requestDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.details.setMinimumHeight(self.details.fontMetrics().lineSpacing() * 2 + 4)
        self.message = MessageBar(self)
        self.sync_note = QLabel()
        self.sync_note.setWordWrap(True)
        self.sync_note.setStyleSheet("color: #616161;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.sync_note)

    # -- texts ---------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.filter_label.setText(self.tr("Show:"))
        self.state_filter.setItemText(0, self.tr("All states"))
        self.state_filter.setItemText(1, self.tr("Waiting for the lead"))
        for i, state in enumerate(RequestState, start=2):
            self.state_filter.setItemText(i, enum_text(state))
        self.open_button.setText(self.tr("Open…"))
        self.engagement_button.setText(self.tr("Open engagement…"))
        texts = {
            S.SUBMITTED: self.tr("Submit"), S.ACCEPTED: self.tr("Accept"),
            S.DECLINED: self.tr("Decline…"), S.ASSIGNED: self.tr("Assign…"),
            S.IN_PROGRESS: self.tr("Start"), S.DONE: self.tr("Done"),
            S.CANCELLED: self.tr("Cancel request…"),
        }  # fmt: skip
        for state, text in texts.items():
            self.move_buttons[state].setText(text)
        self.sync_note.setText(self.tr(
            "Moves are saved on this desk at once and travel to the registry with the next "
            "sync, also when made offline; the registry checks them again then."))
        self.model.retranslate()
        self._show_scope()
        self._enable()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.reload()
        super().changeEvent(event)

    def _show_scope(self) -> None:
        me = self.me
        if me is None:
            text = ""
        elif me.lead:
            text = self.tr("Your team's queue first: submitted, then accepted requests, oldest "
                           "first; then the others.")  # fmt: skip
        elif me.role in ("manager", "admin"):
            text = self.tr("All support requests on this desk, newest first.")
        elif me.role == "presales":
            text = self.tr("The support requests assigned to you.")
        else:
            text = self.tr("The support requests you asked for.")
        self.scope_label.setText(text)
        self.count_label.setText(self.tr("{n} shown").format(n=len(self.model.rows)))

    # -- loading -------------------------------------------------------------

    def reload(self) -> None:
        """Read the requests again, keeping the selected one."""
        presales = self.services.presales
        keep = self.current_request()
        self.me = presales.actor()
        shown = visible_requests(presales.requests(list(RequestState)), self.me)
        wanted = self.state_filter.currentData()
        if wanted == QUEUE_FILTER:
            shown = [r for r in shown if r.state in QUEUE]
        elif wanted:
            shown = [r for r in shown if r.state.value == wanted]
        self._loaded = True
        names = presales.request_names(shown)
        self.model.set_rows(RequestRow(r, *names.get(r.id, ("", ""))) for r in shown)
        row = self.model.row_of(keep.id) if keep is not None else -1
        if row < 0 and self.model.rows:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        self._show_scope()
        self._enable()

    def _on_change(self, change: Change) -> None:
        if change.entity not in RELOAD_ON:
            return
        if self.isVisible():
            self.reload()
        else:
            self._loaded = False  # read again when shown

    def showEvent(self, event: Any) -> None:
        """Shown: read the requests the first time or after changes, or when
        the sign-in (who the desk acts as) has changed."""
        super().showEvent(event)
        if not self._loaded or self.me != self.services.presales.actor():
            self.reload()

    # -- the selection -------------------------------------------------------

    def current_row(self) -> RequestRow | None:
        return self.model.row_at(self.table.currentIndex().row())

    def current_request(self) -> SupportRequest | None:
        row = self.current_row()
        return row.request if row is not None else None

    def select(self, request_id: str) -> bool:
        row = self.model.row_of(request_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def allowed(self) -> tuple[RequestState, ...]:
        """The moves the desk's user may make on the selected request."""
        request = self.current_request()
        if request is None:
            return ()
        try:
            return self.services.presales.allowed_moves(request.id)
        except DomainError:
            return ()

    def _enable(self) -> None:
        request = self.current_request()
        allowed = self.allowed()
        for state, button in self.move_buttons.items():
            button.setVisible(state in allowed)
        if request is not None and request.state is S.ASSIGNED:
            self.move_buttons[S.ASSIGNED].setText(self.tr("Re-assign…"))
        else:
            self.move_buttons[S.ASSIGNED].setText(self.tr("Assign…"))
        self.details.setText(self._details(request))
        self.open_button.setEnabled(request is not None)
        self.engagement_button.setEnabled(
            request is not None and request.state in (S.ASSIGNED, S.IN_PROGRESS, S.DONE)
        )

    def _details(self, request: SupportRequest | None) -> str:
        if request is None:
            return ""
        try:
            modules = self.services.presales.playbook.modules
        except DomainError:
            modules = ()
        return details_text(request, modules)

    def what(self, row: RequestRow) -> str:
        """The request as a sentence names it: its kind, customer and deal."""
        kind = enum_text(row.request.kind)
        if row.deal:
            return self.tr("the {kind} for {customer} ({deal})").format(
                kind=kind, customer=row.customer, deal=row.deal)
        return self.tr("the {kind} for {customer}").format(kind=kind, customer=row.customer)

    # -- moves ---------------------------------------------------------------

    def move_request(self, to: RequestState, **details: Any) -> str | None:
        """Move the selected request; the refusal's message, or None when
        moved (the tab says what was done)."""
        row = self.current_row()
        if row is None:
            return None
        try:
            self.services.presales.move_request(row.id, to, **details)
        except DomainError as exc:
            return refusal_text(exc)
        self.message.show_message("done", self.tr("{what}: {state}").format(
            what=row.customer, state=enum_text(to)))  # fmt: skip
        self.select(row.id)
        return None

    def act(self, to: RequestState) -> None:
        """The move button's action: asks what the move needs, then moves."""
        row = self.current_row()
        if row is None:
            return
        self.message.clear_message()
        if to is S.DECLINED:
            self.ask_decline()
        elif to is S.ASSIGNED:
            self.ask_assign()
        elif to is S.CANCELLED:
            self.ask_cancel()
        else:
            self._say(self.move_request(to))

    def _say(self, refused: str | None) -> None:
        if refused:
            self.message.show_message("error", refused)

    def ask_decline(self) -> QDialog | None:
        from erpdesk.ui.presales.requests_dialogs import DeclineDialog

        row = self.current_row()
        if row is None:
            return None
        dialog = DeclineDialog(
            self.what(row), lambda reason: self.move_request(S.DECLINED, reason=reason), self
        )
        return self._open(dialog)

    def ask_assign(self) -> QDialog | None:
        from erpdesk.ui.presales.assign_dialog import AssignDialog

        row = self.current_row()
        if row is None:
            return None
        if self._people is None:
            self._people = self.services.presales.people()
        current = row.request.consultant if row.request.state is S.ASSIGNED else ""
        dialog = AssignDialog(
            self._people, self.what(row),
            lambda name: self.move_request(S.ASSIGNED, consultant=name),
            current=current, runner=self.services.runner, parent=self,
        )  # fmt: skip
        return self._open(dialog)

    def _open(self, dialog: QDialog) -> QDialog:
        """Show *dialog* window-modal without blocking; it goes when closed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.show()
        return dialog

    def ask_cancel(self) -> bool:
        row = self.current_row()
        if row is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("Cancel the support request"),
            self.tr("Cancel {what}? A cancelled request is not worked on any more.").format(
                what=self.what(row)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return False
        refused = self.move_request(S.CANCELLED)
        self._say(refused)
        return refused is None

    # -- opening -------------------------------------------------------------

    def open_request(self) -> QDialog | None:
        from erpdesk.ui.presales.opener import open_request

        request = self.current_request()
        if request is None:
            return None
        return open_request(self.services, request_id=request.id, parent=self)

    def open_engagement(self) -> QDialog | None:
        from erpdesk.ui.presales.opener import open_engagement

        request = self.current_request()
        engagement = self.services.presales.engagement_of(request.id) if request else None
        if engagement is None:
            self.message.show_message("offline", self.tr(
                "The request has no engagement on this desk yet; it opens when the "
                "consultant's desk syncs the assignment."))  # fmt: skip
            return None
        return open_engagement(self.services, engagement.id, parent=self)

