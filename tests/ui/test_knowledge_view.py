"""The knowledge base tab of the presales area: the index read on a worker,
search as you type (Chinese, pinyin, initials), the kind filter, the reader
and the demo script on the clipboard."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication

from erpdesk.domain.knowledge import KnowledgeBase
from erpdesk.knowledge import shipped_knowledge
from erpdesk.services.knowledge_search import KnowledgeHit
from erpdesk.ui.main_window import AREAS, MainWindow
from erpdesk.ui.presales.knowledge_html import module_html
from erpdesk.ui.presales.knowledge_model import HIT_ROLE, Heading, KnowledgeResultModel
from erpdesk.ui.presales.knowledge_view import (
    EMPTY_PAGE,
    ERROR_PAGE,
    LOADING_PAGE,
    RESULTS_PAGE,
    KnowledgeView,
)
from erpdesk.ui.presales.page import PresalesPage

NO_MATCH = "量子计算机"
# the offscreen platform warns when a top-level widget is shown
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def make_view(qtbot):
    def make(load=shipped_knowledge) -> KnowledgeView:
        view = KnowledgeView(load)
        qtbot.addWidget(view)
        view.resize(1100, 700)
        view.show()
        with qtbot.waitSignal(view.loaded, timeout=5000):
            pass
        return view

    yield make


def titles(view: KnowledgeView) -> list[str]:
    return [row.entry.title for row in view.model.rows if isinstance(row, KnowledgeHit)]


def kinds(view: KnowledgeView) -> set[str]:
    return {row.entry.kind for row in view.model.rows if isinstance(row, KnowledgeHit)}


def test_the_index_is_built_off_the_ui_thread_while_the_tab_says_it_loads(qtbot):
    started, release = threading.Event(), threading.Event()
    threads: list[int] = []

    def slow_load() -> KnowledgeBase:
        threads.append(threading.get_ident())
        started.set()
        release.wait(5)
        return shipped_knowledge()

    view = KnowledgeView(slow_load)
    qtbot.addWidget(view)
    assert started.wait(5)
    assert view.loading and view.results.currentIndex() == LOADING_PAGE
    assert view.loading_label.text() == "Loading the knowledge base…"
    view.search_edit.setText("月结")  # typed while loading: answered once loaded
    assert view.model.rowCount() == 0
    with qtbot.waitSignal(view.loaded, timeout=5000):
        release.set()
    assert threads and threads[0] != threading.get_ident()
    assert view.load_thread == threads[0]
    assert not view.loading
    assert titles(view)[0] == "一键月结与合并报表"


def test_an_empty_query_lists_every_entry_grouped_by_kind(make_view):
    view = make_view()
    base = shipped_knowledge()
    demos = sum(len(m.demos) for m in base.modules)
    total = len(base.modules) + demos + len(base.industries) + len(base.competitors)
    headings = [row for row in view.model.rows if isinstance(row, Heading)]
    assert [(h.kind, h.count) for h in headings] == [
        ("module", len(base.modules)), ("demo", demos),
        ("industry", len(base.industries)), ("competitor", len(base.competitors)),
    ]
    assert view.model.hit_count() == total
    assert view.count_label.text() == f"{total} entries"
    first = view.model.index(0, 0)
    assert first.data() == "Modules"
    assert not view.model.flags(first) & Qt.ItemFlag.ItemIsSelectable  # a heading
    assert view.model.flags(view.model.index(1, 0)) & Qt.ItemFlag.ItemIsSelectable
    # the first entry is selected and read
    assert view.shown == ("module", base.modules[0].code)


@pytest.mark.parametrize("query", ["月结", "yuejie", "yjyhb", "月结 hebing"])
def test_typing_chinese_pinyin_or_initials_narrows_the_list(make_view, qtbot, query):
    view = make_view()
    everything = view.model.hit_count()
    view.search_edit.setText(query)
    assert 0 < view.model.hit_count() < everything
    assert titles(view)[0] == "一键月结与合并报表"
    assert not any(isinstance(row, Heading) for row in view.model.rows)  # ranked, not grouped
    hit = view.model.index(0, 0).data(HIT_ROLE)
    start, end = hit.highlight
    assert end > start  # the snippet's match is marked
    # the reader follows the best hit once typing pauses
    qtbot.waitUntil(lambda: view.shown == ("demo", "finance.month_end"), timeout=2000)


def test_the_reader_shows_a_modules_fab_table_and_a_demo_scripts_steps(make_view, qtbot):
    view = make_view()
    base = shipped_knowledge()
    finance = base.module("finance")
    view.search_edit.setText("财务管理")
    view.set_kind("demo")  # the module is not listed; then chosen from the list
    view.set_kind("module")
    view.list_view.setCurrentIndex(view.model.index(view.model.row_of("module", "finance"), 0))
    assert view.shown == ("module", "finance")
    html = view.reader.toHtml()
    assert "<table" in html
    text = view.reader.toPlainText()
    assert "FAB statements" in text
    for fab in finance.fab:
        assert fab.feature in text and fab.benefit in text
    assert "Feature" in text and "Benefit" in text
    assert not view.copy_button.isEnabled()  # a module is not a demo script
    demo = finance.demos[0]
    view.set_kind("")
    view.search_edit.setText(demo.title)  # the best hit: read once typing pauses
    qtbot.waitUntil(lambda: view.shown == ("demo", demo.code), timeout=2000)
    text = view.reader.toPlainText()
    assert "Scenario steps" in text and "Data to prepare" in text
    for step in demo.steps:
        assert step in text
    assert f"{demo.duration_minutes} minutes" in text
    assert view.copy_button.isEnabled()


def test_the_reader_follows_links_to_other_entries(make_view, qtbot):
    view = make_view()
    finance = shipped_knowledge().module("finance")
    view.show_entry("module", "finance")
    # a module links its demo scripts: following one reads it
    with qtbot.waitSignal(view.entry_shown) as shown:
        view.reader.anchorClicked.emit(QUrl(f"demo:{finance.demos[0].code}"))
    assert shown.args == ["demo", finance.demos[0].code]
    assert finance.demos[0].steps[0] in view.reader.toPlainText()


def test_the_reader_escapes_every_text():
    base = shipped_knowledge()
    module = replace(base.module("finance"), name="<b>财务&</b>",
                     processes=("<script>x</script>",))
    html = module_html(module)
    assert "<b>财务" not in html and "&lt;b&gt;财务&amp;&lt;/b&gt;" in html
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html


def test_the_kind_filter_keeps_one_kind(make_view):
    view = make_view()
    view.set_kind("competitor")
    assert kinds(view) == {"competitor"}
    assert view.model.hit_count() == len(shipped_knowledge().competitors)
    view.search_edit.setText("SAP")
    assert kinds(view) == {"competitor"} and titles(view) == ["SAP"]
    view.set_kind("industry")
    assert kinds(view) == {"industry"} and view.model.hit_count() > 1  # vendors name SAP
    view.set_kind("")
    assert {"competitor", "industry"} <= kinds(view)


def test_no_match_says_what_was_searched_and_offers_to_clear(make_view):
    view = make_view()
    view.search_edit.setText(NO_MATCH)
    assert view.results.currentIndex() == EMPTY_PAGE
    assert view.model.rowCount() == 0
    assert NO_MATCH in view.empty_label.text()
    assert view.empty_label.text() == f"Nothing in the knowledge base matches “{NO_MATCH}”."
    view.set_kind("demo")
    assert view.empty_label.text() == f"No demo script matches “{NO_MATCH}”."
    view.clear_button.click()
    assert view.search_edit.text() == "" and view.kind() == ""
    assert view.results.currentIndex() == RESULTS_PAGE
    assert view.index is not None and view.model.hit_count() == len(view.index)


def test_copy_demo_script_puts_plain_text_on_the_clipboard(make_view, qtbot):
    view = make_view()
    demo = shipped_knowledge().demo("finance.month_end")
    view.search_edit.setText("yuejie")
    qtbot.waitUntil(lambda: view.shown == ("demo", demo.code), timeout=2000)
    view.copy_button.click()
    text = QGuiApplication.clipboard().text()
    assert text.startswith(f"{demo.title} ({demo.duration_minutes} minutes)\n")
    assert "Module: 财务管理" in text
    for n, step in enumerate(demo.steps, 1):
        assert f"{n}. {step}\n" in text
    for item in demo.data_to_prepare:
        assert f"- {item}\n" in text
    assert "<" not in text  # plain text, no markup


def test_a_base_that_cannot_be_read_is_named(make_view, tmp_path, monkeypatch):
    from erpdesk.knowledge import forget_read, read_knowledge

    (tmp_path / "competitors.toml").write_text("[[competitors]\n", encoding="utf-8")
    forget_read()
    try:
        view = make_view(lambda: read_knowledge(tmp_path))
    finally:
        forget_read()
    assert view.results.currentIndex() == ERROR_PAGE
    assert "competitors.toml" in view.error_label.text()
    view.search_edit.setText("yuejie")  # no index: nothing to answer, no error
    assert view.model.rowCount() == 0


def test_the_result_model_passes_the_model_tester(qtmodeltester, make_view):
    view = make_view()
    qtmodeltester.check(view.model)
    view.search_edit.setText("sap")
    qtmodeltester.check(view.model)
    model = KnowledgeResultModel()
    qtmodeltester.check(model)
    assert model.rowCount(model.index(0, 0)) == 0


def test_the_presales_area_of_the_window_holds_the_knowledge_base(qtbot, service, settings):
    window = MainWindow(service, settings)
    qtbot.addWidget(window)
    window.show()
    window.rail.setCurrentRow([key for key, _i, _t in AREAS].index("presales"))
    page = window.pages.currentWidget()
    assert isinstance(page, PresalesPage) and page is window.presales
    assert page.tabs.tabText(0) == "Knowledge base"
    qtbot.waitUntil(lambda: page.knowledge.index is not None, timeout=5000)
    page.knowledge.search_edit.setText("kucun")
    assert "库存管理" in titles(page.knowledge)
    window.rail.setCurrentRow(0)
    window.rail.setCurrentRow([key for key, _i, _t in AREAS].index("presales"))
    assert window.pages.currentWidget() is page  # made once
    window.close()
