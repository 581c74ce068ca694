"""``erpdesk proposal``: a deal's (or a customer's) solution proposal from
the command line.

- ``proposal pdf TARGET -o FILE.pdf [--lang zh_CN|en]`` writes the PDF (in
  the language asked for, else the proposal's own);
- ``proposal show TARGET [--json]`` prints the sections as generated (or as
  edited) and the benefit model's figures;
- ``proposal set TARGET --benefit KEY=VALUE ... --exclude SECTION ...``
  fills the benefit figures, leaves sections out (or back in), replaces a
  section's text by a file's, sets the title, language and the years of the
  return on investment, and saves the proposal (with its outbox op).

TARGET is a deal's id, or a customer's name or credit code (统一社会信用代码)
for a customer's own proposal, found as ``erpdesk import deals`` finds a
row's customer.  Benefit figures are named by code (``inventory_value``)
or by their Chinese or English name; values may be written "800万",
"1,200,000" or "20%".
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from erpdesk.cli.demo_command import common_options
from erpdesk.cli.help_i18n import composed
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from erpdesk.cli.output import Output
    from erpdesk.domain.benefit import BenefitResult
    from erpdesk.domain.proposal import Proposal, ProposalContent

CLI = "Cli"
WRITTEN = QT_TRANSLATE_NOOP("Cli", "Proposal for {customer} written to {path} ({pages} pages)")
SAVED = QT_TRANSLATE_NOOP("Cli", "The proposal for {customer} is saved")
NOT_PDF = QT_TRANSLATE_NOOP("Cli", "The output file must end in .pdf: {path}")
NO_FOLDER = QT_TRANSLATE_NOOP("Cli", "The folder {path} does not exist")
BAD_PAIR = QT_TRANSLATE_NOOP("Cli", 'Write each benefit figure as KEY=VALUE, not "{value}"')
BAD_TEXT_PAIR = QT_TRANSLATE_NOOP("Cli", 'Write --text as SECTION=FILE, not "{value}"')
UNREADABLE = QT_TRANSLATE_NOOP("Cli", "The file {path} cannot be read as UTF-8 text")
UNKNOWN_SECTION = QT_TRANSLATE_NOOP(
    "Cli", 'There is no proposal section "{section}"; the sections are: {known}'
)
NOTHING_TO_SET = QT_TRANSLATE_NOOP(
    "Cli",
    "Nothing to change: give --benefit, --exclude, --include, --text, --reset, "
    "--title, --language or --years",
)
HEAD_PROPOSAL = QT_TRANSLATE_NOOP("Cli", "Proposal: {title}")
HEAD_CUSTOMER = QT_TRANSLATE_NOOP("Cli", "Customer: {customer}")
HEAD_DEAL = QT_TRANSLATE_NOOP("Cli", "Deal: {deal}")
HEAD_LANGUAGE = QT_TRANSLATE_NOOP("Cli", "Language: {language}; dated {date}")
NOT_SAVED = QT_TRANSLATE_NOOP(
    "Cli", "Not saved yet: every section below is generated from the deal and its worksheets"
)
LEFT_OUT = QT_TRANSLATE_NOOP("Cli", "Left out: {sections}")
EDITED = QT_TRANSLATE_NOOP("Cli", "(edited)")
BENEFIT_LINE = QT_TRANSLATE_NOOP(
    "Cli",
    "Annual benefit {annual}; net {net}; investment {investment}; return on investment over "
    "{years} years {roi}; payback {payback}",
)
NO_FIGURES = QT_TRANSLATE_NOOP(
    "Cli",
    "No benefit figures yet: set them with erpdesk proposal set TARGET --benefit KEY=VALUE",
)
MONTHS = QT_TRANSLATE_NOOP("Cli", "{months} months")
NONE = QT_TRANSLATE_NOOP("Cli", "none")


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "proposal",
        help=QT_TRANSLATE_NOOP(
            "Cli", "a deal's solution proposal: its PDF, its text, its benefit figures"
        ),
        description=QT_TRANSLATE_NOOP(
            "Cli", "The solution proposal (解决方案建议书) of a deal, or of a customer. TARGET is "
            "a deal's id, or a customer's name or credit code."
        ),
    )
    common_options(parser)
    actions = parser.add_subparsers(dest="proposal_command", metavar="ACTION", required=True)

    pdf = actions.add_parser(
        "pdf",
        help=QT_TRANSLATE_NOOP("Cli", "write the proposal PDF"),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Write the proposal of TARGET as a PDF: cover, contents, the sections "
            "generated from the customer, the deal, its worksheets, the catalogue, the quote and "
            "the benefit model (or as edited). --lang chooses its language (default: the "
            "proposal's own, zh_CN for a new one)."
        ),
    )
    pdf.add_argument("target", metavar="TARGET", help=QT_TRANSLATE_NOOP(
        "Cli", "a deal's id, or a customer's name or USCC"
    ))
    pdf.add_argument(
        "-o", "--out", type=Path, required=True, metavar="FILE.pdf", help=QT_TRANSLATE_NOOP(
            "Cli", "the PDF to write"
        )
    )
    common_options(pdf)
    pdf.set_defaults(handler=run_pdf)

    show = actions.add_parser(
        "show",
        help=QT_TRANSLATE_NOOP("Cli", "print the proposal's sections and benefit figures"),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Print the proposal of TARGET section by section (generated, or as edited) "
            "with the benefit model's figures; --json prints them as JSON."
        ),
    )
    show.add_argument("target", metavar="TARGET", help=QT_TRANSLATE_NOOP(
        "Cli", "a deal's id, or a customer's name or USCC"
    ))
    show.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "print JSON"))
    common_options(show)
    show.set_defaults(handler=run_show)

    set_ = actions.add_parser(
        "set",
        help=QT_TRANSLATE_NOOP(
            "Cli", "set benefit figures and section choices, and save the proposal"
        ),
        description=composed(
            QT_TRANSLATE_NOOP(
                "Cli", "Change the proposal of TARGET and save it. Benefit figures: {figures}. "
                "Sections: {sections}."
            ),
            figures=", ".join(_figure_codes()),
            sections=", ".join(_section_codes()),
        ),
    )
    set_.add_argument("target", metavar="TARGET", help=QT_TRANSLATE_NOOP(
        "Cli", "a deal's id, or a customer's name or USCC"
    ))
    set_.add_argument(
        "--benefit", action="append", default=[], metavar="KEY=VALUE",
        help=QT_TRANSLATE_NOOP(
            "Cli", "a benefit figure, e.g. inventory_value=800万 or carrying_cost_rate=20%% (an "
            "empty VALUE clears it)"
        ),
    )  # fmt: skip
    set_.add_argument(
        "--exclude", action="append", default=[], metavar="SECTION", help=QT_TRANSLATE_NOOP(
            "Cli", "leave a section out"
        )
    )
    set_.add_argument(
        "--include", action="append", default=[], metavar="SECTION", help=QT_TRANSLATE_NOOP(
            "Cli", "put a section back"
        )
    )
    set_.add_argument(
        "--text", action="append", default=[], metavar="SECTION=FILE",
        help=QT_TRANSLATE_NOOP(
            "Cli", "replace a section's generated text by the UTF-8 text of FILE"
        ),
    )  # fmt: skip
    set_.add_argument(
        "--reset", action="append", default=[], metavar="SECTION",
        help=QT_TRANSLATE_NOOP("Cli", "go back to a section's generated text"),
    )  # fmt: skip
    set_.add_argument("--title", help=QT_TRANSLATE_NOOP(
        "Cli", "the proposal's title (empty: the default title)"
    ))
    set_.add_argument("--language", choices=["zh_CN", "en"], help=QT_TRANSLATE_NOOP(
        "Cli", "the proposal's language"
    ))
    set_.add_argument(
        "--years", type=int, metavar="N", help=QT_TRANSLATE_NOOP(
            "Cli", "years of the return on investment (1-10)"
        )
    )
    common_options(set_)
    set_.set_defaults(handler=run_set)


def _figure_codes() -> list[str]:
    from erpdesk.domain.benefit import FIGURES

    return [f.code for f in FIGURES]


def _section_codes() -> list[str]:
    from erpdesk.domain.proposal import SectionCode

    return [s.value for s in SectionCode]


def _language(args: argparse.Namespace) -> str | None:
    return getattr(args, "lang", None) or None


def run_pdf(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.app import open_desk
    from erpdesk.cli.output import CliError

    path: Path = args.out.expanduser()
    if path.suffix.lower() != ".pdf":
        raise CliError(NOT_PDF, path=path)
    if not path.parent.is_dir():
        raise CliError(NO_FOLDER, path=path.parent)
    desk = open_desk(args.db)
    try:
        proposal = desk.proposals.resolve(args.target)
        customer, _deal = desk.proposals.names(proposal)
        desk.proposals.write_pdf(proposal, path, language=_language(args))
    finally:
        desk.close()
    pages = path.read_bytes().count(b"/Type /Page\n")
    out.print(out.translate(CLI, WRITTEN).format(customer=customer, path=path, pages=pages))
    return 0


def run_show(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.app import open_desk

    desk = open_desk(args.db)
    try:
        proposal = desk.proposals.resolve(args.target)
        saved = _is_saved(desk, proposal)
        content = desk.proposals.content(proposal, language=_language(args))
        benefit = desk.proposals.benefit(proposal)
        _customer, deal = desk.proposals.names(proposal)
    finally:
        desk.close()
    if args.json:
        data = proposal_json(proposal, content, benefit, saved=saved, deal=deal)
        out.print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    for line in proposal_lines(proposal, content, benefit, out, saved=saved, deal=deal):
        out.print(line)
    return 0


def _is_saved(desk: Any, proposal: Proposal) -> bool:
    from erpdesk.domain.errors import NotFound

    try:
        desk.proposals.get(proposal.id)
    except NotFound:
        return False
    return True


def run_set(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.app import open_desk
    from erpdesk.cli.output import CliError
    from erpdesk.domain.benefit import parse_figures
    from erpdesk.domain.errors import ValidationError
    from erpdesk.domain.proposal import SectionEdit

    figures: dict[str, str] = {}
    for pair in args.benefit:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise CliError(BAD_PAIR, value=pair)
        figures[key.strip()] = value
    texts: dict[Any, str] = {}
    for pair in args.text:
        name, sep, file = pair.partition("=")
        if not sep or not file.strip():
            raise CliError(BAD_TEXT_PAIR, value=pair)
        texts[_section(name)] = _read_text(Path(file.strip()).expanduser())
    excluded = [_section(name) for name in args.exclude]
    included = [_section(name) for name in args.include]
    reset = [_section(name) for name in args.reset]
    if not (
        figures or texts or excluded or included or reset or args.title is not None
        or args.language or args.years is not None
    ):  # fmt: skip
        raise CliError(NOTHING_TO_SET)
    desk = open_desk(args.db)
    try:
        proposal = desk.proposals.resolve(args.target)
        benefit, problems = parse_figures(proposal.benefit, figures)
        if problems:
            raise ValidationError(problems)
        sections = dict(proposal.sections)
        for code in reset:
            sections[code] = SectionEdit(sections.get(code, SectionEdit()).include, None)
        for code, text in texts.items():
            sections[code] = SectionEdit(sections.get(code, SectionEdit()).include, text)
        for code in included:
            sections[code] = SectionEdit(True, sections.get(code, SectionEdit()).text)
        for code in excluded:
            sections[code] = SectionEdit(False, sections.get(code, SectionEdit()).text)
        changes: dict[str, Any] = {"benefit": benefit, "sections": sections}
        if args.title is not None:
            changes["title"] = args.title
        if args.language:
            changes["language"] = args.language
        if args.years is not None:
            changes["benefit_years"] = args.years
        saved = desk.proposals.save(replace(proposal, **changes))
        customer, _deal = desk.proposals.names(saved)
    finally:
        desk.close()
    out.print(out.translate(CLI, SAVED).format(customer=customer))
    return 0


def _section(name: str) -> Any:
    from erpdesk.cli.output import CliError
    from erpdesk.domain.proposal import find_section

    found = find_section(name)
    if found is None:
        raise CliError(UNKNOWN_SECTION, section=name, known=", ".join(_section_codes()))
    return found


def _read_text(path: Path) -> str:
    from erpdesk.cli.output import CliError

    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(UNREADABLE, path=path) from exc


# -- printing -----------------------------------------------------------------------


def _decimal(value: Any) -> str | None:
    return None if value is None else format(value, "f")


def proposal_json(
    proposal: Proposal,
    content: ProposalContent,
    benefit: BenefitResult,
    *,
    saved: bool,
    deal: str = "",
) -> dict[str, Any]:
    """The proposal as plain data: its fields, every section (included or
    not, its text) and the benefit model with exact decimal strings."""
    from erpdesk.domain.proposal import SectionCode

    shown = {s.code: s for s in content.sections}
    sections = []
    for code in SectionCode:
        section = shown.get(code)
        edit = proposal.edit(code)
        sections.append(
            {
                "code": code.value,
                "title": code.heading(content.language),
                "included": edit.include,
                "edited": edit.text is not None,
                "number": section.number if section is not None else None,
                "text": section.plain_text() if section is not None else (edit.text or ""),
            }
        )
    lines = [
        {
            "code": line.code,
            "name": line.text(content.language),
            "formula": line.formula.text(content.language),
            "amount": _decimal(line.amount),
        }
        for line in benefit.lines
    ]
    return {
        "id": proposal.id,
        "saved": saved,
        "customer_id": proposal.customer_id,
        "customer": content.customer,
        "deal_id": proposal.deal_id,
        "deal": deal,
        "title": content.title,
        "language": content.language,
        "dated": proposal.dated.isoformat(),
        "author": proposal.author,
        "sections": sections,
        "benefit": {
            "figures": proposal.benefit.as_dict(),
            "years": benefit.years,
            "lines": lines,
            "annual_benefit": _decimal(benefit.annual_benefit),
            "running_cost": _decimal(benefit.running_cost),
            "net_annual_benefit": _decimal(benefit.net_annual_benefit),
            "investment": _decimal(benefit.investment),
            "roi_percent": _decimal(benefit.roi_percent),
            "payback_months": _decimal(benefit.payback_months),
            "assumptions": benefit.assumption_lines(content.language),
        },
    }


def proposal_lines(
    proposal: Proposal,
    content: ProposalContent,
    benefit: BenefitResult,
    out: Output,
    *,
    saved: bool,
    deal: str = "",
) -> list[str]:
    """The proposal as text lines in the user's language (its content in
    the proposal's)."""
    from erpdesk.domain.benefit import number, yuan
    from erpdesk.domain.proposal import SectionCode

    tr = out.translate
    lines = [
        tr(CLI, HEAD_PROPOSAL).format(title=content.title),
        tr(CLI, HEAD_CUSTOMER).format(customer=content.customer),
    ]
    if deal:
        lines.append(tr(CLI, HEAD_DEAL).format(deal=deal))
    lines.append(
        tr(CLI, HEAD_LANGUAGE).format(language=content.language, date=proposal.dated.isoformat())
    )
    if not saved:
        lines.append(tr(CLI, NOT_SAVED))
    if benefit.counted:
        payback = (
            tr(CLI, MONTHS).format(months=number(benefit.payback_months))
            if benefit.payback_months is not None
            else tr(CLI, NONE)
        )
        roi = f"{number(benefit.roi_percent)}%" if benefit.roi_percent is not None else "—"
        figures = {
            "annual": yuan(benefit.annual_benefit),
            "net": yuan(benefit.net_annual_benefit),
            "investment": yuan(benefit.investment),
            "years": benefit.years,
            "roi": roi,
            "payback": payback,
        }
        lines.append(tr(CLI, BENEFIT_LINE).format(**figures))
    else:
        lines.append(tr(CLI, NO_FIGURES))
    left_out = [c.heading(content.language) for c in SectionCode if not proposal.included(c)]
    if left_out:
        sep = "、" if tr.language.lower().startswith("zh") else ", "
        lines.append(tr(CLI, LEFT_OUT).format(sections=sep.join(left_out)))
    for section in content.sections:
        mark = f" {tr(CLI, EDITED)}" if section.edited else ""
        lines += ["", f"{section.number}. {section.title}{mark}", section.plain_text()]
    return lines
