"""How a registry process is configured: database, tokens, limits.

Values come from the command line, else from ``ERPDESK_REGISTRY_*``
environment variables, else the defaults below.  Rules an administrator
changes at run time (protection days, caps, ...) are not here but in the
database (``policy``), so that every worker sees the same ones.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

ENV_DB = "ERPDESK_REGISTRY_DB"
ENV_TOKEN_HOURS = "ERPDESK_REGISTRY_TOKEN_HOURS"
ENV_MAX_BODY = "ERPDESK_REGISTRY_MAX_BODY_BYTES"
ENV_JOB_INTERVAL = "ERPDESK_REGISTRY_JOB_INTERVAL"
ENV_THREADS = "ERPDESK_REGISTRY_THREADS"
# argon2id cost of new password hashes: "t=3,m=65536,p=4" (time cost, memory
# in KiB, parallelism); any part left out keeps its default.
ENV_PASSWORD_COST = "ERPDESK_REGISTRY_PASSWORD_COST"
# Addresses or networks of the reverse proxies whose X-Forwarded-For and
# X-Forwarded-Proto are believed (comma-separated); none by default.
ENV_TRUSTED_PROXIES = "ERPDESK_REGISTRY_TRUSTED_PROXIES"
# Requests one worker process runs at once (its threads for the blocking
# endpoints).  Few: the work is Python under one GIL plus short database
# waits, and 40 threads (anyio's default) thrash -- on 2 cores, 4 threads
# per worker answered 35-45 % more checks and registrations a second than
# 40 (docs/benchmarks.md).  More workers, not more threads, use more cores.
DEFAULT_THREADS = 4
DEFAULT_JOB_INTERVAL = 300

DEFAULT_DB_NAME = "registry.db"
APP_NAME = "ERPDesk"

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The registry's clock: now, in UTC.  Every deadline is judged on it."""
    return datetime.now(UTC)


def default_db_url() -> str:
    """SQLite file ``registry.db`` in the user data directory of ``ERPDesk``."""
    from platformdirs import user_data_dir

    return f"sqlite:///{Path(user_data_dir(APP_NAME, appauthor=False)) / DEFAULT_DB_NAME}"


@dataclass(frozen=True)
class PasswordCost:
    """argon2id parameters for new hashes (a hash keeps its own, so changing
    these never locks anyone out).  The defaults are argon2-cffi's (RFC 9106
    "low memory"); tests use a cheap profile."""

    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 4


CHEAP_PASSWORD_COST = PasswordCost(time_cost=1, memory_kib=1024, parallelism=1)


@dataclass(frozen=True)
class Config:
    """Everything a registry process needs to start."""

    db_url: str
    token_lifetime: timedelta = timedelta(hours=24)
    max_body_bytes: int = 1024 * 1024
    # Failed sign-ins (``throttle``; docs/registry.md, "Failed sign-ins").
    # One user name from one client address: ``login_free_failures`` tries,
    # then a wait of ``login_first_delay`` after the last failure, doubled
    # by each further failure up to ``login_max_delay``.
    login_free_failures: int = 3
    login_first_delay: timedelta = timedelta(seconds=1)
    login_max_delay: timedelta = timedelta(minutes=15)
    # Ceilings within ``login_window``: failures for one user name from all
    # addresses, and from one address for all names.  An address the user
    # has signed in from before is held by neither (only by its own delays).
    login_max_failures: int = 50
    login_max_failures_per_client: int = 50
    login_window: timedelta = timedelta(minutes=15)
    # Reverse proxies (IP addresses or networks) whose forwarded headers name
    # the client; from any other peer the headers are ignored.
    trusted_proxies: tuple[str, ...] = ()
    password_cost: PasswordCost = field(default_factory=PasswordCost)
    clock: Clock = system_clock
    sql_echo: bool = False
    # Seconds between protection sweeps in each worker (``jobs.JobRunner``);
    # 0 runs none.  ``load_config`` defaults to DEFAULT_JOB_INTERVAL; an app
    # built from a bare Config (tests, embedding) runs no background job.
    job_interval: float = 0
    # Requests a worker runs at once (``DEFAULT_THREADS``); 0 keeps anyio's
    # default of 40 (an app built from a bare Config: tests, embedding).
    request_threads: int = 0

    def with_changes(self, **changes: object) -> Config:
        # Untyped keyword changes (for tests and embedding): mypy cannot
        # check them against the fields; dataclasses.replace does at run time.
        return replace(self, **changes)  # type: ignore[arg-type]


