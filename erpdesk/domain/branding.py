"""The company's branding on its customer documents (quotes, proposals): the
names, address and contact lines of the letterhead, the tax and bank details
a Chinese customer needs to pay (纳税人识别号, 开户银行, 银行账号), the
logo, the colours and the texts around the seal.

``Branding`` is a plain value; ``branding_problems`` lists what is wrong with
one (a form shows them all at once) and ``branding_to_data`` /
``branding_from_data`` turn it into JSON-able data and back (the logo as
base64) for the desk's ``meta`` table.  The logo is checked here by its own
bytes (PNG or JPEG signature, its header's size in pixels) so that no image
library is needed to refuse a wrong file.
"""

from __future__ import annotations

import base64
import binascii
import re
import struct
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from erpdesk.domain.errors import DomainError, Problem
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.uscc import uscc_problems
from erpdesk.domain.validation import is_email, is_phone, is_website, normalize_phone

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_PIXELS = 6000  # each way; a larger picture only slows the PDF down
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_TAX_ID = re.compile(r"[0-9A-Z]{15}|[0-9A-Z]{17}|[0-9A-Z]{20}")
_BANK_ACCOUNT = re.compile(r"\d{8,32}")

# Longest text of each field (the letterhead has room for this much).
MAX_LENGTH: dict[str, int] = {
    "name_zh": 100,
    "name_en": 150,
    "short_name": 30,
    "address_zh": 200,
    "address_en": 300,
    "phone": 40,
    "fax": 40,
    "email": 200,
    "website": 200,
    "tax_id": 20,
    "bank_name": 100,
    "bank_account": 40,
    "letterhead_line": 120,
    "letterhead_line_en": 160,
    "seal_label": 30,
    "footer_note": 200,
    "footer_note_en": 300,
}

_TOO_LONG = QT_TRANSLATE_NOOP("Domain", "At most {max} characters are allowed here, not {length}")
NAME_REQUIRED = QT_TRANSLATE_NOOP("Domain", "The company name is required")
NOT_A_COLOUR = QT_TRANSLATE_NOOP(
    "Domain", "{value} is not a colour; write it as # and six hex digits, such as #1d4e89"
)
NOT_A_PHONE = QT_TRANSLATE_NOOP(
    "Domain", "{value} is not a phone number (a mobile, or an area code and number)"
)
NOT_AN_EMAIL = QT_TRANSLATE_NOOP("Domain", "{value} is not an e-mail address")
NOT_A_WEBSITE = QT_TRANSLATE_NOOP("Domain", "{value} is not a web address")
NOT_A_TAX_ID = QT_TRANSLATE_NOOP(
    "Domain",
    "{value} is not a taxpayer identification number (15, 17, 18 or 20 letters and digits)",
)
NOT_A_BANK_ACCOUNT = QT_TRANSLATE_NOOP(
    "Domain", "{value} is not a bank account number (8 to 32 digits)"
)
LOGO_NOT_AN_IMAGE = QT_TRANSLATE_NOOP("Domain", "The logo is not a PNG or JPEG image")
LOGO_TOO_BIG = QT_TRANSLATE_NOOP(
    "Domain", "The logo file is too big ({size} KB); at most {max} KB are allowed"
)
LOGO_TOO_MANY_PIXELS = QT_TRANSLATE_NOOP(
    "Domain", "The logo is too large ({width} × {height} pixels); at most {max} pixels each way"
)


class BrandingError(DomainError):
    """The branding cannot be used or read (a logo file, the stored data)."""

    text = QT_TRANSLATE_NOOP("Domain", "The company branding cannot be used")


LOGO_MISSING = QT_TRANSLATE_NOOP("Domain", "The logo file {path} does not exist")
LOGO_UNREADABLE = QT_TRANSLATE_NOOP("Domain", "The logo file {path} cannot be read")
STORED_UNREADABLE = QT_TRANSLATE_NOOP(
    "Domain",
    "The stored company branding cannot be read; open the branding settings and save them again",
)


