"""The demo editor on a real desk database: a new demo lands in the service
with every field (one outbox op), an overlapping demo is saved and warned
about by name, a refusal (a past date, no title, an end before the start)
saves nothing and keeps what was typed, feedback is saved per scenario,
the knowledge base's scripts become scenarios, done and cancelled demos
are read-only but for what the rules allow."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QDialog

from erpdesk.domain.customer import Customer, Source
from erpdesk.domain.presales import (
    Attendee,
    DemoScenario,
    RequestKind,
    RequestState,
    ScenarioFeedback,
    TaskKind,
    TaskState,
)
from erpdesk.playbooks import read_playbook
from erpdesk.services.presales import LEAD_KEY, PresalesService
from erpdesk.ui.presales import PresalesServices
from erpdesk.ui.presales.demo_editor import AFTER_TAB, PLAN_TAB, DemoEditor
from erpdesk.ui.presales.demo_picker import DemoScriptPicker
from erpdesk.ui.presales.task_common import to_qdatetime

NOW = datetime(2026, 12, 1, 4, 0, tzinfo=UTC)
START = datetime(2026, 12, 8, 9, 30).astimezone()  # local time, as typed


def act_as(desk, name: str, role: str = "rep", lead: bool = False) -> None:
    with desk.unit_of_work() as uow:
        uow.meta_set("sync.user", name)
        uow.meta_set("sync.role", role)
        uow.meta_set(LEAD_KEY, "1" if lead else "0")
        uow.commit()


def task_ops(desk) -> list[tuple[str, dict]]:
    rows = desk.db.reader.execute(
        "SELECT op, fields FROM outbox WHERE entity = 'presales_task' ORDER BY seq"
    )
    return [(r["op"], json.loads(r["fields"])) for r in rows]


@pytest.fixture
def services(desk) -> PresalesServices:
    presales = PresalesService(
        desk.unit_of_work, desk.feed, user="li.rep", playbook=read_playbook, clock=lambda: NOW
    )
    return PresalesServices(presales, desk.deals, desk.customers)


@pytest.fixture
def engagement_id(desk, services) -> str:
    """zhao.pre's engagement on a demo request for finance, with 2 attendees."""
    customer = desk.customers.create(
        Customer(name="济南华信机械制造有限公司", source=Source.REFERRAL)
    )
    deal = desk.deals.create(customer.id, "华信ERP一期")
    presales = services.presales
    act_as(desk, "li.rep")
    request = presales.ask(
        customer.id, RequestKind.DEMO, deal_id=deal.id, submit=True, modules=("finance",),
        wanted_from=date(2026, 12, 5),
        attendees=(Attendee("张伟", "财务总监"), Attendee("李娜", "IT经理")),
    )  # fmt: skip
    act_as(desk, "wang.lead", "presales", lead=True)
    presales.move_request(request.id, RequestState.ACCEPTED)
    presales.move_request(request.id, RequestState.ASSIGNED, consultant="zhao.pre")
    act_as(desk, "zhao.pre", "presales")
    engagement = presales.engagement_of(request.id)
    assert engagement is not None
    return engagement.id


@pytest.fixture
def new_editor(qtbot, services, engagement_id) -> DemoEditor:
    editor = DemoEditor(services, engagement_id=engagement_id)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def plan(editor: DemoEditor, title: str, start: datetime = START, hours: int = 2) -> None:
    editor.form.title_edit.setText(title)
    editor.form.starts_edit.setDateTime(to_qdatetime(start))
    editor.form.ends_edit.setDateTime(to_qdatetime(start + timedelta(hours=hours)))


def demo(services, engagement_id: str, title: str, start: datetime = START, **fields):
    return services.presales.add_task(
        engagement_id, TaskKind.DEMO, title, start, start + timedelta(hours=2), **fields
    ).task


pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_a_new_demo_starts_from_the_request_and_lands_in_the_service(
    desk, services, engagement_id, new_editor
):
    form = new_editor.form
    assert [form.customer_table.text(r, 0) for r in range(2)] == ["张伟", "李娜"]
    assert new_editor.modules_list.checked() == ("finance",)
    assert "zhao.pre" in form.consultant_label.text()
    plan(new_editor, "财务月结演示")
    form.place_edit.setText("华信三楼会议室")
    form.online_box.setChecked(True)
    form.ours_edit.setText("qian.pre，sun.pre")
    new_editor.add_scripts([services.knowledge().demo("finance.month_end")])
    new_editor.environment_edit.setPlainText("演示租户A")
    new_editor.fill_from_scripts()
    assert new_editor.save()
    assert not new_editor.isVisible()  # saved without a warning: closed
    [task] = services.presales.tasks_of(engagement_id)
    assert (task.title, task.place, task.online) == ("财务月结演示", "华信三楼会议室", True)
    assert task.starts_at == START and task.ends_at == START + timedelta(hours=2)
    assert task.our_attendees == ("zhao.pre", "qian.pre", "sun.pre")
    assert task.customer_attendees == (Attendee("张伟", "财务总监"), Attendee("李娜", "IT经理"))
    assert task.modules == ("finance",)
    assert task.scenarios == (
        DemoScenario("S1", "一键月结与合并报表", "finance", "finance.month_end"),
    )
    script = services.knowledge().demo("finance.month_end")
    assert all(line in task.data_prep for line in script.data_to_prepare)
    assert task.environment == "演示租户A"
    assert [op for op, _ in task_ops(desk)] == ["create"]


def test_an_overlapping_demo_is_saved_and_warned_about_by_name(
    services, engagement_id, new_editor, message_boxes
):
    other = demo(services, engagement_id, "供应链演示", START + timedelta(hours=1))
    plan(new_editor, "财务月结演示")
    assert new_editor.save()
    assert len(services.presales.tasks_of(engagement_id)) == 2  # saved anyway
    kind, text = message_boxes.calls[-1]
    assert kind == "warning" and "供应链演示" in text
    assert "供应链演示" in new_editor.warning_label.text()
    assert new_editor.isVisible()  # stays open to move the time
    assert new_editor.last_saved is not None
    assert [o.id for o in new_editor.last_saved.overlapping] == [other.id]
    assert new_editor.task is not None and new_editor.windowTitle().endswith("财务月结演示")


def test_a_past_date_is_refused_nothing_saved_and_the_text_kept(
    desk, services, engagement_id, new_editor
):
    plan(new_editor, "财务月结演示", NOW.astimezone() - timedelta(days=1))
    new_editor.form.place_edit.setText("线上")
    new_editor.tabs.setCurrentIndex(AFTER_TAB)
    assert not new_editor.save()
    assert services.presales.tasks_of(engagement_id) == []
    assert task_ops(desk) == []
    assert "past" in new_editor.form.problem_labels["time"].text()
    assert new_editor.tabs.currentIndex() == PLAN_TAB  # brought to the field
    assert new_editor.error_label.text()
    assert new_editor.isVisible()
    assert new_editor.form.title_edit.text() == "财务月结演示"
    assert new_editor.form.place_edit.text() == "线上"


def test_no_title_and_an_end_before_the_start_are_shown_at_their_fields(
    services, engagement_id, new_editor
):
    plan(new_editor, "  ")
    new_editor.form.ends_edit.setDateTime(to_qdatetime(START - timedelta(hours=1)))
    assert not new_editor.save()
    assert new_editor.form.problem_labels["title"].text()
    assert new_editor.form.problem_labels["time"].text()
    assert services.presales.tasks_of(engagement_id) == []
    new_editor.form.title_edit.setText("财务演示")
    new_editor.form.ends_edit.setDateTime(to_qdatetime(START + timedelta(hours=1)))
    assert new_editor.save()
    assert not new_editor.form.problem_labels["title"].text()


