"""The forecast (预测): the funnel's charts, on QtCharts.

- the pipeline by expected close month or quarter (amount and weighted);
- won vs. open vs. lost per period (stacked bars);
- the funnel: one horizontal bar per stage, centred and narrowing, its
  width the stage's amount, labelled with the stage name, count and amount;
- stage-to-stage conversion and average days per stage (a table);
- stalled deals (a table; a double-click opens the deal): the first page
  arrives with the figures, the table fetches more as it scrolls
  (``StalledModel``), and its tab tells how many there are in all.

Every figure comes from one ``DealService.forecast()`` call (SQL sums, exact
to the fen); the charts show amounts in 万元 (ten thousand yuan), the tables
in yuan.  Each chart exports as PNG.  QtCharts is in PySide6-Addons and heavy
to load, so the funnel page imports this module only when its Forecast tab is
first shown.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.domain.forecast import ConversionRow, PeriodRow
from erpdesk.services.deals import DealService
from erpdesk.storage.forecast_queries import Forecast, StalledDeal
from erpdesk.ui.funnel import money_text, names_text
from erpdesk.ui.widgets import FeedBridge, translate

CONTEXT = "ForecastView"
WAN = Decimal(10_000)
COLORS = {
    "amount": QColor("#9ec5e8"),
    "weighted": QColor("#1f6fb2"),
    "won": QColor("#2e9d5b"),
    "open": QColor("#3f83c9"),
    "lost": QColor("#b9b9b9"),
    "funnel": QColor("#2f7ec1"),
}
_Index = QModelIndex | QPersistentModelIndex


def wan(amount: Decimal) -> float:
    """*amount* in 万元 for a chart (display only; sums stay Decimal)."""
    return float(amount / WAN)


def small_font(font: QFont) -> QFont:
    """*font* a point smaller (crowded axis labels)."""
    font.setPointSizeF(max(font.pointSizeF() - 1, 7))
    return font


def recent(forecast: Forecast, today: date) -> list[PeriodRow]:
    """The periods from a year (by quarter: two years) before *today* on."""
    months = 12 if forecast.period == "month" else 24
    back = today.year * 12 + today.month - 1 - months
    since = date(back // 12, back % 12 + 1, 1)
    return [r for r in forecast.periods if r.start >= since]


@dataclass(frozen=True)
class Row:
    """One table row: the texts it shows and the deal it opens (if any)."""

    texts: tuple[str, ...]
    deal_id: str | None = None
    tooltip: str = ""


class RowsModel(QAbstractTableModel):
    """A read-only table of plain rows (conversion, stalled deals)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[Row] = []
        self._right: set[int] = set()

    def set_rows(self, headers: list[str], rows: list[Row], right: set[int]) -> None:
        self.beginResetModel()
        self._headers, self._rows, self._right = headers, rows, right
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.texts[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and row.tooltip:
            return row.tooltip
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and section < len(self._headers)
        ):
            return self._headers[section]
        return None


