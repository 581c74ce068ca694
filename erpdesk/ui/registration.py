"""Registration from the field in the window: the protection line and the
"Register this customer…" button in the customer panel, the register
dialog (what is missing, the local duplicates at once, the registry's own
check when online, then the request) and the notice of a decision.

The request itself never waits for the network: it is stored and the next
sync sends it (``erpdesk.sync.registration``).  The registry's check runs
on the workbench's ``ApiRunner`` (off the UI thread) and is skipped, with a
word, when the desk is offline or signed out.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.services.events import Change
from erpdesk.services.registration import (
    EXPIRING,
    INVALID,
    PENDING,
    POOL,
    PROTECTED,
    PROTECTION_LABELS,
    UNREGISTERED,
)
from erpdesk.ui.form_fit import fit_to_screen
from erpdesk.ui.widgets import FeedBridge, translate

if TYPE_CHECKING:
    from erpdesk.domain.near_matches import NearMatch
    from erpdesk.services.registration import RegistrationService
    from erpdesk.storage.registration_store import StoredRequest
    from erpdesk.sync.workbench_api import CheckResult
    from erpdesk.ui.workbench.runner import ApiRunner

COLOURS = {
    UNREGISTERED: "#78909c", PENDING: "#ef6c00", PROTECTED: "#2e7d32",
    EXPIRING: "#c62828", INVALID: "#c62828", POOL: "#6a1b9a",
}


def _date(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d") if moment else ""


def near_match_names(matches: tuple[NearMatch, ...]) -> str:
    """The customers a possible duplicate is near: their names, or for
    another rep's customer only that (the registry tells the rep no more)."""
    names = [
        m.name or QCoreApplication.translate("Registration", "a customer of another rep")
        for m in matches
    ]
    text = names[0] if names else ""
    for name in names[1:]:
        text = QCoreApplication.translate("Registration", "{names}, {name}").format(
            names=text, name=name)
    return text


def possible_duplicate_text(matches: tuple[NearMatch, ...]) -> str:
    """"Possible duplicate, the administrator decides", with the near names
    (the customer panel and the list's Protection column)."""
    names = near_match_names(matches)
    if not names:
        return QCoreApplication.translate(
            "Registration", "Possible duplicate, the administrator decides")
    return QCoreApplication.translate(
        "Registration", "Possible duplicate, the administrator decides; similar: {names}"
    ).format(names=names)


def protection_text(state: str, ends: datetime | None, latest: StoredRequest | None = None
                    ) -> str:
    """One line for the customer panel: the state, its date or reason."""
    if state == PROTECTED and ends:
        return QCoreApplication.translate("Registration", "Protected until {date}").format(
            date=_date(ends))
    if state == EXPIRING and ends:
        return QCoreApplication.translate(
            "Registration", "Protection ends {date}: follow up soon").format(date=_date(ends))
    if state == PENDING and latest is not None and latest.state == "waiting":
        return QCoreApplication.translate(
            "Registration", "Registration pending: sent at the next sync")
    if state == PENDING and latest is not None and latest.possible_duplicate:
        return possible_duplicate_text(latest.near_matches)
    if state == PENDING:
        return QCoreApplication.translate(
            "Registration", "Registration pending: waiting for the administrator's call-back")
    if state == INVALID and latest is not None and latest.reasons:
        return QCoreApplication.translate(
            "Registration", "Registration rejected: {reasons}").format(reasons=latest.reasons)
    if state == UNREGISTERED and latest is not None and latest.state == "refused":
        return QCoreApplication.translate(
            "Registration", "The registry refused the registration: {reasons}").format(
            reasons=latest.reasons)
    return QCoreApplication.translate("Domain", PROTECTION_LABELS[state])


