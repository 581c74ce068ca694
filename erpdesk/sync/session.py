"""Signing in to and out of the registry: what the command line and the
window share.

``sign_in`` checks the address, refuses to switch accounts while the desk
holds unsent changes of the previous one (they would travel under the wrong
name), asks the registry for a token, keeps it through the
``CredentialStore`` (the keyring, or this process's memory where there is
none) and stores server, user, role and whether the registry marks the
user a presales lead in the database.  ``sign_out`` revokes the token on
the registry when it can and forgets it (and the lead flag) here.  No Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.storage.sync_store import SyncStore
from erpdesk.sync.client import RegistryClient, Session, SyncError
from erpdesk.sync.credentials import CredentialStore

BAD_SERVER = QT_TRANSLATE_NOOP(
    "Sync", "The server must be an http:// or https:// address, not {server}"
)
OTHER_USERS_CHANGES = QT_TRANSLATE_NOOP(
    "Sync",
    "This desk holds {count} changes of {user} on {server} that were not sent yet; sign in "
    "as {user} and sync them before signing in as someone else",
)
NO_USER = QT_TRANSLATE_NOOP("Sync", "Enter your user name")
NO_PASSWORD_GIVEN = QT_TRANSLATE_NOOP("Sync", "Enter your password")
NOT_SIGNED_IN = QT_TRANSLATE_NOOP(
    "Sync", "Not signed in: run erpdesk login --server URL --user NAME first"
)

ClientFactory = Callable[[str, str | None], RegistryClient]


class SessionError(SyncError):
    """Sign-in refused before the registry was asked (bad address, another
    user's unsent changes, an empty field)."""

    kind = "session"


@dataclass(frozen=True)
class Account:
    server: str
    user: str


def default_client(server: str, token: str | None = None) -> RegistryClient:
    return RegistryClient(server, token)


def normalize_server(server: str) -> str:
    """*server* without surrounding spaces and a trailing slash; raises
    ``SessionError`` unless it is an http(s) address."""
    text = server.strip().rstrip("/")
    if not text.startswith(("http://", "https://")) or len(text.split("://", 1)[1]) == 0:
        raise SessionError(BAD_SERVER, server=server.strip())
    return text


def account(store: SyncStore) -> Account | None:
    """The account this desk syncs with (signed in or not), or None."""
    state = store.state()
    server, user = state.get("sync.server"), state.get("sync.user")
    return Account(server, user) if server and user else None


def check_switch(store: SyncStore, server: str, user: str) -> None:
    """Refuse signing in as another account while the previous one's
    changes wait in the outbox."""
    before = account(store)
    if before is None or (before.server, before.user) == (server, user):
        return
    count = store.pending_count()
    if count:
        raise SessionError(
            OTHER_USERS_CHANGES, count=count, user=before.user, server=before.server
        )


def check_form(server: str, user: str, password: str) -> tuple[str, str]:
    """(the normalized server, the user) of a sign-in form, or ``SessionError``."""
    normalized = normalize_server(server)
    if not user.strip():
        raise SessionError(NO_USER)
    if not password:
        raise SessionError(NO_PASSWORD_GIVEN)
    return normalized, user.strip()


def sign_in(
    store: SyncStore,
    credentials: CredentialStore,
    server: str,
    user: str,
    password: str,
    client_factory: ClientFactory = default_client,
) -> Session:
    """Sign in as *user* of *server*; raises ``SessionError`` or the
    client's ``SyncError`` (``LoginFailed`` for a wrong password,
    ``Offline`` ...).  Nothing is stored unless the registry said yes."""
    server, user = check_form(server, user, password)
    check_switch(store, server, user)
    with client_factory(server, None) as client:
        session = client.login(user, password)
    credentials.set(server, user, session.token)
    store.reset_for(server, user)
    store.set_state({
        "sync.role": session.role, "sync.expires_at": session.expires_at,
        "sync.presales_lead": "1" if session.presales_lead else "0",
        "sync.last_error": None, "sync.last_error_kind": None,
    })
    return session


def sign_out(
    store: SyncStore,
    credentials: CredentialStore,
    client_factory: ClientFactory = default_client,
) -> Account:
    """Revoke the token on the registry when reachable (offline or expired:
    forgetting it here is what counts) and remove it from the keyring.
    Server and user stay, so the next sign-in offers them and the desk's
    unsent changes stay theirs.  Raises ``SessionError`` when not signed in."""
    current = account(store)
    if current is None:
        raise SessionError(NOT_SIGNED_IN)
    token = credentials.get(current.server, current.user)
    if token:
        try:
            with client_factory(current.server, token) as client:
                client.revoke()
        except SyncError:
            pass
    credentials.delete(current.server, current.user)
    store.set_state({"sync.presales_lead": None})
    return current
