"""The playbook's schema: read a TOML text into a checked ``Playbook``.

Everything a sales-operations person could get wrong is refused with the
line it is on: a TOML syntax error, a key of the wrong type, a missing or an
unknown key (so a typo is caught, not ignored), stages that are not the
seven of the funnel in order, probabilities out of 0..100 or decreasing,
duplicate codes, a stage naming an undefined worksheet or requiring one it
does not use, templates whose layout does not fit their fields, and
presales steps that are missing or not the eight of the presales process in
order.  The format itself is described in ``resources/playbook/default.toml``.

``SchemaReader`` (the shapes: tables, keys, texts, codes, names, each
failing with its line) is shared with the other resource files checked at
load, such as the survey questionnaires (``erpdesk.domain.questionnaire``).
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Iterable, Mapping
from typing import Any, NoReturn

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.playbook import (
    Attachment,
    ChecklistItem,
    Choice,
    FieldDef,
    FieldKind,
    Layout,
    Names,
    Playbook,
    PlaybookError,
    PresalesStep,
    StageDef,
    Verdict,
    WorksheetTemplate,
)
from erpdesk.domain.toml_errors import toml_error
from erpdesk.domain.toml_lines import Path, key_lines, line_of

# The funnel's stages by code name, in order (the methodology's table).
STAGE_CODES = (
    "target",
    "discover",
    "confirm_intent",
    "project_approval",
    "preliminary_acceptance",
    "negotiation",
    "closing",
)
# The presales process's steps by code, in order (docs/presales.md).
PRESALES_STEP_CODES = (
    "qualify",
    "research",
    "survey",
    "design",
    "demo",
    "proposal",
    "defence",
    "review",
)
# Lists of choices a field may name instead of listing its own.
CHOICE_LISTS = ("lost_reasons", "modules", "team_roles")

CANNOT_READ = QT_TRANSLATE_NOOP("Domain", "The playbook cannot be read: {detail}")
SYNTAX = QT_TRANSLATE_NOOP("Domain", "The file is not valid TOML: {detail}")
NOT_UTF8 = QT_TRANSLATE_NOOP("Domain", "The file is not UTF-8 text")
UNKNOWN_KEY = QT_TRANSLATE_NOOP("Domain", 'Unknown key "{key}" in {table}; allowed here: {allowed}')
MISSING_KEY = QT_TRANSLATE_NOOP("Domain", '"{key}" is missing in {table}')
NOT_TEXT = QT_TRANSLATE_NOOP("Domain", "{key} must be a text")
NOT_INTEGER = QT_TRANSLATE_NOOP("Domain", "{key} must be a whole number")
NOT_BOOL = QT_TRANSLATE_NOOP("Domain", "{key} must be true or false")
NOT_LIST = QT_TRANSLATE_NOOP("Domain", "{key} must be a list")
NOT_TABLE = QT_TRANSLATE_NOOP("Domain", "{key} must be a table")
EMPTY = QT_TRANSLATE_NOOP("Domain", "{key} must not be empty")
BAD_CODE = QT_TRANSLATE_NOOP(
    "Domain", 'The code "{code}" may hold only lower-case letters, digits and "_"'
)
DUPLICATE_CODE = QT_TRANSLATE_NOOP(
    "Domain", 'The code "{code}" is used twice in {table} (first on line {first})'
)
STAGE_COUNT = QT_TRANSLATE_NOOP("Domain", "A playbook has exactly seven stages, not {count}")
NO_PRESALES_STEPS = QT_TRANSLATE_NOOP(
    "Domain",
    "The playbook has no presales steps: add the eight [[presales_steps]] of the shipped playbook",
)
PRESALES_STEP_COUNT = QT_TRANSLATE_NOOP(
    "Domain", "A playbook has exactly eight presales steps, not {count}"
)
PRESALES_STEP_NUMBER = QT_TRANSLATE_NOOP(
    "Domain", "Presales step {position} must be numbered {position}, not {found}"
)
PRESALES_STEP_CODE = QT_TRANSLATE_NOOP(
    "Domain", 'Presales step {number} must have the code "{expected}", not "{found}"'
)
STAGE_NUMBER = QT_TRANSLATE_NOOP(
    "Domain", "Stage {position} must be numbered {position}, not {found}"
)
STAGE_CODE = QT_TRANSLATE_NOOP(
    "Domain", 'Stage {number} must have the code "{expected}", not "{found}"'
)
PROBABILITY_RANGE = QT_TRANSLATE_NOOP("Domain", "The probability {value} must be from 0 to 100")
PROBABILITY_DECREASES = QT_TRANSLATE_NOOP(
    "Domain",
    "Stage {number}'s probability {value} is lower than stage {previous}'s {previous_value}; "
    "probabilities may not decrease",
)
CHECKLIST_PREFIX = QT_TRANSLATE_NOOP(
    "Domain", 'The checklist code "{code}" must be "{prefix}." followed by a name'
)
UNKNOWN_WORKSHEET = QT_TRANSLATE_NOOP(
    "Domain", 'Stage {number} names the worksheet "{code}", which the playbook does not define'
)
REQUIRED_NOT_USED = QT_TRANSLATE_NOOP(
    "Domain", 'Stage {number} requires the worksheet "{code}" but does not list it in worksheets'
)
UNKNOWN_VALUE = QT_TRANSLATE_NOOP("Domain", '{key} is "{value}"; use one of: {allowed}')
GRID_FIELDS = QT_TRANSLATE_NOOP("Domain", "A grid has exactly four fields, not {count}")
NO_FIELDS = QT_TRANSLATE_NOOP("Domain", "A form needs fields")
NO_SCORE_FIELDS = QT_TRANSLATE_NOOP(
    "Domain", 'A score sheet needs at least one field of kind "score"'
)
NO_VERDICTS = QT_TRANSLATE_NOOP("Domain", "A score sheet needs verdicts")
VERDICT_FROM_ZERO = QT_TRANSLATE_NOOP(
    "Domain", "One verdict must start at 0 percent, so that every score has a verdict"
)
VERDICTS_NOT_HERE = QT_TRANSLATE_NOOP("Domain", "Only a score sheet has verdicts")
PERCENT_RANGE = QT_TRANSLATE_NOOP("Domain", "{key} {value} must be from 0 to 100")
NO_COLUMNS = QT_TRANSLATE_NOOP("Domain", "A {layout} needs columns")
COLUMNS_NOT_HERE = QT_TRANSLATE_NOOP("Domain", "Only a table or a roll-up has columns")
RESERVED_CODE = QT_TRANSLATE_NOOP(
    "Domain", 'A table\'s field may not be called "rows": that key holds its rows'
)
NO_CHOICES = QT_TRANSLATE_NOOP("Domain", 'The choice field "{code}" needs choices')
CHOICES_NOT_HERE = QT_TRANSLATE_NOOP(
    "Domain", 'Only a choice or list field has choices, not the {kind} field "{code}"'
)
UNKNOWN_LIST = QT_TRANSLATE_NOOP(
    "Domain", '"{value}" is not a list of the playbook; use one of: {allowed}'
)
SCORE_OPTIONS_NOT_HERE = QT_TRANSLATE_NOOP(
    "Domain",
    'Only a score field has a weight, a minimum and a maximum, not the {kind} field "{code}"',
)
SCORE_RANGE = QT_TRANSLATE_NOOP(
    "Domain", 'The score field "{code}": the minimum {minimum} must be below the maximum {maximum}'
)
WEIGHT_RANGE = QT_TRANSLATE_NOOP(
    "Domain", 'The weight of "{code}" must be from 1 to 100, not {value}'
)

_CODE = re.compile(r"[a-z][a-z0-9_]*\Z")

_TOP_KEYS = ("id", "version", "zh", "en", "stages")
# presales_steps is required too, refused with its own message when missing
_TOP_OPTIONAL = ("worksheets", *CHOICE_LISTS, "presales_steps")
_STAGE_KEYS = ("number", "code", "zh", "en", "probability")
_STAGE_OPTIONAL = ("worksheets", "required_worksheets", "exit_criteria", "checklist")
_PRESALES_STEP_KEYS = ("number", "code", "zh", "en", "checklist")
_PRESALES_STEP_OPTIONAL = ("outputs",)
_TEMPLATE_KEYS = ("zh", "en", "attached_to", "layout")
_TEMPLATE_OPTIONAL = ("description", "fields", "columns", "verdicts")
_FIELD_KEYS = ("code", "zh", "en", "kind")
_FIELD_OPTIONAL = ("required", "choices", "weight", "minimum", "maximum", "help_zh", "help_en")
_SCORE_OPTIONS = ("weight", "minimum", "maximum")


def _where(path: Path, whole: str = "the playbook") -> str:
    """A path as an operations person reads it: ``stages[4].checklist[2].code``
    (elements numbered from 1); *whole* names the file's top level."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or whole


