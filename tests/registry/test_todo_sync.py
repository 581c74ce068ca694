"""Todos through the registry (``sync.entities`` TODO, a synced record like
a proposal), on SQLite and PostgreSQL: a todo made on a rep's desk (a
task on a deal, a next step of an activity) is pushed through the API by
the desk's own sync engine and pulled by another desk of the same user,
done there and pulled back; the desk-local reminder time never travels.
Who sees a todo follows its customer; bad todos are refused."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from registry_support import PASSWORD, make_user, sign_in
from test_sync import customer_op, latest, new_id, op, pull_all, push

from erpdesk.app import Desk, open_desk
from erpdesk.domain.customer import Activity, ActivityKind, Customer
from erpdesk.domain.todo import TodoKind
from erpdesk.storage.sync_store import SyncStore
from erpdesk.sync.client import RegistryClient
from erpdesk.sync.engine import SyncEngine

URL = "http://testserver"


@pytest.fixture
def now(clock) -> datetime:
    """The registry's clock at the real time: the desk's todos are due
    from today on, and the registry checks their dates against its own."""
    clock.now = datetime.now(UTC)
    return clock.now


@pytest.fixture
def desks(tmp_path: Path) -> Iterator[list[Desk]]:
    opened = [open_desk(tmp_path / f"desk{i}.db", owner="rep.a") for i in (1, 2)]
    yield opened
    for desk in opened:
        desk.close()


@pytest.fixture
def engines(client, desks) -> Iterator[list[SyncEngine]]:
    made = []
    for desk in desks:
        registry = RegistryClient(URL, transport=client._transport)
        registry.login("rep.a", PASSWORD)
        store = SyncStore(desk.db)
        store.reset_for(URL, "rep.a")
        made.append(SyncEngine(store, registry, feed=desk.feed))
    yield made
    for engine in made:
        engine.client.close()


@pytest.fixture
def people(client):
    make_user(client, "rep.a", "rep", team="east")
    make_user(client, "rep.b", "rep", team="east")
    make_user(client, "boss.e", "manager", team="east")
    return {name: sign_in(client, name) for name in ("rep.a", "rep.b", "boss.e")}


def run(engine: SyncEngine) -> None:
    report = engine.run()
    assert report.rejected == 0, report


def test_a_desks_todos_reach_the_users_other_desk_and_back(people, now, desks, engines):
    mine, other = desks
    customer = mine.customers.create(Customer(name="济南华信机械有限公司", phone="0531-85106000"))
    deal = mine.deals.create(customer.id, "华信ERP一期")
    task = mine.todos.add_task(customer.id, "发报价", now + timedelta(days=1), deal_id=deal.id)
    visit = mine.customers.log_activity(
        Activity(customer_id=customer.id, kind=ActivityKind.VISIT, occurred_at=now,
                 summary="拜访信息部", next_step="周五演示"),
        next_step_due=now + timedelta(days=3),
    )  # fmt: skip
    mine.todos.mark_reminded([task.id], now)
    run(engines[0])
    assert mine.db.reader.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0

    run(engines[1])
    pulled = {t.id: t for t in other.todos.of_customer(customer.id)}
    step = next(t for t in mine.todos.of_customer(customer.id) if t.kind is TodoKind.NEXT_STEP)
    assert set(pulled) == {task.id, step.id}
    copy = pulled[task.id]
    assert (copy.title, copy.due_at, copy.deal_id, copy.kind, copy.reminded_at) == (
        "发报价", task.due_at, deal.id, TodoKind.TASK, None)
    assert (pulled[step.id].activity_id, pulled[step.id].title) == (visit.id, "周五演示")

    other.todos.done(task.id)
    other.todos.move(step.id, now + timedelta(days=5))
    run(engines[1])
    run(engines[0])
    back = mine.todos.todo(task.id)
    assert back.done_at is not None and back.reminded_at == now  # the desk's own, kept
    assert mine.todos.todo(step.id).due_at == step.due_at + timedelta(days=2)


def todo_op(tid: str, cid: str, **fields) -> dict:
    values = {"customer_id": cid, "deal_id": None, "activity_id": None, "kind": "task",
              "title": "回访", "due_at": "2026-03-05T02:00:00+00:00", "notes": "",
              "done_at": None}  # fmt: skip
    values.update(fields)
    return op("todo", tid, **values)


def test_who_sees_and_writes_a_todo_follows_its_customer(client, people):
    a, b, boss = people["rep.a"], people["rep.b"], people["boss.e"]
    cid, tid = new_id(), new_id()
    results = push(client, a, [customer_op(cid), todo_op(tid, cid)])["results"]
    assert [r["status"] for r in results] == ["applied", "applied"]
    assert ("todo", tid) in latest(pull_all(client, a)[0])
    assert ("todo", tid) not in latest(pull_all(client, b)[0])
    assert ("todo", tid) in latest(pull_all(client, boss)[0])  # the team's manager reads
    (refused,) = push(client, b, [todo_op(new_id(), cid)])["results"]
    assert refused["reason"] == "unknown_customer"
    (refused,) = push(client, boss, [todo_op(new_id(), cid)])["results"]
    assert refused["reason"] == "forbidden_for_role"
    served = latest(pull_all(client, a)[0])[("todo", tid)]["fields"]
    assert (served["title"], served["due_at"], served["customer_id"]) == (
        "回访", "2026-03-05T02:00:00+00:00", cid)
    assert "reminded_at" not in served


BAD = [
    ({"title": "   "}, "invalid_value"),
    ({"title": "长" * 201}, "invalid_value"),
    ({"kind": "errand"}, "invalid_value"),
    ({"due_at": None}, "invalid_value"),
    ({"due_at": "2026-03-05T10:00:00"}, "invalid_value"),
    ({"due_at": "2031-03-05T10:00:00+08:00"}, "implausible_date"),
    ({"reminded_at": "2026-03-05T10:00:00+08:00"}, "unknown_field"),
]


def test_bad_todos_are_refused(client, people):
    a = people["rep.a"]
    cid = new_id()
    push(client, a, [customer_op(cid)])
    for fields, reason in BAD:
        (refused,) = push(client, a, [todo_op(new_id(), cid, **fields)])["results"]
        assert (refused["status"], refused["reason"]) == ("rejected", reason), fields
    (missing,) = push(client, a, [op("todo", new_id(), customer_id=cid, title="回访")])["results"]
    assert missing["reason"] == "missing_field"
