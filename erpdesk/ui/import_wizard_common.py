"""What the pages of the import wizard share: the state they fill in turn,
the worker that runs reading, checking and importing off the GUI thread,
and the words for the importer's fields and for a row's verdict."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from erpdesk.domain.errors import DomainError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.os_errors import explain
from erpdesk.services.import_preview import (
    FIELDS,
    ImportFile,
    Preview,
    RowCheck,
    unit_of_work,
)
from erpdesk.ui.widgets import translate

if TYPE_CHECKING:
    from erpdesk.services.customers import CustomerService
    from erpdesk.services.importer import ImportResult, Layout, OnDuplicate

log = logging.getLogger(__name__)

# The importer's fields as a user knows them (the combo of the columns page).
FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("ImportWizard", "Customer name"),
    "short_name": QT_TRANSLATE_NOOP("ImportWizard", "Short name"),
    "uscc": QT_TRANSLATE_NOOP("ImportWizard", "Unified social credit code"),
    "phone": QT_TRANSLATE_NOOP("ImportWizard", "Company phone"),
    "source": QT_TRANSLATE_NOOP("ImportWizard", "Source"),
    "source_detail": QT_TRANSLATE_NOOP("ImportWizard", "Source detail"),
    "region": QT_TRANSLATE_NOOP("ImportWizard", "Region (province and city)"),
    "province": QT_TRANSLATE_NOOP("ImportWizard", "Province"),
    "city": QT_TRANSLATE_NOOP("ImportWizard", "City"),
    "address": QT_TRANSLATE_NOOP("ImportWizard", "Address"),
    "industry": QT_TRANSLATE_NOOP("ImportWizard", "Industry"),
    "size_band": QT_TRANSLATE_NOOP("ImportWizard", "Size"),
    "website": QT_TRANSLATE_NOOP("ImportWizard", "Website"),
    "need": QT_TRANSLATE_NOOP("ImportWizard", "Need"),
    "notes": QT_TRANSLATE_NOOP("ImportWizard", "Notes"),
    "status": QT_TRANSLATE_NOOP("ImportWizard", "Status"),
    "contact": QT_TRANSLATE_NOOP("ImportWizard", "Contact name"),
    "title": QT_TRANSLATE_NOOP("ImportWizard", "Contact's title"),
    "department": QT_TRANSLATE_NOOP("ImportWizard", "Contact's department"),
    "mobile": QT_TRANSLATE_NOOP("ImportWizard", "Contact's mobile"),
    "contact_phone": QT_TRANSLATE_NOOP("ImportWizard", "Contact's phone"),
    "email": QT_TRANSLATE_NOOP("ImportWizard", "Contact's e-mail"),
    "wechat": QT_TRANSLATE_NOOP("ImportWizard", "Contact's WeChat"),
}
assert set(FIELD_LABELS) == set(FIELDS), "every importer field needs a label"

IN_DATABASE = QT_TRANSLATE_NOOP("ImportWizard", "Already in the database as {existing}")
IN_FILE = QT_TRANSLATE_NOOP(
    "ImportWizard", "The same customer as row {existing_row} ({existing})"
)
AMBIGUOUS = QT_TRANSLATE_NOOP(
    "ImportWizard",
    "Named like several customers with different credit codes ({existing}); "
    "add its credit code to say which one",
)
POSSIBLE_SAME_NAME = QT_TRANSLATE_NOOP(
    "ImportWizard",
    "The same name as {existing} but another credit code ({existing_uscc}); "
    "imported as another company: check it",
)
POSSIBLE_REGION = QT_TRANSLATE_NOOP(
    "ImportWizard",
    "May be {existing} (a region on one side only); imported as a new customer: check it",
)
ROW_REF = QT_TRANSLATE_NOOP("ImportWizard", "row {row} ({name})")
STATE_TEXTS = {
    "new": QT_TRANSLATE_NOOP("ImportWizard", "New customer"),
    "possible": QT_TRANSLATE_NOOP("ImportWizard", "New, check it"),
    "rejected": QT_TRANSLATE_NOOP("ImportWizard", "Has problems"),
    "duplicate": QT_TRANSLATE_NOOP("ImportWizard", "Known: skipped"),
    "merge": QT_TRANSLATE_NOOP("ImportWizard", "Known: merged"),
    "ambiguous": QT_TRANSLATE_NOOP("ImportWizard", "Not imported"),
}


def field_text(name: str) -> str:
    """The translated label of the importer's field *name*."""
    return QCoreApplication.translate("ImportWizard", FIELD_LABELS[name])


