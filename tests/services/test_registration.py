"""RegistrationService on a real desk database: the completeness check
refuses with every gap, duplicates are found at once, a request waits as
pending (once), and the list shows and filters by protection."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from erpdesk.app import open_desk
from erpdesk.domain.customer import (
    Activity,
    ActivityKind,
    Contact,
    Customer,
    Industry,
    SizeBand,
)
from erpdesk.domain.errors import ValidationError
from erpdesk.domain.uscc import make_uscc
from erpdesk.services.registration import (
    EXPIRING,
    PROTECTED,
    RegistrationRefused,
    protection_of,
)

CODE = "91370000163446410B"


@pytest.fixture
def desk(tmp_path):
    d = open_desk(tmp_path / "desk.db")
    yield d
    d.close()


def complete(desk, name="浪潮电子信息产业股份有限公司", uscc=CODE) -> Customer:
    c = desk.customers.create(Customer(
        name=name, uscc=uscc, industry=Industry.ELECTRONICS, size_band=SizeBand.LARGE,
        province="山东省", city="济南市", address="高新区浪潮路 1036 号", phone="0531-85106000",
        need="集团财务共享",
    ))
    desk.customers.save_contact(Contact(customer_id=c.id, name="王明", mobile="13912345678"))
    desk.customers.log_activity(Activity(
        customer_id=c.id, kind=ActivityKind.VISIT,
        occurred_at=datetime.now(UTC) - timedelta(days=2), summary="拜访财务总监"))
    return c


def test_incomplete_customer_is_refused_with_what_is_missing(desk) -> None:
    c = desk.customers.create(Customer(name="济南某某机械有限公司"))
    with pytest.raises(ValidationError) as caught:
        desk.registrations.request(c.id)
    fields = {p.field for p in caught.value.problems}
    assert {"uscc", "industry", "contact", "need", "visit"} <= fields
    assert desk.registrations.latest(c.id) is None
    assert desk.customers.detail(c.id).customer.registration.value == "unregistered"
    assert not desk.registrations.check(c.id).complete


def test_duplicate_is_warned_at_once(desk) -> None:
    c = complete(desk)
    desk.customers.create(Customer(name="浪潮电子信息产业发展有限公司"))
    check = desk.registrations.check(c.id)
    assert check.complete
    assert check.duplicates and check.duplicates[0].candidate.name == "浪潮电子信息产业发展有限公司"


def test_request_waits_as_pending_once_with_its_payload(desk) -> None:
    c = complete(desk)
    seen = []
    desk.feed.subscribe(seen.append)
    request = desk.registrations.request(c.id)
    assert request.state == "waiting"
    body = request.payload
    assert body["id"] == request.id and body["customer"]["id"] == c.id
    assert body["customer"]["uscc"] == CODE and body["need"] == "集团财务共享"
    assert [p["name"] for p in body["contacts"]] == ["王明"]
    assert body["visit"]["summary"] == "拜访财务总监"
    assert {ch.entity for ch in seen} == {"customer", "registration"}
    assert desk.customers.detail(c.id).customer.registration.value == "pending"
    with pytest.raises(RegistrationRefused):
        desk.registrations.request(c.id)


def _protect(desk, customer_id: str, until: datetime) -> None:
    with desk.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE customer SET registration = 'protected', protected_until = ? WHERE id = ?",
            (until.isoformat(timespec="microseconds"), customer_id))


def test_list_filters_by_protection(desk) -> None:
    now = datetime.now(UTC)
    far = complete(desk)
    soon = complete(desk, "济南二机床集团有限公司", make_uscc(random.Random(7), "370100"))
    pending = desk.customers.create(Customer(name="青岛海尔智能家电有限公司"))
    plain = desk.customers.create(Customer(name="烟台万华化学有限公司"))
    _protect(desk, far.id, now + timedelta(days=60))
    _protect(desk, soon.id, now + timedelta(days=5))
    with desk.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE customer SET registration = 'pending' WHERE id = ?", (pending.id,))

    def ids(state: str, text: str = "") -> set[str]:
        criteria = desk.customers.criteria(text, protection=state)
        return {r.id for r in desk.customers.page(criteria)}

    assert ids("protected") == {far.id}
    assert ids("expiring") == {soon.id}
    assert ids("pending") == {pending.id}
    assert ids("unregistered") == {plain.id}
    assert ids("expiring", "济南") == {soon.id}
    row = next(r for r in desk.customers.page(desk.customers.criteria()) if r.id == soon.id)
    assert protection_of(row.registration, row.protected_until, row.release_due_at) == EXPIRING
    assert protection_of("protected", (now + timedelta(days=60)).isoformat(), None) == PROTECTED
    assert protection_of(
        "protected", (now + timedelta(days=60)).isoformat(), (now + timedelta(days=3)).isoformat()
    ) == EXPIRING
