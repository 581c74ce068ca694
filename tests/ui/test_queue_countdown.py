"""The administrator's queue counts the call-back deadline down."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from erpdesk.sync.workbench_api import QueueEntry
from erpdesk.ui.admin.registration_queue import time_left_text

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


def entry(deadline: datetime | None, overdue: bool = False) -> QueueEntry:
    return QueueEntry(
        id="r", customer_id="c", customer_name="潍坊华辰精密机械有限公司", uscc="",
        status="pending",
        customer_status="pending", urgent=True, submitted_at=NOW, deadline=deadline,
        overdue=overdue, rep="wang", rep_display_name="王芳",
    )


@pytest.mark.parametrize(("delta", "overdue", "shown"), [
    (timedelta(days=2, hours=5, minutes=3), False, "2 d 5 h left"),
    (timedelta(hours=3, minutes=10), False, "3 h 10 min left"),
    (timedelta(minutes=7), False, "7 min left"),
    (timedelta(seconds=30), False, "due now"),
    (timedelta(seconds=0), True, "due now"),  # an urgent one, as it arrives
    (timedelta(seconds=-59), True, "due now"),
    (-timedelta(minutes=2), True, "overdue by 2 min"),
    (-timedelta(hours=4), True, "overdue by 4 h 0 min"),
])
def test_the_time_left_reads_as_a_countdown(qapp, delta, overdue, shown):
    assert time_left_text(entry(NOW + delta, overdue), NOW) == shown


def test_no_deadline_shows_nothing(qapp):
    assert time_left_text(entry(None), NOW) == ""
