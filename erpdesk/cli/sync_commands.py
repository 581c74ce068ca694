"""``erpdesk login``, ``erpdesk logout``, ``erpdesk sync`` and
``erpdesk sync status``: the desk and the registry (docs/sync.md).

The token lives in the system keyring (``sync.credentials``), the server
and the user name in the database's ``meta`` table.  Cheap to import: the
handlers import the engine.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from erpdesk.cli.output import CliError
from erpdesk.domain.errors import render_text
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from erpdesk.cli.output import Output, Progress
    from erpdesk.storage.database import DeskDatabase
    from erpdesk.sync.client import RegistryClient
    from erpdesk.sync.credentials import CredentialStore

SYNC = "Sync"

NO_PASSWORD = QT_TRANSLATE_NOOP("Sync", "No password on standard input")
NO_TERMINAL = QT_TRANSLATE_NOOP(
    "Sync", "No terminal to ask for the password; use --password-stdin"
)
# BAD_SERVER and OTHER_USERS_CHANGES are raised by sync.session (the window
# signs in the same way); marked here too so the CLI's catalogue holds them.
BAD_SERVER = QT_TRANSLATE_NOOP(
    "Sync", "The server must be an http:// or https:// address, not {server}"
)
OTHER_USERS_CHANGES = QT_TRANSLATE_NOOP(
    "Sync",
    "This desk holds {count} changes of {user} on {server} that were not sent yet; sign in "
    "as {user} and sync them before signing in as someone else",
)
SIGNED_IN = QT_TRANSLATE_NOOP("Sync", "Signed in to {server} as {user} ({role})")
SIGNED_OUT = QT_TRANSLATE_NOOP("Sync", "Signed out of {server}")
NOT_SIGNED_IN = QT_TRANSLATE_NOOP(
    "Sync", "Not signed in: run erpdesk login --server URL --user NAME first"
)
NOT_SIGNED_IN_NOW = QT_TRANSLATE_NOOP(
    "Sync", "No sign-in for {user} on {server}: run erpdesk login, or sync with --password-stdin"
)
PUSHING = QT_TRANSLATE_NOOP("Sync", "Sending changes")
PULLING = QT_TRANSLATE_NOOP("Sync", "Receiving changes")
SUMMARY = QT_TRANSLATE_NOOP(
    "Sync",
    "Sync done: {pushed} changes sent ({duplicates} already known), {conflicts} conflicts, "
    "{rejected} refused, {pulled} records received",
)
REFUSED = QT_TRANSLATE_NOOP(
    "Sync", "Refused by the registry and kept for later: {entity} {id}: {reason}"
)
SKEWED = QT_TRANSLATE_NOOP(
    "Sync",
    "This computer's clock is {seconds} seconds off the registry's; set the right time",
)
PASSWORD_PROMPT = QT_TRANSLATE_NOOP("Sync", "Password: ")
STATUS_LINES = (
    QT_TRANSLATE_NOOP("Sync", "State: {state}"),
    QT_TRANSLATE_NOOP("Sync", "Server: {server}"),
    QT_TRANSLATE_NOOP("Sync", "User: {user}"),
    QT_TRANSLATE_NOOP("Sync", "Changes waiting to be sent: {pending_ops}"),
    QT_TRANSLATE_NOOP("Sync", "Last received: {last_pull}"),
    QT_TRANSLATE_NOOP("Sync", "Conflicts to review: {conflicts}"),
)
LAST_ERROR = QT_TRANSLATE_NOOP("Sync", "Last error: {error}")
STATE_NAMES = {
    "signed_out": QT_TRANSLATE_NOOP("Sync", "signed out"),
    "offline": QT_TRANSLATE_NOOP("Sync", "offline"),
    "up_to_date": QT_TRANSLATE_NOOP("Sync", "up to date"),
    "pending": QT_TRANSLATE_NOOP("Sync", "changes waiting"),
    "conflicts": QT_TRANSLATE_NOOP("Sync", "conflicts to review"),
    "error": QT_TRANSLATE_NOOP("Sync", "error"),
}
NONE = QT_TRANSLATE_NOOP("Sync", "none")


class SyncCliError(CliError):
    """A sync command that failed: one line, exit code 1."""

    context = SYNC
    exit_code = 1


def add_parsers(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from erpdesk.cli.demo_command import common_options

    login = subparsers.add_parser("login", help=QT_TRANSLATE_NOOP("Cli", "sign in to the registry"))
    common_options(login)
    login.add_argument("--server", required=True, metavar="URL",
                       help=QT_TRANSLATE_NOOP(
                           "Cli", "the registry, e.g. https://registry.example.com"
                       ))
    login.add_argument("--user", required=True, metavar="NAME")
    login.add_argument("--password-stdin", action="store_true",
                       help=QT_TRANSLATE_NOOP(
                           "Cli", "read the password from the first line of standard input"
                       ))
    login.set_defaults(handler=run_login)

    logout = subparsers.add_parser("logout", help=QT_TRANSLATE_NOOP(
        "Cli", "sign out (forget the token)"
    ))
    common_options(logout)
    logout.set_defaults(handler=run_logout)

    sync = subparsers.add_parser("sync", help=QT_TRANSLATE_NOOP(
        "Cli", "send this desk's changes and receive others'"
    ))
    common_options(sync)
    sync.add_argument("--password-stdin", action="store_true",
                      help=QT_TRANSLATE_NOOP(
                          "Cli", "sign in again with the password on standard input if needed"
                      ))
    sync.set_defaults(handler=run_sync)
    commands = sync.add_subparsers(dest="sync_command", metavar="COMMAND")
    status = commands.add_parser("status", help=QT_TRANSLATE_NOOP(
        "Cli", "what is waiting, conflicts, the last sync"
    ))
    common_options(status)
    status.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "print JSON"))
    status.set_defaults(handler=run_status)


def _say(out: Output, text: str, **params: Any) -> str:
    return render_text(SYNC, text, params, out.translate)


def _database(args: argparse.Namespace) -> DeskDatabase:
    from erpdesk.app import default_db_path
    from erpdesk.storage.database import open_database

    return open_database(Path(args.db or default_db_path()))


def _credentials(out: Output) -> CredentialStore:
    from erpdesk.sync.credentials import CredentialStore

    return CredentialStore(warn=lambda text: out.error(out.translate(SYNC, text)))


def _password(args: argparse.Namespace, out: Output, stdin: TextIO | None = None) -> str:
    stdin = stdin or sys.stdin
    if args.password_stdin:
        line = stdin.readline()
        password = line[:-1] if line.endswith("\n") else line
        if not password:
            raise SyncCliError(NO_PASSWORD)
        return password
    if not stdin.isatty():
        raise SyncCliError(NO_TERMINAL)
    return getpass.getpass(out.translate(SYNC, PASSWORD_PROMPT))


def _client(server: str, token: str | None = None, language: str = "en") -> RegistryClient:
    """A client that asks for the registry's messages in *language*."""
    from erpdesk.sync.client import RegistryClient

    return RegistryClient(server, token, language=language)


