"""The consultant's workbench tabs on a real desk database: "My work" lists
the user's engagements and tasks with names, filters them, opens them,
follows the service's changes and marks an overdue demo; the week places a
task in its day and hour, moves between weeks, opens a task on a click and
exports an .ics; the team's workload shows a lead the figures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from icalendar import Calendar
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from erpdesk.domain.customer import Customer, Source
from erpdesk.domain.presales import RequestKind, RequestState, TaskKind, TechnicalWin
from erpdesk.playbooks import read_playbook
from erpdesk.services.presales import LEAD_KEY, PresalesService
from erpdesk.ui.presales import PresalesServices
from erpdesk.ui.presales.week_view import WeekView
from erpdesk.ui.presales.workbench import WorkbenchView
from erpdesk.ui.presales.workbench_models import ID_ROLE, OVERDUE_COLOUR
from erpdesk.ui.presales.workload_view import WorkloadView
from erpdesk.ui.widgets import to_local

# the offscreen platform on show; the opener raises its windows
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
NOW = datetime(2026, 12, 2, 4, 0, tzinfo=UTC)  # Wednesday, noon in China
CST = timezone(timedelta(hours=8))


def act_as(desk, name: str, role: str = "presales", lead: bool = False) -> None:
    with desk.unit_of_work() as uow:
        uow.meta_set("sync.user", name)
        uow.meta_set("sync.role", role)
        uow.meta_set(LEAD_KEY, "1" if lead else "0")
        uow.commit()


@pytest.fixture
def clock():
    return [NOW]


@pytest.fixture
def services(desk, clock) -> PresalesServices:
    presales = PresalesService(
        desk.unit_of_work, desk.feed, user="li.rep", playbook=read_playbook,
        clock=lambda: clock[0],
    )  # fmt: skip
    return PresalesServices(presales=presales, deals=desk.deals, customers=desk.customers)


def engage(desk, presales, customer: str, deal: str, consultant: str):
    c = desk.customers.create(Customer(name=customer, source=Source.REFERRAL))
    deal_id = desk.deals.create(c.id, deal).id
    act_as(desk, "li.rep", "rep")
    request = presales.ask(c.id, RequestKind.DEMO, deal_id=deal_id, submit=True)
    act_as(desk, "wang.lead", lead=True)
    presales.move_request(request.id, RequestState.ACCEPTED)
    presales.move_request(request.id, RequestState.ASSIGNED, consultant=consultant)
    return presales.engagement_of(request.id)


@pytest.fixture
def work(desk, services):
    presales = services.presales
    mine = engage(desk, presales, "济南华信机械制造有限公司", "华信ERP一期", "zhao.pre")
    won = engage(desk, presales, "青岛海达物流有限公司", "海达WMS", "zhao.pre")
    other = engage(desk, presales, "烟台东方电子有限公司", "东方MES", "qian.pre")
    act_as(desk, "zhao.pre")
    presales.set_technical_win(won.id, TechnicalWin.WON)
    return mine, won, other


def add(presales, engagement, kind, start, hours=2, title="财务月结演示", **fields):
    return presales.add_task(engagement.id, kind, title, start, start + timedelta(hours=hours),
                             **fields).task  # fmt: skip


def texts(model, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_my_work_lists_engagements_and_tasks_with_names_and_filters(qtbot, desk, services, work):
    mine, _, _ = work
    add(services.presales, mine, TaskKind.DEMO, datetime(2026, 12, 8, 9, 0, tzinfo=CST))
    view = shown(qtbot, WorkbenchView(services))
    assert sorted(texts(view.engagements, 0)) == [
        "济南华信机械制造有限公司", "青岛海达物流有限公司"]  # fmt: skip
    assert "东方MES" not in texts(view.engagements, 1)  # qian.pre's
    row = texts(view.engagements, 0).index("济南华信机械制造有限公司")
    assert view.engagements.index(row, 1).data() == "华信ERP一期"
    assert view.engagements.index(row, 3).data() == "1 Request received and qualified"
    assert texts(view.tasks, 1) == ["财务月结演示"] and texts(view.tasks, 2) == [
        "济南华信机械制造有限公司"]
    assert view.figures[0].number.text() == "2" and view.figures[1].number.text() == "1"
    view.win_filter.setCurrentIndex(2)  # won
    assert texts(view.engagements, 0) == ["青岛海达物流有限公司"]
    assert texts(view.engagements, 4) == ["Won"]
    view.win_filter.setCurrentIndex(0)
    view.engagement_state.setCurrentIndex(1)  # closed
    assert view.engagements.rowCount() == 0
    view.task_state.setCurrentIndex(2)  # cancelled
    assert view.tasks.rowCount() == 0
    assert not view.scope.isVisibleTo(view)  # a consultant sees only their own work


def test_a_double_click_opens_the_engagement(qtbot, desk, services, work):
    from erpdesk.ui.presales.engagement_view import EngagementDialog

    view = shown(qtbot, WorkbenchView(services))
    table = view.engagement_table
    rect = table.visualRect(view.engagements.index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    opened = [w for w in QApplication.topLevelWidgets() if isinstance(w, EngagementDialog)]
    assert [d.engagement_id for d in opened] == [view.engagements.index(0, 0).data(ID_ROLE)]


def test_my_work_follows_the_services_changes(qtbot, desk, services, work):
    mine, _, _ = work
    view = shown(qtbot, WorkbenchView(services))
    assert view.tasks.rowCount() == 0
    view.engagement_table.selectRow(1)
    chosen = view.engagement_table.currentIndex().data(ID_ROLE)
    add(services.presales, mine, TaskKind.SURVEY, datetime(2026, 12, 9, 9, 0, tzinfo=CST),
        title="需求调研：生产")  # fmt: skip
    qtbot.waitUntil(lambda: view.tasks.rowCount() == 1, timeout=2000)
    assert texts(view.tasks, 1) == ["需求调研：生产"]
    assert view.engagement_table.currentIndex().data(ID_ROLE) == chosen  # kept its place


def test_an_ended_planned_demo_is_overdue_in_red(qtbot, desk, services, work, clock):
    mine, _, _ = work
    ended = add(services.presales, mine, TaskKind.DEMO, NOW + timedelta(hours=2))
    add(services.presales, mine, TaskKind.DEMO, NOW + timedelta(days=3), title="供应链演示")
    clock[0] = NOW + timedelta(hours=5)
    view = shown(qtbot, WorkbenchView(services))
    assert view.figures[2].number.text() == "1" and view.figures[3].number.text() == "1"
    agenda = view.agenda
    assert texts(agenda, 1) == ["财务月结演示", "供应链演示"]
    assert texts(agenda, 0) == ["Outcome due", "Upcoming"]
    assert agenda.index(0, 1).data(ID_ROLE) == ended.id
    colour = agenda.index(0, 1).data(Qt.ItemDataRole.ForegroundRole).color().name()
    assert colour == OVERDUE_COLOUR
    assert agenda.index(1, 1).data(Qt.ItemDataRole.ForegroundRole) is None


def test_a_lead_opens_on_the_teams_work_and_switches_to_their_own(qtbot, desk, services, work):
    act_as(desk, "wang.lead", lead=True)
    view = shown(qtbot, WorkbenchView(services))
    assert view.scope.isVisibleTo(view) and view.scope.currentIndex() == 1
    assert view.engagements.rowCount() == 3 and "东方MES" in texts(view.engagements, 1)
    view.scope.setCurrentIndex(0)
    assert view.engagements.rowCount() == 0
    week = shown(qtbot, WeekView(services))
    assert week.team  # the team's week first too


def test_the_week_places_a_task_in_its_day_and_hour_and_moves(qtbot, desk, services, work):
    mine, _, _ = work
    start = datetime(2026, 12, 3, 10, 30, tzinfo=CST)  # Thursday
    demo = add(services.presales, mine, TaskKind.DEMO, start, hours=2)
    view = shown(qtbot, WeekView(services))
    canvas = view.canvas
    local = to_local(start)
    assert local is not None
    monday = local.date() - timedelta(days=local.weekday())
    assert view.monday == monday and [line.id for _r, line in canvas.blocks] == [demo.id]
    rect, _ = canvas.blocks[0]
    column = canvas.column_rect(local.weekday())
    assert column.left() <= rect.center().x() <= column.right()
    assert abs(rect.top() - canvas.y_of(local)) <= 2
    assert abs(rect.height() - 2 * canvas.hour_height) <= 4
    view.next_button.click()
    assert view.monday == monday + timedelta(days=7) and canvas.blocks == []
    view.previous_button.click()
    view.previous_button.click()
    assert view.monday == monday - timedelta(days=7)
    view.this_week_button.click()
    assert view.monday == monday and len(canvas.blocks) == 1


def test_a_click_on_a_block_opens_the_task(qtbot, desk, services, work):
    from erpdesk.ui.presales.demo_editor import DemoEditor

    mine, _, _ = work
    start = datetime(2026, 12, 4, 9, 0, tzinfo=CST)
    demo = add(services.presales, mine, TaskKind.DEMO, start)
    view = shown(qtbot, WeekView(services))
    canvas = view.canvas
    rect, _ = canvas.blocks[0]
    canvas.scrollbar.setValue(int(rect.top()) - 10)
    at = QPoint(int(rect.center().x()),
                int(rect.top() + 10 + canvas.header_height - canvas.scrollbar.value()))  # fmt: skip
    assert canvas.block_at(at.x(), at.y()).id == demo.id
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=at)
    opened = [w for w in QApplication.topLevelWidgets() if isinstance(w, DemoEditor)]
    assert [e.task_id for e in opened] == [demo.id]


def test_the_week_exports_the_next_30_days(qtbot, desk, services, work, tmp_path, message_boxes):
    mine, _, _ = work
    demo = add(services.presales, mine, TaskKind.DEMO, datetime(2026, 12, 4, 9, 0, tzinfo=CST),
               place="客户会议室")  # fmt: skip
    add(services.presales, mine, TaskKind.DEMO, datetime(2027, 2, 4, 9, 0, tzinfo=CST))  # later
    view = shown(qtbot, WeekView(services))
    path = tmp_path / "presales.ics"
    assert view.export_calendar(str(path)) == 1
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert [str(e["uid"]) for e in events] == [f"presales-task-{demo.id}@erpdesk.invalid"]
    assert "济南华信机械制造有限公司" in str(events[0]["summary"])
    assert str(events[0]["location"]) == "客户会议室"
    assert "1 demos, surveys and visits" in view.status.text()
    assert view.export_calendar(str(tmp_path / "no" / "such" / "x.ics")) is None
    assert message_boxes.calls and message_boxes.calls[-1][0] == "warning"
    assert "Cannot write the calendar" in message_boxes.calls[-1][1]


def test_the_workload_shows_a_lead_the_figures_and_others_a_note(qtbot, desk, services, work):
    mine, _, _ = work
    add(services.presales, mine, TaskKind.DEMO, datetime(2026, 12, 3, 9, 0, tzinfo=CST))
    add(services.presales, mine, TaskKind.SURVEY, datetime(2026, 12, 8, 9, 0, tzinfo=CST))
    view = shown(qtbot, WorkloadView(services))
    assert not view.allowed and view.model.rowCount() == 0  # zhao.pre is no lead
    act_as(desk, "wang.lead", lead=True)
    view.refresh()
    assert view.allowed
    rows = {view.model.index(r, 0).data(): r for r in range(view.model.rowCount())}
    assert set(rows) == {"zhao.pre", "qian.pre"}
    zhao = [view.model.index(rows["zhao.pre"], c).data() for c in range(9)]
    assert zhao == ["zhao.pre", "2", "1", "1", "1", "1", "0", "1", "2"]


def test_the_tabs_follow_a_language_change(qtbot, desk, services, work):
    from erpdesk.ui.language import LanguageManager

    mine, _, _ = work
    add(services.presales, mine, TaskKind.DEMO, datetime(2026, 12, 8, 9, 0, tzinfo=CST))
    view = shown(qtbot, WorkbenchView(services))
    assert view.tasks.index(0, 5).data() == "Planned"
    languages = LanguageManager("en")
    try:
        languages.set_language("zh_CN")
        assert view.tasks.index(0, 5).data() == "计划中"  # the domain's translation
        assert view.engagements.index(0, 3).data().endswith("受理与评估")  # the playbook's name
    finally:
        languages.set_language("en")
        languages.uninstall()
    assert view.tasks.index(0, 5).data() == "Planned"
