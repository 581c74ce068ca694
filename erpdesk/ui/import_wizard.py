"""The import wizard (导入客户): customers from an Excel or CSV file, in the
window, by the rules of ``erpdesk import customers``.

Five steps: the file (``ImportFilePage``), its columns and the field each
holds (``ImportColumnsPage``), every row checked before anything is written
(``ImportPreviewPage``), the import on a worker thread with a progress bar
and a Cancel that rolls it back (``ImportRunPage``), and the summary, which
can save the rejected rows with their reasons (``ImportSummaryPage``).

Reading, checking and importing run on the wizard's thread pool; the window
stays responsive.  The customer list refreshes through the service's change
feed, published here on the GUI thread once the import has committed.

    wizard = open_import_wizard(main_window, desk.customers)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from erpdesk.domain.errors import DomainError
from erpdesk.services.events import Change
from erpdesk.services.import_preview import run_import, save_rejected
from erpdesk.services.importer import ImportCancelled, ImportResult
from erpdesk.ui.import_wizard_common import ImportState, Job, error_text, row_reasons
from erpdesk.ui.import_wizard_pages import ImportColumnsPage, ImportFilePage
from erpdesk.ui.import_wizard_preview import ImportPreviewPage
from erpdesk.ui.presales.survey_parts import reserved_problem_label
from erpdesk.ui.widgets import OK_STYLE, PROBLEM_STYLE, translate

if TYPE_CHECKING:
    from erpdesk.services.customers import CustomerService

DETAIL_LINES = 2000  # per-row lines the summary lists at most
MINIMUM_WIDTH, MINIMUM_HEIGHT = 680, 470


class ImportRunPage(QWizardPage):
    """Step 4: the import itself, on a worker thread; moves on when done."""

    def __init__(self, state: ImportState, pool: QThreadPool, parent: QWidget | None = None):
        super().__init__(parent)
        self._state = state
        self._pool = pool
        self.job: Job | None = None
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.hint_label)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Importing"))
        self.setSubTitle(self.tr("All rows are written in one step, or none"))
        self.hint_label.setText(self.tr(
            "Cancel stops the import and writes nothing. You can keep working in the window."
        ))
        self._show_progress(self.progress.value(), self.progress.maximum())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def initializePage(self) -> None:
        """Start the import with the choices of the preview."""
        state = self._state
        file, layout = state.file, state.layout
        assert file is not None and layout is not None
        state.result, state.error = None, None
        self.progress.setRange(0, len(file.rows))
        self.progress.setValue(0)
        self._show_progress(0, len(file.rows))
        uow, owner = state.uow, state.owner
        valid_only, on_duplicate = state.valid_only, state.on_duplicate

        def work(progress: Any, cancelled: Any) -> ImportResult:
            return run_import(uow, file, layout, valid_only=valid_only,
                              on_duplicate=on_duplicate, owner=owner, progress=progress,
                              cancelled=cancelled)

        self.job = job = Job(work, self._pool)
        job.progressed.connect(self._show_progress)
        job.finished.connect(self._finished)

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def cancel(self) -> None:
        """Ask the import to stop; it rolls back and the summary says so."""
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.status_label.setText(self.tr("Cancelling…"))

    def _show_progress(self, done: int, total: int) -> None:
        if self.job is not None and self.job.cancelled:
            return
        self.progress.setValue(done)
        self.status_label.setText(self.tr("Importing row {done} of {total}…").format(
            done=done, total=total
        ))

    def _finished(self, result: object, error: object) -> None:
        if isinstance(result, ImportResult):
            self._state.result = result
            if result.written and (result.imported or result.merged):
                # published here, on the GUI thread, for the views listening
                self._state.service.feed.publish(Change("customer"))
        elif isinstance(error, BaseException):
            self._state.error = error
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            QTimer.singleShot(0, wizard.next)

    def isComplete(self) -> bool:
        return self.job is not None and not self.job.running


class ImportSummaryPage(QWizardPage):
    """Step 5: what the import did, row by row, and the rejected rows to save."""

    def __init__(self, state: ImportState, parent: QWidget | None = None):
        super().__init__(parent)
        self._state = state
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.ask_save_rejected)
        self.saved_label = reserved_problem_label(1, self)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        layout.addLayout(row)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Summary"))
        self.save_button.setText(self.tr("Save the rejected rows…"))
        self.save_button.setToolTip(self.tr(
            "The rejected rows as the file had them, with a column of their problems, "
            "to correct and import again"
        ))
        self.initializePage()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def initializePage(self) -> None:
        state = self._state
        result, error = state.result, state.error
        self.save_button.setEnabled(bool(result and result.rejected))
        if error is not None:
            ok = False
            self.headline.setText(error_text(error))
            self.details.setPlainText("")
        elif result is not None:
            ok = result.written
            self.headline.setText(self.summary_text(result))
            self.details.setPlainText("\n".join(self._detail_lines()))
        else:
            ok = True
            self.headline.setText("")
        self.headline.setStyleSheet(OK_STYLE if ok else PROBLEM_STYLE)
        self.setSubTitle(self.tr("Nothing was written") if not ok else self.tr(
            "The customer list shows the new customers"
        ))

    def summary_text(self, result: ImportResult) -> str:
        if not result.written:
            return self.tr(
                "Nothing was imported: {rejected} of {rows} rows have problems"
            ).format(rejected=len(result.rejected), rows=result.rows)
        lines = [
            self.tr("Added {count} new customers").format(count=result.imported),
            self.tr("Merged {count} rows into customers already known").format(
                count=result.merged),
            self.tr("Skipped {count} rows of customers already known").format(
                count=len(result.duplicates)),
            self.tr("Rejected {count} rows with problems").format(count=len(result.rejected)),
        ]
        if result.possible:
            lines.append(self.tr(
                "{count} of the new customers may be customers already known: check them"
            ).format(count=len(result.possible)))
        return "\n".join(lines)

    def _detail_lines(self) -> list[str]:
        """Every row that was not simply added, with why (the preview's words)."""
        preview = self._state.preview
        if preview is None:
            return []
        lines: list[str] = []
        template = self.tr("Row {row} ({name}): {reason}")
        for check in preview.rows:
            reasons = row_reasons(check)
            name = check.rejected.name if check.rejected else self._name(check)
            lines.extend(template.format(row=check.row, name=name, reason=r) for r in reasons)
            if len(lines) >= DETAIL_LINES:
                break
        return lines[:DETAIL_LINES]

    def _name(self, check: Any) -> str:
        found = check.duplicate or check.possible
        return found.name if found is not None else ""

    def ask_save_rejected(self) -> None:
        default = ""
        if self._state.file is not None:
            file = self._state.file.path
            name = self.tr("{name}-rejected").format(name=file.stem)
            default = str(file.with_name(name + ".xlsx"))
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the rejected rows"), default,
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if path:
            self.save_rejected_to(path)

    def save_rejected_to(self, path: str | Path) -> bool:
        """Write the rejected rows to *path*; say where, or why not."""
        result, file = self._state.result, self._state.file
        if result is None or file is None:
            return False
        try:
            count = save_rejected(result, file, path, reasons_header=self.tr("Problems"),
                                  translate=translate)
        except DomainError as exc:
            self.saved_label.setStyleSheet(PROBLEM_STYLE)
            self.saved_label.show_text(exc.render(translate))
            return False
        self.saved_label.setStyleSheet(OK_STYLE)
        self.saved_label.show_text(self.tr("Saved {count} rows to {path}").format(
            count=count, path=path
        ))
        return True


class ImportWizard(QWizard):
    """Import customers from an Excel or CSV file, step by step."""

    def __init__(self, service: CustomerService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = ImportState(service)
        # created before any job: destroyed last but one, it waits for them
        self.pool = QThreadPool(self)
        self.file_page = ImportFilePage(self.state, self.pool)
        self.columns_page = ImportColumnsPage(self.state)
        self.preview_page = ImportPreviewPage(self.state, self.pool)
        self.run_page = ImportRunPage(self.state, self.pool)
        self.summary_page = ImportSummaryPage(self.state)
        for page in (self.file_page, self.columns_page, self.preview_page, self.run_page,
                     self.summary_page):
            self.addPage(page)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.retranslate_ui()
        # QWizard lays its pages out only when shown: a minimum that fits a
        # 1366x768 screen at 150 % (910x490); the tables scroll below it
        self.setMinimumSize(MINIMUM_WIDTH, MINIMUM_HEIGHT)
        self._fit_screen()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import customers"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _fit_screen(self) -> None:
        """A roomy size for the preview's table, within the screen."""
        screen = self.screen()
        available = screen.availableGeometry() if screen is not None else None
        width, height = 1000, 640
        if available is not None:
            width = min(width, int(available.width() * 0.95))
            height = min(height, int(available.height() * 0.9))
        self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))

    def reject(self) -> None:
        """Cancel: while importing, stop the import (it rolls back) and show
        the summary; else close, stopping any reading or checking."""
        if self.run_page.running:
            self.run_page.cancel()
            return
        for page in (self.file_page, self.preview_page):
            job = page._job
            if job is not None and job.running:
                job.cancel()
        super().reject()

    @property
    def cancelled(self) -> bool:
        return isinstance(self.state.error, ImportCancelled)


def open_import_wizard(parent: QWidget | None, service: CustomerService) -> ImportWizard:
    """Show the import wizard (not modal: the window stays usable) and return it."""
    wizard = ImportWizard(service, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.show()
    return wizard
