"""Customers (客户), their contacts and activities: the entities of the desk."""

from __future__ import annotations

import enum
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TypeVar

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP


def new_id() -> str:
    """A client-made UUID key (the desk creates keys offline)."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """Now, in UTC, to the microsecond."""
    return datetime.now(UTC)


class LabelledEnum(str, enum.Enum):
    """A string enum whose members carry an English label (translated in
    context ``Domain``) and the methodology's zh_CN term for parsing input."""

    label: str
    zh: str

    def __new__(cls, value: str, label: str, zh: str) -> LabelledEnum:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        obj.zh = zh
        return obj

    @classmethod
    def parse(cls, text: str) -> LabelledEnum | None:
        """Member named by its code, zh_CN term or English label (any case)."""
        key = text.strip()
        low = key.lower()
        for member in cls:
            if low in (member.value, member.label.lower()) or key == member.zh:
                return member
        return None


_E = TypeVar("_E", bound=enum.Enum)


def enum_member(enum_type: type[_E], value: str) -> _E:
    """The member of *enum_type* whose value is *value* (``enum_type(value)``,
    so ``ValueError`` when there is none).

    For type checkers: mypy checks a direct ``Source(value)`` against the
    three-argument ``LabelledEnum.__new__``, which only builds the members."""
    return enum_type(value)


class Source(LabelledEnum):
    """The seven sources of a customer (客户的来源), methodology section 7."""

    WALK_IN = ("walk_in", QT_TRANSLATE_NOOP("Domain", "Walk-in"), "门市")
    PHONE = ("phone", QT_TRANSLATE_NOOP("Domain", "Phone"), "电话")
    EMAIL = ("email", QT_TRANSLATE_NOOP("Domain", "E-mail"), "E-mail")
    REFERRAL = ("referral", QT_TRANSLATE_NOOP("Domain", "Referral"), "老客户介绍")
    SELF_DEVELOPED = ("self_developed", QT_TRANSLATE_NOOP("Domain", "Self-developed"), "销售自拓")
    MARKETING_EVENT = (
        "marketing_event", QT_TRANSLATE_NOOP("Domain", "Marketing event"), "市场活动"
    )
    OTHER = ("other", QT_TRANSLATE_NOOP("Domain", "Other"), "其他")

    @property
    def company_provided(self) -> bool:
        """Company-provided (直接资源) rather than rep-entered (间接资源)."""
        return self not in (Source.SELF_DEVELOPED, Source.OTHER)

    @classmethod
    def parse(cls, text: str) -> Source | None:
        """Member named by its code, zh_CN term or English label, or by a word
        people use for it (``SOURCE_WORDS``: 展会, 转介绍, 网络 ...)."""
        found = super().parse(text)
        if found is not None:
            return found  # type: ignore[return-value]
        return SOURCE_WORDS.get(_word_key(text))


def _word_key(text: str) -> str:
    """*text* folded for the word lists: full-width to half-width, lower
    case, no spaces, hyphens or underscores."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in folded if not c.isspace() and c not in "-_")


def _words(pairs: dict[Source, str]) -> dict[str, Source]:
    found: dict[str, Source] = {}
    for source, words in pairs.items():
        for word in words.split():
            key = _word_key(word)
            if found.setdefault(key, source) is not source:
                raise ValueError(f"the source word {word!r} names two sources")
    return found


# The words people write for the seven sources in spreadsheets and forms
# (matched whole, after ``_word_key``).  Internet enquiries (网络, 官网, 百度
# ...) count as marketing: the company's own promotion brought them.
SOURCE_WORDS: dict[str, Source] = _words({
    Source.WALK_IN: "门店 到店 上门 来访 客户来访 自来客户 门市来访 walkin walk-in",
    Source.PHONE: "来电 电话咨询 热线 400电话 800电话 电话营销 电销 telemarketing call inbound",
    Source.EMAIL: "邮件 电子邮件 邮箱 来信 email e-mail mail",
    Source.REFERRAL: "转介绍 介绍 客户介绍 朋友介绍 熟人介绍 老客户 推荐 口碑 referral "
    "referred recommendation",
    Source.SELF_DEVELOPED: "自拓 自己开发 自主开发 销售开发 陌拜 陌生拜访 扫街 地推 "
    "selfdeveloped cold-visit",
    Source.MARKETING_EVENT: "展会 会展 展览 展销会 研讨会 会议 沙龙 峰会 论坛 活动 发布会 "
    "网络 互联网 网站 官网 网上 线上 百度 搜索 广告 微信 公众号 抖音 推广 "
    "exhibition tradeshow trade-show seminar conference event webinar website web online "
    "internet ads advertising",
    Source.OTHER: "其它 其他 未知 不详 other unknown",
})


class CustomerStatus(LabelledEnum):
    """Where the desk's user stands with the customer."""

    POTENTIAL = ("potential", QT_TRANSLATE_NOOP("Domain", "Potential"), "潜在客户")
    FOLLOWING = ("following", QT_TRANSLATE_NOOP("Domain", "Following up"), "跟进中")
    SIGNED = ("signed", QT_TRANSLATE_NOOP("Domain", "Signed"), "已签约")
    DORMANT = ("dormant", QT_TRANSLATE_NOOP("Domain", "Dormant"), "休眠")
    LOST = ("lost", QT_TRANSLATE_NOOP("Domain", "Lost"), "已流失")


class Registration(LabelledEnum):
    """Registration and protection state; owned by the registry, read-only here."""

    UNREGISTERED = ("unregistered", QT_TRANSLATE_NOOP("Domain", "Unregistered"), "未注册")
    PENDING = ("pending", QT_TRANSLATE_NOOP("Domain", "Registration pending"), "待审核")
    PROTECTED = ("protected", QT_TRANSLATE_NOOP("Domain", "Protected"), "保护中")
    INVALID = ("invalid", QT_TRANSLATE_NOOP("Domain", "Invalid"), "无效客户")
    POOL = ("pool", QT_TRANSLATE_NOOP("Domain", "In the pool"), "公海")


