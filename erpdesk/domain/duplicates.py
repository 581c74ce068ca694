"""Duplicate customers: same credit code, same name key, or a similar name.

The desk runs this on its local data while offline; the registry runs the
same code on all customers.  ``DuplicateIndex`` is built once and kept up to
date with ``add``/``remove``, so that a check while typing is fast (under
20 ms over 100,000 customers).

Similarity of two name keys (see ``names``) is the larger of

- ``rapidfuzz.fuzz.ratio`` (edit-distance based: "浪潮电子信息产业" vs
  "浪潮电子信息" 85.7, a one-character typo in an 8-character name 87.5), and
- ``CONTAINED_SCORE`` (90) when one key contains the other and is 1.5 to 8
  times as long ("腾讯" in "腾讯计算机系统", which ``ratio`` scores 44).

That is what ``fuzz.WRatio`` gives for such names (its partial-match branch
scores a contained key 100 x 0.9), at a tenth of its cost: ``WRatio`` over
100,000 keys takes about 140 ms.

The region is part of a company's identity (see ``names``).  A name with a
region on one side only (百度, 北京百度), or with a region and one within
it (广东X, 深圳X), is always a possible duplicate (``REGION_SCORE``,
whatever the threshold), never the same company; names that differ only in
regions lying apart (北京银行, 上海银行) are never reported as near names.
"""

from __future__ import annotations

import enum
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

from rapidfuzz import fuzz, process

from erpdesk.domain.names import different_regions, normalize_company_name, region_variant_keys
from erpdesk.domain.uscc import normalize_uscc

SIMILARITY_THRESHOLD = 85.0

# Score of a name that differs only by a region on one side, or by a region
# and one within it: reported whatever the threshold.
REGION_SCORE = 95.0

# Score of a key contained in another 1.5 to 8 times as long (as fuzz.WRatio).
CONTAINED_SCORE = 90.0
_CONTAINED_MIN_RATIO = 1.5
_CONTAINED_MAX_RATIO = 8.0
# Containment hits looked at per query, so that a short key found in
# thousands of names does not make the check slow.
_MAX_CONTAINED_HITS = 2000

_SEP = "\x00"  # separates the keys of the containment haystack
# Keys added since the haystack was built that are searched one by one.
_MAX_TAIL = 4096


@dataclass(frozen=True, slots=True)
class Candidate:
    """A customer as duplicate detection sees it."""

    id: str
    name: str
    uscc: str
    name_key: str

    @classmethod
    def of(cls, id: str, name: str, uscc: str = "") -> Candidate:
        """A candidate with its credit code normalised and its name key computed."""
        return cls(id, name, normalize_uscc(uscc), normalize_company_name(name))


class MatchKind(enum.StrEnum):
    """How a candidate matched."""

    SAME_USCC = "same_uscc"
    SAME_NAME = "same_name"
    SIMILAR = "similar"


@dataclass(frozen=True)
class DuplicateMatch:
    """A candidate that may be the same company, how it matched and how well."""

    candidate: Candidate
    kind: MatchKind
    score: float  # 0-100; 100 for the exact kinds

    @property
    def is_duplicate(self) -> bool:
        """Certainly the same company (same code or same name key)."""
        return self.kind in (MatchKind.SAME_USCC, MatchKind.SAME_NAME)


def _contained(short: str, long: str) -> bool:
    """*short* occurs in *long*, which is 1.5 to 8 times as long."""
    ratio = len(long) / len(short)
    return _CONTAINED_MIN_RATIO <= ratio < _CONTAINED_MAX_RATIO and short in long


