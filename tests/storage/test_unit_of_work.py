"""Repositories and the unit of work: domain objects in and out, one outbox
op per change in the change's own transaction, rollback leaves nothing."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from erpdesk.domain.customer import (
    Activity,
    ActivityKind,
    Contact,
    Customer,
    CustomerStatus,
    Industry,
    Source,
)
from erpdesk.domain.errors import NotFound
from erpdesk.storage.database import open_database
from erpdesk.storage.queries import CustomerCriteria, CustomerQueries
from erpdesk.storage.uow import UnitOfWork


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "desk.db")
    yield database
    database.close()


def make_customer(**fields) -> Customer:
    base = dict(
        name="浪潮电子信息产业股份有限公司",
        short_name="浪潮",
        uscc="91370000163446410B",
        industry=Industry.ELECTRONICS,
        province="山东省",
        city="济南市",
        source=Source.REFERRAL,
        phone="0531-85106000",
    )
    return Customer(**(base | fields))


def outbox_rows(db):
    return [dict(r) for r in db.reader.execute("SELECT * FROM outbox ORDER BY seq")]


def test_add_returns_equal_domain_object_and_records_create_op(db):
    customer = make_customer()
    with UnitOfWork(db) as uow:
        uow.customers.add(customer)
        uow.commit()
    with UnitOfWork(db) as uow:
        loaded = uow.customers.get(customer.id)
    assert loaded == customer
    assert not hasattr(loaded, "_sa_instance_state")
    (op,) = outbox_rows(db)
    assert (op["entity"], op["entity_id"], op["op"], op["base_version"]) == (
        "customer", customer.id, "create", None,
    )
    fields = json.loads(op["fields"])
    assert fields["name"] == customer.name and fields["source"] == "referral"
    assert "owner" not in fields and "registration" not in fields  # registry-owned


def test_update_records_only_changed_fields_against_the_base_version(db):
    customer = replace(make_customer(), server_version=12)
    with UnitOfWork(db) as uow:
        uow.customers.add(customer)
        uow.commit()
    edited = replace(customer, phone="0531-85106001", status=CustomerStatus.FOLLOWING)
    with UnitOfWork(db) as uow:
        saved = uow.customers.update(uow.customers.get(customer.id), edited, [])
        uow.commit()
    assert saved.updated_at > customer.updated_at
    op = outbox_rows(db)[-1]
    assert op["op"] == "update" and op["base_version"] == 12
    assert json.loads(op["fields"]) == {"phone": "0531-85106001", "status": "following"}


def test_unchanged_update_writes_nothing(db):
    customer = make_customer()
    with UnitOfWork(db) as uow:
        uow.customers.add(customer)
        uow.commit()
    with UnitOfWork(db) as uow:
        uow.customers.update(uow.customers.get(customer.id), customer, [])
        uow.commit()
    assert len(outbox_rows(db)) == 1


def test_leaving_without_commit_rolls_back_rows_and_ops(db):
    with UnitOfWork(db) as uow:
        uow.customers.add(make_customer())
    with pytest.raises(RuntimeError), UnitOfWork(db) as uow:
        uow.customers.add(make_customer(name="另一家公司有限公司", uscc=""))
        uow.outbox.flush()
        raise RuntimeError("crash mid-way")
    assert db.reader.execute("SELECT count(*) FROM customer").fetchone()[0] == 0
    assert outbox_rows(db) == []


def test_delete_is_a_tombstone_with_a_delete_op(db):
    customer = make_customer()
    with UnitOfWork(db) as uow:
        uow.customers.add(customer)
        uow.commit()
    with UnitOfWork(db) as uow:
        uow.customers.delete(uow.customers.get(customer.id))
        uow.commit()
    row = db.reader.execute("SELECT deleted FROM customer WHERE id=?", (customer.id,)).fetchone()
    assert row[0] == 1
    assert [op["op"] for op in outbox_rows(db)] == ["create", "delete"]
    queries = CustomerQueries(db.reader)
    assert queries.count(CustomerCriteria()) == 0
    with pytest.raises(NotFound):
        queries.customer(customer.id)


def test_contacts_and_activities_round_trip_with_ops(db):
    customer = make_customer()
    person = Contact(customer_id=customer.id, name="王明", mobile="13912345678")
    visit = Activity(
        customer_id=customer.id,
        kind=ActivityKind.VISIT,
        occurred_at=datetime(2026, 11, 1, 8, 30, tzinfo=UTC),
        summary="拜访总经理",
        contact_id=person.id,
    )
    with UnitOfWork(db) as uow:
        uow.customers.add(customer, [person])
        uow.contacts.add(person)
        uow.activities.add(visit)
        uow.commit()
    queries = CustomerQueries(db.reader)
    assert queries.contacts(customer.id) == [person]
    assert queries.activities(customer.id) == [visit]
    assert [op["entity"] for op in outbox_rows(db)] == ["customer", "contact", "activity"]
    assert json.loads(outbox_rows(db)[1]["fields"])["customer_id"] == customer.id


def test_search_key_covers_contact_phones_and_pinyin(db):
    customer = make_customer()
    person = Contact(customer_id=customer.id, name="王明", mobile="139 1234 5678")
    with UnitOfWork(db) as uow:
        uow.customers.add(customer, [person])
        uow.contacts.add(person)
        uow.commit()
    queries = CustomerQueries(db.reader)
    for text in ("lc", "langchao", "浪潮", "13912345678", "053185106000", "91370000163446410b"):
        assert queries.count(CustomerCriteria(text=text)) == 1, text
    assert queries.count(CustomerCriteria(text="huawei")) == 0


def test_refresh_statistics_gives_the_planner_index_statistics(db):
    with UnitOfWork(db) as uow:
        uow.customers.add_many([(make_customer(name=f"测试公司{i}有限公司", uscc=""), [])
                                for i in range(50)])
        uow.commit()
    with UnitOfWork(db) as uow:
        uow.refresh_statistics()
    stats = db.reader.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl='customer'")
    assert stats.fetchone()[0] > 0
