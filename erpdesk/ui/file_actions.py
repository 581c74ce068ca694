"""Export the list as filtered, back up the database, restore a backup: the
window's file actions, each on a worker thread with a progress dialog.

``export_filtered`` and ``backup_database`` (here) and ``restore_backup``
(``ui.file_restore``) ask for a file (unless given one), run
``services.file_ops`` on a ``FileJob`` and say what happened;
``FileActions`` puts the three in the window's File menu.  A
restore ends in ``request_restore``: the window closes and ``ui.launch``
restores the backup and opens the window again, the path its damaged-database
restore takes (``DamageWatch.restore_from`` + ``RESTART``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    QStandardPaths,
    Qt,
    QThreadPool,
)
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QProgressDialog, QWidget

from erpdesk.domain.errors import DomainError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.services import file_ops
from erpdesk.ui.widgets import translate

if TYPE_CHECKING:
    from erpdesk.services.customers import CustomerService
    from erpdesk.storage.queries import CustomerCriteria

log = logging.getLogger(__name__)
Work = Callable[[file_ops.Progress], Any]
# An export of more rows than this shows its progress at once.
SHOW_PROGRESS_ABOVE = 1000
SHOW_AFTER_MS = 500  # shorter work shows no progress dialog at all

EXPORT_TITLE = QT_TRANSLATE_NOOP("FileActions", "Export the list")
EXPORT_NAME = QT_TRANSLATE_NOOP("FileActions", "customers")
EXPORT_FILTERS = QT_TRANSLATE_NOOP("FileActions", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)")
EXPORTING = QT_TRANSLATE_NOOP("FileActions", "Writing {count} customers to {name}…")
EXPORTED = QT_TRANSLATE_NOOP("FileActions", "{count} customers written to {path}")
EXPORT_FAILED = QT_TRANSLATE_NOOP(
    "FileActions", "The list could not be written to {path}: {reason}. Nothing was written."
)
BACKUP_TITLE = QT_TRANSLATE_NOOP("FileActions", "Back up the database")
BACKUP_FILTERS = QT_TRANSLATE_NOOP("FileActions", "ERPDesk backups (*.bak);;All files (*)")
BACKING_UP = QT_TRANSLATE_NOOP("FileActions", "Copying the database to {name}…")
BACKED_UP = QT_TRANSLATE_NOOP(
    "FileActions",
    "The database is backed up to {path}.\n\nThe backup holds {customers} customers, "
    "{contacts} contacts and {activities} activities.",
)
ONTO_ITSELF = QT_TRANSLATE_NOOP(
    "FileActions", "A backup cannot be written over the database itself: choose another file."
)
BACKUP_FAILED = QT_TRANSLATE_NOOP(
    "FileActions", "The backup could not be written to {path}: {reason}. Nothing was written."
)
DEMO_TITLE = QT_TRANSLATE_NOOP("FileActions", "Open demo data")
MAKING_DEMO = QT_TRANSLATE_NOOP("FileActions", "Making {count} demo customers…")
DEMO_FAILED = QT_TRANSLATE_NOOP(
    "FileActions", "The demo database {path} could not be made: {reason}."
)
CANCEL = QT_TRANSLATE_NOOP("FileActions", "Cancel")


def file_text(text: str) -> str:
    """One of this module's marked texts in the user's language."""
    return QCoreApplication.translate("FileActions", text)


def reason_text(exc: BaseException) -> str:
    """Why *exc* happened, in the user's language (the original is logged)."""
    from erpdesk.os_errors import explain

    if isinstance(exc, DomainError) and exc.__cause__ is None:
        return exc.render(translate)
    return explain(exc)[0]


