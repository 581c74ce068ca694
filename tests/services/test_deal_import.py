"""Importing deals from CSV and XLSX files into a real database: headers in
both languages, GBK, XLSX, all or nothing, partial, the customer rules, bad
values reported all at once, exact Decimal, the creation history and the
outbox."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from erpdesk.app import open_desk
from erpdesk.domain.customer import Customer
from erpdesk.domain.deal import DealStatus, MoveKind
from erpdesk.services.deal_import import import_deals
from erpdesk.services.importer import ImportFileError
from erpdesk.storage.deal_queries import DealCriteria

NOW = datetime(2026, 6, 15, 8, 0, tzinfo=UTC)
INSPUR = "浪潮电子信息产业股份有限公司"
INSPUR_USCC = "91370000163446410B"
HUASHENG = "济南华盛精密机械有限公司"
ZH = ["客户名称", "商机名称", "预计金额", "阶段", "预计成交日期", "负责人", "竞争对手"]
EN = ["Customer", "Name", "Amount", "Stage", "Close date", "Owner", "Competitors"]


@pytest.fixture
def desk(tmp_path):
    opened = open_desk(tmp_path / "desk.db", owner="li.na")
    opened.customers.create(Customer(name=INSPUR, uscc=INSPUR_USCC))
    opened.customers.create(Customer(name=HUASHENG))
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


def run(desk, path: Path, **kwargs):
    return import_deals(
        desk.unit_of_work, path, desk.deals.playbook, user="li.na", now=NOW, **kwargs
    )


def deals(desk):
    return sorted(
        desk.deals._queries.deals(DealCriteria(closed_since=date.min)), key=lambda d: d.name
    )


def counts(desk) -> tuple[int, ...]:
    return tuple(
        desk.db.reader.execute(
            "SELECT (SELECT count(*) FROM deal), (SELECT count(*) FROM stage_change),"
            " (SELECT count(*) FROM outbox WHERE entity IN ('deal', 'stage_change'))"
        ).fetchone()
    )


def test_chinese_headers_gbk(desk, tmp_path):
    path = write_csv(tmp_path / "d.csv", [
        ["2026年商机清单"],  # a title row above the header
        ZH,
        [INSPUR, "ERP一期", "150万", "3", "2026/12/31", "张伟", "用友、金蝶"],
        [HUASHENG, "仓储条码", "￥1,234.56", "影响及跟进客户立项", "2026年9月30日", "", ""],
    ], encoding="gbk")  # fmt: skip
    result = run(desk, path)
    assert result.rejected == [] and result.imported == 2 and result.written
    erp, wms = deals(desk)
    assert (erp.name, erp.amount, erp.stage, erp.close_date) == (
        "ERP一期", Decimal("1500000.00"), 3, date(2026, 12, 31)
    )  # fmt: skip
    assert erp.owner == "张伟" and erp.competitors == ("用友", "金蝶")
    assert erp.probability == 30 and erp.status is DealStatus.OPEN
    assert (wms.amount, wms.stage, wms.owner) == (Decimal("1234.56"), 4, "li.na")


def test_english_headers_xlsx_code_names(desk, tmp_path):
    path = write_xlsx(tmp_path / "d.xlsx", [
        EN,
        [INSPUR, "MES", 98765.43, "negotiation", datetime(2026, 10, 1), "zhang.wei", "SAP"],
        [HUASHENG, "HR", "0.05", 1, date(2026, 8, 1), None, None],
    ])  # fmt: skip
    result = run(desk, path)
    assert result.imported == 2, result.as_dict()
    hr, mes = deals(desk)
    assert mes.amount == Decimal("98765.43") and mes.stage == 6 and mes.probability == 80
    assert mes.close_date == date(2026, 10, 1)
    assert hr.amount == Decimal("0.05") and hr.stage == 1


def test_uscc_column_names_the_customer(desk, tmp_path):
    path = write_csv(tmp_path / "d.csv", [
        ["统一社会信用代码", "商机名称", "预计金额"],
        [INSPUR_USCC.lower(), "二期", "10"],
        ["91110000000000000X", "三期", "10"],
    ])  # fmt: skip
    result = run(desk, path, partial=True)
    assert result.imported == 1
    (deal,) = deals(desk)
    assert desk.deals._queries.customer_name(deal.customer_id) == INSPUR
    (rejected,) = result.rejected
    assert rejected.row == 3
    assert "91110000000000000X" in " ".join(rejected.reasons())


def test_creation_history_and_outbox(desk, tmp_path):
    path = write_csv(tmp_path / "d.csv", [ZH, [INSPUR, "ERP一期", "150万", "5", "", "", ""]])
    run(desk, path)
    (deal,) = deals(desk)
    (change,) = desk.deals._queries.history(deal.id)
    assert change.kind is MoveKind.CREATED and change.to_stage == 5
    assert change.from_stage is None and change.reason == "imported"
    assert change.by == "li.na" and change.overridden == ()
    assert deal.stage_entered_at == change.at == NOW
    ops = [
        tuple(r)
        for r in desk.db.reader.execute("SELECT entity, entity_id, op FROM outbox ORDER BY rowid")
    ]
    assert ("deal", deal.id, "create") in ops and ("stage_change", change.id, "create") in ops


def test_all_or_nothing_reports_every_problem(desk, tmp_path):
    path = write_csv(tmp_path / "d.csv", [
        ZH,
        [INSPUR, "好的", "100", "1", "2026-12-31", "", ""],
        [INSPUR, "负数", "-5", "2", "2026-12-31", "", ""],
        ["不存在的公司", "无客户", "abc", "9", "2026-02-30", "", ""],
        [HUASHENG, "", "100", "赢单", "", "", ""],
    ])  # fmt: skip
    before = counts(desk)
    result = run(desk, path)
    assert not result.written and result.imported == 0
    assert counts(desk) == before
    by_row = {r.row: r.reasons() for r in result.rejected}
    assert set(by_row) == {3, 4, 5}
    assert len(by_row[3]) == 1 and by_row[3][0].startswith("预计金额: ")
    assert [r.split(":")[0] for r in by_row[4]] == ["客户名称", "预计金额", "阶段", "预计成交日期"]
    assert "不存在的公司" in by_row[4][0]
    assert any(r.startswith("商机名称: ") for r in by_row[5])
    assert any(r.startswith("阶段: ") for r in by_row[5])  # a status is not a stage


def test_partial_writes_the_valid_rows(desk, tmp_path):
    path = write_csv(tmp_path / "d.csv", [
        ZH, [INSPUR, "好的", "100", "1", "", "", ""], [INSPUR, "坏的", "x", "1", "", "", ""],
    ])  # fmt: skip
    result = run(desk, path, partial=True)
    assert result.written and result.imported == 1 and len(result.rejected) == 1
    assert [d.name for d in deals(desk)] == ["好的"]
    data = result.as_dict()
    assert data["imported"] == 1 and data["rejected"][0]["row"] == 3
    json.dumps(data, ensure_ascii=False)


def test_deleted_and_ambiguous_customers(desk, tmp_path):
    gone = desk.customers.create(Customer(name="北京已删除科技有限公司"))
    desk.customers.delete(gone.id)
    with desk.unit_of_work() as uow:  # namesakes with different credit codes
        uow.customers.add_many([
            (Customer(name="华盛精密机械有限公司", uscc="91370100MA3C5A1B2X"), []),
            (Customer(name="华盛精密机械股份有限公司", uscc="91370200MA3C5A1B2X"), []),
        ])  # fmt: skip
        uow.commit()
    path = write_csv(tmp_path / "d.csv", [
        ["客户", "商机"],
        ["北京已删除科技有限公司", "一期"],
        ["华盛精密机械集团有限公司", "二期"],
        ["华盛精密机械股份有限公司", "三期"],  # exactly one of them
    ])  # fmt: skip
    result = run(desk, path)
    reasons = {r.row: " ".join(r.reasons()) for r in result.rejected}
    assert set(reasons) == {2, 3}
    assert "has been deleted" in reasons[2]
    assert "Several customers" in reasons[3] and "华盛精密机械股份有限公司" in reasons[3]
    assert counts(desk)[0] == 0
    result = run(desk, path, partial=True)
    assert result.imported == 1
    (deal,) = deals(desk)
    assert desk.deals._queries.customer_name(deal.customer_id) == "华盛精密机械股份有限公司"


def test_exact_decimal_sums(desk, tmp_path):
    amounts = ["0.10", "0.20", "1234567890.12", "33.33", "66.67"]
    rows = [ZH] + [[INSPUR, f"D{i}", a, "2", "", "", ""] for i, a in enumerate(amounts)]
    run(desk, write_csv(tmp_path / "d.csv", rows))
    report = desk.deals.funnel()
    assert report.stages[1].amount == Decimal("1234567990.42")
    assert report.open.amount == sum(Decimal(a) for a in amounts)
    # each deal's weighted amount rounded half-up to the fen, then summed
    assert report.stages[1].weighted == Decimal("0.02") + Decimal("0.04") + Decimal(
        "246913578.02"
    ) + Decimal("6.67") + Decimal("13.33")


def test_unreadable_files(desk, tmp_path):
    with pytest.raises(ImportFileError):
        run(desk, tmp_path / "missing.csv")
    no_customer = write_csv(tmp_path / "a.csv", [["商机名称", "预计金额"], ["x", "1"]])
    with pytest.raises(ImportFileError) as info:
        run(desk, no_customer)
    assert "客户名称" in info.value.render()
    no_name = write_csv(tmp_path / "b.csv", [["客户名称", "预计金额"], [INSPUR, "1"]])
    with pytest.raises(ImportFileError) as info:
        run(desk, no_name)
    assert "商机名称" in info.value.render()
    empty = write_csv(tmp_path / "c.csv", [ZH])
    with pytest.raises(ImportFileError):
        run(desk, empty)
    assert counts(desk) == (0, 0, 0)


def test_unknown_columns_warn(desk, tmp_path):
    path = write_csv(
        tmp_path / "d.csv", [[*ZH, "加权金额"], [INSPUR, "x", "1", "", "", "", "", "9"]]
    )
    result = run(desk, path)
    assert result.imported == 1
    assert "加权金额" in result.warnings[0].render()


def outbox_count(desk) -> int:
    return desk.db.reader.execute("SELECT count(*) FROM outbox").fetchone()[0]


def test_importing_the_same_file_twice_skips_every_row(desk, tmp_path):
    path = write_csv(tmp_path / "d.csv", [
        ZH,
        [INSPUR, "ERP一期", "150万", "3", "", "", ""],
        [HUASHENG, "仓储条码", "10", "1", "", "", ""],
    ])  # fmt: skip
    assert run(desk, path).imported == 2
    before, ops = counts(desk), outbox_count(desk)
    result = run(desk, path)
    assert result.imported == 0 and result.rejected == []
    assert [(d.row, d.name, d.existing, d.match, d.existing_row) for d in result.duplicates] == [
        (2, "ERP一期", "ERP一期", "name", None), (3, "仓储条码", "仓储条码", "name", None),
    ]  # fmt: skip
    assert counts(desk) == before and outbox_count(desk) == ops
    data = result.as_dict()
    assert data["imported"] == 0 and len(data["duplicates"]) == 2
    assert data["duplicates"][0] == {
        "row": 2, "name": "ERP一期", "existing": "ERP一期", "match": "name", "existing_row": None
    }  # fmt: skip
    json.dumps(data, ensure_ascii=False)


def test_a_repeated_row_is_a_duplicate_of_the_first(desk, tmp_path):
    path = write_csv(tmp_path / "d.csv", [
        ZH,
        [INSPUR, "ERP一期", "100", "1", "", "", ""],
        [INSPUR, "MES", "100", "1", "", "", ""],
        [INSPUR, "ERP一期", "200", "2", "", "", ""],
    ])  # fmt: skip
    result = run(desk, path)
    assert result.imported == 2 and result.written
    (dup,) = result.duplicates
    assert (dup.row, dup.existing_row, dup.existing) == (4, 2, "ERP一期")
    assert [(d.name, d.amount) for d in deals(desk)] == [
        ("ERP一期", Decimal("100.00")), ("MES", Decimal("100.00")),
    ]  # fmt: skip


def test_a_rejected_row_does_not_hide_a_later_valid_one(desk, tmp_path):
    path = write_csv(tmp_path / "d.csv", [
        ZH,
        [INSPUR, "ERP一期", "abc", "1", "", "", ""],
        [INSPUR, "ERP一期", "100", "1", "", "", ""],
    ])  # fmt: skip
    result = run(desk, path, partial=True)
    assert result.imported == 1 and result.duplicates == [] and len(result.rejected) == 1


def test_names_differing_in_width_case_and_spaces_are_the_same_deal(desk, tmp_path):
    first = write_csv(tmp_path / "a.csv", [ZH, [INSPUR, "ERP Phase 1", "100", "1", "", "", ""]])
    run(desk, first)
    again = write_csv(tmp_path / "b.csv", [
        ZH,
        [INSPUR, "  ＥＲＰ　phase  1 ", "100", "1", "", "", ""],  # full-width, case, spaces
        [INSPUR, "ERP Phase 2", "100", "1", "", "", ""],
    ])  # fmt: skip
    result = run(desk, again)
    assert result.imported == 1
    (dup,) = result.duplicates
    assert dup.row == 2 and dup.existing == "ERP Phase 1" and dup.existing_row is None


def test_the_same_name_at_another_customer_is_not_a_duplicate(desk, tmp_path):
    run(desk, write_csv(tmp_path / "a.csv", [ZH, [INSPUR, "ERP一期", "100", "1", "", "", ""]]))
    path = write_csv(tmp_path / "b.csv", [ZH, [HUASHENG, "ＥＲＰ一期", "100", "1", "", "", ""]])
    result = run(desk, path)
    assert result.imported == 1 and result.duplicates == []
    assert [d.name for d in deals(desk)] == ["ERP一期", "ＥＲＰ一期"]


def test_closed_deals_count_deleted_ones_do_not(desk, tmp_path):
    inspur = next(
        c for c in desk.customers.page(desk.customers.criteria(), limit=10) if c.name == INSPUR
    )
    lost = desk.deals.create(inspur.id, "丢了", amount="12.34")
    desk.deals.move(lost.id, DealStatus.LOST, lost_reason="price")
    won = desk.deals.create(inspur.id, "已签", amount="880000.50", stage=7)
    for item in desk.deals.playbook.stage(7).checklist:
        desk.deals.tick(won.id, item.code, True)
    desk.deals.move(won.id, DealStatus.WON)
    gone = desk.deals.create(inspur.id, "删掉的", amount="1")
    desk.deals.delete(gone.id)
    path = write_csv(tmp_path / "d.csv", [
        ZH,
        [INSPUR, "已签", "1", "1", "", "", ""],
        [INSPUR, "丢了", "1", "1", "", "", ""],
        [INSPUR, "删掉的", "1", "1", "", "", ""],
    ])  # fmt: skip
    result = run(desk, path)
    assert [d.row for d in result.duplicates] == [2, 3]
    assert result.imported == 1
    assert sorted(d.existing_id for d in result.duplicates) == sorted([won.id, lost.id])
