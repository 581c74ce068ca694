"""The catalogue page: the items grouped by kind with their price in the
chosen price list, the price lists and when each is valid, the chosen
item's description and FAB statements; editing an item, importing the
whole catalogue from XLSX (all or nothing, the problems listed by sheet
and row) and exporting it.

Import and export run on a worker thread; the page shows the catalogue
again when the service reports it changed.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.catalogue import Catalogue, CatalogueError, CatalogueItem, PriceList
from erpdesk.domain.errors import DomainError
from erpdesk.domain.money import format_money
from erpdesk.domain.quote import ItemKind, percent_text
from erpdesk.services.events import Change
from erpdesk.ui.funnel.worksheet_widgets import ui_language
from erpdesk.ui.quotes.quote_lines_model import refilter
from erpdesk.ui.widgets import (
    OK_STYLE,
    PROBLEM_STYLE,
    WARNING_STYLE,
    EnumCombo,
    FeedBridge,
    enum_text,
    translate,
)

if TYPE_CHECKING:
    from erpdesk.ui.quotes import QuoteServices
    from erpdesk.ui.quotes.catalogue_item_dialog import CatalogueItemDialog

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("name", "code", "unit", "basis", "vat", "price", "active")


class _Done(QObject):
    finished = Signal(str, object, object)  # what, result, error


class _Job(QRunnable):
    """Runs one import or export off the GUI thread."""

    def __init__(self, what: str, work: Any, done: _Done) -> None:
        super().__init__()
        self._what = what
        self._work = work
        self._done = done

    def run(self) -> None:
        try:
            result = self._work()
        except DomainError as exc:
            self._done.finished.emit(self._what, None, exc)
            return
        except OSError as exc:
            self._done.finished.emit(self._what, None, exc)
            return
        self._done.finished.emit(self._what, result, None)


class _ItemFilter(QSortFilterProxyModel):
    """Items whose code or name holds the text, of the chosen kind; a kind's
    row shows while one of its items does."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.kind: str | None = None
        self.setRecursiveFilteringEnabled(True)

    def set_filter(self, text: str, kind: str | None) -> None:
        def change() -> None:
            self.text, self.kind = text.strip().casefold(), kind

        refilter(self, change)

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        code = index.data(CODE_ROLE)
        if not code:
            return False  # a kind's row shows through its items (recursive)
        if self.kind and index.data(KIND_ROLE) != self.kind:
            return False
        if not self.text:
            return True
        haystack = " ".join(
            str(model.index(source_row, c, source_parent).data() or "") for c in range(3)
        )
        return self.text in haystack.casefold() or self.text in str(code).casefold()


def validity_text(price_list: PriceList) -> str:
    """ "2026-01-01 – 2026-12-31" or "from 2027-01-01"."""
    if price_list.valid_until is None:
        return QCoreApplication.translate("CataloguePage", "from {start}").format(
            start=price_list.valid_from
        )
    return f"{price_list.valid_from} – {price_list.valid_until}"


