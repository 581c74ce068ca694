"""Reviewing conflict records: what the window's conflict review does.

A conflict record keeps a field that both this desk and the registry changed
from the same base: the registry kept its value ("theirs"), this desk's
value ("mine") waits here.  The user either keeps theirs (the record is
marked resolved) or re-applies mine: the value is written again as an
ordinary local change through the services (so it goes through the outbox
and travels with the next sync, on top of the registry's current version),
then the record is marked resolved.  Nothing is resolved unless the user
chose so.  No Qt, no SQL.

Every type the registry can report a conflict on (all but the append-only
activities, stage changes and quote approvals) is written back through its
own service, with that service's rules: a customer or a contact through
``CustomerService``, a deal or a worksheet through ``DealService``, a quote
version through ``QuoteService.update`` (a version sent or replaced since is
frozen: refused with the service's reason), a proposal through
``ProposalService.save``.  Only the fields a user edits can be re-applied:
a deal's stage and status change by a stage move, a quote's status by its
actions (approve, send ...).  A refusal changes nothing and leaves the
conflict open.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any

from erpdesk.domain.customer import Contact, Customer
from erpdesk.domain.deal import DEAL_FIELDS, WORKSHEET_FIELDS, Worksheet
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.proposal import PROPOSAL_FIELDS, Proposal
from erpdesk.domain.quote import QUOTE_FIELDS, Quote
from erpdesk.sync.client import SyncError
from erpdesk.sync.entities import entity as synced_entity

if TYPE_CHECKING:
    from erpdesk.services.customers import CustomerService
    from erpdesk.services.deals import DealService
    from erpdesk.services.proposals import ProposalService
    from erpdesk.services.quotes import QuoteService
    from erpdesk.storage.sync_store import SyncStore

# The types whose values can be written back through a service, and which
# of their fields (None: every field the registry may report).
REAPPLIABLE: Mapping[str, frozenset[str] | None] = types.MappingProxyType({
    "customer": None,
    "contact": None,
    "deal": frozenset(DEAL_FIELDS),  # not the stage fields: a stage move sets them
    "worksheet": frozenset(WORKSHEET_FIELDS),
    "quote": frozenset(QUOTE_FIELDS),  # not status, sent_at, discount_limit: its actions do
    "proposal": frozenset(PROPOSAL_FIELDS),
})
NAME_COLUMNS = ("name", "number", "title", "template")


class ConflictGone(SyncError):
    kind = "conflict"
    text = QT_TRANSLATE_NOOP("Sync", "This conflict was resolved already")


class RecordGone(SyncError):
    kind = "conflict"
    text = QT_TRANSLATE_NOOP(
        "Sync", "The record is no longer on this desk; only keeping their value is possible"
    )


class CannotReapply(SyncError):
    kind = "conflict"
    text = QT_TRANSLATE_NOOP(
        "Sync",
        "A {entity} value cannot be re-applied from here; change it in its own window, "
        "then keep their value",
    )


@dataclass(frozen=True)
class ConflictItem:
    """One open conflict record as the review lists it."""

    id: str
    entity: str
    entity_id: str
    field: str
    mine: Any  # this desk's value (as it was sent)
    theirs: Any  # the registry's value (the one the record has now)
    created_at: str
    record_name: str  # "" when the record is not on this desk
    customer_id: str | None
    present: bool  # the record is on this desk and not deleted
    writable: bool  # the field is one its service writes, and that service is here
    # The record was taken out of this desk's view (storage.revocations):
    # "mine" is a value that waited in the outbox, there is no "theirs".
    revoked: bool = False

    @property
    def can_reapply(self) -> bool:
        return self.present and self.writable


def _field_type(cls: type, name: str) -> Any:
    return typing.get_type_hints(cls).get(name)


def domain_value(cls: type, name: str, value: Any) -> Any:
    """A wire *value* of the field *name* of the dataclass *cls*, in the
    field's type (an enum code as its member, ISO text as a date, None as
    "" for text)."""
    hint = _field_type(cls, name)
    options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    enum_types = [t for t in options if isinstance(t, type) and issubclass(t, Enum)]
    if value is None:
        return None if type(None) in options or enum_types else ""
    if enum_types:
        return enum_types[0](value)
    if date in options and isinstance(value, str):
        return date.fromisoformat(value)
    if str in options and not isinstance(value, str):
        return str(value)
    return value


class ConflictResolver:
    """The open conflicts of one desk and their two ways out.  Each service
    is optional: a type whose service is missing can only be kept as
    theirs.  *proposals* returns the proposal service (built on first use)."""

    def __init__(
        self,
        store: SyncStore,
        customers: CustomerService,
        deals: DealService | None = None,
        *,
        quotes: QuoteService | None = None,
        proposals: Callable[[], ProposalService] | None = None,
    ) -> None:
        self.store = store
        self.customers = customers
        self.deals = deals
        self.quotes = quotes
        self.proposals = proposals

    def writable(self, entity: str, field: str) -> bool:
        """Whether a conflict on *field* of an *entity* can be re-applied here."""
        services = {
            "customer": self.customers, "contact": self.customers, "deal": self.deals,
            "worksheet": self.deals, "quote": self.quotes, "proposal": self.proposals,
        }
        if entity not in REAPPLIABLE or services.get(entity) is None:
            return False
        fields = REAPPLIABLE[entity]
        return fields is None or field in fields

    def open(self) -> list[ConflictItem]:
        """The unresolved records, oldest first, with their records' names."""
        from erpdesk.storage.revocations import revoked_records

        items = []
        revoked = self.store.within(revoked_records)
        for row in self.store.open_conflicts():
            kind = synced_entity(str(row["entity"]))
            subject = (
                self.store.record_subject(kind.table, str(row["entity_id"])) if kind else None
            )
            name = ""
            customer_id = None
            if subject is not None:
                name = next((str(subject[c]) for c in NAME_COLUMNS if subject.get(c)), "")
                customer_id = subject.get("customer_id") or (
                    subject["id"] if row["entity"] == "customer" else None
                )
            items.append(ConflictItem(
                id=str(row["id"]), entity=str(row["entity"]), entity_id=str(row["entity_id"]),
                field=str(row["field"]), mine=row["local_value"], theirs=row["remote_value"],
                created_at=str(row["created_at"]), record_name=name, customer_id=customer_id,
                present=subject is not None and not subject.get("deleted"),
                writable=self.writable(str(row["entity"]), str(row["field"])),
                revoked=(str(row["entity"]), str(row["entity_id"])) in revoked
                and (subject is None or bool(subject.get("deleted"))),
            ))
        return items

    def _open_record(self, conflict_id: str) -> dict[str, Any]:
        record = self.store.conflict(conflict_id)
        if record is None or record.get("resolved_at"):
            raise ConflictGone()
        return record

    def keep_theirs(self, conflict_id: str) -> None:
        """Accept the registry's value: the record is marked resolved."""
        self._open_record(conflict_id)
        if not self.store.resolve_conflict(conflict_id):
            raise ConflictGone()

    def reapply_mine(self, conflict_id: str) -> None:
        """Write this desk's value again as a local change (an outbox op,
        through the type's service), then mark the record resolved.  Raises
        ``ConflictGone``, ``RecordGone``, ``CannotReapply``, or the
        service's refusal (``ValidationError``, ``QuoteRefused`` for a
        frozen quote version ...): then nothing changed and the record
        stays open."""
        record = self._open_record(conflict_id)
        kind, row_id = str(record["entity"]), str(record["entity_id"])
        name, value = str(record["field"]), record["local_value"]
        if not self.writable(kind, name):
            raise CannotReapply(entity=kind)
        table = synced_entity(kind)
        subject = self.store.record_subject(table.table, row_id) if table else None
        if subject is None or subject.get("deleted"):
            raise RecordGone()
        write = {
            "customer": self._customer, "contact": self._contact, "deal": self._deal,
            "worksheet": self._worksheet, "quote": self._quote, "proposal": self._proposal,
        }[kind]
        write(subject, name, value)
        self.store.resolve_conflict(conflict_id)

    # -- writing one value back, per type -------------------------------------

    def _customer(self, subject: Mapping[str, Any], name: str, value: Any) -> None:
        current = self.customers.detail(str(subject["id"])).customer
        self.customers.update(replace(current, **{name: domain_value(Customer, name, value)}))

    def _contact(self, subject: Mapping[str, Any], name: str, value: Any) -> None:
        contacts = self.customers.detail(str(subject["customer_id"])).contacts
        person = next((c for c in contacts if c.id == subject["id"]), None)
        if person is None:
            raise RecordGone()
        self.customers.save_contact(replace(person, **{name: domain_value(Contact, name, value)}))

    def _deal(self, subject: Mapping[str, Any], name: str, value: Any) -> None:
        assert self.deals is not None
        self.deals.update(str(subject["id"]), **{name: value})

    def _worksheet(self, subject: Mapping[str, Any], name: str, value: Any) -> None:
        assert self.deals is not None
        sheets = self.deals.worksheets(customer_id=str(subject["customer_id"]))
        sheet = next((w for w in sheets if w.id == subject["id"]), None)
        if sheet is None:
            raise RecordGone()
        self.deals.save_worksheet(
            replace(sheet, **{name: domain_value(Worksheet, name, value)})
        )

    def _quote(self, subject: Mapping[str, Any], name: str, value: Any) -> None:
        from erpdesk.storage.quote_repositories import line_from_data, milestone_from_data

        assert self.quotes is not None
        current = self.quotes.get(str(subject["id"]))
        if name == "lines":
            typed: Any = tuple(line_from_data(line) for line in value or ())
        elif name == "milestones":
            typed = tuple(milestone_from_data(m) for m in value or ())
        else:
            typed = domain_value(Quote, name, value)
        self.quotes.update(replace(current, **{name: typed}))

    def _proposal(self, subject: Mapping[str, Any], name: str, value: Any) -> None:
        from erpdesk.domain.proposal import benefit_from_json, sections_from_json

        assert self.proposals is not None
        service = self.proposals()
        current = service.get(str(subject["id"]))
        if name == "sections":
            changes: dict[str, Any] = {"sections": sections_from_json(value)}
        elif name == "benefit":
            inputs, years = benefit_from_json(value)
            changes = {"benefit": inputs, "benefit_years": years}
        else:
            changes = {name: domain_value(Proposal, name, value)}
        service.save(replace(current, **changes))
