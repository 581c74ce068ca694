"""The window online (erpdesk.ui.sync) against a REAL registry process.

The registry fixture (``erpdesk-registry serve`` over a temporary SQLite
database) and the in-memory keyring come from ``tests/sync/conftest.py``,
loaded here by path: this file lives with the window's tests (their
fixtures: settings in tmp_path, message boxes that never block).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest

SYNC_TESTS = Path(__file__).resolve().parents[1] / "sync"
if str(SYNC_TESTS) not in sys.path:
    sys.path.insert(0, str(SYNC_TESTS))  # sync_support, as tests/sync/conftest.py imports it
_spec = importlib.util.spec_from_file_location("sync_window_registry", SYNC_TESTS / "conftest.py")
assert _spec is not None and _spec.loader is not None
_registry_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_registry_fixtures)
registry = _registry_fixtures.registry
memory_keyring = _registry_fixtures.memory_keyring  # autouse: never the real keyring
offline_url = _registry_fixtures.offline_url

from sync_support import PASSWORD  # noqa: E402

from erpdesk.app import open_desk  # noqa: E402
from erpdesk.domain.customer import Customer  # noqa: E402
from erpdesk.storage.sync_store import SyncStore  # noqa: E402
from erpdesk.sync import session as sessions  # noqa: E402
from erpdesk.sync.client import RegistryClient  # noqa: E402
from erpdesk.sync.credentials import SERVICE, CredentialStore  # noqa: E402
from erpdesk.sync.engine import SyncEngine  # noqa: E402
from erpdesk.ui.main_window import MainWindow  # noqa: E402
from erpdesk.ui.sync import install_sync  # noqa: E402
from erpdesk.ui.sync.rows_model import RowsModel  # noqa: E402

WAIT = 20_000


@pytest.fixture
def online(desk, settings, qtbot):
    window = MainWindow(desk.customers, settings, deals=desk.deals)
    qtbot.addWidget(window)
    ui = install_sync(window, desk, CredentialStore(), start=False, debounce_ms=100,
                      interval=600.0, base_delay=600.0)
    yield ui
    ui.controller.stop()


def sync_and_wait(qtbot, controller) -> None:
    """Ask for a run and wait until a run that started after the asking has
    ended and its state was read (a run already under way, say one a
    debounced local change started, may have missed the latest changes),
    and no other run is under way or about to start."""
    finished: list[int] = []
    controller.run_finished.connect(finished.append)
    try:
        ticket = controller.sync_now()
        qtbot.waitUntil(
            lambda: any(n >= ticket for n in finished) and controller.idle,
            timeout=WAIT,
        )
    finally:
        controller.run_finished.disconnect(finished.append)


def sign_in(qtbot, ui, registry, user: str) -> None:
    with qtbot.waitSignal(ui.controller.signed_in, timeout=WAIT):
        ui.controller.sign_in(registry.url, user, PASSWORD)
    qtbot.waitUntil(lambda: ui.status.state == "up_to_date", timeout=WAIT)


def test_sign_in_dialog_refuses_a_wrong_password_then_syncs(
    online, registry, desk, qtbot, memory_keyring
) -> None:
    ui, controller = online, online.controller
    user = registry.add_user()
    desk.customers.create(Customer(name="杭州云栖信息技术有限公司", need="ERP"))
    with qtbot.waitSignal(controller.status_changed, timeout=WAIT):
        controller.start()
    assert ui.status.state == "signed_out"
    assert "Sign in…" in ui.status.text()
    assert ui.sign_in_action.isVisible() and not ui.sign_out_action.isVisible()

    dialog = ui.open_sign_in()
    dialog.server_edit.setText(registry.url + "/")
    dialog.user_edit.setText("")
    dialog.password_edit.setText("x")
    dialog.submit()  # checked in the dialog: nothing sent
    assert dialog.problem.text() == "Enter your user name" and not dialog.busy

    dialog.user_edit.setText(user)
    dialog.password_edit.setText("not-the-password")
    with qtbot.waitSignal(controller.sign_in_failed, timeout=WAIT):
        dialog.submit()
        assert dialog.busy and not dialog.password_edit.isEnabled()
    assert "refused the sign-in" in dialog.problem.text()
    assert dialog.isVisible() and not dialog.busy
    assert memory_keyring.items == {}

    states: list[str] = []
    controller.running_changed.connect(lambda _r: states.append(ui.status.state))
    dialog.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):  # then it closes
        dialog.submit()
    qtbot.waitUntil(lambda: ui.status.state == "up_to_date", timeout=WAIT)
    assert states[:2] == ["syncing", "up_to_date"] or "syncing" in states
    assert memory_keyring.items[(SERVICE, f"{registry.url}|{user}")]
    assert ui.status.text().startswith("Up to date")
    assert ui.sign_out_action.isVisible() and not ui.sign_in_action.isVisible()
    assert desk.customers.pending_changes() == 0
    assert any(e.kind == "run" for e in controller.log.entries())

    # A local change is sent by itself a moment later (debounced).
    desk.customers.create(Customer(name="宁波天一阁文化传播有限公司", need="ERP"))
    qtbot.waitUntil(lambda: desk.customers.pending_changes() == 0, timeout=WAIT)
    qtbot.waitUntil(lambda: ui.status.state == "up_to_date", timeout=WAIT)


def test_an_unreachable_registry_shows_offline_with_retry(
    online, offline_url, qtbot, desk
) -> None:
    ui, controller = online, online.controller
    store = SyncStore(desk.db)
    store.reset_for(offline_url, "rep1")
    controller.credentials.set(offline_url, "rep1", "some-token")
    controller.start()
    qtbot.waitUntil(lambda: ui.status.state == "offline", timeout=WAIT)
    assert "Offline" in ui.status.text() and "Retry" in ui.status.text()
    assert "cannot be reached" in ui.status.toolTip()

    def errors() -> int:
        return sum(1 for e in controller.log.entries() if e.kind == "error")

    before = errors()
    assert before >= 1
    ui.status.retry_requested.emit()  # the link
    sync_and_wait(qtbot, controller)
    # the retry ran and failed once more (a stray local change may add a run
    # of its own: the count is at least one more, never unchanged)
    after = errors()
    assert after >= before + 1
    log = ui.open_log()
    assert log.runs.rowCount() == after and log.last_error.isVisible()
    assert "cannot be reached" in log.last_error.text()


def test_conflicts_of_two_desks_are_reviewed_kept_and_reapplied(
    online, registry, desk, qtbot, tmp_path
) -> None:
    ui, controller = online, online.controller
    user = registry.add_user()
    controller.start()
    sign_in(qtbot, ui, registry, user)
    made = desk.customers.create(Customer(name="无锡太湖纺织机械有限公司", need="ERP"))
    sync_and_wait(qtbot, controller)

    other = open_desk(tmp_path / "other.db")
    client = RegistryClient(registry.url)
    try:
        client.login(user, PASSWORD)
        other_store = SyncStore(other.db)
        other_store.reset_for(registry.url, user)
        engine = SyncEngine(other_store, client, feed=other.feed)
        engine.run()
        theirs = other.customers.detail(made.id).customer
        other.customers.update(replace(theirs, need="财务先上", phone="0510-85201111"))
        engine.run()
    finally:
        client.close()
        other.close()

    mine = desk.customers.detail(made.id).customer
    desk.customers.update(replace(mine, need="MES 与 ERP 集成", phone="0510-85202222"))
    sync_and_wait(qtbot, controller)
    assert ui.status.state == "conflicts"
    assert "2 conflicts to review" in ui.status.text()

    ui.status.conflicts_requested.emit()
    from erpdesk.ui.sync.conflicts import ConflictReviewDialog

    review = ui.window.findChild(ConflictReviewDialog)
    assert review is not None and review.model.rowCount() == 2
    rows = {
        review.model.index(r, 2).data(): [review.model.index(r, c).data() for c in range(5)]
        for r in range(2)
    }
    assert rows["Stated need"] == ["Customer", "无锡太湖纺织机械有限公司", "Stated need",
                                   "MES 与 ERP 集成", "财务先上"]
    assert rows["Phone"][3:] == ["0510-85202222", "0510-85201111"]
    # the registry's values are in the record now
    assert desk.customers.detail(made.id).customer.need == "财务先上"

    review.select(next(i.id for i in review.items if i.field == "phone"))
    assert review.keep_theirs()
    assert review.model.rowCount() == 1 and review.current().field == "need"
    assert desk.customers.detail(made.id).customer.phone == "0510-85201111"
    before = desk.customers.pending_changes()
    assert review.reapply_mine()
    assert review.model.rowCount() == 0 and review.empty.isVisible()
    assert desk.customers.detail(made.id).customer.need == "MES 与 ERP 集成"
    op = desk.db.reader.execute(
        "SELECT fields FROM outbox WHERE entity = 'customer' AND entity_id = ? "
        "ORDER BY seq DESC", (made.id,)
    ).fetchone()
    assert desk.customers.pending_changes() == before + 1
    assert json.loads(op["fields"]) == {"need": "MES 与 ERP 集成"}
    assert SyncStore(desk.db).open_conflict_count() == 0
    # It travels with the next sync and the registry takes it.
    sync_and_wait(qtbot, controller)
    assert ui.status.state == "up_to_date" and desk.customers.pending_changes() == 0


def test_a_resolved_conflict_cannot_be_resolved_twice(online, desk) -> None:
    from erpdesk.storage.sync_store import ConflictRecord
    from erpdesk.sync.conflicts import ConflictGone

    made = desk.customers.create(Customer(name="合肥科大智能装备有限公司", need="ERP"))
    store = SyncStore(desk.db)
    store.acknowledge([], [ConflictRecord("customer", made.id, "industry", "machinery",
                                          "electronics")], [])
    item = online.resolver.open()[0]
    assert item.record_name == "合肥科大智能装备有限公司" and item.can_reapply
    online.resolver.reapply_mine(item.id)
    assert desk.customers.detail(made.id).customer.industry.value == "machinery"
    with pytest.raises(ConflictGone):
        online.resolver.keep_theirs(item.id)


def test_sign_out_removes_the_token(online, registry, qtbot, memory_keyring) -> None:
    ui, controller = online, online.controller
    user = registry.add_user()
    controller.start()
    sign_in(qtbot, ui, registry, user)
    assert memory_keyring.items
    with qtbot.waitSignal(controller.signed_out, timeout=WAIT):
        ui.sign_out_action.trigger()
    assert memory_keyring.items == {}
    qtbot.waitUntil(lambda: ui.status.state == "signed_out", timeout=WAIT)
    assert ui.sign_in_action.isVisible()


def test_signing_in_as_another_user_with_unsent_changes_is_refused(
    online, registry, desk, qtbot
) -> None:
    ui, controller = online, online.controller
    store = SyncStore(desk.db)
    store.reset_for(registry.url, "someone_else")
    desk.customers.create(Customer(name="厦门鼓浪屿旅游开发有限公司", need="ERP"))
    with qtbot.waitSignal(controller.status_changed, timeout=WAIT):
        controller.start()
    dialog = ui.open_sign_in()
    assert dialog.server_edit.text() == registry.url  # the last account is offered
    dialog.user_edit.setText(registry.add_user())
    dialog.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(controller.sign_in_failed, timeout=WAIT):
        dialog.submit()
    assert "1 changes of someone_else" in dialog.problem.text()
    assert sessions.account(store) == sessions.Account(registry.url, "someone_else")


def test_rows_model(qtmodeltester) -> None:
    model = RowsModel(["a", "b"])
    model.set_rows([["1", "2"], ["3", "4"]], keys=["x", "y"])
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.keys == ["x", "y"]


def test_a_customer_claimed_from_the_pool_starts_a_sync_at_once(online, monkeypatch):
    asked: list[int] = []
    monkeypatch.setattr(online.controller, "sync_now", lambda: asked.append(1) or 1)
    online.window.customers.pool_claimed.emit({"customer_id": "x"})
    assert asked == [1]


def test_a_sync_run_starts_with_the_long_lived_heap_frozen():
    import gc

    from erpdesk.ui.sync.controller import settle_heap

    gc.unfreeze()
    kept = [object() for _ in range(10)]
    settle_heap()
    try:
        assert gc.get_freeze_count() > len(kept)
    finally:
        gc.unfreeze()
