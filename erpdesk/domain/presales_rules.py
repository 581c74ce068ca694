"""Presales rules: how a support request moves, how an engagement steps
through the playbook's eight presales steps, what a task may hold, and how
a survey finding becomes a row of the deal's needs worksheet.

Every way of changing these records (the desk's workbench, the registry
checking a push) goes through these functions, so both obey one set of
rules:

- A request moves only as ``REQUEST_MOVES`` says, and only by the person the
  move belongs to (the requesting rep, the team's presales lead, the
  assigned consultant); a decline needs a reason, an assignment a consultant
  whose registry role is ``presales``.
- An engagement's steps follow the funnel's gates: forward (also past
  several steps) with unticked required activities needs the override
  confirmed and a reason, both recorded in the step history; back needs a
  reason.  It is closed in the last step once the technical win is decided.
- A new task may not start in the past nor end before it starts; a finding
  needs a module; demo scores are 1..5.  A demo overlapping another demo
  of the same people is a warning (``overlapping_demos``), not a refusal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum
from typing import Any

from erpdesk.domain.customer import LabelledEnum, new_id
from erpdesk.domain.deal import Worksheet
from erpdesk.domain.deal_rules import reason_problems
from erpdesk.domain.errors import Problem, ValidationError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.playbook import ChecklistItem, Playbook, PresalesStep
from erpdesk.domain.presales import (
    DEMO_FIELDS,
    PRIORITIES,
    SURVEY_FIELDS,
    Engagement,
    Finding,
    GapLevel,
    PresalesTask,
    RequestState,
    StepEntry,
    SupportRequest,
    TaskKind,
    TaskState,
    TechnicalWin,
)

# The registry role of a presales consultant (and of a team's presales lead).
PRESALES_ROLE = "presales"
# The needs worksheet a finding becomes a row of, and the keys its row gets
# beside the template's columns (kept untouched by the worksheet engine).
NEEDS_TEMPLATE = "needs_analysis"
ROW_ID = "id"
ROW_FINDING = "finding_id"
MIN_SCORE, MAX_SCORE = 1, 5


class Actor(Enum):
    """Who a request's move belongs to."""

    REP = "rep"  # the rep who asked (requested_by)
    LEAD = "lead"  # the team's presales lead
    CONSULTANT = "consultant"  # the assigned consultant


S = RequestState
# (from, to) -> who may make the move; any other move is refused.
REQUEST_MOVES: dict[tuple[RequestState, RequestState], Actor] = {
    (S.DRAFT, S.SUBMITTED): Actor.REP,
    (S.DRAFT, S.CANCELLED): Actor.REP,
    (S.SUBMITTED, S.ACCEPTED): Actor.LEAD,
    (S.SUBMITTED, S.DECLINED): Actor.LEAD,
    (S.SUBMITTED, S.CANCELLED): Actor.REP,
    (S.ACCEPTED, S.ASSIGNED): Actor.LEAD,
    (S.ACCEPTED, S.CANCELLED): Actor.LEAD,
    (S.ASSIGNED, S.ASSIGNED): Actor.LEAD,  # another consultant
    (S.ASSIGNED, S.IN_PROGRESS): Actor.CONSULTANT,
    (S.ASSIGNED, S.CANCELLED): Actor.LEAD,
    (S.IN_PROGRESS, S.DONE): Actor.CONSULTANT,
    (S.IN_PROGRESS, S.CANCELLED): Actor.LEAD,
}
del S


class PresalesRefused(ValidationError):
    """A move or a record the presales rules refuse; ``problems`` say why."""

    text = QT_TRANSLATE_NOOP("Domain", "The presales rules refuse this")


# --- texts ---------------------------------------------------------------------

