"""Deals, stage changes, worksheets, quotes, quote approvals and proposals
synced through the registry (``sync.entities``, ``sync.records``): push and
pull them back, who sees and writes them, approvals, replays, merges and the
upgrade to schema 0009, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from registry_support import START, make_user, sign_in
from sqlalchemy import create_engine, insert, select
from test_sync import PROTOCOL, customer_op, latest, new_id, op, pull_all, push

from erpdesk.registry.db.database import migrate
from erpdesk.registry.db.schema import applied_ops, customers, sync_conflicts, users

AT = "2026-03-01T02:00:00+00:00"


@pytest.fixture
def people(client):
    make_user(client, "rep.a", "rep", team="east")
    make_user(client, "rep.b", "rep", team="east")
    make_user(client, "rep.w", "rep", team="west")
    make_user(client, "pre.c", "presales", team="east")
    make_user(client, "boss.e", "manager", team="east")
    make_user(client, "boss.w", "manager", team="west")
    make_user(client, "admin", "admin")
    return {
        name: sign_in(client, name)
        for name in ("rep.a", "rep.b", "rep.w", "pre.c", "boss.e", "boss.w", "admin")
    }


def deal_op(did: str, cid: str, **fields: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "customer_id": cid,
        "name": "ERP 一期",
        "amount": "1200000.00",
        "close_date": "2026-06-30",
        "probability": 10,
        "probability_reason": "",
        "modules": ["finance", "mrp"],
        "owner": "rep.a",
        "team": [],
        "competitors": ["用友"],
        "next_step": "方案交流",
        "next_step_date": None,
        "source": "self_developed",
        "notes": "",
        "stage": 1,
        "status": "open",
        "stage_entered_at": AT,
        "closed_at": None,
        "lost_reason": "",
        "winning_competitor": "",
        "playbook": "standard",
        "checklist": {},
    }
    values.update(fields)
    return op("deal", did, **values)


def quote_op(qid: str, cid: str, did: str | None, **fields: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "number": "Q-20260301-001",
        "version": 1,
        "customer_id": cid,
        "currency": "CNY",
        "author": "rep.a",
        "title": "报价",
        "price_mode": "inclusive",
        "quote_date": "2026-03-01",
        "valid_until": None,
        "lines": [
            {
                "description": "财务模块",
                "quantity": "1",
                "unit_price": "80000.00",
                "discount": "15",
                "vat_rate": "13",
                "group": "licence",
            }
        ],
        "milestones": [],
        "delivery_terms": "",
        "notes": "",
        "language": "zh_CN",
        "deal_id": did,
        "status": "pending_approval",
        "sent_at": None,
        "discount_limit": "10",
    }
    values.update(fields)
    return op("quote", qid, **values)


def approval_op(aid: str, qid: str, decision: str | None, by: str = "rep.a") -> dict[str, Any]:
    return op(
        "quote_approval",
        aid,
        quote_id=qid,
        at=AT,
        by=by,
        max_discount="15.00",
        decision=decision,
        note="",
    )


def statuses(result: dict[str, Any]) -> list[str]:
    return [r["status"] if r["status"] != "rejected" else r["reason"] for r in result["results"]]


@pytest.fixture
def deal(client, people):
    """rep.a's customer and its deal (rep.b on the team), with a stage
    change, a worksheet, a quote and a proposal."""
    ids = {k: new_id() for k in ("customer", "deal", "stage", "sheet", "quote", "proposal")}
    cid, did = ids["customer"], ids["deal"]
    result = push(
        client,
        people["rep.a"],
        [
            customer_op(cid),
            deal_op(
                did,
                cid,
                team=[{"name": "rep.b", "role": "sales"}, {"name": "pre.c", "role": "presales"}],
            ),
            op(
                "stage_change",
                ids["stage"],
                deal_id=did,
                kind="created",
                from_stage=None,
                to_stage=1,
                at=AT,
                by="rep.a",
                reason="",
                overridden=[],
            ),
            op(
                "worksheet",
                ids["sheet"],
                template="bant",
                customer_id=cid,
                deal_id=did,
                dated="2026-03-01",
                data={"budget": "yes", "rows": [{"a": 1}]},
                author="rep.a",
            ),
            quote_op(ids["quote"], cid, did),
            op(
                "proposal",
                ids["proposal"],
                customer_id=cid,
                deal_id=did,
                quote_id=None,
                title="",
                language="zh_CN",
                dated="2026-03-01",
                author="rep.a",
                sections={},
                benefit={"years": 3},
            ),
        ],
    )
    assert statuses(result) == ["applied"] * 6, result
    return ids


RECORD_TYPES = ("deal", "stage_change", "worksheet", "quote", "proposal")


def test_every_type_round_trips_through_pull(client, people, deal):
    got = latest(pull_all(client, people["rep.a"])[0])
    for entity, key in zip(
        RECORD_TYPES, ("deal", "stage", "sheet", "quote", "proposal"), strict=True
    ):
        assert (entity, deal[key]) in got, entity
    fields = got[("deal", deal["deal"])]["fields"]
    assert fields["owner"] == "rep.a" and fields["amount"] == "1200000.00"
    assert fields["customer_id"] == deal["customer"] and fields["modules"] == ["finance", "mrp"]
    assert got[("stage_change", deal["stage"])]["fields"]["deal_id"] == deal["deal"]
    sheet = got[("worksheet", deal["sheet"])]["fields"]
    assert sheet["data"] == {"budget": "yes", "rows": [{"a": 1}]}
    assert got[("quote", deal["quote"])]["fields"]["lines"][0]["unit_price"] == "80000.00"


def test_update_and_delete_are_pulled(client, people, deal):
    a = people["rep.a"]
    version = latest(pull_all(client, a)[0])[("deal", deal["deal"])]["version"]
    result = push(
        client,
        a,
        [
            op("deal", deal["deal"], "update", version, amount="1500000.50", stage=2),
            op("worksheet", deal["sheet"], "delete", None),
        ],
    )
    assert statuses(result) == ["applied", "applied"]
    got = latest(pull_all(client, a)[0])
    assert got[("deal", deal["deal"])]["fields"]["amount"] == "1500000.50"
    assert got[("deal", deal["deal"])]["fields"]["stage"] == 2
    assert got[("worksheet", deal["sheet"])]["deleted"] is True
    assert got[("worksheet", deal["sheet"])]["fields"] == {}
    assert statuses(push(client, a, [op("worksheet", deal["sheet"], "update", None, data={})])) == [
        "deleted"
    ]


def test_another_rep_neither_sees_nor_writes(client, people, deal):
    w = people["rep.w"]
    changes, _ = pull_all(client, w)
    assert not [c for c in changes if c["entity"] in RECORD_TYPES]
    result = push(
        client,
        w,
        [
            op("deal", deal["deal"], "update", None, name="抢来的"),
            op("deal", deal["deal"], "create", None, customer_id=deal["customer"], name="x"),
            deal_op(new_id(), deal["customer"]),
            op(
                "stage_change",
                new_id(),
                deal_id=deal["deal"],
                kind="forward",
                from_stage=1,
                to_stage=2,
                at=AT,
                by="rep.w",
            ),
            quote_op(new_id(), deal["customer"], None),
        ],
    )
    assert statuses(result) == [
        "not_found",
        "id_in_use",
        "unknown_customer",
        "unknown_deal",
        "unknown_customer",
    ]


def test_team_members_and_the_manager_see_it(client, people, deal):
    for name in ("rep.b", "pre.c", "boss.e", "admin"):
        got = latest(pull_all(client, people[name])[0])
        assert ("deal", deal["deal"]) in got, name
        assert ("quote", deal["quote"]) in got, name
    # A team member writes the deal's records; the manager only reads.
    assert statuses(
        push(
            client,
            people["rep.b"],
            [
                op(
                    "stage_change",
                    new_id(),
                    deal_id=deal["deal"],
                    kind="forward",
                    from_stage=1,
                    to_stage=2,
                    at=AT,
                    by="rep.b",
                ),
            ],
        )
    ) == ["applied"]
    assert statuses(
        push(
            client,
            people["boss.e"],
            [
                approval_op(new_id(), deal["quote"], None, by="boss.e"),
            ],
        )
    ) == ["not_yours"]
    assert statuses(
        push(
            client,
            people["boss.e"],
            [
                op("deal", deal["deal"], "update", None, name="x"),
            ],
        )
    ) == ["forbidden_for_role"]
    # Off the team: no longer seen.
    push(client, people["rep.a"], [op("deal", deal["deal"], "update", None, team=[])])
    assert statuses(
        push(
            client,
            people["rep.b"],
            [
                op(
                    "stage_change",
                    new_id(),
                    deal_id=deal["deal"],
                    kind="forward",
                    from_stage=2,
                    to_stage=3,
                    at=AT,
                    by="rep.b",
                ),
            ],
        )
    ) == ["unknown_deal"]


def test_approval_decision_by_its_author_is_rejected_by_the_manager_applied(client, people, deal):
    q = deal["quote"]
    assert statuses(push(client, people["rep.a"], [approval_op(new_id(), q, None)])) == ["applied"]
    assert statuses(push(client, people["rep.a"], [approval_op(new_id(), q, "approved")])) == [
        "own_approval"
    ]
    assert statuses(push(client, people["rep.b"], [approval_op(new_id(), q, "approved")])) == [
        "not_a_manager"
    ]
    assert statuses(push(client, people["boss.w"], [approval_op(new_id(), q, "approved")])) == [
        "unknown_quote"
    ]
    decision = new_id()
    assert statuses(
        push(
            client,
            people["boss.e"],
            [
                approval_op(decision, q, "approved", by="boss.e"),
            ],
        )
    ) == ["applied"]
    got = latest(pull_all(client, people["rep.a"])[0])
    fields = got[("quote_approval", decision)]["fields"]
    assert fields["decision"] == "approved" and fields["quote_id"] == q


def test_a_replayed_op_is_a_duplicate_and_applied_once(client, people, deal):
    replay = op(
        "stage_change",
        new_id(),
        deal_id=deal["deal"],
        kind="forward",
        from_stage=1,
        to_stage=2,
        at=AT,
        by="rep.a",
    )
    first = push(client, people["rep.a"], [replay])["results"][0]
    again = push(client, people["rep.a"], [replay])["results"][0]
    assert first["status"] == "applied"
    assert again["status"] == "duplicate" and again["server_version"] == first["server_version"]


def test_append_only_types_never_conflict(client, people, deal):
    a = people["rep.a"]
    sid = new_id()
    push(
        client,
        a,
        [
            op(
                "stage_change",
                sid,
                deal_id=deal["deal"],
                kind="back",
                from_stage=2,
                to_stage=1,
                at=AT,
                by="rep.a",
                reason="预算推迟",
            )
        ],
    )
    first = push(client, a, [op("stage_change", sid, "update", 0, reason="一")], device="d1")
    second = push(client, a, [op("stage_change", sid, "update", 0, reason="二")], device="d2")
    assert statuses(first) == statuses(second) == ["applied"]
    got = latest(pull_all(client, a)[0])
    assert got[("stage_change", sid)]["fields"]["reason"] == "二"


def test_racing_updates_leave_a_conflict_record_per_field(client, people, deal):
    a = people["rep.a"]
    base = latest(pull_all(client, a)[0])[("quote", deal["quote"])]["version"]
    push(
        client, a, [op("quote", deal["quote"], "update", base, title="甲", notes="n1")], device="d1"
    )
    late = push(
        client,
        a,
        [
            op(
                "quote",
                deal["quote"],
                "update",
                base,
                title="乙",
                notes="n2",
                delivery_terms="三个月",
            )
        ],
        device="d2",
    )["results"][0]
    assert late["status"] == "conflict"
    assert sorted(c["field"] for c in late["conflicts"]) == ["notes", "title"]
    with client.app.state.registry.db.read() as conn:
        rows = (
            conn.execute(
                select(sync_conflicts.c.field).where(sync_conflicts.c.entity_id == deal["quote"])
            )
            .scalars()
            .all()
        )
    assert sorted(rows) == ["notes", "title"]
    fields = latest(pull_all(client, a)[0])[("quote", deal["quote"])]["fields"]
    assert (fields["title"], fields["delivery_terms"]) == ("甲", "三个月")


def test_a_deal_for_another_reps_customer_is_rejected(client, people):
    cid = new_id()
    push(client, people["rep.w"], [customer_op(cid, name="西安秦川机床有限公司")])
    assert statuses(push(client, people["rep.a"], [deal_op(new_id(), cid)])) == ["unknown_customer"]
    # The manager of rep.w sees the customer but may not write to it.
    assert statuses(push(client, people["boss.w"], [deal_op(new_id(), cid)])) == [
        "forbidden_for_role"
    ]


def test_bad_fields_reject_the_op_alone(client, people, deal):
    ops = [
        op("deal", deal["deal"], "update", None, amount="12,5"),
        op("deal", deal["deal"], "update", None, team="rep.b"),
        op("deal", deal["deal"], "update", None, notes="坏\ud800"),
        op("worksheet", deal["sheet"], "update", None, data={"x": "a\x00b"}),
        op("deal", deal["deal"], "update", None, owner_id=1),
        op("deal", deal["deal"], "update", None, colour="red"),
        op("deal", deal["deal"], "update", None, stage=9),
        op("quote", deal["quote"], "update", None, quote_date="2026-02-30"),
        op("deal", deal["deal"], "update", None, name="好"),
    ]
    response = client.post(  # escaped JSON: a lone surrogate cannot be sent as UTF-8
        "/api/v1/sync/push",
        content=json.dumps({"device_id": "desk-a", "ops": ops}),
        headers={**people["rep.a"], **PROTOCOL, "Content-Type": "application/json"},
    )
    assert response.status_code == 200, response.text
    assert statuses(response.json()) == [
        "invalid_value",
        "invalid_value",
        "invalid_text",
        "invalid_text",
        "registry_owned_field",
        "unknown_field",
        "invalid_value",
        "invalid_value",
        "applied",
    ]


def test_a_new_owner_gets_the_deals_of_a_customer_allocated_to_it(client, people, deal):
    from erpdesk.registry.sync.access import owner_changed

    registry = client.app.state.registry
    _, cursor = pull_all(client, people["rep.w"])
    with registry.db.write() as conn:  # as an allocation does
        rep_w = conn.execute(select(users.c.id).where(users.c.username == "rep.w")).scalar()
        rep_a = conn.execute(select(users.c.id).where(users.c.username == "rep.a")).scalar()
        conn.execute(
            customers.update().where(customers.c.id == deal["customer"]).values(owner_id=rep_w)
        )
        from erpdesk.registry.db.journal import stamp_changes

        targets = owner_changed(conn, deal["customer"], rep_a, rep_w, START)
        stamp_changes(conn, START, [(customers, deal["customer"]), *targets])
    got = latest(pull_all(client, people["rep.w"], cursor)[0])
    assert ("deal", deal["deal"]) in got and ("quote", deal["quote"]) in got
    lost = latest(pull_all(client, people["rep.a"])[0])
    assert lost[("customer", deal["customer"])]["visible"] is False


def test_upgrade_to_0009_keeps_customers_and_applied_ops(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    migrate(url, "0008")
    engine = create_engine(url)
    now = datetime(2026, 3, 1, tzinfo=UTC)
    with engine.begin() as conn:
        conn.execute(
            insert(users).values(
                id=1,
                username="rep.a",
                display_name="A",
                role="rep",
                team="",
                password_hash="x",
                created_at=now,
                updated_at=now,
            )
        )
        conn.execute(
            insert(customers).values(
                id=str(uuid.uuid4()),
                name="济南华信机械制造有限公司",
                name_key="济南华信机械制造",
                uscc="",
                fields={},
                owner_id=1,
                status="unregistered",
                created_at=now,
                updated_at=now,
                change_number=1,
            )
        )
        conn.execute(
            insert(applied_ops).values(
                op_id=str(uuid.uuid4()),
                user_id=1,
                device_id="d",
                entity="customer",
                entity_id=str(uuid.uuid4()),
                status="applied",
                server_version=1,
                response={},
                applied_at=now,
            )
        )
    migrate(url)
    with engine.connect() as conn:
        assert len(conn.execute(select(customers)).all()) == 1
        assert len(conn.execute(select(applied_ops)).all()) == 1
        assert conn.execute(select(customers.c.name)).scalar() == "济南华信机械制造有限公司"
    engine.dispose()
