"""What every ERPDesk PDF shares: the page (A4, margins, a footer with the
title, the internal mark and "第 N 页 / 共 M 页"), the paragraph styles in
the embedded CJK font, tables that wrap their cells and split across pages
with the header repeated, money and date formats, and writing the file
whole or not at all.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from erpdesk.documents.fonts import refuse_cid, register_fonts
from erpdesk.domain.errors import DomainError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.ts_catalogue import Translate

PAGE = A4
MARGIN = 16 * mm
WIDTH = PAGE[0] - 2 * MARGIN  # the frame's width
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
ACCENT = colors.HexColor("#1d4e89")
RULE = colors.HexColor("#9aa5b1")
SHADE = colors.HexColor("#e4ebf3")
LIGHT = colors.HexColor("#f5f7fa")
ALERT = colors.HexColor("#b42318")
ALERT_SHADE = colors.HexColor("#fde8e7")

PAGE_OF = QT_TRANSLATE_NOOP("Documents", "Page {page} of {pages}")
INTERNAL = QT_TRANSLATE_NOOP("Documents", "Internal — not for customers")


# A table cell: a flowable, a plain string, a list of flowables or nothing.
Cell = Any


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of a document, in the registered font."""

    font: str
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    head_right: ParagraphStyle
    verdict: ParagraphStyle
    label: ParagraphStyle
    alert: ParagraphStyle

    @classmethod
    def make(cls, language: str) -> Styles:
        font = register_fonts()
        refuse_cid(font)
        # CJK wrapping breaks a line between any two hanzi; for English the
        # default wraps at spaces (and still splits a too-long run).
        wrap = "CJK" if language.lower().startswith("zh") else None

        def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
            return ParagraphStyle(
                name,
                fontName=font,
                fontSize=size,
                leading=round(size * 1.45, 1),
                textColor=kw.pop("textColor", INK),
                wordWrap=wrap,
                **kw,
            )

        cell = style("cell", 8.5)
        return cls(
            font=font,
            title=style("title", 17, textColor=ACCENT, spaceAfter=2),
            subtitle=style("subtitle", 9.5, textColor=MUTED, spaceAfter=8),
            h1=style("h1", 12.5, textColor=ACCENT, spaceBefore=12, spaceAfter=5),
            h2=style("h2", 10.5, textColor=ACCENT, spaceBefore=9, spaceAfter=3),
            body=style("body", 9.5, spaceAfter=3),
            small=style("small", 8, textColor=MUTED, spaceAfter=2),
            cell=cell,
            cell_right=style("cell_right", 8.5, alignment=TA_RIGHT),
            head=style("head", 8.5, textColor=ACCENT),
            head_right=style("head_right", 8.5, textColor=ACCENT, alignment=TA_RIGHT),
            verdict=style("verdict", 10, textColor=ACCENT),
            label=style("label", 8.5, textColor=MUTED),
            alert=style("alert", 9.5, textColor=ALERT, spaceAfter=3),
        )


