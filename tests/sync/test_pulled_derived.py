"""Pulled records keep their derived columns right: a quote's totals, a
deal's local close date and stage facts, a worksheet's score are computed
on the pulling desk as the writing desk's save computed them, so B's lists,
board and forecast agree with A's (a real registry process: conftest)."""

from __future__ import annotations

import logging
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from derived_support import Engines, line, row, synced_pair

from erpdesk.app import Desk
from erpdesk.domain.customer import Customer
from erpdesk.domain.deal import DealStatus
from erpdesk.domain.quote import PriceMode, quote_totals
from erpdesk.services.events import Change
from erpdesk.storage.mapping import to_fen
from erpdesk.storage.sync_store import SyncStore
from erpdesk.sync.apply import children_of, pulled_row
from erpdesk.sync.engine import SyncReport


@pytest.fixture
def engines(registry):
    found = Engines(registry)
    yield found
    found.close()


def facts(desk: Desk) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in desk.db.reader.execute(
        "SELECT * FROM deal_stage_fact ORDER BY deal_id, stage")]


def board(desk: Desk) -> list[tuple[Any, ...]]:
    return sorted(
        (c.id, c.name, c.amount, c.assessment_percent, c.low_verdict, c.flags, c.worksheets)
        for c in desk.deals.board()
    )


def figures(desk: Desk) -> dict[str, Any]:
    """What the quote list, the board and the forecast show."""
    forecast = desk.deals.forecast()
    return {
        "quotes": desk.quotes.summaries(),
        "board": board(desk),
        "periods": forecast.periods,
        "funnel": forecast.funnel,
        "conversion": forecast.conversion,
        "facts": facts(desk),
    }


def test_a_pulled_quote_deal_and_worksheet_show_the_writers_figures(
    registry, make_desk, engines
) -> None:
    _user, a, b, made = synced_pair(registry, make_desk, engines)

    totals = "net_fen, vat_fen, total_fen"
    assert row(b, "quote", made.quote.id, totals) == row(a, "quote", made.quote.id, totals)
    expected = quote_totals(made.quote)
    assert row(b, "quote", made.quote.id, totals) == (
        to_fen(expected.net), to_fen(expected.vat), to_fen(expected.total))
    (summary,) = b.quotes.summaries()
    assert summary.total == expected.total == Decimal("1703.07")  # 112.99 + 1590.08
    assert row(b, "deal", made.won.id, "closed_on") == (made.won.closed_at.astimezone()
                                                        .date().isoformat(),)
    assert row(b, "worksheet", made.sheet.id, "score_percent, low_verdict") == (20, 1)
    assert facts(b) and len(facts(b)) == 4  # stages 1, 2, 3 of one deal, 7 of the other
    assert figures(b) == figures(a)
    won = [p for p in figures(b)["periods"] if p.won_count]
    assert [(p.won_count, p.won_amount) for p in won] == [(1, Decimal("120000.50"))]


def test_pulled_updates_recompute_them_over_the_fields_still_waiting(
    registry, make_desk, engines
) -> None:
    user, a, b, made = synced_pair(registry, make_desk, engines)
    # A edits the lines, the sheet and closes the deal lost; B changes the
    # quote's price mode offline (still waiting when A's lines arrive).
    a.quotes.update(replace(a.quotes.get(made.quote.id), lines=(
        line("财务管理模块用户许可", "10", "33.33"), line("年度维护", "1", "2999.99"),
    )))
    high = {k: 5 for k in made.sheet.data}
    a.deals.save_worksheet(replace(made.sheet, data=high))
    a.deals.move(made.deal.id, DealStatus.LOST, lost_reason="no_budget")
    b.quotes.update(replace(b.quotes.get(made.quote.id), price_mode=PriceMode.INCLUSIVE))
    engines.sync(a, user)
    engine = engines.engine(b, user)
    engine.pull(engine.store.device_id(), SyncReport())  # B's own change not sent yet

    quote = b.quotes.get(made.quote.id)
    assert quote.price_mode is PriceMode.INCLUSIVE and len(quote.lines) == 2  # both kept
    mine = quote_totals(quote)
    assert row(b, "quote", quote.id, "net_fen, vat_fen, total_fen") == (
        to_fen(mine.net), to_fen(mine.vat), to_fen(mine.total))
    assert b.quotes.summary(quote.id).total == mine.total
    assert row(b, "worksheet", made.sheet.id, "score_percent, low_verdict") == (100, 0)
    lost = b.deals.get(made.deal.id)
    assert row(b, "deal", lost.id, "closed_on") == (lost.closed_at.astimezone()
                                                    .date().isoformat(),)
    # once B's own change went too, both desks show the same again
    engines.sync(b, user)
    engines.sync(a, user)
    assert figures(b) == figures(a)
    assert [p.lost_count for p in figures(b)["periods"] if p.lost_count] == [1]

    # a worksheet alone changed: B's board hears of its deal
    a.deals.save_worksheet(replace(a.deals.worksheets(deal_id=made.deal.id)[0],
                                   data=made.sheet.data))
    engines.sync(a, user)
    seen: list[Change] = []
    b.feed.subscribe(seen.append)
    engines.sync(b, user)
    assert Change("worksheet", (made.sheet.id,)) in seen
    assert Change("deal", (made.deal.id,)) in seen
    assert row(b, "worksheet", made.sheet.id, "score_percent, low_verdict") == (20, 1)


