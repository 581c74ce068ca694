"""Money: rounding to the fen, formatting, and amounts in words as Chinese
banks write them (中国人民银行《正确填写票据和结算凭证的基本规定》)."""

from __future__ import annotations

from decimal import Decimal

import hypothesis
import pytest
from hypothesis import given
from hypothesis import strategies as st

from erpdesk.domain.money import FEN, amount_in_words, format_money, round_fen

SETTINGS = hypothesis.settings(max_examples=200, derandomize=True, database=None, deadline=None)

# --- a reader of the words, written independently of the writer ---------------

DIGITS = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
SMALL_UNITS = {"拾": 10, "佰": 100, "仟": 1000}


def read_integer(words: str) -> int:
    """A Chinese number in capital numerals (壹万零壹亿零伍拾) as an int."""
    if "亿" in words:
        high, low = words.split("亿")
        return read_integer(high) * 10**8 + read_integer(low)
    if "万" in words:
        high, low = words.split("万")
        return read_integer(high) * 10**4 + read_integer(low)
    value, digit = 0, 0
    for char in words:
        if char in DIGITS:
            digit = DIGITS[char]
        else:
            assert digit, f"{char} without a digit before it in {words}"
            value += digit * SMALL_UNITS[char]
            digit = 0
    return value + digit


def read_amount(words: str) -> Decimal:
    """The amount written by ``amount_in_words``."""
    assert words.startswith("人民币")
    rest = words.removeprefix("人民币")
    sign = -1 if rest.startswith("负") else 1
    rest = rest.removeprefix("负")
    rest = rest.removesuffix("整")
    yuan_words, _, cents_words = rest.rpartition("元")
    yuan = read_integer(yuan_words) if yuan_words else 0
    cents = 0
    cents_words = cents_words.removeprefix("零")
    if "角" in cents_words:
        jiao, cents_words = cents_words.split("角")
        cents += DIGITS[jiao] * 10
    if cents_words:
        assert cents_words.endswith("分") and len(cents_words) == 2, words
        cents += DIGITS[cents_words[0]]
    return sign * (Decimal(yuan) + Decimal(cents) / 100)


# --- round_fen and format_money ------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("0.125", "0.13"),
        ("-0.125", "-0.13"),
        ("2.675", "2.68"),
        ("0.004", "0.00"),
        ("0.005", "0.01"),
        ("1.999", "2.00"),
        ("12", "12.00"),
        ("123456789012345678901234567.125", "123456789012345678901234567.13"),
    ],
)
def test_round_fen_is_half_up_to_the_fen(amount, expected):
    rounded = round_fen(Decimal(amount))
    assert rounded == Decimal(expected)
    assert str(rounded) == expected


def test_round_fen_accepts_int_and_refuses_float_and_non_finite():
    assert round_fen(3) == Decimal("3.00")
    with pytest.raises(TypeError):
        round_fen(0.1)  # type: ignore[arg-type]
    for bad in ("NaN", "Infinity", "-Infinity", "sNaN"):
        with pytest.raises(ValueError):
            round_fen(Decimal(bad))


@pytest.mark.parametrize(
    ("amount", "grouping", "expected"),
    [
        ("1234.5", True, "1,234.50"),
        ("1234.5", False, "1234.50"),
        ("-1234567.125", True, "-1,234,567.13"),
        ("0", True, "0.00"),
        ("-0.001", True, "0.00"),
        ("999.995", True, "1,000.00"),
        ("12", True, "12.00"),
    ],
)
def test_format_money(amount, grouping, expected):
    assert format_money(Decimal(amount), grouping=grouping) == expected


# --- amount in words -----------------------------------------------------------

