"""Demo proposals on a real database: every deal in stage 4 or later that
has a quote gets a stored proposal whose benefit figures give an annual
benefit, deterministic for a seed, valid, never synced; its PDF content has
a filled benefit analysis."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from erpdesk.app import open_desk
from erpdesk.domain.benefit import benefit_problems
from erpdesk.domain.customer import Customer, Industry, SizeBand
from erpdesk.domain.proposal import SectionCode, proposal_problems
from erpdesk.services.demo import generate_demo
from erpdesk.services.demo_proposals import ProposalMaker

NOW = datetime(2026, 6, 1, 4, 0, tzinfo=UTC)


@pytest.fixture
def desk(tmp_path):
    opened = open_desk(tmp_path / "desk.db")
    yield opened
    opened.close()


def demo_figures(desk) -> list[tuple[str, str, str]]:
    rows = desk.db.reader.execute("SELECT deal_id, benefit, dated FROM proposal ORDER BY deal_id")
    return [(r["deal_id"], r["benefit"], r["dated"]) for r in rows]


def test_the_demo_gives_quoted_deals_a_proposal_with_a_benefit(desk) -> None:
    generate_demo(desk.unit_of_work, customers=150, seed=5, now=NOW, deals=60, closed_deals=20)
    quoted = {
        r["deal_id"]: r["stage"]
        for r in desk.db.reader.execute(
            "SELECT DISTINCT q.deal_id, d.stage FROM quote q JOIN deal d ON d.id = q.deal_id"
        )
    }
    assert quoted, "the demo should make quotes"
    proposals = desk.db.reader.execute("SELECT id, deal_id FROM proposal").fetchall()
    assert {r["deal_id"] for r in proposals} == {d for d, stage in quoted.items() if stage >= 4}
    assert (
        desk.db.reader.execute("SELECT count(*) FROM outbox WHERE entity = 'proposal'").fetchone()[
            0
        ]
        == 0
    )
    paybacks = []
    for row in proposals:
        proposal = desk.proposals.get(row["id"])
        assert proposal_problems(proposal) == []
        result = desk.proposals.benefit(proposal)
        assert result.annual_benefit > 0
        assert result.investment > 0
        assert proposal.benefit.annual_revenue > 0 and proposal.benefit.inventory_value > 0
        if result.payback_months is not None:
            paybacks.append(result.payback_months)
    assert paybacks and sorted(paybacks)[len(paybacks) // 2] < 60  # a sober median

    # `erpdesk proposal pdf DEAL` prints a filled benefit analysis
    content = desk.proposals.content(desk.proposals.for_deal(proposals[0]["deal_id"]))
    benefits = content.section(SectionCode.BENEFITS)
    assert benefits is not None
    text = benefits.plain_text()
    assert "降低库存" in text and "¥" in text


def test_the_same_seed_gives_the_same_proposals(tmp_path) -> None:
    made = []
    for name in ("a.db", "b.db"):
        desk = open_desk(tmp_path / name)
        try:
            generate_demo(desk.unit_of_work, customers=90, seed=8, now=NOW, deals=40)
            made.append(demo_figures(desk))
        finally:
            desk.close()
    assert made[0] and made[0] == made[1]


@pytest.mark.parametrize("band", list(SizeBand))
def test_figures_fit_the_customer_and_read_back_clean(band) -> None:
    maker = ProposalMaker(1, "1", NOW)
    customer = Customer(name="某某制造有限公司", industry=Industry.MACHINERY, size_band=band)
    for _ in range(20):
        inputs = maker.figures(customer, None, Decimal("800000"))
        assert benefit_problems(inputs) == []
        assert inputs.annual_revenue >= 5_000_000
        assert inputs.inventory_value < inputs.annual_revenue
        assert inputs.receivables < inputs.annual_revenue
        assert Decimal(0) < inputs.inventory_reduction <= Decimal(60)


def test_a_service_company_has_no_production_figures() -> None:
    maker = ProposalMaker(2, "2", NOW)
    customer = Customer(name="某某物流有限公司", industry=Industry.LOGISTICS)
    for _ in range(20):
        inputs = maker.figures(customer, Decimal("50000000"), Decimal("300000"))
        assert inputs.annual_revenue == Decimal("50000000")
        assert inputs.production_cost == 0 and inputs.wip_value == 0
