"""A registration the registry found near a held customer's name: the
customer panel and the list's Protection column say "possible duplicate,
the administrator decides" with the near names, the user is told once, and
the decision replaces it; the administrator's queue marks it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from erpdesk.domain.customer import Activity, ActivityKind, Contact, Customer, Industry, SizeBand
from erpdesk.domain.near_matches import NearMatch
from erpdesk.services.events import Change
from erpdesk.sync.workbench_api import QueueEntry
from erpdesk.ui.admin.registration_queue import COMPANY, QueueModel, near_match_line
from erpdesk.ui.customer_detail import CustomerDetailPanel
from erpdesk.ui.customer_list import CustomerListPage
from erpdesk.ui.customer_model import COLUMN_KEYS
from erpdesk.ui.registration import DecisionNotifier
from erpdesk.ui.widgets import settle_minimum_size

MINE = NearMatch(91.7, "c-own", "济南华信机械制造有限公司", "protected", "王一")
THEIRS = NearMatch(88.0)


def _requested(desk) -> tuple[Customer, str]:
    c = desk.customers.create(Customer(
        name="济南华信机械制造设备有限公司", uscc="91370000163446410B",
        industry=Industry.MACHINERY, size_band=SizeBand.MEDIUM, province="山东省",
        city="济南市", address="历下区经十路 100 号", phone="0531-85106000",
        need="替换旧的进销存系统"))
    desk.customers.save_contact(Contact(customer_id=c.id, name="张伟", mobile="13812345678"))
    desk.customers.log_activity(Activity(
        customer_id=c.id, kind=ActivityKind.VISIT,
        occurred_at=datetime.now(UTC) - timedelta(days=1), summary="拜访信息部"))
    return c, desk.registrations.request(c.id).id


@pytest.fixture
def panel(qtbot, desk):
    widget = CustomerDetailPanel(desk.customers)
    widget.set_registrations(desk.registrations, None)
    qtbot.addWidget(widget)
    widget.resize(520, 700)
    settle_minimum_size(widget)
    widget.show()
    return widget


def _protection_column(qtbot, desk, settings) -> dict[str, str]:
    page = CustomerListPage(desk.customers, settings)
    qtbot.addWidget(page)
    page.model.refresh(keep_loaded=False)
    column = COLUMN_KEYS.index("protection")
    return {page.model.index(r, 0).data(): page.model.index(r, column).data()
            for r in range(page.model.rowCount())}


def test_the_panel_and_the_list_show_a_possible_duplicate_until_the_decision(
    qtbot, panel, desk, settings, monkeypatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: opened.append(box.text()))
    notifier = DecisionNotifier(desk.registrations, panel)
    c, request_id = _requested(desk)
    desk.customers.create(Customer(name="青岛海岳食品有限公司"))
    panel.show_customer(c.id)
    assert "sent at the next sync" in panel.registration_bar.label.text()

    # The sync stores the registry's answer: pending, near two held customers.
    store = desk.registrations._store
    store.mark_sent(request_id, "pending", "", (MINE, THEIRS))
    desk.feed.publish(Change("registration", (request_id,)))
    desk.feed.publish(Change("customer", (c.id,)))
    line = panel.registration_bar.label.text()
    assert line == ("Possible duplicate, the administrator decides; similar: "
                    "济南华信机械制造有限公司, a customer of another rep")
    assert not panel.registration_bar.register_button.isVisible()
    assert opened == [f"{c.name}: possible duplicate, the administrator decides; similar: "
                      "济南华信机械制造有限公司, a customer of another rep"]
    texts = _protection_column(qtbot, desk, settings)
    assert texts[c.name] == line
    assert texts["青岛海岳食品有限公司"] == "Unregistered"

    # Told once: reading it back again changes nothing and tells nothing.
    assert not store.mark_possible_duplicate(request_id, (MINE, THEIRS))
    assert notifier.check() == []

    # The administrator's decision replaces it.
    store.mark_decided(request_id, "rejected", "duplicate of 济南华信机械制造有限公司", None)
    with desk.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE customer SET registration = 'invalid' WHERE id = ?",
                             (c.id,))
    desk.feed.publish(Change("registration", (request_id,)))
    desk.feed.publish(Change("customer", (c.id,)))
    assert panel.registration_bar.label.text() == (
        "Registration rejected: duplicate of 济南华信机械制造有限公司")
    assert opened[-1].endswith("registration rejected: duplicate of 济南华信机械制造有限公司")
    assert _protection_column(qtbot, desk, settings)[c.name] == "Registration rejected"


def test_the_administrators_queue_marks_a_possible_duplicate(qtbot) -> None:
    body = {
        "id": "r-1", "customer_id": "c-1", "customer_name": "济南华信机械制造设备有限公司",
        "uscc": "", "status": "pending", "customer_status": "pending", "urgent": False,
        "overdue": False, "rep": "rep.b", "rep_display_name": "李二",
        "possible_duplicate": True,
        "near_matches": [{"score": 91.7, "customer_id": "c-own", "name": "济南华信机械制造有限公司",
                          "status": "protected", "owner": "王一"}],
    }
    plain = {**body, "id": "r-2", "customer_name": "青岛海岳食品有限公司",
             "possible_duplicate": False, "near_matches": []}
    model = QueueModel()
    model.set_rows([QueueEntry.of(body), QueueEntry.of(plain)])
    assert model.index(0, COMPANY).data() == "济南华信机械制造设备有限公司 (possible duplicate)"
    assert model.index(1, COMPANY).data() == "青岛海岳食品有限公司"
    tip = model.index(0, COMPANY).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "济南华信机械制造有限公司 — protected, 王一, 92% similar"
    assert model.index(1, COMPANY).data(Qt.ItemDataRole.ToolTipRole) is None
    assert near_match_line(NearMatch(88.0)) == "? — ?, ?, 88% similar"
