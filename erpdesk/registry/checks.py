"""The duplicate check (查重): is a company free, taken, or like another?

Exact matches (same credit code, same normalised name) are looked up by
index among the customers that hold a registration slot (pending or
protected).  Near names are found in two steps:

1. SQL prefilter: the customers whose name key shares at least one
   2-character piece ("bigram", table ``customer_name_grams``) with the
   key asked about;
2. the domain's ``DuplicateIndex`` scores those few exactly as the desk does.

The prefilter never drops a match at the thresholds allowed (70-100): for
``fuzz.ratio`` >= T the longest common subsequence L of keys of lengths a
and b is at least T/200·(a+b); of its L-1 neighbouring pairs at most
(a-L)+(b-L) are broken by a gap, so at least 3L-a-b-1 >= (3T/200-1)(a+b)-1
pairs are a bigram of both keys, which is positive for T > 66.7 and a+b >= 4
(shorter keys need an exact match at such thresholds).  A key contained in
another (the ``CONTAINED_SCORE`` rule) shares all its bigrams.  Keys of one
character have no bigram and match exactly or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, delete, insert, or_, select

from erpdesk.domain.duplicates import Candidate, DuplicateIndex, MatchKind
from erpdesk.domain.names import normalize_company_name
from erpdesk.domain.uscc import normalize_uscc
from erpdesk.registry.accounts import User
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.schema import (
    ACTIVE_STATUSES,
    customer_name_grams,
    customers,
    registrations,
    users,
)
from erpdesk.registry.errors import BadRequest
from erpdesk.registry.policy import load_policy

MAX_MATCHES = 5
MAX_NAME = 200
MAX_USCC = 40


def name_grams(name_key: str) -> set[str]:
    """The distinct 2-character pieces of *name_key*."""
    return {name_key[i : i + 2] for i in range(len(name_key) - 1)}


def index_name(conn: Connection, customer_id: str, name_key: str) -> None:
    """(Re)write the prefilter rows of a customer whose name key is *name_key*."""
    conn.execute(
        delete(customer_name_grams).where(customer_name_grams.c.customer_id == customer_id)
    )
    grams = sorted(name_grams(name_key))
    if grams:
        conn.execute(
            insert(customer_name_grams),
            [{"gram": g, "customer_id": customer_id} for g in grams],
        )


@dataclass(frozen=True)
class Holder:
    """A customer holding a registration slot, with its owner."""

    id: str
    name: str
    name_key: str
    uscc: str
    status: str
    owner_id: int | None
    owner_display_name: str
    protected_since: datetime | None

    @classmethod
    def of(cls, row: Row[Any]) -> Holder:
        return cls(
            row.id, row.name, row.name_key, row.uscc, row.status, row.owner_id,
            row.display_name or "", row.protected_since,
        )


_HOLDER_COLUMNS = (
    customers.c.id, customers.c.name, customers.c.name_key, customers.c.uscc,
    customers.c.status, customers.c.owner_id, customers.c.protected_since,
    users.c.display_name,
)


def slot_holders(
    conn: Connection, uscc: str, name_key: str, *, exclude_id: str | None = None
) -> list[Holder]:
    """Active customers with the credit code *uscc* or the name key *name_key*,
    those matching the code first."""
    terms = []
    if uscc:
        terms.append(customers.c.uscc == uscc)
    if name_key:
        terms.append(customers.c.name_key == name_key)
    if not terms:
        return []
    query = (
        select(*_HOLDER_COLUMNS)
        .outerjoin(users, users.c.id == customers.c.owner_id)
        .where(customers.c.status.in_(ACTIVE_STATUSES), or_(*terms))
    )
    if exclude_id:
        query = query.where(customers.c.id != exclude_id)
    holders = [Holder.of(r) for r in conn.execute(query)]
    return sorted(holders, key=lambda h: (h.uscc != uscc or not uscc, h.id))


def pending_since(conn: Connection, customer_id: str) -> datetime | None:
    """When the customer's waiting registration was submitted."""
    return conn.execute(
        select(registrations.c.submitted_at)
        .where(registrations.c.customer_id == customer_id, registrations.c.status == "pending")
        .order_by(registrations.c.submitted_at.desc())
        .limit(1)
    ).scalar_one_or_none()


