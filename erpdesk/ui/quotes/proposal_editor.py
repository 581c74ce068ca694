"""The proposal editor (解决方案建议书): a deal's (or a customer's) proposal
in a window of its own.

The title and the language on top; then two tabs.  "Sections": the
sections in their order, each with a checkbox (kept or left out); the
selected one's generated text (``Section.plain_text``), read-only until
"Edit" turns it into the rep's own text, which "Reset to generated" undoes.
"Benefit model": the customer's figures and the live result
(``BenefitForm``).

What the sections are generated from (``ProposalService.sources``: the
customer, worksheets, catalogue, quote, branding) is read once per language
and kept until the service reports a change; the generated text and the
benefit result are then made here, by the pure domain functions, as the
rep types.  Save goes through ``ProposalService.save`` (all or nothing; its
problems shown where they belong).  Preview PDF and Save PDF… print the
proposal as it is shown, saved or not, the PDF being made on a worker
thread.  Closing with unsaved changes asks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError, NotFound, Problem, ValidationError
from erpdesk.domain.proposal import (
    Proposal,
    ProposalContent,
    SectionCode,
    SectionEdit,
    Sources,
    assemble,
    default_title,
)
from erpdesk.os_errors import explain
from erpdesk.services.events import Change
from erpdesk.ui.form_fit import scrolling
from erpdesk.ui.quotes.benefit_form import BenefitForm
from erpdesk.ui.quotes.editor_flow import ask_pdf_path, may_close
from erpdesk.ui.quotes.pdf_preview import PdfDone, PdfJob, PdfPreview, show_pdf, write_whole
from erpdesk.ui.widgets import FeedBridge, ProblemLabel, enum_text, settle_minimum_size, translate

if TYPE_CHECKING:
    from erpdesk.domain.branding import Branding
    from erpdesk.services.proposals import ProposalService
    from erpdesk.ui.quotes import QuoteServices

SECTIONS_TAB, BENEFIT_TAB = range(2)
LANGUAGE_NAMES = (("zh_CN", "中文"), ("en", "English"))
GENERATED_STYLE = "QPlainTextEdit { background: #f5f7f8; color: #37474f; }"
_BY_VALUE = {code.value: code for code in SectionCode}


def _code_of(item: QListWidgetItem) -> SectionCode:
    return _BY_VALUE[str(item.data(Qt.ItemDataRole.UserRole))]


def proposal_pdf_data(content: ProposalContent, branding: Branding) -> bytes:
    """The proposal PDF of *content* as bytes (made by the documents layer)."""
    from erpdesk.documents.proposal_pdf import proposal_pdf_bytes

    return proposal_pdf_bytes(content, branding=branding)


def pdf_file_name(title: str) -> str:
    """A file name for the proposal titled *title* (no path separators)."""
    cleaned = re.sub(r'[\\/:*?"<>|\s]+', "_", title).strip("_.") or "proposal"
    return f"{cleaned[:120]}.pdf"


class ProposalPdfWriter(QObject):
    """Makes a proposal PDF on its own worker and writes it whole.

    Signals:
        written(str): the file was written (its path).
        failed(str): it could not be made or written (the reason).
    """

    written = Signal(str)
    failed = Signal(str)

    def __init__(self, window: QWidget, status: QLabel) -> None:
        super().__init__(window)
        self._window = window
        self._status = status
        self._target: Path | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._done = PdfDone(self)
        self._done.finished.connect(self._made)

    def write(self, make: Any, path: Path) -> None:
        self._target = path
        self._status.setText(self.tr("Making the PDF…"))
        self._pool.start(PdfJob(make, self._done))

    def wait(self) -> None:
        self._pool.waitForDone()

    def stop(self) -> None:
        self._pool.clear()
        self._pool.waitForDone()

    def _made(self, data: Any, error: str) -> None:
        path, self._target = self._target, None
        self._status.setText("")
        if data is not None and path is not None:
            try:
                write_whole(path, data)
            except OSError as exc:
                error = self.tr("The PDF could not be saved to {path}: {reason}").format(
                    path=path, reason=explain(exc)[0]
                )
            else:
                self._status.setText(self.tr("Saved {name}").format(name=path.name))
                self.written.emit(str(path))
                return
        QMessageBox.warning(self._window, self.tr("Save the proposal PDF"), error)
        self.failed.emit(error)


class ProposalEditor(QWidget):
    """A proposal (saved, or new until the first Save).

    Signals:
        saved(str): the proposal was saved (its id).
    """

    saved = Signal(str)

    def __init__(
        self,
        service: ProposalService,
        proposal: Proposal,
        parent: QWidget | None = None,
        *,
        saved_once: bool | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("proposalEditor")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._service = service
        self.proposal = proposal
        self.saved_once = self._stored(proposal) if saved_once is None else saved_once
        self.dirty = False
        self._loading = False
        self.customer_name, self.deal_name = self._names(proposal)
        self._sources: dict[str, Sources] = {}
        # the sections' state as edited: kept or not, and the rep's text (None: generated)
        self.included: dict[SectionCode, bool] = {}
        self.texts: dict[SectionCode, str | None] = {}
        self.preview: PdfPreview | None = None
        self._bridge = FeedBridge(service.feed, self)
        self._bridge.changed.connect(self._on_change)
        self._build()
        self._load(proposal)
        area = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(1300, area.width() - 20), min(740, area.height() - 40))
        settle_minimum_size(self)

    def _stored(self, proposal: Proposal) -> bool:
        try:
            self._service.get(proposal.id)
        except NotFound:
            return False
        return True

    def _names(self, proposal: Proposal) -> tuple[str, str]:
        try:
            return self._service.names(proposal)
        except DomainError:
            return proposal.customer_id, ""

    # -- building ----------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.title_caption = QLabel()
        self.title_edit = QLineEdit()
        self.title_edit.textChanged.connect(self._mark_dirty)
        self.title_problem = ProblemLabel()
        self.language_caption = QLabel()
        self.language_combo = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        top = QHBoxLayout()
        top.addWidget(self.title_caption)
        top.addWidget(self.title_edit, 1)
        top.addSpacing(12)
        top.addWidget(self.language_caption)
        top.addWidget(self.language_combo)

        self.benefit_form = BenefitForm()
        self.benefit_form.edited.connect(self._benefit_edited)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_sections(), "")
        self.tabs.addTab(self.benefit_form, "")
        self.tabs.currentChanged.connect(self._tab_changed)

        self.error_label = ProblemLabel(self)
        # all but the buttons scroll on a low screen (a laptop at 150 %)
        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.setSpacing(6)
        form_layout.addWidget(self.heading)
        form_layout.addLayout(top)
        form_layout.addWidget(self.title_problem)
        form_layout.addWidget(self.tabs, 1)
        self.form_area = scrolling(form)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addWidget(self.form_area, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(self._build_buttons())
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.retranslate_ui()

    def _build_sections(self) -> QWidget:
        self.section_list = QListWidget()
        self.section_list.setObjectName("proposalSections")
        for code in SectionCode:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, code.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.section_list.addItem(item)
        self.section_list.currentRowChanged.connect(self._section_selected)
        self.section_list.itemChanged.connect(self._item_changed)
        self.section_list.setMinimumWidth(200)

        self.section_title = QLabel()
        self.section_title.setStyleSheet("font-weight: bold; color: #37474f;")
        self.section_state = QLabel()
        self.section_state.setWordWrap(True)
        self.section_state.setStyleSheet("color: #546e7a;")
        self.section_text = QPlainTextEdit()
        self.section_text.setObjectName("sectionText")
        self.section_text.setTabChangesFocus(True)
        self.section_text.textChanged.connect(self._text_edited)
        self.edit_button = QPushButton()
        self.reset_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_section)
        self.reset_button.clicked.connect(self.reset_section)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.section_title)
        right_layout.addWidget(self.section_state)
        right_layout.addWidget(self.section_text, 1)
        right_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(self.section_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([240, 1000])
        splitter.setChildrenCollapsible(False)
        return splitter

    def _build_buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.preview_button = QPushButton()
        self.pdf_button = QPushButton()
        self.close_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.preview_button.clicked.connect(self.preview_pdf)
        self.pdf_button.clicked.connect(self.ask_save_pdf)
        self.close_button.clicked.connect(self.close)
        self.pdf_status = QLabel()
        self.pdf_status.setStyleSheet("color: #546e7a;")
        self.pdf_writer = ProposalPdfWriter(self, self.pdf_status)
        row = QHBoxLayout()
        for button in (self.save_button, self.preview_button, self.pdf_button):
            row.addWidget(button)
        row.addWidget(self.pdf_status, 1)
        row.addWidget(self.close_button)
        return row

    # -- texts -------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title_caption.setText(self.tr("Title"))
        self.language_caption.setText(self.tr("Language of the proposal"))
        self.tabs.setTabText(BENEFIT_TAB, self.tr("Benefit model"))
        self.edit_button.setText(self.tr("Edit"))
        self.reset_button.setText(self.tr("Reset to generated"))
        self.save_button.setText(self.tr("Save"))
        self.preview_button.setText(self.tr("Preview PDF"))
        self.pdf_button.setText(self.tr("Save PDF…"))
        self.close_button.setText(self.tr("Close"))
        self.benefit_form.retranslate()
        self._show_state()
        self._show_section()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- loading -----------------------------------------------------------------

    def _load(self, proposal: Proposal) -> None:
        """Show *proposal* in every field (no edit is pending afterwards)."""
        self._loading = True
        try:
            self.proposal = proposal
            self.title_edit.setText(proposal.title)
            index = self.language_combo.findData(proposal.language)
            self.language_combo.setCurrentIndex(max(index, 0))
            self.included = {code: proposal.included(code) for code in SectionCode}
            self.texts = {code: proposal.edit(code).text for code in SectionCode}
            for row in range(self.section_list.count()):
                item = self.section_list.item(row)
                code = _code_of(item)
                item.setCheckState(
                    Qt.CheckState.Checked if self.included[code] else Qt.CheckState.Unchecked
                )
            self.benefit_form.set_inputs(
                proposal.benefit, proposal.benefit_years, self._default_investment()
            )
            self.title_problem.show_text("")
            self.error_label.show_text("")
        finally:
            self._loading = False
        self.dirty = False
        if self.section_list.currentRow() < 0:
            self.section_list.setCurrentRow(1 if self.section_list.count() > 1 else 0)
        self._show_state()
        self._show_section()

    def language(self) -> str:
        return str(self.language_combo.currentData() or "zh_CN")

    def sources(self, language: str | None = None) -> Sources | None:
        """What the sections are made from, in *language* (read once, kept
        until the service reports a change); None when it cannot be read
        (the reason shown)."""
        language = language or self.language()
        found = self._sources.get(language)
        if found is None:
            try:
                found = self._service.sources(replace(self.proposal, language=language))
            except DomainError as exc:
                self.error_label.show_text(exc.render(translate))
                return None
            self._sources[language] = found
        return found

    def _default_investment(self) -> Decimal | None:
        """What an empty investment stands for: the quote's total, else the
        deal's estimated amount (as the service counts it)."""
        sources = self.sources()
        if sources is None:
            return None
        if sources.totals is not None:
            return sources.totals.total
        if sources.deal is not None and sources.deal.amount:
            return sources.deal.amount
        return None

    def _on_change(self, change: Change) -> None:
        """A change elsewhere: what the sections are made from is read again
        (a new quote, an edited worksheet); this proposal saved by another
        window is shown unless edits here are pending."""
        if change.entity == "proposal":
            if (
                self.dirty
                or not self.saved_once
                or (change.ids and self.proposal.id not in change.ids)
            ):
                return
            try:
                fresh = self._service.get(self.proposal.id)
            except DomainError:
                return
            if fresh.updated_at != self.proposal.updated_at:
                self._load(fresh)
            return
        self._sources.clear()
        self.benefit_form.set_default_investment(self._default_investment())
        self._show_section()

    # -- the draft ---------------------------------------------------------------

    def sections(self) -> dict[SectionCode, SectionEdit]:
        """The section edits as shown (only those that differ from the default)."""
        out: dict[SectionCode, SectionEdit] = {}
        for code in SectionCode:
            edit = SectionEdit(self.included.get(code, True), self.texts.get(code))
            if edit != SectionEdit():
                out[code] = edit
        return out

    def draft(self) -> Proposal | None:
        """The proposal as the fields show it; None (and the problems shown
        under their figures) while a figure does not read."""
        inputs, problems = self.benefit_form.read()
        if problems:
            self.benefit_form.show_problems(problems)
            return None
        return replace(
            self.proposal,
            title=self.title_edit.text(),
            language=self.language(),
            sections=self.sections(),
            benefit=inputs,
            benefit_years=self.benefit_form.years(),
        )

    def generated(self) -> ProposalContent | None:
        """The generated content of every section (none left out, none
        replaced), with the benefit figures as typed."""
        sources = self.sources()
        if sources is None:
            return None
        result = self.benefit_form.result()
        if result is not None:
            sources = replace(sources, benefit=result)
        base = replace(
            self.proposal,
            title=self.title_edit.text().strip(),
            language=self.language(),
            sections={},
        )
        return assemble(base, sources)

    def generated_text(self, code: SectionCode) -> str:
        content = self.generated()
        if content is None:
            return ""
        section = content.section(code)
        return section.plain_text() if section is not None else ""

    def content(self) -> ProposalContent | None:
        """The content as it would print now (None: the reason is shown)."""
        draft = self.draft()
        if draft is None:
            self.tabs.setCurrentIndex(BENEFIT_TAB)
            self.error_label.show_text(self.tr("Please correct the figures marked in red."))
            return None
        sources = self.sources(draft.language)
        result = self.benefit_form.result()
        if sources is None or result is None:
            return None
        return assemble(draft, replace(sources, benefit=result))

    # -- sections ----------------------------------------------------------------

    def current_code(self) -> SectionCode | None:
        item = self.section_list.currentItem()
        return _code_of(item) if item is not None else None

    def select_section(self, code: SectionCode) -> None:
        self.section_list.setCurrentRow(list(SectionCode).index(code))

    def set_included(self, code: SectionCode, include: bool) -> None:
        """Keep or leave out *code* (as ticking its box does)."""
        item = self.section_list.item(list(SectionCode).index(code))
        item.setCheckState(Qt.CheckState.Checked if include else Qt.CheckState.Unchecked)

    def _item_changed(self, item: QListWidgetItem) -> None:
        code = _code_of(item)
        include = item.checkState() == Qt.CheckState.Checked
        if self._loading or self.included.get(code, True) == include:
            return
        self.included[code] = include
        self._mark_dirty()
        if code is self.current_code():
            self._show_section()

    def _section_selected(self, _row: int) -> None:
        self._show_section()

    def _show_section(self) -> None:
        """The selected section: its generated text (read-only), or the
        rep's text (editable)."""
        code = self.current_code()
        if code is None:
            return
        own = self.texts.get(code)
        heading = code.heading(self.language())
        if not self.included.get(code, True):
            state = self.tr("Left out of the proposal (tick it to keep it).")
        elif own is not None:
            state = self.tr(
                "Your text replaces the generated one. Blank lines separate paragraphs; "
                'lines starting with "- " make a bullet list, "1." a numbered one.'
            )
        elif code is SectionCode.COVER:
            state = self.tr(
                "The cover shows the title, the customer, the deal, our company and the date. "
                "A text of your own is printed under the title as a note."
            )
        else:
            state = self.tr(
                "Generated from the customer, the deal's worksheets, the catalogue, the quote "
                "and the benefit figures. Edit it to write your own."
            )
        self.section_title.setText(heading)
        self.section_state.setText(state)
        self._loading, was_loading = True, self._loading
        try:
            if own is not None:
                self.section_text.setReadOnly(False)
                self.section_text.setStyleSheet("")
                if self.section_text.toPlainText() != own:
                    self.section_text.setPlainText(own)
            else:
                self.section_text.setReadOnly(True)
                self.section_text.setStyleSheet(GENERATED_STYLE)
                self.section_text.setPlainText(self.generated_text(code))
        finally:
            self._loading = was_loading
        self.edit_button.setEnabled(own is None)
        self.reset_button.setEnabled(own is not None)
        self._show_item_texts()

    def _show_item_texts(self) -> None:
        for row in range(self.section_list.count()):
            item = self.section_list.item(row)
            code = _code_of(item)
            text = enum_text(code)
            if self.texts.get(code) is not None:
                text += " ✎"
            item.setText(text)
            item.setToolTip(self.tr("Your own text") if self.texts.get(code) is not None else "")
        kept = sum(1 for code in SectionCode if self.included.get(code, True))
        self.tabs.setTabText(
            SECTIONS_TAB,
            self.tr("Sections ({kept} of {count})").format(kept=kept, count=len(SectionCode)),
        )

    def edit_section(self) -> None:
        """Replace the selected section's generated text by an editable copy."""
        code = self.current_code()
        if code is None or self.texts.get(code) is not None:
            return
        self.texts[code] = "" if code is SectionCode.COVER else self.generated_text(code)
        self._mark_dirty()
        self._show_section()
        self.section_text.setFocus()

    def reset_section(self) -> None:
        """Bring back the selected section's generated text."""
        code = self.current_code()
        if code is None or self.texts.get(code) is None:
            return
        self.texts[code] = None
        self._mark_dirty()
        self._show_section()

    def _text_edited(self) -> None:
        code = self.current_code()
        if self._loading or code is None or self.section_text.isReadOnly():
            return
        self.texts[code] = self.section_text.toPlainText()
        self._mark_dirty()

    # -- editing -----------------------------------------------------------------

    def _mark_dirty(self, *_args: Any) -> None:
        if self._loading:
            return
        if not self.dirty:
            self.dirty = True
            self._show_state()

    def _language_changed(self, _index: int) -> None:
        self._mark_dirty()
        self._show_state()
        self._show_section()

    def _benefit_edited(self) -> None:
        self._mark_dirty()

    def _tab_changed(self, index: int) -> None:
        if index == SECTIONS_TAB:
            self._show_section()  # the benefits section follows the figures

    def _show_state(self) -> None:
        language = self.language()
        self.title_edit.setPlaceholderText(default_title(self.customer_name, language))
        title = self.tr("Proposal · {customer}").format(customer=self.customer_name)
        if self.deal_name:
            title += f" · {self.deal_name}"
        self.setWindowTitle(("* " if self.dirty else "") + title)
        heading = self.tr("Solution proposal for {customer}").format(customer=self.customer_name)
        if self.deal_name:
            heading += " — " + self.deal_name
        if not self.saved_once:
            heading += "  " + self.tr("(not saved yet)")
        self.heading.setText(heading)

    # -- saving ------------------------------------------------------------------

    def save(self) -> bool:
        """Save the proposal; True when saved.  Nothing is saved while a
        figure does not read or the service refuses it (every reason shown
        where it belongs)."""
        self.title_problem.show_text("")
        self.error_label.show_text("")
        draft = self.draft()
        if draft is None:
            self.tabs.setCurrentIndex(BENEFIT_TAB)
            self.error_label.show_text(self.tr("Please correct the figures marked in red."))
            return False
        try:
            saved = self._service.save(draft)
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return False
        except DomainError as exc:
            self.error_label.show_text(exc.render(translate))
            return False
        self.saved_once = True
        self._load(saved)
        self.saved.emit(saved.id)
        return True

    def show_problems(self, problems: list[Problem]) -> None:
        """Show the service's *problems* on the fields they name."""
        rest = self.benefit_form.show_problems(problems)
        if len(rest) < len(problems):
            self.tabs.setCurrentIndex(BENEFIT_TAB)
        title = [p.render(translate) for p in rest if p.field == "title"]
        self.title_problem.show_text("\n".join(title))
        others = [p.render(translate) for p in rest if p.field != "title"]
        if any(p.field.startswith("sections") for p in rest):
            self.tabs.setCurrentIndex(SECTIONS_TAB)
        self.error_label.show_text(
            "\n".join(others) or self.tr("Please correct the input marked in red.")
        )

    # -- PDFs --------------------------------------------------------------------

    def branding(self) -> Branding | None:
        try:
            return self._service.branding()
        except DomainError as exc:
            self.error_label.show_text(exc.render(translate))
            return None

    def file_name(self) -> str:
        return pdf_file_name(
            self.title_edit.text().strip() or default_title(self.customer_name, self.language())
        )

    def preview_pdf(self) -> PdfPreview | None:
        """Show the proposal as it is now (saved or not) in a preview window."""
        make = self._pdf_maker()
        if make is None:
            return None
        self.preview = show_pdf(
            self,
            make,
            self.file_name(),
            self.tr("Proposal · {customer}").format(customer=self.customer_name),
        )
        return self.preview

    def ask_save_pdf(self) -> bool:
        path = ask_pdf_path(self, self.tr("Save the proposal PDF"), self.file_name())
        return path is not None and self.save_pdf(path)

    def save_pdf(self, path: Path) -> bool:
        """Make the PDF on the worker and write it to *path*; False when
        the content could not be gathered (the reason shown)."""
        make = self._pdf_maker()
        if make is None:
            return False
        self.pdf_writer.write(make, path)
        return True

    def _pdf_maker(self) -> Callable[[], bytes] | None:
        """What makes the proposal's PDF as it is now; None when the content
        or the branding could not be gathered (the reason shown)."""
        self.error_label.show_text("")
        content = self.content()
        branding = self.branding()
        if content is None or branding is None:
            return None
        return lambda: proposal_pdf_data(content, branding)

    # -- closing -----------------------------------------------------------------

    def confirm_close(self) -> bool:
        """True when the editor may close: nothing unsaved, or the user
        saved or discarded it."""
        return may_close(self, self.tr("Unsaved changes"),
                         self.tr("Save the changes to this proposal before closing?"))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_close():
            event.ignore()
            return
        self.pdf_writer.stop()
        self._bridge.close()
        super().closeEvent(event)


