"""Records leaving (and coming into) a user's view, told by pull
(``sync.access``): a deal's team rewritten, a customer re-allocated or
released; the log pruned and a cursor behind it refused; the upgrade to
schema 0011.  On SQLite and PostgreSQL."""

from __future__ import annotations

import io
import uuid
from datetime import timedelta
from typing import Any

import pytest
from registry_support import START, error_of, make_user, registration, registry_of, sign_in
from sqlalchemy import func, insert, select
from test_registry_migrations import _customer, _rep_with_a_pending_op
from test_sync import PROTOCOL, customer_op, latest, new_id, op, pull, pull_all, push
from test_synced_entities import AT, approval_op, deal_op, quote_op, statuses

from erpdesk.registry.db.database import RegistryDatabase, migrate
from erpdesk.registry.db.schema import applied_ops, change_counter, customers, sync_access
from erpdesk.registry.sync.access import HORIZON, prune_access

STAFF = {  # name: (role, team)
    "rep.a": ("rep", "east"), "rep.b": ("rep", "east"), "rep.w": ("rep", "west"),
    "pre.c": ("presales", "east"), "boss.e": ("manager", "east"),
    "boss.w": ("manager", "west"), "admin": ("admin", ""),
}


@pytest.fixture
def people(client):
    for name, (role, group) in STAFF.items():
        make_user(client, name, role, team=group)
    return {name: sign_in(client, name) for name in STAFF}


def team(*names: str) -> list[dict[str, str]]:
    return [{"name": n, "role": "sales"} for n in names]


def seed(client, people, members: tuple[str, ...], cid: str | None = None) -> dict[str, str]:
    """rep.a's customer (new unless *cid*) with a contact, an activity, a
    worksheet of its own, and a deal whose team is *members*, with a stage
    change, a worksheet, a quote and an approval request."""
    ids = {k: new_id() for k in ("contact", "activity", "own_sheet", "deal", "stage", "sheet",
                                 "quote", "approval")}
    ids["customer"] = cid or new_id()
    c = ids["customer"]
    ops = [] if cid else [customer_op(c)]
    ops += [
        op("contact", ids["contact"], customer_id=c, name="赵敏"),
        op("activity", ids["activity"], customer_id=c, kind="visit", occurred_at=AT,
           summary="拜访"),
        op("worksheet", ids["own_sheet"], template="bant", customer_id=c, deal_id=None,
           dated="2026-03-01", data={}, author="rep.a"),
        deal_op(ids["deal"], c, team=team(*members)),
        op("stage_change", ids["stage"], deal_id=ids["deal"], kind="created", from_stage=None,
           to_stage=1, at=AT, by="rep.a", reason="", overridden=[]),
        op("worksheet", ids["sheet"], template="bant", customer_id=c, deal_id=ids["deal"],
           dated="2026-03-01", data={"budget": "yes"}, author="rep.a"),
        quote_op(ids["quote"], c, ids["deal"]),
        approval_op(ids["approval"], ids["quote"], None),
    ]
    result = push(client, people["rep.a"], ops)
    assert set(statuses(result)) == {"applied"}, result
    return ids


def keys(changes: list[dict[str, Any]], visible: bool = True) -> set[tuple[str, str]]:
    return {(c["entity"], c["id"]) for c in changes if c["visible"] is visible}


def set_team(client, people, deal_id: str, *members: str) -> None:
    result = push(client, people["rep.a"], [op("deal", deal_id, "update", None,
                                                team=team(*members))])
    assert statuses(result) == ["applied"], result


DEAL_PARTS = ("deal", "stage", "sheet", "quote", "approval")
ENTITY = {"deal": "deal", "stage": "stage_change", "sheet": "worksheet", "quote": "quote",
          "approval": "quote_approval", "customer": "customer", "contact": "contact",
          "activity": "activity", "own_sheet": "worksheet"}


def named(ids: dict[str, str], *parts: str) -> set[tuple[str, str]]:
    return {(ENTITY[p], ids[p]) for p in parts}


