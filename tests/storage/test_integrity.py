"""Damaged desk databases: recognised on open after an unclean shutdown, on
any read or write that meets the damage, and before the first write of an
opening; nothing is written into them; backups are checked and restored.

Every database here is a real file, damaged in the test by overwriting bytes.
"""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from erpdesk.domain.customer import Activity, ActivityKind, Contact, Customer
from erpdesk.domain.errors import DatabaseCorrupt, DatabaseDamaged, DatabaseForeign
from erpdesk.storage.database import (
    backup,
    check_database,
    classify,
    find_backups,
    open_database,
    restore_backup,
)
from erpdesk.storage.queries import CustomerCriteria, CustomerQueries
from erpdesk.storage.uow import UnitOfWork

ROOT = Path(__file__).resolve().parents[2]
MIB = 1 << 20


def build(path: Path, customers: int = 40, text: int = 40) -> Path:
    """A closed desk database with customers, two contacts and three
    activities each (*text* characters of summary per activity)."""
    db = open_database(path)
    try:
        with UnitOfWork(db) as uow:
            for i in range(customers):
                customer = Customer(name=f"测试{i:05d}号机械有限公司", phone="0531-85106000")
                contacts = [
                    Contact(customer_id=customer.id, name=f"联系人{i}-{k}", mobile="13800138000")
                    for k in range(2)
                ]
                uow.customers.add(customer, contacts)
                for contact in contacts:
                    uow.contacts.add(contact)
                for k in range(3):
                    uow.activities.add(
                        Activity(
                            customer_id=customer.id,
                            kind=ActivityKind.VISIT,
                            occurred_at=datetime(2024, 1, 1 + k, tzinfo=UTC),
                            summary=f"第{k}次拜访" + "需求调研" * (text // 4),
                        )
                    )
            uow.commit()
    finally:
        db.close()
    assert not Path(f"{path}-wal").exists()  # closed cleanly
    return path


def root_page(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(
            conn.execute(
                "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
            ).fetchone()[0]
        )
    finally:
        conn.close()


def damage(path: Path, offset: int, size: int = 8192, seed: int = 7) -> None:
    """Overwrite *size* bytes at *offset* with random bytes."""
    with path.open("r+b") as handle:
        handle.seek(offset)
        handle.write(random.Random(seed).randbytes(size))


def damage_table(path: Path, table: str) -> None:
    """Overwrite the root page (4 KiB) of *table*: any read of it fails."""
    damage(path, (root_page(path, table) - 1) * 4096, 4096)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leave_unclean(path: Path) -> None:
    """A process that writes and dies without closing: its -wal stays."""
    code = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute(\"INSERT OR REPLACE INTO meta (key, value) VALUES ('probe', 'x')\")\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60)
    assert Path(f"{path}-wal").exists()


# -- recognising damage -------------------------------------------------------


def test_the_issue_case_8_kib_at_1_mib_is_found_by_the_checks(tmp_path):
    path = build(tmp_path / "desk.db", customers=400, text=400)
    assert path.stat().st_size > MIB + 8192
    damage(path, MIB)
    problems = check_database(path, full=True)
    assert problems and problems[0]
    assert check_database(path, full=False)


def test_after_an_unclean_shutdown_the_quick_check_refuses_a_damaged_file(tmp_path):
    path = build(tmp_path / "desk.db")
    damage_table(path, "activity")  # opening alone would never read it
    leave_unclean(path)
    before = digest(path), digest(Path(f"{path}-wal"))
    with pytest.raises(DatabaseDamaged) as info:
        open_database(path)
    assert str(path) in info.value.render()
    assert "\n" not in info.value.render()
    # the log was not folded into the damaged file, nor removed
    assert (digest(path), digest(Path(f"{path}-wal"))) == before


def test_after_an_unclean_shutdown_a_sound_file_opens_and_keeps_its_changes(tmp_path):
    path = build(tmp_path / "desk.db")
    leave_unclean(path)
    db = open_database(path)
    try:
        assert db.meta("probe") == "x"
    finally:
        db.close()


def test_a_clean_start_runs_no_check(tmp_path, monkeypatch):
    from erpdesk.storage import database

    path = build(tmp_path / "desk.db")
    calls: list[Path] = []
    monkeypatch.setattr(database, "file_problems", lambda p, **kw: calls.append(p) or [])
    open_database(path).close()
    assert calls == []


def test_a_read_of_a_damaged_page_is_a_storage_error(tmp_path):
    path = build(tmp_path / "desk.db")
    damage_table(path, "customer")
    db = open_database(path)  # a clean shutdown: opened without a check
    try:
        queries = CustomerQueries(db.reader)
        with pytest.raises(DatabaseDamaged) as info:
            queries.page(CustomerCriteria())
        assert str(path) in info.value.render()
        with pytest.raises(DatabaseDamaged):
            list(queries.identities())
        with pytest.raises(DatabaseDamaged):
            CustomerQueries(db.reader).customers_with_first_contact().__next__()
    finally:
        db.close()


def test_nothing_is_written_into_a_damaged_file(tmp_path):
    path = build(tmp_path / "desk.db")
    damage_table(path, "activity")  # a write of a customer never reads it
    before = digest(path)
    db = open_database(path)
    try:
        with pytest.raises(DatabaseDamaged), UnitOfWork(db) as uow:
            uow.customers.add(Customer(name="新客户有限公司"))
            uow.commit()
        with pytest.raises(DatabaseDamaged):  # and not on a second try either
            UnitOfWork(db).__enter__()
    finally:
        db.close()
    assert digest(path) == before


def test_the_check_before_the_first_write_runs_once(tmp_path, monkeypatch):
    from erpdesk.storage import database

    path = build(tmp_path / "desk.db")
    calls: list[Path] = []
    real = database.file_problems
    monkeypatch.setattr(database, "file_problems", lambda p, **kw: calls.append(p) or real(p))
    db = open_database(path)
    try:
        for _ in range(3):
            with UnitOfWork(db) as uow:
                uow.customers.add(Customer(name=f"新客户{len(calls)}{_}有限公司"))
                uow.commit()
    finally:
        db.close()
    assert calls == [path]


def test_damage_met_by_a_write_refuses_later_writes(tmp_path):
    path = build(tmp_path / "desk.db")
    db = open_database(path)
    try:
        db.verify()  # sound now
        db.mark_damaged("database disk image is malformed")
        with pytest.raises(DatabaseDamaged):
            UnitOfWork(db).__enter__()
    finally:
        db.close()


def test_classify_tells_damage_from_other_failures(tmp_path):
    path = tmp_path / "x.db"
    assert isinstance(
        classify(sqlite3.DatabaseError("database disk image is malformed"), path), DatabaseDamaged
    )
    not_a_db = classify(sqlite3.DatabaseError("file is not a database"), path)
    assert isinstance(not_a_db, DatabaseCorrupt) and not isinstance(not_a_db, DatabaseDamaged)
    assert classify(sqlite3.IntegrityError("UNIQUE constraint failed: customer.id"), path) is None


# -- backups and restoring ------------------------------------------------------


def test_a_damaged_file_is_never_backed_up(tmp_path):
    path = build(tmp_path / "desk.db")
    damage_table(path, "activity")
    target = tmp_path / "copy.db"
    with pytest.raises(DatabaseDamaged):
        backup(path, target)
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_backups_beside_the_file_newest_first_only_ours(tmp_path):
    path = build(tmp_path / "desk.db")
    old = backup(path, tmp_path / "desk.db.before-0002-from-0001-20240101T000000Z.bak")
    new = backup(path, tmp_path / "desk.db.backup-20250101T000000Z.bak")
    os.utime(old, (1_700_000_000, 1_700_000_000))
    (tmp_path / "desk.db.notes.bak").write_text("not a database")
    foreign = sqlite3.connect(tmp_path / "desk.db.other.bak")
    foreign.execute("CREATE TABLE t (x)")
    foreign.close()
    assert find_backups(path) == [new, old]


def test_restoring_keeps_the_damaged_file_and_its_log_aside(tmp_path):
    path = build(tmp_path / "desk.db")
    saved = backup(path, tmp_path / "desk.db.backup-20250101T000000Z.bak")
    damage_table(path, "activity")
    leave_unclean(path)
    damaged, log = digest(path), digest(Path(f"{path}-wal"))
    aside = restore_backup(path, saved)
    assert aside.name.startswith("desk.db.damaged-")
    assert digest(aside) == damaged and digest(Path(f"{aside}-wal")) == log
    assert not Path(f"{path}-wal").exists()
    assert digest(path) == digest(saved)
    db = open_database(path)
    try:
        assert CustomerQueries(db.reader).totals()["customers"] == 40
        assert db.meta("probe") is None  # the backup's state, not the log's
    finally:
        db.close()


def test_a_damaged_backup_is_not_restored(tmp_path):
    path = build(tmp_path / "desk.db")
    saved = backup(path, tmp_path / "desk.db.backup-20250101T000000Z.bak")
    damage_table(saved, "customer")
    before = digest(path)
    with pytest.raises(DatabaseDamaged) as info:
        restore_backup(path, saved)
    assert str(saved) in info.value.render()
    assert digest(path) == before
    assert not list(tmp_path.glob("desk.db.damaged-*"))


def test_another_programs_file_is_not_restored_from(tmp_path):
    path = build(tmp_path / "desk.db")
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE moz_places (id, url)")
    conn.close()
    with pytest.raises(DatabaseForeign):
        restore_backup(path, other)


def test_check_database_of_a_sound_file_writes_nothing(tmp_path):
    path = build(tmp_path / "desk.db")
    before = digest(path)
    assert check_database(path) == []
    assert check_database(path, full=False) == []
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desk.db"]


def test_a_search_index_that_meets_damage_says_so_at_the_next_search(tmp_path):
    """The index loads in a thread: a damaged page must not end it in a
    traceback and leave searches answering from a half-filled index."""
    from erpdesk.storage.search_index import CustomerSearchIndex

    path = build(tmp_path / "desk.db", customers=400)
    damage_table(path, "customer")
    db = open_database(path)
    try:
        index = CustomerSearchIndex(lambda: sqlite3.connect(path))
        queries = CustomerQueries(db.reader, index)
        for _ in range(2):  # and again: the next search tries to load again
            with pytest.raises(DatabaseDamaged):
                queries.page(CustomerCriteria(text="客户"))
    finally:
        db.close()
