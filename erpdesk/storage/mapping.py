"""Translation between table rows and domain objects, shared by the
SQLAlchemy write side and the sqlite3 read side (both give mappings)."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum
from operator import attrgetter
from typing import Any, Protocol, TypeVar

from erpdesk.domain.customer import (
    Activity,
    ActivityKind,
    Contact,
    ContactLevel,
    Customer,
    CustomerStatus,
    Industry,
    Registration,
    SizeBand,
    Source,
    enum_member,
)


def to_text(moment: datetime) -> str:
    """UTC ISO-8601 text, as stored."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_text(text: str) -> datetime:
    return datetime.fromisoformat(text)


_E = TypeVar("_E", bound=Enum)


class Row(Protocol):
    """A row read by column name: a dict, a ``sqlite3.Row`` or SQLAlchemy's
    ``RowMapping`` (whose keys may also be columns, so not a ``Mapping[str, …]``)."""

    def __getitem__(self, key: str, /) -> Any: ...


def _opt(enum: type[_E], value: str | None) -> _E | None:
    return enum_member(enum, value) if value else None


def customer_from_row(row: Row) -> Customer:
    return Customer(
        id=row["id"],
        name=row["name"],
        short_name=row["short_name"],
        uscc=row["uscc"],
        industry=_opt(Industry, row["industry"]),
        province=row["province"],
        city=row["city"],
        address=row["address"],
        size_band=_opt(SizeBand, row["size_band"]),
        source=enum_member(Source, row["source"]),
        source_detail=row["source_detail"],
        phone=row["phone"],
        website=row["website"],
        need=row["need"],
        notes=row["notes"],
        owner=row["owner"],
        status=enum_member(CustomerStatus, row["status"]),
        registration=enum_member(Registration, row["registration"]),
        created_at=from_text(row["created_at"]),
        updated_at=from_text(row["updated_at"]),
        server_version=row["server_version"],
        deleted=bool(row["deleted"]),
    )


def contact_from_row(row: Row) -> Contact:
    return Contact(
        id=row["id"],
        customer_id=row["customer_id"],
        name=row["name"],
        title=row["title"],
        department=row["department"],
        level=_opt(ContactLevel, row["level"]),
        mobile=row["mobile"],
        office_phone=row["office_phone"],
        email=row["email"],
        wechat=row["wechat"],
        created_at=from_text(row["created_at"]),
        updated_at=from_text(row["updated_at"]),
        server_version=row["server_version"],
        deleted=bool(row["deleted"]),
    )


def activity_from_row(row: Row) -> Activity:
    return Activity(
        id=row["id"],
        customer_id=row["customer_id"],
        kind=enum_member(ActivityKind, row["kind"]),
        occurred_at=from_text(row["occurred_at"]),
        contact_id=row["contact_id"],
        summary=row["summary"],
        outcome=row["outcome"],
        next_step=row["next_step"],
        created_at=from_text(row["created_at"]),
        updated_at=from_text(row["updated_at"]),
        server_version=row["server_version"],
        deleted=bool(row["deleted"]),
    )


_PLAIN = (str, int, bool, float)


def column_value(value: Any) -> Any:
    """A domain field value as stored in a column."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return to_text(value)
    return value


def row_tuple(entity: Any, columns: tuple[str, ...]) -> tuple[Any, ...]:
    """The column values of *entity* in the order of *columns* (bulk inserts)."""
    values = attrgetter(*columns)(entity)
    return tuple(
        v if v is None or v.__class__ in _PLAIN else column_value(v) for v in values
    )


def row_values(entity: Any, columns: tuple[str, ...]) -> dict[str, Any]:
    return {name: column_value(getattr(entity, name)) for name in columns}

