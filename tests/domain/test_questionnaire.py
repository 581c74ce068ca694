"""Survey questionnaires: the shipped ones load and cover the main modules;
a malformed file is refused with its line; answers are checked by kind."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from erpdesk.domain.questionnaire import (
    QuestionKind,
    QuestionnaireError,
    answer_problems,
    parse_questionnaires,
)
from erpdesk.playbooks import read_playbook
from erpdesk.questionnaires import (
    DEFAULT_QUESTIONNAIRES,
    questionnaires_path,
    read_questionnaires,
)

TEXT = DEFAULT_QUESTIONNAIRES.read_text(encoding="utf-8")
MAIN = (
    "finance",
    "supply_chain",
    "production",
    "sales_distribution",
    "procurement",
    "inventory",
    "hr",
)


def line_of(text: str, fragment: str) -> int:
    """The line (from 1) of the last line holding *fragment*."""
    return [n for n, line in enumerate(text.splitlines(), 1) if fragment in line][-1]


def refused(text: str, **kwargs: object) -> QuestionnaireError:
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaires(text, "survey.toml", **kwargs)  # type: ignore[arg-type]
    return caught.value


def edit(old: str, new: str) -> str:
    assert old in TEXT, old
    return TEXT.replace(old, new, 1)


def test_shipped_questionnaires_cover_the_main_modules() -> None:
    playbook = read_playbook()
    codes = [m.code for m in playbook.modules]
    questionnaires = read_questionnaires(modules=codes)
    assert tuple(questionnaires.modules) == MAIN
    for module in questionnaires.modules.values():
        assert 8 <= len(module.questions) <= 15, module.module
        assert len({q.code for q in module.questions}) == len(module.questions)
        assert {q.kind for q in module.questions} >= {QuestionKind.TEXT, QuestionKind.YES_NO}
        for q in module.questions:
            assert q.names.zh.endswith("？") and q.names.en.endswith("?"), q
            assert bool(q.choices) == (q.kind is QuestionKind.CHOICE)
    finance = questionnaires.for_module("finance")
    assert finance is not None
    standard = finance.question("standard")
    assert standard is not None and standard.choices[0].code == "cas"
    assert questionnaires.for_module("bi") is None


@pytest.mark.parametrize(
    ("old", "new", "fragment", "code"),
    [
        ('version = "2026.1"', 'version = "2026.1', 'version = "2026.1', "syntax"),
        ('kind = "number" },', 'kind = "numeric" },', '"numeric"', "unknown_value"),
        ('kind = "number" },', 'kind = "number", weight = 2 },', "weight = 2", "unknown_key"),
        ('{ code = "consolidation"', '{ code = "entities"', "合并报表", "duplicate_code"),
        ('{ code = "consolidation"', '{ code = "Consolidation"', "Consolidation", "bad_code"),
        ('module = "hr"', 'module = "finance"', 'module = "finance"', "duplicate_code"),
        (
            'en = "Do you need consolidated group statements?", kind = "yes_no" }',
            'en = "Do you need consolidated group statements?", kind = "yes_no", choices = [] }',
            "choices = []",
            "choices_not_allowed",
        ),
        ('zh = "员工总人数是多少？"', 'zh = ""', 'zh = ""', "empty"),
        (
            'questions = [\n    { code = "headcount"',
            'question = [\n    { code = "headcount"',
            "question = [",
            "unknown_key",
        ),
    ],
)
def test_refused_with_line(old: str, new: str, fragment: str, code: str) -> None:
    text = edit(old, new)
    error = refused(text)
    assert error.code == code, error
    assert error.line == line_of(text, fragment), error
    assert str(error) == f"survey.toml:{error.line}: {error.problem}"


def test_choice_question_without_choices_refused() -> None:
    start = TEXT.index('{ code = "standard"')
    end = TEXT.index("] },", start) + len("] },")
    text = (
        TEXT[:start]
        + '{ code = "standard", zh = "准则", en = "Standard", kind = "choice" },'
        + TEXT[end:]
    )
    error = refused(text)
    assert error.code == "no_choices"
    assert error.line == line_of(text, 'kind = "choice" },')


def test_unknown_module_and_empty_questionnaire_refused() -> None:
    error = refused(TEXT, modules=("finance", "hr"))
    assert error.code == "unknown_module"
    assert error.line == line_of(TEXT, 'module = "supply_chain"')
    assert '"supply_chain" is not a module of the playbook' in error.problem
    error = refused('version = "1"\nmodules = []\n')
    assert (error.code, error.line) == ("empty", 2)
    error = refused('version = "1"\n\n[[modules]]\nmodule = "hr"\nquestions = []\n')
    assert (error.code, error.line) == ("empty", 5)
    error = refused("modules = []\n")
    assert error.code == "missing_key" and "the questionnaires" in error.problem


def test_answers_checked_by_kind_and_unknown_ones_kept() -> None:
    questionnaires = parse_questionnaires(TEXT)
    good = {
        "finance": {
            "entities": 3,
            "consolidation": True,
            "standard": "cas",
            "currencies": "美元、欧元",
            "close_days": "5.5",
            "budget": None,
        },
        "hr": {"headcount": Decimal("1200")},
        "quality": {"anything": object()},  # a module without a questionnaire
    }
    assert answer_problems(questionnaires, good) == []
    bad = {
        "finance": {
            "entities": "三个",
            "consolidation": "yes",
            "standard": "gaap",
            "currencies": 5,
            "dropped_question": 1,
            "close_days": True,
        },
    }
    problems = answer_problems(questionnaires, bad)
    assert [p.field for p in problems] == [
        "answers.finance.entities",
        "answers.finance.consolidation",
        "answers.finance.standard",
        "answers.finance.currencies",
        "answers.finance.close_days",
    ]
    assert problems[2].render() == (
        'Which accounting standard do you follow?: "gaap" is not one of: cas, small_business, ifrs'
    )
    assert problems[2].params["question_zh"] == "执行哪种会计准则？"


def test_company_questionnaires_via_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "acme.toml"
    own.write_text(TEXT.replace('version = "2026.1"', 'version = "acme-1"'), encoding="utf-8")
    monkeypatch.setenv("ERPDESK_QUESTIONNAIRES", str(own))
    assert questionnaires_path() == own
    assert read_questionnaires().version == "acme-1"
    with pytest.raises(QuestionnaireError) as caught:
        read_questionnaires(tmp_path / "missing.toml")
    assert caught.value.line is None
    assert "The questionnaires cannot be read" in str(caught.value)
    bad = tmp_path / "gbk.toml"
    bad.write_bytes(b'version = "' + "版本".encode("gbk") + b'"\n')
    with pytest.raises(QuestionnaireError) as caught:
        read_questionnaires(bad)
    assert (caught.value.code, caught.value.line) == ("not_utf8", 1)
