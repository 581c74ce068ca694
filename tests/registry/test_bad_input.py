"""Bad input of every kind is a 4xx with a JSON error code, never a 500,
and leaves nothing stored."""

from __future__ import annotations

import json
import uuid

import pytest
from registry_support import error_of, make_user, registration, registry_of, sign_in
from sqlalchemy import func, select

from erpdesk.registry.api.errors import error_response
from erpdesk.registry.db.schema import customers, registrations


@pytest.fixture
def rep(client):
    make_user(client, "rep1", "rep")
    return sign_in(client, "rep1")


def stored(client) -> tuple[int, int]:
    with registry_of(client).db.read() as conn:
        return (
            conn.execute(select(func.count()).select_from(customers)).scalar_one(),
            conn.execute(select(func.count()).select_from(registrations)).scalar_one(),
        )


def post(client, headers, content, content_type="application/json"):
    return client.post(
        "/api/v1/registrations", content=content,
        headers={**headers, "Content-Type": content_type},
    )


def test_malformed_json_is_400(client, rep):
    for content in (b"{", b'{"id": ', b"\xff\xfe", b"[1, 2", b"nul"):
        response = post(client, rep, content)
        assert response.status_code == 400, content
        assert error_of(response)["code"] == "malformed_json"
    assert stored(client) == (0, 0)


def test_wrong_types_and_unknown_fields_are_422_with_the_fields(client, rep, clock):
    cases = []
    body = registration(now=clock.now)
    body["urgent"] = {"yes": 1}
    cases.append((body, "urgent"))
    body = registration(now=clock.now)
    body["customer"]["name"] = 12345
    cases.append((body, "customer.name"))
    body = registration(now=clock.now)
    body["customer"]["id"] = "not-a-uuid"
    cases.append((body, "customer.id"))
    body = registration(now=clock.now)
    body["customer"]["owner"] = "rep1"  # registry-owned: never sent by the desk
    cases.append((body, "customer.owner"))
    body = registration(now=clock.now)
    body["status"] = "protected"
    cases.append((body, "status"))
    body = registration(now=clock.now)
    body["visit"]["occurred_at"] = "2026-03-01T10:00:00"  # no time zone
    cases.append((body, "visit.occurred_at"))
    body = registration(now=clock.now)
    body["customer"]["industry"] = "mining"
    cases.append((body, "customer.industry"))
    cases.append(([1, 2, 3], ""))
    cases.append(("just a string", ""))
    for body, field in cases:
        response = client.post("/api/v1/registrations", json=body, headers=rep)
        assert response.status_code == 422, (field, response.text)
        error = error_of(response)
        assert error["code"] == "invalid_request"
        assert field in {p["field"] for p in error["problems"]}, (field, error)
    assert stored(client) == (0, 0)


def test_bodies_over_the_limit_are_413_unread(client, rep, clock):
    body = registration(now=clock.now)
    body["customer"]["notes"] = "x" * (2 * 1024 * 1024)
    response = client.post("/api/v1/registrations", json=body, headers=rep)
    assert response.status_code == 413
    assert error_of(response)["code"] == "payload_too_large"

    def chunks():  # no Content-Length: the body is counted as it comes
        yield b'{"id": "'
        for _ in range(64):
            yield b"x" * 32768
        yield b'"}'

    response = post(client, rep, chunks())
    assert response.status_code == 413
    assert stored(client) == (0, 0)


def test_text_that_looks_like_sql_is_only_text(client, rep, clock):
    evil = "x'); DROP TABLE customers; --"
    check = client.get("/api/v1/customers/check", params={"name": evil, "uscc": "' OR '1'='1"},
                       headers=rep)
    assert check.status_code == 200 and check.json()["status"] == "free"
    body = registration("济南' OR 1=1; --华信机械有限公司", now=clock.now)
    body["need"] = "'; DELETE FROM registrations; --"
    assert client.post("/api/v1/registrations", json=body, headers=rep).status_code == 201
    assert stored(client) == (1, 1)


