"""Search as you type over the knowledge base: every entry's title and texts,
as written and as pinyin (full and initials), like the customer search.

The unit of a result is an entry: a module, a demo script (an entry of its
own: a consultant looks for "月结演示" to find the script), an industry or a
competitor.  A query is split at spaces into terms; an entry matches when
every term is found in it, each term as written (Chinese, Latin: "SAP",
"MES"), as full pinyin ("yingshou" finds 应收) or as pinyin initials
("yszk" finds 应收账款); a term mixing Chinese and letters ("应收zk") is
matched through its pinyin.  Results come ranked: entries whose title holds
every term first (a title starting with the query before others), then by
how the terms matched (as written, then full pinyin, then initials), then in
the base's order; each with the text it matched in and a snippet around the
match.

The index keeps, per entry, three lowercase strings for its title and three
for its texts (as written, full pinyin, initials; the parts of each joined
by a separator no query holds, so a match never spans two texts, and a
punctuation mark a break in the pinyin, so initials do not run across it).
The six kinds of string are each joined over all entries and scanned with
``str.find`` (C speed), jumping to the next entry after a match, so a
keystroke costs six scans of the base's text in the worst case: well under
a millisecond on the shipped base, a few milliseconds on one 50 times its
size (docs/benchmarks.md, "Knowledge base search").  Building it computes
the pinyin of every text once (pypinyin: about 0.2 s on the shipped base).
No Qt here: a view may build the index on a worker and search on its own
thread (a search never waits on I/O).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from erpdesk.domain.knowledge import KnowledgeBase
from erpdesk.domain.search_key import pinyin_forms

SEP = "\x1f"
_DOC_SEP = "\x1d"  # between entries in a haystack of them all
# Stands for a punctuation mark in a text's pinyin: no query holds it.
BREAK = "\x1e"
# As erpdesk.domain.search_key splits a text for pinyin_forms: runs of Han
# characters, and what is between them (kept if a letter or digit).
_HAN_RUN = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# How a term matched, best first.
AS_WRITTEN, PINYIN, INITIALS = "text", "pinyin", "initials"
_HOW = (AS_WRITTEN, PINYIN, INITIALS)
SNIPPET_BEFORE = 20  # characters of context before a match
SNIPPET_LENGTH = 60  # characters of a snippet at most


@dataclass(frozen=True)
class SearchEntry:
    """What a result points to: ``kind`` is ``module``, ``demo``,
    ``industry`` or ``competitor``; ``code`` its code (a demo's
    ``<module>.<name>``); ``title`` its name; ``subtitle`` its English
    name (a demo: its module's name)."""

    kind: str
    code: str
    title: str
    subtitle: str


@dataclass(frozen=True)
class KnowledgeHit:
    """An entry that matches a query.  ``in_title``: every term is in the
    title; ``field`` the field of the text the first term matched in (a key
    of ``erpdesk.domain.knowledge.FIELD_LABELS``; ``""`` for an empty
    query); ``snippet`` that text shortened around the match ("…" where
    cut), ``highlight`` the (start, end) of the match in the snippet;
    ``how``: ``text``, ``pinyin`` or ``initials``."""

    entry: SearchEntry
    in_title: bool
    field: str
    snippet: str
    highlight: tuple[int, int]
    how: str


class _Doc:
    """One entry's searchable strings: [0..2] the title's (as written, full
    pinyin, initials), [3..5] the texts'; ``lengths``: per title part, then
    per text, the length of each character's full pinyin (to find the
    characters a pinyin match covers)."""

    __slots__ = ("entry", "fields", "lengths", "strings", "titles")

    def __init__(self, entry: SearchEntry, titles: list[tuple[str, str]],
                 fields: list[tuple[str, str]]) -> None:
        self.entry = entry
        self.titles = titles
        self.fields = fields
        title = _haystacks([t for _, t in titles])
        body = _haystacks([t for _, t in fields])
        self.strings = (*title[:3], *body[:3])
        self.lengths = (title[3], body[3])


def _haystacks(texts: list[str]) -> tuple[str, str, str, list[bytes]]:
    written, full, initials, lengths = [], [], [], []
    for text in texts:
        written.append(text.lower())
        f, i, n = pinyin_parts(text)
        full.append(f)
        initials.append(i)
        lengths.append(n)
    return SEP.join(written), SEP.join(full), SEP.join(initials), lengths


def pinyin_parts(text: str) -> tuple[str, str, bytes]:
    """``pinyin_forms(text)`` (full pinyin, initials: the customer search's
    forms) but with ``BREAK`` for each punctuation mark, so that "yz" does not
    find 体系，预置; and, per character of *text*, the length of its full
    pinyin (0 for spaces; one byte a character).  The same pypinyin calls as
    ``pinyin_forms``: without the breaks the strings are equal to its."""
    # pypinyin takes a fifth of a second to import: only when first needed.
    from pypinyin import Style, lazy_pinyin

    folded = unicodedata.normalize("NFKC", text).lower()
    lengths = bytearray()
    full: list[str] = []
    for run in _HAN_RUN.split(folded):
        if _HAN_RUN.fullmatch(run):
            syllables = [_NOT_ALNUM.sub("", s) for s in lazy_pinyin(run, style=Style.NORMAL)]
        else:
            syllables = [_NOT_ALNUM.sub("", c) or (BREAK if not c.isspace() else "") for c in run]
        full += syllables
        lengths += bytes(len(syllable) for syllable in syllables)
    if len(folded) != len(text):  # NFKC changed the length: no places
        lengths = bytearray()
    return "".join(full), "".join(s[:1] for s in full), bytes(lengths)


@dataclass(frozen=True)
class _Term:
    """A term and the strings it is looked for in each haystack (None: not
    there): as written, full pinyin, initials."""

    written: str
    full: str | None
    initials: str | None


def _terms(query: str) -> list[_Term]:
    out = []
    for word in unicodedata.normalize("NFKC", query).lower().split():
        if word.isascii():
            letters = _NOT_ALNUM.sub("", word)
            out.append(_Term(word, letters or None, letters or None))
        elif _HAN.search(word) and any(c.isascii() and c.isalnum() for c in word):
            full, initials = pinyin_forms(word)
            out.append(_Term(word, full or None, initials or None))
        else:
            out.append(_Term(word, None, None))
    return out


def _entries(base: KnowledgeBase) -> Iterator[tuple[SearchEntry, list[tuple[str, str]],
                                                    list[tuple[str, str]]]]:
    """Every searchable entry with its title parts and texts, in the base's
    order (a module's demo scripts after it)."""
    for module in base.modules:
        yield (SearchEntry("module", module.code, module.name, module.name_en),
               [("name", module.name), ("name_en", module.name_en)], list(module.texts()))
        for demo in module.demos:
            texts = [pair for pair in demo.texts() if pair[0] != "title"]
            yield (SearchEntry("demo", demo.code, demo.title, module.name),
                   [("title", demo.title)], texts)
    for industry in base.industries:
        yield (SearchEntry("industry", industry.code, industry.name, industry.name_en),
               [("name", industry.name), ("name_en", industry.name_en)], list(industry.texts()))
    for competitor in base.competitors:
        yield (SearchEntry("competitor", competitor.code, competitor.name, competitor.name_en),
               [("name", competitor.name), ("name_en", competitor.name_en)],
               list(competitor.texts()))


class KnowledgeIndex:
    """The knowledge base made searchable; ``search`` answers a keystroke.
    Read-only once built: it may be built on a worker thread and searched
    from any."""

    def __init__(self, base: KnowledgeBase) -> None:
        self._docs = [_Doc(*parts) for parts in _entries(base)]
        # Per haystack (see _Doc.strings): every entry's joined, and where
        # each entry starts (one more: the end), to scan all at C speed.
        self._corpus: list[str] = []
        self._starts: list[list[int]] = []
        for h in range(6):
            starts, at = [], 0
            for doc in self._docs:
                starts.append(at)
                at += len(doc.strings[h]) + 1
            starts.append(at)
            self._corpus.append(_DOC_SEP.join(doc.strings[h] for doc in self._docs))
            self._starts.append(starts)

    def __len__(self) -> int:
        return len(self._docs)

    def search(self, query: str, limit: int | None = None) -> list[KnowledgeHit]:
        """The entries matching *query*, best first (at most *limit*); an
        empty query gives every entry in the base's order, with no snippet."""
        terms = _terms(query.replace(BREAK, "").replace(SEP, "").replace(_DOC_SEP, ""))
        if not terms:
            docs = self._docs if limit is None else self._docs[:limit]
            return [KnowledgeHit(d.entry, False, "", "", (0, 0), "") for d in docs]
        matches = [self._places(term) for term in terms]
        first, rest = matches[0], matches[1:]
        found: list[tuple[tuple[int, int, int, int], int, tuple[int, int]]] = []
        for n in first.keys() & set.intersection(*map(set, rest)) if rest else first:
            h, at = place = first[n]
            # whether every term is in the title (h < 3), and how the worst matched
            worst = max(h, *(m[n][0] for m in rest)) if rest else h
            how = max(h % 3, *(m[n][0] % 3 for m in rest)) if rest else h % 3
            if worst < 3:  # a title starting with the first term before one holding it
                at -= self._docs[n].strings[h].rfind(SEP, 0, at) + 1
                found.append(((0, how, at, n), n, place))
            else:
                found.append(((1, how, 0, n), n, place))
        found.sort(key=lambda item: item[0])
        if limit is not None:
            found = found[:limit]
        return [self._hit(n, terms[0], place, key[0] == 0) for key, n, place in found]

    def _places(self, term: _Term) -> dict[int, tuple[int, int]]:
        """Entry -> (which haystack, position in it) of *term*'s best match
        there: the title before the texts, as written before pinyin before
        initials.  Each haystack is scanned once over all entries, jumping to
        the next entry after a match."""
        best: dict[int, tuple[int, int]] = {}
        needles = (term.written, term.full, term.initials or term.full)
        for h in range(6):
            needle = needles[h % 3]
            if not needle:
                continue
            text, starts = self._corpus[h], self._starts[h]
            at = text.find(needle)
            while at >= 0:
                n = bisect_right(starts, at) - 1
                if n not in best:
                    best[n] = (h, at - starts[n])
                at = text.find(needle, starts[n + 1])
        return best

    def _hit(self, n: int, term: _Term, place: tuple[int, int], in_title: bool) -> KnowledgeHit:
        doc = self._docs[n]
        where, at = place
        parts = doc.titles if where < 3 else doc.fields
        haystack = doc.strings[where]
        index = haystack.count(SEP, 0, at)
        start = haystack.rfind(SEP, 0, at) + 1  # 0 when there is none
        field, text = parts[index]
        needle = (term.written, term.full, term.initials or term.full)[where % 3] or ""
        lengths = self._docs[n].lengths[0 if where < 3 else 1][index]
        span = _source_span(where % 3, at - start, len(needle), lengths)
        snippet, highlight = _snippet(text, span)
        return KnowledgeHit(doc.entry, in_title, field, snippet, highlight, _HOW[where % 3])


def _source_span(how: int, at: int, length: int, lengths: bytes) -> tuple[int, int]:
    """The characters of a text a match at *at* (of *length*) in its form
    *how* (0 written, 1 full pinyin, 2 initials) covers; *lengths*: each
    character's full pinyin length (``pinyin_parts``)."""
    if how == 0:
        return at, at + length
    first = last = -1
    seen = 0  # letters before the character
    for index, size in enumerate(lengths):
        size = min(size, 1) if how == 2 else size
        if first < 0 and seen + size > at:
            first = index
        if seen + size >= at + length and size:
            last = index
            break
        seen += size
    return (first, last + 1) if 0 <= first <= last else (0, 0)


def _snippet(text: str, span: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    """*text* cut to about ``SNIPPET_LENGTH`` characters around *span*, with
    the span's place in the result."""
    start, end = span
    if len(text) <= SNIPPET_LENGTH:
        return text, span
    begin = max(0, min(start - SNIPPET_BEFORE, len(text) - SNIPPET_LENGTH))
    stop = min(len(text), begin + SNIPPET_LENGTH)
    prefix = "…" if begin > 0 else ""
    suffix = "…" if stop < len(text) else ""
    shift = len(prefix) - begin
    highlight = (max(start + shift, len(prefix)), min(end, stop) + shift)
    return prefix + text[begin:stop] + suffix, highlight if end > start else (0, 0)
