"""Presales (售前): support requests, engagements and their tasks.

A rep asks the presales team for help with a deal (or a customer without
one): a ``SupportRequest`` (项目资源支持申请).  The team's presales lead
accepts it (or declines it with a reason) and assigns a consultant; the
work is an ``Engagement`` that moves through the playbook's eight presales
steps, with ``PresalesTask``s of two kinds: demos (DEMO演示) and
requirements surveys (需求调研).

This module holds the records; the rules (the request's moves, the steps'
gates, what a task may hold, findings becoming needs) are in
``erpdesk.domain.presales_rules``.  Module codes are the playbook's
``modules`` codes; user names are registry user names; times carry their
offset.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from erpdesk.domain.customer import LabelledEnum, new_id, utcnow
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP


class RequestKind(LabelledEnum):
    """What a rep asks the presales team for."""

    DEMO = ("demo", QT_TRANSLATE_NOOP("Domain", "Demo"), "DEMO演示")
    REQUIREMENTS_SURVEY = (
        "requirements_survey",
        QT_TRANSLATE_NOOP("Domain", "Requirements survey"),
        "需求调研",
    )
    SOLUTION_WRITING = (
        "solution_writing",
        QT_TRANSLATE_NOOP("Domain", "Solution writing"),
        "方案编写",
    )
    BRIEFING_DEFENCE = (
        "briefing_defence",
        QT_TRANSLATE_NOOP("Domain", "Briefing and defence"),
        "简报答辩",
    )
    TENDER_SUPPORT = ("tender_support", QT_TRANSLATE_NOOP("Domain", "Tender support"), "投标支持")
    PROOF_OF_CONCEPT = (
        "proof_of_concept",
        QT_TRANSLATE_NOOP("Domain", "Proof of concept"),
        "概念验证",
    )


class RequestState(LabelledEnum):
    """Where a support request is; the moves between them are in
    ``presales_rules.REQUEST_MOVES``."""

    DRAFT = ("draft", QT_TRANSLATE_NOOP("Domain", "Draft"), "草稿")
    SUBMITTED = ("submitted", QT_TRANSLATE_NOOP("Domain", "Submitted"), "已提交")
    ACCEPTED = ("accepted", QT_TRANSLATE_NOOP("Domain", "Accepted"), "已受理")
    DECLINED = ("declined", QT_TRANSLATE_NOOP("Domain", "Declined"), "已拒绝")
    ASSIGNED = ("assigned", QT_TRANSLATE_NOOP("Domain", "Assigned"), "已分派")
    IN_PROGRESS = ("in_progress", QT_TRANSLATE_NOOP("Domain", "In progress"), "进行中")
    DONE = ("done", QT_TRANSLATE_NOOP("Domain", "Done"), "已完成")
    CANCELLED = ("cancelled", QT_TRANSLATE_NOOP("Domain", "Cancelled"), "已取消")


class TechnicalWin(LabelledEnum):
    """Did our solution win the customer's technical evaluation (技术选型)?"""

    OPEN = ("open", QT_TRANSLATE_NOOP("Domain", "Open"), "未定")
    WON = ("won", QT_TRANSLATE_NOOP("Domain", "Technical win"), "技术赢单")
    LOST = ("lost", QT_TRANSLATE_NOOP("Domain", "Technical loss"), "技术丢单")


class TaskKind(LabelledEnum):
    DEMO = ("demo", QT_TRANSLATE_NOOP("Domain", "Demo"), "DEMO演示")
    SURVEY = ("survey", QT_TRANSLATE_NOOP("Domain", "Requirements survey"), "需求调研")


class TaskState(LabelledEnum):
    PLANNED = ("planned", QT_TRANSLATE_NOOP("Domain", "Planned"), "计划中")
    DONE = ("done", QT_TRANSLATE_NOOP("Domain", "Done"), "已完成")
    CANCELLED = ("cancelled", QT_TRANSLATE_NOOP("Domain", "Cancelled"), "已取消")


class GapLevel(LabelledEnum):
    """How far a survey finding is from what the product does."""

    NONE = ("none", QT_TRANSLATE_NOOP("Domain", "No gap"), "无差异")
    DEAL_BREAKER = ("deal_breaker", QT_TRANSLATE_NOOP("Domain", "Deal breaker"), "致命差异")
    CHALLENGE = ("challenge", QT_TRANSLATE_NOOP("Domain", "Challenge"), "有挑战")
    NICE_TO_HAVE = ("nice_to_have", QT_TRANSLATE_NOOP("Domain", "Nice to have"), "锦上添花")


# A finding's priority: the codes of the needs worksheet's priority column.
PRIORITIES = ("high", "medium", "low")


@dataclass(frozen=True)
class Attendee:
    """One of the customer's people at a demo, a survey or a briefing."""

    name: str
    title: str = ""


@dataclass(frozen=True)
class SupportRequest:
    """A rep's request for presales help (项目资源支持申请).

    ``deal_id`` is ``""`` for a customer without a deal.  ``decline_reason``
    is set when declined, ``consultant`` from ``assigned`` on;
    ``submitted_at`` and ``decided_at`` (accepted or declined) are set by
    the moves, never by an edit."""

    customer_id: str
    kind: RequestKind
    requested_by: str
    team: str = ""
    deal_id: str = ""
    wanted_from: date | None = None
    wanted_until: date | None = None
    modules: tuple[str, ...] = ()
    attendees: tuple[Attendee, ...] = ()
    customer_cares: str = ""
    notes: str = ""
    state: RequestState = RequestState.DRAFT
    decline_reason: str = ""
    consultant: str = ""
    submitted_at: datetime | None = None
    decided_at: datetime | None = None
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    server_version: int | None = None
    deleted: bool = False