def test_a_member_sees_the_deal_its_records_and_the_customer_row_only(client, people):
    ids = seed(client, people, ("rep.b", "pre.c"))
    for name in ("rep.b", "pre.c"):
        got = keys(pull_all(client, people[name])[0])
        assert got == named(ids, "customer", *DEAL_PARTS), name
    fields = latest(pull_all(client, people["rep.b"])[0])[("customer", ids["customer"])]["fields"]
    assert fields["owner"] == "rep.a" and fields["name"] == "青岛海川食品有限公司"
    # A member reads the customer row; writing it is still its owner's.
    (result,) = push(client, people["rep.b"],
                     [op("customer", ids["customer"], "update", None, phone="110")])["results"]
    assert result["reason"] == "not_found"


def test_taken_off_the_team_a_member_is_told_the_deal_and_the_customer_left(client, people):
    ids = seed(client, people, ("rep.b", "pre.c"))
    _, cursor_b = pull_all(client, people["rep.b"])
    _, cursor_c = pull_all(client, people["pre.c"])
    _, cursor_a = pull_all(client, people["rep.a"])
    removal = op("deal", ids["deal"], "update", None, team=team("pre.c"))
    assert statuses(push(client, people["rep.a"], [removal])) == ["applied"]
    lost, _ = pull_all(client, people["rep.b"], cursor_b)
    assert [(c["entity"], c["id"], c["visible"], c["deleted"], c["fields"]) for c in lost] == [
        ("deal", ids["deal"], False, False, {}),
        ("customer", ids["customer"], False, False, {}),
    ]
    assert all(c["version"] > cursor_b for c in lost)
    # Nothing of it comes again, however far back the pull starts.
    assert keys(pull_all(client, people["rep.b"])[0]) == set()
    assert keys(pull_all(client, people["rep.b"], 1)[0]) == set()
    # The member kept and the owner see the deal's new team, nothing revoked.
    kept, _ = pull_all(client, people["pre.c"], cursor_c)
    assert keys(kept) == {("deal", ids["deal"])} and keys(kept, False) == set()
    owner, _ = pull_all(client, people["rep.a"], cursor_a)
    assert keys(owner) == {("deal", ids["deal"])} and keys(owner, False) == set()
    # The same op again is a duplicate: told once.
    assert statuses(push(client, people["rep.a"], [removal])) == ["duplicate"]
    with registry_of(client).db.read() as conn:
        rows = conn.execute(select(sync_access.c.kind, func.count())
                            .group_by(sync_access.c.kind)).all()
    assert dict(rows) == {"grant": 2, "revoke": 2}  # the two members at the create; rep.b
    # Its writes are refused now.
    result = push(client, people["rep.b"], [
        op("deal", ids["deal"], "update", None, next_step="再访"),
        op("worksheet", new_id(), template="bant", customer_id=ids["customer"],
           deal_id=ids["deal"], dated="2026-03-02", data={}, author="rep.b"),
    ])
    assert statuses(result) == ["not_found", "unknown_deal"]


def test_a_member_of_another_deal_of_the_customer_keeps_the_customer_row(client, people):
    first = seed(client, people, ("rep.b",))
    second = seed(client, people, ("rep.b",), cid=first["customer"])
    _, cursor = pull_all(client, people["rep.b"])
    set_team(client, people, first["deal"])
    lost, _ = pull_all(client, people["rep.b"], cursor)
    assert keys(lost, False) == {("deal", first["deal"])} and keys(lost) == set()
    assert keys(pull_all(client, people["rep.b"])[0]) == named(second, "customer", *DEAL_PARTS)


def test_who_sees_the_customer_anyway_is_told_nothing(client, people):
    ids = seed(client, people, ("rep.a", "boss.e", "admin", "somebody"))
    _, cursors = zip(*(pull_all(client, people[n]) for n in ("rep.a", "boss.e", "admin")),
                     strict=True)
    set_team(client, people, ids["deal"])
    for name, cursor in zip(("rep.a", "boss.e", "admin"), cursors, strict=True):
        assert keys(pull_all(client, people[name], cursor)[0], False) == set(), name
    with registry_of(client).db.read() as conn:  # neither put on nor taken off
        assert conn.execute(select(func.count()).select_from(sync_access)).scalar_one() == 0


