"""The window's icons, drawn from small inline SVGs (no files to ship)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon, QPixmap

_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 24 24" '
    'fill="none" stroke="{colour}" stroke-width="1.8" stroke-linecap="round" '
    'stroke-linejoin="round">{body}</svg>'
)

_BODIES = {
    # a calendar page with a tick: today's work
    "today": '<rect x="3" y="5" width="18" height="16" rx="1.5"/>'
    '<path d="M3 10h18M8 3v4M16 3v4"/><path d="M8.5 15l2.5 2.5 4.5-4.5"/>',
    # a person and a building: customers
    "customers": '<circle cx="9" cy="7" r="3.2"/><path d="M3 20c0-3.6 2.7-6 6-6s6 2.4 6 6"/>'
    '<path d="M16 4h5v16h-4"/><path d="M18 8h1M18 11h1M18 14h1"/>',
    # a funnel
    "funnel": '<path d="M3 4h18l-7 8v6l-4 2v-8z"/>',
    # two people linked
    "relationships": '<circle cx="6" cy="8" r="2.6"/><circle cx="18" cy="8" r="2.6"/>'
    '<path d="M2 19c0-2.8 1.8-4.6 4-4.6s4 1.8 4 4.6M14 19c0-2.8 1.8-4.6 4-4.6s4 1.8 4 4.6"/>'
    '<path d="M8.8 8h6.4"/>',
    # a screen with a chart: presales demos
    "presales": '<rect x="3" y="4" width="18" height="12" rx="1.5"/><path d="M8 20h8M12 16v4"/>'
    '<path d="M7 12l3-3 2 2 4-4"/>',
    # a document with the yuan sign: quotes
    "quotes": '<path d="M6 3h9l4 4v14H6z"/><path d="M15 3v4h4"/>'
    '<path d="M10 10l2.5 3 2.5-3M12.5 13v5M10.5 14.5h4M10.5 16.5h4"/>',
    # three people: the team
    "team": '<circle cx="12" cy="7" r="3"/><path d="M6 20c0-3.5 2.7-6 6-6s6 2.5 6 6"/>'
    '<circle cx="4.5" cy="9" r="2"/><circle cx="19.5" cy="9" r="2"/>'
    '<path d="M1.5 17c0-2 1.2-3.4 3-3.6M22.5 17c0-2-1.2-3.4-3-3.6"/>',
    # activity kinds
    "visit": '<path d="M12 21s-7-6.2-7-11.5A7 7 0 0 1 19 9.5C19 14.8 12 21 12 21z"/>'
    '<circle cx="12" cy="9.5" r="2.5"/>',
    "call": '<path d="M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2'
    'A16 16 0 0 1 3 5a2 2 0 0 1 2-2z"/>',
    "email": '<rect x="3" y="5" width="18" height="14" rx="1.5"/><path d="M3 7l9 6 9-6"/>',
    "meeting": '<rect x="3" y="5" width="18" height="16" rx="1.5"/>'
    '<path d="M3 10h18M8 3v4M16 3v4"/>',
    "callback": '<path d="M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2'
    'A16 16 0 0 1 3 5a2 2 0 0 1 2-2z"/><path d="M15 3h6v6M21 3l-6 6"/>',
    "other": '<circle cx="12" cy="12" r="9"/><path d="M8 12h.01M12 12h.01M16 12h.01"/>',
}

KIND_COLOURS = {
    "visit": "#1565c0",
    "call": "#2e7d32",
    "email": "#6a1b9a",
    "meeting": "#ef6c00",
    "callback": "#00838f",
    "other": "#546e7a",
}


def _pixmap(name: str, size: int, colour: str) -> QPixmap:
    svg = _SVG.format(size=size, colour=colour, body=_BODIES[name])
    pixmap = QPixmap()
    pixmap.loadFromData(svg.encode(), "SVG")
    return pixmap


@cache
def icon(name: str, colour: str = "#37474f", sizes: tuple[int, ...] = (24, 48)) -> QIcon:
    """The icon *name* (a key of ``_BODIES``) in *colour*, drawn at *sizes*
    (Qt scales from the nearest; each size costs a rendering at start-up)."""
    result = QIcon()
    for size in sizes:
        result.addPixmap(_pixmap(name, size, colour))
    return result


def kind_icon(kind: str) -> QIcon:
    """The icon of an activity kind (``ActivityKind`` code)."""
    name = kind if kind in _BODIES else "other"
    return icon(name, KIND_COLOURS.get(name, "#546e7a"))
