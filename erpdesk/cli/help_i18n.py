"""argparse in the user's language: help, usage and errors of ``erpdesk``.

argparse writes its own texts ("usage: ", "options", "the following
arguments are required: %s" ...) through ``_()`` and ``ngettext()``, names it
looks up in its module when a text is needed.  ``LocalizedParser`` sets those
two names to the Cli translation context while it formats help or usage,
parses, or reports an error, and puts back the originals afterwards, so other
parsers in the process are left as they were.

The ``help=`` and ``description=`` texts of the commands are marked with
``QT_TRANSLATE_NOOP("Cli", ...)`` where they are defined and translated here,
when help is about to be shown (``localize``): a run that opens the window or
a command without an error never loads a translation for its parser.

argparse's texts use ``%(name)s`` placeholders; their marked sources below use
``{name}`` (and ``{0}`` for a lone ``%s``) so the Chinese translations get
full-width punctuation without breaking a placeholder.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Cli"
Translate = Callable[[str, str], str]

# argparse's own user-facing texts (Python 3.11), as marked {}-sources.
ARGPARSE_TEXTS = (
    QT_TRANSLATE_NOOP("Cli", "usage: "),
    QT_TRANSLATE_NOOP("Cli", "positional arguments"),
    QT_TRANSLATE_NOOP("Cli", "options"),
    QT_TRANSLATE_NOOP("Cli", "subcommands"),
    QT_TRANSLATE_NOOP("Cli", "show this help message and exit"),
    QT_TRANSLATE_NOOP("Cli", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("Cli", "{prog}: error: {message}\n"),
    QT_TRANSLATE_NOOP("Cli", "argument {argument_name}: {message}"),
    QT_TRANSLATE_NOOP("Cli", "the following arguments are required: {0}"),
    QT_TRANSLATE_NOOP("Cli", "one of the arguments {0} is required"),
    QT_TRANSLATE_NOOP("Cli", "unrecognized arguments: {0}"),
    QT_TRANSLATE_NOOP("Cli", "invalid choice: {value} (choose from {choices})"),
    QT_TRANSLATE_NOOP("Cli", "invalid {type} value: {value}"),
    QT_TRANSLATE_NOOP("Cli", "expected one argument"),
    QT_TRANSLATE_NOOP("Cli", "expected at most one argument"),
    QT_TRANSLATE_NOOP("Cli", "expected at least one argument"),
    QT_TRANSLATE_NOOP("Cli", "expected {0} argument"),
    QT_TRANSLATE_NOOP("Cli", "expected {0} arguments"),
    QT_TRANSLATE_NOOP("Cli", "not allowed with argument {0}"),
    QT_TRANSLATE_NOOP("Cli", "ignored explicit argument {0}"),
    QT_TRANSLATE_NOOP("Cli", "ambiguous option: {option} could match {matches}"),
    QT_TRANSLATE_NOOP("Cli", "unexpected option string: {0}"),
    QT_TRANSLATE_NOOP("Cli", "unknown parser {parser_name} (choices: {choices})"),
    QT_TRANSLATE_NOOP("Cli", "can't open '{filename}': {error}"),
)

_PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?([srd])")
_BRACES = re.compile(r"\{(\w+)\}")


def to_braces(text: str) -> tuple[str, dict[str, str]]:
    """argparse's %-format *text* as the marked {}-source, and each
    placeholder's %-spec by name (``{0}`` for an unnamed one)."""
    specs: dict[str, str] = {}

    def brace(match: re.Match[str]) -> str:
        name = match.group(1) or "0"
        specs[name] = f"%({name}){match.group(2)}" if match.group(1) else f"%{match.group(2)}"
        return "{" + name + "}"

    return _PLACEHOLDER.sub(brace, text), specs


def to_percent(text: str, specs: dict[str, str]) -> str:
    """A {}-translation back in argparse's %-format (other ``%`` doubled)."""
    escaped = text.replace("%", "%%")
    return _BRACES.sub(lambda m: specs.get(m.group(1), m.group(0)), escaped)


def argparse_text(translate: Translate, text: str) -> str:
    """argparse's *text* in the language of *translate* (itself when no
    translation fits its placeholders)."""
    source, specs = to_braces(text)
    translated = translate(CONTEXT, source)
    if translated == source or set(_BRACES.findall(translated)) - set(specs):
        return text
    return to_percent(translated, specs)


@contextmanager
def argparse_speaks(translate: Translate) -> Iterator[None]:
    """argparse's own texts in *translate*'s language inside the block."""
    names = vars(argparse)  # the module's globals, where argparse looks the names up
    saved = names["_"], names["ngettext"]

    def single(text: str) -> str:
        return argparse_text(translate, text)

    def plural(one: str, many: str, n: int) -> str:
        return argparse_text(translate, one if n == 1 else many)

    names["_"], names["ngettext"] = single, plural
    try:
        yield
    finally:
        names["_"], names["ngettext"] = saved


class _LazyTranslate:
    """The Cli translator of a language, loaded on first use: parsing good
    arguments never needs it (a window opens ~5 ms sooner)."""

    def __init__(self, language: str | None) -> None:
        self.choice = language
        self._translate: Translate | None = None

    def __call__(self, context: str, text: str) -> str:
        if self._translate is None:
            from erpdesk.i18n import Translator, resolve_language

            self._translate = Translator(resolve_language(self.choice))
        return self._translate(context, text)


