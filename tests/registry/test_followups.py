"""Follow-ups of the protection and leads work: registering a customer back
from the pool keeps the claim's cool-down, and the administrator's
allocation suggestions for a telemarketing lead (content, access, input)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from registry_support import error_of, make_user, registration, registry_of, sign_in, uscc
from sqlalchemy import select
from test_access import (
    ROLES,
    expect,
    world,  # noqa: F401 - the access matrix's users
)
from test_leads import act, enter, lead_body
from test_pool import claim_it, pooled, signed_in_again
from test_protection import setting
from test_suggestions import profile

from erpdesk.registry.db.schema import customers, registrations

NAME = "济南华信机械制造有限公司"


@pytest.fixture
def people(client):
    make_user(client, "admin", "admin", display_name="周管理员")
    for name, display in (("rep.a", "王一"), ("rep.b", "李二"), ("rep.c", "张三")):
        make_user(client, name, "rep", display_name=display, team="east")
    make_user(client, "tm", "telemarketer", display_name="赵电销")
    return {name: sign_in(client, name) for name in ("admin", "rep.a", "rep.b", "rep.c", "tm")}


def register(client, headers, body, status=201):
    response = client.post("/api/v1/registrations", json=body, headers=headers)
    assert response.status_code == status, response.text
    return response.json() if status == 201 else error_of(response)


def _rows(client, table, *where):
    with registry_of(client).db.read() as conn:
        return conn.execute(select(table).where(*where)).all()


# -- registering back from the pool --------------------------------------------------


def test_registering_a_lost_customer_waits_for_the_cooldown(client, people, clock):
    cid = pooled(client, people, clock)  # rep.a lost it now
    released = clock.now
    claimable = released + timedelta(days=30)
    clock.advance(days=29)
    signed_in_again(client, people)
    # As a new customer of the same company (same credit code, or only the
    # same name): the cool-down.  Under its old id (the desk still has it) a
    # customer in the pool is claimed, not registered (issue 9).
    attempts = [
        registration(NAME, uscc(1), now=clock.now),
        registration(NAME, uscc(7), now=clock.now),
    ]
    for body in attempts:
        error = register(client, people["rep.a"], body, status=409)
        assert error["code"] == "cooldown", error
        assert datetime.fromisoformat(error["claimable_from"]) == claimable
        assert error["cooldown_days"] == 30
        assert claimable.date().isoformat() in error["message"]
    old_id = registration(NAME, uscc(1), now=clock.now, customer_id=cid)
    assert register(client, people["rep.a"], old_id, status=409)["code"] == "in_pool"
    # Nothing was written: still in the pool, no registration.
    (row,) = _rows(client, customers, customers.c.id == cid)
    assert (row.status, row.owner_id) == ("pool", None)
    assert len(_rows(client, registrations)) == 1  # the first, verified one
    assert len(_rows(client, customers)) == 1
    # From the day it may be claimed, it may be registered too.
    clock.now = claimable
    signed_in_again(client, people)
    view = register(client, people["rep.a"], attempts[0])
    assert view["customer_id"] == attempts[0]["customer"]["id"]
    assert view["customer_status"] == "pending"


def test_another_rep_registers_a_pool_company_without_waiting(client, people, clock):
    cid = pooled(client, people, clock)
    # Under the pool customer's id: a claim takes it, under the claim's rules.
    old_id = registration(NAME, uscc(1), now=clock.now, customer_id=cid)
    error = register(client, people["rep.b"], old_id, status=409)
    assert (error["code"], error["customer_id"]) == ("in_pool", cid)
    view = register(client, people["rep.b"], registration(NAME, uscc(1), now=clock.now))
    assert view["customer_id"] != cid and view["rep"] == "rep.b"


def test_a_cooldown_of_zero_days_lets_the_rep_register_it_back_at_once(client, people, clock):
    cid = pooled(client, people, clock)
    setting(client, clock, "cooldown_days", 0)
    body = registration(NAME, uscc(1), now=clock.now)
    assert register(client, people["rep.a"], body)["customer_id"] != cid


def test_the_daily_claim_limit_does_not_apply_to_registrations(client, people, clock):
    """A registration is no claim: it waits for the administrator's call-back.
    But the pool customer itself is taken by a claim only."""
    setting(client, clock, "pool_claims_per_day", 1)
    first = pooled(client, people, clock, NAME, 1)
    second = pooled(client, people, clock, "青岛海岳食品有限公司", 2)
    claim_it(client, people["rep.b"], first)
    assert claim_it(client, people["rep.b"], second, status=409)["code"] == "daily_claims_reached"
    body = registration("青岛海岳食品有限公司", uscc(2), now=clock.now, customer_id=second)
    assert register(client, people["rep.b"], body, status=409)["code"] == "in_pool"
    body = registration("青岛海岳食品有限公司", uscc(2), now=clock.now)
    assert register(client, people["rep.b"], body)["customer_status"] == "pending"


# -- allocation suggestions for a lead -------------------------------------------------


def suggestions_of(client, headers, lead_id, status=200, **params):
    response = client.get(f"/api/v1/leads/{lead_id}/suggestions", params=params, headers=headers)
    assert response.status_code == status, response.text
    return response.json() if status == 200 else error_of(response)


def test_a_lead_gets_the_reps_best_suited_to_it(client, people, clock):
    profile(client, "rep.a", industries=["food"], size_bands=["micro"], regions=["广东省"])
    profile(
        client,
        "rep.b",
        industries=["machinery"],
        size_bands=["medium"],
        regions=["济南市"],
        ability=4,
    )
    profile(client, "rep.c", industries=["machinery"], regions=["山东省"], ability=2)
    lead = enter(client, people["tm"], lead_body(NAME, uscc(1), province="山东"))
    act(client, people["tm"], lead["id"], action="handover")
    found = suggestions_of(client, people["admin"], lead["id"])
    assert found["lead_id"] == lead["id"] and found["customer_id"] is None
    assert datetime.fromisoformat(found["as_of"]) == clock.now
    assert found["rep_cap"] == 200
    assert found["criteria"] == {
        "industry": "machinery",
        "size_band": "medium",
        "province": "山东省",  # entered as 山东, stored normalised
        "city": "济南市",
        "source": "phone",
        "company_provided": True,
    }
    assert [s["username"] for s in found["suggestions"]] == ["rep.b", "rep.c", "rep.a"]
    best = found["suggestions"][0]
    assert not best["current_owner"] and not best["at_cap"]
    reasons = {r["criterion"]: r for r in best["reasons"]}
    assert reasons["industry"]["detail"] == "machinery"
    assert reasons["size_band"]["detail"] == "exact"
    assert reasons["location"]["detail"] == "city"
    assert reasons["ability"]["points"] == 16
    assert best["score"] == 30 + 20 + 25 + 16 + 15
    assert {r["criterion"]: r["detail"] for r in found["suggestions"][1]["reasons"]}[
        "location"
    ] == "province"
    top = suggestions_of(client, people["admin"], lead["id"], limit=1)["suggestions"]
    assert [s["username"] for s in top] == ["rep.b"]
    # Signed for and allocated: the customer it became, and its owner flagged.
    act(client, people["admin"], lead["id"], action="accept", rep="rep.c")
    found = suggestions_of(client, people["admin"], lead["id"])
    assert found["customer_id"] is not None
    flagged = [s["username"] for s in found["suggestions"] if s["current_owner"]]
    assert flagged == ["rep.c"]


def test_a_lead_without_criteria_still_gets_every_rep(client, people):
    body = lead_body(
        "淄博齐鲁化工有限公司", "", industry=None, size_band=None, province="", city=""
    )
    lead = enter(client, people["tm"], body)
    found = suggestions_of(client, people["admin"], lead["id"])
    assert found["criteria"]["industry"] is None and found["criteria"]["province"] == ""
    assert sorted(s["username"] for s in found["suggestions"]) == ["rep.a", "rep.b", "rep.c"]


def test_the_lead_suggestions_against_every_role(client, world):  # noqa: F811
    headers, _reg = world
    lead = enter(client, headers["telemarketer"], lead_body("青岛海岳食品有限公司", uscc(2)))
    nowhere = str(uuid.uuid4())
    # rep, presales, telemarketer, manager: 403; admin: 200 (404 for no such
    # lead); no token: 401.
    refused = {name: 403 for name in ROLES}
    matrix = [
        (f"/api/v1/leads/{lead['id']}/suggestions", refused | {"admin": 200, "-": 401}),
        (f"/api/v1/leads/{nowhere}/suggestions", refused | {"admin": 404, "-": 401}),
    ]
    for url, expected in matrix:
        assert set(expected) == {*ROLES, "-"}
        for user, status in expected.items():
            expect(client, "GET", url, headers.get(user, {}), status)


def test_bad_input_to_the_lead_suggestions_is_a_json_4xx(client, people):
    lead = enter(client, people["tm"])
    admin = people["admin"]
    for params in ({"limit": 0}, {"limit": 201}, {"limit": "x"}, {"limit": "1\x00"}):
        error = suggestions_of(client, admin, lead["id"], status=422, **params)
        assert error["code"] == "invalid_request", params
    assert suggestions_of(client, admin, "x%00y", status=422)["code"] == "invalid_request"
    assert suggestions_of(client, admin, "a" * 65, status=422)["code"] == "invalid_request"
    assert suggestions_of(client, admin, "no-such-lead", status=404)["code"] == "not_found"
    assert len(suggestions_of(client, admin, lead["id"], limit=200)["suggestions"]) == 3
