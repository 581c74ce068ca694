"""The quote editor: lines typed and computed live, problems on their cells,
the approval flow, frozen versions, unsaved changes, the PDF; the quote
list and the quotes tabs of a customer and of a deal."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from erpdesk.domain.quote import (
    ItemKind,
    PriceMode,
    QuoteLine,
    QuoteStatus,
    line_amounts,
)
from erpdesk.services.branding import BrandingService
from erpdesk.ui.quotes import QuoteServices
from erpdesk.ui.quotes.milestones import MilestoneRow, MilestonesModel
from erpdesk.ui.quotes.quote_editor import QuoteEditor, new_draft, open_quote
from erpdesk.ui.quotes.quote_lines_model import (
    COLUMN,
    PROBLEM_BACKGROUND,
    LineRow,
    QuoteLinesModel,
)
from erpdesk.ui.quotes.quote_list import QuoteListModel, QuoteListPage, RelatedQuotes


@pytest.fixture
def services(desk) -> QuoteServices:
    return QuoteServices(
        desk.quotes, desk.customers, BrandingService(desk.unit_of_work, desk.feed), desk.deals
    )


@pytest.fixture
def customer(samples):
    return samples["浪潮"]


@pytest.fixture
def deal(desk, customer):
    return desk.deals.create(
        customer.id,
        "集团财务共享项目",
        amount="850000",
        close_date=(date.today() + timedelta(days=60)).isoformat(),
    )


@pytest.fixture
def editor(qtbot, services, customer) -> QuoteEditor:
    widget = QuoteEditor(services, new_draft(services, customer.id))
    qtbot.addWidget(widget)
    return widget


def line_row(**changes) -> LineRow:
    fields = dict(
        description="财务管理模块用户许可", quantity="3", unit_price="33.33", vat_rate="13"
    )
    fields.update(changes)
    return LineRow(**fields)


def set_cell(model: QuoteLinesModel, row: int, key: str, value: str) -> None:
    assert model.setData(model.index(row, COLUMN[key]), value, Qt.ItemDataRole.EditRole)


def cell(model: QuoteLinesModel, row: int, key: str, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, COLUMN[key]), role)


def saved_quote(desk, editor: QuoteEditor, **row) -> None:
    editor.lines.append_row(line_row(**row))
    assert editor.save(), editor.error_label.text()


# -- lines and totals ------------------------------------------------------------


def test_editing_a_line_updates_the_totals_exactly(editor) -> None:
    model = editor.lines
    model.append_row(line_row())
    # 3 × 33.33 tax-inclusive at 13 %: total 99.99, net 99.99 / 1.13 = 88.486… -> 88.49
    assert cell(model, 0, "total") == "99.99"
    assert cell(model, 0, "net") == "88.49"
    assert cell(model, 0, "vat") == "11.50"
    assert editor.totals_panel.total_value.text() == "¥ 99.99"
    assert editor.totals_panel.net_value.text() == "¥ 88.49"
    assert editor.totals_panel.words_label.text().endswith("人民币玖拾玖元玖角玖分")

    set_cell(model, 0, "quantity", "4")
    assert editor.totals_panel.total_value.text() == "¥ 133.32"
    set_cell(model, 0, "discount", "10%")
    # 4 × 33.33 × 0.9 = 119.988 -> 119.99
    assert editor.totals_panel.total_value.text() == "¥ 119.99"
    assert editor.dirty

    editor.header.mode_combo.set_member(PriceMode.EXCLUSIVE)
    expected = line_amounts(
        QuoteLine("x", Decimal(4), Decimal("33.33"), discount=Decimal(10)), PriceMode.EXCLUSIVE
    )
    assert editor.totals_panel.net_value.text() == f"¥ {expected.net}"  # 119.99
    assert editor.totals_panel.vat_value.text() == f"¥ {expected.vat}"  # 15.60
    assert editor.totals_panel.total_value.text() == f"¥ {expected.total}"  # 135.59
    assert "135.59" in editor.totals_panel.groups_label.text()


def test_group_subtotals_follow_each_line_group(editor) -> None:
    editor.lines.append_row(line_row(quantity="2", unit_price="1000"))
    editor.lines.append_row(
        line_row(description="实施服务", quantity="5", unit_price="2500", vat_rate="6",
                 group=ItemKind.SERVICE)
    )  # fmt: skip
    totals = editor.totals()
    assert totals is not None
    assert [(kind, a.total) for kind, a in totals.groups] == [
        (ItemKind.LICENCE, Decimal("2000.00")),
        (ItemKind.SERVICE, Decimal("12500.00")),
    ]
    assert editor.totals_panel.total_value.text() == "¥ 14,500.00"
    assert "人民币壹万肆仟伍佰元整" in editor.totals_panel.words_label.text()


def test_lines_move_and_remove(editor) -> None:
    model = editor.lines
    model.append_row(line_row(description="一"))
    model.append_row(line_row(description="二"))
    model.append_row(line_row(description="三"))
    editor.lines_view.setCurrentIndex(model.index(2, 0))
    editor.lines_panel.move_line(-1)
    assert [r.description for r in model.rows] == ["一", "三", "二"]
    assert editor.lines_view.currentIndex().row() == 1
    editor.lines_panel.remove_line()
    assert [r.description for r in model.rows] == ["一", "二"]


def test_a_quantity_that_is_not_a_number_is_marked_and_nothing_is_saved(
    editor, desk, customer
) -> None:
    editor.lines.append_row(line_row())
    set_cell(editor.lines, 0, "quantity", "三个")
    assert cell(editor.lines, 0, "total") == "—"
    assert cell(editor.lines, 0, "quantity", Qt.ItemDataRole.BackgroundRole) == PROBLEM_BACKGROUND
    assert "三个" in cell(editor.lines, 0, "quantity", Qt.ItemDataRole.ToolTipRole)
    assert not editor.save()
    assert "Line 1" in editor.lines_panel.problem_label.text()
    assert desk.quotes.summaries(customer_id=customer.id) == []


def test_the_services_problems_show_on_the_cells_they_name(editor, desk, customer) -> None:
    editor.lines.append_row(line_row())
    editor.lines.append_row(line_row(description="", vat_rate="7"))
    assert not editor.save()
    cells = editor.lines.problem_cells()
    assert (1, "vat_rate") in cells and (1, "description") in cells
    assert (0, "vat_rate") not in cells
    assert "Line 2" in editor.lines_panel.problem_label.text()
    assert cell(editor.lines, 1, "vat_rate", Qt.ItemDataRole.BackgroundRole) == PROBLEM_BACKGROUND
    assert desk.quotes.summaries(customer_id=customer.id) == []
    set_cell(editor.lines, 1, "vat_rate", "13")  # the corrected cell is clear again
    assert (1, "vat_rate") not in editor.lines.problem_cells()


def test_a_bad_date_is_shown_under_its_field(editor, desk, customer) -> None:
    editor.lines.append_row(line_row())
    editor.header.valid_edit.setText("下个月")
    assert not editor.save()
    assert "下个月" in editor.header.problem_labels["valid_until"].text()
    editor.header.valid_edit.setText((date.today() - timedelta(days=3)).isoformat())
    assert not editor.save()  # before the quote's own date: the domain says so
    assert editor.header.problem_labels["valid_until"].text()
    assert desk.quotes.summaries(customer_id=customer.id) == []


def test_milestones_sum_is_shown_live_and_checked(editor) -> None:
    model = editor.milestones.model
    model.set_rows([MilestoneRow("合同签订", "30"), MilestoneRow("上线验收", "60")])
    editor.milestones.show_sum()
    assert "90" in editor.milestones.sum_label.text()
    assert model.setData(model.index(1, 1), "70", Qt.ItemDataRole.EditRole)
    assert "100 %" in editor.milestones.sum_label.text()
    editor.lines.append_row(line_row(quantity="1", unit_price="1000"))
    amounts = model.amounts()
    assert amounts == (Decimal("300.00"), Decimal("700.00"))
    assert model.setData(model.index(1, 1), "60", Qt.ItemDataRole.EditRole)
    assert not editor.save()
    assert "90" in editor.milestones.problem_label.text()


def test_a_new_quote_is_numbered_on_its_first_save(editor, desk, customer) -> None:
    editor.header.title_edit.setText("集团财务一期")
    editor.header.title_edit.textEdited.emit("集团财务一期")
    editor.notes_edit.setPlainText("价格含三年免费升级")
    saved_quote(desk, editor)
    quote = desk.quotes.get(editor.quote.id)
    assert quote.number.startswith("Q-")
    assert quote.title == "集团财务一期"
    assert quote.notes == "价格含三年免费升级"
    assert quote.lines[0].unit_price == Decimal("33.33")
    assert quote.status is QuoteStatus.DRAFT
    assert not editor.dirty
    assert quote.number in editor.status.number_label.text()
    # a second save is an update of the same version
    set_cell(editor.lines, 0, "quantity", "5")
    assert editor.save()
    assert desk.quotes.get(quote.id).lines[0].quantity == Decimal(5)
    assert len(desk.quotes.summaries(customer_id=customer.id)) == 1


def test_items_from_the_catalogue_take_the_days_price(editor, desk) -> None:
    catalogue = desk.quotes.catalogue()
    licence = next(i for i in catalogue.items if i.kind is ItemKind.LICENCE and i.active)
    rows = editor.add_items([licence.code], "10")
    assert rows == [0]
    row = editor.lines.rows[0]
    assert row.item == licence.code
    assert row.quantity == "10"
    price = catalogue.price_of(licence.code, date.today())
    assert Decimal(row.unit_price) == price
    assert row.description == licence.name.get("zh_CN")
    # choosing another item in the item cell fills the row from it
    other = next(i for i in catalogue.items if i.kind is ItemKind.SERVICE and i.active)
    set_cell(editor.lines, 0, "item", other.code)
    assert editor.lines.rows[0].group is ItemKind.SERVICE
    assert Decimal(editor.lines.rows[0].unit_price) == catalogue.price_of(other.code, date.today())
    set_cell(editor.lines, 0, "item", "no-such-item")
    assert (0, "item") in editor.lines.problem_cells()


# -- approval, sending, frozen versions -------------------------------------------------


def test_a_discount_above_the_limit_waits_for_approval_and_cannot_be_sent(
    editor, desk, message_boxes
) -> None:
    saved_quote(desk, editor, discount="15")
    assert editor.quote.status is QuoteStatus.PENDING_APPROVAL
    assert "15 %" in editor.banner.text() and "10 %" in editor.banner.text()
    assert editor.approval_button.isEnabled()

    assert not editor.mark_sent()
    kind, text = message_boxes.calls[-1]
    assert kind == "warning"
    assert "A discount of 15 % is above your limit of 10 %" in text
    assert desk.quotes.get(editor.quote.id).status is QuoteStatus.PENDING_APPROVAL

    assert editor.record_approval("王经理", approve=True, note="战略客户")
    assert editor.quote.status is QuoteStatus.APPROVED
    assert "王经理" in editor.banner.text()
    assert editor.approvals_table.rowCount() == 2  # the request and the decision
    assert editor.mark_sent()
    assert desk.quotes.get(editor.quote.id).status is QuoteStatus.SENT


def test_a_rejected_discount_stays_pending(editor, desk) -> None:
    saved_quote(desk, editor, discount="25")
    assert editor.record_approval("王经理", approve=False, note="太低")
    assert editor.quote.status is QuoteStatus.PENDING_APPROVAL
    assert "王经理" in editor.banner.text()
    assert editor.send_problems()[0].code == "approval_rejected"


def test_a_sent_version_is_frozen_and_a_new_version_is_editable(editor, desk) -> None:
    saved_quote(desk, editor)
    assert editor.mark_sent()
    assert editor.frozen
    assert not editor.save_button.isEnabled()
    assert editor.header.title_edit.isReadOnly()
    assert not editor.header.mode_combo.isEnabled()
    assert not editor.lines_panel.add_button.isEnabled()
    assert not editor.lines.flags(editor.lines.index(0, COLUMN["quantity"])) & (
        Qt.ItemFlag.ItemIsEditable
    )
    assert not editor.lines.setData(editor.lines.index(0, COLUMN["quantity"]), "9")
    assert not editor.status.button.isHidden()
    assert editor.accepted_button.isEnabled()
    first = editor.quote

    assert editor.new_version()
    assert editor.quote.version == 2 and editor.quote.number == first.number
    assert not editor.frozen
    assert editor.lines.flags(editor.lines.index(0, COLUMN["quantity"])) & (
        Qt.ItemFlag.ItemIsEditable
    )
    assert desk.quotes.get(first.id).status is QuoteStatus.SENT  # the customer has it


def test_the_customers_answer_is_recorded(editor, desk) -> None:
    saved_quote(desk, editor)
    assert editor.mark_sent()
    assert editor.mark_outcome(True)
    assert desk.quotes.get(editor.quote.id).status is QuoteStatus.ACCEPTED
    assert not editor.accepted_button.isEnabled()


# -- closing ------------------------------------------------------------------------------


def test_closing_with_unsaved_changes_asks(qtbot, services, customer, desk, message_boxes):
    editor = QuoteEditor(services, new_draft(services, customer.id))
    editor.show()
    editor.lines.append_row(line_row())
    assert editor.dirty
    message_boxes.answer = QMessageBox.StandardButton.Cancel
    assert not editor.close()
    assert editor.isVisible()
    assert message_boxes.calls[-1][0] == "question"
    message_boxes.answer = QMessageBox.StandardButton.Yes  # the stub answers Discard
    assert editor.close()
    assert desk.quotes.summaries(customer_id=customer.id) == []


def test_closing_can_save_first(qtbot, services, customer, desk, message_boxes):
    editor = QuoteEditor(services, new_draft(services, customer.id))
    editor.show()
    editor.lines.append_row(line_row())
    message_boxes.answer = QMessageBox.StandardButton.Save
    assert editor.close()
    assert len(desk.quotes.summaries(customer_id=customer.id)) == 1


def test_a_clean_editor_closes_without_asking(qtbot, services, customer, message_boxes):
    editor = QuoteEditor(services, new_draft(services, customer.id))
    editor.show()
    assert editor.close()
    assert message_boxes.calls == []


# -- PDF -------------------------------------------------------------------------------------


def test_save_pdf_writes_the_file_on_a_worker(qtbot, editor, desk, tmp_path) -> None:
    saved_quote(desk, editor)
    target = tmp_path / "quote.pdf"
    with qtbot.waitSignal(editor.pdf_writer.written, timeout=20000):
        assert editor.save_pdf(target)
    assert target.read_bytes().startswith(b"%PDF")
    assert "quote.pdf" in editor.pdf_status.text()


# -- models ---------------------------------------------------------------------------------


def test_the_models_pass_the_model_tester(qtmodeltester, desk, editor) -> None:
    model = QuoteLinesModel()
    model.append_row(line_row())
    model.append_row(line_row(quantity="x"))
    qtmodeltester.check(model)
    milestones = MilestonesModel()
    milestones.set_rows([MilestoneRow("合同签订", "30"), MilestoneRow("验收", "70")])
    qtmodeltester.check(milestones)
    saved_quote(desk, editor)
    summaries = QuoteListModel()
    summaries.set_rows(desk.quotes.summaries())
    qtmodeltester.check(summaries)


# -- lists and tabs ------------------------------------------------------------------------


def test_the_quote_list_loads_on_a_worker_and_opens_the_editor(
    qtbot, services, editor, desk
) -> None:
    saved_quote(desk, editor)
    page = QuoteListPage(services)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.reload()
    assert page.model.rowCount() == 1
    assert page.model.rows[0].number == editor.quote.number
    page.search_edit.setText("no such quote")
    assert page.proxy.rowCount() == 0
    page.search_edit.setText(editor.quote.number[-5:])
    assert page.proxy.rowCount() == 1
    opened = page.open_row(0)
    assert isinstance(opened, QuoteEditor)
    qtbot.addWidget(opened)
    assert opened.quote.id == editor.quote.id


def test_an_expired_quote_is_marked_in_the_list(qtbot, services, editor, desk) -> None:
    saved_quote(desk, editor)
    quote = desk.quotes.get(editor.quote.id)
    from dataclasses import replace

    past = date.today() - timedelta(days=40)
    desk.quotes.update(replace(quote, quote_date=past, valid_until=past + timedelta(days=30)))
    model = QuoteListModel()
    model.set_rows(desk.quotes.summaries())
    column = model.columns.index("valid_until")
    assert "(expired)" in model.data(model.index(0, column))


def test_a_deals_quotes_tab_starts_a_quote_for_the_deal(qtbot, services, deal, desk) -> None:
    from erpdesk.ui.funnel.deal_page import DealPage

    page = DealPage(desk.deals, deal.id)
    qtbot.addWidget(page)
    page.set_quotes(services)
    assert page.quotes_tab is not None
    index = page.tabs.indexOf(page.quotes_tab)
    assert page.tabs.tabText(index) == "Quotes (0)"
    editor = page.quotes_tab.new_quote()
    assert editor is not None
    qtbot.addWidget(editor)
    assert editor.header.deal_combo.currentData() == deal.id
    editor.lines.append_row(line_row())
    assert editor.save()
    assert desk.quotes.get(editor.quote.id).deal_id == deal.id
    assert page.tabs.tabText(index) == "Quotes (1)"


def test_a_customers_quotes_tab_lists_its_quotes(qtbot, services, customer, editor, desk):
    from erpdesk.ui.customer_detail import CustomerDetailPanel

    saved_quote(desk, editor)
    panel = CustomerDetailPanel(desk.customers)
    qtbot.addWidget(panel)
    panel.set_quotes(services)
    panel.show_customer(customer.id)
    tab = panel.quotes_tab
    assert isinstance(tab, RelatedQuotes)
    assert tab.model.rowCount() == 1
    assert panel.tabs.tabText(panel.tabs.indexOf(tab)) == "Quotes (1)"
    opened = tab.open_row(0)
    qtbot.addWidget(opened)
    assert opened.quote.id == editor.quote.id


def test_open_quote_shows_the_stored_version(qtbot, services, editor, desk) -> None:
    saved_quote(desk, editor)
    opened = open_quote(None, services, editor.quote.id)
    qtbot.addWidget(opened)
    assert not opened.dirty
    assert opened.lines.rows[0].unit_price == "33.33"
    assert opened.totals_panel.total_value.text() == "¥ 99.99"


# -- screenshots ---------------------------------------------------------------------------


@pytest.mark.parametrize("view", ["quote", "catalogue"])
def test_the_screenshot_views_of_quotes(qtbot, desk, customer, tmp_path, view) -> None:
    import argparse

    from PySide6.QtGui import QImage

    from erpdesk.ui import launch

    desk.quotes.new_quote(customer.id, lines=[QuoteLine("财务模块", Decimal(3), Decimal("3800"))])
    shot = tmp_path / f"{view}.png"
    options = argparse.Namespace(db=desk.db.path, lang="zh_CN", screenshot=shot, view=view)
    assert launch.gui_main(options) == 0
    image = QImage(str(shot))
    expected = launch.QUOTE_SCREENSHOT_SIZE if view == "quote" else launch.SCREENSHOT_SIZE
    assert (image.width(), image.height()) == expected


def test_an_editor_opened_from_a_deal_window_belongs_to_the_main_window(
    qtbot, desk, settings, services, deal, message_boxes
) -> None:
    from PySide6.QtWidgets import QMessageBox as Box

    from erpdesk.ui.funnel.deal_page import open_deal
    from erpdesk.ui.main_window import MainWindow

    window = MainWindow(
        desk.customers, settings, deals=desk.deals, quotes=desk.quotes, branding=services.branding
    )
    qtbot.addWidget(window)
    deal_window = open_deal(window, desk.deals, deal.id)
    tab = deal_window.page.quotes_tab
    assert tab is not None  # found the window's services
    editor = tab.new_quote()
    assert editor is not None and editor.parentWidget() is window
    editor.lines.append_row(line_row())
    deal_window.close()  # the deal page goes; the typed quote stays
    assert editor.isVisible() and editor.dirty
    message_boxes.answer = Box.StandardButton.Cancel
    assert not window.close()  # the main window asks the editor first
    assert message_boxes.calls[-1][0] == "question"
    message_boxes.answer = Box.StandardButton.Yes  # discard
    assert window.close()


def test_the_approval_dialog_needs_an_approver_other_than_the_author(qtbot) -> None:
    from erpdesk.ui.quotes.quote_dialogs import ApprovalDialog

    dialog = ApprovalDialog("15", "10", author="张伟")
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != ApprovalDialog.DialogCode.Accepted
    assert "required" in dialog.by_problem.text()
    dialog.by_edit.setText("张伟")
    dialog.accept()
    assert "own discount" in dialog.by_problem.text()
    dialog.by_edit.setText("王经理")
    dialog.reject_radio.setChecked(True)
    dialog.note_edit.setPlainText("折扣过大")
    dialog.accept()
    assert dialog.result() == ApprovalDialog.DialogCode.Accepted
    assert (dialog.by(), dialog.approve(), dialog.note()) == ("王经理", False, "折扣过大")


def test_the_catalogue_picker_filters_and_checks_the_quantity(qtbot, desk) -> None:
    from erpdesk.ui.quotes.quote_dialogs import CataloguePicker

    catalogue = desk.quotes.catalogue()
    services = [i for i in catalogue.items if i.kind is ItemKind.SERVICE and i.active]
    picker = CataloguePicker(catalogue, date.today(), "zh_CN")
    qtbot.addWidget(picker)
    picker.apply_filter(services[0].code)
    shown = [row for _g, rows in picker._groups for row in rows if not row.isHidden()]
    assert [row.text(0).split(" · ")[0] for row in shown] == [services[0].code]
    picker.select([services[0].code, services[1].code])
    assert picker.codes() == [services[0].code, services[1].code]
    picker.quantity_edit.setText("0")
    picker.accept()
    assert picker.result() != CataloguePicker.DialogCode.Accepted
    assert picker.quantity_problem.text()
    picker.quantity_edit.setText("3")
    picker.accept()
    assert picker.result() == CataloguePicker.DialogCode.Accepted
