"""The deal page: header, ticks that save at once, moves through the gates
(ask_move stubbed), the stage history, worksheets and the review PDF."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from erpdesk.domain.deal import DealStatus, MoveKind
from erpdesk.ui.funnel import deal_page as deal_page_module
from erpdesk.ui.funnel.deal_page import DealPage, DealWindow, open_deal
from erpdesk.ui.funnel.worksheet_widgets import WorksheetDialog


@pytest.fixture
def deal(desk, samples):
    return desk.deals.create(
        samples["浪潮"].id,
        "集团财务共享项目",
        amount="850000",
        close_date=(date.today() + timedelta(days=60)).isoformat(),
        competitors="用友, 金蝶",
        next_step="约见财务总监",
    )


@pytest.fixture
def page(qtbot, desk, deal) -> DealPage:
    widget = DealPage(desk.deals, deal.id)
    qtbot.addWidget(widget)
    return widget


def test_header_shows_the_deal(page, deal) -> None:
    assert page.title_label.text() == "集团财务共享项目"
    assert page.values["customer"].text() == "浪潮电子信息产业股份有限公司"
    assert page.values["amount"].text() == "¥850,000.00"
    assert page.values["weighted"].text() == "¥85,000.00"
    assert page.values["probability"].text() == "10 %"
    assert page.values["competitors"].text() == "用友、金蝶"
    assert page.forward_button.isEnabled()
    assert not page.reopen_button.isEnabled()


def test_ticking_an_item_saves_at_once(page, desk, deal) -> None:
    item = page.checklist.item(0)
    code = item.data(deal_page_module.CODE_ROLE)
    item.setCheckState(Qt.CheckState.Checked)
    saved = desk.deals.get(deal.id)
    assert saved.checklist[code].done is True
    # the page reloaded from the service and still shows it ticked
    assert page.checklist.item(0).checkState() == Qt.CheckState.Checked
    page.checklist.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert desk.deals.get(deal.id).checklist[code].done is False


def test_other_stages_items_are_reachable(page, desk, deal) -> None:
    page.stage_combo.setCurrentIndex(3)  # stage 4
    stage4 = desk.deals.playbook.stage(4)
    assert page.checklist.count() == len(stage4.checklist)
    assert page.exit_label.text()
    page.checklist.item(0).setCheckState(Qt.CheckState.Checked)
    assert desk.deals.get(deal.id).checklist[stage4.checklist[0].code].done


def test_moves_go_through_ask_move(page, desk, deal, monkeypatch) -> None:
    calls: list[Any] = []

    def fake_ask_move(parent: Any, deals: Any, deal_id: str, target: Any) -> bool:
        calls.append(target)
        deals.move(deal_id, target, reason="客户已确认", confirm_override=True)
        return True

    monkeypatch.setattr("erpdesk.ui.funnel.gate_dialog.ask_move", fake_ask_move)
    assert page.move_forward()
    assert calls == [2]
    assert desk.deals.get(deal.id).stage == 2
    assert page.values["stage"].text().startswith("2 ·")
    # the history shows the move, newest first, with the override reason
    model = page.history_model
    assert model.rowCount() == 2
    assert model.item(0, 1).text() == "Moved forward"
    assert "客户已确认" in model.item(0, 5).text()
    assert "overridden" in model.item(0, 5).text()
    page.move_to(DealStatus.WON)
    assert calls[-1] is DealStatus.WON
    assert desk.deals.get(deal.id).status is DealStatus.WON
    assert page.reopen_button.isEnabled() and not page.won_button.isEnabled()


def test_refused_move_changes_nothing(page, desk, deal, monkeypatch) -> None:
    monkeypatch.setattr("erpdesk.ui.funnel.gate_dialog.ask_move", lambda *a: False)
    assert not page.move_to(5)
    assert desk.deals.get(deal.id).stage == 1


def test_reopen_needs_a_reason(page, desk, deal, message_boxes) -> None:
    desk.deals.move(deal.id, DealStatus.LOST, reason="预算取消", lost_reason="budget")
    page.reload()
    assert not page.reopen(2, "")
    assert message_boxes.calls and message_boxes.calls[-1][0] == "warning"
    assert desk.deals.get(deal.id).status is DealStatus.LOST
    assert page.reopen(2, "客户重新立项")
    saved = desk.deals.get(deal.id)
    assert saved.is_open and saved.stage == 2
    assert page.history_model.item(0, 1).text() == "Reopened"
    assert desk.deals.page(deal.id).history[-1].kind is MoveKind.REOPENED


def test_worksheets_show_required_and_missing(page, desk, deal) -> None:
    codes = [row[0] for row in page.worksheet_rows()]
    assert codes[:2] == ["customer_profile", "customer_swot"]
    profile = desk.deals.playbook.worksheets["customer_profile"].names.en
    assert profile in page.missing_label.text()
    row = codes.index("customer_swot")
    dialog = page.open_worksheet_row(row)
    assert isinstance(dialog, WorksheetDialog)
    dialog.editor.fields.editors["strengths"].set_value("本地服务团队")
    assert dialog.save()
    sheets = desk.deals.worksheets(deal_id=deal.id)
    assert [s.template for s in sheets] == ["customer_swot"]
    assert sheets[0].deal_id is None  # a customer worksheet
    assert page.worksheet_rows()[row][1] is not None


def test_review_pdf_is_written(page, tmp_path: Path) -> None:
    path = tmp_path / "review.pdf"
    assert page.write_review_pdf(path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/FontFile" in data  # the CJK font embedded


def test_open_deal_shows_a_window_and_a_deleted_deal_closes_it(qtbot, desk, deal) -> None:
    window = open_deal(None, desk.deals, deal.id)
    qtbot.addWidget(window)
    assert isinstance(window, DealWindow) and window.isVisible()
    assert "集团财务共享项目" in window.windowTitle()
    with qtbot.waitSignal(window.page.closed):
        desk.deals.delete(deal.id)
    assert not window.isVisible()
