"""The forecast's aggregates in plain sqlite3 (docs/design.md, "The forecast").

Every figure is summed in SQL over integer fen, never by building Deal
objects: at 120,000 deals that would take seconds.  Each result equals what
``erpdesk.domain.forecast`` computes from the same deals, to the fen:

- the pipeline by month or quarter (``forecast_by_period``): open deals by
  their expected close month, each deal's weighted amount rounded half-up to
  the fen first (``(fen * probability + 50) / 100`` in integer arithmetic,
  amounts being never negative), won and lost deals by the local day they
  closed (``deal.closed_on``, written with ``closed_at``; else their close
  date); quarters are summed from months in Python;
- stage-to-stage conversion and average days per stage (``conversion``)
  from the per-deal stage facts kept by the repositories
  (``forecast_facts``), stays measured in whole microseconds from the
  stored UTC text (``to_text``);
- stalled open deals (``stalled``): in their stage for more than N local
  calendar days, longest first, a page at a time (``limit``/``offset``),
  with ``stalled_count`` for how many there are: the view shows the first
  page and fetches more as its table scrolls.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from erpdesk.domain.forecast import (
    ConversionRow,
    FunnelReport,
    Period,
    PeriodRow,
    period_label,
    period_start,
)
from erpdesk.domain.playbook import Playbook
from erpdesk.storage.database import translated_errors
from erpdesk.storage.deal_queries import DealQueries, _fen
from erpdesk.storage.forecast_facts import stays_sql

_TENTH = Decimal("0.1")
STALLED_PAGE = 200  # stalled deals read at a time (the view's first page)
_US_PER_DAY = 86_400 * 10**6


@dataclass(frozen=True)
class StalledDeal:
    """An open deal in its stage for longer than the forecast's limit."""

    id: str
    customer_name: str
    name: str
    stage: int
    amount: Decimal
    owner: str
    days_in_stage: int
    close_date: date | None


@dataclass(frozen=True)
class Forecast:
    """What the forecast view shows, in one call (``DealService.forecast``)."""

    owner: str | None
    period: Period
    periods: list[PeriodRow]
    funnel: FunnelReport
    conversion: list[ConversionRow]
    stalled: list[StalledDeal]  # the first page (longest first), not all of them
    stalled_days: int
    owners: list[str]  # every owner of a live deal, for the owner filter
    stalled_count: int  # every stalled deal (``stalled`` holds the first ones)
    today: date  # the local day the stalled deals were counted on


def _owner(owner: str | None) -> tuple[str, tuple[str, ...]]:
    return (" AND d.owner = ?", (owner,)) if owner else ("", ())