def similar_holders(
    conn: Connection, name_key: str, threshold: float, *, limit: int = MAX_MATCHES
) -> list[tuple[Holder, float]]:
    """Active customers whose name key scores *threshold* or more, best first."""
    grams = name_grams(name_key)
    if not grams:
        return []
    sharing = (
        select(customer_name_grams.c.customer_id)
        .where(customer_name_grams.c.gram.in_(sorted(grams)))
        .distinct()
    )
    rows = conn.execute(
        select(*_HOLDER_COLUMNS)
        .outerjoin(users, users.c.id == customers.c.owner_id)
        .where(customers.c.status.in_(ACTIVE_STATUSES), customers.c.id.in_(sharing))
    )
    holders = {r.id: Holder.of(r) for r in rows}
    index = DuplicateIndex(Candidate(h.id, h.name, h.uscc, h.name_key) for h in holders.values())
    return [
        (holders[m.candidate.id], m.score)
        for m in index.find(name_key, limit=limit, threshold=threshold)
        if m.kind is MatchKind.SIMILAR
    ]


@dataclass(frozen=True)
class Match:
    """One match as the asking user may see it; hidden parts are ``None``."""

    kind: str
    score: float
    customer_id: str | None = None
    name: str | None = None
    owner: str | None = None


@dataclass(frozen=True)
class CheckResult:
    status: str  # free, protected_by_you, protected_by_other, pending, possible_duplicate
    owner: str | None = None  # display name of whoever holds the company
    since: datetime | None = None  # protection date, or when the pending request came
    customer_id: str | None = None  # only for the user's own customer or an admin
    matches: list[Match] = field(default_factory=list)


def _visible(user: User, holder: Holder) -> bool:
    return user.role == "admin" or holder.owner_id == user.id


def _match(user: User, holder: Holder, kind: str, score: float) -> Match:
    if _visible(user, holder):
        return Match(kind, round(score, 1), holder.id, holder.name, holder.owner_display_name)
    return Match(kind, round(score, 1))


def check_customer(db: RegistryDatabase, user: User, name: str, uscc: str) -> CheckResult:
    """What the registry knows about a company called *name* with code *uscc*.

    A rep or telemarketer learns of another's customer at most its owner's
    display name and the protection date; an administrator sees everything.
    """
    if len(name) > MAX_NAME or len(uscc) > MAX_USCC:
        raise BadRequest("The name or credit code is too long", code="invalid_request")
    code = normalize_uscc(uscc)
    key = normalize_company_name(name) if name.strip() else ""
    if not code and not key:
        raise BadRequest("Give a company name or a credit code to check", code="invalid_request")
    with db.read() as conn:
        holders = slot_holders(conn, code, key)
        if holders:
            first = holders[0]
            matches = [
                _match(user, h, "same_uscc" if code and h.uscc == code else "same_name", 100.0)
                for h in holders
            ]
            if first.status == "pending":
                since = pending_since(conn, first.id)
                status = "pending"
            else:
                since = first.protected_since
                status = "protected_by_you" if first.owner_id == user.id else "protected_by_other"
            return CheckResult(
                status, first.owner_display_name, since,
                first.id if _visible(user, first) else None, matches,
            )
        if not key:
            return CheckResult("free")
        threshold = load_policy(conn).similarity_threshold
        similar = similar_holders(conn, key, threshold)
    if not similar:
        return CheckResult("free")
    return CheckResult(
        "possible_duplicate", matches=[_match(user, h, "similar", s) for h, s in similar]
    )
