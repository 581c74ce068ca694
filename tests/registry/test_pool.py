"""The pool (公海): listing it, claims with the cap, the cool-down and the
daily limit, claims racing for one customer, who may use the endpoints, and
hostile input."""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from datetime import datetime, timedelta

import pytest
from registry_support import error_of, make_user, registration, registry_of, sign_in, uscc
from sqlalchemy import select
from test_access import (
    ROLES,
    expect,
    world,  # noqa: F401 - the access matrix's users
)
from test_protection import DAY, protect, setting
from test_sync import PROTOCOL, latest, op, pull_all, push

from erpdesk.registry.accounts import User
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.schema import audit_log, customers, users
from erpdesk.registry.errors import BadRequest, Conflict
from erpdesk.registry.pool import claim


@pytest.fixture
def people(client):
    make_user(client, "admin", "admin", display_name="周管理员")
    for name, display in (("rep.a", "王一"), ("rep.b", "李二"), ("rep.c", "张三")):
        make_user(client, name, "rep", display_name=display, team="east")
    make_user(client, "tm", "telemarketer")
    return {name: sign_in(client, name) for name in ("admin", "rep.a", "rep.b", "rep.c", "tm")}


def release(client, people, customer_id, reason="三个月无进展") -> None:
    response = client.post(
        f"/api/v1/admin/customers/{customer_id}/allocate",
        json={"action": "release", "reason": reason},
        headers=people["admin"],
    )
    assert response.status_code == 200, response.text


def pooled(client, people, clock, name="济南华信机械制造有限公司", seed=1, rep="rep.a"):
    """A customer protected for *rep*, then released to the pool; its id."""
    cid = protect(client, people, clock, name, seed, rep)
    release(client, people, cid)
    return cid


def claim_it(client, headers, customer_id, reason="客户有新项目", status=200):
    response = client.post(
        f"/api/v1/pool/{customer_id}/claim", json={"reason": reason}, headers=headers
    )
    assert response.status_code == status, response.text
    return response.json() if status == 200 else error_of(response)


def signed_in_again(client, people) -> None:
    for name in people:
        people[name] = sign_in(client, name)


# -- the listing -----------------------------------------------------------------


def test_the_pool_lists_released_customers_without_their_history(client, people, clock):
    first = pooled(client, people, clock, "济南华信机械制造有限公司", 1)
    clock.advance(hours=1)
    second = pooled(
        client,
        people,
        clock,
        "青岛海岳食品有限公司",
        2,
        rep="rep.b",
    )
    protect(client, people, clock, "烟台远航物流有限公司", 3)  # protected: not in the pool
    for who in ("rep.c", "admin"):
        page = client.get("/api/v1/pool", headers=people[who])
        assert page.status_code == 200, page.text
        body = page.json()
        assert body["total"] == 2
        assert [c["id"] for c in body["customers"]] == [second, first]  # newest first
        item = body["customers"][1]
        assert item == {
            "id": first,
            "name": "济南华信机械制造有限公司",
            "industry": "machinery",
            "province": "山东省",
            "city": "济南市",
            "size_band": "medium",
            "released_at": item["released_at"],
        }
        assert datetime.fromisoformat(item["released_at"]) == clock.now - timedelta(hours=1)
    found = client.get("/api/v1/pool", params={"q": "海岳"}, headers=people["rep.c"]).json()
    assert [c["id"] for c in found["customers"]] == [second] and found["total"] == 1
    # Full-width and spaced forms of a name are folded like the duplicate check does.
    found = client.get("/api/v1/pool", params={"q": "华信 机械"}, headers=people["rep.c"])
    assert [c["id"] for c in found.json()["customers"]] == [first]
    none = client.get("/api/v1/pool", params={"q": "100%_"}, headers=people["rep.c"]).json()
    assert none == {"customers": [], "total": 0}
    page = client.get(
        "/api/v1/pool", params={"limit": 1, "offset": 1}, headers=people["rep.c"]
    ).json()
    assert [c["id"] for c in page["customers"]] == [first] and page["total"] == 2


# -- claims ----------------------------------------------------------------------


