"""``erpdesk report funnel``: the issue's JSON shape with exact sums, the
owner filter, and the table in the user's language, on real databases."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from erpdesk.app import open_desk
from erpdesk.cli.main import main
from erpdesk.domain.customer import Customer, Source
from erpdesk.domain.deal import DealStatus

CODES = [
    "target", "discover", "confirm_intent", "project_approval", "preliminary_acceptance",
    "negotiation", "closing",
]  # fmt: skip

# (name, amount, stage, owner)
OPEN_DEALS = [
    ("项目甲", "0.05", 1, "zhang.wei"),
    ("项目乙", "100.05", 1, "zhang.wei"),
    ("项目丙", "33333.33", 3, "li.na"),
    ("项目丁", "9999999.99", 4, "zhang.wei"),
    ("项目戊", "0.15", 6, "li.na"),
]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "desk.db"
    desk = open_desk(path, owner="zhang.wei")
    try:
        c = desk.customers.create(
            Customer(
                name="浪潮电子信息产业股份有限公司", source=Source.REFERRAL, phone="0531-85106000"
            )
        )
        for name, amount, stage, owner in OPEN_DEALS:
            desk.deals.create(c.id, name, amount=amount, stage=stage, owner=owner)
        won = desk.deals.create(c.id, "一期", amount="880000.50", stage=7)
        for item in desk.deals.playbook.stage(7).checklist:
            desk.deals.tick(won.id, item.code, True)
        desk.deals.move(won.id, DealStatus.WON)
        lost = desk.deals.create(c.id, "二期", amount="12.34", owner="li.na")
        desk.deals.move(lost.id, DealStatus.LOST, lost_reason="price")
        gone = desk.deals.create(c.id, "删除的", amount="7")
        desk.deals.delete(gone.id)
    finally:
        desk.close()
    return path


def weighted(amount: str, probability: int) -> Decimal:
    cents = Decimal(amount) * 100 * probability / 100
    return (cents.quantize(Decimal(1), rounding="ROUND_HALF_UP") / 100).quantize(Decimal("0.01"))


def test_json_has_exactly_the_issues_shape_and_exact_sums(capsys, db):
    code, out, err = run(capsys, "report", "funnel", "--json", "--db", str(db), "--lang", "zh_CN")
    assert code == 0, err
    data = json.loads(out)
    assert list(data) == ["currency", "stages", "open", "won", "lost"]
    assert data["currency"] == "CNY"
    assert [s["stage"] for s in data["stages"]] == [1, 2, 3, 4, 5, 6, 7]
    assert [s["code"] for s in data["stages"]] == CODES
    assert [s["probability"] for s in data["stages"]] == [10, 20, 30, 50, 70, 80, 90]
    for row in data["stages"]:
        assert set(row) == {"stage", "code", "name", "count", "amount", "probability", "weighted"}
        assert isinstance(row["amount"], str) and isinstance(row["weighted"], str)
    assert data["stages"][0]["name"] == "定位和挖掘目标客户"
    first = data["stages"][0]
    # 0.05 x 10 % = 0.005 -> 0.01; 100.05 x 10 % = 10.005 -> 10.01: rounded per deal, then summed
    assert (first["count"], first["amount"], first["weighted"]) == (2, "100.10", "10.02")
    assert data["stages"][5]["weighted"] == "0.12"  # 0.15 x 80 % = 0.12
    assert data["stages"][3]["weighted"] == "5000000.00"  # 9999999.99 x 50 % = 4999999.995
    amounts = [Decimal(a) for _, a, _, _ in OPEN_DEALS]
    assert data["open"] == {
        "count": 5,
        "amount": str(sum(amounts)),
        "weighted": str(sum(Decimal(s["weighted"]) for s in data["stages"])),
    }
    expected_weighted = sum(
        weighted(a, [10, 20, 30, 50, 70, 80, 90][s - 1]) for _, a, s, _ in OPEN_DEALS
    )
    assert Decimal(data["open"]["weighted"]) == expected_weighted
    assert data["won"] == {"count": 1, "amount": "880000.50"}
    assert data["lost"] == {"count": 1, "amount": "12.34"}


def test_owner_filters_the_deals(capsys, db):
    code, out, _ = run(capsys, "report", "funnel", "--owner", "li.na", "--json", "--db", str(db))
    assert code == 0
    data = json.loads(out)
    assert data["open"] == {"count": 2, "amount": "33333.48", "weighted": "10000.12"}
    assert data["won"] == {"count": 0, "amount": "0.00"}
    assert data["lost"] == {"count": 1, "amount": "12.34"}
    code, out, _ = run(capsys, "report", "funnel", "--owner", "nobody", "--json", "--db", str(db))
    assert json.loads(out)["open"] == {"count": 0, "amount": "0.00", "weighted": "0.00"}


def test_the_table_is_in_the_users_language(capsys, db):
    code, out, err = run(capsys, "report", "funnel", "--db", str(db), "--lang", "en")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Sales funnel (amounts in CNY)"
    assert lines[2].split() == ["Stage", "Deals", "Amount", "Probability", "Weighted"]
    assert lines[4].startswith("1 Target") and lines[4].split()[-4:] == [
        "2", "100.10", "10%", "10.02"
    ]  # fmt: skip
    assert any(line.startswith("Closed won") and "880,000.50" in line for line in lines)
    code, out, _ = run(capsys, "report", "funnel", "--db", str(db), "--lang", "zh_CN")
    assert code == 0 and "1 定位和挖掘目标客户" in out and "9,999,999.99" in out


def test_an_empty_database_reports_zeros(capsys, tmp_path):
    path = tmp_path / "empty.db"
    code, out, _ = run(capsys, "report", "funnel", "--json", "--db", str(path))
    assert code == 0
    data = json.loads(out)
    assert all(s["count"] == 0 and s["weighted"] == "0.00" for s in data["stages"])
    assert data["open"] == {"count": 0, "amount": "0.00", "weighted": "0.00"}
    code, out, _ = run(capsys, "report", "funnel", "--db", str(path), "--lang", "en")
    assert "No deals yet" in out


def test_a_broken_playbook_is_one_clear_line(capsys, db, tmp_path, monkeypatch):
    bad = tmp_path / "playbook.toml"
    bad.write_text('id = "x"\nversion = 1\n', encoding="utf-8")
    monkeypatch.setenv("ERPDESK_PLAYBOOK", str(bad))
    code, out, err = run(capsys, "report", "funnel", "--db", str(db), "--lang", "en")
    assert code != 0 and out == ""
    assert err.startswith("erpdesk: ") and str(bad) in err and len(err.splitlines()) == 1
