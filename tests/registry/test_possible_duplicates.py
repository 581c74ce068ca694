"""A registration whose name is near a held customer's: a possible duplicate.

The near-name check runs when first needed, not at submission: at the first
read of the registration (its rep's read back, the administrator's GET, the
queue, the call-back) or by the periodic job.  What it finds is stored with
the registration, once, and shown to its rep (only the scores of other
reps' customers) and to the administrator (everything), who decides it with
the call-back.  On SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from registry_support import make_user, registration, registry_of, sign_in, uscc
from sqlalchemy import MetaData, Table, insert, select, update

from erpdesk.registry.db.database import MIGRATIONS, RegistryDatabase, make_engine, migrate
from erpdesk.registry.db.schema import audit_log, customers, registrations
from erpdesk.registry.jobs import run_protection_sweep
from erpdesk.registry.registrations import get_registration

HELD = "济南华信机械制造有限公司"
NEAR = "济南华信机械制造设备有限公司"  # scores >= 85 against HELD, not the same key


@pytest.fixture
def reps(client):
    make_user(client, "admin", "admin", display_name="周管理员")
    make_user(client, "rep.a", "rep", display_name="王一")
    make_user(client, "rep.b", "rep", display_name="李二")
    return {name: sign_in(client, name) for name in ("admin", "rep.a", "rep.b")}


def submit(client, headers, body):
    response = client.post("/api/v1/registrations", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def read(client, headers, registration_id):
    response = client.get(f"/api/v1/registrations/{registration_id}", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def stored_near(client, registration_id):
    """``registrations.near_matches`` as stored (None: not checked yet)."""
    with registry_of(client).db.read() as conn:
        return conn.execute(
            select(registrations.c.near_matches).where(registrations.c.id == registration_id)
        ).scalar_one()


def sweep(client, clock, **kwargs):
    return run_protection_sweep(registry_of(client).db, clock.now, holder="test", **kwargs)


def callback(client, headers, registration_id, **body):
    response = client.post(
        f"/api/v1/admin/registrations/{registration_id}/callback", json=body, headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_a_near_name_held_by_another_rep_makes_a_possible_duplicate(client, reps, clock):
    held = registration(HELD, uscc(1), now=clock.now)
    submit(client, reps["rep.a"], held)
    # Read back at once (as its desk does, in the same sync): nothing near.
    first = read(client, reps["rep.a"], held["id"])
    assert first["possible_duplicate"] is False and first["near_matches"] == []

    near = registration(NEAR, uscc(2), now=clock.now)
    answer = submit(client, reps["rep.b"], near)
    # Still pending, waiting for the call-back; the near names not checked yet.
    assert answer["status"] == "pending" and answer["customer_status"] == "pending"
    assert (answer["possible_duplicate"], answer["near_matches"], answer["near_check"]) == (
        False, [], "pending")
    # The rep's read back checks it: only the score of another's customer.
    got = read(client, reps["rep.b"], near["id"])
    assert got["possible_duplicate"] is True and got["near_check"] == "done"
    (match,) = got["near_matches"]
    assert 85 <= match["score"] < 100
    assert match == {"score": match["score"], "customer_id": None, "name": None,
                     "status": None, "owner": None}

    # The administrator sees the customer, its status and owner, by GET and in the queue.
    full = {"score": match["score"], "customer_id": held["customer"]["id"], "name": HELD,
            "status": "pending", "owner": "王一"}
    by_admin = client.get(f"/api/v1/registrations/{near['id']}", headers=reps["admin"]).json()
    assert by_admin["near_matches"] == [full]
    queue = client.get("/api/v1/admin/registrations", headers=reps["admin"]).json()
    marked = {item["id"]: (item["possible_duplicate"], item["near_matches"], item["near_check"])
              for item in queue}
    assert marked == {held["id"]: (False, [], "done"), near["id"]: (True, [full], "done")}


def test_the_reps_own_customer_is_shown_with_its_name(client, reps, clock):
    held = registration(HELD, uscc(1), now=clock.now)
    submit(client, reps["rep.a"], held)
    callback(client, reps["admin"], held["id"], result="valid")
    near = submit(client, reps["rep.a"], registration(NEAR, uscc(2), now=clock.now))
    (match,) = read(client, reps["rep.a"], near["id"])["near_matches"]
    assert (match["customer_id"], match["name"], match["status"], match["owner"]) == (
        held["customer"]["id"], HELD, "protected", "王一")


def test_a_repeat_is_answered_from_the_store_as_the_rep_may_see_it(client, reps, clock):
    submit(client, reps["rep.a"], registration(HELD, uscc(1), now=clock.now))
    near = registration(NEAR, uscc(2), now=clock.now)
    submit(client, reps["rep.b"], near)
    clock.advance(minutes=5)
    # Not read yet: the repeat says the check is pending, and runs none.
    again = client.post("/api/v1/registrations", json=near, headers=reps["rep.b"])
    assert again.status_code == 200 and again.json()["near_check"] == "pending"
    assert stored_near(client, near["id"]) is None
    first = read(client, reps["rep.b"], near["id"])
    again = client.post("/api/v1/registrations", json=near, headers=reps["rep.b"])
    assert again.status_code == 200 and again.json()["near_check"] == "done"
    assert again.json()["near_matches"] == first["near_matches"]
    assert again.json()["near_matches"][0]["name"] is None


def test_only_held_customers_count_and_exact_ones_are_still_refused(client, reps, clock):
    held = registration(HELD, uscc(1), now=clock.now)
    submit(client, reps["rep.a"], held)
    # The same name is refused as before, not flagged.
    same = client.post("/api/v1/registrations", headers=reps["rep.b"],
                       json=registration(HELD, uscc(3), now=clock.now))
    assert same.status_code == 409 and same.json()["error"]["code"] == "pending"
    # Once rejected, the held customer frees its name: no longer a near match.
    callback(client, reps["admin"], held["id"], result="invalid", reason="重复登记")
    near = submit(client, reps["rep.b"], registration(NEAR, uscc(2), now=clock.now))
    answer = read(client, reps["rep.b"], near["id"])
    assert answer["possible_duplicate"] is False and answer["near_matches"] == []
    assert answer["near_check"] == "done" and stored_near(client, near["id"]) == []
    # A company unlike any held one is no possible duplicate either.
    other = submit(client, reps["rep.b"], registration("青岛海岳食品有限公司", uscc(4),
                                                       now=clock.now))
    assert read(client, reps["rep.b"], other["id"])["possible_duplicate"] is False


def test_the_administrator_decides_a_possible_duplicate_with_the_call_back(
    client, reps, clock
):
    held = registration(HELD, uscc(1), now=clock.now)
    submit(client, reps["rep.a"], held)
    near = registration(NEAR, uscc(2), now=clock.now)
    submit(client, reps["rep.b"], near)
    clock.advance(hours=2)
    # Never read before: the call-back checks it before the decision.
    rejected = callback(client, reps["admin"], near["id"], result="invalid",
                        reason=f"duplicate of {HELD}")
    assert rejected["status"] == "rejected" and rejected["reasons"] == f"duplicate of {HELD}"
    # What the check found stays on record; the status is the decision.
    assert rejected["possible_duplicate"] is True and rejected["near_check"] == "done"
    assert [m["customer_id"] for m in stored_near(client, near["id"])] == [
        held["customer"]["id"]]
    got = read(client, reps["rep.b"], near["id"])
    assert (got["status"], got["customer_status"]) == ("rejected", "invalid")
    assert got["reasons"] == f"duplicate of {HELD}"
    queue = client.get("/api/v1/admin/registrations", headers=reps["admin"]).json()
    assert [item["id"] for item in queue] == [held["id"]]

    # A possible duplicate found to be another company is protected like any other.
    other = registration("济南华信机械制造服务有限公司", uscc(5), now=clock.now)
    submit(client, reps["rep.b"], other)
    assert read(client, reps["rep.b"], other["id"])["possible_duplicate"] is True
    verified = callback(client, reps["admin"], other["id"], result="valid")
    assert verified["status"] == "verified" and verified["customer_status"] == "protected"


def test_the_check_is_audited_with_the_near_matches(client, reps, clock):
    held = registration(HELD, uscc(1), now=clock.now)
    submit(client, reps["rep.a"], held)
    read(client, reps["rep.a"], held["id"])  # checked: nothing near, nothing audited
    near = registration(NEAR, uscc(2), now=clock.now)
    submit(client, reps["rep.b"], near)
    clock.advance(minutes=3)
    read(client, reps["rep.b"], near["id"])
    read(client, reps["rep.b"], near["id"])  # read again: not checked again
    with registry_of(client).db.read() as conn:
        entries = conn.execute(
            select(audit_log.c.action, audit_log.c.entity_id, audit_log.c.actor,
                   audit_log.c.at, audit_log.c.after)
            .where(audit_log.c.action.like("registration.%"))
            .order_by(audit_log.c.id)
        ).all()
    stored = stored_near(client, near["id"])
    assert [e.action for e in entries] == [
        "registration.submit", "registration.submit", "registration.possible_duplicate"]
    assert all("near_matches" not in e.after for e in entries[:2])
    found = entries[2]
    assert (found.entity_id, found.actor, found.at) == (
        near["customer"]["id"], "job:near_check", clock.now)
    assert found.after == {"registration": near["id"],
                           "near_matches": [held["customer"]["id"]]}
    # Stored whole (the owner's id decides what each reader sees).
    assert [(m["customer_id"], m["name"], m["status"]) for m in stored] == [
        (held["customer"]["id"], HELD, "pending")]
    assert isinstance(stored[0]["owner_id"], int)


OTHER = "济南华信机械制造装备有限公司"  # near both HELD and NEAR


def test_the_submission_stores_no_check(client, reps, clock):
    submit(client, reps["rep.a"], registration(HELD, uscc(1), now=clock.now))
    near = submit(client, reps["rep.b"], registration(NEAR, uscc(2), now=clock.now))
    assert near["near_check"] == "pending"
    # JSON null, not [] ("checked, nothing near"); no entry but the submission's.
    assert stored_near(client, near["id"]) is None
    with registry_of(client).db.read() as conn:
        actions = conn.execute(
            select(audit_log.c.action).where(audit_log.c.action.like("registration.%"))
        ).scalars().all()
    assert actions == ["registration.submit", "registration.submit"]
    # Another rep's read is refused before anything is checked.
    other = client.get(f"/api/v1/registrations/{near['id']}", headers=reps["rep.a"])
    assert other.status_code == 404
    assert stored_near(client, near["id"]) is None


def test_the_first_read_checks_and_the_answer_stands(client, reps, clock):
    held = submit(client, reps["rep.a"], registration(HELD, uscc(1), now=clock.now))
    near = submit(client, reps["rep.b"], registration(NEAR, uscc(2), now=clock.now))
    first = read(client, reps["admin"], near["id"])
    assert [m["customer_id"] for m in first["near_matches"]] == [held["customer_id"]]
    assert [m["customer_id"] for m in stored_near(client, near["id"])] == [
        held["customer_id"]]
    # A similar customer registered after the first read: its own check finds
    # both, but the earlier answer stands (as of its first check).
    clock.advance(minutes=10)
    other = submit(client, reps["rep.a"], registration(OTHER, uscc(3), now=clock.now))
    later = read(client, reps["admin"], other["id"])
    assert {m["customer_id"] for m in later["near_matches"]} == {
        held["customer_id"], near["customer_id"]}
    again = read(client, reps["admin"], near["id"])
    assert again["near_matches"] == first["near_matches"]
    assert read(client, reps["rep.b"], near["id"])["near_matches"] == [
        {**first["near_matches"][0], "customer_id": None, "name": None, "status": None,
         "owner": None}]


def test_a_customer_registered_before_the_first_check_counts(client, reps, clock):
    """"As of the first check": what was registered in between is found."""
    near = submit(client, reps["rep.b"], registration(NEAR, uscc(2), now=clock.now))
    held = submit(client, reps["rep.a"], registration(HELD, uscc(1), now=clock.now))
    got = read(client, reps["admin"], near["id"])
    assert [m["customer_id"] for m in got["near_matches"]] == [held["customer_id"]]


def test_the_job_checks_the_pending_registrations_not_checked_yet(client, reps, clock):
    held = submit(client, reps["rep.a"], registration(HELD, uscc(1), now=clock.now))
    read(client, reps["rep.a"], held["id"])  # already checked: left alone
    near = submit(client, reps["rep.b"], registration(NEAR, uscc(2), now=clock.now))
    free = submit(client, reps["rep.b"], registration("青岛海岳食品有限公司", uscc(4),
                                                      now=clock.now))
    result = sweep(client, clock, batch=1)  # one a transaction
    assert result.checked == 2 and "checked 2 registrations for near names" in (
        result.describe())
    assert [m["customer_id"] for m in stored_near(client, near["id"])] == [
        held["customer_id"]]
    assert stored_near(client, free["id"]) == []
    assert sweep(client, clock).checked == 0
    # The job's answer is the one read, even with a similar customer registered since.
    other = submit(client, reps["rep.a"], registration(OTHER, uscc(3), now=clock.now))
    got = read(client, reps["admin"], near["id"])
    assert [m["customer_id"] for m in got["near_matches"]] == [held["customer_id"]]
    assert got["near_check"] == "done"
    with registry_of(client).db.read() as conn:
        after = conn.execute(
            select(audit_log.c.after).where(audit_log.c.action == "registration.possible_duplicate")
        ).scalars().all()
    assert after == [{"registration": near["id"], "near_matches": [held["customer_id"]]}]
    assert sweep(client, clock).checked == 1  # the newest one
    assert len(stored_near(client, other["id"])) == 2


def test_the_queue_checks_the_rows_of_its_page(client, reps, clock):
    held = submit(client, reps["rep.a"], registration(HELD, uscc(1), now=clock.now))
    clock.advance(minutes=1)
    near = submit(client, reps["rep.b"], registration(NEAR, uscc(2), now=clock.now))
    page = client.get("/api/v1/admin/registrations", params={"limit": 1},
                      headers=reps["admin"]).json()
    # Neither was checked before the other came: each is near the other.
    ((item_id, check, (match,)),) = [
        (i["id"], i["near_check"], i["near_matches"]) for i in page]
    assert (item_id, check, match["customer_id"], match["owner"]) == (
        held["id"], "done", near["customer_id"], "李二")
    assert [m["customer_id"] for m in stored_near(client, held["id"])] == [
        near["customer_id"]]
    assert stored_near(client, near["id"]) is None  # not on the page: not checked
    page = client.get("/api/v1/admin/registrations", params={"offset": 1},
                      headers=reps["admin"]).json()
    (item,) = page
    assert (item["id"], item["possible_duplicate"], item["near_check"]) == (
        near["id"], True, "done")
    assert [(m["customer_id"], m["name"], m["owner"]) for m in item["near_matches"]] == [
        (held["customer_id"], HELD, "王一")]
    assert [m["customer_id"] for m in stored_near(client, near["id"])] == [
        held["customer_id"]]


def test_a_decided_registration_is_not_checked_again(client, reps, clock):
    held = submit(client, reps["rep.a"], registration(HELD, uscc(1), now=clock.now))
    near = submit(client, reps["rep.b"], registration(NEAR, uscc(2), now=clock.now))
    callback(client, reps["admin"], near["id"], result="valid")
    found = stored_near(client, near["id"])
    assert [m["customer_id"] for m in found] == [held["customer_id"]]
    submit(client, reps["rep.a"], registration(OTHER, uscc(3), now=clock.now))
    got = read(client, reps["admin"], near["id"])
    assert (got["status"], got["near_check"]) == ("verified", "done")
    assert [m["customer_id"] for m in got["near_matches"]] == [held["customer_id"]]
    assert stored_near(client, near["id"]) == found

    # One decided before any check (the call-back of an older registry):
    # never checked afterwards, by a read or by the job.
    with registry_of(client).db.write() as conn:
        conn.execute(update(registrations).where(registrations.c.id == held["id"])
                     .values(status="rejected", near_matches=None))
    assert stored_near(client, held["id"]) is None
    got = read(client, reps["rep.a"], held["id"])
    assert (got["status"], got["near_check"], got["near_matches"]) == ("rejected", "done", [])
    assert sweep(client, clock).checked == 1  # OTHER's, pending; not HELD's
    assert stored_near(client, held["id"]) is None
    queue = client.get("/api/v1/admin/registrations", params={"status": "rejected"},
                       headers=reps["admin"]).json()
    assert [(i["id"], i["near_check"]) for i in queue] == [(held["id"], "done")]
    assert stored_near(client, held["id"]) is None


def _near_matches_revision() -> tuple[str, str]:
    """(revision, down_revision) of the migration adding ``near_matches``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    for script in ScriptDirectory.from_config(config).walk_revisions():
        if Path(script.path).name.endswith("_registration_near_matches.py"):
            assert isinstance(script.down_revision, str)
            return script.revision, script.down_revision
    raise AssertionError("no near_matches migration")


