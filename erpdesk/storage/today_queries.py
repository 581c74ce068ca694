"""The Today page's reads (docs/today.md) in plain sqlite3, on the window's
autocommit reader like ``storage/queries.py``: open todos by due time, the
presales tasks of a span, the deals closing, the quotes awaiting approval,
the registrations waiting or expiring and the visits logged.

Each list is capped (*limit*) and comes with its total, so the page shows
the first rows and "and N more".  Todos, tasks, deals and quotes are
ranges on an index (milliseconds at 100,000 customers); registrations and
visits have no index of their own and scan their table (~200 ms at
100,000 customers), so the page reads them on a worker (``detached``).
Times are the desk's UTC text and compare as text.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from erpdesk.storage.database import connection_path, translated_errors
from erpdesk.storage.mapping import to_text
from erpdesk.storage.queries import PROTECTION_ENDS

_P = ParamSpec("_P")
_R = TypeVar("_R")



@dataclass(frozen=True)
class Found:
    """The first rows of a list (as ``sqlite3.Row``) and how many there are."""

    rows: tuple[sqlite3.Row, ...]
    total: int


def _translated(
    method: Callable[Concatenate[TodayQueries, _P], _R],
) -> Callable[Concatenate[TodayQueries, _P], _R]:
    """sqlite3 failures surface as the domain's storage errors."""

    def wrapper(self: TodayQueries, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with translated_errors(self.path):
            return method(self, *args, **kwargs)

    functools.update_wrapper(wrapper, method)
    return wrapper


class TodayQueries:
    """Reads for the Today page and the calendar export.  *connect* makes
    a connection of its own for a worker thread (``detached``)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        connect: Callable[[], sqlite3.Connection] | None = None,
        path: Path | None = None,
    ) -> None:
        self._conn = conn
        self._connect = connect
        self.path = path if path is not None else connection_path(conn)

    def detached(self) -> TodayQueries:
        """Queries on a connection of their own (``close`` them when done)."""
        if self._connect is None:
            raise RuntimeError("no connection factory")
        with translated_errors(self.path):
            return TodayQueries(self._connect(), path=self.path)

    def close(self) -> None:
        self._conn.close()

    def _found(self, sql: str, params: list[object], limit: int | None, count_sql: str) -> Found:
        """The first *limit* rows of *sql* and, when there may be more, the
        total by *count_sql* (the same filter without the joined names: a
        count over the index alone)."""
        rows = self._conn.execute(f"{sql} LIMIT ?", [*params, -1 if limit is None else limit])
        fetched = tuple(rows.fetchall())
        if limit is None or len(fetched) < limit:
            return Found(fetched, len(fetched))
        return Found(fetched, int(self._conn.execute(count_sql, params).fetchone()[0]))

    @_translated
    def user(self) -> str:
        """The signed-in user (``sync.user``), "" when never signed in."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'sync.user'").fetchone()
        return str(row[0]) if row and row[0] else ""

    @_translated
    def open_todos(self, start: datetime | None, end: datetime, limit: int | None) -> Found:
        """Open todos due in [*start*, *end*) (from the first when *start*
        is None), by due time, with their customer's and deal's names."""
        where = ["t.done_at IS NULL", "t.deleted = 0", "t.due_at < ?"]
        params: list[object] = [to_text(end)]
        if start is not None:
            where.append("t.due_at >= ?")
            params.append(to_text(start))
        sql = (
            "SELECT t.id, t.kind, t.title, t.due_at, t.notes, t.customer_id, c.name AS customer,"
            " t.deal_id, coalesce(d.name, '') AS deal FROM todo t"
            " JOIN customer c ON c.id = t.customer_id LEFT JOIN deal d ON d.id = t.deal_id"
            f" WHERE {' AND '.join(where)} ORDER BY t.due_at, t.id"
        )
        count = f"SELECT count(*) FROM todo t WHERE {' AND '.join(where)}"
        return self._found(sql, params, limit, count)

    @_translated
    def presales_tasks(
        self, start: datetime, end: datetime, attendee: str, limit: int | None
    ) -> Found:
        """Planned and done demos and surveys starting in [*start*, *end*)
        that *attendee* attends or whose deal *attendee* owns (every one
        when *attendee* is ""), by start."""
        sql = (
            "SELECT t.id, t.kind, t.title, t.starts_at, t.ends_at, t.state, t.place, t.online,"
            " t.our_attendees, t.customer_id, c.name AS customer, coalesce(t.deal_id, '')"
            " AS deal_id, coalesce(d.name, '') AS deal FROM presales_task t"
            " JOIN customer c ON c.id = t.customer_id LEFT JOIN deal d ON d.id = t.deal_id"
            " WHERE t.deleted = 0 AND t.state IN ('planned', 'done')"
            " AND t.starts_at >= ? AND t.starts_at < ? ORDER BY t.starts_at, t.id"
        )
        rows = self._conn.execute(sql, (to_text(start), to_text(end))).fetchall()
        if attendee:
            owners = self._deal_owners({r["deal_id"] for r in rows if r["deal_id"]})
            rows = [
                r for r in rows
                if attendee in json.loads(r["our_attendees"])
                or owners.get(r["deal_id"]) == attendee
            ]  # fmt: skip
        chosen = tuple(rows if limit is None else rows[:limit])
        return Found(chosen, len(rows))

    def _deal_owners(self, deal_ids: set[str]) -> dict[str, str]:
        if not deal_ids:
            return {}
        rows = self._conn.execute(
            "SELECT id, owner FROM deal WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(deal_ids)),),
        )
        return {r[0]: r[1] for r in rows}

    @_translated
    def deals_closing(self, until: str, owner: str, limit: int | None) -> Found:
        """Open deals (of *owner*, every one when "") whose close date is
        *until* (ISO date) or earlier, the earliest first."""
        where = "d.status = 'open' AND d.deleted = 0 AND d.close_date <= ?"
        params: list[object] = [until]
        if owner:
            where += " AND d.owner = ?"
            params.append(owner)
        sql = (
            "SELECT d.id, d.name, d.close_date, d.stage, d.amount_fen, d.customer_id,"
            " c.name AS customer FROM deal d JOIN customer c ON c.id = d.customer_id"
            f" WHERE {where} ORDER BY d.close_date, d.id"
        )
        return self._found(sql, params, limit, f"SELECT count(*) FROM deal d WHERE {where}")

    @_translated
    def quotes_pending(self, author: str, limit: int | None) -> Found:
        """Quotes waiting for a manager's approval (by *author*, every one
        when ""), the oldest first."""
        where = "q.status = 'pending_approval' AND q.deleted = 0"
        params: list[object] = []
        if author:
            where += " AND q.author = ?"
            params.append(author)
        sql = (
            "SELECT q.id, q.number, q.version, q.title, q.quote_date, q.total_fen, q.customer_id,"
            " c.name AS customer, coalesce(q.deal_id, '') AS deal_id, coalesce(d.name, '')"
            " AS deal FROM quote q JOIN customer c ON c.id = q.customer_id"
            f" LEFT JOIN deal d ON d.id = q.deal_id WHERE {where}"
            " ORDER BY q.quote_date, q.number, q.version"
        )
        return self._found(sql, params, limit, f"SELECT count(*) FROM quote q WHERE {where}")

    @_translated
    def registrations(self, expiring_before: datetime, limit: int) -> tuple[Found, Found]:
        """Customers whose registration waits for the registry's answer
        (``pending``, the longest waiting first) and protected customers
        whose protection ends before *expiring_before* (the soonest first):
        one query over the registration indexes (schema 0013)."""
        matching = (
            f"SELECT id, name, registration, {PROTECTION_ENDS} AS ends, updated_at FROM customer"
            " WHERE deleted = 0 AND (registration = 'pending'"
            # = {PROTECTION_ENDS} <= ?, written so that the indexes of schema 0013 serve it
            " OR (registration = 'protected' AND (protected_until <= ? OR release_due_at <= ?)))"
        )
        # numbered and counted in SQL: only the first rows of each reach Python
        sql = (
            "SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY registration"
            " ORDER BY ends, updated_at, id) AS n, count(*) OVER (PARTITION BY registration)"
            f" AS total FROM ({matching})) WHERE n <= ? ORDER BY registration, n"
        )
        before = to_text(expiring_before)
        rows = self._conn.execute(sql, (before, before, limit)).fetchall()
        found = {}
        for state in ("pending", "protected"):
            mine = tuple(r for r in rows if r["registration"] == state)
            found[state] = Found(mine, mine[0]["total"] if mine else 0)
        return found["pending"], found["protected"]

    @_translated
    def visits(self, start: datetime, end: datetime, limit: int | None) -> Found:
        """Visits logged as happening in [*start*, *end*), by time, with
        their customer's name (by the index on kind and time, schema 0013)."""
        where = "a.kind = 'visit' AND a.deleted = 0 AND a.occurred_at >= ? AND a.occurred_at < ?"
        sql = (
            "SELECT a.id, a.occurred_at, a.summary, a.outcome, a.next_step, a.customer_id,"
            " c.name AS customer FROM activity a JOIN customer c ON c.id = a.customer_id"
            f" WHERE {where} ORDER BY a.occurred_at, a.id"
        )
        rows = self._conn.execute(sql, (to_text(start), to_text(end))).fetchall()
        return Found(tuple(rows if limit is None else rows[:limit]), len(rows))  # one scan
