"""The playbook (销售手册): the funnel's seven stages, their checklists, exit
criteria and worksheets, the eighteen worksheet templates, and the eight
steps of the presales process (售前流程) with their checklists and outputs.

A playbook is data a sales-operations person edits (``resources/playbook/``,
TOML); this module holds its shape.  ``load_playbook`` (below) reads and
checks a text against that shape and refuses a malformed or inconsistent one
with the file, the line and the problem.  Nothing here reads files or knows
Qt: the caller passes the text.

Every user-facing name comes in zh_CN and English (``Names``): the playbook is
content, so its names live in the playbook, not in the Qt catalogues.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from erpdesk.domain.errors import CONTEXT, DomainError, render_text
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Names:
    """A name in the two languages of the UI."""

    zh: str
    en: str

    def text(self, language: str) -> str:
        """The name in *language* ("zh_CN", "en" ...): Chinese for any zh."""
        return self.zh if language.lower().startswith("zh") else self.en


class FieldKind(StrEnum):
    """What a worksheet field holds (and how the engine edits it)."""

    TEXT = "text"  # one line
    LONGTEXT = "longtext"  # several lines
    NUMBER = "number"  # a Decimal
    MONEY = "money"  # a Decimal in CNY, to the fen
    DATE = "date"  # an ISO date
    CHOICE = "choice"  # one of ``choices``
    BOOL = "bool"
    SCORE = "score"  # a whole number from ``minimum`` to ``maximum``, weighted
    PERSON = "person"  # a contact of the customer or a colleague, by name
    LIST = "list"  # several lines of text, one item each


class Layout(StrEnum):
    """How the worksheet engine lays a template out."""

    FORM = "form"  # fields one below the other
    GRID = "grid"  # a 2x2 grid of long texts (SWOT): exactly four fields
    TABLE = "table"  # rows of ``columns`` (pains, needs, action plan, team)
    SCORE_SHEET = "score_sheet"  # weighted scores with a total and a verdict
    ROLLUP = "rollup"  # computed across deals (the large-deal report)


class Attachment(StrEnum):
    """What a worksheet is attached to."""

    CUSTOMER = "customer"
    OPPORTUNITY = "opportunity"
    TEAM = "team"


@dataclass(frozen=True)
class Choice:
    code: str
    names: Names


@dataclass(frozen=True)
class FieldDef:
    """One field of a worksheet template (or one column of a table)."""

    code: str
    names: Names
    kind: FieldKind
    required: bool = False
    choices: tuple[Choice, ...] = ()
    weight: int = 1  # SCORE fields: the weight in the total
    minimum: int = 0  # SCORE fields
    maximum: int = 5  # SCORE fields
    help: Names | None = None


@dataclass(frozen=True)
class Verdict:
    """A score sheet's verdict from ``min_percent`` of the maximum total up."""

    min_percent: int
    code: str
    names: Names


@dataclass(frozen=True)
class WorksheetTemplate:
    """One of the eighteen analysis tools (周详的分析策划)."""

    code: str
    names: Names
    attached_to: Attachment
    layout: Layout
    fields: tuple[FieldDef, ...] = ()  # FORM, GRID, SCORE_SHEET
    columns: tuple[FieldDef, ...] = ()  # TABLE: the columns of each row
    verdicts: tuple[Verdict, ...] = ()  # SCORE_SHEET, highest min_percent first
    description: Names | None = None

    def field(self, code: str) -> FieldDef | None:
        for f in (*self.fields, *self.columns):
            if f.code == code:
                return f
        return None


@dataclass(frozen=True)
class ChecklistItem:
    """One activity of a stage's checklist (the deck's "execution" slide)."""

    code: str  # unique within the playbook, e.g. "target.visit"
    names: Names
    required: bool = True


@dataclass(frozen=True)
class StageDef:
    """One of the seven stages of the funnel."""

    number: int  # 1..7
    code: str  # target, discover, confirm_intent, ...
    names: Names
    probability: int  # default win probability, percent
    checklist: tuple[ChecklistItem, ...]
    worksheets: tuple[str, ...]  # template codes this stage uses
    required_worksheets: tuple[str, ...]  # a subset: the gate asks for them
    exit_criteria: tuple[Names, ...]