def run_login(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.storage.sync_store import SyncStore
    from erpdesk.sync import session as sessions
    from erpdesk.sync.client import SyncError

    try:
        server = sessions.normalize_server(str(args.server))
    except SyncError as exc:
        raise SyncCliError(exc.text, **exc.params) from exc
    db = _database(args)
    try:
        store = SyncStore(db)
        try:
            sessions.check_switch(store, server, args.user)
            password = _password(args, out)
            session = sessions.sign_in(
                store, _credentials(out), server, args.user, password,
                lambda s, t: _client(s, t, out.translate.language),
            )
        except SyncError as exc:
            raise SyncCliError(exc.text, **exc.params) from exc
    finally:
        db.close()
    out.print(_say(out, SIGNED_IN, server=server, user=args.user, role=session.role))
    return 0


def run_logout(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.storage.sync_store import SyncStore
    from erpdesk.sync import session as sessions

    db = _database(args)
    try:
        store = SyncStore(db)
        if sessions.account(store) is None:
            raise SyncCliError(NOT_SIGNED_IN)
        gone = sessions.sign_out(store, _credentials(out), _client)
    finally:
        db.close()
    out.print(_say(out, SIGNED_OUT, server=gone.server))
    return 0


class _Bars:
    """The push and the pull as progress bars on stderr."""

    def __init__(self, out: Output) -> None:
        self.out = out
        self.bars: dict[str, Progress] = {}

    def __call__(self, phase: str, done: int, total: int) -> None:
        if total <= 0 and phase == "push":
            return
        bar = self.bars.get(phase)
        if bar is None:
            label = self.out.translate(SYNC, PUSHING if phase == "push" else PULLING)
            bar = self.bars[phase] = self.out.progress(label, total)
        bar.total = max(total, 1)
        bar.advance(done - bar.done)

    def finish(self) -> None:
        for bar in self.bars.values():
            bar.finish()


def run_sync(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.app import open_engagements_after_pull
    from erpdesk.storage.sync_store import SyncStore
    from erpdesk.sync.client import SignedOut, SyncError
    from erpdesk.sync.engine import SyncEngine

    db = _database(args)
    try:
        store = SyncStore(db)
        state = store.state()
        server, user = state.get("sync.server"), state.get("sync.user")
        if not server or not user:
            raise SyncCliError(NOT_SIGNED_IN)
        credentials = _credentials(out)
        token = credentials.get(server, user)
        if token is None and not args.password_stdin:
            raise SyncCliError(NOT_SIGNED_IN_NOW, server=server, user=user)
        with _client(server, token, out.translate.language) as client:
            if token is None:
                credentials.set(server, user, client.login(user, _password(args, out)).token)
            bars = _Bars(out)
            engine = SyncEngine(
                store, client, after_pull=open_engagements_after_pull(db, lambda _change: None)
            )
            try:
                try:
                    report = engine.run(bars)
                except SignedOut:
                    if not args.password_stdin:
                        raise
                    credentials.set(server, user, client.login(user, _password(args, out)).token)
                    report = engine.run(bars)
            except SyncError as exc:
                raise SyncCliError(exc.text, **exc.params) from exc
            bars.finish()  # only a run that ended draws its bars full
    finally:
        db.close()
    for failure in report.failures:
        out.error(_say(out, REFUSED, entity=failure.entity, id=failure.entity_id,
                       reason=failure.message))
    if report.clock_skewed:
        out.error(_say(out, SKEWED, seconds=report.clock_skew_seconds))
    out.print(_say(
        out, SUMMARY, pushed=report.pushed, duplicates=report.duplicates,
        conflicts=report.conflicts, rejected=report.rejected, pulled=report.pulled,
    ))
    return 0


def run_status(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.storage.sync_store import SyncStore
    from erpdesk.sync.state import read_status

    db = _database(args)
    try:
        status = read_status(SyncStore(db), _credentials(out))
    finally:
        db.close()
    if args.json:
        out.print(json.dumps(status.as_dict(), ensure_ascii=False, sort_keys=True))
        return 0
    none = out.translate(SYNC, NONE)
    values = {
        "state": out.translate(SYNC, STATE_NAMES[status.state]),
        "server": status.server or none, "user": status.user or none,
        "pending_ops": status.pending_ops, "last_pull": status.last_pull or none,
        "conflicts": status.conflicts,
    }
    for line in STATUS_LINES:
        out.print(render_text(SYNC, line, values, out.translate))
    for failure in status.failed_ops:
        out.print(_say(out, REFUSED, entity=failure["entity"], id=failure["entity_id"],
                       reason=failure["message"]))
    if status.last_error:
        out.print(_say(out, LAST_ERROR, error=status.last_error))
    return 0
