"""The funnel page: the board's columns and totals, dragging a card through
the gate (the dialog stubbed), the filters, the list model, the gate dialog
and the main window's wiring; on a real desk database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog

from erpdesk.domain.customer import Customer, Industry, Source
from erpdesk.domain.deal import DealStatus, MoveKind, Worksheet
from erpdesk.storage.deal_queries import BoardCard
from erpdesk.ui.funnel import gate_dialog
from erpdesk.ui.funnel.board_model import CARD_ROLE, MIME_TYPE, StageColumnModel
from erpdesk.ui.funnel.gate_dialog import GateDialog, ask_move
from erpdesk.ui.funnel.list_model import COLUMN_KEYS, DealListModel
from erpdesk.ui.funnel.page import BOARD_TAB, LIST_TAB, FunnelPage
from erpdesk.ui.main_window import AREAS, MainWindow
from erpdesk.ui.widgets import settle_minimum_size

TODAY = date.today()


@pytest.fixture
def deals(desk):
    desk.deals.user = "王磊"
    return desk.deals


@pytest.fixture
def customers(desk, samples) -> dict[str, Customer]:
    return samples


@pytest.fixture
def board_deals(deals, customers) -> dict[str, Any]:
    """Deals in every stage, of two owners, one won and one lost."""
    made = {}
    plan = [
        ("海尔", "海尔ERP一期", 1, "120000.00", 30, "王磊"),
        ("美的", "美的财务共享", 2, "333333.33", 60, "李娜"),
        ("三一", "三一MES集成", 3, "500000.00", -10, "王磊"),
        ("浪潮", "浪潮集团管控", 4, "1234567.89", 90, "李娜"),
        ("浪潮", "浪潮供应链", 4, "765432.11", 120, "王磊"),
        ("青啤", "青啤成本核算", 5, "88000.05", 45, "王磊"),
        ("海尔", "海尔HR云", 6, "2500000.00", 20, "李娜"),
        ("美的", "美的CRM", 7, "999999.99", 5, "王磊"),
    ]
    for short, name, stage, amount, days, owner in plan:
        deals.user = owner
        made[name] = deals.create(
            customers[short].id, name, stage=stage, amount=Decimal(amount),
            close_date=TODAY + timedelta(days=days), source=Source.REFERRAL,
        )  # fmt: skip
    deals.user = "王磊"
    won = deals.create(customers["海尔"].id, "海尔已签", stage=7, amount=Decimal("100.00"))
    deals.move(won.id, DealStatus.WON, reason="签约", confirm_override=True)
    lost = deals.create(customers["三一"].id, "三一已丢", stage=3, amount=Decimal("200.00"))
    deals.move(lost.id, DealStatus.LOST, lost_reason="price", winning_competitor="用友")
    made["won"], made["lost"] = won, lost
    return made


@pytest.fixture
def make_page(qtbot, deals, desk, settings) -> Callable[[], FunnelPage]:
    def make() -> FunnelPage:
        page = FunnelPage(deals, desk.customers, settings)
        qtbot.addWidget(page)
        settle_minimum_size(page)
        page.resize(1280, 760)
        page.show()
        wait_loaded(qtbot, page)
        return page

    return make


def wait_loaded(qtbot, page: FunnelPage) -> None:
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)


def reload(qtbot, page: FunnelPage) -> None:
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()


def names_in(page: FunnelPage, target: int | DealStatus) -> list[str]:
    model = page.board.column_of(target).model
    return [model.card(r).name for r in range(model.rowCount())]


def drop(page: FunnelPage, deal_id: str, target: int | DealStatus) -> bool:
    """Drag the card *deal_id* from its column and drop it on *target*'s."""
    for column in page.board.columns():
        row = column.model.row_of(deal_id)
        if row is not None:
            mime = column.model.mimeData([column.model.index(row, 0)])
            break
    else:
        raise AssertionError(deal_id)
    target_model = page.board.column_of(target).model
    return target_model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())