class ConfigError(ValueError):
    """A configuration value that cannot be used; the message says which."""


def _positive_int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be positive, not {value}")
    return value


def normalize_db_url(url: str) -> str:
    """A SQLAlchemy URL: ``postgresql://`` means psycopg 3; a bare path means SQLite."""
    url = url.strip()
    if not url:
        raise ConfigError("the database URL is empty")
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if not url.startswith(("sqlite://", "postgresql+psycopg://")):
        raise ConfigError(
            f"unsupported database URL {url.split('://', 1)[0]}://..."
            " (use sqlite:///FILE or postgresql://USER@HOST/DB)"
        )
    return url


def load_config(db_url: str | None = None, env: Mapping[str, str] | None = None) -> Config:
    """The configuration from *db_url* (``--db``), else the environment, else defaults."""
    env = os.environ if env is None else env
    url = db_url or env.get(ENV_DB) or default_db_url()
    return Config(
        db_url=normalize_db_url(url),
        token_lifetime=timedelta(hours=_positive_int(env, ENV_TOKEN_HOURS, 24)),
        max_body_bytes=_positive_int(env, ENV_MAX_BODY, 1024 * 1024),
        job_interval=_job_interval(env),
        request_threads=_positive_int(env, ENV_THREADS, DEFAULT_THREADS),
        trusted_proxies=parse_trusted_proxies(env.get(ENV_TRUSTED_PROXIES, "")),
        password_cost=parse_password_cost(env.get(ENV_PASSWORD_COST, "")),
    )


def parse_password_cost(raw: str) -> PasswordCost:
    """The argon2id cost written ``t=3,m=65536,p=4`` (argon2's own notation;
    parts may be left out); the defaults for an empty text."""
    cost = PasswordCost()
    names = {"t": "time_cost", "m": "memory_kib", "p": "parallelism"}
    changes: dict[str, int] = {}
    for item in raw.split(","):
        if not item.strip():
            continue
        key, _, value = item.partition("=")
        name = names.get(key.strip())
        if name is None or not value.strip().isdigit() or int(value) <= 0:
            raise ConfigError(
                f"{ENV_PASSWORD_COST} is written t=<time cost>,m=<memory in KiB>,"
                f"p=<parallelism> with positive whole numbers, not {raw!r}"
            )
        changes[name] = int(value)
    chosen = replace(cost, **changes)
    if chosen.memory_kib < 8 * chosen.parallelism:
        raise ConfigError(f"{ENV_PASSWORD_COST}: argon2 needs at least 8 KiB of memory per lane")
    return chosen


def parse_trusted_proxies(raw: str | Sequence[str]) -> tuple[str, ...]:
    """The proxies in *raw* (comma-separated, or a list of such texts) as
    normalised addresses and networks (``10.0.0.0/8``; one address is a
    ``/32`` or ``/128`` network).  A host name or ``*`` is refused: trusting
    every peer lets any client choose the address it is throttled under."""
    parts = [raw] if isinstance(raw, str) else list(raw)
    found: list[str] = []
    for part in parts:
        for item in part.split(","):
            entry = item.strip()
            if not entry:
                continue
            try:
                network = ipaddress.ip_network(entry, strict=False)
            except ValueError:
                raise ConfigError(
                    f"a trusted proxy is an IP address or network (e.g. 127.0.0.1 or "
                    f"10.0.0.0/8), not {entry!r} ({ENV_TRUSTED_PROXIES}, --trusted-proxy)"
                ) from None
            if str(network) not in found:
                found.append(str(network))
    return tuple(found)


def _job_interval(env: Mapping[str, str]) -> float:
    raw = env.get(ENV_JOB_INTERVAL)
    if raw is None or raw.strip() == "":
        return DEFAULT_JOB_INTERVAL
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(
            f"{ENV_JOB_INTERVAL} must be a whole number of seconds, not {raw!r}"
        ) from None
    if value < 0:
        raise ConfigError(f"{ENV_JOB_INTERVAL} must be 0 (no sweeps) or more, not {value}")
    return value
