"""The catalogue as an Excel workbook (产品目录导入导出).

A sales-operations person keeps prices in Excel; this writes a catalogue to
a workbook and reads one back.  Four sheets, headers Chinese or English (an
import takes either, in any case and spacing):

- 产品 / Items: one row per item;
- FAB / FAB: one row per FAB statement, naming its item's code;
- 价目表 / Prices: one row per price list and item (the list's name,
  validity and tax mode repeated on each row; a later row may leave them
  empty);
- 目录 / Catalogue: the version and the VAT rate of each kind (optional on
  import: without it the version must be given and the kinds take the
  standard rates).

An import is all or nothing: the workbook becomes plain data checked by the
domain's ``parse_catalogue``, and every problem, the reader's and the
schema's alike, names the sheet and the row a spreadsheet shows ("Prices row
7: price must not be negative (-5)").  An export is written beside the
target under a temporary name and renamed when complete, so a failed export
never leaves a half-written file.
"""

from __future__ import annotations

import contextlib
import io
import os
import uuid
import warnings
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from erpdesk.catalogues import CANNOT_READ
from erpdesk.domain.catalogue import (
    FAB_PARTS,
    Catalogue,
    CatalogueError,
    CatalogueProblem,
    LicenceBasis,
    Text,
    parse_catalogue,
)
from erpdesk.domain.errors import DomainError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.money import MONEY_CONTEXT
from erpdesk.domain.playbook_schema import EMPTY
from erpdesk.domain.quote import ItemKind
from erpdesk.domain.toml_lines import Path as KeyPath
from erpdesk.os_errors import explain, remove_quietly
from erpdesk.services.importer import cell_text, header_key

# Messages of the reader (rendered by ``CatalogueProblem``, context Domain).
CANNOT_WRITE = QT_TRANSLATE_NOOP("Domain", "The workbook {path} cannot be written ({detail})")
NOT_WORKBOOK = QT_TRANSLATE_NOOP("Domain", "The file is not an Excel workbook (.xlsx): {detail}")
NO_SHEET = QT_TRANSLATE_NOOP("Domain", 'The workbook has no sheet "{zh}" (or "{en}")')
NO_COLUMN = QT_TRANSLATE_NOOP("Domain", 'The sheet has no column "{zh}" (or "{en}")')
UNKNOWN_COLUMN = QT_TRANSLATE_NOOP(
    "Domain", 'Unknown column "{column}"; the columns are: {allowed}'
)
SAME_COLUMN = QT_TRANSLATE_NOOP("Domain", 'The columns "{first}" and "{second}" mean the same')
NO_ROWS = QT_TRANSLATE_NOOP("Domain", "The sheet has no rows below its header")
UNKNOWN_FAB_ITEM = QT_TRANSLATE_NOOP(
    "Domain", '{column} "{code}" is not an item of the items sheet'
)
PRICED_TWICE = QT_TRANSLATE_NOOP(
    "Domain", 'The price list "{code}" prices "{item}" twice (first on row {first})'
)
LIST_DIFFERS = QT_TRANSLATE_NOOP(
    "Domain",
    '{column} differs from row {first}, where the price list "{code}" is first given; '
    "leave it empty or the same",
)
UNKNOWN_SETTING = QT_TRANSLATE_NOOP("Domain", '"{key}" is not a setting; use one of: {allowed}')
SETTING_TWICE = QT_TRANSLATE_NOOP("Domain", '"{key}" is given twice (first on row {first})')
NO_VERSION = QT_TRANSLATE_NOOP(
    "Domain",
    'The catalogue\'s version is missing: write it on the sheet "{sheet}" (key version) '
    "or give it when importing",
)
DUPLICATE_ROW = QT_TRANSLATE_NOOP(
    "Domain", 'The code "{code}" is used twice (first on row {first})'
)

_TRUE = frozenset({"true", "yes", "y", "1", "是", "含税", "启用", "对"})
_FALSE = frozenset({"false", "no", "n", "0", "否", "不含税", "停用", "错"})


@dataclass(frozen=True)
class _Column:
    key: str
    zh: str
    en: str
    required: bool = False


