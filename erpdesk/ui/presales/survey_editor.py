"""The requirements-survey task editor (需求调研): a new survey of an
engagement or an existing one, in tabs: General (the task's common fields,
the departments and the interviews), Questionnaire (the modules in scope
and their answers), Findings (each may become a need of the deal, linked
both ways) and After the survey (outcome and follow-ups).

Saving goes through the presales service; everything is checked before
anything is written (the rules' own checks run first on the would-be
task), so a refused save writes nothing and the dialog keeps what was
typed, with each problem at its field or row.  "Survey report PDF…"
writes the saved survey's report (``survey_report``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError, Problem, ValidationError
from erpdesk.domain.presales import PresalesTask, TaskKind, TaskState
from erpdesk.ui.funnel.worksheet_widgets import ui_language
from erpdesk.ui.presales import PresalesServices
from erpdesk.ui.presales.survey_answers import QuestionnairePanel
from erpdesk.ui.presales.survey_context import (
    SurveyContext,
    branding_of,
    read_context,
    rules_problems,
)
from erpdesk.ui.presales.survey_findings import FindingsPanel
from erpdesk.ui.presales.survey_parts import reserved_problem_label
from erpdesk.ui.presales.survey_people import PeoplePanel
from erpdesk.ui.presales.survey_report import (
    SurveyPdfWriter,
    SurveyReport,
    report_file_name,
    survey_pdf_bytes,
)
from erpdesk.ui.presales.task_common import TaskCommonForm
from erpdesk.ui.quotes.editor_flow import ask_pdf_path, may_close
from erpdesk.ui.widgets import enum_text, problem_text, settle_minimum_size, translate

if TYPE_CHECKING:
    from erpdesk.ui.quotes.pdf_preview import PdfPreview

GENERAL, QUESTIONS, FINDINGS, AFTER = range(4)
_COMMON = ("title", "starts_at", "ends_at", "customer_attendees", "time")
_TAB_OF = {"departments": GENERAL, "interviews": GENERAL, "answers": QUESTIONS,
           "findings": FINDINGS, "follow_ups": AFTER, "outcome": AFTER}  # fmt: skip


class SurveyEditor(QDialog):
    """A survey task: *task_id*'s, or a new one of *engagement_id*.

    Signals:
        saved(str): the survey was saved (its task id).
    """

    saved = Signal(str)

    def __init__(
        self,
        services: PresalesServices,
        *,
        task_id: str | None = None,
        engagement_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.presales = services.presales
        self.task: PresalesTask | None = self.presales.task(task_id) if task_id else None
        engagement = self.task.engagement_id if self.task else engagement_id
        if not engagement:
            raise ValueError("a survey needs its task or its engagement")
        self.context: SurveyContext = read_context(services, engagement)
        self.dirty = False
        self.preview: PdfPreview | None = None
        self._build()
        self._load()
        self.retranslate_ui()
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(1000, screen.width() - 20), min(680, screen.height() - 60))
        settle_minimum_size(self)

    # -- building --------------------------------------------------------------------

    def _build(self) -> None:
        context = self.context
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.state_label = QLabel()
        self.common = TaskCommonForm()
        self.after = self.common.take_after()
        self.people = PeoplePanel()
        self.questions = QuestionnairePanel(context.questionnaires, context.module_name)
        self.findings = FindingsPanel(context.module_choices())
        self.findings.has_deal = bool(context.engagement.deal_id)
        general = QWidget()
        columns = QHBoxLayout(general)
        columns.addWidget(self.common, 1)
        columns.addWidget(self.people, 1)
        after_tab = QWidget()
        after_layout = QVBoxLayout(after_tab)
        after_layout.addWidget(self.after)
        after_layout.addStretch(1)
        self.tabs = QTabWidget()
        for tab in (general, self.questions, self.findings, after_tab):
            self.tabs.addTab(tab, "")
        self.error_label = reserved_problem_label(2)
        self.status_label = QLabel()
        self.pdf_button = QPushButton()
        self.preview_button = QPushButton()
        self.done_button = QPushButton()
        self.cancel_task_button = QPushButton()
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.close_button = QPushButton()
        self.pdf_button.clicked.connect(self.ask_save_pdf)
        self.preview_button.clicked.connect(self.preview_pdf)
        self.done_button.clicked.connect(self.mark_done)
        self.cancel_task_button.clicked.connect(self.cancel_survey)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.pdf_writer = SurveyPdfWriter(self, self.status_label, self.pdf_button)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.state_label)
        buttons = QHBoxLayout()
        for button in (self.pdf_button, self.preview_button):
            buttons.addWidget(button)
        buttons.addWidget(self.status_label, 1)
        for button in (self.done_button, self.cancel_task_button, self.save_button):
            buttons.addWidget(button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        for panel in (self.people, self.questions, self.findings):
            panel.edited.connect(self._mark_dirty)
        self.common.changed.connect(self._mark_dirty)
        self.findings.make_need.connect(self.make_need)

    def retranslate_ui(self) -> None:
        for index, title in enumerate(
            (self.tr("General"), self.tr("Questionnaire"), self.tr("Findings"),
             self.tr("After the survey"))
        ):  # fmt: skip
            self.tabs.setTabText(index, title)
        self.pdf_button.setText(self.tr("Survey report PDF…"))
        self.preview_button.setText(self.tr("Preview…"))
        self.done_button.setText(self.tr("Mark done"))
        self.cancel_task_button.setText(self.tr("Cancel survey…"))
        self.save_button.setText(self.tr("Save"))
        self.close_button.setText(self.tr("Close"))
        self._show_heading()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_heading(self) -> None:
        context = self.context
        where = " · ".join(x for x in (context.customer_name, context.deal_name) if x)
        if self.task is None:
            self.setWindowTitle(self.tr("New requirements survey · {where}").format(where=where))
            self.state_label.setText(self.tr("New"))
        else:
            self.setWindowTitle(self.tr("Requirements survey · {where}").format(where=where))
            self.state_label.setText(enum_text(self.task.state))
        self.heading.setText(where)

    # -- loading ---------------------------------------------------------------------

    def _load(self) -> None:
        """Show the task (or an empty new survey) and set what may change."""
        task, context = self.task, self.context
        consultant = context.engagement.consultant
        if task is None:
            attendees = context.request.attendees if context.request else ()
            self.common.set_new(consultant, attendees)
            self.people.set_values((), ())
            self.findings.set_findings(())
        else:
            self.common.set_task(task, consultant)
            self.people.set_values(task.departments, task.interviews)
            self.findings.set_findings(task.findings)
        answers = task.answers if task else {}
        self.questions.set_values(context.default_scope(task), answers)
        self._set_editable()
        self._show_heading()
        self.error_label.show_text(context.problem)
        self.dirty = False

    def _set_editable(self) -> None:
        state = self.task.state if self.task else TaskState.PLANNED
        closed = state is TaskState.CANCELLED
        self.common.set_plan_editable(state is TaskState.PLANNED)
        self.common.set_after_editable(not closed)
        self.people.set_read_only(closed)
        self.questions.set_read_only(closed)
        self.findings.set_read_only(closed)
        self.save_button.setEnabled(not closed)
        self.done_button.setEnabled(state is TaskState.PLANNED)
        self.cancel_task_button.setEnabled(self.task is not None and state is TaskState.PLANNED)

    def _mark_dirty(self, *_args: Any) -> None:
        self.dirty = True

    # -- saving ----------------------------------------------------------------------

    def _gather(self) -> tuple[dict[str, Any], list[Problem]]:
        """Every field as the service takes it, and the problems found
        before asking it (rows that cannot be read, answers of the wrong
        kind, and for a saved survey everything the rules check)."""
        from erpdesk.domain.questionnaire import answer_problems

        problems: list[Problem] = []
        try:
            fields = self.common.values()
        except ValidationError as exc:
            fields, problems = {}, list(exc.problems)
        interviews, more = self.people.interview_values()
        problems += more
        problems += answer_problems(self.context.questionnaires, self.questions.raw_answers())
        fields.update(
            departments=self.people.departments(), interviews=interviews,
            answers=self.questions.answers(), findings=self.findings.findings(),
        )  # fmt: skip
        if "title" in fields:  # the common fields could be read: the rules' checks too
            problems += rules_problems(self.context, self.task, fields)
        return fields, problems

    def save(self) -> bool:
        """Save the survey; False (the problems shown, nothing written) when refused."""
        fields, problems = self._gather()
        if problems:
            self.show_problems(problems)
            return False
        try:
            saved = self._write(fields)
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return False
        except DomainError as exc:
            self.error_label.show_text(exc.render(translate))
            return False
        self.task = saved
        self.show_problems([])
        self._load()
        self.saved.emit(saved.id)
        return True

    def _write(self, fields: dict[str, Any]) -> PresalesTask:
        if self.task is None:
            title, starts, ends = (fields.pop(k) for k in ("title", "starts_at", "ends_at"))
            engagement = self.context.engagement.id
            return self.presales.add_task(
                engagement, TaskKind.SURVEY, title, starts, ends, **fields
            ).task
        answers, findings = fields.pop("answers"), fields.pop("findings")
        task_id = self.task.id
        self.presales.record_survey(task_id, answers=answers, findings=findings)
        return self.presales.edit_task(task_id, **fields).task

    def show_problems(self, problems: list[Problem]) -> None:
        """Each problem at its field or row; the first tab with one shown."""
        rest = self.common.show_problems(problems)
        for panel in (self.people, self.questions, self.findings):
            panel.show_problems(rest)
        others = [p for p in rest if p.field.split(".")[0] not in _TAB_OF]
        text = problem_text(others)
        if problems and not text:
            text = self.tr("Please correct what is marked in red.")
        self.error_label.show_text(text)
        tabs = [
            GENERAL if p.field in _COMMON else _TAB_OF.get(p.field.split(".")[0], GENERAL)
            for p in problems
        ]
        if tabs:
            self.tabs.setCurrentIndex(min(tabs))

    # -- the survey's moves ----------------------------------------------------------

    def _saved_first(self) -> bool:
        """The survey saved (new or changed) before a move or a report."""
        return (self.task is not None and not self.dirty) or self.save()

    def make_need(self, finding_id: str) -> bool:
        """The finding made a need of the deal (saving the survey first)."""
        if not self._saved_first() or self.task is None:
            return False
        try:
            task, _sheet = self.presales.finding_to_need(self.task.id, finding_id)
        except DomainError as exc:
            self.findings.problem_label.show_text(exc.render(translate))
            return False
        self.task = task
        self._load()
        finding = task.finding(finding_id)
        need = finding.need_id if finding else ""
        self.findings.select_finding(finding_id)
        self.findings.show_note(
            self.tr("The finding is now the need {id} of the deal's needs analysis.").format(
                id=need[:8]
            )
        )
        return True

    def mark_done(self) -> bool:
        """Save, then mark the survey done with the outcome written."""
        if not self._saved_first() or self.task is None:
            return False
        try:
            done = self.presales.complete_task(self.task.id, self.common.values()["outcome"])
        except DomainError as exc:
            self.error_label.show_text(exc.render(translate))
            return False
        self.task = done
        self._load()
        return True

    def cancel_survey(self) -> bool:
        if self.task is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("Cancel survey"),
            self.tr("Cancel this survey? A cancelled survey is not changed any more."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.task = self.presales.cancel_task(self.task.id)
        except DomainError as exc:
            self.error_label.show_text(exc.render(translate))
            return False
        self._load()
        return True

    # -- the report ------------------------------------------------------------------

    def report(self) -> SurveyReport | None:
        """The saved survey's report content (saving pending edits first)."""
        if not self._saved_first() or self.task is None:
            return None
        context = self.context
        language = ui_language()
        names = {code: names.text(language) for code, names in context.modules.items()}
        return SurveyReport(
            self.task, context.customer_name, context.deal_name, context.questionnaires,
            branding_of(self.services), language, context.engagement.consultant, names,
        )  # fmt: skip

    def file_name(self) -> str:
        day = self.task.starts_at.astimezone().date() if self.task else date.today()
        return report_file_name(self.context.customer_name, day)

    def ask_save_pdf(self) -> bool:
        if self.report() is None:
            return False
        path = ask_pdf_path(self, self.tr("Save the survey report"), self.file_name())
        return path is not None and self.save_pdf(path)

    def save_pdf(self, path: Path) -> bool:
        """Make the report on the worker and write it to *path* (the status
        line tells when it is written; a message when it cannot be)."""
        report = self.report()
        if report is None:
            return False
        self.pdf_writer.write(lambda: survey_pdf_bytes(report), path)
        return True

    def preview_pdf(self) -> PdfPreview | None:
        from erpdesk.ui.quotes.pdf_preview import show_pdf

        report = self.report()
        if report is None:
            return None
        self.preview = show_pdf(
            self, lambda: survey_pdf_bytes(report), self.file_name(),
            self.tr("Survey report · {customer}").format(customer=report.customer_name),
        )  # fmt: skip
        return self.preview

    # -- closing ---------------------------------------------------------------------

    def reject(self) -> None:
        if may_close(self, self.tr("Unsaved changes"), self.tr("Save the changes to this survey?")):
            self.pdf_writer.stop()
            super().reject()
