"""The quote maths (both price modes), milestones, numbers, versions, the
problems of a quote, the send rule with approvals and reading lines from a
file."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from itertools import pairwise

import hypothesis
import pytest
from hypothesis import given
from hypothesis import strategies as st

from erpdesk.domain.errors import ValidationError
from erpdesk.domain.money import round_fen
from erpdesk.domain.quote import (
    VAT_RATES,
    ApprovalDecision,
    ItemKind,
    LineAmounts,
    Milestone,
    PriceMode,
    Quote,
    QuoteApproval,
    QuoteLine,
    QuoteStatus,
    line_amounts,
    line_column,
    max_discount,
    milestone_amounts,
    needs_approval,
    new_version,
    parse_line,
    parse_percent,
    quote_number,
    quote_problems,
    quote_totals,
    send_problems,
    validate_quote,
)

D = Decimal
SETTINGS = hypothesis.settings(max_examples=200, derandomize=True, database=None, deadline=None)
TODAY = date(2026, 12, 6)
INC, EXC = PriceMode.INCLUSIVE, PriceMode.EXCLUSIVE


def line(quantity="1", price="100", *, discount="0", vat="13", **kw) -> QuoteLine:
    return QuoteLine(
        description=kw.pop("description", "财务模块"),
        quantity=D(quantity),
        unit_price=D(price),
        discount=D(discount),
        vat_rate=D(vat),
        **kw,
    )


def quote(*lines: QuoteLine, **kw) -> Quote:
    kw.setdefault("quote_date", TODAY)
    return Quote(number="Q-ZHANG3-20261206-001", customer_id="c1", lines=lines, **kw)


def amounts(net, vat, total) -> LineAmounts:
    return LineAmounts(D(net), D(vat), D(total))


# --- hand-computed lines ---------------------------------------------------------


@pytest.mark.parametrize(
    ("the_line", "mode", "expected"),
    [
        # 99.99 / 1.13 = 88.4867... -> 88.49
        (line("3", "33.33"), INC, amounts("88.49", "11.50", "99.99")),
        # 99.99 * 0.13 = 12.9987 -> 13.00
        (line("3", "33.33"), EXC, amounts("99.99", "13.00", "112.99")),
        # 100.03 * 0.97 = 97.0291 -> 97.03; * 0.06 = 5.8218 -> 5.82
        (line("7", "14.29", discount="3", vat="6"), EXC, amounts("97.03", "5.82", "102.85")),
        # 97.03 / 1.06 = 91.5377... -> 91.54
        (line("7", "14.29", discount="3", vat="6"), INC, amounts("91.54", "5.49", "97.03")),
        # 2.5 * 1999.99 * 0.875 = 4374.978125 -> 4374.98; / 1.06 = 4127.3396 -> 4127.34
        (
            line("2.5", "1999.99", discount="12.5", vat="6"),
            INC,
            amounts("4127.34", "247.64", "4374.98"),
        ),
        # 0.3333 * 2999.99 = 999.896667 -> 999.90; * 0.13 = 129.987 -> 129.99
        (line("0.3333", "2999.99"), EXC, amounts("999.90", "129.99", "1129.89")),
        # half a fen rounds up: 0.5 * 0.01 = 0.005 -> 0.01; VAT 0.0013 -> 0.00
        (line("0.5", "0.01"), EXC, amounts("0.01", "0.00", "0.01")),
        # 0.50 * 1 % = 0.005 -> 0.01
        (line("1", "0.50", vat="1"), EXC, amounts("0.50", "0.01", "0.51")),
        # 1.5 * 0.03 = 0.045 -> 0.05; / 1.09 = 0.0458 -> 0.05, VAT 0.00
        (line("1.5", "0.03", vat="9"), INC, amounts("0.05", "0.00", "0.05")),
        (line("2", "5650.00"), INC, amounts("10000.00", "1300.00", "11300.00")),
        (line("10", "123.45", vat="0"), INC, amounts("1234.50", "0.00", "1234.50")),
        (line("4", "99.99", discount="100"), INC, amounts("0.00", "0.00", "0.00")),
        (line("4", "99.99", discount="100"), EXC, amounts("0.00", "0.00", "0.00")),
    ],
)
def test_line_amounts_by_hand(the_line, mode, expected):
    got = line_amounts(the_line, mode)
    assert got == expected
    assert all(a.as_tuple().exponent == -2 for a in (got.net, got.vat, got.total))


def test_the_quote_sums_the_printed_lines_not_the_unrounded_amounts():
    # each line's VAT 0.05 * 13 % = 0.0065 -> 0.01; on the total it would be
    # 0.15 * 13 % = 0.0195 -> 0.02
    q = quote(line("1", "0.05"), line("1", "0.05"), line("1", "0.05"), price_mode=EXC)
    totals = quote_totals(q)
    assert totals.lines == (amounts("0.05", "0.01", "0.06"),) * 3
    assert (totals.net, totals.vat, totals.total) == (D("0.15"), D("0.03"), D("0.18"))
    assert totals.total_in_words == "人民币壹角捌分"


def test_groups_come_in_item_kind_order_and_only_with_lines():
    q = quote(
        line("2.5", "1999.99", discount="12.5", vat="6", group=ItemKind.SERVICE),
        line("3", "33.33"),
        line("1", "1000", vat="6", group=ItemKind.SERVICE),
        milestones=(
            Milestone("合同签订", D(30)),
            Milestone("上线验收", D(60)),
            Milestone("质保期满", D(10)),
        ),
    )
    totals = quote_totals(q)
    assert [kind for kind, _ in totals.groups] == [ItemKind.LICENCE, ItemKind.SERVICE]
    services = dict(totals.groups)[ItemKind.SERVICE]
    # 1000 / 1.06 = 943.396 -> 943.40
    assert services == amounts("5070.74", "304.24", "5374.98")
    assert dict(totals.groups)[ItemKind.LICENCE] == amounts("88.49", "11.50", "99.99")
    assert totals.total == D("5474.97")
    assert totals.milestones == (D("1642.49"), D("3284.98"), D("547.50"))
    assert sum(totals.milestones) == totals.total
    assert totals.total_in_words == "人民币伍仟肆佰柒拾肆元玖角柒分"


def test_a_quote_without_lines_totals_zero():
    totals = quote_totals(quote())
    assert totals.lines == () and totals.groups == ()
    assert (totals.net, totals.vat, totals.total) == (D("0.00"),) * 3
    assert totals.total_in_words == "人民币零元整"
    assert totals.milestones == ()


@pytest.mark.parametrize(
    ("total", "percents", "expected"),
    [
        ("100.00", ["33.33", "33.33", "33.34"], ["33.33", "33.33", "33.34"]),
        ("1000.01", ["30", "60", "10"], ["300.00", "600.01", "100.00"]),
        ("0.01", ["30", "60", "10"], ["0.00", "0.01", "0.00"]),
        ("100", ["100"], ["100.00"]),
        ("99.99", ["33.33", "33.33", "33.34"], ["33.33", "33.33", "33.33"]),
    ],
)
def test_milestone_amounts(total, percents, expected):
    milestones = [Milestone(f"m{i}", D(p)) for i, p in enumerate(percents)]
    got = milestone_amounts(D(total), milestones)
    assert got == tuple(D(e) for e in expected)
    assert sum(got) == D(total)


# --- properties --------------------------------------------------------------------


def decimals(places: int, low: int, high: int):
    return st.integers(low * 10**places, high * 10**places).map(
        lambda n: Decimal(n).scaleb(-places)
    )


lines_st = st.builds(
    QuoteLine,
    description=st.just("x"),
    quantity=decimals(4, 0, 100_000).filter(lambda q: q > 0),
    unit_price=decimals(2, 0, 10_000_000),
    discount=decimals(2, 0, 100),
    vat_rate=st.sampled_from(VAT_RATES),
    group=st.sampled_from(list(ItemKind)),
)
modes = st.sampled_from(list(PriceMode))


def two_places(amount: Decimal) -> bool:
    return amount == round_fen(amount)


@SETTINGS
@given(lines_st, modes)
def test_every_line_adds_up_to_the_fen(the_line, mode):
    a = line_amounts(the_line, mode)
    assert a.total == a.net + a.vat
    assert all(two_places(x) for x in (a.net, a.vat, a.total))
    gross = the_line.quantity * the_line.unit_price * (1 - the_line.discount / 100)
    r = the_line.vat_rate / 100
    half = D("0.005")
    if mode is EXC:
        assert abs(a.net - gross) <= half
        assert abs(a.vat - a.net * r) <= half
    else:
        assert abs(a.total - gross) <= half
        assert abs(a.net * (1 + r) - a.total) <= half * (1 + r)
    assert a.net >= 0 and a.vat >= 0


@SETTINGS
@given(lines_st, modes)
def test_a_full_discount_gives_zero(the_line, mode):
    a = line_amounts(replace(the_line, discount=D(100)), mode)
    assert a == amounts("0", "0", "0")


@SETTINGS
@given(st.lists(lines_st, max_size=8), modes)
def test_quote_totals_are_the_sums_of_the_printed_lines(lines, mode):
    q = quote(*lines, price_mode=mode)
    totals = quote_totals(q)
    assert totals.lines == tuple(line_amounts(x, mode) for x in lines)
    for name in ("net", "vat", "total"):
        assert getattr(totals, name) == sum(getattr(a, name) for a in totals.lines)
        assert getattr(totals, name) == sum(getattr(g, name) for _, g in totals.groups)
    assert totals.total == totals.net + totals.vat
    kinds = [kind for kind, _ in totals.groups]
    assert kinds == [k for k in ItemKind if any(x.group is k for x in lines)]


@st.composite
def milestone_sets(draw):
    # cut 0..10000 (hundredths of a percent) into pieces, each > 0
    count = draw(st.integers(1, 6))
    cuts = sorted(draw(st.sets(st.integers(1, 9999), min_size=count - 1, max_size=count - 1)))
    bounds = [0, *cuts, 10000]
    return [Milestone(f"m{i}", D(b - a).scaleb(-2)) for i, (a, b) in enumerate(pairwise(bounds))]


@SETTINGS
@given(decimals(2, 0, 10**11), milestone_sets())
def test_milestones_always_sum_to_the_total_exactly(total, milestones):
    got = milestone_amounts(total, milestones)
    assert len(got) == len(milestones)
    assert sum(got) == total
    assert all(two_places(x) for x in got)
    for amount, milestone in zip(got[:-1], milestones[:-1], strict=True):
        assert abs(amount - total * milestone.percent / 100) <= D("0.005")
    # the last takes the remainder: within half a fen per milestone
    last_exact = total * milestones[-1].percent / 100
    assert abs(got[-1] - last_exact) <= D("0.005") * len(milestones)


# --- numbers, versions, approval ---------------------------------------------------


@pytest.mark.parametrize(
    ("code", "sequence", "expected"),
    [
        ("zhang3", 1, "Q-ZHANG3-20261206-001"),
        (" Zhang-3 ", 42, "Q-ZHANG3-20261206-042"),
        ("ｚｈａｎｇ３", 7, "Q-ZHANG3-20261206-007"),  # full-width
        ("li.si", 1234, "Q-LISI-20261206-1234"),
    ],
)
def test_quote_number(code, sequence, expected):
    assert quote_number(code, TODAY, sequence) == expected


@pytest.mark.parametrize(("code", "sequence"), [("", 1), ("张三", 1), ("-", 1), ("ab", 0)])
def test_quote_number_refuses_an_empty_code_or_a_bad_sequence(code, sequence):
    with pytest.raises(ValueError):
        quote_number(code, TODAY, sequence)


def test_needs_approval_and_max_discount():
    q = quote(line(discount="5"), line(discount="12.5"), discount_limit=D(10))
    assert max_discount(q) == D("12.5")
    assert needs_approval(q)
    assert not needs_approval(replace(q, discount_limit=D("12.5")))
    assert max_discount(quote()) == 0
    assert not needs_approval(quote())


def test_new_version_is_a_draft_copy_dated_today_with_the_same_validity_length():
    sent = quote(
        line(),
        quote_date=date(2026, 11, 1),
        valid_until=date(2026, 12, 1),
        status=QuoteStatus.SENT,
        version=2,
        sent_at=datetime(2026, 11, 2, tzinfo=UTC),
        server_version=17,
        author="张三",
        created_at=datetime(2026, 11, 1, tzinfo=UTC),
    )
    copy = new_version(sent, author="李四", today=TODAY)
    assert copy.id != sent.id
    assert copy.number == sent.number
    assert copy.version == 3
    assert copy.status is QuoteStatus.DRAFT
    assert copy.quote_date == TODAY
    assert copy.valid_until == TODAY + timedelta(days=30)
    assert copy.sent_at is None and copy.server_version is None
    assert copy.author == "李四"
    assert copy.created_at > sent.created_at and copy.updated_at == copy.created_at
    assert copy.lines == sent.lines
    assert sent.status is QuoteStatus.SENT  # the old one is untouched
    assert new_version(replace(sent, valid_until=None), author="x", today=TODAY).valid_until is None


# --- problems ------------------------------------------------------------------------


def codes(problems) -> set[tuple[str, str]]:
    return {(p.field, p.code) for p in problems}


def test_a_good_quote_has_no_problems():
    q = quote(
        line("3", "33.33"),
        line("2.5", "1999.99", discount="12.5", vat="6", group=ItemKind.SERVICE),
        valid_until=TODAY + timedelta(days=30),
        milestones=(Milestone("合同签订", D("30")), Milestone("上线验收", D("70.00"))),
    )
    assert quote_problems(q, today=TODAY) == []


@pytest.mark.parametrize(
    ("the_line", "field", "code"),
    [
        (line(description="  "), "lines[0].description", "description_required"),
        (line("-1"), "lines[0].quantity", "negative_quantity"),
        (line("0"), "lines[0].quantity", "zero_quantity"),
        (line("1.00001"), "lines[0].quantity", "quantity_precision"),
        (line("NaN"), "lines[0].quantity", "not_a_number"),
        (line("1", "-0.01"), "lines[0].unit_price", "negative_price"),
        (line("1", "0.001"), "lines[0].unit_price", "price_precision"),
        (line("1", "Infinity"), "lines[0].unit_price", "not_a_number"),
        (line(discount="-1"), "lines[0].discount", "discount_range"),
        (line(discount="100.01"), "lines[0].discount", "discount_range"),
        (line(discount="NaN"), "lines[0].discount", "discount_range"),
        (line(vat="17"), "lines[0].vat_rate", "unknown_vat_rate"),
        (line(vat="NaN"), "lines[0].vat_rate", "unknown_vat_rate"),
    ],
)
def test_each_line_problem(the_line, field, code):
    problems = quote_problems(quote(the_line), today=TODAY)
    assert codes(problems) == {(field, code)}
    assert "{" not in problems[0].render()
    assert problems[0].render().startswith("Line 1:")


def test_line_problems_name_the_line_they_concern():
    q = quote(line(), line(), line(discount="150"))
    [problem] = quote_problems(q, today=TODAY)
    assert problem.field == "lines[2].discount"
    assert problem.render() == "Line 3: the discount must be between 0 and 100 %"


def test_precision_allows_trailing_zeros():
    q = quote(line("1.50000", "12.300"), line("2E+3", "1E+2"))
    assert quote_problems(q, today=TODAY) == []


def test_no_lines():
    assert codes(quote_problems(quote(), today=TODAY)) == {("lines", "no_lines")}


def test_a_total_that_is_a_slip_is_refused():
    q = quote(line("100000", "10000000"), line("9999", "1E+20"))
    assert codes(quote_problems(q, today=TODAY)) == {("lines", "total_too_large")}


def test_vat_rates_can_be_configured():
    q = quote(line(vat="17"))
    assert quote_problems(q, today=TODAY, vat_rates=(*VAT_RATES, D(17))) == []
    [problem] = quote_problems(q, today=TODAY)
    assert problem.params["rates"] == "0, 1, 3, 5, 6, 9, 13"
    assert (
        problem.render()
        == "Line 1: 17 % is not a VAT rate in force; use one of 0, 1, 3, 5, 6, 9, 13"
    )


@pytest.mark.parametrize(
    ("milestones", "expected"),
    [
        ([("a", "30"), ("b", "60")], {("milestones", "milestones_sum")}),
        (
            [("a", "30"), ("b", "70.001")],
            {("milestones[1].percent", "milestone_percent"), ("milestones", "milestones_sum")},
        ),
        ([("a", "0"), ("b", "100")], {("milestones[0].percent", "milestone_percent")}),
        ([("a", "-10"), ("b", "110")], {("milestones[0].percent", "milestone_percent")}),
        ([(" ", "100")], {("milestones[0].name", "milestone_name_required")}),
        ([("a", "33.33"), ("b", "33.33"), ("c", "33.34")], set()),
        ([], set()),
    ],
)
def test_milestone_problems(milestones, expected):
    q = quote(line(), milestones=tuple(Milestone(n, D(p)) for n, p in milestones))
    problems = quote_problems(q, today=TODAY)
    assert codes(problems) == expected
    assert all("{" not in p.render() for p in problems)


def test_date_problems():
    before = quote(line(), valid_until=TODAY - timedelta(days=1))
    [problem] = quote_problems(before, today=TODAY)
    assert (problem.field, problem.code) == ("valid_until", "valid_until_before_date")
    assert problem.render() == (
        "The quote is valid until 2026-12-05, before its own date 2026-12-06"
    )
    far = quote(line(), valid_until=date(2030, 1, 1))
    assert codes(quote_problems(far, today=TODAY)) == {("valid_until", "implausible_date")}
    old = quote(line(), quote_date=date(1900, 1, 1))
    assert codes(quote_problems(old, today=TODAY)) == {("quote_date", "implausible_date")}
    # valid until the quote's own date is fine
    assert quote_problems(quote(line(), valid_until=TODAY), today=TODAY) == []


def test_validate_quote_strips_texts_and_raises_with_every_problem():
    q = quote(
        line(description="  财务模块 ", unit=" 用户 ", item=" FIN-U "),
        title=" 报价 ",
        notes=" n ",
        delivery_terms=" d ",
        milestones=(Milestone(" 合同签订 ", D(100), due=" 7 日内 "),),
    )
    clean = validate_quote(q, today=TODAY)
    assert clean is not q
    assert (clean.title, clean.notes, clean.delivery_terms) == ("报价", "n", "d")
    assert (clean.lines[0].description, clean.lines[0].unit, clean.lines[0].item) == (
        "财务模块",
        "用户",
        "FIN-U",
    )
    assert (clean.milestones[0].name, clean.milestones[0].due) == ("合同签订", "7 日内")
    assert q.title == " 报价 "  # the input is untouched
    bad = quote(line(description=" ", discount="101"), valid_until=TODAY - timedelta(days=1))
    with pytest.raises(ValidationError) as caught:
        validate_quote(bad, today=TODAY)
    assert codes(caught.value.problems) == {
        ("lines[0].description", "description_required"),
        ("lines[0].discount", "discount_range"),
        ("valid_until", "valid_until_before_date"),
    }


# --- sending -------------------------------------------------------------------------

EDITED = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


def pending() -> Quote:
    return quote(
        line(discount="15"),
        discount_limit=D(10),
        status=QuoteStatus.PENDING_APPROVAL,
        updated_at=EDITED,
        valid_until=TODAY,
    )


def request(q: Quote, minutes: int) -> QuoteApproval:
    return QuoteApproval(q.id, EDITED + timedelta(minutes=minutes), "张三", max_discount(q))


def decision(q: Quote, minutes: int, approve: bool = True, **kw) -> QuoteApproval:
    kw.setdefault("max_discount", max_discount(q))
    return QuoteApproval(
        kw.pop("quote_id", q.id),
        EDITED + timedelta(minutes=minutes),
        "王经理",
        decision=ApprovalDecision.APPROVED if approve else ApprovalDecision.REJECTED,
        **kw,
    )


def send_codes(q, approvals, today=TODAY):
    return [p.code for p in send_problems(q, approvals, today=today)]


def test_a_draft_within_the_limit_can_be_sent():
    assert send_codes(quote(line(discount="10"), discount_limit=D(10)), []) == []


def test_a_discount_above_the_limit_needs_an_approval():
    q = pending()
    [problem] = send_problems(q, [request(q, 0)], today=TODAY)
    assert problem.code == "needs_approval"
    assert problem.render() == (
        "A discount of 15 % is above your limit of 10 %: a manager's approval is needed "
        "before the quote can be sent"
    )


def test_an_approval_after_the_last_request_counts():
    q = pending()
    assert send_codes(q, [request(q, 0), decision(q, 5)]) == []
    # the decision's order in the list does not matter
    assert send_codes(q, [decision(q, 5), request(q, 0)]) == []


def test_an_approval_before_a_new_request_does_not_count():
    q = pending()
    assert send_codes(q, [request(q, 0), decision(q, 5), request(q, 10)]) == ["needs_approval"]


def test_an_edit_after_the_approval_voids_it():
    q = pending()
    approvals = [request(q, 0), decision(q, 5)]
    edited = replace(q, updated_at=EDITED + timedelta(minutes=6))
    assert send_codes(edited, approvals) == ["needs_approval"]


def test_an_approval_of_another_quote_or_a_deleted_one_does_not_count():
    q = pending()
    assert send_codes(q, [request(q, 0), decision(q, 5, quote_id="other")]) == ["needs_approval"]
    assert send_codes(q, [request(q, 0), decision(q, 5, deleted=True)]) == ["needs_approval"]


def test_an_approval_of_a_smaller_discount_does_not_cover_a_larger_one():
    q = pending()
    assert send_codes(q, [request(q, 0), decision(q, 5, max_discount=D(12))]) == ["needs_approval"]


def test_a_rejection_is_reported_and_the_latest_decision_wins():
    q = pending()
    assert send_codes(q, [request(q, 0), decision(q, 5, approve=False)]) == ["approval_rejected"]
    assert send_codes(q, [request(q, 0), decision(q, 5, False), decision(q, 7)]) == []
    assert send_codes(q, [request(q, 0), decision(q, 5), decision(q, 7, False)]) == [
        "approval_rejected"
    ]
    # asking again after a rejection: pending once more
    assert send_codes(q, [request(q, 0), decision(q, 5, False), request(q, 8)]) == [
        "needs_approval"
    ]


def test_naive_times_are_taken_as_utc():
    q = pending()
    naive = replace(decision(q, 5), at=(EDITED + timedelta(minutes=5)).replace(tzinfo=None))
    assert send_codes(q, [request(q, 0), naive]) == []


@pytest.mark.parametrize(
    "status",
    [QuoteStatus.SENT, QuoteStatus.ACCEPTED, QuoteStatus.DECLINED, QuoteStatus.SUPERSEDED],
)
def test_a_frozen_version_cannot_be_sent(status):
    q = replace(pending(), status=status)
    [problem] = send_problems(q, [], today=TODAY)
    assert problem.code == "frozen"
    assert "{" not in problem.render()


def test_an_expired_quote_cannot_be_sent():
    q = quote(line(), valid_until=TODAY)
    assert send_codes(q, [], today=TODAY) == []
    assert send_codes(q, [], today=TODAY + timedelta(days=1)) == ["expired"]
    assert send_codes(replace(q, valid_until=None), [], today=date(2099, 1, 1)) == []
    both = send_codes(pending(), [], today=TODAY + timedelta(days=1))
    assert both == ["needs_approval", "expired"]


# --- reading lines from a file -----------------------------------------------------------


def test_parse_line_with_chinese_headers():
    row = {
        "品名": "FIN-U",
        "描述": " 财务模块 ",
        "数量": "10",
        "单位": "用户",
        "单价": "¥1,200.00",
        "折扣": "9折",
        "税率": "13%",
        "类别": "软件许可",
    }
    parsed, problems = parse_line(row, row_number=2)
    assert problems == []
    assert parsed == QuoteLine(
        description="财务模块",
        quantity=D(10),
        unit_price=D("1200.00"),
        group=ItemKind.LICENCE,
        item="FIN-U",
        unit="用户",
        discount=D(10),
        vat_rate=D(13),
    )


def test_parse_line_with_english_headers_and_xlsx_values():
    row = {
        " Item ": "IMPL",
        "Description": "Implementation",
        "Quantity": 20.0,
        "Unit": "person-day",
        "Unit Price": 1800,
        "Discount (%)": 0.05,
        "VAT rate": 0.06,
        "Group": "service",
        "Amount": 34200,
        "序号": 1,
    }
    parsed, problems = parse_line(row, row_number=3)
    assert problems == []
    assert parsed is not None
    assert (parsed.quantity, parsed.unit_price, parsed.discount, parsed.vat_rate) == (
        D(20),
        D(1800),
        D(5),
        D(6),
    )
    assert parsed.group is ItemKind.SERVICE
    assert str(parsed.vat_rate) == "6"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10%", "10"),
        ("10", "10"),
        ("0.1", "10"),
        ("１０％", "10"),
        ("12.5 %", "12.5"),
        ("9折", "10"),
        ("85折", "15"),
        ("9.5折", "5"),
        (0, "0"),
        ("abc", None),
        ("", None),
    ],
)
def test_parse_percent(text, expected):
    got = parse_percent(text, fraction=True)
    assert got == (None if expected is None else D(expected))


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("单价", "unit_price"),
        ("Unit Price", "unit_price"),
        ("unit-price", "unit_price"),
        ("折扣(%)", "discount"),
        ("折扣（％）", "discount"),
        ("ＶＡＴ", "vat_rate"),
        ("项目", "item"),
        ("说明", "description"),
        ("金额", ""),
        ("", ""),
        (None, ""),
        ("dicount", None),
    ],
)
def test_line_column(header, column):
    assert line_column(header) == column


def test_parse_line_defaults_group_and_vat_rate_from_the_item():
    row = {"item": "MAINT", "description": "年度维护", "quantity": "1", "unit_price": "5000"}
    parsed, _ = parse_line(row, row_number=2, item_kinds={"MAINT": ItemKind.MAINTENANCE})
    assert parsed is not None
    assert (parsed.group, parsed.vat_rate, parsed.discount) == (ItemKind.MAINTENANCE, D(6), D(0))
    parsed, _ = parse_line(row, row_number=2)
    assert parsed is not None and (parsed.group, parsed.vat_rate) == (ItemKind.LICENCE, D(13))
    parsed, _ = parse_line(
        row,
        row_number=2,
        item_kinds={"MAINT": ItemKind.MAINTENANCE},
        kind_vat_rates={ItemKind.MAINTENANCE: D(9)},
    )
    assert parsed is not None and parsed.vat_rate == D(9)


def test_a_blank_row_is_skipped():
    assert parse_line({"数量": None, "单价": "  "}, row_number=9) == (None, [])


def test_parse_line_reports_every_problem_of_the_row():
    row = {
        "描述": "",
        "数量": "abc",
        "单价": "12.345",
        "折扣": "150",
        "类别": "硬件",
        "备注": "加急",
    }
    parsed, problems = parse_line(row, row_number=7)
    assert parsed is None
    assert codes(problems) == {
        ("备注", "unknown_column"),
        ("quantity", "not_a_number"),
        ("group", "unknown_group"),
    }
    assert all(p.render().startswith("Row 7:") for p in problems)
    assert "abc" in next(p for p in problems if p.code == "not_a_number").render()

    row = {"描述": " ", "数量": "-1", "单价": "12.345", "折扣": "150", "税率": "17%"}
    parsed, problems = parse_line(row, row_number=8)
    assert parsed is None
    assert codes(problems) == {
        ("description", "description_required"),
        ("quantity", "negative_quantity"),
        ("unit_price", "price_precision"),
        ("discount", "discount_range"),
        ("vat_rate", "unknown_vat_rate"),
    }
    assert all(p.render().startswith("Row 8:") for p in problems)


def test_parse_line_requires_quantity_and_price():
    parsed, problems = parse_line({"description": "x"}, row_number=4)
    assert parsed is None
    assert codes(problems) == {("quantity", "required"), ("unit_price", "required")}
    assert problems[0].render() == "Row 4: the column quantity / 数量 needs a value"
