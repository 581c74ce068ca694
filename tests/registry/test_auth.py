"""Sign-in, tokens and the slowing of repeated failures."""

from __future__ import annotations

from datetime import datetime

from registry_support import PASSWORD, error_of, make_user, sign_in


def test_sign_in_gives_a_bearer_token_with_expiry_and_role(client, clock):
    make_user(client, "li.rep", "rep", display_name="李销售")
    response = client.post("/api/v1/auth/token", json={"username": "Li.Rep ", "password": PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer" and body["role"] == "rep"
    assert body["display_name"] == "李销售"
    assert datetime.fromisoformat(body["expires_at"]) == clock.now.replace(day=clock.now.day + 1)
    headers = {"Authorization": f"Bearer {body['access_token']}"}
    assert client.get("/api/v1/customers/check", params={"name": "测试公司"},
                      headers=headers).status_code == 200


def test_wrong_password_and_unknown_user_are_the_same_401(client):
    make_user(client, "rep1", "rep")
    wrong = client.post("/api/v1/auth/token", json={"username": "rep1", "password": "nope-nope"})
    unknown = client.post("/api/v1/auth/token", json={"username": "ghost", "password": "x"})
    for response in (wrong, unknown):
        assert response.status_code == 401
        assert error_of(response)["code"] == "invalid_credentials"
        assert response.headers["www-authenticate"] == "Bearer"


def test_a_disabled_user_cannot_sign_in_and_loses_its_tokens(client):
    from registry_support import registry_of

    from erpdesk.registry.accounts import update_user
    from erpdesk.registry.db.journal import Actor

    make_user(client, "rep1", "rep")
    headers = sign_in(client, "rep1")
    registry = registry_of(client)
    update_user(registry.db, registry.config.clock(), Actor(None, "test"), "rep1",
                "user.disable", disabled=True)
    response = client.post("/api/v1/auth/token", json={"username": "rep1", "password": PASSWORD})
    assert response.status_code == 401
    assert error_of(response)["code"] == "account_disabled"
    old = client.get("/api/v1/customers/check", params={"name": "某某公司"}, headers=headers)
    assert old.status_code == 401
    assert error_of(old)["code"] in ("invalid_token", "account_disabled")


def test_repeated_failures_are_slowed_down_with_429_and_retry_after(client, clock):
    make_user(client, "rep1", "rep")
    for _ in range(5):
        clock.advance(seconds=10)
        bad = client.post("/api/v1/auth/token", json={"username": "rep1", "password": "guess!!!"})
        assert bad.status_code == 401
    # Now even the right password waits: the count is in the database.
    held = client.post("/api/v1/auth/token", json={"username": "rep1", "password": PASSWORD})
    assert held.status_code == 429
    error = error_of(held)
    assert error["code"] == "too_many_attempts"
    retry = int(held.headers["retry-after"])
    assert retry == error["retry_after"]
    assert 0 < retry <= 15 * 60
    clock.advance(seconds=retry)
    assert client.post(
        "/api/v1/auth/token", json={"username": "rep1", "password": PASSWORD}
    ).status_code == 200
    # A success starts the count again.
    assert client.post(
        "/api/v1/auth/token", json={"username": "rep1", "password": "guess!!!"}
    ).status_code == 401


def test_an_expired_token_is_refused(client, clock):
    make_user(client, "rep1", "rep")
    headers = sign_in(client, "rep1")
    clock.advance(hours=24, seconds=1)
    response = client.get("/api/v1/customers/check", params={"name": "某某公司"}, headers=headers)
    assert response.status_code == 401
    assert error_of(response)["code"] == "token_expired"


def test_a_revoked_token_is_refused(client):
    make_user(client, "rep1", "rep")
    headers = sign_in(client, "rep1")
    assert client.post("/api/v1/auth/revoke", headers=headers).status_code == 204
    response = client.get("/api/v1/customers/check", params={"name": "某某公司"}, headers=headers)
    assert response.status_code == 401
    assert error_of(response)["code"] == "invalid_token"
    assert client.post("/api/v1/auth/revoke", headers=headers).status_code == 401


def test_forged_missing_and_malformed_tokens_are_401_json(client):
    make_user(client, "rep1", "rep")
    sign_in(client, "rep1")
    url, params = "/api/v1/customers/check", {"name": "某某公司"}
    cases = {
        "invalid_token": [
            {"Authorization": "Bearer " + "A" * 43},
            {"Authorization": "Bearer " + "x" * 5000},
            {"Authorization": "bearer ' OR 1=1 --"},
        ],
        "not_authenticated": [
            {}, {"Authorization": "Basic cmVwMTpwYXNz"}, {"Authorization": "Bearer"}
        ],
    }
    for code, headers_list in cases.items():
        for headers in headers_list:
            response = client.get(url, params=params, headers=headers)
            assert response.status_code == 401, headers
            assert error_of(response)["code"] == code
