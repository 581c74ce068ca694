"""Restore from a backup, in the window: pick the file, check it, confirm
(with the changes not yet synced), save the current database, restart.

The restore itself happens with the desk closed: ``request_restore`` hands
the backup to ``ui.launch``'s ``DamageWatch`` and closes the window; launch
then puts the backup in place (``storage.database.restore_backup``) and opens
the window again, as after its damaged-database offer.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from erpdesk.domain.errors import (
    DatabaseCorrupt,
    DatabaseDamaged,
    DatabaseForeign,
    DomainError,
)
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.services import file_ops
from erpdesk.ui.file_actions import FileJob, file_text, reason_text

if TYPE_CHECKING:
    from erpdesk.services.customers import CustomerService

log = logging.getLogger(__name__)

RESTORE_TITLE = QT_TRANSLATE_NOOP("FileActions", "Restore from a backup")
RESTORE_FILTERS = QT_TRANSLATE_NOOP("FileActions", "ERPDesk backups (*.bak *.db);;All files (*)")
CHECKING = QT_TRANSLATE_NOOP("FileActions", "Checking {name}…")
IN_USE_FILE = QT_TRANSLATE_NOOP(
    "FileActions", "{name} is the database in use: choose a backup file."
)
NOT_OURS = QT_TRANSLATE_NOOP(
    "FileActions", "{name} is not an ERPDesk backup: {reason}. Nothing was changed."
)
FOREIGN = QT_TRANSLATE_NOOP("FileActions", "it is another program's database")
NOT_DATABASE = QT_TRANSLATE_NOOP("FileActions", "it is not a database file")
DAMAGED = QT_TRANSLATE_NOOP(
    "FileActions", "The backup {name} is damaged: choose another one. Nothing was changed."
)
CONFIRM = QT_TRANSLATE_NOOP(
    "FileActions",
    "Replace the current database with the backup of {date}? The current one is saved "
    "first as {name}.",
)
BACKUP_HOLDS = QT_TRANSLATE_NOOP("FileActions", "The backup holds {customers} customers.")
PENDING = QT_TRANSLATE_NOOP(
    "FileActions",
    "{count} changes made on this desk have not been synced yet: they are lost unless "
    "you sync before restoring.",
)
SAVING_CURRENT = QT_TRANSLATE_NOOP("FileActions", "Saving the current database as {name}…")
SAVE_FAILED = QT_TRANSLATE_NOOP(
    "FileActions",
    "The current database could not be saved first, so nothing was restored: {reason}.",
)
NO_RESTART = QT_TRANSLATE_NOOP(
    "FileActions",
    "This window cannot restart by itself. Close ERPDesk and run: erpdesk db restore {path}",
)
READ_FAILED = QT_TRANSLATE_NOOP(
    "FileActions", "{name} cannot be read: {reason}. Nothing was changed."
)


def refusal(exc: BaseException, source: Path) -> str:
    """Why the backup *source* is refused, in the user's words."""
    name = source.name
    if isinstance(exc, DatabaseDamaged):
        return file_text(DAMAGED).format(name=name)
    if isinstance(exc, DatabaseForeign):
        return file_text(NOT_OURS).format(name=name, reason=file_text(FOREIGN))
    if isinstance(exc, DatabaseCorrupt):
        return file_text(NOT_OURS).format(name=name, reason=file_text(NOT_DATABASE))
    if isinstance(exc, DomainError):  # too new, locked, read-only: said in full
        return reason_text(exc)
    return file_text(READ_FAILED).format(name=name, reason=reason_text(exc))


def confirmation(facts: file_ops.BackupFacts, aside: Path, pending: int) -> str:
    """The question asked before a restore, with what the backup holds and
    the changes that a restore loses."""
    saved = facts.saved_at.strftime("%Y-%m-%d %H:%M")
    parts = [file_text(CONFIRM).format(date=saved, name=aside.name)]
    if facts.customers is not None:
        parts.append(file_text(BACKUP_HOLDS).format(customers=f"{facts.customers:,}"))
    if pending:
        parts.append(file_text(PENDING).format(count=pending))
    return "\n\n".join(parts)


