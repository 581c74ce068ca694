"""Deals (销售机会): opportunities moving through the seven-stage funnel.

A deal is open in exactly one stage (1..7) or closed won / closed lost.  Its
stage history is a list of ``StageChange`` records (append-only, like
activities); its checklist answers are kept by checklist-item code, so they
survive a change of playbook (an answer whose item the new playbook lacks is
kept and shown as from an older playbook).  Worksheets are records of their
own (``Worksheet``), attached to the customer or the deal.

The rules (stage gates, probabilities, health flags) live in
``erpdesk.domain.gates`` and ``erpdesk.domain.forecast``; this module holds
the entities.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from erpdesk.domain.customer import LabelledEnum, Source, new_id, utcnow
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP


class DealStatus(LabelledEnum):
    """Open, or closed one way or the other."""

    OPEN = ("open", QT_TRANSLATE_NOOP("Domain", "Open"), "进行中")
    WON = ("won", QT_TRANSLATE_NOOP("Domain", "Closed won"), "赢单")
    LOST = ("lost", QT_TRANSLATE_NOOP("Domain", "Closed lost"), "丢单")


class MoveKind(LabelledEnum):
    """What a stage change was."""

    CREATED = ("created", QT_TRANSLATE_NOOP("Domain", "Created"), "创建")
    FORWARD = ("forward", QT_TRANSLATE_NOOP("Domain", "Moved forward"), "推进")
    BACK = ("back", QT_TRANSLATE_NOOP("Domain", "Moved back"), "退回")
    WON = ("won", QT_TRANSLATE_NOOP("Domain", "Closed won"), "赢单")
    LOST = ("lost", QT_TRANSLATE_NOOP("Domain", "Closed lost"), "丢单")
    REOPENED = ("reopened", QT_TRANSLATE_NOOP("Domain", "Reopened"), "重新打开")


@dataclass(frozen=True)
class TeamMember:
    """A colleague on the deal team (项目销售团队) and their role code (the
    playbook's ``team_roles``: sales, presales, implementation, manager ...)."""

    name: str
    role: str


@dataclass(frozen=True)
class ChecklistAnswer:
    """A checklist item ticked (or unticked) on a deal."""

    done: bool
    at: datetime
    by: str
    note: str = ""


@dataclass
class Deal:
    """A sales opportunity (销售机会) of a customer.

    ``amount`` is the estimated amount in CNY (Decimal, to the fen).
    ``probability`` is the stage's default unless ``probability_reason`` says
    why it was overridden.  ``stage`` stays the last open stage when the deal
    is closed (so "lost in stage 4" can be told).  ``playbook`` is the
    ``Playbook.key`` the deal is worked under.
    """

    customer_id: str
    name: str
    stage: int = 1
    status: DealStatus = DealStatus.OPEN
    amount: Decimal = Decimal("0.00")
    close_date: date | None = None
    probability: int = 10
    probability_reason: str = ""
    modules: tuple[str, ...] = ()
    owner: str = ""
    team: tuple[TeamMember, ...] = ()
    competitors: tuple[str, ...] = ()
    next_step: str = ""
    next_step_date: date | None = None
    source: Source | None = None
    lost_reason: str = ""
    winning_competitor: str = ""
    playbook: str = ""
    checklist: dict[str, ChecklistAnswer] = field(default_factory=dict)
    stage_entered_at: datetime = field(default_factory=utcnow)
    closed_at: datetime | None = None
    notes: str = ""
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    server_version: int | None = None
    deleted: bool = False

    @property
    def is_open(self) -> bool:
        return self.status is DealStatus.OPEN


@dataclass(frozen=True)
class StageChange:
    """One step of a deal's stage history (append-only).

    ``from_stage``/``to_stage`` are stage numbers (``from_stage`` is None
    for the creation); ``kind`` says whether it was a move forward or back,
    a close or a reopening.  ``overridden`` lists what the gate found
    missing and the user went past (checklist item codes and worksheet
    template codes), with ``reason`` saying why; a move back and a close
    lost always carry a reason.
    """

    deal_id: str
    kind: MoveKind
    to_stage: int
    at: datetime
    by: str
    from_stage: int | None = None
    reason: str = ""
    overridden: tuple[str, ...] = ()
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    server_version: int | None = None
    deleted: bool = False


@dataclass
class Worksheet:
    """A filled-in analysis worksheet (one of the playbook's templates),
    dated, attached to a customer and, for an opportunity worksheet, to a
    deal.  ``data`` maps field codes to values (plain JSON types: text,
    decimal strings, ISO dates, booleans, whole-number scores); a TABLE
    template's rows are ``data["rows"]``, a list of such mappings."""

    template: str
    customer_id: str
    deal_id: str | None = None
    dated: date = field(default_factory=lambda: utcnow().date())
    data: dict[str, Any] = field(default_factory=dict)
    author: str = ""
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    server_version: int | None = None
    deleted: bool = False


# Fields a user edits (and an outbox op carries); the rest are keys,
# bookkeeping, or changed only through a stage move.
DEAL_FIELDS = (
    "name", "amount", "close_date", "probability", "probability_reason", "modules",
    "owner", "team", "competitors", "next_step", "next_step_date", "source", "notes",
)
# Changed only by a stage move (gates.move_deal), never by an edit.
DEAL_STAGE_FIELDS = (
    "stage", "status", "stage_entered_at", "closed_at", "lost_reason",
    "winning_competitor", "probability", "probability_reason",
)
WORKSHEET_FIELDS = ("dated", "data")
