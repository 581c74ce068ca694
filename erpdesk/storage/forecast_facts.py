"""The forecast's stored facts, kept up to date when deals change instead of
derived on every read (docs/design.md, "The forecast").

- ``deal.closed_on``: the local date a deal closed, written with
  ``closed_at`` by the deal mapping (``mapping.local_day``);
- ``deal_stage_fact``: per deal and stage entered, whether the deal later
  got further, its ended stays and their length, rewritten from the deal's
  whole stage history (a handful of rows) whenever a change is added.

Both are functions of the machine's time zone (``closed_on``) or of the
stage history alone (the stage facts), so ``refill`` rebuilds them from
scratch: the migration that added them runs it, and so may anyone after
the machine's time zone changed.

The stage facts use every stage number >= 1 a change entered; the reader
(``ForecastQueries.conversion``) keeps to the playbook's stages and falls
back to the history itself when a deal entered a stage the playbook no
longer has, so its results always equal ``forecast.conversion``.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, Protocol

from erpdesk.domain.deal import MoveKind

_ENTERS_SQL = ", ".join(
    f"'{k.value}'" for k in (MoveKind.CREATED, MoveKind.FORWARD, MoveKind.BACK, MoveKind.REOPENED)
)
WON_LEVEL = 10**6

# Microseconds since the epoch of a stored UTC time ("...T08:30:15.123456+00:00"):
# whole seconds from strftime (exact), the fraction from the text.
US = "(CAST(strftime('%s', substr({0}, 1, 19)) AS INTEGER) * 1000000 + CAST(substr({0}, 21, 6) AS INTEGER))"  # noqa: E501


def stays_sql(where: str, *, upper: str | None = None, join: bool = False) -> str:
    """Per deal and stage entered: ``deal_id, stage, converted, stays,
    spent_us`` of the stage changes matching *where* (on ``stage_change s``
    and ``deal d``).  With *upper* (an SQL expression) only stages up to it
    count as entered or as levels, as in ``forecast.conversion``; *join*
    joins ``deal d`` for *where* to test."""
    source = "stage_change s JOIN deal d ON d.id = s.deal_id" if join else "stage_change s"
    bound = f"s.to_stage BETWEEN 1 AND {upper}" if upper else "s.to_stage >= 1"
    return f"""
SELECT deal_id, stage, max(coalesce(later, 0) > stage) AS converted, count(next_at) AS stays,
  coalesce(sum(CASE WHEN next_at IS NULL THEN 0 ELSE {US.format("next_at")} - {US.format("at")} END), 0)
    AS spent_us
FROM (
  SELECT deal_id, stage, enters, at, next_at,
    max(level) OVER (PARTITION BY deal_id ORDER BY at, created_at, id
                     ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS later
  FROM (
    SELECT s.deal_id, s.id, s.created_at, s.to_stage AS stage, s.changed_at AS at,
      (s.kind IN ({_ENTERS_SQL}) AND {bound}) AS enters,
      CASE WHEN s.kind = 'won' THEN {WON_LEVEL}
           WHEN s.kind IN ({_ENTERS_SQL}) AND {bound} THEN s.to_stage
           ELSE 0 END AS level,
      lead(s.changed_at) OVER (PARTITION BY s.deal_id
                               ORDER BY s.changed_at, s.created_at, s.id) AS next_at
    FROM {source}
    WHERE s.deleted = 0 {where}
  )
)
WHERE enters GROUP BY deal_id, stage
"""  # noqa: E501


_INSERT = "INSERT INTO deal_stage_fact (deal_id, stage, converted, stays, spent_us) "
_OF = " AND s.deal_id IN (SELECT value FROM json_each(?))"


class Executor(Protocol):
    """A DB-API connection or cursor, or SQLAlchemy's ``exec_driver_sql``
    wrapped as ``execute``."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...


def refresh_stage_facts(conn: Executor, deal_ids: Collection[str]) -> None:
    """Rewrite the stage facts of *deal_ids* from their stage history (in
    the caller's transaction)."""
    if not deal_ids:
        return
    import json

    ids = json.dumps(sorted(set(deal_ids)))
    conn.execute(
        "DELETE FROM deal_stage_fact WHERE deal_id IN (SELECT value FROM json_each(?))", (ids,)
    )
    conn.execute(_INSERT + stays_sql(_OF), (ids,))


def refill(conn: Executor) -> None:
    """Rebuild every stored forecast fact: each closed deal's local close
    date (in the machine's time zone now) and every deal's stage facts."""
    conn.execute(
        "UPDATE deal SET closed_on = CASE WHEN closed_at IS NULL THEN NULL"
        " ELSE date(closed_at, 'localtime') END"
    )
    conn.execute("DELETE FROM deal_stage_fact")
    conn.execute(_INSERT + stays_sql(""))
