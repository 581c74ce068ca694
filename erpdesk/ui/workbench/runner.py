"""Registry calls off the UI thread, for the workbench pages.

``ApiRunner.run(call, done)`` takes the signed-in account on the UI thread
(cheap: the desk's meta), then, on a worker, looks up the token (the keyring
may be slow), builds a ``WorkbenchApi`` and runs ``call(api)``; the result
comes back by signal and ``done(result)`` runs on the UI thread.  A failure
(offline, signed out, refused) is reported as one translated line through
``failed``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QWidget

from erpdesk.domain.errors import DomainError
from erpdesk.sync.client import SignedOut, SyncError
from erpdesk.sync.workbench_api import WorkbenchApi


@dataclass(frozen=True)
class Account:
    """The desk's registry account: server, user and the role it signed in with."""

    server: str
    user: str
    role: str


AccountSource = Callable[[], "Account | None"]
TokenSource = Callable[[Account], "str | None"]
_OnError = Callable[[str, str], None] | None


def error_text(exc: BaseException) -> str:
    """A failure as the user reads it (translated)."""
    if isinstance(exc, DomainError):
        return exc.render(QCoreApplication.translate)
    return QCoreApplication.translate("Sync", "Sync failed: {detail}").format(detail=exc)


class _Signals(QObject):
    finished = Signal(int, object, object)  # job, result, error


class _Job(QRunnable):
    def __init__(
        self, job: int, account: Account, tokens: TokenSource, language: str,
        call: Callable[[WorkbenchApi], Any], signals: _Signals,
    ) -> None:
        super().__init__()
        self._job = job
        self._account = account
        self._tokens = tokens
        self._language = language
        self._call = call
        self._signals = signals

    def run(self) -> None:
        try:
            token = self._tokens(self._account)
            if not token:
                raise SignedOut(server=self._account.server, detail="")
            api = WorkbenchApi(self._account.server, token, self._language)
            try:
                result = self._call(api)
            finally:
                api.close()
        except Exception as exc:  # every failure is told to the page, never lost
            self._signals.finished.emit(self._job, None, exc)
            return
        self._signals.finished.emit(self._job, result, None)


class ApiRunner(QObject):
    """Runs registry calls on one worker thread, in order.

    Signals:
        failed(str, str): a call failed: its kind (``offline``,
            ``signed_out``, ``error``) and the translated message.
        busy_changed(bool): calls are running (True) or all are done.
    """

    failed = Signal(str, str)
    busy_changed = Signal(bool)

    def __init__(
        self,
        accounts: AccountSource,
        tokens: TokenSource,
        language: Callable[[], str] = lambda: "en",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self._tokens = tokens
        self._language = language
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.finished.connect(self._finished)
        self._ids = itertools.count(1)
        self._waiting: dict[int, tuple[Callable[[Any], None], _OnError]] = {}

    def account(self) -> Account | None:
        return self._accounts()

    @property
    def busy(self) -> bool:
        return bool(self._waiting)

    def run(
        self,
        call: Callable[[WorkbenchApi], Any],
        done: Callable[[Any], None],
        on_error: Callable[[str, str], None] | None = None,
    ) -> None:
        """Run ``call(api)`` on the worker; ``done(result)`` on the UI thread.
        ``on_error(kind, message)`` (else ``failed``) when it fails."""
        account = self._accounts()
        if account is None:
            message = self.tr("You are not signed in to the customer registry: sign in first")
            (on_error or self.failed.emit)("signed_out", message)
            return
        job = next(self._ids)
        was_busy = self.busy
        self._waiting[job] = (done, on_error)
        if not was_busy:
            self.busy_changed.emit(True)
        self._pool.start(_Job(job, account, self._tokens, self._language(), call, self._signals))

    def _finished(self, job: int, result: Any, error: BaseException | None) -> None:
        done, on_error = self._waiting.pop(job, (None, None))
        if not self._waiting:
            self.busy_changed.emit(False)
        if done is None:
            return
        if error is not None:
            kind = error.kind if isinstance(error, SyncError) else "error"
            (on_error or self.failed.emit)(kind, error_text(error))
            return
        done(result)

    def wait(self) -> None:
        """Block until no call runs (tests, closing)."""
        self._pool.waitForDone()

    def close(self) -> None:
        self._pool.clear()
        self._pool.waitForDone()
        self._waiting.clear()


class MessageBar(QLabel):
    """One line above a workbench page: what failed (offline, signed out,
    refused) or what was done; hidden when there is nothing to say."""

    STYLES: ClassVar[dict[str, str]] = {
        "error": "background: #ffebee; color: #b71c1c; padding: 6px; border-radius: 4px;",
        "offline": "background: #fff8e1; color: #8d6e00; padding: 6px; border-radius: 4px;",
        "signed_out": "background: #fff8e1; color: #8d6e00; padding: 6px; border-radius: 4px;",
        "done": "background: #e8f5e9; color: #1b5e20; padding: 6px; border-radius: 4px;",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = ""
        self.hide()

    def show_message(self, kind: str, text: str) -> None:
        self.kind = kind
        self.setStyleSheet(self.STYLES.get(kind, self.STYLES["error"]))
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.kind = ""
        self.setText("")
        self.hide()