_DELETED = QT_TRANSLATE_NOOP("Domain", "The record has been deleted")
_NO_SUCH_MOVE = QT_TRANSLATE_NOOP(
    "Domain", "A support request cannot go from {from_state} to {to_state}"
)
_ONLY_REP = QT_TRANSLATE_NOOP(
    "Domain",
    "Only the rep who asked for the support ({rep}) may move the request "
    "from {from_state} to {to_state}",
)
_ONLY_LEAD = QT_TRANSLATE_NOOP(
    "Domain",
    "Only the team's presales lead may move the request from {from_state} to {to_state}",
)
_ONLY_CONSULTANT = QT_TRANSLATE_NOOP(
    "Domain",
    "Only the assigned consultant ({consultant}) may move the request "
    "from {from_state} to {to_state}",
)
_DECLINE_REASON = QT_TRANSLATE_NOOP("Domain", "Declining a support request needs a reason")
_NO_CONSULTANT = QT_TRANSLATE_NOOP("Domain", "An assignment needs the consultant's name")
_NOT_CONSULTANT = QT_TRANSLATE_NOOP("Domain", "{name} is not a presales consultant")
_SAME_CONSULTANT = QT_TRANSLATE_NOOP("Domain", "The request is already assigned to {consultant}")
_NO_CUSTOMER = QT_TRANSLATE_NOOP("Domain", "A support request needs a customer")
_WANTED_ORDER = QT_TRANSLATE_NOOP(
    "Domain", "The wanted dates end ({until}) before they start ({start})"
)
_UNKNOWN_MODULE = QT_TRANSLATE_NOOP(
    "Domain", '"{module}" is not a module of the playbook; use one of: {allowed}'
)
_NOT_ASSIGNED = QT_TRANSLATE_NOOP(
    "Domain", "An engagement is opened for an assigned request, not a {state} one"
)
_ENGAGEMENT_CLOSED = QT_TRANSLATE_NOOP("Domain", "The engagement is already closed")
_NO_STEPS = QT_TRANSLATE_NOOP("Domain", "The playbook has no presales steps")
_UNKNOWN_STEP = QT_TRANSLATE_NOOP(
    "Domain", '"{value}" is not a presales step; use 1 to {count} or a step\'s code'
)
_SAME_STEP = QT_TRANSLATE_NOOP("Domain", "The engagement is already in step {step}")
_REASON_BACK = QT_TRANSLATE_NOOP(
    "Domain", "Moving an engagement back from step {from_step} to {to_step} needs a reason"
)
_REASON_OVERRIDE = QT_TRANSLATE_NOOP(
    "Domain", "Going past unticked activities needs a reason for the override"
)
_MISSING_ACTIVITIES = QT_TRANSLATE_NOOP(
    "Domain",
    "{count} required activities are not done: {items}. Confirm the override "
    "and give a reason to move on anyway",
)
_UNKNOWN_ACTIVITY = QT_TRANSLATE_NOOP("Domain", "{code} is not an activity of the presales steps")
_NOT_LAST_STEP = QT_TRANSLATE_NOOP(
    "Domain", "An engagement is closed in its last step ({step}), not in step {current}"
)
_WIN_UNDECIDED = QT_TRANSLATE_NOOP(
    "Domain", "Closing an engagement needs the technical win decided: won or lost"
)
_NO_TITLE = QT_TRANSLATE_NOOP("Domain", "A task needs a title")
_NO_OFFSET = QT_TRANSLATE_NOOP("Domain", "The time {field} needs its time zone offset")
_IN_THE_PAST = QT_TRANSLATE_NOOP("Domain", "A new task cannot start in the past ({starts_at})")
_ENDS_BEFORE = QT_TRANSLATE_NOOP(
    "Domain", "The task ends ({ends_at}) before or when it starts ({starts_at})"
)
_OTHER_KIND = QT_TRANSLATE_NOOP(
    "Domain", "A {kind} task has no {field}: that belongs to the other kind of task"
)
_FINDING_MODULE = QT_TRANSLATE_NOOP("Domain", "A finding needs a module")
_FINDING_TEXT = QT_TRANSLATE_NOOP("Domain", "A finding needs a text")
_FINDING_PRIORITY = QT_TRANSLATE_NOOP("Domain", 'The priority "{value}" is not one of: {allowed}')
_SCORE = QT_TRANSLATE_NOOP(
    "Domain", "The score of scenario {scenario} must be a whole number from 1 to 5, not {value}"
)
_FEEDBACK_SCENARIO = QT_TRANSLATE_NOOP(
    "Domain", "There is feedback for {scenario}, which is not a scenario of the demo"
)
_DUPLICATE_SCENARIO = QT_TRANSLATE_NOOP("Domain", "The scenario code {code} is used twice")
_NOT_NEEDS = QT_TRANSLATE_NOOP(
    "Domain", "A finding becomes a row of the needs worksheet, not of {template}"
)
_ALREADY_NEED = QT_TRANSLATE_NOOP("Domain", "The finding is already the need {need_id}")
_NO_FINDING = QT_TRANSLATE_NOOP("Domain", "The task has no finding {id}")


