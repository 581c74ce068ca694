"""Proposals in the desk database: Core statements in a unit of work's
session, ``Proposal`` objects in and out, an outbox op (entity
``proposal``) for every change, as ``deal_repositories`` writes them: a
create op carries every user field with the customer and the deal, an update
op the changed fields with the base ``server_version``, a delete is a
tombstone op.

The section edits and the benefit figures are JSON text columns
(``proposal.sections_json``, ``proposal.benefit_json``); the benefit's
amounts and percentages are exact decimal text.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from erpdesk.domain.customer import utcnow
from erpdesk.domain.errors import NotFound
from erpdesk.domain.proposal import (
    PROPOSAL_FIELDS,
    WHAT_PROPOSAL,
    Proposal,
    benefit_from_json,
    benefit_json,
    sections_from_json,
    sections_json,
)
from erpdesk.storage.mapping import Row, from_text, to_text
from erpdesk.storage.outbox import Outbox
from erpdesk.storage.schema import proposal as proposal_table

PROPOSAL_ENTITY = "proposal"
PROPOSAL_CREATE_FIELDS = ("customer_id", "deal_id", *PROPOSAL_FIELDS)


def _field(p: Proposal, name: str) -> Any:
    """A user field as an op carries it (and as it is compared)."""
    if name == "sections":
        return sections_json(p.sections)
    if name == "benefit":
        return benefit_json(p)
    return getattr(p, name)


def proposal_row(p: Proposal) -> dict[str, Any]:
    return {
        "id": p.id,
        "customer_id": p.customer_id,
        "deal_id": p.deal_id,
        "quote_id": p.quote_id,
        "title": p.title,
        "language": p.language,
        "dated": p.dated.isoformat(),
        "author": p.author,
        "sections": json.dumps(sections_json(p.sections), ensure_ascii=False, sort_keys=True),
        "benefit": json.dumps(benefit_json(p), ensure_ascii=False, sort_keys=True),
        "created_at": to_text(p.created_at),
        "updated_at": to_text(p.updated_at),
        "server_version": p.server_version,
        "deleted": p.deleted,
    }


def proposal_from_row(row: Row) -> Proposal:
    benefit, years = benefit_from_json(json.loads(row["benefit"] or "{}"))
    return Proposal(
        id=row["id"],
        customer_id=row["customer_id"],
        deal_id=row["deal_id"],
        quote_id=row["quote_id"],
        title=row["title"],
        language=row["language"],
        dated=date.fromisoformat(row["dated"]),
        author=row["author"],
        sections=sections_from_json(json.loads(row["sections"] or "{}")),
        benefit=benefit,
        benefit_years=years,
        created_at=from_text(row["created_at"]),
        updated_at=from_text(row["updated_at"]),
        server_version=row["server_version"],
        deleted=bool(row["deleted"]),
    )


class ProposalRepository:
    def __init__(self, session: Session, outbox: Outbox) -> None:
        self._session = session
        self._outbox = outbox

    def _one(self, *where: Any) -> Proposal | None:
        stmt = (
            select(proposal_table)
            .where(*where)
            .order_by(proposal_table.c.updated_at.desc(), proposal_table.c.id)
            .limit(1)
        )
        row = self._session.execute(stmt).mappings().first()
        return proposal_from_row(row) if row is not None else None

    def get(self, proposal_id: str) -> Proposal:
        """The live proposal *proposal_id*; ``NotFound`` otherwise."""
        found = self.find(proposal_id)
        if found is None or found.deleted:
            raise NotFound(what=WHAT_PROPOSAL, id=proposal_id)
        return found

    def find(self, proposal_id: str) -> Proposal | None:
        """The proposal *proposal_id*, live or deleted, or None."""
        return self._one(proposal_table.c.id == proposal_id)

    def for_deal(self, deal_id: str) -> Proposal | None:
        """The deal's live proposal (the latest changed, should a sync
        have brought two)."""
        return self._one(proposal_table.c.deal_id == deal_id, proposal_table.c.deleted.is_(False))

    def for_customer(self, customer_id: str) -> Proposal | None:
        """The customer's live proposal that belongs to no deal."""
        return self._one(
            proposal_table.c.customer_id == customer_id,
            proposal_table.c.deal_id.is_(None),
            proposal_table.c.deleted.is_(False),
        )

    def of_customer(self, customer_id: str) -> list[Proposal]:
        """Every live proposal of the customer (its deals' too), newest first."""
        stmt = (
            select(proposal_table)
            .where(
                proposal_table.c.customer_id == customer_id,
                proposal_table.c.deleted.is_(False),
            )
            .order_by(proposal_table.c.updated_at.desc(), proposal_table.c.id)
        )
        return [proposal_from_row(r) for r in self._session.execute(stmt).mappings()]

    def add(self, p: Proposal, *, record: bool = True) -> None:
        self._session.execute(insert(proposal_table).values(**proposal_row(p)))
        if record:
            fields = {name: _field(p, name) for name in PROPOSAL_CREATE_FIELDS}
            self._outbox.record(PROPOSAL_ENTITY, p.id, "create", None, fields)

    def update(self, before: Proposal, after: Proposal) -> Proposal:
        """Write the fields of *after* that differ from *before* (one update
        op with them and *before*'s ``server_version``); *before* unchanged
        when nothing differs."""
        changes = {
            name: _field(after, name)
            for name in PROPOSAL_FIELDS
            if _field(before, name) != _field(after, name)
        }
        if not changes:
            return before
        after = replace(
            after,
            id=before.id,
            customer_id=before.customer_id,
            deal_id=before.deal_id,
            created_at=before.created_at,
            server_version=before.server_version,
            updated_at=utcnow(),
        )
        row = proposal_row(after)
        values = {name: row[name] for name in changes} | {"updated_at": row["updated_at"]}
        self._session.execute(
            update(proposal_table).where(proposal_table.c.id == before.id).values(**values)
        )
        self._outbox.record(PROPOSAL_ENTITY, before.id, "update", before.server_version, changes)
        return after

    def delete(self, p: Proposal) -> None:
        self._session.execute(
            update(proposal_table)
            .where(proposal_table.c.id == p.id)
            .values(deleted=True, updated_at=to_text(utcnow()))
        )
        self._outbox.record(PROPOSAL_ENTITY, p.id, "delete", p.server_version, {})
