"""Importing customers from CSV and XLSX files into a real database."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import pytest
from openpyxl import Workbook

from erpdesk.app import open_desk
from erpdesk.domain.customer import (
    Contact,
    Customer,
    CustomerStatus,
    Industry,
    SizeBand,
    Source,
)
from erpdesk.domain.uscc import uscc_check_char
from erpdesk.services.importer import ImportFileError, import_customers, split_region
from erpdesk.storage.uow import UnitOfWork

HEADER = ["客户名称", "统一社会信用代码", "电话", "客户来源", "地区", "行业", "规模",
          "联系人", "联系人手机", "职务", "邮箱"]
INSPUR = ["浪潮电子信息产业股份有限公司", "91370000163446410B", "0531-85106000", "老客户介绍",
          "山东省 济南市", "电子电器", "2000人以上", "王建国", "13812345678", "总经理",
          "wang@inspur.com"]
HUASHENG = ["济南华盛精密机械有限公司", "", "0531-88886666", "phone", "山东/济南", "machinery",
            "150", "李娜", "13912345678", "采购主管", ""]


@pytest.fixture
def desk(tmp_path):
    opened = open_desk(tmp_path / "desk.db", owner="li.na")
    yield opened
    opened.close()


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def counts(desk) -> tuple[int, int, int]:
    row = desk.db.reader.execute(
        "SELECT (SELECT count(*) FROM customer), (SELECT count(*) FROM contact),"
        " (SELECT count(*) FROM outbox)"
    ).fetchone()
    return tuple(row)


def customers(desk) -> dict[str, dict]:
    return {r["name"]: dict(r) for r in desk.db.reader.execute("SELECT * FROM customer")}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_every_encoding(desk, tmp_path, encoding):
    path = write_csv(tmp_path / "list.csv", [HEADER, INSPUR, HUASHENG], encoding)
    result = import_customers(desk.unit_of_work, path, owner="li.na")
    assert (result.imported, result.rejected, result.duplicates) == (2, [], [])
    assert result.written
    stored = customers(desk)
    inspur = stored["浪潮电子信息产业股份有限公司"]
    assert (inspur["province"], inspur["city"]) == ("山东省", "济南市")
    assert inspur["source"] == Source.REFERRAL.value  # by zh label
    assert inspur["industry"] == Industry.ELECTRONICS.value
    assert inspur["size_band"] == SizeBand.HUGE.value
    assert inspur["owner"] == "li.na"
    huasheng = stored["济南华盛精密机械有限公司"]
    assert huasheng["source"] == Source.PHONE.value  # by code
    assert huasheng["size_band"] == SizeBand.MEDIUM.value  # a headcount of 150
    assert (huasheng["province"], huasheng["city"]) == ("山东省", "济南市")
    contact = desk.db.reader.execute(
        "SELECT * FROM contact WHERE customer_id = ?", (inspur["id"],)
    ).fetchone()
    assert (contact["name"], contact["mobile"], contact["title"]) == (
        "王建国", "13812345678", "总经理")
    # imported customers are real: 2 customers + 2 contacts queued for sync
    assert counts(desk) == (2, 2, 4)


def test_english_headers_in_any_case_and_spacing(desk, tmp_path):
    path = write_csv(tmp_path / "en.csv", [
        [" Company Name ", "USCC", "Source", "Province", "City", "Contact", "Mobile",
         "E-mail", "Web Site", "Short_Name"],
        ["Lenovo (Beijing) Co., Ltd.", "", "marketing_event", "北京", "海淀区", "Yang Yuanqing",
         "+86 138 1234 5678", "yy@lenovo.com", "www.lenovo.com", "联想"],
    ])
    result = import_customers(desk.unit_of_work, path)
    assert result.imported == 1, result.as_dict()
    row = customers(desk)["Lenovo (Beijing) Co., Ltd."]
    assert row["source"] == "marketing_event"
    assert (row["province"], row["city"]) == ("北京市", "海淀区")
    assert row["website"] == "www.lenovo.com" and row["short_name"] == "联想"


def test_xlsx_with_a_title_row_numbers_and_blank_rows(desk, tmp_path):
    path = write_xlsx(tmp_path / "list.xlsx", [
        ["2026年客户名单"],
        HEADER,
        [*INSPUR[:2], None, "电话", *INSPUR[4:8], 13812345678, "总经理", None],
        [],
        ["坏", "123", None, "火星来源"],
    ])
    result = import_customers(desk.unit_of_work, path)
    assert result.imported == 0 and not result.written
    (bad,) = result.rejected
    assert bad.row == 5  # as the spreadsheet shows it: title 1, header 2, blank row 4
    reasons = bad.reasons()
    assert any(r.startswith("客户名称:") for r in reasons)
    assert any(r.startswith("统一社会信用代码:") for r in reasons)
    assert any("火星来源" in r and r.startswith("客户来源:") for r in reasons)
    result = import_customers(desk.unit_of_work, path, partial=True)
    assert result.imported == 1
    contact = desk.db.reader.execute("SELECT mobile FROM contact").fetchone()
    assert contact["mobile"] == "13812345678"  # a number cell, read as its digits


def test_invalid_rows_import_nothing_and_report_every_problem(desk, tmp_path):
    desk.customers.create(Customer(name="已有客户科技有限公司"))
    before = counts(desk)
    path = write_csv(tmp_path / "bad.csv", [
        HEADER,
        INSPUR,
        ["坏公司", "123", "abc", "火星", "", "太空", "很多", "", "1381234", "", "bad@"],
        HUASHENG,
        ["", "", "", "", "", "", "", "", "", "", ""],
        ["1234", "", "", "", "", "", "", "张三", "", "", ""],
    ])
    result = import_customers(desk.unit_of_work, path)
    assert counts(desk) == before  # not one customer, contact or outbox op
    assert not result.written and result.imported == 0
    assert [r.row for r in result.rejected] == [3, 6]
    three, six = result.rejected
    reasons = three.reasons()
    assert len(reasons) == 9, reasons
    for column in ("客户名称", "统一社会信用代码", "电话", "客户来源", "行业", "规模",
                   "联系人", "联系人手机", "邮箱"):
        assert any(r.startswith(column + ":") for r in reasons), column
    assert any("at least 4" in r for r in reasons)
    assert six.name == "1234" and any("only digits" in r for r in six.reasons())
    data = result.as_dict()
    assert json.loads(json.dumps(data))["rejected"][0]["row"] == 3


def test_partial_writes_only_the_valid_rows(desk, tmp_path):
    path = write_csv(tmp_path / "mixed.csv", [
        HEADER, INSPUR, ["坏公司", "", "", "", "", "", "", "", "", "", ""], HUASHENG,
    ])
    result = import_customers(desk.unit_of_work, path, partial=True)
    assert result.written and result.imported == 2
    assert [r.row for r in result.rejected] == [3]
    assert set(customers(desk)) == {INSPUR[0], HUASHENG[0]}


def test_duplicates_in_the_file_and_in_the_database_are_never_created_twice(desk, tmp_path):
    existing = desk.customers.create(Customer(name="北京百度网讯科技有限公司",
                                              uscc="91110000802100433B"))
    path = write_csv(tmp_path / "dups.csv", [
        ["name", "uscc"],
        ["北京市百度网讯科技有限公司", ""],  # 2: same normalised name as the database's
        ["百度在线网络技术（北京）有限公司", "91110000802100433B"],  # 3: same code
        ["浪潮电子信息产业股份有限公司", ""],  # 4: new
        ["浪潮电子信息产业 有限公司", ""],  # 5: same as row 4
        ["腾讯科技（深圳）有限公司", "91440300708461136T"],  # 6: new
        ["深圳市腾讯计算机系统有限公司", "91440300708461136T"],  # 7: row 6's code
    ])
    result = import_customers(desk.unit_of_work, path)
    assert result.imported == 2
    found = {(d.row, d.match, d.existing, d.existing_row) for d in result.duplicates}
    assert found == {
        (2, "name", existing.name, None),
        (3, "uscc", existing.name, None),
        (5, "name", "浪潮电子信息产业股份有限公司", 4),
        (7, "uscc", "腾讯科技（深圳）有限公司", 6),
    }
    assert len(customers(desk)) == 3
    # importing the same file again creates nothing
    again = import_customers(desk.unit_of_work, path)
    assert again.imported == 0 and len(again.duplicates) == 6
    assert len(customers(desk)) == 3


def test_merge_fills_only_empty_fields_and_adds_new_contacts(desk, tmp_path):
    existing = desk.customers.create(
        Customer(name="济南华盛精密机械有限公司", address="济南市高新区舜华路1号",
                 source=Source.WALK_IN),
        [Contact(customer_id="", name="李娜", mobile="13912345678")],
    )
    ops_before = counts(desk)[2]
    path = write_csv(tmp_path / "merge.csv", [
        ["客户名称", "电话", "地址", "行业", "客户来源", "联系人", "联系人手机", "状态"],
        ["济南市华盛精密机械有限公司", "0531-88886666", "别的地址", "机械设备", "电话", "李娜",
         "13912345678", "已签约"],
        ["济南华盛精密机械有限公司", "0531-22221111", "", "", "", "赵强", "13700001111", ""],
        ["华盛（济南）精密机械有限公司", "", "", "化工", "", "赵强", "", ""],
    ])
    result = import_customers(desk.unit_of_work, path, on_duplicate="merge")
    assert (result.imported, result.merged, result.duplicates) == (0, 3, [])
    detail = desk.customers.detail(existing.id)
    merged = detail.customer
    assert merged.phone == "0531-88886666"  # was empty: filled by the first row
    assert merged.address == "济南市高新区舜华路1号"  # never overwritten
    assert merged.industry is Industry.MACHINERY  # the first value wins
    assert merged.source is Source.WALK_IN and merged.status is CustomerStatus.POTENTIAL
    assert sorted(c.name for c in detail.contacts) == ["李娜", "赵强"]
    ops = [dict(r) for r in desk.db.reader.execute(
        "SELECT * FROM outbox ORDER BY seq LIMIT -1 OFFSET ?", (ops_before,))]
    assert [(op["entity"], op["op"]) for op in ops] == [
        ("customer", "update"), ("contact", "create")]
    assert set(json.loads(ops[0]["fields"])) == {"phone", "industry"}
    # the new contact's mobile is searchable on the customer
    assert desk.customers.count(desk.customers.criteria("13700001111")) == 1


def test_merge_of_rows_within_the_file_makes_one_customer(desk, tmp_path):
    path = write_csv(tmp_path / "same.csv", [
        ["公司名称", "联系人", "手机", "网址"],
        ["杭州远通物流有限公司", "陈静", "13588889999", ""],
        ["远通物流（杭州）有限公司", "周磊", "13588880000", "www.yuantong.com"],
    ])
    result = import_customers(desk.unit_of_work, path, on_duplicate="merge")
    assert (result.imported, result.merged) == (1, 1)
    (row,) = customers(desk).values()
    assert row["website"] == "www.yuantong.com"
    names = {r["name"] for r in desk.db.reader.execute("SELECT name FROM contact")}
    assert names == {"陈静", "周磊"}


def uscc(first17: str) -> str:
    """A valid credit code: *first17* and its check character."""
    return first17 + uscc_check_char(first17)


# Two companies whose names have the same key under any rule of the name key
# (no region on either side, only the legal form differs), with two codes.
LANGCHAO_SHARES = ("浪潮电子信息产业股份有限公司", uscc("91370000163446410"))
LANGCHAO_LTD = ("浪潮电子信息产业有限公司", uscc("91370100MA3C8N2K4"))


def test_a_merge_never_joins_rows_whose_credit_codes_differ(desk, tmp_path):
    name, code = LANGCHAO_SHARES
    existing = desk.customers.create(
        Customer(name=name, uscc=code),
        [Contact(customer_id="", name="王建国", mobile="13812345678")],
    )
    path = write_csv(tmp_path / "other.csv", [
        ["客户名称", "统一社会信用代码", "网址", "联系人", "联系人手机"],
        [*LANGCHAO_LTD, "www.langchao-ltd.com", "老王", "13916001234"],
        [LANGCHAO_LTD[0], "", "", "赵强", "13700001111"],  # 3: the same as row 2
    ])
    result = import_customers(desk.unit_of_work, path, on_duplicate="merge")
    assert (result.imported, result.merged, result.duplicates) == (1, 1, [])
    (possible,) = result.possible
    assert (possible.row, possible.existing, possible.existing_uscc) == (2, name, code)
    assert possible.existing_id == existing.id and possible.existing_row is None
    # the existing company got nothing of the other one
    kept = desk.customers.detail(existing.id)
    assert kept.customer == existing
    assert [c.name for c in kept.contacts] == ["王建国"]
    stored = customers(desk)
    assert set(stored) == {name, LANGCHAO_LTD[0]}
    other = stored[LANGCHAO_LTD[0]]
    assert (other["uscc"], other["website"]) == (LANGCHAO_LTD[1], "www.langchao-ltd.com")
    contacts = {r["name"]: r["customer_id"] for r in desk.db.reader.execute(
        "SELECT name, customer_id FROM contact")}
    assert contacts == {"王建国": existing.id, "老王": other["id"], "赵强": other["id"]}
    assert result.as_dict()["possible_duplicates"] == [{
        "row": 2, "name": LANGCHAO_LTD[0], "uscc": LANGCHAO_LTD[1], "existing": name,
        "existing_uscc": code, "existing_row": None, "why": "uscc",
    }]


def test_the_reported_row_never_goes_into_another_provinces_company(desk, tmp_path):
    # The case: 上海科康… merged into 安徽科康… (another code) on the demo.
    anhui = desk.customers.create(Customer(
        name="安徽科康医药连锁股份有限公司", uscc=uscc("91340100MA2N0K1R5"),
    ))
    path = write_csv(tmp_path / "x.csv", [
        ["客户名称", "统一社会信用代码", "网址", "联系人", "联系人手机"],
        ["上海科康医药连锁股份有限公司", "91310115MA1K4Q8P3X", "www.shkekang.com", "上海老王",
         "13916001234"],
    ])
    result = import_customers(desk.unit_of_work, path, on_duplicate="merge")
    assert (result.imported, result.merged, result.duplicates) == (1, 0, [])
    assert desk.customers.detail(anhui.id).customer == anhui
    assert desk.customers.detail(anhui.id).contacts == []
    shanghai = customers(desk)["上海科康医药连锁股份有限公司"]
    assert (shanghai["uscc"], shanghai["website"]) == ("91310115MA1K4Q8P3X", "www.shkekang.com")


def test_rows_with_the_same_name_and_other_codes_are_imported_not_skipped(desk, tmp_path):
    desk.customers.create(Customer(name=LANGCHAO_SHARES[0], uscc=LANGCHAO_SHARES[1]))
    third = uscc("91370100MA3C8N2L5")
    path = write_csv(tmp_path / "skip.csv", [
        ["name", "uscc"],
        list(LANGCHAO_LTD),  # 2: the database's namesake, another code
        ["浪潮电子信息产业有限责任公司", third],  # 3: row 2's namesake, a third code
        [LANGCHAO_SHARES[0], LANGCHAO_SHARES[1]],  # 4: the database's own
    ])
    result = import_customers(desk.unit_of_work, path)  # on_duplicate="skip"
    assert result.imported == 2
    assert [(d.row, d.match) for d in result.duplicates] == [(4, "uscc")]
    assert [(p.row, p.existing_row) for p in result.possible] == [(2, None), (3, 2)]
    assert result.possible[1].existing_uscc == LANGCHAO_LTD[1]
    codes = {r["uscc"] for r in customers(desk).values()}
    assert codes == {LANGCHAO_SHARES[1], LANGCHAO_LTD[1], third}


def test_a_row_without_a_code_named_like_two_companies_is_not_merged(desk, tmp_path):
    shares = desk.customers.create(Customer(name=LANGCHAO_SHARES[0], uscc=LANGCHAO_SHARES[1]))
    ltd = desk.customers.create(Customer(name=LANGCHAO_LTD[0], uscc=LANGCHAO_LTD[1]))
    path = write_csv(tmp_path / "which.csv", [
        ["客户名称", "电话", "联系人"],
        ["浪潮电子信息产业有限责任公司", "0531-85106000", "老王"],  # which of the two?
        ["浪潮电子信息产业 有限公司", "0531-88886666", "赵强"],  # exactly ltd's name
    ])
    result = import_customers(desk.unit_of_work, path, on_duplicate="merge")
    assert (result.imported, result.merged, result.possible) == (0, 1, [])
    (dup,) = result.duplicates
    assert (dup.row, dup.match) == (2, "ambiguous")
    assert dup.existing == "、".join([LANGCHAO_SHARES[0], LANGCHAO_LTD[0]])
    assert desk.customers.detail(shares.id).customer == shares
    assert desk.customers.detail(shares.id).contacts == []
    merged = desk.customers.detail(ltd.id)
    assert merged.customer.phone == "0531-88886666"
    assert [c.name for c in merged.contacts] == ["赵强"]
    assert len(customers(desk)) == 2


def test_a_region_on_one_side_only_is_a_possible_duplicate_never_merged(desk, tmp_path):
    # The region is part of who a company is: 华盛精密机械 may or may not be
    # 济南华盛精密机械, so a merge imports it as a new customer and lists it.
    jinan = desk.customers.create(
        Customer(name="济南华盛精密机械有限公司"),
        [Contact(customer_id="", name="李娜", mobile="13912345678")],
    )
    path = write_csv(tmp_path / "region.csv", [
        ["客户名称", "电话", "联系人", "统一社会信用代码"],
        ["华盛精密机械有限公司", "0531-88886666", "赵强", ""],  # 2: no region
        ["华盛（济南）精密机械有限公司", "0531-22221111", "", ""],  # 3: jinan's, bracketed
        ["山东华盛精密机械有限公司", "", "", ""],  # 4: 济南 lies in 山东: possibly jinan
        ["青岛华盛精密机械有限公司", "", "", ""],  # 5: not jinan; possibly row 2
        ["北京华盛精密机械有限公司", "", "", uscc("91110108MA01ABCD1")],  # 6: possibly row 2
    ])
    result = import_customers(desk.unit_of_work, path, on_duplicate="merge")
    assert (result.imported, result.merged, result.duplicates) == (4, 1, [])
    found = [(p.row, p.existing, p.existing_row, p.why) for p in result.possible]
    assert found == [
        (2, jinan.name, None, "region"),
        (4, jinan.name, None, "region"),
        (5, "华盛精密机械有限公司", 2, "region"),
        (6, "华盛精密机械有限公司", 2, "region"),
    ]
    assert result.possible[0].existing_id == jinan.id
    merged = desk.customers.detail(jinan.id)
    assert merged.customer.phone == "0531-22221111"  # only row 3 went into it
    assert [c.name for c in merged.contacts] == ["李娜"]
    assert set(customers(desk)) == {
        "济南华盛精密机械有限公司", "华盛精密机械有限公司", "山东华盛精密机械有限公司",
        "青岛华盛精密机械有限公司", "北京华盛精密机械有限公司",
    }


def test_unknown_columns_are_ignored_with_a_warning(desk, tmp_path):
    path = write_csv(tmp_path / "extra.csv", [["客户名称", "负责人", "Foo"],
                                              ["青岛海天食品有限公司", "x", "y"]])
    result = import_customers(desk.unit_of_work, path)
    assert result.imported == 1
    (warning,) = result.warnings
    assert "负责人" in warning.render() and "Foo" in warning.render()


def test_region_splitting():
    assert split_region("山东省 济南市") == ("山东省", "济南市")
    assert split_region("山东/济南") == ("山东省", "济南市")
    assert split_region("山东省济南市") == ("山东省", "济南市")
    assert split_region("济南") == ("山东省", "济南市")
    assert split_region("广东") == ("广东省", "")
    assert split_region("北京 海淀区") == ("北京市", "海淀区")
    assert split_region("新加坡") == ("新加坡", "")


def _garbage() -> bytes:
    return random.Random(4).randbytes(3000)


def _truncated_xlsx(tmp_path: Path) -> bytes:
    data = write_xlsx(tmp_path / "whole.xlsx", [HEADER, INSPUR]).read_bytes()
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.csv", lambda _: b"", "is empty"),
        ("blank.csv", lambda _: b"\r\n \r\n", "is empty"),
        ("header.csv", lambda _: "客户名称,电话\r\n".encode(), "no customers"),
        ("garbage.csv", lambda _: _garbage(), "not a CSV or XLSX"),
        ("garbage.xlsx", lambda _: _garbage(), "not a readable XLSX"),
        ("cut.xlsx", _truncated_xlsx, "not a readable XLSX"),
        ("old.xls", lambda _: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old .xls"),
        ("latin.csv", lambda _: b"name\r\nM\xfcller \xff GmbH\r\n", "neither UTF-8 nor GBK"),
        ("noname.csv", lambda _: "电话,地址\r\n0531-1234567,济南\r\n".encode(),
         "no column of customer names"),
        ("quotes.csv", lambda _: b'name,phone\r\n"abc"def,1\r\n', "not valid CSV"),
        ("twice.csv", lambda _: "客户名称,公司名称\r\na,b\r\n".encode(), "mean the same"),
    ],
)
def test_broken_files_are_refused_with_a_clear_message(desk, tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content(tmp_path))
    with pytest.raises(ImportFileError) as caught:
        import_customers(desk.unit_of_work, path)
    assert expected in caught.value.render()
    assert counts(desk) == (0, 0, 0)


def test_a_missing_file(desk, tmp_path):
    with pytest.raises(ImportFileError, match="does not exist"):
        import_customers(desk.unit_of_work, tmp_path / "nope.csv")


def test_a_failure_while_writing_leaves_the_database_untouched(desk, tmp_path):
    """One transaction: a crash after the customers were inserted keeps nothing."""
    path = write_csv(tmp_path / "list.csv", [HEADER, INSPUR, HUASHENG])

    class CrashError(Exception):
        pass

    def crashing_uow() -> UnitOfWork:
        uow = desk.unit_of_work()
        enter = uow.__enter__

        def entered():
            opened = enter()

            def fail(*_args, **_kwargs):
                raise CrashError

            opened.contacts.add_many = fail  # after the customers' INSERT
            return opened

        uow.__enter__ = entered
        return uow

    class Wrapper:
        def __call__(self):
            return _Entering(crashing_uow())

    with pytest.raises(CrashError):
        import_customers(Wrapper(), path)
    assert counts(desk) == (0, 0, 0)


class _Entering:
    """A context manager around a unit of work whose ``__enter__`` was replaced."""

    def __init__(self, uow) -> None:
        self.uow = uow

    def __enter__(self):
        return self.uow.__enter__()

    def __exit__(self, *exc):
        return self.uow.__exit__(*exc)


def test_bad_on_duplicate_value(desk, tmp_path):
    path = write_csv(tmp_path / "list.csv", [HEADER, INSPUR])
    with pytest.raises(ValueError):
        import_customers(desk.unit_of_work, path, on_duplicate="overwrite")  # type: ignore[arg-type]


def test_common_source_words_import_as_their_source(desk, tmp_path):
    rows = [HEADER, [*INSPUR[:3], "展会", *INSPUR[4:]], [*HUASHENG[:3], "转介绍", *HUASHENG[4:]]]
    result = import_customers(desk.unit_of_work, write_csv(tmp_path / "words.csv", rows))
    assert result.imported == 2 and not result.rejected
    found = dict(desk.db.reader.execute("SELECT name, source FROM customer").fetchall())
    assert found == {INSPUR[0]: "marketing_event", HUASHENG[0]: "referral"}