def _labels(name: str, member: LabelledEnum) -> dict[str, str]:
    """A state for a message in both languages: ``{name}`` (English) and
    ``{name}_zh`` (a zh_CN translation uses that one)."""
    return {name: member.label, f"{name}_zh": member.zh}


def _refuse(field: str, code: str, text: str, /, **params: Any) -> PresalesRefused:
    return PresalesRefused([Problem(field, code, text, params)])


# --- support requests ------------------------------------------------------------


def request_problems(
    request: SupportRequest, modules: Iterable[str] | None = None
) -> list[Problem]:
    """What is wrong with the fields of *request*: no customer, wanted dates
    out of order, a module not among *modules* (the playbook's codes, when
    given)."""
    problems = []
    if not request.customer_id.strip():
        problems.append(Problem("customer_id", "customer_id.required", _NO_CUSTOMER))
    start, until = request.wanted_from, request.wanted_until
    if start is not None and until is not None and until < start:
        problems.append(
            Problem(
                "wanted_until",
                "wanted_until.order",
                _WANTED_ORDER,
                {"start": start.isoformat(), "until": until.isoformat()},
            )
        )
    if modules is not None:
        problems += _module_problems(request.modules, tuple(modules), "modules")
    return problems


def _module_problems(picked: Iterable[str], allowed: Sequence[str], field: str) -> list[Problem]:
    return [
        Problem(
            field,
            f"{field}.unknown",
            _UNKNOWN_MODULE,
            {"module": module, "allowed": ", ".join(allowed)},
        )
        for module in picked
        if module not in allowed
    ]


def _may(who: Actor, request: SupportRequest, actor: str, actor_role: str, is_lead: bool) -> bool:
    if who is Actor.REP:
        return bool(actor) and actor == request.requested_by
    if who is Actor.LEAD:
        return actor_role == PRESALES_ROLE and is_lead
    return bool(actor) and actor == request.consultant


def allowed_moves(
    request: SupportRequest, *, actor: str, actor_role: str, is_lead: bool
) -> tuple[RequestState, ...]:
    """The states *actor* may move *request* to (for the workbench's buttons)."""
    if request.deleted:
        return ()
    return tuple(
        to
        for (start, to), who in REQUEST_MOVES.items()
        if start is request.state and _may(who, request, actor, actor_role, is_lead)
    )


def move_request(
    request: SupportRequest,
    to: RequestState,
    *,
    actor: str,
    actor_role: str,
    is_lead: bool,
    now: datetime,
    reason: str = "",
    consultant: str = "",
    consultant_is_presales: bool = False,
) -> SupportRequest:
    """*request* moved to *to* by *actor* (registry role *actor_role*;
    *is_lead*: the presales lead of the request's team).  A decline needs
    *reason*; an assignment names *consultant*, whose registry role must be
    presales (*consultant_is_presales*).  Raises ``PresalesRefused``."""
    if request.deleted:
        raise _refuse("", "record.deleted", _DELETED)
    start = request.state
    states = {**_labels("from_state", start), **_labels("to_state", to)}
    who = REQUEST_MOVES.get((start, to))
    if who is None:
        raise _refuse("state", "state.no_move", _NO_SUCH_MOVE, **states)
    if not _may(who, request, actor, actor_role, is_lead):
        if who is Actor.REP:
            raise _refuse("state", "state.not_rep", _ONLY_REP, rep=request.requested_by, **states)
        if who is Actor.LEAD:
            raise _refuse("state", "state.not_lead", _ONLY_LEAD, **states)
        raise _refuse(
            "state", "state.not_consultant", _ONLY_CONSULTANT,
            consultant=request.consultant, **states,
        )  # fmt: skip
    reason = reason.strip()
    changes: dict[str, Any] = {"state": to, "updated_at": now}
    problems: list[Problem] = []
    if to is RequestState.SUBMITTED:
        problems += request_problems(request)
        changes["submitted_at"] = now
    elif to in (RequestState.ACCEPTED, RequestState.DECLINED):
        changes["decided_at"] = now
        if to is RequestState.DECLINED:
            problems += reason_problems(reason)
            if not reason:
                problems.append(Problem("decline_reason", "reason.required", _DECLINE_REASON))
            changes["decline_reason"] = reason
    elif to is RequestState.ASSIGNED:
        name = consultant.strip()
        if not name:
            problems.append(Problem("consultant", "consultant.required", _NO_CONSULTANT))
        elif not consultant_is_presales:
            problems.append(
                Problem("consultant", "consultant.not_presales", _NOT_CONSULTANT, {"name": name})
            )
        elif name == request.consultant:
            problems.append(
                Problem("consultant", "consultant.same", _SAME_CONSULTANT, {"consultant": name})
            )
        changes["consultant"] = name
    if problems:
        raise PresalesRefused(problems)
    return replace(request, **changes)


