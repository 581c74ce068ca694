"""The requirements-survey editor on a real desk: a new survey saved with
answers of every kind, departments, interviews and findings; a bad number,
a finding without a module and a start in the past refused with the
message where it belongs and nothing written; a finding made a need of
the deal, linked both ways; the report PDF written from the dialog (or a
message when it cannot be); a done or cancelled survey's limits."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit

from erpdesk.app import open_desk
from erpdesk.domain.customer import Customer, Source
from erpdesk.domain.presales import (
    Finding,
    GapLevel,
    Interview,
    RequestKind,
    RequestState,
    TaskKind,
    TaskState,
)
from erpdesk.domain.presales_rules import NEEDS_TEMPLATE
from erpdesk.services.presales import LEAD_KEY
from erpdesk.ui.presales import PresalesServices
from erpdesk.ui.presales.opener import open_task
from erpdesk.ui.presales.survey_editor import FINDINGS, GENERAL, QUESTIONS, SurveyEditor
from erpdesk.ui.presales.task_common import to_qdatetime

# the offscreen platform warns when a shown window's minimum size changes
# and when the opener raises a window
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


def act_as(desk, name: str, role: str = "rep", lead: bool = False) -> None:
    with desk.unit_of_work() as uow:
        uow.meta_set("sync.user", name)
        uow.meta_set("sync.role", role)
        uow.meta_set(LEAD_KEY, "1" if lead else "0")
        uow.commit()


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A desk with a deal and the engagement of its survey request (finance,
    production) assigned to zhao.pre, made once: each test gets a copy."""
    path = tmp_path_factory.mktemp("survey") / "template.db"
    desk = open_desk(path)
    customer = desk.customers.create(
        Customer(name="华东精密机械制造有限公司", source=Source.REFERRAL)
    )
    deal = desk.deals.create(customer.id, "ERP 一期")
    presales = desk.presales
    act_as(desk, "li.rep")
    request = presales.ask(
        deal.customer_id, RequestKind.REQUIREMENTS_SURVEY, deal_id=deal.id, submit=True,
        modules=("finance", "production"),
    )  # fmt: skip
    act_as(desk, "wang.lead", "presales", lead=True)
    presales.move_request(request.id, RequestState.ACCEPTED)
    presales.move_request(request.id, RequestState.ASSIGNED, consultant="zhao.pre")
    act_as(desk, "zhao.pre", "presales")
    engagement = presales.engagement_of(request.id)
    assert engagement is not None
    desk.close()
    return path, {"deal": deal.id, "engagement": engagement.id}


@pytest.fixture
def desk(template, tmp_path, qapp):
    """A copy of the template desk (opening a new database migrates it: slow)."""
    path = tmp_path / "d.db"
    shutil.copyfile(template[0], path)
    opened = open_desk(path)
    yield opened
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    opened.close()


@pytest.fixture
def deal(desk, template):
    return desk.deals.get(template[1]["deal"])


@pytest.fixture
def engagement(desk, template):
    return desk.presales.engagement(template[1]["engagement"])


@pytest.fixture
def services(desk) -> PresalesServices:
    return PresalesServices(desk.presales, desk.deals, desk.customers)


@pytest.fixture
def survey(desk, engagement):
    """A planned survey saved through the service, tomorrow."""
    start = (datetime.now().astimezone() + timedelta(days=1)).replace(microsecond=0)
    saved = desk.presales.add_task(
        engagement.id, TaskKind.SURVEY, "财务与生产需求调研", start, start + timedelta(hours=6)
    )
    return saved.task


def editor_of(qtbot, services, **which) -> SurveyEditor:
    editor = SurveyEditor(services, **which)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def inputs(editor: SurveyEditor, module: str) -> dict:
    return {code: a.widget for code, a in editor.questions.pages[module].inputs.items()}


