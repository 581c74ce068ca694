"""The sync state in the main window's status bar.

States: signed out (a "Sign in…" link), offline (the registry cannot be
reached; "Retry"), syncing (the phase and n/N), up to date (the last sync
time), changes waiting, N conflicts to review (opens the review), error
(the reason and "Retry").  The full text of an error is the tooltip.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from erpdesk.sync.state import CONFLICTS, ERROR, OFFLINE, PENDING, SIGNED_OUT, SyncStatus
from erpdesk.ui.widgets import local_time_text

SYNCING = "syncing"
COLOURS = {
    SIGNED_OUT: "#78909c", OFFLINE: "#ef6c00", SYNCING: "#1565c0", "up_to_date": "#2e7d32",
    PENDING: "#1565c0", CONFLICTS: "#c77800", ERROR: "#c62828",
}
REASON_CHARS = 70


def _link(href: str, text: str) -> str:
    return f'<a href="{href}">{escape(text)}</a>'


class SyncStatusWidget(QWidget):
    """The sync state as a coloured dot, a line of text with a link, and a
    progress bar while a run goes.

    Signals: ``sign_in_requested()``, ``retry_requested()``,
    ``conflicts_requested()``, ``log_requested()`` (the text was clicked).
    """

    sign_in_requested = Signal()
    retry_requested = Signal()
    conflicts_requested = Signal()
    log_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.status: SyncStatus | None = None
        self.reason: str | None = None
        self.running = False
        self.phase = ""
        self.done = 0
        self.total = 0
        self.dot = QLabel("●")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.label.linkActivated.connect(self._on_link)
        self.bar = QProgressBar()
        self.bar.setFixedWidth(90)
        self.bar.setFixedHeight(12)
        self.bar.setTextVisible(False)
        self.bar.setVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(6)
        layout.addWidget(self.dot)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.label.installEventFilter(self)
        self._render()

    @property
    def state(self) -> str:
        """What is shown: ``syncing`` or one of ``sync.state.STATES``."""
        if self.running:
            return SYNCING
        return self.status.state if self.status is not None else SIGNED_OUT

    def show_status(self, status: SyncStatus, reason: str | None = None) -> None:
        """Show *status*; *reason*, when given, is the last error in the
        user's language (the stored one is English)."""
        self.status = status
        self.reason = reason
        self._render()

    def show_running(self, running: bool) -> None:
        self.running = running
        if running:
            self.phase, self.done, self.total = "push", 0, 0
        self._render()

    def show_progress(self, phase: str, done: int, total: int) -> None:
        self.phase, self.done, self.total = phase, done, total
        if self.running:
            self._render()

    def text(self) -> str:
        """The shown text without markup (for tests)."""
        from PySide6.QtGui import QTextDocument

        document = QTextDocument()
        document.setHtml(self.label.text())
        return document.toPlainText()

    def _render(self) -> None:
        state = self.state
        status = self.status
        tip = ""
        last_error = self.reason or (status.last_error if status is not None else None)
        self.bar.setVisible(state == SYNCING)
        if state == SYNCING:
            what = self.tr("sending") if self.phase == "push" else self.tr("receiving")
            if self.total > 0:
                text = escape(self.tr("Syncing: {phase} {done}/{total}").format(
                    phase=what, done=self.done, total=self.total))
                self.bar.setRange(0, self.total)
                self.bar.setValue(min(self.done, self.total))
            else:
                text = escape(self.tr("Syncing: {phase}…").format(phase=what))
                self.bar.setRange(0, 0)  # busy
        elif state == SIGNED_OUT or status is None:
            text = escape(self.tr("Not signed in")) + " · " + _link("sign_in", self.tr("Sign in…"))
            tip = self.tr("The desk works without the registry; sign in to sync")
            if last_error:
                tip = last_error
        elif state == OFFLINE:
            text = escape(self.tr("Offline")) + " · " + _link("retry", self.tr("Retry"))
            tip = last_error or self.tr("The registry cannot be reached")
        elif state == ERROR:
            reason = last_error or ""
            short = reason if len(reason) <= REASON_CHARS else reason[:REASON_CHARS - 1] + "…"
            text = (escape(self.tr("Sync failed: {reason}").format(reason=short)) + " · "
                    + _link("retry", self.tr("Retry")))
            tip = reason
        elif state == CONFLICTS:
            n = status.conflicts
            words = (self.tr("1 conflict to review") if n == 1
                     else self.tr("{n} conflicts to review").format(n=n))
            text = _link("conflicts", words)
        elif state == PENDING:
            # the window's own label counts the waiting changes
            text = escape(self.tr("Not synced yet")) + " · " + _link("retry", self.tr("Sync now"))
            if status.failed_ops:
                tip = self.tr("{n} changes were refused by the registry; see the sync log").format(
                    n=len(status.failed_ops))
        else:
            when = local_time_text(status.last_pull)
            text = escape(self.tr("Up to date, last sync {time}").format(time=when) if when
                          else self.tr("Up to date"))
            tip = self.tr("Signed in to {server} as {user}").format(
                server=status.server, user=status.user)
        if status is not None and status.clock_skewed and state != SYNCING:
            tip = (tip + "\n" if tip else "") + self.tr(
                "This computer's clock is {seconds} seconds off the registry's"
            ).format(seconds=status.clock_skew_seconds)
        self.dot.setStyleSheet(f"color: {COLOURS.get(state, '#78909c')};")
        self.label.setText(text)
        self.setToolTip(tip)

    def _on_link(self, href: str) -> None:
        if href == "sign_in":
            self.sign_in_requested.emit()
        elif href == "retry":
            self.retry_requested.emit()
        elif href == "conflicts":
            self.conflicts_requested.emit()

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.label and event.type() == QEvent.Type.MouseButtonDblClick):
            self.log_requested.emit()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
