"""The requirements-survey report PDF (需求调研报告): what a consultant hands
to the deal team after a survey.

``write_survey_report(path, task=..., ...)`` lays out a survey task
(``PresalesTask``) in the company's branded frame: a cover (customer, deal,
the survey's dates and place, the consultant, our and the customer's
attendees, the figures at a glance), the summary of gaps (a count per module
and level, then every finding with a gap, deal breakers first), the
departments and interviews, and per module the questions of the
questionnaire with their answers (an unanswered one marked) and the
module's findings with their gap level (colour-coded) and priority.

The gap levels make it an internal document: every footer says so.  The
PDF's own labels are translated in the context ``Documents``, the gap
levels in ``Domain``; the questions come from the questionnaire in the
report's language.  The file is written whole or not at all, the font
embedded.  The labels, the colours and the gap tables are in
``survey_gaps``; a sample survey is in ``survey_sample``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from erpdesk.documents.layout import ALERT, ALERT_SHADE, INTERNAL, column_widths
from erpdesk.documents.letterhead import DocumentInfo, build_branded, text_cell
from erpdesk.documents.survey_gaps import SurveyReportBase, finding_order, is_answered
from erpdesk.documents.texts import CONTEXT, translator
from erpdesk.domain.branding import Branding
from erpdesk.domain.presales import GapLevel, PresalesTask
from erpdesk.domain.questionnaire import Question, QuestionKind, Questionnaires
from erpdesk.ts_catalogue import Translate


def write_survey_report(
    path: Path,
    *,
    task: PresalesTask,
    customer_name: str,
    deal_name: str,
    questionnaire: Questionnaires,
    branding: Branding,
    language: str = "zh_CN",
    consultant: str = "",
    module_names: Mapping[str, str] | None = None,
    translate: Translate | None = None,
) -> Path:
    """Write the survey report of *task* to *path*, whole or not at all, and
    return *path*.  *module_names* maps a module code to its name in
    *language* (the playbook's; the code is shown without it).
    ``PdfWriteError`` for a folder that is missing or read-only or a full
    disk; ``FontError`` / ``LogoError`` when the font or the logo cannot be
    used."""
    writer = _Writer(
        task, customer_name, deal_name, questionnaire, branding, language, consultant,
        module_names or {}, translate or translator(language),
    )  # fmt: skip
    return build_branded(
        Path(path),
        writer.story(),
        branding=branding,
        info=writer.info(),
        language=language,
        translate=writer.say,
    )


class _Writer(SurveyReportBase):
    def info(self) -> DocumentInfo:
        title = self.t("title")
        return DocumentInfo(
            title=f"{title} · {self.customer}",
            author=self.consultant or "ERPDesk",
            subject=" · ".join(x for x in (title, self.customer, self.deal) if x),
            reference=self.say(CONTEXT, INTERNAL),
            keywords=tuple(k for k in (title, self.customer, self.deal) if k),
        )

    def story(self) -> list[Flowable]:
        out = [*self.cover(), PageBreak()]
        modules = self.modules()
        if not modules and not self.task.departments and not self.task.interviews:
            out.append(text_cell(self.t("empty"), self.s.body))
        out += [*self.summary(), *self.people()]
        for number, module in enumerate(modules, start=1):
            out += self.module_section(number, module)
        return out

    # -- the cover ----------------------------------------------------------------

    def cover(self) -> list[Flowable]:
        s, task = self.s, self.task
        place = task.place
        if task.online:
            place = self.list_sep.join(x for x in (place, self.t("online")) if x)
        pairs = [
            ("customer", self.customer),
            ("deal", self.deal),
            ("survey", task.title),
            ("dates", self.dates()),
            ("place", place),
            ("consultant", self.consultant),
            ("ours", self.list_sep.join(task.our_attendees)),
            ("theirs", "\n".join(self.attendee(a.name, a.title) for a in task.customer_attendees)),
        ]
        rows = [[text_cell(self.t(k), s.label), text_cell(v, s.value)] for k, v in pairs]
        grid = Table(rows, colWidths=column_widths((1, 3.4)), hAlign="LEFT")
        grid.setStyle(
            self.grid_style(header=False, extra=[("BACKGROUND", (0, 0), (0, -1), self.p.light)])
        )
        return [
            Spacer(0, 14),
            text_cell(self.t("title"), s.title),
            text_cell(" · ".join(x for x in (self.customer, self.deal) if x), s.title_note),
            Spacer(0, 10),
            grid,
            Spacer(0, 12),
            text_cell(self.t("glance"), s.h2),
            self.glance(),
            *self.outcome(),
        ]

    def outcome(self) -> list[Flowable]:
        text = self.task.outcome.strip()
        if not text:
            return []
        return [text_cell(self.t("outcome"), self.s.h2), text_cell(text, self.s.body)]

    def attendee(self, name: str, title: str) -> str:
        if not title:
            return name
        return f"{name}（{title}）" if self.chinese else f"{name} ({title})"

    def dates(self) -> str:
        start, end = self.task.starts_at, self.task.ends_at
        if start.date() == end.date():
            return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"
        return f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"

    def glance(self) -> Table:
        s = self.s
        asked = answered = 0
        for module in self.modules():
            q = self.questionnaire.for_module(module)
            given = self.task.answers.get(module, {})
            if q is not None:
                asked += len(q.questions)
                answered += sum(1 for x in q.questions if is_answered(given.get(x.code)))
        counts = self.counts()
        figures = [
            (self.t("n_modules"), str(len(self.modules()))),
            (self.t("n_answered"), self.t("of", done=answered, total=asked)),
            (self.t("n_findings"), str(len(self.task.findings))),
            (
                self.gap_label(GapLevel.DEAL_BREAKER),
                str(counts.get(("", GapLevel.DEAL_BREAKER), 0)),
            ),
        ]
        row = [[text_cell(v, s.total), text_cell(k, s.small)] for k, v in figures]
        table = Table([row], colWidths=column_widths((1, 1, 1, 1)), hAlign="LEFT")
        table.setStyle(
            self.grid_style(header=False, extra=[("BACKGROUND", (0, 0), (-1, -1), self.p.light)])
        )
        if figures[3][1] != "0":
            table.setStyle(TableStyle([("BACKGROUND", (3, 0), (3, 0), ALERT_SHADE)]))
        return table

    # -- departments and interviews --------------------------------------------------

    def people(self) -> list[Flowable]:
        s, task = self.s, self.task
        if not task.departments and not task.interviews:
            return []
        out: list[Flowable] = [CondPageBreak(60), text_cell(self.t("people"), s.h2)]
        if task.departments:
            out.append(
                text_cell(
                    f"{self.t('departments')}{self.colon}{self.list_sep.join(task.departments)}",
                    s.body,
                )
            )
        if not task.interviews:
            return [*out, text_cell(self.t("no_interviews"), s.small)]
        rows: list[list[Any]] = [
            [text_cell(self.t(k), s.head) for k in ("department", "interviewed", "on")]
        ]
        for interview in task.interviews:
            rows.append(
                [
                    text_cell(interview.department, s.cell),
                    text_cell(self.list_sep.join(interview.people), s.cell),
                    text_cell(interview.on.isoformat() if interview.on else "", s.cell),
                ]
            )
        table = Table(
            rows, colWidths=column_widths((2, 5, 1.4)), repeatRows=1, splitByRow=1, hAlign="LEFT"
        )
        table.setStyle(self.grid_style())
        return [*out, Spacer(0, 3), table]

    # -- a module ------------------------------------------------------------------------

    def module_section(self, number: int, module: str) -> list[Flowable]:
        s = self.s
        heading = text_cell(f"{number}. {self.module_name(module)}", s.h2)
        out: list[Flowable] = [CondPageBreak(90), heading]
        given = self.task.answers.get(module, {})
        questionnaire = self.questionnaire.for_module(module)
        questions = questionnaire.questions if questionnaire else ()
        if questions:
            out += [
                text_cell(self.t("answers"), s.title_note),
                self.answers_table(questions, given),
            ]
        known = {q.code for q in questions}
        older = [
            (code, value)
            for code, value in given.items()
            if code not in known and is_answered(value)
        ]
        if older:
            lines = [f"{code}{self.colon}{_plain(value, self.t)}" for code, value in older]
            out += [text_cell(self.t("older"), s.title_note), text_cell("\n".join(lines), s.body)]
        findings = sorted((f for f in self.task.findings if f.module == module), key=finding_order)
        out.append(Spacer(0, 5))
        if not findings:
            return [*out, text_cell(self.t("no_findings"), s.small)]
        title = text_cell(self.t("findings"), s.title_note)
        return [*out, KeepTogether([title, self.findings_table(findings, with_module=False)])]

    def answers_table(self, questions: Sequence[Question], given: Mapping[str, Any]) -> Table:
        s = self.s
        rows: list[list[Any]] = [
            ["#", text_cell(self.t("question"), s.head), text_cell(self.t("answer"), s.head)]
        ]
        extra: list[tuple[Any, ...]] = []
        missing = s.cell.clone("unanswered", textColor=ALERT)
        for r, question in enumerate(questions, start=1):
            value = given.get(question.code)
            if is_answered(value):
                answer = text_cell(self.answer_text(question, value), s.cell)
            else:
                answer = text_cell(f"— {self.t('unanswered')} —", missing)
                extra.append(("BACKGROUND", (2, r), (2, r), ALERT_SHADE))
            rows.append([str(r), text_cell(question.names.text(self.language), s.cell), answer])
        table = Table(
            rows, colWidths=column_widths((0.4, 4.2, 5.2)), repeatRows=1, splitByRow=1,
            splitInRow=1, hAlign="LEFT",
        )  # fmt: skip
        table.setStyle(self.grid_style(extra=[("ALIGN", (0, 1), (0, -1), "CENTER"), *extra]))
        return table

    def answer_text(self, question: Question, value: Any) -> str:
        if question.kind is QuestionKind.CHOICE:
            choice = next((c for c in question.choices if c.code == value), None)
            return choice.names.text(self.language) if choice else str(value)
        return _plain(value, self.t)


def _plain(value: Any, t: Callable[[str], str]) -> str:
    """An answer as text: yes or no for a boolean, the value otherwise."""
    if isinstance(value, bool):
        return t("yes") if value else t("no")
    return str(value)