class DuplicateIndex:
    """Candidates indexed by credit code, by name key, and for fuzzy search.

    Fuzzy search runs over a list of keys in which removed entries are
    ``None`` (rapidfuzz skips them); the list is compacted when more than
    half of it is holes.  A key contained in longer keys is looked for in one
    string of all keys (a "haystack", built on the first search) and in the
    keys added since, which are folded into it once there are many of them,
    so that adding while checking (a bulk import) stays cheap.
    """

    def __init__(self, candidates: Iterable[Candidate] = ()) -> None:
        self._keys: list[str | None] = []
        self._slots: list[Candidate | None] = []
        self._slot_of: dict[str, int] = {}
        # Buckets are short lists, not dicts: at 100,000 customers a dict per
        # bucket cost ~45 MB of the desk's memory budget.
        self._by_uscc: dict[str, list[Candidate]] = {}
        self._by_key: dict[str, list[Candidate]] = {}
        self._haystack: str | None = None
        self._offsets: list[int] = []
        self._hay_slots = 0  # slots [0, _hay_slots) are in the haystack
        for candidate in candidates:
            self.add(candidate)

    def __len__(self) -> int:
        return len(self._slot_of)

    def __contains__(self, id: object) -> bool:
        return id in self._slot_of

    def add(self, candidate: Candidate) -> None:
        """Index *candidate*, replacing any earlier one with its id."""
        if candidate.id in self._slot_of:
            self.remove(candidate.id)
        self._slot_of[candidate.id] = len(self._slots)
        self._slots.append(candidate)
        self._keys.append(candidate.name_key or None)
        if uscc := normalize_uscc(candidate.uscc):
            self._by_uscc.setdefault(uscc, []).append(candidate)
        if candidate.name_key:
            self._by_key.setdefault(candidate.name_key, []).append(candidate)

    def remove(self, id: str) -> None:
        """Forget the candidate *id*; nothing happens if it is not indexed."""
        slot = self._slot_of.pop(id, None)
        if slot is None:
            return
        candidate = self._slots[slot]
        assert candidate is not None
        self._slots[slot] = None
        self._keys[slot] = None
        uscc = normalize_uscc(candidate.uscc)
        for table, value in ((self._by_uscc, uscc), (self._by_key, candidate.name_key)):
            bucket = table.get(value)
            if bucket is not None:
                bucket[:] = [c for c in bucket if c.id != id]
                if not bucket:
                    del table[value]
        if len(self._slots) > 64 and len(self._slot_of) * 2 < len(self._slots):
            self._compact()

    def _compact(self) -> None:
        live = [c for c in self._slots if c is not None]
        self._slots = list(live)
        self._keys = [c.name_key or None for c in live]
        self._slot_of = {c.id: i for i, c in enumerate(live)}
        self._haystack = None

    def _containing(self, key: str) -> list[int]:
        """Slots whose key contains *key* (at most ``_MAX_CONTAINED_HITS``).

        Removed slots may be among them (the haystack keeps their old keys).
        """
        if self._haystack is None or len(self._keys) - self._hay_slots > _MAX_TAIL:
            keys = [k if k and _SEP not in k else "" for k in self._keys]
            self._haystack = _SEP.join(keys)
            self._offsets = [0, *accumulate(len(k) + 1 for k in keys)][:-1]
            self._hay_slots = len(keys)
        slots = [
            slot
            for slot in range(self._hay_slots, len(self._keys))
            if key in (self._keys[slot] or "")
        ]
        haystack, offsets = self._haystack, self._offsets
        pos = haystack.find(key)
        while pos >= 0 and len(slots) < _MAX_CONTAINED_HITS and offsets:
            slot = bisect_right(offsets, pos) - 1
            slots.append(slot)
            # Continue after this key: one hit per key is enough.
            nxt = offsets[slot + 1] if slot + 1 < len(offsets) else len(haystack)
            pos = haystack.find(key, nxt)
        return slots

    def _similar(self, key: str, threshold: float, limit: int) -> list[tuple[Candidate, float]]:
        """Up to *limit* candidates whose key scores *threshold* or more, best first."""
        scores: dict[int, tuple[float, float]] = {}  # slot -> (score, ratio)
        for _key, score, slot in process.extract(
            key, self._keys, scorer=fuzz.ratio, limit=limit, score_cutoff=threshold
        ):
            scores[slot] = (float(score), float(score))
        if threshold <= CONTAINED_SCORE and _SEP not in key:
            contained = [s for s in self._containing(key) if _contained(key, self._keys[s] or "")]
            for n in range(2, len(key)):  # keys contained in this one
                for i in range(len(key) - n + 1):
                    for c in self._by_key.get(key[i : i + n], ()):
                        if _contained(c.name_key, key):
                            contained.append(self._slot_of[c.id])
            for slot in contained:
                if slot not in scores:
                    other = self._keys[slot] or ""
                    scores[slot] = (CONTAINED_SCORE, fuzz.ratio(key, other))
        best = sorted(scores.items(), key=lambda item: item[1], reverse=True)[:limit]
        return [
            (candidate, score)
            for slot, (score, _ratio) in best
            if (candidate := self._slots[slot]) is not None
        ]

    def find(
        self,
        name: str,
        uscc: str = "",
        exclude_id: str | None = None,
        limit: int = 5,
        threshold: float = SIMILARITY_THRESHOLD,
    ) -> list[DuplicateMatch]:
        """At most *limit* matches for a company called *name* with code *uscc*.

        Exact matches come first (same code, then same name key), then the
        names differing only in a region on one side or a region within the
        other (``REGION_SCORE``), then similar names scoring at least
        *threshold*, best first, leaving out those differing only in regions
        lying apart.  *exclude_id* is the customer being edited, which must
        not match itself.
        """
        if limit <= 0:
            return []
        matches: list[DuplicateMatch] = []
        seen: set[str] = {exclude_id} if exclude_id else set()

        def take(candidates: Iterable[Candidate], kind: MatchKind, score: float) -> None:
            for c in candidates:
                if c.id not in seen:
                    seen.add(c.id)
                    matches.append(DuplicateMatch(c, kind, score))

        code = normalize_uscc(uscc)
        if code:
            take(self._by_uscc.get(code, ()), MatchKind.SAME_USCC, 100.0)
        key = normalize_company_name(name) if name.strip() else ""
        if key:
            take(self._by_key.get(key, ()), MatchKind.SAME_NAME, 100.0)
        if key and len(matches) < limit:
            for variant in region_variant_keys(key):
                if variant in self._by_key:
                    take(self._by_key[variant], MatchKind.SIMILAR, REGION_SCORE)
        if key and len(matches) < limit:
            for candidate, score in self._similar(key, threshold, limit + len(seen)):
                if not different_regions(key, candidate.name_key):
                    take((candidate,), MatchKind.SIMILAR, score)
        return matches[:limit]


def find_duplicates(
    name: str,
    uscc: str,
    candidates: Iterable[Candidate],
    *,
    exclude_id: str | None = None,
    limit: int = 5,
    threshold: float = SIMILARITY_THRESHOLD,
) -> list[DuplicateMatch]:
    """``DuplicateIndex(candidates).find(...)`` for a one-off check."""
    return DuplicateIndex(candidates).find(
        name, uscc, exclude_id=exclude_id, limit=limit, threshold=threshold
    )
