"""``erpdesk presales list`` and ``erpdesk presales ics`` on a real desk
database whose requests, engagement and tasks were made through
``PresalesService`` by a rep, the team's presales lead and a consultant:
the --json shape, --mine for each of them, the state filter, the table,
and the calendar file parsed back with icalendar."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from erpdesk.app import open_desk
from erpdesk.cli.main import main
from erpdesk.domain.customer import Customer
from erpdesk.domain.presales import Attendee, RequestKind, RequestState, TaskKind
from erpdesk.services.presales import LEAD_KEY

CUSTOMER = "浪潮电子信息产业股份有限公司"
OTHER = "济南华信机械有限公司"
DEAL = "浪潮ERP一期"
SOON = (datetime.now(UTC) + timedelta(days=3)).replace(microsecond=0, second=0)


def act_as(desk, user: str, role: str, lead: bool = False) -> None:
    """The desk signed in as *user* (what the sign-in stores)."""
    with desk.unit_of_work() as uow:
        uow.meta_set("sync.user", user)
        uow.meta_set("sync.role", role)
        uow.meta_set(LEAD_KEY, "1" if lead else "0")
        uow.commit()


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """li (rep) asks for a demo of the deal, the lead zhao accepts and
    assigns it to chen, who moves on to step 2 and plans a demo, a survey,
    one demo too late for the export and one cancelled; wang (rep) asks for
    a survey of another customer, without a deal, still submitted."""
    path = tmp_path_factory.mktemp("template") / "desk.db"
    desk = open_desk(path)
    try:
        customer = desk.customers.create(Customer(name=CUSTOMER, uscc="91370000163446410B"))
        other = desk.customers.create(Customer(name=OTHER))
        deal = desk.deals.create(customer.id, DEAL)
        presales = desk.presales
        act_as(desk, "li", "rep")
        asked = presales.ask(customer.id, RequestKind.DEMO, deal_id=deal.id, submit=True,
                             modules=("finance",), wanted_from=date(2026, 3, 10),
                             wanted_until=date(2026, 3, 20))  # fmt: skip
        act_as(desk, "wang", "rep")
        waiting = presales.ask(other.id, RequestKind.REQUIREMENTS_SURVEY, submit=True,
                               modules=("supply_chain",))  # fmt: skip
        act_as(desk, "zhao", "presales", lead=True)
        presales.move_request(asked.id, RequestState.ACCEPTED)
        presales.move_request(asked.id, RequestState.ASSIGNED, consultant="chen")
        act_as(desk, "chen", "presales")
        engagement = presales.engagement_of(asked.id)
        presales.move_step(engagement.id, 2, confirm_override=True, reason="客户催得紧")
        presales.add_task(
            engagement.id, TaskKind.DEMO, "财务月结演示", SOON, SOON + timedelta(hours=2),
            place="济南浪潮大厦 3 楼会议室", modules=("finance",), our_attendees=("li",),
            customer_attendees=(Attendee("刘总", "CFO"),),
        )  # fmt: skip
        later = SOON + timedelta(days=2)
        presales.add_task(engagement.id, TaskKind.SURVEY, "财务需求调研", later,
                          later + timedelta(hours=3), online=True)  # fmt: skip
        far = SOON + timedelta(days=60)
        presales.add_task(engagement.id, TaskKind.DEMO, "供应链演示", far,
                          far + timedelta(hours=1), modules=("finance",))  # fmt: skip
        dropped = presales.add_task(engagement.id, TaskKind.DEMO, "取消的演示", later,
                                    later + timedelta(hours=1), modules=("finance",)).task
        presales.cancel_task(dropped.id)
    finally:
        desk.close()
    return path, {"asked": asked.id, "waiting": waiting.id, "engagement": engagement.id}


@pytest.fixture
def db(tmp_path, made) -> Path:
    path = tmp_path / "desk.db"
    shutil.copyfile(made[0], path)
    return path


@pytest.fixture
def ids(made) -> dict[str, str]:
    return made[1]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def as_user(db: Path, user: str, role: str, lead: bool = False) -> None:
    desk = open_desk(db)
    try:
        act_as(desk, user, role, lead)
    finally:
        desk.close()


def listed(capsys, db: Path, *options: str) -> list[dict]:
    code, out, err = run(capsys, "presales", "list", "--db", str(db), "--json", *options)
    assert (code, err) == (0, "")
    return json.loads(out)


def test_list_json_gives_each_request_with_its_engagement(capsys, db, ids):
    found = {r["id"]: r for r in listed(capsys, db)}
    assert set(found) == {ids["asked"], ids["waiting"]}
    asked, waiting = found[ids["asked"]], found[ids["waiting"]]
    assert set(asked) == {
        "id", "customer_id", "customer", "deal_id", "deal", "kind", "state", "requested_by",
        "team", "consultant", "wanted_from", "wanted_until", "modules", "engagement",
    }
    assert (asked["customer"], asked["deal"], asked["kind"], asked["state"]) == (
        CUSTOMER, DEAL, "demo", "assigned")
    assert (asked["requested_by"], asked["consultant"], asked["modules"]) == (
        "li", "chen", ["finance"])
    assert (asked["wanted_from"], asked["wanted_until"]) == ("2026-03-10", "2026-03-20")
    assert asked["engagement"] == {
        "id": ids["engagement"], "step": 2, "step_code": "research", "technical_win": "open",
        "closed": False,
    }
    assert (waiting["customer"], waiting["deal_id"], waiting["deal"]) == (OTHER, None, None)
    assert (waiting["state"], waiting["kind"], waiting["engagement"]) == (
        "submitted", "requirements_survey", None)
    assert waiting["wanted_from"] is None


@pytest.mark.parametrize(
    ("user", "role", "lead", "mine"),
    [
        ("li", "rep", False, {"asked"}),
        ("wang", "rep", False, {"waiting"}),
        ("chen", "presales", False, {"asked"}),
        ("zhao", "presales", True, {"waiting"}),  # waiting for the lead's decision
        ("ma", "rep", False, set()),
    ],
)
def test_mine_is_the_signed_in_users_share(capsys, db, ids, user, role, lead, mine):
    as_user(db, user, role, lead)
    assert {r["id"] for r in listed(capsys, db, "--mine")} == {ids[k] for k in mine}


def test_state_filter_and_a_bad_state(capsys, db, ids):
    assert [r["id"] for r in listed(capsys, db, "--state", "submitted")] == [ids["waiting"]]
    assert [r["id"] for r in listed(capsys, db, "--state", "已分派")] == [ids["asked"]]
    code, out, err = run(capsys, "presales", "list", "--db", str(db), "--state", "won",
                         "--lang", "en")  # fmt: skip
    assert (code, out) == (2, "")
    assert err.startswith("erpdesk: won is not a support request state; use one of: draft,")


def test_list_table_shows_names_state_step_and_win(capsys, db):
    code, out, _err = run(capsys, "presales", "list", "--db", str(db), "--lang", "en")
    assert code == 0
    header, rule, *rows = out.splitlines()
    assert header.split()[:3] == ["Customer", "Deal", "Kind"] and set(rule) == {"-"}
    (asked,) = [r for r in rows if r.startswith(CUSTOMER)]
    assert DEAL in asked and "Assigned" in asked and "chen" in asked
    assert "2 Customer and industry research" in asked and asked.rstrip().endswith("Open")
    code, out, _err = run(capsys, "presales", "list", "--db", str(db), "--state", "done",
                            "--lang", "en")
    assert (code, out.strip()) == (0, "No support requests")


def events_of(path: Path) -> list:
    calendar = Calendar.from_ical(path.read_bytes())
    return sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))


def test_ics_holds_the_consultants_demos_and_surveys_of_the_period(capsys, db, tmp_path):
    target = tmp_path / "presales.ics"
    code, out, err = run(capsys, "presales", "ics", "--db", str(db), "-o", str(target),
                         "--lang", "en")  # fmt: skip
    assert (code, err) == (0, "")
    assert out.startswith("2 demos, surveys and visits from ")
    demo, survey = events_of(target)  # not the one in 60 days, not the cancelled one
    assert demo.decoded("dtstart") == SOON
    assert demo.decoded("dtend") == SOON + timedelta(hours=2)
    assert str(demo["summary"]) == f"Demo: 财务月结演示 ({CUSTOMER}, {DEAL})"
    assert str(demo["location"]) == "济南浪潮大厦 3 楼会议室"
    description = str(demo["description"])
    assert "刘总 (CFO)" in description and "chen, li" in description
    assert "Modules: finance" in description
    assert str(survey["summary"]) == f"Requirements survey: 财务需求调研 ({CUSTOMER}, {DEAL})"
    assert str(survey["location"]) == "Online"

    code, out, err = run(capsys, "presales", "ics", "--db", str(db), "-o", str(target),
                         "--from", (SOON + timedelta(days=50)).date().isoformat(),
                         "--days", "20")  # fmt: skip
    assert code == 0
    (far,) = events_of(target)
    assert "供应链演示" in str(far["summary"])


def test_ics_holds_the_visits_logged_in_the_period(capsys, db, tmp_path):
    from erpdesk.domain.customer import Activity, ActivityKind

    desk = open_desk(db)
    try:
        customer = desk.customers.page(desk.customers.criteria("浪潮"))[0]
        desk.customers.log_activity(Activity(
            customer_id=customer.id, kind=ActivityKind.VISIT, occurred_at=datetime.now(UTC),
            summary="拜访刘总，确认月结痛点", next_step="安排财务演示",
        ))  # fmt: skip
    finally:
        desk.close()
    target = tmp_path / "all.ics"
    code, out, _err = run(capsys, "presales", "ics", "--db", str(db), "-o", str(target),
                          "--lang", "en")  # fmt: skip
    assert code == 0 and out.startswith("3 demos, surveys and visits from ")
    (visit,) = [e for e in events_of(target) if str(e["uid"]).startswith("visit-")]
    assert str(visit["summary"]).startswith("Visit") and CUSTOMER in str(visit["summary"])
    assert "确认月结痛点" in str(visit["description"])


def test_ics_is_the_signed_in_users_and_refuses_bad_options(capsys, db, tmp_path):
    as_user(db, "li", "rep")  # li attends the first demo only
    target = tmp_path / "li.ics"
    code, _out, _err = run(capsys, "presales", "ics", "--db", str(db), "-o", str(target))
    assert code == 0
    assert ["财务月结演示" in str(e["summary"]) for e in events_of(target)] == [True]
    for options, message in (
        (["-o", str(tmp_path / "x.txt")], "The output file must end in .ics"),
        (["-o", str(target), "--from", "2026-13-01"], "2026-13-01 is not a date"),
        (["-o", str(target), "--days", "0"], "--days must be 1 to 366, not 0"),
    ):
        code, out, err = run(capsys, "presales", "ics", "--db", str(db), "--lang", "en", *options)
        assert (code, out) == (2, "")
        assert message in err
