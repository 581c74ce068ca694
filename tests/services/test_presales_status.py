"""The deals' presales status read in bulk (the board's card badges): the
latest live request of each deal with its engagement's step and technical
win, the same answer ``PresalesService.deal_status`` gives for one deal."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import count

import pytest

from erpdesk.app import open_desk
from erpdesk.domain.customer import Customer, Source
from erpdesk.domain.presales import RequestKind, RequestState, TechnicalWin
from erpdesk.playbooks import read_playbook
from erpdesk.services.presales import LEAD_KEY, PresalesService
from erpdesk.services.presales_status import PresalesStatusService
from erpdesk.storage import presales_status as storage

START = datetime(2026, 12, 1, 4, 0, tzinfo=UTC)


@pytest.fixture
def desk(tmp_path):
    opened = open_desk(tmp_path / "desk.db", owner="li.rep")
    yield opened
    opened.close()


@pytest.fixture
def presales(desk) -> PresalesService:
    ticks = count()  # each call a minute later: "latest" is well defined
    return PresalesService(
        desk.unit_of_work, desk.feed, user="li.rep", playbook=read_playbook,
        clock=lambda: START + timedelta(minutes=next(ticks)),
    )  # fmt: skip


@pytest.fixture
def statuses(desk) -> PresalesStatusService:
    return PresalesStatusService.of_database(desk.db)


def act_as(desk, name: str, role: str = "rep", lead: bool = False) -> None:
    with desk.unit_of_work() as uow:
        uow.meta_set("sync.user", name)
        uow.meta_set("sync.role", role)
        uow.meta_set(LEAD_KEY, "1" if lead else "0")
        uow.commit()


@pytest.fixture
def deals(desk):
    customer = desk.customers.create(
        Customer(name="济南华信机械制造有限公司", source=Source.REFERRAL)
    )
    return [desk.deals.create(customer.id, f"华信ERP{n}期") for n in range(1, 5)]


def test_the_latest_request_of_each_deal_with_its_engagement(desk, presales, statuses, deals):
    first, second, third, _never = deals
    old = presales.ask("", RequestKind.DEMO, deal_id=first.id, submit=True)
    newer = presales.ask("", RequestKind.REQUIREMENTS_SURVEY, deal_id=first.id, submit=True,
                         wanted_from=date(2026, 12, 9))  # fmt: skip
    draft = presales.ask("", RequestKind.TENDER_SUPPORT, deal_id=second.id)
    work = presales.ask("", RequestKind.DEMO, deal_id=third.id, submit=True)
    act_as(desk, "wang.lead", "presales", lead=True)
    presales.move_request(old.id, RequestState.ACCEPTED)
    presales.move_request(old.id, RequestState.ASSIGNED, consultant="zhao.pre")
    presales.move_request(work.id, RequestState.ACCEPTED)
    presales.move_request(work.id, RequestState.ASSIGNED, consultant="zhao.pre")
    act_as(desk, "zhao.pre", "presales")
    engagement = presales.engagement_of(work.id)
    assert engagement is not None
    presales.move_step(engagement.id, 2, reason="先看现场", confirm_override=True)
    presales.set_technical_win(engagement.id, TechnicalWin.WON)

    found = statuses.of_deals([d.id for d in deals])

    assert set(found) == {first.id, second.id, third.id}  # never asked: no badge
    # the older request of the first deal has an engagement; the newer wins
    assert (found[first.id].request_id, found[first.id].state) == (newer.id, RequestState.SUBMITTED)
    assert found[first.id].kind is RequestKind.REQUIREMENTS_SURVEY
    assert found[first.id].engagement_id is None and found[first.id].step is None
    assert (found[second.id].request_id, found[second.id].state) == (draft.id, RequestState.DRAFT)
    badge = found[third.id]
    assert (badge.state, badge.consultant, badge.engagement_id) == (
        RequestState.ASSIGNED,
        "zhao.pre",
        engagement.id,
    )
    assert (badge.step, badge.technical_win, badge.closed) == (2, TechnicalWin.WON, False)
    for deal in deals[:3]:  # the same answer as the one-deal query
        one = presales.deal_status(deal.id)
        assert one is not None
        assert (one.request.id, one.state, one.step, one.technical_win) == (
            found[deal.id].request_id,
            found[deal.id].state,
            found[deal.id].step,
            found[deal.id].technical_win,
        )


def test_a_deleted_request_does_not_count(desk, presales, statuses, deals):
    deal = deals[0]
    kept = presales.ask("", RequestKind.DEMO, deal_id=deal.id)
    gone = presales.ask("", RequestKind.PROOF_OF_CONCEPT, deal_id=deal.id)
    with desk.unit_of_work() as uow:
        uow.support_requests.delete(uow.support_requests.get(gone.id))
        uow.commit()
    assert statuses.of_deals([deal.id])[deal.id].request_id == kept.id


def test_many_deals_are_read_in_chunks(monkeypatch, presales, statuses, deals):
    monkeypatch.setattr(storage, "CHUNK", 2)
    asked = {d.id: presales.ask("", RequestKind.DEMO, deal_id=d.id).id for d in deals}
    ids = [d.id for d in deals] * 2 + ["", "no-such-deal"]  # repeats and strangers
    found = statuses.of_deals(ids)
    assert {d: b.request_id for d, b in found.items()} == asked
    assert statuses.of_deals([]) == {}
