"""Presales across desks against the real registry (conftest): a rep's
desk asks for a demo, the team's presales lead accepts and assigns on its
desk, the consultant's desk receives the assignment, opens the engagement
and plans a demo, and the rep's desk sees the state, step and demo."""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime, timedelta

from sync_support import PASSWORD
from test_registration_sync import clients, complete_customer, engine  # noqa: F401

from erpdesk.domain.presales import RequestKind, RequestState, TaskKind
from erpdesk.registry.cli import main as registry_main
from erpdesk.services.presales import LEAD_KEY, PresalesService


def add_user(registry, name: str, role: str, team: str, *extra: str) -> str:
    name = f"{name}_{os.getpid()}"
    out = io.StringIO()
    code = registry_main(
        ["user", "add", name, "--role", role, "--team", team, *extra, "--password-stdin",
         "--db", registry.db_url],
        stdout=out, stdin=io.StringIO(PASSWORD + "\n"),
    )  # fmt: skip
    assert code == 0, out.getvalue()
    return name


def signed_in(desk, role: str, lead: bool = False) -> PresalesService:
    with desk.unit_of_work() as uow:
        uow.meta_set("sync.role", role)
        uow.meta_set(LEAD_KEY, "1" if lead else "0")
        uow.commit()
    return PresalesService(desk.unit_of_work, desk.feed)


def run(sync) -> None:
    report = sync.run()
    assert report.rejected == 0, report


def test_a_request_goes_from_the_rep_to_the_lead_to_the_consultant_and_back(
    registry, make_desk, clients  # noqa: F811
):
    team = f"t{os.getpid()}"
    rep = add_user(registry, "rep", "rep", team)
    lead = add_user(registry, "lead", "presales", team, "--presales-lead")
    consultant = add_user(registry, "pre", "presales", team)
    rep_desk, lead_desk, pre_desk = make_desk("rep"), make_desk("lead"), make_desk("pre")
    rep_sync = engine(registry.url, rep_desk, rep, clients)
    lead_sync = engine(registry.url, lead_desk, lead, clients)
    pre_sync = engine(registry.url, pre_desk, consultant, clients)

    customer = complete_customer(rep_desk)
    deal = rep_desk.deals.create(customer.id, "华信ERP一期")
    asked = signed_in(rep_desk, "rep").ask(
        customer.id, RequestKind.DEMO, deal_id=deal.id, submit=True, modules=("finance",)
    )
    run(rep_sync)

    lead_side = signed_in(lead_desk, "presales", lead=True)
    run(lead_sync)
    received = lead_side.request(asked.id)
    assert (received.state, received.requested_by, received.team) == (
        RequestState.SUBMITTED, rep, team)
    lead_side.move_request(asked.id, RequestState.ACCEPTED)
    lead_side.move_request(asked.id, RequestState.ASSIGNED, consultant=consultant,
                           open_engagement=False)  # fmt: skip
    run(lead_sync)

    pre_side = signed_in(pre_desk, "presales")
    run(pre_sync)
    assert pre_side.request(asked.id).consultant == consultant
    (engagement,) = pre_side.open_engagements()
    start = datetime.now(UTC) + timedelta(days=3)
    demo = pre_side.add_task(engagement.id, TaskKind.DEMO, "财务月结演示", start,
                             start + timedelta(hours=2), modules=("finance",)).task  # fmt: skip
    pre_side.move_request(asked.id, RequestState.IN_PROGRESS)
    run(pre_sync)

    rep_side = PresalesService(rep_desk.unit_of_work, rep_desk.feed)
    run(rep_sync)
    status = rep_side.deal_status(deal.id)
    assert (status.state, status.request.consultant, status.step) == (
        RequestState.IN_PROGRESS, consultant, 1)
    assert [t.id for t in rep_side.tasks_of(engagement.id)] == [demo.id]
    assert rep_side.task(demo.id).starts_at == demo.starts_at
    run(lead_sync)
    assert lead_side.engagement_of(asked.id).id == engagement.id