@dataclass(frozen=True)
class PresalesStep:
    """One of the eight steps of a presales engagement (qualify ... review):
    its checklist of activities (codes start with the step's code, e.g.
    "qualify.scope") and the outputs the step produces."""

    number: int  # 1..8
    code: str  # qualify, research, survey, design, demo, proposal, defence, review
    names: Names
    checklist: tuple[ChecklistItem, ...]
    outputs: tuple[Names, ...] = ()


@dataclass(frozen=True)
class Playbook:
    """A checked playbook: exactly seven stages numbered 1..7 in order, every
    worksheet a stage names defined, checklist codes unique."""

    id: str  # e.g. "erpdesk-default"
    version: str  # e.g. "2026.1"; a deal keeps the version it was worked under
    names: Names
    stages: tuple[StageDef, ...]
    worksheets: dict[str, WorksheetTemplate] = field(default_factory=dict)
    lost_reasons: tuple[Choice, ...] = ()
    modules: tuple[Choice, ...] = ()  # the ERP scope a deal picks from
    team_roles: tuple[Choice, ...] = ()  # roles in a deal team
    presales_steps: tuple[PresalesStep, ...] = ()  # the eight steps, in order

    @property
    def key(self) -> str:
        """``id@version``, what a deal records."""
        return f"{self.id}@{self.version}"

    def stage(self, number: int) -> StageDef:
        """The stage numbered *number* (1..7); ``KeyError`` otherwise."""
        if not 1 <= number <= len(self.stages):
            raise KeyError(number)
        return self.stages[number - 1]

    def stage_by_code(self, code: str) -> StageDef | None:
        for stage in self.stages:
            if stage.code == code:
                return stage
        return None

    def parse_stage(self, text: str) -> StageDef | None:
        """The stage named by its number, code name or name in either language."""
        key = text.strip()
        if key.isdigit():
            number = int(key)
            return self.stages[number - 1] if 1 <= number <= len(self.stages) else None
        low = key.lower()
        for stage in self.stages:
            if low in (stage.code, stage.names.en.lower()) or key == stage.names.zh:
                return stage
        return None

    def checklist_item(self, code: str) -> tuple[StageDef, ChecklistItem] | None:
        for stage in self.stages:
            for item in stage.checklist:
                if item.code == code:
                    return stage, item
        return None

    def presales_step(self, number: int) -> PresalesStep:
        """The presales step numbered *number* (1..8); ``KeyError`` otherwise."""
        if not 1 <= number <= len(self.presales_steps):
            raise KeyError(number)
        return self.presales_steps[number - 1]

    def parse_presales_step(self, text: str) -> PresalesStep | None:
        """The presales step named by its number, code or name in either language."""
        key = text.strip()
        if key.isdigit():
            number = int(key)
            steps = self.presales_steps
            return steps[number - 1] if 1 <= number <= len(steps) else None
        low = key.lower()
        for step in self.presales_steps:
            if low in (step.code, step.names.en.lower()) or key == step.names.zh:
                return step
        return None

    def presales_activity(self, code: str) -> tuple[PresalesStep, ChecklistItem] | None:
        """The presales step whose checklist holds the activity *code*, and the activity."""
        for step in self.presales_steps:
            for item in step.checklist:
                if item.code == code:
                    return step, item
        return None


class PlaybookError(DomainError):
    """A playbook that cannot be used: ``source`` (the file), ``line`` (from
    1, or None when the problem has no line: a missing file) and ``problem``
    (the English text; ``render`` translates it).  Shown as
    ``FILE:LINE: problem``, the form editors and compilers use.
    ``code`` names the kind of problem for programs (and tests)."""

    text = QT_TRANSLATE_NOOP("Domain", "{source}:{line}: {problem}")

    def __init__(
        self, source: str, line: int | None, problem: str, code: str = "", /, **params: Any
    ) -> None:
        self.source = source
        self.line = line
        self.problem_text = problem
        self.problem_params = params
        self.problem = render_text(CONTEXT, problem, params)
        self.code = code
        super().__init__(None, source=source, line=line, problem=self.problem)

    def render(self, translate: Any = None) -> str:
        problem = render_text(self.context, self.problem_text, self.problem_params, translate)
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {problem}"


def load_playbook(text: str, source: str = "<playbook>") -> Playbook:
    """The playbook in the TOML *text* (read from *source*, named in errors),
    checked against the schema (``erpdesk.domain.playbook_schema``); raises
    ``PlaybookError`` naming the line of the first problem."""
    from erpdesk.domain.playbook_schema import parse_playbook

    return parse_playbook(text, source)
