"""Today in the main window: a rep's desk opens on it, its rows open what
they are about in the window, "… and N more" shows the filtered list, the
reminders' count shows on the rail; an administrator's desk has no Today."""

from __future__ import annotations

from datetime import timedelta

import pytest

from erpdesk.domain.customer import utcnow
from erpdesk.ui.launch import install_reminders, today_services
from erpdesk.ui.main_window import AREAS, MainWindow


@pytest.fixture
def window(qtbot, desk, settings, samples):
    made = MainWindow(desk.customers, settings, deals=desk.deals,
                      today=lambda: today_services(desk))  # fmt: skip
    qtbot.addWidget(made)
    made.show()
    return made


def current_key(window: MainWindow) -> str:
    return AREAS[window.rail.currentRow()][0]


def test_a_reps_desk_opens_on_today_and_its_rows_open_customers(qtbot, window, samples):
    window.show_home()
    assert current_key(window) == "today" and window.today is not None
    assert window.pages.currentWidget() is window.today
    window.today.open_customer.emit(samples["美的"].id)
    assert current_key(window) == "customers"
    assert window.customers.detail.customer_id == samples["美的"].id


def test_more_registrations_show_the_customer_list_filtered(window):
    window.show_list("expiring")
    assert current_key(window) == "customers"
    assert window.customers.protection_filter.currentData() == "expiring"
    window.show_list("deals")
    assert current_key(window) == "funnel"


def test_an_administrators_desk_has_no_today(window):
    window.set_workbench(None, "admin")
    assert "today" not in window.visible_areas()
    window.show_home()
    assert current_key(window) == "customers"


def test_due_todos_put_their_count_on_the_rail(qtbot, desk, window, samples):
    todos = desk.todos
    # due a moment ago (a todo due earlier today is taken: overdue at once)
    todo = todos.add_task(samples["海尔"].id, "回访海尔信息中心", utcnow() - timedelta(seconds=1))
    reminders = install_reminders(window, desk)
    reminders.check()
    qtbot.waitUntil(lambda: window.today_badge == 1, timeout=3000)
    assert window.rail.item(0).text() == "Today (1)"
    todos.done(todo.id)
    reminders.check()
    qtbot.waitUntil(lambda: window.today_badge == 0, timeout=3000)
    assert window.rail.item(0).text() == "Today"


def test_a_presales_users_desk_opens_on_the_presales_workbench(window):
    window.set_workbench(None, "presales")
    window.show_home()
    assert current_key(window) == "presales"
    assert {"today", "presales", "funnel"} <= set(window.visible_areas())


def test_an_empty_desk_opens_on_the_first_run_page_until_a_customer_exists(
    qtbot, desk, settings
):
    from PySide6.QtWidgets import QLabel

    from erpdesk.domain.customer import Customer
    from erpdesk.ui.launch import install_first_run

    window = MainWindow(desk.customers, settings, deals=desk.deals)
    qtbot.addWidget(window)
    window.show()
    page = install_first_run(window, desk)
    assert page is not None and window.pages.currentWidget() is page
    texts = " ".join(label.text() for label in page.findChildren(QLabel))
    assert desk.db.path.name in texts  # where the database lives
    desk.customers.create(Customer(name="济南华信机械有限公司"))
    qtbot.waitUntil(lambda: window.first_run is None, timeout=3000)
    assert window.pages.currentWidget() is window.customers
