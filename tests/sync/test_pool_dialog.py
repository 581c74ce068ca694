"""The rep's pool dialog against the real registry (conftest): customers the
administrator released are listed with how long they have been in the pool,
the search narrows them, a claim makes the customer the rep's (protected) and
it comes down with the next sync; a refused claim (the cool-down after
losing the customer, the daily limit) tells the registry's reason in the
user's language; offline, the dialog says nothing was claimed."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from sync_support import PASSWORD
from workbench_support import company, register, token_of

from erpdesk.storage.sync_store import SyncStore
from erpdesk.sync.client import RegistryClient
from erpdesk.sync.engine import SyncEngine
from erpdesk.sync.workbench_api import WorkbenchApi
from erpdesk.ui.language import LanguageManager
from erpdesk.ui.pool_dialog import IN_POOL, ClaimModel, PoolDialog, time_in_pool
from erpdesk.ui.workbench.runner import Account, ApiRunner

pytestmark = pytest.mark.gui
WAIT = 10_000


@pytest.fixture(scope="module")
def people(registry):
    names = {"admin": registry.add_user("admin"), "rep": registry.add_user("rep"),
             "lost": registry.add_user("rep")}
    return {key: (user, token_of(registry.url, user)) for key, user in names.items()}


@pytest.fixture
def runners():
    """ApiRunners for a person (the URL may change: ``where[0]``), closed at the end."""
    made: list[ApiRunner] = []

    def make(where: list[str], person: tuple[str, str], language: str = "en") -> ApiRunner:
        user, token = person
        made.append(ApiRunner(lambda: Account(where[0], user, "rep"), lambda _a: token,
                              lambda: language))
        return made[-1]

    yield make
    for runner in made:
        runner.close()


def to_pool(url: str, people, count: int, owner: str = "lost") -> tuple[str, dict[str, str]]:
    """*count* customers of *owner*, protected and then released by the
    administrator: (the tag their names share, {id: name})."""
    tag = "".join(random.choice("金木水火土风云雷电山川") for _ in range(4))
    released: dict[str, str] = {}
    with WorkbenchApi(url, people["admin"][1]) as admin:
        for _ in range(count):
            name, code = company(f"德州{tag}")
            entry = register(url, people[owner][1], name, code)
            admin.record_callback(entry["id"], True, note="电话核实")
            admin.release(entry["customer_id"], "长期未跟进")
            released[entry["customer_id"]] = name
    return tag, released


def open_dialog(qtbot, runner: ApiRunner, search: str = "") -> PoolDialog:
    dialog = PoolDialog(runner)
    qtbot.addWidget(dialog)
    qtbot.waitSignal(dialog.loaded, timeout=WAIT).wait()
    if search:
        dialog.search.setText(search)
        with qtbot.waitSignal(dialog.loaded, timeout=WAIT):
            qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    return dialog


def shown(dialog: PoolDialog) -> list[list[str]]:
    model = dialog.model
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_a_rep_finds_a_pool_customer_claims_it_and_the_sync_brings_it(
    qtbot, qtmodeltester, registry, people, runners, make_desk
) -> None:
    tag, released = to_pool(registry.url, people, 3)
    runner = runners([registry.url], people["rep"])
    dialog = PoolDialog(runner)
    qtbot.addWidget(dialog)
    assert dialog.total.text() == "Loading the pool…"
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT) as everything:
        pass
    assert everything.args[0] >= 3  # the whole pool: other tests' customers too
    assert set(released) <= {c.id for c in dialog.model.rows}

    dialog.search.setText(tag)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT) as found:
        dialog.search_button.click()
    assert found.args[0] == 3 and dialog.total.text() == "3 customers in the pool"
    rows = shown(dialog)
    assert sorted(r[0] for r in rows) == sorted(released.values())
    assert {tuple(r[1:4]) for r in rows} == {("Machinery", "100-499 staff", "山东省 济南市")}
    assert all(r[4] and r[IN_POOL] == "less than a day" for r in rows)
    assert dialog.model.headerData(IN_POOL, Qt.Orientation.Horizontal) == "In the pool"
    qtmodeltester.check(dialog.model)

    assert not dialog.claim_button.isEnabled()  # nothing selected yet
    dialog.table.selectRow(1)
    chosen = dialog.model.rows[1]
    assert dialog.claim_button.isEnabled()
    with qtbot.waitSignal(dialog.claimed, timeout=WAIT) as claimed:
        dialog.claim_button.click()
        assert not dialog.claim_button.isEnabled()  # no second claim while one runs
    got = claimed.args[0]
    assert (got.id, got.status, got.owner) == (chosen.id, "protected", people["rep"][0])
    assert dialog.message.kind == "done"
    assert dialog.message.text().startswith(f"{chosen.name} is now protected for you until ")
    qtbot.waitUntil(lambda: len(dialog.model.rows) == 2, timeout=WAIT)  # the pool again
    assert chosen.id not in {c.id for c in dialog.model.rows}

    with WorkbenchApi(registry.url, people["admin"][1]) as admin:  # the registry agrees
        record = admin.customer(chosen.id)
    assert (record.status, record.owner) == ("protected", people["rep"][0])
    assert record.protected_until is not None and record.protected_until > datetime.now(UTC)

    desk = make_desk("rep")  # the next sync brings it down, protected
    with RegistryClient(registry.url) as client:
        client.login(people["rep"][0], PASSWORD)
        store = SyncStore(desk.db)
        store.reset_for(registry.url, people["rep"][0])
        SyncEngine(store, client, feed=desk.feed).run()
    row = desk.db.reader.execute(
        "SELECT name, registration FROM customer WHERE id = ?", (chosen.id,)).fetchone()
    assert (row["name"], row["registration"]) == (chosen.name, "protected")
    mine = desk.customers.page(desk.customers.criteria(protection="protected"))
    assert chosen.id in [c.id for c in mine]  # in the list, under its protection


def test_a_refused_claim_tells_the_registrys_reason_in_chinese(
    qtbot, registry, people, runners
) -> None:
    tag, released = to_pool(registry.url, people, 1)
    languages = LanguageManager("zh_CN")
    try:
        # the rep who lost the customer claims it back before the cool-down ends
        runner = runners([registry.url], people["lost"], "zh_CN")
        dialog = open_dialog(qtbot, runner, tag)
        assert dialog.search_button.text() == "搜索" and dialog.claim_button.text() == "认领"
        assert dialog.total.text() == "公海中共有 1 个客户"
        dialog.table.selectRow(0)
        with qtbot.waitSignal(dialog.refused, timeout=WAIT) as refused:
            dialog.claim_button.click()
        name = next(iter(released.values()))
        assert name in refused.args[0] and "从您名下释放到公海" in refused.args[0]
        assert dialog.message.kind == "error" and dialog.message.text() == refused.args[0]
        qtbot.waitSignal(dialog.loaded, timeout=WAIT).wait()  # still in the pool
        assert [c.id for c in dialog.model.rows] == list(released)
    finally:
        languages.uninstall()


def test_the_daily_claim_limit_refuses_the_next_claim(qtbot, registry, people, runners) -> None:
    tag, released = to_pool(registry.url, people, 6, owner="rep")
    ids = list(released)
    with WorkbenchApi(registry.url, people["lost"][1]) as busy:
        for customer_id in ids[:5]:  # pool_claims_per_day: 5
            busy.claim(customer_id)
    runner = runners([registry.url], people["lost"])
    dialog = open_dialog(qtbot, runner, tag)
    assert [c.id for c in dialog.model.rows] == [ids[5]]
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.refused, timeout=WAIT) as refused:
        dialog.claim_button.click()
    assert refused.args[0].startswith(f"{released[ids[5]]} was not claimed: You made 5 claims")


def test_offline_the_dialog_says_nothing_was_claimed(
    qtbot, registry, people, runners, offline_url
) -> None:
    tag, released = to_pool(registry.url, people, 1)
    where = [registry.url]
    runner = runners(where, people["rep"])
    dialog = open_dialog(qtbot, runner, tag)
    dialog.table.selectRow(0)
    where[0] = offline_url  # the connection goes while the dialog is open
    with qtbot.waitSignal(dialog.refused, timeout=WAIT) as refused:
        dialog.claim_button.click()
    assert dialog.message.kind == "offline"
    assert refused.args[0].startswith("The registry cannot be reached: nothing was claimed")
    assert dialog.claim_button.isEnabled()  # the selection stays, to try again
    with WorkbenchApi(registry.url, people["admin"][1]) as admin:
        assert admin.customer(next(iter(released))).status == "pool"

    with qtbot.waitSignal(runner.busy_changed, timeout=WAIT):  # listing offline
        dialog.refresh()
    qtbot.waitUntil(lambda: not runner.busy, timeout=WAIT)
    assert dialog.message.kind == "offline" and "shown when you are online" in \
        dialog.message.text()
    assert dialog.model.rows == [] and dialog.total.text() == ""


def test_closing_the_dialog_while_a_claim_runs_is_harmless(
    qtbot, registry, people, runners
) -> None:
    tag, released = to_pool(registry.url, people, 1)
    runner = runners([registry.url], people["rep"])
    dialog = PoolDialog(runner)  # not the qtbot's: it is deleted here
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT):
        dialog.search.setText(tag)
        dialog.refresh()
    dialog.table.selectRow(0)
    dialog.claim_button.click()
    dialog.deleteLater()  # closed (WA_DeleteOnClose) before the answer comes
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(dialog)
    qtbot.waitUntil(lambda: not runner.busy, timeout=WAIT)  # answered: nothing to show it
    with WorkbenchApi(registry.url, people["admin"][1]) as admin:
        assert admin.customer(next(iter(released))).owner == people["rep"][0]


def test_time_in_the_pool_reads_in_days(qtbot) -> None:
    now = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
    assert time_in_pool(None, now) == ""
    assert time_in_pool(now - timedelta(hours=23), now) == "less than a day"
    assert time_in_pool(now - timedelta(days=1, hours=2), now) == "1 day"
    assert time_in_pool(now - timedelta(days=12), now) == "12 days"
    assert ClaimModel(now=lambda: now).columnCount() == IN_POOL + 1
