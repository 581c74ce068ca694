"""``erpdesk quote ...`` and ``erpdesk catalogue ...``: quotes and the
catalogue from the command line (docs/quotes.md).

``quote new`` makes a quote of a customer (named by name or credit code)
from a CSV or XLSX file of lines; ``quote list``/``show`` read quotes;
``quote version``/``approve``/``send``/``accept``/``decline`` move a quote
through its versions and states; ``quote settings`` shows or sets the rep's
code and discount limit; ``quote pdf`` writes the customer's PDF.
``catalogue show``/``import``/``export`` read and replace the catalogue.

Amounts in ``--json`` are decimal strings with two places.  Every refusal
is one line on stderr (a lines file: one line per problem) and exit 1; a
file that cannot be read or a misused option exits 2.
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from erpdesk.cli.demo_command import common_options
from erpdesk.cli.output import CliError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.money import format_money

if TYPE_CHECKING:
    from erpdesk.app import Desk
    from erpdesk.cli.output import Output
    from erpdesk.domain.catalogue import Catalogue
    from erpdesk.domain.quote import Quote, QuoteTotals
    from erpdesk.services.quotes import QuoteSummary

# The texts' context, as a name: lupdate reads a literal first argument of
# translate() as a source text.
CLI = "Cli"
EXIT_REFUSED = 1
EXIT_UNREADABLE = 2

BAD_DATE = QT_TRANSLATE_NOOP("Cli", "{value} is not a date; write it as 2026-12-31")
BAD_PERCENT = QT_TRANSLATE_NOOP("Cli", "{value} is not a percentage; write it as 12.5")
BAD_STATUS = QT_TRANSLATE_NOOP("Cli", "{value} is not a quote status; use one of: {choices}")
NOT_PDF = QT_TRANSLATE_NOOP("Cli", "The output file must end in .pdf: {path}")
NOT_XLSX = QT_TRANSLATE_NOOP("Cli", "The catalogue file must end in .xlsx: {path}")
NO_FOLDER = QT_TRANSLATE_NOOP("Cli", "The folder {path} does not exist")
FILE_EXISTS = QT_TRANSLATE_NOOP(
    "Cli", "{path} already exists; choose another name or add --force to replace it"
)
QUOTE_TITLE = QT_TRANSLATE_NOOP("Cli", "Quote {number}, version {version} ({status})")
QUOTE_PARTIES = QT_TRANSLATE_NOOP("Cli", "Customer: {customer}   Deal: {deal}")
QUOTE_DATES = QT_TRANSLATE_NOOP(
    "Cli", "Dated {date}, valid until {valid_until}; prices {mode}; author {author}"
)
LINE = QT_TRANSLATE_NOOP("Cli", "Line")
DESCRIPTION = QT_TRANSLATE_NOOP("Cli", "Description")
QUANTITY = QT_TRANSLATE_NOOP("Cli", "Quantity")
UNIT_PRICE = QT_TRANSLATE_NOOP("Cli", "Unit price")
DISCOUNT = QT_TRANSLATE_NOOP("Cli", "Discount")
VAT_RATE = QT_TRANSLATE_NOOP("Cli", "VAT rate")
NET = QT_TRANSLATE_NOOP("Cli", "Net")
VAT = QT_TRANSLATE_NOOP("Cli", "VAT")
TOTAL = QT_TRANSLATE_NOOP("Cli", "Total")
TOTALS = QT_TRANSLATE_NOOP("Cli", "Totals")
IN_WORDS = QT_TRANSLATE_NOOP("Cli", "In words: {words}")
MILESTONE = QT_TRANSLATE_NOOP("Cli", "Milestone {name}: {percent}% = {amount} ({due})")
APPROVAL_REQUEST = QT_TRANSLATE_NOOP(
    "Cli", "{at}: {by} asked for approval of a {discount}% discount"
)
APPROVAL_DECISION = QT_TRANSLATE_NOOP("Cli", "{at}: {by} {decision} ({note})")
NEEDS_APPROVAL = QT_TRANSLATE_NOOP(
    "Cli", "A discount is above your limit of {limit}%: a manager must approve it before sending"
)
NUMBER = QT_TRANSLATE_NOOP("Cli", "Number")
VERSION = QT_TRANSLATE_NOOP("Cli", "Ver.")
CUSTOMER = QT_TRANSLATE_NOOP("Cli", "Customer")
DEAL = QT_TRANSLATE_NOOP("Cli", "Deal")
STATUS = QT_TRANSLATE_NOOP("Cli", "Status")
VALID_UNTIL = QT_TRANSLATE_NOOP("Cli", "Valid until")
EXPIRED = QT_TRANSLATE_NOOP("Cli", "(expired)")
NO_QUOTES = QT_TRANSLATE_NOOP("Cli", "No quotes yet: make one with erpdesk quote new")
NEW_VERSION = QT_TRANSLATE_NOOP("Cli", "Made version {version} of quote {number} ({status})")
APPROVED = QT_TRANSLATE_NOOP("Cli", "{by} approved version {version} of quote {number}")
REJECTED = QT_TRANSLATE_NOOP(
    "Cli", "{by} rejected the discount of quote {number}, version {version}"
)
SENT = QT_TRANSLATE_NOOP("Cli", "Quote {number}, version {version} is marked as sent")
OUTCOME = QT_TRANSLATE_NOOP("Cli", "Quote {number}, version {version}: {status}")
PDF_WRITTEN = QT_TRANSLATE_NOOP("Cli", "Quote {number}, version {version} written to {path}")
SETTINGS_SHOWN = QT_TRANSLATE_NOOP(
    "Cli",
    "Rep code {rep_code} (quote numbers Q-{rep_code}-YYYYMMDD-NNN); discount limit "
    "{limit}%; quotes valid for {days} days",
)
SETTINGS_SAVED = QT_TRANSLATE_NOOP("Cli", "Saved.")
CATALOGUE_TITLE = QT_TRANSLATE_NOOP(
    "Cli", "Catalogue {version}: {items} items; price list {price_list} (prices in CNY)"
)
NO_PRICE_LIST = QT_TRANSLATE_NOOP("Cli", "none for today")
CODE = QT_TRANSLATE_NOOP("Cli", "Code")
KIND = QT_TRANSLATE_NOOP("Cli", "Kind")
NAME = QT_TRANSLATE_NOOP("Cli", "Name")
UNIT = QT_TRANSLATE_NOOP("Cli", "Unit")
PRICE = QT_TRANSLATE_NOOP("Cli", "Price")
CATALOGUE_IMPORTED = QT_TRANSLATE_NOOP(
    "Cli",
    "Imported the catalogue {version} ({items} items) from {path}; it replaces the one in use",
)
CATALOGUE_EXPORTED = QT_TRANSLATE_NOOP("Cli", "Exported the catalogue {version} to {path}")
DECIDED = {
    "approved": QT_TRANSLATE_NOOP("Cli", "approved"),
    "rejected": QT_TRANSLATE_NOOP("Cli", "rejected"),
}


# -- parsers ---------------------------------------------------------------------


def add_parsers(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    _add_quote(subparsers)
    _add_catalogue(subparsers)


def _number_args(parser: argparse.ArgumentParser, *, version: bool = True) -> None:
    parser.add_argument("number", metavar="NUMBER", help=QT_TRANSLATE_NOOP(
        "Cli", "the quote number, Q-..."
    ))
    if version:
        parser.add_argument(
            "--version", type=int, metavar="N", dest="quote_version",
            help=QT_TRANSLATE_NOOP("Cli", "that version (default: the latest)"),
        )  # fmt: skip


def _add_quote(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "quote", help=QT_TRANSLATE_NOOP("Cli", "make, list, approve, send and print quotes"),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Quotes (报价单): versions of a numbered offer to a customer."
        ),
    )  # fmt: skip
    common_options(parser)
    actions = parser.add_subparsers(dest="quote_command", metavar="ACTION", required=True)

    new = actions.add_parser(
        "new",
        help=QT_TRANSLATE_NOOP("Cli", "make a quote from a file of lines"),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Make a quote of CUSTOMER (its name or its credit code) from a CSV (UTF-8 or "
            "GBK) or XLSX file of lines with a header row: item/品名, description/描述, "
            "quantity/数量, unit/单位, unit_price/单价, discount/折扣 (percent), vat_rate/税率, "
            "group/类别. A line whose discount is above your limit makes the quote wait for a "
            "manager's approval. Nothing is written if any row has a problem."
        ),
    )
    new.add_argument("--customer", required=True, metavar="NAME|USCC", help=QT_TRANSLATE_NOOP(
        "Cli", "the customer"
    ))
    new.add_argument("--deal", metavar="ID", help=QT_TRANSLATE_NOOP(
        "Cli", "the deal's id (one of the customer's)"
    ))
    new.add_argument("--lines", required=True, type=Path, metavar="FILE", help=QT_TRANSLATE_NOOP(
        "Cli", "the lines file"
    ))
    mode = new.add_mutually_exclusive_group()
    mode.add_argument(
        "--tax-inclusive", dest="price_mode", action="store_const", const="inclusive",
        help=QT_TRANSLATE_NOOP("Cli", "unit prices include VAT (含税, the default)"),
    )  # fmt: skip
    mode.add_argument(
        "--tax-exclusive", dest="price_mode", action="store_const", const="exclusive",
        help=QT_TRANSLATE_NOOP("Cli", "unit prices exclude VAT (不含税)"),
    )  # fmt: skip
    new.add_argument("--title", default="", metavar="T", help=QT_TRANSLATE_NOOP(
        "Cli", "the quote's title"
    ))
    new.add_argument(
        "--valid-until", metavar="DATE", help=QT_TRANSLATE_NOOP(
            "Cli", "last valid day (default: the settings' days on)"
        )
    )
    new.add_argument(
        "--language", choices=["zh_CN", "en"], default="zh_CN", dest="quote_language",
        help=QT_TRANSLATE_NOOP("Cli", "the language the quote is printed in (default: zh_CN)"),
    )  # fmt: skip
    new.add_argument(
        "--json", action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli", "print {\"number\", \"version\", \"status\", \"lines\": [{\"net\", \"vat\", "
            "\"total\"}, ...], \"net\", \"vat\", \"total\", \"total_in_words\"}, amounts as "
            "decimal strings"
        ),
    )  # fmt: skip
    common_options(new)
    new.set_defaults(handler=run_new, price_mode="inclusive")

    listing = actions.add_parser(
        "list", help=QT_TRANSLATE_NOOP("Cli", "list quotes (the latest version of each)"),
        description=QT_TRANSLATE_NOOP(
            "Cli", "List the quotes, newest first: the latest version of each number."
        ),
    )  # fmt: skip
    listing.add_argument("--customer", metavar="NAME|USCC", help=QT_TRANSLATE_NOOP(
        "Cli", "only this customer's"
    ))
    listing.add_argument("--deal", metavar="ID", help=QT_TRANSLATE_NOOP("Cli", "only this deal's"))
    listing.add_argument("--status", metavar="S", help=QT_TRANSLATE_NOOP(
        "Cli", "only in this status (draft, sent ...)"
    ))
    listing.add_argument("--all-versions", action="store_true", help=QT_TRANSLATE_NOOP(
        "Cli", "every version"
    ))
    listing.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "print JSON"))
    common_options(listing)
    listing.set_defaults(handler=run_list)

    show = actions.add_parser("show", help=QT_TRANSLATE_NOOP(
        "Cli", "show a quote: lines, totals, approvals"
    ))
    _number_args(show)
    show.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "print JSON"))
    common_options(show)
    show.set_defaults(handler=run_show)

    version = actions.add_parser(
        "version", help=QT_TRANSLATE_NOOP(
            "Cli", "make a new version of a quote (a copy of its latest)"
        ),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Make a new version of NUMBER: a draft copy of its latest version, dated "
            "today. The latest is superseded unless the customer has it (sent)."
        ),
    )  # fmt: skip
    _number_args(version, version=False)
    common_options(version)
    version.set_defaults(handler=run_version)

    approve = actions.add_parser(
        "approve", help=QT_TRANSLATE_NOOP("Cli", "record a manager's decision on a discount"),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Approve (or with --reject reject) the discount of a quote waiting for "
            "approval. The approver must not be the quote's author."
        ),
    )  # fmt: skip
    _number_args(approve)
    approve.add_argument("--by", required=True, metavar="NAME", help=QT_TRANSLATE_NOOP(
        "Cli", "who decides"
    ))
    approve.add_argument("--reject", action="store_true", help=QT_TRANSLATE_NOOP(
        "Cli", "reject the discount"
    ))
    approve.add_argument("--note", default="", metavar="T", help=QT_TRANSLATE_NOOP("Cli", "why"))
    common_options(approve)
    approve.set_defaults(handler=run_approve)

    for name, help_text, handler in (
        ("send", QT_TRANSLATE_NOOP(
            "Cli", "mark a quote as sent to the customer (freezes the version)"
        ), run_send),
        ("accept", QT_TRANSLATE_NOOP(
            "Cli", "record that the customer accepted a sent quote"
        ), run_accept),
        ("decline", QT_TRANSLATE_NOOP(
            "Cli", "record that the customer declined a sent quote"
        ), run_decline),
    ):
        action = actions.add_parser(name, help=help_text, description=help_text)
        _number_args(action)
        common_options(action)
        action.set_defaults(handler=handler)

    pdf = actions.add_parser(
        "pdf", help=QT_TRANSLATE_NOOP("Cli", "write the quote's PDF"),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Write the PDF of NUMBER (its latest version unless --version) in the quote's "
            "language, with the company's branding."
        ),
    )  # fmt: skip
    _number_args(pdf)
    pdf.add_argument(
        "-o", "--out", required=True, type=Path, metavar="FILE.pdf",
        help=QT_TRANSLATE_NOOP("Cli", "the PDF"),
    )
    pdf.add_argument(
        "--language", choices=["zh_CN", "en"], dest="pdf_language",
        help=QT_TRANSLATE_NOOP(
            "Cli", "print it in this language instead of the quote's own (the quote is not "
            "changed)"
        ),
    )  # fmt: skip
    common_options(pdf)
    pdf.set_defaults(handler=run_pdf)

    settings = actions.add_parser(
        "settings", help=QT_TRANSLATE_NOOP(
            "Cli", "show or set the rep code, discount limit and validity"
        ),
        description=QT_TRANSLATE_NOOP("Cli", "Show the quote settings, or set those given."),
    )  # fmt: skip
    settings.add_argument("--rep-code", metavar="X", help=QT_TRANSLATE_NOOP(
        "Cli", "1-12 letters or digits"
    ))
    settings.add_argument("--discount-limit", metavar="P", help=QT_TRANSLATE_NOOP(
        "Cli", "percent, 0-100"
    ))
    settings.add_argument("--validity-days", type=int, metavar="N", help=QT_TRANSLATE_NOOP(
        "Cli", "1-365"
    ))
    settings.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP(
        "Cli", "print JSON"
    ))
    common_options(settings)
    settings.set_defaults(handler=run_settings)


def _add_catalogue(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "catalogue", help=QT_TRANSLATE_NOOP("Cli", "show, import or export the catalogue"),
        description=QT_TRANSLATE_NOOP(
            "Cli", "The catalogue (产品目录) quotes are made from: the desk's own (imported) or "
            "the shipped one."
        ),
    )  # fmt: skip
    common_options(parser)
    actions = parser.add_subparsers(dest="catalogue_command", metavar="ACTION", required=True)
    show = actions.add_parser("show", help=QT_TRANSLATE_NOOP("Cli", "the items and today's prices"))
    show.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP(
        "Cli", "print the whole catalogue as JSON"
    ))
    common_options(show)
    show.set_defaults(handler=run_catalogue_show)
    imported = actions.add_parser(
        "import", help=QT_TRANSLATE_NOOP("Cli", "replace the catalogue by an XLSX file"),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Read FILE.xlsx (the layout catalogue export writes) and make it the desk's "
            "catalogue; a file with any problem is refused whole, with every problem."
        ),
    )  # fmt: skip
    imported.add_argument("file", type=Path, metavar="FILE.xlsx")
    common_options(imported)
    imported.set_defaults(handler=run_catalogue_import)
    exported = actions.add_parser("export", help=QT_TRANSLATE_NOOP(
        "Cli", "write the catalogue to an XLSX file"
    ))
    exported.add_argument("file", type=Path, metavar="FILE.xlsx")
    exported.add_argument("--force", action="store_true", help=QT_TRANSLATE_NOOP(
        "Cli", "replace FILE if it exists"
    ))
    common_options(exported)
    exported.set_defaults(handler=run_catalogue_export)


# -- helpers ---------------------------------------------------------------------


def _money(amount: Decimal) -> str:
    """An amount for JSON: exact decimal text, no grouping."""
    return f"{amount:.2f}"


def _shown(amount: Decimal) -> str:
    """An amount for people: "1,564,042.00"."""
    return format_money(amount)


def _number(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _width(text: str) -> int:
    """Columns *text* takes in a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> list[str]:
    widths = [max(_width(r[i]) for r in (header, *rows)) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        out = []
        for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            pad = " " * (width - _width(cell))
            out.append(pad + cell if i in right else cell + pad)
        return "  ".join(out).rstrip()

    rule = "-" * (sum(widths) + 2 * (len(widths) - 1))
    return [line(header), rule, *(line(r) for r in rows)]


def _open(args: argparse.Namespace) -> Desk:
    from erpdesk.app import open_desk

    return open_desk(args.db)


def _find(desk: Desk, args: argparse.Namespace) -> Quote:
    return desk.quotes.by_number(args.number, getattr(args, "quote_version", None))


def _status(out: Output, quote: Quote | QuoteSummary) -> str:
    return out.translate("Domain", quote.status.label)


def _amounts_json(quote: Quote, totals: QuoteTotals) -> dict[str, Any]:
    return {
        "number": quote.number,
        "version": quote.version,
        "status": quote.status.value,
        "lines": [
            {"net": _money(a.net), "vat": _money(a.vat), "total": _money(a.total)}
            for a in totals.lines
        ],
        "net": _money(totals.net),
        "vat": _money(totals.vat),
        "total": _money(totals.total),
        "total_in_words": totals.total_in_words,
    }


def _print_quote(out: Output, desk: Desk, quote: Quote, totals: QuoteTotals) -> None:
    tr = out.translate
    summary = desk.quotes.summary(quote.id)
    out.print(tr(CLI, QUOTE_TITLE).format(
        number=quote.number, version=quote.version, status=_status(out, quote)
    ))  # fmt: skip
    out.print(tr(CLI, QUOTE_PARTIES).format(
        customer=summary.customer_name, deal=summary.deal_name or "-"
    ))  # fmt: skip
    valid = quote.valid_until.isoformat() if quote.valid_until else "-"
    out.print(tr(CLI, QUOTE_DATES).format(
        date=quote.quote_date.isoformat(), valid_until=valid,
        mode=tr("Domain", quote.price_mode.label), author=quote.author or "-",
    ))  # fmt: skip
    if quote.title:
        out.print(quote.title)
    out.print()
    header = [tr(CLI, t) for t in (LINE, DESCRIPTION, QUANTITY, UNIT_PRICE, DISCOUNT, VAT_RATE,
                                   NET, VAT, TOTAL)]  # fmt: skip
    rows = [
        [str(n), line.description, f"{_number(line.quantity)} {line.unit}".strip(),
         _shown(line.unit_price), f"{_number(line.discount)}%", f"{_number(line.vat_rate)}%",
         _shown(a.net), _shown(a.vat), _shown(a.total)]
        for n, (line, a) in enumerate(zip(quote.lines, totals.lines, strict=True), start=1)
    ]  # fmt: skip
    rows.append([tr(CLI, TOTALS), "", "", "", "", "", _shown(totals.net), _shown(totals.vat),
                 _shown(totals.total)])  # fmt: skip
    for text in _table(header, rows, right={0, 2, 3, 4, 5, 6, 7, 8}):
        out.print(text)
    out.print(tr(CLI, IN_WORDS).format(words=totals.total_in_words))


# -- quote actions -----------------------------------------------------------------


def run_new(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.domain.deal_rules import parse_date
    from erpdesk.domain.errors import ValidationError
    from erpdesk.domain.quote import quote_totals
    from erpdesk.services.importer import ImportFileError

    valid_until = None
    if args.valid_until:
        valid_until = parse_date(args.valid_until)
        if valid_until is None:
            raise CliError(BAD_DATE, value=args.valid_until)
    desk = _open(args)
    try:
        try:
            lines = desk.quotes.lines_from_file(args.lines, language=args.quote_language)
        except ImportFileError as exc:
            out.error(exc.render(out.translate))
            return EXIT_UNREADABLE
        except ValidationError as exc:
            for problem in exc.problems:
                out.error(problem.render(out.translate))
            return EXIT_REFUSED
        customer_id = desk.quotes.find_customer(args.customer)
        quote = desk.quotes.new_quote(
            customer_id, deal_id=args.deal, lines=lines, price_mode=args.price_mode,
            title=args.title, valid_until=valid_until, language=args.quote_language,
        )  # fmt: skip
        totals = quote_totals(quote)
        if args.json:
            data = _amounts_json(quote, totals)
            out.print(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            _print_quote(out, desk, quote, totals)
            if quote.status.value == "pending_approval":
                out.print()
                out.print(out.translate(CLI, NEEDS_APPROVAL).format(
                    limit=_number(quote.discount_limit)
                ))  # fmt: skip
    finally:
        desk.close()
    return 0


def _summary_json(s: QuoteSummary) -> dict[str, Any]:
    return {
        "id": s.id,
        "number": s.number,
        "version": s.version,
        "customer": s.customer_name,
        "deal": s.deal_name or None,
        "title": s.title,
        "status": s.status.value,
        "total": _money(s.total),
        "quote_date": s.quote_date.isoformat(),
        "valid_until": s.valid_until.isoformat() if s.valid_until else None,
        "expired": s.expired,
        "author": s.author,
    }


def run_list(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.domain.quote import QuoteStatus

    status = None
    if args.status:
        parsed = QuoteStatus.parse(args.status.strip())
        if parsed is None:
            choices = ", ".join(s.value for s in QuoteStatus)
            raise CliError(BAD_STATUS, value=args.status, choices=choices)
        status = parsed.value
    desk = _open(args)
    try:
        customer_id = desk.quotes.find_customer(args.customer) if args.customer else None
        found = desk.quotes.summaries(
            customer_id=customer_id, deal_id=args.deal, status=status, limit=None,
            latest_only=not args.all_versions,
        )  # fmt: skip
    finally:
        desk.close()
    if args.json:
        out.print(json.dumps([_summary_json(s) for s in found], ensure_ascii=False, indent=2))
        return 0
    tr = out.translate
    if not found:
        out.print(tr(CLI, NO_QUOTES))
        return 0
    header = [tr(CLI, t) for t in (NUMBER, VERSION, CUSTOMER, DEAL, STATUS, TOTAL, VALID_UNTIL)]
    rows = [
        [s.number, str(s.version), s.customer_name, s.deal_name or "-", _status(out, s),
         _shown(s.total),
         (s.valid_until.isoformat() if s.valid_until else "-")
         + (" " + tr(CLI, EXPIRED) if s.expired else "")]
        for s in found
    ]  # fmt: skip
    for text in _table(header, rows, right={1, 5}):
        out.print(text)
    return 0


def run_show(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.domain.quote import quote_totals
    from erpdesk.storage.mapping import payload_value

    desk = _open(args)
    try:
        quote = _find(desk, args)
        approvals = desk.quotes.approvals(quote.id)
        totals = quote_totals(quote)
        tr = out.translate
        if args.json:
            data = payload_value(quote)
            data.update(_amounts_json(quote, totals))
            data["milestone_amounts"] = [_money(a) for a in totals.milestones]
            data["approvals"] = [payload_value(a) for a in approvals]
            out.print(json.dumps(data, ensure_ascii=False, indent=2))
            return 0
        _print_quote(out, desk, quote, totals)
    finally:
        desk.close()
    for m, amount in zip(quote.milestones, totals.milestones, strict=True):
        out.print(tr(CLI, MILESTONE).format(
            name=m.name, percent=_number(m.percent), amount=_shown(amount), due=m.due or "-"
        ))  # fmt: skip
    for a in approvals:
        at = a.at.astimezone().strftime("%Y-%m-%d %H:%M")
        if a.decision is None:
            out.print(tr(CLI, APPROVAL_REQUEST).format(
                at=at, by=a.by or "-", discount=_number(a.max_discount)
            ))  # fmt: skip
        else:
            out.print(tr(CLI, APPROVAL_DECISION).format(
                at=at, by=a.by, decision=tr(CLI, DECIDED[a.decision.value]), note=a.note or "-"
            ))  # fmt: skip
    return 0


def run_version(args: argparse.Namespace, out: Output) -> int:
    desk = _open(args)
    try:
        made = desk.quotes.new_version(desk.quotes.by_number(args.number).id)
    finally:
        desk.close()
    out.print(out.translate(CLI, NEW_VERSION).format(
        version=made.version, number=made.number, status=_status(out, made)
    ))  # fmt: skip
    return 0


def run_approve(args: argparse.Namespace, out: Output) -> int:
    desk = _open(args)
    try:
        quote = _find(desk, args)
        desk.quotes.record_approval(quote.id, by=args.by, approve=not args.reject, note=args.note)
    finally:
        desk.close()
    text = REJECTED if args.reject else APPROVED
    out.print(out.translate(CLI, text).format(
        by=args.by.strip(), version=quote.version, number=quote.number
    ))  # fmt: skip
    return 0


def run_send(args: argparse.Namespace, out: Output) -> int:
    desk = _open(args)
    try:
        quote = desk.quotes.mark_sent(_find(desk, args).id)
    finally:
        desk.close()
    out.print(out.translate(CLI, SENT).format(number=quote.number, version=quote.version))
    return 0


def _outcome(args: argparse.Namespace, out: Output, accepted: bool) -> int:
    desk = _open(args)
    try:
        quote = desk.quotes.mark_outcome(_find(desk, args).id, accepted)
    finally:
        desk.close()
    out.print(out.translate(CLI, OUTCOME).format(
        number=quote.number, version=quote.version, status=_status(out, quote)
    ))  # fmt: skip
    return 0


def run_accept(args: argparse.Namespace, out: Output) -> int:
    return _outcome(args, out, True)


def run_decline(args: argparse.Namespace, out: Output) -> int:
    return _outcome(args, out, False)


def run_pdf(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.documents.quote_pdf import write_quote_pdf
    from erpdesk.services.branding import BrandingService

    path: Path = args.out.expanduser()
    if path.suffix.lower() != ".pdf":
        raise CliError(NOT_PDF, path=path)
    if not path.parent.is_dir():
        raise CliError(NO_FOLDER, path=path.parent)
    desk = _open(args)
    try:
        quote = _find(desk, args)
        branding = BrandingService(desk.unit_of_work).get()
        document = desk.quotes.document(quote.id, branding)
        if args.pdf_language:
            from dataclasses import replace

            document = replace(
                document, quote=replace(document.quote, language=args.pdf_language)
            )
        write_quote_pdf(path, document)
    finally:
        desk.close()
    out.print(out.translate(CLI, PDF_WRITTEN).format(
        number=quote.number, version=quote.version, path=path
    ))  # fmt: skip
    return 0


def run_settings(args: argparse.Namespace, out: Output) -> int:
    from dataclasses import replace

    from erpdesk.domain.quote import parse_percent

    limit = None
    if args.discount_limit is not None:
        limit = parse_percent(args.discount_limit, fraction=False)
        if limit is None:
            raise CliError(BAD_PERCENT, value=args.discount_limit)
    desk = _open(args)
    try:
        settings = desk.quotes.settings()
        changes: dict[str, Any] = {}
        if args.rep_code is not None:
            changes["rep_code"] = args.rep_code
        if limit is not None:
            changes["discount_limit"] = limit
        if args.validity_days is not None:
            changes["validity_days"] = args.validity_days
        if changes:
            settings = desk.quotes.save_settings(replace(settings, **changes))
    finally:
        desk.close()
    if args.json:
        data = {
            "rep_code": settings.rep_code,
            "discount_limit": _number(settings.discount_limit),
            "validity_days": settings.validity_days,
            "milestones": [
                {"name": m.name, "percent": _number(m.percent), "due": m.due}
                for m in settings.milestones
            ],
        }
        out.print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    if changes:
        out.print(out.translate(CLI, SETTINGS_SAVED))
    out.print(out.translate(CLI, SETTINGS_SHOWN).format(
        rep_code=settings.rep_code, limit=_number(settings.discount_limit),
        days=settings.validity_days,
    ))  # fmt: skip
    return 0


# -- catalogue actions ---------------------------------------------------------------


def _catalogue_refused(exc: Exception, out: Output) -> int:
    """Every problem of a catalogue that cannot be used, one per line."""
    problems = getattr(exc, "problems", None) or [exc]
    for problem in problems:
        out.error(problem.render(out.translate))
    return EXIT_REFUSED


def run_catalogue_show(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.domain.catalogue import CatalogueError, catalogue_to_data

    desk = _open(args)
    try:
        try:
            catalogue = desk.quotes.catalogue()
        except CatalogueError as exc:
            return _catalogue_refused(exc, out)
        today = desk.quotes.today()
    finally:
        desk.close()
    if args.json:
        out.print(json.dumps(catalogue_to_data(catalogue), ensure_ascii=False, indent=2))
        return 0
    for text in _catalogue_table(catalogue, out, today):
        out.print(text)
    return 0


def _catalogue_table(catalogue: Catalogue, out: Output, today: Any) -> list[str]:
    tr = out.translate
    language = tr.language
    price_list = catalogue.price_list_on(today)
    shown = price_list.name.get(language) if price_list else tr(CLI, NO_PRICE_LIST)
    lines = [
        tr(CLI, CATALOGUE_TITLE).format(
            version=catalogue.version, items=len(catalogue.items), price_list=shown
        ),
        "",
    ]
    header = [tr(CLI, t) for t in (CODE, KIND, NAME, UNIT, PRICE, VAT_RATE)]
    rows = []
    for item in catalogue.items:
        price = price_list.prices.get(item.code) if price_list else None
        if price is not None:
            price_text = _shown(price)
        elif item.maintenance_percent is not None:
            price_text = f"{_number(item.maintenance_percent)}%"
        else:
            price_text = "-"
        rows.append([
            item.code, tr("Domain", item.kind.label), item.name.get(language),
            item.unit.get(language), price_text, f"{_number(catalogue.vat_rate_of(item))}%",
        ])  # fmt: skip
    return lines + _table(header, rows, right={4, 5})


def run_catalogue_import(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.domain.catalogue import CatalogueError

    path: Path = args.file.expanduser()
    if path.suffix.lower() != ".xlsx":
        raise CliError(NOT_XLSX, path=path)
    desk = _open(args)
    try:
        try:
            catalogue = desk.quotes.import_catalogue(path)
        except CatalogueError as exc:
            return _catalogue_refused(exc, out)
    finally:
        desk.close()
    out.print(out.translate(CLI, CATALOGUE_IMPORTED).format(
        version=catalogue.version, items=len(catalogue.items), path=path
    ))  # fmt: skip
    return 0


def run_catalogue_export(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.domain.catalogue import CatalogueError
    from erpdesk.services.catalogue_io import export_catalogue_xlsx

    path: Path = args.file.expanduser()
    if path.suffix.lower() != ".xlsx":
        raise CliError(NOT_XLSX, path=path)
    if path.exists() and not args.force:
        raise CliError(FILE_EXISTS, path=path)
    if not path.parent.is_dir():
        raise CliError(NO_FOLDER, path=path.parent)
    desk = _open(args)
    try:
        try:
            catalogue = desk.quotes.catalogue()
        except CatalogueError as exc:
            return _catalogue_refused(exc, out)
    finally:
        desk.close()
    export_catalogue_xlsx(catalogue, path, language=out.translate.language)
    out.print(out.translate(CLI, CATALOGUE_EXPORTED).format(version=catalogue.version, path=path))
    return 0
