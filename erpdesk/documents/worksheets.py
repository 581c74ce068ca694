"""A filled worksheet as PDF flowables, laid out by its template's layout:
FORM as label / value rows, GRID (SWOT) as a 2x2 table, TABLE and ROLLUP as
tables of the template's columns, SCORE_SHEET as criterion / weight / score
rows with the total, percent and verdict (scored by the domain's
``erpdesk.domain.worksheet.score``, never here).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from erpdesk.documents.layout import (
    ALERT_SHADE,
    SHADE,
    WIDTH,
    Cell,
    Styles,
    column_widths,
    money,
    para,
    table,
)
from erpdesk.documents.texts import CONTEXT
from erpdesk.domain.deal import Worksheet
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.playbook import (
    Attachment,
    FieldDef,
    FieldKind,
    Layout,
    Names,
    WorksheetTemplate,
)
from erpdesk.domain.worksheet import score
from erpdesk.ts_catalogue import Translate

YES = QT_TRANSLATE_NOOP("Documents", "Yes")
NO = QT_TRANSLATE_NOOP("Documents", "No")
DATED = QT_TRANSLATE_NOOP("Documents", "Dated {date}")
BY = QT_TRANSLATE_NOOP("Documents", "by {author}")
OF_CUSTOMER = QT_TRANSLATE_NOOP("Documents", "customer worksheet")
OF_DEAL = QT_TRANSLATE_NOOP("Documents", "deal worksheet")
OF_TEAM = QT_TRANSLATE_NOOP("Documents", "team report")
NO_ROWS = QT_TRANSLATE_NOOP("Documents", "No rows yet.")
CRITERION = QT_TRANSLATE_NOOP("Documents", "Criterion")
WEIGHT = QT_TRANSLATE_NOOP("Documents", "Weight")
SCORE = QT_TRANSLATE_NOOP("Documents", "Score")
WEIGHTED_SCORE = QT_TRANSLATE_NOOP("Documents", "Weighted")
TOTAL = QT_TRANSLATE_NOOP("Documents", "Total")
VERDICT = QT_TRANSLATE_NOOP("Documents", "Verdict")
NO_VERDICT = QT_TRANSLATE_NOOP("Documents", "no verdict")
UNKNOWN_TEMPLATE = QT_TRANSLATE_NOOP(
    "Documents", "Worksheet {code}: not in this playbook; its data as stored:"
)

# Relative column widths by what a column holds.
KIND_WIDTH = {
    FieldKind.TEXT: 2.0,
    FieldKind.LONGTEXT: 3.2,
    FieldKind.NUMBER: 1.0,
    FieldKind.MONEY: 1.4,
    FieldKind.DATE: 1.25,
    FieldKind.CHOICE: 1.4,
    FieldKind.BOOL: 0.8,
    FieldKind.SCORE: 0.8,
    FieldKind.PERSON: 1.4,
    FieldKind.LIST: 2.4,
}
# Points a column needs so that its values do not break: ¥9,999,999.00, a date.
MIN_WIDTH = {
    FieldKind.MONEY: 68.0,
    FieldKind.DATE: 54.0,
    FieldKind.NUMBER: 34.0,
    FieldKind.SCORE: 34.0,
    FieldKind.BOOL: 30.0,
}
RIGHT_ALIGNED = (FieldKind.NUMBER, FieldKind.MONEY, FieldKind.SCORE)


def value_text(f: FieldDef, value: Any, language: str, translate: Translate) -> str:
    """A stored field value as the reader sees it."""
    if value is None or value == "" or value == []:
        return ""
    if f.kind is FieldKind.MONEY:
        return money(value)
    if f.kind is FieldKind.BOOL:
        return translate(CONTEXT, YES if value in (True, "true", "1", 1) else NO)
    if f.kind is FieldKind.CHOICE:
        return _choice(f, value, language)
    if f.kind is FieldKind.SCORE:
        return f"{value} / {f.maximum}"
    if f.kind is FieldKind.LIST:
        items = value if isinstance(value, list | tuple) else str(value).splitlines()
        return "\n".join(f"• {_choice(f, item, language)}" for item in items if str(item).strip())
    return str(value)


def table_widths(columns: Sequence[FieldDef]) -> list[float]:
    """Widths by what each column holds: money and dates get the room they
    need, text columns share the rest."""
    fixed = {i: MIN_WIDTH[c.kind] for i, c in enumerate(columns) if c.kind in MIN_WIDTH}
    widths = column_widths([KIND_WIDTH.get(c.kind, 1.5) for c in columns])
    short = {i: w for i, w in fixed.items() if widths[i] < w}
    flexible = [i for i in range(len(columns)) if i not in short]
    if not short or not flexible:
        return widths
    room = WIDTH - sum(short.values())
    shares = column_widths([KIND_WIDTH.get(columns[i].kind, 1.5) for i in flexible], room)
    for i, w in short.items():
        widths[i] = w
    for i, w in zip(flexible, shares, strict=True):
        widths[i] = w
    return widths


def _choice(f: FieldDef, value: Any, language: str) -> str:
    """A choice's name in *language*; a code the playbook lacks as it is."""
    for choice in f.choices:
        if choice.code == value:
            return choice.names.text(language)
    return str(value)


