"""Telemarketing leads (电话营销): entry, hand-over, signing for, outcome, access."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest
from registry_support import error_of, make_user, registration, registry_of, sign_in, uscc
from sqlalchemy import func, select

from erpdesk.registry.accounts import update_user
from erpdesk.registry.db.journal import Actor
from erpdesk.registry.db.schema import audit_log, customer_contacts, customers, leads
from erpdesk.registry.policy import set_setting

PROTOCOL = {"X-ERPDesk-Protocol": "1"}
NAME = "济南华信机械制造有限公司"


@pytest.fixture
def people(client):
    make_user(client, "admin", "admin", display_name="周管理员")
    make_user(client, "admin2", "admin", display_name="吴管理员")
    make_user(client, "retired", "admin", display_name="退休管理员")
    make_user(client, "rep.a", "rep", display_name="王一", team="east")
    make_user(client, "rep.b", "rep", display_name="李二", team="east")
    make_user(client, "tm", "telemarketer", display_name="赵电销")
    make_user(client, "tm.b", "telemarketer", display_name="钱电销")
    registry = registry_of(client)
    update_user(
        registry.db,
        registry.config.clock(),
        Actor(None, "test"),
        "retired",
        "user.disable",
        disabled=True,
    )
    names = ("admin", "admin2", "rep.a", "rep.b", "tm", "tm.b")
    return {name: sign_in(client, name) for name in names}


def sign_in_again(client, people) -> None:
    for name in people:
        people[name] = sign_in(client, name)


def lead_body(name: str = NAME, code: str | None = None, **fields: Any) -> dict[str, Any]:
    """A complete lead for *name*."""
    return {
        "id": str(uuid.uuid4()),
        "company_name": name,
        "uscc": uscc(1) if code is None else code,
        "industry": "machinery",
        "size_band": "medium",
        "province": "山东",
        "city": "济南市",
        "address": "历下区经十路 100 号",
        "phone": "0531-85106000",
        "contact_name": "张伟",
        "contact_phone": "138 1234 5678",
        "need": "想换掉旧的进销存,下半年选型",
        "notes": "张经理说月底前回电",
        **fields,
    }


def enter(client, headers, body=None, status=201) -> dict[str, Any]:
    response = client.post("/api/v1/leads", json=body or lead_body(), headers=headers)
    assert response.status_code == status, response.text
    return response.json()


def act(client, headers, lead_id, status=200, **body) -> Any:
    response = client.post(f"/api/v1/leads/{lead_id}/handover", json=body, headers=headers)
    assert response.status_code == status, response.text
    return response.json() if status == 200 else error_of(response)


def outcome(client, headers, lead_id, status=200, **body) -> Any:
    response = client.post(f"/api/v1/leads/{lead_id}/outcome", json=body, headers=headers)
    assert response.status_code == status, response.text
    return response.json() if status == 200 else error_of(response)


def handed_over(client, people, body=None) -> dict[str, Any]:
    lead = enter(client, people["tm"], body)
    return act(client, people["tm"], lead["id"], action="handover")


def notes_of(client, headers, kind=None) -> list[dict[str, Any]]:
    response = client.get("/api/v1/notifications", headers=headers)
    assert response.status_code == 200, response.text
    return [n for n in response.json() if kind is None or n["kind"] == kind]


def audit_of(client, entity_id) -> list[Any]:
    with registry_of(client).db.read() as conn:
        return conn.execute(
            select(audit_log).where(audit_log.c.entity_id == entity_id).order_by(audit_log.c.id)
        ).all()


def count(client, table) -> int:
    with registry_of(client).db.read() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def verified_customer(client, people, clock, name=NAME, code=None) -> dict[str, Any]:
    body = registration(name, uscc(1) if code is None else code, now=clock.now)
    reg = client.post("/api/v1/registrations", json=body, headers=people["rep.a"]).json()
    response = client.post(
        f"/api/v1/admin/registrations/{reg['id']}/callback",
        json={"result": "valid"},
        headers=people["admin"],
    )
    assert response.status_code == 200, response.text
    return reg


# -- the whole life of a lead -------------------------------------------------------


def test_a_lead_goes_from_the_telemarketer_to_a_rep_and_its_outcome_back(client, people, clock):
    body = lead_body()
    lead = enter(client, people["tm"], body)
    assert lead["status"] == "new" and lead["telemarketer"] == "tm"
    assert lead["check"]["status"] == "free" and lead["flagged"] is False
    # Stored normalised: the province in full, phones without spaces.
    assert (lead["province"], lead["contact_phone"]) == ("山东省", "13812345678")
    assert client.get(f"/api/v1/leads/{lead['id']}", headers=people["tm"]).json() == lead

    clock.advance(minutes=5)
    lead = act(client, people["tm"], lead["id"], action="handover", note="客户很急,尽快安排")
    assert lead["status"] == "handed_over" and lead["handover_note"] == "客户很急,尽快安排"
    assert datetime.fromisoformat(lead["handed_over_at"]) == clock.now
    for admin in ("admin", "admin2"):  # every active administrator, not the disabled one
        (note,) = notes_of(client, people[admin], "lead_handed_over")
        assert note["entity_id"] == lead["id"]
        assert note["params"]["company_name"] == NAME
        assert note["params"]["telemarketer"] == "赵电销"
        assert note["params"]["note"] == "客户很急,尽快安排"

    clock.advance(hours=1)
    lead = act(
        client, people["admin"], lead["id"], action="accept", rep="rep.a", reason="济南机械归王一"
    )
    assert lead["status"] == "accepted" and lead["accepted_by"] == "admin"
    assert lead["rep"] == "rep.a" and lead["rep_display_name"] == "王一"
    assert datetime.fromisoformat(lead["accepted_at"]) == clock.now
    customer = client.get(f"/api/v1/customers/{lead['customer_id']}", headers=people["rep.a"])
    assert customer.status_code == 200, customer.text
    data = customer.json()
    assert (data["status"], data["owner"], data["name"], data["uscc"]) == (
        "protected",
        "rep.a",
        NAME,
        uscc(1),
    )
    assert datetime.fromisoformat(data["protected_until"]) == clock.now + timedelta(days=90)
    assert data["fields"]["source"] == "phone"
    assert data["fields"]["need"] == body["need"] and data["fields"]["industry"] == "machinery"
    (allocated,) = notes_of(client, people["rep.a"], "lead_allocated")
    assert allocated["params"]["customer_id"] == lead["customer_id"]
    (accepted,) = notes_of(client, people["tm"], "lead_accepted")
    assert accepted["params"]["rep"] == "王一" and accepted["params"]["admin"] == "周管理员"
    # The rep sees the lead and gets the customer, with the lead's contact, on its desk.
    assert [x["id"] for x in client.get("/api/v1/leads", headers=people["rep.a"]).json()] == [
        lead["id"]
    ]
    pulled = client.get("/api/v1/sync/pull", headers={**people["rep.a"], **PROTOCOL}).json()
    by_entity = {c["entity"]: c for c in pulled["changes"]}
    assert by_entity["customer"]["id"] == lead["customer_id"]
    assert by_entity["contact"]["fields"]["name"] == "张伟"
    assert by_entity["contact"]["fields"]["mobile"] == "13812345678"

    clock.advance(days=3)
    sign_in_again(client, people)  # the day's tokens have expired
    lead = outcome(client, people["rep.a"], lead["id"], outcome="follow_up", note="约了下周演示")
    assert (lead["outcome"], lead["outcome_note"], lead["outcome_by"]) == (
        "follow_up",
        "约了下周演示",
        "rep.a",
    )
    clock.advance(days=20)
    sign_in_again(client, people)
    lead = outcome(client, people["rep.a"], lead["id"], outcome="signed", note="签了生产和财务")
    assert lead["outcome"] == "signed"
    for user in ("admin", "tm"):  # back to both: the one who signed for it and the telemarketer
        reported = notes_of(client, people[user], "lead_outcome")
        assert [(n["params"]["outcome"], n["params"]["note"]) for n in reported] == [
            ("follow_up", "约了下周演示"),
            ("signed", "签了生产和财务"),
        ]
        assert reported[0]["params"]["by"] == "王一"
    assert notes_of(client, people["admin2"], "lead_outcome") == []
    again = outcome(client, people["rep.a"], lead["id"], 409, outcome="follow_up")
    assert again["code"] == "outcome_final"

    entries = audit_of(client, lead["id"])
    assert [e.action for e in entries] == [
        "lead.create",
        "lead.handover",
        "lead.accept",
        "lead.outcome",
        "lead.outcome",
    ]
    assert [e.actor for e in entries] == ["tm", "tm", "admin", "rep.a", "rep.a"]
    assert entries[1].reason == "客户很急,尽快安排" and entries[2].reason == "济南机械归王一"
    assert entries[2].after["customer_id"] == lead["customer_id"]
    assert (entries[4].before["outcome"], entries[4].after["outcome"]) == ("follow_up", "signed")
    assert entries[4].reason == "签了生产和财务"
    made, won = audit_of(client, lead["customer_id"])
    assert made.action == "customer.from_lead" and made.after["lead"] == lead["id"]
    assert won.action == "customer.exempt"  # a won customer stays with its rep


def test_a_lead_may_be_signed_for_first_and_allocated_later(client, people):
    lead = handed_over(client, people)
    lead = act(client, people["admin"], lead["id"], action="accept")
    assert lead["status"] == "accepted" and lead["rep"] is None and lead["customer_id"] is None
    assert count(client, customers) == 0
    (accepted,) = notes_of(client, people["tm"], "lead_accepted")
    assert accepted["params"]["rep"] is None
    # Not allocated yet: no rep sees it.
    assert client.get(f"/api/v1/leads/{lead['id']}", headers=people["rep.b"]).status_code == 404
    lead = act(client, people["admin2"], lead["id"], action="allocate", rep="rep.b", reason="区域")
    assert lead["rep"] == "rep.b" and lead["customer_id"] and lead["accepted_by"] == "admin"
    assert notes_of(client, people["rep.b"], "lead_allocated")[0]["params"]["admin"] == "吴管理员"
    assert len(notes_of(client, people["tm"], "lead_accepted")) == 1
    (told,) = notes_of(client, people["tm"], "lead_allocated")
    assert told["params"]["rep"] == "李二" and told["params"]["customer_id"] == lead["customer_id"]
    again = act(client, people["admin"], lead["id"], 409, action="allocate", rep="rep.a")
    assert again["code"] == "already_allocated"
    assert [e.action for e in audit_of(client, lead["id"])][-2:] == ["lead.accept", "lead.allocate"]


def test_a_lead_reported_signed_exempts_its_customer_from_release(client, people, clock):
    # Architecture, protection and the pool: a won customer can be exempt
    # (setting exempt_won, on by default).
    won, kept = handed_over(client, people), handed_over(
        client, people, lead_body("青岛海岳食品有限公司", uscc(2)))
    for lead, rep in ((won, "rep.a"), (kept, "rep.b")):
        act(client, people["admin"], lead["id"], action="accept", rep=rep, reason="区域")
    clock.advance(days=10)
    sign_in_again(client, people)
    won = outcome(client, people["rep.a"], won["id"], outcome="signed", note="签了")
    data = client.get(f"/api/v1/customers/{won['customer_id']}", headers=people["rep.a"]).json()
    assert datetime.fromisoformat(data["exempt_since"]) == clock.now
    assert data["exempt_reason"] == f"won: lead {won['id']} signed"
    (entry,) = [e for e in audit_of(client, won["customer_id"]) if e.action == "customer.exempt"]
    assert entry.actor == "rep.a"
    # Switched off, a signed lead leaves its customer to the usual clock.
    with registry_of(client).db.write() as conn:
        set_setting(conn, clock.now, Actor(None, "test"), "exempt_won", "0")
    kept = outcome(client, people["rep.b"], kept["id"], outcome="signed", note="签了")
    data = client.get(f"/api/v1/customers/{kept['customer_id']}", headers=people["rep.b"]).json()
    assert (data["status"], data["exempt_since"]) == ("protected", None)


def test_an_outcome_reported_by_an_admin_goes_to_the_others(client, people):
    lead = handed_over(client, people)
    lead = act(client, people["admin"], lead["id"], action="accept")
    missing = outcome(client, people["admin"], lead["id"], 422, outcome="invalid")
    assert missing["code"] == "invalid_input"
    assert missing["problems"][0]["field"] == "note"
    lead = outcome(client, people["admin"], lead["id"], outcome="invalid", note="空号,公司已注销")
    assert lead["outcome"] == "invalid"
    assert notes_of(client, people["admin"], "lead_outcome") == []  # not told its own report
    (told,) = notes_of(client, people["tm"], "lead_outcome")
    assert told["params"]["note"] == "空号,公司已注销"
    late = act(client, people["admin"], lead["id"], 409, action="allocate", rep="rep.a")
    assert late["code"] == "outcome_final"


def test_a_returned_lead_tells_the_telemarketer_why(client, people):
    lead = handed_over(client, people)
    no_reason = act(client, people["admin"], lead["id"], 422, action="return", reason="  ")
    assert no_reason["code"] == "invalid_input"
    assert no_reason["problems"][0] == {
        "field": "reason",
        "code": "required",
        "message": "A reason is required",
    }
    lead = act(client, people["admin"], lead["id"], action="return", reason="电话是空号")
    assert lead["status"] == "returned" and lead["return_reason"] == "电话是空号"
    (returned,) = notes_of(client, people["tm"], "lead_returned")
    assert returned["params"]["reason"] == "电话是空号"
    assert returned["params"]["admin"] == "周管理员"
    (entry,) = [e for e in audit_of(client, lead["id"]) if e.action == "lead.return"]
    assert entry.reason == "电话是空号" and entry.after["status"] == "returned"


# -- entering: idempotency and validation ------------------------------------------------


def test_entering_a_lead_again_returns_the_stored_one(client, people, clock):
    body = lead_body()
    first = enter(client, people["tm"], body)
    clock.advance(minutes=1)
    again = enter(client, people["tm"], body, status=200)
    assert again == first
    # Spelled differently but the same once normalised: still the same lead.
    spaced = {**body, "contact_phone": "13812345678", "province": "山东省", "need": body["need"]}
    assert enter(client, people["tm"], spaced, status=200) == first
    changed = client.post("/api/v1/leads", json={**body, "need": "别的需求"}, headers=people["tm"])
    assert changed.status_code == 409 and error_of(changed)["code"] == "id_in_use"
    stolen = client.post("/api/v1/leads", json=body, headers=people["tm.b"])
    assert stolen.status_code == 409 and error_of(stolen)["code"] == "id_in_use"
    assert NAME not in stolen.text
    assert count(client, leads) == 1
    assert [e.action for e in audit_of(client, body["id"])] == ["lead.create"]
    # A repeat after the hand-over answers the lead as it is now.
    act(client, people["tm"], body["id"], action="handover")
    assert enter(client, people["tm"], body, status=200)["status"] == "handed_over"


def test_every_problem_of_a_lead_is_answered_at_once(client, people):
    good = uscc(1)
    wrong_check = good[:17] + ("0" if good[17] != "0" else "1")
    body = lead_body(
        "华信",
        wrong_check,
        phone="12345",
        contact_phone="999",
        province="火星",
        contact_name="张" * 51,
    )
    response = client.post("/api/v1/leads", json=body, headers=people["tm"])
    assert response.status_code == 422
    error = error_of(response)
    assert error["code"] == "invalid_input"
    assert {(p["field"], p["code"]) for p in error["problems"]} == {
        ("company_name", "name.too_short"),
        ("uscc", "uscc.check"),
        ("phone", "phone.invalid"),
        ("contact_phone", "contact_phone.invalid"),
        ("province", "province.unknown"),
        ("contact_name", "too_long"),
    }
    assert all(p["message"] for p in error["problems"])
    assert "999 is not a phone number" in error["message"]

    nothing = lead_body("", "", phone="", contact_phone="", contact_name="")
    error = error_of(client.post("/api/v1/leads", json=nothing, headers=people["tm"]))
    assert {(p["field"], p["code"]) for p in error["problems"]} == {
        ("company_name", "required"),
        ("phone", "gap.phone"),
    }
    # A contact's phone alone is a way to reach the company; no credit code is fine.
    minimal = {
        "id": str(uuid.uuid4()),
        "company_name": "青岛海岳食品有限公司",
        "contact_phone": "0532-88886666",
    }
    lead = enter(client, people["tm"], minimal)
    assert (lead["uscc"], lead["industry"], lead["contact_phone"]) == ("", None, "0532-88886666")
    assert count(client, leads) == 1


# -- the duplicate check -------------------------------------------------------------


def test_a_lead_for_a_protected_company_is_kept_but_flagged(client, people, clock):
    verified_customer(client, people, clock)
    lead = enter(client, people["tm"], lead_body(code=uscc(1)))
    check = lead["check"]
    assert check["status"] == "protected_by_other" and lead["flagged"] is True
    assert check["owner"] == "王一"
    assert datetime.fromisoformat(check["since"]) == clock.now
    # The telemarketer learns the owner's name and the date, nothing of the customer.
    assert check["customer_id"] is None
    assert all(m["name"] is None and m["customer_id"] is None for m in check["matches"])
    act(client, people["tm"], lead["id"], action="handover")
    (note,) = notes_of(client, people["admin"], "lead_handed_over")
    assert note["params"]["check"] == "protected_by_other"
    queue = client.get("/api/v1/leads", params={"status": "handed_over"}, headers=people["admin"])
    assert queue.json()[0]["flagged"] is True
    # The company cannot become another rep's customer; signing for it alone can.
    refused = act(client, people["admin"], lead["id"], 409, action="accept", rep="rep.b")
    assert refused["code"] == "protected_by_other" and refused["owner"] == "王一"
    assert client.get(f"/api/v1/leads/{lead['id']}", headers=people["tm"]).json()["status"] == (
        "handed_over"
    )
    assert count(client, customers) == 1
    assert act(client, people["admin"], lead["id"], action="accept")["status"] == "accepted"


def test_pending_and_similar_companies_are_flagged_too(client, people, clock):
    body = registration("青岛海岳食品有限公司", uscc(2), now=clock.now)
    assert (
        client.post("/api/v1/registrations", json=body, headers=people["rep.a"]).status_code == 201
    )
    pending = enter(client, people["tm"], lead_body("青岛海岳食品有限公司", ""))
    assert (pending["check"]["status"], pending["flagged"]) == ("pending", True)
    verified_customer(client, people, clock, "济南华信机械制造有限公司", uscc(3))
    same_name = enter(client, people["tm"], lead_body("济南华信机械制造股份公司", ""))
    assert same_name["check"]["status"] == "protected_by_other"
    assert same_name["check"]["matches"] == [
        {"kind": "same_name", "score": 100.0, "customer_id": None, "name": None, "owner": None}
    ]
    similar = enter(client, people["tm"], lead_body("济南华信机械设备制造有限公司", ""))
    assert (similar["check"]["status"], similar["flagged"]) == ("possible_duplicate", True)
    assert [m["kind"] for m in similar["check"]["matches"]] == ["similar"]
    assert similar["check"]["matches"][0]["name"] is None
    free = enter(client, people["tm"], lead_body("烟台远航物流有限公司", uscc(4)))
    assert (free["check"]["status"], free["flagged"]) == ("free", False)


def test_signing_for_a_lead_respects_the_rep_and_its_cap(client, people, clock):
    lead = handed_over(client, people)
    not_rep = act(client, people["admin"], lead["id"], 422, action="accept", rep="tm")
    assert not_rep["problems"][0]["code"] == "not_a_rep"
    with registry_of(client).db.write() as conn:
        set_setting(conn, clock.now, Actor(None, "test"), "rep_cap", "1")
    verified_customer(client, people, clock, "青岛海岳食品有限公司", uscc(2))
    capped = act(client, people["admin"], lead["id"], 409, action="accept", rep="rep.a")
    assert capped["code"] == "cap_reached"
    assert count(client, customers) == 1
    current = client.get(f"/api/v1/leads/{lead['id']}", headers=people["admin"]).json()
    assert current["status"] == "handed_over" and current["customer_id"] is None
    assert act(client, people["admin"], lead["id"], action="accept", rep="rep.b")["rep"] == "rep.b"
    with registry_of(client).db.read() as conn:
        (contact,) = conn.execute(select(customer_contacts)).all()
    assert contact.fields == {"name": "张伟", "mobile": "13812345678"}


# -- wrong transitions ---------------------------------------------------------------


def test_each_transition_from_the_wrong_status_is_a_409(client, people):
    tm, admin, rep = people["tm"], people["admin"], people["rep.a"]
    new = enter(client, tm)["id"]
    assert act(client, admin, new, 409, action="accept")["code"] == "not_handed_over"
    assert act(client, admin, new, 409, action="return", reason="x")["code"] == "not_handed_over"
    assert act(client, admin, new, 409, action="allocate", rep="rep.a")["code"] == "not_accepted"
    assert outcome(client, admin, new, 409, outcome="signed")["code"] == "not_accepted"
    act(client, tm, new, action="handover")
    error = act(client, tm, new, 409, action="handover")
    assert error["code"] == "not_new" and "handed over" in error["message"]
    assert outcome(client, admin, new, 409, outcome="signed")["code"] == "not_accepted"
    act(client, admin, new, action="return", reason="资料不全")
    assert act(client, tm, new, 409, action="handover")["code"] == "not_new"
    assert act(client, admin, new, 409, action="accept")["code"] == "not_handed_over"
    assert act(client, admin, new, 409, action="return", reason="x")["code"] == "not_handed_over"

    accepted = handed_over(client, people, lead_body("青岛海岳食品有限公司", uscc(2)))["id"]
    act(client, admin, accepted, action="accept", rep="rep.a")
    assert act(client, admin, accepted, 409, action="accept")["code"] == "not_handed_over"
    assert act(client, admin, accepted, 409, action="return", reason="x")["code"] == (
        "not_handed_over"
    )
    lost = outcome(client, rep, accepted, 422, outcome="lost", note=" ")
    assert lost["problems"][0]["code"] == "required"
    outcome(client, rep, accepted, outcome="lost", note="选了别家")
    for final in ("signed", "follow_up", "lost"):
        error = outcome(client, admin, accepted, 409, outcome=final, note="x")
        assert error["code"] == "outcome_final" and "lost" in error["message"]


def test_the_lists_show_each_user_its_own_leads_in_order(client, people, clock):
    first = handed_over(client, people)["id"]
    clock.advance(minutes=1)
    other = enter(client, people["tm.b"], lead_body("青岛海岳食品有限公司", uscc(2)))["id"]
    clock.advance(minutes=1)
    second = handed_over(client, people, lead_body("烟台远航物流有限公司", uscc(3)))["id"]
    clock.advance(minutes=1)
    newest = enter(client, people["tm"], lead_body("潍坊宏达纺织有限公司", uscc(4)))["id"]

    def ids(user, **params):
        response = client.get("/api/v1/leads", params=params, headers=people[user])
        assert response.status_code == 200, response.text
        return [x["id"] for x in response.json()]

    assert ids("admin") == [first, second, newest, other]
    assert ids("admin", status="handed_over") == [first, second]
    assert ids("admin", status="new") == [newest, other]
    assert ids("admin", limit=1, offset=1) == [second]
    assert ids("tm") == [first, second, newest]
    assert ids("tm.b") == [other]
    assert ids("rep.a") == []
    bad = client.get("/api/v1/leads", params={"status": "won"}, headers=people["admin"])
    assert bad.status_code == 422 and error_of(bad)["code"] == "invalid_request"


# -- access -----------------------------------------------------------------------------

ROLES = (
    "rep.a",
    "rep.b",
    "presales",
    "admin",
    "telemarketer",
    "manager",
    "manager.west",
    "telemarketer.b",
)


@pytest.fixture
def world(client):
    """test_access's world with a second telemarketer, and leads in each status."""
    make_user(client, "rep.a", "rep", team="east")
    make_user(client, "rep.b", "rep", team="east")
    make_user(client, "presales", "presales", team="east")
    make_user(client, "admin", "admin")
    make_user(client, "telemarketer", "telemarketer")
    make_user(client, "manager", "manager", team="east")
    make_user(client, "manager.west", "manager", team="west")
    make_user(client, "telemarketer.b", "telemarketer")
    headers = {name: sign_in(client, name) for name in ROLES}
    tm, admin = headers["telemarketer"], headers["admin"]
    new = enter(client, tm, lead_body("青岛海岳食品有限公司", uscc(2)))
    waiting = enter(client, tm, lead_body("烟台远航物流有限公司", uscc(3)))
    act(client, tm, waiting["id"], action="handover")
    allocated = enter(client, tm)
    act(client, tm, allocated["id"], action="handover")
    act(client, admin, allocated["id"], action="accept", rep="rep.a")
    return headers, {"new": new["id"], "waiting": waiting["id"], "allocated": allocated["id"]}


