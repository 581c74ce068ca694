"""``GET /api/v1/presales/consultants`` (routes_presales): the active
presales users a lead may assign, with their open engagements, for a lead
(its team), a manager (its team) and an administrator (all); anyone else is
refused in the user's language.  On SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from registry_support import PASSWORD, registry_of, sign_in
from test_presales_routing import AT, assign, change, engagement_and_task, people, work
from test_sync import new_id, op, push
from test_synced_entities import statuses

from erpdesk.registry.accounts import add_user, update_user
from erpdesk.registry.db.journal import Actor

__all__ = ["people", "work"]  # the fixtures, used by name
URL = "/api/v1/presales/consultants"


def listed(client, headers, **params: Any) -> dict[str, Any]:
    response = client.get(URL, headers=headers, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def names(body: dict[str, Any]) -> list[str]:
    return [c["username"] for c in body["consultants"]]


@pytest.fixture
def more(client, people):
    """A disabled east consultant (never listed) and a west one."""
    registry = registry_of(client)
    for name, team in (("pre.gone", "east"), ("pre.w", "west")):
        add_user(registry.db, registry.passwords, registry.config.clock(), Actor(None, "test"),
                 name, PASSWORD, "presales", team=team, display_name=name.upper())  # fmt: skip
    update_user(registry.db, registry.config.clock(), Actor(None, "test"), "pre.gone",
                "user.disable", disabled=True)  # fmt: skip
    return people


def test_a_lead_lists_its_teams_active_consultants_with_their_open_work(client, more, work):
    assign(client, more, work, "pre.c")
    engagement_and_task(client, more, work, "pre.c")
    body = listed(client, more["lead.e"])
    assert names(body) == ["lead.e", "pre.c", "pre.d"] and body["total"] == 3
    by_name = {c["username"]: c for c in body["consultants"]}
    assert by_name["lead.e"]["lead"] is True and by_name["pre.c"]["lead"] is False
    assert by_name["pre.c"]["team"] == "east"
    assert [by_name[n]["open_engagements"] for n in ("lead.e", "pre.c", "pre.d")] == [0, 1, 0]


def test_a_closed_or_deleted_engagement_is_not_open_work(client, more, work):
    assign(client, more, work, "pre.c")
    engagement_and_task(client, more, work, "pre.c")
    status = change(client, more, "pre.c", "presales_engagement", work["engagement"],
                    step=8, technical_win="won", closed_at=AT)  # fmt: skip
    assert status == "applied"
    # another engagement of the same request, open, re-assigned to pre.d
    other = new_id()
    result = push(client, more["lead.e"], [op(
        "presales_engagement", other, request_id=work["request"], customer_id=work["customer"],
        deal_id=work["deal"], consultant="pre.d", step=1, checklist={}, history=[],
        technical_win="open", opened_at=AT,
    )])  # fmt: skip
    assert statuses(result) == ["applied"], result
    counts = {c["username"]: c["open_engagements"]
              for c in listed(client, more["lead.e"])["consultants"]}  # fmt: skip
    assert (counts["pre.c"], counts["pre.d"]) == (0, 1)


def test_a_manager_lists_its_team_and_an_administrator_everyone(client, more):
    assert names(listed(client, more["boss.e"])) == ["lead.e", "pre.c", "pre.d"]
    everyone = listed(client, more["admin"])
    assert names(everyone) == ["lead.e", "pre.c", "pre.d", "lead.w", "pre.w"]
    assert everyone["total"] == 5
    # pages keep the order and the total
    page = listed(client, more["admin"], limit=2, offset=2)
    assert names(page) == ["pre.d", "lead.w"] and page["total"] == 5
    assert names(listed(client, more["lead.w"])) == ["lead.w", "pre.w"]


@pytest.mark.parametrize("who", ["rep.a", "rep.w"])
def test_a_rep_is_refused_in_its_language(client, more, who):
    response = client.get(URL, headers=more[who])
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert response.json()["error"]["message"] == "Your role (rep) may not do this"
    chinese = client.get(URL, headers={**more[who], "Accept-Language": "zh-CN"})
    assert chinese.status_code == 403
    assert chinese.json()["error"]["message"] == "您的角色（rep）无权执行此操作"


def test_a_telemarketer_and_a_consultant_who_leads_no_team_are_refused(client, more):
    registry = registry_of(client)
    add_user(registry.db, registry.passwords, registry.config.clock(), Actor(None, "test"),
             "tm.a", PASSWORD, "telemarketer", team="east")  # fmt: skip
    response = client.get(URL, headers=sign_in(client, "tm.a"))
    assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"
    response = client.get(URL, headers=more["pre.c"])
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "not_presales_lead"
    assert "presales lead" in response.json()["error"]["message"]


def test_signed_out_and_bad_pages_are_refused(client, more):
    assert client.get(URL).status_code == 401
    response = client.get(URL, headers=more["admin"], params={"limit": 0})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"


def test_the_desks_client_reads_the_list(client, more, work):
    """``WorkbenchApi.consultants`` over the registry's real answer."""
    from erpdesk.sync.workbench_api import PresalesConsultant, WorkbenchApi

    assign(client, more, work, "pre.d")
    engagement_and_task(client, more, work, "pre.d")
    token = more["lead.e"]["Authorization"].split()[1]
    api = WorkbenchApi("http://testserver", token, transport=client._transport)
    try:
        got = api.consultants()
    finally:
        api.close()
    assert isinstance(got, tuple) and all(isinstance(c, PresalesConsultant) for c in got)
    assert [(c.username, c.team, c.lead, c.open_engagements) for c in got] == [
        ("lead.e", "east", True, 0), ("pre.c", "east", False, 0), ("pre.d", "east", False, 1),
    ]
