"""``erpdesk-registry``: serve, migrate and administer the registry.

Every command exits 0 on success and otherwise prints one line on stderr
(``erpdesk-registry: <reason>``) and exits non-zero: 2 for a usage problem,
1 for anything else.  Output closed early by its reader (``... | head -1``)
is no failure: the rest is dropped and the exit status is 0.  Passwords are
read from a terminal (twice) or from standard input with
``--password-stdin``; never from the command line.

Nothing imported here needs the registry's extra (fastapi, uvicorn, argon2,
...): without it every command says which command installs it.
"""

from __future__ import annotations

import argparse
import getpass
import importlib.util
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from erpdesk.domain.errors import DomainError, render_text
from erpdesk.registry.config import (
    DEFAULT_THREADS,
    ENV_DB,
    ENV_THREADS,
    ENV_TRUSTED_PROXIES,
    Config,
    ConfigError,
    PasswordCost,
    load_config,
    parse_trusted_proxies,
)
from erpdesk.registry.db.database import RegistryDatabase, migrate, schema_state
from erpdesk.registry.db.journal import Actor
from erpdesk.registry.db.schema import ROLES
from erpdesk.registry.language import command_line_language, translator

if TYPE_CHECKING:
    from erpdesk.registry.security import Passwords

PROG = "erpdesk-registry"
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
# The importable modules of the registry's extra (pyproject.toml,
# ``[project.optional-dependencies] registry``); psycopg is needed for
# PostgreSQL only and reported when a command reaches for it.
EXTRA_MODULES = ("fastapi", "uvicorn", "httptools", "pydantic", "argon2")
OPTIONAL_MODULES = ("psycopg",)
MISSING_EXTRA_TEXT = (
    "The registry's packages are not installed (missing: {missing}); install them with: "
    "pip install 'erpdesk[registry]' (in a checkout: pip install -e '.[registry]')"
)


