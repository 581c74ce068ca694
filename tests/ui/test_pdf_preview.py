"""The PDF preview: made on a worker, shown with QtPdf from memory, paged,
zoomed and saved whole; a PDF that cannot be made says why."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from erpdesk.domain.errors import DomainError
from erpdesk.domain.quote import QuoteLine
from erpdesk.services.branding import BrandingService
from erpdesk.ui.quotes import QuoteServices
from erpdesk.ui.quotes.pdf_preview import PdfPreview
from erpdesk.ui.quotes.quote_editor import QuoteEditor
from erpdesk.ui.quotes.quote_pdf_writer import quote_pdf_data


@pytest.fixture
def quote(desk, samples):
    lines = [
        QuoteLine(f"财务管理模块用户许可 第 {n} 项", Decimal(n), Decimal("3800.00"))
        for n in range(1, 41)  # long enough for more than one page
    ]
    return desk.quotes.new_quote(samples["浪潮"].id, lines=lines, title="集团财务一期")


@pytest.fixture
def pdf(desk, quote) -> bytes:
    branding = BrandingService(desk.unit_of_work).get()
    return quote_pdf_data(desk.quotes.document(quote.id, branding))


def test_the_preview_shows_the_pdf_with_pages_and_zoom(qtbot, pdf) -> None:
    preview = PdfPreview(lambda: pdf, "quote.pdf")
    qtbot.addWidget(preview)
    preview.show()
    assert preview.busy or preview.page_count() > 0
    with qtbot.waitSignal(preview.loaded, timeout=10000) as loaded:
        pass
    count = loaded.args[0]
    assert count > 1
    assert preview.page_count() == count
    assert preview.stack.currentWidget() is preview.view
    assert preview.page_label.text() == f"Page 1 of {count}"
    assert not preview.previous_button.isEnabled()
    assert preview.next_button.isEnabled()
    preview.go_to(1)
    assert preview.current_page() == 1
    assert preview.page_label.text() == f"Page 2 of {count}"
    fitted = preview.effective_zoom()
    preview.zoom_by(1.25)
    assert preview.zoom_label.text() == f"{round(fitted * 125)} %"
    assert not preview.fit_button.isChecked()
    preview.fit_width()
    assert preview.fit_button.isChecked()
    assert preview.zoom_label.text() == ""


def test_save_writes_the_shown_pdf(qtbot, pdf, tmp_path: Path) -> None:
    preview = PdfPreview(lambda: pdf, "quote.pdf")
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.loaded, timeout=10000):
        pass
    folder = tmp_path / "pdfs"
    folder.mkdir()
    target = folder / "out.pdf"
    with qtbot.waitSignal(preview.saved):
        assert preview.save_to(target)
    assert target.read_bytes() == pdf
    assert list(folder.iterdir()) == [target]  # no temporary file left


def test_a_save_that_fails_says_why_and_leaves_nothing(qtbot, pdf, tmp_path, message_boxes):
    preview = PdfPreview(lambda: pdf, "quote.pdf")
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.loaded, timeout=10000):
        pass
    assert not preview.save_to(tmp_path / "missing-folder" / "out.pdf")
    assert message_boxes.calls and message_boxes.calls[-1][0] == "warning"
    assert not (tmp_path / "missing-folder").exists()


def test_a_pdf_that_cannot_be_made_shows_the_reason(qtbot) -> None:
    def fail() -> bytes:
        raise DomainError("The folder {path} is read-only", path="/x")

    preview = PdfPreview(fail, "quote.pdf")
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.failed, timeout=10000) as failed:
        pass
    assert failed.args[0] == "The folder /x is read-only"
    assert preview.error_label.text() == "The folder /x is read-only"
    assert not preview.save_button.isEnabled()


def test_bytes_that_are_no_pdf_are_refused(qtbot) -> None:
    preview = PdfPreview(lambda: b"not a pdf", "quote.pdf")
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.failed, timeout=10000):
        pass
    assert preview.page_count() == 0
    assert not preview.save_button.isEnabled()


def test_the_editor_previews_its_saved_version(qtbot, desk, quote) -> None:
    services = QuoteServices(desk.quotes, desk.customers, BrandingService(desk.unit_of_work))
    editor = QuoteEditor(services, quote)
    qtbot.addWidget(editor)
    preview = editor.preview_pdf()
    assert preview is not None
    with qtbot.waitSignal(preview.loaded, timeout=10000) as loaded:
        pass
    assert loaded.args[0] > 0
    assert preview.file_name == f"{quote.number}-v1.pdf"
    preview.close()
