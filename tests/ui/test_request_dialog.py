"""The rep's support request dialog on a real desk: a draft saved, a
request submitted, wrong dates refused with the domain's message and
nothing typed lost, a submitted request cancelled, a request the presales
team took up opened read-only with its consultant and step."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from erpdesk.domain.customer import Customer, Source
from erpdesk.domain.presales import Attendee, RequestKind, RequestState
from erpdesk.playbooks import read_playbook
from erpdesk.services.presales import LEAD_KEY, PresalesService
from erpdesk.ui.presales import PresalesServices
from erpdesk.ui.presales.request_dialog import RequestDialog

SOON = date.today() + timedelta(days=7)


def act_as(desk, name: str, role: str = "rep", lead: bool = False) -> None:
    with desk.unit_of_work() as uow:
        uow.meta_set("sync.user", name)
        uow.meta_set("sync.role", role)
        uow.meta_set(LEAD_KEY, "1" if lead else "0")
        uow.commit()


@pytest.fixture
def services(desk) -> PresalesServices:
    presales = PresalesService(desk.unit_of_work, desk.feed, user="li.rep", playbook=read_playbook)
    return PresalesServices(presales, desk.deals, desk.customers)


@pytest.fixture
def deal(desk):
    customer = desk.customers.create(
        Customer(name="济南华信机械制造有限公司", source=Source.REFERRAL)
    )
    return desk.deals.create(customer.id, "华信ERP一期")


@pytest.fixture
def dialog(qtbot, services, deal) -> RequestDialog:
    widget = RequestDialog(services, customer_id=deal.customer_id, deal_id=deal.id)
    qtbot.addWidget(widget)
    return widget


def fill(dialog: RequestDialog, start: date, until: date) -> None:
    dialog.kind_combo.set_member(RequestKind.REQUIREMENTS_SURVEY)
    dialog.from_edit.set_value(start)
    dialog.until_edit.set_value(until)
    dialog.modules_list.set_codes(("finance", "production"))
    dialog.attendees.add_row("王总", "财务总监")
    dialog.cares_edit.setPlainText("月结速度")
    dialog.notes_edit.setPlainText("两天现场")


def test_a_new_request_names_its_customer_and_deal(dialog, services):
    assert "济南华信机械制造有限公司" in dialog.about_label.text()
    assert "华信ERP一期" in dialog.about_label.text()
    assert dialog.deal_combo.isHidden()  # the deal is given
    assert dialog.status_box.isHidden() and dialog.cancel_request_button.isHidden()
    assert dialog.modules_list.count() == len(services.presales.playbook.modules)
    assert dialog.kind_combo.count() == len(RequestKind)


def test_save_draft_then_submit(dialog, services, deal):
    fill(dialog, SOON, SOON + timedelta(days=2))
    assert dialog.save_draft()
    (draft,) = services.presales.requests_of_deal(deal.id)
    assert (draft.state, draft.kind, draft.requested_by) == (
        RequestState.DRAFT,
        RequestKind.REQUIREMENTS_SURVEY,
        "li.rep",
    )
    assert (draft.wanted_from, draft.wanted_until) == (SOON, SOON + timedelta(days=2))
    assert draft.modules == ("finance", "production")
    assert draft.attendees == (Attendee("王总", "财务总监"),)
    assert (draft.customer_cares, draft.notes) == ("月结速度", "两天现场")
    # the dialog now shows the saved draft; offline, it says so quietly
    assert dialog.status_box.isVisibleTo(dialog)
    assert "next sync" in dialog.note_label.text()
    dialog.cares_edit.setPlainText("月结速度、成本核算")
    assert dialog.submit()
    (sent,) = services.presales.requests_of_deal(deal.id)
    assert (sent.id, sent.state, sent.customer_cares) == (
        draft.id,
        RequestState.SUBMITTED,
        "月结速度、成本核算",
    )
    assert dialog.submit_button.isHidden()  # submitted: changes are still saved
    assert dialog.save_button.isVisibleTo(dialog)


def test_submit_at_once_from_a_customer_picking_a_deal(qtbot, services, deal):
    widget = RequestDialog(services, customer_id=deal.customer_id)
    qtbot.addWidget(widget)
    assert widget.deal_combo.isVisibleTo(widget)
    assert [widget.deal_combo.itemData(i) for i in range(widget.deal_combo.count())] == [
        "",
        deal.id,
    ]
    widget.deal_combo.setCurrentIndex(1)
    assert widget.submit()
    (sent,) = services.presales.requests_of_deal(deal.id)
    assert sent.state is RequestState.SUBMITTED and sent.submitted_at is not None


def test_bad_dates_are_refused_and_everything_typed_is_kept(dialog, services, deal):
    fill(dialog, SOON + timedelta(days=5), SOON)
    height = dialog.form_box.height()
    assert not dialog.submit()
    assert services.presales.requests_of_deal(deal.id) == []
    assert "before they start" in dialog.date_problem.text()
    assert dialog.error_line.text()  # a line above the buttons too
    assert dialog.form_box.height() == height  # the form did not move
    # nothing typed is lost
    assert dialog.from_edit.value() == SOON + timedelta(days=5)
    assert dialog.until_edit.value() == SOON
    assert dialog.cares_edit.toPlainText() == "月结速度"
    assert dialog.attendees.attendees() == (Attendee("王总", "财务总监"),)
    dialog.until_edit.set_value(SOON + timedelta(days=6))
    assert dialog.submit()
    assert dialog.date_problem.text() == ""


def test_a_new_request_offers_no_date_in_the_past(dialog):
    yesterday = date.today() - timedelta(days=1)
    dialog.from_edit.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    assert dialog.from_edit.value() is None  # the day before today means "no date"
    dialog.from_edit.setDate(QDate(2020, 1, 1))
    assert dialog.from_edit.value() is None
    assert dialog.from_edit.minimumDate().toPython() == yesterday


def test_cancel_a_submitted_request_after_confirming(qtbot, services, deal, message_boxes):
    request = services.presales.ask(deal.customer_id, RequestKind.DEMO, deal_id=deal.id,
                                    submit=True)  # fmt: skip
    widget = RequestDialog(services, request_id=request.id)
    qtbot.addWidget(widget)
    assert widget.cancel_request_button.isVisibleTo(widget)
    message_boxes.answer = QMessageBox.StandardButton.No
    assert not widget.ask_cancel()
    assert services.presales.request(request.id).state is RequestState.SUBMITTED
    message_boxes.answer = QMessageBox.StandardButton.Yes
    assert widget.ask_cancel()
    assert services.presales.request(request.id).state is RequestState.CANCELLED
    assert widget.save_button.isHidden() and widget.cancel_request_button.isHidden()


def test_an_accepted_request_opens_read_only_with_its_state(qtbot, desk, services, deal):
    request = services.presales.ask(
        deal.customer_id, RequestKind.DEMO, deal_id=deal.id, submit=True,
        modules=("finance",), wanted_from=SOON, customer_cares="成本",
    )  # fmt: skip
    act_as(desk, "wang.lead", "presales", lead=True)
    services.presales.move_request(request.id, RequestState.ACCEPTED)
    services.presales.move_request(request.id, RequestState.ASSIGNED, consultant="zhao.pre")
    act_as(desk, "li.rep")
    widget = RequestDialog(services, request_id=request.id)
    qtbot.addWidget(widget)
    assert not widget.editable()
    assert widget.save_button.isHidden() and widget.submit_button.isHidden()
    assert widget.cancel_request_button.isHidden()  # the lead cancels from here on
    assert widget.cares_edit.isReadOnly() and not widget.kind_combo.isEnabled()
    assert widget.status_box.state_label.text() == "Assigned"
    assert widget.status_box.values["consultant"].text() == "zhao.pre"
    assert widget.status_box.values["step"].text().startswith("1/8 ")
    assert widget.status_box.values["win"].text() == "Open"
    assert widget.status_box.open_button.isVisibleTo(widget)
    assert widget.from_edit.value() == SOON and widget.cares_edit.toPlainText() == "成本"


def test_a_declined_request_shows_its_reason(qtbot, desk, services, deal):
    request = services.presales.ask(deal.customer_id, RequestKind.TENDER_SUPPORT,
                                    deal_id=deal.id, submit=True)  # fmt: skip
    act_as(desk, "wang.lead", "presales", lead=True)
    services.presales.move_request(request.id, RequestState.DECLINED, reason="本月人手已满")
    widget = RequestDialog(services, request_id=request.id)
    qtbot.addWidget(widget)
    assert widget.status_box.values["reason"].text() == "本月人手已满"
    assert widget.status_box.values["reason"].isVisibleTo(widget)
    assert not widget.editable()  # the lead reads it; only the rep edits
