"""Presales rules: the support request's moves (who may do what), the
engagement's steps through the playbook's gates, the task rules, demo
overlaps and the finding <-> need link."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from playbook_factory import default_playbook

from erpdesk.domain.deal import Worksheet
from erpdesk.domain.presales import (
    DemoScenario,
    Engagement,
    Finding,
    GapLevel,
    PresalesTask,
    RequestKind,
    RequestState,
    ScenarioFeedback,
    SupportRequest,
    TaskKind,
    TaskState,
    TechnicalWin,
)
from erpdesk.domain.presales_rules import (
    REQUEST_MOVES,
    Actor,
    PresalesRefused,
    allowed_moves,
    check_new_task,
    check_step_move,
    close_engagement,
    finding_of_need,
    finding_to_need,
    move_engagement,
    move_request,
    need_of_finding,
    need_row,
    open_engagement,
    overlapping_demos,
    set_technical_win,
    tick_activity,
)
from erpdesk.domain.worksheet import validate_worksheet

PLAYBOOK = default_playbook()
NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
S = RequestState
REP, LEAD, CONSULTANT, OTHER = "zhang.wei", "li.na", "wang.fang", "zhao.lei"


def request(state: RequestState = S.DRAFT, consultant: str = "") -> SupportRequest:
    return SupportRequest(
        customer_id="c1",
        kind=RequestKind.DEMO,
        requested_by=REP,
        team="east",
        deal_id="d1",
        wanted_from=date(2026, 11, 10),
        wanted_until=date(2026, 11, 20),
        modules=("finance", "production"),
        state=state,
        consultant=consultant,
    )


# who acts as each party: (actor, actor_role, is_lead)
AS = {
    Actor.REP: (REP, "rep", False),
    Actor.LEAD: (LEAD, "presales", True),
    Actor.CONSULTANT: (CONSULTANT, "presales", False),
}


def move(req: SupportRequest, to: RequestState, who: Actor, **extra: object) -> SupportRequest:
    actor, role, lead = AS[who]
    return move_request(
        req,
        to,
        actor=actor,
        actor_role=role,
        is_lead=lead,
        now=NOW,
        **extra,  # type: ignore[arg-type]
    )


def problem_codes(caught: pytest.ExceptionInfo[PresalesRefused]) -> list[str]:
    return [p.code for p in caught.value.problems]


# --- support requests -----------------------------------------------------------------


@pytest.mark.parametrize(("start", "to"), list(REQUEST_MOVES))
def test_every_allowed_move(start: RequestState, to: RequestState) -> None:
    who = REQUEST_MOVES[(start, to)]
    consultant = "" if start in (S.DRAFT, S.SUBMITTED, S.ACCEPTED) else CONSULTANT
    extra: dict[str, object] = {}
    if to is S.DECLINED:
        extra["reason"] = "团队本月满负荷"
    if to is S.ASSIGNED:
        extra.update(consultant=OTHER if consultant else CONSULTANT, consultant_is_presales=True)
    moved = move(request(start, consultant), to, who, **extra)
    assert moved.state is to and moved.updated_at == NOW
    if to is S.SUBMITTED:
        assert moved.submitted_at == NOW
    if to in (S.ACCEPTED, S.DECLINED):
        assert moved.decided_at == NOW
    if to is S.DECLINED:
        assert moved.decline_reason == "团队本月满负荷"
    if to is S.ASSIGNED:
        assert moved.consultant == extra["consultant"]


@pytest.mark.parametrize(("start", "to"), list(REQUEST_MOVES))
def test_every_move_refused_to_the_wrong_people(start: RequestState, to: RequestState) -> None:
    owner = REQUEST_MOVES[(start, to)]
    req = request(start, CONSULTANT)
    for who in Actor:
        if who is owner:
            continue
        with pytest.raises(PresalesRefused) as caught:
            move(req, to, who, reason="x", consultant=OTHER, consultant_is_presales=True)
        assert problem_codes(caught) == [f"state.not_{owner.value}"]
    # an administrator or a manager is none of them
    for role in ("admin", "manager"):
        with pytest.raises(PresalesRefused):
            move_request(
                req,
                to,
                actor="root",
                actor_role=role,
                is_lead=True,
                now=NOW,
                reason="x",
                consultant=OTHER,
                consultant_is_presales=True,
            )


def test_a_presales_user_who_is_not_the_teams_lead_may_not_decide() -> None:
    with pytest.raises(PresalesRefused) as caught:
        move_request(
            request(S.SUBMITTED),
            S.ACCEPTED,
            actor=CONSULTANT,
            actor_role="presales",
            is_lead=False,
            now=NOW,
        )
    assert "Only the team's presales lead" in str(caught.value)
    assert "from Submitted to Accepted" in str(caught.value)


@pytest.mark.parametrize(
    ("start", "to"),
    [
        (S.DRAFT, S.ACCEPTED),
        (S.DRAFT, S.DONE),
        (S.SUBMITTED, S.ASSIGNED),
        (S.SUBMITTED, S.SUBMITTED),
        (S.ACCEPTED, S.IN_PROGRESS),
        (S.ACCEPTED, S.DECLINED),
        (S.DECLINED, S.ASSIGNED),
        (S.DECLINED, S.SUBMITTED),
        (S.ASSIGNED, S.DONE),
        (S.IN_PROGRESS, S.ASSIGNED),
        (S.DONE, S.CANCELLED),
        (S.CANCELLED, S.SUBMITTED),
    ],
)
def test_moves_outside_the_table_refused(start: RequestState, to: RequestState) -> None:
    for who in Actor:
        with pytest.raises(PresalesRefused) as caught:
            move(
                request(start, CONSULTANT),
                to,
                who,
                reason="x",
                consultant=OTHER,
                consultant_is_presales=True,
            )
        assert problem_codes(caught) == ["state.no_move"]
        assert f"cannot go from {start.label} to {to.label}" in str(caught.value)


def test_refusal_translates_with_the_chinese_state_names() -> None:
    with pytest.raises(PresalesRefused) as caught:
        move(request(S.DONE), S.SUBMITTED, Actor.REP)
    source = "A support request cannot go from {from_state} to {to_state}"
    chinese = {source: "项目资源支持申请不能从{from_state_zh}变为{to_state_zh}"}
    rendered = caught.value.render(lambda _context, text: chinese.get(text, text))
    assert rendered == "项目资源支持申请不能从已完成变为已提交"


def test_decline_needs_a_reason() -> None:
    with pytest.raises(PresalesRefused) as caught:
        move(request(S.SUBMITTED), S.DECLINED, Actor.LEAD, reason="  ")
    assert problem_codes(caught) == ["reason.required"]
    assert "needs a reason" in str(caught.value)


def test_assignment_needs_a_presales_consultant() -> None:
    accepted = request(S.ACCEPTED)
    with pytest.raises(PresalesRefused) as caught:
        move(accepted, S.ASSIGNED, Actor.LEAD, consultant=" ", consultant_is_presales=True)
    assert problem_codes(caught) == ["consultant.required"]
    with pytest.raises(PresalesRefused) as caught:
        move(accepted, S.ASSIGNED, Actor.LEAD, consultant=REP, consultant_is_presales=False)
    assert problem_codes(caught) == ["consultant.not_presales"]
    assert str(caught.value) == f"{REP} is not a presales consultant"
    assigned = move(
        accepted, S.ASSIGNED, Actor.LEAD, consultant=CONSULTANT, consultant_is_presales=True
    )
    with pytest.raises(PresalesRefused) as caught:
        move(assigned, S.ASSIGNED, Actor.LEAD, consultant=CONSULTANT, consultant_is_presales=True)
    assert problem_codes(caught) == ["consultant.same"]


def test_after_reassignment_only_the_new_consultant_starts() -> None:
    assigned = request(S.ASSIGNED, CONSULTANT)
    again = move(assigned, S.ASSIGNED, Actor.LEAD, consultant=OTHER, consultant_is_presales=True)
    with pytest.raises(PresalesRefused) as caught:
        move(again, S.IN_PROGRESS, Actor.CONSULTANT)
    assert problem_codes(caught) == ["state.not_consultant"]
    started = move_request(
        again, S.IN_PROGRESS, actor=OTHER, actor_role="presales", is_lead=False, now=NOW
    )
    assert started.state is S.IN_PROGRESS


def test_submission_checks_the_request() -> None:
    bad = replace(request(), customer_id="", wanted_until=date(2026, 11, 1))
    with pytest.raises(PresalesRefused) as caught:
        move(bad, S.SUBMITTED, Actor.REP)
    assert problem_codes(caught) == ["customer_id.required", "wanted_until.order"]


def test_deleted_request_not_moved() -> None:
    with pytest.raises(PresalesRefused) as caught:
        move(replace(request(), deleted=True), S.SUBMITTED, Actor.REP)
    assert problem_codes(caught) == ["record.deleted"]
    assert (
        allowed_moves(replace(request(), deleted=True), actor=REP, actor_role="rep", is_lead=False)
        == ()
    )


def test_allowed_moves_per_party() -> None:
    assigned = request(S.ASSIGNED, CONSULTANT)
    assert allowed_moves(assigned, actor=LEAD, actor_role="presales", is_lead=True) == (
        S.ASSIGNED,
        S.CANCELLED,
    )
    assert allowed_moves(assigned, actor=CONSULTANT, actor_role="presales", is_lead=False) == (
        S.IN_PROGRESS,
    )
    assert allowed_moves(assigned, actor=REP, actor_role="rep", is_lead=False) == ()
    submitted = request(S.SUBMITTED)
    assert allowed_moves(submitted, actor=REP, actor_role="rep", is_lead=False) == (S.CANCELLED,)


# --- engagements ---------------------------------------------------------------------


def engagement(step: int = 1, **changes: object) -> Engagement:
    opened = open_engagement(request(S.ASSIGNED, CONSULTANT), by=LEAD, now=NOW)
    return replace(opened, step=step, **changes)  # type: ignore[arg-type]


def ticked_all(*numbers: int) -> dict[str, tuple[str, ...]]:
    steps = [PLAYBOOK.presales_step(n) for n in numbers]
    return {s.code: tuple(i.code for i in s.checklist) for s in steps}


def test_engagement_opens_in_step_one_of_an_assigned_request() -> None:
    opened = engagement()
    assert (opened.step, opened.consultant, opened.deal_id) == (1, CONSULTANT, "d1")
    assert opened.technical_win is TechnicalWin.OPEN and opened.is_open
    assert [(h.step, h.by) for h in opened.history] == [(1, LEAD)]
    with pytest.raises(PresalesRefused) as caught:
        open_engagement(request(S.ACCEPTED), by=LEAD, now=NOW)
    assert problem_codes(caught) == ["state.not_assigned"]


def test_forward_with_everything_ticked_needs_nothing() -> None:
    done = engagement(checklist=ticked_all(1))
    later = NOW + timedelta(days=1)
    moved = move_engagement(done, 2, PLAYBOOK, by=CONSULTANT, now=later)
    assert moved.step == 2
    assert moved.history[-1].step == 2 and moved.history[-1].overridden == ()
    assert moved.history[-1].entered_at == later


def test_forward_past_unticked_activities_needs_confirmation_and_reason() -> None:
    half = engagement(checklist={"qualify": ("qualify.read_request",)})
    with pytest.raises(PresalesRefused) as caught:
        move_engagement(half, "research", PLAYBOOK, by=CONSULTANT, now=NOW)
    assert problem_codes(caught) == ["gate.items_missing", "reason.required"]
    assert "4 required activities are not done" in str(caught.value)
    assert "明确支持范围与涉及模块 (Confirm the scope and the modules)" in str(caught.value)
    with pytest.raises(PresalesRefused) as caught:
        move_engagement(half, 2, PLAYBOOK, by=CONSULTANT, now=NOW, confirm_override=True)
    assert problem_codes(caught) == ["reason.required"]
    moved = move_engagement(
        half,
        2,
        PLAYBOOK,
        by=CONSULTANT,
        now=NOW,
        confirm_override=True,
        reason="客户催得紧，先做调研",
    )
    entry = moved.history[-1]
    assert entry.reason == "客户催得紧，先做调研"
    assert entry.overridden == (
        "qualify.scope",
        "qualify.deal_status",
        "qualify.resources",
        "qualify.kickoff",
    )


def test_skipping_steps_counts_the_steps_passed_over_but_not_optional_ones() -> None:
    start = engagement(checklist=ticked_all(1, 2))
    check = check_step_move(start, "demo", PLAYBOOK)
    assert check.forward and check.needs_reason
    assert {i.code.split(".")[0] for i in check.missing} == {"survey", "design"}
    # research.references is optional: not missing even when unticked
    research_only = engagement(
        2,
        checklist={
            "research": (
                "research.company",
                "research.industry",
                "research.current_systems",
                "research.competitors",
            )
        },
    )
    assert check_step_move(research_only, 3, PLAYBOOK).missing == ()


def test_back_needs_a_reason_and_goes_past_no_gate() -> None:
    at_five = engagement(5)
    with pytest.raises(PresalesRefused) as caught:
        move_engagement(at_five, 3, PLAYBOOK, by=CONSULTANT, now=NOW)
    assert problem_codes(caught) == ["reason.required"]
    assert "back from step 5 to 3" in str(caught.value)
    back = move_engagement(
        at_five, "需求调研", PLAYBOOK, by=CONSULTANT, now=NOW, reason="客户新增生产模块"
    )
    assert back.step == 3 and back.history[-1].overridden == ()


@pytest.mark.parametrize("target", [0, 9, "x", True, None, 1])
def test_impossible_steps_refused(target: object) -> None:
    with pytest.raises(PresalesRefused) as caught:
        move_engagement(
            engagement(),
            target,
            PLAYBOOK,
            by=CONSULTANT,
            now=NOW,
            reason="r",
            confirm_override=True,
        )
    assert problem_codes(caught) in (["step.unknown"], ["step.same"])


def test_too_long_reason_refused() -> None:
    with pytest.raises(PresalesRefused) as caught:
        move_engagement(engagement(3), 2, PLAYBOOK, by=CONSULTANT, now=NOW, reason="长" * 501)
    assert problem_codes(caught) == ["reason.too_long"]


def test_ticking_activities() -> None:
    e = tick_activity(engagement(), "survey.plan", True, PLAYBOOK, now=NOW)
    e = tick_activity(e, "survey.interviews", True, PLAYBOOK, now=NOW)
    assert e.checklist == {"survey": ("survey.plan", "survey.interviews")}
    e = tick_activity(e, "survey.plan", False, PLAYBOOK, now=NOW)
    e = tick_activity(e, "survey.interviews", False, PLAYBOOK, now=NOW)
    assert e.checklist == {}
    with pytest.raises(PresalesRefused) as caught:
        tick_activity(e, "target.visit", True, PLAYBOOK, now=NOW)  # a funnel activity
    assert problem_codes(caught) == ["checklist.unknown"]


def test_closing_in_the_last_step_with_the_technical_win_decided() -> None:
    with pytest.raises(PresalesRefused) as caught:
        close_engagement(engagement(7), PLAYBOOK, by=CONSULTANT, now=NOW)
    assert problem_codes(caught)[:2] == ["step.not_last", "technical_win.open"]
    last = engagement(8, checklist=ticked_all(8))
    with pytest.raises(PresalesRefused) as caught:
        close_engagement(last, PLAYBOOK, by=CONSULTANT, now=NOW)
    assert problem_codes(caught) == ["technical_win.open"]
    won = set_technical_win(last, TechnicalWin.WON, now=NOW)
    closed = close_engagement(won, PLAYBOOK, by=CONSULTANT, now=NOW)
    assert closed.closed_at == NOW and not closed.is_open
    assert closed.history == won.history
    for change in (
        lambda: move_engagement(closed, 7, PLAYBOOK, by=CONSULTANT, now=NOW, reason="r"),
        lambda: tick_activity(closed, "review.lessons", False, PLAYBOOK, now=NOW),
        lambda: set_technical_win(closed, TechnicalWin.LOST, now=NOW),
        lambda: close_engagement(closed, PLAYBOOK, by=CONSULTANT, now=NOW),
    ):
        with pytest.raises(PresalesRefused) as caught:
            change()
        assert problem_codes(caught) == ["engagement.closed"]


def test_closing_past_unticked_review_activities_is_an_override() -> None:
    lost = engagement(8, technical_win=TechnicalWin.LOST)
    with pytest.raises(PresalesRefused) as caught:
        close_engagement(lost, PLAYBOOK, by=CONSULTANT, now=NOW)
    assert problem_codes(caught) == ["gate.items_missing", "reason.required"]
    closed = close_engagement(
        lost, PLAYBOOK, by=CONSULTANT, now=NOW, confirm_override=True, reason="客户已选竞品"
    )
    assert closed.history[-1].overridden[0] == "review.feedback"
    assert (closed.history[-1].by, closed.history[-1].step) == (CONSULTANT, 8)


# --- tasks ------------------------------------------------------------------------------

START = NOW + timedelta(days=3)


def task(kind: TaskKind = TaskKind.DEMO, **changes: object) -> PresalesTask:
    base = PresalesTask(
        engagement_id="e1",
        customer_id="c1",
        kind=kind,
        title="财务与生产演示",
        starts_at=START,
        ends_at=START + timedelta(hours=3),
        our_attendees=(CONSULTANT,),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_good_new_task_passes() -> None:
    demo = task(
        modules=("finance",),
        scenarios=(DemoScenario("s1", "总账月结", "finance", "finance.close"),),
        feedback={"s1": ScenarioFeedback(5, "很满意")},
    )
    assert check_new_task(demo, NOW, modules=("finance", "production")) is demo
    survey = task(TaskKind.SURVEY, findings=(Finding("finance", "需要合并报表", "high"),))
    assert check_new_task(survey, NOW) is survey


def test_new_task_in_the_past_or_ending_before_it_starts_refused() -> None:
    with pytest.raises(PresalesRefused) as caught:
        check_new_task(task(starts_at=NOW - timedelta(minutes=1)), NOW)
    assert problem_codes(caught) == ["starts_at.past"]
    with pytest.raises(PresalesRefused) as caught:
        check_new_task(task(ends_at=START), NOW)
    assert problem_codes(caught) == ["ends_at.order"]
    with pytest.raises(PresalesRefused) as caught:
        check_new_task(task(starts_at=START.replace(tzinfo=None), title=" "), NOW)
    assert problem_codes(caught) == ["title.required", "starts_at.no_offset"]


def test_findings_need_a_module_and_scores_are_one_to_five() -> None:
    survey = task(TaskKind.SURVEY, findings=(Finding("", "要求移动审批", "urgent"),))
    with pytest.raises(PresalesRefused) as caught:
        check_new_task(survey, NOW)
    assert problem_codes(caught) == ["finding.module", "finding.priority"]
    assert str(caught.value).startswith("A finding needs a module")
    scenarios = (DemoScenario("s1", "采购"), DemoScenario("s2", "入库"))
    for score in (0, 6, True):
        demo = task(scenarios=scenarios, feedback={"s1": ScenarioFeedback(score)})  # type: ignore[arg-type]
        with pytest.raises(PresalesRefused) as caught:
            check_new_task(demo, NOW)
        assert problem_codes(caught) == ["feedback.score"]
    demo = task(
        scenarios=(*scenarios, DemoScenario("s1", "again")), feedback={"s9": ScenarioFeedback(3)}
    )
    with pytest.raises(PresalesRefused) as caught:
        check_new_task(demo, NOW)
    assert problem_codes(caught) == ["scenarios.duplicate", "feedback.scenario"]


def test_a_task_holds_only_its_own_kinds_fields() -> None:
    with pytest.raises(PresalesRefused) as caught:
        check_new_task(task(departments=("财务部",)), NOW)
    assert problem_codes(caught) == ["departments.other_kind"]
    with pytest.raises(PresalesRefused) as caught:
        check_new_task(task(TaskKind.SURVEY, environment="演示环境"), NOW, modules=("finance",))
    assert problem_codes(caught) == ["environment.other_kind"]
    with pytest.raises(PresalesRefused) as caught:
        check_new_task(task(modules=("crm",)), NOW, modules=("finance",))
    assert problem_codes(caught) == ["modules.unknown"]


def test_overlapping_demos_of_the_same_people() -> None:
    mine = task()
    overlapping = task(starts_at=START + timedelta(hours=2), ends_at=START + timedelta(hours=4))
    touching = task(starts_at=mine.ends_at, ends_at=mine.ends_at + timedelta(hours=1))
    someone_else = replace(overlapping, id="x", our_attendees=(OTHER,))
    cancelled = replace(overlapping, id="y", state=TaskState.CANCELLED)
    survey = task(TaskKind.SURVEY, starts_at=START, ends_at=START + timedelta(hours=1))
    inside = task(
        starts_at=START + timedelta(minutes=30),
        ends_at=START + timedelta(hours=1),
        our_attendees=(OTHER, CONSULTANT),
    )
    others = [mine, overlapping, touching, someone_else, cancelled, survey, inside]
    assert overlapping_demos(mine, others) == (overlapping, inside)
    assert overlapping_demos(replace(mine, state=TaskState.CANCELLED), others) == ()


# --- findings and needs ---------------------------------------------------------------


def needs_sheet() -> Worksheet:
    return Worksheet(
        template="needs_analysis",
        customer_id="c1",
        deal_id="d1",
        data={"rows": [{"need": "已有需求", "priority": "low", "confirmed": True}]},
    )


def test_finding_becomes_a_need_row_linked_both_ways() -> None:
    finding = Finding("production", "需要按工单核算实际成本", gap=GapLevel.DEAL_BREAKER)
    survey = task(TaskKind.SURVEY, findings=(finding, Finding("hr", "计件工资")))
    later = NOW + timedelta(hours=1)
    changed, sheet = finding_to_need(survey, finding.id, needs_sheet(), now=later)
    row = sheet.data["rows"][-1]
    linked = changed.finding(finding.id)
    assert linked is not None and linked.need_id == row["id"]
    assert row["finding_id"] == finding.id
    assert (row["need"], row["priority"], row["confirmed"]) == (
        "需要按工单核算实际成本",
        "high",
        False,
    )
    assert (row["module"], row["gap"]) == ("production", "deal_breaker")
    assert len(sheet.data["rows"]) == 2 and changed.updated_at == sheet.updated_at == later
    # the worksheet engine accepts the row and keeps the link keys
    assert validate_worksheet(sheet, PLAYBOOK).data["rows"][-1]["finding_id"] == finding.id
    assert finding_of_need(row, changed.findings) == linked
    assert need_of_finding(linked, sheet.data["rows"]) == row
    # a link broken on one side is no link
    assert finding_of_need(row, survey.findings) is None
    assert need_of_finding(linked, needs_sheet().data["rows"]) is None
    assert finding_of_need(sheet.data["rows"][0], changed.findings) is None
    with pytest.raises(PresalesRefused) as caught:
        finding_to_need(changed, finding.id, sheet, now=NOW)
    assert problem_codes(caught) == ["finding.linked"]


def test_finding_to_need_refusals() -> None:
    survey = task(TaskKind.SURVEY, findings=(Finding("", "无模块"),))
    with pytest.raises(PresalesRefused) as caught:
        finding_to_need(survey, survey.findings[0].id, needs_sheet(), now=NOW)
    assert problem_codes(caught) == ["finding.module"]
    with pytest.raises(PresalesRefused) as caught:
        finding_to_need(survey, "nope", needs_sheet(), now=NOW)
    assert problem_codes(caught) == ["finding.unknown"]
    pains = replace(needs_sheet(), template="customer_pains")
    with pytest.raises(PresalesRefused) as caught:
        finding_to_need(survey, survey.findings[0].id, pains, now=NOW)
    assert problem_codes(caught) == ["template.not_needs"]


def test_need_row_priority_from_the_finding_or_its_gap() -> None:
    assert need_row(Finding("hr", "x", "low", GapLevel.DEAL_BREAKER))["priority"] == "low"
    assert need_row(Finding("hr", "x", gap=GapLevel.NICE_TO_HAVE))["priority"] == "low"
    assert need_row(Finding("hr", "x"), "row-1")["id"] == "row-1"
