"""The slowing of failed sign-ins (docs/registry.md, "Failed sign-ins").

Three rules, all judged on the registry's clock from the ``login_attempts``
table (so that every worker counts together):

- **One user name from one client address** gets ``login_free_failures``
  tries; after that each attempt waits ``login_first_delay`` after the last
  failure, doubled by every further failure (1 s, 2 s, 4 s ...) up to
  ``login_max_delay``.  Failures count since that address's last success
  for the name, for a day at most.
- **One user name from all addresses**: ``login_max_failures`` failures in
  ``login_window`` hold every address the user never signed in from.
- **One address for all names**: ``login_max_failures_per_client`` failures
  in the window hold that address for every name it never signed in to.

So nobody locks a user out by knowing its name: an address the user has
signed in from before (a *known* address, remembered ``KNOWN_ADDRESS_MEMORY``)
is held only by its own delays, and the owner of the password signs in
there while others hammer the name from elsewhere.

An attempt is written as a failure *before* its password is checked (and
turned into a success after), in one transaction with the check and under a
per-name lock, so that a burst of parallel attempts is counted like the
same attempts one after the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Connection, and_, delete, func, insert, or_, select, update

from erpdesk.registry.config import Config
from erpdesk.registry.db.schema import login_attempts

# Failures older than this are forgotten (and deleted on the name's next attempt).
FAILURE_MEMORY = timedelta(days=1)
# How long a success keeps its address known for the user name.
KNOWN_ADDRESS_MEMORY = timedelta(days=90)
FIELD_LENGTH = 64  # login_attempts.username and .client

_attempts = login_attempts.c


def storable(text: str) -> str:
    """*text* as it is kept in the table: at most 64 characters, and what
    UTF-8 cannot hold (a lone surrogate) replaced."""
    return text.encode("utf-8", "replace").decode("utf-8")[:FIELD_LENGTH]


def pair_delay(config: Config, failures: int) -> timedelta | None:
    """The wait after the last of *failures* failures of one name from one
    address, or ``None`` while they are within the free tries."""
    extra = failures - config.login_free_failures
    if extra < 0:
        return None
    if extra >= 40:  # 2**40 seconds is past any cap; no huge timedelta
        return config.login_max_delay
    delay: timedelta = config.login_first_delay * (2**extra)
    return min(delay, config.login_max_delay)


def _seconds(until: datetime, now: datetime) -> int | None:
    seconds = (until - now).total_seconds()
    return max(1, int(seconds + 0.999)) if seconds > 0 else None


def lock_name(conn: Connection, username: str) -> None:
    """Serialise the sign-ins of one user name until the transaction ends
    (PostgreSQL: an advisory lock; SQLite's write transactions are serial)."""
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(func.hashtext("erpdesk.login:" + username))))


def is_known(conn: Connection, username: str, client: str, now: datetime) -> bool:
    """Has *username* signed in from *client* within ``KNOWN_ADDRESS_MEMORY``?"""
    return (
        conn.execute(
            select(_attempts.id)
            .where(
                _attempts.username == username,
                _attempts.client == client,
                _attempts.succeeded.is_(True),
                _attempts.at > now - KNOWN_ADDRESS_MEMORY,
            )
            .limit(1)
        ).first()
        is not None
    )


def retry_after(
    conn: Connection, config: Config, username: str, client: str, now: datetime
) -> int | None:
    """Seconds *client* must wait before it tries *username* again, or ``None``."""
    username, client = storable(username), storable(client)
    waits = [_pair_wait(conn, config, username, client, now)]
    if not is_known(conn, username, client, now):
        window_start = now - config.login_window
        waits.append(
            _ceiling_wait(
                conn,
                _attempts.username == username,
                window_start,
                config.login_max_failures,
                config.login_window,
                now,
            )
        )
        if client:
            waits.append(
                _ceiling_wait(
                    conn,
                    _attempts.client == client,
                    window_start,
                    config.login_max_failures_per_client,
                    config.login_window,
                    now,
                )
            )
    found = [w for w in waits if w is not None]
    return max(found) if found else None


def _pair_wait(
    conn: Connection, config: Config, username: str, client: str, now: datetime
) -> int | None:
    # A success deletes the pair's failures, so those left are all since it.
    count, last = conn.execute(
        select(func.count(), func.max(_attempts.at)).where(
            _attempts.username == username,
            _attempts.client == client,
            _attempts.succeeded.is_(False),
            _attempts.at > now - FAILURE_MEMORY,
        )
    ).one()
    delay = pair_delay(config, int(count))
    return None if delay is None or last is None else _seconds(last + delay, now)


