"""The import wizard's service: the importer's rules with the user's column
mapping, checked without writing, imported with cancel, rejected rows saved."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from erpdesk.app import open_desk
from erpdesk.domain.customer import Customer
from erpdesk.services.import_preview import (
    check_import,
    column_letter,
    guess_mapping,
    mapping_layout,
    mapping_problems,
    read_import_file,
    run_import,
    save_rejected,
    unit_of_work,
)
from erpdesk.services.importer import (
    ImportCancelled,
    ImportFileError,
    import_customers,
    read_table,
)

HEADER = ["客户名称", "统一社会信用代码", "电话", "客户来源", "地区", "联系人", "联系人手机"]
GOOD = [
    ["青岛海纳重工机械有限公司", "", "0532-88886666", "展会", "山东 青岛", "王海", "13812345678"],
    ["潍坊恒通物流有限公司", "", "0536-8123456", "phone", "山东 潍坊", "孙丽", "13712345678"],
]
BROKEN = [
    GOOD[0],
    ["济南明德软件有限公司", "91370100MA3C12345X", "0531-88887777", "网络", "山东/济南", "", ""],
    ["烟台东方食品有限公司", "", "abc-123", "火星来客", "山东 烟台", "赵强", "13912345678"],
    GOOD[0],  # the same customer as row 2
    GOOD[1],
]


@pytest.fixture
def desk(tmp_path):
    opened = open_desk(tmp_path / "desk.db", owner="li.na")
    yield opened
    opened.close()


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def customer_names(desk) -> list[str]:
    return [r[0] for r in desk.db.reader.execute("SELECT name FROM customer ORDER BY name")]


def checked(desk, path: Path, **options):
    file = read_import_file(path)
    layout = mapping_layout(file, guess_mapping(file.header))
    return file, layout, check_import(unit_of_work(desk.customers), file, layout, **options)


def test_guess_mapping_reads_chinese_and_english_headers_once_per_field():
    mapping = guess_mapping(["Company", "统一社会信用代码", "Mobile", "notes?", "名称", ""])
    assert mapping == {0: "name", 1: "uscc", 2: "mobile"}  # 名称 is a second name column


def test_mapping_problems_name_a_missing_name_and_a_field_chosen_twice():
    problems = mapping_problems({0: "phone", 1: "phone", 2: "city"})
    assert problems.missing == ("name",)
    assert problems.twice == (("phone", (0, 1)),)
    assert not mapping_problems({3: "name"})
    with pytest.raises(ValueError):
        mapping_layout(read_import_file_stub(), {0: "phone"})


def read_import_file_stub():
    from erpdesk.services.import_preview import ImportFile

    return ImportFile(Path("x.csv"), ["电话"], [(2, ["0531-88887777"])])


def test_check_reports_each_row_as_the_cli_does_and_writes_nothing(desk, tmp_path):
    path = write_csv(tmp_path / "broken.csv", [HEADER, *BROKEN])
    _file, _layout, preview = checked(desk, path)
    assert [r.state for r in preview.rows] == ["new", "rejected", "rejected", "duplicate", "new"]
    assert preview.valid == 3 and preview.count("rejected") == 2
    assert customer_names(desk) == []
    # the same problems, row by row, as ``erpdesk import customers``
    cli = import_customers(desk.unit_of_work, path)
    assert [(r.row, r.reasons()) for r in cli.rejected] == [
        (r.row, r.reasons()) for r in preview.result.rejected
    ]
    assert customer_names(desk) == []
    # the bad phone and the unknown source are in their own cells
    cells = preview.problem_columns(preview.rows[2])
    assert sorted(cells) == [HEADER.index("电话"), HEADER.index("客户来源")]
    assert "火星来客" in cells[HEADER.index("客户来源")][0].render()


def test_valid_only_imports_the_valid_rows_and_all_imports_nothing(desk, tmp_path):
    path = write_csv(tmp_path / "broken.csv", [HEADER, *BROKEN])
    file, layout, _preview = checked(desk, path)
    uow = unit_of_work(desk.customers)
    refused = run_import(uow, file, layout, valid_only=False, owner="li.na")
    assert not refused.written and customer_names(desk) == []
    done = run_import(uow, file, layout, valid_only=True, owner="li.na")
    assert done.written and done.imported == 2 and len(done.duplicates) == 1
    assert customer_names(desk) == sorted([GOOD[0][0], GOOD[1][0]])
    owners = {r[0] for r in desk.db.reader.execute("SELECT owner FROM customer")}
    assert owners == {"li.na"}


def test_a_mapping_edit_changes_the_result(desk, tmp_path):
    rows = [["企业", "Phone"], ["青岛海纳重工机械有限公司", "0532-88886666"]]
    file = read_import_file(write_csv(tmp_path / "plain.csv", rows))
    mapping = guess_mapping(file.header)
    assert mapping == {1: "phone"} and mapping_problems(mapping).missing == ("name",)
    mapping[0] = "name"
    layout = mapping_layout(file, mapping)
    preview = check_import(unit_of_work(desk.customers), file, layout)
    assert [r.state for r in preview.rows] == ["new"]
    mapping[1] = "mobile"  # a company phone is not a mobile
    preview = check_import(unit_of_work(desk.customers), file, mapping_layout(file, mapping))
    assert [r.state for r in preview.rows] == ["rejected"]


def test_merge_is_shown_per_row_before_it_is_done(desk, tmp_path):
    desk.customers.create(Customer(name=GOOD[1][0]))
    path = write_csv(tmp_path / "good.csv", [HEADER, *GOOD])
    _file, _layout, skip = checked(desk, path)
    assert [r.state for r in skip.rows] == ["new", "duplicate"]
    _file, _layout, merge = checked(desk, path, on_duplicate="merge")
    assert [r.state for r in merge.rows] == ["new", "merge"]
    assert merge.rows[1].duplicate is not None
    assert merge.rows[1].duplicate.existing == GOOD[1][0]


def test_cancel_rolls_back(desk, tmp_path):
    path = write_csv(tmp_path / "good.csv", [HEADER, *GOOD])
    file, layout, _preview = checked(desk, path)
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > len(GOOD)  # every row read, stopped before the commit

    with pytest.raises(ImportCancelled):
        run_import(unit_of_work(desk.customers), file, layout, valid_only=True,
                   cancelled=cancelled)
    assert customer_names(desk) == []


def test_unreadable_files_raise_the_importers_errors(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    header_only = write_csv(tmp_path / "header.csv", [HEADER])
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    for path, words in ((empty, "is empty"), (header_only, "no customers"),
                        (old, "old .xls"), (tmp_path / "none.csv", "does not exist")):
        with pytest.raises(ImportFileError) as caught:
            read_import_file(path)
        assert words in caught.value.render()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_rejected_rows_are_saved_with_their_reasons(desk, tmp_path, suffix):
    path = write_csv(tmp_path / "broken.csv", [["2025年名单"], HEADER, *BROKEN])
    file, layout, _preview = checked(desk, path)
    result = run_import(unit_of_work(desk.customers), file, layout, valid_only=True)
    target = tmp_path / f"rejected{suffix}"
    assert save_rejected(result, file, target, reasons_header="问题") == 2
    table = [cells for _n, cells in read_table(target)]
    assert table[0] == [*HEADER, "问题"]
    assert [cells[0] for cells in table[1:]] == ["济南明德软件有限公司", "烟台东方食品有限公司"]
    assert "abc-123" in table[2][-1] and "火星来客" in table[2][-1]


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 27)] == ["A", "Z", "AA", "AB"]


def test_a_gbk_csv_with_english_headers_is_read(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes("Company,Mobile,Contact\n青岛海纳重工机械有限公司,13812345678,王海\n"
                     .encode("gbk"))
    file = read_import_file(path)
    assert file.rows == [(2, ["青岛海纳重工机械有限公司", "13812345678", "王海"])]
    assert guess_mapping(file.header) == {0: "name", 1: "mobile", 2: "contact"}