def pick(combo: QComboBox, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def add_finding(editor: SurveyEditor, module: str | None, text: str, gap=GapLevel.NONE) -> int:
    row = editor.findings.add_finding()
    module_combo, _priority, gap_combo = editor.findings._combos(row)
    if module:
        pick(module_combo, module)
    pick(gap_combo, gap.value)
    editor.findings.table.item(row, 1).setText(text)
    return row


def test_a_new_survey_is_saved_with_answers_of_every_kind_people_and_findings(
    qtbot, desk, services, engagement
):
    editor = editor_of(qtbot, services, engagement_id=engagement.id)
    assert editor.questions.scope() == ("finance", "production")  # the request's modules
    editor.common.title_edit.setText("需求调研：财务、生产")
    editor.people.set_values(("财务部", "生产部"), ())
    editor.people.interviews.add_row(["财务部", "陈丽、周敏", "2026-12-20"])
    finance = inputs(editor, "finance")
    assert isinstance(finance["entities"], QLineEdit)
    assert isinstance(finance["currencies"], QPlainTextEdit)
    finance["entities"].setText("3")
    finance["close_days"].setText("7.5")
    pick(finance["consolidation"], True)
    pick(finance["budget"], False)
    pick(finance["standard"], "cas")
    finance["currencies"].setPlainText("美元、欧元")
    add_finding(editor, "finance", "三家公司内部交易自动抵销", GapLevel.CHALLENGE)
    assert editor.dirty

    assert editor.save(), editor.error_label.text()

    [task] = desk.presales.tasks_of(engagement.id)
    assert task.kind is TaskKind.SURVEY and "zhao.pre" in task.our_attendees
    assert task.answers["finance"] == {
        "entities": 3, "close_days": "7.5", "consolidation": True, "budget": False,
        "standard": "cas", "currencies": "美元、欧元",
    }  # fmt: skip
    assert task.departments == ("财务部", "生产部")
    assert task.interviews == (
        Interview("财务部", ("陈丽", "周敏"), datetime(2026, 12, 20).date()),
    )
    [finding] = task.findings
    assert (finding.module, finding.text, finding.gap) == (
        "finance", "三家公司内部交易自动抵销", GapLevel.CHALLENGE)  # fmt: skip
    assert editor.task is not None and editor.task.id == task.id and not editor.dirty
    # shown again as stored, and kept through a change of language
    assert inputs(editor, "finance")["entities"].text() == "3"
    editor.questions.retranslate_ui()
    editor.findings.retranslate_ui()
    assert inputs(editor, "finance")["standard"].currentData() == "cas"
    assert inputs(editor, "finance")["consolidation"].currentData() is True
    assert editor.findings.findings() == task.findings


def test_a_bad_number_is_refused_under_its_question_and_nothing_is_saved(
    qtbot, desk, services, engagement
):
    editor = editor_of(qtbot, services, engagement_id=engagement.id)
    editor.common.title_edit.setText("需求调研")
    answer = editor.questions.pages["finance"].inputs["entities"]
    answer.widget.setText("三个")
    assert not editor.save()
    assert desk.presales.tasks_of(engagement.id) == []
    assert answer.problem is not None and "三个" in answer.problem.text()
    assert editor.tabs.currentIndex() == QUESTIONS
    assert answer.widget.text() == "三个" and editor.common.title_edit.text() == "需求调研"
    answer.widget.setText("3")
    assert editor.save()
    assert answer.problem.text() == ""


def test_a_finding_without_a_module_is_refused_at_its_row_and_nothing_is_saved(
    qtbot, desk, services, survey
):
    editor = editor_of(qtbot, services, task_id=survey.id)
    inputs(editor, "finance")["entities"].setText("2")
    add_finding(editor, "finance", "开票与金税系统对接")
    row = add_finding(editor, None, "没有模块的发现")
    assert not editor.save()
    stored = desk.presales.task(survey.id)
    assert stored.findings == () and stored.answers == {}  # nothing half-saved
    assert editor.tabs.currentIndex() == FINDINGS
    message = editor.findings.problem_label.text()
    assert "Finding 2" in message and "module" in message
    assert editor.findings.table.item(row, 1).background().color().name() == "#fdecea"
    assert editor.findings.table.item(0, 1).background().style() == Qt.BrushStyle.NoBrush
    assert editor.findings.table.item(row, 1).text() == "没有模块的发现"  # kept


def test_a_start_in_the_past_and_an_unreadable_interview_date_are_refused_together(
    qtbot, desk, services, engagement
):
    editor = editor_of(qtbot, services, engagement_id=engagement.id)
    editor.common.title_edit.setText("需求调研")
    yesterday = datetime.now().astimezone() - timedelta(days=1)
    editor.common.starts_edit.setDateTime(to_qdatetime(yesterday))
    editor.people.interviews.add_row(["生产部", "赵强", "下周二"])
    assert not editor.save()
    assert desk.presales.tasks_of(engagement.id) == []
    assert "past" in editor.common.problem_labels["time"].text()
    assert "下周二" in editor.people.problem_label.text()
    assert editor.tabs.currentIndex() == GENERAL
    assert editor.people.interviews.text(0, 2) == "下周二"  # kept as typed


def test_a_finding_becomes_a_need_of_the_deal_linked_both_ways(qtbot, desk, services, survey, deal):
    editor = editor_of(qtbot, services, task_id=survey.id)
    row = add_finding(editor, "production", "按设备序列号归集实际成本", GapLevel.DEAL_BREAKER)
    editor.findings.table.selectRow(row)
    assert editor.findings.need_button.isEnabled()
    editor.findings.need_button.click()  # saves the new finding first

    [finding] = desk.presales.task(survey.id).findings
    assert finding.need_id
    [sheet] = [s for s in desk.deals.worksheets(deal_id=deal.id) if s.template == NEEDS_TEMPLATE]
    [need] = sheet.data["rows"]
    assert need["id"] == finding.need_id and need["finding_id"] == finding.id
    assert need["need"] == "按设备序列号归集实际成本" and need["priority"] == "high"
    assert finding.need_id[:8] in editor.findings.table.item(0, 4).text()
    assert finding.need_id[:8] in editor.findings.note_label.text()
    editor.findings.table.selectRow(0)
    assert not editor.findings.need_button.isEnabled()
    assert not editor.findings.remove_selected()  # a need stays in the survey, and it says why
    assert "need of the deal" in editor.findings.problem_label.text()
    assert editor.findings.table.rowCount() == 1
    assert editor.save()  # the linked finding goes back unchanged
    assert desk.presales.task(survey.id).findings == (finding,)


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True)
    return "".join(out.stdout.split())


