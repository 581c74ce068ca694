"""``erpdesk presales ...``: the presales work from the command line
(docs/presales.md).

``presales list`` lists the support requests on the desk with their
engagement's step and technical win (``--mine``: the signed-in user's: a
rep's requests, a consultant's assignments, a lead's queue too);
``presales ics`` writes the user's demos and surveys, and the customer visits
logged on the desk, as an iCalendar file.
Who "the user" is comes from the desk's sign-in (``PresalesService.actor``).
Every refusal is one line on stderr; a misused option exits 2.
"""

from __future__ import annotations

import argparse
import json
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from erpdesk.cli.demo_command import common_options
from erpdesk.cli.output import CliError
from erpdesk.cli.quote_commands import BAD_DATE, _table
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from erpdesk.app import Desk
    from erpdesk.cli.output import Output
    from erpdesk.domain.presales import Engagement, SupportRequest
    from erpdesk.services.presales import Actor

CLI = "Cli"
MAX_DAYS = 366

BAD_STATE = QT_TRANSLATE_NOOP(
    "Cli", "{value} is not a support request state; use one of: {choices}"
)
BAD_DAYS = QT_TRANSLATE_NOOP("Cli", "--days must be 1 to {max}, not {value}")
NOT_ICS = QT_TRANSLATE_NOOP("Cli", "The output file must end in .ics: {path}")
NO_FOLDER = QT_TRANSLATE_NOOP("Cli", "The folder {path} does not exist")
NO_REQUESTS = QT_TRANSLATE_NOOP("Cli", "No support requests")
ICS_WRITTEN = QT_TRANSLATE_NOOP(
    "Cli", "{count} demos, surveys and visits from {start} to {end} written to {path}"
)
CUSTOMER = QT_TRANSLATE_NOOP("Cli", "Customer")
DEAL = QT_TRANSLATE_NOOP("Cli", "Deal")
KIND = QT_TRANSLATE_NOOP("Cli", "Kind")
STATE = QT_TRANSLATE_NOOP("Cli", "State")
REP = QT_TRANSLATE_NOOP("Cli", "Rep")
CONSULTANT = QT_TRANSLATE_NOOP("Cli", "Consultant")
STEP = QT_TRANSLATE_NOOP("Cli", "Step")
TECHNICAL_WIN = QT_TRANSLATE_NOOP("Cli", "Technical win")
WANTED = QT_TRANSLATE_NOOP("Cli", "Wanted")

LIST_JSON = QT_TRANSLATE_NOOP(
    "Cli",
    'print a list of {"id", "customer_id", "customer", "deal_id", "deal", "kind", "state", '
    '"requested_by", "team", "consultant", "wanted_from", "wanted_until", "modules", '
    '"engagement": null or {"id", "step", "step_code", "technical_win", "closed"}}; '
    "codes and ISO dates, deal and dates null when absent"
)


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "presales", help=QT_TRANSLATE_NOOP(
            "Cli", "list support requests, export demos and surveys to a calendar"
        ),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Presales (售前): support requests, their engagements, demos and surveys."
        ),
    )  # fmt: skip
    common_options(parser)
    actions = parser.add_subparsers(dest="presales_command", metavar="ACTION", required=True)

    listing = actions.add_parser(
        "list", help=QT_TRANSLATE_NOOP(
            "Cli", "list support requests with their engagement's step and technical win"
        ),
        description=QT_TRANSLATE_NOOP(
            "Cli", "List the support requests on this desk, newest first, with their engagement's "
            "step (1-8) and technical win."
        ),
    )  # fmt: skip
    listing.add_argument(
        "--mine", action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli", "only the signed-in user's: a rep's requests, a consultant's assignments, and "
            "for a presales lead also the requests waiting for a decision or an assignment"
        ),
    )  # fmt: skip
    listing.add_argument(
        "--state", metavar="S",
        help=QT_TRANSLATE_NOOP(
            "Cli", "only requests in this state (draft, submitted, accepted, declined, assigned, "
            "in_progress, done, cancelled)"
        ),
    )  # fmt: skip
    listing.add_argument("--json", action="store_true", help=LIST_JSON)
    common_options(listing)
    listing.set_defaults(handler=run_list)

    ics = actions.add_parser(
        "ics", help=QT_TRANSLATE_NOOP(
            "Cli", "write your demos, surveys and visits to an .ics calendar file"
        ),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Write the signed-in user's planned and done demos and surveys that start in "
            "the period, and the customer visits logged on this desk in it, to FILE (iCalendar, "
            "for Outlook, Google or Apple Calendar): the customer and deal in the title, the "
            "place (or online) as location, the attendees in the description. Exporting again "
            "updates the entries already imported."
        ),
    )  # fmt: skip
    ics.add_argument("-o", "--output", required=True, type=Path, metavar="FILE",
                     help=QT_TRANSLATE_NOOP(
                         "Cli", "the .ics file to write (replaced if it exists)"
                     ))  # fmt: skip
    ics.add_argument("--from", dest="start", metavar="DATE",
                     help=QT_TRANSLATE_NOOP(
                         "Cli", "the first day, 2026-12-31 (default: today)"
                     ))  # fmt: skip
    ics.add_argument("--days", type=int, default=30, metavar="N",
                     help=QT_TRANSLATE_NOOP(
                         "Cli", "how many days from the first (default: 30)"
                     ))  # fmt: skip
    common_options(ics)
    ics.set_defaults(handler=run_ics)


