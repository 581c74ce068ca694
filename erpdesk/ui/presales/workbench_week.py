"""The week calendar's painting (``WeekCanvas``): seven day columns (Monday
to Sunday) under a header of their dates, hour rows on the left, each task
a coloured block (a demo blue, a survey green, a done task muted) with its
title, customer and times; today's column tinted.  Tasks that overlap in a
day share the column side by side.

The header stays put while the hours scroll (a scroll bar on the right, the
mouse wheel); the calendar opens on 8:00 with 8:00-20:00 in view where the
window is tall enough.  A click on a block emits ``task_clicked`` with the
task's id.  Times are local."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QScrollBar, QSizePolicy, QWidget

from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.presales import TaskState
from erpdesk.services.presales import TaskLine
from erpdesk.ui.presales.workbench_models import KIND_COLOURS
from erpdesk.ui.widgets import to_local

DAY_NAMES = (
    QT_TRANSLATE_NOOP("WeekCanvas", "Mon"), QT_TRANSLATE_NOOP("WeekCanvas", "Tue"),
    QT_TRANSLATE_NOOP("WeekCanvas", "Wed"), QT_TRANSLATE_NOOP("WeekCanvas", "Thu"),
    QT_TRANSLATE_NOOP("WeekCanvas", "Fri"), QT_TRANSLATE_NOOP("WeekCanvas", "Sat"),
    QT_TRANSLATE_NOOP("WeekCanvas", "Sun"),
)  # fmt: skip
FIRST_HOUR = 8  # shown at the top when the calendar opens
LAST_HOUR = 20  # 8:00-20:00 wanted in view
TODAY_TINT = "#fff8e1"
GRID = "#e0e0e0"
DONE_ALPHA = 90


def day_label(day: date) -> str:
    """"周一 12/7" / "Mon 12/7"."""
    name = QCoreApplication.translate("WeekCanvas", DAY_NAMES[day.weekday()])
    return f"{name} {day.month}/{day.day}"


def lanes(spans: Sequence[tuple[float, float]]) -> list[tuple[int, int]]:
    """For spans (start, end) sorted by start: each one's lane and the
    number of lanes of its cluster of overlapping spans (greedy)."""
    placed: list[tuple[int, int]] = []
    cluster: list[int] = []  # indexes of the current cluster
    ends: list[float] = []  # per lane, where it is free again
    cluster_end = float("-inf")
    for i, (start, end) in enumerate(spans):
        if start >= cluster_end and cluster:
            _close(placed, cluster, len(ends))
            cluster, ends, cluster_end = [], [], float("-inf")
        lane = next((n for n, free in enumerate(ends) if free <= start), len(ends))
        if lane == len(ends):
            ends.append(end)
        else:
            ends[lane] = end
        placed.append((lane, 0))
        cluster.append(i)
        cluster_end = max(cluster_end, end)
    if cluster:
        _close(placed, cluster, len(ends))
    return placed


def _close(placed: list[tuple[int, int]], cluster: list[int], width: int) -> None:
    for i in cluster:
        placed[i] = (placed[i][0], width)


class WeekCanvas(QWidget):
    """The painted week.  ``set_week`` gives the Monday, the tasks and today."""

    task_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.monday = date.today() - timedelta(days=date.today().weekday())
        self.today = date.today()
        self.lines: list[TaskLine] = []
        self.blocks: list[tuple[QRectF, TaskLine]] = []  # in scrolled coordinates
        self.scrollbar = QScrollBar(Qt.Orientation.Vertical, self)
        self.scrollbar.valueChanged.connect(lambda _v: self.update())
        self._started = False
        self._first_hour = FIRST_HOUR

    # -- geometry ------------------------------------------------------------

    @property
    def hour_height(self) -> int:
        return max(40, int(self.fontMetrics().height() * 2.6))

    @property
    def header_height(self) -> int:
        return self.fontMetrics().height() + 14

    @property
    def gutter(self) -> int:
        return self.fontMetrics().horizontalAdvance("00:00") + 14

    def column_rect(self, day: int) -> QRectF:
        """Day *day*'s (0 Monday) column over the whole 24 hours, unscrolled."""
        width = (self.width() - self.scrollbar.width() - self.gutter) / 7
        return QRectF(self.gutter + day * width, 0, width, 24 * self.hour_height)

    def y_of(self, moment: datetime) -> float:
        """Where a local time falls in its day column, unscrolled."""
        return (moment.hour + moment.minute / 60 + moment.second / 3600) * self.hour_height

    def sizeHint(self) -> QSize:
        return QSize(7 * 140 + self.gutter, self.header_height + 10 * self.hour_height)

    def minimumSizeHint(self) -> QSize:
        return QSize(7 * 70 + self.gutter, self.header_height + 4 * self.hour_height)

    def resizeEvent(self, event: QResizeEvent | None) -> None:
        bar = self.scrollbar.sizeHint().width()
        self.scrollbar.setGeometry(self.width() - bar, self.header_height, bar,
                                   self.height() - self.header_height)  # fmt: skip
        visible = self.height() - self.header_height
        self.scrollbar.setRange(0, max(0, 24 * self.hour_height - visible))
        self.scrollbar.setPageStep(max(1, visible))
        self.scrollbar.setSingleStep(self.hour_height // 2)
        if not self._started and visible > self.hour_height:  # open on 8:00, once sized
            self._started = True
            self.scrollbar.setValue(self._first_hour * self.hour_height)
        self._layout()

    # -- data ----------------------------------------------------------------

    def set_week(self, monday: date, lines: Sequence[TaskLine], today: date) -> None:
        """Show the week of *monday*: at 8:00, or at the hour of its earliest
        task when that starts before."""
        self.monday, self.today = monday, today
        self.lines = [t for t in lines if t.state is not TaskState.CANCELLED]
        hours = [local.hour for t in self.lines if (local := to_local(t.starts_at)) is not None]
        self._first_hour = min([FIRST_HOUR, *hours])
        self._started = False
        self.resizeEvent(None)
        self.update()

    def _layout(self) -> None:
        """The blocks' rectangles: per day, overlapping tasks side by side."""
        days: dict[int, list[tuple[float, float, TaskLine]]] = {}
        for line in self.lines:
            start, end = to_local(line.starts_at), to_local(line.ends_at)
            assert start is not None and end is not None
            day = (start.date() - self.monday).days
            if not 0 <= day < 7:
                continue
            midnight = datetime.combine(start.date() + timedelta(days=1), time(), start.tzinfo)
            top = self.y_of(start)
            bottom = 24 * self.hour_height if end >= midnight else self.y_of(end)
            days.setdefault(day, []).append((top, max(bottom, top + 18), line))
        self.blocks = []
        for day, spans in days.items():
            spans.sort(key=lambda s: (s[0], s[1]))
            column = self.column_rect(day)
            for (top, bottom, line), (lane, width) in zip(
                spans, lanes([(s[0], s[1]) for s in spans]), strict=True
            ):
                share = (column.width() - 4) / width
                rect = QRectF(column.x() + 2 + lane * share, top + 1, share - 2, bottom - top - 2)
                self.blocks.append((rect, line))

    # -- painting ------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        offset = self.scrollbar.value()
        painter.save()
        painter.setClipRect(0, self.header_height, self.width() - self.scrollbar.width(),
                            self.height() - self.header_height)  # fmt: skip
        painter.translate(0, self.header_height - offset)
        self._paint_grid(painter)
        for rect, line in self.blocks:
            self._paint_block(painter, rect, line)
        painter.restore()
        self._paint_header(painter)
        painter.end()

    def _paint_grid(self, painter: QPainter) -> None:
        today = (self.today - self.monday).days
        if 0 <= today < 7:
            painter.fillRect(self.column_rect(today), QColor(TODAY_TINT))
        painter.setPen(QPen(QColor(GRID)))
        right = self.width() - self.scrollbar.width()
        text_pen = QPen(self.palette().placeholderText().color())
        for hour in range(25):
            y = hour * self.hour_height
            painter.setPen(QPen(QColor(GRID)))
            painter.drawLine(QPointF(self.gutter, y), QPointF(right, y))
            if hour < 24:
                painter.setPen(text_pen)
                painter.drawText(QRectF(0, y + 2, self.gutter - 6, self.fontMetrics().height()),
                                 Qt.AlignmentFlag.AlignRight, f"{hour}:00")  # fmt: skip
        painter.setPen(QPen(QColor(GRID)))
        for day in range(8):
            x = self.column_rect(min(day, 6)).x() + (self.column_rect(6).width() if day == 7 else 0)
            painter.drawLine(QPointF(x, 0), QPointF(x, 24 * self.hour_height))

    def _paint_block(self, painter: QPainter, rect: QRectF, line: TaskLine) -> None:
        colour = QColor(KIND_COLOURS[line.kind])
        done = line.state is TaskState.DONE
        fill = QColor(colour)
        fill.setAlpha(DONE_ALPHA if done else 230)
        painter.setPen(QPen(colour.darker(120)))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QColor("#424242") if done else QColor("white"))
        inner = rect.adjusted(4, 2, -3, -2)
        metrics = self.fontMetrics()
        start, end = to_local(line.starts_at), to_local(line.ends_at)
        assert start is not None and end is not None
        texts = [
            (line.title, True),
            (line.customer, False),
            (f"{start:%H:%M}–{end:%H:%M}", False),
        ]
        y = inner.y()
        for text, bold in texts:
            if y + metrics.height() > inner.bottom() + 2:
                break
            font = QFont(self.font())
            font.setBold(bold)
            painter.setFont(font)
            elided = painter.fontMetrics().elidedText(
                text, Qt.TextElideMode.ElideRight, int(inner.width())
            )
            painter.drawText(QRectF(inner.x(), y, inner.width(), metrics.height()),
                             Qt.AlignmentFlag.AlignLeft, elided)  # fmt: skip
            y += metrics.height()
        painter.setFont(self.font())

    def _paint_header(self, painter: QPainter) -> None:
        height = self.header_height
        painter.fillRect(QRectF(0, 0, self.width(), height), self.palette().window())
        for day in range(7):
            shown = self.monday + timedelta(days=day)
            rect = self.column_rect(day)
            box = QRectF(rect.x(), 0, rect.width(), height)
            font = QFont(self.font())
            font.setBold(shown == self.today)
            painter.setFont(font)
            today = shown == self.today
            painter.setPen(QColor("#e65100") if today else self.palette().text().color())
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, day_label(shown))
        painter.setFont(self.font())
        painter.setPen(QPen(QColor(GRID)))
        painter.drawLine(QPointF(0, height - 1), QPointF(self.width(), height - 1))

    # -- mouse -----------------------------------------------------------------

    def block_at(self, x: float, y: float) -> TaskLine | None:
        """The task under a point of the widget (None on the header)."""
        if y < self.header_height:
            return None
        point = QPointF(x, y - self.header_height + self.scrollbar.value())
        for rect, line in reversed(self.blocks):
            if rect.contains(point):
                return line
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        line = self.block_at(event.position().x(), event.position().y())
        if line is not None and event.button() == Qt.MouseButton.LeftButton:
            self.task_clicked.emit(line.id)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        line = self.block_at(event.position().x(), event.position().y())
        self.setCursor(Qt.CursorShape.PointingHandCursor if line else Qt.CursorShape.ArrowCursor)
        self.setToolTip(f"{line.title}\n{line.customer}" if line else "")
        super().mouseMoveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        self.scrollbar.setValue(int(self.scrollbar.value() - steps * self.hour_height))
        event.accept()
