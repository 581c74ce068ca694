"""Repositories of quotes and their approvals, the desk's catalogue and the
quote numbering: Core statements in a unit of work's session, domain objects
in and out, an outbox op for every change of a quote or an approval
(entities ``quote`` and ``quote_approval``; docs/quotes.md).

A quote row is one version.  Its lines and milestones are JSON text with
every Decimal as its exact decimal text (``33.330`` stays ``33.330``), its
printed totals (``quote.quote_totals``) are kept as integer fen for lists.
A create op carries every field a version has, an update op the changed
``QUOTE_FIELDS`` with the status, the time sent and the discount limit, a
delete is a tombstone op.  ``record=False`` writes no op (demo data).

The catalogue (``CatalogueStore``) and the day's sequence
(``QuoteSequence``) are local to the desk: no op is written for them.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, and_, exists, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from erpdesk.domain.customer import enum_member, utcnow
from erpdesk.domain.errors import NotFound
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.quote import (
    QUOTE_FIELDS,
    ApprovalDecision,
    ItemKind,
    Milestone,
    PriceMode,
    Quote,
    QuoteApproval,
    QuoteLine,
    QuoteStatus,
    line_amounts,
)
from erpdesk.storage.mapping import Row, from_text, payload_value, to_fen, to_text
from erpdesk.storage.outbox import Outbox
from erpdesk.storage.schema import (
    catalogue_doc,
    customer,
    deal,
    quote,
    quote_approval,
    quote_sequence,
)

WHAT_QUOTE = QT_TRANSLATE_NOOP("Domain", "Quote")

# What an update op may carry: the user's fields and the approval state.
QUOTE_UPDATE_FIELDS: tuple[str, ...] = (*QUOTE_FIELDS, "status", "sent_at", "discount_limit")
# What a create op carries: every field of the version but the bookkeeping.
QUOTE_CREATE_FIELDS: tuple[str, ...] = (
    "number", "version", "customer_id", "currency", "author", *QUOTE_UPDATE_FIELDS,
)  # fmt: skip
APPROVAL_FIELDS = ("quote_id", "at", "by", "max_discount", "decision", "note")

QUOTE_COLUMNS = (
    "id", "number", "version", "customer_id", "deal_id", "title", "status", "price_mode",
    "currency", "quote_date", "valid_until", "lines", "milestones", "delivery_terms", "notes",
    "language", "author", "discount_limit", "sent_at", "net_fen", "vat_fen", "total_fen",
    "created_at", "updated_at", "server_version", "deleted",
)  # fmt: skip
APPROVAL_COLUMNS = (
    "id", "quote_id", "at", "by", "max_discount", "decision", "note",
    "created_at", "updated_at", "server_version", "deleted",
)  # fmt: skip
# Columns a quote field is written to, besides its own (the totals follow the lines).
_TOTALS = ("net_fen", "vat_fen", "total_fen")
_DERIVED = {"lines": _TOTALS, "price_mode": _TOTALS}

CATALOGUE_KEY = "current"
SQL_VARIABLES = 500  # ids per IN (...) list, far below SQLite's limit


# -- rows <-> domain -----------------------------------------------------------


def _date_text(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _decimal(text: Any) -> Decimal:
    return Decimal(str(text))


def line_from_data(data: Mapping[str, Any]) -> QuoteLine:
    """A quote line from its stored JSON mapping (``payload_value`` of it)."""
    list_price = data.get("list_price")
    return QuoteLine(
        description=data["description"],
        quantity=_decimal(data["quantity"]),
        unit_price=_decimal(data["unit_price"]),
        group=enum_member(ItemKind, data.get("group", ItemKind.LICENCE.value)),
        item=data.get("item", ""),
        unit=data.get("unit", ""),
        discount=_decimal(data.get("discount", "0")),
        vat_rate=_decimal(data.get("vat_rate", "13")),
        list_price=_decimal(list_price) if list_price is not None else None,
    )


def milestone_from_data(data: Mapping[str, Any]) -> Milestone:
    return Milestone(name=data["name"], percent=_decimal(data["percent"]), due=data.get("due", ""))


def lines_from_json(text: str) -> tuple[QuoteLine, ...]:
    return tuple(line_from_data(d) for d in json.loads(text))


def milestones_from_json(text: str) -> tuple[Milestone, ...]:
    return tuple(milestone_from_data(d) for d in json.loads(text))


def line_data(line: QuoteLine) -> dict[str, Any]:
    """A line as stored: its fields, Decimals as exact decimal text (what
    ``payload_value`` gives, written out: demo data stores thousands)."""
    return {
        "description": line.description,
        "discount": str(line.discount),
        "group": line.group.value,
        "item": line.item,
        "list_price": None if line.list_price is None else str(line.list_price),
        "quantity": str(line.quantity),
        "unit": line.unit,
        "unit_price": str(line.unit_price),
        "vat_rate": str(line.vat_rate),
    }


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def totals_fen(lines: Sequence[QuoteLine], mode: PriceMode) -> dict[str, int]:
    """A version's derived columns: its printed totals (the sums of its
    lines' amounts as printed, ``quote.quote_totals``) in whole fen."""
    amounts = [line_amounts(line, mode) for line in lines]
    return {
        "net_fen": sum(to_fen(a.net) for a in amounts),
        "vat_fen": sum(to_fen(a.vat) for a in amounts),
        "total_fen": sum(to_fen(a.total) for a in amounts),
    }


