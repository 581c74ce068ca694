"""The survey questionnaires editor: pick a module of the playbook, edit its
questions (code, Chinese, English, kind; a choice question's choices and
every question's help) and save them through
``PresalesContentService.save_questionnaire``, checked like the file.

A refused questionnaire keeps the dialog open with everything typed and
says what is wrong under the questions (the row it is about selected).  A
file's questionnaire edited on this desk can be reset to the file's; a
module without one gets its first question from "Add".
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError, Problem, ValidationError
from erpdesk.services.presales_content import QUESTIONNAIRE
from erpdesk.ui.form_fit import fit_to_screen, scrolling
from erpdesk.ui.funnel import names_text
from erpdesk.ui.presales.questionnaire_editor_fields import QuestionsEditor
from erpdesk.ui.widgets import ProblemLabel, local_time_text, settle_minimum_size, translate


class QuestionnaireEditor(QDialog):
    """Edit the survey questionnaire of each module.

    Signals:
        saved(str): the module's questionnaire was stored (or reset).
    """

    saved = Signal(str)

    def __init__(self, content: Any, module: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionnaireEditor")
        self.content = content
        self.dirty = False
        self.module = ""
        self.module_combo = QComboBox()
        self.module_label = QLabel()
        self.origin_label = QLabel()
        self.origin_label.setStyleSheet("color: #607d8b;")
        self.questions = QuestionsEditor()
        self.questions.changed.connect(self._mark_dirty)
        self.problem_label = ProblemLabel(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)  # the form never shifts
        self.problem_label.setSizePolicy(policy)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.module_label)
        top.addWidget(self.module_combo, 1)
        top.addWidget(self.origin_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scrolling(self.questions), 1)  # scrolls on a laptop at 150 %
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self._fill_modules()
        self.retranslate_ui()
        self.module_combo.currentIndexChanged.connect(self._module_picked)
        start = self.module_combo.findData(module) if module else 0
        self.module_combo.setCurrentIndex(max(start, 0))
        self._load(str(self.module_combo.currentData() or ""))
        settle_minimum_size(self)
        fit_to_screen(self, 900, 640)

    def _fill_modules(self) -> None:
        from erpdesk.playbooks import read_playbook

        for module in read_playbook().modules:
            self.module_combo.addItem(f"{names_text(module.names)} ({module.code})", module.code)

    # -- texts -----------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Survey questionnaires"))
        self.module_label.setText(self.tr("Module:"))
        self.questions.set_headers(
            [self.tr("Code"), self.tr("Question (Chinese)"), self.tr("Question (English)"),
             self.tr("Kind")],
            [self.tr("Code"), self.tr("Chinese"), self.tr("English")],
            [self.tr("Choices"), self.tr("Help (Chinese)"), self.tr("Help (English)")])
        self.questions.table.table.setToolTip(self.tr(
            "Kinds: text, yes_no, choice (with its choices) or number"))
        self.reset_button.setText(self.tr("Reset to the file's"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        if self.module:
            self._show_origin()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- loading ---------------------------------------------------------------

    def _load(self, module: str) -> None:
        from erpdesk.questionnaires import questionnaire_to_data

        self.module = module
        found = self.content.questionnaires().for_module(module)
        data = questionnaire_to_data(found) if found is not None else {"questions": []}
        self.questions.set_questions(data["questions"])
        self.problem_label.show_text("")
        self.dirty = False
        self._show_origin()

    def _show_origin(self) -> None:
        origin = self.content.origin(QUESTIONNAIRE, self.module)
        present = self.content.questionnaires().for_module(self.module) is not None
        if origin.edited:
            text = self.tr("Edited on this desk {when} by {who}").format(
                when=local_time_text(origin.updated_at), who=origin.updated_by or "—")
        elif present:
            text = self.tr("As in the questionnaires file")
        else:
            text = self.tr("No questionnaire yet: add its questions")
        self.origin_label.setText(text)
        self.reset_button.setEnabled(
            self.content.in_files(QUESTIONNAIRE, self.module) and (origin.edited or not present))

    def _module_picked(self, _index: int) -> None:
        module = str(self.module_combo.currentData() or "")
        if module == self.module:
            return
        if not self._may_discard():
            self.module_combo.blockSignals(True)
            self.module_combo.setCurrentIndex(self.module_combo.findData(self.module))
            self.module_combo.blockSignals(False)
            return
        self._load(module)

    def _mark_dirty(self, *_args: Any) -> None:
        self.dirty = True

    # -- saving ----------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        return {"module": self.module, "questions": self.questions.questions()}

    def save(self) -> bool:
        """Store the module's questionnaire; its problems shown otherwise
        (the dialog keeps everything typed)."""
        try:
            self.content.save_questionnaire(self.values())
        except ValidationError as exc:
            self.problem_label.show_text(
                "\n".join(self._named(p).render(translate) for p in exc.problems))
            parts = next((p.field for p in exc.problems if p.field), "").split(".")
            if len(parts) > 1 and parts[0] == "questions" and parts[1].isdigit():
                self.questions.select(int(parts[1]))
            return False
        except DomainError as exc:
            self.problem_label.show_text(exc.render(translate))
            return False
        self.dirty = False
        self.problem_label.show_text("")
        self._show_origin()
        self.saved.emit(self.module)
        return True

    def _named(self, problem: Problem) -> Problem:
        """*problem* naming the question by its row ("Question 3, en")
        rather than by the file's key path."""
        parts = problem.field.split(".")
        if "key" not in problem.params or len(parts) < 2 or not parts[1].isdigit():
            return problem
        name = self.tr("Question {n}").format(n=int(parts[1]) + 1)
        if len(parts) > 2:
            name = f"{name}, {'.'.join(parts[2:])}"
        return replace(problem, params={**problem.params, "key": name})

    def reset(self) -> None:
        """Back to the file's questionnaire of the module (asks first)."""
        answer = QMessageBox.question(
            self, self.tr("Reset questionnaire"),
            self.tr("Forget this desk's changes to the questionnaire and use the file's?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.content.reset_questionnaire(self.module)
        except DomainError as exc:
            self.problem_label.show_text(exc.render(translate))
            return
        self._load(self.module)
        self.saved.emit(self.module)

    def _may_discard(self) -> bool:
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("Discard the changes to this questionnaire?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if not self._may_discard():
            return
        self.dirty = False
        super().reject()


def edit_questionnaires(parent: QWidget | None, content: Any, module: str = "") -> None:
    """The questionnaire editor as a modal dialog."""
    QuestionnaireEditor(content, module, parent).exec()
