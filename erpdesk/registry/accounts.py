"""Users and sign-in: the use cases of ``/api/v1/auth`` and ``erpdesk-registry user``."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update
from sqlalchemy.exc import IntegrityError

from erpdesk.registry.config import Config
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.journal import Actor, audit
from erpdesk.registry.db.schema import ROLES, tokens, users
from erpdesk.registry.errors import (
    AccountDisabled,
    BadRequest,
    Conflict,
    InvalidCredentials,
    InvalidToken,
    NotFoundError,
    TokenExpired,
    TooManyAttempts,
)
from erpdesk.registry.security import (
    MAX_TOKEN_LENGTH,
    Passwords,
    new_token,
    password_problem,
    record_attempt,
    retry_after,
    token_digest,
)

_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,63}")


@dataclass(frozen=True)
class User:
    """A registry user as the services see it (no password hash)."""

    id: int
    username: str
    display_name: str
    role: str
    team: str
    disabled: bool

    @property
    def actor(self) -> Actor:
        return Actor(self.id, self.username)

    @classmethod
    def of(cls, row: Row[Any]) -> User:
        return cls(
            row.id, row.username, row.display_name, row.role, row.team, bool(row.disabled)
        )


@dataclass(frozen=True)
class SignIn:
    token: str
    expires_at: datetime
    user: User


def normalize_username(username: str) -> str:
    return username.strip().lower()


def _check_username(username: str) -> str:
    name = normalize_username(username)
    if not _USERNAME.fullmatch(name):
        raise BadRequest(
            "A user name has 2-64 characters: letters a-z, digits, '.', '_' or '-', "
            "starting with a letter or digit; not {name!r}",
            code="invalid_username", name=username,
        )
    return name


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise BadRequest(
            "Unknown role {role}; the roles are: {roles}", code="invalid_role",
            role=role, roles=", ".join(ROLES),
        )
    return role


def _check_password(password: str) -> None:
    if problem := password_problem(password):
        raise BadRequest(problem, code="invalid_password")


def _user_row(conn: Connection, username: str) -> Row[Any]:
    row = conn.execute(select(users).where(users.c.username == username)).first()
    if row is None:
        raise NotFoundError(what=f"User {username}")
    return row


def get_user(conn: Connection, username: str) -> User:
    return User.of(_user_row(conn, normalize_username(username)))


def add_user(
    db: RegistryDatabase, passwords: Passwords, now: datetime, actor: Actor, username: str,
    password: str, role: str, *, team: str = "", display_name: str = "",
) -> User:
    name = _check_username(username)
    _check_role(role)
    _check_password(password)
    display = display_name.strip() or name
    if len(display) > 100 or len(team.strip()) > 64:
        raise BadRequest("The display name (100) or team (64) is too long", code="too_long")
    values = {
        "username": name, "display_name": display, "role": role, "team": team.strip(),
        "password_hash": passwords.hash(password), "disabled": False,
        "created_at": now, "updated_at": now,
    }
    try:
        with db.write() as conn:
            user_id = conn.execute(
                insert(users).values(**values).returning(users.c.id)
            ).scalar_one()
            user = User(user_id, name, display, role, team.strip(), False)
            audit(conn, now, actor, "user.add", "user", user_id, after=_public(user))
    except IntegrityError:
        raise Conflict("The user {name} exists already", code="user_exists", name=name) from None
    return user


def _public(user: User) -> dict[str, Any]:
    return asdict(user)


def update_user(
    db: RegistryDatabase, now: datetime, actor: Actor, username: str, action: str,
    **values: Any,
) -> User:
    """Change a user's role, team, password hash or disabled flag; audited."""
    name = normalize_username(username)
    if "role" in values:
        _check_role(values["role"])
    with db.write() as conn:
        before = User.of(_user_row(conn, name))
        conn.execute(
            update(users).where(users.c.id == before.id).values(**values, updated_at=now)
        )
        after = User.of(_user_row(conn, name))
        if values.get("disabled") or "password_hash" in values:
            # A disabled user or a changed password ends every sign-in.
            conn.execute(
                update(tokens)
                .where(tokens.c.user_id == before.id, tokens.c.revoked_at.is_(None))
                .values(revoked_at=now)
            )
        audit(conn, now, actor, action, "user", before.id, before=_public(before),
              after=_public(after))
    return after


def set_password(
    db: RegistryDatabase, passwords: Passwords, now: datetime, actor: Actor, username: str,
    password: str,
) -> User:
    _check_password(password)
    return update_user(
        db, now, actor, username, "user.passwd", password_hash=passwords.hash(password)
    )


def sign_in(
    db: RegistryDatabase, config: Config, passwords: Passwords, username: str, password: str,
    client: str,
) -> SignIn:
    """A new bearer token for *username*, or the reason there is none."""
    now = config.clock()
    name = normalize_username(username)[:64]
    with db.read() as conn:
        wait = retry_after(conn, config, name, client, now)
        row = conn.execute(select(users).where(users.c.username == name)).first()
    if wait is not None:
        raise TooManyAttempts(wait)
    ok = passwords.verify(row.password_hash if row else None, password)
    with db.write() as conn:
        granted = ok and row is not None and not row.disabled
        record_attempt(conn, name, client, now, succeeded=granted)
        if granted:
            assert row is not None
            token = new_token()
            expires_at = now + config.token_lifetime
            conn.execute(
                insert(tokens).values(
                    token_hash=token_digest(token), user_id=row.id, created_at=now,
                    expires_at=expires_at,
                )
            )
            if passwords.needs_rehash(row.password_hash):
                conn.execute(
                    update(users).where(users.c.id == row.id)
                    .values(password_hash=passwords.hash(password))
                )
    if not ok or row is None:
        raise InvalidCredentials()
    if row.disabled:
        raise AccountDisabled()
    return SignIn(token, expires_at, User.of(row))


def authenticate(db: RegistryDatabase, token: str, now: datetime) -> User:
    """The user a bearer token signs in; 401 errors when it does not."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise InvalidToken()
    with db.read() as conn:
        row = conn.execute(
            select(users, tokens.c.expires_at, tokens.c.revoked_at)
            .join(tokens, tokens.c.user_id == users.c.id)
            .where(tokens.c.token_hash == token_digest(token))
        ).first()
    if row is None or row.revoked_at is not None:
        raise InvalidToken()
    if row.expires_at <= now:
        raise TokenExpired()
    if row.disabled:
        raise AccountDisabled()
    return User.of(row)


def revoke(db: RegistryDatabase, token: str, now: datetime) -> None:
    with db.write() as conn:
        conn.execute(
            update(tokens)
            .where(tokens.c.token_hash == token_digest(token), tokens.c.revoked_at.is_(None))
            .values(revoked_at=now)
        )


def list_users(db: RegistryDatabase) -> list[User]:
    with db.read() as conn:
        return [User.of(r) for r in conn.execute(select(users).order_by(users.c.username))]
