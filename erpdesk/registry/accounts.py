"""Users and sign-in: the use cases of ``/api/v1/auth`` and ``erpdesk-registry user``."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from erpdesk.domain.customer import Industry, LabelledEnum, SizeBand
from erpdesk.domain.errors import Problem
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.registry.config import Config
from erpdesk.registry.db.database import RegistryDatabase, reconnecting
from erpdesk.registry.db.journal import Actor, audit, stamp_changes
from erpdesk.registry.db.schema import ROLES, tokens, users
from erpdesk.registry.errors import (
    AccountDisabled,
    BadRequest,
    Conflict,
    InvalidCredentials,
    InvalidInput,
    InvalidToken,
    NotFoundError,
    TokenExpired,
    TooManyAttempts,
)
from erpdesk.registry.security import (
    MAX_PASSWORD_LENGTH,
    MAX_TOKEN_LENGTH,
    MIN_PASSWORD_LENGTH,
    Passwords,
    new_token,
    password_problem,
    token_digest,
)
from erpdesk.registry.throttle import (
    Throttle,
    clear_throttles,
    list_throttles,
    lock_name,
    reserve,
    retry_after,
    storable,
    succeed,
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
    # A ``presales`` user leading its team's presales work (decides the
    # team's support requests, assigns consultants; ``sync.presales``).
    presales_lead: bool = False

    @property
    def actor(self) -> Actor:
        return Actor(self.id, self.username)

    @classmethod
    def of(cls, row: Row[Any]) -> User:
        return cls(
            row.id, row.username, row.display_name, row.role, row.team, bool(row.disabled),
            bool(row.presales_lead),
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
        raise BadRequest(
            problem, code="invalid_password", min=MIN_PASSWORD_LENGTH, max=MAX_PASSWORD_LENGTH
        )


def _user_row(conn: Connection, username: str) -> Row[Any]:
    row = conn.execute(select(users).where(users.c.username == username)).first()
    if row is None:
        raise NotFoundError("User {name} was not found", name=username)
    return row


def get_user(conn: Connection, username: str) -> User:
    return User.of(_user_row(conn, normalize_username(username)))


def add_user(
    db: RegistryDatabase, passwords: Passwords, now: datetime, actor: Actor, username: str,
    password: str, role: str, *, team: str = "", display_name: str = "",
    presales_lead: bool = False,
) -> User:
    name = _check_username(username)
    _check_role(role)
    _check_password(password)
    _check_lead(role, team.strip(), presales_lead)
    display = display_name.strip() or name
    if len(display) > 100 or len(team.strip()) > 64:
        raise BadRequest("The display name (100) or team (64) is too long", code="too_long")
    values = {
        "username": name, "display_name": display, "role": role, "team": team.strip(),
        "password_hash": passwords.hash(password), "disabled": False,
        "created_at": now, "updated_at": now, "presales_lead": presales_lead,
    }
    try:
        with db.write() as conn:
            user_id = conn.execute(
                insert(users).values(**values).returning(users.c.id)
            ).scalar_one()
            user = User(user_id, name, display, role, team.strip(), False, presales_lead)
            audit(conn, now, actor, "user.add", "user", user_id, after=_public(user))
    except IntegrityError:
        raise Conflict("The user {name} exists already", code="user_exists", name=name) from None
    return user


def _check_lead(role: str, team: str, lead: bool) -> None:
    """A presales lead is a ``presales`` user with a team (it leads that team)."""
    if lead and role != "presales":
        raise BadRequest(
            "Only a presales user can be a presales lead", code="lead_not_presales"
        )
    if lead and not team:
        raise BadRequest("A presales lead needs a team", code="lead_without_team")


def _public(user: User) -> dict[str, Any]:
    return asdict(user)


def update_user(
    db: RegistryDatabase, now: datetime, actor: Actor, username: str, action: str,
    **values: Any,
) -> User:
    """Change a user's role, team, password hash, disabled or presales lead
    flag; audited.  A user that is no longer ``presales`` is no lead; a lead
    gained or lost (or moved to another team) changes who sees the team's
    support requests (``sync.presales_access.lead_changed``)."""
    name = normalize_username(username)
    if "role" in values:
        _check_role(values["role"])
    with db.write() as conn:
        before = User.of(_user_row(conn, name))
        role = values.get("role", before.role)
        _check_lead(role, values.get("team", before.team),
                    values.get("presales_lead", before.presales_lead and role == "presales"))
        if role != "presales" and before.presales_lead:
            values["presales_lead"] = False
        conn.execute(
            update(users).where(users.c.id == before.id).values(**values, updated_at=now)
        )
        after = User.of(_user_row(conn, name))
        _lead_changed(conn, before, after, now)
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


def _lead_changed(conn: Connection, before: User, after: User, now: datetime) -> None:
    """Tell the desks of a user that became (or stopped being) a presales
    lead, or a lead that moved team, which support requests they gained or
    lost."""
    def led(user: User) -> str:
        return user.team if user.role == "presales" and user.presales_lead else ""

    if led(before) == led(after):
        return
    from erpdesk.registry.sync.presales_access import lead_changed  # sync builds on accounts

    stamp_changes(conn, now, lead_changed(conn, after.id, led(before), led(after), now))


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
    """A new bearer token for *username*, or the reason there is none.  Run
    again once on a connection found dead (after a database restart): the
    first sign-in of a desk that comes back must not be a 503."""
    return reconnecting(lambda: _sign_in(db, config, passwords, username, password, client))


def _sign_in(
    db: RegistryDatabase, config: Config, passwords: Passwords, username: str, password: str,
    client: str,
) -> SignIn:
    now = config.clock()
    name = storable(normalize_username(username))
    # The check and the attempt's record in one transaction, under the
    # name's lock: parallel guesses are counted like sequential ones.
    with db.write() as conn:
        lock_name(conn, name)
        wait = retry_after(conn, config, name, client, now)
        attempt = None if wait is not None else reserve(conn, name, client, now)
        row = conn.execute(select(users).where(users.c.username == name)).first()
    if attempt is None:
        raise TooManyAttempts(wait or 1)
    ok = passwords.verify(row.password_hash if row else None, password)
    if not ok or row is None:
        raise InvalidCredentials()  # the attempt stays recorded as a failure
    if row.disabled:
        raise AccountDisabled()
    # Hashed before the transaction: argon2 takes a while, a write lock should not.
    rehashed = passwords.hash(password) if passwords.needs_rehash(row.password_hash) else None
    with db.write() as conn:
        succeed(conn, attempt, name, client)
        token = new_token()
        expires_at = now + config.token_lifetime
        conn.execute(
            insert(tokens).values(
                token_hash=token_digest(token), user_id=row.id, created_at=now,
                expires_at=expires_at,
            )
        )
        if rehashed is not None:
            conn.execute(
                update(users).where(users.c.id == row.id).values(password_hash=rehashed)
            )
    return SignIn(token, expires_at, User.of(row))


def authenticate(db: RegistryDatabase, token: str, now: datetime) -> User:
    """The user a bearer token signs in; 401 errors when it does not."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise InvalidToken()
    row = db.read_row(_SIGNED_IN, {"digest": token_digest(token)})
    if row is None or row.revoked_at is not None:
        raise InvalidToken()
    if row.expires_at <= now:
        raise TokenExpired()
    if row.disabled:
        raise AccountDisabled()
    return User.of(row)


