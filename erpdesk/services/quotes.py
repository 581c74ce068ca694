"""Quote use cases: the catalogue in force, the rep's quote settings, making
and editing versions, discount approval, sending and the customer's answer,
lists, lines read from a file, and what a quote PDF needs (docs/quotes.md).

The rules live in the domain (``erpdesk.domain.quote``: maths, checks,
numbers, versions, ``send_problems``); this service loads what a rule needs,
applies it and writes the result with its outbox ops in one transaction,
then publishes ``Change("quote", ids)``.

Status flow of a version: a new or edited version is DRAFT, or
PENDING_APPROVAL (with an approval request recorded in the same
transaction) when a line's discount is above the rep's limit.  A manager's
decision on a pending version makes it APPROVED (or leaves it pending,
rejected).  ``mark_sent`` needs ``send_problems`` to be empty and freezes the
version (SENT; an earlier sent version of the same number is SUPERSEDED);
the customer's answer makes it ACCEPTED or DECLINED.  ``new_version`` copies
the latest version; the latest becomes SUPERSEDED unless the customer has it
already (sent, accepted, declined), which stays as it is.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from erpdesk.domain.customer import enum_member, utcnow
from erpdesk.domain.errors import DomainError, NotFound, Problem, ValidationError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.services.events import Change, ChangeFeed

if TYPE_CHECKING:
    # The quote rules (``domain.quote`` reads the playbook's module too: ~25
    # ms), the write side (SQLAlchemy) and the documents stay off the
    # window's start-up path: the methods import them.
    from erpdesk.documents.quote_pdf import QuoteDocument
    from erpdesk.domain.branding import Branding
    from erpdesk.domain.catalogue import Catalogue
    from erpdesk.domain.quote import (
        Milestone,
        PriceMode,
        Quote,
        QuoteApproval,
        QuoteLine,
        QuoteStatus,
    )
    from erpdesk.storage.uow import UnitOfWork

QUOTE_ENTITY = "quote"
DEAL_ENTITY = "deal"
CATALOGUE_ENTITY = "catalogue"
SETTINGS_KEY = "quote_settings"
LANGUAGES = ("zh_CN", "en")
MAX_REP_CODE = 12
MAX_VALIDITY_DAYS = 365
# Status codes: what a new version supersedes (the others the customer has
# seen and keeps), and what is still in play, so that its validity can run out.
SUPERSEDABLE = frozenset({"draft", "pending_approval", "approved"})
EXPIRING = frozenset({*SUPERSEDABLE, "sent"})
DELETABLE = frozenset({"draft", "pending_approval"})
USCC_LENGTH = 18
HEADER_SEARCH = 10  # rows of a lines file looked at for its header row

# The default payment milestones (付款节点): 30 % at signing, 60 % at the
# go-live acceptance, 10 % when the warranty ends.  Their names are content
# in the quote's language (English names for an English quote).
_DEFAULT_MILESTONES = {
    "zh_CN": (
        ("合同签订", "30", "合同签订后 7 日内"),
        ("上线验收", "60", "系统上线验收后 15 日内"),
        ("质保期满", "10", "质保期满后 15 日内"),
    ),
    "en": (
        ("Contract signing", "30", "Within 7 days of signing"),
        ("Go-live acceptance", "60", "Within 15 days of the go-live acceptance"),
        ("End of warranty", "10", "Within 15 days of the end of the warranty"),
    ),
}


def default_milestones(language: str = "zh_CN") -> tuple[Milestone, ...]:
    """The default payment milestones, named in *language* (zh_CN or en)."""
    from erpdesk.domain.quote import Milestone

    rows = _DEFAULT_MILESTONES["en" if language == "en" else "zh_CN"]
    return tuple(Milestone(name, Decimal(percent), due) for name, percent, due in rows)


WHAT_QUOTE = QT_TRANSLATE_NOOP("Domain", "Quote")
FROZEN = QT_TRANSLATE_NOOP(
    "Domain",
    "Version {version} of quote {number} was already sent or replaced and can no longer "
    "change: make a new version",
)
NO_VERSION = QT_TRANSLATE_NOOP("Domain", "Quote {number} has no version {version}")
CUSTOMER_DELETED = QT_TRANSLATE_NOOP(
    "Domain", "The customer {name} has been deleted; a quote needs a current customer"
)
DEAL_OF_OTHER_CUSTOMER = QT_TRANSLATE_NOOP(
    "Domain", "The deal {deal} belongs to another customer than the quote's"
)
NO_SUCH_CUSTOMER = QT_TRANSLATE_NOOP(
    "Domain", "There is no customer {name}; add the customer first, then quote"
)
UNKNOWN_LANGUAGE = QT_TRANSLATE_NOOP(
    "Domain", "A quote is printed in Chinese (zh_CN) or English (en), not {value}"
)
NOT_PENDING = QT_TRANSLATE_NOOP(
    "Domain",
    "Version {version} of quote {number} is not waiting for an approval: only a version "
    "pending approval can be approved or rejected",
)
APPROVER_REQUIRED = QT_TRANSLATE_NOOP("Domain", "Say who decides: the approver's name is required")
SELF_APPROVAL = QT_TRANSLATE_NOOP(
    "Domain",
    "{by} wrote this quote and cannot approve its own discount: another person must decide",
)
NOT_SENT = QT_TRANSLATE_NOOP(
    "Domain",
    "Version {version} of quote {number} has not been sent: only a sent quote can be "
    "accepted or declined",
)
NOT_DELETABLE = QT_TRANSLATE_NOOP(
    "Domain",
    "Version {version} of quote {number} was approved, sent or replaced: only a draft or a "
    "version pending approval can be deleted",
)
BAD_REP_CODE = QT_TRANSLATE_NOOP(
    "Domain", "The rep code must be 1 to 12 letters or digits (A-Z, 0-9), not {value}"
)
BAD_LIMIT = QT_TRANSLATE_NOOP(
    "Domain",
    "The discount limit must be a percentage from 0 to 100 with at most two decimals, not {value}",
)
BAD_VALIDITY = QT_TRANSLATE_NOOP(
    "Domain", "A quote's validity must be from 1 to 365 days, not {value}"
)
NO_LINES_IN_FILE = QT_TRANSLATE_NOOP("Domain", "The file {path} holds no quote lines")
NO_LINE_COLUMNS = QT_TRANSLATE_NOOP(
    "Domain",
    "The file {path} has no header row of quote lines (item or description, quantity and "
    "unit_price; 品名 or 描述, 数量, 单价); its first row holds: {columns}",
)


class QuoteRefused(DomainError):
    """A change a quote's state does not allow (frozen, not pending ...)."""


