"""The catalogue (产品目录): what a rep can quote, at which price, with which
VAT rate, and the FAB statements (特性 / 优势 / 利益) a proposal argues with.

Items are module licences (per user, per site or per company),
implementation services (person-days at a rate), annual maintenance (a
percentage of the licences) and third-party items.  Names, units and FAB
statements are bilingual (zh_CN first, English second).  A price list has a
validity period and a price per item code; the VAT rate comes from the
item's kind (software 13 %, services 6 % by default) unless the item sets
its own.  A company ships its own catalogue as a TOML file in the format of
``resources/catalogue/default.toml`` or imports one from XLSX.

``parse_catalogue`` checks plain data (parsed TOML, the JSON the desk stores,
the rows of a workbook) against the schema (``catalogue_schema``) and lists
*every* problem with the key path it concerns (``items[4].fab[2].benefit.zh``,
elements numbered from 1 as an operations person counts); the reader of each
source turns the path into a place (a TOML line, a sheet row).  ``catalogue_to_data`` is its
inverse.  Nothing here reads files.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from erpdesk.domain.customer import LabelledEnum
from erpdesk.domain.errors import CONTEXT, DomainError, render_text
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.money import MONEY_CONTEXT, round_fen
from erpdesk.domain.quote import ItemKind, QuoteLine
from erpdesk.domain.toml_lines import Path


class LicenceBasis(LabelledEnum):
    """How a licence is counted."""

    PER_USER = ("per_user", QT_TRANSLATE_NOOP("Domain", "Per user"), "按用户")
    PER_SITE = ("per_site", QT_TRANSLATE_NOOP("Domain", "Per site"), "按站点")
    PER_COMPANY = ("per_company", QT_TRANSLATE_NOOP("Domain", "Per company"), "按企业")


@dataclass(frozen=True)
class Text:
    """A bilingual text: zh_CN and English."""

    zh: str
    en: str = ""

    def get(self, language: str) -> str:
        """The text in *language* (zh* or anything else = English), falling
        back to the other language when empty."""
        if language.lower().startswith("zh"):
            return self.zh or self.en
        return self.en or self.zh


@dataclass(frozen=True)
class Fab:
    """A feature, its advantage and the customer's benefit (FAB)."""

    feature: Text
    advantage: Text
    benefit: Text


@dataclass(frozen=True)
class CatalogueItem:
    """An item of the catalogue.  ``module`` is the playbook's module code
    for a licence (and for services or maintenance tied to a module).
    ``unit`` is the unit of quantity (用户 / user, 人天 / person-day, 年 /
    year ...).  ``vat_rate`` is None to use the kind's rate.
    ``maintenance_percent`` is, for a maintenance item, its yearly price as
    a percentage of the licences quoted.  ``description`` and ``fab`` feed
    proposals; ``active`` False hides it from new quotes."""

    code: str
    kind: ItemKind
    name: Text
    unit: Text
    basis: LicenceBasis | None = None
    module: str = ""
    vat_rate: Decimal | None = None
    maintenance_percent: Decimal | None = None
    description: Text = Text("")
    fab: tuple[Fab, ...] = ()
    active: bool = True


