"""The registry's administrator and telemarketing API as the desk's
workbenches use it: the registration queue, call-backs, allocation with the
suggested reps, the pool, exemptions, a customer's registry record and its
audit trail, and leads.

``WorkbenchApi`` is a ``RegistryClient`` (the same protocol header, the
same typed, translated errors: ``Offline``, ``SignedOut``,
``RequestRefused`` …) that answers plain frozen dataclasses.  It asks the
registry for its error messages in the desk's language
(``Accept-Language``), so a refusal reads in Chinese on a Chinese desk.
Calls block: the window runs them on a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import quote

import httpx

from erpdesk.domain.near_matches import NearMatch, near_matches_of
from erpdesk.sync.client import DEFAULT_TIMEOUT, BadAnswer, RegistryClient, SignedOut

LEAD_STATUSES = ("new", "handed_over", "accepted", "returned")
OUTCOMES = ("signed", "lost", "invalid", "follow_up")
T = TypeVar("T")


def _time(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    text = str(value)
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    return datetime.fromisoformat(text)


def _str(value: Any) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True)
class QueueEntry:
    """A registration: in the queue (pending) or decided."""

    id: str
    customer_id: str
    customer_name: str
    uscc: str
    status: str
    customer_status: str
    urgent: bool
    submitted_at: datetime | None
    deadline: datetime | None
    overdue: bool
    rep: str
    rep_display_name: str
    reasons: str = ""
    decided_at: datetime | None = None
    need: str = ""
    visit_summary: str = ""
    contacts: tuple[str, ...] = ()
    # Near names found at submission (an administrator sees them whole).
    possible_duplicate: bool = False
    near_matches: tuple[NearMatch, ...] = ()

    @classmethod
    def of(cls, body: Mapping[str, Any]) -> QueueEntry:
        visit = body.get("visit") or {}
        contacts = tuple(
            " ".join(_str(c.get(k)) for k in ("name", "title", "mobile", "office_phone")
                     if c.get(k)).strip()
            for c in body.get("contacts") or () if isinstance(c, Mapping)
        )
        return cls(
            id=str(body["id"]), customer_id=str(body["customer_id"]),
            customer_name=_str(body.get("customer_name")), uscc=_str(body.get("uscc")),
            status=str(body["status"]), customer_status=_str(body.get("customer_status")),
            urgent=bool(body.get("urgent")), submitted_at=_time(body.get("submitted_at")),
            deadline=_time(body.get("deadline")), overdue=bool(body.get("overdue")),
            rep=_str(body.get("rep")), rep_display_name=_str(body.get("rep_display_name")),
            reasons=_str(body.get("reasons")), decided_at=_time(body.get("decided_at")),
            need=_str(body.get("need")),
            visit_summary=_str(visit.get("summary")) if isinstance(visit, Mapping) else "",
            contacts=contacts,
            possible_duplicate=bool(body.get("possible_duplicate")),
            near_matches=near_matches_of(body.get("near_matches")),
        )


@dataclass(frozen=True)
class RegistryCustomer:
    """A customer's registry record (owner, protection, exemption)."""

    id: str
    name: str
    uscc: str
    status: str
    owner: str | None
    owner_display_name: str | None
    protected_since: datetime | None
    protected_until: datetime | None
    verified_at: datetime | None
    released_at: datetime | None
    release_due_at: datetime | None
    last_follow_up_at: datetime | None
    exempt_since: datetime | None
    exempt_reason: str | None
    change_number: int
    fields: Mapping[str, Any] = field(default_factory=dict)
    # Its open deals, and whether they hold it out of the pool (the sweep
    # neither warns nor releases it while one is open).
    open_deals: int = 0
    exempt_by_deal: bool = False

    @classmethod
    def of(cls, body: Mapping[str, Any]) -> RegistryCustomer:
        return cls(
            id=str(body["id"]), name=_str(body.get("name")), uscc=_str(body.get("uscc")),
            status=str(body["status"]), owner=body.get("owner"),
            owner_display_name=body.get("owner_display_name"),
            protected_since=_time(body.get("protected_since")),
            protected_until=_time(body.get("protected_until")),
            verified_at=_time(body.get("verified_at")),
            released_at=_time(body.get("released_at")),
            release_due_at=_time(body.get("release_due_at")),
            last_follow_up_at=_time(body.get("last_follow_up_at")),
            exempt_since=_time(body.get("exempt_since")),
            exempt_reason=body.get("exempt_reason"),
            change_number=int(body.get("change_number") or 0),
            fields=dict(body.get("fields") or {}),
            open_deals=int(body.get("open_deals") or 0),
            exempt_by_deal=bool(body.get("exempt_by_deal")),
        )

    @property
    def exempt(self) -> bool:
        return self.exempt_since is not None