@dataclass(frozen=True)
class Branding:
    """What a customer document shows of the company that sends it.

    Names, address, letterhead line and footer note come in Chinese and
    English; a document in English falls back to the Chinese text where the
    English one is empty (and the other way round).  Colours are
    ``#RRGGBB``: ``primary`` for the name, rules and table headings,
    ``accent`` for the thin rule and the highlights.  ``seal_label`` is the
    text of the seal area (（盖章）) in Chinese documents."""

    name_zh: str
    name_en: str = ""
    short_name: str = ""
    address_zh: str = ""
    address_en: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""
    tax_id: str = ""  # 纳税人识别号 (the credit code since 2015)
    bank_name: str = ""  # 开户银行
    bank_account: str = ""  # 银行账号
    logo: bytes | None = None  # PNG or JPEG
    primary_colour: str = "#1d4e89"
    accent_colour: str = "#d9822b"
    letterhead_line: str = ""  # under the name
    letterhead_line_en: str = ""
    seal_label: str = "（盖章）"
    footer_note: str = ""
    footer_note_en: str = ""

    def name(self, language: str) -> str:
        return self._pick(self.name_zh, self.name_en, language)

    def other_name(self, language: str) -> str:
        """The name in the other language ("" when it is the same text)."""
        other = self._pick(self.name_en, self.name_zh, language)
        return "" if other == self.name(language) else other

    def address(self, language: str) -> str:
        return self._pick(self.address_zh, self.address_en, language)

    def tagline(self, language: str) -> str:
        return self._pick(self.letterhead_line, self.letterhead_line_en, language)

    def footer(self, language: str) -> str:
        return self._pick(self.footer_note, self.footer_note_en, language)

    @staticmethod
    def _pick(zh: str, en: str, language: str) -> str:
        first, second = (zh, en) if language.lower().startswith("zh") else (en, zh)
        return first.strip() or second.strip()


DEFAULT_BRANDING = Branding(
    name_zh="云启软件有限公司",
    name_en="Yunqi Software Co., Ltd.",
    short_name="云启软件",
    address_zh="上海市浦东新区张江高科技园区碧波路 690 号 5 号楼 8 层",
    address_en="8F, Building 5, No. 690 Bibo Road, Zhangjiang Hi-Tech Park, Pudong, Shanghai",
    phone="021-50806000",
    fax="021-50806001",
    email="sales@yunqi.example.com",
    website="www.yunqi.example.com",
    tax_id="91310115MA1K4C5Y04",
    bank_name="招商银行上海张江支行",
    bank_account="121909385210001",
    letterhead_line="企业管理软件 · 实施 · 运维服务",
    letterhead_line_en="ERP software · implementation · support",
    footer_note="服务热线 400-820-6000 · 7×24 小时技术支持",
    footer_note_en="Service hotline 400-820-6000 · 24/7 support",
)


# --- the logo -----------------------------------------------------------------


def logo_format(data: bytes) -> str | None:
    """``"png"`` or ``"jpeg"`` by the file's signature, else None."""
    if data.startswith(PNG_SIGNATURE):
        return "png"
    if data.startswith(JPEG_SIGNATURE):
        return "jpeg"
    return None


def logo_size(data: bytes) -> tuple[int, int] | None:
    """The picture's (width, height) in pixels read from its header (PNG:
    the IHDR chunk; JPEG: the first start-of-frame marker), or None when the
    bytes are not a PNG or JPEG with a readable header."""
    kind = logo_format(data)
    if kind == "png":
        if len(data) < 24 or data[12:16] != b"IHDR":
            return None
        width, height = struct.unpack(">II", data[16:24])
        return (width, height) if width and height else None
    if kind == "jpeg":
        return _jpeg_size(data)
    return None


# Start-of-frame markers: C0-CF except DHT (C4), JPG (C8) and DAC (CC).
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker == 0x01 or 0xD0 <= marker <= 0xD8:  # no length follows
            at += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image, start of scan: no frame seen
            return None
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if marker in _SOF:
            if at + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return (width, height) if width and height else None
        at += 2 + length
    return None


