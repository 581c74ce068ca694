"""The quote PDF: the customer's copy in Chinese and English, its figures
exactly those of ``quote_totals``, long quotes over several pages with the
table header repeated, Chinese line breaking, the branded frame (letterhead,
footers, watermark), the metadata, embedded fonts, and a file written whole
or not at all.

The text is read back with pypdf (a test dependency); pdftotext, pdffonts
and pdfinfo (poppler) check the same from outside when they are installed,
and those tests skip cleanly when they are not.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from erpdesk.documents.layout import PdfWriteError
from erpdesk.documents.letterhead import (
    CANNOT_END,
    CANNOT_START,
    LogoError,
    cjk_line_spans,
)
from erpdesk.documents.quote_pdf import (
    QuoteDocument,
    quote_pdf_bytes,
    sample_quote_document,
    write_quote_pdf,
)
from erpdesk.domain.branding import DEFAULT_BRANDING
from erpdesk.domain.customer import Contact, Customer
from erpdesk.domain.money import format_money
from erpdesk.domain.quote import (
    ItemKind,
    Milestone,
    PriceMode,
    Quote,
    QuoteLine,
    QuoteStatus,
    quote_totals,
)

CUSTOMER = Customer(name="华东精密机械制造有限公司", address="江苏省苏州市工业园区星湖街 328 号")
CONTACT = Contact(
    customer_id=CUSTOMER.id, name="王建国", title="信息中心主任", mobile="13862012345"
)
HEADER = "序号品名/描述数量单位单价折扣税率不含税金额税额价税合计"


def line(description: str, qty: str, price: str, group=ItemKind.LICENCE, **kw) -> QuoteLine:
    return QuoteLine(description, Decimal(qty), Decimal(price), group=group, **kw)


# Awkward numbers: each rounds at the fen in its own way.
AWKWARD = (
    line("财务管理模块用户许可", "3", "33.33", unit="用户"),  # 99.99 incl. 13 %
    line("供应链模块用户许可", "7", "1234.57", discount=Decimal("12.5"), unit="用户"),
    line("实施顾问服务", "12.5", "1999.99", ItemKind.SERVICE, vat_rate=Decimal("6"), unit="人天"),
    line("年度维护", "1", "0.01", ItemKind.MAINTENANCE, unit="年"),
    line("数据库软件（第三方）", "2", "39800", ItemKind.THIRD_PARTY, vat_rate=Decimal("13")),
)


def make_document(
    lines=AWKWARD,
    *,
    language="zh_CN",
    status=QuoteStatus.APPROVED,
    price_mode=PriceMode.INCLUSIVE,
    branding=DEFAULT_BRANDING,
    **quote_fields,
) -> QuoteDocument:
    quote = Quote(
        number="Q-ZHANG-20261206-001",
        customer_id=CUSTOMER.id,
        version=2,
        status=status,
        price_mode=price_mode,
        quote_date=date(2026, 12, 6),
        valid_until=date(2027, 1, 5),
        lines=tuple(lines),
        language=language,
        author="张伟",
        **{
            "milestones": (
                Milestone("合同签订", Decimal("30"), "合同签订后 7 日内"),
                Milestone("上线验收", Decimal("60"), "验收后 15 日内"),
                Milestone("质保期满", Decimal("10"), "上线满 12 个月"),
            ),
            "delivery_terms": "合同签订后 10 个工作日内交付软件许可。",
            "notes": "差旅费用按实际发生另行结算。",
            **quote_fields,
        },
    )
    return QuoteDocument(
        quote=quote,
        totals=quote_totals(quote),
        customer=CUSTOMER,
        contact=CONTACT,
        deal_name="华东工厂 ERP 升级",
        branding=branding,
        author="张伟",
    )


def pages_text(path: Path) -> list[str]:
    """Each page's text, whitespace removed (CJK lines wrap anywhere)."""
    return ["".join(page.extract_text().split()) for page in PdfReader(path).pages]


def poppler(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"poppler's {tool} is not installed")
    return found


@pytest.fixture(scope="module")
def long_quote(tmp_path_factory) -> tuple[Path, QuoteDocument]:
    """The 60-line sample quote, written once for the tests that read it."""
    document = sample_quote_document(DEFAULT_BRANDING, lines=60, status=QuoteStatus.SENT)
    path = tmp_path_factory.mktemp("quote") / "long.pdf"
    write_quote_pdf(path, document)
    return path, document


# -- content ---------------------------------------------------------------------------


