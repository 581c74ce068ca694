"""Proposal use cases: a deal's (or a customer's) proposal, read or made
new, saved with its outbox op, assembled into content and written as a PDF.

A deal has one proposal (a customer without a deal may have one of its
own); until it is saved, ``for_deal`` answers a new default one, so the
rep can look at the generated text before changing anything.  What a
proposal is assembled from is read in one unit of work: the customer, the
deal, its and its customer's worksheets, the playbook's module names, the
catalogue's FAB statements for the solution's modules, the quote (the one
the proposal names, else the deal's latest live one) and the branding.
The investment of the benefit model is the quote's total unless the rep
typed one (else the deal's estimated amount).

Every rule lives in the domain (``erpdesk.domain.proposal``,
``erpdesk.domain.benefit``); the texts this service raises are the
domain's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from erpdesk.domain.benefit import BenefitResult, benefit_model, with_investment
from erpdesk.domain.customer import Customer, utcnow
from erpdesk.domain.deal import Deal, Worksheet
from erpdesk.domain.errors import DomainError, NotFound, Problem, ValidationError
from erpdesk.domain.proposal import (
    CUSTOMER_GONE,
    DEAL_GONE,
    DEAL_OF_OTHER_CUSTOMER,
    NO_SUCH_TARGET,
    WHAT_PROPOSAL,
    ModuleOffer,
    Proposal,
    ProposalContent,
    Sources,
    Supplier,
    assemble,
    scope_modules,
    validate_proposal,
)
from erpdesk.domain.quote import Quote, QuoteStatus, QuoteTotals
from erpdesk.services.events import Change, ChangeFeed

if TYPE_CHECKING:
    from erpdesk.domain.branding import Branding
    from erpdesk.domain.catalogue import Catalogue, CatalogueItem, Fab
    from erpdesk.domain.playbook import Playbook
    from erpdesk.services.quotes import QuoteService
    from erpdesk.storage.uow import UnitOfWork

PROPOSAL_ENTITY = "proposal"  # the change feed's entity
# Quote versions a proposal never prints as its quote.
NOT_PRINTED = frozenset({QuoteStatus.DECLINED, QuoteStatus.SUPERSEDED})


@dataclass(frozen=True)
class _Facts:
    """What a proposal is assembled from, read in one unit of work."""

    customer: Customer
    deal: Deal | None
    worksheets: list[Worksheet]
    quote: Quote | None


class ProposalService:
    """Proposals for one desk user (*user*: the author of new ones);
    publishes ``Change("proposal", ids)`` after each commit.

    *quotes* gives the deal's quote and the catalogue; without it a
    proposal has no quote summary and the catalogue is *catalogue*'s (a
    function returning it; default the one ``erpdesk.catalogues`` reads).
    *branding* returns the company's branding (default: the desk's saved
    one, ``BrandingService``); *playbook* the playbook in force; *clock*
    now, in UTC."""

    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        feed: ChangeFeed,
        *,
        user: str = "",
        clock: Callable[[], datetime] = utcnow,
        quotes: QuoteService | None = None,
        catalogue: Callable[[], Catalogue] | None = None,
        branding: Callable[[], Branding] | None = None,
        playbook: Callable[[], Playbook] | None = None,
    ) -> None:
        self._uow = uow_factory
        self.feed = feed
        self.user = user
        self._clock = clock
        self._quotes = quotes
        self._catalogue = catalogue
        self._branding = branding
        self._playbook = playbook

    # -- helpers -------------------------------------------------------------

    def _today(self) -> datetime:
        return self._clock()

    def playbook(self) -> Playbook:
        if self._playbook is not None:
            return self._playbook()
        from erpdesk.playbooks import read_playbook

        return read_playbook()

    def catalogue(self) -> Catalogue:
        if self._catalogue is not None:
            return self._catalogue()
        if self._quotes is not None:
            return self._quotes.catalogue()
        from erpdesk.catalogues import read_catalogue

        return read_catalogue()

    def branding(self) -> Branding:
        if self._branding is not None:
            return self._branding()
        from erpdesk.services.branding import BrandingService

        return BrandingService(self._uow).get()

    @staticmethod
    def _live_customer(uow: UnitOfWork, customer_id: str) -> Customer:
        customer = uow.customers.get(customer_id)
        if customer.deleted:
            raise DomainError(CUSTOMER_GONE, name=customer.name)
        return customer

    @staticmethod
    def _live_deal(uow: UnitOfWork, deal_id: str) -> Deal:
        deal = uow.deals.get(deal_id, deleted=True)
        if deal.deleted:
            raise DomainError(DEAL_GONE, name=deal.name)
        return deal

    def _new(self, customer_id: str, deal_id: str | None) -> Proposal:
        now = self._clock()
        return Proposal(
            customer_id=customer_id,
            deal_id=deal_id,
            author=self.user,
            dated=now.astimezone().date(),
            created_at=now,
            updated_at=now,
        )

    # -- reading ---------------------------------------------------------------

    def for_deal(self, deal_id: str) -> Proposal:
        """The deal's saved proposal, else a new unsaved one.  ``NotFound``
        for an unknown deal; a deleted deal or customer says so."""
        with self._uow() as uow:
            deal = self._live_deal(uow, deal_id)
            self._live_customer(uow, deal.customer_id)
            found = uow.proposals.for_deal(deal_id)
        return found if found is not None else self._new(deal.customer_id, deal_id)

    def for_customer(self, customer_id: str) -> Proposal:
        """The customer's own proposal (of no deal), else a new unsaved one."""
        with self._uow() as uow:
            self._live_customer(uow, customer_id)
            found = uow.proposals.for_customer(customer_id)
        return found if found is not None else self._new(customer_id, None)

    def get(self, proposal_id: str) -> Proposal:
        with self._uow() as uow:
            return uow.proposals.get(proposal_id)

    def names(self, proposal: Proposal) -> tuple[str, str]:
        """The names of the proposal's customer and deal ("" without one)."""
        with self._uow() as uow:
            customer = uow.customers.get(proposal.customer_id).name
            deal = uow.deals.get(proposal.deal_id, deleted=True).name if proposal.deal_id else ""
        return customer, deal

    def resolve(self, target: str) -> Proposal:
        """The proposal *target* names: a deal's id, else a customer by its
        credit code or name (found as ``erpdesk import deals`` finds a
        row's customer).  A ``DomainError`` says why there is none."""
        target = (target or "").strip()
        with self._uow() as uow:
            try:
                deal: Deal | None = uow.deals.get(target, deleted=True)
            except NotFound:
                deal = None
        if deal is not None:
            return self.for_deal(deal.id)
        return self.for_customer(self.find_customer(target))

    def find_customer(self, text: str) -> str:
        """The id of the live customer *text* names by credit code or name."""
        from erpdesk.domain.uscc import normalize_uscc
        from erpdesk.services import deal_import

        code = normalize_uscc(text)
        is_code = len(code) == 18 and code.isascii() and code.isalnum()
        with self._uow() as uow:
            known = deal_import._Customers(uow)  # the import's look-up, reused
            found = known.find("" if is_code else text, code if is_code else "")
        if isinstance(found, str):
            return found
        if found.text == deal_import.CUSTOMER_DELETED:
            raise DomainError(CUSTOMER_GONE, **found.params)
        if found.text in (deal_import.NO_SUCH_CUSTOMER, deal_import.NO_SUCH_USCC):
            raise DomainError(NO_SUCH_TARGET, target=text)
        from erpdesk.services.importer import TransferError

        raise TransferError(found.text, **found.params)

    # -- writing ---------------------------------------------------------------

    def save(self, proposal: Proposal) -> Proposal:
        """Create or update *proposal* after checking it
        (``validate_proposal``: lengths, language, benefit figures); its
        customer must be current and its deal, if any, a live deal of that
        customer.  Writes its outbox op in the same transaction."""
        proposal = validate_proposal(proposal)
        with self._uow() as uow:
            self._live_customer(uow, proposal.customer_id)
            if proposal.deal_id is not None:
                deal = self._live_deal(uow, proposal.deal_id)
                if deal.customer_id != proposal.customer_id:
                    raise ValidationError(
                        [Problem("deal_id", "proposal.other_customer", DEAL_OF_OTHER_CUSTOMER,
                                 {"deal": deal.name})]
                    )  # fmt: skip
            existing = uow.proposals.find(proposal.id)
            if existing is not None and not existing.deleted:
                saved = uow.proposals.update(existing, proposal)
            elif existing is not None:
                raise NotFound(what=WHAT_PROPOSAL, id=proposal.id)
            else:
                saved = replace(proposal, author=proposal.author or self.user)
                uow.proposals.add(saved)
            uow.commit()
        self.feed.publish(Change(PROPOSAL_ENTITY, (saved.id,)))
        return saved

    def delete(self, proposal_id: str) -> None:
        with self._uow() as uow:
            uow.proposals.delete(uow.proposals.get(proposal_id))
            uow.commit()
        self.feed.publish(Change(PROPOSAL_ENTITY, (proposal_id,)))

    # -- assembling ------------------------------------------------------------

    def _facts(self, proposal: Proposal) -> _Facts:
        with self._uow() as uow:
            customer = self._live_customer(uow, proposal.customer_id)
            deal = None
            if proposal.deal_id is not None:
                deal = self._live_deal(uow, proposal.deal_id)
            sheets = [
                w
                for w in uow.worksheets.of(customer_id=proposal.customer_id)
                if w.deal_id is None or w.deal_id == proposal.deal_id
            ]
        return _Facts(customer, deal, sheets, self._quote(proposal))

    def _quote(self, proposal: Proposal) -> Quote | None:
        """The quote the proposal names, else its deal's latest live one
        that is not declined or superseded."""
        if self._quotes is None:
            return None
        if proposal.quote_id:
            try:
                quote = self._quotes.get(proposal.quote_id)
            except NotFound:
                quote = None
            if quote is not None and not quote.deleted:
                return quote
        if proposal.deal_id is None:
            return None
        for summary in self._quotes.summaries(deal_id=proposal.deal_id, limit=None):
            if summary.status not in NOT_PRINTED:
                return self._quotes.get(summary.id)
        return None

    def benefit(self, proposal: Proposal) -> BenefitResult:
        """The benefit model of *proposal*'s figures, the investment being
        the quote's total unless one was typed."""
        return self._benefit(proposal, self._facts(proposal))

    @staticmethod
    def _totals(quote: Quote | None) -> QuoteTotals | None:
        from erpdesk.domain.quote import quote_totals

        return quote_totals(quote) if quote is not None and quote.lines else None

    def _benefit(self, proposal: Proposal, facts: _Facts) -> BenefitResult:
        totals = self._totals(facts.quote)
        investment: Decimal | None = totals.total if totals is not None else None
        if investment is None and facts.deal is not None and facts.deal.amount:
            investment = facts.deal.amount
        inputs = with_investment(proposal.benefit, investment)
        return benefit_model(inputs, years=proposal.benefit_years)

    def content(self, proposal: Proposal, *, language: str | None = None) -> ProposalContent:
        """The assembled content of *proposal* (in *language* when given,
        else in the proposal's own)."""
        if language is not None:
            proposal = replace(proposal, language=language)
        return assemble(proposal, self.sources(proposal))

    def sources(self, proposal: Proposal) -> Sources:
        facts = self._facts(proposal)
        playbook = self.playbook()
        totals = self._totals(facts.quote)
        codes = list(scope_modules(facts.deal, facts.worksheets))
        catalogue = self.catalogue()
        if facts.quote is not None:
            for line in facts.quote.lines:
                module = _item_module(catalogue, line.item)
                if module and module not in codes:
                    codes.append(module)
        branding = self.branding()
        language = proposal.language
        supplier = Supplier(
            name=branding.name(language),
            address=branding.address(language),
            phone=branding.phone,
            email=branding.email,
            website=branding.website,
        )
        return Sources(
            customer=facts.customer,
            supplier=supplier,
            benefit=self._benefit(proposal, facts),
            deal=facts.deal,
            worksheets=facts.worksheets,
            modules=module_offers(codes, catalogue, playbook, language),
            quote=facts.quote if totals is not None else None,
            totals=totals,
            playbook=playbook,
        )

    def write_pdf(
        self, proposal: Proposal | str, path: Path | str, *, language: str | None = None
    ) -> Path:
        """Write the proposal (or the saved proposal of that id) as a PDF
        at *path*, whole or not at all, in *language* when given."""
        from erpdesk.documents.proposal_pdf import write_proposal_pdf

        if isinstance(proposal, str):
            proposal = self.get(proposal)
        content = self.content(proposal, language=language)
        return write_proposal_pdf(Path(path), content, branding=self.branding())


