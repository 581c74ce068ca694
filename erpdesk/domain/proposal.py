"""Proposals (解决方案建议书): what a proposal is, its sections, its content
as plain blocks, and its rules.

A proposal argues value, not features: it starts from the customer's
situation and pains, maps its needs to the solution with FAB statements
(feature, advantage, benefit), prices the benefit with the customer's own
figures (``erpdesk.domain.benefit``) and ends with the quote and the next
steps.  Its sections (``SectionCode``) come in a fixed order; each may be
left out or its generated text replaced by the rep's own (``SectionEdit``).

The content is assembled by ``assemble`` (pure) from plain inputs into
``ProposalContent``: sections of blocks (headings,
paragraphs, bullet lists, tables, the benefit chart, the timeline, the
architecture).  Documents lay the blocks out; nothing here knows a page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from erpdesk.domain.benefit import (
    DEFAULT_YEARS,
    BenefitInputs,
    BenefitResult,
    benefit_problems,
)
from erpdesk.domain.customer import Customer, LabelledEnum, new_id, utcnow
from erpdesk.domain.deal import Deal, Worksheet
from erpdesk.domain.errors import Problem, ValidationError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.playbook import Names, Playbook
from erpdesk.domain.quote import Quote, QuoteTotals

LANGUAGES = ("zh_CN", "en")
MAX_TITLE = 200
MAX_AUTHOR = 64
MAX_SECTION_TEXT = 20_000

TITLE_TOO_LONG = QT_TRANSLATE_NOOP(
    "Domain", "The proposal's title may have at most {max} characters, not {length}"
)
AUTHOR_TOO_LONG = QT_TRANSLATE_NOOP(
    "Domain", "The proposal's author may have at most {max} characters, not {length}"
)
SECTION_TOO_LONG = QT_TRANSLATE_NOOP(
    "Domain", "The section {section} may have at most {max} characters, not {length}"
)
BAD_LANGUAGE = QT_TRANSLATE_NOOP("Domain", 'A proposal is written in zh_CN or en, not "{language}"')
NOTHING_LEFT = QT_TRANSLATE_NOOP(
    "Domain", "Every section of the proposal is left out; keep at least one"
)
CUSTOMER_GONE = QT_TRANSLATE_NOOP(
    "Domain", "The customer {name} has been deleted; a proposal needs a current customer"
)
DEAL_GONE = QT_TRANSLATE_NOOP(
    "Domain", "The deal {name} has been deleted; its proposal can no longer be made"
)
DEAL_OF_OTHER_CUSTOMER = QT_TRANSLATE_NOOP(
    "Domain", "The deal {deal} belongs to another customer than the proposal"
)
WHAT_PROPOSAL = QT_TRANSLATE_NOOP("Domain", "Proposal")
NO_SUCH_TARGET = QT_TRANSLATE_NOOP(
    "Domain",
    "There is no deal or customer \"{target}\": give a deal's id, or a customer's "
    "name or credit code",
)


class SectionCode(LabelledEnum):
    """The sections of a proposal, in their order (English label, zh_CN title)."""

    COVER = ("cover", QT_TRANSLATE_NOOP("Domain", "Cover"), "封面")
    EXECUTIVE_SUMMARY = (
        "executive_summary",
        QT_TRANSLATE_NOOP("Domain", "Executive summary"),
        "执行摘要",
    )
    SITUATION = ("situation", QT_TRANSLATE_NOOP("Domain", "Current situation"), "客户现状")
    PAINS = ("pains", QT_TRANSLATE_NOOP("Domain", "Pains and their impact"), "痛点与影响")
    NEEDS = ("needs", QT_TRANSLATE_NOOP("Domain", "Needs and our solution"), "需求与解决方案")
    ARCHITECTURE = (
        "architecture",
        QT_TRANSLATE_NOOP("Domain", "Solution architecture and modules"),
        "方案架构与模块",
    )
    IMPLEMENTATION = (
        "implementation",
        QT_TRANSLATE_NOOP("Domain", "Implementation plan"),
        "实施计划",
    )
    BENEFITS = ("benefits", QT_TRANSLATE_NOOP("Domain", "Benefit analysis"), "效益分析")
    QUOTE = ("quote", QT_TRANSLATE_NOOP("Domain", "Quote summary"), "报价摘要")
    ABOUT_US = ("about_us", QT_TRANSLATE_NOOP("Domain", "About us"), "关于我们")
    NEXT_STEPS = ("next_steps", QT_TRANSLATE_NOOP("Domain", "Next steps"), "下一步")  # fmt: skip

    def heading(self, language: str) -> str:
        """The section's title in the proposal's *language*."""
        return self.zh if is_chinese(language) else self.label


def is_chinese(language: str) -> bool:
    return language.lower().startswith("zh")


def find_section(text: str) -> SectionCode | None:
    """The section named by its code, zh_CN title or English title (any
    case; dashes and spaces as underscores)."""
    found = SectionCode.parse(text)
    if found is None:
        code = text.strip().lower().replace("-", "_").replace(" ", "_")
        found = SectionCode.parse(code)
    return found if isinstance(found, SectionCode) else None


@dataclass(frozen=True)
class SectionEdit:
    """The rep's choice for one section: left out (``include`` False), or its
    generated text replaced by ``text`` (None keeps the generated one).
    Replacement text is plain: paragraphs separated by a blank line, lines
    starting with "- " or "• " make a bullet list."""

    include: bool = True
    text: str | None = None


@dataclass
class Proposal:
    """A proposal of a customer, usually for one of its deals.

    ``quote_id`` is the quote whose summary it prints (None: the deal's
    latest).  ``language`` is the language it is written in (zh_CN or en),
    whatever the UI's.  ``sections`` holds only the sections the rep changed;
    ``benefit`` the customer's figures and ``benefit_years`` the years the
    return on investment is counted over.  An empty ``title`` prints the
    default title (``default_title``)."""

    customer_id: str
    deal_id: str | None = None
    quote_id: str | None = None
    title: str = ""
    language: str = "zh_CN"
    dated: date = field(default_factory=lambda: utcnow().date())
    author: str = ""
    sections: dict[SectionCode, SectionEdit] = field(default_factory=dict)
    benefit: BenefitInputs = field(default_factory=BenefitInputs)
    benefit_years: int = DEFAULT_YEARS
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    server_version: int | None = None
    deleted: bool = False

    def edit(self, code: SectionCode) -> SectionEdit:
        return self.sections.get(code, SectionEdit())

    def included(self, code: SectionCode) -> bool:
        return self.edit(code).include


# Fields a user edits (and an outbox op carries).
PROPOSAL_FIELDS = (
    "quote_id", "title", "language", "dated", "author", "sections", "benefit",
)  # fmt: skip


def default_title(customer_name: str, language: str) -> str:
    """《XX公司 ERP 解决方案建议书》's inner text, or its English form."""
    if is_chinese(language):
        return f"{customer_name} ERP 解决方案建议书"
    return f"ERP solution proposal for {customer_name}"


