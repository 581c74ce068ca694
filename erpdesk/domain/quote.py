"""Quotes (报价单): versions, lines, the exact quote maths, milestones and the
discount approval rule.

A quote is a family of versions sharing a ``number`` (unique across every
desk: the rep's code, the date and a local sequence, see ``quote_number``).
Each ``Quote`` record is one version; a sent version is frozen and a new
version starts as a copy of the latest (``new_version``).

The maths (``line_amounts``, ``quote_totals``) is the rule the issue
states, in ``Decimal``, each amount rounded half-up to the fen once:

- tax-exclusive (不含税): net = qty × price × (1 − discount), VAT = net ×
  rate, total = net + VAT;
- tax-inclusive (含税): total = qty × price × (1 − discount), net = total ÷
  (1 + rate), VAT = total − net.

Totals (a group's subtotal, the quote's) are always the sums of the lines as
printed.  Discounts and VAT rates are percentages (``Decimal("13")`` is
13 %).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from decimal import Decimal, localcontext
from typing import Any

from erpdesk.domain.customer import LabelledEnum, new_id, utcnow
from erpdesk.domain.dates import date_problem
from erpdesk.domain.deal_rules import fold, parse_amount
from erpdesk.domain.errors import DomainError, Problem, ValidationError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.money import MONEY_CONTEXT, amount_in_words, round_fen


class ItemKind(LabelledEnum):
    """What a catalogue item (and a quote line, and a quote's group) is."""

    LICENCE = ("licence", QT_TRANSLATE_NOOP("Domain", "Software licences"), "软件许可")
    SERVICE = ("service", QT_TRANSLATE_NOOP("Domain", "Implementation services"), "实施服务")
    MAINTENANCE = ("maintenance", QT_TRANSLATE_NOOP("Domain", "Annual maintenance"), "年度维护")
    THIRD_PARTY = ("third_party", QT_TRANSLATE_NOOP("Domain", "Third-party items"), "第三方产品")


class PriceMode(LabelledEnum):
    """Whether a quote's unit prices include VAT (含税, China's default)."""

    INCLUSIVE = ("inclusive", QT_TRANSLATE_NOOP("Domain", "Tax-inclusive"), "含税")
    EXCLUSIVE = ("exclusive", QT_TRANSLATE_NOOP("Domain", "Tax-exclusive"), "不含税")


class QuoteStatus(LabelledEnum):
    """A version's state.  DRAFT and PENDING_APPROVAL and APPROVED are
    editable (an edit of an approved version makes it a draft again and, if
    its discount still needs approval, pending); SENT, ACCEPTED, DECLINED and
    SUPERSEDED are frozen."""

    DRAFT = ("draft", QT_TRANSLATE_NOOP("Domain", "Draft"), "草稿")
    PENDING_APPROVAL = (
        "pending_approval",
        QT_TRANSLATE_NOOP("Domain", "Pending approval"),
        "待审批",
    )
    APPROVED = ("approved", QT_TRANSLATE_NOOP("Domain", "Approved"), "已审批")
    SENT = ("sent", QT_TRANSLATE_NOOP("Domain", "Sent"), "已发送")
    ACCEPTED = ("accepted", QT_TRANSLATE_NOOP("Domain", "Accepted"), "已接受")
    DECLINED = ("declined", QT_TRANSLATE_NOOP("Domain", "Declined"), "已拒绝")
    SUPERSEDED = ("superseded", QT_TRANSLATE_NOOP("Domain", "Superseded"), "已被新版本取代")


FROZEN = frozenset(
    {QuoteStatus.SENT, QuoteStatus.ACCEPTED, QuoteStatus.DECLINED, QuoteStatus.SUPERSEDED}
)


class ApprovalDecision(LabelledEnum):
    """A manager's answer to a discount approval request."""

    APPROVED = ("approved", QT_TRANSLATE_NOOP("Domain", "Approved"), "批准")
    REJECTED = ("rejected", QT_TRANSLATE_NOOP("Domain", "Rejected"), "驳回")


@dataclass(frozen=True)
class QuoteLine:
    """One line as the rep typed it.  ``item`` is the catalogue item's code
    ("" for a free line); ``group`` is the subtotal it counts in; money and
    percentages are ``Decimal`` (``discount`` and ``vat_rate`` in percent)."""

    description: str
    quantity: Decimal
    unit_price: Decimal
    group: ItemKind = ItemKind.LICENCE
    item: str = ""
    unit: str = ""
    discount: Decimal = Decimal("0")
    vat_rate: Decimal = Decimal("13")
    list_price: Decimal | None = None  # the price list's price, when from the catalogue


@dataclass(frozen=True)
class LineAmounts:
    """A line's (or a group's, or a quote's) printed amounts, to the fen."""

    net: Decimal
    vat: Decimal
    total: Decimal


@dataclass(frozen=True)
class Milestone:
    """A payment milestone (付款节点): a name, its share of the total in
    percent and when it falls due (free text such as "合同签订后 7 日内")."""

    name: str
    percent: Decimal
    due: str = ""


@dataclass(frozen=True)
class QuoteTotals:
    """Every amount of a quote: the lines' amounts (in line order), each
    group's subtotal (groups in ``ItemKind`` order, only groups with lines),
    the quote's totals, the milestones' amounts (summing exactly to the
    total) and the total in words."""

    lines: tuple[LineAmounts, ...]
    groups: tuple[tuple[ItemKind, LineAmounts], ...]
    net: Decimal
    vat: Decimal
    total: Decimal
    milestones: tuple[Decimal, ...]
    total_in_words: str


@dataclass
class Quote:
    """One version of a quote.  ``number`` is shared by the versions;
    ``version`` counts from 1.  ``discount_limit`` is the rep's limit (in
    percent) when the version was last edited: a line whose discount exceeds
    it makes the version need approval."""

    number: str
    customer_id: str
    version: int = 1
    deal_id: str | None = None
    title: str = ""
    status: QuoteStatus = QuoteStatus.DRAFT
    price_mode: PriceMode = PriceMode.INCLUSIVE
    currency: str = "CNY"
    quote_date: date = field(default_factory=lambda: utcnow().date())
    valid_until: date | None = None
    lines: tuple[QuoteLine, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    delivery_terms: str = ""
    notes: str = ""
    language: str = "zh_CN"  # the language it is printed in
    author: str = ""
    discount_limit: Decimal = Decimal("10")
    sent_at: datetime | None = None
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    server_version: int | None = None
    deleted: bool = False

    @property
    def frozen(self) -> bool:
        return self.status in FROZEN


@dataclass(frozen=True)
class QuoteApproval:
    """A discount approval request (``decision`` None) or a manager's
    decision on one version of a quote.  Both are outbox records."""

    quote_id: str
    at: datetime
    by: str
    max_discount: Decimal
    decision: ApprovalDecision | None = None
    note: str = ""
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    server_version: int | None = None
    deleted: bool = False


# Fields a user edits on a version (and an outbox op carries).
QUOTE_FIELDS = (
    "title",
    "price_mode",
    "quote_date",
    "valid_until",
    "lines",
    "milestones",
    "delivery_terms",
    "notes",
    "language",
    "deal_id",
)


# VAT rates in force in China (percent): 13 % goods and software, 9 %
# transport and construction, 6 % services (IT services, maintenance), 5 %
# and 3 % simplified levies, 1 % the reduced small-taxpayer levy, 0 % exports.
VAT_RATES = (
    Decimal("0"),
    Decimal("1"),
    Decimal("3"),
    Decimal("5"),
    Decimal("6"),
    Decimal("9"),
    Decimal("13"),
)
# A line's VAT rate when an imported row gives none: software and
# third-party goods 13 %, implementation and maintenance (IT services) 6 %.
DEFAULT_VAT_BY_KIND: Mapping[ItemKind, Decimal] = {
    ItemKind.LICENCE: Decimal("13"),
    ItemKind.SERVICE: Decimal("6"),
    ItemKind.MAINTENANCE: Decimal("6"),
    ItemKind.THIRD_PARTY: Decimal("13"),
}
QUANTITY_PLACES = 4
PRICE_PLACES = 2
PERCENT_PLACES = 2
# A quote's total must stay below this (一万亿元): anything larger is a slip.
MAX_TOTAL = Decimal(10) ** 12

_HUNDRED = Decimal(100)


# --- the maths ---------------------------------------------------------------


def line_amounts(line: QuoteLine, mode: PriceMode) -> LineAmounts:
    """*line*'s net, VAT and total under *mode* (the module's rule)."""
    with localcontext(MONEY_CONTEXT):
        rate = Decimal(line.vat_rate)
        gross = line.quantity * line.unit_price * (_HUNDRED - line.discount) / _HUNDRED
        if mode is PriceMode.EXCLUSIVE:
            net = round_fen(gross)
            vat = round_fen(net * rate / _HUNDRED)
            return LineAmounts(net, vat, net + vat)
        total = round_fen(gross)
        # 60 digits: the quotient's distance from a half fen is either 0 or
        # far above the rounding error, so half-up of it is exact.
        net = round_fen(total * _HUNDRED / (_HUNDRED + rate))
        return LineAmounts(net, total - net, total)


def _sum(amounts: Sequence[LineAmounts]) -> LineAmounts:
    zero = Decimal("0.00")
    return LineAmounts(
        sum((a.net for a in amounts), zero),
        sum((a.vat for a in amounts), zero),
        sum((a.total for a in amounts), zero),
    )


def quote_totals(quote: Quote) -> QuoteTotals:
    """Every amount of *quote*, the totals the sums of the lines."""
    lines = tuple(line_amounts(line, quote.price_mode) for line in quote.lines)
    groups = tuple(
        (kind, _sum([a for line, a in zip(quote.lines, lines, strict=True) if line.group is kind]))
        for kind in ItemKind
        if any(line.group is kind for line in quote.lines)
    )
    whole = _sum(lines)
    return QuoteTotals(
        lines=lines,
        groups=groups,
        net=whole.net,
        vat=whole.vat,
        total=whole.total,
        milestones=milestone_amounts(whole.total, quote.milestones),
        total_in_words=amount_in_words(whole.total),
    )


def milestone_amounts(total: Decimal, milestones: Sequence[Milestone]) -> tuple[Decimal, ...]:
    """Each milestone's share of *total*, rounded half-up to the fen, the
    last taking what remains so that they add up to *total* exactly."""
    if not milestones:
        return ()
    with localcontext(MONEY_CONTEXT):
        total = round_fen(total)
        shares = [round_fen(total * m.percent / _HUNDRED) for m in milestones[:-1]]
        return (*shares, total - sum(shares, Decimal("0.00")))


# --- numbers, versions, approval ---------------------------------------------

_REP_CODE_DROP = re.compile(r"[^A-Z0-9]")


def quote_number(rep_code: str, day: date, sequence: int) -> str:
    """``Q-<REP>-<YYYYMMDD>-<NNN>``: the rep's code (upper case, letters
    and digits), the date and the desk's sequence of that day."""
    code = _REP_CODE_DROP.sub("", fold(rep_code).upper())
    if not code:
        raise ValueError(f"The rep code {rep_code!r} has no letters or digits")
    if isinstance(sequence, bool) or not isinstance(sequence, int) or sequence < 1:
        raise ValueError(f"A quote's sequence number counts from 1, not {sequence!r}")
    return f"Q-{code}-{day.year:04d}{day.month:02d}{day.day:02d}-{sequence:03d}"


def _is_number(value: Any) -> bool:
    return (
        isinstance(value, Decimal | int)
        and not isinstance(value, bool)
        and (not isinstance(value, Decimal) or value.is_finite())
    )


def max_discount(quote: Quote) -> Decimal:
    """The largest discount of *quote*'s lines (0 without lines)."""
    discounts = [Decimal(line.discount) for line in quote.lines if _is_number(line.discount)]
    return max(discounts, default=Decimal("0"))


def needs_approval(quote: Quote) -> bool:
    """Whether a line's discount exceeds the version's ``discount_limit``."""
    return max_discount(quote) > quote.discount_limit


def new_version(latest: Quote, *, author: str, today: date) -> Quote:
    """A draft copy of *latest* (a new id, ``version + 1``, dated *today*).

    Its validity keeps the length it had: a quote dated the 1st valid until
    the 31st, copied on the 10th, is valid until the 40th day."""
    valid_until = (
        None if latest.valid_until is None else today + (latest.valid_until - latest.quote_date)
    )
    now = utcnow()
    return replace(
        latest,
        id=new_id(),
        version=latest.version + 1,
        status=QuoteStatus.DRAFT,
        quote_date=today,
        valid_until=valid_until,
        sent_at=None,
        server_version=None,
        created_at=now,
        updated_at=now,
        author=author,
        deleted=False,
    )


# --- checking a quote --------------------------------------------------------


def _decimals(value: Decimal) -> int:
    """How many decimal places *value* really has (1.50 has 1)."""
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite
    if exponent >= 0:
        return 0
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -exponent - trailing)


def percent_text(value: Decimal | int) -> str:
    """A percentage as people write it: 13, 12.5 (no exponent, no 12.50)."""
    text = format(Decimal(value), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


# Each line check's text in a quote ("Line 3: ...") and in an imported file
# ("Row 3: ...").
_LINE_TEXTS: dict[str, tuple[str, str]] = {
    "description_required": (
        QT_TRANSLATE_NOOP("Domain", "Line {line}: the description is required"),
        QT_TRANSLATE_NOOP("Domain", "Row {row}: the description is required"),
    ),
    "quantity.not_a_number": (
        QT_TRANSLATE_NOOP("Domain", "Line {line}: the quantity is not a number"),
        QT_TRANSLATE_NOOP("Domain", "Row {row}: the quantity is not a number"),
    ),
    "negative_quantity": (
        QT_TRANSLATE_NOOP("Domain", "Line {line}: the quantity cannot be negative ({value})"),
        QT_TRANSLATE_NOOP("Domain", "Row {row}: the quantity cannot be negative ({value})"),
    ),
    "zero_quantity": (
        QT_TRANSLATE_NOOP("Domain", "Line {line}: the quantity must be more than 0"),
        QT_TRANSLATE_NOOP("Domain", "Row {row}: the quantity must be more than 0"),
    ),
    "quantity_precision": (
        QT_TRANSLATE_NOOP(
            "Domain", "Line {line}: the quantity {value} has more than {places} decimals"
        ),
        QT_TRANSLATE_NOOP(
            "Domain", "Row {row}: the quantity {value} has more than {places} decimals"
        ),
    ),
    "unit_price.not_a_number": (
        QT_TRANSLATE_NOOP("Domain", "Line {line}: the unit price is not a number"),
        QT_TRANSLATE_NOOP("Domain", "Row {row}: the unit price is not a number"),
    ),
    "negative_price": (
        QT_TRANSLATE_NOOP("Domain", "Line {line}: the unit price cannot be negative ({value})"),
        QT_TRANSLATE_NOOP("Domain", "Row {row}: the unit price cannot be negative ({value})"),
    ),
    "price_precision": (
        QT_TRANSLATE_NOOP(
            "Domain", "Line {line}: the unit price {value} has more than two decimals (fen)"
        ),
        QT_TRANSLATE_NOOP(
            "Domain", "Row {row}: the unit price {value} has more than two decimals (fen)"
        ),
    ),
    "discount_range": (
        QT_TRANSLATE_NOOP("Domain", "Line {line}: the discount must be between 0 and 100 %"),
        QT_TRANSLATE_NOOP("Domain", "Row {row}: the discount must be between 0 and 100 %"),
    ),
    "unknown_vat_rate": (
        QT_TRANSLATE_NOOP(
            "Domain", "Line {line}: {value} % is not a VAT rate in force; use one of {rates}"
        ),
        QT_TRANSLATE_NOOP(
            "Domain", "Row {row}: {value} % is not a VAT rate in force; use one of {rates}"
        ),
    ),
}


def _line_problems(
    line: QuoteLine,
    number: int,
    prefix: str,
    vat_rates: Collection[Decimal],
    *,
    imported: bool = False,
) -> list[Problem]:
    """The problems of one line; *number* is its 1-based line (or row)
    number, *prefix* goes before each field name."""
    problems: list[Problem] = []

    def add(name: str, code: str, value: Any = None, **params: Any) -> None:
        text = _LINE_TEXTS[code][imported]
        params["row" if imported else "line"] = number
        if value is not None:
            params["value"] = value if isinstance(value, str) else format(value, "f")
        problems.append(Problem(prefix + name, code.removeprefix(f"{name}."), text, params))

    if not isinstance(line.description, str) or not line.description.strip():
        add("description", "description_required")
    quantity, price, discount = line.quantity, line.unit_price, line.discount
    if not _is_number(quantity):
        add("quantity", "quantity.not_a_number")
    elif quantity < 0:
        add("quantity", "negative_quantity", quantity)
    elif quantity == 0:
        add("quantity", "zero_quantity")
    elif _decimals(Decimal(quantity)) > QUANTITY_PLACES:
        add("quantity", "quantity_precision", quantity, places=QUANTITY_PLACES)
    if not _is_number(price):
        add("unit_price", "unit_price.not_a_number")
    elif price < 0:
        add("unit_price", "negative_price", price)
    elif _decimals(Decimal(price)) > PRICE_PLACES:
        add("unit_price", "price_precision", price)
    if not _is_number(discount) or not 0 <= discount <= 100:
        add("discount", "discount_range")
    rate = line.vat_rate
    if not _is_number(rate) or rate not in vat_rates:
        add(
            "vat_rate",
            "unknown_vat_rate",
            percent_text(rate) if _is_number(rate) else str(rate),
            rates=", ".join(percent_text(r) for r in sorted(vat_rates)),
        )
    return problems


def _milestone_problems(milestones: Sequence[Milestone]) -> list[Problem]:
    problems: list[Problem] = []
    for index, milestone in enumerate(milestones):
        prefix, number = f"milestones[{index}]", index + 1
        if not isinstance(milestone.name, str) or not milestone.name.strip():
            problems.append(
                Problem(
                    f"{prefix}.name",
                    "milestone_name_required",
                    QT_TRANSLATE_NOOP("Domain", "Milestone {milestone}: the name is required"),
                    {"milestone": number},
                )
            )
        percent = milestone.percent
        if not _is_number(percent) or percent <= 0 or _decimals(Decimal(percent)) > PERCENT_PLACES:
            problems.append(
                Problem(
                    f"{prefix}.percent",
                    "milestone_percent",
                    QT_TRANSLATE_NOOP(
                        "Domain",
                        "Milestone {milestone}: its share must be more than 0 % with at most "
                        "two decimals, not {value}",
                    ),
                    {
                        "milestone": number,
                        "value": percent_text(percent) if _is_number(percent) else str(percent),
                    },
                )
            )
    if milestones and all(_is_number(m.percent) for m in milestones):
        total = sum((Decimal(m.percent) for m in milestones), Decimal(0))
        if total != 100:
            problems.append(
                Problem(
                    "milestones",
                    "milestones_sum",
                    QT_TRANSLATE_NOOP(
                        "Domain", "The payment milestones add up to {sum} %, not 100 %"
                    ),
                    {"sum": percent_text(total)},
                )
            )
    return problems


def _date_problems(quote: Quote, today: date) -> list[Problem]:
    problems: list[Problem] = []
    now = datetime.combine(today, time())
    for name in ("quote_date", "valid_until"):
        day = getattr(quote, name)
        if day is None:
            continue
        problem = date_problem(day, now, name)
        if problem is not None:
            problems.append(replace(problem, code="implausible_date"))
    if quote.valid_until is not None and quote.valid_until < quote.quote_date:
        problems.append(
            Problem(
                "valid_until",
                "valid_until_before_date",
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "The quote is valid until {valid_until}, before its own date {quote_date}",
                ),
                {
                    "valid_until": quote.valid_until.isoformat(),
                    "quote_date": quote.quote_date.isoformat(),
                },
            )
        )
    return problems


def _total_problems(quote: Quote) -> list[Problem]:
    """A total too large to be a real quote (or to compute at all)."""
    try:
        total = sum(
            (line_amounts(line, quote.price_mode).total for line in quote.lines), Decimal(0)
        )
    except ArithmeticError:
        total = MAX_TOTAL
    if total < MAX_TOTAL:
        return []
    return [
        Problem(
            "lines",
            "total_too_large",
            QT_TRANSLATE_NOOP(
                "Domain", "The quote's total is too large: it must be below {max} yuan"
            ),
            {"max": f"{MAX_TOTAL:,}"},
        )
    ]


def quote_problems(
    quote: Quote, *, today: date, vat_rates: Collection[Decimal] = VAT_RATES
) -> list[Problem]:
    """Everything wrong with *quote* as the rep would save it: no lines,
    an empty description, a quantity or price negative, not a number or with
    more decimals than the fen (prices) or 4 places (quantities), a discount
    outside 0-100, a VAT rate not one of ``vat_rates``, milestones not adding
    up to exactly 100 (when there are any), a validity date before the
    quote's date or implausible.

    Fields are named ``lines[i].<field>`` and ``milestones[i].<field>``
    with *i* counting from 0 (the index in the tuple); the messages count
    lines and milestones from 1, as the rep sees them."""
    problems: list[Problem] = []
    if not quote.lines:
        problems.append(
            Problem(
                "lines",
                "no_lines",
                QT_TRANSLATE_NOOP("Domain", "A quote needs at least one line"),
            )
        )
    line_problems = [
        p
        for index, line in enumerate(quote.lines)
        for p in _line_problems(line, index + 1, f"lines[{index}].", vat_rates)
    ]
    problems += line_problems
    if quote.lines and not line_problems:
        problems += _total_problems(quote)
    problems += _milestone_problems(quote.milestones)
    problems += _date_problems(quote, today)
    return problems


def _strip(text: Any) -> Any:
    return text.strip() if isinstance(text, str) else text


def validate_quote(
    quote: Quote, *, today: date, vat_rates: Collection[Decimal] = VAT_RATES
) -> Quote:
    """*quote* with its texts stripped; ``ValidationError`` listing every
    problem."""
    cleaned = replace(
        quote,
        title=_strip(quote.title),
        delivery_terms=_strip(quote.delivery_terms),
        notes=_strip(quote.notes),
        lines=tuple(
            replace(
                line,
                description=_strip(line.description),
                unit=_strip(line.unit),
                item=_strip(line.item),
            )
            for line in quote.lines
        ),
        milestones=tuple(
            replace(m, name=_strip(m.name), due=_strip(m.due)) for m in quote.milestones
        ),
    )
    problems = quote_problems(cleaned, today=today, vat_rates=vat_rates)
    if problems:
        raise ValidationError(problems)
    return cleaned


# --- sending -----------------------------------------------------------------


def _utc(when: datetime) -> datetime:
    """A naive time is taken as UTC (as the storage writes them)."""
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


def approval_decision(quote: Quote, approvals: Sequence[QuoteApproval]) -> QuoteApproval | None:
    """The decision that counts for *quote* now: the latest one for its id
    recorded at or after its last request and not before the version's last
    edit (``updated_at``); None when there is none."""
    mine = [a for a in approvals if a.quote_id == quote.id and not a.deleted]
    last_request = max((_utc(a.at) for a in mine if a.decision is None), default=None)
    edited = _utc(quote.updated_at)
    decisions = [
        a
        for a in mine
        if a.decision is not None
        and (last_request is None or _utc(a.at) >= last_request)
        and _utc(a.at) >= edited
    ]
    return max(decisions, key=lambda a: (_utc(a.at), _utc(a.created_at)), default=None)


def send_problems(
    quote: Quote, approvals: Sequence[QuoteApproval], *, today: date | None = None
) -> list[Problem]:
    """Why *quote* cannot be marked sent: frozen already, pending approval
    without an approving decision recorded after its last request, or
    expired (``valid_until`` passed).

    An approval counts when it covers the version's largest discount
    (``max_discount``).  *today* defaults to the local calendar date."""
    if quote.frozen or quote.deleted:
        return [
            Problem(
                "status",
                "frozen",
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "Version {version} of quote {number} was already sent or replaced and "
                    "can no longer change: make a new version",
                ),
                {"version": quote.version, "number": quote.number},
            )
        ]
    problems: list[Problem] = []
    if needs_approval(quote):
        discount = max_discount(quote)
        params = {"discount": percent_text(discount), "limit": percent_text(quote.discount_limit)}
        decision = approval_decision(quote, approvals)
        if decision is not None and decision.decision is ApprovalDecision.REJECTED:
            problems.append(
                Problem(
                    "status",
                    "approval_rejected",
                    QT_TRANSLATE_NOOP(
                        "Domain",
                        "A manager rejected the discount of {discount} %: lower it to your "
                        "limit of {limit} % or ask for approval again",
                    ),
                    params,
                )
            )
        elif decision is None or decision.max_discount < discount:
            problems.append(
                Problem(
                    "status",
                    "needs_approval",
                    QT_TRANSLATE_NOOP(
                        "Domain",
                        "A discount of {discount} % is above your limit of {limit} %: a "
                        "manager's approval is needed before the quote can be sent",
                    ),
                    params,
                )
            )
    day = date.today() if today is None else today
    if quote.valid_until is not None and quote.valid_until < day:
        problems.append(
            Problem(
                "valid_until",
                "expired",
                QT_TRANSLATE_NOOP(
                    "Domain",
                    "The quote expired on {date}: extend its validity or make a new version",
                ),
                {"date": quote.valid_until.isoformat()},
            )
        )
    return problems