@dataclass(frozen=True)
class _Sheet:
    zh: str
    en: str
    columns: tuple[_Column, ...]

    def title(self, zh: bool) -> str:
        return self.zh if zh else self.en


ITEMS = _Sheet(
    "产品",
    "Items",
    (
        _Column("code", "编码", "code", True),
        _Column("kind", "类型", "kind", True),
        _Column("name_zh", "名称(中文)", "name_zh", True),
        _Column("name_en", "名称(英文)", "name_en"),
        _Column("unit_zh", "单位(中文)", "unit_zh", True),
        _Column("unit_en", "单位(英文)", "unit_en"),
        _Column("basis", "计价方式", "basis"),
        _Column("module", "模块", "module"),
        _Column("vat_rate", "税率(%)", "vat_rate"),
        _Column("maintenance_percent", "维护费比例(%)", "maintenance_percent"),
        _Column("description_zh", "描述(中文)", "description_zh"),
        _Column("description_en", "描述(英文)", "description_en"),
        _Column("active", "启用", "active"),
    ),
)
FAB = _Sheet(
    "FAB",
    "FAB",
    (
        _Column("item", "产品编码", "item", True),
        _Column("feature_zh", "特性(中文)", "feature_zh", True),
        _Column("feature_en", "特性(英文)", "feature_en"),
        _Column("advantage_zh", "优势(中文)", "advantage_zh", True),
        _Column("advantage_en", "优势(英文)", "advantage_en"),
        _Column("benefit_zh", "利益(中文)", "benefit_zh", True),
        _Column("benefit_en", "利益(英文)", "benefit_en"),
    ),
)
PRICES = _Sheet(
    "价目表",
    "Prices",
    (
        _Column("price_list", "价目表编码", "price_list", True),
        _Column("name_zh", "价目表名称(中文)", "name_zh", True),
        _Column("name_en", "价目表名称(英文)", "name_en"),
        _Column("valid_from", "生效日期", "valid_from", True),
        _Column("valid_until", "失效日期", "valid_until"),
        _Column("tax_inclusive", "含税", "tax_inclusive"),
        _Column("item", "产品编码", "item", True),
        _Column("price", "单价", "price", True),
    ),
)
SETTINGS = _Sheet(
    "目录",
    "Catalogue",
    (
        _Column("key", "项目", "key", True),
        _Column("value", "值", "value", True),
        _Column("note", "说明", "note"),
    ),
)
# The settings of the Catalogue sheet: key -> (zh, en) note.
_SETTINGS = {
    "version": ("目录版本（每次修改后请更新）", "Catalogue version (raise it on every change)"),
    **{
        f"vat_rate.{kind.value}": (f"{kind.zh}税率(%)", f"VAT rate of {kind.value} items (%)")
        for kind in ItemKind
    },
}
_LIST_FIELDS = ("name_zh", "name_en", "valid_from", "valid_until", "tax_inclusive")


# --- export -------------------------------------------------------------------