def _ceiling_wait(
    conn: Connection,
    who: ColumnElement[bool],
    since: datetime,
    limit: int,
    window: timedelta,
    now: datetime,
) -> int | None:
    """Until the oldest of the last *limit* failures of *who* leaves the window."""
    recent = (
        conn.execute(
            select(_attempts.at)
            .where(who, _attempts.succeeded.is_(False), _attempts.at > since)
            .order_by(_attempts.at.desc())
            .limit(limit)
        )
        .scalars()
        .all()
    )
    if len(recent) < limit:
        return None
    return _seconds(recent[-1] + window, now)


def reserve(conn: Connection, username: str, client: str, now: datetime) -> int:
    """Write the attempt as a failure (before its password is checked); its id.

    Also forgets the name's failures older than ``FAILURE_MEMORY`` and its
    successes older than ``KNOWN_ADDRESS_MEMORY``, and the address's old
    failures for any name (one address spraying names leaves no heap)."""
    username, client = storable(username), storable(client)
    conn.execute(
        delete(login_attempts).where(
            _attempts.username == username,
            or_(
                and_(_attempts.succeeded.is_(False), _attempts.at < now - FAILURE_MEMORY),
                _attempts.at < now - KNOWN_ADDRESS_MEMORY,
            ),
        )
    )
    conn.execute(
        delete(login_attempts).where(
            _attempts.client == client,
            _attempts.succeeded.is_(False),
            _attempts.at < now - FAILURE_MEMORY,
        )
    )
    attempt_id: int = conn.execute(
        insert(login_attempts)
        .values(username=username, client=client, at=now, succeeded=False)
        .returning(_attempts.id)
    ).scalar_one()
    return attempt_id


def succeed(conn: Connection, attempt_id: int, username: str, client: str) -> None:
    """The attempt *attempt_id* signed in: it becomes the pair's one success
    (the address is known) and the pair's failures are forgotten.  Failures
    of the name from other addresses stay: the owner's success does not
    excuse someone else's guesses."""
    username, client = storable(username), storable(client)
    conn.execute(
        delete(login_attempts).where(
            _attempts.username == username,
            _attempts.client == client,
            _attempts.id != attempt_id,
        )
    )
    conn.execute(update(login_attempts).where(_attempts.id == attempt_id).values(succeeded=True))


@dataclass(frozen=True)
class Throttle:
    """Failed sign-ins as the administrator sees them: of one name from one
    address, or (``client`` or ``username`` ``None``) a ceiling reached by
    one name from all addresses or by one address for all names."""

    username: str | None
    client: str | None
    failures: int
    last_failure: datetime
    wait: int | None  # seconds until the next attempt is allowed; None: now


def list_throttles(conn: Connection, config: Config, now: datetime) -> list[Throttle]:
    """Every name and address with failures remembered, and every ceiling reached."""
    found: list[Throttle] = []
    pairs = conn.execute(
        select(_attempts.username, _attempts.client, func.count(), func.max(_attempts.at))
        .where(_attempts.succeeded.is_(False), _attempts.at > now - FAILURE_MEMORY)
        .group_by(_attempts.username, _attempts.client)
    ).all()
    for username, client, count, last in pairs:
        delay = pair_delay(config, int(count))
        wait = None if delay is None else _seconds(last + delay, now)
        found.append(Throttle(username, client, int(count), last, wait))
    window_start = now - config.login_window
    for column, limit, is_user in (
        (_attempts.username, config.login_max_failures, True),
        (_attempts.client, config.login_max_failures_per_client, False),
    ):
        held = conn.execute(
            select(column, func.count(), func.max(_attempts.at))
            .where(_attempts.succeeded.is_(False), _attempts.at > window_start)
            .group_by(column)
            .having(func.count() >= limit)
        ).all()
        for key, count, last in held:
            wait = _ceiling_wait(conn, column == key, window_start, limit, config.login_window, now)
            found.append(
                Throttle(key if is_user else None, None if is_user else key, int(count), last, wait)
            )
    found.sort(key=lambda t: (t.username or "", t.client or "", t.client is None))
    return found


def clear_throttles(
    conn: Connection, username: str | None = None, client: str | None = None
) -> int:
    """Forget the failures of *username* and/or from *client* (both ``None``:
    all of them); how many.  Known addresses stay known."""
    where: list[ColumnElement[bool]] = [_attempts.succeeded.is_(False)]
    if username is not None:
        where.append(_attempts.username == storable(username))
    if client is not None:
        where.append(_attempts.client == storable(client))
    return int(conn.execute(delete(login_attempts).where(*where)).rowcount or 0)
