"""Customer documents against a bare reportlab baseline (docs/documents.md,
"The benchmark").

Each document is measured beside a baseline made in the same run: a bare
reportlab document (``SimpleDocTemplate``, one ``Table``, ``Paragraph``s)
drawing the same text with the same embedded font, so the ratio says what
our frame, grouping and styling cost on top of reportlab itself whatever
the machine.  Each figure is the median of ``--runs`` runs (the document
and the baseline in turns) after one warm-up run of each (fonts
registered, modules imported: what a desk that has printed once pays).

- quote: a 60-line quote (three pages and more) through ``write_quote_pdf``,
  target < 300 ms and <= 3x the baseline (aim 2x).

A document is one function returning a ``Case`` (add a proposal with
``proposal_case``'s twin and list it in ``CASES``).

    python bench/bench_documents.py [--runs 5] [--lines 60] [--only quote]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.dataset import median, ms


@dataclass(frozen=True)
class Case:
    """One document: how to make it, its bare baseline, and the targets."""

    name: str
    make: Callable[[Path], object]
    bare: Callable[[Path], object]
    target: float  # seconds
    max_ratio: float = 3.0
    pages: Callable[[Path], int] | None = None


def timed(case: Case, folder: Path, runs: int) -> tuple[list[float], list[float]]:
    """Seconds of each run of the document and of its baseline, taken in
    turns so that a busy moment of a shared machine hits both alike."""
    made: list[float] = []
    bare: list[float] = []
    for run in range(runs):
        for action, times in ((case.make, made), (case.bare, bare)):
            path = folder / f"run-{run}.pdf"
            started = time.perf_counter()
            action(path)
            times.append(time.perf_counter() - started)
            path.unlink()
    return made, bare


def page_count(path: Path) -> int:
    import re

    return len(re.findall(rb"/Type /Page\b", path.read_bytes()))


# -- the quote -------------------------------------------------------------------------


def quote_case(lines: int) -> Case:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from erpdesk.documents.fonts import register_fonts
    from erpdesk.documents.layout import column_widths
    from erpdesk.documents.quote_pdf import (
        LINE_WEIGHTS,
        percent,
        quantity,
        sample_quote_document,
        write_quote_pdf,
    )
    from erpdesk.domain.branding import DEFAULT_BRANDING
    from erpdesk.domain.money import format_money
    from erpdesk.domain.quote import QuoteStatus

    document = sample_quote_document(
        DEFAULT_BRANDING, language="zh_CN", lines=lines, status=QuoteStatus.DRAFT
    )
    quote, totals = document.quote, document.totals

    def make(path: Path) -> object:
        return write_quote_pdf(path, document)

    def bare(path: Path) -> object:
        font = register_fonts()
        style = ParagraphStyle("p", fontName=font, fontSize=7.5, leading=10, wordWrap="CJK")
        head = ParagraphStyle("h", fontName=font, fontSize=12, leading=16, wordWrap="CJK")
        rows: list[list[object]] = [
            ["序号", "品名/描述", "数量", "单位", "单价", "折扣", "税率", "不含税金额", "税额",
             "价税合计"]
        ]  # fmt: skip
        for i, (line, amounts) in enumerate(zip(quote.lines, totals.lines, strict=True), 1):
            rows.append(
                [str(i), Paragraph(f"{line.description} {line.item}", style),
                 quantity(line.quantity), line.unit, format_money(line.unit_price),
                 percent(line.discount), percent(line.vat_rate), format_money(amounts.net),
                 format_money(amounts.vat), format_money(amounts.total)]
            )  # fmt: skip
        table = Table(rows, colWidths=column_widths(LINE_WEIGHTS), repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), font),
                    ("FONTSIZE", (0, 0), (-1, -1), 7.5),
                    ("GRID", (0, 0), (-1, -1), 0.3, "#c9d1db"),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        texts = [
            document.branding.name_zh, "报价单", document.customer.name,
            document.customer.address, quote.delivery_terms, quote.notes,
            totals.total_in_words,
        ]  # fmt: skip
        story = [Paragraph(text, head) for text in texts[:3]]
        story += [table, *(Paragraph(text, style) for text in texts[3:])]
        doc = SimpleDocTemplate(
            str(path), pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm,
            topMargin=16 * mm, bottomMargin=20 * mm,
        )  # fmt: skip
        doc.build(story)
        return path

    return Case(f"quote, {lines} lines", make, bare, target=0.300, pages=page_count)


CASES: dict[str, Callable[[argparse.Namespace], Case]] = {
    "quote": lambda args: quote_case(args.lines),
}


def measure(case: Case, runs: int) -> bool:
    with tempfile.TemporaryDirectory(prefix="erpdesk-bench-") as tmp:
        folder = Path(tmp)
        warm = folder / "warm.pdf"
        case.make(warm)  # fonts registered, modules imported
        pages = case.pages(warm) if case.pages else 0
        case.bare(folder / "warm-bare.pdf")
        made, bare = timed(case, folder, runs)
    ratio = median(made) / median(bare)
    ok = median(made) < case.target and ratio <= case.max_ratio
    print(f"{case.name} ({pages} pages)")
    print(f"  document   median {ms(median(made)):>10}   min {ms(min(made)):>10}")
    print(f"  bare       median {ms(median(bare)):>10}   min {ms(min(bare)):>10}")
    print(
        f"  ratio {ratio:.2f}x   target < {case.target * 1000:.0f} ms and <= "
        f"{case.max_ratio:.0f}x: {'ok' if ok else 'MISSED'}"
    )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lines", type=int, default=60, help="lines of the quote")
    parser.add_argument("--only", choices=sorted(CASES), action="append")
    args = parser.parse_args()
    results = [measure(CASES[name](args), args.runs) for name in (args.only or CASES)]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
