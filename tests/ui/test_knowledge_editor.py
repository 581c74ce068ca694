"""Editing the knowledge base and the questionnaires in the window: an entry
edited through its dialog shows in the reader and is found by the search;
a refused edit keeps the dialog open with what was typed; removing and
restoring through the tab's bar; the questionnaire editor saves checked."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from erpdesk.ui.presales.knowledge_editor import KnowledgeEditor
from erpdesk.ui.presales.knowledge_view import KnowledgeView
from erpdesk.ui.presales.questionnaire_editor import QuestionnaireEditor

NEW_TEXT = "量子月结引擎让关账只需一小时"
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def content(desk):
    return desk.presales_content


@pytest.fixture
def view(qtbot, content) -> KnowledgeView:
    made = KnowledgeView(content.knowledge, content=content)
    qtbot.addWidget(made)
    made.resize(1100, 700)
    made.show()
    with qtbot.waitSignal(made.loaded, timeout=5000):
        pass
    return made


def rows(desk) -> int:
    return desk.db.reader.execute("SELECT count(*) FROM presales_content").fetchone()[0]


def test_an_edited_entry_shows_in_the_reader_and_the_search(qtbot, view, content):
    view.show_entry("module", "finance")
    bar = view.edit_bar
    assert bar is not None and bar.edit_button.isEnabled()
    assert not bar.reset_button.isEnabled() and not bar.origin_label.isVisible()
    editor = KnowledgeEditor(content, "module", "finance", parent=view)
    qtbot.addWidget(editor)
    assert editor.editors["name"].text() == "财务管理"
    editor.editors["architecture"].setPlainText(NEW_TEXT)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        assert editor.save()
    assert view.shown == ("module", "finance")
    assert NEW_TEXT in view.reader.toPlainText()
    assert bar.origin_label.isVisible()
    assert "Edited on this desk" in bar.origin_label.text()
    assert bar.reset_button.isEnabled()

    for query in ("量子月结", "liangzi yuejie"):
        view.search_edit.setText(query)
        hits = [row for row in view.model.rows if hasattr(row, "entry")]
        assert hits and hits[0].entry.code == "finance", query


def test_a_refused_edit_keeps_the_dialog_open_with_the_text(qtbot, view, content, desk):
    editor = KnowledgeEditor(content, "module", "finance", parent=view)
    qtbot.addWidget(editor)
    editor.show()
    editor.editors["architecture"].setPlainText(NEW_TEXT)
    editor.editors["name"].setText("")
    demos = editor.editors["demos"]
    demos.table.table.item(1, 2).setText("1000")
    assert not editor.save()
    assert editor.isVisible() and editor.result() == 0
    assert editor.problem_labels["name"].text() == "Name must not be empty"  # not "name"
    assert "480" in editor.problem_labels["demos"].text()
    assert demos.table.table.currentRow() == 1  # the script the problem is about
    assert editor.editors["architecture"].toPlainText() == NEW_TEXT
    assert rows(desk) == 0
    assert NEW_TEXT not in content.knowledge().module("finance").architecture


def test_demo_scripts_keep_their_steps_when_rows_move(qtbot, content):
    editor = KnowledgeEditor(content, "module", "finance", demo="finance.expense")
    qtbot.addWidget(editor)
    demos = editor.editors["demos"]
    assert demos.table.table.currentRow() == 1
    first_steps = content.knowledge().demo("finance.expense").steps
    demos.table.move_row(-1)
    demos.steps_edit.setPlainText("第一步\n第二步")
    scripts = demos.scripts()
    assert scripts[0]["code"] == "finance.expense"
    assert scripts[0]["steps"] == ["第一步", "第二步"]
    assert scripts[1]["steps"] != list(first_steps)
    assert editor.save()
    assert content.knowledge().module("finance").demos[0].steps == ("第一步", "第二步")


def test_remove_and_restore_a_shipped_competitor_from_the_bar(qtbot, view, message_boxes):
    view.show_entry("competitor", "sap")
    bar = view.edit_bar
    with qtbot.waitSignal(view.loaded, timeout=5000):
        assert bar.remove()
    assert message_boxes.calls and message_boxes.calls[0][0] == "question"
    assert "sap" not in {c.code for c in view.base.competitors}
    assert view.shown != ("competitor", "sap")
    with qtbot.waitSignal(view.loaded, timeout=5000):
        assert bar.restore("competitor", "sap")
    assert view.shown == ("competitor", "sap")
    assert "SAP" in view.reader.toPlainText()


def test_a_new_competitor_through_the_dialog(qtbot, view, content):
    editor = KnowledgeEditor(content, "competitor", parent=view)
    qtbot.addWidget(editor)
    values = {"code": "odoo", "name": "Odoo", "name_en": "Odoo", "overview": "开源ERP。"}
    for key, text in values.items():
        widget = editor.editors[key]
        (widget.setPlainText if key == "overview" else widget.setText)(text)
    for key in ("strengths", "weaknesses", "how_to_compete"):
        editor.editors[key].setPlainText("一\n\n二")
    with qtbot.waitSignal(view.loaded, timeout=5000):
        assert editor.save()
    assert content.knowledge().competitor("odoo").strengths == ("一", "二")
    assert content.origin("competitor", "odoo").origin == "added"


def test_the_questionnaire_editor_saves_checked(qtbot, content, message_boxes):
    editor = QuestionnaireEditor(content, "finance")
    qtbot.addWidget(editor)
    questions = editor.questions
    count = questions.table.table.rowCount()
    row = questions.add_question()
    table = questions.table.table
    for col, text in enumerate(("cash_pool", "是否需要资金池？", "Cash pooling?")):
        table.item(row, col).setText(text)
    table.item(row, 3).setText("choice")  # a choice question without choices
    assert not editor.save()
    assert "needs choices" in editor.problem_label.text()
    assert table.rowCount() == count + 1 and table.currentRow() == row
    questions.choices.add_row()
    for col, text in enumerate(("yes", "需要", "Yes")):
        questions.choices.table.item(0, col).setText(text)
    assert editor.save()
    saved = content.questionnaires().modules["finance"].questions[-1]
    assert saved.code == "cash_pool" and [c.code for c in saved.choices] == ["yes"]
    assert editor.reset_button.isEnabled()
    message_boxes.answer = QMessageBox.StandardButton.Yes
    editor.reset()
    assert content.questionnaires().modules["finance"].questions[-1].code != "cash_pool"
    assert table.rowCount() == count
