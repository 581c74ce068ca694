"""Property-based fuzz of API v1 over its own OpenAPI schema (schemathesis 4).

Every operation of ``/openapi.json`` gets generated requests, valid by the
schema and deliberately invalid ones, sent through the in-process ASGI app as
an administrator, a rep, a telemarketer or nobody, and sometimes aimed at a
record that exists.  For every answer:

- never a 5xx;
- every 4xx is ``{"error": {"code": str, "message": str, ...}}`` as JSON;
- status codes, content types and bodies conform to the schema where it
  documents them (schemathesis' own checks).

Generation is derandomized (same examples every run, so CI is reproducible)
and bounded per operation.  Hand-written hostile requests the generator does
not reach follow at the end.
"""

from __future__ import annotations

import json
from typing import Any

import hypothesis
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given
from hypothesis import strategies as st
from registry_support import error_of, make_user, registration, registry_of, sign_in
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import func, literal, select
from sqlalchemy.exc import DataError

from erpdesk.registry.api.app import create_app
from erpdesk.registry.config import Config
from erpdesk.registry.db.schema import customers, registrations

MAX_EXAMPLES = 60
FUZZ_SETTINGS = hypothesis.settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=(Phase.explicit, Phase.generate, Phase.shrink),
    suppress_health_check=[
        HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
    print_blob=True,
)
CHECKS = [
    not_a_server_error, status_code_conformance, content_type_conformance,
    response_schema_conformance,
]
BASE_URL = "http://testserver"
PATH_IDS = ("customer_id", "registration_id")


def _openapi() -> dict[str, Any]:
    # The schema does not depend on the database: build it once, off any database.
    return create_app(Config(db_url="sqlite://")).openapi()


SCHEMA = schemathesis.openapi.from_dict(_openapi())
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


def _label(operation: Any) -> str:
    return f"{operation.method.upper()} {operation.path}"


@pytest.fixture
def seeded(client) -> dict[str, Any]:
    """Users of each role with their tokens, and a pending registration of the
    rep's, so generated requests also reach records that exist."""
    make_user(client, "admin1", "admin")
    make_user(client, "rep1", "rep")
    make_user(client, "tele1", "telemarketer")
    headers = {name: sign_in(client, name) for name in ("admin1", "rep1", "tele1")}
    body = registration(now=registry_of(client).config.clock())
    response = client.post("/api/v1/registrations", json=body, headers=headers["rep1"])
    assert response.status_code == 201, response.text
    return {
        "auth": {"admin": headers["admin1"], "rep": headers["rep1"],
                 "telemarketer": headers["tele1"], "nobody": {}},
        "ids": {"customer_id": response.json()["customer_id"], "registration_id": body["id"]},
    }


def _strategies(operation: Any, ids: dict[str, str]) -> st.SearchStrategy[Any]:
    fixed = {name: ids[name] for name in PATH_IDS if name in operation.path}
    options = []
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        options.append(operation.as_strategy(generation_mode=mode))
        if fixed:
            options.append(operation.as_strategy(generation_mode=mode, path_parameters=fixed))
    return st.one_of(options)


def _send(client, case: Any, headers: dict[str, str]) -> Any:
    """The case through the test client (the app is in-process)."""
    kwargs = case.as_transport_kwargs(base_url=BASE_URL, headers=headers)
    request: dict[str, Any] = {
        "method": kwargs["method"], "url": kwargs["url"],
        "headers": {k: v for k, v in kwargs.get("headers", {}).items()},
        "params": kwargs.get("params") or None,
    }
    if "json" in kwargs:
        request["json"] = kwargs["json"]
    elif kwargs.get("data") is not None:
        data = kwargs["data"]
        request["content"] = data.encode() if isinstance(data, str) else data
    return client.request(**request)


def assert_error_shape(response: Any) -> None:
    """A 4xx is a JSON error object with a code and a message; never a 5xx."""
    assert response.status_code < 500, (response.status_code, response.text[:2000])
    if response.status_code >= 400:
        error_of(response)


def _auths(operation: Any, auth: dict[str, dict[str, str]]) -> st.SearchStrategy[Any]:
    """Half the time the role the operation is for (so requests get past the
    role check), otherwise any role or none."""
    primary = auth["admin"] if operation.path.startswith("/api/v1/admin/") else auth["rep"]
    return st.one_of(st.just(primary), st.sampled_from(list(auth.values())))


