"""``erpdesk import customers|deals FILE`` and ``erpdesk export customers|pipeline FILE``.

Exit codes of ``import``: 0 when every row was imported (duplicates skipped
or merged), 1 when rows were rejected (nothing written unless ``--partial``),
2 when the file cannot be read or the command is misused.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from erpdesk.cli.demo_command import common_options
from erpdesk.cli.output import CliError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP

# The texts' context, as a name: lupdate reads a literal first argument of
# translate() as a source text.
CLI = "Cli"

if TYPE_CHECKING:
    from collections.abc import Callable

    from erpdesk.cli.output import Output, Progress
    from erpdesk.services.importer import ImportResult, TransferResult

EXIT_REJECTED = 1
EXIT_UNREADABLE = 2

WARNING = QT_TRANSLATE_NOOP("Cli", "Warning: {text}")
REJECTED_ROW = QT_TRANSLATE_NOOP("Cli", "Row {row} ({name}): {reason}")
DUPLICATE_IN_DB = QT_TRANSLATE_NOOP(
    "Cli", "Row {row} ({name}) is already in the database as {existing}; skipped"
)
DUPLICATE_IN_FILE = QT_TRANSLATE_NOOP(
    "Cli", "Row {row} ({name}) is the same customer as row {existing_row} ({existing}); skipped"
)
AMBIGUOUS = QT_TRANSLATE_NOOP(
    "Cli",
    "Row {row} ({name}) has the name of several customers with different credit codes "
    "({existing}); not imported: add its credit code to the file to say which one it is",
)
POSSIBLE_SAME_NAME = QT_TRANSLATE_NOOP(
    "Cli",
    "Row {row} ({name}) has the same name as {existing} but another credit code "
    "({existing_uscc}); imported as another company: check it",
)
POSSIBLE_REGION = QT_TRANSLATE_NOOP(
    "Cli",
    "Row {row} ({name}) may be {existing} (the region is on one side only, or one lies "
    "within the other); imported as a new customer: check it",
)
ROW_REF = QT_TRANSLATE_NOOP("Cli", "row {row} ({name})")
POSSIBLE_COUNT = QT_TRANSLATE_NOOP(
    "Cli",
    "{count} of the new customers may be customers already known (listed above); they were "
    "not merged: check them",
)
IMPORTED = QT_TRANSLATE_NOOP(
    "Cli",
    "Imported {imported} new customers from {path}; merged {merged} rows into existing "
    "customers; skipped {duplicates} duplicates; rejected {rejected} rows",
)
NOTHING_IMPORTED = QT_TRANSLATE_NOOP(
    "Cli",
    "Nothing was imported: {rejected} of {rows} rows have problems. Correct them and import "
    "again, or import the valid rows with --partial",
)
EXPORTED = QT_TRANSLATE_NOOP("Cli", "Exported {count} customers to {path}")
DEALS_IMPORTED = QT_TRANSLATE_NOOP(
    "Cli",
    "Imported {imported} new deals from {path}; skipped {duplicates} duplicates; "
    "rejected {rejected} rows",
)
DEAL_DUPLICATE_IN_DB = QT_TRANSLATE_NOOP(
    "Cli", "Row {row} ({name}): the customer already has the deal {existing}; skipped"
)
DEAL_DUPLICATE_IN_FILE = QT_TRANSLATE_NOOP(
    "Cli", "Row {row} ({name}) is the same deal as row {existing_row} ({existing}); skipped"
)
DEALS_IMPORT_PROGRESS = QT_TRANSLATE_NOOP("Cli", "Importing deals")
PIPELINE_EXPORTED = QT_TRANSLATE_NOOP("Cli", "Exported {count} deals to {path}")
PIPELINE_PROGRESS = QT_TRANSLATE_NOOP("Cli", "Exporting the pipeline")
EXPORT_PROGRESS = QT_TRANSLATE_NOOP("Cli", "Exporting customers")
IMPORT_PROGRESS = QT_TRANSLATE_NOOP("Cli", "Importing customers")
FILE_EXISTS = QT_TRANSLATE_NOOP(
    "Cli", "{path} already exists; choose another name or add --force to replace it"
)


def add_parsers(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    importer = subparsers.add_parser(
        "import", help=QT_TRANSLATE_NOOP("Cli", "import customers from a CSV or XLSX file"),
        description=QT_TRANSLATE_NOOP("Cli", "Import data from a spreadsheet file."),
    )
    common_options(importer)
    what = importer.add_subparsers(dest="what", metavar="WHAT", required=True)
    customers = what.add_parser(
        "customers",
        help=QT_TRANSLATE_NOOP("Cli", "customers (one per row) from CSV (UTF-8 or GBK) or XLSX"),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Import customers from a CSV (UTF-8 or GBK/GB18030) or XLSX file with a header "
            "row (Chinese or English headers, e.g. 客户名称/name, 统一社会信用代码/uscc, "
            "电话/phone, 客户来源/source, 地区/region, 联系人/contact, 联系人手机/mobile). By "
            "default nothing is written if any row has a problem."
        ),
    )
    customers.add_argument("file", type=Path, metavar="FILE", help=QT_TRANSLATE_NOOP(
        "Cli", "the .csv or .xlsx file"
    ))
    customers.add_argument(
        "--partial", action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "import the valid rows even if others are rejected"),
    )
    customers.add_argument(
        "--on-duplicate", choices=["skip", "merge"], default="skip",
        help=QT_TRANSLATE_NOOP(
            "Cli", "a row that is a known customer (the same credit code, or the same name and no "
            "other credit code): skip it (default), or merge it (fill that customer's empty "
            "fields, add its contact if new). A row that only may be one (the same name with "
            "another credit code, or a region on one side only) is imported and listed, never "
            "merged"
        ),
    )
    customers.add_argument(
        "--json", action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli", "print the result as JSON: imported, merged, duplicates, rejected (with "
            "reasons)"
        ),
    )
    common_options(customers)
    customers.set_defaults(handler=run_import)
    deals = what.add_parser(
        "deals",
        help=QT_TRANSLATE_NOOP(
            "Cli", "deals (one per row) of existing customers, from CSV (UTF-8 or GBK) or XLSX"
        ),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Import deals from a CSV (UTF-8 or GBK/GB18030) or XLSX file with a header row "
            "(Chinese or English headers: 客户名称/customer or 统一社会信用代码/uscc, "
            "商机名称/name, 预计金额/amount, 阶段/stage (1-7, the stage's Chinese name or its "
            "code name), 预计成交日期/close_date, 负责人/owner, 竞争对手/competitors). A row "
            "whose customer does not exist, is deleted or cannot be told apart is rejected. By "
            "default nothing is written if any row has a problem."
        ),
    )
    deals.add_argument("file", type=Path, metavar="FILE", help=QT_TRANSLATE_NOOP(
        "Cli", "the .csv or .xlsx file"
    ))
    deals.add_argument(
        "--partial", action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "import the valid rows even if others are rejected"),
    )
    deals.add_argument(
        "--json", action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli", "print the result as JSON: imported, rejected (with reasons), warnings"
        ),
    )
    common_options(deals)
    deals.set_defaults(handler=run_import_deals)

    exporter = subparsers.add_parser(
        "export", help=QT_TRANSLATE_NOOP("Cli", "export customers to a CSV or XLSX file"),
        description=QT_TRANSLATE_NOOP("Cli", "Export data to a spreadsheet file."),
    )
    common_options(exporter)
    what = exporter.add_subparsers(dest="what", metavar="WHAT", required=True)
    customers = what.add_parser(
        "customers",
        help=QT_TRANSLATE_NOOP(
            "Cli", "every customer, with its first contact, in the import's columns"
        ),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Export every customer with its first contact to FILE (.csv: UTF-8 with BOM, "
            "opens in Excel; .xlsx), with the headers the import reads."
        ),
    )
    customers.add_argument("file", type=Path, metavar="FILE", help=QT_TRANSLATE_NOOP(
        "Cli", "the .csv or .xlsx file"
    ))
    customers.add_argument("--force", action="store_true", help=QT_TRANSLATE_NOOP(
        "Cli", "replace FILE if it exists"
    ))
    common_options(customers)
    customers.set_defaults(handler=run_export)
    pipeline = what.add_parser(
        "pipeline",
        help=QT_TRANSLATE_NOOP(
            "Cli", "the open deals (all with --all) and the funnel summary, to XLSX"
        ),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Export the deals to FILE (.xlsx): one row per deal (customer, deal, stage, "
            "amount, probability, weighted amount, close date, owner, days in stage, next step) "
            "and a second sheet with the funnel summary. Amounts are numbers in CNY."
        ),
    )
    pipeline.add_argument("file", type=Path, metavar="FILE", help=QT_TRANSLATE_NOOP(
        "Cli", "the .xlsx file"
    ))
    pipeline.add_argument(
        "--all", action="store_true", help=QT_TRANSLATE_NOOP(
            "Cli", "also the closed deals (won and lost)"
        )
    )
    pipeline.add_argument("--force", action="store_true", help=QT_TRANSLATE_NOOP(
        "Cli", "replace FILE if it exists"
    ))
    common_options(pipeline)
    pipeline.set_defaults(handler=run_export_pipeline)


def run_import(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.app import open_desk
    from erpdesk.services.importer import ImportFileError, import_customers

    desk = open_desk(args.db)
    try:
        result = import_customers(
            desk.unit_of_work, args.file, partial=args.partial,
            on_duplicate=args.on_duplicate, owner=desk.customers.owner,
            progress=None if args.json else _progress(out, out.translate(CLI, IMPORT_PROGRESS)),
        )
    except ImportFileError as exc:
        out.error(exc.render(out.translate))
        return EXIT_UNREADABLE
    finally:
        desk.close()
    if args.json:
        out.print(json.dumps(result.as_dict(out.translate), ensure_ascii=False, indent=2))
    else:
        _print_result(result, args.file, out)
    return EXIT_REJECTED if result.rejected else 0


def run_import_deals(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.app import open_desk
    from erpdesk.services.deal_import import import_deals
    from erpdesk.services.importer import ImportFileError

    desk = open_desk(args.db)
    try:
        result = import_deals(
            desk.unit_of_work, args.file, desk.deals.playbook, user=desk.deals.user,
            partial=args.partial,
            progress=None if args.json else _progress(
                out, out.translate(CLI, DEALS_IMPORT_PROGRESS)
            ),
        )
    except ImportFileError as exc:
        out.error(exc.render(out.translate))
        return EXIT_UNREADABLE
    finally:
        desk.close()
    if args.json:
        out.print(json.dumps(result.as_dict(out.translate), ensure_ascii=False, indent=2))
        return EXIT_REJECTED if result.rejected else 0
    tr = out.translate
    _print_problems(result, out)
    for dup in result.duplicates:
        text = DEAL_DUPLICATE_IN_DB if dup.existing_row is None else DEAL_DUPLICATE_IN_FILE
        out.print(tr("Cli", text).format(
            row=dup.row, name=dup.name, existing=dup.existing, existing_row=dup.existing_row
        ))
    if result.written:
        out.print(tr("Cli", DEALS_IMPORTED).format(
            imported=result.imported, path=args.file, duplicates=len(result.duplicates),
            rejected=len(result.rejected),
        ))
    else:
        out.print(tr("Cli", NOTHING_IMPORTED).format(
            rejected=len(result.rejected), rows=result.rows
        ))
    return EXIT_REJECTED if result.rejected else 0


def _progress(out: Output, label: str) -> Callable[[int, int], None]:
    """A ``progress(done, total)`` drawing a bar on stderr, made on first call."""
    bar: Progress | None = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = out.progress(label, total)
        bar.advance(done - bar.done)

    return progress


def _print_problems(result: TransferResult, out: Output) -> None:
    """The warnings about the file and every problem of every rejected row."""
    tr = out.translate
    for warning in result.warnings:
        out.print(tr("Cli", WARNING).format(text=warning.render(tr)))
    for rejected in result.rejected:
        for reason in rejected.reasons(tr):
            out.print(tr("Cli", REJECTED_ROW).format(
                row=rejected.row, name=rejected.name, reason=reason
            ))


def _print_result(result: ImportResult, path: Path, out: Output) -> None:
    tr = out.translate
    _print_problems(result, out)
    for dup in result.duplicates:
        if dup.match == "ambiguous":
            text = AMBIGUOUS
        else:
            text = DUPLICATE_IN_DB if dup.existing_row is None else DUPLICATE_IN_FILE
        out.print(tr("Cli", text).format(
            row=dup.row, name=dup.name, existing=dup.existing, existing_row=dup.existing_row
        ))
    if result.written:
        for possible in result.possible:
            existing = possible.existing
            if possible.existing_row is not None:
                existing = tr("Cli", ROW_REF).format(row=possible.existing_row, name=existing)
            text = POSSIBLE_SAME_NAME if possible.why == "uscc" else POSSIBLE_REGION
            out.print(tr("Cli", text).format(
                row=possible.row, name=possible.name, existing=existing,
                existing_uscc=possible.existing_uscc,
            ))
        out.print(tr("Cli", IMPORTED).format(
            imported=result.imported, path=path, merged=result.merged,
            duplicates=len(result.duplicates), rejected=len(result.rejected),
        ))
        if result.possible:
            out.print(tr("Cli", POSSIBLE_COUNT).format(count=len(result.possible)))
    else:
        out.print(tr("Cli", NOTHING_IMPORTED).format(
            rejected=len(result.rejected), rows=result.rows
        ))


def run_export(args: argparse.Namespace, out: Output) -> int:
    if args.file.exists() and not args.force:
        raise CliError(FILE_EXISTS, path=str(args.file))

    from erpdesk.app import open_desk
    from erpdesk.services.exporter import ExportError, export_customers

    desk = open_desk(args.db)
    try:
        count = export_customers(
            desk, args.file, progress=_progress(out, out.translate(CLI, EXPORT_PROGRESS))
        )
    except ExportError as exc:
        out.error(exc.render(out.translate))
        return EXIT_UNREADABLE
    finally:
        desk.close()
    out.print(out.translate(CLI, EXPORTED).format(count=count, path=args.file))
    return 0


def run_export_pipeline(args: argparse.Namespace, out: Output) -> int:
    if args.file.exists() and not args.force:
        raise CliError(FILE_EXISTS, path=str(args.file))

    from erpdesk.app import open_desk
    from erpdesk.services.deal_export import export_pipeline
    from erpdesk.services.exporter import ExportError

    desk = open_desk(args.db)
    try:
        count = export_pipeline(
            desk.deals, args.file, closed=args.all, language=out.translate.language,
            progress=_progress(out, out.translate(CLI, PIPELINE_PROGRESS)),
        )
    except ExportError as exc:
        out.error(exc.render(out.translate))
        return EXIT_UNREADABLE
    finally:
        desk.close()
    out.print(out.translate(CLI, PIPELINE_EXPORTED).format(count=count, path=args.file))
    return 0