def para(text: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain *text* (escaped; line breaks kept)."""
    shown = "" if text is None else str(text)
    return Paragraph(escape(shown).replace("\n", "<br/>"), style)


def money(amount: Decimal | str | None) -> str:
    """``¥1,234,567.50``: CNY with thousands separators, to the fen."""
    if amount is None or amount == "":
        return ""
    try:
        value = Decimal(str(amount))
    except ArithmeticError:
        return str(amount)
    if not value.is_finite():
        return str(amount)
    return f"¥{value.quantize(Decimal('0.01')):,.2f}"


def day(value: date | str | None) -> str:
    if value is None or value == "":
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def moment(value: datetime | None) -> str:
    """A stored UTC time in local time, to the minute."""
    if value is None:
        return ""
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def table(
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    *,
    header: bool = True,
    zebra: bool = True,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A ruled table whose rows split across pages (a tall row too) with the
    header row repeated on every page."""
    t = Table(
        [list(r) for r in rows],
        colWidths=list(widths),
        repeatRows=1 if header else 0,
        splitByRow=1,
        splitInRow=1,
        hAlign="LEFT",
    )
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), register_fonts()),  # plain and empty cells too
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    if zebra and len(rows) > 2:
        commands.append(
            ("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1), [colors.white, LIGHT])
        )
    t.setStyle(TableStyle([*commands, *extra]))
    return t


def column_widths(weights: Sequence[float], total: float = WIDTH) -> list[float]:
    scale = total / sum(weights)
    return [w * scale for w in weights]


def fit(text: str, font: str, size: float, width: float) -> str:
    """*text* cut to *width* points, with an ellipsis when cut."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def page_canvas(title: str, translate: Translate, internal: bool) -> type[Canvas]:
    """A canvas that draws the footer once the page count is known."""

    class FooterCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab's own

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            font = register_fonts()
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.4)
            y = MARGIN - 6 * mm
            self.line(MARGIN, y + 4 * mm, PAGE[0] - MARGIN, y + 4 * mm)
            self.setFont(font, 7.5)
            number = translate("Documents", PAGE_OF).format(page=self.getPageNumber(), pages=total)
            right = number
            if internal:
                right = f"{translate('Documents', INTERNAL)}    {number}"
            self.setFillColor(ALERT if internal else MUTED)
            self.drawRightString(PAGE[0] - MARGIN, y, right)
            room = WIDTH - stringWidth(right, font, 7.5) - 8 * mm
            self.setFillColor(MUTED)
            self.drawString(MARGIN, y, fit(title, font, 7.5, room))
            self.restoreState()

    return FooterCanvas


def build(
    path: Path,
    story: list[Flowable],
    *,
    title: str,
    footer: str,
    translate: Translate,
    author: str = "ERPDesk",
    internal: bool = False,
) -> None:
    """Lay *story* out into the PDF at *path*: written to a temporary file
    beside it and moved into place, so a failure leaves no half-made PDF
    (and an existing file untouched)."""
    def write(temporary: str) -> None:
        doc = SimpleDocTemplate(
            temporary,
            pagesize=PAGE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + 4 * mm,
            title=title,
            author=author,
            creator="ERPDesk",
            subject=footer,
            initialFontName=register_fonts(),  # else each page names Helvetica, unembedded
        )
        doc.build(story, canvasmaker=page_canvas(footer, translate, internal))

    write_whole(Path(path), write)


class PdfWriteError(DomainError):
    """The PDF cannot be written where the user asked (no file is left)."""

    context = "Documents"
    text = QT_TRANSLATE_NOOP("Documents", "The PDF cannot be written to {path}")


FOLDER_MISSING = QT_TRANSLATE_NOOP(
    "Documents", "The PDF cannot be written: the folder {folder} does not exist"
)
FOLDER_READ_ONLY = QT_TRANSLATE_NOOP(
    "Documents", "The PDF cannot be written: the folder {folder} is read-only"
)
DISK_FULL = QT_TRANSLATE_NOOP("Documents", "The PDF cannot be written to {path}: the disk is full")


def write_whole(path: Path, write: Callable[[str], None]) -> Path:
    """Call *write* with a temporary file's name beside *path*, then move the
    file into place: a failure leaves no half-made PDF (and an existing file
    untouched).  A folder that is missing or read-only, or a full disk,
    raises ``PdfWriteError`` saying which."""
    path = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=".erpdesk-", suffix=".pdf", dir=path.parent)
    except OSError as exc:
        raise _write_error(path, exc) from exc
    os.close(handle)
    try:
        write(temporary)
        mask = os.umask(0)  # mkstemp makes the file private; a PDF is not
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise _write_error(path, exc) from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _write_error(path: Path, exc: OSError) -> PdfWriteError:
    folder = str(path.parent)
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return PdfWriteError(FOLDER_MISSING, folder=folder)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return PdfWriteError(FOLDER_READ_ONLY, folder=folder)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return PdfWriteError(DISK_FULL, path=str(path))
    return PdfWriteError(path=str(path))
