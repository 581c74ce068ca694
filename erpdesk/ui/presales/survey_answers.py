"""The survey's questionnaire: the modules in scope (ticked in a list) and,
per module, its questions with an input by kind: a text box, yes / no, a
choice, a number (checked as a number when saved, its message under it).

The questions come from the questionnaires in use, in the window's
language (their help as a tooltip).  Answers to questions the file no
longer has are shown read-only and kept: nothing a consultant recorded is
lost because the questionnaire changed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import Problem
from erpdesk.domain.questionnaire import Question, QuestionKind, Questionnaires
from erpdesk.ui.funnel.worksheet_widgets import name_text
from erpdesk.ui.presales.survey_parts import reserved_problem_label
from erpdesk.ui.widgets import ProblemLabel, problem_text

CODE_ROLE = Qt.ItemDataRole.UserRole


def number_value(text: str) -> int | Decimal | str:
    """A typed number as stored: an int when whole, else a Decimal; the
    text itself when it is not a number (the rules then refuse it)."""
    try:
        number = Decimal(text.strip().replace(",", ""))
    except InvalidOperation:
        return text
    if not number.is_finite():
        return text
    return int(number) if number == number.to_integral_value() else number


def answer_text(value: Any) -> str:
    """A stored answer as text in an input or a read-only line."""
    if isinstance(value, bool):
        return ""
    return "" if value is None else str(value)


class AnswerInput:
    """The input of one question: its widget, its value and its problem line."""

    def __init__(self, question: Question, changed: Callable[[], None]) -> None:
        self.question = question
        self.problem: ProblemLabel | None = None
        kind = question.kind
        if kind is QuestionKind.TEXT:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 2 + 14)
            edit.textChanged.connect(changed)
            self.widget: QWidget = edit
        elif kind is QuestionKind.NUMBER:
            line = QLineEdit()
            line.setMaximumWidth(220)
            line.textChanged.connect(lambda _text: changed())
            self.problem = reserved_problem_label(1)
            self.widget = line
        else:
            combo = QComboBox()
            combo.setMinimumWidth(220)
            combo.currentIndexChanged.connect(lambda _i: changed())
            self.widget = combo
        self.retranslate()

    def retranslate(self) -> None:
        """The choices' texts and the help tooltip in the window's language."""
        help_text = name_text(self.question.help) if self.question.help else ""
        self.widget.setToolTip(help_text)
        if not isinstance(self.widget, QComboBox):
            if isinstance(self.widget, QLineEdit):
                self.widget.setPlaceholderText(
                    QCoreApplication.translate("SurveyAnswers", "a number, e.g. 12 or 3.5")
                )
            return
        combo, keep = self.widget, self.widget.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(QCoreApplication.translate("SurveyAnswers", "— not answered —"), None)
        if self.question.kind is QuestionKind.YES_NO:
            combo.addItem(QCoreApplication.translate("SurveyAnswers", "Yes"), True)
            combo.addItem(QCoreApplication.translate("SurveyAnswers", "No"), False)
        else:
            for choice in self.question.choices:
                combo.addItem(name_text(choice.names), choice.code)
        combo.blockSignals(False)
        self.set_value(keep)

    def value(self) -> Any:
        """The answer as typed: text, True / False, a choice code, the
        number's text; None when not answered."""
        widget = self.widget
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip() or None
        if isinstance(widget, QLineEdit):
            return widget.text().strip() or None
        assert isinstance(widget, QComboBox)
        return widget.currentData()

    def set_value(self, value: Any) -> None:
        widget = self.widget
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(answer_text(value))
        elif isinstance(widget, QLineEdit):
            widget.setText(answer_text(value))
        else:
            assert isinstance(widget, QComboBox)
            widget.blockSignals(True)
            index = next((i for i in range(widget.count()) if _same(widget.itemData(i), value)), 0)
            if value is not None and index == 0:  # a choice the file no longer has stays
                widget.addItem(str(value), value)
                index = widget.count() - 1
            widget.setCurrentIndex(index)
            widget.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        widget = self.widget
        if isinstance(widget, QPlainTextEdit | QLineEdit):
            widget.setReadOnly(read_only)
        else:
            widget.setEnabled(not read_only)


class ModulePage(QScrollArea):
    """One module's questions with their inputs, and the answers to
    questions the questionnaire no longer has (read-only)."""

    def __init__(
        self,
        module: str,
        questions: tuple[Question, ...],
        stored: Mapping[str, Any],
        changed: Callable[[], None],
    ) -> None:
        super().__init__()
        self.module = module
        self.stored = dict(stored)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.inputs: dict[str, AnswerInput] = {}
        self.labels: dict[str, QLabel] = {}
        for number, question in enumerate(questions, start=1):
            answer = AnswerInput(question, changed)
            answer.set_value(stored.get(question.code))
            label = QLabel()
            label.setWordWrap(True)
            label.setMinimumWidth(300)
            label.setMaximumWidth(380)
            label.setProperty("number", number)
            self.inputs[question.code] = answer
            self.labels[question.code] = label
            field: QWidget = answer.widget
            if answer.problem is not None:
                field = QWidget()
                box = QVBoxLayout(field)
                box.setContentsMargins(0, 0, 0, 0)
                box.setSpacing(1)
                box.addWidget(answer.widget)
                box.addWidget(answer.problem)
            form.addRow(label, field)
        layout = QVBoxLayout(body)
        layout.addLayout(form)
        known = {q.code for q in questions}
        self.older = {c: v for c, v in stored.items() if c not in known and v not in (None, "")}
        self.older_box = QGroupBox()
        older_layout = QVBoxLayout(self.older_box)
        self.older_label = QLabel()
        self.older_label.setWordWrap(True)
        self.older_label.setTextFormat(Qt.TextFormat.PlainText)
        self.older_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        older_layout.addWidget(self.older_label)
        self.older_box.setVisible(bool(self.older))
        layout.addWidget(self.older_box)
        self.empty_label = QLabel()
        self.empty_label.setVisible(not questions and not self.older)
        layout.addWidget(self.empty_label)
        layout.addStretch(1)
        self.setWidget(body)
        self.retranslate()

    def retranslate(self) -> None:
        for code, label in self.labels.items():
            answer = self.inputs[code]
            label.setText(f"{label.property('number')}. {name_text(answer.question.names)}")
            answer.retranslate()
        self.older_box.setTitle(
            QCoreApplication.translate(
                "SurveyAnswers", "Answers to questions no longer in the questionnaire"
            )
        )
        yes = QCoreApplication.translate("SurveyAnswers", "Yes")
        no = QCoreApplication.translate("SurveyAnswers", "No")
        self.older_label.setText(
            "\n".join(
                f"{code}: {(yes if v else no) if isinstance(v, bool) else v}"
                for code, v in self.older.items()
            )
        )
        self.empty_label.setText(
            QCoreApplication.translate("SurveyAnswers", "The questionnaire has no questions here.")
        )

    def answers(self) -> dict[str, Any]:
        """The answers as typed; an answer cleared since it was stored is
        None (so that it is cleared), one never given is left out."""
        out: dict[str, Any] = {}
        for code, answer in self.inputs.items():
            value = answer.value()
            if value is not None or self.stored.get(code) not in (None, ""):
                out[code] = value
        return out

    def show_problems(self, problems: Mapping[str, list[Problem]]) -> None:
        """*problems* by question code; the others' lines are cleared."""
        for code, answer in self.inputs.items():
            if answer.problem is not None:
                answer.problem.show_text(_short(problems.get(code, [])))