def expect(client, method, url, headers, status, json=None):
    response = client.request(method, url, headers=headers, json=json)
    assert response.status_code == status, (method, url, response.text)
    if status >= 400:
        code = error_of(response)["code"]
        assert code == {401: "not_authenticated", 403: "forbidden", 404: "not_found"}[status]
    return response


def test_every_leads_endpoint_against_every_role(client, world):
    headers, ids = world
    nowhere = str(uuid.uuid4())
    base = "/api/v1/leads"
    nobody = {"-": 401}
    refused = {name: 403 for name in ROLES}
    readers = {"rep.a": 200, "rep.b": 200, "admin": 200, "telemarketer": 200, "telemarketer.b": 200}
    # (method, url, json) -> expected status per user; None: allowed and changing state
    # (covered by the other tests); "-" is no token.
    matrix = [
        (
            ("POST", base, lead_body("淄博齐鲁化工有限公司", uscc(5))),
            refused | {"telemarketer": None, "telemarketer.b": None} | nobody,
        ),
        (("GET", base, None), refused | readers | nobody),
        (
            ("GET", f"{base}/{ids['allocated']}", None),
            refused
            | {"rep.a": 200, "rep.b": 404, "admin": 200, "telemarketer": 200, "telemarketer.b": 404}
            | nobody,
        ),
        (
            ("GET", f"{base}/{ids['new']}", None),
            refused
            | {"rep.a": 404, "rep.b": 404, "admin": 200, "telemarketer": 200, "telemarketer.b": 404}
            | nobody,
        ),
        (("GET", f"{base}/{nowhere}", None), refused | {name: 404 for name in readers} | nobody),
        (
            ("POST", f"{base}/{ids['new']}/handover", {"action": "handover"}),
            refused | {"telemarketer": None, "telemarketer.b": 404} | nobody,
        ),
        (
            ("POST", f"{base}/{nowhere}/handover", {"action": "handover"}),
            refused | {"telemarketer": 404, "telemarketer.b": 404} | nobody,
        ),
        (
            ("POST", f"{base}/{ids['waiting']}/handover", {"action": "accept", "rep": "rep.b"}),
            refused | {"admin": None} | nobody,
        ),
        (
            ("POST", f"{base}/{ids['waiting']}/handover", {"action": "return", "reason": "x"}),
            refused | {"admin": None} | nobody,
        ),
        (
            ("POST", f"{base}/{nowhere}/handover", {"action": "return", "reason": "x"}),
            refused | {"admin": 404} | nobody,
        ),
        (
            ("POST", f"{base}/{ids['allocated']}/outcome", {"outcome": "follow_up"}),
            refused | {"rep.a": 200, "rep.b": 404, "admin": 200} | nobody,
        ),
        (
            ("POST", f"{base}/{ids['new']}/outcome", {"outcome": "follow_up"}),
            refused | {"rep.a": 404, "rep.b": 404, "admin": None} | nobody,
        ),
        (
            ("POST", f"{base}/{nowhere}/outcome", {"outcome": "signed", "note": "x"}),
            refused | {"rep.a": 404, "rep.b": 404, "admin": 404} | nobody,
        ),
    ]
    for (method, url, json), expected in matrix:
        assert set(expected) == {*ROLES, "-"}, url
        for user, status in expected.items():
            if status is not None:
                expect(client, method, url, headers.get(user, {}), status, json)
    # The leads are untouched by the refused attempts.
    admin = headers["admin"]
    states = {k: client.get(f"{base}/{v}", headers=admin).json() for k, v in ids.items()}
    assert [states[k]["status"] for k in ("new", "waiting", "allocated")] == [
        "new",
        "handed_over",
        "accepted",
    ]
    assert states["allocated"]["rep"] == "rep.a"
    assert states["allocated"]["outcome"] == "follow_up"  # the allowed reports
    assert count(client, leads) == 3