class StalledModel(QAbstractTableModel):
    """The stalled deals, longest first: the forecast's first page, then a
    page more whenever the table scrolls to its end (``fetchMore``, a read
    of ``DealService.forecast_stalled``).  Texts are made when shown."""

    def __init__(self, deals: DealService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._deals = deals
        self._forecast: Forecast | None = None
        self._rows: list[StalledDeal] = []
        self._stages: dict[int, str] = {}
        self._headers: list[str] = []
        self.tooltip = ""

    def set_forecast(self, forecast: Forecast, headers: list[str], tooltip: str) -> None:
        playbook = self._deals.playbook
        self.beginResetModel()
        self._forecast = forecast
        self._rows = list(forecast.stalled)
        self._stages = {
            s.number: f"{s.number} {names_text(s.names)}" for s in playbook.stages
        }  # fmt: skip
        self._headers, self.tooltip = headers, tooltip
        self.endResetModel()

    def total(self) -> int:
        """Every stalled deal, loaded or not."""
        return self._forecast.stalled_count if self._forecast else 0

    def deal_at(self, row: int) -> StalledDeal:
        return self._rows[row]

    def texts(self, deal: StalledDeal) -> tuple[str, ...]:
        return (
            deal.customer_name,
            deal.name,
            self._stages.get(deal.stage, str(deal.stage)),
            money_text(deal.amount),
            deal.owner,
            str(deal.days_in_stage),
            deal.close_date.isoformat() if deal.close_date else "",
        )

    def row_at(self, row: int) -> Row:
        deal = self._rows[row]
        return Row(self.texts(deal), deal_id=deal.id, tooltip=self.tooltip)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self.total()

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._forecast is None:
            return
        try:
            more = self._deals.forecast_stalled(self._forecast, len(self._rows))
        except DomainError:
            more = []
        more = more[: self.total() - len(self._rows)]
        if not more:  # the deals changed meanwhile: a reload is on its way
            self._forecast = replace(self._forecast, stalled_count=len(self._rows))
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts(self._rows[index.row()])[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and self.tooltip:
            return self.tooltip
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (3, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and section < len(self._headers)
        ):
            return self._headers[section]
        return None


class _Done(QObject):
    """Carries a worker's result to the GUI thread (queued)."""

    finished = Signal(int, str, object, object)  # generation, part, result, error


class _Job(QRunnable):
    """Reads one part of the forecast on a worker: "figures" (everything but
    the conversion, fast) or "conversion" (the whole stage history)."""

    def __init__(
        self, deals: DealService, part: str, owner: str | None, period: str, generation: int,
        done: _Done,
    ) -> None:  # fmt: skip
        super().__init__()
        self._args = (deals, part, owner, period)
        self._generation = generation
        self._done = done

    def run(self) -> None:
        deals, part, owner, period = self._args
        try:
            if part == "figures":
                result: Any = deals.forecast(owner, period, conversion=False)  # type: ignore[arg-type]
            else:
                result = deals.forecast_conversion(owner)
        except DomainError as exc:
            self._done.finished.emit(self._generation, part, None, exc)
            return
        self._done.finished.emit(self._generation, part, result, None)


class ChartPanel(QFrame):
    """A titled chart with an "Export PNG" button."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.chart = QChart()
        self.chart.setMargins(self.chart.margins() * 0)
        self.chart.setBackgroundRoundness(0)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(220)
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self._ask_export)
        head = QHBoxLayout()
        head.addWidget(self.title_label, 1)
        head.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(head)
        layout.addWidget(self.view, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.export_button.setText(self.tr("Export PNG…"))
        self.export_button.setToolTip(self.tr("Save this chart as a PNG picture"))

    def clear(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)

    def export(self, path: str | Path) -> bool:
        """Save the chart as it is shown to *path* (PNG); False on failure."""
        return bool(self.view.grab().save(str(path), "PNG"))

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export chart as PNG"),
            f"{self.name}.png",
            self.tr("PNG pictures (*.png)"),
        )
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        if not self.export(path):
            QMessageBox.warning(
                self,
                self.tr("Export chart as PNG"),
                self.tr("Could not save the picture to {path}.").format(path=path),
            )


class ForecastView(QWidget):
    """The forecast tab of the funnel page.  The figures are read on a
    worker (the charts first, then the conversion table, which reads the
    whole stage history), so the window never waits for them.

    Signals:
        loaded(): the charts were rebuilt from freshly read figures.
        conversion_loaded(): the conversion table was refilled.
    """

    loaded = Signal()
    conversion_loaded = Signal()

    def __init__(self, deals: DealService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._deals = deals
        self.forecast: Forecast | None = None
        self._stale = True
        self._generation = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._done = _Done(self)
        self._done.finished.connect(self._arrived)

        self.owner_label = QLabel()
        self.owner_combo = QComboBox()
        self.owner_combo.setMinimumContentsLength(12)
        self.period_combo = QComboBox()
        self.period_combo.addItem("", "month")
        self.period_combo.addItem("", "quarter")
        self.summary = QLabel()
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.error.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.owner_label)
        bar.addWidget(self.owner_combo)
        bar.addSpacing(12)
        bar.addWidget(self.period_combo)
        bar.addSpacing(18)
        bar.addWidget(self.summary, 1)

        self.pipeline = ChartPanel("pipeline")
        self.status = ChartPanel("won-open-lost")
        self.funnel = ChartPanel("funnel")
        self.funnel.chart.legend().hide()
        self.panels = {p.name: p for p in (self.pipeline, self.status, self.funnel)}

        self.conversion_model = RowsModel(self)
        self.conversion_table = self._table(self.conversion_model)
        self.stalled_model = StalledModel(deals, self)
        self.stalled_table = self._table(self.stalled_model)
        self.stalled_table.doubleClicked.connect(self._open_stalled)
        self.tables = QTabWidget()
        self.tables.addTab(self.conversion_table, "")
        self.tables.addTab(self.stalled_table, "")

        grid = QGridLayout()
        grid.setSpacing(6)
        grid.addWidget(self.pipeline, 0, 0)
        grid.addWidget(self.status, 0, 1)
        grid.addWidget(self.funnel, 1, 0)
        grid.addWidget(self.tables, 1, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addLayout(grid, 1)

        self._bridge = FeedBridge(deals.feed, self)
        self._bridge.changed.connect(self._on_change)
        self.owner_combo.currentIndexChanged.connect(self._on_filter)
        self.period_combo.currentIndexChanged.connect(self._on_filter)
        self.retranslate()
        self.reload()

    # -- loading -------------------------------------------------------------

    def owner(self) -> str | None:
        data = self.owner_combo.currentData()
        return str(data) if data else None

    def period(self) -> str:
        return str(self.period_combo.currentData() or "month")

    def reload(self) -> None:
        """Read the figures again on a worker; the charts, then the
        conversion table, are rebuilt when they arrive."""
        self._generation += 1
        self._stale = False
        for part in ("figures", "conversion"):
            self._pool.start(
                _Job(self._deals, part, self.owner(), self.period(), self._generation, self._done)
            )

    def wait(self) -> None:
        """Block until no read runs (tests, the benchmark, closing)."""
        self._pool.waitForDone()

    def _arrived(self, generation: int, part: str, result: Any, error: DomainError | None) -> None:
        if generation != self._generation:
            return  # a newer reload is on its way
        if error is not None:
            self.error.setText(self.tr("The forecast could not be loaded: {problem}").format(
                problem=error.render(translate)))  # fmt: skip
            self.error.show()
            return
        self.error.hide()
        if part == "conversion":
            self._fill_conversion(result)
            self.conversion_loaded.emit()
            return
        forecast: Forecast = result
        self.forecast = forecast
        self._fill_owners(forecast.owners)
        self._fill_pipeline(forecast)
        self._fill_status(forecast)
        self._fill_funnel(forecast)
        self._fill_stalled(forecast)
        self._fill_summary(forecast)
        self.loaded.emit()

    def _on_filter(self) -> None:
        if not self._filling:
            self.reload()

    _filling = False

    def _on_change(self, _change: object) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _fill_owners(self, owners: list[str]) -> None:
        current = self.owner()
        self._filling = True
        try:
            self.owner_combo.clear()
            self.owner_combo.addItem(self.tr("All owners"), "")
            for owner in owners:
                self.owner_combo.addItem(owner, owner)
            found = self.owner_combo.findData(current or "")
            self.owner_combo.setCurrentIndex(max(found, 0))
        finally:
            self._filling = False

    # -- charts --------------------------------------------------------------

    def _money_axis(self, panel: ChartPanel, orientation: Qt.AlignmentFlag) -> QValueAxis:
        axis = QValueAxis()
        axis.setLabelFormat("%.0f")
        axis.setTitleText(self.tr("10,000 CNY"))
        axis.setMin(0)
        panel.chart.addAxis(axis, orientation)
        return axis

    def _period_axis(self, panel: ChartPanel, labels: list[str]) -> QBarCategoryAxis:
        axis = QBarCategoryAxis()
        axis.append(labels)
        if len(labels) > 8:
            axis.setLabelsAngle(-90)
            axis.setLabelsFont(small_font(axis.labelsFont()))
        panel.chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        return axis

    @staticmethod
    def _set(name: str, color: QColor, values: list[float]) -> QBarSet:
        bar_set = QBarSet(name)
        bar_set.setColor(color)
        bar_set.setBorderColor(color)
        bar_set.append(values)
        return bar_set

    def _fill_pipeline(self, forecast: Forecast) -> None:
        """Open deals by expected close period: amount and weighted amount,
        over the periods that hold open deals."""
        panel = self.pipeline
        panel.clear()
        rows = [r for r in forecast.periods if r.open_count]
        if rows:
            first = forecast.periods.index(rows[0])
            last = forecast.periods.index(rows[-1])
            rows = forecast.periods[first : last + 1]
        series = QBarSeries()
        series.append(self._set(self.tr("Pipeline"), COLORS["amount"],
                                [wan(r.open_amount) for r in rows]))  # fmt: skip
        series.append(self._set(self.tr("Weighted"), COLORS["weighted"],
                                [wan(r.weighted) for r in rows]))  # fmt: skip
        panel.chart.addSeries(series)
        series.attachAxis(self._period_axis(panel, [r.period for r in rows]))
        axis = self._money_axis(panel, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)
        axis.applyNiceNumbers()
        axis.setMin(0)

    def _fill_status(self, forecast: Forecast) -> None:
        """Won, open (by expected close) and lost amounts per period: the
        last year (eight quarters) and the periods ahead."""
        panel = self.status
        panel.clear()
        rows = recent(forecast, date.today())
        series = QStackedBarSeries()
        series.append(self._set(self.tr("Won"), COLORS["won"], [wan(r.won_amount) for r in rows]))
        series.append(self._set(self.tr("Open"), COLORS["open"],
                                [wan(r.open_amount) for r in rows]))  # fmt: skip
        series.append(self._set(self.tr("Lost"), COLORS["lost"],
                                [wan(r.lost_amount) for r in rows]))  # fmt: skip
        panel.chart.addSeries(series)
        series.attachAxis(self._period_axis(panel, [r.period for r in rows]))
        axis = self._money_axis(panel, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)
        axis.applyNiceNumbers()
        axis.setMin(0)

    def funnel_labels(self, forecast: Forecast) -> list[str]:
        """Each stage's label, stage 1 first: name, count and amount (万元)."""
        playbook = self._deals.playbook
        return [
            self.tr("{number} {name}: {count} deals, {amount} × 10,000 CNY").format(
                number=row.stage,
                name=names_text(playbook.stage(row.stage).names),
                count=row.count,
                amount=f"{(row.amount / WAN).quantize(Decimal(1), rounding=ROUND_HALF_UP):,}",
            )
            for row in forecast.funnel.stages
        ]

    def _fill_funnel(self, forecast: Forecast) -> None:
        """A centred bar per stage, as wide as its amount: an invisible pad
        on each side of the stage's bar; stage 1 on top."""
        panel = self.funnel
        panel.clear()
        stages = list(reversed(forecast.funnel.stages))  # the axis runs bottom-up
        widths = [wan(s.amount) for s in stages]
        widest = max(widths, default=0.0) or 1.0
        pads = [(widest - w) / 2 for w in widths]
        clear = QColor(0, 0, 0, 0)
        series = QHorizontalStackedBarSeries()
        series.setBarWidth(0.8)
        for name, color, bars in (
            ("pad", clear, pads),
            (self.tr("Amount"), COLORS["funnel"], widths),
            ("pad", clear, pads),
        ):
            series.append(self._set(name, color, bars))
        panel.chart.addSeries(series)
        axis = QBarCategoryAxis()
        axis.append(list(reversed(self.funnel_labels(forecast))))
        axis.setGridLineVisible(False)
        axis.setLabelsFont(small_font(axis.labelsFont()))
        panel.chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)
        values = QValueAxis()
        values.setRange(0, widest)
        values.setVisible(False)
        panel.chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)

    # -- tables --------------------------------------------------------------

    @staticmethod
    def _table(model: QAbstractTableModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _fill_conversion(self, conversion: list[ConversionRow]) -> None:
        playbook = self._deals.playbook
        rows = []
        for row in conversion:
            rows.append(
                Row(
                    (
                        f"{row.stage} {names_text(playbook.stage(row.stage).names)}",
                        str(row.entered),
                        str(row.converted),
                        "—" if row.rate is None else f"{row.rate}%",
                        "—" if row.average_days is None else str(row.average_days),
                    ),
                    tooltip=self.tr("{stays} completed stays").format(stays=row.stays),
                )
            )
        headers = [self.tr("Stage"), self.tr("Entered"), self.tr("Moved on"),
                   self.tr("Conversion"), self.tr("Avg. days")]  # fmt: skip
        self.conversion_model.set_rows(headers, rows, {1, 2, 3, 4})

    def _fill_stalled(self, forecast: Forecast) -> None:
        headers = [self.tr("Customer"), self.tr("Deal"), self.tr("Stage"), self.tr("Amount"),
                   self.tr("Owner"), self.tr("Days in stage"), self.tr("Close date")]  # fmt: skip
        self.stalled_model.set_forecast(forecast, headers, self.tr("Double-click to open the deal"))
        self.tables.setTabText(
            1,
            self.tr("Stalled deals (> {days} days): {count}").format(
                days=forecast.stalled_days, count=forecast.stalled_count
            ),
        )

    def _fill_summary(self, forecast: Forecast) -> None:
        funnel = forecast.funnel
        self.summary.setText(
            self.tr("Open {count}: {amount}, weighted {weighted} · won {won} · lost {lost}").format(
                count=funnel.open.count,
                amount=money_text(funnel.open.amount),
                weighted=money_text(funnel.open.weighted),
                won=money_text(funnel.won.amount),
                lost=money_text(funnel.lost.amount),
            )
        )

    def _open_stalled(self, index: QModelIndex) -> None:
        deal_id = self.stalled_model.row_at(index.row()).deal_id
        if deal_id:
            from erpdesk.ui.funnel.deal_page import open_deal

            open_deal(self, self._deals, deal_id)

    # -- language ------------------------------------------------------------

    def retranslate(self) -> None:
        self.owner_label.setText(self.tr("Owner:"))
        self.period_combo.setItemText(0, self.tr("By month"))
        self.period_combo.setItemText(1, self.tr("By quarter"))
        self.pipeline.title_label.setText(self.tr("Weighted pipeline by expected close"))
        self.status.title_label.setText(self.tr("Won vs. open vs. lost"))
        self.funnel.title_label.setText(self.tr("Funnel: open deals per stage"))
        self.tables.setTabText(0, self.tr("Conversion and days per stage"))
        self.tables.setTabText(1, self.tr("Stalled deals"))
        for panel in self.panels.values():
            panel.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.forecast is not None:
                self.reload()
        super().changeEvent(event)