def sections_json(sections: dict[SectionCode, SectionEdit]) -> dict[str, Any]:
    """The section edits as plain JSON, in section order; a section with no
    change is left out."""
    out: dict[str, Any] = {}
    for code in SectionCode:
        edit = sections.get(code)
        if edit is None or edit == SectionEdit():
            continue
        out[code.value] = {"include": edit.include, "text": edit.text}
    return out


def sections_from_json(data: Any) -> dict[SectionCode, SectionEdit]:
    """``sections_json``'s shape read back; unknown sections are dropped."""
    out: dict[SectionCode, SectionEdit] = {}
    if not isinstance(data, dict):
        return out
    for key, value in data.items():
        code = find_section(str(key))
        if code is None or not isinstance(value, dict):
            continue
        text = value.get("text")
        out[code] = SectionEdit(
            include=bool(value.get("include", True)),
            text=text if isinstance(text, str) else None,
        )
    return out


def benefit_json(proposal: Proposal) -> dict[str, Any]:
    """The benefit figures and years as plain JSON (the ``benefit`` column)."""
    return {**proposal.benefit.as_dict(), "years": proposal.benefit_years}


def benefit_from_json(data: Any) -> tuple[BenefitInputs, int]:
    if not isinstance(data, dict):
        return BenefitInputs(), DEFAULT_YEARS
    years = data.get("years", DEFAULT_YEARS)
    return BenefitInputs.from_dict(data), int(years) if isinstance(years, int) else DEFAULT_YEARS


