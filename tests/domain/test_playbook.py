"""The playbook: the default one loads and follows the methodology; every
kind of malformed or inconsistent playbook is refused with its line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from erpdesk.domain.playbook import FieldKind, Layout, PlaybookError, load_playbook
from erpdesk.playbooks import DEFAULT_PLAYBOOK, playbook_path, read_playbook

TEXT = DEFAULT_PLAYBOOK.read_text(encoding="utf-8")

STAGES = [
    ("target", "定位和挖掘目标客户"),
    ("discover", "发现潜在销售机会"),
    ("confirm_intent", "引导及确认客户意向"),
    ("project_approval", "影响及跟进客户立项"),
    ("preliminary_acceptance", "赢得客户初步认可"),
    ("negotiation", "进行商务谈判"),
    ("closing", "完成销售成交"),
]
# The methodology's checklist, stage by stage, as the deck words it.
ACTIVITIES = [
    [
        '符合"The Territory"目标客户群特征',
        "取得客户的好感",
        "拜访客户",
        "收集客户全貌信息",
        "分析客户的SWOT",
    ],
    ["发现客户的困难,问题及影响", "评估销售机会", "发现潜在销售机会"],
    [
        "探索客户的需求",
        "引导客户认识他企业问题并鼓励采取行动",
        "说服客户对我们的产品和服务感兴趣",
        "确认客户需求",
    ],
    [
        "收集客户立项及关键人物信息",
        "组建项目销售团队",
        "分析竞争对手及我方的优劣势",
        "制定销售竞争策略及客户决策者的关系策略",
        "编写销售计划",
        "拜访客户高层领导,赢得信任",
    ],
    [
        "项目小组全面跟进",
        "强化客户关系",
        "提供个性化解决方案及初步报价",
        "安排大客户简报,答辩",
        "赢得客户初步认可",
    ],
    ["解释客户疑虑", "增加客户信心", "确定商务进度表", "协商及谈判"],
    ["审批合同", "签约,收款", "发货"],
]
WORKSHEETS = {
    "customer_profile": "客户全貌",
    "customer_swot": "客户SWOT分析",
    "opportunity_analysis": "销售机会分析",
    "customer_pains": "客户困难问题",
    "needs_analysis": "客户需求分析",
    "opportunity_assessment_1": "销售机会评估(一)",
    "opportunity_assessment_2": "销售机会评估(二)",
    "erp_project_summary": "客户ERP项目统汇",
    "competitiveness_assessment": "销售竞争力评估",
    "self_swot": "自我SWOT分析",
    "relationship_levels": "客户关系层次分析",
    "relationship_stages": "客户关系发展阶段分析",
    "decision_maker_strategy": "客户决策者关系战略",
    "competitive_strategy": "销售机会竞争战略",
    "deal_team": "项目销售团队",
    "resource_request": "项目资源支持申请",
    "action_plan": "销售行动计划与目标",
    "major_deals_report": "大项目汇总上报表",
}


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """The line (from 1) of the *occurrence*-th line holding *fragment*."""
    found = [n for n, line in enumerate(text.splitlines(), 1) if fragment in line]
    return found[occurrence - 1]


def refused(text: str) -> PlaybookError:
    with pytest.raises(PlaybookError) as caught:
        load_playbook(text, "company.toml")
    return caught.value


def edit(old: str, new: str, count: int = 1) -> str:
    assert old in TEXT, old
    return TEXT.replace(old, new, count)


# --- the default playbook -----------------------------------------------------


def test_default_playbook_loads() -> None:
    playbook = read_playbook(DEFAULT_PLAYBOOK)
    assert playbook.id == "erpdesk-default"
    assert playbook.key == f"erpdesk-default@{playbook.version}"
    assert [(s.code, s.names.zh) for s in playbook.stages] == STAGES
    assert [s.number for s in playbook.stages] == list(range(1, 8))
    probabilities = [s.probability for s in playbook.stages]
    assert probabilities == sorted(probabilities)
    assert probabilities[0] > 0 and probabilities[-1] < 100
    assert {code: t.names.zh for code, t in playbook.worksheets.items()} == WORKSHEETS
    assert {c.code for c in playbook.modules} >= {
        "finance",
        "supply_chain",
        "production",
        "sales_distribution",
        "hr",
        "bi",
    }
    assert playbook.lost_reasons and playbook.team_roles
    for stage in playbook.stages:
        assert set(stage.required_worksheets) <= set(stage.worksheets)
        assert stage.exit_criteria
        assert all(c.zh and c.en for c in stage.exit_criteria)


def test_every_methodology_activity_is_on_its_stage() -> None:
    playbook = read_playbook(DEFAULT_PLAYBOOK)
    for stage, activities in zip(playbook.stages, ACTIVITIES, strict=True):
        assert [item.names.zh for item in stage.checklist] == activities
        assert all(item.code.startswith(stage.code + ".") for item in stage.checklist)
        assert all(item.names.en and item.required for item in stage.checklist)
    first = playbook.stage(1).checklist
    assert [i.names.en for i in first][:3] == [
        "Fits the territory's target-customer profile",
        "Win the customer's goodwill",
        "Visit the customer",
    ]
    assert playbook.checklist_item("target.visit") is not None


def test_stage_four_is_heaviest_and_one_and_seven_lightest() -> None:
    """Like the deck's matrix (1, 10, 15, 19, 11, 7, 2 skills and tools)."""
    playbook = read_playbook(DEFAULT_PLAYBOOK)
    work = [len(s.checklist) + len(s.worksheets) for s in playbook.stages]
    assert work[3] == max(work) and work.count(max(work)) == 1
    assert max(work[0], work[6]) < min(work[1:6])
    tools = [len(s.worksheets) for s in playbook.stages]
    assert tools[3] == max(tools)
    assert len(playbook.stage(4).required_worksheets) == max(
        len(s.required_worksheets) for s in playbook.stages
    )


