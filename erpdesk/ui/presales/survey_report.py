"""The survey report PDF from the survey editor: its content gathered on
the UI thread (the saved survey, the customer's and the deal's names, the
questionnaires, the branding, the window's language), its bytes made by
``erpdesk.documents.survey_pdf`` on a worker, the file written whole or not
at all (``write_whole``) with a message when it cannot be written."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from erpdesk.os_errors import explain
from erpdesk.ui.quotes.pdf_preview import PdfDone, PdfJob, write_whole

if TYPE_CHECKING:
    from erpdesk.domain.branding import Branding
    from erpdesk.domain.presales import PresalesTask
    from erpdesk.domain.questionnaire import Questionnaires

# Characters a file name may not hold on Windows, macOS or Linux.
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\s]+')


@dataclass(frozen=True)
class SurveyReport:
    """What the survey report is made of (gathered on the UI thread)."""

    task: PresalesTask
    customer_name: str
    deal_name: str
    questionnaires: Questionnaires
    branding: Branding
    language: str
    consultant: str = ""
    module_names: Mapping[str, str] = field(default_factory=dict)


def survey_pdf_bytes(report: SurveyReport) -> bytes:
    """The report's PDF as bytes (written to a temporary folder and read
    back: the documents layer writes files)."""
    from erpdesk.documents.survey_pdf import write_survey_report

    with tempfile.TemporaryDirectory(prefix="erpdesk-survey-") as folder:
        path = write_survey_report(
            Path(folder) / "survey.pdf", task=report.task, customer_name=report.customer_name,
            deal_name=report.deal_name, questionnaire=report.questionnaires,
            branding=report.branding, language=report.language, consultant=report.consultant,
            module_names=report.module_names,
        )  # fmt: skip
        return path.read_bytes()


def report_file_name(customer_name: str, day: date) -> str:
    """ "需求调研报告-华东精密机械-2026-12-08.pdf": the report, the customer
    and the survey's date, safe as a file name everywhere."""
    title = QCoreApplication.translate("SurveyReport", "Survey report")
    parts = (title, customer_name.strip(), day.isoformat())
    name = "-".join(_NOT_IN_NAMES.sub("_", p) for p in parts if p)
    return f"{name}.pdf"


class SurveyPdfWriter(QObject):
    """Makes the report on its own worker and writes it to a file, one at a
    time; *status* says how it goes, *button* is disabled meanwhile.

    Signals:
        written(str): the file was written (its path).
        failed(str): it was not (the reason, also shown in a message box).
    """

    written = Signal(str)
    failed = Signal(str)

    def __init__(self, window: QWidget, status: QLabel, button: QPushButton) -> None:
        super().__init__(window)
        self._window = window
        self._status = status
        self._button = button
        self._target: Path | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.done = PdfDone(self)
        self.done.finished.connect(self._made)

    @property
    def busy(self) -> bool:
        return self._target is not None

    def write(self, make: Callable[[], bytes], path: Path) -> None:
        self._target = path
        self._status.setText(self.tr("Making the survey report…"))
        self._button.setEnabled(False)
        self._pool.start(PdfJob(make, self.done))

    def wait(self) -> None:
        """Block until the worker is idle (tests, closing)."""
        self._pool.waitForDone()

    def stop(self) -> None:
        self._pool.clear()
        self._pool.waitForDone()

    def _made(self, data: Any, error: str) -> None:
        path, self._target = self._target, None
        self._button.setEnabled(True)
        self._status.setText("")
        if data is None or path is None:
            self._fail(error)
            return
        try:
            write_whole(path, data)
        except OSError as exc:
            self._fail(
                self.tr("The survey report could not be saved to {path}: {reason}").format(
                    path=path, reason=explain(exc)[0]
                )
            )
            return
        self._status.setText(self.tr("Saved {name}").format(name=path.name))
        self.written.emit(str(path))

    def _fail(self, text: str) -> None:
        QMessageBox.warning(self._window, self.tr("Survey report PDF"), text)
        self.failed.emit(text)
