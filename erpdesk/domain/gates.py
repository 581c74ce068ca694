"""Stage gates: how a deal moves through the seven stages and closes.

Every way of moving a deal (the board's drag, the deal page, the command
line, the import, the demo) goes through ``move_deal``, so they obey one
set of rules:

- Forward (including skipping stages): the required, unticked checklist
  items and the required worksheets missing on the deal, of the stage being
  left and of every stage passed over, stop the move unless the user
  confirms the override and gives a reason; the StageChange lists what was
  passed over (``overridden``) and why.
- Back: needs a reason.
- Closing won: passes the gates of every stage from the current one up to
  and including stage 7 (closing); closing lost needs the reason it was
  lost (and, where known, the winning competitor).
- A closed deal is not moved, only reopened into a stage with a reason.
- The probability becomes the new stage's default (the override and its
  reason are cleared); won is 100 and lost 0.

``check_move`` tells the window beforehand what a move would need (so the
board can ask for confirmation and a reason), ``move_deal`` does it.  Both
refuse an impossible move (a closed or deleted deal, the current stage, a
stage that does not exist) with ``GateRefused``.

The deal rules (parsing, validation, probability) are in
``erpdesk.domain.deal_rules`` and re-exported here.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from erpdesk.domain.deal import (
    ChecklistAnswer,
    Deal,
    DealStatus,
    MoveKind,
    StageChange,
)
from erpdesk.domain.deal_rules import (
    CREATE_FIELDS,
    checked_deal,
    deleted_problem,
    edit_deal,
    lost_reason_problem,
    match_choice,
    read_deal_fields,
    reason_problems,
    set_probability,
    unknown_stage_problem,
    validate_deal,
)
from erpdesk.domain.errors import Problem, ValidationError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.playbook import ChecklistItem, Names, Playbook, StageDef

__all__ = [
    "GateCheck",
    "GateRefused",
    "check_move",
    "days_in_stage",
    "edit_deal",
    "missing_items",
    "missing_worksheets",
    "move_deal",
    "new_deal",
    "parse_target",
    "reopen_deal",
    "set_probability",
    "tick",
    "validate_deal",
]

Target = int | DealStatus


@dataclass(frozen=True)
class GateCheck:
    """What moving a deal to *target* needs.

    ``missing_items`` and ``missing_worksheets`` are what the gates of the
    stages left or passed over ask for and the deal lacks; ``needs_reason``
    is true for a move back, a close lost, a reopening and any override."""

    target: Target
    kind: MoveKind
    missing_items: tuple[ChecklistItem, ...]
    missing_worksheets: tuple[str, ...]
    needs_reason: bool

    @property
    def needs_override(self) -> bool:
        """Does the move go past something the gates ask for?"""
        return bool(self.missing_items or self.missing_worksheets)

    @property
    def overridden(self) -> tuple[str, ...]:
        """The item and worksheet codes an override passes over."""
        return (*(item.code for item in self.missing_items), *self.missing_worksheets)


class GateRefused(ValidationError):
    """A move the gates refuse; ``problems`` say what is missing and
    ``check`` (when the move itself is possible) what it would need."""

    text = QT_TRANSLATE_NOOP("Domain", "The deal cannot be moved")

    def __init__(self, problems: list[Problem], check: GateCheck | None = None) -> None:
        self.check = check
        super().__init__(problems)


# --- texts ---------------------------------------------------------------------

_CLOSED = QT_TRANSLATE_NOOP(
    "Domain", "The deal is already closed ({status}); reopen it into a stage first"
)
_SAME_STAGE = QT_TRANSLATE_NOOP("Domain", "The deal is already in stage {stage}")
_NOT_CLOSED = QT_TRANSLATE_NOOP("Domain", "Only a closed deal can be reopened")
_REASON_BACK = QT_TRANSLATE_NOOP(
    "Domain", "Moving a deal back from stage {from_stage} to {to_stage} needs a reason"
)
_REASON_REOPEN = QT_TRANSLATE_NOOP("Domain", "Reopening a closed deal needs a reason")
_REASON_OVERRIDE = QT_TRANSLATE_NOOP(
    "Domain", "Going past what the stage asks for needs a reason for the override"
)
_MISSING_ITEMS = QT_TRANSLATE_NOOP(
    "Domain",
    "{count} required activities are not done: {items}. Confirm the override "
    "and give a reason to move on anyway",
)
_MISSING_WORKSHEETS = QT_TRANSLATE_NOOP(
    "Domain",
    "{count} required worksheets are missing: {worksheets}. Confirm the override "
    "and give a reason to move on anyway",
)
_UNKNOWN_ITEM = QT_TRANSLATE_NOOP(
    "Domain", "{code} is not an activity of the playbook's checklists"
)


# --- what a move needs ----------------------------------------------------------


def parse_target(target: Any, playbook: Playbook) -> Target:
    """A stage number or ``DealStatus.WON``/``LOST`` from a number, a stage's
    code or name, or a status ("won", "赢单", "lost", "丢单"); raises
    ``GateRefused`` for anything else (0, 8, "x", "open")."""
    if isinstance(target, DealStatus):
        if target is DealStatus.OPEN:
            raise GateRefused([unknown_stage_problem(target.value, playbook)])
        return target
    if isinstance(target, int) and not isinstance(target, bool):
        if 1 <= target <= len(playbook.stages):
            return target
        raise GateRefused([unknown_stage_problem(target, playbook)])
    if isinstance(target, str):
        stage = playbook.parse_stage(target)
        if stage is not None:
            return stage.number
        status = DealStatus.parse(target)
        if status is DealStatus.WON:
            return DealStatus.WON
        if status is DealStatus.LOST:
            return DealStatus.LOST
    raise GateRefused([unknown_stage_problem(target, playbook)])


def _done(deal: Deal, item: ChecklistItem) -> bool:
    answer = deal.checklist.get(item.code)
    return answer is not None and answer.done


def missing_items(deal: Deal, stages: Collection[StageDef]) -> tuple[ChecklistItem, ...]:
    """The required items of *stages* the deal has not ticked."""
    return tuple(
        item
        for stage in stages
        for item in stage.checklist
        if item.required and not _done(deal, item)
    )


def missing_worksheets(
    stages: Collection[StageDef], worksheets: Collection[str]
) -> tuple[str, ...]:
    """The required worksheet codes of *stages* not among *worksheets*
    (the template codes the deal has a worksheet of), each once."""
    out: list[str] = []
    for stage in stages:
        for code in stage.required_worksheets:
            if code not in worksheets and code not in out:
                out.append(code)
    return tuple(out)


def _refuse_impossible(deal: Deal, target: Target, playbook: Playbook) -> None:
    if deal.deleted:
        raise GateRefused([deleted_problem()])
    if not deal.is_open:
        raise GateRefused(
            [
                Problem(
                    "status",
                    "deal.closed",
                    _CLOSED,
                    {"status": f"{deal.status.zh} / {deal.status.label}"},
                )
            ]
        )
    if not isinstance(target, DealStatus) and target == deal.stage:
        raise GateRefused([Problem("stage", "stage.same", _SAME_STAGE, {"stage": deal.stage})])
    if not 1 <= deal.stage <= len(playbook.stages):
        raise GateRefused([unknown_stage_problem(deal.stage, playbook)])


def check_move(
    deal: Deal, target: Any, playbook: Playbook, worksheets: Collection[str]
) -> GateCheck:
    """What moving *deal* to *target* (a stage number, ``DealStatus.WON`` or
    ``DealStatus.LOST``; text is parsed) needs, given the template codes of
    the worksheets the deal has.  Raises ``GateRefused`` when the move is
    impossible whatever the user confirms."""
    goal = parse_target(target, playbook)
    _refuse_impossible(deal, goal, playbook)
    if goal is DealStatus.LOST:
        return GateCheck(goal, MoveKind.LOST, (), (), True)
    if goal is DealStatus.WON:
        passed = playbook.stages[deal.stage - 1 :]
        kind = MoveKind.WON
    else:
        assert isinstance(goal, int)
        if goal < deal.stage:
            return GateCheck(goal, MoveKind.BACK, (), (), True)
        passed = playbook.stages[deal.stage - 1 : goal - 1]
        kind = MoveKind.FORWARD
    items = missing_items(deal, passed)
    sheets = missing_worksheets(passed, worksheets)
    return GateCheck(goal, kind, items, sheets, bool(items or sheets))


def _names(parts: Collection[Names]) -> str:
    """Playbook names for a message that is shown in either language:
    "拜访客户 (Visit the customer); 收集客户全貌信息 (Collect ...)"."""
    return "; ".join(f"{n.zh} ({n.en})" if n.en and n.en != n.zh else n.zh for n in parts)


# --- moving ---------------------------------------------------------------------


def move_deal(
    deal: Deal,
    target: Any,
    playbook: Playbook,
    worksheets: Collection[str],
    *,
    by: str,
    now: datetime,
    reason: str = "",
    confirm_override: bool = False,
    lost_reason: str = "",
    winning_competitor: str = "",
) -> tuple[Deal, StageChange]:
    """Move *deal* to *target* through the gates; returns the changed copy
    and the StageChange to store.  Raises ``GateRefused`` listing what is
    missing: the confirmation of an override and its reason, the reason for
    a move back, the lost reason."""
    check = check_move(deal, target, playbook, worksheets)
    reason = reason.strip()
    problems = reason_problems(reason)
    if check.kind is MoveKind.LOST:
        lost = lost_reason.strip() or reason
        if not lost:
            problems.append(lost_reason_problem())
        choice = match_choice(playbook.lost_reasons, lost) if lost else None
        if choice is not None:
            lost = choice.code
        problems += reason_problems(lost)
        if problems:
            raise GateRefused(problems, check)
        changed = replace(
            deal,
            status=DealStatus.LOST,
            probability=0,
            probability_reason="",
            lost_reason=lost,
            winning_competitor=winning_competitor.strip(),
            closed_at=now,
            updated_at=now,
        )
        return changed, _change(deal, check.kind, deal.stage, now, by, reason or lost, ())
    if check.kind is MoveKind.BACK and not reason:
        problems.append(
            Problem(
                "reason",
                "reason.required",
                _REASON_BACK,
                {"from_stage": deal.stage, "to_stage": check.target},
            )
        )
    if check.needs_override:
        if not confirm_override:
            if check.missing_items:
                problems.append(
                    Problem(
                        "checklist",
                        "gate.items_missing",
                        _MISSING_ITEMS,
                        {
                            "count": len(check.missing_items),
                            "items": _names([i.names for i in check.missing_items]),
                            "codes": ", ".join(i.code for i in check.missing_items),
                        },
                    )
                )
            if check.missing_worksheets:
                problems.append(
                    Problem(
                        "worksheets",
                        "gate.worksheets_missing",
                        _MISSING_WORKSHEETS,
                        {
                            "count": len(check.missing_worksheets),
                            "worksheets": _names(
                                [_worksheet_names(playbook, c) for c in check.missing_worksheets]
                            ),
                            "codes": ", ".join(check.missing_worksheets),
                        },
                    )
                )
        if not reason:
            problems.append(Problem("reason", "reason.required", _REASON_OVERRIDE))
    if problems:
        raise GateRefused(problems, check)
    overridden = check.overridden
    if check.kind is MoveKind.WON:
        changed = replace(
            deal,
            status=DealStatus.WON,
            probability=100,
            probability_reason="",
            lost_reason="",
            winning_competitor="",
            closed_at=now,
            updated_at=now,
        )
        return changed, _change(deal, check.kind, deal.stage, now, by, reason, overridden)
    assert isinstance(check.target, int)
    changed = replace(
        deal,
        stage=check.target,
        probability=playbook.stage(check.target).probability,
        probability_reason="",
        stage_entered_at=now,
        updated_at=now,
    )
    return changed, _change(deal, check.kind, check.target, now, by, reason, overridden)


def _worksheet_names(playbook: Playbook, code: str) -> Names:
    template = playbook.worksheets.get(code)
    return template.names if template else Names(code, code)


def _change(
    deal: Deal,
    kind: MoveKind,
    to_stage: int,
    now: datetime,
    by: str,
    reason: str,
    overridden: tuple[str, ...],
) -> StageChange:
    return StageChange(
        deal_id=deal.id,
        kind=kind,
        to_stage=to_stage,
        at=now,
        by=by,
        from_stage=deal.stage,
        reason=reason,
        overridden=overridden,
        created_at=now,
        updated_at=now,
    )


def reopen_deal(
    deal: Deal, playbook: Playbook, *, stage: Any, by: str, now: datetime, reason: str
) -> tuple[Deal, StageChange]:
    """Reopen a closed deal into *stage* (any stage 1..7) with a reason; the
    lost fields and ``closed_at`` are cleared and the probability is the
    stage's default."""
    if deal.deleted:
        raise GateRefused([deleted_problem()])
    if deal.is_open:
        raise GateRefused([Problem("status", "deal.not_closed", _NOT_CLOSED)])
    goal = parse_target(stage, playbook)
    if isinstance(goal, DealStatus):
        raise GateRefused([unknown_stage_problem(stage, playbook)])
    reason = reason.strip()
    problems = reason_problems(reason)
    if not reason:
        problems.append(Problem("reason", "reason.required", _REASON_REOPEN))
    if problems:
        raise GateRefused(problems, GateCheck(goal, MoveKind.REOPENED, (), (), True))
    changed = replace(
        deal,
        stage=goal,
        status=DealStatus.OPEN,
        probability=playbook.stage(goal).probability,
        probability_reason="",
        lost_reason="",
        winning_competitor="",
        closed_at=None,
        stage_entered_at=now,
        updated_at=now,
    )
    return changed, _change(deal, MoveKind.REOPENED, goal, now, by, reason, ())


