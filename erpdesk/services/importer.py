"""Importing customers from a CSV or XLSX file (客户导入).

A file is a table with a header row; headers may be Chinese or English, in
any case and spacing (``COLUMNS`` lists what each field answers to).  Every
data row is checked with the domain's rules and all its problems are
reported with the row number a spreadsheet shows (the header is row 1).

A row is the same company as a customer already in the database, or as an
earlier row of the file, when its credit code matches, or when its
normalised name (``names.normalize_company_name``) matches and the two credit
codes do not conflict: the duplicate rule of ``erpdesk.domain.duplicates``
(``DuplicateMatch.is_duplicate``).  Such a row is skipped and reported, or
with ``on_duplicate="merge"`` it fills the *empty* fields of that customer
and adds its contact when the contact is new.

Two credit codes that are both given and differ are two companies, whatever
their names say, so such rows are never merged or skipped.  A row that is
only possibly a known customer, because it has the same name but another
credit code, or a name that differs only in a region on one side (华盛精密
机械 and 济南华盛精密机械, see ``names``), is imported as a new customer and
listed as a *possible* duplicate for the user to check
(``ImportResult.possible``): never merged into the other, never dropped.

A row without a credit code whose name key is that of several known
companies with different codes is one of them, but not certainly which: it
goes to the one with exactly its name, else it is neither merged nor
imported and is reported as an ambiguous duplicate (``match="ambiguous"``).

The whole import is one transaction.  By default it is all or nothing: if a
row is rejected nothing is written and the result lists every problem;
``partial=True`` writes the valid rows.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import warnings
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from erpdesk.domain.customer import (
    Contact,
    Customer,
    CustomerStatus,
    Industry,
    LabelledEnum,
    SizeBand,
    Source,
)
from erpdesk.domain.errors import DomainError, Problem, ValidationError, render_text
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.names import key_parts, normalize_company_name, region_variant_keys
from erpdesk.domain.regions import PROVINCES, find_city, find_province, province_of_city
from erpdesk.domain.validation import is_mobile, validate_contact, validate_customer
from erpdesk.os_errors import explain
from erpdesk.services.events import Change, ChangeFeed

if TYPE_CHECKING:  # the write side (SQLAlchemy) is imported by the caller
    from erpdesk.storage.uow import UnitOfWork

# Translation context of the texts of import and export.
CONTEXT = "Transfer"

OnDuplicate = Literal["skip", "merge"]

# Field -> (the header export writes, other names it answers to).  Names are
# compared after ``header_key`` (case, spaces, "_", "-", "*" folded away).
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "name": ("客户名称", ("公司名称", "企业名称", "客户全称", "公司全称", "单位名称", "名称",
                       "客户", "name", "company", "companyname", "customer", "customername",
                       "fullname")),
    "short_name": ("简称", ("客户简称", "公司简称", "shortname", "abbreviation")),
    "uscc": ("统一社会信用代码", ("信用代码", "社会信用代码", "统一信用代码", "uscc",
                          "creditcode", "unifiedsocialcreditcode", "socialcreditcode")),
    "phone": ("电话", ("公司电话", "座机", "固定电话", "总机", "phone", "telephone", "tel",
                     "companyphone")),
    "source": ("客户来源", ("来源", "线索来源", "source", "leadsource")),
    "source_detail": ("来源说明", ("来源详情", "来源备注", "sourcedetail", "sourcedetails")),
    "region": ("地区", ("区域", "所在地", "所在地区", "省市", "region", "area", "location")),
    "province": ("省份", ("省", "所在省份", "province")),
    "city": ("城市", ("市", "所在城市", "city")),
    "address": ("地址", ("详细地址", "公司地址", "通讯地址", "address")),
    "industry": ("行业", ("所属行业", "industry", "sector")),
    "size_band": ("规模", ("人员规模", "企业规模", "公司规模", "员工人数", "人数", "size",
                         "sizeband", "headcount", "employees", "staff")),
    "website": ("网址", ("网站", "公司网址", "主页", "官网", "website", "web", "url",
                       "homepage")),
    "need": ("需求", ("客户需求", "需求描述", "need", "needs", "requirement", "requirements")),
    "notes": ("备注", ("说明", "备注说明", "notes", "note", "remark", "remarks", "comment",
                     "comments")),
    "status": ("状态", ("客户状态", "跟进状态", "status")),
    "contact": ("联系人", ("联系人姓名", "姓名", "联系人名称", "contact", "contactname",
                        "contactperson")),
    "title": ("职务", ("职位", "联系人职务", "头衔", "title", "jobtitle", "position")),
    "department": ("部门", ("联系人部门", "所在部门", "department", "dept")),
    "mobile": ("联系人手机", ("手机", "手机号", "手机号码", "移动电话", "mobile",
                          "mobilephone", "cell", "cellphone", "contactmobile")),
    "contact_phone": ("联系人电话", ("联系电话", "contactphone")),
    "email": ("邮箱", ("电子邮箱", "电子邮件", "邮件", "联系人邮箱", "email", "mail",
                     "contactemail")),
    "wechat": ("微信", ("微信号", "联系人微信", "wechat", "weixin", "wechatid")),
}
# Where a contact field's problem is shown: contact field -> column field.
CONTACT_COLUMN = {"name": "contact", "title": "title", "department": "department",
                  "mobile": "mobile", "office_phone": "contact_phone", "email": "email",
                  "wechat": "wechat"}
CONTACT_FIELDS = ("contact", "title", "department", "mobile", "contact_phone", "email", "wechat")
# Customer fields a merge may fill when they are empty.
MERGE_FIELDS = ("short_name", "uscc", "industry", "province", "city", "address", "size_band",
                "source_detail", "phone", "website", "need", "notes")

# Bytes that are not control characters (what text holds besides tab and newlines).
_TEXT_BYTES = bytes([9, 10, 13, *range(32, 256)])
HEADER_SEARCH = 10  # rows looked at for the header row
_REGION_SPLIT = re.compile(r"[\s/／,，、|｜\\-]+")
_HEADCOUNT = re.compile(r"(\d+)\s*人?")


class TransferError(DomainError):
    """An import or export that cannot be done; its text is in context
    ``Transfer``."""

    context = CONTEXT
    text = QT_TRANSLATE_NOOP("Transfer", "The file {path} cannot be imported")


class ImportFileError(TransferError):
    """The file cannot be read as a table of customers."""


class ImportCancelled(TransferError):
    """The user stopped an import; nothing was written."""

    text = QT_TRANSLATE_NOOP("Transfer", "The import was cancelled; nothing was written")


FILE_MISSING = QT_TRANSLATE_NOOP("Transfer", "The file {path} does not exist")
FILE_UNREADABLE = QT_TRANSLATE_NOOP("Transfer", "The file {path} cannot be read ({detail})")
FILE_EMPTY = QT_TRANSLATE_NOOP("Transfer", "The file {path} is empty")
NOT_A_TABLE = QT_TRANSLATE_NOOP(
    "Transfer", "The file {path} is not a CSV or XLSX file; save it from Excel as one of them"
)
OLD_XLS = QT_TRANSLATE_NOOP(
    "Transfer",
    "The file {path} is an old .xls or a password-protected workbook; "
    "save it from Excel as .xlsx or CSV without a password",
)
BROKEN_XLSX = QT_TRANSLATE_NOOP(
    "Transfer", "The file {path} is not a readable XLSX workbook ({detail})"
)
BAD_ENCODING = QT_TRANSLATE_NOOP(
    "Transfer",
    "The file {path} is neither UTF-8 nor GBK/GB18030 text; save it as CSV UTF-8 and try again",
)
BAD_CSV = QT_TRANSLATE_NOOP("Transfer", "The file {path} is not valid CSV ({detail})")
NO_NAME_COLUMN = QT_TRANSLATE_NOOP(
    "Transfer",
    "The file {path} has no column of customer names (客户名称 or name); "
    "its header row holds: {columns}",
)
NO_ROWS = QT_TRANSLATE_NOOP("Transfer", "The file {path} has a header row but no customers")
SAME_FIELD = QT_TRANSLATE_NOOP(
    "Transfer", "The columns {first} and {second} mean the same thing; keep one of them"
)
UNKNOWN_COLUMNS = QT_TRANSLATE_NOOP(
    "Transfer", "These columns were not imported (unknown headers): {columns}"
)
NOT_A_CHOICE = QT_TRANSLATE_NOOP("Transfer", "{value} is not one of: {choices}")
IN_COLUMN = QT_TRANSLATE_NOOP("Transfer", "{column}: {problem}")


@dataclass(frozen=True)
class Notice:
    """A translatable message: a template in ``context`` and its parameters."""

    text: str
    params: dict[str, Any] = field(default_factory=dict)
    context: str = CONTEXT

    def render(self, translate: Any = None) -> str:
        return render_text(self.context, self.text, self.params, translate)


@dataclass(frozen=True)
class Rejected:
    """A row not imported, with every problem (and the column it is in)."""

    row: int
    name: str
    problems: tuple[tuple[str, Notice], ...]

    def reasons(self, translate: Any = None) -> list[str]:
        """Each problem as a line, after the column it is in: "电话: abc is not ..."."""
        template = translate(CONTEXT, IN_COLUMN) if translate else IN_COLUMN
        return [
            template.format(column=column, problem=notice.render(translate))
            if column else notice.render(translate)
            for column, notice in self.problems
        ]


@dataclass(frozen=True)
class Duplicate:
    """A row that names a customer already known (in the database or earlier
    in the file); ``match`` is "uscc", "name", or "ambiguous" (a row without
    a credit code named like several companies with different codes:
    ``existing`` lists them, joined by "、", and the row is not written)."""

    row: int
    name: str
    existing: str
    match: str
    existing_row: int | None = None
    existing_id: str | None = None


@dataclass(frozen=True)
class PossibleDuplicate:
    """A row imported as a new customer although it may be a known one,
    listed for the user to check: it has the same normalised name but
    another credit code (``why="uscc"``: two companies by the rule; a
    mistyped code, or a namesake), or its name differs only in a region on
    one side or a region within the other's (``why="region"``: 华盛精密机械
    and 济南华盛精密机械, which the region keeps apart)."""

    row: int
    name: str
    uscc: str
    existing: str
    existing_uscc: str
    existing_row: int | None = None
    existing_id: str | None = None
    why: str = "uscc"  # "uscc": the same name, another code; "region": see below


@dataclass
class TransferResult:
    """What an import did (shared by the imports of customers and deals):
    rows written, rows rejected with every problem, warnings about the
    file, rows read, and whether anything was written."""

    imported: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    rows: int = 0
    written: bool = False

    def as_dict(self, translate: Any = None) -> dict[str, Any]:
        """The result as plain data (the CLI's ``--json``), messages translated."""
        return {
            "imported": self.imported,
            "rejected": [
                {"row": r.row, "name": r.name, "reasons": r.reasons(translate)}
                for r in self.rejected
            ],
            "warnings": [w.render(translate) for w in self.warnings],
            "rows": self.rows,
            "written": self.written,
        }


@dataclass
class ImportResult(TransferResult):
    merged: int = 0
    duplicates: list[Duplicate] = field(default_factory=list)
    possible: list[PossibleDuplicate] = field(default_factory=list)  # imported as new
    merges: list[Duplicate] = field(default_factory=list)  # the rows merged (or to merge)

    def as_dict(self, translate: Any = None) -> dict[str, Any]:
        """The result as plain data (the CLI's ``--json``), messages translated."""
        return {
            "imported": self.imported,
            "merged": self.merged,
            "duplicates": [
                {"row": d.row, "name": d.name, "existing": d.existing, "match": d.match,
                 "existing_row": d.existing_row}
                for d in self.duplicates
            ],
            "possible_duplicates": [
                {"row": p.row, "name": p.name, "uscc": p.uscc, "existing": p.existing,
                 "existing_uscc": p.existing_uscc, "existing_row": p.existing_row,
                 "why": p.why}
                for p in self.possible
            ],
            "rejected": [
                {"row": r.row, "name": r.name, "reasons": r.reasons(translate)}
                for r in self.rejected
            ],
            "warnings": [w.render(translate) for w in self.warnings],
            "rows": self.rows,
            "written": self.written,
        }


# --- reading the file ------------------------------------------------------


def header_key(text: str) -> str:
    """A header as compared: NFKC, lower case, no spaces, "_", "-", "." or "*"."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "_-.*:：")


def _alias_lookup() -> dict[str, str]:
    return alias_lookup(COLUMNS)


def cell_text(value: Any) -> str:
    """A cell's value as the text a user sees in it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def read_table(path: Path) -> Iterator[tuple[int, list[str]]]:
    """``(row number, cells)`` of each non-blank row of *path*, header first.

    Raises ``ImportFileError`` when the file is not a readable CSV or XLSX.
    """
    where = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ImportFileError(FILE_MISSING, path=where) from exc
    except OSError as exc:
        raise ImportFileError(FILE_UNREADABLE, path=where, detail=explain(exc)[0]) from exc
    if not data.strip():
        raise ImportFileError(FILE_EMPTY, path=where)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(OLD_XLS, path=where)
    rows: Sequence[Sequence[Any]]
    if data.startswith(b"PK") or path.suffix.lower() in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(data, where)
    else:
        rows = _csv_rows(_decode(data, where), where)
    for number, cells in enumerate(rows, start=1):
        texts = [cell_text(v) for v in cells]
        if any(texts):
            yield number, texts


def _decode(data: bytes, where: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        encodings: Sequence[str] = ("utf-16",)
    else:
        head = data[:65536]
        if b"\x00" in head or len(head.translate(None, _TEXT_BYTES)) > len(head) // 100:
            raise ImportFileError(NOT_A_TABLE, path=where)  # binary: control bytes
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            raise ImportFileError(NOT_A_TABLE, path=where)
        return text
    raise ImportFileError(BAD_ENCODING, path=where)


def _csv_rows(text: str, where: str) -> list[list[str]]:
    first = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = max(",\t;", key=first.count)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise ImportFileError(BAD_CSV, path=where, detail=explain(exc)[0]) from exc


def _xlsx_rows(data: bytes, where: str) -> list[tuple[Any, ...]]:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it does not read.
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                if not book.worksheets:
                    return []
                return list(book.worksheets[0].iter_rows(values_only=True))
            finally:
                book.close()
    except Exception as exc:  # zip, XML and openpyxl errors alike: a broken file
        detail = explain(exc)[0]
        raise ImportFileError(BROKEN_XLSX, path=where, detail=detail) from exc


def alias_lookup(columns: Mapping[str, tuple[str, tuple[str, ...]]]) -> dict[str, str]:
    """``header_key`` of every header and alias of *columns* -> its field."""
    lookup = {}
    for name, (header, aliases) in columns.items():
        for alias in (header, *aliases):
            lookup[header_key(alias)] = name
    return lookup


def read_header_and_rows(
    path: Path, aliases: Mapping[str, str], header_fields: Collection[str]
) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header row of *path* and the rows below it.

    The header is the first row with a column of *header_fields*, within the
    first ``HEADER_SEARCH`` rows (a sheet often starts with a title such as
    "2024年客户名单"); else the first row.  Raises ``ImportFileError``."""
    table = list(read_table(path))
    if not table:
        raise ImportFileError(FILE_EMPTY, path=str(path))
    first = next(
        (
            i
            for i, (_n, cells) in enumerate(table[:HEADER_SEARCH])
            if any(aliases.get(header_key(c)) in header_fields for c in cells if c)
        ),
        0,
    )
    return table[first][1], table[first + 1 :]


@dataclass(frozen=True)
class Layout:
    """Which column holds which field, and the headers as the file wrote them."""

    index: dict[str, int]
    header: dict[str, str]
    unknown: list[str]

    @classmethod
    def read(cls, cells: list[str], aliases: Mapping[str, str]) -> Layout:
        """The layout of the header *cells* (fields by *aliases*); raises
        ``ImportFileError`` when two columns mean the same field."""
        index: dict[str, int] = {}
        header: dict[str, str] = {}
        unknown = []
        for i, text in enumerate(cells):
            if not text:
                continue
            name = aliases.get(header_key(text))
            if name is None:
                unknown.append(text)
            elif name in index:
                raise ImportFileError(SAME_FIELD, first=header[name], second=text)
            else:
                index[name] = i
                header[name] = text
        return cls(index, header, unknown)

    @classmethod
    def of(cls, cells: list[str], where: str) -> Layout:
        """The layout of a file of customers: it must have a name column."""
        layout = cls.read(cells, ALIASES)
        if "name" not in layout.index:
            shown = "、".join(c for c in cells if c) or "-"
            raise ImportFileError(NO_NAME_COLUMN, path=where, columns=shown)
        return layout

    def values(self, cells: list[str]) -> dict[str, str]:
        return {name: cells[i] if i < len(cells) else "" for name, i in self.index.items()}

    def column(self, name: str) -> str:
        return self.header.get(name, "")

    def position(self, header: str) -> int:
        """Where the column *header* is (for ordering problems like the file)."""
        for name, text in self.header.items():
            if text == header:
                return self.index[name]
        return len(self.index) + 1000


ALIASES = _alias_lookup()


# --- one row -----------------------------------------------------------------


def split_region(text: str) -> tuple[str, str]:
    """``(province, city)`` of "山东省 济南市", "山东/济南", "山东省济南市",
    "济南" or "山东"; what is not recognised is kept as written."""
    parts = [p for p in _REGION_SPLIT.split(text.strip()) if p]
    if not parts:
        return "", ""
    if len(parts) >= 2:
        first, second, more = parts[0], parts[1], "".join(parts[2:])
        prov = find_province(first)
        if prov is None and (city := find_city(first)) is not None:
            return province_of_city(city).name, city.name + second + more
        found = find_city(second, prov)
        return (prov.name if prov else first), (found.name if found else second) + more
    word = parts[0]
    if (prov := find_province(word)) is not None:
        return prov.name, ""
    if (city := find_city(word)) is not None:
        return province_of_city(city).name, city.name
    for prov in PROVINCES:
        for prefix in (prov.name, prov.short):
            if word.startswith(prefix) and len(word) > len(prefix):
                rest = word[len(prefix):]
                found = find_city(rest, prov)
                return prov.name, found.name if found else rest
    return word, ""


def _choice(
    enum: type[LabelledEnum], value: str, column: str, problems: list[tuple[str, Notice]]
) -> Any:
    if not value:
        return None
    member = enum.parse(value)
    if member is None:
        choices = "、".join(m.zh for m in enum)
        problems.append((column, Notice(NOT_A_CHOICE, {"value": value, "choices": choices})))
    return member


def _size_band(value: str, column: str, problems: list[tuple[str, Notice]]) -> SizeBand | None:
    match = _HEADCOUNT.fullmatch(value)
    if match:  # a headcount: 150 or 150人
        staff = int(match.group(1))
        bounds = ((20, SizeBand.MICRO), (100, SizeBand.SMALL), (500, SizeBand.MEDIUM),
                  (2000, SizeBand.LARGE))
        return next((band for limit, band in bounds if staff < limit), SizeBand.HUGE)
    return _choice(SizeBand, value, column, problems)  # type: ignore[no-any-return]


@dataclass
class _Row:
    number: int
    customer: Customer
    contact: Contact | None
    key: str


def _parse_row(
    number: int, values: dict[str, str], layout: Layout, owner: str
) -> _Row | Rejected:
    problems: list[tuple[str, Notice]] = []
    col = layout.column
    province, city = values.get("province", ""), values.get("city", "")
    region_column = ""
    if values.get("region") and not (province or city):
        province, city = split_region(values["region"])
        region_column = col("region")
    elif city and not province and (found := find_city(city)) is not None:
        province, city = province_of_city(found).name, found.name
    elif city and (prov := find_province(province)) and (found := find_city(city, prov)):
        city = found.name  # "济南" -> "济南市"
    source = _choice(Source, values.get("source", ""), col("source"), problems)
    industry = _choice(Industry, values.get("industry", ""), col("industry"), problems)
    status = _choice(CustomerStatus, values.get("status", ""), col("status"), problems)
    size = values.get("size_band", "")
    size_band = _size_band(size, col("size_band"), problems) if size else None
    phone = values.get("phone", "")
    contact_phone = values.get("contact_phone", "")
    has_contact = any(values.get(f) for f in CONTACT_FIELDS)
    if contact_phone and not values.get("contact") and not phone:
        phone, contact_phone = contact_phone, ""  # a company list's 联系电话
        has_contact = any(values.get(f) for f in CONTACT_FIELDS if f != "contact_phone")
    customer = Customer(
        name=values["name"],
        short_name=values.get("short_name", ""),
        uscc=values.get("uscc", ""),
        industry=industry,
        province=province,
        city=city,
        address=values.get("address", ""),
        size_band=size_band,
        source=source or Source.SELF_DEVELOPED,
        source_detail=values.get("source_detail", ""),
        phone=phone,
        website=values.get("website", ""),
        need=values.get("need", ""),
        notes=values.get("notes", ""),
        status=status or CustomerStatus.POTENTIAL,
        owner=owner,
    )
    try:
        customer = validate_customer(customer)
    except ValidationError as exc:
        for p in exc.problems:
            where = region_column if p.field in ("province", "city") and region_column else ""
            problems.append((where or col(p.field), _notice(p)))
    contact = None
    if has_contact:
        mobile = values.get("mobile", "")
        office = ""
        if contact_phone:
            if not mobile and is_mobile(contact_phone):
                mobile = contact_phone
            else:
                office = contact_phone
        contact = Contact(
            customer_id=customer.id,
            name=values.get("contact", ""),
            title=values.get("title", ""),
            department=values.get("department", ""),
            mobile=mobile,
            office_phone=office,
            email=values.get("email", ""),
            wechat=values.get("wechat", ""),
        )
        try:
            contact = validate_contact(contact)
        except ValidationError as exc:
            for p in exc.problems:
                problems.append((col(CONTACT_COLUMN.get(p.field, "")), _notice(p)))
    if problems:
        problems.sort(key=lambda p: layout.position(p[0]))
        return Rejected(number, values["name"], tuple(problems))
    return _Row(number, customer, contact, normalize_company_name(customer.name))


def problem_notice(problem: Problem) -> Notice:
    """A domain problem as a notice (its text is in context ``Domain``)."""
    return Notice(problem.text, dict(problem.params), context="Domain")


_notice = problem_notice


# --- the import -----------------------------------------------------------------


@dataclass
class _Target:
    """A customer a row may duplicate: in the database or earlier in the file."""

    customer: Customer
    contacts: list[Contact]
    row: int | None = None  # the file's row that creates it; None: in the database
    original: Customer | None = None  # the database's state, for the update
    added: list[Contact] = field(default_factory=list)  # contacts a merge adds


class _Identities:
    """Who is known by credit code and name key: the database's customers
    (loaded on first match) and the file's rows read so far."""

    def __init__(self, uow: UnitOfWork, merge: bool) -> None:
        self._uow = uow
        self._merge = merge
        # the database's customers by name key: (id, name, credit code)
        self._db_key: dict[str, list[tuple[str, str, str]]] = {}
        self._db_uscc: dict[str, str] = {}
        # every name key known by what follows its region (see ``_variants``)
        self._by_rest: dict[str, dict[str, None]] = {}
        for cid, name, uscc, key in uow.customers.identities():
            self._db_key.setdefault(key, []).append((cid, name, uscc))
            self._note(key)
            if uscc:
                self._db_uscc.setdefault(uscc, cid)
        # the file's rows and the database's customers loaded so far
        self._by_key: dict[str, list[_Target]] = {}
        self._by_uscc: dict[str, _Target] = {}
        self.loaded: dict[str, _Target] = {}

    def find(self, row: _Row) -> _Found:
        """The known customer *row* is the same company as: by credit code
        first, then by name key unless the two credit codes differ.  When
        there is none, the possible duplicates: the same name key with
        another credit code, and the names differing only in a region on
        one side or a region within the other's (``_variants``)."""
        uscc = row.customer.uscc
        if uscc:
            if uscc in self._by_uscc:
                return _Found("uscc", self._by_uscc[uscc])
            if uscc in self._db_uscc:
                return _Found("uscc", self._load(self._db_uscc[uscc]))
        same: list[_Named] = []
        other: list[_Named] = []
        for named in self._named(row.key):
            # two codes given and different: two companies, whatever the names
            (other if uscc and named.uscc and named.uscc != uscc else same).append(named)
        if not same:
            for key in self._variants(row.key):
                other.extend(self._named(key))
            return _Found("", None, other)
        if len({n.uscc for n in same if n.uscc}) > 1:
            # namesakes with different codes and a row without one: the one
            # with exactly this name, else it cannot be told which it is
            exact = [n for n in same if _plain(n.name) == _plain(row.customer.name)]
            if len(exact) != 1:
                return _Found("ambiguous", None, same)
            same = exact
        return _Found("name", self._target(same[0]))

    def _named(self, key: str) -> list[_Named]:
        """Every known customer whose name key is *key*, in the order known."""
        found: list[_Named] = []
        ids: set[str] = set()
        for target in self._by_key.get(key, ()):
            ids.add(target.customer.id)
            found.append(_Named(key, target.customer.name, target.customer.uscc, target))
        for cid, name, uscc in self._db_key.get(key, ()):
            if cid in self.loaded:
                if cid not in ids:
                    target = self.loaded[cid]
                    found.append(
                        _Named(key, target.customer.name, target.customer.uscc, target)
                    )
            else:
                found.append(_Named(key, name, uscc, None, cid))
        return found

    def _note(self, key: str) -> None:
        rest = key_parts(key).rest
        if rest:
            self._by_rest.setdefault(rest, {})[key] = None

    def _variants(self, key: str) -> list[str]:
        """The known keys that differ from *key* only in a region on one side
        (浪潮… and 北京浪潮…) or a region within the other's (广东X, 深圳X):
        ``names.region_variant_keys``, asked of the key that has a region
        (~0.2 ms; one without lists the key under every region, ~9 ms)."""
        parts = key_parts(key)
        found = []
        for other in self._by_rest.get(parts.rest, ()) if parts.rest else ():
            if other == key:
                continue
            base, variant = (key, other) if parts.region else (other, key)
            if variant in region_variant_keys(base):
                found.append(other)
        return found

    def _target(self, named: _Named) -> _Target:
        if named.target is not None:
            return named.target
        assert named.db_id is not None
        return self._load(named.db_id)

    def remember(self, target: _Target, key: str | None = None) -> None:
        key = key if key is not None else normalize_company_name(target.customer.name)
        bucket = self._by_key.setdefault(key, [])
        if not any(t is target for t in bucket):
            bucket.append(target)
            self._note(key)
        if target.customer.uscc:
            self._by_uscc.setdefault(target.customer.uscc, target)

    def _load(self, cid: str) -> _Target:
        if cid not in self.loaded:
            found = self._uow.customers.get(cid)
            contacts = self._uow.contacts.for_customer(cid) if self._merge else []
            self.loaded[cid] = target = _Target(found, contacts, original=found)
            self.remember(target)
        return self.loaded[cid]


@dataclass(frozen=True)
class _Found:
    """What a row is: ``match`` "uscc" or "name" and the ``target`` it is
    the same company as; "ambiguous" with the ``namesakes`` it may be; or ""
    (a new company) with the ``namesakes`` it possibly is (the same name key
    with another credit code, or a region variant), the first listed."""

    match: str
    target: _Target | None = None
    namesakes: list[_Named] = field(default_factory=list)


@dataclass(frozen=True)
class _Named:
    """A known customer with a row's name key: a target already in hand, or
    a database customer not loaded yet (``db_id``)."""

    key: str
    name: str
    uscc: str
    target: _Target | None
    db_id: str | None = None

    @property
    def row(self) -> int | None:
        return self.target.row if self.target is not None else None

    @property
    def id(self) -> str | None:
        if self.target is not None:
            return self.target.customer.id if self.target.row is None else None
        return self.db_id


def _plain(name: str) -> str:
    """A name as compared to pick one of several namesakes: NFKC, no spaces."""
    return "".join(unicodedata.normalize("NFKC", name).split())


def _same_contact(a: Contact, b: Contact) -> bool:
    return a.name == b.name or bool(a.mobile and a.mobile == b.mobile)


def _fill(target: _Target, row: _Row) -> None:
    """Fill the target's empty fields from *row*; add its contact if new."""
    changes = {
        name: getattr(row.customer, name)
        for name in MERGE_FIELDS
        if getattr(target.customer, name) in ("", None)
        and getattr(row.customer, name) not in ("", None)
    }
    if changes:
        target.customer = replace(target.customer, **changes)
    contact = row.contact
    if contact and not any(_same_contact(contact, c) for c in target.contacts):
        contact = replace(contact, customer_id=target.customer.id)
        target.contacts.append(contact)
        if target.original is not None:
            target.added.append(contact)


def import_customers(
    uow_factory: Callable[[], UnitOfWork],
    path: Path | str,
    *,
    partial: bool = False,
    on_duplicate: OnDuplicate = "skip",
    owner: str = "",
    feed: ChangeFeed | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Import the customers of the CSV or XLSX file *path* in one transaction.

    New customers get *owner*.  *progress* is called with the rows done and
    the rows in the file.  Raises ``ImportFileError`` when the file
    cannot be read as a table with a name column; storage failures raise a
    ``StorageError``; in both cases nothing is written.
    """
    if on_duplicate not in ("skip", "merge"):
        raise ValueError(f"on_duplicate must be 'skip' or 'merge', not {on_duplicate!r}")
    path = Path(path)
    header, rows = read_header_and_rows(path, ALIASES, ("name",))
    layout = Layout.of(header, str(path))
    if not rows:
        raise ImportFileError(NO_ROWS, path=str(path))
    return import_rows(
        uow_factory, rows, layout, partial=partial, on_duplicate=on_duplicate, owner=owner,
        feed=feed, progress=progress,
    )


def import_rows(
    uow_factory: Callable[[], UnitOfWork],
    rows: Sequence[tuple[int, list[str]]],
    layout: Layout,
    *,
    partial: bool = False,
    on_duplicate: OnDuplicate = "skip",
    owner: str = "",
    feed: ChangeFeed | None = None,
    progress: Callable[[int, int], None] | None = None,
    write: bool = True,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Import *rows* (``(row number, cells)``) read with *layout*: the body of
    ``import_customers``, shared with the window's import wizard.

    ``write=False`` checks every row exactly as an import would (problems,
    duplicates, merges) and writes nothing.  *cancelled* is asked before each
    row and before the commit; when it answers True, ``ImportCancelled`` is
    raised and nothing is written (the one transaction rolls back).
    """
    result = ImportResult()
    if layout.unknown:
        result.warnings.append(Notice(UNKNOWN_COLUMNS, {"columns": "、".join(layout.unknown)}))
    with uow_factory() as uow:
        known = _Identities(uow, merge=on_duplicate == "merge")
        new: list[_Target] = []
        for number, cells in rows:
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            result.rows += 1
            if progress is not None and result.rows % 500 == 0:
                progress(result.rows, len(rows))
            parsed = _parse_row(number, layout.values(cells), layout, owner)
            if isinstance(parsed, Rejected):
                result.rejected.append(parsed)
                continue
            _place(parsed, known.find(parsed), known, new, result, on_duplicate)
        if progress is not None:
            progress(result.rows, len(rows))
        if not write or (result.rejected and not partial):
            if write:
                result.merged = 0
            return result
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        _write(uow, new, known)
    result.imported = len(new)
    result.written = True
    if feed is not None and (new or result.merged):
        feed.publish(Change("customer"))
    return result


def _place(
    parsed: _Row,
    found: _Found,
    known: _Identities,
    new: list[_Target],
    result: ImportResult,
    on_duplicate: OnDuplicate,
) -> None:
    """Record what a valid row is: new (possibly a known one), merged, or a
    duplicate (skipped, or ambiguous)."""
    number = parsed.number
    match, target = found.match, found.target
    if match == "ambiguous":
        result.duplicates.append(Duplicate(
            number, parsed.customer.name, "、".join(n.name for n in found.namesakes), match,
        ))
    elif target is None:
        contacts = [parsed.contact] if parsed.contact else []
        target = _Target(parsed.customer, contacts, row=number)
        new.append(target)
        known.remember(target, parsed.key)
        if found.namesakes:
            namesake = found.namesakes[0]
            result.possible.append(PossibleDuplicate(
                number, parsed.customer.name, parsed.customer.uscc, namesake.name,
                namesake.uscc, namesake.row, namesake.id,
                "uscc" if namesake.key == parsed.key else "region",
            ))
    elif on_duplicate == "merge":
        result.merges.append(Duplicate(
            number, parsed.customer.name, target.customer.name, match,
            target.row, target.customer.id if target.row is None else None,
        ))
        _fill(target, parsed)
        known.remember(target)  # a credit code it was given now names it too
        result.merged += 1
    else:
        result.duplicates.append(Duplicate(
            number, parsed.customer.name, target.customer.name, match,
            target.row, target.customer.id if target.row is None else None,
        ))


def _write(uow: UnitOfWork, new: list[_Target], known: _Identities) -> None:
    """Add the new customers, update the merged ones, and commit."""
    uow.customers.add_many([(t.customer, t.contacts) for t in new])
    uow.contacts.add_many([c for t in new for c in t.contacts])
    for target in known.loaded.values():
        if target.original is None:
            continue
        uow.customers.update(target.original, target.customer, target.contacts)
        if target.added:
            uow.contacts.add_many(target.added)
            uow.customers.refresh_derived(target.customer, target.contacts)
    uow.commit()
    if len(new) >= 1000:  # a bulk load: keep the planner's statistics current
        uow.refresh_statistics()
