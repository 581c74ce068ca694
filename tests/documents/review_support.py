"""A deal review built in the test: a small playbook with every worksheet
layout, a deal in stage 4 with a history of moves (one overridden), and a
filled worksheet of each layout."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from erpdesk.documents.deal_review import DealReview
from erpdesk.domain.customer import Source
from erpdesk.domain.deal import (
    ChecklistAnswer,
    Deal,
    MoveKind,
    StageChange,
    TeamMember,
    Worksheet,
)
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
)

STAGES = [
    ("target", "确定目标客户", "Target", 10),
    ("discover", "发现销售机会", "Discover", 20),
    ("confirm_intent", "引导及确认客户意向", "Confirm intent", 30),
    ("project_approval", "推动客户立项", "Project approval", 50),
    ("preliminary_acceptance", "获得客户初步认可", "Preliminary acceptance", 60),
    ("negotiation", "商务谈判", "Negotiation", 80),
    ("closing", "成交", "Closing", 90),
]


def f(code: str, zh: str, en: str, kind: FieldKind, **kw: object) -> FieldDef:
    return FieldDef(code, Names(zh, en), kind, **kw)  # type: ignore[arg-type]


def templates() -> dict[str, WorksheetTemplate]:
    priority = (Choice("high", Names("高", "High")), Choice("low", Names("低", "Low")))
    return {
        t.code: t
        for t in (
            WorksheetTemplate(
                "customer_profile",
                Names("客户基本情况", "Customer profile"),
                Attachment.CUSTOMER,
                Layout.FORM,
                fields=(
                    f("industry", "行业", "Industry", FieldKind.TEXT),
                    f("revenue", "年营业额", "Annual revenue", FieldKind.MONEY),
                    f("founded", "成立日期", "Founded", FieldKind.DATE),
                    f("listed", "是否上市", "Listed", FieldKind.BOOL),
                    f("systems", "现有系统", "Current systems", FieldKind.LIST),
                    f("notes", "备注", "Notes", FieldKind.LONGTEXT),
                ),
            ),
            WorksheetTemplate(
                "customer_swot",
                Names("客户SWOT分析", "Customer SWOT"),
                Attachment.CUSTOMER,
                Layout.GRID,
                fields=tuple(
                    f(c, zh, en, FieldKind.LONGTEXT)
                    for c, zh, en in (
                        ("strengths", "优势", "Strengths"),
                        ("weaknesses", "劣势", "Weaknesses"),
                        ("opportunities", "机会", "Opportunities"),
                        ("threats", "威胁", "Threats"),
                    )
                ),
            ),
            WorksheetTemplate(
                "needs_analysis",
                Names("客户需求分析", "Needs analysis"),
                Attachment.OPPORTUNITY,
                Layout.TABLE,
                columns=(
                    f("need", "需求", "Need", FieldKind.LONGTEXT),
                    f("priority", "优先级", "Priority", FieldKind.CHOICE, choices=priority),
                    f("confirmed", "已确认", "Confirmed", FieldKind.BOOL),
                    f("budget", "预算", "Budget", FieldKind.MONEY),
                ),
            ),
            WorksheetTemplate(
                "opportunity_assessment_1",
                Names("销售机会评估(一)", "Opportunity assessment 1"),
                Attachment.OPPORTUNITY,
                Layout.SCORE_SHEET,
                fields=(
                    f("need", "客户需求明确", "Clear need", FieldKind.SCORE, weight=3),
                    f("budget", "有预算", "Has budget", FieldKind.SCORE, weight=2),
                    f("access", "能接触决策者", "Access to decision maker", FieldKind.SCORE),
                    f("comment", "评语", "Comment", FieldKind.LONGTEXT),
                ),
                verdicts=(
                    Verdict(70, "pursue", Names("值得跟进", "Pursue")),
                    Verdict(40, "watch", Names("继续观察", "Watch")),
                    Verdict(0, "drop", Names("放弃", "Drop")),
                ),
            ),
            WorksheetTemplate(
                "major_deals_report",
                Names("大项目汇总上报表", "Major deals report"),
                Attachment.TEAM,
                Layout.ROLLUP,
                fields=(f("period", "报告期间", "Period", FieldKind.TEXT),),
                columns=(
                    f("customer", "客户", "Customer", FieldKind.TEXT),
                    f("deal", "销售机会", "Deal", FieldKind.TEXT),
                    f("amount", "预计金额", "Amount", FieldKind.MONEY),
                    f("close_date", "预计成交日期", "Close date", FieldKind.DATE),
                ),
            ),
        )
    }


def make_playbook() -> Playbook:
    stages = []
    for number, (code, zh, en, probability) in enumerate(STAGES, start=1):
        checklist = (
            ChecklistItem(
                f"{code}.visit", Names(f"{zh}：拜访客户高层", f"{en}: visit top management")
            ),
            ChecklistItem(f"{code}.plan", Names(f"{zh}：制定行动计划", f"{en}: plan actions")),
            ChecklistItem(f"{code}.extra", Names("可选活动", "Optional activity"), required=False),
        )
        stages.append(
            StageDef(
                number,
                code,
                Names(zh, en),
                probability,
                checklist,
                worksheets=("needs_analysis", "opportunity_assessment_1"),
                required_worksheets=("needs_analysis",) if number == 4 else (),
                exit_criteria=(Names(f"{zh}的出口标准已满足", f"Exit criteria of {en} met"),),
            )
        )
    return Playbook(
        "test",
        "2026.1",
        Names("测试手册", "Test playbook"),
        tuple(stages),
        templates(),
        lost_reasons=(Choice("price", Names("价格", "Price")),),
        modules=(
            Choice("finance", Names("财务", "Finance")),
            Choice("scm", Names("供应链", "Supply chain")),
        ),
        team_roles=(
            Choice("sales", Names("销售", "Sales")),
            Choice("presales", Names("售前顾问", "Presales consultant")),
        ),
    )


T0 = datetime(2026, 1, 5, 2, 0, tzinfo=UTC)


def make_review(rows: int = 3) -> DealReview:
    playbook = make_playbook()
    deal = Deal(
        customer_id="c1",
        name="华东工厂ERP升级",
        stage=4,
        amount=Decimal("1234567.50"),
        close_date=date(2026, 6, 30),
        probability=50,
        modules=("finance", "scm"),
        owner="张伟",
        team=(TeamMember("张伟", "sales"), TeamMember("李娜", "presales")),
        competitors=("用友", "金蝶"),
        next_step="安排高层拜访",
        next_step_date=date(2026, 3, 1),
        source=Source.REFERRAL,
        playbook=playbook.key,
        checklist={
            "project_approval.visit": ChecklistAnswer(True, T0 + timedelta(days=40), "张伟"),
            "old_playbook.item": ChecklistAnswer(True, T0, "张伟"),
        },
        stage_entered_at=T0 + timedelta(days=30),
    )
    history = [
        StageChange(deal.id, MoveKind.CREATED, 1, T0, "张伟"),
        StageChange(deal.id, MoveKind.FORWARD, 2, T0 + timedelta(days=5), "张伟", from_stage=1),
        StageChange(deal.id, MoveKind.FORWARD, 3, T0 + timedelta(days=12), "张伟", from_stage=2),
        StageChange(
            deal.id,
            MoveKind.FORWARD,
            5,
            T0 + timedelta(days=20),
            "张伟",
            from_stage=3,
            reason="客户催促，先行推进",
            overridden=("confirm_intent.visit", "needs_analysis"),
        ),
        StageChange(
            deal.id,
            MoveKind.BACK,
            4,
            T0 + timedelta(days=30),
            "王经理",
            from_stage=5,
            reason="立项尚未批准",
        ),
    ]
    needs = [
        {
            "need": f"需求{i}：月结在三天内完成，合并报表自动生成",
            "priority": "high" if i % 2 else "low",
            "confirmed": i % 3 == 0,
            "budget": f"{i * 10000}.00",
        }
        for i in range(1, rows + 1)
    ]
    worksheets = [
        Worksheet(
            "customer_profile",
            "c1",
            None,
            date(2026, 1, 6),
            {
                "industry": "机械制造",
                "revenue": "880000000",
                "founded": "1998-05-01",
                "listed": True,
                "systems": ["用友U8", "自建MES"],
                "notes": "集团下属三家工厂，" * 20,
            },
            author="张伟",
        ),
        Worksheet(
            "customer_swot",
            "c1",
            None,
            date(2026, 1, 8),
            {
                "strengths": "资金充足\n管理层重视信息化",
                "weaknesses": "IT团队小",
                "opportunities": "新厂建设",
                "threats": "竞争对手已有关系",
            },
            author="张伟",
        ),
        Worksheet(
            "needs_analysis", "c1", deal.id, date(2026, 2, 1), {"rows": needs}, author="李娜"
        ),
        Worksheet(
            "opportunity_assessment_1",
            "c1",
            deal.id,
            date(2026, 1, 20),
            {
                "need": 5,
                "budget": 4,
                "access": 3,
                "comment": "值得投入",
            },
            author="张伟",
        ),
        Worksheet(
            "major_deals_report",
            "c1",
            None,
            date(2026, 2, 2),
            {
                "period": "2026Q1",
                "rows": [
                    {
                        "customer": "华东机械有限公司",
                        "deal": "华东工厂ERP升级",
                        "amount": "1234567.50",
                        "close_date": "2026-06-30",
                    }
                ],
            },
        ),
        Worksheet("retired_template", "c1", deal.id, date(2026, 1, 2), {"note": "旧数据"}),
    ]
    return DealReview(
        customer_name="华东机械有限公司",
        deal=deal,
        history=history,
        worksheets=worksheets,
        playbook=playbook,
        health=("14天无跟进",),
        printed_at=T0 + timedelta(days=45),
    )
