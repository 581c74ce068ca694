"""The knowledge base tab: a search box answered at every keystroke from an
in-memory index, a filter by kind, the result list and a reader pane.

The base is read and indexed (the pinyin of every text: a fifth of a second
on the shipped base) on a worker thread while the tab says it is loading;
after that a keystroke is a search of the index and a reset of the list
model, on the UI thread, with no I/O.  With the desk's content service the
tab also edits the base (``KnowledgeEditBar``) and reads it again, on the
worker, after every change.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.knowledge import KnowledgeBase, Module, UnknownEntry
from erpdesk.services.knowledge_search import KnowledgeHit, KnowledgeIndex
from erpdesk.ui.presales.knowledge_html import demo_plain_text, entry_html
from erpdesk.ui.presales.knowledge_model import (
    GROUP_LABELS,
    HIT_ROLE,
    KINDS,
    KnowledgeResultDelegate,
    KnowledgeResultModel,
)
from erpdesk.ui.widgets import PROBLEM_STYLE, translate

Loader = Callable[[], KnowledgeBase]
# What an empty result says when one kind is shown.
NO_MATCH_OF_KIND = {
    "module": QT_TRANSLATE_NOOP("KnowledgeView", "No module matches “{query}”."),
    "demo": QT_TRANSLATE_NOOP("KnowledgeView", "No demo script matches “{query}”."),
    "industry": QT_TRANSLATE_NOOP("KnowledgeView", "No industry matches “{query}”."),
    "competitor": QT_TRANSLATE_NOOP("KnowledgeView", "No competitor matches “{query}”."),
}
READER_DELAY_MS = 120
LOADING_PAGE, RESULTS_PAGE, EMPTY_PAGE, ERROR_PAGE = range(4)


class _Done(QObject):
    """Carries the worker's result to the UI thread (queued)."""

    finished = Signal(object, object, object)  # base, index, error


class _IndexJob(QRunnable):
    """Reads the knowledge base and builds its index."""

    def __init__(self, load: Loader, done: _Done) -> None:
        super().__init__()
        self._load = load
        self._done = done

    def run(self) -> None:
        try:
            base = self._load()
            index = KnowledgeIndex(base)
        except DomainError as exc:
            self._done.finished.emit(None, None, exc)
            return
        self._done.finished.emit(base, index, None)


def _default_loader() -> KnowledgeBase:
    from erpdesk.knowledge import read_knowledge

    return read_knowledge()


