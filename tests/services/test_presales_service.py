"""The presales use cases on a real desk database: a rep asks, the lead
accepts and assigns (the engagement opens), the consultant steps through
the gates and plans demos and surveys; refusals write nothing; a finding
becomes a need of the deal linked both ways in one transaction; queries."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from erpdesk.app import open_desk
from erpdesk.domain.customer import Customer, Source
from erpdesk.domain.errors import NotFound, ValidationError
from erpdesk.domain.presales import (
    DemoScenario,
    Finding,
    GapLevel,
    RequestKind,
    RequestState,
    ScenarioFeedback,
    TaskKind,
    TaskState,
    TechnicalWin,
)
from erpdesk.domain.presales_rules import PresalesRefused, finding_of_need, need_of_finding
from erpdesk.playbooks import read_playbook
from erpdesk.services.presales import LEAD_KEY, PresalesService

NOW = datetime(2026, 12, 1, 4, 0, tzinfo=UTC)
CST = timezone(timedelta(hours=8))


@pytest.fixture
def desk(tmp_path):
    opened = open_desk(tmp_path / "desk.db", owner="li.rep")
    yield opened
    opened.close()


@pytest.fixture
def presales(desk) -> PresalesService:
    return PresalesService(
        desk.unit_of_work, desk.feed, user="li.rep", playbook=read_playbook, clock=lambda: NOW
    )


def act_as(desk, name: str, role: str = "rep", lead: bool = False) -> None:
    with desk.unit_of_work() as uow:
        uow.meta_set("sync.user", name)
        uow.meta_set("sync.role", role)
        uow.meta_set(LEAD_KEY, "1" if lead else "0")
        uow.commit()


def ops(desk) -> list[tuple[str, str, dict]]:
    return [
        (r["entity"], r["op"], json.loads(r["fields"]))
        for r in desk.db.reader.execute("SELECT * FROM outbox ORDER BY seq")
    ]


def count(desk, table: str) -> int:
    return desk.db.reader.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.fixture
def deal(desk):
    c = desk.customers.create(Customer(name="济南华信机械制造有限公司", source=Source.REFERRAL))
    return desk.deals.create(c.id, "华信ERP一期")


def assigned(desk, presales, deal):
    """A submitted request of the deal, accepted and assigned by the lead."""
    request = presales.ask(deal.customer_id, RequestKind.DEMO, deal_id=deal.id, submit=True,
                           modules=("finance",), wanted_from=date(2026, 12, 5))  # fmt: skip
    act_as(desk, "wang.lead", "presales", lead=True)
    presales.move_request(request.id, RequestState.ACCEPTED)
    presales.move_request(request.id, RequestState.ASSIGNED, consultant="zhao.pre")
    act_as(desk, "zhao.pre", "presales")
    return presales.request(request.id)


def demo_at(presales, engagement_id, start, hours=2, **fields):
    return presales.add_task(engagement_id, TaskKind.DEMO, "财务演示", start,
                             start + timedelta(hours=hours), **fields)  # fmt: skip


def test_a_rep_asks_and_a_desk_never_signed_in_acts_as_its_owner(desk, presales, deal):
    changes = []
    desk.feed.subscribe(changes.append)
    draft = presales.ask("", RequestKind.REQUIREMENTS_SURVEY, deal_id=deal.id,
                         modules=("production",), customer_cares="排产")  # fmt: skip
    assert (draft.state, draft.requested_by, draft.customer_id) == (
        RequestState.DRAFT, "li.rep", deal.customer_id)
    assert presales.allowed_moves(draft.id) == (RequestState.SUBMITTED, RequestState.CANCELLED)
    edited = presales.edit_request(draft.id, notes="两天")
    sent = presales.move_request(draft.id, RequestState.SUBMITTED)
    assert sent.submitted_at == NOW and edited.notes == "两天"
    assert [(e, o) for e, o, _ in ops(desk)[-3:]] == [
        ("support_request", "create"), ("support_request", "update"),
        ("support_request", "update")]
    assert ops(desk)[-1][2] == {"state": "submitted",
                                "submitted_at": "2026-12-01T04:00:00.000000+00:00"}
    assert changes[-1].entity == "presales" and changes[-1].ids == (draft.id,)
    assert presales.deal_status(deal.id).state is RequestState.SUBMITTED


def test_refusals_write_nothing(desk, presales, deal):
    before = len(ops(desk))
    with pytest.raises(PresalesRefused) as refused:
        presales.ask(deal.customer_id, RequestKind.DEMO, modules=("nonsense",),
                     wanted_from=date(2026, 12, 9), wanted_until=date(2026, 12, 1))  # fmt: skip
    assert {p.field for p in refused.value.problems} == {"modules", "wanted_until"}
    with pytest.raises(NotFound):
        presales.ask("no-such-customer", RequestKind.DEMO)
    request = presales.ask(deal.customer_id, RequestKind.DEMO, deal_id=deal.id)
    before = len(ops(desk))
    with pytest.raises(ValidationError) as refused:  # the deal is fixed at creation
        presales.edit_request(request.id, deal_id="other")
    assert refused.value.problems[0].field == "deal_id"
    with pytest.raises(PresalesRefused) as refused:  # a rep cannot accept
        presales.move_request(request.id, RequestState.ACCEPTED)
    presales.move_request(request.id, RequestState.SUBMITTED)
    with pytest.raises(PresalesRefused) as refused:
        presales.move_request(request.id, RequestState.ACCEPTED)
    assert refused.value.problems[0].code == "state.not_lead"
    act_as(desk, "wang.lead", "presales", lead=True)
    with pytest.raises(PresalesRefused) as refused:
        presales.move_request(request.id, RequestState.DECLINED)
    assert refused.value.problems[0].code == "reason.required"
    with pytest.raises(ValidationError):  # the lead does not edit the rep's request
        presales.edit_request(request.id, notes="x")
    assert len(ops(desk)) == before + 1  # only the submission
    assert presales.request(request.id).state is RequestState.SUBMITTED


def test_the_lead_assigns_and_the_engagement_opens_then_moves_through_the_gates(
    desk, presales, deal
):
    request = assigned(desk, presales, deal)
    assert (request.state, request.consultant) == (RequestState.ASSIGNED, "zhao.pre")
    engagement = presales.engagement_of(request.id)
    assert (engagement.consultant, engagement.step, engagement.deal_id) == (
        "zhao.pre", 1, deal.id)
    assert engagement.history[0].by == "wang.lead"
    presales.move_request(request.id, RequestState.IN_PROGRESS)
    # forward past unticked activities: confirm and reason, both recorded
    check = presales.check_step(engagement.id, 2)
    assert check.needs_override and check.needs_reason
    with pytest.raises(PresalesRefused):
        presales.move_step(engagement.id, 2)
    before = len(ops(desk))
    moved = presales.move_step(engagement.id, "research", reason="客户急", confirm_override=True)
    assert moved.step == 2 and moved.history[-1].reason == "客户急"
    assert moved.history[-1].overridden and ops(desk)[before][0] == "presales_engagement"
    ticked = presales.tick(engagement.id, "qualify.scope")
    assert ticked.ticked("qualify") == ("qualify.scope",)
    with pytest.raises(PresalesRefused):  # back needs a reason
        presales.move_step(engagement.id, 1)
    presales.set_technical_win(engagement.id, TechnicalWin.WON)
    presales.move_step(engagement.id, 8, reason="跳过", confirm_override=True)
    closed = presales.close_engagement(engagement.id, reason="完成", confirm_override=True)
    assert closed.closed_at == NOW and presales.my_engagements() == []
    assert presales.my_engagements(open_only=False) == [closed]
    status = presales.deal_status(deal.id)
    assert (status.state, status.step, status.technical_win) == (
        RequestState.IN_PROGRESS, 8, TechnicalWin.WON)
    with pytest.raises(PresalesRefused):  # closed: not changed any more
        presales.tick(engagement.id, "qualify.kickoff")


def test_a_reassignment_hands_the_engagement_over_and_a_pulled_one_is_opened(
    desk, presales, deal
):
    request = presales.ask(deal.customer_id, RequestKind.DEMO, deal_id=deal.id, submit=True)
    act_as(desk, "wang.lead", "presales", lead=True)
    presales.move_request(request.id, RequestState.ACCEPTED)
    presales.move_request(request.id, RequestState.ASSIGNED, consultant="zhao.pre",
                          open_engagement=False)  # fmt: skip
    assert presales.engagement_of(request.id) is None
    act_as(desk, "zhao.pre", "presales")  # the assignment arrived by pull
    (opened,) = presales.open_engagements()
    assert opened.request_id == request.id and presales.open_engagements() == []
    act_as(desk, "wang.lead", "presales", lead=True)
    presales.move_request(request.id, RequestState.ASSIGNED, consultant="sun.pre")
    assert presales.engagement_of(request.id).consultant == "sun.pre"
    assert ops(desk)[-1][1:] == ("update", {"consultant": "sun.pre"})


def test_tasks_checked_overlap_warned_feedback_and_cancel(desk, presales, deal):
    engagement = presales.engagement_of(assigned(desk, presales, deal).id)
    start = datetime(2026, 12, 3, 9, tzinfo=CST)
    with pytest.raises(PresalesRefused) as refused:
        demo_at(presales, engagement.id, datetime(2026, 11, 30, 9, tzinfo=CST))
    assert refused.value.problems[0].code == "starts_at.past"
    with pytest.raises(PresalesRefused):  # a survey's field on a demo
        demo_at(presales, engagement.id, start, departments=("财务部",))
    assert count(desk, "presales_task") == 0
    first = demo_at(presales, engagement.id, start,
                    scenarios=(DemoScenario("s1", "月结", "finance"),))  # fmt: skip
    assert first.overlapping == () and first.task.our_attendees == ("zhao.pre",)
    touching = demo_at(presales, engagement.id, start + timedelta(hours=2))
    assert touching.overlapping == ()
    second = demo_at(presales, engagement.id, start + timedelta(hours=1))
    assert {t.id for t in second.overlapping} == {first.task.id, touching.task.id}
    assert presales.task(second.task.id).title == "财务演示"  # saved all the same
    with pytest.raises(PresalesRefused):
        presales.record_feedback(first.task.id, {"s1": ScenarioFeedback(6)})
    with pytest.raises(PresalesRefused):
        presales.record_feedback(first.task.id, {"s9": ScenarioFeedback(3)})
    done = presales.record_feedback(first.task.id, {"s1": ScenarioFeedback(5, "很好")},
                                    outcome="客户满意")  # fmt: skip
    assert done.feedback["s1"].score == 5 and done.outcome == "客户满意"
    cancelled = presales.cancel_task(touching.task.id)
    assert cancelled.state is TaskState.CANCELLED
    with pytest.raises(ValidationError):
        presales.edit_task(touching.task.id, title="又来")
    assert ops(desk)[-1][2] == {"state": "cancelled"}


def test_a_finding_becomes_a_need_of_the_deal_linked_both_ways_in_one_transaction(
    desk, presales, deal
):
    engagement = presales.engagement_of(assigned(desk, presales, deal).id)
    start = datetime(2026, 12, 3, 9, tzinfo=CST)
    survey = presales.add_task(engagement.id, TaskKind.SURVEY, "生产调研", start,
                               start + timedelta(hours=6)).task  # fmt: skip
    with pytest.raises(PresalesRefused):  # a finding needs a module
        presales.record_survey(survey.id, findings=[Finding("", "需要APS")])
    finding = Finding("production", "需要APS排产", gap=GapLevel.DEAL_BREAKER)
    presales.record_survey(survey.id, answers={"production": {"x": 1}}, findings=[finding])
    before = len(ops(desk))
    task, sheet = presales.finding_to_need(survey.id, finding.id)
    row = sheet.data["rows"][-1]
    assert row["need"] == "需要APS排产" and row["priority"] == "high"
    assert finding_of_need(row, task.findings).id == finding.id
    assert need_of_finding(task.finding(finding.id), sheet.data["rows"]) == row
    stored = desk.deals.worksheets(deal_id=deal.id)
    assert [s.id for s in stored] == [sheet.id] and stored[0].data["rows"][-1] == row
    assert presales.task(survey.id).finding(finding.id).need_id == row["id"]
    assert [(e, o) for e, o, _ in ops(desk)[before:]] == [
        ("worksheet", "create"), ("presales_task", "update")]
    # again: refused, and nothing half-saved
    with pytest.raises(PresalesRefused):
        presales.finding_to_need(survey.id, finding.id)
    with pytest.raises(ValidationError):  # a linked finding stays
        presales.record_survey(survey.id, findings=[])
    assert len(ops(desk)) == before + 2


def test_a_failing_worksheet_save_leaves_the_finding_unlinked(desk, presales, deal, monkeypatch):
    engagement = presales.engagement_of(assigned(desk, presales, deal).id)
    start = datetime(2026, 12, 3, 9, tzinfo=CST)
    survey = presales.add_task(engagement.id, TaskKind.SURVEY, "调研", start,
                               start + timedelta(hours=2)).task  # fmt: skip
    finding = Finding("finance", "多组织合并")
    presales.record_survey(survey.id, findings=[finding])
    before = len(ops(desk))
    from erpdesk.storage.presales_repositories import PresalesTaskRepository

    def broken(self, before, after):
        raise ValidationError([])

    monkeypatch.setattr(PresalesTaskRepository, "update", broken)
    with pytest.raises(ValidationError):
        presales.finding_to_need(survey.id, finding.id)
    monkeypatch.undo()
    assert desk.deals.worksheets(deal_id=deal.id) == []
    assert presales.task(survey.id).finding(finding.id).need_id == ""
    assert len(ops(desk)) == before


def test_queries_week_demos_workload(desk, presales, deal):
    engagement = presales.engagement_of(assigned(desk, presales, deal).id)
    monday = datetime(2026, 12, 7, 9, tzinfo=CST)
    soon = demo_at(presales, engagement.id, datetime(2026, 12, 2, 9, tzinfo=CST)).task
    later = demo_at(presales, engagement.id, monday + timedelta(days=2)).task
    survey = presales.add_task(engagement.id, TaskKind.SURVEY, "调研", monday,
                               monday + timedelta(hours=3)).task  # fmt: skip
    assert [t.id for t in presales.week_tasks(date(2026, 12, 9))] == [survey.id, later.id]
    assert presales.week_tasks(date(2026, 12, 9), mine=False) == presales.week_tasks(
        date(2026, 12, 9))
    act_as(desk, "li.rep")
    assert presales.week_tasks(date(2026, 12, 9)) == [] and presales.my_tasks() == []
    act_as(desk, "zhao.pre", "presales")
    assert [t.id for t in presales.my_tasks()] == [soon.id, survey.id, later.id]
    agenda = presales.demos(days=7)
    assert [t.id for t in agenda.upcoming] == [soon.id] and agenda.overdue == ()
    late = PresalesService(desk.unit_of_work, desk.feed, playbook=read_playbook,
                           clock=lambda: NOW + timedelta(days=2))  # fmt: skip
    agenda = late.demos(days=7)
    assert [t.id for t in agenda.overdue] == [soon.id]
    assert [t.id for t in agenda.upcoming] == [later.id]
    (load,) = presales.workload()
    assert (load.consultant, load.open_engagements, load.planned_tasks) == ("zhao.pre", 1, 3)
    assert presales.deal_status("no-deal") is None


def test_engagement_notes_are_kept_through_the_outbox_until_it_closes(desk, presales, deal):
    engagement = presales.engagement_of(assigned(desk, presales, deal).id)
    before = len(ops(desk))
    saved = presales.set_notes(engagement.id, "  客户IT负责人偏好云部署  ")
    assert saved.notes == "客户IT负责人偏好云部署"
    entity, op, fields = ops(desk)[before]
    assert (entity, op, fields["notes"]) == ("presales_engagement", "update",
                                             "客户IT负责人偏好云部署")  # fmt: skip
    with pytest.raises(PresalesRefused):
        presales.set_notes(engagement.id, "长" * 10_001)
    assert presales.engagement(engagement.id).notes == "客户IT负责人偏好云部署"
