"""The workbench pages against the real registry: the administrator's
queue (urgent first), a call-back, allocation to a suggested rep; the
telemarketer entering a lead and handing it over; the rail by role; the
message when offline or signed out."""

from __future__ import annotations

import pytest
from workbench_support import company, register, token_of

from erpdesk.ui.admin.page import AdminPage
from erpdesk.ui.admin.runner import Account, ApiRunner
from erpdesk.ui.main_window import AREAS, MainWindow
from erpdesk.ui.telemarketing.page import TelemarketingPage

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def people(registry):
    names = {role: registry.add_user(role) for role in ("admin", "rep", "telemarketer")}
    names["rep2"] = registry.add_user("rep")
    return {role: (user, token_of(registry.url, user)) for role, user in names.items()}


def runner_for(qtbot, url: str, person: tuple[str, str] | None, role: str = "") -> ApiRunner:
    account = Account(url, person[0], role) if person else None
    runner = ApiRunner(lambda: account, lambda _a: person[1] if person else None)
    return runner


def drain(qtbot, runner: ApiRunner) -> None:
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on show
def test_admin_sees_urgent_first_records_a_call_back_and_allocates(qtbot, registry, people):
    rep, rep_token = people["rep"]
    plain, code1 = company("潍坊")
    urgent, code2 = company("淄博")
    first = register(registry.url, rep_token, plain, code1)
    second = register(registry.url, rep_token, urgent, code2, urgent=True)
    runner = runner_for(qtbot, registry.url, people["admin"], "admin")
    page = AdminPage(runner)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.queue.loaded, timeout=10_000):
        page.show()
    rows = [e.id for e in page.queue.model.rows]
    assert rows.index(second["id"]) < rows.index(first["id"])
    row = rows.index(second["id"])
    assert page.queue.model.data(page.queue.model.index(row, 0)) == "Urgent"
    assert page.queue.model.data(page.queue.model.index(row, 5))  # the countdown
    page.queue.table.selectRow(row)
    assert page.queue.current_entry().id == second["id"]

    with qtbot.waitSignal(page.allocation.customer_shown, timeout=10_000):
        page.queue.record(second["id"], True, note="电话核实")
    assert second["id"] not in [e.id for e in page.queue.model.rows]
    assert page.message.kind == "done" and urgent in page.message.text()
    assert page.allocation.customer.id == second["customer_id"]
    # the tabs follow (the exemptions tab is filled by a call of its own)
    qtbot.waitUntil(
        lambda: page.exemptions.customer is not None
        and page.exemptions.customer.id == second["customer_id"],
        timeout=10_000,
    )
    suggested = [s.username for s in page.allocation.model.rows]
    # the registry is shared by the session's tests: any suggested rep will do
    assert suggested
    other = next((name for name in suggested if name != rep), suggested[0])
    drain(qtbot, runner)

    page.allocation.reason.clear()
    page.allocation.table.selectRow(suggested.index(other))
    page.allocation._allocate_selected()  # no reason: refused on the desk
    assert page.message.kind == "error" and not runner.busy
    with qtbot.waitSignal(page.allocation.allocated, timeout=10_000) as done:
        page.allocation.allocate(other, "区域对口")
    assert done.args[0].owner == other
    drain(qtbot, runner)
    runner.close()


def test_telemarketer_enters_a_lead_and_hands_it_over(qtbot, registry, people):
    runner = runner_for(qtbot, registry.url, people["telemarketer"], "telemarketer")
    page = TelemarketingPage(runner)
    qtbot.addWidget(page)
    name, code = company("日照")
    page.form.company.setText(name)
    page.form.submit()  # no phone: the desk says so, nothing is sent
    assert page.message.kind == "error" and not runner.busy
    page.form.phone.setText("0633-8881234")
    page.form.uscc.setText(code)
    with qtbot.waitSignal(page.lead_saved, timeout=10_000) as saved:
        page.form.submit()
    lead = saved.args[0]
    assert lead.status == "new" and page.model.rows[0].id == lead.id
    assert page.form.company.text() == ""  # the form is ready for the next lead
    assert page.handover_button.isEnabled()
    with qtbot.waitSignal(page.lead_saved, timeout=10_000) as handed:
        page.hand_over(lead.id, "客户很急")
    assert handed.args[0].status == "handed_over"
    assert page.model.data(page.model.index(0, 1)) == "Handed over"
    assert not page.handover_button.isEnabled()
    runner.close()


def test_a_bad_lead_shows_the_registrys_reasons(qtbot, registry, people):
    runner = runner_for(qtbot, registry.url, people["telemarketer"], "telemarketer")
    page = TelemarketingPage(runner)
    qtbot.addWidget(page)
    page.form.company.setText("某某公司有限公司")
    page.form.phone.setText("12")
    with qtbot.waitSignal(page.failed, timeout=10_000) as failed:
        page.form.submit()
    assert "422" in failed.args[0]
    assert page.form.save_button.isEnabled() and page.form.company.text()  # nothing lost
    runner.close()


def test_offline_and_signed_out_are_told(qtbot, offline_url, registry):
    offline = runner_for(qtbot, offline_url, ("someone", "token"))
    page = TelemarketingPage(offline)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.failed, timeout=10_000) as failed:
        page.refresh()
    assert page.message.kind == "offline" and "cannot be reached" in failed.args[0]
    offline.close()

    signed_out = runner_for(qtbot, registry.url, None)
    page = TelemarketingPage(signed_out)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.failed, timeout=1_000) as failed:
        page.refresh()
    assert page.message.kind == "signed_out" and "not signed in" in failed.args[0]


@pytest.mark.parametrize(("role", "shown", "hidden"), [
    (None, {"customers", "funnel", "quotes"}, {"admin", "leads"}),
    ("rep", {"customers", "funnel"}, {"admin", "leads"}),
    ("admin", {"customers", "admin", "quotes"}, {"funnel", "leads"}),
    ("telemarketer", {"customers", "leads"}, {"funnel", "admin", "quotes"}),
])
def test_the_rail_follows_the_role(qtbot, make_desk, offline_url, role, shown, hidden):
    desk = make_desk()
    window = MainWindow(desk.customers)
    qtbot.addWidget(window)
    runner = runner_for(qtbot, offline_url, None)
    window.set_workbench(runner, role)
    visible = set(window.visible_areas())
    assert shown <= visible and not hidden & visible
    for key in hidden:
        window.rail.setCurrentRow([k for k, _i, _t in AREAS].index(key))  # not by the user
    if role in ("admin", "telemarketer"):
        key = "admin" if role == "admin" else "leads"
        window.rail.setCurrentRow([k for k, _i, _t in AREAS].index(key))
        expected = window.admin_page if role == "admin" else window.leads_page
        assert expected is not None and window.pages.currentWidget() is expected
    window.close()
