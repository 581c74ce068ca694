"""The knowledge base's schema: TOML texts (or a stored entry's plain data)
read into a checked ``KnowledgeBase``.

Like the catalogue's check it lists *every* problem, each with its key path,
and the file and line where it comes from a file.  Refused: a TOML syntax
error, a key of the wrong type, a missing or an unknown key (a typo is
caught, not ignored), an empty text or list, a malformed or duplicate code,
a module code the playbook does not have, an industry code the desk does
not know, a demo script whose code is not ``<module>.<name>`` of its module
or whose duration is not 5 to 480 minutes, and an industry naming a module
that is not there.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection, Mapping
from typing import Any

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.knowledge import (
    FILES,
    Competitor,
    DemoScript,
    Entry,
    Fab,
    Industry,
    KnowledgeBase,
    KnowledgeError,
    KnowledgeProblem,
    Module,
)
from erpdesk.domain.playbook_schema import (
    BAD_CODE,
    DUPLICATE_CODE,
    EMPTY,
    MISSING_KEY,
    NOT_INTEGER,
    NOT_LIST,
    NOT_TABLE,
    NOT_TEXT,
    SYNTAX,
    UNKNOWN_KEY,
    UNKNOWN_VALUE,
)
from erpdesk.domain.toml_errors import toml_error
from erpdesk.domain.toml_lines import Path, key_lines, line_of

DEMO_PREFIX = QT_TRANSLATE_NOOP(
    "Domain", 'The demo code "{code}" must be "{prefix}." followed by a name'
)
DURATION_RANGE = QT_TRANSLATE_NOOP(
    "Domain", "A demo lasts from 5 to 480 minutes, not {value}"
)
UNKNOWN_MODULE = QT_TRANSLATE_NOOP(
    "Domain", '{key} names the module "{value}", which the knowledge base does not have'
)

_CODE = re.compile(r"[a-z][a-z0-9_]*\Z")
_DEMO_CODE = re.compile(r"[a-z][a-z0-9_]*\.[a-z0-9_]+\Z")

# Per kind of entry: (required keys, optional keys); keys holding lists of
# texts; the top of each file.
_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "modules": (
        ("code", "name", "name_en", "architecture", "processes", "functions",
         "target_customers", "advantages"),
        ("fab", "demos"),
    ),
    "industries": (
        ("code", "name", "name_en", "needs", "trends", "vendors_domestic", "vendors_foreign"),
        ("modules",),
    ),
    "competitors": (
        ("code", "name", "name_en", "overview", "strengths", "weaknesses", "how_to_compete"),
        ("products",),
    ),
}
_FAB_KEYS = ("feature", "advantage", "benefit")
_DEMO_KEYS = ("code", "title", "duration_minutes", "steps")
_DEMO_OPTIONAL = ("data_to_prepare",)


def _where(path: Path) -> str:
    """``modules[3].demos[1].code`` (elements numbered from 1)."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "the file"


