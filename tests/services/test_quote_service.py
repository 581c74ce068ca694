"""The quote use cases on a real database: numbering, the parties a quote
may name, validation with nothing half-saved, the approval flow, frozen
versions and new versions, sending and the answer, lists, lines read from
CSV (UTF-8 and GBK) and XLSX files, the catalogue, settings, the board's
"no quote" flag and what a quote PDF needs."""

from __future__ import annotations

import csv
import json
import shutil
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from erpdesk.app import open_desk
from erpdesk.domain.customer import Contact, Customer
from erpdesk.domain.errors import DomainError, NotFound, ValidationError
from erpdesk.domain.forecast import HealthFlag
from erpdesk.domain.quote import (
    ApprovalDecision,
    ItemKind,
    Milestone,
    PriceMode,
    QuoteLine,
    QuoteStatus,
    quote_totals,
)
from erpdesk.services.events import Change
from erpdesk.services.quotes import (
    QuoteRefused,
    QuoteService,
    QuoteSettings,
    default_milestones,
)

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)
TODAY = NOW.astimezone().date()


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    """A database at the newest schema, made once: each test opens a copy
    (migrating costs more than most tests here)."""
    path = tmp_path_factory.mktemp("template") / "desk.db"
    open_desk(path).close()
    return path


@pytest.fixture
def desk(tmp_path, migrated):
    shutil.copyfile(migrated, tmp_path / "desk.db")
    opened = open_desk(tmp_path / "desk.db", owner="zhang.wei")
    yield opened
    opened.close()


@pytest.fixture
def clock():
    return Clock(NOW)


@pytest.fixture
def quotes(desk, clock) -> QuoteService:
    return QuoteService(desk.unit_of_work, desk.feed, user="zhang.wei", clock=clock)


@pytest.fixture
def customer(desk) -> Customer:
    return desk.customers.create(
        Customer(name="浪潮电子信息产业股份有限公司", uscc="91370000163446410B"),
        [Contact(customer_id="", name="王明", title="信息中心主任", mobile="13912345678")],
    )


def line(discount: str = "0", **fields) -> QuoteLine:
    values = dict(
        description="财务管理模块用户许可",
        quantity=Decimal("3"),
        unit_price=Decimal("33.33"),
        discount=Decimal(discount),
    )
    values.update(fields)
    return QuoteLine(**values)


def ops(desk, entity: str | None = None) -> list[tuple[str, str, dict]]:
    rows = desk.db.reader.execute("SELECT * FROM outbox ORDER BY seq")
    found = [(r["entity"], r["op"], json.loads(r["fields"])) for r in rows]
    return [o for o in found if entity is None or o[0] == entity]


def count(desk, table: str) -> int:
    return desk.db.reader.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


# -- settings -------------------------------------------------------------------------


def test_default_settings_take_the_rep_code_from_the_device(desk, quotes):
    settings = quotes.settings()
    device = desk.db.meta("device_id").replace("-", "")
    assert settings.rep_code == "D" + device[:5].upper()
    assert settings.discount_limit == Decimal("10") and settings.validity_days == 30
    assert [(m.name, m.percent) for m in settings.milestones] == [
        ("合同签订", 30),
        ("上线验收", 60),
        ("质保期满", 10),
    ]


def test_settings_are_checked_and_saved_whole(quotes):
    saved = quotes.save_settings(
        QuoteSettings(rep_code=" zhang3 ", discount_limit=Decimal("12.5"), validity_days=45)
    )
    assert saved.rep_code == "ZHANG3"
    assert quotes.settings() == saved
    bad = QuoteSettings(
        rep_code="张伟",
        discount_limit=Decimal("101"),
        validity_days=0,
        milestones=(Milestone("合同签订", Decimal("30")), Milestone("", Decimal("60"))),
    )
    with pytest.raises(ValidationError) as caught:
        quotes.save_settings(bad)
    fields = {p.field for p in caught.value.problems}
    assert {
        "rep_code",
        "discount_limit",
        "validity_days",
        "milestones",
        "milestones[1].name",
    } <= fields
    for rep_code in ("", "ABCDEFGHIJKLM", "ZH-3"):
        with pytest.raises(ValidationError):
            quotes.save_settings(replace(saved, rep_code=rep_code))
    with pytest.raises(ValidationError):
        quotes.save_settings(replace(saved, discount_limit=Decimal("10.005")))
    assert quotes.settings() == saved  # nothing of the refused ones