def export_catalogue_xlsx(
    catalogue: Catalogue, path: Path | str, *, language: str = "zh_CN"
) -> None:
    """Write *catalogue* to the workbook *path*, headers in *language*
    (Chinese for any zh, else English).  ``DomainError`` when it cannot be
    written; the target is then left as it was."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    path = Path(path)
    zh = language.lower().startswith("zh")
    book = Workbook()
    default = book.active
    if default is not None:
        book.remove(default)
    sheets = (
        (ITEMS, _item_rows(catalogue, zh)),
        (FAB, _fab_rows(catalogue)),
        (PRICES, _price_rows(catalogue)),
        (SETTINGS, _setting_rows(catalogue, zh)),
    )
    for sheet, rows in sheets:
        ws = book.create_sheet(sheet.title(zh))
        ws.append([column.zh if zh else column.en for column in sheet.columns])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            # characters XML cannot hold are dropped
            ws.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
        for cells in ws.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, date):
                    cell.number_format = "yyyy-mm-dd"
                elif isinstance(cell.value, Decimal) and sheet is PRICES:
                    cell.number_format = "#,##0.00"
                elif isinstance(cell.value, str):
                    cell.data_type = "s"  # "=..." is text, never a formula
        for n, column in enumerate(sheet.columns):
            letter = ws.cell(row=1, column=n + 1).column_letter
            ws.column_dimensions[letter].width = 40 if "description" in column.key else 18
        ws.freeze_panes = "A2"
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        book.save(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise DomainError(CANNOT_WRITE, path=str(path), detail=explain(exc)[0]) from exc
    finally:
        remove_quietly(tmp)


def _item_rows(catalogue: Catalogue, zh: bool) -> Iterator[list[Any]]:
    for item in catalogue.items:
        yield [
            item.code,
            item.kind.zh if zh else item.kind.value,
            item.name.zh,
            item.name.en,
            item.unit.zh,
            item.unit.en,
            None if item.basis is None else (item.basis.zh if zh else item.basis.value),
            item.module or None,
            item.vat_rate,
            item.maintenance_percent,
            item.description.zh or None,
            item.description.en or None,
            item.active,
        ]


def _fab_rows(catalogue: Catalogue) -> Iterator[list[Any]]:
    for item in catalogue.items:
        for fab in item.fab:
            row: list[Any] = [item.code]
            for part in FAB_PARTS:
                text: Text = getattr(fab, part)
                row += [text.zh, text.en or None]
            yield row


def _price_rows(catalogue: Catalogue) -> Iterator[list[Any]]:
    for price_list in catalogue.price_lists:
        head = [
            price_list.code,
            price_list.name.zh,
            price_list.name.en or None,
            price_list.valid_from,
            price_list.valid_until,
            price_list.tax_inclusive,
        ]
        if not price_list.prices:
            yield [*head, None, None]
        for code, price in price_list.prices.items():
            yield [*head, code, price]


def _setting_rows(catalogue: Catalogue, zh: bool) -> Iterator[list[Any]]:
    yield ["version", catalogue.version, _SETTINGS["version"][0 if zh else 1]]
    for kind, rate in catalogue.vat_rates.items():
        key = f"vat_rate.{kind.value}"
        yield [key, rate, _SETTINGS[key][0 if zh else 1]]


# --- import -------------------------------------------------------------------


@dataclass(frozen=True)
class _Place:
    """Where a value of the data came from: a sheet's row and column."""

    sheet: str
    row: int | None
    column: str = ""


@dataclass
class _Table:
    """A sheet's rows: each a row number and its cells by column key."""

    title: str
    headers: dict[str, str]  # column key -> the header as written
    rows: list[tuple[int, dict[str, Any]]]


