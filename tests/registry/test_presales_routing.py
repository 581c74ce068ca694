"""Presales on the registry (``sync.presales``, ``sync.presales_access``):
a rep's support request routed to its team's presales lead, assigned to a
consultant, its engagement and tasks; who sees them and who may move them;
the lead flag on the command line; the upgrade to schema 0012.  Pushed and
pulled through the real HTTP API, on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import uuid
from typing import Any

import pytest
from registry_support import PASSWORD, START, registry_of, sign_in
from sqlalchemy import insert, select
from test_registry_migrations import _customer, _rep_with_a_pending_op
from test_sync import customer_op, latest, new_id, op, pull_all, push
from test_synced_entities import AT, deal_op, statuses

from erpdesk.registry.accounts import add_user, update_user
from erpdesk.registry.cli import main
from erpdesk.registry.db.database import RegistryDatabase, migrate
from erpdesk.registry.db.journal import Actor
from erpdesk.registry.db.schema import (
    applied_ops,
    customers,
    sync_access,
    synced_records,
    users,
)

STAFF = {  # name: (role, team, presales lead)
    "rep.a": ("rep", "east", False), "rep.b": ("rep", "east", False),
    "rep.w": ("rep", "west", False), "lead.e": ("presales", "east", True),
    "lead.w": ("presales", "west", True), "pre.c": ("presales", "east", False),
    "pre.d": ("presales", "east", False), "boss.e": ("manager", "east", False),
    "admin": ("admin", "", False),
}


@pytest.fixture
def people(client):
    registry = registry_of(client)
    for name, (role, team, lead) in STAFF.items():
        add_user(registry.db, registry.passwords, registry.config.clock(), Actor(None, "test"),
                 name, PASSWORD, role, team=team, presales_lead=lead)
    return {name: sign_in(client, name) for name in STAFF}


def request_op(rid: str, cid: str, did: str | None, **fields: Any) -> dict[str, Any]:
    values = {
        "customer_id": cid, "deal_id": did, "kind": "demo", "wanted_from": "2026-03-10",
        "wanted_until": "2026-03-20", "modules": ["finance", "supply_chain"],
        "attendees": [{"name": "刘总", "title": "CFO"}], "customer_cares": "月结速度",
        "notes": "", "state": "submitted", "submitted_at": AT,
        "requested_by": "somebody", "team": "west",  # the registry decides these two
        **fields,
    }
    return op("support_request", rid, **values)


@pytest.fixture
def work(client, people) -> dict[str, str]:
    """rep.a's customer, its deal and a submitted demo request on the deal."""
    ids = {k: new_id() for k in ("customer", "deal", "request")}
    result = push(client, people["rep.a"], [
        customer_op(ids["customer"]),
        deal_op(ids["deal"], ids["customer"]),
        request_op(ids["request"], ids["customer"], ids["deal"]),
    ])
    assert statuses(result) == ["applied"] * 3, result
    return ids


def seen(client, headers, since: int = 0) -> dict[tuple[str, str], dict[str, Any]]:
    return latest(c for c in pull_all(client, headers, since)[0] if c["visible"])


def change(client, people, who: str, entity: str, rid: str, **fields: Any) -> str:
    """*who* updates the record (from the version its desk pulled); the
    status or the reason it was refused."""
    version = seen(client, people[who]).get((entity, rid), {}).get("version")
    result = push(client, people[who], [op(entity, rid, "update", version, **fields)])
    return statuses(result)[0]


def assign(client, people, ids, consultant: str = "pre.c") -> None:
    assert change(client, people, "lead.e", "support_request", ids["request"],
                  state="accepted", decided_at=AT) == "applied"
    assert change(client, people, "lead.e", "support_request", ids["request"],
                  state="assigned", consultant=consultant) == "applied"


