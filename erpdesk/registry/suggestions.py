"""Allocation suggestions (客户的分配): which reps suit a customer, and why.

Methodology section 7: company-provided customers are allocated by project
type, project size, location and the rep's sales ability.  Every active rep
is scored against the customer's fields with the weights below; the
administrator sees the total and, per criterion, whether it matched and the
points it gave, and still decides (``admin.allocate``).

The weights, in points (a perfect match of everything scores 120):

- ``INDUSTRY_POINTS`` (30): the customer's industry (the project type) is
  one the rep covers.  The heaviest criterion: knowing the trade's processes
  is what an ERP sale turns on.
- ``SIZE_POINTS`` (20): the rep covers the customer's size band;
  ``NEIGHBOUR_SIZE_POINTS`` (10, half) for a neighbouring band (a rep who
  sells to 100-499 staff can sell to 500-1999 more easily than to a shop).
- ``CITY_POINTS`` (25) / ``PROVINCE_POINTS`` (15): the rep covers the
  customer's city, or only its province; a city is worth more because the
  rep can visit, the province means travel.  The better of the two counts.
- ``ABILITY_POINTS`` (per ability level 1-5, by the customer's size band):
  2 per level for a micro company up to 6 for a huge one, so ability weighs
  more the larger the project (at most 10 for a micro, 30 for a huge
  company; an unknown size counts as medium).
- ``LOAD_POINTS`` (15): in proportion to the room left under ``rep_cap``
  (15 for a rep holding nothing, 0 at the cap), so of two equal reps the
  less loaded comes first.

A rep at the cap (holding ``rep_cap`` pending or protected customers) cannot
be allocated more: it is flagged ``at_cap`` and listed after every rep that
is not, whatever its score, so it is never the first suggestion while
another rep has room.  Ties go to the rep holding fewer customers, then by
user name, so the order is deterministic.

Speed: the reps are one query, the customers they hold one grouped count
over ``ix_customers_owner_status`` (``owner_id IN (...) AND status IN
(...)``: index range scans over the held customers only, however many
customers the registry has); the scoring is in memory.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, false, func, select

from erpdesk.domain.customer import Industry, SizeBand, Source, enum_member
from erpdesk.domain.regions import find_city, find_province
from erpdesk.registry.accounts import Profile
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.schema import HOLDS_SLOT, customers, users
from erpdesk.registry.errors import NotFoundError
from erpdesk.registry.policy import Policy, load_policy

INDUSTRY_POINTS = 30
SIZE_POINTS = 20
NEIGHBOUR_SIZE_POINTS = 10
CITY_POINTS = 25
PROVINCE_POINTS = 15
ABILITY_POINTS: dict[SizeBand | None, int] = {
    SizeBand.MICRO: 2,
    SizeBand.SMALL: 3,
    SizeBand.MEDIUM: 4,
    SizeBand.LARGE: 5,
    SizeBand.HUGE: 6,
    None: 4,
}
LOAD_POINTS = 15

DEFAULT_LIMIT = 5
MAX_LIMIT = 200
_BANDS = list(SizeBand)


@dataclass(frozen=True)
class RepLoad:
    """An active rep's profile and how many customers it holds."""

    id: int
    profile: Profile
    held: int
    at_cap: bool


@dataclass(frozen=True)
class Reason:
    """One criterion of a suggestion.

    ``detail`` is machine-readable: the industry code (``industry``);
    ``exact`` or ``neighbour`` (``size_band``); ``city`` or ``province``
    (``location``); the ability 1-5 (``ability``); ``held/cap`` (``load``).
    It is ``""`` when the criterion did not match.
    """

    criterion: str
    matched: bool
    points: float
    detail: str


@dataclass(frozen=True)
class Suggestion:
    """A rep for a customer: its total score and the reasons for it."""

    username: str
    display_name: str
    team: str
    score: float
    held: int
    at_cap: bool
    current_owner: bool
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Criteria:
    """The customer fields the scoring reads, cleaned: unknown codes are None."""

    industry: Industry | None
    size_band: SizeBand | None
    province: str
    city: str
    source: Source | None

    @property
    def company_provided(self) -> bool:
        return self.source is not None and self.source.company_provided


@dataclass(frozen=True)
class CustomerSuggestions:
    """The suggestions for one customer, with what they were judged on."""

    customer_id: str
    as_of: datetime
    rep_cap: int
    criteria: Criteria
    suggestions: list[Suggestion]


def _member(kind: type[Any], value: Any) -> Any:
    try:
        return enum_member(kind, value) if isinstance(value, str) else None
    except ValueError:
        return None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def criteria_of(fields: Mapping[str, Any]) -> Criteria:
    """The criteria in a customer's (or a lead's) fields; whatever is missing
    or not a known code simply matches nothing."""
    return Criteria(
        industry=_member(Industry, fields.get("industry")),
        size_band=_member(SizeBand, fields.get("size_band")),
        province=_text(fields.get("province")),
        city=_text(fields.get("city")),
        source=_member(Source, fields.get("source")),
    )


def active_reps(conn: Connection, policy: Policy) -> list[RepLoad]:
    """Every rep that is not disabled, by user name, with its held count."""
    rows = conn.execute(
        select(users)
        .where(users.c.role == "rep", users.c.disabled == false())
        .order_by(users.c.username)
    ).all()
    held = held_counts(conn, [r.id for r in rows])
    return [
        RepLoad(r.id, Profile.of(r), held.get(r.id, 0), held.get(r.id, 0) >= policy.rep_cap)
        for r in rows
    ]