@dataclass(frozen=True)
class QuoteSettings:
    """The rep's quoting settings (local to the desk, in ``meta``):
    ``rep_code`` in every quote number, the discount limit in percent above
    which a manager approves, how many days a new quote is valid and the
    default payment milestones."""

    rep_code: str
    discount_limit: Decimal = Decimal("10")
    validity_days: int = 30
    milestones: tuple[Milestone, ...] = field(default_factory=default_milestones)


@dataclass(frozen=True)
class QuoteSummary:
    """One version as a list shows it."""

    id: str
    number: str
    version: int
    customer_id: str
    customer_name: str
    deal_id: str | None
    deal_name: str
    title: str
    status: QuoteStatus
    price_mode: PriceMode
    total: Decimal
    quote_date: date
    valid_until: date | None
    expired: bool
    author: str
    sent_at: datetime | None


def settings_problems(settings: QuoteSettings) -> list[Problem]:
    """Everything wrong with *settings* (field names as the dataclass's)."""
    from erpdesk.domain.quote import Quote, quote_problems

    problems: list[Problem] = []
    code = settings.rep_code
    if not (
        isinstance(code, str)
        and 1 <= len(code) <= MAX_REP_CODE
        and code.isascii()
        and code.isalnum()
    ):
        problems.append(Problem("rep_code", "bad_rep_code", BAD_REP_CODE, {"value": code}))
    limit = settings.discount_limit
    if (
        not isinstance(limit, Decimal)
        or not limit.is_finite()
        or not 0 <= limit <= 100
        or limit != limit.quantize(Decimal("0.01"))
    ):
        problems.append(Problem("discount_limit", "bad_limit", BAD_LIMIT, {"value": str(limit)}))
    days = settings.validity_days
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_VALIDITY_DAYS:
        problems.append(Problem("validity_days", "bad_validity", BAD_VALIDITY, {"value": days}))
    # The milestones are checked as a quote's are.
    probe = Quote(number="", customer_id="", milestones=tuple(settings.milestones))
    problems += [
        p for p in quote_problems(probe, today=date.today()) if p.field.startswith("milestones")
    ]
    return problems


