"""The first-run page of an empty desk."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from erpdesk.ui.first_run import FirstRunPage, desk_is_empty


@pytest.fixture
def page(qtbot, tmp_path):
    shown = FirstRunPage(tmp_path / "erpdesk.db")
    qtbot.addWidget(shown)
    return shown


@pytest.mark.parametrize(
    ("button", "signal"),
    [("import_button", "import_requested"), ("add_button", "add_requested"),
     ("demo_button", "demo_requested")],
)  # fmt: skip
def test_each_button_asks_for_its_way_to_start(qtbot, page, button, signal):
    with qtbot.waitSignal(getattr(page, signal), timeout=1000):
        getattr(page, button).click()


def test_the_buttons_say_what_they_do(page):
    assert page.import_button.text() == "Import customers from Excel or CSV…"
    assert page.add_button.text() == "Add a customer…"
    assert page.demo_button.text() == "Open demo data…"
    assert "2,000" in page.demo_button.description()


def test_the_page_says_where_the_database_lives(page, tmp_path):
    assert page.path_label.text() == f"Your database: {tmp_path / 'erpdesk.db'}"
    page.set_database_path(tmp_path / "other" / "desk.db")
    assert str(tmp_path / "other" / "desk.db") in page.path_label.text()
    assert page.folder() == tmp_path / "other"


def test_show_in_folder_opens_the_databases_folder(page, tmp_path, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )
    page.folder_link.linkActivated.emit("folder")
    assert [Path(url.toLocalFile()) for url in opened] == [tmp_path]


def test_without_a_path_there_is_no_link(qtbot):
    page = FirstRunPage()
    qtbot.addWidget(page)
    assert page.path_label.text() == ""
    assert not page.folder_link.isVisibleTo(page)
    assert page.show_folder() is False


def test_the_page_follows_the_language(page, monkeypatch):
    monkeypatch.setattr(FirstRunPage, "tr", lambda self, text: "译" + text)
    QApplication.sendEvent(page, QEvent(QEvent.Type.LanguageChange))
    assert page.title_label.text() == "译Welcome to ERPDesk"


def test_it_fits_a_small_laptop_at_150_percent(page):
    hint = page.minimumSizeHint()
    assert hint.width() <= 1366 / 1.5 - 100 and hint.height() <= 740 / 1.5


def test_an_empty_desk_is_empty_until_it_has_a_customer(desk, samples):
    assert desk_is_empty(desk.customers, desk.deals) is False


def test_a_new_desk_is_empty(desk):
    assert desk_is_empty(desk.customers, desk.deals) is True
    assert desk_is_empty(desk.customers) is True


def test_the_demo_job_makes_a_demo_database_beside_the_users(qtbot, tmp_path):
    from erpdesk.app import open_desk
    from erpdesk.ui.file_actions import make_demo_job

    job = make_demo_job(None, tmp_path / "erpdesk.db", customers=20)
    with qtbot.waitSignal(job.succeeded, timeout=30_000) as made:
        pass
    [path] = made.args
    assert path == tmp_path / "erpdesk-demo.db"
    demo = open_desk(path)
    try:
        assert demo.customers.count(demo.customers.criteria()) == 20
    finally:
        demo.close()
    assert not (tmp_path / "erpdesk.db").exists()
