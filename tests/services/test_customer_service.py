"""The customer use cases through the composition root, on a real database."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from erpdesk.app import open_desk
from erpdesk.domain.customer import (
    Activity,
    ActivityKind,
    Contact,
    ContactLevel,
    Customer,
    Industry,
    SizeBand,
    Source,
)
from erpdesk.domain.duplicates import MatchKind
from erpdesk.domain.errors import DuplicateCustomer, NotFound, ValidationError


@pytest.fixture
def desk(tmp_path):
    opened = open_desk(tmp_path / "desk.db", owner="zhang.wei")
    yield opened
    opened.close()


def outbox_count(desk) -> int:
    return desk.db.reader.execute("SELECT count(*) FROM outbox").fetchone()[0]


def complete_customer() -> Customer:
    return Customer(
        name="浪潮电子信息产业股份有限公司",
        short_name="浪潮",
        uscc="91370000163446410B",
        industry=Industry.ELECTRONICS,
        province="山东省",
        city="济南市",
        address="济南市高新区浪潮路1036号",
        size_band=SizeBand.HUGE,
        source=Source.REFERRAL,
        phone="0531-85106000",
        need="库存积压严重，希望上线ERP打通供应链",
    )


def test_create_normalises_sets_owner_and_publishes(desk):
    changes = []
    desk.feed.subscribe(changes.append)
    saved = desk.customers.create(replace(complete_customer(), uscc=" 91370000163446410b "))
    assert saved.uscc == "91370000163446410B"
    assert saved.owner == "zhang.wei"
    assert changes and changes[0].ids == (saved.id,)
    assert desk.customers.detail(saved.id).customer == saved
    assert outbox_count(desk) == 1


def test_invalid_customer_lists_every_problem_and_saves_nothing(desk):
    bad = replace(complete_customer(), name="", uscc="12345", phone="abc")
    with pytest.raises(ValidationError) as info:
        desk.customers.create(bad)
    fields = {p.field for p in info.value.problems}
    assert {"name", "uscc", "phone"} <= fields
    assert desk.customers.count(desk.customers.criteria()) == 0
    assert outbox_count(desk) == 0


def test_same_uscc_or_normalised_name_is_never_created_twice(desk):
    desk.customers.create(complete_customer())
    with pytest.raises(DuplicateCustomer):
        desk.customers.create(Customer(name="浪潮 电子信息产业 有限责任公司"))
    with pytest.raises(DuplicateCustomer):
        desk.customers.create(Customer(name="完全不同的名字有限公司", uscc="91370000163446410B"))
    assert desk.customers.count(desk.customers.criteria()) == 1


def test_duplicate_check_reports_exact_and_similar_matches(desk):
    first = desk.customers.create(complete_customer())
    same = desk.customers.check_duplicates("浪潮电子信息产业有限责任公司")
    assert same[0].kind is MatchKind.SAME_NAME and same[0].candidate.id == first.id
    # A region on one side only is a possible duplicate, not the same company.
    regional = desk.customers.check_duplicates("北京浪潮电子信息产业有限公司")
    assert regional[0].kind is MatchKind.SIMILAR and not regional[0].is_duplicate
    by_code = desk.customers.check_duplicates("某某", "91370000163446410B")
    assert by_code[0].kind is MatchKind.SAME_USCC
    near = desk.customers.check_duplicates("浪潮电子信息产业发展有限公司")
    assert near and near[0].kind is MatchKind.SIMILAR and not near[0].is_duplicate
    assert desk.customers.check_duplicates("华为技术有限公司") == []
    assert desk.customers.check_duplicates(first.name, exclude_id=first.id) == []


def test_duplicate_check_sees_customers_added_after_the_index_was_built(desk):
    desk.customers.check_duplicates("华为技术有限公司")
    desk.customers.create(Customer(name="华为技术有限公司"))
    assert desk.customers.check_duplicates("华为技术有限公司")[0].is_duplicate


def test_update_diffs_fields_and_refuses_to_become_a_duplicate(desk):
    first = desk.customers.create(complete_customer())
    other = desk.customers.create(Customer(name="华为技术有限公司"))
    desk.customers.update(replace(first, phone="0531-85106001"))
    assert desk.customers.detail(first.id).customer.phone == "0531-85106001"
    with pytest.raises(DuplicateCustomer):
        desk.customers.update(replace(other, name="浪潮电子信息产业有限公司"))
    assert desk.customers.detail(other.id).customer.name == "华为技术有限公司"


def test_contacts_feed_search_and_completeness(desk):
    customer = desk.customers.create(complete_customer())
    before = desk.customers.detail(customer.id).gaps
    person = desk.customers.save_contact(
        Contact(customer_id=customer.id, name="王明", title="总经理",
                level=ContactLevel.DECISION, mobile="13912345678")
    )
    assert desk.customers.count(desk.customers.criteria("139 1234 5678")) == 1
    desk.customers.log_activity(
        Activity(customer_id=customer.id, kind=ActivityKind.VISIT,
                 occurred_at=datetime.now(UTC), summary="拜访总经理", contact_id=person.id)
    )
    detail = desk.customers.detail(customer.id)
    assert detail.gaps == [] and len(before) >= 2
    desk.customers.remove_contact(person.id)
    assert desk.customers.count(desk.customers.criteria("13912345678")) == 0
    assert desk.customers.detail(customer.id).contacts == []


def test_edit_contact_keeps_one_row(desk):
    customer = desk.customers.create(complete_customer())
    person = desk.customers.save_contact(Contact(customer_id=customer.id, name="王明"))
    desk.customers.save_contact(replace(person, title="财务总监"))
    (only,) = desk.customers.detail(customer.id).contacts
    assert only.title == "财务总监"


def test_bad_contact_and_activity_are_refused(desk):
    customer = desk.customers.create(complete_customer())
    with pytest.raises(ValidationError):
        desk.customers.save_contact(Contact(customer_id=customer.id, name="王明", mobile="123"))
    with pytest.raises(ValidationError):
        desk.customers.log_activity(
            Activity(customer_id=customer.id, kind=ActivityKind.CALL,
                     occurred_at=datetime.now(UTC), summary="")
        )
    with pytest.raises(NotFound):
        desk.customers.log_activity(
            Activity(customer_id="nope", kind=ActivityKind.CALL,
                     occurred_at=datetime.now(UTC), summary="x")
        )
    assert outbox_count(desk) == 1


def test_activities_come_newest_first(desk):
    customer = desk.customers.create(complete_customer())
    for day in (3, 1, 2):
        desk.customers.log_activity(
            Activity(customer_id=customer.id, kind=ActivityKind.CALL,
                     occurred_at=datetime(2026, 11, day, tzinfo=UTC), summary=f"day {day}")
        )
    assert [a.summary for a in desk.customers.detail(customer.id).activities] == [
        "day 3", "day 2", "day 1",
    ]


def test_delete_hides_the_customer(desk):
    customer = desk.customers.create(complete_customer())
    desk.customers.delete(customer.id)
    with pytest.raises(NotFound):
        desk.customers.detail(customer.id)
    desk.customers.create(complete_customer())  # the name is free again


def test_duplicate_check_follows_renames_and_deletes(desk):
    first = desk.customers.create(Customer(name="华为技术有限公司"))
    assert desk.customers.check_duplicates("华为技术有限公司")[0].candidate.id == first.id
    desk.customers.update(replace(first, name="荣耀终端有限公司"))
    assert desk.customers.check_duplicates("华为技术有限公司") == []
    assert desk.customers.check_duplicates("荣耀终端有限公司")[0].is_duplicate
    desk.customers.delete(first.id)
    assert desk.customers.check_duplicates("荣耀终端有限公司") == []


def test_warm_up_builds_the_duplicate_index_in_the_background(desk, tmp_path):
    first = desk.customers.create(Customer(name="华为技术有限公司"))
    desk.customers.warm_up()
    added_meanwhile = desk.customers.create(Customer(name="荣耀终端有限公司"))
    assert desk.customers.check_duplicates("华为技术有限公司")[0].candidate.id == first.id
    assert desk.customers.check_duplicates("荣耀终端有限公司")[0].candidate.id == added_meanwhile.id
    assert desk.customers.count(desk.customers.criteria("rongyao")) == 1
