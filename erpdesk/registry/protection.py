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
    """The protection columns of a customer that is no longer protected (an
    exemption from release ends with it)."""
    return {
        "protected_since": None,
        "protected_until": None,
        "release_due_at": None,
        "warned_at": None,
        "exempt_since": None,
        "exempt_reason": None,
    }


def extend_by_follow_up(
    policy: Policy,
    since: datetime,
    until: datetime,
    last_follow_up: datetime | None,
    due: datetime | None,
    follow_up: datetime,
) -> dict[str, Any] | None:
    """The protection columns after a follow-up at *follow_up* (already capped
    at the registry's now by the caller); ``None`` when it counts for nothing:
    not after the last one counted, or before the protection began.

    Protection runs ``protection_days`` past the follow-up, never shorter than
    it already was and never past ``protection_max_days`` from *since*.  The
    owner's warning is forgotten only when the release moves later, so a
    follow-up that does not help does not earn a second warning.
    """
    if follow_up < since or (last_follow_up is not None and follow_up <= last_follow_up):
        return None
    new_until = max(
        until,
        min(
            since + timedelta(days=policy.protection_max_days),
            follow_up + timedelta(days=policy.protection_days),
        ),
    )
    new_due = release_due(policy, since, new_until, follow_up)
    changes: dict[str, Any] = {
        "last_follow_up_at": follow_up,
        "protected_until": new_until,
        "release_due_at": new_due,
    }
    if due is None or new_due > due:
        changes["warned_at"] = None
    return changes


def release_reason(
    since: datetime | None,
    until: datetime | None,
    last_follow_up: datetime | None,
    due: datetime | None,
    now: datetime,
) -> str:
    """Why a customer due at *due* goes to the pool, for the audit log."""
    if until is not None and due is not None and due >= until:
        return "protection ended"
    idle_from = last_follow_up or since or now
    return f"no follow-up for {max((now - idle_from).days, 0)} days"
