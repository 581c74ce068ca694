"""The registry token in the system keyring, never in a file.

Service ``ERPDesk``, key ``<server>|<user>``.  Where no usable keyring
backend exists (``keyring.backends.fail.Keyring``, or the backend fails),
the token is kept in this process's memory only and a warning says so once:
the user then signs in again in the next process (``--password-stdin``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP

SERVICE = "ERPDesk"
NO_KEYRING = QT_TRANSLATE_NOOP(
    "Sync",
    "No system keyring is available: the sign-in is kept for this session only",
)

log = logging.getLogger(__name__)


def credential_key(server: str, user: str) -> str:
    return f"{server}|{user}"


class CredentialStore:
    """Tokens by server and user.  ``warn`` receives the (English) text of
    ``NO_KEYRING`` once, when the keyring turns out to be unusable."""

    def __init__(self, warn: Callable[[str], None] | None = None) -> None:
        self._memory: dict[str, str] = {}
        self._usable: bool | None = None
        self._warn = warn

    @property
    def memory_only(self) -> bool:
        """True once the keyring proved unusable."""
        return self._usable is False

    def _keyring_usable(self) -> bool:
        if self._usable is None:
            try:
                import keyring
                from keyring.backends import fail

                self._usable = not isinstance(keyring.get_keyring(), fail.Keyring)
            except Exception:  # an import or backend failure: no keyring
                self._usable = False
            if not self._usable:
                self._give_up()
        return self._usable

    def _give_up(self) -> None:
        self._usable = False
        # Info, not a warning: the user is told in their language by *warn*;
        # an unconfigured logger would print warnings to stderr in English.
        log.info(NO_KEYRING)
        if self._warn is not None:
            self._warn(NO_KEYRING)
            self._warn = None

    def get(self, server: str, user: str) -> str | None:
        key = credential_key(server, user)
        if key in self._memory or not self._keyring_usable():
            return self._memory.get(key)
        import keyring

        try:
            return keyring.get_password(SERVICE, key)
        except Exception:
            self._give_up()
            return None

    def set(self, server: str, user: str, token: str) -> None:
        key = credential_key(server, user)
        if self._keyring_usable():
            import keyring

            try:
                keyring.set_password(SERVICE, key, token)
                self._memory.pop(key, None)
                return
            except Exception:
                self._give_up()
        self._memory[key] = token

    def delete(self, server: str, user: str) -> bool:
        """Forget the token; True when there was one."""
        key = credential_key(server, user)
        found = self._memory.pop(key, None) is not None
        if self._keyring_usable():
            import keyring
            from keyring.errors import PasswordDeleteError

            try:
                if keyring.get_password(SERVICE, key) is not None:
                    keyring.delete_password(SERVICE, key)
                    found = True
            except PasswordDeleteError:
                pass
            except Exception:
                self._give_up()
        return found
