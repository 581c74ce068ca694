"""Company-name normalisation: the comparison key of duplicate detection.

Two names with the same key are taken to name the same company.  The key
folds away what varies between ways of writing one company's name:
full-width forms, bracket styles, spaces and punctuation, the legal form
(有限公司, 股份有限公司, Co., Ltd. …) and a region name in front or in
brackets ("北京浪潮…", "浪潮(北京)…").

A branch (分公司, 分厂, 办事处) is a different customer from its parent:
its key is the parent's key followed by the branch part ("浪潮电子信息产业"
+ "济南分公司"), so it never equals the parent's key but stays similar to it
(the administrator sees it as a possible duplicate).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from erpdesk.domain.regions import leading_region, region_names

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

# Least key length that stripping may leave.
MIN_KEY = 2


def fold(text: str) -> str:
    """NFKC (full-width to half-width), lower-cased Latin, one bracket form."""
    text = unicodedata.normalize("NFKC", text)
    text = unicodedata.normalize("NFKC", text.lower())
    return text.translate(_BRACKETS)


def _compact(text: str) -> str:
    return _NOT_ALNUM.sub("", text)


def _is_region(text: str) -> bool:
    return _compact(text) in region_names()


def _drop_bracketed_regions(text: str) -> tuple[str, str]:
    """*text* without "(北京)"-style regions, and the first region dropped."""
    found = ""

    def repl(match: re.Match[str]) -> str:
        nonlocal found
        if _is_region(match.group(1)):
            found = found or _compact(match.group(1))
            return ""
        return match.group(0)

    return _BRACKETED.sub(repl, text), found


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


def _core_key(compact: str) -> str:
    core = _strip_legal(compact)
    _region, rest = leading_region(core)
    return rest


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


def _key_once(name: str) -> str:
    folded, _ = _drop_bracketed_regions(fold(name))
    compact = _compact(_strip_latin(folded))
    if not compact:
        return _compact(fold(name)) or name.strip()
    parent, branch = _split_branch(compact)
    if branch:
        return _core_key(parent) + branch
    if compact.endswith(BRANCH_SUFFIXES):
        # A branch whose parent cannot be told apart: keep it whole rather
        # than strip a region that may be the branch's own ("济南分公司").
        return compact
    return _core_key(compact)


# Pure and called several times for each name on hot paths (a sync push
# normalises each new customer's name at each of its checks).
@lru_cache(maxsize=8192)
def normalize_company_name(name: str) -> str:
    """The comparison key of a company name; never empty for a non-empty name.

    "浪潮（北京）电子信息产业有限公司", "北京浪潮电子信息产业有限公司" and
    "浪潮 电子信息产业 股份有限公司" all give "浪潮电子信息产业".  The key of a
    key is the key itself.
    """
    key = _key_once(name)
    # Rare names (a branch whose parent's core holds "公司") change again
    # when normalised twice; settle on the fixed point.
    for _ in range(4):
        again = _key_once(key)
        if again == key:
            break
        key = again
    return key


def name_region(name: str) -> str:
    """The region a company name carries, leading or bracketed, for display.

    "北京市百度网讯科技有限公司" -> "北京市"; "浪潮（北京）电子信息产业有限公司" -> "北京";
    "" when there is none.
    """
    text, bracketed = _drop_bracketed_regions(fold(name))
    region, _rest = leading_region(_compact(text))
    return region or bracketed
