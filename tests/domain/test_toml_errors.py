"""The TOML reader's English messages become translatable texts: a Chinese
message about a bad playbook, catalogue or knowledge file holds no English;
the line of an error "at end of document" is the text's last line."""

from __future__ import annotations

import tomllib

import pytest

from erpdesk.domain.errors import Localized, render_text
from erpdesk.domain.toml_errors import toml_detail, toml_error
from erpdesk.i18n import Translator


def reader_message(text: str) -> str:
    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads(text)
    return str(caught.value)


@pytest.mark.parametrize(
    ("text", "line", "english"),
    [
        ("a = b\n", 1, "a value is not valid (a text needs quotes)"),
        ("x = [1, 2\n", 1, "a list is not closed with “]”"),
        ("ok = 1\nkey\n", 2, "“=” is missing after a key"),
        ("a = 1\na = 2\n", 2, "a value is given twice"),
        ("[t]\n[t]\n", 2, "t is declared twice"),
    ],
)
def test_reader_messages_are_placed_and_translatable(text, line, english):
    found, detail = toml_error(reader_message(text), text)
    assert found == line
    assert isinstance(detail, Localized) and str(detail) == english


def test_a_chinese_message_holds_no_english_detail(qapp):
    _line, detail = toml_error(reader_message("x = [1, 2\n"), "x = [1, 2\n")
    zh = Translator("zh_CN")
    shown = render_text("Domain", "The file is not valid TOML: {detail}", {"detail": detail}, zh)
    assert shown == "文件不是有效的 TOML：列表没有以“]”结束"


def test_an_unknown_message_is_kept_as_it_is():
    assert toml_detail("Something new in a later Python") == "Something new in a later Python"
