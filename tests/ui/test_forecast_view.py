"""The forecast view on a real desk database: the charts are built with the
service's figures (pipeline, won/open/lost, the funnel), the tables hold the
conversion and the stalled deals, the owner and period filters re-read, a
chart exports as PNG, a double-click on a stalled deal opens it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCharts import QBarSeries, QHorizontalStackedBarSeries, QStackedBarSeries
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from erpdesk.domain.customer import Source
from erpdesk.domain.deal import DealStatus
from erpdesk.ui.funnel.forecast_view import ForecastView, StalledModel, wan

TODAY = date.today()


@pytest.fixture
def deals(desk, samples) -> Any:
    """Open deals in several stages of two owners, one won, one lost."""
    service = desk.deals
    plan = [
        ("海尔", "海尔ERP一期", 1, "120000.00", 30, "王磊"),
        ("美的", "美的财务共享", 2, "333333.33", 60, "李娜"),
        ("浪潮", "浪潮集团管控", 4, "1234567.89", 90, "李娜"),
        ("青啤", "青啤成本核算", 5, "88000.05", 45, "王磊"),
        ("海尔", "海尔HR云", 6, "2500000.00", 20, "李娜"),
    ]
    made = {}
    for short, name, stage, amount, days, owner in plan:
        service.user = owner
        made[name] = service.create(
            samples[short].id, name, stage=stage, amount=Decimal(amount),
            close_date=TODAY + timedelta(days=days), source=Source.REFERRAL,
        )  # fmt: skip
    service.user = "王磊"
    won = service.create(samples["美的"].id, "美的CRM", stage=7, amount=Decimal("999999.99"))
    service.move(won.id, DealStatus.WON, reason="测试", confirm_override=True)
    lost = service.create(samples["三一"].id, "三一MES", stage=3, amount=Decimal("500000.00"))
    service.move(lost.id, DealStatus.LOST, reason="价格", lost_reason="price",
                 confirm_override=True)  # fmt: skip
    return made


def loaded(qtbot, deals_service) -> ForecastView:
    view = ForecastView(deals_service)
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.wait()
    qtbot.waitUntil(lambda: view.forecast is not None and view.conversion_model.rowCount() == 7)
    return view


def series_of(panel, kind) -> Any:
    (series,) = panel.chart.series()
    assert isinstance(series, kind)
    return series


def test_the_charts_show_the_service_figures(qtbot, desk, deals):
    view = loaded(qtbot, desk.deals)
    forecast = desk.deals.forecast()
    shown = [r for r in forecast.periods if r.open_count]
    pipeline = series_of(view.pipeline, QBarSeries)
    amount, weighted = pipeline.barSets()
    assert [amount.at(i) for i in range(amount.count())][: len(shown)] == [
        wan(r.open_amount) for r in forecast.periods[: amount.count()]
    ][: len(shown)]
    assert sum(weighted.at(i) for i in range(weighted.count())) == pytest.approx(
        wan(forecast.funnel.open.weighted)
    )
    status = series_of(view.status, QStackedBarSeries)
    won, open_, lost = status.barSets()
    assert sum(won.at(i) for i in range(won.count())) == pytest.approx(wan(Decimal("999999.99")))
    assert sum(lost.at(i) for i in range(lost.count())) == pytest.approx(50.0)
    assert sum(open_.at(i) for i in range(open_.count())) == pytest.approx(
        wan(forecast.funnel.open.amount)
    )


def test_the_funnel_narrows_centred_with_stage_labels(qtbot, desk, deals):
    view = loaded(qtbot, desk.deals)
    series = series_of(view.funnel, QHorizontalStackedBarSeries)
    pad, bars, pad2 = series.barSets()
    stages = list(reversed(view.forecast.funnel.stages))
    assert [bars.at(i) for i in range(7)] == [wan(s.amount) for s in stages]
    widest = max(wan(s.amount) for s in stages)
    for i in range(7):  # each bar centred: pad + bar + pad is the widest bar
        assert pad.at(i) == pad2.at(i)
        assert pad.at(i) * 2 + bars.at(i) == pytest.approx(widest)
    labels = view.funnel_labels(view.forecast)
    assert labels[0].startswith("1 ") and "1 deals" in labels[0]
    axis = view.funnel.chart.axes()[0]
    assert axis.categories() == list(reversed(labels))


def test_the_tables_hold_conversion_and_stalled_deals(qtbot, desk, deals):
    view = loaded(qtbot, desk.deals)
    conversion = desk.deals.forecast_conversion()
    model = view.conversion_model
    assert [model.index(r, 1).data() for r in range(7)] == [str(c.entered) for c in conversion]
    assert view.stalled_model.rowCount() == 0  # every deal entered its stage today
    desk.deals._clock = lambda: datetime.now(UTC) + timedelta(days=45)
    view.reload()
    view.wait()
    qtbot.waitUntil(lambda: view.stalled_model.rowCount() == 5)
    assert view.stalled_model.row_at(0).deal_id in {d.id for d in deals.values()}


def test_owner_and_period_filters_read_again(qtbot, desk, deals):
    view = loaded(qtbot, desk.deals)
    assert view.owner_combo.findData("李娜") > 0
    with qtbot.waitSignal(view.loaded):
        view.owner_combo.setCurrentIndex(view.owner_combo.findData("李娜"))
    assert view.forecast.owner == "李娜" and view.forecast.funnel.open.count == 3
    with qtbot.waitSignal(view.loaded):
        view.period_combo.setCurrentIndex(1)
    assert view.forecast.period == "quarter"
    assert all("-Q" in r.period for r in view.forecast.periods)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on show
def test_a_chart_exports_as_png(qtbot, desk, deals, tmp_path, monkeypatch):
    view = loaded(qtbot, desk.deals)
    view.show()
    target = tmp_path / "漏斗"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    view.funnel.export_button.click()
    image = QImage(str(target) + ".png")
    assert not image.isNull() and image.width() > 100


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on show
def test_a_change_reloads_the_visible_view(qtbot, desk, deals, samples):
    view = loaded(qtbot, desk.deals)
    view.show()
    before = view.forecast.funnel.open.count
    with qtbot.waitSignal(view.loaded, timeout=5000):
        desk.deals.create(samples["海尔"].id, "海尔二期", amount=Decimal("1.00"))
    assert view.forecast.funnel.open.count == before + 1


def test_double_click_on_a_stalled_deal_opens_it(qtbot, desk, deals, monkeypatch):
    desk.deals._clock = lambda: datetime.now(UTC) + timedelta(days=45)
    view = loaded(qtbot, desk.deals)
    qtbot.waitUntil(lambda: view.stalled_model.rowCount() == 5)
    opened = []
    from erpdesk.ui.funnel import deal_page

    monkeypatch.setattr(
        deal_page, "open_deal", lambda parent, service, deal_id: opened.append(deal_id)
    )
    view.stalled_table.doubleClicked.emit(view.stalled_model.index(0, 0))
    assert opened == [view.stalled_model.row_at(0).deal_id]


def test_the_stalled_table_shows_the_count_and_fetches_more_as_it_scrolls(
    qtbot, desk, deals, monkeypatch
):
    from erpdesk.storage import forecast_queries

    monkeypatch.setattr(forecast_queries, "STALLED_PAGE", 2)
    desk.deals._clock = lambda: datetime.now(UTC) + timedelta(days=45)
    view = loaded(qtbot, desk.deals)
    assert view.forecast.stalled_count == 5 and len(view.forecast.stalled) == 2
    assert "5" in view.tables.tabText(1)
    model = StalledModel(desk.deals)  # no view asking for more on its own
    model.set_forecast(view.forecast, ["h"] * 7, "")
    assert model.rowCount() == 2 and model.total() == 5 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 4
    model.fetchMore()
    assert model.rowCount() == 5 and not model.canFetchMore()
    ids = [model.row_at(r).deal_id for r in range(5)]
    assert sorted(ids) == sorted(d.id for d in deals.values())  # each once
    days = [int(model.index(r, 5).data()) for r in range(5)]
    assert days == sorted(days, reverse=True) and all(d > 30 for d in days)
    # the view's own table fetches the rest when it has room for them
    qtbot.waitUntil(lambda: view.stalled_model.rowCount() == 5)
    assert [view.stalled_model.row_at(r).deal_id for r in range(5)] == ids
