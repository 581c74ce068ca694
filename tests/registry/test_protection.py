"""Protection periods on the registry's clock: dates from verification,
follow-ups pushed by sync extending them up to the maximum, warnings and
releases to the pool by the periodic sweep (also from several workers at
once, and from the command line); exemption from release (a won customer:
set and ended by the administrator with a reason; the sweep leaves it alone)."""

from __future__ import annotations

import io
import threading
import time
import uuid
from collections import Counter
from datetime import datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from registry_support import (
    error_of,
    make_user,
    registration,
    registry_of,
    sign_in,
    uscc,
)
from sqlalchemy import func, insert, select
from test_sync import latest, op, pull_all, push

from erpdesk.registry.api.app import create_app
from erpdesk.registry.cli import main
from erpdesk.registry.config import system_clock
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.journal import Actor
from erpdesk.registry.db.schema import (
    audit_log,
    changes,
    customers,
    job_leases,
    notifications,
    sync_access,
    users,
)
from erpdesk.registry.jobs import run_protection_sweep
from erpdesk.registry.policy import set_setting

DAY = timedelta(days=1)


@pytest.fixture
def people(client):
    make_user(client, "admin", "admin", display_name="周管理员")
    make_user(client, "rep.a", "rep", display_name="王一", team="east")
    make_user(client, "rep.b", "rep", display_name="李二", team="east")
    make_user(client, "rep.c", "rep", display_name="张三", team="east")
    return {name: sign_in(client, name) for name in ("admin", "rep.a", "rep.b", "rep.c")}


def refresh(client, people, clock) -> None:
    """New tokens for everyone (a token lasts 24 hours on the moved clock)."""
    for name in people:
        people[name] = sign_in(client, name)


def protect(client, people, clock, name="济南华信机械制造有限公司", seed=1, rep="rep.a"):
    """A customer registered by *rep* and verified now; its id."""
    body = registration(name, uscc(seed), now=clock.now)
    response = client.post("/api/v1/registrations", json=body, headers=people[rep])
    assert response.status_code == 201, response.text
    verified = client.post(
        f"/api/v1/admin/registrations/{body['id']}/callback",
        json={"result": "valid"},
        headers=people["admin"],
    )
    assert verified.status_code == 200, verified.text
    return body["customer"]["id"]


def customer(client, people, customer_id, who="admin") -> dict[str, Any]:
    """The customer's registry state as *who* reads it (signed in afresh)."""
    people[who] = sign_in(client, who)
    response = client.get(f"/api/v1/customers/{customer_id}", headers=people[who])
    assert response.status_code == 200, response.text
    return response.json()


