from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from erpdesk.domain.customer import Activity, ActivityKind, Contact, Customer
from erpdesk.domain.dates import date_problem, is_plausible, latest_plausible
from erpdesk.domain.errors import ValidationError
from erpdesk.domain.validation import (
    activity_problems,
    contact_problems,
    customer_problems,
    is_email,
    is_landline,
    is_mobile,
    is_phone,
    is_website,
    normalize_phone,
    validate_activity,
    validate_contact,
    validate_customer,
)

GOOD_NAME = "浪潮电子信息产业股份有限公司"


def codes(problems):
    return sorted((p.field, p.code) for p in problems)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" 0531 8510 6000 ", "053185106000"),
        ("０５３１－８５１０６０００", "0531-85106000"),
        ("(0531)85106000", "0531-85106000"),
        ("（010） 8888 8888 转 123", "010-88888888-123"),
        ("010-88888888 ext. 12", "010-88888888-12"),
        ("138-0013-8000", "138-0013-8000"),
        ("+86 138 0013 8000", "+8613800138000"),
        ("1380013800a", "1380013800a"),
    ],
)
def test_normalize_phone(text, expected):
    assert normalize_phone(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "13800138000",
        "138 0013 8000",
        "138-0013-8000",
        "+8613800138000",
        "+86 199 1234 5678",
        "008615912345678",
        "8613800138000",
        "１３８００１３８０００",
    ],
)
def test_mobile(text):
    assert is_mobile(text)
    assert is_phone(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "12800138000",
        "1380013800",
        "138001380000",
        "23800138000",
        "13800138000a",
        "+8712800138000",
        "0531-85106000",
    ],
)
def test_not_mobile(text):
    assert not is_mobile(text)


@pytest.mark.parametrize(
    "text",
    [
        "0531-85106000",
        "0531 8510 6000",
        "053185106000",
        "010-88888888",
        "01088888888",
        "(021)62345678",
        "0755-2345678",
        "010-88888888-123",
        "010-88888888转123",
        "+86-531-85106000",
        "+86 10 8888 8888",
        "400-810-0000",
        "4008100000",
        "800-820-8820",
    ],
)
def test_landline(text):
    assert is_landline(text)
    assert is_phone(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "85106000",
        "0531-0510600",
        "0531-851060001",
        "1-800-555-0199",
        "0531-8510600x",
        "500-810-0000",
        "abc",
    ],
)
def test_not_landline(text):
    assert not is_landline(text)


@pytest.mark.parametrize(
    "text",
    [
        "zhang.san@inspur.com",
        "12345@qq.com",
        "a+b@mail.example.com.cn",
        "zhang@例子.中国",
        "wang＠163.com",
    ],
)
def test_email(text):
    assert is_email(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "zhang",
        "zhang@",
        "@inspur.com",
        "zhang@inspur",
        "a b@c.com",
        "a@@b.com",
        "a@b.c",
        "a..b@c.com",
        "a@-b.com",
    ],
)
def test_not_email(text):
    assert not is_email(text)


@pytest.mark.parametrize(
    "text",
    [
        "www.inspur.com",
        "http://www.inspur.com",
        "https://inspur.com/cn/index.html",
        "HTTPS://WWW.BAIDU.COM",
        "inspur.com.cn:8080/?a=1",
    ],
)
def test_website(text):
    assert is_website(text)


@pytest.mark.parametrize("text", ["", "inspur", "http://", "www inspur com", "ftp://a.com", "a.1"])
def test_not_website(text):
    assert not is_website(text)


def test_good_customer_has_no_problems():
    c = Customer(
        name=GOOD_NAME, uscc="91370000163446410B", phone="0531-85106000", website="www.inspur.com"
    )
    assert customer_problems(c) == []


def test_customer_name_required():
    problems = customer_problems(Customer(name="  "))
    assert codes(problems) == [("name", "required")]
    assert problems[0].render() == "The full name is required"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("浪潮", [("name", "name.too_short")]),
        ("1234", [("name", "name.no_letters")]),
        ("12", [("name", "name.no_letters"), ("name", "name.too_short")]),
        ("浪潮信息", []),
        ("x" * 201, [("name", "too_long")]),
    ],
)
def test_customer_name_rules(name, expected):
    assert codes(customer_problems(Customer(name=name))) == expected


def test_customer_reports_every_problem():
    c = Customer(
        name="浪潮",
        short_name="s" * 51,
        uscc="914403001922038217",
        phone="12345",
        website="inspur",
        province="省" * 21,
        city="市" * 31,
        source_detail="d" * 201,
        notes="n" * 5001,
    )
    assert codes(customer_problems(c)) == [
        ("city", "too_long"),
        ("name", "name.too_short"),
        ("notes", "too_long"),
        ("phone", "phone.invalid"),
        ("province", "too_long"),
        ("short_name", "too_long"),
        ("source_detail", "too_long"),
        ("uscc", "uscc.check"),
        ("website", "website.invalid"),
    ]


def test_too_long_message():
    problems = customer_problems(Customer(name=GOOD_NAME, short_name="s" * 60))
    assert problems[0].render() == "At most 50 characters are allowed here, not 60"


def test_contact_problems():
    assert codes(contact_problems(Contact(customer_id="c", name="王经理"))) == []
    bad = Contact(
        customer_id="c", name=" ", mobile="0531-85106000", office_phone="12", email="wang@"
    )
    assert codes(contact_problems(bad)) == [
        ("email", "email.invalid"),
        ("mobile", "mobile.invalid"),
        ("name", "required"),
        ("office_phone", "office_phone.invalid"),
    ]
    # An office phone may be a mobile.
    ok = Contact(customer_id="c", name="王经理", office_phone="13800138000")
    assert contact_problems(ok) == []