@pytest.mark.parametrize("operation", OPERATIONS, ids=_label)
def test_fuzz_operation(client, seeded, operation):
    cases = _strategies(operation, seeded["ids"])

    @FUZZ_SETTINGS
    @given(case=cases, auth=_auths(operation, seeded["auth"]))
    def run(case: Any, auth: dict[str, str]) -> None:
        response = _send(client, case, auth)
        assert_error_shape(response)
        case.validate_response(response, checks=CHECKS, headers=auth)

    run()


# -- hostile requests the generator does not reach ---------------------------------


@pytest.fixture
def rep(client) -> dict[str, str]:
    make_user(client, "rep1", "rep")
    return sign_in(client, "rep1")


@pytest.fixture
def admin(client) -> dict[str, str]:
    make_user(client, "admin1", "admin")
    return sign_in(client, "admin1")


def stored(client) -> tuple[int, int]:
    with registry_of(client).db.read() as conn:
        return (
            conn.execute(select(func.count()).select_from(customers)).scalar_one(),
            conn.execute(select(func.count()).select_from(registrations)).scalar_one(),
        )


def post_raw(client, headers: dict[str, str], content: Any, url: str = "/api/v1/registrations",
             content_type: str = "application/json") -> Any:
    return client.post(url, content=content, headers={**headers, "Content-Type": content_type})


def test_deeply_nested_json_is_a_4xx(client, rep):
    for depth in (1_000, 100_000):
        for content in ("[" * depth + "]" * depth, '{"a":' * depth + "1" + "}" * depth):
            response = post_raw(client, rep, content.encode())
            assert_error_shape(response)
            assert 400 <= response.status_code < 500, depth
        body = registration()
        body["customer"]["notes"] = json.loads("[" * 50 + "]" * 50)
        response = client.post("/api/v1/registrations", json=body, headers=rep)
        assert response.status_code == 422
        assert_error_shape(response)
    assert stored(client) == (0, 0)


def test_ten_megabyte_bodies_are_413_with_and_without_content_length(client, rep):
    big = b'{"id": "' + b"x" * (10 * 1024 * 1024) + b'"}'
    response = post_raw(client, rep, big)
    assert response.status_code == 413
    assert error_of(response)["code"] == "payload_too_large"

    def chunks():  # no Content-Length: chunked
        yield b'{"id": "'
        for _ in range(160):
            yield b"x" * 65536
        yield b'"}'

    response = post_raw(client, rep, chunks())
    assert response.status_code == 413
    assert error_of(response)["code"] == "payload_too_large"
    assert stored(client) == (0, 0)


def test_invalid_utf8_and_nul_bytes_are_4xx(client, rep, admin):
    for content in (b'{"id": "\xff\xfe\xfd"}', b"\xc3\x28", b'{"username": "\xed\xa0\x80"}'):
        for url in ("/api/v1/registrations", "/api/v1/auth/token"):
            response = post_raw(client, rep, content, url)
            assert_error_shape(response)
            assert response.status_code in (400, 422), (url, content, response.text)
    # NUL bytes in every string field: PostgreSQL cannot store them in text.
    body = registration("济南华信\x00机械制造有限公司", need="需求\x00")
    body["need"] = "替换\x00旧系统"
    body["customer"]["address"] = "经十路\x00100 号"
    body["contacts"][0]["name"] = "张\x00伟"
    response = client.post("/api/v1/registrations", json=body, headers=rep)
    assert_error_shape(response)
    assert response.status_code == 422, response.text
    for params in ({"name": "华信\x00机械"}, {"uscc": "\x00" * 18}):
        response = client.get("/api/v1/customers/check", params=params, headers=rep)
        assert_error_shape(response)
    response = client.post("/api/v1/auth/token", json={"username": "rep1\x00", "password": "x\x00"})
    assert_error_shape(response)
    assert response.status_code in (401, 422)
    response = client.post("/api/v1/admin/customers/x/allocate",
                           json={"rep": "rep1\x00", "reason": "why\x00"}, headers=admin)
    assert_error_shape(response)
    assert stored(client) == (0, 0)


