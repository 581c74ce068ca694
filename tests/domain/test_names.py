import pytest
from hypothesis import given
from hypothesis import strategies as st

from erpdesk.domain.names import name_region, normalize_company_name


@pytest.mark.parametrize(
    "name",
    [
        "浪潮电子信息产业股份有限公司",
        "浪潮电子信息产业有限公司",
        "浪潮（北京）电子信息产业有限公司",
        "浪潮(北京)电子信息产业有限公司",
        "浪潮【上海】电子信息产业有限公司",
        "北京浪潮电子信息产业有限公司",
        "北京市浪潮电子信息产业有限责任公司",
        "浪潮 电子信息产业 股份有限公司",
        "浪潮电子信息产业集团股份有限公司",
        "浪潮·电子信息产业有限公司",
        "浪潮电子信息产业有限公司（山东）",
        "浪潮电子信息产业公司",
    ],
)
def test_forms_of_one_company(name):
    assert normalize_company_name(name) == "浪潮电子信息产业"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("北京市百度网讯科技有限公司", "百度网讯科技"),
        ("深圳市腾讯计算机系统有限公司", "腾讯计算机系统"),
        ("广东省深圳市华为技术有限公司", "华为技术"),
        ("北京第一机床厂", "第一机床"),
        ("华为集团", "华为"),
        ("Microsoft Corporation", "microsoft"),
        ("Siemens Co., Ltd.", "siemens"),
        ("ＡＢＢ （中国） 有限公司", "abb中国"),
        ("Zinc", "zinc"),
    ],
)
def test_keys(name, key):
    assert normalize_company_name(name) == key


def test_bracketed_non_region_is_kept():
    # "(中国)" is part of the identity of a foreign group's subsidiary.
    assert normalize_company_name("西门子（中国）有限公司") == "西门子中国"
    assert normalize_company_name("西门子有限公司") == "西门子"


def test_branch_is_distinct_from_parent():
    parent = normalize_company_name("浪潮电子信息产业股份有限公司")
    branch = normalize_company_name("浪潮电子信息产业股份有限公司济南分公司")
    assert branch == "浪潮电子信息产业济南分公司"
    assert branch != parent
    assert normalize_company_name("浪潮电子信息产业有限公司济南分公司") == branch
    assert normalize_company_name("浪潮电子信息产业股份有限公司青岛分公司") != branch


def test_branch_without_parent_form_is_kept_whole():
    assert normalize_company_name("北京济南分公司") == "北京济南分公司"


def test_never_empty():
    assert normalize_company_name("北京公司") == "北京"
    assert normalize_company_name("A公司") == "a公司"
    assert normalize_company_name("有限公司") == "有限"  # stripped only while 2 remain
    assert normalize_company_name("---") == "---"
    assert normalize_company_name("Ltd") == "ltd"


def test_name_region():
    assert name_region("北京市百度网讯科技有限公司") == "北京市"
    assert name_region("浪潮（北京）电子信息产业有限公司") == "北京"
    assert name_region("广东省深圳市华为技术有限公司") == "广东省深圳市"
    assert name_region("浪潮电子信息产业股份有限公司") == ""


_PIECES = [
    "浪潮",
    "华为",
    "电子",
    "信息",
    "科技",
    "有限公司",
    "股份有限公司",
    "集团",
    "公司",
    "厂",
    "分公司",
    "办事处",
    "北京",
    "北京市",
    "广东省",
    "深圳",
    "（北京）",
    "(上海)",
    "【",
    "】",
    "(",
    ")",
    " ",
    "·",
    "-",
    "co",
    "ltd",
    " Co., Ltd.",
    "Inc",
    "ABC",
    "Ａ",
    "1",
    "济南",
]


@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=10).map("".join))
def test_normalize_is_idempotent(name):
    key = normalize_company_name(name)
    assert normalize_company_name(key) == key
    if name.strip():
        assert key


@given(st.text(max_size=20))
def test_normalize_never_empty_for_any_text(name):
    key = normalize_company_name(name)
    if name.strip():
        assert key
