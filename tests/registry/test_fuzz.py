"""Property-based fuzz of API v1 over its own OpenAPI schema (schemathesis 4).

Every operation of ``/openapi.json`` gets generated requests, valid by the
schema and deliberately invalid ones, sent through the in-process ASGI app as
an administrator, a rep, a telemarketer or nobody, and sometimes aimed at a
record that exists (a pending registration, a customer in the pool, a lead
just entered and one allocated to the rep, the rep's profile).  For every
answer:

- never a 5xx;
- every 4xx is ``{"error": {"code": str, "message": str, ...}}`` as JSON;
- status codes, content types and bodies conform to the schema where it
  documents them (schemathesis' own checks).

Generation is derandomized (same examples every run, so CI is reproducible)
and bounded per operation.  Hand-written hostile requests the generator does
not reach follow at the end.
"""

from __future__ import annotations

import itertools
import json
import uuid
from datetime import datetime
from typing import Any

import hypothesis
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given
from hypothesis import strategies as st
from registry_support import error_of, make_user, registration, registry_of, sign_in, uscc
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
PATH_IDS = ("customer_id", "registration_id", "lead_id", "username")


def _openapi() -> dict[str, Any]:
    # The schema does not depend on the database: build it once, off any database.
    return create_app(Config(db_url="sqlite://")).openapi()


SCHEMA = schemathesis.openapi.from_dict(_openapi())
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


def _label(operation: Any) -> str:
    return f"{operation.method.upper()} {operation.path}"


def _ok(response: Any, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    return body


def _lead(name: str, seed: int) -> dict[str, Any]:
    """A complete telemarketing lead for *name*."""
    return {
        "id": str(uuid.uuid4()), "company_name": name, "uscc": uscc(seed),
        "industry": "food", "size_band": "small", "province": "山东", "city": "青岛市",
        "phone": "0532-85106000", "contact_name": "李娜", "contact_phone": "13912345678",
        "need": "想上财务和库存模块",
    }


def _seed(client, operation: Any) -> dict[str, Any]:
    """Users of each role with their tokens, and the records the operation's
    path can name, so generated requests also reach records that exist: for
    a customer or registration id, a pending registration of the rep's (and
    its customer) and a customer another rep lost to the pool; for a lead id,
    a lead just entered by the telemarketer and one signed for and allocated
    to the rep; for a user name, the rep."""
    for name, role in (("admin1", "admin"), ("rep1", "rep"), ("tele1", "telemarketer")):
        make_user(client, name, role)
    admin, rep, tele = (sign_in(client, name) for name in ("admin1", "rep1", "tele1"))
    now = registry_of(client).config.clock()
    ids: dict[str, list[str]] = {"username": ["rep1"]}
    if "{customer_id}" in operation.path or "{registration_id}" in operation.path:
        body = registration(now=now)
        pending = _ok(client.post("/api/v1/registrations", json=body, headers=rep), 201)
        ids["registration_id"] = [body["id"]]
        ids["customer_id"] = [pending["customer_id"]]
    if "{customer_id}" in operation.path:
        ids["customer_id"].append(_pooled(client, admin, now))
    if "{lead_id}" in operation.path:
        new_lead = _ok(client.post("/api/v1/leads", json=_lead("烟台远航物流有限公司", 3),
                                   headers=tele), 201)
        allocated = _ok(client.post("/api/v1/leads", json=_lead("潍坊金禾农业科技有限公司", 4),
                                    headers=tele), 201)
        _ok(client.post(f"/api/v1/leads/{allocated['id']}/handover",
                        json={"action": "handover"}, headers=tele))
        _ok(client.post(f"/api/v1/leads/{allocated['id']}/handover",
                        json={"action": "accept", "rep": "rep1", "reason": "区域"},
                        headers=admin))
        ids["lead_id"] = [new_lead["id"], allocated["id"]]
    return {
        "auth": {"admin": admin, "rep": rep, "telemarketer": tele, "nobody": {}},
        "ids": ids,
    }


def _pooled(client, admin: dict[str, str], now: datetime) -> str:
    """A customer another rep (rep2) held and the administrator released to
    the pool: rep1 may claim it (no cool-down); its id."""
    make_user(client, "rep2", "rep")
    body = registration("青岛海岳食品有限公司", uscc(2), now=now)
    made = _ok(client.post("/api/v1/registrations", json=body,
                           headers=sign_in(client, "rep2")), 201)
    _ok(client.post(f"/api/v1/admin/registrations/{body['id']}/callback",
                    json={"result": "valid"}, headers=admin))
    _ok(client.post(f"/api/v1/admin/customers/{made['customer_id']}/allocate",
                    json={"action": "release", "reason": "三个月无跟进"}, headers=admin))
    return str(made["customer_id"])


def _strategies(operation: Any, ids: dict[str, list[str]]) -> st.SearchStrategy[Any]:
    """Generated requests, valid and invalid, and valid ones with the path's ids
    set to records that exist (each combination of the seeded ids).  Invalid
    requests are refused by their schema before any record is looked up, so
    they are not aimed at the seeded records too (which would only cost time)."""
    names = [name for name in PATH_IDS if "{" + name + "}" in operation.path]
    combinations = [
        dict(zip(names, values, strict=True))
        for values in itertools.product(*(ids[name] for name in names))
    ] if names else []
    options = [operation.as_strategy(generation_mode=mode)
               for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)]
    options += [
        operation.as_strategy(generation_mode=GenerationMode.POSITIVE, path_parameters=fixed)
        for fixed in combinations
    ]
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
    """Half the time a role the operation is for (so requests get past the
    role check), otherwise any role or none."""
    if operation.path.startswith("/api/v1/admin/"):
        primary = ["admin"]
    elif operation.path.startswith("/api/v1/leads"):
        primary = ["telemarketer", "admin"]
    else:
        primary = ["rep"]
    return st.one_of(
        st.sampled_from([auth[role] for role in primary]), st.sampled_from(list(auth.values()))
    )


@pytest.mark.parametrize("operation", OPERATIONS, ids=_label)
def test_fuzz_operation(client, operation):
    seeded = _seed(client, operation)
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
