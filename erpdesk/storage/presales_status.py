"""The presales status of many deals at once, for the board's cards.

A card shows its deal's latest live support request (its state and
consultant) and that request's engagement (step and technical win), as
``PresalesService.deal_status`` gives them for one deal.  The board asks
for a chunk of cards at a time, so this reads them all in one query over
``ix_support_request_deal`` (the planner's choice; a few queries for very
many deals), never one per card, on the read connection the board's card query uses.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from erpdesk.storage.database import connection_path, translated_errors

# ids per query: well under SQLite's limit of bound parameters
CHUNK = 500

_SQL = """
SELECT r.deal_id, r.id, r.kind, r.state, r.consultant,
       e.id, e.step, e.technical_win, e.closed_at
FROM support_request r
LEFT JOIN presales_engagement e ON e.request_id = r.id AND e.deleted = 0
WHERE r.deleted = 0 AND r.deal_id IN ({marks})
ORDER BY r.deal_id, r.created_at, r.id, e.created_at
"""


@dataclass(frozen=True)
class DealPresalesRow:
    """A deal's latest live support request and its engagement, as stored
    (codes, not enums: the service turns them into the domain's types)."""

    deal_id: str
    request_id: str
    kind: str
    state: str
    consultant: str
    engagement_id: str | None
    step: int | None
    technical_win: str | None
    closed: bool


class PresalesStatusQueries:
    """Reads of the deals' presales status on a sqlite3 connection."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None) -> None:
        self._conn = conn
        self.path = path if path is not None else connection_path(conn)

    def latest(self, deal_ids: Iterable[str]) -> dict[str, DealPresalesRow]:
        """The latest live request (oldest first by ``created_at``, then
        id: the last wins, as ``SupportRequestRepository.of_deal`` orders)
        of each of *deal_ids* that has one, with its engagement."""
        ids = [i for i in dict.fromkeys(deal_ids) if i]
        found: dict[str, DealPresalesRow] = {}
        with translated_errors(self.path):
            cursor = self._conn.cursor()
            cursor.row_factory = None
            for start in range(0, len(ids), CHUNK):
                part = ids[start : start + CHUNK]
                sql = _SQL.format(marks=", ".join("?" * len(part)))
                for row in cursor.execute(sql, part):
                    found[row[0]] = DealPresalesRow(
                        deal_id=row[0],
                        request_id=row[1],
                        kind=row[2],
                        state=row[3],
                        consultant=row[4] or "",
                        engagement_id=row[5],
                        step=row[6],
                        technical_win=row[7],
                        closed=row[8] is not None,
                    )
        return found
