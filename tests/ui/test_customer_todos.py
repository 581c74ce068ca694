"""A customer's todos in its panel: listed with the open count in the tab's
title, overdue in red; Done and "tomorrow 9:00" through the todo service;
the list follows changes made elsewhere."""

from __future__ import annotations

from datetime import timedelta

from erpdesk.domain.customer import utcnow
from erpdesk.ui.customer_detail import CustomerDetailPanel
from erpdesk.ui.launch import today_services
from erpdesk.ui.today.customer_todos import OVERDUE


def test_the_panel_lists_the_customers_todos_and_acts_on_them(qtbot, desk, samples):
    todos = desk.todos
    haier = samples["海尔"]
    late = todos.add_task(haier.id, "回访信息中心", utcnow() - timedelta(seconds=1))
    todos.add_task(haier.id, "发送方案", utcnow() + timedelta(days=2))
    todos.add_task(samples["美的"].id, "别家的待办", utcnow() + timedelta(days=1))
    panel = CustomerDetailPanel(desk.customers)
    qtbot.addWidget(panel)
    panel.set_todos(lambda: today_services(desk))
    panel.show_customer(haier.id)
    tab = panel.todos_tab
    assert tab is not None
    assert panel.tabs.tabText(panel.tabs.indexOf(tab)) == "Todos (2)"
    titles = [tab.tree.topLevelItem(i).text(1) for i in range(tab.tree.topLevelItemCount())]
    assert titles == ["回访信息中心", "发送方案"]
    first = tab.tree.topLevelItem(0)
    assert first.foreground(0).color().name() == OVERDUE
    tab.tree.setCurrentItem(first)
    assert tab.move_to_tomorrow()
    moved = todos.todo(late.id).due_at.astimezone()
    assert (moved.date() - utcnow().astimezone().date()).days == 1 and moved.hour == 9
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0))
    done_id = tab.current_id()
    assert tab.done()
    assert todos.todo(done_id).done_at is not None
    qtbot.waitUntil(lambda: panel.tabs.tabText(panel.tabs.indexOf(tab)) == "Todos (1)")
    todos.add_task(haier.id, "电话确认", utcnow() + timedelta(days=3))  # made elsewhere
    qtbot.waitUntil(lambda: panel.tabs.tabText(panel.tabs.indexOf(tab)) == "Todos (2)")
