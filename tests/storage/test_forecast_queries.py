"""The forecast's SQL aggregates equal ``erpdesk.domain.forecast`` on the same
deals, to the fen: the pipeline by month and quarter (each deal's weighted
amount rounded half-up first, on awkward amounts), won and lost per period,
conversion and average days per stage from the stage history, stalled deals;
deleted deals and changes and other owners' deals count nowhere."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from erpdesk.domain.customer import Customer, Source
from erpdesk.domain.deal import Deal, DealStatus, MoveKind, StageChange
from erpdesk.domain.forecast import (
    conversion,
    deal_weighted,
    forecast_by_period,
    stalled,
)
from erpdesk.playbooks import read_playbook
from erpdesk.storage.database import open_database
from erpdesk.storage.deal_queries import DealQueries
from erpdesk.storage.forecast_queries import ForecastQueries
from erpdesk.storage.uow import UnitOfWork

F, B, W, L, R, C = (
    MoveKind.FORWARD, MoveKind.BACK, MoveKind.WON,
    MoveKind.LOST, MoveKind.REOPENED, MoveKind.CREATED,
)  # fmt: skip
T0 = datetime(2026, 3, 2, 8, 30, 15, 123456, tzinfo=UTC)
TODAY = date(2026, 12, 1)
PLAYBOOK = read_playbook()

# Amounts whose weighted amount sits exactly on half a fen (or near it).
AWKWARD = [
    ("0.01", 50),  # 0.005 -> 0.01
    ("0.03", 50),  # 0.015 -> 0.02
    ("1.01", 50),  # 0.505 -> 0.51
    ("0.05", 10),  # 0.005 -> 0.01
    ("12345.67", 35),  # 4320.9845 -> 4320.98
    ("333.33", 15),  # 49.9995 -> 50.00
    ("999999999.99", 99),
    ("0.01", 1),  # 0.0001 -> 0.00
    ("7.77", 75),  # 5.8275 -> 5.83
    ("0.00", 60),
]


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "desk.db")
    yield database
    database.close()


def customer(db, name: str) -> Customer:
    c = Customer(name=name, source=Source.REFERRAL)
    with UnitOfWork(db) as uow:
        uow.customers.add(c, ())
        uow.commit()
    return c


def deal(customer_id: str, i: int, **fields) -> Deal:
    base: dict = dict(
        customer_id=customer_id,
        name=f"ERP项目{i}",
        stage=1 + i % 7,
        amount=Decimal("100.00"),
        close_date=date(2026, 1 + i % 12, 1 + i % 28),
        probability=10,
        owner="zhang.wei" if i % 3 else "li.na",
        playbook=PLAYBOOK.key,
        stage_entered_at=T0 + timedelta(days=i % 90, hours=i),
        created_at=T0,
        updated_at=T0,
    )
    return Deal(**(base | fields))


def history(d: Deal, steps: list[tuple[MoveKind, int, float]]) -> list[StageChange]:
    """Stage changes of *d*: (kind, to stage, days after T0)."""
    out = []
    previous = None
    for k, (kind, to, days) in enumerate(steps):
        at = T0 + timedelta(days=days, microseconds=k * 7)
        out.append(StageChange(d.id, kind, to, at, "zhang.wei", from_stage=previous, created_at=at))
        previous = to
    return out


@pytest.fixture
def filled(db):
    """Open deals with awkward amounts, won and lost ones, a deleted one,
    one without a close date, with histories forward, back, reopened."""
    a = customer(db, "浪潮电子信息产业股份有限公司")
    b = customer(db, "山东金城建设有限公司")
    deals: list[Deal] = []
    for i, (amount, probability) in enumerate(AWKWARD * 3):
        deals.append(deal((a, b)[i % 2].id, i, amount=Decimal(amount), probability=probability))
    deals.append(deal(a.id, 40, close_date=None, amount=Decimal("5.55"), probability=55))
    deals.append(deal(a.id, 41, deleted=True, amount=Decimal("1000.00")))
    for i in range(50, 62):
        status = DealStatus.WON if i % 3 else DealStatus.LOST
        closed = T0 + timedelta(days=20 * (i - 50), hours=23, minutes=30)
        deals.append(
            deal(
                b.id, i, status=status, stage=7 if status is DealStatus.WON else 4,
                amount=Decimal("10000.05") + i, probability=100 if status is DealStatus.WON else 0,
                closed_at=closed, close_date=date(2026, 6, 30),
            )
        )  # fmt: skip
    deals.append(
        deal(b.id, 70, status=DealStatus.LOST, closed_at=None, close_date=date(2026, 2, 3))
    )
    changes: list[StageChange] = []
    patterns = [
        [(C, 1, 0), (F, 2, 3.25), (F, 3, 10.5), (B, 2, 11), (F, 3, 17.125), (F, 4, 40)],
        [(C, 1, 0), (F, 2, 1.5), (F, 4, 4), (W, 4, 9.75)],
        [(C, 1, 0), (F, 2, 2), (L, 2, 3.3)],
        [(C, 1, 0), (F, 2, 2), (L, 2, 3), (R, 2, 30), (F, 5, 31), (F, 6, 33.333)],
        [(C, 2, 0)],
        [(C, 3, 0), (B, 1, 5), (F, 2, 6)],
    ]
    for i, d in enumerate(deals):
        changes += history(d, patterns[i % len(patterns)])
    changes[3] = StageChange(**(changes[3].__dict__ | {"deleted": True}))
    with UnitOfWork(db) as uow:
        uow.deals.add_many(deals, record=False)
        uow.stage_changes.add_many(changes, record=False)
        uow.commit()
    return deals, changes


def live(deals: list[Deal], owner: str | None = None) -> list[Deal]:
    return [d for d in deals if not d.deleted and (owner is None or d.owner == owner)]


@pytest.mark.parametrize("owner", [None, "zhang.wei", "li.na", "nobody"])
@pytest.mark.parametrize("period", ["month", "quarter"])
def test_pipeline_by_period_equals_the_domain_to_the_fen(db, filled, owner, period):
    deals, _ = filled
    found = ForecastQueries.of(DealQueries(db.reader)).periods(owner, period)
    assert found == forecast_by_period(live(deals, owner), period)
    if owner is None:
        assert found and found[0].period == ("2026-01" if period == "month" else "2026-Q1")


def test_the_weighted_pipeline_rounds_each_deal_half_up_once(db, filled):
    deals, _ = filled
    rows = ForecastQueries.of(DealQueries(db.reader)).periods(None, "month")
    open_deals = [d for d in live(deals) if d.is_open and d.close_date is not None]
    total = sum((r.weighted for r in rows), Decimal(0))
    assert total == sum((deal_weighted(d) for d in open_deals), Decimal(0))
    # Rounding the sum instead of each deal would give a different total.
    unrounded = sum((d.amount * d.probability / 100 for d in open_deals), Decimal(0))
    assert total != unrounded.quantize(Decimal("0.01"))
    assert sum(r.open_count for r in rows) == len(open_deals)


@pytest.mark.parametrize("owner", [None, "zhang.wei", "li.na"])
def test_conversion_and_days_per_stage_equal_the_domain(db, filled, owner):
    deals, changes = filled
    ids = {d.id for d in live(deals, owner)}
    expected = conversion([c for c in changes if c.deal_id in ids], PLAYBOOK)
    found = ForecastQueries.of(DealQueries(db.reader)).conversion(owner, PLAYBOOK)
    assert found == expected
    if owner is None:  # the data exercise partial rates and fractional days
        assert any(r.rate not in (None, Decimal(0), Decimal(100)) for r in found)
        assert any(r.average_days is not None and r.average_days % 1 for r in found)


@pytest.mark.parametrize("days", [0, 30, 200, 400])
@pytest.mark.parametrize("owner", [None, "li.na"])
def test_stalled_deals_equal_the_domain_longest_first(db, filled, days, owner):
    deals, _ = filled
    found = ForecastQueries.of(DealQueries(db.reader)).stalled(owner, TODAY, days)
    expected = stalled(live(deals, owner), TODAY, days)
    assert [s.id for s in found] == [d.id for d in expected] or (
        sorted(s.id for s in found) == sorted(d.id for d in expected)
        and [s.days_in_stage for s in found]
        == sorted((s.days_in_stage for s in found), reverse=True)
    )
    by_id = {d.id: d for d in expected}
    for row in found:
        assert row.amount == by_id[row.id].amount and row.stage == by_id[row.id].stage
        assert row.days_in_stage > days
    if days == 200 and owner is None:
        assert found and len(found) < len([d for d in deals if d.is_open])


def test_an_empty_database_has_an_empty_forecast(db):
    queries = ForecastQueries.of(DealQueries(db.reader))
    assert queries.periods(None, "quarter") == []
    assert all(r.entered == 0 and r.rate is None for r in queries.conversion(None, PLAYBOOK))
    assert queries.stalled(None, TODAY, 0) == []


# --- the stored facts (deal.closed_on, deal_stage_fact) ---------------------------


def _facts(db) -> list[tuple]:
    return [tuple(r) for r in db.reader.execute("SELECT * FROM deal_stage_fact ORDER BY 1, 2")]


def _history_of(db, deal_ids) -> list[StageChange]:
    queries = DealQueries(db.reader)
    return [c for deal_id in deal_ids for c in queries.history(deal_id)]


def test_facts_follow_a_deal_that_closes_reopens_closes_again_and_moves_back(db):
    from dataclasses import replace

    a = customer(db, "浪潮电子信息产业股份有限公司")
    d = deal(a.id, 1, stage=1, close_date=date(2026, 4, 30))
    other = deal(a.id, 2, stage=2)
    steps = [(C, 1, 0), (F, 2, 1.5), (F, 3, 4.25), (B, 2, 6), (F, 3, 9), (W, 3, 12.5),
             (R, 3, 40), (B, 2, 41.75), (F, 3, 50), (F, 4, 61), (L, 4, 95.5)]  # fmt: skip
    changes = history(d, steps)
    with UnitOfWork(db) as uow:
        uow.deals.add_many([d, other], record=False)
        uow.stage_changes.add_many(history(other, [(C, 1, 0), (F, 2, 3)]), record=False)
        uow.commit()
    current = d
    queries = ForecastQueries.of(DealQueries(db.reader))
    for change in changes:
        kind = change.kind
        closed_at = change.at + timedelta(hours=15, minutes=45) if kind in (W, L) else None
        status = {W: DealStatus.WON, L: DealStatus.LOST}.get(kind, DealStatus.OPEN)
        after = replace(current, stage=change.to_stage, status=status, closed_at=closed_at,
                        stage_entered_at=change.at)  # fmt: skip
        with UnitOfWork(db) as uow:
            if change is not changes[0]:
                after = uow.deals.update(current, after)
            uow.stage_changes.add(change)
            uow.commit()
        current = after
        deals = [DealQueries(db.reader).deal(d.id), DealQueries(db.reader).deal(other.id)]
        assert queries.conversion(None, PLAYBOOK) == conversion(
            _history_of(db, [d.id, other.id]), PLAYBOOK
        )
        assert queries.periods(None, "month") == forecast_by_period(deals, "month")
        on = db.reader.execute("SELECT closed_on FROM deal WHERE id = ?", (d.id,)).fetchone()[0]
        assert on == (closed_at.astimezone().date().isoformat() if closed_at else None)
    # Closed twice, reopened, moved back twice: four ended stays in stage 3
    # (three forward, one reopening), converted; stage 4 left by the loss, not converted.
    facts = {row[1]: row[2:] for row in _facts(db) if row[0] == d.id}
    assert facts[3][:2] == (1, 4) and facts[2][0] == 1 and facts[4][:2] == (0, 1)
    assert current.status is DealStatus.LOST


def test_facts_equal_a_refill_from_scratch(db, filled):
    from erpdesk.storage.forecast_facts import refill

    kept = _facts(db)
    assert kept
    conn = sqlite3.connect(db.path)  # a second connection rebuilds them
    try:
        with conn:
            refill(conn)
        refilled = [tuple(r) for r in conn.execute("SELECT * FROM deal_stage_fact ORDER BY 1, 2")]
        on = conn.execute("SELECT id, closed_on FROM deal ORDER BY id").fetchall()
    finally:
        conn.close()
    assert refilled == kept
    deals, _ = filled
    assert sorted(on) == sorted(
        (x.id, x.closed_at.astimezone().date().isoformat() if x.closed_at else None) for x in deals
    )


@pytest.mark.parametrize("owner", [None, "li.na"])
def test_a_playbook_with_fewer_stages_than_a_deal_entered_still_equals_the_domain(
    db, filled, owner
):
    from dataclasses import replace

    deals, changes = filled
    short = replace(PLAYBOOK, stages=PLAYBOOK.stages[:4])
    ids = {d.id for d in live(deals, owner)}
    expected = conversion([c for c in changes if c.deal_id in ids], short)
    found = ForecastQueries.of(DealQueries(db.reader)).conversion(owner, short)
    assert found == expected and len(found) == 4


@pytest.mark.parametrize("days", [0, 30, 200])
@pytest.mark.parametrize("owner", [None, "li.na"])
def test_stalled_pages_add_up_to_the_whole_list_and_its_count(db, filled, days, owner):
    queries = ForecastQueries.of(DealQueries(db.reader))
    whole = queries.stalled(owner, TODAY, days)
    assert whole  # the data hold stalled deals for every limit here
    pages = []
    for offset in range(0, len(whole) + 3, 3):
        page = queries.stalled(owner, TODAY, days, limit=3, offset=offset)
        assert len(page) <= 3
        pages.extend(page)
    assert pages == whole  # the same rows in the same order, none twice
    assert queries.stalled_count(owner, TODAY, days) == len(whole)
    assert queries.stalled(owner, TODAY, days, limit=0) == []
    assert queries.stalled(owner, TODAY, days, limit=2, offset=len(whole)) == []


def test_the_forecast_carries_the_first_stalled_page_and_the_count(db, filled, monkeypatch):
    from erpdesk.services.deals import DealService
    from erpdesk.services.events import ChangeFeed
    from erpdesk.storage import forecast_queries

    monkeypatch.setattr(forecast_queries, "STALLED_PAGE", 4)
    noon = datetime.combine(TODAY, datetime.min.time(), UTC) + timedelta(hours=12)
    service = DealService(
        lambda: UnitOfWork(db), DealQueries(db.reader), ChangeFeed(),
        playbook=lambda: PLAYBOOK, clock=lambda: noon,
    )  # fmt: skip
    today = noon.astimezone().date()
    whole = ForecastQueries.of(DealQueries(db.reader)).stalled(None, today, 0)
    forecast = service.forecast(stalled_days=0, conversion=False)
    assert forecast.today == today
    assert forecast.stalled == whole[:4] and forecast.stalled_count == len(whole) > 8
    assert service.forecast_stalled(forecast, 4) == whole[4:8]
    assert service.forecast_stalled(forecast, 4, limit=100) == whole[4:]
