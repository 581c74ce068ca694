"""The window's file actions: export the list as filtered, back up, restore
(checked, confirmed, the current file saved first, the window restarted)."""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from erpdesk.app import open_desk
from erpdesk.domain.customer import Customer
from erpdesk.ui import launch
from erpdesk.ui.file_actions import (
    FileActions,
    backup_database,
    default_export_path,
    export_filtered,
    install_file_actions,
)
from erpdesk.ui.file_restore import request_restore, restore_backup
from erpdesk.ui.language import LanguageManager
from erpdesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, service, settings):
    shown = MainWindow(service, settings)
    qtbot.addWidget(shown)
    return shown


@pytest.fixture
def watch(window, desk):
    """What ``ui.launch`` puts in its window to restart it on a backup."""
    languages = LanguageManager("en")
    found = launch.DamageWatch(desk.db.path, languages, window)
    yield found
    languages.uninstall()


def wait(qtbot, job) -> None:
    with qtbot.waitSignal(job.done, timeout=15_000):
        pass


def names_in_xlsx(path: Path) -> list[str]:
    book = load_workbook(path, read_only=True)
    try:
        return [row[0] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
    finally:
        book.close()


def customer_ids(path: Path) -> set[str]:
    opened = open_desk(path)
    try:
        return {row.id for row in opened.customers.page(opened.customers.criteria())}
    finally:
        opened.close()


# -- export ------------------------------------------------------------------------


def test_export_writes_the_list_as_filtered(
    qtbot, window, service, samples, tmp_path, message_boxes
):
    actions = install_file_actions(window, service)
    page = window.customers
    page.province_filter.setCurrentIndex(page.province_filter.findData("山东省"))
    shown = [page.model.row_at(i).name for i in range(page.model.rowCount())]
    target = tmp_path / "list.xlsx"
    wait(qtbot, actions.export(path=target))
    assert names_in_xlsx(target) == shown
    assert len(shown) == 3  # 浪潮, 海尔, 青岛啤酒
    kind, text = message_boxes.calls[-1]
    assert kind == "information" and "3 customers written to" in text and str(target) in text


def test_export_asks_for_a_file_and_adds_the_chosen_format(
    qtbot, window, service, samples, tmp_path, monkeypatch
):
    picked = tmp_path / "客户名单"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName",
        staticmethod(lambda *a, **k: (str(picked), "CSV, UTF-8 (*.csv)")),
    )  # fmt: skip
    criteria = service.criteria("集团")
    wait(qtbot, export_filtered(window, service, criteria))
    with (tmp_path / "客户名单.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))[1:]
    assert [row[0] for row in rows] == [row.name for row in service.page(criteria)]
    assert sorted(row[0] for row in rows) == ["海尔集团公司", "美的集团股份有限公司"]


def test_a_cancelled_file_dialog_exports_nothing(window, service, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert export_filtered(window, service, service.criteria()) is None
    assert list(tmp_path.glob("*.xlsx")) == []


def test_an_export_that_cannot_be_written_says_why(qtbot, window, service, samples, tmp_path,
                                                  message_boxes):  # fmt: skip
    target = tmp_path / "no-such-folder" / "list.csv"
    wait(qtbot, export_filtered(window, service, service.criteria(), target))
    kind, text = message_boxes.calls[-1]
    assert kind == "warning" and "could not be written" in text and "Nothing was written" in text
    assert not target.exists()


def test_the_default_export_name_is_dated():
    from datetime import date

    assert default_export_path(Path("/x"), date(2026, 12, 6)) == Path(
        "/x/customers-2026-12-06.xlsx"
    )


# -- backup ------------------------------------------------------------------------


def test_backup_writes_a_desk_with_the_same_customers(qtbot, window, service, desk, samples,
                                                     tmp_path, message_boxes):  # fmt: skip
    target = tmp_path / "copy.bak"
    wait(qtbot, backup_database(window, service, target))
    assert customer_ids(target) == {customer.id for customer in samples.values()}
    kind, text = message_boxes.calls[-1]
    assert kind == "information" and str(target) in text and "5 customers" in text


def test_backup_offers_the_dated_name_beside_the_database(window, service, desk, monkeypatch):
    offered: list[str] = []

    def ask(_parent, _title, proposed, _filters):
        offered.append(proposed)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    assert backup_database(window, service) is None
    assert Path(offered[0]).parent == desk.db.path.parent
    assert Path(offered[0]).name.startswith(f"{desk.db.path.name}.backup-")


def test_backup_refuses_the_database_itself(window, service, desk, samples, message_boxes):
    before = desk.db.path.read_bytes()
    assert backup_database(window, service, desk.db.path) is None
    kind, text = message_boxes.calls[-1]
    assert kind == "warning" and "over the database itself" in text
    assert desk.db.path.read_bytes() == before


# -- restore -----------------------------------------------------------------------


def finished(qtbot, flow) -> bool:
    qtbot.waitUntil(lambda: flow.restarting is not None, timeout=15_000)
    return bool(flow.restarting)


def test_restore_of_a_file_that_is_no_database_is_refused(
    qtbot, window, watch, service, desk, samples, tmp_path, message_boxes
):
    bogus = tmp_path / "客户.xlsx.bak"
    bogus.write_text("名称,电话\n", encoding="utf-8")
    before = desk.db.path.read_bytes()
    flow = restore_backup(window, service, bogus)
    assert finished(qtbot, flow) is False
    kind, text = message_boxes.calls[-1]
    assert (
        kind == "warning" and "is not an ERPDesk backup" in text and "Nothing was changed" in text
    )
    assert not any(kind == "question" for kind, _ in message_boxes.calls)  # never asked
    assert watch.restore_from is None
    assert list(tmp_path.glob("d.db.before-restore-*")) == []
    assert desk.db.path.read_bytes() == before


def test_restore_asks_saves_the_current_file_and_restarts(
    qtbot, window, watch, service, desk, samples, tmp_path, message_boxes
):
    source = tmp_path / "old.bak"
    wait(qtbot, backup_database(window, service, source))
    service.create(Customer(name="华为技术有限公司"))  # only in the current database
    restarts: list[int] = []
    watch.restart.connect(lambda: restarts.append(1))
    window.show()
    flow = restore_backup(window, service, source)
    assert finished(qtbot, flow) is True
    _kind, question = next(call for call in message_boxes.calls if call[0] == "question")
    assert "Replace the current database with the backup of" in question
    assert "5 customers" in question
    assert "have not been synced yet" in question  # the outbox holds the creations
    [aside] = tmp_path.glob("d.db.before-restore-*.bak")
    assert aside == flow.aside and aside.name in question
    assert len(customer_ids(aside)) == 6  # the current database, 华为 included
    assert watch.restore_from == source and restarts == [1]
    assert not window.isVisible()


def test_restore_answered_no_changes_nothing(qtbot, window, watch, service, samples, tmp_path,
                                            message_boxes):  # fmt: skip
    source = tmp_path / "old.bak"
    wait(qtbot, backup_database(window, service, source))
    message_boxes.answer = QMessageBox.StandardButton.No
    flow = restore_backup(window, service, source)
    assert finished(qtbot, flow) is False
    assert list(tmp_path.glob("d.db.before-restore-*")) == []
    assert watch.restore_from is None


def test_restore_refuses_the_database_in_use(window, watch, service, desk, message_boxes):
    flow = restore_backup(window, service, desk.db.path)
    assert flow.restarting is False
    assert "is the database in use" in message_boxes.calls[-1][1]


def test_a_window_not_opened_by_launch_says_how_to_restore(qtbot, message_boxes, tmp_path):
    alone = QWidget()
    qtbot.addWidget(alone)
    assert request_restore(alone, tmp_path / "x.bak") is False
    assert "erpdesk db restore" in message_boxes.calls[-1][1]


def test_the_window_restarts_on_the_restored_backup(qapp, tmp_path, monkeypatch, message_boxes):
    """The whole way: the File menu's restore in a window opened by
    ``gui_main``, launch's restore, the window opened again on the backup."""
    path = tmp_path / "desk.db"
    first = open_desk(path)
    first.customers.create(Customer(name="海尔集团公司"))
    first.close()
    source = tmp_path / "one-customer.bak"
    launch_args = argparse.Namespace(db=str(path), screenshot=None, view=None, lang="en")
    seen: list[int] = []

    def exec_() -> int:
        [window] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, MainWindow) and w.isVisible()]  # fmt: skip
        seen.append(window.customers.model.total())
        if len(seen) == 1:
            actions = install_file_actions(window, window.customers._service)
            _pump_until(lambda: actions.backup(path=source) is not None)
            _pump_until(lambda: source.exists())
            window.customers._service.create(Customer(name="美的集团股份有限公司"))
            flow = actions.restore(path=source)
            _pump_until(lambda: flow.restarting is not None)
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(exec_))
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: None))
    assert launch.gui_main(launch_args) == 0
    assert seen == [1, 1]  # the second window shows the backup's one customer
    assert len(list(tmp_path.glob("desk.db.before-restore-*.bak"))) == 1
    # a sound file the user chose to replace is kept aside as replaced, not damaged
    assert list(tmp_path.glob("desk.db.replaced-*"))
    assert not list(tmp_path.glob("desk.db.damaged-*"))


def _pump_until(condition, timeout: float = 15.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        QApplication.processEvents()
        time.sleep(0.01)


# -- the menu ----------------------------------------------------------------------


def test_the_actions_sit_in_the_file_menu_before_quit(window, service):
    actions = install_file_actions(window, service)
    menu = window.file_menu.actions()
    assert menu.index(actions.restore_action) < menu.index(window.quit_action)
    assert actions.export_action.text() == "&Export the list…"
    assert isinstance(actions, FileActions)
