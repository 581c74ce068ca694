"""The PDFs' own labels in the reader's language, without Qt.

The texts are English in the code, marked with ``QT_TRANSLATE_NOOP`` in the
context ``Documents`` (``resources/translations/documents_*.ts``); the
domain's labels (move kinds, deal status) come from ``domain_*.ts``.  PDFs
are made by the desk, the command line and (later) a server, so they read
the translations from the .ts files with the standard library, as the
registry does; a caller may pass its own ``translate(context, text)``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
AREAS = ("documents", "domain")
CONTEXT = "Documents"

Translate = Callable[[str, str], str]


def untranslated(context: str, text: str) -> str:
    """English, the texts' own language."""
    del context
    return text


class Catalogue:
    """``catalogue(context, text)``: the finished translations of one language."""

    def __init__(self, language: str, directory: Path = TRANSLATIONS) -> None:
        self.language = language
        self.texts: dict[tuple[str, str], str] = {}
        for area in AREAS:
            path = directory / f"{area}_{language}.ts"
            if not path.exists():
                continue
            for context in ET.parse(path).getroot().iter("context"):
                name = context.findtext("name") or ""
                for message in context.iter("message"):
                    translation = message.find("translation")
                    if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                        continue
                    if translation.text:
                        self.texts[(name, message.findtext("source") or "")] = translation.text

    def __call__(self, context: str, text: str) -> str:
        return self.texts.get((context, text), text)


@lru_cache(maxsize=4)
def translator(language: str) -> Translate:
    """The translations of *language* (read once per process); English is
    the texts' own language, any other zh is zh_CN."""
    if not language.lower().startswith("zh"):
        return untranslated
    return Catalogue("zh_CN")
