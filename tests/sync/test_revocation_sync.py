"""A desk stops holding what its user may no longer see (issue 12), against
a real registry process (conftest): a rep taken off a deal's team loses the
deal and what hangs on it at its next sync, a re-allocated or released
customer leaves the former owner's desk, a waiting edit of a lost record is
kept for the user as a conflict record, and a desk whose cursor the
registry no longer serves pulls everything again and drops the rest."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from test_registration_sync import complete_customer, engine
from workbench_support import company, token_of

from erpdesk.app import Desk
from erpdesk.domain.customer import Contact, Customer
from erpdesk.domain.deal import Worksheet
from erpdesk.registry.db.database import RegistryDatabase
from erpdesk.registry.sync.access import prune_access
from erpdesk.services.events import Change
from erpdesk.storage.sync_store import SyncStore
from erpdesk.sync.client import RegistryClient
from erpdesk.sync.conflicts import ConflictResolver
from erpdesk.sync.state import read_status
from erpdesk.sync.workbench_api import WorkbenchApi


@pytest.fixture
def clients() -> Iterator[list[RegistryClient]]:
    """The registry clients a test made, closed at its end (``engine``)."""
    made: list[RegistryClient] = []
    yield made
    for client in made:
        client.close()


def deleted(desk: Desk, table: str, row_id: str) -> bool | None:
    """The row's tombstone flag; None when the desk never had it."""
    row = desk.db.reader.execute(f"SELECT deleted FROM {table} WHERE id = ?", (row_id,)).fetchone()
    return None if row is None else bool(row[0])


def count(desk: Desk, sql: str) -> int:
    return int(desk.db.reader.execute(sql).fetchone()[0])


def a_deal_with_b_on_the_team(registry, make_desk, clients):
    """rep a's customer and deal with a worksheet; rep b (synced before)
    is put on the deal's team afterwards and syncs."""
    a_user, b_user = registry.add_user("rep"), registry.add_user("rep")
    a, b = make_desk("a"), make_desk("b")
    c = a.customers.create(Customer(name=company("杭州")[0], need="ERP"))
    a.customers.save_contact(Contact(customer_id=c.id, name="王芳", mobile="13800000001"))
    deal = a.deals.create(c.id, "ERP 一期")
    sheet = a.deals.save_worksheet(Worksheet(template="opportunity_analysis", customer_id=c.id,
                                             deal_id=deal.id, data={"origin": "老客户介绍"}))
    engine(registry.url, a, a_user, clients).run()
    engine(registry.url, b, b_user, clients).run()  # b's cursor passes all of it
    assert deleted(b, "deal", deal.id) is None
    a.deals.update(deal.id, team=[{"name": b_user, "role": "presales"}])
    engine(registry.url, a, a_user, clients).run()
    return a_user, b_user, a, b, c, deal, sheet


def test_taken_off_a_deal_team_a_rep_loses_the_deal_and_its_worksheets(
    registry, make_desk, clients
) -> None:
    a_user, b_user, a, b, c, deal, sheet = a_deal_with_b_on_the_team(registry, make_desk, clients)
    report = engine(registry.url, b, b_user, clients).run()
    # On the team: the deal, its history and worksheet, and its customer's row.
    assert report.deferred == 0
    assert deleted(b, "deal", deal.id) is False
    assert deleted(b, "worksheet", sheet.id) is False
    assert deleted(b, "customer", c.id) is False
    assert count(b, f"SELECT count(*) FROM stage_change WHERE deal_id = '{deal.id}'") == 1
    assert count(b, "SELECT count(*) FROM contact") == 0  # not the customer's contacts
    assert [card.id for card in b.deals.deals_of_customer(c.id)] == [deal.id]

    a.deals.update(deal.id, team=[])
    engine(registry.url, a, a_user, clients).run()
    seen: list[Change] = []
    b.feed.subscribe(seen.append)
    report = engine(registry.url, b, b_user, clients).run()
    assert report.removed >= 4  # the deal, its stage change, its worksheet, the customer
    for table, row_id in (("deal", deal.id), ("worksheet", sheet.id), ("customer", c.id)):
        assert deleted(b, table, row_id) is True, table
    assert count(b, "SELECT count(*) FROM stage_change WHERE deleted = 0") == 0
    assert b.deals.deals_of_customer(c.id) == []
    assert Change("deal", (deal.id,)) in seen
    assert count(b, "SELECT count(*) FROM outbox") == 0
    assert read_status(SyncStore(b.db), None).state == "up_to_date"
    # The owner's desk is untouched.
    assert deleted(a, "deal", deal.id) is False and deleted(a, "worksheet", sheet.id) is False