class RegistrationBar(QWidget):
    """The protection line and "Register this customer…" in the customer panel."""

    def __init__(self, service: RegistrationService, runner: ApiRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._customer_id: str | None = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.register_button = QPushButton()
        self.register_button.clicked.connect(self.open_dialog)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.register_button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.register_button.setText(self.tr("Register this customer…"))
        if self._customer_id:
            self.show_customer(self._customer_id)

    def show_customer(self, customer_id: str | None) -> None:
        self._customer_id = customer_id
        if not customer_id:
            self.label.clear()
            return
        state, ends = self._service.protection(customer_id)
        latest = self._service.latest(customer_id)
        self.label.setText(protection_text(state, ends, latest))
        self.label.setStyleSheet(f"color: {COLOURS[state]}; font-weight: bold;")
        self.register_button.setVisible(state in (UNREGISTERED, INVALID))

    def open_dialog(self) -> RegisterDialog | None:
        if not self._customer_id:
            return None
        dialog = RegisterDialog(self._service, self._customer_id, self._runner, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


class RegisterDialog(QDialog):
    """What stands in the way, possible duplicates, the registry's check,
    then "Ask for registration".

    Signals:
        requested(str): the request was stored (its id).
    """

    requested = Signal(str)

    def __init__(self, service: RegistrationService, customer_id: str,
                 runner: ApiRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._customer_id = customer_id
        check = service.check(customer_id)
        self.setWindowTitle(self.tr("Register {name}").format(name=check.customer.name))
        self.gaps_label = QLabel()
        self.gaps_label.setWordWrap(True)
        if check.gaps:
            lines = "".join(f"<li>{p.render(translate)}</li>" for p in check.gaps)
            self.gaps_label.setText(
                self.tr("This customer cannot be registered yet. What is missing:")
                + f"<ul>{lines}</ul>")
            self.gaps_label.setStyleSheet("color: #b71c1c;")
        else:
            self.gaps_label.setText(self.tr("Complete: everything registration needs is here."))
            self.gaps_label.setStyleSheet("color: #1b5e20;")
        self.duplicates_label = QLabel()
        self.duplicates_label.setWordWrap(True)
        if check.duplicates:
            names = "".join(f"<li>{m.candidate.name}</li>" for m in check.duplicates)
            self.duplicates_label.setText(
                self.tr("Possibly the same company on this desk:") + f"<ul>{names}</ul>")
            self.duplicates_label.setStyleSheet("color: #a15c00;")
        else:
            self.duplicates_label.setText(self.tr("No similar customer on this desk."))
        self.registry_label = QLabel()
        self.registry_label.setWordWrap(True)
        self.urgent_box = QCheckBox(self.tr("Urgent: ask for the call-back at once"))
        self.buttons = QDialogButtonBox()
        self.request_button = self.buttons.addButton(
            self.tr("Ask for registration"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.request_button.setEnabled(check.complete)
        layout = QVBoxLayout(self)
        for widget in (self.gaps_label, self.duplicates_label, self.registry_label,
                       self.urgent_box):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 520, self.sizeHint().height())
        if runner is not None and check.complete:
            self.registry_label.setText(self.tr("Checking with the customer registry…"))
            name, uscc = check.customer.name, check.customer.uscc
            runner.run(lambda api: api.check(name, uscc), self._checked, self._not_checked)
        else:
            self._not_checked("", "")

    def _checked(self, result: CheckResult) -> None:
        texts = {
            "free": self.tr("The registry knows no holder of this company."),
            "protected_by_you": self.tr("The registry already protects this company for you."),
            "pending": self.tr("A registration of this company is already pending."),
            "possible_duplicate": self.tr(
                "The registry holds similar companies: the administrator will compare them."),
        }
        if result.status == "protected_by_other":
            text = self.tr("Protected by {owner} since {date}: a request will be refused.").format(
                owner=result.owner or "?", date=_date(result.since))
        else:
            text = texts.get(result.status, result.status)
        bad = result.status in ("protected_by_other", "pending", "protected_by_you")
        self.registry_label.setText(text)
        self.registry_label.setStyleSheet("color: #b71c1c;" if bad else "color: #1b5e20;")

    def _not_checked(self, _kind: str, message: str) -> None:
        self.registry_label.setText(
            self.tr("The registry could not be asked now ({reason}); it checks the request "
                    "when the next sync sends it.").format(reason=message or self.tr("offline"))
        )
        self.registry_label.setStyleSheet("color: #8d6e00;")

    def submit(self) -> None:
        try:
            stored = self._service.request(self._customer_id,
                                           urgent=self.urgent_box.isChecked())
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Registration"), exc.render(translate))
            return
        self.requested.emit(stored.id)
        self.accept()


class DecisionNotifier(QObject):
    """Tells the user of each registration decision (or refusal) once.

    Signals:
        notified(list): the texts shown.
    """

    notified = Signal(list)

    def __init__(self, service: RegistrationService, parent: QWidget) -> None:
        super().__init__(parent)
        self._service = service
        self._parent = parent
        self._bridge = FeedBridge(service.feed, self)
        self._bridge.changed.connect(self._on_change)

    def _on_change(self, change: Change) -> None:
        if change.entity == "registration":
            self.check()

    def check(self) -> list[str]:
        told = self._service.decisions_to_notify()
        if not told:
            return []
        texts = [self._text(r) for r in told]
        self._service.mark_notified([r.id for r in told])
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Registration"),
                          "\n".join(texts), QMessageBox.StandardButton.Ok, self._parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.notified.emit(texts)
        return texts

    def _text(self, r: Any) -> str:
        if r.possible_duplicate:
            return self.tr("{name}: possible duplicate, the administrator decides; "
                           "similar: {names}").format(name=r.customer_name,
                                                      names=near_match_names(r.near_matches) or "—")
        if r.result == "verified":
            return self.tr("{name}: registered, now protected for you").format(
                name=r.customer_name)
        if r.result == "rejected":
            return self.tr("{name}: registration rejected: {reasons}").format(
                name=r.customer_name, reasons=r.reasons or "—")
        return self.tr("{name}: the registry refused the registration: {reasons}").format(
            name=r.customer_name, reasons=r.reasons or "—")