def test_a_60_line_quote_runs_over_three_pages_with_the_header_repeated(long_quote):
    path, document = long_quote
    pages = pages_text(path)
    assert len(pages) >= 3
    holding = [p for p in pages if re.search(r"ERP-(FIN|SCM|MFG)|SVC-|MNT-|3P-DB", p)]
    assert len(holding) >= 3
    for page in holding:  # each piece of the table starts with its header
        assert HEADER in page
    text = "".join(pages)
    numbers = re.findall(  # each line's number, after the row, group or header before it
        r"(?:\.\d\d|软件许可|实施服务|年度维护|第三方产品|价税合计)(\d{1,2})"
        r"(?:财务|供应|生产|实施|期初|年度|数据)",
        text,
    )
    assert [int(n) for n in numbers] == list(range(1, 61))  # every line, in order
    # the letterhead on the first page, the slim header after it
    assert "服务热线" in pages[0] and "云启软件有限公司" in pages[0]
    assert "碧波路" in pages[0] and not any("碧波路" in p for p in pages[1:])
    total = len(pages)
    for number, page in enumerate(pages, start=1):  # footers: number and page x of y
        assert f"Q-ZHANG-20261206-001第2版第{number}页共{total}页" in page
    assert len(document.quote.lines) == 60


def test_the_chinese_quote_shows_what_the_customer_needs(tmp_path):
    path = write_quote_pdf(tmp_path / "quote.pdf", make_document())
    text = "".join(pages_text(path))
    assert text.startswith("云启软件有限公司") or "云启软件有限公司" in text[:80]
    for expected in (
        "报价单", "QUOTATION", "Q-ZHANG-20261206-001第2版", "报价日期2026-12-06",
        "有效期至2027-01-05", "华东精密机械制造有限公司", "江苏省苏州市工业园区星湖街328号",
        "王建国（信息中心主任）", "13862012345", "华东工厂ERP升级", "报价人张伟",
        "单价为含税价。", "金额单位：人民币元。",
        "软件许可", "实施服务", "年度维护", "第三方产品", "软件许可小计", "实施服务小计",
        "付款方式", "合同签订30%", "交付条款", "备注", "差旅费用按实际发生另行结算。",
        "收款信息", "招商银行上海张江支行", "121909385210001"[:4], "1219093852100 01"[:0],
        "纳税人识别号91310115MA1K4C5Y04", "报价方", "客户确认", "（盖章）", "授权代表签字",
    ):  # fmt: skip
        assert expected in text, expected
    assert "1219 0938 5210 001".replace(" ", "") in text  # the account, grouped by four
    assert "草稿" not in text and "DRAFT" not in text  # an approved copy has no watermark


def test_the_printed_figures_are_those_of_quote_totals(tmp_path):
    document = make_document()
    totals = document.totals
    # worked by hand (tax-inclusive): 3 × 33.33 = 99.99, net 99.99 / 1.13 = 88.49
    assert (totals.lines[0].net, totals.lines[0].vat, totals.lines[0].total) == (
        Decimal("88.49"), Decimal("11.50"), Decimal("99.99")
    )  # fmt: skip
    path = write_quote_pdf(tmp_path / "quote.pdf", document)
    text = "".join(pages_text(path))
    for amounts in totals.lines:  # each line: net, VAT and total side by side
        row = "".join(format_money(x) for x in (amounts.net, amounts.vat, amounts.total))
        assert row in text
    for kind, subtotal in totals.groups:
        name = {
            ItemKind.LICENCE: "软件许可",
            ItemKind.SERVICE: "实施服务",
            ItemKind.MAINTENANCE: "年度维护",
            ItemKind.THIRD_PARTY: "第三方产品",
        }[kind]
        sums = "".join(format_money(x) for x in (subtotal.net, subtotal.vat, subtotal.total))
        assert f"{name}小计{sums}" in text  # fmt: skip
    assert f"不含税合计¥{format_money(totals.net)}" in text
    assert f"税额合计¥{format_money(totals.vat)}" in text
    assert f"价税合计¥{format_money(totals.total)}" in text
    assert f"大写金额{totals.total_in_words}" in text
    assert totals.total_in_words.startswith("人民币")
    for amount in totals.milestones:
        assert f"¥{format_money(amount)}" in text
    assert sum(totals.milestones) == totals.total


def test_the_totals_must_belong_to_the_quote():
    document = make_document()
    other = quote_totals(replace(document.quote, lines=document.quote.lines[:2]))
    with pytest.raises(ValueError):
        quote_pdf_bytes(replace(document, totals=other))


def test_a_tax_exclusive_quote_says_so(tmp_path):
    path = write_quote_pdf(tmp_path / "ex.pdf", make_document(price_mode=PriceMode.EXCLUSIVE))
    assert "单价为不含税价，增值税按所列税率另计。" in "".join(pages_text(path))