def test_put_on_a_team_later_a_member_gets_the_older_records(client, people):
    ids = seed(client, people, ())
    _, cursor = pull_all(client, people["pre.c"])
    assert cursor > 0
    set_team(client, people, ids["deal"], "pre.c")
    got, cursor2 = pull_all(client, people["pre.c"], cursor)
    assert keys(got) == named(ids, "customer", *DEAL_PARTS)
    # Taken off and put on again before it syncs: it keeps the deal, the
    # revocation comes first and the rows after it.
    set_team(client, people, ids["deal"])
    set_team(client, people, ids["deal"], "pre.c")
    again, _ = pull_all(client, people["pre.c"], cursor2)
    order = [(c["entity"], c["id"], c["visible"]) for c in again]
    assert order.index(("deal", ids["deal"], False)) < order.index(("deal", ids["deal"], True))
    assert keys(again) == named(ids, "customer", *DEAL_PARTS)
    # A small page still covers everything once.
    paged, _ = pull_all(client, people["pre.c"], cursor, limit=1)
    assert keys(paged) == named(ids, "customer", *DEAL_PARTS)


def protected_customer(client, people, clock) -> str:
    body = registration(now=clock.now)
    reg = client.post("/api/v1/registrations", json=body, headers=people["rep.a"]).json()
    response = client.post(f"/api/v1/admin/registrations/{reg['id']}/callback",
                           json={"result": "valid"}, headers=people["admin"])
    assert response.status_code == 200, response.text
    return str(body["customer"]["id"])


def test_reallocation_revokes_for_the_owner_and_its_manager_and_grants_the_new_ones(
    client, people, clock
):
    cid = protected_customer(client, people, clock)
    ids = seed(client, people, ("pre.c",), cid=cid)
    cursors = {n: pull_all(client, people[n])[1] for n in ("rep.a", "boss.e", "boss.w", "pre.c")}
    assert ("customer", cid) in keys(pull_all(client, people["boss.e"])[0])
    response = client.post(f"/api/v1/admin/customers/{cid}/allocate",
                           json={"rep": "rep.w", "reason": "区域调整"}, headers=people["admin"])
    assert response.status_code == 200, response.text
    for name in ("rep.a", "boss.e"):
        lost, _ = pull_all(client, people[name], cursors[name])
        assert keys(lost, False) == {("customer", cid)} and keys(lost) == set(), name
    gained = keys(pull_all(client, people["boss.w"], cursors["boss.w"])[0])
    assert named(ids, "customer", "contact", "activity", "own_sheet", *DEAL_PARTS) <= gained
    # The deal's member keeps it (and the customer row, now rep.w's).
    kept = latest(pull_all(client, people["pre.c"], cursors["pre.c"])[0])
    assert kept[("customer", cid)]["fields"]["owner"] == "rep.w"
    assert all(c["visible"] for c in kept.values())


def test_a_former_owner_on_a_deal_team_keeps_that_deal(client, people, clock):
    cid = protected_customer(client, people, clock)
    ids = seed(client, people, ("rep.a",), cid=cid)
    _, cursor = pull_all(client, people["rep.a"])
    response = client.post(f"/api/v1/admin/customers/{cid}/allocate",
                           json={"rep": "rep.b", "reason": "区域调整"}, headers=people["admin"])
    assert response.status_code == 200, response.text
    changes, _ = pull_all(client, people["rep.a"], cursor)
    order = [(c["entity"], c["id"], c["visible"]) for c in changes]
    revoked = order.index(("customer", cid, False))
    assert all(order.index((ENTITY[p], ids[p], True)) > revoked for p in DEAL_PARTS)
    assert ("customer", cid, True) in order
    assert not named(ids, "contact", "activity", "own_sheet") & keys(changes)
    # Its desk, starting afresh, gets the same.
    assert keys(pull_all(client, people["rep.a"])[0]) == named(ids, "customer", *DEAL_PARTS)


def test_released_to_the_pool_the_owner_and_its_manager_lose_it(client, people, clock):
    cid = protected_customer(client, people, clock)
    cursors = {n: pull_all(client, people[n])[1] for n in ("rep.a", "boss.e")}
    response = client.post(f"/api/v1/admin/customers/{cid}/allocate",
                           json={"action": "release", "reason": "长期未跟进"},
                           headers=people["admin"])
    assert response.status_code == 200, response.text
    for name in ("rep.a", "boss.e"):
        lost, _ = pull_all(client, people[name], cursors[name])
        assert [(c["entity"], c["id"], c["visible"]) for c in lost] == [("customer", cid, False)]


