"""The near-name check of a registration, run when first needed.

A registration whose company name is near that of a customer the registry
holds (pending or protected: ``checks.similar_holders`` at the policy's
``similarity_threshold``) is a *possible duplicate*, decided by the
administrator's call-back.  The check costs as much as the rest of a
registration, so it is not part of the submission: the registration is
stored unchecked (``near_matches`` holds JSON ``null``; ``[]`` is "checked,
nothing near") and checked when first needed, by whichever comes first:

- a read of the registration (``GET /api/v1/registrations/{id}``: its desk
  reads back every undecided request at each sync, so normally within the
  sync that sent it), the administrator's queue (the rows of the page not
  checked yet) and the call-back (before the decision is written);
- the registry's periodic job (``jobs.run_protection_sweep``), which checks
  the pending registrations not checked yet, in batches.

The check reads in its own (read) transaction and stores its result in a
short write transaction of its own, with a conditional UPDATE (still
pending, still unchecked): the first result stored stands, a reader that
lost the race reads it back, and a registration decided before it was
checked is never checked afterwards.  The result is "as of the first
check", which may come a little after the submission: a customer
registered in between counts, which is what the administrator wants to
know anyway; one registered after the first check never does.  A finding
is audited on the customer (``registration.possible_duplicate``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Text, cast, select, update

from erpdesk.domain.names import normalize_company_name
from erpdesk.registry.accounts import User
from erpdesk.registry.checks import Holder, similar_holders
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.journal import Actor, audit
from erpdesk.registry.db.schema import registrations
from erpdesk.registry.policy import current_policy

# ``RegistrationView.near_check``: the check has not run yet (the answer
# says nothing found so far), or it ran (the answer says what it found).
PENDING = "pending"
DONE = "done"
ACTOR = Actor(None, "job:near_check")
AUDIT_ACTION = "registration.possible_duplicate"
# Not checked yet: the column is NOT NULL (schema 0010), so "unchecked" is
# the JSON value null, told apart from [] ("checked, nothing near").  JSON
# has no equality operator on PostgreSQL: compared as text.
UNCHECKED = cast(registrations.c.near_matches, Text) == "null"


@dataclass(frozen=True)
class NearMatch:
    """A customer whose name is near the registered one, as found by the
    check; the parts the viewer may not see are ``None``."""

    score: float
    customer_id: str | None = None
    name: str | None = None
    status: str | None = None  # pending or protected
    owner: str | None = None  # the owner's display name


def near_match_json(holder: Holder, score: float) -> dict[str, Any]:
    """How a near match is stored in ``registrations.near_matches``."""
    return {
        "customer_id": holder.id,
        "name": holder.name,
        "score": round(score, 1),
        "status": holder.status,
        "owner_id": holder.owner_id,
        "owner": holder.owner_display_name,
    }


def near_matches_for(stored: Any, viewer: User | None) -> list[NearMatch]:
    """The stored near matches as *viewer* may see them (``None``: all, for
    the administrator's own calls).  Like ``checks._visible``: an
    administrator sees every match, a rep its own customers, and of
    another's customer only the score."""
    matches = []
    for m in stored or ():
        if not isinstance(m, dict):
            continue
        score = float(m.get("score") or 0)
        if viewer is None or viewer.role == "admin" or m.get("owner_id") == viewer.id:
            matches.append(NearMatch(score, m.get("customer_id"), m.get("name"),
                                     m.get("status"), m.get("owner")))
        else:
            matches.append(NearMatch(score))
    return matches


def unchecked(row: Any) -> bool:
    """Is *row* (a ``registrations`` row) pending and not checked yet?"""
    return bool(row.status == "pending" and row.near_matches is None)


def find_near(conn: Connection, customer_id: str, name: str) -> list[dict[str, Any]]:
    """The held customers whose name is near *name* (the registration's
    customer *customer_id* itself left out), as stored."""
    threshold = current_policy(conn).similarity_threshold
    key = normalize_company_name(name)
    return [
        near_match_json(holder, score)
        for holder, score in similar_holders(conn, key, threshold)
        if holder.id != customer_id
    ]


def _name(row: Any) -> str:
    snapshot = row.customer_snapshot if isinstance(row.customer_snapshot, dict) else {}
    return str(snapshot.get("name") or "")


def run_checks(db: RegistryDatabase, rows: Iterable[Any], now: datetime) -> dict[str, Any]:
    """Check the registrations of *rows* not checked yet (each row with the
    ``registrations`` columns) and store what each found; for each of them,
    ``{id: its stored near_matches}`` (``None`` when it was decided
    before it could be stored).  Empty when every row was checked."""
    todo = sorted((row for row in rows if unchecked(row)), key=lambda row: row.id)
    if not todo:
        return {}
    with db.read() as conn:
        found = {row.id: find_near(conn, row.customer_id, _name(row)) for row in todo}
    stored: dict[str, Any] = {}
    with db.write() as conn:
        for row in todo:
            near = found[row.id]
            done = conn.execute(
                update(registrations)
                .where(registrations.c.id == row.id, registrations.c.status == "pending",
                       UNCHECKED)
                .values(near_matches=near)
            ).rowcount
            if not done:  # checked by another reader first, or decided meanwhile
                stored[row.id] = conn.execute(
                    select(registrations.c.near_matches).where(registrations.c.id == row.id)
                ).scalar_one_or_none()
                continue
            stored[row.id] = near
            if near:
                audit(conn, now, ACTOR, AUDIT_ACTION, "customer", row.customer_id,
                      after={"registration": row.id,
                             "near_matches": [m["customer_id"] for m in near]})
    return stored


_CHECK_COLUMNS = (
    registrations.c.id,
    registrations.c.customer_id,
    registrations.c.customer_snapshot,
    registrations.c.status,
    registrations.c.near_matches,
)


def check_registration(db: RegistryDatabase, registration_id: str, now: datetime) -> None:
    """Check one registration if it is pending and not checked yet (the
    call-back does so before it decides)."""
    with db.read() as conn:
        row = conn.execute(
            select(*_CHECK_COLUMNS).where(registrations.c.id == registration_id)
        ).first()
    if row is not None:
        run_checks(db, [row], now)


def check_batch(db: RegistryDatabase, now: datetime, limit: int) -> tuple[int, bool]:
    """Check up to *limit* pending registrations not checked yet, oldest
    first (the periodic job's step, one batch); ``(how many are checked
    now, whether more may wait)``."""
    with db.read() as conn:
        rows = conn.execute(
            select(*_CHECK_COLUMNS)
            .where(registrations.c.status == "pending", UNCHECKED)
            .order_by(registrations.c.submitted_at, registrations.c.id)
            .limit(limit)
        ).all()
    stored = run_checks(db, rows, now)
    checked = sum(1 for row in rows if row.id in stored and stored[row.id] is not None)
    return checked, len(rows) == limit and checked > 0