class SchemaReader:
    """Reads a parsed TOML file, failing with the line of the offending key.

    ``error`` is the ``PlaybookError`` subclass raised; ``whole`` names the
    top level of the file in messages ("the playbook")."""

    error: type[PlaybookError] = PlaybookError
    whole = "the playbook"

    def __init__(self, text: str, source: str) -> None:
        self.source_text = text
        self.source = source
        self._lines: dict[Path, int] | None = None

    def line(self, path: Path) -> int | None:
        if self._lines is None:
            self._lines = key_lines(self.source_text)
        return line_of(self._lines, path)

    def fail(self, path: Path, problem: str, code: str, /, **params: Any) -> NoReturn:
        raise self.error(self.source, self.line(path), problem, code, **params)

    def where(self, path: Path) -> str:
        return _where(path, self.whole)

    # --- shapes -----------------------------------------------------------

    def table(self, value: Any, path: Path) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(path, NOT_TABLE, "not_table", key=self.where(path))
        return value

    def keys(
        self,
        table: Mapping[str, Any],
        path: Path,
        required: Iterable[str],
        optional: Iterable[str] = (),
    ) -> None:
        required = tuple(required)
        allowed = (*required, *optional)
        for key in table:
            if key not in allowed:
                self.fail(
                    (*path, key),
                    UNKNOWN_KEY,
                    "unknown_key",
                    key=key,
                    table=self.where(path),
                    allowed=", ".join(allowed),
                )
        for key in required:
            if key not in table:
                self.fail(path, MISSING_KEY, "missing_key", key=key, table=self.where(path))

    def text(
        self, table: Mapping[str, Any], key: str, path: Path, default: str | None = None
    ) -> str:
        value = table.get(key, default)
        if not isinstance(value, str):
            self.fail((*path, key), NOT_TEXT, "not_text", key=self.where((*path, key)))
        if not value.strip() and default is None:
            self.fail((*path, key), EMPTY, "empty", key=self.where((*path, key)))
        return value.strip()

    def integer(self, table: Mapping[str, Any], key: str, path: Path, default: int = 0) -> int:
        value = table.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail((*path, key), NOT_INTEGER, "not_integer", key=self.where((*path, key)))
        return value

    def boolean(self, table: Mapping[str, Any], key: str, path: Path, default: bool) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            self.fail((*path, key), NOT_BOOL, "not_bool", key=self.where((*path, key)))
        return value

    def array(self, table: Mapping[str, Any], key: str, path: Path) -> list[Any]:
        value = table.get(key, [])
        if not isinstance(value, list):
            self.fail((*path, key), NOT_LIST, "not_list", key=self.where((*path, key)))
        return value

    def texts(self, table: Mapping[str, Any], key: str, path: Path) -> tuple[str, ...]:
        out = []
        for i, item in enumerate(self.array(table, key, path)):
            if not isinstance(item, str) or not item.strip():
                self.fail((*path, key, i), NOT_TEXT, "not_text", key=self.where((*path, key, i)))
            out.append(item.strip())
        return tuple(out)

    def code(self, table: Mapping[str, Any], path: Path, pattern: re.Pattern[str] = _CODE) -> str:
        value = self.text(table, "code", path)
        if not pattern.match(value):
            self.fail((*path, "code"), BAD_CODE, "bad_code", code=value)
        return value

    def names(self, table: Mapping[str, Any], path: Path, prefix: str = "") -> Names:
        return Names(
            zh=self.text(table, f"{prefix}zh", path), en=self.text(table, f"{prefix}en", path)
        )

    def enum(self, table: Mapping[str, Any], key: str, path: Path, kind: type[Any]) -> Any:
        value = self.text(table, key, path)
        try:
            return kind(value)
        except ValueError:
            self.fail(
                (*path, key),
                UNKNOWN_VALUE,
                "unknown_value",
                key=self.where((*path, key)),
                value=value,
                allowed=", ".join(member.value for member in kind),
            )

    def unique(self, codes: Iterable[tuple[str, Path]], table: Path) -> None:
        seen: dict[str, Path] = {}
        for code, path in codes:
            if code in seen:
                self.fail(
                    (*path, "code"),
                    DUPLICATE_CODE,
                    "duplicate_code",
                    code=code,
                    table=self.where(table),
                    first=self.line((*seen[code], "code")) or "?",
                )
            seen[code] = path

    def choices(self, table: Mapping[str, Any], key: str, path: Path) -> tuple[Choice, ...]:
        out: list[tuple[Choice, Path]] = []
        for n, item in enumerate(self.array(table, key, path)):
            where = (*path, key, n)
            entry = self.table(item, where)
            self.keys(entry, where, ("code", "zh", "en"))
            out.append((Choice(self.code(entry, where), self.names(entry, where)), where))
        self.unique(((c.code, p) for c, p in out), (*path, key))
        return tuple(c for c, _ in out)


