"""The unit of work: the one place a desk transaction begins and ends."""

from __future__ import annotations

from types import TracebackType

from erpdesk.storage.database import DeskDatabase, translated_errors
from erpdesk.storage.outbox import Outbox
from erpdesk.storage.repositories import (
    ActivityRepository,
    ContactRepository,
    CustomerRepository,
)


class UnitOfWork:
    """``with uow: ...; uow.commit()``; leaving without commit rolls back.

    Storage failures surface as the domain's ``StorageError`` subclasses.
    """

    customers: CustomerRepository
    contacts: ContactRepository
    activities: ActivityRepository
    outbox: Outbox

    def __init__(self, db: DeskDatabase) -> None:
        self._db = db

    def __enter__(self) -> UnitOfWork:
        self._errors = translated_errors(self._db.path)
        self._errors.__enter__()
        self._session = self._db.sessions()
        self.outbox = Outbox(self._session)
        self.customers = CustomerRepository(self._session, self.outbox)
        self.contacts = ContactRepository(self._session, self.outbox)
        self.activities = ActivityRepository(self._session, self.outbox)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool | None:
        try:
            self._session.rollback()
            self._session.close()
        finally:
            suppressed = self._errors.__exit__(exc_type, exc, tb)
        return suppressed

    def commit(self) -> None:
        self.outbox.flush()
        self._session.commit()

    def rollback(self) -> None:
        self._session.rollback()
