"""Every text the code marks for translation has a zh_CN translation, and the
compiled .qm files are current (scripts/translations.py check)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from erpdesk.i18n import Translator

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "translations.py"


def load_script():
    spec = importlib.util.spec_from_file_location("translations_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_translations_are_complete_and_compiled():
    assert load_script().problems() == []


def test_domain_texts_translate_to_chinese():
    translate = Translator("zh_CN")
    assert translate("Domain", "Referral") == "老客户介绍"
    assert translate("Domain", "The check character should be {expected}, not {found}").startswith(
        "校验码"
    )
    assert Translator("en")("Domain", "Referral") == "Referral"


def test_every_translation_keeps_the_placeholders_of_its_text():
    # "{owner}" translated as "{所有者}" would leave a message unfilled. A
    # text whose params carry a name in both languages ({field} and
    # {field_zh}: a playbook's names are content, not catalogue texts) may
    # use the Chinese one in its Chinese translation.
    import string

    def fields(text: str) -> set[str]:
        try:
            return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}
        except ValueError:  # a text with a lone brace is no template
            return set()

    script = load_script()
    wrong = [
        (ts.name, context, source, translated)
        for _area, ts in script.ts_files()
        for (context, source), translated in script.messages(ts).items()
        if translated is not None
        and fields(source) != {name.removesuffix("_zh") for name in fields(translated)}
    ]
    assert wrong == []


def test_every_file_that_marks_texts_belongs_to_an_area():
    # A module whose texts no area's lupdate reads is never translated:
    # its messages would reach a Chinese user in English.
    import re

    script = load_script()
    root = script.ROOT
    covered = [(root / path).resolve() for paths in script.AREAS.values() for path in paths]
    marker = re.compile(r"QT_TRANSLATE_NOOP\(|\.tr\(|QCoreApplication\.translate\(")
    lost = [
        str(path.relative_to(root))
        for path in sorted((root / "erpdesk").rglob("*.py"))
        if marker.search(path.read_text(encoding="utf-8"))
        and path.name != "i18n.py"
        and not any(path == c or c in path.parents for c in covered)
    ]
    assert lost == []


def test_no_literal_text_is_translated_under_a_variable_context():
    # lupdate reads QCoreApplication.translate("Context", "text") only with a
    # literal context: translate(CONTEXT, "text") never reaches the .ts files.
    import re

    root = load_script().ROOT
    pattern = re.compile(r"translate\(\s*[A-Za-z_][A-Za-z_0-9.]*\s*,\s*[\"']")
    found = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted((root / "erpdesk").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []
