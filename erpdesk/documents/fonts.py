"""The fonts of ERPDesk's PDFs: a TrueType CJK font, embedded and subset.

Chinese must render on any reader, so the font travels inside the PDF.
reportlab's built-in CID fonts (``STSong-Light``, ``MSung-Light`` ...) are
never embedded (the reader has to bring its own, and most phones and many
Windows machines do not): they are refused here.  The default font is
WenQuanYi Micro Hei (``resources/fonts/``, Apache-2.0; why this one:
docs/design.md, "Fonts in PDFs"); a company may name another TrueType file
with ``$ERPDESK_PDF_FONT`` (``path`` or ``path#face`` for a collection).

The font has no bold face: emphasis in our PDFs is size, colour and shaded
cells, and the family's bold and italic map to the same face so that a
``<b>`` in a text never fails.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfbase.ttfonts import TTFontFile as _TTFontFile

from erpdesk.domain.errors import DomainError, render_text
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Documents"
FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
DEFAULT_FONT_FILE = FONTS / "wqy-microhei.ttc"
DEFAULT_FONT_FACE = 0  # "WenQuanYi Micro Hei" (1 is the monospaced face)
FONT_ENV = "ERPDESK_PDF_FONT"
FONT_NAME = "ERPDeskSans"  # the name our documents use, whatever the file

# reportlab's CID fonts: shown with the reader's own fonts, never embedded.
BUILTIN_CID_FONTS = frozenset(
    (
        "STSong-Light",
        "MSung-Light",
        "HeiseiMin-W3",
        "HeiseiKakuGo-W5",
        "HYSMyeongJo-Medium",
        "HYGothic-Medium",
    )
)
SAMPLE = "销售漏斗：客户（有限公司）¥1,234.50 第1页"  # what the font must draw


class FontError(DomainError):
    """The PDF font cannot be used (missing, not TrueType, no Chinese)."""

    context = CONTEXT
    text = QT_TRANSLATE_NOOP("Documents", "The PDF font {font} cannot be used: {problem}")

    def render(self, translate: Any = None) -> str:
        params = dict(self.params)
        if translate is not None and isinstance(params.get("problem"), str):
            params["problem"] = translate(self.context, params["problem"])
        return render_text(self.context, self.text, params, translate)


PROBLEM_MISSING = QT_TRANSLATE_NOOP("Documents", "the file does not exist")
PROBLEM_NOT_TRUETYPE = QT_TRANSLATE_NOOP(
    "Documents",
    "it is not a TrueType font with glyf outlines (OpenType/CFF fonts such as Noto Sans CJK "
    ".otf cannot be embedded)",
)
PROBLEM_CID = QT_TRANSLATE_NOOP(
    "Documents", "reportlab's built-in CID fonts are not embedded in the PDF; name a TrueType file"
)
PROBLEM_NO_CHINESE = QT_TRANSLATE_NOOP("Documents", "it has no glyphs for Chinese text")


@dataclass(frozen=True)
class FontChoice:
    """A TrueType file and, for a collection (.ttc), the face in it."""

    path: Path
    face: int = 0

    @classmethod
    def parse(cls, text: str) -> FontChoice:
        """``path`` or ``path#face`` (a face index of a .ttc)."""
        path, _, face = text.strip().partition("#")
        if path in BUILTIN_CID_FONTS:
            raise FontError(font=path, problem=PROBLEM_CID)
        return cls(Path(path).expanduser(), int(face) if face.strip().isdigit() else 0)


def font_choice() -> FontChoice:
    """``$ERPDESK_PDF_FONT`` if set, else the bundled WenQuanYi Micro Hei."""
    chosen = os.environ.get(FONT_ENV, "").strip()
    return FontChoice.parse(chosen) if chosen else FontChoice(DEFAULT_FONT_FILE, DEFAULT_FONT_FACE)


_registered: dict[str, FontChoice] = {}


def register_fonts(choice: FontChoice | None = None) -> str:
    """Register the document font with reportlab (once per process and
    choice) and return its name.  Raises ``FontError`` for a missing file,
    a font reportlab cannot embed (CFF outlines, a CID built-in) or one
    without Chinese glyphs."""
    choice = choice or font_choice()
    if _registered.get(FONT_NAME) == choice:
        return FONT_NAME
    font = load_font(choice)
    pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(
        FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME, boldItalic=FONT_NAME
    )
    # A drawing (charts) starts in reportlab's default font, Helvetica, which
    # a PDF would name without embedding it: ERPDesk draws only in its own.
    from reportlab.graphics.shapes import STATE_DEFAULTS

    STATE_DEFAULTS["fontName"] = FONT_NAME
    _registered[FONT_NAME] = choice
    return FONT_NAME


def load_font(choice: FontChoice) -> TTFont:
    """The TrueType font of *choice*, checked: embeddable and with Chinese."""
    shown = str(choice.path)
    if not choice.path.is_file():
        raise FontError(font=shown, problem=PROBLEM_MISSING)
    try:
        font = TTFont(FONT_NAME, str(choice.path), subfontIndex=choice.face)
    except (TTFError, OSError, IndexError, KeyError, ValueError) as exc:
        raise FontError(font=shown, problem=PROBLEM_NOT_TRUETYPE) from exc
    if not isinstance(font.face, _TTFontFile):  # pragma: no cover - reportlab's shape
        raise FontError(font=shown, problem=PROBLEM_NOT_TRUETYPE)
    glyphs = font.face.charToGlyph
    if any(ord(ch) not in glyphs for ch in "销售漏斗客户第页"):
        raise FontError(font=shown, problem=PROBLEM_NO_CHINESE)
    return font


def refuse_cid(font_name: str) -> None:
    """Refuse a reportlab CID font (registered or by name): it is not embedded."""
    if font_name in BUILTIN_CID_FONTS:
        raise FontError(font=font_name, problem=PROBLEM_CID)
    try:
        font = pdfmetrics.getFont(font_name)
    except KeyError:
        return
    if isinstance(font, UnicodeCIDFont):
        raise FontError(font=font_name, problem=PROBLEM_CID)
