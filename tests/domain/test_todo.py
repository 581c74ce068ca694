"""The todo rules (erpdesk.domain.todo): a new todo needs a customer, a
title of at most 200 characters and a due time with its offset on today or
later (the user's today); moving obeys the same date rule; done and reopen;
a next step's todo from an activity; when a reminder is due."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from erpdesk.domain.customer import Activity, ActivityKind
from erpdesk.domain.todo import (
    MAX_TITLE,
    Todo,
    TodoKind,
    TodoRefused,
    deal_problem,
    done,
    edit_todo,
    move,
    needs_reminder,
    new_todo,
    next_step_todo,
    reopen,
)

CST = timezone(timedelta(hours=8))
# 2026-12-07 00:30 in Beijing, still 2026-12-06 in UTC: "today" is the user's.
NOW = datetime(2026, 12, 7, 0, 30, tzinfo=CST)


def codes(refused: pytest.ExceptionInfo[TodoRefused]) -> list[str]:
    return [p.code for p in refused.value.problems]


def test_a_new_todo_is_stripped_open_and_keeps_its_links() -> None:
    due = datetime(2026, 12, 7, 15, 0, tzinfo=CST)
    todo = new_todo("c-1", "  回访张经理  ", due, now=NOW, deal_id="d-1", notes=" 带报价 ")
    assert (todo.title, todo.notes, todo.kind, todo.deal_id, todo.activity_id) == (
        "回访张经理", "带报价", TodoKind.TASK, "d-1", None)
    assert todo.is_open and todo.due_at == due and todo.created_at == NOW
    assert new_todo("c-1", "x", due, now=NOW, deal_id="").deal_id is None


def test_a_new_todo_refuses_every_bad_field_at_once() -> None:
    with pytest.raises(TodoRefused) as refused:
        new_todo("", "   ", datetime(2026, 12, 8, 9, 0), now=NOW)
    assert codes(refused) == ["customer_id.required", "title.required", "due_at.naive"]
    with pytest.raises(TodoRefused) as refused:
        new_todo("c-1", "长" * (MAX_TITLE + 1), NOW, now=NOW)
    assert codes(refused) == ["title.too_long"]
    assert refused.value.problems[0].params == {"max": MAX_TITLE, "length": MAX_TITLE + 1}
    assert new_todo("c-1", "长" * MAX_TITLE, NOW, now=NOW).title == "长" * MAX_TITLE


def test_today_is_the_users_date_not_utcs() -> None:
    # Earlier today in Beijing is allowed (overdue at once), yesterday is not,
    # though 2026-12-06 23:00 UTC is "today" in UTC terms as well.
    earlier_today = datetime(2026, 12, 7, 0, 5, tzinfo=CST)
    assert new_todo("c-1", "早会", earlier_today, now=NOW).due_at == earlier_today
    yesterday = datetime(2026, 12, 6, 15, 59, tzinfo=UTC)  # 23:59 on the 6th in Beijing
    with pytest.raises(TodoRefused) as refused:
        new_todo("c-1", "早会", yesterday, now=NOW)
    assert codes(refused) == ["due_at.past"]
    assert refused.value.problems[0].params == {"date": "2026-12-06"}
    assert "in the past" in refused.value.render()


def test_a_due_time_more_than_a_year_ahead_is_refused_as_the_registry_would() -> None:
    with pytest.raises(TodoRefused) as refused:
        new_todo("c-1", "续约", NOW + timedelta(days=400), now=NOW)
    assert codes(refused) == ["due_at.implausible"]


def test_move_reschedules_an_open_todo_to_today_or_later_only() -> None:
    todo = new_todo("c-1", "发方案", NOW + timedelta(hours=3), now=NOW)
    later = NOW + timedelta(days=2)
    moved = move(todo, later, now=NOW + timedelta(minutes=1))
    assert moved.due_at == later and moved.updated_at == NOW + timedelta(minutes=1)
    assert move(moved, later, now=NOW) is moved  # nothing to change
    with pytest.raises(TodoRefused) as refused:
        move(todo, NOW - timedelta(days=1), now=NOW)
    assert codes(refused) == ["due_at.past"]
    with pytest.raises(TodoRefused) as refused:
        move(todo, datetime(2026, 12, 9, 9, 0), now=NOW)
    assert codes(refused) == ["due_at.naive"]
    with pytest.raises(TodoRefused) as refused:
        move(done(todo, now=NOW), later, now=NOW)
    assert codes(refused) == ["done"]


def test_done_and_reopen() -> None:
    todo = new_todo("c-1", "发方案", NOW, now=NOW)
    finished = done(todo, now=NOW + timedelta(hours=1))
    assert not finished.is_open and finished.done_at == NOW + timedelta(hours=1)
    assert done(finished, now=NOW + timedelta(hours=2)) is finished
    again = reopen(finished, now=NOW + timedelta(hours=3))
    assert again.is_open and again.due_at == todo.due_at
    assert reopen(again, now=NOW) is again


def test_a_deleted_todo_is_not_changed() -> None:
    gone = replace(new_todo("c-1", "发方案", NOW, now=NOW), deleted=True)
    for change in (
        lambda: done(gone, now=NOW),
        lambda: reopen(gone, now=NOW),
        lambda: move(gone, NOW, now=NOW),
        lambda: edit_todo(gone, now=NOW, title="x"),
    ):
        with pytest.raises(TodoRefused) as refused:
            change()
        assert codes(refused) == ["deleted"]


def test_edit_changes_title_and_notes_only() -> None:
    todo = new_todo("c-1", "发方案", NOW, now=NOW)
    edited = edit_todo(todo, now=NOW + timedelta(hours=1), title=" 发报价 ", notes="含税")
    assert (edited.title, edited.notes, edited.updated_at) == (
        "发报价", "含税", NOW + timedelta(hours=1))
    assert edit_todo(todo, now=NOW, title="发方案") is todo
    with pytest.raises(TodoRefused) as refused:
        edit_todo(todo, now=NOW, title=" ")
    assert codes(refused) == ["title.required"]
    with pytest.raises(ValueError):
        edit_todo(todo, now=NOW, due_at=NOW)


def test_a_next_step_becomes_a_todo_of_its_activity() -> None:
    activity = Activity(customer_id="c-1", kind=ActivityKind.VISIT, occurred_at=NOW,
                        summary="拜访", next_step=" 周五发方案 ")  # fmt: skip
    todo = next_step_todo(activity, NOW + timedelta(days=1), now=NOW)
    assert (todo.kind, todo.title, todo.activity_id, todo.customer_id, todo.notes) == (
        TodoKind.NEXT_STEP, "周五发方案", activity.id, "c-1", "")
    long_step = replace(activity, next_step="步" * 300)
    cut = next_step_todo(long_step, NOW, now=NOW)
    assert len(cut.title) == MAX_TITLE and cut.title.endswith("…") and cut.notes == "步" * 300
    with pytest.raises(TodoRefused) as refused:
        next_step_todo(replace(activity, next_step=""), NOW, now=NOW)
    assert codes(refused) == ["next_step.required"]


def test_the_deal_must_be_the_customers() -> None:
    todo = new_todo("c-1", "发方案", NOW, now=NOW, deal_id="d-1")
    assert deal_problem(todo, "c-1", "一期") is None
    problem = deal_problem(todo, "c-2", "一期")
    assert problem is not None and problem.code == "deal.other_customer"
    assert "一期" in problem.render()


def test_a_reminder_is_due_once_per_due_time() -> None:
    due = NOW + timedelta(hours=1)
    todo = Todo(customer_id="c-1", title="回访", due_at=due)
    assert not needs_reminder(todo, NOW)
    assert needs_reminder(todo, due)
    reminded = replace(todo, reminded_at=due + timedelta(minutes=1))
    assert not needs_reminder(reminded, due + timedelta(hours=1))
    moved = replace(reminded, due_at=due + timedelta(hours=2))  # moved later: again
    assert needs_reminder(moved, due + timedelta(hours=2))
    assert not needs_reminder(replace(todo, done_at=due), due + timedelta(hours=1))
