"""The window's file operations as services: the filtered export, backup,
checking a backup before a restore, the demo database."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from erpdesk.app import open_desk
from erpdesk.domain.customer import Contact, Customer, Industry, Source
from erpdesk.domain.errors import (
    DatabaseCorrupt,
    DatabaseDamaged,
    DatabaseForeign,
    DatabaseTooNew,
)
from erpdesk.services import file_ops
from erpdesk.services.exporter import ExportError
from erpdesk.storage.database import APPLICATION_ID, backup


@pytest.fixture
def desk(tmp_path):
    opened = open_desk(tmp_path / "desk.db")
    yield opened
    opened.close()


def fill(desk) -> dict[str, Customer]:
    """Three customers in 山东, two elsewhere; 浪潮 has two contacts."""
    service = desk.customers
    made = {}
    for name, province, source in (
        ("浪潮电子信息产业股份有限公司", "山东省", Source.REFERRAL),
        ("海尔集团公司", "山东省", Source.WALK_IN),
        ("青岛啤酒股份有限公司", "山东省", Source.PHONE),
        ("美的集团股份有限公司", "广东省", Source.PHONE),
        ("三一重工股份有限公司", "湖南省", Source.OTHER),
    ):
        made[name] = service.create(
            Customer(name=name, province=province, source=source, industry=Industry.FOOD)
        )
    langchao = made["浪潮电子信息产业股份有限公司"]
    service.save_contact(Contact(customer_id=langchao.id, name="王建国", mobile="13812345678"))
    service.save_contact(Contact(customer_id=langchao.id, name="李娜"))
    return made


def csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))[1:]


def test_export_writes_exactly_the_filtered_customers_to_xlsx(desk, tmp_path):
    fill(desk)
    criteria = desk.customers.criteria(province="山东省")
    target = tmp_path / "shandong.xlsx"
    written = file_ops.export_filtered(desk.db.path, criteria, target)
    book = load_workbook(target, read_only=True)
    names = [row[0] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
    book.close()
    assert written == 3
    assert sorted(names) == sorted(["浪潮电子信息产业股份有限公司", "海尔集团公司",
                                    "青岛啤酒股份有限公司"])  # fmt: skip


def test_export_of_a_search_writes_what_the_list_shows_to_csv(desk, tmp_path):
    fill(desk)
    criteria = desk.customers.criteria("集团", source=Source.PHONE.value)
    shown = [row.name for row in desk.customers.page(criteria)]
    target = tmp_path / "found.csv"
    assert file_ops.export_filtered(desk.db.path, criteria, target) == 1
    rows = csv_rows(target)
    assert [row[0] for row in rows] == shown == ["美的集团股份有限公司"]


def test_export_keeps_the_list_order_and_the_first_contact(desk, tmp_path):
    fill(desk)
    criteria = desk.customers.criteria(province="山东省")
    order = [row.name for row in desk.customers.page(criteria, sort="name", descending=True)]
    target = tmp_path / "desc.csv"
    file_ops.export_filtered(desk.db.path, criteria, target, descending=True)
    rows = csv_rows(target)
    assert [row[0] for row in rows] == order
    langchao = next(row for row in rows if row[0].startswith("浪潮"))
    assert "王建国" in langchao and "李娜" not in langchao


def test_a_large_selection_streams_the_same_rows(desk, tmp_path, monkeypatch):
    fill(desk)
    monkeypatch.setattr(file_ops, "STREAM_ABOVE", 1)
    criteria = desk.customers.criteria(province="山东省")
    streamed, each = tmp_path / "streamed.csv", tmp_path / "each.csv"
    file_ops.export_filtered(desk.db.path, criteria, streamed)
    file_ops.export_filtered(desk.db.path, criteria, each, sort="source")
    assert sorted(csv_rows(streamed)) == sorted(csv_rows(each))
    assert len(csv_rows(streamed)) == 3


def test_a_cancelled_export_leaves_nothing(desk, tmp_path, monkeypatch):
    fill(desk)
    monkeypatch.setattr(file_ops, "PROGRESS_EVERY", 1)
    target = tmp_path / "stopped.xlsx"

    def stop(done: int, total: int) -> None:
        if done >= 2:
            raise file_ops.Cancelled()

    with pytest.raises(file_ops.Cancelled):
        file_ops.export_filtered(desk.db.path, desk.customers.criteria(), target, progress=stop)
    assert list(tmp_path.glob("*stopped*")) == []


def test_an_unknown_format_is_refused(desk, tmp_path):
    with pytest.raises(ExportError):
        file_ops.export_filtered(desk.db.path, desk.customers.criteria(), tmp_path / "x.txt")


def test_backup_opens_as_a_desk_with_the_same_customers(desk, tmp_path):
    made = fill(desk)
    target = tmp_path / "copy.bak"
    facts = file_ops.backup_database(desk.db.path, target)
    assert facts.customers == 5 and facts.contacts == 2
    copy = open_desk(target)
    try:
        ids = {row.id for row in copy.customers.page(copy.customers.criteria())}
    finally:
        copy.close()
    assert ids == {customer.id for customer in made.values()}


def test_backup_refuses_the_database_itself(desk):
    with pytest.raises(ValueError):
        file_ops.backup_database(desk.db.path, desk.db.path)
    assert file_ops.same_file(desk.db.path, Path(f"{desk.db.path}-wal"))


def test_default_names_sit_beside_the_database(tmp_path):
    db = tmp_path / "erpdesk.db"
    assert file_ops.default_backup_path(db).name.startswith("erpdesk.db.backup-")
    assert file_ops.before_restore_path(db).name.startswith("erpdesk.db.before-restore-")
    assert file_ops.default_backup_path(db).parent == tmp_path


def test_inspect_backup_accepts_a_backup(desk, tmp_path):
    fill(desk)
    target = backup(desk.db.path, tmp_path / "good.bak")
    facts = file_ops.inspect_backup(target)
    assert facts.customers == 5
    assert facts.revision is not None


@pytest.mark.parametrize(
    ("content", "error"),
    [(b"customer;name\n", DatabaseCorrupt), (b"", DatabaseForeign)],
)
def test_inspect_backup_refuses_what_is_no_backup(tmp_path, content, error):
    path = tmp_path / "not.bak"
    path.write_bytes(content)
    with pytest.raises(error):
        file_ops.inspect_backup(path)


def test_inspect_backup_refuses_another_programs_database(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseForeign):
        file_ops.inspect_backup(path)


def test_inspect_backup_refuses_a_newer_schema(desk, tmp_path):
    target = backup(desk.db.path, tmp_path / "newer.bak")
    conn = sqlite3.connect(target)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseTooNew):
        file_ops.inspect_backup(target)


def test_inspect_backup_refuses_a_damaged_file(desk, tmp_path):
    fill(desk)
    target = backup(desk.db.path, tmp_path / "damaged.bak")
    data = bytearray(target.read_bytes())
    page = 4096
    for offset in range(page * 2, len(data) - page, page):  # keep the header page
        data[offset + 8 : offset + 64] = b"\xff" * 56
    target.write_bytes(bytes(data))
    assert int.from_bytes(data[68:72], "big") == APPLICATION_ID
    with pytest.raises(DatabaseCorrupt):  # damaged pages (or unreadable)
        file_ops.inspect_backup(target)


def test_inspect_backup_says_damaged_for_damaged_pages(desk, tmp_path, monkeypatch):
    target = backup(desk.db.path, tmp_path / "b.bak")
    monkeypatch.setattr(file_ops, "check_database", lambda path, full: ["page 7: bad"])
    with pytest.raises(DatabaseDamaged):
        file_ops.inspect_backup(target)


def test_make_demo_database_makes_customers(tmp_path):
    seen: list[tuple[int, int]] = []
    path = tmp_path / "demo.db"
    result = file_ops.make_demo_database(
        path, customers=30, progress=lambda d, t: seen.append((d, t))
    )
    assert result.customers == 30
    demo = open_desk(path)
    try:
        assert demo.customers.count(demo.customers.criteria()) == 30
    finally:
        demo.close()
    assert seen and seen[-1] == (30, 30)
    assert file_ops.demo_database_path(tmp_path / "erpdesk.db") == tmp_path / "erpdesk-demo.db"