@dataclass(frozen=True)
class PriceList:
    """A price list (价目表) valid from ``valid_from`` to ``valid_until``
    (inclusive, open-ended when None): item code -> unit price (CNY, Decimal,
    to the fen, tax-inclusive unless ``tax_inclusive`` is False)."""

    code: str
    name: Text
    valid_from: date
    valid_until: date | None = None
    tax_inclusive: bool = True
    prices: dict[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class Catalogue:
    """Items, price lists and the VAT rate of each kind of item (percent)."""

    version: str
    items: tuple[CatalogueItem, ...]
    price_lists: tuple[PriceList, ...]
    vat_rates: dict[ItemKind, Decimal]

    def item(self, code: str) -> CatalogueItem:
        """The item *code*; ``UnknownItem`` when the catalogue has none."""
        for item in self.items:
            if item.code == code:
                return item
        raise UnknownItem(code=code)

    def price_list_on(self, day: date) -> PriceList | None:
        """The price list valid on *day* (lists never overlap), or None."""
        for price_list in self.price_lists:
            if price_list.valid_from <= day and (
                price_list.valid_until is None or day <= price_list.valid_until
            ):
                return price_list
        return None

    def price_of(self, code: str, day: date) -> Decimal | None:
        """The price of the item *code* on *day*: None when no list is valid
        then or the list has no price for it; ``UnknownItem`` for a code the
        catalogue does not have."""
        self.item(code)
        price_list = self.price_list_on(day)
        return None if price_list is None else price_list.prices.get(code)

    def vat_rate_of(self, item: CatalogueItem | str) -> Decimal:
        """The VAT rate (percent) of *item* (or of the item with that code):
        its own, else its kind's."""
        if isinstance(item, str):
            item = self.item(item)
        if item.vat_rate is not None:
            return item.vat_rate
        return self.vat_rates.get(item.kind, DEFAULT_VAT_RATES[item.kind])

    def quote_line(
        self,
        item_code: str,
        quantity: Decimal | int,
        day: date,
        *,
        language: str,
        licence_total: Decimal | None = None,
    ) -> QuoteLine:
        """A quote line for *quantity* of the item *item_code* at *day*'s price,
        its name and unit in *language*, grouped by its kind.

        A maintenance item's yearly price is ``maintenance_percent`` of
        *licence_total* (the licences quoted, as the quote prices them),
        rounded half-up to the fen; *quantity* counts the years (1 for the
        usual line).  Without *licence_total* it takes the price list's
        fixed fee, if the list has one.  ``DomainError`` when there is no
        price to take or the quantity is negative."""
        item = self.item(item_code)
        amount = as_decimal(quantity)
        if amount is None or amount < 0:
            raise DomainError(BAD_QUANTITY, value=quantity)
        price = self.price_of(item.code, day)
        if item.kind is ItemKind.MAINTENANCE and licence_total is not None:
            total = as_decimal(licence_total)
            if total is None or total < 0:
                raise DomainError(BAD_LICENCE_TOTAL, value=licence_total)
            percent = item.maintenance_percent or Decimal(0)
            price = round_fen(MONEY_CONTEXT.divide(MONEY_CONTEXT.multiply(total, percent), 100))
        elif item.kind is ItemKind.MAINTENANCE and price is None:
            raise DomainError(NEEDS_LICENCE_TOTAL, code=item.code)
        elif price is None:
            raise DomainError(NO_PRICE, code=item.code, day=day.isoformat())
        return QuoteLine(
            description=item.name.get(language),
            quantity=amount,
            unit_price=price,
            group=item.kind,
            item=item.code,
            unit=item.unit.get(language),
            vat_rate=self.vat_rate_of(item),
            list_price=price,
        )

    def modules_fab(
        self, modules: Iterable[str], language: str
    ) -> list[tuple[CatalogueItem, tuple[Fab, ...]]]:
        """For a proposal: the active items of *modules* (in the order of
        *modules*, then of the catalogue) with their FAB statements.  A
        statement whose feature is empty in *language* is left out, so an
        English proposal prints no Chinese-only statement, unless none of the
        item's statements has that language (then all of them, each text
        falling back to the other language)."""
        out: list[tuple[CatalogueItem, tuple[Fab, ...]]] = []
        english = not language.lower().startswith("zh")
        for module in dict.fromkeys(modules):
            for item in self.items:
                if item.module != module or not item.active:
                    continue
                fab = tuple(
                    f for f in item.fab if (f.feature.en if english else f.feature.zh).strip()
                )
                out.append((item, fab or item.fab))
        return out


# The VAT rate of a kind when the catalogue sets none: software and goods
# 13 %, services (implementation, maintenance) 6 %.
DEFAULT_VAT_RATES: dict[ItemKind, Decimal] = {
    ItemKind.LICENCE: Decimal("13"),
    ItemKind.SERVICE: Decimal("6"),
    ItemKind.MAINTENANCE: Decimal("6"),
    ItemKind.THIRD_PARTY: Decimal("13"),
}

# The three parts of a FAB statement, in order.
FAB_PARTS = ("feature", "advantage", "benefit")

# --- messages -------------------------------------------------------------

CATALOGUE_UNUSABLE = QT_TRANSLATE_NOOP("Domain", "The catalogue cannot be used")
UNKNOWN_ITEM = QT_TRANSLATE_NOOP("Domain", 'The catalogue has no item "{code}"')
NO_PRICE = QT_TRANSLATE_NOOP("Domain", 'No price list valid on {day} has a price for "{code}"')
NEEDS_LICENCE_TOTAL = QT_TRANSLATE_NOOP(
    "Domain",
    'The maintenance fee "{code}" is a percentage of the licences: give the licences\' total',
)
BAD_QUANTITY = QT_TRANSLATE_NOOP(
    "Domain", "The quantity must be a number of zero or more, not {value}"
)
BAD_LICENCE_TOTAL = QT_TRANSLATE_NOOP(
    "Domain", "The licences' total must be an amount of zero or more, not {value}"
)
# Where a problem of a workbook is.
AT_ROW = QT_TRANSLATE_NOOP("Domain", "{sheet} row {row}: {problem}")
AT_SHEET = QT_TRANSLATE_NOOP("Domain", "{sheet}: {problem}")


# --- errors ---------------------------------------------------------------


class UnknownItem(DomainError):
    text = UNKNOWN_ITEM


@dataclass(frozen=True)
class CatalogueProblem:
    """One thing wrong with a catalogue.

    ``path`` is the key path it concerns (``("items", 3, "fab", 0)``), shown
    as ``key_path(path)``.  ``text`` is an English template in context
    ``Domain`` filled from ``params``; ``code`` names the kind of problem
    for programs and tests.  The reader of a file adds the place: ``source``
    (the file) and ``line`` for TOML, ``sheet`` and ``row`` for a workbook.
    """

    path: Path
    code: str
    text: str
    params: dict[str, Any] = field(default_factory=dict)
    source: str = ""
    line: int | None = None
    sheet: str = ""
    row: int | None = None

    @property
    def key(self) -> str:
        return key_path(self.path)

    def message(self, translate: Any = None) -> str:
        """The problem alone, without its place."""
        return render_text(CONTEXT, self.text, self.params, translate)

    def render(self, translate: Any = None) -> str:
        """``FILE:LINE: problem`` (TOML), ``SHEET row N: problem`` (XLSX) or
        the problem alone."""
        problem = self.message(translate)
        if self.sheet:
            if self.row is None:
                return render_text(
                    CONTEXT, AT_SHEET, {"sheet": self.sheet, "problem": problem}, translate
                )
            return render_text(
                CONTEXT,
                AT_ROW,
                {"sheet": self.sheet, "row": self.row, "problem": problem},
                translate,
            )
        if self.source:
            where = self.source if self.line is None else f"{self.source}:{self.line}"
            return f"{where}: {problem}"
        return problem


class CatalogueError(DomainError):
    """A catalogue that cannot be used; ``problems`` lists every reason, one
    per line when rendered."""

    text = CATALOGUE_UNUSABLE

    def __init__(self, problems: Sequence[CatalogueProblem]) -> None:
        self.problems = list(problems)
        super().__init__()

    def render(self, translate: Any = None) -> str:
        return "\n".join(p.render(translate) for p in self.problems) or super().render(translate)


def key_path(path: Path) -> str:
    """*path* as an operations person reads it: ``items[4].fab[2].benefit.zh``
    (elements numbered from 1)."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def as_decimal(value: Any) -> Decimal | None:
    """*value* (int, Decimal, float or decimal text) as a finite Decimal, or
    None.  A float is taken by its shortest text (``repr``), so 3800.1 is
    exactly 3800.1; text may group thousands with commas."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        value = repr(value)
    if isinstance(value, str):
        value = value.strip().replace(",", "")
    try:
        number = value if isinstance(value, Decimal) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return None
    return number if number.is_finite() else None


def parse_catalogue(
    data: Mapping[str, Any], *, modules: Collection[str] | None = None
) -> Catalogue:
    """*data* (parsed TOML, or ``catalogue_to_data``'s output) as a checked
    ``Catalogue``; ``CatalogueError`` listing every problem otherwise.

    *modules* are the playbook's module codes an item's ``module`` must be
    one of (None: not checked).  Amounts may be ints, Decimals, floats or
    decimal text; dates ``date`` objects or ISO text.  The schema itself is
    ``erpdesk.domain.catalogue_schema``."""
    from erpdesk.domain.catalogue_schema import read_data

    return read_data(data, modules)


def _text_data(text: Text) -> dict[str, str]:
    return {"zh": text.zh, "en": text.en}


def catalogue_to_data(c: Catalogue) -> dict[str, Any]:
    """*c* as plain data (texts, booleans, lists and tables; amounts and
    dates as text), which ``parse_catalogue`` reads back to an equal
    catalogue: what the desk stores as JSON, and TOML-able as it is."""
    items: list[dict[str, Any]] = []
    for item in c.items:
        entry: dict[str, Any] = {
            "code": item.code,
            "kind": item.kind.value,
            "name": _text_data(item.name),
            "unit": _text_data(item.unit),
        }
        if item.basis is not None:
            entry["basis"] = item.basis.value
        if item.module:
            entry["module"] = item.module
        if item.vat_rate is not None:
            entry["vat_rate"] = str(item.vat_rate)
        if item.maintenance_percent is not None:
            entry["maintenance_percent"] = str(item.maintenance_percent)
        if item.description != Text(""):
            entry["description"] = _text_data(item.description)
        if item.fab:
            entry["fab"] = [
                {key: _text_data(getattr(f, key)) for key in FAB_PARTS} for f in item.fab
            ]
        if not item.active:
            entry["active"] = False
        items.append(entry)
    lists: list[dict[str, Any]] = []
    for price_list in c.price_lists:
        entry = {
            "code": price_list.code,
            "name": _text_data(price_list.name),
            "valid_from": price_list.valid_from.isoformat(),
        }
        if price_list.valid_until is not None:
            entry["valid_until"] = price_list.valid_until.isoformat()
        entry["tax_inclusive"] = price_list.tax_inclusive
        entry["prices"] = {code: str(price) for code, price in price_list.prices.items()}
        lists.append(entry)
    return {
        "version": c.version,
        "vat_rates": {kind.value: str(rate) for kind, rate in c.vat_rates.items()},
        "items": items,
        "price_lists": lists,
    }
