"""WorkbenchApi against the real registry: the administrator's queue,
call-back, suggestions, allocation, exemption, release and pool; the
telemarketer's leads and the administrator signing for them; failures as
the client's typed errors."""

from __future__ import annotations

import uuid

import pytest
from workbench_support import company, register, token_of

from erpdesk.sync.client import Offline, RequestRefused, SignedOut
from erpdesk.sync.workbench_api import LeadDraft, WorkbenchApi


@pytest.fixture
def api():
    """WorkbenchApi(...) that is closed at the end of the test."""
    made: list[WorkbenchApi] = []

    def make(*args, **kwargs) -> WorkbenchApi:
        made.append(WorkbenchApi(*args, **kwargs))
        return made[-1]

    yield make
    for client in made:
        client.close()


@pytest.fixture(scope="module")
def people(registry):
    admin, rep, rep2, tm = (registry.add_user(role) for role in
                            ("admin", "rep", "rep", "telemarketer"))
    return {name: (user, token_of(registry.url, user))
            for name, user in (("admin", admin), ("rep", rep), ("rep2", rep2), ("tm", tm))}


def test_admin_works_a_registration_through(registry, people, api):
    admin = api(registry.url, people["admin"][1])
    rep_token = people["rep"][1]
    plain, code1 = company()
    urgent, code2 = company()
    first = register(registry.url, rep_token, plain, code1)
    second = register(registry.url, rep_token, urgent, code2, urgent=True)

    queue = admin.queue()
    ids = [e.id for e in queue]
    assert ids.index(second["id"]) < ids.index(first["id"])  # urgent first
    entry = queue[ids.index(second["id"])]
    assert entry.urgent and entry.deadline is not None
    assert entry.customer_name == urgent and entry.contacts and entry.visit_summary

    decided = admin.record_callback(second["id"], True, note="电话核实,项目真实")
    assert decided.status == "verified"
    assert second["id"] not in [e.id for e in admin.queue()]
    customer = admin.customer(second["customer_id"])
    assert customer.status == "protected" and customer.owner == people["rep"][0]

    found = admin.suggestions(customer.id, limit=50)
    names = [s.username for s in found.suggestions]
    assert people["rep2"][0] in names and found.rep_cap > 0
    moved = admin.allocate(customer.id, people["rep2"][0], "区域调整")
    assert moved.owner == people["rep2"][0]

    exempt = admin.set_exemption(customer.id, True, "已签单客户")
    assert exempt.exempt and exempt.exempt_reason == "已签单客户"
    assert not admin.set_exemption(customer.id, False, "项目结束").exempt

    released = admin.release(customer.id, "长期未跟进")
    assert released.status == "pool"
    assert customer.id in [c.id for c in admin.pool(urgent).customers]


def test_an_invalid_call_back_needs_its_reason(registry, people, api):
    admin = api(registry.url, people["admin"][1])
    name, code = company("青岛")
    entry = register(registry.url, people["rep"][1], name, code)
    with pytest.raises(RequestRefused) as caught:
        admin.record_callback(entry["id"], False, reason="")
    assert "422" in str(caught.value)
    assert admin.record_callback(entry["id"], False, reason="电话是空号").status == "rejected"


def test_a_lead_goes_from_the_telemarketer_to_a_rep(registry, people, api):
    tm = api(registry.url, people["tm"][1])
    admin = api(registry.url, people["admin"][1], language="zh_CN")
    name, code = company("烟台")
    lead = tm.enter_lead(LeadDraft(id=str(uuid.uuid4()), company_name=name, uscc=code,
                                   industry="machinery", province="山东", city="烟台市",
                                   phone="0535-6661234", need="下半年选型"))
    assert lead.status == "new" and not lead.flagged
    assert tm.hand_over(lead.id, "客户很急").status == "handed_over"
    waiting = admin.leads(status="handed_over")
    assert lead.id in [x.id for x in waiting]
    assert admin.lead_suggestions(lead.id).suggestions
    accepted = admin.accept_lead(lead.id, people["rep"][0], "区域对口")
    assert accepted.status == "accepted" and accepted.customer_id
    admin.report_outcome(lead.id, "follow_up", "约了演示")
    mine = tm.lead(lead.id)
    assert mine.outcome == "follow_up" and mine.rep == people["rep"][0]
    with pytest.raises(RequestRefused):  # the administrator may not hand over
        admin.hand_over(lead.id)


def test_bad_leads_are_refused_with_the_registrys_reasons(registry, people, api):
    tm = api(registry.url, people["tm"][1], language="zh_CN")
    with pytest.raises(RequestRefused) as caught:
        tm.enter_lead(LeadDraft(id=str(uuid.uuid4()), company_name="某某公司"))
    assert "422" in str(caught.value)


def test_failures_are_the_clients_typed_errors(registry, offline_url, people, api):
    with pytest.raises(Offline):
        api(offline_url, "token").queue()
    with pytest.raises(SignedOut):
        api(registry.url, None).queue()
    with pytest.raises(SignedOut):
        api(registry.url, "not-a-token").queue()
    with pytest.raises(RequestRefused) as caught:  # a telemarketer has no queue
        api(registry.url, people["tm"][1]).queue()
    assert "403" in str(caught.value)
