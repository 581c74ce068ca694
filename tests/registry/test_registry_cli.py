"""``erpdesk-registry``: users, settings and schema from the command line."""

from __future__ import annotations

import io

import pytest

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
                         (("--workers", "0"), "--workers must be at least 1")):
        code, _ = run(db_url, "serve", *args)
        assert code == 2 and reason in capsys.readouterr().err


def test_requests_per_worker_come_from_the_environment():
    from erpdesk.registry.config import DEFAULT_THREADS, ENV_THREADS, ConfigError, load_config

    assert load_config("x.db", env={}).request_threads == DEFAULT_THREADS
    assert load_config("x.db", env={ENV_THREADS: "2"}).request_threads == 2
    for bad in ("0", "many"):
        with pytest.raises(ConfigError, match=ENV_THREADS):
            load_config("x.db", env={ENV_THREADS: bad})
