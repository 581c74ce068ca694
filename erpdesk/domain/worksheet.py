"""The worksheet engine's rules: what a filled-in worksheet may hold, its
score, and an empty one to start from.

A worksheet's ``data`` maps field codes to plain JSON values: text; Decimal
strings for NUMBER and MONEY (money to the fen); ISO dates; booleans; whole
numbers from ``minimum`` to ``maximum`` for SCORE; lists of texts for LIST
(choice codes when the field has choices).  A TABLE's (and a ROLLUP's) rows
are ``data["rows"]``, a list of such mappings.  Keys the template does not
know are kept untouched and not checked: a field a newer playbook drops or
renames keeps its data, so no playbook change ever loses what a rep wrote.

The rendering (layouts, widgets, PDF) lives above; this module is plain
Python and used by the desk and the registry alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from erpdesk.domain.dates import date_problem
from erpdesk.domain.deal import Worksheet
from erpdesk.domain.errors import Problem, ValidationError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.playbook import (
    Attachment,
    FieldDef,
    FieldKind,
    Layout,
    Playbook,
    Verdict,
    WorksheetTemplate,
)

FEN = Decimal("0.01")
# Longest text a field may hold.
MAX_TEXT = 500
MAX_LONGTEXT = 10_000
MAX_ROWS = 500
ROWS = "rows"

REQUIRED = QT_TRANSLATE_NOOP("Domain", "{field} is required")
NOT_TEXT = QT_TRANSLATE_NOOP("Domain", "{field} must be a text")
TOO_LONG = QT_TRANSLATE_NOOP(
    "Domain", "{field}: at most {max} characters are allowed, not {length}"
)
NOT_NUMBER = QT_TRANSLATE_NOOP("Domain", '{field}: "{value}" is not a number')
NEGATIVE_MONEY = QT_TRANSLATE_NOOP("Domain", "{field}: an amount cannot be negative ({value})")
NOT_DATE = QT_TRANSLATE_NOOP("Domain", '{field}: "{value}" is not a date (YYYY-MM-DD)')
NOT_BOOL = QT_TRANSLATE_NOOP("Domain", "{field} must be yes or no")
NOT_CHOICE = QT_TRANSLATE_NOOP("Domain", '{field}: "{value}" is not one of: {allowed}')
NOT_SCORE = QT_TRANSLATE_NOOP(
    "Domain", "{field}: the score must be a whole number from {minimum} to {maximum}, not {value}"
)
NOT_LIST = QT_TRANSLATE_NOOP("Domain", "{field} must be a list of texts")
NOT_ROWS = QT_TRANSLATE_NOOP("Domain", "The rows of {worksheet} must be a list of rows")
TOO_MANY_ROWS = QT_TRANSLATE_NOOP("Domain", "{worksheet} may have at most {max} rows, not {count}")
NOT_MAPPING = QT_TRANSLATE_NOOP("Domain", "The data of {worksheet} must be a set of fields")
UNKNOWN_TEMPLATE = QT_TRANSLATE_NOOP(
    "Domain", 'The playbook {playbook} has no worksheet "{template}"'
)
NEEDS_DEAL = QT_TRANSLATE_NOOP("Domain", "The worksheet {worksheet} belongs to a deal; choose one")
NEEDS_CUSTOMER = QT_TRANSLATE_NOOP(
    "Domain", "The worksheet {worksheet} belongs to a customer; choose one"
)


@dataclass(frozen=True)
class Score:
    """A score sheet's result: ``total`` = sum(score * weight) over the filled
    score fields, ``maximum`` = sum(maximum * weight) over all of them,
    ``percent`` = total / maximum rounded half-up, and the verdict reached."""

    total: Decimal
    maximum: Decimal
    percent: int
    verdict: Verdict | None


def _score_value(value: Any, f: FieldDef) -> int | None:
    """*value* as a whole-number score of *f*, None if empty or not one."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value.lstrip("-").isdigit():
            return None
        value = int(value)
    if isinstance(value, Decimal | float) and value == int(value):
        value = int(value)
    if not isinstance(value, int) or not f.minimum <= value <= f.maximum:
        return None
    return value


