from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from erpdesk.domain.completeness import is_complete, registration_gaps
from erpdesk.domain.customer import (
    Activity,
    ActivityKind,
    Contact,
    Customer,
    Industry,
    SizeBand,
)

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


def complete_customer():
    customer = Customer(
        name="浪潮电子信息产业股份有限公司",
        uscc="91370000163446410B",
        industry=Industry.ELECTRONICS,
        size_band=SizeBand.HUGE,
        province="山东省",
        city="济南市",
        address="济南市浪潮路1036号",
        phone="0531-85106000",
        need="ERP 升级，替换旧财务系统",
    )
    contacts = [Contact(customer_id=customer.id, name="王经理", mobile="13800138000")]
    activities = [
        Activity(
            customer_id=customer.id,
            kind=ActivityKind.VISIT,
            occurred_at=NOW - timedelta(days=2),
            summary="首次拜访",
        )
    ]
    return customer, contacts, activities


def codes(problems):
    return sorted(p.code for p in problems)


def test_complete_customer_has_no_gaps():
    customer, contacts, activities = complete_customer()
    assert registration_gaps(customer, contacts, activities, now=NOW) == []
    assert is_complete(customer, contacts, activities, now=NOW)


def test_empty_customer_lacks_everything():
    customer = Customer(name="浪潮电子信息产业股份有限公司")
    assert codes(registration_gaps(customer, [], [], now=NOW)) == [
        "gap.address",
        "gap.city",
        "gap.contact",
        "gap.industry",
        "gap.need",
        "gap.phone",
        "gap.province",
        "gap.size_band",
        "gap.visit",
        "uscc.required_for_registration",
    ]
    assert not is_complete(customer, [], [], now=NOW)


def test_gap_messages():
    customer, contacts, _ = complete_customer()
    gaps = registration_gaps(customer, contacts, [], now=NOW)
    assert [(g.field, g.code, g.render()) for g in gaps] == [
        ("visit", "gap.visit", "No visit has been logged"),
    ]


def test_correctness_problems_are_gaps_too():
    customer, contacts, activities = complete_customer()
    customer = replace(customer, uscc="91370000163446410C", phone="123")
    assert codes(registration_gaps(customer, contacts, activities, now=NOW)) == [
        "phone.invalid",
        "uscc.check",
    ]


def test_unknown_province():
    customer, contacts, activities = complete_customer()
    gaps = registration_gaps(replace(customer, province="加州"), contacts, activities, now=NOW)
    assert codes(gaps) == ["province.unknown"]


@pytest.mark.parametrize("province", ["山东", "山东省"])
def test_short_province_is_fine(province):
    customer, contacts, activities = complete_customer()
    assert (
        registration_gaps(replace(customer, province=province), contacts, activities, now=NOW) == []
    )


def test_phone_of_a_contact_is_enough():
    customer, contacts, activities = complete_customer()
    customer = replace(customer, phone="")
    assert registration_gaps(customer, contacts, activities, now=NOW) == []
    office = [replace(contacts[0], mobile="", office_phone="0531-85106001")]
    assert registration_gaps(customer, office, activities, now=NOW) == []
    unreachable = [replace(contacts[0], mobile="")]
    assert codes(registration_gaps(customer, unreachable, activities, now=NOW)) == ["gap.phone"]


def test_deleted_contacts_and_visits_do_not_count():
    customer, contacts, activities = complete_customer()
    gone = [replace(contacts[0], deleted=True)]
    assert codes(registration_gaps(customer, gone, activities, now=NOW)) == ["gap.contact"]
    gone_visit = [replace(activities[0], deleted=True)]
    assert codes(registration_gaps(customer, contacts, gone_visit, now=NOW)) == ["gap.visit"]


def test_only_a_past_visit_counts():
    customer, contacts, activities = complete_customer()
    call = [replace(activities[0], kind=ActivityKind.CALL)]
    assert codes(registration_gaps(customer, contacts, call, now=NOW)) == ["gap.visit"]
    planned = [replace(activities[0], occurred_at=NOW + timedelta(days=1))]
    assert codes(registration_gaps(customer, contacts, planned, now=NOW)) == ["gap.visit"]


def test_contact_problems_name_the_contact():
    customer, contacts, activities = complete_customer()
    bad = replace(contacts[0], email="wang@")
    gaps = registration_gaps(customer, [bad], activities, now=NOW)
    assert [(g.field, g.code) for g in gaps] == [(f"contacts.{bad.id}.email", "email.invalid")]
    assert gaps[0].params["contact"] == "王经理"
    assert gaps[0].render() == "wang@ is not an e-mail address"


def test_now_defaults_to_the_clock():
    customer, contacts, activities = complete_customer()
    assert is_complete(customer, contacts, activities)
