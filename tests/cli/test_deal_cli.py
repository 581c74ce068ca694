"""``erpdesk import deals``, ``erpdesk export pipeline`` and ``erpdesk demo
--deals`` through the command line, on real databases; the export read back
with openpyxl."""

from __future__ import annotations

import csv
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from erpdesk.app import open_desk
from erpdesk.cli.main import main
from erpdesk.domain.customer import Customer
from erpdesk.domain.deal import DealStatus

INSPUR = "浪潮电子信息产业股份有限公司"
ROWS = [
    ["客户名称", "商机名称", "预计金额", "阶段", "预计成交日期", "负责人", "竞争对手"],
    [INSPUR, "ERP一期", "1234567.89", "3", "2026-12-31", "zhang.wei", "用友"],
    [INSPUR, "仓储条码", "0.05", "影响及跟进客户立项", "2026-09-30", "li.na", ""],
    [INSPUR, "财务共享", "33333.33", "discover", "2026-10-31", "zhang.wei", ""],
]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "desk.db"
    desk = open_desk(path, owner="zhang.wei")
    try:
        desk.customers.create(Customer(name=INSPUR))
    finally:
        desk.close()
    return path


def test_import_deals_json(db, tmp_path, capsys):
    path = write_csv(tmp_path / "d.csv", [*ROWS, ["没有的公司", "x", "abc", "9", "", "", ""]])
    code, out, _ = run(capsys, "--db", str(db), "--lang", "en", "import", "deals", str(path),
                       "--json")  # fmt: skip
    assert code == 1
    data = json.loads(out)
    assert data["imported"] == 0 and data["written"] is False and data["rows"] == 4
    (rejected,) = data["rejected"]
    assert rejected["row"] == 5 and len(rejected["reasons"]) == 3
    code, out, _ = run(capsys, "--db", str(db), "--lang", "en", "import", "deals", str(path),
                       "--json", "--partial")  # fmt: skip
    assert code == 1 and json.loads(out)["imported"] == 3


def test_import_deals_text_in_chinese(db, tmp_path, capsys):
    path = write_csv(tmp_path / "d.csv", ROWS)
    code, out, _ = run(capsys, "--db", str(db), "--lang", "zh_CN", "import", "deals", str(path))
    assert code == 0
    assert "3" in out and str(path) in out
    desk = open_desk(db)
    try:
        assert desk.deals.funnel().open.amount == Decimal("1267901.27")
    finally:
        desk.close()


def test_import_unreadable_file(db, tmp_path, capsys):
    path = write_csv(tmp_path / "d.csv", [["商机名称"], ["x"]])
    code, _, err = run(capsys, "--db", str(db), "--lang", "en", "import", "deals", str(path))
    assert code == 2 and "no column of customers" in err


def _closed_deals(db: Path) -> None:
    desk = open_desk(db, owner="zhang.wei")
    try:
        customer = desk.customers.page(desk.customers.criteria(), limit=1)[0]
        won = desk.deals.create(customer.id, "已签", amount="880000.50", stage=7)
        for item in desk.deals.playbook.stage(7).checklist:
            desk.deals.tick(won.id, item.code, True)
        desk.deals.move(won.id, DealStatus.WON)
        lost = desk.deals.create(customer.id, "丢了", amount="12.34")
        desk.deals.move(lost.id, DealStatus.LOST, lost_reason="price")
    finally:
        desk.close()


