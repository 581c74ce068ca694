"""Demo data on a real database: valid, unique, deterministic, never synced."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from erpdesk.app import open_desk
from erpdesk.domain.customer import Activity, ActivityKind, Contact, Customer, Industry
from erpdesk.domain.names import normalize_company_name
from erpdesk.domain.regions import find_province
from erpdesk.domain.uscc import is_valid_uscc
from erpdesk.domain.validation import (
    activity_problems,
    contact_problems,
    customer_problems,
)
from erpdesk.services import demo
from erpdesk.services.demo import INDUSTRY_WORDS, generate_demo
from erpdesk.storage.mapping import activity_from_row, contact_from_row, customer_from_row

NOW = datetime(2026, 6, 1, 4, 0, tzinfo=UTC)


@pytest.fixture
def desk(tmp_path):
    opened = open_desk(tmp_path / "desk.db")
    yield opened
    opened.close()


def rows(desk, table: str) -> list[dict]:
    return [dict(r) for r in desk.db.reader.execute(f"SELECT * FROM {table} ORDER BY id")]


def test_counts_and_no_outbox_ops(desk):
    result = generate_demo(desk.unit_of_work, customers=120, seed=3, now=NOW)
    assert (result.customers, result.contacts, result.activities) == (120, 360, 600)
    totals = desk.db.reader.execute(
        "SELECT (SELECT count(*) FROM customer), (SELECT count(*) FROM contact),"
        " (SELECT count(*) FROM activity), (SELECT count(*) FROM outbox)"
    ).fetchone()
    assert tuple(totals) == (120, 360, 600, 0)


def test_rows_are_valid_chinese_companies(desk):
    generate_demo(desk.unit_of_work, customers=300, seed=11, now=NOW)
    customers = [customer_from_row(r) for r in rows(desk, "customer")]
    contacts = [contact_from_row(r) for r in rows(desk, "contact")]
    activities = [activity_from_row(r) for r in rows(desk, "activity")]

    words = dict(INDUSTRY_WORDS)
    usccs = [c.uscc for c in customers if c.uscc]
    assert len(usccs) > 200  # most have a code ...
    assert all(is_valid_uscc(code) for code in usccs)  # ... with a valid check character
    assert len(set(usccs)) == len(usccs)
    for c in customers:
        assert customer_problems(c) == [], c
        assert find_province(c.province) is not None
        assert c.name.endswith("公司")
        # the industry enum matches the industry word in the name
        assert any(w in c.name and words[w] is c.industry for w in words), c.name
        if c.uscc:  # the code's region is the customer's province
            assert c.uscc[2:4] == find_province(c.province).code[:2]
    for person in contacts:
        assert contact_problems(person) == [], person
        assert 2 <= len(person.name) <= 3 and person.level is not None
    assert sum(1 for p in contacts if p.mobile) > 0.8 * len(contacts)
    ids = {p.id: p.customer_id for p in contacts}
    for act in activities:
        assert activity_problems(act) == []
        assert NOW - timedelta(days=366) <= act.occurred_at <= NOW
        assert act.contact_id is None or ids[act.contact_id] == act.customer_id
    kinds = {a.kind for a in activities}
    assert ActivityKind.VISIT in kinds and ActivityKind.CALL in kinds
    assert any("拜访" in a.summary for a in activities)
    assert len({c.industry for c in customers}) >= 8
    assert Industry.OTHER in set(words.values())


def test_normalised_names_are_unique_even_against_existing_customers(desk):
    generate_demo(desk.unit_of_work, customers=400, seed=5, now=NOW)
    # the same seed again would draw the same names: they must be avoided
    generate_demo(desk.unit_of_work, customers=400, seed=5, now=NOW)
    names = [r["name"] for r in rows(desk, "customer")]
    keys = [normalize_company_name(n) for n in names]
    assert len(names) == 800
    assert len(set(keys)) == 800
    stored = {r["name_key"] for r in rows(desk, "customer")}
    assert stored == set(keys)
    usccs = [r["uscc"] for r in rows(desk, "customer") if r["uscc"]]
    assert len(set(usccs)) == len(usccs)


def test_same_seed_same_data_other_seed_other_data(tmp_path):
    dumps = []
    for name, seed in (("a.db", 9), ("b.db", 9), ("c.db", 10)):
        desk = open_desk(tmp_path / name)
        generate_demo(desk.unit_of_work, customers=60, seed=seed, now=NOW)
        dumps.append([rows(desk, t) for t in ("customer", "contact", "activity")])
        desk.close()
    assert dumps[0] == dumps[1]
    assert dumps[0][0][0]["name"]  # not trivially equal
    assert {r["name"] for r in dumps[0][0]} != {r["name"] for r in dumps[2][0]}


def test_batches_are_separate_transactions_with_progress(desk, monkeypatch):
    monkeypatch.setattr(demo, "BATCH", 40)
    seen: list[int] = []
    generate_demo(
        desk.unit_of_work, customers=100, seed=1, progress=seen.append, now=NOW,
        contacts_per_customer=1, activities_per_customer=0,
    )
    assert seen == [40, 80, 100]
    assert len(rows(desk, "contact")) == 100
    assert rows(desk, "activity") == []


def test_refuses_silly_sizes(desk):
    with pytest.raises(ValueError):
        generate_demo(desk.unit_of_work, customers=0, seed=1)
    with pytest.raises(ValueError):
        generate_demo(desk.unit_of_work, customers=demo.MAX_CUSTOMERS + 1, seed=1)


def test_demo_rows_are_searchable_like_entered_ones(desk):
    generate_demo(desk.unit_of_work, customers=30, seed=2, now=NOW)
    first = rows(desk, "customer")[0]
    service = desk.customers
    found = service.page(service.criteria(first["name"][-8:]))
    assert first["id"] in {r.id for r in found}
    assert first["search_key"] and first["sort_key"].endswith(first["name"])


def test_demo_entities_are_domain_objects():
    # the generator itself, without a database: plain domain objects
    maker = demo._Maker(1, NOW, set(), set())
    customer, contacts, activities = maker.customer(2, 3)
    assert isinstance(customer, Customer)
    assert all(isinstance(c, Contact) and c.customer_id == customer.id for c in contacts)
    assert all(isinstance(a, Activity) for a in activities)
    assert customer.updated_at >= max(a.occurred_at for a in activities)


def test_demo_into_a_locked_database_writes_nothing(desk):
    other = sqlite3.connect(desk.db.path, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        from erpdesk.domain.errors import DatabaseLocked

        with pytest.raises(DatabaseLocked):
            generate_demo(desk.unit_of_work, customers=5, seed=1, now=NOW)
    finally:
        other.rollback()
        other.close()
    assert rows(desk, "customer") == []
