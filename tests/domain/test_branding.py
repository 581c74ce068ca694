"""The company branding: what makes it valid (names, colours, contacts, tax
and bank details, the logo by its own bytes) and its JSON-able form."""

from __future__ import annotations

import base64
import io
import struct
import zlib
from dataclasses import replace

import pytest

from erpdesk.domain.branding import (
    DEFAULT_BRANDING,
    LOGO_MAX_BYTES,
    Branding,
    branding_from_data,
    branding_problems,
    branding_to_data,
    logo_format,
    logo_problems,
    logo_size,
    normalize_branding,
)


def png(width: int = 4, height: int = 2) -> bytes:
    """A real (tiny, grey) PNG made by hand."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def jpeg(width: int = 40, height: int = 30) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), "#1d4e89").save(out, "JPEG")
    return out.getvalue()


def codes(b: Branding) -> set[str]:
    return {p.code for p in branding_problems(b)}


def test_the_default_branding_is_valid_and_already_normal():
    assert branding_problems(DEFAULT_BRANDING) == []
    assert normalize_branding(DEFAULT_BRANDING) == DEFAULT_BRANDING
    assert DEFAULT_BRANDING.name("zh_CN") == "云启软件有限公司"
    assert DEFAULT_BRANDING.name("en") == "Yunqi Software Co., Ltd."


def test_a_document_language_picks_its_texts_and_falls_back_to_the_other():
    b = replace(DEFAULT_BRANDING, name_en="", address_en="", letterhead_line_en="")
    assert b.name("en") == "云启软件有限公司"
    assert b.other_name("en") == ""  # no second line repeating the same name
    assert b.address("en") == b.address_zh
    assert b.tagline("en") == b.letterhead_line
    assert DEFAULT_BRANDING.other_name("zh_CN") == "Yunqi Software Co., Ltd."
    assert DEFAULT_BRANDING.footer("en").startswith("Service hotline")


def test_a_name_is_required_in_one_language_at_least():
    assert "required" in codes(replace(DEFAULT_BRANDING, name_zh=" ", name_en=""))
    assert codes(replace(DEFAULT_BRANDING, name_zh="", name_en="Yunqi")) == set()


@pytest.mark.parametrize("colour", ["1d4e89", "#1d4e8", "#1d4e899", "#gg4e89", "blue", ""])
def test_colours_must_be_hash_and_six_hex_digits(colour):
    problems = branding_problems(replace(DEFAULT_BRANDING, accent_colour=colour))
    assert [p.code for p in problems] == ["accent_colour.invalid"]
    assert "#1d4e89" in problems[0].render()


def test_contacts_are_checked_with_the_customer_rules():
    b = replace(DEFAULT_BRANDING, phone="12345", fax="abc", email="sales@", website="not a site")
    assert codes(b) == {"phone.invalid", "fax.invalid", "email.invalid", "website.invalid"}
    fine = replace(
        DEFAULT_BRANDING, phone="400-820-6000", fax="", email="", website="https://yunqi.cn/a"
    )
    assert codes(fine) == set()


def test_the_tax_id_is_a_credit_code_with_its_check_character_or_an_old_number():
    assert codes(replace(DEFAULT_BRANDING, tax_id="91310115MA1K4C5Y05")) == {"uscc.check"}
    assert codes(replace(DEFAULT_BRANDING, tax_id="310115123456789")) == set()  # 15 digits
    assert codes(replace(DEFAULT_BRANDING, tax_id="3101151234")) == {"tax_id.invalid"}
    assert codes(replace(DEFAULT_BRANDING, tax_id="")) == set()


def test_the_bank_account_is_digits():
    assert codes(replace(DEFAULT_BRANDING, bank_account="6222 0212 3456 7890")) == set()
    assert codes(replace(DEFAULT_BRANDING, bank_account="6222-0212-ABCD")) == {
        "bank_account.invalid"
    }


def test_normalising_strips_and_folds():
    b = normalize_branding(
        replace(
            DEFAULT_BRANDING,
            name_zh=" 云启软件有限公司 ",
            phone="（021）5080 6000",
            tax_id=" 91310115ma1k4c5y04 ",
            bank_account="1219 0938-5210 001",
            primary_colour=" #1D4E89 ",
        )
    )
    assert b.name_zh == "云启软件有限公司"
    assert b.phone == "021-50806000"
    assert b.tax_id == "91310115MA1K4C5Y04"
    assert b.bank_account == "121909385210001"
    assert b.primary_colour == "#1d4e89"
    assert branding_problems(b) == []


def test_texts_have_a_longest_length():
    problems = branding_problems(replace(DEFAULT_BRANDING, footer_note="注" * 201))
    assert [(p.field, p.code, p.params) for p in problems] == [
        ("footer_note", "too_long", {"max": 200, "length": 201})
    ]


def test_the_logo_is_known_by_its_signature_and_header_not_its_name():
    assert logo_format(png()) == "png" and logo_size(png(7, 3)) == (7, 3)
    assert logo_format(jpeg()) == "jpeg" and logo_size(jpeg(40, 30)) == (40, 30)
    assert logo_format(b"GIF89a...") is None and logo_size(b"GIF89a...") is None
    assert logo_size(b"\x89PNG\r\n\x1a\n" + b"\0" * 30) is None  # no IHDR
    assert logo_size(b"\xff\xd8\xff\xe0\x00\x04ab") is None  # a JPEG without a frame


def test_a_logo_that_is_not_a_png_or_jpeg_is_refused_with_a_clear_message():
    problems = logo_problems(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert [p.code for p in problems] == ["logo.not_an_image"]
    assert problems[0].render() == "The logo is not a PNG or JPEG image"
    assert codes(replace(DEFAULT_BRANDING, logo=b"%PDF-1.4")) == {"logo.not_an_image"}
    assert codes(replace(DEFAULT_BRANDING, logo=png())) == set()


def test_a_logo_too_big_or_with_too_many_pixels_is_refused():
    big = png() + b"\0" * LOGO_MAX_BYTES
    (problem,) = logo_problems(big)
    assert problem.code == "logo.too_big" and problem.params["max"] == 2048
    assert "2048 KB" in problem.render()
    (huge,) = logo_problems(png(7000, 10))
    assert huge.code == "logo.too_many_pixels" and huge.params["width"] == 7000


def test_the_data_form_round_trips_with_the_logo_as_base64():
    b = replace(DEFAULT_BRANDING, logo=png(), footer_note="注意")
    data = branding_to_data(b)
    assert data["logo"] == base64.b64encode(png()).decode("ascii")
    assert branding_from_data(data) == b
    assert branding_from_data(branding_to_data(DEFAULT_BRANDING)).logo is None


def test_missing_fields_take_the_default_and_unknown_ones_are_ignored():
    b = branding_from_data({"name_zh": "测试软件有限公司", "future_field": 1})
    assert b.name_zh == "测试软件有限公司"
    assert b.primary_colour == DEFAULT_BRANDING.primary_colour


@pytest.mark.parametrize("data", [[], {"name_zh": 5}, {"logo": "not base64!"}, {"logo": 12}])
def test_data_of_the_wrong_shape_is_refused(data):
    with pytest.raises(ValueError):
        branding_from_data(data)
