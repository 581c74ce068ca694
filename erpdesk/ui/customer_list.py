"""The customers page: search as you type, filters, the lazily loaded table,
New / Edit / Delete, and the customer panel beside the table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QModelIndex,
    QObject,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.customer import CustomerStatus, Industry, Registration, Source
from erpdesk.domain.errors import DomainError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.regions import PROVINCES
from erpdesk.services.registration import PROTECTION_LABELS, PROTECTION_STATES
from erpdesk.ui.customer_detail import CustomerDetailPanel
from erpdesk.ui.customer_model import (
    COLUMN_KEYS,
    ID_ROLE,
    CustomerTableModel,
    protection_samples,
)
from erpdesk.ui.filter_bar import FilterBar
from erpdesk.ui.frozen_table import FrozenColumnTableView
from erpdesk.ui.widgets import EnumCombo, app_settings, enum_text, translate

if TYPE_CHECKING:
    from erpdesk.services.customers import CustomerService
    from erpdesk.ui.customer_editor import CustomerEditor
    from erpdesk.ui.workbench.runner import ApiRunner

CONTEXT = "CustomerListPage"
# Initial widths of the table's columns, in characters of the default font.
# Initial widths of the text columns: CJK characters, or sample text.
_WIDTHS = {"name": 18, "short_name": 6, "region": 8}
_SAMPLES = {
    "phone": "0531-85106000", "uscc": "91370000163446410B", "updated_at": "2025-01-01 00:00",
}
_ENUMS = {
    "industry": Industry, "source": Source, "status": CustomerStatus,
    "registration": Registration,
}
_MAX_ENUM_WIDTH = 150


class CustomerListPage(QWidget):
    """The customer list with its search, filters and panel.

    Signals:
        total_changed(int): customers matching the search and filters.
        current_changed(str): the selected customer's id ("" for none).
        editor_opened(QDialog): an editor was opened (for the window and tests).
    """

    total_changed = Signal(int)
    current_changed = Signal(str)
    editor_opened = Signal(object)
    # A customer was claimed from the pool (the registry's answer): the
    # window syncs at once, so that it arrives without waiting for the next run.
    pool_claimed = Signal(object)

    def __init__(
        self,
        service: CustomerService,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._settings = settings or app_settings()
        self._editors: dict[str, CustomerEditor] = {}
        self._keep_id: str | None = None

        self.model = CustomerTableModel(service, self)
        self.model.total_changed.connect(self.total_changed)
        self.model.total_changed.connect(lambda _n: self._show_empty())

        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.apply_filters)
        self.source_filter = EnumCombo(
            Source, QT_TRANSLATE_NOOP("CustomerListPage", "All sources"), empty_context=CONTEXT
        )
        self.status_filter = EnumCombo(
            CustomerStatus, QT_TRANSLATE_NOOP("CustomerListPage", "All statuses"),
            empty_context=CONTEXT,
        )
        self.industry_filter = EnumCombo(
            Industry, QT_TRANSLATE_NOOP("CustomerListPage", "All industries"),
            empty_context=CONTEXT,
        )
        self.protection_filter = QComboBox()  # codes of services.registration
        self.protection_filter.addItem("", None)
        for code in PROTECTION_STATES:
            self.protection_filter.addItem("", code)
        self.pool_button: QPushButton | None = None  # with set_pool_runner
        self.province_filter = QComboBox()
        self.province_filter.addItem("", None)
        for province in PROVINCES:
            self.province_filter.addItem(province.short, province.name)
        self.province_filter.setMaxVisibleItems(20)
        for combo in (self.source_filter, self.status_filter, self.province_filter,
                      self.industry_filter, self.protection_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
            combo.currentIndexChanged.connect(self.apply_filters)

        self.new_button = QPushButton()
        self.edit_button = QPushButton()
        self.delete_button = QPushButton()
        self.new_button.clicked.connect(lambda: self.new_customer())
        self.edit_button.clicked.connect(lambda: self.edit_customer())
        self.delete_button.clicked.connect(lambda: self.delete_customer())

        self.table = FrozenColumnTableView(fetch_all=self._fetch_all)
        self.table.setModel(self.model)
        # connected after the view's own handlers, which clear the selection
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 10
        )
        self.table.set_look()
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.fit_columns()
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.activated.connect(lambda index: self.edit_customer(index.data(ID_ROLE)))

        self.empty = QWidget(self.table)  # "nothing matches …" over the rows
        self.empty.setObjectName("emptySearch")
        self.empty.setAutoFillBackground(True)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #546e7a;")
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear_filters)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.empty.hide()
        self.table.viewport().installEventFilter(self)

        self.detail = CustomerDetailPanel(service, self)
        self.detail.edit_requested.connect(self.edit_customer)
        self.detail.shown.connect(lambda _id: self._update_buttons())
        self.detail.setMinimumWidth(340)

        # one row when wide, the filters below the search on a laptop at 125 %/150 %
        self.filter_bar = FilterBar(
            self.search_edit, self._filters(),
            (self.new_button, self.edit_button, self.delete_button),
        )  # fmt: skip
        self._bar = self.filter_bar.top

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("customerSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([780, 400])  # until the user's own split is restored
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        self.retranslate_ui()
        self._update_buttons()

    # -- texts -------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.search_edit.setPlaceholderText(
            self.tr("Search: name, pinyin initials (lc = 浪潮), phone, USCC")
        )
        self.province_filter.setItemText(0, self.tr("All provinces"))
        self.protection_filter.setItemText(0, self.tr("Any protection"))
        for i, code in enumerate(PROTECTION_STATES, start=1):
            self.protection_filter.setItemText(
                i, translate("Domain", PROTECTION_LABELS[code]))
        if self.pool_button is not None:
            self.pool_button.setText(self.tr("The pool…"))
        self.new_button.setText(self.tr("New customer"))
        self.edit_button.setText(self.tr("Edit"))
        self.delete_button.setText(self.tr("Delete"))
        self.model.retranslate()
        self._show_empty()
        self.filter_bar.rearrange()  # the texts' widths decide one row or two

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self.empty.setGeometry(self.table.viewport().geometry())
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def fit_columns(self) -> None:
        """Default column widths for the current language's labels."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        padding = 2 * metrics.averageCharWidth() + 8
        for column, key in enumerate(COLUMN_KEYS):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = metrics.horizontalAdvance(title) + padding + 16  # sort arrow
            if key in _WIDTHS:
                width = max(width, _WIDTHS[key] * metrics.horizontalAdvance("中"))
            elif key == "protection":  # "Until 2027-03-01" as the language writes it
                widest = max(metrics.horizontalAdvance(t) for t in protection_samples())
                width = max(width, widest + padding)
            elif key in _SAMPLES:
                width = max(width, metrics.horizontalAdvance(_SAMPLES[key]) + padding)
            else:
                labels = [enum_text(member) for member in _ENUMS[key]]
                widest = max(metrics.horizontalAdvance(label) for label in labels)
                width = max(width, min(widest + padding, _MAX_ENUM_WIDTH))
            header.resizeSection(column, width)

    # -- state -------------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("ui/customer_splitter", self.splitter.saveState())
        settings.setValue("ui/customer_header", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        splitter = settings.value("ui/customer_splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        header = settings.value("ui/customer_header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.table.horizontalHeader().restoreState(header)

    def _fetch_all(self) -> None:
        """Every customer of the search loaded, with a busy cursor meanwhile."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.model.fetch_all()
        finally:
            QApplication.restoreOverrideCursor()

    # -- filtering ---------------------------------------------------------------

    def _filters(self) -> list[QComboBox]:
        return [self.source_filter, self.status_filter, self.province_filter,
                self.industry_filter, self.protection_filter]  # fmt: skip

    def clear_filters(self) -> None:
        """Empty the search and set every filter back to "all"."""
        for combo in self._filters():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.apply_filters()

    def _show_empty(self) -> None:
        """Over an empty result, say what was searched and offer to clear it."""
        searched = self.search_edit.text().strip()
        picked = [combo.currentText() for combo in self._filters() if combo.currentIndex() > 0]
        if self.model.counted_total() != 0 or not (searched or picked):
            self.empty.hide()
            return
        sep = self.tr(", ")
        if searched and picked:
            text = self.tr("No customer matches “{text}” with the filters {filters}.")
        elif searched:
            text = self.tr("No customer matches “{text}”.")
        else:
            text = self.tr("No customer matches the filters {filters}.")
        self.empty_label.setText(text.format(text=searched, filters=sep.join(picked)))
        self.clear_button.setText(
            self.tr("Clear the search and filters") if picked else self.tr("Clear the search")
        )
        self.empty.setGeometry(self.table.viewport().geometry())
        self.empty.show()
        self.empty.raise_()

    def apply_filters(self) -> None:
        """Re-query with the search text and filters (on every keystroke)."""
        criteria = self._service.criteria(
            self.search_edit.text(),
            source=self.source_filter.current_code(),
            status=self.status_filter.current_code(),
            province=self.province_filter.currentData() or None,
            industry=self.industry_filter.current_code(),
            protection=self.protection_filter.currentData() or None,
        )
        self.model.set_criteria(criteria)

    def set_pool_runner(self, runner: ApiRunner | None) -> None:
        """Offer "The pool…" (browse and claim, online) through *runner*."""
        self._pool_runner = runner
        if runner is None or self.pool_button is not None:
            return
        self.pool_button = QPushButton(self.tr("The pool…"))
        self.pool_button.clicked.connect(lambda: self.open_pool())
        self._bar.insertWidget(self._bar.indexOf(self.new_button), self.pool_button)
        self.filter_bar.rearrange()

    def open_pool(self) -> QWidget | None:
        from erpdesk.ui.pool_dialog import PoolDialog

        runner: ApiRunner | None = getattr(self, "_pool_runner", None)
        if runner is None:
            return None
        dialog = PoolDialog(runner, self)
        dialog.claimed.connect(self.pool_claimed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- selection ---------------------------------------------------------------

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return index.siblingAtColumn(0).data(ID_ROLE)

    def select_customer(self, customer_id: str) -> bool:
        """Select *customer_id* if it is in the list; show it in the panel anyway."""
        row = self.model.row_of(customer_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.scrollTo(self.model.index(row, 0))
            return True
        self.table.clearSelection()
        self.detail.show_customer(customer_id)
        self._update_buttons()
        return False

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        customer_id = current.siblingAtColumn(0).data(ID_ROLE) if current.isValid() else None
        if customer_id != self.detail.customer_id:
            self.detail.show_customer(customer_id)
        self._update_buttons()
        self.current_changed.emit(customer_id or "")

    def _remember_selection(self) -> None:
        # What the panel shows is what the user looks at: the table's current
        # row may be another customer (the panel opened one outside the search).
        self._keep_id = self.detail.customer_id or self.current_id()

    def _restore_selection(self) -> None:
        keep, self._keep_id = self._keep_id, None
        if keep and self.model.row_of(keep) >= 0:
            self.select_customer(keep)
        elif keep and self.detail.customer_id == keep and self.detail.detail is not None:
            pass  # filtered out of the list but still exists: keep showing it
        else:
            self.detail.show_customer(None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.detail.customer_id is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    # -- actions -----------------------------------------------------------------

    def new_customer(self) -> CustomerEditor:
        return self._open_editor(None)

    def edit_customer(self, customer_id: str | None = None) -> CustomerEditor | None:
        customer_id = customer_id or self.detail.customer_id
        if not customer_id:
            return None
        return self._open_editor(customer_id)

    def _open_editor(self, customer_id: str | None) -> CustomerEditor:
        key = customer_id or ""
        editor = self._editors.get(key)
        if editor is not None:
            editor.raise_()
            editor.activateWindow()
            return editor
        from erpdesk.ui.customer_editor import CustomerEditor  # on first use: quicker start

        editor = CustomerEditor(self._service, customer_id, self._settings, parent=self)
        editor.setWindowFlag(Qt.WindowType.Window, True)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._editor_saved)
        editor.open_customer_requested.connect(self.show_customer_from_editor)
        editor.finished.connect(lambda _r, k=key: self._editors.pop(k, None))
        self._editors[key] = editor
        editor.show()
        self.editor_opened.emit(editor)
        return editor

    def show_customer_from_editor(self, customer_id: str) -> None:
        """An editor asked to see another customer (its duplicate): show it
        here and bring the main window forward; the editor stays open."""
        self.select_customer(customer_id)
        window = self.window()
        window.raise_()
        window.activateWindow()

    def close_editors(self) -> bool:
        """Close the open editors (each may ask about unsaved changes);
        False when one stays open."""
        for editor in list(self._editors.values()):
            editor.close()
        return not any(editor.isVisible() for editor in self._editors.values())

    def _editor_saved(self, customer_id: str) -> None:
        if not self.select_customer(customer_id):
            self.detail.show_customer(customer_id)

    def delete_customer(self, customer_id: str | None = None) -> bool:
        customer_id = customer_id or self.detail.customer_id
        detail = self.detail.detail
        if not customer_id:
            return False
        name = detail.customer.name if detail and detail.customer.id == customer_id else ""
        answer = QMessageBox.question(
            self,
            self.tr("Delete customer"),
            self.tr("Delete the customer {name} with its contacts and activities?").format(
                name=name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self._service.delete(customer_id)
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Delete customer"), exc.render(translate))
            return False
        return True
