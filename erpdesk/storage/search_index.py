"""In-memory index for search-as-you-type over the customer list.

A substring scan in SQL costs 50-300 ms at 100,000 customers (measured: see
docs/design.md), far over the 30 ms a keystroke may take.  This index keeps
each live customer's search key in memory, in the list's default order
(pinyin of the name), split into its ASCII part (pinyin, initials, USCC,
phone digits) and its CJK part, so that a query scans only the part it can
match with Python's C-speed ``in``.  A query that extends the previous one
(the user typed one more character) scans only the previous matches.

It loads in ~0.5 s at 100,000 customers: ``warm_up()`` does that on a
background thread after the window is shown; a search before then waits.
Freshness: SQLite's ``data_version`` tells when any connection committed;
the index then re-reads the rows whose ``updated_at`` is at or after the
newest it has seen (every writer stamps ``updated_at``), so an edit costs
one small query, not a reload.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections import deque
from collections.abc import Callable, Sequence

from erpdesk.storage.database import connection_path, translated_errors

FILTERS = ("source", "status", "province", "industry")
SEP = "\x1f"
_BATCH = 5000
_RELOAD_ABOVE = 500  # changed rows beyond which a refresh reloads everything
_CHUNK = 2048  # positions examined per step of a scan


def _split(key: str) -> tuple[str, str, str]:
    """A search key as what letter queries, digit queries and CJK queries
    can match: pinyin and Latin names; phone digits and the credit code; the
    Chinese names.  Scanning only the part a query can match halves the cost
    of a keystroke, and "bj" finds 北京, not every credit code that happens
    to hold a B and a J.  A name's pinyin with digits in it (安博天509号)
    goes to both ASCII parts."""
    letters, digits, text = [], [], []
    for part in key.split(SEP):
        if not part.isascii():
            text.append(part)
        elif part.isdigit() or _is_code(part):
            digits.append(part)
        elif any(c.isdigit() for c in part):
            letters.append(part)
            digits.append(part)
        else:
            letters.append(part)
    return SEP.join(letters), SEP.join(digits), SEP.join(text)


def _is_code(part: str) -> bool:
    """An 18-character credit code (as lower-cased in the search key)."""
    return len(part) == 18 and part.isalnum() and part[:2].isdigit()


def _route(text: str) -> int:
    """Which part of the keys a query can match (0 letters, 1 digits, 2 CJK,
    3 both ASCII parts)."""
    if not text.isascii():
        return 2
    if text.isalpha():
        return 0
    return 1 if text.isdigit() else 3


def _intern(value: str | None) -> str | None:
    return None if value is None else sys.intern(value)


class CustomerSearchIndex:
    """Matching rowids, in default order, for a query text and filters.

    Kept as parallel lists (rowid, the three parts of ``_split``, one list
    per filter with interned values) rather than an object per customer: at 100,000
    customers that is ~45 MB instead of ~180 MB.
    """

    def __init__(self, connect: Callable[[], sqlite3.Connection]) -> None:
        self._connect = connect
        self._lock = threading.Lock()
        self._loaded = threading.Event()
        self._thread: threading.Thread | None = None
        self._rowids: list[int] = []
        self._parts: tuple[list[str], list[str], list[str]] = ([], [], [])
        self._facets: tuple[list[str | None], ...] = tuple([] for _ in FILTERS)
        self._watermark = ""
        self._version: int | None = None
        self._last: _Scan | None = None
        self._failure: Exception | None = None  # why the last load failed

    # -- loading ---------------------------------------------------------------

    def warm_up(self) -> None:
        """Load in a background thread (no-op if loaded or loading)."""
        with self._lock:
            if self._thread is None and not self._loaded.is_set():
                self._thread = threading.Thread(
                    target=self._load, name="search-index", daemon=True
                )
                self._thread.start()

    def _load(self) -> None:
        """Read every live customer's key; a failure (a damaged file, say) is
        kept and raised by the next search instead of ending the thread in a
        traceback with the index half-filled."""
        try:
            self._read_all()
        except Exception as exc:
            self._failure = exc
            self._rowids.clear()
            for part in self._parts:
                part.clear()
            for facet in self._facets:
                facet.clear()

    def _read_all(self) -> None:
        conn = self._connect()
        try:
            version = conn.execute("PRAGMA data_version").fetchone()[0]
            watermark = conn.execute("SELECT max(updated_at) FROM customer").fetchone()[0]
            cursor = conn.execute(
                f"SELECT rowid, search_key, {', '.join(FILTERS)} FROM customer "
                "WHERE deleted = 0 ORDER BY sort_key, rowid"
            )
            while rows := cursor.fetchmany(_BATCH):  # never all rows at once
                for rowid, key, *facets in rows:
                    self._append(rowid, key, facets)
        finally:
            conn.close()
        self._watermark = watermark or ""
        self._version = version
        self._last = None
        self._loaded.set()

    def _append(self, rowid: int, key: str, facets: list[str | None]) -> None:
        self._rowids.append(rowid)
        for column, part in zip(self._parts, _split(key), strict=True):
            column.append(part)
        for facet, value in zip(self._facets, facets, strict=True):
            facet.append(_intern(value))

    def _ensure(self, conn: sqlite3.Connection) -> None:
        if not self._loaded.is_set():
            self.warm_up()
            assert self._thread is not None
            self._thread.join()
        if not self._loaded.is_set():
            failure, self._failure = self._failure, None
            with self._lock:
                self._thread = None  # the next search loads again
            with translated_errors(connection_path(conn)):
                raise failure or RuntimeError("the search index did not load")
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:
            self._refresh(conn)
            self._version = version

    def _refresh(self, conn: sqlite3.Connection) -> None:
        rows = conn.execute(
            f"SELECT rowid, sort_key, search_key, updated_at, deleted, {', '.join(FILTERS)} "
            "FROM customer WHERE updated_at >= ?",
            (self._watermark,),
        ).fetchall()
        if len(rows) > _RELOAD_ABOVE:
            # A bulk change (an import while the window is open): placing each
            # row costs a count and a list search, ~ms apiece; a reload is 0.5 s.
            for column in self._lists():
                column.clear()
            self._load()
            return
        for rowid, sort_key, key, updated, deleted, *facets in rows:
            self._remove(rowid)
            if not deleted:
                # Its place in the default order, counted by the sort index.
                at = conn.execute(
                    "SELECT count(*) FROM customer WHERE deleted = 0 AND "
                    "(sort_key < ? OR (sort_key = ? AND rowid < ?))",
                    (sort_key, sort_key, rowid),
                ).fetchone()[0]
                self._insert(min(at, len(self._rowids)), rowid, key, facets)
            self._watermark = max(self._watermark, updated)
        if rows:
            self._last = None

    def _lists(self) -> tuple[list, ...]:  # type: ignore[type-arg]
        return (self._rowids, *self._parts, *self._facets)

    def _remove(self, rowid: int) -> None:
        try:
            at = self._rowids.index(rowid)
        except ValueError:
            return
        for column in self._lists():
            del column[at]

    def _insert(self, at: int, rowid: int, key: str, facets: list[str | None]) -> None:
        values = (rowid, *_split(key), *(_intern(v) for v in facets))
        for column, value in zip(self._lists(), values, strict=True):
            column.insert(at, value)

    # -- matching --------------------------------------------------------------

    def _scan(self, conn: sqlite3.Connection, text: str, facets: tuple[str | None, ...]) -> _Scan:
        """The (possibly partial) scan for *text*, reusing the previous one
        when the user typed on: positions the previous query examined and
        rejected cannot match a longer query that contains it."""
        self._ensure(conn)
        last = self._last
        if last is not None and last.facets == facets:
            if last.text == text:
                return last
            if text.startswith(last.text):
                scan = _Scan(text, facets, [(last.found, 0), *last.pending])
                self._last = scan
                return scan
        scan = _Scan(text, facets, [(range(len(self._rowids)), 0)])
        self._last = scan
        return scan

    def _extend(self, scan: _Scan, want: int) -> None:
        """Examine pending positions, in order, until *want* matches are found."""
        route = _route(scan.text)
        text = scan.text
        letters, digits, _cjk = self._parts
        keys = self._parts[route] if route < 3 else letters
        wanted = [(column, value) for column, value in zip(self._facets, scan.facets, strict=True)
                  if value]
        while len(scan.found) < want and scan.pending:
            seq, start = scan.pending[0]
            end = min(start + _CHUNK, len(seq))
            chunk = seq[start:end]
            if route == 3:
                hits = [p for p in chunk if text in letters[p] or text in digits[p]]
            else:
                hits = [p for p in chunk if text in keys[p]]
            for column, value in wanted:
                hits = [p for p in hits if column[p] == value]
            scan.found.extend(hits)
            if end >= len(seq):
                scan.pending.popleft()
            else:
                scan.pending[0] = (seq, end)

    def match(
        self,
        conn: sqlite3.Connection,
        text: str,
        facets: tuple[str | None, ...],
        want: int | None = None,
    ) -> list[int]:
        """Positions (in default order) of live customers whose key contains
        *text* and whose (source, status, province, industry) equal *facets*
        where given: all of them, or with *want* at least the first *want*
        (the scan stops there; a broad query's first page costs ~1 ms)."""
        scan = self._scan(conn, text, facets)
        self._extend(scan, len(self._rowids) + 1 if want is None else want)
        return scan.found

    def known_count(
        self, conn: sqlite3.Connection, text: str, facets: tuple[str | None, ...]
    ) -> int | None:
        """The number of matches if the scan for them is complete, else None."""
        scan = self._scan(conn, text, facets)
        return None if scan.pending else len(scan.found)

    def rowids(self, positions: list[int]) -> list[int]:
        rowids = self._rowids
        return [rowids[p] for p in positions]


class _Scan:
    """Matches of one query so far and the positions still to examine."""

    __slots__ = ("facets", "found", "pending", "text")

    def __init__(
        self,
        text: str,
        facets: tuple[str | None, ...],
        pending: list[tuple[Sequence[int], int]],
    ) -> None:
        self.text = text
        self.facets = facets
        self.found: list[int] = []
        self.pending: deque[tuple[Sequence[int], int]] = deque(pending)
