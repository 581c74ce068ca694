"""The proposal editor: sections left out and edited are saved and reach the
content, a figure that does not read is shown and nothing is saved, the
benefit result follows the figures as they are typed, the preview loads a
PDF, unsaved changes ask; the "Proposal…" button of a deal page."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QMessageBox

from erpdesk.domain.deal import Worksheet
from erpdesk.domain.errors import NotFound
from erpdesk.domain.proposal import SectionCode
from erpdesk.domain.quote import ItemKind, QuoteLine
from erpdesk.ui.quotes import QuoteServices
from erpdesk.ui.quotes.proposal_editor import ProposalEditor, open_deal_proposal


@pytest.fixture
def deal(desk, samples):
    customer = samples["浪潮"]
    made = desk.deals.create(
        customer.id,
        "集团财务共享项目",
        amount="850000",
        close_date=(date.today() + timedelta(days=60)).isoformat(),
        modules="财务管理, 库存管理",
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


@pytest.fixture
def quoted(desk, deal):
    line = QuoteLine(
        "财务管理模块用户许可", Decimal(10), Decimal("12000"), vat_rate=Decimal(13),
        group=ItemKind.LICENCE,
    )  # fmt: skip
    desk.quotes.new_quote(deal.customer_id, deal_id=deal.id, lines=(line,))
    return deal


@pytest.fixture
def editor(qtbot, desk, quoted) -> ProposalEditor:
    widget = ProposalEditor(desk.proposals, desk.proposals.for_deal(quoted.id))
    qtbot.addWidget(widget)
    return widget


def test_a_section_left_out_and_another_edited_are_saved_and_reach_the_content(
    desk, editor, quoted
) -> None:
    assert not editor.saved_once and not editor.dirty
    editor.select_section(SectionCode.PAINS)
    generated = editor.section_text.toPlainText()
    assert "库存积压严重" in generated and editor.section_text.isReadOnly()
    assert not editor.reset_button.isEnabled()

    editor.set_included(SectionCode.ABOUT_US, False)
    editor.edit_section()
    assert not editor.section_text.isReadOnly()
    assert editor.section_text.toPlainText() == generated  # the starting point
    editor.section_text.setPlainText("我们的理解：\n\n- 库存资金占用高\n- 月结慢")
    assert editor.dirty and editor.windowTitle().startswith("* ")
    assert editor.save(), editor.error_label.text()
    assert not editor.dirty and editor.saved_once

    stored = desk.proposals.for_deal(quoted.id)
    assert stored.id == editor.proposal.id
    assert not stored.included(SectionCode.ABOUT_US)
    content = desk.proposals.content(stored)
    assert content.section(SectionCode.ABOUT_US) is None
    pains = content.section(SectionCode.PAINS)
    assert pains is not None and pains.edited
    assert pains.plain_text() == "我们的理解：\n\n- 库存资金占用高\n- 月结慢"
    assert "库存积压严重" not in pains.plain_text()

    # Reset brings back the generated text, and that is saved too
    editor.select_section(SectionCode.PAINS)
    editor.reset_section()
    assert editor.section_text.isReadOnly()
    assert "库存积压严重" in editor.section_text.toPlainText()
    assert editor.save()
    assert desk.proposals.for_deal(quoted.id).edit(SectionCode.PAINS).text is None


def test_a_bad_figure_shows_its_problem_and_nothing_is_saved(desk, editor, quoted) -> None:
    form = editor.benefit_form
    form.set_text("inventory_value", "800万")
    form.set_text("inventory_reduction", "abc")
    form.set_text("carrying_cost_rate", "120%")
    assert "abc" in form.problem_text("inventory_reduction")
    assert "120" in form.problem_text("carrying_cost_rate")
    assert form.problem_text("inventory_value") == ""
    assert form.result_panel.value_of("annual") == "—"

    assert not editor.save()
    assert editor.tabs.currentWidget() is form
    assert editor.error_label.text()
    with pytest.raises(NotFound):
        desk.proposals.get(editor.proposal.id)
    assert desk.db.reader.execute("SELECT count(*) FROM proposal").fetchone()[0] == 0
    assert (
        desk.db.reader.execute("SELECT count(*) FROM outbox WHERE entity = 'proposal'").fetchone()[
            0
        ]
        == 0
    )

    # the receivables cannot fall by more days than they stand for
    form.set_text("inventory_reduction", "20")
    form.set_text("carrying_cost_rate", "")
    form.set_text("annual_revenue", "3650万")
    form.set_text("receivables", "100万")  # 10 days of revenue
    form.set_text("receivable_days_reduced", "15")
    assert "10" in form.problem_text("receivable_days_reduced")
    assert not editor.save()
    form.set_text("receivable_days_reduced", "5")
    assert editor.save(), editor.error_label.text()
    stored = desk.proposals.for_deal(quoted.id).benefit
    assert stored.inventory_value == Decimal("8000000")
    assert stored.receivable_days_reduced == Decimal(5)
    assert stored.carrying_cost_rate == Decimal(20)  # empty: the default


def test_the_benefit_result_follows_the_figures_as_typed(editor) -> None:
    form = editor.benefit_form
    panel = form.result_panel
    assert panel.value_of("annual") == "¥0.00"
    # the investment is the quote's total: 10 × 12,000 tax-inclusive
    assert panel.value_of("investment") == "¥120,000.00"
    form.set_text("inventory_value", "800万")
    assert panel.value_of("annual") == "¥0.00"  # no reduction yet
    form.set_text("inventory_reduction", "20%")
    # 8,000,000 × 20 % × 20 % carrying cost = 320,000
    assert panel.value_of("annual") == "¥320,000.00"
    assert panel.line_values[0].text() == "¥320,000.00"
    # ROI over 3 years: (320,000 × 3 − 120,000) / 120,000 = 700 %; payback 4.5 months
    assert panel.value_of("roi") == "700 %"
    assert "4.5" in panel.value_of("payback")
    form.set_text("running_cost", "2万")
    assert panel.value_of("net") == "¥300,000.00"
    form.years_spin.setValue(5)
    assert panel.value_of("roi") == "1150 %"
    assert editor.dirty

    # the generated benefits section uses the figures as typed
    editor.tabs.setCurrentIndex(0)
    editor.select_section(SectionCode.BENEFITS)
    assert "320,000.00" in editor.section_text.toPlainText()


def test_preview_loads_the_proposal_as_shown(qtbot, desk, editor) -> None:
    editor.title_edit.setText("浪潮集团财务共享方案")
    editor.benefit_form.set_text("inventory_value", "800万")
    editor.benefit_form.set_text("inventory_reduction", "20%")
    preview = editor.preview_pdf()
    assert preview is not None
    qtbot.addWidget(preview)
    if preview.busy:
        with qtbot.waitSignal(preview.loaded, timeout=20_000) as loaded:
            pass
        pages = loaded.args[0]
    else:
        pages = preview.page_count()
    assert pages > 0 and preview.page_count() == pages
    assert preview.data is not None and preview.data.startswith(b"%PDF")
    assert preview.file_name == "浪潮集团财务共享方案.pdf"


def test_save_pdf_writes_the_file(qtbot, desk, editor, tmp_path) -> None:
    target = tmp_path / "proposal.pdf"
    with qtbot.waitSignal(editor.pdf_writer.written, timeout=20_000):
        assert editor.save_pdf(target)
    assert target.read_bytes().startswith(b"%PDF")


def test_unsaved_changes_ask_before_closing(desk, editor, message_boxes) -> None:
    editor.title_edit.setText("新标题")
    message_boxes.answer = QMessageBox.StandardButton.Cancel
    assert not editor.close()
    assert editor.isVisible() or editor.dirty
    message_boxes.answer = QMessageBox.StandardButton.Save
    assert editor.confirm_close()
    assert desk.proposals.for_deal(editor.proposal.deal_id).title == "新标题"


def test_the_deal_page_opens_the_deals_proposal(qtbot, desk, quoted) -> None:
    from erpdesk.ui.funnel.deal_page import DealPage

    page = DealPage(desk.deals, quoted.id)
    qtbot.addWidget(page)
    services = QuoteServices(desk.quotes, desk.customers, None, desk.deals, desk.proposals)
    page.set_quotes(services)
    assert page.tabs.cornerWidget() is page.proposal_button
    editor = page.open_proposal(services)
    assert isinstance(editor, ProposalEditor)
    qtbot.addWidget(editor)
    assert editor.proposal.deal_id == quoted.id
    assert editor.deal_name == "集团财务共享项目"


def test_open_deal_proposal_shows_the_saved_one(qtbot, desk, quoted) -> None:
    first = open_deal_proposal(None, desk.proposals, quoted.id)
    qtbot.addWidget(first)
    first.set_included(SectionCode.NEXT_STEPS, False)
    assert first.save()
    again = open_deal_proposal(None, desk.proposals, quoted.id)
    qtbot.addWidget(again)
    assert again.saved_once and again.proposal.id == first.proposal.id
    assert not again.included[SectionCode.NEXT_STEPS]
    assert again.tabs.tabText(0).endswith("(10 of 11)")
