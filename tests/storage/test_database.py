"""Opening the desk database: creation, pragmas, faults, backups."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading

import pytest

from erpdesk.domain.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseNeedsUpgrade,
    DatabaseReadOnly,
    DatabaseTooNew,
)
from erpdesk.storage.database import backup, head_revision, known_revisions, open_database


def test_new_database_is_at_head_with_wal_and_foreign_keys(tmp_path):
    db = open_database(tmp_path / "sub" / "desk.db")
    try:
        conn = db.reader
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        assert revision == head_revision()
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert len(db.meta("device_id") or "") == 36
    finally:
        db.close()


def test_device_id_is_stable_across_opens(tmp_path):
    path = tmp_path / "desk.db"
    first = open_database(path)
    device = first.meta("device_id")
    first.close()
    again = open_database(path)
    assert again.meta("device_id") == device
    again.close()


def test_engine_connections_enforce_foreign_keys(tmp_path):
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    db = open_database(tmp_path / "desk.db")
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        with pytest.raises(IntegrityError):
            conn.execute(
                text(
                    "INSERT INTO contact (id, customer_id, name, created_at, updated_at) "
                    "VALUES ('c1', 'no-such-customer', 'x', 'n', 'n')"
                )
            )
    db.close()


def test_garbage_file_is_reported_and_left_untouched(tmp_path):
    path = tmp_path / "desk.db"
    path.write_bytes(b"this is no database at all" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseCorrupt) as info:
        open_database(path)
    assert str(path) in info.value.render()
    assert path.read_bytes() == before


def test_truncated_database_is_reported_as_corrupt(tmp_path):
    path = tmp_path / "desk.db"
    open_database(path).close()
    with sqlite3.connect(path) as conn:  # fold the WAL into the main file
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3] + b"\x00" * 100)
    with pytest.raises(DatabaseCorrupt):
        db = open_database(path)
        db.reader.execute("SELECT count(*) FROM customer").fetchone()


def test_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "desk.db"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DatabaseTooNew) as info:
        open_database(path)
    assert "9999" in info.value.render()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "9999"


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file_is_reported(tmp_path):
    path = tmp_path / "desk.db"
    open_database(path).close()
    path.chmod(stat.S_IRUSR)
    with pytest.raises(DatabaseReadOnly):
        open_database(path)


def test_read_only_folder_is_reported(tmp_path, monkeypatch):
    path = tmp_path / "desk.db"
    open_database(path).close()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
    )
    with pytest.raises(DatabaseReadOnly):
        open_database(path)


def test_locked_database_is_reported(tmp_path):
    path = tmp_path / "desk.db"
    open_database(path, upgrade=True).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLocked):
            db = open_database(path)
            db.reader.execute("SELECT count(*) FROM customer").fetchone()
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_older_database_without_upgrade_is_refused(tmp_path):
    from erpdesk.storage.database import migrate

    path = tmp_path / "desk.db"
    sqlite3.connect(path).close()
    migrate(path, known_revisions()[0])
    with pytest.raises(DatabaseNeedsUpgrade):
        open_database(path, upgrade=False)


def test_backup_is_a_consistent_copy_and_never_half_written(tmp_path):
    path = tmp_path / "desk.db"
    db = open_database(path)
    db.reader.execute("INSERT INTO meta (key, value) VALUES ('probe', 'yes')")
    target = backup(path, tmp_path / "copy.db")
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key='probe'").fetchone()[0] == "yes"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    db.close()


def test_concurrent_reader_does_not_block_open(tmp_path):
    path = tmp_path / "desk.db"
    open_database(path).close()
    reader = sqlite3.connect(path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM customer").fetchone()
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(open_database(path)))
    thread.start()
    thread.join(10)
    reader.close()
    assert result and result[0].path == path.resolve()
    result[0].close()


# -- whose file: ERPDesk's application id ---------------------------------------


def _files(folder):
    """Every file in *folder* with its content's hash (a -shm file, SQLite's
    volatile index of a -wal that any reader rebuilds, only by name)."""
    import hashlib

    return {
        p.name: "" if p.name.endswith("-shm") else hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.iterdir()
    }


def test_a_new_database_is_marked_as_erpdesks(tmp_path):
    from erpdesk.storage.database import APPLICATION_ID

    path = tmp_path / "desk.db"
    open_database(path).close()
    assert int.from_bytes(b"ERPD", "big") == APPLICATION_ID
    assert path.read_bytes()[68:72] == b"ERPD"  # in the header, readable without SQLite
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == int(head_revision())
    finally:
        conn.close()


def test_a_desk_database_from_before_the_mark_is_adopted_and_marked(tmp_path):
    from erpdesk.storage.database import APPLICATION_ID, migrate

    path = tmp_path / "desk.db"
    sqlite3.connect(path).close()
    migrate(path, known_revisions()[0])  # as an older ERPDesk made it: no id
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO meta (key, value) VALUES ('device_id', 'old-device')")
    conn.commit()
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0
    conn.close()
    db = open_database(path)
    try:
        assert db.meta("device_id") == "old-device"
        assert db.reader.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        db.close()


def test_an_empty_sqlite_file_becomes_a_desk_database(tmp_path):
    path = tmp_path / "desk.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE scratch (x)")
    conn.execute("DROP TABLE scratch")
    conn.close()
    assert path.stat().st_size > 0
    db = open_database(path)
    try:
        assert db.meta("device_id")
    finally:
        db.close()


def _other_tables(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.com')")
    conn.commit()
    conn.close()


def _another_application_id(path):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1195725856")  # "GPKG"
    conn.close()


def _another_alembic_app(path):
    conn = sqlite3.connect(path)
    for table in (
        "alembic_version (version_num)",
        "customer (id)",
        "meta (k)",
        "outbox (x)",
        "contact (x)",
        "activity (x)",
    ):
        conn.execute(f"CREATE TABLE {table}")
    conn.execute("INSERT INTO alembic_version VALUES ('ae1027a6acf')")
    conn.commit()
    conn.close()


def _wal_with_a_hot_log(path):
    """Another program's WAL database whose program died: its -wal holds
    committed rows not yet in the file."""
    import subprocess
    import sys

    code = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA journal_mode = WAL')\n"
        "c.execute('CREATE TABLE notes (body TEXT)')\n"
        "c.execute(\"INSERT INTO notes VALUES ('kept')\")\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60)
    assert path.with_name(path.name + "-wal").stat().st_size > 0


@pytest.mark.parametrize(
    "make", [_other_tables, _another_application_id, _another_alembic_app, _wal_with_a_hot_log]
)
def test_another_programs_file_is_refused_untouched(tmp_path, make):
    from erpdesk.domain.errors import DatabaseForeign

    path = tmp_path / "their.db"
    make(path)
    before = _files(tmp_path)
    with pytest.raises(DatabaseForeign) as info:
        open_database(path)
    message = info.value.render()
    assert str(path) in message and "\n" not in message
    assert "not an ERPDesk database" in message
    assert _files(tmp_path) == before  # byte for byte, and no file added beside it


def test_an_unmarked_desk_file_of_an_unknown_revision_is_too_new(tmp_path):
    from erpdesk.storage.database import migrate

    path = tmp_path / "desk.db"
    sqlite3.connect(path).close()
    migrate(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 0")
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = _files(tmp_path)
    with pytest.raises(DatabaseTooNew):
        open_database(path)
    assert _files(tmp_path) == before
