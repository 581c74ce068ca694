"""Demo presales on a real database: about a third of the open deals in
stage 3 or later get a support request in a mix of states, with an
engagement at a fitting step and demos and surveys that pass the presales
rules; findings made needs are linked both ways; no consultant is at two
tasks at once; deterministic for a seed; never synced."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest

from erpdesk.app import open_desk
from erpdesk.domain.deal import DealStatus
from erpdesk.domain.presales import GapLevel, RequestState, TaskKind, TaskState, TechnicalWin
from erpdesk.domain.presales_rules import (
    NEEDS_TEMPLATE,
    ROW_FINDING,
    finding_of_need,
    missing_activities,
    need_of_finding,
    overlapping_demos,
    request_problems,
    task_problems,
)
from erpdesk.domain.questionnaire import answer_problems
from erpdesk.knowledge import read_knowledge
from erpdesk.playbooks import read_playbook
from erpdesk.questionnaires import read_questionnaires
from erpdesk.services.demo import generate_demo
from erpdesk.services.demo_presales import CONSULTANTS, FROM_STAGE, consultants

NOW = datetime(2026, 6, 1, 4, 0, tzinfo=UTC)
ALL_REQUESTS = tuple(RequestState)
ALL_TASKS = tuple(TaskState)


def dump(desk):
    with desk.unit_of_work() as uow:
        requests = uow.support_requests.in_states(ALL_REQUESTS)
        engagements = uow.engagements.of_consultant()
        tasks = uow.presales_tasks.in_states(ALL_TASKS)
        deals = {r.deal_id: uow.deals.get(r.deal_id) for r in requests}
        sheets = {
            deal_id: [s for s in uow.worksheets.of(deal_id=deal_id) if s.template == NEEDS_TEMPLATE]
            for deal_id in deals
        }
    return requests, engagements, tasks, deals, sheets


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    desk = open_desk(tmp_path_factory.mktemp("presales") / "desk.db")
    try:
        result = generate_demo(
            desk.unit_of_work, customers=500, seed=5, now=NOW, deals=330, closed_deals=60
        )
        eligible = desk.db.reader.execute(
            "SELECT count(*) FROM deal WHERE status = ? AND stage >= ?",
            (DealStatus.OPEN.value, FROM_STAGE),
        ).fetchone()[0]
        outbox = desk.db.reader.execute("SELECT count(*) FROM outbox").fetchone()[0]
        yield result, dump(desk), eligible, outbox
    finally:
        desk.close()


def test_counts_and_the_state_mix(made) -> None:
    result, (requests, engagements, tasks, deals, _sheets), eligible, _outbox = made
    assert result.support_requests == len(requests)
    assert result.engagements == len(engagements)
    assert result.presales_tasks == len(tasks)
    assert 0.22 * eligible <= len(requests) <= 0.45 * eligible  # about a third
    assert {r.state for r in requests} == set(RequestState) - {RequestState.DRAFT}
    for r in requests:
        deal = deals[r.deal_id]
        assert deal.is_open and deal.stage >= FROM_STAGE
        assert r.requested_by == deal.owner and r.customer_id == deal.customer_id
        assert r.submitted_at is not None
        assert bool(r.decline_reason) == (r.state is RequestState.DECLINED)
        staffed = r.state in (RequestState.ASSIGNED, RequestState.IN_PROGRESS, RequestState.DONE)
        assert (r.consultant in CONSULTANTS) == staffed
    kinds = {t.kind: 0 for t in tasks}
    assert set(kinds) == {TaskKind.DEMO, TaskKind.SURVEY}
    assert {t.state for t in tasks} == set(TaskState)


def test_engagements_fit_their_request(made) -> None:
    _result, (requests, engagements, _tasks, _deals, _sheets), _e, _o = made
    playbook = read_playbook()
    steps = playbook.presales_steps
    by_request = {e.request_id: e for e in engagements}
    assert len(by_request) == len(engagements)
    for r in requests:
        e = by_request.get(r.id)
        if r.state not in (RequestState.ASSIGNED, RequestState.IN_PROGRESS, RequestState.DONE):
            assert e is None
            continue
        assert e is not None and e.consultant == r.consultant and e.deal_id == r.deal_id
        if r.state is RequestState.ASSIGNED:
            assert e.step in (1, 2) and e.is_open
        elif r.state is RequestState.IN_PROGRESS:
            assert 2 <= e.step <= 7 and e.is_open
        else:
            assert e.step == len(steps) and not e.is_open
            assert e.technical_win is not TechnicalWin.OPEN
        times = [h.entered_at for h in e.history]
        assert times == sorted(times) and [h.step for h in e.history][: e.step] == list(
            range(1, e.step + 1)
        )
        # every required activity of the steps passed is ticked or was overridden
        for h in e.history[1:]:
            passed = steps[h.step - 2 : h.step - 1]
            missing = {i.code for i in missing_activities(e, passed)}
            assert missing == set(h.overridden) and bool(h.reason) == bool(missing)


def test_every_record_passes_the_rules(made) -> None:
    _result, (requests, _engagements, tasks, deals, _sheets), _e, _o = made
    playbook = read_playbook()
    modules = [m.code for m in playbook.modules]
    scripts = {d.code for m in read_knowledge().modules for d in m.demos}
    questionnaires = read_questionnaires(modules=modules)
    for r in requests:
        assert request_problems(r, modules) == []
    for t in tasks:
        assert task_problems(t, modules) == []
        assert answer_problems(questionnaires, t.answers) == []
        deal = deals[t.deal_id]
        if t.state is TaskState.PLANNED:
            assert t.starts_at >= NOW and not t.feedback and not t.findings and not t.answers
        else:
            assert t.ends_at <= NOW
        if t.kind is TaskKind.DEMO:
            assert t.scenarios and all(s.script in scripts for s in t.scenarios)
            assert set(t.modules) <= set(deal.modules)
            if t.state is TaskState.DONE:
                assert set(t.feedback) == {s.code for s in t.scenarios}
        else:
            assert set(t.answers) <= set(deal.modules)
            if t.state is TaskState.DONE:
                assert t.answers and t.findings
                assert {f.module for f in t.findings} <= set(deal.modules)


def test_no_consultant_is_at_two_tasks_at_once(made) -> None:
    _result, (_requests, engagements, tasks, _deals, _sheets), _e, _o = made
    consultant = {e.id: e.consultant for e in engagements}
    demos = [t for t in tasks if t.kind is TaskKind.DEMO]
    assert any(t.state is TaskState.PLANNED for t in demos)
    for t in demos:
        assert overlapping_demos(t, demos) == ()
    by_person: dict[str, list] = {}
    for t in tasks:
        assert consultant[t.engagement_id] in t.our_attendees
        by_person.setdefault(consultant[t.engagement_id], []).append(t)
    for held in by_person.values():
        held.sort(key=lambda t: t.starts_at)
        for a, b in itertools.pairwise(held):
            assert a.ends_at <= b.starts_at


def test_findings_made_needs_are_linked_both_ways(made) -> None:
    _result, (_requests, _engagements, tasks, _deals, sheets), _e, _o = made
    findings = [(t, f) for t in tasks for f in t.findings]
    linked = [(t, f) for t, f in findings if f.need_id]
    assert linked and len(linked) < len(findings)  # some, not all
    assert {f.gap for _t, f in findings} == set(GapLevel)
    for t, f in linked:
        (sheet,) = sheets[t.deal_id]
        row = need_of_finding(f, sheet.data["rows"])
        assert row is not None and row["need"] == f.text
        assert finding_of_need(row, t.findings) == f
    every = [f for _t, f in findings]
    for deal_sheets in sheets.values():
        for sheet in deal_sheets:
            for row in sheet.data["rows"]:
                if row.get(ROW_FINDING):
                    assert finding_of_need(row, every) is not None


def test_no_outbox_ops(made) -> None:
    assert made[3] == 0


def test_the_same_seed_gives_the_same_presales(tmp_path) -> None:
    made = []
    for name in ("a.db", "b.db"):
        desk = open_desk(tmp_path / name)
        try:
            generate_demo(desk.unit_of_work, customers=200, seed=9, now=NOW, deals=150)
            requests, engagements, tasks, _deals, sheets = dump(desk)
            made.append((requests, engagements, tasks, sheets))
        finally:
            desk.close()
    assert made[0][0] and made[0][2]
    assert made[0] == made[1]


def test_a_larger_demo_has_a_larger_team() -> None:
    assert consultants(0) == CONSULTANTS
    team = consultants(40)
    assert len(team) == len(set(team)) == 40 and team[: len(CONSULTANTS)] == CONSULTANTS
    assert all(name.startswith("售前-") for name in team) and team == consultants(40)


def test_the_demo_command_counts_the_presales_records(tmp_path, capsys) -> None:
    from erpdesk.cli.main import main

    code = main(["--db", str(tmp_path / "demo.db"), "--lang", "en", "demo", "--customers", "120",
                 "--deals", "90"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    (line,) = [t for t in out.splitlines() if t.startswith("Demo presales:")]
    desk = open_desk(tmp_path / "demo.db")
    try:
        requests, engagements, tasks, _deals, _sheets = dump(desk)
    finally:
        desk.close()
    assert requests and f"{len(requests)} support requests" in line
    assert f"{len(engagements)} engagements and {len(tasks)} tasks" in line
