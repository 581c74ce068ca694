"""The presales knowledge base (售前知识): the ERP modules (architecture,
business processes, functions, target customers, advantages, FAB statements,
demo scripts), industry notes and competitor notes.

Texts are in zh_CN (the consultants' language); ``name_en`` is a short
English label.  Each entry (a module, an industry, a competitor) is keyed by
its kind and code, and ``entry_to_data`` / ``parse_entry`` turn it into plain
data and back through the same schema check as the files: an entry edited in
the desk can be stored as one row (kind, code, JSON) and read back checked.

``parse_knowledge_texts`` reads the three TOML texts (modules, industries,
competitors) and lists *every* problem with its file and line
(``erpdesk.domain.knowledge_schema``); nothing here reads files
(``erpdesk.knowledge`` does).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

from erpdesk.domain.customer import Industry as IndustryCode
from erpdesk.domain.errors import CONTEXT, DomainError, render_text
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.toml_lines import Path

# The three files of a knowledge base, by kind of entry, in their order.
FILES: dict[str, str] = {
    "modules": "modules.toml",
    "industries": "industries.toml",
    "competitors": "competitors.toml",
}
# Industry codes an industry note may have: the desk's industries.
INDUSTRY_CODES: tuple[str, ...] = tuple(member.value for member in IndustryCode)

# What each text of an entry is, as a search result or an editor names it.
FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("Domain", "Name"),
    "name_en": QT_TRANSLATE_NOOP("Domain", "English name"),
    "architecture": QT_TRANSLATE_NOOP("Domain", "Architecture"),
    "processes": QT_TRANSLATE_NOOP("Domain", "Business processes"),
    "functions": QT_TRANSLATE_NOOP("Domain", "Functions"),
    "target_customers": QT_TRANSLATE_NOOP("Domain", "Target customers"),
    "advantages": QT_TRANSLATE_NOOP("Domain", "Advantages"),
    "fab": QT_TRANSLATE_NOOP("Domain", "FAB statements"),
    "demos": QT_TRANSLATE_NOOP("Domain", "Demo scripts"),
    "title": QT_TRANSLATE_NOOP("Domain", "Title"),
    "steps": QT_TRANSLATE_NOOP("Domain", "Scenario steps"),
    "data_to_prepare": QT_TRANSLATE_NOOP("Domain", "Data to prepare"),
    "needs": QT_TRANSLATE_NOOP("Domain", "Needs"),
    "trends": QT_TRANSLATE_NOOP("Domain", "Trends"),
    "vendors_domestic": QT_TRANSLATE_NOOP("Domain", "Leading vendors in China"),
    "vendors_foreign": QT_TRANSLATE_NOOP("Domain", "Leading foreign vendors"),
    "modules": QT_TRANSLATE_NOOP("Domain", "Key modules"),
    "overview": QT_TRANSLATE_NOOP("Domain", "Overview"),
    "products": QT_TRANSLATE_NOOP("Domain", "Products"),
    "strengths": QT_TRANSLATE_NOOP("Domain", "Strengths"),
    "weaknesses": QT_TRANSLATE_NOOP("Domain", "Weaknesses"),
    "how_to_compete": QT_TRANSLATE_NOOP("Domain", "How to compete"),
}

KNOWLEDGE_UNUSABLE = QT_TRANSLATE_NOOP("Domain", "The knowledge base cannot be used")
CANNOT_READ = QT_TRANSLATE_NOOP("Domain", "The file cannot be read: {detail}")
UNKNOWN_ENTRY = QT_TRANSLATE_NOOP("Domain", 'The knowledge base has no {kind} "{code}"')


@dataclass(frozen=True)
class Fab:
    """A feature, its advantage and the customer's benefit (FAB)."""

    feature: str
    advantage: str
    benefit: str


