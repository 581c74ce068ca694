"""Sending the registrations a rep asked for while offline.

Called by ``SyncEngine.run`` before it pushes the outbox: each waiting
request goes to ``POST /api/v1/registrations`` exactly as it was stored
(the registry answers a repeat of the same request id from its store, so a
request sent again after a crash is harmless).  A refusal (``409`` the
company is held, ``422`` incomplete ...) is final: the request is marked
refused with the registry's reason and error code, and the customer is
unregistered again.  An answer with ``near_matches`` (the registry holds
customers of a near name) makes the request a possible duplicate, shown and
notified while the administrator decides.  The registry checks near names
when a registration is first read, not when it is submitted: the answer to
the POST normally says ``near_check: pending`` (nothing known yet, which
never wipes matches already stored).  Then each sent request not yet
decided is read back (``GET /api/v1/registrations/{id}``), the one just
sent included, so that the first read back, in the same run, brings the
check's findings: a possible duplicate not yet known is stored; a decision
(verified, rejected with its reasons) replaces that and is stored to be
shown and notified.  The protection dates come with the customer in the
pull that follows.  No connection, a 5xx or a lapsed sign-in end the run
as for the outbox (``SyncError``); the requests wait for the next run.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Protocol

from erpdesk.domain.near_matches import NearMatch, near_matches_of
from erpdesk.services.events import Change
from erpdesk.storage.registration_store import SENT, WAITING, RegistrationStore
from erpdesk.storage.sync_store import SyncStore
from erpdesk.sync.client import RegistryClient, RequestRefused

log = logging.getLogger(__name__)


class Feed(Protocol):
    def publish(self, change: Change) -> None: ...


@dataclass
class RegistrationReport:
    sent: int = 0
    refused: int = 0
    decided: int = 0
    possible_duplicates: int = 0


def store_of(sync_store: SyncStore) -> RegistrationStore:
    """The registration store on the sync store's database."""
    return RegistrationStore(sync_store._db)


def send_registrations(
    store: RegistrationStore | SyncStore, client: RegistryClient, feed: Feed | None = None
) -> RegistrationReport:
    """Send the waiting requests, then read back the undecided ones."""
    if isinstance(store, SyncStore):
        store = store_of(store)
    report = RegistrationReport()
    customers: set[str] = set()
    requests: set[str] = set()
    for request in store.in_state(WAITING):
        try:
            answer = client._request("POST", "/api/v1/registrations", json=request.payload)
        except RequestRefused as exc:
            reason = str(exc.params.get("detail") or exc.render())
            code = str(exc.params.get("code") or "")
            log.warning("sync: registration %s refused (%s): %s", request.id, code, reason)
            store.mark_refused(request.id, reason, code)
            report.refused += 1
        else:
            matches = _near_matches(answer) if _near_checked(answer) else None
            store.mark_sent(request.id, _text(answer, "status", "pending"),
                            _text(answer, "reasons", ""), matches)
            report.sent += 1
            report.possible_duplicates += bool(matches)
        customers.add(request.customer_id)
        requests.add(request.id)
    for request in store.in_state(SENT):
        try:
            answer = client._request("GET", f"/api/v1/registrations/{request.id}")
        except RequestRefused as exc:  # gone (404): leave it to the pull
            log.info("sync: registration %s not readable: %s", request.id, exc)
            continue
        status = _text(answer, "status", "pending")
        if status == "pending":
            matches = _near_matches(answer)
            if matches and store.mark_possible_duplicate(request.id, matches):
                report.possible_duplicates += 1
                customers.add(request.customer_id)
                requests.add(request.id)
        else:
            decided = answer.get("decided_at") if isinstance(answer, dict) else None
            store.mark_decided(request.id, status, _text(answer, "reasons", ""),
                               str(decided) if decided else None)
            report.decided += 1
            customers.add(request.customer_id)
            requests.add(request.id)
    if feed is not None:
        if customers:
            feed.publish(Change("customer", tuple(sorted(customers))))
        if requests:
            feed.publish(Change("registration", tuple(sorted(requests))))
    return report


def _near_matches(answer: Any) -> tuple[NearMatch, ...]:
    """The possible duplicates of the registry's answer (none from a
    registry that does not report them)."""
    if not isinstance(answer, dict) or not answer.get("possible_duplicate"):
        return ()
    return near_matches_of(answer.get("near_matches"))


def _near_checked(answer: Any) -> bool:
    """Has the registry checked the answer's registration for near names
    (a registry that does not say: yes, at submission)?"""
    return not isinstance(answer, dict) or answer.get("near_check", "done") != "pending"


def _text(answer: Any, key: str, default: str) -> str:
    if isinstance(answer, dict) and answer.get(key) is not None:
        return str(answer[key])
    return default