class _Reader:
    """Reads plain data, collecting every problem with its key path."""

    def __init__(self, modules: Collection[str] | None, industries: Collection[str] | None):
        self.modules = modules
        self.industries = industries
        self.problems: list[KnowledgeProblem] = []
        self.first: dict[tuple[str, str], Path] = {}  # (table, code) -> its first path

    def add(self, path: Path, text: str, code: str, /, **params: Any) -> None:
        self.problems.append(KnowledgeProblem(path, code, text, params))

    def table(self, value: Any, path: Path) -> Mapping[str, Any] | None:
        if isinstance(value, Mapping):
            return value
        self.add(path, NOT_TABLE, "not_table", key=_where(path))
        return None

    def keys(self, table: Mapping[str, Any], path: Path, required: tuple[str, ...],
             optional: tuple[str, ...] = ()) -> None:
        allowed = (*required, *optional)
        for key in table:
            if key not in allowed:
                self.add((*path, key), UNKNOWN_KEY, "unknown_key", key=key,
                         table=_where(path), allowed=", ".join(allowed))
        for key in required:
            if key not in table:
                self.add(path, MISSING_KEY, "missing_key", key=key, table=_where(path))

    def text(self, table: Mapping[str, Any], key: str, path: Path) -> str:
        value = table.get(key)
        where = (*path, key)
        if key not in table:
            return ""  # reported by keys()
        if not isinstance(value, str):
            self.add(where, NOT_TEXT, "not_text", key=_where(where))
            return ""
        if not value.strip():
            self.add(where, EMPTY, "empty", key=_where(where))
        return value.strip()

    def array(self, table: Mapping[str, Any], key: str, path: Path, required: bool) -> list[Any]:
        value = table.get(key, [])
        where = (*path, key)
        if not isinstance(value, list):
            self.add(where, NOT_LIST, "not_list", key=_where(where))
            return []
        if required and key in table and not value:
            self.add(where, EMPTY, "empty", key=_where(where))
        return value

    def texts(self, table: Mapping[str, Any], key: str, path: Path,
              required: bool = True) -> tuple[str, ...]:
        out = []
        for n, item in enumerate(self.array(table, key, path, required)):
            where = (*path, key, n)
            if not isinstance(item, str) or not item.strip():
                self.add(where, NOT_TEXT if not isinstance(item, str) else EMPTY,
                         "not_text" if not isinstance(item, str) else "empty", key=_where(where))
            else:
                out.append(item.strip())
        return tuple(out)

    def code(self, table: Mapping[str, Any], path: Path, unique_in: str,
             pattern: re.Pattern[str] = _CODE) -> str:
        value = self.text(table, "code", path)
        where = (*path, "code")
        if value and not pattern.match(value):
            self.add(where, BAD_CODE, "bad_code", code=value)
        elif value:
            seen = self.first.get((unique_in, value))
            if seen is not None:
                self.add(where, DUPLICATE_CODE, "duplicate_code", code=value, table=unique_in,
                         first="?", first_path=seen)
            else:
                self.first[(unique_in, value)] = where
        return value

    def allowed(self, value: str, path: Path, allowed: Collection[str] | None) -> None:
        if value and allowed is not None and value not in allowed:
            self.add(path, UNKNOWN_VALUE, "unknown_value", key=_where(path), value=value,
                     allowed=", ".join(allowed))

    # --- entries ----------------------------------------------------------------

    def entry(self, kind: str, raw: Any, path: Path) -> Entry | None:
        table = self.table(raw, path)
        if table is None:
            return None
        before = len(self.problems)
        self.keys(table, path, *_KEYS[kind])
        code = self.code(table, path, kind)
        name, name_en = self.text(table, "name", path), self.text(table, "name_en", path)
        entry: Entry
        if kind == "modules":
            self.allowed(code, (*path, "code"), self.modules)
            entry = Module(
                code, name, name_en,
                architecture=self.text(table, "architecture", path),
                processes=self.texts(table, "processes", path),
                functions=self.texts(table, "functions", path),
                target_customers=self.texts(table, "target_customers", path),
                advantages=self.texts(table, "advantages", path),
                fab=self.fabs(table, path),
                demos=self.demos(table, path, code),
            )
        elif kind == "industries":
            self.allowed(code, (*path, "code"), self.industries)
            entry = Industry(
                code, name, name_en,
                needs=self.texts(table, "needs", path),
                trends=self.texts(table, "trends", path),
                vendors_domestic=self.texts(table, "vendors_domestic", path),
                vendors_foreign=self.texts(table, "vendors_foreign", path),
                modules=self.texts(table, "modules", path, required=False),
            )
        else:
            entry = Competitor(
                code, name, name_en,
                overview=self.text(table, "overview", path),
                products=self.texts(table, "products", path, required=False),
                strengths=self.texts(table, "strengths", path),
                weaknesses=self.texts(table, "weaknesses", path),
                how_to_compete=self.texts(table, "how_to_compete", path),
            )
        return entry if len(self.problems) == before else None

    def fabs(self, table: Mapping[str, Any], path: Path) -> tuple[Fab, ...]:
        out = []
        for n, raw in enumerate(self.array(table, "fab", path, required=False)):
            where = (*path, "fab", n)
            fab = self.table(raw, where)
            if fab is not None:
                self.keys(fab, where, _FAB_KEYS)
                out.append(Fab(*(self.text(fab, key, where) for key in _FAB_KEYS)))
        return tuple(out)

    def demos(self, table: Mapping[str, Any], path: Path, module: str) -> tuple[DemoScript, ...]:
        out = []
        for n, raw in enumerate(self.array(table, "demos", path, required=False)):
            where = (*path, "demos", n)
            demo = self.table(raw, where)
            if demo is None:
                continue
            self.keys(demo, where, _DEMO_KEYS, _DEMO_OPTIONAL)
            code = self.code(demo, where, "demos", _DEMO_CODE)
            if code and module and _DEMO_CODE.match(code) and code.split(".")[0] != module:
                self.add((*where, "code"), DEMO_PREFIX, "demo_prefix", code=code, prefix=module)
            minutes = demo.get("duration_minutes", 0)
            if "duration_minutes" not in demo:
                pass  # reported by keys()
            elif not isinstance(minutes, int) or isinstance(minutes, bool):
                self.add((*where, "duration_minutes"), NOT_INTEGER, "not_integer",
                         key=_where((*where, "duration_minutes")))
                minutes = 0
            elif not 5 <= minutes <= 480:
                self.add((*where, "duration_minutes"), DURATION_RANGE, "duration_range",
                         value=minutes)
            out.append(DemoScript(
                code, self.text(demo, "title", where), minutes,
                steps=self.texts(demo, "steps", where),
                data_to_prepare=self.texts(demo, "data_to_prepare", where, required=False),
            ))
        return tuple(out)

    def module_references(self, data: Mapping[str, Any], prefix: Path | None = None) -> None:
        """Each industry's ``modules`` names a module there is."""
        if self.modules is None:
            return
        for n, raw in enumerate(data.get("industries") or ()):
            names = raw.get("modules") if isinstance(raw, Mapping) else None
            for i, module in enumerate(names if isinstance(names, list) else ()):
                path = (*(("industries", n) if prefix is None else prefix), "modules", i)
                if isinstance(module, str) and module.strip() not in self.modules:
                    self.add(path, UNKNOWN_MODULE, "unknown_module", key=_where(path),
                             value=module)

    def file(self, kind: str, data: Mapping[str, Any]) -> list[Entry]:
        self.keys(data, (), (kind,), ("version",))
        if "version" in data:
            self.text(data, "version", ())
        entries = []
        for n, raw in enumerate(self.array(data, kind, (), required=True)):
            entry = self.entry(kind, raw, (kind, n))
            if entry is not None:
                entries.append(entry)
        return entries


