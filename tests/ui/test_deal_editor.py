"""New and edit deal dialogs, and a customer's deals tab."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from erpdesk.domain.customer import Source
from erpdesk.ui.customer_detail import CustomerDetailPanel
from erpdesk.ui.funnel import deal_editor
from erpdesk.ui.funnel.customer_deals import CustomerDealsModel
from erpdesk.ui.funnel.deal_editor import DealEditor

SOON = (date.today() + timedelta(days=45)).isoformat()


def test_new_deal_saves_every_field(qtbot, desk, samples) -> None:
    customer = samples["浪潮"]
    editor = DealEditor(desk.deals, customer.id)
    qtbot.addWidget(editor)
    editor.name_edit.setText("集团财务共享项目")
    editor.modules_list.item(0).setCheckState(Qt.CheckState.Checked)
    editor.amount_edit.setText("85万")
    editor.close_date_edit.setText(SOON)
    editor.competitors_edit.setText("用友，金蝶")
    editor.next_step_edit.setText("约见CFO")
    editor.next_step_date_edit.setText(SOON)
    editor.source_combo.set_member(Source.REFERRAL)
    assert editor.save()
    [card] = desk.deals.deals_of_customer(customer.id)
    deal = desk.deals.get(card.id)
    assert editor.saved_id == deal.id
    assert deal.name == "集团财务共享项目"
    assert str(deal.amount) == "850000.00"
    assert deal.close_date.isoformat() == SOON
    assert deal.competitors == ("用友", "金蝶")
    assert deal.modules == (desk.deals.playbook.modules[0].code,)
    assert deal.source is Source.REFERRAL
    assert deal.stage == 1


def test_bad_input_is_shown_by_field_and_nothing_saved(qtbot, desk, samples) -> None:
    customer = samples["浪潮"]
    editor = DealEditor(desk.deals, customer.id)
    qtbot.addWidget(editor)
    editor.name_edit.setText("")
    editor.amount_edit.setText("-100")
    editor.close_date_edit.setText("2026-02-30")
    assert not editor.save()
    assert editor.problem_labels["amount"].isVisibleTo(editor)
    assert editor.problem_labels["close_date"].isVisibleTo(editor)
    assert editor.problem_labels["name"].isVisibleTo(editor)
    assert desk.deals.deals_of_customer(customer.id) == []
    editor.amount_edit.setText("abc")
    assert not editor.save()
    assert "abc" in editor.problem_labels["amount"].text()
    assert desk.deals.deals_of_customer(customer.id) == []


def test_edit_deal_changes_fields_not_stage(qtbot, desk, samples, monkeypatch) -> None:
    deal = desk.deals.create(samples["海尔"].id, "MES 项目", amount="300000", close_date=SOON)
    editor = DealEditor(desk.deals, deal.customer_id, desk.deals.get(deal.id))
    qtbot.addWidget(editor)
    assert editor.amount_edit.text() == "300000.00"
    editor.amount_edit.setText("320000")
    editor.owner_edit.setText("李娜")
    assert editor.save()
    saved = desk.deals.get(deal.id)
    assert (str(saved.amount), saved.owner, saved.stage) == ("320000.00", "李娜", 1)

    # edit_deal opens the same editor (exec stubbed: the user saves)
    def fake_exec(self: DealEditor) -> int:
        self.name_edit.setText("MES 二期")
        return int(self.save())

    monkeypatch.setattr(DealEditor, "exec", fake_exec)
    assert deal_editor.edit_deal(None, desk.deals, deal.id)
    assert desk.deals.get(deal.id).name == "MES 二期"


def test_unsaved_edits_are_not_lost_without_asking(qtbot, desk, samples, message_boxes) -> None:
    from PySide6.QtWidgets import QMessageBox

    editor = DealEditor(desk.deals, samples["浪潮"].id)
    qtbot.addWidget(editor)
    editor.show()
    editor.name_edit.setText("未保存的项目")
    message_boxes.answer = QMessageBox.StandardButton.Cancel
    editor.reject()
    assert editor.isVisible()
    assert message_boxes.calls[-1][0] == "question"
    message_boxes.answer = QMessageBox.StandardButton.Yes
    editor.reject()
    assert editor.result() == QDialog.DialogCode.Rejected and not editor.isVisible()


def test_customer_detail_lists_deals_and_starts_one(qtbot, desk, samples, monkeypatch) -> None:
    customer = samples["浪潮"]
    desk.deals.create(customer.id, "已有项目", amount="100000", close_date=SOON)
    panel = CustomerDetailPanel(desk.customers)
    qtbot.addWidget(panel)
    panel.set_deals(desk.deals)
    panel.show_customer(customer.id)
    tab = panel.deals_tab
    assert tab is not None
    assert panel.tabs.tabText(3) == "Deals (1)"
    assert tab.model.index(0, 0).data() == "已有项目"
    assert tab.model.index(0, 3).data() == "100,000.00"

    def fake_new_deal(parent, deals, customer_id):
        return deals.create(customer_id, "新项目", amount="200000", close_date=SOON).id

    monkeypatch.setattr(deal_editor, "new_deal", fake_new_deal)
    assert tab.new_deal()
    assert panel.tabs.tabText(3) == "Deals (2)"
    opened = []
    monkeypatch.setattr(
        "erpdesk.ui.funnel.deal_page.open_deal", lambda p, d, i: opened.append(i) or None
    )
    tab.open_row(0)
    assert opened == [tab.model.cards[0].id]


def test_customer_deals_model_passes_the_model_tester(qtmodeltester, desk, samples) -> None:
    desk.deals.create(samples["浪潮"].id, "项目", amount="1", close_date=SOON)
    model = CustomerDealsModel(lambda n: str(n))
    model.set_cards(desk.deals.deals_of_customer(samples["浪潮"].id))
    qtmodeltester.check(model)
