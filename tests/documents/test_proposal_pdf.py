"""The proposal PDF: its text comes back out (Chinese and English), the
font is embedded, long tables split across pages with their header
repeated, the contents give each section's page, the outline and metadata
are there, the cover title breaks well, and a failure leaves no file."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from erpdesk.documents.fonts import register_fonts
from erpdesk.documents.proposal_pdf import (
    proposal_pdf_bytes,
    title_lines,
    write_proposal_pdf,
)
from erpdesk.domain.benefit import BenefitInputs, benefit_model
from erpdesk.domain.branding import DEFAULT_BRANDING
from erpdesk.domain.customer import Customer, Industry
from erpdesk.domain.deal import Deal, Worksheet
from erpdesk.domain.proposal import (
    ModuleOffer,
    Proposal,
    SectionCode,
    SectionEdit,
    Sources,
    Supplier,
    assemble,
)
from erpdesk.playbooks import read_playbook

CUSTOMER = Customer(name="华东机械有限公司", industry=Industry.MACHINERY, city="苏州市")
DEAL = Deal(customer_id=CUSTOMER.id, name="华东工厂ERP升级", modules=("finance", "inventory"))
NEEDS = 90  # rows enough for the needs table to run over several pages


def need(n: int) -> dict[str, str]:
    return {"need": f"需求{n}：月结在三天内完成", "priority": "high"}


def content(language: str = "zh_CN", needs: int = 3, **edits):
    sheets = [
        Worksheet(
            "needs_analysis",
            CUSTOMER.id,
            DEAL.id,
            data={
                "rows": [
                    {"need": f"需求{n}：月结在三天内完成", "priority": "high"}
                    for n in range(1, needs + 1)
                ]
            },
        ),
        Worksheet(
            "customer_pains",
            CUSTOMER.id,
            DEAL.id,
            data={"rows": [{"problem": "库存积压严重", "impact": "占用资金3000万元"}]},
        ),
    ]
    benefit = benefit_model(
        BenefitInputs(
            inventory_value=Decimal("30000000"),
            inventory_reduction=Decimal("20"),
            annual_revenue=Decimal("120000000"),
            receivable_days_reduced=Decimal("15"),
            investment=Decimal("1500000"),
        )
    )
    modules = (
        ModuleOffer(
            "finance", "财务管理", "总账与合并报表", (("多组织合并报表", "自动抵消", "月结缩短"),)
        ),
        ModuleOffer(
            "inventory", "库存管理", "批次与库位", (("条码出入库", "实时准确", "库存降低"),)
        ),
    )
    proposal = Proposal(
        customer_id=CUSTOMER.id, deal_id=DEAL.id, language=language, dated=date(2026, 3, 5),
        author="王磊", sections=dict(edits),
    )  # fmt: skip
    sources = Sources(
        customer=CUSTOMER, supplier=Supplier(DEFAULT_BRANDING.name(language)), benefit=benefit,
        deal=DEAL, worksheets=sheets, modules=modules, playbook=read_playbook(),
    )  # fmt: skip
    return assemble(proposal, sources)


def pages_text(path: Path) -> list[str]:
    """Each page's text with its whitespace removed (CJK lines wrap anywhere)."""
    return ["".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_the_chinese_proposal_reads_back(tmp_path):
    path = write_proposal_pdf(tmp_path / "p.pdf", content(), branding=DEFAULT_BRANDING)
    pages = pages_text(path)
    assert len(pages) > 3
    assert "《华东机械有限公司ERP解决方案建议书》" in pages[0] and "王磊" in pages[0]
    assert "2026年3月5日" in pages[0]
    text = "".join(pages)
    for title in ("执行摘要", "痛点与影响", "需求与解决方案", "效益分析", "报价摘要", "下一步"):
        assert title in text
    assert "库存积压严重" in text and "多组织合并报表" in text
    assert "¥1,200,000.00" in text and "改善内外部沟通" in text
    assert "测算假设" in text and "¥4,931,506.85" in text  # the cash released, in the assumptions


def test_the_contents_give_each_sections_page(tmp_path):
    path = write_proposal_pdf(tmp_path / "p.pdf", content(), branding=DEFAULT_BRANDING)
    outline = [item.title for item in PdfReader(path).outline]
    assert outline[0] == "1  执行摘要" and outline[-1] == "10  下一步"
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed")
    listing = subprocess.run(
        ["pdftotext", "-layout", "-f", "2", "-l", "2", str(path), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    listed = re.findall(r"^\s*(\d+)\s+(\S+)\s+·+\s+(\d+)\s*$", listing, re.MULTILINE)
    assert [int(number) for number, _title, _page in listed] == list(range(1, 11))
    pages = pages_text(path)
    for number, title, page in listed:  # each heading is on the page listed
        assert f"{number}{title}" in pages[int(page) - 1], title
    assert int(listed[-1][2]) == len(pages)


def test_long_tables_split_with_their_header_repeated(tmp_path):
    path = write_proposal_pdf(tmp_path / "p.pdf", content(needs=NEEDS), branding=DEFAULT_BRANDING)
    pages = pages_text(path)
    holding = [p for p in pages if re.search(r"需求\d+：", p)]
    assert len(holding) >= 2
    for page in holding:
        assert "需求优先级解决方案" in page  # each piece starts with the header row
    assert f"需求{NEEDS}：" in "".join(pages)


def test_the_english_proposal(tmp_path):
    path = write_proposal_pdf(tmp_path / "en.pdf", content("en"), branding=DEFAULT_BRANDING)
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "ERP solution proposal for 华东机械有限公司" in text
    assert "Contents" in text and "Executive summary" in text and "Intangible benefits" in text
    assert "Page 2 of" in reader.pages[1].extract_text()
    assert reader.metadata.title == "ERP solution proposal for 华东机械有限公司"
    assert reader.metadata.author == "王磊"


def test_edits_and_a_proposal_without_a_cover(tmp_path):
    doc = content(
        **{
            SectionCode.COVER: SectionEdit(False),
            SectionCode.QUOTE: SectionEdit(False),
            SectionCode.ABOUT_US: SectionEdit(text="我们的介绍\n\n1. 第一条\n2. 第二条"),
        }
    )
    path = write_proposal_pdf(tmp_path / "p.pdf", doc, branding=DEFAULT_BRANDING)
    text = "".join(pages_text(path))
    assert "报价摘要" not in text and "《" not in text
    assert "我们的介绍" in text and "1.第一条" in text


def test_the_font_is_embedded(tmp_path):
    path = write_proposal_pdf(tmp_path / "p.pdf", content(), branding=DEFAULT_BRANDING)
    pdf = path.read_bytes()
    assert b"/FontFile2" in pdf and b"WenQuanYiMicroHei" in pdf and b"STSong" not in pdf
    if shutil.which("pdffonts") is None:
        pytest.skip("poppler's pdffonts is not installed")
    listing = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    fonts = {line.split()[0]: line.split()[-5] for line in listing}
    ours = [name for name in fonts if "WenQuanYiMicroHei" in name]
    assert ours and all(fonts[name] == "yes" for name in ours)
    # every font embedded: none named that a reader would have to find
    assert {name for name, embedded in fonts.items() if embedded != "yes"} == set()


def test_pdftotext_reads_the_chinese(tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed")
    path = write_proposal_pdf(tmp_path / "p.pdf", content(), branding=DEFAULT_BRANDING)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    plain = "".join(text.split())
    assert "华东机械有限公司是一家位于苏州市的机械设备企业" in plain
    assert "无形效益" in plain and "增强竞争地位" in plain


def test_a_failed_rendering_leaves_no_file_and_keeps_the_old_one(tmp_path):
    path = tmp_path / "p.pdf"
    path.write_bytes(b"the old proposal")

    def broken(context: str, text: str) -> str:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_proposal_pdf(path, content(), branding=DEFAULT_BRANDING, translate=broken)
    assert path.read_bytes() == b"the old proposal"
    assert [p.name for p in tmp_path.iterdir()] == ["p.pdf"]


def test_in_memory():
    assert proposal_pdf_bytes(content(), branding=DEFAULT_BRANDING).startswith(b"%PDF")


def test_the_cover_title_breaks_well():
    font = register_fonts()
    short = title_lines("《华东机械 ERP 解决方案建议书》", font, 450)
    assert short[1] == ["《华东机械 ERP 解决方案建议书》"] and short[0] >= 20
    _size, lines = title_lines(
        "《" + "华东重型机械制造股份有限公司" * 2 + "解决方案建议书》", font, 450
    )
    assert len(lines) == 2 and not lines[1].startswith("》") and lines[1].endswith("》")
    _size, lines = title_lines("ERP solution proposal for Jiangsu Eastern Heavy Machinery "
                              "Manufacturing Company Limited", font, 450)  # fmt: skip
    assert len(lines) == 2 and all(not line.startswith(" ") for line in lines)
