"""Identity: an id from a client never names another company, takes a
customer from its owner or from the pool, or moves a record, on SQLite and
PostgreSQL.

Issue 9 ("Trust first"): a rep took a customer's id from the pool and
registered an unrelated company under it; the pool customer's name and
credit code were replaced, it became pending for that rep, and the rep's
pull returned the former owner's contacts and the call-back.  These tests
replay that attack, then the same shape at every endpoint and sync op that
accepts an id from the client.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from registry_support import error_of, make_user, registration, registry_of, sign_in, uscc
from sqlalchemy import func, select
from test_pool import claim_it, pooled, release
from test_protection import protect, setting
from test_sync import customer_op, latest, op, pull_all, push

from erpdesk.registry.db.schema import (
    audit_log,
    customer_activities,
    customer_contacts,
    customers,
    registrations,
)

NAME = "济南华信机械制造有限公司"
OTHER = "青岛海岳食品有限公司"
THIRD = "烟台远航物流有限公司"


@pytest.fixture
def people(client):
    make_user(client, "admin", "admin", display_name="周管理员")
    for name, display in (("rep.a", "王一"), ("rep.b", "李二"), ("rep.c", "张三")):
        make_user(client, name, "rep", display_name=display, team="east")
    return {name: sign_in(client, name) for name in ("admin", "rep.a", "rep.b", "rep.c")}


def new_id() -> str:
    return str(uuid.uuid4())


def rows(client, table, *where) -> list[Any]:
    with registry_of(client).db.read() as conn:
        return list(conn.execute(select(table).where(*where).order_by(table.c.id)).all())


def count(client, table, *where) -> int:
    with registry_of(client).db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())


def snapshot(client) -> dict[str, list[Any]]:
    """Every customer, contact, activity and registration as stored."""
    return {
        t.name: rows(client, t)
        for t in (customers, customer_contacts, customer_activities, registrations)
    }


def register(client, headers, body, status=201) -> dict[str, Any]:
    response = client.post("/api/v1/registrations", json=body, headers=headers)
    assert response.status_code == status, response.text
    return response.json() if status in (200, 201) else error_of(response)


def pool_ids(client, headers, **params) -> list[str]:
    response = client.get("/api/v1/pool", params=params, headers=headers)
    assert response.status_code == 200, response.text
    body = response.json()
    ids = [c["id"] for c in body["customers"]]
    assert body["total"] == len(ids) or "limit" in params
    return ids


def history(client, people, customer_id, who="rep.a") -> tuple[str, str]:
    """A contact and a visit pushed by *who* on *customer_id*: their ids."""
    contact, visit = new_id(), new_id()
    results = push(
        client,
        people[who],
        [
            op("contact", contact, customer_id=customer_id, name="赵敏", mobile="13912345678"),
            op(
                "activity",
                visit,
                customer_id=customer_id,
                kind="visit",
                occurred_at="2026-03-01T10:00:00+08:00",
                summary="初访:老客户的秘密报价",
            ),
        ],
        device=f"desk-{who}",
    )["results"]
    assert [r["status"] for r in results] == ["applied", "applied"], results
    return contact, visit


# -- the attack as reported ----------------------------------------------------------


def test_a_pool_customers_id_cannot_register_another_company(client, people, clock):
    cid = protect(client, people, clock, NAME, 1)  # rep.a's, verified: a call-back activity
    contact, visit = history(client, people, cid)
    release(client, people, cid)
    before = snapshot(client)
    audited = count(client, audit_log)
    # rep.b takes the id from the pool and registers an unrelated, complete company.
    assert pool_ids(client, people["rep.b"]) == [cid]
    body = registration(OTHER, uscc(2), now=clock.now, customer_id=cid)
    response = client.post("/api/v1/registrations", json=body, headers=people["rep.b"])
    assert response.status_code == 409, response.text
    error = error_of(response)
    assert error["code"] == "id_other_company"
    assert NAME not in response.text and "王一" not in response.text
    # Nothing changed: the pool customer keeps its name, credit code, status
    # and history; no registration, no audit entry.
    assert snapshot(client) == before
    assert count(client, audit_log) == audited
    (row,) = rows(client, customers, customers.c.id == cid)
    assert (row.name, row.uscc, row.status, row.owner_id) == (NAME, uscc(1), "pool", None)
    assert pool_ids(client, people["rep.c"]) == [cid]
    # rep.b received nothing of it: no customer, contact, visit or call-back.
    assert pull_all(client, people["rep.b"])[0] == []
    # Its company registered under an id of its own is fine, and still brings nothing else.
    own = registration(OTHER, uscc(2), now=clock.now)
    assert register(client, people["rep.b"], own)["customer_status"] == "pending"
    got = latest(pull_all(client, people["rep.b"])[0])
    assert set(got) == {("customer", own["customer"]["id"])}
    assert contact not in str(got) and visit not in str(got)


def test_a_pool_customer_is_taken_only_by_a_claim(client, people, clock):
    setting(client, clock, "pool_claims_per_day", 1)
    first = pooled(client, people, clock, NAME, 1)
    second = pooled(client, people, clock, OTHER, 2)
    history(client, people, second, who="admin")
    claim_it(client, people["rep.b"], first)
    before = snapshot(client)
    # The daily limit is reached: registering the same company under the pool
    # customer's id is no way round it (nor round the cap or the cool-down).
    body = registration(OTHER, uscc(2), now=clock.now, customer_id=second)
    error = register(client, people["rep.b"], body, status=409)
    assert error["code"] == "in_pool" and error["customer_id"] == second
    assert claim_it(client, people["rep.b"], second, status=409)["code"] == "daily_claims_reached"
    # The rep that lost it: the pool customer is claimed, after the cool-down.
    error = register(client, people["rep.a"], body, status=409)
    assert error["code"] == "in_pool"
    assert claim_it(client, people["rep.a"], second, status=409)["code"] == "cooldown"
    assert snapshot(client) == before
    assert second not in str(pull_all(client, people["rep.b"])[0])
    # A claim under the rules takes it, with its whole history.
    claim_it(client, people["rep.c"], second)
    got = latest(pull_all(client, people["rep.c"])[0])
    assert {kind for kind, _ in got} == {"customer", "contact", "activity"}


# -- the same shape for every state of a customer -------------------------------------


def _customers_of_rep_a(client, people, clock) -> dict[str, tuple[str, str, str]]:
    """rep.a's customers in each state (and the administrator's draft): state ->
    (id, name, credit code)."""
    made: dict[str, tuple[str, str, str]] = {}
    draft = new_id()
    push(client, people["rep.a"], [customer_op(draft, name=NAME, uscc=uscc(1))])
    made["unregistered"] = (draft, NAME, uscc(1))
    body = registration(OTHER, uscc(2), now=clock.now)
    register(client, people["rep.a"], body)
    made["pending"] = (body["customer"]["id"], OTHER, uscc(2))
    made["protected"] = (protect(client, people, clock, THIRD, 3), THIRD, uscc(3))
    body = registration("潍坊恒丰纺织有限公司", uscc(4), now=clock.now)
    register(client, people["rep.a"], body)
    rejected = client.post(
        f"/api/v1/admin/registrations/{body['id']}/callback",
        json={"result": "invalid", "reason": "电话打不通"},
        headers=people["admin"],
    )
    assert rejected.status_code == 200, rejected.text
    made["invalid"] = (body["customer"]["id"], "潍坊恒丰纺织有限公司", uscc(4))
    admins = new_id()
    push(
        client,
        people["admin"],
        [customer_op(admins, name="日照港湾贸易有限公司", uscc=uscc(5))],
        device="desk-admin",
    )
    made["admin's draft"] = (admins, "日照港湾贸易有限公司", uscc(5))
    for cid, _, _ in made.values():
        history(client, people, cid, who="admin")
    return made


SAME_COMPANY_CODE = {
    "unregistered": "id_in_use",
    "pending": "pending",
    "protected": "protected_by_other",
    "invalid": "id_in_use",
    "admin's draft": "id_in_use",
}


def test_another_users_customer_id_is_refused_in_every_state(client, people, clock):
    made = _customers_of_rep_a(client, people, clock)
    before = snapshot(client)
    for state, (cid, name, code) in made.items():
        # Another company under its id: refused, and nothing told of the customer.
        body = registration("临沂明德教育科技有限公司", uscc(9), now=clock.now, customer_id=cid)
        response = client.post("/api/v1/registrations", json=body, headers=people["rep.b"])
        assert response.status_code == 409, (state, response.text)
        assert error_of(response)["code"] == "id_other_company", state
        assert name not in response.text and "王一" not in response.text
        # The same company under its id: refused as well.
        body = registration(name, code, now=clock.now, customer_id=cid)
        error = register(client, people["rep.b"], body, status=409)
        assert error["code"] == SAME_COMPANY_CODE[state], (state, error)
    assert snapshot(client) == before
    assert pull_all(client, people["rep.b"])[0] == []


def test_a_rep_registers_its_own_draft_only_as_the_same_company(client, people, clock):
    bare, coded = new_id(), new_id()
    push(
        client,
        people["rep.a"],
        # The desk wrote the code in lower case: the same code all the same.
        [customer_op(bare, name=NAME), customer_op(coded, name=OTHER, uscc=uscc(2).lower())],
    )
    contact, _ = history(client, people, bare)
    before = snapshot(client)
    for cid, name, code in (
        (bare, OTHER, uscc(1)),  # another name
        (coded, OTHER, uscc(3)),  # another credit code
        (coded, THIRD, uscc(2)),  # another name, the same code
    ):
        body = registration(name, code, now=clock.now, customer_id=cid)
        assert register(client, people["rep.a"], body, status=409)["code"] == "id_other_company"
    assert snapshot(client) == before
    # The same company (spelled with a space) with the credit code the draft
    # lacked: registered, its owner and history kept.
    (draft,) = rows(client, customers, customers.c.id == bare)
    body = registration("济南华信机械制造 有限公司", uscc(1), now=clock.now, customer_id=bare)
    view = register(client, people["rep.a"], body)
    assert (view["customer_id"], view["customer_status"]) == (bare, "pending")
    (row,) = rows(client, customers, customers.c.id == bare)
    assert (row.uscc, row.owner_id, row.name_key) == (uscc(1), draft.owner_id, draft.name_key)
    assert ("contact", contact) in latest(pull_all(client, people["rep.a"])[0])
    body = registration(OTHER, uscc(2), now=clock.now, customer_id=coded)
    assert register(client, people["rep.a"], body)["uscc"] == uscc(2)


def test_a_rep_registers_its_own_invalid_customer_again(client, people, clock):
    body = registration(NAME, uscc(1), now=clock.now)
    register(client, people["rep.a"], body)
    client.post(
        f"/api/v1/admin/registrations/{body['id']}/callback",
        json={"result": "invalid", "reason": "信息不真实"},
        headers=people["admin"],
    )
    cid = body["customer"]["id"]
    other = registration(OTHER, uscc(2), now=clock.now, customer_id=cid)
    assert register(client, people["rep.a"], other, status=409)["code"] == "id_other_company"
    again = registration(NAME, uscc(1), now=clock.now, customer_id=cid)
    view = register(client, people["rep.a"], again)
    assert (view["customer_id"], view["customer_status"]) == (cid, "pending")


def test_a_request_id_is_replayed_only_for_the_same_registration(client, people, clock):
    body = registration(NAME, uscc(1), now=clock.now)
    first = register(client, people["rep.a"], body)
    assert register(client, people["rep.a"], body, status=200) == first
    before = snapshot(client)
    moved = {
        **body,
        "customer": {**body["customer"], "id": new_id(), "name": THIRD, "uscc": uscc(3)},
    }
    renamed = {**body, "customer": {**body["customer"], "name": OTHER, "uscc": uscc(2)}}
    for changed in (moved, renamed):
        assert register(client, people["rep.a"], changed, status=409)["code"] == "id_in_use"
    assert register(client, people["rep.b"], body, status=409)["code"] == "id_in_use"
    assert snapshot(client) == before


# -- sync: a create is an upsert into the user's own record only ------------------------


def test_a_create_never_overwrites_or_moves_another_record(client, people, clock):
    a, b, admin = people["rep.a"], people["rep.b"], people["admin"]
    mine, second, theirs = new_id(), new_id(), new_id()
    push(client, a, [customer_op(mine, name=NAME), customer_op(second, name=THIRD)])
    push(client, b, [customer_op(theirs, name=OTHER)], device="desk-b")
    contact, visit = history(client, people, mine)
    pool = pooled(client, people, clock, "潍坊恒丰纺织有限公司", 4)
    pool_contact, _ = history(client, people, pool, who="admin")
    before = snapshot(client)
    call = {"kind": "call", "occurred_at": "2026-03-01T11:00:00+08:00", "summary": "覆盖"}
    attempts = [
        (b, customer_op(mine, name="乙公司")),  # another rep's customer
        (b, op("contact", contact, customer_id=theirs, name="间谍")),  # its contact, moved
        (b, op("activity", visit, customer_id=theirs, **call)),  # its activity, moved
        (b, customer_op(pool, name="乙公司")),  # a pool customer
        (admin, customer_op(mine, name="丙公司")),  # a rep's customer, by the administrator
        (admin, customer_op(pool, name="丙公司")),  # a pool customer, by the administrator
        (admin, op("contact", contact, customer_id=mine, name="管理员")),  # a rep's contact
        (admin, op("activity", visit, customer_id=mine, **call)),  # a rep's activity
    ]
    for headers, attempt in attempts:
        (result,) = push(client, headers, [attempt], device="desk-x")["results"]
        assert (result["status"], result["reason"]) == ("rejected", "id_in_use"), (attempt, result)
        assert result["server_version"] is None
    # A rep's own contact created again under its other customer does not move.
    (result,) = push(client, a, [op("contact", contact, customer_id=second, name="赵敏")])[
        "results"
    ]
    assert result["reason"] == "immutable_field"
    assert snapshot(client) == before
    # The contacts of a customer claimed from the pool are the claimer's to
    # update, not to overwrite by a create.
    claim_it(client, people["rep.c"], pool)
    c = people["rep.c"]
    (result,) = push(
        client, c, [op("contact", pool_contact, customer_id=pool, name="新")], device="desk-c"
    )["results"]
    assert result["reason"] == "id_in_use"
    (row,) = rows(client, customer_contacts, customer_contacts.c.id == pool_contact)
    assert row.fields["name"] == "赵敏"
    # A create of the user's own record is still an upsert (a retried create).
    (result,) = push(client, a, [customer_op(mine, name=NAME, website="www.hx.cn")])["results"]
    assert result["status"] == "applied", result
    # Nothing of anyone else's reached rep.b.
    assert {ch["id"] for ch in pull_all(client, b)[0]} == {theirs}


# -- the pool lists only companies nobody holds ------------------------------------------


def test_the_pool_hides_a_company_registered_again_under_a_new_id(client, people, clock):
    first = pooled(client, people, clock, NAME, 1)
    clock.advance(hours=1)
    second = pooled(client, people, clock, OTHER, 2)
    history(client, people, first, who="admin")
    assert pool_ids(client, people["rep.b"]) == [second, first]
    # The same credit code registered as a new customer: out of the pool.
    again = registration(NAME, uscc(1), now=clock.now)
    register(client, people["rep.c"], again)
    assert pool_ids(client, people["rep.b"]) == [second]
    assert pool_ids(client, people["rep.b"], q="华信") == []
    assert claim_it(client, people["rep.b"], first, status=409)["code"] == "pending"
    # The same name with another credit code: out of the pool too.
    register(client, people["rep.c"], registration(OTHER, uscc(7), now=clock.now))
    assert pool_ids(client, people["rep.b"]) == []
    # The new customer reached rep.c alone, without the pool customer's history.
    got = latest(pull_all(client, people["rep.c"])[0])
    assert {kind for kind, _ in got} == {"customer"} and first not in str(got)
    # The registration found invalid: the company is free, and back in the pool.
    rejected = client.post(
        f"/api/v1/admin/registrations/{again['id']}/callback",
        json={"result": "invalid", "reason": "重复注册"},
        headers=people["admin"],
    )
    assert rejected.status_code == 200, rejected.text
    assert pool_ids(client, people["rep.b"]) == [first]
    assert claim_it(client, people["rep.b"], first)["owner"] == "rep.b"
