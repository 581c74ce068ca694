"""Rep profiles and allocation suggestions (methodology section 7, 客户的分配):
the profile from the command line and the API with its checks, the scoring
criterion by criterion, the cap, who is never suggested, and the access
matrix and bad input of the new endpoints."""

from __future__ import annotations

import io
import json
import uuid

import pytest
from registry_support import error_of, make_user, registry_of, sign_in
from sqlalchemy import event, insert, select, update

from erpdesk.domain.customer import SizeBand
from erpdesk.registry.accounts import set_profile, update_user
from erpdesk.registry.cli import main
from erpdesk.registry.db.journal import Actor
from erpdesk.registry.db.schema import audit_log, customers, users
from erpdesk.registry.policy import load_policy, set_setting
from erpdesk.registry.suggestions import (
    ABILITY_POINTS,
    CITY_POINTS,
    INDUSTRY_POINTS,
    LOAD_POINTS,
    NEIGHBOUR_SIZE_POINTS,
    PROVINCE_POINTS,
    SIZE_POINTS,
    suggest_for_fields,
)

TEST = Actor(None, "test")
JINAN = {
    "industry": "machinery",
    "size_band": "medium",
    "province": "山东省",
    "city": "济南市",
    "source": "phone",
}


# -- helpers ------------------------------------------------------------------------


def profile(client, username, **parts):
    registry = registry_of(client)
    return set_profile(registry.db, registry.config.clock(), TEST, username, **parts)


def add_customer(client, *, owner=None, status="pool", **fields):
    """A customer row with *fields*, owned by the user named *owner*."""
    registry = registry_of(client)
    customer_id = str(uuid.uuid4())
    now = registry.config.clock()
    with registry.db.write() as conn:
        owner_id = None
        if owner is not None:
            owner_id = conn.execute(
                select(users.c.id).where(users.c.username == owner)
            ).scalar_one()
        conn.execute(
            insert(customers).values(
                id=customer_id,
                name=f"客户{customer_id}",
                name_key=customer_id,
                fields=fields,
                owner_id=owner_id,
                status=status,
                created_at=now,
                updated_at=now,
            )
        )
    return customer_id


def hold(client, username, count, status="protected"):
    for _ in range(count):
        add_customer(client, owner=username, status=status)


def set_cap(client, cap):
    registry = registry_of(client)
    with registry.db.write() as conn:
        set_setting(conn, registry.config.clock(), TEST, "rep_cap", str(cap))


