"""The window's font in Chinese: a Chinese UI font, not the platform's Latin
default with Chinese drawn glyph by glyph through font fallback.

Qt draws text in the application font and, for characters that font lacks,
looks each one up in fallback fonts.  On a Linux machine whose default sans
font has no Chinese (DejaVu Sans, say), every Chinese cell of the customer
list goes through that fallback: slower (search-as-you-type p95 21.7 ms
against 16.5-18 ms with a Chinese UI font at 100,000 customers, see
docs/benchmarks.md) and with mismatched glyph metrics.  In zh_CN the
application font becomes the platform's own Chinese UI font where it has
one (Microsoft YaHei UI on Windows, PingFang SC on macOS), else the first
Chinese font installed (Noto Sans CJK SC, Source Han Sans SC, WenQuanYi
Micro Hei …), else the one ERPDesk ships, at the default font's size.  A default font that already
draws Chinese is kept.  In English the default font comes back.

``ERPDESK_UI_FONT`` names a family to use instead; ``system`` keeps the
platform's default (what the benchmark's baseline measures).
"""

from __future__ import annotations

import os

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

ENVIRONMENT = "ERPDESK_UI_FONT"
# In order of preference: the platforms' own UI fonts first.
CHINESE_UI_FAMILIES = (
    "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB",
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Sarasa UI SC", "Droid Sans Fallback",
)  # fmt: skip

_default: QFont | None = None  # the platform's font, kept to switch back


def draws_chinese(family: str) -> bool:
    """Whether the font *family* covers Simplified Chinese."""
    return QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)


def chinese_ui_family() -> str | None:
    """The Chinese UI font to use, or None when the default one draws
    Chinese already (or none is installed)."""
    wanted = os.environ.get(ENVIRONMENT, "").strip()
    if wanted == "system":
        return None
    installed = set(QFontDatabase.families())
    if wanted and wanted in installed:
        return wanted
    default = _default or QGuiApplication.font()
    if draws_chinese(default.family()):
        return None
    for family in CHINESE_UI_FAMILIES:
        if family in installed:
            return family
    found = next((f for f in sorted(installed) if draws_chinese(f)), None)
    return found or shipped_family()


def shipped_family() -> str | None:
    """The Chinese font ERPDesk ships (WenQuanYi Micro Hei, the one its PDFs
    embed), loaded for this run; None when it cannot be read."""
    from erpdesk.documents.fonts import DEFAULT_FONT_FILE

    loaded = QFontDatabase.addApplicationFont(str(DEFAULT_FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(loaded) if loaded >= 0 else []
    return families[0] if families else None


def apply_ui_font(language: str) -> str | None:
    """Set the application's font for *language*; the family now in use
    when it was changed to a Chinese one, else None."""
    global _default
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return None
    if _default is None:
        _default = QGuiApplication.font()
    family = chinese_ui_family() if language.startswith("zh") else None
    if family is None:
        if QGuiApplication.font() != _default:
            QGuiApplication.setFont(_default)
        return None
    font = QFont(_default)
    font.setFamilies([family, *_default.families()])
    QGuiApplication.setFont(font)
    return family
