"""A visit dated outside the plausible range (erpdesk.domain.dates) is refused
by the desk as by the registry, on a real desk database, and nothing of it is
written (no activity, no outbox op that the registry would reject)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from erpdesk.app import open_desk
from erpdesk.domain.customer import Activity, ActivityKind, Customer, utcnow
from erpdesk.domain.errors import ValidationError


@pytest.fixture
def desk(tmp_path):
    opened = open_desk(tmp_path / "desk.db", owner="zhang.wei")
    yield opened
    opened.close()


def counts(desk) -> tuple[int, int]:
    reader = desk.db.reader
    return (
        reader.execute("SELECT count(*) FROM activity").fetchone()[0],
        reader.execute("SELECT count(*) FROM outbox").fetchone()[0],
    )


@pytest.mark.parametrize(
    "when",
    [
        datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))),
        datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-14))),
        datetime(1949, 9, 30, 12, 0, tzinfo=UTC),
        utcnow() + timedelta(days=367),
    ],
)
def test_an_implausible_visit_date_is_refused_and_nothing_is_written(desk, when):
    customer = desk.customers.create(Customer(name="青岛海川食品有限公司"))
    before = counts(desk)
    with pytest.raises(ValidationError) as info:
        desk.customers.log_activity(
            Activity(
                customer_id=customer.id, kind=ActivityKind.VISIT, occurred_at=when, summary="拜访"
            )
        )
    assert [p.code for p in info.value.problems] == ["occurred_at.implausible"]
    assert "1949-10-01" in str(info.value)
    assert counts(desk) == before


def test_a_plausible_visit_date_is_logged(desk):
    customer = desk.customers.create(Customer(name="青岛海川食品有限公司"))
    before = counts(desk)
    desk.customers.log_activity(
        Activity(
            customer_id=customer.id,
            kind=ActivityKind.VISIT,
            occurred_at=datetime(1949, 10, 1, tzinfo=UTC),
            summary="老客户的第一次拜访",
        )
    )
    assert counts(desk) == (before[0] + 1, before[1] + 1)
