"""The window online: the sync state in the status bar, sign-in and
sign-out, "Sync now", the sync log and the conflict review.

``install_sync(window, desk)`` adds them to a ``MainWindow`` and returns the
``SyncUi`` (its ``controller`` runs sync in the background once started).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow

from erpdesk.sync.conflicts import ConflictResolver
from erpdesk.sync.credentials import CredentialStore
from erpdesk.sync.state import SIGNED_OUT, SyncStatus
from erpdesk.ui.sync.controller import SyncController
from erpdesk.ui.sync.status import SyncStatusWidget

if TYPE_CHECKING:
    from erpdesk.app import Desk
    from erpdesk.ui.sync.conflicts import ConflictReviewDialog
    from erpdesk.ui.sync.sign_in import SignInDialog
    from erpdesk.ui.sync.sync_log import SyncLogDialog


class SyncUi(QObject):
    """The sync pieces of one main window: ``status`` (the status bar
    widget), the File menu's actions, and the dialogs they open."""

    def __init__(self, window: QMainWindow, controller: SyncController) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        desk = controller.desk
        self.resolver = ConflictResolver(
            controller.store, desk.customers, desk.deals, quotes=desk.quotes,
            proposals=lambda: desk.proposals,
        )
        self.status = SyncStatusWidget()
        self.sync_action = QAction(window)
        self.sync_action.setShortcuts([QKeySequence("F5"), QKeySequence("Ctrl+Shift+S")])
        self.sync_action.triggered.connect(controller.sync_now)
        self.sign_in_action = QAction(window)
        self.sign_in_action.triggered.connect(self.open_sign_in)
        self.sign_out_action = QAction(window)
        self.sign_out_action.triggered.connect(controller.sign_out)
        self.log_action = QAction(window)
        self.log_action.triggered.connect(self.open_log)
        self.conflicts_action = QAction(window)
        self.conflicts_action.triggered.connect(self.open_conflicts)
        self.actions = (self.sync_action, self.sign_in_action, self.sign_out_action,
                        self.log_action, self.conflicts_action)

        self.status.sign_in_requested.connect(self.open_sign_in)
        self.status.retry_requested.connect(controller.sync_now)
        self.status.conflicts_requested.connect(self.open_conflicts)
        self.status.log_requested.connect(self.open_log)
        controller.status_changed.connect(self._show_status)
        controller.running_changed.connect(self.status.show_running)
        controller.progress.connect(self.status.show_progress)
        controller.log_changed.connect(self._show_reason)
        window.installEventFilter(self)
        self.retranslate_ui()
        self._show_signed_in(False)

    def retranslate_ui(self) -> None:
        self.sync_action.setText(self.tr("S&ync now"))
        self.sign_in_action.setText(self.tr("Sign &in to the registry…"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.log_action.setText(self.tr("Sync &log…"))
        self.conflicts_action.setText(self.tr("Review &conflicts…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return False

    def _show_status(self, status: SyncStatus) -> None:
        self.status.show_status(status, self.controller.last_error_text())
        self._show_signed_in(status.state != SIGNED_OUT)

    def _show_reason(self) -> None:
        if self.controller.status is not None:
            self.status.show_status(self.controller.status, self.controller.last_error_text())

    def _show_signed_in(self, signed_in: bool) -> None:
        self.sign_in_action.setVisible(not signed_in)
        self.sign_out_action.setVisible(signed_in)
        self.sync_action.setEnabled(signed_in)

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_sign_in(self) -> SignInDialog:
        from erpdesk.ui.sync.sign_in import SignInDialog

        dialog = SignInDialog(self.controller, self.window)
        self._open(dialog)
        return dialog

    def open_log(self) -> SyncLogDialog:
        from erpdesk.ui.sync.sync_log import SyncLogDialog

        dialog = SyncLogDialog(self.controller, self.window)
        self._open(dialog)
        return dialog

    def open_conflicts(self) -> ConflictReviewDialog:
        from erpdesk.ui.sync.conflicts import ConflictReviewDialog

        dialog = ConflictReviewDialog(self.resolver, self.controller, self.window)
        self._open(dialog)
        return dialog


def install_sync(
    window: QMainWindow,
    desk: Desk,
    credentials: CredentialStore | None = None,
    *,
    start: bool = True,
    **options: object,
) -> SyncUi:
    """Add sync to *window*: the status widget (in place of a ``sync_label``
    the window may have), the File menu's actions before its first one.
    *options* go to ``SyncController``; with *start* the worker starts."""
    controller = SyncController(desk, credentials, parent=window, **options)  # type: ignore[arg-type]
    ui = SyncUi(window, controller)
    old = getattr(window, "sync_label", None)
    if old is not None:
        window.statusBar().removeWidget(old)
        old.hide()
    window.statusBar().addPermanentWidget(ui.status)
    menu = getattr(window, "file_menu", None) or window.menuBar().addMenu("")
    first = menu.actions()[0] if menu.actions() else None
    for action in ui.actions:
        menu.insertAction(first, action)  # type: ignore[arg-type]
    if first is not None:
        menu.insertSeparator(first)
    window.sync_ui = ui  # type: ignore[attr-defined]
    customers = getattr(window, "customers", None)
    if customers is not None and hasattr(customers, "pool_claimed"):
        # a claimed customer comes down at once
        customers.pool_claimed.connect(lambda _claim: controller.sync_now())
    if start:
        controller.start()
    else:
        controller.read_status_now()
    return ui
