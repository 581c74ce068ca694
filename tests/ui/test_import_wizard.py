"""The import wizard: a file imported step by step in the window, by the
rules of ``erpdesk import customers``, on a worker thread."""

from __future__ import annotations

import csv
import threading
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtWidgets import QWizard

from erpdesk.services.events import Change
from erpdesk.services.importer import read_table
from erpdesk.ui import import_wizard
from erpdesk.ui.import_wizard import ImportWizard, open_import_wizard

HEADER = ["客户名称", "统一社会信用代码", "电话", "客户来源", "地区", "联系人", "联系人手机"]
GOOD = [
    ["青岛海纳重工机械有限公司", "", "0532-88886666", "展会", "山东 青岛", "王海", "13812345678"],
    ["潍坊恒通物流有限公司", "", "0536-8123456", "电话", "山东 潍坊", "孙丽", "13712345678"],
    ["临沂远航贸易有限公司", "", "0539-8123400", "", "山东 临沂", "张三", "13812340000"],
]
BAD_USCC = ["济南明德软件有限公司", "91370100MA3C12345X", "0531-88887777", "网络", "", "", ""]
BAD_PHONE = ["烟台东方食品有限公司", "", "abc-123", "", "山东 烟台", "赵强", "13912345678"]
BAD_SOURCE = ["淄博华光陶瓷有限公司", "", "0533-2345678", "火星来客", "山东 淄博", "", ""]
BROKEN = [GOOD[0], BAD_USCC, BAD_PHONE, GOOD[0], BAD_SOURCE, GOOD[1]]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def names(desk) -> list[str]:
    return sorted(r[0] for r in desk.db.reader.execute("SELECT name FROM customer"))


def wizard_at_preview(qtbot, service, path: Path) -> ImportWizard:
    wizard = open_import_wizard(None, service)
    qtbot.addWidget(wizard)
    wizard.file_page.load(path)
    qtbot.waitUntil(lambda: wizard.file_page.isComplete(), timeout=5000)
    wizard.next()
    assert wizard.currentPage() is wizard.columns_page
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.isComplete() or (
        wizard.state.preview is not None and not wizard.preview_page.busy), timeout=5000)
    return wizard


def import_now(qtbot, wizard: ImportWizard) -> None:
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=10000)


def test_a_good_file_imports_every_row_and_the_list_hears_of_it(qtbot, desk, service, tmp_path):
    heard: list[Change] = []
    service.feed.subscribe(heard.append)
    wizard = wizard_at_preview(qtbot, service, write_csv(tmp_path / "good.csv", [HEADER, *GOOD]))
    assert [r.state for r in wizard.state.preview.rows] == ["new"] * 3
    assert wizard.preview_page.all_radio.isChecked()
    assert wizard.preview_page.all_radio.isEnabled()
    import_now(qtbot, wizard)
    assert names(desk) == sorted(r[0] for r in GOOD)
    assert wizard.state.result.imported == 3
    assert "Added 3 new customers" in wizard.summary_page.headline.text()
    assert Change("customer") in heard
    assert not wizard.summary_page.save_button.isEnabled()


