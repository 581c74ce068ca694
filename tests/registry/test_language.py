"""The language of the registry's messages: English by default, Chinese for
a request that asks for it (Accept-Language) and on a Chinese command line;
the error codes stay the same."""

from __future__ import annotations

import io
import uuid

import pytest
from registry_support import error_of, make_user, registration, sign_in, uscc

from erpdesk.registry.cli import main
from erpdesk.registry.language import language_of

ZH = {"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"}


@pytest.mark.parametrize(("header", "language"), [
    ("zh-CN,zh;q=0.9,en;q=0.8", "zh_CN"),
    ("zh", "zh_CN"),
    ("zh-TW;q=0.3, en;q=0.2", "zh_CN"),
    ("en-US,zh;q=0.5", "en"),
    ("fr-FR, de", "en"),
    ("", "en"),
    ("zh;q=abc, en", "en"),  # a weight that is no number counts as 0
])
def test_the_language_is_the_supported_one_the_header_weighs_most(header, language):
    assert language_of(header) == language


def test_errors_answer_in_chinese_when_asked_with_the_same_codes(client, clock):
    make_user(client, "admin", "admin")
    make_user(client, "rep.a", "rep", display_name="王一")
    make_user(client, "rep.b", "rep")
    reps = {name: sign_in(client, name) for name in ("admin", "rep.a", "rep.b")}
    nowhere = f"/api/v1/customers/{uuid.uuid4()}"
    english = error_of(client.get(nowhere, headers=reps["rep.a"]))
    chinese = error_of(client.get(nowhere, headers={**reps["rep.a"], **ZH}))
    assert (english["code"], english["message"]) == ("not_found", "The customer was not found")
    assert (chinese["code"], chinese["message"]) == ("not_found", "该客户不存在")
    assert error_of(client.get(nowhere, headers=ZH))["message"] == "请先登录：请求中没有令牌"

    # A conflict with its parameters filled in after translation.
    body = registration("济南华信机械制造有限公司", uscc(1), now=clock.now)
    assert client.post("/api/v1/registrations", json=body, headers=reps["rep.a"]).status_code \
        == 201
    client.post(f"/api/v1/admin/registrations/{body['id']}/callback",
                json={"result": "valid"}, headers=reps["admin"])
    again = registration("济南华信机械制造有限公司", uscc(1), now=clock.now)
    taken = error_of(client.post("/api/v1/registrations", json=again,
                                 headers={**reps["rep.b"], **ZH}))
    assert taken["code"] == "protected_by_other"
    assert taken["message"] == f"该公司自 {clock.now.date().isoformat()} 起由 王一 保护"

    # Every problem of an invalid input, each in Chinese.
    refused = client.post(
        f"/api/v1/admin/customers/{body['customer']['id']}/exemption",
        json={"reason": " "}, headers={**reps["admin"], **ZH},
    )
    problem = error_of(refused)
    assert refused.status_code == 422 and problem["code"] == "invalid_input"
    assert problem["message"] == "请填写原因"
    assert problem["problems"] == [{"field": "reason", "code": "required", "message": "请填写原因"}]


def test_the_command_line_answers_in_its_language(db_url, capsys, monkeypatch):
    def run(*args, stdin=""):
        out = io.StringIO()
        code = main([*args, "--db", db_url], stdout=out, stdin=io.StringIO(stdin))
        return code, out.getvalue()

    assert run("user", "disable", "ghost")[0] == 1
    assert capsys.readouterr().err == "erpdesk-registry: User ghost was not found\n"
    monkeypatch.setenv("ERPDESK_LANG", "zh_CN")
    assert run("user", "disable", "ghost")[0] == 1
    assert capsys.readouterr().err == "erpdesk-registry: 用户 ghost 不存在\n"
    assert run("settings", "warning_days", "900")[0] == 1
    assert capsys.readouterr().err == (
        "erpdesk-registry: warning_days 必须在 0 到 365 之间，不能是 900\n"
    )
    assert run("user", "add", "wang", "--role", "rep", "--password-stdin",
               stdin="a-good-password\n") == (0, "已添加 wang（rep）\n")
    assert run("user", "disable", "wang") == (0, "wang 已停用\n")


def test_the_shape_of_a_request_is_answered_in_chinese_too(client, clock):
    make_user(client, "admin", "admin")
    admin = {**sign_in(client, "admin"), **ZH}
    url = f"/api/v1/admin/customers/{uuid.uuid4()}/exemption"
    broken = client.post(url, content=b"{not json", headers={
        **admin, "Content-Type": "application/json"})
    assert broken.status_code == 400
    assert error_of(broken) == {"code": "malformed_json", "message": "请求体不是有效的 JSON"}
    shaped = client.post(url, json={"exempt": "maybe", "reason": "x" * 501, "extra": 1},
                         headers=admin)
    problems = {p["field"]: p for p in error_of(shaped)["problems"]}
    assert shaped.status_code == 422 and error_of(shaped)["code"] == "invalid_request"
    assert problems["exempt"]["message"] == "应为 true 或 false"
    assert problems["reason"]["message"] == "最多 500 个字符"
    assert problems["extra"] == {"field": "extra", "code": "extra_forbidden",
                                 "message": "此处不接受该字段"}
    # In English, pydantic's own wording.
    english = client.post(url, json={"reason": "x", "extra": 1}, headers=sign_in(client, "admin"))
    assert error_of(english)["problems"][0]["message"] == "Extra inputs are not permitted"