def test_the_english_quote(tmp_path):
    document = make_document(language="en", status=QuoteStatus.DRAFT)
    path = write_quote_pdf(tmp_path / "en.pdf", document)
    pages = [page.extract_text() for page in PdfReader(path).pages]
    text = " ".join(pages)
    for expected in (
        "Quotation", "Yunqi Software Co., Ltd.", "Q-ZHANG-20261206-001, version 2",
        "Valid until", "Unit prices include VAT.", "Item / description", "Total incl. VAT",
        "Amount in words", "Payment terms", "Bank details", "Taxpayer ID",
        "Accepted by the customer", "(Company seal)", "Software licences", "Subtotal:",
        "Page 1 of", "Service hotline",
    ):  # fmt: skip
        assert expected in text, expected
    assert "DRAFT" in text and "草稿" not in text  # the English watermark alone
    assert "报价单" not in text


@pytest.mark.parametrize(
    ("status", "mark"),
    [
        (QuoteStatus.DRAFT, "草稿DRAFT"),
        (QuoteStatus.PENDING_APPROVAL, "待审批PENDINGAPPROVAL"),
        (QuoteStatus.SUPERSEDED, "已失效SUPERSEDED"),
        (QuoteStatus.APPROVED, None),
        (QuoteStatus.SENT, None),
        (QuoteStatus.ACCEPTED, None),
    ],
)
def test_only_versions_that_are_not_the_customers_copy_carry_a_watermark(status, mark):
    pdf = quote_pdf_bytes(make_document(status=status))
    reader = PdfReader(__import__("io").BytesIO(pdf))
    pages = ["".join(p.extract_text().split()) for p in reader.pages]
    if mark is None:
        assert not any(w in "".join(pages) for w in ("DRAFT", "草稿", "待审批", "已失效"))
    else:
        assert all(mark in page for page in pages)


# -- Chinese line breaking ------------------------------------------------------------------


def breaks(text: str, width_chars: int) -> list[str]:
    spans = cjk_line_spans(text, [1.0] * len(text), [float(width_chars)])
    return [text[a:b] for a, b in spans]


def test_chinese_wraps_between_any_two_characters_but_not_against_the_rules():
    text = "生产制造模块：物料需求计划（MRP）、车间管理、质量管理，含多工厂“多组织”架构……"
    for width in range(6, 30):
        lines = breaks(text, width)
        assert "".join(lines) == text
        for number, shown in enumerate(lines):
            assert len(shown) <= width + 1
            if number:
                assert shown[0] not in CANNOT_START, (width, lines)
            if number < len(lines) - 1:
                assert shown[-1] not in CANNOT_END, (width, lines)
                assert not (shown.endswith("…") and lines[number + 1].startswith("…"))
        assert not any(re.search(r"M$|^RP|MR$|^P）", x) for x in lines), lines


def test_latin_words_and_numbers_stay_whole_and_lines_start_without_a_space():
    lines = breaks("Manufacturing module 12,345.67 units", 16)
    assert lines == ["Manufacturing ", "module 12,345.67", "units"]
    assert breaks("Supercalifragilistic", 8) == ["Supercal", "ifragili", "stic"]


def test_a_long_description_wraps_and_splits_across_pages(tmp_path):
    long_text = "本项目包含需求调研、方案设计、系统配置与上线支持，" * 120
    document = make_document((line(long_text, "1", "100000"), *AWKWARD[1:]))
    path = write_quote_pdf(tmp_path / "long.pdf", document)
    pages = pages_text(path)
    assert len(pages) >= 2
    first = document.totals.lines[0]
    figures = "1100,000.0013%" + "".join(
        format_money(x) for x in (first.net, first.vat, first.total)
    )
    text = "".join(pages)
    for furniture in (  # the footers, the later pages' header and the table's header
        r"Q-ZHANG-20261206-001第2版第\d+页共\d+页服务热线.*?技术支持",
        "Q-ZHANG-20261206-001第2版云启软件有限公司" + re.escape(HEADER),
        re.escape(figures),  # the row's figures, printed beside its first part
    ):
        text = re.sub(furniture, "", text)
    # the text runs on from page to page, all of it, in order
    assert long_text in text


# -- the frame: metadata, fonts, logo ------------------------------------------------------


def test_the_metadata_names_the_quote(long_quote):
    path, _ = long_quote
    meta = PdfReader(path).metadata
    assert meta.title == "报价单 Q-ZHANG-20261206-001"
    assert meta.author == "张伟"
    assert meta.creator == "ERPDesk"
    assert "Q-ZHANG-20261206-001 第 2 版" in meta.subject
    assert "华东精密机械制造有限公司" in meta["/Keywords"]


