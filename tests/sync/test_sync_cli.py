"""``erpdesk login / logout / sync / sync status`` against the real registry."""

from __future__ import annotations

import io
import json

import pytest
from sync_support import PASSWORD

from erpdesk.app import open_desk
from erpdesk.cli.main import main
from erpdesk.domain.customer import Customer
from erpdesk.sync.credentials import SERVICE


def cli(monkeypatch: pytest.MonkeyPatch, *args: str, stdin: str = "") -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    out = io.StringIO()
    code = main(list(args), stdout=out)
    return code, out.getvalue()


def status(monkeypatch, db) -> dict:
    code, text = cli(monkeypatch, "sync", "status", "--json", "--db", str(db))
    assert code == 0
    return json.loads(text)


def add_customer(db, name: str) -> str:
    desk = open_desk(db)
    try:
        return desk.customers.create(Customer(name=name, need="需要 ERP")).id
    finally:
        desk.close()


def test_login_sync_status_logout(registry, tmp_path, monkeypatch, capsys, memory_keyring):
    user = registry.add_user()
    db = tmp_path / "desk.db"
    add_customer(db, "广州天河区岭南软件有限公司")
    before = status(monkeypatch, db)
    assert set(before) >= {"server", "user", "pending_ops", "last_pull", "conflicts", "state"}
    assert (before["state"], before["pending_ops"], before["server"]) == ("signed_out", 1, None)

    code, text = cli(monkeypatch, "login", "--server", registry.url, "--user", user,
                     "--password-stdin", "--db", str(db), stdin=PASSWORD + "\n")
    assert code == 0 and f"Signed in to {registry.url} as {user} (rep)" in text
    token = memory_keyring.items[(SERVICE, f"{registry.url}|{user}")]
    assert token.encode() not in db.read_bytes()  # never in the database
    assert status(monkeypatch, db)["state"] == "pending"

    code, text = cli(monkeypatch, "sync", "--db", str(db))
    assert code == 0
    assert "1 changes sent" in text and "0 refused" in text and "1 records received" in text
    assert "Sending changes" in capsys.readouterr().err
    after = status(monkeypatch, db)
    assert (after["state"], after["pending_ops"], after["user"]) == ("up_to_date", 0, user)
    assert after["last_pull"]

    code, text = cli(monkeypatch, "logout", "--db", str(db))
    assert code == 0 and "Signed out" in text
    assert memory_keyring.items == {}
    assert status(monkeypatch, db)["state"] == "signed_out"
    code, _ = cli(monkeypatch, "sync", "--db", str(db))
    assert code == 1 and "No sign-in for" in capsys.readouterr().err
    # With the password the sync signs in again by itself.
    code, text = cli(monkeypatch, "sync", "--password-stdin", "--db", str(db),
                     stdin=PASSWORD + "\n")
    assert code == 0 and "Sync done" in text


def test_wrong_password_and_bad_server_are_one_line_errors(registry, tmp_path, monkeypatch,
                                                           capsys, memory_keyring):
    user = registry.add_user()
    db = tmp_path / "desk.db"
    code, _ = cli(monkeypatch, "login", "--server", registry.url, "--user", user,
                  "--password-stdin", "--db", str(db), stdin="wrong password!\n")
    err = capsys.readouterr().err
    assert code == 1 and "refused the sign-in" in err and len(err.strip().splitlines()) == 1
    assert memory_keyring.items == {}
    code, _ = cli(monkeypatch, "login", "--server", "ftp://x", "--user", user,
                  "--password-stdin", "--db", str(db), stdin="x\n")
    assert code == 1 and "http:// or https://" in capsys.readouterr().err


def test_another_user_is_refused_while_changes_of_the_first_wait(
    registry, tmp_path, monkeypatch, capsys
):
    first, second = registry.add_user(), registry.add_user()
    db = tmp_path / "desk.db"
    assert cli(monkeypatch, "login", "--server", registry.url, "--user", first,
               "--password-stdin", "--db", str(db), stdin=PASSWORD + "\n")[0] == 0
    add_customer(db, "深圳南山区鹏城智能装备有限公司")
    code, _ = cli(monkeypatch, "login", "--server", registry.url, "--user", second,
                  "--password-stdin", "--db", str(db), stdin=PASSWORD + "\n")
    err = capsys.readouterr().err
    assert code == 1 and f"1 changes of {first}" in err
    assert status(monkeypatch, db)["user"] == first
    assert cli(monkeypatch, "sync", "--db", str(db))[0] == 0
    code, _ = cli(monkeypatch, "login", "--server", registry.url, "--user", second,
                  "--password-stdin", "--db", str(db), stdin=PASSWORD + "\n")
    assert code == 0 and status(monkeypatch, db)["user"] == second


def test_unreachable_registry_says_offline_and_keeps_the_changes(
    registry, tmp_path, monkeypatch, capsys, offline_url, memory_keyring
):
    user = registry.add_user()
    db = tmp_path / "desk.db"
    assert cli(monkeypatch, "login", "--server", registry.url, "--user", user,
               "--password-stdin", "--db", str(db), stdin=PASSWORD + "\n")[0] == 0
    add_customer(db, "重庆两江新区山城汽配有限公司")
    from erpdesk.storage.database import open_database
    from erpdesk.storage.sync_store import SyncStore

    database = open_database(db)
    SyncStore(database).set_state({"sync.server": offline_url})
    database.close()
    token = memory_keyring.items[(SERVICE, f"{registry.url}|{user}")]
    memory_keyring.items[(SERVICE, f"{offline_url}|{user}")] = token
    code, _ = cli(monkeypatch, "sync", "--db", str(db))
    err = capsys.readouterr().err
    assert code == 1 and "cannot be reached" in err and len(err.strip().splitlines()) == 1
    after = status(monkeypatch, db)
    assert (after["state"], after["pending_ops"]) == ("offline", 1)
