"""The sync endpoints: push (at most once, three-way merge, ownership) and
pull (the change cursor, visibility, pages), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import threading
import uuid
from collections import Counter
from datetime import timedelta
from typing import Any

import httpx
import pytest
from registry_support import START, error_of, make_user, registration, registry_of, sign_in
from sqlalchemy import func, insert, select
from test_concurrency import server  # noqa: F401 - the two-worker server fixture

from erpdesk.registry.accounts import add_user
from erpdesk.registry.config import CHEAP_PASSWORD_COST
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.journal import Actor
from erpdesk.registry.db.schema import (
    applied_ops,
    change_counter,
    changes,
    customer_contacts,
    customers,
    sync_conflicts,
    sync_devices,
    tokens,
)
from erpdesk.registry.security import Passwords, new_token, token_digest

PROTOCOL = {"X-ERPDesk-Protocol": "1"}


def new_id() -> str:
    return str(uuid.uuid4())


def op(entity: str, entity_id: str, action: str = "create", base: int | None = None,
       **fields: Any) -> dict[str, Any]:
    return {
        "op_id": new_id(), "seq": 1, "entity": entity, "entity_id": entity_id, "op": action,
        "base_version": base, "fields": fields, "created_at": START.isoformat(),
        "payload_version": 1,
    }


def customer_op(cid: str, name: str = "青岛海川食品有限公司", **fields: Any) -> dict[str, Any]:
    return op("customer", cid, name=name, phone="0532-1234567", status="potential", **fields)


def push(client, headers, ops, device="desk-a", **extra) -> dict[str, Any]:
    body = {"device_id": device, "ops": ops, **extra}
    response = client.post("/api/v1/sync/push", json=body, headers={**headers, **PROTOCOL})
    assert response.status_code == 200, response.text
    return response.json()


def pull(client, headers, since=0, limit=500) -> dict[str, Any]:
    response = client.get(
        "/api/v1/sync/pull", params={"since": since, "limit": limit},
        headers={**headers, **PROTOCOL},
    )
    assert response.status_code == 200, response.text
    return response.json()


def pull_all(client, headers, since=0, limit=500) -> tuple[list[dict[str, Any]], int]:
    changes: list[dict[str, Any]] = []
    while True:
        page = pull(client, headers, since, limit)
        changes += page["changes"]
        since = page["next_cursor"]
        if not page["has_more"]:
            return changes, since


def latest(changes) -> dict[tuple[str, str], dict[str, Any]]:
    return {(c["entity"], c["id"]): c for c in changes}


def count(client, table, *where) -> int:
    with registry_of(client).db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(table).where(*where))
                   .scalar_one())


def counter(client) -> int:
    with registry_of(client).db.read() as conn:
        return int(conn.execute(select(change_counter.c.value)).scalar_one())


@pytest.fixture
def people(client):
    make_user(client, "rep.a", "rep", team="east", display_name="王一")
    make_user(client, "rep.b", "rep", team="east", display_name="李二")
    make_user(client, "admin", "admin")
    make_user(client, "tele", "telemarketer")
    return {name: sign_in(client, name) for name in ("rep.a", "rep.b", "admin", "tele")}


def test_create_update_delete_round_trip_through_pull(client, people):
    a = people["rep.a"]
    cid, pid, aid = new_id(), new_id(), new_id()
    ops = [
        customer_op(cid, industry="food"),
        op("contact", pid, customer_id=cid, name="赵敏", mobile="13912345678"),
        op("activity", aid, customer_id=cid, kind="visit",
           occurred_at="2026-03-01T10:00:00+08:00", summary="初访"),
    ]
    results = push(client, a, ops)["results"]
    assert [r["status"] for r in results] == ["applied"] * 3, results
    versions = [r["server_version"] for r in results]
    assert versions == sorted(versions) and len(set(versions)) == 3

    changes, cursor = pull_all(client, a)
    got = latest(changes)
    customer = got[("customer", cid)]["fields"]
    assert customer["name"] == "青岛海川食品有限公司" and customer["industry"] == "food"
    assert customer["registration"] == "unregistered" and customer["owner"] == "rep.a"
    assert got[("contact", pid)]["fields"]["mobile"] == "13912345678"
    assert got[("activity", aid)]["fields"]["occurred_at"] == "2026-03-01T02:00:00+00:00"
    assert cursor == versions[-1]

    results = push(client, a, [
        op("customer", cid, "update", versions[0], phone="0532-7654321"),
        op("contact", pid, "delete", versions[1]),
    ])["results"]
    assert [r["status"] for r in results] == ["applied", "applied"]
    page = pull(client, a, cursor)
    got = latest(page["changes"])
    assert set(got) == {("customer", cid), ("contact", pid)}
    assert got[("customer", cid)]["fields"]["phone"] == "0532-7654321"
    assert got[("contact", pid)]["deleted"] is True and got[("contact", pid)]["fields"] == {}
    assert pull(client, a, page["next_cursor"])["changes"] == []


def test_a_batch_replayed_after_a_cut_applies_every_op_exactly_once(client, people):
    a = people["rep.a"]
    cid = new_id()
    ops = [customer_op(cid)]
    ops += [op("contact", new_id(), customer_id=cid, name=f"联系人{i}") for i in range(5)]
    ops += [op("activity", new_id(), customer_id=cid, kind="call",
               occurred_at="2026-03-01T10:00:00+08:00", summary=f"电话{i}") for i in range(4)]
    ops.append(op("customer", cid, "update", None, notes="回访后更新"))
    first = push(client, a, ops[:5])["results"]  # the answer is lost: the connection was cut
    replay = push(client, a, ops)["results"]
    assert [r["status"] for r in replay] == ["duplicate"] * 5 + ["applied"] * 6
    for before, again in zip(first, replay[:5], strict=True):
        assert {**again, "status": before["status"], "first_status": None} == before | {
            "first_status": None
        }
        assert again["first_status"] == before["status"]
    again = push(client, a, ops)["results"]
    assert [r["status"] for r in again] == ["duplicate"] * len(ops)
    assert [r["server_version"] for r in again] == [r["server_version"] for r in replay]
    assert count(client, customers) == 1
    assert count(client, customer_contacts) == 5
    assert count(client, applied_ops) == len(ops)
    changes, _ = pull_all(client, a)
    assert Counter(c["entity"] for c in changes) == {"customer": 1, "contact": 5, "activity": 4}
    assert latest(changes)[("customer", cid)]["fields"]["notes"] == "回访后更新"


def test_three_way_merge_field_by_field(client, people):
    a, admin = people["rep.a"], people["admin"]
    cid = new_id()
    (created,) = push(client, a, [customer_op(cid, address="市南区")])["results"]
    base = created["server_version"]
    # The registry side (an administrator's desk) changes the phone and the city.
    (registry_side,) = push(client, admin, [
        op("customer", cid, "update", base, phone="0532-0000000", city="青岛市")
    ], device="admin-desk")["results"]
    assert registry_side["status"] == "applied"
    # The rep's desk, still at base, changes the address (only it) and the phone (both),
    # and the city to the same value as the registry (no conflict).
    (merged,) = push(client, a, [
        op("customer", cid, "update", base, address="崂山区", phone="0532-9999999",
           city="青岛市")
    ])["results"]
    assert merged["status"] == "conflict"
    assert merged["conflicts"] == [
        {"field": "phone", "registry_value": "0532-0000000", "desk_value": "0532-9999999"}
    ]
    assert merged["server_version"] > registry_side["server_version"]
    fields = latest(pull_all(client, a)[0])[("customer", cid)]["fields"]
    assert (fields["address"], fields["phone"], fields["city"]) == (
        "崂山区", "0532-0000000", "青岛市"
    )
    with registry_of(client).db.read() as conn:
        (row,) = conn.execute(select(sync_conflicts)).all()
    assert (row.entity, row.entity_id, row.field) == ("customer", cid, "phone")
    assert (row.registry_value, row.desk_value) == ("0532-0000000", "0532-9999999")
    assert row.resolved_at is None
    # The desk's own earlier writes never conflict with its later ops, whatever the base.
    (own,) = push(client, a, [op("customer", cid, "update", base, address="黄岛区")])["results"]
    assert own["status"] == "applied"
    # Re-applying the kept desk value against the current version is an ordinary update.
    (again,) = push(client, a, [
        op("customer", cid, "update", merged["server_version"], phone="0532-9999999")
    ])["results"]
    assert again["status"] == "applied"


def test_registry_owned_fields_are_rejected_and_nothing_is_stored(client, people):
    a = people["rep.a"]
    before = counter(client)
    cid = new_id()
    results = push(client, a, [
        customer_op(cid, owner="rep.a"),
        customer_op(new_id(), protected_until="2030-01-01T00:00:00+00:00"),
        customer_op(new_id(), registration="protected"),
    ])["results"]
    assert {r["status"] for r in results} == {"rejected"}
    assert {r["reason"] for r in results} == {"registry_owned_field"}
    assert counter(client) == before
    assert count(client, customers) == count(client, applied_ops) == 0


@pytest.mark.parametrize("bad", [
    {"entity": "lead"}, {"op": "upsert"}, {"op_id": "not-a-uuid"}, {"entity_id": "x"},
    {"fields": {"name": "甲公司", "colour": "red"}}, {"fields": {"name": 5}},
    {"fields": {"name": "甲公司", "industry": "steel"}}, {"fields": {"name": ""}},
    {"fields": {"uscc": "X" * 19, "name": "甲公司"}}, {"fields": {"short_name": "简称"}},
    {"payload_version": 9}, {"fields": {"name": "甲公司", "notes": "\x00"}},
])
def test_a_malformed_op_is_rejected_alone(client, people, bad):
    a = people["rep.a"]
    good = customer_op(new_id())
    results = push(client, a, [{**customer_op(new_id()), **bad}, good])["results"]
    assert results[0]["status"] == "rejected" and results[0]["reason"]
    assert results[1]["status"] == "applied"


def test_malformed_child_ops(client, people):
    a = people["rep.a"]
    cid = new_id()
    results = push(client, a, [
        customer_op(cid),
        op("activity", new_id(), customer_id=cid, kind="visit", occurred_at="yesterday",
           summary="x"),
        op("activity", new_id(), customer_id=cid, kind="visit",
           occurred_at="2026-03-01T10:00:00", summary="no zone"),
        op("contact", new_id(), customer_id="nope", name="x"),
        op("contact", new_id(), customer_id=new_id(), name="orphan"),
        op("contact", new_id(), name="no parent"),
    ])["results"]
    assert [r.get("reason") for r in results] == [
        None, "invalid_value", "invalid_value", "invalid_value", "customer_not_found",
        "missing_field",
    ]


def push_json(client, headers, ops, device="desk-a") -> dict[str, Any]:
    """A push written by ``json.dumps`` (lone surrogates escaped, NaN as is),
    as a careless desk would send it."""
    body = json.dumps({"device_id": device, "ops": ops}).encode()
    response = client.post("/api/v1/sync/push", content=body, headers={
        **headers, **PROTOCOL, "Content-Type": "application/json"})
    assert response.status_code == 200, response.text
    return response.json()


def activity_at(cid: str, when: str) -> dict[str, Any]:
    return op("activity", new_id(), customer_id=cid, kind="visit", occurred_at=when,
              summary="拜访")


def test_an_op_the_registry_cannot_store_is_rejected_alone(client, people):
    # Each of these answered 500 and failed its whole batch on both databases,
    # so a desk holding one in its outbox could never push past it.
    a = people["rep.a"]
    cid = new_id()
    assert push(client, a, [customer_op(cid)])["results"][0]["status"] == "applied"
    bad = {
        "year 1 east of UTC": activity_at(cid, "0001-01-01T00:00:00+14:00"),
        "year 9999 west of UTC": activity_at(cid, "9999-12-31T23:59:59-14:00"),
        "surrogate in a name": customer_op(new_id(), name="坏\ud800公司"),
        "surrogate in a contact": op("contact", new_id(), customer_id=cid, name="赵\udfff敏"),
        "surrogate in notes": customer_op(new_id(), name="青岛坏注食品有限公司",
                                          notes="a\udbffb"),
        "NUL in an activity": {**activity_at(cid, "2026-03-01T10:00:00+08:00"),
                               "fields": {"customer_id": cid, "kind": "call", "summary": "a\x00",
                                          "occurred_at": "2026-03-01T10:00:00+08:00"}},
        "object for text": customer_op(new_id(), name={"zh": "甲公司"}),
        "NaN for text": op("contact", new_id(), customer_id=cid, name=float("nan")),
        "number past a bigint": {**customer_op(new_id()), "seq": 2**64},
        "fields not an object": {**customer_op(new_id()), "fields": ["name"]},
        "unknown op key": {**customer_op(new_id()), "colour": "red"},
        "surrogate op key": {**customer_op(new_id()), "\ud800": 1},
        "surrogate op id": {**customer_op(new_id()), "op_id": "\ud800"},
    }
    good = [customer_op(new_id(), name=f"青岛好{i}食品有限公司") for i in range(2)]
    good.append(activity_at(cid, "2026-03-01T10:00:00+08:00"))
    ops = [good[0], *bad.values(), good[1], good[2]]
    results = push_json(client, a, ops)["results"]
    assert len(results) == len(ops)
    assert [r["status"] for r in results] == ["applied", *["rejected"] * len(bad), "applied",
                                               "applied"]
    reasons = dict(zip(bad, (r["reason"] for r in results[1:-2]), strict=True))
    assert reasons == {
        "year 1 east of UTC": "implausible_date", "year 9999 west of UTC": "implausible_date",
        "surrogate in a name": "invalid_text", "surrogate in a contact": "invalid_text",
        "surrogate in notes": "invalid_text", "NUL in an activity": "invalid_text",
        "object for text": "invalid_value", "NaN for text": "invalid_value",
        "number past a bigint": "invalid_value", "fields not an object": "invalid_value",
        "unknown op key": "unknown_field", "surrogate op key": "unknown_field",
        "surrogate op id": "invalid_op_id",
    }
    assert "0001-01-01" in results[1]["message"] and "1949-10-01" in results[1]["message"]
    assert results[-3]["op_id"] is None  # an op id that cannot be echoed is not
    # Nothing of the rejected ops was stored; the rep's pull answers.
    changes, _ = pull_all(client, a)
    pulled = {c["id"] for c in changes}
    assert {o["entity_id"] for o in good} <= pulled
    assert not {o["entity_id"] for o in bad.values()} & pulled
    assert count(client, customers) == 3 and count(client, applied_ops) == 4


def test_plausible_activity_dates(client, people, clock):
    # From 1949-10-01 (in the time zone it is written in) to a year after
    # the registry's today (2026-03-02 on the test clock).
    a = people["rep.a"]
    cid = new_id()
    push(client, a, [customer_op(cid)])
    cases = {
        "1949-10-01T00:00:00+08:00": "applied",
        "1949-09-30T23:59:59+08:00": "rejected",
        "2027-03-02T23:59:59+08:00": "applied",
        "2027-03-03T00:00:00+08:00": "rejected",
        "0001-01-01T00:00:00Z": "rejected",
    }
    results = push(client, a, [activity_at(cid, when) for when in cases])["results"]
    assert [r["status"] for r in results] == list(cases.values())
    assert {r.get("reason") for r in results if r["status"] == "rejected"} == {
        "implausible_date"}
    clock.advance(days=1)  # judged on the registry's clock: tomorrow, a day more
    a = sign_in(client, "rep.a")
    (late,) = push(client, a, [activity_at(cid, "2027-03-03T00:00:00+08:00")])["results"]
    assert late["status"] == "applied"


def test_a_value_the_database_refuses_rejects_only_its_op(client, people, monkeypatch):
    # The net under check_op: were a text it lets through refused by the
    # database (made up here: the text check is switched off), only that op is
    # rejected, whether its row is written at once (an update, in its own
    # savepoint) or held back to the end of the batch (a new customer: the
    # batch runs again, each op in its own savepoint), and the answer is stored.
    import erpdesk.registry.sync.ops as ops_module

    a = people["rep.a"]
    cid = new_id()
    first = push(client, a, [customer_op(cid)])["results"][0]
    monkeypatch.setattr(ops_module, "text_problem", lambda value: None)
    rename = op("customer", cid, "update", first["server_version"], name="坏\ud800公司")
    alone = [op("contact", new_id(), customer_id=cid, name="钱一"), rename,
             op("contact", new_id(), customer_id=cid, name="钱二")]
    results = push_json(client, a, alone)["results"]
    assert [(r["status"], r.get("reason")) for r in results] == [
        ("applied", None), ("rejected", "unstorable_value"), ("applied", None)]
    assert results[2]["server_version"] == results[0]["server_version"] + 1
    rename = {**rename, "op_id": new_id()}
    create = customer_op(new_id(), name="青岛坏\udfff食品有限公司")
    good = [customer_op(new_id(), name="青岛好一食品有限公司"),
            op("contact", new_id(), customer_id=cid, name="赵敏"),
            customer_op(new_id(), name="青岛好二食品有限公司")]
    ops = [good[0], rename, good[1], create, good[2]]
    before = counter(client)
    results = push_json(client, a, ops)["results"]
    assert [r["status"] for r in results] == [
        "applied", "rejected", "applied", "rejected", "applied"]
    assert {results[1]["reason"], results[3]["reason"]} == {"unstorable_value"}
    versions = [r["server_version"] for r in results if r["status"] == "applied"]
    assert versions == list(range(before + 1, before + 4))
    again = push_json(client, a, ops)["results"]
    assert [r["status"] for r in again] == ["duplicate"] * 5
    assert again[1]["first_status"] == again[3]["first_status"] == "rejected"
    monkeypatch.undo()
    changes, _ = pull_all(client, a)
    got = latest(changes)
    assert got[("customer", cid)]["fields"]["name"] == "青岛海川食品有限公司"
    assert ("customer", create["entity_id"]) not in got
    assert {o["entity_id"] for o in good} <= {c["id"] for c in changes}


@pytest.mark.parametrize("body", [
    b"{not json", b"[]", b'{"device_id": "d", "ops": "x"}', b'{"device_id": "d"}',
    b'{"device_id": "d", "ops": [1]}', b'{"device_id": "d\\u0000", "ops": []}',
    b'{"device_id": "\\ud800", "ops": []}',
    b'{"device_id": "d", "ops": [], "extra": 1}',
    b'{"device_id": "d", "ops": [], "device_time": "2026-03-01T10:00:00"}',
    b'{"device_id": "", "ops": []}',
])
def test_a_malformed_envelope_is_a_4xx(client, people, body):
    response = client.post(
        "/api/v1/sync/push", content=body,
        headers={**people["rep.a"], **PROTOCOL, "Content-Type": "application/json"},
    )
    assert response.status_code in (400, 422), response.text
    assert error_of(response)["code"] in ("malformed_json", "invalid_request")


def test_too_many_ops_are_refused_and_a_huge_base_version_is_rejected_alone(client, people):
    a = {**people["rep.a"], **PROTOCOL}
    ops = [customer_op(new_id()) for _ in range(1001)]
    response = client.post("/api/v1/sync/push", json={"device_id": "d", "ops": ops}, headers=a)
    assert response.status_code in (413, 422)
    # Inside an op, even its numbers are the op's own problem (it used to fail
    # the whole batch with 422, so the desk could never push past it).
    huge = {**customer_op(new_id()), "base_version": 10**30}
    good = customer_op(new_id(), name="青岛好运食品有限公司")
    bad, ok = push(client, people["rep.a"], [huge, good])["results"]
    assert (bad["status"], bad["reason"]) == ("rejected", "invalid_value")
    assert bad["op_id"] == huge["op_id"] and ok["status"] == "applied"


@pytest.mark.parametrize("method,url", [("POST", "/api/v1/sync/push"),
                                        ("GET", "/api/v1/sync/pull")])
def test_the_protocol_header_is_required(client, people, method, url):
    body = {"device_id": "d", "ops": []} if method == "POST" else None
    for header, code in ((None, "protocol_required"), ("2", "unsupported_protocol"),
                         ("one", "unsupported_protocol")):
        headers = dict(people["rep.a"])
        if header is not None:
            headers["X-ERPDesk-Protocol"] = header
        response = client.request(method, url, json=body, headers=headers)
        assert response.status_code == 400
        error = error_of(response)
        assert error["code"] == code and error["supported"] == [1]


def test_a_rep_neither_pushes_to_nor_pulls_another_reps_customer(client, people, clock):
    a, b = people["rep.a"], people["rep.b"]
    cid, pid = new_id(), new_id()
    push(client, a, [customer_op(cid), op("contact", pid, customer_id=cid, name="赵敏")])
    results = push(client, b, [
        op("customer", cid, "update", None, phone="110"),
        customer_op(cid, name="乙公司"),
        op("customer", cid, "delete"),
        op("contact", new_id(), customer_id=cid, name="间谍"),
        op("contact", pid, "update", None, name="改名"),
    ], device="desk-b")["results"]
    assert [r["reason"] for r in results] == [
        "not_found", "id_in_use", "not_found", "customer_not_found", "not_found"
    ]
    assert all(r["server_version"] is None and not r["conflicts"] for r in results)
    assert pull_all(client, b)[0] == []
    # A company protected for rep.a: rep.b's desk creating it learns only that.
    body = registration(now=clock.now)
    reg = client.post("/api/v1/registrations", json=body, headers=a).json()
    client.post(f"/api/v1/admin/registrations/{reg['id']}/callback", json={"result": "valid"},
                headers=people["admin"])
    (result,) = push(client, b, [customer_op(new_id(), name=body["customer"]["name"])],
                     device="desk-b")["results"]
    assert (result["status"], result["reason"]) == ("rejected", "protected_by_other")
    assert "王一" not in str(result) and body["customer"]["id"] not in str(result)
    assert pull_all(client, b)[0] == []
    # The registered customer reaches rep.a's desk with the registry's decision.
    fields = latest(pull_all(client, a)[0])[("customer", body["customer"]["id"])]["fields"]
    assert fields["registration"] == "protected" and fields["protected_until"]
    # Its identity and tombstone are the administrator's.
    results = push(client, a, [
        op("customer", body["customer"]["id"], "update", None, name="别的公司"),
        op("customer", body["customer"]["id"], "delete"),
    ])["results"]
    assert [r["reason"] for r in results] == ["identity_locked", "registered_customer"]


def test_roles_that_do_not_sync(client, people):
    results = push(client, people["tele"], [customer_op(new_id())], device="t")["results"]
    assert results[0]["reason"] == "forbidden_for_role"
    push(client, people["rep.a"], [customer_op(new_id())])
    assert pull_all(client, people["tele"])[0] == []
    assert len(pull_all(client, people["admin"])[0]) == 1


def test_a_reallocated_customer_leaves_one_desk_and_reaches_the_other(client, people, clock):
    a, b, admin = people["rep.a"], people["rep.b"], people["admin"]
    body = registration(now=clock.now)
    cid = body["customer"]["id"]
    reg = client.post("/api/v1/registrations", json=body, headers=a).json()
    client.post(f"/api/v1/admin/registrations/{reg['id']}/callback", json={"result": "valid"},
                headers=admin)
    pid = new_id()
    push(client, a, [op("contact", pid, customer_id=cid, name="赵敏")])
    _, cursor_a = pull_all(client, a)
    _, cursor_b = pull_all(client, b)
    response = client.post(f"/api/v1/admin/customers/{cid}/allocate",
                           json={"rep": "rep.b", "reason": "区域调整"}, headers=admin)
    assert response.status_code == 200, response.text
    lost, _ = pull_all(client, a, cursor_a)
    assert lost == [{"entity": "customer", "id": cid, "version": lost[0]["version"],
                     "deleted": False, "visible": False, "fields": {}}]
    gained = latest(pull_all(client, b, cursor_b)[0])
    assert gained[("customer", cid)]["fields"]["owner"] == "rep.b"
    assert gained[("contact", pid)]["fields"]["name"] == "赵敏"
    (result,) = push(client, a, [op("contact", pid, "update", None, name="x")])["results"]
    assert result["reason"] == "not_found"


def test_pages_cover_every_change_once_while_others_push(client, people):
    a = people["rep.a"]
    expected = [new_id() for _ in range(20)]
    push(client, a, [customer_op(c, name=f"公司{i}") for i, c in enumerate(expected)])
    seen: list[str] = []
    since, pages = 0, 0
    while True:
        page = pull(client, a, since, limit=7)
        seen += [c["id"] for c in page["changes"]]
        since, pages = page["next_cursor"], pages + 1
        # Another desk of the same rep pushes between the pages; so does a stranger.
        more = [new_id(), new_id()] if pages <= 3 else []
        expected += more
        push(client, a, [customer_op(c, name=f"新{c[:6]}") for c in more], device="desk-2")
        push(client, people["rep.b"], [customer_op(new_id(), name=f"别{pages}")], device="b")
        if not page["has_more"]:
            break
    final, since = pull_all(client, a, since)
    seen += [c["id"] for c in final]
    assert Counter(seen) == Counter(expected)
    assert pull(client, a, since)["changes"] == []


def test_the_device_clock_is_recorded(client, people, clock):
    result = push(client, people["rep.a"], [],
                  device_time=(clock.now + timedelta(minutes=10)).isoformat())
    assert (result["clock_skew_seconds"], result["clock_skewed"]) == (600, True)
    assert push(client, people["rep.a"], [])["clock_skew_seconds"] is None
    with registry_of(client).db.read() as conn:
        row = conn.execute(select(sync_devices)).one()
    assert (row.device_id, row.skew_seconds) == ("desk-a", 600)


def _token(db_url: str, username: str) -> str:
    db = RegistryDatabase(db_url)
    try:
        user = add_user(db, Passwords(CHEAP_PASSWORD_COST), START, Actor(None, "test"),
                        username, "correct horse battery", "rep")
        token = new_token()
        with db.write() as conn:
            conn.execute(insert(tokens).values(
                token_hash=token_digest(token), user_id=user.id, created_at=START,
                expires_at=START + timedelta(days=3650),
            ))
    finally:
        db.dispose()
    return token


@pytest.mark.slow
def test_one_op_pushed_twice_at_once_through_two_workers_applies_once(db_url, server):  # noqa: F811
    token = _token(db_url, "rep.race")
    cid = new_id()
    ops = [customer_op(cid)] + [
        op("contact", new_id(), customer_id=cid, name=f"联系人{i}") for i in range(20)
    ]
    barrier = threading.Barrier(4)
    answers: list[list[dict[str, Any]]] = []
    lock = threading.Lock()

    def racer(i: int) -> None:
        with httpx.Client(base_url=server, timeout=60) as http:
            barrier.wait()
            response = http.post(
                "/api/v1/sync/push", json={"device_id": f"desk-{i}", "ops": ops},
                headers={"Authorization": f"Bearer {token}", **PROTOCOL},
            )
        assert response.status_code == 200, response.text
        with lock:
            answers.append(response.json()["results"])

    threads = [threading.Thread(target=racer, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(answers) == 4
    for index in range(len(ops)):
        statuses = Counter(answer[index]["status"] for answer in answers)
        assert statuses == {"applied": 1, "duplicate": 3}, (index, statuses)
        assert len({answer[index]["server_version"] for answer in answers}) == 1
    db = RegistryDatabase(db_url)
    try:
        with db.read() as conn:
            contacts = conn.execute(select(func.count()).select_from(customer_contacts))
            assert contacts.scalar_one() == 20
            assert conn.execute(select(change_counter.c.value)).scalar_one() == len(ops)
    finally:
        db.dispose()


def test_applied_ops_are_forgotten_after_the_retention_period(client, people, clock):
    from erpdesk.registry.sync.push import prune_applied_ops

    a = people["rep.a"]
    old = customer_op(new_id())
    push(client, a, [old])
    clock.advance(days=181)
    a = sign_in(client, "rep.a")
    push(client, a, [customer_op(new_id())])
    assert prune_applied_ops(registry_of(client).db, clock.now) == 1
    assert count(client, applied_ops) == 1
    # A replay older than the retention is an upsert of the same values: harmless.
    (again,) = push(client, a, [old])["results"]
    assert again["status"] == "applied" and count(client, customers) == 2


def test_a_batch_whose_transaction_fails_half_way_commits_nothing(client, people,
                                                                   monkeypatch):
    import erpdesk.registry.sync.push as push_module

    a = people["rep.a"]
    cid = new_id()
    ops = [customer_op(cid)]
    ops += [op("contact", new_id(), customer_id=cid, name=f"联系人{i}") for i in range(5)]
    ops += [customer_op(new_id(), name=f"公司{i}") for i in range(4)]
    before = counter(client)
    real_apply = push_module.apply_op
    applied: list[str] = []

    def failing_apply(ctx, checked_op):
        if len(applied) == len(ops) // 2:
            raise RuntimeError("the connection was cut")
        applied.append(checked_op.op_id)
        return real_apply(ctx, checked_op)

    monkeypatch.setattr(push_module, "apply_op", failing_apply)
    try:
        response = client.post("/api/v1/sync/push", json={"device_id": "desk-a", "ops": ops},
                               headers={**a, **PROTOCOL})
    except RuntimeError:
        pass
    else:
        assert response.status_code == 500
    assert len(applied) == len(ops) // 2
    assert counter(client) == before
    assert count(client, applied_ops) == count(client, customers) == 0
    assert count(client, customer_contacts) == 0
    monkeypatch.setattr(push_module, "apply_op", real_apply)
    replay = push(client, a, ops)["results"]
    assert [r["status"] for r in replay] == ["applied"] * len(ops)
    versions = [r["server_version"] for r in replay]
    assert versions == list(range(before + 1, before + len(ops) + 1))
    again = push(client, a, ops)["results"]
    assert [r["status"] for r in again] == ["duplicate"] * len(ops)
    assert [r["server_version"] for r in again] == versions
    assert count(client, customers) == 5 and count(client, customer_contacts) == 5
    assert count(client, applied_ops) == len(ops)
    changes, cursor = pull_all(client, a)
    assert len(changes) == len(ops) and cursor == versions[-1]


def test_a_rejected_op_rolls_back_alone_and_numbers_have_no_gaps(client, people):
    a = people["rep.a"]
    before = counter(client)
    first, second = new_id(), new_id()
    repeated = customer_op(new_id(), name="重复公司")
    results = push(client, a, [
        customer_op(first, name="甲公司"),
        op("customer", new_id(), "update", None, phone="110"),  # no such customer
        op("contact", new_id(), customer_id=new_id(), name="孤儿"),  # no such parent
        repeated,
        {**repeated},  # the same op twice in one batch
        op("customer", first, "update", None, name="甲公司改名"),
        customer_op(second, name="乙公司"),
    ])["results"]
    assert [r["status"] for r in results] == [
        "applied", "rejected", "rejected", "applied", "duplicate", "applied", "applied"
    ]
    assert [r.get("reason") for r in results[1:3]] == ["not_found", "customer_not_found"]
    assert results[4]["first_status"] == "applied"
    assert results[4]["server_version"] == results[3]["server_version"]
    versions = [r["server_version"] for r in results if r["status"] == "applied"]
    assert versions == list(range(before + 1, before + 5))
    assert counter(client) == before + 4
    assert count(client, applied_ops) == 6  # the rejections too: they depend on the state
    fields = latest(pull_all(client, a)[0])
    assert fields[("customer", first)]["fields"]["name"] == "甲公司改名"
    # The renamed customer's prefilter rows follow its new name.
    from erpdesk.domain.names import normalize_company_name
    from erpdesk.registry.checks import name_grams
    from erpdesk.registry.db.schema import customer_name_grams
    with registry_of(client).db.read() as conn:
        grams = set(conn.execute(select(customer_name_grams.c.gram).where(
            customer_name_grams.c.customer_id == first)).scalars())
    assert grams == name_grams(normalize_company_name("甲公司改名"))


def test_refusals_inside_a_long_batch_of_children_leave_every_other_op_applied(client, people):
    """Children are applied in groups sharing one savepoint; a refused op
    undoes its group, which is applied again op by op: the others land once,
    with gapless numbers in op order."""
    a = people["rep.a"]
    cid = new_id()
    push(client, a, [customer_op(cid, name="丙公司")])
    before = counter(client)
    ops = [op("contact", new_id(), customer_id=cid, name=f"联系人{n}") for n in range(150)]
    ops[70] = op("contact", new_id(), customer_id=new_id(), name="孤儿")  # no such parent
    ops[71] = op("customer", new_id(), "update", None, phone="110")  # no such customer
    ops[140] = op("contact", ops[3]["entity_id"], customer_id=new_id(), name="改投")  # parent
    results = push(client, a, ops)["results"]
    refused = {i for i, r in enumerate(results) if r["status"] == "rejected"}
    assert refused == {70, 71, 140}
    versions = [r["server_version"] for r in results if r["status"] == "applied"]
    assert versions == list(range(before + 1, before + 148))
    contacts = {
        k[1]: v for k, v in latest(pull_all(client, a)[0]).items() if k[0] == "contact"
    }
    assert len(contacts) == 147
    assert contacts[ops[3]["entity_id"]]["fields"]["name"] == "联系人3"


def test_a_batch_whose_held_back_row_was_taken_meanwhile_runs_again(client, people,
                                                                    monkeypatch):
    # A batch's new customers are held back to its end; if another worker
    # created one of them after the batch looked (made up here: the first
    # attempt is told c1 is absent), writing them fails and the whole batch
    # runs again, each op once.
    import erpdesk.registry.sync.push as push_module

    a = people["rep.a"]
    c1, c2, c3 = new_id(), new_id(), new_id()
    push(client, a, [customer_op(c1, name="甲公司")])
    before = counter(client)
    real_prefetch = push_module.prefetch_rows
    attempts: list[int] = []

    def stale_prefetch(ctx, ops):
        real_prefetch(ctx, ops)
        attempts.append(1)
        if len(attempts) == 1:
            ctx.rows[(customers.name, c1)] = None

    monkeypatch.setattr(push_module, "prefetch_rows", stale_prefetch)
    results = push(client, a, [
        customer_op(c2, name="乙公司"), customer_op(c1, name="甲公司", address="崂山区"),
        customer_op(c3, name="丙公司"),
    ])["results"]
    assert len(attempts) == 2
    assert [r["status"] for r in results] == ["applied"] * 3, results
    assert [r["server_version"] for r in results] == [before + 1, before + 2, before + 3]
    assert counter(client) == before + 3
    assert count(client, customers) == 3 and count(client, applied_ops) == 4
    got = latest(pull_all(client, a)[0])
    assert got[("customer", c1)]["fields"]["address"] == "崂山区"
    assert got[("customer", c3)]["version"] == before + 3


def test_a_batch_leaves_only_real_change_numbers_in_rows_and_field_versions(client, people):
    # A batch writes with open numbers (-1, -2, ...) and puts the real ones in
    # at its end: rows written in place, rows held back and rows written twice
    # in one batch all end with the numbers the answers and `changes` give.
    a = people["rep.a"]
    old, new, contact, twice = new_id(), new_id(), new_id(), new_id()
    push(client, a, [customer_op(old, name="甲公司"),
                     op("contact", contact, customer_id=old, name="赵敏")])
    before = counter(client)
    results = push(client, a, [
        op("customer", old, "update", base=before, industry="food"),  # in place
        customer_op(new, name="乙公司"),  # held back to the end
        op("contact", contact, "update", base=before, title="经理"),
        customer_op(twice, name="丙公司"),  # created, then changed in the same batch
        op("customer", twice, "update", base=None, city="青岛"),
    ])["results"]
    assert [r["status"] for r in results] == ["applied"] * 5, results
    assert [r["server_version"] for r in results] == [before + i for i in range(1, 6)]
    with registry_of(client).db.read() as conn:
        rows = {r.id: r for r in conn.execute(select(customers))}
        contact_row = conn.execute(select(customer_contacts)).one()
        recorded = conn.execute(
            select(changes.c.number, changes.c.entity_id).where(changes.c.number > before)
            .order_by(changes.c.number)
        ).all()
    assert rows[old].change_number == before + 1
    assert rows[old].field_versions["industry"][0] == before + 1
    assert rows[old].field_versions["name"][0] == before - 1  # an earlier batch's, kept
    assert rows[new].change_number == before + 2
    assert {v[0] for v in rows[new].field_versions.values()} == {before + 2}
    assert contact_row.change_number == before + 3
    assert contact_row.field_versions["title"][0] == before + 3
    assert rows[twice].change_number == before + 5
    assert rows[twice].field_versions["name"][0] == before + 4
    assert rows[twice].field_versions["city"][0] == before + 5
    assert recorded == [(before + 1, old), (before + 2, new), (before + 3, contact),
                        (before + 4, twice), (before + 5, twice)]
    assert counter(client) == before + 5


def conflict_records(client, headers, **params) -> list[dict[str, Any]]:
    response = client.get("/api/v1/sync/conflicts", params=params,
                          headers={**headers, **PROTOCOL})
    assert response.status_code == 200, response.text
    return response.json()["conflicts"]


def test_conflict_records_are_listed_to_their_user_until_resolved(client, people):
    a, b, admin = people["rep.a"], people["rep.b"], people["admin"]
    cid = new_id()
    (created,) = push(client, a, [customer_op(cid)])["results"]
    base = created["server_version"]
    push(client, admin, [op("customer", cid, "update", base, phone="0532-0000000")],
         device="admin-desk")
    (merged,) = push(client, a, [op("customer", cid, "update", base, phone="0532-9999999")],
                     device="laptop")["results"]
    assert merged["status"] == "conflict"
    # Any desk of the user sees the record, not only the one that pushed.
    (record,) = conflict_records(client, a)
    assert (record["entity"], record["entity_id"], record["field"]) == ("customer", cid, "phone")
    assert (record["registry_value"], record["desk_value"]) == ("0532-0000000", "0532-9999999")
    assert record["op_id"] == merged["op_id"] and record["resolved_at"] is None
    # Nobody else sees or resolves it.
    assert conflict_records(client, b) == [] and conflict_records(client, admin) == []
    url = f"/api/v1/sync/conflicts/{record['id']}/resolve"
    refused = client.post(url, headers={**b, **PROTOCOL})
    assert refused.status_code == 404 and error_of(refused)["code"] == "not_found"
    assert client.post(url, headers=a).status_code == 400  # no protocol version
    done = client.post(url, headers={**a, **PROTOCOL})
    assert done.status_code == 200 and done.json()["resolved_at"] is not None
    again = client.post(url, headers={**a, **PROTOCOL}).json()
    assert again["resolved_at"] == done.json()["resolved_at"]  # resolving twice changes nothing
    assert conflict_records(client, a) == []
    assert [r["id"] for r in conflict_records(client, a, resolved=True)] == [record["id"]]
    missing = client.post("/api/v1/sync/conflicts/999999/resolve", headers={**a, **PROTOCOL})
    assert missing.status_code == 404
    assert client.get("/api/v1/sync/conflicts", headers=PROTOCOL).status_code == 401
    bad = client.get("/api/v1/sync/conflicts", params={"limit": 0}, headers={**a, **PROTOCOL})
    assert bad.status_code == 422


def test_a_lone_surrogate_stored_before_the_checks_never_breaks_a_pull(client, people):
    """Before issue 9 a push stored a lone surrogate inside a JSON column (as
    a \\ud800 escape): a pull of that row must still answer, with U+FFFD."""
    a = people["rep.a"]
    cid, pid = new_id(), new_id()
    results = push(client, a, [
        customer_op(cid), op("contact", pid, customer_id=cid, name="赵敏", mobile="13912345678"),
    ])["results"]
    assert [r["status"] for r in results] == ["applied", "applied"]
    with registry_of(client).db.write() as conn:  # as the old push wrote it
        conn.execute(
            customer_contacts.update().where(customer_contacts.c.id == pid)
            .values(fields={"name": "坏\ud800人", "mobile": "13912345678"})
        )
    got = latest(pull_all(client, a)[0])
    assert got[("contact", pid)]["fields"]["name"] == "坏\ufffd人"
