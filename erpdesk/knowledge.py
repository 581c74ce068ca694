"""Where the knowledge base comes from: the sample shipped in
``resources/knowledge/`` (modules.toml, industries.toml, competitors.toml),
or a company's own folder named by ``$ERPDESK_KNOWLEDGE``.  A file the
company's folder does not have is taken from the shipped sample, so a
company may replace only its competitor notes.  Reading files lives here,
outside the domain; the schema check is
``erpdesk.domain.knowledge.parse_knowledge_texts``.

A base that cannot be used is refused as the catalogue is: every problem of
every file, with the file, the line and what is wrong, one per line.  A
folder is read (and checked) once; ``read_knowledge.cache_clear()`` forgets
what was read.

``knowledge_texts`` / ``write_knowledge`` turn a base (the one in use, with
a desk's edits) back into the three TOML files, which read back to an equal
base: what a desk exports for ``$ERPDESK_KNOWLEDGE``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from erpdesk.domain.knowledge import (
    CANNOT_READ,
    FILES,
    KnowledgeBase,
    KnowledgeError,
    KnowledgeProblem,
    entry_to_data,
    parse_knowledge_texts,
)
from erpdesk.domain.playbook import PlaybookError
from erpdesk.domain.playbook_schema import decode
from erpdesk.os_errors import explain
from erpdesk.playbooks import DEFAULT_PLAYBOOK, read_playbook

# Beside resources/playbook: found from the checkout or an editable install.
DEFAULT_KNOWLEDGE = Path(__file__).resolve().parents[1] / "resources" / "knowledge"
KNOWLEDGE_ENV = "ERPDESK_KNOWLEDGE"


def knowledge_folder() -> Path:
    """``$ERPDESK_KNOWLEDGE`` if set (a company's own), else the shipped
    sample."""
    named = os.environ.get(KNOWLEDGE_ENV, "").strip()
    return Path(named).expanduser() if named else DEFAULT_KNOWLEDGE


def knowledge_files(folder: Path) -> dict[str, Path]:
    """Kind of entry -> the file it is read from: *folder*'s, else the
    shipped one."""
    out = {}
    for kind, name in FILES.items():
        own = folder / name
        out[kind] = own if own.is_file() else DEFAULT_KNOWLEDGE / name
    return out


def _read_text(path: Path) -> str:
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        detail = explain(exc)[0]
        raise KnowledgeError(
            [KnowledgeProblem((), "cannot_read", CANNOT_READ, {"detail": detail}, source)]
        ) from None
    try:
        return decode(raw, source)
    except PlaybookError as exc:  # not UTF-8: the playbook's check, the same words
        raise KnowledgeError(
            [KnowledgeProblem((), exc.code, exc.problem_text, exc.problem_params, source,
                              exc.line)]
        ) from None


def _playbook_modules() -> list[str]:
    return [module.code for module in read_playbook(DEFAULT_PLAYBOOK).modules]


def read_knowledge(folder: Path | str | None = None) -> KnowledgeBase:
    """The checked knowledge base in *folder* (default:
    ``knowledge_folder()``; files it lacks come from the shipped sample),
    its modules checked against the playbook's (``read_playbook()``); read
    once per folder.  ``KnowledgeError`` names every problem's file and
    line."""
    return _read(Path(folder if folder is not None else knowledge_folder()).resolve())


@lru_cache(maxsize=4)
def _read(folder: Path) -> KnowledgeBase:
    files = knowledge_files(folder)
    texts = {kind: (_read_text(path), str(path)) for kind, path in files.items()}
    modules = [module.code for module in read_playbook().modules]
    return parse_knowledge_texts(texts, modules=modules)


def shipped_knowledge() -> KnowledgeBase:
    """The sample knowledge base shipped with ERPDesk, checked against the
    shipped playbook's modules; read once."""
    return _shipped()


@lru_cache(maxsize=1)
def _shipped() -> KnowledgeBase:
    files = knowledge_files(DEFAULT_KNOWLEDGE)
    texts = {kind: (_read_text(path), str(path)) for kind, path in files.items()}
    return parse_knowledge_texts(texts, modules=_playbook_modules())


def forget_read() -> None:
    """Read the folders again on the next call."""
    _read.cache_clear()
    _shipped.cache_clear()


EXPORT_HEADER = (
    "# ERPDesk knowledge base (售前知识库): {kind}, exported from a desk.\n"
    "# Give this folder to ERPDESK_KNOWLEDGE; docs/presales.md describes the format.\n\n"
)


def knowledge_texts(base: KnowledgeBase) -> dict[str, str]:
    """Kind of entry (a key of ``FILES``) -> the TOML text of its file,
    holding *base*'s entries in order (the version in modules.toml)."""
    import tomli_w  # only an export needs it

    out = {}
    for kind in FILES:
        entries = [entry_to_data(entry) for entry in getattr(base, kind)]
        data: dict[str, Any] = {}
        if kind == "modules" and base.version:
            data["version"] = base.version
        data[kind] = entries
        out[kind] = EXPORT_HEADER.format(kind=kind) + tomli_w.dumps(data, multiline_strings=False)
    return out


def write_knowledge(base: KnowledgeBase, folder: Path | str) -> list[Path]:
    """Write *base* as the three files of a knowledge folder (made if
    needed); the files written.  ``OSError`` if the folder cannot be
    written."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, text in knowledge_texts(base).items():
        path = target / FILES[kind]
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