def test_a_waiting_edit_of_a_deal_taken_away_is_kept_as_a_conflict(
    registry, make_desk, clients
) -> None:
    a_user, b_user, a, b, _c, deal, sheet = a_deal_with_b_on_the_team(registry, make_desk, clients)
    engine(registry.url, b, b_user, clients).run()
    b.deals.update(deal.id, next_step="约技术交流", notes="客户关心月结")  # offline
    b.deals.save_worksheet(replace(sheet, data={"origin": "老客户介绍", "timing": "预算已批"}))
    assert count(b, "SELECT count(*) FROM outbox") == 2
    a.deals.update(deal.id, team=[])
    engine(registry.url, a, a_user, clients).run()

    report = engine(registry.url, b, b_user, clients).run()
    # Pushed first and refused (the deal is no longer b's); then removed.
    assert report.rejected == 2 and report.failures == []
    assert deleted(b, "deal", deal.id) is True
    assert count(b, "SELECT count(*) FROM outbox") == 0
    resolver = ConflictResolver(SyncStore(b.db), b.customers, b.deals)
    items = {(i.entity, i.field): i for i in resolver.open()}
    assert items[("deal", "next_step")].mine == "约技术交流"
    assert items[("deal", "notes")].mine == "客户关心月结"
    assert items[("worksheet", "data")].mine["timing"] == "预算已批"
    deal_item = items[("deal", "next_step")]
    assert deal_item.revoked and not deal_item.can_reapply
    assert deal_item.record_name == "ERP 一期" and deal_item.theirs is None
    assert read_status(SyncStore(b.db), None).state == "conflicts"
    # The next run sends nothing for it.
    assert engine(registry.url, b, b_user, clients).run().rejected == 0
    # Keeping theirs dismisses each one.
    for item in items.values():
        resolver.keep_theirs(item.id)
    assert resolver.open() == []


def registered(registry, desk: Desk, rep: str, admin: str, clients) -> Customer:
    """A customer of *rep*'s desk, registered and verified, with a contact,
    a visit, a deal and a worksheet, all synced."""
    c = complete_customer(desk)
    request = desk.registrations.request(c.id)
    engine(registry.url, desk, rep, clients).run()
    with WorkbenchApi(registry.url, token_of(registry.url, admin)) as api:
        api.record_callback(request.id, True, note="电话核实")
    deal = desk.deals.create(c.id, "ERP 一期")
    desk.deals.save_worksheet(Worksheet(template="opportunity_analysis", customer_id=c.id,
                                        deal_id=deal.id, data={"origin": "展会"}))
    engine(registry.url, desk, rep, clients).run()
    assert desk.customers.detail(c.id).customer.registration.value == "protected"
    return c


def rows_of(desk: Desk, customer_id: str) -> dict[str, list[int]]:
    """table -> the tombstone flags of the customer's rows on *desk*."""
    out = {}
    for table in ("customer", "contact", "activity", "deal", "worksheet"):
        key = "id" if table == "customer" else "customer_id"
        out[table] = [r[0] for r in desk.db.reader.execute(
            f"SELECT deleted FROM {table} WHERE {key} = ?", (customer_id,))]
    return out