def test_worksheet_layouts_suit_their_tools() -> None:
    sheets = read_playbook(DEFAULT_PLAYBOOK).worksheets
    for code in ("customer_swot", "self_swot"):
        assert sheets[code].layout is Layout.GRID
        assert [f.kind for f in sheets[code].fields] == [FieldKind.LONGTEXT] * 4
    for code in (
        "opportunity_assessment_1",
        "opportunity_assessment_2",
        "competitiveness_assessment",
    ):
        assert sheets[code].layout is Layout.SCORE_SHEET
        assert sum(f.kind is FieldKind.SCORE for f in sheets[code].fields) >= 5
        assert sheets[code].verdicts[-1].min_percent == 0
    assert [c.code for c in sheets["customer_pains"].columns] == ["problem", "impact", "who"]
    needs = sheets["needs_analysis"]
    assert [c.kind for c in needs.columns] == [FieldKind.LONGTEXT, FieldKind.CHOICE, FieldKind.BOOL]
    plan = sheets["action_plan"]
    assert [(c.code, c.kind) for c in plan.columns] == [
        ("action", FieldKind.TEXT),
        ("owner", FieldKind.PERSON),
        ("due", FieldKind.DATE),
        ("done", FieldKind.BOOL),
    ]
    role = sheets["deal_team"].field("role")
    assert role is not None
    assert role.choices == read_playbook(DEFAULT_PLAYBOOK).team_roles
    summary = sheets["erp_project_summary"]
    assert summary.layout is Layout.FORM
    budget = summary.field("budget")
    assert budget is not None and budget.kind is FieldKind.MONEY
    assert sheets["major_deals_report"].layout is Layout.ROLLUP
    assert sheets["major_deals_report"].attached_to.value == "team"
    for code in ("relationship_levels", "relationship_stages", "decision_maker_strategy"):
        assert sheets[code].layout is Layout.TABLE
        assert sheets[code].columns[0].kind is FieldKind.PERSON
    assert sheets["resource_request"].layout is Layout.FORM


# --- refusals, each with its line ----------------------------------------------


