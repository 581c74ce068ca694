"""The sync engine against a real registry process (conftest)."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sync_support import PASSWORD

from erpdesk.app import Desk
from erpdesk.domain.customer import Activity, ActivityKind, Contact, Customer
from erpdesk.services.events import Change
from erpdesk.storage.sync_store import SyncStore
from erpdesk.sync.client import Offline, RegistryClient, SignedOut
from erpdesk.sync.engine import SyncEngine, SyncRunner, wire_op
from erpdesk.sync.state import read_status

_clients: list[RegistryClient] = []


@pytest.fixture(autouse=True)
def _close_clients():
    yield
    while _clients:
        _clients.pop().close()


def client_for(url: str, token: str | None = None, **kwargs) -> RegistryClient:
    client = RegistryClient(url, token, **kwargs)
    _clients.append(client)
    return client


def engine_for(registry, desk: Desk, user: str, **kwargs) -> SyncEngine:
    client = client_for(registry.url)
    client.login(user, PASSWORD)
    store = SyncStore(desk.db)
    store.reset_for(registry.url, user)
    return SyncEngine(store, client, feed=desk.feed, **kwargs)


def add_customer(desk: Desk, name: str, **fields) -> Customer:
    return desk.customers.create(Customer(name=name, need="ERP for the workshop", **fields))


def row(desk: Desk, table: str, row_id: str):
    return desk.db.reader.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()


def edit(desk: Desk, customer_id: str, **changes) -> None:
    desk.customers.update(replace(desk.customers.detail(customer_id).customer, **changes))


def test_push_then_pull_into_a_second_desk_converges(registry, make_desk) -> None:
    user = registry.add_user()
    a, b = make_desk("a"), make_desk("b")
    c = add_customer(a, "杭州西湖精密机械有限公司", city="杭州")
    person = a.customers.save_contact(Contact(customer_id=c.id, name="王芳", mobile="13800000001"))
    a.customers.log_activity(Activity(
        customer_id=c.id, kind=ActivityKind.VISIT, occurred_at=datetime.now(UTC),
        summary="第一次拜访", contact_id=person.id,
    ))
    steps: list[tuple[str, int, int]] = []
    report = engine_for(registry, a, user).run(lambda *step: steps.append(step))
    assert (report.pushed, report.rejected, report.conflicts) == (3, 0, 0)
    assert a.db.reader.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    assert row(a, "customer", c.id)["server_version"] is not None
    assert steps[0] == ("push", 0, 3) and ("push", 3, 3) in steps

    seen: list[Change] = []
    b.feed.subscribe(seen.append)
    report_b = engine_for(registry, b, user).run()
    assert report_b.pulled == 3 and report_b.pushed == 0
    got = row(b, "customer", c.id)
    assert (got["name"], got["city"], got["need"]) == ("杭州西湖精密机械有限公司", "杭州",
                                                      "ERP for the workshop")
    assert got["name_key"] and "13800000001" in got["search_key"]  # derived columns
    assert row(b, "contact", person.id)["name"] == "王芳"
    activity = b.db.reader.execute(
        "SELECT summary, contact_id FROM activity WHERE customer_id = ?", (c.id,)
    ).fetchone()
    assert tuple(activity) == ("第一次拜访", person.id)
    assert Change("customer", (c.id,)) in seen
    assert b.db.reader.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    # The same pull again brings nothing new: the cursor was stored.
    assert engine_for(registry, b, user).run().pulled == 0


def test_a_retried_push_doubles_nothing(registry, make_desk) -> None:
    user = registry.add_user()
    a, b = make_desk("a"), make_desk("b")
    c = add_customer(a, "苏州工业园区恒通电子有限公司")
    engine = engine_for(registry, a, user)
    store = engine.store
    ops = [wire_op(op) for op in store.outbox_page(0, 500)]
    device = store.device_id()
    first = engine.client.push(device, datetime.now(UTC), ops)
    # Killed before the answer was stored: the ops are still in the outbox.
    assert [r["status"] for r in first["results"]] == ["applied"]
    report = engine.run()
    assert (report.pushed, report.duplicates) == (1, 1)
    assert store.pending_count() == 0
    engine_for(registry, b, user).run()
    names = b.db.reader.execute("SELECT id FROM customer").fetchall()
    assert [r[0] for r in names] == [c.id]


def test_a_pending_local_edit_is_not_overwritten_by_a_pull(registry, make_desk) -> None:
    user = registry.add_user()
    a, b = make_desk("a"), make_desk("b")
    c = add_customer(a, "宁波北仑港通物流有限公司")
    engine_a = engine_for(registry, a, user)
    engine_a.run()
    engine_b = engine_for(registry, b, user)
    engine_b.run()
    edit(b, c.id, phone="0574-86860000")  # waiting in b's outbox
    edit(a, c.id, phone="0574-86861111", notes="年底预算")
    engine_a.run()

    from erpdesk.sync.engine import SyncReport

    report = SyncReport()
    engine_b.pull(engine_b.store.device_id(), report)
    got = row(b, "customer", c.id)
    assert got["phone"] == "0574-86860000"  # its own change still waits
    assert got["notes"] == "年底预算"  # the other field came in
    assert report.kept_fields == 1


def test_offline_edits_merge_by_field_and_a_same_field_edit_is_a_conflict(
    registry, make_desk
) -> None:
    user = registry.add_user()
    a, b = make_desk("a"), make_desk("b")
    c = add_customer(a, "无锡新区华光纺织机械有限公司")
    engine_a, engine_b = engine_for(registry, a, user), engine_for(registry, b, user)
    engine_a.run()
    engine_b.run()
    edit(a, c.id, website="https://huaguang.example", need="MES 与 ERP 集成")
    edit(b, c.id, phone="0510-85200000", need="财务模块先上")
    engine_a.run()
    report = engine_b.run()
    assert report.conflicts == 1
    engine_a.run()
    for desk in (a, b):
        got = row(desk, "customer", c.id)
        assert (got["website"], got["phone"]) == ("https://huaguang.example", "0510-85200000")
        assert got["need"] == "MES 与 ERP 集成"  # the registry kept the first value
    conflicts = SyncStore(b.db).open_conflicts()
    assert [(x["entity"], x["entity_id"], x["field"], x["local_value"], x["remote_value"])
            for x in conflicts] == [("customer", c.id, "need", "财务模块先上", "MES 与 ERP 集成")]
    assert read_status(SyncStore(b.db)).state == "conflicts"
    assert SyncStore(a.db).open_conflicts() == []


def test_a_refused_op_is_kept_with_its_reason_and_the_rest_goes_on(registry, make_desk) -> None:
    user = registry.add_user()
    a = make_desk("a")
    c = add_customer(a, "合肥高新区科大讯通软件有限公司")
    with a.unit_of_work() as uow:  # an op the registry refuses: a registry-owned field
        bad = uow.outbox.record("customer", c.id, "update", None, {"owner": "someone"})
        uow.commit()
    later = add_customer(a, "合肥庐阳区长江机电设备有限公司")
    engine = engine_for(registry, a, user)
    report = engine.run()
    assert (report.pushed, report.rejected) == (2, 1)
    assert [(f.op_id, f.reason) for f in report.failures] == [(bad, "registry_owned_field")]
    assert row(a, "customer", later.id)["server_version"] is not None
    store = SyncStore(a.db)
    assert [op.op_id for op in store.outbox_page(0, 10)] == [bad]
    status = read_status(store)
    assert status.pending_ops == 1 and status.failed_ops[0]["reason"] == "registry_owned_field"
    # A second run tries it once more (no loop), and keeps it again.
    again = engine.run()
    assert (again.pushed, again.rejected) == (0, 1)
    assert store.pending_count() == 1


def test_small_batches_push_everything_in_order(registry, make_desk) -> None:
    user = registry.add_user()
    a = make_desk("a")
    ids = [add_customer(a, f"成都高新区第{n}机械制造有限公司").id for n in range(1, 6)]
    report = engine_for(registry, a, user, batch=2, page=2).run()
    assert report.pushed == 5 and report.pages >= 3
    assert all(row(a, "customer", i)["server_version"] for i in ids)


def test_unreachable_registry_is_offline_and_keeps_everything(
    registry, make_desk, offline_url
) -> None:
    a = make_desk("a")
    add_customer(a, "南京江宁开发区金陵阀门有限公司")
    store = SyncStore(a.db)
    store.reset_for(offline_url, "nobody")
    engine = SyncEngine(store, client_for(offline_url, "token", timeout=2))
    with pytest.raises(Offline) as caught:
        engine.run()
    assert "cannot be reached" in str(caught.value) and offline_url in str(caught.value)
    assert store.pending_count() == 1
    assert read_status(store).state == "offline"


def test_a_bad_token_is_signed_out(registry, make_desk) -> None:
    a = make_desk("a")
    store = SyncStore(a.db)
    store.reset_for(registry.url, "x")
    with pytest.raises(SignedOut):
        SyncEngine(store, client_for(registry.url, "not-a-token")).run()
    assert read_status(store).state == "signed_out"


def test_clock_skew_is_recorded_and_flagged(registry, make_desk) -> None:
    user = registry.add_user()
    a = make_desk("a")
    add_customer(a, "厦门湖里区鹭岛食品有限公司")
    engine = engine_for(registry, a, user)
    engine.clock = lambda: datetime.now(UTC) + timedelta(minutes=20)
    report = engine.run()
    assert report.clock_skewed and 1100 < report.clock_skew_seconds < 1300
    assert read_status(SyncStore(a.db)).clock_skewed


def test_runner_backs_off_exponentially_with_a_cap() -> None:
    calls: list[int] = []

    def failing():
        calls.append(1)
        raise Offline(server="http://x", detail="down")

    errors: list[Exception] = []
    runner = SyncRunner(failing, interval=60, base_delay=2, max_delay=30,
                        on_error=errors.append)
    assert [runner.delay_after(n) for n in range(7)] == [60, 2, 4, 8, 16, 30, 30]
    for _ in range(3):
        assert runner.run_once() is None
    assert runner.failures == 3 and len(errors) == 3


def test_runner_runs_on_its_own_thread_until_stopped() -> None:
    from erpdesk.sync.engine import SyncReport

    ran = threading.Event()
    threads: list[str] = []

    def run() -> SyncReport:
        threads.append(threading.current_thread().name)
        ran.set()
        return SyncReport()

    runner = SyncRunner(run, interval=30)
    runner.start()
    assert ran.wait(5)
    runner.stop(timeout=5)
    assert threads[0] == "erpdesk-sync" and runner.failures == 0
