"""The composition root: the one place that builds the database, the
services and (in ``erpdesk.ui.launch``) the windows.  Nothing is created at
import time."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from erpdesk.services.customers import CustomerService
from erpdesk.services.deals import DealService
from erpdesk.services.events import ChangeFeed
from erpdesk.services.quotes import QuoteService
from erpdesk.storage.database import DeskDatabase, connect, open_database
from erpdesk.storage.deal_queries import DealQueries
from erpdesk.storage.queries import CustomerQueries
from erpdesk.storage.search_index import CustomerSearchIndex

if TYPE_CHECKING:  # the write side imports SQLAlchemy: not on the start-up path
    from datetime import datetime

    from erpdesk.domain.calendar import CalendarEvent
    from erpdesk.services.events import Change
    from erpdesk.services.presales import PresalesService
    from erpdesk.services.presales_content import PresalesContentService
    from erpdesk.services.proposals import ProposalService
    from erpdesk.services.registration import RegistrationService
    from erpdesk.services.today import TodayService
    from erpdesk.services.todos import TodoService
    from erpdesk.storage.today_queries import TodayQueries
    from erpdesk.storage.uow import UnitOfWork


def default_db_path() -> Path:
    """``$ERPDESK_DB``, else ``erpdesk.db`` in the user's data directory."""
    if env := os.environ.get("ERPDESK_DB"):
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("ERPDesk", appauthor=False) / "erpdesk.db"


@dataclass
class Desk:
    """An opened desk database and the services over it."""

    db: DeskDatabase
    feed: ChangeFeed
    customers: CustomerService
    deals: DealService
    quotes: QuoteService
    owner: str = ""

    def unit_of_work(self) -> UnitOfWork:
        return unit_of_work(self.db)

    # Services the first window does not need are built on first use: their
    # modules (SQLAlchemy, the proposal writer) stay off the start-up path.

    @cached_property
    def proposals(self) -> ProposalService:
        """Proposals (the benefit model, the proposal's sections and PDF)."""
        from erpdesk.services.proposals import ProposalService

        return ProposalService(
            lambda: unit_of_work(self.db), self.feed, user=self.owner, quotes=self.quotes
        )

    @cached_property
    def presales(self) -> PresalesService:
        """Presales (support requests, engagements, demos and surveys) as
        the desk's signed-in user."""
        from erpdesk.services.presales import PresalesService

        return PresalesService(
            lambda: unit_of_work(self.db), self.feed, user=self.owner, visits=self._visit_events
        )

    def _visit_events(
        self, translate: Callable[[str, str], str]
    ) -> Callable[[datetime, datetime], list[CalendarEvent]]:
        """The visits logged on this desk in a period, as calendar events."""
        from erpdesk.services.calendar_export import visit_events

        return visit_events(self.today_queries, translate)

    @cached_property
    def today_queries(self) -> TodayQueries:
        """Today's reads: on the window's reader, with a connection of their
        own for the page's worker."""
        from erpdesk.storage.today_queries import TodayQueries

        path = self.db.path
        return TodayQueries(self.db.reader, lambda: connect(path), path=path)

    @cached_property
    def today(self) -> TodayService:
        """Today (今日工作): the sections of the user's day."""
        from erpdesk.services.today import TodayService

        return TodayService(self.today_queries, user=self.owner)

    @cached_property
    def todos(self) -> TodoService:
        """Todos: next steps with a due time and the rep's own tasks (待办)."""
        from erpdesk.services.todos import TodoService

        return TodoService(lambda: unit_of_work(self.db), self.feed)

    @cached_property
    def presales_content(self) -> PresalesContentService:
        """The knowledge base and survey questionnaires in use: the files
        with this desk's own edits (desk-local, not synced)."""
        from erpdesk.services.presales_content import PresalesContentService
        from erpdesk.storage.content_repository import ContentStore

        return PresalesContentService(ContentStore(self.db), self.feed, user=self.owner)

    @cached_property
    def registrations(self) -> RegistrationService:
        """Registration from the field."""
        from erpdesk.services.registration import RegistrationService
        from erpdesk.storage.registration_store import RegistrationStore

        return RegistrationService(RegistrationStore(self.db), self.customers, self.feed)

    def close(self) -> None:
        self.db.close()


def unit_of_work(db: DeskDatabase) -> UnitOfWork:
    """A unit of work on *db*; SQLAlchemy is imported on the first call."""
    from erpdesk.storage.uow import UnitOfWork

    return UnitOfWork(db)


def open_engagements_after_pull(
    db: DeskDatabase, publish: Callable[[Change], None], owner: str = ""
) -> Callable[[frozenset[str]], bool]:
    """The sync engine's ``after_pull`` hook: when a run pulled support
    requests, the assignments to the desk's user that arrived are opened as
    engagements (``PresalesService.open_engagements``; their changes go to
    *publish*).  True when it opened some: the run pushes them."""

    def after_pull(entities: frozenset[str]) -> bool:
        if "support_request" not in entities:
            return False
        from erpdesk.services.presales import PresalesService

        feed = ChangeFeed()
        feed.subscribe(publish)
        return bool(PresalesService(lambda: unit_of_work(db), feed, user=owner).open_engagements())

    return after_pull


def open_desk(path: Path | str | None = None, *, upgrade: bool = True, owner: str = "") -> Desk:
    """Open the database at *path* (default: ``default_db_path()``) and wire
    the services.  Raises the domain's ``StorageError`` subclasses."""
    db = open_database(path or default_db_path(), upgrade=upgrade)
    feed = ChangeFeed()
    index = CustomerSearchIndex(lambda: connect(db.path))
    queries = CustomerQueries(db.reader, index, lambda: connect(db.path), path=db.path)
    customers = CustomerService(lambda: unit_of_work(db), queries, feed, owner=owner)
    deals = DealService(
        lambda: unit_of_work(db), DealQueries(db.reader, path=db.path), feed, user=owner
    )
    quotes = QuoteService(lambda: unit_of_work(db), feed, user=owner)
    return Desk(db=db, feed=feed, customers=customers, deals=deals, quotes=quotes, owner=owner)


def latest_backup(path: Path | str | None = None) -> Path | None:
    """The newest backup beside the database at *path* (see
    ``storage.database.find_backups``), or None."""
    from erpdesk.storage.database import find_backups

    found = find_backups(Path(path or default_db_path()))
    return found[0] if found else None


def restore_backup(path: Path | str | None, backup: Path, *, damaged: bool = True) -> Path:
    """Replace the database at *path* (damaged, or sound when the user chose
    to restore) by *backup*; returns where the replaced file was kept.
    Close every desk on *path* first."""
    from erpdesk.storage.database import restore_backup as restore

    return restore(Path(path or default_db_path()), backup,
                   kept_as="damaged" if damaged else "replaced")  # fmt: skip