class Answers:
    """Stands in for the user at the gate dialog (``GateDialog.exec``)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.dialogs: list[GateDialog] = []
        self.action: Callable[[GateDialog], None] | None = None
        self.cancel = False
        answers = self

        def exec_(dialog: GateDialog) -> int:
            answers.dialogs.append(dialog)
            if answers.action is not None:
                answers.action(dialog)
            if answers.cancel:
                return QDialog.DialogCode.Rejected.value
            dialog.buttons.accepted.emit()
            return dialog.result()

        monkeypatch.setattr(GateDialog, "exec", exec_)


@pytest.fixture
def answers(monkeypatch) -> Answers:
    return Answers(monkeypatch)


# -- columns and totals -------------------------------------------------------------


def test_columns_and_totals_match_the_funnel(make_page, deals, board_deals):
    page = make_page()
    report = deals.funnel()
    assert len(page.board.stage_columns) == 7
    for column, stage in zip(page.board.stage_columns, report.stages, strict=True):
        model = column.model
        assert (model.count, model.amount, model.weighted) == (
            stage.count, stage.amount, stage.weighted,
        )  # fmt: skip
        assert f"{stage.count} deals" in column.totals_label.text()
    four = page.board.column_of(4)
    assert four.model.amount == Decimal("2000000.00")
    assert "¥200.0万" in four.totals_label.text()
    assert four.title_label.text().startswith("4 ")
    assert names_in(page, DealStatus.WON) == ["海尔已签"]
    assert names_in(page, DealStatus.LOST) == ["三一已丢"]
    assert page.board.column_of(DealStatus.WON).model.amount == report.won.amount


def test_cards_carry_their_health_flags(make_page, board_deals):
    page = make_page()
    column = page.board.column_of(3)
    card: BoardCard = column.model.index(0, 0).data(CARD_ROLE)
    assert card.name == "三一MES集成"
    assert {flag.value for flag in card.flags} >= {"close_date_passed"}
    tip = column.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Close date passed" in tip


def test_the_board_refreshes_when_a_service_reports_a_change(
    qtbot, make_page, deals, customers, board_deals
):
    page = make_page()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        deals.create(customers["青啤"].id, "青啤新商机", amount=Decimal("1000.00"))
    assert "青啤新商机" in names_in(page, 1)


# -- dragging through the gate ---------------------------------------------------


def test_an_accepted_drop_moves_the_deal_with_the_override(
    qtbot, make_page, deals, board_deals, answers
):
    page = make_page()
    deal = board_deals["海尔ERP一期"]

    def confirm(dialog: GateDialog) -> None:
        assert dialog.items_list is not None and dialog.items_list.count() > 0
        assert dialog.override_box is not None and dialog.reason_edit is not None
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        assert not ok.isEnabled()
        dialog.override_box.setChecked(True)
        dialog.reason_edit.setPlainText("客户高层已拍板")
        assert ok.isEnabled()

    answers.action = confirm
    assert drop(page, deal.id, 2) is False  # the rows move only after the reload
    with qtbot.waitSignal(page.loaded, timeout=5000):
        pass
    assert deals.get(deal.id).stage == 2
    history = deals.page(deal.id).history
    assert history[-1].reason == "客户高层已拍板" and history[-1].overridden
    assert "海尔ERP一期" in names_in(page, 2) and "海尔ERP一期" not in names_in(page, 1)


def test_a_cancelled_drop_leaves_the_card_where_it_was(
    qtbot, make_page, deals, board_deals, answers
):
    page = make_page()
    deal = board_deals["海尔ERP一期"]
    answers.cancel = True
    drop(page, deal.id, 3)
    qtbot.waitUntil(lambda: len(answers.dialogs) == 1)
    assert deals.get(deal.id).stage == 1
    assert "海尔ERP一期" in names_in(page, 1)
    assert len(deals.page(deal.id).history) == 1  # only its creation


def test_a_refused_drop_moves_nothing_and_says_why(
    qtbot, make_page, deals, board_deals, answers, message_boxes
):
    page = make_page()
    deal = board_deals["海尔ERP一期"]
    deals.delete(deal.id)  # gone meanwhile (another window)
    drop(page, deal.id, 2)
    qtbot.waitUntil(lambda: bool(message_boxes.calls))
    assert message_boxes.calls[0][0] == "warning"
    assert answers.dialogs == []


def test_a_drop_on_its_own_column_is_no_drop(make_page, board_deals):
    page = make_page()
    deal = board_deals["浪潮集团管控"]
    column = page.board.column_of(4).model
    mime = column.mimeData([column.index(column.row_of(deal.id) or 0, 0)])
    assert mime.hasFormat(MIME_TYPE)
    assert not column.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert page.board.column_of(5).model.canDropMimeData(
        mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex()
    )


def test_a_closed_card_cannot_be_dragged(make_page, board_deals):
    page = make_page()
    won = page.board.column_of(DealStatus.WON).model
    assert not won.flags(won.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    open_model = page.board.column_of(1).model
    assert open_model.flags(open_model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled


def test_dropping_on_lost_asks_the_lost_reason(qtbot, make_page, deals, board_deals, answers):
    page = make_page()
    deal = board_deals["浪潮供应链"]

    def lose(dialog: GateDialog) -> None:
        assert dialog.reason_edit is None and dialog.override_box is None
        assert dialog.lost_reason_combo is not None and dialog.competitor_combo is not None
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.lost_reason_combo.setCurrentIndex(dialog.lost_reason_combo.findData("price"))
        dialog.competitor_combo.setCurrentText("金蝶")

    answers.action = lose
    drop(page, deal.id, DealStatus.LOST)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        pass
    lost = deals.get(deal.id)
    assert (lost.status, lost.lost_reason, lost.winning_competitor) == (
        DealStatus.LOST, "price", "金蝶",
    )  # fmt: skip
    assert "浪潮供应链" in names_in(page, DealStatus.LOST)


def test_moving_back_asks_for_a_reason(qtbot, deals, board_deals, answers):
    deal = board_deals["三一MES集成"]
    seen: list[tuple[MoveKind, bool]] = []

    def back(dialog: GateDialog) -> None:
        seen.append((dialog._check.kind, dialog.override_box is None))
        assert dialog.reason_edit is not None
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.reason_edit.setPlainText("需求被重新评估")

    answers.action = back
    assert ask_move(None, deals, deal.id, 2) is True
    assert seen == [(MoveKind.BACK, True)]
    assert deals.get(deal.id).stage == 2
    assert deals.page(deal.id).history[-1].reason == "需求被重新评估"


def test_the_gate_dialog_shows_the_missing_activities(qtbot, deals, board_deals):
    deal = board_deals["海尔ERP一期"]
    check = deals.check_move(deal.id, 3)
    dialog = GateDialog(deals, deals.get(deal.id), check)
    qtbot.addWidget(dialog)
    assert dialog.items_list is not None
    shown = [dialog.items_list.item(i).text() for i in range(dialog.items_list.count())]
    assert shown == [item.names.en for item in check.missing_items]
    assert len(shown) >= 2  # stages 1 and 2 are passed over
    if check.missing_worksheets:
        assert dialog.worksheets_list is not None
        assert dialog.worksheets_list.count() == len(check.missing_worksheets)


def test_a_refusal_in_the_dialog_keeps_it_open_and_moves_nothing(qtbot, deals, board_deals):
    deal = board_deals["海尔ERP一期"]
    dialog = GateDialog(deals, deals.get(deal.id), deals.check_move(deal.id, 2))
    qtbot.addWidget(dialog)
    assert dialog.override_box is not None and dialog.reason_edit is not None
    dialog.override_box.setChecked(True)
    dialog.reason_edit.setPlainText("长" * 2001)  # longer than a reason may be
    assert dialog.try_move() is False
    assert not dialog.problem_label.isHidden() and "2001" in dialog.problem_label.text()
    assert not dialog.moved
    assert deals.get(deal.id).stage == 1


def test_a_plain_step_forward_needs_no_dialog(qtbot, deals, board_deals, answers):
    deal = board_deals["海尔ERP一期"]
    for item in deals.playbook.stage(1).checklist:
        deals.tick(deal.id, item.code, True)
    deals.save_worksheet(
        Worksheet("customer_profile", deal.customer_id, data={"basics": "家电制造，年营收千亿"})
    )
    check = deals.check_move(deal.id, 2)
    assert not check.needs_override and not check.needs_reason
    assert ask_move(None, deals, deal.id, 2) is True
    assert answers.dialogs == []
    assert deals.get(deal.id).stage == 2


# -- filters ---------------------------------------------------------------------


def test_filters_apply_to_the_board_and_the_list(qtbot, make_page, deals, board_deals):
    page = make_page()
    page.tabs.setCurrentIndex(LIST_TAB)
    everyone = page.list_model.rowCount()
    assert everyone == 10
    combo = page.filters.owner_combo
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["李娜", "王磊"]
    with qtbot.waitSignal(page.loaded, timeout=5000):
        combo.setCurrentIndex(combo.findData("李娜"))
    assert {c.owner for c in page.cards} == {"李娜"}
    assert page.board.column_of(4).model.amount == Decimal("1234567.89")
    assert page.list_model.rowCount() == 3
    with qtbot.waitSignal(page.loaded, timeout=5000):
        combo.setCurrentIndex(0)

    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.filters.period_combo.setCurrentIndex(page.filters.period_combo.findData("overdue"))
    assert [c.name for c in page.cards if c.status is DealStatus.OPEN] == ["三一MES集成"]
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.filters.period_combo.setCurrentIndex(0)

    page.filters.min_edit.setText("50万")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.filters.min_edit.editingFinished.emit()
    assert all(c.amount >= Decimal("500000") for c in page.cards)
    assert {c.name for c in page.cards} == {
        "三一MES集成", "浪潮集团管控", "浪潮供应链", "海尔HR云", "美的CRM",
    }  # fmt: skip

    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.filters.industry_combo.setCurrentIndex(
            page.filters.industry_combo.findData(Industry.MACHINERY.value)
        )
    assert {c.name for c in page.cards} == {"三一MES集成"}


def test_a_bad_amount_is_shown_and_filters_nothing(qtbot, make_page, board_deals):
    page = make_page()
    with qtbot.assertNotEmitted(page.filters.changed):
        page.filters.min_edit.setText("很多")
        page.filters.min_edit.editingFinished.emit()
    assert not page.filters.problem_label.isHidden()
    assert "很多" in page.filters.problem_label.text()
    assert page.criteria().min_amount is None
    page.filters.min_edit.setText("-5")
    page.filters.min_edit.editingFinished.emit()
    assert page.criteria().min_amount is None
    page.filters.min_edit.clear()
    assert page.filters.problem_label.isHidden()


# -- the list --------------------------------------------------------------------


def test_the_list_takes_the_cards_when_first_shown(qtbot, make_page, deals, board_deals):
    page = make_page()
    assert page.tabs.currentIndex() == BOARD_TAB
    assert page.list_model.rowCount() == 0  # not built while the board is shown
    page.tabs.setCurrentIndex(LIST_TAB)
    listed = {page.list_model.card(r).id for r in range(page.list_model.rowCount())}
    assert listed == {card.id for card in page.cards} and len(listed) == 10
    # a reload while the list shows refreshes it at once
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.filters.owner_combo.setCurrentIndex(page.filters.owner_combo.findData("李娜"))
    assert page.list_model.rowCount() == 3
    # one while the board shows waits for the list to be shown again
    page.tabs.setCurrentIndex(BOARD_TAB)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.filters.owner_combo.setCurrentIndex(0)
    assert page.list_model.rowCount() == 3
    page.tabs.setCurrentIndex(LIST_TAB)
    assert page.list_model.rowCount() == 10


def test_the_list_model_passes_the_model_tester(qtmodeltester, make_page, board_deals):
    page = make_page()
    page.tabs.setCurrentIndex(LIST_TAB)
    qtmodeltester.check(page.list_model)
    page.list_model.sort(COLUMN_KEYS.index("amount"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(page.list_model)


def test_the_list_sorts_by_its_columns(make_page, deals, board_deals):
    page = make_page()
    page.tabs.setCurrentIndex(LIST_TAB)
    model: DealListModel = page.list_model
    amount = COLUMN_KEYS.index("amount")
    model.sort(amount, Qt.SortOrder.DescendingOrder)
    amounts = [model.card(r).amount for r in range(model.rowCount())]
    assert amounts == sorted(amounts, reverse=True)
    assert model.index(0, amount).data() == "¥2,500,000.00"
    model.sort(COLUMN_KEYS.index("customer"), Qt.SortOrder.AscendingOrder)
    customers = [model.card(r).customer_name for r in range(model.rowCount())]
    assert customers == sorted(customers)
    stage = COLUMN_KEYS.index("stage")
    model.sort(stage, Qt.SortOrder.AscendingOrder)
    assert model.index(0, stage).data().startswith("1 ")
    assert model.index(model.rowCount() - 1, stage).data() == "Closed lost"


def test_the_column_model_passes_the_model_tester(qtmodeltester, make_page, board_deals):
    page = make_page()
    model: StageColumnModel = page.board.column_of(4).model
    qtmodeltester.check(model)


# -- the main window -------------------------------------------------------------


def test_the_main_window_shows_the_funnel_page(qtbot, desk, settings, board_deals):
    window = MainWindow(desk.customers, settings, deals=desk.deals)
    qtbot.addWidget(window)
    window.show()
    assert window.funnel is None  # made when first shown
    window.rail.setCurrentRow([key for key, _i, _t in AREAS].index("funnel"))
    assert isinstance(window.pages.currentWidget(), FunnelPage)
    assert window.funnel is window.pages.currentWidget()
    wait_loaded(qtbot, window.funnel)
    assert window.funnel.board.column_of(4).model.count == 2
    window.close()


def test_the_funnel_screenshot(qtbot, desk, board_deals, tmp_path):
    import argparse

    from PySide6.QtGui import QImage

    from erpdesk.ui.launch import gui_main

    path = desk.db.path

    shot = tmp_path / "funnel.png"
    code = gui_main(argparse.Namespace(db=path, lang="zh_CN", screenshot=shot, view="funnel"))
    assert code == 0
    assert not QImage(str(shot)).isNull()


def test_gate_dialog_module_has_no_refusal_dialog_when_nothing_is_wrong(deals, board_deals):
    check = deals.check_move(board_deals["美的CRM"].id, DealStatus.WON)
    assert gate_dialog.needs_dialog(check)  # closing always asks


# -- loading ---------------------------------------------------------------------


def test_the_board_shows_totals_and_first_cards_before_the_rest(
    qtbot, deals, desk, customers, settings
):
    for i in range(35):
        deals.create(customers["海尔"].id, f"海尔项目{i:02d}", amount=Decimal("1000.01"),
                     close_date=TODAY + timedelta(days=i))  # fmt: skip
    seen: list[tuple[int, int, Decimal]] = []
    page = FunnelPage(deals, desk.customers, settings)  # its worker reports queued
    qtbot.addWidget(page)

    def at_head() -> None:
        model = page.board.column_of(1).model
        seen.append((model.rowCount(), model.count, model.amount))

    page.head_shown.connect(at_head)
    qtbot.waitUntil(lambda: bool(seen) and not page.loading, timeout=5000)
    assert seen[0] == (30, 35, Decimal("35000.35"))  # exact totals, the first 30 cards
    model = page.board.column_of(1).model
    assert (model.rowCount(), model.count) == (35, 35)
    assert model.card(0).name == "海尔项目00"  # by close date


def test_board_totals_equal_the_sums_of_the_cards(deals, board_deals):
    from erpdesk.storage.deal_queries import DealCriteria

    for criteria in (
        DealCriteria(closed_since=TODAY - timedelta(days=30)),
        DealCriteria(owner="李娜"),
        DealCriteria(industry=Industry.MACHINERY.value, closed_since=date.min),
        DealCriteria(min_amount=Decimal("100000"), close_to=TODAY + timedelta(days=60)),
    ):
        cards = deals.board(criteria, flags=False)
        sums: dict[tuple[str, int], tuple[int, Decimal, Decimal]] = {}
        for card in cards:
            n, amount, weighted = sums.get((card.status.value, card.stage), (0, 0, 0))
            sums[(card.status.value, card.stage)] = (
                n + 1, amount + card.amount, weighted + card.weighted,
            )  # fmt: skip
        totals = {
            (row.status.value, row.stage): (row.count, row.amount, row.weighted)
            for row in deals.board_totals(criteria)
        }
        assert totals == sums, criteria


def test_the_money_format():
    from erpdesk.ui.funnel import money_exact, money_text

    assert money_text(Decimal("9999.49")) == "¥9,999"
    assert money_text(Decimal("2737500.00")) == "¥273.8万"
    assert money_text(Decimal("99999999.99")) == "¥10,000.0万"
    assert money_text(Decimal("6986355200.50")) == "¥69.86亿"
    assert money_exact(Decimal("1234567.885")) == "¥1,234,567.89"
