"""The registry's table of the desk entity types it syncs as *records*.

Customers, contacts and activities have tables of their own (they came
first and the registry's own rules read their columns).  Every type the desk
added since (deals, their stage history, worksheets, quotes, approvals,
proposals, presales requests, engagements and tasks, todos) is one ``EntityType``
here and is stored in the one table ``synced_records``: adding a type is an
entry in ``ENTITIES``, no new code path (``records`` reads this table to
check, write and serve them; presales types add their rules in ``presales``).

Each entry says which fields an op may carry (checked and made canonical
like the customers' fields: ``ops.FieldSpec``), which of them name the
parent records (columns of ``synced_records``, never merged), whether the
type is append-only (a history: never a conflict), which roles may push it,
and which fields a create must carry.  The fields and their forms are the
desk's outbox payloads (``erpdesk/storage/deal_repositories.py``,
``quote_repositories.py``, ``proposal_repository.py``; values as
``storage.mapping.payload_value`` writes them: dates as ISO text, money as
exact decimal text, lists and mappings as JSON).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from erpdesk.domain.customer import Source
from erpdesk.domain.deal import DealStatus, MoveKind
from erpdesk.domain.quote import ApprovalDecision, PriceMode, QuoteStatus
from erpdesk.registry.sync.ops import (
    BadText,
    FieldSpec,
    _enum,
    _text,
    _time,
    _uuid,
    text_problem,
)

# A JSON-valued field (a deal's team, a quote's lines ...) as stored: at most
# this many characters of compact JSON and this deep.
MAX_JSON = 256 * 1024
MAX_DEPTH = 8
MAX_DECIMAL_DIGITS = 18  # 16 digits before the point and 2 after: 10^16 yuan


def _nullable(parse: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def inner(value: Any) -> Any:
        return None if value is None else parse(value)

    return inner


def _whole_number(low: int, high: int) -> Callable[[Any], Any]:
    def parse(value: Any) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise ValueError(f"must be a whole number from {low} to {high}")
        return value

    return parse


def _decimal(value: Any) -> str:
    """Exact decimal text (money, percentages), canonical: ``Decimal``'s own
    text of the number, so that 1.50 and 1.50 compare equal (not 1.5)."""
    if not isinstance(value, str) or len(value) > 40:
        raise ValueError("must be a decimal number as text")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValueError("must be a decimal number as text") from None
    if not number.is_finite():
        raise ValueError("must be a finite decimal number")
    digits = number.as_tuple()
    exponent = digits.exponent
    assert isinstance(exponent, int)
    if len(digits.digits) > MAX_DECIMAL_DIGITS + 2 or exponent < -6 or exponent > 16:
        raise ValueError("has too many digits")
    return str(number)


def _date(value: Any) -> str:
    if not isinstance(value, str) or len(value) != 10:
        raise ValueError("must be a date as YYYY-MM-DD")
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise ValueError("must be a date as YYYY-MM-DD") from None
    if not 1900 <= parsed.year <= 2999:
        raise ValueError("must be a date between 1900 and 2999")
    return parsed.isoformat()


def _json(kind: type) -> Callable[[Any], Any]:
    """A JSON list or mapping (*kind*), every text in it storable, at most
    ``MAX_JSON`` characters and ``MAX_DEPTH`` levels."""
    what = "a list" if kind is list else "an object"

    def parse(value: Any) -> Any:
        if not isinstance(value, kind):
            raise ValueError(f"must be {what}")
        _check_json(value, 0)
        try:
            size = len(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
        except (TypeError, ValueError):
            raise ValueError("must be plain JSON") from None
        if size > MAX_JSON:
            raise ValueError(f"must have at most {MAX_JSON} characters as JSON")
        return value

    return parse


def _check_json(value: Any, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise ValueError(f"must be at most {MAX_DEPTH} levels deep")
    if isinstance(value, str):
        problem = text_problem(value)
        if problem:
            raise BadText(problem)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int):
        if not -(2**62) <= value <= 2**62:
            raise ValueError("holds a number out of range")
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("holds a number that is not finite")
    elif isinstance(value, list):
        for item in value:
            _check_json(item, depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_json(key, depth + 1)
            _check_json(item, depth + 1)
    else:
        raise ValueError("must be plain JSON")


def _code(kind: type[Enum], *, nullable: bool = False) -> FieldSpec:
    return FieldSpec(_enum(kind, nullable=nullable), None)


TEXT = FieldSpec(_text())
NAME = FieldSpec(_text(200))
LIST = FieldSpec(_json(list), [])
MAPPING = FieldSpec(_json(dict), {})
DATE = FieldSpec(_nullable(_date), None)
TIME = FieldSpec(_nullable(_time), None)
DECIMAL = FieldSpec(_decimal, "0")
LANGUAGE = FieldSpec(_text(16), "zh_CN")
ID = FieldSpec(_uuid(nullable=True), None)


@dataclass(frozen=True)
class EntityType:
    """One synced record type.

    ``parents``: the fields naming parent records, each with the entity it
    names (``customer_id`` -> customer, ``deal_id`` -> deal, ``quote_id`` ->
    quote); a parent is a column, checked when written and never merged.
    ``movable``: parents an update may change (a quote linked to a deal
    later).  ``ignored``: fields the desk sends that the registry decides
    itself (a deal's ``owner``): accepted and not stored.  ``roles``: who
    may push it."""

    name: str
    fields: Mapping[str, FieldSpec]
    required: tuple[str, ...]
    parents: Mapping[str, str]
    append_only: bool = False
    movable: frozenset[str] = frozenset()
    ignored: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset({"rep", "admin", "presales"})


DEAL = EntityType(
    "deal",
    fields={
        "name": NAME,
        "amount": DECIMAL,
        "close_date": DATE,
        "probability": FieldSpec(_whole_number(0, 100), 10),
        "probability_reason": TEXT,
        "modules": LIST,
        "team": LIST,
        "competitors": LIST,
        "next_step": TEXT,
        "next_step_date": DATE,
        "source": FieldSpec(_enum(Source, nullable=True), None),
        "notes": TEXT,
        "stage": FieldSpec(_whole_number(1, 7), 1),
        "status": FieldSpec(_enum(DealStatus, nullable=False), DealStatus.OPEN.value),
        "stage_entered_at": TIME,
        "closed_at": TIME,
        "lost_reason": TEXT,
        "winning_competitor": FieldSpec(_text(200)),
        "playbook": FieldSpec(_text(64)),
        "checklist": MAPPING,
    },
    required=("customer_id", "name"),
    parents={"customer_id": "customer"},
    ignored=frozenset({"owner"}),
)
STAGE_CHANGE = EntityType(
    "stage_change",
    fields={
        "kind": _code(MoveKind),
        "from_stage": FieldSpec(_nullable(_whole_number(1, 7)), None),
        "to_stage": FieldSpec(_whole_number(1, 7), 1),
        "at": TIME,
        "by": FieldSpec(_text(200)),
        "reason": TEXT,
        "overridden": LIST,
    },
    required=("deal_id", "kind", "to_stage", "at"),
    parents={"deal_id": "deal"},
    append_only=True,
)
WORKSHEET = EntityType(
    "worksheet",
    fields={
        "template": FieldSpec(_text(64)),
        "dated": DATE,
        "data": MAPPING,
        "author": FieldSpec(_text(200)),
    },
    required=("customer_id", "template"),
    parents={"customer_id": "customer", "deal_id": "deal"},
)
QUOTE = EntityType(
    "quote",
    fields={
        "number": FieldSpec(_text(64)),
        "version": FieldSpec(_whole_number(1, 10_000), 1),
        "currency": FieldSpec(_text(8), "CNY"),
        "author": FieldSpec(_text(200)),
        "title": FieldSpec(_text(400)),
        "price_mode": FieldSpec(_enum(PriceMode, nullable=False), PriceMode.INCLUSIVE.value),
        "quote_date": DATE,
        "valid_until": DATE,
        "lines": LIST,
        "milestones": LIST,
        "delivery_terms": TEXT,
        "notes": TEXT,
        "language": LANGUAGE,
        "status": FieldSpec(_enum(QuoteStatus, nullable=False), QuoteStatus.DRAFT.value),
        "sent_at": TIME,
        "discount_limit": FieldSpec(_decimal, "10"),
    },
    required=("customer_id", "number"),
    parents={"customer_id": "customer", "deal_id": "deal"},
    movable=frozenset({"deal_id"}),
)
QUOTE_APPROVAL = EntityType(
    "quote_approval",
    fields={
        "at": TIME,
        "by": FieldSpec(_text(200)),
        "max_discount": DECIMAL,
        "decision": _code(ApprovalDecision, nullable=True),
        "note": TEXT,
    },
    required=("quote_id", "at"),
    parents={"quote_id": "quote"},
    append_only=True,
    roles=frozenset({"rep", "admin", "presales", "manager"}),
)
PROPOSAL = EntityType(
    "proposal",
    fields={
        "title": FieldSpec(_text(400)),
        "language": LANGUAGE,
        "dated": DATE,
        "author": FieldSpec(_text(200)),
        "sections": MAPPING,
        "benefit": MAPPING,
        # The quote whose summary it prints (None: the deal's latest): a
        # reference the desk resolves, not a parent (it may name a quote
        # the registry has not seen yet).
        "quote_id": ID,
    },
    required=("customer_id",),
    parents={"customer_id": "customer", "deal_id": "deal"},
)

# -- presales (docs/presales.md): a rep's support request, the engagement a
# consultant runs for it and the engagement's demos and surveys.  Who may push
# and see them follows the request (``presales``); the codes are the contract's.

REQUEST_KINDS = (
    "demo", "requirements_survey", "solution_writing", "briefing_defence", "tender_support",
    "proof_of_concept",
)
REQUEST_STATES = (
    "draft", "submitted", "accepted", "declined", "assigned", "in_progress", "done", "cancelled",
)
TECHNICAL_WINS = ("open", "won", "lost")
TASK_KINDS = ("demo", "survey")
TASK_STATES = ("planned", "done", "cancelled")


def _one_of(codes: tuple[str, ...]) -> Callable[[Any], Any]:
    def parse(value: Any) -> str:
        if not isinstance(value, str) or value not in codes:
            raise ValueError(f"must be one of: {', '.join(sorted(codes))}")
        return value

    return parse


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


USER_NAME = FieldSpec(_text(64))

SUPPORT_REQUEST = EntityType(
    "support_request",
    fields={
        "kind": FieldSpec(_one_of(REQUEST_KINDS), None),
        "wanted_from": DATE,
        "wanted_until": DATE,
        "modules": LIST,
        "attendees": LIST,
        "customer_cares": TEXT,
        "notes": TEXT,
        "state": FieldSpec(_one_of(REQUEST_STATES), "draft"),
        "decline_reason": TEXT,
        "consultant": USER_NAME,
        # Set by the registry from the pushing rep (a desk's value is ignored).
        "requested_by": USER_NAME,
        "team": USER_NAME,
        "submitted_at": TIME,
        "decided_at": TIME,
    },
    required=("customer_id", "kind"),
    parents={"customer_id": "customer", "deal_id": "deal"},
    roles=frozenset({"rep", "admin", "presales"}),
)
PRESALES_ENGAGEMENT = EntityType(
    "presales_engagement",
    fields={
        "consultant": USER_NAME,
        "step": FieldSpec(_whole_number(1, 8), 1),
        "checklist": MAPPING,
        "history": LIST,
        "technical_win": FieldSpec(_one_of(TECHNICAL_WINS), "open"),
        "opened_at": TIME,
        "closed_at": TIME,
        "notes": TEXT,
    },
    required=("request_id",),
    parents={"request_id": "support_request", "customer_id": "customer", "deal_id": "deal"},
    roles=frozenset({"admin", "presales"}),
)
PRESALES_TASK = EntityType(
    "presales_task",
    fields={
        "kind": FieldSpec(_one_of(TASK_KINDS), None),
        "title": FieldSpec(_text(400)),
        "starts_at": TIME,
        "ends_at": TIME,
        "place": FieldSpec(_text(400)),
        "online": FieldSpec(_boolean, False),
        "our_attendees": LIST,
        "customer_attendees": LIST,
        "state": FieldSpec(_one_of(TASK_STATES), "planned"),
        "outcome": TEXT,
        "follow_ups": LIST,
        # A demo's
        "modules": LIST,
        "scenarios": LIST,
        "environment": TEXT,
        "data_prep": TEXT,
        "feedback": MAPPING,
        # A survey's
        "departments": LIST,
        "interviews": LIST,
        "answers": MAPPING,
        "findings": LIST,
    },
    required=("engagement_id", "kind"),
    parents={
        "engagement_id": "presales_engagement", "customer_id": "customer", "deal_id": "deal",
    },
    roles=frozenset({"admin", "presales"}),
)
PRESALES_TYPES = frozenset({SUPPORT_REQUEST.name, PRESALES_ENGAGEMENT.name, PRESALES_TASK.name})

# -- todos (docs/todos.md): a rep's next steps and tasks, on a customer (and
# maybe its deal), seen by whoever sees the customer, like a proposal.  The
# activity of a next step is a reference the desk resolves, not a parent
# (activities have a table of their own).  Desk-local ``reminded_at`` never
# travels.

TODO_KINDS = ("next_step", "task")


def _title(value: Any) -> str:
    """A todo's title: text of 1 to 200 characters, not only spaces."""
    title = _text(200)(value)
    if not str(title).strip():
        raise ValueError("must not be empty")
    return str(title)


TODO = EntityType(
    "todo",
    fields={
        "kind": FieldSpec(_one_of(TODO_KINDS), "task"),
        "title": FieldSpec(_title, ""),
        "due_at": FieldSpec(_time, None, dated=True),
        "notes": TEXT,
        "done_at": TIME,
        "activity_id": ID,
    },
    required=("customer_id", "kind", "title", "due_at"),
    parents={"customer_id": "customer", "deal_id": "deal"},
)

ENTITIES: dict[str, EntityType] = {
    t.name: t
    for t in (
        DEAL, STAGE_CHANGE, WORKSHEET, QUOTE, QUOTE_APPROVAL, PROPOSAL, SUPPORT_REQUEST,
        PRESALES_ENGAGEMENT, PRESALES_TASK, TODO,
    )
}
