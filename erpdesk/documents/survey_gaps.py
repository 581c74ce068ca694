"""The survey report's shared parts: its labels, the gap levels' colours,
the modules a survey covers, and the gap tables (the count per module and
level, the findings with their gap level and priority).  The report itself
is ``erpdesk.documents.survey_pdf``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from erpdesk.documents.layout import ALERT, ALERT_SHADE, INK, MUTED, column_widths
from erpdesk.documents.letterhead import styles_for, text_cell
from erpdesk.documents.texts import CONTEXT
from erpdesk.domain.branding import Branding
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.presales import Finding, GapLevel, PresalesTask
from erpdesk.domain.questionnaire import Questionnaires
from erpdesk.ts_catalogue import Translate

T = {  # the PDF's own labels (English source, context "Documents")
    "title": QT_TRANSLATE_NOOP("Documents", "Requirements survey report"),
    "customer": QT_TRANSLATE_NOOP("Documents", "Customer"),
    "deal": QT_TRANSLATE_NOOP("Documents", "Deal"),
    "survey": QT_TRANSLATE_NOOP("Documents", "Survey"),
    "dates": QT_TRANSLATE_NOOP("Documents", "Survey dates"),
    "place": QT_TRANSLATE_NOOP("Documents", "Place"),
    "online": QT_TRANSLATE_NOOP("Documents", "online"),
    "consultant": QT_TRANSLATE_NOOP("Documents", "Presales consultant"),
    "ours": QT_TRANSLATE_NOOP("Documents", "Our attendees"),
    "theirs": QT_TRANSLATE_NOOP("Documents", "The customer's attendees"),
    "glance": QT_TRANSLATE_NOOP("Documents", "At a glance"),
    "n_modules": QT_TRANSLATE_NOOP("Documents", "Modules surveyed"),
    "n_answered": QT_TRANSLATE_NOOP("Documents", "Questions answered"),
    "n_findings": QT_TRANSLATE_NOOP("Documents", "Findings"),
    "of": QT_TRANSLATE_NOOP("Documents", "{done} of {total}"),
    "summary": QT_TRANSLATE_NOOP("Documents", "Summary of gaps"),
    "module": QT_TRANSLATE_NOOP("Documents", "Module"),
    "total": QT_TRANSLATE_NOOP("Documents", "Total"),
    "gaps": QT_TRANSLATE_NOOP("Documents", "Findings with a gap, deal breakers first"),
    "no_gaps": QT_TRANSLATE_NOOP("Documents", "No finding has a gap."),
    "people": QT_TRANSLATE_NOOP("Documents", "Departments and interviews"),
    "departments": QT_TRANSLATE_NOOP("Documents", "Departments surveyed"),
    "department": QT_TRANSLATE_NOOP("Documents", "Department"),
    "interviewed": QT_TRANSLATE_NOOP("Documents", "People interviewed"),
    "on": QT_TRANSLATE_NOOP("Documents", "Date"),
    "no_interviews": QT_TRANSLATE_NOOP("Documents", "No interviews recorded."),
    "answers": QT_TRANSLATE_NOOP("Documents", "Questions and answers"),
    "question": QT_TRANSLATE_NOOP("Documents", "Question"),
    "answer": QT_TRANSLATE_NOOP("Documents", "Answer"),
    "unanswered": QT_TRANSLATE_NOOP("Documents", "Not answered"),
    "older": QT_TRANSLATE_NOOP("Documents", "Answers to questions no longer in the questionnaire"),
    "findings": QT_TRANSLATE_NOOP("Documents", "Findings"),
    "finding": QT_TRANSLATE_NOOP("Documents", "Finding"),
    "gap": QT_TRANSLATE_NOOP("Documents", "Gap"),
    "priority": QT_TRANSLATE_NOOP("Documents", "Priority"),
    "no_findings": QT_TRANSLATE_NOOP("Documents", "No findings in this module."),
    "empty": QT_TRANSLATE_NOOP("Documents", "Nothing has been recorded in this survey yet."),
    "outcome": QT_TRANSLATE_NOOP("Documents", "Outcome"),
    "high": QT_TRANSLATE_NOOP("Documents", "High"),
    "medium": QT_TRANSLATE_NOOP("Documents", "Medium"),
    "low": QT_TRANSLATE_NOOP("Documents", "Low"),
    "yes": QT_TRANSLATE_NOOP("Documents", "Yes"),
    "no": QT_TRANSLATE_NOOP("Documents", "No"),
}

# The gap levels, most serious first, with their ink and their cell's shade.
LEVELS = (GapLevel.DEAL_BREAKER, GapLevel.CHALLENGE, GapLevel.NICE_TO_HAVE, GapLevel.NONE)
GAP_COLOURS: dict[GapLevel, tuple[colors.Color, colors.Color]] = {
    GapLevel.DEAL_BREAKER: (ALERT, ALERT_SHADE),
    GapLevel.CHALLENGE: (colors.HexColor("#b54708"), colors.HexColor("#fef0c7")),
    GapLevel.NICE_TO_HAVE: (colors.HexColor("#067647"), colors.HexColor("#dcfae6")),
    GapLevel.NONE: (MUTED, colors.white),
}
PRIORITY_ORDER = {"high": 0, "medium": 1, "low": 2}
GRID = colors.HexColor("#c3ccd6")


def finding_order(finding: Finding) -> tuple[int, int]:
    """Deal breakers first, then challenges, nice to haves and no gap; high
    priority first within a level."""
    return LEVELS.index(finding.gap), PRIORITY_ORDER.get(finding.priority, 3)


class SurveyReportBase:
    """What the report's parts share: the survey, the labels, the styles."""

    def __init__(
        self,
        task: PresalesTask,
        customer_name: str,
        deal_name: str,
        questionnaire: Questionnaires,
        branding: Branding,
        language: str,
        consultant: str,
        module_names: Mapping[str, str],
        say: Translate,
    ) -> None:
        self.task = task
        self.customer = customer_name
        self.deal = deal_name
        self.questionnaire = questionnaire
        self.language = language
        self.consultant = consultant
        self.names = module_names
        self.say = say
        self.s = styles_for(branding)
        self.p = self.s.palette
        self.chinese = language.lower().startswith("zh")
        self.list_sep = "、" if self.chinese else ", "
        self.colon = "：" if self.chinese else ": "

    def t(self, key: str, **params: object) -> str:
        text = self.say(CONTEXT, T[key])
        return text.format(**params) if params else text

    # -- what the survey covers ---------------------------------------------------

    def modules(self) -> list[str]:
        """The modules with an answer or a finding: the questionnaire's order,
        then any other (an older questionnaire's) by code."""
        used = {m for m, given in self.task.answers.items() if _answered(given)}
        used |= {f.module for f in self.task.findings}
        known = [m for m in self.questionnaire.modules if m in used]
        return known + sorted(used - set(known))

    def module_name(self, code: str) -> str:
        return self.names.get(code, code)

    def gap_label(self, level: GapLevel) -> str:
        return self.say("Domain", level.label)

    def priority_label(self, code: str) -> str:
        return self.t(code) if code in PRIORITY_ORDER else code

    # -- the summary of gaps ---------------------------------------------------------

    def counts(self) -> dict[tuple[str, GapLevel], int]:
        """Findings per (module, level); module "" is the total."""
        out: dict[tuple[str, GapLevel], int] = {}
        for f in self.task.findings:
            for key in ((f.module, f.gap), ("", f.gap)):
                out[key] = out.get(key, 0) + 1
        return out

    def summary(self) -> list[Flowable]:
        s = self.s
        counts = self.counts()
        modules = [m for m in self.modules() if any(f.module == m for f in self.task.findings)]
        head = [text_cell(self.t("module"), s.head)]
        head += [text_cell(self.gap_label(level), s.head_centre) for level in LEVELS]
        head.append(text_cell(self.t("total"), s.head_centre))
        rows: list[list[Any]] = [head]
        total = s.total_right.clone("total_centre", alignment=TA_CENTER)
        for module in [*modules, ""]:
            label = self.module_name(module) if module else self.t("total")
            numbers = [counts.get((module, level), 0) for level in LEVELS]
            style = s.cell_centre if module else total
            rows.append(
                [text_cell(label, s.cell if module else s.total)]
                + [text_cell(str(n) if n else "–", style) for n in numbers]
                + [text_cell(str(sum(numbers)), style)]
            )
        extra: list[tuple[Any, ...]] = [("LINEABOVE", (0, -1), (-1, -1), 0.8, self.p.primary)]
        for col, level in enumerate(LEVELS, start=1):
            _ink, shade = GAP_COLOURS[level]
            extra.append(("BACKGROUND", (col, 0), (col, 0), shade))
        table = Table(
            rows, colWidths=column_widths((3, 1.2, 1.2, 1.2, 1.2, 1)), repeatRows=1, hAlign="LEFT"
        )
        table.setStyle(self.grid_style(extra=extra))
        out: list[Flowable] = [text_cell(self.t("summary"), s.h2), table, Spacer(0, 6)]
        gaps = sorted(
            (f for f in self.task.findings if f.gap is not GapLevel.NONE), key=finding_order
        )
        out.append(text_cell(self.t("gaps"), s.h2))
        if not gaps:
            return [*out, text_cell(self.t("no_gaps"), s.small)]
        return [*out, self.findings_table(gaps, with_module=True)]

    def findings_table(self, findings: Sequence[Finding], *, with_module: bool) -> Table:
        s = self.s
        keys = ["gap", *(["module"] if with_module else []), "finding", "priority"]
        rows: list[list[Any]] = [[text_cell(self.t(k), s.head) for k in keys[:-1]]]
        rows[0].append(text_cell(self.t("priority"), s.head_centre))
        extra: list[tuple[Any, ...]] = []
        for r, f in enumerate(findings, start=1):
            ink, shade = GAP_COLOURS[f.gap]
            gap_style = s.cell.clone(f"gap_{f.gap.value}", textColor=ink)
            row = [text_cell(self.gap_label(f.gap), gap_style)]
            if with_module:
                row.append(text_cell(self.module_name(f.module), s.cell))
            row += [
                text_cell(f.text, s.cell),
                text_cell(self.priority_label(f.priority), s.cell_centre),
            ]
            rows.append(row)
            extra.append(("BACKGROUND", (0, r), (0, r), shade))
        weights = (1.3, 1.5, 6, 0.9) if with_module else (1.3, 7.5, 0.9)
        table = Table(
            rows, colWidths=column_widths(weights), repeatRows=1, splitByRow=1, splitInRow=1,
            hAlign="LEFT",
        )  # fmt: skip
        table.setStyle(self.grid_style(extra=extra))
        return table

    # -- the tables' look ----------------------------------------------------------------

    def grid_style(
        self, *, header: bool = True, extra: Sequence[tuple[Any, ...]] = ()
    ) -> TableStyle:
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), self.s.font),
            ("FONTSIZE", (0, 0), (-1, -1), 7.5),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.3, GRID),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        if header:
            commands += [
                ("BACKGROUND", (0, 0), (-1, 0), self.p.shade),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.p.primary),
            ]
        return TableStyle([*commands, *extra])


def is_answered(value: Any) -> bool:
    return value is not None and value != ""


def _answered(given: Mapping[str, Any]) -> bool:
    return any(is_answered(v) for v in given.values())
