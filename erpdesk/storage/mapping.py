"""Translation between table rows and domain objects, shared by the
SQLAlchemy write side and the sqlite3 read side (both give mappings)."""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
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
from erpdesk.domain.deal import (
    ChecklistAnswer,
    Deal,
    DealStatus,
    MoveKind,
    StageChange,
    TeamMember,
    Worksheet,
)


def to_text(moment: datetime) -> str:
    """UTC ISO-8601 text, as stored."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_text(text: str) -> datetime:
    return datetime.fromisoformat(text)


def local_day(moment: datetime | None) -> str | None:
    """The ISO date *moment* falls on in the machine's time zone (what
    SQLite's ``date(text, 'localtime')`` gives for its stored text)."""
    return moment.astimezone().date().isoformat() if moment is not None else None


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
    return tuple(v if v is None or v.__class__ in _PLAIN else column_value(v) for v in values)


def row_values(entity: Any, columns: tuple[str, ...]) -> dict[str, Any]:
    return {name: column_value(getattr(entity, name)) for name in columns}


# -- deals, stage changes, worksheets -----------------------------------------
#
# Money is stored as integer fen (SQLite sums integers exactly); lists and
# mappings as JSON text; dates as ISO text.  Column names differ from the
# entities' attributes where a type changes (``amount_fen``) or a name is
# an SQL word (``changed_at``/``changed_by`` for a stage change's at/by).

FEN = Decimal("0.01")


def to_fen(amount: Decimal) -> int:
    """*amount* (CNY) in whole fen, rounded half-up (validation has already
    rounded it to the fen, so this is exact for every validated amount)."""
    return int(amount.quantize(FEN, rounding=ROUND_HALF_UP).scaleb(2))


def from_fen(fen: int) -> Decimal:
    """Whole fen as a CNY amount with two decimals (``12345`` -> ``123.45``)."""
    return Decimal(fen).scaleb(-2).quantize(FEN)


