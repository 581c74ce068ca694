"""The sign-in answer says whether the user is a team's presales lead (the
desk keeps it as ``sync.presales_lead``), on SQLite and PostgreSQL."""

from __future__ import annotations

from registry_support import PASSWORD, registry_of

from erpdesk.registry.accounts import add_user, update_user
from erpdesk.registry.db.journal import Actor


def lead_flag(client, username: str) -> bool:
    response = client.post("/api/v1/auth/token", json={"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return response.json()["presales_lead"]


def test_the_sign_in_answer_marks_the_presales_lead_and_follows_the_flag(client):
    registry = registry_of(client)
    for name, role, lead in (("lead.e", "presales", True), ("pre.c", "presales", False),
                             ("rep.a", "rep", False)):
        add_user(registry.db, registry.passwords, registry.config.clock(), Actor(None, "test"),
                 name, PASSWORD, role, team="east", presales_lead=lead)  # fmt: skip
    assert [lead_flag(client, n) for n in ("lead.e", "pre.c", "rep.a")] == [True, False, False]

    update_user(registry.db, registry.config.clock(), Actor(None, "test"), "lead.e", "user.role",
                presales_lead=False)  # fmt: skip
    update_user(registry.db, registry.config.clock(), Actor(None, "test"), "pre.c", "user.role",
                presales_lead=True)  # fmt: skip
    assert [lead_flag(client, n) for n in ("lead.e", "pre.c")] == [False, True]