@dataclass(frozen=True)
class DemoScript:
    """A demo scenario of a module: ``code`` is ``<module>.<name>``;
    ``steps`` the scenario step by step; ``data_to_prepare`` what the demo
    environment must hold."""

    code: str
    title: str
    duration_minutes: int
    steps: tuple[str, ...]
    data_to_prepare: tuple[str, ...] = ()

    @property
    def module(self) -> str:
        return self.code.split(".", 1)[0]

    def texts(self) -> Iterator[tuple[str, str]]:
        """Every searchable text with the field it is in."""
        yield "title", self.title
        yield from (("steps", s) for s in self.steps)
        yield from (("data_to_prepare", s) for s in self.data_to_prepare)


@dataclass(frozen=True)
class Module:
    """An ERP module; ``code`` is one of the playbook's module codes."""

    KIND: ClassVar[str] = "module"

    code: str
    name: str
    name_en: str
    architecture: str
    processes: tuple[str, ...]
    functions: tuple[str, ...]
    target_customers: tuple[str, ...]
    advantages: tuple[str, ...]
    fab: tuple[Fab, ...] = ()
    demos: tuple[DemoScript, ...] = ()

    def texts(self) -> Iterator[tuple[str, str]]:
        """Every searchable text but the names, with the field it is in
        (a demo script is an entry of its own in a search)."""
        yield "architecture", self.architecture
        for key in ("processes", "functions", "target_customers", "advantages"):
            yield from ((key, text) for text in getattr(self, key))
        for f in self.fab:
            yield "fab", f"{f.feature}：{f.advantage}；{f.benefit}"


@dataclass(frozen=True)
class Industry:
    """Notes on an industry; ``code`` is one of the desk's industry codes.
    ``modules``: the module codes that matter most there."""

    KIND: ClassVar[str] = "industry"

    code: str
    name: str
    name_en: str
    needs: tuple[str, ...]
    trends: tuple[str, ...]
    vendors_domestic: tuple[str, ...]
    vendors_foreign: tuple[str, ...]
    modules: tuple[str, ...] = ()

    def texts(self) -> Iterator[tuple[str, str]]:
        for key in ("needs", "trends", "vendors_domestic", "vendors_foreign"):
            yield from ((key, text) for text in getattr(self, key))


@dataclass(frozen=True)
class Competitor:
    """Notes on a competitor: who they are, what they sell, where they are
    strong and weak, and how to compete (a neutral, factual tone)."""

    KIND: ClassVar[str] = "competitor"

    code: str
    name: str
    name_en: str
    overview: str
    products: tuple[str, ...]
    strengths: tuple[str, ...]
    weaknesses: tuple[str, ...]
    how_to_compete: tuple[str, ...]

    def texts(self) -> Iterator[tuple[str, str]]:
        yield "overview", self.overview
        for key in ("products", "strengths", "weaknesses", "how_to_compete"):
            yield from ((key, text) for text in getattr(self, key))


Entry = Module | Industry | Competitor
# Kind of entry -> its class, in the order of FILES.
ENTRY_TYPES: dict[str, type[Module] | type[Industry] | type[Competitor]] = {
    "modules": Module,
    "industries": Industry,
    "competitors": Competitor,
}


@dataclass(frozen=True)
class KnowledgeBase:
    """The modules, industries and competitors, each in the order of its
    file."""

    modules: tuple[Module, ...]
    industries: tuple[Industry, ...]
    competitors: tuple[Competitor, ...]
    version: str = ""
    _by_key: dict[tuple[str, str], Entry] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        for entry in self.entries():
            self._by_key[(entry.KIND, entry.code)] = entry

    def entries(self) -> Iterator[Entry]:
        """Every entry: modules, then industries, then competitors."""
        yield from self.modules
        yield from self.industries
        yield from self.competitors

    def _get(self, kind: str, code: str) -> Any:
        try:
            return self._by_key[(kind, code)]
        except KeyError:
            raise UnknownEntry(kind=kind, code=code) from None

    def module(self, code: str) -> Module:
        result: Module = self._get(Module.KIND, code)
        return result

    def industry(self, code: str) -> Industry:
        result: Industry = self._get(Industry.KIND, code)
        return result

    def competitor(self, code: str) -> Competitor:
        result: Competitor = self._get(Competitor.KIND, code)
        return result

    def demo(self, code: str) -> DemoScript:
        """The demo script *code* (``finance.month_end``)."""
        for script in self.module(code.split(".", 1)[0]).demos:
            if script.code == code:
                return script
        raise UnknownEntry(kind="demo", code=code)