def quote_derived(columns: Mapping[str, Any]) -> dict[str, int]:
    """``totals_fen`` of a version's stored columns (``lines`` as JSON
    text, ``price_mode`` as its code): what a pulled version gets."""
    return totals_fen(
        lines_from_json(columns["lines"] or "[]"), enum_member(PriceMode, columns["price_mode"])
    )


def quote_row(q: Quote) -> dict[str, Any]:
    """The version's column values (``QUOTE_COLUMNS``), its printed totals
    in whole fen (``totals_fen``)."""
    return {
        "id": q.id,
        "number": q.number,
        "version": q.version,
        "customer_id": q.customer_id,
        "deal_id": q.deal_id or None,
        "title": q.title,
        "status": q.status.value,
        "price_mode": q.price_mode.value,
        "currency": q.currency,
        "quote_date": q.quote_date.isoformat(),
        "valid_until": _date_text(q.valid_until),
        "lines": _json([line_data(line) for line in q.lines]),
        "milestones": _json(
            [{"due": m.due, "name": m.name, "percent": str(m.percent)} for m in q.milestones]
        ),
        "delivery_terms": q.delivery_terms,
        "notes": q.notes,
        "language": q.language,
        "author": q.author,
        "discount_limit": str(q.discount_limit),
        "sent_at": to_text(q.sent_at) if q.sent_at is not None else None,
        **totals_fen(q.lines, q.price_mode),
        "created_at": to_text(q.created_at),
        "updated_at": to_text(q.updated_at),
        "server_version": q.server_version,
        "deleted": q.deleted,
    }


def quote_from_row(row: Row) -> Quote:
    return Quote(
        id=row["id"],
        number=row["number"],
        version=row["version"],
        customer_id=row["customer_id"],
        deal_id=row["deal_id"],
        title=row["title"],
        status=enum_member(QuoteStatus, row["status"]),
        price_mode=enum_member(PriceMode, row["price_mode"]),
        currency=row["currency"],
        quote_date=date.fromisoformat(row["quote_date"]),
        valid_until=_date(row["valid_until"]),
        lines=lines_from_json(row["lines"]),
        milestones=milestones_from_json(row["milestones"]),
        delivery_terms=row["delivery_terms"],
        notes=row["notes"],
        language=row["language"],
        author=row["author"],
        discount_limit=Decimal(row["discount_limit"]),
        sent_at=from_text(row["sent_at"]) if row["sent_at"] else None,
        created_at=from_text(row["created_at"]),
        updated_at=from_text(row["updated_at"]),
        server_version=row["server_version"],
        deleted=bool(row["deleted"]),
    )