def test_a_claim_protects_the_customer_audits_and_brings_its_history(client, people, clock):
    cid = pooled(client, people, clock)
    contact, visit = str(uuid.uuid4()), str(uuid.uuid4())
    (result,) = push(
        client,
        people["admin"],
        [
            op(
                "activity",
                visit,
                customer_id=cid,
                kind="visit",
                occurred_at=clock.now.isoformat(),
                summary="公海客户回访",
            ),
        ],
        device="admin-desk",
    )["results"]
    assert result["status"] == "applied"
    (result,) = push(
        client,
        people["admin"],
        [
            op("contact", contact, customer_id=cid, name="赵敏"),
        ],
        device="admin-desk",
    )["results"]
    _, cursor = pull_all(client, people["rep.b"])
    clock.advance(days=2)
    signed_in_again(client, people)
    data = claim_it(client, people["rep.b"], cid, "客户重新启动 ERP 选型")
    assert data["status"] == "protected" and data["owner"] == "rep.b"
    assert datetime.fromisoformat(data["protected_since"]) == clock.now
    assert datetime.fromisoformat(data["protected_until"]) == clock.now + 90 * DAY
    assert datetime.fromisoformat(data["release_due_at"]) == clock.now + 30 * DAY
    (entry,) = _rows(client, audit_log, audit_log.c.action == "pool.claim")
    assert (entry.actor, entry.entity_id, entry.reason) == ("rep.b", cid, "客户重新启动 ERP 选型")
    assert entry.before["status"] == "pool" and entry.after["status"] == "protected"
    # Its whole history reaches the new owner's desk.
    got = latest(pull_all(client, people["rep.b"], cursor)[0])
    assert {("customer", cid), ("contact", contact), ("activity", visit)} <= set(got)
    assert got[("customer", cid)]["fields"]["owner"] == "rep.b"
    assert client.get("/api/v1/pool", headers=people["rep.c"]).json()["total"] == 0
    # A body is optional.
    other = pooled(client, people, clock, "青岛海岳食品有限公司", 2)
    bare = client.post(f"/api/v1/pool/{other}/claim", headers=people["rep.c"])
    assert bare.status_code == 200 and bare.json()["owner"] == "rep.c"


def test_who_lost_it_waits_for_the_cooldown(client, people, clock):
    cid = pooled(client, people, clock)  # rep.a lost it now
    released = clock.now
    clock.advance(days=29)
    signed_in_again(client, people)
    error = claim_it(client, people["rep.a"], cid, status=409)
    assert error["code"] == "cooldown"
    claimable = released + timedelta(days=30)
    assert datetime.fromisoformat(error["claimable_from"]) == claimable
    assert claimable.date().isoformat() in error["message"]
    clock.now = claimable
    signed_in_again(client, people)
    assert claim_it(client, people["rep.a"], cid)["owner"] == "rep.a"


def test_the_cap_counts_what_the_rep_holds(client, people, clock):
    cid = pooled(client, people, clock)
    protect(client, people, clock, "青岛海岳食品有限公司", 2, rep="rep.b")
    setting(client, clock, "rep_cap", 1)
    error = claim_it(client, people["rep.b"], cid, status=409)
    assert error["code"] == "cap_reached" and error["cap"] == 1
    assert claim_it(client, people["rep.c"], cid)["owner"] == "rep.c"


def test_claims_per_day_are_limited(client, people, clock):
    setting(client, clock, "pool_claims_per_day", 2)
    ids = [
        pooled(client, people, clock, name, seed)
        for seed, name in enumerate(
            ("济南华信机械制造有限公司", "青岛海岳食品有限公司", "烟台远航物流有限公司"), start=1
        )
    ]
    first_at = clock.now
    claim_it(client, people["rep.b"], ids[0])
    clock.advance(hours=3)
    claim_it(client, people["rep.b"], ids[1])
    clock.advance(hours=3)
    error = claim_it(client, people["rep.b"], ids[2], status=409)
    assert error["code"] == "daily_claims_reached" and error["limit"] == 2
    assert datetime.fromisoformat(error["next_claim_at"]) == first_at + timedelta(hours=24)
    assert claim_it(client, people["rep.c"], ids[2], status=200)["owner"] == "rep.c"
    release(client, people, ids[2])
    clock.now = first_at + timedelta(hours=24)
    signed_in_again(client, people)
    assert claim_it(client, people["rep.b"], ids[2])["owner"] == "rep.b"


