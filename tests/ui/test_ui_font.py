"""The window's font in Chinese: a font that draws Chinese itself (not the
platform's Latin default with per-glyph fallback), back to the default in
English; ``ERPDESK_UI_FONT=system`` keeps the default."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from erpdesk.ui import ui_font
from erpdesk.ui.language import LanguageManager


@pytest.fixture
def english_after(qapp):
    """The default font before (an earlier test may have left Chinese in
    force) and after."""
    ui_font.apply_ui_font("en")
    yield
    ui_font.apply_ui_font("en")


def test_chinese_gets_a_chinese_ui_font_and_english_the_default_back(english_after):
    default = QGuiApplication.font()
    family = ui_font.apply_ui_font("zh_CN")
    font = QGuiApplication.font()
    if family is None:  # the default font draws Chinese itself
        assert ui_font.draws_chinese(default.family())
    else:
        assert font.families()[0] == family and ui_font.draws_chinese(family)
        assert font.pointSizeF() == default.pointSizeF()
    ui_font.apply_ui_font("en")
    assert QGuiApplication.font() == default


def test_the_language_manager_switches_the_font_with_the_language(qapp, english_after):
    default = QGuiApplication.font()
    manager = LanguageManager("en")
    try:
        manager.set_language("zh_CN")
        assert ui_font.draws_chinese(QGuiApplication.font().families()[0]) or (
            ui_font.draws_chinese(default.family())
        )
        manager.set_language("en")
        assert QGuiApplication.font() == default
    finally:
        manager.uninstall()


def test_system_keeps_the_default_font(qapp, monkeypatch, english_after):
    monkeypatch.setenv(ui_font.ENVIRONMENT, "system")
    default = QGuiApplication.font()
    assert ui_font.apply_ui_font("zh_CN") is None
    assert QGuiApplication.font() == default


def test_the_shipped_font_draws_chinese(qapp):
    family = ui_font.shipped_family()
    assert family == "WenQuanYi Micro Hei" and ui_font.draws_chinese(family)
