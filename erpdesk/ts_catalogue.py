"""Translations read from the project's Qt ``.ts`` files without Qt.

The registry (a server that never imports Qt) and the PDFs (made by the
desk, the command line and, later, a server) translate their texts with the
same catalogues the desk compiles for Qt: this reads the finished
translations of a few areas (``resources/translations/<area>_<language>.ts``)
with the standard library.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"

Translate = Callable[[str, str], str]


class Catalogue:
    """``catalogue(context, text)``: the finished translations of one
    language in the given areas; a text without one is returned as it is."""

    def __init__(
        self, language: str, areas: Iterable[str], directory: Path = TRANSLATIONS
    ) -> None:
        self.language = language
        self.texts: dict[tuple[str, str], str] = {}
        for area in areas:
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
