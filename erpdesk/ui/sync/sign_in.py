"""The sign-in dialog: registry address, user name, password.

The sign-in itself runs on the sync controller's worker (it is a network
call); the dialog waits with its fields disabled and shows a refusal (a
wrong password, an unreachable registry, another user's unsent changes) in
the user's language, under the fields.  Where no system keyring exists the
token is kept for this session only, and the dialog says so.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from erpdesk.sync import session as sessions
from erpdesk.sync.client import SyncError
from erpdesk.sync.credentials import NO_KEYRING
from erpdesk.ui.form_fit import fit_to_screen
from erpdesk.ui.presales.survey_parts import reserved_problem_label
from erpdesk.ui.sync.controller import SyncController
from erpdesk.ui.widgets import settle_minimum_size, translate


class SignInDialog(QDialog):
    """Signs in through *controller*; accepted once the registry said yes."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.controller = controller
        self.busy = False
        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText("https://registry.example.com")
        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        status = controller.status
        if status is not None and status.server:
            self.server_edit.setText(status.server)
            self.user_edit.setText(status.user or "")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.problem = reserved_problem_label(2)  # the form never moves on an error
        self.waiting = QLabel()
        waiting_policy = self.waiting.sizePolicy()
        waiting_policy.setRetainSizeWhenHidden(True)
        self.waiting.setSizePolicy(waiting_policy)
        self.waiting.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.server_label, self.user_label, self.password_label = QLabel(), QLabel(), QLabel()
        self.form = QFormLayout()
        self.form.addRow(self.server_label, self.server_edit)
        self.form.addRow(self.user_label, self.user_edit)
        self.form.addRow(self.password_label, self.password_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.waiting)
        layout.addWidget(self.buttons)
        controller.signed_in.connect(self._signed_in)
        controller.sign_in_failed.connect(self._failed)
        self.retranslate_ui()
        settle_minimum_size(self)
        self.setMinimumWidth(max(self.minimumWidth(), 480))
        fit_to_screen(self, 520, self.sizeHint().height())
        (self.password_edit if self.user_edit.text() else self.server_edit
         if not self.server_edit.text() else self.user_edit).setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Sign in to the registry"))
        self.intro.setText(self.tr(
            "Sign in to the company's customer registry to send your changes and receive "
            "your colleagues'. The desk works without it too."
        ))
        self.server_label.setText(self.tr("Registry address"))
        self.user_label.setText(self.tr("User name"))
        self.password_label.setText(self.tr("Password"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.waiting.setText(self.tr("Signing in…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def submit(self) -> None:
        """Check the form here, then sign in on the worker."""
        if self.busy:
            return
        server, user, password = (
            self.server_edit.text(), self.user_edit.text(), self.password_edit.text()
        )
        try:
            sessions.check_form(server, user, password)
        except SyncError as exc:
            self.problem.show_text(exc.render(translate))
            return
        self._set_busy(True)
        self.problem.show_text("")
        self.controller.sign_in(server, user, password)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.server_edit, self.user_edit, self.password_edit):
            widget.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        self.waiting.setVisible(busy)

    def _signed_in(self, _session: object) -> None:
        if not self.busy:
            return
        self._set_busy(False)
        self.password_edit.clear()
        if self.controller.credentials.memory_only:
            QMessageBox.information(self, self.windowTitle(), translate("Sync", NO_KEYRING))
        self.accept()

    def _failed(self, exc: SyncError) -> None:
        if not self.busy:
            return
        self._set_busy(False)
        self.problem.show_text(exc.render(translate))
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.password_edit.selectAll()
