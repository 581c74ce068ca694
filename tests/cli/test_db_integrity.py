"""The command line on damaged and foreign database files: one line, a
non-zero exit, nothing written; ``db check``, ``db backup`` beside the file
and ``db restore``.  Real files, damaged in the test."""

from __future__ import annotations

import hashlib
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from erpdesk.app import open_desk
from erpdesk.cli.main import main
from erpdesk.storage.queries import CustomerQueries

ROOT = Path(__file__).resolve().parents[2]
GOOD = (
    "客户名称,电话,客户来源,联系人,联系人手机\r\n"
    "浪潮电子信息产业股份有限公司,0531-85106000,电话,王建国,13812345678\r\n"
)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--lang", "en"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("erpdesk: ")
    assert "Traceback" not in err
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def root_page(path: Path, name: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(
            conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
        )
    finally:
        conn.close()


def damage(path: Path, name: str) -> None:
    """Overwrite the root page of the table or index *name* with random bytes."""
    offset = (root_page(path, name) - 1) * 4096
    with path.open("r+b") as handle:
        handle.seek(offset)
        handle.write(random.Random(3).randbytes(4096))


@pytest.fixture
def db(tmp_path, capsys) -> Path:
    """A closed desk database with 30 demo customers."""
    path = tmp_path / "desk.db"
    code, _, err = run(capsys, "demo", "--customers", "30", "--db", str(path))
    assert code == 0, err
    assert not Path(f"{path}-wal").exists()
    return path


def count_plan_index(path: Path) -> str:
    """The index SQLite reads to count live customers (``db info``'s totals)."""
    conn = sqlite3.connect(path)
    try:
        plan = " ".join(
            str(row[3])
            for row in conn.execute(
                "EXPLAIN QUERY PLAN SELECT count(*) FROM customer WHERE deleted = 0"
            )
        )
    finally:
        conn.close()
    return plan.split("USING COVERING INDEX ")[1].split()[0]


def test_db_info_on_a_damaged_file_is_one_line(capsys, db):
    damage(db, count_plan_index(db))  # the counts read it; opening does not
    code, _out, err = run(capsys, "db", "info", "--db", str(db))
    assert code == 1
    assert "is damaged" in one_line_error(err) and str(db) in err


def test_an_import_into_a_damaged_file_fails_and_writes_nothing(capsys, db, tmp_path):
    damage(db, "activity")  # an import never reads activities
    before = digest(db)
    source = tmp_path / "in.csv"
    source.write_text(GOOD, encoding="utf-8")
    code, out, err = run(capsys, "import", "customers", str(source), "--db", str(db))
    assert code == 1
    assert "is damaged" in one_line_error(err)
    assert "Imported" not in out
    assert digest(db) == before


def test_db_check(capsys, db):
    code, out, err = run(capsys, "db", "check", "--db", str(db))
    assert (code, err) == (0, "")
    assert "is sound" in out and "integrity check" in out
    code, out, _ = run(capsys, "db", "check", "--quick", "--db", str(db))
    assert code == 0 and "quick check" in out
    before = digest(db)
    damage(db, "activity")
    damaged = digest(db)
    code, out, err = run(capsys, "db", "check", "--db", str(db))
    assert code == 1
    line = one_line_error(err)
    assert "is damaged" in line and "erpdesk db restore" in line
    assert digest(db) == damaged != before


def test_backup_beside_the_file_then_restore_after_damage(capsys, db):
    code, out, err = run(capsys, "db", "backup", "--db", str(db))
    assert code == 0, err
    backups = list(db.parent.glob("desk.db.backup-*.bak"))
    assert len(backups) == 1 and str(backups[0]) in out
    code, out, err = run(capsys, "db", "restore", "--db", str(db))
    assert code == 2 and "is sound" in one_line_error(err)  # nothing to restore
    damage(db, "customer")
    damaged = digest(db)
    code, out, err = run(capsys, "db", "restore", "--db", str(db))
    assert code == 0, err
    assert str(backups[0]) in out
    [aside] = db.parent.glob("desk.db.damaged-*")
    assert digest(aside) == damaged
    assert run(capsys, "db", "check", "--db", str(db))[0] == 0
    desk = open_desk(db, upgrade=False)
    try:
        assert CustomerQueries(desk.db.reader).totals()["customers"] == 30
    finally:
        desk.close()


def test_restore_without_a_backup_says_how(capsys, db):
    damage(db, "customer")
    code, _out, err = run(capsys, "db", "restore", "--db", str(db))
    assert code == 2
    assert "db restore FILE" in one_line_error(err)


def test_a_damaged_file_is_not_backed_up(capsys, db, tmp_path):
    damage(db, "activity")
    code, _out, err = run(capsys, "db", "backup", str(tmp_path / "copy.db"), "--db", str(db))
    assert code == 1 and "is damaged" in one_line_error(err)
    assert not (tmp_path / "copy.db").exists()


@pytest.mark.parametrize(
    "command",
    [
        ("db", "info"),
        ("db", "check"),
        ("db", "upgrade"),
        ("demo", "--customers", "3"),
        ("import", "customers", "IN"),
        ("export", "customers", "OUT"),
    ],
)
def test_any_command_on_another_programs_file_is_refused_untouched(capsys, tmp_path, command):
    path = tmp_path / "places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.com')")
    conn.commit()
    conn.close()
    source = tmp_path / "in.csv"
    source.write_text(GOOD, encoding="utf-8")
    argv = [{"IN": str(source), "OUT": str(tmp_path / "out.csv")}.get(a, a) for a in command]
    before = digest(path)
    code, _out, err = run(capsys, *argv, "--db", str(path))
    assert code != 0
    line = one_line_error(err)
    assert "not an ERPDesk database" in line and str(path) in line
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "places.sqlite"]


def test_the_real_program_on_a_damaged_file(db):
    damage(db, count_plan_index(db))
    result = subprocess.run(
        [sys.executable, "-m", "erpdesk.cli.main", "db", "info", "--db", str(db), "--lang", "en"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "is damaged" in one_line_error(result.stderr)
