"""The presales content in use on a real desk database: the files'
knowledge base and questionnaires overlaid with the desk's edits; an edit
read back through the checks, removals, resets, refusals that save
nothing, and exports that read back equal to what is in use."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from erpdesk.app import open_desk
from erpdesk.domain.errors import ValidationError
from erpdesk.domain.knowledge import UnknownEntry, entry_to_data
from erpdesk.domain.questionnaire import parse_questionnaires
from erpdesk.knowledge import forget_read, read_knowledge
from erpdesk.questionnaires import questionnaire_to_data
from erpdesk.services.events import Change
from erpdesk.services.presales_content import CONTENT_ENTITY, PresalesContentService

NOW = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)


@pytest.fixture
def desk(tmp_path):
    opened = open_desk(tmp_path / "desk.db", owner="zhao.pre")
    yield opened
    opened.close()


@pytest.fixture
def content(desk) -> PresalesContentService:
    service = desk.presales_content
    service._clock = lambda: NOW
    return service


@pytest.fixture
def changes(desk) -> list[Change]:
    seen: list[Change] = []
    desk.feed.subscribe(seen.append)
    return seen


def rows(desk) -> int:
    return desk.db.reader.execute("SELECT count(*) FROM presales_content").fetchone()[0]


def test_edit_a_shipped_module_and_read_it_back_through_the_base(content, desk, changes):
    data = content.entry_data("module", "finance")
    data["architecture"] = "以总账为核心的财务中台，业财一体化。"
    data["demos"][0]["steps"].append("展示移动端审批")
    content.save_entry("module", data)

    finance = content.knowledge().module("finance")
    assert finance.architecture == "以总账为核心的财务中台，业财一体化。"
    assert finance.demos[0].steps[-1] == "展示移动端审批"
    # in place: the files' order is kept
    assert [m.code for m in content.knowledge().modules] == [
        m.code for m in content.file_knowledge().modules]
    origin = content.origin("module", "finance")
    assert origin.origin == "edited" and origin.updated_by == "zhao.pre"
    assert origin.updated_at.startswith("2026-12-06T08:00")
    assert content.origin("module", "production").origin == "file"
    assert changes[-1] == Change(CONTENT_ENTITY, ("module:finance",))
    # a second service on the same file reads the stored row (not a cache)
    again = PresalesContentService(content.store, desk.feed)
    assert again.knowledge().module("finance").architecture.startswith("以总账为核心")


def test_a_refused_entry_saves_nothing_and_names_every_problem_by_key_path(content, desk):
    before = content.knowledge()
    data = content.entry_data("module", "finance")
    data["name"] = "  "
    data["processes"] = []
    data["demos"][1]["duration_minutes"] = 1000
    data["demos"][1]["code"] = "sales.month_end"
    with pytest.raises(ValidationError) as refused:
        content.save_entry("module", data)
    fields = {p.field for p in refused.value.problems}
    assert {"name", "processes", "demos.1.duration_minutes", "demos.1.code"} <= fields
    assert rows(desk) == 0
    assert content.knowledge() is before


def test_a_new_module_must_be_a_playbook_module_not_yet_present(content, desk):
    data = content.entry_data("module", "finance")
    with pytest.raises(ValidationError) as taken:
        content.save_entry("module", data, new=True)
    assert [p.code for p in taken.value.problems] == ["code.taken"]
    with pytest.raises(ValidationError) as unknown:
        content.save_entry("module", {**data, "code": "blockchain"}, new=True)
    assert ("code", "unknown_value") in [(p.field, p.code) for p in unknown.value.problems]
    assert rows(desk) == 0
    assert content.addable_modules() == []  # the sample has every playbook module


def test_remove_a_shipped_entry_then_reset_it(content, desk):
    shipped = content.knowledge().competitor("sap")
    content.remove_entry("competitor", "sap")
    with pytest.raises(UnknownEntry):
        content.knowledge().competitor("sap")
    assert [r.code for r in content.removed_entries()] == ["sap"]
    content.reset_entry("competitor", "sap")
    assert content.knowledge().competitor("sap") == shipped
    assert rows(desk) == 0


def test_a_desk_added_competitor_is_appended_and_deleted_on_removal(content, desk):
    data = entry_to_data(content.knowledge().competitor("sap"))
    data.update(code="odoo", name="Odoo", name_en="Odoo", overview="开源ERP，按模块订阅。")
    content.save_entry("competitor", data, new=True)
    assert content.knowledge().competitors[-1].code == "odoo"
    assert content.origin("competitor", "odoo").origin == "added"
    with pytest.raises(ValidationError):
        content.reset_entry("competitor", "odoo")
    content.remove_entry("competitor", "odoo")
    assert rows(desk) == 0
    assert "odoo" not in {c.code for c in content.knowledge().competitors}


def test_a_module_named_by_industries_is_not_removed(content, desk):
    named = next(i for i in content.knowledge().industries if i.modules)
    with pytest.raises(ValidationError) as refused:
        content.remove_entry("module", named.modules[0])
    assert refused.value.problems[0].code == "module.named"
    assert rows(desk) == 0


def test_an_industry_may_only_name_modules_of_the_base(content):
    data = content.entry_data("industry", "machinery")
    data["modules"] = ["finance", "quantum"]
    with pytest.raises(ValidationError) as refused:
        content.save_entry("industry", data)
    assert [p.field for p in refused.value.problems] == ["modules.1"]


def test_export_reads_back_equal_to_the_base_in_use(content, tmp_path):
    data = content.entry_data("competitor", "kingdee")
    data["strengths"] = [*data["strengths"], "云原生产品线完整"]
    content.save_entry("competitor", data)
    content.remove_entry("competitor", "sap")
    folder = tmp_path / "export"
    written = content.export_knowledge(folder)
    assert sorted(p.name for p in written) == [
        "competitors.toml", "industries.toml", "modules.toml"]
    forget_read()
    assert read_knowledge(folder) == content.knowledge()


def test_questionnaires_edit_refusal_remove_reset_and_export(content, desk, tmp_path):
    finance = content.questionnaires().for_module("finance")
    assert finance is not None
    data = questionnaire_to_data(finance)
    data["questions"].append({"code": "cash_pool", "zh": "是否需要资金池？",
                              "en": "Do you need cash pooling?", "kind": "yes_no"})
    content.save_questionnaire(data)
    assert content.questionnaires().modules["finance"].questions[-1].code == "cash_pool"

    bad = questionnaire_to_data(finance)
    bad["questions"][0]["kind"] = "choice"  # a choice question without choices
    with pytest.raises(ValidationError) as refused:
        content.save_questionnaire(bad)
    assert refused.value.problems[0].field == "questions.0"
    assert content.questionnaires().modules["finance"].questions[-1].code == "cash_pool"

    path = content.export_questionnaires(tmp_path / "q.toml")
    assert parse_questionnaires(path.read_text(encoding="utf-8")) == content.questionnaires()

    content.remove_questionnaire("finance")
    assert "finance" not in content.questionnaires().modules
    content.reset_questionnaire("finance")
    assert content.questionnaires().modules["finance"] == finance
    assert rows(desk) == 0
