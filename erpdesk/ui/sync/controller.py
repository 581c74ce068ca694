"""Sync in the background while the window is open.

One worker thread (a plain Python thread; the UI gets only queued signals)
owns every sync-side database read and network call: the runs of a
``SyncRunner`` (its ``run_once`` counts failures and ``delay_after`` gives
the exponential back-off), reading the state for the status bar, signing in
and out.  Runs start when the window opens with a sign-in, every
``interval`` seconds while they work, after the back-off while they fail,
``debounce`` ms after the last local change, and on "Sync now".  What a
pull changed reaches the window through the desk's ``ChangeFeed``,
published on the UI thread.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from erpdesk.domain.customer import utcnow
from erpdesk.domain.errors import render_text
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.services.events import Change
from erpdesk.storage.sync_store import SyncStore
from erpdesk.sync import session as sessions
from erpdesk.sync.client import SyncError
from erpdesk.sync.credentials import CredentialStore
from erpdesk.sync.engine import SyncEngine, SyncReport, SyncRunner
from erpdesk.sync.state import SIGNED_OUT, SyncStatus, read_status
from erpdesk.ui.widgets import FeedBridge, translate

if TYPE_CHECKING:
    from erpdesk.app import Desk

log = logging.getLogger(__name__)

CONTEXT = "SyncController"
LOG_SIZE = 200
RUN_DONE = QT_TRANSLATE_NOOP(
    "SyncController",
    "Sync done: {pushed} changes sent ({duplicates} already known), {conflicts} conflicts, "
    "{rejected} refused, {pulled} records received",
)
REFUSED = QT_TRANSLATE_NOOP(
    "SyncController", "Refused by the registry and kept for later: {entity} {id}: {reason}"
)
SKEWED = QT_TRANSLATE_NOOP(
    "SyncController",
    "This computer's clock is {seconds} seconds off the registry's; set the right time",
)
SIGNED_IN = QT_TRANSLATE_NOOP("SyncController", "Signed in to {server} as {user}")
SIGNED_OUT_TEXT = QT_TRANSLATE_NOOP("SyncController", "Signed out of {server}")


@dataclass(frozen=True)
class LogEntry:
    """One line of the sync log; ``text`` is translated in ``context`` when shown."""

    at: datetime
    kind: str  # "run", "error", "refused", "clock", "session"
    context: str
    text: str
    params: dict[str, Any] = field(default_factory=dict)


class SyncLog:
    """The recent runs, errors and refused ops, newest last, at most *size*."""

    def __init__(self, size: int = LOG_SIZE) -> None:
        self._entries: deque[LogEntry] = deque(maxlen=size)
        self._lock = threading.Lock()

    def add(self, kind: str, context: str, text: str, **params: Any) -> None:
        with self._lock:
            self._entries.append(LogEntry(utcnow(), kind, context, text, params))

    def entries(self) -> list[LogEntry]:
        with self._lock:
            return list(self._entries)


def render_entry(entry: LogEntry) -> str:
    """The entry's text in the user's language."""
    return render_text(entry.context, entry.text, entry.params, translate)


class _QueuedFeed:
    """The engine's feed: changes go to the UI thread by a queued signal."""

    def __init__(self, emit: Callable[[Change], None]) -> None:
        self._emit = emit

    def publish(self, change: Change) -> None:
        self._emit(change)


def settle_heap() -> None:
    """Before a sync run: collect the young generations (a few ms) and
    freeze what lives on (the search index, pinyin tables, loaded rows), so
    that a full collection during the run, which stops every thread, the
    window's included, scans only what the run makes.  Without it one run in
    a few stalled the window for ~90 ms (a generation-2 collection over the
    whole heap: docs/benchmarks.md).  Cyclic garbage still in the old
    generation is frozen with the rest; it is little and not repeated."""
    gc.collect(1)
    gc.freeze()


