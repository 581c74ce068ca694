"""Notifications: each user reads and marks only its own."""

from __future__ import annotations

from registry_support import error_of, make_user, registry_of, sign_in

from erpdesk.registry.notifications import notify


def _notify(client, clock, user_ids, kind="release_warning", entity_id="c1", **params):
    registry = registry_of(client)
    with registry.db.write() as conn:
        notify(conn, clock.now, user_ids, kind, "customer", entity_id, params)


def test_a_user_reads_and_marks_only_its_own_notifications(client, clock):
    a = make_user(client, "rep.a", "rep")
    b = make_user(client, "rep.b", "rep")
    # Duplicate recipients are told once.
    _notify(client, clock, [a.id, a.id, b.id], name="济南华信", due=clock.now)
    clock.advance(minutes=1)
    _notify(client, clock, [a.id], kind="released", entity_id="c2")
    ha, hb = sign_in(client, "rep.a"), sign_in(client, "rep.b")
    mine = client.get("/api/v1/notifications", headers=ha).json()
    assert [n["kind"] for n in mine] == ["release_warning", "released"]
    assert mine[0]["params"] == {"name": "济南华信", "due": clock.now.replace(minute=0).isoformat()}
    theirs = client.get("/api/v1/notifications", headers=hb).json()
    assert len(theirs) == 1
    # b cannot mark a's notifications read; a can.
    response = client.post(
        "/api/v1/notifications/read", json={"ids": [n["id"] for n in mine]}, headers=hb
    )
    assert response.json() == {"marked": 0}
    response = client.post("/api/v1/notifications/read", json={"ids": [mine[0]["id"]]},
                           headers=ha)
    assert response.json() == {"marked": 1}
    unread = client.get("/api/v1/notifications", params={"unread": "true"}, headers=ha).json()
    assert [n["kind"] for n in unread] == ["released"]
    after = client.get("/api/v1/notifications", params={"after": mine[0]["id"]}, headers=ha)
    assert [n["id"] for n in after.json()] == [mine[1]["id"]]


def test_notifications_need_a_sign_in_and_good_input(client):
    make_user(client, "rep.a", "rep")
    headers = sign_in(client, "rep.a")
    assert error_of(client.get("/api/v1/notifications"))["code"] == "not_authenticated"
    for body in ({"ids": ["x"]}, {"ids": [0]}, {"ids": [2**63]}, {"ids": [1], "more": 1}, {}):
        response = client.post("/api/v1/notifications/read", json=body, headers=headers)
        assert response.status_code == 422, body
        error_of(response)


def test_the_sweep_forgets_notifications_read_long_ago(client, clock):
    from datetime import timedelta

    from erpdesk.registry.jobs import READ_NOTIFICATION_DAYS, run_protection_sweep
    from erpdesk.registry.notifications import list_notifications, mark_read

    a = make_user(client, "rep.a", "rep")
    registry = registry_of(client)
    _notify(client, clock, [a.id], entity_id="old")
    _notify(client, clock, [a.id], entity_id="unread")
    old = list_notifications(registry.db, a)[0]
    mark_read(registry.db, a, [old.id], clock.now)
    run_protection_sweep(
        registry.db, clock.now + timedelta(days=READ_NOTIFICATION_DAYS - 1), holder="t"
    )
    assert len(list_notifications(registry.db, a)) == 2
    run_protection_sweep(
        registry.db, clock.now + timedelta(days=READ_NOTIFICATION_DAYS + 1), holder="t"
    )
    assert [n.entity_id for n in list_notifications(registry.db, a)] == ["unread"]
