"""Correctness rules for deals: parsing typed or typed-in values, checking
them against the playbook, and editing a deal's fields.

The command line and the import hand over text ("1,234.50", "150万",
"2026/6/30", "30%", "财务, 供应链"); the window hands over typed values.
``parse_deal_fields`` turns either into typed values, ``deal_problems`` lists
everything wrong with a deal, and ``validate_deal`` returns the normalised
copy or raises ``ValidationError`` with every problem at once.  The stage
moves themselves are in ``erpdesk.domain.gates``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import fields as dataclass_fields
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from erpdesk.domain.customer import Source
from erpdesk.domain.deal import DEAL_FIELDS, Deal, DealStatus, TeamMember
from erpdesk.domain.errors import Problem, ValidationError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.playbook import Choice, Playbook

FEN = Decimal("0.01")
# An estimated amount must be below this (一万亿元): anything larger is a slip.
MAX_AMOUNT = Decimal(10) ** 12
# Plausible expected close dates and next-step dates: from 2000-01-01 to ten
# years after today.  A close date in the past is allowed (a rep often enters
# a deal that is already overdue); the health flag CLOSE_DATE_PASSED shows it.
EARLIEST_DEAL_DATE = date(2000, 1, 1)
DEAL_YEARS_AHEAD = 10

MAX_LENGTH: dict[str, int] = {
    "name": 200,
    "owner": 50,
    "next_step": 500,
    "probability_reason": 500,
    "lost_reason": 500,
    "winning_competitor": 100,
    "notes": 5000,
}
MAX_COMPETITORS = 20
MAX_COMPETITOR_LENGTH = 100
MAX_TEAM = 30
MAX_TEAM_NAME_LENGTH = 50
MAX_REASON_LENGTH = 500
_REASON_TOO_LONG = QT_TRANSLATE_NOOP(
    "Domain", "The reason may have at most {max} characters, not {length}"
)

# Separators of a list typed as one text: "财务, 供应链、生产; HR".
_LIST_SEPARATORS = re.compile(r"[,，、;；|\n]+")
_CURRENCY = re.compile(r"^(?:RMB|CNY|[¥￥])|(?:RMB|CNY|元|人民币)$", re.IGNORECASE)
_MULTIPLIERS = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}
_DATE_PATTERNS = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)

_TOO_LONG = QT_TRANSLATE_NOOP("Domain", "At most {max} characters are allowed here, not {length}")
NOT_AN_AMOUNT = QT_TRANSLATE_NOOP(
    "Domain", "{value} is not an amount: write a number of yuan, such as 120000 or 12.5万"
)
NOT_A_DATE = QT_TRANSLATE_NOOP("Domain", "{value} is not a date: write it as 2026-06-30")
NOT_A_PROBABILITY = QT_TRANSLATE_NOOP(
    "Domain", "{value} is not a probability: write a whole number from 0 to 100"
)
REASON_REQUIRED_FOR_PROBABILITY = QT_TRANSLATE_NOOP(
    "Domain",
    "A probability of {probability}% differs from the stage's {default}%: give a reason",
)


def fold(text: str) -> str:
    """Full-width forms to half-width (NFKC), surrounding space removed."""
    return unicodedata.normalize("NFKC", text).strip()


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


# --- parsing single values ---------------------------------------------------


def parse_amount(value: Any) -> Decimal | None:
    """*value* as a Decimal, or None when it is not a number at all.

    Accepts Decimal, int, float (an XLSX cell) and text with thousands
    separators, a currency mark and 万/亿: "¥1,234.50", "12.5万", "３万元".
    Range and decimals are checked by ``amount_problems``."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        value = repr(value)
    if not isinstance(value, str):
        return None
    text = re.sub(r"[\s,_]", "", fold(value))
    text = _CURRENCY.sub("", _CURRENCY.sub("", text))
    factor = Decimal(1)
    if text and text[-1] in _MULTIPLIERS:
        factor = _MULTIPLIERS[text[-1]]
        text = text[:-1]
    if not re.fullmatch(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", text):
        return None
    try:
        amount = Decimal(text) * factor
    except InvalidOperation:  # pragma: no cover - the pattern rules it out
        return None
    return amount if amount.is_finite() else None


def parse_date(value: Any) -> date | None:
    """*value* as a date, or None when it is not one ("2026-02-30" is not).

    Accepts date, datetime (its own calendar date) and text: 2026-06-30,
    2026/6/30, 2026.6.30, 2026年6月30日, 20260630."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = fold(value)
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            try:
                return date(*(int(part) for part in match.groups()))
            except ValueError:
                return None
    return None


def parse_probability(value: Any) -> int | None:
    """*value* as a whole number ("30", "30%", 30, Decimal("30")), or None.
    The range 0..100 is checked separately."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        text = fold(value).removesuffix("%").strip()
        if not re.fullmatch(r"[+-]?\d+(?:\.0*)?", text):
            return None
        return int(Decimal(text))
    if isinstance(value, Decimal | float):
        number = Decimal(repr(value)) if isinstance(value, float) else value
        if number.is_finite() and number == number.to_integral_value():
            return int(number)
    return None


def split_list(value: Any) -> tuple[str, ...]:
    """A list given as one text ("财务, 供应链、生产") or as a sequence, each
    item stripped, empty items dropped."""
    if value is None:
        return ()
    items: Iterable[Any] = _LIST_SEPARATORS.split(value) if isinstance(value, str) else value
    return tuple(text for item in items if (text := _text(item)))


def match_choice(choices: Iterable[Choice], text: str) -> Choice | None:
    """The choice named by its code or its name in either language (any case,
    full-width folded)."""
    key = fold(text).casefold()
    for choice in choices:
        names = (choice.code, choice.names.en, choice.names.zh)
        if key in (fold(name).casefold() for name in names):
            return choice
    return None


def _parse_team(value: Any) -> tuple[TeamMember, ...] | None:
    """Team members from TeamMember objects, (name, role) pairs, mappings
    with name and role, or one text "张三:presales, 李四:销售"."""
    members = []
    items: Iterable[Any] = _LIST_SEPARATORS.split(value) if isinstance(value, str) else value
    for item in items:
        if isinstance(item, TeamMember):
            members.append(item)
        elif isinstance(item, str):
            if not item.strip():
                continue
            name, sep, role = fold(item).replace("：", ":").partition(":")
            if not sep:
                return None
            members.append(TeamMember(name.strip(), role.strip()))
        elif isinstance(item, Mapping):
            members.append(TeamMember(_text(item.get("name")), _text(item.get("role"))))
        elif isinstance(item, tuple | list) and len(item) == 2:
            members.append(TeamMember(_text(item[0]), _text(item[1])))
        else:
            return None
    return tuple(members)


# --- parsing a set of fields -------------------------------------------------

# What new_deal accepts besides DEAL_FIELDS.
CREATE_FIELDS = (*DEAL_FIELDS, "stage", "id", "playbook", "created_at")


def parse_deal_fields(
    values: Mapping[str, Any], playbook: Playbook, *, allowed: Iterable[str] = DEAL_FIELDS
) -> dict[str, Any]:
    """Typed values for *values* (text from the command line or an import,
    or already typed); raises ``ValidationError`` listing every value that
    cannot be read and every field that may not be set this way.

    Ranges and cross-field rules are ``deal_problems``' business."""
    out, problems = read_deal_fields(values, playbook, allowed=allowed)
    if problems:
        raise ValidationError(problems)
    return out


def read_deal_fields(
    values: Mapping[str, Any], playbook: Playbook, *, allowed: Iterable[str] = DEAL_FIELDS
) -> tuple[dict[str, Any], list[Problem]]:
    """The typed values that could be read, and a problem for each that
    could not (so a caller can check the rest and report everything at once)."""
    allowed = tuple(allowed)
    out: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, value in values.items():
        if name not in allowed:
            problems.append(
                Problem(
                    name,
                    "field.not_editable",
                    QT_TRANSLATE_NOOP(
                        "Domain",
                        "{field} cannot be set here; stage and status change only "
                        "through a stage move",
                    ),
                    {"field": name},
                )
            )
        elif name == "amount":
            amount = parse_amount(value)
            if amount is None:
                problems.append(
                    Problem(name, "amount.not_a_number", NOT_AN_AMOUNT, {"value": _text(value)})
                )
            else:
                out[name] = amount
        elif name in ("close_date", "next_step_date"):
            if value is None or (isinstance(value, str) and not value.strip()):
                out[name] = None
                continue
            day = parse_date(value)
            if day is None:
                problems.append(
                    Problem(name, f"{name}.not_a_date", NOT_A_DATE, {"value": _text(value)})
                )
            else:
                out[name] = day
        elif name == "probability":
            number = parse_probability(value)
            if number is None:
                problems.append(
                    Problem(
                        name,
                        "probability.not_a_number",
                        NOT_A_PROBABILITY,
                        {"value": _text(value)},
                    )
                )
            else:
                out[name] = number
        elif name == "stage":
            stage = (
                playbook.parse_stage(str(value))
                if isinstance(value, str | int) and not isinstance(value, bool)
                else None
            )
            if stage is None:
                problems.append(unknown_stage_problem(value, playbook))
            else:
                out[name] = stage.number
        elif name in ("modules", "competitors"):
            out[name] = split_list(value)
        elif name == "team":
            team = _parse_team(value)
            if team is None:
                problems.append(
                    Problem(
                        name,
                        "team.unreadable",
                        QT_TRANSLATE_NOOP(
                            "Domain", "Write the team as name:role, separated by commas"
                        ),
                    )
                )
            else:
                out[name] = team
        elif name == "source":
            if value is None or isinstance(value, Source) or not _text(value):
                out[name] = value or None
                continue
            source = Source.parse(_text(value))
            if source is None:
                problems.append(
                    Problem(
                        name,
                        "source.unknown",
                        QT_TRANSLATE_NOOP("Domain", "{value} is not a known source"),
                        {"value": _text(value)},
                    )
                )
            else:
                out[name] = source
        elif name in ("id", "created_at"):
            out[name] = value
        else:
            out[name] = _text(value)
    return out, problems


def unknown_stage_problem(value: Any, playbook: Playbook) -> Problem:
    return Problem(
        "stage",
        "stage.unknown",
        QT_TRANSLATE_NOOP(
            "Domain", "{value} is not a stage: give a number from 1 to {last} or a stage's name"
        ),
        {"value": _text(value), "last": len(playbook.stages)},
    )


# --- the rules ---------------------------------------------------------------


def latest_deal_date(today: date) -> date:
    """Ten years after *today* (28 February when that year has no 29th)."""
    try:
        return today.replace(year=today.year + DEAL_YEARS_AHEAD)
    except ValueError:
        return today.replace(year=today.year + DEAL_YEARS_AHEAD, day=28)


def deal_date_problem(name: str, day: date | None, today: date) -> Problem | None:
    """A ``<name>.implausible`` problem for a date outside 2000-01-01 ..
    ten years after *today*; None when the date is fine or not given."""
    if day is None:
        return None
    latest = latest_deal_date(today)
    if EARLIEST_DEAL_DATE <= day <= latest:
        return None
    return Problem(
        name,
        f"{name}.implausible",
        QT_TRANSLATE_NOOP(
            "Domain", "The date {date} is not plausible: it must be between {earliest} and {latest}"
        ),
        {
            "date": day.isoformat(),
            "earliest": EARLIEST_DEAL_DATE.isoformat(),
            "latest": latest.isoformat(),
        },
    )


def amount_problems(amount: Any, name: str = "amount") -> list[Problem]:
    """Problems of an amount in CNY: a number, not negative, below one
    trillion yuan, at most two decimals (fen)."""
    if not isinstance(amount, Decimal) or not amount.is_finite():
        return [Problem(name, f"{name}.not_a_number", NOT_AN_AMOUNT, {"value": _text(amount)})]
    if amount < 0:
        return [
            Problem(
                name,
                f"{name}.negative",
                QT_TRANSLATE_NOOP("Domain", "The amount cannot be negative: {value}"),
                {"value": format(amount, "f")},
            )
        ]
    if amount >= MAX_AMOUNT:
        return [
            Problem(
                name,
                f"{name}.too_large",
                QT_TRANSLATE_NOOP(
                    "Domain", "The amount {value} is too large: it must be below {max} yuan"
                ),
                {"value": format(amount, "f"), "max": format(MAX_AMOUNT, "f")},
            )
        ]
    if amount != amount.quantize(FEN):
        return [
            Problem(
                name,
                f"{name}.fractional_fen",
                QT_TRANSLATE_NOOP("Domain", "The amount {value} has more than two decimals (fen)"),
                {"value": format(amount, "f")},
            )
        ]
    return []


def probability_problems(deal: Deal, playbook: Playbook) -> list[Problem]:
    """The probability is a whole number 0..100; an open deal's override of
    its stage's default needs a reason; won is 100 and lost is 0."""
    p = deal.probability
    if isinstance(p, bool) or not isinstance(p, int) or not 0 <= p <= 100:
        return [Problem("probability", "probability.range", NOT_A_PROBABILITY, {"value": _text(p)})]
    if deal.status is DealStatus.WON and p != 100:
        return [_closed_probability(p, 100)]
    if deal.status is DealStatus.LOST and p != 0:
        return [_closed_probability(p, 0)]
    if deal.status is DealStatus.OPEN and 1 <= deal.stage <= len(playbook.stages):
        default = playbook.stage(deal.stage).probability
        if p != default and not deal.probability_reason.strip():
            return [
                Problem(
                    "probability_reason",
                    "probability_reason.required",
                    REASON_REQUIRED_FOR_PROBABILITY,
                    {"probability": p, "default": default},
                )
            ]
    return []


def _closed_probability(p: int, fixed: int) -> Problem:
    return Problem(
        "probability",
        "probability.closed",
        QT_TRANSLATE_NOOP(
            "Domain", "A closed deal's probability is {fixed}%, it cannot be set to {value}%"
        ),
        {"fixed": fixed, "value": p},
    )


def _choice_problems(
    name: str, codes: Iterable[str], choices: tuple[Choice, ...], text: str
) -> list[Problem]:
    known = ", ".join(c.code for c in choices)
    return [
        Problem(name, f"{name}.unknown", text, {"value": code, "known": known})
        for code in codes
        if match_choice(choices, code) is None
    ]


def deal_problems(deal: Deal, playbook: Playbook, *, today: date) -> list[Problem]:
    """Every correctness problem of *deal* (normalise it first:
    ``normalize_deal``)."""
    problems: list[Problem] = []
    if not deal.customer_id.strip():
        problems.append(
            Problem(
                "customer_id",
                "customer_id.required",
                QT_TRANSLATE_NOOP("Domain", "A deal belongs to a customer: choose one"),
            )
        )
    if not deal.name.strip():
        problems.append(
            Problem("name", "required", QT_TRANSLATE_NOOP("Domain", "The deal's name is required"))
        )
    for name, limit in MAX_LENGTH.items():
        length = len(str(getattr(deal, name)))
        if length > limit:
            problems.append(Problem(name, "too_long", _TOO_LONG, {"max": limit, "length": length}))
    stage_ok = (
        isinstance(deal.stage, int)
        and not isinstance(deal.stage, bool)
        and 1 <= deal.stage <= len(playbook.stages)
    )
    if not stage_ok:
        problems.append(unknown_stage_problem(deal.stage, playbook))
    problems += amount_problems(deal.amount)
    for name in ("close_date", "next_step_date"):
        problem = deal_date_problem(name, getattr(deal, name), today)
        if problem is not None:
            problems.append(problem)
    problems += probability_problems(deal, playbook)
    if deal.status is DealStatus.LOST and not deal.lost_reason.strip():
        problems.append(lost_reason_problem())
    if playbook.modules:
        problems += _choice_problems(
            "modules",
            deal.modules,
            playbook.modules,
            QT_TRANSLATE_NOOP("Domain", "{value} is not an ERP module of the playbook ({known})"),
        )
    if len(deal.competitors) > MAX_COMPETITORS:
        problems.append(
            Problem(
                "competitors",
                "competitors.too_many",
                QT_TRANSLATE_NOOP("Domain", "At most {max} competitors, not {count}"),
                {"max": MAX_COMPETITORS, "count": len(deal.competitors)},
            )
        )
    for competitor in deal.competitors:
        if len(competitor) > MAX_COMPETITOR_LENGTH:
            problems.append(
                Problem(
                    "competitors",
                    "too_long",
                    _TOO_LONG,
                    {"max": MAX_COMPETITOR_LENGTH, "length": len(competitor)},
                )
            )
    problems += _team_problems(deal.team, playbook)
    return problems


def lost_reason_problem() -> Problem:
    return Problem(
        "lost_reason",
        "lost_reason.required",
        QT_TRANSLATE_NOOP("Domain", "Closing a deal as lost needs the reason it was lost"),
    )


def _team_problems(team: tuple[TeamMember, ...], playbook: Playbook) -> list[Problem]:
    problems: list[Problem] = []
    if len(team) > MAX_TEAM:
        problems.append(
            Problem(
                "team",
                "team.too_many",
                QT_TRANSLATE_NOOP("Domain", "At most {max} team members, not {count}"),
                {"max": MAX_TEAM, "count": len(team)},
            )
        )
    for member in team:
        if not member.name:
            problems.append(
                Problem(
                    "team",
                    "team.name_required",
                    QT_TRANSLATE_NOOP("Domain", "Every team member needs a name"),
                )
            )
        elif len(member.name) > MAX_TEAM_NAME_LENGTH:
            problems.append(
                Problem(
                    "team",
                    "too_long",
                    _TOO_LONG,
                    {"max": MAX_TEAM_NAME_LENGTH, "length": len(member.name)},
                )
            )
    if playbook.team_roles:
        problems += _choice_problems(
            "team",
            (m.role for m in team),
            playbook.team_roles,
            QT_TRANSLATE_NOOP("Domain", "{value} is not a team role of the playbook ({known})"),
        )
    return problems


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    """Items in first-seen order, duplicates (compared full-width folded and
    case-blind) dropped."""
    seen: set[str] = set()
    out = []
    for item in items:
        key = fold(item).casefold()
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return tuple(out)


def normalize_deal(deal: Deal, playbook: Playbook) -> Deal:
    """*deal* with texts stripped, competitors trimmed and de-duplicated,
    modules and team roles as the playbook's codes, the amount to the fen,
    the probability reason cleared when it is the stage's default, the lost
    fields cleared unless lost, and the playbook key filled in."""
    changes: dict[str, Any] = {
        f.name: value.strip()
        for f in dataclass_fields(deal)
        if isinstance(value := getattr(deal, f.name), str) and value != value.strip()
    }
    deal = replace(deal, **changes) if changes else deal
    modules = tuple(
        (choice.code if (choice := match_choice(playbook.modules, m)) else fold(m))
        for m in deal.modules
    )
    team = []
    seen_members: set[tuple[str, str]] = set()
    for member in deal.team:
        choice = match_choice(playbook.team_roles, member.role)
        kept = TeamMember(fold(member.name), choice.code if choice else fold(member.role))
        if (kept.name, kept.role) not in seen_members:
            seen_members.add((kept.name, kept.role))
            team.append(kept)
    amount = deal.amount
    if (
        isinstance(amount, Decimal)
        and amount.is_finite()
        and abs(amount) < MAX_AMOUNT
        and amount == amount.quantize(FEN)
    ):
        amount = amount.quantize(FEN)
    reason = deal.probability_reason
    if (
        deal.status is DealStatus.OPEN
        and isinstance(deal.stage, int)
        and 1 <= deal.stage <= len(playbook.stages)
        and deal.probability == playbook.stage(deal.stage).probability
    ):
        reason = ""
    lost = deal.status is DealStatus.LOST
    return replace(
        deal,
        modules=_unique(modules),
        team=tuple(team),
        competitors=_unique(fold(c) for c in deal.competitors),
        amount=amount,
        probability_reason=reason,
        lost_reason=deal.lost_reason if lost else "",
        winning_competitor=fold(deal.winning_competitor) if lost else "",
        playbook=deal.playbook or playbook.key,
    )


def validate_deal(deal: Deal, playbook: Playbook, *, today: date) -> Deal:
    """The normalised copy of *deal*; raises ``ValidationError`` listing every
    problem.  *today* is the caller's date, for the latest plausible date."""
    deal = normalize_deal(deal, playbook)
    problems = deal_problems(deal, playbook, today=today)
    if problems:
        raise ValidationError(problems)
    return deal


def deleted_problem() -> Problem:
    return Problem("", "deal.deleted", QT_TRANSLATE_NOOP("Domain", "The deal has been deleted"))


def edit_deal(
    deal: Deal, playbook: Playbook, *, today: date, now: datetime | None = None, **values: Any
) -> Deal:
    """*deal* with *values* (``DEAL_FIELDS`` only, typed or as text) applied
    and validated; raises ``ValidationError``.  Setting the probability to
    the stage's default clears its reason; any other value needs one."""
    if deal.deleted:
        raise ValidationError([deleted_problem()])
    parsed, problems = read_deal_fields(values, playbook)
    changed = replace(deal, **parsed)
    if now is not None:
        changed = replace(changed, updated_at=now)
    return checked_deal(changed, playbook, today=today, unread=problems)


def checked_deal(deal: Deal, playbook: Playbook, *, today: date, unread: list[Problem]) -> Deal:
    """``validate_deal`` that also reports *unread* (the values that could
    not be read), leaving out the rules of those fields, so every problem
    is listed at once."""
    deal = normalize_deal(deal, playbook)
    bad = {p.field for p in unread}
    problems = [
        *unread,
        *(p for p in deal_problems(deal, playbook, today=today) if p.field not in bad),
    ]
    if problems:
        raise ValidationError(problems)
    return deal


def set_probability(deal: Deal, probability: int, reason: str, playbook: Playbook) -> Deal:
    """*deal* with its probability overridden; the stage's default needs no
    reason (and clears the old one), any other value 0..100 needs one.  A
    closed deal's probability is fixed (won 100, lost 0)."""
    if deal.deleted:
        raise ValidationError([deleted_problem()])
    number = parse_probability(probability)
    if number is None or not 0 <= number <= 100:
        raise ValidationError(
            [
                Problem(
                    "probability",
                    "probability.range",
                    NOT_A_PROBABILITY,
                    {"value": _text(probability)},
                )
            ]
        )
    if not deal.is_open:
        fixed = 100 if deal.status is DealStatus.WON else 0
        if number != fixed:
            raise ValidationError([_closed_probability(number, fixed)])
        return deal
    reason = reason.strip()
    default = playbook.stage(deal.stage).probability
    if number == default:
        reason = ""
    elif not reason:
        raise ValidationError(
            [
                Problem(
                    "probability_reason",
                    "probability_reason.required",
                    REASON_REQUIRED_FOR_PROBABILITY,
                    {"probability": number, "default": default},
                )
            ]
        )
    elif len(reason) > MAX_REASON_LENGTH:
        raise ValidationError(
            [
                Problem(
                    "probability_reason",
                    "too_long",
                    _TOO_LONG,
                    {"max": MAX_REASON_LENGTH, "length": len(reason)},
                )
            ]
        )
    return replace(deal, probability=number, probability_reason=reason)


def reason_problems(reason: str) -> list[Problem]:
    """A move's or a decision's reason longer than ``MAX_REASON_LENGTH``."""
    if len(reason) > MAX_REASON_LENGTH:
        return [
            Problem(
                "reason",
                "reason.too_long",
                _REASON_TOO_LONG,
                {"max": MAX_REASON_LENGTH, "length": len(reason)},
            )
        ]
    return []