# -- numbering and making --------------------------------------------------------------


def test_numbers_count_within_a_day_and_start_again_the_next(quotes, customer, clock):
    quotes.save_settings(QuoteSettings(rep_code="ZHANG"))
    made = [quotes.new_quote(customer.id, lines=[line()]) for _ in range(3)]
    clock.advance(days=1)
    made.append(quotes.new_quote(customer.id, lines=[line()]))
    day, next_day = TODAY.strftime("%Y%m%d"), (TODAY + timedelta(days=1)).strftime("%Y%m%d")
    assert [q.number for q in made] == [
        f"Q-ZHANG-{day}-001",
        f"Q-ZHANG-{day}-002",
        f"Q-ZHANG-{day}-003",
        f"Q-ZHANG-{next_day}-001",
    ]
    assert len({q.number for q in made}) == 4


def test_a_number_already_taken_is_skipped(desk, quotes, customer):
    quotes.save_settings(QuoteSettings(rep_code="ZHANG"))
    first = quotes.new_quote(customer.id, lines=[line()])
    with desk.unit_of_work() as uow:  # the sequence lost (a restored backup ...)
        uow._session.connection().exec_driver_sql("DELETE FROM quote_sequence")
        uow.commit()
    second = quotes.new_quote(customer.id, lines=[line()])
    assert first.number.endswith("-001") and second.number.endswith("-002")


def test_a_new_quote_is_dated_today_valid_for_the_settings_days_and_written_with_its_op(
    desk, quotes, customer
):
    changes: list[Change] = []
    desk.feed.subscribe(changes.append)
    q = quotes.new_quote(customer.id, lines=[line()], title=" 浪潮报价 ", delivery_terms="30 天")
    assert q.quote_date == TODAY and q.valid_until == TODAY + timedelta(days=30)
    assert q.title == "浪潮报价" and q.author == "zhang.wei" and q.status is QuoteStatus.DRAFT
    assert q.milestones == default_milestones() and q.discount_limit == Decimal("10")
    assert quotes.get(q.id) == q
    ((entity, op, fields),) = ops(desk, "quote")
    assert (entity, op, fields["number"], fields["status"]) == (
        "quote",
        "create",
        q.number,
        "draft",
    )
    assert changes == [Change("quote", (q.id,))]


def test_an_english_quote_gets_english_default_milestones(quotes, customer):
    q = quotes.new_quote(customer.id, lines=[line()], language="en")
    assert [m.name for m in q.milestones] == [
        "Contract signing",
        "Go-live acceptance",
        "End of warranty",
    ]
    assert [m.percent for m in q.milestones] == [30, 60, 10]


def test_bad_input_is_refused_with_every_problem_and_nothing_written(desk, quotes, customer):
    before = (count(desk, "quote"), count(desk, "outbox"))
    bad = [line(discount="120"), line(quantity=Decimal("-1"), unit_price=Decimal("1.005"))]
    with pytest.raises(ValidationError) as caught:
        quotes.new_quote(
            customer.id,
            lines=bad,
            valid_until=TODAY - timedelta(days=1),
            language="fr",
            milestones=[Milestone("合同签订", Decimal("50"))],
        )
    codes = {p.code for p in caught.value.problems}
    assert {
        "discount_range",
        "negative_quantity",
        "price_precision",
        "valid_until_before_date",
        "milestones_sum",
        "unknown_language",
    } <= codes
    with pytest.raises(ValidationError) as caught:
        quotes.new_quote(customer.id)
    assert [p.code for p in caught.value.problems] == ["no_lines"]
    assert (count(desk, "quote"), count(desk, "outbox")) == before
    assert count(desk, "quote_sequence") == 0  # no number was used up


def test_the_customer_must_exist_and_be_current_and_the_deal_must_be_its_own(
    desk, quotes, customer
):
    with pytest.raises(NotFound):
        quotes.new_quote("c-404", lines=[line()])
    other = desk.customers.create(Customer(name="济南华盛精密机械有限公司"))
    deal = desk.deals.create(other.id, "华盛ERP", stage=5)
    with pytest.raises(ValidationError) as caught:
        quotes.new_quote(customer.id, deal_id=deal.id, lines=[line()])
    assert caught.value.problems[0].code == "quote.other_customer"
    assert "华盛ERP" in caught.value.render()
    with pytest.raises(NotFound):
        quotes.new_quote(other.id, deal_id="d-404", lines=[line()])
    desk.deals.delete(deal.id)
    desk.customers.delete(other.id)
    with pytest.raises(ValidationError) as caught:
        quotes.new_quote(other.id, lines=[line()])
    assert caught.value.problems[0].code == "customer.deleted"
    assert count(desk, "quote") == 0 and count(desk, "quote_sequence") == 0


