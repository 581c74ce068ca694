"""Passwords (argon2id), bearer tokens and the slowing of failed sign-ins.

Tokens are 32 random bytes (URL-safe text) handed to the client once; the
database keeps only their sha256, so a copy of the database signs nobody in.
Failed sign-ins are counted in the database, not in a worker's memory, so
that several workers slow an attacker down together.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import ColumnElement, Connection, delete, func, insert, select

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.registry.config import Config, PasswordCost
from erpdesk.registry.db.schema import login_attempts

TOKEN_BYTES = 32
MAX_TOKEN_LENGTH = 200
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024
# Attempts older than this are deleted when a user name fails again.
ATTEMPT_RETENTION = timedelta(days=1)


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


def retry_after(
    conn: Connection, config: Config, username: str, client: str, now: datetime
) -> int | None:
    """Seconds to wait before *username* (or *client*) may try again, or ``None``.

    A user name is held back after ``login_max_failures`` failures within
    ``login_window`` since its last success; a client address after
    ``login_max_failures_per_client`` failures within the window, whatever
    the names tried.  The wait ends when the oldest failure that keeps the
    count at the limit leaves the window.
    """
    window_start = now - config.login_window
    last_ok = conn.execute(
        select(func.max(login_attempts.c.at)).where(
            login_attempts.c.username == username,
            login_attempts.c.succeeded.is_(True),
            login_attempts.c.at > window_start,
        )
    ).scalar_one_or_none()
    waits = [
        _wait(
            conn,
            login_attempts.c.username == username,
            max(window_start, last_ok) if last_ok else window_start,
            config.login_max_failures,
            config.login_window,
            now,
        )
    ]
    if client:
        waits.append(
            _wait(
                conn, login_attempts.c.client == client, window_start,
                config.login_max_failures_per_client, config.login_window, now,
            )
        )
    found = [w for w in waits if w is not None]
    return max(found) if found else None


def _wait(
    conn: Connection, who: ColumnElement[bool], since: datetime, limit: int,
    window: timedelta, now: datetime,
) -> int | None:
    recent = (
        conn.execute(
            select(login_attempts.c.at)
            .where(who, login_attempts.c.succeeded.is_(False), login_attempts.c.at > since)
            .order_by(login_attempts.c.at.desc())
            .limit(limit)
        )
        .scalars()
        .all()
    )
    if len(recent) < limit:
        return None
    seconds = (recent[-1] + window - now).total_seconds()
    return max(1, int(seconds + 0.999))


def record_attempt(
    conn: Connection, username: str, client: str, now: datetime, *, succeeded: bool
) -> None:
    if succeeded:
        conn.execute(
            delete(login_attempts).where(
                login_attempts.c.username == username, login_attempts.c.succeeded.is_(False)
            )
        )
    else:
        conn.execute(
            delete(login_attempts).where(
                login_attempts.c.username == username,
                login_attempts.c.at < now - ATTEMPT_RETENTION,
            )
        )
    conn.execute(
        insert(login_attempts).values(
            username=username[:64], client=client[:64], at=now, succeeded=succeeded
        )
    )