def proposal_problems(proposal: Proposal) -> list[Problem]:
    """Everything wrong with *proposal* as the rep would save it: the
    language, the lengths of title, author and each section's text, every
    section left out, and the benefit figures' problems."""
    problems: list[Problem] = []
    if proposal.language not in LANGUAGES:
        problems.append(
            Problem("language", "language.invalid", BAD_LANGUAGE, {"language": proposal.language})
        )
    for name, text, limit, message in (
        ("title", proposal.title, MAX_TITLE, TITLE_TOO_LONG),
        ("author", proposal.author, MAX_AUTHOR, AUTHOR_TOO_LONG),
    ):
        if len(text) > limit:
            problems.append(
                Problem(name, f"{name}.too_long", message, {"max": limit, "length": len(text)})
            )
    for code, edit in proposal.sections.items():
        if edit.text is not None and len(edit.text) > MAX_SECTION_TEXT:
            problems.append(
                Problem(
                    f"sections.{code.value}",
                    "section.too_long",
                    SECTION_TOO_LONG,
                    {
                        "section": code.label,
                        "section_zh": code.zh,
                        "max": MAX_SECTION_TEXT,
                        "length": len(edit.text),
                    },
                )
            )
    if not any(proposal.included(code) for code in SectionCode):
        problems.append(Problem("sections", "sections.empty", NOTHING_LEFT))
    problems += [
        Problem(f"benefit.{p.field}", p.code, p.text, p.params)
        for p in benefit_problems(proposal.benefit, years=proposal.benefit_years)
    ]
    return problems


def validate_proposal(proposal: Proposal) -> Proposal:
    """*proposal* with its title and author trimmed and the edited texts'
    line ends normalised; ``ValidationError`` listing every problem."""
    sections = {
        code: SectionEdit(
            edit.include,
            None if edit.text is None else edit.text.replace("\r\n", "\n").rstrip(),
        )
        for code, edit in proposal.sections.items()
    }
    cleaned = replace(
        proposal, title=proposal.title.strip(), author=proposal.author.strip(), sections=sections
    )
    problems = proposal_problems(cleaned)
    if problems:
        raise ValidationError(problems)
    return cleaned


# -- the content: plain blocks ------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A sub-heading inside a section."""

    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Bullets:
    """A bullet list, or a numbered one (``numbered``)."""

    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    """A table: ``header`` cells, ``rows``, relative column ``widths``,
    the columns whose cells are numbers (right-aligned), and whether the
    last ``totals`` rows are totals (shaded)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    numeric: tuple[int, ...] = ()
    totals: int = 0


@dataclass(frozen=True)
class KeyFigures:
    """A row of headline figures: (label, value) pairs."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class BarChart:
    """A bar chart of amounts (CNY): (label, amount) per bar."""

    title: str
    bars: tuple[tuple[str, Decimal], ...]


@dataclass(frozen=True)
class Timeline:
    """The implementation plan as a Gantt chart: (phase, start, end)."""

    phases: tuple[tuple[str, date, date], ...]


@dataclass(frozen=True)
class Architecture:
    """The solution's layers, top first: (layer name, boxes in it)."""

    layers: tuple[tuple[str, tuple[str, ...]], ...]


Block = Heading | Paragraph | Bullets | Table | KeyFigures | BarChart | Timeline | Architecture


@dataclass(frozen=True)
class Section:
    """One section of the content: ``number`` counts the numbered sections
    (the cover has 0); ``edited`` when the rep's text replaced the
    generated one."""

    code: SectionCode
    number: int
    title: str
    blocks: tuple[Block, ...]
    edited: bool = False

    def plain_text(self) -> str:
        """The section as plain text (a starting point for an edit, the
        command line's ``show``)."""
        return "\n\n".join(t for t in (block_text(b) for b in self.blocks) if t)


@dataclass(frozen=True)
class Cover:
    """What the cover page shows."""

    title: str
    customer: str
    company: str
    dated: date
    author: str = ""
    deal: str = ""
    note: str = ""


@dataclass(frozen=True)
class ProposalContent:
    """A proposal ready to lay out: its language, title, cover (None when
    left out) and numbered sections in order."""

    language: str
    title: str
    customer: str
    company: str
    dated: date
    cover: Cover | None
    sections: tuple[Section, ...]

    def section(self, code: SectionCode) -> Section | None:
        return next((s for s in self.sections if s.code is code), None)


def block_text(block: Block) -> str:
    """A block as plain text."""
    if isinstance(block, Heading | Paragraph):
        return block.text
    if isinstance(block, Bullets):
        if block.numbered:
            return "\n".join(f"{n}. {item}" for n, item in enumerate(block.items, start=1))
        return "\n".join(f"- {item}" for item in block.items)
    if isinstance(block, Table):
        lines = [" | ".join(block.header)] if block.header else []
        lines += [" | ".join(row) for row in block.rows]
        return "\n".join(lines)
    if isinstance(block, KeyFigures):
        return "\n".join(f"{label}: {value}" for label, value in block.items)
    if isinstance(block, BarChart):
        return ""  # the table beside it holds the same figures
    if isinstance(block, Timeline):
        return "\n".join(f"{name}: {start} – {end}" for name, start, end in block.phases)
    return "\n".join(f"{layer}: {'、'.join(boxes)}" for layer, boxes in block.layers)


