"""The deal's presales status on its page and on its board card: the deal
page's presales tab lists the deal's requests with state, consultant and
the engagement's step and follows changes; the board's column model gives
a card the chip of its deal's latest request (none without one)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QWidget

from erpdesk.domain.customer import Customer, Source
from erpdesk.domain.presales import RequestKind, RequestState, TechnicalWin
from erpdesk.playbooks import read_playbook
from erpdesk.services.presales import LEAD_KEY, PresalesService
from erpdesk.services.presales_status import PresalesStatusService
from erpdesk.ui.funnel.board_model import PRESALES_ROLE, StageColumnModel
from erpdesk.ui.funnel.deal_page import DealPage
from erpdesk.ui.funnel.page import FunnelPage
from erpdesk.ui.presales import PresalesServices
from erpdesk.ui.presales.deal_presales import CONSULTANT, KIND, STATE, STEP, WIN
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
def deals(desk):
    customer = desk.customers.create(
        Customer(name="济南华信机械制造有限公司", source=Source.REFERRAL)
    )
    return [desk.deals.create(customer.id, name) for name in ("华信ERP一期", "华信MES")]


def assign(desk, services, request_id: str) -> None:
    act_as(desk, "wang.lead", "presales", lead=True)
    services.presales.move_request(request_id, RequestState.ACCEPTED)
    services.presales.move_request(request_id, RequestState.ASSIGNED, consultant="zhao.pre")
    act_as(desk, "li.rep")


def cell(page: DealPage, row: int, column: int) -> str:
    tab = page.presales_tab
    assert tab is not None
    return str(tab.model.index(row, column).data())


def test_without_presales_services_the_page_has_no_presales_tab(qtbot, desk, deals):
    page = DealPage(desk.deals, deals[0].id)
    qtbot.addWidget(page)
    assert page.presales_tab is None
    assert not any(page.tabs.tabText(i).startswith("Presales") for i in range(page.tabs.count()))


def test_the_tab_lists_the_requests_and_follows_changes(qtbot, desk, services, deals):
    deal = deals[0]
    first = services.presales.ask("", RequestKind.DEMO, deal_id=deal.id, submit=True,
                                  wanted_from=SOON)  # fmt: skip
    services.presales.ask("", RequestKind.TENDER_SUPPORT, deal_id=deals[1].id)  # another deal
    page = DealPage(desk.deals, deal.id)
    qtbot.addWidget(page)
    page.set_presales(lambda: services)
    tab = page.presales_tab
    assert tab is not None
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Presales (1)"
    assert (cell(page, 0, KIND), cell(page, 0, STATE), cell(page, 0, STEP)) == (
        "Demo", "Submitted", "—")  # fmt: skip
    assert not tab.engagement_button.isEnabled()

    assign(desk, services, first.id)  # the feed reports it: the tab reloads
    assert (cell(page, 0, STATE), cell(page, 0, CONSULTANT)) == ("Assigned", "zhao.pre")
    assert cell(page, 0, STEP).startswith("1/8 ")
    assert cell(page, 0, WIN) == "Open"
    assert tab.engagement_button.isEnabled()
    engagement = services.presales.engagement_of(first.id)
    assert engagement is not None
    act_as(desk, "zhao.pre", "presales")
    services.presales.move_step(engagement.id, 5, reason="客户催促", confirm_override=True)
    services.presales.set_technical_win(engagement.id, TechnicalWin.WON)
    assert cell(page, 0, STEP).startswith("5/8 ")
    assert cell(page, 0, WIN) == "✓ Technical win"

    act_as(desk, "li.rep")
    second = services.presales.ask("", RequestKind.REQUIREMENTS_SURVEY, deal_id=deal.id)
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Presales (2)"
    assert (cell(page, 0, KIND), cell(page, 0, STATE)) == ("Requirements survey", "Draft")
    assert tab.requests[0].id == second.id  # newest first


@pytest.mark.qt_log_ignore("does not support raise")  # the opener raises its windows
def test_ask_and_open_from_the_tab(qtbot, desk, services, deals):
    deal = deals[0]
    request = services.presales.ask("", RequestKind.DEMO, deal_id=deal.id)
    host = QWidget()
    host.presales_factory = lambda: services  # type: ignore[attr-defined]  # as a window lends it
    qtbot.addWidget(host)
    page = DealPage(desk.deals, deal.id, host)
    tab = page.presales_tab
    assert tab is not None  # found up the parents
    asked = tab.ask()
    assert isinstance(asked, RequestDialog)
    assert (asked.request, asked.deal_id, asked.customer_id) == (None, deal.id, deal.customer_id)
    opened = tab.open_request(0)
    assert isinstance(opened, RequestDialog) and opened.request is not None
    assert opened.request.id == request.id
    for dialog in (asked, opened):
        dialog.close()


def test_a_card_carries_its_deals_presales_chip(qtbot, desk, services, deals):
    asked, never = deals
    request = services.presales.ask("", RequestKind.DEMO, deal_id=asked.id, submit=True)
    model = StageColumnModel(desk.deals, 1)
    model.set_statuses(PresalesStatusService.of_database(desk.db))
    model.set_cards(desk.deals.board())
    rows = {model.cards()[r].id: r for r in range(model.rowCount())}
    assert model.index(rows[never.id], 0).data(PRESALES_ROLE) is None
    chip = model.index(rows[asked.id], 0).data(PRESALES_ROLE)
    assert chip.badge.state is RequestState.SUBMITTED and chip.text == "Presales Submitted"
    assert "Presales: Demo, Submitted" in model.index(rows[asked.id], 0).data(3)  # tooltip

    assign(desk, services, request.id)
    model.refresh_presales()  # as the funnel page does on a presales change
    chip = model.index(rows[asked.id], 0).data(PRESALES_ROLE)
    assert (chip.badge.state, chip.badge.step, chip.text) == (
        RequestState.ASSIGNED, 1, "Presales 1/8")  # fmt: skip
    no_badges = StageColumnModel(desk.deals, 1)
    no_badges.set_cards(desk.deals.board())
    assert no_badges.index(0, 0).data(PRESALES_ROLE) is None  # no status service: no chips


def test_the_funnel_page_passes_presales_on(qtbot, desk, settings, services, deals):
    services.presales.ask("", RequestKind.DEMO, deal_id=deals[0].id)
    page = FunnelPage(desk.deals, desk.customers, settings)
    qtbot.addWidget(page)
    page.wait()
    qtbot.waitUntil(lambda: not page.loading)
    page.set_presales(lambda: services, PresalesStatusService.of_database(desk.db))
    column = page.board.column_of(1)
    row = column.model.row_of(deals[0].id)
    assert row is not None
    assert column.model.index(row, 0).data(PRESALES_ROLE) is not None
    other = column.model.row_of(deals[1].id)
    assert other is not None and column.model.index(other, 0).data(PRESALES_ROLE) is None
    services.presales.ask("", RequestKind.PROOF_OF_CONCEPT, deal_id=deals[1].id, submit=True)
    chip = column.model.index(other, 0).data(PRESALES_ROLE)  # the change refreshed the chips
    assert chip is not None and chip.badge.kind is RequestKind.PROOF_OF_CONCEPT
    page.open_deal(deals[0].id)
    windows = [w for w in page.findChildren(QWidget) if hasattr(w, "page")]
    assert windows and windows[-1].page.presales_tab is not None
    page.close_page()


@pytest.mark.qt_log_ignore("does not support raise")  # the opener raises its windows
def test_the_customer_panel_asks_for_presales_support(qtbot, desk, services, deals):
    from erpdesk.ui.customer_detail import CustomerDetailPanel

    panel = CustomerDetailPanel(desk.customers)
    qtbot.addWidget(panel)
    panel.show_customer(deals[0].customer_id)
    assert panel.presales_button.isHidden()  # no presales services: no action
    panel.set_presales(lambda: services)
    assert not panel.presales_button.isHidden()
    dialog = panel.ask_presales()
    assert isinstance(dialog, RequestDialog)
    offered = [dialog.deal_combo.itemData(i) for i in range(dialog.deal_combo.count())]
    assert offered[0] == "" and set(offered[1:]) == {d.id for d in deals}
    assert dialog.save_draft()
    (draft,) = services.presales.requests(tuple(RequestState))
    assert (draft.customer_id, draft.deal_id) == (deals[0].customer_id, "")
    dialog.close()
