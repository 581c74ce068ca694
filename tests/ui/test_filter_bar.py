"""The customer list's search bar on a laptop: one row when the window is
wide, the filters on a second row when it is narrow (125 %/150 % scaling),
the search box never squeezed, and a filter still filters after a move."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from erpdesk.domain.customer import Source
from erpdesk.ui.customer_list import CustomerListPage
from erpdesk.ui.customer_model import COLUMN_KEYS
from erpdesk.ui.filter_bar import SEARCH_LEAST
from erpdesk.ui.widgets import enum_text, settle_minimum_size

if TYPE_CHECKING:
    from erpdesk.ui.workbench.runner import ApiRunner

# the page is a window of its own here, and its layout changes with its width
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def page(qtbot: Any, service: Any, settings: QSettings, samples: Any) -> CustomerListPage:
    widget = CustomerListPage(service, settings)
    qtbot.addWidget(widget)
    settle_minimum_size(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _rows(page: CustomerListPage) -> int:
    """1 when the filters sit beside the search, 2 when all are below it."""
    bar = page.filter_bar
    bottom = bar.search.geometry().bottom()
    below = [f.mapTo(bar, f.rect().topLeft()).y() > bottom for f in bar.filters]
    assert all(below) or not any(below)
    return 2 if all(below) else 1


def test_a_wide_page_keeps_one_row(qtbot: Any, page: CustomerListPage) -> None:
    page.resize(page.filter_bar.wide_width() + 40, 600)
    qtbot.waitUntil(lambda: page.filter_bar.wide)
    QApplication.processEvents()
    assert _rows(page) == 1


@pytest.mark.parametrize("scale", [1.25, 1.5])
def test_a_laptop_at_a_scale_puts_the_filters_below(
    qtbot: Any, page: CustomerListPage, scale: float
) -> None:
    width = int((1366 - 100) / scale)  # the screen's width beside the rail
    assert page.minimumSizeHint().width() <= width
    page.resize(width, 500)
    qtbot.waitUntil(lambda: not page.filter_bar.wide)
    QApplication.processEvents()
    assert _rows(page) == 2
    assert page.search_edit.width() >= SEARCH_LEAST
    assert all(f.isVisible() and f.width() > 40 for f in page.filter_bar.filters)
    column = COLUMN_KEYS.index("source")
    before = page.model.total()
    page.source_filter.set_member(Source.REFERRAL)  # still wired after the move
    shown = {page.model.index(r, column).data() for r in range(page.model.rowCount())}
    assert shown <= {enum_text(Source.REFERRAL)}
    assert page.model.total() < before


def test_the_pool_button_joins_the_buttons_and_the_sizes(page: CustomerListPage) -> None:
    before = page.filter_bar.wide_width()
    page.set_pool_runner(cast("ApiRunner", object()))  # only its button is looked at
    assert page.pool_button is not None
    assert page._bar.indexOf(page.pool_button) == page._bar.indexOf(page.new_button) - 1
    assert page.filter_bar.wide_width() > before + page.pool_button.sizeHint().width() // 2