def test_huge_integers_and_wrong_types_are_4xx(client, rep, admin):
    huge = "9" * 5000
    for content in (
        ('{"id": ' + huge + "}").encode(),
        b'{"id": 1e999999, "urgent": -1e999999}',
        ('{"urgent": ' + huge + "}").encode(),
        b'{"id": NaN, "urgent": Infinity}',
    ):
        response = post_raw(client, rep, content)
        assert_error_shape(response)
        assert response.status_code in (400, 422), response.text
    for params in ({"limit": huge}, {"offset": huge}, {"limit": "-" + huge}, {"offset": "1e309"}):
        response = client.get("/api/v1/admin/registrations", params=params, headers=admin)
        assert response.status_code == 422, response.text
        assert_error_shape(response)
    assert stored(client) == (0, 0)


def test_text_plain_and_other_media_types_are_4xx(client, rep):
    body = json.dumps(registration()).encode()
    for content_type in ("text/plain", "application/x-www-form-urlencoded",
                         "multipart/form-data; boundary=x", "application/xml", ""):
        response = post_raw(client, rep, body, content_type=content_type)
        assert_error_shape(response)
        assert 400 <= response.status_code < 500, (content_type, response.text)
    assert stored(client) == (0, 0)


@pytest.mark.parametrize("path", [
    "/api/v1/admin/customers/%27%20OR%201=1--/allocate",
    "/api/v1/admin/customers/..%2F..%2Fhealthz/allocate",
    "/api/v1/admin/registrations/%27%3B%20DROP%20TABLE%20customers%3B--/callback",
    "/api/v1/customers/%27%20OR%201=1--",
    "/api/v1/registrations/%25%27%20OR%20%27%25%27=%27",
])
def test_path_parameter_injection_is_404(client, admin, path):
    if path.endswith("/allocate"):
        response = client.post(path, json={"action": "release", "reason": "test"}, headers=admin)
    elif path.endswith("/callback"):
        response = client.post(path, json={"result": "valid"}, headers=admin)
    else:
        response = client.get(path, headers=admin)
    assert response.status_code == 404, response.text
    assert error_of(response)["code"] == "not_found"
    assert stored(client) == (0, 0)


def test_nul_bytes_in_path_and_query_are_422_not_500(client, admin):
    """Regression: PostgreSQL refuses NUL in text; these were 500s there."""
    for method, url, body in (
        ("POST", "/api/v1/admin/registrations/%00/callback", {"result": "valid"}),
        ("POST", "/api/v1/admin/customers/a%00b/allocate", {"action": "release", "reason": "x"}),
        ("GET", "/api/v1/customers/%00", None),
        ("GET", "/api/v1/registrations/%25%00", None),
        ("GET", "/api/v1/customers/check?uscc=%00%00", None),
        ("GET", "/api/v1/customers/check?name=%E5%8D%8E%00%E4%BF%A1", None),
        ("GET", "/api/v1/admin/registrations?status=%00", None),
    ):
        response = client.request(method, url, json=body, headers=admin)
        assert response.status_code == 422, (url, response.text)
        assert error_of(response)["code"] == "invalid_request"


def test_bad_bearer_tokens_are_401(client, rep):
    for header in (
        "Bearer " + "a" * 100_000,
        "Bearer \x00\x01",
        "Bearer " + "' OR 1=1 --",
        "Basic dXNlcjpwYXNz",
        "Bearer",
        "",
    ):
        response = client.get("/api/v1/customers/check", params={"name": "华信"},
                              headers={"Authorization": header})
        assert response.status_code == 401, (header[:20], response.text)
        assert_error_shape(response)


def test_a_value_the_database_refuses_is_422_not_500(client, rep):
    """The net under the schemas: a ``DataError`` from the driver (a NUL byte on
    PostgreSQL, a number out of range) is the client's input, not a crash."""
    def refuse() -> None:
        with registry_of(client).db.read() as conn:
            if conn.dialect.name == "postgresql":  # the real thing
                conn.execute(select(literal("a\x00b")))
            raise DataError("SELECT", {}, ValueError("value out of range"))

    client.app.add_api_route("/test/refuse", refuse, methods=["GET"])  # type: ignore[attr-defined]
    response = client.get("/test/refuse", headers=rep)
    assert response.status_code == 422, response.text
    assert error_of(response)["code"] == "invalid_request"


def test_every_operation_documents_its_error_answers():
    for path, item in SCHEMA.raw_schema["paths"].items():
        for method, operation in item.items():
            for status in ("400", "413", "422"):
                content = operation["responses"][status]["content"]["application/json"]
                assert content["schema"]["$ref"].endswith("/ErrorOut"), (method, path, status)
