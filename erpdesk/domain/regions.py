"""The 34 provincial-level divisions of China and some of their major cities.

Codes are GB/T 2260 administrative division codes.  For the four
municipalities the "cities" are the municipality itself followed by some of
its districts; Taiwan, Hong Kong and Macao have no GB/T 2260 codes below the
province, so their cities carry an empty code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class City:
    """A prefecture-level city (or district of a municipality)."""

    name: str  # full name, e.g. 深圳市
    short: str  # common short form, e.g. 深圳 (equal to name when there is none)
    code: str  # 6-digit division code, or "" when none exists


@dataclass(frozen=True)
class Province:
    """A provincial-level division (省级行政区)."""

    name: str  # full name, e.g. 广西壮族自治区
    short: str  # short form, e.g. 广西
    code: str  # 6-digit division code, e.g. 450000
    cities: tuple[City, ...]


def _cities(*specs: str) -> tuple[City, ...]:
    """Cities from ``"name code"`` or ``"name/short code"`` specs."""
    out = []
    for spec in specs:
        names, _, code = spec.partition(" ")
        name, _, short = names.partition("/")
        if not short:
            short = name[:-1] if name.endswith("市") and len(name) > 2 else name
        out.append(City(name, short, code))
    return tuple(out)


# fmt: off
PROVINCES: tuple[Province, ...] = (
    Province("北京市", "北京", "110000", _cities(
        "北京市 110100", "东城区 110101", "西城区 110102", "朝阳区 110105", "丰台区 110106",
        "海淀区 110108")),
    Province("天津市", "天津", "120000", _cities(
        "天津市 120100", "和平区 120101", "河西区 120103", "南开区 120104",
        "滨海新区 120116")),
    Province("河北省", "河北", "130000", _cities(
        "石家庄市 130100", "唐山市 130200", "秦皇岛市 130300", "邯郸市 130400",
        "保定市 130600", "沧州市 130900", "廊坊市 131000")),
    Province("山西省", "山西", "140000", _cities(
        "太原市 140100", "长治市 140400", "晋中市 140700", "运城市 140800",
        "临汾市 141000")),
    Province("内蒙古自治区", "内蒙古", "150000", _cities(
        "呼和浩特市 150100", "包头市 150200", "赤峰市 150400", "鄂尔多斯市 150600")),
    Province("辽宁省", "辽宁", "210000", _cities(
        "沈阳市 210100", "大连市 210200", "鞍山市 210300", "抚顺市 210400", "锦州市 210700",
        "营口市 210800")),
    Province("吉林省", "吉林", "220000", _cities(
        "长春市 220100", "吉林市 220200", "四平市 220300", "延边朝鲜族自治州/延边 222400")),
    Province("黑龙江省", "黑龙江", "230000", _cities(
        "哈尔滨市 230100", "齐齐哈尔市 230200", "大庆市 230600", "牡丹江市 231000")),
    Province("上海市", "上海", "310000", _cities(
        "上海市 310100", "黄浦区 310101", "徐汇区 310104", "长宁区 310105", "静安区 310106",
        "闵行区 310112", "浦东新区 310115")),
    Province("江苏省", "江苏", "320000", _cities(
        "南京市 320100", "无锡市 320200", "徐州市 320300", "常州市 320400", "苏州市 320500",
        "南通市 320600", "扬州市 321000")),
    Province("浙江省", "浙江", "330000", _cities(
        "杭州市 330100", "宁波市 330200", "温州市 330300", "嘉兴市 330400", "湖州市 330500",
        "绍兴市 330600", "金华市 330700", "台州市 331000")),
    Province("安徽省", "安徽", "340000", _cities(
        "合肥市 340100", "芜湖市 340200", "蚌埠市 340300", "马鞍山市 340500", "安庆市 340800",
        "阜阳市 341200")),
    Province("福建省", "福建", "350000", _cities(
        "福州市 350100", "厦门市 350200", "莆田市 350300", "泉州市 350500", "漳州市 350600")),
    Province("江西省", "江西", "360000", _cities(
        "南昌市 360100", "景德镇市 360200", "九江市 360400", "赣州市 360700")),
    Province("山东省", "山东", "370000", _cities(
        "济南市 370100", "青岛市 370200", "淄博市 370300", "烟台市 370600", "潍坊市 370700",
        "济宁市 370800", "威海市 371000", "临沂市 371300")),
    Province("河南省", "河南", "410000", _cities(
        "郑州市 410100", "开封市 410200", "洛阳市 410300", "新乡市 410700", "南阳市 411300")),
    Province("湖北省", "湖北", "420000", _cities(
        "武汉市 420100", "黄石市 420200", "十堰市 420300", "宜昌市 420500", "襄阳市 420600")),
    Province("湖南省", "湖南", "430000", _cities(
        "长沙市 430100", "株洲市 430200", "湘潭市 430300", "衡阳市 430400", "岳阳市 430600",
        "常德市 430700")),
    Province("广东省", "广东", "440000", _cities(
        "广州市 440100", "韶关市 440200", "深圳市 440300", "珠海市 440400", "汕头市 440500",
        "佛山市 440600", "惠州市 441300", "东莞市 441900")),
    Province("广西壮族自治区", "广西", "450000", _cities(
        "南宁市 450100", "柳州市 450200", "桂林市 450300", "北海市 450500")),
    Province("海南省", "海南", "460000", _cities(
        "海口市 460100", "三亚市 460200", "儋州市 460400")),
    Province("重庆市", "重庆", "500000", _cities(
        "重庆市 500100", "渝中区 500103", "江北区 500105", "沙坪坝区 500106",
        "九龙坡区 500107", "南岸区 500108", "渝北区 500112")),
    Province("四川省", "四川", "510000", _cities(
        "成都市 510100", "自贡市 510300", "攀枝花市 510400", "泸州市 510500", "绵阳市 510700",
        "宜宾市 511500")),
    Province("贵州省", "贵州", "520000", _cities(
        "贵阳市 520100", "六盘水市 520200", "遵义市 520300", "安顺市 520400")),
    Province("云南省", "云南", "530000", _cities(
        "昆明市 530100", "曲靖市 530300", "玉溪市 530400", "丽江市 530700",
        "大理白族自治州/大理 532900")),
    Province("西藏自治区", "西藏", "540000", _cities(
        "拉萨市 540100", "日喀则市 540200", "林芝市 540400")),
    Province("陕西省", "陕西", "610000", _cities(
        "西安市 610100", "宝鸡市 610300", "咸阳市 610400", "渭南市 610500", "榆林市 610800")),
    Province("甘肃省", "甘肃", "620000", _cities(
        "兰州市 620100", "嘉峪关市 620200", "金昌市 620300", "天水市 620500",
        "酒泉市 620900")),
    Province("青海省", "青海", "630000", _cities(
        "西宁市 630100", "海东市 630200", "海西蒙古族藏族自治州/海西 632800")),
    Province("宁夏回族自治区", "宁夏", "640000", _cities(
        "银川市 640100", "石嘴山市 640200", "吴忠市 640300", "中卫市 640500")),
    Province("新疆维吾尔自治区", "新疆", "650000", _cities(
        "乌鲁木齐市 650100", "克拉玛依市 650200", "吐鲁番市 650400", "哈密市 650500",
        "喀什地区/喀什 653100")),
    Province("台湾省", "台湾", "710000", _cities(
        "台北市 ", "新北市 ", "台中市 ", "台南市 ", "高雄市 ")),
    Province("香港特别行政区", "香港", "810000", _cities(
        "香港岛 ", "九龙 ", "新界 ")),
    Province("澳门特别行政区", "澳门", "820000", _cities(
        "澳门半岛 ", "氹仔 ", "路环 ")),
)
# fmt: on

# Least remainder (in characters) for leading_region to set a region aside.
MIN_REST = 2


def find_province(text: str) -> Province | None:
    """The province named by *text* (full name, short form or code), or None."""
    key = "".join(text.split())
    if not key:
        return None
    return _province_lookup().get(key)


def find_city(text: str, province: Province | None = None) -> City | None:
    """The city named by *text* (full or short form), within *province* if given."""
    key = "".join(text.split())
    if not key:
        return None
    for prov in (province,) if province else PROVINCES:
        for city in prov.cities:
            if key in (city.name, city.short):
                return city
    return None


def province_of_city(city: City) -> Province:
    """The province *city* belongs to."""
    for prov in PROVINCES:
        if city in prov.cities:
            return prov
    raise ValueError(f"{city.name} is not in PROVINCES")


def region_names() -> frozenset[str]:
    """Every full and short name of a province or city."""
    return _prefix_table()[0]


def leading_region(name: str) -> tuple[str, str]:
    """``(region, rest)`` when *name* starts with a province or city name.

    Over this module's few cities only; company names are read with
    ``divisions.leading_divisions`` (every prefecture and county-level city).

    The longest name is matched first, and a province followed by a city
    ("广东省深圳市…") is set aside as a whole.  Nothing is set aside unless at
    least ``MIN_REST`` characters would remain; otherwise ``("", name)``.
    """
    names, lengths = _prefix_table()
    region = ""
    rest = name
    while True:  # province, then city (and so on)
        for length in lengths:
            if len(rest) - length >= MIN_REST and rest[:length] in names:
                region += rest[:length]
                rest = rest[length:]
                break
        else:
            return region, rest


@cache
def _province_lookup() -> dict[str, Province]:
    lookup: dict[str, Province] = {}
    for prov in PROVINCES:
        lookup[prov.name] = prov
        lookup[prov.short] = prov
        lookup[prov.code] = prov
    return lookup


@cache
def _prefix_table() -> tuple[frozenset[str], tuple[int, ...]]:
    """Province and city names, and their lengths longest first."""
    names = {prov.name for prov in PROVINCES} | {prov.short for prov in PROVINCES}
    for prov in PROVINCES:
        for city in prov.cities:
            names.update((city.name, city.short))
    return frozenset(names), tuple(sorted({len(n) for n in names}, reverse=True))
