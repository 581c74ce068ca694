"""Unified social credit code (统一社会信用代码), GB 32100-2015.

An 18-character code: registration authority (1), organisation category (1),
administrative division (6), organisation code (9) and a check character (1)
computed over the first 17 characters modulo 31.
"""

from __future__ import annotations

import random

from erpdesk.domain.errors import Problem
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP

USCC_LENGTH = 18

# The 31 characters a code may use: digits and capitals without I, O, Z, S, V.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}

# Weight of each of positions 1..17 (3**(i-1) mod 31).
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# Registration authority codes (登记管理部门码): 1-9, A-H, N (agriculture) and Y (other).
AUTHORITY_CODES = "123456789ABCDEFGHNY"

_LENGTH_TEXT = QT_TRANSLATE_NOOP("Domain", "The credit code must have 18 characters, not {length}")
_ALPHABET_TEXT = QT_TRANSLATE_NOOP(
    "Domain", "The credit code contains characters it cannot use: {chars}"
)
_PREFIX_TEXT = QT_TRANSLATE_NOOP("Domain", "The credit code cannot start with {char}")
_REGION_TEXT = QT_TRANSLATE_NOOP(
    "Domain", "Characters 3 to 8 of the credit code must be a 6-digit region code, not {region}"
)
_CHECK_TEXT = QT_TRANSLATE_NOOP("Domain", "The check character should be {expected}, not {found}")


def _fold_fullwidth(ch: str) -> str:
    """Full-width ASCII (U+FF01..U+FF5E) to its half-width form."""
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    return ch


def normalize_uscc(text: str) -> str:
    """Whitespace removed (full-width space too), full-width folded, upper-cased."""
    return "".join(_fold_fullwidth(ch) for ch in text if not ch.isspace()).upper()


def uscc_check_char(first17: str) -> str:
    """The check character (position 18) for the first 17 characters.

    Raises ``ValueError`` if *first17* is not 17 characters of the alphabet.
    """
    if len(first17) != USCC_LENGTH - 1:
        raise ValueError(f"expected 17 characters, got {len(first17)}")
    try:
        total = sum(_VALUE[ch] * w for ch, w in zip(first17, WEIGHTS, strict=True))
    except KeyError as exc:
        raise ValueError(f"character {exc.args[0]!r} is not in the USCC alphabet") from exc
    check = 31 - total % 31
    return ALPHABET[0 if check == 31 else check]


def is_valid_uscc(text: str) -> bool:
    """True for a non-empty, well-formed code (after normalisation)."""
    return bool(text.strip()) and not uscc_problems(text)


def uscc_problems(text: str, field: str = "uscc") -> list[Problem]:
    """Everything wrong with *text* as a credit code; ``[]`` for an empty one.

    The code is optional on a customer, so emptiness is not a problem here
    (registration requires it: see ``completeness``).
    """
    code = normalize_uscc(text)
    if not code:
        return []
    problems: list[Problem] = []
    if len(code) != USCC_LENGTH:
        problems.append(Problem(field, "uscc.length", _LENGTH_TEXT, {"length": len(code)}))
    bad = sorted({ch for ch in code if ch not in _VALUE}, key=code.index)
    if bad:
        problems.append(Problem(field, "uscc.alphabet", _ALPHABET_TEXT, {"chars": " ".join(bad)}))
    if len(code) != USCC_LENGTH:
        return problems
    if code[0] not in AUTHORITY_CODES:
        problems.append(Problem(field, "uscc.prefix", _PREFIX_TEXT, {"char": code[0]}))
    region = code[2:8]
    if not (region.isascii() and region.isdigit()):
        problems.append(Problem(field, "uscc.region", _REGION_TEXT, {"region": region}))
    if not bad:
        expected = uscc_check_char(code[:17])
        if code[17] != expected:
            problems.append(
                Problem(field, "uscc.check", _CHECK_TEXT, {"expected": expected, "found": code[17]})
            )
    return problems


def make_uscc(rng: random.Random, region_code: str = "110000") -> str:
    """A random valid code of an enterprise (``91``) in *region_code*, for demo data."""
    if len(region_code) != 6 or not region_code.isdigit():
        raise ValueError(f"region code must be 6 digits, got {region_code!r}")
    body = "91" + region_code + "".join(rng.choice(ALPHABET) for _ in range(9))
    return body + uscc_check_char(body)
