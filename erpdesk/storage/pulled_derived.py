"""The derived columns of pulled rows, computed as a save computes them.

Some columns are never sent: a save derives them from the record (a deal's
``closed_on``, a worksheet's ``score_percent`` and ``low_verdict``, a quote
version's ``net_fen``, ``vat_fen`` and ``total_fen``; the customers' keys are
``repositories.derived_columns``, refreshed by ``sync_store`` itself).  A
pulled row gets them from the repositories' own functions, applied to the
row as it will be stored (the pulled values over the row already here), so a
record another desk wrote reads as if it had been saved on this desk.
Proposals and quote approvals have none.

The forecast's stage facts (``deal_stage_fact``) follow a deal's stage
history: ``deal_repositories.refresh_deal_facts`` rewrites those of the
deals whose history a page changed, in one statement.  The columns are pure
Python per row, no query: a pulled page stays one look-up and one write
per table.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from erpdesk.domain.errors import DomainError
from erpdesk.storage.deal_repositories import deal_derived, worksheet_derived
from erpdesk.storage.quote_repositories import quote_derived

if TYPE_CHECKING:
    from erpdesk.domain.playbook import Playbook

log = logging.getLogger(__name__)


def default_playbook() -> Playbook:
    """The playbook in force, as ``DealService`` reads it by default."""
    from erpdesk.playbooks import read_playbook

    return read_playbook()


class Derivations:
    """The derived columns of one page's rows.  *playbook* returns the
    playbook a worksheet is scored by (read once, on the first worksheet)."""

    def __init__(self, playbook: Callable[[], Playbook] = default_playbook) -> None:
        self._load = playbook
        self._playbook: Playbook | None = None
        self._functions: Mapping[str, Callable[[Mapping[str, Any]], dict[str, Any]]] = {
            "deal": deal_derived,
            "quote": quote_derived,
            "worksheet": lambda row: worksheet_derived(row, self.playbook()),
        }

    def playbook(self) -> Playbook:
        if self._playbook is None:
            self._playbook = self._load()
        return self._playbook

    def covers(self, table: str) -> bool:
        """Whether rows of *table* have derived columns."""
        return table in self._functions

    def of(self, table: str, row: Mapping[str, Any]) -> dict[str, Any]:
        """The derived columns of *row* (a whole row of *table* in column
        form); empty for a table without any, and for a row they cannot be
        computed from (unreadable lines, a playbook that cannot be read),
        which keeps what it had (or the columns' defaults): logged."""
        derive = self._functions.get(table)
        if derive is None:
            return {}
        try:
            return derive(row)
        except (DomainError, LookupError, TypeError, ValueError, ArithmeticError) as exc:
            log.warning("sync: the derived columns of %s %s were not computed: %s",
                        table, row.get("id"), exc)
            return {}
