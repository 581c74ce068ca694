"""Importing deals from a CSV or XLSX file (销售机会导入).

The file is read as the customers' import reads it (``importer``: CSV in
UTF-8 or GBK/GB18030, or XLSX; a header row with Chinese or English
headers, found within the first rows; problems reported with the row number
a spreadsheet shows).  ``COLUMNS`` lists what each field answers to.

Each row names its customer by credit code (统一社会信用代码) or by name
(客户名称); with both, the credit code decides.  A name matches a live
customer whose normalised name (``names.normalize_company_name``) is the
same; several such customers with different names are told apart by the
exact name, else the row is rejected as ambiguous.  A customer that does not
exist, or was deleted, rejects the row.  The deal's own values are read and
checked by the domain's rules (``gates.new_deal``: "12.5万", "2026/6/30", a
stage as 1-7, its zh_CN name or its code name), and every problem of a row
is reported at once.

A valid row that names a deal its customer already has is a duplicate
(``Duplicate``, ``match="name"``): skipped and reported, never written.  Deal
names are compared by ``deal_name_key`` (NFKC, case folded, spaces trimmed
and collapsed); the customer's live deals count, open or closed, its deleted
ones do not, and so do the deals of earlier rows of the file (the later row
is the duplicate, ``existing_row`` naming the earlier one).

An imported deal starts in the stage the file gives, with one creation
StageChange to that stage by the importing user, reason "imported": no gate
is passed, so no override is recorded.  Deals and their changes are written
with their outbox ops in one transaction: all or nothing by default, the
valid rows with ``partial=True``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from erpdesk.domain.deal import Deal, StageChange
from erpdesk.domain.errors import ValidationError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.names import fold, normalize_company_name
from erpdesk.domain.uscc import normalize_uscc
from erpdesk.services.events import Change, ChangeFeed
from erpdesk.services.importer import (
    Duplicate,
    ImportFileError,
    Layout,
    Notice,
    Rejected,
    TransferResult,
    alias_lookup,
    problem_notice,
    read_header_and_rows,
)

if TYPE_CHECKING:
    from erpdesk.domain.playbook import Playbook
    from erpdesk.storage.uow import UnitOfWork

# The reason of an imported deal's creation StageChange (data, not a UI text).
IMPORTED_REASON = "imported"

# Field -> (the header the pipeline export writes, other names it answers to).
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "customer": (
        "客户名称",
        (
            "客户",
            "客户全称",
            "公司名称",
            "企业名称",
            "customer",
            "customername",
            "company",
            "companyname",
        ),
    ),
    "uscc": (
        "统一社会信用代码",
        (
            "信用代码",
            "社会信用代码",
            "统一信用代码",
            "uscc",
            "creditcode",
            "unifiedsocialcreditcode",
            "socialcreditcode",
        ),
    ),
    "name": (
        "商机名称",
        (
            "机会名称",
            "销售机会",
            "销售机会名称",
            "商机",
            "项目名称",
            "name",
            "deal",
            "dealname",
            "opportunity",
            "opportunityname",
        ),
    ),
    "amount": (
        "预计金额",
        ("金额", "商机金额", "预计金额元", "预计金额(元)", "amount", "estimatedamount", "value"),
    ),
    "stage": ("阶段", ("销售阶段", "商机阶段", "stage")),
    "close_date": (
        "预计成交日期",
        ("成交日期", "预计签约日期", "预计成交时间", "closedate", "expectedclosedate", "close"),
    ),
    "owner": ("负责人", ("销售负责人", "销售代表", "owner", "salesrep", "rep")),
    "competitors": ("竞争对手", ("竞争厂商", "competitors", "competitor")),
    "modules": ("ERP范围", ("模块", "ERP模块", "范围", "modules", "scope", "erpscope")),
    "next_step": ("下一步", ("下一步行动", "下一步计划", "nextstep")),
}
ALIASES = alias_lookup(COLUMNS)
# Deal fields read from the file and handed to ``gates.new_deal`` as text.
DEAL_VALUES = ("amount", "stage", "close_date", "owner", "competitors", "modules", "next_step")

NO_CUSTOMER_COLUMN = QT_TRANSLATE_NOOP(
    "Transfer",
    "The file {path} has no column of customers (客户名称 or customer, or 统一社会信用代码 "
    "or uscc); its header row holds: {columns}",
)
NO_DEAL_NAME_COLUMN = QT_TRANSLATE_NOOP(
    "Transfer",
    "The file {path} has no column of deal names (商机名称 or name); its header row holds: "
    "{columns}",
)
NO_DEALS = QT_TRANSLATE_NOOP("Transfer", "The file {path} has a header row but no deals")
CUSTOMER_REQUIRED = QT_TRANSLATE_NOOP(
    "Transfer", "The customer is missing: give its name or its credit code"
)
NO_SUCH_CUSTOMER = QT_TRANSLATE_NOOP(
    "Transfer", "There is no customer {name}; add the customer first, then import its deals"
)
NO_SUCH_USCC = QT_TRANSLATE_NOOP(
    "Transfer", "There is no customer with the credit code {uscc}; add the customer first"
)
CUSTOMER_DELETED = QT_TRANSLATE_NOOP(
    "Transfer", "The customer {name} has been deleted; a deal needs a current customer"
)
AMBIGUOUS_CUSTOMER = QT_TRANSLATE_NOOP(
    "Transfer",
    "Several customers are named like {name} ({existing}); give the credit code to say which",
)


def deal_name_key(name: str) -> str:
    """A deal name as compared for duplicates: NFKC (full-width to
    half-width), case folded, spaces trimmed and collapsed."""
    return " ".join(fold(name).casefold().split())


@dataclass
class DealImportResult(TransferResult):
    """What a deals import did, with the rows skipped as duplicates."""

    duplicates: list[Duplicate] = field(default_factory=list)

    def as_dict(self, translate: Any = None) -> dict[str, Any]:
        """The result as plain data (the CLI's ``--json``), messages translated."""
        data = super().as_dict(translate)
        data["duplicates"] = [
            {
                "row": d.row,
                "name": d.name,
                "existing": d.existing,
                "match": d.match,
                "existing_row": d.existing_row,
            }
            for d in self.duplicates
        ]
        return data


class _Deals:
    """The deals a row may duplicate, by customer and ``deal_name_key``: the
    customer's live deals in the database (read when first needed) and the
    deals of earlier rows of the file."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow
        # customer id -> name key -> (existing name, row in the file or None, deal id)
        self._known: dict[str, dict[str, tuple[str, int | None, str]]] = {}

    def _of(self, customer_id: str) -> dict[str, tuple[str, int | None, str]]:
        known = self._known.get(customer_id)
        if known is None:
            known = {}
            for d in self._uow.deals.for_customer(customer_id):
                known.setdefault(deal_name_key(d.name), (d.name, None, d.id))
            self._known[customer_id] = known
        return known

    def find(self, number: int, deal: Deal) -> Duplicate | None:
        """The ``Duplicate`` row *number* is, or None after remembering *deal*."""
        known = self._of(deal.customer_id)
        key = deal_name_key(deal.name)
        if key in known:
            name, row, deal_id = known[key]
            return Duplicate(number, deal.name, name, "name", row, deal_id if row is None else None)
        known[key] = (deal.name, number, deal.id)
        return None


class _Customers:
    """The database's customers by credit code and name key, live and
    deleted (read once, in the import's transaction)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.by_uscc: dict[str, str] = {}
        self.by_key: dict[str, list[tuple[str, str]]] = {}
        self.names: dict[str, str] = {}
        for cid, name, uscc, key in uow.customers.identities():
            self.names[cid] = name
            self.by_key.setdefault(key, []).append((cid, name))
            if uscc:
                self.by_uscc.setdefault(uscc, cid)
        self.deleted_uscc: dict[str, str] = {}
        self.deleted_key: dict[str, str] = {}
        for _cid, name, uscc, key in uow.customers.identities(deleted=True):
            if uscc:
                self.deleted_uscc.setdefault(uscc, name)
            self.deleted_key.setdefault(key, name)

    def find(self, name: str, uscc: str) -> str | Notice:
        """The id of the customer the row names, or why there is none."""
        if uscc:
            code = normalize_uscc(uscc)
            if code in self.by_uscc:
                return self.by_uscc[code]
            if code in self.deleted_uscc:
                return Notice(CUSTOMER_DELETED, {"name": self.deleted_uscc[code]})
            return Notice(NO_SUCH_USCC, {"uscc": uscc})
        if not name:
            return Notice(CUSTOMER_REQUIRED)
        key = normalize_company_name(name)
        found = self.by_key.get(key, [])
        if len(found) > 1:
            exact = [cid for cid, known in found if _plain(known) == _plain(name)]
            if len(exact) == 1:
                return exact[0]
            existing = "、".join(known for _cid, known in found)
            return Notice(AMBIGUOUS_CUSTOMER, {"name": name, "existing": existing})
        if found:
            return found[0][0]
        if key in self.deleted_key:
            return Notice(CUSTOMER_DELETED, {"name": self.deleted_key[key]})
        return Notice(NO_SUCH_CUSTOMER, {"name": name})


def _plain(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split())


def _layout(cells: list[str], where: str) -> Layout:
    layout = Layout.read(cells, ALIASES)
    shown = "、".join(c for c in cells if c) or "-"
    if "customer" not in layout.index and "uscc" not in layout.index:
        raise ImportFileError(NO_CUSTOMER_COLUMN, path=where, columns=shown)
    if "name" not in layout.index:
        raise ImportFileError(NO_DEAL_NAME_COLUMN, path=where, columns=shown)
    return layout


def _row(
    number: int,
    values: dict[str, str],
    layout: Layout,
    known: _Customers,
    playbook: Playbook,
    user: str,
    now: datetime,
) -> tuple[Deal, StageChange] | Rejected:
    """The deal of one row and its creation StageChange, or every problem."""
    from erpdesk.domain.gates import new_deal

    problems: list[tuple[str, Notice]] = []
    customer = values.get("customer", "")
    uscc = values.get("uscc", "")
    found = known.find(customer, uscc)
    if isinstance(found, Notice):
        column = layout.column("uscc") if uscc else layout.column("customer")
        problems.append((column, found))
        customer_id = ""
    else:
        customer_id = found
    fields: dict[str, Any] = {k: values[k] for k in DEAL_VALUES if values.get(k)}
    fields.setdefault("owner", user)
    label = values.get("name", "") or customer
    made: tuple[Deal, StageChange] | None = None
    try:
        made = new_deal(customer_id, values.get("name", ""), playbook, by=user, now=now, **fields)
    except ValidationError as exc:
        problems += [
            (layout.column(p.field), problem_notice(p))
            for p in exc.problems
            if p.field != "customer_id"
        ]
    if problems or made is None:
        problems.sort(key=lambda p: layout.position(p[0]))
        return Rejected(number, label, tuple(problems))
    deal, change = made
    return deal, replace(change, reason=IMPORTED_REASON)


def import_deals(
    uow_factory: Callable[[], UnitOfWork],
    path: Path | str,
    playbook: Playbook,
    *,
    user: str = "",
    partial: bool = False,
    feed: ChangeFeed | None = None,
    progress: Callable[[int, int], None] | None = None,
    now: datetime | None = None,
) -> DealImportResult:
    """Import the deals of the CSV or XLSX file *path* in one transaction.

    *user* owns the deals that name no owner and is the author of their
    creation.  *progress* is called with the rows done and the rows in the
    file.  Raises ``ImportFileError`` when the file cannot be read as a
    table of deals; nothing is written then, nor when a row is rejected
    unless *partial*.  A row naming a deal its customer already has (or an
    earlier row has) is skipped as a duplicate.
    """
    path = Path(path)
    now = now or datetime.now(UTC)
    header, rows = read_header_and_rows(path, ALIASES, ("name", "customer", "uscc"))
    layout = _layout(header, str(path))
    if not rows:
        raise ImportFileError(NO_DEALS, path=str(path))
    result = DealImportResult()
    if layout.unknown:
        from erpdesk.services.importer import UNKNOWN_COLUMNS

        result.warnings.append(Notice(UNKNOWN_COLUMNS, {"columns": "、".join(layout.unknown)}))
    deals: list[Deal] = []
    changes: list[StageChange] = []
    with uow_factory() as uow:
        known = _Customers(uow)
        existing = _Deals(uow)
        for number, cells in rows:
            result.rows += 1
            if progress is not None and result.rows % 500 == 0:
                progress(result.rows, len(rows))
            parsed = _row(number, layout.values(cells), layout, known, playbook, user, now)
            if isinstance(parsed, Rejected):
                result.rejected.append(parsed)
            elif (duplicate := existing.find(number, parsed[0])) is not None:
                result.duplicates.append(duplicate)
            else:
                deals.append(parsed[0])
                changes.append(parsed[1])
        if progress is not None:
            progress(result.rows, len(rows))
        if result.rejected and not partial:
            return result
        uow.deals.add_many(deals)
        uow.stage_changes.add_many(changes)
        uow.commit()
    result.imported = len(deals)
    result.written = True
    if feed is not None and deals:
        feed.publish(Change("deal", tuple(d.id for d in deals)))
    return result
