"""``erpdesk``: open the window, or run a sub-command without a screen.

Sub-command modules register their parsers through ``add_parser(subparsers)``
and set ``handler`` to a function ``(args, out) -> int``.  Errors the user can
fix are raised as ``CliError`` or a ``DomainError`` and end as one line on
stderr with a non-zero exit code; nothing is half-written (each command's
service makes sure of that).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from erpdesk.cli.output import CliError, Output
from erpdesk.domain.errors import DomainError

EXIT_USAGE = 2
EXIT_FAILED = 1


def build_parser() -> argparse.ArgumentParser:
    from erpdesk.cli import db_commands, demo_command, transfer_commands

    parser = argparse.ArgumentParser(
        prog="erpdesk",
        description="ERPDesk: the desktop workbench for ERP sales. "
        "Without a command it opens the main window.",
    )
    add_common(parser)
    parser.add_argument(
        "--screenshot", type=Path, metavar="FILE",
        help="open the window, wait until its data is shown, save a PNG to FILE and exit",
    )
    parser.add_argument(
        "--view", choices=["customers", "editor"], default="customers",
        help="the view to show (with --screenshot: 'editor' opens the first customer)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo_command.add_parser(commands)
    transfer_commands.add_parsers(commands)
    db_commands.add_parser(commands)
    return parser


def add_common(parser: argparse.ArgumentParser) -> None:
    """Options every command takes (``--db``, ``--lang``)."""
    parser.add_argument(
        "--db", type=Path, metavar="PATH",
        help="the desk database file (default: erpdesk.db in the user data directory)",
    )
    parser.add_argument(
        "--lang", choices=["zh_CN", "en"],
        help="language of messages and of the window (default: the system's)",
    )


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else list(argv))
    if args.command is None:
        from erpdesk.ui.launch import gui_main

        return gui_main(args)
    out = Output(stdout or sys.stdout, sys.stderr, language=args.lang)
    try:
        return int(args.handler(args, out))
    except CliError as exc:
        out.error(exc.render(out.translate))
        return exc.exit_code
    except DomainError as exc:
        out.error(exc.render(out.translate))
        return EXIT_FAILED
    except KeyboardInterrupt:
        out.error(out.translate("Cli", "Interrupted; nothing was saved"))
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