def logo_too_big(size: int, field: str = "logo") -> Problem:
    """The problem of a logo file of *size* bytes, over ``LOGO_MAX_BYTES``."""
    return Problem(
        field,
        "logo.too_big",
        LOGO_TOO_BIG,
        {"size": (size + 1023) // 1024, "max": LOGO_MAX_BYTES // 1024},
    )


def logo_problems(data: bytes | None, field: str = "logo") -> list[Problem]:
    """What is wrong with *data* as a logo ([] for none)."""
    if data is None:
        return []
    if len(data) > LOGO_MAX_BYTES:
        return [logo_too_big(len(data), field)]
    size = logo_size(data)
    if size is None:
        return [Problem(field, "logo.not_an_image", LOGO_NOT_AN_IMAGE)]
    width, height = size
    if max(width, height) > LOGO_MAX_PIXELS:
        return [
            Problem(
                field,
                "logo.too_many_pixels",
                LOGO_TOO_MANY_PIXELS,
                {"width": width, "height": height, "max": LOGO_MAX_PIXELS},
            )
        ]
    return []


# --- problems -------------------------------------------------------------------


def normalize_branding(b: Branding) -> Branding:
    """*b* with its texts stripped, phone numbers normalised, the tax id in
    upper case without spaces, the bank account without spaces and the
    colours in lower case."""
    changes: dict[str, Any] = {
        f.name: value.strip() for f in fields(b) if isinstance(value := getattr(b, f.name), str)
    }
    changes["phone"] = normalize_phone(b.phone)
    changes["fax"] = normalize_phone(b.fax)
    changes["tax_id"] = "".join(b.tax_id.split()).upper()
    changes["bank_account"] = "".join(b.bank_account.replace("-", " ").split())
    changes["primary_colour"] = b.primary_colour.strip().lower()
    changes["accent_colour"] = b.accent_colour.strip().lower()
    return replace(b, **changes)


def branding_problems(b: Branding) -> list[Problem]:
    """Every problem of *b* (checked as it is: normalise it first)."""
    problems: list[Problem] = []
    if not (b.name_zh.strip() or b.name_en.strip()):
        problems.append(Problem("name_zh", "required", NAME_REQUIRED))
    for name, limit in MAX_LENGTH.items():
        length = len(str(getattr(b, name)).strip())
        if length > limit:
            problems.append(Problem(name, "too_long", _TOO_LONG, {"max": limit, "length": length}))
    for name in ("primary_colour", "accent_colour"):
        value = str(getattr(b, name)).strip()
        if not _COLOUR.fullmatch(value):
            problems.append(Problem(name, f"{name}.invalid", NOT_A_COLOUR, {"value": value}))
    checks = (
        ("phone", is_phone, NOT_A_PHONE),
        ("fax", is_phone, NOT_A_PHONE),
        ("email", is_email, NOT_AN_EMAIL),
        ("website", is_website, NOT_A_WEBSITE),
    )
    for name, valid, text in checks:
        value = str(getattr(b, name)).strip()
        if value and not valid(value):
            problems.append(Problem(name, f"{name}.invalid", text, {"value": value}))
    problems += _tax_id_problems(b.tax_id)
    account = b.bank_account.strip()
    if account and not _BANK_ACCOUNT.fullmatch("".join(account.replace("-", " ").split())):
        problems.append(
            Problem("bank_account", "bank_account.invalid", NOT_A_BANK_ACCOUNT, {"value": account})
        )
    problems += logo_problems(b.logo)
    return problems


def _tax_id_problems(text: str) -> list[Problem]:
    code = "".join(text.split()).upper()
    if not code:
        return []
    if len(code) == 18:  # a unified social credit code: its own check character
        return uscc_problems(code, "tax_id")
    if not _TAX_ID.fullmatch(code):
        return [Problem("tax_id", "tax_id.invalid", NOT_A_TAX_ID, {"value": text.strip()})]
    return []


# --- data -------------------------------------------------------------------------

_TEXT_FIELDS = tuple(f.name for f in fields(Branding) if f.name != "logo")


def branding_to_data(b: Branding) -> dict[str, Any]:
    """*b* as JSON-able data: every text field, the logo as base64 (or None)."""
    data: dict[str, Any] = {name: getattr(b, name) for name in _TEXT_FIELDS}
    data["logo"] = base64.b64encode(b.logo).decode("ascii") if b.logo is not None else None
    return data


def branding_from_data(data: Mapping[str, Any]) -> Branding:
    """The ``Branding`` of *data* (``branding_to_data``'s shape); a missing
    field takes the neutral default's value, an unknown one is ignored.
    ``ValueError`` for data of the wrong shape."""
    if not isinstance(data, Mapping):
        raise ValueError("branding data must be an object")
    values: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        value = data.get(name, getattr(DEFAULT_BRANDING, name))
        if not isinstance(value, str):
            raise ValueError(f"{name} must be text")
        values[name] = value
    logo = data.get("logo")
    if logo is None:
        values["logo"] = None
    elif isinstance(logo, str):
        try:
            values["logo"] = base64.b64decode(logo.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError) as exc:
            raise ValueError("logo is not base64") from exc
    else:
        raise ValueError("logo must be base64 text")
    return Branding(**values)
