"""The TOML reader's messages in the user's language.

``tomllib`` says what is wrong in English ("Expected '=' after a key in a
key/value pair"); a Chinese message about a playbook, catalogue, knowledge
base or questionnaire file would hold that English.  Its messages are a
short fixed list, so each is marked here for translation and handed on as a
``Localized`` parameter; a message not in the list is kept as it is.
"""

from __future__ import annotations

import ast
import re

from erpdesk.domain.errors import Localized
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP

# (the reader's message as a pattern, the text to show); {name} from the pattern
_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), text)
    for pattern, text in (
        (r"^Cannot overwrite a value$",
         QT_TRANSLATE_NOOP("Domain", "a value is given twice")),
        (r"^Escaped character is not a Unicode scalar value$",
         QT_TRANSLATE_NOOP("Domain", "an escaped character is not a valid character")),
        (r"^Expected '=' after a key in a key/value pair$",
         QT_TRANSLATE_NOOP("Domain", "“=” is missing after a key")),
        (r"^Expected '\]' at the end of a table declaration$",
         QT_TRANSLATE_NOOP("Domain", "“]” is missing at the end of a table's name")),
        (r"^Expected '\]\]' at the end of an array declaration$",
         QT_TRANSLATE_NOOP("Domain", "“]]” is missing at the end of an array's name")),
        (r"^Expected newline or end of document after a statement$",
         QT_TRANSLATE_NOOP("Domain", "something follows a statement on the same line")),
        (r"^Invalid date or datetime$",
         QT_TRANSLATE_NOOP("Domain", "a date or time is not valid")),
        (r"^Invalid hex value$",
         QT_TRANSLATE_NOOP("Domain", "a hexadecimal value is not valid")),
        (r"^Invalid initial character for a key part$",
         QT_TRANSLATE_NOOP("Domain", "a key starts with a character keys cannot start with")),
        (r"^Invalid statement$",
         QT_TRANSLATE_NOOP("Domain", "the line is not a key, a value or a table")),
        (r"^Invalid value$",
         QT_TRANSLATE_NOOP("Domain", "a value is not valid (a text needs quotes)")),
        (r"^Unclosed array$",
         QT_TRANSLATE_NOOP("Domain", "a list is not closed with “]”")),
        (r"^Unclosed inline table$",
         QT_TRANSLATE_NOOP("Domain", "an inline table is not closed with “}}”")),
        (r"^Unescaped '\\\\' in a string$",
         QT_TRANSLATE_NOOP("Domain", "a backslash in a text is not escaped")),
        (r"^Unterminated string$",
         QT_TRANSLATE_NOOP("Domain", "a text is not closed with its quote")),
        (r"^Cannot declare (?P<name>.+) twice$",
         QT_TRANSLATE_NOOP("Domain", "{name} is declared twice")),
        (r"^Cannot mutate immutable namespace (?P<name>.+)$",
         QT_TRANSLATE_NOOP("Domain", "{name} cannot be changed here")),
        (r"^Cannot redefine namespace (?P<name>.+)$",
         QT_TRANSLATE_NOOP("Domain", "{name} is defined again")),
        (r"^Duplicate inline table key (?P<name>.+)$",
         QT_TRANSLATE_NOOP("Domain", "the key {name} is given twice")),
        (r"^Expected (?P<name>.+)$",
         QT_TRANSLATE_NOOP("Domain", "{name} is expected here")),
        (r"^Found invalid character (?P<name>.+)$",
         QT_TRANSLATE_NOOP("Domain", "the character {name} is not allowed here")),
        (r"^Illegal character (?P<name>.+)$",
         QT_TRANSLATE_NOOP("Domain", "the character {name} is not allowed here")),
    )
)  # fmt: skip


_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)\s*$")
_AT_END = re.compile(r"\s*\(at end of document\)\s*$")


def toml_error(message: str, text: str) -> tuple[int | None, Localized | str]:
    """The line (None when unknown) and the translatable detail of the TOML
    reader's error *message* about *text*; "at end of document" (an
    unclosed list or text) is the text's last line."""
    found = _AT_LINE.search(message)
    if found:
        return int(found.group(1)), toml_detail(_AT_LINE.sub("", message))
    if _AT_END.search(message):
        last = text.count("\n") + (0 if text.endswith("\n") else 1)
        return last, toml_detail(_AT_END.sub("", message))
    return None, toml_detail(message)


def toml_detail(message: str) -> Localized | str:
    """The TOML reader's *message* (its line and column already cut off) as
    a translatable text; an unknown message as it is."""
    text = message.strip()
    for pattern, shown in _MESSAGES:
        found = pattern.match(text)
        if found:
            return Localized(shown, {k: _key(v) for k, v in found.groupdict().items()})
    return text


def _key(text: str) -> str:
    """A key as the reader names it — "('sales', 'stages')" — written as in
    the file: sales.stages."""
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text
    if isinstance(value, tuple) and all(isinstance(part, str) for part in value):
        return ".".join(value)
    return text  # a character as the reader quotes it: '\n' stays visible
