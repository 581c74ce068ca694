"""The sync client asks the registry for its messages in the desk's
language: a registration or an op refused during a sync run, and a refused
sign-in, are stored and shown in Chinese on a Chinese desk (a real registry
process, conftest)."""

from __future__ import annotations

import io
import re
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sync_support import PASSWORD
from workbench_support import company, register, token_of

from erpdesk.app import Desk
from erpdesk.cli.main import main
from erpdesk.domain.customer import (
    Activity,
    ActivityKind,
    Contact,
    Customer,
    Industry,
    SizeBand,
)
from erpdesk.storage.sync_store import SyncStore
from erpdesk.sync.client import LoginFailed, RegistryClient, accept_language
from erpdesk.sync.engine import SyncEngine
from erpdesk.sync.state import read_status
from erpdesk.sync.workbench_api import WorkbenchApi

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def clients():
    made: list[RegistryClient] = []
    yield made
    for client in made:
        client.close()


def engine(registry, desk: Desk, user: str, clients, language: str) -> SyncEngine:
    client = RegistryClient(registry.url, language=language)
    clients.append(client)
    client.login(user, PASSWORD)
    store = SyncStore(desk.db)
    store.reset_for(registry.url, user)
    return SyncEngine(store, client, feed=desk.feed)


def asked_for(language: str | None, make=RegistryClient) -> str:
    """The Accept-Language a client sends (no network: a mock transport)."""
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("accept-language", ""))
        return httpx.Response(200, json={"access_token": "t", "expires_at": "x", "role": "rep"})

    kwargs = {} if language is None else {"language": language}
    with make("http://registry.test", None, transport=httpx.MockTransport(answer),
              **kwargs) as client:
        client.login("someone", "secret")
    return seen[0]


def test_the_client_and_the_workbench_ask_in_the_same_words() -> None:
    assert asked_for("zh_CN") == accept_language("zh_CN") == "zh-CN, zh;q=0.9, en;q=0.5"
    assert asked_for("en") == "en" and asked_for(None) == "en"  # the source language
    assert asked_for("zh_CN", WorkbenchApi) == asked_for("zh_CN")


def visited_customer(desk: Desk, name: str, code: str) -> Customer:
    c = desk.customers.create(Customer(
        name=name, uscc=code, industry=Industry.MACHINERY, size_band=SizeBand.MEDIUM,
        province="山东省", city="济南市", address="历下区经十路 100 号",
        phone="0531-85106000", need="替换旧的进销存系统", id=str(uuid.uuid4()),
    ))
    person = desk.customers.save_contact(
        Contact(customer_id=c.id, name="张伟", title="信息部经理", mobile="13812345678"))
    desk.customers.log_activity(Activity(
        customer_id=c.id, kind=ActivityKind.VISIT,
        occurred_at=datetime.now(UTC) - timedelta(days=1), summary="拜访信息部",
        contact_id=person.id,
    ))
    return c


def test_a_refused_registration_is_stored_in_the_desks_language(
    registry, make_desk, clients
) -> None:
    first, second = registry.add_user("rep"), registry.add_user("rep")
    holder, late = make_desk("holder"), make_desk("late")
    name, code = company("威海")
    held = visited_customer(holder, name, code)
    holder.registrations.request(held.id)
    engine(registry, holder, first, clients, "en").run()

    for desk, language in ((late, "zh_CN"), (make_desk("english"), "en")):
        twin = visited_customer(desk, name, code)
        desk.registrations.request(twin.id)
        engine(registry, desk, second, clients, language).run()
        refused = desk.registrations.latest(twin.id)
        assert refused.state == "refused"
        words = refused.reasons.replace(name, "")  # the company's name aside
        assert bool(HAN.search(words)) is (language == "zh_CN"), refused.reasons


def test_a_refused_op_is_stored_with_a_chinese_reason_on_a_chinese_desk(
    registry, make_desk, clients
) -> None:
    first, second = registry.add_user("rep"), registry.add_user("rep")
    name, code = company("烟台")
    register(registry.url, token_of(registry.url, first), name, code)  # pending: held

    desk = make_desk("zh")
    twin = desk.customers.create(Customer(name=name, uscc=code, need="ERP"))
    report = engine(registry, desk, second, clients, "zh_CN").run()
    failure = next(f for f in report.failures if f.entity_id == twin.id)
    assert failure.reason == "protected_by_other"  # the code stays the same
    assert HAN.search(failure.message), failure.message
    stored = read_status(SyncStore(desk.db)).failed_ops
    assert any(HAN.search(str(f.get("message", ""))) for f in stored), stored


def test_the_command_line_asks_in_its_language(registry, make_desk, clients, tmp_path,
                                               monkeypatch, capsys) -> None:
    holder, rep = registry.add_user("rep"), registry.add_user("rep")
    name, code = company("潍坊")
    register(registry.url, token_of(registry.url, holder), name, code)
    desk = make_desk("cli")
    twin = visited_customer(desk, name, code)
    desk.registrations.request(twin.id)
    db = str(desk.db.path)

    def cli(*args: str, password: str = PASSWORD) -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
        return main([*args, "--db", db, "--lang", "zh_CN"], stdout=io.StringIO())

    assert cli("login", "--server", registry.url, "--user", rep, "--password-stdin",
               password="wrong password") == 1
    assert "用户名或密码错误" in capsys.readouterr().err  # the registry's own words
    assert cli("login", "--server", registry.url, "--user", rep, "--password-stdin") == 0
    assert cli("sync") == 0
    refused = desk.registrations.latest(twin.id)
    assert refused.state == "refused"
    assert HAN.search(refused.reasons.replace(name, "")), refused.reasons


def test_a_refused_sign_in_reads_in_chinese(registry) -> None:
    user = registry.add_user("rep")
    with RegistryClient(registry.url, language="zh_CN") as client, \
            pytest.raises(LoginFailed) as caught:
        client.login(user, "wrong password")
    assert caught.value.params["detail"] == "用户名或密码错误"