def test_activity_problems():
    aware = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)
    good = Activity(customer_id="c", kind=ActivityKind.VISIT, occurred_at=aware, summary="拜访")
    assert activity_problems(good) == []
    naive = Activity(
        customer_id="c",
        kind=ActivityKind.CALL,
        occurred_at=datetime(2024, 5, 1, 9, 30),
        summary=" ",
    )
    assert codes(activity_problems(naive)) == [
        ("occurred_at", "occurred_at.naive"),
        ("summary", "required"),
    ]
    long = Activity(customer_id="c", kind=ActivityKind.CALL, occurred_at=aware, summary="s" * 2001)
    assert codes(activity_problems(long)) == [("summary", "too_long")]


def test_validate_customer_returns_normalised_copy():
    c = Customer(
        name=f"  {GOOD_NAME} ",
        uscc=" 91370000163446410b ",
        phone="（0531） 8510 6000",
        province="山东",
        notes=" x ",
    )
    v = validate_customer(c)
    assert v is not c
    assert v.name == GOOD_NAME
    assert v.uscc == "91370000163446410B"
    assert v.phone == "0531-85106000"
    assert v.province == "山东省"
    assert v.notes == "x"
    assert v.id == c.id and v.created_at == c.created_at
    assert c.name == f"  {GOOD_NAME} "  # the input is left alone


def test_validate_customer_keeps_unknown_province_as_typed():
    assert validate_customer(Customer(name=GOOD_NAME, province=" 加州 ")).province == "加州"


def test_validate_customer_raises_with_all_problems():
    with pytest.raises(ValidationError) as info:
        validate_customer(Customer(name="", phone="abc"))
    assert codes(info.value.problems) == [("name", "required"), ("phone", "phone.invalid")]
    assert "The full name is required" in str(info.value)


def test_validate_contact():
    v = validate_contact(
        Contact(
            customer_id="c", name=" 王经理 ", mobile="138 0013 8000", email=" wang＠inspur.com "
        )
    )
    assert (v.name, v.mobile, v.email) == ("王经理", "13800138000", "wang@inspur.com")
    with pytest.raises(ValidationError):
        validate_contact(Contact(customer_id="c", name="王经理", mobile="123"))


def test_validate_activity():
    aware = datetime(2024, 5, 1, tzinfo=UTC)
    v = validate_activity(
        Activity(customer_id="c", kind=ActivityKind.VISIT, occurred_at=aware, summary=" 拜访 ")
    )
    assert v.summary == "拜访"
    with pytest.raises(ValidationError):
        validate_activity(
            Activity(
                customer_id="c",
                kind=ActivityKind.VISIT,
                occurred_at=datetime(2024, 5, 1),
                summary="拜访",
            )
        )


# --- plausible dates (erpdesk.domain.dates), shared by the desk and the registry ---

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
EAST, WEST = timezone(timedelta(hours=14)), timezone(timedelta(hours=-14))


@pytest.mark.parametrize(
    ("when", "plausible"),
    [
        (datetime(1949, 10, 1, 0, 0, tzinfo=timezone(timedelta(hours=8))), True),
        (datetime(1949, 9, 30, 23, 59, tzinfo=timezone(timedelta(hours=8))), False),
        (datetime(2027, 3, 2, 23, 59, tzinfo=UTC), True),  # a year after today
        (datetime(2027, 3, 3, 0, 0, tzinfo=UTC), False),
        (datetime(1, 1, 1, 0, 0, tzinfo=EAST), False),  # does not fit in UTC: no overflow
        (datetime(9999, 12, 31, 23, 59, 59, tzinfo=WEST), False),
        (datetime(1, 1, 1), False),  # naive times are judged by their date too
        (date(2026, 3, 2), True),
    ],
)
def test_plausible_dates(when, plausible):
    assert is_plausible(when, NOW) is plausible
    problem = date_problem(when, NOW)
    assert (problem is None) is plausible
    if problem is not None:
        assert problem.code == "occurred_at.implausible"
        assert problem.render() == (
            f"The date {problem.params['date']} is not plausible: it must be between "
            "1949-10-01 and 2027-03-02"
        )


def test_the_latest_plausible_date_follows_the_clock_passed_in():
    assert latest_plausible(NOW) == date(2027, 3, 2)
    assert latest_plausible(datetime(2028, 2, 29, tzinfo=UTC)) == date(2029, 2, 28)
    later = datetime(2027, 3, 3, 0, 0, tzinfo=UTC)
    assert not is_plausible(later, NOW) and is_plausible(later, NOW + timedelta(days=1))
    # Without a clock only the earliest date is checked.
    assert is_plausible(datetime(9999, 1, 1, tzinfo=UTC))
    assert date_problem(datetime(1, 1, 1, tzinfo=EAST), None).render() == (
        "The date 0001-01-01 is not plausible: it must be on or after 1949-10-01"
    )


def test_an_activity_dated_year_one_is_refused():
    visit = Activity(
        customer_id="c",
        kind=ActivityKind.VISIT,
        occurred_at=datetime(1, 1, 1, tzinfo=EAST),
        summary="拜访",
    )
    assert codes(activity_problems(visit, now=NOW)) == [("occurred_at", "occurred_at.implausible")]
    assert codes(activity_problems(visit)) == [("occurred_at", "occurred_at.implausible")]
    ahead = replace(visit, occurred_at=NOW + timedelta(days=400))
    assert activity_problems(ahead) == []
    assert codes(activity_problems(ahead, now=NOW)) == [("occurred_at", "occurred_at.implausible")]
    with pytest.raises(ValidationError) as info:
        validate_activity(ahead, now=NOW)
    assert "2027-03-02" in str(info.value)
    assert validate_activity(replace(visit, occurred_at=NOW), now=NOW).occurred_at == NOW
