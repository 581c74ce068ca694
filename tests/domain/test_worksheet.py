"""The worksheet engine's rules: scores and verdicts, problems, normalising,
and data that survives a change of template."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from erpdesk.domain.deal import Worksheet
from erpdesk.domain.errors import ValidationError
from erpdesk.domain.playbook import FieldDef, FieldKind, Layout, load_playbook
from erpdesk.domain.worksheet import (
    empty_data,
    empty_row,
    score,
    validate_worksheet,
    worksheet_problems,
)
from erpdesk.playbooks import DEFAULT_PLAYBOOK, read_playbook

PLAYBOOK = read_playbook(DEFAULT_PLAYBOOK)
SHEETS = PLAYBOOK.worksheets
A1 = SHEETS["opportunity_assessment_1"]  # need 3, budget 3, authority 2, timeline 2, fit 2,
# target_profile 1: maximum (3+3+2+2+2+1) * 5 = 65


def full(value: int) -> dict[str, int]:
    return {f.code: value for f in A1.fields if f.kind is FieldKind.SCORE}


def test_score_total_maximum_percent_and_verdict() -> None:
    result = score(A1, full(5))
    assert result is not None
    assert (result.total, result.maximum, result.percent) == (Decimal(65), Decimal(65), 100)
    assert result.verdict is not None and result.verdict.code == "pursue"
    # need 4*3 + budget 3*3 + authority 2*2 + timeline 1*2 + fit 3*2 + profile 5*1 = 38
    data = {"need": 4, "budget": 3, "authority": 2, "timeline": 1, "fit": 3, "target_profile": 5}
    result = score(A1, data)
    assert result is not None
    assert (result.total, result.maximum) == (Decimal(38), Decimal(65))
    assert result.percent == 58  # 58.46
    assert result.verdict is not None and result.verdict.code == "qualify_further"
    assert score(A1, full(0)).verdict.code == "drop"  # type: ignore[union-attr]


def test_percent_rounds_half_up_and_verdict_boundaries() -> None:
    # a sheet with one score field of weight 1, maximum 8: 1/8 = 12.5% -> 13
    template = replace(
        A1,
        fields=(FieldDef("x", A1.fields[0].names, FieldKind.SCORE, maximum=8),),
    )
    assert score(template, {"x": 1}).percent == 13  # type: ignore[union-attr]
    # 45% exactly reaches "qualify_further" (min_percent 45), 44 does not
    template = replace(
        A1,
        fields=(FieldDef("x", A1.fields[0].names, FieldKind.SCORE, maximum=100),),
    )
    assert score(template, {"x": 45}).verdict.code == "qualify_further"  # type: ignore[union-attr]
    assert score(template, {"x": 44}).verdict.code == "drop"  # type: ignore[union-attr]
    assert score(template, {"x": 70}).verdict.code == "pursue"  # type: ignore[union-attr]


def test_empty_or_bad_scores_count_nothing() -> None:
    result = score(A1, {"need": 5, "budget": "x", "authority": 9, "timeline": True})
    assert result is not None
    assert (result.total, result.maximum, result.percent) == (Decimal(15), Decimal(65), 23)
    assert score(A1, {}).percent == 0  # type: ignore[union-attr]
    assert score(A1, {"need": "4"}).total == Decimal(12)  # type: ignore[union-attr]


def test_score_is_none_for_other_layouts() -> None:
    assert score(SHEETS["customer_swot"], {"strengths": "x"}) is None
    assert score(SHEETS["needs_analysis"], {}) is None


def test_every_assessment_has_real_criteria() -> None:
    for code in (
        "opportunity_assessment_1",
        "opportunity_assessment_2",
        "competitiveness_assessment",
    ):
        result = score(SHEETS[code], {})
        assert result is not None and result.maximum > 0
        assert result.verdict == SHEETS[code].verdicts[-1]
    assert {"budget", "authority", "need", "timeline", "fit"} <= {f.code for f in A1.fields}


def test_problems_name_each_bad_value() -> None:
    problems = worksheet_problems(A1, {"need": 7, "budget": "abc", "authority": 2.5})
    fields = {p.field: p for p in problems}
    assert {"need", "budget", "authority", "timeline", "fit", "target_profile"} <= set(fields)
    assert fields["need"].code == "need.invalid"
    assert "from 0 to 5" in fields["need"].render()
    assert fields["timeline"].code == "timeline.required"
    # a zh_CN translation names the field in Chinese
    zh = fields["timeline"].render(lambda c, t: "{field_zh}为必填项")
    assert zh == "客户有明确的上线时间表为必填项"
    assert worksheet_problems(A1, full(3)) == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("budget", "-1"),
        ("budget", "12a"),
        ("budget", "NaN"),
        ("budget", True),
        ("approval_date", "2026-02-30"),
        ("approval_date", "1900-01-01"),
        ("tender", "yes"),
        ("budget_status", "maybe"),
        ("modules", ["finance", "rocketry"]),
        ("modules", "finance"),
        ("project_name", 12),
        ("project_name", "x" * 501),
    ],
)
def test_bad_values_refused(field: str, value: object) -> None:
    data = {"project_name": "ERP 一期", field: value}
    problems = worksheet_problems(SHEETS["erp_project_summary"], data)
    assert [p.field for p in problems] == [field]


def test_validate_normalises_and_keeps_unknown_keys() -> None:
    sheet = Worksheet(
        template="erp_project_summary",
        customer_id="c1",
        deal_id="d1",
        data={
            "project_name": "  ERP 一期 ",
            "budget": "1,234,567.005",
            "estimated_days": "12.5",
            "approval_date": "2026-03-01",
            "modules": ["finance", " production", ""],
            "tender": True,
            "budget_status": "approved",
            "old_field": {"anything": [1, 2]},  # from an older playbook: kept as it is
        },
    )
    checked = validate_worksheet(sheet, PLAYBOOK)
    assert checked.data == {
        "project_name": "ERP 一期",
        "budget": "1234567.01",
        "estimated_days": "12.5",
        "approval_date": "2026-03-01",
        "modules": ["finance", "production"],
        "tender": True,
        "budget_status": "approved",
        "old_field": {"anything": [1, 2]},
    }
    assert sheet.data["budget"] == "1,234,567.005"  # the original is not changed


def test_table_rows_checked_row_by_row() -> None:
    plan = SHEETS["action_plan"]
    data = {
        "goal": "三月底前完成立项",
        "rows": [
            {"action": "拜访财务总监", "owner": "王建国", "due": "2026-03-10", "done": False},
            {"action": "", "owner": "李娜", "due": "3/10", "done": "no"},
        ],
    }
    problems = worksheet_problems(plan, data)
    assert sorted(p.field for p in problems) == ["rows.2.action", "rows.2.done", "rows.2.due"]
    row_problem = next(p for p in problems if p.field == "rows.2.action")
    assert row_problem.render() == "Action (row 2) is required"
    assert worksheet_problems(plan, {"rows": "x"})[0].field == "rows"
    needs = SHEETS["needs_analysis"]
    ok = {"rows": [{"need": "多组织财务合并", "priority": "high", "confirmed": True}]}
    assert worksheet_problems(needs, ok) == []
    bad = {"rows": [{"need": "多组织财务合并", "priority": "urgent"}]}
    assert [p.field for p in worksheet_problems(needs, bad)] == ["rows.1.priority"]
    team = SHEETS["deal_team"]
    assert worksheet_problems(team, {"rows": [{"name": "张伟", "role": "presales"}]}) == []
    assert worksheet_problems(team, {"rows": [{"name": "张伟", "role": "cook"}]})


def test_validate_checks_template_and_attachment() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_worksheet(Worksheet(template="pricing", customer_id="c1"), PLAYBOOK)
    assert caught.value.problems[0].code == "template.unknown"
    with pytest.raises(ValidationError) as caught:
        validate_worksheet(Worksheet(template="needs_analysis", customer_id="c1"), PLAYBOOK)
    assert caught.value.problems[0].code == "deal_id.required"
    with pytest.raises(ValidationError) as caught:
        validate_worksheet(
            Worksheet(template="customer_swot", customer_id="", dated=date(1900, 1, 1)), PLAYBOOK
        )
    assert [p.field for p in caught.value.problems] == ["customer_id", "dated"]
    swot = validate_worksheet(Worksheet(template="customer_swot", customer_id="c1"), PLAYBOOK)
    assert swot.data == {}
    report = Worksheet(template="major_deals_report", customer_id="")
    assert validate_worksheet(report, PLAYBOOK).template == "major_deals_report"


def test_empty_data_is_valid_unless_required() -> None:
    for code, template in SHEETS.items():
        data = empty_data(template)
        assert set(data) >= {f.code for f in template.fields}
        assert ("rows" in data) == (template.layout in (Layout.TABLE, Layout.ROLLUP))
        required = {f.code for f in template.fields if f.required}
        assert {p.field for p in worksheet_problems(template, data)} == required, code
    assert empty_row(SHEETS["action_plan"]) == {
        "action": "",
        "owner": "",
        "due": None,
        "done": False,
    }


def test_data_kept_across_a_template_change() -> None:
    """A newer playbook renames a field and drops another: the old data stays
    (not validated), the new field starts empty, and nothing is lost."""
    text = DEFAULT_PLAYBOOK.read_text(encoding="utf-8")
    text = text.replace('version = "2026.1"', 'version = "2026.2"')
    text = text.replace(
        '{ code = "trigger", zh = "触发事件", en = "Trigger event", kind = "text" },\n', ""
    )
    text = text.replace(
        '{ code = "origin", zh = "机会来源"', '{ code = "how_it_arose", zh = "机会来源"'
    )
    text = text.replace(
        '{ code = "how_it_arose", zh = "机会来源", en = "How it arose", kind = "longtext", '
        "required = true },",
        '{ code = "how_it_arose", zh = "机会来源", en = "How it arose", kind = "longtext" },',
    )
    newer = load_playbook(text, "newer.toml")
    assert newer.worksheets["opportunity_analysis"].field("trigger") is None
    old_data = {"origin": "集团要求统一财务", "trigger": "新任 CFO 上任", "timing": "年内"}
    sheet = Worksheet(
        template="opportunity_analysis", customer_id="c1", deal_id="d1", data=old_data
    )
    under_old = validate_worksheet(sheet, PLAYBOOK)
    under_new = validate_worksheet(under_old, newer)
    assert under_new.data == old_data
    # and back: the older playbook still reads what the newer one saved
    under_new.data["how_it_arose"] = "集团要求"
    assert validate_worksheet(under_new, PLAYBOOK).data["how_it_arose"] == "集团要求"
