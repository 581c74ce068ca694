"""The Today page on a real desk: it lists the sections, Done on an
overdue todo takes it off (the service's state checked), Move tomorrow
moves it, opening a row emits the signal with the right id, "and N more"
asks for the list, the task dialog refuses a past due time and keeps the
text, the export writes a calendar, and the empty page says so."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar
from PySide6.QtCore import QModelIndex

from erpdesk.domain.customer import Customer
from erpdesk.services.today import DueState, ItemKind, SectionKey, TodayItem, TodayService
from erpdesk.services.todos import TodoService
from erpdesk.storage.database import connect
from erpdesk.storage.today_queries import TodayQueries
from erpdesk.ui.today import TodayServices
from erpdesk.ui.today.model import ITEM_ROLE, MORE_ROLE, SECTION_ROLE
from erpdesk.ui.today.page import TodayPage
from erpdesk.ui.today.todo_dialog import TodoDialog
from erpdesk.ui.widgets import settle_minimum_size

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)  # Monday 10:00 in Beijing


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 12, day, hour, tzinfo=CST)


@pytest.fixture
def clock():
    return [NOW]


@pytest.fixture
def services(desk, clock) -> TodayServices:
    now = lambda: clock[0]  # noqa: E731
    queries = TodayQueries(desk.db.reader, lambda: connect(desk.db.path))
    return TodayServices(
        today=TodayService(queries, clock=now, zone=CST, limit=5),
        todos=TodoService(desk.unit_of_work, desk.feed, clock=now, zone=CST),
        customers=desk.customers, deals=desk.deals,
    )  # fmt: skip


@pytest.fixture
def world(desk, services, clock):
    huaxin = desk.customers.create(Customer(name="济南华信机械有限公司"))
    deal = desk.deals.create(huaxin.id, "华信ERP一期", close_date=date(2026, 12, 9))
    clock[0] = NOW - timedelta(days=2)
    late = services.todos.add_task(huaxin.id, "回电话确认需求", at(6, 9))
    clock[0] = NOW
    later = services.todos.add_task(huaxin.id, "发报价", at(7, 16), deal_id=deal.id)
    return dict(huaxin=huaxin, deal=deal, late=late, later=later)


def make_page(qtbot, services) -> TodayPage:
    page = TodayPage(services)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    settle_minimum_size(page)
    page.show()
    qtbot.waitUntil(lambda: not page.scanning, timeout=5000)
    return page


def rows(page: TodayPage) -> dict[SectionKey, list[QModelIndex]]:
    """The item and "more" rows (column 0) under each section header."""
    found: dict[SectionKey, list[QModelIndex]] = {}
    model = page.model
    for row in range(model.rowCount()):
        head = model.index(row, 0)
        found[head.data(SECTION_ROLE)] = [
            model.index(child, 0, head) for child in range(model.rowCount(head))
        ]
    return found


def item_ids(page: TodayPage, key: SectionKey) -> list[str]:
    return [i.data(ITEM_ROLE).id for i in rows(page).get(key, []) if i.data(ITEM_ROLE)]


def choose(page: TodayPage, item_id: str) -> TodayItem:
    for indexes in rows(page).values():
        for index in indexes:
            item = index.data(ITEM_ROLE)
            if item is not None and item.id == item_id:
                page.tree.setCurrentIndex(index)
                return item
    raise AssertionError(f"no row of {item_id}")


def test_the_page_lists_the_sections_and_counts(qtbot, services, world):
    page = make_page(qtbot, services)
    assert item_ids(page, SectionKey.OVERDUE) == [world["late"].id]
    assert item_ids(page, SectionKey.TODAY) == [world["later"].id]
    assert item_ids(page, SectionKey.DEALS) == [world["deal"].id]
    assert page.counts_label.text() == "1 overdue · 1 due today · 0 in the next 7 days"
    assert page.date_label.text() == "Monday, 7 December 2026"
    overdue = rows(page)[SectionKey.OVERDUE][0]
    when = overdue.siblingAtColumn(2).data()
    assert when == "yesterday 09:00"


def test_done_takes_an_overdue_todo_off_and_the_service_records_it(qtbot, services, world):
    page = make_page(qtbot, services)
    choose(page, world["late"].id)
    assert page.done_button.isEnabled() and page.move_button.isEnabled()
    page.done_current()
    assert services.todos.todo(world["late"].id).done_at is not None
    assert item_ids(page, SectionKey.OVERDUE) == []
    assert "Done: 回电话确认需求" in page.status.text()


def test_move_tomorrow_moves_the_todo_to_9_in_the_morning(qtbot, services, world):
    page = make_page(qtbot, services)
    choose(page, world["late"].id)
    page.move_current("tomorrow")
    assert services.todos.todo(world["late"].id).due_at == at(8, 9)
    assert world["late"].id in item_ids(page, SectionKey.WEEK)


def test_opening_a_row_emits_what_it_is_about(qtbot, services, world):
    page = make_page(qtbot, services)
    opened: list[tuple[str, str]] = []
    page.open_deal.connect(lambda i: opened.append(("deal", i)))
    page.open_customer.connect(lambda i: opened.append(("customer", i)))
    choose(page, world["later"].id)  # a todo of a deal opens its deal
    page.open_current()
    choose(page, world["late"].id)  # a todo without a deal opens its customer
    page.open_current()
    deal_row = rows(page)[SectionKey.DEALS][0]
    page.tree.activated.emit(deal_row)
    assert opened == [("deal", world["deal"].id), ("customer", world["huaxin"].id),
                      ("deal", world["deal"].id)]  # fmt: skip
    assert not page.move_button.isEnabled() or deal_row.data(ITEM_ROLE).kind is ItemKind.DEAL


def test_more_todos_show_in_place_and_more_deals_ask_for_the_list(qtbot, services, desk, world):
    for hour in range(7):
        services.todos.add_task(world["huaxin"].id, f"待办{hour}", at(9, 9 + hour))
    for n in range(5):
        desk.deals.create(world["huaxin"].id, f"华信{n}期", close_date=date(2026, 12, 10 + n))
    page = make_page(qtbot, services)
    week = rows(page)[SectionKey.WEEK]
    assert len(week) == 6  # five rows and "… and 2 more"
    more = week[-1]
    assert more.data(MORE_ROLE) is SectionKey.WEEK and "2 more" in more.data()
    page.tree.activated.emit(more)  # the todos: every row, here
    assert len(item_ids(page, SectionKey.WEEK)) == 7
    assert all(i.data(MORE_ROLE) is None for i in rows(page)[SectionKey.WEEK])
    deals_more = rows(page)[SectionKey.DEALS][-1]
    assert "1 more" in deals_more.data()
    with qtbot.waitSignal(page.show_list) as asked:  # the deals: the window's list
        page.tree.activated.emit(deals_more)
    assert asked.args == ["deals"]


def test_the_task_dialog_refuses_a_past_due_time_and_keeps_the_text(qtbot, services, world):
    dialog = TodoDialog(
        services, customer_id=world["huaxin"].id, customer_name="济南华信机械有限公司"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("准备演示环境")
    dialog.notes_edit.setPlainText("财务模块")
    dialog.set_due(at(6, 15))  # yesterday
    height = dialog.sizeHint().height()
    assert dialog.save() is False
    assert "in the past" in dialog.problem_labels["due_at"].text()
    assert dialog.problem_labels["due_at"].isVisible()
    assert dialog.sizeHint().height() == height  # the form does not shift
    assert (dialog.title_edit.text(), dialog.notes_edit.toPlainText()) == (
        "准备演示环境",
        "财务模块",
    )
    assert services.todos.of_customer(world["huaxin"].id)[-1].title != "准备演示环境"
    dialog.set_due(at(8, 10))
    dialog.deal_combo.setCurrentIndex(dialog.deal_combo.findData(world["deal"].id))
    assert dialog.save() is True
    saved = services.todos.todo(dialog.saved_id)
    assert (saved.title, saved.due_at, saved.deal_id) == (
        "准备演示环境",
        at(8, 10),
        world["deal"].id,
    )


def test_the_task_dialog_finds_the_customer_and_needs_one(qtbot, services, world):
    dialog = TodoDialog(services)
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("拜访")
    assert dialog.save() is False
    assert dialog.problem_labels["customer_id"].text() == "A todo needs a customer"
    dialog.customer_search.setText("华信")
    dialog.search()
    assert dialog.customer_id() == world["huaxin"].id
    assert dialog.deal_combo.findData(world["deal"].id) > 0
    assert dialog.save() is True


def test_the_export_writes_the_open_todos(qtbot, services, world, tmp_path):
    page = make_page(qtbot, services)
    target = tmp_path / "today.ics"
    assert page.export(str(target)) == 2
    calendar = Calendar.from_ical(target.read_bytes())
    titles = sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))
    assert titles[0].startswith("Task: 发报价")


def test_an_empty_page_says_so_and_offers_a_new_task(qtbot, services):
    page = make_page(qtbot, services)
    assert page.stack.currentIndex() == 1
    assert "Nothing is due today" in page.empty_label.text()
    assert page.empty_new_button.isVisible() and not page.actions_bar.isVisible()


def test_a_change_elsewhere_reads_the_page_again(qtbot, services, world):
    page = make_page(qtbot, services)
    services.todos.done(world["later"].id)  # e.g. from the customer's page
    qtbot.waitUntil(lambda: item_ids(page, SectionKey.TODAY) == [], timeout=2000)


def test_every_kind_opens_its_own_record(qtbot, services, world):
    page = make_page(qtbot, services)
    opened: list[tuple[str, str]] = []
    for name in ("open_customer", "open_deal", "open_quote", "open_presales_task"):
        getattr(page, name).connect(lambda i, n=name: opened.append((n, i)))
    due = DueState.WAITING
    for kind, item_id in ((ItemKind.QUOTE, "q1"), (ItemKind.DEMO, "t1"), (ItemKind.SURVEY, "t2"),
                          (ItemKind.REGISTRATION, "c1"), (ItemKind.VISIT, "a1")):  # fmt: skip
        customer = item_id if kind is ItemKind.REGISTRATION else "c2"
        page.open_item(TodayItem(kind, item_id, "x", customer, "客户", due, deal_id="d1"))
    assert opened == [("open_quote", "q1"), ("open_presales_task", "t1"),
                      ("open_presales_task", "t2"), ("open_customer", "c1"),
                      ("open_customer", "c2")]  # fmt: skip


def test_an_edit_checks_the_title_and_the_move_before_writing_either(qtbot, services, world):
    todo = services.todos.todo(world["later"].id)
    dialog = TodoDialog(services, todo, customer_name="济南华信机械有限公司")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.customer_combo.isEnabled()
    assert dialog.deal_combo.currentData() == world["deal"].id
    dialog.title_edit.setText("发报价（含税）")
    dialog.set_due(at(6, 9))  # yesterday: refused
    assert dialog.save() is False
    assert services.todos.todo(todo.id).title == "发报价"  # nothing written
    assert dialog.problem_labels["due_at"].text()
    dialog.set_due(at(8, 11))
    assert dialog.save() is True
    saved = services.todos.todo(todo.id)
    assert (saved.title, saved.due_at) == ("发报价（含税）", at(8, 11))
