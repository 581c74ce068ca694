"""Exporting customers, and importing the export back."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from erpdesk.app import open_desk
from erpdesk.domain.customer import (
    CUSTOMER_FIELDS,
    Contact,
    ContactLevel,
    Customer,
    CustomerStatus,
    Industry,
    SizeBand,
    Source,
)
from erpdesk.services.demo import generate_demo
from erpdesk.services.exporter import HEADERS, ExportError, export_customers
from erpdesk.services.importer import import_customers
from erpdesk.storage.queries import CustomerQueries

TRICKY_NOTES = '第一行，有逗号, "引号"\n第二行\t制表符'


@pytest.fixture
def desk(tmp_path):
    opened = open_desk(tmp_path / "desk.db")
    yield opened
    opened.close()


def fill(desk) -> None:
    service = desk.customers
    service.create(
        Customer(
            name="浪潮电子信息产业股份有限公司", short_name="浪潮", uscc="91370000163446410B",
            industry=Industry.ELECTRONICS, province="山东省", city="济南市",
            address="济南市高新区浪潮路1036号", size_band=SizeBand.HUGE,
            source=Source.EMAIL, source_detail="官网表单", phone="0531-85106000",
            website="www.inspur.com", need="库存积压严重，希望上线ERP", notes=TRICKY_NOTES,
            status=CustomerStatus.SIGNED,
        ),
        [
            Contact(customer_id="", name="王建国", title="总经理", department="总经办",
                    level=ContactLevel.DECISION, mobile="13812345678",
                    office_phone="0531-85106000-8001", email="wang@inspur.com",
                    wechat="wangjg88"),
        ],
    )
    saved = service.create(Customer(name="=HYPERLINK(\"x\")公司测试", notes="=1+1"))
    service.save_contact(Contact(customer_id=saved.id, name="赵强"))
    service.create(Customer(name="没有联系人的客户有限公司", source=Source.OTHER))


def comparable(customer: Customer) -> dict:
    return {f: getattr(customer, f) for f in CUSTOMER_FIELDS}


def contact_view(contact: Contact | None) -> tuple | None:
    if contact is None:
        return None
    return (contact.name, contact.title, contact.department, contact.mobile,
            contact.office_phone, contact.email, contact.wechat)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_gives_the_same_customers(desk, tmp_path, suffix):
    fill(desk)
    path = tmp_path / f"customers{suffix}"
    assert export_customers(desk, path) == 3
    target = open_desk(tmp_path / "other.db")
    try:
        result = import_customers(target.unit_of_work, path)
        assert (result.imported, result.rejected, result.warnings) == (3, [], [])
        before = list(CustomerQueries(desk.db.reader).customers_with_first_contact())
        after = list(CustomerQueries(target.db.reader).customers_with_first_contact())
        assert [comparable(c) for c, _ in after] == [comparable(c) for c, _ in before]
        assert [contact_view(k) for _, k in after] == [contact_view(k) for _, k in before]
        assert after[0][0].notes == TRICKY_NOTES or after[1][0].notes == TRICKY_NOTES
    finally:
        target.close()


def test_csv_is_utf8_with_bom_and_the_import_headers(desk, tmp_path):
    fill(desk)
    path = tmp_path / "out.csv"
    export_customers(CustomerQueries(desk.db.reader), path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == HEADERS
    assert rows[0][:3] == ["客户名称", "简称", "统一社会信用代码"]
    inspur = next(r for r in rows if r[0].startswith("浪潮"))
    assert inspur[HEADERS.index("客户来源")] == "E-mail"
    assert inspur[HEADERS.index("行业")] == "电子电器"
    assert inspur[HEADERS.index("状态")] == "已签约"
    assert b"\r\n" in data


def test_xlsx_keeps_formula_like_text_as_text(desk, tmp_path):
    fill(desk)
    path = tmp_path / "out.xlsx"
    export_customers(desk, path)
    book = load_workbook(path)
    sheet = book.worksheets[0]
    cells = [c for row in sheet.iter_rows() for c in row if c.value == "=1+1"]
    assert cells and all(c.data_type == "s" for c in cells)
    book.close()


def test_progress_and_a_larger_export(desk, tmp_path):
    generate_demo(desk.unit_of_work, customers=2500, seed=4, contacts_per_customer=1,
                  activities_per_customer=0)
    seen = []
    count = export_customers(desk, tmp_path / "big.csv", progress=lambda d, t: seen.append((d, t)))
    assert count == 2500
    assert seen[0] == (1000, 2500) and seen[-1] == (2500, 2500)


def test_unknown_format_and_unwritable_target(desk, tmp_path):
    with pytest.raises(ExportError, match=r"\.csv or \.xlsx"):
        export_customers(desk, tmp_path / "out.pdf")
    with pytest.raises(ExportError, match="Cannot write"):
        export_customers(desk, tmp_path / "missing" / "out.csv")
    with pytest.raises(ExportError, match="a folder"):
        (tmp_path / "dir.csv").mkdir()
        export_customers(desk, tmp_path / "dir.csv")


def test_a_failed_export_leaves_the_old_file_and_no_temporary_file(tmp_path):
    desk = open_desk(tmp_path / "desk.db")
    fill(desk)
    target = tmp_path / "out.csv"
    target.write_text("old content", encoding="utf-8")
    queries = CustomerQueries(desk.db.reader)
    desk.close()  # the read connection is gone: reading fails after the file was started
    with pytest.raises(Exception):  # noqa: B017 - sqlite3's, whichever it is
        export_customers(queries, target)
    assert target.read_text(encoding="utf-8") == "old content"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_export_of_an_empty_database(desk, tmp_path):
    path = tmp_path / "empty.csv"
    assert export_customers(desk, path) == 0
    assert path.read_text(encoding="utf-8-sig").splitlines() == [",".join(HEADERS)]


def test_deleted_customers_are_not_exported(desk, tmp_path):
    fill(desk)
    first = desk.customers.page(desk.customers.criteria())[0]
    desk.customers.delete(first.id)
    path = tmp_path / "out.csv"
    assert export_customers(desk, path) == 2
    assert first.name not in path.read_text(encoding="utf-8-sig")
