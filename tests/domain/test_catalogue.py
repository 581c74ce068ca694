"""The catalogue: the shipped sample loads and makes sense; every schema
problem is refused with its file and line; prices, VAT rates and quote lines
come out right; the stored form reads back equal."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from erpdesk.catalogues import (
    CATALOGUE_ENV,
    DEFAULT_CATALOGUE,
    default_catalogue_path,
    read_catalogue,
    shipped_catalogue,
)
from erpdesk.domain.catalogue import (
    Catalogue,
    CatalogueError,
    CatalogueProblem,
    LicenceBasis,
    UnknownItem,
    catalogue_to_data,
    parse_catalogue,
)
from erpdesk.domain.errors import DomainError
from erpdesk.domain.quote import ItemKind
from erpdesk.playbooks import DEFAULT_PLAYBOOK, read_playbook

TEXT = DEFAULT_CATALOGUE.read_text(encoding="utf-8")
MODULES = [m.code for m in read_playbook(DEFAULT_PLAYBOOK).modules]


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """The line (from 1) of the *occurrence*-th line holding *fragment*."""
    found = [n for n, line in enumerate(text.splitlines(), 1) if fragment in line]
    return found[occurrence - 1]


def edit(old: str, new: str, count: int = 1) -> str:
    assert old in TEXT, old
    return TEXT.replace(old, new, count)


def refused(tmp_path: Path, text: str, modules: list[str] | None = None) -> list[CatalogueProblem]:
    path = tmp_path / "company.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        read_catalogue(path, modules=modules)
    problems = caught.value.problems
    assert all(p.source == str(path) for p in problems)
    lines = str(caught.value).splitlines()
    assert lines == [
        f"{path}:{p.line}: {p.message()}" if p.line else f"{path}: {p.message()}" for p in problems
    ]
    return problems


def only(problems: list[CatalogueProblem]) -> CatalogueProblem:
    assert len(problems) == 1, [p.render() for p in problems]
    return problems[0]


@pytest.fixture(scope="module")
def shipped() -> Catalogue:
    return shipped_catalogue()


# --- the shipped sample -----------------------------------------------------------


def test_shipped_catalogue_loads_and_is_complete(shipped: Catalogue) -> None:
    assert shipped.version == "yunqi-erp@2026.1"
    assert shipped.vat_rates == {
        ItemKind.LICENCE: 13,
        ItemKind.SERVICE: 6,
        ItemKind.MAINTENANCE: 6,
        ItemKind.THIRD_PARTY: 13,
    }
    assert len(shipped.items) >= 20
    licences = [i for i in shipped.items if i.kind is ItemKind.LICENCE]
    # a licence for every module of the playbook, each arguing with 3-4 FABs
    assert {i.module for i in licences} >= set(MODULES)
    for item in licences:
        assert 3 <= len(item.fab) <= 4, item.code
        assert item.basis is not None and item.description.zh and item.description.en
    bases = {i.basis for i in licences}
    assert bases == {LicenceBasis.PER_USER, LicenceBasis.PER_SITE, LicenceBasis.PER_COMPANY}
    assert [i.basis for i in licences].count(LicenceBasis.PER_USER) > len(licences) // 2
    for item in shipped.items:
        assert item.name.zh and item.name.en and item.unit.zh and item.unit.en, item.code
        for fab in item.fab:
            for text in (fab.feature, fab.advantage, fab.benefit):
                assert text.zh and text.en, item.code
    services = [i for i in shipped.items if i.kind is ItemKind.SERVICE]
    assert {i.name.zh for i in services} >= {
        "需求调研与蓝图设计",
        "系统配置与实施",
        "数据迁移",
        "用户培训",
        "上线支持",
        "二次开发",
    }
    assert all(i.unit.zh == "人天" for i in services)
    maintenance = shipped.item("mnt_annual")
    assert maintenance.kind is ItemKind.MAINTENANCE
    assert maintenance.maintenance_percent == 18
    assert {i.code for i in shipped.items if i.kind is ItemKind.THIRD_PARTY} >= {
        "tp_database",
        "tp_server",
        "tp_printer_interface",
    }
    finance = shipped.item("lic_finance")
    assert "多组织合并报表" in [f.feature.zh for f in finance.fab]


def test_shipped_price_lists(shipped: Catalogue) -> None:
    first, second = shipped.price_lists
    assert (first.name.zh, first.valid_from, first.valid_until) == (
        "2026 标准价目表",
        date(2026, 1, 1),
        date(2026, 12, 31),
    )
    assert (second.name.zh, second.valid_from, second.valid_until) == (
        "2027 标准价目表",
        date(2027, 1, 1),
        None,
    )
    assert first.tax_inclusive and second.tax_inclusive
    assert first.prices["lic_finance"] == Decimal("3800.00")
    for price_list in (first, second):
        for code, price in price_list.prices.items():
            assert price == price.quantize(Decimal("0.01")) and price > 0, code
        # everything is priced but the maintenance, a share of the licences
        assert set(price_list.prices) == {i.code for i in shipped.items} - {"mnt_annual"}
    raised = [c for c in first.prices if second.prices[c] != first.prices[c]]
    assert raised and len(raised) < len(first.prices)
    for code in raised:
        assert second.prices[code] == (first.prices[code] * Decimal("1.05")).quantize(
            Decimal("0.01")
        )
    services = [i.code for i in shipped.items if i.kind is ItemKind.SERVICE]
    assert all(Decimal(2000) <= first.prices[c] <= Decimal(3000) for c in services)


def test_shipped_catalogue_is_read_once_and_default_path_follows_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert shipped_catalogue() is shipped_catalogue()
    monkeypatch.delenv(CATALOGUE_ENV, raising=False)
    assert default_catalogue_path() == DEFAULT_CATALOGUE
    own = tmp_path / "acme.toml"
    own.write_text(TEXT.replace('version = "yunqi-erp@2026.1"', 'version = "acme@1"'), "utf-8")
    monkeypatch.setenv(CATALOGUE_ENV, str(own))
    assert default_catalogue_path() == own
    assert read_catalogue().version == "acme@1"


# --- refusals, each with its line ------------------------------------------------------


def test_syntax_error_names_its_line(tmp_path: Path) -> None:
    text = edit("lic_hr = 1600.00", "lic_hr = = 1600.00")
    problem = only(refused(tmp_path, text))
    assert problem.code == "syntax"
    assert problem.line == line_of(text, "lic_hr = = 1600.00")
    assert problem.message().startswith("The file is not valid TOML")


def test_unreadable_and_undecodable_files(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError) as caught:
        read_catalogue(tmp_path / "missing.toml")
    assert str(caught.value).startswith(
        f"{tmp_path / 'missing.toml'}: The catalogue cannot be read"
    )
    bad = tmp_path / "gbk.toml"
    bad.write_bytes(b'version = "x"\n\n# ' + "注释".encode("gbk") + b"\n")
    with pytest.raises(CatalogueError) as caught:
        read_catalogue(bad)
    problem = only(caught.value.problems)
    assert (problem.code, problem.line) == ("not_utf8", 3)


FAB_BENEFIT = 'benefit = { zh = "问题在萌芽阶段被处理，减少经营损失"'


@pytest.mark.parametrize(
    ("old", "new", "fragment", "code"),
    [
        ('version = "yunqi-erp@2026.1"', 'version = ""', 'version = ""', "empty"),
        ('version = "yunqi-erp@2026.1"', "version = 2026", "version = 2026", "not_text"),
        ("[vat_rates]", 'title = "x"\n[vat_rates]', 'title = "x"', "unknown_key"),
        # a typo of a key is caught, not ignored
        ('module = "crm"', 'modul = "crm"', 'modul = "crm"', "unknown_key"),
        (
            "# --- Implementation services",
            '[[items]]\ncode = "HR Pro"\nkind = "licence"\nbasis = "per_user"\n'
            'name = { zh = "人力资源" }\nunit = { zh = "用户" }\n# --- Implementation services',
            'code = "HR Pro"',
            "bad_code",
        ),
        (
            "# --- Implementation services",
            '[[items]]\ncode = "lic_hr"\nkind = "licence"\nbasis = "per_user"\n'
            'name = { zh = "人力资源" }\nunit = { zh = "用户" }\n# --- Implementation services',
            'code = "lic_hr"',
            "duplicate_code",
        ),
        (
            'code = "tp_server"\nkind = "third_party"',
            'code = "tp_server"\nkind = "hardware"',
            'kind = "hardware"',
            "unknown_value",
        ),
        ('name = { zh = "数据迁移", ', 'name = { zh = " ", ', 'name = { zh = " "', "empty"),
        (
            'name = { zh = "数据迁移", ',
            "name = { ",
            'name = { en = "Data migration"',
            "missing_key",
        ),
        (
            'unit = { zh = "工厂", en = "plant" }',
            'unit = { zh = "", en = "plant" }',
            'unit = { zh = "", en = "plant" }',
            "empty",
        ),
        (
            'unit = { zh = "工厂", en = "plant" }',
            'unit = { zh = "工厂", eng = "plant" }',
            'eng = "plant"',
            "unknown_key",
        ),
        (
            'code = "svc_training"\nkind = "service"',
            'code = "svc_training"\nkind = "service"\nbasis = "per_user"',
            'basis = "per_user"',
            "basis_not_allowed",
        ),
        ('basis = "per_site"\n', 'basis = "per_plant"\n', 'basis = "per_plant"', "unknown_value"),
        (
            'kind = "licence"\nbasis = "per_site"\n',
            'kind = "licence"\n',
            'kind = "licence"',
            "basis_missing",
        ),
        ("maintenance_percent = 18\n", "", 'kind = "maintenance"', "percent_missing"),
        ("maintenance_percent = 18", "maintenance_percent = 118", "= 118", "percent_range"),
        ("maintenance_percent = 18", "maintenance_percent = 17.999", "= 17.999", "too_precise"),
        ("maintenance_percent = 18", 'maintenance_percent = "x"', '= "x"', "not_number"),
        (
            'code = "lic_hr"\nkind = "licence"',
            'code = "lic_hr"\nkind = "licence"\nmaintenance_percent = 5',
            "maintenance_percent = 5",
            "percent_not_allowed",
        ),
        ("service = 6\n", "service = 6.125\n", "service = 6.125", "too_precise"),
        ("licence = 13\n", "licence = 113\n", "licence = 113", "percent_range"),
        ("licence = 13\n", "licence = -1\n", "licence = -1", "percent_range"),
        ("licence = 13\n", "licence = 13\nsoftware = 13\n", "software = 13", "unknown_key"),
        (
            'code = "tp_database"\nkind = "third_party"',
            'code = "tp_database"\nkind = "third_party"\nvat_rate = 13.5',
            "vat_rate = 13.5",
            None,  # allowed: an item may set its own rate
        ),
        (
            'code = "tp_database"\nkind = "third_party"',
            'code = "tp_database"\nkind = "third_party"\nvat_rate = 101',
            "vat_rate = 101",
            "percent_range",
        ),
        ('module = "asset"', 'module = "assets"', 'module = "assets"', "unknown_module"),
        (FAB_BENEFIT, 'benefit = { zh = ""', 'benefit = { zh = ""', "empty"),
        (FAB_BENEFIT, 'benfit = { zh = "x"', 'benfit = { zh = "x"', "unknown_key"),
        (FAB_BENEFIT, 'benfit = { zh = "x"', "[[items.fab]]", "missing_key"),
        ('code = "std_2027"', 'code = "std_2026"', 'code = "std_2026"', "duplicate_code"),
        ('code = "std_2027"', 'code = "std 2027"', 'code = "std 2027"', "bad_code"),
        (
            "valid_until = 2026-12-31",
            "valid_until = 2025-12-31",
            "valid_until = 2025-12-31",
            "dates_reversed",
        ),
        (
            "valid_from = 2027-01-01",
            "valid_from = 2026-12-31",
            "valid_from = 2026-12-31",
            "overlap",
        ),
        (
            "valid_from = 2027-01-01",
            'valid_from = "next year"',
            'valid_from = "next year"',
            "not_date",
        ),
        ("valid_until = 2026-12-31\n", "", "valid_from = 2027-01-01", "overlap"),
        ("tax_inclusive = true", 'tax_inclusive = "yes"', 'tax_inclusive = "yes"', "not_bool"),
        ("lic_hr = 1600.00", "lic_hr = -1600.00", "lic_hr = -1600.00", "negative"),
        ("lic_hr = 1600.00", "lic_hr = 1600.005", "lic_hr = 1600.005", "too_precise"),
        ("lic_hr = 1600.00", 'lic_hr = "cheap"', 'lic_hr = "cheap"', "not_number"),
        ("lic_hr = 1600.00", "lic_hrm = 1600.00", "lic_hrm = 1600.00", "unknown_item"),
        ("lic_hr = 1600.00", "lic.hr = 1600.00", "lic.hr = 1600.00", "nested_price"),
    ],
)
def test_refused_with_line(
    tmp_path: Path, old: str, new: str, fragment: str, code: str | None
) -> None:
    text = edit(old, new)
    if code is None:
        path = tmp_path / "ok.toml"
        path.write_text(text, encoding="utf-8")
        assert read_catalogue(path, modules=MODULES).item("tp_database").vat_rate == Decimal("13.5")
        return
    problems = refused(tmp_path, text, MODULES)
    # one problem (two for a misspelt required key: unknown, and missing)
    assert len(problems) <= 2 and code in [p.code for p in problems], problems
    problem = next(p for p in problems if p.code == code)
    occurrence = text[: TEXT.index(old) + len(new)].count(fragment)
    assert problem.line == line_of(text, fragment, occurrence), problem.render()


def test_duplicate_code_names_both_lines(tmp_path: Path) -> None:
    text = edit('code = "svc_training"', 'code = "lic_hr"')
    text = text.replace("svc_training = 2000.00\n", "")
    problem = only(refused(tmp_path, text))
    first = line_of(text, 'code = "lic_hr"')
    assert problem.line == line_of(text, 'code = "lic_hr"', 2)
    assert problem.message() == (
        f'The code "lic_hr" is used twice in items (first on line {first})'
    )


def test_every_problem_is_listed_in_file_order(tmp_path: Path) -> None:
    text = (
        TEXT.replace("lic_hr = 1600.00", "lic_hr = -1600.00")
        .replace('module = "asset"', 'module = "assets"')
        .replace('code = "svc_training"', 'code = "Svc_Training"')
        .replace("svc_training = ", '"Svc_Training" = ')
    )
    problems = refused(tmp_path, text, MODULES)
    assert [p.code for p in problems] == ["unknown_module", "bad_code", "negative"]
    assert [p.line for p in problems] == sorted(p.line or 0 for p in problems)
    # the key path is kept for programs (and the XLSX reader)
    assert problems[2].path == ("price_lists", 0, "prices", "lic_hr")
    assert problems[2].key == "price_lists[1].prices.lic_hr"


def test_modules_are_only_checked_when_given(tmp_path: Path) -> None:
    path = tmp_path / "own.toml"
    path.write_text(edit('module = "asset"', 'module = "fleet"'), encoding="utf-8")
    assert read_catalogue(path).item("lic_asset").module == "fleet"


def test_missing_top_keys_and_empty_items() -> None:
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue({})
    assert {p.message() for p in caught.value.problems} == {
        '"version" is missing',
        '"items" is missing',
    }
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue({"version": "x", "items": []})
    assert [p.message() for p in caught.value.problems] == ["items must not be empty"]


def test_problem_renders_translated() -> None:
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue({"version": "x", "items": [], "colour": "red"})
    problem = caught.value.problems[0]
    rendered = problem.render(lambda context, text: "未知 " + text if context == "Domain" else text)
    assert rendered.startswith('未知 Unknown key "colour"')
    placed = CatalogueProblem(
        ("items", 0), "x", "{key} must not be empty", {"key": "编码"}, sheet="产品", row=7
    )
    assert placed.render() == "产品 row 7: 编码 must not be empty"
    assert placed.render(lambda c, t: "{sheet} 第 {row} 行：{problem}" if "row" in t else t) == (
        "产品 第 7 行：编码 must not be empty"
    )


# --- prices, VAT and quote lines -------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (date(2025, 12, 31), None),
        (date(2026, 1, 1), "std_2026"),
        (date(2026, 12, 31), "std_2026"),
        (date(2027, 1, 1), "std_2027"),
        (date(2099, 6, 30), "std_2027"),
    ],
)
def test_price_list_on_boundaries(shipped: Catalogue, day: date, code: str | None) -> None:
    found = shipped.price_list_on(day)
    assert (found.code if found else None) == code


def test_price_of_and_vat_rate_of(shipped: Catalogue) -> None:
    assert shipped.price_of("lic_finance", date(2026, 12, 31)) == Decimal("3800.00")
    assert shipped.price_of("lic_finance", date(2027, 1, 1)) == Decimal("3990.00")
    assert shipped.price_of("lic_finance", date(2025, 6, 1)) is None
    assert shipped.price_of("mnt_annual", date(2026, 6, 1)) is None
    with pytest.raises(UnknownItem) as caught:
        shipped.price_of("lic_nothing", date(2026, 6, 1))
    assert str(caught.value) == 'The catalogue has no item "lic_nothing"'
    assert shipped.vat_rate_of("lic_finance") == 13
    assert shipped.vat_rate_of(shipped.item("svc_training")) == 6
    assert shipped.vat_rate_of("mnt_annual") == 6
    data = catalogue_to_data(shipped)
    data["items"][0]["vat_rate"] = "9"
    data["vat_rates"] = {"service": "3"}
    own = parse_catalogue(data)
    assert own.vat_rate_of(own.items[0].code) == 9
    assert own.vat_rate_of("svc_training") == 3
    assert own.vat_rate_of("tp_server") == 13  # a kind the table leaves out: the standard rate


def test_quote_line_for_a_licence_in_either_language(shipped: Catalogue) -> None:
    line = shipped.quote_line("lic_finance", Decimal("25"), date(2026, 3, 1), language="zh_CN")
    assert (line.description, line.unit, line.item, line.group) == (
        "财务管理模块用户许可",
        "用户",
        "lic_finance",
        ItemKind.LICENCE,
    )
    assert (line.quantity, line.unit_price, line.list_price, line.vat_rate) == (
        25,
        Decimal("3800.00"),
        Decimal("3800.00"),
        13,
    )
    assert line.discount == 0
    line = shipped.quote_line("svc_blueprint", 12, date(2027, 3, 1), language="en")
    assert (line.description, line.unit, line.group, line.vat_rate) == (
        "Requirements analysis and blueprint design",
        "person-day",
        ItemKind.SERVICE,
        6,
    )
    assert isinstance(line.quantity, Decimal) and line.quantity == 12


@pytest.mark.parametrize(
    ("licence_total", "price"),
    [
        (Decimal("100000.00"), Decimal("18000.00")),
        (Decimal("100.25"), Decimal("18.05")),  # 18.045: half up, not to even
        (Decimal("1000.03"), Decimal("180.01")),  # 180.0054
        (Decimal("0"), Decimal("0.00")),
    ],
)
def test_maintenance_is_its_percentage_of_the_licences(
    shipped: Catalogue, licence_total: Decimal, price: Decimal
) -> None:
    line = shipped.quote_line(
        "mnt_annual", 1, date(2026, 3, 1), language="zh_CN", licence_total=licence_total
    )
    assert (line.unit_price, line.list_price, line.quantity) == (price, price, 1)
    assert (line.unit, line.group, line.vat_rate) == ("年", ItemKind.MAINTENANCE, 6)


def test_quote_line_refusals(shipped: Catalogue) -> None:
    day = date(2026, 3, 1)
    with pytest.raises(DomainError, match="percentage of the licences"):
        shipped.quote_line("mnt_annual", 1, day, language="zh_CN")
    with pytest.raises(DomainError, match=r"No price list valid on 2025-03-01"):
        shipped.quote_line("lic_hr", 1, date(2025, 3, 1), language="zh_CN")
    with pytest.raises(DomainError, match="quantity"):
        shipped.quote_line("lic_hr", -1, day, language="zh_CN")
    with pytest.raises(DomainError, match="licences' total"):
        shipped.quote_line("mnt_annual", 1, day, language="en", licence_total=Decimal(-1))
    with pytest.raises(UnknownItem):
        shipped.quote_line("nope", 1, day, language="en")


def test_maintenance_takes_a_fixed_fee_without_licences() -> None:
    data = catalogue_to_data(shipped_catalogue())
    data["price_lists"][0]["prices"]["mnt_annual"] = "12000"
    own = parse_catalogue(data)
    line = own.quote_line("mnt_annual", 1, date(2026, 3, 1), language="en")
    assert line.unit_price == Decimal("12000.00")
    line = own.quote_line(
        "mnt_annual", 1, date(2026, 3, 1), language="en", licence_total=Decimal("1000")
    )
    assert line.unit_price == Decimal("180.00")  # the licences win over the fixed fee


def test_modules_fab_for_proposals(shipped: Catalogue) -> None:
    found = shipped.modules_fab(["bi", "finance", "bi"], "zh_CN")
    assert [item.code for item, _ in found] == ["lic_bi", "lic_finance"]
    assert found[1][1] == shipped.item("lic_finance").fab
    assert shipped.modules_fab(["fleet"], "en") == []
    data = catalogue_to_data(shipped)
    finance = next(i for i in data["items"] if i["code"] == "lic_finance")
    finance["fab"][0]["feature"]["en"] = ""  # one statement not written in English
    hr = next(i for i in data["items"] if i["code"] == "lic_hr")
    for fab in hr["fab"]:
        fab["feature"]["en"] = ""  # none in English: all of them, in Chinese
    hr_licence = next(i for i in data["items"] if i["code"] == "lic_crm")
    hr_licence["active"] = False
    own = parse_catalogue(data)
    found = dict(own.modules_fab(["finance", "hr", "crm"], "en"))
    assert [i.code for i in found] == ["lic_finance", "lic_hr"]
    assert len(found[own.item("lic_finance")]) == len(own.item("lic_finance").fab) - 1
    assert found[own.item("lic_hr")] == own.item("lic_hr").fab


# --- the stored form -------------------------------------------------------------------


def test_catalogue_to_data_round_trips_through_json(shipped: Catalogue) -> None:
    data = catalogue_to_data(shipped)
    text = json.dumps(data, ensure_ascii=False)
    assert parse_catalogue(json.loads(text), modules=MODULES) == shipped
    assert data["price_lists"][0]["prices"]["lic_finance"] == "3800.00"
    assert data["price_lists"][0]["valid_from"] == "2026-01-01"
    assert "valid_until" not in data["price_lists"][1]
    mnt = next(i for i in data["items"] if i["code"] == "mnt_annual")
    assert mnt["maintenance_percent"] == "18"
    data["items"][3]["active"] = False
    data["items"][3]["vat_rate"] = "9.5"
    again = parse_catalogue(data)
    assert not again.items[3].active and again.items[3].vat_rate == Decimal("9.5")
    assert parse_catalogue(catalogue_to_data(again)) == again


def test_amounts_in_any_plain_form() -> None:
    data = catalogue_to_data(shipped_catalogue())
    prices = data["price_lists"][0]["prices"]
    prices["lic_finance"] = 3800.1  # a float is taken by its text, exactly
    prices["lic_hr"] = "1,600.5"
    prices["lic_crm"] = 2000
    own = parse_catalogue(data)
    assert own.price_lists[0].prices["lic_finance"] == Decimal("3800.10")
    assert own.price_lists[0].prices["lic_hr"] == Decimal("1600.50")
    assert own.price_lists[0].prices["lic_crm"] == Decimal("2000.00")
    for bad in (True, "NaN", "Infinity", None, [1]):
        prices["lic_crm"] = bad
        with pytest.raises(CatalogueError) as caught:
            parse_catalogue(data)
        assert [p.code for p in caught.value.problems] == ["not_number"]
