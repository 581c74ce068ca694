"""The proposal PDF (解决方案建议书): what the customer reads.

``write_proposal_pdf(path, content, branding=)`` lays out a
``ProposalContent`` (``erpdesk.domain.proposal.assemble``) in the company's
branded frame (``letterhead``): a cover page of its own (logo, the title
《XX公司 ERP 解决方案建议书》, the customer, the date, the company), the table
of contents, then the numbered sections with their paragraphs, bullet lists,
tables (split across pages with the header repeated), the key figures, the
benefit bar chart, the implementation timeline and the architecture, drawn
with ``reportlab.graphics``.  Every later page has the slim header and the
footer with "第 x 页 共 y 页".

The layout runs once.  The contents' page numbers are known only when the
last section is laid out, so each section heading records its page when it
is drawn, and the numbers are written onto the contents page when the
document is saved, as the footers are (``_ProposalFrame.footer``).  Each
section is also a bookmark of the PDF's outline, and each line of the
contents a link to it.

The PDF's own labels (Contents, Customer ...) are in the proposal's language,
translated in the context ``Documents``; the content comes in that language
already.  The file is written whole or not at all, the font embedded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from erpdesk.documents.fonts import refuse_cid, register_fonts
from erpdesk.documents.layout import INK, MARGIN, MUTED, PAGE, RULE, WIDTH, fit, write_whole
from erpdesk.documents.letterhead import (
    FOOT,
    LATER_HEAD,
    DocumentInfo,
    Letterhead,
    Palette,
    frame_canvas,
    logo_reader,
)
from erpdesk.documents.texts import CONTEXT, translator
from erpdesk.domain.benefit import yuan
from erpdesk.domain.branding import Branding
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.proposal import (
    Architecture,
    BarChart,
    Block,
    Bullets,
    Cover,
    Heading,
    KeyFigures,
    ProposalContent,
    Section,
    Timeline,
    is_chinese,
)
from erpdesk.domain.proposal import Paragraph as TextParagraph
from erpdesk.domain.proposal import Table as TextTable
from erpdesk.ts_catalogue import Translate

T = {  # the PDF's own labels (English source, context "Documents")
    "contents": QT_TRANSLATE_NOOP("Documents", "Contents"),
    "customer": QT_TRANSLATE_NOOP("Documents", "Customer"),
    "submitted_by": QT_TRANSLATE_NOOP("Documents", "Submitted by"),
    "prepared_by": QT_TRANSLATE_NOOP("Documents", "Prepared by"),
    "date": QT_TRANSLATE_NOOP("Documents", "Date"),
    "subject": QT_TRANSLATE_NOOP("Documents", "ERP solution proposal"),
    "confidential": QT_TRANSLATE_NOOP(
        "Documents",
        "Prepared for {customer} to evaluate this project; please do not pass it on "
        "without our consent.",
    ),
}

HEADING_HEIGHT = 30.0
CONTENTS_LINE = 24.0


@dataclass(frozen=True)
class _Styles:
    font: str
    palette: Palette
    body: ParagraphStyle
    h2: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    head_right: ParagraphStyle
    total: ParagraphStyle
    total_right: ParagraphStyle
    figure: ParagraphStyle
    figure_label: ParagraphStyle
    contents_title: ParagraphStyle
    cover_title: ParagraphStyle
    cover_sub: ParagraphStyle
    small: ParagraphStyle


@lru_cache(maxsize=8)
def _styles(primary: str, accent: str, chinese: bool) -> _Styles:
    """The proposal's styles in the company's colours; every one wraps the
    CJK way (an English proposal still holds Chinese names)."""
    font = register_fonts()
    refuse_cid(font)
    palette = Palette.of(Branding("", primary_colour=primary, accent_colour=accent))

    def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=kw.pop("leading", round(size * 1.55, 1)),
            textColor=kw.pop("textColor", INK),
            wordWrap="CJK",
            **kw,
        )

    # Chinese paragraphs start two characters in (首行缩进两字符).
    indent = 20.0 if chinese else 0.0
    return _Styles(
        font=font,
        palette=palette,
        body=style("body", 10, firstLineIndent=indent, spaceAfter=6),
        h2=style("h2", 11.5, textColor=palette.primary, spaceBefore=8, spaceAfter=5),
        bullet=style(
            "bullet",
            10,
            leftIndent=16,
            bulletIndent=2,
            spaceAfter=3,
            bulletFontName=font,
            bulletFontSize=10,
        ),
        cell=style("cell", 8.8, leading=13.2),
        cell_right=style("cell_right", 8.8, leading=13.2, alignment=TA_RIGHT),
        head=style("head", 8.8, leading=13.2, textColor=palette.primary),
        head_right=style(
            "head_right", 8.8, leading=13.2, textColor=palette.primary, alignment=TA_RIGHT
        ),
        total=style("total", 9.2, leading=13.5, textColor=palette.primary),
        total_right=style(
            "total_right", 9.2, leading=13.5, textColor=palette.primary, alignment=TA_RIGHT
        ),
        figure=style("figure", 15, leading=19, textColor=palette.primary, alignment=TA_CENTER),
        figure_label=style("figure_label", 8.5, textColor=MUTED, alignment=TA_CENTER),
        contents_title=style(
            "contents_title", 20, leading=26, textColor=palette.primary, spaceAfter=18
        ),
        cover_title=style(
            "cover_title", 24, leading=34, textColor=colors.white, alignment=TA_CENTER
        ),
        cover_sub=style("cover_sub", 12, leading=18, textColor=colors.white, alignment=TA_CENTER),
        small=style("small", 8.5, textColor=MUTED),
    )


def _text(text: str) -> str:
    """Plain text as paragraph markup (escaped, line breaks kept)."""
    return escape(text).replace("\n", "<br/>")


@dataclass
class _Pages:
    """Where things landed while the story was laid out: each section's
    page, and the contents page with the positions of its page numbers."""

    sections: dict[str, int] = field(default_factory=dict)
    contents_page: int = 0
    contents_lines: list[tuple[str, float, float]] = field(default_factory=list)  # key, x, y


class _SectionHeading(Flowable):
    """A numbered section heading: the number in a box of the company's
    colour, the title, a rule; records its page and is an outline entry."""

    def __init__(self, section: Section, key: str, styles: _Styles, pages: _Pages) -> None:
        super().__init__()
        self.section, self.key, self.s, self.pages = section, key, styles, pages
        self.keepWithNext = True
        self.spaceBefore = 6
        self.spaceAfter = 10

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, HEADING_HEIGHT

    def draw(self) -> None:
        c, s, p = self.canv, self.s, self.s.palette
        self.pages.sections[self.key] = c.getPageNumber()
        c.bookmarkPage(self.key, fit="XYZ", top=c.absolutePosition(0, HEADING_HEIGHT)[1] + 6)
        c.addOutlineEntry(f"{self.section.number}  {self.section.title}", self.key, level=0)
        box = 20.0
        c.setFillColor(p.primary)
        c.rect(0, 8, box, box, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont(s.font, 11)
        c.drawCentredString(box / 2, 14, str(self.section.number))
        c.setFillColor(p.primary)
        c.setFont(s.font, 15)
        c.drawString(box + 8, 12.5, fit(self.section.title, s.font, 15, self.width - box - 8))
        c.setStrokeColor(p.accent)
        c.setLineWidth(1.2)
        c.line(0, 2, self.width, 2)


class _Contents(Flowable):
    """The contents: a line per section with dot leaders; the page numbers
    are written when the document is saved (``_ProposalFrame.footer``)."""

    def __init__(self, entries: Sequence[tuple[str, str]], styles: _Styles, pages: _Pages) -> None:
        super().__init__()
        self.entries, self.s, self.pages = list(entries), styles, pages

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, CONTENTS_LINE * len(self.entries)

    def draw(self) -> None:
        c, s = self.canv, self.s
        self.pages.contents_page = c.getPageNumber()
        size = 11.5
        right = self.width - 24
        for i, (key, label) in enumerate(self.entries):
            y = CONTENTS_LINE * (len(self.entries) - i - 1) + 7
            c.setFillColor(INK)
            c.setFont(s.font, size)
            number, _sep, title = label.partition("\t")
            c.drawString(0, y, number)
            shown = fit(title, s.font, size, right - 64)
            c.drawString(24, y, shown)
            start = 24 + stringWidth(shown, s.font, size) + 6
            c.setFillColor(RULE)
            dots = "·" * max(int((right - start) / stringWidth("·", s.font, size)), 0)
            c.drawRightString(right, y, dots)
            x, absolute_y = c.absolutePosition(self.width, y)
            self.pages.contents_lines.append((key, x, absolute_y))
            c.linkRect("", key, (0, y - 5, self.width, y + size), relative=1)
        c.setFillColor(INK)


class _ProposalFrame(Letterhead):
    """The branded frame with the proposal's own cover page, and the
    contents' page numbers written with the footers."""

    def __init__(
        self,
        branding: Branding,
        info: DocumentInfo,
        language: str,
        translate: Translate,
        *,
        cover: Cover | None,
        styles: _Styles,
        pages: _Pages,
    ) -> None:
        super().__init__(branding, info, language, translate)
        self.cover, self.s, self.pages = cover, styles, pages

    def label(self, key: str, **params: object) -> str:
        return self.t(T[key], **params)

    def footer(self, canvas: Canvas, page: int, total: int, *, cover: bool = False) -> None:
        super().footer(canvas, page, total, cover=cover)
        if page == self.pages.contents_page:
            canvas.saveState()
            canvas.setFont(self.font, 11.5)
            canvas.setFillColor(self.palette.primary)
            for key, x, y in self.pages.contents_lines:
                found = self.pages.sections.get(key)
                if found is not None:
                    canvas.drawRightString(x, y, str(found))
            canvas.restoreState()

    def cover_page(self, canvas: Canvas, doc: Any) -> None:
        super().cover_page(canvas, doc)
        if self.cover is not None:
            self.draw_cover(canvas, self.cover)

    def draw_cover(self, c: Canvas, cover: Cover) -> None:
        s, p, b = self.s, self.palette, self.branding
        lang = self.language
        chinese = is_chinese(lang)
        width, height = PAGE
        c.saveState()
        # the company at the top: its logo (or a monogram) and its name
        top = height - MARGIN - 4 * mm
        x = MARGIN
        if self.logo is not None:
            w, h = self.logo.getSize()
            scale = min(42 * mm / w, 16 * mm / h)
            c.drawImage(self.logo, x, top - h * scale, w * scale, h * scale, mask="auto")
            x += w * scale + 5 * mm
        else:
            side = 14 * mm
            c.setFillColor(p.primary)
            c.roundRect(x, top - side, side, side, 2 * mm, stroke=0, fill=1)
            c.setFillColor(colors.white)
            c.setFont(self.font, side * 0.55)
            mark = (b.short_name or b.name(lang) or "·")[:1]
            c.drawCentredString(x + side / 2, top - side * 0.7, mark)
            x += side + 5 * mm
        c.setFillColor(p.primary)
        c.setFont(self.font, 13)
        c.drawString(x, top - 8 * mm, fit(b.name(lang), self.font, 13, width - MARGIN - x))
        tagline = b.tagline(lang)
        if tagline:
            c.setFillColor(p.accent)
            c.setFont(self.font, 8.5)
            c.drawString(x, top - 13.5 * mm, fit(tagline, self.font, 8.5, width - MARGIN - x))
        # the title on a band of the company's colour, across the page
        band_top, band_h = height * 0.70, height * 0.25
        c.setFillColor(p.primary)
        c.rect(0, band_top - band_h, width, band_h, stroke=0, fill=1)
        c.setFillColor(p.accent)
        c.rect(0, band_top - band_h - 2.2 * mm, width, 2.2 * mm, stroke=0, fill=1)
        title = f"《{cover.title}》" if chinese else cover.title
        room = width - 2 * MARGIN - 20 * mm
        size, lines = title_lines(title, self.font, room)
        leading = size * 1.4
        sub = Paragraph(_text(cover.deal), s.cover_sub) if cover.deal else None
        sub_h = sub.wrap(room, band_h)[1] + 10 if sub is not None else 0
        title_h = leading * len(lines)
        y = band_top - band_h / 2 + (title_h + sub_h) / 2
        c.setFillColor(colors.white)
        c.setFont(self.font, size)
        for n, line in enumerate(lines):
            c.drawCentredString(width / 2, y - size - n * leading, line)
        if sub is not None:
            sub.drawOn(c, (width - room) / 2, y - title_h - sub_h)
        # the note the rep wrote on the cover
        y = band_top - band_h - 14 * mm
        if cover.note:
            note = Paragraph(_text(cover.note), s.body)
            _w, note_h = note.wrap(width - 2 * MARGIN - 30 * mm, 60 * mm)
            note.drawOn(c, MARGIN + 15 * mm, y - note_h)
            y -= note_h + 8 * mm
        # who, for whom, when
        rows = [
            (self.label("customer"), cover.customer),
            (self.label("submitted_by"), cover.company),
            (self.label("prepared_by"), cover.author),
            (self.label("date"), _long_date(cover.dated, chinese)),
        ]
        y = min(y, height * 0.33)
        label_w = max(stringWidth(label, self.font, 11) for label, _v in rows) + 10 * mm
        for label, value in rows:
            if not value:
                continue
            c.setFillColor(MUTED)
            c.setFont(self.font, 11)
            c.drawString(MARGIN + 15 * mm, y, label)
            c.setFillColor(INK)
            c.setFont(self.font, 12)
            room = width - 2 * MARGIN - 30 * mm - label_w
            c.drawString(MARGIN + 15 * mm + label_w, y, fit(value, self.font, 12, room))
            c.setStrokeColor(RULE)
            c.setLineWidth(0.4)
            c.line(MARGIN + 15 * mm + label_w, y - 3, width - MARGIN - 15 * mm, y - 3)
            y -= 11 * mm
        # the confidentiality line and the company's address at the foot
        c.setFillColor(MUTED)
        c.setFont(self.font, 8)
        confidential = self.label("confidential", customer=cover.customer)
        c.drawCentredString(width / 2, MARGIN + 12 * mm, fit(confidential, self.font, 8, WIDTH))
        contact = "   ".join(x for x in (b.address(lang), b.phone, b.website) if x)
        c.drawCentredString(width / 2, MARGIN + 6 * mm, fit(contact, self.font, 8, WIDTH))
        c.setStrokeColor(p.accent)
        c.setLineWidth(0.8)
        c.line(MARGIN, MARGIN + 17 * mm, width - MARGIN, MARGIN + 17 * mm)
        c.restoreState()


