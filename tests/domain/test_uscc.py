import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from erpdesk.domain.uscc import (
    ALPHABET,
    is_valid_uscc,
    make_uscc,
    normalize_uscc,
    uscc_check_char,
    uscc_problems,
)

# Published codes of real companies; each passes the GB 32100 check.
REAL_CODES = [
    "914403001922038216",  # 华为技术有限公司
    "91110000802100433B",  # 北京百度网讯科技有限公司
    "91370000163446410B",
    "91110108551385082Q",  # 北京小米科技有限责任公司
    "91330100716105852F",
    "91440300192317458F",
]


def codes(problems):
    return [p.code for p in problems]


def test_check_char_by_hand():
    # 9 1 4 4 0 3 0 0 1 9 2 2 0 3 8 2 1 (华为) times the weights
    # 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
    # 9+3+36+108+0+78+0+0+20+261+50+26+0+72+80+60+28 = 831; 831 mod 31 = 25; 31-25 = 6.
    assert uscc_check_char("91440300192203821") == "6"


def test_check_char_letter_values():
    # Letters count from 10 (A) skipping I, O, S, V, Z: "Y" is 30.
    # Y*1 = 30 -> 31 - 30 = 1.
    assert uscc_check_char("Y" + "0" * 16) == "1"
    # All zeros: sum 0 -> 31 -> 0.
    assert uscc_check_char("0" * 17) == "0"


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_are_valid(code):
    assert uscc_check_char(code[:17]) == code[17]
    assert uscc_problems(code) == []
    assert is_valid_uscc(code)


def test_check_char_rejects_bad_input():
    with pytest.raises(ValueError):
        uscc_check_char("9144030019220382")
    with pytest.raises(ValueError):
        uscc_check_char("9144030019220382I")


def test_normalize():
    assert normalize_uscc("  ９１４４ ０３００\u30001922038216 ") == "914403001922038216"
    assert normalize_uscc("91110000802100433b\t") == "91110000802100433B"


def test_empty_is_no_problem():
    assert uscc_problems("") == []
    assert uscc_problems("  \u3000") == []
    assert not is_valid_uscc("")


def test_lower_case_and_fullwidth_input_is_valid():
    assert uscc_problems("９１１１００００８０２１００４３３ｂ") == []


def test_length():
    problems = uscc_problems("9144030019220382")
    assert codes(problems) == ["uscc.length"]
    assert problems[0].params == {"length": 16}
    assert problems[0].field == "uscc"
    assert "16" in problems[0].render()


def test_alphabet_names_bad_characters():
    problems = uscc_problems("9144030019220382IO", field="code")
    assert "uscc.alphabet" in codes(problems)
    bad = next(p for p in problems if p.code == "uscc.alphabet")
    assert bad.params["chars"] == "I O"
    assert bad.field == "code"
    assert "uscc.check" not in codes(problems)


def test_prefix():
    code = "Z" + REAL_CODES[0][1:]
    assert "uscc.prefix" in codes(uscc_problems(code))
    code = "X" + "1" + "110000" + "123456789"
    code += uscc_check_char(code)
    assert codes(uscc_problems(code)) == ["uscc.prefix"]


def test_region_must_be_digits():
    body = "91" + "11A000" + "802100433"
    code = body + uscc_check_char(body)
    assert codes(uscc_problems(code)) == ["uscc.region"]


def test_check_char_message():
    problems = uscc_problems("914403001922038217")
    assert codes(problems) == ["uscc.check"]
    assert problems[0].params == {"expected": "6", "found": "7"}
    assert problems[0].render() == "The check character should be 6, not 7"


def test_make_uscc_uses_region():
    code = make_uscc(random.Random(1), "440300")
    assert code.startswith("91440300")
    assert len(code) == 18
    with pytest.raises(ValueError):
        make_uscc(random.Random(1), "4403")


@given(st.integers(), st.sampled_from(["110000", "440300", "370100", "650100"]))
def test_make_uscc_always_valid(seed, region):
    code = make_uscc(random.Random(seed), region)
    assert uscc_problems(code) == []


@given(st.text(alphabet="0123456789ABCDabcd ０１Ａ\u3000\t", max_size=30))
def test_normalize_is_idempotent(text):
    once = normalize_uscc(text)
    assert normalize_uscc(once) == once


@given(
    st.integers(),
    st.integers(min_value=0, max_value=16),
    st.sampled_from(ALPHABET),
)
def test_single_substitution_is_detected(seed, position, char):
    code = make_uscc(random.Random(seed))
    if code[position] == char:
        return
    changed = code[:position] + char + code[position + 1 :]
    assert "uscc.check" in codes(uscc_problems(changed))
