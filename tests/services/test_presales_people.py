"""The desk's cached list of presales consultants (``PresalesPeople``):
the registry's answer kept in the desk's meta across a reopen of the file,
merged with the consultants the desk's own requests and engagements name;
an unreadable cache is an empty list, never a failure."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from erpdesk.app import open_desk
from erpdesk.domain.customer import Customer, Source
from erpdesk.domain.presales import RequestKind, RequestState
from erpdesk.playbooks import read_playbook
from erpdesk.services.presales import LEAD_KEY, PresalesService
from erpdesk.services.presales_people import META_KEY, Consultant, PresalesPeople
from erpdesk.sync.workbench_api import PresalesConsultant

NOW = datetime(2026, 12, 1, 4, 0, tzinfo=UTC)
ANSWER = (
    PresalesConsultant("wang.lead", "王芳", "east", True, 0),
    PresalesConsultant("zhao.pre", "赵磊", "east", False, 2),
)


def act_as(desk, name: str, role: str = "rep", lead: bool = False) -> None:
    with desk.unit_of_work() as uow:
        uow.meta_set("sync.user", name)
        uow.meta_set("sync.role", role)
        uow.meta_set(LEAD_KEY, "1" if lead else "0")
        uow.commit()


def people_of(desk) -> PresalesPeople:
    return PresalesPeople(desk.unit_of_work, clock=lambda: NOW)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "desk.db"


def test_the_registrys_list_survives_a_reopen_of_the_desk(path):
    desk = open_desk(path, owner="li.rep")
    try:
        assert people_of(desk).consultants().consultants == ()
        kept = people_of(desk).remember(ANSWER)
        assert [c.username for c in kept.consultants] == ["wang.lead", "zhao.pre"]
        outbox = desk.db.reader.execute("SELECT count(*) FROM outbox").fetchone()[0]
        assert outbox == 0  # a local setting: nothing travels
    finally:
        desk.close()
    desk = open_desk(path, owner="li.rep")
    try:
        again = people_of(desk).consultants()
        assert again.fetched_at == NOW
        assert again.get("zhao.pre") == Consultant("zhao.pre", "赵磊", "east", False, 2, True)
        assert again.get("wang.lead").lead and again.is_listed("wang.lead")
        assert again.get("zhao.pre").label() == "赵磊 (zhao.pre)"
    finally:
        desk.close()


def test_consultants_named_on_the_desk_are_merged_in_not_listed(path):
    desk = open_desk(path, owner="li.rep")
    try:
        presales = PresalesService(desk.unit_of_work, desk.feed, user="li.rep",
                                   playbook=read_playbook, clock=lambda: NOW)  # fmt: skip
        customer = desk.customers.create(Customer(name="济南华信机械制造有限公司",
                                                  source=Source.REFERRAL))  # fmt: skip
        request = presales.ask(customer.id, RequestKind.DEMO, submit=True)
        act_as(desk, "wang.lead", "presales", lead=True)
        presales.move_request(request.id, RequestState.ACCEPTED)
        presales.move_request(request.id, RequestState.ASSIGNED, consultant="sun.pre")
        people = presales.people()
        found = people.remember(ANSWER[:1])
        assert [c.username for c in found.consultants] == ["wang.lead", "sun.pre"]
        sun = found.get("sun.pre")
        assert sun is not None and not sun.listed and sun.open_engagements == 1
        assert not found.is_listed("sun.pre") and not found.is_listed("nobody")
        # the cache itself holds only the registry's list
        assert [c.username for c in people.cached().consultants] == ["wang.lead"]
    finally:
        desk.close()


@pytest.mark.parametrize("stored", ["", "not json", '{"consultants": 5}', "[1, 2]",
                                    '{"fetched_at": "x", "consultants": []}'])
def test_an_unreadable_cache_is_an_empty_list(path, stored):
    desk = open_desk(path, owner="li.rep")
    try:
        with desk.unit_of_work() as uow:
            uow.meta_set(META_KEY, stored)
            uow.commit()
        found = people_of(desk).consultants()
        assert found.consultants == () and found.fetched_at is None
        assert people_of(desk).remember(ANSWER).fetched_at == NOW  # the next answer rewrites it
    finally:
        desk.close()
