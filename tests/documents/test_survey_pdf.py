"""The requirements-survey report: the survey's texts come back out in
zh_CN and English, unanswered questions are marked, the gaps are counted
per module and level with the deal breakers first, long answers wrap and
split across pages, an empty survey still makes a short valid report, every
font is embedded and a failed write leaves no file behind."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from erpdesk.documents.layout import PdfWriteError
from erpdesk.documents.letterhead import PAGE_OF_TOTAL
from erpdesk.documents.survey_gaps import T, finding_order
from erpdesk.documents.survey_pdf import write_survey_report
from erpdesk.documents.survey_sample import (
    SAMPLE_CONSULTANT,
    SAMPLE_CUSTOMER,
    SAMPLE_DEAL,
    sample_module_names,
    sample_survey_task,
)
from erpdesk.documents.texts import CONTEXT, translator
from erpdesk.domain.branding import DEFAULT_BRANDING
from erpdesk.domain.presales import Finding, GapLevel
from erpdesk.domain.presales_rules import task_problems
from erpdesk.domain.questionnaire import answer_problems
from erpdesk.questionnaires import read_questionnaires

QUESTIONNAIRES = read_questionnaires()


def write(path: Path, language: str = "zh_CN", **changes) -> Path:
    task = replace(sample_survey_task(), **changes)
    return write_survey_report(
        path,
        task=task,
        customer_name=SAMPLE_CUSTOMER,
        deal_name=SAMPLE_DEAL,
        questionnaire=QUESTIONNAIRES,
        branding=DEFAULT_BRANDING,
        language=language,
        consultant=SAMPLE_CONSULTANT,
        module_names=sample_module_names(language),
    )


def pages(path: Path) -> list[str]:
    """Each page's text without white space (CJK lines break anywhere)."""
    return ["".join(p.extract_text().split()) for p in PdfReader(path).pages]


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def chinese(tmp_path_factory) -> tuple[Path, list[str]]:
    path = write(tmp_path_factory.mktemp("zh") / "survey.pdf")
    return path, pages(path)


@pytest.fixture(scope="module")
def english(tmp_path_factory) -> tuple[Path, list[str]]:
    path = write(tmp_path_factory.mktemp("en") / "survey.pdf", "en")
    return path, pages(path)


def zh(key: str) -> str:
    return flat(translator("zh_CN")(CONTEXT, T[key]))


def test_the_cover_names_the_customer_the_deal_the_dates_and_the_people(chinese):
    _, text = chinese
    cover = text[0]
    for expected in (
        zh("title"),
        SAMPLE_CUSTOMER,
        flat(SAMPLE_DEAL),
        "2026-12-08–2026-12-10",
        flat(SAMPLE_CONSULTANT),
        "liming、zhangwei",
        "王建国（信息中心主任）",
        "孙悦（仓储主管）",
        zh("of").format(done=30, total=35),
    ):
        assert expected in cover, expected
    assert "致命差异" in cover  # the deal breakers' count at a glance


def test_every_answer_comes_back_in_chinese_and_unanswered_ones_are_marked(chinese):
    _, text = chinese
    body = "".join(text)
    assert "需要独立核算的法人公司（账套）有几个？" in body  # a question, in Chinese
    assert "企业会计准则" in body  # a choice answer by its name, not its code
    assert "月末一次加权平均" in body and "monthly_average" not in body
    assert "纸质单据" in body and "是否需要银企直联" in body
    unanswered = zh("unanswered")
    # finance: bank_link; production: inspections; inventory: serials, safety_stock, units
    assert body.count(unanswered) == 5
    assert "第1页共" in text[0] and f"第{len(text)}页共{len(text)}页" in text[-1]
    assert "内部资料" in text[1]


def test_english_uses_the_english_questions_choices_and_labels(english):
    _, text = english
    body = "".join(text)
    assert "Requirementssurveyreport" in text[0]
    assert "Howmanylegalentities(setsofbooks)keeptheirownaccounts?" in body
    assert "ChineseAccountingStandardsforBusinessEnterprises" in body
    assert "Monthlyweightedaverage" in body
    assert body.count("Notanswered") == 5
    assert "Dealbreaker" in body and "Nicetohave" in body
    assert "王建国(信息中心主任)" in text[0]  # the people as written
    assert f"Page{len(text)}of{len(text)}" in text[-1]
    assert "需要独立核算" not in body