def test_a_customer_no_longer_in_the_pool(client, people, clock):
    cid = pooled(client, people, clock)
    claim_it(client, people["rep.b"], cid)
    assert claim_it(client, people["rep.c"], cid, status=409)["code"] == "not_in_pool"
    assert claim_it(client, people["rep.b"], cid, status=409)["code"] == "already_owner"
    never = protect(client, people, clock, "青岛海岳食品有限公司", 2)
    # Never released: a stranger learns nothing about it, not even that it exists.
    assert claim_it(client, people["rep.c"], never, status=404)["code"] == "not_found"
    assert claim_it(client, people["rep.c"], str(uuid.uuid4()), status=404)["code"] == "not_found"


def test_a_company_held_again_cannot_be_claimed(client, people, clock):
    cid = pooled(client, people, clock, "济南华信机械制造有限公司", 1)
    # Another rep registers the same company as a new customer meanwhile.
    body = registration("济南华信机械制造有限公司", uscc(1), now=clock.now)
    response = client.post("/api/v1/registrations", json=body, headers=people["rep.c"])
    assert response.status_code == 201, response.text
    error = claim_it(client, people["rep.b"], cid, status=409)
    assert error["code"] == "pending" and error["owner"] == "张三"
    row = _rows(client, customers, customers.c.id == cid)[0]
    assert row.status == "pool"


def test_a_rep_keeps_the_history_of_a_customer_across_owners(client, people, clock):
    """Lost by rep.a, claimed by rep.b: rep.a's activities stay with the customer."""
    cid = protect(client, people, clock)
    activity = str(uuid.uuid4())
    push(
        client,
        people["rep.a"],
        [
            op(
                "activity",
                activity,
                customer_id=cid,
                kind="call",
                occurred_at=clock.now.isoformat(),
                summary="首次电话",
            )
        ],
    )
    release(client, people, cid)
    claim_it(client, people["rep.b"], cid)
    got = latest(pull_all(client, people["rep.b"])[0])
    assert got[("activity", activity)]["fields"]["summary"] == "首次电话"


# -- races -----------------------------------------------------------------------


def _user(client, name) -> User:
    row = _rows(client, users, users.c.username == name)[0]
    return User.of(row)


def _race(url: str, attempts: list[tuple[User, str]], now: datetime) -> list[str]:
    """Run the claims at once, one thread and connection pool each; each outcome."""
    barrier = threading.Barrier(len(attempts))
    outcomes: list[str] = []
    lock = threading.Lock()

    def attempt(rep: User, customer_id: str) -> None:
        db = RegistryDatabase(url)
        try:
            barrier.wait()
            try:
                claim(db, rep, customer_id, "抢占", now)
                outcome = "won"
            except Conflict as exc:
                outcome = exc.code
        finally:
            db.dispose()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=attempt, args=a) for a in attempts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def test_reps_racing_for_one_customer_one_wins(client, people, clock):
    url = registry_of(client).db.url
    ids = [
        pooled(client, people, clock, f"济南华信{n}号机械制造有限公司", 10 + n) for n in range(5)
    ]
    for name in ("rep.d", "rep.e", "rep.f"):
        make_user(client, name, "rep")
    racers = [_user(client, n) for n in ("rep.b", "rep.c", "rep.d", "rep.e", "rep.f")]
    for cid in ids:
        outcomes = _race(url, [(rep, cid) for rep in racers], clock.now)
        assert Counter(outcomes) == Counter({"won": 1, "not_in_pool": len(racers) - 1})
        (row,) = _rows(client, customers, customers.c.id == cid)
        assert row.status == "protected" and row.owner_id in {r.id for r in racers}
        claims = _rows(
            client, audit_log, audit_log.c.action == "pool.claim", audit_log.c.entity_id == cid
        )
        assert len(claims) == 1 and claims[0].actor_id == row.owner_id


def test_one_reps_claims_at_once_cannot_pass_the_cap(client, people, clock):
    url = registry_of(client).db.url
    ids = [pooled(client, people, clock, f"青岛海岳{n}号食品有限公司", 20 + n) for n in range(6)]
    setting(client, clock, "rep_cap", 2)
    rep = _user(client, "rep.b")
    outcomes = _race(url, [(rep, cid) for cid in ids], clock.now)
    assert Counter(outcomes) == Counter({"won": 2, "cap_reached": 4})
    held = _rows(client, customers, customers.c.owner_id == rep.id)
    assert len(held) == 2


# -- who may, and bad input --------------------------------------------------------


