"""The quote PDF (报价单): what the customer receives.

In the company's branded frame (``letterhead``): the title and the quote's
facts beside the customer's, the price mode, the lines grouped by kind
(software licences, services, maintenance, third-party items) with each
group's subtotal, the totals with the amount in Chinese capital numerals,
the payment milestones, delivery terms and notes, the bank details and a
signature and seal area for both parties.  A draft or a version waiting for
approval carries a watermark ("草稿 DRAFT", "待审批 PENDING APPROVAL"); a
superseded one says so; an approved or sent copy carries none.

Every amount printed is one of ``QuoteTotals`` (``quote_totals``): this
module only lays figures out, it never computes them.  The texts are in the
quote's language (``quote.language``: zh_CN, or English for "en"),
translated in the context ``Documents``; the kinds' names come from the
context ``Domain``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from erpdesk.documents.layout import INK, MUTED, WIDTH, column_widths, day
from erpdesk.documents.letterhead import (
    BrandStyles,
    DocumentInfo,
    OnceParagraph,
    build_branded,
    render_branded,
    styles_for,
    text_cell,
)
from erpdesk.documents.texts import CONTEXT, translator
from erpdesk.domain.branding import Branding
from erpdesk.domain.customer import Contact, Customer
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.money import format_money
from erpdesk.domain.quote import ItemKind, PriceMode, Quote, QuoteStatus, QuoteTotals
from erpdesk.ts_catalogue import Translate

T = {  # the PDF's own labels (English source, context "Documents")
    "title": QT_TRANSLATE_NOOP("Documents", "Quotation"),
    "number_version": QT_TRANSLATE_NOOP("Documents", "{number}, version {version}"),
    "customer": QT_TRANSLATE_NOOP("Documents", "Customer"),
    "address": QT_TRANSLATE_NOOP("Documents", "Address"),
    "contact": QT_TRANSLATE_NOOP("Documents", "Contact"),
    "phone": QT_TRANSLATE_NOOP("Documents", "Phone"),
    "email": QT_TRANSLATE_NOOP("Documents", "E-mail"),
    "number": QT_TRANSLATE_NOOP("Documents", "Quote number"),
    "date": QT_TRANSLATE_NOOP("Documents", "Quote date"),
    "valid_until": QT_TRANSLATE_NOOP("Documents", "Valid until"),
    "project": QT_TRANSLATE_NOOP("Documents", "Project"),
    "prepared_by": QT_TRANSLATE_NOOP("Documents", "Quoted by"),
    "inclusive": QT_TRANSLATE_NOOP("Documents", "Unit prices include VAT."),
    "exclusive": QT_TRANSLATE_NOOP(
        "Documents", "Unit prices exclude VAT; VAT is added at the rates shown."
    ),
    "in_yuan": QT_TRANSLATE_NOOP("Documents", "Amounts in yuan (CNY)."),
    "in_currency": QT_TRANSLATE_NOOP("Documents", "Amounts in {currency}."),
    "col_no": QT_TRANSLATE_NOOP("Documents", "No."),
    "col_item": QT_TRANSLATE_NOOP("Documents", "Item / description"),
    "col_qty": QT_TRANSLATE_NOOP("Documents", "Qty"),
    "col_unit": QT_TRANSLATE_NOOP("Documents", "Unit"),
    "col_price": QT_TRANSLATE_NOOP("Documents", "Unit price"),
    "col_discount": QT_TRANSLATE_NOOP("Documents", "Disc."),
    "col_rate": QT_TRANSLATE_NOOP("Documents", "VAT rate"),
    "col_net": QT_TRANSLATE_NOOP("Documents", "Net amount"),
    "col_vat": QT_TRANSLATE_NOOP("Documents", "VAT"),
    "col_total": QT_TRANSLATE_NOOP("Documents", "Total incl. VAT"),
    "subtotal": QT_TRANSLATE_NOOP("Documents", "Subtotal: {group}"),
    "net_total": QT_TRANSLATE_NOOP("Documents", "Total excl. VAT"),
    "vat_total": QT_TRANSLATE_NOOP("Documents", "VAT total"),
    "grand_total": QT_TRANSLATE_NOOP("Documents", "Total incl. VAT"),
    "in_words": QT_TRANSLATE_NOOP("Documents", "Amount in words"),
    "payment": QT_TRANSLATE_NOOP("Documents", "Payment terms"),
    "milestone": QT_TRANSLATE_NOOP("Documents", "Milestone"),
    "share": QT_TRANSLATE_NOOP("Documents", "Share"),
    "amount": QT_TRANSLATE_NOOP("Documents", "Amount"),
    "due": QT_TRANSLATE_NOOP("Documents", "Due"),
    "delivery": QT_TRANSLATE_NOOP("Documents", "Delivery terms"),
    "notes": QT_TRANSLATE_NOOP("Documents", "Notes"),
    "bank": QT_TRANSLATE_NOOP("Documents", "Bank details"),
    "account_name": QT_TRANSLATE_NOOP("Documents", "Account name"),
    "bank_name": QT_TRANSLATE_NOOP("Documents", "Bank"),
    "account": QT_TRANSLATE_NOOP("Documents", "Account number"),
    "tax_id": QT_TRANSLATE_NOOP("Documents", "Taxpayer ID"),
    "signatures": QT_TRANSLATE_NOOP("Documents", "Signatures"),
    "supplier": QT_TRANSLATE_NOOP("Documents", "Supplier"),
    "customer_confirms": QT_TRANSLATE_NOOP("Documents", "Accepted by the customer"),
    "signature": QT_TRANSLATE_NOOP("Documents", "Authorised signature:"),
    "signed_on": QT_TRANSLATE_NOOP("Documents", "Date:"),
    "seal": QT_TRANSLATE_NOOP("Documents", "(Company seal)"),
    "draft": QT_TRANSLATE_NOOP("Documents", "DRAFT"),
    "pending": QT_TRANSLATE_NOOP("Documents", "PENDING APPROVAL"),
    "superseded": QT_TRANSLATE_NOOP("Documents", "SUPERSEDED"),
}

# The watermark of a version that is not (or no longer) the customer's copy.
WATERMARKS = {
    QuoteStatus.DRAFT: "draft",
    QuoteStatus.PENDING_APPROVAL: "pending",
    QuoteStatus.SUPERSEDED: "superseded",
}

# The lines table: its columns' relative widths (mm) and which are figures.
LINE_WEIGHTS = (8.5, 45.5, 12, 10, 19, 11, 10.5, 21, 18, 22)
FIGURES = range(7, 10)  # net, VAT, total
NUMERIC = range(2, 10)
GRID = "#c9d1db"
KEEP_WITH_GROUP = 400  # characters: a first line shorter than this fits on any page
MUTED_HEX = "#" + MUTED.hexval()[2:]


@dataclass(frozen=True)
class QuoteDocument:
    """Everything the quote PDF shows.  ``totals`` are ``quote_totals(quote)``;
    ``contact`` is the customer's person the quote is addressed to;
    ``author`` the person named as preparing it (and the PDF's author)."""

    quote: Quote
    totals: QuoteTotals
    customer: Customer
    contact: Contact | None
    deal_name: str
    branding: Branding
    author: str


def write_quote_pdf(
    path: Path, document: QuoteDocument, *, translate: Translate | None = None
) -> Path:
    """Write the quote PDF of *document* to *path*, whole or not at all, and
    return *path*.  A folder that is missing or read-only raises
    ``PdfWriteError``; the texts follow ``document.quote.language`` unless
    *translate* is given."""
    writer = _Writer(document, translate)
    return build_branded(
        Path(path),
        writer.story(),
        branding=document.branding,
        info=writer.info(),
        language=writer.language,
        translate=writer.say,
    )


def quote_pdf_bytes(document: QuoteDocument, *, translate: Translate | None = None) -> bytes:
    """The quote PDF of *document* in memory (a preview, a mail attachment)."""
    writer = _Writer(document, translate)
    out = BytesIO()
    render_branded(
        out,
        writer.story(),
        branding=document.branding,
        info=writer.info(),
        language=writer.language,
        translate=writer.say,
    )
    return out.getvalue()


def quote_reference(number: str, version: int, translate: Translate) -> str:
    """The version's reference in the reader's language: "Q-… 第 2 版"."""
    return translate(CONTEXT, T["number_version"]).format(number=number, version=version)


def quantity(value: Decimal) -> str:
    """A quantity as typed, without trailing zeros: 2, 2.5, 1,000."""
    return format(value.normalize(), ",f") if value else "0"


def percent(value: Decimal) -> str:
    return f"{format(value.normalize(), 'f')}%" if value else "0%"


def yuan(amount: Decimal) -> str:
    return f"¥{format_money(amount)}"


class _Writer:
    def __init__(self, document: QuoteDocument, translate: Translate | None) -> None:
        self.doc = document
        self.quote = document.quote
        self.totals = document.totals
        if len(self.totals.lines) != len(self.quote.lines):
            raise ValueError("the totals are not those of the quote's lines")
        self.language = self.quote.language or "zh_CN"
        self.chinese = self.language.lower().startswith("zh")
        self.say = translate or translator(self.language)
        self.s: BrandStyles = styles_for(document.branding)
        self.p = self.s.palette

    def t(self, key: str, **params: object) -> str:
        text = self.say(CONTEXT, T[key])
        return text.format(**params) if params else text

    def domain(self, text: str) -> str:
        return self.say("Domain", text)

    # -- the frame ---------------------------------------------------------------

    def reference(self) -> str:
        return quote_reference(self.quote.number, self.quote.version, self.say)

    def info(self) -> DocumentInfo:
        title = self.t("title")
        company = self.doc.branding.name(self.language)
        customer, deal = self.doc.customer.name, self.doc.deal_name
        return DocumentInfo(
            title=f"{title} {self.quote.number}",
            author=self.doc.author or company,
            subject=f"{title} {self.reference()} · {customer}",
            reference=self.reference(),
            keywords=tuple(k for k in (title, self.quote.number, customer, company, deal) if k),
            watermark=self.watermark(),
        )

    def watermark(self) -> str:
        key = WATERMARKS.get(self.quote.status)
        if key is None:
            return ""
        english = T[key]
        shown = self.t(key)
        # Chinese copies say it in both languages ("草稿 DRAFT").
        return f"{shown} {english}" if self.chinese and shown != english else shown

    # -- the story -----------------------------------------------------------------

    def story(self) -> list[Flowable]:
        return [
            *self.heading(),
            *self.lines(),
            *self.total_block(),
            *self.payment(),
            *self.terms(),
            *self.bank(),
            *self.signatures(),
        ]

    def heading(self) -> list[Flowable]:
        s, q = self.s, self.quote
        out: list[Flowable] = [text_cell(self.t("title"), s.title)]
        if self.chinese:
            out.append(text_cell("QUOTATION", s.title_note))
        else:
            out.append(Spacer(1, 4))
        customer, contact = self.doc.customer, self.doc.contact
        person = ""
        phone = customer.phone
        email = ""
        if contact is not None:
            person = contact.name + (f"（{contact.title}）" if contact.title else "")
            if not self.chinese and contact.title:
                person = f"{contact.name} ({contact.title})"
            phone = contact.mobile or contact.office_phone or customer.phone
            email = contact.email
        address = customer.address or "".join(x for x in (customer.province, customer.city) if x)
        left = [
            (self.t("customer"), customer.name),
            (self.t("address"), address),
            (self.t("contact"), person),
            (self.t("phone"), phone),
            (self.t("email"), email),
        ]
        right = [
            (self.t("number"), self.reference()),
            (self.t("date"), day(q.quote_date)),
            (self.t("valid_until"), day(q.valid_until)),
            (self.t("project"), q.title or self.doc.deal_name),
            (self.t("prepared_by"), self.doc.author),
        ]
        if q.title and self.doc.deal_name and q.title != self.doc.deal_name:
            right[3] = (self.t("project"), f"{self.doc.deal_name} · {q.title}")
        left = [r for r in left if r[1]] or left[:1]
        right = [r for r in right if r[1]]
        rows: list[list[Any]] = []
        for i in range(max(len(left), len(right))):
            a = left[i] if i < len(left) else ("", "")
            b = right[i] if i < len(right) else ("", "")
            rows.append(
                [text_cell(a[0], s.label), text_cell(a[1], s.value), text_cell(b[0], s.label),
                 text_cell(b[1], s.value)]
            )  # fmt: skip
        grid = Table(rows, colWidths=column_widths((17, 74, 19, 68)), hAlign="LEFT")
        grid.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.s.font),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
                ]
            )
        )
        mode = self.t("inclusive" if q.price_mode is PriceMode.INCLUSIVE else "exclusive")
        unit = (
            self.t("in_yuan")
            if q.currency.upper() == "CNY"
            else self.t("in_currency", currency=q.currency)
        )
        out += [grid, Spacer(1, 5 * mm), text_cell(f"{mode} {unit}", s.small), Spacer(1, 1.5 * mm)]
        return out

    def lines(self) -> list[Flowable]:
        s, q, totals = self.s, self.quote, self.totals
        heads = ("col_no", "col_item", "col_qty", "col_unit", "col_price", "col_discount",
                 "col_rate", "col_net", "col_vat", "col_total")  # fmt: skip
        header = [
            text_cell(self.t(key), s.head_centre if i == 0 else s.head if i < 2 else s.head_right)
            for i, key in enumerate(heads)
        ]
        rows: list[list[Any]] = [header]
        commands: list[tuple[Any, ...]] = []
        several = len(totals.groups) > 1
        number = 0
        for kind, subtotal in totals.groups:
            r = len(rows)
            rows.append([self.domain(kind.label), *[""] * 9])
            commands += [
                ("SPAN", (0, r), (-1, r)),
                ("BACKGROUND", (0, r), (-1, r), self.p.light),
                ("TEXTCOLOR", (0, r), (-1, r), self.p.primary),
                ("ALIGN", (0, r), (-1, r), "LEFT"),
            ]
            indices = self._indices(kind)
            if indices and len(q.lines[indices[0]].description) < KEEP_WITH_GROUP:
                # a group's name stays with its first line (unless that line
                # may be taller than a page: it must be free to split)
                commands.append(("NOSPLIT", (0, r), (-1, r + 1)))
            for index in indices:
                number += 1
                rows.append(self._line_row(number, index))
            if several:
                r = len(rows)
                rows.append(
                    [self.t("subtotal", group=self.domain(kind.label)), *[""] * 6,
                     format_money(subtotal.net), format_money(subtotal.vat),
                     format_money(subtotal.total)]
                )  # fmt: skip
                commands += [
                    ("SPAN", (0, r), (6, r)),
                    ("ALIGN", (0, r), (6, r), "RIGHT"),
                    ("TEXTCOLOR", (0, r), (-1, r), self.p.primary),
                    ("LINEABOVE", (0, r), (-1, r), 0.8, self.p.primary),
                ]
        if not q.lines:
            rows.append(["", "", *[""] * 8])
        table = Table(
            rows,
            colWidths=column_widths(LINE_WEIGHTS),
            repeatRows=1,
            splitByRow=1,
            splitInRow=1,
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), s.font),
                    ("FONTSIZE", (0, 0), (-1, -1), 7.5),
                    ("LEADING", (0, 0), (-1, -1), 10),
                    ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (0, 1), (0, -1), "CENTER"),
                    ("ALIGN", (NUMERIC.start, 1), (-1, -1), "RIGHT"),
                    ("ALIGN", (3, 1), (3, -1), "CENTER"),
                    ("GRID", (0, 0), (-1, -1), 0.3, GRID),
                    ("BACKGROUND", (0, 0), (-1, 0), self.p.shade),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.p.primary),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
                    *commands,
                ]
            )
        )
        return [table]

    def _indices(self, kind: ItemKind) -> list[int]:
        return [i for i, line in enumerate(self.quote.lines) if line.group is kind]

    def _line_row(self, number: int, index: int) -> list[Any]:
        line = self.quote.lines[index]
        amounts = self.totals.lines[index]
        description = _escape(line.description)
        if line.item:  # the catalogue code, small and grey, after the text
            description += f' <font size="6.5" color="{MUTED_HEX}">{_escape(line.item)}</font>'
        return [
            str(number),
            OnceParagraph(description, self.s.cell),
            quantity(line.quantity),
            line.unit,
            format_money(line.unit_price),
            percent(line.discount) if line.discount else "",
            percent(line.vat_rate),
            format_money(amounts.net),
            format_money(amounts.vat),
            format_money(amounts.total),
        ]

    def total_block(self) -> list[Flowable]:
        s, totals = self.s, self.totals
        rows: list[list[Any]] = [
            [
                text_cell(self.t("net_total"), s.label),
                text_cell(yuan(totals.net), s.cell_right),
                text_cell(self.t("vat_total"), s.label),
                text_cell(yuan(totals.vat), s.cell_right),
                text_cell(self.t("grand_total"), s.total),
                text_cell(yuan(totals.total), s.total_right),
            ],
            [
                text_cell(self.t("in_words"), s.label),
                text_cell(totals.total_in_words, s.total),
                *[""] * 4,
            ],
        ]
        table = Table(rows, colWidths=column_widths((24, 30, 20, 26, 28, 50)), hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), s.font),
                    ("SPAN", (1, 1), (-1, 1)),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("BOX", (0, 0), (-1, -1), 0.8, self.p.primary),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.3, GRID),
                    ("BACKGROUND", (4, 0), (5, 0), self.p.light),
                    ("BACKGROUND", (0, 1), (-1, 1), self.p.light),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                ]
            )
        )
        return [Spacer(1, 3 * mm), KeepTogether([table])]

    def payment(self) -> list[Flowable]:
        q, s = self.quote, self.s
        if not q.milestones:
            return []
        rows: list[list[Any]] = [
            [text_cell(self.t("col_no"), s.head_centre), text_cell(self.t("milestone"), s.head),
             text_cell(self.t("share"), s.head_right), text_cell(self.t("amount"), s.head_right),
             text_cell(self.t("due"), s.head)]
        ]  # fmt: skip
        for i, (milestone, amount) in enumerate(
            zip(q.milestones, self.totals.milestones, strict=False), start=1
        ):
            rows.append(
                [
                    str(i),
                    text_cell(milestone.name, s.cell),
                    percent(milestone.percent),
                    yuan(amount),
                    text_cell(milestone.due, s.cell),
                ]
            )
        table = Table(
            rows, colWidths=column_widths((8.5, 52, 14, 28, 75.5)), repeatRows=1, hAlign="LEFT"
        )
        table.setStyle(self._list_style())
        return [KeepTogether([text_cell(self.t("payment"), s.h2), table])]

    def _list_style(self) -> TableStyle:
        return TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), self.s.font),
                ("FONTSIZE", (0, 0), (-1, -1), 7.5),
                ("LEADING", (0, 0), (-1, -1), 10),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ALIGN", (2, 1), (3, -1), "RIGHT"),
                ("GRID", (0, 0), (-1, -1), 0.3, GRID),
                ("BACKGROUND", (0, 0), (-1, 0), self.p.shade),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.p.primary),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
                ("TOPPADDING", (0, 0), (-1, -1), 2.2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
            ]
        )

    def terms(self) -> list[Flowable]:
        out: list[Flowable] = []
        for key, text in (("delivery", self.quote.delivery_terms), ("notes", self.quote.notes)):
            if text.strip():
                out += [text_cell(self.t(key), self.s.h2), text_cell(text.strip(), self.s.body)]
        return out

    def bank(self) -> list[Flowable]:
        b, s = self.doc.branding, self.s
        pairs = [
            (self.t("account_name"), b.name(self.language)),
            (self.t("bank_name"), b.bank_name),
            (self.t("account"), _grouped(b.bank_account)),
            (self.t("tax_id"), b.tax_id),
        ]
        if not (b.bank_name or b.bank_account):
            return []
        rows = [
            [text_cell(pairs[i][0], s.label), text_cell(pairs[i][1], s.value),
             text_cell(pairs[i + 1][0], s.label), text_cell(pairs[i + 1][1], s.value)]
            for i in (0, 2)
        ]  # fmt: skip
        table = Table(rows, colWidths=column_widths((25, 65, 25, 63)), hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.s.font),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BOX", (0, 0), (-1, -1), 0.3, GRID),
                    ("BACKGROUND", (0, 0), (-1, -1), self.p.light),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ]
            )
        )
        return [KeepTogether([text_cell(self.t("bank"), s.h2), table])]

    def signatures(self) -> list[Flowable]:
        s, b = self.s, self.doc.branding
        seal = b.seal_label if self.chinese and b.seal_label else self.t("seal")

        def party(role: str, name: str) -> list[Flowable]:
            return [
                text_cell(role, s.label),
                text_cell(name, s.value),
                Spacer(1, 7 * mm),
                text_cell(f"{self.t('signature')} ____________________", s.body),
                Spacer(1, 3 * mm),
                text_cell(f"{self.t('signed_on')} ____________________", s.body),
                Spacer(1, 2 * mm),
                text_cell(seal, s.small),
            ]

        table = Table(
            [[party(self.t("supplier"), b.name(self.language)),
              party(self.t("customer_confirms"), self.doc.customer.name)]],
            colWidths=[WIDTH / 2, WIDTH / 2],
            hAlign="LEFT",
        )  # fmt: skip
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.s.font),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.8, self.p.primary),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 8 * mm),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return [Spacer(1, 6 * mm), KeepTogether([table])]


