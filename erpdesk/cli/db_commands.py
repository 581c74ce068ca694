"""``erpdesk db upgrade | backup [FILE] | info | check | restore [FILE]``: look
after the desk database."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from erpdesk.cli.demo_command import common_options
from erpdesk.cli.output import CliError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP

# The texts' context, as a name: lupdate reads a literal first argument of
# translate() as a source text.
CLI = "Cli"

if TYPE_CHECKING:
    from erpdesk.cli.output import Output

NO_DATABASE = QT_TRANSLATE_NOOP("Cli", "There is no database at {path}")
TARGET_EXISTS = QT_TRANSLATE_NOOP(
    "Cli", "{path} already exists; choose another name or add --force to replace it"
)
TARGET_IS_FOLDER = QT_TRANSLATE_NOOP("Cli", "{path} is a folder; give a file name")
TARGET_IS_SOURCE = QT_TRANSLATE_NOOP("Cli", "A database cannot be backed up onto itself")
UP_TO_DATE = QT_TRANSLATE_NOOP(
    "Cli", "The database {path} is up to date (schema {revision}); nothing to do"
)
CREATED = QT_TRANSLATE_NOOP("Cli", "Created the tables of schema {revision} in {path}")
UPGRADED = QT_TRANSLATE_NOOP(
    "Cli", "Upgraded {path} from schema {before} to {after}"
)
BACKUP_AT = QT_TRANSLATE_NOOP("Cli", "The database as it was is saved in {backup}")
BACKED_UP = QT_TRANSLATE_NOOP("Cli", "Backed up {path} to {target}")
BACKUP_COUNTS = QT_TRANSLATE_NOOP(
    "Cli", "The backup holds {customers} customers, {contacts} contacts, {activities} "
    "activities and {outbox} sync operations waiting"
)
INFO_PATH = QT_TRANSLATE_NOOP("Cli", "Database: {path}")
INFO_SIZE = QT_TRANSLATE_NOOP("Cli", "Size: {size} MB")
INFO_SCHEMA = QT_TRANSLATE_NOOP("Cli", "Schema: {revision} (newest: {head})")
INFO_NEEDS_UPGRADE = QT_TRANSLATE_NOOP(
    "Cli", "The database is from an older ERPDesk; run: erpdesk db upgrade"
)
INFO_COUNTS = QT_TRANSLATE_NOOP(
    "Cli", "Customers: {customers}; contacts: {contacts}; activities: {activities}"
)
INFO_OUTBOX = QT_TRANSLATE_NOOP("Cli", "Changes waiting to be synced: {outbox}")
INFO_DEVICE = QT_TRANSLATE_NOOP("Cli", "Device id: {device}")
NO_REVISION = QT_TRANSLATE_NOOP("Cli", "none")
SOUND = QT_TRANSLATE_NOOP("Cli", "The database {path} is sound: SQLite's {check} found no problem")
CHECK_FULL = QT_TRANSLATE_NOOP("Cli", "integrity check")
CHECK_QUICK = QT_TRANSLATE_NOOP("Cli", "quick check")
NO_BACKUP = QT_TRANSLATE_NOOP(
    "Cli", "There is no backup of {path} beside it; give the backup file: erpdesk db restore FILE"
)
RESTORE_SOUND = QT_TRANSLATE_NOOP(
    "Cli", "The database {path} is sound; add --force to replace it with the backup anyway"
)
RESTORED = QT_TRANSLATE_NOOP(
    "Cli", "Restored {path} from {backup}; the file it replaced is kept as {aside}"
)


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "db", help=QT_TRANSLATE_NOOP(
            "Cli", "upgrade, back up, describe, check or restore the desk database"
        ),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Look after the desk database (the --db file, by default erpdesk.db in the "
            "user data directory)."
        ),
    )
    common_options(parser)
    commands = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)

    upgrade = commands.add_parser(
        "upgrade", help=QT_TRANSLATE_NOOP(
            "Cli", "migrate the database to this version's schema (after a backup copy)"
        ),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Migrate the database to the schema of this ERPDesk. A copy of the database as "
            "it was is written beside it first."
        ),
    )
    common_options(upgrade)
    upgrade.set_defaults(handler=run_upgrade)

    backup = commands.add_parser(
        "backup", help=QT_TRANSLATE_NOOP("Cli", "write a consistent copy of the database to FILE"),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Write a consistent copy of the database (including changes still in its "
            "write-ahead log) to FILE; the copy appears only when complete."
        ),
    )
    backup.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        nargs="?",
        help=QT_TRANSLATE_NOOP(
            "Cli", "the copy to write (default: <database>.backup-<time>.bak beside the database, "
            "where the window and 'db restore' find it)"
        ),
    )
    backup.add_argument("--force", action="store_true", help=QT_TRANSLATE_NOOP(
        "Cli", "replace FILE if it exists"
    ))
    common_options(backup)
    backup.set_defaults(handler=run_backup)

    info = commands.add_parser(
        "info", help=QT_TRANSLATE_NOOP(
            "Cli", "show the database's file, schema, counts and pending sync operations"
        ),
    )
    info.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP(
        "Cli", "print the facts as JSON"
    ))
    common_options(info)
    info.set_defaults(handler=run_info)

    check = commands.add_parser(
        "check",
        help=QT_TRANSLATE_NOOP(
            "Cli", "check the whole database file for damage (exit 1 when damaged)"
        ),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Run SQLite's integrity check over the whole database without writing to it. A "
            "sound database exits 0; a damaged one prints one line with the first problem and "
            "exits 1."
        ),
    )
    check.add_argument(
        "--quick",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli", "SQLite's quick check only (faster; skips comparing indexes with their tables)"
        ),
    )
    common_options(check)
    check.set_defaults(handler=run_check)

    restore = commands.add_parser(
        "restore",
        help=QT_TRANSLATE_NOOP("Cli", "replace a damaged database by its newest backup (or FILE)"),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Replace a damaged database by a backup: FILE, or the newest backup beside it. "
            "The replaced file is kept as <database>.damaged-<time>. Close the window first."
        ),
    )
    restore.add_argument("file", type=Path, metavar="FILE", nargs="?", help=QT_TRANSLATE_NOOP(
        "Cli", "the backup to use"
    ))
    restore.add_argument(
        "--force", action="store_true", help=QT_TRANSLATE_NOOP(
            "Cli", "replace the database even when it is sound"
        )
    )
    common_options(restore)
    restore.set_defaults(handler=run_restore)


def _existing_db(args: argparse.Namespace) -> Path:
    from erpdesk.app import default_db_path

    path = Path(args.db or default_db_path()).expanduser().resolve()
    if not path.exists():
        raise CliError(NO_DATABASE, path=str(path))
    return path


def _revision(path: Path) -> str | None:
    """The schema revision of *path*, read without changing the file."""
    from erpdesk.storage.database import connect, current_revision, translated_errors

    with translated_errors(path):
        conn = connect(path)
        try:
            return current_revision(conn)
        finally:
            conn.close()


def _backups(path: Path) -> set[Path]:
    return set(path.parent.glob(f"{path.name}.before-*.bak"))


def run_upgrade(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.app import open_desk
    from erpdesk.domain.errors import DatabaseNeedsUpgrade
    from erpdesk.storage.database import head_revision

    tr = out.translate
    path = _existing_db(args)
    try:
        open_desk(path, upgrade=False).close()
    except DatabaseNeedsUpgrade:
        pass
    else:
        out.print(tr("Cli", UP_TO_DATE).format(path=path, revision=head_revision()))
        return 0
    before = _revision(path)
    backups = _backups(path)
    open_desk(path, upgrade=True).close()
    after = _revision(path)
    if before is None:
        out.print(tr("Cli", CREATED).format(revision=after, path=path))
        return 0
    out.print(tr("Cli", UPGRADED).format(path=path, before=before, after=after))
    for made in sorted(_backups(path) - backups):
        out.print(tr("Cli", BACKUP_AT).format(backup=made))
    return 0


def run_backup(args: argparse.Namespace, out: Output) -> int:
    import sqlite3

    from erpdesk.storage.database import backup, connect
    from erpdesk.storage.queries import CustomerQueries

    path = _existing_db(args)
    if args.file is None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = path.with_name(f"{path.name}.backup-{stamp}.bak")
    else:
        target = Path(args.file).expanduser()
    if target.is_dir():
        raise CliError(TARGET_IS_FOLDER, path=str(target))
    if target.exists():
        if target.resolve() == path:
            raise CliError(TARGET_IS_SOURCE)
        if not args.force:
            raise CliError(TARGET_EXISTS, path=str(target))
    backup(path, target)
    out.print(out.translate(CLI, BACKED_UP).format(path=path, target=target))
    try:
        conn = connect(target)
        try:
            totals = CustomerQueries(conn).totals()
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # a database of another schema: the copy is made, counts unknown
    out.print(out.translate(CLI, BACKUP_COUNTS).format(**totals))
    return 0


def run_info(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.app import open_desk
    from erpdesk.domain.errors import DatabaseNeedsUpgrade
    from erpdesk.storage.database import head_revision
    from erpdesk.storage.queries import CustomerQueries

    path = _existing_db(args)
    facts: dict[str, Any] = {
        "path": str(path),
        "size_bytes": path.stat().st_size,
        "revision": None,
        "head": head_revision(),
        "needs_upgrade": False,
    }
    try:
        desk = open_desk(path, upgrade=False)
    except DatabaseNeedsUpgrade:
        facts["revision"] = _revision(path)
        facts["needs_upgrade"] = True
    else:
        try:
            facts["revision"] = head_revision()
            facts |= CustomerQueries(desk.db.reader).totals()
            facts["device_id"] = desk.db.meta("device_id")
        finally:
            desk.close()
    if args.json:
        out.print(json.dumps(facts, ensure_ascii=False, indent=2))
        return 0
    tr = out.translate
    out.print(tr("Cli", INFO_PATH).format(path=path))
    out.print(tr("Cli", INFO_SIZE).format(size=f"{facts['size_bytes'] / 1024 / 1024:.1f}"))
    out.print(tr("Cli", INFO_SCHEMA).format(
        revision=facts["revision"] or tr("Cli", NO_REVISION), head=facts["head"]
    ))
    if facts["needs_upgrade"]:
        out.print(tr("Cli", INFO_NEEDS_UPGRADE))
        return 0
    out.print(tr("Cli", INFO_COUNTS).format(**facts))
    out.print(tr("Cli", INFO_OUTBOX).format(outbox=facts["outbox"]))
    out.print(tr("Cli", INFO_DEVICE).format(device=facts["device_id"]))
    return 0


def run_check(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.domain.errors import DatabaseDamaged
    from erpdesk.storage.database import check_database, damage_summary

    path = _existing_db(args)
    problems = check_database(path, full=not args.quick)
    if problems:
        raise DatabaseDamaged(path=str(path), detail=damage_summary(problems))
    check = out.translate(CLI, CHECK_QUICK if args.quick else CHECK_FULL)
    out.print(out.translate(CLI, SOUND).format(path=path, check=check))
    return 0


def run_restore(args: argparse.Namespace, out: Output) -> int:
    from erpdesk.domain.errors import DatabaseCorrupt, DatabaseForeign
    from erpdesk.storage.database import check_database, find_backups, restore_backup

    path = _existing_db(args)
    if args.file is not None:
        source = Path(args.file).expanduser().resolve()
        if not source.exists():
            raise CliError(NO_DATABASE, path=str(source))
    else:
        found = find_backups(path)
        if not found:
            raise CliError(NO_BACKUP, path=str(path))
        source = found[0]
    if not args.force:
        try:
            sound = not check_database(path, full=False)
        except DatabaseForeign:
            raise
        except DatabaseCorrupt:
            sound = False
        if sound:
            raise CliError(RESTORE_SOUND, path=str(path))
    aside = restore_backup(path, source)
    out.print(out.translate(CLI, RESTORED).format(path=path, backup=source, aside=aside))
    return 0