class CataloguePage(QWidget):
    """The catalogue and its price lists.

    Signals:
        imported(int): a catalogue was imported (its number of items).
        import_failed(int): an import was refused (its number of problems).
        exported(str): the catalogue was written to this path.
    """

    imported = Signal(int)
    import_failed = Signal(int)
    exported = Signal(str)

    def __init__(self, services: QuoteServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cataloguePage")
        self._services = services
        self.catalogue: Catalogue | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._done = _Done(self)
        self._done.finished.connect(self._job_done)
        self.busy = False

        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.kind_combo = EnumCombo(ItemKind, "", empty_context="CataloguePage")
        self.filter_edit.textChanged.connect(lambda _t: self._apply_filter())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.new_button = QPushButton()
        self.edit_button = QPushButton()
        self.import_button = QPushButton()
        self.export_button = QPushButton()
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_current)
        self.import_button.clicked.connect(self.ask_import)
        self.export_button.clicked.connect(self.ask_export)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 2)
        bar.addWidget(self.kind_combo, 1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addStretch(1)
        bar.addWidget(self.import_button)
        bar.addWidget(self.export_button)

        self.list_caption = QLabel()
        self.list_combo = QComboBox()
        self.list_combo.setMinimumContentsLength(30)
        self.list_combo.currentIndexChanged.connect(lambda _i: self._show_items())
        self.validity_label = QLabel()
        self.version_label = QLabel()
        self.version_label.setStyleSheet("color: #78909c;")
        lists = QHBoxLayout()
        lists.addWidget(self.list_caption)
        lists.addWidget(self.list_combo)
        lists.addWidget(self.validity_label, 1)
        lists.addWidget(self.version_label)

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.proxy = _ItemFilter(self)
        self.proxy.setSourceModel(self.model)
        self.tree = QTreeView()
        self.tree.setObjectName("catalogueTree")
        self.tree.setModel(self.proxy)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.doubleClicked.connect(lambda _i: self.edit_current())
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((260, 130, 74, 90, 56, 110, 50)):
            self.tree.setColumnWidth(column, width)
        self.tree.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_detail())

        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([800, 420])

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.problems_list = QListWidget()
        self.problems_list.setMaximumHeight(140)
        self.problems_list.setStyleSheet("QListWidget { color: #c62828; }")
        self.problems_list.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addLayout(lists)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.problems_list)
        self._bridge = FeedBridge(services.quotes.feed, self)
        self._bridge.changed.connect(self._on_change)
        self.retranslate_ui()
        self.reload()

    # -- texts -------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("Filter by code or name"))
        self.kind_combo.set_empty_text(self.tr("Every kind"))
        self.new_button.setText(self.tr("New item…"))
        self.edit_button.setText(self.tr("Edit item…"))
        self.import_button.setText(self.tr("Import XLSX…"))
        self.export_button.setText(self.tr("Export XLSX…"))
        self.list_caption.setText(self.tr("Price list"))
        self.model.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Code"), self.tr("Unit"), self.tr("Basis"),
             self.tr("VAT %"), self.tr("Price (CNY)"), self.tr("Active")]
        )  # fmt: skip
        if self.catalogue is not None:
            self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- showing -----------------------------------------------------------------

    def reload(self) -> None:
        try:
            self.catalogue = self._services.quotes.catalogue()
        except DomainError as exc:
            self.catalogue = None
            self.status_label.setText(exc.render(translate))
            self.status_label.setStyleSheet(PROBLEM_STYLE)
            return
        self._show()

    def _on_change(self, change: Change) -> None:
        if change.entity == "catalogue":
            self.reload()

    def price_list(self) -> PriceList | None:
        """The price list chosen above the items."""
        if self.catalogue is None:
            return None
        code = self.list_combo.currentData()
        return next((p for p in self.catalogue.price_lists if p.code == code), None)

    def _show(self) -> None:
        catalogue = self.catalogue
        assert catalogue is not None
        today = date.today()
        current = catalogue.price_list_on(today)
        chosen = self.list_combo.currentData() or (current.code if current else None)
        self.list_combo.blockSignals(True)
        self.list_combo.clear()
        language = ui_language()
        for price_list in catalogue.price_lists:
            text = f"{price_list.name.get(language)} · {validity_text(price_list)}"
            if current is not None and price_list.code == current.code:
                text += " · " + self.tr("in force")
            self.list_combo.addItem(text, price_list.code)
        self.list_combo.setCurrentIndex(max(self.list_combo.findData(chosen), 0))
        self.list_combo.blockSignals(False)
        self.version_label.setText(self.tr("Catalogue {version}").format(version=catalogue.version))
        self._show_items()

    def _show_validity(self, price_list: PriceList | None) -> None:
        today = date.today()
        if price_list is None:
            self.validity_label.setText(self.tr("No price list: items have no price."))
            self.validity_label.setStyleSheet(WARNING_STYLE)
            return
        mode = (
            self.tr("prices include VAT")
            if price_list.tax_inclusive
            else self.tr("prices exclude VAT")
        )
        if price_list.valid_from > today:
            state = self.tr("not yet valid: from {day}").format(day=price_list.valid_from)
            style = WARNING_STYLE
        elif price_list.valid_until is not None and price_list.valid_until < today:
            state = self.tr("expired on {day}").format(day=price_list.valid_until)
            style = PROBLEM_STYLE
        else:
            state = self.tr("valid today")
            style = OK_STYLE
        self.validity_label.setText(f"{state} · {mode}")
        self.validity_label.setStyleSheet(style)

    def _show_items(self) -> None:
        catalogue = self.catalogue
        if catalogue is None:
            return
        price_list = self.price_list()
        self._show_validity(price_list)
        current = self._current_code()
        language = ui_language()
        self.model.removeRows(0, self.model.rowCount())
        for kind in ItemKind:
            items = [i for i in catalogue.items if i.kind is kind]
            if not items:
                continue
            group = QStandardItem(f"{enum_text(kind)} ({len(items)})")
            font = group.font()
            font.setBold(True)
            group.setFont(font)
            group.setData(kind.value, KIND_ROLE)
            cells = [group] + [QStandardItem("") for _ in COLUMNS[1:]]
            for item in items:
                group.appendRow(self._item_row(catalogue, item, price_list, language))
            self.model.appendRow(cells)
        self.tree.expandAll()
        self._apply_filter()
        if current:
            self.select(current)
        self._show_detail()

    def _item_row(
        self, catalogue: Catalogue, item: CatalogueItem, price_list: PriceList | None, language: str
    ) -> list[QStandardItem]:
        price = price_list.prices.get(item.code) if price_list is not None else None
        if price is not None:
            price_text = format_money(price)
        elif item.kind is ItemKind.MAINTENANCE and item.maintenance_percent is not None:
            price_text = self.tr("{percent} % of licences").format(
                percent=percent_text(item.maintenance_percent)
            )
        else:
            price_text = "—"
        own_rate = item.vat_rate is not None
        texts = [
            item.name.get(language),
            item.code,
            item.unit.get(language),
            enum_text(item.basis) if item.basis else "",
            percent_text(catalogue.vat_rate_of(item)) + ("" if own_rate else "*"),
            price_text,
            "✓" if item.active else "—",
        ]
        row = [QStandardItem(text) for text in texts]
        for cell in row:
            cell.setData(item.code, CODE_ROLE)
            cell.setData(item.kind.value, KIND_ROLE)
            if not item.active:
                cell.setForeground(QColor("#90a4ae"))
        for column in (4, 5):
            row[column].setTextAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        if not own_rate:
            row[4].setToolTip(self.tr("* the kind's VAT rate"))
        if price is None and item.kind is not ItemKind.MAINTENANCE and price_list is not None:
            row[5].setForeground(QColor("#c62828"))
            row[5].setToolTip(self.tr("No price in this price list"))
        return row

    def _apply_filter(self) -> None:
        self.proxy.set_filter(self.filter_edit.text(), self.kind_combo.current_code())
        self.tree.expandAll()

    def _current_code(self) -> str | None:
        index = self.tree.currentIndex()
        code = index.data(CODE_ROLE) if index.isValid() else None
        return str(code) if code else None

    def current_item(self) -> CatalogueItem | None:
        code = self._current_code()
        if code is None or self.catalogue is None:
            return None
        return next((i for i in self.catalogue.items if i.code == code), None)

    def select(self, code: str) -> bool:
        """Make the item *code* current; False when it is not shown."""
        for g in range(self.proxy.rowCount()):
            group = self.proxy.index(g, 0)
            for r in range(self.proxy.rowCount(group)):
                index = self.proxy.index(r, 0, group)
                if index.data(CODE_ROLE) == code:
                    self.tree.setCurrentIndex(index)
                    return True
        return False

    def visible_codes(self) -> list[str]:
        """The codes of the items the filter shows, in order."""
        out: list[str] = []
        for g in range(self.proxy.rowCount()):
            group = self.proxy.index(g, 0)
            out += [
                str(self.proxy.index(r, 0, group).data(CODE_ROLE))
                for r in range(self.proxy.rowCount(group))
            ]
        return out

    def _show_detail(self) -> None:
        item = self.current_item()
        self.edit_button.setEnabled(item is not None)
        if item is None:
            hint = html.escape(self.tr("Choose an item to see it."))
            self.detail.setHtml(f"<p style='color:#78909c'>{hint}</p>")
            return
        language = ui_language()
        other = "en" if language.startswith("zh") else "zh_CN"
        parts = [
            f"<h3>{html.escape(item.name.get(language))}</h3>",
            f"<p style='color:#546e7a'>{html.escape(item.name.get(other))} · {item.code}</p>",
        ]
        if item.module:
            parts.append(
                "<p>"
                + html.escape(self.tr("ERP module: {module}").format(module=item.module))
                + "</p>"
            )
        description = item.description.get(language)
        if description:
            parts.append(f"<p>{html.escape(description)}</p>")
        if item.fab:
            fab_title = html.escape(self.tr("FAB"))
            parts.append(f"<h4>{fab_title}</h4><ol>")
            for fab in item.fab:
                parts.append(
                    "<li><b>{f}</b><br/>{a_label}: {a}<br/>{b_label}: {b}</li>".format(
                        f=html.escape(fab.feature.get(language)),
                        a_label=html.escape(self.tr("Advantage")),
                        a=html.escape(fab.advantage.get(language)),
                        b_label=html.escape(self.tr("Benefit")),
                        b=html.escape(fab.benefit.get(language)),
                    )
                )
            parts.append("</ol>")
        self.detail.setHtml("".join(parts))

    # -- editing -----------------------------------------------------------------

    def new_item(self) -> CatalogueItemDialog | None:
        return self._edit(None)

    def edit_current(self) -> CatalogueItemDialog | None:
        item = self.current_item()
        return self._edit(item) if item is not None else None

    def _edit(self, item: CatalogueItem | None) -> CatalogueItemDialog | None:
        if self.catalogue is None:
            return None
        from erpdesk.ui.quotes.catalogue_item_dialog import CatalogueItemDialog

        dialog = CatalogueItemDialog(self._services, self.catalogue, item, self.price_list(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result, d=dialog: self._edited(d, result))
        dialog.open()
        return dialog

    def _edited(self, dialog: CatalogueItemDialog, result: int) -> None:
        if result == QDialog.DialogCode.Accepted and dialog.saved_catalogue is not None:
            self.catalogue = dialog.saved_catalogue
            code = dialog.code_edit.text().strip()
            self._show()
            self.select(code)

    # -- import and export ---------------------------------------------------------

    def ask_import(self) -> bool:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import a catalogue"), str(Path.home()), self.tr("Workbooks (*.xlsx)")
        )
        return self.import_file(Path(path)) if path else False

    def import_file(self, path: Path) -> bool:
        """Import the workbook *path* on the worker (all or nothing);
        ``imported`` or ``import_failed`` tells how it went."""
        if self.busy:
            return False
        self._busy(self.tr("Importing {name}…").format(name=path.name))
        quotes = self._services.quotes
        self._pool.start(_Job("import", lambda: quotes.import_catalogue(path), self._done))
        return True

    def ask_export(self) -> bool:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the catalogue"),
            str(Path.home() / "catalogue.xlsx"),
            self.tr("Workbooks (*.xlsx)"),
        )
        if not path:
            return False
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        return self.export_file(Path(path))

    def export_file(self, path: Path) -> bool:
        if self.busy or self.catalogue is None:
            return False
        from erpdesk.services.catalogue_io import export_catalogue_xlsx

        catalogue, language = self.catalogue, ui_language()
        self._busy(self.tr("Exporting to {name}…").format(name=path.name))

        def work() -> Path:
            export_catalogue_xlsx(catalogue, path, language=language)
            return path

        self._pool.start(_Job("export", work, self._done))
        return True

    def wait(self) -> None:
        self._pool.waitForDone()

    def _busy(self, text: str) -> None:
        self.busy = True
        self.problems_list.hide()
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #546e7a;")
        for button in (self.import_button, self.export_button, self.new_button):
            button.setEnabled(False)

    def _job_done(self, what: str, result: Any, error: Any) -> None:
        self.busy = False
        for button in (self.import_button, self.export_button, self.new_button):
            button.setEnabled(True)
        if what == "import":
            self._import_done(result, error)
        else:
            self._export_done(result, error)

    def _import_done(self, catalogue: Any, error: Any) -> None:
        if error is None:
            self.catalogue = catalogue
            self._show()
            self.status_label.setText(
                self.tr("Imported: {n} items, {lists} price lists.").format(
                    n=len(catalogue.items), lists=len(catalogue.price_lists)
                )
            )
            self.status_label.setStyleSheet(OK_STYLE)
            self.imported.emit(len(catalogue.items))
            return
        problems = (
            [p.render(translate) for p in error.problems]
            if isinstance(error, CatalogueError)
            else [error.render(translate) if isinstance(error, DomainError) else str(error)]
        )
        self.status_label.setText(
            self.tr(
                "Nothing was imported: the file has {n} problems. Correct them and try again."
            ).format(n=len(problems))
        )
        self.status_label.setStyleSheet(PROBLEM_STYLE)
        self.problems_list.clear()
        self.problems_list.addItems(problems)
        self.problems_list.show()
        self.import_failed.emit(len(problems))

    def _export_done(self, path: Any, error: Any) -> None:
        if error is not None:
            text = error.render(translate) if isinstance(error, DomainError) else str(error)
            self.status_label.setText(text)
            self.status_label.setStyleSheet(PROBLEM_STYLE)
            return
        self.status_label.setText(self.tr("Exported to {path}").format(path=path))
        self.status_label.setStyleSheet(OK_STYLE)
        self.exported.emit(str(path))

    def close_page(self) -> None:
        self._bridge.close()
        self._pool.clear()
        self._pool.waitForDone()
