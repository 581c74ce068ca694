"""Registration (客户注册) and the duplicate check, as a rep meets them."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from registry_support import (
    PASSWORD,
    error_of,
    make_user,
    registration,
    registry_of,
    sign_in,
    uscc,
)


@pytest.fixture
def reps(client):
    make_user(client, "admin", "admin", display_name="周管理员")
    make_user(client, "rep.a", "rep", display_name="王一")
    make_user(client, "rep.b", "rep", display_name="李二")
    return {name: sign_in(client, name) for name in ("admin", "rep.a", "rep.b")}


def verify(client, admin_headers, registration_id):
    response = client.post(
        f"/api/v1/admin/registrations/{registration_id}/callback",
        json={"result": "valid", "note": "电话回访张经理,确认拜访和需求"}, headers=admin_headers,
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_an_incomplete_registration_is_refused_with_every_reason(client, reps):
    good = uscc(1)
    wrong_check = good[:17] + ("0" if good[17] != "0" else "1")
    body = registration(
        "华信", wrong_check, phone="12345", province="", city="", address="",
        industry=None,
    )
    body["contacts"] = []
    body["visit"] = None
    body["need"] = ""
    response = client.post("/api/v1/registrations", json=body, headers=reps["rep.a"])
    assert response.status_code == 422
    error = error_of(response)
    assert error["code"] == "registration_incomplete"
    codes = {(p["field"], p["code"]) for p in error["problems"]}
    assert {
        ("name", "name.too_short"),
        ("uscc", "uscc.check"),
        ("phone", "phone.invalid"),
        ("industry", "gap.industry"),
        ("province", "gap.province"),
        ("city", "gap.city"),
        ("address", "gap.address"),
        ("contact", "gap.contact"),
        ("need", "gap.need"),
        ("visit", "gap.visit"),
    } <= codes
    assert all(p["message"] for p in error["problems"])
    # Nothing was stored: the same id is still free.
    assert client.get(f"/api/v1/registrations/{body['id']}", headers=reps["rep.a"]).status_code \
        == 404


def test_a_planned_visit_and_a_bad_contact_are_reasons_too(client, reps, clock):
    body = registration(now=clock.now)
    body["visit"]["occurred_at"] = (clock.now + timedelta(days=2)).isoformat()
    body["contacts"][0]["mobile"] = "1381234"
    response = client.post("/api/v1/registrations", json=body, headers=reps["rep.a"])
    problems = error_of(response)["problems"]
    assert {p["code"] for p in problems} == {"gap.visit", "mobile.invalid"}


def test_a_complete_registration_is_pending_with_a_three_day_deadline(client, reps, clock):
    body = registration(now=clock.now)
    response = client.post("/api/v1/registrations", json=body, headers=reps["rep.a"])
    assert response.status_code == 201, response.text
    data = response.json()
    assert data["status"] == "pending" and data["customer_status"] == "pending"
    assert data["customer_id"] == body["customer"]["id"]
    assert data["rep"] == "rep.a" and not data["overdue"]
    assert datetime.fromisoformat(data["deadline"]) == clock.now + timedelta(days=3)
    urgent = registration("青岛海岳食品有限公司", uscc(2), now=clock.now, urgent=True)
    data = client.post("/api/v1/registrations", json=urgent, headers=reps["rep.a"]).json()
    assert datetime.fromisoformat(data["deadline"]) == clock.now


def test_a_registration_stores_its_rows_numbered_and_stamped_for_the_merge(
    client, reps, clock
):
    # On PostgreSQL the customer, the registration and their changes are one
    # statement (journal.insert_stamped); on SQLite inserts and then stamps:
    # both leave the same rows.
    from sqlalchemy import select

    from erpdesk.domain.names import normalize_company_name
    from erpdesk.registry.db.schema import changes, customers, registrations, users

    body = registration(now=clock.now, website="https://huaxin.example.cn")
    assert client.post("/api/v1/registrations", json=body, headers=reps["rep.a"]).status_code \
        == 201
    with registry_of(client).db.read() as conn:
        cust = conn.execute(select(customers).where(customers.c.id == body["customer"]["id"])).one()
        reg = conn.execute(select(registrations).where(registrations.c.id == body["id"])).one()
        rep_id = conn.execute(select(users.c.id).where(users.c.username == "rep.a")).scalar()
        recorded = conn.execute(select(changes.c.number, changes.c.entity, changes.c.entity_id)
                                .order_by(changes.c.number)).all()
    assert reg.change_number == cust.change_number + 1
    assert [tuple(r) for r in recorded[-2:]] == [
        (cust.change_number, "customers", cust.id), (reg.change_number, "registrations", reg.id)]
    assert (cust.status, cust.owner_id) == ("pending", rep_id)
    assert cust.name_key == normalize_company_name(body["customer"]["name"])
    assert cust.fields["website"] == "https://huaxin.example.cn"
    assert cust.fields["need"] == body["need"] and cust.deleted is False
    assert set(cust.field_versions) == {"name", "uscc", *cust.fields}
    assert {tuple(v) for v in cust.field_versions.values()} == {
        (cust.change_number, f"u:{rep_id}")}
    assert reg.contacts[0]["name"] == "张伟" and reg.visit["summary"] == body["visit"]["summary"]
    assert reg.customer_snapshot["uscc"] == body["customer"]["uscc"]
    assert (reg.status, reg.rep_id, reg.submitted_at) == ("pending", rep_id, clock.now)


def test_a_repeated_request_returns_the_stored_result(client, reps, clock):
    body = registration(now=clock.now)
    first = client.post("/api/v1/registrations", json=body, headers=reps["rep.a"])
    clock.advance(hours=1)
    again = client.post("/api/v1/registrations", json=body, headers=reps["rep.a"])
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    # The id is the request's: another rep cannot reuse it.
    stolen = client.post("/api/v1/registrations", json=body, headers=reps["rep.b"])
    assert stolen.status_code == 409
    assert error_of(stolen)["code"] == "id_in_use"


def test_a_company_another_rep_protects_shows_only_the_owners_name_and_date(
    client, reps, clock
):
    body = registration("济南华信机械制造有限公司", uscc(1), now=clock.now)
    registered = client.post("/api/v1/registrations", json=body, headers=reps["rep.a"]).json()
    verify(client, reps["admin"], registered["id"])
    protected_at = clock.now
    clock.advance(hours=5)
    # Same code under another name; same name key under another code.
    variants = (("华信机械(济南)有限公司", uscc(1)), ("济南华信机械制造股份有限公司", uscc(3)))
    for name, code in variants:
        other = registration(name, code, now=clock.now)
        response = client.post("/api/v1/registrations", json=other, headers=reps["rep.b"])
        assert response.status_code == 409
        error = error_of(response)
        assert error["code"] == "protected_by_other"
        assert set(error) == {"code", "message", "owner", "since"}
        assert error["owner"] == "王一"
        assert datetime.fromisoformat(error["since"]) == protected_at
        assert "华信" not in error["message"]
    # The owner itself is told it holds it already.
    mine = client.post(
        "/api/v1/registrations", json=registration("华信机械制造", uscc(1), now=clock.now),
        headers=reps["rep.a"],
    )
    assert error_of(mine)["code"] == "protected_by_you"


def test_a_pending_company_is_a_conflict_too(client, reps, clock):
    client.post("/api/v1/registrations", json=registration(now=clock.now), headers=reps["rep.a"])
    response = client.post(
        "/api/v1/registrations", json=registration(now=clock.now), headers=reps["rep.b"]
    )
    assert response.status_code == 409
    error = error_of(response)
    assert error["code"] == "pending" and error["owner"] == "王一"
    assert set(error) == {"code", "message", "owner", "since"}


def test_the_check_tells_free_yours_theirs_pending_and_similar(client, reps, clock):
    check = "/api/v1/customers/check"
    free = client.get(check, params={"name": "济南华信机械制造有限公司"}, headers=reps["rep.b"])
    assert free.json()["status"] == "free"
    body = registration("济南华信机械制造有限公司", uscc(1), now=clock.now)
    registered = client.post("/api/v1/registrations", json=body, headers=reps["rep.a"]).json()

    pending = client.get(check, params={"uscc": uscc(1)}, headers=reps["rep.b"]).json()
    assert pending["status"] == "pending" and pending["owner"] == "王一"
    assert pending["customer_id"] is None

    verify(client, reps["admin"], registered["id"])
    theirs = client.get(
        check, params={"name": "华信机械制造(济南)有限公司"}, headers=reps["rep.b"]
    ).json()
    assert theirs["status"] == "protected_by_other"
    assert theirs["owner"] == "王一" and theirs["since"] is not None
    assert theirs["customer_id"] is None
    assert theirs["matches"] == [
        {"kind": "same_name", "score": 100.0, "customer_id": None, "name": None, "owner": None}
    ]
    yours = client.get(check, params={"uscc": uscc(1)}, headers=reps["rep.a"]).json()
    assert yours["status"] == "protected_by_you"
    assert yours["customer_id"] == body["customer"]["id"]

    # A near name: scores for the rep, the candidate itself for the admin.
    near = {"name": "济南华信机械制造设备有限公司"}
    for_rep = client.get(check, params=near, headers=reps["rep.b"]).json()
    assert for_rep["status"] == "possible_duplicate"
    (match,) = for_rep["matches"]
    assert match["kind"] == "similar" and match["score"] >= 85
    assert match["name"] is None and match["customer_id"] is None
    for_admin = client.get(check, params=near, headers=reps["admin"]).json()
    assert for_admin["matches"][0]["name"] == "济南华信机械制造有限公司"
    assert for_admin["matches"][0]["owner"] == "王一"
    # A key contained in the new one (the domain's containment rule) is found too.
    contained = client.get(
        check, params={"name": "济南华信机械制造集团山东物流"}, headers=reps["rep.b"]
    ).json()
    assert contained["status"] == "possible_duplicate"

    unrelated = client.get(check, params={"name": "青岛海岳食品有限公司"}, headers=reps["rep.b"])
    assert unrelated.json()["status"] == "free"


def test_the_check_needs_a_name_or_a_code(client, reps):
    response = client.get("/api/v1/customers/check", headers=reps["rep.a"])
    assert response.status_code == 400
    assert error_of(response)["code"] == "invalid_request"


def test_a_rep_sees_its_own_registration_and_customer_but_no_one_elses(client, reps, clock):
    body = registration(now=clock.now)
    registered = client.post("/api/v1/registrations", json=body, headers=reps["rep.a"]).json()
    own = client.get(f"/api/v1/registrations/{registered['id']}", headers=reps["rep.a"])
    assert own.status_code == 200 and own.json()["id"] == registered["id"]
    customer = client.get(f"/api/v1/customers/{body['customer']['id']}", headers=reps["rep.a"])
    assert customer.status_code == 200
    assert customer.json()["fields"]["need"] == body["need"]
    for url in (f"/api/v1/registrations/{registered['id']}",
                f"/api/v1/customers/{body['customer']['id']}"):
        response = client.get(url, headers=reps["rep.b"])
        assert response.status_code == 404
        assert error_of(response)["code"] == "not_found"


def test_when_a_race_slips_past_the_check_the_unique_index_answers_409(
    client, reps, clock, monkeypatch
):
    from erpdesk.registry import registrations as module

    client.post("/api/v1/registrations", json=registration(now=clock.now), headers=reps["rep.a"])
    real = module.slot_holders
    blinded, calls = [], []

    def blind(*args, **kwargs):  # the check before the insert sees no holder
        blinded.append(args)
        return []

    def looked_up(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "holders_among", blind)
    monkeypatch.setattr(module, "slot_holders", looked_up)
    late = registration("华信机械制造(济南)有限公司", uscc(1), now=clock.now)
    response = client.post("/api/v1/registrations", json=late, headers=reps["rep.b"])
    # The insert failed on the index, then the holder was found.
    assert len(blinded) == 1 and len(calls) >= 1
    assert response.status_code == 409
    error = error_of(response)
    assert error["code"] == "pending" and error["owner"] == "王一"
    assert client.get(f"/api/v1/registrations/{late['id']}", headers=reps["rep.b"]) \
        .status_code == 404


def test_a_registration_that_meets_a_deadlock_is_run_again(client, reps, clock, monkeypatch):
    # PostgreSQL breaks a deadlock (say with a push writing the same new
    # customer) by rolling one transaction back; that registration runs again.
    import psycopg.errors
    from sqlalchemy.exc import OperationalError

    from erpdesk.registry import registrations as module

    real, calls = module._insert, []

    def deadlocked_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("INSERT", {}, psycopg.errors.DeadlockDetected("deadlock"))
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "_insert", deadlocked_once)
    body = registration(now=clock.now)
    response = client.post("/api/v1/registrations", json=body, headers=reps["rep.a"])
    assert response.status_code == 201, response.text
    assert len(calls) == 2
    # Any other failure of the database is not retried.
    calls.clear()

    def gone(*args, **kwargs):
        calls.append(1)
        raise OperationalError("INSERT", {}, psycopg.errors.AdminShutdown("bye"))

    monkeypatch.setattr(module, "_insert", gone)
    other = registration("济南鲁信重工有限公司", uscc(2), now=clock.now)
    response = client.post("/api/v1/registrations", json=other, headers=reps["rep.a"])
    assert response.status_code == 503 and len(calls) == 1


def drop_every_connection(client) -> None:
    """As a PostgreSQL restart does: every pooled connection of the registry dies."""
    from sqlalchemy import create_engine, text

    registry = registry_of(client)
    if registry.db.dialect != "postgresql":
        pytest.skip("PostgreSQL only: an SQLite file has no server connections to lose")
    killer = create_engine(registry.db.url, isolation_level="AUTOCOMMIT")
    try:
        with killer.connect() as conn:
            killed = conn.execute(text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )).scalar()
    finally:
        killer.dispose()
    assert killed >= 1


def test_requests_go_on_after_the_database_drops_every_connection(client, reps, clock):
    # The sign-in every request starts with reconnects (the pool is renewed)
    # instead of answering 503; so does a password sign-in, and a
    # registration whose own connection is the dead one runs again.
    from erpdesk.registry.accounts import authenticate
    from erpdesk.registry.api.schemas import RegistrationIn
    from erpdesk.registry.registrations import submit_registration

    for _ in range(3):  # several pooled connections
        assert client.get("/api/v1/registrations/none", headers=reps["rep.a"]).status_code == 404
    drop_every_connection(client)
    body = registration(now=clock.now)
    response = client.post("/api/v1/registrations", json=body, headers=reps["rep.a"])
    assert response.status_code == 201, response.text
    assert client.get(f"/api/v1/registrations/{body['id']}", headers=reps["rep.a"]).json()[
        "status"] == "pending"

    drop_every_connection(client)
    assert client.post("/api/v1/auth/token", json={
        "username": "rep.b", "password": PASSWORD}).status_code == 200

    db = registry_of(client).db
    user = authenticate(db, reps["rep.a"]["Authorization"].split()[1], clock.now)
    drop_every_connection(client)
    other = registration("青岛海岳食品有限公司", uscc(2), now=clock.now)
    request = RegistrationIn.model_validate(other).to_domain()
    view, created = submit_registration(db, user, request, clock.now)
    assert created and view.status == "pending"
