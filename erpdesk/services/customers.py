"""Customer use cases: list and search, open, create, edit, delete, contacts,
activities, duplicate and completeness checks.

The rule modules (validation, names, completeness, duplicates) are imported
where they are first used: the window's start-up only lists customers.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from erpdesk.domain.customer import Activity, Contact, Customer
from erpdesk.domain.errors import DuplicateCustomer, Problem
from erpdesk.domain.search_key import normalize_query
from erpdesk.services.events import Change, ChangeFeed
from erpdesk.storage.queries import CustomerCriteria, CustomerQueries, CustomerRow

if TYPE_CHECKING:  # the write side (SQLAlchemy) stays off the start-up path
    from datetime import datetime
    from pathlib import Path

    from erpdesk.domain.duplicates import DuplicateIndex, DuplicateMatch, MatchKind
    from erpdesk.storage.uow import UnitOfWork


@dataclass(frozen=True)
class CustomerDetail:
    """Everything the customer page shows."""

    customer: Customer
    contacts: list[Contact]
    activities: list[Activity]
    gaps: list[Problem]


class CustomerService:
    """Customers for one desk user; publishes a ``Change`` after each commit."""

    def __init__(
        self,
        uow: Callable[[], UnitOfWork],
        queries: CustomerQueries,
        feed: ChangeFeed,
        owner: str = "",
    ) -> None:
        self._uow = uow
        self._queries = queries
        self.feed = feed
        self.owner = owner
        self._index: DuplicateIndex | None = None
        self._index_version: int | None = None
        self._index_watermark = ""
        self._index_lock = threading.Lock()
        self._index_thread: threading.Thread | None = None

    @property
    def unit_of_work(self) -> Callable[[], UnitOfWork]:
        """The unit-of-work factory this service writes through (an import
        run by the window writes where the window reads)."""
        return self._uow

    # -- reading -------------------------------------------------------------

    @staticmethod
    def criteria(text: str = "", **filters: str | None) -> CustomerCriteria:
        """List criteria from what the user typed and picked."""
        return CustomerCriteria(text=normalize_query(text), **filters)

    def warm_up(self) -> None:
        """Prepare search and the duplicate check on background threads
        (call once the window is shown): each takes ~0.5-1.5 s at 100,000
        customers, which must not freeze the first keystroke."""
        self._queries.warm_up()
        with self._index_lock:
            if self._index is None and self._index_thread is None:
                self._index_thread = threading.Thread(
                    target=self._build_duplicate_index, name="duplicate-index", daemon=True
                )
                self._index_thread.start()

    def _build_duplicate_index(self) -> None:
        from erpdesk.domain.duplicates import Candidate, DuplicateIndex

        queries = self._queries.detached()
        try:
            watermark = queries.newest_change()
            index = DuplicateIndex(
                Candidate(id=i, name="", uscc="", name_key=k)
                for i, _n, _u, k in queries.identities()
            )
        finally:
            queries.close()
        index.find("预热索引", "")  # builds its substring index now, not on the first keystroke
        with self._index_lock:
            if self._index is None:
                # version None: the first use re-reads rows written since the watermark
                self._index, self._index_watermark, self._index_version = index, watermark, None

    def storage_facts(self) -> tuple[Path, str | None]:
        """The database file and its schema revision (for About)."""
        return self._queries.path, self._queries.schema_revision()

    def pending_changes(self) -> int:
        """Local changes waiting in the outbox to be synced."""
        return self._queries.outbox_count()

    def count(self, criteria: CustomerCriteria) -> int:
        return self._queries.count(criteria)

    def known_count(self, criteria: CustomerCriteria) -> int | None:
        """The count if it is known without more work, else None (a search
        that has so far found only the pages asked for); ``count`` finishes it."""
        return self._queries.known_count(criteria)

    def page(
        self,
        criteria: CustomerCriteria,
        *,
        sort: str = "name",
        descending: bool = False,
        offset: int = 0,
        limit: int = 200,
    ) -> list[CustomerRow]:
        return self._queries.page(
            criteria, sort=sort, descending=descending, offset=offset, limit=limit
        )

    def found_through(self, row: CustomerRow, query: str) -> Contact | None:
        """The contact through whom *query* (``criteria``'s text) found the
        customer of *row*, or None when it found the customer itself."""
        from erpdesk.domain.search_key import own_match, person_matches

        if own_match(query, row.name, row.short_name, row.uscc, row.phone):
            return None
        for person in self._queries.contacts(row.id):
            if person_matches(query, person.name, (person.mobile, person.office_phone)):
                return person
        return None

    def detail(self, customer_id: str) -> CustomerDetail:
        from erpdesk.domain.completeness import registration_gaps

        customer = self._queries.customer(customer_id)
        contacts = self._queries.contacts(customer_id)
        activities = self._queries.activities(customer_id)
        return CustomerDetail(
            customer, contacts, activities, registration_gaps(customer, contacts, activities)
        )

    def check_duplicates(
        self, name: str, uscc: str = "", *, exclude_id: str | None = None, limit: int = 5
    ) -> list[DuplicateMatch]:
        """The same company (same USCC, or same normalised name and no other
        USCC), then possible duplicates (``MatchKind.SIMILAR``): the same
        normalised name with another USCC, and similar names.

        Exact matches come from SQL (indexed); the in-memory index holds only
        ids and name keys for the similar ones, whose names are then read for
        the few matches shown (a full index cost ~30 MB more at 100,000).
        """
        from erpdesk.domain.duplicates import Candidate, DuplicateMatch, MatchKind

        if not name.strip() and not uscc.strip():
            return []
        exact = [
            DuplicateMatch(Candidate(id=i, name=n, uscc=u, name_key=k), kind, 100.0)
            for i, n, u, k, kind in self._same_identity(name, uscc)
            if i != exclude_id
        ]
        order = (MatchKind.SAME_USCC, MatchKind.SAME_NAME, MatchKind.SIMILAR)
        exact.sort(key=lambda m: order.index(m.kind))
        taken = {m.candidate.id for m in exact}
        similar = [
            m
            for m in self._duplicate_index().find(name, exclude_id=exclude_id, limit=limit)
            # (the index holds no USCCs: its same-name matches are among ``exact``)
            if m.kind is MatchKind.SIMILAR and m.candidate.id not in taken
        ]
        named = {i: (n, u) for i, n, u, _k in self._queries.identities_of(
            [m.candidate.id for m in similar]
        )}
        similar = [
            DuplicateMatch(
                Candidate(m.candidate.id, *named[m.candidate.id], m.candidate.name_key),
                m.kind,
                m.score,
            )
            for m in similar
            if m.candidate.id in named
        ]
        return (exact + similar)[:limit]

    def _duplicate_index(self) -> DuplicateIndex:
        """The index of live customers, built once and then kept current by
        re-reading only rows written since it last looked (any connection's
        commit changes SQLite's ``data_version``)."""
        # rapidfuzz costs ~20 ms to import: not on the way to the first window
        from erpdesk.domain.duplicates import Candidate, DuplicateIndex

        thread = self._index_thread
        if thread is not None:
            thread.join()
        version = self._queries.data_version()
        if self._index is None:
            self._index_watermark = self._queries.newest_change()
            self._index = DuplicateIndex(
                Candidate(id=i, name="", uscc="", name_key=k)
                for i, _n, _u, k in self._queries.identities()
            )
        elif version != self._index_version:
            for i, _n, _u, k, deleted, updated in self._queries.identity_changes(
                self._index_watermark
            ):
                if deleted:
                    self._index.remove(i)
                else:
                    self._index.add(Candidate(id=i, name="", uscc="", name_key=k))
                self._index_watermark = max(self._index_watermark, updated)
        self._index_version = version
        return self._index

    # -- writing -------------------------------------------------------------

    def _same_identity(
        self, name: str, uscc: str
    ) -> list[tuple[str, str, str, str, MatchKind]]:
        """``(id, name, uscc, name_key, kind)`` of the live customers with
        this USCC or this normalised name.  Two USCCs that are both given and
        differ are two companies whatever the names say: such a namesake is
        only a possible duplicate (``SIMILAR``), never the same company."""
        from erpdesk.domain.duplicates import MatchKind
        from erpdesk.domain.names import normalize_company_name
        from erpdesk.domain.uscc import normalize_uscc

        code = normalize_uscc(uscc)
        key = normalize_company_name(name) if name.strip() else ""
        found = []
        for i, n, u, k in self._queries.same_identity(code, key):
            if code and u == code:
                kind = MatchKind.SAME_USCC
            elif code and u and u != code:
                kind = MatchKind.SIMILAR
            else:
                kind = MatchKind.SAME_NAME
            found.append((i, n, u, k, kind))
        return found

    def _refuse_duplicate(self, customer: Customer) -> None:
        """Refuse a customer that is the same company as another one (same
        USCC, or same normalised name and no other USCC); a possible
        duplicate is the user's to decide and is saved."""
        from erpdesk.domain.duplicates import MatchKind

        for other_id, other_name, _uscc, _key, kind in self._same_identity(
            customer.name, customer.uscc
        ):
            if other_id != customer.id and kind is not MatchKind.SIMILAR:
                raise DuplicateCustomer(name=other_name)

    def create(self, customer: Customer, contacts: Sequence[Contact] = ()) -> Customer:
        """Validate and save a new customer with its first contacts.

        Raises ``ValidationError`` listing every problem, or
        ``DuplicateCustomer`` when the USCC or normalised name exists.
        """
        from erpdesk.domain.validation import validate_contact, validate_customer

        customer = validate_customer(customer)
        if not customer.owner:
            customer = replace(customer, owner=self.owner)
        contacts = [validate_contact(replace(c, customer_id=customer.id)) for c in contacts]
        self._refuse_duplicate(customer)
        with self._uow() as uow:
            uow.customers.add(customer, contacts)
            uow.contacts.add_many(contacts)
            uow.commit()
        self.feed.publish(Change("customer", (customer.id,)))
        return customer

    def update(self, customer: Customer) -> Customer:
        """Save the edited fields of an existing customer."""
        from erpdesk.domain.validation import validate_customer

        customer = validate_customer(customer)
        self._refuse_duplicate(customer)
        with self._uow() as uow:
            before = uow.customers.get(customer.id)
            contacts = uow.contacts.for_customer(customer.id)
            saved = uow.customers.update(before, customer, contacts)
            uow.commit()
        self.feed.publish(Change("customer", (customer.id,)))
        return saved

    def delete(self, customer_id: str) -> None:
        """Tombstone a customer; refused while it has open deals (close or
        delete them first), so no open deal hangs on a deleted customer."""
        from erpdesk.domain.errors import ValidationError
        from erpdesk.domain.i18n import QT_TRANSLATE_NOOP

        with self._uow() as uow:
            customer = uow.customers.get(customer_id)
            if (open_deals := uow.deals.open_count(customer_id)) > 0:
                text = QT_TRANSLATE_NOOP(
                    "Domain",
                    "{name} has {count} open deals; close or delete them before deleting "
                    "the customer",
                )
                params = {"name": customer.name, "count": open_deals}
                raise ValidationError([Problem("", "customer.open_deals", text, params)])
            uow.customers.delete(customer)
            uow.commit()
        self.feed.publish(Change("customer", (customer_id,)))

    def save_contact(self, contact: Contact) -> Contact:
        """Create or update a contact; the customer's search key follows."""
        from erpdesk.domain.validation import validate_contact

        contact = validate_contact(contact)
        with self._uow() as uow:
            owner = uow.customers.get(contact.customer_id)
            existing = {c.id: c for c in uow.contacts.for_customer(owner.id)}
            if contact.id in existing:
                contact = uow.contacts.update(existing[contact.id], contact)
            else:
                uow.contacts.add(contact)
            existing[contact.id] = contact
            uow.customers.refresh_derived(owner, list(existing.values()))
            uow.commit()
        self.feed.publish(Change("customer", (contact.customer_id,)))
        return contact

    def remove_contact(self, contact_id: str) -> None:
        with self._uow() as uow:
            contact = uow.contacts.get(contact_id)
            uow.contacts.delete(contact)
            owner = uow.customers.get(contact.customer_id)
            rest = [c for c in uow.contacts.for_customer(owner.id) if c.id != contact_id]
            uow.customers.refresh_derived(owner, rest)
            uow.commit()
        self.feed.publish(Change("customer", (contact.customer_id,)))

    def log_activity(
        self, activity: Activity, next_step_due: datetime | None = None
    ) -> Activity:
        """Append an activity (visit, call, ...) to a customer's timeline.

        With *next_step_due* the activity's next step becomes a todo due
        then (docs/todos.md), written in the activity's own transaction: a
        due time the todo rules refuse refuses the whole activity, with
        every problem of both, and nothing is saved."""
        from erpdesk.domain.customer import utcnow
        from erpdesk.domain.errors import ValidationError
        from erpdesk.domain.validation import validate_activity

        problems: list[Problem] = []
        now = utcnow()
        try:
            # The date must be plausible (1949-10-01 to a year from now), as the registry checks.
            activity = validate_activity(activity, now=now)
        except ValidationError as refused:
            problems += refused.problems
        todo = None
        if next_step_due is not None:
            from erpdesk.domain.todo import next_step_todo

            try:
                todo = next_step_todo(activity, next_step_due, now=now.astimezone())
            except ValidationError as refused:
                problems += refused.problems
        if problems:
            raise ValidationError(problems)
        with self._uow() as uow:
            uow.customers.get(activity.customer_id)
            if activity.contact_id:
                uow.contacts.get(activity.contact_id)
            uow.activities.add(activity)
            if todo is not None:
                from erpdesk.services.todos import store_todo

                store_todo(uow, todo)
            uow.commit()
        self.feed.publish(Change("customer", (activity.customer_id,)))
        if todo is not None:
            self.feed.publish(Change("todo", (todo.id,)))
        return activity
