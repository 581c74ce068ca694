"""Correctness rules for customers, contacts and activities.

The ``*_problems`` functions list every problem (the form shows them all at
once); the ``validate_*`` functions return a normalised copy or raise
``ValidationError`` with that list.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import fields, replace
from datetime import datetime
from typing import Any, TypeVar

from erpdesk.domain.customer import Activity, Contact, Customer
from erpdesk.domain.dates import date_problem
from erpdesk.domain.errors import Problem, ValidationError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.regions import find_province
from erpdesk.domain.uscc import normalize_uscc, uscc_problems

# Longest text each field may hold.
MAX_LENGTH: dict[str, int] = {
    "name": 200,
    "short_name": 50,
    "province": 20,
    "city": 30,
    "address": 300,
    "source_detail": 200,
    "phone": 40,
    "website": 200,
    "need": 2000,
    "notes": 5000,
}
CONTACT_MAX_LENGTH: dict[str, int] = {
    "name": 50,
    "title": 100,
    "department": 100,
    "mobile": 40,
    "office_phone": 40,
    "email": 200,
    "wechat": 50,
}
ACTIVITY_MAX_LENGTH: dict[str, int] = {"summary": 2000, "outcome": 2000, "next_step": 2000}

MIN_NAME_LENGTH = 4

_TOO_LONG_TEXT = QT_TRANSLATE_NOOP(
    "Domain", "At most {max} characters are allowed here, not {length}"
)

# --- phone numbers, e-mail, web site -------------------------------------

# "(0531)8510-6000" -> "0531-8510-6000"
_AREA_IN_BRACKETS = re.compile(r"^\((\+?\d{2,5})\)-?")
# Extension markers: 转 (transfer), 分机 (extension), ext, x, #.
_EXTENSION = re.compile(r"(?:转|分机|ext\.?|x|#)(?=\d+$)", re.IGNORECASE)

_MOBILE = re.compile(r"(?:\+86|0086|86)?1[3-9]\d{9}")
# Area codes: 010 and 02x have 3 digits, the rest 4 (03xx-09xx).  Local
# numbers have 7 or 8 digits and never start with 0 or 1.
_LANDLINE = re.compile(
    r"(?:(?:\+86|0086)-?0?(?:10|2\d|[3-9]\d{2})|0(?:10|2\d|[3-9]\d{2}))"
    r"-?[2-9]\d{6,7}(?:-\d{1,6})?"
)
_SERVICE = re.compile(r"[48]00-?\d{3}-?\d{4}(?:-\d{1,6})?")

_EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}"
)
_WEBSITE = re.compile(
    r"(?:https?://)?(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}(?::\d{1,5})?(?:[/?#]\S*)?",
    re.IGNORECASE,
)


def _fold(text: str) -> str:
    """Full-width forms to half-width (NFKC), surrounding space removed."""
    return unicodedata.normalize("NFKC", text).strip()


def normalize_phone(text: str) -> str:
    """A phone number as it is kept: half-width, no spaces, dashes as typed.

    "(0531) 8510 6000 转 12" -> "0531-85106000-12".  Characters that have no
    place in a number (letters, dots) are kept so that validation rejects
    them instead of a wrong number being saved quietly.
    """
    text = "".join(_fold(text).split())
    text = _AREA_IN_BRACKETS.sub(r"\1-", text)
    text = _EXTENSION.sub("-", text)
    text = re.sub(r"-{2,}", "-", text)
    return text.strip("-")


def is_mobile(text: str) -> bool:
    """A mainland mobile number, with or without +86/0086/86 and dashes."""
    return _MOBILE.fullmatch(normalize_phone(text).replace("-", "")) is not None


def is_landline(text: str) -> bool:
    """A fixed-line number with its area code, or a 400/800 service number.

    "0531-85106000", "010 8888 8888-123", "+86-531-85106000", "400-810-0000".
    """
    number = normalize_phone(text)
    return bool(_LANDLINE.fullmatch(number) or _SERVICE.fullmatch(number))


def is_phone(text: str) -> bool:
    """A mobile or a fixed-line number."""
    return is_mobile(text) or is_landline(text)


def is_email(text: str) -> bool:
    """A plausible address: one @, no spaces, a domain with a dot."""
    return _EMAIL.fullmatch(_fold(text)) is not None


def is_website(text: str) -> bool:
    """A web address: optional http(s)://, a host name with a dot."""
    return _WEBSITE.fullmatch(_fold(text)) is not None


# --- problems ----------------------------------------------------------------


def _required(obj: Any, name: str, text: str) -> list[Problem]:
    return [] if str(getattr(obj, name)).strip() else [Problem(name, "required", text)]


def _too_long(obj: Any, limits: dict[str, int]) -> list[Problem]:
    out = []
    for name, limit in limits.items():
        length = len(str(getattr(obj, name)).strip())
        if length > limit:
            out.append(Problem(name, "too_long", _TOO_LONG_TEXT, {"max": limit, "length": length}))
    return out


_NOT_A_PHONE = QT_TRANSLATE_NOOP(
    "Domain", "{value} is not a phone number (a mobile, or an area code and number)"
)
_NOT_A_WEBSITE = QT_TRANSLATE_NOOP("Domain", "{value} is not a web address")
_NOT_A_MOBILE = QT_TRANSLATE_NOOP("Domain", "{value} is not a mobile number")
_NOT_AN_EMAIL = QT_TRANSLATE_NOOP("Domain", "{value} is not an e-mail address")