# -- the store's rules, page by page (no registry) ------------------------------


def change(entity: str, row_id: str, version: int, /, **fields: Any) -> dict[str, Any]:
    return {"entity": entity, "id": row_id, "version": version, "fields": fields}


def apply(store: SyncStore, cursor: int, *changes: dict[str, Any]):
    rows = [r for r in (pulled_row(ch) for ch in changes) if r is not None]
    return store.apply_page(rows, cursor, {}, children_of())


def test_unreadable_lines_or_an_unknown_template_do_not_stop_the_page(
    make_desk, caplog
) -> None:
    desk = make_desk("rules")
    store = SyncStore(desk.db)
    c = Customer(name="宁波北仑港通物流有限公司", need="ERP")
    caplog.set_level(logging.WARNING, "erpdesk.storage.pulled_derived")
    result = apply(
        store, 1,
        change("customer", c.id, 1, name=c.name, need=c.need, source="walk_in",
               status="potential", owner="rep"),
        change("quote", "q-1", 2, customer_id=c.id, number="Q-1", version=1, status="draft",
               price_mode="inclusive", quote_date="2026-12-01", lines=[{"nonsense": 1}]),
        change("quote", "q-2", 3, customer_id=c.id, number="Q-2", version=1, status="draft",
               price_mode="inclusive", quote_date="2026-12-01"),
        change("worksheet", "w-1", 4, customer_id=c.id, template="no_such_sheet",
               dated="2026-12-01", data={"need": 1}),
    )
    assert result.applied == 4 and result.skipped == 0
    assert row(desk, "quote", "q-1", "total_fen") == (0,)
    assert row(desk, "quote", "q-2", "lines, total_fen") == ("[]", 0)
    assert row(desk, "worksheet", "w-1", "score_percent, low_verdict") == (None, 0)
    assert "quote q-1" in caplog.text


def test_a_lost_customer_takes_its_deals_stage_facts_with_it(make_desk) -> None:
    desk = make_desk("rules")
    store = SyncStore(desk.db)
    c = Customer(name="无锡太湖精密有限公司", need="ERP")
    at = "2026-11-02T08:00:00+00:00"
    apply(
        store, 1,
        change("stage_change", "s-2", 5, deal_id="d-1", kind="forward", from_stage=1,
               to_stage=2, at="2026-11-09T08:00:00+00:00", by="rep"),
        change("stage_change", "s-1", 4, deal_id="d-1", kind="created", to_stage=1, at=at,
               by="rep"),
        change("deal", "d-1", 3, customer_id=c.id, name="一期", stage=2, status="open",
               probability=20, stage_entered_at="2026-11-09T08:00:00+00:00", amount="100"),
        change("customer", c.id, 2, name=c.name, need=c.need, source="walk_in",
               status="potential", owner="rep"),
    )  # children first: deferred, then applied with their parents, facts and all
    assert [(r[1], r[2], r[3]) for r in facts(desk)] == [(1, 1, 1), (2, 0, 0)]
    assert facts(desk)[0][4] == 7 * 24 * 3600 * 10**6  # a week in stage 1
    apply(store, 2, {**change("customer", c.id, 6), "visible": False})
    assert facts(desk) == []
