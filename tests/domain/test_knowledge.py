"""The presales knowledge base: the shipped sample loads and covers every
module and the desk's main industries; a company's folder overrides it file
by file; every schema problem is refused with its file and line; an entry
reads back equal from its stored form."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from erpdesk.domain.customer import Industry as IndustryCode
from erpdesk.domain.knowledge import (
    FILES,
    KnowledgeError,
    KnowledgeProblem,
    Module,
    UnknownEntry,
    entry_to_data,
    parse_entry,
)
from erpdesk.knowledge import (
    DEFAULT_KNOWLEDGE,
    KNOWLEDGE_ENV,
    forget_read,
    knowledge_folder,
    read_knowledge,
    shipped_knowledge,
)
from erpdesk.playbooks import DEFAULT_PLAYBOOK, read_playbook

MODULE_CODES = [m.code for m in read_playbook(DEFAULT_PLAYBOOK).modules]
TEXTS = {
    kind: (DEFAULT_KNOWLEDGE / name).read_text(encoding="utf-8") for kind, name in FILES.items()
}
MAIN_INDUSTRIES = {
    "machinery", "electronics", "food", "chemicals", "textile", "pharma", "automotive",
    "retail", "building", "logistics",
}


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """The line (from 1) of the *occurrence*-th line holding *fragment*."""
    found = [n for n, line in enumerate(text.splitlines(), 1) if fragment in line]
    return found[occurrence - 1]


def company(tmp_path: Path, kind: str, text: str) -> Path:
    """A company folder holding *text* as the file of *kind* (the other
    files come from the shipped sample)."""
    folder = tmp_path / "knowledge"
    folder.mkdir(exist_ok=True)
    (folder / FILES[kind]).write_text(text, encoding="utf-8")
    return folder


def refused(tmp_path: Path, kind: str, text: str) -> list[KnowledgeProblem]:
    folder = company(tmp_path, kind, text)
    with pytest.raises(KnowledgeError) as caught:
        read_knowledge(folder)
    problems = caught.value.problems
    assert str(caught.value).splitlines() == [
        f"{p.source}:{p.line}: {p.message()}" for p in problems
    ]
    # a module renamed is also a problem of the industries naming it
    source = str(folder.resolve() / FILES[kind])
    return [p for p in problems if p.source == source]


def edit(kind: str, old: str, new: str) -> str:
    assert old in TEXTS[kind], old
    return TEXTS[kind].replace(old, new, 1)


# --- the shipped sample ----------------------------------------------------------------


def test_shipped_base_covers_every_module_of_the_playbook() -> None:
    base = shipped_knowledge()
    assert [m.code for m in base.modules] == MODULE_CODES
    for module in base.modules:
        assert module.name and module.name_en and len(module.architecture) > 60, module.code
        assert len(module.processes) >= 3 and len(module.functions) >= 5, module.code
        assert module.target_customers and len(module.advantages) >= 3, module.code
        assert len(module.fab) >= 2 and module.demos, module.code
        for demo in module.demos:
            assert demo.module == module.code and len(demo.steps) >= 3
            assert 5 <= demo.duration_minutes <= 480 and demo.data_to_prepare
            assert base.demo(demo.code) is demo
    assert base.module("finance").name == "财务管理"
    assert base.version


def test_shipped_base_covers_the_main_industries_and_competitors() -> None:
    base = shipped_knowledge()
    codes = {i.code for i in base.industries}
    assert MAIN_INDUSTRIES <= codes <= {member.value for member in IndustryCode}
    for industry in base.industries:
        assert len(industry.needs) >= 4 and len(industry.trends) >= 3
        assert industry.vendors_domestic and industry.vendors_foreign
        assert set(industry.modules) <= set(MODULE_CODES)
    assert any("用友" in v for v in base.industry("machinery").vendors_domestic)
    assert any("SAP" in v for v in base.industry("machinery").vendors_foreign)
    names = {c.name for c in base.competitors}
    assert {"用友", "金蝶", "SAP", "鼎捷", "浪潮"} <= names
    assert {"oracle", "microsoft"} <= {c.code for c in base.competitors}
    for competitor in base.competitors:
        assert competitor.strengths and competitor.weaknesses and competitor.how_to_compete


def test_unknown_entries_are_refused_by_name() -> None:
    base = shipped_knowledge()
    with pytest.raises(UnknownEntry, match='no module "treasury"'):
        base.module("treasury")
    with pytest.raises(UnknownEntry):
        base.demo("finance.nothing")
    with pytest.raises(UnknownEntry):
        base.competitor("yonyou_cloud")


# --- where it comes from ---------------------------------------------------------------------


def test_a_company_folder_replaces_the_files_it_has(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = edit("competitors", 'name = "用友"', 'name = "用友网络"')
    folder = company(tmp_path, "competitors", text)
    monkeypatch.setenv(KNOWLEDGE_ENV, str(folder))
    assert knowledge_folder() == folder
    base = read_knowledge()
    assert base.competitor("yonyou").name == "用友网络"
    assert base.modules == shipped_knowledge().modules  # not in the folder: the sample's
    assert read_knowledge() is base  # read once
    (folder / FILES["competitors"]).write_text(TEXTS["competitors"], encoding="utf-8")
    assert read_knowledge() is base
    forget_read()
    assert read_knowledge().competitor("yonyou").name == "用友"
    monkeypatch.delenv(KNOWLEDGE_ENV)
    assert knowledge_folder() == DEFAULT_KNOWLEDGE


def test_a_file_that_is_not_utf8_is_refused_with_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "k"
    folder.mkdir()
    (folder / "industries.toml").write_bytes(b'version = "1"\n\n# caf\xe9\n')
    with pytest.raises(KnowledgeError) as caught:
        read_knowledge(folder)
    (problem,) = caught.value.problems
    assert (problem.code, problem.line) == ("not_utf8", 3)


# --- refusals, each with its line ------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "old", "new", "fragment", "code"),
    [
        ("modules", 'name_en = "Finance"', 'name_en = "Finance', 'name_en = "Finance', "syntax"),
        ("modules", 'name_en = "Finance"', 'name_eng = "Finance"', 'name_eng = "Finance"',
         "unknown_key"),
        ("modules", 'name = "库存管理"', 'name = "  "', 'name = "  "', "empty"),
        ("modules", 'code = "asset"', 'code = "assets"', 'code = "assets"', "unknown_value"),
        ("modules", 'code = "hr"', 'code = "HR"', 'code = "HR"', "bad_code"),
        ("modules", "duration_minutes = 40", 'duration_minutes = "40"',
         'duration_minutes = "40"', "not_integer"),
        ("modules", "duration_minutes = 40", "duration_minutes = 600",
         "duration_minutes = 600", "duration_range"),
        ("modules", 'code = "finance.expense"', 'code = "hr.expense"', 'code = "hr.expense"',
         "demo_prefix"),
        ("modules", 'code = "finance.expense"', 'code = "finance-expense"',
         'code = "finance-expense"', "bad_code"),
        ("modules", 'data_to_prepare = ["十台设备', 'data_to_prepare = "十台设备',
         'data_to_prepare = "十台设备', "syntax"),
        ("modules", 'advantages = [\n    "业务单据实时',
         'advantages = [\n    3,\n    "业务单据实时', "    3,", "not_text"),
        ("industries", 'code = "textile"', 'code = "textiles"', 'code = "textiles"',
         "unknown_value"),
        ("industries", 'modules = ["production", "supply_chain", "procurement"',
         'modules = ["production", "scm", "procurement"',
         'modules = ["production", "scm"', "unknown_module"),
        ("industries", "trends = [\n    \"从卖设备", "trends = []\ntrendz = [\n    \"从卖设备",
         "trends = []", "empty"),
        ("competitors", 'overview = "国内规模最大', 'overview = "国内规模\n最大',
         'overview = "国内规模', "syntax"),
        ("competitors", 'strengths = [\n    "全球化能力强', 'strengths = "全球化能力强", [',
         'strengths = "全球化能力强"', "syntax"),
        ("competitors", 'name_en = "Inspur"\n', "", "[[competitors]]", "missing_key"),
    ],
)
def test_refused_with_line(
    tmp_path: Path, kind: str, old: str, new: str, fragment: str, code: str
) -> None:
    text = edit(kind, old, new)
    problems = refused(tmp_path, kind, text)
    assert code in [p.code for p in problems], problems
    problem = next(p for p in problems if p.code == code)
    occurrence = text[: TEXTS[kind].index(old) + len(new)].count(fragment)
    assert problem.line == line_of(text, fragment, max(occurrence, 1)), problem.render()


def test_a_missing_key_names_the_entry_it_is_missing_from(tmp_path: Path) -> None:
    text = edit("competitors", 'name_en = "Inspur"\n', "")
    (problem,) = refused(tmp_path, "competitors", text)
    assert problem.line == line_of(text, 'code = "inspur"') - 1  # its [[competitors]]
    assert problem.message() == '"name_en" is missing in competitors[6]'


def test_duplicate_codes_name_the_first_line(tmp_path: Path) -> None:
    text = edit("modules", 'code = "supply_chain.control_tower"',
                'code = "supply_chain.plan_to_deliver"')
    (problem,) = refused(tmp_path, "modules", text)
    first = line_of(text, 'code = "supply_chain.plan_to_deliver"')
    assert problem.line == line_of(text, 'code = "supply_chain.plan_to_deliver"', 2)
    assert problem.message() == (
        f'The code "supply_chain.plan_to_deliver" is used twice in demos (first on line {first})'
    )


def test_every_problem_of_every_file_is_listed_in_file_order(tmp_path: Path) -> None:
    modules = (
        TEXTS["modules"]
        .replace('name_en = "Business intelligence"', 'name_en = ""')
        .replace("duration_minutes = 20", "duration_minutes = 2")
    )
    folder = company(tmp_path, "modules", modules)
    company(tmp_path, "competitors", edit("competitors", 'code = "kingdee"', 'code = "yonyou"'))
    with pytest.raises(KnowledgeError) as caught:
        read_knowledge(folder)
    problems = caught.value.problems
    assert [(Path(p.source).name, p.code) for p in problems] == [
        ("modules.toml", "duration_range"),
        ("modules.toml", "empty"),
        ("competitors.toml", "duplicate_code"),
    ]
    assert problems[1].path == ("modules", 10, "name_en")
    assert problems[0].line is not None and problems[1].line is not None
    assert problems[0].line < problems[1].line


def test_the_modules_are_checked_against_the_playbook_in_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    playbook = tmp_path / "playbook.toml"
    shutil.copy(DEFAULT_PLAYBOOK, playbook)
    text = playbook.read_text(encoding="utf-8")
    playbook.write_text(
        text.replace('{ code = "bi", zh = "商业智能分析", en = "Business intelligence" },\n', ""),
        encoding="utf-8",
    )
    monkeypatch.setenv("ERPDESK_PLAYBOOK", str(playbook))
    folder = tmp_path / "empty"
    folder.mkdir()
    with pytest.raises(KnowledgeError) as caught:
        read_knowledge(folder)
    codes = [(p.code, p.params.get("value")) for p in caught.value.problems]
    # the module, not the industries naming it: they name a module there is
    assert codes == [("unknown_value", "bi")]


# --- the stored form -------------------------------------------------------------------------


def test_every_entry_reads_back_equal_from_its_stored_form() -> None:
    base = shipped_knowledge()
    kinds = {"module": "modules", "industry": "industries", "competitor": "competitors"}
    for entry in base.entries():
        data = entry_to_data(entry)
        assert parse_entry(kinds[entry.KIND], data, modules=MODULE_CODES) == entry


def test_a_bad_stored_entry_is_refused_with_its_key_path() -> None:
    data = entry_to_data(shipped_knowledge().module("finance"))
    data["demos"][1]["duration_minutes"] = 0
    data["fab"][0]["benefit"] = ""
    data["colour"] = "blue"
    with pytest.raises(KnowledgeError) as caught:
        parse_entry("modules", data, modules=MODULE_CODES)
    assert {(p.code, p.path) for p in caught.value.problems} == {
        ("unknown_key", ("colour",)),
        ("empty", ("fab", 0, "benefit")),
        ("duration_range", ("demos", 1, "duration_minutes")),
    }
    assert all(p.line is None and p.render() == p.message() for p in caught.value.problems)
    fine = entry_to_data(shipped_knowledge().module("finance"))
    assert isinstance(parse_entry("modules", fine), Module)