class CliError(Exception):
    """A problem the user can fix; the message is the one line printed."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", metavar="URL",
        help=f"database: postgresql://USER@HOST/DB or sqlite:///FILE (default: ${ENV_DB}, "
        "else registry.db in the user data directory)",
    )
    parser = argparse.ArgumentParser(
        prog=PROG, description="The ERPDesk customer registry server and its administration."
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    serve = commands.add_parser("serve", parents=[common], help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    serve.add_argument("--threads", type=int, default=None,
                       help="requests each worker runs at once (default "
                            f"${ENV_THREADS} or {DEFAULT_THREADS})")
    serve.add_argument("--log-level", default="info",
                       choices=["critical", "error", "warning", "info", "debug"])
    serve.add_argument("--trusted-proxy", action="append", metavar="ADDRESS",
                       help="a reverse proxy (IP address or network, e.g. 127.0.0.1 or "
                       "10.0.0.0/8; repeatable) whose X-Forwarded-For names the client; "
                       f"default ${ENV_TRUSTED_PROXIES}, else none: the headers are ignored")
    serve.set_defaults(handler=cmd_serve)

    db = commands.add_parser("db", help="database schema")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = db_commands.add_parser(
        "upgrade", parents=[common], help="migrate the database to this version's schema"
    )
    upgrade.set_defaults(handler=cmd_db_upgrade)

    user = commands.add_parser("user", help="user accounts")
    user_commands = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = user_commands.add_parser("add", parents=[common], help="create a user")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--team", default="")
    add.add_argument("--display-name", default="")
    add.add_argument("--presales-lead", action="store_true",
                     help="a presales user leading its team (decides the team's support "
                     "requests and assigns consultants)")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from the first line of standard input")
    add.set_defaults(handler=cmd_user_add)
    passwd = user_commands.add_parser("passwd", parents=[common], help="set a user's password")
    passwd.add_argument("username")
    passwd.add_argument("--password-stdin", action="store_true")
    passwd.set_defaults(handler=cmd_user_passwd)
    role = user_commands.add_parser("role", parents=[common], help="change a user's role")
    role.add_argument("username")
    role.add_argument("role", choices=ROLES)
    role.add_argument("--team", help="also move the user to this team")
    role.add_argument("--presales-lead", action=argparse.BooleanOptionalAction, default=None,
                      help="mark (or, with --no-presales-lead, unmark) a presales user as "
                      "its team's lead; a user leaving the presales role is no lead")
    role.set_defaults(handler=cmd_user_role)
    for name, flag in (("disable", True), ("enable", False)):
        sub = user_commands.add_parser(
            name, parents=[common],
            help=f"{name} a user" + (" (ends every sign-in)" if flag else ""),
        )
        sub.add_argument("username")
        sub.set_defaults(handler=cmd_user_disable, disabled=flag)
    listing = user_commands.add_parser("list", parents=[common], help="list the users")
    listing.set_defaults(handler=cmd_user_list)
    _add_profile_parser(user_commands, common)

    sync = commands.add_parser("sync", help="sync housekeeping")
    sync_commands = sync.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    prune = sync_commands.add_parser(
        "prune", parents=[common],
        help="forget applied sync ops and access changes older than op_retention_days "
        "(run daily)",
    )
    prune.set_defaults(handler=cmd_sync_prune)
    jobs = commands.add_parser("jobs", help="periodic jobs")
    jobs_commands = jobs.add_subparsers(dest="jobs_command", metavar="ACTION", required=True)
    run_job = jobs_commands.add_parser(
        "run", parents=[common],
        help="run the protection sweep once: warn owners, release due customers to the pool "
        "(for cron)",
    )
    run_job.add_argument(
        "--lease", type=int, default=0, metavar="SECONDS",
        help="take the sweep's lease for SECONDS first and do nothing if another worker "
        "holds it (for cron on several machines; default: always sweep)",
    )
    run_job.add_argument(
        "--dry-run", action="store_true",
        help="only count what the sweep would release and warn; change nothing",
    )
    run_job.set_defaults(handler=cmd_jobs_run)
    settings = commands.add_parser(
        "settings", parents=[common], help="show the settings, or set KEY to VALUE"
    )
    settings.add_argument("key", nargs="?")
    settings.add_argument("value", nargs="?")
    settings.set_defaults(handler=cmd_settings)

    throttle = commands.add_parser("throttle", help="failed sign-ins held back")
    throttle_commands = throttle.add_subparsers(
        dest="throttle_command", metavar="ACTION", required=True
    )
    listed = throttle_commands.add_parser(
        "list", parents=[common],
        help="the user names and addresses with failed sign-ins, and how long each is held",
    )
    listed.set_defaults(handler=cmd_throttle_list)
    clear = throttle_commands.add_parser(
        "clear", parents=[common],
        help="forget failed sign-ins: of one user, from one address, or (neither given) all",
    )
    clear.add_argument("--user", metavar="NAME")
    clear.add_argument("--client", metavar="ADDRESS")
    clear.set_defaults(handler=cmd_throttle_clear)
    return parser


def _config(args: argparse.Namespace) -> Config:
    try:
        return load_config(args.db)
    except ConfigError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None


def open_database(config: Config) -> RegistryDatabase:
    """The database, at the current schema.  An SQLite file is created or
    migrated on the spot; PostgreSQL is migrated only by ``db upgrade``."""
    current, head = schema_state(config.db_url)
    if current != head:
        if config.db_url.startswith("sqlite"):
            migrate(config.db_url)
        elif current is None:
            raise CliError(f"the database has no registry schema; run: {PROG} db upgrade")
        else:
            raise CliError(
                f"the database is at schema {current}, this version needs {head}; "
                f"run: {PROG} db upgrade"
            )
    return RegistryDatabase(config.db_url)


def _read_password(args: argparse.Namespace, stdin: TextIO) -> str:
    if args.password_stdin:
        line = stdin.readline()
        password = line[:-1] if line.endswith("\n") else line
        if not password:
            raise CliError("no password on standard input")
        return password
    if not stdin.isatty():
        raise CliError("no terminal to ask for the password; use --password-stdin")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        raise CliError("the two passwords differ; nothing was changed")
    return first


def cmd_serve(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    del out, stdin
    import uvicorn

    from erpdesk.registry.api.protocols import HTTP_PROTOCOL

    config = _config(args)
    if args.workers < 1 or not 0 < args.port < 65536:
        raise CliError("--workers must be at least 1 and --port between 1 and 65535", EXIT_USAGE)
    if args.threads is not None and args.threads < 1:
        raise CliError("--threads must be at least 1", EXIT_USAGE)
    trusted = config.trusted_proxies
    if args.trusted_proxy is not None:
        try:
            trusted = parse_trusted_proxies(args.trusted_proxy)
        except ConfigError as exc:
            raise CliError(str(exc), EXIT_USAGE) from None
    open_database(config).dispose()
    # Each worker process builds its own app from the environment.
    os.environ[ENV_DB] = config.db_url
    os.environ[ENV_TRUSTED_PROXIES] = ",".join(trusted)
    if args.threads is not None:
        os.environ[ENV_THREADS] = str(args.threads)
    if not trusted and os.environ.get("FORWARDED_ALLOW_IPS"):
        _error(f"FORWARDED_ALLOW_IPS is ignored: name the proxies with --trusted-proxy or "
               f"{ENV_TRUSTED_PROXIES}")
    uvicorn.run(
        "erpdesk.registry.api.app:app_from_environment", factory=True, host=args.host,
        port=args.port, workers=args.workers, log_level=args.log_level,
        # The app reads forwarded headers itself, from the named proxies only
        # (uvicorn's own default would believe any local process).
        proxy_headers=False,
        # A request uvicorn cannot parse is answered in the JSON error shape.
        http=HTTP_PROTOCOL,
    )
    return 0


def cmd_db_upgrade(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    del stdin
    config = _config(args)
    before, head = schema_state(config.db_url)
    if before == head:
        say(out, "the database is already at schema {head}", head=head)
        return 0
    migrate(config.db_url)
    if before:
        say(out, "migrated the database from schema {before} to {head}", before=before, head=head)
    else:
        say(out, "migrated the empty database to schema {head}", head=head)
    return 0


def _passwords() -> Passwords:
    from erpdesk.registry.security import Passwords

    return Passwords(PasswordCost())


def cmd_user_add(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from erpdesk.registry.accounts import add_user

    config = _config(args)
    db = open_database(config)
    try:
        password = _read_password(args, stdin)
        user = add_user(
            db, _passwords(), config.clock(), Actor.command_line(), args.username,
            password, args.role, team=args.team, display_name=args.display_name,
            presales_lead=args.presales_lead,
        )
    finally:
        db.dispose()
    say(out, "added {name} ({role})", name=user.username, role=user.role)
    if user.presales_lead:
        say(out, "{name} leads the presales work of {team}", name=user.username, team=user.team)
    return 0


def cmd_user_passwd(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from erpdesk.registry.accounts import get_user, set_password

    config = _config(args)
    db = open_database(config)
    try:
        with db.read() as conn:
            get_user(conn, args.username)  # before asking for a password
        password = _read_password(args, stdin)
        user = set_password(
            db, _passwords(), config.clock(), Actor.command_line(), args.username, password
        )
    finally:
        db.dispose()
    say(out, "changed the password of {name}; its sign-ins were ended", name=user.username)
    return 0


def cmd_user_role(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from erpdesk.registry.accounts import update_user

    del stdin
    config = _config(args)
    db = open_database(config)
    values: dict[str, str | bool] = {"role": args.role}
    if args.team is not None:
        values["team"] = args.team.strip()
    if args.presales_lead is not None:
        values["presales_lead"] = args.presales_lead
    try:
        user = update_user(db, config.clock(), Actor.command_line(), args.username,
                           "user.role", **values)
    finally:
        db.dispose()
    if user.team:
        say(out, "{name} is now {role} in {team}", name=user.username, role=user.role,
            team=user.team)
    else:
        say(out, "{name} is now {role}", name=user.username, role=user.role)
    if user.presales_lead:
        say(out, "{name} leads the presales work of {team}", name=user.username, team=user.team)
    return 0


def cmd_user_disable(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from erpdesk.registry.accounts import update_user

    del stdin
    config = _config(args)
    db = open_database(config)
    action = "user.disable" if args.disabled else "user.enable"
    try:
        user = update_user(db, config.clock(), Actor.command_line(), args.username, action,
                           disabled=args.disabled)
    finally:
        db.dispose()
    say(out, "{name} is disabled" if user.disabled else "{name} is enabled", name=user.username)
    return 0


def cmd_user_list(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from erpdesk.registry.accounts import list_profiles, list_users

    del stdin
    db = open_database(_config(args))
    try:
        profiles = list_profiles(db)
        for u in list_users(db):
            state = " (disabled)" if u.disabled else ""
            profile = profiles.get(u.username)
            extra = f"\t{profile.summary()}" if u.role == "rep" and profile else ""
            role = f"{u.role} (lead)" if u.presales_lead else u.role
            print(f"{u.username}\t{role}\t{u.team or '-'}\t{u.display_name}{state}{extra}",
                  file=out)
    finally:
        db.dispose()
    return 0


PROFILE_LISTS = {"industries": "industry", "size-bands": "size_band", "regions": "region"}


def _add_profile_parser(user_commands: Any, common: argparse.ArgumentParser) -> None:
    from erpdesk.domain.customer import Industry, SizeBand

    profile = user_commands.add_parser(
        "profile", parents=[common],
        help="show a rep's allocation profile, or set parts of it (a list option, repeated, "
        "replaces that list)",
    )
    profile.add_argument("username")
    profile.add_argument("--industry", action="append", metavar="CODE",
                         help=f"an industry the rep covers: {', '.join(Industry)}")
    profile.add_argument("--size-band", action="append", metavar="CODE",
                         help=f"a size band the rep covers: {', '.join(SizeBand)}")
    profile.add_argument("--region", action="append", metavar="NAME",
                         help="a province or city the rep covers, e.g. 山东省 or 济南市")
    profile.add_argument("--ability", type=int, metavar="1-5", help="the rep's sales ability")
    profile.add_argument("--clear", action="append", choices=sorted(PROFILE_LISTS), default=[],
                         help="empty a list")
    profile.set_defaults(handler=cmd_user_profile)


def cmd_user_profile(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from erpdesk.registry.accounts import get_profile, set_profile

    del stdin
    lists: dict[str, list[str] | None] = {
        name: getattr(args, option) for name, option in PROFILE_LISTS.items()
    }
    for name in args.clear:
        if lists[name] is not None:
            raise CliError(f"--clear {name} and --{PROFILE_LISTS[name].replace('_', '-')} "
                           "contradict each other", EXIT_USAGE)
        lists[name] = []
    config = _config(args)
    db = open_database(config)
    try:
        if all(v is None for v in lists.values()) and args.ability is None:
            with db.read() as conn:
                profile = get_profile(conn, args.username)
        else:
            profile = set_profile(
                db, config.clock(), Actor.command_line(), args.username,
                industries=lists["industries"], size_bands=lists["size-bands"],
                regions=lists["regions"], ability=args.ability,
            )
    finally:
        db.dispose()
    print(f"{profile.username} ({profile.display_name}), {profile.role}"
          + (f" in {profile.team}" if profile.team else ""), file=out)
    for label, values in (("industries", profile.industries),
                          ("size bands", profile.size_bands), ("regions", profile.regions)):
        print(f"  {label}: {', '.join(values) or '-'}", file=out)
    print(f"  ability: {profile.ability}", file=out)
    return 0


def cmd_sync_prune(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from erpdesk.registry.sync.access import prune_access
    from erpdesk.registry.sync.push import prune_applied_ops

    del stdin
    config = _config(args)
    db = open_database(config)
    try:
        forgotten = prune_applied_ops(db, config.clock())
        access = prune_access(db, config.clock())
    finally:
        db.dispose()
    say(out, "forgot {count} applied sync ops", count=forgotten)
    say(out, "forgot {count} access changes (a desk that synced before them pulls everything "
        "again)", count=access)
    return 0


def cmd_jobs_run(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from datetime import timedelta

    from erpdesk.registry.jobs import new_holder, preview_protection_sweep, run_protection_sweep

    del stdin
    if args.lease < 0:
        raise CliError("--lease must be 0 or more seconds", EXIT_USAGE)
    config = _config(args)
    db = open_database(config)
    try:
        if args.dry_run:
            seen = preview_protection_sweep(db, config.clock())
            say(out, "would release {released} customers to the pool and warn the owners of "
                "{warned} customers (dry run: nothing changed)",
                released=seen.released, warned=seen.warned)
            return 0
        result = run_protection_sweep(
            db, config.clock(), holder=f"cli:{new_holder()}",
            lease=timedelta(seconds=args.lease) if args.lease else None,
        )
    finally:
        db.dispose()
    print(result.describe(), file=out)
    return 0


def cmd_settings(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from erpdesk.registry.policy import DESCRIPTIONS, Policy, load_policy, set_setting

    del stdin
    if args.key is not None and args.value is None:
        raise CliError("give a VALUE for the setting, or no KEY to show them all", EXIT_USAGE)
    config = _config(args)
    db = open_database(config)
    try:
        if args.key is None:
            with db.read() as conn:
                policy = load_policy(conn)
        else:
            with db.write() as conn:
                policy = set_setting(
                    conn, config.clock(), Actor.command_line(), args.key, args.value
                )
    finally:
        db.dispose()
    defaults = Policy()
    for key, description in DESCRIPTIONS.items():
        value = getattr(policy, key)
        mark = "" if value != getattr(defaults, key) else " (default)"
        print(f"{key} = {value:g}{mark}\t# {description}", file=out)
    return 0


def cmd_throttle_list(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from erpdesk.registry.accounts import sign_in_throttles

    del stdin
    config = _config(args)
    db = open_database(config)
    try:
        throttles = sign_in_throttles(db, config)
    finally:
        db.dispose()
    if not throttles:
        say(out, "No failed sign-ins are remembered")
        return 0
    window = int(config.login_window.total_seconds() // 60)
    for t in throttles:
        held = f"held {t.wait} s" if t.wait else "not held"
        last = t.last_failure.strftime("%Y-%m-%dT%H:%M:%SZ")
        if t.client is None:
            what = f"{t.failures} failed in {window} min, last {last}"
            held += " (from addresses it never signed in from)" if t.wait else ""
        elif t.username is None:
            what = f"{t.failures} failed in {window} min, last {last}"
            held += " (for names never signed in from it)" if t.wait else ""
        else:
            what = f"{t.failures} failed, last {last}"
        print(f"{_shown(t.username)}\t{_shown(t.client)}\t{what}\t{held}", file=out)
    return 0


def _shown(text: str | None) -> str:
    """A user name or address as typed by anyone: ``*`` for all, escaped
    when it holds what a terminal would act on."""
    if text is None:
        return "*"
    return (text or "-") if text.isprintable() else ascii(text)


def cmd_throttle_clear(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from erpdesk.registry.accounts import clear_sign_in_throttles

    del stdin
    config = _config(args)
    db = open_database(config)
    try:
        count = clear_sign_in_throttles(
            db, config.clock(), Actor.command_line(), args.user, args.client
        )
    finally:
        db.dispose()
    say(out, "Forgot {count} failed sign-ins", count=count)
    return 0


def missing_extra() -> list[str]:
    """The modules of the registry's extra that cannot be imported."""
    missing = []
    for name in EXTRA_MODULES:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            missing.append(name)
    return missing


