"""Demo data on a real database: valid, unique, deterministic, never synced."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from erpdesk.app import open_desk
from erpdesk.domain.customer import Activity, ActivityKind, Contact, Customer, Industry
from erpdesk.domain.names import name_region, normalize_company_name
from erpdesk.domain.regions import find_province
from erpdesk.domain.uscc import is_valid_uscc
from erpdesk.domain.validation import (
    activity_problems,
    contact_problems,
    customer_problems,
)
from erpdesk.services import demo
from erpdesk.services.demo import INDUSTRY_WORDS, generate_demo
from erpdesk.services.demo_database import (
    PARTIAL,
    DemoDatabaseError,
    build_demo_database,
    customer_count,
)
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
    # most names carry their region (济南华盛…, 华盛（济南）…), as real ones do
    assert sum(1 for c in customers if name_region(c.name)) > 0.4 * len(customers)
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


# --- all or nothing ---------------------------------------------------------------


class Stop(Exception):
    """Stands for a run stopped half-way (Ctrl+C, a full disk)."""


def stop_after(customers: int):
    def progress(done: int) -> None:
        if done > customers:
            raise Stop

    return progress


def count(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM customer").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize(("atomic", "kept"), [(True, 0), (False, 80)])
def test_adding_atomically_writes_all_or_nothing(desk, monkeypatch, atomic, kept):
    monkeypatch.setattr(demo, "BATCH", 40)
    with pytest.raises(Stop):
        generate_demo(desk.unit_of_work, customers=100, seed=1, now=NOW, atomic=atomic,
                      progress=stop_after(40), activities_per_customer=0)
    assert len(rows(desk, "customer")) == kept
    result = generate_demo(desk.unit_of_work, customers=100, seed=1, now=NOW, atomic=True)
    assert result.customers == 100 and len(rows(desk, "customer")) == 100 + kept


def partials(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if PARTIAL in p.name)


def test_a_new_demo_database_appears_whole_and_leaves_nothing_beside(tmp_path):
    target = tmp_path / "demo.db"
    seen: list[int] = []

    def progress(done: int) -> None:
        seen.append(done)
        assert not target.exists()  # nothing at the path while it is made
        assert len(partials(tmp_path)) >= 2  # the partial file and its lock

    result = build_demo_database(target, open_desk, customers=30, seed=4, now=NOW,
                                 progress=progress)
    assert seen == [30] and result.customers == 30
    assert count(target) == 30
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db"]  # no -wal, no partial
    with pytest.raises(ValueError):  # an existing one is added to, or replaced on purpose
        build_demo_database(target, open_desk, customers=3)


def test_a_run_stopped_half_way_leaves_no_database(tmp_path, monkeypatch):
    monkeypatch.setattr(demo, "BATCH", 10)
    target = tmp_path / "demo.db"
    with pytest.raises(Stop):
        build_demo_database(target, open_desk, customers=50, now=NOW, progress=stop_after(20))
    assert list(tmp_path.iterdir()) == []


def test_a_killed_runs_leftovers_are_removed_and_a_live_ones_kept(tmp_path):
    target = tmp_path / "demo.db"
    dead = tmp_path / f".demo.db.dead{PARTIAL}"
    for suffix in ("", "-wal", "-shm", ".lock"):  # a run killed: its lock is free
        (tmp_path / (dead.name + suffix)).write_bytes(b"x")
    live = tmp_path / f".demo.db.live{PARTIAL}"
    live.write_bytes(b"x")
    with (tmp_path / (live.name + ".lock")).open("w") as lock:
        fcntl = pytest.importorskip("fcntl")
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        build_demo_database(target, open_desk, customers=5, now=NOW)
        assert partials(tmp_path) == [live.name, live.name + ".lock"]
    assert count(target) == 5


def test_replace_builds_beside_and_keeps_the_old_one_until_done(tmp_path, monkeypatch):
    target = tmp_path / "demo.db"
    build_demo_database(target, open_desk, customers=20, seed=1, now=NOW)
    before = target.read_bytes()
    monkeypatch.setattr(demo, "BATCH", 10)
    with pytest.raises(Stop):
        build_demo_database(target, open_desk, customers=50, seed=2, now=NOW, replace=True,
                            progress=stop_after(20))
    assert target.read_bytes() == before and partials(tmp_path) == []
    build_demo_database(target, open_desk, customers=50, seed=2, now=NOW, replace=True)
    assert count(target) == 50
    assert customer_count(target, open_desk) == 50
    assert customer_count(tmp_path / "none.db", open_desk) is None


def test_replace_refuses_a_database_with_unsynced_changes_or_open_elsewhere(tmp_path):
    target = tmp_path / "desk.db"
    desk = open_desk(target)
    desk.customers.create(Customer(name="青岛海天食品有限公司"))  # real work, in the outbox
    desk.close()
    before = target.read_bytes()
    with pytest.raises(DemoDatabaseError) as refused:
        build_demo_database(target, open_desk, customers=5, replace=True)
    assert "not yet synced" in refused.value.render()
    assert target.read_bytes() == before

    demo_db = tmp_path / "demo.db"
    build_demo_database(demo_db, open_desk, customers=5, now=NOW)
    window = open_desk(demo_db)  # ERPDesk has it open
    try:
        assert window.customers.count(window.customers.criteria()) == 5
        with pytest.raises(DemoDatabaseError) as refused:
            build_demo_database(demo_db, open_desk, customers=9, replace=True)
        assert "open in another program" in refused.value.render()
    finally:
        window.close()
    assert count(demo_db) == 5 and partials(tmp_path) == []


def test_protected_customers_carry_the_registrys_dates_and_some_expire_soon(desk):
    from erpdesk.services.registration import EXPIRING, PROTECTED, protection_of

    generate_demo(desk.unit_of_work, customers=400, seed=5, now=NOW)
    found = rows(desk, "customer")
    protected = [r for r in found if r["registration"] == "protected"]
    assert protected and all(r["protected_until"] and r["release_due_at"] for r in protected)
    assert not any(
        r["protected_until"] or r["release_due_at"] for r in found
        if r["registration"] != "protected"
    )
    states = [protection_of("protected", r["protected_until"], r["release_due_at"], now=NOW)
              for r in protected]
    assert {PROTECTED, EXPIRING} <= set(states)
    for r in protected:
        until = datetime.fromisoformat(r["protected_until"])
        due = datetime.fromisoformat(r["release_due_at"])
        assert NOW + timedelta(days=20) <= until <= NOW + timedelta(days=170)
        assert NOW + timedelta(days=2) <= due <= NOW + timedelta(days=60)