def worksheet_flowables(
    sheet: Worksheet,
    template: WorksheetTemplate | None,
    styles: Styles,
    language: str,
    translate: Translate,
) -> list[Flowable]:
    """The heading and body of one worksheet."""
    if template is None:
        return unknown(sheet, styles, translate)
    heading = [
        para(template.names.text(language), styles.h2),
        subtitle(sheet, template, styles, translate),
    ]
    if template.layout is Layout.GRID:
        body = grid(sheet.data, template, styles, language, translate)
    elif template.layout in (Layout.TABLE, Layout.ROLLUP):
        body = rows_table(sheet.data, template, styles, language, translate)
    elif template.layout is Layout.SCORE_SHEET:
        body = score_sheet(sheet.data, template, styles, language, translate)
    else:
        body = form(sheet.data, template.fields, styles, language, translate)
    # A worksheet starts on a new page unless its heading and first rows fit.
    return [CondPageBreak(40 * mm), *heading, *body]


def subtitle(
    sheet: Worksheet, template: WorksheetTemplate, styles: Styles, translate: Translate
) -> Paragraph:
    parts = [translate(CONTEXT, DATED).format(date=sheet.dated.isoformat())]
    if sheet.author:
        parts.append(translate(CONTEXT, BY).format(author=sheet.author))
    attached = {Attachment.CUSTOMER: OF_CUSTOMER, Attachment.TEAM: OF_TEAM}.get(
        template.attached_to, OF_DEAL
    )
    parts.append(translate(CONTEXT, attached))
    return para(" · ".join(parts), styles.small)


def form(
    data: Mapping[str, Any],
    fields: Sequence[FieldDef],
    styles: Styles,
    language: str,
    translate: Translate,
) -> list[Flowable]:
    rows = [
        [
            para(f.names.text(language), styles.label),
            para(value_text(f, data.get(f.code), language, translate), styles.cell),
        ]
        for f in fields
    ]
    if not rows:
        return []
    return [
        table(
            rows,
            column_widths([1, 3]),
            header=False,
            zebra=False,
            extra=[("BACKGROUND", (0, 0), (0, -1), SHADE)],
        )
    ]


def grid(
    data: Mapping[str, Any],
    template: WorksheetTemplate,
    styles: Styles,
    language: str,
    translate: Translate,
) -> list[Flowable]:
    """SWOT: the four fields in two rows of two (S W / O T)."""
    cells: list[list[Flowable]] = []
    for f in template.fields[:4]:
        text = value_text(f, data.get(f.code), language, translate)
        cells.append([para(f.names.text(language), styles.head), para(text, styles.cell)])
    while len(cells) < 4:
        cells.append([])
    rows: list[list[Cell]] = [[cells[0], cells[1]], [cells[2], cells[3]]]
    body: list[Flowable] = [table(rows, [WIDTH / 2, WIDTH / 2], header=False, zebra=False)]
    if len(template.fields) > 4:  # a playbook's extra notes under the grid
        body += form(data, template.fields[4:], styles, language, translate)
    return body


