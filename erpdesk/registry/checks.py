"""The duplicate check (查重): is a company free, taken, or like another?

Exact matches (same credit code, same normalised name) are looked up by
index among the customers that hold a registration slot (pending or
protected).  Near names are found in two steps: an SQL prefilter loads the
active customers that can score the threshold T (a superset), then the
domain's ``DuplicateIndex`` scores those few exactly as the desk does.

The prefilter (``similar_holders``), for an asked key of length a >= 2.
``fuzz.ratio`` >= T means the longest common subsequence L of keys of
lengths a and b is at least T/200·(a+b), so at least its ceiling
least(b) <= min(a, b); this bounds the lengths b that can reach T.  Of the
L-1 neighbouring pairs of L at most (a-L)+(b-L) are broken by a gap, so at
least m(b) = 3·least(b)-a-b-1 of the a-1 bigram *positions* ("2-character
pieces", table ``customer_name_grams``) of the asked key hold a bigram of
the other key.  Then:

1. Exact lookups (``customers.name_key IN (...)``, indexed): the key itself;
   the keys it contains by the ``CONTAINED_SCORE`` rule (its substrings 1/8
   to 2/3 as long); and, for each b < a with least(b) = b, the keys of
   length b, which can only be subsequences of the asked key.
2. The other lengths with m(b) >= 1, and the keys containing the asked key
   (which hold all a-1 positions): with k the smallest m(b), such a key
   misses at most a-1-k positions, so it holds one of any bigrams covering
   a-k positions (pigeonhole).  Only the rarest such bigrams are queried
   (PostgreSQL: ``pg_stats`` of ``customer_name_grams.gram``, cached per
   process for ``GRAM_STATS_TTL``, a bigram outside the most common values
   counting as rare; otherwise one count per bigram); rarity only affects
   speed.  The rows they lead to are kept only when their key contains the
   asked key, or has a length b above holding m(b) of its bigram positions
   and least(b) of its characters; the rows carry the key and its length
   and the index covers them, so this test reads no customer, and only the
   customers passing it are fetched.  Counting positions, not distinct
   bigrams, keeps a repeated bigram ("农农农") correct.
3. Lengths b with m(b) <= 0, which can match with no bigram in common ("ab"
   and "axb" score 80): by length and least(b) common characters, a scan of
   the customers.  It never happens at T > 80 (the default is 85); at lower
   thresholds it does for keys of up to about 20 characters.

Keys of one character have no bigram and find no near names (the exact
match is ``slot_holders``).

Name keys keep the company's region (``names``): a check of 上海银行 finds
北京银行 neither as the same company nor as a near name.  The keys of the
same name with a region on one side only or a region within the other
(``region_variant_keys``: for a key without a region, the key under each
of the ~760 divisions) are looked up exactly with the other exact keys, and
``DuplicateIndex`` reports them as possible duplicates.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from itertools import combinations
from typing import Any

from sqlalchemy import (
    ARRAY,
    Column,
    Connection,
    Row,
    String,
    any_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    text,
)

from erpdesk.domain.duplicates import Candidate, DuplicateIndex, MatchKind
from erpdesk.domain.names import normalize_company_name, region_variant_keys
from erpdesk.domain.uscc import normalize_uscc
from erpdesk.registry.accounts import User
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.db.schema import (
    ACTIVE_STATUSES,
    HOLDS_SLOT,
    customer_name_grams,
    customers,
    registrations,
    users,
)
from erpdesk.registry.errors import BadRequest
from erpdesk.registry.policy import current_policy

MAX_MATCHES = 5
MAX_NAME = 200
MAX_USCC = 40


def name_grams(name_key: str) -> set[str]:
    """The distinct 2-character pieces of *name_key*."""
    return {name_key[i : i + 2] for i in range(len(name_key) - 1)}


def gram_rows(customer_id: str, name_key: str) -> list[dict[str, Any]]:
    """The prefilter rows of a customer whose name key is *name_key*."""
    return [
        {"gram": g, "customer_id": customer_id, "key_length": len(name_key), "name_key": name_key}
        for g in sorted(name_grams(name_key))
    ]


def index_name(
    conn: Connection, customer_id: str, name_key: str, *, old_key: str | None = None
) -> None:
    """Write the prefilter rows of a customer whose name key is *name_key*,
    replacing those of its *old_key* (``None``: it has none yet)."""
    if old_key is not None:
        grams = customer_name_grams.c
        conn.execute(
            delete(customer_name_grams).where(
                grams.gram.in_(sorted(name_grams(old_key))),
                grams.key_length == len(old_key),
                grams.name_key == old_key,
                grams.customer_id == customer_id,
            )
        )
    insert_grams(conn, gram_rows(customer_id, name_key))


def insert_grams(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Write prefilter rows (``gram_rows``) with one statement of a fixed
    shape, compiled once (not a multi-row VALUES that is compiled anew for
    every number of rows)."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        # One JSON document, not four text arrays: psycopg quotes each array
        # element in Python (~1.4 ms of a push batch's 400-odd rows against
        # ~0.5 ms for json.dumps, measured).
        conn.execute(_INSERT_GRAMS_PG, {"rows": json.dumps(rows, ensure_ascii=False)})
    else:
        conn.execute(_INSERT_GRAM, rows)


_INSERT_GRAMS_PG = text(
    "INSERT INTO customer_name_grams (gram, key_length, name_key, customer_id) "
    "SELECT gram, key_length, name_key, customer_id FROM json_to_recordset(CAST(:rows AS json))"
    " AS v(gram text, key_length smallint, name_key text, customer_id text)"
)
_INSERT_GRAM = insert(customer_name_grams)


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
            row.id,
            row.name,
            row.name_key,
            row.uscc,
            row.status,
            row.owner_id,
            row.display_name or "",
            row.protected_since,
        )


# Typed as any number of columns, so that the rows are too: SQLAlchemy 2.1
# would type the rows of eight known columns as eight-column rows, which
# Holder.of's Row[Any] (like every Row[Any] here) does not accept.
_HOLDER_COLUMNS: tuple[Column[Any], ...] = (
    customers.c.id,
    customers.c.name,
    customers.c.name_key,
    customers.c.uscc,
    customers.c.status,
    customers.c.owner_id,
    customers.c.protected_since,
    users.c.display_name,
)


def slot_holders(
    conn: Connection, uscc: str, name_key: str, *, exclude_id: str | None = None
) -> list[Holder]:
    """Active customers with the credit code *uscc* or the name key *name_key*,
    those matching the code first."""
    if not uscc and not name_key:
        return []
    query = _SLOT[(bool(uscc), bool(name_key), bool(exclude_id))]
    rows = conn.execute(query, {"uscc": uscc, "key": name_key, "exclude_id": exclude_id})
    return holders_among(rows, uscc, name_key)


def _slot_query(by_uscc: bool, by_key: bool, excluding: bool) -> Any:
    terms = []
    if by_uscc:
        terms.append(customers.c.uscc == bindparam("uscc"))
    if by_key:
        terms.append(customers.c.name_key == bindparam("key"))
    query = (
        select(*_HOLDER_COLUMNS)
        .outerjoin(users, users.c.id == customers.c.owner_id)
        .where(HOLDS_SLOT, or_(*terms))
    )
    if excluding:
        query = query.where(customers.c.id != bindparam("exclude_id"))
    return query


# Built once, the values bound at execution.
_SLOT = {
    (u, k, x): _slot_query(u, k, x)
    for u in (False, True) for k in (False, True) for x in (False, True) if u or k
}


def holders_among(
    rows: Iterable[Row[Any]], uscc: str, name_key: str, *, exclude_id: str | None = None
) -> list[Holder]:
    """What ``slot_holders`` finds, among *rows* (``customers`` rows with the
    owner's ``display_name``), those matching the code first."""
    holders = [
        Holder.of(r) for r in rows
        if r.status in ACTIVE_STATUSES and r.id != exclude_id
        and ((uscc and r.uscc == uscc) or (name_key and r.name_key == name_key))
    ]
    return sorted(holders, key=lambda h: (h.uscc != uscc or not uscc, h.id))


def pending_since(conn: Connection, customer_id: str) -> datetime | None:
    """When the customer's waiting registration was submitted."""
    return conn.execute(
        select(registrations.c.submitted_at)
        .where(registrations.c.customer_id == customer_id, registrations.c.status == "pending")
        .order_by(registrations.c.submitted_at.desc())
        .limit(1)
    ).scalar_one_or_none()


# Seconds the per-process copy of the PostgreSQL bigram statistics is kept.
GRAM_STATS_TTL = 600.0
_gram_stats: dict[str, tuple[float, dict[str, float]]] = {}
# Bound parameters per exact-key lookup (SQLite allows 32,766).
_IN_CHUNK = 500


# Most subsequences of the key looked up exactly for one length.
_MAX_SUBSEQUENCES = 1000


@dataclass(frozen=True)
class _Plan:
    """How the keys of each length b that can reach T by ``fuzz.ratio`` are found."""

    subsequence: list[int]  # only the key's own subsequences: looked up exactly
    grams: dict[int, tuple[int, int]]  # by bigrams: b -> (m(b), least common length)
    scan: dict[int, tuple[int, int]]  # maybe no bigram in common: by length, like grams


def _prefilter_plan(a: int, threshold: float) -> _Plan:
    """The lengths that keys reaching *threshold* against a key of length *a*
    may have, and how to find them (see the module docstring)."""
    if threshold <= 0:
        return _Plan([], {}, {b: (0, 0) for b in range(1, 4 * a + 2)})
    slack = 1e-9  # float rounding may only make the bound looser
    b_max = math.floor(a * (200 - threshold) / threshold + slack) + 1
    plan = _Plan([], {}, {})
    for b in range(1, b_max + 1):
        least = max(1, math.ceil(threshold * (a + b) / 200 - slack))
        if least > min(a, b) or (a == b == least):
            continue  # unreachable, or the key itself (looked up exactly)
        m = 3 * least - a - b - 1
        if least == b < a and math.comb(a, b) <= _MAX_SUBSEQUENCES:
            plan.subsequence.append(b)
        elif m >= 1:
            plan.grams[b] = (m, least)
        else:
            plan.scan[b] = (m, least)
    return plan


def _contained_keys(key: str) -> set[str]:
    """*key* and its substrings it may contain by the ``CONTAINED_SCORE`` rule."""
    a = len(key)
    keys = {key}
    for n in range(2, a):
        if 1.5 <= a / n < 8:
            keys.update(key[i : i + n] for i in range(a - n + 1))
    return keys


def _subsequences(key: str, n: int) -> set[str]:
    return {"".join(chars) for chars in combinations(key, n)}


def _pg_gram_stats(conn: Connection) -> dict[str, float]:
    """The most common bigrams and their share of ``customer_name_grams``."""
    url = conn.engine.url.render_as_string(hide_password=True)
    now = time.monotonic()
    cached = _gram_stats.get(url)
    if cached and cached[0] > now:
        return cached[1]
    row = conn.execute(
        text(
            "SELECT most_common_vals::text::text[] AS vals, most_common_freqs AS freqs"
            " FROM pg_stats WHERE schemaname = current_schema()"
            " AND tablename = 'customer_name_grams' AND attname = 'gram'"
        )
    ).first()
    stats: dict[str, float] = {}
    if row is not None and row.vals and row.freqs:
        stats = dict(zip(row.vals, (float(f) for f in row.freqs), strict=False))
    _gram_stats[url] = (now + GRAM_STATS_TTL, stats)
    return stats


def _gram_weights(conn: Connection, grams: list[str]) -> dict[str, float]:
    """How common each of *grams* is (any unit; unknown counts as rare)."""
    if conn.dialect.name == "postgresql":
        stats = _pg_gram_stats(conn)
        if stats:
            return {g: stats.get(g, 0.0) for g in grams}
    rows = conn.execute(
        select(customer_name_grams.c.gram, func.count())
        .where(customer_name_grams.c.gram.in_(grams))
        .group_by(customer_name_grams.c.gram)
    )
    counts = {g: float(n) for g, n in rows}
    return {g: counts.get(g, 0.0) for g in grams}


def _rare_grams(key: str, shared: int, weights: dict[str, float]) -> list[str]:
    """The rarest bigrams of *key* (by *weights*) covering at least
    ``len(key) - shared`` of its bigram positions: a key sharing *shared*
    positions holds one."""
    positions = Counter(key[i : i + 2] for i in range(len(key) - 1))
    need = len(key) - shared
    chosen: list[str] = []
    covered = 0
    for gram in sorted(positions, key=lambda g: (weights[g], g)):
        if covered >= need:
            break
        chosen.append(gram)
        covered += positions[gram]
    return chosen


def _rare_chars(key: str, least: int, weights: dict[str, float]) -> tuple[list[str], int]:
    """Characters of *key* and how many of them a key sharing *least* of its
    characters (with repeats) holds at least: the cheap test run before the
    counting ones.  The rarest are taken, judged by the rarest bigram of *key*
    each is part of.

    Such a key misses at most ``len(key) - least`` of *key*'s characters.  So
    of ``misses + 2`` characters that occur once in *key* it holds at least
    two (most keys sharing a common piece, 汽车配件, hold none of the rare
    ones); with too few such characters, of a set occurring ``misses + 1``
    times in all it holds at least one."""
    rarity: dict[str, float] = {}
    for i in range(len(key) - 1):
        gram = key[i : i + 2]
        for c in gram:
            rarity[c] = min(rarity.get(c, weights[gram]), weights[gram])
    counts = Counter(key)
    misses = len(key) - least
    ordered = sorted(counts, key=lambda c: (rarity.get(c, 0.0), c))
    once = [c for c in ordered if counts[c] == 1]
    if len(once) >= misses + 2:
        return once[: misses + 2], 2
    chosen: list[str] = []
    covered = 0
    for c in ordered:
        if covered > misses:
            break
        chosen.append(c)
        covered += counts[c]
    return chosen, 1


def _holders(conn: Connection, *conditions: Any) -> list[Holder]:
    query = (
        select(*_HOLDER_COLUMNS)
        .outerjoin(users, users.c.id == customers.c.owner_id)
        .where(HOLDS_SLOT, *conditions)
    )
    return [Holder.of(r) for r in conn.execute(query)]


class _Sql:
    """Plain SQL text with its bound values: the gram query changes shape
    with every key (how many bigrams, characters, lengths), so SQLAlchemy
    would build and compile it anew each time (~10 ms of Python); written
    here it costs well under one."""

    def __init__(self, position: str) -> None:
        self.position = position  # "strpos" (PostgreSQL) or "instr" (SQLite)
        self.params: dict[str, Any] = {}
        self._names: dict[Any, str] = {}

    def bind(self, value: Any) -> str:
        """A placeholder for *value*; one per distinct value (the driver
        parses every new text for its placeholders: ~40 % fewer here)."""
        name = self._names.get(value)
        if name is None:
            name = self._names[value] = f"p{len(self.params)}"
            self.params[name] = value
        return f":{name}"

    def holds(self, text_: str) -> str:
        return f"{self.position}(name_key, {self.bind(text_)}) > 0"

    def in_(self, column: str, values: list[Any]) -> str:
        return f"{column} IN ({', '.join(self.bind(v) for v in values)})"

    def could_reach(self, key: str, lengths: dict[int, tuple[int, int]], length: str) -> str:
        """The test of a key (column ``name_key``, its length the expression
        *length*) of one of *lengths* (b -> (m(b), L)): it holds m(b) of the
        bigram positions of *key* and L of its characters."""
        positions = Counter(key[i : i + 2] for i in range(len(key) - 1))
        held = " + ".join(
            f"(CASE WHEN {self.holds(g)} THEN {n} ELSE 0 END)"
            for g, n in sorted(positions.items())
        )
        shared = " + ".join(
            f"(CASE WHEN {occurs} < {n} THEN {occurs} ELSE {n} END)"
            for c, n in sorted(Counter(key).items())
            for occurs in [f"({length} - length(replace(name_key, {self.bind(c)}, '')))"]
        )

        def by_length(values: dict[int, int]) -> str:
            whens = " ".join(f"WHEN {int(b)} THEN {int(v)}" for b, v in sorted(values.items()))
            return f"CASE {length} {whens} ELSE 0 END"

        return " AND ".join((
            f"{length} IN ({', '.join(str(int(b)) for b in sorted(lengths))})",
            f"({held}) >= {by_length({b: m for b, (m, _) in lengths.items()})}",
            f"({shared}) >= {by_length({b: least for b, (_, least) in lengths.items()})}",
        ))


def _sql(conn: Connection) -> _Sql:
    return _Sql("strpos" if conn.dialect.name == "postgresql" else "instr")


def _holders_of(conn: Connection, ids: set[str]) -> list[Holder]:
    """The active customers among *ids*, in id order."""
    return _holders_in(conn, customers.c.id, sorted(ids))


_HOLDERS_ANY = {
    column.name: select(*_HOLDER_COLUMNS)
    .outerjoin(users, users.c.id == customers.c.owner_id)
    .where(HOLDS_SLOT, column == any_(bindparam("values", type_=ARRAY(String))))
    for column in (customers.c.id, customers.c.name_key)
}


def _holders_in(conn: Connection, column: Column[Any], values: list[str]) -> list[Holder]:
    """The active customers whose *column* is one of *values*.  On PostgreSQL
    one statement of one shape with the values as an array (an ``IN`` of up to
    a thousand bound values is rendered, sent and parsed anew every time)."""
    if not values:
        return []
    if conn.dialect.name == "postgresql":
        rows = conn.execute(_HOLDERS_ANY[column.name], {"values": values})
        return [Holder.of(r) for r in rows]
    found: list[Holder] = []
    for i in range(0, len(values), _IN_CHUNK):
        found += _holders(conn, column.in_(values[i : i + _IN_CHUNK]))
    return found


def _gram_holders(conn: Connection, key: str, lengths: dict[int, tuple[int, int]]) -> list[Holder]:
    """Active customers found through the rarest bigrams of *key*: those
    containing it, and those of *lengths* that could reach the threshold.

    One part per group of lengths with the same m(b): a part asks only the
    bigrams its own m(b) needs and only keys of its lengths, so a common
    bigram a long-shot length needs is read for that length alone.  The
    tests (``_Sql.could_reach``, plus a cheap necessary one first: the key
    holds enough of a few rare characters, ``_rare_chars``) run on the covering
    primary key of ``customer_name_grams`` (key and length in the row); only
    the customers passing them are read."""
    sql = _sql(conn)
    a = len(key)
    weights = _gram_weights(conn, sorted(name_grams(key)))
    select_ = "SELECT customer_id FROM customer_name_grams WHERE "
    # Keys containing the asked key hold all its a-1 bigram positions.
    parts = [
        select_
        + " AND ".join(
            (sql.in_("gram", _rare_grams(key, a - 1, weights)), f"key_length > {a}", sql.holds(key))
        )
    ]
    by_m: dict[int, dict[int, tuple[int, int]]] = {}
    for b, (m, least) in sorted(lengths.items()):
        by_m.setdefault(m, {})[b] = (m, least)
    for m, group in sorted(by_m.items()):
        fewest = min(least for _, least in group.values())
        chars, need = _rare_chars(key, fewest, weights)
        held = " + ".join(f"(CASE WHEN {sql.holds(c)} THEN 1 ELSE 0 END)" for c in chars)
        conditions = (
            sql.in_("gram", _rare_grams(key, m, weights)),
            f"({held}) >= {need}",
            sql.could_reach(key, group, "key_length"),
        )
        parts.append(select_ + " AND ".join(conditions))
    statement = text(" UNION ALL ".join(parts))
    return _holders_of(conn, set(conn.execute(statement, sql.params).scalars()))


def _scan_holders(conn: Connection, key: str, lengths: dict[int, tuple[int, int]]) -> list[Holder]:
    """Active customers of *lengths* that could reach the threshold with no
    bigram in common: a scan of the customers (thresholds of 80 and less)."""
    sql = _sql(conn)
    statement = text(
        f"SELECT id FROM customers WHERE {sql.in_('status', list(ACTIVE_STATUSES))}"
        f" AND {sql.could_reach(key, lengths, 'length(name_key)')}"
    )
    return _holders_of(conn, set(conn.execute(statement, sql.params).scalars()))


def similar_holders(
    conn: Connection, name_key: str, threshold: float, *, limit: int = MAX_MATCHES
) -> list[tuple[Holder, float]]:
    """Active customers whose name key scores *threshold* or more, best first
    (equal scores by customer id), after those whose key differs only in a
    region on one side or a region within the other (``REGION_SCORE``)."""
    if len(name_key) < 2:
        return []
    plan = _prefilter_plan(len(name_key), threshold)
    found: list[Holder] = []
    # The same name with a region on one side only, or a region within the
    # other: reported whatever the threshold (``names.region_variant_keys``).
    exact = _contained_keys(name_key) | set(region_variant_keys(name_key))
    for b in plan.subsequence:
        exact |= _subsequences(name_key, b)
    found += _holders_in(conn, customers.c.name_key, sorted(exact))
    found += _gram_holders(conn, name_key, plan.grams)
    if plan.scan:
        found += _scan_holders(conn, name_key, plan.scan)
    holders = {h.id: h for h in sorted(found, key=lambda h: h.id)}
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
                status,
                first.owner_display_name,
                since,
                first.id if _visible(user, first) else None,
                matches,
            )
        if not key:
            return CheckResult("free")
        threshold = current_policy(conn).similarity_threshold
        similar = similar_holders(conn, key, threshold)
    if not similar:
        return CheckResult("free")
    return CheckResult(
        "possible_duplicate", matches=[_match(user, h, "similar", s) for h, s in similar]
    )
