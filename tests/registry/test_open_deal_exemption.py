"""An open deal holds its customer out of the pool (``deal_hold``, setting
``exempt_open_deals``): deals pushed through sync as a desk pushes them;
the sweep neither warns nor releases a protected customer while a deal of it
is open, and does again once the deal is lost, won or deleted; on SQLite and
PostgreSQL."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

import pytest
from registry_support import make_user, registry_of, sign_in
from sqlalchemy import select, text
from test_protection import DAY, customer, protect, refresh, rows, setting, sweep
from test_sync import new_id, op, push
from test_synced_entities import deal_op

from erpdesk.registry.cli import main
from erpdesk.registry.db.schema import audit_log, customers, notifications
from erpdesk.registry.jobs import _due, preview_protection_sweep
from erpdesk.registry.policy import Policy
from erpdesk.sync.workbench_api import RegistryCustomer


@pytest.fixture
def people(client):
    make_user(client, "admin", "admin", display_name="周管理员")
    make_user(client, "rep.a", "rep", display_name="王一", team="east")
    make_user(client, "rep.b", "rep", display_name="李二", team="east")
    return {name: sign_in(client, name) for name in ("admin", "rep.a", "rep.b")}


def push_deal(
    client, people, clock, cid: str, rep: str = "rep.a", **fields: Any
) -> tuple[str, int]:
    """A deal of customer *cid* pushed by *rep*'s desk; its id and version."""
    refresh(client, people, clock)
    did = new_id()
    (result,) = push(client, people[rep], [deal_op(did, cid, owner=rep, **fields)])["results"]
    assert result["status"] == "applied", result
    return did, result["server_version"]


def update_deal(client, people, clock, did: str, base: int, action: str = "update",
                rep: str = "rep.a", **fields: Any) -> int:
    """The desk's next op on deal *did* (an update or a delete); the new version."""
    refresh(client, people, clock)
    (result,) = push(client, people[rep], [op("deal", did, action, base, **fields)])["results"]
    assert result["status"] == "applied", result
    return int(result["server_version"])


def status(client, cid: str) -> str:
    (row,) = rows(client, customers, customers.c.id == cid)
    return str(row.status)


def warned(client) -> set[str]:
    """The customers whose owner received a release warning."""
    return {
        n.entity_id for n in rows(client, notifications, notifications.c.kind == "release_warning")
    }


def preview(client, clock) -> tuple[int, int]:
    seen = preview_protection_sweep(registry_of(client).db, clock.now)
    return seen.released, seen.warned


def test_an_open_deal_holds_its_customer_until_the_deal_is_lost(client, people, clock):
    held = protect(client, people, clock)
    # The same rep's other customer, without a deal: the deal is not its.
    bare = protect(client, people, clock, name="青岛海川食品有限公司", seed=2)
    did, version = push_deal(client, people, clock, held)
    view = customer(client, people, held)
    assert (view["open_deals"], view["exempt_by_deal"]) == (1, True)
    assert (customer(client, people, bare)["open_deals"], customer(client, people, bare)[
        "exempt_by_deal"]) == (0, False)
    # The rep reads the same view of its own customer; the desk's reader of
    # the administrator's view keeps it.
    assert customer(client, people, held, who="rep.a")["exempt_by_deal"] is True
    record = RegistryCustomer.of(view)
    assert (record.open_deals, record.exempt_by_deal, record.exempt) == (1, True, False)

    clock.advance(days=23)  # in the warning window of both
    assert preview(client, clock) == (0, 1)
    result = sweep(client, clock)
    assert (result.released, result.warned) == (0, 1)
    assert warned(client) == {bare}
    clock.advance(days=7)  # both due
    assert preview(client, clock) == (1, 0)
    assert sweep(client, clock).released == 1
    assert (status(client, held), status(client, bare)) == ("protected", "pool")
    # However long the deal stays open.
    clock.advance(days=200)
    result = sweep(client, clock)
    assert (result.released, result.warned) == (0, 0)
    (row,) = rows(client, customers, customers.c.id == held)
    assert (row.status, row.warned_at, row.exempt_since) == ("protected", None, None)
    assert warned(client) == {bare}

    # A change that keeps it open keeps holding it; closed lost, it goes at
    # the next sweep (its release date is long past).
    version = update_deal(client, people, clock, did, version, stage=3, probability=40)
    assert sweep(client, clock).released == 0
    update_deal(client, people, clock, did, version, status="lost", lost_reason="预算取消",
                closed_at=clock.now.isoformat())
    view = customer(client, people, held)
    assert (view["open_deals"], view["exempt_by_deal"], view["status"]) == (0, False, "protected")
    assert preview(client, clock) == (1, 0)
    assert sweep(client, clock).released == 1
    assert status(client, held) == "pool"
    (entry,) = rows(
        client, audit_log,
        audit_log.c.action == "customer.release.expired", audit_log.c.entity_id == held,
    )
    assert entry.actor == "job:protection_sweep"
    view = customer(client, people, held)
    assert (view["open_deals"], view["exempt_by_deal"]) == (0, False)


