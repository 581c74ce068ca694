"""Translations: Qt ``.qm`` files from ``resources/translations``, used by
the window (installed in the application) and by the command line (through
``Translator``), so every user-facing text has one source.

zh_CN is the first language; English is the source language of the texts.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")


def system_language() -> str:
    """``$ERPDESK_LANG`` if set, else zh_CN unless the system's locale is
    another language (English then)."""
    env = os.environ.get("ERPDESK_LANG", "")
    if env in LANGUAGES:
        return env
    name = QLocale.system().name()
    return "zh_CN" if name.startswith("zh") or name in ("C", "") else "en"


def resolve_language(choice: str | None) -> str:
    """A setting ("system", "zh_CN", "en" or None) as a concrete language."""
    return choice if choice in LANGUAGES else system_language()


class Translator:
    """``translate(context, text)`` over the language's .qm files."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.translators: list[QTranslator] = []
        if language == "en":
            return  # the source language
        for qm in sorted(TRANSLATIONS.glob(f"*_{language}.qm")):
            translator = QTranslator()
            if translator.load(str(qm)):
                self.translators.append(translator)
        qt_translator = QTranslator()
        from PySide6.QtCore import QLibraryInfo

        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_translator.load(f"qtbase_{language}", qt_dir):
            self.translators.append(qt_translator)

    def __call__(self, context: str, text: str) -> str:
        for translator in self.translators:
            found = translator.translate(context, text)
            if found:
                return found
        return text

    def install(self, app: QCoreApplication) -> None:
        for translator in self.translators:
            app.installTranslator(translator)

    def uninstall(self, app: QCoreApplication) -> None:
        for translator in self.translators:
            app.removeTranslator(translator)
