"""The token in the keyring (an in-memory backend set by conftest), or in
memory for the process when no keyring works."""

from __future__ import annotations

import keyring
from keyring.backends import fail

from erpdesk.sync.credentials import NO_KEYRING, SERVICE, CredentialStore


def test_token_is_kept_in_the_keyring_under_server_and_user(memory_keyring) -> None:
    store = CredentialStore()
    store.set("https://reg.example", "alice", "tok-1")
    assert memory_keyring.items == {(SERVICE, "https://reg.example|alice"): "tok-1"}
    # Another process (another store) reads it back.
    assert CredentialStore().get("https://reg.example", "alice") == "tok-1"
    assert CredentialStore().get("https://reg.example", "bob") is None


def test_delete_forgets_the_token(memory_keyring) -> None:
    store = CredentialStore()
    store.set("https://reg.example", "alice", "tok-1")
    assert store.delete("https://reg.example", "alice") is True
    assert store.get("https://reg.example", "alice") is None
    assert memory_keyring.items == {}
    assert store.delete("https://reg.example", "alice") is False


def test_without_a_keyring_the_token_lives_in_memory_and_a_warning_says_so_once() -> None:
    keyring.set_keyring(fail.Keyring())
    warnings: list[str] = []
    store = CredentialStore(warn=warnings.append)
    store.set("https://reg.example", "alice", "tok-1")
    assert store.get("https://reg.example", "alice") == "tok-1"
    assert store.memory_only
    store.set("https://reg.example", "bob", "tok-2")
    assert warnings == [NO_KEYRING]
    # Nothing outlives the process: a new store has no token.
    assert CredentialStore().get("https://reg.example", "alice") is None


class BrokenKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringError("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringError("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringError("locked")


def test_a_failing_keyring_falls_back_to_memory() -> None:
    keyring.set_keyring(BrokenKeyring())
    warnings: list[str] = []
    store = CredentialStore(warn=warnings.append)
    store.set("https://reg.example", "alice", "tok-1")
    assert store.get("https://reg.example", "alice") == "tok-1"
    assert warnings == [NO_KEYRING]
    assert store.delete("https://reg.example", "alice") is True


