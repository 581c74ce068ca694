"""The catalogue as an Excel workbook: exported and imported back equal, in
either language; every problem of a workbook named by sheet and row;
nothing half-written."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from erpdesk.catalogues import shipped_catalogue
from erpdesk.domain.catalogue import Catalogue, CatalogueError, catalogue_to_data, parse_catalogue
from erpdesk.domain.errors import DomainError
from erpdesk.domain.quote import ItemKind
from erpdesk.playbooks import DEFAULT_PLAYBOOK, read_playbook
from erpdesk.services.catalogue_io import export_catalogue_xlsx, import_catalogue_xlsx

MODULES = [m.code for m in read_playbook(DEFAULT_PLAYBOOK).modules]


@pytest.fixture(scope="module")
def shipped() -> Catalogue:
    return shipped_catalogue()


@pytest.fixture(scope="module")
def exported(shipped: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("xlsx")
    out = {}
    for language in ("zh_CN", "en"):
        out[language] = folder / f"catalogue-{language}.xlsx"
        export_catalogue_xlsx(shipped, out[language], language=language)
    return out


def problems_of(path: Path, **kwargs: Any) -> list[str]:
    with pytest.raises(CatalogueError) as caught:
        import_catalogue_xlsx(path, **kwargs)
    return [p.render() for p in caught.value.problems]


def edited(source: Path, target: Path, edits: dict[tuple[str, str], Any]) -> Path:
    """*source* with cells changed: (sheet, "B7") -> value."""
    book = load_workbook(source)
    for (sheet, cell), value in edits.items():
        book[sheet][cell] = value
    book.save(target)
    return target


# --- round trip --------------------------------------------------------------------


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_shipped_catalogue_round_trips(
    shipped: Catalogue, exported: dict[str, Path], language: str
) -> None:
    assert import_catalogue_xlsx(exported[language], modules=MODULES) == shipped


def test_workbook_layout_in_chinese_and_english(exported: dict[str, Path]) -> None:
    book = load_workbook(exported["zh_CN"])
    assert book.sheetnames == ["产品", "FAB", "价目表", "目录"]
    items = list(book["产品"].iter_rows(values_only=True))
    assert items[0][:4] == ("编码", "类型", "名称(中文)", "名称(英文)")
    finance = next(row for row in items if row[0] == "lic_finance")
    assert finance[1:8] == (
        "软件许可",
        "财务管理模块用户许可",
        "Finance, user licence",
        "用户",
        "user",
        "按用户",
        "finance",
    )
    prices = list(book["价目表"].iter_rows(values_only=True))
    assert prices[0] == (
        "价目表编码",
        "价目表名称(中文)",
        "价目表名称(英文)",
        "生效日期",
        "失效日期",
        "含税",
        "产品编码",
        "单价",
    )
    assert prices[1][3] == datetime(2026, 1, 1)
    assert book["价目表"]["H2"].number_format == "#,##0.00"
    assert len(list(book["FAB"].iter_rows())) > 40
    english = load_workbook(exported["en"])
    assert english.sheetnames == ["Items", "FAB", "Prices", "Catalogue"]
    header = next(english["Items"].iter_rows(values_only=True))
    assert header == (
        "code",
        "kind",
        "name_zh",
        "name_en",
        "unit_zh",
        "unit_en",
        "basis",
        "module",
        "vat_rate",
        "maintenance_percent",
        "description_zh",
        "description_en",
        "active",
    )
    assert [c.value for c in english["FAB"][1]] == [
        "item",
        "feature_zh",
        "feature_en",
        "advantage_zh",
        "advantage_en",
        "benefit_zh",
        "benefit_en",
    ]


def test_edited_catalogue_round_trips(shipped: Catalogue, tmp_path: Path) -> None:
    """What the shipped sample does not use: an inactive item, its own VAT
    rate, a price list without prices, other kind rates, a fixed fee, text
    that looks like a formula."""
    data = catalogue_to_data(shipped)
    data["items"][2]["active"] = False
    data["items"][3]["vat_rate"] = "9.5"
    data["items"][4]["description"] = {"zh": "=SUM(A1:A2) 不是公式", "en": ""}
    data["items"][5]["name"]["en"] = "Bell\x07 and tab\t"
    data["vat_rates"]["service"] = "3"
    data["price_lists"][0]["prices"]["mnt_annual"] = "12000.50"
    data["price_lists"][0]["tax_inclusive"] = False
    data["price_lists"].append(
        {
            "code": "promo",
            "name": {"zh": "促销"},
            "valid_from": "2020-01-01",
            "valid_until": "2020-12-31",
        }
    )
    catalogue = parse_catalogue(data)
    path = tmp_path / "own.xlsx"
    export_catalogue_xlsx(catalogue, path, language="en")
    back = import_catalogue_xlsx(path)
    assert back.items[5].name.en == "Bell and tab"  # XML holds no control characters
    assert replace(back, items=back.items[:5] + back.items[6:]) == replace(
        catalogue, items=catalogue.items[:5] + catalogue.items[6:]
    )
    assert back.items[4].description.zh.startswith("=SUM")


# --- what an operations person may type ----------------------------------------------


def test_headers_in_either_language_any_order_and_spelling(tmp_path: Path) -> None:
    book = Workbook()
    items = book.active
    assert items is not None
    items.title = "items"
    items.append(["Name_ZH", " 编码 ", "KIND", "单位（中文）", "module", "basis", "税率(%)"])
    items.append(["财务", "fin", "软件许可", "用户", "finance", "Per user", 0.13])
    items.append(["实施", "impl", "Implementation services", "人天", None, None, None])
    items["G2"].number_format = "0%"  # 13 % typed as a percentage
    prices = book.create_sheet("价目表")
    prices.append(["价目表编码", "name_zh", "valid_from", "item", "PRICE", "含税"])
    prices.append(["p1", "价目表", date(2026, 1, 1), "fin", 3990.0000000000005, "否"])
    prices.append(["p1", None, None, "impl", "2,500", None])
    path = tmp_path / "typed.xlsx"
    book.save(path)
    catalogue = import_catalogue_xlsx(path, version="acme@1", modules=MODULES)
    assert catalogue.version == "acme@1"
    fin, impl = catalogue.items
    assert (fin.kind, fin.basis and fin.basis.value, fin.vat_rate) == (
        ItemKind.LICENCE,
        "per_user",
        Decimal(13),
    )
    assert impl.kind is ItemKind.SERVICE and impl.vat_rate is None
    (price_list,) = catalogue.price_lists
    assert not price_list.tax_inclusive
    assert price_list.prices == {"fin": Decimal("3990.00"), "impl": Decimal("2500.00")}
    assert catalogue.vat_rates[ItemKind.SERVICE] == 6  # no Catalogue sheet: the standard rates


def test_version_argument_wins_and_is_required_somewhere(
    exported: dict[str, Path], tmp_path: Path
) -> None:
    assert import_catalogue_xlsx(exported["en"], version="v2").version == "v2"
    book = load_workbook(exported["en"])
    del book["Catalogue"]
    path = tmp_path / "no-version.xlsx"
    book.save(path)
    assert problems_of(path) == [
        'The catalogue\'s version is missing: write it on the sheet "Catalogue" (key version) '
        "or give it when importing"
    ]
    assert import_catalogue_xlsx(path, version="v3").version == "v3"


# --- problems by sheet and row -----------------------------------------------------------


def test_problems_name_sheet_and_row(exported: dict[str, Path], tmp_path: Path) -> None:
    path = edited(
        exported["en"],
        tmp_path / "bad.xlsx",
        {
            ("Prices", "H7"): -5,
            ("Prices", "H8"): 12.345,
            ("Prices", "H10"): "abc",
            ("Prices", "D9"): "2026-02-01",  # the list's start differs from its first row
            ("Items", "C5"): None,
            ("Items", "B6"): "gadget",
            ("Items", "A13"): "lic_asset",  # used twice
            ("Items", "G15"): "per_user",  # a service has no basis
            ("Items", "J21"): 120,
            ("FAB", "A3"): "nope",
            ("Catalogue", "B3"): 200,
        },
    )
    line = {
        "Items row 5": "Items row 5: name_zh must not be empty",
        "Items row 6": 'Items row 6: kind is "gadget"; use one of: licence, service, maintenance, '
        "third_party",
        "Items row 13": 'Items row 13: The code "lic_asset" is used twice (first on row 12)',
        "Items row 15": "Items row 15: Only a licence has a basis, not the service item "
        '"svc_configuration"',
        "Items row 21": "Items row 21: maintenance_percent 120 must be from 0 to 100",
        "FAB row 3": 'FAB row 3: item "nope" is not an item of the items sheet',
        "Prices row 7": "Prices row 7: price must not be negative (-5)",
        "Prices row 8": "Prices row 8: price may have at most two decimals, not 12.345",
        "Prices row 9": "Prices row 9: valid_from differs from row 2, where the price list "
        '"std_2026" is first given; leave it empty or the same',
        "Prices row 10": 'Prices row 10: price must be a number, not "abc"',
        "Catalogue row 3": "Catalogue row 3: value 200 must be from 0 to 100",
    }
    problems = problems_of(path)
    for expected in line.values():
        assert expected in problems, (expected, problems)
    # in the order of the workbook: sheet by sheet, row by row
    firsts = [next(n for n, p in enumerate(problems) if p.startswith(k + ":")) for k in line]
    assert firsts == sorted(firsts)


def test_chinese_workbook_problems_use_its_own_names(
    exported: dict[str, Path], tmp_path: Path
) -> None:
    path = edited(exported["zh_CN"], tmp_path / "bad.xlsx", {("价目表", "H7"): -1})
    assert problems_of(path) == ["价目表 row 7: 单价 must not be negative (-1)"]


def test_price_list_rows_must_agree_and_price_once(
    exported: dict[str, Path], tmp_path: Path
) -> None:
    path = edited(
        exported["en"],
        tmp_path / "twice.xlsx",
        {("Prices", "G4"): "lic_finance", ("Prices", "B5"): "另一个名称", ("Prices", "C6"): None},
    )
    assert problems_of(path) == [
        'Prices row 4: The price list "std_2026" prices "lic_finance" twice (first on row 3)',
        'Prices row 5: name_zh differs from row 2, where the price list "std_2026" is first '
        "given; leave it empty or the same",
    ]
    path = edited(exported["en"], tmp_path / "empty.xlsx", {("Prices", "G4"): None})
    assert problems_of(path) == ["Prices row 4: item must not be empty"]
    path = edited(exported["en"], tmp_path / "nofrom.xlsx", {("Prices", "D2"): None})
    assert problems_of(path) == ["Prices row 2: valid_from must not be empty"]


def test_missing_sheets_columns_and_unknown_columns(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Items"
    sheet.append(["code", "kind", "name_zh", "colour"])
    sheet.append(["x", "licence", "X", "red"])
    path = tmp_path / "thin.xlsx"
    book.save(path)
    assert problems_of(path) == [
        'Items row 1: Unknown column "colour"; the columns are: 编码/code, 类型/kind, '
        "名称(中文)/name_zh, 名称(英文)/name_en, 单位(中文)/unit_zh, 单位(英文)/unit_en, "
        "计价方式/basis, 模块/module, 税率(%)/vat_rate, 维护费比例(%)/maintenance_percent, "
        "描述(中文)/description_zh, 描述(英文)/description_en, 启用/active",
        'Items row 1: The sheet has no column "单位(中文)" (or "unit_zh")',
        'The workbook has no sheet "价目表" (or "Prices")',
    ]
    sheet.delete_cols(4)
    sheet["D1"] = "名称（中文）"
    book.save(path)
    assert (
        problems_of(path)[0]
        == 'Items row 1: The columns "name_zh" and "名称（中文）" mean the same'
    )


def test_an_empty_items_sheet(exported: dict[str, Path], tmp_path: Path) -> None:
    book = load_workbook(exported["en"])
    book["Items"].delete_rows(2, 100)
    book["FAB"].delete_rows(2, 200)
    book["Prices"].delete_rows(2, 100)
    path = tmp_path / "empty.xlsx"
    book.save(path)
    assert problems_of(path) == ["Items: The sheet has no rows below its header"]


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "prices.xlsx"
    path.write_text("code,price\nx,1\n", encoding="utf-8")
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}: The file is not an Excel workbook (.xlsx)")
    (problem,) = problems_of(tmp_path / "missing.xlsx")
    assert problem.startswith(f"{tmp_path / 'missing.xlsx'}: The catalogue cannot be read")


# --- writing ------------------------------------------------------------------------------


def test_export_replaces_whole_or_leaves_the_target(shipped: Catalogue, tmp_path: Path) -> None:
    target = tmp_path / "catalogue.xlsx"
    target.write_bytes(b"old")
    export_catalogue_xlsx(shipped, target)
    assert import_catalogue_xlsx(target) == shipped
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalogue.xlsx"]
    with pytest.raises(DomainError, match="cannot be written"):
        export_catalogue_xlsx(shipped, tmp_path / "no-such-folder" / "c.xlsx")
    folder = tmp_path / "a-folder.xlsx"
    folder.mkdir()
    with pytest.raises(DomainError, match="cannot be written"):
        export_catalogue_xlsx(shipped, folder)
    assert folder.is_dir() and not any(folder.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder.xlsx", "catalogue.xlsx"]