def documents_folder() -> Path:
    """The user's documents folder (home when the platform has none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


# -- the worker --------------------------------------------------------------------


class _Signals(QObject):
    progressed = QtSignal(int, int)
    finished = QtSignal(object, object)  # result, error


class _Runner(QRunnable):
    def __init__(self, work: Work, signals: _Signals, job: FileJob) -> None:
        super().__init__()
        self._work, self._signals, self._job = work, signals, job

    def run(self) -> None:
        def progress(done: int, total: int) -> None:
            if self._job.cancel_requested:
                raise file_ops.Cancelled()
            self._signals.progressed.emit(done, total)

        try:
            result = self._work(progress)
        except Exception as exc:  # reported on the GUI thread, never lost
            self._signals.finished.emit(None, exc)
            return
        self._signals.finished.emit(result, None)


class FileJob(QObject):
    """*work* on a thread of its own while a modal progress dialog shows
    (after *show_after_ms*: quick work shows none); the window keeps
    repainting.  Signals: ``succeeded(result)``, ``failed(exception)``
    (``file_ops.Cancelled`` when the user cancelled), then ``done()``."""

    succeeded = QtSignal(object)
    failed = QtSignal(object)
    done = QtSignal()

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        work: Work,
        *,
        cancellable: bool = False,
        show_after_ms: int = SHOW_AFTER_MS,
    ) -> None:
        super().__init__(parent)
        self.cancel_requested = False
        self.running = False
        self.dialog = QProgressDialog(label, file_text(CANCEL) if cancellable else "", 0, 0, parent)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(show_after_ms)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumWidth(360)
        self.dialog.canceled.connect(self._cancel)
        self._signals = _Signals(self)
        self._signals.progressed.connect(self._progressed)
        self._signals.finished.connect(self._finished)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._runner = _Runner(work, self._signals, self)

    def start(self) -> FileJob:
        self.running = True
        self.dialog.setValue(0)
        self._pool.start(self._runner)
        return self

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the worker (tests; the window never waits)."""
        return self._pool.waitForDone(msecs)

    def _cancel(self) -> None:
        self.cancel_requested = True

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _finished(self, result: Any, error: BaseException | None) -> None:
        self.running = False
        self.dialog.close()
        self.dialog.deleteLater()
        if error is not None:
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
        self.done.emit()
        self.deleteLater()


# -- export ------------------------------------------------------------------------


def default_export_path(folder: Path | None = None, today: date | None = None) -> Path:
    """客户-2026-12-06.xlsx (customers-2026-12-06.xlsx in English) in *folder*."""
    day = (today or date.today()).isoformat()
    return (folder or documents_folder()) / f"{file_text(EXPORT_NAME)}-{day}.xlsx"


def _with_suffix(path: str, chosen_filter: str) -> Path:
    """The picked name with .xlsx or .csv: the one typed, else the filter's."""
    picked = Path(path)
    if picked.suffix.lower() in (".xlsx", ".csv"):
        return picked
    return picked.with_name(picked.name + (".csv" if "*.csv" in chosen_filter else ".xlsx"))


def export_filtered(
    parent: QWidget | None,
    service: CustomerService,
    criteria: CustomerCriteria,
    path: Path | str | None = None,
    *,
    sort: str = "name",
    descending: bool = False,
) -> FileJob | None:
    """Export the customers of *criteria* (the list as filtered and sorted)
    to *path*, asked for when None; None when cancelled.  The job says
    "{count} customers written to {path}" when done, or why not."""
    if path is None:
        picked, chosen = QFileDialog.getSaveFileName(
            parent, file_text(EXPORT_TITLE), str(default_export_path()), file_text(EXPORT_FILTERS)
        )
        if not picked:
            return None
        path = _with_suffix(picked, chosen)
    target = Path(path)
    db_path = service.storage_facts()[0]
    count = service.count(criteria)

    def work(progress: file_ops.Progress) -> int:
        return file_ops.export_filtered(
            db_path, criteria, target, sort=sort, descending=descending, progress=progress
        )

    job = FileJob(
        parent, file_text(EXPORT_TITLE),
        file_text(EXPORTING).format(count=f"{count:,}", name=target.name), work,
        cancellable=True, show_after_ms=0 if count > SHOW_PROGRESS_ABOVE else SHOW_AFTER_MS,
    )  # fmt: skip

    def succeeded(written: int) -> None:
        text = file_text(EXPORTED).format(count=f"{written:,}", path=target)
        QMessageBox.information(parent, file_text(EXPORT_TITLE), text)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, file_ops.Cancelled):
            return
        log.warning("export to %s failed: %r", target, exc)
        text = file_text(EXPORT_FAILED).format(path=target, reason=reason_text(exc))
        QMessageBox.warning(parent, file_text(EXPORT_TITLE), text)

    job.succeeded.connect(succeeded)
    job.failed.connect(failed)
    return job.start()


# -- backup ------------------------------------------------------------------------


def default_backup_target(db_path: Path) -> Path:
    """The dated backup name beside the database, or in Documents when the
    database's folder cannot be written."""
    import os

    beside = file_ops.default_backup_path(db_path)
    if os.access(db_path.parent, os.W_OK):
        return beside
    return documents_folder() / beside.name