@dataclass(frozen=True)
class SuggestionReason:
    criterion: str
    matched: bool
    points: float
    detail: str


@dataclass(frozen=True)
class Suggestion:
    """A rep suggested for a customer or a lead, with its load."""

    username: str
    display_name: str
    team: str
    score: float
    held: int
    at_cap: bool
    current_owner: bool
    reasons: tuple[SuggestionReason, ...]

    @classmethod
    def of(cls, body: Mapping[str, Any]) -> Suggestion:
        return cls(
            username=str(body["username"]), display_name=_str(body.get("display_name")),
            team=_str(body.get("team")), score=float(body.get("score") or 0),
            held=int(body.get("held") or 0), at_cap=bool(body.get("at_cap")),
            current_owner=bool(body.get("current_owner")),
            reasons=tuple(
                SuggestionReason(str(r["criterion"]), bool(r.get("matched")),
                                 float(r.get("points") or 0), _str(r.get("detail")))
                for r in body.get("reasons") or ()
            ),
        )


@dataclass(frozen=True)
class Suggestions:
    rep_cap: int
    suggestions: tuple[Suggestion, ...]
    customer_id: str | None = None
    lead_id: str | None = None


@dataclass(frozen=True)
class RepLoad:
    """An active rep and the customers it holds against ``rep_cap``."""

    username: str
    display_name: str
    team: str
    held: int
    at_cap: bool
    ability: int


@dataclass(frozen=True)
class PoolCustomer:
    id: str
    name: str
    industry: str | None
    province: str
    city: str
    size_band: str | None
    released_at: datetime | None


@dataclass(frozen=True)
class PoolPage:
    customers: tuple[PoolCustomer, ...]
    total: int


@dataclass(frozen=True)
class Match:
    kind: str
    score: float
    customer_id: str | None
    name: str | None
    owner: str | None


@dataclass(frozen=True)
class CheckResult:
    """The duplicate check: ``free``, ``protected_by_you``, ``protected_by_other``,
    ``pending`` or ``possible_duplicate``."""

    status: str
    owner: str | None = None
    since: datetime | None = None
    customer_id: str | None = None
    matches: tuple[Match, ...] = ()

    @classmethod
    def of(cls, body: Mapping[str, Any]) -> CheckResult:
        return cls(
            status=str(body.get("status", "")), owner=body.get("owner"),
            since=_time(body.get("since")), customer_id=body.get("customer_id"),
            matches=tuple(
                Match(str(m.get("kind", "")), float(m.get("score") or 0), m.get("customer_id"),
                      m.get("name"), m.get("owner"))
                for m in body.get("matches") or ()
            ),
        )