class _Reader:
    """Turns the workbook's sheets into the data ``parse_catalogue`` reads,
    remembering where each value came from."""

    def __init__(self) -> None:
        self.problems: list[CatalogueProblem] = []
        self.places: dict[KeyPath, _Place] = {}

    def add(self, sheet: str, row: int | None, text: str, code: str, /, **params: Any) -> None:
        self.problems.append(CatalogueProblem((), code, text, params, sheet=sheet, row=row))

    def place(self, path: KeyPath, table: _Table, row: int, column: str = "") -> None:
        self.places[path] = _Place(table.title, row, table.headers.get(column, ""))

    # --- sheets ---------------------------------------------------------------

    def table(self, book: Any, sheet: _Sheet, *, required: bool = True) -> _Table | None:
        wanted = {header_key(sheet.zh), header_key(sheet.en)}
        found = [ws for ws in book.worksheets if header_key(ws.title) in wanted]
        if not found:
            if required:
                self.add("", None, NO_SHEET, "no_sheet", zh=sheet.zh, en=sheet.en)
            return None
        ws = found[0]
        rows = [[_cell(cell) for cell in cells] for cells in ws.iter_rows()]
        return self.columns(ws.title, sheet, rows)

    def columns(self, title: str, sheet: _Sheet, rows: list[list[Any]]) -> _Table | None:
        lookup: dict[str, _Column] = {}
        for column in sheet.columns:
            lookup[header_key(column.zh)] = column
            lookup[header_key(column.en)] = column
        header = [cell_text(v) for v in rows[0]] if rows else []
        positions: dict[str, int] = {}
        headers: dict[str, str] = {}
        ok = True
        for n, text in enumerate(header):
            if not text:
                continue
            found = lookup.get(header_key(text))
            if found is None:
                allowed = ", ".join(c.zh + "/" + c.en for c in sheet.columns)
                self.add(title, 1, UNKNOWN_COLUMN, "unknown_column", column=text, allowed=allowed)
                ok = False
            elif found.key in positions:
                first = headers[found.key]
                self.add(title, 1, SAME_COLUMN, "same_column", first=first, second=text)
                ok = False
            else:
                positions[found.key] = n
                headers[found.key] = text
        for column in sheet.columns:
            if column.required and column.key not in positions:
                self.add(title, 1, NO_COLUMN, "no_column", zh=column.zh, en=column.en)
                ok = False
        if not ok:
            return None
        out: list[tuple[int, dict[str, Any]]] = []
        for number, cells in enumerate(rows[1:], start=2):
            values = {key: cells[n] if n < len(cells) else None for key, n in positions.items()}
            if any(v is not None for v in values.values()):
                out.append((number, values))
        return _Table(title, headers, out)

    # --- items and FAB --------------------------------------------------------

    def items(self, table: _Table) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        for row, values in table.rows:
            path: KeyPath = ("items", len(items))
            self.place(path, table, row)
            item: dict[str, Any] = {
                "code": cell_text(values.get("code")),
                "kind": _choice(values.get("kind"), ItemKind),
                "name": self.bilingual(values, "name", path, table, row),
                "unit": self.bilingual(values, "unit", path, table, row),
            }
            for key in ("code", "kind"):
                self.place((*path, key), table, row, key)
            if values.get("basis") is not None:
                item["basis"] = _choice(values["basis"], LicenceBasis)
            if values.get("module") is not None:
                item["module"] = cell_text(values["module"])
            for key in ("vat_rate", "maintenance_percent", "active"):
                if values.get(key) is not None:
                    item[key] = _flag(values[key]) if key == "active" else values[key]
            if values.get("description_zh") is not None or values.get("description_en") is not None:
                item["description"] = self.bilingual(values, "description", path, table, row)
            for key in ("basis", "module", "vat_rate", "maintenance_percent", "active"):
                self.place((*path, key), table, row, key)
            items.append(item)
        if not items:
            self.add(table.title, None, NO_ROWS, "no_rows")
        return items

    def bilingual(
        self, values: Mapping[str, Any], name: str, path: KeyPath, table: _Table, row: int
    ) -> dict[str, str]:
        for language in ("zh", "en"):
            self.place((*path, name, language), table, row, f"{name}_{language}")
        return {
            "zh": cell_text(values.get(f"{name}_zh")),
            "en": cell_text(values.get(f"{name}_en")),
        }

    def fab(self, table: _Table, items: list[dict[str, Any]]) -> None:
        index: dict[str, int] = {}
        for n, item in enumerate(items):
            index.setdefault(item["code"], n)
        for row, values in table.rows:
            code = cell_text(values.get("item"))
            if code not in index:
                column = table.headers["item"]
                if code:
                    self.add(
                        table.title, row, UNKNOWN_FAB_ITEM, "unknown_item", column=column, code=code
                    )
                else:
                    self.add(table.title, row, EMPTY, "empty", key=column)
                continue
            n = index[code]
            statements = items[n].setdefault("fab", [])
            path: KeyPath = ("items", n, "fab", len(statements))
            self.place(path, table, row)
            statements.append(
                {part: self.bilingual(values, part, path, table, row) for part in FAB_PARTS}
            )

    # --- prices -----------------------------------------------------------------

    def price_lists(self, table: _Table) -> list[dict[str, Any]]:
        lists: list[dict[str, Any]] = []
        first: dict[str, tuple[int, dict[str, Any]]] = {}  # code -> its first row
        seen: dict[tuple[str, str], int] = {}
        for row, values in table.rows:
            code = cell_text(values.get("price_list"))
            if not code:
                self.add(table.title, row, EMPTY, "empty", key=table.headers["price_list"])
                continue
            if code not in first:
                first[code] = (row, values)
                path: KeyPath = ("price_lists", len(lists))
                self.place(path, table, row)
                entry: dict[str, Any] = {
                    "code": code,
                    "name": self.bilingual(values, "name", path, table, row),
                    "prices": {},
                }
                for key in ("valid_from", "valid_until", "tax_inclusive", "code"):
                    self.place((*path, key), table, row, "price_list" if key == "code" else key)
                for key in ("valid_from", "valid_until"):
                    if values.get(key) is not None:
                        entry[key] = values[key]
                if values.get("tax_inclusive") is not None:
                    entry["tax_inclusive"] = _flag(values["tax_inclusive"])
                lists.append(entry)
            else:
                self.same_list(table, row, values, code, first[code])
            number = next(n for n, entry in enumerate(lists) if entry["code"] == code)
            self.price(table, row, values, lists[number], number, seen)
        return lists

    def same_list(
        self,
        table: _Table,
        row: int,
        values: Mapping[str, Any],
        code: str,
        first: tuple[int, Mapping[str, Any]],
    ) -> None:
        first_row, first_values = first
        for key in _LIST_FIELDS:
            value, given = values.get(key), first_values.get(key)
            if value is not None and given is not None and _comparable(value) != _comparable(given):
                column = table.headers.get(key, key)
                self.add(
                    table.title,
                    row,
                    LIST_DIFFERS,
                    "list_differs",
                    column=column,
                    first=first_row,
                    code=code,
                )

    def price(
        self,
        table: _Table,
        row: int,
        values: Mapping[str, Any],
        entry: dict[str, Any],
        number: int,
        seen: dict[tuple[str, str], int],
    ) -> None:
        item = cell_text(values.get("item"))
        price = values.get("price")
        if not item and price is None:
            return  # a list without prices
        if not item or price is None:
            key = table.headers["item" if not item else "price"]
            self.add(table.title, row, EMPTY, "empty", key=key)
            return
        if (entry["code"], item) in seen:
            self.add(
                table.title,
                row,
                PRICED_TWICE,
                "priced_twice",
                code=entry["code"],
                item=item,
                first=seen[entry["code"], item],
            )
            return
        seen[entry["code"], item] = row
        entry["prices"][item] = price
        self.place(("price_lists", number, "prices", item), table, row, "price")

    # --- settings -----------------------------------------------------------------

    def settings(self, table: _Table | None, data: dict[str, Any]) -> None:
        if table is None:
            return
        rows: dict[str, int] = {}
        for row, values in table.rows:
            key = cell_text(values.get("key")).lower()
            if key not in _SETTINGS:
                allowed = ", ".join(_SETTINGS)
                self.add(
                    table.title, row, UNKNOWN_SETTING, "unknown_setting", key=key, allowed=allowed
                )
                continue
            if key in rows:
                self.add(table.title, row, SETTING_TWICE, "setting_twice", key=key, first=rows[key])
                continue
            rows[key] = row
            value = values.get("value")
            if key == "version":
                if value is not None:
                    data["version"] = cell_text(value)
                    self.place(("version",), table, row, "value")
                continue
            kind = key.removeprefix("vat_rate.")
            data.setdefault("vat_rates", {})[kind] = "" if value is None else value
            self.place(("vat_rates", kind), table, row, "value")

    # --- the schema's problems, placed ---------------------------------------------

    def locate(self, problem: CatalogueProblem) -> CatalogueProblem:
        path = problem.path
        place = None
        while path and place is None:
            place = self.places.get(path)
            if place is None:
                path = path[:-1]
        if place is None:
            return problem
        params = dict(problem.params)
        if path == problem.path and place.column and "key" in params:
            params["key"] = place.column
        if problem.code == "missing_key":  # a value left out because its cell is empty
            child = self.places.get((*problem.path, params["key"]))
            if child is not None and child.column:
                return replace(
                    problem,
                    code="empty",
                    text=EMPTY,
                    params={"key": child.column},
                    sheet=child.sheet,
                    row=child.row,
                )
        if problem.code == "duplicate_code":
            first_place = self.places.get(params.get("first_path", ()))
            if first_place is not None:
                params["first"] = first_place.row
                return replace(
                    problem, text=DUPLICATE_ROW, params=params, sheet=place.sheet, row=place.row
                )
        return replace(problem, params=params, sheet=place.sheet, row=place.row)