def test_other_bad_requests_are_json_4xx(client, rep):
    cases = [
        ("GET", "/api/v1/nowhere", {}, 404, "not_found"),
        ("DELETE", "/api/v1/registrations", {}, 405, "method_not_allowed"),
        ("GET", "/api/v1/customers/check?name=" + "长" * 500, {}, 422, "invalid_request"),
        ("GET", "/api/v1/admin/registrations?limit=abc", {}, 403, "forbidden"),
        ("GET", "/api/v1/customers/check?name=华信&protocol=2", {}, 400, "unsupported_protocol"),
        ("GET", "/api/v1/customers/check?name=华信", {"X-ERPDesk-Protocol": "x"}, 400,
         "unsupported_protocol"),
        ("POST", "/api/v1/auth/token", {"Content-Type": "text/plain"}, 422, "invalid_request"),
    ]
    for method, url, headers, status, code in cases:
        response = client.request(method, url, headers={**rep, **headers})
        assert response.status_code == status, (url, response.text)
        assert error_of(response)["code"] == code
    ok = client.get("/api/v1/customers/check", params={"name": "华信", "protocol": "1"},
                    headers=rep)
    assert ok.status_code == 200
    form = client.post("/api/v1/auth/token", content=json.dumps({"username": "rep1"}),
                       headers={"Content-Type": "application/json"})
    assert form.status_code == 422
    assert {p["field"] for p in error_of(form)["problems"]} == {"password"}


def test_health_and_openapi_answer(client):
    health = client.get("/healthz")
    assert health.status_code == 200 and health.json()["status"] == "ok"
    schema = client.get("/openapi.json").json()
    assert "/api/v1/registrations" in schema["paths"]
    assert schema["components"]["schemas"]["RegistrationIn"]["additionalProperties"] is False


def raw_post(client, url, body, headers):
    """*body* written by ``json.dumps``: lone surrogates escaped (``\\ud800``),
    as a careless client sends them."""
    return client.post(url, content=json.dumps(body).encode(),
                       headers={**headers, "Content-Type": "application/json"})


def test_text_no_database_stores_is_422_in_plain_words(client, rep, clock):
    make_user(client, "tele1", "telemarketer")
    tele = sign_in(client, "tele1")
    cases = []
    body = registration(now=clock.now)
    body["customer"]["name"] = "坏\ud800公司"
    cases.append(("/api/v1/registrations", body, rep, "customer.name", "text_not_unicode"))
    body = registration(now=clock.now)
    body["need"] = "上线\x00财务"
    cases.append(("/api/v1/registrations", body, rep, "need", "text_nul"))
    body = registration(now=clock.now)
    body["contacts"][0]["title"] = "\udfff"
    cases.append(("/api/v1/registrations", body, rep, "contacts.0.title", "text_not_unicode"))
    lead = {"id": str(uuid.uuid4()), "company_name": "烟台\udbff远航物流有限公司",
            "phone": "0535-6210000", "need": "库存"}
    cases.append(("/api/v1/leads", lead, tele, "company_name", "text_not_unicode"))
    cases.append(("/api/v1/auth/token", {"username": "rep\ud8001", "password": "x"}, {},
                  "username", "text_not_unicode"))
    for url, body, headers, field, code in cases:
        response = raw_post(client, url, body, headers)
        assert response.status_code == 422, (field, response.text)
        error = error_of(response)
        assert error["code"] == "invalid_request"
        problems = {p["field"]: p for p in error["problems"]}
        assert problems[field]["code"] == code, error
        text = problems[field]["message"]
        assert ("NUL character" if code == "text_nul" else "not valid Unicode") in text
        assert "pattern" not in text and "raw data" not in text  # not pydantic's words
    assert stored(client) == (0, 0)


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00",
                                  "1949-09-30T12:00:00+08:00"])
def test_a_registration_whose_visit_date_is_not_plausible_is_refused(client, rep, clock, when):
    body = registration(now=clock.now)
    body["visit"]["occurred_at"] = when
    response = client.post("/api/v1/registrations", json=body, headers=rep)
    assert response.status_code == 422, response.text
    error = error_of(response)
    problems = {p["field"]: p for p in error["problems"]}
    assert problems["visit.occurred_at"]["code"] == "occurred_at.implausible"
    assert "1949-10-01" in problems["visit.occurred_at"]["message"]
    assert stored(client) == (0, 0)


def test_an_error_answer_always_encodes():
    # Text echoed into an answer (a field name, a value) may hold a lone
    # surrogate; the answer is still valid UTF-8 JSON.
    response = error_response(422, "invalid_request", "bad \ud800", details={"field": "\udfff"})
    body = json.loads(response.body.decode("utf-8"))
    assert body == {"error": {"code": "invalid_request", "message": "bad ?", "field": "?"}}
