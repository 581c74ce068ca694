"""Reviewing conflict records: what the window's conflict review does.

A conflict record keeps a field that both this desk and the registry changed
from the same base: the registry kept its value ("theirs"), this desk's
value ("mine") waits here.  The user either keeps theirs (the record is
marked resolved) or re-applies mine: the value is written again as an
ordinary local change through the services (so it goes through the outbox
and travels with the next sync, on top of the registry's current version),
then the record is marked resolved.  Nothing is resolved unless the user
chose so.  No Qt, no SQL.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING, Any

from erpdesk.domain.customer import Contact, Customer
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.sync.client import SyncError
from erpdesk.sync.entities import entity as synced_entity

if TYPE_CHECKING:
    from erpdesk.services.customers import CustomerService
    from erpdesk.services.deals import DealService
    from erpdesk.storage.sync_store import SyncStore

# The entities whose values can be written back through a service.
REAPPLIABLE = ("customer", "contact", "deal")
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

    @property
    def can_reapply(self) -> bool:
        return self.present and self.entity in REAPPLIABLE


def _field_type(cls: type, name: str) -> Any:
    return typing.get_type_hints(cls).get(name)


def domain_value(cls: type, name: str, value: Any) -> Any:
    """A wire *value* of the field *name* of the dataclass *cls*, in the
    field's type (an enum code as its member, None as "" for text)."""
    hint = _field_type(cls, name)
    options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    enum_types = [t for t in options if isinstance(t, type) and issubclass(t, Enum)]
    if value is None:
        return None if type(None) in options or enum_types else ""
    if enum_types:
        return enum_types[0](value)
    if str in options and not isinstance(value, str):
        return str(value)
    return value


class ConflictResolver:
    """The open conflicts of one desk and their two ways out."""

    def __init__(
        self, store: SyncStore, customers: CustomerService, deals: DealService | None = None
    ) -> None:
        self.store = store
        self.customers = customers
        self.deals = deals

    def open(self) -> list[ConflictItem]:
        """The unresolved records, oldest first, with their records' names."""
        items = []
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
        """Write this desk's value again as a local change (an outbox op),
        then mark the record resolved.  Raises ``ConflictGone``,
        ``RecordGone``, ``CannotReapply``, or the service's
        ``ValidationError`` (then nothing changed)."""
        record = self._open_record(conflict_id)
        kind, row_id = str(record["entity"]), str(record["entity_id"])
        name, value = str(record["field"]), record["local_value"]
        if kind not in REAPPLIABLE or (kind == "deal" and self.deals is None):
            raise CannotReapply(entity=kind)
        table = synced_entity(kind)
        subject = self.store.record_subject(table.table, row_id) if table else None
        if subject is None or subject.get("deleted"):
            raise RecordGone()
        if kind == "customer":
            current = self.customers.detail(row_id).customer
            self.customers.update(replace(current, **{name: domain_value(Customer, name, value)}))
        elif kind == "contact":
            contacts = self.customers.detail(str(subject["customer_id"])).contacts
            person = next((c for c in contacts if c.id == row_id), None)
            if person is None:
                raise RecordGone()
            self.customers.save_contact(
                replace(person, **{name: domain_value(Contact, name, value)})
            )
        else:
            assert self.deals is not None
            self.deals.update(row_id, **{name: value})
        self.store.resolve_conflict(conflict_id)
