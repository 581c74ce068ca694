"""The internal deal-review PDF (商机评审): what a manager reads before a
deal review — the deal's header, the current stage's checklist and exit
criteria, the stage history with its overrides, and every worksheet laid
out by its template.

``render_deal_review(path, review)`` takes a plain ``DealReview`` (the
service layer fills it from ``DealService.page``); nothing here reads the
database or knows Qt.  Playbook names come from the playbook in the
language asked for; the PDF's own labels are translated in the context
``Documents``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer

from erpdesk.documents.layout import (
    ALERT,
    SHADE,
    Cell,
    Styles,
    build,
    column_widths,
    day,
    moment,
    money,
    para,
    table,
)
from erpdesk.documents.texts import CONTEXT, translator
from erpdesk.documents.worksheets import worksheet_flowables
from erpdesk.domain.customer import utcnow
from erpdesk.domain.deal import Deal, DealStatus, MoveKind, StageChange, Worksheet
from erpdesk.domain.forecast import weighted
from erpdesk.domain.gates import days_in_stage
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.playbook import Playbook
from erpdesk.ts_catalogue import Translate

T = {  # the PDF's own labels (English source, context "Documents")
    "title": QT_TRANSLATE_NOOP("Documents", "Deal review"),
    "printed": QT_TRANSLATE_NOOP("Documents", "Printed {time} · playbook {playbook}"),
    "deal": QT_TRANSLATE_NOOP("Documents", "Deal"),
    "customer": QT_TRANSLATE_NOOP("Documents", "Customer"),
    "owner": QT_TRANSLATE_NOOP("Documents", "Owner"),
    "stage": QT_TRANSLATE_NOOP("Documents", "Stage"),
    "amount": QT_TRANSLATE_NOOP("Documents", "Estimated amount"),
    "probability": QT_TRANSLATE_NOOP("Documents", "Probability"),
    "weighted": QT_TRANSLATE_NOOP("Documents", "Weighted amount"),
    "close_date": QT_TRANSLATE_NOOP("Documents", "Expected close"),
    "days": QT_TRANSLATE_NOOP("Documents", "Days in stage"),
    "team": QT_TRANSLATE_NOOP("Documents", "Deal team"),
    "competitors": QT_TRANSLATE_NOOP("Documents", "Competitors"),
    "next_step": QT_TRANSLATE_NOOP("Documents", "Next step"),
    "modules": QT_TRANSLATE_NOOP("Documents", "ERP scope"),
    "source": QT_TRANSLATE_NOOP("Documents", "Source"),
    "lost_reason": QT_TRANSLATE_NOOP("Documents", "Lost reason"),
    "winner": QT_TRANSLATE_NOOP("Documents", "Won by"),
    "health": QT_TRANSLATE_NOOP("Documents", "Health flags"),
    "healthy": QT_TRANSLATE_NOOP("Documents", "none"),
    "overridden_probability": QT_TRANSLATE_NOOP("Documents", "overridden: {reason}"),
    "checklist": QT_TRANSLATE_NOOP("Documents", "Checklist of stage {number}: {name}"),
    "activity": QT_TRANSLATE_NOOP("Documents", "Activity"),
    "done": QT_TRANSLATE_NOOP("Documents", "Done"),
    "ticked": QT_TRANSLATE_NOOP("Documents", "Ticked"),
    "optional": QT_TRANSLATE_NOOP("Documents", "(optional)"),
    "exit": QT_TRANSLATE_NOOP("Documents", "Exit criteria"),
    "required_ws": QT_TRANSLATE_NOOP("Documents", "Worksheets this stage requires: {names}"),
    "older": QT_TRANSLATE_NOOP("Documents", "Answers kept from an older playbook: {codes}"),
    "history": QT_TRANSLATE_NOOP("Documents", "Stage history"),
    "entered": QT_TRANSLATE_NOOP("Documents", "Entered"),
    "left": QT_TRANSLATE_NOOP("Documents", "Left"),
    "days_short": QT_TRANSLATE_NOOP("Documents", "Days"),
    "by": QT_TRANSLATE_NOOP("Documents", "By"),
    "move": QT_TRANSLATE_NOOP("Documents", "Move"),
    "override": QT_TRANSLATE_NOOP("Documents", "Overrides and reason"),
    "current": QT_TRANSLATE_NOOP("Documents", "now"),
    "passed": QT_TRANSLATE_NOOP("Documents", "Went past: {items}"),
    "no_history": QT_TRANSLATE_NOOP("Documents", "No stage changes recorded."),
    "worksheets": QT_TRANSLATE_NOOP("Documents", "Worksheets"),
    "no_worksheets": QT_TRANSLATE_NOOP("Documents", "No worksheets filled in yet."),
}


@dataclass(frozen=True)
class DealReview:
    """Everything the deal-review PDF shows, as plain objects.

    ``worksheets`` are the deal's and its customer's worksheets;
    ``health`` the deal's health flags as labels already in the reader's
    language; ``printed_at`` a UTC time (shown in local time), also the
    "today" of the days in stage."""

    customer_name: str
    deal: Deal
    history: Sequence[StageChange]
    worksheets: Sequence[Worksheet]
    playbook: Playbook
    health: Sequence[str] = ()
    printed_at: datetime = field(default_factory=utcnow)


def render_deal_review(
    path: Path, review: DealReview, language: str = "zh_CN", translate: Translate | None = None
) -> None:
    """Write the deal-review PDF of *review* to *path* (whole or not at all)."""
    say = translate or translator(language)
    styles = Styles.make(language)
    writer = _Writer(review, language, say, styles)
    title = say(CONTEXT, T["title"])
    build(
        Path(path),
        writer.story(),
        title=f"{title} · {review.deal.name}",
        footer=f"{title} · {review.customer_name} · {review.deal.name}",
        translate=say,
        internal=True,
    )


class _Writer:
    def __init__(self, review: DealReview, language: str, say: Translate, styles: Styles) -> None:
        self.review = review
        self.deal = review.deal
        self.playbook = review.playbook
        self.language = language
        self.say = say
        self.s = styles

    def t(self, key: str, **params: object) -> str:
        text = self.say(CONTEXT, T[key])
        return text.format(**params) if params else text

    def stage_name(self, number: int | None) -> str:
        if number is None:
            return ""
        try:
            stage = self.playbook.stage(number)
        except KeyError:
            return str(number)
        return f"{number} · {stage.names.text(self.language)}"

    def story(self) -> list[Flowable]:
        return [
            *self.header(),
            *self.checklist(),
            *self.history(),
            *self.worksheets(),
        ]

    # -- the header ------------------------------------------------------------

    def header(self) -> list[Flowable]:
        deal, s = self.deal, self.s
        printed = self.t(
            "printed",
            time=moment(self.review.printed_at),
            playbook=deal.playbook or self.playbook.key,
        )
        out: list[Flowable] = [
            para(f"{self.t('title')}：{deal.name}", s.title),
            para(f"{self.review.customer_name} · {printed}", s.subtitle),
        ]
        pairs = [
            (self.t("customer"), self.review.customer_name),
            (self.t("deal"), deal.name),
            (self.t("stage"), self.stage_text()),
            (self.t("owner"), deal.owner),
            (self.t("amount"), money(deal.amount)),
            (self.t("probability"), self.probability_text()),
            (self.t("weighted"), money(self.weighted())),
            (self.t("close_date"), day(deal.close_date)),
            (self.t("days"), str(self.days_in_stage())),
            (self.t("source"), self.say("Domain", deal.source.label) if deal.source else ""),
            (
                self.t("modules"),
                "、".join(self.choice(self.playbook.modules, m) for m in deal.modules),
            ),
            (self.t("competitors"), "、".join(deal.competitors)),
        ]
        if deal.status is DealStatus.LOST:
            pairs += [
                (self.t("lost_reason"), self.choice(self.playbook.lost_reasons, deal.lost_reason)),
                (self.t("winner"), deal.winning_competitor),
            ]
        rows: list[list[Cell]] = []
        for i in range(0, len(pairs), 2):
            left, right = pairs[i], pairs[i + 1] if i + 1 < len(pairs) else ("", "")
            rows.append(
                [
                    para(left[0], s.label),
                    para(left[1], s.cell),
                    para(right[0], s.label),
                    para(right[1], s.cell),
                ]
            )
        long_rows = [
            (
                self.t("team"),
                "、".join(
                    f"{m.name}（{self.choice(self.playbook.team_roles, m.role)}）"
                    for m in deal.team
                ),
            ),
            (
                self.t("next_step"),
                " — ".join(x for x in (day(deal.next_step_date), deal.next_step) if x),
            ),
        ]
        for label, value in long_rows:
            rows.append([para(label, s.label), para(value, s.cell), "", ""])
        n = len(rows)
        extra: list[tuple[Any, ...]] = [
            ("BACKGROUND", (0, 0), (0, -1), SHADE),
            ("BACKGROUND", (2, 0), (2, n - 3), SHADE),
        ]
        extra += [("SPAN", (1, r), (3, r)) for r in range(n - 2, n)]
        out.append(
            table(rows, column_widths([1.1, 2.1, 1.1, 2.1]), header=False, zebra=False, extra=extra)
        )
        health = list(self.review.health)
        text = "、".join(health) if health else self.t("healthy")
        out.append(Spacer(0, 4))
        out.append(para(f"{self.t('health')}：{text}", s.alert if health else s.body))
        return out

    def stage_text(self) -> str:
        deal = self.deal
        text = self.stage_name(deal.stage)
        if not deal.is_open:
            text += f"（{self.say('Domain', deal.status.label)}）"
        return text

    def probability_text(self) -> str:
        deal = self.deal
        text = f"{deal.probability}%"
        if deal.probability_reason:
            text += "（" + self.t("overridden_probability", reason=deal.probability_reason) + "）"
        return text

    def weighted(self) -> Decimal:
        return weighted(self.deal.amount, self.deal.probability)

    def days_in_stage(self) -> int:
        return days_in_stage(self.deal, self.review.printed_at.astimezone().date())

    def choice(self, choices: Sequence[object], code: str) -> str:
        for c in choices:
            if getattr(c, "code", None) == code:
                return str(c.names.text(self.language))  # type: ignore[attr-defined]
        return code

    # -- the checklist ---------------------------------------------------------

    def checklist(self) -> list[Flowable]:
        deal, s = self.deal, self.s
        try:
            stage = self.playbook.stage(deal.stage)
        except KeyError:
            return []
        out: list[Flowable] = [
            para(
                self.t("checklist", number=stage.number, name=stage.names.text(self.language)), s.h1
            )
        ]
        rows: list[list[Cell]] = [
            [
                para(self.t("done"), s.head),
                para(self.t("activity"), s.head),
                para(self.t("ticked"), s.head),
            ]
        ]
        tick_styles = []
        for i, item in enumerate(stage.checklist, start=1):
            answer = deal.checklist.get(item.code)
            done = bool(answer and answer.done)
            name = item.names.text(self.language)
            if not item.required:
                name += " " + self.t("optional")
            who = f"{moment(answer.at)} {answer.by}" if answer and answer.done else ""
            if answer and answer.note:
                who += f"\n{answer.note}"
            rows.append([para("✔" if done else "□", s.cell), para(name, s.cell), para(who, s.cell)])
            if not done and item.required:
                tick_styles.append(("TEXTCOLOR", (0, i), (0, i), ALERT))
        out.append(table(rows, column_widths([0.5, 5, 2.2]), extra=tick_styles))
        known = {i.code for st in self.playbook.stages for i in st.checklist}
        older = sorted(c for c in deal.checklist if c not in known)
        if older:
            out.append(para(self.t("older", codes="、".join(older)), s.small))
        if stage.required_worksheets:
            names = "、".join(self.worksheet_name(c) for c in stage.required_worksheets)
            out.append(para(self.t("required_ws", names=names), s.small))
        if stage.exit_criteria:
            criteria: list[Flowable] = [para(self.t("exit"), s.h2)]
            criteria += [para(f"• {c.text(self.language)}", s.body) for c in stage.exit_criteria]
            out.append(KeepTogether(criteria))
        out.append(Spacer(0, 2))
        return out

    def worksheet_name(self, code: str) -> str:
        template = self.playbook.worksheets.get(code)
        return template.names.text(self.language) if template else code

    # -- the stage history -----------------------------------------------------

    def history(self) -> list[Flowable]:
        s = self.s
        changes = sorted(self.review.history, key=lambda c: (c.at, c.created_at))
        heading = para(self.t("history"), s.h1)
        if not changes:
            return [CondPageBreak(30 * mm), heading, para(self.t("no_history"), s.small)]
        rows: list[list[Cell]] = [
            [
                para(self.t(k), s.head)
                for k in ("stage", "move", "entered", "left", "days_short", "by", "override")
            ]
        ]
        for i, change in enumerate(changes):
            following = changes[i + 1] if i + 1 < len(changes) else None
            closed = change.kind in (MoveKind.WON, MoveKind.LOST)
            end = following.at if following else None
            if following is None and not closed:
                days = (self.review.printed_at - change.at).days
                left = self.t("current")
            else:
                days = (end - change.at).days if end else 0
                left = moment(end)
            stage = (
                self.say("Domain", change.kind.label)
                if closed
                else self.stage_name(change.to_stage)
            )
            rows.append(
                [
                    para(stage, s.cell),
                    para(self.say("Domain", change.kind.label), s.cell),
                    para(moment(change.at), s.cell),
                    para(left, s.cell),
                    para("" if closed else str(max(0, days)), s.cell_right),
                    para(change.by, s.cell),
                    para(self.override_text(change), s.cell),
                ]
            )
        widths = column_widths([2.0, 1.2, 1.65, 1.65, 0.6, 0.9, 2.8])
        return [CondPageBreak(40 * mm), heading, table(rows, widths)]

    def override_text(self, change: StageChange) -> str:
        lines = []
        if change.overridden:
            names = []
            for code in change.overridden:
                found = self.playbook.checklist_item(code)
                names.append(
                    found[1].names.text(self.language) if found else self.worksheet_name(code)
                )
            lines.append(self.t("passed", items="、".join(names)))
        if change.reason:
            lines.append(change.reason)
        return "\n".join(lines)

    # -- the worksheets --------------------------------------------------------

    def worksheets(self) -> list[Flowable]:
        s = self.s
        out: list[Flowable] = [PageBreak(), para(self.t("worksheets"), s.h1)]
        sheets = [w for w in self.review.worksheets if not w.deleted]
        if not sheets:
            return [*out, para(self.t("no_worksheets"), s.small)]
        order = {code: i for i, code in enumerate(self.playbook.worksheets)}
        sheets.sort(key=lambda w: (order.get(w.template, len(order)), w.dated, w.created_at))
        for sheet in sheets:
            template = self.playbook.worksheets.get(sheet.template)
            out += worksheet_flowables(sheet, template, s, self.language, self.say)
            out.append(Spacer(0, 4))
        return out