def approval_row(a: QuoteApproval) -> dict[str, Any]:
    return {
        "id": a.id,
        "quote_id": a.quote_id,
        "at": to_text(a.at),
        "by": a.by,
        "max_discount": str(a.max_discount),
        "decision": a.decision.value if a.decision is not None else None,
        "note": a.note,
        "created_at": to_text(a.created_at),
        "updated_at": to_text(a.updated_at),
        "server_version": a.server_version,
        "deleted": a.deleted,
    }


def approval_from_row(row: Row) -> QuoteApproval:
    return QuoteApproval(
        id=row["id"],
        quote_id=row["quote_id"],
        at=from_text(row["at"]),
        by=row["by"],
        max_discount=Decimal(row["max_discount"]),
        decision=enum_member(ApprovalDecision, row["decision"]) if row["decision"] else None,
        note=row["note"],
        created_at=from_text(row["created_at"]),
        updated_at=from_text(row["updated_at"]),
        server_version=row["server_version"],
        deleted=bool(row["deleted"]),
    )


def _bulk_insert(
    session: Session, table: Table, columns: Sequence[str], rows: Sequence[Mapping[str, Any]]
) -> None:
    """One prepared INSERT run with the DB-API's executemany over plain
    tuples (column names quoted: ``by`` is an SQL word)."""
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f"INSERT INTO {table.name} ({names}) VALUES ({', '.join('?' * len(columns))})"
    session.connection().exec_driver_sql(sql, [tuple(r[c] for c in columns) for r in rows])


def _chunks(ids: Sequence[str], size: int = SQL_VARIABLES) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


# -- quotes --------------------------------------------------------------------