def rows_table(
    data: Mapping[str, Any],
    template: WorksheetTemplate,
    styles: Styles,
    language: str,
    translate: Translate,
) -> list[Flowable]:
    columns = template.columns or template.fields
    rows_data = data.get("rows") or []
    if not columns:  # a roll-up without declared columns: the rows' own keys
        keys = list(dict.fromkeys(k for row in rows_data for k in row))
        columns = tuple(FieldDef(k, Names(k, k), FieldKind.TEXT) for k in keys)
    body: list[Flowable] = []
    if not rows_data:
        body.append(para(translate(CONTEXT, NO_ROWS), styles.small))
    else:
        header = [
            para(
                c.names.text(language),
                styles.head_right if c.kind in RIGHT_ALIGNED else styles.head,
            )
            for c in columns
        ]
        rows = [header]
        for row in rows_data:
            rows.append(
                [
                    para(
                        value_text(c, row.get(c.code), language, translate),
                        styles.cell_right if c.kind in RIGHT_ALIGNED else styles.cell,
                    )
                    for c in columns
                ]
            )
        widths = table_widths(columns)
        body.append(table(rows, widths))
    if template.columns and template.fields:  # notes below a table
        body += form(data, template.fields, styles, language, translate)
    return body


def score_sheet(
    data: Mapping[str, Any],
    template: WorksheetTemplate,
    styles: Styles,
    language: str,
    translate: Translate,
) -> list[Flowable]:
    criteria = [f for f in template.fields if f.kind is FieldKind.SCORE]
    others = [f for f in template.fields if f.kind is not FieldKind.SCORE]
    rows: list[list[Cell]] = [
        [
            para(translate(CONTEXT, CRITERION), styles.head),
            para(translate(CONTEXT, WEIGHT), styles.head_right),
            para(translate(CONTEXT, SCORE), styles.head_right),
            para(translate(CONTEXT, WEIGHTED_SCORE), styles.head_right),
        ]
    ]
    for f in criteria:
        value = data.get(f.code)
        given = "" if value is None or value == "" else f"{value} / {f.maximum}"
        product = _product(value, f.weight) if given else ""
        rows.append(
            [
                para(f.names.text(language), styles.cell),
                para(str(f.weight), styles.cell_right),
                para(given, styles.cell_right),
                para(product, styles.cell_right),
            ]
        )
    result = score(template, data)
    extra: list[tuple[Any, ...]] = []
    if result is not None:
        verdict = (
            result.verdict.names.text(language)
            if result.verdict
            else translate(CONTEXT, NO_VERDICT)
        )
        total = f"{_plain(result.total)} / {_plain(result.maximum)}（{result.percent}%）"
        rows.append(
            [para(translate(CONTEXT, TOTAL), styles.head), para(total, styles.cell_right), "", ""]
        )
        rows.append(
            [para(translate(CONTEXT, VERDICT), styles.head), para(verdict, styles.verdict), "", ""]
        )
        extra = [
            ("BACKGROUND", (0, -2), (-1, -1), SHADE),
            ("SPAN", (1, -2), (-1, -2)),
            ("SPAN", (1, -1), (-1, -1)),
        ]
        if result.verdict is None or result.verdict == template.verdicts[-1]:
            extra.append(("BACKGROUND", (1, -1), (-1, -1), ALERT_SHADE))
    body: list[Flowable] = [table(rows, column_widths([5, 1, 1.3, 1.3]), extra=extra)]
    return body + form(data, others, styles, language, translate)


def unknown(sheet: Worksheet, styles: Styles, translate: Translate) -> list[Flowable]:
    """A worksheet whose template the playbook lacks: shown as stored."""
    rows = [[para(k, styles.label), para(_raw(v), styles.cell)] for k, v in sheet.data.items()]
    body: list[Flowable] = [
        para(translate(CONTEXT, UNKNOWN_TEMPLATE).format(code=sheet.template), styles.h2)
    ]
    if rows:
        body.append(table(rows, column_widths([1, 3]), header=False, zebra=False))
    return body


def _product(value: Any, weight: int) -> str:
    """A row's weighted score (shown only; the total is the domain's)."""
    try:
        return _plain(Decimal(str(value)) * weight)
    except ArithmeticError:
        return ""


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def _raw(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(_raw(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_raw(v)}" for k, v in value.items())
    return "" if value is None else str(value)
