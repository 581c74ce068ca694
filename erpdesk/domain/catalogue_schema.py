"""The catalogue's schema: plain data (parsed TOML, the JSON the desk
stores, a workbook's rows) read into a checked ``Catalogue``.

Unlike the playbook's check, which stops at the first problem, this lists
*every* problem, each with the key path it concerns, so a person fixing a
file or a workbook sees them all at once; the reader of each source turns
the path into a place (``erpdesk.catalogues``: the TOML line;
``erpdesk.services.catalogue_io``: the sheet and row).  What is refused: a
key of the wrong type, a missing or an unknown key (so a typo is caught,
not ignored), codes that are malformed or used twice, an unknown kind or
basis, a basis on anything but a licence or a licence without one,
``maintenance_percent`` on anything but a maintenance item or a maintenance
item without one, percentages outside 0..100, amounts negative or finer than
the fen, a module the playbook does not have, price lists whose dates are
reversed or overlap, and prices for items the catalogue does not have.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from erpdesk.domain.catalogue import (
    DEFAULT_VAT_RATES,
    FAB_PARTS,
    Catalogue,
    CatalogueError,
    CatalogueItem,
    CatalogueProblem,
    Fab,
    LicenceBasis,
    PriceList,
    Text,
    as_decimal,
    key_path,
)
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.money import MONEY_CONTEXT, round_fen
from erpdesk.domain.playbook_schema import (
    EMPTY,
    MISSING_KEY,
    NOT_BOOL,
    NOT_LIST,
    NOT_TABLE,
    NOT_TEXT,
    PERCENT_RANGE,
    UNKNOWN_KEY,
    UNKNOWN_VALUE,
)
from erpdesk.domain.quote import ItemKind
from erpdesk.domain.toml_lines import Path

# Item and price list codes.
CODE_PATTERN = re.compile(r"[a-z0-9_.-]+\Z")

UNKNOWN_TOP_KEY = QT_TRANSLATE_NOOP("Domain", 'Unknown key "{key}"; allowed here: {allowed}')
MISSING_TOP_KEY = QT_TRANSLATE_NOOP("Domain", '"{key}" is missing')
BAD_CODE = QT_TRANSLATE_NOOP(
    "Domain",
    'The code "{code}" may hold only lower-case letters, digits, "_", "." and "-"',
)
DUPLICATE_CODE = QT_TRANSLATE_NOOP(
    "Domain", 'The code "{code}" is used twice in {table} (first at {first})'
)
NOT_NUMBER = QT_TRANSLATE_NOOP("Domain", '{key} must be a number, not "{value}"')
TOO_PRECISE = QT_TRANSLATE_NOOP("Domain", "{key} may have at most two decimals, not {value}")
NEGATIVE = QT_TRANSLATE_NOOP("Domain", "{key} must not be negative ({value})")
NOT_DATE = QT_TRANSLATE_NOOP("Domain", '{key} must be a date such as 2026-01-31, not "{value}"')
BASIS_NOT_HERE = QT_TRANSLATE_NOOP(
    "Domain", 'Only a licence has a basis, not the {kind} item "{code}"'
)
BASIS_MISSING = QT_TRANSLATE_NOOP(
    "Domain", 'The licence "{code}" needs a basis: per_user, per_site or per_company'
)
PERCENT_MISSING = QT_TRANSLATE_NOOP(
    "Domain",
    'The maintenance item "{code}" needs maintenance_percent: its yearly price '
    "as a percentage of the licences",
)
PERCENT_NOT_HERE = QT_TRANSLATE_NOOP(
    "Domain", 'Only a maintenance item has maintenance_percent, not the {kind} item "{code}"'
)
DATES_REVERSED = QT_TRANSLATE_NOOP(
    "Domain", 'The price list "{code}" ends on {until}, before it starts on {start}'
)
OVERLAP = QT_TRANSLATE_NOOP(
    "Domain",
    'The price lists "{code}" and "{other}" are both valid on {day}; price lists may not overlap',
)
UNKNOWN_PRICED_ITEM = QT_TRANSLATE_NOOP(
    "Domain", 'The price list "{code}" prices "{item}", which is not an item of the catalogue'
)
NESTED_PRICE = QT_TRANSLATE_NOOP(
    "Domain",
    '{key} is not a price; write an item code holding a "." in quotes: "{example}" = 100.00',
)

_TOP_KEYS = ("version", "items")
_TOP_OPTIONAL = ("vat_rates", "price_lists")
_ITEM_KEYS = ("code", "kind", "name", "unit")
_ITEM_OPTIONAL = (
    "basis",
    "module",
    "vat_rate",
    "maintenance_percent",
    "description",
    "fab",
    "active",
)
_LIST_KEYS = ("code", "name", "valid_from")
_LIST_OPTIONAL = ("valid_until", "tax_inclusive", "prices")
_FEN = Decimal("0.01")


@dataclass(frozen=True)
class _Period:
    """A price list's code and validity, where it is."""

    code: str
    start: date
    until: date | None
    path: Path