class QuestionnairePanel(QWidget):
    """The modules in scope and their questions.

    Signals:
        edited(): an answer or the scope changed.
    """

    edited = Signal()

    def __init__(
        self,
        questionnaires: Questionnaires,
        module_name: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.questionnaires = questionnaires
        self.module_name = module_name
        self.pages: dict[str, ModulePage] = {}
        self._read_only = False
        self.scope_label = QLabel()
        self.scope_label.setWordWrap(True)
        self.modules_list = QListWidget()
        self.modules_list.setMaximumWidth(190)
        self.modules_list.currentRowChanged.connect(self._show_page)
        self.modules_list.itemChanged.connect(self._scope_changed)
        self.stack = QStackedWidget()
        self.problem_label = reserved_problem_label(2)
        left = QVBoxLayout()
        left.addWidget(self.scope_label)
        left.addWidget(self.modules_list, 1)
        row = QHBoxLayout()
        row.addLayout(left)
        row.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row, 1)
        layout.addWidget(self.problem_label)
        self.retranslate_ui()

    def set_values(self, scope: tuple[str, ...], answers: Mapping[str, Mapping[str, Any]]) -> None:
        """Show the questionnaire's modules (and any other module with
        answers) with *scope* ticked and *answers* filled in."""
        self.modules_list.blockSignals(True)
        self.modules_list.clear()
        for old in list(self.pages.values()):
            self.stack.removeWidget(old)
            old.deleteLater()
        self.pages = {}
        codes = list(self.questionnaires.modules)
        codes += sorted(m for m in answers if m not in codes)
        for code in codes:
            questionnaire = self.questionnaires.for_module(code)
            questions = questionnaire.questions if questionnaire else ()
            page = ModulePage(code, questions, answers.get(code, {}), self.edited.emit)
            self.pages[code] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(self.module_name(code))
            item.setData(CODE_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = code in scope
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.modules_list.addItem(item)
            page.setEnabled(ticked)
        first = next((i for i, c in enumerate(codes) if c in scope), 0)
        self.modules_list.setCurrentRow(first)
        self.stack.setCurrentIndex(first)
        self.modules_list.blockSignals(False)
        self.set_read_only(self._read_only)

    def retranslate_ui(self) -> None:
        self.scope_label.setText(self.tr("Modules in scope (tick to survey)"))
        self.modules_list.setToolTip(
            self.tr("A module left out keeps the answers already recorded for it")
        )
        for i in range(self.modules_list.count()):
            item = self.modules_list.item(i)
            item.setText(self.module_name(item.data(CODE_ROLE)))
        for page in self.pages.values():
            page.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_page(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)

    def _scope_changed(self, item: QListWidgetItem) -> None:
        page = self.pages.get(item.data(CODE_ROLE))
        if page is not None:
            page.setEnabled(item.checkState() == Qt.CheckState.Checked)
        self.modules_list.setCurrentItem(item)
        self.edited.emit()

    def scope(self) -> tuple[str, ...]:
        """The ticked modules, in the list's order."""
        items = (self.modules_list.item(i) for i in range(self.modules_list.count()))
        return tuple(
            item.data(CODE_ROLE) for item in items if item.checkState() == Qt.CheckState.Checked
        )

    def show_module(self, code: str) -> None:
        page = self.pages.get(code)
        if page is not None:
            self.modules_list.setCurrentRow(self.stack.indexOf(page))

    def raw_answers(self) -> dict[str, dict[str, Any]]:
        """The answers of the modules in scope as typed (numbers as text)."""
        out = {m: self.pages[m].answers() for m in self.scope()}
        return {m: given for m, given in out.items() if given}

    def answers(self) -> dict[str, dict[str, Any]]:
        """The answers as stored: numbers as numbers."""
        out: dict[str, dict[str, Any]] = {}
        for module, given in self.raw_answers().items():
            page = self.pages[module]
            out[module] = {
                code: number_value(value)
                if isinstance(value, str) and page.inputs[code].question.kind is QuestionKind.NUMBER
                else value
                for code, value in given.items()
            }
        return out

    def show_problems(self, problems: list[Problem]) -> None:
        """Problems named ``answers.<module>.<code>`` under their inputs (the
        first such module shown), the rest of ``answers`` in the panel's line."""
        mine = [p for p in problems if p.field.split(".")[0] == "answers"]
        by_module: dict[str, dict[str, list[Problem]]] = {}
        rest: list[Problem] = []
        for problem in mine:
            parts = problem.field.split(".", 2)
            if len(parts) == 3 and parts[1] in self.pages:
                by_module.setdefault(parts[1], {}).setdefault(parts[2], []).append(problem)
            else:
                rest.append(problem)
        for module, page in self.pages.items():
            page.show_problems(by_module.get(module, {}))
        if by_module:
            self.show_module(next(iter(by_module)))
        self.problem_label.show_text(problem_text(rest))

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        self.modules_list.blockSignals(True)
        for i in range(self.modules_list.count()):
            item = self.modules_list.item(i)
            item.setFlags(flags if read_only else flags | Qt.ItemFlag.ItemIsUserCheckable)
        self.modules_list.blockSignals(False)
        for page in self.pages.values():
            for answer in page.inputs.values():
                answer.set_read_only(read_only)


def _short(problems: list[Problem]) -> str:
    """A number's problem under its input, without the question above it."""
    if len(problems) == 1 and "value" in problems[0].params:
        text = QCoreApplication.translate("SurveyAnswers", "“{value}” is not a number")
        return text.format(value=problems[0].params["value"])
    return problem_text(problems)


def _same(data: Any, value: Any) -> bool:
    """An item's data is the answer (True is not 1, nor "1" True)."""
    return type(data) is type(value) and data == value