def engagement_and_task(client, people, ids, who: str = "pre.c") -> None:
    ids["engagement"], ids["task"] = new_id(), new_id()
    result = push(client, people[who], [
        op("presales_engagement", ids["engagement"], request_id=ids["request"],
           customer_id=ids["customer"], deal_id=ids["deal"], consultant=who, step=1,
           checklist={}, history=[], technical_win="open", opened_at=AT),
        op("presales_task", ids["task"], engagement_id=ids["engagement"], kind="demo",
           title="财务模块演示", starts_at="2026-03-12T01:00:00+00:00",
           ends_at="2026-03-12T03:00:00+00:00", online=False,
           scenarios=[{"code": "s1", "title": "月结", "module": "finance", "script": "fin-1"}]),
    ])
    assert statuses(result) == ["applied", "applied"], result


PRESALES = ("support_request", "presales_engagement", "presales_task")


def presales_keys(got: dict[tuple[str, str], Any]) -> set[tuple[str, str]]:
    return {key for key in got if key[0] in PRESALES}


def test_a_request_reaches_its_rep_its_teams_lead_and_manager_only(client, people, work):
    request = ("support_request", work["request"])
    lead = seen(client, people["lead.e"])
    # The lead gets the request with the customer row and the deal row to place it.
    assert set(lead) == {request, ("customer", work["customer"]), ("deal", work["deal"])}
    fields = lead[request]["fields"]
    assert (fields["requested_by"], fields["team"], fields["state"]) == ("rep.a", "east",
                                                                         "submitted")
    assert fields["customer_id"] == work["customer"] and fields["deal_id"] == work["deal"]
    for name in ("rep.a", "boss.e", "admin"):
        assert request in seen(client, people[name]), name
    for name in ("lead.w", "rep.b", "rep.w", "pre.c", "pre.d"):
        assert seen(client, people[name]) == {}, name


def test_the_lead_accepts_and_assigns_and_the_consultant_gets_the_work(client, people, work):
    _, cursor = pull_all(client, people["pre.c"])
    assign(client, people, work)
    # The consultant's desk gets the request and, behind its cursor, the
    # customer and deal rows it needs; read-only.
    got = seen(client, people["pre.c"], cursor)
    assert set(got) == {("support_request", work["request"]), ("customer", work["customer"]),
                        ("deal", work["deal"])}
    assert got[("support_request", work["request"])]["fields"]["consultant"] == "pre.c"
    engagement_and_task(client, people, work)
    want = {("support_request", work["request"]), ("presales_engagement", work["engagement"]),
            ("presales_task", work["task"])}
    for name in ("pre.c", "lead.e", "rep.a", "boss.e", "admin"):
        assert presales_keys(seen(client, people[name])) == want, name
    for name in ("pre.d", "lead.w", "rep.b"):
        assert seen(client, people[name]) == {}, name
    task = seen(client, people["rep.a"])[("presales_task", work["task"])]["fields"]
    assert task["engagement_id"] == work["engagement"] and task["customer_id"] == work["customer"]
    # The consultant runs it; the rep reads the work, the others do not reach it.
    assert change(client, people, "pre.c", "support_request", work["request"],
                  state="in_progress") == "applied"
    assert change(client, people, "pre.c", "presales_engagement", work["engagement"],
                  step=2) == "applied"
    assert change(client, people, "lead.e", "presales_task", work["task"],
                  place="青岛") == "applied"
    assert change(client, people, "rep.a", "presales_engagement", work["engagement"],
                  step=3) == "forbidden_for_role"
    assert change(client, people, "rep.a", "support_request", work["request"],
                  state="done") == "move_not_allowed"
    assert change(client, people, "pre.d", "presales_task", work["task"],
                  state="done") == "not_found"
    assert change(client, people, "pre.c", "deal", work["deal"], next_step="再访") == "not_found"
    assert change(client, people, "pre.c", "customer", work["customer"], phone="1") == (
        "forbidden_for_role")
    assert change(client, people, "pre.c", "support_request", work["request"],
                  state="done") == "applied"
    assert seen(client, people["rep.a"])[("support_request", work["request"])]["fields"][
        "state"] == "done"