def _escape(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text).replace("\n", "<br/>")


def _grouped(account: str) -> str:
    """A bank account in groups of four digits, as banks print them."""
    digits = "".join(account.split())
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


# -- a sample, for the branding settings' preview and the benchmark -----------------

_SAMPLE_ITEMS: tuple[tuple[ItemKind, str, str, str, str, str, str, str], ...] = (
    # kind, code, zh description, en description, zh unit, en unit, price, qty
    (
        ItemKind.LICENCE,
        "ERP-FIN",
        "财务管理模块（总账、应收应付、固定资产）用户许可",
        "Finance module (general ledger, receivables and payables, fixed assets) user licence",
        "用户",
        "user",
        "6800.00",
        "10",
    ),
    (
        ItemKind.LICENCE,
        "ERP-SCM",
        "供应链管理模块（采购、销售、库存）并发用户许可",
        "Supply chain module (purchasing, sales, inventory) concurrent user licence",
        "用户",
        "user",
        "5200.00",
        "15",
    ),
    (
        ItemKind.LICENCE,
        "ERP-MFG",
        "生产制造模块：物料需求计划（MRP）、车间管理、质量管理，"
        "含多工厂、多组织架构及批次与序列号追溯功能的站点许可",
        "Manufacturing module: material requirements planning (MRP), shop floor and quality "
        "management, site licence including multi-plant, multi-organisation structures and "
        "batch and serial number traceability",
        "套",
        "site",
        "88000.00",
        "1",
    ),
    (
        ItemKind.SERVICE,
        "SVC-CONS",
        "实施顾问服务：需求调研、蓝图设计与系统配置",
        "Implementation consulting: requirements study, blueprint design and configuration",
        "人天",
        "person-day",
        "2200.00",
        "45",
    ),
    (
        ItemKind.SERVICE,
        "SVC-DATA",
        "期初数据整理与迁移（物料、客户、供应商、期初余额）",
        "Opening data cleansing and migration (items, customers, suppliers, balances)",
        "人天",
        "person-day",
        "1800.00",
        "12.5",
    ),
    (
        ItemKind.MAINTENANCE,
        "MNT-STD",
        "年度软件维护与升级服务（按许可费的 18% 计）",
        "Annual software maintenance and upgrades (18 % of the licence fees)",
        "年",
        "year",
        "33426.00",
        "1",
    ),
    (
        ItemKind.THIRD_PARTY,
        "3P-DB",
        "数据库软件标准版（第三方）",
        "Database server, standard edition (third-party)",
        "套",
        "set",
        "39800.00",
        "1",
    ),
)