@dataclass(frozen=True)
class LeadDraft:
    """What a telemarketer enters; ``id`` is the desk's UUID (a repeat is harmless)."""

    id: str
    company_name: str
    uscc: str = ""
    industry: str | None = None
    size_band: str | None = None
    province: str = ""
    city: str = ""
    address: str = ""
    phone: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    need: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Lead:
    """A telemarketing lead and where it stands."""

    id: str
    company_name: str
    status: str
    telemarketer: str
    telemarketer_display_name: str
    created_at: datetime | None
    flagged: bool
    check: CheckResult
    uscc: str = ""
    industry: str | None = None
    size_band: str | None = None
    province: str = ""
    city: str = ""
    phone: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    need: str = ""
    notes: str = ""
    handed_over_at: datetime | None = None
    handover_note: str = ""
    accepted_at: datetime | None = None
    return_reason: str = ""
    customer_id: str | None = None
    rep: str | None = None
    rep_display_name: str | None = None
    outcome: str | None = None
    outcome_note: str = ""
    outcome_at: datetime | None = None

    @classmethod
    def of(cls, body: Mapping[str, Any]) -> Lead:
        return cls(
            id=str(body["id"]), company_name=_str(body.get("company_name")),
            status=str(body["status"]), telemarketer=_str(body.get("telemarketer")),
            telemarketer_display_name=_str(body.get("telemarketer_display_name")),
            created_at=_time(body.get("created_at")), flagged=bool(body.get("flagged")),
            check=CheckResult.of(body.get("check") or {}), uscc=_str(body.get("uscc")),
            industry=body.get("industry"), size_band=body.get("size_band"),
            province=_str(body.get("province")), city=_str(body.get("city")),
            phone=_str(body.get("phone")), contact_name=_str(body.get("contact_name")),
            contact_phone=_str(body.get("contact_phone")), need=_str(body.get("need")),
            notes=_str(body.get("notes")), handed_over_at=_time(body.get("handed_over_at")),
            handover_note=_str(body.get("handover_note")),
            accepted_at=_time(body.get("accepted_at")),
            return_reason=_str(body.get("return_reason")),
            customer_id=body.get("customer_id"), rep=body.get("rep"),
            rep_display_name=body.get("rep_display_name"), outcome=body.get("outcome"),
            outcome_note=_str(body.get("outcome_note")),
            outcome_at=_time(body.get("outcome_at")),
        )


@dataclass(frozen=True)
class AuditEntry:
    """One decision in a customer's trail on the registry: when (UTC), who
    (user name, its display name when a user), what (the action's name, e.g.
    ``customer.allocate``), why, and the state before and after as the
    registry's log holds it (``None`` when it logged none)."""

    id: int
    at: datetime | None
    actor: str
    actor_display_name: str | None
    action: str
    entity: str
    entity_id: str
    reason: str
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None

    @classmethod
    def of(cls, body: Mapping[str, Any]) -> AuditEntry:
        def state(value: Any) -> Mapping[str, Any] | None:
            return None if value is None else dict(value)

        return cls(
            id=int(body["id"]), at=_time(body.get("at")), actor=_str(body.get("actor")),
            actor_display_name=body.get("actor_display_name"),
            action=str(body["action"]), entity=_str(body.get("entity")),
            entity_id=_str(body.get("entity_id")), reason=_str(body.get("reason")),
            before=state(body.get("before")), after=state(body.get("after")),
        )


@dataclass(frozen=True)
class AuditPage:
    """A page of a customer's trail, newest first.  ``users`` names the user
    ids the entries' before/after hold (``owner_id`` …) by display name;
    ``next_before`` asks for the older page (``None`` on the last)."""

    customer_id: str
    total: int
    entries: tuple[AuditEntry, ...]
    users: Mapping[int, str]
    has_more: bool
    next_before: int | None

    @classmethod
    def of(cls, body: Mapping[str, Any]) -> AuditPage:
        nxt = body.get("next_before")
        return cls(
            customer_id=str(body["customer_id"]), total=int(body.get("total") or 0),
            entries=tuple(AuditEntry.of(e) for e in body["entries"]),
            users={int(u["id"]): _str(u.get("display_name")) or str(u["username"])
                   for u in body.get("users") or ()},
            has_more=bool(body.get("has_more")),
            next_before=None if nxt is None else int(nxt),
        )