def _item_module(catalogue: Catalogue, code: str) -> str:
    if not code:
        return ""
    for item in catalogue.items:
        if item.code == code:
            return item.module
    return ""


def module_offers(
    codes: Sequence[str], catalogue: Catalogue, playbook: Playbook, language: str
) -> tuple[ModuleOffer, ...]:
    """The solution's modules in *language*: each named as the playbook
    names it, described by its licence (else its first item) in the
    catalogue, with the FAB statements of all its items."""
    from erpdesk.domain.quote import ItemKind

    names = {m.code: m.names.text(language) for m in playbook.modules}
    found: dict[str, list[tuple[CatalogueItem, tuple[Fab, ...]]]] = {}
    for item, fabs in catalogue.modules_fab(codes, language):
        found.setdefault(item.module, []).append((item, fabs))
    offers = []
    for code in codes:
        items = sorted(found.get(code, []), key=lambda pair: pair[0].kind is not ItemKind.LICENCE)
        description = next((i.description.get(language) for i, _f in items), "")
        fab = tuple(
            (f.feature.get(language), f.advantage.get(language), f.benefit.get(language))
            for _item, fabs in items
            for f in fabs
        )
        name = names.get(code) or (items[0][0].name.get(language) if items else code)
        offers.append(ModuleOffer(code, name, description, fab))
    return tuple(offers)
