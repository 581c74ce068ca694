"""``erpdesk report funnel [--owner O] [--json]``: the sales funnel of the
desk's deals, per stage and for open, won and lost deals.

The JSON is ``erpdesk.domain.forecast.funnel_json`` (amounts as decimal
strings with two places, stage names in the language of ``--lang``); the
text form is a table in the user's language.  Every sum is exact: a deal's
weighted amount is rounded half-up to the fen once, and every total is the
sum of its deals (``DealService.funnel``).

The ``report`` command may hold other reports (``report deal-review``);
this module adds its action to an existing ``report`` parser or makes one.
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING, cast

from erpdesk.cli.demo_command import common_options
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from erpdesk.cli.output import Output
    from erpdesk.domain.forecast import FunnelReport
    from erpdesk.domain.playbook import Playbook

CLI = "Cli"
TITLE = QT_TRANSLATE_NOOP("Cli", "Sales funnel (amounts in {currency})")
TITLE_OWNER = QT_TRANSLATE_NOOP("Cli", "Sales funnel of {owner} (amounts in {currency})")
STAGE = QT_TRANSLATE_NOOP("Cli", "Stage")
COUNT = QT_TRANSLATE_NOOP("Cli", "Deals")
AMOUNT = QT_TRANSLATE_NOOP("Cli", "Amount")
PROBABILITY = QT_TRANSLATE_NOOP("Cli", "Probability")
WEIGHTED = QT_TRANSLATE_NOOP("Cli", "Weighted")
OPEN = QT_TRANSLATE_NOOP("Cli", "Open deals")
WON = QT_TRANSLATE_NOOP("Cli", "Closed won")
LOST = QT_TRANSLATE_NOOP("Cli", "Closed lost")
NO_DEALS = QT_TRANSLATE_NOOP("Cli", "No deals yet: create one from a customer, or run erpdesk demo")


def report_actions(
    subparsers: argparse._SubParsersAction,  # type: ignore[type-arg]
) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """The actions of ``erpdesk report`` (made by the first module that asks):
    each report (funnel, deal-review ...) adds itself to them."""
    report = subparsers.choices.get("report")
    if report is None:
        report = subparsers.add_parser("report", help=QT_TRANSLATE_NOOP("Cli", "print reports"))
        common_options(report)
        actions = report.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    else:  # another module made ``report``: join its actions
        found = [a for a in report._actions if isinstance(a, argparse._SubParsersAction)]
        actions = found[0]
    return cast("argparse._SubParsersAction[argparse.ArgumentParser]", actions)


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    actions = report_actions(subparsers)
    funnel = actions.add_parser(
        "funnel",
        help=QT_TRANSLATE_NOOP(
            "Cli", "the sales funnel: deals, amounts and weighted amounts per stage"
        ),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Print the sales funnel of the deals in the desk's database: per stage the "
            "number of open deals, their amount, the stage's probability and the weighted amount "
            "(amount x probability, rounded half-up to the fen per deal); then all open, won and "
            "lost deals. Amounts in CNY."
        ),
    )
    funnel.add_argument("--owner", metavar="O", help=QT_TRANSLATE_NOOP(
        "Cli", "only the deals of this owner"
    ))
    funnel.add_argument(
        "--json", action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli", "print JSON: {\"currency\", \"stages\": [{\"stage\", \"code\", \"name\", "
            "\"count\", \"amount\", \"probability\", \"weighted\"}, ...], \"open\", \"won\", "
            "\"lost\"}, amounts as decimal strings"
        ),
    )  # fmt: skip
    common_options(funnel)
    funnel.set_defaults(handler=run_funnel)


def run_funnel(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.app import open_desk
    from erpdesk.domain.forecast import funnel_json

    owner = (args.owner or "").strip() or None
    desk = open_desk(args.db)
    try:
        playbook = desk.deals.playbook
        report = desk.deals.funnel(owner)
    finally:
        desk.close()
    language = out.translate.language
    if args.json:
        data = funnel_json(report, playbook, language)
        out.print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    for line in funnel_table(report, playbook, out, owner):
        out.print(line)
    return 0


def _width(text: str) -> int:
    """Columns *text* takes in a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(text: str, width: int, *, right: bool = False) -> str:
    padding = " " * max(width - _width(text), 0)
    return padding + text if right else text + padding


def _money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def funnel_table(
    report: FunnelReport, playbook: Playbook, out: Output, owner: str | None = None
) -> list[str]:
    """The report as lines of a table in the user's language."""
    from erpdesk.domain.forecast import CURRENCY

    tr = out.translate
    language = tr.language
    header = [tr(CLI, t) for t in (STAGE, COUNT, AMOUNT, PROBABILITY, WEIGHTED)]
    rows: list[list[str]] = [
        [
            f"{s.stage} {playbook.stage(s.stage).names.text(language)}",
            str(s.count),
            _money(s.amount),
            f"{s.probability}%",
            _money(s.weighted),
        ]
        for s in report.stages
    ]
    totals = [
        [tr(CLI, OPEN), str(report.open.count), _money(report.open.amount), "",
         _money(report.open.weighted)],
        [tr(CLI, WON), str(report.won.count), _money(report.won.amount), "", ""],
        [tr(CLI, LOST), str(report.lost.count), _money(report.lost.amount), "", ""],
    ]  # fmt: skip
    widths = [max(_width(r[i]) for r in (header, *rows, *totals)) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        first = _cell(cells[0], widths[0])
        rest = [_cell(c, w, right=True) for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest]).rstrip()

    rule = "-" * (sum(widths) + 2 * (len(widths) - 1))
    title = (
        tr(CLI, TITLE_OWNER).format(owner=owner, currency=CURRENCY)
        if owner
        else tr(CLI, TITLE).format(currency=CURRENCY)
    )
    lines = [title, "", line(header), rule, *(line(r) for r in rows), rule]
    lines += [line(r) for r in totals]
    if report.open.count + report.won.count + report.lost.count == 0:
        lines += ["", tr(CLI, NO_DEALS)]
    return lines
