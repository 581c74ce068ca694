"""Where the catalogue comes from: the sample shipped in
``resources/catalogue/default.toml``, or a company's own named by
``$ERPDESK_CATALOGUE``.  Reading files lives here, outside the domain; the
schema check is ``erpdesk.domain.catalogue.parse_catalogue``.

A file that cannot be used is refused as the playbook is: every problem with
the file, the line (``toml_lines`` finds the line of the key path a problem
names) and what is wrong, one per line, in the order of the file.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from collections.abc import Collection
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from erpdesk.domain.catalogue import Catalogue, CatalogueError, CatalogueProblem, parse_catalogue
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.playbook import PlaybookError
from erpdesk.domain.playbook_schema import DUPLICATE_CODE as DUPLICATE_ON_LINE
from erpdesk.domain.playbook_schema import SYNTAX, decode
from erpdesk.domain.toml_lines import Path as KeyPath
from erpdesk.domain.toml_lines import key_lines, line_of
from erpdesk.os_errors import explain
from erpdesk.playbooks import DEFAULT_PLAYBOOK, read_playbook

# Beside resources/playbook: found from the checkout or an editable install.
DEFAULT_CATALOGUE = Path(__file__).resolve().parents[1] / "resources" / "catalogue" / "default.toml"
CATALOGUE_ENV = "ERPDESK_CATALOGUE"

CANNOT_READ = QT_TRANSLATE_NOOP("Domain", "The catalogue cannot be read: {detail}")

# tomllib ends its messages with the place: "... (at line 3, column 7)".
_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)\s*$")
_AT_END = re.compile(r"\s*\(at end of document\)\s*$")


def default_catalogue_path() -> Path:
    """``$ERPDESK_CATALOGUE`` if set (a company ships its own), else the
    shipped sample."""
    named = os.environ.get(CATALOGUE_ENV, "").strip()
    return Path(named).expanduser() if named else DEFAULT_CATALOGUE


def _refuse(
    source: str, line: int | None, text: str, code: str, **params: object
) -> CatalogueError:
    return CatalogueError([CatalogueProblem((), code, text, dict(params), source, line)])


def parse_catalogue_text(
    text: str, source: str = "<catalogue>", *, modules: Collection[str] | None = None
) -> Catalogue:
    """The catalogue in the TOML *text* (read from *source*, named in
    errors); ``CatalogueError`` with the line of every problem otherwise.
    Numbers with a fraction are read as exact ``Decimal``s, never floats."""
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _AT_LINE.search(message)
        line = int(found.group(1)) if found else None
        detail = _AT_LINE.sub("", message) if found else message
        if _AT_END.search(message):  # an unclosed array or string: the last line
            line = text.count("\n") + (0 if text.endswith("\n") else 1)
            detail = _AT_END.sub("", message)
        raise _refuse(source, line, SYNTAX, "syntax", detail=detail) from None
    try:
        return parse_catalogue(data, modules=modules)
    except CatalogueError as exc:
        lines = key_lines(text)
        located = [_locate(p, source, lines) for p in exc.problems]
        located.sort(key=lambda p: p.line or 0)
        raise CatalogueError(located) from None


def _locate(problem: CatalogueProblem, source: str, lines: dict[KeyPath, int]) -> CatalogueProblem:
    """*problem* with its file and line; a duplicate code names the line of
    the first use."""
    line = line_of(lines, problem.path)
    first = problem.params.get("first_path")
    if problem.code == "duplicate_code" and first is not None:
        params = {**problem.params, "first": line_of(lines, (*first, "code")) or "?"}
        return dataclasses.replace(
            problem, text=DUPLICATE_ON_LINE, params=params, source=source, line=line
        )
    return dataclasses.replace(problem, source=source, line=line)


def read_catalogue(
    path: Path | str | None = None, *, modules: Collection[str] | None = None
) -> Catalogue:
    """The checked catalogue in *path* (default: ``default_catalogue_path()``);
    ``CatalogueError`` names the file, the line and the problem when it
    cannot be used.  *modules*: the playbook's module codes an item's
    ``module`` must be one of (None: not checked)."""
    given = Path(path) if path is not None else default_catalogue_path()
    source = str(given)
    try:
        raw = given.read_bytes()
    except OSError as exc:
        detail = explain(exc)[0]
        raise _refuse(source, None, CANNOT_READ, "cannot_read", detail=detail) from None
    try:
        text = decode(raw, source)
    except PlaybookError as exc:  # not UTF-8: the playbook's check, the same words
        raise _refuse(source, exc.line, exc.problem_text, exc.code, **exc.problem_params) from None
    return parse_catalogue_text(text, source, modules=modules)


@lru_cache(maxsize=1)
def shipped_catalogue() -> Catalogue:
    """The sample catalogue shipped with ERPDesk, checked against the shipped
    playbook's modules; read once."""
    modules = [module.code for module in read_playbook(DEFAULT_PLAYBOOK).modules]
    return read_catalogue(DEFAULT_CATALOGUE, modules=modules)
