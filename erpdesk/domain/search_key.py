"""The lowercase search text behind search-as-you-type.

Each customer row keeps one ``search_key``; a query matches when
``instr(search_key, normalize_query(text)) > 0`` in SQL.  The key holds the
name and short name as typed (folded), their pinyin in full and as initials
("浪潮" -> "langchao", "lc"), the credit code and each phone as digits, and
its contacts' names as typed and in full pinyin, and their phones.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from erpdesk.domain.uscc import normalize_uscc

# Separates the parts of a key; a query never contains it, so a match never
# spans two parts.
SEPARATOR = "\x1f"

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# A run of Han characters (CJK unified ideographs, extension A and the
# compatibility block; the rarer extensions are left to pass as symbols).
_HAN_RUN = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)")
_NUMBERISH = re.compile(r"[\d+\-()\s]+")
_NON_DIGIT = re.compile(r"\D+")


def _fold(text: str) -> str:
    """NFKC (full-width to half-width), lower case, no whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


@lru_cache(maxsize=65536)
def pinyin_forms(text: str) -> tuple[str, str]:
    """``(full pinyin, initials)`` of *text*, lower case, without tones.

    "浪潮电子" -> ("langchaodianzi", "lcdz").  Latin letters and digits are
    kept (lower-cased) in both; punctuation and spaces are dropped.
    """
    if not text:
        return "", ""
    # pypinyin takes a fifth of a second to import: only when first needed.
    from pypinyin import Style, lazy_pinyin

    full: list[str] = []
    initials: list[str] = []
    for run in _HAN_RUN.split(unicodedata.normalize("NFKC", text).lower()):
        if _HAN_RUN.fullmatch(run):
            # One syllable per character; its first letter is the initial
            # (what Style.FIRST_LETTER gives, at half the cost of a second call).
            syllables = lazy_pinyin(run, style=Style.NORMAL)
            full += syllables
            initials += (syl[:1] for syl in syllables)
        else:
            full.append(run)
            initials.append(run)
    return _NOT_ALNUM.sub("", "".join(full)), _NOT_ALNUM.sub("", "".join(initials))


def phone_digits(text: str) -> str:
    """The digits of a phone number: "0531-8510 6000" -> "053185106000"."""
    return _NON_DIGIT.sub("", unicodedata.normalize("NFKC", text))


def customer_search_key(
    name: str,
    short_name: str,
    uscc: str,
    phones: Iterable[str],
    people: Iterable[str] = (),
) -> str:
    """One lowercase string to search a customer by, parts joined by ``SEPARATOR``.

    *people* are the names of its contacts: found as written and by full
    pinyin ("zhangwei"), not by initials, which would let a two-letter query
    match every customer with someone of those initials."""
    parts = [_fold(name), _fold(short_name)]
    parts += pinyin_forms(name.strip())
    parts += pinyin_forms(short_name.strip())
    parts.append(normalize_uscc(uscc).lower())
    parts += (phone_digits(p) for p in phones)
    for person in people:
        parts += (_fold(person), pinyin_forms(person.strip())[0])
    seen: set[str] = set()
    kept = []
    for part in parts:
        if part and part not in seen:
            seen.add(part)
            kept.append(part)
    return SEPARATOR.join(kept)


def normalize_query(text: str) -> str:
    """A typed query in the form of the key: folded, lower case, no spaces.

    A query of only digits, "+", "-", brackets and spaces looks for a phone
    number, so only its digits are kept ("0531-8510 6000" -> "053185106000").
    """
    folded = unicodedata.normalize("NFKC", text).strip()
    if folded and _NUMBERISH.fullmatch(folded) and any(ch.isdigit() for ch in folded):
        return phone_digits(folded)
    return "".join(folded.lower().split())


def own_match(
    query: str, name: str, short_name: str = "", uscc: str = "", phone: str = ""
) -> bool:
    """Whether *query* (``normalize_query``'s form) finds the customer by
    its own name, short name (as typed or in pinyin), credit code or phone,
    not only through one of its contacts."""
    if not query:
        return True
    parts = [_fold(name), _fold(short_name), *pinyin_forms(name.strip())]
    parts += pinyin_forms(short_name.strip())
    parts += (normalize_uscc(uscc).lower(), phone_digits(phone))
    return any(query in part for part in parts if part)


def person_matches(query: str, person: str, phones: Iterable[str] = ()) -> bool:
    """Whether *query* finds the contact *person* (name as typed, its full
    pinyin, or one of *phones* as digits)."""
    if not query:
        return False
    parts = [_fold(person), pinyin_forms(person.strip())[0], *(phone_digits(p) for p in phones)]
    return any(query in part for part in parts if part)
