"""The read model: the customer list, search and detail, in plain sqlite3.

Reads are what the window does on every keystroke and at start-up; they use
the standard library's sqlite3 on a connection in autocommit mode, which
costs nothing to import and always sees the latest committed data (the
cosmicpython "views" pattern: commands through the unit of work, queries as
plain SQL).  Every query here is parameterised.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from erpdesk.domain.customer import Activity, Contact, Customer
from erpdesk.domain.errors import NotFound
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.storage.database import connection_path, translated_errors
from erpdesk.storage.mapping import activity_from_row, contact_from_row, customer_from_row
from erpdesk.storage.search_index import FILTERS, CustomerSearchIndex

# Same text as repositories.WHAT_CUSTOMER; defined here so that the read path
# (start-up) does not import the SQLAlchemy write side.
WHAT_CUSTOMER = QT_TRANSLATE_NOOP("Domain", "Customer")


@dataclass(frozen=True)
class CustomerCriteria:
    """What the customer list shows: a search text and equality filters.

    ``text`` must already be normalised (``domain.search_key.normalize_query``).
    """

    text: str = ""
    source: str | None = None
    status: str | None = None
    province: str | None = None
    industry: str | None = None
    # unregistered, pending, protected, expiring, invalid, pool (see ``_protection``)
    protection: str | None = None


# A protected customer going to the pool within this many days is "expiring".
EXPIRING_DAYS = 14


def expiring_before(now: datetime | None = None) -> str:
    """The UTC text before which a protected customer counts as expiring."""
    moment = (now or datetime.now(UTC)) + timedelta(days=EXPIRING_DAYS)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


# When protection ends: the earlier of its end and the release for want of
# follow-ups ('9' sorts after any date: no date, never).
PROTECTION_ENDS = "min(coalesce(protected_until, '9'), coalesce(release_due_at, '9'))"


def _protection(state: str) -> tuple[str, list[object]]:
    if state == "expiring":
        return f"registration = 'protected' AND {PROTECTION_ENDS} <= ?", [expiring_before()]
    if state == "protected":
        return f"registration = 'protected' AND {PROTECTION_ENDS} > ?", [expiring_before()]
    return "registration = ?", [state]


@dataclass(frozen=True)
class CustomerRow:
    """One line of the customer list."""

    id: str
    name: str
    short_name: str
    uscc: str
    phone: str
    source: str
    status: str
    registration: str
    province: str
    city: str
    industry: str | None
    owner: str
    updated_at: str
    protected_until: str | None = None
    release_due_at: str | None = None
    # A pending customer's possible duplicates (registration_store, JSON text).
    near_matches: str = ""


# Columns of the list read from elsewhere than ``customer``: a pending
# customer's sent request the registry found near a held customer's name.
_LIST_EXPRESSIONS = {
    "near_matches": "CASE WHEN registration = 'pending' THEN coalesce((SELECT r.near_matches"
    " FROM registration_request r WHERE r.customer_id = customer.id AND r.state = 'sent'"
    " AND r.near_matches != '' LIMIT 1), '') ELSE '' END",
}
LIST_COLUMNS = ", ".join(
    _LIST_EXPRESSIONS.get(name, name) for name in CustomerRow.__dataclass_fields__
)

# Sort orders the list offers; the tie-breaker keeps paging stable.
SORTS = {
    "name": "sort_key {d}, rowid {d}",
    "short_name": "short_name {d}, sort_key, id",
    "uscc": "uscc {d}, id",
    "phone": "phone {d}, id",
    "source": "source {d}, sort_key, id",
    "status": "status {d}, sort_key, id",
    "registration": "registration {d}, sort_key, id",
    "protection": "registration {d}, protected_until {d}, sort_key, id",
    "region": "province {d}, city {d}, sort_key, id",
    "industry": "industry {d}, sort_key, id",
    "owner": "owner {d}, sort_key, id",
    "updated_at": "updated_at {d}, id",
}


def _where(criteria: CustomerCriteria) -> tuple[str, list[object]]:
    clauses = ["deleted = 0"]
    params: list[object] = []
    for column in FILTERS:
        value = getattr(criteria, column)
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    if criteria.protection:
        clause, values = _protection(criteria.protection)
        clauses.append(clause)
        params.extend(values)
    if criteria.text:
        clauses.append("instr(search_key, ?) > 0")
        params.append(criteria.text)
    return " AND ".join(clauses), params


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _translated(
    method: Callable[Concatenate[CustomerQueries, _P], _R],
) -> Callable[Concatenate[CustomerQueries, _P], _R]:
    """sqlite3 failures of a read surface as the domain's storage errors
    (a damaged file as ``DatabaseDamaged``), like those of the write side."""

    def wrapper(self: CustomerQueries, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with translated_errors(self.path):
            return method(self, *args, **kwargs)

    functools.update_wrapper(wrapper, method)
    return wrapper


class CustomerQueries:
    """Reads of customers, contacts and activities for views and checks.

    Every failure of SQLite surfaces as the domain's ``StorageError``
    subclasses, naming *path* (by default the connection's file).
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        index: CustomerSearchIndex | None = None,
        connect: Callable[[], sqlite3.Connection] | None = None,
        path: Path | None = None,
    ) -> None:
        self._conn = conn
        self._index = index
        self._connect = connect
        self.path = path if path is not None else connection_path(conn)

    def detached(self) -> CustomerQueries:
        """Queries on a connection of their own, for a background thread;
        ``close()`` them when done."""
        if self._connect is None:
            raise RuntimeError("no connection factory")
        with translated_errors(self.path):
            return CustomerQueries(self._connect(), path=self.path)

    def close(self) -> None:
        self._conn.close()

    def warm_up(self) -> None:
        """Start loading the search index in the background."""
        if self._index is not None:
            self._index.warm_up()

    def _facets(self, criteria: CustomerCriteria) -> tuple[str | None, ...]:
        return tuple(getattr(criteria, f) for f in FILTERS)

    def _matches(self, criteria: CustomerCriteria, want: int | None = None) -> list[int] | None:
        """Index positions matching a text search (at least the first *want*
        of them, or all), or None to use SQL."""
        if not criteria.text or self._index is None or criteria.protection:
            return None  # the index knows no protection: SQL
        return self._index.match(self._conn, criteria.text, self._facets(criteria), want)

    @_translated
    def count(self, criteria: CustomerCriteria) -> int:
        matches = self._matches(criteria)
        if matches is not None:
            return len(matches)
        where, params = _where(criteria)
        sql = f"SELECT count(*) FROM customer WHERE {where}"
        return int(self._conn.execute(sql, params).fetchone()[0])

    @_translated
    def known_count(self, criteria: CustomerCriteria) -> int | None:
        """The count when it is known without more work (a finished search
        scan); None otherwise: a search that has only found its first pages,
        or a list from SQL, whose count over 100,000 rows costs ~10 ms."""
        if not criteria.text or self._index is None or criteria.protection:
            return None
        return self._index.known_count(self._conn, criteria.text, self._facets(criteria))

    @_translated
    def page(
        self,
        criteria: CustomerCriteria,
        *,
        sort: str = "name",
        descending: bool = False,
        offset: int = 0,
        limit: int = 200,
    ) -> list[CustomerRow]:
        order = SORTS[sort].format(d="DESC" if descending else "ASC")
        partial = sort == "name" and not descending
        matches = self._matches(criteria, offset + limit if partial else None)
        if matches is not None:
            return self._matched_page(matches, sort, order, descending, offset, limit)
        where, params = _where(criteria)
        sql = (
            f"SELECT {LIST_COLUMNS} FROM customer WHERE {where} "
            f"ORDER BY {order} LIMIT ? OFFSET ?"
        )
        rows = self._conn.execute(sql, [*params, limit, offset]).fetchall()
        return [CustomerRow(*row) for row in rows]

    def _matched_page(
        self,
        matches: list[int],
        sort: str,
        order: str,
        descending: bool,
        offset: int,
        limit: int,
    ) -> list[CustomerRow]:
        assert self._index is not None
        ids_in = "rowid IN (SELECT value FROM json_each(?))"
        if sort == "name":  # the index's own order: slice it, fetch only the page
            if descending:
                end = max(len(matches) - offset, 0)
                chosen = matches[max(end - limit, 0) : end][::-1]
            else:
                chosen = matches[offset : offset + limit]
            rowids = self._index.rowids(chosen)
            fetched = self._conn.execute(
                f"SELECT rowid, {LIST_COLUMNS} FROM customer WHERE {ids_in}",
                (json.dumps(rowids),),
            ).fetchall()
            by_rowid = {row[0]: CustomerRow(*row[1:]) for row in fetched}
            return [by_rowid[r] for r in rowids if r in by_rowid]
        rows = self._conn.execute(
            f"SELECT {LIST_COLUMNS} FROM customer WHERE {ids_in} "
            f"ORDER BY {order} LIMIT ? OFFSET ?",
            (json.dumps(self._index.rowids(matches)), limit, offset),
        ).fetchall()
        return [CustomerRow(*row) for row in rows]

    @_translated
    def customer(self, customer_id: str) -> Customer:
        row = self._conn.execute("SELECT * FROM customer WHERE id = ?", (customer_id,)).fetchone()
        if row is None or row["deleted"]:
            raise NotFound(what=WHAT_CUSTOMER, id=customer_id)
        return customer_from_row(row)

    @_translated
    def contacts(self, customer_id: str) -> list[Contact]:
        rows = self._conn.execute(
            "SELECT * FROM contact WHERE customer_id = ? AND deleted = 0 ORDER BY created_at, id",
            (customer_id,),
        )
        return [contact_from_row(r) for r in rows]

    @_translated
    def activities(self, customer_id: str, limit: int | None = None) -> list[Activity]:
        """Newest first."""
        rows = self._conn.execute(
            "SELECT * FROM activity WHERE customer_id = ? AND deleted = 0 "
            "ORDER BY occurred_at DESC, created_at DESC LIMIT ?",
            (customer_id, -1 if limit is None else limit),
        )
        return [activity_from_row(r) for r in rows]

    @_translated
    def same_identity(self, uscc: str, name_key: str) -> list[tuple[str, str, str, str]]:
        """(id, name, uscc, name_key) of live customers sharing the USCC or key."""
        rows = self._conn.execute(
            "SELECT id, name, uscc, name_key FROM customer WHERE deleted = 0 AND "
            "(name_key = ? OR (? != '' AND uscc = ?))",
            (name_key, uscc, uscc),
        )
        return [tuple(r) for r in rows]

    def identities(self) -> Iterator[tuple[str, str, str, str]]:
        """(id, name, uscc, name_key) of every live customer."""
        with translated_errors(self.path):
            yield from self._conn.execute(
                "SELECT id, name, uscc, name_key FROM customer WHERE deleted = 0"
            )

    @_translated
    def identities_of(self, ids: list[str]) -> list[tuple[str, str, str, str]]:
        """(id, name, uscc, name_key) of the live customers among *ids*."""
        rows = self._conn.execute(
            "SELECT id, name, uscc, name_key FROM customer WHERE deleted = 0 AND "
            "id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
        return [tuple(r) for r in rows]

    @_translated
    def identity_changes(self, since: str) -> list[tuple[str, str, str, str, int, str]]:
        """(id, name, uscc, name_key, deleted, updated_at) of every customer,
        live or not, written at or after *since* (an ``updated_at`` text)."""
        rows = self._conn.execute(
            "SELECT id, name, uscc, name_key, deleted, updated_at FROM customer "
            "WHERE updated_at >= ?",
            (since,),
        )
        return [tuple(r) for r in rows]

    @_translated
    def newest_change(self) -> str:
        """The largest ``updated_at`` of any customer ("" when there is none)."""
        return str(self._conn.execute("SELECT max(updated_at) FROM customer").fetchone()[0] or "")

    def customers_with_first_contact(self) -> Iterator[tuple[Customer, Contact | None]]:
        """Every live customer by name (pinyin order) with its first contact
        (the earliest created), for export."""
        contact_columns = [
            "id", "customer_id", "name", "title", "department", "level", "mobile",
            "office_phone", "email", "wechat", "created_at", "updated_at", "server_version",
            "deleted",
        ]
        picked = ", ".join(f"k.{c} AS k_{c}" for c in contact_columns)
        with translated_errors(self.path):
            yield from self._with_first_contact(picked, contact_columns)

    def _with_first_contact(
        self, picked: str, contact_columns: list[str]
    ) -> Iterator[tuple[Customer, Contact | None]]:
        rows = self._conn.execute(
            f"SELECT c.*, {picked} FROM customer c LEFT JOIN ("
            "  SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY created_at, id) AS n"
            "  FROM contact WHERE deleted = 0"
            ") k ON k.customer_id = c.id AND k.n = 1 "
            "WHERE c.deleted = 0 ORDER BY c.sort_key, c.id"
        )
        for row in rows:
            first = None
            if row["k_id"] is not None:
                first = contact_from_row({c: row[f"k_{c}"] for c in contact_columns})
            yield customer_from_row(row), first

    @_translated
    def data_version(self) -> int:
        """Changes whenever another connection commits (SQLite's data_version)."""
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    @_translated
    def totals(self) -> dict[str, int]:
        """Live customers, contacts and activities, and pending outbox ops."""
        row = self._conn.execute(
            "SELECT (SELECT count(*) FROM customer WHERE deleted = 0),"
            " (SELECT count(*) FROM contact WHERE deleted = 0),"
            " (SELECT count(*) FROM activity WHERE deleted = 0),"
            " (SELECT count(*) FROM outbox)"
        ).fetchone()
        return dict(zip(("customers", "contacts", "activities", "outbox"), row, strict=True))

    @_translated
    def schema_revision(self) -> str | None:
        """The database's schema revision (Alembic's ``alembic_version``)."""
        from erpdesk.storage.database import current_revision

        with translated_errors(self.path):
            return current_revision(self._conn)

    def outbox_count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM outbox").fetchone()[0])
