"""The quote editor: one version of a quote in a window of its own.

The header (``QuoteHeader``: customer, deal, title, price mode, dates,
language), the lines (``LinesPanel``: typed as text, computed by the
domain as you type), the group subtotals, the totals and the amount in
words (``TotalsPanel``), the payment milestones, delivery terms and notes,
and the version's approvals.

A new quote is a draft held here until the first Save, which numbers it
(``QuoteService.new_quote``); later saves are ``update``.  Input that does
not read (a quantity "abc", a date "tomorrow") is shown where it was typed
and nothing is saved; the service's own problems (``lines[3].discount``,
``milestones``, ``valid_until``) are shown on the cell or field they name.
A sent, accepted, declined or superseded version is frozen: the editor is
read-only and offers a new version.  Closing with unsaved changes asks.

PDFs (preview and Save PDF…) are made on a worker thread from the saved
version (``QuoteService.document``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.branding import DEFAULT_BRANDING, Branding
from erpdesk.domain.errors import DomainError, Problem, ValidationError
from erpdesk.domain.quote import (
    Quote,
    QuoteApproval,
    QuoteStatus,
    QuoteTotals,
    max_discount,
    percent_text,
    quote_totals,
    send_problems,
)
from erpdesk.services.events import Change
from erpdesk.ui.form_fit import scrolling
from erpdesk.ui.quotes.editor_flow import ask_pdf_path, may_close
from erpdesk.ui.quotes.milestones import MilestoneRow, MilestonesEditor
from erpdesk.ui.quotes.pdf_preview import PdfPreview, show_pdf
from erpdesk.ui.quotes.quote_header import QuoteHeader
from erpdesk.ui.quotes.quote_lines_panel import LinesPanel
from erpdesk.ui.quotes.quote_pdf_writer import PdfWriter, pdf_file_name, quote_pdf_data
from erpdesk.ui.quotes.quote_status import ApprovalsTable, StatusBanner
from erpdesk.ui.quotes.quote_totals_panel import TotalsPanel
from erpdesk.ui.widgets import (
    FeedBridge,
    ProblemLabel,
    settle_minimum_size,
    translate,
)

if TYPE_CHECKING:
    from erpdesk.documents.quote_pdf import QuoteDocument
    from erpdesk.domain.catalogue import Catalogue
    from erpdesk.ui.quotes import QuoteServices

LINES_TAB, TERMS_TAB, APPROVALS_TAB = range(3)


class QuoteEditor(QWidget):
    """One version of a quote (or a new one, unsaved until Save).

    Signals:
        saved(str): the version was saved (its id).
        changed_version(str): the editor now shows another version (its id).
    """

    saved = Signal(str)
    changed_version = Signal(str)

    def __init__(self, services: QuoteServices, quote: Quote, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("quoteEditor")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._services = services
        self.quote = quote
        self.saved_once = bool(quote.number)
        self.approvals: list[QuoteApproval] = []
        self.dirty = False
        self._loading = False
        self._customer_name = ""
        self._catalogue: Catalogue | None = None
        self.preview: PdfPreview | None = None
        self._bridge = FeedBridge(services.quotes.feed, self)
        self._bridge.changed.connect(self._on_change)
        self._build()
        self._load(quote)
        self.resize(*_fitting_size(1300, 740))
        settle_minimum_size(self)

    # -- building ----------------------------------------------------------------

    def _build(self) -> None:
        self.status = StatusBanner()
        self.status.new_version_requested.connect(self.new_version)
        self.banner = self.status.banner

        self.header = QuoteHeader()
        self.header.edited.connect(self._mark_dirty)
        self.header.mode_changed.connect(self._mode_changed)
        self.lines_panel = LinesPanel(
            lambda: self.catalogue, lambda: self.header.day() or self.quote.quote_date,
            self.header.language,
        )  # fmt: skip
        self.lines_panel.edited.connect(self._lines_edited)
        self.lines = self.lines_panel.model  # the lines, as typed
        self.lines_view = self.lines_panel.view
        self.tabs = QTabWidget()
        self.tabs.addTab(self.lines_panel, "")
        self.tabs.addTab(self._build_terms(), "")
        self.tabs.addTab(self._build_approvals(), "")
        self.totals_panel = TotalsPanel()

        self.error_label = ProblemLabel(self)
        # all but the buttons scroll on a low screen (a laptop at 150 %)
        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.setSpacing(6)
        form_layout.addWidget(self.status)
        form_layout.addWidget(self.header)
        form_layout.addWidget(self.tabs, 1)
        form_layout.addWidget(self.totals_panel)
        self.form_area = scrolling(form)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addWidget(self.form_area, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(self._build_buttons())
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.retranslate_ui()

    def _build_terms(self) -> QWidget:
        page = QWidget()
        self.milestones = MilestonesEditor()
        self.milestones.model.edited.connect(self._milestones_edited)
        self.delivery_edit = QPlainTextEdit()
        self.notes_edit = QPlainTextEdit()
        for edit in (self.delivery_edit, self.notes_edit):
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(self._mark_dirty)
        self.milestones_caption = QLabel()
        self.delivery_caption = QLabel()
        self.notes_caption = QLabel()
        for caption in (self.milestones_caption, self.delivery_caption, self.notes_caption):
            caption.setStyleSheet("font-weight: bold; color: #37474f;")
        left = QVBoxLayout()
        left.addWidget(self.milestones_caption)
        left.addWidget(self.milestones, 1)
        right = QVBoxLayout()
        right.addWidget(self.delivery_caption)
        right.addWidget(self.delivery_edit, 1)
        right.addWidget(self.notes_caption)
        right.addWidget(self.notes_edit, 1)
        layout = QHBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        return page

    def _build_approvals(self) -> QWidget:
        self.approvals_table = ApprovalsTable()
        return self.approvals_table

    def _build_buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.preview_button = QPushButton()
        self.pdf_button = QPushButton()
        self.approval_button = QPushButton()
        self.sent_button = QPushButton()
        self.version_button = QPushButton()
        self.accepted_button = QPushButton()
        self.declined_button = QPushButton()
        self.close_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.preview_button.clicked.connect(self.preview_pdf)
        self.pdf_button.clicked.connect(self.ask_save_pdf)
        self.approval_button.clicked.connect(self.ask_approval)
        self.sent_button.clicked.connect(self.mark_sent)
        self.version_button.clicked.connect(self.new_version)
        self.accepted_button.clicked.connect(lambda: self.mark_outcome(True))
        self.declined_button.clicked.connect(lambda: self.mark_outcome(False))
        self.close_button.clicked.connect(self.close)
        self.pdf_status = QLabel()
        self.pdf_status.setStyleSheet("color: #546e7a;")
        self.pdf_writer = PdfWriter(self, self.pdf_status, self.pdf_button)
        row = QHBoxLayout()
        for button in (self.save_button, self.preview_button, self.pdf_button):
            row.addWidget(button)
        row.addSpacing(12)
        for button in (
            self.approval_button,
            self.sent_button,
            self.version_button,
            self.accepted_button,
            self.declined_button,
        ):
            row.addWidget(button)
        row.addWidget(self.pdf_status, 1)
        row.addWidget(self.close_button)
        return row

    # -- texts -------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.header.retranslate()
        self.lines_panel.retranslate()
        self.milestones.retranslate()
        self.totals_panel.retranslate()
        self.milestones_caption.setText(self.tr("Payment milestones"))
        self.delivery_caption.setText(self.tr("Delivery terms"))
        self.notes_caption.setText(self.tr("Notes"))
        self.delivery_edit.setPlaceholderText(
            self.tr("e.g. 合同签订后 30 个工作日内完成部署与上线")
        )
        self.approvals_table.retranslate()
        self.status.retranslate()
        self.save_button.setText(self.tr("Save"))
        self.preview_button.setText(self.tr("Preview PDF"))
        self.pdf_button.setText(self.tr("Save PDF…"))
        self.approval_button.setText(self.tr("Record approval…"))
        self.sent_button.setText(self.tr("Mark sent"))
        self.version_button.setText(self.tr("New version"))
        self.accepted_button.setText(self.tr("Accepted"))
        self.declined_button.setText(self.tr("Declined"))
        self.close_button.setText(self.tr("Close"))
        self._show_state()
        self.update_totals()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- loading -----------------------------------------------------------------

    @property
    def catalogue(self) -> Catalogue | None:
        if self._catalogue is None:
            try:
                self._catalogue = self._services.quotes.catalogue()
            except DomainError as exc:
                self.error_label.show_text(exc.render(translate))
        return self._catalogue

    def _load(self, quote: Quote) -> None:
        """Show *quote* in every field (no edit is pending afterwards)."""
        self._loading = True
        self.quote = quote
        self.saved_once = bool(quote.number)
        self._customer_name = self._customer_of(quote.customer_id)
        self.header.load(quote, self._customer_name, self._deals_of(quote.customer_id))
        self.lines_panel.set_lines(quote.lines, quote.price_mode)
        self.milestones.model.set_rows([MilestoneRow.of(m) for m in quote.milestones])
        self.milestones.problem_label.show_text("")
        self.delivery_edit.setPlainText(quote.delivery_terms)
        self.notes_edit.setPlainText(quote.notes)
        self.approvals = self._read_approvals()
        self.approvals_table.show_approvals(self.approvals)
        self.error_label.show_text("")
        self._loading = False
        self.dirty = False
        self._show_state()
        self.update_totals()

    def _customer_of(self, customer_id: str) -> str:
        try:
            return self._services.customers.detail(customer_id).customer.name
        except DomainError:
            return customer_id

    def _deals_of(self, customer_id: str) -> list[tuple[str, str]]:
        if self._services.deals is None:
            return []
        try:
            cards = self._services.deals.deals_of_customer(customer_id)
        except DomainError:
            return []
        return [(card.id, card.name) for card in cards]

    def _read_approvals(self) -> list[QuoteApproval]:
        if not self.saved_once:
            return []
        try:
            return list(self._services.quotes.approvals(self.quote.id))
        except DomainError:
            return []

    def _on_change(self, change: Change) -> None:
        """Another window changed this version (an approval recorded, a new
        version made): show it, unless edits here are pending.  A new
        catalogue is used for the items picked from now on."""
        if change.entity == "catalogue":
            self._catalogue = None
            self.lines_panel.delegate.catalogue = self.catalogue
            return
        if change.entity != "quote" or not self.saved_once or self.dirty:
            return
        if change.ids and self.quote.id not in change.ids:
            return
        try:
            fresh = self._services.quotes.get(self.quote.id)
        except DomainError:
            return
        if fresh.updated_at != self.quote.updated_at or fresh.status is not self.quote.status:
            self._load(fresh)
        else:
            self.approvals = self._read_approvals()
            self.approvals_table.show_approvals(self.approvals)
            self._show_state()

    # -- state -------------------------------------------------------------------

    @property
    def frozen(self) -> bool:
        return self.quote.frozen

    def _show_state(self) -> None:
        """Title, status badge, banner, read-only state and the buttons."""
        quote, saved, frozen = self.quote, self.saved_once, self.frozen
        title = self.status.title(quote, saved)
        if self._customer_name:
            title += f" · {self._customer_name}"
        self.setWindowTitle(("* " if self.dirty else "") + title)
        self.status.show_quote(quote, self.approvals, saved)
        self.header.set_frozen(frozen)
        self.lines_panel.set_frozen(frozen)
        self.milestones.set_editable(not frozen)
        self.delivery_edit.setReadOnly(frozen)
        self.notes_edit.setReadOnly(frozen)
        status = quote.status
        self.save_button.setEnabled(not frozen)
        self.approval_button.setEnabled(saved and status is QuoteStatus.PENDING_APPROVAL)
        self.sent_button.setEnabled(not frozen)
        self.version_button.setEnabled(saved)
        self.accepted_button.setEnabled(saved and status is QuoteStatus.SENT)
        self.declined_button.setEnabled(saved and status is QuoteStatus.SENT)
        self.tabs.setTabText(LINES_TAB, self.tr("Lines ({n})").format(n=len(self.lines.rows)))
        self.tabs.setTabText(TERMS_TAB, self.tr("Payment and terms"))
        self.tabs.setTabText(
            APPROVALS_TAB, self.tr("Approvals ({n})").format(n=len(self.approvals))
        )

    # -- editing -----------------------------------------------------------------

    def _mark_dirty(self, *_args: Any) -> None:
        if self._loading or self.frozen:
            return
        if not self.dirty:
            self.dirty = True
            self._show_state()

    def _mode_changed(self) -> None:
        mode = self.header.price_mode()
        if mode is not None:
            self.lines.set_price_mode(mode)
        self.update_totals()

    def _lines_edited(self) -> None:
        self._mark_dirty()
        self.update_totals()
        self.tabs.setTabText(LINES_TAB, self.tr("Lines ({n})").format(n=len(self.lines.rows)))

    def _milestones_edited(self) -> None:
        self._mark_dirty()
        self.milestones.problem_label.show_text(self.milestones.model.input_problem())

    def add_items(self, codes: list[str], quantity: str = "1") -> list[int]:
        """Lines for catalogue items (see ``LinesPanel.add_items``)."""
        return self.lines_panel.add_items(codes, quantity)

    # -- totals ------------------------------------------------------------------

    def draft(self) -> Quote:
        """The quote as the fields show it now, with the lines and milestones
        that read (for the live totals; ``edited_quote`` checks everything)."""
        milestones = self.milestones.model.milestones()
        return replace(
            self.quote,
            price_mode=self.header.price_mode() or self.quote.price_mode,
            lines=tuple(self.lines.lines()),
            milestones=tuple(milestones) if milestones is not None else (),
        )

    def totals(self) -> QuoteTotals | None:
        try:
            return quote_totals(self.draft())
        except (ArithmeticError, ValueError, TypeError):
            return None

    def update_totals(self) -> None:
        """Group subtotals, the totals, the amount in words and the
        milestones' amounts, live; and whether the discount needs approval."""
        totals = self.totals()
        self.totals_panel.show_totals(totals)
        if totals is not None:
            self.milestones.model.set_total(totals.total)
        draft = self.draft()
        discount = max_discount(draft)
        hint = ""
        if not self.frozen and discount > draft.discount_limit:
            hint = self.tr(
                "⚠ A discount of {discount} % is above your limit of {limit} %: "
                "a manager must approve it"
            ).format(discount=percent_text(discount), limit=percent_text(draft.discount_limit))
        self.lines_panel.approval_hint.setText(hint)

    # -- saving ------------------------------------------------------------------

    def edited_quote(self) -> Quote | None:
        """The quote as edited; None (and every reason shown where it was
        typed) while some input does not read."""
        header = self.header.values()
        lines_read = self.lines_panel.show_input_problems()
        milestones = self.milestones.model.milestones()
        if milestones is None:
            self.milestones.problem_label.show_text(self.milestones.model.input_problem())
        if header is None or not lines_read or milestones is None:
            if not lines_read:
                self.tabs.setCurrentIndex(LINES_TAB)
            elif milestones is None:
                self.tabs.setCurrentIndex(TERMS_TAB)
            self.error_label.show_text(self.tr("Please correct the input marked in red."))
            return None
        return replace(
            self.quote,
            price_mode=self.header.price_mode() or self.quote.price_mode,
            lines=tuple(self.lines.lines()),
            milestones=tuple(milestones),
            delivery_terms=self.delivery_edit.toPlainText(),
            notes=self.notes_edit.toPlainText(),
            **header,
        )

    def save(self) -> bool:
        """Save the version (numbering a new quote); True when saved.  The
        service's problems are shown on the cells and fields they name."""
        if self.frozen:
            return False
        self.header.clear_problems()
        self.milestones.problem_label.show_text("")
        self.error_label.show_text("")
        quote = self.edited_quote()
        if quote is None:
            return False
        try:
            saved = self._store(quote)
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return False
        except DomainError as exc:
            self.error_label.show_text(exc.render(translate))
            return False
        self._load(saved)
        self.saved.emit(saved.id)
        return True

    def _store(self, quote: Quote) -> Quote:
        quotes = self._services.quotes
        if self.saved_once:
            return quotes.update(quote)
        saved = quotes.new_quote(
            quote.customer_id,
            deal_id=quote.deal_id,
            lines=quote.lines,
            price_mode=quote.price_mode,
            title=quote.title,
            valid_until=quote.valid_until,
            milestones=quote.milestones,
            delivery_terms=quote.delivery_terms,
            language=quote.language,
        )
        # numbered now: a failure of what follows is an edit of a saved quote
        self.quote, self.saved_once = saved, True
        if saved.quote_date != quote.quote_date or saved.notes != quote.notes.strip():
            # the fields new_quote does not take, checked the same way again
            saved = quotes.update(replace(saved, quote_date=quote.quote_date, notes=quote.notes))
        return saved

    def show_problems(self, problems: list[Problem]) -> None:
        """Show *problems* on the line cells, milestones and fields they name."""
        rendered = [(p.field, p.render(translate)) for p in problems]
        rest = self.lines_panel.show_problems(rendered)
        milestone_texts = [text for name, text in rest if name.startswith("milestones")]
        rest = [
            (name, text)
            for name, text in self.milestones.model.show_problems(rest)
            if not name.startswith("milestones")
        ]
        self.milestones.problem_label.show_text("\n".join(milestone_texts))
        others = [text for name, text in rest if not self.header.show_problem(name, text)]
        if any(name.startswith("lines") for name, _text in rendered):
            self.tabs.setCurrentIndex(LINES_TAB)
        elif milestone_texts:
            self.tabs.setCurrentIndex(TERMS_TAB)
        self.error_label.show_text(
            "\n".join(others) or self.tr("Please correct the input marked in red.")
        )

    def _saved_first(self) -> bool:
        """Save pending edits before an action on the stored version."""
        if self.dirty or not self.saved_once:
            return self.save()
        return True

    # -- actions on the version ----------------------------------------------------

    def ask_approval(self) -> bool:
        if not self._saved_first():
            return False
        from erpdesk.ui.quotes.quote_dialogs import ApprovalDialog

        dialog = ApprovalDialog(
            percent_text(max_discount(self.quote)),
            percent_text(self.quote.discount_limit),
            self.quote.author,
            self,
        )
        if dialog.exec() != ApprovalDialog.DialogCode.Accepted:
            return False
        return self.record_approval(dialog.by(), dialog.approve(), dialog.note())

    def record_approval(self, by: str, approve: bool, note: str = "") -> bool:
        try:
            self._services.quotes.record_approval(self.quote.id, by=by, approve=approve, note=note)
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Record the approval"), exc.render(translate))
            return False
        self._reload()
        return True

    def send_problems(self) -> list[Problem]:
        """Why the saved version cannot be marked sent now."""
        return send_problems(self.quote, self.approvals)

    def mark_sent(self) -> bool:
        """Freeze the version as sent; refused with the reasons otherwise."""
        if not self._saved_first():
            return False
        problems = self.send_problems()
        try:
            if not problems:
                self._services.quotes.mark_sent(self.quote.id)
        except ValidationError as exc:
            problems = list(exc.problems)
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Mark sent"), exc.render(translate))
            return False
        if problems:
            reasons = "\n".join(f"• {p.render(translate)}" for p in problems)
            self.error_label.show_text(reasons)
            QMessageBox.warning(
                self,
                self.tr("Mark sent"),
                self.tr("The quote cannot be marked sent yet:") + "\n" + reasons,
            )
            return False
        self._reload()
        return True

    def mark_outcome(self, accepted: bool) -> bool:
        question = (
            self.tr("Record that the customer accepted version {version}?")
            if accepted
            else self.tr("Record that the customer declined version {version}?")
        ).format(version=self.quote.version)
        answer = QMessageBox.question(
            self,
            self.tr("Customer's answer"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self._services.quotes.mark_outcome(self.quote.id, accepted)
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Customer's answer"), exc.render(translate))
            return False
        self._reload()
        return True

    def new_version(self) -> bool:
        """Make a new version (a draft copy of the latest) and show it here."""
        if not self.frozen and not self._saved_first():
            return False
        try:
            made = self._services.quotes.new_version(self.quote.id)
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("New version"), exc.render(translate))
            return False
        self._load(made)
        self.changed_version.emit(made.id)
        return True

    def _reload(self) -> None:
        try:
            self._load(self._services.quotes.get(self.quote.id))
        except DomainError as exc:
            self.error_label.show_text(exc.render(translate))

    # -- PDFs --------------------------------------------------------------------

    def branding(self) -> Branding:
        service = self._services.branding
        if service is None:
            return DEFAULT_BRANDING
        try:
            return service.get()
        except DomainError:
            return DEFAULT_BRANDING

    def document(self) -> QuoteDocument | None:
        """The saved version's PDF content (saving pending edits first)."""
        if not self.frozen and not self._saved_first():
            return None
        try:
            return self._services.quotes.document(self.quote.id, self.branding())
        except DomainError as exc:
            self.error_label.show_text(exc.render(translate))
            return None

    def preview_pdf(self) -> PdfPreview | None:
        document = self.document()
        if document is None:
            return None
        self.preview = show_pdf(
            self,
            lambda: quote_pdf_data(document),
            pdf_file_name(self.quote),
            self.tr("Quote {number} · version {version}").format(
                number=self.quote.number, version=self.quote.version
            ),
        )
        return self.preview

    def ask_save_pdf(self) -> bool:
        if not self.frozen and not self._saved_first():
            return False
        path = ask_pdf_path(self, self.tr("Save the quote PDF"), pdf_file_name(self.quote))
        return path is not None and self.save_pdf(path)

    def save_pdf(self, path: Path) -> bool:
        """Make the PDF on the worker and write it to *path* (the status
        line tells when); False when the content could not be gathered."""
        document = self.document()
        if document is None:
            return False
        self.pdf_writer.write(lambda: quote_pdf_data(document), path)
        return True

    # -- closing -----------------------------------------------------------------

    def confirm_close(self) -> bool:
        """True when the editor may close: nothing unsaved, or the user
        saved or discarded it."""
        return may_close(self, self.tr("Unsaved changes"),
                         self.tr("Save the changes to this quote before closing?"))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_close():
            event.ignore()
            return
        self.pdf_writer.stop()
        self._bridge.close()
        super().closeEvent(event)


def _fitting_size(width: int, height: int) -> tuple[int, int]:
    """(width, height) shrunk to the screen's available area."""
    area = QGuiApplication.primaryScreen().availableGeometry()
    return min(width, area.width() - 20), min(height, area.height() - 40)


# -- opening -------------------------------------------------------------------


def new_draft(services: QuoteServices, customer_id: str, deal_id: str | None = None) -> Quote:
    """An unsaved draft of *customer_id* with the rep's defaults (validity,
    milestones, discount limit)."""
    today = date.today()
    settings = services.quotes.settings()
    return Quote(
        number="",
        customer_id=customer_id,
        deal_id=deal_id,
        quote_date=today,
        valid_until=today + timedelta(days=settings.validity_days),
        milestones=tuple(settings.milestones),
        discount_limit=settings.discount_limit,
        author=services.quotes.user,
        language="zh_CN",
    )


def open_quote(parent: QWidget | None, services: QuoteServices, quote_id: str) -> QuoteEditor:
    """Show the version *quote_id* in an editor window of its own."""
    editor = QuoteEditor(services, services.quotes.get(quote_id), parent)
    editor.show()
    return editor


def new_quote(
    parent: QWidget | None,
    services: QuoteServices,
    customer_id: str,
    deal_id: str | None = None,
) -> QuoteEditor:
    """Start a new quote of *customer_id* (and its deal) in an editor window."""
    editor = QuoteEditor(services, new_draft(services, customer_id, deal_id), parent)
    editor.show()
    return editor
