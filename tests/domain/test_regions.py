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


# The divisions a company name may open with (erpdesk.domain.divisions).


def test_divisions_cover_every_province_city_and_county_level_city():
    from erpdesk.domain.divisions import COUNTY_CITY, PREFECTURE, PROVINCE, divisions

    table = divisions()
    levels = [d.level for d in table]
    assert levels.count(PROVINCE) == 34
    assert levels.count(PREFECTURE) > 330 and levels.count(COUNTY_CITY) > 380
    # Each is written one way in a key, and no two the same way.
    assert len({d.token for d in table}) == len(table)
    for d in table:
        assert d.token in (d.short, d.name)
        if d.level > PROVINCE:
            assert d.parent is not None and d.parent.level < d.level
            assert d.ancestors()[-1].level == PROVINCE


@pytest.mark.parametrize(
    ("text", "names", "end"),
    [
        ("广东省深圳市华为", ["广东省", "深圳市"], 6),
        ("江苏昆山龙腾", ["江苏省", "昆山市"], 4),
        ("苏州市昆山市龙腾", ["苏州市", "昆山市"], 6),
        ("吉林省吉林市化纤", ["吉林省", "吉林市"], 6),
        ("吉林化纤", ["吉林省"], 2),  # a bare 吉林 is the higher division
        ("上海东方明珠", ["上海市"], 2),  # 东方市 is not within 上海
        ("广西壮族自治区玉柴", ["广西壮族自治区"], 7),
        ("延边长白山", ["延边朝鲜族自治州"], 2),
        ("东方电气", [], 0),  # a short form left out: it opens too many names
        ("东方市电气", ["东方市"], 3),
        ("海淀区华信", [], 0),  # districts are not regions
        ("浪潮电子", [], 0),
    ],
)
def test_leading_divisions(text, names, end):
    from erpdesk.domain.divisions import leading_divisions

    chain, stop = leading_divisions(text)
    assert [d.name for d in chain] == names and stop == end


def test_tokens_of_divisions_sharing_a_short_form():
    from erpdesk.domain.divisions import division_named, most_specific, related

    province, city = division_named("吉林省"), division_named("吉林市")
    assert province is not None and city is not None
    assert (province.token, city.token) == ("吉林", "吉林市")
    assert division_named("吉林") is province
    assert city.within(province) and related(city, province)
    assert most_specific((province, city)) == (city,)
    prefecture = division_named("恩施土家族苗族自治州")
    county = division_named("恩施市")
    assert prefecture is not None and county is not None
    assert (prefecture.token, county.token) == ("恩施", "恩施市")
    shenzhen, guangzhou = division_named("深圳"), division_named("广州")
    assert shenzhen is not None and guangzhou is not None
    assert not related(shenzhen, guangzhou)
