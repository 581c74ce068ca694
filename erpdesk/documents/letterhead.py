"""The branded page frame of ERPDesk's customer documents (the quote, the
proposal): the company's letterhead on the first page (logo, name in both
languages, its line, address and contacts, two rules in its colours), a
slim header on the pages after it, a footer on every page with the
company's note, the document's reference and "第 x 页 共 y 页", an optional
diagonal watermark ("草稿 DRAFT") and the PDF's metadata.

``build_branded(path, story, branding=, info=, language=, translate=)``
lays a story out in that frame and writes the file whole or not at all
(``layout.write_whole``).  The page count is known only at the end, so the
canvas keeps each page's drawing state and draws the footers when the
document is saved (one pass; no second layout run).  Watermark and
letterhead are drawn when a page begins, under its content.

``brand_styles`` gives the paragraph styles in the company's colours; every
style wraps lines the CJK way (a line may break between any two hanzi,
never before a closing mark; Latin words stay whole), in Chinese and in
English documents alike, since an English quote still holds Chinese names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import getCharWidths
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph
from reportlab.platypus.paragraph import (  # type: ignore[attr-defined]  # not in the stubs
    ParaLines,
    cjkU,
    makeCJKParaLine,
)

from erpdesk.documents.fonts import refuse_cid, register_fonts
from erpdesk.documents.layout import INK, MARGIN, MUTED, PAGE, RULE, WIDTH, fit, write_whole
from erpdesk.domain.branding import Branding
from erpdesk.domain.errors import DomainError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.ts_catalogue import Translate

CONTEXT = "Documents"
FIRST_HEAD = 30 * mm  # room of the letterhead above the first page's frame
LATER_HEAD = 10 * mm  # room of the slim header on the later pages
FOOT = 9 * mm  # room of the footer below every frame
LOGO_BOX = (38 * mm, 19 * mm)  # the logo is fitted into this box
LOGO_PIXELS = 900  # a bigger logo is scaled down before it is embedded
WATERMARK_INK = colors.HexColor("#b42318")
WATERMARK_WIDTH = 520.0  # points along the diagonal: clear of the page's edges

PAGE_OF_TOTAL = QT_TRANSLATE_NOOP("Documents", "Page {page} of {total}")
TEL = QT_TRANSLATE_NOOP("Documents", "Tel. {number}")
FAX = QT_TRANSLATE_NOOP("Documents", "Fax {number}")


class LogoError(DomainError):
    """The branding's logo cannot be drawn (its bytes passed the signature
    check but the picture inside is damaged)."""

    context = CONTEXT
    text = QT_TRANSLATE_NOOP(
        "Documents",
        "The company logo cannot be drawn; choose another picture in the branding settings",
    )


@dataclass(frozen=True)
class DocumentInfo:
    """What the frame prints besides the story, and the PDF's metadata.

    ``reference`` ("Q-ZHANG-20261206-001 第 2 版") is printed in every
    footer and in the later pages' header; ``watermark`` ("" for none) is
    drawn across every page; ``keywords`` go into the metadata."""

    title: str
    author: str
    subject: str = ""
    reference: str = ""
    keywords: tuple[str, ...] = ()
    watermark: str = ""


@dataclass(frozen=True)
class Palette:
    """The company's colours and the tints made from them."""

    primary: colors.Color
    accent: colors.Color
    shade: colors.Color  # table headings
    light: colors.Color  # zebra rows, group rows

    @classmethod
    def of(cls, branding: Branding) -> Palette:
        primary = colors.HexColor(branding.primary_colour)
        return cls(
            primary=primary,
            accent=colors.HexColor(branding.accent_colour),
            shade=_tint(primary, 0.86),
            light=_tint(primary, 0.95),
        )


