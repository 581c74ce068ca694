"""``erpdesk``: open the window, or run a sub-command without a screen.

Sub-command modules register their parsers through ``add_parser(subparsers)``
and set ``handler`` to a function ``(args, out) -> int``.  Errors the user can
fix are raised as ``CliError`` or a ``DomainError`` and end as one line on
stderr with a non-zero exit code; nothing is half-written (each command's
service makes sure of that).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from erpdesk.cli.help_i18n import LocalizedParser, language_in
from erpdesk.cli.output import CliError, Output
from erpdesk.domain.errors import DomainError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP

EXIT_USAGE = 2
EXIT_FAILED = 1


# Options of the window that take a value; see ``_window_only``.
_WINDOW_VALUE_OPTIONS = ("--db", "--lang", "--screenshot", "--view")


def build_parser(commands: bool = True) -> LocalizedParser:
    """The full parser, or (``commands=False``) only the window's options:
    the sub-commands' parsers cost ~7 ms, on the way to the first window."""
    parser = LocalizedParser(
        prog="erpdesk",
        description=QT_TRANSLATE_NOOP(
            "Cli", "ERPDesk: the desktop workbench for ERP sales. "
            "Without a command it opens the main window."
        ),
    )
    add_common(parser)
    parser.add_argument(
        "--verbose", action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli", "after an error, also show the system's own words (in English) behind it"
        ),
    )
    parser.add_argument(
        "--screenshot", type=Path, metavar="FILE",
        help=QT_TRANSLATE_NOOP(
            "Cli", "open the window, wait until its data is shown, save a PNG to FILE and exit"
        ),
    )
    parser.add_argument(
        "--view", choices=["today", "customers", "editor", "funnel", "deal", "quote", "catalogue",
                 "admin", "leads", "proposal", "presales", "presales-week", "presales-requests",
                 "presales-workload", "presales-knowledge", "presales-engagement",
                 "presales-demo", "presales-survey"],
        default="customers",
        help=QT_TRANSLATE_NOOP(
            "Cli", "the view to show (with --screenshot: 'today' the day's work, 'editor' opens "
            "the first customer, "
            "'funnel' shows the sales funnel's board, 'deal' the first open deal's page, "
            "'quote' the newest quote in its editor, 'catalogue' the catalogue and prices, "
            "'admin' and 'leads' the registry workbenches of the signed-in account, "
            "'proposal' the latest deal's proposal, 'presales' the presales workbench, "
            "'presales-week', '-requests', '-workload', '-knowledge' its other tabs, "
            "'presales-engagement', '-demo', '-survey' an engagement, a demo or a survey)"
        ),
    )
    if not commands:
        parser.set_defaults(command=None)
        return parser
    from erpdesk.cli import (
        db_commands,
        demo_command,
        document_commands,
        playbook_commands,
        presales_commands,
        proposal_commands,
        quote_commands,
        report_commands,
        sync_commands,
        transfer_commands,
    )

    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo_command.add_parser(subparsers)
    transfer_commands.add_parsers(subparsers)
    db_commands.add_parser(subparsers)
    playbook_commands.add_parser(subparsers)
    document_commands.add_parser(subparsers)  # report deal-review
    report_commands.add_parser(subparsers)  # report funnel (joins the same "report")
    quote_commands.add_parsers(subparsers)  # quote ..., catalogue ...
    proposal_commands.add_parser(subparsers)  # proposal pdf / show / set
    presales_commands.add_parser(subparsers)  # presales list / ics
    sync_commands.add_parsers(subparsers)  # login, logout, sync, sync status
    return parser


def _window_only(args: Sequence[str]) -> bool:
    """True when *args* are only the window's options with their values (no
    command, no help): then the small parser reads them the same way."""
    expect_value = False
    for arg in args:
        if expect_value:
            expect_value = False
        elif arg in _WINDOW_VALUE_OPTIONS:
            expect_value = True
        elif not arg.startswith("--") or arg.split("=", 1)[0] not in _WINDOW_VALUE_OPTIONS:
            return False
    return True


def add_common(parser: argparse.ArgumentParser) -> None:
    """Options every command takes (``--db``, ``--lang``)."""
    parser.add_argument(
        "--db", type=Path, metavar="PATH",
        help=QT_TRANSLATE_NOOP(
            "Cli", "the desk database file (default: erpdesk.db in the user data directory)"
        ),
    )
    parser.add_argument(
        "--lang", choices=["zh_CN", "en"],
        help=QT_TRANSLATE_NOOP(
            "Cli", "language of messages and of the window (default: the system's)"
        ),
    )


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(commands=not _window_only(arguments))
    parser.speak(language_in(arguments))  # help and usage errors in the user's language
    args = parser.parse_args(arguments)
    if args.command is None:
        from erpdesk.ui.launch import gui_main

        return gui_main(args)
    from erpdesk import os_errors  # (not on the way to the window)

    out = Output(stdout or sys.stdout, sys.stderr, language=args.lang)
    os_errors.use_translator(out.translate)  # system errors explained in the same language
    try:
        with out.originals_shown(getattr(args, "verbose", False)):
            return _run(args, out)
    finally:
        os_errors.use_translator(None)


def _run(args: argparse.Namespace, out: Output) -> int:
    """The command's handler; its errors as one translated line each."""
    try:
        return int(args.handler(args, out))
    except CliError as exc:
        out.error(exc.render(out.translate))
        return exc.exit_code
    except DomainError as exc:
        out.error(exc.render(out.translate))
        return EXIT_FAILED
    except sqlite3.Error as exc:  # a failure no layer translated: still one line
        from erpdesk.app import default_db_path
        from erpdesk.storage.database import classify

        error = classify(exc, Path(args.db or default_db_path()).expanduser().resolve())
        if error is None:
            raise
        out.error(error.render(out.translate))
        return EXIT_FAILED
    except KeyboardInterrupt:
        out.error(out.translate("Cli", "Interrupted; nothing was saved"))
        return 130
    except BrokenPipeError:
        # The reader went away (``erpdesk report funnel | head``): stop quietly,
        # as Unix tools do; stdout to nowhere so Python's exit flush is silent.
        devnull = os.open(os.devnull, os.O_WRONLY)
        with contextlib.suppress(OSError, ValueError):
            os.dup2(devnull, sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    raise SystemExit(main())
