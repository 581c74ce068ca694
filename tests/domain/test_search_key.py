import pytest

from erpdesk.domain.search_key import (
    SEPARATOR,
    customer_search_key,
    normalize_query,
    phone_digits,
    pinyin_forms,
)

INSPUR = "浪潮电子信息产业股份有限公司"


def key_of(name=INSPUR, short="浪潮信息", uscc="91370000163446410B", phones=("0531-8510 6000",)):
    return customer_search_key(name, short, uscc, phones)


def found(query, key):
    return normalize_query(query) in key


def test_pinyin_forms():
    assert pinyin_forms("浪潮电子") == ("langchaodianzi", "lcdz")
    assert pinyin_forms("重庆长安") == ("chongqingchangan", "cqca")
    assert pinyin_forms("") == ("", "")


def test_pinyin_forms_keep_latin_and_digits_drop_punctuation():
    full, initials = pinyin_forms("ABB（中国）3号-厂")
    assert full == "abbzhongguo3haochang"
    assert initials == "abbzg3hc"


@pytest.mark.parametrize(
    "query",
    [
        "lc",
        "langchao",
        "LangChao",
        "lcdzxxcy",
        "langchaodianzi",
        "浪潮",
        "浪潮 电子",
        "lcxx",
        "信息产业",
        "913700001634",
        "91370000163446410b",
        "85106000",
        "053185106000",
        "0531-8510 6000",
        "０５３１",
    ],
)
def test_found(query):
    assert found(query, key_of())


@pytest.mark.parametrize("query", ["hw", "huawei", "华为", "85106001", "lcz"])
def test_not_found(query):
    assert not found(query, key_of())


def test_key_is_lowercase_and_has_no_spaces_in_names():
    key = customer_search_key("ＡＢＢ （中国） 有限公司", "", "", [])
    assert key == key.lower()
    assert "abb(中国)有限公司" in key.split(SEPARATOR)
    assert found("ABB(中国)", key)


def test_parts_are_separated_and_empty_parts_dropped():
    key = customer_search_key("浪潮", "", "", ["", "13800138000"])
    assert key.split(SEPARATOR) == ["浪潮", "langchao", "lc", "13800138000"]
    # A query never spans two parts.
    assert not found("lc1380", key)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Lang Chao ", "langchao"),
        ("ＬＣ", "lc"),
        ("0531-8510 6000", "053185106000"),
        ("(0531) 85106000", "053185106000"),
        ("+86 138 0013 8000", "8613800138000"),
        ("91370000", "91370000"),
        ("浪潮 电子", "浪潮电子"),
        ("   ", ""),
        ("-", "-"),
    ],
)
def test_normalize_query(text, expected):
    assert normalize_query(text) == expected


def test_phone_digits():
    assert phone_digits("０５３１－８５１０ ６０００ 转 12") == "05318510600012"


def test_contact_names_are_found_as_written_and_in_full_pinyin_not_by_initials():
    from erpdesk.domain.search_key import SEPARATOR

    key = customer_search_key("浪潮", "", "", [], ["张 伟", "Li Na"])
    parts = key.split(SEPARATOR)
    assert "张伟" in parts and "zhangwei" in parts and "lina" in parts
    assert "zw" not in parts  # a two-letter query must not find every 张伟's company


def test_own_match_and_person_matches_tell_where_a_query_found_the_customer():
    from erpdesk.domain.search_key import normalize_query, own_match, person_matches

    assert own_match(normalize_query("lc"), "浪潮电子")
    assert own_match(normalize_query("0531-8510"), "浪潮", phone="0531-85106000")
    assert not own_match(normalize_query("张伟"), "浪潮电子", "浪潮")
    assert person_matches(normalize_query("zhangw"), "张伟")
    assert person_matches(normalize_query("139 1234"), "张伟", ["13912345678"])
    assert not person_matches(normalize_query("lina"), "张伟", ["13912345678"])
    assert not person_matches("", "张伟")
