"""Demo data: realistic Chinese customers, contacts and activities.

``generate_demo`` fills a desk database with made-up companies that look like
a rep's real book: "济南华盛精密机械有限公司" with a valid credit code of
Jinan, a 0531 phone, a 总经理 and a 采购主管 as contacts and a year of visit
notes.  The data is deterministic for a seed (ids included), and no two
customers share a trade name and industry (their name keys without the
region, so none is even a possible duplicate of another) or a credit code,
with each other or with what the database already holds.

Demo rows write no outbox ops (``record=False``): made-up companies must never
be pushed to the company's registry.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import itertools
import random
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Generic, TypeVar

from erpdesk.domain.customer import (
    Activity,
    ActivityKind,
    Contact,
    ContactLevel,
    Customer,
    CustomerStatus,
    Industry,
    Registration,
    SizeBand,
    Source,
)
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.names import key_parts, normalize_company_name
from erpdesk.domain.regions import PROVINCES, City, Province, region_names
from erpdesk.domain.search_key import pinyin_forms
from erpdesk.domain.uscc import make_uscc
from erpdesk.services.demo_deals import DealMaker, split_quota
from erpdesk.services.events import Change, ChangeFeed

if TYPE_CHECKING:  # the write side (SQLAlchemy) is imported by the caller
    from erpdesk.domain.playbook import Playbook
    from erpdesk.services.demo_presales import PresalesMaker
    from erpdesk.storage.uow import UnitOfWork

BATCH = 5000  # customers per transaction (with their contacts and activities)

# Why a demo database was not made or replaced (``demo_database``).
NOT_DEMO_ONLY = QT_TRANSLATE_NOOP(
    "Cli",
    "{path} holds {count} changes not yet synced, so it is not only demo data; "
    "it was not replaced",
)
IN_USE = QT_TRANSLATE_NOOP(
    "Cli", "{path} is open in another program (ERPDesk?); close it and try again"
)
APPEARED = QT_TRANSLATE_NOOP(
    "Cli", "{path} was created by another program while the demo data was made; it was kept"
)
MAX_CUSTOMERS = 1_000_000

T = TypeVar("T")

BRAND_CHARS = (
    "华盛鑫达瑞泰恒宏金新远通博众信安康海天宇永佳丰源隆昌兴德正中宝力凯捷锐诚合润辉腾飞"
    "祥和美嘉荣晟旭弘创汇益联科光明亿豪威峰景升顺鼎伟"
)

# Industry words of company names and the industry each one means.
INDUSTRY_WORDS: tuple[tuple[str, Industry], ...] = tuple(
    (word, industry)
    for industry, words in (
        (Industry.MACHINERY, "精密机械 机械制造 重工机械 机床 液压设备 智能装备 环保设备"),
        (Industry.ELECTRONICS, "电子科技 电子 光电科技 电器 电气 半导体 智能科技"),
        (Industry.AUTOMOTIVE, "汽车零部件 汽车配件 车辆部件 汽车电子"),
        (Industry.CHEMICALS, "化工 新材料 涂料 精细化工 塑料化工"),
        (Industry.PHARMA, "医药 生物医药 制药 医疗器械 生物科技"),
        (Industry.FOOD, "食品 饮料 乳业 粮油 调味品"),
        (Industry.TEXTILE, "纺织 服饰 家纺 印染 制衣"),
        (Industry.BUILDING, "建材 水泥 陶瓷 玻璃 钢结构"),
        (Industry.RETAIL, "商贸 贸易 百货 连锁超市 医药连锁"),
        (Industry.LOGISTICS, "物流 供应链管理 国际货运 仓储服务"),
        (Industry.SERVICES, "信息技术 软件 管理咨询 人力资源服务"),
        (Industry.MANUFACTURING, "五金制品 塑胶制品 包装 实业 模具 家具 轴承"),
        (Industry.OTHER, "能源 农业发展 环境工程"),
    )
    for word in words.split()
)
LEGAL_FORMS = (("有限公司", 60), ("股份有限公司", 14), ("有限责任公司", 16), ("集团有限公司", 10))

# Provinces in the demo (mainland) with a rough weight for business activity.
PROVINCE_WEIGHTS = {
    "广东": 12, "江苏": 11, "浙江": 10, "山东": 9, "上海": 6, "北京": 6, "河南": 5, "四川": 5,
    "湖北": 5, "福建": 5, "湖南": 4, "安徽": 4, "河北": 4, "天津": 3, "重庆": 3, "陕西": 3,
    "辽宁": 3, "江西": 3, "云南": 2, "广西": 2, "山西": 2, "内蒙古": 1, "贵州": 1, "吉林": 1,
    "黑龙江": 1, "新疆": 1, "甘肃": 1, "海南": 1, "宁夏": 0.5, "青海": 0.5, "西藏": 0.3,
}

# Telephone area codes of the cities in ``regions`` (municipalities: one code).


def _words(text: str) -> list[str]:
    return text.split()


AREA_CODES = dict(
    pair.split(":")
    for pair in _words(
        "北京:010 天津:022 上海:021 重庆:023 石家庄:0311 唐山:0315 秦皇岛:0335 邯郸:0310 "
        "保定:0312 沧州:0317 廊坊:0316 太原:0351 长治:0355 晋中:0354 运城:0359 临汾:0357 "
        "呼和浩特:0471 包头:0472 赤峰:0476 鄂尔多斯:0477 沈阳:024 大连:0411 鞍山:0412 "
        "抚顺:024 锦州:0416 营口:0417 长春:0431 吉林:0432 四平:0434 延边:0433 哈尔滨:0451 "
        "齐齐哈尔:0452 大庆:0459 牡丹江:0453 南京:025 无锡:0510 徐州:0516 常州:0519 "
        "苏州:0512 南通:0513 扬州:0514 杭州:0571 宁波:0574 温州:0577 嘉兴:0573 湖州:0572 "
        "绍兴:0575 金华:0579 台州:0576 合肥:0551 芜湖:0553 蚌埠:0552 马鞍山:0555 安庆:0556 "
        "阜阳:0558 福州:0591 厦门:0592 莆田:0594 泉州:0595 漳州:0596 南昌:0791 景德镇:0798 "
        "九江:0792 赣州:0797 济南:0531 青岛:0532 淄博:0533 烟台:0535 潍坊:0536 济宁:0537 "
        "威海:0631 临沂:0539 郑州:0371 开封:0371 洛阳:0379 新乡:0373 南阳:0377 武汉:027 "
        "黄石:0714 十堰:0719 宜昌:0717 襄阳:0710 长沙:0731 株洲:0731 湘潭:0731 衡阳:0734 "
        "岳阳:0730 常德:0736 广州:020 韶关:0751 深圳:0755 珠海:0756 汕头:0754 佛山:0757 "
        "惠州:0752 东莞:0769 南宁:0771 柳州:0772 桂林:0773 北海:0779 海口:0898 三亚:0898 "
        "儋州:0898 成都:028 自贡:0813 攀枝花:0812 泸州:0830 绵阳:0816 宜宾:0831 贵阳:0851 "
        "六盘水:0858 遵义:0851 安顺:0851 昆明:0871 曲靖:0874 玉溪:0877 丽江:0888 大理:0872 "
        "拉萨:0891 日喀则:0892 林芝:0894 西安:029 宝鸡:0917 咸阳:029 渭南:0913 榆林:0912 "
        "兰州:0931 嘉峪关:0937 金昌:0935 天水:0938 酒泉:0937 西宁:0971 海东:0972 海西:0977 "
        "银川:0951 石嘴山:0952 吴忠:0953 中卫:0955 乌鲁木齐:0991 克拉玛依:0990 吐鲁番:0995 "
        "哈密:0902 喀什:0998"
    )
)

DISTRICTS = ("高新区", "经济开发区", "工业园区", "开发区", "新区", "临港工业区", "市中区")
ROADS = (
    "人民路", "建设路", "解放路", "中山路", "科技大道", "工业大道", "创业路", "长江路",
    "黄河路", "和平路", "新华路", "滨河路", "世纪大道", "兴业路", "开元大道", "光明路",
)
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严武戴莫孔向汤"
)
GIVEN_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华建国志红文斌辉鹏飞宇浩然晨雪琳婷玉兰海波亮"
)

# Titles (with their department) by the contact's level in the customer.
TITLES: dict[ContactLevel, tuple[tuple[str, str, str], ...]] = {
    # (title, department, how a rep addresses them after the surname)
    ContactLevel.DECISION: (
        ("董事长", "董事会", "董"), ("总经理", "总经办", "总"), ("副总经理", "总经办", "总"),
        ("总裁", "总裁办", "总"),
    ),
    ContactLevel.MANAGEMENT: (
        ("财务总监", "财务部", "总"), ("财务经理", "财务部", "经理"), ("IT经理", "信息部", "经理"),
        ("信息中心主任", "信息中心", "主任"), ("生产部经理", "生产部", "经理"),
        ("采购经理", "采购部", "经理"), ("销售总监", "销售部", "总"),
        ("供应链总监", "供应链部", "总"),
    ),
    ContactLevel.OPERATION: (
        ("采购主管", "采购部", "主管"), ("仓库主管", "仓储部", "主管"), ("会计", "财务部", "会计"),
        ("IT工程师", "信息部", "工"), ("生产计划员", "生产部", "工"), ("销售内勤", "销售部", "")
    ),
}
SLOT_LEVELS = (ContactLevel.DECISION, ContactLevel.MANAGEMENT, ContactLevel.OPERATION)

PAINS = (
    "库存积压严重，呆滞料占用了大量资金",
    "财务月结要七八天，老板看不到及时的报表",
    "几个仓库的库存数据对不上，经常账实不符",
    "现在用的是十年前的老版本财务软件，已经停止维护",
    "生产计划靠Excel排，插单时很混乱",
    "采购价格不透明，没有比价和审批流程",
    "应收账款回款慢，账龄分析做不出来",
    "销售订单和生产脱节，交期经常延误",
    "集团下属五家子公司，合并报表靠手工做",
    "质量问题追溯不到批次，客户投诉处理慢",
    "计划明年上MES，希望ERP先行",
    "成本核算粗放，算不清单品毛利",
    "出口业务多，需要多币种和报关单据",
    "门店和总部的进销存不同步，调拨靠电话",
)
CALL_RESULTS = (
    "约好下周二上门演示", "对方表示预算要等年后批", "确认了调研会的参会人员",
    "对方在外出差，约下周再联系", "对报价有异议，希望再优惠5%",
    "已发产品资料，对方会转给IT部门评估", "对方正在比较另外两家供应商",
    "客户希望先看同行业的成功案例",
)
DOCUMENTS = (
    "产品白皮书和同行业案例", "初步报价单", "需求调研问卷", "方案建议书初稿", "演示环境账号",
    "合同草稿", "实施计划",
)
CALLBACKS = (
    "对上周的演示比较满意，要求补充成本模块的介绍", "客户确认需求真实，预计三季度立项",
    "客户暂时没有预算，半年后再跟进", "已签合同，实施顺利，客户满意度较高",
    "客户对服务响应速度有意见，已反馈给实施部门",
)
OTHERS = ("参加客户的年会，和几位部门负责人交换了名片", "陪同客户参观样板客户工厂",
          "在行业展会上与客户再次碰面", "客户来公司参观并听取产品介绍")
OUTCOMES = ("", "", "需求明确", "有意向", "需要再评估", "进展顺利", "暂无进展")
NEXT_STEPS = (
    "", "下周二上门演示", "准备报价", "约财务总监详谈", "发送同行业案例", "安排售前做方案",
    "月底前回访", "邀请参加市场活动",
)
NEEDS = (
    "上线ERP，打通采购、库存和财务", "库存管理和条码追溯", "财务业务一体化，缩短月结",
    "生产计划与车间管理", "多组织合并报表", "销售订单和客户管理", "成本核算到单品",
)

KINDS = ((ActivityKind.VISIT, 30), (ActivityKind.CALL, 35), (ActivityKind.EMAIL, 10),
         (ActivityKind.MEETING, 10), (ActivityKind.CALLBACK, 10), (ActivityKind.OTHER, 5))
SOURCES = ((Source.SELF_DEVELOPED, 35), (Source.PHONE, 15), (Source.REFERRAL, 15),
           (Source.MARKETING_EVENT, 12), (Source.EMAIL, 10), (Source.WALK_IN, 8),
           (Source.OTHER, 5))
STATUSES = ((CustomerStatus.POTENTIAL, 40), (CustomerStatus.FOLLOWING, 35),
            (CustomerStatus.SIGNED, 12), (CustomerStatus.DORMANT, 8), (CustomerStatus.LOST, 5))
REGISTRATIONS = ((Registration.UNREGISTERED, 45), (Registration.PENDING, 10),
                 (Registration.PROTECTED, 35), (Registration.INVALID, 3), (Registration.POOL, 7))
SIZES = ((SizeBand.MICRO, 15), (SizeBand.SMALL, 35), (SizeBand.MEDIUM, 30),
         (SizeBand.LARGE, 15), (SizeBand.HUGE, 5))
MOBILE_PREFIXES = _words(
    "130 131 132 133 135 136 137 138 139 150 151 152 155 156 158 159 180 181 182 183 185 186 "
    "187 188 189"
)
FREE_MAIL = ("qq.com", "163.com", "126.com")
WEB_SUFFIXES = (".com", ".com.cn", ".cn", ".net")


@dataclass(frozen=True)
class DemoResult:
    customers: int
    contacts: int
    activities: int
    seconds: float
    deals: int = 0  # open and closed
    won: int = 0
    lost: int = 0
    worksheets: int = 0
    quotes: int = 0  # every version
    quoted_deals: int = 0
    support_requests: int = 0  # demo_presales
    engagements: int = 0
    presales_tasks: int = 0
    todos: int = 0  # demo_todos


def deal_counts(customers: int, deals: int | None, closed_deals: int | None) -> tuple[int, int]:
    """(open, closed) demo deals: by default about a third of the customers
    have a deal (two open for one closed); ``deals`` open deals with half as
    many closed ones unless ``closed_deals`` says otherwise."""
    if deals is None:
        return customers * 2 // 9, customers // 9 if closed_deals is None else closed_deals
    return deals, deals // 2 if closed_deals is None else closed_deals


class _Weighted(Generic[T]):
    """``pick(rng)`` of one of *pairs* ``(item, weight)``, with one random() call."""

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.items = [item for item, _ in pairs]
        self.cumulative = list(itertools.accumulate(weight for _, weight in pairs))
        self.total = self.cumulative[-1]

    def pick(self, rng: random.Random) -> T:
        return self.items[bisect.bisect(self.cumulative, rng.random() * self.total)]


@dataclass
class _Place:
    """Where a made-up company is: its province, city and phone area code."""

    province: Province
    city: City
    area: str


class _Maker:
    """Draws the rows; one instance per run, holding the caches."""

    def __init__(
        self, seed: int, now: datetime, taken: set[str], usccs: set[str], owner: str = "demo"
    ) -> None:
        self.rng = random.Random(seed)
        self.owner = owner
        # Ids from their own stream, which depends on what the database holds,
        # so that the same seed run twice on one database makes new keys.
        self.id_rng = random.Random(f"ids:{seed}:{len(taken)}")
        self.now = now
        self.taken = taken
        self.usccs = usccs
        places = []
        for prov in PROVINCES:
            weight = PROVINCE_WEIGHTS.get(prov.short)
            if weight is None:
                continue
            cities = [c for c in prov.cities if c.code]
            for city in cities:
                area = AREA_CODES.get(city.short) or AREA_CODES[prov.short]
                places.append((_Place(prov, city, area), weight / len(cities)))
        self.places = _Weighted(places)
        self.legal = _Weighted(LEGAL_FORMS)
        self.sources = _Weighted(SOURCES)
        self.statuses = _Weighted(STATUSES)
        self.registrations = _Weighted(REGISTRATIONS)
        self.sizes = _Weighted(SIZES)
        self.kinds = _Weighted(KINDS)
        self.regions = region_names()
        self._pinyin: dict[str, str] = {}

    # -- small helpers --------------------------------------------------------

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.id_rng.getrandbits(128), version=4))

    def pinyin(self, text: str) -> str:
        """Pinyin of *text*, one character at a time from a cache."""
        out = []
        for ch in text:
            found = self._pinyin.get(ch)
            if found is None:
                found = self._pinyin[ch] = pinyin_forms(ch)[0]
            out.append(found)
        return "".join(out)

    def digits(self, n: int) -> str:
        return str(self.rng.randrange(10**n)).zfill(n)

    def mobile(self) -> str:
        return self.rng.choice(MOBILE_PREFIXES) + self.digits(8)

    def landline(self, area: str) -> str:
        rng = self.rng
        if rng.random() < 0.15:  # the numbers companies like: 88886666
            a, b = rng.choice("5678"), rng.choice("0123456789")
            return f"{area}-{a * 4}{b * 4}"
        length = 8 if len(area) == 3 or rng.random() < 0.7 else 7
        return f"{area}-{rng.randrange(2, 9)}{self.digits(length - 1)}"

    def person(self) -> str:
        rng = self.rng
        given = rng.choice(GIVEN_CHARS)
        if rng.random() < 0.65:
            given += rng.choice(GIVEN_CHARS)
        return rng.choice(SURNAMES) + given

    # -- rows ---------------------------------------------------------------

    def name(self, place: _Place) -> tuple[str, str, Industry, str]:
        """(name, brand, industry, industry word) whose trade name and industry
        (the name key without its region) are not yet taken: no two demo
        customers are the same company or, by a region on one side only,
        possibly the same."""
        rng = self.rng
        for attempt in itertools.count():
            length = 2 + (rng.random() < 0.45) + (rng.random() < 0.15) + (attempt > 3)
            brand = "".join(rng.choice(BRAND_CHARS) for _ in range(length))
            if brand in self.regions:
                continue
            word, industry = rng.choice(INDUSTRY_WORDS)
            if attempt > 12:  # crowded: a distinguishing word keeps it apart
                word = rng.choice(("新", "华", "东方", "中科", "远大")) + word
            legal = self.legal.pick(rng)
            roll = rng.random()
            city = place.city.short
            if roll < 0.35:
                name = f"{city}{brand}{word}{legal}"
            elif roll < 0.55:
                name = f"{place.province.short}{brand}{word}{legal}"
            elif roll < 0.60:
                name = f"{brand}（{city}）{word}{legal}"
            else:
                name = f"{brand}{word}{legal}"
            # The region is part of the key: what follows it must be exactly
            # the brand and the word (a brand such as 海安 reads as a region).
            rest = key_parts(normalize_company_name(name)).rest
            if rest == brand + word and rest not in self.taken:
                self.taken.add(rest)
                return name, brand, industry, word
        raise AssertionError("unreachable")

    def uscc(self, place: _Place) -> str:
        while True:
            code = make_uscc(self.rng, place.city.code)
            if code not in self.usccs:
                self.usccs.add(code)
                return code

    def moment(self, start: datetime) -> datetime:
        """A working-hours moment (China time) between *start* and now."""
        rng = self.rng
        span = max((self.now - start).days, 1)
        day = self.now - timedelta(days=rng.randrange(span))
        local = day.replace(hour=9, minute=0, second=0, microsecond=0)
        moment = local + timedelta(minutes=rng.randrange(9 * 60)) - timedelta(hours=8)
        return min(max(moment, start), self.now)

    def customer(
        self, contacts_per: int, activities_per: int
    ) -> tuple[Customer, list[Contact], list[Activity]]:
        rng = self.rng
        place: _Place = self.places.pick(rng)
        name, brand, industry, word = self.name(place)
        created = self.now - timedelta(days=rng.randrange(20, 900), minutes=rng.randrange(1440))
        status = self.statuses.pick(rng)
        size = self.sizes.pick(rng)
        if name.endswith("集团有限公司") and size in (SizeBand.MICRO, SizeBand.SMALL):
            size = SizeBand.LARGE
        brand_py = self.pinyin(brand)
        domain = brand_py + rng.choice(WEB_SUFFIXES) if rng.random() < 0.6 else ""
        phone = self.landline(place.area) if rng.random() < 0.9 else ""
        roll = rng.random()
        short = brand if roll < 0.3 else (brand + word[:2] if roll < 0.55 else "")
        source = self.sources.pick(rng)
        detail = ""
        if source is Source.MARKETING_EVENT:
            detail = rng.choice(("2025智能制造峰会", "春季新品发布会", "CFO沙龙", "行业展会"))
        elif source is Source.REFERRAL:
            detail = f"{self.person()}介绍"
        registration = self.registrations.pick(rng)
        customer_id = self.uuid()
        contacts = [
            self.contact(customer_id, slot, place, phone, domain, created)
            for slot in range(contacts_per)
        ]
        start = max(created, self.now - timedelta(days=365))
        activities = [
            self.activity(customer_id, contacts, start, created) for _ in range(activities_per)
        ]
        latest = max((a.occurred_at for a in activities), default=created)
        customer = Customer(
            id=customer_id,
            name=name,
            short_name=short,
            uscc=self.uscc(place) if rng.random() < 0.85 else "",
            industry=industry,
            province=place.province.name,
            city=place.city.name,
            address=(
                f"{place.province.name}{place.city.name}{rng.choice(DISTRICTS)}"
                f"{rng.choice(ROADS)}{rng.randrange(1, 3000)}号"
            ),
            size_band=size,
            source=source,
            source_detail=detail,
            phone=phone,
            website=f"www.{domain}" if domain and rng.random() < 0.8 else "",
            need=rng.choice(NEEDS) if rng.random() < 0.7 else "",
            notes="",
            owner="" if registration is Registration.POOL else self.owner,
            status=status,
            registration=registration,
            created_at=created,
            updated_at=max(created, latest),
        )
        return customer, contacts, activities

    def contact(
        self, customer_id: str, slot: int, place: _Place, phone: str, domain: str,
        created: datetime,
    ) -> Contact:
        rng = self.rng
        level = SLOT_LEVELS[slot] if slot < len(SLOT_LEVELS) else rng.choice(SLOT_LEVELS)
        title, department, _address = rng.choice(TITLES[level])
        name = self.person()
        surname, given = self.pinyin(name[0]), self.pinyin(name[1:])
        handle = surname + given
        if domain and rng.random() < 0.75:
            local = f"{surname}.{given}" if rng.random() < 0.5 else handle
            email = f"{local}@{domain}"
        elif rng.random() < 0.5:
            email = f"{rng.randrange(10**5, 10**10)}@qq.com" if rng.random() < 0.5 else (
                f"{handle}{rng.randrange(10, 999)}@{rng.choice(FREE_MAIL)}"
            )
        else:
            email = ""
        roll = rng.random()
        wechat = (
            f"{handle}{rng.randrange(10, 9999)}" if roll < 0.35
            else (f"wxid_{self.digits(10)}" if roll < 0.6 else "")
        )
        office = f"{phone}-{rng.randrange(800, 8999)}" if phone and rng.random() < 0.35 else ""
        return Contact(
            id=self.uuid(),
            customer_id=customer_id,
            name=name,
            title=title,
            department=department,
            level=level,
            mobile=self.mobile() if rng.random() < 0.92 else "",
            office_phone=office,
            email=email,
            wechat=wechat,
            created_at=created,
            updated_at=created,
        )

    def activity(
        self, customer_id: str, contacts: list[Contact], start: datetime, created: datetime
    ) -> Activity:
        rng = self.rng
        kind = self.kinds.pick(rng)
        person = rng.choice(contacts) if contacts else None
        who = f"{person.title}{person.name}" if person else "客户"
        if kind is ActivityKind.VISIT:
            summary = f"拜访{who}，了解到{rng.choice(PAINS)}。"
        elif kind is ActivityKind.CALL:
            summary = f"电话联系{who}，{rng.choice(CALL_RESULTS)}。"
        elif kind is ActivityKind.EMAIL:
            summary = f"给{who}发送{rng.choice(DOCUMENTS)}。"
        elif kind is ActivityKind.MEETING:
            summary = f"与{who}等开需求调研会，{rng.choice(PAINS)}。"
        elif kind is ActivityKind.CALLBACK:
            summary = f"回访{who}，{rng.choice(CALLBACKS)}。"
        else:
            summary = f"{rng.choice(OTHERS)}。"
        occurred = self.moment(start)
        return Activity(
            id=self.uuid(),
            customer_id=customer_id,
            kind=kind,
            occurred_at=occurred,
            summary=summary,
            contact_id=person.id if person else None,
            outcome=rng.choice(OUTCOMES),
            next_step=rng.choice(NEXT_STEPS),
            created_at=occurred,
            updated_at=occurred,
        )


def demo_protection(
    customer: Customer, now: datetime
) -> tuple[datetime | None, datetime | None]:
    """The registry's dates of a protected demo customer (protected until,
    released to the pool unless followed up by): protection ends 20-170 days
    from *now*, the release for want of follow-ups 2-60 days from *now* (so
    about a fifth are expiring soon).  Drawn from the customer's id, not the
    demo's random stream, so the rest of the data stays as it was."""
    if customer.registration is not Registration.PROTECTED:
        return None, None
    rng = random.Random(customer.id)
    return now + timedelta(days=rng.randint(20, 170)), now + timedelta(days=rng.randint(2, 60))


