"""Survey questionnaires (需求调研问卷): per ERP module, the questions a
consultant asks in a requirements survey.

They are data (``resources/presales/questionnaires.toml``) a presales lead
edits; ``parse_questionnaires`` checks a text against the schema below and
refuses a malformed one with the file, the line and the problem, like the
playbook (it shares the playbook's ``SchemaReader``).  Nothing here reads
files: ``erpdesk.questionnaires`` does.

A survey task keeps its answers by module and question code
(``PresalesTask.answers``); ``answer_problems`` checks them against the
questions, and keeps answers to questions a newer questionnaire dropped.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from erpdesk.domain.errors import Problem
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.playbook import Choice, Names, PlaybookError
from erpdesk.domain.playbook_schema import (
    BAD_CODE,
    EMPTY,
    SchemaReader,
    read_toml,
)
from erpdesk.domain.toml_lines import Path


class QuestionKind(StrEnum):
    """What an answer holds."""

    TEXT = "text"  # free text
    YES_NO = "yes_no"  # true or false
    CHOICE = "choice"  # one of the question's choices, by code
    NUMBER = "number"  # a number (a Decimal, or its text)


@dataclass(frozen=True)
class Question:
    code: str  # unique within its module, e.g. "entities"
    names: Names  # the question in both languages
    kind: QuestionKind
    choices: tuple[Choice, ...] = ()  # CHOICE only
    help: Names | None = None


@dataclass(frozen=True)
class ModuleQuestionnaire:
    """The questions of one module (a playbook ``modules`` code)."""

    module: str
    questions: tuple[Question, ...]

    def question(self, code: str) -> Question | None:
        return next((q for q in self.questions if q.code == code), None)


@dataclass(frozen=True)
class Questionnaires:
    """Every module's questionnaire, by module code, in the file's order."""

    version: str
    modules: dict[str, ModuleQuestionnaire] = field(default_factory=dict)

    def for_module(self, module: str) -> ModuleQuestionnaire | None:
        return self.modules.get(module)


class QuestionnaireError(PlaybookError):
    """A questionnaire file that cannot be used, shown ``FILE:LINE: problem``."""


CANNOT_READ = QT_TRANSLATE_NOOP("Domain", "The questionnaires cannot be read: {detail}")
NOT_A_MODULE = QT_TRANSLATE_NOOP(
    "Domain", '"{module}" is not a module of the playbook; use one of: {allowed}'
)
NO_QUESTION_CHOICES = QT_TRANSLATE_NOOP("Domain", 'The choice question "{code}" needs choices')
QUESTION_CHOICES_NOT_HERE = QT_TRANSLATE_NOOP(
    "Domain", 'Only a choice question has choices, not the {kind} question "{code}"'
)
ANSWER_NOT_TEXT = QT_TRANSLATE_NOOP("Domain", "{question}: the answer must be a text")
ANSWER_NOT_YES_NO = QT_TRANSLATE_NOOP("Domain", "{question}: the answer must be yes or no")
ANSWER_NOT_NUMBER = QT_TRANSLATE_NOOP("Domain", '{question}: "{value}" is not a number')
ANSWER_NOT_CHOICE = QT_TRANSLATE_NOOP("Domain", '{question}: "{value}" is not one of: {allowed}')

_CODE = re.compile(r"[a-z][a-z0-9_]*\Z")
_TOP_KEYS = ("version", "modules")
_MODULE_KEYS = ("module", "questions")
_QUESTION_KEYS = ("code", "zh", "en", "kind")
_QUESTION_OPTIONAL = ("choices", "help_zh", "help_en")


class _QuestionnaireReader(SchemaReader):
    error = QuestionnaireError
    whole = "the questionnaires"

    def read(self, data: dict[str, Any], known: Collection[str] | None) -> Questionnaires:
        self.keys(data, (), _TOP_KEYS)
        items = self.array(data, "modules", ())
        if not items:
            self.fail(("modules",), EMPTY, "empty", key="modules")
        modules = [self.module(item, ("modules", n), known) for n, item in enumerate(items)]
        self.unique(
            ((m.module, ("modules", n, "module")) for n, m in enumerate(modules)), ("modules",)
        )
        return Questionnaires(
            version=self.text(data, "version", ()),
            modules={m.module: m for m in modules},
        )

    def module(self, item: Any, path: Path, known: Collection[str] | None) -> ModuleQuestionnaire:
        table = self.table(item, path)
        self.keys(table, path, _MODULE_KEYS)
        module = self.text(table, "module", path)
        if not _CODE.match(module):
            self.fail((*path, "module"), BAD_CODE, "bad_code", code=module)
        if known is not None and module not in known:
            self.fail(
                (*path, "module"),
                NOT_A_MODULE,
                "unknown_module",
                module=module,
                allowed=", ".join(known),
            )
        items = self.array(table, "questions", path)
        if not items:
            self.fail((*path, "questions"), EMPTY, "empty", key=self.where((*path, "questions")))
        questions = [self.question(q, (*path, "questions", n)) for n, q in enumerate(items)]
        self.unique(
            ((q.code, (*path, "questions", n)) for n, q in enumerate(questions)),
            (*path, "questions"),
        )
        return ModuleQuestionnaire(module, tuple(questions))

    def question(self, item: Any, path: Path) -> Question:
        table = self.table(item, path)
        self.keys(table, path, _QUESTION_KEYS, _QUESTION_OPTIONAL)
        code = self.code(table, path)
        kind: QuestionKind = self.enum(table, "kind", path, QuestionKind)
        if "choices" in table and kind is not QuestionKind.CHOICE:
            self.fail(
                (*path, "choices"),
                QUESTION_CHOICES_NOT_HERE,
                "choices_not_allowed",
                kind=kind.value,
                code=code,
            )
        choices = self.choices(table, "choices", path)
        if kind is QuestionKind.CHOICE and not choices:
            self.fail(path, NO_QUESTION_CHOICES, "no_choices", code=code)
        help_names = None
        if "help_zh" in table or "help_en" in table:
            help_names = self.names(table, path, prefix="help_")
        return Question(code, self.names(table, path), kind, choices, help_names)


def parse_questionnaires(
    text: str, source: str = "<questionnaires>", *, modules: Collection[str] | None = None
) -> Questionnaires:
    """The questionnaires in the TOML *text* (read from *source*, named in
    errors), each module one of *modules* (the playbook's module codes) when
    given; ``QuestionnaireError`` naming the line of the first problem."""
    data = read_toml(text, source, QuestionnaireError)
    return _QuestionnaireReader(text, source).read(data, modules)


# --- answers -----------------------------------------------------------------------


def _answer_problem(question: Question, value: Any, where: str) -> Problem | None:
    labels = {"question": question.names.en, "question_zh": question.names.zh}

    def problem(text: str, **params: Any) -> Problem:
        return Problem(where, f"{where}.invalid", text, {**labels, **params})

    if value is None or value == "":
        return None  # not answered (yet)
    kind = question.kind
    if kind is QuestionKind.TEXT:
        return None if isinstance(value, str) else problem(ANSWER_NOT_TEXT)
    if kind is QuestionKind.YES_NO:
        return None if isinstance(value, bool) else problem(ANSWER_NOT_YES_NO)
    if kind is QuestionKind.NUMBER:
        if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
            return problem(ANSWER_NOT_NUMBER, value=value)
        try:
            number = Decimal(str(value).strip().replace(",", ""))
        except InvalidOperation:
            return problem(ANSWER_NOT_NUMBER, value=value)
        return None if number.is_finite() else problem(ANSWER_NOT_NUMBER, value=value)
    codes = [c.code for c in question.choices]
    if value in codes:
        return None
    return problem(ANSWER_NOT_CHOICE, value=value, allowed=", ".join(codes))


def answer_problems(
    questionnaires: Questionnaires, answers: Mapping[str, Mapping[str, Any]]
) -> list[Problem]:
    """Every answer in *answers* (module -> question code -> answer) that
    does not fit its question's kind, named ``answers.<module>.<code>``.
    Answers of modules or questions the questionnaires do not know (an
    older version's) are not checked: no answer is ever lost."""
    problems = []
    for module, given in answers.items():
        questionnaire = questionnaires.for_module(module)
        if questionnaire is None:
            continue
        for code, value in given.items():
            question = questionnaire.question(code)
            if question is not None:
                found = _answer_problem(question, value, f"answers.{module}.{code}")
                if found is not None:
                    problems.append(found)
    return problems