def new_deal(
    customer_id: str, name: str, playbook: Playbook, *, by: str, now: datetime, **fields: Any
) -> tuple[Deal, StageChange]:
    """A validated new deal of *customer_id* and its creation StageChange.

    *fields* are ``DEAL_FIELDS`` and ``stage`` (default 1), typed or as text
    ("12.5万", "2026/6/30", "3" or "confirm_intent" or "引导及确认客户意向");
    the owner defaults to *by*, the probability to the stage's default.
    Raises ``ValidationError`` listing every problem."""
    parsed, unread = read_deal_fields(fields, playbook, allowed=CREATE_FIELDS)
    for problem in unread:  # not a field of a deal: nothing to build with
        parsed.pop(problem.field, None)
    stage = parsed.pop("stage", 1)
    parsed.setdefault("owner", by)
    parsed.setdefault("probability", playbook.stage(stage).probability)
    parsed.setdefault("playbook", playbook.key)
    parsed.setdefault("created_at", now)
    deal = Deal(
        customer_id=customer_id.strip(),
        name=name,
        stage=stage,
        stage_entered_at=now,
        updated_at=now,
        **parsed,
    )
    deal = checked_deal(deal, playbook, today=now.astimezone().date(), unread=unread)
    change = StageChange(
        deal_id=deal.id,
        kind=MoveKind.CREATED,
        to_stage=deal.stage,
        at=now,
        by=by,
        created_at=now,
        updated_at=now,
    )
    return deal, change