def test_export_pipeline_reads_back(db, tmp_path, capsys):
    run(capsys, "--db", str(db), "import", "deals", str(write_csv(tmp_path / "d.csv", ROWS)))
    _closed_deals(db)
    target = tmp_path / "pipeline.xlsx"
    code, _out, _ = run(capsys, "--db", str(db), "--lang", "zh_CN", "export", "pipeline",
                       str(target))  # fmt: skip
    assert code == 0 and target.exists()
    book = load_workbook(target)
    deals, summary = book.worksheets
    rows = list(deals.iter_rows(values_only=True))
    header = rows[0]
    assert header[:5] == ("客户名称", "商机名称", "阶段", "状态", "预计金额")
    body = {r[1]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    assert set(body) == {"ERP一期", "仓储条码", "财务共享"}  # open deals only
    erp = body["ERP一期"]
    assert erp["阶段"] == "引导及确认客户意向" and erp["状态"] == "进行中"
    assert Decimal(str(erp["预计金额"])) == Decimal("1234567.89")
    assert erp["概率(%)"] == 30
    assert Decimal(str(erp["加权金额"])) == Decimal("370370.37")
    assert erp["负责人"] == "zhang.wei" and erp["在阶段天数"] == 0
    assert deals.cell(2, 5).number_format == "[$¥-804]#,##0.00"
    assert Decimal(str(body["仓储条码"]["加权金额"])) == Decimal("0.03")  # 0.025 half-up
    # the summary: the report's numbers
    srows = list(summary.iter_rows(values_only=True))
    stage3 = next(r for r in srows if r[0] == 3)
    assert stage3[1] == "引导及确认客户意向" and stage3[2] == 1
    totals = {r[1]: r for r in srows if r[0] is None and r[1]}
    assert totals["进行中合计"][2] == 3
    assert Decimal(str(totals["进行中合计"][3])) == Decimal("1267901.27")
    assert totals["赢单"][2] == 1 and Decimal(str(totals["赢单"][3])) == Decimal("880000.50")
    assert totals["丢单"][2] == 1
    # the XLSX holds the exact decimal text
    with zipfile.ZipFile(target) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<v>1234567.89</v>" in xml

    # --all adds the closed deals; an existing file needs --force
    code, _, err = run(capsys, "--db", str(db), "export", "pipeline", str(target), "--all")
    assert code != 0 and "--force" in err
    code, _, _ = run(capsys, "--db", str(db), "--lang", "en", "export", "pipeline",
                     str(target), "--all", "--force")  # fmt: skip
    assert code == 0
    rows = list(load_workbook(target).worksheets[0].iter_rows(values_only=True))
    assert rows[0][:3] == ("Customer", "Deal", "Stage")
    statuses = {r[1]: r[3] for r in rows[1:]}
    assert statuses["已签"] == "Closed won" and statuses["丢了"] == "Closed lost"
    assert len(rows) == 6


def test_exported_pipeline_imports_back(db, tmp_path, capsys):
    run(capsys, "--db", str(db), "import", "deals", str(write_csv(tmp_path / "d.csv", ROWS)))
    target = tmp_path / "p.xlsx"
    run(capsys, "--db", str(db), "--lang", "zh_CN", "export", "pipeline", str(target))
    other = tmp_path / "other.db"
    desk = open_desk(other)
    desk.customers.create(Customer(name=INSPUR))
    desk.close()
    code, out, _ = run(capsys, "--db", str(other), "--lang", "en", "import", "deals",
                       str(target), "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["imported"] == 3
    desk = open_desk(other)
    try:
        assert desk.deals.funnel().open.amount == Decimal("1267901.27")
        assert sorted(s.count for s in desk.deals.funnel().stages) == [0, 0, 0, 0, 1, 1, 1]
    finally:
        desk.close()


def test_export_needs_xlsx(db, tmp_path, capsys):
    code, _, err = run(capsys, "--db", str(db), "--lang", "en", "export", "pipeline",
                       str(tmp_path / "p.csv"))  # fmt: skip
    assert code == 2 and ".xlsx" in err
    assert not (tmp_path / "p.csv").exists()


def test_demo_with_deals(tmp_path, capsys):
    path = tmp_path / "demo.db"
    code, out, _ = run(capsys, "--db", str(path), "--lang", "en", "demo", "--customers", "40",
                       "--deals", "12", "--closed-deals", "5")  # fmt: skip
    assert code == 0 and "Demo deals: 17 (12 open" in out
    desk = open_desk(path)
    try:
        report = desk.deals.funnel()
        assert report.open.count == 12 and report.won.count + report.lost.count == 5
        assert desk.db.reader.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    finally:
        desk.close()
    code, _, err = run(capsys, "--db", str(tmp_path / "x.db"), "--lang", "en", "demo",
                       "--customers", "5", "--deals", "-1")  # fmt: skip
    assert code != 0 and "--deals" in err


def test_import_deals_twice_skips_duplicates(db, tmp_path, capsys):
    path = write_csv(tmp_path / "d.csv", [*ROWS, [INSPUR, "ＥＲＰ一期", "1", "1", "", "", ""]])
    code, out, _ = run(capsys, "--db", str(db), "--lang", "en", "import", "deals", str(path))
    assert code == 0
    assert "Row 5 (ＥＲＰ一期) is the same deal as row 2 (ERP一期); skipped" in out
    assert "Imported 3 new deals" in out and "skipped 1 duplicates" in out
    code, out, _ = run(capsys, "--db", str(db), "--lang", "en", "import", "deals", str(path),
                       "--json")  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["imported"] == 0 and data["rejected"] == [] and data["rows"] == 4
    assert [(d["row"], d["existing"], d["existing_row"]) for d in data["duplicates"]] == [
        (2, "ERP一期", None), (3, "仓储条码", None), (4, "财务共享", None), (5, "ERP一期", None),
    ]  # fmt: skip
    code, out, _ = run(capsys, "--db", str(db), "--lang", "en", "import", "deals", str(path))
    assert code == 0
    assert "Row 2 (ERP一期): the customer already has the deal ERP一期; skipped" in out
    assert "Imported 0 new deals" in out and "skipped 4 duplicates" in out
    desk = open_desk(db)
    try:
        assert desk.deals.funnel().open.amount == Decimal("1267901.27")
    finally:
        desk.close()
