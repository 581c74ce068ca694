"""Where the survey questionnaires come from: the ones shipped in
``resources/presales/questionnaires.toml``, or a company's own named by
``$ERPDESK_QUESTIONNAIRES``.  Reading files lives here, outside the domain;
the schema check is ``erpdesk.domain.questionnaire.parse_questionnaires``.

Read once per file and modification time, like the playbook.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path

from erpdesk.domain.playbook import PlaybookError
from erpdesk.domain.playbook_schema import decode
from erpdesk.domain.questionnaire import (
    CANNOT_READ,
    QuestionnaireError,
    Questionnaires,
    parse_questionnaires,
)

DEFAULT_QUESTIONNAIRES = (
    Path(__file__).resolve().parents[1] / "resources" / "presales" / "questionnaires.toml"
)
ENVIRONMENT = "ERPDESK_QUESTIONNAIRES"

_cache: dict[tuple[Path, tuple[str, ...] | None], tuple[int, int, Questionnaires]] = {}


def questionnaires_path() -> Path:
    """``$ERPDESK_QUESTIONNAIRES`` if set, else the shipped questionnaires."""
    named = os.environ.get(ENVIRONMENT, "").strip()
    return Path(named).expanduser() if named else DEFAULT_QUESTIONNAIRES


def read_questionnaires(
    path: Path | None = None, *, modules: Collection[str] | None = None
) -> Questionnaires:
    """The checked questionnaires in *path* (default: ``questionnaires_path()``),
    each module one of *modules* (the playbook's module codes) when given;
    ``QuestionnaireError`` names the file, the line and the problem."""
    given = path or questionnaires_path()
    source = str(given)
    path = given.resolve()
    key = (path, None if modules is None else tuple(modules))
    try:
        stat = path.stat()
        cached = _cache.get(key)
        if cached and cached[:2] == (stat.st_mtime_ns, stat.st_size):
            return cached[2]
        raw = path.read_bytes()
    except OSError as exc:
        raise QuestionnaireError(
            source, None, CANNOT_READ, "cannot_read", detail=exc.strerror or str(exc)
        ) from None
    try:
        text = decode(raw, source)
    except PlaybookError as exc:
        raise QuestionnaireError(source, exc.line, exc.problem_text, exc.code) from None
    questionnaires = parse_questionnaires(text, source, modules=modules)
    _cache[key] = (stat.st_mtime_ns, stat.st_size, questionnaires)
    return questionnaires
