"""The rep's calendar export: open todos as 30-minute events with a
reminder, the visits logged in the period, the demos the user attends;
the file parses with ``icalendar`` and names each record once."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from erpdesk.app import open_desk
from erpdesk.domain.customer import Activity, ActivityKind, Customer
from erpdesk.domain.presales import RequestKind, RequestState, TaskKind
from erpdesk.playbooks import read_playbook
from erpdesk.services.calendar_export import calendar_events, write_calendar
from erpdesk.services.presales import LEAD_KEY, PresalesService
from erpdesk.services.todos import TodoService
from erpdesk.storage.today_queries import TodayQueries

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)


def plain(_context: str, text: str) -> str:
    return text


def act_as(desk, name: str, role: str = "rep", lead: bool = False) -> None:
    with desk.unit_of_work() as uow:
        uow.meta_set("sync.user", name)
        uow.meta_set("sync.role", role)
        uow.meta_set(LEAD_KEY, "1" if lead else "0")
        uow.commit()


@pytest.fixture
def desk(tmp_path):
    opened = open_desk(tmp_path / "desk.db", owner="li.rep")
    yield opened
    opened.close()


@pytest.fixture
def made(desk):
    todos = TodoService(desk.unit_of_work, desk.feed, clock=lambda: NOW, zone=CST)
    customer = desk.customers.create(Customer(name="济南华信机械有限公司"))
    deal = desk.deals.create(customer.id, "华信ERP一期")
    task = todos.add_task(customer.id, "发报价; 含税, 两版", datetime(2026, 12, 8, 9, tzinfo=CST),
                          deal_id=deal.id, notes="第一行\n第二行")  # fmt: skip
    done = todos.add_task(customer.id, "已完成的", datetime(2026, 12, 8, 11, tzinfo=CST))
    todos.done(done.id)
    visit = desk.customers.log_activity(Activity(
        customer_id=customer.id, kind=ActivityKind.VISIT, occurred_at=NOW - timedelta(days=2),
        summary="拜访信息中心", outcome="认可方案", next_step="发报价"))  # fmt: skip
    desk.customers.log_activity(Activity(
        customer_id=customer.id, kind=ActivityKind.CALL, occurred_at=NOW - timedelta(days=1),
        summary="电话"))  # fmt: skip
    return dict(task=task, done=done, visit=visit, deal=deal, customer=customer)


def parsed(data: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(data)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_the_file_holds_the_open_todo_and_the_visit(desk, made):
    out = io.BytesIO()
    count = write_calendar(
        TodayQueries(desk.db.reader), out, first=date(2026, 11, 1), last=date(2026, 12, 31),
        translate=plain, language="zh_CN", user="li.rep",
    )  # fmt: skip
    events = parsed(out.getvalue())
    assert count == 2 == len(events)
    todo = events[f"todo-{made['task'].id}@erpdesk.invalid"]
    assert str(todo["SUMMARY"]) == "Task: 发报价; 含税, 两版 (济南华信机械有限公司, 华信ERP一期)"
    assert todo.decoded("DTSTART") == datetime(2026, 12, 8, 1, tzinfo=UTC)
    assert todo.decoded("DTEND") - todo.decoded("DTSTART") == timedelta(minutes=30)
    assert str(todo["DESCRIPTION"]) == "第一行\n第二行"
    assert todo.walk("VALARM")  # reminds before
    visit = events[f"visit-{made['visit'].id}@erpdesk.invalid"]
    assert str(visit["SUMMARY"]) == "Visit: 济南华信机械有限公司"
    assert "Outcome: 认可方案" in str(visit["DESCRIPTION"])
    assert Calendar.from_ical(out.getvalue())["X-WR-CALNAME"] == "Work of li.rep"


def test_the_period_bounds_the_visits_and_a_demo_the_user_attends_is_added(desk, made):
    presales = PresalesService(desk.unit_of_work, desk.feed, user="li.rep",
                               playbook=read_playbook, clock=lambda: NOW)  # fmt: skip
    request = presales.ask(
        made["customer"].id,
        RequestKind.DEMO,
        deal_id=made["deal"].id,
        submit=True,
        modules=("finance",),
        wanted_from=date(2026, 12, 9),
    )
    act_as(desk, "wang.lead", "presales", lead=True)
    presales.move_request(request.id, RequestState.ACCEPTED)
    presales.move_request(request.id, RequestState.ASSIGNED, consultant="li.rep")
    act_as(desk, "li.rep", "presales")
    engagement = presales.engagement_of(request.id)
    start = datetime(2026, 12, 9, 14, tzinfo=CST)
    saved = presales.add_task(engagement.id, TaskKind.DEMO, "财务演示", start,
                              start + timedelta(hours=2))  # fmt: skip
    events = calendar_events(TodayQueries(desk.db.reader), date(2026, 12, 6), date(2026, 12, 31),
                             plain, presales)  # fmt: skip
    uids = [e.uid for e in events]
    assert uids == [f"todo-{made['task'].id}", f"presales-task-{saved.task.id}"]  # by start