def test_a_broken_file_shows_problems_by_row_and_imports_only_valid_rows(
    qtbot, desk, service, tmp_path
):
    wizard = wizard_at_preview(qtbot, service, write_csv(tmp_path / "b.csv", [HEADER, *BROKEN]))
    page = wizard.preview_page
    model = page.model
    states = [model.check(r).state for r in range(model.rowCount())]
    assert states == ["new", "rejected", "rejected", "duplicate", "rejected", "new"]
    # each problem is in its cell, with its text
    phone_cell = model.index(2, 3 + HEADER.index("电话"))
    assert phone_cell.data() == "abc-123"
    assert "abc-123" in phone_cell.data(Qt.ItemDataRole.ToolTipRole)
    assert phone_cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    name_cell = model.index(2, 3 + HEADER.index("客户名称"))
    assert name_cell.data(Qt.ItemDataRole.BackgroundRole) is None  # no problem there
    assert "火星来客" in model.index(4, 2).data()
    assert "统一社会信用代码" in model.index(1, 2).data()
    assert "row 2" in model.index(3, 2).data()
    assert "3 valid, 3 with problems" in page.counts_label.text()
    # "all rows" is refused while a row has problems
    assert not page.all_radio.isEnabled()
    page.all_radio.setEnabled(True)
    page.all_radio.setChecked(True)
    assert not page.isComplete()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert page.problem_label.text()
    page.valid_radio.setChecked(True)
    import_now(qtbot, wizard)
    assert names(desk) == sorted([GOOD[0][0], GOOD[1][0]])
    result = wizard.state.result
    assert (result.imported, len(result.duplicates), len(result.rejected)) == (2, 1, 3)
    details = wizard.summary_page.details.toPlainText()
    assert "Row 3 (济南明德软件有限公司)" in details and "abc-123" in details
    # the rejected rows go to a file with their reasons
    saved = tmp_path / "rejected.xlsx"
    assert wizard.summary_page.save_rejected_to(saved)
    table = [cells for _n, cells in read_table(saved)]
    assert [c[0] for c in table[1:]] == [BAD_USCC[0], BAD_PHONE[0], BAD_SOURCE[0]]


def test_only_problem_rows_are_listed_on_request(qtbot, service, tmp_path):
    wizard = wizard_at_preview(qtbot, service, write_csv(tmp_path / "b.csv", [HEADER, *BROKEN]))
    wizard.preview_page.only_problems.setChecked(True)
    model = wizard.preview_page.model
    assert [model.check(r).row for r in range(model.rowCount())] == [3, 4, 5, 6]


def test_a_missing_name_column_is_flagged_and_a_mapping_edit_fixes_it(
    qtbot, desk, service, tmp_path
):
    rows = [["企业", "Phone", "联系人"], ["青岛海纳重工机械有限公司", "0532-88886666", "王海"]]
    wizard = open_import_wizard(None, service)
    qtbot.addWidget(wizard)
    wizard.file_page.load(write_csv(tmp_path / "plain.csv", rows))
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=5000)
    wizard.next()
    columns = wizard.columns_page
    assert not columns.isComplete()
    assert "Customer name is required" in columns.problem_label.text()
    columns.set_field(0, "name")
    assert columns.isComplete() and not columns.problem_label.text()
    columns.set_field(2, "name")  # the same field twice is refused
    assert not columns.isComplete()
    assert "more than one column" in columns.problem_label.text()
    columns.set_field(2, "contact")
    wizard.next()
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=5000)
    assert [r.state for r in wizard.state.preview.rows] == ["new"]
    import_now(qtbot, wizard)
    contacts = [tuple(r) for r in desk.db.reader.execute("SELECT name FROM contact")]
    assert names(desk) == ["青岛海纳重工机械有限公司"] and contacts == [("王海",)]


@pytest.mark.parametrize(("content", "words"), [
    (b"", "is empty"),
    (b"\xd0\xcf\x11\xe0" + b"\0" * 64, "old .xls"),
    ("客户名称,电话\n".encode(), "no customers"),
])
def test_an_unreadable_file_says_why(qtbot, service, tmp_path, content, words):
    path = tmp_path / "file.xlsx" if content.startswith(b"\xd0") else tmp_path / "file.csv"
    path.write_bytes(content)
    wizard = open_import_wizard(None, service)
    qtbot.addWidget(wizard)
    wizard.file_page.load(path)
    qtbot.waitUntil(lambda: not wizard.file_page.busy, timeout=5000)
    assert words in wizard.file_page.problem_label.text()
    assert not wizard.file_page.isComplete()


