"""The PDFs' own labels in the reader's language, without Qt.

The texts are English in the code, marked with ``QT_TRANSLATE_NOOP`` in the
context ``Documents`` (``resources/translations/documents_*.ts``); the
domain's labels (move kinds, deal status) come from ``domain_*.ts``.  PDFs
are made by the desk, the command line and (later) a server, so they read
the translations from the .ts files with the standard library, as the
registry does; a caller may pass its own ``translate(context, text)``.
"""

from __future__ import annotations

from functools import lru_cache

from erpdesk.ts_catalogue import Catalogue, Translate

AREAS = ("documents", "domain")
CONTEXT = "Documents"



def untranslated(context: str, text: str) -> str:
    """English, the texts' own language."""
    del context
    return text


@lru_cache(maxsize=4)
def translator(language: str) -> Translate:
    """The translations of *language* (read once per process); English is
    the texts' own language, any other zh is zh_CN."""
    if not language.lower().startswith("zh"):
        return untranslated
    return Catalogue("zh_CN", AREAS)
