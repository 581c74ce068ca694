"""Re-applying my value works for every type the registry reports conflicts
on (deals, worksheets, quotes, proposals), through the type's own service
and its rules: the value is written with its outbox op, a sent quote
version refuses it, a stage field is not re-applied from the review.  Two
real desks edit offline against a real registry process (conftest)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from derived_support import Engines, line, row, synced_pair

from erpdesk.app import Desk
from erpdesk.domain.proposal import SectionCode, SectionEdit
from erpdesk.domain.quote import QuoteStatus, quote_totals
from erpdesk.services.quotes import QuoteRefused
from erpdesk.storage.mapping import to_fen
from erpdesk.storage.sync_store import SyncStore
from erpdesk.sync.conflicts import CannotReapply, ConflictItem, ConflictResolver


@pytest.fixture
def engines(registry):
    found = Engines(registry)
    yield found
    found.close()


def resolver(desk: Desk, **services: Any) -> ConflictResolver:
    services = services or {"quotes": desk.quotes, "proposals": lambda: desk.proposals}
    return ConflictResolver(SyncStore(desk.db), desk.customers, desk.deals, **services)


def conflicts(desk: Desk, **services: Any) -> dict[tuple[str, str], ConflictItem]:
    return {(i.entity, i.field): i for i in resolver(desk, **services).open()}


def ops(desk: Desk, entity: str, entity_id: str) -> list[tuple[str, int | None, dict]]:
    found = desk.db.reader.execute(
        "SELECT op, base_version, fields FROM outbox WHERE entity = ? AND entity_id = ? "
        "ORDER BY seq", (entity, entity_id))
    return [(r["op"], r["base_version"], json.loads(r["fields"])) for r in found]


def version(desk: Desk, table: str, row_id: str) -> int:
    return int(row(desk, table, row_id, "server_version")[0])


def test_a_deal_field_and_a_worksheet_are_reapplied_but_not_a_stage(
    registry, make_desk, engines
) -> None:
    user, a, b, made = synced_pair(registry, make_desk, engines)
    deal_id, sheet_id = made.deal.id, made.sheet.id
    a.deals.update(deal_id, name="财务供应链一期（A）")
    a.deals.move(deal_id, 4, confirm_override=True, reason="立项会已开")
    a.deals.save_worksheet(replace(made.sheet, data={k: 5 for k in made.sheet.data}))
    b.deals.update(deal_id, name="财务供应链一期（B）")
    b.deals.move(deal_id, 2, reason="需求未确认")
    mine = {k: 3 for k in made.sheet.data}
    b.deals.save_worksheet(replace(made.sheet, data=mine))
    engines.sync(a, user)
    engines.sync(b, user)  # B lost every one of these fields

    found = conflicts(b)
    assert {("deal", "name"), ("deal", "stage"), ("worksheet", "data")} <= set(found)
    assert found[("deal", "name")].can_reapply and found[("worksheet", "data")].can_reapply
    assert not found[("deal", "stage")].can_reapply  # a stage move sets it
    with pytest.raises(CannotReapply):
        resolver(b).reapply_mine(found[("deal", "stage")].id)
    assert b.deals.get(deal_id).stage == 4 and ("deal", "stage") in conflicts(b)

    resolver(b).reapply_mine(found[("deal", "name")].id)
    resolver(b).reapply_mine(found[("worksheet", "data")].id)
    assert b.deals.get(deal_id).name == "财务供应链一期（B）"
    assert ops(b, "deal", deal_id) == [
        ("update", version(b, "deal", deal_id), {"name": "财务供应链一期（B）"})]
    assert ops(b, "worksheet", sheet_id) == [
        ("update", version(b, "worksheet", sheet_id), {"data": mine})]
    assert row(b, "worksheet", sheet_id, "score_percent") == (60,)  # derived on save
    assert not {("deal", "name"), ("worksheet", "data")} & set(conflicts(b))

    engines.sync(b, user)
    engines.sync(a, user)
    assert a.deals.get(deal_id).name == "财务供应链一期（B）"
    (sheet,) = a.deals.worksheets(deal_id=deal_id)
    assert sheet.data == mine
    assert row(a, "worksheet", sheet_id, "score_percent") == (60,)  # derived on pull


def test_a_quote_is_reapplied_unless_its_version_was_sent_since(
    registry, make_desk, engines
) -> None:
    others = []
    user, a, b, made = synced_pair(registry, make_desk, engines, lambda a, made: others.append(
        a.quotes.new_quote(made.customer.id, lines=[line("培训", "2", "800")])))
    (other,) = others
    qid = made.quote.id
    a.quotes.update(replace(a.quotes.get(qid), lines=(line("财务管理模块用户许可", "5", "33.33"),)))
    a.quotes.update(replace(a.quotes.get(other.id), title="培训报价（A）"))
    a.quotes.mark_sent(other.id)
    b.quotes.update(replace(b.quotes.get(qid), lines=(line("财务管理模块用户许可", "7", "33.33"),)))
    b.quotes.update(replace(b.quotes.get(other.id), title="培训报价（B）"))
    engines.sync(a, user)
    engines.sync(b, user)

    found = conflicts(b)
    lines, title = found[("quote", "lines")], found[("quote", "title")]
    assert lines.can_reapply and title.can_reapply
    assert not conflicts(b, quotes=None)[("quote", "lines")].can_reapply  # no quote service

    resolver(b).reapply_mine(lines.id)
    quote = b.quotes.get(qid)
    assert [str(q.quantity) for q in quote.lines] == ["7"]
    assert ops(b, "quote", qid) == [("update", version(b, "quote", qid), {"lines": lines.mine})]
    totals = quote_totals(quote)
    assert row(b, "quote", qid, "net_fen, vat_fen, total_fen") == (
        to_fen(totals.net), to_fen(totals.vat), to_fen(totals.total))

    sent = b.quotes.get(other.id)
    assert sent.status is QuoteStatus.SENT  # pulled: frozen since
    with pytest.raises(QuoteRefused, match="can no longer change"):
        resolver(b).reapply_mine(title.id)
    assert b.quotes.get(other.id).title == "培训报价（A）" and ops(b, "quote", other.id) == []
    assert ("quote", "title") in conflicts(b)  # still open: keep theirs, or a new version

    engines.sync(b, user)
    engines.sync(a, user)
    assert [str(q.quantity) for q in a.quotes.get(qid).lines] == ["7"]
    assert a.quotes.summary(qid).total == b.quotes.summary(qid).total == totals.total


def test_a_proposals_title_and_sections_are_reapplied(registry, make_desk, engines) -> None:
    saved = []
    user, a, b, _made = synced_pair(registry, make_desk, engines, lambda a, made: saved.append(
        a.proposals.save(a.proposals.for_deal(made.deal.id))))
    (proposal,) = saved
    summary = SectionCode.EXECUTIVE_SUMMARY
    a.proposals.save(replace(a.proposals.get(proposal.id), title="财务一体化建议书（A）",
                             sections={summary: SectionEdit(text="A 的摘要")}))
    b.proposals.save(replace(b.proposals.get(proposal.id), title="财务一体化建议书（B）",
                             sections={summary: SectionEdit(text="B 的摘要")}))
    engines.sync(a, user)
    engines.sync(b, user)

    found = conflicts(b)
    assert found[("proposal", "title")].can_reapply
    assert not conflicts(b, quotes=b.quotes)[("proposal", "title")].can_reapply
    for field in ("title", "sections"):
        resolver(b).reapply_mine(found[("proposal", field)].id)
    mine = b.proposals.get(proposal.id)
    assert mine.title == "财务一体化建议书（B）"
    assert mine.sections == {summary: SectionEdit(text="B 的摘要")}
    assert [(op, fields) for op, _base, fields in ops(b, "proposal", proposal.id)] == [
        ("update", {"title": "财务一体化建议书（B）"}),
        ("update", {"sections": {"executive_summary": {"include": True, "text": "B 的摘要"}}}),
    ]
    assert conflicts(b) == {}

    engines.sync(b, user)
    engines.sync(a, user)
    theirs = a.proposals.get(proposal.id)
    assert (theirs.title, theirs.sections) == (mine.title, mine.sections)