# Every request's sign-in: built once, the digest bound at execution.
_SIGNED_IN = (
    select(users, tokens.c.expires_at, tokens.c.revoked_at)
    .join(tokens, tokens.c.user_id == users.c.id)
    .where(tokens.c.token_hash == bindparam("digest"))
)


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



def sign_in_throttles(db: RegistryDatabase, config: Config) -> list[Throttle]:
    """The failed sign-ins remembered now, and how long each holds its
    name and address (``erpdesk-registry throttle list``)."""
    with db.read() as conn:
        return list_throttles(conn, config, config.clock())


def clear_sign_in_throttles(
    db: RegistryDatabase, now: datetime, actor: Actor, username: str | None,
    client: str | None,
) -> int:
    """Forget the failed sign-ins of *username* and/or from *client* (both
    ``None``: all); how many.  Audited (``login.throttle_clear``)."""
    name = None if username is None else normalize_username(username)
    address = None if client is None else client.strip()
    with db.write() as conn:
        count = clear_throttles(conn, name, address)
        audit(conn, now, actor, "login.throttle_clear", "user", name or "*",
              after={"username": name, "client": address, "failures": count})
    return count


# -- a rep's allocation profile ----------------------------------------------------

MAX_REGIONS = 100
MAX_REGION_LENGTH = 50
MIN_ABILITY, MAX_ABILITY = 1, 5