# --- reading lines from a file -----------------------------------------------

# Column -> the headers that name it (compared stripped, case-folded and
# full-width folded, with "_" for spaces and dashes and no "(%)").
LINE_COLUMNS: dict[str, tuple[str, ...]] = {
    "item": ("item", "item_code", "code", "品名", "项目", "编码", "产品编码"),
    "description": ("description", "desc", "描述", "说明"),
    "quantity": ("quantity", "qty", "数量"),
    "unit": ("unit", "单位"),
    "unit_price": ("unit_price", "price", "单价"),
    "discount": ("discount", "折扣", "折扣率"),
    "vat_rate": ("vat_rate", "vat", "tax_rate", "税率"),
    "group": ("group", "kind", "类别", "类型"),
    "list_price": ("list_price", "目录价", "标准价"),
}
# Columns a spreadsheet often carries that are computed, not read.
IGNORED_COLUMNS = frozenset(
    {
        "no",
        "#",
        "序号",
        "amount",
        "金额",
        "net",
        "不含税金额",
        "tax",
        "税额",
        "total",
        "合计",
        "价税合计",
    }
)
_HEADER_OF = {header: column for column, headers in LINE_COLUMNS.items() for header in headers}
_ZH_COLUMN = {"quantity": "数量", "unit_price": "单价"}
_PERCENT_MARK = re.compile(r"[(]?%[)]?$")
_DISCOUNT_FOLD = re.compile(r"(\d+(?:\.\d+)?)折")


