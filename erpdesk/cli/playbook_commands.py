"""``erpdesk playbook check [FILE] | show [FILE] [--json]``: check a playbook
file before shipping it, and show the one in use.

``check`` prints ``OK: <id> <version>, 7 stages, 18 worksheets`` or the one
line ``FILE:LINE: problem`` (the form editors jump to) and exits 1.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from erpdesk.cli.demo_command import common_options
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.playbook import Playbook, PlaybookError

if TYPE_CHECKING:
    from erpdesk.cli.output import Output

# The texts' context, as a name: lupdate reads a literal first argument of
# translate() as a source text.
CLI = "Cli"

CHECK_OK = QT_TRANSLATE_NOOP(
    "Cli", "OK: {name} {version}, {stages} stages, {worksheets} worksheets"
)
SHOW_TITLE = QT_TRANSLATE_NOOP("Cli", "Playbook: {name} ({key}), file {path}")
SHOW_STAGE = QT_TRANSLATE_NOOP("Cli", "Stage {number}: {name} ({code}), probability {probability}%")
SHOW_WORKSHEETS = QT_TRANSLATE_NOOP("Cli", "Worksheets: {worksheets}")
SHOW_REQUIRED = QT_TRANSLATE_NOOP("Cli", "Required at the gate: {worksheets}")
SHOW_EXIT = QT_TRANSLATE_NOOP("Cli", "Exit criterion: {text}")
SHOW_OPTIONAL = QT_TRANSLATE_NOOP("Cli", "(optional)")
SHOW_TEMPLATES = QT_TRANSLATE_NOOP("Cli", "The {count} worksheet templates:")
NONE = QT_TRANSLATE_NOOP("Cli", "none")


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "playbook",
        help=QT_TRANSLATE_NOOP("Cli", "check a playbook file or show the one in use"),
        description=QT_TRANSLATE_NOOP(
            "Cli", "The playbook (stages, checklists, worksheets) is the file "
            "resources/playbook/default.toml, or the one $ERPDESK_PLAYBOOK names."
        ),
    )
    common_options(parser)
    commands = parser.add_subparsers(dest="playbook_command", metavar="ACTION", required=True)

    check = commands.add_parser(
        "check",
        help=QT_TRANSLATE_NOOP(
            "Cli", "check a playbook file against the schema (exit 1 with FILE:LINE: problem)"
        ),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Check FILE (default: the playbook in use) against the schema. A good playbook "
            "prints OK with its id, version and counts; a bad one prints one line FILE:LINE: "
            "problem and exits 1."
        ),
    )
    check.add_argument("file", type=Path, metavar="FILE", nargs="?", help=QT_TRANSLATE_NOOP(
        "Cli", "the playbook file"
    ))
    common_options(check)
    check.set_defaults(handler=run_check)

    show = commands.add_parser(
        "show",
        help=QT_TRANSLATE_NOOP(
            "Cli", "show the stages, checklists and worksheets of the playbook in use (or FILE)"
        ),
    )
    show.add_argument("file", type=Path, metavar="FILE", nargs="?", help=QT_TRANSLATE_NOOP(
        "Cli", "the playbook file"
    ))
    show.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP(
        "Cli", "print the whole playbook as JSON"
    ))
    common_options(show)
    show.set_defaults(handler=run_show)


def _read(args: argparse.Namespace, out: Output) -> tuple[Playbook | None, Path]:
    from erpdesk.playbooks import playbook_path, read_playbook

    path: Path = args.file or playbook_path()
    try:
        return read_playbook(path), path
    except PlaybookError as exc:
        print(exc.render(out.translate), file=out.err)
        return None, path


def run_check(args: argparse.Namespace, out: Output) -> int:
    playbook, _ = _read(args, out)
    if playbook is None:
        return 1
    out.print(
        out.translate(CLI, CHECK_OK).format(
            name=playbook.id,
            version=playbook.version,
            stages=len(playbook.stages),
            worksheets=len(playbook.worksheets),
        )
    )
    return 0


def playbook_json(playbook: Playbook) -> dict[str, Any]:
    """The whole playbook as plain JSON types (names as ``{"zh", "en"}``)."""
    data = dataclasses.asdict(playbook)
    data["key"] = playbook.key
    return data


def run_show(args: argparse.Namespace, out: Output) -> int:
    playbook, path = _read(args, out)
    if playbook is None:
        return 1
    if args.json:
        out.print(json.dumps(playbook_json(playbook), ensure_ascii=False, indent=2))
        return 0
    language = out.translate.language
    tr = out.translate
    out.print(
        tr(CLI, SHOW_TITLE).format(name=playbook.names.text(language), key=playbook.key, path=path)
    )
    for stage in playbook.stages:
        out.print()
        out.print(
            tr(CLI, SHOW_STAGE).format(
                number=stage.number,
                name=stage.names.text(language),
                code=stage.code,
                probability=stage.probability,
            )
        )
        for item in stage.checklist:
            optional = "" if item.required else " " + tr(CLI, SHOW_OPTIONAL)
            out.print(f"  [ ] {item.names.text(language)}{optional}  ({item.code})")
        names = [playbook.worksheets[code].names.text(language) for code in stage.worksheets]
        required = [
            playbook.worksheets[code].names.text(language) for code in stage.required_worksheets
        ]
        none = tr(CLI, NONE)
        out.print("  " + tr(CLI, SHOW_WORKSHEETS).format(worksheets=", ".join(names) or none))
        out.print("  " + tr(CLI, SHOW_REQUIRED).format(worksheets=", ".join(required) or none))
        for criterion in stage.exit_criteria:
            out.print("  " + tr(CLI, SHOW_EXIT).format(text=criterion.text(language)))
    out.print()
    out.print(tr(CLI, SHOW_TEMPLATES).format(count=len(playbook.worksheets)))
    for code, template in playbook.worksheets.items():
        out.print(
            f"  {template.names.text(language)}  ({code}; {template.layout.value}, "
            f"{template.attached_to.value})"
        )
    return 0
