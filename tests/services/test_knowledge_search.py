"""Search as you type over the knowledge base: Chinese substrings, full
pinyin, pinyin initials, mixed queries, ranking, snippets, the empty query,
no match, and typing on (a narrowed scan gives what a fresh one gives)."""

from __future__ import annotations

import pytest

from erpdesk.domain.knowledge import FIELD_LABELS
from erpdesk.domain.search_key import pinyin_forms
from erpdesk.knowledge import shipped_knowledge
from erpdesk.services.knowledge_search import (
    BREAK,
    KnowledgeHit,
    KnowledgeIndex,
    pinyin_parts,
)


@pytest.fixture(scope="module")
def index() -> KnowledgeIndex:
    return KnowledgeIndex(shipped_knowledge())


def marked(hit: KnowledgeHit) -> str:
    """The hit's highlighted part."""
    start, end = hit.highlight
    return hit.snippet[start:end]


def keys(hits: list[KnowledgeHit]) -> list[tuple[str, str]]:
    return [(h.entry.kind, h.entry.code) for h in hits]


def test_a_chinese_substring_finds_titles_first_then_texts(index: KnowledgeIndex) -> None:
    hits = index.search("月结")
    first = hits[0]
    assert (first.entry.kind, first.entry.code) == ("demo", "finance.month_end")
    assert (first.in_title, first.field, first.how) == (True, "title", "text")
    assert first.entry.title == "一键月结与合并报表" and first.entry.subtitle == "财务管理"
    assert marked(first) == "月结"
    rest = hits[1:]
    assert rest and not any(h.in_title for h in rest)
    assert ("module", "finance") in keys(rest)
    assert all(marked(h) == "月结" and h.field in FIELD_LABELS for h in rest)


def test_full_pinyin_finds_the_chinese_it_spells(index: KnowledgeIndex) -> None:
    hits = index.search("yuejie")
    assert hits[0].entry.code == "finance.month_end"
    assert (hits[0].how, marked(hits[0])) == ("pinyin", "月结")
    by_code = {h.entry.code: h for h in hits}
    assert marked(by_code["finance"]) == "月结"
    # a competitor's name, typed in pinyin
    assert keys(index.search("dingjie"))[0] == ("competitor", "digiwin")
    # initials do not run across punctuation: 体系，预置 is no "txyz"
    assert index.search("txyz") == []


def test_pinyin_initials_find_the_words_they_abbreviate(index: KnowledgeIndex) -> None:
    hits = index.search("yszk")
    assert hits and all(h.how == "initials" for h in hits)
    assert {marked(h) for h in hits} == {"应收账款"}
    assert ("module", "sales_distribution") in keys(hits)
    # initials of a title rank it first
    assert keys(index.search("kcgl"))[0] == ("module", "inventory")


def test_latin_words_in_the_texts_are_found_as_written(index: KnowledgeIndex) -> None:
    hits = index.search("MES")
    assert ("module", "production") in keys(hits)
    assert all(h.how == "text" and marked(h) == "MES" for h in hits)
    assert keys(index.search("sap"))[0] == ("competitor", "sap")


def test_mixed_queries(index: KnowledgeIndex) -> None:
    # Chinese and initials in one word
    mixed = index.search("应收zk")
    assert keys(mixed) == keys(index.search("yszk"))
    assert {marked(h) for h in mixed} == {"应收账款"}
    # several words: every one must be found in the entry, each in any form
    assert keys(index.search("SAP 银行")) == [("competitor", "sap")]
    assert keys(index.search("sap yinhang")) == [("competitor", "sap")]
    both = index.search("条码 pandian")
    assert keys(both)[0] == ("demo", "inventory.barcode_warehouse")
    assert both[0].in_title  # 条码仓库：收货、上架、拣货与盘点
    assert index.search("条码 zzzz") == []


def test_ranking_title_prefix_then_title_then_texts(index: KnowledgeIndex) -> None:
    hits = index.search("库存")
    titles = [h for h in hits if h.in_title]
    assert keys(titles)[0] == ("module", "inventory")  # 库存管理: starts with it
    # every title match before every text match
    flags = [h.in_title for h in hits]
    assert flags == sorted(flags, reverse=True)
    assert len(hits) > len(titles) > 0
    # as written before pinyin before initials, among the text matches
    texts = index.search("kucun")
    order = {"text": 0, "pinyin": 1, "initials": 2}
    body = [order[h.how] for h in texts if not h.in_title]
    assert body == sorted(body)


def test_snippets_are_cut_around_the_match(index: KnowledgeIndex) -> None:
    hit = next(h for h in index.search("网上银行") if h.field == "architecture")
    assert hit.snippet.startswith("…") and len(hit.snippet) <= 62
    assert marked(hit) == "网上银行"
    assert hit.snippet.endswith("直连对接。")  # the end of the text: no "…"
    # a short text is shown whole
    short = index.search("鼎捷")[0]
    assert (short.snippet, marked(short)) == ("鼎捷", "鼎捷")


def test_the_empty_query_lists_every_entry_in_order(index: KnowledgeIndex) -> None:
    base = shipped_knowledge()
    hits = index.search("   ")
    assert len(hits) == len(index) == (
        len(base.modules) + sum(len(m.demos) for m in base.modules)
        + len(base.industries) + len(base.competitors)
    )
    assert keys(hits)[:2] == [("module", "finance"), ("demo", "finance.month_end")]
    assert all(h.snippet == "" and h.field == "" for h in hits)
    assert len(index.search("", limit=5)) == 5


def test_no_match(index: KnowledgeIndex) -> None:
    assert index.search("xyzzyq") == []
    assert index.search("区块链元宇宙") == []


def test_typing_on_gives_what_a_fresh_search_gives() -> None:
    typed = KnowledgeIndex(shipped_knowledge())
    fresh = KnowledgeIndex(shipped_knowledge())
    for query in ["k", "ku", "kuc", "kucu", "kucun", "kucu", "应", "应收", "应收z", "应收zk",
                  "s", "sa", "sap", "sap ", "sap y", "sap yin", "财", "财务", "财务 ", "财务 g"]:
        fresh._last = None
        assert keys(typed.search(query)) == keys(fresh.search(query)), query
    assert len(typed.search("k", limit=3)) == 3


def test_the_pinyin_is_the_customer_search_s(index: KnowledgeIndex) -> None:
    for entry in shipped_knowledge().entries():
        for _field, text in entry.texts():
            full, initials, lengths = pinyin_parts(text)
            assert (full.replace(BREAK, ""), initials.replace(BREAK, "")) == pinyin_forms(text)
            assert sum(lengths) == len(full) and len(lengths) == len(text)
