"""The administrator's customer trail against the real registry: the
registry's audit log shown newest first (when, who, what as a label, why,
what changed), loaded on the runner's worker a page at a time ("More" and
scrolling), a hidden tab loading when shown, a stale answer ignored, and a
rep's desk refused."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from PySide6.QtCore import QModelIndex
from workbench_support import company, register, token_of

from erpdesk.sync.workbench_api import AuditEntry, WorkbenchApi
from erpdesk.ui.admin.audit import AuditView, action_text, changes, reason_text
from erpdesk.ui.admin.runner import Account, ApiRunner, MessageBar

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

ACTIONS = [
    "customer.release", "customer.unexempt", "customer.exempt", "customer.allocate",
    "registration.callback.valid", "registration.submit",
]


@pytest.fixture(scope="module")
def people(registry):
    names = {role: registry.add_user(role) for role in ("admin", "rep")}
    names["rep2"] = registry.add_user("rep")
    return {role: (user, token_of(registry.url, user)) for role, user in names.items()}


def post(url: str, token: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = httpx.post(f"{url}{path}", json=body, timeout=30,
                          headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


@pytest.fixture(scope="module")
def worked(registry, people) -> str:
    """A customer registered by rep, verified, re-allocated to rep2, exempted,
    no longer exempt, released to the pool: its id."""
    admin = people["admin"][1]
    reg = register(registry.url, people["rep"][1], *company("泰安"))
    cid = reg["customer_id"]
    post(registry.url, admin, f"/api/v1/admin/registrations/{reg['id']}/callback",
         {"result": "valid", "note": "电话核实"})
    post(registry.url, admin, f"/api/v1/admin/customers/{cid}/allocate",
         {"rep": people["rep2"][0], "reason": "区域对口"})
    post(registry.url, admin, f"/api/v1/admin/customers/{cid}/exemption", {"reason": "已签合同"})
    post(registry.url, admin, f"/api/v1/admin/customers/{cid}/exemption",
         {"exempt": False, "reason": "合同终止"})
    post(registry.url, admin, f"/api/v1/admin/customers/{cid}/allocate",
         {"action": "release", "reason": "三个月无进展"})
    return cid


def runner_for(url: str, person: tuple[str, str], role: str) -> ApiRunner:
    account = Account(url, person[0], role)
    return ApiRunner(lambda: account, lambda _a: person[1])


def make_view(qtbot, runner: ApiRunner) -> tuple[AuditView, MessageBar]:
    message = MessageBar()
    view = AuditView(runner, message)
    qtbot.addWidget(view)
    qtbot.addWidget(message)
    return view, message


def cell(view: AuditView, row: int, column: int) -> str:
    return view.model.data(view.model.index(row, column))


def test_the_trail_shows_who_did_what_and_why_newest_first(
    qtbot, qtmodeltester, registry, people, worked
):
    runner = runner_for(registry.url, people["admin"], "admin")
    view, _message = make_view(qtbot, runner)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show_customer(worked)
        assert runner.busy  # the call runs on the worker; the UI thread goes on
    model = view.model
    assert [e.action for e in model.rows] == ACTIONS
    admin, rep, rep2 = people["admin"][0], people["rep"][0], people["rep2"][0]
    assert [cell(view, r, 2) for r in range(len(ACTIONS))] == [
        "Released to the pool", "Exemption ended", "Exempted from release to the pool",
        "Allocated to a rep", "Call-back: registration valid", "Registered by the rep",
    ]
    assert [cell(view, r, 1) for r in range(len(ACTIONS))] == [admin] * 5 + [rep]
    assert [cell(view, r, 3) for r in range(4)] == [
        "三个月无进展", "合同终止", "已签合同", "区域对口"]
    assert cell(view, 0, 0)  # when, in local time
    assert f"Owner: {rep} → {rep2}" in cell(view, 3, 4)
    assert "Status: protected → in the pool" in cell(view, 0, 4)
    assert f"Last owner: {rep2}" in cell(view, 0, 4)
    assert "Status: pending" in cell(view, 5, 4) and f"Owner: {rep}" in cell(view, 5, 4)
    assert view.customer.name in view.heading.text()
    assert view.count.text() == "Entries: 6" and not view.more_button.isEnabled()
    view.table.selectRow(3)
    assert "Why: 区域对口" in view.detail.text() and f"{rep} → {rep2}" in view.detail.text()
    qtmodeltester.check(model)
    runner.close()


def test_older_entries_come_a_page_at_a_time(qtbot, registry, people, worked):
    runner = runner_for(registry.url, people["admin"], "admin")
    view, _message = make_view(qtbot, runner)
    view.page_size = 2
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show_customer(worked)
    assert [e.action for e in view.model.rows] == ACTIONS[:2]
    assert view.count.text() == "The newest 2 of 6 entries" and view.more_button.isEnabled()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.more_button.click()
        assert not view.more_button.isEnabled()  # one page on its way at a time
        view.load_more()  # asked again meanwhile: nothing more is sent
    assert [e.action for e in view.model.rows] == ACTIONS[:4]
    # Scrolled to the end: the view asks its model for more.
    assert view.model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.model.fetchMore(QModelIndex())
    assert [e.action for e in view.model.rows] == ACTIONS
    assert not view.model.canFetchMore(QModelIndex()) and not view.more_button.isEnabled()
    assert len({e.id for e in view.model.rows}) == 6
    runner.wait()
    runner.close()


def test_a_hidden_trail_loads_when_shown_and_only_the_last_customer_counts(
    qtbot, registry, people, worked
):
    runner = runner_for(registry.url, people["admin"], "admin")
    with WorkbenchApi(registry.url, people["admin"][1]) as api:
        first = api.customer(worked)
        other = api.customer(register(registry.url, people["rep"][1], *company("莱芜"))
                             ["customer_id"])
    view, _message = make_view(qtbot, runner)
    view.set_customer(first)  # the allocation tab chose it; the trail tab is hidden
    assert not runner.busy and view.model.rows == []
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
    assert len(view.model.rows) == 6
    view.set_customer(first)
    view.set_customer(other)  # the first answer arrives late: ignored
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        pass
    runner.wait()
    qtbot.wait(50)
    assert [e.action for e in view.model.rows] == ["registration.submit"]
    assert view.model.rows[0].entity_id == other.id
    runner.close()


def test_a_reps_desk_is_refused_and_can_try_again(qtbot, registry, people, worked):
    runner = runner_for(registry.url, people["rep"], "rep")
    with WorkbenchApi(registry.url, people["admin"][1]) as api:
        customer = api.customer(worked)
    view, message = make_view(qtbot, runner)
    view.show()
    view.set_customer(customer)
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert message.kind == "error" and "403" in message.text()
    assert view.model.rows == [] and not view.model.loading
    assert view.refresh_button.isEnabled()
    runner.close()


def test_labels_names_and_the_registrys_own_reasons():
    assert action_text("customer.merge") == "customer.merge"  # unknown: as is
    assert reason_text("no follow-up for 31 days") == "no follow-up for 31 days"
    entry = AuditEntry(1, None, "job:protection_sweep", None, "customer.release.expired",
                       "customer", "c1", "protection ended",
                       {"status": "protected", "owner_id": 7, "warned_at": None},
                       {"status": "pool", "owner_id": None, "warned_at": None,
                        "released_at": "2026-03-02T09:00:00+00:00"})
    lines = changes(entry, {7: "王一"})
    assert lines[:2] == ["Status: protected → in the pool", "Owner: 王一 → —"]
    assert lines[2].startswith("Released: 2026-03-0") and len(lines) == 3
