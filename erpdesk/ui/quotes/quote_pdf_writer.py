"""The quote PDF from the window: its bytes made by the documents layer,
and a writer that makes them on a worker thread and saves them whole,
reporting on a status label."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from erpdesk.os_errors import explain
from erpdesk.ui.quotes.pdf_preview import PdfDone, PdfJob, write_whole

if TYPE_CHECKING:
    from erpdesk.documents.quote_pdf import QuoteDocument
    from erpdesk.domain.quote import Quote


def quote_pdf_data(document: QuoteDocument) -> bytes:
    """The quote PDF of *document* as bytes (made by the documents layer)."""
    from erpdesk.documents import quote_pdf

    make = getattr(quote_pdf, "quote_pdf_bytes", None)
    if make is not None:
        return bytes(make(document))
    handle, name = tempfile.mkstemp(suffix=".pdf")
    os.close(handle)
    path = Path(name)
    try:
        quote_pdf.write_quote_pdf(path, document)
        return path.read_bytes()
    finally:
        path.unlink(missing_ok=True)


def pdf_file_name(quote: Quote) -> str:
    """The file name a quote's PDF is offered under: number and version."""
    return f"{quote.number}-v{quote.version}.pdf"


class PdfWriter(QObject):
    """Makes a PDF on its own worker and writes it to a file, one at a time;
    *status* tells the user how it goes, *button* is disabled meanwhile.

    Signals:
        written(str): the file was written (its path).
    """

    written = Signal(str)

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

    def write(self, make: Callable[[], bytes], path: Path) -> None:
        self._target = path
        self._status.setText(self.tr("Making the PDF…"))
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
        title = self.tr("Save the quote PDF")
        if data is None or path is None:
            QMessageBox.warning(self._window, title, error)
            return
        try:
            write_whole(path, data)
        except OSError as exc:
            reason = explain(exc)[0]
            QMessageBox.warning(
                self._window,
                title,
                self.tr("The PDF could not be saved to {path}: {reason}").format(
                    path=path, reason=reason
                ),
            )
            return
        self._status.setText(self.tr("Saved {name}").format(name=path.name))
        self.written.emit(str(path))