def backup_database(
    parent: QWidget | None, service: CustomerService, path: Path | str | None = None
) -> FileJob | None:
    """Write a copy of the database to *path* (asked for when None); None
    when cancelled or refused (the database itself)."""
    db_path = service.storage_facts()[0]
    if path is None:
        path, _chosen = QFileDialog.getSaveFileName(
            parent,
            file_text(BACKUP_TITLE),
            str(default_backup_target(db_path)),
            file_text(BACKUP_FILTERS),
        )
        if not path:
            return None
    target = Path(path)
    if file_ops.same_file(db_path, target):
        QMessageBox.warning(parent, file_text(BACKUP_TITLE), file_text(ONTO_ITSELF))
        return None
    job = FileJob(
        parent, file_text(BACKUP_TITLE), file_text(BACKING_UP).format(name=target.name),
        lambda _progress: file_ops.backup_database(db_path, target),
    )  # fmt: skip

    def succeeded(facts: file_ops.BackupFacts) -> None:
        text = file_text(BACKED_UP).format(
            path=target, customers=f"{facts.customers or 0:,}",
            contacts=f"{facts.contacts or 0:,}", activities=f"{facts.activities or 0:,}",
        )  # fmt: skip
        QMessageBox.information(parent, file_text(BACKUP_TITLE), text)

    def failed(exc: BaseException) -> None:
        log.warning("backup to %s failed: %r", target, exc)
        text = file_text(BACKUP_FAILED).format(path=target, reason=reason_text(exc))
        QMessageBox.warning(parent, file_text(BACKUP_TITLE), text)

    job.succeeded.connect(succeeded)
    job.failed.connect(failed)
    return job.start()


# -- the demo database ----------------------------------------------------------------


def make_demo_job(
    parent: QWidget | None, db_path: Path, customers: int = file_ops.DEMO_CUSTOMERS
) -> FileJob:
    """Make the demo database beside *db_path* (``file_ops.demo_database_path``)
    on a worker, with its progress; ``succeeded`` carries the demo database's
    path (the window then restarts on it), ``failed`` has already been told
    to the user."""
    target = file_ops.demo_database_path(db_path)

    def work(progress: file_ops.Progress) -> Path:
        file_ops.make_demo_database(target, customers, progress)
        return target

    label = file_text(MAKING_DEMO).format(count=f"{customers:,}")
    job = FileJob(parent, file_text(DEMO_TITLE), label, work, show_after_ms=0)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, file_ops.Cancelled):  # Esc: nothing was made
            return
        log.warning("the demo database %s was not made: %r", target, exc)
        text = file_text(DEMO_FAILED).format(path=target, reason=reason_text(exc))
        QMessageBox.warning(parent, file_text(DEMO_TITLE), text)

    job.failed.connect(failed)
    return job.start()


# -- the menu ----------------------------------------------------------------------


class FileActions(QObject):
    """The File menu's "Export the list…", "Back up the database…" and
    "Restore from a backup…", in *menu* (before *before*, else at its end).  The export takes
    the customer list's search, filters and sort at the moment it is chosen
    (*page*: the ``CustomerListPage``)."""

    def __init__(
        self,
        window: QWidget,
        service: CustomerService,
        page: Any = None,
        menu: QMenu | None = None,
        before: QAction | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._service = service
        self._page = page
        self.export_action = QAction(self)
        self.export_action.triggered.connect(self.export)
        self.backup_action = QAction(self)
        self.backup_action.triggered.connect(self.backup)
        self.restore_action = QAction(self)
        self.restore_action.triggered.connect(self.restore)
        self.actions = [self.export_action, self.backup_action, self.restore_action]
        if menu is not None:
            separator = QAction(self)
            separator.setSeparator(True)
            menu.insertActions(before, [*self.actions, separator])  # type: ignore[arg-type]
        window.installEventFilter(self)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.export_action.setText(self.tr("&Export the list…"))
        self.export_action.setToolTip(
            self.tr("Write the customers the list shows to an Excel or CSV file")
        )
        self.backup_action.setText(self.tr("&Back up the database…"))
        self.restore_action.setText(self.tr("&Restore from a backup…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return False

    def export(self, _checked: bool = False, path: Path | str | None = None) -> FileJob | None:
        model = getattr(self._page, "model", None)
        if model is None:
            return export_filtered(self._window, self._service, self._service.criteria(), path)
        return export_filtered(
            self._window, self._service, model.criteria, path,
            sort=model.sort_key, descending=model.descending,
        )  # fmt: skip

    def backup(self, _checked: bool = False, path: Path | str | None = None) -> FileJob | None:
        return backup_database(self._window, self._service, path)

    def restore(self, _checked: bool = False, path: Path | str | None = None) -> QObject:
        from erpdesk.ui.file_restore import restore_backup

        return restore_backup(self._window, self._service, path)


def install_file_actions(window: Any, service: CustomerService) -> FileActions:
    """The three file actions in *window*'s File menu (a ``MainWindow``:
    before its Quit), exporting what its customer list shows."""
    return FileActions(
        window, service, window.customers, window.file_menu, getattr(window, "quit_action", None)
    )
