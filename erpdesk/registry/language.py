"""The language of the registry's messages: English unless a request asks
for Chinese (``Accept-Language: zh-CN``); on the command line the desk's
(``ERPDESK_LANG``, else the system locale's).

The ``code`` of every error is stable and the desk translates it itself;
the ``message`` is for a person reading the answer (an administrator's
script, the command line).  The texts are the project's Qt translation
files (``resources/translations/registry_*.ts`` and ``domain_*.ts``), read
here with the standard library: the registry is a server and never imports
Qt.
"""

from __future__ import annotations

import os
from functools import lru_cache

from erpdesk.ts_catalogue import Catalogue, Translate

AREAS = ("registry", "domain")  # the registry's own texts, the domain's problems
LANGUAGES = ("zh_CN", "en")



def language_of(accept_language: str) -> str:
    """``zh_CN`` or ``en`` from an ``Accept-Language`` header: the supported
    language with the highest weight; English when none is named."""
    best, best_q = "en", -1.0
    for part in accept_language.split(",")[:20]:
        tag, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        tag = tag.strip().lower()
        language = "zh_CN" if tag.startswith("zh") else "en" if tag.startswith("en") else ""
        if language and q > best_q:
            best, best_q = language, q
    return best


def command_line_language() -> str:
    """As the desk decides (``erpdesk.i18n.system_language``): ``ERPDESK_LANG``
    if set, else zh_CN unless the locale names another language."""
    chosen = os.environ.get("ERPDESK_LANG", "")
    if chosen in LANGUAGES:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "zh_CN" if value.startswith(("zh", "C", "POSIX")) else "en"
    return "zh_CN"


@lru_cache(maxsize=len(LANGUAGES))
def translator(language: str) -> Translate | None:
    """The translations of *language*, read once per process; ``None`` for
    English, the texts' own language."""
    if language == "en" or language not in LANGUAGES:
        return None
    return Catalogue(language, AREAS)
