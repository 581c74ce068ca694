"""A possible duplicate against the real registry (conftest): a desk's
request near the name of a customer the registry holds comes back as a
possible duplicate, is stored and told once, and the administrator's
decision replaces it; a refusal keeps the registry's code; the
administrator's queue marks it and lists the match.  The registry checks
near names at the first read, not at submission: the desk learns them from
the read back that follows its request in the same sync, and an answer
whose check is still pending never wipes what it stored."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import httpx
import pytest
from test_registration_sync import complete_customer, engine, registration_of
from workbench_support import token_of

from erpdesk.app import Desk
from erpdesk.domain.customer import Customer
from erpdesk.domain.near_matches import NearMatch
from erpdesk.storage.registration_store import RegistrationStore
from erpdesk.sync.registration import send_registrations
from erpdesk.sync.workbench_api import WorkbenchApi


@pytest.fixture
def clients():
    from erpdesk.sync.client import RegistryClient

    made: list[RegistryClient] = []
    yield made
    for c in made:
        c.close()


@pytest.fixture(scope="module")
def people(registry) -> dict[str, str]:
    """Two reps and an administrator, made once (a user costs a password hash)."""
    return {"rep": registry.add_user("rep"), "rep_b": registry.add_user("rep"),
            "admin": registry.add_user("admin")}


def near_customer(desk: Desk, held: Customer) -> Customer:
    """A complete customer whose name is near *held*'s (a longer key)."""
    near = complete_customer(desk)
    return desk.customers.update(replace(near, name=held.name.replace("机械制造", "机械制造设备")))


def test_a_near_name_is_a_possible_duplicate_until_the_administrator_decides(
    registry, people, make_desk, clients
) -> None:
    rep_a, rep_b, admin = people["rep"], people["rep_b"], people["admin"]
    desk_a, desk_b = make_desk("a"), make_desk("b")
    held = complete_customer(desk_a)
    desk_a.registrations.request(held.id)
    engine(registry.url, desk_a, rep_a, clients).run()
    first = desk_a.registrations.latest(held.id)
    assert (first.state, first.possible_duplicate, first.near_matches) == ("sent", False, ())

    near = near_customer(desk_b, held)
    request = desk_b.registrations.request(near.id)
    engine(registry.url, desk_b, rep_b, clients).run()
    got = desk_b.registrations.latest(near.id)
    assert (got.state, got.result) == ("sent", "pending") and got.possible_duplicate
    (match,) = got.near_matches
    # Another rep's customer: the score only.
    assert match.score >= 85 and (match.customer_id, match.name, match.status) == (
        None, None, None)
    assert registration_of(desk_b, near.id) == "pending"
    # Shown in the list's row, and told once.
    (row,) = [r for r in desk_b.customers.page(desk_b.customers.criteria()) if r.id == near.id]
    assert row.near_matches
    assert [t.id for t in desk_b.registrations.decisions_to_notify()] == [request.id]
    desk_b.registrations.mark_notified([request.id])
    engine(registry.url, desk_b, rep_b, clients).run()  # read back: the same, not told again
    assert desk_b.registrations.decisions_to_notify() == []
    assert desk_b.registrations.latest(near.id).possible_duplicate

    # The administrator sees whose customer it resembles, and rejects it.
    with WorkbenchApi(registry.url, token_of(registry.url, admin)) as api:
        entry = next(e for e in api.queue() if e.id == request.id)
        assert entry.possible_duplicate
        assert [(m.customer_id, m.name, m.status) for m in entry.near_matches] == [
            (held.id, held.name, "pending")]
        api.record_callback(request.id, False, reason=f"duplicate of {held.name}")
    engine(registry.url, desk_b, rep_b, clients).run()
    decided = desk_b.registrations.latest(near.id)
    assert (decided.state, decided.result, decided.reasons) == (
        "decided", "rejected", f"duplicate of {held.name}")
    assert not decided.possible_duplicate
    assert registration_of(desk_b, near.id) == "invalid"
    assert [t.id for t in desk_b.registrations.decisions_to_notify()] == [request.id]
    (row,) = [r for r in desk_b.customers.page(desk_b.customers.criteria()) if r.id == near.id]
    assert row.near_matches == ""


def test_the_reps_own_match_is_named_and_a_lost_answer_is_read_back(
    registry, people, make_desk, clients
) -> None:
    rep = people["rep"]
    desk = make_desk("rep")
    held = complete_customer(desk)
    desk.registrations.request(held.id)
    near = near_customer(desk, held)
    request = desk.registrations.request(near.id)
    engine(registry.url, desk, rep, clients).run()
    got = desk.registrations.latest(near.id)
    (match,) = got.near_matches
    assert (match.customer_id, match.name, match.status) == (held.id, held.name, "pending")

    # The answer to the POST was lost (stored as a plain pending request):
    # the read back of the next run stores the possible duplicate and tells it.
    with desk.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE registration_request SET near_matches = '', notified = 1 WHERE id = ?",
            (request.id,))
    assert not desk.registrations.latest(near.id).possible_duplicate
    engine(registry.url, desk, rep, clients).run()
    assert desk.registrations.latest(near.id).near_matches == (match,)
    assert request.id in [t.id for t in desk.registrations.decisions_to_notify()]


