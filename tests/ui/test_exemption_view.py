"""The administrator's Exemptions view says when an open deal holds a
customer out of the pool."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from erpdesk.sync.workbench_api import RegistryCustomer
from erpdesk.ui.admin.exemptions import ExemptionView
from erpdesk.ui.workbench.runner import ApiRunner, MessageBar

DUE = datetime(2026, 4, 1, 1, 0, tzinfo=UTC)


def test_a_customer_held_by_an_open_deal_says_so(qtbot):
    runner = ApiRunner(lambda: None, lambda _account: "")  # never called here
    message = MessageBar()
    view = ExemptionView(runner, message)
    qtbot.addWidget(message)
    qtbot.addWidget(view)
    customer = RegistryCustomer.of({
        "id": "c1", "name": "济南华信机械制造有限公司", "status": "protected",
        "owner": "rep.a", "owner_display_name": "王一", "release_due_at": DUE.isoformat(),
        "open_deals": 2, "exempt_by_deal": True,
    })
    view.set_customer(customer)
    shown = view.state.text()
    assert "Held by an open deal (2 open): not released to the pool" in shown
    assert "Not exempt: released" not in shown
    assert view.grant_button.isEnabled()  # the administrator may still exempt it

    view.set_customer(replace(customer, open_deals=2, exempt_by_deal=False))
    shown = view.state.text()
    assert "Held by an open deal" not in shown and "Not exempt: released" in shown
