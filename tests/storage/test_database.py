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