# --- engagements -------------------------------------------------------------------


def open_engagement(request: SupportRequest, *, by: str, now: datetime) -> Engagement:
    """The engagement of an assigned *request*, in step 1."""
    if request.state is not RequestState.ASSIGNED or not request.consultant:
        raise _refuse(
            "state", "state.not_assigned", _NOT_ASSIGNED, **_labels("state", request.state)
        )
    return Engagement(
        request_id=request.id,
        customer_id=request.customer_id,
        deal_id=request.deal_id,
        consultant=request.consultant,
        history=(StepEntry(1, now, by),),
        opened_at=now,
        created_at=now,
        updated_at=now,
    )


@dataclass(frozen=True)
class StepCheck:
    """What moving an engagement to step ``to_step`` needs: ``missing`` are
    the required activities left unticked in the steps left or passed over
    (a forward move); ``needs_reason`` is true for a move back and any
    override."""

    to_step: int
    forward: bool
    missing: tuple[ChecklistItem, ...]

    @property
    def needs_override(self) -> bool:
        return bool(self.missing)

    @property
    def needs_reason(self) -> bool:
        return not self.forward or self.needs_override


def _refuse_closed(engagement: Engagement) -> None:
    if engagement.deleted:
        raise _refuse("", "record.deleted", _DELETED)
    if not engagement.is_open:
        raise _refuse("closed_at", "engagement.closed", _ENGAGEMENT_CLOSED)


def parse_step(value: Any, playbook: Playbook) -> PresalesStep:
    """The presales step named by *value*: its number (int or text), code or name."""
    steps = playbook.presales_steps
    if not steps:
        raise _refuse("step", "step.none", _NO_STEPS)
    found: PresalesStep | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        found = steps[value - 1] if 1 <= value <= len(steps) else None
    elif isinstance(value, str):
        found = playbook.parse_presales_step(value)
    if found is None:
        raise _refuse("step", "step.unknown", _UNKNOWN_STEP, value=value, count=len(steps))
    return found


def missing_activities(
    engagement: Engagement, steps: Iterable[PresalesStep]
) -> tuple[ChecklistItem, ...]:
    """The required activities of *steps* the engagement has not ticked."""
    return tuple(
        item
        for step in steps
        for item in step.checklist
        if item.required and item.code not in engagement.ticked(step.code)
    )


def check_step_move(engagement: Engagement, to_step: Any, playbook: Playbook) -> StepCheck:
    """What moving *engagement* to *to_step* needs; ``PresalesRefused`` when
    the move is impossible whatever the user confirms."""
    _refuse_closed(engagement)
    target = parse_step(to_step, playbook)
    if target.number == engagement.step:
        raise _refuse("step", "step.same", _SAME_STEP, step=engagement.step)
    if target.number < engagement.step:
        return StepCheck(target.number, False, ())
    passed = playbook.presales_steps[engagement.step - 1 : target.number - 1]
    return StepCheck(target.number, True, missing_activities(engagement, passed))


def _override_problems(
    missing: tuple[ChecklistItem, ...], confirm_override: bool, reason: str
) -> list[Problem]:
    problems = []
    if missing and not confirm_override:
        problems.append(
            Problem(
                "checklist",
                "gate.items_missing",
                _MISSING_ACTIVITIES,
                {
                    "count": len(missing),
                    "items": "; ".join(f"{i.names.zh} ({i.names.en})" for i in missing),
                    "codes": ", ".join(i.code for i in missing),
                },
            )
        )
    if missing and not reason:
        problems.append(Problem("reason", "reason.required", _REASON_OVERRIDE))
    return problems


