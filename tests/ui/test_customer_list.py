"""The customers page: search as you type, filters, sorting by header, the
panel following the selection, and delete with confirmation."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from erpdesk.domain.customer import CustomerStatus, Source
from erpdesk.ui.customer_list import CustomerListPage
from erpdesk.ui.customer_model import COLUMN_KEYS
from erpdesk.ui.widgets import settle_minimum_size


@pytest.fixture
def page(qtbot, service, settings, samples):
    widget = CustomerListPage(service, settings)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    settle_minimum_size(widget)  # as a window of its own here
    widget.show()
    return widget


def names(page: CustomerListPage) -> list[str]:
    model = page.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("lc", "浪潮电子信息产业股份有限公司"),  # pinyin initials
        ("langchao", "浪潮电子信息产业股份有限公司"),  # full pinyin
        ("85106000", "浪潮电子信息产业股份有限公司"),  # phone digits
        ("0531-8510", "浪潮电子信息产业股份有限公司"),  # phone as typed
        ("163446410b", "浪潮电子信息产业股份有限公司"),  # part of the USCC
        ("海尔", "海尔集团公司"),  # the name itself
    ],
)
def test_search_as_you_type_finds_the_customer(qtbot, page, typed, expected):
    if typed.isascii():
        qtbot.keyClicks(page.search_edit, typed)
    else:  # QTest types Latin-1 only; an input method inserts the whole word
        page.search_edit.insert(typed)
    assert expected in names(page)
    assert page.model.total() == len(names(page)) < 5


def test_each_keystroke_requeries_quickly(qtbot, page, add_customers):
    # The real figure is bench/bench_ui.py's (100,000 customers, docs/
    # benchmarks.md); here only a gross slowdown fails, since the suite runs
    # on every core at once.
    add_customers(3000)
    page.search_edit.clear()
    started = time.perf_counter()
    qtbot.keyClicks(page.search_edit, "lczx")
    per_key = (time.perf_counter() - started) / 4
    assert page.model.total() == len(names(page))
    assert per_key < 0.5, f"{per_key * 1000:.0f} ms per keystroke"


def test_clearing_the_search_shows_everyone(qtbot, page):
    qtbot.keyClicks(page.search_edit, "lc")
    assert page.model.total() == 1
    page.search_edit.clear()
    assert page.model.total() == 5


def test_filters_combine_with_the_search(page):
    page.province_filter.setCurrentIndex(page.province_filter.findData("山东省"))
    assert sorted(names(page)) == sorted(
        ["浪潮电子信息产业股份有限公司", "海尔集团公司", "青岛啤酒股份有限公司"]
    )
    page.source_filter.set_member(Source.REFERRAL)
    assert names(page) == ["浪潮电子信息产业股份有限公司"]
    page.source_filter.setCurrentIndex(0)
    page.status_filter.set_member(CustomerStatus.SIGNED)
    assert names(page) == ["青岛啤酒股份有限公司"]
    page.status_filter.setCurrentIndex(0)
    page.province_filter.setCurrentIndex(0)
    page.industry_filter.setCurrentIndex(page.industry_filter.findData("machinery"))
    assert names(page) == ["三一重工股份有限公司"]
    assert page.source_filter.itemText(0) == "All sources"


def test_clicking_a_header_sorts_through_the_model(qtbot, page):
    header = page.table.horizontalHeader()
    column = COLUMN_KEYS.index("name")
    before = names(page)
    centre = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2,
                    header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert page.model.sort_key == "name" and page.model.descending
    assert names(page) == before[::-1]
    region = COLUMN_KEYS.index("region")
    centre = QPoint(header.sectionViewportPosition(region) + header.sectionSize(region) // 2,
                    header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert page.model.sort_key == "region"


def test_selecting_a_row_shows_the_customer(page, samples):
    assert page.detail.customer_id is None
    assert not page.edit_button.isEnabled()
    page.select_customer(samples["浪潮"].id)
    assert page.detail.customer_id == samples["浪潮"].id
    assert page.detail.name_label.text() == "浪潮电子信息产业股份有限公司"
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()


def test_double_click_opens_the_editor(qtbot, page, samples):
    row = page.model.row_of(samples["海尔"].id)
    rect = page.table.visualRect(page.model.index(row, 0))
    with qtbot.waitSignal(page.editor_opened) as blocker:
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = blocker.args[0]
    assert editor.name_edit.text() == "海尔集团公司"
    editor.reject()


def test_delete_asks_first(page, samples, message_boxes, service):
    page.select_customer(samples["三一"].id)
    message_boxes.answer = QMessageBox.StandardButton.No
    assert not page.delete_customer()
    assert page.model.total() == 5
    message_boxes.answer = QMessageBox.StandardButton.Yes
    assert page.delete_customer()
    assert "三一重工股份有限公司" not in names(page)
    assert page.model.total() == 4
    assert page.detail.customer_id is None
    assert not page.delete_button.isEnabled()
    assert message_boxes.calls[0][0] == "question"


def test_selection_survives_a_refresh(page, samples, service, add_contact):
    page.select_customer(samples["美的"].id)
    add_contact(samples["美的"])  # publishes a change: the model re-queries
    assert page.current_id() == samples["美的"].id
    assert page.detail.contact_model.rowCount() == 1


def test_the_panel_stays_on_its_customer_after_adding_a_contact(page, samples, add_contact):
    # The panel shows a customer outside the search (opened from an editor's
    # duplicate warning, say) while the table's current row is another one:
    # the refresh a new contact causes keeps the panel's customer.
    page.search_edit.insert("海尔")
    page.select_customer(samples["海尔"].id)
    assert not page.select_customer(samples["美的"].id)  # not in the search
    add_contact(samples["美的"], name="李娜", mobile="13900139000")
    assert page.detail.customer_id == samples["美的"].id
    assert page.detail.contact_model.rowCount() == 1


def test_ctrl_end_goes_to_the_last_customer_not_the_last_loaded_row(qtbot, page, add_customers):
    from erpdesk.ui.customer_model import PAGE_SIZE

    add_customers(PAGE_SIZE * 2 + 30)
    page.model.refresh(keep_loaded=False)
    assert page.model.rowCount() < page.model.total() or not page.model.counted_total()
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    total = page.model.total()
    assert total == PAGE_SIZE * 2 + 30 + 5  # the samples too
    assert page.model.rowCount() == total
    assert page.table.currentIndex().row() == total - 1
    assert page.detail.customer_id == page.model.row_at(total - 1).id


def test_the_name_column_stays_in_place_when_scrolling_sideways(qtbot, page):
    page.resize(700, 500)  # narrower than the columns: a horizontal scroll bar
    qtbot.waitUntil(lambda: page.table.horizontalScrollBar().maximum() > 0)
    bar = page.table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    frozen = page.table.frozen
    assert frozen.isVisible() and frozen.x() <= page.table.frameWidth() + 1
    assert frozen.width() == page.table.columnWidth(0)
    assert not frozen.isColumnHidden(0) and frozen.isColumnHidden(1)
    assert frozen.model().index(0, 0).data() == names(page)[0]
    # a click on the frozen header sorts by name, descending the second time
    first = names(page)[0]
    frozen.horizontalHeader().sectionClicked.emit(0)
    assert names(page)[-1] == first


def test_search_finds_a_contacts_name_and_mobile_and_the_row_says_so(qtbot, page, samples,
                                                                     add_contact):
    add_contact(samples["美的"], name="欧阳娜娜", mobile="13912345678")
    page.search_edit.insert("欧阳娜娜")
    assert names(page) == ["美的集团股份有限公司 · contact 欧阳娜娜 13912345678"]
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "ouyangnana")  # full pinyin
    assert len(names(page)) == 1 and "欧阳娜娜" in names(page)[0]
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "1391234")  # the mobile
    assert len(names(page)) == 1 and "13912345678" in names(page)[0]
    page.search_edit.clear()
    page.search_edit.insert("美的")  # the customer itself: no note
    assert names(page) == ["美的集团股份有限公司"]


def test_an_empty_result_says_what_was_searched_and_clears_it(qtbot, page, samples):
    page.source_filter.setCurrentIndex(1)
    page.search_edit.insert("没有这家公司")
    assert page.model.total() == 0
    assert page.empty.isVisible()
    text = page.empty_label.text()
    assert "没有这家公司" in text and page.source_filter.currentText() in text
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert page.search_edit.text() == "" and page.source_filter.currentIndex() == 0
    assert page.model.total() == 5 and not page.empty.isVisible()
