"""A customer's audit trail for the administrator
(``GET /api/v1/admin/customers/{id}/audit``): every decision the registry
took about it (registration, call-back, allocation, exemption, release, a
claim from the pool, the sweep, a lead that became it), newest first, who,
why and what changed, page by page; for an administrator only; served
through the index on (entity, entity_id)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from registry_support import error_of, make_user, registration, registry_of, sign_in, uscc
from sqlalchemy import insert, select, text

from erpdesk.registry.admin import audit_trail_filter
from erpdesk.registry.db.schema import audit_log
from erpdesk.registry.jobs import run_protection_sweep

ZH = {"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"}
NAME = "济南华信机械制造有限公司"


@pytest.fixture
def people(client):
    make_user(client, "admin", "admin", display_name="周管理员")
    make_user(client, "rep.a", "rep", display_name="王一", team="east")
    make_user(client, "rep.b", "rep", display_name="李二", team="east")
    make_user(client, "rep.c", "rep", display_name="张三", team="east")
    make_user(client, "tm", "telemarketer", display_name="赵电销")
    return {name: sign_in(client, name) for name in ("admin", "rep.a", "rep.b", "rep.c", "tm")}


def post(client, url, headers, body) -> dict:
    response = client.post(url, json=body, headers=headers)
    assert response.status_code in (200, 201), response.text
    return response.json()


def trail(client, people, customer_id, **params) -> dict:
    response = client.get(f"/api/v1/admin/customers/{customer_id}/audit", params=params,
                          headers=people["admin"])
    assert response.status_code == 200, response.text
    return response.json()


def when(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def registered(client, people, clock, name=NAME, seed=1, rep="rep.a") -> dict:
    body = registration(name, uscc(seed), now=clock.now)
    return post(client, "/api/v1/registrations", people[rep], body)


def worked_customer(client, people, clock) -> tuple[str, list[datetime]]:
    """A customer taken through every administrator's decision, an hour
    apart: registered by rep.a, verified, re-allocated to rep.b, exempted,
    its exemption ended, released to the pool, claimed by rep.c."""
    moments = [clock.now]
    reg = registered(client, people, clock)
    cid = reg["customer_id"]
    admin = people["admin"]
    steps = [
        (f"/api/v1/admin/registrations/{reg['id']}/callback", admin,
         {"result": "valid", "note": "回访张经理:情况属实"}),
        (f"/api/v1/admin/customers/{cid}/allocate", admin,
         {"rep": "rep.b", "reason": "王一离职,客户交接"}),
        (f"/api/v1/admin/customers/{cid}/exemption", admin, {"reason": "已签合同"}),
        (f"/api/v1/admin/customers/{cid}/exemption", admin,
         {"exempt": False, "reason": "合同终止"}),
        (f"/api/v1/admin/customers/{cid}/allocate", admin,
         {"action": "release", "reason": "三个月无进展"}),
        (f"/api/v1/pool/{cid}/claim", people["rep.c"], {"reason": "客户有新项目"}),
    ]
    for url, headers, body in steps:
        clock.advance(hours=1)
        moments.append(clock.now)
        post(client, url, headers, body)
    return cid, moments


def test_the_trail_tells_every_decision_newest_first_who_why_and_what_changed(
    client, people, clock
):
    cid, moments = worked_customer(client, people, clock)
    registered(client, people, clock, "青岛海岳食品有限公司", 2, rep="rep.b")  # someone else's
    page = trail(client, people, cid)
    entries = page["entries"]
    assert [e["action"] for e in entries] == [
        "pool.claim", "customer.release", "customer.unexempt", "customer.exempt",
        "customer.allocate", "registration.callback.valid", "registration.submit",
    ]
    assert (page["customer_id"], page["total"], page["has_more"], page["next_before"]) == (
        cid, 7, False, None
    )
    assert {e["entity"] for e in entries} == {"customer"}
    assert {e["entity_id"] for e in entries} == {cid}
    # When: UTC, ISO 8601, the registry's clock.
    assert [when(e["at"]) for e in entries] == moments[::-1]
    assert all(e["at"].endswith(("Z", "+00:00")) for e in entries)
    # Who and why.
    assert [(e["actor"], e["actor_display_name"]) for e in entries][:2] == [
        ("rep.c", "张三"), ("admin", "周管理员")]
    assert entries[-1]["actor"] == "rep.a" and entries[-1]["reason"] == ""
    assert [e["reason"] for e in entries[1:5]] == [
        "三个月无进展", "合同终止", "已签合同", "王一离职,客户交接"]
    # What changed, as logged, with the users it names.
    names = {u["id"]: (u["username"], u["display_name"]) for u in page["users"]}
    allocation = entries[4]
    assert names[allocation["before"]["owner_id"]] == ("rep.a", "王一")
    assert names[allocation["after"]["owner_id"]] == ("rep.b", "李二")
    assert allocation["before"]["status"] == allocation["after"]["status"] == "protected"
    release = entries[1]
    assert (release["before"]["status"], release["after"]["status"]) == ("protected", "pool")
    assert names[release["after"]["last_owner_id"]] == ("rep.b", "李二")
    exempt = entries[3]
    assert exempt["before"]["exempt_since"] is None
    assert when(exempt["after"]["exempt_since"]) == moments[3]
    assert exempt["after"]["exempt_reason"] == "已签合同"
    assert entries[-1]["before"] is None and entries[-1]["after"]["status"] == "pending"
    assert set(names) == {
        v for e in entries for part in (e["before"] or {}, e["after"] or {})
        for k, v in part.items() if k in ("owner_id", "last_owner_id") and v is not None
    }


def test_pages_follow_each_other_and_new_entries_do_not_shift_them(client, people, clock):
    cid, _ = worked_customer(client, people, clock)
    whole = [e["id"] for e in trail(client, people, cid)["entries"]]
    first = trail(client, people, cid, limit=3)
    assert [e["id"] for e in first["entries"]] == whole[:3]
    assert (first["has_more"], first["next_before"], first["total"]) == (True, whole[2], 7)
    # A decision taken meanwhile is on a fresh first page, not on the next ones.
    clock.advance(hours=1)
    post(client, f"/api/v1/admin/customers/{cid}/exemption", people["admin"],
         {"reason": "大客户"})
    second = trail(client, people, cid, limit=3, before=first["next_before"])
    assert [e["id"] for e in second["entries"]] == whole[3:6] and second["has_more"]
    last = trail(client, people, cid, limit=3, before=second["next_before"])
    assert [e["id"] for e in last["entries"]] == whole[6:]
    assert (last["has_more"], last["next_before"], last["total"]) == (False, None, 8)
    fresh = trail(client, people, cid, limit=1)
    assert fresh["entries"][0]["action"] == "customer.exempt" and fresh["has_more"]


def test_only_an_administrator_reads_a_trail_and_errors_speak_the_callers_language(
    client, people, clock
):
    cid = registered(client, people, clock)["customer_id"]
    url = f"/api/v1/admin/customers/{cid}/audit"
    for role in ("rep.a", "tm"):  # its own rep too: the trail is the administrator's
        refused = client.get(url, headers=people[role])
        assert refused.status_code == 403 and error_of(refused)["code"] == "forbidden"
    chinese = error_of(client.get(url, headers={**people["rep.a"], **ZH}))["message"]
    english = error_of(client.get(url, headers=people["rep.a"]))["message"]
    assert chinese != english and any("\u4e00" <= ch <= "\u9fff" for ch in chinese)
    assert client.get(url).status_code == 401

    nowhere = f"/api/v1/admin/customers/{uuid.uuid4()}/audit"
    missing = client.get(nowhere, headers=people["admin"])
    assert missing.status_code == 404
    assert (error_of(missing)["code"], error_of(missing)["message"]) == (
        "not_found", "The customer was not found")
    assert error_of(client.get(nowhere, headers={**people["admin"], **ZH}))["message"] == (
        "该客户不存在")
    for params in ({"limit": 0}, {"limit": 201}, {"before": 0}, {"before": "x"}):
        bad = client.get(url, params=params, headers=people["admin"])
        assert bad.status_code == 422 and error_of(bad)["code"] == "invalid_request", params
    assert len(trail(client, people, cid, limit=200)["entries"]) == 1


def test_a_customer_made_from_a_lead_carries_the_leads_steps_and_the_sweeps(
    client, people, clock
):
    lead_id = str(uuid.uuid4())
    lead = {"id": lead_id, "company_name": NAME, "uscc": uscc(3), "phone": "0531-85106000",
            "contact_name": "张伟", "contact_phone": "13812345678"}
    post(client, "/api/v1/leads", people["tm"], lead)
    handover = f"/api/v1/leads/{lead_id}/handover"
    post(client, handover, people["tm"], {"action": "handover", "note": "客户很急"})
    clock.advance(hours=1)
    made = post(client, handover, people["admin"],
                {"action": "accept", "rep": "rep.a", "reason": "济南机械归王一"})
    cid = made["customer_id"]
    clock.advance(days=40)  # no follow-up: the sweep releases it
    released = run_protection_sweep(registry_of(client).db, clock.now, holder="test")
    assert released.released == 1
    people["admin"] = sign_in(client, "admin")
    page = trail(client, people, cid)
    steps = [(e["action"], e["entity"]) for e in page["entries"]]
    assert steps == [
        ("customer.release.expired", "customer"), ("lead.accept", "lead"),
        ("customer.from_lead", "customer"), ("lead.handover", "lead"), ("lead.create", "lead"),
    ]
    sweep = page["entries"][0]
    assert (sweep["actor"], sweep["actor_display_name"]) == ("job:protection_sweep", None)
    assert sweep["reason"].startswith("no follow-up for 40 days")
    accept = page["entries"][1]
    assert accept["entity_id"] == lead_id and accept["reason"] == "济南机械归王一"
    assert accept["after"]["customer_id"] == cid
    names = {u["id"]: u["username"] for u in page["users"]}
    assert names[accept["after"]["rep_id"]] == "rep.a"
    assert names[sweep["before"]["owner_id"]] == "rep.a"


@pytest.mark.parametrize("with_leads", [False, True])
def test_the_trail_is_read_through_the_entity_index(client, people, clock, with_leads):
    registry = registry_of(client)
    at = clock.now - timedelta(days=1)
    with registry.db.write() as conn:
        conn.execute(insert(audit_log), [
            {"at": at, "actor_id": None, "actor": "test", "action": "customer.allocate",
             "entity": "customer", "entity_id": str(uuid.uuid4()), "reason": ""}
            for _ in range(3000)
        ])
    with registry.db.write() as conn:
        conn.execute(text("ANALYZE"))
    lead_ids = [str(uuid.uuid4())] if with_leads else []
    query = (
        select(audit_log).where(audit_trail_filter(str(uuid.uuid4()), lead_ids))
        .order_by(audit_log.c.id.desc()).limit(51)
    )
    with registry.db.read() as conn:
        sql = str(query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
        explain = "EXPLAIN QUERY PLAN " if conn.dialect.name == "sqlite" else "EXPLAIN "
        plan = "\n".join(str(row) for row in conn.execute(text(explain + sql)))
    assert "ix_audit_log_entity" in plan, plan
    assert "SCAN audit_log" not in plan and "Seq Scan on audit_log" not in plan, plan
