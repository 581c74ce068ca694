"""Reminders of due todos, without a tray: a due todo is notified once
(not again at the next check), a moved one falls due again, the badge
counts the overdue todos and follows Done, and without a notifier or tray
the reminder is a notice for the window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from erpdesk.domain.customer import Customer
from erpdesk.services.todos import TodoService
from erpdesk.ui.today.reminders import Reminders

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)  # 10:00 in Beijing


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=CST)


@pytest.fixture
def clock():
    return [NOW.astimezone(CST)]


@pytest.fixture
def todos(desk, clock) -> TodoService:
    return TodoService(desk.unit_of_work, desk.feed, clock=lambda: clock[0], zone=CST)


@pytest.fixture
def customer(desk) -> Customer:
    return desk.customers.create(Customer(name="济南华信机械有限公司"))


@pytest.fixture
def notified():
    return []


@pytest.fixture
def reminders(todos, clock, notified) -> Reminders:
    made = Reminders(todos, clock=lambda: clock[0], notifier=lambda t, s: notified.append((t, s)))
    yield made
    made.stop()


def test_a_due_todo_is_notified_once(todos, customer, clock, reminders, notified):
    todo = todos.add_task(customer.id, "回电话确认需求", at(7, 10, 30))
    assert reminders.check() == [] and notified == []  # not due yet
    clock[0] = at(7, 10, 31)
    assert [t.id for t in reminders.check()] == [todo.id]
    assert notified == [("A todo is due", "10:30 回电话确认需求")]
    assert todos.todo(todo.id).reminded_at == at(7, 10, 31)
    clock[0] = at(7, 10, 32)
    assert reminders.check() == []
    assert len(notified) == 1  # not twice
    todos.move(todo.id, at(7, 11))  # moved: it falls due again
    clock[0] = at(7, 11, 1)
    assert [t.title for t in reminders.check()] == ["回电话确认需求"]
    assert len(notified) == 2


def test_several_due_todos_make_one_notification(todos, customer, clock, reminders, notified):
    for n in range(5):
        todos.add_task(customer.id, f"待办{n}", at(7, 10, 10 + n))
    clock[0] = at(7, 11)
    assert len(reminders.check()) == 5
    ((title, text),) = notified
    assert title == "5 todos are due"
    assert text.splitlines() == ["待办0", "待办1", "待办2", "… and 2 more"]


def test_the_badge_counts_overdue_todos_and_follows_done(qtbot, todos, customer, clock, reminders):
    first = todos.add_task(customer.id, "回电话", at(7, 10, 30))
    todos.add_task(customer.id, "发报价", at(7, 10, 40))
    todos.add_task(customer.id, "明天的", at(8, 9))
    clock[0] = at(7, 11)
    with qtbot.waitSignal(reminders.badge_changed) as changed:
        reminders.check()
    assert changed.args == [2] and reminders.badge_count == 2
    with qtbot.waitSignal(reminders.badge_changed, timeout=3000) as changed:
        todos.done(first.id)  # the change is heard: checked again soon
    assert changed.args == [1]


def test_without_a_tray_the_reminder_is_a_notice_for_the_window(
    qtbot, todos, customer, clock, monkeypatch
):
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    reminders = Reminders(todos, clock=lambda: clock[0])
    todos.add_task(customer.id, "回电话", at(7, 10, 30))
    clock[0] = at(7, 11)
    with qtbot.waitSignal(reminders.notice) as said:
        reminders.check()
    assert said.args == ["A todo is due: 10:30 回电话"]
    reminders.stop()


def test_the_timer_checks_by_itself(qtbot, todos, customer, clock, notified):
    reminders = Reminders(
        todos, clock=lambda: clock[0], notifier=lambda t, s: notified.append(t), interval_ms=50
    )
    todos.add_task(customer.id, "回电话", at(7, 10, 30))
    clock[0] = at(7, 11)
    reminders.start(first_check_ms=10)
    qtbot.waitUntil(lambda: notified == ["A todo is due"], timeout=2000)
    qtbot.wait(150)  # more checks: still once
    assert notified == ["A todo is due"]
    reminders.stop()