def test_with_the_setting_off_an_open_deal_does_not_hold(client, people, clock):
    setting(client, clock, "exempt_open_deals", 0)
    cid = protect(client, people, clock)
    push_deal(client, people, clock, cid)
    view = customer(client, people, cid)
    assert (view["open_deals"], view["exempt_by_deal"]) == (1, False)
    clock.advance(days=23)
    assert sweep(client, clock).warned == 1
    assert warned(client) == {cid}
    clock.advance(days=7)
    assert preview(client, clock) == (1, 0)
    assert sweep(client, clock).released == 1
    assert status(client, cid) == "pool"


def test_which_deals_hold_their_customer(client, people, clock):
    """Open (also when pushed without a status: its default) holds; won,
    lost and deleted do not; nor does another customer's deal."""
    names = ("济南华信机械制造有限公司", "青岛海川食品有限公司", "烟台明远电子有限公司",
             "潍坊正泰纺织有限公司", "淄博恒通化工有限公司", "临沂鲁南建材有限公司")
    ids = {
        key: protect(client, people, clock, name=name, seed=n + 1, rep=rep)
        for n, (key, name, rep) in enumerate(zip(
            ("open", "no_status", "won", "deleted", "bare", "rep_b"), names,
            ("rep.a",) * 5 + ("rep.b",), strict=True,
        ))
    }
    push_deal(client, people, clock, ids["open"])
    did, version = push_deal(client, people, clock, ids["no_status"])
    refresh(client, people, clock)
    # A deal pushed without the status field (an older desk) is open.
    (result,) = push(client, people["rep.a"], [
        op("deal", new_id(), customer_id=ids["no_status"], name="二期")
    ])["results"]
    assert result["status"] == "applied", result
    update_deal(client, people, clock, did, version, status="lost")
    push_deal(client, people, clock, ids["won"], status="won", closed_at=clock.now.isoformat())
    gone, version = push_deal(client, people, clock, ids["deleted"])
    update_deal(client, people, clock, gone, version, action="delete")
    push_deal(client, people, clock, ids["rep_b"], rep="rep.b", status="lost")
    # rep.b's other, open deal is on a customer rep.b does not hold: refused,
    # so it holds nothing.
    refresh(client, people, clock)
    (refused,) = push(client, people["rep.b"], [deal_op(new_id(), ids["bare"], owner="rep.b")])[
        "results"]
    assert refused["status"] == "rejected", refused

    clock.advance(days=30)
    assert sweep(client, clock).released == 4
    assert {key: status(client, cid) for key, cid in ids.items()} == {
        "open": "protected", "no_status": "protected", "won": "pool", "deleted": "pool",
        "bare": "pool", "rep_b": "pool",
    }
    assert customer(client, people, ids["no_status"])["open_deals"] == 1


def test_the_setting_is_listed_and_checked_on_the_command_line(client, db_url, capsys):
    def run(*args: str) -> tuple[int, str]:
        out = io.StringIO()
        return main([*args, "--db", db_url], stdout=out), out.getvalue()

    code, shown = run("settings")
    assert code == 0 and "exempt_open_deals = 1 (default)\t# 1: a customer with an open deal" in (
        shown)
    assert run("settings", "exempt_open_deals", "2")[0] == 1
    assert "exempt_open_deals must be between 0 and 1" in capsys.readouterr().err
    code, shown = run("settings", "exempt_open_deals", "0")
    assert code == 0 and "exempt_open_deals = 0\t" in shown


def test_the_sweep_looks_deals_up_by_the_customer_index(client, people, clock, db_url):
    """The deal condition is answered through ``ix_synced_records_customer_id``
    (a probe per due customer), not by reading the JSON of every record."""
    cid = protect(client, people, clock)
    push_deal(client, people, clock, cid)
    query = select(customers.c.id).where(*_due(clock.now + 30 * DAY, Policy()))
    with registry_of(client).db.read() as conn:
        compiled = query.compile(conn)
        if conn.dialect.name == "postgresql":
            # The tables are tiny: make the planner show what it would use.
            conn.execute(text("SET LOCAL enable_seqscan = off"))
            explain = f"EXPLAIN {compiled}"
            params: Any = compiled.params
        else:
            explain = f"EXPLAIN QUERY PLAN {compiled}"
            # (the plan does not depend on the values: times as text, as stored)
            params = tuple(
                str(value) if isinstance(value, datetime) else value
                for value in (compiled.params[name] for name in compiled.positiontup or ())
            )
        plan = "\n".join(str(row[-1]) for row in conn.exec_driver_sql(explain, params))
        assert "ix_synced_records_customer_id" in plan, plan
        assert conn.execute(query).all() == []