def _settings_to_json(s: QuoteSettings) -> str:
    return json.dumps(
        {
            "rep_code": s.rep_code,
            "discount_limit": str(s.discount_limit),
            "validity_days": s.validity_days,
            "milestones": [
                {"name": m.name, "percent": str(m.percent), "due": m.due} for m in s.milestones
            ],
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def _settings_from_json(text: str, default: QuoteSettings) -> QuoteSettings:
    """Stored settings; a value that no longer reads falls back to the default."""
    from erpdesk.domain.quote import Milestone

    try:
        data = json.loads(text)
        return QuoteSettings(
            rep_code=str(data.get("rep_code") or default.rep_code),
            discount_limit=Decimal(str(data.get("discount_limit", default.discount_limit))),
            validity_days=int(data.get("validity_days", default.validity_days)),
            milestones=tuple(
                Milestone(str(m["name"]), Decimal(str(m["percent"])), str(m.get("due", "")))
                for m in data.get("milestones", [])
            ),
        )
    except (ValueError, TypeError, KeyError, AttributeError, InvalidOperation):
        return default


def _playbook_modules() -> list[str] | None:
    """The module codes of the playbook in force (an imported catalogue's
    licences must name one of them); None when the playbook cannot be read."""
    from erpdesk.domain.playbook import PlaybookError
    from erpdesk.playbooks import read_playbook

    try:
        return [module.code for module in read_playbook().modules]
    except PlaybookError:
        return None


class QuoteService:
    """Quotes for one desk user (*user*: author of new versions); publishes
    ``Change("quote", ids)`` after each commit (``Change("catalogue")`` when
    the catalogue changes).

    *catalogue_loader* returns the catalogue in force when the desk stores
    none (default: ``erpdesk.catalogues.read_catalogue()``, the file named by
    ``$ERPDESK_CATALOGUE`` or the shipped one); *clock* returns now, in UTC.
    """

    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        feed: ChangeFeed,
        *,
        user: str = "",
        clock: Callable[[], datetime] = utcnow,
        catalogue_loader: Callable[[], Catalogue] | None = None,
    ) -> None:
        self._uow = uow_factory
        self.feed = feed
        self.user = user
        self._clock = clock
        self._catalogue_loader = catalogue_loader

    # -- helpers -------------------------------------------------------------

    def _now(self) -> datetime:
        return self._clock()

    def today(self) -> date:
        """The local calendar date of the service's clock."""
        return self._now().astimezone().date()

    def _publish(self, *ids: str, deals: Sequence[str | None] = ()) -> None:
        """``Change("quote", ids)``, and ``Change("deal", ...)`` for the deals
        that gained or lost a quote (their health flag "no quote")."""
        self.feed.publish(Change(QUOTE_ENTITY, tuple(ids)))
        deal_ids = tuple(dict.fromkeys(d for d in deals if d))
        if deal_ids:
            self.feed.publish(Change(DEAL_ENTITY, deal_ids))

    @staticmethod
    def _check_parties(uow: UnitOfWork, customer_id: str, deal_id: str | None) -> None:
        """Refuse an unknown (``NotFound``) or deleted customer, an unknown or
        deleted deal, or a deal of another customer."""
        customer = uow.customers.get(customer_id)
        if customer.deleted:
            raise ValidationError(
                [Problem("customer_id", "customer.deleted", CUSTOMER_DELETED,
                         {"name": customer.name})]
            )  # fmt: skip
        if deal_id:
            deal = uow.deals.get(deal_id)
            if deal.customer_id != customer_id:
                raise ValidationError(
                    [Problem("deal_id", "quote.other_customer", DEAL_OF_OTHER_CUSTOMER,
                             {"deal": deal.name})]
                )  # fmt: skip

    def _vat_rates(self, catalogue: Catalogue | None = None) -> frozenset[Decimal]:
        """The rates in force and those the catalogue configures."""
        from erpdesk.domain.quote import VAT_RATES

        catalogue = catalogue or self.catalogue()
        rates = set(VAT_RATES) | set(catalogue.vat_rates.values())
        rates |= {i.vat_rate for i in catalogue.items if i.vat_rate is not None}
        return frozenset(rates)

    def _validate(self, quote: Quote, today: date) -> Quote:
        from erpdesk.domain.quote import validate_quote

        problems: list[Problem] = []
        if quote.language not in LANGUAGES:
            problems.append(
                Problem("language", "unknown_language", UNKNOWN_LANGUAGE, {"value": quote.language})
            )
        try:
            quote = validate_quote(quote, today=today, vat_rates=self._vat_rates())
        except ValidationError as exc:
            problems += exc.problems
        if problems:
            raise ValidationError(problems)
        return quote

    @staticmethod
    def _refuse_frozen(quote: Quote) -> None:
        if quote.frozen:
            raise QuoteRefused(FROZEN, version=quote.version, number=quote.number)

    def _approval_state(
        self, before: Quote | None, after: Quote, now: datetime
    ) -> tuple[Quote, QuoteApproval | None]:
        """*after* as DRAFT, or as PENDING_APPROVAL with the approval request
        to record (written after the version: it refers to it) when it was
        not pending before or its largest discount changed."""
        from erpdesk.domain.quote import QuoteApproval, QuoteStatus, max_discount, needs_approval

        if not needs_approval(after):
            return replace(after, status=QuoteStatus.DRAFT), None
        discount = max_discount(after)
        request = None
        if (
            before is None
            or before.status is not QuoteStatus.PENDING_APPROVAL
            or max_discount(before) != discount
        ):
            request = QuoteApproval(
                after.id, at=now, by=self.user, max_discount=discount,
                created_at=now, updated_at=now,
            )  # fmt: skip
        return replace(after, status=QuoteStatus.PENDING_APPROVAL), request

    # -- the catalogue -------------------------------------------------------

    def catalogue(self) -> Catalogue:
        """The desk's stored catalogue, else the loader's (the shipped one)."""
        from erpdesk.domain.catalogue import parse_catalogue

        with self._uow() as uow:
            data = uow.catalogue.get()
        if data is not None:
            return parse_catalogue(data)
        if self._catalogue_loader is not None:
            return self._catalogue_loader()
        from erpdesk.catalogues import (
            DEFAULT_CATALOGUE,
            default_catalogue_path,
            read_catalogue,
            shipped_catalogue,
        )

        path = default_catalogue_path()
        return shipped_catalogue() if path == DEFAULT_CATALOGUE else read_catalogue(path)

    def save_catalogue(self, catalogue: Catalogue) -> Catalogue:
        """Store *catalogue* as the desk's (checked by reading it back against
        the playbook's modules, so a catalogue that would not load again is
        refused: ``CatalogueError``, nothing stored)."""
        from erpdesk.domain.catalogue import catalogue_to_data, parse_catalogue

        data = catalogue_to_data(catalogue)
        checked = parse_catalogue(data, modules=_playbook_modules())
        with self._uow() as uow:
            uow.catalogue.put(data)
            uow.commit()
        self.feed.publish(Change(CATALOGUE_ENTITY))
        return checked

    def import_catalogue(self, path: Path | str) -> Catalogue:
        """Read an XLSX catalogue (``catalogue_io``) and store it; a file with
        any problem raises ``CatalogueError`` listing them and stores nothing."""
        from erpdesk.services.catalogue_io import import_catalogue_xlsx

        catalogue = import_catalogue_xlsx(Path(path), modules=_playbook_modules())
        return self.save_catalogue(catalogue)

    def quote_line(
        self,
        item_code: str,
        quantity: Decimal | int,
        *,
        language: str = "zh_CN",
        licence_total: Decimal | None = None,
    ) -> QuoteLine:
        """A line for a catalogue item at today's price (a maintenance item's
        price is its percentage of *licence_total*)."""
        return self.catalogue().quote_line(
            item_code, Decimal(quantity), self.today(), language=language,
            licence_total=licence_total,
        )  # fmt: skip

    # -- settings ------------------------------------------------------------

    def _default_settings(self, uow: UnitOfWork) -> QuoteSettings:
        device = (uow.meta_get("device_id") or "00000").replace("-", "")
        return QuoteSettings(rep_code="D" + device[:5].upper())

    def settings(self) -> QuoteSettings:
        """The rep's settings (defaults: rep code "D" and the first five hex
        digits of the desk's device id, limit 10 %, 30 days, 30/60/10)."""
        with self._uow() as uow:
            default = self._default_settings(uow)
            text = uow.meta_get(SETTINGS_KEY)
        return default if text is None else _settings_from_json(text, default)

    def save_settings(self, settings: QuoteSettings) -> QuoteSettings:
        """Check and store *settings* (the rep code upper-cased); raises
        ``ValidationError`` with every problem and stores nothing then."""
        if isinstance(settings.rep_code, str):
            settings = replace(settings, rep_code=settings.rep_code.strip().upper())
        problems = settings_problems(settings)
        if problems:
            raise ValidationError(problems)
        with self._uow() as uow:
            uow.meta_set(SETTINGS_KEY, _settings_to_json(settings))
            uow.commit()
        return settings

    # -- writing -------------------------------------------------------------

    def new_quote(
        self,
        customer_id: str,
        *,
        deal_id: str | None = None,
        lines: Sequence[QuoteLine] = (),
        price_mode: PriceMode | str = "inclusive",
        title: str = "",
        valid_until: date | None = None,
        milestones: Sequence[Milestone] | None = None,
        delivery_terms: str = "",
        language: str = "zh_CN",
    ) -> Quote:
        """A new quote (version 1) of a current customer (and of one of its
        deals), numbered from the rep's code, today and the day's sequence,
        valid for the settings' days unless *valid_until* says otherwise and
        paid by the settings' milestones unless *milestones* are given.
        Raises ``ValidationError`` (every problem), ``NotFound`` for an
        unknown customer or deal; writes nothing then."""
        from erpdesk.domain.quote import PriceMode, Quote, quote_number

        now = self._now()
        today = now.astimezone().date()
        settings = self.settings()
        if milestones is None:
            milestones = settings.milestones
            if language == "en" and tuple(milestones) == default_milestones():
                milestones = default_milestones("en")
        quote = Quote(
            number="",
            customer_id=customer_id,
            deal_id=deal_id or None,
            title=title,
            price_mode=enum_member(PriceMode, price_mode),
            quote_date=today,
            valid_until=valid_until or today + timedelta(days=settings.validity_days),
            lines=tuple(lines),
            milestones=tuple(milestones),
            delivery_terms=delivery_terms,
            language=language,
            author=self.user,
            discount_limit=settings.discount_limit,
            created_at=now,
            updated_at=now,
        )
        quote = self._validate(quote, today)
        with self._uow() as uow:
            self._check_parties(uow, quote.customer_id, quote.deal_id)
            number = ""
            while not number or uow.quotes.number_taken(number):
                number = quote_number(settings.rep_code, today, uow.quote_sequence.next(today))
            quote, request = self._approval_state(None, replace(quote, number=number), now)
            uow.quotes.add(quote)
            if request is not None:
                uow.quote_approvals.add(request)
            uow.commit()
        self._publish(quote.id, deals=[quote.deal_id])
        return quote

    def update(self, quote: Quote) -> Quote:
        """Save the user's fields (``QUOTE_FIELDS``) of an editable version,
        checked again; a version whose discount needs approval becomes (or
        stays) pending, any other a draft (an edited approved version loses
        its approval).  Number, version, customer and author stay.  Raises
        ``QuoteRefused`` for a frozen version, ``ValidationError``."""
        now = self._now()
        today = now.astimezone().date()
        settings = self.settings()
        with self._uow() as uow:
            before = uow.quotes.get(quote.id)
            self._refuse_frozen(before)
            after = replace(
                quote,
                number=before.number,
                version=before.version,
                customer_id=before.customer_id,
                author=before.author,
                status=before.status,
                currency=before.currency,
                sent_at=None,
                discount_limit=settings.discount_limit,
                created_at=before.created_at,
                updated_at=before.updated_at,
                server_version=before.server_version,
                deleted=False,
                deal_id=quote.deal_id or None,
            )
            after = self._validate(after, today)
            from erpdesk.storage.quote_repositories import QUOTE_UPDATE_FIELDS

            if all(getattr(before, f) == getattr(after, f) for f in QUOTE_UPDATE_FIELDS):
                return before
            moved = after.deal_id != before.deal_id
            if moved:
                self._check_parties(uow, after.customer_id, after.deal_id)
            after, request = self._approval_state(before, replace(after, updated_at=now), now)
            saved = uow.quotes.update(before, after)
            if request is not None:
                uow.quote_approvals.add(request)
            uow.commit()
        self._publish(saved.id, deals=[before.deal_id, saved.deal_id] if moved else ())
        return saved

    def new_version(self, quote_id: str) -> Quote:
        """A new version of the quote *quote_id* belongs to: a copy of its
        latest version, dated today, valid as long as that one was.  The
        latest becomes SUPERSEDED unless the customer has it (sent,
        accepted, declined)."""
        from erpdesk.domain.quote import QuoteStatus, new_version

        now = self._now()
        today = now.astimezone().date()
        settings = self.settings()
        with self._uow() as uow:
            number = uow.quotes.get(quote_id).number
            latest = uow.quotes.latest(number)
            assert latest is not None  # the version asked for is live
            made = new_version(latest, author=self.user, today=today)
            made = replace(
                made,
                version=uow.quotes.next_version(number),
                discount_limit=settings.discount_limit,
                created_at=now,
                updated_at=now,
            )
            if latest.status.value in SUPERSEDABLE:
                uow.quotes.update(
                    latest, replace(latest, status=QuoteStatus.SUPERSEDED, updated_at=now)
                )
            made, request = self._approval_state(None, made, now)
            uow.quotes.add(made)
            if request is not None:
                uow.quote_approvals.add(request)
            uow.commit()
        self._publish(latest.id, made.id)
        return made

    def record_approval(
        self, quote_id: str, *, by: str, approve: bool, note: str = ""
    ) -> QuoteApproval:
        """A manager's decision on a version pending approval: *by* (not the
        quote's author) approves (the version becomes APPROVED) or rejects
        it (it stays pending: the rep lowers the discount or asks again)."""
        from erpdesk.domain.quote import (
            ApprovalDecision,
            QuoteApproval,
            QuoteStatus,
            max_discount,
        )

        now = self._now()
        by = (by or "").strip()
        if not by:
            raise ValidationError([Problem("by", "approver_required", APPROVER_REQUIRED)])
        with self._uow() as uow:
            quote = uow.quotes.get(quote_id)
            if quote.status is not QuoteStatus.PENDING_APPROVAL:
                raise QuoteRefused(NOT_PENDING, version=quote.version, number=quote.number)
            if by.casefold() == quote.author.strip().casefold():
                raise QuoteRefused(SELF_APPROVAL, by=by)
            decision = ApprovalDecision.APPROVED if approve else ApprovalDecision.REJECTED
            approval = QuoteApproval(
                quote.id, at=now, by=by, max_discount=max_discount(quote), decision=decision,
                note=(note or "").strip(), created_at=now, updated_at=now,
            )  # fmt: skip
            uow.quote_approvals.add(approval)
            if approve:
                # the version's edit time stays: the decision is not an edit
                uow.quotes.update(quote, replace(quote, status=QuoteStatus.APPROVED))
            uow.commit()
        self._publish(quote.id)
        return approval

    def mark_sent(self, quote_id: str) -> Quote:
        """Freeze the version as sent to the customer; refused with every
        reason of ``send_problems`` (pending approval, rejected, expired,
        frozen).  An earlier sent version of the number is superseded."""
        from erpdesk.domain.quote import QuoteStatus, send_problems

        now = self._now()
        today = now.astimezone().date()
        with self._uow() as uow:
            quote = uow.quotes.get(quote_id)
            problems = send_problems(quote, uow.quote_approvals.for_quote(quote.id), today=today)
            if problems:
                raise ValidationError(problems)
            for older in uow.quotes.versions(quote.number):
                if older.status is QuoteStatus.SENT and older.id != quote.id:
                    uow.quotes.update(
                        older, replace(older, status=QuoteStatus.SUPERSEDED, updated_at=now)
                    )
            sent = replace(quote, status=QuoteStatus.SENT, sent_at=now, updated_at=now)
            saved = uow.quotes.update(quote, sent)
            uow.commit()
        self._publish(quote.id)
        return saved

    def mark_outcome(self, quote_id: str, accepted: bool) -> Quote:
        """The customer's answer to a sent version: ACCEPTED or DECLINED."""
        from erpdesk.domain.quote import QuoteStatus

        now = self._now()
        with self._uow() as uow:
            quote = uow.quotes.get(quote_id)
            if quote.status is not QuoteStatus.SENT:
                raise QuoteRefused(NOT_SENT, version=quote.version, number=quote.number)
            status = QuoteStatus.ACCEPTED if accepted else QuoteStatus.DECLINED
            saved = uow.quotes.update(quote, replace(quote, status=status, updated_at=now))
            uow.commit()
        self._publish(quote.id)
        return saved

    def delete(self, quote_id: str) -> None:
        """Tombstone a draft or pending version (a delete op)."""
        with self._uow() as uow:
            quote = uow.quotes.get(quote_id)
            if quote.status.value not in DELETABLE:
                raise QuoteRefused(NOT_DELETABLE, version=quote.version, number=quote.number)
            uow.quotes.delete(quote)
            uow.commit()
        self._publish(quote_id, deals=[quote.deal_id])

    # -- reading -------------------------------------------------------------

    def get(self, quote_id: str) -> Quote:
        """The live version *quote_id*; ``NotFound`` otherwise."""
        with self._uow() as uow:
            return uow.quotes.get(quote_id)

    def by_number(self, number: str, version: int | None = None) -> Quote:
        """Version *version* of the quote *number* (its latest live version
        when None); ``NotFound`` when there is none."""
        number = (number or "").strip().upper()
        with self._uow() as uow:
            if version is None:
                found = uow.quotes.latest(number)
            else:
                found = next((q for q in uow.quotes.versions(number) if q.version == version), None)
                if found is None and uow.quotes.latest(number) is not None:
                    raise NotFound(NO_VERSION, number=number, version=version)
        if found is None:
            raise NotFound(what=WHAT_QUOTE, id=number)
        return found

    def versions(self, number: str) -> list[Quote]:
        """Every live version of the quote *number*, the first first."""
        with self._uow() as uow:
            return uow.quotes.versions((number or "").strip().upper())

    def approvals(self, quote_id: str) -> list[QuoteApproval]:
        """The version's approval requests and decisions, oldest first."""
        with self._uow() as uow:
            return uow.quote_approvals.for_quote(quote_id)

    def summaries(
        self,
        *,
        customer_id: str | None = None,
        deal_id: str | None = None,
        status: QuoteStatus | str | Collection[QuoteStatus] | None = None,
        limit: int | None = 200,
        offset: int = 0,
        latest_only: bool = True,
    ) -> list[QuoteSummary]:
        """Quotes for a list, newest first: the latest live version of each
        number (every live version without *latest_only*), filtered by
        customer, deal and status (a status, its code, or several)."""
        return self._summaries(
            customer_id=customer_id, deal_id=deal_id, status=status, limit=limit,
            offset=offset, latest_only=latest_only,
        )  # fmt: skip

    def summary(self, quote_id: str) -> QuoteSummary:
        """The version *quote_id* as a list shows it; ``NotFound`` otherwise."""
        found = self._summaries(quote_ids=[quote_id], latest_only=False, limit=None)
        if not found:
            raise NotFound(what=WHAT_QUOTE, id=quote_id)
        return found[0]

    def _summaries(
        self,
        *,
        customer_id: str | None = None,
        deal_id: str | None = None,
        status: QuoteStatus | str | Collection[QuoteStatus] | None = None,
        quote_ids: Collection[str] | None = None,
        limit: int | None = 200,
        offset: int = 0,
        latest_only: bool = True,
    ) -> list[QuoteSummary]:
        from erpdesk.domain.quote import PriceMode, QuoteStatus
        from erpdesk.storage.mapping import from_fen, from_text

        statuses: Collection[QuoteStatus] | None
        if status is None:
            statuses = None
        elif isinstance(status, str):
            statuses = [enum_member(QuoteStatus, status)]
        else:
            statuses = list(status)
        today = self.today()
        with self._uow() as uow:
            rows = uow.quotes.list(
                customer_id=customer_id, deal_id=deal_id, status=statuses, quote_ids=quote_ids,
                latest_only=latest_only, limit=limit, offset=offset,
            )  # fmt: skip
        out = []
        for r in rows:
            valid_until = date.fromisoformat(r["valid_until"]) if r["valid_until"] else None
            state = enum_member(QuoteStatus, r["status"])
            out.append(
                QuoteSummary(
                    id=r["id"],
                    number=r["number"],
                    version=r["version"],
                    customer_id=r["customer_id"],
                    customer_name=r["customer_name"],
                    deal_id=r["deal_id"],
                    deal_name=r["deal_name"] or "",
                    title=r["title"],
                    status=state,
                    price_mode=enum_member(PriceMode, r["price_mode"]),
                    total=from_fen(r["total_fen"]),
                    quote_date=date.fromisoformat(r["quote_date"]),
                    valid_until=valid_until,
                    expired=state.value in EXPIRING
                    and valid_until is not None
                    and valid_until < today,
                    author=r["author"],
                    sent_at=from_text(r["sent_at"]) if r["sent_at"] else None,
                )
            )
        return out

    def find_customer(self, text: str) -> str:
        """The id of the live customer *text* names: its credit code (统一社会
        信用代码) or its name, found as ``erpdesk import deals`` finds a row's
        customer (normalised names; several namesakes told apart by the exact
        name).  A ``DomainError`` says why there is none."""
        from erpdesk.domain.uscc import normalize_uscc
        from erpdesk.services import deal_import
        from erpdesk.services.importer import TransferError

        text = (text or "").strip()
        code = normalize_uscc(text)
        is_code = len(code) == USCC_LENGTH and code.isascii() and code.isalnum()
        with self._uow() as uow:
            known = deal_import._Customers(uow)  # the import's look-up, reused
            found = known.find("" if is_code else text, code if is_code else "")
        if isinstance(found, str):
            return found
        if found.text == deal_import.NO_SUCH_CUSTOMER:
            raise NotFound(NO_SUCH_CUSTOMER, **found.params)
        if found.text == deal_import.CUSTOMER_DELETED:
            raise DomainError(CUSTOMER_DELETED, **found.params)
        raise TransferError(found.text, **found.params)

    def has_quote(self, deal_id: str) -> bool:
        """Whether the deal has a live quote."""
        with self._uow() as uow:
            return uow.quotes.exists_for_deal(deal_id)

    def lines_from_file(self, path: Path | str, *, language: str = "zh_CN") -> list[QuoteLine]:
        """The quote lines of a CSV (UTF-8 or GBK) or XLSX file with a header
        row (English or Chinese headers: ``quote.LINE_COLUMNS``).  Every bad
        row is reported at once (``ValidationError``, messages naming the
        row), and no line is made then; a file that cannot be read raises
        the import's ``ImportFileError``."""
        from erpdesk.domain.quote import ItemKind, line_column, parse_line
        from erpdesk.services.importer import read_table

        path = Path(path)
        table = list(read_table(path))
        if not table:
            raise ValidationError(
                [Problem("file", "no_lines", NO_LINES_IN_FILE, {"path": str(path)})]
            )
        found = next(
            (
                i
                for i, (_n, cells) in enumerate(table[:HEADER_SEARCH])
                if {line_column(c) for c in cells} >= {"description", "quantity", "unit_price"}
                or {line_column(c) for c in cells} >= {"item", "quantity"}
            ),
            None,
        )
        if found is None:
            shown = "、".join(c for c in table[0][1] if c) or "-"
            raise ValidationError(
                [
                    Problem(
                        "file", "no_header", NO_LINE_COLUMNS, {"path": str(path), "columns": shown}
                    )
                ]
            )
        header = table[found][1]
        catalogue = self.catalogue()
        kinds = {item.code: item.kind for item in catalogue.items}
        rates = self._vat_rates(catalogue)
        today = self.today()

        def from_catalogue(code: str, quantity: Decimal) -> QuoteLine | None:
            if code not in kinds:
                return None  # not a code: the line's name
            licences = None
            if kinds[code] is ItemKind.MAINTENANCE and any(
                line.group is ItemKind.LICENCE for line in lines
            ):  # maintenance is a share of the licences above it, at list price
                licences = sum(
                    (
                        line.quantity * (line.list_price or line.unit_price)
                        for line in lines
                        if line.group is ItemKind.LICENCE
                    ),
                    Decimal(0),
                )
            return catalogue.quote_line(
                code, quantity, today, language=language, licence_total=licences
            )

        lines: list[QuoteLine] = []
        problems: list[Problem] = []
        for number, cells in table[found + 1 :]:
            row: dict[str, Any] = {}
            for i, head in enumerate(header):
                if head or (i < len(cells) and cells[i]):
                    row.setdefault(head, cells[i] if i < len(cells) else "")
            line, found_problems = parse_line(
                row, row_number=number, item_kinds=kinds, kind_vat_rates=catalogue.vat_rates,
                vat_rates=rates, from_catalogue=from_catalogue,
            )  # fmt: skip
            problems += found_problems
            if line is not None:
                lines.append(line)
        if problems:
            raise ValidationError(problems)
        if not lines:
            raise ValidationError(
                [Problem("file", "no_lines", NO_LINES_IN_FILE, {"path": str(path)})]
            )
        return lines

    def document(self, quote_id: str, branding: Branding) -> QuoteDocument:
        """Everything the quote PDF of the version *quote_id* shows."""
        from erpdesk.documents.quote_pdf import QuoteDocument
        from erpdesk.domain.quote import quote_totals

        with self._uow() as uow:
            quote = uow.quotes.get(quote_id)
            customer = uow.customers.get(quote.customer_id)
            contacts = uow.contacts.for_customer(quote.customer_id)
            deal_name = uow.deals.get(quote.deal_id, deleted=True).name if quote.deal_id else ""
        contacts.sort(key=lambda c: (c.created_at, c.name))
        contact = next((c for c in contacts if c.mobile or c.office_phone), None)
        if contact is None and contacts:
            contact = contacts[0]
        return QuoteDocument(
            quote=quote,
            totals=quote_totals(quote),
            customer=customer,
            contact=contact,
            deal_name=deal_name,
            branding=branding,
            author=quote.author,
        )
