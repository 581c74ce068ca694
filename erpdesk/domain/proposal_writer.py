"""The generated text of a proposal (``proposal.assemble``): each
section written from the customer, the deal, the worksheets, the catalogue's
FAB, the quote and the benefit model, in good zh_CN or English.

Only customer-facing worksheet content is used (see ``proposal.Sources``):
a proposal goes to the customer, so the qualification scores, the
relationship maps, our own weaknesses and the competitive traps never reach
it.  Where a worksheet is missing, a section falls back to sound general
text that the rep can replace (``SectionEdit``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from erpdesk.domain.benefit import CATEGORY_NAMES, INTANGIBLE_BENEFITS, number, yuan
from erpdesk.domain.playbook import Names
from erpdesk.domain.proposal import (
    DECISION_MODULES,
    FORMULAS,
    NEXT_STEPS,
    PHASES,
    STRENGTHS,
    TYPICAL_PAINS,
    Architecture,
    BarChart,
    Block,
    Bullets,
    Cover,
    Heading,
    KeyFigures,
    Paragraph,
    Proposal,
    ProposalContent,
    Section,
    SectionCode,
    Sources,
    Table,
    Timeline,
    default_title,
    is_chinese,
    latest_sheet,
    text_blocks,
)


def assemble_content(proposal: Proposal, sources: Sources) -> ProposalContent:
    """``proposal.assemble``: the content of *proposal* from *sources*."""
    return _Assembler(proposal, sources).content()


def _date_text(day: date, zh: bool) -> str:
    if zh:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _sheet_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _str(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value if v)
    return str(value).strip()


class _Assembler:
    def __init__(self, proposal: Proposal, sources: Sources) -> None:
        self.p = proposal
        self.s = sources
        self.zh = is_chinese(proposal.language)
        self.language = "zh_CN" if self.zh else "en"
        self.customer = sources.customer.name
        self.ws = [w for w in sources.worksheets if not w.deleted]

    def t(self, zh: str, en: str) -> str:
        return zh if self.zh else en

    def n(self, names: Names) -> str:
        return names.text(self.language)

    def sheet(self, template: str) -> dict[str, Any]:
        return latest_sheet(self.ws, template) or {}

    def rows(self, template: str) -> list[dict[str, Any]]:
        rows = self.sheet(template).get("rows") or []
        return [r for r in rows if isinstance(r, dict)]

    def choice(self, template: str, field_code: str, code: Any) -> str:
        if self.s.playbook is not None and isinstance(code, str):
            found = self.s.playbook.worksheets.get(template)
            f = found.field(field_code) if found else None
            for c in f.choices if f else ():
                if c.code == code:
                    return self.n(c.names)
        return _str(code)

    def join(self, items: Sequence[str]) -> str:
        return ("、" if self.zh else ", ").join(i for i in items if i)

    def money(self, amount: Decimal) -> str:
        return yuan(amount)

    # -- the whole -------------------------------------------------------------

    def content(self) -> ProposalContent:
        title = self.p.title or default_title(self.customer, self.language)
        makers = {
            SectionCode.EXECUTIVE_SUMMARY: self.summary,
            SectionCode.SITUATION: self.situation,
            SectionCode.PAINS: self.pains,
            SectionCode.NEEDS: self.needs,
            SectionCode.ARCHITECTURE: self.architecture,
            SectionCode.IMPLEMENTATION: self.implementation,
            SectionCode.BENEFITS: self.benefits,
            SectionCode.QUOTE: self.quote,
            SectionCode.ABOUT_US: self.about_us,
            SectionCode.NEXT_STEPS: self.next_steps,
        }
        cover: Cover | None = None
        sections: list[Section] = []
        number = 0
        for code in SectionCode:
            edit = self.p.edit(code)
            if not edit.include:
                continue
            if code is SectionCode.COVER:
                cover = Cover(
                    title=title,
                    customer=self.customer,
                    company=self.s.supplier.name,
                    dated=self.p.dated,
                    author=self.p.author,
                    deal=self.s.deal.name if self.s.deal is not None else "",
                    note=(edit.text or "").strip(),
                )
                continue
            number += 1
            if edit.text is not None:
                blocks, edited = text_blocks(edit.text), True
            else:
                blocks, edited = tuple(makers[code]()), False
            sections.append(Section(code, number, code.heading(self.language), blocks, edited))
        return ProposalContent(
            language=self.language,
            title=title,
            customer=self.customer,
            company=self.s.supplier.name,
            dated=self.p.dated,
            cover=cover,
            sections=tuple(sections),
        )

    # -- facts shared by several sections ------------------------------------

    def module_names(self) -> list[str]:
        return [m.name for m in self.s.modules]

    def pain_items(self) -> list[tuple[str, str, str]]:
        """(problem, impact, who) of the pains worksheet."""
        out = []
        for row in self.rows("customer_pains"):
            problem = _str(row.get("problem"))
            if problem:
                out.append((problem, _str(row.get("impact")), _str(row.get("who"))))
        return out

    def plan(self) -> list[tuple[Names, date, date, int, Names]]:
        """The phases with their dates: (name, start, end, weeks, deliverables)."""
        count = max(len(self.s.modules), 1)
        start = self.plan_start()
        out = []
        for name, fixed, per_two, deliverables in PHASES:
            weeks = fixed + (per_two * count + 1) // 2
            end = start + timedelta(days=7 * weeks - 3)  # a Monday to a Friday
            out.append((name, start, end, weeks, deliverables))
            start += timedelta(days=7 * weeks)
        return out

    def plan_start(self) -> date:
        """The Monday the project starts: the expected start the opportunity
        analysis gives, else two weeks after the deal's close date, else a
        month after the proposal's date (never before the proposal)."""
        dated = self.p.dated
        start = _sheet_date(self.sheet("opportunity_analysis").get("expected_start"))
        deal = self.s.deal
        if (start is None or start < dated) and deal is not None and deal.close_date:
            start = deal.close_date + timedelta(days=14)
        if start is None or start < dated:
            start = dated + timedelta(days=30)
        return start + timedelta(days=(7 - start.weekday()) % 7)

    def investment(self) -> Decimal | None:
        if self.s.totals is not None:
            return self.s.totals.total
        if self.s.benefit.investment:
            return self.s.benefit.investment
        deal = self.s.deal
        return deal.amount if deal is not None and deal.amount else None

    # -- the sections ------------------------------------------------------------

    def summary(self) -> list[Block]:
        c, b = self.s.customer, self.s.benefit
        who = self.describe_customer()
        pains = [p[0] for p in self.pain_items()[:3]]
        if not pains:
            pains = [self.n(p) for p, _impact in TYPICAL_PAINS[:2]]
        out: list[Block] = []
        challenge = self.t(
            f"{who}随着业务的持续发展，贵公司在经营管理上面临新的挑战，主要体现在："
            f"{'；'.join(pains)}。",
            f"{who} As the business grows, management faces new challenges: {'; '.join(pains)}.",
        )
        if c.need:
            challenge += self.t(f"贵公司希望：{c.need}。", f" Your stated need: {c.need}.")
        out.append(Paragraph(challenge.replace("。。", "。").replace("..", ".")))
        modules = self.module_names()
        supplier = self.s.supplier.name or self.t("我们", "We")
        if modules:
            out.append(
                Paragraph(
                    self.t(
                        f"针对上述问题，{supplier}建议以{len(modules)}个模块（{self.join(modules)}）"
                        "构建一体化的 ERP 管理平台，打通业务、财务与管理流程，实现数据实时共享、"
                        "管理精细化和决策科学化。",
                        f"{supplier} proposes an integrated ERP platform of {len(modules)} "
                        f"modules ({self.join(modules)}) that joins business, finance and "
                        "management processes, shares data in real time and puts decisions "
                        "on facts.",
                    )
                )
            )
        if b.annual_benefit > 0:
            figures = self.t(
                f"根据贵公司提供的数据测算，项目实施后预计每年可带来约 {yuan(b.annual_benefit)} "
                "的直接经济效益",
                f"With your own figures, the project is expected to bring about "
                f"{yuan(b.annual_benefit)} of direct benefit a year",
            )
            if b.roi_percent is not None and b.roi_percent > 0:
                figures += self.t(
                    f"，{b.years} 年投资回报率约 {number(b.roi_percent)}%",
                    f", a {b.years}-year return on investment of about {number(b.roi_percent)}%",
                )
            if b.payback_months is not None:
                figures += self.t(
                    f"，投资回收期约 {number(b.payback_months)} 个月",
                    f" and a payback period of about {number(b.payback_months)} months",
                )
            out.append(Paragraph(figures + self.t("。", ".")))
        plan = self.plan()
        weeks = sum(p[3] for p in plan)
        out.append(
            Paragraph(
                self.t(
                    f"项目计划分 {len(plan)} 个阶段实施，周期约 {weeks} 周，预计于"
                    f"{_date_text(plan[-1][1], True)}正式上线。",
                    f"The project runs in {len(plan)} phases over about {weeks} weeks; the "
                    f"system goes live around {_date_text(plan[-1][1], False)}.",
                )
            )
        )
        out.append(
            Paragraph(
                self.t(
                    "我们相信，本方案将帮助贵公司降低成本、提升效率、增强竞争力，"
                    "为业务的持续增长奠定坚实的管理基础。",
                    "We are confident this solution will lower your costs, raise efficiency "
                    "and strengthen your competitive position: a sound foundation for growth.",
                )
            )
        )
        return out

    def describe_customer(self) -> str:
        c = self.s.customer
        place = (
            "".join(x for x in (c.province, c.city) if x)
            if self.zh
            else ", ".join(x for x in (c.city, c.province) if x)
        )
        industry = (c.industry.zh if self.zh else c.industry.label.lower()) if c.industry else ""
        size = (c.size_band.zh if self.zh else c.size_band.label) if c.size_band else ""
        if self.zh:
            text = f"{self.customer}是一家"
            text += f"位于{place}的" if place else ""
            text += f"{industry}企业" if industry else "企业"
            text += f"（员工规模{size}）" if size else ""
            return text + "。"
        text = f"{self.customer} is a"
        text += f" {industry}" if industry else ""
        text += " company"
        text += f" based in {place}" if place else ""
        text += f" ({size.lower()})" if size else ""
        return text + "."

    def situation(self) -> list[Block]:
        out: list[Block] = [Paragraph(self.describe_customer())]
        profile = self.sheet("customer_profile")
        fields = (
            ("basics", Names("企业基本情况", "Company basics")),
            ("employees", Names("员工人数", "Employees")),
            ("revenue", Names("年营业额", "Annual revenue")),
            ("organisation", Names("组织架构", "Organisation")),
            ("business", Names("主营业务及产品", "Business and products")),
            ("it_status", Names("信息化现状", "IT today")),
        )
        rows = []
        for code, label in fields:
            value = profile.get(code)
            if code == "revenue" and value not in (None, ""):
                with contextlib.suppress(ArithmeticError):
                    value = yuan(Decimal(str(value)))
            if _str(value):
                rows.append((self.n(label), _str(value)))
        if rows:
            out.append(Heading(self.t("企业概况", "Company profile")))
            out.append(Table((self.t("项目", "Item"), self.t("情况", "Details")), tuple(rows),
                             (1.2, 4.8)))  # fmt: skip
        analysis = self.sheet("opportunity_analysis")
        background = [x for x in (_str(analysis.get("origin")), _str(analysis.get("trigger"))) if x]
        if background:
            out.append(Heading(self.t("项目背景", "Background of the project")))
            out += [Paragraph(x) for x in background]
            if _str(analysis.get("timing")):
                out.append(Paragraph(_str(analysis.get("timing"))))
        swot = self.sheet("customer_swot")
        for code, label in (
            ("strengths", Names("发展优势", "Strengths to build on")),
            ("opportunities", Names("发展机遇", "Opportunities ahead")),
        ):
            items = _lines(swot.get(code))
            if items:
                out.append(Heading(self.n(label)))
                out.append(Bullets(tuple(items)))
        if len(out) == 1:
            out.append(
                Paragraph(
                    self.t(
                        "我们将在需求调研阶段与贵公司各部门深入交流，全面了解业务现状与管理需求。",
                        "In the requirements survey we will work with each of your departments "
                        "to understand today's business and what management needs.",
                    )
                )
            )
        return out

    def pains(self) -> list[Block]:
        out: list[Block] = [
            Paragraph(
                self.t(
                    "通过与贵公司管理层及各部门的交流，我们了解到贵公司目前存在以下主要困难和问题：",
                    "Talking with your management and departments, we found these main "
                    "difficulties:",
                )
            )
        ]
        pains = self.pain_items()
        header: tuple[str, ...] = (
            self.t("困难问题", "Problem"),
            self.t("对经营的影响", "Impact on the business"),
        )
        rows: tuple[tuple[str, ...], ...]
        if pains:
            if any(who for _p, _i, who in pains):
                header += (self.t("涉及部门/人员", "Who feels it"),)
                rows = tuple(pains)
                widths: tuple[float, ...] = (2.6, 2.6, 1.2)
            else:
                rows = tuple((p, i) for p, i, _who in pains)
                widths = (3.0, 3.0)
            out.append(Table(header, rows, widths))
        else:
            rows = tuple((self.n(p), self.n(i)) for p, i in TYPICAL_PAINS)
            out.append(Table(header, rows, (3.0, 3.0)))
        if self.s.customer.need:
            out.append(Paragraph(self.t(f"贵公司提出的需求：{self.s.customer.need}",
                                        f"Your stated need: {self.s.customer.need}")))  # fmt: skip
        swot = self.sheet("customer_swot")
        challenges = _lines(swot.get("weaknesses")) + _lines(swot.get("threats"))
        if challenges:
            out.append(Heading(self.t("面临的内外部挑战", "Challenges inside and outside")))
            out.append(Bullets(tuple(challenges)))
        out.append(
            Paragraph(
                self.t(
                    "这些问题相互关联，单靠局部改进难以根治；若不及时解决，将随着业务规模扩大而"
                    "愈加突出，直接影响企业的成本、效率和客户满意度。",
                    "These problems are linked, and local fixes do not cure them; left alone "
                    "they grow with the business and weigh on cost, efficiency and customer "
                    "satisfaction.",
                )
            )
        )
        return out

    def match_modules(self, need: str) -> list[str]:
        """The modules a need's text names (by name or its stem)."""
        low = need.lower()
        found = []
        for module in self.s.modules:
            names = {module.name, module.code.replace("_", " ")}
            for plain in list(names):
                for suffix in ("管理", "分析", "management"):
                    if plain.endswith(suffix) and len(plain) > len(suffix) + 1:
                        names.add(plain[: -len(suffix)].strip())
            if any(n and n.lower() in low for n in names):
                found.append(module.name)
        return found

    def needs(self) -> list[Block]:
        out: list[Block] = []
        needs = [r for r in self.rows("needs_analysis") if _str(r.get("need"))]
        if needs:
            out.append(
                Paragraph(
                    self.t(
                        "经过需求调研与分析，贵公司的关键需求及我们的解决方案对应如下：",
                        "After the needs analysis, your key needs and how the solution meets them:",
                    )
                )
            )
            rank = {"high": 0, "medium": 1, "low": 2}
            needs.sort(key=lambda r: rank.get(str(r.get("priority")), 3))
            whole = self.t("整体解决方案", "The solution as a whole")
            rows = tuple(
                (
                    _str(r.get("need")),
                    self.choice("needs_analysis", "priority", r.get("priority")),
                    self.join(self.match_modules(_str(r.get("need")))) or whole,
                )
                for r in needs
            )
            header = (self.t("需求", "Need"), self.t("优先级", "Priority"),
                      self.t("解决方案", "Solution"))  # fmt: skip
            out.append(Table(header, rows, (3.4, 0.8, 1.8)))
        elif self.s.customer.need:
            out.append(Paragraph(self.t(f"贵公司的核心需求：{self.s.customer.need}",
                                        f"Your core need: {self.s.customer.need}")))  # fmt: skip
        out.append(
            Paragraph(
                self.t(
                    "下面按模块说明方案如何满足上述需求：每项功能（特性）带来的优势，"
                    "以及它为贵公司创造的价值（利益）。",
                    "Module by module, how the solution meets these needs: each feature, its "
                    "advantage, and the benefit it brings you.",
                )
            )
        )
        fab_header = (self.t("特性", "Feature"), self.t("优势", "Advantage"),
                      self.t("为贵公司带来的利益", "Your benefit"))  # fmt: skip
        for module in self.s.modules:
            out.append(Heading(module.name))
            if module.description:
                out.append(Paragraph(module.description))
            if module.fab:
                out.append(Table(fab_header, tuple(module.fab), (2.0, 2.0, 2.0)))
        if not self.s.modules:
            out.append(
                Paragraph(
                    self.t(
                        "具体模块范围将在需求确认后与贵公司共同确定。",
                        "The modules in scope will be settled with you once the needs are "
                        "confirmed.",
                    )
                )
            )
        return out

    def architecture(self) -> list[Block]:
        modules = list(self.s.modules)
        decision = [m.name for m in modules if m.code in DECISION_MODULES]
        business = [m.name for m in modules if m.code not in DECISION_MODULES]
        out: list[Block] = [
            Paragraph(
                self.t(
                    "方案采用“统一平台、集成应用、分步实施”的总体架构：各业务模块共享同一套"
                    "基础数据和业务规则，业务发生即同步生成财务与管理数据，避免信息孤岛。",
                    "The solution is one platform, integrated applications, implemented step "
                    "by step: every module shares one set of master data and rules, and each "
                    "business event updates finance and management figures at once.",
                )
            )
        ]
        layers: list[tuple[str, tuple[str, ...]]] = [
            (self.t("管理决策层", "Decision support"),
             tuple(decision) or (self.t("经营分析与管理驾驶舱", "Analysis and dashboards"),)),
            (self.t("业务运营层", "Operations"),
             tuple(business) or (self.t("核心业务模块", "Core business modules"),)),
            (self.t("基础平台层", "Platform"),
             (self.t("统一基础数据", "Master data"), self.t("权限与流程引擎", "Roles and workflow"),
              self.t("集成接口", "Integration"), self.t("移动应用", "Mobile"))),
        ]  # fmt: skip
        out.append(Architecture(tuple(layers)))
        if modules:
            out.append(Heading(self.t("模块清单", "Modules")))
            rows = tuple((m.name, m.description or (m.fab[0][0] if m.fab else "")) for m in modules)
            out.append(Table((self.t("模块", "Module"), self.t("主要内容", "What it covers")),
                             rows, (1.4, 4.6)))  # fmt: skip
        return out

    def implementation(self) -> list[Block]:
        plan = self.plan()
        weeks = sum(p[3] for p in plan)
        out: list[Block] = [
            Paragraph(
                self.t(
                    f"项目按成熟的实施方法论分 {len(plan)} 个阶段推进，总周期约 {weeks} 周。"
                    "每个阶段都有明确的交付成果和验收标准，由双方联合项目组共同推进。",
                    f"The project follows a proven method in {len(plan)} phases over about "
                    f"{weeks} weeks. Each phase has clear deliverables and acceptance "
                    "criteria, driven by a joint project team.",
                )
            )
        ]
        rows = tuple(
            (
                self.n(name),
                _date_text(start, self.zh),
                _date_text(end, self.zh),
                self.t(f"{w} 周", f"{w} weeks"),
                self.n(deliverables),
            )
            for name, start, end, w, deliverables in plan
        )
        header = (self.t("阶段", "Phase"), self.t("开始", "Start"), self.t("结束", "End"),
                  self.t("周期", "Duration"), self.t("主要交付成果", "Deliverables"))  # fmt: skip
        out.append(Timeline(tuple((self.n(name), start, end) for name, start, end, _w, _d in plan)))
        out.append(Table(header, rows, (1.3, 1.3, 1.3, 0.8, 2.6)))
        project = self.sheet("erp_project_summary")
        wished = _sheet_date(project.get("go_live"))
        live = plan[-1][1]
        if wished is not None:
            if wished < live:
                out.append(
                    Paragraph(
                        self.t(
                            f"贵公司计划于{_date_text(wished, True)}上线。如需提前，可采用分期上线"
                            "（先上线核心模块）或增加实施资源的方式压缩工期，具体在蓝图阶段确定。",
                            f"You plan to go live on {_date_text(wished, False)}. To get there "
                            "sooner we can go live in steps (core modules first) or add "
                            "consultants; the blueprint phase settles it.",
                        )
                    )
                )
            else:
                out.append(Paragraph(self.t(
                    f"本计划可满足贵公司{_date_text(wished, True)}上线的目标。",
                    f"This plan meets your go-live target of {_date_text(wished, False)}.",
                )))  # fmt: skip
        if _str(project.get("timeline")):
            out.append(Paragraph(self.t("贵公司的时间要求：", "Your timing: ")
                                 + _str(project.get("timeline"))))  # fmt: skip
        out.append(Heading(self.t("项目保障", "How we keep the project on track")))
        out.append(
            Bullets(
                (
                    self.t("双方高层领导挂帅的项目指导委员会，定期审议项目进展与关键决策",
                           "A steering committee led by both sides' executives reviews progress "
                           "and key decisions"),
                    self.t("专职项目经理与关键用户全程参与，确保方案贴合业务",
                           "A dedicated project manager and your key users throughout, so the "
                           "system fits the business"),
                    self.t("周报与里程碑评审制度，风险早发现、早处理",
                           "Weekly reports and milestone reviews: risks found and handled early"),
                )
            )
        )  # fmt: skip
        return out

    def benefits(self) -> list[Block]:
        b = self.s.benefit
        out: list[Block] = [
            Paragraph(
                self.t(
                    "ERP 的价值最终体现为经济效益。我们依据 ERP 经济效益模型，以贵公司自己的"
                    "数据测算项目带来的有形效益（节流、开源与资金），并列出无法直接量化的"
                    "无形效益。",
                    "An ERP's value shows in money. With the ERP benefit model and your own "
                    "figures we estimate the tangible benefits (cost, revenue and cash) and "
                    "list the intangible ones that cannot be priced directly.",
                )
            ),
            Heading(self.t("有形效益", "Tangible benefits")),
        ]
        if b.counted:
            out += self.tangible()
        else:
            out.append(
                Paragraph(
                    self.t(
                        "有形效益将在贵公司提供库存、成本、应收应付等基础数据后逐项测算，"
                        "测算方法如下：",
                        "The tangible benefits will be computed line by line once you share "
                        "your inventory, cost, receivables and payables figures, as follows:",
                    )
                )
            )
            colon = self.t("：", ": ")
            items = [self.n(line.names) + colon + self.n(FORMULAS[line.code]) for line in b.lines]
            out.append(Bullets(tuple(items)))
        out.append(Heading(self.t("无形效益", "Intangible benefits")))
        colon = self.t("：", ": ")
        out.append(Bullets(tuple(self.n(t) + colon + self.n(d) for t, d in INTANGIBLE_BENEFITS)))
        return out

    def months(self, value: Decimal) -> str:
        return self.t(f"{number(value)} 个月", f"{number(value)} months")

    def tangible(self) -> list[Block]:
        """The key figures, the benefit table, its chart, the return on the
        investment and the assumptions."""
        b, t = self.s.benefit, self.t
        figures = [(t("年度直接效益", "Annual benefit"), yuan(b.annual_benefit))]
        if b.roi_percent is not None:
            figures.append((t(f"{b.years} 年投资回报率", f"{b.years}-year ROI"),
                            f"{number(b.roi_percent)}%"))  # fmt: skip
        if b.payback_months is not None:
            figures.append((t("投资回收期", "Payback period"), self.months(b.payback_months)))
        out: list[Block] = [KeyFigures(tuple(figures))]
        rows = [
            (line.text(self.language), self.n(CATEGORY_NAMES[line.category]),
             self.n(line.formula), yuan(line.amount))
            for line in b.counted
        ]  # fmt: skip
        totals = [(t("年度直接效益合计", "Annual benefit"), "", "", yuan(b.annual_benefit))]
        if b.running_cost:
            totals += [
                (t("减：年运行维护费用", "Less annual running cost"), "", "",
                 yuan(-b.running_cost)),
                (t("年度净效益", "Net annual benefit"), "", "", yuan(b.net_annual_benefit)),
            ]  # fmt: skip
        header = (t("效益项", "Benefit"), t("类别", "Kind"), t("测算方法", "How it is computed"),
                  t("年效益（元）", "Per year (CNY)"))  # fmt: skip
        out.append(Table(header, (*rows, *totals), (1.5, 1.3, 3.0, 1.3), (3,), len(totals)))
        bars = tuple((line.text(self.language), line.amount) for line in b.counted)
        out.append(BarChart(t("各项年度效益（元）", "Benefit per year (CNY)"), bars))
        if b.investment:
            roi = f"{number(b.roi_percent)}%" if b.roi_percent is not None else "—"
            payback = (
                self.months(b.payback_months)
                if b.payback_months is not None
                else t("净效益为负，无法回收", "none: the net benefit is not positive")
            )
            returns = [
                (t("项目总投资", "Investment"), yuan(b.investment)),
                (t(f"{b.years} 年累计净效益", f"Net benefit over {b.years} years"),
                 yuan(b.total_net_benefit)),
                (t(f"{b.years} 年投资回报率", f"Return on investment, {b.years} years"), roi),
                (t("投资回收期", "Payback period"), payback),
            ]  # fmt: skip
            columns = (t("投资回报", "Return"), t("金额/指标", "Figure"))
            out.append(Table(columns, tuple(returns), (3.0, 3.0), (1,)))
            out.append(
                Paragraph(
                    t(
                        "投资回报率 =（年度净效益 × 年数 − 项目总投资）÷ 项目总投资；"
                        "投资回收期 = 项目总投资 ÷ 年度净效益 × 12 个月。",
                        "ROI = (net annual benefit × years − investment) ÷ investment; "
                        "payback = investment ÷ net annual benefit × 12 months.",
                    )
                )
            )
        out.append(Heading(t("测算假设", "Assumptions")))
        out.append(Bullets(tuple(b.assumption_lines(self.language))))
        return out

    def quote(self) -> list[Block]:
        q, totals = self.s.quote, self.s.totals
        if q is None or totals is None:
            amount = self.investment()
            if amount:
                text = self.t(
                    f"根据目前确定的项目范围，项目投资预计约 {yuan(amount)}。正式报价将在需求确认后"
                    "另行提供。",
                    f"For the scope known today the investment is about {yuan(amount)}. The "
                    "formal quote follows once the needs are confirmed.",
                )
            else:
                text = self.t("正式报价将在需求确认后另行提供。",
                              "The formal quote follows once the needs are confirmed.")  # fmt: skip
            return [Paragraph(text)]
        mode = q.price_mode.zh if self.zh else q.price_mode.label.lower()
        valid = ""
        if q.valid_until is not None:
            valid = self.t(f"，有效期至{_date_text(q.valid_until, True)}",
                           f", valid until {_date_text(q.valid_until, False)}")  # fmt: skip
        out: list[Block] = [
            Paragraph(
                self.t(
                    f"本方案的报价见报价单 {q.number}（第 {q.version} 版，"
                    f"{_date_text(q.quote_date, True)}{valid}），价格为{mode}价，摘要如下：",
                    f"The prices are those of quote {q.number} (version {q.version}, "
                    f"{_date_text(q.quote_date, False)}{valid}), {mode}; in summary:",
                )
            )
        ]
        rows = [
            (kind.zh if self.zh else kind.label, yuan(a.net), yuan(a.vat), yuan(a.total))
            for kind, a in totals.groups
        ]
        rows.append((self.t("合计", "Total"), yuan(totals.net), yuan(totals.vat),
                     yuan(totals.total)))  # fmt: skip
        header = (self.t("项目", "Item"), self.t("不含税金额", "Net"), self.t("税额", "VAT"),
                  self.t("价税合计", "Total"))  # fmt: skip
        out.append(Table(header, tuple(rows), (2.2, 1.4, 1.2, 1.4), (1, 2, 3), 1))
        if self.zh and totals.total_in_words:
            out.append(Paragraph(f"合计金额（大写）：{totals.total_in_words}"))
        if q.milestones and totals.milestones:
            out.append(Heading(self.t("付款方式", "Payment terms")))
            m_rows = tuple(
                (m.name, f"{number(m.percent)}%", yuan(amount), m.due)
                for m, amount in zip(q.milestones, totals.milestones, strict=False)
            )
            header = (self.t("付款节点", "Milestone"), self.t("比例", "Share"),
                      self.t("金额", "Amount"), self.t("付款时间", "Due"))  # fmt: skip
            out.append(Table(header, m_rows, (2.0, 0.8, 1.4, 2.2), (1, 2)))
        if q.delivery_terms:
            out.append(Paragraph(self.t("交付条款：", "Delivery: ") + q.delivery_terms))
        return out

    def about_us(self) -> list[Block]:
        sup = self.s.supplier
        name = sup.name or self.t("我们", "We")
        out: list[Block] = []
        if sup.profile:
            out += list(text_blocks(sup.profile))
        else:
            out.append(
                Paragraph(
                    self.t(
                        f"{name}专注于企业管理软件的咨询、实施与服务，致力于以成熟的 ERP "
                        "解决方案帮助客户提升管理水平、实现持续增长。",
                        f"{name} advises on, implements and supports business software, "
                        "helping customers manage better and grow with proven ERP solutions.",
                    )
                )
            )
        strengths = _lines(self.sheet("self_swot").get("strengths"))
        strengths += _lines(self.sheet("competitive_strategy").get("differentiators"))
        out.append(Heading(self.t("为什么选择我们", "Why us")))
        out.append(Bullets(tuple(strengths) or tuple(self.n(s) for s in STRENGTHS)))
        team = self.team()
        if team:
            out.append(Heading(self.t("项目团队", "Your project team")))
            out.append(Table((self.t("姓名", "Name"), self.t("角色", "Role")), tuple(team),
                             (2.0, 4.0)))  # fmt: skip
        contact = [
            (self.t(label_zh, label_en), value)
            for label_zh, label_en, value in (
                ("地址", "Address", sup.address),
                ("电话", "Phone", sup.phone),
                ("邮箱", "E-mail", sup.email),
                ("网站", "Website", sup.website),
            )
            if value
        ]
        if contact:
            out.append(Heading(self.t("联系方式", "Contact")))
            out.append(Table((), tuple(contact), (1.0, 5.0)))
        return out

    def team(self) -> list[tuple[str, str]]:
        roles = {c.code: self.n(c.names) for c in (self.s.playbook.team_roles
                                                   if self.s.playbook else ())}  # fmt: skip
        seen: dict[str, str] = {}
        if self.s.deal is not None:
            for m in self.s.deal.team:
                seen.setdefault(m.name, roles.get(m.role, m.role))
        for row in self.rows("deal_team"):
            name = _str(row.get("name"))
            if name:
                seen.setdefault(name, roles.get(_str(row.get("role")), _str(row.get("role"))))
        return list(seen.items())

    def next_steps(self) -> list[Block]:
        out: list[Block] = [
            Paragraph(
                self.t(
                    "为推进项目顺利开展，我们建议双方按以下步骤开展工作：",
                    "To move the project forward, we suggest these steps:",
                )
            )
        ]
        steps = [self.n(s) for s in NEXT_STEPS]
        request = self.sheet("resource_request")
        kind, needed = request.get("kind"), _sheet_date(request.get("needed_by"))
        if kind in ("demo", "survey") and needed is not None and needed >= self.p.dated:
            index = 2 if kind == "demo" else 1
            steps[index] += self.t(f"（计划于{_date_text(needed, True)}）",
                                   f" (planned for {_date_text(needed, False)})")  # fmt: skip
        out.append(Bullets(tuple(steps), numbered=True))
        if self.s.quote is not None and self.s.quote.valid_until is not None:
            out.append(Paragraph(self.t(
                f"本建议书所附报价有效期至{_date_text(self.s.quote.valid_until, True)}。",
                f"The quote of this proposal is valid until "
                f"{_date_text(self.s.quote.valid_until, False)}.",
            )))  # fmt: skip
        out.append(
            Paragraph(
                self.t(
                    "感谢贵公司给予我们的信任与支持，期待与贵公司携手，共同打造高效、透明的"
                    "管理平台！",
                    "Thank you for your trust. We look forward to building an efficient, "
                    "transparent management platform together with you.",
                )
            )
        )
        return out


def _lines(value: Any) -> list[str]:
    """A worksheet's long text or list as items, one per non-empty line."""
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    if not isinstance(value, str):
        return []
    return [line.strip().lstrip("-•·*").strip() for line in value.splitlines() if line.strip()]