@pytest.mark.gui
def test_a_reallocated_customer_leaves_the_former_reps_desk(
    qtbot, registry, make_desk, clients
) -> None:
    from erpdesk.ui.sync.conflicts import ConflictReviewDialog

    rep, other, admin = (registry.add_user(r) for r in ("rep", "rep", "admin"))
    desk, other_desk = make_desk("rep"), make_desk("other")
    c = registered(registry, desk, rep, admin, clients)
    engine(registry.url, other_desk, other, clients).run()
    desk.customers.update(replace(desk.customers.detail(c.id).customer, phone="0531-88886666"))
    with WorkbenchApi(registry.url, token_of(registry.url, admin)) as api:
        api.allocate(c.id, other, "区域调整")

    report = engine(registry.url, desk, rep, clients).run()
    assert report.rejected == 1  # the phone, refused: the customer is not the rep's now
    flags = rows_of(desk, c.id)
    assert all(flags.values()) and all(all(v) for v in flags.values()), flags
    assert desk.customers.page(desk.customers.criteria()) == []
    assert count(desk, "SELECT count(*) FROM outbox") == 0
    resolver = ConflictResolver(SyncStore(desk.db), desk.customers, desk.deals)
    (item,) = resolver.open()
    assert (item.entity, item.field, item.mine, item.revoked) == (
        "customer", "phone", "0531-88886666", True)
    # The review says why, and offers only to keep theirs.
    review = ConflictReviewDialog(resolver)
    qtbot.addWidget(review)
    assert [review.model.index(0, col).data() for col in range(5)] == [
        "Customer", c.name, "Phone", "0531-88886666", "(taken out of your view)"]
    assert "taken out of your view" in review.problem.text()
    assert not review.reapply_button.isEnabled()
    assert review.keep_theirs() and review.model.rowCount() == 0
    # The new owner's desk gets all of it.
    engine(registry.url, other_desk, other, clients).run()
    flags = rows_of(other_desk, c.id)
    assert all(flags.values()) and not any(any(v) for v in flags.values()), flags


def test_a_customer_released_to_the_pool_leaves_the_desk(registry, make_desk, clients) -> None:
    rep, admin = registry.add_user("rep"), registry.add_user("admin")
    desk = make_desk("rep")
    c = registered(registry, desk, rep, admin, clients)
    with WorkbenchApi(registry.url, token_of(registry.url, admin)) as api:
        api.release(c.id, "长期未跟进")
    report = engine(registry.url, desk, rep, clients).run()
    assert report.removed >= 5
    flags = rows_of(desk, c.id)
    assert all(all(v) for v in flags.values()), flags
    assert ConflictResolver(SyncStore(desk.db), desk.customers, desk.deals).open() == []


def test_a_cursor_the_registry_no_longer_serves_means_pulling_everything_again(
    registry, make_desk, clients
) -> None:
    a_user, b_user, a, b, c, deal, sheet = a_deal_with_b_on_the_team(registry, make_desk, clients)
    own = b.customers.create(Customer(name=company("宁波")[0], need="CRM"))
    engine(registry.url, b, b_user, clients).run()
    unsent = b.customers.create(Customer(name=company("温州")[0], need="MES"))  # waits
    a.deals.update(deal.id, team=[])
    engine(registry.url, a, a_user, clients).run()
    # The registry forgets the access log (as ``sync prune`` does after
    # op_retention_days): b's cursor lies behind it.
    db = RegistryDatabase(registry.db_url)
    try:
        assert prune_access(db, datetime.now(UTC) + timedelta(days=400)) > 0
    finally:
        db.dispose()

    report = engine(registry.url, b, b_user, clients).run()
    assert report.resynced and report.removed >= 4
    for table, row_id in (("deal", deal.id), ("worksheet", sheet.id), ("customer", c.id)):
        assert deleted(b, table, row_id) is True, table
    assert deleted(b, "customer", own.id) is False  # came again
    assert deleted(b, "customer", unsent.id) is False  # pushed in the same run
    assert count(b, "SELECT count(*) FROM meta WHERE key >= 'resync.' AND key < 'resync/'") == 0
    state = SyncStore(b.db).state()
    assert "sync.resync" not in state and int(state["sync.cursor"]) > 0
    # The next run goes on from there.
    again = engine(registry.url, b, b_user, clients).run()
    assert not again.resynced and again.removed == 0