def _next_start(start: date, period: Period) -> date:
    month = start.month - 1 + (1 if period == "month" else 3)
    return date(start.year + month // 12, month % 12 + 1, 1)


# Conversion from the stored per-deal stage facts (``forecast_facts``): a
# GROUP BY over one row per deal and stage entered.
# Scanning ``ix_deal_stage_fact_stage`` with the few deleted deals left out
# is several times faster than joining every fact to its deal.
_FACTS_SQL = """
SELECT stage, count(*), sum(converted), sum(stays), sum(spent_us)
FROM deal_stage_fact INDEXED BY ix_deal_stage_fact_stage
WHERE stage BETWEEN 1 AND :n AND deal_id NOT IN (SELECT id FROM deal WHERE deleted != 0)
GROUP BY stage
"""
_OWNER_FACTS_SQL = """
SELECT f.stage, count(*), sum(f.converted), sum(f.stays), sum(f.spent_us)
FROM deal d JOIN deal_stage_fact f ON f.deal_id = d.id
WHERE d.deleted = 0 {owner} AND f.stage BETWEEN 1 AND :n
GROUP BY f.stage
"""
# The same from the whole stage history, for when a deal entered a stage
# beyond the playbook's (a playbook with fewer stages): those entries are
# no stage and no level there, which the stored facts cannot tell.
_HISTORY_SQL = (
    "SELECT stage, count(*), sum(converted), sum(stays), sum(spent_us) FROM ("
    + stays_sql("AND d.deleted = 0 {owner}", upper=":n", join=True)
    + ") GROUP BY stage"
)


class ForecastQueries(DealQueries):
    """The forecast's reads, on the connection of the deals' read model."""

    @classmethod
    def of(cls, queries: DealQueries) -> ForecastQueries:
        """Reads on the same connection as *queries*."""
        return cls(queries._conn, queries.path)

    def owners(self) -> list[str]:
        """The owners of live deals, sorted: a skip-scan of ``ix_deal_owner``
        (one seek per owner, not a read of every deal)."""
        with translated_errors(self.path):
            rows = self._conn.execute(
                "WITH RECURSIVE o(owner) AS ("
                " SELECT min(owner) FROM deal WHERE owner > ''"
                " UNION ALL SELECT (SELECT min(owner) FROM deal WHERE owner > o.owner)"
                " FROM o WHERE o.owner IS NOT NULL)"
                " SELECT owner FROM o WHERE owner IS NOT NULL AND EXISTS"
                " (SELECT 1 FROM deal d WHERE d.owner = o.owner AND d.deleted = 0)"
                " ORDER BY owner"
            )
            return [r[0] for r in rows]

    def periods(self, owner: str | None, period: Period) -> list[PeriodRow]:
        """The pipeline, won and lost per month or quarter, oldest first, no
        gaps (``forecast.forecast_by_period`` of the live deals)."""
        with translated_errors(self.path):
            where, params = _owner(owner)
            sums: dict[date, list[int]] = {}

            def row(month: str) -> list[int]:
                start = period_start(date.fromisoformat(month + "-01"), period)
                return sums.setdefault(start, [0] * 7)

            for month, n, amount, weighted in self._conn.execute(
                "SELECT substr(d.close_date, 1, 7), count(*), sum(d.amount_fen),"
                " sum((d.amount_fen * d.probability + 50) / 100)"
                " FROM deal d INDEXED BY ix_deal_forecast"
                " WHERE d.status = 'open' AND d.deleted = 0 AND d.close_date IS NOT NULL"
                f"{where} GROUP BY 1",
                params,
            ):
                values = row(month)
                values[0] += n
                values[1] += amount
                values[2] += weighted
            # One status at a time: two index ranges grouped by month are a
            # third faster than one range grouped by month and status.
            for status, offset in (("won", 3), ("lost", 5)):
                for month, n, amount in self._conn.execute(
                    "SELECT substr(coalesce(d.closed_on, d.close_date), 1, 7) AS m,"
                    " count(*), sum(d.amount_fen) FROM deal d INDEXED BY ix_deal_forecast"
                    f" WHERE d.deleted = 0 AND d.status = ?{where} GROUP BY 1 HAVING m IS NOT NULL",
                    (status, *params),
                ):
                    values = row(month)
                    values[offset] += n
                    values[offset + 1] += amount
            if not sums:
                return []
            out = []
            start, last = min(sums), max(sums)
            while start <= last:
                v = sums.get(start, [0] * 7)
                out.append(
                    PeriodRow(
                        period_label(start, period),
                        start,
                        v[0],
                        _fen(v[1]),
                        _fen(v[2]),
                        v[3],
                        _fen(v[4]),
                        v[5],
                        _fen(v[6]),
                    )
                )
                start = _next_start(start, period)
            return out

    def conversion(self, owner: str | None, playbook: Playbook) -> list[ConversionRow]:
        """Stage-to-stage conversion and average days per stage
        (``forecast.conversion`` of the live deals' stage history)."""
        with translated_errors(self.path):
            where, params = _owner(owner)
            named: dict[str, object] = {"n": len(playbook.stages)}
            if params:
                named["owner"] = params[0]
                where = " AND d.owner = :owner"
            beyond = self._conn.execute(
                "SELECT 1 FROM deal_stage_fact WHERE stage > ? LIMIT 1", (named["n"],)
            ).fetchone()
            sql = _HISTORY_SQL if beyond else _FACTS_SQL
            if params and not beyond:  # one owner's deals, then their facts
                sql = _OWNER_FACTS_SQL
            found = {
                stage: (entered, converted, stays, spent)
                for stage, entered, converted, stays, spent in self._conn.execute(
                    sql.format(owner=where), named
                )
            }
            rows = []
            for s in playbook.stages:
                entered, converted, stays, spent = found.get(s.number, (0, 0, 0, 0))
                rate = (
                    (Decimal(converted * 100) / entered).quantize(_TENTH, rounding=ROUND_HALF_UP)
                    if entered
                    else None
                )
                average = (
                    (Decimal(spent) / _US_PER_DAY / stays).quantize(_TENTH, rounding=ROUND_HALF_UP)
                    if stays
                    else None
                )
                rows.append(
                    ConversionRow(s.number, s.code, entered, converted, rate, average, stays)
                )
            return rows

    def stalled(
        self, owner: str | None, today: date, days: int, *, limit: int | None = None,
        offset: int = 0,
    ) -> list[StalledDeal]:  # fmt: skip
        """Open deals in their stage for more than *days* local calendar
        days, longest first (``forecast.stalled``); with *limit*, that many
        from *offset* on (the order is total: ties by stage, close date, id).
        The deals are sorted and cut before their customers are joined."""
        with translated_errors(self.path):
            where, params = _owner(owner)
            rows = self._conn.execute(
                "SELECT s.id, c.name, s.name, s.stage, s.amount_fen, s.owner, s.close_date, s.days"
                " FROM (SELECT d.id, d.customer_id, d.name, d.stage, d.amount_fen, d.owner,"
                " d.close_date, CAST(julianday(?) - julianday(date(d.stage_entered_at,"
                " 'localtime')) AS INTEGER) AS days FROM deal d INDEXED BY ix_deal_open_stay"
                f" WHERE d.status = 'open' AND d.deleted = 0{where} AND days > ?"
                " ORDER BY days DESC, d.stage, d.close_date, d.id LIMIT ? OFFSET ?) s"
                " JOIN customer c ON c.id = s.customer_id"
                " ORDER BY s.days DESC, s.stage, s.close_date, s.id",
                (today.isoformat(), *params, days, -1 if limit is None else limit, offset),
            )
            days_of: dict[str | None, date | None] = {None: None, "": None}
            out = []
            for deal_id, customer, name, stage, fen, deal_owner, close, in_stage in rows:
                if close not in days_of:  # ~a year of distinct close dates
                    days_of[close] = date.fromisoformat(close)
                out.append(
                    StalledDeal(
                        deal_id,
                        customer,
                        name,
                        stage,
                        _fen(fen),
                        deal_owner,
                        in_stage,
                        days_of[close],
                    )
                )
            return out

    def stalled_count(self, owner: str | None, today: date, days: int) -> int:
        """How many deals ``stalled`` lists: a count over the covering index
        (every deal has its customer row: a foreign key, so no join)."""
        with translated_errors(self.path):
            where, params = _owner(owner)
            row = self._conn.execute(
                "SELECT count(*) FROM deal d INDEXED BY ix_deal_open_stay"
                f" WHERE d.status = 'open' AND d.deleted = 0{where}"
                " AND CAST(julianday(?) - julianday(date(d.stage_entered_at, 'localtime'))"
                " AS INTEGER) > ?",
                (*params, today.isoformat(), days),
            ).fetchone()
            return int(row[0])