def test_a_customer_is_found_by_credit_code_or_name_as_the_import_finds_it(desk, quotes, customer):
    assert quotes.find_customer("91370000163446410B") == customer.id
    assert (
        quotes.find_customer(" ９１３７００００１６３４４６４１０b ") == customer.id
    )  # full width
    assert quotes.find_customer("浪潮电子信息产业股份有限公司") == customer.id
    assert quotes.find_customer("浪潮电子信息产业有限公司") == customer.id  # legal form aside
    with pytest.raises(NotFound) as caught:
        quotes.find_customer("没有这家公司")
    assert "没有这家公司" in caught.value.render()
    with pytest.raises(DomainError) as caught:
        quotes.find_customer("91110000MA01ABCD0X")
    assert "91110000MA01ABCD0X" in caught.value.render()
    gone = desk.customers.create(Customer(name="济南华盛精密机械有限公司"))
    desk.customers.delete(gone.id)
    with pytest.raises(DomainError) as caught:
        quotes.find_customer("济南华盛精密机械有限公司")
    assert "deleted" in caught.value.render()


# -- approval ---------------------------------------------------------------------


def test_a_discount_above_the_limit_waits_for_a_managers_approval_before_sending(
    desk, quotes, customer, clock
):
    q = quotes.new_quote(customer.id, lines=[line("5"), line("15")])
    assert q.status is QuoteStatus.PENDING_APPROVAL
    (request,) = quotes.approvals(q.id)
    assert request.decision is None and request.max_discount == Decimal("15")
    assert request.by == "zhang.wei"
    assert [e for e, op, _ in ops(desk)][-2:] == ["quote", "quote_approval"]  # request after quote

    with pytest.raises(ValidationError) as caught:
        quotes.mark_sent(q.id)
    assert [p.code for p in caught.value.problems] == ["needs_approval"]
    with pytest.raises(QuoteRefused):
        quotes.record_approval(q.id, by=" Zhang.Wei ", approve=True)  # the author
    with pytest.raises(ValidationError):
        quotes.record_approval(q.id, by="  ", approve=True)

    clock.advance(hours=1)
    quotes.record_approval(q.id, by="刘志强", approve=False, note="折扣过高")
    with pytest.raises(ValidationError) as caught:
        quotes.mark_sent(q.id)
    assert [p.code for p in caught.value.problems] == ["approval_rejected"]
    assert quotes.get(q.id).status is QuoteStatus.PENDING_APPROVAL

    clock.advance(hours=1)
    decision = quotes.record_approval(q.id, by="刘志强", approve=True, note="战略客户")
    assert decision.decision is ApprovalDecision.APPROVED and decision.note == "战略客户"
    approved = quotes.get(q.id)
    assert approved.status is QuoteStatus.APPROVED and approved.updated_at == q.updated_at
    with pytest.raises(QuoteRefused):  # only a pending version is decided on
        quotes.record_approval(q.id, by="刘志强", approve=True)

    clock.advance(hours=1)
    sent = quotes.mark_sent(q.id)
    assert sent.status is QuoteStatus.SENT and sent.sent_at == clock.now
    assert [d.decision for d in quotes.approvals(q.id)] == [
        None,
        ApprovalDecision.REJECTED,
        ApprovalDecision.APPROVED,
    ]
    assert [f for e, op, f in ops(desk, "quote") if op == "update"][-1] == {
        "status": "sent",
        "sent_at": clock.now.isoformat(timespec="microseconds"),
    }