@dataclass(frozen=True)
class Profile:
    """A user's allocation profile (methodology section 7: company-provided
    customers go by project type, project size, location and the rep's sales
    ability): the industries and size bands (codes) and the regions (province
    or city names) the rep covers, and its ability from 1 to 5."""

    username: str
    display_name: str
    team: str
    role: str
    industries: tuple[str, ...]
    size_bands: tuple[str, ...]
    regions: tuple[str, ...]
    ability: int

    @classmethod
    def of(cls, row: Row[Any]) -> Profile:
        return cls(
            row.username,
            row.display_name,
            row.team,
            row.role,
            _strings(row.industries),
            _strings(row.size_bands),
            _strings(row.regions),
            int(row.ability),
        )

    def parts(self) -> dict[str, Any]:
        """The profile proper, as the audit log keeps it."""
        return {
            "industries": list(self.industries),
            "size_bands": list(self.size_bands),
            "regions": list(self.regions),
            "ability": self.ability,
        }

    def summary(self) -> str:
        """One line for the command line."""

        def listed(values: tuple[str, ...]) -> str:
            return ", ".join(values) or "-"

        return (
            f"ability {self.ability}; industries {listed(self.industries)}; "
            f"size bands {listed(self.size_bands)}; regions {listed(self.regions)}"
        )


def _strings(value: Any) -> tuple[str, ...]:
    # A column edited by hand into something else than a list of text reads as empty.
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def get_profile(conn: Connection, username: str) -> Profile:
    return Profile.of(_user_row(conn, normalize_username(username)))


def list_profiles(db: RegistryDatabase) -> dict[str, Profile]:
    """Every user's profile by user name."""
    with db.read() as conn:
        return {r.username: Profile.of(r) for r in conn.execute(select(users))}