def test_a_consultant_reassigned_away_loses_the_request_and_its_work(client, people, work):
    assign(client, people, work)
    engagement_and_task(client, people, work)
    _, cursor_c = pull_all(client, people["pre.c"])
    _, cursor_d = pull_all(client, people["pre.d"])
    assert change(client, people, "lead.e", "support_request", work["request"],
                  consultant="pre.d") == "applied"
    lost, _ = pull_all(client, people["pre.c"], cursor_c)
    assert [(c["entity"], c["id"]) for c in lost if not c["visible"]] == [
        ("support_request", work["request"]), ("customer", work["customer"])]
    assert seen(client, people["pre.c"]) == {}
    assert change(client, people, "pre.c", "presales_task", work["task"],
                  state="done") == "not_found"
    # The new consultant gets everything of it, the rows behind its cursor too.
    gained = seen(client, people["pre.d"], cursor_d)
    assert set(gained) == {
        ("support_request", work["request"]), ("presales_engagement", work["engagement"]),
        ("presales_task", work["task"]), ("customer", work["customer"]), ("deal", work["deal"]),
    }
    assert change(client, people, "pre.d", "support_request", work["request"],
                  state="in_progress") == "applied"


def test_a_consultant_on_another_request_of_the_customer_keeps_the_customer_row(
    client, people, work
):
    second = new_id()
    assert statuses(push(client, people["rep.a"], [
        request_op(second, work["customer"], None, kind="requirements_survey")
    ])) == ["applied"]
    assign(client, people, work)
    assign(client, people, {**work, "request": second})
    _, cursor = pull_all(client, people["pre.c"])
    assert change(client, people, "lead.e", "support_request", work["request"],
                  consultant="pre.d") == "applied"
    lost, _ = pull_all(client, people["pre.c"], cursor)
    assert [(c["entity"], c["id"]) for c in lost if not c["visible"]] == [
        ("support_request", work["request"]), ("deal", work["deal"])]
    assert set(seen(client, people["pre.c"])) == {
        ("support_request", second), ("customer", work["customer"])}


def test_a_consultant_taken_off_the_deals_team_keeps_its_request(client, people, work):
    team = [{"name": "pre.c", "role": "presales"}]
    assert change(client, people, "rep.a", "deal", work["deal"], team=team) == "applied"
    assign(client, people, work)
    engagement_and_task(client, people, work)
    _, cursor = pull_all(client, people["pre.c"])
    assert change(client, people, "rep.a", "deal", work["deal"], team=[]) == "applied"
    changes, _ = pull_all(client, people["pre.c"], cursor)
    # The deal goes (with what its desk held under it), then the request comes again.
    assert [(c["entity"], c["visible"]) for c in changes][:1] == [("deal", False)]
    assert presales_keys(latest(c for c in changes if c["visible"])) == {
        ("support_request", work["request"]), ("presales_engagement", work["engagement"]),
        ("presales_task", work["task"])}
    assert set(seen(client, people["pre.c"])) == {
        ("support_request", work["request"]), ("presales_engagement", work["engagement"]),
        ("presales_task", work["task"]), ("customer", work["customer"]), ("deal", work["deal"])}