def test_the_summary_counts_gaps_per_module_and_lists_deal_breakers_first(chinese):
    _, text = chinese
    summary = text[1]
    # module, deal breaker, challenge, nice to have, no gap, total
    assert "财务管理–1113" in summary
    assert "生产制造11114" in summary
    assert "库存管理–11–2" in summary
    assert "合计" in summary or zh("total") in summary
    listed = summary[summary.index(zh("gaps")) :]
    breaker = listed.index("按每台设备的序列号归集实际成本")
    challenge = listed.index("内部交易需自动抵销")
    nice = listed.index("外币应收按月末汇率自动调汇")
    assert breaker < challenge < nice
    assert "开票须与金税盘对接" not in listed.split(zh("people"))[0]  # no gap: not listed


def test_findings_sort_by_level_then_priority():
    findings = [
        Finding("finance", "a", "low", GapLevel.NONE),
        Finding("finance", "b", "low", GapLevel.CHALLENGE),
        Finding("finance", "c", "high", GapLevel.CHALLENGE),
        Finding("finance", "d", "", GapLevel.DEAL_BREAKER),
    ]
    assert [f.text for f in sorted(findings, key=finding_order)] == ["d", "c", "b", "a"]


def test_long_answers_wrap_and_split_across_pages(tmp_path):
    task = sample_survey_task()
    long_answer = "".join(
        f"第{n}条：销售订单审批后自动生成生产计划并锁定库存。" for n in range(1, 120)
    )
    answers = {**task.answers, "finance": {**task.answers["finance"], "reports": long_answer}}
    path = write(tmp_path / "long.pdf", answers=answers)
    text = pages(path)
    short = pages(write(tmp_path / "short.pdf"))
    assert len(text) > len(short)
    holding = [n for n, page in enumerate(text) if "销售订单审批后自动生成生产计划" in page]
    assert len(holding) >= 2, "the answer's row is split over pages"
    assert "第119条" in "".join(text) and "第1条" in "".join(text)
    for n in holding[1:]:  # the table's header comes again on the next page
        assert zh("question") in text[n] and zh("answer") in text[n]


def test_an_empty_survey_makes_a_valid_short_report(tmp_path):
    path = write(
        tmp_path / "empty.pdf",
        departments=(),
        interviews=(),
        answers={},
        findings=(),
        outcome="",
        customer_attendees=(),
        our_attendees=(),
    )
    text = pages(path)
    assert len(text) == 2
    assert SAMPLE_CUSTOMER in text[0]
    assert zh("no_gaps") in text[1] and zh("empty") in text[1]
    assert zh("unanswered") not in text[1]


def test_answers_of_a_dropped_question_are_kept(tmp_path):
    task = sample_survey_task()
    answers = {**task.answers, "finance": {**task.answers["finance"], "old_question": True}}
    text = "".join(pages(write(tmp_path / "older.pdf", answers=answers)))
    assert zh("older") in text and "old_question：" in text


def test_every_font_is_embedded(chinese):
    path, _ = chinese
    pdf = path.read_bytes()
    assert b"/FontFile2" in pdf and b"WenQuanYiMicroHei" in pdf and b"STSong" not in pdf
    assert b"/Helvetica" not in pdf
    if shutil.which("pdffonts") is None:
        return
    rows = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert rows
    for row in rows:  # name type encoding emb sub uni object ID
        assert re.search(r"\byes\s+yes\s+yes\s+\d+\s+\d+$", row), row


def test_pdftotext_reads_the_chinese(chinese):
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed")
    path, _ = chinese
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert SAMPLE_CUSTOMER in flat(text)
    assert "按每台设备的序列号归集实际成本" in flat(text)


def test_a_missing_folder_is_a_clear_error_and_leaves_nothing(tmp_path):
    with pytest.raises(PdfWriteError, match="does not exist"):
        write(tmp_path / "none" / "survey.pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_failure_keeps_the_old_file_and_leaves_no_temporary_one(tmp_path):
    path = tmp_path / "survey.pdf"
    path.write_bytes(b"the old report")

    def broken(context: str, text: str) -> str:
        if text == PAGE_OF_TOTAL:  # the footers: drawn when the file is being saved
            raise RuntimeError("boom")
        return text

    with pytest.raises(RuntimeError):
        write_survey_report(
            path,
            task=sample_survey_task(),
            customer_name=SAMPLE_CUSTOMER,
            deal_name=SAMPLE_DEAL,
            questionnaire=QUESTIONNAIRES,
            branding=DEFAULT_BRANDING,
            consultant=SAMPLE_CONSULTANT,
            translate=broken,
        )
    assert path.read_bytes() == b"the old report"
    assert [p.name for p in tmp_path.iterdir()] == ["survey.pdf"]


def test_the_sample_survey_is_a_valid_task_with_valid_answers():
    task = sample_survey_task()
    assert task_problems(task, sample_module_names("en")) == []
    assert answer_problems(QUESTIONNAIRES, task.answers) == []