def payload_value(value: Any) -> Any:
    """A domain value as plain JSON (outbox payloads and JSON columns):
    enums as codes, times as UTC text, dates as ISO text, Decimal as exact
    decimal text, tuples as lists, small dataclasses as mappings."""
    if value is None or value.__class__ in _PLAIN:
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return to_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [payload_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): payload_value(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        # field by field, as asdict would but without its deep copies
        return {f.name: payload_value(getattr(value, f.name)) for f in fields(value)}
    return value


def to_json(value: Any) -> str:
    return json.dumps(payload_value(value), ensure_ascii=False, sort_keys=True)


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _date_text(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def team_from_json(text: str) -> tuple[TeamMember, ...]:
    return tuple(TeamMember(name=m["name"], role=m["role"]) for m in json.loads(text))


def checklist_from_json(text: str) -> dict[str, ChecklistAnswer]:
    return {
        code: ChecklistAnswer(
            done=bool(a["done"]), at=from_text(a["at"]), by=a["by"], note=a.get("note", "")
        )
        for code, a in json.loads(text).items()
    }


# The deal's columns in table order; ``deal_row`` gives them as a mapping.
DEAL_COLUMNS = (
    "id",
    "customer_id",
    "name",
    "stage",
    "status",
    "amount_fen",
    "close_date",
    "probability",
    "probability_reason",
    "modules",
    "owner",
    "team",
    "competitors",
    "next_step",
    "next_step_date",
    "source",
    "lost_reason",
    "winning_competitor",
    "playbook",
    "checklist",
    "stage_entered_at",
    "closed_at",
    "closed_on",
    "notes",
    "created_at",
    "updated_at",
    "server_version",
    "deleted",
)


def deal_row(d: Deal) -> dict[str, Any]:
    """The deal's column values (``DEAL_COLUMNS``)."""
    return {
        "id": d.id,
        "customer_id": d.customer_id,
        "name": d.name,
        "stage": d.stage,
        "status": d.status.value,
        "amount_fen": to_fen(d.amount),
        "close_date": _date_text(d.close_date),
        "probability": d.probability,
        "probability_reason": d.probability_reason,
        "modules": to_json(d.modules),
        "owner": d.owner,
        "team": to_json(d.team),
        "competitors": to_json(d.competitors),
        "next_step": d.next_step,
        "next_step_date": _date_text(d.next_step_date),
        "source": d.source.value if d.source is not None else None,
        "lost_reason": d.lost_reason,
        "winning_competitor": d.winning_competitor,
        "playbook": d.playbook,
        "checklist": to_json(d.checklist),
        "stage_entered_at": to_text(d.stage_entered_at),
        "closed_at": to_text(d.closed_at) if d.closed_at is not None else None,
        "closed_on": local_day(d.closed_at),
        "notes": d.notes,
        "created_at": to_text(d.created_at),
        "updated_at": to_text(d.updated_at),
        "server_version": d.server_version,
        "deleted": d.deleted,
    }


# Deal attribute -> the columns it is stored in (all but ``amount`` by name).
DEAL_ATTRIBUTE_COLUMNS = {"amount": "amount_fen"}


def deal_from_row(row: Row) -> Deal:
    return Deal(
        id=row["id"],
        customer_id=row["customer_id"],
        name=row["name"],
        stage=row["stage"],
        status=enum_member(DealStatus, row["status"]),
        amount=from_fen(row["amount_fen"]),
        close_date=_date(row["close_date"]),
        probability=row["probability"],
        probability_reason=row["probability_reason"],
        modules=tuple(json.loads(row["modules"])),
        owner=row["owner"],
        team=team_from_json(row["team"]),
        competitors=tuple(json.loads(row["competitors"])),
        next_step=row["next_step"],
        next_step_date=_date(row["next_step_date"]),
        source=_opt(Source, row["source"]),
        lost_reason=row["lost_reason"],
        winning_competitor=row["winning_competitor"],
        playbook=row["playbook"],
        checklist=checklist_from_json(row["checklist"]),
        stage_entered_at=from_text(row["stage_entered_at"]),
        closed_at=from_text(row["closed_at"]) if row["closed_at"] else None,
        notes=row["notes"],
        created_at=from_text(row["created_at"]),
        updated_at=from_text(row["updated_at"]),
        server_version=row["server_version"],
        deleted=bool(row["deleted"]),
    )


STAGE_CHANGE_COLUMNS = (
    "id",
    "deal_id",
    "kind",
    "from_stage",
    "to_stage",
    "changed_at",
    "changed_by",
    "reason",
    "overridden",
    "created_at",
    "updated_at",
    "server_version",
    "deleted",
)


def stage_change_row(c: StageChange) -> dict[str, Any]:
    return {
        "id": c.id,
        "deal_id": c.deal_id,
        "kind": c.kind.value,
        "from_stage": c.from_stage,
        "to_stage": c.to_stage,
        "changed_at": to_text(c.at),
        "changed_by": c.by,
        "reason": c.reason,
        "overridden": to_json(c.overridden),
        "created_at": to_text(c.created_at),
        "updated_at": to_text(c.updated_at),
        "server_version": c.server_version,
        "deleted": c.deleted,
    }


def stage_change_from_row(row: Row) -> StageChange:
    return StageChange(
        id=row["id"],
        deal_id=row["deal_id"],
        kind=enum_member(MoveKind, row["kind"]),
        from_stage=row["from_stage"],
        to_stage=row["to_stage"],
        at=from_text(row["changed_at"]),
        by=row["changed_by"],
        reason=row["reason"],
        overridden=tuple(json.loads(row["overridden"])),
        created_at=from_text(row["created_at"]),
        updated_at=from_text(row["updated_at"]),
        server_version=row["server_version"],
        deleted=bool(row["deleted"]),
    )


WORKSHEET_COLUMNS = (
    "id",
    "template",
    "customer_id",
    "deal_id",
    "dated",
    "data",
    "author",
    "score_percent",
    "low_verdict",
    "created_at",
    "updated_at",
    "server_version",
    "deleted",
)


def worksheet_row(
    w: Worksheet, score_percent: int | None = None, low_verdict: bool = False
) -> dict[str, Any]:
    """The worksheet's column values, with its derived score columns."""
    return {
        "id": w.id,
        "template": w.template,
        "customer_id": w.customer_id or None,  # none for a team worksheet
        "deal_id": w.deal_id or None,
        "dated": w.dated.isoformat(),
        "data": to_json(w.data),
        "author": w.author,
        "score_percent": score_percent,
        "low_verdict": low_verdict,
        "created_at": to_text(w.created_at),
        "updated_at": to_text(w.updated_at),
        "server_version": w.server_version,
        "deleted": w.deleted,
    }


def worksheet_from_row(row: Row) -> Worksheet:
    return Worksheet(
        id=row["id"],
        template=row["template"],
        customer_id=row["customer_id"] or "",
        deal_id=row["deal_id"],
        dated=date.fromisoformat(row["dated"]),
        data=json.loads(row["data"]),
        author=row["author"],
        created_at=from_text(row["created_at"]),
        updated_at=from_text(row["updated_at"]),
        server_version=row["server_version"],
        deleted=bool(row["deleted"]),
    )
