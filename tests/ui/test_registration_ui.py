"""Registration from the field in the customer panel and the list: the
protection line, the register dialog (gaps, duplicates, the request), the
decision notice, and the list's protection column and filter."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from erpdesk.domain.customer import (
    Activity,
    ActivityKind,
    Contact,
    Customer,
    Industry,
    SizeBand,
)
from erpdesk.services.events import Change
from erpdesk.ui.customer_detail import CustomerDetailPanel
from erpdesk.ui.customer_list import CustomerListPage
from erpdesk.ui.customer_model import COLUMN_KEYS
from erpdesk.ui.registration import RegisterDialog
from erpdesk.ui.widgets import settle_minimum_size


def _complete(desk) -> Customer:
    c = desk.customers.create(Customer(
        name="浪潮电子信息产业股份有限公司", uscc="91370000163446410B",
        industry=Industry.ELECTRONICS, size_band=SizeBand.HUGE, province="山东省",
        city="济南市", address="高新区浪潮路 1036 号", phone="0531-85106000",
        need="集团财务与供应链一体化"))
    desk.customers.save_contact(Contact(customer_id=c.id, name="王明", mobile="13912345678"))
    desk.customers.log_activity(Activity(
        customer_id=c.id, kind=ActivityKind.VISIT,
        occurred_at=datetime.now(UTC) - timedelta(days=1), summary="拜访财务总监"))
    return c


def _protect(desk, customer_id: str, days: int) -> None:
    until = (datetime.now(UTC) + timedelta(days=days)).isoformat(timespec="microseconds")
    with desk.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE customer SET registration = 'protected', protected_until = ? WHERE id = ?",
            (until, customer_id))


@pytest.fixture
def panel(qtbot, desk):
    widget = CustomerDetailPanel(desk.customers)
    widget.set_registrations(desk.registrations, None)
    qtbot.addWidget(widget)
    widget.resize(520, 700)
    settle_minimum_size(widget)
    widget.show()
    return widget


def test_incomplete_customer_dialog_lists_what_is_missing(qtbot, panel, desk) -> None:
    c = desk.customers.create(Customer(name="济南某某机械有限公司"))
    panel.show_customer(c.id)
    assert panel.registration_bar.register_button.isVisible()
    dialog = RegisterDialog(desk.registrations, c.id)
    qtbot.addWidget(dialog)
    assert not dialog.request_button.isEnabled()
    assert "No contact has been entered" in dialog.gaps_label.text()
    assert "could not be asked" in dialog.registry_label.text()


def test_request_shows_pending_then_protected_and_notifies(qtbot, panel, desk,
                                                           monkeypatch) -> None:
    c = _complete(desk)
    desk.customers.create(Customer(name="浪潮电子信息产业发展有限公司"))
    panel.show_customer(c.id)
    assert "Ready to register" in panel.gaps_label.text()
    dialog = RegisterDialog(desk.registrations, c.id)
    qtbot.addWidget(dialog)
    assert "浪潮电子信息产业发展有限公司" in dialog.duplicates_label.text()  # duplicate warned
    dialog.urgent_box.setChecked(True)
    dialog.submit()
    assert "sent at the next sync" in panel.registration_bar.label.text()
    assert not panel.registration_bar.register_button.isVisible()
    # asked for: complete, but no longer "ready to register"
    qtbot.waitUntil(lambda: "Nothing is missing" in panel.gaps_label.text(), timeout=5_000)

    opened: list[str] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: opened.append(box.text()))
    request = desk.registrations.latest(c.id)
    desk.registrations._store.mark_sent(request.id, "pending")
    desk.registrations._store.mark_decided(request.id, "verified", "", None)
    _protect(desk, c.id, 90)
    desk.feed.publish(Change("registration", (request.id,)))
    desk.feed.publish(Change("customer", (c.id,)))
    assert "Protected until" in panel.registration_bar.label.text()
    assert opened and "now protected for you" in opened[0]


def test_list_shows_protection_and_filters_by_it(qtbot, desk, settings) -> None:
    a = desk.customers.create(Customer(name="海尔集团公司"))
    b = desk.customers.create(Customer(name="美的集团股份有限公司"))
    desk.customers.create(Customer(name="三一重工股份有限公司"))
    _protect(desk, a.id, 90)
    _protect(desk, b.id, 5)
    page = CustomerListPage(desk.customers, settings)
    qtbot.addWidget(page)
    page.model.refresh(keep_loaded=False)
    column = COLUMN_KEYS.index("protection")
    texts = {page.model.index(r, 0).data(): page.model.index(r, column).data()
             for r in range(page.model.rowCount())}
    assert texts["海尔集团公司"].startswith("Until ")
    assert texts["美的集团股份有限公司"].startswith("Expires ")
    assert texts["三一重工股份有限公司"] == "Unregistered"
    page.protection_filter.setCurrentIndex(page.protection_filter.findData("expiring"))
    names = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert names == ["美的集团股份有限公司"]
