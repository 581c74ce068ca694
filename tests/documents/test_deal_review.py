"""The deal-review PDF: every worksheet layout renders, the text (read back
with pypdf) holds what a manager looks for, long tables split across pages
with their header repeated, and a failed rendering leaves no file."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from review_support import make_review

from erpdesk.documents.deal_review import DealReview, render_deal_review
from erpdesk.domain.deal import DealStatus


def pages_text(path: Path) -> list[str]:
    """Each page's text, whitespace removed (CJK lines wrap anywhere)."""
    return ["".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_a_review_with_every_layout_renders_in_chinese(tmp_path, review):
    path = tmp_path / "review.pdf"
    render_deal_review(path, review, "zh_CN")
    pages = pages_text(path)
    text = "".join(pages)
    # header: stage in the language, amount with separators, weighted, team
    assert "商机评审" in text and "华东工厂ERP升级" in text and "华东机械有限公司" in text
    assert "4·推动客户立项" in text
    assert "¥1,234,567.50" in text
    assert "¥617,283.75" in text  # 50 % of the amount, half-up to the fen
    assert "李娜（售前顾问）" in text and "用友、金蝶" in text and "安排高层拜访" in text
    assert "14天无跟进" in text
    # the checklist, the exit criteria, an answer from an older playbook
    assert "推动客户立项：拜访客户高层" in text and "出口标准" in text
    assert "old_playbook.item" in text
    # the stage history with the override and its reason
    assert "客户催促，先行推进" in text and "立项尚未批准" in text
    assert "引导及确认客户意向：拜访客户高层" in text  # the overridden item by its name
    # each layout: form, SWOT grid, table, score sheet with total and verdict, roll-up
    assert "¥880,000,000.00" in text and "•用友U8" in text
    assert "优势" in text and "威胁" in text and "竞争对手已有关系" in text
    assert "需求1：月结在三天内完成" in text and "¥10,000.00" in text
    assert "26/30（87%）" in text and "值得跟进" in text
    assert "大项目汇总上报表" in text and "2026Q1" in text
    assert "retired_template" in text and "旧数据" in text  # a template no longer in the playbook
    # footer: page N of M and the internal mark on every page
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页/共{total}页" in page
        assert "内部资料" in page


def test_the_review_reads_in_english(tmp_path, review):
    path = tmp_path / "review.pdf"
    render_deal_review(path, review, "en")
    text = " ".join(PdfReader(path).pages[i].extract_text() for i in range(2))
    assert "Deal review" in text and "Project approval" in text
    assert "Page 1 of" in text and "Estimated amount" in text and "Presales consultant" in text


def test_long_tables_split_across_pages_with_their_header_repeated(tmp_path):
    path = tmp_path / "long.pdf"
    render_deal_review(path, make_review(rows=120), "zh_CN")
    pages = pages_text(path)
    holding = [p for p in pages if re.search(r"需求\d+：", p)]
    assert len(holding) >= 3  # the needs table runs over several pages
    for page in holding:  # each piece starts with the column headers
        assert "需求优先级已确认预算" in page
    assert "需求120：" in "".join(pages)


def test_a_very_long_text_wraps_and_splits(tmp_path, review):
    sheet = replace(review.worksheets[0], data={"notes": "长文本不应溢出页面。" * 1200})
    path = tmp_path / "wrap.pdf"
    render_deal_review(path, replace(review, worksheets=[sheet]), "zh_CN")
    pages = pages_text(path)
    assert len(pages) > 3
    # without the footers, the text runs on from page to page, all of it
    footer = r"商机评审报告·华东机械有限公司·华东工厂ERP升级|内部资料·请勿外传第\d+页/共\d+页"
    text = "".join(re.sub(footer, "", p) for p in pages)
    assert text.count("长文本不应溢出页面。") == 1200


def test_a_closed_lost_deal_shows_its_reason(tmp_path, review):
    deal = replace(
        review.deal, status=DealStatus.LOST, lost_reason="price", winning_competitor="金蝶"
    )
    path = tmp_path / "lost.pdf"
    render_deal_review(path, replace(review, deal=deal, history=[], worksheets=[]), "zh_CN")
    text = "".join(pages_text(path))
    assert "丢单" in text and "价格" in text and "金蝶" in text


def test_the_pdf_embeds_the_cjk_font(tmp_path, review):
    path = tmp_path / "review.pdf"
    render_deal_review(path, review)
    pdf = path.read_bytes()
    assert b"/FontFile2" in pdf and b"WenQuanYiMicroHei" in pdf
    assert b"STSong" not in pdf


def test_a_failed_rendering_leaves_no_file_and_keeps_the_old_one(tmp_path, review):
    path = tmp_path / "review.pdf"
    path.write_bytes(b"the old review")

    def broken(context: str, text: str) -> str:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        render_deal_review(path, review, "zh_CN", translate=broken)
    assert path.read_bytes() == b"the old review"
    assert [p.name for p in tmp_path.iterdir()] == ["review.pdf"]


def test_the_review_is_a_plain_dataclass(review):
    assert isinstance(review, DealReview)
    assert review.playbook.stage(review.deal.stage).names.zh == "推动客户立项"