# Characters a line must not start with, and must not end with.
NO_START = "》）」』】，。、；：！？,.;:!?)]"
NO_END = "《（「『【([ "


def title_lines(text: str, font: str, room: float) -> tuple[float, list[str]]:
    """The cover title's font size and lines: one line at the largest size
    that fits (26 down to 20 points), else two balanced lines broken at a
    space or between two characters (never before a closing mark, never
    after an opening one), else as many lines as it takes at 16 points."""
    for size in (26.0, 24.0, 22.0, 20.0):
        if stringWidth(text, font, size) <= room:
            return size, [text]
    for size in (24.0, 22.0, 20.0, 18.0, 16.0):
        lines = _two_lines(text, font, size)
        if all(stringWidth(line, font, size) <= room for line in lines):
            return size, lines
    from erpdesk.documents.letterhead import wrap_text

    return 16.0, wrap_text(text, font, 16.0, room, 4)


def _two_lines(text: str, font: str, size: float) -> list[str]:
    """*text* in two lines of about the same width."""
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    candidates = spaces or [
        i for i in range(1, len(text)) if text[i] not in NO_START and text[i - 1] not in NO_END
    ]
    if not candidates:
        return [text]

    def widest(i: int) -> float:
        return max(
            stringWidth(text[:i].rstrip(), font, size), stringWidth(text[i:].lstrip(), font, size)
        )

    best = min(candidates, key=widest)
    return [text[:best].rstrip(), text[best:].lstrip()]


