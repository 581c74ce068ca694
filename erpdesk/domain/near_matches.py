"""The possible duplicates the registry reports with a registration.

A registration whose name is near that of a customer the registry holds
(pending or protected) is a *possible duplicate* the administrator decides.
The registry tells the rep each such customer's score, and its name and
status only when the customer is the rep's own.  The desk keeps them with
the request as JSON text (``registration_request.near_matches``); an
unreadable entry is left out, never an error.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class NearMatch:
    """A held customer near a registration's name; ``customer_id``, ``name``,
    ``status`` (pending or protected) and ``owner`` (its display name) are
    None when the registry does not tell them."""

    score: float
    customer_id: str | None = None
    name: str | None = None
    status: str | None = None
    owner: str | None = None

    @classmethod
    def of(cls, data: Any) -> NearMatch | None:
        """From the registry's answer or the stored JSON; None if unreadable."""
        if not isinstance(data, dict):
            return None
        try:
            score = float(data.get("score") or 0)
        except (TypeError, ValueError):
            return None
        text = {
            key: str(data[key]) if data.get(key) is not None else None
            for key in ("customer_id", "name", "status", "owner")
        }
        return cls(score, text["customer_id"], text["name"], text["status"], text["owner"])

    def json(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "customer_id": self.customer_id,
            "name": self.name,
            "status": self.status,
            "owner": self.owner,
        }


def near_matches_of(data: Any) -> tuple[NearMatch, ...]:
    """The readable near matches of a list (the registry's ``near_matches``)."""
    if not isinstance(data, list):
        return ()
    return tuple(m for m in (NearMatch.of(d) for d in data) if m is not None)


def near_matches_text(matches: tuple[NearMatch, ...]) -> str:
    """*matches* as stored: JSON text, or ``""`` for none."""
    if not matches:
        return ""
    return json.dumps([m.json() for m in matches], ensure_ascii=False, sort_keys=True)


def near_matches_from_text(text: str | None) -> tuple[NearMatch, ...]:
    """The near matches stored as ``near_matches_text``."""
    if not text:
        return ()
    try:
        return near_matches_of(json.loads(text))
    except ValueError:
        return ()