def test_upgrade_keeps_registrations_and_pending_ops_with_no_near_matches(db_url, clock):
    from erpdesk.registry.accounts import User
    from erpdesk.registry.db.schema import applied_ops

    _, before = _near_matches_revision()
    migrate(db_url, before, down=True)
    now = clock.now
    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:
            meta = MetaData()
            old = {n: Table(n, meta, autoload_with=conn)
                   for n in ("users", "customers", "registrations", "applied_ops")}
            assert "near_matches" not in old["registrations"].c
            conn.execute(insert(old["users"]).values(
                id=1, username="rep.a", role="rep", display_name="王一", team="",
                password_hash="x", disabled=False, created_at=now, updated_at=now))
            conn.execute(insert(old["customers"]).values(
                id="c1", name=HELD, name_key="济南华信机械制造", uscc="", fields={},
                status="pending", owner_id=1, created_at=now, updated_at=now,
                field_versions={}, deleted=False, change_number=1))
            conn.execute(insert(old["registrations"]).values(
                id="r1", customer_id="c1", rep_id=1, urgent=False, need="上线 ERP",
                visit={"summary": "拜访"}, contacts=[], customer_snapshot={"name": HELD},
                status="pending", submitted_at=now, deadline=now + timedelta(days=3),
                change_number=2))
            conn.execute(insert(old["applied_ops"]).values(
                op_id="op-1", user_id=1, device_id="laptop", entity="customer",
                entity_id="c1", status="pending", reason="", response={}, applied_at=now))
    finally:
        engine.dispose()
    migrate(db_url)
    db = RegistryDatabase(db_url)
    try:
        with db.read() as conn:
            assert conn.execute(select(registrations.c.near_matches)).scalar_one() == []
            assert conn.execute(select(customers.c.status)).scalar_one() == "pending"
            assert conn.execute(select(applied_ops.c.status)).scalars().all() == ["pending"]
        rep = User(id=1, username="rep.a", role="rep", display_name="王一", team="",
                   disabled=False)
        view = get_registration(db, rep, "r1", now)
        assert (view.status, view.possible_duplicate, view.near_matches) == (
            "pending", False, [])
    finally:
        db.dispose()