def generate_demo(
    uow_factory: Callable[[], UnitOfWork],
    *,
    customers: int,
    seed: int = 1,
    progress: Callable[[int], None] | None = None,
    contacts_per_customer: int = 3,
    activities_per_customer: int = 5,
    now: datetime | None = None,
    owner: str = "demo",
    feed: ChangeFeed | None = None,
    atomic: bool = False,
    deals: int | None = None,
    closed_deals: int | None = None,
    playbook: Playbook | None = None,
) -> DemoResult:
    """Add *customers* made-up customers, each with its contacts and activities.

    Written ``BATCH`` customers at a time, without outbox ops: each batch in
    its own transaction, or with *atomic* all in one (all are added or,
    when the run is stopped, none: what adding to a database in use needs;
    a new database is made whole by ``demo_database``).  *progress* is
    called with the number of customers written so far.  *now* (default:
    the current time) anchors creation and activity times.  Customers not in
    the pool (公海) get *owner*.  *feed* hears one ``Change("customer")`` at
    the end.

    Deals (``demo_deals``) go with their customers, batch by batch: *deals*
    open and *closed_deals* closed ones (``deal_counts`` gives the default,
    about a third of the customers with a deal), worked under *playbook*
    (default: the one in force); presales requests, engagements, demos and
    surveys (``demo_presales``) for about a third of the open deals in stage
    3 or later.
    """
    if not 1 <= customers <= MAX_CUSTOMERS:
        raise ValueError(f"customers must be 1..{MAX_CUSTOMERS}, not {customers}")
    started = time.perf_counter()
    with uow_factory() as uow:
        existing = uow.customers.identities()
    maker = _Maker(
        seed,
        (now or datetime.now(UTC)).astimezone(UTC),
        {key_parts(key).rest for _id, _name, _uscc, key in existing},
        {uscc for _id, _name, uscc, _key in existing if uscc},
        owner,
    )
    n_open, n_closed = deal_counts(customers, deals, closed_deals)
    if n_open < 0 or n_closed < 0:
        raise ValueError(f"deals must not be negative, not {n_open} and {n_closed}")
    deal_maker = None
    if n_open or n_closed:
        if playbook is None:
            from erpdesk.playbooks import read_playbook

            playbook = read_playbook()
        deal_maker = DealMaker(seed, f"{seed}:{len(existing)}", maker.now, playbook, owner)
        from erpdesk.services.demo_quotes import QuoteMaker, demo_catalogue

        with uow_factory() as uow:
            catalogue = demo_catalogue(uow)
        quote_maker = QuoteMaker(seed, f"{seed}:{len(existing)}", maker.now, catalogue)
        from erpdesk.services.demo_proposals import ProposalMaker
        from erpdesk.services.demo_todos import demo_todos, write_todos

        proposal_maker = ProposalMaker(seed, f"{seed}:{len(existing)}", maker.now)
        presales_maker = _presales_maker(
            seed, f"{seed}:{len(existing)}", maker.now, playbook, n_open
        )
    done = n_contacts = n_activities = 0
    n_deals = n_won = n_lost = n_sheets = n_quotes = n_quoted = 0
    n_requests = n_engagements = n_tasks = n_todos = 0
    with contextlib.ExitStack() as stack:
        whole = stack.enter_context(uow_factory()) if atomic else None
        while done < customers:
            size = min(BATCH, customers - done)
            rows = [
                maker.customer(contacts_per_customer, activities_per_customer)
                for _ in range(size)
            ]
            batch = None
            if deal_maker is not None:
                batch = deal_maker.batch(
                    [(c, cs) for c, cs, _ in rows],
                    split_quota(n_open, done, size, customers),
                    split_quota(n_closed, done, size, customers),
                )
                rows = _with_deal_activities(rows, batch.activities, maker.now)
                # demo_presales: before the deals are written (a finding made a
                # need adds to the deal's needs worksheet)
                presales = presales_maker.batch([(c, cs) for c, cs, _ in rows], batch)
            contacts = [c for _, cs, _ in rows for c in cs]
            activities = [a for _, _, acts in rows for a in acts]
            with contextlib.nullcontext(whole) if whole is not None else uow_factory() as uow:
                uow.customers.add_many(
                    [(c, cs) for c, cs, _ in rows], record=False,
                    protection=[demo_protection(c, maker.now) for c, _cs, _acts in rows],
                )
                uow.contacts.add_many(contacts, record=False)
                uow.activities.add_many(activities, record=False)
                if batch is not None:
                    batch.write(uow)
                    n_deals += len(batch.deals)
                    n_won, n_lost = n_won + batch.won, n_lost + batch.lost
                    n_sheets += len(batch.worksheets)
                    quotes = quote_maker.batch(uow, batch.deals)  # demo_quotes
                    quotes.write(uow)
                    proposal_maker.batch(  # demo_proposals: deals with a quote
                        [c for c, _cs, _acts in rows], batch.deals, quotes.quotes, batch.worksheets
                    ).write(uow)
                    n_quotes += len(quotes.quotes)
                    n_quoted += quotes.quoted_deals
                    presales.write(uow)
                    n_todos += write_todos(  # demo_todos: the open deals' next steps
                        uow, demo_todos(batch.deals, maker.now, f"{seed}:{len(existing)}:{done}")
                    )
                    n_requests += len(presales.requests)
                    n_engagements += len(presales.engagements)
                    n_tasks += len(presales.tasks)
                if whole is None:
                    uow.commit()
            done += size
            n_contacts += len(contacts)
            n_activities += len(activities)
            if progress is not None:
                progress(done)
        if whole is not None:
            whole.commit()
    with uow_factory() as uow:
        uow.refresh_statistics()
    if feed is not None:
        feed.publish(Change("customer"))
        if n_deals:
            feed.publish(Change("deal"))
        if n_quotes:
            feed.publish(Change("quote"))
        if n_requests:
            feed.publish(Change("presales"))
        if n_todos:
            feed.publish(Change("todo"))
    return DemoResult(
        done, n_contacts, n_activities, time.perf_counter() - started,
        n_deals, n_won, n_lost, n_sheets, n_quotes, n_quoted,
        n_requests, n_engagements, n_tasks, n_todos,
    )


