"""``erpdesk-registry``: users, settings and schema from the command line."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest
from registry_support import START

from erpdesk.registry.cli import main
from erpdesk.registry.db.database import RegistryDatabase, head_revision


def run(db_url, *args, stdin=""):
    out = io.StringIO()
    code = main([*args, "--db", db_url], stdout=out, stdin=io.StringIO(stdin))
    return code, out.getvalue()


def test_users_are_added_changed_and_disabled(db_url, capsys):
    assert run(db_url, "user", "add", "Zhou", "--role", "admin", "--display-name", "周",
               "--password-stdin", stdin="a-good-password\n") == (0, "added zhou (admin)\n")
    assert run(db_url, "user", "add", "rep1", "--role", "rep", "--team", "east",
               "--password-stdin", stdin="another-password\n")[0] == 0
    code, _ = run(db_url, "user", "add", "rep1", "--role", "rep", "--password-stdin",
                  stdin="another-password\n")
    assert code == 1 and "exists already" in capsys.readouterr().err
    code, _ = run(db_url, "user", "add", "rep2", "--role", "rep", "--password-stdin",
                  stdin="short\n")
    assert code == 1 and "at least 8" in capsys.readouterr().err
    code, _ = run(db_url, "user", "add", "rep2", "--role", "rep")  # no terminal, no stdin flag
    assert code == 1 and "--password-stdin" in capsys.readouterr().err
    assert run(db_url, "user", "role", "rep1", "manager")[0] == 0
    assert run(db_url, "user", "passwd", "rep1", "--password-stdin",
               stdin="changed-password\n")[0] == 0
    assert run(db_url, "user", "disable", "rep1")[0] == 0
    code, listing = run(db_url, "user", "list")
    assert "rep1\tmanager\teast\tRep1 (disabled)" not in listing
    assert "rep1\tmanager\teast\trep1 (disabled)" in listing
    code, _ = run(db_url, "user", "disable", "ghost")
    err = capsys.readouterr().err
    assert code == 1 and err == "erpdesk-registry: User ghost was not found\n"


def test_password_never_comes_from_the_command_line(db_url):
    with pytest.raises(SystemExit) as exc:
        main(["user", "add", "rep1", "--role", "rep", "--password", "x", "--db", db_url])
    assert exc.value.code == 2


def test_settings_are_shown_set_and_checked(db_url, capsys):
    code, shown = run(db_url, "settings")
    assert code == 0 and "protection_days = 90 (default)" in shown
    code, shown = run(db_url, "settings", "protection_days", "60")
    assert code == 0 and "protection_days = 60\t" in shown
    for key, value, reason in (
        ("protection_days", "abc", "must be a whole number"),
        ("protection_max_days", "30", "at least protection_days"),
        ("similarity_threshold", "60", "between 70 and 100"),
        ("nonsense", "1", "Unknown setting"),
    ):
        code, _ = run(db_url, "settings", key, value)
        err = capsys.readouterr().err
        assert code == 1 and reason in err and err.count("\n") == 1
    db = RegistryDatabase(db_url)
    try:
        from erpdesk.registry.policy import load_policy

        with db.read() as conn:
            assert load_policy(conn).protection_days == 60
    finally:
        db.dispose()


def test_db_upgrade_creates_a_new_sqlite_database(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    head = head_revision()
    migrated = f"migrated the empty database to schema {head}\n"
    assert run(url, "db", "upgrade") == (0, migrated)
    assert run(url, "db", "upgrade") == (0, f"the database is already at schema {head}\n")
    code, _ = run("mysql://nowhere/x", "db", "upgrade")
    assert code == 2 and "unsupported database URL" in capsys.readouterr().err


def test_serve_refuses_a_bad_worker_or_thread_count_before_starting(db_url, capsys):
    for args, reason in ((("--threads", "0"), "--threads must be at least 1"),
                         (("--workers", "0"), "--workers must be at least 1"),
                         (("--trusted-proxy", "*"), "IP address or network"),
                         (("--trusted-proxy", "proxy.internal"), "IP address or network")):
        code, _ = run(db_url, "serve", *args)
        assert code == 2 and reason in capsys.readouterr().err


def test_requests_per_worker_come_from_the_environment():
    from erpdesk.registry.config import DEFAULT_THREADS, ENV_THREADS, ConfigError, load_config

    assert load_config("x.db", env={}).request_threads == DEFAULT_THREADS
    assert load_config("x.db", env={ENV_THREADS: "2"}).request_threads == 2
    for bad in ("0", "many"):
        with pytest.raises(ConfigError, match=ENV_THREADS):
            load_config("x.db", env={ENV_THREADS: bad})


# -- throttles, closed pipes, a missing extra (issue 9) ----------------------------------

ENTRY = "from erpdesk.registry.cli import main; raise SystemExit(main())"


def test_throttles_are_listed_and_cleared(db_url, capsys):
    from sqlalchemy import select

    from erpdesk.registry.config import system_clock
    from erpdesk.registry.db.schema import audit_log
    from erpdesk.registry.throttle import reserve

    db = RegistryDatabase(db_url)
    try:
        now = system_clock()  # the command line judges on the real clock
        with db.write() as conn:
            for _ in range(8):
                reserve(conn, "rep1", "198.51.100.66", now)
            reserve(conn, "rep1", "203.0.113.5", now)
            reserve(conn, "rep2\x1b[2J", "198.51.100.66", now)
        code, listing = run(db_url, "throttle", "list")
        assert code == 0
        lines = listing.splitlines()
        assert len(lines) == 3
        assert re.fullmatch(r"rep1\t198\.51\.100\.66\t8 failed, last \S+Z\theld (3\d|40) s",
                            lines[0]), lines[0]
        assert lines[1].startswith("rep1\t203.0.113.5\t1 failed, last ")
        assert lines[1].endswith("\tnot held")
        assert lines[2].startswith("'rep2\\x1b[2J'\t198.51.100.66\t")  # escaped, not acted on
        assert run(db_url, "throttle", "clear", "--user", "REP1", "--client", "198.51.100.66") == (
            0, "Forgot 8 failed sign-ins\n")
        assert run(db_url, "throttle", "clear", "--client", "198.51.100.66") == (
            0, "Forgot 1 failed sign-ins\n")
        code, listing = run(db_url, "throttle", "list")
        assert listing.startswith("rep1\t203.0.113.5\t") and listing.count("\n") == 1
        assert run(db_url, "throttle", "clear") == (0, "Forgot 1 failed sign-ins\n")
        assert run(db_url, "throttle", "list") == (0, "No failed sign-ins are remembered\n")
        with db.read() as conn:
            cleared = conn.execute(
                select(audit_log.c.after).where(audit_log.c.action == "login.throttle_clear")
            ).scalars().all()
        assert [c["failures"] for c in cleared] == [8, 1, 1]
        assert cleared[0]["username"] == "rep1" and cleared[0]["client"] == "198.51.100.66"
    finally:
        db.dispose()
    assert capsys.readouterr().err == ""


def test_the_ceilings_reached_are_listed(db_url):
    from erpdesk.registry.config import system_clock
    from erpdesk.registry.throttle import reserve

    db = RegistryDatabase(db_url)
    try:
        now = system_clock()
        with db.write() as conn:
            for i in range(50):
                reserve(conn, "admin", f"198.51.100.{i % 25}", now)
                reserve(conn, f"guess{i % 25}", "192.0.2.9", now)
    finally:
        db.dispose()
    code, listing = run(db_url, "throttle", "list")
    lines = listing.splitlines()
    assert code == 0 and len(lines) == 2 + 25 + 25
    assert re.fullmatch(r"\*\t192\.0\.2\.9\t50 failed in 15 min, last \S+\theld (89\d|900) s "
                        r"\(for names never signed in from it\)", lines[0]), lines[0]
    assert re.fullmatch(r"admin\t\*\t50 failed in 15 min, last \S+\theld (89\d|900) s "
                        r"\(from addresses it never signed in from\)", lines[1]), lines[1]


def test_clearing_a_throttle_lets_the_address_try_again(client, db_url, clock):
    from registry_support import PASSWORD, make_user

    make_user(client, "admin1", "admin")
    for _ in range(3):
        bad = client.post("/api/v1/auth/token", json={"username": "admin1", "password": "guess!!!"})
        assert bad.status_code == 401
    body = {"username": "admin1", "password": PASSWORD}
    assert client.post("/api/v1/auth/token", json=body).status_code == 429
    assert run(db_url, "throttle", "clear", "--user", "admin1") == (0, "Forgot 3 failed sign-ins\n")
    assert client.post("/api/v1/auth/token", json=body).status_code == 200


def _child_env() -> dict[str, str]:
    return {**os.environ, "ERPDESK_LANG": "en"}


def test_output_closed_by_its_reader_is_not_a_failure(db_url, tmp_path):
    from erpdesk.registry.accounts import add_user
    from erpdesk.registry.config import CHEAP_PASSWORD_COST
    from erpdesk.registry.db.journal import Actor
    from erpdesk.registry.security import Passwords

    db = RegistryDatabase(db_url)
    try:
        for i in range(3):
            add_user(db, Passwords(CHEAP_PASSWORD_COST), START, Actor(None, "test"), f"rep{i}",
                     "a-good-password", "rep")
    finally:
        db.dispose()
    # A real pipe whose reader has gone (``| head -1`` after its line): every write fails.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-c", ENTRY, "user", "list", "--db", db_url],
            stdout=write_end, stderr=subprocess.PIPE, env=_child_env(), timeout=60,
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr.decode()) == (0, "")


@pytest.mark.parametrize("blocked", ["fastapi", "argon2"])
def test_without_the_registry_extra_the_command_says_how_to_install_it(tmp_path, blocked):
    code = f"import sys; sys.modules[{blocked!r}] = None; " + ENTRY
    done = subprocess.run(
        [sys.executable, "-c", code, "user", "list", "--db", f"sqlite:///{tmp_path / 'r.db'}"],
        capture_output=True, text=True, env=_child_env(), timeout=60,
    )
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("erpdesk-registry: The registry's packages are not installed")
    assert f"missing: {blocked})" in done.stderr
    assert "pip install 'erpdesk[registry]'" in done.stderr


def test_without_psycopg_a_postgresql_url_says_how_to_install_it():
    code = "import sys; sys.modules['psycopg'] = None; " + ENTRY
    done = subprocess.run(
        [sys.executable, "-c", code, "user", "list", "--db", "postgresql://nobody@127.0.0.1:9/x"],
        capture_output=True, text=True, env=_child_env(), timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert "(missing: psycopg)" in done.stderr and "pip install" in done.stderr


def test_the_password_cost_is_read_from_the_environment_and_bad_values_are_refused():
    from erpdesk.registry.config import ENV_PASSWORD_COST, ConfigError, PasswordCost, load_config

    assert load_config("sqlite://", env={}).password_cost == PasswordCost()
    cost = load_config("sqlite://", env={ENV_PASSWORD_COST: "t=2, m=4096"}).password_cost
    assert cost == PasswordCost(time_cost=2, memory_kib=4096, parallelism=4)
    for bad in ("t=0", "m=lots", "q=1", "t=1,m=16,p=4"):
        with pytest.raises(ConfigError, match=ENV_PASSWORD_COST):
            load_config("sqlite://", env={ENV_PASSWORD_COST: bad})
