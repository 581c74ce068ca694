"""The administrator: the queue, call-backs and allocation, all audited."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from registry_support import error_of, make_user, registration, registry_of, sign_in, uscc
from sqlalchemy import select

from erpdesk.registry.db.schema import audit_log, changes, customer_activities


@pytest.fixture
def people(client):
    make_user(client, "admin", "admin", display_name="周管理员")
    make_user(client, "rep.a", "rep", display_name="王一", team="east")
    make_user(client, "rep.b", "rep", display_name="李二", team="east")
    make_user(client, "tm", "telemarketer")
    return {name: sign_in(client, name) for name in ("admin", "rep.a", "rep.b", "tm")}


def submit(client, headers, name, seed, clock, *, urgent=False):
    body = registration(name, uscc(seed), now=clock.now, urgent=urgent)
    response = client.post("/api/v1/registrations", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def rows(client, table, **where):
    with registry_of(client).db.read() as conn:
        query = select(table)
        for column, value in where.items():
            query = query.where(table.c[column] == value)
        return conn.execute(query).all()


def test_the_queue_puts_urgent_first_then_oldest_with_deadlines(client, people, clock):
    old = submit(client, people["rep.a"], "济南华信机械制造有限公司", 1, clock)
    clock.advance(hours=1)
    newer = submit(client, people["rep.b"], "青岛海岳食品有限公司", 2, clock)
    clock.advance(hours=1)
    urgent = submit(client, people["rep.a"], "烟台远航物流有限公司", 3, clock, urgent=True)
    clock.advance(minutes=1)
    queue = client.get("/api/v1/admin/registrations", headers=people["admin"])
    assert queue.status_code == 200
    items = queue.json()
    assert [i["id"] for i in items] == [urgent["id"], old["id"], newer["id"]]
    assert [i["overdue"] for i in items] == [True, False, False]
    assert items[1]["contacts"][0]["name"] == "张伟" and items[1]["need"]
    assert items[1]["visit"]["summary"]
    clock.advance(days=3, hours=-2)  # past the oldest deadline only
    people["admin"] = sign_in(client, "admin")  # the morning's token has expired
    items = client.get("/api/v1/admin/registrations", headers=people["admin"]).json()
    assert [i["overdue"] for i in items] == [True, True, False]
    assert datetime.fromisoformat(items[1]["deadline"]) == datetime.fromisoformat(
        old["submitted_at"]
    ) + timedelta(days=3)
    assert client.get(
        "/api/v1/admin/registrations", params={"status": "verified"}, headers=people["admin"]
    ).json() == []
    bad = client.get("/api/v1/admin/registrations", params={"status": "x"},
                     headers=people["admin"])
    assert bad.status_code == 422 and error_of(bad)["code"] == "invalid_request"


def test_a_valid_callback_protects_the_customer_for_its_rep(client, people, clock):
    reg = submit(client, people["rep.a"], "济南华信机械制造有限公司", 1, clock)
    clock.advance(hours=2)
    response = client.post(
        f"/api/v1/admin/registrations/{reg['id']}/callback",
        json={"result": "valid", "note": "回访张经理:情况属实"}, headers=people["admin"],
    )
    assert response.status_code == 200
    assert response.json()["status"] == "verified"
    customer = client.get(f"/api/v1/customers/{reg['customer_id']}", headers=people["rep.a"])
    data = customer.json()
    assert data["status"] == "protected" and data["owner"] == "rep.a"
    assert datetime.fromisoformat(data["protected_since"]) == clock.now
    assert datetime.fromisoformat(data["protected_until"]) == clock.now + timedelta(days=90)
    (activity,) = rows(client, customer_activities, customer_id=reg["customer_id"])
    assert (activity.kind, activity.outcome, activity.summary) == (
        "callback", "valid", "回访张经理:情况属实"
    )
    actions = [r.action for r in rows(client, audit_log, entity_id=reg["customer_id"])]
    assert actions == ["registration.submit", "registration.callback.valid"]
    again = client.post(
        f"/api/v1/admin/registrations/{reg['id']}/callback", json={"result": "valid"},
        headers=people["admin"],
    )
    assert again.status_code == 409 and error_of(again)["code"] == "not_pending"


def test_an_invalid_callback_needs_a_reason_and_frees_the_company(client, people, clock):
    reg = submit(client, people["rep.a"], "济南华信机械制造有限公司", 1, clock)
    url = f"/api/v1/admin/registrations/{reg['id']}/callback"
    missing = client.post(url, json={"result": "invalid"}, headers=people["admin"])
    assert missing.status_code == 422 and error_of(missing)["code"] == "invalid_input"
    response = client.post(
        url, json={"result": "invalid", "reason": "客户否认有拜访"}, headers=people["admin"]
    )
    assert response.status_code == 200
    assert response.json()["status"] == "rejected"
    assert response.json()["reasons"] == "客户否认有拜访"
    assert response.json()["customer_status"] == "invalid"
    (activity,) = rows(client, customer_activities, customer_id=reg["customer_id"])
    assert activity.outcome == "invalid" and "客户否认有拜访" in activity.summary
    (entry,) = rows(client, audit_log, action="registration.callback.invalid")
    assert entry.reason == "客户否认有拜访" and entry.after["status"] == "invalid"
    # The slot is free: another rep may register the same company now.
    check = client.get("/api/v1/customers/check", params={"uscc": uscc(1)},
                       headers=people["rep.b"])
    assert check.json()["status"] == "free"
    again = registration("济南华信机械制造有限公司", uscc(1), now=clock.now)
    assert client.post("/api/v1/registrations", json=again, headers=people["rep.b"]) \
        .status_code == 201


def test_allocation_needs_a_reason_is_audited_and_respects_the_cap(client, people, clock):
    reg = submit(client, people["rep.a"], "济南华信机械制造有限公司", 1, clock)
    client.post(f"/api/v1/admin/registrations/{reg['id']}/callback",
                json={"result": "valid"}, headers=people["admin"])
    url = f"/api/v1/admin/customers/{reg['customer_id']}/allocate"
    no_reason = client.post(url, json={"rep": "rep.b", "reason": "  "}, headers=people["admin"])
    assert no_reason.status_code == 422
    not_rep = client.post(url, json={"rep": "tm", "reason": "x"}, headers=people["admin"])
    assert not_rep.status_code == 422 and error_of(not_rep)["problems"][0]["code"] == "not_a_rep"

    moved = client.post(url, json={"rep": "rep.b", "reason": "王一离职,客户交接"},
                        headers=people["admin"])
    assert moved.status_code == 200
    assert moved.json()["owner"] == "rep.b" and moved.json()["status"] == "protected"
    assert client.get(f"/api/v1/customers/{reg['customer_id']}", headers=people["rep.a"]) \
        .status_code == 404
    (entry,) = rows(client, audit_log, action="customer.allocate")
    assert entry.reason == "王一离职,客户交接" and entry.actor == "admin"
    owners = (entry.before["owner_id"], entry.after["owner_id"])
    assert owners[0] != owners[1]
    same = client.post(url, json={"rep": "rep.b", "reason": "again"}, headers=people["admin"])
    assert error_of(same)["code"] == "already_owner"

    released = client.post(url, json={"action": "release", "reason": "三个月无跟进"},
                           headers=people["admin"])
    assert released.json()["status"] == "pool" and released.json()["owner"] is None

    with registry_of(client).db.write() as conn:
        from erpdesk.registry.db.journal import Actor
        from erpdesk.registry.policy import set_setting

        set_setting(conn, clock.now, Actor(None, "test"), "rep_cap", "1")
    submit(client, people["rep.a"], "青岛海岳食品有限公司", 2, clock)
    capped = client.post(url, json={"rep": "rep.a", "reason": "回收分配"},
                         headers=people["admin"])
    assert capped.status_code == 409 and error_of(capped)["code"] == "cap_reached"
    back = client.post(url, json={"rep": "rep.b", "reason": "回收分配"},
                       headers=people["admin"])
    assert back.status_code == 200 and back.json()["status"] == "protected"


def test_every_change_takes_the_next_change_number(client, people, clock):
    reg = submit(client, people["rep.a"], "济南华信机械制造有限公司", 1, clock)
    client.post(f"/api/v1/admin/registrations/{reg['id']}/callback",
                json={"result": "valid"}, headers=people["admin"])
    numbers = [r.number for r in rows(client, changes)]
    assert sorted(numbers) == list(range(1, len(numbers) + 1)) == list(range(1, 6))
    customer = client.get(f"/api/v1/customers/{reg['customer_id']}", headers=people["admin"])
    assert customer.json()["change_number"] == 3
