"""The customer panel: fields, the completeness check, contacts through the
contact dialog, and the activity timeline through the activity dialog."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDateTime

from erpdesk.domain.customer import Activity, ActivityKind, ContactLevel, utcnow
from erpdesk.ui.customer_detail import CustomerDetailPanel
from erpdesk.ui.widgets import settle_minimum_size


@pytest.fixture
def panel(qtbot, service):
    widget = CustomerDetailPanel(service)
    qtbot.addWidget(widget)
    widget.resize(520, 700)
    settle_minimum_size(widget)
    widget.show()
    return widget


def gap_codes(panel: CustomerDetailPanel) -> set[str]:
    return {p.code for p in panel.detail.gaps}


def test_shows_the_fields_and_the_registration_status(panel, samples):
    panel.show_customer(samples["浪潮"].id)
    assert panel.name_label.text() == "浪潮电子信息产业股份有限公司"
    assert panel.field_values["uscc"].text() == "91370000163446410B"
    assert panel.field_values["region"].text() == "山东 济南市"
    assert panel.field_values["source"].text() == "Referral"
    assert panel.registration_label.text() == "Unregistered"
    assert "浪潮" in panel.subtitle_label.text()
    panel.show_customer(None)
    assert panel.pages.currentIndex() == 0


def test_the_contact_dialog_validates_inline_and_saves(qtbot, panel, samples):
    panel.show_customer(samples["浪潮"].id)
    assert "gap.contact" in gap_codes(panel)
    dialog = panel.add_contact()
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # no name yet
    dialog.name_edit.setText("王强")
    dialog.title_edit.setText("CIO")
    dialog.level_combo.set_member(ContactLevel.DECISION)
    qtbot.keyClicks(dialog.mobile_edit, "1380013")
    assert dialog.problem_labels["mobile"].isVisible()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.mobile_edit, "8000")
    assert not dialog.problem_labels["mobile"].isVisible()
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    assert panel.contact_model.rowCount() == 1
    assert panel.contact_model.index(0, 0).data() == "王强"
    assert panel.contact_model.index(0, 3).data() == "Decision"
    assert "gap.contact" not in gap_codes(panel)
    assert panel.tabs.tabText(1) == "Contacts (1)"


def test_edit_and_remove_a_contact(qtbot, panel, samples, add_contact, message_boxes):
    add_contact(samples["海尔"])
    panel.show_customer(samples["海尔"].id)
    panel.contact_view.setCurrentIndex(panel.contact_model.index(0, 0))
    dialog = panel.edit_contact()
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "张伟"
    dialog.title_edit.setText("副总裁")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert panel.contact_model.index(0, 1).data() == "副总裁"
    panel.contact_view.setCurrentIndex(panel.contact_model.index(0, 0))
    panel.remove_contact()
    assert panel.contact_model.rowCount() == 0
    assert message_boxes.calls[-1][0] == "question"


def test_logging_a_visit_appears_in_the_timeline_and_closes_a_gap(qtbot, panel, samples,
                                                                   add_contact):
    contact = add_contact(samples["浪潮"])
    panel.show_customer(samples["浪潮"].id)
    assert "gap.visit" in gap_codes(panel)
    assert panel.activity_model.rowCount() == 0
    dialog = panel.log_activity(ActivityKind.VISIT)
    qtbot.addWidget(dialog)
    assert dialog.kind_combo.current_member() is ActivityKind.VISIT
    assert abs(dialog.time_edit.dateTime().secsTo(QDateTime.currentDateTime())) < 120
    assert not dialog.save_button.isEnabled()  # the summary is required
    dialog.contact_combo.setCurrentIndex(dialog.contact_combo.findData(contact.id))
    dialog.summary_edit.setPlainText("拜访信息中心，了解现有系统")
    dialog.outcome_edit.setText("同意安排演示")
    dialog.next_step_edit.setText("发送方案")
    dialog.time_edit.setDateTime(QDateTime.currentDateTime().addSecs(-3600))
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    assert panel.activity_model.rowCount() == 1
    text = panel.activity_model.index(0, 0).data()
    assert "Visit" in text and "张伟" in text and "拜访信息中心" in text
    assert "Outcome: 同意安排演示" in text and "Next step: 发送方案" in text
    assert "gap.visit" not in gap_codes(panel)
    assert panel.gaps_label.text() == "✓ Ready to register"


def test_timeline_is_newest_first(qtbot, panel, samples, service):
    customer = samples["美的"]
    for days, summary in ((10, "旧的电话"), (1, "新的拜访"), (5, "中间的会议")):
        service.log_activity(Activity(customer_id=customer.id, kind=ActivityKind.CALL,
                                      occurred_at=utcnow() - timedelta(days=days),
                                      summary=summary))
    panel.show_customer(customer.id)
    summaries = [panel.activity_model.activity_at(r).summary for r in range(3)]
    assert summaries == ["新的拜访", "中间的会议", "旧的电话"]
    dialog = panel.log_activity(ActivityKind.CALL)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Log a call"
    dialog.reject()


def test_ready_to_register_when_nothing_is_missing(panel, samples, service, add_contact):
    customer = samples["浪潮"]
    add_contact(customer)
    service.log_activity(Activity(customer_id=customer.id, kind=ActivityKind.VISIT,
                                  occurred_at=utcnow() - timedelta(hours=2),
                                  summary="首次拜访"))
    panel.show_customer(customer.id)
    assert panel.detail.gaps == []
    assert panel.gaps_label.text() == "✓ Ready to register"
