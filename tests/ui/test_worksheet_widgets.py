"""The worksheet engine's editors: each layout edits and saves round-trip,
the score sheet's total and verdict follow the scores, bad input shows its
problems and saves nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from erpdesk.domain.deal import Worksheet
from erpdesk.domain.playbook import Layout
from erpdesk.ui.funnel.worksheet_widgets import (
    GridEditor,
    RollupEditor,
    RowsModel,
    ScoreSheetEditor,
    TableEditor,
    WorksheetDialog,
)


@pytest.fixture
def deal(desk, samples):
    return desk.deals.create(
        samples["浪潮"].id, "财务共享", amount="500000",
        close_date=(date.today() + timedelta(days=30)).isoformat(),
    )  # fmt: skip


def dialog_for(qtbot, desk, deal, template: str, on_deal: bool = True) -> WorksheetDialog:
    deal_id = deal.id if on_deal else None
    sheet = Worksheet(template=template, customer_id=deal.customer_id, deal_id=deal_id)
    dialog = WorksheetDialog(desk.deals, sheet)
    qtbot.addWidget(dialog)
    return dialog


def test_form_round_trip(qtbot, desk, deal) -> None:
    dialog = dialog_for(qtbot, desk, deal, "opportunity_analysis")
    assert dialog.template.layout is Layout.FORM
    dialog.editor.fields.editors["origin"].set_value("老客户介绍,集团新建共享中心")
    dialog.editor.fields.editors["trigger"].set_value("年度预算会")
    assert dialog.save()
    [saved] = desk.deals.worksheets(deal_id=deal.id)
    assert saved.data["origin"] == "老客户介绍,集团新建共享中心"
    again = WorksheetDialog(desk.deals, saved)
    qtbot.addWidget(again)
    assert again.editor.fields.editors["trigger"].value() == "年度预算会"


def test_grid_is_two_by_two_and_saves(qtbot, desk, deal) -> None:
    dialog = dialog_for(qtbot, desk, deal, "customer_swot", on_deal=False)
    assert isinstance(dialog.editor, GridEditor)
    for code in ("strengths", "weaknesses", "opportunities", "threats"):
        dialog.editor.fields.editors[code].set_value(f"{code} 内容")
    assert dialog.save()
    [saved] = desk.deals.worksheets(customer_id=deal.customer_id)
    assert saved.data["threats"] == "threats 内容"
    assert saved.deal_id is None


def test_table_rows_add_edit_remove_round_trip(qtbot, desk, deal) -> None:
    dialog = dialog_for(qtbot, desk, deal, "needs_analysis")
    editor = dialog.editor
    assert isinstance(editor, TableEditor)
    editor.add_row()
    editor.add_row()
    model = editor.model
    columns = [f.code for f in model.columns]
    model.setData(model.index(0, columns.index("need")), "合并报表")
    model.setData(model.index(0, columns.index("priority")), "high")
    model.setData(
        model.index(0, columns.index("confirmed")), Qt.CheckState.Checked,
        Qt.ItemDataRole.CheckStateRole,
    )  # fmt: skip
    model.setData(model.index(1, columns.index("need")), "删除我")
    editor.view.setCurrentIndex(model.index(1, 0))
    editor.remove_row()
    assert dialog.dirty
    assert dialog.save()
    [saved] = desk.deals.worksheets(deal_id=deal.id)
    assert len(saved.data["rows"]) == 1
    row = saved.data["rows"][0]
    assert (row["need"], row["priority"], row["confirmed"]) == ("合并报表", "high", True)
    reopened = WorksheetDialog(desk.deals, saved)
    qtbot.addWidget(reopened)
    shown = reopened.editor.model
    assert shown.index(0, columns.index("priority")).data() == "High"


def test_rows_model_passes_the_model_tester(qtmodeltester, desk) -> None:
    template = desk.deals.playbook.worksheets["action_plan"]
    model = RowsModel(template.columns, [{"action": "拜访CFO", "done": True}])
    qtmodeltester.check(model)


def test_score_sheet_total_and_verdict_follow_the_scores(qtbot, desk, deal) -> None:
    dialog = dialog_for(qtbot, desk, deal, "opportunity_assessment_1")
    editor = dialog.editor
    assert isinstance(editor, ScoreSheetEditor)
    assert "0 of 65 (0 %)" in editor.total_label.text()
    assert "Drop" in editor.verdict_label.text()
    for code in ("need", "budget", "authority", "timeline", "fit", "target_profile"):
        editor.fields.editors[code].widget.setValue(5)
    assert "65 of 65 (100 %)" in editor.total_label.text()
    assert "Pursue" in editor.verdict_label.text()
    editor.fields.editors["budget"].widget.setValue(0)  # 65 - 15 = 50 -> 77 %
    assert "50 of 65 (77 %)" in editor.total_label.text()
    assert dialog.save()
    [saved] = desk.deals.worksheets(deal_id=deal.id)
    assert saved.data["budget"] == 0 and saved.data["need"] == 5


def test_invalid_input_shows_problems_and_saves_nothing(qtbot, desk, deal) -> None:
    dialog = dialog_for(qtbot, desk, deal, "opportunity_assessment_1")
    # required scores left empty
    assert not dialog.save()
    assert dialog.editor.fields.labels["need"].isVisibleTo(dialog)
    assert "required" in dialog.editor.fields.labels["need"].text()
    assert desk.deals.worksheets(deal_id=deal.id) == []
    # a bad money value and a bad date in a form
    form = dialog_for(qtbot, desk, deal, "erp_project_summary")
    money = next(f for f in form.template.fields if f.kind.value == "money")
    form.editor.fields.editors[money.code].set_value("-5")
    form.dated_edit.setText("2026-13-45")
    assert not form.save()
    assert form.dated_problem.isVisibleTo(form)
    form.dated_edit.setText(date.today().isoformat())
    assert not form.save()
    assert "negative" in form.editor.fields.labels[money.code].text()
    assert desk.deals.worksheets(deal_id=deal.id) == []


def test_table_row_problem_is_shown_and_nothing_saved(qtbot, desk, deal) -> None:
    dialog = dialog_for(qtbot, desk, deal, "action_plan")
    dialog.editor.add_row()  # the required action left empty
    assert not dialog.save()
    assert dialog.editor.rows_problem.isVisibleTo(dialog)
    assert (0, "action") in dialog.editor.model.problem_cells
    assert desk.deals.worksheets(deal_id=deal.id) == []


def test_closing_with_unsaved_edits_asks(qtbot, desk, deal, message_boxes) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog = dialog_for(qtbot, desk, deal, "opportunity_analysis")
    dialog.show()
    dialog.editor.fields.editors["origin"].set_value("未保存")
    message_boxes.answer = QMessageBox.StandardButton.Cancel
    dialog.reject()
    assert dialog.isVisible() and dialog.dirty
    message_boxes.answer = QMessageBox.StandardButton.Yes  # -> Discard
    dialog.reject()
    assert not dialog.isVisible()
    assert desk.deals.worksheets(deal_id=deal.id) == []


def test_rollup_lists_large_open_deals(qtbot, desk, deal, samples) -> None:
    desk.deals.create(samples["海尔"].id, "小项目", amount="50000")
    sheet = Worksheet(template="major_deals_report", customer_id="")
    dialog = WorksheetDialog(desk.deals, sheet)
    qtbot.addWidget(dialog)
    editor = dialog.editor
    assert isinstance(editor, RollupEditor)
    editor.fields.editors["min_amount"].set_value("100000")
    editor.refresh()
    assert [r["deal"] for r in editor.model.rows] == ["财务共享"]
    assert not editor.model.flags(editor.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert dialog.save()
    assert dialog.sheet.data["rows"][0]["deal"] == "财务共享"
    assert dialog.sheet.data["min_amount"] == "100000.00"