def request_restore(window: QWidget, path: Path | str) -> bool:
    """Close *window* and have ``ui.launch`` restore *path* over the
    database and open the window again (``DamageWatch.restore_from`` and its
    ``restart``).  False when the user kept the window open (an editor with
    unsaved changes) or the window was not opened by launch (then it says
    how to restore from the command line)."""
    from erpdesk.ui.launch import DamageWatch

    watch = window.findChild(DamageWatch)
    if watch is None:
        text = file_text(NO_RESTART).format(path=path)
        QMessageBox.information(window, file_text(RESTORE_TITLE), text)
        return False
    watch.restore_from = Path(path)
    watch.chosen = True
    if not window.close():
        watch.restore_from, watch.chosen = None, False
        return False
    watch.restart.emit()
    return True


def request_open(window: QWidget, path: Path | str) -> bool:
    """Close *window* and have ``ui.launch`` open it again on the database
    *path* (the demo data made from the first-run page); False when the
    user kept the window open or it was not opened by launch."""
    from erpdesk.ui.launch import DamageWatch

    watch = window.findChild(DamageWatch)
    if watch is None:
        return False
    watch.open_instead = Path(path)
    if not window.close():
        watch.open_instead = None
        return False
    watch.restart.emit()
    return True


class RestoreFlow(QObject):
    """One restore, step by step; ``finished(bool)`` at its end: True when
    the window was asked to restart on the backup.  The checks and the copy
    of the current database run on workers (``FileJob``)."""

    finished = Signal(bool)

    def __init__(self, window: QWidget, service: CustomerService) -> None:
        super().__init__(window)
        self._window = window
        self._service = service
        self._db_path = Path(service.storage_facts()[0])
        self.source: Path | None = None
        self.aside: Path | None = None  # the copy of the current database
        self.job: FileJob | None = None  # the step running
        self.restarting: bool | None = None  # how it ended (None: not yet)

    def start(self, source: Path | str | None = None) -> RestoreFlow:
        """Check *source* (asked for when None) and go on from there."""
        if source is None:
            source, _chosen = QFileDialog.getOpenFileName(
                self._window,
                file_text(RESTORE_TITLE),
                str(self._db_path.parent),
                file_text(RESTORE_FILTERS),
            )
            if not source:
                return self._end(False)
        self.source = Path(source)
        if file_ops.same_file(self._db_path, self.source):
            text = file_text(IN_USE_FILE).format(name=self.source.name)
            QMessageBox.warning(self._window, file_text(RESTORE_TITLE), text)
            return self._end(False)
        picked = self.source
        self.job = FileJob(
            self._window, file_text(RESTORE_TITLE), file_text(CHECKING).format(name=picked.name),
            lambda _progress: file_ops.inspect_backup(picked),
        )  # fmt: skip
        self.job.succeeded.connect(self._checked)
        self.job.failed.connect(self._refused)
        self.job.start()
        return self

    def _refused(self, exc: BaseException) -> None:
        assert self.source is not None
        log.info("restore of %s refused: %r", self.source, exc)
        QMessageBox.warning(self._window, file_text(RESTORE_TITLE), refusal(exc, self.source))
        self._end(False)

    def _checked(self, facts: file_ops.BackupFacts) -> None:
        aside = file_ops.before_restore_path(self._db_path)
        question = confirmation(facts, aside, self._service.pending_changes())
        answer = QMessageBox.question(
            self._window, file_text(RESTORE_TITLE), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            self._end(False)
            return
        self.aside = aside
        db_path = self._db_path
        self.job = FileJob(
            self._window, file_text(RESTORE_TITLE),
            file_text(SAVING_CURRENT).format(name=aside.name),
            lambda _progress: file_ops.backup_database(db_path, aside),
        )  # fmt: skip
        self.job.succeeded.connect(self._saved)
        self.job.failed.connect(self._not_saved)
        self.job.start()

    def _not_saved(self, exc: BaseException) -> None:
        log.warning("saving %s before a restore failed: %r", self._db_path, exc)
        text = file_text(SAVE_FAILED).format(reason=reason_text(exc))
        QMessageBox.critical(self._window, file_text(RESTORE_TITLE), text)
        self._end(False)

    def _saved(self, _facts: file_ops.BackupFacts) -> None:
        assert self.source is not None
        self._end(request_restore(self._window, self.source))

    def _end(self, restarting: bool) -> RestoreFlow:
        self.job = None
        self.restarting = restarting
        self.finished.emit(restarting)
        return self


def restore_backup(
    window: QWidget, service: CustomerService, source: Path | str | None = None
) -> RestoreFlow:
    """Restore the database from *source* (asked for when None): the whole
    flow, ``RestoreFlow``; its ``finished(bool)`` says whether the window
    restarts on the backup."""
    return RestoreFlow(window, service).start(source)