def set_profile(
    db: RegistryDatabase,
    now: datetime,
    actor: Actor,
    username: str,
    industries: Sequence[str] | None = None,
    size_bands: Sequence[str] | None = None,
    regions: Sequence[str] | None = None,
    ability: int | None = None,
) -> Profile:
    """Replace the given parts of a rep's profile (``None`` keeps a part).

    Every value is checked first and every problem reported at once
    (``InvalidInput``); industries and size bands may be given by code,
    zh_CN term or English label and are stored as codes, without repeats.
    A change is audited (``user.profile``); a profile set to what it was
    writes nothing."""
    changes: dict[str, Any] = {}
    problems: list[Problem] = []
    if industries is not None:
        changes["industries"] = _choices(
            "industries", industries, Industry, "unknown_industry",
            QT_TRANSLATE_NOOP("Domain", "Unknown industry {value}; use one of: {allowed}"),
            problems,
        )
    if size_bands is not None:
        changes["size_bands"] = _choices(
            "size_bands", size_bands, SizeBand, "unknown_size_band",
            QT_TRANSLATE_NOOP("Domain", "Unknown size band {value}; use one of: {allowed}"),
            problems,
        )
    if regions is not None:
        changes["regions"] = _regions(regions, problems)
    if ability is not None:
        changes["ability"] = _ability(ability, problems)
    if problems:
        raise InvalidInput(problems)
    name = normalize_username(username)
    with db.write() as conn:
        row = _user_row(conn, name)
        if row.role != "rep":
            raise Conflict(
                "{name} is not a sales rep (role {role}): only reps have an allocation profile",
                code="not_a_rep",
                name=name,
                role=row.role,
            )
        before = Profile.of(row)
        after = replace(before, **changes)
        if after != before:
            conn.execute(
                update(users).where(users.c.id == row.id).values(**after.parts(), updated_at=now)
            )
            audit(
                conn,
                now,
                actor,
                "user.profile",
                "user",
                row.id,
                before=before.parts(),
                after=after.parts(),
            )
    return after


def _shown(value: Any) -> str:
    """*value* for an error message: quoted, escaped, cut short."""
    text = repr(value) if isinstance(value, str) else type(value).__name__
    return text if len(text) <= 60 else text[:57] + "..."


def _choices(
    field: str,
    values: Sequence[str],
    kind: type[LabelledEnum],
    code: str,
    text: str,
    problems: list[Problem],
) -> tuple[str, ...]:
    chosen: list[str] = []
    for value in [values] if isinstance(values, str) else values:
        member = kind.parse(value) if isinstance(value, str) else None
        if member is None:
            problems.append(
                Problem(
                    field,
                    code,
                    text,
                    {
                        "value": _shown(value),
                        "allowed": ", ".join(m.value for m in kind),
                    },
                )
            )
        elif member.value not in chosen:
            chosen.append(member.value)
    return tuple(chosen)


def _regions(values: Sequence[str], problems: list[Problem]) -> tuple[str, ...]:
    chosen: list[str] = []
    for value in [values] if isinstance(values, str) else values:
        region = value.strip() if isinstance(value, str) else ""
        if not region:
            problems.append(
                Problem(
                    "regions",
                    "empty_region",
                    "A region is a province or city name, not {value}",
                    {"value": _shown(value)},
                )
            )
        elif len(region) > MAX_REGION_LENGTH:
            problems.append(
                Problem(
                    "regions",
                    "region_too_long",
                    "A region has at most {max} characters: {value}",
                    {"max": MAX_REGION_LENGTH, "value": _shown(region)},
                )
            )
        elif not _printable(region):
            problems.append(
                Problem(
                    "regions",
                    "invalid_region",
                    "A region cannot contain control characters: {value}",
                    {"value": _shown(region)},
                )
            )
        elif region not in chosen:
            chosen.append(region)
    if len(chosen) > MAX_REGIONS:
        problems.append(
            Problem(
                "regions",
                "too_many_regions",
                "At most {max} regions, not {count}",
                {"max": MAX_REGIONS, "count": len(chosen)},
            )
        )
    return tuple(chosen)


def _printable(text: str) -> bool:
    # Control characters (NUL cannot even be stored by PostgreSQL) and lone
    # surrogates (which cannot be encoded) are no part of a place name.
    return not any(unicodedata.category(c) in ("Cc", "Cs") for c in text)


def _ability(value: int, problems: list[Problem]) -> int:
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and MIN_ABILITY <= value <= MAX_ABILITY
    ):
        return value
    shown = str(value) if isinstance(value, int) and abs(value) < 10**9 else _shown(value)
    problems.append(
        Problem(
            "ability",
            "invalid_ability",
            "The sales ability is a whole number from {low} to {high}, not {value}",
            {"low": MIN_ABILITY, "high": MAX_ABILITY, "value": shown},
        )
    )
    return MIN_ABILITY