def test_a_refusal_keeps_the_registrys_code(registry, people, make_desk, clients) -> None:
    rep_a, rep_b = people["rep"], people["rep_b"]
    desk_a, desk_b = make_desk("a"), make_desk("b")
    held = complete_customer(desk_a)
    desk_a.registrations.request(held.id)
    engine(registry.url, desk_a, rep_a, clients).run()
    twin = complete_customer(desk_b)
    desk_b.customers.update(replace(twin, name=held.name))
    desk_b.registrations.request(twin.id)
    engine(registry.url, desk_b, rep_b, clients).run()
    refused = desk_b.registrations.latest(twin.id)
    assert (refused.state, refused.code) == ("refused", "pending")
    assert refused.reasons and not refused.possible_duplicate


@pytest.mark.gui
@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on show
def test_the_administrators_queue_marks_it_and_lists_the_match(qtbot, registry, people):
    from workbench_support import company, register

    from erpdesk.ui.admin.page import AdminPage
    from erpdesk.ui.admin.runner import Account, ApiRunner

    rep_a, rep_b, admin = people["rep"], people["rep_b"], people["admin"]
    name, code = company("德州")
    register(registry.url, token_of(registry.url, rep_a), name, code)
    near_name = name.replace("机械制造", "机械制造设备")
    _, near_code = company("德州")
    near = register(registry.url, token_of(registry.url, rep_b), near_name, near_code)
    assert near["near_check"] == "pending" and not near["possible_duplicate"]
    near = httpx.get(f"{registry.url}/api/v1/registrations/{near['id']}", timeout=30,
                     headers={"Authorization": f"Bearer {token_of(registry.url, rep_b)}"}).json()
    assert near["possible_duplicate"] and near["near_matches"][0]["name"] is None

    token = token_of(registry.url, admin)
    account = Account(registry.url, admin, "admin")
    runner = ApiRunner(lambda: account, lambda _a: token)
    page = AdminPage(runner)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.queue.loaded, timeout=10_000):
        page.show()
    model = page.queue.model
    row = [e.id for e in model.rows].index(near["id"])
    assert model.index(row, 1).data() == f"{near_name} (possible duplicate)"
    page.queue.table.selectRow(row)
    detail = page.queue.detail.text()
    assert "Possible duplicate of customers the registry holds:" in detail
    # The owner's display name (the command line's default: the user name).
    assert f"  • {name} — pending, {rep_a}, 9" in detail
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    runner.close()


class ScriptedRegistry:
    """Answers the desk's registration calls as the registry would, from a
    script: the answer to each method in turn (the last one again)."""

    def __init__(self, **answers: list[dict[str, Any]]) -> None:
        self.answers = answers
        self.calls: list[str] = []

    def _request(self, method: str, path: str, json: Any = None) -> dict[str, Any]:
        self.calls.append(method)
        script = self.answers[method]
        return script.pop(0) if len(script) > 1 else script[0]


def _answer(check: str, matches: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"status": "pending", "reasons": "", "near_check": check,
            "possible_duplicate": bool(matches), "near_matches": matches or []}


def test_the_read_back_brings_the_check_and_a_pending_answer_wipes_nothing(make_desk) -> None:
    desk = make_desk("scripted")
    store = RegistrationStore(desk.db)
    customer = complete_customer(desk)
    request = desk.registrations.request(customer.id)
    found = {"score": 91.7, "customer_id": None, "name": None, "status": None, "owner": None}
    registry = ScriptedRegistry(POST=[_answer("pending")], GET=[_answer("done", [found])])
    report = send_registrations(store, registry)
    # The request, then its read back in the same run: stored and told.
    assert registry.calls == ["POST", "GET"] and report.possible_duplicates == 1
    match = NearMatch(91.7)
    assert store.get(request.id).near_matches == (match,)
    assert [t.id for t in desk.registrations.decisions_to_notify()] == [request.id]
    desk.registrations.mark_notified([request.id])

    # A later answer whose check is pending (or says nothing) keeps them, untold.
    registry = ScriptedRegistry(GET=[_answer("pending")])
    assert send_registrations(store, registry).possible_duplicates == 0
    assert store.get(request.id).near_matches == (match,)
    assert desk.registrations.decisions_to_notify() == []
    store.mark_sent(request.id, "pending", "", None)  # the answer to a repeat, still pending
    assert store.get(request.id).near_matches == (match,)
    store.mark_sent(request.id, "pending", "", ())  # checked, nothing near: as told
    assert store.get(request.id).near_matches == ()
