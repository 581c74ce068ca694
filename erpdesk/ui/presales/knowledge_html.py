"""A knowledge base entry as the reader shows it (HTML for a QTextBrowser)
and a demo script as plain text for the clipboard.

Every text of an entry is escaped; links inside the reader name another
entry as ``<kind>:<code>`` (a module's demo scripts, an industry's key
modules, a demo's module) so that the reader can follow them.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtCore import QCoreApplication

from erpdesk.domain.knowledge import (
    FIELD_LABELS,
    Competitor,
    DemoScript,
    Industry,
    KnowledgeBase,
    Module,
    UnknownEntry,
)

STYLE = """
h2 { margin-bottom: 0px; }
h3 { color: #37474f; margin-top: 14px; margin-bottom: 4px; }
.sub { color: #78909c; }
.kind { color: #546e7a; }
th { background: #eceff1; text-align: left; }
td, th { padding: 4px; }
"""


def field_label(key: str) -> str:
    """The translated name of an entry's field (``FIELD_LABELS``)."""
    return QCoreApplication.translate("Domain", FIELD_LABELS[key])


def minutes_text(minutes: int) -> str:
    return QCoreApplication.translate("KnowledgeView", "{n} minutes").format(n=minutes)


def _items(texts: Iterable[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    rows = "".join(f"<li>{escape(text)}</li>" for text in texts)
    return f"<{tag}>{rows}</{tag}>" if rows else ""


def _section(key: str, body: str) -> str:
    return f"<h3>{escape(field_label(key))}</h3>{body}" if body else ""


def _link(kind: str, code: str, text: str) -> str:
    return f'<a href="{kind}:{escape(code, quote=True)}">{escape(text)}</a>'


def _head(title: str, subtitle: str) -> str:
    sub = f' <span class="sub">{escape(subtitle)}</span>' if subtitle else ""
    return f"<h2>{escape(title)}{sub}</h2>"


def module_html(module: Module) -> str:
    parts = [_head(module.name, module.name_en)]
    parts.append(_section("architecture", f"<p>{escape(module.architecture)}</p>"))
    for key in ("processes", "functions", "target_customers", "advantages"):
        parts.append(_section(key, _items(getattr(module, key))))
    if module.fab:
        tr = QCoreApplication.translate
        head = "".join(
            f"<th>{escape(text)}</th>"
            for text in (tr("KnowledgeView", "Feature"), tr("KnowledgeView", "Advantage"),
                         tr("KnowledgeView", "Benefit"))
        )
        rows = "".join(
            f"<tr><td>{escape(f.feature)}</td><td>{escape(f.advantage)}</td>"
            f"<td>{escape(f.benefit)}</td></tr>"
            for f in module.fab
        )
        table = (f'<table border="1" cellspacing="0" cellpadding="4" width="100%"'
                 f' style="border-color: #cfd8dc;"><tr>{head}</tr>{rows}</table>')
        parts.append(_section("fab", table))
    if module.demos:
        rows = "".join(
            f"<li>{_link('demo', d.code, d.title)}"
            f' <span class="sub">({escape(minutes_text(d.duration_minutes))})</span></li>'
            for d in module.demos
        )
        parts.append(_section("demos", f"<ul>{rows}</ul>"))
    return "".join(parts)


def demo_html(demo: DemoScript, module: Module | None) -> str:
    tr = QCoreApplication.translate
    parts = [_head(demo.title, "")]
    line = escape(minutes_text(demo.duration_minutes))
    if module is not None:
        label = tr("KnowledgeView", "Module: {name}")
        before, _, after = label.partition("{name}")
        line = (f"{escape(before)}{_link('module', module.code, module.name)}"
                f"{escape(after)} · {line}")
    parts.append(f'<p class="kind">{line}</p>')
    parts.append(_section("steps", _items(demo.steps, ordered=True)))
    parts.append(_section("data_to_prepare", _items(demo.data_to_prepare)))
    return "".join(parts)


def industry_html(industry: Industry, base: KnowledgeBase) -> str:
    parts = [_head(industry.name, industry.name_en)]
    parts.append(_section("needs", _items(industry.needs)))
    parts.append(_section("trends", _items(industry.trends)))
    separator = QCoreApplication.translate("KnowledgeView", ", ")
    for key in ("vendors_domestic", "vendors_foreign"):
        vendors = getattr(industry, key)
        if vendors:
            parts.append(_section(key, f"<p>{escape(separator.join(vendors))}</p>"))
    links = []
    for code in industry.modules:
        try:
            links.append(_link("module", code, base.module(code).name))
        except UnknownEntry:
            links.append(escape(code))
    if links:
        parts.append(_section("modules", f"<p>{escape(separator).join(links)}</p>"))
    return "".join(parts)


def competitor_html(competitor: Competitor) -> str:
    parts = [_head(competitor.name, competitor.name_en)]
    parts.append(_section("overview", f"<p>{escape(competitor.overview)}</p>"))
    for key in ("products", "strengths", "weaknesses", "how_to_compete"):
        parts.append(_section(key, _items(getattr(competitor, key))))
    return "".join(parts)


def entry_html(base: KnowledgeBase, kind: str, code: str) -> str:
    """The reader's HTML of the entry *kind* (module, demo, industry,
    competitor) coded *code* in *base*; ``UnknownEntry`` if there is none."""
    if kind == "module":
        body = module_html(base.module(code))
    elif kind == "demo":
        demo = base.demo(code)
        try:
            module: Module | None = base.module(demo.module)
        except UnknownEntry:
            module = None
        body = demo_html(demo, module)
    elif kind == "industry":
        body = industry_html(base.industry(code), base)
    elif kind == "competitor":
        body = competitor_html(base.competitor(code))
    else:
        raise UnknownEntry(kind=kind, code=code)
    return f"<html><head><style>{STYLE}</style></head><body>{body}</body></html>"


def demo_plain_text(demo: DemoScript, module: Module | None) -> str:
    """A demo script as plain text (for the clipboard): its title and length,
    its module, the steps numbered and the data to prepare."""
    tr = QCoreApplication.translate
    lines = [f"{demo.title} ({minutes_text(demo.duration_minutes)})"]
    if module is not None:
        lines.append(tr("KnowledgeView", "Module: {name}").format(name=module.name))
    lines += ["", field_label("steps")]
    lines += [f"{n}. {step}" for n, step in enumerate(demo.steps, 1)]
    if demo.data_to_prepare:
        lines += ["", field_label("data_to_prepare")]
        lines += [f"- {item}" for item in demo.data_to_prepare]
    return "\n".join(lines) + "\n"