def sample_quote_document(
    branding: Branding,
    *,
    language: str = "zh_CN",
    lines: int = 12,
    status: QuoteStatus = QuoteStatus.APPROVED,
) -> QuoteDocument:
    """A plausible quote of *lines* lines for *branding*: what the branding
    settings preview and what the benchmark prints."""
    from datetime import date

    from erpdesk.domain.customer import Contact, Customer
    from erpdesk.domain.quote import Milestone, QuoteLine, quote_totals

    chinese = language.lower().startswith("zh")
    made: list[QuoteLine] = []
    for i in range(lines):
        kind, code, zh, en, unit_zh, unit_en, price, qty = _SAMPLE_ITEMS[i % len(_SAMPLE_ITEMS)]
        round_no = i // len(_SAMPLE_ITEMS)
        suffix = f"（{round_no + 1} 期）" if chinese else f" (phase {round_no + 1})"
        made.append(
            QuoteLine(
                description=(zh if chinese else en) + (suffix if round_no else ""),
                quantity=Decimal(qty),
                unit_price=Decimal(price),
                group=kind,
                item=code,
                unit=unit_zh if chinese else unit_en,
                discount=Decimal("8") if kind is ItemKind.LICENCE and i % 2 else Decimal("0"),
                vat_rate=Decimal("6") if kind is ItemKind.SERVICE else Decimal("13"),
            )
        )
    customer = Customer(
        name="华东精密机械制造有限公司",
        address="江苏省苏州市工业园区星湖街 328 号",
        phone="0512-62880000",
    )
    contact = Contact(
        customer_id=customer.id,
        name="王建国",
        title="信息中心主任" if chinese else "Head of IT",
        mobile="13862012345",
        email="wang.jg@hdjm.example.com",
    )
    milestones = (
        Milestone("合同签订" if chinese else "Contract signed", Decimal("30"),
                  "合同签订后 7 个工作日内" if chinese else "within 7 working days"),
        Milestone("上线验收" if chinese else "Go-live acceptance", Decimal("60"),
                  "系统上线验收后 15 日内" if chinese else "within 15 days of acceptance"),
        Milestone("质保期满" if chinese else "End of warranty", Decimal("10"),
                  "上线满 12 个月后" if chinese else "12 months after go-live"),
    )  # fmt: skip
    quote = Quote(
        number="Q-ZHANG-20261206-001",
        customer_id=customer.id,
        version=2,
        title="ERP 一期项目" if chinese else "ERP phase one",
        status=status,
        quote_date=date(2026, 12, 6),
        valid_until=date(2027, 1, 5),
        lines=tuple(made),
        milestones=milestones,
        delivery_terms=(
            "合同签订后 10 个工作日内交付软件许可；实施周期约 16 周，以双方确认的实施计划为准。"
            if chinese
            else "Licences are delivered within 10 working days of signing; the implementation "
            "takes about 16 weeks, following the plan both parties approve."
        ),
        notes=(
            "1. 本报价含增值税专用发票。2. 差旅费用按实际发生另行结算。"
            if chinese
            else "1. A special VAT invoice is issued. 2. Travel expenses are charged at cost."
        ),
        language=language,
        author="张伟" if chinese else "Zhang Wei",
    )
    return QuoteDocument(
        quote=quote,
        totals=quote_totals(quote),
        customer=customer,
        contact=contact,
        deal_name="华东工厂 ERP 升级" if chinese else "East China plant ERP upgrade",
        branding=branding,
        author=quote.author,
    )