class WorkbenchApi(RegistryClient):
    """The administrator's and the telemarketer's calls; each raises the
    client's ``SyncError`` subclasses (``SignedOut`` at once without a token)."""

    def __init__(
        self,
        base_url: str,
        token: str | None,
        language: str = "en",
        timeout: float = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        super().__init__(base_url, token, timeout=timeout, transport=transport,
                         language=language)

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        if not self.token:
            raise SignedOut(server=self.base_url, detail="")
        return self._request(method, path, **kwargs)

    def _read(self, what: str, body: Any, make: Callable[[Any], T]) -> T:
        try:
            return make(body)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise BadAnswer(server=self.base_url, detail=f"{what}: {exc}") from exc

    # -- registrations ---------------------------------------------------------

    def queue(self, status: str = "pending", limit: int = 100, offset: int = 0
              ) -> list[QueueEntry]:
        """The registration queue: urgent first, then oldest, with deadlines."""
        body = self._call("GET", "/api/v1/admin/registrations",
                          params={"status": status, "limit": limit, "offset": offset})
        return self._read("queue", body, lambda b: [QueueEntry.of(x) for x in b])

    def record_callback(
        self, registration_id: str, valid: bool, reason: str = "", note: str = ""
    ) -> QueueEntry:
        """Valid protects the customer for its rep; invalid (with a reason) frees
        the company.  *note* becomes the call-back activity's summary."""
        body = self._call(
            "POST", f"/api/v1/admin/registrations/{_seg(registration_id)}/callback",
            json={"result": "valid" if valid else "invalid", "reason": reason, "note": note},
        )
        return self._read("callback", body, QueueEntry.of)

    # -- customers ---------------------------------------------------------------

    def check(self, name: str = "", uscc: str = "") -> CheckResult:
        body = self._call("GET", "/api/v1/customers/check", params={"name": name, "uscc": uscc})
        return self._read("check", body, CheckResult.of)

    def customer(self, customer_id: str) -> RegistryCustomer:
        body = self._call("GET", f"/api/v1/customers/{_seg(customer_id)}")
        return self._read("customer", body, RegistryCustomer.of)

    def suggestions(self, customer_id: str, limit: int = 5) -> Suggestions:
        body = self._call("GET", f"/api/v1/admin/customers/{_seg(customer_id)}/suggestions",
                          params={"limit": limit})
        return self._read("suggestions", body, _suggestions)

    def reps(self) -> tuple[int, list[RepLoad]]:
        """(rep_cap, the active reps with their load)."""
        body = self._call("GET", "/api/v1/admin/reps")

        def make(b: Mapping[str, Any]) -> tuple[int, list[RepLoad]]:
            return int(b["rep_cap"]), [
                RepLoad(str(r["username"]), _str(r.get("display_name")), _str(r.get("team")),
                        int(r.get("held") or 0), bool(r.get("at_cap")),
                        int(r.get("ability") or 0))
                for r in b["reps"]
            ]

        return self._read("reps", body, make)

    def allocate(self, customer_id: str, rep: str, reason: str) -> RegistryCustomer:
        """Allocate (or re-allocate) the customer to *rep*; the reason is audited."""
        body = self._call("POST", f"/api/v1/admin/customers/{_seg(customer_id)}/allocate",
                          json={"action": "allocate", "rep": rep, "reason": reason})
        return self._read("allocate", body, RegistryCustomer.of)

    def release(self, customer_id: str, reason: str) -> RegistryCustomer:
        """Release the customer to the pool; the reason is audited."""
        body = self._call("POST", f"/api/v1/admin/customers/{_seg(customer_id)}/allocate",
                          json={"action": "release", "reason": reason})
        return self._read("release", body, RegistryCustomer.of)

    def set_exemption(self, customer_id: str, exempt: bool, reason: str) -> RegistryCustomer:
        """Exempt a protected customer from release to the pool, or end it."""
        body = self._call("POST", f"/api/v1/admin/customers/{_seg(customer_id)}/exemption",
                          json={"exempt": exempt, "reason": reason})
        return self._read("exemption", body, RegistryCustomer.of)

    def audit_trail(self, customer_id: str, limit: int = 50, before: int | None = None
                    ) -> AuditPage:
        """A page of the customer's trail (administrator only), newest first;
        *before* is the previous page's ``next_before``."""
        params: dict[str, Any] = {"limit": limit}
        if before is not None:
            params["before"] = before
        body = self._call("GET", f"/api/v1/admin/customers/{_seg(customer_id)}/audit",
                          params=params)
        return self._read("audit", body, AuditPage.of)

    # -- the pool ----------------------------------------------------------------

    def pool(self, q: str = "", limit: int = 50, offset: int = 0) -> PoolPage:
        body = self._call("GET", "/api/v1/pool", params={"q": q, "limit": limit, "offset": offset})

        def make(b: Mapping[str, Any]) -> PoolPage:
            return PoolPage(
                tuple(PoolCustomer(str(c["id"]), _str(c.get("name")), c.get("industry"),
                                   _str(c.get("province")), _str(c.get("city")),
                                   c.get("size_band"), _time(c.get("released_at")))
                      for c in b["customers"]),
                int(b["total"]),
            )

        return self._read("pool", body, make)

    def claim(self, customer_id: str, reason: str = "") -> RegistryCustomer:
        """A rep claims a pool customer (an administrator allocates instead)."""
        body = self._call("POST", f"/api/v1/pool/{_seg(customer_id)}/claim",
                          json={"reason": reason})
        return self._read("claim", body, RegistryCustomer.of)

    # -- leads -------------------------------------------------------------------

    def leads(self, status: str | None = None, limit: int = 100, offset: int = 0
              ) -> list[Lead]:
        """Handed-over leads first (the administrator's queue), then the others."""
        params: dict[str, Any] = {"limit": limit, "offset": offset}
        if status:
            params["status"] = status
        body = self._call("GET", "/api/v1/leads", params=params)
        return self._read("leads", body, lambda b: [Lead.of(x) for x in b])

    def lead(self, lead_id: str) -> Lead:
        return self._read("lead", self._call("GET", f"/api/v1/leads/{_seg(lead_id)}"), Lead.of)

    def enter_lead(self, draft: LeadDraft) -> Lead:
        payload = {k: v for k, v in draft.__dict__.items() if v is not None}
        body = self._call("POST", "/api/v1/leads", json=payload)
        return self._read("lead", body, Lead.of)

    def _lead_action(self, lead_id: str, payload: dict[str, Any]) -> Lead:
        body = self._call("POST", f"/api/v1/leads/{_seg(lead_id)}/handover", json=payload)
        return self._read("lead", body, Lead.of)

    def hand_over(self, lead_id: str, note: str = "") -> Lead:
        return self._lead_action(lead_id, {"action": "handover", "note": note})

    def accept_lead(self, lead_id: str, rep: str | None = None, reason: str = "") -> Lead:
        """Sign for the lead (签收), with a rep to make it that rep's customer at once."""
        payload: dict[str, Any] = {"action": "accept", "reason": reason}
        if rep:
            payload["rep"] = rep
        return self._lead_action(lead_id, payload)

    def allocate_lead(self, lead_id: str, rep: str, reason: str = "") -> Lead:
        return self._lead_action(lead_id, {"action": "allocate", "rep": rep, "reason": reason})

    def return_lead(self, lead_id: str, reason: str) -> Lead:
        return self._lead_action(lead_id, {"action": "return", "reason": reason})

    def report_outcome(self, lead_id: str, outcome: str, note: str = "") -> Lead:
        body = self._call("POST", f"/api/v1/leads/{_seg(lead_id)}/outcome",
                          json={"outcome": outcome, "note": note})
        return self._read("lead", body, Lead.of)

    def lead_suggestions(self, lead_id: str, limit: int = 5) -> Suggestions:
        body = self._call("GET", f"/api/v1/leads/{_seg(lead_id)}/suggestions",
                          params={"limit": limit})
        return self._read("suggestions", body, _suggestions)

    # -- presales ----------------------------------------------------------------

    def consultants(self, limit: int = 500) -> tuple[PresalesConsultant, ...]:
        """The active presales consultants the user may assign (a lead's or a
        manager's team; an administrator's: all), with their open engagements."""
        body = self._call("GET", "/api/v1/presales/consultants", params={"limit": limit})
        return self._read(
            "consultants", body, lambda b: tuple(PresalesConsultant.of(c) for c in b["consultants"])
        )


def _seg(value: str) -> str:
    """One path segment: an id from a list is never a path of its own."""
    return quote(str(value), safe="")


def _suggestions(body: Mapping[str, Any]) -> Suggestions:
    return Suggestions(
        rep_cap=int(body["rep_cap"]),
        suggestions=tuple(Suggestion.of(s) for s in body["suggestions"]),
        customer_id=body.get("customer_id"), lead_id=body.get("lead_id"),
    )


@dataclass(frozen=True)
class PresalesConsultant:
    """An active presales user as ``GET /api/v1/presales/consultants`` lists it."""

    username: str
    display_name: str
    team: str
    lead: bool
    open_engagements: int

    @classmethod
    def of(cls, body: Mapping[str, Any]) -> PresalesConsultant:
        return cls(
            str(body["username"]), _str(body.get("display_name")), _str(body.get("team")),
            bool(body.get("lead")), int(body.get("open_engagements") or 0),
        )