def _long_date(day: date, chinese: bool) -> str:
    if chinese:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day.strftime('%B')} {day.year}"


def write_proposal_pdf(
    path: Path,
    content: ProposalContent,
    *,
    branding: Branding,
    translate: Translate | None = None,
) -> Path:
    """Write the proposal PDF of *content* to *path*, whole or not at all;
    returns *path*.  ``PdfWriteError`` for a folder that is missing or
    read-only or a full disk; ``FontError`` / ``LogoError`` when the font or
    the logo cannot be used."""
    writer = _Writer(content, branding, translate)
    return write_whole(Path(path), writer.render)


def proposal_pdf_bytes(
    content: ProposalContent, *, branding: Branding, translate: Translate | None = None
) -> bytes:
    """The proposal PDF in memory (a preview, the benchmark)."""
    from io import BytesIO

    buffer = BytesIO()
    _Writer(content, branding, translate).render(buffer)
    return buffer.getvalue()


class _Writer:
    def __init__(
        self, content: ProposalContent, branding: Branding, translate: Translate | None
    ) -> None:
        self.content = content
        self.branding = branding
        self.language = content.language
        self.chinese = is_chinese(self.language)
        self.say = translate or translator(self.language)
        self.s = _styles(branding.primary_colour, branding.accent_colour, self.chinese)
        self.p = self.s.palette
        self.pages = _Pages()
        if branding.logo:
            logo_reader(branding.logo)  # a damaged logo fails before any file is made

    def t(self, key: str, **params: object) -> str:
        text = self.say(CONTEXT, T[key])
        return text.format(**params) if params else text

    def info(self) -> DocumentInfo:
        c = self.content
        subject = self.t("subject")
        return DocumentInfo(
            title=c.title,
            author=(c.cover.author if c.cover and c.cover.author else c.company),
            subject=f"{subject} · {c.customer}",
            reference=c.title,
            keywords=tuple(k for k in (subject, c.customer, c.company, "ERP") if k),
        )

    def render(self, target: str | BinaryIO) -> None:
        cover = self.content.cover
        frame = _ProposalFrame(
            self.branding,
            self.info(),
            self.language,
            self.say,
            cover=cover,
            styles=self.s,
            pages=self.pages,
        )
        frame_h = PAGE[1] - 2 * MARGIN - FOOT

        def page_frame(name: str, head: float) -> Frame:
            return Frame(
                MARGIN, MARGIN + FOOT, WIDTH, frame_h - head, id=name,
                leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
            )  # fmt: skip

        later = PageTemplate("later", [page_frame("later", LATER_HEAD)], onPage=frame.later_page)
        if cover is not None:
            first = PageTemplate(
                "cover", [page_frame("cover", 0)], onPage=frame.cover_page,
                autoNextPageTemplate="later",
            )  # fmt: skip
            templates = [first, later]
        else:
            templates = [later]
        info = frame.info
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
            lang="zh-CN" if self.chinese else "en",
            displayDocTitle=True,
        )
        doc.addPageTemplates(templates)
        doc.build(self.story(), canvasmaker=_own_font(frame_canvas(frame, cover is not None)))

    # -- the story -----------------------------------------------------------------

    def story(self) -> list[Flowable]:
        out: list[Flowable] = []
        if self.content.cover is not None:
            out += [Spacer(0, 1), PageBreak()]
        sections = self.content.sections
        if sections:
            entries = [(self.key(s), f"{s.number}\t{s.title}") for s in sections]
            out.append(Paragraph(_text(self.t("contents")), self.s.contents_title))
            out.append(_Contents(entries, self.s, self.pages))
            out.append(PageBreak())
        for section in sections:
            out.append(CondPageBreak(60 * mm))
            out.append(_SectionHeading(section, self.key(section), self.s, self.pages))
            for block in section.blocks:
                out += self.block(block)
            out.append(Spacer(0, 8))
        return out

    @staticmethod
    def key(section: Section) -> str:
        return f"section-{section.code.value}"

    def block(self, block: Block) -> list[Flowable]:
        s = self.s
        if isinstance(block, TextParagraph):
            return [Paragraph(_text(block.text), s.body)]
        if isinstance(block, Heading):
            return [CondPageBreak(30 * mm), Paragraph(_text(block.text), s.h2)]
        if isinstance(block, Bullets):
            return self.bullets(block)
        if isinstance(block, TextTable):
            return [self.table(block), Spacer(0, 8)]
        if isinstance(block, KeyFigures):
            return [self.key_figures(block), Spacer(0, 10)]
        if isinstance(block, BarChart):
            return [KeepTogether([Paragraph(_text(block.title), s.h2), self.bar_chart(block)])]
        if isinstance(block, Timeline):
            return [self.timeline(block), Spacer(0, 8)]
        return [self.architecture(block), Spacer(0, 8)]

    def bullets(self, block: Bullets) -> list[Flowable]:
        out: list[Flowable] = []
        for n, item in enumerate(block.items, start=1):
            mark = f"{n}." if block.numbered else "•"
            out.append(Paragraph(_text(item), self.s.bullet, bulletText=mark))
        out.append(Spacer(0, 4))
        return out

    def table(self, block: TextTable) -> Table:
        s, p = self.s, self.p
        rows: list[list[Any]] = []
        numeric = set(block.numeric)
        first_total = len(block.rows) - block.totals
        if block.header:
            rows.append(
                [
                    Paragraph(_text(h), s.head_right if i in numeric else s.head)
                    for i, h in enumerate(block.header)
                ]
            )
        for r, row in enumerate(block.rows):
            total = r >= first_total
            cells = []
            for i, cell in enumerate(row):
                if total:
                    style = s.total_right if i in numeric else s.total
                else:
                    style = s.cell_right if i in numeric else s.cell
                cells.append(Paragraph(_text(cell), style))
            rows.append(cells)
        scale = WIDTH / sum(block.widths)
        header = 1 if block.header else 0
        table = Table(
            rows,
            colWidths=[w * scale for w in block.widths],
            repeatRows=header,
            splitByRow=1,
            splitInRow=1,
            hAlign="LEFT",
        )
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), s.font),  # empty cells too: no Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        if header:
            commands += [
                ("BACKGROUND", (0, 0), (-1, 0), p.shade),
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, p.primary),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, p.primary),
            ]
        else:
            commands.append(("BACKGROUND", (0, 0), (0, -1), p.light))
            commands.append(("LINEABOVE", (0, 0), (-1, 0), 0.8, p.primary))
        body_rows = len(block.rows) - block.totals
        if body_rows > 2:
            commands.append(
                (
                    "ROWBACKGROUNDS",
                    (0, header),
                    (-1, header + body_rows - 1),
                    [colors.white, p.light],
                )
            )
        if block.totals:
            start = header + first_total
            commands += [
                ("BACKGROUND", (0, start), (-1, -1), p.shade),
                ("LINEABOVE", (0, start), (-1, start), 0.8, p.primary),
            ]
            # a total's label runs over the empty cells after it
            for r, row in enumerate(block.rows[first_total:], start=start):
                filled = [i for i, cell in enumerate(row) if cell]
                if len(filled) == 2 and filled[0] == 0 and filled[1] > 1:
                    commands.append(("SPAN", (0, r), (filled[1] - 1, r)))
        table.setStyle(TableStyle(commands))
        return table

    def key_figures(self, block: KeyFigures) -> Table:
        s, p = self.s, self.p
        cells = [
            [Paragraph(_text(value), s.figure), Paragraph(_text(label), s.figure_label)]
            for label, value in block.items
        ]
        gap = 6.0
        n = len(cells)
        width = (WIDTH - gap * (n - 1)) / n
        row: list[Any] = []
        widths: list[float] = []
        for i, cell in enumerate(cells):
            if i:
                row.append("")
                widths.append(gap)
            row.append(cell)
            widths.append(width)
        table = Table([row], colWidths=widths, hAlign="LEFT")
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), s.font),  # the gap cells too: no Helvetica
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ]
        for i in range(0, len(row), 2):
            commands += [
                ("BACKGROUND", (i, 0), (i, 0), p.light),
                ("LINEABOVE", (i, 0), (i, 0), 2.2, p.accent),
            ]
        table.setStyle(TableStyle(commands))
        return table

    # -- drawings --------------------------------------------------------------------

    def bar_chart(self, block: BarChart) -> Drawing:
        s, p = self.s, self.p
        bar_h, gap, size = 14.0, 9.0, 8.8
        labels = [label for label, _a in block.bars]
        values = [yuan(amount) for _l, amount in block.bars]
        label_w = min(max(stringWidth(x, s.font, size) for x in labels) + 8, WIDTH * 0.36)
        value_w = max(stringWidth(v, s.font, size) for v in values) + 8
        area = WIDTH - label_w - value_w
        top = max((a for _l, a in block.bars), default=Decimal(0))
        height = len(block.bars) * (bar_h + gap) + gap
        d = Drawing(WIDTH, height)
        d.add(Line(label_w, 0, label_w, height, strokeColor=RULE, strokeWidth=0.6))
        for i, (label, amount) in enumerate(block.bars):
            y = height - (i + 1) * (bar_h + gap)
            length = float(amount / top) * area if top > 0 else 0.0
            colour = p.primary if i % 2 == 0 else _tint(p.primary, 0.35)
            d.add(_box(label_w, y, max(length, 0.5), bar_h, colour))
            d.add(
                String(label_w - 5, y + 4, fit(label, s.font, size, label_w - 8),
                       fontName=s.font, fontSize=size, fillColor=INK, textAnchor="end")
            )  # fmt: skip
            d.add(
                String(label_w + length + 4, y + 4, values[i], fontName=s.font, fontSize=size,
                       fillColor=p.primary)
            )  # fmt: skip
        return d

    def timeline(self, block: Timeline) -> Drawing:
        s, p = self.s, self.p
        size, row_h, bar_h = 8.5, 20.0, 11.0
        label_w = max(stringWidth(name, s.font, size) for name, _a, _b in block.phases) + 10
        start = min(a for _n, a, _b in block.phases)
        end = max(b for _n, _a, b in block.phases)
        span = max((end - start).days, 1)
        area = WIDTH - label_w - 4
        axis_h = 16.0
        height = len(block.phases) * row_h + axis_h + 4
        d = Drawing(WIDTH, height)

        def x_of(day: date) -> float:
            return label_w + area * (day - start).days / span

        # month ticks along the top
        month = date(start.year, start.month, 1)
        first = True
        while month <= end:
            if month >= start:
                x = x_of(month)
                d.add(Line(x, 0, x, height - axis_h + 2, strokeColor=RULE, strokeWidth=0.3))
                d.add(String(x + 2, height - axis_h + 5, self.month(month, first),
                             fontName=s.font, fontSize=7.5, fillColor=MUTED))  # fmt: skip
                first = False
            month = (month + timedelta(days=32)).replace(day=1)
        for i, (name, a, b) in enumerate(block.phases):
            y = height - axis_h - (i + 1) * row_h + (row_h - bar_h) / 2
            colour = p.primary if i % 2 == 0 else _tint(p.primary, 0.35)
            width = max(x_of(b + timedelta(days=1)) - x_of(a), 2.0)
            d.add(_box(x_of(a), y, width, bar_h, colour))
            d.add(String(label_w - 6, y + 2.5, name, fontName=s.font, fontSize=size,
                         fillColor=INK, textAnchor="end"))  # fmt: skip
        return d

    def month(self, month: date, first: bool) -> str:
        """A tick's label: the month, with its year on the first tick and in
        January."""
        with_year = first or month.month == 1
        if self.chinese:
            return f"{month.year}年{month.month}月" if with_year else f"{month.month}月"
        return month.strftime("%b %Y" if with_year else "%b")

    def architecture(self, block: Architecture) -> Drawing:
        s, p = self.s, self.p
        size, box_h, gap, per_row = 9.0, 22.0, 6.0, 4
        label_w = 30 * mm
        area_x = label_w + gap
        area_w = WIDTH - area_x
        heights = []
        for _name, boxes in block.layers:
            rows = max((len(boxes) + per_row - 1) // per_row, 1)
            heights.append(rows * box_h + (rows + 1) * gap)
        height = sum(heights) + gap * (len(heights) - 1)
        d = Drawing(WIDTH, height)
        y = height
        for (name, boxes), layer_h in zip(block.layers, heights, strict=True):
            y -= layer_h
            d.add(_box(0, y, label_w, layer_h, p.primary))
            label = fit(name, s.font, size, label_w - 6)
            d.add(String(label_w / 2, y + layer_h / 2 - size / 3, label, fontName=s.font,
                         fontSize=size, fillColor=colors.white, textAnchor="middle"))  # fmt: skip
            d.add(_box(area_x, y, area_w, layer_h, p.light, p.shade))
            count = min(len(boxes), per_row) or 1
            box_w = (area_w - gap * (count + 1)) / count
            for i, box in enumerate(boxes):
                row, col = divmod(i, per_row)
                bx = area_x + gap + col * (box_w + gap)
                by = y + layer_h - gap - (row + 1) * box_h - row * gap
                d.add(_box(bx, by, box_w, box_h, colors.white, p.primary, 0.8))
                d.add(String(bx + box_w / 2, by + box_h / 2 - size / 3,
                             fit(box, s.font, size, box_w - 6), fontName=s.font, fontSize=size,
                             fillColor=p.primary, textAnchor="middle"))  # fmt: skip
            y -= gap
        return d


def _tint(colour: colors.Color, amount: float) -> colors.Color:
    """*colour* mixed with white (*amount* 0 = the colour, 1 = white)."""
    r, g, b = colour.rgb()
    return colors.Color(r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


def _own_font(canvas: type[Canvas]) -> type[Canvas]:
    """*canvas* starting in the document's font: otherwise reportlab names
    Helvetica on every page, a font the PDF would not embed."""
    font = register_fonts()

    class OwnFontCanvas(canvas):  # type: ignore[misc,valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # the document template passes initialFontName=None: replace it
            if not kwargs.get("initialFontName"):
                kwargs["initialFontName"] = font
            super().__init__(*args, **kwargs)

    return OwnFontCanvas


def _box(
    x: float,
    y: float,
    width: float,
    height: float,
    fill: colors.Color,
    stroke: colors.Color | None = None,
    stroke_width: float = 0.6,
) -> Rect:
    """A filled rectangle of a drawing, outlined when *stroke* is given."""
    box = Rect(x, y, width, height)
    box.fillColor = fill
    box.strokeColor = stroke
    box.strokeWidth = stroke_width
    return box