def move_engagement(
    engagement: Engagement,
    to_step: Any,
    playbook: Playbook,
    *,
    by: str,
    now: datetime,
    reason: str = "",
    confirm_override: bool = False,
) -> Engagement:
    """*engagement* moved to *to_step* (a number, a code or a name) through
    the gates, the move appended to its history.  Raises ``PresalesRefused``
    listing what is missing: the reason of a move back, the confirmation of
    an override and its reason."""
    check = check_step_move(engagement, to_step, playbook)
    reason = reason.strip()
    problems = reason_problems(reason)
    if not check.forward and not reason:
        problems.append(
            Problem(
                "reason",
                "reason.required",
                _REASON_BACK,
                {"from_step": engagement.step, "to_step": check.to_step},
            )
        )
    problems += _override_problems(check.missing, confirm_override, reason)
    if problems:
        raise PresalesRefused(problems)
    entry = StepEntry(check.to_step, now, by, reason, tuple(i.code for i in check.missing))
    return replace(
        engagement,
        step=check.to_step,
        history=(*engagement.history, entry),
        updated_at=now,
    )


def tick_activity(
    engagement: Engagement, code: str, done: bool, playbook: Playbook, *, now: datetime
) -> Engagement:
    """*engagement* with the activity *code* ticked (or unticked), kept
    under its step's code.  Only activities of the presales steps are
    accepted; a closed engagement is not changed."""
    _refuse_closed(engagement)
    code = code.strip()
    found = playbook.presales_activity(code)
    if found is None:
        raise _refuse("checklist", "checklist.unknown", _UNKNOWN_ACTIVITY, code=code)
    step = found[0].code
    ticked = [c for c in engagement.ticked(step) if c != code]
    if done:
        ticked.append(code)
    checklist = {**engagement.checklist, step: tuple(ticked)}
    if not ticked:
        del checklist[step]
    return replace(engagement, checklist=checklist, updated_at=now)


MAX_ENGAGEMENT_NOTES = 10_000  # the registry's limit of a text field
_NOTES_TOO_LONG = QT_TRANSLATE_NOOP(
    "Domain", "The notes are {length} characters long; at most {max} are kept"
)


def set_engagement_notes(engagement: Engagement, notes: str, *, now: datetime) -> Engagement:
    """*engagement* with its notes (an open one only; at most
    ``MAX_ENGAGEMENT_NOTES`` characters)."""
    _refuse_closed(engagement)
    notes = notes.strip()
    if len(notes) > MAX_ENGAGEMENT_NOTES:
        raise _refuse(
            "notes", "notes.too_long", _NOTES_TOO_LONG, length=len(notes),
            max=MAX_ENGAGEMENT_NOTES,
        )  # fmt: skip
    return replace(engagement, notes=notes, updated_at=now)


def set_technical_win(engagement: Engagement, win: TechnicalWin, *, now: datetime) -> Engagement:
    """*engagement* with its technical win set (back to open too, while open)."""
    _refuse_closed(engagement)
    return replace(engagement, technical_win=win, updated_at=now)


def close_engagement(
    engagement: Engagement,
    playbook: Playbook,
    *,
    by: str,
    now: datetime,
    reason: str = "",
    confirm_override: bool = False,
) -> Engagement:
    """*engagement* closed by *by*: only in the last step, with the technical win
    won or lost; unticked required activities of the last step need the
    override confirmed and a reason, like a move forward (recorded as the
    reason and overridden codes of a last history entry)."""
    _refuse_closed(engagement)
    last = len(playbook.presales_steps)
    problems: list[Problem] = []
    if not last:
        raise _refuse("step", "step.none", _NO_STEPS)
    if engagement.step != last:
        problems.append(
            Problem(
                "step", "step.not_last", _NOT_LAST_STEP, {"step": last, "current": engagement.step}
            )
        )
    if engagement.technical_win is TechnicalWin.OPEN:
        problems.append(Problem("technical_win", "technical_win.open", _WIN_UNDECIDED))
    reason = reason.strip()
    problems += reason_problems(reason)
    missing = missing_activities(engagement, playbook.presales_steps[last - 1 :])
    problems += _override_problems(missing, confirm_override, reason)
    if problems:
        raise PresalesRefused(problems)
    history = engagement.history
    if missing:
        history = (*history, StepEntry(last, now, by, reason, tuple(i.code for i in missing)))
    return replace(engagement, closed_at=now, history=history, updated_at=now)