def state_text(state: str) -> str:
    return QCoreApplication.translate("ImportWizard", STATE_TEXTS[state])


def row_reasons(check: RowCheck) -> list[str]:
    """Why a row is not simply a new customer, one line per reason, in the
    user's language (a rejected row's problems as the CLI words them)."""
    if check.rejected is not None:
        return check.rejected.reasons(translate)
    if check.duplicate is not None:
        dup = check.duplicate
        if dup.match == "ambiguous":
            text = AMBIGUOUS
        else:
            text = IN_DATABASE if dup.existing_row is None else IN_FILE
        template = QCoreApplication.translate("ImportWizard", text)
        return [template.format(existing=dup.existing, existing_row=dup.existing_row)]
    if check.possible is not None:
        possible = check.possible
        existing = possible.existing
        if possible.existing_row is not None:
            existing = QCoreApplication.translate("ImportWizard", ROW_REF).format(
                row=possible.existing_row, name=existing
            )
        text = POSSIBLE_SAME_NAME if possible.why == "uscc" else POSSIBLE_REGION
        return [QCoreApplication.translate("ImportWizard", text).format(
            existing=existing, existing_uscc=possible.existing_uscc
        )]
    return []


@dataclass
class ImportState:
    """What the steps found so far; a later step's part is cleared when an
    earlier one changes."""

    service: CustomerService
    file: ImportFile | None = None
    mapping: dict[int, str] = field(default_factory=dict)
    layout: Layout | None = None
    preview: Preview | None = None
    valid_only: bool = False
    on_duplicate: OnDuplicate = "skip"
    result: ImportResult | None = None
    error: BaseException | None = None

    @property
    def uow(self) -> Callable[[], Any]:
        return unit_of_work(self.service)

    @property
    def owner(self) -> str:
        return self.service.owner


Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class _Signals(QObject):
    progressed = Signal(int, int)
    finished = Signal(object, object)  # result, error


class _Runnable(QRunnable):
    """Runs one piece of work on a pool thread and reports through signals
    (delivered on the GUI thread: the receivers live there)."""

    def __init__(self, work: Work, signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._signals = signals
        self._cancel = cancel

    def run(self) -> None:
        try:
            result = self._work(self._signals.progressed.emit, self._cancel.is_set)
        except (DomainError, OSError) as exc:
            self._signals.finished.emit(None, exc)
        except Exception as exc:  # a bug must not leave the wizard waiting forever
            log.exception("import wizard job failed")
            self._signals.finished.emit(None, exc)
        else:
            self._signals.finished.emit(result, None)


class Job(QObject):
    """A piece of work running off the GUI thread; ``cancel()`` asks it to
    stop (the importer rolls back).  The job is a child of its *pool*: the
    pool waits for its work when it is destroyed, so the job (whose signals
    the work emits) outlives the work even when the wizard closes early.

    Signals:
        progressed(int, int): rows done, rows in all.
        finished(object, object): the result and None, or None and the error.
    """

    progressed = Signal(int, int)
    finished = Signal(object, object)

    def __init__(self, work: Work, pool: QThreadPool) -> None:
        super().__init__(pool)
        self._cancel = threading.Event()
        self._signals = _Signals(self)
        self._signals.progressed.connect(self.progressed)
        self._signals.finished.connect(self._done)
        self.running = True
        pool.start(_Runnable(work, self._signals, self._cancel))

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _done(self, result: object, error: object) -> None:
        self.running = False
        self.finished.emit(result, error)


def error_text(error: BaseException) -> str:
    """An error for the user: a domain error in their language, else the
    system's or library's explained (``os_errors``; the original is logged)."""
    if isinstance(error, DomainError):
        return error.render(translate)
    detail = explain(error)[0]
    if isinstance(error, OSError):
        return QCoreApplication.translate(
            "ImportWizard", "The file cannot be read ({detail})"
        ).format(detail=detail)
    return QCoreApplication.translate(
        "ImportWizard", "Something went wrong ({detail}); nothing was written"
    ).format(detail=detail)
