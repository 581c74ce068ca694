"""A pulled child whose parent is not on the desk yet is kept, not lost
(issue 12): deferred in the page's transaction, applied once the parent
arrives (a later page or a later run)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from sync_support import PASSWORD

from erpdesk.app import Desk
from erpdesk.domain.customer import Contact, Customer
from erpdesk.storage.sync_store import SyncStore
from erpdesk.sync.apply import children_of, pulled_row
from erpdesk.sync.client import RegistryClient
from erpdesk.sync.engine import SyncEngine
from erpdesk.sync.state import read_status

_clients: list[RegistryClient] = []


@pytest.fixture(autouse=True)
def _close_clients():
    yield
    while _clients:
        _clients.pop().close()


def engine_for(registry, desk: Desk, user: str, client: Any = None, **kwargs) -> SyncEngine:
    real = RegistryClient(registry.url)
    _clients.append(real)
    real.login(user, PASSWORD)
    store = SyncStore(desk.db)
    store.reset_for(registry.url, user)
    return SyncEngine(store, client(real) if client else real, **kwargs)


class FirstPageOnly:
    """The real client, but its first pull answer says nothing more is to
    come (a run that ends before the parent's page)."""

    def __init__(self, client: RegistryClient) -> None:
        self.client = client
        self.pulls = 0

    def push(self, *args: Any) -> dict[str, Any]:
        return self.client.push(*args)

    def pull(self, *args: Any) -> dict[str, Any]:
        answer = self.client.pull(*args)
        self.pulls += 1
        if self.pulls == 1:
            answer["has_more"] = False
        return answer


def contact_before_customer(registry, make_desk) -> tuple[str, Customer, Contact]:
    """A customer edited after its contact was made: the registry sends the
    contact first (each row once, at its latest change)."""
    user = registry.add_user()
    source = make_desk("source")
    c = source.customers.create(Customer(name="杭州西湖精密机械有限公司", need="ERP 选型"))
    person = source.customers.save_contact(
        Contact(customer_id=c.id, name="王芳", mobile="13800000001"))
    engine_for(registry, source, user).run()
    source.customers.update(replace(source.customers.detail(c.id).customer, city="杭州"))
    engine_for(registry, source, user).run()
    return user, c, person


def contacts(desk: Desk) -> list[tuple[str, str]]:
    return [tuple(r) for r in desk.db.reader.execute(
        "SELECT id, customer_id FROM contact WHERE deleted = 0").fetchall()]


def test_a_contact_before_its_customer_is_applied_after_the_customers_page(
    registry, make_desk
) -> None:
    user, c, person = contact_before_customer(registry, make_desk)
    desk = make_desk("puller")
    report = engine_for(registry, desk, user, page=1).run()
    assert contacts(desk) == [(person.id, c.id)]
    assert desk.customers.detail(c.id).customer.city == "杭州"
    assert report.pages >= 2 and report.deferred == 0 and report.skipped == 0
    # the customer's search key counts the deferred contact's mobile
    key = desk.db.reader.execute("SELECT search_key FROM customer WHERE id = ?", (c.id,))
    assert "13800000001" in key.fetchone()[0]
    assert SyncStore(desk.db).deferred_count() == 0


def test_a_contact_whose_customer_comes_in_a_later_run_waits_for_it(
    registry, make_desk
) -> None:
    user, c, person = contact_before_customer(registry, make_desk)
    desk = make_desk("puller")
    store = SyncStore(desk.db)
    first = engine_for(registry, desk, user, FirstPageOnly, page=1).run()
    assert first.deferred == 1 and first.skipped == 0
    assert contacts(desk) == []
    assert read_status(store).as_dict()["deferred"] == 1
    assert not any(k.startswith("sync.deferred.") for k in store.state())
    second = engine_for(registry, desk, user, page=1).run()
    assert second.deferred == 0
    assert contacts(desk) == [(person.id, c.id)]
    assert read_status(store).deferred == 0


# -- the deferred store's rules, page by page -----------------------------------


def change(entity: str, row_id: str, version: int, **fields: Any) -> dict[str, Any]:
    return {"entity": entity, "id": row_id, "version": version, "fields": fields}


def customer_change(c: Customer, version: int) -> dict[str, Any]:
    return change("customer", c.id, version, name=c.name, need=c.need, source="walk_in",
                  status="potential", owner="rep")


def apply(store: SyncStore, cursor: int, *changes: dict[str, Any]):
    rows = [r for r in (pulled_row(ch) for ch in changes) if r is not None]
    return store.apply_page(rows, cursor, {}, children_of())


@pytest.fixture
def store(make_desk) -> SyncStore:
    return SyncStore(make_desk("rules").db)


def test_a_later_version_replaces_the_deferred_one_and_a_tombstone_removes_it(
    store: SyncStore,
) -> None:
    c = Customer(name="苏州工业园区精工有限公司", need="ERP")
    p = Contact(customer_id=c.id, name="李雷")
    assert apply(store, 1, change("contact", p.id, 2, customer_id=c.id, name="李雷")).deferred == 1
    later = change("contact", p.id, 5, customer_id=c.id, name="李雷雷")
    assert apply(store, 2, later).deferred == 1
    result = apply(store, 3, customer_change(c, 6))
    assert result.deferred == 0 and result.touched["contact"] == {p.id}
    row = store.record_subject("contact", p.id)
    assert row is not None and row["name"] == "李雷雷" and row["server_version"] == 5

    q = Contact(customer_id="not-here", name="韩梅梅")
    assert apply(store, 4, change("contact", q.id, 7, customer_id="not-here", name="韩")).deferred
    gone = {**change("contact", q.id, 8), "deleted": True}
    assert apply(store, 5, gone).deferred == 0
    assert store.deferred_count() == 0


def test_children_of_a_customer_deleted_before_the_desk_had_it_are_dropped(
    store: SyncStore,
) -> None:
    c = Customer(name="宁波港机械有限公司", need="ERP")
    p = Contact(customer_id=c.id, name="张伟")
    apply(store, 1, change("contact", p.id, 2, customer_id=c.id, name="张伟"))
    assert apply(store, 2, {**customer_change(c, 3), "deleted": True}).deferred == 0
    assert store.record_subject("contact", p.id) is None


def test_a_row_already_here_is_updated_at_once_sparing_its_pending_fields(make_desk) -> None:
    desk = make_desk("local")
    store = SyncStore(desk.db)
    c = desk.customers.create(Customer(name="无锡太湖精密有限公司", need="ERP"))
    p = desk.customers.save_contact(Contact(customer_id=c.id, name="本地名", mobile="13900000000"))
    other = Customer(name="另一家公司", need="ERP")
    # its customer is not here, but the row is: never deferred
    result = apply(store, 1, change("contact", p.id, 3, customer_id=other.id, name="远端名"))
    assert result.deferred == 0 and result.kept_fields == 2  # its create still waits
    row = store.record_subject("contact", p.id)
    assert row is not None and row["name"] == "本地名" and row["server_version"] == 3