BANK_EXAMPLES = [
    ("123456.78", "人民币壹拾贰万叁仟肆佰伍拾陆元柒角捌分"),
    ("16.00", "人民币壹拾陆元整"),
    ("1409.50", "人民币壹仟肆佰零玖元伍角"),
    ("6007.14", "人民币陆仟零柒元壹角肆分"),
    ("325.04", "人民币叁佰贰拾伍元零肆分"),
    ("1000.05", "人民币壹仟元零伍分"),
    ("1680.32", "人民币壹仟陆佰捌拾元叁角贰分"),
    ("107000.53", "人民币壹拾万柒仟元伍角叁分"),
    ("100000000", "人民币壹亿元整"),
    ("0.5", "人民币伍角"),
    ("0.05", "人民币伍分"),
    ("10.10", "人民币壹拾元壹角"),
    ("200000.00", "人民币贰拾万元整"),
    ("1000000.01", "人民币壹佰万元零壹分"),
    ("123456789012.34", "人民币壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分"),
]

ZERO_RULES = [
    ("0", "人民币零元整"),
    ("0.00", "人民币零元整"),
    ("0.32", "人民币叁角贰分"),
    ("16", "人民币壹拾陆元整"),
    ("110", "人民币壹佰壹拾元整"),
    ("1409", "人民币壹仟肆佰零玖元整"),
    ("100010", "人民币壹拾万零壹拾元整"),
    ("100500", "人民币壹拾万零伍佰元整"),
    ("100700", "人民币壹拾万零柒佰元整"),
    ("107000", "人民币壹拾万柒仟元整"),
    ("100050000", "人民币壹亿零伍万元整"),
    ("100000001", "人民币壹亿零壹元整"),
    ("100001000", "人民币壹亿零壹仟元整"),
    ("110000000", "人民币壹亿壹仟万元整"),
    ("1000000000000", "人民币壹万亿元整"),
    ("1000100000000", "人民币壹万零壹亿元整"),
    ("10001000000000", "人民币壹拾万零壹拾亿元整"),
    ("1234567890123456", "人民币壹仟贰佰叁拾肆万伍仟陆佰柒拾捌亿玖仟零壹拾贰万叁仟肆佰伍拾陆元整"),
    (
        "9999999999999999.99",
        "人民币玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
    ),
]


@pytest.mark.parametrize(("amount", "words"), BANK_EXAMPLES + ZERO_RULES)
def test_amount_in_words(amount, words):
    assert amount_in_words(Decimal(amount)) == words


def test_the_amount_is_rounded_half_up_to_the_fen_first():
    assert amount_in_words(Decimal("0.005")) == "人民币壹分"
    assert amount_in_words(Decimal("1.995")) == "人民币贰元整"
    assert amount_in_words(Decimal("10.104")) == "人民币壹拾元壹角"
    assert amount_in_words(12) == "人民币壹拾贰元整"


def test_negative_amounts():
    assert amount_in_words(Decimal("-1409.50")) == "人民币负壹仟肆佰零玖元伍角"
    assert amount_in_words(Decimal("-0.05")) == "人民币负伍分"
    # rounds to zero: no 负
    assert amount_in_words(Decimal("-0.004")) == "人民币零元整"


@pytest.mark.parametrize(
    "bad", ["NaN", "Infinity", "-Infinity", "1E+16", "-1E+16", "9999999999999999.995"]
)
def test_amounts_that_cannot_be_written_raise_value_error(bad):
    with pytest.raises(ValueError):
        amount_in_words(Decimal(bad))


def test_the_reader_reads_the_examples():
    for amount, words in BANK_EXAMPLES + ZERO_RULES:
        assert read_amount(words) == round_fen(Decimal(amount))


@SETTINGS
@given(st.integers(min_value=0, max_value=10**12))
def test_words_of_whole_yuan_read_back(n):
    words = amount_in_words(Decimal(n))
    assert read_amount(words) == n
    assert words.endswith("元整")
    assert "零零" not in words
    assert "零元" not in words or n == 0
    assert "零万" not in words and "零亿" not in words
    # 壹 always before 拾
    assert all(words[i - 1] in DIGITS for i, c in enumerate(words) if c == "拾")


@SETTINGS
@given(st.integers(min_value=-(10**18) + 1, max_value=10**18 - 1))
def test_words_of_any_amount_to_the_fen_read_back(fen):
    amount = Decimal(fen) * FEN
    words = amount_in_words(amount)
    assert read_amount(words) == amount
    assert "零零" not in words
    assert words.endswith(("整", "角", "分"))