def test_syntax_error_names_its_line() -> None:
    text = edit("probability = 50", "probability = = 50")
    error = refused(text)
    assert error.code == "syntax"
    assert error.line == line_of(text, "probability = = 50")
    assert str(error).startswith(f"company.toml:{error.line}: The file is not valid TOML")


@pytest.mark.parametrize(
    ("old", "new", "fragment", "code"),
    [
        # a typo of a key is caught, not ignored
        ("probability = 30", "probabilty = 30", "probabilty", "unknown_key"),
        ('kind = "money"\n', 'kind = "mony"\n', 'kind = "mony"', "unknown_value"),
        ('layout = "grid"', 'layout = "gird"', 'layout = "gird"', "unknown_value"),
        ("number = 3", "number = 33", "number = 33", "stage_number"),
        ('code = "negotiation"', 'code = "negotiate"', 'code = "negotiate"', "stage_code"),
        ("probability = 80", "probability = 60", "probability = 60", "probability_decreases"),
        ("probability = 90", "probability = 190", "probability = 190", "probability_range"),
        ("probability = 10", 'probability = "10"', 'probability = "10"', "not_integer"),
        ('version = "2026.2"', "version = 2026.2", "version = 2026.2", "not_text"),
        (
            'code = "discover.assess"',
            'code = "discover.pains"',
            'code = "discover.pains"',
            "duplicate_code",
        ),
        ('code = "closing.deliver"', 'code = "deliver"', 'code = "deliver"', "checklist_prefix"),
        (
            'worksheets = ["action_plan"]',
            'worksheets = ["action_plan", "pricing_sheet"]',
            "pricing_sheet",
            "unknown_worksheet",
        ),
        (
            'required_worksheets = ["action_plan"]',
            'required_worksheets = ["self_swot"]',
            'required_worksheets = ["self_swot"]',
            "required_not_used",
        ),
        ('zh = "客户需求分析"', 'zh = ""', 'zh = ""', "empty"),
        (
            '{ code = "low", zh = "低", en = "Low" },',
            '{ code = "low", zh = "低", en = "Low", x = 1 },',
            'en = "Low", x = 1',
            "unknown_key",
        ),
        (
            'kind = "score", weight = 3, required = true },',
            'kind = "score", weight = 0, required = true },',
            "weight = 0",
            "weight_range",
        ),
        (
            'kind = "choice", choices = "team_roles"',
            'kind = "choice", choices = "roles"',
            'choices = "roles"',
            "unknown_list",
        ),
        (
            '{ min_percent = 45, code = "even"',
            '{ min_percent = 145, code = "even"',
            "min_percent = 145",
            "percent_range",
        ),
        (
            '{ code = "confirmed", zh = "已确认", en = "Confirmed", kind = "bool" },',
            '{ code = "confirmed", zh = "已确认", en = "Confirmed", kind = "bool", weight = 2 },',
            'kind = "bool", weight = 2',
            "score_options_not_allowed",
        ),
    ],
)
def test_refused_with_line(old: str, new: str, fragment: str, code: str) -> None:
    text = edit(old, new)
    error = refused(text)
    assert error.code == code, error
    assert error.source == "company.toml"
    assert error.line == line_of(text, fragment, text.count(fragment)), error
    assert str(error) == f"company.toml:{error.line}: {error.problem}"


def test_grid_and_verdicts_refused_at_their_lists() -> None:
    text = edit(
        '    { code = "threats", zh = "威胁 (T)", en = "Threats (T)", kind = "longtext" },\n', ""
    )
    error = refused(text)
    assert error.code == "grid_fields"
    swot = text.index("[worksheets.customer_swot]")
    assert error.line == text.count("\n", 0, text.index("fields = [", swot)) + 1
    text = edit('{ min_percent = 0, code = "drop"', '{ min_percent = 10, code = "drop"')
    error = refused(text)
    assert error.code == "verdict_from_zero"
    sheet = text.index("[worksheets.opportunity_assessment_1]")
    assert error.line == text.count("\n", 0, text.index("verdicts = [", sheet)) + 1