# --- errors -----------------------------------------------------------------


class UnknownEntry(DomainError):
    text = UNKNOWN_ENTRY


@dataclass(frozen=True)
class KnowledgeProblem:
    """One thing wrong with a knowledge base: ``path`` is the key path in its
    file (``("modules", 2, "demos", 0, "code")``), ``text`` an English
    template in context ``Domain`` filled from ``params``, ``code`` the kind
    of problem for programs and tests; ``source`` and ``line`` the place."""

    path: Path
    code: str
    text: str
    params: dict[str, Any] = field(default_factory=dict)
    source: str = ""
    line: int | None = None

    def message(self, translate: Any = None) -> str:
        """The problem alone, without its place."""
        return render_text(CONTEXT, self.text, self.params, translate)

    def render(self, translate: Any = None) -> str:
        """``FILE:LINE: problem``, or the problem alone."""
        problem = self.message(translate)
        if not self.source:
            return problem
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {problem}"


class KnowledgeError(DomainError):
    """A knowledge base that cannot be used; ``problems`` lists every reason,
    one per line when rendered."""

    text = KNOWLEDGE_UNUSABLE

    def __init__(self, problems: Sequence[KnowledgeProblem]) -> None:
        self.problems = list(problems)
        super().__init__()

    def render(self, translate: Any = None) -> str:
        return "\n".join(p.render(translate) for p in self.problems) or super().render(translate)


# --- reading and writing ----------------------------------------------------


def parse_knowledge_texts(
    texts: Mapping[str, tuple[str, str]],
    *,
    modules: Collection[str] | None = None,
    industries: Collection[str] | None = INDUSTRY_CODES,
) -> KnowledgeBase:
    """The knowledge base in *texts* (kind of entry, a key of ``FILES`` ->
    (TOML text, source named in errors)); ``KnowledgeError`` listing every
    problem of every file, each with its line, in file order otherwise.

    *modules*: the playbook's module codes a module entry must have (None:
    not checked); *industries*: the industry codes (None: not checked)."""
    from erpdesk.domain.knowledge_schema import read_texts

    return read_texts(texts, modules, industries)


def parse_entry(
    kind: str,
    data: Mapping[str, Any],
    *,
    modules: Collection[str] | None = None,
    industries: Collection[str] | None = INDUSTRY_CODES,
) -> Entry:
    """One entry of *kind* (``modules``, ``industries``, ``competitors``)
    from plain data (``entry_to_data``'s output, a stored row), checked as
    in a file; ``KnowledgeError`` with the key paths otherwise."""
    from erpdesk.domain.knowledge_schema import read_entry

    return read_entry(kind, data, modules, industries)


def entry_to_data(entry: Entry) -> dict[str, Any]:
    """*entry* as plain data (texts, numbers, lists and tables) that
    ``parse_entry`` reads back to an equal entry: what a stored row holds,
    TOML-able as it is."""
    data: dict[str, Any] = {}
    for name in (f.name for f in fields(entry)):
        value = getattr(entry, name)
        if name == "fab":
            value = [{"feature": f.feature, "advantage": f.advantage, "benefit": f.benefit}
                     for f in value]
        elif name == "demos":
            value = [
                {
                    "code": d.code,
                    "title": d.title,
                    "duration_minutes": d.duration_minutes,
                    "steps": list(d.steps),
                    "data_to_prepare": list(d.data_to_prepare),
                }
                for d in value
            ]
        elif isinstance(value, tuple):
            value = list(value)
        data[name] = value
    return data
