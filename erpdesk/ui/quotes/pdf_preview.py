"""A PDF shown before it is saved: made on a worker thread (a busy bar
meanwhile), shown with QtPdf from memory, with page navigation, zoom and
"Save…".

``PdfPreview`` takes a function that makes the PDF's bytes (``make``); it
runs once on the preview's own thread pool, so the window stays responsive
while reportlab lays out the pages.  Nothing is written to disk until the
user saves, and then the file is written whole or not at all.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QPointF,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.os_errors import explain
from erpdesk.ui.widgets import PROBLEM_STYLE, settle_minimum_size, translate

ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 4.0)


class PdfDone(QObject):
    """Carries the worker's result to the GUI thread."""

    finished = Signal(object, str)  # bytes or None, error text


class PdfJob(QRunnable):
    def __init__(self, make: Callable[[], bytes], done: PdfDone) -> None:
        super().__init__()
        self._make = make
        self._done = done

    def run(self) -> None:
        try:
            data = self._make()
        except DomainError as exc:
            self._done.finished.emit(None, exc.render(translate))
            return
        except Exception as exc:  # shown to the user, not lost
            self._done.finished.emit(None, explain(exc)[0])
            return
        self._done.finished.emit(data, "")


def write_whole(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file beside it, so a
    failure leaves no half-written file (``OSError`` otherwise)."""
    folder = path.parent
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


class PdfPreview(QWidget):
    """A generated PDF in a window of its own.

    Signals:
        loaded(int): the PDF is shown (its page count).
        failed(str): it could not be made or read (the reason).
        saved(str): it was saved to this path.
    """

    loaded = Signal(int)
    failed = Signal(str)
    saved = Signal(str)

    def __init__(
        self,
        make: Callable[[], bytes],
        file_name: str,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("pdfPreview")
        self.file_name = file_name
        self.data: bytes | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._done = PdfDone(self)
        self._done.finished.connect(self._arrived)
        self.setWindowTitle(title or self.tr("PDF preview"))

        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setStyleSheet("QPdfView { background: #eceff1; }")
        navigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self._page_changed)

        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # busy, no percentage
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(320)
        self.busy_label = QLabel(self.tr("Making the PDF…"))
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(PROBLEM_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        busy = QWidget()
        busy_layout = QVBoxLayout(busy)
        busy_layout.addStretch(1)
        busy_layout.addWidget(self.busy_label)
        busy_layout.addWidget(self.busy_bar, 0, Qt.AlignmentFlag.AlignHCenter)
        busy_layout.addWidget(self.error_label)
        busy_layout.addStretch(2)
        self.stack = QStackedWidget()
        self.stack.addWidget(busy)
        self.stack.addWidget(self.view)

        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.page_label = QLabel()
        self.zoom_out_button = QPushButton("−")
        self.zoom_in_button = QPushButton("+")
        self.fit_button = QPushButton(self.tr("Fit width"))
        self.fit_button.setCheckable(True)
        self.zoom_label = QLabel()
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        for button in (self.zoom_out_button, self.zoom_in_button):
            button.setFixedWidth(36)
        self.zoom_out_button.setToolTip(self.tr("Zoom out"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in"))
        self.previous_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.fit_button.clicked.connect(self.fit_width)
        self.save_button.clicked.connect(self.ask_save)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self.zoom_by(ZOOM_STEP))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self.zoom_by(1 / ZOOM_STEP))
        QShortcut(QKeySequence.StandardKey.Save, self, self.ask_save)

        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_button)
        bar.addSpacing(16)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self._show_state()
        self.resize(980, 720)
        settle_minimum_size(self)
        self._pool.start(PdfJob(make, self._done))

    # -- loading ---------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.data is None and not self.error_label.text()

    def wait(self) -> None:
        """Block until the PDF is made (tests, closing)."""
        self._pool.waitForDone()

    def _arrived(self, data: Any, error: str) -> None:
        if data is None:
            self._fail(error)
            return
        self.load_bytes(data)

    def load_bytes(self, data: bytes) -> bool:
        """Show the PDF *data*; False (and the reason shown) when Qt cannot read it."""
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)  # a buffer with every byte loads at once
        if self.document.status() != QPdfDocument.Status.Ready or self.document.pageCount() < 1:
            buffer.close()
            buffer.deleteLater()
            self._fail(self.tr("The PDF could not be read."))
            return False
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer  # read by the document while it is shown
        self.data = data
        self.stack.setCurrentIndex(1)
        self._show_state()
        self.loaded.emit(self.document.pageCount())
        return True

    def _fail(self, error: str) -> None:
        self.busy_bar.hide()
        self.busy_label.setText(self.tr("The PDF could not be made."))
        self.error_label.setText(error)
        self.stack.setCurrentIndex(0)
        self._show_state()
        self.failed.emit(error)

    # -- moving around ---------------------------------------------------------

    def page_count(self) -> int:
        return self.document.pageCount() if self.data is not None else 0

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        if 0 <= page < self.page_count():
            self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())
            self._show_state()

    def zoom_by(self, factor: float) -> None:
        if self.data is None:
            return
        zoom = min(max(self.effective_zoom() * factor, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(zoom)
        self._show_state()

    def effective_zoom(self) -> float:
        """The zoom the pages are shown at (in fit-width mode, what the
        view's width makes it), 1.0 being the page's real size."""
        if self.view.zoomMode() != QPdfView.ZoomMode.FitToWidth or not self.page_count():
            return float(self.view.zoomFactor())
        points = self.document.pagePointSize(max(self.current_page(), 0)).width()
        margins = self.view.documentMargins()
        room = self.view.viewport().width() - margins.left() - margins.right()
        pixels = points * self.view.logicalDpiX() / 72
        return room / pixels if pixels > 0 and room > 0 else 1.0

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_state()

    def _page_changed(self, _page: int) -> None:
        # the view reports its last page while the window is torn down
        if shiboken6.isValid(self.document) and shiboken6.isValid(self.page_label):
            self._show_state()

    def _show_state(self) -> None:
        count = self.page_count()
        page = self.current_page() if count else -1
        if count:
            self.page_label.setText(
                self.tr("Page {page} of {count}").format(page=page + 1, count=count)
            )
        else:
            self.page_label.setText("")
        self.previous_button.setEnabled(count > 0 and page > 0)
        self.next_button.setEnabled(count > 0 and page < count - 1)
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            button.setEnabled(count > 0)
        self.save_button.setEnabled(self.data is not None)
        fitted = self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
        self.fit_button.setChecked(fitted)
        self.zoom_label.setText("" if fitted else f"{round(self.view.zoomFactor() * 100)} %")

    # -- saving ----------------------------------------------------------------

    def ask_save(self) -> bool:
        if self.data is None:
            return False
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the PDF"), str(Path.home() / self.file_name), "PDF (*.pdf)"
        )
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write the shown PDF to *path*; False (after a message) if it fails."""
        if self.data is None:
            return False
        try:
            write_whole(path, self.data)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Save the PDF"),
                self.tr("The PDF could not be saved to {path}: {reason}").format(
                    path=path, reason=explain(exc)[0]
                ),
            )
            return False
        self.saved.emit(str(path))
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        self._pool.clear()
        self._pool.waitForDone()  # no worker reports to a closed window
        super().closeEvent(event)


def show_pdf(
    parent: QWidget | None, make: Callable[[], bytes], file_name: str, title: str = ""
) -> PdfPreview:
    """Open a preview window making its PDF with *make* (deleted when closed)."""
    preview = PdfPreview(make, file_name, title, parent)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.show()
    return preview
