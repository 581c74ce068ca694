"""The activity dialog's next step due time (docs/todos.md): optional (the
"Remind me" box), from today on; ticked with a next step, saving makes the
next step a todo in the activity's own transaction; a due time without a
next step is shown under the row and saving stays off; a refusal by the
service keeps the dialog open with everything typed."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime

from erpdesk.domain.customer import ActivityKind
from erpdesk.domain.todo import TodoKind
from erpdesk.ui.record_dialogs import ActivityDialog


def _dialog(qtbot, service, customer_id: str) -> ActivityDialog:
    dialog = ActivityDialog(service, customer_id, ActivityKind.VISIT)
    qtbot.addWidget(dialog)
    dialog.summary_edit.setPlainText("拜访信息中心")
    dialog.next_step_edit.setText("周五发方案")
    return dialog


def _in_two_days() -> QDateTime:
    day = QDate.currentDate().addDays(2)
    return QDateTime(day, QTime(14, 30))


def test_without_remind_me_only_the_activity_is_saved(qtbot, desk, service, samples):
    customer = samples["浪潮"]
    dialog = _dialog(qtbot, service, customer.id)
    assert not dialog.remind_check.isChecked() and not dialog.due_edit.isEnabled()
    assert dialog.next_step_due() is None
    assert dialog.due_edit.minimumDate() == QDate.currentDate()
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    assert len(service.detail(customer.id).activities) == 1
    assert desk.todos.of_customer(customer.id) == []


def test_a_ticked_due_time_makes_the_next_step_a_todo(qtbot, desk, service, samples):
    customer = samples["浪潮"]
    dialog = _dialog(qtbot, service, customer.id)
    dialog.remind_check.setChecked(True)
    assert dialog.due_edit.isEnabled()
    dialog.due_edit.setDateTime(_in_two_days())
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_button.click()
    (todo,) = desk.todos.of_customer(customer.id)
    (activity,) = service.detail(customer.id).activities
    assert saved.args == [activity.id]
    assert (todo.kind, todo.title, todo.activity_id) == (
        TodoKind.NEXT_STEP, "周五发方案", activity.id)
    local = todo.due_at.astimezone()
    day = QDate.currentDate().addDays(2)
    assert (local.date().isoformat(), local.hour, local.minute) == (
        day.toString("yyyy-MM-dd"), 14, 30)


def test_a_due_time_without_a_next_step_is_shown_and_not_saved(qtbot, service, samples):
    dialog = _dialog(qtbot, service, samples["浪潮"].id)
    dialog.show()
    height = dialog.sizeHint().height()
    dialog.remind_check.setChecked(True)
    dialog.next_step_edit.clear()
    assert not dialog.save_button.isEnabled()
    assert "next step" in dialog.due_problem.text()
    assert dialog.sizeHint().height() == height  # the form does not shift
    dialog.next_step_edit.setText("周五发方案")
    assert dialog.save_button.isEnabled() and dialog.due_problem.text() == ""


def test_a_refusal_keeps_the_dialog_open_with_everything_typed(
    qtbot, desk, service, samples
):
    customer = samples["海尔"]
    dialog = _dialog(qtbot, service, customer.id)
    dialog.outcome_edit.setText("同意演示")
    dialog.remind_check.setChecked(True)
    dialog.due_edit.setDateTime(_in_two_days())
    service.delete(customer.id)  # meanwhile, elsewhere: the todo cannot be made
    dialog.show()
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.result() == 0
    assert "has been deleted" in dialog.error_label.text()
    assert (dialog.summary_edit.toPlainText(), dialog.outcome_edit.text(),
            dialog.next_step_edit.text()) == ("拜访信息中心", "同意演示", "周五发方案")  # fmt: skip
    assert dialog.remind_check.isChecked() and dialog.due_edit.dateTime() == _in_two_days()
    assert desk.todos.of_customer(customer.id) == []
    assert desk.db.reader.execute("SELECT count(*) FROM activity").fetchone()[0] == 0


def test_the_dialog_fits_a_laptop_screen(qtbot, service, samples):
    dialog = _dialog(qtbot, service, samples["浪潮"].id)
    dialog.remind_check.setChecked(True)
    hint = dialog.sizeHint()
    assert hint.height() < 700 and hint.width() < 1366
    due = dialog.next_step_due()
    assert due is not None and due.utcoffset() is not None
    assert (due - datetime.now().astimezone()) < timedelta(days=2)  # tomorrow morning