def test_refused_moves_are_rejected_alone_with_their_reasons(client, people, work):
    rid = work["request"]

    def refused(who: str, *fields: dict[str, Any]) -> list[str]:
        version = seen(client, people[who]).get(("support_request", rid), {}).get("version")
        ops = [op("support_request", rid, "update", version, **f) for f in fields]
        ops.append(op("support_request", rid, "update", version, notes=f"{who} 的备注"))
        return statuses(push(client, people[who], ops))

    # The rep cannot accept its own request; its note in the same batch is kept.
    assert refused("rep.a", {"state": "accepted"}) == ["move_not_allowed", "applied"]
    # Another team's lead and another rep do not reach it; a manager reads only.
    assert change(client, people, "lead.w", "support_request", rid, state="accepted") == (
        "not_found")
    assert change(client, people, "rep.b", "support_request", rid, notes="x") == "not_found"
    assert change(client, people, "boss.e", "support_request", rid, notes="x") == (
        "forbidden_for_role")
    assert refused("lead.e", {"state": "declined"}, {"state": "done"},
                   {"state": "accepted", "consultant": "pre.c"}) == [
        "reason_required", "invalid_move", "not_yours", "applied"]
    assert change(client, people, "lead.e", "support_request", rid, state="accepted") == (
        "applied")
    assert refused("lead.e", {"state": "assigned", "consultant": "rep.b"},
                   {"state": "assigned", "consultant": "ghost"},
                   {"state": "assigned"}) == [
        "not_a_consultant", "not_a_consultant", "consultant_required", "applied"]
    state = seen(client, people["rep.a"])[("support_request", rid)]["fields"]
    assert (state["state"], state["consultant"], state["notes"]) == ("accepted", "",
                                                                     "lead.e 的备注")
    assign(client, people, work)
    # The consultant neither cancels nor re-assigns; the rep cancels no more.
    assert refused("pre.c", {"state": "cancelled"}, {"consultant": "pre.d"}) == [
        "move_not_allowed", "not_yours", "applied"]
    assert refused("rep.a", {"state": "cancelled"}) == ["move_not_allowed", "applied"]
    assert change(client, people, "pre.c", "support_request", rid, state="done") == (
        "invalid_move")
    assert seen(client, people["lead.e"])[("support_request", rid)]["fields"]["state"] == (
        "assigned")
    assert change(client, people, "lead.e", "support_request", rid, state="cancelled") == (
        "applied")


def test_who_makes_requests_and_presales_work(client, people, work):
    cid, did = work["customer"], work["deal"]
    result = push(client, people["rep.a"], [
        request_op(new_id(), cid, did, state="accepted"),
        request_op(new_id(), cid, did, consultant="pre.c"),
        request_op(new_id(), cid, None, state="draft"),
    ])
    assert statuses(result) == ["invalid_move", "not_yours", "applied"]
    # A consultant does not make requests, nor a rep the customer of another.
    assert statuses(push(client, people["pre.c"], [request_op(new_id(), cid, did)])) == [
        "not_yours"]
    assert statuses(push(client, people["rep.w"], [request_op(new_id(), cid, None)])) == [
        "unknown_customer"]
    # Work on a request before any consultant: its lead may start it, no other.
    eid = new_id()

    def engagement(**fields: Any) -> dict[str, Any]:
        return op("presales_engagement", eid, request_id=work["request"], step=1, **fields)

    assert statuses(push(client, people["pre.c"], [engagement()])) == ["unknown_request"]
    assert statuses(push(client, people["rep.a"], [engagement()])) == ["forbidden_for_role"]
    assert statuses(push(client, people["lead.e"], [
        engagement(customer_id=new_id()),
        engagement(),
        op("presales_task", new_id(), engagement_id=new_id(), kind="survey"),
    ])) == ["invalid_value", "applied", "unknown_engagement"]
    got = seen(client, people["admin"])[("presales_engagement", eid)]["fields"]
    assert (got["customer_id"], got["deal_id"], got["request_id"]) == (cid, did, work["request"])


def test_a_lead_marked_later_gets_the_teams_requests_and_loses_them_unmarked(
    client, people, work
):
    registry = registry_of(client)
    _, cursor = pull_all(client, people["pre.c"])
    update_user(registry.db, START, Actor(None, "test"), "pre.c", "user.role",
                presales_lead=True)
    got = seen(client, people["pre.c"], cursor)
    assert set(got) == {("support_request", work["request"]), ("customer", work["customer"]),
                        ("deal", work["deal"])}
    assert change(client, people, "pre.c", "support_request", work["request"],
                  state="accepted") == "applied"
    _, cursor = pull_all(client, people["pre.c"])
    update_user(registry.db, START, Actor(None, "test"), "pre.c", "user.role", role="rep")
    lost, _ = pull_all(client, people["pre.c"], cursor)
    assert [(c["entity"], c["visible"]) for c in lost] == [
        ("support_request", False), ("customer", False)]


