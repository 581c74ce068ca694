"""The window's rail on a low laptop screen (125 %, 150 %): every area in
sight, no scroll bar squeezing the icons, the full rows back when high."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from erpdesk.ui.main_window import RAIL_LEAST_ROW, RAIL_ROW, MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _shown_rows_in_sight(window: MainWindow) -> bool:
    rail = window.rail
    height = rail.viewport().height()
    rows = [r for r in range(rail.count()) if not rail.isRowHidden(r)]
    return all(rail.visualRect(rail.model().index(r, 0)).bottom() <= height for r in rows)


@pytest.mark.parametrize(("height", "full"), [(485, False), (1000, True)])
def test_every_area_is_in_sight(
    qtbot: Any, service: Any, settings: QSettings, height: int, full: bool
) -> None:
    window = MainWindow(service, settings)
    qtbot.addWidget(window)
    window.show()
    window.resize(910, height)
    qtbot.waitUntil(lambda: window.rail.height() < height)
    QApplication.processEvents()
    rail = window.rail
    assert not rail.verticalScrollBar().isVisible()
    assert rail.gridSize().height() >= RAIL_LEAST_ROW
    assert (rail.gridSize().height() == RAIL_ROW) is full
    assert _shown_rows_in_sight(window)