class SizeBand(LabelledEnum):
    """Headcount bands."""

    MICRO = ("micro", QT_TRANSLATE_NOOP("Domain", "Under 20 staff"), "20人以下")
    SMALL = ("small", QT_TRANSLATE_NOOP("Domain", "20-99 staff"), "20-99人")
    MEDIUM = ("medium", QT_TRANSLATE_NOOP("Domain", "100-499 staff"), "100-499人")
    LARGE = ("large", QT_TRANSLATE_NOOP("Domain", "500-1999 staff"), "500-1999人")
    HUGE = ("huge", QT_TRANSLATE_NOOP("Domain", "2000 staff or more"), "2000人以上")


class Industry(LabelledEnum):
    """Industries the desk filters by."""

    MANUFACTURING = ("manufacturing", QT_TRANSLATE_NOOP("Domain", "Manufacturing"), "制造业")
    MACHINERY = ("machinery", QT_TRANSLATE_NOOP("Domain", "Machinery"), "机械设备")
    ELECTRONICS = ("electronics", QT_TRANSLATE_NOOP("Domain", "Electronics"), "电子电器")
    AUTOMOTIVE = ("automotive", QT_TRANSLATE_NOOP("Domain", "Automotive parts"), "汽车零部件")
    CHEMICALS = ("chemicals", QT_TRANSLATE_NOOP("Domain", "Chemicals"), "化工")
    PHARMA = ("pharma", QT_TRANSLATE_NOOP("Domain", "Pharmaceuticals"), "医药")
    FOOD = ("food", QT_TRANSLATE_NOOP("Domain", "Food and beverage"), "食品饮料")
    TEXTILE = ("textile", QT_TRANSLATE_NOOP("Domain", "Textiles and apparel"), "纺织服装")
    BUILDING = ("building", QT_TRANSLATE_NOOP("Domain", "Building materials"), "建材")
    RETAIL = ("retail", QT_TRANSLATE_NOOP("Domain", "Retail and distribution"), "商贸流通")
    LOGISTICS = ("logistics", QT_TRANSLATE_NOOP("Domain", "Logistics"), "物流")
    SERVICES = ("services", QT_TRANSLATE_NOOP("Domain", "Services"), "服务业")
    OTHER = ("other", QT_TRANSLATE_NOOP("Domain", "Other industry"), "其他行业")


class ContactLevel(LabelledEnum):
    """A contact's level in the customer (relationship strategy, section 3)."""

    DECISION = ("decision", QT_TRANSLATE_NOOP("Domain", "Decision"), "决策层")
    MANAGEMENT = ("management", QT_TRANSLATE_NOOP("Domain", "Management"), "管理层")
    OPERATION = ("operation", QT_TRANSLATE_NOOP("Domain", "Operation"), "操作层")


class ActivityKind(LabelledEnum):
    """Kinds of activity on a customer."""

    VISIT = ("visit", QT_TRANSLATE_NOOP("Domain", "Visit"), "拜访")
    CALL = ("call", QT_TRANSLATE_NOOP("Domain", "Call"), "电话")
    EMAIL = ("email", QT_TRANSLATE_NOOP("Domain", "E-mail"), "邮件")
    MEETING = ("meeting", QT_TRANSLATE_NOOP("Domain", "Meeting"), "会议")
    CALLBACK = ("callback", QT_TRANSLATE_NOOP("Domain", "Call-back"), "回访")
    OTHER = ("other", QT_TRANSLATE_NOOP("Domain", "Other"), "其他")


@dataclass
class Customer:
    """A company the rep sells to.

    ``registration`` and ``owner`` are registry-owned: the desk shows them
    and never sends them in a sync op.  ``need`` is the stated need (需求)
    that registration requires.
    """

    name: str
    short_name: str = ""
    uscc: str = ""
    industry: Industry | None = None
    province: str = ""
    city: str = ""
    address: str = ""
    size_band: SizeBand | None = None
    source: Source = Source.SELF_DEVELOPED
    source_detail: str = ""
    phone: str = ""
    website: str = ""
    need: str = ""
    notes: str = ""
    owner: str = ""
    status: CustomerStatus = CustomerStatus.POTENTIAL
    registration: Registration = Registration.UNREGISTERED
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    server_version: int | None = None
    deleted: bool = False


@dataclass
class Contact:
    """A person at a customer."""

    customer_id: str
    name: str
    title: str = ""
    department: str = ""
    level: ContactLevel | None = None
    mobile: str = ""
    office_phone: str = ""
    email: str = ""
    wechat: str = ""
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    server_version: int | None = None
    deleted: bool = False


@dataclass
class Activity:
    """Something done with a customer; append-only, so it never conflicts."""

    customer_id: str
    kind: ActivityKind
    occurred_at: datetime
    summary: str
    contact_id: str | None = None
    outcome: str = ""
    next_step: str = ""
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    server_version: int | None = None
    deleted: bool = False


# Fields a user edits; the rest are keys, bookkeeping or registry-owned.
CUSTOMER_FIELDS = (
    "name", "short_name", "uscc", "industry", "province", "city", "address",
    "size_band", "source", "source_detail", "phone", "website", "need", "notes",
    "status",
)
CONTACT_FIELDS = (
    "name", "title", "department", "level", "mobile", "office_phone", "email", "wechat",
)
ACTIVITY_FIELDS = (
    "kind", "occurred_at", "summary", "contact_id", "outcome", "next_step",
)
