"""The customer editor: inline validation, the duplicate warning, saving
through the service, errors kept in the dialog, and the autosaved draft."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from erpdesk.domain.customer import Customer, Industry, Source
from erpdesk.domain.errors import DuplicateCustomer
from erpdesk.domain.uscc import uscc_check_char
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
    assert "Same company: 浪潮电子信息产业股份有限公司 has this name" in texts
    assert not any("ossible" in t for t in texts)  # the same company, not a possible one
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
    assert "Same company: 浪潮电子信息产业股份有限公司 has this USCC" in duplicate_texts(editor)
    assert not editor.save_button.isEnabled()
    editor.uscc_edit.setText("")
    editor.name_edit.setText("浪潮信息产业股份有限公司")  # similar: a warning only
    matches = editor.check_duplicates()
    assert [m.kind.value for m in matches] == ["similar"]
    texts = duplicate_texts(editor)
    assert "Possible duplicate: 浪潮电子信息产业股份有限公司 (86% similar)" in texts
    assert not any(t.startswith("Same") for t in texts)
    assert any("save it as it is" in t for t in texts)  # the way past it
    assert editor.save_button.isEnabled()


def duplicate_texts(editor: CustomerEditor) -> list[str]:
    QApplication.processEvents()  # the frame shows the lines it was given
    labels = editor.duplicate_frame.findChildren(QLabel)
    return [w.text() for w in labels if w.text() and w.isVisibleTo(editor)]


OTHER_USCC = "91370100MA3C8N2K4" + uscc_check_char("91370100MA3C8N2K4")


def test_the_same_name_with_another_uscc_is_a_possible_duplicate_and_saves(
    qtbot, editor_for, service, samples
):
    # Two credit codes are two companies whatever the names say: a warning
    # that says "possible", and Save saves.
    editor = editor_for()
    editor.name_edit.setText("浪潮电子信息产业有限公司")  # the same name key as 浪潮's
    editor.uscc_edit.setText(OTHER_USCC)
    matches = editor.check_duplicates()
    assert [(m.candidate.id, m.is_duplicate) for m in matches] == [(samples["浪潮"].id, False)]
    texts = duplicate_texts(editor)
    assert (
        "Possible duplicate: 浪潮电子信息产业股份有限公司 has the same name but another USCC "
        "(91370000163446410B)"
    ) in texts
    assert not any(t.startswith("Same") for t in texts)
    assert editor.save_button.isEnabled()
    with qtbot.waitSignal(editor.saved) as blocker:
        editor.save_button.click()
    saved = service.detail(blocker.args[0]).customer
    assert (saved.name, saved.uscc) == ("浪潮电子信息产业有限公司", OTHER_USCC)
    assert service.detail(samples["浪潮"].id).customer == samples["浪潮"]


def test_the_same_name_without_a_uscc_is_the_same_company(qtbot, editor_for, service, samples):
    editor = editor_for()
    editor.name_edit.setText("浪潮电子信息产业有限公司")
    (match,) = editor.check_duplicates()
    assert match.is_duplicate
    assert "Same company: 浪潮电子信息产业股份有限公司 has this name" in duplicate_texts(editor)
    assert not editor.save_button.isEnabled()
    with pytest.raises(DuplicateCustomer):  # the service refuses it too
        service.create(editor.current_customer())


def test_the_service_saves_a_namesake_with_another_uscc_and_refuses_the_same_company(
    service, samples
):
    langchao = samples["浪潮"]
    other = service.create(Customer(name="浪潮电子信息产业有限公司", uscc=OTHER_USCC))
    third = "91370100MA3C8N2L5" + uscc_check_char("91370100MA3C8N2L5")
    # one with a third code is a third company; one with 浪潮's code is 浪潮
    service.create(Customer(name="浪潮电子信息产业有限责任公司", uscc=third))
    with pytest.raises(DuplicateCustomer):
        service.create(Customer(name="山东浪潮信息有限公司", uscc=langchao.uscc))
    matches = service.check_duplicates(other.name, other.uscc, exclude_id=other.id)
    assert {m.candidate.uscc: m.kind.value for m in matches} == {
        langchao.uscc: "similar", third: "similar"}
    # editing the namesake (its own row excluded) saves
    assert service.update(replace(other, phone="0531-88886666")).phone == "0531-88886666"


def test_a_region_on_one_side_only_is_a_possible_duplicate_and_saves(
    qtbot, editor_for, service, samples
):
    editor = editor_for()
    editor.name_edit.setText("北京浪潮电子信息产业股份有限公司")  # 浪潮's name and a region
    matches = editor.check_duplicates()
    assert [(m.candidate.id, m.is_duplicate) for m in matches] == [(samples["浪潮"].id, False)]
    texts = duplicate_texts(editor)
    assert (
        "Possible duplicate: 浪潮电子信息产业股份有限公司 has the same name but for the region"
    ) in texts
    assert editor.save_button.isEnabled()
    with qtbot.waitSignal(editor.saved):
        editor.save_button.click()


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
