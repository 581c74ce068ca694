"""Exporting customers to CSV or XLSX (客户导出), in the import's columns.

One row per customer with its first contact, under the Chinese headers that
``importer`` reads, so an exported file imports back cleanly.  CSV is UTF-8
with a byte-order mark (Excel then opens it as UTF-8) and CRLF line ends.
The file is written beside the target under a temporary name and renamed
when complete, so a failed export never leaves a half-written file.
"""

from __future__ import annotations

import csv
import os
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from erpdesk.domain.customer import Contact, Customer
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.os_errors import IS_A_FOLDER, explain, remove_quietly, translated
from erpdesk.services.importer import COLUMNS, TransferError
from erpdesk.storage.queries import CustomerCriteria, CustomerQueries

if TYPE_CHECKING:
    from erpdesk.app import Desk

# The exported columns: field -> where its value comes from.
EXPORTED = (
    "name", "short_name", "uscc", "phone", "source", "source_detail", "province", "city",
    "address", "industry", "size_band", "website", "need", "notes", "status",
    "contact", "title", "department", "mobile", "contact_phone", "email", "wechat",
)
HEADERS = [COLUMNS[name][0] for name in EXPORTED]
# Exported contact columns -> the attribute of the first contact.
_CONTACT_ATTRIBUTE = {"contact": "name", "title": "title", "department": "department",
                      "mobile": "mobile", "contact_phone": "office_phone", "email": "email",
                      "wechat": "wechat"}
# Characters XML 1.0 (so XLSX) cannot hold.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

FORMATS = (".csv", ".xlsx")


class ExportError(TransferError):
    """The export cannot be written where asked."""


UNKNOWN_FORMAT = QT_TRANSLATE_NOOP(
    "Transfer", "Cannot export to {path}: the file name must end in .csv or .xlsx"
)
CANNOT_WRITE = QT_TRANSLATE_NOOP("Transfer", "Cannot write {path} ({detail})")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(getattr(value, "zh", value.value))
    return str(value)


def export_row(customer: Customer, contact: Contact | None) -> list[str]:
    """The cells of one customer, in ``HEADERS`` order (enums as zh terms)."""
    cells = []
    for name in EXPORTED:
        if name in _CONTACT_ATTRIBUTE:
            value = getattr(contact, _CONTACT_ATTRIBUTE[name]) if contact else ""
        else:
            value = getattr(customer, name)
        cells.append(_text(value))
    return cells


def export_customers(
    source: CustomerQueries | Desk,
    path: Path | str,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write every live customer to *path* (.csv or .xlsx); returns how many.

    *source* is the read model, or an opened desk to read from.  *progress*
    is called with the customers written so far and how many there are.
    Raises ``ExportError`` when the format is unknown or the file cannot be
    written; the target is then left as it was.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(UNKNOWN_FORMAT, path=str(path))
    if path.is_dir():
        raise ExportError(CANNOT_WRITE, path=str(path), detail=translated(IS_A_FOLDER))
    queries = source if isinstance(source, CustomerQueries) else CustomerQueries(source.db.reader)
    total = queries.count(CustomerCriteria()) if progress is not None else 0
    rows = _rows(queries.customers_with_first_contact(), total, progress)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        count = _write_csv(tmp, rows) if suffix == ".csv" else _write_xlsx(tmp, rows)
        os.replace(tmp, path)
    except OSError as exc:
        raise ExportError(CANNOT_WRITE, path=str(path), detail=explain(exc)[0]) from exc
    finally:
        remove_quietly(tmp)
    return count


def _rows(
    pairs: Iterable[tuple[Customer, Contact | None]],
    total: int,
    progress: Callable[[int, int], None] | None,
) -> Iterator[list[str]]:
    n = 0
    for customer, contact in pairs:
        yield export_row(customer, contact)
        n += 1
        if progress is not None and n % 1000 == 0:
            progress(n, total)
    if progress is not None:
        progress(n, max(total, n))


def _write_csv(tmp: Path, rows: Iterable[list[str]]) -> int:
    count = 0
    with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _write_xlsx(tmp: Path, rows: Iterable[list[str]]) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("客户")
    sheet.append(HEADERS)
    count = 0
    for row in rows:
        cells: list[Any] = []
        for value in row:
            text = _ILLEGAL_XML.sub("", value)
            if text.startswith("="):  # text, never a formula
                cell = WriteOnlyCell(sheet, value=text)
                cell.data_type = "s"
                cells.append(cell)
            else:
                cells.append(text or None)
        sheet.append(cells)
        count += 1
    book.save(tmp)
    return count