def test_the_lists_tell_a_stranger_nothing(client, world):
    headers, ids = world
    assert client.get("/api/v1/leads", headers=headers["telemarketer.b"]).json() == []
    assert client.get("/api/v1/leads", headers=headers["rep.b"]).json() == []
    (mine,) = client.get("/api/v1/leads", headers=headers["rep.a"]).json()
    assert mine["id"] == ids["allocated"]
    assert len(client.get("/api/v1/leads", headers=headers["telemarketer"]).json()) == 3


# -- bad input ------------------------------------------------------------------------


def test_bad_input_is_a_4xx_with_a_json_error_never_a_500(client, people):
    tm, admin = people["tm"], people["admin"]
    lead = enter(client, tm)
    bodies = [
        {**lead_body(), "status": "accepted"},  # registry-owned
        {**lead_body(), "telemarketer": "admin"},
        {**lead_body(), "id": "not-a-uuid"},
        {**lead_body(), "company_name": 12345},
        {**lead_body(), "industry": "mining"},
        {**lead_body(), "need": ["a list"]},
        {**lead_body(), "company_name": "济南华信\x00机械有限公司"},
        {**lead_body(), "contact_name": "张\x00伟"},
        {**lead_body(), "company_name": "华" * 401},
        {**lead_body(), "notes": "x" * 10_001},
        {k: v for k, v in lead_body().items() if k != "company_name"},
        [],
        "lead",
    ]
    for body in bodies:
        response = client.post("/api/v1/leads", json=body, headers=tm)
        assert response.status_code == 422, (body, response.text)
        assert error_of(response)["code"] == "invalid_request"
    # Within the schema's limits but beyond the domain's: the domain says why.
    long_name = client.post("/api/v1/leads", json=lead_body("华" * 201), headers=tm)
    assert long_name.status_code == 422
    assert error_of(long_name)["problems"][0]["code"] == "too_long"
    malformed = client.post(
        "/api/v1/leads", content=b'{"id": ', headers={**tm, "Content-Type": "application/json"}
    )
    assert malformed.status_code == 400 and error_of(malformed)["code"] == "malformed_json"

    url = f"/api/v1/leads/{lead['id']}/handover"
    for body in (
        {},
        {"action": "promote"},
        {"action": "handover", "rep": "rep.a"},  # not a field of the hand-over
        {"action": "handover", "note": "x" * 10_001},
        {"action": "handover", "note": "\x00"},
        {"action": "accept", "rep": "rep.a\x00"},
        {"action": "allocate"},
        {"action": "return"},
        {"action": ["handover"]},
    ):
        response = client.post(url, json=body, headers=tm if "handover" in str(body) else admin)
        assert response.status_code == 422, (body, response.text)
        assert error_of(response)["code"] == "invalid_request"
    long_note = client.post(url, json={"action": "handover", "note": "x" * 2001}, headers=tm)
    assert long_note.status_code == 422 and error_of(long_note)["code"] == "invalid_input"

    outcome_url = f"/api/v1/leads/{lead['id']}/outcome"
    for body in (
        {"outcome": "won"},
        {"outcome": None},
        {"outcome": "signed", "note": 1},
        {"outcome": "signed", "extra": True},
        {"note": "x"},
    ):
        response = client.post(outcome_url, json=body, headers=admin)
        assert response.status_code == 422, (body, response.text)
        assert error_of(response)["code"] == "invalid_request"
    for method, bad_url in (
        ("GET", "/api/v1/leads/%00"),
        ("GET", "/api/v1/leads?status=%00"),
        ("GET", "/api/v1/leads?limit=999999999999999999999"),
        ("POST", "/api/v1/leads/a%00b/outcome"),
        ("GET", "/api/v1/leads/" + "x" * 65),
    ):
        body = {"outcome": "signed", "note": "x"} if method == "POST" else None
        response = client.request(method, bad_url, json=body, headers=admin)
        assert response.status_code == 422, (bad_url, response.text)
        assert error_of(response)["code"] == "invalid_request"
    for path in ("%27%20OR%201=1--", "..%2F..%2Fhealthz"):
        response = client.get(f"/api/v1/leads/{path}", headers=admin)
        assert response.status_code == 404 and error_of(response)["code"] == "not_found"
    stored = client.get(f"/api/v1/leads/{lead['id']}", headers=admin).json()
    assert stored["status"] == "new" and count(client, leads) == 1