def _open(args: argparse.Namespace) -> Desk:
    from erpdesk.app import open_desk

    return open_desk(args.db)


def is_mine(request: SupportRequest, me: Actor) -> bool:
    """The request is the user's: asked by them, assigned to them, or (a
    presales lead) waiting for their decision or assignment."""
    from erpdesk.domain.presales import RequestState

    waiting = (RequestState.SUBMITTED, RequestState.ACCEPTED)
    return (
        me.name in (request.requested_by, request.consultant)
        or (me.lead and request.state in waiting)
    )


def _state(text: str | None) -> Any:
    from erpdesk.domain.presales import RequestState

    if text is None:
        return None
    parsed = RequestState.parse(text.strip())
    if parsed is None:
        raise CliError(BAD_STATE, value=text, choices=", ".join(s.value for s in RequestState))
    return parsed


def run_list(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.domain.presales import RequestState

    state = _state(args.state)
    desk = _open(args)
    try:
        service = desk.presales
        me = service.actor()
        found = [
            r for r in service.requests(list(RequestState) if state is None else [state])
            if not args.mine or is_mine(r, me)
        ]  # fmt: skip
        found.sort(key=lambda r: r.created_at, reverse=True)
        names = service.request_names(found)
        rows = [(r, service.engagement_of(r.id), *names[r.id]) for r in found]
        playbook = service.playbook
    finally:
        desk.close()
    if args.json:
        listed = [_request_json(r, e, c, d, playbook) for r, e, c, d in rows]
        out.print(json.dumps(listed, ensure_ascii=False, indent=2))
        return 0
    tr = out.translate
    if not rows:
        out.print(tr(CLI, NO_REQUESTS))
        return 0
    language = tr.language
    header = [tr(CLI, t) for t in (CUSTOMER, DEAL, KIND, STATE, REP, CONSULTANT, WANTED, STEP,
                                   TECHNICAL_WIN)]  # fmt: skip
    table = [
        [c, d or "-", tr("Domain", r.kind.label), tr("Domain", r.state.label), r.requested_by,
         r.consultant or "-", _wanted(r),
         f"{e.step} {playbook.presales_step(e.step).names.text(language)}" if e else "-",
         tr("Domain", e.technical_win.label) if e else "-"]
        for r, e, c, d in rows
    ]  # fmt: skip
    for text in _table(header, table, right=set()):
        out.print(text)
    return 0


def _wanted(request: SupportRequest) -> str:
    start, end = request.wanted_from, request.wanted_until
    if start is None and end is None:
        return "-"
    return f"{start.isoformat() if start else '…'}..{end.isoformat() if end else '…'}"


def _request_json(
    request: SupportRequest, engagement: Engagement | None, customer: str, deal: str,
    playbook: Any,
) -> dict[str, Any]:  # fmt: skip
    return {
        "id": request.id,
        "customer_id": request.customer_id,
        "customer": customer,
        "deal_id": request.deal_id or None,
        "deal": deal or None,
        "kind": request.kind.value,
        "state": request.state.value,
        "requested_by": request.requested_by,
        "team": request.team,
        "consultant": request.consultant,
        "wanted_from": request.wanted_from.isoformat() if request.wanted_from else None,
        "wanted_until": request.wanted_until.isoformat() if request.wanted_until else None,
        "modules": list(request.modules),
        "engagement": None if engagement is None else {
            "id": engagement.id,
            "step": engagement.step,
            "step_code": playbook.presales_step(engagement.step).code,
            "technical_win": engagement.technical_win.value,
            "closed": engagement.closed_at is not None,
        },
    }  # fmt: skip


def _first_day(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(BAD_DATE, value=text) from None


def run_ics(args: argparse.Namespace, out: Output) -> int:
    first = _first_day(args.start)
    if not 1 <= args.days <= MAX_DAYS:
        raise CliError(BAD_DAYS, max=MAX_DAYS, value=args.days)
    path = Path(args.output).expanduser()
    if path.suffix.lower() != ".ics":
        raise CliError(NOT_ICS, path=str(path))
    if not path.resolve().parent.is_dir():
        raise CliError(NO_FOLDER, path=str(path.resolve().parent))
    tr = out.translate
    desk = _open(args)
    try:
        count = desk.presales.write_calendar(
            path, first=first, days=args.days, translate=tr, language=tr.language
        )
    finally:
        desk.close()
    last = first + timedelta(days=args.days - 1)
    out.print(tr(CLI, ICS_WRITTEN).format(
        count=count, start=first.isoformat(), end=last.isoformat(), path=str(path)))
    return 0