def line_column(header: Any) -> str | None:
    """The column a file's *header* names ("单价", "Unit price", "折扣(%)"),
    "" for a column to ignore, None for an unknown one."""
    key = fold(str(header or "")).casefold()
    key = _PERCENT_MARK.sub("", key).strip()
    key = re.sub(r"[\s\-]+", "_", key)
    if not key or key in IGNORED_COLUMNS:
        return ""
    return _HEADER_OF.get(key)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_percent(value: Any, *, fraction: bool) -> Decimal | None:
    """A percentage from a cell: "13%", "13", 13 -> 13; with *fraction*, a
    number between 0 and 1 without "%" is a fraction ("0.13", an XLSX
    percent cell) -> 13.  A discount may also be written as Chinese 折
    (the share paid): "9折" -> 10, "85折" -> 15.  None when not a number."""
    if isinstance(value, str):
        text = fold(value).replace(" ", "")
        if match := _DISCOUNT_FOLD.fullmatch(text):
            paid = Decimal(match.group(1))
            return _HUNDRED - (paid * 10 if paid < 10 else paid)
        if text.endswith("%"):
            return parse_amount(text[:-1])
    number = parse_amount(value)
    if number is not None and fraction and 0 < number < 1:
        return Decimal(percent_text(number * _HUNDRED))  # 0.13 -> 13, not 13.00
    return number