class SyncController(QObject):
    """The desk's sync while the window is open.

    Signals (always delivered on the UI thread):
        status_changed(SyncStatus): the state was read again.
        running_changed(bool): a run started (True) or ended (False).
        run_finished(int): run number N ended and its state was read (after
            that state's ``status_changed``).
        progress(str, int, int): phase ("push"/"pull"), done, total.
        signed_in(object): the registry's ``Session`` after a sign-in.
        sign_in_failed(object): the ``SyncError`` that refused a sign-in.
        signed_out(str): the server signed out of.
        log_changed(): an entry was added to ``log``.
    """

    status_changed = Signal(object)
    running_changed = Signal(bool)
    run_finished = Signal(int)
    progress = Signal(str, int, int)
    signed_in = Signal(object)
    sign_in_failed = Signal(object)
    signed_out = Signal(str)
    log_changed = Signal()
    _pulled = Signal(object)

    def __init__(
        self,
        desk: Desk,
        credentials: CredentialStore | None = None,
        *,
        client_factory: sessions.ClientFactory = sessions.default_client,
        debounce_ms: int = 10_000,
        interval: float = 300.0,
        base_delay: float = 5.0,
        max_delay: float = 600.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.store = SyncStore(desk.db)
        self.credentials = credentials or CredentialStore()
        self.client_factory = client_factory
        self.log = SyncLog()
        self.runner = SyncRunner(
            self._run_engine, interval=interval, base_delay=base_delay, max_delay=max_delay,
            on_report=self._on_report, on_error=self._on_error,
        )
        self.status: SyncStatus | None = None
        self.running = False
        self._cond = threading.Condition()
        self._jobs: deque[Callable[[], object]] = deque()
        self._sync_wanted = False
        self._runs_started = 0
        self._next_run: float | None = None
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._forwarding = False

        self._pulled.connect(self._publish_pulled)
        self.status_changed.connect(self._remember_status)
        self.running_changed.connect(self._remember_running)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self._after_local_changes)
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(200)
        self._refresh_soon.timeout.connect(self.refresh)
        self._bridge = FeedBridge(desk.feed, self)
        self._bridge.changed.connect(self._on_local_change)

    # -- the UI thread's side ------------------------------------------------

    def start(self) -> None:
        """Start the worker: it reads the state and, when signed in, syncs."""
        if self._thread is not None:
            return
        self._stopping = False
        with self._cond:
            self._jobs.append(lambda: self._read_status(schedule=True))
        self._thread = threading.Thread(target=self._loop, name="erpdesk-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the worker (a run in progress ends first, up to *timeout*)."""
        self._debounce.stop()
        self._refresh_soon.stop()
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._bridge.close()

    @property
    def started(self) -> bool:
        return self._thread is not None

    @property
    def idle(self) -> bool:
        """No run under way or asked for, no local change waiting for the
        debounce to start one, no job queued."""
        with self._cond:
            queued = self._sync_wanted or bool(self._jobs)
        return not (self.running or queued or self._debounce.isActive())

    def sync_now(self) -> int:
        """Run as soon as the worker is free (never waits here).

        Returns the number of the run that answers this call: it starts
        after the call (a run already under way when asked may have missed
        what was just written), and ``run_finished`` carries its number or
        a later one when it ends.
        """
        with self._cond:
            self._sync_wanted = True
            self._cond.notify_all()
            return self._runs_started + 1

    def refresh(self) -> None:
        """Read the state again (on the worker); ``status_changed`` follows."""
        self._queue(lambda: self._read_status(schedule=False))

    def sign_in(self, server: str, user: str, password: str) -> None:
        """Sign in on the worker; ``signed_in`` or ``sign_in_failed`` follows."""
        self._queue(lambda: self._sign_in(server, user, password))

    def sign_out(self) -> None:
        """Revoke and forget the token on the worker; ``signed_out`` follows."""
        self._queue(self._sign_out)

    def read_status_now(self) -> SyncStatus:
        """The state read on the calling thread (for a window not started:
        screenshots, tests)."""
        status = read_status(self.store, self.credentials)
        self.status_changed.emit(status)
        return status

    def last_error_text(self) -> str | None:
        """The last run's error in the user's language (None when the last
        run went well); the stored English text when this window has not
        seen the error itself."""
        if self.status is None or not self.status.last_error:
            return None
        for entry in reversed(self.log.entries()):
            if entry.kind == "error":
                return render_entry(entry)
            if entry.kind == "run":
                break
        return self.status.last_error

    def _queue(self, job: Callable[[], object]) -> None:
        with self._cond:
            self._jobs.append(job)
            self._cond.notify_all()

    def _remember_status(self, status: SyncStatus) -> None:
        self.status = status

    def _remember_running(self, running: bool) -> None:
        self.running = running

    def _on_local_change(self, _change: Change) -> None:
        if self._forwarding:
            return  # a pull's change, published by this controller
        self._refresh_soon.start()  # the pending count
        if self.status is not None and self.status.state != SIGNED_OUT:
            self._debounce.start()

    def _after_local_changes(self) -> None:
        self.sync_now()

    def _publish_pulled(self, change: Change) -> None:
        self._forwarding = True
        try:
            self.desk.feed.publish(change)
        finally:
            self._forwarding = False

    # -- the worker's side ---------------------------------------------------

    def _emit(self, signal: Any, *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the controller is gone (window closed)
            signal.emit(*args)

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._stopping and not self._jobs and not self._run_due():
                    wait = None if self._next_run is None else self._next_run - time.monotonic()
                    self._cond.wait(None if wait is None else max(wait, 0.0))
                if self._stopping:
                    return
                job: Callable[[], object] | None = self._jobs.popleft() if self._jobs else None
                if job is None:
                    self._sync_wanted = False
                    self._runs_started += 1
                    number = self._runs_started
            try:
                if job is not None:
                    job()
                else:
                    self._sync()
                    self._emit(self.run_finished, number)
            except Exception:  # a bug must not end background sync silently
                log.exception("sync worker")

    def _run_due(self) -> bool:
        return self._sync_wanted or (
            self._next_run is not None and time.monotonic() >= self._next_run
        )

    def _read_status(self, schedule: bool) -> SyncStatus:
        status = read_status(self.store, self.credentials)
        if schedule:
            with self._cond:
                signed_in = self._signed_in()
                self._next_run = time.monotonic() if signed_in else None
        self._emit(self.status_changed, status)
        return status

    def _signed_in(self) -> bool:
        current = sessions.account(self.store)
        return current is not None and (
            self.credentials.get(current.server, current.user) is not None
        )

    def _sync(self) -> None:
        if not self._signed_in():
            with self._cond:
                self._next_run = None
            self._read_status(schedule=False)
            return
        self._emit(self.running_changed, True)
        settle_heap()
        try:
            self.runner.run_once()
        finally:
            self._emit(self.running_changed, False)
            with self._cond:
                self._next_run = time.monotonic() + self.runner.delay_after(self.runner.failures)
            self._read_status(schedule=False)

    def _run_engine(self) -> SyncReport:
        current = sessions.account(self.store)
        assert current is not None
        token = self.credentials.get(current.server, current.user)
        from erpdesk.app import open_engagements_after_pull

        feed = _QueuedFeed(lambda c: self._emit(self._pulled, c))
        with self.client_factory(current.server, token) as client:
            engine = SyncEngine(
                self.store, client, feed=feed,
                after_pull=open_engagements_after_pull(self.desk.db, feed.publish, self.desk.owner),
            )  # fmt: skip
            return engine.run(lambda *step: self._emit(self.progress, *step))

    def _on_report(self, report: SyncReport) -> None:
        self.log.add(
            "run", CONTEXT, RUN_DONE, pushed=report.pushed, duplicates=report.duplicates,
            conflicts=report.conflicts, rejected=report.rejected, pulled=report.pulled,
        )
        for failure in report.failures:
            self.log.add("refused", CONTEXT, REFUSED, entity=failure.entity,
                         id=failure.entity_id, reason=failure.message)
        if report.clock_skewed:
            self.log.add("clock", CONTEXT, SKEWED, seconds=report.clock_skew_seconds)
        self._emit(self.log_changed)

    def _on_error(self, exc: SyncError) -> None:
        self.log.add("error", exc.context, exc.text, **exc.params)
        self._emit(self.log_changed)

    def _sign_in(self, server: str, user: str, password: str) -> None:
        try:
            session = sessions.sign_in(
                self.store, self.credentials, server, user, password, self.client_factory
            )
        except SyncError as exc:
            self._emit(self.sign_in_failed, exc)
            return
        self.runner.failures = 0
        self.log.add("session", CONTEXT, SIGNED_IN, server=server.strip().rstrip("/"),
                     user=session.username)
        self._emit(self.log_changed)
        self._emit(self.signed_in, session)
        self._read_status(schedule=True)

    def _sign_out(self) -> None:
        try:
            gone = sessions.sign_out(self.store, self.credentials, self.client_factory)
        except SyncError as exc:
            self.log.add("error", exc.context, exc.text, **exc.params)
        else:
            self.log.add("session", CONTEXT, SIGNED_OUT_TEXT, server=gone.server)
            self._emit(self.signed_out, gone.server)
        with self._cond:
            self._next_run = None
            self._sync_wanted = False
        self._emit(self.log_changed)
        self._read_status(schedule=False)
