"""The administrator's settings: protection, pool, caps, thresholds.

Kept in the ``settings`` table (so every worker sees the same values) as
text; a key never set takes its default.  ``set_setting`` validates each
value and the relations between them, and audits the change.
"""

from __future__ import annotations

import time
import weakref
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime

from sqlalchemy import Connection, Engine, ScalarSelect, delete, insert, select

from erpdesk.domain.duplicates import SIMILARITY_THRESHOLD
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.registry.db.journal import Actor, audit
from erpdesk.registry.db.schema import settings
from erpdesk.registry.errors import BadRequest

# Below this the near-name prefilter could miss a match (see ``checks``).
MIN_SIMILARITY = 70.0


@dataclass(frozen=True)
class Policy:
    """Every setting with its default."""

    protection_days: int = 90  # protection from verification
    protection_max_days: int = 180  # hard maximum, follow-ups included
    pool_release_days: int = 30  # days without follow-up before release to the pool
    warning_days: int = 7  # warning this many days before the release
    rep_cap: int = 200  # customers one rep may hold (pending + protected)
    cooldown_days: int = 30  # before a rep may claim back a customer it lost
    similarity_threshold: float = SIMILARITY_THRESHOLD  # near-name score, 70-100
    callback_days: int = 3  # call back and allocate within this many days
    op_retention_days: int = 180  # sync ops remembered (longest offline period supported)
    pool_claims_per_day: int = 5  # claims from the pool one rep may make in 24 hours
    exempt_won: int = 1  # 1: a customer whose lead is reported signed is exempt from release
    exempt_open_deals: int = 1  # 1: a customer with an open deal is neither warned nor released

    def problems(self) -> list[str]:
        """Every way these values contradict each other; ``[]`` when sound."""
        out = []
        if self.protection_max_days < self.protection_days:
            out.append(QT_TRANSLATE_NOOP(
                "Registry", "protection_max_days must be at least protection_days"))
        if self.warning_days >= self.pool_release_days:
            out.append(QT_TRANSLATE_NOOP(
                "Registry", "warning_days must be less than pool_release_days"))
        return out


DESCRIPTIONS = {
    "protection_days": "days a verified customer is protected",
    "protection_max_days": "longest protection, follow-ups included",
    "pool_release_days": "days without follow-up before release to the pool",
    "warning_days": "days of warning before a release",
    "rep_cap": "most customers one rep may hold (pending and protected)",
    "cooldown_days": "days before a rep may claim back a customer it lost to the pool",
    "similarity_threshold": "score (70-100) from which a similar name is a possible duplicate",
    "callback_days": "days within which a registration is called back (urgent: at once)",
    "op_retention_days": "days an applied sync op is remembered (longest offline period)",
    "pool_claims_per_day": "claims from the pool one rep may make in any 24 hours",
    "exempt_won": "1: a customer won through a lead (outcome signed) is exempt from release "
    "to the pool; 0: it is not",
    "exempt_open_deals": "1: a customer with an open deal (synced from a desk) is neither warned "
    "nor released to the pool while the deal is open; 0: it is",
}

_RANGES: dict[str, tuple[float, float]] = {
    "protection_days": (1, 3650),
    "protection_max_days": (1, 3650),
    "pool_release_days": (1, 3650),
    "warning_days": (0, 365),
    "rep_cap": (1, 100_000),
    "cooldown_days": (0, 3650),
    "similarity_threshold": (MIN_SIMILARITY, 100),
    "callback_days": (1, 30),
    "op_retention_days": (30, 3650),
    "pool_claims_per_day": (1, 1000),
    "exempt_won": (0, 1),
    "exempt_open_deals": (0, 1),
}
KEYS = tuple(f.name for f in fields(Policy))


def parse_value(key: str, raw: str) -> int | float:
    """*raw* as the value of *key*; ``BadRequest`` naming the key when it is wrong."""
    if key not in KEYS:
        raise BadRequest(
            "Unknown setting {key}; the settings are: {keys}", code="unknown_setting",
            key=key, keys=", ".join(KEYS),
        )
    kind = type(getattr(Policy(), key))
    try:
        value: int | float = kind(raw.strip())
    except ValueError:
        raise BadRequest(
            "{key} must be a whole number, not {raw}" if kind is int
            else "{key} must be a number, not {raw}",
            code="invalid_setting", key=key, raw=raw,
        ) from None
    low, high = _RANGES[key]
    if not low <= value <= high:
        raise BadRequest(
            "{key} must be between {low:g} and {high:g}, not {value}", code="invalid_setting",
            key=key, low=low, high=high, value=value,
        )
    return value


def load_policy(conn: Connection) -> Policy:
    """The settings in force (defaults for keys never set)."""
    stored = dict(conn.execute(select(settings.c.key, settings.c.value)).all())
    values = {key: stored_value(key, stored.get(key)) for key in KEYS}
    # Dynamic keys: each is one of KEYS and parse_value gives it its field's
    # type, which mypy cannot tie to the key.
    return Policy(**values)  # type: ignore[arg-type]


def stored_value(key: str, raw: str | None) -> int | float:
    """The value of *key* in force when the ``settings`` table holds *raw*
    for it (``None``: never set): its default when never set, or when edited
    by hand into nonsense."""
    if raw is not None:
        try:
            return parse_value(key, raw)
        except BadRequest:
            pass
    value: int | float = getattr(Policy(), key)
    return value


def stored_text(key: str) -> ScalarSelect[str]:
    """The text stored for *key* (NULL when never set), as a scalar subquery:
    for a query that needs one setting beside its rows (``stored_value``
    reads it)."""
    return select(settings.c.value).where(settings.c.key == key).scalar_subquery()


# Seconds ``current_policy`` remembers the settings of a database: a changed
# setting reaches the other processes within this time (at once in the
# process that changed it).
POLICY_CACHE_SECONDS = 5.0
_generation = 0  # bumped by every change made in this process
_remembered: weakref.WeakKeyDictionary[Engine, tuple[int, float, Policy]] = (
    weakref.WeakKeyDictionary()
)


def current_policy(conn: Connection) -> Policy:
    """``load_policy``, remembered per database for ``POLICY_CACHE_SECONDS``:
    for the requests that read it every time (the check, registrations)."""
    engine = conn.engine
    now = time.monotonic()
    hit = _remembered.get(engine)
    if hit is not None and hit[0] == _generation and hit[1] > now:
        return hit[2]
    policy = load_policy(conn)
    _remembered[engine] = (_generation, now + POLICY_CACHE_SECONDS, policy)
    return policy


def set_setting(conn: Connection, now: datetime, actor: Actor, key: str, raw: str) -> Policy:
    """Store *key* = *raw* after checking it and the settings it relates to."""
    global _generation
    _generation += 1
    value = parse_value(key, raw)
    before = load_policy(conn)
    # A dynamic key, as in load_policy: parse_value checked it and its type.
    after = replace(before, **{key: value})  # type: ignore[arg-type]
    if problems := after.problems():
        raise BadRequest(problems[0], code="invalid_setting")
    conn.execute(delete(settings).where(settings.c.key == key))
    conn.execute(insert(settings).values(key=key, value=str(value), updated_at=now))
    audit(
        conn, now, actor, "settings.set", "settings", key,
        before={key: getattr(before, key)}, after={key: value},
    )
    return after


def policy_dict(policy: Policy) -> dict[str, int | float]:
    return asdict(policy)
