"""Today's sections on a real desk database: todos overdue, due today and
in the coming days; a demo the user attends today; a pending registration
and a protection expiring; a deal closing in 3 days; a quote waiting for
approval; a visit logged today; and what the user sees of colleagues'."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import text

from erpdesk.app import open_desk
from erpdesk.domain.customer import Activity, ActivityKind, Customer
from erpdesk.domain.presales import RequestKind, RequestState, TaskKind
from erpdesk.domain.quote import QuoteLine
from erpdesk.playbooks import read_playbook
from erpdesk.services.presales import LEAD_KEY, PresalesService
from erpdesk.services.quotes import QuoteService
from erpdesk.services.today import DueState, ItemKind, SectionKey, TodayService
from erpdesk.services.todos import TodoService
from erpdesk.storage.database import connect
from erpdesk.storage.today_queries import TodayQueries

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)  # Monday 10:00 in Beijing
USER = "li.rep"


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=CST)


def act_as(desk, name: str, role: str = "rep", lead: bool = False) -> None:
    with desk.unit_of_work() as uow:
        uow.meta_set("sync.user", name)
        uow.meta_set("sync.role", role)
        uow.meta_set(LEAD_KEY, "1" if lead else "0")
        uow.commit()


def set_columns(desk, customer_id: str, **values: object) -> None:
    """Registry-owned columns a pull would write (registration, protection)."""
    sets = ", ".join(f"{k} = :{k}" for k in values)
    with desk.db.engine.begin() as conn:
        conn.execute(
            text(f"UPDATE customer SET {sets} WHERE id = :id"), {**values, "id": customer_id}
        )


@pytest.fixture
def desk(tmp_path):
    opened = open_desk(tmp_path / "desk.db", owner=USER)
    yield opened
    opened.close()


@pytest.fixture
def clock():
    return [NOW]


@pytest.fixture
def todos(desk, clock) -> TodoService:
    return TodoService(desk.unit_of_work, desk.feed, clock=lambda: clock[0], zone=CST)


@pytest.fixture
def today(desk, clock) -> TodayService:
    queries = TodayQueries(desk.db.reader, lambda: connect(desk.db.path))
    return TodayService(queries, user=USER, clock=lambda: clock[0], zone=CST)


def a_demo_today(desk, deal) -> None:
    """A demo of *deal* today 14:00-16:00 that the user attends, planned by
    the consultant the lead assigned (the presales flow's own steps)."""
    presales = PresalesService(desk.unit_of_work, desk.feed, user=USER, playbook=read_playbook,
                               clock=lambda: NOW - timedelta(days=2))  # fmt: skip
    request = presales.ask(deal.customer_id, RequestKind.DEMO, deal_id=deal.id, submit=True,
                           modules=("finance",), wanted_from=date(2026, 12, 7))  # fmt: skip
    act_as(desk, "wang.lead", "presales", lead=True)
    presales.move_request(request.id, RequestState.ACCEPTED)
    presales.move_request(request.id, RequestState.ASSIGNED, consultant="zhao.pre")
    act_as(desk, "zhao.pre", "presales")
    engagement = presales.engagement_of(request.id)
    presales.add_task(engagement.id, TaskKind.DEMO, "财务演示", at(7, 14), at(7, 16),
                      our_attendees=(USER,))  # fmt: skip
    presales.add_task(engagement.id, TaskKind.SURVEY, "生产调研", at(10, 9), at(10, 12))
    act_as(desk, USER)


@pytest.fixture
def world(desk, todos, clock):
    """A desk with one of everything Today lists (made at *NOW*)."""
    huaxin = desk.customers.create(Customer(name="济南华信机械有限公司"))
    haida = desk.customers.create(Customer(name="青岛海达贸易有限公司"))
    deal = desk.deals.create(huaxin.id, "华信ERP一期", close_date=date(2026, 12, 10))
    desk.deals.create(haida.id, "海达二期", close_date=date(2027, 3, 1))  # not closing soon
    clock[0] = NOW - timedelta(days=3)  # made on Friday, due by now
    late = todos.add_task(huaxin.id, "回电话确认需求", at(6, 9))
    clock[0] = NOW
    later = todos.add_task(huaxin.id, "发报价", at(7, 16), deal_id=deal.id)
    week = todos.add_task(haida.id, "安排拜访", at(9, 10))
    beyond = todos.add_task(haida.id, "月底回访", at(20, 10))
    a_demo_today(desk, deal)
    set_columns(desk, haida.id, registration="pending")
    set_columns(desk, huaxin.id, registration="protected",
                protected_until=(NOW + timedelta(days=5)).isoformat())  # fmt: skip
    quotes = QuoteService(desk.unit_of_work, desk.feed, user=USER, clock=lambda: NOW)
    line = QuoteLine(description="财务模块", quantity=Decimal(1), unit_price=Decimal(100),
                     discount=Decimal(20))  # fmt: skip
    quote = quotes.new_quote(huaxin.id, deal_id=deal.id, lines=[line], title="一期报价")
    visit = desk.customers.log_activity(Activity(
        customer_id=huaxin.id, kind=ActivityKind.VISIT, occurred_at=NOW - timedelta(hours=1),
        summary="拜访信息中心", next_step="发报价"))  # fmt: skip
    return dict(huaxin=huaxin, haida=haida, deal=deal, late=late, later=later, week=week,
                beyond=beyond, quote=quote, visit=visit)  # fmt: skip


def ids(view, key: SectionKey) -> list[str]:
    return [i.id for i in view.section(key).items]


def test_every_section_lists_what_it_should(today, world):
    view = today.whole()
    assert view.user == USER and view.now == NOW.astimezone(CST)
    (late,) = view.section(SectionKey.OVERDUE).items
    assert (late.id, late.kind, late.due, late.customer) == (
        world["late"].id,
        ItemKind.TASK,
        DueState.OVERDUE,
        "济南华信机械有限公司",
    )
    kinds = [(i.kind, i.due) for i in view.section(SectionKey.TODAY).items]
    assert (ItemKind.TASK, DueState.TODAY) in kinds  # 发报价 at 16:00
    assert (ItemKind.DEMO, DueState.TODAY) in kinds  # the demo at 14:00 the user attends
    (visit,) = view.section(SectionKey.VISITS).items  # logged an hour ago
    assert (visit.id, visit.kind, visit.due) == (world["visit"].id, ItemKind.VISIT, DueState.DONE)
    demo = next(i for i in view.section(SectionKey.TODAY).items if i.kind is ItemKind.DEMO)
    assert (demo.task_id, demo.deal) != ("", "") and demo.deal == "华信ERP一期"
    later = next(i for i in view.section(SectionKey.TODAY).items if i.id == world["later"].id)
    assert (later.deal_id, later.deal, later.todo_id) == (
        world["deal"].id,
        "华信ERP一期",
        world["later"].id,
    )
    week = view.section(SectionKey.WEEK)
    assert world["week"].id in ids(view, SectionKey.WEEK)
    assert world["beyond"].id not in ids(view, SectionKey.WEEK)  # 13 days ahead
    assert ItemKind.SURVEY in [i.kind for i in week.items]  # the consultant's, on the user's deal
    assert [i.title for i in view.section(SectionKey.REGISTRATIONS).items] == [
        "青岛海达贸易有限公司"
    ]
    (expiring,) = view.section(SectionKey.EXPIRING).items
    assert (expiring.customer_id, expiring.due) == (world["huaxin"].id, DueState.SOON)
    (deal,) = view.section(SectionKey.DEALS).items
    assert (deal.deal_id, deal.when, deal.due) == (
        world["deal"].id,
        date(2026, 12, 10),
        DueState.SOON,
    )
    (quote,) = view.section(SectionKey.QUOTES).items
    assert (quote.quote_id, quote.detail, quote.deal) == (
        world["quote"].id,
        "一期报价",
        "华信ERP一期",
    )
    assert view.overdue == 1 and view.due_today == 1


def test_done_and_moved_todos_leave_their_sections(today, todos, world, clock):
    todos.done(world["late"].id)
    todos.move(world["week"].id, at(7, 18))
    view = today.today()
    assert ids(view, SectionKey.OVERDUE) == []
    assert world["week"].id in ids(view, SectionKey.TODAY)
    clock[0] = NOW + timedelta(hours=7)  # 17:00: 发报价 (16:00) is now overdue
    assert ids(today.today(), SectionKey.OVERDUE) == [world["later"].id]


def test_a_colleagues_deals_and_quotes_are_not_the_users(desk, today, world):
    act_as(desk, "someone.else")
    view = today.today()
    assert view.user == "someone.else"
    assert view.section(SectionKey.DEALS).items == ()
    assert view.section(SectionKey.QUOTES).items == ()
    assert all(i.kind.is_todo for i in view.section(SectionKey.TODAY).items)  # not their demo


def test_a_long_section_keeps_its_first_rows_and_counts_the_rest(desk, todos, clock):
    customer = desk.customers.create(Customer(name="烟台万华机械有限公司"))
    for hour in range(8):
        todos.add_task(customer.id, f"待办{hour}", at(8, 9 + hour))
    for hour in range(4):
        todos.add_task(customer.id, f"今天{hour}", at(7, 11 + hour))
    queries = TodayQueries(desk.db.reader)
    view = TodayService(queries, clock=lambda: clock[0], zone=CST, limit=3).today()
    week = view.section(SectionKey.WEEK)
    assert [i.title for i in week.items] == ["待办0", "待办1", "待办2"]
    assert (week.total, week.more) == (8, 5)
    assert view.due_today == 4 and len(view.section(SectionKey.TODAY).items) == 3


def test_scanned_sections_read_on_a_connection_of_their_own(desk, today, world):
    detached = today.queries.detached()
    try:
        view = today.scanned(queries=detached)
    finally:
        detached.close()
    assert [i.id for i in view.section(SectionKey.VISITS).items] == [world["visit"].id]
    assert view.section(SectionKey.REGISTRATIONS).total == 1