def _presales_maker(
    seed: int, id_seed: str, now: datetime, playbook: Playbook, open_deals: int
) -> PresalesMaker:
    """The demo's presales maker, with the knowledge base (its demo scripts)
    and the survey questionnaires in force; its team sized for *open_deals*."""
    from erpdesk.knowledge import read_knowledge
    from erpdesk.questionnaires import read_questionnaires
    from erpdesk.services.demo_presales import PresalesMaker

    modules = [m.code for m in playbook.modules]
    return PresalesMaker(
        seed, id_seed, now, playbook, read_knowledge(), read_questionnaires(modules=modules),
        open_deals,
    )  # fmt: skip


def _with_deal_activities(
    rows: list[tuple[Customer, list[Contact], list[Activity]]],
    deal_activities: Sequence[Activity],
    now: datetime,
) -> list[tuple[Customer, list[Contact], list[Activity]]]:
    """*rows* with each deal's activity in place of one of its customer's
    own (so a customer keeps its number of activities, all within the last
    year); the customer's ``updated_at`` follows its latest activity."""
    index = {c.id: i for i, (c, _cs, _acts) in enumerate(rows)}
    used: dict[str, int] = {}
    year_ago = now - timedelta(days=365)
    out = list(rows)
    for act in deal_activities:
        i = index.get(act.customer_id)
        if i is None or act.occurred_at < year_ago:
            continue
        customer, contacts, acts = out[i]
        k = used.get(customer.id, 0)
        if k >= len(acts):
            continue
        used[customer.id] = k + 1
        acts = [*acts[:k], act, *acts[k + 1 :]]
        if act.occurred_at > customer.updated_at:
            customer = dataclasses.replace(customer, updated_at=act.occurred_at)
        out[i] = (customer, contacts, acts)
    return out