def score(template: WorksheetTemplate, data: Mapping[str, Any]) -> Score | None:
    """The score of a SCORE_SHEET worksheet's *data*; None for other layouts.
    An empty (or invalid) score counts nothing towards the total but its
    maximum still counts, so a half-filled sheet scores low, never high."""
    if template.layout is not Layout.SCORE_SHEET:
        return None
    total = Decimal(0)
    maximum = Decimal(0)
    for f in template.fields:
        if f.kind is not FieldKind.SCORE:
            continue
        maximum += Decimal(f.maximum * f.weight)
        value = _score_value(data.get(f.code), f)
        if value is not None:
            total += Decimal(value * f.weight)
    percent = 0
    if maximum > 0:
        percent = int((total * 100 / maximum).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    verdict = next((v for v in template.verdicts if v.min_percent <= percent), None)
    return Score(total=total, maximum=maximum, percent=percent, verdict=verdict)


def _sheet_labels(template: WorksheetTemplate) -> dict[str, str]:
    return {"worksheet": template.names.en, "worksheet_zh": template.names.zh}


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | tuple | dict) and not value)


def _labels(f: FieldDef, row: int | None) -> dict[str, str]:
    """The field's name for a message, in both languages: ``field`` (English)
    and ``field_zh`` (a zh_CN translation of the message uses this one)."""
    if row is None:
        return {"field": f.names.en, "field_zh": f.names.zh}
    return {"field": f"{f.names.en} (row {row})", "field_zh": f"{f.names.zh}(第{row}行)"}


def _check(
    f: FieldDef, value: Any, where: str, labels: dict[str, str]
) -> tuple[Any, Problem | None]:
    """*value* of field *f* normalised, or a problem.  Empty values are
    normalised to the field's empty value (required is checked by the caller)."""

    def problem(text: str, **params: Any) -> tuple[Any, Problem]:
        return value, Problem(where, f"{where}.invalid", text, {**labels, **params})

    kind = f.kind
    if _empty(value):
        return _empty_value(f), None
    if kind in (FieldKind.TEXT, FieldKind.LONGTEXT, FieldKind.PERSON):
        if not isinstance(value, str):
            return problem(NOT_TEXT)
        limit = MAX_LONGTEXT if kind is FieldKind.LONGTEXT else MAX_TEXT
        if len(value) > limit:
            return problem(TOO_LONG, max=limit, length=len(value))
        return (value.strip() if kind is not FieldKind.LONGTEXT else value.rstrip()), None
    if kind in (FieldKind.NUMBER, FieldKind.MONEY):
        if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
            return problem(NOT_NUMBER, value=value)
        try:
            number = Decimal(str(value).strip().replace(",", ""))
        except InvalidOperation:
            return problem(NOT_NUMBER, value=value)
        if not number.is_finite():
            return problem(NOT_NUMBER, value=value)
        if kind is FieldKind.MONEY:
            if number < 0:
                return problem(NEGATIVE_MONEY, value=value)
            number = number.quantize(FEN, rounding=ROUND_HALF_UP)
        return str(number), None
    if kind is FieldKind.DATE:
        if isinstance(value, date):
            day = value
        else:
            try:
                day = date.fromisoformat(str(value).strip())
            except ValueError:
                return problem(NOT_DATE, value=value)
        implausible = date_problem(day, None, where)
        if implausible is not None:
            return value, implausible
        return day.isoformat(), None
    if kind is FieldKind.BOOL:
        if not isinstance(value, bool):
            return problem(NOT_BOOL)
        return value, None
    if kind is FieldKind.CHOICE:
        codes = [c.code for c in f.choices]
        if value not in codes:
            return problem(NOT_CHOICE, value=value, allowed=", ".join(codes))
        return value, None
    if kind is FieldKind.SCORE:
        checked = _score_value(value, f)
        if checked is None:
            return problem(NOT_SCORE, minimum=f.minimum, maximum=f.maximum, value=value)
        return checked, None
    # LIST
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        return problem(NOT_LIST)
    items = [v.strip() for v in value if v.strip()]
    if f.choices:
        codes = [c.code for c in f.choices]
        for item in items:
            if item not in codes:
                return problem(NOT_CHOICE, value=item, allowed=", ".join(codes))
    return items, None