def _syntax_problem(text: str, exc: tomllib.TOMLDecodeError) -> KnowledgeProblem:
    line, detail = toml_error(str(exc), text)
    return KnowledgeProblem((), "syntax", SYNTAX, {"detail": detail}, line=line)


def _locate(problems: list[KnowledgeProblem], text: str, source: str) -> list[KnowledgeProblem]:
    """*problems* with *source* and their line; a duplicate names the first
    use's line."""
    needed = any(p.line is None or "first_path" in p.params for p in problems)
    lines = key_lines(text) if needed else {}
    out = []
    for p in problems:
        params = p.params
        if "first_path" in params:
            params = {k: v for k, v in params.items() if k != "first_path"}
            params["first"] = line_of(lines, p.params["first_path"]) or "?"
        line = p.line if p.line is not None else line_of(lines, p.path)
        out.append(KnowledgeProblem(p.path, p.code, p.text, params, source, line))
    return out


def read_texts(
    texts: Mapping[str, tuple[str, str]],
    modules: Collection[str] | None,
    industries: Collection[str] | None,
) -> KnowledgeBase:
    """See ``erpdesk.domain.knowledge.parse_knowledge_texts``."""
    reader = _Reader(modules, industries)
    problems: list[KnowledgeProblem] = []
    read: dict[str, list[Entry]] = {}
    version = ""
    for kind in FILES:
        text, source = texts[kind]
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            problems += _locate([_syntax_problem(text, exc)], text, source)
            continue
        reader.problems = []
        if kind == "modules":
            # what industries may name: the file's codes, even of a module
            # refused for another reason (not a second problem for it)
            listed = data.get("modules")
            codes = [m.get("code") for m in listed if isinstance(m, Mapping)] if isinstance(
                listed, list) else []
            named = [c.strip() for c in codes if isinstance(c, str)]
        read[kind] = reader.file(kind, data)
        if kind == "modules" and isinstance(data.get("version"), str):
            version = data["version"].strip()
        if kind == "industries":
            if "modules" in read:
                reader.modules = named
            reader.module_references(data)
        located = _locate(reader.problems, text, source)
        problems += sorted(located, key=lambda p: p.line or 0)
    if problems:
        raise KnowledgeError(problems)
    return KnowledgeBase(
        modules=tuple(e for e in read["modules"] if isinstance(e, Module)),
        industries=tuple(e for e in read["industries"] if isinstance(e, Industry)),
        competitors=tuple(e for e in read["competitors"] if isinstance(e, Competitor)),
        version=version,
    )


def read_entry(
    kind: str,
    data: Mapping[str, Any],
    modules: Collection[str] | None,
    industries: Collection[str] | None,
) -> Entry:
    """See ``erpdesk.domain.knowledge.parse_entry``."""
    if kind not in FILES:
        raise ValueError(f"unknown kind of entry {kind!r}")
    reader = _Reader(modules, industries)
    entry = reader.entry(kind, data, ())
    if isinstance(entry, Industry):
        reader.module_references({"industries": [data]}, ())
    if entry is None or reader.problems:
        raise KnowledgeError(_locate(reader.problems, "", ""))
    return entry
