"""The presales status of many deals at once (the board's card badges).

``PresalesService.deal_status`` answers for one deal (a deal page); the
board paints dozens of cards at a time and asks here for all of them in
one read (``storage.presales_status``).  No SQLAlchemy: the board's card
query and this one share the desk's sqlite3 read connection, so the
funnel loads without the write side.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from erpdesk.domain.customer import enum_member
from erpdesk.domain.presales import RequestKind, RequestState, TechnicalWin
from erpdesk.storage.presales_status import DealPresalesRow, PresalesStatusQueries

if TYPE_CHECKING:
    from erpdesk.storage.database import DeskDatabase


@dataclass(frozen=True)
class PresalesBadge:
    """What a deal's card says of its presales: the latest request's kind,
    state and consultant; its engagement's step (None before one is open)
    and technical win; ``closed`` when the engagement is closed."""

    request_id: str
    kind: RequestKind
    state: RequestState
    consultant: str = ""
    engagement_id: str | None = None
    step: int | None = None
    technical_win: TechnicalWin | None = None
    closed: bool = False


def _badge(row: DealPresalesRow) -> PresalesBadge | None:
    try:
        kind = enum_member(RequestKind, row.kind)
        state = enum_member(RequestState, row.state)
        win = enum_member(TechnicalWin, row.technical_win) if row.technical_win else None
    except ValueError:  # a code this desk does not know (a newer registry): no badge
        return None
    return PresalesBadge(
        request_id=row.request_id,
        kind=kind,
        state=state,
        consultant=row.consultant,
        engagement_id=row.engagement_id,
        step=row.step,
        technical_win=win,
        closed=row.closed,
    )


class PresalesStatusService:
    """The deals' presales badges, read in bulk."""

    def __init__(self, queries: PresalesStatusQueries) -> None:
        self._queries = queries

    @classmethod
    def of_database(cls, db: DeskDatabase) -> PresalesStatusService:
        """Over the desk's read connection (as the deal queries are)."""
        return cls(PresalesStatusQueries(db.reader, path=db.path))

    def of_deals(self, deal_ids: Iterable[str]) -> dict[str, PresalesBadge]:
        """The badge of each of *deal_ids* whose deal has a live support
        request (the latest one); deals never asked for are left out."""
        badges: dict[str, PresalesBadge] = {}
        for deal_id, row in self._queries.latest(deal_ids).items():
            badge = _badge(row)
            if badge is not None:
                badges[deal_id] = badge
        return badges
