"""The region is part of who a company is (issue 9, "Trust first"): a
protected company never blocks one of another region, and a region on one
side only is a possible duplicate for the administrator, never a block."""

from __future__ import annotations

import pytest
from registry_support import make_user, registration, sign_in, uscc

CHECK = "/api/v1/customers/check"


@pytest.fixture
def reps(client):
    make_user(client, "admin", "admin", display_name="周管理员")
    make_user(client, "rep.a", "rep", display_name="王一")
    make_user(client, "rep.b", "rep", display_name="李二")
    return {name: sign_in(client, name) for name in ("admin", "rep.a", "rep.b")}


def register(client, headers, name, seed, clock):
    body = registration(name, uscc(seed), now=clock.now)
    return client.post("/api/v1/registrations", json=body, headers=headers)


def check(client, headers, name):
    response = client.get(CHECK, params={"name": name}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def test_a_bank_of_another_city_is_another_company(client, reps, clock):
    # Before: both keys were 银行, so 上海银行 was "pending" for 北京银行's rep.
    assert register(client, reps["rep.a"], "北京银行股份有限公司", 1, clock).status_code == 201
    assert check(client, reps["rep.b"], "上海银行股份有限公司")["status"] == "free"
    assert register(client, reps["rep.b"], "上海银行股份有限公司", 2, clock).status_code == 201
    # The same bank written otherwise is still the same company.
    again = check(client, reps["rep.b"], "北京市银行股份有限公司")
    assert again["status"] == "pending" and again["owner"] == "王一"
    assert register(client, reps["rep.b"], "银行（北京）股份有限公司", 3, clock).status_code == 409
    # A name of the industry alone: both banks are possible duplicates.
    industry_only = check(client, reps["admin"], "银行股份有限公司")
    assert industry_only["status"] == "possible_duplicate"
    assert sorted(m["name"] for m in industry_only["matches"]) == [
        "上海银行股份有限公司",
        "北京银行股份有限公司",
    ]


def test_a_region_on_one_side_is_possible_never_a_block(client, reps, clock):
    assert (
        register(client, reps["rep.a"], "浪潮电子信息产业股份有限公司", 1, clock).status_code == 201
    )
    seen = check(client, reps["rep.b"], "北京浪潮电子信息产业有限公司")
    assert seen["status"] == "possible_duplicate"
    (match,) = seen["matches"]
    assert match["kind"] == "similar" and match["name"] is None
    response = register(client, reps["rep.b"], "北京浪潮电子信息产业有限公司", 2, clock)
    assert response.status_code == 201, response.text
    # The region written in brackets is the one rep.b now has pending.
    bracketed = check(client, reps["rep.a"], "浪潮（北京）电子信息产业有限公司")
    assert bracketed["status"] == "pending" and bracketed["owner"] == "李二"
    # A short trade name with its city on one side only, and a city and the
    # province holding it: possible duplicates, whatever their scores.
    assert register(client, reps["rep.a"], "北京百度有限公司", 3, clock).status_code == 201
    assert check(client, reps["rep.b"], "百度有限公司")["status"] == "possible_duplicate"
    assert register(client, reps["rep.a"], "深圳市华为技术有限公司", 4, clock).status_code == 201
    province = check(client, reps["admin"], "广东华为技术有限公司")
    assert province["status"] == "possible_duplicate"
    assert [m["name"] for m in province["matches"]] == ["深圳市华为技术有限公司"]
    # The province before its own city adds nothing: the same company.
    same = check(client, reps["rep.b"], "广东省深圳市华为技术有限公司")
    assert same["status"] == "pending" and same["owner"] == "王一"