def import_catalogue_xlsx(
    path: Path | str,
    *,
    modules: Collection[str] | None = None,
    version: str | None = None,
) -> Catalogue:
    """The catalogue in the workbook *path* (the layout ``export_catalogue_xlsx``
    writes, Chinese or English headers).  *version* names it when given,
    else the Catalogue sheet's version; *modules*: the playbook's module
    codes an item's module must be one of.  ``CatalogueError`` listing every
    problem by sheet and row; nothing is returned half-read."""
    path = Path(path)
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        detail = explain(exc)[0]
        problem = CatalogueProblem((), "cannot_read", CANNOT_READ, {"detail": detail}, source)
        raise CatalogueError([problem]) from None
    reader = _Reader()
    tables = _read_book(raw, source, reader)
    items_table, fab_table, prices_table, settings_table = tables
    data: dict[str, Any] = {}
    reader.settings(settings_table, data)
    if version is not None:
        data["version"] = version
    elif not data.get("version"):
        chinese = items_table is not None and items_table.title == ITEMS.zh
        reader.add("", None, NO_VERSION, "no_version", sheet=SETTINGS.title(chinese))
    data["items"] = reader.items(items_table) if items_table else []
    if fab_table is not None:
        reader.fab(fab_table, data["items"])
    data["price_lists"] = reader.price_lists(prices_table) if prices_table else []
    try:
        catalogue = parse_catalogue(data, modules=modules)
    except CatalogueError as exc:
        placed = [reader.locate(p) for p in exc.problems if not _said_already(p)]
        problems = reader.problems + placed
    else:
        problems = reader.problems
    if problems:
        order = {title: n for n, title in enumerate(t.title for t in tables if t is not None)}
        problems.sort(key=lambda p: (order.get(p.sheet, -1), p.row or 0))
        raise CatalogueError(problems)
    return catalogue


