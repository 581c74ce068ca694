"""Passwords (argon2id) and bearer tokens.

Tokens are 32 random bytes (URL-safe text) handed to the client once; the
database keeps only their sha256, so a copy of the database signs nobody in.
Failed sign-ins are slowed down by ``throttle``.
"""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.registry.config import PasswordCost

TOKEN_BYTES = 32
MAX_TOKEN_LENGTH = 200
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024


class Passwords:
    """Hashing and checking of passwords with one argon2id cost."""

    def __init__(self, cost: PasswordCost) -> None:
        self._hasher = PasswordHasher(
            time_cost=cost.time_cost, memory_cost=cost.memory_kib, parallelism=cost.parallelism
        )
        # Checked against when the user name is unknown, so that the answer
        # takes as long as for a known one.
        self._dummy = self._hasher.hash(secrets.token_hex(16))

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, stored_hash: str | None, password: str) -> bool:
        """True when *password* matches; ``stored_hash`` None checks a dummy."""
        try:
            return self._hasher.verify(stored_hash or self._dummy, password) and bool(stored_hash)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored_hash: str) -> bool:
        try:
            return self._hasher.check_needs_rehash(stored_hash)
        except InvalidHashError:
            return True


def password_problem(password: str) -> str | None:
    """Why *password* cannot be used (a text to translate in context
    ``Registry``, with the placeholders ``{min}`` and ``{max}``), or ``None``."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return QT_TRANSLATE_NOOP("Registry", "The password must have at least {min} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        return QT_TRANSLATE_NOOP("Registry", "The password may have at most {max} characters")
    return None


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
