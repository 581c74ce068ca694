"""sync.session: the sign-in the command line and the window share."""

from __future__ import annotations

import pytest
from sync_support import PASSWORD

from erpdesk.domain.customer import Customer
from erpdesk.storage.sync_store import SyncStore
from erpdesk.sync import session as sessions
from erpdesk.sync.client import LoginFailed
from erpdesk.sync.credentials import SERVICE, CredentialStore


@pytest.mark.parametrize("server", ["registry.example.com", "ftp://x", "http://", "  "])
def test_a_server_must_be_an_http_address(server: str) -> None:
    with pytest.raises(sessions.SessionError, match="http:// or https://"):
        sessions.normalize_server(server)
    assert sessions.normalize_server(" https://r.example.com/ ") == "https://r.example.com"


def test_sign_in_keeps_the_token_and_the_account(registry, make_desk, memory_keyring) -> None:
    user = registry.add_user()
    store = SyncStore(make_desk().db)
    credentials = CredentialStore()
    with pytest.raises(LoginFailed):
        sessions.sign_in(store, credentials, registry.url, user, "wrong")
    assert memory_keyring.items == {} and sessions.account(store) is None

    session = sessions.sign_in(store, credentials, registry.url + "/", f" {user} ", PASSWORD)
    assert session.role == "rep"
    assert sessions.account(store) == sessions.Account(registry.url, user)
    assert memory_keyring.items[(SERVICE, f"{registry.url}|{user}")] == session.token

    gone = sessions.sign_out(store, credentials)
    assert gone.user == user and memory_keyring.items == {}
    assert sessions.account(store) is not None  # the next sign-in offers it


def test_another_users_unsent_changes_refuse_a_switch(registry, make_desk) -> None:
    desk = make_desk()
    store = SyncStore(desk.db)
    store.reset_for(registry.url, "first")
    desk.customers.create(Customer(name="南京紫金山软件有限公司", need="ERP"))
    with pytest.raises(sessions.SessionError, match="1 changes of first"):
        sessions.sign_in(store, CredentialStore(), registry.url, registry.add_user(), PASSWORD)
    sessions.check_switch(store, registry.url, "first")  # the same account may sign in


def test_sign_out_offline_still_forgets_the_token(offline_url, make_desk, memory_keyring) -> None:
    store = SyncStore(make_desk().db)
    store.reset_for(offline_url, "rep")
    credentials = CredentialStore()
    credentials.set(offline_url, "rep", "token")
    sessions.sign_out(store, credentials)
    assert credentials.get(offline_url, "rep") is None
    with pytest.raises(sessions.SessionError):
        sessions.sign_out(SyncStore(make_desk("b").db), credentials)