def test_an_edited_approved_version_needs_approval_again_or_becomes_a_draft(
    quotes, customer, clock
):
    q = quotes.new_quote(customer.id, lines=[line("15")])
    clock.advance(hours=1)
    quotes.record_approval(q.id, by="刘志强", approve=True)
    approved = quotes.get(q.id)

    clock.advance(hours=1)
    edited = quotes.update(replace(approved, title="改了标题"))
    assert edited.status is QuoteStatus.PENDING_APPROVAL  # the approval is void
    assert edited.updated_at == clock.now
    assert [a.decision for a in quotes.approvals(q.id)] == [None, ApprovalDecision.APPROVED, None]
    with pytest.raises(ValidationError) as caught:
        quotes.mark_sent(q.id)
    assert [p.code for p in caught.value.problems] == ["needs_approval"]

    clock.advance(hours=1)
    same_discount = quotes.update(replace(edited, notes="含首年维护"))
    assert same_discount.status is QuoteStatus.PENDING_APPROVAL
    assert len(quotes.approvals(q.id)) == 3  # still the same request: no new one

    clock.advance(hours=1)
    lowered = quotes.update(replace(same_discount, lines=(line("10"),)))
    assert lowered.status is QuoteStatus.DRAFT
    assert quotes.mark_sent(q.id).status is QuoteStatus.SENT


def test_an_unchanged_save_writes_nothing(desk, quotes, customer):
    q = quotes.new_quote(customer.id, lines=[line()])
    before = count(desk, "outbox")
    assert quotes.update(replace(q)) == q
    assert count(desk, "outbox") == before


def test_an_edit_keeps_number_customer_and_author_and_is_validated(desk, quotes, customer):
    q = quotes.new_quote(customer.id, lines=[line()])
    other = desk.customers.create(Customer(name="济南华盛精密机械有限公司"))
    saved = quotes.update(
        replace(q, number="X", customer_id=other.id, author="li.na", price_mode=PriceMode.EXCLUSIVE)
    )
    assert (saved.number, saved.customer_id, saved.author) == (q.number, q.customer_id, q.author)
    assert saved.price_mode is PriceMode.EXCLUSIVE
    with pytest.raises(ValidationError):
        quotes.update(replace(saved, lines=()))
    assert quotes.get(q.id) == saved


# -- frozen versions, new versions, the answer ----------------------------------------


def test_a_sent_version_is_frozen_and_a_new_version_copies_it(desk, quotes, customer, clock):
    q = quotes.new_quote(customer.id, lines=[line()])
    sent = quotes.mark_sent(q.id)
    with pytest.raises(QuoteRefused) as caught:
        quotes.update(replace(sent, title="改"))
    assert q.number in caught.value.render()
    with pytest.raises(ValidationError) as caught:
        quotes.mark_sent(q.id)
    assert [p.code for p in caught.value.problems] == ["frozen"]
    with pytest.raises(QuoteRefused):
        quotes.delete(q.id)

    clock.advance(days=3)
    v2 = quotes.new_version(q.id)
    assert (v2.number, v2.version, v2.status) == (q.number, 2, QuoteStatus.DRAFT)
    assert v2.quote_date == TODAY + timedelta(days=3)
    assert v2.valid_until == v2.quote_date + (q.valid_until - q.quote_date)
    assert v2.lines == q.lines and v2.id != q.id
    assert quotes.get(q.id).status is QuoteStatus.SENT  # the customer has it
    assert quotes.by_number(q.number).id == v2.id
    assert quotes.by_number(q.number.lower(), 1).id == q.id
    with pytest.raises(NotFound):
        quotes.by_number(q.number, 9)
    with pytest.raises(NotFound):
        quotes.by_number("Q-NONE-20261206-001")

    # sending the new version supersedes the one sent before
    v2 = quotes.update(replace(v2, lines=(line("8"),)))
    quotes.mark_sent(v2.id)
    assert [v.status for v in quotes.versions(q.number)] == [
        QuoteStatus.SUPERSEDED,
        QuoteStatus.SENT,
    ]


def test_a_new_version_supersedes_an_unsent_latest_and_asks_approval_again(quotes, customer, clock):
    q = quotes.new_quote(customer.id, lines=[line("15")])
    clock.advance(hours=1)
    v2 = quotes.new_version(q.id)
    assert quotes.get(q.id).status is QuoteStatus.SUPERSEDED
    assert v2.status is QuoteStatus.PENDING_APPROVAL
    assert [a.decision for a in quotes.approvals(v2.id)] == [None]
    v3 = quotes.new_version(q.id)  # from any version: a copy of the latest
    assert v3.version == 3 and quotes.get(v2.id).status is QuoteStatus.SUPERSEDED
    with pytest.raises(QuoteRefused):
        quotes.update(replace(quotes.get(q.id), title="改"))
    quotes.delete(v3.id)
    assert quotes.new_version(v2.id).version == 4  # version 3 is never given again