class _Parser:
    """Reads plain data into catalogue objects, collecting every problem."""

    def __init__(self, modules: Collection[str] | None) -> None:
        self.modules = None if modules is None else tuple(modules)
        self.problems: list[CatalogueProblem] = []

    def add(self, path: Path, text: str, code: str, /, **params: Any) -> None:
        self.problems.append(CatalogueProblem(path, code, text, params))

    # --- shapes -------------------------------------------------------------

    def table(self, value: Any, path: Path) -> Mapping[str, Any] | None:
        if isinstance(value, Mapping):
            return value
        self.add(path, NOT_TABLE, "not_table", key=key_path(path) or "catalogue")
        return None

    def keys(
        self, table: Mapping[str, Any], path: Path, required: Sequence[str], optional: Sequence[str]
    ) -> None:
        allowed = (*required, *optional)
        for key in table:
            if key not in allowed:
                params = {"key": key, "allowed": ", ".join(allowed)}
                if path:
                    self.add(
                        (*path, key), UNKNOWN_KEY, "unknown_key", table=key_path(path), **params
                    )
                else:
                    self.add((key,), UNKNOWN_TOP_KEY, "unknown_key", **params)
        for key in required:
            if key not in table:
                if path:
                    self.add(path, MISSING_KEY, "missing_key", key=key, table=key_path(path))
                else:
                    self.add(path, MISSING_TOP_KEY, "missing_key", key=key)

    def text(self, table: Mapping[str, Any], key: str, path: Path, *, required: bool) -> str | None:
        """The text under *key* stripped ("" when optional and absent)."""
        where = (*path, key)
        if key not in table:
            return None if required else ""  # a missing required key is reported by keys()
        value = table[key]
        if not isinstance(value, str):
            self.add(where, NOT_TEXT, "not_text", key=key_path(where))
            return None
        if required and not value.strip():
            self.add(where, EMPTY, "empty", key=key_path(where))
            return None
        return value.strip()

    def bilingual(self, table: Mapping[str, Any], key: str, path: Path) -> Text | None:
        """``{zh = "...", en = "..."}``: zh required, en optional."""
        where = (*path, key)
        if key not in table:
            return None
        value = self.table(table[key], where)
        if value is None:
            return None
        self.keys(value, where, ("zh",), ("en",))
        zh = self.text(value, "zh", where, required=True)
        en = self.text(value, "en", where, required=False)
        return None if zh is None or en is None else Text(zh, en)

    def code(self, table: Mapping[str, Any], path: Path) -> str | None:
        code = self.text(table, "code", path, required=True)
        if code is not None and not CODE_PATTERN.match(code):
            self.add((*path, "code"), BAD_CODE, "bad_code", code=code)
            return None
        return code

    def enum(self, table: Mapping[str, Any], key: str, path: Path, kind: type[Any]) -> Any:
        value = self.text(table, key, path, required=True)
        if value is None:
            return None
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(member.value for member in kind)
            self.add(
                (*path, key),
                UNKNOWN_VALUE,
                "unknown_value",
                key=key_path((*path, key)),
                value=value,
                allowed=allowed,
            )
            return None

    def boolean(self, table: Mapping[str, Any], key: str, path: Path, default: bool) -> bool:
        value = table.get(key, default)
        if isinstance(value, bool):
            return value
        self.add((*path, key), NOT_BOOL, "not_bool", key=key_path((*path, key)))
        return default

    def number(self, value: Any, where: Path, *, percent: bool = False) -> Decimal | None:
        """*value* (at *where*) as a non-negative Decimal with at most two
        decimals: a price to the fen, or a percentage up to 100 when
        *percent*."""
        number = as_decimal(value)
        if number is None:
            self.add(where, NOT_NUMBER, "not_number", key=key_path(where), value=value)
            return None
        if percent and not 0 <= number <= 100:
            self.add(where, PERCENT_RANGE, "percent_range", key=key_path(where), value=number)
            return None
        if number < 0:
            self.add(where, NEGATIVE, "negative", key=key_path(where), value=number)
            return None
        if number != number.quantize(_FEN, context=MONEY_CONTEXT):
            self.add(where, TOO_PRECISE, "too_precise", key=key_path(where), value=number)
            return None
        return number

    def day(self, table: Mapping[str, Any], key: str, path: Path) -> date | None:
        value = table[key]
        if isinstance(value, datetime) and value.time() == time():
            return value.date()
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        where = (*path, key)
        self.add(where, NOT_DATE, "not_date", key=key_path(where), value=value)
        return None

    def array(self, table: Mapping[str, Any], key: str, path: Path) -> list[Any]:
        value = table.get(key, [])
        if isinstance(value, list | tuple):
            return list(value)
        self.add((*path, key), NOT_LIST, "not_list", key=key_path((*path, key)))
        return []

    def unique(self, codes: Iterable[tuple[str, Path]], table: str) -> None:
        seen: dict[str, Path] = {}
        for code, path in codes:
            if code in seen:
                self.add(
                    (*path, "code"),
                    DUPLICATE_CODE,
                    "duplicate_code",
                    code=code,
                    table=table,
                    first=key_path(seen[code]),
                    first_path=seen[code],
                )
            else:
                seen[code] = path

    # --- the catalogue ---------------------------------------------------------

    def read(self, data: Any) -> Catalogue | None:
        top = self.table(data, ())
        if top is None:
            return None
        self.keys(top, (), _TOP_KEYS, _TOP_OPTIONAL)
        version = self.text(top, "version", (), required=True)
        vat_rates = self.vat_rates(top)
        raw_items = self.array(top, "items", ())
        if "items" in top and not raw_items:
            self.add(("items",), EMPTY, "empty", key="items")
        codes: list[tuple[str, Path]] = []
        items = [self.item(raw, ("items", n), codes) for n, raw in enumerate(raw_items)]
        self.unique(codes, "items")
        known = {code for code, _ in codes}
        raw_lists = self.array(top, "price_lists", ())
        periods: list[_Period] = []
        lists = [
            self.price_list(raw, ("price_lists", n), known, periods)
            for n, raw in enumerate(raw_lists)
        ]
        self.unique(((p.code, p.path) for p in periods), "price_lists")
        self.overlaps(periods)
        if self.problems or version is None:
            return None
        return Catalogue(
            version=version,
            items=tuple(i for i in items if i is not None),
            price_lists=tuple(p for p in lists if p is not None),
            vat_rates=vat_rates,
        )

    def vat_rates(self, top: Mapping[str, Any]) -> dict[ItemKind, Decimal]:
        rates = dict(DEFAULT_VAT_RATES)
        if "vat_rates" not in top:
            return rates
        table = self.table(top["vat_rates"], ("vat_rates",))
        if table is None:
            return rates
        self.keys(table, ("vat_rates",), (), tuple(kind.value for kind in ItemKind))
        for kind in ItemKind:
            if kind.value in table:
                rate = self.number(table[kind.value], ("vat_rates", kind.value), percent=True)
                if rate is not None:
                    rates[kind] = rate
        return rates

    def item(self, raw: Any, path: Path, codes: list[tuple[str, Path]]) -> CatalogueItem | None:
        table = self.table(raw, path)
        if table is None:
            return None
        before = len(self.problems)
        self.keys(table, path, _ITEM_KEYS, _ITEM_OPTIONAL)
        code = self.code(table, path)
        written = table.get("code")
        if isinstance(written, str) and written.strip():
            # even a malformed code: its prices are then not "unknown items" too
            codes.append((written.strip(), path))
        kind: ItemKind | None = (
            self.enum(table, "kind", path, ItemKind) if "kind" in table else None
        )
        name = self.bilingual(table, "name", path)
        unit = self.bilingual(table, "unit", path)
        basis: LicenceBasis | None = None
        if "basis" in table:
            basis = self.enum(table, "basis", path, LicenceBasis)
            if kind is not None and kind is not ItemKind.LICENCE:
                self.add(
                    (*path, "basis"),
                    BASIS_NOT_HERE,
                    "basis_not_allowed",
                    kind=kind.value,
                    code=code or "?",
                )
        elif kind is ItemKind.LICENCE:
            self.add((*path, "kind"), BASIS_MISSING, "basis_missing", code=code or "?")
        module = self.text(table, "module", path, required=False)
        if module and self.modules is not None and module not in self.modules:
            self.add(
                (*path, "module"),
                UNKNOWN_VALUE,
                "unknown_module",
                key=key_path((*path, "module")),
                value=module,
                allowed=", ".join(self.modules),
            )
        vat_rate = (
            self.number(table["vat_rate"], (*path, "vat_rate"), percent=True)
            if "vat_rate" in table
            else None
        )
        maintenance = None
        if "maintenance_percent" in table:
            maintenance = self.number(
                table["maintenance_percent"], (*path, "maintenance_percent"), percent=True
            )
            if kind is not None and kind is not ItemKind.MAINTENANCE:
                self.add(
                    (*path, "maintenance_percent"),
                    PERCENT_NOT_HERE,
                    "percent_not_allowed",
                    kind=kind.value,
                    code=code or "?",
                )
        elif kind is ItemKind.MAINTENANCE:
            self.add((*path, "kind"), PERCENT_MISSING, "percent_missing", code=code or "?")
        description = self.bilingual(table, "description", path)
        fab = [
            self.fab(raw_fab, (*path, "fab", n))
            for n, raw_fab in enumerate(self.array(table, "fab", path))
        ]
        active = self.boolean(table, "active", path, True)
        if len(self.problems) > before:
            return None
        assert code is not None and kind is not None and name is not None and unit is not None
        return CatalogueItem(
            code=code,
            kind=kind,
            name=name,
            unit=unit,
            basis=basis,
            module=module or "",
            vat_rate=vat_rate,
            maintenance_percent=maintenance,
            description=description or Text(""),
            fab=tuple(f for f in fab if f is not None),
            active=active,
        )

    def fab(self, raw: Any, path: Path) -> Fab | None:
        table = self.table(raw, path)
        if table is None:
            return None
        self.keys(table, path, FAB_PARTS, ())
        feature, advantage, benefit = (self.bilingual(table, key, path) for key in FAB_PARTS)
        if feature is None or advantage is None or benefit is None:
            return None
        return Fab(feature, advantage, benefit)

    def price_list(
        self, raw: Any, path: Path, known: Collection[str], periods: list[_Period]
    ) -> PriceList | None:
        """A price list; its code and validity go to *periods* when they can
        be read, so that a bad price does not hide a duplicate or overlap."""
        table = self.table(raw, path)
        if table is None:
            return None
        before = len(self.problems)
        self.keys(table, path, _LIST_KEYS, _LIST_OPTIONAL)
        code = self.code(table, path)
        name = self.bilingual(table, "name", path)
        start = self.day(table, "valid_from", path) if "valid_from" in table else None
        until = self.day(table, "valid_until", path) if "valid_until" in table else None
        if start is not None and until is not None and until < start:
            self.add(
                (*path, "valid_until"),
                DATES_REVERSED,
                "dates_reversed",
                code=code or "?",
                start=start.isoformat(),
                until=until.isoformat(),
            )
        elif code is not None and start is not None:
            periods.append(_Period(code, start, until, path))
        tax_inclusive = self.boolean(table, "tax_inclusive", path, True)
        prices: dict[str, Decimal] = {}
        raw_prices = self.table(table.get("prices", {}), (*path, "prices"))
        for item, value in (raw_prices or {}).items():
            where = (*path, "prices", item)
            if isinstance(value, Mapping):
                # a dotted key (lic.hr = 1) is a table in TOML: point at its line
                inner = next(iter(value), "")
                self.add(
                    (*where, inner) if inner else where,
                    NESTED_PRICE,
                    "nested_price",
                    key=key_path(where),
                    example=f"{item}.{inner}",
                )
                continue
            if item not in known:
                self.add(where, UNKNOWN_PRICED_ITEM, "unknown_item", code=code or "?", item=item)
                continue
            price = self.number(value, where)
            if price is not None:
                prices[item] = round_fen(price)
        if len(self.problems) > before:
            return None
        assert code is not None and name is not None and start is not None
        return PriceList(code, name, start, until, tax_inclusive, prices)

    def overlaps(self, periods: list[_Period]) -> None:
        """Each list that starts before an earlier-starting one has ended."""
        ordered = sorted(periods, key=lambda period: period.start)
        last: _Period | None = None  # of those seen, the one ending last
        for period in ordered:
            if last is not None and (last.until is None or last.until >= period.start):
                self.add(
                    (*period.path, "valid_from"),
                    OVERLAP,
                    "overlap",
                    code=period.code,
                    other=last.code,
                    day=period.start.isoformat(),
                )
            if last is None or (
                last.until is not None and (period.until is None or period.until > last.until)
            ):
                last = period


def read_data(data: Any, modules: Collection[str] | None) -> Catalogue:
    """*data* as a checked ``Catalogue``; ``CatalogueError`` listing every
    problem otherwise (``erpdesk.domain.catalogue.parse_catalogue``)."""
    parser = _Parser(modules)
    catalogue = parser.read(data)
    if catalogue is None:
        raise CatalogueError(parser.problems)
    return catalogue
