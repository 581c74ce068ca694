"""Registration requests on the desk (``registration_request``, schema 0007).

A request is written when the rep asks for registration (state
``waiting``; the customer shows as pending at once), sent by the next sync
(``sent``, with the registry's answer in ``result``: ``pending``), refused
by the registry (``refused``, its reason in ``reasons`` and its error code
in ``code``; the customer is unregistered again) or decided (``decided``:
``verified`` or ``rejected`` with the reasons).  A sent request the
registry found near the name of a held customer is a *possible duplicate*
(``near_matches``, schema 0008: what the rep may see of those customers)
until the administrator's decision replaces it; the registry may tell it
with the answer to the request or at a later read back (it checks near
names when first needed), and an answer that tells none never wipes it.
Each method is one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.orm import Session

from erpdesk.domain.customer import utcnow
from erpdesk.domain.near_matches import NearMatch, near_matches_from_text, near_matches_text
from erpdesk.storage.database import DeskDatabase, translated_errors
from erpdesk.storage.schema import customer, registration_request

if TYPE_CHECKING:
    from sqlalchemy.engine import CursorResult

WAITING = "waiting"
SENT = "sent"
REFUSED = "refused"
DECIDED = "decided"
OPEN_STATES = (WAITING, SENT)


@dataclass(frozen=True)
class StoredRequest:
    """One row of ``registration_request`` (``payload`` decoded)."""

    id: str
    customer_id: str
    payload: dict[str, Any]
    state: str
    requested_at: str
    sent_at: str | None
    result: str
    reasons: str
    decided_at: str | None
    notified: bool
    customer_name: str = ""
    code: str = ""  # the registry's error code of a refusal
    near_matches: tuple[NearMatch, ...] = ()

    @property
    def open(self) -> bool:
        """Waiting to be sent, or sent and not decided yet."""
        return self.state in OPEN_STATES

    @property
    def possible_duplicate(self) -> bool:
        """Sent, undecided, and near a customer the registry holds: the
        administrator decides."""
        return self.state == SENT and bool(self.near_matches)


def _request(row: Any) -> StoredRequest:
    return StoredRequest(
        id=row.id, customer_id=row.customer_id, payload=json.loads(row.payload),
        state=row.state, requested_at=row.requested_at, sent_at=row.sent_at,
        result=row.result or "", reasons=row.reasons or "", decided_at=row.decided_at,
        notified=bool(row.notified), customer_name=str(getattr(row, "name", "") or ""),
        code=row.code or "", near_matches=near_matches_from_text(row.near_matches),
    )


_SELECT = select(registration_request, customer.c.name).join(
    customer, customer.c.id == registration_request.c.customer_id
)


class RegistrationStore:
    """Reads and writes of registration requests on one desk database."""

    def __init__(self, db: DeskDatabase) -> None:
        self._db = db

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        self._db.verify()
        with translated_errors(self._db.path), self._db.sessions() as s, s.begin():
            yield s

    def add(self, request_id: str, customer_id: str, payload: dict[str, Any]) -> None:
        """Store a new waiting request and show its customer as pending."""
        now = utcnow().isoformat(timespec="microseconds")
        with self._transaction() as s:
            s.execute(insert(registration_request).values(
                id=request_id, customer_id=customer_id,
                payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
                state=WAITING, requested_at=now,
            ))
            s.execute(update(customer).where(customer.c.id == customer_id)
                      .values(registration="pending"))

    def protection(self, customer_id: str) -> tuple[str, str | None, str | None]:
        """(registration, protected_until, release_due_at) of a customer."""
        with self._transaction() as s:
            row = s.execute(select(customer.c.registration, customer.c.protected_until,
                                   customer.c.release_due_at)
                            .where(customer.c.id == customer_id)).first()
            if row is None:
                return ("unregistered", None, None)
            return (str(row.registration), row.protected_until, row.release_due_at)

    def get(self, request_id: str) -> StoredRequest | None:
        with self._transaction() as s:
            row = s.execute(_SELECT.where(registration_request.c.id == request_id)).first()
            return _request(row) if row is not None else None

    def latest_for(self, customer_id: str) -> StoredRequest | None:
        """The customer's newest request, or None."""
        with self._transaction() as s:
            row = s.execute(
                _SELECT.where(registration_request.c.customer_id == customer_id)
                .order_by(registration_request.c.requested_at.desc()).limit(1)
            ).first()
            return _request(row) if row is not None else None

    def in_state(self, *states: str) -> list[StoredRequest]:
        """Requests in *states*, oldest first."""
        with self._transaction() as s:
            rows = s.execute(
                _SELECT.where(registration_request.c.state.in_(states))
                .order_by(registration_request.c.requested_at, registration_request.c.id)
            )
            return [_request(r) for r in rows]

    def mark_sent(self, request_id: str, result: str, reasons: str = "",
                  near_matches: tuple[NearMatch, ...] | None = ()) -> None:
        """The registry took the request (*result*: its status, ``pending``);
        with *near_matches* it is a possible duplicate, told once.  ``None``:
        the registry has not checked near names yet (its answer tells
        nothing of them), so whatever is stored stays."""
        now = utcnow().isoformat(timespec="microseconds")
        near = {} if near_matches is None else {"near_matches": near_matches_text(near_matches)}
        with self._transaction() as s:
            s.execute(update(registration_request)
                      .where(registration_request.c.id == request_id)
                      .values(state=SENT, sent_at=now, result=result, reasons=reasons,
                              notified=False, **near))

    def mark_possible_duplicate(
        self, request_id: str, near_matches: tuple[NearMatch, ...]
    ) -> bool:
        """A sent request read back as a possible duplicate: store *near_matches*
        (to be told once) unless the same are stored.  True when changed."""
        stored = near_matches_text(near_matches)
        with self._transaction() as s:
            done = s.execute(update(registration_request).where(
                registration_request.c.id == request_id,
                registration_request.c.state == SENT,
                registration_request.c.near_matches != stored,
            ).values(near_matches=stored, notified=False))
            return bool(cast("CursorResult[Any]", done).rowcount)

    def mark_refused(self, request_id: str, reasons: str, code: str = "") -> None:
        """The registry refused the request (*code*: its error code): the
        customer is unregistered again (unless a pull has told otherwise
        meanwhile)."""
        now = utcnow().isoformat(timespec="microseconds")
        with self._transaction() as s:
            row = s.execute(select(registration_request.c.customer_id)
                            .where(registration_request.c.id == request_id)).first()
            s.execute(update(registration_request)
                      .where(registration_request.c.id == request_id)
                      .values(state=REFUSED, result="refused", reasons=reasons,
                              code=code[:40], decided_at=now, notified=False))
            if row is not None:
                s.execute(update(customer)
                          .where(customer.c.id == row.customer_id,
                                 customer.c.registration == "pending")
                          .values(registration="unregistered"))

    def mark_decided(
        self, request_id: str, result: str, reasons: str, decided_at: str | None
    ) -> None:
        with self._transaction() as s:
            s.execute(update(registration_request)
                      .where(registration_request.c.id == request_id)
                      .values(state=DECIDED, result=result, reasons=reasons,
                              decided_at=decided_at or utcnow().isoformat(), notified=False))

    def unnotified(self) -> list[StoredRequest]:
        """Refused, decided or possible-duplicate requests the user has not
        been told of."""
        r = registration_request.c
        with self._transaction() as s:
            rows = s.execute(
                _SELECT.where(
                    or_(r.state.in_((REFUSED, DECIDED)),
                        and_(r.state == SENT, r.near_matches != "")),
                    r.notified.is_(False),
                ).order_by(func.coalesce(r.decided_at, r.sent_at), r.id)
            )
            return [_request(r) for r in rows]

    def mark_notified(self, request_ids: list[str]) -> None:
        with self._transaction() as s:
            s.execute(update(registration_request)
                      .where(registration_request.c.id.in_(request_ids))
                      .values(notified=True))
