"""The demo editor (DEMO演示): a new demo of an engagement, or an existing
one before and after it is given.

Three tabs: the plan (``TaskCommonForm``: title, time in local time, place
or online, our and the customer's attendees), the content (the modules
shown, the scenarios with "Add from knowledge base…", the environment and
the data to prepare, "Fill from scripts") and after the demo (the
customer's score and comment per scenario, the outcome, the follow-ups).

Every save is one call of ``PresalesService.add_task`` or ``edit_task``
(one transaction, one outbox op): a refusal shows its problems under the
fields (the tab of the first one is brought forward) and in the message
area, with everything typed kept and nothing saved.  A saved demo that
overlaps another planned demo of the same people is saved and warned
about, naming the other demos and their times.  "Done" saves the demo as
done (``complete_task``'s state change with the edits, in one call);
"Cancel demo" asks first.  A done demo changes only its feedback, outcome
and follow-ups; a cancelled one is read-only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError, Problem, ValidationError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.presales import PresalesTask, TaskKind, TaskState
from erpdesk.ui.form_fit import fit_to_screen, scrolling
from erpdesk.ui.presales.demo_scenarios import FeedbackTable, ModulesList, ScenariosTable
from erpdesk.ui.presales.engagement_tasks import time_range_text
from erpdesk.ui.presales.task_common import TaskCommonForm, reserved_problem_label
from erpdesk.ui.widgets import (
    WARNING_STYLE,
    enum_text,
    problem_text,
    problems_by_field,
    settle_minimum_size,
    translate,
)

if TYPE_CHECKING:
    from erpdesk.domain.knowledge import KnowledgeBase
    from erpdesk.services.presales import TaskSaved
    from erpdesk.ui.presales import PresalesServices

PLAN_TAB, CONTENT_TAB, AFTER_TAB = range(3)
_TAB_OF = {"modules": CONTENT_TAB, "scenarios": CONTENT_TAB, "environment": CONTENT_TAB,
           "data_prep": CONTENT_TAB, "feedback": AFTER_TAB, "follow_ups": AFTER_TAB,
           "outcome": AFTER_TAB}  # fmt: skip
_COMMENT_NO_SCORE = QT_TRANSLATE_NOOP(
    "Domain", "Scenario {scenario} has a comment but no score; give it a score from 1 to 5"
)


class DemoEditor(QDialog):
    """A demo of an engagement (see the module's docstring); not modal.

    Signals:
        saved(str): the demo was saved (its id).
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
        self.setObjectName("demoEditor")
        self.services = services
        self.task_id = task_id
        self.task: PresalesTask | None = services.presales.task(task_id) if task_id else None
        self.engagement_id = self.task.engagement_id if self.task else engagement_id or ""
        self.engagement = services.presales.engagement(self.engagement_id)
        self.dirty = False
        self.last_saved: TaskSaved | None = None
        self.base = self._knowledge()
        playbook = services.presales.playbook
        self.form = TaskCommonForm()
        self.modules_list = ModulesList(playbook.modules)
        self.scenarios = ScenariosTable(playbook.modules, self.base)
        self.environment_edit = QPlainTextEdit()
        self.data_prep_edit = QPlainTextEdit()
        self.feedback_table = FeedbackTable()
        self._build()
        self._load()
        self._connect_changes()
        self.retranslate_ui()
        settle_minimum_size(self)
        fit_to_screen(self, 860, 640)

    def _knowledge(self) -> KnowledgeBase | None:
        try:
            return self.services.knowledge()
        except DomainError:
            return None  # a broken base: scenarios are typed by hand

    # -- building ----------------------------------------------------------------

    def _build(self) -> None:
        self.header_label = QLabel()
        self.header_label.setWordWrap(True)
        self.tabs = QTabWidget()
        plan = QWidget()
        QVBoxLayout(plan).addWidget(self.form)
        # each tab scrolls when the screen is too low for it (a laptop at 150 %)
        for page in (plan, self._content_page(), self._after_page()):
            self.tabs.addTab(scrolling(page), "")
        self.warning_label = QLabel()
        self.warning_label.setObjectName("overlapWarning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.error_label = reserved_problem_label()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.done_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_demo_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.done_button.clicked.connect(self.mark_done)
        self.cancel_demo_button.clicked.connect(self.cancel_demo)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _content_page(self) -> QWidget:
        page = QWidget()
        self.add_script_button = QPushButton()
        self.add_script_button.clicked.connect(self.pick_scripts)
        self.scenarios.add_side_button(self.add_script_button)
        self.scenarios_problem = reserved_problem_label()
        self.fill_button = QPushButton()
        self.fill_button.clicked.connect(self.fill_from_scripts)
        for edit in (self.environment_edit, self.data_prep_edit):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(84)
        prep = QHBoxLayout()
        prep.addWidget(self.data_prep_edit, 1)
        prep.addWidget(self.fill_button)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(self.scenarios)
        column.addWidget(self.scenarios_problem)
        self.content_form = QFormLayout(page)
        self.content_captions = [QLabel() for _ in range(4)]
        self.content_form.addRow(self.content_captions[0], self.modules_list)
        self.content_form.addRow(self.content_captions[1], box)
        self.content_form.addRow(self.content_captions[2], self.environment_edit)
        self.content_form.addRow(self.content_captions[3], prep)
        return page

    def _after_page(self) -> QWidget:
        page = QWidget()
        self.feedback_caption = QLabel()
        self.feedback_problem = reserved_problem_label()
        layout = QVBoxLayout(page)
        layout.addWidget(self.feedback_caption)
        layout.addWidget(self.feedback_table, 3)  # the scenarios' rows before the follow-ups'
        layout.addWidget(self.feedback_problem)
        layout.addWidget(self.form.take_after(), 2)
        return page

    def _connect_changes(self) -> None:
        self.form.changed.connect(self._mark_dirty)
        self.modules_list.itemChanged.connect(self._mark_dirty)
        self.scenarios.changed.connect(self._scenarios_changed)
        self.environment_edit.textChanged.connect(self._mark_dirty)
        self.data_prep_edit.textChanged.connect(self._mark_dirty)
        self.feedback_table.edited.connect(self._mark_dirty)

    def _mark_dirty(self, *_args: Any) -> None:
        self.dirty = True

    def _scenarios_changed(self) -> None:
        """The feedback rows follow the scenarios, keeping what was typed."""
        self.feedback_table.show_scenarios(self.scenarios.scenarios(), self.feedback_table.typed())
        self.dirty = True

    # -- texts -------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        for index, text in enumerate(
            (self.tr("Plan"), self.tr("Content"), self.tr("After the demo"))
        ):
            self.tabs.setTabText(index, text)
        captions = (self.tr("Modules shown"), self.tr("Scenarios"), self.tr("Environment"),
                    self.tr("Data to prepare"))  # fmt: skip
        for label, text in zip(self.content_captions, captions, strict=True):
            label.setText(text)
        self.scenarios.set_headers(
            [self.tr("Code"), self.tr("Title"), self.tr("Module"), self.tr("Script"),
             self.tr("Length")]
        )  # fmt: skip
        self.scenarios.add_button.setText(self.tr("Add"))
        self.scenarios.remove_button.setText(self.tr("Remove"))
        self.add_script_button.setText(self.tr("Add from knowledge base…"))
        self.fill_button.setText(self.tr("Fill from scripts"))
        self.environment_edit.setPlaceholderText(self.tr("System, version, accounts, network…"))
        self.data_prep_edit.setPlaceholderText(self.tr("Master data and documents the demo needs"))
        self.feedback_caption.setText(self.tr("The customer's feedback per scenario"))
        self.modules_list.retranslate()
        self.scenarios.retranslate()
        self.save_button.setText(self.tr("Save"))
        self.done_button.setText(self.tr("Save as done"))
        self.cancel_demo_button.setText(self.tr("Cancel demo…"))
        self.close_button.setText(self.tr("Close"))
        self._show_header()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_header(self) -> None:
        task = self.task
        if task is None:
            self.setWindowTitle(self.tr("New demo"))
            text = self.tr("New demo · consultant {consultant}")
        else:
            self.setWindowTitle(self.tr("Demo {title}").format(title=task.title))
            text = self.tr("Demo · consultant {consultant} · {state}")
        state = enum_text(task.state) if task else ""
        self.header_label.setText(text.format(consultant=self.engagement.consultant, state=state))

    # -- loading -------------------------------------------------------------------

    def _load(self) -> None:
        task, engagement = self.task, self.engagement
        if task is None:
            request = self.services.presales.request(engagement.request_id)
            self.form.set_new(engagement.consultant, request.attendees)
            self.modules_list.set_checked(request.modules)
        else:
            self.form.set_task(task, engagement.consultant)
            self.modules_list.set_checked(task.modules)
            self.scenarios.set_scenarios(task.scenarios)
            self.environment_edit.setPlainText(task.environment)
            self.data_prep_edit.setPlainText(task.data_prep)
        scenarios = task.scenarios if task else ()
        self.feedback_table.show_scenarios(scenarios, task.feedback if task else {})
        self._set_editable()
        self.dirty = False

    def _set_editable(self) -> None:
        """New or planned: everything; done: what comes after the demo;
        cancelled (or a closed engagement's new demo): nothing."""
        state = self.task.state if self.task else TaskState.PLANNED
        planned = state is TaskState.PLANNED
        after = state is not TaskState.CANCELLED
        if self.task is None and not self.engagement.is_open:
            planned = after = False  # a closed engagement takes no new demo
            self.error_label.show_text(self.tr("The engagement is closed; it takes no new demo."))
        self.form.set_plan_editable(planned)
        self.form.set_after_editable(after)
        self.modules_list.set_editable(planned)
        self.scenarios.set_editable(planned)
        self.add_script_button.setEnabled(planned and self.base is not None)
        self.fill_button.setEnabled(planned)
        for edit in (self.environment_edit, self.data_prep_edit):
            edit.setReadOnly(not planned)
        self.feedback_table.set_editable(after)
        self.save_button.setEnabled(after)
        self.done_button.setEnabled(self.task is not None and planned)
        self.cancel_demo_button.setEnabled(self.task is not None and planned)

    # -- content actions ------------------------------------------------------------

    def pick_scripts(self) -> list[str]:
        """Ask for knowledge-base scripts; each picked one becomes a scenario."""
        from erpdesk.ui.presales.demo_picker import DemoScriptPicker

        if self.base is None:
            return []
        picker = DemoScriptPicker(self.base, self.modules_list.checked(), self)
        try:
            if picker.exec() != QDialog.DialogCode.Accepted:
                return []
            return self.add_scripts(picker.picked())
        finally:
            picker.deleteLater()

    def add_scripts(self, scripts: Any) -> list[str]:
        """Scenarios for *scripts* (their modules checked too); their codes."""
        codes = []
        shown = set(self.modules_list.checked())
        for script in scripts:
            row = self.scenarios.add_script(script)
            codes.append(self.scenarios.text(row, 0))
            shown.add(script.module)
        self.modules_list.set_checked(shown)
        return codes

    def fill_from_scripts(self) -> None:
        """Append the scenarios' scripts' data to prepare that is not there yet."""
        text = self.data_prep_edit.toPlainText()
        lines = [line for s in self.scenarios.scripts() for line in s.data_to_prepare]
        new = [line for line in dict.fromkeys(lines) if line not in text]
        if new:
            joined = "\n".join(f"• {line}" for line in new)
            self.data_prep_edit.setPlainText(f"{text.rstrip()}\n{joined}".strip())

    # -- saving ------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """Every field as the service takes it; ``ValidationError`` for
        input the form cannot read."""
        problems: list[Problem] = []
        try:
            fields = self.form.values()
        except ValidationError as exc:
            problems += exc.problems
            fields = {}
        problems += [
            Problem("feedback", "feedback.no_score", _COMMENT_NO_SCORE, {"scenario": code})
            for code, given in self.feedback_table.typed().items()
            if not given.score and given.comment.strip()
        ]
        if problems:
            raise ValidationError(problems)
        fields.update(
            modules=self.modules_list.checked(),
            scenarios=self.scenarios.scenarios(),
            environment=self.environment_edit.toPlainText().strip(),
            data_prep=self.data_prep_edit.toPlainText().strip(),
            feedback=self.feedback_table.feedback(),
        )
        return fields

    def save(self, state: TaskState | None = None) -> bool:
        """Save through the service (one call); on a refusal show the
        problems and keep everything.  True when saved."""
        presales = self.services.presales
        try:
            fields = self.values()
            if self.task is None:
                title, starts, ends = (fields.pop(k) for k in ("title", "starts_at", "ends_at"))
                result = presales.add_task(
                    self.engagement_id, TaskKind.DEMO, title, starts, ends, **fields
                )
            else:
                if state is not None:
                    fields["state"] = state
                result = presales.edit_task(self.task.id, **fields)
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return False
        except DomainError as exc:
            self.show_problems([])
            self.error_label.show_text(exc.render(translate))
            return False
        self._saved(result)
        return True

    def mark_done(self) -> bool:
        """Save the edits with the demo done, in one call."""
        return self.save(TaskState.DONE)

    def _saved(self, result: TaskSaved) -> None:
        self.last_saved = result
        self.task, self.task_id = result.task, result.task.id
        self.show_problems([])
        self.dirty = False
        self._set_editable()
        self._show_header()
        self.saved.emit(result.task.id)
        if result.overlapping:
            self.warn_overlap(result.overlapping)
        else:
            self.warning_label.clear()
            self.accept()

    def warn_overlap(self, others: tuple[PresalesTask, ...]) -> None:
        """Saved, but the same people have other demos then: name them."""
        names = "\n".join(f"• {o.title} ({time_range_text(o)})" for o in others)
        text = self.tr(
            "Saved. The demo overlaps other planned demos of the same people:\n{demos}"
        ).format(demos=names)
        self.warning_label.setText(text)
        QMessageBox.warning(self, self.tr("Overlapping demos"), text)

    def show_problems(self, problems: list[Problem]) -> None:
        """Under the fields they name (the first one's tab brought forward),
        the rest in the message area; nothing is cleared of what was typed."""
        rest = self.form.show_problems(problems)
        by_field = problems_by_field(rest)
        self.scenarios_problem.set_problems(
            by_field.pop("scenarios", []) + by_field.pop("modules", [])
        )
        self.feedback_problem.set_problems(by_field.pop("feedback", []))
        left = [p for found in by_field.values() for p in found]
        if not problems:
            self.error_label.show_text("")
            return
        message = problem_text(left) or self.tr("Please correct the fields marked in red.")
        self.error_label.show_text(message)
        self.tabs.setCurrentIndex(self._tab_of(problems[0].field))

    @staticmethod
    def _tab_of(field: str) -> int:
        return _TAB_OF.get(field.split(".")[0], PLAN_TAB)

    def cancel_demo(self) -> bool:
        """Cancel the demo (asked first); its edits are not saved."""
        if self.task is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Cancel the demo"),
            self.tr("Cancel the demo “{title}”? A cancelled demo is not changed any more.").format(
                title=self.task.title
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.task = self.services.presales.cancel_task(self.task.id)
        except DomainError as exc:
            self.error_label.show_text(exc.render(translate))
            return False
        self.dirty = False
        self._set_editable()
        self._show_header()
        self.saved.emit(self.task.id)
        return True

    def reject(self) -> None:
        if self.dirty:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Discard the changes to this demo?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.dirty = False
        super().reject()
