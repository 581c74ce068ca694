"""The todo use cases on a real desk database: tasks added, edited, moved,
done, reopened and deleted with one outbox op each and a Change("todo");
refusals write nothing; today's, overdue, upcoming and recently done
todos; reminders; and log_activity making a next step's todo in the
activity's own transaction."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from erpdesk.app import open_desk
from erpdesk.domain.customer import Activity, ActivityKind, Customer
from erpdesk.domain.errors import NotFound, ValidationError
from erpdesk.domain.todo import TodoKind, TodoRefused
from erpdesk.services.events import Change
from erpdesk.services.todos import TodoService

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)  # 09:00 in Beijing
LOCAL = NOW.astimezone(CST)


@pytest.fixture
def desk(tmp_path):
    opened = open_desk(tmp_path / "desk.db", owner="li.rep")
    yield opened
    opened.close()


@pytest.fixture
def clock():
    moment = [NOW]
    return moment


@pytest.fixture
def todos(desk, clock) -> TodoService:
    return TodoService(desk.unit_of_work, desk.feed, clock=lambda: clock[0], zone=CST)


@pytest.fixture
def changes(desk) -> list[Change]:
    seen: list[Change] = []
    desk.feed.subscribe(seen.append)
    return seen


@pytest.fixture
def customer(desk) -> Customer:
    return desk.customers.create(Customer(name="济南华信机械有限公司"))


def ops(desk) -> list[tuple[str, str, dict]]:
    return [
        (r["entity"], r["op"], json.loads(r["fields"]))
        for r in desk.db.reader.execute("SELECT * FROM outbox ORDER BY seq")
        if r["entity"] == "todo"
    ]


def rows(desk) -> int:
    return desk.db.reader.execute("SELECT count(*) FROM todo").fetchone()[0]


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=CST)


def test_a_task_is_stored_with_its_create_op_and_published(desk, todos, customer, changes):
    deal = desk.deals.create(customer.id, "华信ERP一期")
    changes.clear()
    task = todos.add_task(customer.id, " 发报价 ", at(7, 15), deal_id=deal.id, notes="含税")
    assert todos.todo(task.id) == task
    assert (task.title, task.kind, task.deal_id) == ("发报价", TodoKind.TASK, deal.id)
    assert changes == [Change("todo", (task.id,))]
    ((entity, op, fields),) = ops(desk)
    assert (entity, op) == ("todo", "create")
    assert fields == {
        "customer_id": customer.id, "deal_id": deal.id, "activity_id": None, "kind": "task",
        "title": "发报价", "due_at": "2026-12-07T07:00:00.000000+00:00", "notes": "含税",
        "done_at": None,
    }


def test_refusals_write_nothing(desk, todos, customer, changes):
    other = desk.customers.create(Customer(name="青岛海达贸易有限公司"))
    deal = desk.deals.create(other.id, "海达一期")
    changes.clear()
    with pytest.raises(TodoRefused) as refused:
        todos.add_task(customer.id, "发报价", at(6, 23))  # yesterday in Beijing
    assert [p.code for p in refused.value.problems] == ["due_at.past"]
    with pytest.raises(TodoRefused) as refused:
        todos.add_task(customer.id, "发报价", at(8, 9), deal_id=deal.id)
    assert [p.code for p in refused.value.problems] == ["deal.other_customer"]
    with pytest.raises(NotFound):
        todos.add_task("no-such-customer", "发报价", at(8, 9))
    gone = desk.customers.create(Customer(name="烟台远航船舶有限公司"))
    desk.customers.delete(gone.id)
    changes.clear()
    with pytest.raises(TodoRefused) as refused:
        todos.add_task(gone.id, "发报价", at(8, 9))
    assert [p.code for p in refused.value.problems] == ["customer.deleted"]
    assert (rows(desk), ops(desk), changes) == (0, [], [])


def test_changes_write_one_update_op_each(desk, todos, customer, clock, changes):
    task = todos.add_task(customer.id, "发报价", at(7, 15))
    changes.clear()
    moved = todos.move(task.id, at(9, 10))
    assert todos.todo(task.id).due_at == moved.due_at == at(9, 10)
    todos.edit(task.id, title="发正式报价")
    finished = todos.done(task.id)
    assert finished.done_at == LOCAL and not todos.todo(task.id).is_open
    assert todos.done(task.id).done_at == LOCAL  # again: nothing written
    clock[0] = NOW + timedelta(hours=1)
    assert todos.reopen(task.id).is_open
    assert [(op, fields) for _, op, fields in ops(desk)][1:] == [
        ("update", {"due_at": "2026-12-09T02:00:00.000000+00:00"}),
        ("update", {"title": "发正式报价"}),
        ("update", {"done_at": "2026-12-07T01:00:00.000000+00:00"}),
        ("update", {"done_at": None}),
    ]
    assert changes == [Change("todo", (task.id,))] * 4
    with pytest.raises(TodoRefused):
        todos.move(task.id, at(6, 10))
    assert len(ops(desk)) == 5
    todos.delete(task.id)
    assert ops(desk)[-1][:2] == ("todo", "delete")
    with pytest.raises(NotFound):
        todos.todo(task.id)
    assert todos.of_customer(customer.id) == []


def test_due_splits_overdue_from_later_today_and_upcoming_is_the_next_days(
    todos, customer, clock
):
    early = todos.add_task(customer.id, "早会", at(7, 8, 30))
    noon = todos.add_task(customer.id, "午饭", at(7, 12))
    late = todos.add_task(customer.id, "晚上", at(7, 23, 59))
    tomorrow = todos.add_task(customer.id, "明天", at(8, 0))
    week = todos.add_task(customer.id, "下周", at(14, 9))
    beyond = todos.add_task(customer.id, "更远", at(15, 9))
    clock[0] = NOW + timedelta(days=1)  # 09:00 on the 8th: two days' worth is due
    found = todos.due()
    assert [t.id for t in found.overdue] == [early.id, noon.id, late.id, tomorrow.id]
    assert found.today == ()
    clock[0] = NOW
    found = todos.due()
    assert ([t.id for t in found.overdue], [t.id for t in found.today]) == (
        [early.id], [noon.id, late.id])
    assert [t.id for t in todos.upcoming()] == [tomorrow.id, week.id]
    assert [t.id for t in todos.upcoming(days=8)] == [tomorrow.id, week.id, beyond.id]
    todos.done(noon.id)
    assert [t.id for t in todos.due().all] == [early.id, late.id]
    assert [t.id for t in todos.recently_done()] == [noon.id]
    ids = [t.id for t in todos.of_customer(customer.id)]
    assert ids == [early.id, late.id, tomorrow.id, week.id, beyond.id, noon.id]


def test_of_deal_lists_the_deals_todos(desk, todos, customer):
    deal = desk.deals.create(customer.id, "华信ERP一期")
    on_deal = todos.add_task(customer.id, "发报价", at(8, 9), deal_id=deal.id)
    todos.add_task(customer.id, "拜访", at(8, 10))
    assert [t.id for t in todos.of_deal(deal.id)] == [on_deal.id]


def test_reminders_are_due_once_and_marking_writes_no_op(desk, todos, customer, clock):
    first = todos.add_task(customer.id, "回访", at(7, 9, 30))
    todos.add_task(customer.id, "发报价", at(7, 11))
    assert todos.due_for_reminder() == []
    clock[0] = NOW + timedelta(hours=1)  # 10:00
    assert [t.id for t in todos.due_for_reminder()] == [first.id]
    pending = len(ops(desk))
    assert todos.mark_reminded([first.id]) == 1
    assert len(ops(desk)) == pending
    assert todos.todo(first.id).reminded_at == clock[0]
    assert todos.due_for_reminder() == []
    todos.move(first.id, at(7, 16))
    clock[0] = NOW + timedelta(hours=8)  # 17:00: the moved one and the other
    assert len(todos.due_for_reminder()) == 2
    assert "reminded_at" not in json.dumps([f for _, _, f in ops(desk)])


def activity(customer: Customer, next_step: str = "周五发方案", summary: str = "拜访") -> Activity:
    return Activity(
        customer_id=customer.id, kind=ActivityKind.VISIT, occurred_at=datetime.now(UTC),
        summary=summary, next_step=next_step,
    )


def test_log_activity_makes_the_next_steps_todo_in_one_transaction(desk, customer, changes):
    due = datetime.now(UTC) + timedelta(days=2)
    logged = desk.customers.log_activity(activity(customer), next_step_due=due)
    (todo,) = desk.todos.of_customer(customer.id)
    assert (todo.kind, todo.title, todo.activity_id, todo.due_at) == (
        TodoKind.NEXT_STEP, "周五发方案", logged.id, due)
    assert Change("todo", (todo.id,)) in changes
    entities = [r[0] for r in desk.db.reader.execute("SELECT entity FROM outbox ORDER BY seq")]
    assert entities[-2:] == ["activity", "todo"]
    # without a due time: the activity alone
    desk.customers.log_activity(activity(customer, next_step="再联系"))
    assert len(desk.todos.of_customer(customer.id)) == 1


def test_a_bad_due_time_refuses_the_whole_activity(desk, customer):
    def count() -> tuple[int, int, int]:
        q = desk.db.reader.execute
        return (q("SELECT count(*) FROM activity").fetchone()[0], rows(desk),
                q("SELECT count(*) FROM outbox").fetchone()[0])  # fmt: skip

    before = count()
    yesterday = datetime.now(UTC) - timedelta(days=2)
    with pytest.raises(ValidationError) as refused:
        desk.customers.log_activity(activity(customer), next_step_due=yesterday)
    assert [p.code for p in refused.value.problems] == ["due_at.past"]
    with pytest.raises(ValidationError) as refused:
        desk.customers.log_activity(activity(customer, next_step=""),
                                    next_step_due=datetime.now(UTC) + timedelta(days=1))
    assert [p.code for p in refused.value.problems] == ["next_step.required"]
    with pytest.raises(ValidationError) as refused:  # both records' problems at once
        desk.customers.log_activity(activity(customer, summary=" "), next_step_due=yesterday)
    assert [p.code for p in refused.value.problems] == ["required", "due_at.past"]
    assert count() == before
