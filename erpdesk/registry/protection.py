"""Protection (客户保护) on the registry's clock.

A customer is protected from its verification (or allocation, or claim
from the pool) for ``protection_days``; each follow-up its owner logs
extends that to ``protection_days`` after the follow-up, never beyond
``protection_max_days`` after the protection began.  It goes to the pool
at ``release_due_at``: the earlier of the end of protection and
``pool_release_days`` after the last follow-up (or the start, before any).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from erpdesk.registry.policy import Policy


def release_due(
    policy: Policy, since: datetime, until: datetime, last_follow_up: datetime | None
) -> datetime:
    """When a customer protected from *since* to *until* goes to the pool."""
    idle_from = last_follow_up if last_follow_up is not None else since
    return min(until, idle_from + timedelta(days=policy.pool_release_days))


def start_protection(policy: Policy, now: datetime) -> dict[str, Any]:
    """The registry-owned columns of a customer whose protection starts *now*
    (the owner is set by the caller)."""
    until = now + timedelta(days=policy.protection_days)
    return {
        "status": "protected",
        "protected_since": now,
        "protected_until": until,
        "last_follow_up_at": None,
        "release_due_at": release_due(policy, now, until, None),
        "warned_at": None,
    }


def end_protection() -> dict[str, Any]:
    """The protection columns of a customer that is no longer protected."""
    return {
        "protected_since": None,
        "protected_until": None,
        "release_due_at": None,
        "warned_at": None,
    }
