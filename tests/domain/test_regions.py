import pytest

from erpdesk.domain.regions import (
    PROVINCES,
    find_city,
    find_province,
    leading_region,
    province_of_city,
    region_names,
)


def test_thirty_four_provinces_with_unique_codes():
    assert len(PROVINCES) == 34
    codes = [p.code for p in PROVINCES]
    assert len(set(codes)) == 34
    assert all(len(c) == 6 and c.isdigit() and c.endswith("0000") for c in codes)
    assert len({p.short for p in PROVINCES}) == 34


def test_cities_belong_to_their_province():
    for prov in PROVINCES:
        assert 3 <= len(prov.cities) <= 8, prov.name
        for city in prov.cities:
            if city.code:
                assert city.code[:2] == prov.code[:2], city.name
                assert len(city.code) == 6 and city.code.isdigit()
            assert city.short and city.name.startswith(city.short)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("北京市", "110000"),
        ("北京", "110000"),
        ("广东省", "440000"),
        (" 广东 ", "440000"),
        ("内蒙古自治区", "150000"),
        ("内蒙古", "150000"),
        ("广西", "450000"),
        ("新疆维吾尔自治区", "650000"),
        ("香港特别行政区", "810000"),
        ("澳门", "820000"),
        ("440000", "440000"),
    ],
)
def test_find_province(text, code):
    prov = find_province(text)
    assert prov is not None
    assert prov.code == code


@pytest.mark.parametrize("text", ["", "广", "深圳", "California"])
def test_find_province_none(text):
    assert find_province(text) is None


def test_find_city():
    city = find_city("深圳")
    assert city is not None and city.name == "深圳市" and city.code == "440300"
    assert province_of_city(city).short == "广东"
    assert find_city("深圳市", find_province("山东")) is None
    jilin = find_city("吉林", find_province("吉林省"))
    assert jilin is not None and jilin.code == "220200"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("北京市百度网讯科技有限公司", ("北京市", "百度网讯科技有限公司")),
        ("深圳腾讯计算机系统有限公司", ("深圳", "腾讯计算机系统有限公司")),
        ("深圳市腾讯计算机系统有限公司", ("深圳市", "腾讯计算机系统有限公司")),
        ("广东省深圳市华为技术有限公司", ("广东省深圳市", "华为技术有限公司")),
        ("内蒙古伊利实业集团股份有限公司", ("内蒙古", "伊利实业集团股份有限公司")),
        ("浪潮电子信息产业股份有限公司", ("", "浪潮电子信息产业股份有限公司")),
        ("北京", ("", "北京")),
        ("北京x", ("", "北京x")),
        ("北京xy", ("北京", "xy")),
    ],
)
def test_leading_region(name, expected):
    assert leading_region(name) == expected


def test_region_names_has_full_and_short_forms():
    names = region_names()
    assert {"北京市", "北京", "宁夏回族自治区", "宁夏", "苏州市", "苏州"} <= names
    assert "浪潮" not in names