def _tint(colour: colors.Color, amount: float) -> colors.Color:
    """*colour* mixed with white (*amount* 0 = the colour, 1 = white)."""
    r, g, b = colour.rgb()
    return colors.Color(r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


@dataclass(frozen=True)
class BrandStyles:
    """The paragraph styles of a customer document, in the registered font
    and the company's colours."""

    font: str
    palette: Palette
    title: ParagraphStyle
    title_note: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_centre: ParagraphStyle
    head: ParagraphStyle
    head_right: ParagraphStyle
    head_centre: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    total: ParagraphStyle
    total_right: ParagraphStyle


@lru_cache(maxsize=8)
def brand_styles(primary: str, accent: str) -> BrandStyles:
    """The styles of a document in *primary* and *accent* (``#rrggbb``);
    cached, as the styles of a company rarely change."""
    font = register_fonts()
    refuse_cid(font)
    palette = Palette.of(Branding("", primary_colour=primary, accent_colour=accent))

    def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=kw.pop("leading", round(size * 1.4, 1)),
            textColor=kw.pop("textColor", INK),
            wordWrap="CJK",
            **kw,
        )

    return BrandStyles(
        font=font,
        palette=palette,
        title=style("title", 20, textColor=palette.primary, leading=24),
        title_note=style("title_note", 8, textColor=MUTED, spaceAfter=4),
        h2=style("h2", 10.5, textColor=palette.primary, spaceBefore=10, spaceAfter=4),
        body=style("body", 8.5, spaceAfter=2),
        small=style("small", 7.5, textColor=MUTED),
        cell=style("cell", 7.5),
        cell_right=style("cell_right", 7.5, alignment=TA_RIGHT),
        cell_centre=style("cell_centre", 7.5, alignment=TA_CENTER),
        head=style("head", 7.5, textColor=palette.primary),
        head_right=style("head_right", 7.5, textColor=palette.primary, alignment=TA_RIGHT),
        head_centre=style("head_centre", 7.5, textColor=palette.primary, alignment=TA_CENTER),
        label=style("label", 7.5, textColor=MUTED),
        value=style("value", 8.5),
        total=style("total", 9.5, textColor=palette.primary),
        total_right=style("total_right", 9.5, textColor=palette.primary, alignment=TA_RIGHT),
    )


# Chinese line-breaking rules (避头尾, W3C "Requirements for Chinese Text
# Layout" 3.1.7): a closing mark never starts a line, an opening one never
# ends one; "——" and "……" stay whole.  reportlab's own lists are Japanese
# and miss "，；：！？》”".
CANNOT_START = frozenset("、。，．：；！？）］｝〕〗〉》」』】〙〛”’…‥·・％‰℃°,.:;!?)]}%")
CANNOT_END = frozenset("（［｛〔〈《「『【〖〘〚“‘([{￥¥$£#＄￡＠@")
UNSPLIT_PAIRS = frozenset("—…")
KINSOKU_STEPS = 4  # at most this many characters go down with a closing mark
_FUZZ = 1e-6


def _in_word(ch: str) -> bool:
    """A character of a Latin word or a number (not space, not CJK)."""
    return ord(ch) < 0x2E80 and not ch.isspace() and ch not in CANNOT_START


def _cut(chars: Sequence[str], start: int, over: int) -> int:
    """Where the line starting at *start* ends when the character at *over*
    no longer fits: a Latin word or a number goes down whole, and the
    break moves back (a few characters at most) until it obeys the rules."""
    cut = over
    for _ in range(KINSOKU_STEPS + 1):
        if _in_word(chars[cut]) and _in_word(chars[cut - 1]):
            word = cut
            while word > start and _in_word(chars[word - 1]):
                word -= 1
            if word == start:  # a word longer than the line: cut it here
                return cut
            cut = word
        before, after = chars[cut - 1], chars[cut]
        if not (
            after in CANNOT_START
            or before in CANNOT_END
            or (before == after and after in UNSPLIT_PAIRS)
        ):
            return cut
        if cut - 1 <= start:
            break
        cut -= 1
    return over  # no good place near: break where the line is full


