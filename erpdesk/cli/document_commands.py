"""``erpdesk report deal-review DEAL_ID --out FILE.pdf``: the internal
deal-review PDF of one deal (erpdesk.documents.deal_review).

The ``report`` command may hold other reports (``report funnel``); this
module adds its action to an existing ``report`` parser or makes one.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from erpdesk.cli.demo_command import common_options
from erpdesk.cli.report_commands import report_actions
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from erpdesk.cli.output import Output

CLI = "Cli"
WRITTEN = QT_TRANSLATE_NOOP("Cli", "Deal review of {deal} written to {path} ({pages} pages)")
NOT_PDF = QT_TRANSLATE_NOOP("Cli", "The output file must end in .pdf: {path}")
NO_FOLDER = QT_TRANSLATE_NOOP("Cli", "The folder {path} does not exist")


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    actions = report_actions(subparsers)
    review = actions.add_parser(
        "deal-review",
        help=QT_TRANSLATE_NOOP("Cli", "write the internal deal-review PDF of a deal"),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Write the internal deal-review PDF of DEAL_ID: the deal, its stage checklist, "
            "stage history and worksheets, in the language of --lang."
        ),
    )
    review.add_argument("deal_id", metavar="DEAL_ID", help=QT_TRANSLATE_NOOP(
        "Cli", "the deal's id"
    ))
    review.add_argument(
        "--out", type=Path, required=True, metavar="FILE.pdf",
        help=QT_TRANSLATE_NOOP("Cli", "the PDF"),
    )
    common_options(review)
    review.set_defaults(handler=run_deal_review)


def run_deal_review(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.app import open_desk
    from erpdesk.cli.output import CliError
    from erpdesk.documents.deal_review import DealReview, render_deal_review

    path: Path = args.out.expanduser()
    if path.suffix.lower() != ".pdf":
        raise CliError(NOT_PDF, path=path)
    if not path.parent.is_dir():
        raise CliError(NO_FOLDER, path=path.parent)
    desk = open_desk(args.db)
    try:
        page = desk.deals.page(args.deal_id)
        translate = out.translate
        review = DealReview(
            customer_name=page.customer_name,
            deal=page.deal,
            history=page.history,
            worksheets=page.worksheets,
            playbook=desk.deals.playbook,
            health=[translate("Domain", flag.label) for flag in sorted(page.flags)],
        )
        render_deal_review(path, review, translate.language, translate=translate)
    finally:
        desk.close()
    pages = path.read_bytes().count(b"/Type /Page\n")
    out.print(translate(CLI, WRITTEN).format(deal=page.deal.name, path=path, pages=pages))
    return 0
