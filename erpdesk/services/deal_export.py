"""Exporting the pipeline to XLSX (销售管道导出).

The first sheet has one row per deal (the open ones, and with ``closed``
the won and lost ones too): customer, deal, stage, status, amount,
probability, weighted amount, close date, owner, days in stage and next
step.  The second sheet is the funnel summary, the numbers of ``erpdesk
report funnel``.  Amounts are numbers with a CNY format, written from the
exact Decimal (the XLSX holds the decimal text, to the fen); a weighted
amount is the deal's amount times its probability rounded half-up to the
fen, and every total is the sum of its deals.

The headers and the stage and status names are Chinese in a zh_CN desk and
English otherwise; the Chinese headers are those ``erpdesk import deals``
reads, so an exported sheet imports back.  The file is written beside the
target under a temporary name and renamed when complete.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.os_errors import IS_A_FOLDER, explain, remove_quietly, translated
from erpdesk.services.exporter import CANNOT_WRITE, ExportError
from erpdesk.storage.deal_queries import BoardCard, DealCriteria

if TYPE_CHECKING:
    from erpdesk.domain.forecast import FunnelReport
    from erpdesk.domain.playbook import Playbook
    from erpdesk.services.deals import DealService

NOT_XLSX = QT_TRANSLATE_NOOP(
    "Transfer", "Cannot export the pipeline to {path}: the file name must end in .xlsx"
)

# Excel's format of an amount in yuan (CNY), two places.
CNY_FORMAT = "[$¥-804]#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

# (zh_CN, English) of the sheets and headers: data as much as UI, so they
# live here, like the playbook's names; the Chinese deal headers are the
# import's (``deal_import.COLUMNS``).
DEALS_SHEET = ("销售机会", "Deals")
SUMMARY_SHEET = ("漏斗汇总", "Funnel")
DEAL_HEADERS = (
    ("客户名称", "Customer"),
    ("商机名称", "Deal"),
    ("阶段", "Stage"),
    ("状态", "Status"),
    ("预计金额", "Amount"),
    ("概率(%)", "Probability (%)"),
    ("加权金额", "Weighted"),
    ("预计成交日期", "Close date"),
    ("负责人", "Owner"),
    ("在阶段天数", "Days in stage"),
    ("下一步", "Next step"),
)
SUMMARY_HEADERS = (
    ("阶段", "Stage"),
    ("名称", "Name"),
    ("数量", "Count"),
    ("金额", "Amount"),
    ("默认概率(%)", "Default probability (%)"),
    ("加权金额", "Weighted"),
)
OPEN_TOTAL = ("进行中合计", "All open")
WON = ("赢单", "Closed won")
LOST = ("丢单", "Closed lost")
CURRENCY_NOTE = ("金额单位：人民币元（CNY）", "Amounts in yuan (CNY)")


def _pick(pair: tuple[str, str], zh: bool) -> str:
    return pair[0] if zh else pair[1]


def _text(value: str) -> str:
    return _ILLEGAL_XML.sub("", value)


def export_pipeline(
    deals: DealService,
    path: Path | str,
    *,
    closed: bool = False,
    language: str = "zh_CN",
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write the pipeline to *path* (.xlsx); returns the deals written.

    Raises ``ExportError`` when *path* is not an .xlsx or cannot be
    written; the target is then left as it was."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ExportError(NOT_XLSX, path=str(path))
    if path.is_dir():
        raise ExportError(CANNOT_WRITE, path=str(path), detail=translated(IS_A_FOLDER))
    playbook = deals.playbook
    cards = deals.board(DealCriteria(closed_since=date.min if closed else None), flags=False)
    report = deals.funnel()
    zh = language.lower().startswith("zh")
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        _write(tmp, cards, report, playbook, zh, progress)
        os.replace(tmp, path)
    except OSError as exc:
        raise ExportError(CANNOT_WRITE, path=str(path), detail=explain(exc)[0]) from exc
    finally:
        remove_quietly(tmp)
    return len(cards)


def _write(
    tmp: Path,
    cards: list[BoardCard],
    report: FunnelReport,
    playbook: Playbook,
    zh: bool,
    progress: Callable[[int, int], None] | None,
) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_pick(DEALS_SHEET, zh))
    bold = Font(bold=True)

    def cell(value: Any, fmt: str | None = None, *, strong: bool = False) -> Any:
        if isinstance(value, str):
            value = _text(value)
        c = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str) and value.startswith("="):
            c.data_type = "s"  # text, never a formula
        if fmt:
            c.number_format = fmt
        if strong:
            c.font = bold
        return c

    widths = (30, 30, 22, 10, 16, 12, 16, 14, 12, 12, 30)
    for i, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + i)].width = width
    sheet.freeze_panes = "A2"
    sheet.append([cell(_pick(h, zh), strong=True) for h in DEAL_HEADERS])
    stage_names = {s.number: s.names.text("zh" if zh else "en") for s in playbook.stages}
    for n, card in enumerate(cards, start=1):
        status = card.status.zh if zh else card.status.label
        sheet.append([
            cell(card.customer_name),
            cell(card.name),
            cell(stage_names.get(card.stage, str(card.stage))),
            cell(status),
            cell(card.amount, CNY_FORMAT),
            cell(card.probability),
            cell(card.weighted, CNY_FORMAT),
            cell(card.close_date, DATE_FORMAT) if card.close_date else None,
            cell(card.owner),
            cell(card.days_in_stage),
            cell(card.next_step),
        ])  # fmt: skip
        if progress is not None and n % 1000 == 0:
            progress(n, len(cards))
    if progress is not None:
        progress(len(cards), len(cards))

    sheet = book.create_sheet(_pick(SUMMARY_SHEET, zh))
    for i, width in enumerate((12, 24, 10, 18, 20, 18)):
        sheet.column_dimensions[chr(ord("A") + i)].width = width
    sheet.append([cell(_pick(h, zh), strong=True) for h in SUMMARY_HEADERS])
    for row in report.stages:
        sheet.append([
            cell(row.stage),
            cell(stage_names.get(row.stage, row.code)),
            cell(row.count),
            cell(row.amount, CNY_FORMAT),
            cell(row.probability),
            cell(row.weighted, CNY_FORMAT),
        ])  # fmt: skip
    totals: tuple[tuple[tuple[str, str], int, Decimal, Decimal | None], ...] = (
        (OPEN_TOTAL, report.open.count, report.open.amount, report.open.weighted),
        (WON, report.won.count, report.won.amount, None),
        (LOST, report.lost.count, report.lost.amount, None),
    )
    for label, count, amount, weighted in totals:
        sheet.append([
            None,
            cell(_pick(label, zh), strong=True),
            cell(count, strong=True),
            cell(amount, CNY_FORMAT, strong=True),
            None,
            cell(weighted, CNY_FORMAT, strong=True) if weighted is not None else None,
        ])  # fmt: skip
    sheet.append([])
    sheet.append([cell(_pick(CURRENCY_NOTE, zh))])
    book.save(tmp)
