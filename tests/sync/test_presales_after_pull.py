"""The sync's after-pull hook against the real registry (conftest): the
assignment that reaches a consultant's desk is opened as an engagement at
the end of the run that pulled it and pushed in that same run; and through
the command line, where sign-in also keeps the presales lead flag."""

from __future__ import annotations

import io
import os

import pytest
from sync_support import PASSWORD
from test_presales_sync import add_user, run, signed_in
from test_registration_sync import clients, complete_customer, engine  # noqa: F401

from erpdesk.app import open_desk, open_engagements_after_pull
from erpdesk.cli.main import main
from erpdesk.domain.presales import RequestKind, RequestState
from erpdesk.services.presales import LEAD_KEY
from erpdesk.storage.sync_store import SyncStore


def with_hook(sync, desk, published: list) -> None:
    sync.after_pull = open_engagements_after_pull(desk.db, published.append)


def assigned_request(registry, make_desk, clients, team):  # noqa: F811
    """rep asks, the lead accepts and assigns without opening the engagement
    on its own desk: (request id, consultant)."""
    rep = add_user(registry, f"rep{team}", "rep", team)
    lead = add_user(registry, f"lead{team}", "presales", team, "--presales-lead")
    consultant = add_user(registry, f"pre{team}", "presales", team)
    rep_desk, lead_desk = make_desk("rep"), make_desk("lead")
    rep_sync = engine(registry.url, rep_desk, rep, clients)
    lead_sync = engine(registry.url, lead_desk, lead, clients)
    customer = complete_customer(rep_desk)
    deal = rep_desk.deals.create(customer.id, "华信ERP一期")
    asked = signed_in(rep_desk, "rep").ask(
        customer.id, RequestKind.DEMO, deal_id=deal.id, submit=True, modules=("finance",)
    )
    run(rep_sync)
    lead_side = signed_in(lead_desk, "presales", lead=True)
    run(lead_sync)
    lead_side.move_request(asked.id, RequestState.ACCEPTED)
    lead_side.move_request(asked.id, RequestState.ASSIGNED, consultant=consultant,
                           open_engagement=False)  # fmt: skip
    run(lead_sync)
    assert lead_side.engagement_of(asked.id) is None
    return asked.id, consultant, (rep, rep_desk), (lead_sync, lead_side)


def test_the_run_that_pulls_an_assignment_opens_and_pushes_its_engagement(
    registry, make_desk, clients  # noqa: F811
):
    request_id, consultant, (rep, rep_desk), (lead_sync, lead_side) = assigned_request(
        registry, make_desk, clients, f"h{os.getpid()}"
    )
    pre_desk = make_desk("pre")
    pre_sync = engine(registry.url, pre_desk, consultant, clients)
    pre_side = signed_in(pre_desk, "presales")
    published: list = []
    with_hook(pre_sync, pre_desk, published)
    report = pre_sync.run()

    assert "support_request" in report.entities
    engagement = pre_side.engagement_of(request_id)
    assert engagement is not None
    assert (engagement.consultant, engagement.step) == (consultant, 1)
    assert [c.ids for c in published if c.entity == "presales"] == [(engagement.id,)]
    assert SyncStore(pre_desk.db).pending_count() == 0  # pushed in the same run
    assert report.rejected == 0

    assert not pre_sync.after_pull(frozenset({"customer", "deal"}))  # nothing presales
    again = pre_sync.run()
    assert (again.pushed, len(pre_side.my_engagements())) == (0, 1)  # opened once

    run(lead_sync)
    assert lead_side.engagement_of(request_id).id == engagement.id

    rep_sync = engine(registry.url, rep_desk, rep, clients)
    with_hook(rep_sync, rep_desk, [])
    run(rep_sync)  # the rep's desk receives the engagement; it opens none of its own
    rep_side = signed_in(rep_desk, "rep")
    assert rep_side.engagement_of(request_id).id == engagement.id


def cli(monkeypatch: pytest.MonkeyPatch, *args: str, stdin: str = "") -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    out = io.StringIO()
    return main(list(args), stdout=out), out.getvalue()


def meta(path, key: str) -> str | None:
    desk = open_desk(path)
    try:
        with desk.unit_of_work() as uow:
            return uow.meta_get(key)
    finally:
        desk.close()


def test_cli_sign_in_keeps_the_lead_flag_and_its_sync_opens_the_engagement(
    registry, make_desk, clients, tmp_path, monkeypatch, memory_keyring  # noqa: F811
):
    team = f"c{os.getpid()}"
    request_id, consultant, _rep, _lead = assigned_request(registry, make_desk, clients, team)
    lead = add_user(registry, f"lead2{team}", "presales", team, "--presales-lead")
    for name, path, flag in ((consultant, tmp_path / "pre.db", "0"),
                             (lead, tmp_path / "lead2.db", "1")):  # fmt: skip
        code, text = cli(monkeypatch, "login", "--server", registry.url, "--user", name,
                         "--password-stdin", "--db", str(path), stdin=PASSWORD + "\n")  # fmt: skip
        assert code == 0, text
        assert meta(path, LEAD_KEY) == flag

    pre_db = tmp_path / "pre.db"
    code, text = cli(monkeypatch, "sync", "--db", str(pre_db))
    assert code == 0, text
    desk = open_desk(pre_db)
    try:
        engagement = desk.presales.engagement_of(request_id)
        assert engagement is not None and engagement.consultant == consultant
        assert SyncStore(desk.db).pending_count() == 0
    finally:
        desk.close()

    code, _text = cli(monkeypatch, "logout", "--db", str(tmp_path / "lead2.db"))
    assert code == 0
    assert meta(tmp_path / "lead2.db", LEAD_KEY) is None


def test_the_hook_runs_only_after_a_pull_and_its_refusal_does_not_fail_the_run(
    registry, make_desk, clients  # noqa: F811
):
    from erpdesk.domain.errors import ValidationError

    user = add_user(registry, f"rep_hook{os.getpid()}", "rep", f"k{os.getpid()}")
    first, second = make_desk("first"), make_desk("second")
    run(engine(registry.url, first, user, clients))
    complete_customer(first)
    run(engine(registry.url, first, user, clients))
    calls: list[frozenset[str]] = []

    def refusing(entities: frozenset[str]) -> bool:
        calls.append(entities)
        raise ValidationError([])

    sync = engine(registry.url, second, user, clients)
    sync.after_pull = refusing
    report = sync.run()  # the hook's refusal is logged; the run went through
    assert report.pulled > 0 and calls and "customer" in calls[0]
    assert SyncStore(second.db).state().get("sync.last_error") is None
    sync.run()  # nothing new pulled: no call
    assert len(calls) == 1