def _missing_extra_message(missing: Sequence[str]) -> str:
    return render_text(
        "Registry", MISSING_EXTRA_TEXT, {"missing": ", ".join(missing)},
        translator(command_line_language()),
    )


def _extra_module(exc: ImportError) -> str | None:
    """The extra's module *exc* failed to import, if it is one of them."""
    top = (exc.name or "").partition(".")[0]
    return top if top in (*EXTRA_MODULES, *OPTIONAL_MODULES) else None


def _output_closed(out: TextIO) -> int:
    """The reader closed the output (``| head -1``): not a failure.  The
    output is pointed at /dev/null so that the flush at exit does not fail
    again (the Python documentation's recipe, "Note on SIGPIPE")."""
    try:
        fd = out.fileno()
    except (OSError, ValueError, AttributeError):
        return EXIT_OK
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)
    return EXIT_OK


def main(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stdin: TextIO | None = None
) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else list(argv))
    out = stdout or sys.stdout
    try:
        if missing := missing_extra():
            _error(_missing_extra_message(missing))
            return EXIT_FAILED
        code = int(args.handler(args, out, stdin or sys.stdin))
        out.flush()  # a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:
        return _output_closed(out)
    except ImportError as exc:
        if (module := _extra_module(exc)) is None:
            raise
        _error(_missing_extra_message([module]))
        return EXIT_FAILED
    except CliError as exc:
        _error(str(exc))
        return exc.exit_code
    except (DomainError, ConfigError) as exc:
        if isinstance(exc, DomainError):  # in the desk's language (ERPDESK_LANG, the locale's)
            _error(exc.render(translator(command_line_language())))
        else:
            _error(str(exc))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except Exception as exc:  # the database is unreachable, ...
        from sqlalchemy.exc import SQLAlchemyError

        if not isinstance(exc, SQLAlchemyError | OSError):
            raise
        _error(f"cannot use the database: {str(exc).splitlines()[0]}")
        return EXIT_FAILED


def say(out: TextIO, text: str, **params: Any) -> None:
    """Print *text* (an English template, translated in context ``Registry``
    into the command line's language) with its ``{placeholders}`` filled."""
    print(render_text("Registry", text, params, translator(command_line_language())), file=out)


def _error(message: str) -> None:
    print(f"{PROG}: {' '.join(message.split())}", file=sys.stderr)