def test_feedback_is_saved_per_scenario(qtbot, services, engagement_id):
    scenarios = (DemoScenario("S1", "月结", "finance"), DemoScenario("S2", "费用报销", "finance"))
    task = demo(services, engagement_id, "财务演示", scenarios=scenarios, modules=("finance",))
    editor = DemoEditor(services, task_id=task.id)
    qtbot.addWidget(editor)
    assert editor.feedback_table.rowCount() == 2
    editor.feedback_table.set_score("S2", 0, "还要再看")  # a comment without a score
    assert not editor.save()
    assert "S2" in editor.feedback_problem.text()
    assert editor.tabs.currentIndex() == AFTER_TAB
    editor.feedback_table.set_score("S1", 4, "很贴合")
    editor.feedback_table.set_score("S2", 2)
    editor.form.outcome_edit.setPlainText("客户认可月结")
    assert editor.mark_done()
    saved = services.presales.task(task.id)
    assert saved.feedback == {
        "S1": ScenarioFeedback(4, "很贴合"),
        "S2": ScenarioFeedback(2, "还要再看"),
    }
    assert (saved.state, saved.outcome) == (TaskState.DONE, "客户认可月结")
    # a done demo: only what comes after it changes
    done = DemoEditor(services, task_id=task.id)
    qtbot.addWidget(done)
    assert done.form.title_edit.isReadOnly() and done.environment_edit.isReadOnly()
    assert not done.form.outcome_edit.isReadOnly()
    assert not done.done_button.isEnabled() and not done.cancel_demo_button.isEnabled()
    done.feedback_table.set_score("S2", 3)
    assert done.save()
    assert services.presales.task(task.id).feedback["S2"] == ScenarioFeedback(3, "还要再看")


def test_a_cancelled_demo_is_read_only(qtbot, services, engagement_id, message_boxes):
    task = demo(services, engagement_id, "财务演示")
    editor = DemoEditor(services, task_id=task.id)
    qtbot.addWidget(editor)
    assert editor.cancel_demo()
    assert message_boxes.calls[-1][0] == "question"
    assert services.presales.task(task.id).state is TaskState.CANCELLED
    assert not editor.save_button.isEnabled()
    assert editor.form.outcome_edit.isReadOnly()


def test_the_knowledge_base_picker_adds_scenarios(qtbot, services, new_editor, monkeypatch):
    base = services.knowledge()
    picker = DemoScriptPicker(base, ("finance",))
    qtbot.addWidget(picker)
    assert picker.scripts and all(s.module == "finance" for s in picker.scripts)
    picker.only_modules_box.setChecked(False)
    assert any(s.module != "finance" for s in picker.scripts)
    picker.search_edit.setText("月结")
    assert [s.code for s in picker.scripts] == ["finance.month_end"]
    picker.search_edit.setText("no such script")
    assert picker.scripts == [] and picker.empty_label.text()

    def pick(dialog: DemoScriptPicker) -> int:
        dialog.only_modules_box.setChecked(False)
        assert dialog.select_code("production.order_to_finish")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DemoScriptPicker, "exec", pick)
    assert new_editor.pick_scripts() == ["S1"]
    script = base.demo("production.order_to_finish")
    [scenario] = new_editor.scenarios.scenarios()
    assert (scenario.script, scenario.module, scenario.title) == (
        script.code, "production", script.title)  # fmt: skip
    assert new_editor.scenarios.text(0, 4) == f"{script.duration_minutes} minutes"
    assert set(new_editor.modules_list.checked()) == {"finance", "production"}
    assert new_editor.feedback_table.rowCount() == 1


def test_a_follow_up_the_form_cannot_read_is_refused_and_kept(
    desk, services, engagement_id, new_editor
):
    plan(new_editor, "财务月结演示")
    table = new_editor.form.follow_ups_table
    table.add_row(["发送报价", "下周三"], checked=False)
    assert not new_editor.save()
    assert services.presales.tasks_of(engagement_id) == [] and task_ops(desk) == []
    assert "下周三" in new_editor.form.after_problem.text()
    assert new_editor.tabs.currentIndex() == AFTER_TAB
    assert (table.text(0, 0), table.text(0, 1)) == ("发送报价", "下周三")
    table.table.item(0, 1).setText("2026-12-16")
    assert new_editor.save()
    [task] = services.presales.tasks_of(engagement_id)
    assert [(f.text, f.due, f.done) for f in task.follow_ups] == [
        ("发送报价", date(2026, 12, 16), False)
    ]