def run(db_url, *args):
    out = io.StringIO()
    code = main([*args, "--db", db_url], stdout=out, stdin=io.StringIO("a-good-password\n"))
    return code, out.getvalue()


def test_the_lead_flag_on_the_command_line(db_url, capsys):
    assert run(db_url, "user", "add", "li", "--role", "presales", "--team", "east",
               "--presales-lead", "--password-stdin") == (
        0, "added li (presales)\nli leads the presales work of east\n")
    code, _ = run(db_url, "user", "add", "wu", "--role", "rep", "--team", "east",
                  "--presales-lead", "--password-stdin")
    assert code == 1 and "Only a presales user" in capsys.readouterr().err
    code, _ = run(db_url, "user", "add", "wu", "--role", "presales", "--presales-lead",
                  "--password-stdin")
    assert code == 1 and "needs a team" in capsys.readouterr().err
    assert run(db_url, "user", "add", "wu", "--role", "presales", "--team", "east",
               "--password-stdin")[0] == 0
    assert run(db_url, "user", "list")[1].splitlines() == [
        "li\tpresales (lead)\teast\tli", "wu\tpresales\teast\twu"]
    assert run(db_url, "user", "role", "wu", "presales", "--presales-lead") == (
        0, "wu is now presales in east\nwu leads the presales work of east\n")
    assert run(db_url, "user", "role", "li", "presales", "--no-presales-lead")[0] == 0
    assert run(db_url, "user", "role", "wu", "rep")[0] == 0  # no presales user, no lead
    lines = run(db_url, "user", "list")[1].splitlines()
    assert lines[0] == "li\tpresales\teast\tli" and lines[1].startswith("wu\trep\teast\twu\t")


def test_upgrade_to_0012_keeps_users_records_and_pending_ops(db_url):
    migrate(db_url, "0011", down=True)
    db = RegistryDatabase(db_url)
    try:
        with db.write() as conn:
            _rep_with_a_pending_op(conn)
            conn.execute(insert(customers).values(
                **_customer("c1", "华信机械", "", "protected"), owner_id=1, change_number=1))
            conn.execute(insert(synced_records).values(
                id="d1", entity="deal", customer_id="c1", owner_id=1, user_id=1,
                fields={"name": "ERP"}, created_at=START, updated_at=START, change_number=2))
            conn.execute(insert(sync_access).values(
                id=str(uuid.uuid4()), customer_id="c1", user_id=1, kind="grant",
                created_at=START, change_number=3, deal_id="d1"))
    finally:
        db.dispose()
    migrate(db_url)
    db = RegistryDatabase(db_url)
    try:
        with db.read() as conn:
            assert conn.execute(select(users.c.username, users.c.presales_lead)).all() == [
                ("rep.a", False)]
            deal = conn.execute(select(synced_records)).one()
            assert (deal.id, deal.fields, deal.request_id, deal.engagement_id) == (
                "d1", {"name": "ERP"}, None, None)
            access = conn.execute(select(sync_access)).one()
            assert (access.deal_id, access.request_id, access.change_number) == ("d1", None, 3)
            assert conn.execute(select(applied_ops.c.status)).scalars().all() == ["pending"]
    finally:
        db.dispose()
    migrate(db_url, "0011", down=True)  # and back: the old rows stay
    migrate(db_url)
    db = RegistryDatabase(db_url)
    try:
        with db.read() as conn:
            assert conn.execute(select(synced_records.c.id)).scalars().all() == ["d1"]
    finally:
        db.dispose()