@dataclass(frozen=True)
class StepEntry:
    """One entry of an engagement's step history (append-only): the step
    entered, when and by whom; ``reason`` for a move back or an override;
    ``overridden`` the activity codes left unticked and gone past."""

    step: int
    entered_at: datetime
    by: str
    reason: str = ""
    overridden: tuple[str, ...] = ()


@dataclass(frozen=True)
class Engagement:
    """The presales work on an assigned request, in one of the playbook's
    eight presales steps (1..8).  ``checklist`` maps a step code to the
    activity codes ticked in it; ``closed_at`` is set when the engagement
    is closed (in the last step, with the technical win decided)."""

    request_id: str
    customer_id: str
    consultant: str
    deal_id: str = ""
    step: int = 1
    checklist: dict[str, tuple[str, ...]] = field(default_factory=dict)
    history: tuple[StepEntry, ...] = ()
    technical_win: TechnicalWin = TechnicalWin.OPEN
    opened_at: datetime = field(default_factory=utcnow)
    closed_at: datetime | None = None
    notes: str = ""
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    server_version: int | None = None
    deleted: bool = False

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def ticked(self, step_code: str) -> tuple[str, ...]:
        return self.checklist.get(step_code, ())


@dataclass(frozen=True)
class FollowUp:
    """Something promised at a task, and whether it is done."""

    text: str
    due: date | None = None
    done: bool = False


@dataclass(frozen=True)
class DemoScenario:
    """One scenario of a demo; ``script`` names a knowledge-base demo script."""

    code: str
    title: str
    module: str = ""
    script: str = ""


@dataclass(frozen=True)
class ScenarioFeedback:
    """The customer's verdict on one demo scenario: a score from 1 to 5."""

    score: int
    comment: str = ""


@dataclass(frozen=True)
class Interview:
    """A survey interview with a department's people on a day."""

    department: str
    people: tuple[str, ...] = ()
    on: date | None = None


@dataclass(frozen=True)
class Finding:
    """What a survey found in a module: ``priority`` is one of ``PRIORITIES``
    (or ""), ``gap`` how far the product is from it, ``need_id`` the id of
    the row of the deal's needs worksheet it became (that row names this
    finding back in ``finding_id``)."""

    module: str
    text: str
    priority: str = ""
    gap: GapLevel = GapLevel.NONE
    need_id: str = ""
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class PresalesTask:
    """A demo or a requirements survey of an engagement.

    The common fields come first, then those of a demo (``modules`` ...
    ``feedback``: scenario code -> feedback), then those of a survey
    (``departments`` ... ``findings``; ``answers``: module -> question code
    -> answer).  A task holds only its own kind's fields
    (``presales_rules.task_problems`` refuses the other kind's)."""

    engagement_id: str
    customer_id: str
    kind: TaskKind
    title: str
    starts_at: datetime
    ends_at: datetime
    deal_id: str = ""
    place: str = ""
    online: bool = False
    our_attendees: tuple[str, ...] = ()
    customer_attendees: tuple[Attendee, ...] = ()
    state: TaskState = TaskState.PLANNED
    outcome: str = ""
    follow_ups: tuple[FollowUp, ...] = ()
    # demo
    modules: tuple[str, ...] = ()
    scenarios: tuple[DemoScenario, ...] = ()
    environment: str = ""
    data_prep: str = ""
    feedback: dict[str, ScenarioFeedback] = field(default_factory=dict)
    # survey
    departments: tuple[str, ...] = ()
    interviews: tuple[Interview, ...] = ()
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    server_version: int | None = None
    deleted: bool = False

    def finding(self, finding_id: str) -> Finding | None:
        return next((f for f in self.findings if f.id == finding_id), None)


# fmt: off
# Fields a user edits (and an outbox op carries); the rest are keys,
# bookkeeping, or changed only through a move.
SUPPORT_REQUEST_FIELDS = (
    "kind", "deal_id", "wanted_from", "wanted_until", "modules", "attendees",
    "customer_cares", "notes",
)
# Changed only by a move (presales_rules.move_request), never by an edit.
SUPPORT_REQUEST_STATE_FIELDS = (
    "state", "decline_reason", "consultant", "submitted_at", "decided_at",
)
ENGAGEMENT_FIELDS = ("notes",)
# Changed only by the step rules (presales_rules.move_engagement, tick_activity,
# set_technical_win, close_engagement) or a re-assignment.
ENGAGEMENT_STEP_FIELDS = (
    "step", "checklist", "history", "technical_win", "closed_at", "consultant",
)
TASK_COMMON_FIELDS = (
    "title", "starts_at", "ends_at", "place", "online", "our_attendees",
    "customer_attendees", "state", "outcome", "follow_ups",
)
DEMO_FIELDS = ("modules", "scenarios", "environment", "data_prep", "feedback")
SURVEY_FIELDS = ("departments", "interviews", "answers", "findings")
PRESALES_TASK_FIELDS = (*TASK_COMMON_FIELDS, *DEMO_FIELDS, *SURVEY_FIELDS)
# fmt: on