BULLET_MARKS = ("- ", "• ", "* ", "· ")
NUMBERED = re.compile(r"^\s*\d{1,2}\s*[.．、)）]\s*")


def text_blocks(text: str) -> tuple[Block, ...]:
    """The rep's plain text as blocks: paragraphs split at blank lines; a
    paragraph whose lines all start with a bullet mark ("- ", "• ") is a
    bullet list, one whose lines all start with "1." ("1．", "1、") a
    numbered list."""
    blocks: list[Block] = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.rstrip() for line in chunk.strip("\n").split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.lstrip().startswith(BULLET_MARKS) for line in lines):
            blocks.append(Bullets(tuple(line.lstrip()[2:].strip() for line in lines)))
        elif all(NUMBERED.match(line) for line in lines):
            blocks.append(Bullets(tuple(NUMBERED.sub("", line) for line in lines), numbered=True))
        else:
            blocks.append(Paragraph("\n".join(lines)))
    return tuple(blocks)


# -- assembling ----------------------------------------------------------------


@dataclass(frozen=True)
class ModuleOffer:
    """A module of the solution as the catalogue describes it, in the
    proposal's language: its name, a description and its FAB statements
    (feature, advantage, benefit)."""

    code: str
    name: str
    description: str = ""
    fab: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class Supplier:
    """Our company as the proposal presents it (from the branding)."""

    name: str
    profile: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""


@dataclass(frozen=True)
class Sources:
    """Everything a proposal is assembled from.  ``worksheets`` are the
    deal's and its customer's (only customer-facing content is used: the
    profile, the customer's SWOT, the opportunity, pains, needs, the ERP
    project, our strengths and differentiators, requested demos and surveys;
    never the assessments, relationship or strategy sheets).  ``modules``
    are the solution's modules in order, with the catalogue's FAB."""

    customer: Customer
    supplier: Supplier
    benefit: BenefitResult
    deal: Deal | None = None
    worksheets: Sequence[Worksheet] = ()
    modules: Sequence[ModuleOffer] = ()
    quote: Quote | None = None
    totals: QuoteTotals | None = None
    playbook: Playbook | None = None


def latest_sheet(worksheets: Sequence[Worksheet], template: str) -> dict[str, Any] | None:
    """The data of the latest live worksheet of *template*, or None."""
    found = [w for w in worksheets if w.template == template and not w.deleted]
    if not found:
        return None
    return max(found, key=lambda w: (w.dated, w.created_at)).data


def scope_modules(deal: Deal | None, worksheets: Sequence[Worksheet]) -> tuple[str, ...]:
    """The module codes of the solution: the deal's, then those the ERP
    project summary and the opportunity analysis name, without repeats."""
    codes: list[str] = list(deal.modules) if deal is not None else []
    for template, key in (("erp_project_summary", "modules"), ("opportunity_analysis", "scope")):
        data = latest_sheet(worksheets, template) or {}
        for code in data.get(key) or ():
            if isinstance(code, str) and code and code not in codes:
                codes.append(code)
    return tuple(codes)


# Implementation phases: name, weeks (fixed + per module), deliverables.


# -- standard texts (a section falls back to them) -----------------------------

# Implementation phases: name, weeks (fixed, and per two modules), deliverables.
PHASES: tuple[tuple[Names, int, int, Names], ...] = (
    (
        Names("项目准备", "Project preparation"), 2, 0,
        Names("项目章程、组织与计划、项目启动会", "Charter, team and plan, kick-off meeting"),
    ),
    (
        Names("业务蓝图", "Business blueprint"), 2, 1,
        Names("现状调研、未来业务流程设计、蓝图确认",
              "Current-state survey, future processes, signed-off blueprint"),
    ),
    (
        Names("系统实现", "Realisation"), 4, 2,
        Names("系统配置、报表与接口开发、集成测试",
              "Configuration, reports and interfaces, integration tests"),
    ),
    (
        Names("上线准备", "Final preparation"), 3, 0,
        Names("用户培训、数据迁移、切换演练", "User training, data migration, cut-over rehearsal"),
    ),
    (
        Names("上线与持续支持", "Go-live and support"), 4, 0,
        Names("正式上线、现场支持、项目验收", "Go-live, on-site support, acceptance"),
    ),
)  # fmt: skip

