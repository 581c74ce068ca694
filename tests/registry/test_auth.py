"""Sign-in, tokens and the slowing of repeated failures."""

from __future__ import annotations

import warnings
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import pytest
from registry_support import PASSWORD, error_of, make_user, registry_of, sign_in

from erpdesk.registry.api.app import create_app

with warnings.catch_warnings():  # as in conftest.py
    warnings.filterwarnings(
        "ignore", message=r"Using `httpx` with `starlette.testclient` is deprecated"
    )
    from fastapi.testclient import TestClient


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


# -- failed sign-ins: per name and address, with ceilings (issue 9) ---------------------

WRONG = "not-the-password"


def from_address(client, address: str):
    """Another connection to the same registry, from *address*."""
    return TestClient(client.app, client=(address, 50000))


def attempt(client, password: str = WRONG, username: str = "rep1", **headers: str):
    return client.post(
        "/api/v1/auth/token", json={"username": username, "password": password}, headers=headers
    )


def held_for(response) -> int:
    """The wait a 429 names, checked to be the same in the header and the body."""
    assert response.status_code == 429, response.text
    error = error_of(response)
    assert error["code"] == "too_many_attempts"
    assert int(response.headers["retry-after"]) == error["retry_after"]
    return int(error["retry_after"])


def recorded_clients(client) -> set[str]:
    from sqlalchemy import select

    from erpdesk.registry.db.schema import login_attempts

    with registry_of(client).db.read() as conn:
        return set(conn.execute(select(login_attempts.c.client)).scalars())


def test_one_address_waits_longer_after_each_failure(client, clock):
    make_user(client, "rep1", "rep")
    for _ in range(3):  # three free tries
        assert attempt(client).status_code == 401
    for delay in (1, 2, 4, 8, 16):
        assert held_for(attempt(client, PASSWORD)) == delay  # the right password waits too
        clock.advance(seconds=delay - 0.5)
        assert held_for(attempt(client)) == 1
        clock.advance(seconds=0.5)
        assert attempt(client).status_code == 401
    clock.advance(seconds=32)
    assert attempt(client, PASSWORD).status_code == 200
    # The success forgets this address's failures: three free tries again.
    for _ in range(3):
        assert attempt(client).status_code == 401
    assert held_for(attempt(client)) == 1


def test_the_delay_stops_growing_at_its_cap(config, clock):
    capped = config.with_changes(login_max_delay=timedelta(seconds=5))
    with TestClient(create_app(capped)) as client:
        make_user(client, "rep1", "rep")
        waits = []
        for _ in range(8):
            response = attempt(client)
            if response.status_code == 429:
                waits.append(held_for(response))
                clock.advance(seconds=waits[-1])
                assert attempt(client).status_code == 401
    assert waits == [1, 2, 4, 5, 5]


def test_nobody_locks_a_user_out_by_guessing_its_password(client, clock):
    """Five wrong passwords used to hold the name for 15 minutes whoever sent them."""
    make_user(client, "admin1", "admin")
    attacker = from_address(client, "198.51.100.66")
    answers = []
    for _ in range(60):
        answers.append(attempt(attacker, username="admin1").status_code)
        clock.advance(seconds=1)
    assert set(answers) == {401, 429} and answers.count(401) < 10
    # The owner, from an address it never used, signs in meanwhile ...
    owner = from_address(client, "203.0.113.5")
    assert attempt(owner, PASSWORD, "admin1").status_code == 200
    # ... and the attacker is still held.
    assert held_for(attempt(attacker, username="admin1")) > 0


def test_many_addresses_reach_the_ceiling_of_the_name_but_not_its_known_addresses(client, clock):
    make_user(client, "rep1", "rep")
    home = from_address(client, "203.0.113.5")
    assert attempt(home, PASSWORD).status_code == 200  # the user's address, known from now
    clock.advance(minutes=1)
    for i in range(25):  # the ceiling: 50 failures, two from each address
        bot = from_address(client, f"198.51.100.{i}")
        for _ in range(2):
            assert attempt(bot).status_code == 401
    new = from_address(client, "192.0.2.1")
    wait = held_for(attempt(new, PASSWORD))
    assert wait == 15 * 60
    assert attempt(home, PASSWORD).status_code == 200
    clock.advance(seconds=wait)
    assert attempt(new, PASSWORD).status_code == 200


def test_one_address_trying_many_names_is_held_for_names_it_never_signed_in_to(client, clock):
    make_user(client, "rep1", "rep")
    make_user(client, "rep2", "rep")
    office = from_address(client, "198.51.100.10")
    assert attempt(office, PASSWORD, "rep1").status_code == 200
    for i in range(25):  # the ceiling: 50 failures, two for each name
        for _ in range(2):
            assert attempt(office, username=f"guess{i}").status_code == 401
    assert held_for(attempt(office, PASSWORD, "rep2")) == 15 * 60
    assert attempt(office, PASSWORD, "rep1").status_code == 200
    assert attempt(from_address(client, "203.0.113.7"), PASSWORD, "rep2").status_code == 200


def test_parallel_guesses_are_counted_like_sequential_ones(client):
    make_user(client, "rep1", "rep")
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda _: attempt(client).status_code, range(8)))
    assert sorted(answers) == [401] * 3 + [429] * 5


def test_forwarded_for_from_an_untrusted_peer_does_not_change_the_address(client):
    make_user(client, "rep1", "rep")
    peer = from_address(client, "198.51.100.7")
    for i in range(3):
        assert attempt(peer, **{"X-Forwarded-For": f"203.0.113.{i}"}).status_code == 401
    assert held_for(attempt(peer, PASSWORD, **{"X-Forwarded-For": "203.0.113.99"})) == 1
    assert recorded_clients(client) == {"198.51.100.7"}


def test_forwarded_for_from_a_trusted_proxy_names_the_client(config):
    trusting = config.with_changes(trusted_proxies=("10.0.0.0/8",))
    with TestClient(create_app(trusting), client=("10.1.2.3", 40000)) as proxy:
        make_user(proxy, "rep1", "rep")
        for _ in range(3):
            assert attempt(proxy, **{"X-Forwarded-For": "203.0.113.9"}).status_code == 401
        assert held_for(attempt(proxy, **{"X-Forwarded-For": "203.0.113.9"})) == 1
        # A client's own forged entry comes first; the proxy appends the real address.
        assert held_for(attempt(proxy, **{"X-Forwarded-For": "192.0.2.1, 203.0.113.9"})) == 1
        # Another client behind the same proxy is not held by the first one's failures.
        assert attempt(proxy, PASSWORD, **{"X-Forwarded-For": "198.51.100.20"}).status_code == 200
        assert recorded_clients(proxy) == {"203.0.113.9", "198.51.100.20"}


def test_trusted_proxies_are_addresses_or_networks():
    from erpdesk.registry.config import ENV_TRUSTED_PROXIES, ConfigError, load_config

    assert load_config("x.db", env={}).trusted_proxies == ()
    env = {ENV_TRUSTED_PROXIES: " 127.0.0.1, 10.0.0.0/8,,::1 "}
    assert load_config("x.db", env=env).trusted_proxies == ("127.0.0.1/32", "10.0.0.0/8", "::1/128")
    for bad in ("*", "proxy.internal", "10.0.0.0/33"):
        with pytest.raises(ConfigError, match="IP address or network"):
            load_config("x.db", env={ENV_TRUSTED_PROXIES: bad})

