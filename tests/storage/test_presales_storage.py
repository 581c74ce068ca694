"""Presales records on a real desk database: each round-trips through its
table, and every change writes its outbox op in the same transaction, with
the registry's field names and values as ``payload_value`` writes them."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from erpdesk.app import open_desk
from erpdesk.domain.customer import Customer, Source
from erpdesk.domain.errors import NotFound
from erpdesk.domain.presales import (
    Attendee,
    DemoScenario,
    Engagement,
    Finding,
    FollowUp,
    GapLevel,
    Interview,
    PresalesTask,
    RequestKind,
    RequestState,
    ScenarioFeedback,
    StepEntry,
    SupportRequest,
    TaskKind,
    TechnicalWin,
)
from erpdesk.registry.sync.entities import ENTITIES as REGISTRY_ENTITIES
from erpdesk.sync.apply import pulled_row

NOW = datetime(2026, 12, 1, 4, 0, tzinfo=UTC)
CST = timezone(timedelta(hours=8))


@pytest.fixture
def desk(tmp_path):
    opened = open_desk(tmp_path / "desk.db", owner="li.rep")
    yield opened
    opened.close()


def ops(desk) -> list[tuple[str, str, str, dict]]:
    return [
        (r["entity"], r["entity_id"], r["op"], json.loads(r["fields"]))
        for r in desk.db.reader.execute("SELECT * FROM outbox ORDER BY seq")
    ]


def records(desk):
    c = desk.customers.create(Customer(name="济南华信机械制造有限公司", source=Source.REFERRAL))
    request = SupportRequest(
        customer_id=c.id, kind=RequestKind.DEMO, requested_by="li.rep", team="east",
        wanted_from=date(2026, 12, 10), wanted_until=date(2026, 12, 20),
        modules=("finance", "production"), attendees=(Attendee("王总", "总经理"),),
        customer_cares="月结速度", state=RequestState.ASSIGNED, consultant="zhao.pre",
        submitted_at=NOW, decided_at=NOW, created_at=NOW, updated_at=NOW,
    )  # fmt: skip
    engagement = Engagement(
        request_id=request.id, customer_id=c.id, consultant="zhao.pre", step=2,
        checklist={"qualify": ("qualify.scope",)},
        history=(StepEntry(1, NOW, "zhao.pre"), StepEntry(2, NOW, "zhao.pre", "急", ("a.b",))),
        technical_win=TechnicalWin.WON, opened_at=NOW, created_at=NOW, updated_at=NOW,
    )  # fmt: skip
    demo = PresalesTask(
        engagement_id=engagement.id, customer_id=c.id, kind=TaskKind.DEMO, title="财务演示",
        starts_at=datetime(2026, 12, 12, 9, tzinfo=CST),
        ends_at=datetime(2026, 12, 12, 11, tzinfo=CST), place="济南", online=True,
        our_attendees=("zhao.pre",), customer_attendees=(Attendee("刘会计", "主管"),),
        follow_ups=(FollowUp("发送报价", date(2026, 12, 15)),), modules=("finance",),
        scenarios=(DemoScenario("s1", "月结", "finance", "finance.month_end"),),
        feedback={"s1": ScenarioFeedback(4, "好")}, created_at=NOW, updated_at=NOW,
    )  # fmt: skip
    survey = PresalesTask(
        engagement_id=engagement.id, customer_id=c.id, kind=TaskKind.SURVEY, title="生产调研",
        starts_at=datetime(2026, 12, 14, 9, tzinfo=CST),
        ends_at=datetime(2026, 12, 14, 17, tzinfo=CST), departments=("生产部",),
        interviews=(Interview("生产部", ("张主任",), date(2026, 12, 14)),),
        answers={"production": {"mrp": True, "lines": 3}},
        findings=(Finding("production", "需要APS排产", "high", GapLevel.CHALLENGE),),
        created_at=NOW, updated_at=NOW,
    )  # fmt: skip
    return c, request, engagement, demo, survey


def test_records_round_trip_and_each_create_writes_one_op(desk):
    c, request, engagement, demo, survey = records(desk)
    with desk.unit_of_work() as uow:
        uow.support_requests.add(request)
        uow.engagements.add(engagement)
        uow.presales_tasks.add(demo)
        uow.presales_tasks.add(survey)
        uow.commit()
    with desk.unit_of_work() as uow:
        assert uow.support_requests.get(request.id) == request
        assert uow.engagements.get(engagement.id) == engagement
        got = uow.presales_tasks.get(demo.id)
        assert got == replace(demo, starts_at=got.starts_at, ends_at=got.ends_at)
        assert got.starts_at == demo.starts_at and got.starts_at.utcoffset() == timedelta(0)
        assert uow.presales_tasks.get(survey.id).findings == survey.findings
        assert uow.engagements.of_request(request.id) == engagement
        assert [t.id for t in uow.presales_tasks.of_engagement(engagement.id)] == [
            demo.id, survey.id]
        assert uow.support_requests.of_deal("none") == []
        with pytest.raises(NotFound):
            uow.presales_tasks.get("nope")
    found = [o for o in ops(desk) if o[0] != "customer"]
    assert [(e, op) for e, _, op, _ in found] == [
        ("support_request", "create"), ("presales_engagement", "create"),
        ("presales_task", "create"), ("presales_task", "create"),
    ]
    req_fields = found[0][3]
    assert req_fields["deal_id"] is None and req_fields["customer_id"] == c.id
    assert req_fields["attendees"] == [{"name": "王总", "title": "总经理"}]
    assert req_fields["wanted_from"] == "2026-12-10" and req_fields["state"] == "assigned"
    assert "requested_by" not in req_fields and "team" not in req_fields
    eng_fields = found[1][3]
    assert eng_fields["history"][1] == {
        "step": 2, "entered_at": "2026-12-01T04:00:00.000000+00:00", "by": "zhao.pre",
        "reason": "急", "overridden": ["a.b"]}
    assert eng_fields["checklist"] == {"qualify": ["qualify.scope"]}
    demo_fields = found[2][3]
    assert demo_fields["starts_at"] == "2026-12-12T01:00:00.000000+00:00"
    assert demo_fields["feedback"] == {"s1": {"score": 4, "comment": "好"}}
    # every field an op carries is one the registry accepts for the type
    for entity, _, _, fields in found:
        kind = REGISTRY_ENTITIES[entity]
        assert set(fields) <= set(kind.fields) | set(kind.parents), entity


def test_update_writes_the_changed_fields_with_the_base_version_and_delete_a_tombstone(desk):
    _, request, engagement, demo, _ = records(desk)
    with desk.unit_of_work() as uow:
        uow.support_requests.add(replace(request, server_version=3), record_op=False)
        uow.engagements.add(replace(engagement, server_version=5), record_op=False)
        uow.presales_tasks.add(replace(demo, server_version=7), record_op=False)
        uow.commit()
    before = len(ops(desk))
    with desk.unit_of_work() as uow:
        r = uow.support_requests.get(request.id)
        assert uow.support_requests.update(r, r) is r  # nothing changed: no op
        uow.support_requests.update(r, replace(r, notes="带演示环境", modules=("finance",)))
        e = uow.engagements.get(engagement.id)
        uow.engagements.update(e, replace(e, step=3, checklist={}))
        t = uow.presales_tasks.get(demo.id)
        uow.presales_tasks.delete(t)
        uow.rollback()  # nothing half-saved: the ops go with the rows
    assert len(ops(desk)) == before
    with desk.unit_of_work() as uow:
        r = uow.support_requests.get(request.id)
        uow.support_requests.update(r, replace(r, notes="带演示环境", modules=("finance",)))
        e = uow.engagements.get(engagement.id)
        uow.engagements.update(e, replace(e, step=3, checklist={}))
        uow.presales_tasks.delete(uow.presales_tasks.get(demo.id))
        uow.commit()
    assert [(e, op, f) for e, _, op, f in ops(desk)[before:]] == [
        ("support_request", "update", {"notes": "带演示环境", "modules": ["finance"]}),
        ("presales_engagement", "update", {"step": 3, "checklist": {}}),
        ("presales_task", "delete", {}),
    ]
    versions = [r["base_version"] for r in desk.db.reader.execute(
        "SELECT base_version FROM outbox ORDER BY seq")][before:]
    assert versions == [3, 5, 7]
    with desk.unit_of_work() as uow:
        assert uow.support_requests.get(request.id).notes == "带演示环境"
        assert uow.engagements.get(engagement.id).checklist == {}
        with pytest.raises(NotFound):
            uow.presales_tasks.get(demo.id)
        assert uow.presales_tasks.find(demo.id).deleted


def test_a_pulled_change_reads_back_as_the_desk_wrote_it(desk):
    """The desk's sync table converts a pulled request as the registry sends
    it (times and JSON) into the columns the repository reads."""
    _, request, _, _, _ = records(desk)
    with desk.unit_of_work() as uow:
        uow.support_requests.add(request)
        uow.commit()
    (_, _, _, wire) = next(o for o in ops(desk) if o[0] == "support_request")
    row = pulled_row({"entity": "support_request", "id": request.id, "version": 9,
                      "fields": {**wire, "requested_by": "li.rep", "team": "east"}})
    stored = desk.db.reader.execute(
        "SELECT modules, attendees, submitted_at, requested_by FROM support_request").fetchone()
    columns = ("modules", "attendees", "submitted_at", "requested_by")
    assert [row.values[c] for c in columns] == list(stored)
