"""Shared by test_pulled_derived.py and test_reapply_types.py: a signed-in
engine per desk against the real registry (conftest), and a desk holding
one of each synced type (a customer, an open deal moved twice, a won deal,
a score sheet, a quote with lines)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sync_support import PASSWORD

from erpdesk.app import Desk
from erpdesk.domain.customer import Customer
from erpdesk.domain.deal import Deal, DealStatus, Worksheet
from erpdesk.domain.quote import Quote, QuoteLine
from erpdesk.storage.sync_store import SyncStore
from erpdesk.sync.client import RegistryClient
from erpdesk.sync.engine import SyncEngine, SyncReport

LOW_SCORES = {"need": 1, "budget": 1, "authority": 1, "timeline": 1, "fit": 1,
              "target_profile": 1}


class Engines:
    """A signed-in engine per desk and user, kept (a sign-in hashes the
    password: a quarter of a second); ``close`` closes their clients."""

    def __init__(self, registry: Any) -> None:
        self.registry = registry
        self.engines: dict[tuple[int, str], SyncEngine] = {}

    def engine(self, desk: Desk, user: str) -> SyncEngine:
        key = (id(desk), user)
        if key not in self.engines:
            client = RegistryClient(self.registry.url)
            client.login(user, PASSWORD)
            store = SyncStore(desk.db)
            store.reset_for(self.registry.url, user)
            self.engines[key] = SyncEngine(store, client, feed=desk.feed)
        return self.engines[key]

    def sync(self, desk: Desk, user: str) -> SyncReport:
        report = self.engine(desk, user).run()
        assert report.rejected == 0, report.failures
        return report

    def close(self) -> None:
        for engine in self.engines.values():
            engine.client.close()
        self.engines.clear()


def line(description: str, quantity: str, price: str, **fields: Any) -> QuoteLine:
    return QuoteLine(description, Decimal(quantity), Decimal(price), **fields)


@dataclass
class Records:
    customer: Customer
    deal: Deal  # open, in stage 3
    won: Deal
    sheet: Worksheet  # a low-scoring assessment of ``deal``
    quote: Quote  # tax-exclusive, two lines at two VAT rates


def one_of_each(desk: Desk) -> Records:
    c = desk.customers.create(Customer(name="杭州西湖精密机械有限公司", need="财务供应链一体化"))
    deal = desk.deals.create(c.id, "财务供应链一期", amount="880000")
    desk.deals.move(deal.id, 2, confirm_override=True, reason="客户急于立项")
    deal = desk.deals.move(deal.id, 3, confirm_override=True, reason="预算已批")
    won = desk.deals.create(c.id, "生产模块", amount="120000.50", stage=7)
    for item in desk.deals.playbook.stage(7).checklist:
        desk.deals.tick(won.id, item.code, True)
    won = desk.deals.move(won.id, DealStatus.WON)
    sheet = desk.deals.save_worksheet(Worksheet(
        template="opportunity_assessment_1", customer_id=c.id, deal_id=deal.id, data=LOW_SCORES,
    ))
    quote = desk.quotes.new_quote(c.id, deal_id=deal.id, price_mode="exclusive", lines=[
        line("财务管理模块用户许可", "3", "33.33"),
        line("实施服务", "1.5", "1000.05", vat_rate=Decimal("6")),
    ])
    return Records(c, deal, won, sheet, quote)


def row(desk: Desk, table: str, row_id: str, columns: str = "*") -> tuple[Any, ...]:
    found = desk.db.reader.execute(f"SELECT {columns} FROM {table} WHERE id = ?", (row_id,))
    return tuple(found.fetchone())



def synced_pair(
    registry: Any, make_desk: Callable[[str], Desk], engines: Engines,
    before: Callable[[Desk, Records], Any] | None = None,
) -> tuple[str, Desk, Desk, Records]:
    """A rep's desks A and B, both holding ``one_of_each`` made on A (and
    what *before* adds on A) after a sync each."""
    user = registry.add_user()
    a, b = make_desk("a"), make_desk("b")
    made = one_of_each(a)
    if before is not None:
        before(a, made)
    engines.sync(a, user)  # pushed, and pulled back (a deal's owner is the registry's)
    engines.sync(b, user)
    return user, a, b, made
