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

import bisect
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass

FILTERS = ("source", "status", "province", "industry")
SEP = "\x1f"


@dataclass
class _Entry:
    sort: tuple[str, int]
    ascii: str
    text: str
    facets: tuple[str | None, ...]


def _split(key: str) -> tuple[str, str]:
    parts = key.split(SEP)
    ascii_part = SEP.join(p for p in parts if p.isascii())
    text_part = SEP.join(p for p in parts if not p.isascii())
    return ascii_part, text_part


class CustomerSearchIndex:
    """Matching rowids, in default order, for a query text and filters."""

    def __init__(self, connect: Callable[[], sqlite3.Connection]) -> None:
        self._connect = connect
        self._lock = threading.Lock()
        self._loaded = threading.Event()
        self._thread: threading.Thread | None = None
        self._entries: list[_Entry] = []
        self._rowids: list[int] = []
        self._by_rowid: dict[int, _Entry] = {}
        self._watermark = ""
        self._version: int | None = None
        self._last: tuple[str, tuple[str | None, ...], list[int]] | None = None

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
        conn = self._connect()
        try:
            version = conn.execute("PRAGMA data_version").fetchone()[0]
            rows = conn.execute(
                "SELECT rowid, sort_key, search_key, updated_at, "
                f"{', '.join(FILTERS)} FROM customer WHERE deleted = 0 "
                "ORDER BY sort_key, rowid"
            ).fetchall()
            watermark = conn.execute("SELECT max(updated_at) FROM customer").fetchone()[0]
        finally:
            conn.close()
        entries = []
        for rowid, sort_key, key, _updated, *facets in rows:
            ascii_part, text_part = _split(key)
            entries.append(_Entry((sort_key, rowid), ascii_part, text_part, tuple(facets)))
        self._entries = entries
        self._rowids = [e.sort[1] for e in entries]
        self._by_rowid = {e.sort[1]: e for e in entries}
        self._watermark = watermark or ""
        self._version = version
        self._last = None
        self._loaded.set()

    def _ensure(self, conn: sqlite3.Connection) -> None:
        if not self._loaded.is_set():
            self.warm_up()
            assert self._thread is not None
            self._thread.join()
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:
            self._refresh(conn)
            self._version = version

    def _refresh(self, conn: sqlite3.Connection) -> None:
        rows = conn.execute(
            "SELECT rowid, sort_key, search_key, updated_at, deleted, "
            f"{', '.join(FILTERS)} FROM customer WHERE updated_at >= ?",
            (self._watermark,),
        ).fetchall()
        for rowid, sort_key, key, updated, deleted, *facets in rows:
            self._remove(rowid)
            if not deleted:
                ascii_part, text_part = _split(key)
                self._insert(_Entry((sort_key, rowid), ascii_part, text_part, tuple(facets)))
            self._watermark = max(self._watermark, updated)
        if rows:
            self._last = None

    def _remove(self, rowid: int) -> None:
        entry = self._by_rowid.pop(rowid, None)
        if entry is not None:
            at = bisect.bisect_left(self._entries, entry.sort, key=lambda e: e.sort)
            del self._entries[at]
            del self._rowids[at]

    def _insert(self, entry: _Entry) -> None:
        at = bisect.bisect_left(self._entries, entry.sort, key=lambda e: e.sort)
        self._entries.insert(at, entry)
        self._rowids.insert(at, entry.sort[1])
        self._by_rowid[entry.sort[1]] = entry

    # -- matching --------------------------------------------------------------

    def match(
        self, conn: sqlite3.Connection, text: str, facets: tuple[str | None, ...]
    ) -> list[int]:
        """Rowids of live customers whose key contains *text* and whose
        (source, status, province, industry) equal *facets* where given."""
        self._ensure(conn)
        last = self._last
        if last is not None and last[1] == facets and text.startswith(last[0]):
            if text == last[0]:
                return last[2]
            positions: list[int] | range = last[2]
        else:
            positions = range(len(self._entries))
        entries = self._entries
        field = "ascii" if text.isascii() else "text"
        if field == "ascii":
            found = [p for p in positions if text in entries[p].ascii]
        else:
            found = [p for p in positions if text in entries[p].text]
        if any(facets):
            wanted = [(i, v) for i, v in enumerate(facets) if v]
            found = [p for p in found if all(entries[p].facets[i] == v for i, v in wanted)]
        self._last = (text, facets, found)
        return found

    def rowids(self, positions: list[int]) -> list[int]:
        rowids = self._rowids
        return [rowids[p] for p in positions]