# --- tasks ----------------------------------------------------------------------------


def task_problems(task: PresalesTask, modules: Iterable[str] | None = None) -> list[Problem]:
    """What is wrong with *task* (new or edited): no title, times without an
    offset or ending before they start, the other kind's fields, a finding
    without a module or text or with an unknown priority, a demo score out
    of 1..5 or feedback on an unknown scenario, a module not among *modules*
    (the playbook's codes, when given)."""
    problems: list[Problem] = []
    if not task.title.strip():
        problems.append(Problem("title", "title.required", _NO_TITLE))
    aware = True
    for name in ("starts_at", "ends_at"):
        when: datetime = getattr(task, name)
        if when.utcoffset() is None:
            aware = False
            problems.append(Problem(name, f"{name}.no_offset", _NO_OFFSET, {"field": name}))
    if aware and task.ends_at <= task.starts_at:
        problems.append(
            Problem(
                "ends_at",
                "ends_at.order",
                _ENDS_BEFORE,
                {"starts_at": task.starts_at.isoformat(), "ends_at": task.ends_at.isoformat()},
            )
        )
    others = SURVEY_FIELDS if task.kind is TaskKind.DEMO else DEMO_FIELDS
    for name in others:
        if getattr(task, name):
            problems.append(
                Problem(
                    name,
                    f"{name}.other_kind",
                    _OTHER_KIND,
                    {**_labels("kind", task.kind), "field": name},
                )
            )
    if task.kind is TaskKind.DEMO:
        problems += _demo_problems(task)
    for n, finding in enumerate(task.findings):
        problems += _finding_problems(finding, f"findings.{n + 1}")
    if modules is not None:
        allowed = tuple(modules)
        problems += _module_problems(task.modules, allowed, "modules")
        problems += _module_problems(
            (f.module for f in task.findings if f.module), allowed, "findings"
        )
        problems += _module_problems(
            (s.module for s in task.scenarios if s.module), allowed, "scenarios"
        )
    return problems


def _demo_problems(task: PresalesTask) -> list[Problem]:
    problems = []
    codes: list[str] = []
    for scenario in task.scenarios:
        if scenario.code in codes:
            problems.append(
                Problem(
                    "scenarios", "scenarios.duplicate", _DUPLICATE_SCENARIO, {"code": scenario.code}
                )
            )
        codes.append(scenario.code)
    for code, feedback in task.feedback.items():
        if code not in codes:
            problems.append(
                Problem("feedback", "feedback.scenario", _FEEDBACK_SCENARIO, {"scenario": code})
            )
        score = feedback.score
        if (
            isinstance(score, bool)
            or not isinstance(score, int)
            or not (MIN_SCORE <= score <= MAX_SCORE)
        ):
            problems.append(
                Problem("feedback", "feedback.score", _SCORE, {"scenario": code, "value": score})
            )
    return problems


def _finding_problems(finding: Finding, where: str) -> list[Problem]:
    problems = []
    if not finding.module.strip():
        problems.append(Problem(f"{where}.module", "finding.module", _FINDING_MODULE))
    if not finding.text.strip():
        problems.append(Problem(f"{where}.text", "finding.text", _FINDING_TEXT))
    if finding.priority and finding.priority not in PRIORITIES:
        problems.append(
            Problem(
                f"{where}.priority",
                "finding.priority",
                _FINDING_PRIORITY,
                {"value": finding.priority, "allowed": ", ".join(PRIORITIES)},
            )
        )
    return problems


def check_task(task: PresalesTask, modules: Iterable[str] | None = None) -> PresalesTask:
    """*task* if ``task_problems`` finds nothing; ``PresalesRefused`` otherwise."""
    problems = task_problems(task, modules)
    if problems:
        raise PresalesRefused(problems)
    return task