def tick(
    deal: Deal,
    item_code: str,
    done: bool,
    *,
    by: str,
    now: datetime,
    playbook: Playbook,
    note: str = "",
) -> Deal:
    """*deal* with checklist item *item_code* ticked (or unticked).  Only
    codes of the playbook's checklists are accepted; answers are kept by
    code, so those of an older playbook stay with the deal."""
    if deal.deleted:
        raise ValidationError([deleted_problem()])
    code = item_code.strip()
    if playbook.checklist_item(code) is None:
        raise ValidationError(
            [Problem("checklist", "checklist.unknown", _UNKNOWN_ITEM, {"code": code})]
        )
    checklist = dict(deal.checklist)
    checklist[code] = ChecklistAnswer(done=bool(done), at=now, by=by, note=note.strip())
    return replace(deal, checklist=checklist, updated_at=now)


def days_in_stage(deal: Deal, today: date) -> int:
    """Whole days the deal has been in its current stage (for a closed deal:
    the days it spent in its last stage), counted in local calendar days."""
    entered = _local_date(deal.stage_entered_at)
    end = today if deal.closed_at is None or deal.is_open else _local_date(deal.closed_at)
    return max(0, (end - entered).days)


def _local_date(when: datetime) -> date:
    return when.astimezone().date() if when.tzinfo is not None else when.date()
