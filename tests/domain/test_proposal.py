"""Assembling a proposal: every section in order from the customer, the
deal, the worksheets, the catalogue's FAB, the quote and the benefit model;
internal worksheets never reach it; the rep's edits and exclusions win;
the rules of a proposal as saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from erpdesk.domain.benefit import BenefitInputs, benefit_model
from erpdesk.domain.customer import Customer, Industry, SizeBand
from erpdesk.domain.deal import Deal, TeamMember, Worksheet
from erpdesk.domain.errors import ValidationError
from erpdesk.domain.proposal import (
    MAX_SECTION_TEXT,
    Bullets,
    KeyFigures,
    ModuleOffer,
    Paragraph,
    Proposal,
    SectionCode,
    SectionEdit,
    Sources,
    Supplier,
    Table,
    Timeline,
    assemble,
    find_section,
    proposal_problems,
    scope_modules,
    sections_from_json,
    sections_json,
    text_blocks,
    validate_proposal,
)
from erpdesk.domain.quote import ItemKind, Milestone, Quote, QuoteLine, quote_totals
from erpdesk.playbooks import read_playbook

D = Decimal

PLAYBOOK = read_playbook()
CUSTOMER = Customer(
    name="华东机械有限公司",
    industry=Industry.MACHINERY,
    size_band=SizeBand.LARGE,
    province="江苏省",
    city="苏州市",
    need="打通销售、生产与财务",
)
DEAL = Deal(
    customer_id=CUSTOMER.id,
    name="华东工厂ERP升级",
    modules=("finance", "inventory"),
    close_date=date(2026, 6, 30),
    amount=D("1500000"),
    team=(TeamMember("李娜", "presales"), TeamMember("王磊", "sales")),
)
MODULES = (
    ModuleOffer(
        "finance", "财务管理", "总账与合并报表", (("多组织合并报表", "自动抵消", "月结缩短到3天"),)
    ),
    ModuleOffer(
        "inventory", "库存管理", "批次与库位", (("条码出入库", "实时准确", "库存降低20%"),)
    ),
)
DATED = date(2026, 3, 5)


def sheet(template: str, data: dict, deal: bool = True) -> Worksheet:
    return Worksheet(template, CUSTOMER.id, DEAL.id if deal else None, data=data, dated=DATED)


WORKSHEETS = [
    sheet("customer_profile", {"basics": "成立于1998年", "revenue": "880000000"}, deal=False),
    sheet(
        "customer_swot",
        {
            "strengths": "行业龙头",
            "weaknesses": "信息化基础薄弱",
            "opportunities": "海外扩张",
            "threats": "原材料涨价",
        },
        deal=False,
    ),
    sheet(
        "customer_pains",
        {
            "rows": [
                {"problem": "库存积压严重", "impact": "占用资金3000万元", "who": "仓储部"},
                {"problem": "月结需要10天", "impact": "报表滞后", "who": "财务部"},
            ]
        },
    ),
    sheet(
        "needs_analysis",
        {
            "rows": [
                {"need": "三天完成月结", "priority": "medium"},
                {"need": "实时掌握库存", "priority": "high", "confirmed": True},
            ]
        },
    ),
    sheet(
        "opportunity_analysis", {"origin": "集团要求统一财务系统", "expected_start": "2026-07-01"}
    ),
    sheet("erp_project_summary", {"go_live": "2026-09-01", "modules": ["production"]}),
    # internal: none of these may reach the customer
    sheet("self_swot", {"strengths": "本地团队", "weaknesses": "我方内部弱点"}),
    sheet("competitive_strategy", {"differentiators": "二十年行业经验", "traps": "对手陷阱"}),
    sheet("relationship_levels", {"rows": [{"contact": "赵总", "attitude": "opponent"}]}),
    sheet("resource_request", {"kind": "demo", "purpose": "演示", "needed_by": "2026-04-10"}),
]
BENEFIT = benefit_model(
    BenefitInputs(
        inventory_value=D("30000000"),
        inventory_reduction=D("20"),
        investment=D("1500000"),
        running_cost=D("150000"),
    )
)


def sources(**changes) -> Sources:
    base = Sources(
        customer=CUSTOMER,
        supplier=Supplier("云启软件有限公司", phone="021-50806000"),
        benefit=BENEFIT,
        deal=DEAL,
        worksheets=WORKSHEETS,
        modules=MODULES,
        playbook=PLAYBOOK,
    )
    return replace(base, **changes)


def proposal(**changes) -> Proposal:
    base = Proposal(customer_id=CUSTOMER.id, deal_id=DEAL.id, dated=DATED, author="王磊")
    return replace(base, **changes)


def text_of(section) -> str:
    return section.plain_text()


def test_every_section_in_order_numbered_after_the_cover():
    content = assemble(proposal(), sources())
    assert (
        content.cover is not None and content.cover.title == "华东机械有限公司 ERP 解决方案建议书"
    )
    assert content.cover.company == "云启软件有限公司" and content.cover.deal == "华东工厂ERP升级"
    assert [s.code for s in content.sections] == list(SectionCode)[1:]
    assert [s.number for s in content.sections] == list(range(1, 11))
    assert [s.title for s in content.sections][:3] == ["执行摘要", "客户现状", "痛点与影响"]


def test_the_worksheets_flow_in():
    content = assemble(proposal(), sources())
    summary = text_of(content.section(SectionCode.EXECUTIVE_SUMMARY))
    assert "库存积压严重；月结需要10天" in summary and "2个模块（财务管理、库存管理）" in summary
    assert "每年可带来约 ¥1,200,000.00" in summary  # 30,000,000 × 20% × 20%
    assert "3 年投资回报率约 110%，投资回收期约 17.1 个月" in summary
    situation = text_of(content.section(SectionCode.SITUATION))
    assert "成立于1998年" in situation and "¥880,000,000.00" in situation
    assert "行业龙头" in situation and "集团要求统一财务系统" in situation
    pains = content.section(SectionCode.PAINS)
    table = next(b for b in pains.blocks if isinstance(b, Table))
    assert table.rows[0] == ("库存积压严重", "占用资金3000万元", "仓储部")
    assert "信息化基础薄弱" in text_of(pains)  # the customer's weaknesses, as challenges
    needs = content.section(SectionCode.NEEDS)
    table = next(b for b in needs.blocks if isinstance(b, Table))
    # high priority first, its label from the playbook, matched to the module it names
    assert table.rows[0] == ("实时掌握库存", "高", "库存管理")
    assert table.rows[1] == ("三天完成月结", "中", "整体解决方案")
    fab = [b for b in needs.blocks if isinstance(b, Table)][1]
    assert fab.header == ("特性", "优势", "为贵公司带来的利益")
    assert fab.rows == (("多组织合并报表", "自动抵消", "月结缩短到3天"),)
    about = text_of(content.section(SectionCode.ABOUT_US))
    assert "本地团队" in about and "二十年行业经验" in about  # our strengths
    assert "李娜 | 售前顾问" in about and "021-50806000" in about
    steps = content.section(SectionCode.NEXT_STEPS)
    assert "（计划于2026年4月10日）" in text_of(steps)


def test_internal_worksheets_never_reach_the_customer():
    everything = "\n".join(text_of(s) for s in assemble(proposal(), sources()).sections)
    for secret in ("我方内部弱点", "对手陷阱", "赵总", "opponent"):
        assert secret not in everything


def test_without_worksheets_sound_general_text():
    content = assemble(proposal(), sources(worksheets=(), modules=(), deal=None))
    pains = content.section(SectionCode.PAINS)
    assert len(next(b for b in pains.blocks if isinstance(b, Table)).rows) == 4
    assert "打通销售、生产与财务" in text_of(pains)  # the customer's stated need
    assert "具体模块范围将在需求确认后" in text_of(content.section(SectionCode.NEEDS))
    quote = text_of(content.section(SectionCode.QUOTE))
    assert "¥1,500,000.00" in quote  # the benefit's investment as the estimate
    nothing = assemble(
        proposal(), sources(benefit=benefit_model(BenefitInputs()), deal=None, worksheets=())
    )
    benefits = nothing.section(SectionCode.BENEFITS)
    assert not any(isinstance(b, KeyFigures) for b in benefits.blocks)
    assert "测算方法如下" in text_of(benefits) and "改善内外部沟通" in text_of(benefits)


def test_the_benefit_section_prints_lines_totals_return_and_assumptions():
    section = assemble(proposal(), sources()).section(SectionCode.BENEFITS)
    figures = next(b for b in section.blocks if isinstance(b, KeyFigures))
    assert figures.items[0] == ("年度直接效益", "¥1,200,000.00")
    table = next(b for b in section.blocks if isinstance(b, Table))
    assert table.rows[0][0] == "降低库存" and table.rows[0][3] == "¥1,200,000.00"
    assert table.totals == 3 and table.rows[-2][3] == "-¥150,000.00"
    assert table.rows[-1] == ("年度净效益", "", "", "¥1,050,000.00")
    text = text_of(section)
    assert "3 年投资回报率 | 110%" in text  # (3,150,000 − 1,500,000) ÷ 1,500,000
    assert "投资回收期 | 17.1 个月" in text
    assert "库存持有成本率按 20% 计" in text


def test_the_plan_starts_on_a_monday_and_answers_the_wished_go_live():
    section = assemble(proposal(), sources()).section(SectionCode.IMPLEMENTATION)
    timeline = next(b for b in section.blocks if isinstance(b, Timeline))
    first = timeline.phases[0]
    assert first[1] == date(2026, 7, 6) and first[1].weekday() == 0  # after 2026-07-01
    assert all(a.weekday() == 0 and b.weekday() == 4 for _n, a, b in timeline.phases)
    assert "贵公司计划于2026年9月1日上线。如需提前" in text_of(section)


def test_the_quote_summary():
    quote = Quote(
        number="Q-ZW-20260305-001",
        customer_id=CUSTOMER.id,
        deal_id=DEAL.id,
        quote_date=DATED,
        valid_until=date(2026, 4, 4),
        lines=(
            QuoteLine("财务管理许可", D("10"), D("8000"), ItemKind.LICENCE),
            QuoteLine("实施服务", D("20"), D("2000"), ItemKind.SERVICE, vat_rate=D("6")),
        ),
        milestones=(Milestone("合同签订", D("60"), "7日内"), Milestone("验收", D("40"))),
    )
    content = assemble(proposal(), sources(quote=quote, totals=quote_totals(quote)))
    section = content.section(SectionCode.QUOTE)
    table = next(b for b in section.blocks if isinstance(b, Table))
    assert [r[0] for r in table.rows] == ["软件许可", "实施服务", "合计"]
    assert table.rows[-1][3] == "¥120,000.00"
    text = text_of(section)
    assert "Q-ZW-20260305-001（第 1 版" in text and "壹拾贰万元整" in text
    assert "合同签订 | 60% | ¥72,000.00 | 7日内" in text
    assert "本建议书所附报价有效期至2026年4月4日" in text_of(
        content.section(SectionCode.NEXT_STEPS)
    )


def test_edits_and_exclusions_win():
    edits = {
        SectionCode.COVER: SectionEdit(text="内部评审稿"),
        SectionCode.SITUATION: SectionEdit(include=False),
        SectionCode.ABOUT_US: SectionEdit(
            text="我们的介绍。\n\n- 二十年\n- 五百家客户\n\n1. 第一\n2. 第二"
        ),
    }
    content = assemble(proposal(sections=edits), sources())
    assert content.cover is not None and content.cover.note == "内部评审稿"
    assert content.section(SectionCode.SITUATION) is None
    assert [s.number for s in content.sections] == list(range(1, 10))
    about = content.section(SectionCode.ABOUT_US)
    assert about.edited and about.number == 8
    assert about.blocks == (
        Paragraph("我们的介绍。"),
        Bullets(("二十年", "五百家客户")),
        Bullets(("第一", "第二"), numbered=True),
    )
    no_cover = assemble(proposal(sections={SectionCode.COVER: SectionEdit(False)}), sources())
    assert no_cover.cover is None and len(no_cover.sections) == 10


def test_in_english():
    content = assemble(proposal(language="en", title="Our offer"), sources())
    assert content.title == "Our offer" and content.language == "en"
    assert [s.title for s in content.sections][:2] == ["Executive summary", "Current situation"]
    summary = text_of(content.section(SectionCode.EXECUTIVE_SUMMARY))
    assert summary.startswith("华东机械有限公司 is a machinery company based in 苏州市, 江苏省")
    needs = text_of(content.section(SectionCode.NEEDS))
    assert "实时掌握库存 | High | 库存管理" in needs
    default = assemble(proposal(language="en"), sources())
    assert default.title == "ERP solution proposal for 华东机械有限公司"


def test_scope_modules_come_from_the_deal_then_the_worksheets():
    assert scope_modules(DEAL, WORKSHEETS) == ("finance", "inventory", "production")
    assert scope_modules(None, []) == ()


def test_rules_of_a_proposal():
    bad = proposal(
        title="长" * 201,
        language="fr",
        sections={SectionCode.PAINS: SectionEdit(text="x" * (MAX_SECTION_TEXT + 1))},
        benefit=BenefitInputs(inventory_reduction=D("120")),
    )
    fields = [p.field for p in proposal_problems(bad)]
    assert fields == ["language", "title", "sections.pains", "benefit.inventory_reduction"]
    everything_out = {code: SectionEdit(False) for code in SectionCode}
    assert [p.code for p in proposal_problems(proposal(sections=everything_out))] == [
        "sections.empty"
    ]
    with pytest.raises(ValidationError):
        validate_proposal(bad)
    cleaned = validate_proposal(
        proposal(title="  标题 ", sections={SectionCode.PAINS: SectionEdit(text="a\r\nb\n\n")})
    )
    assert cleaned.title == "标题" and cleaned.sections[SectionCode.PAINS].text == "a\nb"


def test_sections_json_round_trip_and_names():
    edits = {SectionCode.PAINS: SectionEdit(False, "文本"), SectionCode.QUOTE: SectionEdit()}
    data = sections_json(edits)
    assert data == {"pains": {"include": False, "text": "文本"}}
    assert sections_from_json(data) == {SectionCode.PAINS: SectionEdit(False, "文本")}
    assert sections_from_json({"gone": {}, "quote": "x"}) == {}
    assert find_section("痛点与影响") is SectionCode.PAINS
    assert find_section("Next steps") is SectionCode.NEXT_STEPS
    assert find_section("about-us") is SectionCode.ABOUT_US
    assert find_section("nothing") is None


def test_text_blocks():
    assert text_blocks("") == ()
    assert text_blocks("一\n二\n\n\n三") == (Paragraph("一\n二"), Paragraph("三"))
    assert text_blocks("• 甲\n• 乙") == (Bullets(("甲", "乙")),)
    assert text_blocks("1、甲\n2）乙") == (Bullets(("甲", "乙"), numbered=True),)
