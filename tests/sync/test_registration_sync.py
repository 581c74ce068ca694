"""Registration from the field against the real registry (conftest): a
request made offline waits as pending, the next sync sends it, and the
administrator's decision arrives by pull and is notified."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sync_support import PASSWORD
from workbench_support import company, token_of

from erpdesk.app import Desk
from erpdesk.domain.customer import (
    Activity,
    ActivityKind,
    Contact,
    Customer,
    Industry,
    Registration,
    SizeBand,
)
from erpdesk.storage.sync_store import SyncStore
from erpdesk.sync.client import Offline, RegistryClient
from erpdesk.sync.engine import SyncEngine
from erpdesk.sync.workbench_api import WorkbenchApi


@pytest.fixture
def clients():
    made: list[RegistryClient] = []
    yield made
    for c in made:
        c.close()


def engine(registry_url: str, desk: Desk, user: str, clients, *, login: bool = True):
    client = RegistryClient(registry_url)
    clients.append(client)
    if login:
        client.login(user, PASSWORD)
    store = SyncStore(desk.db)
    store.reset_for(registry_url, user)
    return SyncEngine(store, client, feed=desk.feed)


def complete_customer(desk: Desk, prefix: str = "济南") -> Customer:
    name, code = company(prefix)
    c = desk.customers.create(Customer(
        name=name, uscc=code, industry=Industry.MACHINERY, size_band=SizeBand.MEDIUM,
        province="山东省", city="济南市", address="历下区经十路 100 号",
        phone="0531-85106000", need="替换旧的进销存系统",
    ))
    person = desk.customers.save_contact(
        Contact(customer_id=c.id, name="张伟", title="信息部经理", mobile="13812345678"))
    desk.customers.log_activity(Activity(
        customer_id=c.id, kind=ActivityKind.VISIT,
        occurred_at=datetime.now(UTC) - timedelta(days=1),
        summary="拜访信息部,了解 ERP 选型计划", contact_id=person.id,
    ))
    return c


def registration_of(desk: Desk, customer_id: str) -> str:
    return str(desk.db.reader.execute(
        "SELECT registration FROM customer WHERE id = ?", (customer_id,)).fetchone()[0])


def test_offline_request_waits_then_is_sent_and_the_decision_arrives_by_pull(
    registry, make_desk, clients, offline_url
) -> None:
    rep, admin = registry.add_user("rep"), registry.add_user("admin")
    desk = make_desk("rep")
    c = complete_customer(desk)
    stored = desk.registrations.request(c.id, urgent=True)
    assert stored.state == "waiting" and stored.payload["urgent"] is True
    assert registration_of(desk, c.id) == "pending"

    # offline: the run fails, the request keeps waiting
    with pytest.raises(Offline):
        engine(offline_url, desk, rep, clients, login=False).run()
    assert desk.registrations.latest(c.id).state == "waiting"
    assert registration_of(desk, c.id) == "pending"

    # online: sent first, then the outbox (the same customer) merges into it
    report = engine(registry.url, desk, rep, clients).run()
    assert report.rejected == 0
    sent = desk.registrations.latest(c.id)
    assert (sent.state, sent.result) == ("sent", "pending")
    assert registration_of(desk, c.id) == "pending"
    assert desk.db.reader.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0

    # the administrator calls back: valid
    with WorkbenchApi(registry.url, token_of(registry.url, admin)) as api:
        entry = next(e for e in api.queue() if e.id == sent.id)
        assert entry.urgent
        api.record_callback(sent.id, True, note="电话核实")
    engine(registry.url, desk, rep, clients).run()
    decided = desk.registrations.latest(c.id)
    assert (decided.state, decided.result) == ("decided", "verified")
    row = desk.db.reader.execute(
        "SELECT registration, protected_until, release_due_at FROM customer WHERE id = ?",
        (c.id,)).fetchone()
    assert row["registration"] == "protected"
    until = datetime.fromisoformat(row["protected_until"])
    assert timedelta(days=80) < until - datetime.now(UTC) < timedelta(days=100)
    detail = desk.customers.detail(c.id).customer
    assert detail.registration is Registration.PROTECTED
    # shown in the list under its protection, and notified once
    criteria = desk.customers.criteria(protection="protected")
    assert c.id in [r.id for r in desk.customers.page(criteria)]
    assert c.id not in [r.id for r in desk.customers.page(
        desk.customers.criteria(protection="pending"))]
    told = desk.registrations.decisions_to_notify()
    assert [t.id for t in told] == [sent.id]
    desk.registrations.mark_notified([sent.id])
    assert desk.registrations.decisions_to_notify() == []


def test_rejection_comes_with_its_reason_and_a_held_company_is_refused(
    registry, make_desk, clients
) -> None:
    rep, rep2, admin = (registry.add_user(r) for r in ("rep", "rep", "admin"))
    desk = make_desk("rep")
    c = complete_customer(desk, "青岛")
    request = desk.registrations.request(c.id)
    engine(registry.url, desk, rep, clients).run()
    with WorkbenchApi(registry.url, token_of(registry.url, admin)) as api:
        api.record_callback(request.id, False, reason="电话是空号")
    engine(registry.url, desk, rep, clients).run()
    got = desk.registrations.latest(c.id)
    assert (got.state, got.result, got.reasons) == ("decided", "rejected", "电话是空号")
    assert registration_of(desk, c.id) == "invalid"

    # another rep's desk asks for the same company while it is held
    other = make_desk("rep2")
    mine = complete_customer(desk, "烟台")
    desk.registrations.request(mine.id)
    engine(registry.url, desk, rep, clients).run()
    twin = other.customers.create(Customer(
        name=mine.name, uscc=mine.uscc, industry=Industry.MACHINERY,
        size_band=SizeBand.MEDIUM, province="山东省", city="济南市", address="经十路 1 号",
        phone="0531-85106001", need="ERP", id=str(uuid.uuid4()),
    ))
    other.customers.save_contact(Contact(customer_id=twin.id, name="李雷", mobile="13912345678"))
    other.customers.log_activity(Activity(
        customer_id=twin.id, kind=ActivityKind.VISIT,
        occurred_at=datetime.now(UTC) - timedelta(hours=2), summary="拜访"))
    other.registrations.request(twin.id)
    engine(registry.url, other, rep2, clients).run()
    refused = other.registrations.latest(twin.id)
    assert refused.state == "refused" and refused.reasons
    assert registration_of(other, twin.id) == "unregistered"
    assert [t.id for t in other.registrations.decisions_to_notify()] == [refused.id]