def check_new_task(
    task: PresalesTask, now: datetime, modules: Iterable[str] | None = None
) -> PresalesTask:
    """A new *task*, checked: besides ``task_problems``, it may not start
    before *now* (a task is planned, not logged afterwards)."""
    problems = task_problems(task, modules)
    starts = task.starts_at
    if starts.utcoffset() is not None and starts < now:
        problems.insert(
            0,
            Problem("starts_at", "starts_at.past", _IN_THE_PAST, {"starts_at": starts.isoformat()}),
        )
    if problems:
        raise PresalesRefused(problems)
    return task


def _live_demo(task: PresalesTask) -> bool:
    return task.kind is TaskKind.DEMO and task.state is TaskState.PLANNED and not task.deleted


def overlapping_demos(
    task: PresalesTask, others: Iterable[PresalesTask]
) -> tuple[PresalesTask, ...]:
    """The planned demos among *others* whose time overlaps *task*'s and
    that share one of our attendees with it (the consultant is one of a
    demo's ``our_attendees``): a warning to show, not a refusal.  Touching
    times (one ends when the other starts) do not overlap."""
    if not _live_demo(task):
        return ()
    people = set(task.our_attendees)
    return tuple(
        other
        for other in others
        if other.id != task.id
        and _live_demo(other)
        and other.starts_at < task.ends_at
        and task.starts_at < other.ends_at
        and people.intersection(other.our_attendees)
    )


# --- findings and needs -----------------------------------------------------------

_GAP_PRIORITY = {
    GapLevel.DEAL_BREAKER: "high",
    GapLevel.CHALLENGE: "medium",
    GapLevel.NICE_TO_HAVE: "low",
    GapLevel.NONE: "medium",
}


def need_row(finding: Finding, row_id: str | None = None) -> dict[str, Any]:
    """The row of the needs worksheet (``needs_analysis``: need, priority,
    confirmed) that *finding* becomes, naming the finding (``finding_id``)
    and keeping its module and gap; the priority is the finding's, or one
    from its gap.  Its ``id`` is *row_id* or a new one."""
    return {
        ROW_ID: row_id or new_id(),
        "need": finding.text,
        "priority": finding.priority or _GAP_PRIORITY[finding.gap],
        "confirmed": False,
        ROW_FINDING: finding.id,
        "module": finding.module,
        "gap": finding.gap.value,
    }


def finding_of_need(row: Mapping[str, Any], findings: Iterable[Finding]) -> Finding | None:
    """The finding a needs-worksheet *row* came from: the one it names
    that names the row back (a link broken on one side is no link)."""
    finding_id, row_id = row.get(ROW_FINDING), row.get(ROW_ID)
    if not finding_id or not row_id:
        return None
    return next((f for f in findings if f.id == finding_id and f.need_id == row_id), None)


def need_of_finding(
    finding: Finding, rows: Iterable[Mapping[str, Any]]
) -> Mapping[str, Any] | None:
    """The needs-worksheet row *finding* became (linked both ways), if any."""
    if not finding.need_id:
        return None
    return next(
        (r for r in rows if r.get(ROW_ID) == finding.need_id and r.get(ROW_FINDING) == finding.id),
        None,
    )


def finding_to_need(
    task: PresalesTask, finding_id: str, sheet: Worksheet, *, now: datetime
) -> tuple[PresalesTask, Worksheet]:
    """The survey *task* and the deal's needs worksheet *sheet* with the
    finding *finding_id* added to the sheet as a row, each naming the
    other.  Refused for another worksheet, an unknown finding, one that
    already became a need, or a finding the rules refuse."""
    if sheet.template != NEEDS_TEMPLATE:
        raise _refuse("template", "template.not_needs", _NOT_NEEDS, template=sheet.template)
    finding = task.finding(finding_id)
    if finding is None:
        raise _refuse("findings", "finding.unknown", _NO_FINDING, id=finding_id)
    if finding.need_id:
        raise _refuse("findings", "finding.linked", _ALREADY_NEED, need_id=finding.need_id)
    problems = _finding_problems(finding, "finding")
    if problems:
        raise PresalesRefused(problems)
    row = need_row(finding)
    linked = replace(finding, need_id=row[ROW_ID])
    findings = tuple(linked if f.id == finding_id else f for f in task.findings)
    rows = [*sheet.data.get("rows", []), row]
    return (
        replace(task, findings=findings, updated_at=now),
        replace(sheet, data={**sheet.data, "rows": rows}, updated_at=now),
    )
