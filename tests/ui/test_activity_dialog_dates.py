"""The activity dialog offers only plausible dates (erpdesk.domain.dates): from
1949-10-01 to a year from today, the rule the registry applies to pushed ops."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QTime

from erpdesk.domain.customer import ActivityKind, utcnow
from erpdesk.domain.dates import latest_plausible
from erpdesk.ui.record_dialogs import ActivityDialog


def test_only_plausible_dates_can_be_picked(qtbot, service, samples):
    customer = samples["浪潮"]
    dialog = ActivityDialog(service, customer.id, ActivityKind.VISIT)
    qtbot.addWidget(dialog)
    latest = latest_plausible(utcnow())
    assert dialog.time_edit.minimumDate() == QDate(1949, 10, 1)
    assert dialog.time_edit.maximumDate() == QDate(latest.year, latest.month, latest.day)
    dialog.summary_edit.setPlainText("拜访信息中心")
    dialog.time_edit.setDateTime(QDateTime(QDate(1, 1, 1), QTime(0, 0)))
    assert dialog.time_edit.date() == QDate(1949, 10, 1)  # held at the earliest date
    assert dialog.save_button.isEnabled() and not dialog.time_problem.isVisible()
    dialog.time_edit.setDateTime(QDateTime(QDate(9999, 12, 31), QTime(23, 59)))
    assert dialog.time_edit.date() == dialog.time_edit.maximumDate()
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    (activity,) = service.detail(customer.id).activities
    assert activity.occurred_at.date() <= latest