def _format_problems(
    obj: Any, checks: tuple[tuple[str, Callable[[str], bool], str], ...]
) -> list[Problem]:
    """A ``<field>.invalid`` problem for each filled-in field whose value fails
    its check (an empty optional field is fine)."""
    out = []
    for name, is_valid, text in checks:
        value = str(getattr(obj, name)).strip()
        if value and not is_valid(value):
            out.append(Problem(name, f"{name}.invalid", text, {"value": value}))
    return out


def _has_letters(text: str) -> bool:
    """True when *text* holds a letter or a Chinese character, not only digits/marks."""
    return any(unicodedata.category(ch).startswith("L") for ch in text)


def customer_problems(c: Customer) -> list[Problem]:
    """Every correctness problem of *c*; fields that are empty are not checked
    (what registration additionally requires is in ``completeness``)."""
    problems = _required(c, "name", QT_TRANSLATE_NOOP("Domain", "The full name is required"))
    name = c.name.strip()
    if name and len(name) < MIN_NAME_LENGTH:
        problems.append(
            Problem(
                "name",
                "name.too_short",
                QT_TRANSLATE_NOOP("Domain", "The full name must have at least {min} characters"),
                {"min": MIN_NAME_LENGTH},
            )
        )
    if name and not _has_letters(name):
        problems.append(
            Problem(
                "name",
                "name.no_letters",
                QT_TRANSLATE_NOOP("Domain", "The full name must contain letters, not only digits"),
            )
        )
    problems += _too_long(c, MAX_LENGTH)
    problems += uscc_problems(c.uscc, "uscc")
    problems += _format_problems(
        c, (("phone", is_phone, _NOT_A_PHONE), ("website", is_website, _NOT_A_WEBSITE))
    )
    return problems


def contact_problems(c: Contact) -> list[Problem]:
    """Every correctness problem of *c*; no way of reaching them is required."""
    problems = _required(c, "name", QT_TRANSLATE_NOOP("Domain", "The contact's name is required"))
    problems += _too_long(c, CONTACT_MAX_LENGTH)
    problems += _format_problems(
        c,
        (
            ("mobile", is_mobile, _NOT_A_MOBILE),
            ("office_phone", is_phone, _NOT_A_PHONE),
            ("email", is_email, _NOT_AN_EMAIL),
        ),
    )
    return problems


def activity_problems(a: Activity, *, now: datetime | None = None) -> list[Problem]:
    """Every correctness problem of *a*; its time must be plausible
    (``dates``: from 1949-10-01, and at most a year after *now* when given)."""
    problems = _required(a, "summary", QT_TRANSLATE_NOOP("Domain", "A summary is required"))
    problems += _too_long(a, ACTIVITY_MAX_LENGTH)
    if a.occurred_at.tzinfo is None or a.occurred_at.utcoffset() is None:
        problems.append(
            Problem(
                "occurred_at",
                "occurred_at.naive",
                QT_TRANSLATE_NOOP("Domain", "The time of the activity has no time zone"),
            )
        )
    implausible = date_problem(a.occurred_at, now)
    if implausible is not None:
        problems.append(implausible)
    return problems


# --- validate: normalise, check, raise ---------------------------------------

_T = TypeVar("_T", Customer, Contact, Activity)


def _stripped(obj: _T) -> _T:
    """A copy of *obj* with every str field stripped."""
    changes: dict[str, Any] = {
        f.name: value.strip()
        for f in fields(obj)
        if isinstance(value := getattr(obj, f.name), str) and value != value.strip()
    }
    return replace(obj, **changes) if changes else obj


def normalize_customer(c: Customer) -> Customer:
    """*c* with strings stripped, code and phone normalised and the province
    in its full standard name ("广东" -> "广东省")."""
    c = _stripped(c)
    province = find_province(c.province)
    return replace(
        c,
        uscc=normalize_uscc(c.uscc),
        phone=normalize_phone(c.phone),
        province=province.name if province else c.province,
    )


def normalize_contact(c: Contact) -> Contact:
    """*c* with strings stripped, phones normalised and the e-mail half-width."""
    c = _stripped(c)
    return replace(
        c,
        mobile=normalize_phone(c.mobile),
        office_phone=normalize_phone(c.office_phone),
        email=_fold(c.email),
    )


def validate_customer(c: Customer) -> Customer:
    """The normalised copy of *c*; raises ``ValidationError`` listing every problem."""
    c = normalize_customer(c)
    problems = customer_problems(c)
    if problems:
        raise ValidationError(problems)
    return c


def validate_contact(c: Contact) -> Contact:
    """The normalised copy of *c*; raises ``ValidationError`` listing every problem."""
    c = normalize_contact(c)
    problems = contact_problems(c)
    if problems:
        raise ValidationError(problems)
    return c


def validate_activity(a: Activity, *, now: datetime | None = None) -> Activity:
    """The stripped copy of *a*; raises ``ValidationError`` listing every
    problem (*now*: the caller's clock, for the latest plausible date)."""
    a = _stripped(a)
    problems = activity_problems(a, now=now)
    if problems:
        raise ValidationError(problems)
    return a