def language_in(arguments: Sequence[str]) -> str | None:
    """The value of ``--lang`` in *arguments* (before parsing: help and
    errors of the parse itself are in that language), else None."""
    found: str | None = None
    for i, arg in enumerate(arguments):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(arguments):
            found = arguments[i + 1]
        elif arg.startswith("--lang="):
            found = arg.split("=", 1)[1]
    return found


def width(text: str) -> int:
    """Columns *text* takes in a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# Units of wrapping: a run of non-space ASCII-ish text with its spaces, or one
# wide character with the closing punctuation that must not start a line.
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_UNITS = re.compile(
    rf"[{_WIDE}][，。：；、！？）」』”’]*"  # a wide character, its closing punctuation
    rf"|[^\s{_WIDE}]+\s*"  # a word and its spaces
    r"|\s+"
)


def wrap(text: str, columns: int) -> list[str]:
    """*text* in lines of at most *columns* terminal columns, broken at
    spaces or between Chinese characters (textwrap counts characters and
    breaks only at spaces: Chinese help ran past the terminal's edge)."""
    lines: list[str] = []
    line = ""
    for unit in _UNITS.findall(" ".join(text.split())):
        if line and width(line + unit.rstrip()) > columns:
            lines.append(line.rstrip())
            line = unit.lstrip()
        else:
            line += unit
    if line.strip():
        lines.append(line.rstrip())
    return lines


class LocalizedFormatter(argparse.HelpFormatter):
    """Help wrapped by terminal columns; usage's continuation lines aligned
    under a prefix of wide characters ("用法：")."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))

    def _format_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any) -> str:
        text = super()._format_usage(usage, actions, groups, prefix)
        shown = prefix
        if shown is None:
            shown = argparse_text(LocalizedParser._translate, "usage: ")
        extra = width(shown) - len(shown)
        if extra <= 0:
            return text
        lines = text.split("\n")
        return "\n".join(
            [lines[0]] + [" " * extra + line if line.strip() else line for line in lines[1:]]
        )


class LocalizedParser(argparse.ArgumentParser):
    """An ArgumentParser whose help, usage and errors are in the language of
    ``speak(language)``; its sub-parsers are of the same class and share it."""

    _translate: Translate = staticmethod(lambda context, text: text)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", LocalizedFormatter)
        super().__init__(*args, **kwargs)

    def speak(self, language: str | None) -> None:
        """Use *language* ("zh_CN", "en" or None for the system's) for this
        parser and every one made after (sub-commands' parsers included)."""
        LocalizedParser._translate = _LazyTranslate(language)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> argparse.Namespace:
        with argparse_speaks(LocalizedParser._translate):  # "unrecognized arguments" too
            parsed: argparse.Namespace = super().parse_args(args, namespace)
        return parsed

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> tuple[argparse.Namespace, list[str]]:
        with argparse_speaks(LocalizedParser._translate):
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with argparse_speaks(LocalizedParser._translate):
            return super().format_usage()

    def format_help(self) -> str:
        localize(self, LocalizedParser._translate)
        with argparse_speaks(LocalizedParser._translate):
            text = super().format_help()
        for group in self._action_groups:  # argparse adds a half-width ":" to a title
            if group.title and width(group.title) > len(group.title):
                text = text.replace(f"\n{group.title}:\n", f"\n{group.title}：\n")
        return text

    def error(self, message: str) -> NoReturn:
        with argparse_speaks(LocalizedParser._translate):
            super().error(message)


def localize(parser: argparse.ArgumentParser, translate: Translate) -> None:
    """Put *parser*'s descriptions, group titles and help texts (its
    sub-parsers' too) in *translate*'s language; the English sources are
    kept on each object, so another language can follow."""
    parser.description = _translated(parser, "description", translate)
    for group in parser._action_groups:
        source = group.__dict__.setdefault("_i18n_title", group.title)
        group.title = argparse_text(translate, source) if source else source
    for action in parser._actions:
        if action.help is not argparse.SUPPRESS:
            action.help = _translated(action, "help", translate)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = _translated(choice, "help", translate)


class Composed(str):
    """A help text made of a marked *template* and values (names, numbers)
    that are not translated: ``composed(QT_TRANSLATE_NOOP("Cli", "1 to {max}"),
    max="1,000")``; it reads as the English text until it is localized."""

    template: str
    values: dict[str, str]

    def __new__(cls, template: str, **values: str) -> Composed:
        made = super().__new__(cls, template.format(**values))
        made.template, made.values = template, values
        return made


composed = Composed


def _translated(owner: Any, name: str, translate: Translate) -> Any:
    """*owner*'s attribute *name* translated from its kept English source;
    argparse's own help texts (``-h``) through ``argparse_text``."""
    source = owner.__dict__.setdefault(f"_i18n_{name}", getattr(owner, name))
    if not isinstance(source, str) or not source:
        return source
    if isinstance(source, Composed):
        try:
            return translate(CONTEXT, source.template).format(**source.values)
        except (KeyError, IndexError, ValueError):
            return str(source)
    if source in _ARGPARSE_HELP:
        return argparse_text(translate, source)
    return translate(CONTEXT, source)


_ARGPARSE_HELP = {"show this help message and exit", "show program's version number and exit"}