class KnowledgeView(QWidget):
    """Search and read the knowledge base.

    Signals:
        loaded(): the index is built (or the base could not be read).
        entry_shown(str, str): the reader shows the entry (kind, code).
    """

    loaded = Signal()
    entry_shown = Signal(str, str)

    def __init__(self, load: Loader | None = None, parent: QWidget | None = None,
                 content: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("knowledgeView")
        self.base: KnowledgeBase | None = None
        self.index: KnowledgeIndex | None = None
        self.shown: tuple[str, str] | None = None  # the reader's entry (kind, code)
        self.load_thread: int | None = None  # the thread the base was read on
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._done = _Done(self)
        self._done.finished.connect(self._arrived)
        self._last_query = ""
        self._pending_show: tuple[str, str] | None = None  # shown again after a reload
        # the reader shows the best hit when typing pauses: a keystroke only
        # searches and resets the list
        self._reader_timer = QTimer(self)
        self._reader_timer.setSingleShot(True)
        self._reader_timer.setInterval(READER_DELAY_MS)
        self._reader_timer.timeout.connect(self.show_current)

        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.refresh)
        self.kind_combo = QComboBox()
        self.kind_combo.currentIndexChanged.connect(self.refresh)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #607d8b;")
        bar = QHBoxLayout()
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.kind_combo)

        self.model = KnowledgeResultModel(self)
        self.list_view = QListView()
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(KnowledgeResultDelegate(self.list_view))
        self.list_view.setUniformItemSizes(False)
        self.list_view.setMouseTracking(True)
        self.list_view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list_view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.list_view.clicked.connect(self._current_changed)

        self.loading_label = QLabel()
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_label.setStyleSheet("color: #78909c;")
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear_search)
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(PROBLEM_STYLE)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.results = QStackedWidget()
        for widget in (self.loading_label, self.list_view, empty, self.error_label):
            self.results.addWidget(widget)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.count_label)
        left_layout.addWidget(self.results, 1)

        self.reader = QTextBrowser()
        self.reader.setObjectName("knowledgeReader")
        self.reader.setOpenLinks(False)
        self.reader.anchorClicked.connect(self._follow_link)
        self.copy_button = QPushButton()
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_demo_script)
        reader_bar = QHBoxLayout()
        reader_bar.addStretch(1)
        reader_bar.addWidget(self.copy_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.edit_bar: QWidget | None = None
        if content is not None:  # a desk: its own edits of the base
            from erpdesk.ui.presales.knowledge_editor_bar import KnowledgeEditBar

            self.edit_bar = KnowledgeEditBar(self, content)
            right_layout.addWidget(self.edit_bar)
        right_layout.addWidget(self.reader, 1)
        right_layout.addLayout(reader_bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([420, 620])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.retranslate_ui()
        self.results.setCurrentIndex(LOADING_PAGE)
        self._load = self._recorded(load or _default_loader)
        self._pool.start(_IndexJob(self._load, self._done))

    def _recorded(self, load: Loader) -> Loader:
        def run() -> KnowledgeBase:
            self.load_thread = threading.get_ident()
            return load()
        return run

    # -- texts -----------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.search_edit.setPlaceholderText(
            self.tr("Search: Chinese, pinyin or initials")
        )
        current = self.kind_combo.currentData()
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        self.kind_combo.addItem(self.tr("All kinds"), "")
        for kind in KINDS:
            self.kind_combo.addItem(translate("KnowledgeView", GROUP_LABELS[kind]), kind)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(current or ""), 0))
        self.kind_combo.blockSignals(False)
        self.loading_label.setText(self.tr("Loading the knowledge base…"))
        self.clear_button.setText(self.tr("Clear the search"))
        self.copy_button.setText(self.tr("Copy demo script"))
        self.copy_button.setToolTip(
            self.tr("Copy the demo script's steps and data to prepare as plain text")
        )
        if self.index is not None:
            self.refresh()
            if self.shown is not None:
                self.show_entry(*self.shown)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- loading ---------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self.index is None and self.results.currentIndex() == LOADING_PAGE

    def wait(self) -> None:
        """Block until the index is built (tests, screenshots)."""
        self._pool.waitForDone()

    def reload(self, show: tuple[str, str] | None = None) -> None:
        """Read the base and build the index again (on the worker) after an
        edit; the reader then shows *show* (default: the shown entry)."""
        self._pending_show = show or self.shown
        self._pool.start(_IndexJob(self._load, self._done))

    def close_page(self) -> None:
        self._reader_timer.stop()
        self._pool.clear()
        self._pool.waitForDone()

    def _arrived(self, base: KnowledgeBase | None, index: KnowledgeIndex | None,
                 error: DomainError | None) -> None:
        if error is not None or base is None or index is None:
            self.error_label.setText(
                self.tr("The knowledge base cannot be shown:") + "\n"
                + (error.render(translate) if error is not None else "")
            )
            self.results.setCurrentIndex(ERROR_PAGE)
            self.loaded.emit()
            return
        self.base, self.index = base, index
        pending, self._pending_show = self._pending_show, None
        if pending is not None and not self._has(*pending):
            pending = None  # removed: the list's first entry instead
        self.shown = pending  # its row is selected if the list has it
        self.refresh()
        if pending is not None:
            self.show_entry(*pending)  # its new text, even if still selected
        else:
            self.show_current()  # the first entry at once
        self.loaded.emit()

    def _has(self, kind: str, code: str) -> bool:
        try:
            entry_html(self.base, kind, code) if self.base is not None else None
        except UnknownEntry:
            return False
        return self.base is not None

    # -- searching -------------------------------------------------------------

    def kind(self) -> str:
        return str(self.kind_combo.currentData() or "")

    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind), 0))

    def refresh(self) -> None:
        """Answer the search box and the kind filter from the index."""
        if self.index is None:
            return
        query = self.search_edit.text().strip()
        kind = self.kind()
        hits: list[KnowledgeHit] = self.index.search(query)
        if kind:
            hits = [hit for hit in hits if hit.entry.kind == kind]
        self.model.set_hits(hits, grouped=not query)
        self._show_count(query, len(hits))
        if not hits:
            self._show_empty(query, kind)
            return
        self.results.setCurrentIndex(RESULTS_PAGE)
        # a new query selects its best hit; a new kind keeps the entry read
        row = -1
        if self.shown is not None and query == self._last_query:
            row = self.model.row_of(*self.shown)
        self._last_query = query
        if row < 0:
            row = self.model.first_hit_row()
        selection = self.list_view.selectionModel()
        selection.blockSignals(True)  # the reader follows once typing pauses
        self.list_view.setCurrentIndex(self.model.index(row, 0))
        selection.blockSignals(False)
        self.list_view.scrollTo(self.model.index(row, 0))
        self._reader_timer.start()

    def _show_count(self, query: str, n: int) -> None:
        if n == 0:
            self.count_label.setText("")  # the empty result says it
        elif not query:
            self.count_label.setText(self.tr("{n} entries").format(n=n))
        elif n == 1:
            self.count_label.setText(self.tr("1 entry found"))
        else:
            self.count_label.setText(self.tr("{n} entries found").format(n=n))

    def _show_empty(self, query: str, kind: str) -> None:
        if kind and query:
            text = translate("KnowledgeView", NO_MATCH_OF_KIND[kind]).format(query=query)
        elif kind:
            text = self.tr("The knowledge base has no entries of this kind.")
        else:
            text = self.tr("Nothing in the knowledge base matches “{query}”.").format(query=query)
        self.empty_label.setText(text)
        self.results.setCurrentIndex(EMPTY_PAGE)

    def clear_search(self) -> None:
        """Empty the search box and show every kind."""
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(0)
        self.kind_combo.blockSignals(False)
        if self.search_edit.text():
            self.search_edit.clear()  # refreshes
        else:
            self.refresh()
        self.search_edit.setFocus()

    # -- reading ---------------------------------------------------------------

    def show_current(self) -> None:
        """Read the list's current entry (when typing pauses)."""
        self._current_changed(self.list_view.currentIndex(), QModelIndex())

    def _current_changed(self, current: QModelIndex, _previous: object = None) -> None:
        self._reader_timer.stop()
        hit = current.data(HIT_ROLE) if current.isValid() else None
        if isinstance(hit, KnowledgeHit) and (hit.entry.kind, hit.entry.code) != self.shown:
            self.show_entry(hit.entry.kind, hit.entry.code)

    def show_entry(self, kind: str, code: str) -> None:
        """Show the entry *kind*/*code* in the reader."""
        if self.base is None:
            return
        try:
            html = entry_html(self.base, kind, code)
        except UnknownEntry as exc:
            self.reader.setPlainText(exc.render(translate))
            return
        self.reader.setHtml(html)
        self.shown = (kind, code)
        self.copy_button.setEnabled(kind == "demo")
        self.entry_shown.emit(kind, code)

    def _follow_link(self, url: QUrl) -> None:
        kind, _, code = url.toString().partition(":")
        if kind not in KINDS or not code:
            return
        self.show_entry(kind, code)
        row = self.model.row_of(kind, code)
        self.list_view.selectionModel().blockSignals(True)
        if row >= 0:
            self.list_view.setCurrentIndex(self.model.index(row, 0))
        else:
            self.list_view.clearSelection()
        self.list_view.selectionModel().blockSignals(False)
        self.list_view.viewport().update()

    def copy_demo_script(self) -> str:
        """Put the shown demo script on the clipboard as plain text (and
        return it); "" when the reader shows no demo script."""
        if self.base is None or self.shown is None or self.shown[0] != "demo":
            return ""
        demo = self.base.demo(self.shown[1])
        module: Module | None
        try:
            module = self.base.module(demo.module)
        except UnknownEntry:
            module = None
        text = demo_plain_text(demo, module)
        QGuiApplication.clipboard().setText(text)
        return text
