"""The presales consultants a lead may assign, as the desk knows them.

The registry lists them (``GET /api/v1/presales/consultants``: a lead's
team, with their open engagements); the desk keeps the last answer in its
``meta`` table (key ``presales.consultants``, JSON) so that a lead assigns
offline too.  The list shown merges in every consultant the desk's own
requests and engagements name, so a consultant never disappears from the
choice because the registry could not be asked.  Whether a name is really
an active presales user is decided by the registry when the assignment is
pushed; the desk only says which names it has seen listed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from erpdesk.domain.customer import utcnow

if TYPE_CHECKING:
    from erpdesk.storage.uow import UnitOfWork

META_KEY = "presales.consultants"
FORMAT = 1


@dataclass(frozen=True)
class Consultant:
    """A consultant to assign.  ``listed``: the registry's last list named
    it (an active presales user then); ``open_engagements`` is the
    registry's count when listed, else the desk's own count."""

    username: str
    display_name: str = ""
    team: str = ""
    lead: bool = False
    open_engagements: int = 0
    listed: bool = False

    @classmethod
    def of(cls, item: Any) -> Consultant:
        """From the registry's answer (an object with the answer's fields)."""
        return cls(
            str(item.username), str(item.display_name or ""), str(item.team or ""),
            bool(item.lead), int(item.open_engagements or 0), True,
        )  # fmt: skip

    def label(self) -> str:
        """"王芳 (wang.fang)", or the user name alone."""
        if self.display_name and self.display_name != self.username:
            return f"{self.display_name} ({self.username})"
        return self.username


@dataclass(frozen=True)
class ConsultantList:
    """The consultants to choose from and when the registry last listed them
    (None: never, only the desk's own names)."""

    consultants: tuple[Consultant, ...] = ()
    fetched_at: datetime | None = None

    def get(self, username: str) -> Consultant | None:
        return next((c for c in self.consultants if c.username == username), None)

    def is_listed(self, username: str) -> bool:
        found = self.get(username)
        return found is not None and found.listed


def _dump(consultants: Iterable[Consultant], fetched_at: datetime) -> str:
    rows = [
        {"username": c.username, "display_name": c.display_name, "team": c.team,
         "lead": c.lead, "open_engagements": c.open_engagements}
        for c in consultants
    ]  # fmt: skip
    body = {"format": FORMAT, "fetched_at": fetched_at.isoformat(), "consultants": rows}
    return json.dumps(body, ensure_ascii=False)


def _load(text: str | None) -> ConsultantList:
    """The stored list; a missing or unreadable value is an empty list (the
    cache is only a convenience: the next refresh rewrites it)."""
    if not text:
        return ConsultantList()
    try:
        body = json.loads(text)
        fetched = datetime.fromisoformat(body["fetched_at"])
        people = tuple(
            Consultant(str(r["username"]), str(r.get("display_name") or ""),
                       str(r.get("team") or ""), bool(r.get("lead")),
                       int(r.get("open_engagements") or 0), True)
            for r in body["consultants"] if r.get("username")
        )  # fmt: skip
    except (ValueError, KeyError, TypeError, AttributeError):
        return ConsultantList()
    return ConsultantList(people, fetched)


class PresalesPeople:
    """The desk's cached list of consultants (no Qt; the window refreshes it
    from the registry off the UI thread and hands the answer to ``remember``)."""

    def __init__(
        self, uow: Callable[[], UnitOfWork], *, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self._uow = uow
        self._clock = clock

    def cached(self) -> ConsultantList:
        """The registry's last list as stored, nothing merged."""
        with self._uow() as uow:
            return _load(uow.meta_get(META_KEY))

    def consultants(self) -> ConsultantList:
        """The registry's last list plus the consultants the desk's requests
        and engagements name (not listed; their open engagements counted on
        the desk), by team then name."""
        with self._uow() as uow:
            stored = _load(uow.meta_get(META_KEY))
            open_here = _open_on_desk(uow)
            named = {r.consultant for r in uow.support_requests.in_states(_all_states())}
        known = {c.username: c for c in stored.consultants}
        for name in sorted((named | set(open_here)) - set(known)):
            if name:
                known[name] = Consultant(name, open_engagements=open_here.get(name, 0))
        ordered = sorted(known.values(), key=lambda c: (not c.listed, c.team, c.username))
        return replace(stored, consultants=tuple(ordered))

    def remember(self, answer: Iterable[Any]) -> ConsultantList:
        """Store the registry's *answer* (``Consultant`` or the API's answer
        objects) as the list, stamped now; the merged list."""
        people = [c if isinstance(c, Consultant) else Consultant.of(c) for c in answer]
        with self._uow() as uow:
            uow.meta_set(META_KEY, _dump(people, self._clock()))
            uow.commit()
        return self.consultants()


def _all_states() -> list[Any]:
    from erpdesk.domain.presales import RequestState

    return list(RequestState)


def _open_on_desk(uow: UnitOfWork) -> dict[str, int]:
    """Open engagements on the desk per consultant."""
    counts: dict[str, int] = {}
    for row in uow.engagements.win_counts():
        if not row["closed"]:
            counts[row["consultant"]] = counts.get(row["consultant"], 0) + int(row["n"])
    return counts