def test_the_pool_endpoints_against_every_role(client, world, clock):  # noqa: F811
    headers, reg = world
    admin = headers["admin"]
    client.post(
        f"/api/v1/admin/registrations/{reg['id']}/callback", json={"result": "valid"}, headers=admin
    )
    cid = reg["customer_id"]
    other = protect(client, headers, clock, "烟台远航物流有限公司", 5, rep="rep.b")
    client.post(
        f"/api/v1/admin/customers/{cid}/allocate",
        json={"action": "release", "reason": "测试"},
        headers=admin,
    )
    nowhere = str(uuid.uuid4())
    matrix = [
        (
            ("GET", "/api/v1/pool", None, None),
            {name: 403 for name in ROLES} | {"rep.a": 200, "rep.b": 200, "admin": 200, "-": 401},
        ),
        (
            ("GET", "/api/v1/pool", None, {"q": "华信", "limit": 5}),
            {name: 403 for name in ROLES} | {"rep.a": 200, "rep.b": 200, "admin": 200, "-": 401},
        ),
        (
            ("POST", f"/api/v1/pool/{cid}/claim", {"reason": "试探"}, None),
            {name: 403 for name in ROLES} | {"rep.a": None, "rep.b": None, "-": 401},
        ),
        (
            ("POST", f"/api/v1/pool/{nowhere}/claim", {}, None),
            {name: 403 for name in ROLES} | {"rep.a": 404, "rep.b": 404, "-": 401},
        ),
        (
            ("POST", f"/api/v1/pool/{other}/claim", {}, None),  # protected, never pooled
            {name: 403 for name in ROLES} | {"rep.a": 404, "rep.b": 409, "-": 401},
        ),
    ]
    for (method, url, json, params), expected in matrix:
        assert set(expected) == {*ROLES, "-"}
        for user, status in expected.items():
            if status is not None:
                expect(client, method, url, headers.get(user, {}), status, json, params)
    # All the refused attempts left it in the pool; a rep may still claim it.
    assert _rows(client, customers, customers.c.id == cid)[0].status == "pool"
    assert claim_it(client, headers["rep.b"], cid)["owner"] == "rep.b"


def test_bad_input_is_a_4xx_never_a_500(client, people, clock):
    cid = pooled(client, people, clock)
    rep = people["rep.b"]
    url = f"/api/v1/pool/{cid}/claim"
    for body in (
        {"reason": "x", "owner": "rep.b"},
        {"reason": 5},
        {"reason": None},
        {"reason": "抢\x00占"},
        {"reason": "x" * 20_000},
        [],
        "reason",
    ):
        response = client.post(url, json=body, headers=rep)
        assert response.status_code == 422, (body, response.text)
        assert error_of(response)["code"] == "invalid_request"
    response = client.post(
        url, content=b"{not json", headers={**rep, "Content-Type": "application/json"}
    )
    assert response.status_code == 400 and error_of(response)["code"] == "malformed_json"
    for path in (f"/api/v1/pool/{cid}%00/claim", "/api/v1/pool/%00/claim"):
        response = client.post(path, json={}, headers=rep)
        assert response.status_code == 422, (path, response.text)
        assert error_of(response)["code"] == "invalid_request"
    for params in (
        {"q": "华\x00信"},
        {"limit": 0},
        {"limit": 201},
        {"limit": "9" * 5000},
        {"offset": -1},
        {"offset": "abc"},
        {"q": "x" * 201},
    ):
        response = client.get("/api/v1/pool", params=params, headers=rep)
        assert response.status_code == 422, (params, response.text)
        assert error_of(response)["code"] == "invalid_request"
    for path in ("/api/v1/pool/%27%20OR%201=1--/claim", "/api/v1/pool/..%2F..%2Fhealthz/claim"):
        response = client.post(path, json={}, headers=rep)
        assert response.status_code == 404 and error_of(response)["code"] == "not_found"
    response = client.get("/api/v1/pool", headers={**rep, **{"X-ERPDesk-Protocol": "9"}})
    assert response.status_code == 400
    assert error_of(response)["code"] == "unsupported_protocol"
    assert client.get("/api/v1/pool", headers={**rep, **PROTOCOL}).status_code == 200
    assert _rows(client, customers, customers.c.id == cid)[0].status == "pool"


def test_the_pool_setting_is_checked(client, people, clock):
    for value in ("0", "1001", "abc"):
        with pytest.raises(BadRequest):
            setting(client, clock, "pool_claims_per_day", value)
    setting(client, clock, "pool_claims_per_day", 1000)


def _rows(client, table, *where):
    with registry_of(client).db.read() as conn:
        return conn.execute(select(table).where(*where)).all()
