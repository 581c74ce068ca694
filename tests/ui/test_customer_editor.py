"""The customer editor: inline validation, the duplicate warning, saving
through the service, errors kept in the dialog, and the autosaved draft."""

from __future__ import annotations

import json

import pytest

from erpdesk.domain.customer import Industry, Source
from erpdesk.domain.errors import DuplicateCustomer
from erpdesk.ui.customer_editor import CustomerEditor, draft_key
from erpdesk.ui.customer_list import CustomerListPage


@pytest.fixture
def editor_for(qtbot, service, settings):
    def make(customer_id: str | None = None) -> CustomerEditor:
        editor = CustomerEditor(service, customer_id, settings)
        qtbot.addWidget(editor)
        editor.show()
        return editor

    return make


def test_a_bad_uscc_disables_save_and_says_why(qtbot, editor_for):
    editor = editor_for()
    editor.name_edit.setText("青岛海信电器股份有限公司")
    assert editor.save_button.isEnabled()
    editor.uscc_edit.setText("91370000163446410X")  # wrong check character
    assert not editor.save_button.isEnabled()
    label = editor.problem_labels["uscc"]
    assert label.isVisible() and label.text()
    editor.uscc_edit.setText("91370000163446410B")
    assert not editor.problem_labels["uscc"].isVisible()
    assert editor.save_button.isEnabled()


def test_a_new_customer_needs_a_name(editor_for):
    editor = editor_for()
    assert not editor.save_button.isEnabled()
    assert not editor.problem_labels["name"].isVisible()  # not nagging before typing
    editor.name_edit.setText("青岛")
    assert editor.problem_labels["name"].isVisible()  # too short
    editor.phone_edit.setText("12345")
    assert editor.problem_labels["phone"].isVisible()


def test_same_name_warns_and_blocks(qtbot, editor_for, samples):
    editor = editor_for()
    opened: list[str] = []
    editor.open_customer_requested.connect(opened.append)
    editor.name_edit.setText("浪潮电子信息产业股份有限公司")
    qtbot.waitUntil(lambda: editor.duplicate_frame.isVisible(), timeout=2000)
    texts = [w.text() for w in editor.duplicate_frame.findChildren(type(editor.draft_label))]
    assert any("Same name as 浪潮电子信息产业股份有限公司" in t for t in texts)
    assert not editor.save_button.isEnabled()
    buttons = [b for b in editor.duplicate_frame.findChildren(type(editor.restore_button))
               if b.isVisible()]
    buttons[0].click()
    assert opened == [samples["浪潮"].id]


def test_same_uscc_and_similar_name(qtbot, editor_for, samples):
    editor = editor_for()
    editor.uscc_edit.setText("91370000163446410B")
    matches = editor.check_duplicates()
    assert matches[0].kind.value == "same_uscc"
    assert not editor.save_button.isEnabled()
    editor.uscc_edit.setText("")
    editor.name_edit.setText("浪潮信息产业股份有限公司")  # similar: a warning only
    matches = editor.check_duplicates()
    assert [m.kind.value for m in matches] == ["similar"]
    texts = [w.text() for w in editor.duplicate_frame.findChildren(type(editor.draft_label))]
    assert any("Similar to 浪潮电子信息产业股份有限公司 (86%)" in t for t in texts)
    assert editor.save_button.isEnabled()


def test_editing_a_customer_does_not_match_itself(editor_for, samples):
    editor = editor_for(samples["浪潮"].id)
    assert editor.name_edit.text() == "浪潮电子信息产业股份有限公司"
    assert editor.province_combo.currentData() == "山东省"
    assert editor.city_combo.currentText() == "济南市"
    assert editor.check_duplicates() == []
    assert editor.save_button.isEnabled()


def test_saving_creates_a_row_in_the_list_and_an_outbox_op(qtbot, service, settings, samples):
    page = CustomerListPage(service, settings)
    qtbot.addWidget(page)
    before = service.pending_changes()
    editor = page.new_customer()
    editor.name_edit.setText("格力电器股份有限公司")
    editor.short_name_edit.setText("格力")
    editor.industry_combo.set_member(Industry.ELECTRONICS)
    editor.source_combo.set_member(Source.PHONE)
    editor.province_combo.setCurrentIndex(editor.province_combo.findData("广东省"))
    editor.city_combo.setEditText("珠海市")
    with qtbot.waitSignal(editor.saved) as blocker:
        editor.save_button.click()
    new_id = blocker.args[0]
    row = page.model.row_of(new_id)
    assert row >= 0
    assert page.model.index(row, 0).data() == "格力电器股份有限公司"
    assert page.model.index(row, 2).data() == "广东 珠海市"
    assert page.detail.customer_id == new_id
    assert service.pending_changes() == before + 1
    saved = service.detail(new_id).customer
    assert saved.source is Source.PHONE and saved.city == "珠海市"


def test_editing_saves_through_update(qtbot, editor_for, service, samples):
    editor = editor_for(samples["海尔"].id)
    editor.phone_edit.setText("0532-8893 8888")
    with qtbot.waitSignal(editor.saved):
        editor.save()
    assert service.detail(samples["海尔"].id).customer.phone == "0532-88938888"


def test_an_error_from_the_service_stays_in_the_dialog(qtbot, editor_for, service, monkeypatch):
    editor = editor_for()
    editor.name_edit.setText("青岛海信电器股份有限公司")
    editor.notes_edit.setPlainText("见过王总")

    def refuse(_customer, *args):
        raise DuplicateCustomer(name="海信视像科技股份有限公司")

    monkeypatch.setattr(service, "create", refuse)
    with qtbot.assertNotEmitted(editor.saved):
        editor.save()
    assert editor.isVisible()
    assert "海信视像科技股份有限公司" in editor.error_label.text()
    assert editor.error_label.isVisible()
    assert editor.name_edit.text() == "青岛海信电器股份有限公司"
    assert editor.notes_edit.toPlainText() == "见过王总"


def test_the_draft_survives_a_crash_and_can_be_restored(qtbot, editor_for, settings):
    editor = editor_for()
    editor.name_edit.setText("青岛海信电器股份有限公司")
    editor.need_edit.setPlainText("多工厂排产")
    qtbot.waitUntil(lambda: settings.value(draft_key(None)) is not None, timeout=3000)
    stored = json.loads(settings.value(draft_key(None)))
    assert stored["values"]["name"] == "青岛海信电器股份有限公司"
    editor.hide()  # the process "crashes": neither saved nor cancelled

    again = editor_for()
    assert again.has_draft_offer and again.draft_banner.isVisible()
    assert again.name_edit.text() == ""
    again.restore_button.click()
    assert again.name_edit.text() == "青岛海信电器股份有限公司"
    assert again.need_edit.toPlainText() == "多工厂排产"
    assert not again.draft_banner.isVisible()


def test_save_and_cancel_clear_the_draft(qtbot, editor_for, settings, samples):
    editor = editor_for(samples["三一"].id)
    editor.address_edit.setText("长沙市经开区三一路1号")
    editor.write_draft()
    assert settings.value(draft_key(samples["三一"].id))
    editor.save()
    assert settings.value(draft_key(samples["三一"].id)) is None

    other = editor_for(samples["美的"].id)
    other.address_edit.setText("佛山市顺德区北滘镇")
    other.write_draft()
    other.reject()  # the stubbed question answers "Discard"
    assert settings.value(draft_key(samples["美的"].id)) is None
    assert not other.isVisible()