def test_pdfinfo_reads_the_metadata(long_quote):
    path, _ = long_quote
    info = subprocess.run(
        [poppler("pdfinfo"), str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"^Title:\s+报价单 Q-ZHANG-20261206-001$", info, re.M)
    assert re.search(r"^Author:\s+张伟$", info, re.M)
    assert re.search(r"^Creator:\s+ERPDesk$", info, re.M)


def test_pdftotext_gets_the_chinese_back(long_quote):
    path, document = long_quote
    text = subprocess.run(
        [poppler("pdftotext"), "-enc", "UTF-8", str(path), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    flat = "".join(text.split())
    assert "华东精密机械制造有限公司" in flat
    assert "价税合计" in flat
    assert document.totals.total_in_words in flat


def test_every_font_is_embedded(long_quote):
    path, _ = long_quote
    pdf = path.read_bytes()
    assert b"/FontFile2" in pdf and b"WenQuanYiMicroHei" in pdf and b"STSong" not in pdf
    if shutil.which("pdffonts") is None:
        return
    rows = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert rows
    for row in rows:  # name type encoding emb sub uni object ID
        assert re.search(r"\byes\s+yes\s+yes\s+\d+\s+\d+$", row), row


def logo_png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGBA", (240, 80), (200, 30, 40, 255)).save(out, "PNG")
    return out.getvalue()


def test_the_logo_is_drawn_and_a_damaged_one_is_a_clear_error(tmp_path):
    branding = replace(DEFAULT_BRANDING, logo=logo_png())
    path = write_quote_pdf(tmp_path / "logo.pdf", make_document(branding=branding))
    assert b"/Subtype /Image" in path.read_bytes()
    damaged = replace(DEFAULT_BRANDING, logo=logo_png()[:60])  # the header, no picture
    with pytest.raises(LogoError, match="logo cannot be drawn"):
        write_quote_pdf(tmp_path / "damaged.pdf", make_document(branding=damaged))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["logo.pdf"]


# -- writing whole or not at all -------------------------------------------------------------


def test_a_missing_folder_is_a_clear_error_and_leaves_nothing(tmp_path):
    with pytest.raises(PdfWriteError, match="does not exist"):
        write_quote_pdf(tmp_path / "none" / "quote.pdf", make_document())
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_folder_is_a_clear_error_and_leaves_nothing(tmp_path):
    if os.geteuid() == 0:  # root writes anywhere: take a folder no one can write in
        folder = Path("/proc")
    else:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o555)
    try:
        with pytest.raises(PdfWriteError, match=r"read-only|cannot be written"):
            write_quote_pdf(folder / "quote.pdf", make_document())
        assert not (folder / "quote.pdf").exists()
        assert not [p for p in folder.iterdir() if p.name.startswith(".erpdesk-")]
    finally:
        if folder != Path("/proc"):
            folder.chmod(0o755)


def test_a_failure_keeps_the_old_file_and_leaves_no_temporary_one(tmp_path):
    path = tmp_path / "quote.pdf"
    path.write_bytes(b"the old quote")

    def broken(context: str, text: str) -> str:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_quote_pdf(path, make_document(), translate=broken)
    assert path.read_bytes() == b"the old quote"
    assert [p.name for p in tmp_path.iterdir()] == ["quote.pdf"]


def test_the_error_reads_in_chinese(tmp_path):
    from erpdesk.documents.texts import translator

    with pytest.raises(PdfWriteError) as caught:
        write_quote_pdf(tmp_path / "none" / "quote.pdf", make_document())
    assert "不存在" in caught.value.render(translator("zh_CN"))


def test_the_bytes_are_the_same_pdf(tmp_path):
    pdf = quote_pdf_bytes(make_document())
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")


def test_what_is_not_known_is_left_out(tmp_path):
    bare_branding = replace(DEFAULT_BRANDING, bank_name="", bank_account="", logo=None)
    document = make_document(
        (AWKWARD[0],), branding=bare_branding, milestones=(), delivery_terms="", notes=""
    )
    path = write_quote_pdf(tmp_path / "q.pdf", replace(document, contact=None, deal_name=""))
    text = "".join(pages_text(path))
    for absent in ("联系人", "付款方式", "交付条款", "备注", "收款信息", "小计", "项目"):
        assert absent not in text, absent
    assert "价税合计¥99.99" in text and "人民币玖拾玖元玖角玖分" in text
