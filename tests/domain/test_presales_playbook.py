"""The playbook's eight presales steps: the shipped ones load in order with
their checklists and outputs; a missing or malformed section is refused
with its line."""

from __future__ import annotations

import pytest

from erpdesk.domain.playbook import PlaybookError, load_playbook
from erpdesk.playbooks import DEFAULT_PLAYBOOK, read_playbook

TEXT = DEFAULT_PLAYBOOK.read_text(encoding="utf-8")
SECTION = TEXT.index("# --- The eight presales steps")
STEPS = [
    ("qualify", "受理与评估"),
    ("research", "客户与行业研究"),
    ("survey", "需求调研"),
    ("design", "业务分析与方案设计"),
    ("demo", "DEMO演示"),
    ("proposal", "方案文档与报价支持"),
    ("defence", "简报答辩"),
    ("review", "反馈、移交与总结"),
]


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def refused(text: str) -> PlaybookError:
    with pytest.raises(PlaybookError) as caught:
        load_playbook(text, "company.toml")
    return caught.value


def edit(old: str, new: str) -> str:
    at = TEXT.index(old, SECTION)  # only in the presales section
    return TEXT[:at] + new + TEXT[at + len(old) :]


def test_shipped_presales_steps() -> None:
    playbook = read_playbook(DEFAULT_PLAYBOOK)
    assert [(s.code, s.names.zh) for s in playbook.presales_steps] == STEPS
    assert [s.number for s in playbook.presales_steps] == list(range(1, 9))
    for step in playbook.presales_steps:
        assert step.names.en and len(step.checklist) >= 4 and len(step.outputs) >= 2
        assert all(i.code.startswith(step.code + ".") for i in step.checklist)
        assert all(i.names.zh and i.names.en for i in step.checklist)
        assert any(i.required for i in step.checklist)
    assert playbook.presales_step(5).code == "demo"
    assert playbook.parse_presales_step("Requirements survey") == playbook.presales_step(3)
    assert playbook.parse_presales_step("简报答辩") == playbook.presales_step(7)
    assert playbook.parse_presales_step("9") is None
    found = playbook.presales_activity("qualify.scope")
    assert found is not None and found[0].code == "qualify"
    assert playbook.presales_activity("target.visit") is None  # a funnel activity
    assert playbook.checklist_item("qualify.scope") is None  # and the other way round
    with pytest.raises(KeyError):
        playbook.presales_step(0)


def test_a_playbook_without_presales_steps_is_refused() -> None:
    error = refused(TEXT[:SECTION])
    assert error.code == "no_presales_steps"
    assert error.line is None
    assert str(error).startswith("company.toml: The playbook has no presales steps")


def test_seven_steps_refused_at_the_list() -> None:
    start = TEXT.index("[[presales_steps]]\nnumber = 8")
    text = TEXT[:start]
    error = refused(text)
    assert error.code == "presales_step_count"
    assert error.line == text.splitlines().index("[[presales_steps]]") + 1
    assert "eight presales steps, not 7" in error.problem


@pytest.mark.parametrize(
    ("old", "new", "fragment", "code"),
    [
        ("number = 3", "number = 4", "number = 4\ncode", "presales_step_number"),
        ('code = "defence"', 'code = "defense"', 'code = "defense"', "presales_step_code"),
        ('code = "qualify.scope"', 'code = "scope"', 'code = "scope"', "checklist_prefix"),
        ('code = "qualify.scope"', 'code = "qualify.kickoff"', "Hold a kick-off", "duplicate_code"),
        (
            'outputs = [\n    { zh = "售前支持计划"',
            'output = [\n    { zh = "售前支持计划"',
            "output = [",
            "unknown_key",
        ),
        (
            '{ zh = "售前支持计划", en = "Presales support plan" }',
            '{ zh = "售前支持计划" }',
            '{ zh = "售前支持计划" }',
            "missing_key",
        ),
        ('zh = "客户与行业研究"', 'zh = ""', 'zh = ""', "empty"),
        (", required = false }", ', required = "no" }', 'required = "no"', "not_bool"),
    ],
)
def test_refused_with_line(old: str, new: str, fragment: str, code: str) -> None:
    text = edit(old, new)
    error = refused(text)
    assert error.code == code, error
    first = fragment.split("\n")[0]
    lines = [n for n, line in enumerate(text.splitlines(), 1) if first in line]
    assert error.line in lines and error.line > TEXT[:SECTION].count("\n"), error


def test_a_step_without_activities_refused() -> None:
    start = TEXT.index("checklist = [", TEXT.index('code = "review"'))
    end = TEXT.index("]\n", start) + 2
    text = TEXT[:start] + "checklist = []\n" + TEXT[end:]
    error = refused(text)
    assert error.code == "empty"
    assert error.line == line_of(text, "checklist = []")