def _said_already(problem: CatalogueProblem) -> bool:
    """Whether the reader has reported *problem* in its own words: no item
    rows, no version."""
    if problem.path == ("items",) and problem.code == "empty":
        return True
    return problem.code == "missing_key" and problem.params.get("key") in ("items", "version")


def _read_book(
    raw: bytes, source: str, reader: _Reader
) -> tuple[_Table | None, _Table | None, _Table | None, _Table | None]:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it does not read.
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # zip, XML and openpyxl errors alike: not a workbook
        detail = explain(exc)[0]
        problem = CatalogueProblem((), "not_workbook", NOT_WORKBOOK, {"detail": detail}, source)
        raise CatalogueError([problem]) from None
    try:
        tables = (
            reader.table(book, ITEMS),
            reader.table(book, FAB, required=False),
            reader.table(book, PRICES),
            reader.table(book, SETTINGS, required=False),
        )
    finally:
        book.close()
    if reader.problems:  # a sheet or a column is missing: nothing more to say
        raise CatalogueError(reader.problems)
    return tables


# --- cells ----------------------------------------------------------------------


def _cell(cell: Any) -> Any:
    """A cell's value as the schema takes it: None for an empty one, text
    stripped, a float as the Decimal it means (a percentage cell's 13 %
    as 13; float noise beyond nine decimals dropped), a datetime at
    midnight as a date."""
    value = cell.value
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if "%" in (getattr(cell, "number_format", "") or ""):
            number *= 100
        if isinstance(value, float):
            with contextlib.suppress(InvalidOperation):  # too large to carry float noise
                number = number.quantize(Decimal("1e-9"), context=MONEY_CONTEXT).normalize()
        return int(number) if number == number.to_integral_value() else number
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date()
    return value


def _choice(value: Any, kind: type[ItemKind] | type[LicenceBasis]) -> str:
    """A kind or basis as its code, whether the cell holds the code, the
    Chinese term or the English label; unknown text as it is (the schema
    names what is allowed)."""
    text = cell_text(value)
    member = kind.parse(text) if text else None
    return member.value if member is not None else text


def _flag(value: Any) -> Any:
    """A yes/no cell as a bool; anything else as it is (the schema refuses it)."""
    if isinstance(value, bool):
        return value
    text = cell_text(value).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return value


def _comparable(value: Any) -> Any:
    if isinstance(value, str):
        flag = _flag(value)
        return flag if isinstance(flag, bool) else value
    return value