def held_counts(conn: Connection, rep_ids: list[int]) -> dict[int, int]:
    """Pending and protected customers per rep (what ``rep_cap`` limits), in
    one grouped query."""
    if not rep_ids:
        return {}
    rows = conn.execute(
        select(customers.c.owner_id, func.count())
        .where(customers.c.owner_id.in_(rep_ids), HOLDS_SLOT)
        .group_by(customers.c.owner_id)
    ).all()
    return {int(owner): int(count) for owner, count in rows}


def rep_loads(db: RegistryDatabase) -> tuple[Policy, list[RepLoad]]:
    """The settings in force and every active rep with its load."""
    with db.read() as conn:
        policy = load_policy(conn)
        return policy, active_reps(conn, policy)


def suggest_for_fields(
    conn: Connection,
    fields: Mapping[str, Any],
    policy: Policy,
    limit: int = DEFAULT_LIMIT,
    *,
    owner_id: int | None = None,
) -> list[Suggestion]:
    """The best *limit* active reps for a customer (or a lead) with *fields*
    (``industry``, ``size_band``, ``province``, ``city``), best first.
    *owner_id*, when given, is flagged ``current_owner``."""
    criteria = criteria_of(fields)
    places = _Places(criteria)
    scored = [
        _suggestion(criteria, places, rep, policy.rep_cap, rep.id == owner_id)
        for rep in active_reps(conn, policy)
    ]
    scored.sort(key=lambda s: (s.at_cap, -s.score, s.held, s.username))
    return scored[: max(1, min(limit, MAX_LIMIT))]


def suggest_reps(
    db: RegistryDatabase, customer_id: str, now: datetime, limit: int = DEFAULT_LIMIT
) -> CustomerSuggestions:
    """The reps best suited to a customer, best first (404 when there is no
    such customer).  Its current owner, if any, is among them, flagged."""
    with db.read() as conn:
        row = conn.execute(
            select(customers.c.fields, customers.c.owner_id).where(customers.c.id == customer_id)
        ).first()
        if row is None:
            raise NotFoundError(what="The customer")
        fields = row.fields if isinstance(row.fields, dict) else {}
        policy = load_policy(conn)
        found = suggest_for_fields(conn, fields, policy, limit, owner_id=row.owner_id)
    return CustomerSuggestions(customer_id, now, policy.rep_cap, criteria_of(fields), found)


def _suggestion(
    criteria: Criteria, places: _Places, rep: RepLoad, cap: int, current_owner: bool
) -> Suggestion:
    profile = rep.profile
    reasons = (
        _industry(criteria, profile),
        _size(criteria, profile),
        places.reason(profile.regions),
        _ability(criteria, profile),
        _load(rep, cap),
    )
    return Suggestion(
        username=profile.username,
        display_name=profile.display_name,
        team=profile.team,
        score=round(sum(r.points for r in reasons), 2),
        held=rep.held,
        at_cap=rep.at_cap,
        current_owner=current_owner,
        reasons=reasons,
    )


def _industry(criteria: Criteria, profile: Profile) -> Reason:
    if criteria.industry is not None and criteria.industry.value in profile.industries:
        return Reason("industry", True, INDUSTRY_POINTS, criteria.industry.value)
    return Reason("industry", False, 0, "")


def _size(criteria: Criteria, profile: Profile) -> Reason:
    band = criteria.size_band
    if band is None:
        return Reason("size_band", False, 0, "")
    if band.value in profile.size_bands:
        return Reason("size_band", True, SIZE_POINTS, "exact")
    index = _BANDS.index(band)
    neighbours = {b.value for b in _BANDS[max(index - 1, 0) : index + 2]} - {band.value}
    if neighbours & set(profile.size_bands):
        return Reason("size_band", True, NEIGHBOUR_SIZE_POINTS, "neighbour")
    return Reason("size_band", False, 0, "")


def _ability(criteria: Criteria, profile: Profile) -> Reason:
    points = profile.ability * ABILITY_POINTS[criteria.size_band]
    return Reason("ability", True, points, str(profile.ability))


def _load(rep: RepLoad, cap: int) -> Reason:
    room = max(cap - rep.held, 0) / cap if cap > 0 else 0.0
    return Reason("load", not rep.at_cap, round(LOAD_POINTS * room, 2), f"{rep.held}/{cap}")


def _bare(name: str) -> str:
    """A place name without spaces or a trailing 市 (济南市 -> 济南)."""
    name = "".join(name.split())
    return name[:-1] if name.endswith("市") and len(name) > 2 else name


class _Places:
    """The names that denote the customer's city and province, worked out
    once per customer so that each of a rep's regions is a set lookup.

    A region matches the city when it names it in full or short form (济南市,
    济南); it matches the province likewise (山东省, 山东).  吉林省 is the
    province only; a bare 吉林 is taken for the city when the customer is in
    吉林市, else for the province.
    """

    def __init__(self, criteria: Criteria) -> None:
        province = find_province(criteria.province) if criteria.province else None
        self.provinces: set[str] = set()
        if criteria.province:
            self.provinces.add("".join(criteria.province.split()))
            if province is not None:
                self.provinces.update((province.name, province.short))
        self.cities: set[str] = set()
        if criteria.city:
            self.cities.add(_bare(criteria.city))
            city = find_city(criteria.city, province) or find_city(criteria.city)
            if city is not None:
                self.cities.update((_bare(city.name), _bare(city.short)))

    def reason(self, regions: tuple[str, ...]) -> Reason:
        if self.cities and any(_bare(r) in self.cities for r in regions):
            return Reason("location", True, CITY_POINTS, "city")
        if self.provinces and any("".join(r.split()) in self.provinces for r in regions):
            return Reason("location", True, PROVINCE_POINTS, "province")
        return Reason("location", False, 0, "")