def when(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def activity(customer_id: str, at: datetime, kind: str = "call") -> dict[str, Any]:
    return op(
        "activity",
        str(uuid.uuid4()),
        customer_id=customer_id,
        kind=kind,
        occurred_at=at.isoformat(),
        summary=f"{kind} {at:%m-%d}",
    )


def follow_up(client, headers, customer_id, at, kind="call") -> dict[str, Any]:
    (result,) = push(client, headers, [activity(customer_id, at, kind)])["results"]
    assert result["status"] == "applied", result
    return result


def setting(client, clock, key, value) -> None:
    with registry_of(client).db.write() as conn:
        set_setting(conn, clock.now, Actor(None, "test"), key, str(value))


def sweep(client, clock, **kwargs):
    return run_protection_sweep(registry_of(client).db, clock.now, holder="test", **kwargs)


def rows(client, table, *where):
    with registry_of(client).db.read() as conn:
        return conn.execute(select(table).where(*where)).all()


# -- the dates -------------------------------------------------------------------


def test_verification_allocation_and_release_set_the_dates(client, people, clock):
    cid = protect(client, people, clock)
    data = customer(client, people, cid, "rep.a")
    assert when(data["protected_since"]) == clock.now
    assert when(data["protected_until"]) == clock.now + 90 * DAY
    assert when(data["release_due_at"]) == clock.now + 30 * DAY
    assert data["last_follow_up_at"] is None

    clock.advance(days=10)
    refresh(client, people, clock)
    url = f"/api/v1/admin/customers/{cid}/allocate"
    moved = client.post(url, json={"rep": "rep.b", "reason": "王一调岗"}, headers=people["admin"])
    assert moved.status_code == 200, moved.text
    data = moved.json()
    assert when(data["protected_since"]) == clock.now
    assert when(data["release_due_at"]) == clock.now + 30 * DAY

    released = client.post(
        url, json={"action": "release", "reason": "客户暂停项目"}, headers=people["admin"]
    )
    data = released.json()
    assert data["status"] == "pool" and data["owner"] is None
    assert data["protected_until"] is None and data["release_due_at"] is None
    assert when(data["released_at"]) == clock.now
    (row,) = rows(client, customers, customers.c.id == cid)
    rep_b = rows(client, users, users.c.username == "rep.b")[0]
    assert row.last_owner_id == rep_b.id
    actions = [r.action for r in rows(client, audit_log, audit_log.c.entity_id == cid)]
    assert actions[-2:] == ["customer.allocate", "customer.release"]


# -- follow-ups ------------------------------------------------------------------


def test_follow_ups_extend_protection_up_to_the_maximum(client, people, clock):
    cid = protect(client, people, clock)
    since = clock.now
    before = customer(client, people, cid)["change_number"]
    changes, cursor = pull_all(client, people["rep.a"])
    fields = latest(changes)[("customer", cid)]["fields"]
    assert when(fields["release_due_at"]) == since + 30 * DAY
    assert fields["last_follow_up_at"] is None

    clock.advance(days=20)
    refresh(client, people, clock)
    at = clock.now - timedelta(hours=2)
    follow_up(client, people["rep.a"], cid, at)
    data = customer(client, people, cid)
    assert when(data["last_follow_up_at"]) == at
    assert when(data["protected_until"]) == at + 90 * DAY
    assert when(data["release_due_at"]) == at + 30 * DAY
    assert data["change_number"] > before
    # The owner's desk pulls the new dates.
    pulled = latest(pull_all(client, people["rep.a"], cursor)[0])[("customer", cid)]
    assert when(pulled["fields"]["protected_until"]) == at + 90 * DAY
    # ... and when it goes to the pool now, with the follow-up that moved it.
    assert when(pulled["fields"]["release_due_at"]) == at + 30 * DAY
    assert when(pulled["fields"]["last_follow_up_at"]) == at
    assert pulled["version"] == data["change_number"]

    for day in (45, 70, 95, 120, 150):  # regular follow-ups: never past since + 180
        clock.now = since + day * DAY
        refresh(client, people, clock)
        follow_up(client, people["rep.a"], cid, clock.now, kind="visit")
        data = customer(client, people, cid)
        assert when(data["protected_until"]) == min(since + 180 * DAY, clock.now + 90 * DAY)
        assert when(data["release_due_at"]) == min(since + 180 * DAY, clock.now + 30 * DAY)
    assert when(data["protected_until"]) == since + 180 * DAY
    assert when(data["release_due_at"]) == since + 180 * DAY


def test_device_time_in_the_future_is_not_trusted(client, people, clock):
    cid = protect(client, people, clock)
    clock.advance(days=5)
    refresh(client, people, clock)
    follow_up(client, people["rep.a"], cid, clock.now + 60 * DAY)  # a laptop set two months ahead
    data = customer(client, people, cid)
    assert when(data["last_follow_up_at"]) == clock.now
    assert when(data["release_due_at"]) == clock.now + 30 * DAY
    assert when(data["protected_until"]) == clock.now + 90 * DAY


def test_what_does_not_count_as_a_follow_up(client, people, clock):
    cid = protect(client, people, clock)
    verified = customer(client, people, cid)
    clock.advance(days=3)
    refresh(client, people, clock)
    # Before the protection began (the registration's own visit, pushed late).
    follow_up(client, people["rep.a"], cid, verified_at(verified) - DAY, kind="visit")
    # Not the rep's: the administrator's activity on the rep's customer.
    follow_up(client, people["admin"], cid, clock.now)
    # Another rep cannot even write it.
    (refused,) = push(client, people["rep.b"], [activity(cid, clock.now)])["results"]
    assert refused["status"] == "rejected" and refused["reason"] == "customer_not_found"
    # The registry's own kind of activity.
    follow_up(client, people["rep.a"], cid, clock.now, kind="callback")
    assert customer(client, people, cid)["release_due_at"] == verified["release_due_at"]
    assert customer(client, people, cid)["last_follow_up_at"] is None

    # A follow-up counts once; an older one after it moves nothing.
    follow_up(client, people["rep.a"], cid, clock.now)
    counted = customer(client, people, cid)
    assert when(counted["last_follow_up_at"]) == clock.now
    follow_up(client, people["rep.a"], cid, clock.now - DAY)
    again = customer(client, people, cid)
    assert again["release_due_at"] == counted["release_due_at"]
    assert again["change_number"] == counted["change_number"]


def verified_at(data: dict[str, Any]) -> datetime:
    value = when(data["protected_since"])
    assert value is not None
    return value


def test_one_batch_of_follow_ups_writes_the_customer_once(client, people, clock):
    cid = protect(client, people, clock)
    other = protect(client, people, clock, "青岛海岳食品有限公司", 2)
    clock.advance(days=10)
    refresh(client, people, clock)
    with registry_of(client).db.read() as conn:
        marker = conn.execute(select(func.max(changes.c.number))).scalar_one()
    ops = [activity(cid, clock.now - timedelta(hours=h)) for h in (5, 1, 3)]
    ops += [activity(other, clock.now - DAY), activity(other, clock.now - 2 * DAY)]
    results = push(client, people["rep.a"], ops)["results"]
    assert [r["status"] for r in results] == ["applied"] * 5
    written = [
        r.entity_id
        for r in rows(client, changes, changes.c.entity == "customers", changes.c.number > marker)
    ]
    assert sorted(written) == sorted([cid, other])
    assert when(customer(client, people, cid)["last_follow_up_at"]) == clock.now - timedelta(
        hours=1
    )
    assert when(customer(client, people, other)["last_follow_up_at"]) == clock.now - DAY


def test_a_follow_up_that_moves_the_release_forgets_the_warning(client, people, clock):
    cid = protect(client, people, clock)
    clock.advance(days=25)
    assert sweep(client, clock).warned == 1
    (row,) = rows(client, customers, customers.c.id == cid)
    assert row.warned_at == clock.now
    refresh(client, people, clock)
    follow_up(client, people["rep.a"], cid, clock.now)
    (row,) = rows(client, customers, customers.c.id == cid)
    assert row.warned_at is None and row.release_due_at == clock.now + 30 * DAY
    clock.advance(days=24)
    assert sweep(client, clock).warned == 1  # warned again before the new date


# -- the sweep -------------------------------------------------------------------


def test_the_owner_is_warned_once_before_the_release(client, people, clock):
    cid = protect(client, people, clock)
    due = clock.now + 30 * DAY
    clock.advance(days=22, hours=23)  # more than warning_days before
    assert (sweep(client, clock).warned, sweep(client, clock).released) == (0, 0)
    clock.advance(hours=1)  # exactly warning_days before
    first = sweep(client, clock)
    assert (first.ran, first.warned, first.released) == (True, 1, 0)
    assert sweep(client, clock).warned == 0
    clock.advance(days=3)
    assert sweep(client, clock).warned == 0
    (note,) = rows(client, notifications)
    rep_a = rows(client, users, users.c.username == "rep.a")[0]
    assert (note.user_id, note.kind, note.entity, note.entity_id) == (
        rep_a.id,
        "release_warning",
        "customer",
        cid,
    )
    assert note.params == {
        "customer_name": "济南华信机械制造有限公司",
        "release_due_at": due.isoformat(),
    }
    # The owner reads it through the API.
    refresh(client, people, clock)
    listed = client.get("/api/v1/notifications", headers=people["rep.a"]).json()
    assert [n["kind"] for n in listed] == ["release_warning"]


def test_release_after_n_days_without_follow_up(client, people, clock):
    cid = protect(client, people, clock)
    _, cursor = pull_all(client, people["rep.a"])
    clock.advance(days=30)
    result = sweep(client, clock)
    assert (result.released, result.warned) == (1, 0)  # too late to warn: released
    (row,) = rows(client, customers, customers.c.id == cid)
    rep_a = rows(client, users, users.c.username == "rep.a")[0]
    assert (row.status, row.owner_id, row.last_owner_id) == ("pool", None, rep_a.id)
    assert row.released_at == clock.now
    assert (row.protected_since, row.protected_until, row.release_due_at) == (None,) * 3
    (entry,) = rows(client, audit_log, audit_log.c.action == "customer.release.expired")
    assert (entry.entity_id, entry.reason) == (cid, "no follow-up for 30 days")
    assert entry.actor == "job:protection_sweep"
    assert entry.before["owner_id"] == rep_a.id and entry.after["status"] == "pool"
    (note,) = rows(client, notifications, notifications.c.kind == "released")
    assert note.user_id == rep_a.id and note.params["customer_name"] == "济南华信机械制造有限公司"
    # The former owner's desk drops it; the customer is no longer its to read.
    refresh(client, people, clock)
    page, _ = pull_all(client, people["rep.a"], cursor)
    assert latest(page)[("customer", cid)] == {
        "entity": "customer",
        "id": cid,
        "version": latest(page)[("customer", cid)]["version"],
        "deleted": False,
        "visible": False,
        "fields": {},
    }
    gone = client.get(f"/api/v1/customers/{cid}", headers=people["rep.a"])
    assert gone.status_code == 404 and error_of(gone)["code"] == "not_found"
    assert sweep(client, clock).released == 0  # nothing twice


def test_release_when_protection_ends_despite_follow_ups(client, people, clock):
    setting(client, clock, "protection_days", 20)
    setting(client, clock, "protection_max_days", 40)
    setting(client, clock, "pool_release_days", 30)
    cid = protect(client, people, clock)
    since = clock.now
    assert when(customer(client, people, cid)["release_due_at"]) == since + 20 * DAY
    for day in (10, 25, 35):
        clock.now = since + day * DAY
        refresh(client, people, clock)
        follow_up(client, people["rep.a"], cid, clock.now)
    assert when(customer(client, people, cid)["release_due_at"]) == since + 40 * DAY
    clock.now = since + 40 * DAY
    assert sweep(client, clock).released == 1
    (entry,) = rows(client, audit_log, audit_log.c.action == "customer.release.expired")
    assert entry.reason == "protection ended"


def test_a_customer_followed_up_in_time_stays(client, people, clock):
    cid = protect(client, people, clock)
    clock.advance(days=29)
    refresh(client, people, clock)
    follow_up(client, people["rep.a"], cid, clock.now)
    clock.advance(days=2)
    assert sweep(client, clock).released == 0
    assert customer(client, people, cid)["status"] == "protected"


def test_the_lease_lets_one_worker_sweep_per_interval(client, people, clock):
    protect(client, people, clock)
    first = sweep(client, clock, lease=timedelta(minutes=5))
    assert first.ran
    other = run_protection_sweep(
        registry_of(client).db, clock.now, holder="other", lease=timedelta(minutes=5)
    )
    assert not other.ran and other.holder == "test"
    assert "skipped" in other.describe()
    clock.advance(minutes=5)
    assert run_protection_sweep(
        registry_of(client).db, clock.now, holder="other", lease=timedelta(minutes=5)
    ).ran
    (lease,) = rows(client, job_leases)
    assert (lease.name, lease.holder, lease.last_run_at) == ("protection_sweep", "other", clock.now)
    assert lease.last_result["released"] == 0 and lease.last_result["ran"] is True


def insert_due(
    db: RegistryDatabase, owner_ids: list[int], n: int, now: datetime, *, due_in: timedelta
) -> list[str]:
    """*n* protected customers (spread over *owner_ids*) due at now + *due_in*."""
    ids = [str(uuid.uuid4()) for _ in range(n)]
    since = now - 60 * DAY
    with db.write() as conn:
        conn.execute(
            insert(customers),
            [
                {
                    "id": cid,
                    "name": f"测试客户{cid[:8]}有限公司",
                    "name_key": f"测试客户{cid[:8]}",
                    "uscc": "",
                    "fields": {},
                    "owner_id": owner_ids[i % len(owner_ids)],
                    "status": "protected",
                    "protected_since": since,
                    "protected_until": since + 90 * DAY,
                    "verified_at": since,
                    "release_due_at": now + due_in,
                    "created_at": since,
                    "updated_at": since,
                }
                for i, cid in enumerate(ids)
            ],
        )
    return ids


def user_ids(client, *names) -> list[int]:
    return [rows(client, users, users.c.username == n)[0].id for n in names]


def test_sweeps_running_at_once_release_and_warn_each_customer_once(client, people, clock):
    db = registry_of(client).db  # on SQLite the writers take turns; PostgreSQL is the test
    owners = user_ids(client, "rep.a", "rep.b", "rep.c")
    due = insert_due(db, owners, 120, clock.now, due_in=-DAY)
    soon = insert_due(db, owners, 45, clock.now, due_in=3 * DAY)
    workers = 6
    barrier = threading.Barrier(workers)
    results = []
    errors: list[BaseException] = []

    def work(i: int) -> None:
        engine = RegistryDatabase(db.url)
        try:
            barrier.wait()
            results.append(run_protection_sweep(engine, clock.now, holder=f"w{i}", batch=7))
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert sum(r.released for r in results) == len(due)
    assert sum(r.warned for r in results) == len(soon)
    audited = Counter(
        r.entity_id
        for r in rows(client, audit_log, audit_log.c.action == "customer.release.expired")
    )
    assert audited == Counter(due)
    told = Counter((r.kind, r.entity_id) for r in rows(client, notifications))
    assert told == Counter([("released", c) for c in due] + [("release_warning", c) for c in soon])
    revokes = Counter(r.customer_id for r in rows(client, sync_access))
    assert revokes == Counter(due)
    with db.read() as conn:
        numbers = conn.execute(select(changes.c.number).order_by(changes.c.number)).scalars().all()
        stamped = conn.execute(
            select(func.count()).select_from(customers).where(customers.c.change_number > 0)
        ).scalar_one()
    assert numbers == list(range(1, len(numbers) + 1))
    assert stamped >= len(due)


def test_jobs_run_from_the_command_line(client, people, capsys):
    db = registry_of(client).db
    now = system_clock()
    ids = insert_due(db, user_ids(client, "rep.a"), 3, now, due_in=-DAY)
    insert_due(db, user_ids(client, "rep.b"), 2, now, due_in=2 * DAY)
    out = io.StringIO()
    assert main(["jobs", "run", "--db", db.url, "--dry-run"], stdout=out) == 0
    assert out.getvalue() == (
        "would release 3 customers to the pool and warn the owners of 2 customers"
        " (dry run: nothing changed)\n"
    )
    assert {r.status for r in rows(client, customers, customers.c.id.in_(ids))} == {"protected"}
    out = io.StringIO()
    assert main(["jobs", "run", "--db", db.url], stdout=out) == 0
    assert out.getvalue() == (
        "released 3 customers to the pool; warned the owners of 2 customers of a coming release\n"
    )
    assert {r.status for r in rows(client, customers, customers.c.id.in_(ids))} == {"pool"}
    out = io.StringIO()
    assert main(["jobs", "run", "--db", db.url, "--lease", "300"], stdout=out) == 0
    assert out.getvalue().startswith("released 0 customers")
    out = io.StringIO()
    assert main(["jobs", "run", "--db", db.url, "--lease", "300"], stdout=out) == 0
    assert out.getvalue().startswith("skipped: cli:")
    assert main(["jobs", "run", "--db", db.url, "--lease", "-1"]) == 2
    assert "--lease" in capsys.readouterr().err


def test_each_worker_sweeps_in_the_background(config, clock):
    app = create_app(config.with_changes(job_interval=0.05))
    with TestClient(app) as client:
        make_user(client, "rep.a", "rep")
        db = registry_of(client).db
        (cid,) = insert_due(db, user_ids(client, "rep.a"), 1, clock.now, due_in=-DAY)
        deadline = time.monotonic() + 20
        while rows(client, customers, customers.c.id == cid)[0].status != "pool":
            assert time.monotonic() < deadline, "the background sweep did not run"
            clock.advance(seconds=1)  # the registry's time goes on: the lease runs out
            time.sleep(0.05)
    (lease,) = rows_of(config.db_url, job_leases)
    assert lease.last_result["released"] >= 0


def rows_of(url: str, table) -> list[Any]:
    db = RegistryDatabase(url)
    try:
        with db.read() as conn:
            return list(conn.execute(select(table)).all())
    finally:
        db.dispose()


def test_a_stale_release_date_is_not_acted_on(client, people, clock):
    """A customer allocated anew after it fell due is not released on its old date."""
    cid = protect(client, people, clock)
    clock.advance(days=31)
    refresh(client, people, clock)  # the sweep has not run since it fell due
    moved = client.post(
        f"/api/v1/admin/customers/{cid}/allocate",
        json={"rep": "rep.b", "reason": "重新分配"},
        headers=people["admin"],
    )
    assert moved.status_code == 200
    assert sweep(client, clock).released == 0
    assert customer(client, people, cid)["owner"] == "rep.b"


# -- exemption from release (a won customer) ----------------------------------------


def exemption(client, people, customer_id, status=200, **body):
    people["admin"] = sign_in(client, "admin")  # the clock moves: a fresh token
    response = client.post(
        f"/api/v1/admin/customers/{customer_id}/exemption", json=body, headers=people["admin"]
    )
    assert response.status_code == status, response.text
    return response.json() if status == 200 else error_of(response)


def test_an_exempt_customer_is_neither_warned_nor_released(client, people, clock):
    cid = protect(client, people, clock)
    clock.advance(days=5)
    data = exemption(client, people, cid, reason="已签约:生产和财务模块")
    assert when(data["exempt_since"]) == clock.now
    assert data["exempt_reason"] == "已签约:生产和财务模块"
    assert data["status"] == "protected" and data["owner"] == "rep.a"
    # The owner's desk learns it by pull; the rep cannot write it by an op.
    refresh(client, people, clock)
    page, _ = pull_all(client, people["rep.a"])
    pulled = latest(page)[("customer", cid)]["fields"]
    assert when(pulled["exempt_since"]) == clock.now
    (entry,) = rows(client, audit_log, audit_log.c.action == "customer.exempt")
    assert (entry.entity_id, entry.actor, entry.reason) == (cid, "admin", "已签约:生产和财务模块")
    # Long past the warning, the release and the end of protection: nothing.
    for days in (24, 30, 200):
        clock.advance(days=days)
        result = sweep(client, clock)
        assert (result.released, result.warned) == (0, 0)
    (row,) = rows(client, customers, customers.c.id == cid)
    assert (row.status, row.warned_at) == ("protected", None)

    # Ended: protection starts afresh now, and the usual clock runs again.
    refresh(client, people, clock)
    data = exemption(client, people, cid, exempt=False, reason="合同终止")
    assert (data["exempt_since"], data["exempt_reason"]) == (None, None)
    assert when(data["protected_since"]) == clock.now
    assert when(data["release_due_at"]) == clock.now + timedelta(days=30)
    assert sweep(client, clock).released == 0
    clock.advance(days=30)
    assert sweep(client, clock).released == 1
    actions = [e.action for e in rows(client, audit_log, audit_log.c.entity_id == cid)]
    assert actions[-3:] == ["customer.exempt", "customer.unexempt", "customer.release.expired"]


def test_exemption_answers_bad_requests_clearly_and_changes_nothing(client, people, clock):
    cid = protect(client, people, clock)
    assert exemption(client, people, cid, 422, reason="  ")["code"] == "invalid_input"
    assert exemption(client, people, cid, 422, reason="x" * 501)["code"] == "invalid_request"
    assert exemption(client, people, cid, 422, reason="x", extra=1)["code"] == "invalid_request"
    assert exemption(client, people, cid, 409, exempt=False, reason="x")["code"] == "not_exempt"
    exemption(client, people, cid, reason="won")
    assert exemption(client, people, cid, 409, reason="again")["code"] == "already_exempt"
    refused = client.post(
        f"/api/v1/admin/customers/{cid}/exemption", json={"reason": "mine"},
        headers=people["rep.a"],
    )
    assert refused.status_code == 403 and error_of(refused)["code"] == "forbidden"
    (row,) = rows(client, customers, customers.c.id == cid)
    assert row.exempt_reason == "won"
    assert len(rows(client, audit_log, audit_log.c.action == "customer.exempt")) == 1


def test_only_a_protected_customer_can_be_exempt_and_a_release_ends_it(client, people, clock):
    cid = protect(client, people, clock)
    exemption(client, people, cid, reason="won")
    released = client.post(
        f"/api/v1/admin/customers/{cid}/allocate", json={"action": "release", "reason": "调岗"},
        headers=people["admin"],
    )
    assert released.status_code == 200, released.text
    assert (released.json()["exempt_since"], released.json()["status"]) == (None, "pool")
    assert exemption(client, people, cid, 409, reason="won")["code"] == "not_protected"
    assert customer(client, people, cid)["exempt_reason"] is None
