"""``erpdesk demo``: fill the database with made-up customers to try the desk.

A new database (``--db`` names no file yet) or one replaced (``--replace``)
appears complete or not at all: it is built beside and renamed into place
(``services.demo_database``).  Customers added to an existing database are
added in one transaction: all of them, or none if the command is stopped.

Cheap to import (the window's start-up builds this parser): the services are
imported by the handler.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from erpdesk.cli.help_i18n import composed
from erpdesk.cli.output import CliError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP

# The texts' context, as a name: lupdate reads a literal first argument of
# translate() as a source text.
CLI = "Cli"

if TYPE_CHECKING:
    from erpdesk.cli.output import Output

MAX_CUSTOMERS = 1_000_000
MAX_CONTACTS = 20
MAX_ACTIVITIES = 100
MAX_DEALS = 2_000_000

TOO_FEW_OR_MANY = QT_TRANSLATE_NOOP(
    "Cli", "The number of customers must be between 1 and {max}, not {value}"
)
BAD_PER_CUSTOMER = QT_TRANSLATE_NOOP(
    "Cli", "{option} must be between 0 and {max}, not {value}"
)
PROGRESS = QT_TRANSLATE_NOOP("Cli", "Generating demo data")
DONE = QT_TRANSLATE_NOOP(
    "Cli",
    "Added {customers} demo customers with {contacts} contacts and {activities} activities "
    "to {path} in {seconds} s (seed {seed})",
)
CREATED = QT_TRANSLATE_NOOP(
    "Cli",
    "Created the demo database {path}: {customers} customers with {contacts} contacts and "
    "{activities} activities in {seconds} s (seed {seed})",
)
REPLACED = QT_TRANSLATE_NOOP(
    "Cli",
    "Replaced {path} by a demo database of {customers} customers with {contacts} contacts "
    "and {activities} activities in {seconds} s (seed {seed})",
)
KEPT = QT_TRANSLATE_NOOP(
    "Cli", "The database {path} already holds {customers} customers; it was kept as it is"
)
DEALS_DONE = QT_TRANSLATE_NOOP(
    "Cli",
    "Demo deals: {deals} ({open} open, {won} closed won, {lost} closed lost) with "
    "{worksheets} worksheets",
)
QUOTES_DONE = QT_TRANSLATE_NOOP(
    "Cli", "Demo quotes: {quotes} versions of quotes for {deals} deals"
)
PRESALES_DONE = QT_TRANSLATE_NOOP(
    "Cli",
    "Demo presales: {requests} support requests, {engagements} engagements and {tasks} tasks "
    "(demos and surveys)",
)
ACTING_AS = QT_TRANSLATE_NOOP(
    "Cli", "The desk acts as {user} ({role}) until someone signs in to a registry."
)
ROLE_NAMES = {
    "consultant": QT_TRANSLATE_NOOP("Cli", "presales consultant"),
    "lead": QT_TRANSLATE_NOOP("Cli", "presales lead"),
}
NOT_SYNCED = QT_TRANSLATE_NOOP(
    "Cli", "Demo customers are never sent to the registry (no sync operations were queued)"
)


def common_options(parser: argparse.ArgumentParser) -> None:
    """``--db``/``--lang`` on a sub-command, without hiding the same options
    given before the command (``erpdesk --db X demo``)."""
    from erpdesk.cli.main import add_common

    add_common(parser)
    # A sub-parser's defaults would overwrite the values parsed before the
    # command; with SUPPRESS it sets only what is given after it.
    for action in parser._actions:
        if action.dest in ("db", "lang"):
            action.default = argparse.SUPPRESS


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "demo",
        help=QT_TRANSLATE_NOOP(
            "Cli", "add realistic made-up customers, contacts, activities and deals"
        ),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Add realistic made-up Chinese customers with contacts, a year of activities "
            "and deals across the funnel. Demo data is never synced to the registry."
        ),
    )
    parser.add_argument(
        "--customers", type=int, required=True, metavar="N",
        help=composed(
            QT_TRANSLATE_NOOP("Cli", "how many customers to add (1 to {max})"),
            max=f"{MAX_CUSTOMERS:,}",
        ),
    )
    parser.add_argument(
        "--seed", type=int, default=1, metavar="S",
        help=QT_TRANSLATE_NOOP(
            "Cli", "random seed; the same seed gives the same data (default: 1)"
        ),
    )
    parser.add_argument(
        "--contacts-per-customer", type=int, default=3, metavar="N",
        help=QT_TRANSLATE_NOOP("Cli", "contacts of each customer (default: 3)"),
    )
    parser.add_argument(
        "--activities-per-customer", type=int, default=5, metavar="N",
        help=QT_TRANSLATE_NOOP("Cli", "activities of each customer (default: 5)"),
    )
    parser.add_argument(
        "--deals", type=int, default=None, metavar="N",
        help=QT_TRANSLATE_NOOP(
            "Cli", "open deals to add across the seven stages, with histories, activities and "
            "worksheets (default: about a third of the customers get a deal, two open for one "
            "closed; 0 for none)"
        ),
    )
    parser.add_argument(
        "--closed-deals", type=int, default=None, metavar="M",
        help=QT_TRANSLATE_NOOP(
            "Cli", "closed deals (won or lost) to add besides the open ones (default: half of "
            "--deals); e.g. --deals 20000 --closed-deals 100000"
        ),
    )
    how = parser.add_mutually_exclusive_group()
    how.add_argument(
        "--replace", action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli", "replace the database by a new one holding only the demo customers (refused "
            "when it holds changes not yet synced); without it, the demo customers are added to "
            "an existing database"
        ),
    )
    how.add_argument(
        "--exactly", action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli", "make the database hold exactly N customers: keep it when it does, else "
            "replace it as --replace does (what scripts/demo.sh uses)"
        ),
    )
    parser.add_argument(
        "--as", dest="acting", choices=("rep", "consultant", "lead"), default="rep",
        help=QT_TRANSLATE_NOOP(
            "Cli", "whom the desk acts as until someone signs in: the rep (default), a demo "
            "presales consultant (the desk opens on the presales workbench) or the demo presales "
            "lead"
        ),
    )
    common_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, out: Output) -> int:
    if not 1 <= args.customers <= MAX_CUSTOMERS:
        raise CliError(TOO_FEW_OR_MANY, max=f"{MAX_CUSTOMERS:,}", value=args.customers)
    for option, value, limit in (
        ("--contacts-per-customer", args.contacts_per_customer, MAX_CONTACTS),
        ("--activities-per-customer", args.activities_per_customer, MAX_ACTIVITIES),
    ):
        if not 0 <= value <= limit:
            raise CliError(BAD_PER_CUSTOMER, option=option, max=limit, value=value)
    for option, value in (("--deals", args.deals), ("--closed-deals", args.closed_deals)):
        if value is not None and not 0 <= value <= MAX_DEALS:
            raise CliError(BAD_PER_CUSTOMER, option=option, max=f"{MAX_DEALS:,}", value=value)

    from erpdesk.app import default_db_path, open_desk

    target = Path(args.db or default_db_path()).expanduser()
    if args.exactly:
        from erpdesk.services.demo_database import customer_count

        have = customer_count(target, open_desk)
        if have == args.customers:
            out.print(out.translate(CLI, KEPT).format(path=target.resolve(), customers=have))
            _act_as(target, args.acting, out)
            return 0
        args.replace = have is not None
    bar = out.progress(out.translate(CLI, PROGRESS), args.customers)

    def progress(done: int) -> None:
        bar.advance(done - bar.done)

    if args.replace or not (target.exists() and target.stat().st_size > 0):
        from erpdesk.services.demo_database import build_demo_database

        replacing = target.exists() and target.stat().st_size > 0
        result = build_demo_database(
            target, open_desk, replace=args.replace, customers=args.customers,
            seed=args.seed, progress=progress,
            contacts_per_customer=args.contacts_per_customer,
            activities_per_customer=args.activities_per_customer,
            deals=args.deals, closed_deals=args.closed_deals,
        )
        done = REPLACED if replacing else CREATED
    else:
        from erpdesk.services.demo import generate_demo

        desk = open_desk(target)
        try:
            result = generate_demo(
                desk.unit_of_work, customers=args.customers, seed=args.seed,
                progress=progress, contacts_per_customer=args.contacts_per_customer,
                activities_per_customer=args.activities_per_customer, atomic=True,
                deals=args.deals, closed_deals=args.closed_deals,
            )
        finally:
            desk.close()
        done = DONE
    bar.finish()
    out.print(out.translate(CLI, done).format(
        customers=result.customers, contacts=result.contacts, activities=result.activities,
        path=target.resolve(), seconds=f"{result.seconds:.1f}", seed=args.seed,
    ))
    if result.deals:
        out.print(out.translate(CLI, DEALS_DONE).format(
            deals=result.deals, open=result.deals - result.won - result.lost, won=result.won,
            lost=result.lost, worksheets=result.worksheets,
        ))
    if result.quotes:
        out.print(out.translate(CLI, QUOTES_DONE).format(
            quotes=result.quotes, deals=result.quoted_deals
        ))
    if result.support_requests:
        out.print(out.translate(CLI, PRESALES_DONE).format(
            requests=result.support_requests, engagements=result.engagements,
            tasks=result.presales_tasks,
        ))
    _act_as(target, args.acting, out)
    out.print(out.translate(CLI, NOT_SYNCED))
    return 0


def _act_as(target: Path, acting: str, out: Output) -> None:
    """Make a demo desk act as a demo presales consultant or lead (the
    presales service's user: the ``sync.user`` / ``sync.role`` /
    ``sync.presales_lead`` meta a sign-in would set; without a server the
    desk stays signed out, and a real sign-in replaces them)."""
    from erpdesk.app import open_desk
    from erpdesk.services.demo_presales import CONSULTANTS, LEAD

    if acting == "rep":
        return
    user = LEAD if acting == "lead" else CONSULTANTS[0]
    desk = open_desk(target)
    try:
        with desk.unit_of_work() as uow:
            if uow.meta_get("sync.server"):
                return  # a desk signed in to a registry keeps its user
            uow.meta_set("sync.user", user)
            uow.meta_set("sync.role", "presales")
            uow.meta_set("sync.presales_lead", "1" if acting == "lead" else "0")
            uow.commit()
    finally:
        desk.close()
    role = out.translate(CLI, ROLE_NAMES[acting])
    out.print(out.translate(CLI, ACTING_AS).format(user=user, role=role))
