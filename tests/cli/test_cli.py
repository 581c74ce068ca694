"""The ``erpdesk`` sub-commands, in process (``main([...])``) and as a real
program, on real database files."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from erpdesk.app import open_desk
from erpdesk.cli.main import main
from erpdesk.storage.database import head_revision, migrate
from erpdesk.storage.queries import CustomerQueries

ROOT = Path(__file__).resolve().parents[2]
GOOD = (
    "客户名称,电话,客户来源,联系人,联系人手机\r\n"
    "浪潮电子信息产业股份有限公司,0531-85106000,电话,王建国,13812345678\r\n"
)
BAD_ROW = "坏公司,abc,火星,,\r\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def totals(path: Path) -> dict[str, int]:
    desk = open_desk(path, upgrade=False)
    try:
        return CustomerQueries(desk.db.reader).totals()
    finally:
        desk.close()


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "desk.db"


def test_demo_adds_data_and_prints_a_summary(capsys, db):
    code, out, err = run(capsys, "demo", "--customers", "40", "--seed", "7", "--db", str(db),
                         "--lang", "en")
    assert code == 0, err
    assert f"Created the demo database {db}: 40 customers with 120 contacts and 200 " in out
    assert "40/40" in err  # the progress bar's last line
    assert totals(db) == {"customers": 40, "contacts": 120, "activities": 200, "outbox": 0}
    code, out, err = run(capsys, "demo", "--customers", "2", "--db", str(db), "--lang", "en")
    assert code == 0 and "Added 2 demo customers with 6 contacts and 10 activities" in out


def test_options_before_the_command_are_kept(capsys, db):
    code, out, _ = run(capsys, "--db", str(db), "--lang", "zh_CN", "demo", "--customers", "3")
    assert code == 0
    assert totals(db)["customers"] == 3
    assert "演示" in out  # the summary in zh_CN


@pytest.mark.parametrize("count", ["0", "-3", "1000001"])
def test_demo_refuses_silly_sizes(capsys, db, count):
    code, _, err = run(capsys, "demo", "--customers", count, "--db", str(db), "--lang", "en")
    assert code == 2
    assert err.count("\n") == 1 and "between 1 and 1,000,000" in err
    assert not db.exists()


def test_import_json_exact_shape_and_exit_codes(capsys, db, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8")
    code, out, _ = run(capsys, "import", "customers", str(good), "--json", "--db", str(db))
    assert code == 0
    data = json.loads(out)
    assert {"imported", "duplicates", "rejected"} <= set(data)
    assert (data["imported"], data["duplicates"], data["rejected"]) == (1, [], [])

    # again: a duplicate, skipped; still exit 0
    code, out, _ = run(capsys, "import", "customers", str(good), "--json", "--db", str(db))
    data = json.loads(out)
    assert code == 0 and data["imported"] == 0
    assert data["duplicates"][0]["row"] == 2


def test_import_with_rejected_rows_writes_nothing_exit_1(capsys, db, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(GOOD.replace("浪潮", "新浪潮") + BAD_ROW, encoding="gbk")
    before = None
    code, out, _ = run(capsys, "import", "customers", str(bad), "--json", "--db", str(db),
                       "--lang", "zh_CN")
    before = totals(db)
    assert code == 1
    data = json.loads(out)
    assert data["imported"] == 0
    (rejected,) = data["rejected"]
    assert rejected["row"] == 3
    reasons = rejected["reasons"]
    assert len(reasons) == 3  # name too short, phone, source
    assert all(not r.isascii() for r in reasons)
    assert any("火星" in r and "不是" in r for r in reasons)  # translated (Transfer)
    assert before == {"customers": 0, "contacts": 0, "activities": 0, "outbox": 0}

    code, out, _ = run(capsys, "import", "customers", str(bad), "--partial", "--db", str(db),
                       "--lang", "en")
    assert code == 1
    assert "Row 3 (坏公司)" in out and "Imported 1 new customers" in out
    assert totals(db)["customers"] == 1


def test_import_merge_from_the_command_line(capsys, db, tmp_path):
    first = tmp_path / "first.csv"
    first.write_text("客户名称\r\n浪潮电子信息产业股份有限公司\r\n", encoding="utf-8")
    assert run(capsys, "import", "customers", str(first), "--db", str(db))[0] == 0
    second = tmp_path / "second.csv"
    second.write_text(GOOD, encoding="utf-8-sig")
    code, out, _ = run(capsys, "import", "customers", str(second), "--on-duplicate", "merge",
                       "--json", "--db", str(db))
    assert code == 0 and json.loads(out)["merged"] == 1
    assert totals(db)["contacts"] == 1


def test_import_merge_never_writes_into_a_company_with_another_code(capsys, db, tmp_path):
    # The row, on demo data: it went into 安徽科康… (another code).
    run(capsys, "demo", "--customers", "200", "--db", str(db))
    known = tmp_path / "known.csv"
    known.write_text(
        "客户名称,统一社会信用代码\r\n"
        "安徽科康医药连锁股份有限公司,91340100MA2N0K1R5X\r\n"
        "浪潮电子信息产业股份有限公司,91370000163446410B\r\n", encoding="utf-8")
    assert run(capsys, "import", "customers", str(known), "--db", str(db))[0] == 0
    before = {r["name"]: r for r in _rows(db, "customer")}
    rows = tmp_path / "x.csv"
    rows.write_text(
        "客户名称,统一社会信用代码,网址,联系人,联系人手机\r\n"
        "上海科康医药连锁股份有限公司,91310115MA1K4Q8P3X,www.shkekang.com,上海老王,13916001234\r\n"
        "浪潮电子信息产业有限公司,91370100MA3C8N2K4N,www.lc.com,老李,13916001235\r\n",
        encoding="utf-8")
    code, out, _ = run(capsys, "import", "customers", str(rows), "--on-duplicate", "merge",
                       "--db", str(db), "--lang", "en")
    assert code == 0
    assert "Imported 2 new customers" in out and "merged 0 rows" in out
    assert (
        "Row 3 (浪潮电子信息产业有限公司) has the same name as 浪潮电子信息产业股份有限公司 "
        "but another credit code (91370000163446410B); imported as another company"
    ) in out
    after = {r["name"]: r for r in _rows(db, "customer")}
    for name in ("安徽科康医药连锁股份有限公司", "浪潮电子信息产业股份有限公司"):
        assert after[name] == before[name]  # nothing written into them
    assert after["上海科康医药连锁股份有限公司"]["website"] == "www.shkekang.com"
    contacts = {r["name"]: r["customer_id"] for r in _rows(db, "contact")}
    assert contacts["上海老王"] == after["上海科康医药连锁股份有限公司"]["id"]
    assert contacts["老李"] == after["浪潮电子信息产业有限公司"]["id"]


def _rows(path: Path, table: str) -> list[dict]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(f"SELECT * FROM {table}")]
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"", "is empty"), (b"\x00\x01\x02garbage" * 50, "not a CSV or XLSX")],
)
def test_import_of_an_unreadable_file_exits_2(capsys, db, tmp_path, content, expected):
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    code, out, err = run(capsys, "import", "customers", str(path), "--db", str(db), "--lang",
                         "en")
    assert code == 2 and out == ""
    assert err.startswith("erpdesk: ") and err.count("\n") == 1 and expected in err


def test_import_usage_errors_exit_2(capsys, db):
    with pytest.raises(SystemExit) as caught:
        main(["import", "customers"])
    assert caught.value.code == 2
    with pytest.raises(SystemExit) as caught:
        main(["import", "customers", "x.csv", "--on-duplicate", "overwrite"])
    assert caught.value.code == 2
    capsys.readouterr()


def test_export_then_refuse_to_overwrite(capsys, db, tmp_path):
    run(capsys, "demo", "--customers", "25", "--db", str(db))
    target = tmp_path / "out.xlsx"
    code, out, _ = run(capsys, "export", "customers", str(target), "--db", str(db),
                       "--lang", "en")
    assert code == 0 and "Exported 25 customers" in out and target.stat().st_size > 0
    code, _, err = run(capsys, "export", "customers", str(target), "--db", str(db),
                       "--lang", "en")
    assert code == 2 and "--force" in err
    assert run(capsys, "export", "customers", str(target), "--force", "--db", str(db))[0] == 0
    code, _, err = run(capsys, "export", "customers", str(tmp_path / "x.txt"), "--db", str(db),
                       "--lang", "en")
    assert code == 2 and ".csv or .xlsx" in err


def test_db_backup_is_a_database_with_the_same_counts(capsys, db, tmp_path):
    run(capsys, "demo", "--customers", "30", "--db", str(db))
    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8")
    run(capsys, "import", "customers", str(good), "--db", str(db))  # outbox ops too
    copy = tmp_path / "copy.db"
    code, out, _ = run(capsys, "db", "backup", str(copy), "--db", str(db), "--lang", "en")
    assert code == 0
    assert "31 customers" in out
    assert totals(copy) == totals(db)
    assert totals(copy)["outbox"] == 2
    code, _, err = run(capsys, "db", "backup", str(copy), "--db", str(db), "--lang", "en")
    assert code == 2 and "already exists" in err
    assert run(capsys, "db", "backup", str(copy), "--force", "--db", str(db))[0] == 0
    code, _, err = run(capsys, "db", "backup", str(db), "--force", "--db", str(db))
    assert code == 2


def test_db_info_and_upgrade(capsys, db, tmp_path):
    run(capsys, "demo", "--customers", "5", "--db", str(db))
    code, out, _ = run(capsys, "db", "info", "--json", "--db", str(db))
    facts = json.loads(out)
    assert code == 0 and facts["customers"] == 5 and facts["revision"] == head_revision()
    code, out, _ = run(capsys, "db", "upgrade", "--db", str(db), "--lang", "en")
    assert code == 0 and "up to date" in out

    old = tmp_path / "old.db"
    migrate(old, "0001")
    code, out, _ = run(capsys, "db", "info", "--db", str(old), "--lang", "en")
    assert code == 0 and "Schema: 0001" in out and "erpdesk db upgrade" in out
    code, out, _ = run(capsys, "db", "upgrade", "--db", str(old), "--lang", "en")
    assert code == 0
    assert f"from schema 0001 to {head_revision()}" in out
    backups = list(tmp_path.glob("old.db.before-*.bak"))
    assert len(backups) == 1 and str(backups[0]) in out
    code, _, err = run(capsys, "db", "info", "--db", str(tmp_path / "none.db"), "--lang", "en")
    assert code == 2 and "no database" in err


def test_a_garbage_file_as_database(capsys, tmp_path):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database, just text\n" * 100)
    for argv in (["demo", "--customers", "1"], ["db", "info"], ["db", "backup",
                                                                 str(tmp_path / "b.db")]):
        code, _, err = run(capsys, *argv, "--db", str(garbage), "--lang", "en")
        assert code == 1, argv
        assert err.startswith("erpdesk: ") and err.count("\n") == 1
        assert "not a readable ERPDesk database" in err
    assert garbage.read_bytes().startswith(b"this is not")
    assert not (tmp_path / "b.db").exists()


def test_a_database_from_a_newer_erpdesk(capsys, db):
    open_desk(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    code, _, err = run(capsys, "demo", "--customers", "1", "--db", str(db), "--lang", "en")
    assert code == 1 and "newer ERPDesk" in err and err.count("\n") == 1


def test_a_locked_database(capsys, db):
    open_desk(db).close()
    other = sqlite3.connect(db, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        code, _, err = run(capsys, "demo", "--customers", "1", "--db", str(db), "--lang", "en")
    finally:
        other.rollback()
        other.close()
    assert code == 1 and "in use by another program" in err and err.count("\n") == 1


@pytest.fixture
def read_only_db(tmp_path):
    """A database file nobody may write: mode 0444, and for root (whom file
    modes do not stop) the immutable attribute as well."""
    path = tmp_path / "ro.db"
    open_desk(path).close()
    path.chmod(0o444)
    immutable = False
    if os.geteuid() == 0:
        chattr = shutil.which("chattr")
        if chattr is None:
            pytest.skip("root ignores file modes and chattr is not available")
        done = subprocess.run([chattr, "+i", str(path)], capture_output=True, check=False)
        if done.returncode != 0:
            pytest.skip(f"cannot make the file immutable: {done.stderr!r}")
        immutable = True
    try:
        yield path
    finally:
        if immutable:
            subprocess.run([shutil.which("chattr"), "-i", str(path)], check=False)
        path.chmod(0o644)


def test_a_read_only_database(capsys, read_only_db):
    before = read_only_db.read_bytes()
    for argv in (["demo", "--customers", "2"], ["db", "upgrade"]):
        code, _, err = run(capsys, *argv, "--db", str(read_only_db), "--lang", "en")
        assert code == 1, argv
        assert err.startswith("erpdesk: ") and err.count("\n") == 1
        assert "read-only" in err
    assert read_only_db.read_bytes() == before


def _program(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ERPDESK_LANG": "en", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "erpdesk.cli.main", *argv], capture_output=True, text=True,
        env=env, cwd=ROOT, timeout=120, check=False,
    )


def test_the_real_program_help_and_import_json(tmp_path):
    done = _program("--help")
    assert done.returncode == 0
    for command in ("demo", "import", "export", "db"):
        assert command in done.stdout
    done = _program("import", "customers", "--help")
    assert done.returncode == 0 and "--on-duplicate" in done.stdout

    good = tmp_path / "good.csv"
    good.write_text(GOOD + BAD_ROW, encoding="utf-8")
    db = tmp_path / "desk.db"
    done = _program("import", "customers", str(good), "--json", "--db", str(db))
    assert done.returncode == 1, done.stderr
    data = json.loads(done.stdout)
    assert data["imported"] == 0 and data["rejected"][0]["row"] == 3
    done = _program("import", "customers", str(good), "--json", "--partial", "--db", str(db))
    assert done.returncode == 1 and json.loads(done.stdout)["imported"] == 1


def test_window_options_parse_the_same_without_the_command_parsers():
    from erpdesk.cli.main import _window_only, build_parser

    argv = ["--db", "x.db", "--lang=en", "--screenshot", "s.png", "--view", "editor"]
    assert _window_only(argv)
    assert vars(build_parser(commands=False).parse_args(argv)) == vars(
        build_parser().parse_args(argv)
    )
    for argv in (["demo"], ["--db", "x.db", "db", "upgrade"], ["--help"], ["stray"]):
        assert not _window_only(argv)


def _start(*argv: str) -> subprocess.Popen[str]:
    env = {**os.environ, "ERPDESK_LANG": "en", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "erpdesk.cli.main", *argv], stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )


def _kill_when(process: subprocess.Popen[str], writing) -> None:
    """SIGKILL *process* as soon as ``writing()`` says it is writing."""
    deadline = time.monotonic() + 60
    try:
        while not writing():
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.01)
    finally:
        process.kill()
        process.communicate()
    assert process.returncode == -signal.SIGKILL


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_demo_killed_while_it_writes_leaves_no_database_and_the_next_run_makes_it(
    tmp_path, capsys
):
    db = tmp_path / "demo.db"
    demo = _start("demo", "--customers", "50000", "--contacts-per-customer", "0",
                  "--activities-per-customer", "0", "--db", str(db))

    def writing() -> bool:  # demo rows committed into the partial file's log
        logs = list(tmp_path.glob(".demo.db.*.demo-partial-wal"))
        return bool(logs) and logs[0].stat().st_size > 1_000_000

    _kill_when(demo, writing)
    assert not db.exists()  # absent, not an empty or partial database
    code, out, _ = run(capsys, "demo", "--customers", "40", "--db", str(db), "--lang", "en")
    assert code == 0 and "Created the demo database" in out
    assert totals(db)["customers"] == 40
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db"]  # the leftovers went


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_demo_killed_while_it_adds_to_a_database_adds_nothing(tmp_path, capsys):
    db = tmp_path / "desk.db"
    run(capsys, "demo", "--customers", "7", "--db", str(db))
    wal = db.with_name("desk.db-wal")
    demo = _start("demo", "--customers", "50000", "--contacts-per-customer", "0",
                  "--activities-per-customer", "0", "--db", str(db))
    # more than a batch (5,000 customers, ~6 MB) written: one transaction for all
    _kill_when(demo, lambda: wal.exists() and wal.stat().st_size > 8_000_000)
    assert totals(db)["customers"] == 7


def test_demo_exactly_gives_the_number_asked_for(capsys, tmp_path):
    db = tmp_path / "demo.db"
    code, out, _ = run(capsys, "demo", "--customers", "10", "--exactly", "--db", str(db),
                       "--lang", "en")
    assert code == 0 and "Created the demo database" in out and totals(db)["customers"] == 10
    code, out, _ = run(capsys, "demo", "--customers", "25", "--exactly", "--db", str(db),
                       "--lang", "en")
    assert code == 0 and "Replaced" in out and totals(db)["customers"] == 25
    before = db.read_bytes()
    code, out, _ = run(capsys, "demo", "--customers", "25", "--exactly", "--db", str(db),
                       "--lang", "en")
    assert code == 0 and "already holds 25 customers; it was kept" in out
    assert db.read_bytes() == before
    # without --exactly or --replace, demo customers are added
    run(capsys, "demo", "--customers", "5", "--db", str(db))
    assert totals(db)["customers"] == 30


def test_demo_replace_refuses_a_database_with_work_not_synced(capsys, tmp_path, db):
    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8")
    run(capsys, "import", "customers", str(good), "--db", str(db))
    for option in ("--replace", "--exactly"):
        code, _, err = run(capsys, "demo", "--customers", "5", option, "--db", str(db),
                           "--lang", "en")
        assert code == 1 and "holds 2 changes not yet synced" in err and "not replaced" in err
        assert totals(db)["customers"] == 1


def test_demo_as_a_consultant_or_lead_sets_whom_the_desk_acts_as(capsys, db):
    code, out, err = run(capsys, "demo", "--customers", "5", "--db", str(db), "--lang", "en",
                         "--as", "lead")  # fmt: skip
    assert code == 0, err
    assert "The desk acts as 售前-周敏 (presales lead)" in out
    desk = open_desk(db)
    try:
        actor = desk.presales.actor()
        assert (actor.name, actor.role, actor.lead) == ("售前-周敏", "presales", True)
    finally:
        desk.close()
    code, out, _ = run(capsys, "demo", "--customers", "5", "--db", str(db), "--exactly",
                       "--as", "consultant", "--lang", "en")  # fmt: skip
    assert code == 0 and "(presales consultant)" in out
    desk = open_desk(db)
    try:
        assert desk.presales.actor().lead is False
    finally:
        desk.close()


def test_a_reader_that_goes_away_stops_the_command_quietly(tmp_path):
    import subprocess

    db = tmp_path / "desk.db"  # more requests than a pipe holds (64 KB): the writer meets EPIPE
    assert main(["demo", "--customers", "2000", "--deals", "600", "--db", str(db)]) == 0
    done = subprocess.run(
        f'"{sys.executable}" -m erpdesk.cli.main --db "{db}" --lang en presales list --json'
        " | head -1",
        shell=True, capture_output=True, text=True, timeout=120,
    )
    assert done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
