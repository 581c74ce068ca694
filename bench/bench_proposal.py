"""The proposal PDF against a bare reportlab baseline (docs/proposals.md,
"The benchmark").

A proposal of about 20 pages: every module of the shipped playbook with the
shipped catalogue's FAB statements, 120 needs, 60 pains, the customer's
profile and SWOT, every benefit figure and a quote, assembled by
``erpdesk.domain.proposal.assemble`` and written by ``write_proposal_pdf``.
Its baseline, made in the same run, is a bare reportlab document
(``SimpleDocTemplate``, ``Paragraph``s, plain ``Table``s of paragraphs) with
the same text in the same embedded font: the ratio says what the cover, the
contents, the branded frame, the styling and the charts cost on top of
reportlab itself, whatever the machine.  Each figure is the median of
``--runs`` runs (document and baseline in turns) after one warm-up of each
(``bench_documents.measure``).  Target: < 1.5 s and <= 3x the baseline (aim
2x).

    python bench/bench_proposal.py [--runs 5] [--needs 120] [--language zh_CN]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_documents import Case, measure, page_count


def sample_content(language: str, needs: int):  # type: ignore[no-untyped-def]
    """A ~20-page proposal from the shipped playbook and catalogue."""
    from erpdesk.catalogues import shipped_catalogue
    from erpdesk.domain.benefit import BenefitInputs, benefit_model
    from erpdesk.domain.branding import DEFAULT_BRANDING
    from erpdesk.domain.customer import Customer, Industry, SizeBand
    from erpdesk.domain.deal import Deal, TeamMember, Worksheet
    from erpdesk.domain.proposal import Proposal, Sources, Supplier, assemble
    from erpdesk.domain.quote import ItemKind, Milestone, Quote, QuoteLine, quote_totals
    from erpdesk.playbooks import read_playbook
    from erpdesk.services.proposals import module_offers

    playbook = read_playbook()
    catalogue = shipped_catalogue()
    codes = [m.code for m in playbook.modules]
    customer = Customer(
        name="江苏华东重型机械制造股份有限公司", industry=Industry.MACHINERY,
        size_band=SizeBand.LARGE, province="江苏省", city="苏州市",
        need="打通销售、生产、采购与财务，实现业财一体化，降低库存与成本",
    )  # fmt: skip
    deal = Deal(
        customer_id=customer.id, name="华东重机集团 ERP 升级项目", modules=tuple(codes),
        close_date=date(2026, 6, 30), amount=Decimal("4800000"),
        team=(TeamMember("王磊", "sales"), TeamMember("李娜", "presales"),
              TeamMember("陈刚", "implementation")),
    )  # fmt: skip
    topics = ["库存", "财务", "生产", "采购", "销售", "质量", "人力资源", "资产"]
    sheets = [
        Worksheet("customer_profile", customer.id, data={
            "basics": "成立于1998年，总部位于苏州，下设三个生产基地和十二个销售分公司。",
            "employees": "2600", "revenue": "1860000000",
            "organisation": "集团总部设财务、采购、销售、生产、质量、人力资源与信息中心。",
            "business": "重型机械、起重设备及配件的研发、生产与销售，产品出口三十多个国家。",
            "it_status": "使用单机版财务软件和自行开发的进销存系统，数据分散在各部门。",
        }),
        Worksheet("customer_swot", customer.id, data={
            "strengths": "行业龙头，品牌知名\n技术研发实力强\n销售网络覆盖全国",
            "weaknesses": "信息化基础薄弱\n各基地管理口径不一",
            "opportunities": "海外市场快速增长\n国家推动智能制造",
            "threats": "原材料价格波动\n同行竞争加剧",
        }),
        Worksheet("customer_pains", customer.id, deal.id, data={"rows": [
            {"problem": f"{topics[i % len(topics)]}数据分散在多个系统，口径不一致，第{i}项问题"
                        "需要人工反复核对",
             "impact": "管理层无法及时掌握经营状况，决策滞后，影响资金周转和客户交付",
             "who": f"{topics[i % len(topics)]}部"}
            for i in range(1, needs // 2 + 1)
        ]}),
        Worksheet("needs_analysis", customer.id, deal.id, data={"rows": [
            {"need": f"实现{topics[i % len(topics)]}管理的实时化与规范化，满足集团管控第{i}项要求",
             "priority": ("high", "medium", "low")[i % 3]}
            for i in range(1, needs + 1)
        ]}),
        Worksheet("opportunity_analysis", customer.id, deal.id, data={
            "origin": "集团计划三年内上市，需要规范的财务和业务管理体系。",
            "trigger": "年度审计指出存货管理和成本核算存在重大缺陷。",
            "expected_start": "2026-07-06",
        }),
        Worksheet("erp_project_summary", customer.id, deal.id, data={
            "go_live": "2026-12-01", "timeline": "年底前完成财务与供应链上线，次年完成生产制造。",
        }),
        Worksheet("self_swot", customer.id, deal.id, data={
            "strengths": "拥有二十余家重型机械行业成功案例\n苏州本地实施与服务团队",
        }),
    ]  # fmt: skip
    licences = [
        QuoteLine(item.name.zh, Decimal("20"), Decimal("6800"), ItemKind.LICENCE, item=item.code)
        for item in catalogue.items
        if item.kind is ItemKind.LICENCE
    ]
    service = QuoteLine(
        "实施服务", Decimal("300"), Decimal("2400"), ItemKind.SERVICE, vat_rate=Decimal("6")
    )
    lines = (*licences, service)
    quote = Quote(
        number="Q-WL-20260305-001", customer_id=customer.id, deal_id=deal.id,
        quote_date=date(2026, 3, 5), valid_until=date(2026, 4, 4), lines=lines,
        milestones=(Milestone("合同签订", Decimal("30"), "合同签订后 7 日内"),
                    Milestone("上线验收", Decimal("60"), "验收后 15 日内"),
                    Milestone("质保期满", Decimal("10"), "质保期满后 15 日内")),
    )  # fmt: skip
    totals = quote_totals(quote)
    inputs = BenefitInputs(
        annual_revenue=Decimal("1860000000"), inventory_value=Decimal("420000000"),
        inventory_reduction=Decimal("15"), production_cost=Decimal("1300000000"),
        production_cost_reduction=Decimal("1.2"), staff_cost=Decimal("36000000"),
        productivity_gain=Decimal("8"), equipment_cost=Decimal("52000000"),
        utilisation_gain=Decimal("6"), wip_value=Decimal("90000000"),
        cycle_reduction=Decimal("20"), revenue_growth=Decimal("3"), margin=Decimal("22"),
        receivables=Decimal("380000000"), receivable_days_reduced=Decimal("12"),
        annual_purchases=Decimal("980000000"), payables=Decimal("160000000"),
        payable_days_gained=Decimal("8"), investment=totals.total,
        running_cost=Decimal("600000"),
    )  # fmt: skip
    proposal = Proposal(
        customer_id=customer.id, deal_id=deal.id, language=language, dated=date(2026, 3, 5),
        author="王磊",
    )  # fmt: skip
    sources = Sources(
        customer=customer,
        supplier=Supplier(
            DEFAULT_BRANDING.name(language), address=DEFAULT_BRANDING.address(language),
            phone=DEFAULT_BRANDING.phone, email=DEFAULT_BRANDING.email,
            website=DEFAULT_BRANDING.website,
        ),
        benefit=benefit_model(inputs),
        deal=deal,
        worksheets=sheets,
        modules=module_offers(codes, catalogue, playbook, language),
        quote=quote,
        totals=totals,
        playbook=playbook,
    )  # fmt: skip
    return assemble(proposal, sources)


def proposal_case(language: str, needs: int) -> Case:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from erpdesk.documents.fonts import register_fonts
    from erpdesk.documents.proposal_pdf import write_proposal_pdf
    from erpdesk.domain.branding import DEFAULT_BRANDING
    from erpdesk.domain.proposal import Bullets, Heading
    from erpdesk.domain.proposal import Paragraph as TextParagraph
    from erpdesk.domain.proposal import Table as TextTable

    content = sample_content(language, needs)

    def make(path: Path) -> object:
        return write_proposal_pdf(path, content, branding=DEFAULT_BRANDING)

    def bare(path: Path) -> object:
        font = register_fonts()
        body = ParagraphStyle("p", fontName=font, fontSize=10, leading=15.5, wordWrap="CJK")
        cell = ParagraphStyle("c", fontName=font, fontSize=8.8, leading=13.2, wordWrap="CJK")
        head = ParagraphStyle("h", fontName=font, fontSize=15, leading=22, wordWrap="CJK")
        width = A4[0] - 32 * mm
        story: list[object] = [Paragraph(content.title, head)]
        for section in content.sections:
            story.append(Paragraph(f"{section.number} {section.title}", head))
            for block in section.blocks:
                if isinstance(block, TextParagraph | Heading):
                    story.append(Paragraph(block.text, body))
                elif isinstance(block, Bullets):
                    story += [Paragraph(item, body) for item in block.items]
                elif isinstance(block, TextTable):
                    rows = [list(block.header)] if block.header else []
                    rows += [list(r) for r in block.rows]
                    scale = width / sum(block.widths)
                    table = Table(
                        [[Paragraph(c, cell) for c in r] for r in rows],
                        colWidths=[w * scale for w in block.widths],
                        repeatRows=1 if block.header else 0,
                    )
                    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.3, "#c9d1db")]))
                    story.append(table)
        doc = SimpleDocTemplate(
            str(path), pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm,
            topMargin=16 * mm, bottomMargin=20 * mm,
        )  # fmt: skip
        doc.build(story)
        return path

    return Case(f"proposal ({language}), {needs} needs", make, bare, target=1.5, pages=page_count)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--needs", type=int, default=120, help="rows of the needs analysis (half as many pains)"
    )
    parser.add_argument("--language", choices=["zh_CN", "en"], default="zh_CN")
    args = parser.parse_args()
    ok = measure(proposal_case(args.language, args.needs), args.runs)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
