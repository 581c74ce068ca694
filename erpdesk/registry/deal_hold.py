"""A customer held by an open deal: while a deal of it is open, the
protection sweep neither warns its owner nor releases it to the pool (the
setting ``exempt_open_deals``, on by default).

The registry learns of deals through sync: a deal is a ``synced_records``
row of entity ``deal``.  It is open while it is live (not deleted) and its
``status`` field is ``open``; a deal pushed without a status is open too
(the field's default, as ``sync.records.values_of`` reads it).  When the
deal is closed (won or lost) or deleted, the customer is under the normal
rule again at the next sweep.

The conditions are SQL over the ``customer_id`` index of
``synced_records``, correlated to ``customers``, so the sweep asks them of
each due customer inside its own query.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Exists, ScalarSelect, and_, exists, func, select

from erpdesk.domain.deal import DealStatus
from erpdesk.registry.db.schema import customers, synced_records
from erpdesk.registry.policy import Policy

OPEN = DealStatus.OPEN.value
SETTING = "exempt_open_deals"


def is_open_deal_of(customer_id: Any) -> ColumnElement[bool]:
    """A ``synced_records`` row is a live, open deal of *customer_id* (a
    column, or an id)."""
    return and_(
        synced_records.c.customer_id == customer_id,
        synced_records.c.entity == "deal",
        synced_records.c.deleted.is_(False),
        func.coalesce(synced_records.c.fields["status"].as_string(), OPEN) == OPEN,
    )


def has_open_deal() -> Exists:
    """The customer (the ``customers`` row of the enclosing query) has an
    open deal."""
    return exists().where(is_open_deal_of(customers.c.id))


def open_deal_count() -> ScalarSelect[int]:
    """How many open deals the customer of the enclosing query has."""
    return (
        select(func.count())
        .select_from(synced_records)
        .where(is_open_deal_of(customers.c.id))
        .scalar_subquery()
    )


def not_held(policy: Policy) -> tuple[ColumnElement[bool], ...]:
    """The conditions that leave out the customers an open deal holds, under
    *policy* (none when ``exempt_open_deals`` is 0)."""
    return (~has_open_deal(),) if policy.exempt_open_deals else ()