def _check_fields(
    fields: tuple[FieldDef, ...],
    data: Mapping[str, Any],
    row: int | None,
    problems: list[Problem],
) -> dict[str, Any]:
    """The normalised *data* (unknown keys kept as they are); problems appended."""
    out = dict(data)
    prefix = "" if row is None else f"{ROWS}.{row}."
    for f in fields:
        where = f"{prefix}{f.code}"
        labels = _labels(f, row)
        value, problem = _check(f, data.get(f.code), where, labels)
        if problem is not None:
            problems.append(problem)
            continue
        if f.required and _empty(value):
            problems.append(Problem(where, f"{where}.required", REQUIRED, labels))
        if f.code in data or not _empty(value):
            out[f.code] = value
    return out


def _normalised(template: WorksheetTemplate, data: Any) -> tuple[dict[str, Any], list[Problem]]:
    problems: list[Problem] = []
    if not isinstance(data, Mapping):
        problem = Problem("", "data.invalid", NOT_MAPPING, _sheet_labels(template))
        return {}, [problem]
    out = _check_fields(template.fields, data, None, problems)
    if template.layout in (Layout.TABLE, Layout.ROLLUP) and ROWS in data:
        rows = data[ROWS]
        if not isinstance(rows, list) or not all(isinstance(r, Mapping) for r in rows):
            problems.append(Problem(ROWS, "rows.invalid", NOT_ROWS, _sheet_labels(template)))
        elif len(rows) > MAX_ROWS:
            problems.append(
                Problem(
                    ROWS,
                    "rows.too_many",
                    TOO_MANY_ROWS,
                    {**_sheet_labels(template), "max": MAX_ROWS, "count": len(rows)},
                )
            )
        else:
            out[ROWS] = [
                _check_fields(template.columns, row, n + 1, problems) for n, row in enumerate(rows)
            ]
    return out, problems


def worksheet_problems(template: WorksheetTemplate, data: Mapping[str, Any]) -> list[Problem]:
    """Every problem of *data* against *template* (all at once, for a form).
    A table row's problems name their field ``rows.<row from 1>.<column>``."""
    return _normalised(template, data)[1]


def validate_worksheet(sheet: Worksheet, playbook: Playbook) -> Worksheet:
    """*sheet* with its data normalised (money to the fen, dates ISO, texts
    trimmed), or ``ValidationError`` listing every problem: an unknown
    template, a missing deal or customer, and each bad value.  Keys the
    template does not know are kept."""
    template = playbook.worksheets.get(sheet.template)
    if template is None:
        raise ValidationError(
            [
                Problem(
                    "template",
                    "template.unknown",
                    UNKNOWN_TEMPLATE,
                    {"playbook": playbook.key, "template": sheet.template},
                )
            ]
        )
    data, problems = _normalised(template, sheet.data)
    params = _sheet_labels(template)
    if template.attached_to is Attachment.OPPORTUNITY and not sheet.deal_id:
        problems.insert(0, Problem("deal_id", "deal_id.required", NEEDS_DEAL, params))
    if template.attached_to is not Attachment.TEAM and not sheet.customer_id:
        problems.insert(0, Problem("customer_id", "customer_id.required", NEEDS_CUSTOMER, params))
    dated = date_problem(sheet.dated, None, "dated")
    if dated is not None:
        problems.append(dated)
    if problems:
        raise ValidationError(problems)
    return replace(sheet, data=data)


def _empty_value(f: FieldDef) -> Any:
    if f.kind is FieldKind.LIST:
        return []
    if f.kind in (FieldKind.TEXT, FieldKind.LONGTEXT, FieldKind.PERSON):
        return ""
    if f.kind is FieldKind.BOOL:
        return False
    return None  # number, money, date, choice, score


def empty_data(template: WorksheetTemplate) -> dict[str, Any]:
    """A new worksheet's data: every field empty (a table or roll-up with no
    rows; a roll-up's rows are a snapshot the engine computes across deals)."""
    data = {f.code: _empty_value(f) for f in template.fields}
    if template.layout in (Layout.TABLE, Layout.ROLLUP):
        data[ROWS] = []
    return data


def empty_row(template: WorksheetTemplate) -> dict[str, Any]:
    """A new row of a TABLE worksheet."""
    return {f.code: _empty_value(f) for f in template.columns}