def test_pruned_log_refuses_a_cursor_behind_it(client, people, clock):
    ids = seed(client, people, ("rep.b",))
    _, old_cursor = pull_all(client, people["rep.b"])
    set_team(client, people, ids["deal"])
    db = registry_of(client).db
    with db.write() as conn:  # those were 185 days ago
        conn.execute(sync_access.update().values(created_at=clock.now - timedelta(days=185)))
    fresh = seed(client, people, ("rep.b",))
    set_team(client, people, fresh["deal"])
    with db.write() as conn:  # and these 175
        conn.execute(sync_access.update().where(sync_access.c.deal_id == fresh["deal"])
                     .values(created_at=clock.now - timedelta(days=175)))
    # op_retention_days is 180: the first deal's three rows go (put on, taken
    # off, and its customer row with it).
    assert prune_access(db, clock.now) == 3
    with db.read() as conn:
        left = conn.execute(select(sync_access.c.deal_id, sync_access.c.kind)).all()
        horizon = conn.execute(select(change_counter.c.value)
                               .where(change_counter.c.name == HORIZON)).scalar_one()
    assert sorted(left, key=str) == sorted(
        [(fresh["deal"], "grant"), (fresh["deal"], "revoke"), (None, "revoke")], key=str)
    assert horizon > old_cursor
    response = client.get("/api/v1/sync/pull", params={"since": old_cursor},
                          headers={**people["rep.b"], **PROTOCOL})
    assert response.status_code == 409
    error = error_of(response)
    assert (error["code"], error["horizon"]) == ("cursor_too_old", horizon)
    assert keys(pull(client, people["rep.b"], 0)["changes"]) == set()  # from 0: served
    assert pull(client, people["rep.b"], horizon)["has_more"] is False
    assert prune_access(db, clock.now) == 0  # again: nothing more, the horizon stays
    clock.advance(days=10)
    assert prune_access(db, clock.now) == 2  # the newer customer row's revocation stays
    with db.read() as conn:
        assert conn.execute(select(change_counter.c.value)
                            .where(change_counter.c.name == HORIZON)).scalar_one() > horizon


def test_prune_from_the_command_line(client, people, db_url):
    from erpdesk.registry.cli import main

    ids = seed(client, people, ("rep.b",))
    set_team(client, people, ids["deal"])  # put on, taken off, and the customer row
    with registry_of(client).db.write() as conn:  # long ago
        conn.execute(sync_access.update().values(created_at=START - timedelta(days=400)))
    out = io.StringIO()
    assert main(["sync", "prune", "--db", db_url], stdout=out) == 0
    assert "forgot 3 access changes" in out.getvalue()
    with registry_of(client).db.read() as conn:
        assert conn.execute(select(func.count()).select_from(sync_access)).scalar_one() == 0


def test_upgrade_to_0011_keeps_the_access_log_and_pending_ops(db_url):
    migrate(db_url, "0010", down=True)
    db = RegistryDatabase(db_url)
    try:
        with db.write() as conn:
            _rep_with_a_pending_op(conn)
            conn.execute(insert(customers).values(
                **_customer("c1", "华信机械", "", "protected"), owner_id=1, change_number=1))
            conn.execute(insert(sync_access).values(
                id=str(uuid.uuid4()), customer_id="c1", user_id=1, kind="revoke",
                created_at=START, change_number=2))
    finally:
        db.dispose()
    migrate(db_url)
    db = RegistryDatabase(db_url)
    try:
        with db.read() as conn:
            row = conn.execute(select(sync_access)).one()
            assert conn.execute(select(applied_ops.c.status)).scalars().all() == ["pending"]
        assert (row.customer_id, row.kind, row.change_number, row.deal_id) == (
            "c1", "revoke", 2, None)
    finally:
        db.dispose()
    migrate(db_url, "0010", down=True)  # and back: the deal rows go, the others stay
    migrate(db_url)