def test_only_a_sent_version_is_accepted_or_declined(quotes, customer):
    q = quotes.new_quote(customer.id, lines=[line()])
    with pytest.raises(QuoteRefused):
        quotes.mark_outcome(q.id, True)
    quotes.mark_sent(q.id)
    assert quotes.mark_outcome(q.id, True).status is QuoteStatus.ACCEPTED
    with pytest.raises(QuoteRefused):
        quotes.mark_outcome(q.id, False)
    other = quotes.new_quote(customer.id, lines=[line()])
    quotes.mark_sent(other.id)
    assert quotes.mark_outcome(other.id, False).status is QuoteStatus.DECLINED


def test_an_expired_quote_cannot_be_sent(quotes, customer, clock):
    q = quotes.new_quote(customer.id, lines=[line()], valid_until=TODAY + timedelta(days=2))
    clock.advance(days=3)
    with pytest.raises(ValidationError) as caught:
        quotes.mark_sent(q.id)
    assert [p.code for p in caught.value.problems] == ["expired"]
    (summary,) = quotes.summaries()
    assert summary.expired


def test_only_drafts_and_pending_versions_are_deleted(desk, quotes, customer):
    q = quotes.new_quote(customer.id, lines=[line("15")])
    quotes.delete(q.id)
    with pytest.raises(NotFound):
        quotes.get(q.id)
    assert ops(desk, "quote")[-1][1] == "delete"
    assert quotes.summaries() == []


# -- lists -----------------------------------------------------------------------------


def test_summaries_show_the_latest_versions_with_names_totals_and_filters(
    desk, quotes, customer, clock
):
    deal = desk.deals.create(customer.id, "浪潮ERP二期", stage=5)
    a = quotes.new_quote(customer.id, deal_id=deal.id, lines=[line(), line("15")])
    clock.advance(days=1)
    b = quotes.new_quote(customer.id, lines=[line()])
    quotes.mark_sent(b.id)
    clock.advance(days=1)
    a2 = quotes.new_version(a.id)
    found = quotes.summaries()
    assert [(s.number, s.version) for s in found] == [(a2.number, 2), (b.number, 1)]
    first = found[0]
    assert first.customer_name == customer.name and first.deal_name == "浪潮ERP二期"
    assert first.total == quote_totals(a2).total and first.status is QuoteStatus.PENDING_APPROVAL
    assert not first.expired and found[1].deal_id is None and found[1].deal_name == ""
    assert [s.id for s in quotes.summaries(deal_id=deal.id)] == [a2.id]
    assert [s.id for s in quotes.summaries(status="sent")] == [b.id]
    assert [s.id for s in quotes.summaries(status=QuoteStatus.SUPERSEDED)] == []
    assert [s.version for s in quotes.summaries(deal_id=deal.id, latest_only=False)] == [2, 1]
    assert [s.id for s in quotes.summaries(limit=1, offset=1)] == [b.id]
    assert quotes.summary(a.id).status is QuoteStatus.SUPERSEDED
    with pytest.raises(NotFound):
        quotes.summary("q-404")


def test_the_board_flags_a_deal_from_stage_5_without_a_live_quote(desk, quotes, customer):
    deal = desk.deals.create(customer.id, "浪潮ERP二期", stage=5)
    early = desk.deals.create(customer.id, "浪潮HR", stage=2)

    def flags(deal_id: str) -> frozenset[HealthFlag]:
        (card,) = [c for c in desk.deals.board() if c.id == deal_id]
        assert card.flags == desk.deals.page(deal_id).flags
        return card.flags

    assert HealthFlag.NO_QUOTE in flags(deal.id)
    assert HealthFlag.NO_QUOTE not in flags(early.id)
    changes: list[Change] = []
    desk.feed.subscribe(changes.append)
    q = quotes.new_quote(customer.id, deal_id=deal.id, lines=[line()])
    assert HealthFlag.NO_QUOTE not in flags(deal.id)
    assert quotes.has_quote(deal.id) and not quotes.has_quote(early.id)
    assert Change("deal", (deal.id,)) in changes  # the board hears it
    quotes.delete(q.id)
    assert HealthFlag.NO_QUOTE in flags(deal.id)


# -- lines from a file ---------------------------------------------------------------


