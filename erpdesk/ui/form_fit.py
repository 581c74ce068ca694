"""Fitting forms to a laptop's screen: a dialog opens at most the
screen's size (``fit_to_screen``), a long form scrolls (``scrolling``,
``natural_height``), a field's error line keeps its room so the form does
not move when a message appears (``reserved_problem``, ``add_field_row``,
``with_reserved_problem``), fields wide enough for their usual content
(``field_width``, ``SAMPLE_FIELD_TEXT``).  tests/ui/test_laptop_fit.py
checks every window with them at 100, 125 and 150 %."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from erpdesk.ui.widgets import ProblemLabel

# What a field of a small form must show whole: a typical e-mail address.
SAMPLE_FIELD_TEXT = "zhang.wei@langchao-group.com"


def field_width(editor: QWidget) -> int:
    """The least width of a form's field: a typical e-mail address shows
    whole, in the field's font (so also at 125 % and 150 %)."""
    return editor.fontMetrics().horizontalAdvance(SAMPLE_FIELD_TEXT) + 24


def ignore_width(label: QLabel) -> None:
    """A message's length must not widen its column (it wraps instead)."""
    policy = label.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
    label.setSizePolicy(policy)


class ReservedProblemLabel(ProblemLabel):
    """A problem line in a room of fixed height: a message longer than the
    room is drawn shortened by "…" (never half a line); its text and its
    tooltip stay whole."""

    def show_text(self, text: str) -> None:
        super().show_text(text)
        self.setToolTip(text)

    def hasHeightForWidth(self) -> bool:
        """Its room is fixed: a message must not make a scrolling form
        taller (which shows a scroll bar and moves every field)."""
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        room = self.parentWidget()
        shown = _shortened(self.text(), self.fontMetrics(), self.width(), room)
        if shown == self.text():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        painter.drawText(self.contentsRect(), int(flags) | int(Qt.TextFlag.TextWordWrap), shown)


def _shortened(text: str, metrics: QFontMetrics, width: int, room: QWidget | None) -> str:
    """*text*, or as much of it as the lines of *room* hold at *width*."""
    if not text or room is None or width <= 0:
        return text
    flags = int(Qt.TextFlag.TextWordWrap)
    if metrics.boundingRect(0, 0, width, 10_000, flags, text).height() <= room.height():
        return text
    lines = max(1, room.height() // metrics.lineSpacing())
    # a little under *lines* widths (wrapping loses some room); the middle
    # goes, so that a message's end ("… does not exist") stays
    return metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, int(width * lines * 0.85))


def reserved_problem(lines: int) -> tuple[QWidget, ProblemLabel]:
    """A problem label (hidden while empty) in a holder that always keeps
    the room of *lines* lines, so that no field moves when a message
    appears (a form layout gives a hidden field no room, whatever its size
    policy; a holder of fixed height also keeps a long message from
    pushing the fields below)."""
    label = ReservedProblemLabel()
    ignore_width(label)
    holder = QWidget()
    holder.setFixedHeight(label.fontMetrics().lineSpacing() * lines + 2)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
    return holder, label


def add_field_row(form: QFormLayout, label: str, editor: QWidget, lines: int) -> ProblemLabel:
    """A row of *form* for *editor* and, under it, its problem line."""
    form.addRow(label, editor)
    holder, problem = reserved_problem(lines)
    form.addRow("", holder)
    return problem


def with_reserved_problem(editor: QWidget, lines: int = 1) -> tuple[QWidget, ProblemLabel]:
    """*editor* over its problem line, whose room (*lines* lines) is kept
    while it is empty: no field moves when a message appears."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    layout.addWidget(editor)
    holder, label = reserved_problem(lines)
    layout.addWidget(holder)
    return box, label


def scrolling(inner: QWidget) -> QScrollArea:
    """*inner* (a long form) in a frameless area that scrolls up and down
    when the screen is too low for it (a laptop at 150 %), never sideways."""
    area = QScrollArea()
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    bar = area.verticalScrollBar().sizeHint().width()
    area.setMinimumWidth(inner.minimumSizeHint().width() + bar)
    return area


def natural_height(dialog: QWidget, area: QScrollArea) -> int:
    """The height *dialog* needs to show *area*'s form whole without
    scrolling (its text boxes at their least height: they grow with it)."""
    inner = area.widget()
    assert inner is not None  # a scrolling() area always has its form
    return dialog.sizeHint().height() - area.sizeHint().height() + inner.minimumSizeHint().height()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize *window* to *width*×*height*, or less: what the available area
    of its screen leaves (a 1366×768 laptop at 150 % has about 910×485
    logical pixels), never below its minimum size."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    least = window.minimumSize()
    window.resize(
        max(least.width(), min(width, area.width() - 16)),
        max(least.height(), min(height, area.height() - 40)),
    )