# Our strengths when no worksheet names them.
STRENGTHS = (
    Names("深耕制造与流通行业，拥有丰富的同行业成功案例",
          "Deep experience in manufacturing and distribution, with references in your industry"),
    Names("成熟的实施方法论与专业顾问团队，保障项目按期、高质量上线",
          "A proven implementation method and experienced consultants: on time, on quality"),
    Names("本地化服务团队，响应迅速，提供持续的运维与优化支持",
          "A local service team that answers quickly and keeps improving your system"),
    Names("产品架构开放、可扩展，伴随企业成长平滑升级",
          "An open, scalable product that grows with your company"),
)  # fmt: skip

# What a company without an integrated ERP usually suffers (when no pains
# worksheet is filled in).
TYPICAL_PAINS = (
    (Names("各部门系统分散，数据重复录入，信息不一致",
           "Separate systems per department, data keyed twice, figures that disagree"),
     Names("管理层难以及时获得准确的经营数据，决策依赖经验",
           "Management lacks timely, reliable figures and decides on instinct")),
    (Names("库存账实不符，呆滞物料与缺料并存",
           "Stock records differ from the shelves; slow movers and shortages at once"),
     Names("资金占用高，交期难以保证", "Capital tied up, delivery dates at risk")),
    (Names("产品成本核算粗放，难以精确到订单和工序",
           "Costs are known only roughly, not per order or operation"),
     Names("报价和定价缺乏依据，利润流失", "Quotes and prices lack a basis; margin leaks away")),
    (Names("月末结账依赖手工汇总，周期长、易出错",
           "Month-end close relies on manual consolidation: slow and error-prone"),
     Names("财务信息滞后，难以支撑业务分析",
           "Finance figures come too late to steer the business")),
)  # fmt: skip

# Layers of the architecture: module codes of the playbook per layer.
DECISION_MODULES = frozenset({"bi"})
NEXT_STEPS = (
    Names("方案交流：与贵公司管理层及关键用户共同审阅本建议书，解答疑问",
          "Walk through this proposal with your management and key users and answer questions"),
    Names("需求确认：开展详细需求调研，确认业务范围与关键需求",
          "Confirm the needs: a detailed survey that fixes the scope and the key requirements"),
    Names("方案演示：针对贵公司的业务场景进行产品演示，必要时安排标杆客户参观",
          "A demo of your own business scenarios, and a visit to a reference customer if wished"),
    Names("商务洽谈：确认报价、付款方式与服务条款，签订合同",
          "Agree the quote, payment terms and service terms, and sign the contract"),
    Names("项目启动：组建联合项目组，召开项目启动会", "Form the joint project team and kick off"),
)  # fmt: skip


# How each tangible benefit is computed, for a proposal without figures.
FORMULAS = {
    "inventory": Names("平均库存 × 库存降低比例 × 库存持有成本率",
                       "inventory × reduction % × carrying cost rate %"),
    "production_cost": Names("年生产成本 × 成本降低比例", "production cost × reduction %"),
    "productivity": Names("相关人员人工成本 × 劳动生产率提高比例",
                          "staff cost × productivity gain %"),
    "equipment": Names("设备年使用成本 × 设备利用率提高比例",
                       "equipment cost × utilisation gain %"),
    "cycle": Names("平均在制品 × 生产周期缩短比例 × 库存持有成本率",
                   "work in process × cycle reduction % × carrying cost rate %"),
    "market": Names("年销售收入 × 收入增长比例 × 毛利率", "revenue × growth % × margin %"),
    "receivables": Names("年销售收入 ÷ 365 × 应收账款周转天数减少 × 资金成本率",
                         "revenue ÷ 365 × days fewer × cost of capital %"),
    "payables": Names("年采购金额 ÷ 365 × 付款周期延长天数 × 资金成本率",
                      "purchases ÷ 365 × days more × cost of capital %"),
}  # fmt: skip


def assemble(proposal: Proposal, sources: Sources) -> ProposalContent:
    """The proposal's content: its included sections in order, numbered,
    each either generated from *sources* in the proposal's language or, when
    the rep replaced it, the rep's text (pure: no I/O, no clock)."""
    from erpdesk.domain.proposal_writer import assemble_content  # the writer imports this module

    return assemble_content(proposal, sources)
