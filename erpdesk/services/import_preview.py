"""The import of customers as the window's wizard runs it, step by step.

``erpdesk import customers`` reads a file, maps its columns by their
headers and imports in one go.  The wizard lets the user see and change each
step: read the file (``read_import_file``), map its columns
(``guess_mapping``, ``mapping_problems``, ``mapping_layout``), see every
row's problems before anything is written (``check_import``), then import
all rows or only the valid ones (``run_import``), and keep the rejected rows
with their reasons (``save_rejected``).

Every rule is the importer's (``erpdesk.services.importer``): the header
aliases, the row checks, duplicates and merges, the one transaction.  This
module only calls it with the user's column mapping; it holds no text of
its own (the window words the mapping problems).  No Qt here: the window
runs these functions on a worker thread.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from erpdesk.os_errors import explain
from erpdesk.services.exporter import CANNOT_WRITE, ExportError
from erpdesk.services.importer import (
    ALIASES,
    COLUMNS,
    NO_ROWS,
    Duplicate,
    ImportFileError,
    ImportResult,
    Layout,
    Notice,
    OnDuplicate,
    PossibleDuplicate,
    Rejected,
    header_key,
    import_rows,
    read_header_and_rows,
)

if TYPE_CHECKING:
    from erpdesk.services.customers import CustomerService
    from erpdesk.storage.uow import UnitOfWork

# The fields a column may hold, in the order the importer lists them.
FIELDS: tuple[str, ...] = tuple(COLUMNS)
# The fields a file must have a column for (as ``Layout.of`` requires).
REQUIRED: tuple[str, ...] = ("name",)

# Characters XML 1.0 (so XLSX) cannot hold: a CSV cell may have them.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class ImportFile:
    """A file read as a table: its header row and the rows below it
    (``(row number as a spreadsheet shows it, cells)``)."""

    path: Path
    header: list[str]
    rows: list[tuple[int, list[str]]]

    @cached_property
    def width(self) -> int:
        """The number of columns: the header's or the widest row's (once:
        the preview's table asks for it often)."""
        return max([len(self.header), *(len(cells) for _n, cells in self.rows)])

    def column_title(self, index: int) -> str:
        """The header of column *index* as written, else its letter ("C")."""
        text = self.header[index] if index < len(self.header) else ""
        return text or column_letter(index)


def column_letter(index: int) -> str:
    """The spreadsheet letter of the 0-based column *index*: A, …, Z, AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def read_import_file(path: Path | str) -> ImportFile:
    """Read *path* as the importer does (CSV in UTF-8 or GBK, or XLSX; the
    header found below a title row).  Raises ``ImportFileError``."""
    path = Path(path)
    header, rows = read_header_and_rows(path, ALIASES, ("name",))
    if not rows:
        raise ImportFileError(NO_ROWS, path=str(path))
    return ImportFile(path, header, rows)


def guess_mapping(header: Sequence[str]) -> dict[int, str]:
    """Column index -> field, by the importer's Chinese and English aliases.

    A field is given to its first column only: the CLI refuses a file with
    two columns of one field, the wizard lets the user choose which to keep.
    """
    mapping: dict[int, str] = {}
    for index, text in enumerate(header):
        name = ALIASES.get(header_key(text)) if text else None
        if name is not None and name not in mapping.values():
            mapping[index] = name
    return mapping


@dataclass(frozen=True)
class MappingProblems:
    """What keeps a mapping from being used: required fields without a
    column, and fields chosen for more than one column."""

    missing: tuple[str, ...] = ()
    twice: tuple[tuple[str, tuple[int, ...]], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.missing or self.twice)


def mapping_problems(mapping: Mapping[int, str]) -> MappingProblems:
    """The problems of *mapping* (column index -> field)."""
    columns: dict[str, list[int]] = {}
    for index, name in sorted(mapping.items()):
        columns.setdefault(name, []).append(index)
    missing = tuple(f for f in REQUIRED if f not in columns)
    twice = tuple((f, tuple(cols)) for f, cols in columns.items() if len(cols) > 1)
    return MappingProblems(missing, twice)


def mapping_layout(file: ImportFile, mapping: Mapping[int, str]) -> Layout:
    """The importer's ``Layout`` for *mapping*; the columns left out that are
    not a known header are its ``unknown`` (the importer's warning).

    Raises ``ValueError`` for a mapping with problems (check them first)."""
    if mapping_problems(mapping):
        raise ValueError("the mapping has problems; see mapping_problems()")
    index = {name: i for i, name in mapping.items()}
    header = {name: file.column_title(i) for i, name in mapping.items()}
    unknown = [
        text for i, text in enumerate(file.header)
        if text and i not in mapping and ALIASES.get(header_key(text)) is None
    ]
    return Layout(index, header, unknown)


def unit_of_work(service: CustomerService) -> Callable[[], UnitOfWork]:
    """The customer service's unit-of-work factory (the one its own writes
    use), so the import writes where the window reads."""
    return service.unit_of_work


def check_import(
    uow_factory: Callable[[], UnitOfWork],
    file: ImportFile,
    layout: Layout,
    *,
    on_duplicate: OnDuplicate = "skip",
    owner: str = "",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Preview:
    """Every row's verdict as the import would give it; nothing is written."""
    result = import_rows(
        uow_factory, file.rows, layout, partial=True, on_duplicate=on_duplicate, owner=owner,
        progress=progress, write=False, cancelled=cancelled,
    )
    return Preview(file, layout, result)


def run_import(
    uow_factory: Callable[[], UnitOfWork],
    file: ImportFile,
    layout: Layout,
    *,
    valid_only: bool,
    on_duplicate: OnDuplicate = "skip",
    owner: str = "",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportResult:
    """Import the file's rows in one transaction: all of them (nothing is
    written if a row has a problem) or, with *valid_only*, the valid ones.
    The change is not published here: the caller does it on its own thread.
    Raises ``ImportCancelled`` when *cancelled* answers True (nothing written)."""
    return import_rows(
        uow_factory, file.rows, layout, partial=valid_only, on_duplicate=on_duplicate,
        owner=owner, progress=progress, cancelled=cancelled,
    )


@dataclass(frozen=True)
class RowCheck:
    """One row of the file and what the import does with it.

    ``state``: "new", "possible" (new, but may be a known customer),
    "rejected" (``rejected`` lists its problems), "duplicate" (skipped),
    "merge" (fills a known customer), or "ambiguous" (not written)."""

    row: int
    cells: list[str]
    state: str
    rejected: Rejected | None = None
    duplicate: Duplicate | None = None
    possible: PossibleDuplicate | None = None


@dataclass
class Preview:
    """The check of a whole file: the importer's result and each row's verdict."""

    file: ImportFile
    layout: Layout
    result: ImportResult
    rows: list[RowCheck] = field(init=False)

    def __post_init__(self) -> None:
        rejected = {r.row: r for r in self.result.rejected}
        duplicates = {d.row: d for d in self.result.duplicates}
        merges = {d.row: d for d in self.result.merges}
        possible = {p.row: p for p in self.result.possible}
        checks = []
        for number, cells in self.file.rows:
            if number in rejected:
                check = RowCheck(number, cells, "rejected", rejected=rejected[number])
            elif number in duplicates:
                dup = duplicates[number]
                state = "ambiguous" if dup.match == "ambiguous" else "duplicate"
                check = RowCheck(number, cells, state, duplicate=dup)
            elif number in merges:
                check = RowCheck(number, cells, "merge", duplicate=merges[number])
            elif number in possible:
                check = RowCheck(number, cells, "possible", possible=possible[number])
            else:
                check = RowCheck(number, cells, "new")
            checks.append(check)
        self.rows = checks

    def count(self, *states: str) -> int:
        return sum(1 for r in self.rows if r.state in states)

    @property
    def valid(self) -> int:
        return len(self.rows) - self.count("rejected")

    def problem_columns(self, check: RowCheck) -> dict[int, list[Notice]]:
        """Column index -> the problems found in that cell of *check*'s row
        (a problem of no column, such as a missing name, under -1)."""
        by_title = {self.layout.header[f]: i for f, i in self.layout.index.items()}
        cells: dict[int, list[Notice]] = {}
        for column, notice in check.rejected.problems if check.rejected else ():
            cells.setdefault(by_title.get(column, -1), []).append(notice)
        return cells


def save_rejected(
    result: ImportResult,
    file: ImportFile,
    target: Path | str,
    *,
    reasons_header: str,
    translate: Any = None,
) -> int:
    """Write the rejected rows of *result* as the file had them, with a last
    column of their reasons (translated by *translate*), to *target* (.xlsx,
    else CSV in UTF-8 with BOM, which Excel opens).  Returns the rows written;
    raises ``ExportError`` when the file cannot be written."""
    target = Path(target)
    cells_of = dict(file.rows)
    width = file.width
    table = [[*(file.header + [""] * width)[:width], reasons_header]]
    for rejected in result.rejected:
        cells = cells_of.get(rejected.row, [])
        table.append([*(cells + [""] * width)[:width], "\n".join(rejected.reasons(translate))])
    try:
        if target.suffix.lower() == ".xlsx":
            _write_xlsx(target, table)
        else:
            with target.open("w", encoding="utf-8-sig", newline="") as handle:
                csv.writer(handle).writerows(table)
    except OSError as exc:
        raise ExportError(CANNOT_WRITE, path=str(target), detail=explain(exc)[0]) from exc
    return len(table) - 1


def _write_xlsx(target: Path, table: list[list[str]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in table:
        sheet.append([_ILLEGAL_XML.sub("", cell) for cell in row])
    book.save(target)