class QuoteRepository:
    def __init__(self, session: Session, outbox: Outbox) -> None:
        self._session = session
        self._outbox = outbox

    def _select_row(self, quote_id: str) -> Row | None:
        stmt = select(quote).where(quote.c.id == quote_id)
        return self._session.execute(stmt).mappings().first()

    def get(self, quote_id: str) -> Quote:
        """The live version *quote_id*; ``NotFound`` if there is none or it
        was deleted."""
        row = self._select_row(quote_id)
        if row is None or row["deleted"]:
            raise NotFound(what=WHAT_QUOTE, id=quote_id)
        return quote_from_row(row)

    def find(self, quote_id: str) -> Quote | None:
        """The version *quote_id*, live or deleted, or None."""
        row = self._select_row(quote_id)
        return quote_from_row(row) if row is not None else None

    def add_many(self, items: Sequence[Quote], *, record: bool = True) -> None:
        """Insert versions; ``record=False`` writes no outbox op (demo data)."""
        _bulk_insert(self._session, quote, QUOTE_COLUMNS, [quote_row(q) for q in items])
        if record:
            for q in items:
                fields = {f: getattr(q, f) for f in QUOTE_CREATE_FIELDS}
                self._outbox.record("quote", q.id, "create", None, fields)

    def add(self, q: Quote) -> None:
        self.add_many([q])

    def update(self, before: Quote, after: Quote) -> Quote:
        """Write the fields of *after* that differ from *before* (one update
        op with them and *before*'s ``server_version``), with *after*'s
        ``updated_at`` as the caller set it (an edit moves it, an approval
        does not: ``send_problems`` voids approvals older than an edit).
        *before* unchanged when nothing differs."""
        changes = {
            f: getattr(after, f)
            for f in QUOTE_UPDATE_FIELDS
            if getattr(before, f) != getattr(after, f)
        }
        if not changes:
            return before
        row = quote_row(after)
        columns = dict.fromkeys(c for f in changes for c in (f, *_DERIVED.get(f, ())))
        values = {c: row[c] for c in columns} | {"updated_at": row["updated_at"]}
        self._session.execute(update(quote).where(quote.c.id == before.id).values(**values))
        self._outbox.record("quote", before.id, "update", before.server_version, changes)
        return after

    def delete(self, q: Quote) -> None:
        """Tombstone the version (a delete op)."""
        self._session.execute(
            update(quote)
            .where(quote.c.id == q.id)
            .values(deleted=True, updated_at=to_text(utcnow()))
        )
        self._outbox.record("quote", q.id, "delete", q.server_version, {})

    def _live(self, *conditions: Any) -> list[Quote]:
        stmt = (
            select(quote)
            .where(quote.c.deleted.is_(False), *conditions)
            .order_by(quote.c.quote_date, quote.c.number, quote.c.version)
        )
        return [quote_from_row(r) for r in self._session.execute(stmt).mappings()]

    def versions(self, number: str) -> list[Quote]:
        """The live versions of the quote *number*, the first version first."""
        return self._live(quote.c.number == number)

    def latest(self, number: str) -> Quote | None:
        """The live version of *number* with the highest version, or None."""
        stmt = (
            select(quote)
            .where(quote.c.number == number, quote.c.deleted.is_(False))
            .order_by(quote.c.version.desc())
            .limit(1)
        )
        row = self._session.execute(stmt).mappings().first()
        return quote_from_row(row) if row is not None else None

    def next_version(self, number: str) -> int:
        """One more than the highest version of *number*, deleted ones
        included (a version number is never given twice)."""
        stmt = select(func.max(quote.c.version)).where(quote.c.number == number)
        return int(self._session.execute(stmt).scalar() or 0) + 1

    def number_taken(self, number: str) -> bool:
        """Whether any version (deleted included) has the number *number*."""
        stmt = select(exists().where(quote.c.number == number))
        return bool(self._session.execute(stmt).scalar())

    def of_customer(self, customer_id: str) -> list[Quote]:
        """Every live version of the customer's quotes."""
        return self._live(quote.c.customer_id == customer_id)

    def of_deal(self, deal_id: str) -> list[Quote]:
        """Every live version of the deal's quotes."""
        return self._live(quote.c.deal_id == deal_id)

    def exists_for_deal(self, deal_id: str) -> bool:
        """Whether the deal has a live quote (any version)."""
        stmt = select(exists().where(quote.c.deal_id == deal_id, quote.c.deleted.is_(False)))
        return bool(self._session.execute(stmt).scalar())

    def deals_with_quotes(self, deal_ids: Iterable[str]) -> set[str]:
        """Those of *deal_ids* that have a live quote (from ``ix_quote_deal``)."""
        ids = list(dict.fromkeys(deal_ids))
        found: set[str] = set()
        for part in _chunks(ids):
            stmt = (
                select(quote.c.deal_id)
                .distinct()
                .where(quote.c.deal_id.in_(part), quote.c.deleted.is_(False))
            )
            found.update(r[0] for r in self._session.execute(stmt))
        return found

    def list(
        self,
        *,
        customer_id: str | None = None,
        deal_id: str | None = None,
        status: Collection[QuoteStatus] | None = None,
        quote_ids: Collection[str] | None = None,
        latest_only: bool = True,
        limit: int | None = 200,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Live versions as plain rows for a list (id, number, version,
        customer and deal with their names, status, title, total in fen,
        dates, author), newest quote date first; with *latest_only* only the
        latest live version of each number."""
        later = quote.alias("later")
        stmt = (
            select(
                quote.c.id,
                quote.c.number,
                quote.c.version,
                quote.c.customer_id,
                customer.c.name.label("customer_name"),
                quote.c.deal_id,
                deal.c.name.label("deal_name"),
                quote.c.title,
                quote.c.status,
                quote.c.price_mode,
                quote.c.total_fen,
                quote.c.quote_date,
                quote.c.valid_until,
                quote.c.author,
                quote.c.sent_at,
            )
            .select_from(
                quote.join(customer, customer.c.id == quote.c.customer_id).outerjoin(
                    deal, deal.c.id == quote.c.deal_id
                )
            )
            .where(quote.c.deleted.is_(False))
        )
        if customer_id is not None:
            stmt = stmt.where(quote.c.customer_id == customer_id)
        if deal_id is not None:
            stmt = stmt.where(quote.c.deal_id == deal_id)
        if status:
            stmt = stmt.where(quote.c.status.in_([s.value for s in status]))
        if quote_ids is not None:
            stmt = stmt.where(quote.c.id.in_(list(quote_ids)))
        if latest_only:
            stmt = stmt.where(
                ~exists().where(
                    and_(
                        later.c.number == quote.c.number,
                        later.c.version > quote.c.version,
                        later.c.deleted.is_(False),
                    )
                )
            )
        stmt = stmt.order_by(
            quote.c.quote_date.desc(), quote.c.number.desc(), quote.c.version.desc()
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        if offset:
            stmt = stmt.offset(offset)
        return [dict(r) for r in self._session.execute(stmt).mappings()]


class QuoteApprovalRepository:
    """Approval requests and decisions: append-only, so only creates."""

    def __init__(self, session: Session, outbox: Outbox) -> None:
        self._session = session
        self._outbox = outbox

    def add_many(self, items: Sequence[QuoteApproval], *, record: bool = True) -> None:
        _bulk_insert(
            self._session, quote_approval, APPROVAL_COLUMNS, [approval_row(a) for a in items]
        )
        if record:
            for a in items:
                fields = {f: getattr(a, f) for f in APPROVAL_FIELDS}
                self._outbox.record("quote_approval", a.id, "create", None, fields)

    def add(self, a: QuoteApproval) -> None:
        self.add_many([a])

    def for_quote(self, quote_id: str) -> list[QuoteApproval]:
        """The version's requests and decisions, oldest first."""
        stmt = (
            select(quote_approval)
            .where(quote_approval.c.quote_id == quote_id, quote_approval.c.deleted.is_(False))
            .order_by(quote_approval.c.at, quote_approval.c.created_at)
        )
        return [approval_from_row(r) for r in self._session.execute(stmt).mappings()]


# -- local stores --------------------------------------------------------------


class CatalogueStore:
    """The desk's own catalogue as ``catalogue_to_data`` JSON (local)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self) -> dict[str, Any] | None:
        """The stored catalogue's data, or None (the shipped one is in force)."""
        stmt = select(catalogue_doc.c.data).where(catalogue_doc.c.key == CATALOGUE_KEY)
        text = self._session.execute(stmt).scalar()
        return json.loads(text) if text is not None else None

    def put(self, data: Mapping[str, Any]) -> None:
        """Store *data* (plain JSON-able values) in place of the catalogue."""
        values = {
            "key": CATALOGUE_KEY,
            "version": str(data.get("version", "")),
            "data": json.dumps(payload_value(dict(data)), ensure_ascii=False, sort_keys=True),
            "updated_at": to_text(utcnow()),
        }
        stmt = sqlite_insert(catalogue_doc).values(**values)
        stmt = stmt.on_conflict_do_update(
            index_elements=[catalogue_doc.c.key],
            set_={k: stmt.excluded[k] for k in ("version", "data", "updated_at")},
        )
        self._session.execute(stmt)

    def clear(self) -> None:
        """Forget the stored catalogue: the shipped one is in force again."""
        self._session.execute(catalogue_doc.delete().where(catalogue_doc.c.key == CATALOGUE_KEY))


_NEXT_SQL = (
    f"INSERT INTO {quote_sequence.name} (day, last) VALUES (?, 1) "
    "ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last"
)


class QuoteSequence:
    """The desk's quote numbers of a day: 1, 2, 3 ... (local)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def next(self, day: date) -> int:
        """The next number of *day*, taken in the unit of work's transaction
        (one statement: an upsert that returns the new value, so two desks
        on one file never get the same)."""
        result = self._session.connection().exec_driver_sql(_NEXT_SQL, (day.strftime("%Y%m%d"),))
        return int(result.scalar_one())