def suggest(client, headers, customer_id, **params):
    response = client.get(
        f"/api/v1/admin/customers/{customer_id}/suggestions", params=params, headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()


def names(result):
    return [s["username"] for s in result["suggestions"]]


def reason(suggestion, criterion):
    (found,) = [r for r in suggestion["reasons"] if r["criterion"] == criterion]
    return found


def by_name(result):
    return {s["username"]: s for s in result["suggestions"]}


@pytest.fixture
def admin(client):
    make_user(client, "admin", "admin", display_name="周管理员")
    return sign_in(client, "admin")


@pytest.fixture
def reps(client):
    for name in ("rep.a", "rep.b", "rep.c", "rep.d"):
        make_user(client, name, "rep", team="east")
    return ["rep.a", "rep.b", "rep.c", "rep.d"]


# -- profiles -----------------------------------------------------------------------


def run(db_url, *args):
    out = io.StringIO()
    code = main([*args, "--db", db_url], stdout=out, stdin=io.StringIO("a-good-password\n"))
    return code, out.getvalue()


def test_profiles_from_the_command_line(db_url, capsys):
    assert run(db_url, "user", "add", "rep.a", "--role", "rep", "--display-name", "王一",
               "--team", "east", "--password-stdin")[0] == 0  # fmt: skip
    assert run(db_url, "user", "add", "boss", "--role", "admin", "--password-stdin")[0] == 0
    code, shown = run(db_url, "user", "profile", "rep.a")
    assert code == 0
    assert shown == (
        "rep.a (王一), rep in east\n  industries: -\n  size bands: -\n  regions: -\n  ability: 3\n"
    )
    code, shown = run(
        db_url, "user", "profile", "REP.A", "--industry", "machinery", "--industry", "食品饮料",
        "--industry", "machinery", "--size-band", "medium", "--size-band", "Large",
        "--region", " 山东省 ", "--region", "济南市", "--ability", "4",
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert "  industries: machinery, food\n  size bands: medium, large\n" in shown
    assert "  regions: 山东省, 济南市\n  ability: 4\n" in shown
    # One list replaced, the rest kept; --clear empties a list.
    code, shown = run(db_url, "user", "profile", "rep.a", "--clear", "regions", "--ability", "5")
    assert "  industries: machinery, food\n" in shown and "  regions: -\n  ability: 5\n" in shown
    code, listing = run(db_url, "user", "list")
    assert (
        "rep.a\trep\teast\t王一\tability 5; industries machinery, food; "
        "size bands medium, large; regions -\n"
    ) in listing
    assert "boss\tadmin\t-\tboss\n" in listing

    for args, reasons in (
        (("--industry", "mining"), ["Unknown industry 'mining'", "machinery, electronics"]),
        (("--size-band", "big"), ["Unknown size band 'big'", "micro, small, medium"]),
        (("--ability", "9"), ["from 1 to 5, not 9"]),
        (("--ability", "0", "--region", "x" * 51), ["not 0", "at most 50 characters"]),
        (("--region", "  "), ["A region is a province or city name"]),
    ):
        code, _ = run(db_url, "user", "profile", "rep.a", *args)
        err = capsys.readouterr().err
        assert code == 1 and err.count("\n") == 1, err
        assert all(r in err for r in reasons), err
    with pytest.raises(SystemExit) as exc:
        run(db_url, "user", "profile", "rep.a", "--ability", "four")
    assert exc.value.code == 2 and "invalid int value" in capsys.readouterr().err
    code, _ = run(db_url, "user", "profile", "rep.a", "--clear", "regions", "--region", "济南")
    assert code == 2 and "contradict" in capsys.readouterr().err
    code, _ = run(db_url, "user", "profile", "boss", "--ability", "4")
    assert code == 1 and "boss is not a sales rep" in capsys.readouterr().err
    code, _ = run(db_url, "user", "profile", "ghost")
    assert code == 1 and "User ghost was not found" in capsys.readouterr().err
    # The refused attempts changed nothing.
    code, shown = run(db_url, "user", "profile", "rep.a")
    assert "  ability: 5\n" in shown and "  regions: -\n" in shown


def test_profiles_over_the_api_are_checked_and_audited(client, admin, reps):
    url = "/api/v1/admin/reps/rep.a/profile"
    body = {"industries": ["machinery", "化工"], "size_bands": ["medium"], "ability": 4}
    response = client.put(url, json=body, headers=admin)
    assert response.status_code == 200, response.text
    assert response.json() == {
        "username": "rep.a", "display_name": "Rep.A", "team": "east",
        "industries": ["machinery", "chemicals"], "size_bands": ["medium"], "regions": [],
        "ability": 4,
    }  # fmt: skip
    # Parts left out (or null) are kept.
    response = client.put(url, json={"regions": ["济南市"], "ability": None}, headers=admin)
    assert response.json()["industries"] == ["machinery", "chemicals"]
    assert response.json()["regions"] == ["济南市"] and response.json()["ability"] == 4
    client.put(url, json={"regions": ["济南市"]}, headers=admin)  # no change: no audit entry
    with registry_of(client).db.read() as conn:
        entries = conn.execute(
            select(audit_log).where(audit_log.c.action == "user.profile").order_by(audit_log.c.id)
        ).all()
    assert [(e.actor, e.entity) for e in entries] == [("admin", "user")] * 2
    assert entries[0].before == {
        "industries": [], "size_bands": [], "regions": [], "ability": 3,
    }  # fmt: skip
    assert entries[1].after["regions"] == ["济南市"]

    bad = client.put(
        url,
        json={
            "industries": ["machinery", "mining"],
            "size_bands": ["gigantic"],
            "regions": ["济南市", "", "x" * 51, "济南\x01"],
            "ability": 6,
        },
        headers=admin,
    )
    assert bad.status_code == 422
    error = error_of(bad)
    assert error["code"] == "invalid_input"
    problems = [(p["field"], p["code"]) for p in error["problems"]]
    assert problems == [
        ("industries", "unknown_industry"),
        ("size_bands", "unknown_size_band"),
        ("regions", "empty_region"),
        ("regions", "region_too_long"),
        ("regions", "invalid_region"),
        ("ability", "invalid_ability"),
    ]
    messages = [p["message"] for p in error["problems"]]
    assert "'mining'" in messages[0] and "manufacturing, machinery" in messages[0]
    assert "'gigantic'" in messages[1] and "micro, small, medium, large, huge" in messages[1]
    assert messages[5] == "The sales ability is a whole number from 1 to 5, not 6"
    many = client.put(url, json={"regions": [f"城市{i}" for i in range(101)]}, headers=admin)
    assert [p["code"] for p in error_of(many)["problems"]] == ["too_many_regions"]
    # Nothing of the refused requests was stored.
    reps_now = client.get("/api/v1/admin/reps", headers=admin).json()["reps"]
    assert reps_now[0]["regions"] == ["济南市"] and reps_now[0]["ability"] == 4


def test_profile_bad_input_is_a_json_4xx(client, admin, reps):
    make_user(client, "tm", "telemarketer")
    url = "/api/v1/admin/reps/rep.a/profile"
    for body in (
        {"industries": ["machinery"], "owner": "x"},  # unknown field
        {"ability": "4"},
        {"ability": True},
        {"ability": 4.5},
        {"ability": 10**30},
        {"industries": "machinery"},
        {"regions": [1, 2]},
        {"regions": ["济南\x00市"]},
        {"size_bands": {"medium": True}},
        {"regions": ["长" * 201]},
        {"industries": ["x"] * 101},
        [1, 2],
        "text",
    ):
        response = client.put(url, json=body, headers=admin)
        assert response.status_code == 422, (body, response.text)
        assert error_of(response)["code"] == "invalid_request", body
    raw = [
        b'{"regions": ["\\ud800"]}',  # a lone surrogate: not storable text
        b'{"industries": ["\\u0000"]}',
        b'{"regions": ["a\\u0007b"]}',
    ]
    for content in raw:
        response = client.put(
            url, content=content, headers={**admin, "Content-Type": "application/json"}
        )
        assert response.status_code == 422, (content, response.text)
        assert error_of(response)["code"] in ("invalid_request", "invalid_input")
    for content in (b"{", b"\xff\xfe"):
        response = client.put(
            url, content=content, headers={**admin, "Content-Type": "application/json"}
        )
        assert response.status_code == 400 and error_of(response)["code"] == "malformed_json"
    for path, status, code in (
        ("/api/v1/admin/reps/ghost/profile", 404, "not_found"),
        ("/api/v1/admin/reps/tm/profile", 409, "not_a_rep"),
        ("/api/v1/admin/reps/admin/profile", 409, "not_a_rep"),
        ("/api/v1/admin/reps/rep%00a/profile", 422, "invalid_request"),
        (f"/api/v1/admin/reps/{'r' * 65}/profile", 422, "invalid_request"),
        ("/api/v1/admin/reps/%27%20OR%201=1--/profile", 404, "not_found"),
    ):
        response = client.put(path, json={"ability": 4}, headers=admin)
        assert response.status_code == status, (path, response.text)
        assert error_of(response)["code"] == code
    assert client.get("/api/v1/admin/reps", headers=admin).json()["reps"][0]["ability"] == 3


def test_the_reps_listing_shows_profiles_and_load_against_the_cap(client, admin, reps):
    make_user(client, "boss2", "manager", team="east")
    registry = registry_of(client)
    update_user(registry.db, registry.config.clock(), TEST, "rep.d", "user.disable", disabled=True)
    profile(client, "rep.b", regions=["青岛市"], ability=5)
    set_cap(client, 3)
    hold(client, "rep.a", 3)
    hold(client, "rep.b", 1, status="pending")
    hold(client, "rep.b", 1, status="pool")  # only pending and protected ones count
    hold(client, "rep.b", 2, status="unregistered")  # holds no slot
    hold(client, "rep.b", 1, status="invalid")
    response = client.get("/api/v1/admin/reps", headers=admin)
    assert response.status_code == 200
    data = response.json()
    assert data["rep_cap"] == 3
    assert [(r["username"], r["held"], r["at_cap"]) for r in data["reps"]] == [
        ("rep.a", 3, True),
        ("rep.b", 1, False),
        ("rep.c", 0, False),
    ]
    assert data["reps"][1]["regions"] == ["青岛市"] and data["reps"][1]["ability"] == 5


# -- scoring, criterion by criterion --------------------------------------------------


def test_project_type_industry_decides_between_equal_reps(client, admin, reps):
    profile(client, "rep.a", industries=["food"])
    profile(client, "rep.b", industries=["machinery", "food"])
    result = suggest(client, admin, add_customer(client, **JINAN))
    assert names(result)[:2] == ["rep.b", "rep.a"]
    best, other = result["suggestions"][:2]
    assert reason(best, "industry") == {
        "criterion": "industry", "matched": True, "points": INDUSTRY_POINTS,
        "detail": "machinery",
    }  # fmt: skip
    assert reason(other, "industry") == {
        "criterion": "industry", "matched": False, "points": 0, "detail": "",
    }  # fmt: skip
    assert best["score"] - other["score"] == INDUSTRY_POINTS


def test_project_size_exact_beats_a_neighbouring_band_beats_none(client, admin, reps):
    profile(client, "rep.a", size_bands=["micro"])
    profile(client, "rep.b", size_bands=["large"])
    profile(client, "rep.c", size_bands=["medium", "huge"])
    result = suggest(client, admin, add_customer(client, **JINAN))
    assert names(result) == ["rep.c", "rep.b", "rep.a", "rep.d"]
    found = by_name(result)
    assert [
        (reason(found[n], "size_band")["points"], reason(found[n], "size_band")["detail"])
        for n in ("rep.c", "rep.b", "rep.a")
    ] == [(SIZE_POINTS, "exact"), (NEIGHBOUR_SIZE_POINTS, "neighbour"), (0, "")]
    # The ends of the scale have one neighbour each.
    huge = suggest(client, admin, add_customer(client, **{**JINAN, "size_band": "huge"}))
    assert reason(by_name(huge)["rep.b"], "size_band")["detail"] == "neighbour"
    assert reason(by_name(huge)["rep.a"], "size_band")["matched"] is False


def test_location_city_beats_province_beats_elsewhere(client, admin, reps):
    profile(client, "rep.a", regions=["青岛市", "河北省"])
    profile(client, "rep.b", regions=["山东"])
    profile(client, "rep.c", regions=["济南"])
    profile(client, "rep.d", regions=["山东省", "济南市"])
    result = suggest(client, admin, add_customer(client, **JINAN))
    assert names(result) == ["rep.c", "rep.d", "rep.b", "rep.a"]
    details = [
        (reason(s, "location")["detail"], reason(s, "location")["points"])
        for s in result["suggestions"]
    ]
    assert details == [
        ("city", CITY_POINTS),
        ("city", CITY_POINTS),
        ("province", PROVINCE_POINTS),
        ("", 0),
    ]
    # 吉林省 names the province only; a bare 吉林 is the city when the customer is there.
    profile(client, "rep.a", regions=["吉林省"])
    profile(client, "rep.b", regions=["吉林"])
    jilin = suggest(
        client, admin, add_customer(client, province="吉林省", city="吉林市", industry="food")
    )
    assert reason(by_name(jilin)["rep.a"], "location")["detail"] == "province"
    assert reason(by_name(jilin)["rep.b"], "location")["detail"] == "city"
    changchun = suggest(client, admin, add_customer(client, province="吉林省", city="长春市"))
    assert reason(by_name(changchun)["rep.b"], "location")["detail"] == "province"


def test_ability_counts_and_weighs_more_for_larger_companies(client, admin, reps):
    profile(client, "rep.a", ability=2)
    profile(client, "rep.b", ability=5)
    huge = suggest(client, admin, add_customer(client, **{**JINAN, "size_band": "huge"}))
    micro = suggest(client, admin, add_customer(client, **{**JINAN, "size_band": "micro"}))
    assert names(huge)[0] == names(micro)[0] == "rep.b"
    assert names(huge)[-1] == "rep.a"
    gap_huge = by_name(huge)["rep.b"]["score"] - by_name(huge)["rep.a"]["score"]
    gap_micro = by_name(micro)["rep.b"]["score"] - by_name(micro)["rep.a"]["score"]
    assert gap_huge > gap_micro > 0
    assert reason(by_name(huge)["rep.b"], "ability") == {
        "criterion": "ability", "matched": True, "points": 5 * ABILITY_POINTS[SizeBand.HUGE],
        "detail": "5",
    }  # fmt: skip
    assert ABILITY_POINTS[SizeBand.HUGE] > ABILITY_POINTS[SizeBand.MICRO]


def test_fewer_customers_held_is_better_and_ties_go_by_name(client, admin, reps):
    customer_id = add_customer(client, **JINAN)
    assert names(suggest(client, admin, customer_id)) == ["rep.a", "rep.b", "rep.c", "rep.d"]
    hold(client, "rep.a", 3)
    hold(client, "rep.c", 1, status="pending")
    result = suggest(client, admin, customer_id)
    assert names(result) == ["rep.b", "rep.d", "rep.c", "rep.a"]
    load = reason(by_name(result)["rep.a"], "load")
    assert load == {
        "criterion": "load", "matched": True, "points": round(LOAD_POINTS * 197 / 200, 2),
        "detail": "3/200",
    }  # fmt: skip
    assert [s["held"] for s in result["suggestions"]] == [0, 0, 1, 3]


def test_a_rep_at_the_cap_is_flagged_and_never_first(client, admin, reps):
    profile(client, "rep.a", industries=["machinery"], size_bands=["medium"], regions=["济南"])
    profile(client, "rep.a", ability=5)
    set_cap(client, 2)
    hold(client, "rep.a", 2)
    customer_id = add_customer(client, **JINAN)
    result = suggest(client, admin, customer_id)
    assert names(result) == ["rep.b", "rep.c", "rep.d", "rep.a"]
    capped = result["suggestions"][-1]
    assert capped["at_cap"] is True and capped["score"] > result["suggestions"][0]["score"]
    assert reason(capped, "load") == {
        "criterion": "load", "matched": False, "points": 0, "detail": "2/2",
    }  # fmt: skip
    assert all(s["at_cap"] is False for s in result["suggestions"][:-1])
    assert names(suggest(client, admin, customer_id, limit=3)) == ["rep.b", "rep.c", "rep.d"]
    # Allocation agrees: the first suggestion can be given the customer, the capped rep not.
    first = names(result)[0]
    assert result["rep_cap"] == 2 and first != "rep.a"


def test_disabled_reps_and_other_roles_are_never_suggested(client, admin, reps):
    for name, role in (("mgr", "manager"), ("tm", "telemarketer"), ("pre", "presales")):
        make_user(client, name, role, team="east")
    everything = {
        "industries": ["machinery"], "size_bands": ["medium"], "regions": ["济南市"],
        "ability": 5,
    }  # fmt: skip
    profile(client, "rep.c", **everything)
    profile(client, "rep.d", **everything)
    registry = registry_of(client)
    now = registry.config.clock()
    update_user(registry.db, now, TEST, "rep.c", "user.disable", disabled=True)
    update_user(registry.db, now, TEST, "rep.d", "user.role", role="manager")  # keeps its profile
    with registry.db.write() as conn:  # a profile written by hand on non-reps
        conn.execute(
            update(users).where(users.c.role != "rep").values(industries=["machinery"], ability=5)
        )
    result = suggest(client, admin, add_customer(client, **JINAN), limit=200)
    assert names(result) == ["rep.a", "rep.b"]


def test_suggestions_show_the_criteria_and_the_current_owner(client, admin, reps):
    customer_id = add_customer(client, owner="rep.b", status="protected", **JINAN)
    result = suggest(client, admin, customer_id)
    assert result["customer_id"] == customer_id and result["rep_cap"] == 200
    assert result["criteria"] == {
        "industry": "machinery", "size_band": "medium", "province": "山东省", "city": "济南市",
        "source": "phone", "company_provided": True,
    }  # fmt: skip
    assert result["as_of"].startswith("2026-03-02T09:00:00")
    assert [s["current_owner"] for s in result["suggestions"]] == [False, False, False, True]
    assert by_name(result)["rep.b"]["held"] == 1
    assert result["suggestions"][0]["display_name"] == "Rep.A"
    # Fields that are missing or not known codes match nothing and break nothing.
    odd = add_customer(client, industry="mining", size_band=7, city=["x"], source="mail")
    result = suggest(client, admin, odd)
    assert result["criteria"] == {
        "industry": None, "size_band": None, "province": "", "city": "", "source": None,
        "company_provided": False,
    }  # fmt: skip
    assert all(
        not reason(s, c)["matched"]
        for s in result["suggestions"]
        for c in ("industry", "size_band", "location")
    )
    assert suggest(client, admin, odd, limit=2)["suggestions"][0]["username"] == "rep.a"


def test_suggest_for_fields_works_from_a_plain_dict(client, reps):
    profile(client, "rep.c", industries=["food"], regions=["青岛"])
    with registry_of(client).db.read() as conn:
        policy = load_policy(conn)
        found = suggest_for_fields(
            conn, {"industry": "food", "province": "山东省", "city": "青岛市"}, policy, 2
        )
        nobody = suggest_for_fields(conn, {}, policy, 10)
    assert [s.username for s in found] == ["rep.c", "rep.a"]
    assert found[0].score == INDUSTRY_POINTS + CITY_POINTS + 3 * 4 + LOAD_POINTS
    assert [r.criterion for r in found[0].reasons] == [
        "industry", "size_band", "location", "ability", "load",
    ]  # fmt: skip
    assert [s.username for s in nobody] == reps


def test_suggestions_take_a_fixed_number_of_queries_whatever_the_number_of_reps(client, reps):
    customer_id = add_customer(client, **JINAN)
    engine = registry_of(client).db.engine
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        statements.append(statement)

    from erpdesk.registry.suggestions import suggest_reps

    def count() -> int:
        statements.clear()
        event.listen(engine, "before_cursor_execute", record)
        try:
            suggest_reps(registry_of(client).db, customer_id, registry_of(client).config.clock())
        finally:
            event.remove(engine, "before_cursor_execute", record)
        return len(statements)

    few = count()
    for i in range(30):
        make_user(client, f"more.{i:02d}", "rep")
        hold(client, f"more.{i:02d}", 1)
    assert count() == few
    assert sum("count(" in s.lower() for s in statements) == 1


# -- who may, and bad input ---------------------------------------------------------

ROLES = ("rep.a", "rep.b", "presales", "admin", "telemarketer", "manager", "manager.west")


@pytest.fixture
def world(client):
    make_user(client, "rep.a", "rep", team="east")
    make_user(client, "rep.b", "rep", team="east")
    make_user(client, "presales", "presales", team="east")
    make_user(client, "admin", "admin")
    make_user(client, "telemarketer", "telemarketer")
    make_user(client, "manager", "manager", team="east")
    make_user(client, "manager.west", "manager", team="west")
    headers = {name: sign_in(client, name) for name in ROLES}
    return headers, add_customer(client, owner="rep.a", status="protected", **JINAN)


def test_the_new_endpoints_against_every_role(client, world):
    headers, customer_id = world
    nowhere = str(uuid.uuid4())
    admin_only = {name: 403 for name in ROLES} | {"-": 401}
    matrix = [
        ("GET", "/api/v1/admin/reps", None, admin_only | {"admin": 200}),
        ("PUT", "/api/v1/admin/reps/rep.b/profile", {"ability": 4}, admin_only | {"admin": 200}),
        ("PUT", "/api/v1/admin/reps/nobody/profile", {"ability": 4}, admin_only | {"admin": 404}),
        ("GET", f"/api/v1/admin/customers/{customer_id}/suggestions", None,
         admin_only | {"admin": 200}),
        ("GET", f"/api/v1/admin/customers/{nowhere}/suggestions", None,
         admin_only | {"admin": 404}),
    ]  # fmt: skip
    for method, url, body, expected in matrix:
        assert set(expected) == {*ROLES, "-"}
        for user, status in expected.items():
            response = client.request(method, url, headers=headers.get(user, {}), json=body)
            assert response.status_code == status, (user, method, url, response.text)
            if status >= 400:
                code = {401: "not_authenticated", 403: "forbidden", 404: "not_found"}[status]
                assert error_of(response)["code"] == code
    # Only the administrator's one change went through.
    with registry_of(client).db.read() as conn:
        abilities = dict(conn.execute(select(users.c.username, users.c.ability)).all())
    assert abilities["rep.b"] == 4 and abilities["rep.a"] == 3


def test_suggestions_bad_input_is_a_json_4xx(client, admin, reps):
    customer_id = add_customer(client, **JINAN)
    url = f"/api/v1/admin/customers/{customer_id}/suggestions"
    for params in (
        {"limit": 0},
        {"limit": -1},
        {"limit": 201},
        {"limit": "abc"},
        {"limit": "9" * 5000},
        {"limit": "1e309"},
        {"limit": "\x00"},
    ):
        response = client.get(url, params=params, headers=admin)
        assert response.status_code == 422, (params, response.text)
        assert error_of(response)["code"] == "invalid_request"
    for path, status in (
        ("/api/v1/admin/customers/%00/suggestions", 422),
        ("/api/v1/admin/customers/a%00b/suggestions", 422),
        (f"/api/v1/admin/customers/{'x' * 65}/suggestions", 422),
        ("/api/v1/admin/customers/%27%20OR%201=1--/suggestions", 404),
        ("/api/v1/admin/customers/..%2F..%2Fhealthz/suggestions", 404),
    ):
        response = client.get(path, headers=admin)
        assert response.status_code == status, (path, response.text)
        assert error_of(response)["code"] == {422: "invalid_request", 404: "not_found"}[status]
    assert client.post(url, headers=admin).status_code == 405
    assert len(suggest(client, admin, customer_id, limit=200)["suggestions"]) == 4
    bad_json = client.put(
        "/api/v1/admin/reps/rep.a/profile",
        content=json.dumps({"ability": 3}).encode(),
        headers={**admin, "Content-Type": "text/plain"},
    )
    assert 400 <= bad_json.status_code < 500
    error_of(bad_json)