def test_the_import_runs_off_the_window_thread_and_cancel_writes_nothing(
    qtbot, desk, service, tmp_path, monkeypatch
):
    release = threading.Event()
    real = import_wizard.run_import

    def held(*args, **kwargs):
        release.wait(10)  # the import waits until the test lets it go
        return real(*args, **kwargs)

    monkeypatch.setattr(import_wizard, "run_import", held)
    wizard = wizard_at_preview(qtbot, service, write_csv(tmp_path / "good.csv", [HEADER, *GOOD]))
    wizard.next()  # returns at once: the import runs on the pool
    assert wizard.currentPage() is wizard.run_page and wizard.run_page.running
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    wizard.reject()  # Cancel while importing: stop, do not close
    assert wizard.isVisible() and "Cancelling" in wizard.run_page.status_label.text()
    release.set()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=10000)
    assert wizard.cancelled
    assert "cancelled" in wizard.summary_page.headline.text()
    assert names(desk) == []


def test_merge_of_known_customers_is_chosen_in_the_preview(qtbot, desk, service, samples,
                                                          tmp_path):
    known = samples["海尔"]
    rows = [HEADER, [known.name, "", "", "", "", "新联系人", "13812349999"], GOOD[0]]
    wizard = wizard_at_preview(qtbot, service, write_csv(tmp_path / "m.csv", rows))
    page = wizard.preview_page
    assert [r.state for r in wizard.state.preview.rows] == ["duplicate", "new"]
    page.known_combo.setCurrentIndex(page.known_combo.findData("merge"))
    qtbot.waitUntil(lambda: wizard.state.preview is not None and not page.busy, timeout=5000)
    assert [r.state for r in wizard.state.preview.rows] == ["merge", "new"]
    import_now(qtbot, wizard)
    assert wizard.state.result.merged == 1
    mobiles = [r[0] for r in desk.db.reader.execute(
        "SELECT mobile FROM contact WHERE customer_id = ?", (known.id,))]
    assert "13812349999" in mobiles


def test_the_wizard_fits_a_laptop_at_150_percent(qtbot, service):
    wizard = ImportWizard(service)
    qtbot.addWidget(wizard)
    assert wizard.minimumWidth() <= 910 and wizard.minimumHeight() <= 490


class _Chinese(QTranslator):
    """A few of the wizard's texts in Chinese (the .qm may not have them yet)."""

    TEXTS: ClassVar[dict[tuple[str, str], str]] = {
        ("ImportFilePage", "Choose the file"): "选择文件",
        ("ImportWizard", "Import customers"): "导入客户",
        ("ImportWizard", "Customer name"): "客户名称",
    }

    def translate(self, context, source, disambiguation=None, n=-1):
        return self.TEXTS.get((context, source))

    def isEmpty(self):
        return False


def test_a_language_change_retranslates_every_step(qtbot, service, tmp_path):
    wizard = open_import_wizard(None, service)
    qtbot.addWidget(wizard)
    wizard.file_page.load(write_csv(tmp_path / "good.csv", [HEADER, *GOOD]))
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=5000)
    wizard.next()
    translator = _Chinese()
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        assert wizard.windowTitle() == "导入客户"
        assert wizard.file_page.title() == "选择文件"
        combo = wizard.columns_page.table.cellWidget(0, 2)
        assert combo.currentText() == "客户名称" and combo.currentData() == "name"
    finally:
        app.removeTranslator(translator)


def test_the_table_shows_200_rows_and_counts_them_all(qtbot, service, tmp_path):
    many = [[f"临沂第{i}贸易有限公司", "", "", "", "", "", ""] for i in range(250)]
    wizard = wizard_at_preview(qtbot, service, write_csv(tmp_path / "many.csv", [HEADER, *many]))
    page = wizard.preview_page
    assert page.model.rowCount() == 200
    assert "250 rows: 250 valid" in page.counts_label.text()
    assert "first 200 of 250" in page.shown_label.text()