def cjk_line_spans(
    chars: Sequence[str],
    widths: Sequence[float],
    max_widths: Sequence[float],
    hard: Sequence[bool] = (),
) -> list[tuple[int, int]]:
    """The lines of *chars* (each of its width in *widths*) in lines of
    *max_widths* (the first line's, the next one's, ... the last repeats):
    (start, end) of each line.  A line breaks between any two CJK
    characters, at a space in Latin text, after a character marked in
    *hard* (a ``<br/>``), and never against ``CANNOT_START`` /
    ``CANNOT_END``; a character wider than the line gets a line of its
    own."""
    spans: list[tuple[int, int]] = []
    count = len(chars)
    start = i = 0
    used = 0.0
    limit = max_widths[0]
    while i < count:
        used += widths[i]
        if hard and hard[i]:
            spans.append((start, i + 1))
        elif used > limit + _FUZZ and i > start:
            spans.append((start, _cut(chars, start, i)))
        else:
            i += 1
            continue
        start = spans[-1][1]
        while start < count and chars[start] == " " and not (hard and hard[start]):
            start += 1  # no line starts with a space
        i, used = start, 0.0
        limit = max_widths[min(len(spans), len(max_widths) - 1)]
    if start < count:
        spans.append((start, count))
    return spans


class OnceParagraph(Paragraph):
    """A paragraph that breaks lines the Chinese way (``cjk_line_spans``) and
    lays its lines out once per width.

    A table wraps every cell when it measures its rows, again for each page
    it is split over and again when it draws it; the lines for one width
    are the same each time, and breaking lines is the costliest part of a
    quote (docs/documents.md, "The benchmark")."""

    _wrapped: tuple[float, float, float, Any] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        known = self._wrapped
        # the lines are reused only while they are still this paragraph's
        # (splitting a paragraph or keeping it together may drop them)
        if (
            known is not None
            and known[0] == availWidth
            and getattr(self, "blPara", None) is known[3]
        ):
            self.width, self.height = known[1], known[2]
            return known[1], known[2]
        width, height = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, width, height, getattr(self, "blPara", None))
        return width, height

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N803  (reportlab's names)
        style = self.style
        frags = self.frags
        if (
            getattr(self, "_splitpara", 0)
            or style.endDots
            or self.bulletText
            or not frags
            or any(hasattr(f, "cbDefn") for f in frags)
        ):
            return super().breakLinesCJK(maxWidths)
        widths_of_lines = list(maxWidths) if isinstance(maxWidths, list | tuple) else [maxWidths]
        if len(frags) == 1:
            return self._single_frag_lines(frags[0], widths_of_lines)
        glyphs = [cjkU(ch, f, "utf8") for f in frags for ch in (f.text or [""])]
        hard = [bool(getattr(g.frag, "lineBreak", False)) for g in glyphs]
        widths = [g.width for g in glyphs]
        calc_bounds = getattr(self, "autoLeading", getattr(style, "autoLeading", "")) not in (
            "",
            "off",
        )
        lines = []
        spans = cjk_line_spans(glyphs, widths, widths_of_lines, hard)
        for number, (start, end) in enumerate(spans):
            limit = widths_of_lines[min(number, len(widths_of_lines) - 1)]
            while end > start + 1 and glyphs[end - 1] == " ":
                end -= 1
            used = sum(widths[start:end])
            lines.append(
                makeCJKParaLine(glyphs[start:end], limit, used, limit - used, hard[end - 1],
                                calc_bounds)
            )  # fmt: skip
        return ParaLines(kind=1, lines=lines)

    def _single_frag_lines(self, frag: Any, widths_of_lines: list[float]) -> Any:
        text = frag.text if hasattr(frag, "text") else "".join(getattr(frag, "words", []))
        widths = getCharWidths(text, frag.fontName, frag.fontSize)
        lines = []
        for number, (start, end) in enumerate(cjk_line_spans(text, widths, widths_of_lines)):
            limit = widths_of_lines[min(number, len(widths_of_lines) - 1)]
            shown = text[start:end].rstrip(" ")
            lines.append((limit - sum(widths[start : start + len(shown)]), [shown]))
        return frag.clone(kind=0, lines=lines, ascent=frag.fontSize, descent=-0.2 * frag.fontSize)


def text_cell(text: object, style: ParagraphStyle) -> OnceParagraph:
    """A paragraph of plain *text* (escaped; line breaks kept)."""
    shown = "" if text is None else str(text)
    return OnceParagraph(escape(shown).replace("\n", "<br/>"), style)


def styles_for(branding: Branding) -> BrandStyles:
    return brand_styles(branding.primary_colour, branding.accent_colour)


@lru_cache(maxsize=4)
def logo_reader(data: bytes) -> ImageReader:
    """The logo ready to draw: decoded, scaled down to ``LOGO_PIXELS`` at
    most (a 4000-pixel logo would only make every PDF big) and in RGB(A).
    ``LogoError`` when the picture cannot be decoded."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(BytesIO(data)) as opened:
            opened.load()
            picture = opened.convert("RGBA" if _has_alpha(opened) else "RGB")
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError) as exc:
        raise LogoError() from exc
    if max(picture.size) > LOGO_PIXELS:
        picture.thumbnail((LOGO_PIXELS, LOGO_PIXELS))
    return ImageReader(picture)


def _has_alpha(picture: Any) -> bool:
    return "A" in picture.mode or "transparency" in picture.info


def check_logo(data: bytes) -> None:
    """Raise ``LogoError`` unless *data* decodes as a picture."""
    logo_reader(data)


class Letterhead:
    """Draws the frame of one document: ``first_page`` and ``later_page``
    when a page begins, ``footer`` once the page count is known."""

    def __init__(
        self, branding: Branding, info: DocumentInfo, language: str, translate: Translate
    ) -> None:
        self.branding = branding
        self.info = info
        self.language = language
        self.say = translate
        self.font = register_fonts()
        self.palette = Palette.of(branding)
        self.logo = logo_reader(branding.logo) if branding.logo else None

    def t(self, text: str, **params: object) -> str:
        shown = self.say(CONTEXT, text)
        return shown.format(**params) if params else shown

    # -- when a page begins ------------------------------------------------------

    def first_page(self, canvas: Canvas, doc: Any) -> None:
        del doc
        self.watermark(canvas)
        self.letterhead(canvas)

    def later_page(self, canvas: Canvas, doc: Any) -> None:
        del doc
        self.watermark(canvas)
        self.slim_header(canvas)

    def cover_page(self, canvas: Canvas, doc: Any) -> None:
        del doc
        self.watermark(canvas)

    def watermark(self, canvas: Canvas) -> None:
        text = self.info.watermark
        if not text:
            return
        canvas.saveState()
        canvas.setFillColor(WATERMARK_INK)
        canvas.setFillAlpha(0.10)
        canvas.translate(PAGE[0] / 2, PAGE[1] / 2)
        canvas.rotate(35)
        size = 72.0
        while size > 20 and stringWidth(text, self.font, size) > WATERMARK_WIDTH:
            size -= 2
        canvas.setFont(self.font, size)
        canvas.drawCentredString(0, -size / 3, text)
        canvas.restoreState()

    def letterhead(self, canvas: Canvas) -> None:
        b, lang, p = self.branding, self.language, self.palette
        top = PAGE[1] - MARGIN
        left = MARGIN
        right = PAGE[0] - MARGIN
        rule_y = top - FIRST_HEAD + 6 * mm
        canvas.saveState()
        # the logo (or a monogram in the company's colour)
        box_w, box_h = LOGO_BOX
        logo_h = min(box_h, top - rule_y - 3 * mm)
        if self.logo is not None:
            width, height = self.logo.getSize()
            scale = min(box_w / width, logo_h / height)
            shown_w, shown_h = width * scale, height * scale
            canvas.drawImage(
                self.logo,
                left,
                top - shown_h,
                shown_w,
                shown_h,
                mask="auto",
            )
            text_x = left + shown_w + 4 * mm
        else:
            side = min(logo_h, 16 * mm)
            canvas.setFillColor(p.primary)
            canvas.roundRect(left, top - side, side, side, 2.2 * mm, stroke=0, fill=1)
            canvas.setFillColor(colors.white)
            mark = (b.short_name or b.name(lang) or "·")[:1]
            canvas.setFont(self.font, side * 0.55)
            canvas.drawCentredString(left + side / 2, top - side * 0.70, mark)
            text_x = left + side + 4 * mm
        # contacts on the right, the name gets what is left
        contact = self.contact_lines()
        contact_size = 7.2
        contact_w = max((stringWidth(line, self.font, contact_size) for line in contact), default=0)
        name_room = right - text_x - (contact_w + 6 * mm if contact else 0)
        name = b.name(lang)
        size = 15.0
        while size > 9 and stringWidth(name, self.font, size) > name_room:
            size -= 0.5
        canvas.setFillColor(p.primary)
        canvas.setFont(self.font, size)
        y = top - size + 1
        canvas.drawString(text_x, y, fit(name, self.font, size, name_room))
        other = b.other_name(lang)
        if other:
            y -= 11
            canvas.setFillColor(MUTED)
            canvas.setFont(self.font, 7.8)
            canvas.drawString(text_x, y, fit(other, self.font, 7.8, name_room))
        tagline = b.tagline(lang)
        if tagline:
            y -= 11
            canvas.setFillColor(p.accent)
            canvas.setFont(self.font, 7.8)
            canvas.drawString(text_x, y, fit(tagline, self.font, 7.8, name_room))
        canvas.setFillColor(MUTED)
        canvas.setFont(self.font, contact_size)
        line_y = top - contact_size
        for line in contact:
            canvas.drawRightString(right, line_y, line)
            line_y -= contact_size * 1.45
        # the rules: the company's colour and its accent
        canvas.setStrokeColor(p.primary)
        canvas.setLineWidth(1.6)
        canvas.line(left, rule_y, right, rule_y)
        canvas.setStrokeColor(p.accent)
        canvas.setLineWidth(0.6)
        canvas.line(left, rule_y - 1.3 * mm, right, rule_y - 1.3 * mm)
        canvas.restoreState()

    def contact_lines(self) -> list[str]:
        """Address, phones and the addresses on the web, at most 4 lines of
        at most 82 mm."""
        b = self.branding
        room = 82 * mm
        lines = wrap_text(b.address(self.language), self.font, 7.2, room, 2)
        phones = [
            self.t(TEL, number=b.phone) if b.phone else "",
            self.t(FAX, number=b.fax) if b.fax else "",
        ]
        web = [b.email, b.website]
        for group in (phones, web):
            text = "   ".join(x for x in group if x)
            if text:
                lines.append(fit(text, self.font, 7.2, room))
        return lines

    def slim_header(self, canvas: Canvas) -> None:
        top = PAGE[1] - MARGIN
        y = top - 3 * mm
        canvas.saveState()
        reference = self.info.reference
        canvas.setFont(self.font, 7.5)
        ref_w = stringWidth(reference, self.font, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(PAGE[0] - MARGIN, y, reference)
        canvas.setFillColor(self.palette.primary)
        canvas.setFont(self.font, 8.5)
        room = WIDTH - ref_w - 8 * mm
        canvas.drawString(MARGIN, y, fit(self.branding.name(self.language), self.font, 8.5, room))
        canvas.setStrokeColor(self.palette.primary)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN, y - 2.2 * mm, PAGE[0] - MARGIN, y - 2.2 * mm)
        canvas.restoreState()

    # -- when the page count is known -----------------------------------------------

    def footer(self, canvas: Canvas, page: int, total: int, *, cover: bool = False) -> None:
        if cover:
            return
        y = MARGIN
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, y + 3.6 * mm, PAGE[0] - MARGIN, y + 3.6 * mm)
        number = self.t(PAGE_OF_TOTAL, page=page, total=total)
        right = f"{self.info.reference}    {number}" if self.info.reference else number
        canvas.setFont(self.font, 7.2)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(PAGE[0] - MARGIN, y, right)
        note = self.branding.footer(self.language)
        if note:
            room = WIDTH - stringWidth(right, self.font, 7.2) - 8 * mm
            canvas.drawString(MARGIN, y, fit(note, self.font, 7.2, room))
        canvas.restoreState()


def wrap_text(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """*text* in lines of at most *width* points: broken at a space when one
    is near, else between any two characters (Chinese has no spaces); the
    last line cut with an ellipsis when more would be needed."""
    words = text.split()
    if not words:
        return []
    lines: list[str] = []
    rest = " ".join(words)
    while rest and len(lines) < max_lines:
        if stringWidth(rest, font, size) <= width or len(lines) == max_lines - 1:
            lines.append(fit(rest, font, size, width))
            break
        cut = len(rest)
        while cut > 1 and stringWidth(rest[:cut], font, size) > width:
            cut -= 1
        space = rest.rfind(" ", 0, cut + 1)
        if space > cut * 0.6:  # a space not far back: break there
            cut = space
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return lines


def frame_canvas(letterhead: Letterhead, cover: bool) -> type[Canvas]:
    """A canvas that keeps each page's state and draws the footers when the
    document is saved, once the page count is known."""

    class BrandedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab's own

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                letterhead.footer(self, number, total, cover=cover and number == 1)
                super().showPage()
            super().save()

    return BrandedCanvas


def build_branded(
    path: Path,
    story: Sequence[Flowable],
    *,
    branding: Branding,
    info: DocumentInfo,
    language: str,
    translate: Translate,
    cover: bool = False,
) -> Path:
    """Lay *story* out in the branded frame into the PDF at *path*, whole or
    not at all (``render_branded`` says how)."""

    def render(temporary: str) -> None:
        render_branded(
            temporary,
            story,
            branding=branding,
            info=info,
            language=language,
            translate=translate,
            cover=cover,
        )

    return write_whole(Path(path), render)


def render_branded(
    target: str | BinaryIO,
    story: Sequence[Flowable],
    *,
    branding: Branding,
    info: DocumentInfo,
    language: str,
    translate: Translate,
    cover: bool = False,
) -> None:
    """Lay *story* out in the branded frame into *target* (a file name or a
    binary stream).  With *cover* the first page has neither letterhead nor
    footer (a proposal's cover); otherwise it carries the letterhead.  The
    later pages have the slim header."""
    letterhead = Letterhead(branding, info, language, translate)
    frame_h = PAGE[1] - 2 * MARGIN - FOOT

    def frame(name: str, head: float) -> Frame:
        return Frame(
            MARGIN,
            MARGIN + FOOT,
            WIDTH,
            frame_h - head,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=name,
        )

    if cover:
        first = PageTemplate(
            "cover", [frame("cover", 0)], onPage=letterhead.cover_page,
            autoNextPageTemplate="later",
        )  # fmt: skip
    else:
        first = PageTemplate(
            "first", [frame("first", FIRST_HEAD)], onPage=letterhead.first_page,
            autoNextPageTemplate="later",
        )  # fmt: skip
    later = PageTemplate("later", [frame("later", LATER_HEAD)], onPage=letterhead.later_page)
    doc = BaseDocTemplate(
        target,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=info.title,
        author=info.author,
        subject=info.subject,
        creator="ERPDesk",
        keywords=list(info.keywords),
        lang="zh-CN" if language.lower().startswith("zh") else "en",
        displayDocTitle=True,
        initialFontName=letterhead.font,  # or each page would name Helvetica, unembedded
    )
    doc.addPageTemplates([first, later])
    doc.build(list(story), canvasmaker=frame_canvas(letterhead, cover))
