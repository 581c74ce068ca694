"""The proposal use cases on a real database: a new default proposal until
one is saved, saving and loading with an outbox op per change (only the
changed fields), refused input writes nothing, deleted customers and deals
say so, the content from the deal's worksheets and quote, and the PDF."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from erpdesk.app import open_desk
from erpdesk.domain.benefit import BenefitInputs
from erpdesk.domain.customer import Customer, Source
from erpdesk.domain.deal import Worksheet
from erpdesk.domain.errors import DomainError, NotFound, ValidationError
from erpdesk.domain.proposal import SectionCode, SectionEdit
from erpdesk.domain.quote import ItemKind, QuoteLine
from erpdesk.services.events import Change
from erpdesk.services.proposals import ProposalService

NOW = datetime(2026, 3, 5, 2, 0, tzinfo=UTC)
USCC = "91320500MA1MXXXX0X"


@pytest.fixture
def desk(tmp_path):
    opened = open_desk(tmp_path / "desk.db", owner="zhang.wei")
    yield opened
    opened.close()


@pytest.fixture
def service(desk) -> ProposalService:
    return ProposalService(
        desk.unit_of_work, desk.feed, user="zhang.wei", clock=lambda: NOW, quotes=desk.quotes
    )


@pytest.fixture
def deal(desk):
    customer = desk.customers.create(
        Customer(name="华东机械有限公司", source=Source.REFERRAL, phone="0512-65000000")
    )
    made = desk.deals.create(
        customer.id, "华东工厂ERP升级", amount="1500000", modules="财务管理, 库存管理"
    )
    desk.deals.save_worksheet(
        Worksheet(
            "customer_pains",
            customer.id,
            made.id,
            data={"rows": [{"problem": "库存积压严重", "impact": "占用资金"}]},
        )
    )
    return made


def ops(desk, entity="proposal") -> list[tuple[str, dict, int | None]]:
    rows = desk.db.reader.execute(
        "SELECT op, fields, base_version FROM outbox WHERE entity = ? ORDER BY seq", (entity,)
    )
    return [(r["op"], json.loads(r["fields"]), r["base_version"]) for r in rows]


def test_a_new_proposal_until_one_is_saved(desk, service, deal):
    first = service.for_deal(deal.id)
    assert first.deal_id == deal.id and first.customer_id == deal.customer_id
    assert first.author == "zhang.wei" and first.dated == NOW.astimezone().date()
    assert service.for_deal(deal.id).id != first.id  # nothing was stored
    assert ops(desk) == []
    with pytest.raises(NotFound):
        service.get(first.id)


def test_save_and_load_with_outbox_ops(desk, service, deal):
    changes: list[Change] = []
    desk.feed.subscribe(changes.append)
    proposal = replace(
        service.for_deal(deal.id),
        benefit=BenefitInputs(
            inventory_value=Decimal("30000000.50"), inventory_reduction=Decimal("12.5")
        ),
        sections={
            SectionCode.ABOUT_US: SectionEdit(False),
            SectionCode.PAINS: SectionEdit(text="痛点"),
        },
    )
    saved = service.save(proposal)
    assert changes == [Change("proposal", (saved.id,))]
    loaded = service.for_deal(deal.id)
    assert loaded.id == saved.id
    assert loaded.benefit.inventory_value == Decimal("30000000.50")
    assert loaded.benefit.inventory_reduction == Decimal("12.5")
    assert loaded.sections == proposal.sections
    ((op, fields, base),) = ops(desk)
    assert op == "create" and base is None
    assert fields["deal_id"] == deal.id and fields["customer_id"] == deal.customer_id
    assert fields["benefit"]["inventory_value"] == "30000000.50"
    assert fields["sections"] == {
        "pains": {"include": True, "text": "痛点"},
        "about_us": {"include": False, "text": None},
    }
    # an update carries only what changed
    service.save(replace(loaded, title="新标题"))
    assert ops(desk)[1] == ("update", {"title": "新标题"}, None)
    service.save(replace(service.for_deal(deal.id), title="新标题"))  # nothing changed
    assert len(ops(desk)) == 2
    assert service.for_deal(deal.id).title == "新标题"


def test_refused_input_writes_nothing(desk, service, deal):
    bad = replace(
        service.for_deal(deal.id), benefit=BenefitInputs(inventory_reduction=Decimal("150"))
    )
    with pytest.raises(ValidationError) as caught:
        service.save(bad)
    assert caught.value.problems[0].field == "benefit.inventory_reduction"
    long = replace(
        service.for_deal(deal.id), sections={SectionCode.PAINS: SectionEdit(text="字" * 20_001)}
    )
    with pytest.raises(ValidationError):
        service.save(long)
    assert ops(desk) == []
    assert desk.db.reader.execute("SELECT count(*) FROM proposal").fetchone()[0] == 0


def test_deleted_deal_and_customer_say_so(desk, service, deal):
    proposal = service.save(service.for_deal(deal.id))
    desk.deals.delete(deal.id)
    with pytest.raises(DomainError, match="华东工厂ERP升级 has been deleted"):
        service.for_deal(deal.id)
    with pytest.raises(DomainError, match="has been deleted"):
        service.content(proposal)
    other = desk.customers.create(Customer(name="西北纺织有限公司", source=Source.REFERRAL))
    desk.customers.delete(other.id)
    with pytest.raises(DomainError, match="西北纺织有限公司 has been deleted"):
        service.for_customer(other.id)
    with pytest.raises(NotFound):
        service.for_deal("no-such-deal")


def test_a_target_is_a_deal_or_a_customer(desk, service, deal):
    assert service.resolve(deal.id).deal_id == deal.id
    by_name = service.resolve("华东机械")  # the name as the import matches it
    assert by_name.customer_id == deal.customer_id and by_name.deal_id is None
    with pytest.raises(DomainError, match='no deal or customer "无此公司"'):
        service.resolve("无此公司")
    assert service.names(service.resolve(deal.id)) == ("华东机械有限公司", "华东工厂ERP升级")


def test_content_from_the_worksheets_quote_and_catalogue(desk, service, deal):
    proposal = service.for_deal(deal.id)
    content = service.content(proposal)
    pains = content.section(SectionCode.PAINS).plain_text()
    assert "库存积压严重 | 占用资金" in pains
    needs = content.section(SectionCode.NEEDS)
    assert [b.text for b in needs.blocks if type(b).__name__ == "Heading"] == [
        "财务管理",
        "库存管理",
    ]
    assert "多组织合并报表" in needs.plain_text()  # the shipped catalogue's FAB
    # without a quote the investment is the deal's amount
    assert service.benefit(proposal).investment == Decimal("1500000.00")
    desk.quotes.new_quote(
        deal.customer_id,
        deal_id=deal.id,
        lines=[QuoteLine("财务管理许可", Decimal("10"), Decimal("8000"), ItemKind.LICENCE)],
    )
    assert service.benefit(proposal).investment == Decimal("80000.00")
    quote = service.content(proposal).section(SectionCode.QUOTE).plain_text()
    assert "¥80,000.00" in quote and "捌万元整" in quote
    english = service.content(proposal, language="en")
    assert english.sections[0].title == "Executive summary"


def test_write_pdf(tmp_path, service, deal):
    path = service.write_pdf(service.for_deal(deal.id), tmp_path / "proposal.pdf")
    assert path.read_bytes().startswith(b"%PDF") and path.read_bytes().count(b"/Type /Page\n") > 3
    saved = service.save(service.for_deal(deal.id))
    again = service.write_pdf(saved.id, tmp_path / "again.pdf", language="en")
    assert again.exists()
