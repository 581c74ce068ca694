"""``erpdesk proposal pdf/show/set`` on a real database, in zh_CN and
English, with bad input refused in one line and nothing saved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from erpdesk.app import open_desk
from erpdesk.cli.main import main
from erpdesk.domain.customer import Customer, Source


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db(tmp_path) -> tuple[Path, str]:
    path = tmp_path / "desk.db"
    desk = open_desk(path, owner="zhang.wei")
    try:
        customer = desk.customers.create(
            Customer(name="华东机械有限公司", source=Source.REFERRAL, phone="0512-65000000")
        )
        deal = desk.deals.create(
            customer.id, "华东工厂ERP升级", amount="1500000", modules="finance, inventory"
        )
    finally:
        desk.close()
    return path, deal.id


def outbox(path: Path) -> list[str]:
    desk = open_desk(path)
    try:
        rows = desk.db.reader.execute("SELECT op FROM outbox WHERE entity = 'proposal'")
        return [r[0] for r in rows]
    finally:
        desk.close()


def test_set_then_show_then_pdf(capsys, db, tmp_path):
    path, deal = db
    code, out, err = run(
        capsys, "proposal", "set", deal, "--db", str(path), "--lang", "en",
        "--benefit", "inventory_value=3000万", "--benefit", "库存降低比例=20%",
        "--benefit", "investment=150万", "--exclude", "about_us", "--exclude", "报价摘要",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out.strip() == "The proposal for 华东机械有限公司 is saved"
    assert outbox(path) == ["create"]
    code, out, _err = run(capsys, "proposal", "show", deal, "--db", str(path), "--json")
    data = json.loads(out)
    assert data["saved"] is True and data["deal"] == "华东工厂ERP升级"
    assert data["benefit"]["annual_benefit"] == "1200000.00"
    assert data["benefit"]["figures"]["inventory_reduction"] == "20"
    assert data["benefit"]["roi_percent"] == "140.0"  # (3,600,000 − 1,500,000) ÷ 1,500,000
    included = {s["code"]: s["included"] for s in data["sections"]}
    assert included["about_us"] is False and included["quote"] is False
    code, out, _err = run(capsys, "proposal", "show", deal, "--db", str(path), "--lang", "en")
    assert "Annual benefit ¥1,200,000.00" in out and "Left out: Quote summary, About us" in out
    assert "1. Executive summary" in out
    pdf = tmp_path / "p.pdf"
    code, out, err = run(
        capsys, "proposal", "pdf", deal, "--db", str(path), "-o", str(pdf), "--lang", "en"
    )
    assert code == 0 and "written to" in out and pdf.read_bytes().startswith(b"%PDF")
    en = tmp_path / "en.pdf"
    code, out, _err = run(
        capsys, "proposal", "pdf", deal, "--db", str(path), "-o", str(en), "--lang", "en"
    )
    assert code == 0 and en.exists()


def test_a_customer_by_name_and_sections_back_in(capsys, db, tmp_path):
    path, _deal = db
    text = tmp_path / "about.txt"
    text.write_text("我们的介绍。\n\n- 二十年经验", encoding="utf-8")
    code, _out, err = run(
        capsys, "proposal", "set", "华东机械有限公司", "--db", str(path),
        "--text", f"about_us={text}", "--exclude", "pains", "--title", "华东方案",
    )  # fmt: skip
    assert (code, err) == (0, "")
    run(capsys, "proposal", "set", "华东机械有限公司", "--db", str(path), "--include", "pains")
    code, out, _err = run(
        capsys, "proposal", "show", "华东机械有限公司", "--db", str(path), "--json"
    )
    data = json.loads(out)
    assert data["deal_id"] is None and data["title"] == "华东方案"
    about = next(s for s in data["sections"] if s["code"] == "about_us")
    assert about["edited"] and about["text"] == "我们的介绍。\n\n- 二十年经验"
    assert next(s for s in data["sections"] if s["code"] == "pains")["included"] is True
    assert outbox(path) == ["create", "update"]


def test_a_new_proposal_is_shown_without_saving(capsys, db):
    path, deal = db
    code, out, _err = run(capsys, "proposal", "show", deal, "--db", str(path), "--lang", "en")
    assert code == 0 and "Not saved yet" in out and "No benefit figures yet" in out
    assert outbox(path) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--benefit", "inventory_value"], 'benefit figure as KEY=VALUE, not "inventory_value"'),
        (["--benefit", "nonsense=1"], 'There is no benefit figure "nonsense"'),
        (["--benefit", "inventory_reduction=120"], "a percentage from 0 to 100, not 120"),
        (["--benefit", "margin=abc"], 'Gross margin: "abc" is not a number'),
        (["--exclude", "nowhere"], 'There is no proposal section "nowhere"'),
        (["--text", "pains"], 'Write --text as SECTION=FILE, not "pains"'),
        (["--text", "pains=/no/such/file.txt"], "cannot be read as UTF-8 text"),
        (["--years", "0"], "over 1 to 10 whole years, not 0"),
        ([], "Nothing to change"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_in_one_line(capsys, db, args, message):
    path, deal = db
    code, out, err = run(capsys, "proposal", "set", deal, "--db", str(path), "--lang", "en", *args)
    assert code != 0 and out == ""
    assert err.startswith("erpdesk: ") and message in err and err.count("\n") == 1
    assert outbox(path) == []


def test_bad_input_in_chinese(capsys, db):
    path, deal = db
    code, _out, err = run(
        capsys, "proposal", "set", deal, "--db", str(path), "--lang", "zh_CN",
        "--benefit", "margin=abc",
    )  # fmt: skip
    assert code == 1 and "毛利率" in err and "abc" in err


def test_pdf_refuses_what_it_cannot_write(capsys, db, tmp_path):
    path, deal = db
    code, _out, err = run(
        capsys, "proposal", "pdf", deal, "--db", str(path), "-o", str(tmp_path / "p.txt"),
        "--lang", "en",
    )  # fmt: skip
    assert code == 2 and "must end in .pdf" in err
    code, _out, err = run(
        capsys, "proposal", "pdf", deal, "--db", str(path), "-o", str(tmp_path / "no" / "p.pdf"),
        "--lang", "en",
    )  # fmt: skip
    assert code == 2 and "does not exist" in err
    code, _out, err = run(
        capsys, "proposal", "pdf", "无此公司", "--db", str(path), "-o", str(tmp_path / "p.pdf"),
        "--lang", "en",
    )  # fmt: skip
    assert code == 1 and 'There is no deal or customer "无此公司"' in err
    assert not (tmp_path / "p.pdf").exists()
