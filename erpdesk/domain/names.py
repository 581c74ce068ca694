"""Company-name normalisation: the comparison key of duplicate detection.

A Chinese enterprise name is region + trade name (字号) + industry + legal
form, and the region is part of who the company is: 北京银行 and 上海银行
are two banks.  Two names with the same key name the same company.  The key
folds away only what varies between ways of writing one company's name:
full-width forms, bracket styles, spaces and punctuation, the legal form
(有限公司, 股份有限公司, Co., Ltd. …), and how its region is written:

- leading or in brackets: 北京浪潮… and 浪潮（北京）… give 北京浪潮…;
- in full or short: 北京市 and 北京, 广西壮族自治区 and 广西, 延边朝鲜族自治州
  and 延边 (each region is written once, as ``divisions.Division.token``);
- a province before a city of its own: 广东省深圳市X is 深圳X (the city
  lies in one province only), 江苏昆山X and 苏州昆山X are 昆山X.

Regions are the provinces, prefecture-level divisions and county-level
cities of ``divisions``.  What is not the same company:

- a different region (北京银行, 上海银行): a different key, and no near
  match on that account (``different_regions``);
- a region on one side only (浪潮… and 北京浪潮…), or a region and one
  within it (广东X and 深圳X): a different key, but the duplicate check
  reports the other as a possible duplicate for the administrator to decide
  (``region_variant_keys``);
- a branch (分公司, 分厂, 办事处) and its parent: the branch's key is the
  parent's key followed by the branch part ("浪潮电子信息产业" + "济南分公司"),
  so it never equals the parent's key but stays similar to it.

The decided cases are tabled in docs/design.md ("Company identity and the
region") and in tests/domain/test_names.py.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from erpdesk.domain.divisions import (
    Division,
    divisions,
    leading_divisions,
    most_specific,
    related,
    token_extensions,
)

# Legal forms stripped from the end, longest first; applied repeatedly so
# "…集团股份有限公司" and "…公司有限公司" both lose all of it.
LEGAL_SUFFIXES: tuple[str, ...] = (
    "集团股份有限公司",
    "集团有限责任公司",
    "股份有限公司",
    "有限责任公司",
    "集团有限公司",
    "有限公司",
    "股份公司",
    "集团公司",
    "总公司",
    "集团",
    "公司",
    "总厂",
    "厂",
)

# Endings that make a separate customer out of a parent company.
BRANCH_SUFFIXES: tuple[str, ...] = ("分公司", "分厂", "办事处")

# Latin legal forms, stripped as whole words before spaces are removed (so
# that "zinc" keeps its "inc").
_LATIN_SUFFIX = re.compile(
    r"(?:[\s,.&]*\b(?:co|company|corp|corporation|inc|incorporated|ltd|limited|llc|plc"
    r"|gmbh|group)\b\.?)+$"
)

_OPENERS = "([{【〔〖「『〈《"
_CLOSERS = ")]}】〕〗」』〉》"
_BRACKETS = str.maketrans(_OPENERS + _CLOSERS, "(" * len(_OPENERS) + ")" * len(_CLOSERS))
_BRACKETED = re.compile(r"\(([^()]*)\)")

# Everything but letters and digits (spaces, punctuation, symbols, brackets,
# marks, controls): \W is the complement of \w, which keeps "_".
_NOT_ALNUM = re.compile(r"[\W_]+")

# Least key length that stripping a legal form may leave.
MIN_KEY = 2

# Times a key is normalised again at most before it is taken as it is.
_SETTLE = 6


def fold(text: str) -> str:
    """NFKC (full-width to half-width), lower-cased Latin, one bracket form."""
    text = unicodedata.normalize("NFKC", text)
    text = unicodedata.normalize("NFKC", text.lower())
    return text.translate(_BRACKETS)


def _compact(text: str) -> str:
    return _NOT_ALNUM.sub("", text)


def _bracket_region(text: str) -> tuple[Division, ...]:
    """The divisions a bracketed text consists of, or () when it holds more."""
    compact = _compact(text)
    chain, end = leading_divisions(compact)
    return chain if chain and end == len(compact) else ()


def _drop_bracketed_regions(text: str) -> tuple[str, tuple[Division, ...], str]:
    """*text* without "(北京)"-style regions, their divisions, and the first
    one as written."""
    found: list[Division] = []
    written = ""

    def repl(match: re.Match[str]) -> str:
        nonlocal written
        chain = _bracket_region(match.group(1))
        if not chain:
            return match.group(0)
        found.extend(chain)
        written = written or _compact(match.group(1))
        return ""

    return _BRACKETED.sub(repl, text), tuple(found), written


def _strip_latin(text: str) -> str:
    stripped = _LATIN_SUFFIX.sub("", text)
    return stripped if len(_compact(stripped)) >= MIN_KEY else text


def _strip_legal(core: str) -> str:
    """*core* without trailing legal forms, never shorter than ``MIN_KEY``."""
    changed = True
    while changed:
        changed = False
        for suffix in LEGAL_SUFFIXES:
            if (
                core.endswith(suffix)
                and len(core) - len(suffix) >= MIN_KEY
                and not any(core.endswith(b) for b in BRANCH_SUFFIXES)
            ):
                core = core[: -len(suffix)]
                changed = True
                break
    return core


def _split_branch(compact: str) -> tuple[str, str]:
    """``(parent, branch)`` for a branch name whose parent has a legal form.

    "浪潮电子信息产业股份有限公司济南分公司" -> ("浪潮电子信息产业股份有限公司", "济南分公司").
    Returns ``(compact, "")`` for anything else.
    """
    if not compact.endswith(BRANCH_SUFFIXES):
        return compact, ""
    best = -1
    for suffix in LEGAL_SUFFIXES:
        if suffix == "厂":  # too short to mark the end of a parent's name
            continue
        pos = compact.rfind(suffix, 0, len(compact) - 2)
        end = pos + len(suffix) if pos >= 0 else -1
        if end > best:
            best = end
    if best < MIN_KEY or len(compact) - best <= 2:
        return compact, ""
    return compact[:best], compact[best:]


def _render(region: tuple[Division, ...], rest: str) -> str:
    return "".join(d.token for d in region) + rest


def _key_once(name: str) -> str:
    folded, bracketed, _ = _drop_bracketed_regions(fold(name))
    compact = _compact(_strip_latin(folded))
    if not compact:
        return _compact(fold(name)) or name.strip()
    parent, branch = _split_branch(compact)
    if branch or not compact.endswith(BRANCH_SUFFIXES):
        parent = _strip_legal(parent)
    # A branch whose parent cannot be told apart is kept whole (its legal
    # form too), with its leading region written as in any key.
    leading, end = leading_divisions(parent)
    region = most_specific(leading + bracketed)
    return _render(region, parent[end:] + branch)


# Pure and called several times for each name on hot paths (a sync push
# normalises each new customer's name at each of its checks).
@lru_cache(maxsize=8192)
def normalize_company_name(name: str) -> str:
    """The comparison key of a company name; never empty for a non-empty name.

    "浪潮（北京）电子信息产业有限公司", "北京浪潮电子信息产业有限公司" and
    "北京市浪潮 电子信息产业 股份有限公司" all give "北京浪潮电子信息产业";
    "浪潮电子信息产业股份有限公司" gives "浪潮电子信息产业".  The key of a key
    is the key itself.
    """
    key = _key_once(name)
    # A region written short may run into what follows ("深圳市市场…" ->
    # "深圳" + "市场…" reads as "深圳市" + "场…"), and rare branch names
    # change again; settle on the fixed point.
    for _ in range(_SETTLE):
        again = _key_once(key)
        if again == key:
            break
        key = again
    return key


@dataclass(frozen=True)
class KeyParts:
    """A name key split into its region and the rest (trade name, industry,
    branch).  ``region`` holds no division lying within another of it."""

    region: tuple[Division, ...]
    rest: str


def _parts(key: str) -> KeyParts:
    chain, end = leading_divisions(key)
    return KeyParts(most_specific(chain), key[end:])


key_parts = lru_cache(maxsize=16384)(_parts)
key_parts.__doc__ = """The region and the rest of a name key (see ``normalize_company_name``)."""


def different_regions(key_a: str, key_b: str) -> bool:
    """The keys differ only in their regions, which lie apart (北京银行,
    上海银行): two companies, never to be reported as near names."""
    a, b = key_parts(key_a), key_parts(key_b)
    if not a.rest or a.rest != b.rest or len(a.region) != 1 or len(b.region) != 1:
        return False
    return not related(a.region[0], b.region[0])


def region_variant_keys(key: str) -> tuple[str, ...]:
    """The keys that differ from *key* only in a region on one side (浪潮… and
    北京浪潮…) or a region and one within it (广东X, 深圳X): possible
    duplicates, for the administrator to decide.

    Without a region: the key under each division.  With one region: the
    key without it, and under each division containing it or within it.
    Keys of a region only, or of several unrelated regions, have none.
    """
    parts = key_parts(key)
    rest = parts.rest
    if not rest or len(parts.region) > 1:
        return ()
    # Only where the region reads back as written: "深圳" + "市场…" would
    # read as 深圳市 + "场…" (no name has that key).
    if not parts.region:
        # The rest opens with no region, so only a longer name can form.
        return tuple(
            d.token + rest
            for d in divisions()
            if not any(rest.startswith(more) for more in token_extensions(d))
        )
    own = parts.region[0]
    variants = [rest]
    for division in divisions():
        if division is not own and related(division, own):
            variant = _render((division,), rest)
            if _parts(variant) == KeyParts((division,), rest):
                variants.append(variant)
    return tuple(variants)


def name_region(name: str) -> str:
    """The region a company name carries, leading or bracketed, as written.

    "北京市百度网讯科技有限公司" -> "北京市"; "浪潮（北京）电子信息产业有限公司" -> "北京";
    "" when there is none.
    """
    text, _bracketed, written = _drop_bracketed_regions(fold(name))
    compact = _compact(text)
    _chain, end = leading_divisions(compact)
    return compact[:end] or written