def test_choice_without_choices_refused() -> None:
    text = edit(
        '{ code = "approach", zh = "竞争策略", en = "Approach", kind = "choice", choices = [',
        '{ code = "approach", zh = "竞争策略", en = "Approach", kind = "choice", x = [',
    )
    error = refused(text)
    assert error.code == "unknown_key"
    text = edit('kind = "choice", choices = "team_roles"', 'kind = "choice", choices = []')
    error = refused(text)
    assert error.code == "no_choices"
    assert error.line == line_of(text, "choices = []")


def test_six_stages_refused_at_the_stages() -> None:
    start = TEXT.index("[[stages]]\nnumber = 7")
    end = TEXT.index("# --- The eighteen worksheets")
    text = TEXT[:start] + TEXT[end:]
    error = refused(text)
    assert error.code == "stage_count"
    assert error.line == text.splitlines().index("[[stages]]") + 1
    assert "seven" in error.problem


def test_score_sheet_without_scores_or_verdicts_refused() -> None:
    start = TEXT.index("verdicts = [\n    { min_percent = 70")
    end = TEXT.index("]\n", start) + 2
    error = refused(TEXT[:start] + TEXT[end:])
    assert error.code == "no_verdicts"
    assert error.line == line_of(TEXT, "[worksheets.opportunity_assessment_1]")
    text = TEXT.replace('kind = "score", weight', 'kind = "number", weight')
    text = text.replace("weight = ", "x_weight = ")
    assert refused(text).code == "unknown_key"


def test_table_without_columns_refused() -> None:
    text = edit('columns = [\n    { code = "problem"', 'rows_ = [\n    { code = "problem"')
    assert refused(text).code == "unknown_key"
    start = TEXT.index("[worksheets.customer_pains]")
    text = TEXT.replace('layout = "form"', 'layout = "table"', 1)
    error = refused(text)
    assert error.code == "no_columns"
    assert error.line == line_of(text, "[worksheets.customer_profile]")
    assert start > 0


def test_missing_key_named() -> None:
    text = edit('attached_to = "customer"\nlayout = "grid"', 'layout = "grid"')
    error = refused(text)
    assert error.code == "missing_key"
    assert "attached_to" in error.problem
    assert error.line == line_of(text, "[worksheets.customer_swot]")


def test_error_translates_the_problem() -> None:
    error = refused(edit("probability = 30", "probabilty = 30"))
    rendered = error.render(lambda context, text: "未知 " + text if context == "Domain" else text)
    assert rendered.startswith(f"company.toml:{error.line}: 未知 Unknown key")


# --- files ----------------------------------------------------------------------


def test_company_playbook_via_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own = tmp_path / "acme.toml"
    own.write_text(
        TEXT.replace('id = "erpdesk-default"', 'id = "acme"').replace(
            'zh = "定位和挖掘目标客户"', 'zh = "寻找目标客户"'
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("ERPDESK_PLAYBOOK", str(own))
    assert playbook_path() == own
    playbook = read_playbook()
    assert playbook.key == "acme@2026.2"
    assert playbook.stage(1).names.zh == "寻找目标客户"
    assert read_playbook() is playbook  # cached while the file is unchanged
    own.write_text(own.read_text(encoding="utf-8").replace("2026.2", "2026.3"), encoding="utf-8")
    os.utime(own, ns=(1, 10**18))
    assert read_playbook().version == "2026.3"
    monkeypatch.delenv("ERPDESK_PLAYBOOK")
    assert playbook_path() == DEFAULT_PLAYBOOK


def test_unreadable_and_undecodable_files(tmp_path: Path) -> None:
    with pytest.raises(PlaybookError) as caught:
        read_playbook(tmp_path / "missing.toml")
    assert caught.value.line is None
    assert str(caught.value).startswith(f"{tmp_path / 'missing.toml'}: The playbook cannot be read")
    bad = tmp_path / "gbk.toml"
    bad.write_bytes(b'id = "x"\n\nversion = "' + "版本".encode("gbk") + b'"\n')
    with pytest.raises(PlaybookError) as caught:
        read_playbook(bad)
    assert (caught.value.code, caught.value.line) == ("not_utf8", 3)