def test_the_report_pdf_written_from_the_dialog_holds_the_findings(
    qtbot, desk, services, survey, tmp_path
):
    editor = editor_of(qtbot, services, task_id=survey.id)
    add_finding(editor, "finance", "外币应收按月末汇率自动调汇", GapLevel.NICE_TO_HAVE)
    target = tmp_path / "report.pdf"
    with qtbot.waitSignal(editor.pdf_writer.written, timeout=20000):
        assert editor.save_pdf(target)  # saves the survey first
    assert desk.presales.task(survey.id).findings  # saved before the report
    assert target.read_bytes().startswith(b"%PDF")
    text = pdf_text(target)
    assert "外币应收按月末汇率自动调汇" in text and "华东精密机械制造有限公司" in text
    assert editor.status_label.text().endswith("report.pdf")
    assert list(tmp_path.glob("*.part")) == []
    assert editor.file_name().startswith("Survey_report-华东精密机械制造有限公司-")
    preview = editor.preview_pdf()
    assert preview is not None
    qtbot.waitUntil(lambda: preview.page_count() > 1, timeout=20000)
    preview.close()


def test_a_report_that_cannot_be_written_says_so_and_leaves_no_file(
    qtbot, services, survey, tmp_path, message_boxes
):
    editor = editor_of(qtbot, services, task_id=survey.id)
    target = tmp_path / "missing" / "report.pdf"
    with qtbot.waitSignal(editor.pdf_writer.failed, timeout=20000):
        editor.save_pdf(target)
    assert not target.exists()
    assert message_boxes.calls and "could not be saved" in message_boxes.calls[-1][1]
    assert editor.pdf_button.isEnabled()


def test_answers_to_questions_the_file_no_longer_has_are_shown_and_kept(
    qtbot, desk, services, engagement
):
    start = datetime.now().astimezone() + timedelta(days=2)
    task = desk.presales.add_task(
        engagement.id, TaskKind.SURVEY, "调研", start, start + timedelta(hours=2),
        answers={"finance": {"entities": 2, "legacy_ledger": "旧总账"}},
        findings=(Finding("finance", "保留的发现"),),
    ).task  # fmt: skip
    editor = editor_of(qtbot, services, task_id=task.id)
    page = editor.questions.pages["finance"]
    assert not page.older_box.isHidden() and "legacy_ledger: 旧总账" in page.older_label.text()
    assert "finance" in editor.questions.scope()  # in scope because answered
    inputs(editor, "finance")["entities"].setText("")  # an answer cleared
    assert editor.save()
    stored = desk.presales.task(task.id).answers["finance"]
    assert stored["legacy_ledger"] == "旧总账" and stored["entities"] is None


def test_mark_done_then_cancel_is_not_offered_and_a_cancelled_survey_is_read_only(
    qtbot, desk, services, survey, engagement, message_boxes
):
    editor = editor_of(qtbot, services, task_id=survey.id)
    editor.common.outcome_edit.setPlainText("范围确认")
    assert editor.mark_done()
    done = desk.presales.task(survey.id)
    assert (done.state, done.outcome) == (TaskState.DONE, "范围确认")
    assert editor.common.title_edit.isReadOnly() and not editor.done_button.isEnabled()
    assert not editor.cancel_task_button.isEnabled()

    start = datetime.now().astimezone() + timedelta(days=3)
    other = desk.presales.add_task(
        engagement.id, TaskKind.SURVEY, "二次调研", start, start + timedelta(hours=2)
    ).task
    second = open_task(services, other.id)  # the opener picks the survey editor
    assert isinstance(second, SurveyEditor)
    assert second.cancel_survey()  # the stub answers Yes
    assert desk.presales.task(other.id).state is TaskState.CANCELLED
    assert not second.save_button.isEnabled() and not second.findings.add_button.isEnabled()