class _PlaybookReader(SchemaReader):
    def read(self, data: dict[str, Any]) -> Playbook:
        self.keys(data, (), _TOP_KEYS, _TOP_OPTIONAL)
        lists = {name: self.choices(data, name, ()) for name in CHOICE_LISTS}
        templates = self.worksheets(data, lists)
        stages = self.stages(data, templates)
        presales = self.presales_steps(data)
        return Playbook(
            id=self.text(data, "id", ()),
            version=self.text(data, "version", ()),
            names=self.names(data, ()),
            stages=stages,
            worksheets=templates,
            lost_reasons=lists["lost_reasons"],
            modules=lists["modules"],
            team_roles=lists["team_roles"],
            presales_steps=presales,
        )

    # --- stages -------------------------------------------------------------

    def stages(
        self, data: dict[str, Any], templates: Mapping[str, WorksheetTemplate]
    ) -> tuple[StageDef, ...]:
        items = self.array(data, "stages", ())
        if len(items) != len(STAGE_CODES):
            self.fail(("stages",), STAGE_COUNT, "stage_count", count=len(items))
        stages = [self.stage(item, n, templates) for n, item in enumerate(items)]
        self.unique(
            (
                (item.code, ("stages", s, "checklist", i))
                for s, stage in enumerate(stages)
                for i, item in enumerate(stage.checklist)
            ),
            ("stages", "checklist"),
        )
        for n in range(1, len(stages)):
            before, stage = stages[n - 1], stages[n]
            if stage.probability < before.probability:
                self.fail(
                    ("stages", n, "probability"),
                    PROBABILITY_DECREASES,
                    "probability_decreases",
                    number=stage.number,
                    value=stage.probability,
                    previous=before.number,
                    previous_value=before.probability,
                )
        return tuple(stages)

    def stage(self, item: Any, n: int, templates: Mapping[str, WorksheetTemplate]) -> StageDef:
        path: Path = ("stages", n)
        table = self.table(item, path)
        self.keys(table, path, _STAGE_KEYS, _STAGE_OPTIONAL)
        number = self.integer(table, "number", path)
        if number != n + 1:
            self.fail((*path, "number"), STAGE_NUMBER, "stage_number", position=n + 1, found=number)
        code = self.text(table, "code", path)
        if code != STAGE_CODES[n]:
            self.fail(
                (*path, "code"),
                STAGE_CODE,
                "stage_code",
                number=number,
                expected=STAGE_CODES[n],
                found=code,
            )
        probability = self.integer(table, "probability", path)
        if not 0 <= probability <= 100:
            self.fail(
                (*path, "probability"), PROBABILITY_RANGE, "probability_range", value=probability
            )
        used = self.texts(table, "worksheets", path)
        required = self.texts(table, "required_worksheets", path)
        for key, codes in (("worksheets", used), ("required_worksheets", required)):
            for i, worksheet in enumerate(codes):
                if worksheet not in templates:
                    self.fail(
                        (*path, key, i),
                        UNKNOWN_WORKSHEET,
                        "unknown_worksheet",
                        number=number,
                        code=worksheet,
                    )
        for i, worksheet in enumerate(required):
            if worksheet not in used:
                self.fail(
                    (*path, "required_worksheets", i),
                    REQUIRED_NOT_USED,
                    "required_not_used",
                    number=number,
                    code=worksheet,
                )
        return StageDef(
            number=number,
            code=code,
            names=self.names(table, path),
            probability=probability,
            checklist=self.checklist(table, path, code),
            worksheets=used,
            required_worksheets=required,
            exit_criteria=self.name_list(table, "exit_criteria", path),
        )

    def name_list(self, table: Mapping[str, Any], key: str, path: Path) -> tuple[Names, ...]:
        """A list of ``{ zh, en }`` texts (exit criteria, outputs)."""
        out = []
        for i, item in enumerate(self.array(table, key, path)):
            where = (*path, key, i)
            entry = self.table(item, where)
            self.keys(entry, where, ("zh", "en"))
            out.append(self.names(entry, where))
        return tuple(out)

    def checklist(
        self, table: Mapping[str, Any], path: Path, prefix: str
    ) -> tuple[ChecklistItem, ...]:
        """A stage's (or presales step's) activities, each code ``prefix.name``."""
        checklist = []
        item_code = re.compile(re.escape(prefix) + r"\.[a-z][a-z0-9_]*\Z")
        for i, activity in enumerate(self.array(table, "checklist", path)):
            where = (*path, "checklist", i)
            entry = self.table(activity, where)
            self.keys(entry, where, ("code", "zh", "en"), ("required",))
            item = self.text(entry, "code", where)
            if not item_code.match(item):
                self.fail(
                    (*where, "code"), CHECKLIST_PREFIX, "checklist_prefix", code=item, prefix=prefix
                )
            checklist.append(
                ChecklistItem(
                    item, self.names(entry, where), self.boolean(entry, "required", where, True)
                )
            )
        return tuple(checklist)

    # --- presales steps -----------------------------------------------------

    def presales_steps(self, data: dict[str, Any]) -> tuple[PresalesStep, ...]:
        if "presales_steps" not in data:
            self.fail((), NO_PRESALES_STEPS, "no_presales_steps")
        items = self.array(data, "presales_steps", ())
        if len(items) != len(PRESALES_STEP_CODES):
            self.fail(
                ("presales_steps",), PRESALES_STEP_COUNT, "presales_step_count", count=len(items)
            )
        steps = [self.presales_step(item, n) for n, item in enumerate(items)]
        self.unique(
            (
                (item.code, ("presales_steps", s, "checklist", i))
                for s, step in enumerate(steps)
                for i, item in enumerate(step.checklist)
            ),
            ("presales_steps", "checklist"),
        )
        return tuple(steps)

    def presales_step(self, item: Any, n: int) -> PresalesStep:
        path: Path = ("presales_steps", n)
        table = self.table(item, path)
        self.keys(table, path, _PRESALES_STEP_KEYS, _PRESALES_STEP_OPTIONAL)
        number = self.integer(table, "number", path)
        if number != n + 1:
            self.fail(
                (*path, "number"),
                PRESALES_STEP_NUMBER,
                "presales_step_number",
                position=n + 1,
                found=number,
            )
        code = self.text(table, "code", path)
        if code != PRESALES_STEP_CODES[n]:
            self.fail(
                (*path, "code"),
                PRESALES_STEP_CODE,
                "presales_step_code",
                number=number,
                expected=PRESALES_STEP_CODES[n],
                found=code,
            )
        checklist = self.checklist(table, path, code)
        if not checklist:
            self.fail((*path, "checklist"), EMPTY, "empty", key=self.where((*path, "checklist")))
        return PresalesStep(
            number=number,
            code=code,
            names=self.names(table, path),
            checklist=checklist,
            outputs=self.name_list(table, "outputs", path),
        )

    # --- worksheets ---------------------------------------------------------

    def worksheets(
        self, data: dict[str, Any], lists: Mapping[str, tuple[Choice, ...]]
    ) -> dict[str, WorksheetTemplate]:
        table = self.table(data.get("worksheets", {}), ("worksheets",))
        templates = {}
        for code, item in table.items():
            path: Path = ("worksheets", code)
            if not _CODE.match(code):
                self.fail(path, BAD_CODE, "bad_code", code=code)
            templates[code] = self.template(code, self.table(item, path), path, lists)
        return templates

    def template(
        self,
        code: str,
        table: dict[str, Any],
        path: Path,
        lists: Mapping[str, tuple[Choice, ...]],
    ) -> WorksheetTemplate:
        self.keys(table, path, _TEMPLATE_KEYS, _TEMPLATE_OPTIONAL)
        layout: Layout = self.enum(table, "layout", path, Layout)
        attached: Attachment = self.enum(table, "attached_to", path, Attachment)
        description = None
        if "description" in table:
            where = (*path, "description")
            entry = self.table(table["description"], where)
            self.keys(entry, where, ("zh", "en"))
            description = self.names(entry, where)
        fields = self.fields(table, "fields", path, lists)
        columns = self.fields(table, "columns", path, lists)
        self.unique(
            [(f.code, (*path, "fields", i)) for i, f in enumerate(fields)]
            + [(f.code, (*path, "columns", i)) for i, f in enumerate(columns)],
            path,
        )
        has_columns = layout in (Layout.TABLE, Layout.ROLLUP)
        if columns and not has_columns:
            self.fail((*path, "columns"), COLUMNS_NOT_HERE, "columns_not_allowed")
        if has_columns and not columns:
            self.fail(path, NO_COLUMNS, "no_columns", layout=layout.value)
        if has_columns:
            for i, f in enumerate(fields):
                if f.code == "rows":
                    self.fail((*path, "fields", i, "code"), RESERVED_CODE, "reserved_code")
        if layout is Layout.FORM and not fields:
            self.fail(path, NO_FIELDS, "no_fields")
        if layout is Layout.GRID and len(fields) != 4:
            self.fail(
                (*path, "fields") if "fields" in table else path,
                GRID_FIELDS,
                "grid_fields",
                count=len(fields),
            )
        verdicts = self.verdicts(table, path)
        if layout is Layout.SCORE_SHEET:
            if not any(f.kind is FieldKind.SCORE for f in fields):
                self.fail(
                    (*path, "fields") if "fields" in table else path,
                    NO_SCORE_FIELDS,
                    "no_score_fields",
                )
            if not verdicts:
                self.fail(path, NO_VERDICTS, "no_verdicts")
            if verdicts[-1].min_percent != 0:
                self.fail((*path, "verdicts"), VERDICT_FROM_ZERO, "verdict_from_zero")
        elif verdicts:
            self.fail((*path, "verdicts"), VERDICTS_NOT_HERE, "verdicts_not_allowed")
        return WorksheetTemplate(
            code=code,
            names=self.names(table, path),
            attached_to=attached,
            layout=layout,
            fields=fields,
            columns=columns,
            verdicts=verdicts,
            description=description,
        )

    def verdicts(self, table: Mapping[str, Any], path: Path) -> tuple[Verdict, ...]:
        out: list[tuple[Verdict, Path]] = []
        for i, item in enumerate(self.array(table, "verdicts", path)):
            where = (*path, "verdicts", i)
            entry = self.table(item, where)
            self.keys(entry, where, ("min_percent", "code", "zh", "en"))
            percent = self.integer(entry, "min_percent", where)
            if not 0 <= percent <= 100:
                self.fail(
                    (*where, "min_percent"),
                    PERCENT_RANGE,
                    "percent_range",
                    key=self.where((*where, "min_percent")),
                    value=percent,
                )
            out.append((Verdict(percent, self.code(entry, where), self.names(entry, where)), where))
        self.unique(((v.code, p) for v, p in out), (*path, "verdicts"))
        out.sort(key=lambda pair: -pair[0].min_percent)
        for (higher, _), (lower, where) in itertools.pairwise(out):
            if higher.min_percent == lower.min_percent:
                self.fail(
                    (*where, "min_percent"),
                    DUPLICATE_CODE,
                    "duplicate_code",
                    code=str(lower.min_percent),
                    table=self.where((*path, "verdicts")),
                    first=self.line(where) or "?",
                )
        return tuple(v for v, _ in out)

    def fields(
        self,
        table: Mapping[str, Any],
        key: str,
        path: Path,
        lists: Mapping[str, tuple[Choice, ...]],
    ) -> tuple[FieldDef, ...]:
        return tuple(
            self.field(item, (*path, key, i), lists)
            for i, item in enumerate(self.array(table, key, path))
        )

    def field(self, item: Any, path: Path, lists: Mapping[str, tuple[Choice, ...]]) -> FieldDef:
        table = self.table(item, path)
        self.keys(table, path, _FIELD_KEYS, _FIELD_OPTIONAL)
        code = self.code(table, path)
        kind: FieldKind = self.enum(table, "kind", path, FieldKind)
        choices: tuple[Choice, ...] = ()
        if "choices" in table:
            if kind not in (FieldKind.CHOICE, FieldKind.LIST):
                self.fail(
                    (*path, "choices"),
                    CHOICES_NOT_HERE,
                    "choices_not_allowed",
                    kind=kind.value,
                    code=code,
                )
            named = table["choices"]
            if isinstance(named, str):
                if named not in lists:
                    self.fail(
                        (*path, "choices"),
                        UNKNOWN_LIST,
                        "unknown_list",
                        value=named,
                        allowed=", ".join(CHOICE_LISTS),
                    )
                choices = lists[named]
            else:
                choices = self.choices(table, "choices", path)
        if kind is FieldKind.CHOICE and not choices:
            self.fail(path, NO_CHOICES, "no_choices", code=code)
        present = [option for option in _SCORE_OPTIONS if option in table]
        if present and kind is not FieldKind.SCORE:
            self.fail(
                (*path, present[0]),
                SCORE_OPTIONS_NOT_HERE,
                "score_options_not_allowed",
                kind=kind.value,
                code=code,
            )
        weight = self.integer(table, "weight", path, 1)
        minimum = self.integer(table, "minimum", path, 0)
        maximum = self.integer(table, "maximum", path, 5)
        if not 1 <= weight <= 100:
            self.fail((*path, "weight"), WEIGHT_RANGE, "weight_range", code=code, value=weight)
        if minimum >= maximum:
            self.fail(
                (*path, "minimum" if "minimum" in table else "maximum"),
                SCORE_RANGE,
                "score_range",
                code=code,
                minimum=minimum,
                maximum=maximum,
            )
        help_names = None
        if "help_zh" in table or "help_en" in table:
            help_names = self.names(table, path, prefix="help_")
        return FieldDef(
            code=code,
            names=self.names(table, path),
            kind=kind,
            required=self.boolean(table, "required", path, False),
            choices=choices,
            weight=weight,
            minimum=minimum,
            maximum=maximum,
            help=help_names,
        )




def read_toml(text: str, source: str, error: type[PlaybookError] = PlaybookError) -> dict[str, Any]:
    """*text* parsed as TOML; *error* with the line of a syntax error otherwise."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, detail = toml_error(str(exc), text)
        raise error(source, line, SYNTAX, "syntax", detail=detail) from None


def parse_playbook(text: str, source: str = "<playbook>") -> Playbook:
    """*text* (TOML) as a checked ``Playbook``; ``PlaybookError`` otherwise."""
    return _PlaybookReader(text, source).read(read_toml(text, source))


def decode(raw: bytes, source: str) -> str:
    """*raw* as UTF-8 text (a byte-order mark dropped); ``PlaybookError``
    with the line of the first undecodable byte otherwise."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PlaybookError(source, line, NOT_UTF8, "not_utf8") from None
