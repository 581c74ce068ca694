"""Small playbooks built straight from the dataclasses, for rule tests that
must not depend on the shipped playbook's wording (and for a second
version of a playbook under existing deals)."""

from __future__ import annotations

from pathlib import Path

from erpdesk.domain.playbook import (
    Attachment,
    ChecklistItem,
    Choice,
    FieldDef,
    FieldKind,
    Layout,
    Names,
    Playbook,
    StageDef,
    Verdict,
    WorksheetTemplate,
    load_playbook,
)

DEFAULT_TOML = Path(__file__).resolve().parents[2] / "resources" / "playbook" / "default.toml"

CODES = (
    "target",
    "discover",
    "confirm_intent",
    "project_approval",
    "preliminary_acceptance",
    "negotiation",
    "closing",
)
PROBABILITIES = (10, 20, 30, 50, 70, 80, 90)
# Stage number -> (required items, optional items).
ITEMS = {
    1: (("visit", "profile"), ()),
    2: (("pains", "assess"), ()),
    3: (("needs", "confirm"), ("interest",)),
    4: (("team", "competitors", "plan", "top_visit"), ("key_people",)),
    5: (("solution", "briefing"), ()),
    6: (("doubts", "timetable"), ()),
    7: (("contract", "payment"), ()),
}
REQUIRED_WORKSHEETS = {
    1: ("customer_profile",),
    2: ("opportunity_assessment_1",),
    4: ("competitiveness_assessment", "deal_team"),
}


def _names(code: str) -> Names:
    return Names(zh=f"{code}（中文）", en=code.replace("_", " ").capitalize())


def _choices(*codes: str) -> tuple[Choice, ...]:
    return tuple(Choice(code, _names(code)) for code in codes)


def _score_sheet(code: str) -> WorksheetTemplate:
    return WorksheetTemplate(
        code=code,
        names=_names(code),
        attached_to=Attachment.OPPORTUNITY,
        layout=Layout.SCORE_SHEET,
        fields=(
            FieldDef("budget", _names("budget"), FieldKind.SCORE, weight=2),
            FieldDef("need", _names("need"), FieldKind.SCORE, weight=1),
        ),
        verdicts=(
            Verdict(70, "pursue", _names("pursue")),
            Verdict(40, "qualify", _names("qualify")),
            Verdict(0, "drop", _names("drop")),
        ),
    )


def make_playbook(
    version: str = "1",
    *,
    items: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] | None = None,
    required_worksheets: dict[int, tuple[str, ...]] | None = None,
) -> Playbook:
    """A seven-stage playbook like the default one, in miniature."""
    items = ITEMS if items is None else items
    required = REQUIRED_WORKSHEETS if required_worksheets is None else required_worksheets
    templates = {
        "customer_profile": WorksheetTemplate(
            "customer_profile",
            _names("customer_profile"),
            Attachment.CUSTOMER,
            Layout.FORM,
            fields=(FieldDef("basics", _names("basics"), FieldKind.LONGTEXT),),
        ),
        "deal_team": WorksheetTemplate(
            "deal_team",
            _names("deal_team"),
            Attachment.OPPORTUNITY,
            Layout.TABLE,
            columns=(FieldDef("name", _names("name"), FieldKind.PERSON),),
        ),
        "opportunity_assessment_1": _score_sheet("opportunity_assessment_1"),
        "competitiveness_assessment": _score_sheet("competitiveness_assessment"),
    }
    stages = []
    for number, code in enumerate(CODES, start=1):
        must, may = items.get(number, ((), ()))
        checklist = tuple(
            ChecklistItem(f"{code}.{item}", _names(item), required=item in must)
            for item in (*must, *may)
        )
        needed = required.get(number, ())
        stages.append(
            StageDef(
                number=number,
                code=code,
                names=Names(zh=f"阶段{number}", en=f"Stage {number}"),
                probability=PROBABILITIES[number - 1],
                checklist=checklist,
                worksheets=needed,
                required_worksheets=needed,
                exit_criteria=(),
            )
        )
    return Playbook(
        id="test-playbook",
        version=version,
        names=Names("测试手册", "Test playbook"),
        stages=tuple(stages),
        worksheets=templates,
        lost_reasons=_choices("price", "timing", "other"),
        modules=_choices("finance", "supply_chain", "production", "hr"),
        team_roles=_choices("sales", "presales", "implementation"),
    )


def default_playbook() -> Playbook:
    """The shipped playbook, read through the loader."""
    return load_playbook(DEFAULT_TOML.read_text(encoding="utf-8"), str(DEFAULT_TOML))