def write_csv(path, rows, encoding="utf-8-sig"):
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_lines_are_read_from_a_gbk_csv_with_chinese_headers(tmp_path, quotes):
    path = write_csv(
        tmp_path / "lines.csv",
        [
            ["报价明细"],
            ["品名", "描述", "数量", "单位", "单价", "折扣", "税率", "类别"],
            ["lic_finance", "财务管理模块用户许可", "3", "用户", "￥33.33", "9折", "13%", ""],
            ["", "系统配置与实施", "2.5", "人天", "2,399.99", "", "", "实施服务"],
            ["", "", "", "", "", "", "", ""],
        ],
        encoding="gbk",
    )
    lines = quotes.lines_from_file(path)
    assert [
        (ln.description, ln.quantity, ln.unit_price, ln.discount, ln.vat_rate, ln.group)
        for ln in lines
    ] == [
        (
            "财务管理模块用户许可",
            Decimal("3"),
            Decimal("33.33"),
            Decimal("10"),
            Decimal("13"),
            ItemKind.LICENCE,
        ),
        (
            "系统配置与实施",
            Decimal("2.5"),
            Decimal("2399.99"),
            Decimal("0"),
            Decimal("6"),
            ItemKind.SERVICE,
        ),
    ]


def test_lines_are_read_from_xlsx_with_english_headers(tmp_path, quotes):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Item", "Description", "Qty", "Unit price", "Discount", "VAT rate"])
    sheet.append(["svc_training", "User training", 4, 2000, 0.05, 0.06])
    sheet.append(["", "Barcode printer interface", 1, "3500.00", None, None])
    book.save(tmp_path / "lines.xlsx")
    lines = quotes.lines_from_file(tmp_path / "lines.xlsx")
    assert [(ln.item, ln.group, ln.discount, ln.vat_rate) for ln in lines] == [
        ("svc_training", ItemKind.SERVICE, Decimal("5"), Decimal("6")),
        ("", ItemKind.LICENCE, Decimal("0"), Decimal("13")),
    ]


def test_every_bad_row_of_a_lines_file_is_reported_and_no_line_made(tmp_path, quotes):
    path = write_csv(
        tmp_path / "lines.csv",
        [
            ["description", "quantity", "unit_price", "discount"],
            ["财务", "abc", "10", "0"],
            ["", "1", "10", "0"],
            ["实施", "1", "-5", "150"],
            ["培训", "1", "10", "0"],
        ],
    )
    with pytest.raises(ValidationError) as caught:
        quotes.lines_from_file(path)
    text = caught.value.render()
    assert all(f"Row {n}" in text for n in (2, 3, 4)) and "Row 5" not in text
    empty = write_csv(tmp_path / "empty.csv", [["description", "quantity", "unit_price"]])
    with pytest.raises(ValidationError) as caught:
        quotes.lines_from_file(empty)
    assert caught.value.problems[0].code == "no_lines"
    other = write_csv(tmp_path / "other.csv", [["客户名称", "电话"], ["浪潮", "0531"]])
    with pytest.raises(ValidationError) as caught:
        quotes.lines_from_file(other)
    assert "客户名称" in caught.value.render()


# -- the catalogue --------------------------------------------------------------------


def test_a_catalogue_line_takes_todays_price_and_the_items_vat(quotes):
    finance = quotes.quote_line("lic_finance", 50, language="zh_CN")
    catalogue = quotes.catalogue()
    assert finance.unit_price == catalogue.price_of("lic_finance", TODAY)
    assert finance.item == "lic_finance" and finance.quantity == 50
    assert finance.vat_rate == Decimal("13") and finance.group is ItemKind.LICENCE
    upkeep = quotes.quote_line("mnt_annual", 1, language="en", licence_total=Decimal("190000"))
    assert upkeep.unit_price == Decimal("34200.00") and upkeep.group is ItemKind.MAINTENANCE


