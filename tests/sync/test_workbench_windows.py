"""The workbench pages against the real registry: the administrator's
queue (urgent first), a call-back, the suggested reps in their order with
their load, allocation to the best (on a registry of the test's own, whose
reps are known); the telemarketer entering a lead and handing it over; the
rail by role; the message when offline or signed out."""

from __future__ import annotations

import io

import pytest
from fault_support import RegistryProcess
from workbench_support import company, register, token_of

from erpdesk.registry.cli import main as registry_main
from erpdesk.sync.workbench_api import WorkbenchApi
from erpdesk.ui.admin.page import AdminPage
from erpdesk.ui.admin.runner import Account, ApiRunner
from erpdesk.ui.main_window import AREAS, MainWindow
from erpdesk.ui.telemarketing.page import TelemarketingPage

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def people(registry):
    """The session registry's telemarketer (the administrator's test has a
    registry of its own: ``own``)."""
    user = registry.add_user("telemarketer")
    return {"telemarketer": (user, token_of(registry.url, user))}


@pytest.fixture(scope="module")
def own(registry, tmp_path_factory):
    """A registry of this module's own, so that its reps are the only ones
    suggested: the registering rep (no profile) and two reps whose profiles
    match the customers registered here (machinery, 100-499 staff, 济南市,
    山东省) closely (``near``: industry, size, city, ability 4, one customer
    held) and less (``province``: industry, a neighbouring size, the
    province only, ability 3)."""
    folder = tmp_path_factory.mktemp("own-registry")
    process = RegistryProcess(f"sqlite:///{folder / 'registry.db'}", folder / "server.log")
    process.start()
    users = type(registry)(process.url, process.db_url)  # the conftest's Registry
    names = {role: users.add_user(role) for role in ("admin", "rep")}
    for key, profile in (
        ("near", ["--industry", "machinery", "--size-band", "medium", "--region", "济南市",
                  "--ability", "4"]),
        ("province", ["--industry", "machinery", "--size-band", "large", "--region", "山东省",
                      "--ability", "3"]),
    ):
        names[key] = users.add_user("rep")
        code = registry_main(["user", "profile", names[key], *profile, "--db", process.db_url],
                             stdout=io.StringIO())
        assert code == 0
    people = {key: (user, token_of(process.url, user)) for key, user in names.items()
              if key in ("admin", "rep")}
    people.update((key, (names[key], "")) for key in ("near", "province"))
    held, held_code = company("泰安")  # near holds one customer (its load)
    entry = register(process.url, people["rep"][1], held, held_code)
    with WorkbenchApi(process.url, people["admin"][1]) as api:
        api.record_callback(entry["id"], True, note="电话核实")
        api.allocate(entry["customer_id"], names["near"], "区域对口")
    try:
        yield process.url, people
    finally:
        process.stop(kill=False)


def runner_for(qtbot, url: str, person: tuple[str, str] | None, role: str = "") -> ApiRunner:
    account = Account(url, person[0], role) if person else None
    runner = ApiRunner(lambda: account, lambda _a: person[1] if person else None)
    return runner


def drain(qtbot, runner: ApiRunner) -> None:
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on show
def test_admin_sees_urgent_first_records_a_call_back_and_allocates(qtbot, own):
    url, people = own
    rep, rep_token = people["rep"]
    near, province = people["near"][0], people["province"][0]
    plain, code1 = company("潍坊")
    urgent, code2 = company("淄博")
    first = register(url, rep_token, plain, code1)
    second = register(url, rep_token, urgent, code2, urgent=True)
    runner = runner_for(qtbot, url, people["admin"], "admin")
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
    # Every rep of this registry, best first (suggestions.py): industry 30,
    # size 20 (a neighbouring size 10), city 25 (the province 15), ability x4
    # for a medium company, load 15 x the room left under the cap of 200.
    model = page.allocation.model
    assert [s.username for s in model.rows] == [near, province, rep]
    assert shown(model) == [
        [near, "", "105.9", "1/200", "industry +30, size +20, location +25, ability +16, "
                                     "load +14.93"],
        [province, "", "82.0", "0/200", "industry +30, size +10, location +15, ability +12, "
                                        "load +15"],
        [f"{rep} (holds it now)", "", "26.9", "2/200", "ability +12, load +14.85"],
    ]
    assert page.allocation.table.currentIndex().row() == 0  # the best one, selected
    drain(qtbot, runner)

    page.allocation.reason.clear()
    page.allocation._allocate_selected()  # no reason: refused on the desk
    assert page.message.kind == "error" and not runner.busy
    page.allocation.reason.setText("区域对口")
    with qtbot.waitSignal(page.allocation.allocated, timeout=10_000) as done:
        page.allocation._allocate_selected()
    assert done.args[0].owner == near
    # shown again: near holds it now (one more customer), the rep one fewer
    qtbot.waitUntil(lambda: bool(model.rows) and model.rows[0].current_owner, timeout=10_000)
    assert [row[0::3] for row in shown(model)] == [
        [f"{near} (holds it now)", "2/200"], [province, "0/200"], [rep, "1/200"],
    ]
    drain(qtbot, runner)
    runner.close()


def shown(model) -> list[list[str]]:
    """The table's text, row by row."""
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


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