# -- opening -------------------------------------------------------------------


def open_deal_proposal(
    parent: QWidget | None, service: ProposalService, deal_id: str
) -> ProposalEditor:
    """The deal's proposal (saved, else a new one) in an editor window."""
    return _shown(ProposalEditor(service, service.for_deal(deal_id), parent))


def open_customer_proposal(
    parent: QWidget | None, service: ProposalService, customer_id: str
) -> ProposalEditor:
    """The customer's own proposal (of no deal) in an editor window."""
    return _shown(ProposalEditor(service, service.for_customer(customer_id), parent))


def _shown(editor: ProposalEditor) -> ProposalEditor:
    editor.show()
    return editor


def open_latest_proposal(
    parent: QWidget | None, services: QuoteServices, size: tuple[int, int]
) -> ProposalEditor | None:
    """The stored proposal of the most recently quoted deal that has one, in
    an editor of *size* with its benefit model shown (``erpdesk --screenshot
    --view proposal``)."""
    service = services.proposals
    if service is None:
        return None
    for summary in services.quotes.summaries(limit=50):
        if summary.deal_id is None:
            continue
        try:
            found = service.for_deal(summary.deal_id)
            service.get(found.id)
        except DomainError:
            continue
        editor = ProposalEditor(service, found, parent, saved_once=True)
        editor.resize(*size)
        editor.tabs.setCurrentIndex(BENEFIT_TAB)
        editor.show()
        return editor
    return None