def parse_line(
    row: Mapping[str, Any],
    *,
    row_number: int,
    item_kinds: Mapping[str, ItemKind] | None = None,
    kind_vat_rates: Mapping[ItemKind, Decimal] | None = None,
    vat_rates: Collection[Decimal] = VAT_RATES,
    from_catalogue: Callable[[str, Decimal], QuoteLine | None] | None = None,
) -> tuple[QuoteLine | None, list[Problem]]:
    """A quote line from one row of a CSV or XLSX file (header -> cell), or
    None and every problem of the row (a blank row gives ``(None, [])``).

    Headers are English or Chinese (see ``LINE_COLUMNS``); a column not
    known is a problem (a misspelt "dicount" must not vanish), computed
    ones (``IGNORED_COLUMNS``) are skipped.  Description, quantity and unit
    price are required.  The group defaults to the item's
    kind (*item_kinds*: the catalogue's item code -> kind) or licences; the
    VAT rate to the group's (*kind_vat_rates*, else ``DEFAULT_VAT_BY_KIND``).
    Discount and VAT rate are percent ("10%", "10", "0.1" are 10 %).  The
    line is checked as ``quote_problems`` checks a quote's lines; fields are
    named by column, messages by *row_number*.

    The item column (品名) holds a catalogue item's code or a line's name:
    *from_catalogue(code, quantity)* gives the catalogue's line for a code
    (None for a code it does not know), whose description, unit, unit
    price, kind and VAT rate the row's own cells may override; any other
    item text is the line's description when the row has none."""
    values: dict[str, Any] = {}
    headers: dict[str, str] = {}
    problems: list[Problem] = []
    if all(_blank(value) for value in row.values()):
        return None, []
    for header, value in row.items():
        column = line_column(header)
        if column is None:
            if not _blank(value):
                problems.append(
                    Problem(
                        str(header),
                        "unknown_column",
                        QT_TRANSLATE_NOOP(
                            "Domain",
                            "Row {row}: the column {column} is not known; the columns are "
                            "item, description, quantity, unit, unit_price, discount, vat_rate, "
                            "group (品名, 描述, 数量, 单位, 单价, 折扣, 税率, 类别)",
                        ),
                        {"row": row_number, "column": str(header)},
                    )
                )
        elif column and not _blank(values.get(column)):
            continue  # the first of two headers naming one column wins
        elif column:
            values[column] = value
            headers[column] = str(header).strip()

    def number(
        column: str, read: Callable[[Any], Decimal | None], required: bool = False
    ) -> Decimal | None:
        value = values.get(column)
        if _blank(value):
            if required:
                problems.append(_missing(row_number, column))
            return None
        parsed = read(value)
        if parsed is None:
            problems.append(
                Problem(
                    column,
                    "not_a_number",
                    QT_TRANSLATE_NOOP(
                        "Domain", "Row {row}: {value} in the column {column} is not a number"
                    ),
                    {"row": row_number, "value": str(value).strip(), "column": headers[column]},
                )
            )
        return parsed

    quantity = number("quantity", parse_amount, required=True)
    item = fold(_cell_text(values.get("item")))
    description = _cell_text(values.get("description"))
    base: QuoteLine | None = None
    priced = True
    if item and from_catalogue is not None and quantity is not None:
        try:
            base = from_catalogue(item, quantity)
        except DomainError:  # the catalogue has the item but no price for it today
            problems.append(
                Problem(
                    "item",
                    "no_price",
                    QT_TRANSLATE_NOOP(
                        "Domain",
                        "Row {row}: the catalogue has no price for {item} today; give a "
                        "unit price",
                    ),
                    {"row": row_number, "item": item},
                )
            )
            priced = False
        if base is None and priced and not description:
            description, item = _cell_text(values.get("item")), ""  # a name, not a code
    price = number("unit_price", parse_amount, required=base is None)
    if price is None and base is not None:
        price = base.unit_price
    list_price = number("list_price", parse_amount)
    if list_price is None and base is not None:
        list_price = base.list_price
    discount = number("discount", lambda v: parse_percent(v, fraction=True))
    rate = number("vat_rate", lambda v: parse_percent(v, fraction=True))
    group = base.group if base is not None else (item_kinds or {}).get(item, ItemKind.LICENCE)
    if not _blank(values.get("group")):
        parsed_group = ItemKind.parse(fold(_cell_text(values["group"])))
        if parsed_group is None:
            problems.append(
                Problem(
                    "group",
                    "unknown_group",
                    QT_TRANSLATE_NOOP(
                        "Domain",
                        "Row {row}: {value} is not a kind of item; use licence, service, "
                        "maintenance or third_party (软件许可, 实施服务, 年度维护, 第三方产品)",
                    ),
                    {"row": row_number, "value": _cell_text(values["group"])},
                )
            )
        elif isinstance(parsed_group, ItemKind):
            group = parsed_group
    if quantity is None or price is None:
        return None, problems
    if rate is None and base is not None and _blank(values.get("group")):
        rate = base.vat_rate
    if rate is None:
        rate = (kind_vat_rates or DEFAULT_VAT_BY_KIND).get(group, DEFAULT_VAT_BY_KIND[group])
    line = QuoteLine(
        description=description or (base.description if base is not None else ""),
        quantity=quantity,
        unit_price=price,
        group=group,
        item=item,
        unit=_cell_text(values.get("unit")) or (base.unit if base is not None else ""),
        discount=Decimal(0) if discount is None else discount,
        vat_rate=rate,
        list_price=list_price,
    )
    problems += _line_problems(line, row_number, "", vat_rates, imported=True)
    return (None, problems) if problems else (line, [])


def _cell_text(value: Any) -> str:
    """A cell as text, stripped (an XLSX number as it reads: 3, not 3.0)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _missing(row_number: int, column: str) -> Problem:
    return Problem(
        column,
        "required",
        QT_TRANSLATE_NOOP("Domain", "Row {row}: the column {column} needs a value"),
        {"row": row_number, "column": f"{column} / {_ZH_COLUMN[column]}"},
    )
