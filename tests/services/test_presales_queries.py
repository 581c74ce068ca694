"""The presales workbench's queries on a real desk database: engagements and
tasks with their customer's and deal's names in one query, the user's own
or the team's, by state; the overdue and upcoming demos; a week's tasks;
the team's workload; the calendar export shared with ``presales ics``."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from erpdesk.app import open_desk
from erpdesk.domain.customer import Customer, Source
from erpdesk.domain.presales import (
    RequestKind,
    RequestState,
    TaskKind,
    TaskState,
    TechnicalWin,
)
from erpdesk.playbooks import read_playbook
from erpdesk.services.presales import LEAD_KEY, Actor, PresalesService, sees_team, week_span

NOW = datetime(2026, 12, 2, 4, 0, tzinfo=UTC)  # a Wednesday
CST = timezone(timedelta(hours=8))


def act_as(desk, name: str, role: str = "presales", lead: bool = False) -> None:
    with desk.unit_of_work() as uow:
        uow.meta_set("sync.user", name)
        uow.meta_set("sync.role", role)
        uow.meta_set(LEAD_KEY, "1" if lead else "0")
        uow.commit()


@pytest.fixture
def desk(tmp_path):
    opened = open_desk(tmp_path / "desk.db", owner="li.rep")
    yield opened
    opened.close()


@pytest.fixture
def clock():
    return [NOW]


@pytest.fixture
def presales(desk, clock) -> PresalesService:
    return PresalesService(
        desk.unit_of_work, desk.feed, user="li.rep", playbook=read_playbook,
        clock=lambda: clock[0],
    )  # fmt: skip


def engage(desk, presales, customer: str, deal: str | None, consultant: str):
    """A request of the customer (and a new deal), assigned to *consultant*."""
    c = desk.customers.create(Customer(name=customer, source=Source.REFERRAL))
    deal_id = desk.deals.create(c.id, deal).id if deal else ""
    act_as(desk, "li.rep", "rep")
    request = presales.ask(c.id, RequestKind.REQUIREMENTS_SURVEY, deal_id=deal_id, submit=True)
    act_as(desk, "wang.lead", lead=True)
    presales.move_request(request.id, RequestState.ACCEPTED)
    presales.move_request(request.id, RequestState.ASSIGNED, consultant=consultant)
    engagement = presales.engagement_of(request.id)
    assert engagement is not None
    return engagement


@pytest.fixture
def work(desk, presales):
    """Two engagements of zhao.pre (one without a deal), one of qian.pre."""
    mine = engage(desk, presales, "济南华信机械制造有限公司", "华信ERP一期", "zhao.pre")
    bare = engage(desk, presales, "青岛海达物流有限公司", None, "zhao.pre")
    other = engage(desk, presales, "烟台东方电子有限公司", "东方MES", "qian.pre")
    act_as(desk, "zhao.pre")
    return mine, bare, other


def task(presales, engagement, kind, start, hours=2, **fields):
    return presales.add_task(
        engagement.id, kind, f"{kind.value} {start:%m-%d %H}", start,
        start + timedelta(hours=hours), **fields,
    ).task  # fmt: skip


def test_engagement_lines_carry_names_kind_and_are_the_users_or_the_teams(desk, presales, work):
    mine, bare, other = work
    lines = {line.id: line for line in presales.engagement_lines()}
    assert set(lines) == {mine.id, bare.id}
    line = lines[mine.id]
    assert (line.customer, line.deal, line.kind, line.step, line.technical_win) == (
        "济南华信机械制造有限公司", "华信ERP一期", RequestKind.REQUIREMENTS_SURVEY, 1,
        TechnicalWin.OPEN)
    assert (lines[bare.id].deal, lines[bare.id].deal_id) == ("", "")
    assert line.is_open and line.consultant == "zhao.pre"
    team = {line.id for line in presales.engagement_lines(mine=False)}
    assert team == {mine.id, bare.id, other.id}


def test_task_lines_are_the_tasks_the_user_attends_by_state_and_time(desk, presales, work, clock):
    mine, bare, other = work
    later = datetime(2026, 12, 10, 9, 0, tzinfo=CST)
    first = task(presales, mine, TaskKind.DEMO, later)
    second = task(presales, bare, TaskKind.SURVEY, later - timedelta(days=1))
    act_as(desk, "qian.pre")
    theirs = task(presales, other, TaskKind.DEMO, later)
    helped = task(presales, other, TaskKind.SURVEY, later + timedelta(days=1),
                  our_attendees=("zhao.pre",))  # fmt: skip
    near = task(presales, other, TaskKind.SURVEY, later + timedelta(days=2),
                our_attendees=("zhao.pre2", "zhao"))  # fmt: skip
    act_as(desk, "zhao.pre")
    presales.cancel_task(second.id)
    lines = presales.task_lines(states=[TaskState.PLANNED])
    assert [t.id for t in lines] == [first.id, helped.id]  # by time; not near's look-alikes
    assert lines[0].customer == "济南华信机械制造有限公司" and lines[0].deal == "华信ERP一期"
    assert lines[1].customer == "烟台东方电子有限公司"
    assert [t.id for t in presales.task_lines(states=[TaskState.CANCELLED])] == [second.id]
    everyone = presales.task_lines(mine=False)
    assert {t.id for t in everyone} == {first.id, second.id, theirs.id, helped.id, near.id}


def test_the_workbench_counts_and_finds_overdue_and_upcoming_demos(desk, presales, work, clock):
    mine, bare, _ = work
    soon = NOW + timedelta(days=1)
    ended = task(presales, mine, TaskKind.DEMO, soon)
    upcoming = task(presales, mine, TaskKind.DEMO, soon + timedelta(days=3))
    far = task(presales, bare, TaskKind.DEMO, soon + timedelta(days=20))
    survey = task(presales, bare, TaskKind.SURVEY, soon + timedelta(hours=3))
    done = task(presales, bare, TaskKind.DEMO, soon + timedelta(days=2))
    clock[0] = soon + timedelta(hours=2, minutes=30)  # the first demo has ended
    presales.complete_task(done.id, "顺利")
    bench = presales.workbench()
    assert bench.actor == Actor("zhao.pre", "presales", False)
    assert bench.open_engagements() == 2
    assert {t.id for t in bench.tasks} == {ended.id, upcoming.id, far.id, survey.id}
    assert bench.planned_tasks() == 4
    assert [t.id for t in bench.overdue_demos()] == [ended.id]  # not the survey
    assert [t.id for t in bench.upcoming_demos()] == [upcoming.id]
    everything = presales.workbench(states=None)
    assert done.id in {t.id for t in everything.tasks}


def test_a_weeks_tasks_are_monday_to_sunday_without_the_cancelled(desk, presales, work):
    mine, _, _ = work
    start, end = week_span(date(2026, 12, 9))
    assert (start.date(), end.date(), start.weekday()) == (date(2026, 12, 7), date(2026, 12, 14), 0)
    monday = task(presales, mine, TaskKind.DEMO, start + timedelta(hours=9))
    sunday = task(presales, mine, TaskKind.SURVEY, end - timedelta(hours=3))
    cancelled = task(presales, mine, TaskKind.DEMO, start + timedelta(days=2, hours=9))
    task(presales, mine, TaskKind.DEMO, end + timedelta(hours=9))  # next week
    presales.cancel_task(cancelled.id)
    week = presales.week_lines(date(2026, 12, 13))
    assert [t.id for t in week] == [monday.id, sunday.id]
    assert presales.week_lines(date(2026, 12, 13), mine=False) == week


def test_the_team_workload_per_consultant(desk, presales, work, clock):
    mine, bare, other = work
    this_week = datetime(2026, 12, 3, 9, 0, tzinfo=CST)  # Thursday
    next_week = datetime(2026, 12, 8, 9, 0, tzinfo=CST)
    task(presales, mine, TaskKind.DEMO, this_week)
    task(presales, bare, TaskKind.SURVEY, this_week + timedelta(days=1))
    task(presales, mine, TaskKind.DEMO, next_week, our_attendees=("qian.pre",))
    task(presales, mine, TaskKind.DEMO, next_week + timedelta(days=14))  # beyond
    act_as(desk, "zhao.pre")
    presales.set_technical_win(mine.id, TechnicalWin.WON)
    act_as(desk, "qian.pre")
    presales.set_technical_win(other.id, TechnicalWin.LOST)
    loads = {load.consultant: load for load in presales.team_workload(date(2026, 12, 2))}
    zhao, qian = loads["zhao.pre"], loads["qian.pre"]
    assert (zhao.open_engagements, zhao.this_week, zhao.next_week, zhao.demos_this_week) == (
        2, 2, 1, 1)
    assert (zhao.won, zhao.lost, zhao.undecided, zhao.load) == (1, 0, 1, 3)
    assert (qian.open_engagements, qian.this_week, qian.next_week, qian.demos_this_week) == (
        1, 0, 1, 0)
    assert (qian.won, qian.lost, qian.undecided) == (0, 1, 0)


def test_who_sees_the_team():
    assert sees_team(Actor("wang.lead", "presales", True))
    assert sees_team(Actor("liu.mgr", "manager"))
    assert not sees_team(Actor("zhao.pre", "presales"))
    assert not sees_team(Actor("li.rep"))


def test_the_calendar_holds_the_users_next_days_with_names(desk, presales, work, tmp_path):
    mine, bare, other = work
    demo = task(presales, mine, TaskKind.DEMO, datetime(2026, 12, 4, 9, 0, tzinfo=CST),
                place="客户会议室", modules=("finance",))  # fmt: skip
    survey = task(presales, bare, TaskKind.SURVEY, datetime(2026, 12, 5, 9, 0, tzinfo=CST),
                  online=True)  # fmt: skip
    task(presales, mine, TaskKind.DEMO, datetime(2027, 1, 20, 9, 0, tzinfo=CST))  # too late
    act_as(desk, "qian.pre")
    task(presales, other, TaskKind.DEMO, datetime(2026, 12, 4, 9, 0, tzinfo=CST))  # not mine
    act_as(desk, "zhao.pre")
    path = tmp_path / "mine.ics"
    count = presales.write_calendar(
        path, first=date(2026, 12, 2), days=30, translate=lambda _c, t: t, language="en"
    )
    assert count == 2
    calendar = Calendar.from_ical(path.read_bytes())
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {f"presales-task-{demo.id}@erpdesk.invalid",
                           f"presales-task-{survey.id}@erpdesk.invalid"}  # fmt: skip
    first = events[f"presales-task-{demo.id}@erpdesk.invalid"]
    assert str(first["summary"]) == f"Demo: {demo.title} (济南华信机械制造有限公司, 华信ERP一期)"
    assert str(first["location"]) == "客户会议室"
    assert "Modules: finance" in str(first["description"])
    assert first.decoded("dtstart") == demo.starts_at
    second = events[f"presales-task-{survey.id}@erpdesk.invalid"]
    assert str(second["summary"]) == f"Requirements survey: {survey.title} (青岛海达物流有限公司)"
    assert str(second["location"]) == "Online"
    assert str(calendar["x-wr-calname"]) == "Presales of zhao.pre"
