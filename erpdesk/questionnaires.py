"""Where the survey questionnaires come from: the ones shipped in
``resources/presales/questionnaires.toml``, or a company's own named by
``$ERPDESK_QUESTIONNAIRES``.  Reading files lives here, outside the domain;
the schema check is ``erpdesk.domain.questionnaire.parse_questionnaires``.

Read once per file and modification time, like the playbook.

``questionnaire_to_data`` / ``parse_module_questionnaire`` turn one module's
questionnaire into plain data and back through the file's checks (a desk
stores its edits as such rows); ``questionnaires_text`` /
``write_questionnaires`` write a whole set as a file that reads back equal
(what a desk exports for ``$ERPDESK_QUESTIONNAIRES``).
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any, NoReturn

from erpdesk.domain.playbook import PlaybookError
from erpdesk.domain.playbook_schema import decode
from erpdesk.domain.questionnaire import (
    CANNOT_READ,
    ModuleQuestionnaire,
    Question,
    QuestionKind,
    QuestionnaireError,
    Questionnaires,
    _QuestionnaireReader,
    parse_questionnaires,
)
from erpdesk.domain.toml_lines import Path as KeyPath
from erpdesk.os_errors import explain

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
            source, None, CANNOT_READ, "cannot_read", detail=explain(exc)[0]
        ) from None
    try:
        text = decode(raw, source)
    except PlaybookError as exc:
        raise QuestionnaireError(source, exc.line, exc.problem_text, exc.code) from None
    questionnaires = parse_questionnaires(text, source, modules=modules)
    _cache[key] = (stat.st_mtime_ns, stat.st_size, questionnaires)
    return questionnaires


# --- one module's questionnaire as plain data, and whole files ---------------------


class QuestionnaireEntryError(QuestionnaireError):
    """A module's questionnaire (plain data) that the file's checks refuse;
    ``path`` is the key path of the problem in the data
    (``("questions", 2, "choices")``)."""

    path: KeyPath = ()


class _EntryReader(_QuestionnaireReader):
    """The file's reader on plain data: a problem names its key path."""

    def fail(self, path: KeyPath, problem: str, code: str, /, **params: Any) -> NoReturn:
        error = QuestionnaireEntryError(self.source, None, problem, code, **params)
        error.path = path[2:] if path[:1] == ("modules",) else path
        raise error


def question_to_data(question: Question) -> dict[str, Any]:
    """*question* as the file's table: code, zh, en, kind, and its choices
    and help only when it has them."""
    data: dict[str, Any] = {
        "code": question.code,
        "zh": question.names.zh,
        "en": question.names.en,
        "kind": question.kind.value,
    }
    if question.kind is QuestionKind.CHOICE:
        data["choices"] = [
            {"code": c.code, "zh": c.names.zh, "en": c.names.en} for c in question.choices
        ]
    if question.help is not None:
        data["help_zh"], data["help_en"] = question.help.zh, question.help.en
    return data


def questionnaire_to_data(questionnaire: ModuleQuestionnaire) -> dict[str, Any]:
    """A module's questionnaire as plain data (``{module, questions}``) that
    ``parse_module_questionnaire`` reads back equal."""
    return {
        "module": questionnaire.module,
        "questions": [question_to_data(q) for q in questionnaire.questions],
    }


def parse_module_questionnaire(
    data: Mapping[str, Any], *, modules: Collection[str] | None = None
) -> ModuleQuestionnaire:
    """One module's questionnaire from plain data, through the file's checks
    (its module one of *modules* when given); ``QuestionnaireEntryError``
    naming the key path of the first problem otherwise."""
    reader = _EntryReader("", "")
    return reader.module(dict(data), ("modules", 0), modules)


def questionnaires_text(questionnaires: Questionnaires) -> str:
    """*questionnaires* as the TOML text of a questionnaires file."""
    import tomli_w  # only an export needs it

    data = {
        "version": questionnaires.version,
        "modules": [questionnaire_to_data(q) for q in questionnaires.modules.values()],
    }
    header = (
        "# ERPDesk requirements-survey questionnaires (需求调研问卷), exported from a desk.\n"
        "# Name this file in ERPDESK_QUESTIONNAIRES; docs/presales.md describes it.\n\n"
    )
    return header + tomli_w.dumps(data)


def write_questionnaires(questionnaires: Questionnaires, path: Path | str) -> Path:
    """Write *questionnaires* to the file *path* (its folder made if
    needed); ``OSError`` if it cannot be written."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(questionnaires_text(questionnaires), encoding="utf-8")
    return target