def test_the_catalogue_is_the_desks_own_once_saved_and_an_import_is_all_or_nothing(
    tmp_path, desk, quotes
):
    from erpdesk.domain.catalogue import CatalogueError
    from erpdesk.services.catalogue_io import export_catalogue_xlsx

    shipped = quotes.catalogue()
    changes: list[Change] = []
    desk.feed.subscribe(changes.append)
    renamed = replace(shipped.items[0], name=replace(shipped.items[0].name, zh="平台许可（新）"))
    edited = replace(shipped, version="yunqi-erp@2026.2", items=(renamed, *shipped.items[1:]))
    assert quotes.save_catalogue(edited) == edited
    assert quotes.catalogue() == edited
    assert changes == [Change("catalogue")]
    assert count(desk, "outbox") == 0  # local
    # one that would not read back (a price of an item it lacks) is refused
    with pytest.raises(CatalogueError):
        quotes.save_catalogue(replace(shipped, items=shipped.items[:-1]))
    stray = replace(shipped.items[1], module="no_such_module")  # not a module of the playbook
    with pytest.raises(CatalogueError):
        quotes.save_catalogue(replace(shipped, items=(shipped.items[0], stray, *shipped.items[2:])))
    assert quotes.catalogue() == edited

    export_catalogue_xlsx(shipped, tmp_path / "c.xlsx")
    assert quotes.import_catalogue(tmp_path / "c.xlsx") == shipped
    assert quotes.catalogue() == shipped

    (tmp_path / "bad.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(CatalogueError):
        quotes.import_catalogue(tmp_path / "bad.xlsx")
    assert quotes.catalogue() == shipped  # unchanged


def test_a_catalogue_rate_is_accepted_on_a_line(quotes, customer):
    catalogue = quotes.catalogue()
    quotes.save_catalogue(
        replace(catalogue, vat_rates={**catalogue.vat_rates, ItemKind.THIRD_PARTY: Decimal("10")})
    )
    q = quotes.new_quote(customer.id, lines=[line(vat_rate=Decimal("10"))])
    assert q.lines[0].vat_rate == Decimal("10")
    with pytest.raises(ValidationError):
        quotes.new_quote(customer.id, lines=[line(vat_rate=Decimal("11"))])


# -- the PDF's parts ------------------------------------------------------------------


def test_a_document_gathers_the_quote_its_totals_customer_contact_and_deal(desk, quotes, customer):
    from erpdesk.domain.branding import DEFAULT_BRANDING

    deal = desk.deals.create(customer.id, "浪潮ERP二期", stage=5)
    q = quotes.new_quote(customer.id, deal_id=deal.id, lines=[line(), line("5")])
    doc = quotes.document(q.id, DEFAULT_BRANDING)
    assert doc.quote == q and doc.totals == quote_totals(q)
    assert doc.customer.id == customer.id and doc.contact is not None
    assert doc.contact.name == "王明" and doc.deal_name == "浪潮ERP二期"
    assert doc.author == "zhang.wei" and doc.branding is DEFAULT_BRANDING


def test_a_quote_of_today_is_plausible_for_the_domain(quotes, customer):
    q = quotes.new_quote(customer.id, lines=[line()], valid_until=date(2027, 3, 31))
    assert q.valid_until == date(2027, 3, 31)


# -- demo quotes ---------------------------------------------------------------------


def _demo(path, seed: int = 7):
    from erpdesk.services.demo import generate_demo

    desk = open_desk(path)
    result = generate_demo(
        desk.unit_of_work, customers=120, deals=60, closed_deals=60, seed=seed, now=NOW
    )
    return desk, result


def test_demo_quotes_follow_the_deals_and_the_rules(tmp_path, migrated):
    from erpdesk.domain.quote import approval_decision, needs_approval, send_problems

    shutil.copyfile(migrated, tmp_path / "a.db")
    desk, result = _demo(tmp_path / "a.db")
    try:
        assert result.quotes > result.quoted_deals > 0
        assert count(desk, "outbox") == 0  # demo data never syncs
        rows = desk.db.reader.execute("SELECT id, deal_id, number FROM quote").fetchall()
        with desk.unit_of_work() as uow:
            by_number: dict[str, list] = {}
            for row in rows:
                by_number.setdefault(row["number"], []).append(uow.quotes.get(row["id"]))
            deals = {}
            catalogue = quotes_catalogue()
            statuses = set()
            for number, versions in by_number.items():
                versions.sort(key=lambda q: q.version)
                assert number.startswith("Q-DEMO-")
                assert [q.version for q in versions] == list(range(1, len(versions) + 1))
                *older, latest = versions
                assert all(q.status is QuoteStatus.SUPERSEDED for q in older)
                deal = uow.deals.get(latest.deal_id)
                deals[deal.id] = deal
                assert deal.stage >= 5 and latest.customer_id == deal.customer_id
                expected = {"won": {QuoteStatus.ACCEPTED}, "lost": {QuoteStatus.DECLINED}}.get(
                    deal.status.value,
                    {QuoteStatus.DRAFT, QuoteStatus.PENDING_APPROVAL, QuoteStatus.SENT},
                )
                assert latest.status in expected
                statuses.add(latest.status)
                for q in versions:
                    approvals = uow.quote_approvals.for_quote(q.id)
                    assert (q.status is QuoteStatus.PENDING_APPROVAL) <= needs_approval(q)
                    if needs_approval(q):
                        assert approvals and approvals[0].decision is None
                    if q.sent_at is not None and needs_approval(q):
                        assert approval_decision(q, approvals).decision is ApprovalDecision.APPROVED
                    if q.status is QuoteStatus.PENDING_APPROVAL:
                        assert [
                            p.code for p in send_problems(q, approvals, today=q.quote_date)
                        ] == ["needs_approval"]
                    assert sum(m.percent for m in q.milestones) == 100
                    items = {ln.item for ln in q.lines}
                    modules = {i.module for i in catalogue.items if i.code in items} - {""}
                    assert modules <= set(deal.modules)  # licences of the deal's modules
            row_totals = desk.db.reader.execute("SELECT id, total_fen FROM quote").fetchall()
            for row in row_totals:
                q = uow.quotes.get(row["id"])
                assert row["total_fen"] == int(quote_totals(q).total * 100)
        assert {QuoteStatus.SENT, QuoteStatus.ACCEPTED} <= statuses
        assert statuses & {QuoteStatus.DRAFT, QuoteStatus.PENDING_APPROVAL}
        # the board: quoted open deals lose the "no quote" flag
        cards = {c.id: c for c in desk.deals.board()}
        for deal_id in deals:
            if deal_id in cards:
                assert HealthFlag.NO_QUOTE not in cards[deal_id].flags
    finally:
        desk.close()


def quotes_catalogue():
    from erpdesk.catalogues import shipped_catalogue

    return shipped_catalogue()


def test_demo_quotes_are_the_same_for_a_seed(tmp_path, migrated):
    made = []
    for name in ("a.db", "b.db"):
        shutil.copyfile(migrated, tmp_path / name)
        desk, _ = _demo(tmp_path / name)
        try:
            made.append(
                [
                    tuple(r)
                    for r in desk.db.reader.execute(
                        "SELECT id, number, version, status, total_fen, lines FROM quote"
                        " ORDER BY id"
                    )
                ]
            )
        finally:
            desk.close()
    assert made[0] == made[1] and made[0]


def test_a_lines_file_of_catalogue_codes_takes_names_and_prices_from_the_catalogue(
    tmp_path, quotes
):
    # 品名 holds a code of the catalogue or a line's own name; a code brings
    # its name, unit, price, kind and VAT rate, and maintenance is its share
    # of the licences above it at list price.
    catalogue = quotes.catalogue()
    today = quotes.today()
    finance = catalogue.price_of("lic_finance", today)
    training = catalogue.price_of("svc_training", today)
    share = catalogue.item("mnt_annual").maintenance_percent
    path = write_csv(
        tmp_path / "codes.csv",
        [
            ["品名", "数量", "折扣"],
            ["lic_finance", "20", "5"],
            ["svc_training", "10", ""],
            ["mnt_annual", "1", ""],
            ["现场驻场服务", "3", ""],
        ],
    )
    with pytest.raises(ValidationError) as caught:  # the own line has no price
        quotes.lines_from_file(path)
    assert [p.code for p in caught.value.problems] == ["required"]
    assert "Row 5" in caught.value.render()
    path = write_csv(
        tmp_path / "codes.csv",
        [
            ["品名", "数量", "单价", "折扣"],
            ["lic_finance", "20", "", "5"],
            ["svc_training", "10", "", ""],
            ["mnt_annual", "1", "", ""],
            ["现场驻场服务", "3", "1800", ""],
        ],
    )
    lines = quotes.lines_from_file(path)
    assert [(ln.item, ln.description, ln.group, ln.unit_price, ln.vat_rate) for ln in lines] == [
        ("lic_finance", catalogue.item("lic_finance").name.zh, ItemKind.LICENCE, finance,
         Decimal("13")),
        ("svc_training", catalogue.item("svc_training").name.zh, ItemKind.SERVICE, training,
         Decimal("6")),
        ("mnt_annual", catalogue.item("mnt_annual").name.zh, ItemKind.MAINTENANCE,
         (20 * finance * share / 100).quantize(Decimal("0.01")), Decimal("6")),
        ("", "现场驻场服务", ItemKind.LICENCE, Decimal("1800"), Decimal("13")),
    ]  # fmt: skip
    assert lines[0].discount == Decimal("5") and lines[0].list_price == finance
