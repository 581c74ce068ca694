"""Small pieces the survey editor's tabs share: a problem area that keeps
its room (so a form does not jump when a message appears), the splitting of
a typed list of names, and the marking of a table row the rules refused."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QSizePolicy, QTableWidget, QWidget

from erpdesk.domain.errors import Problem
from erpdesk.ui.widgets import ProblemLabel

# Names typed in one cell: separated by commas (either width), 、 or ;.
_SEPARATORS = re.compile(r"[,，、;；\n]+")
PROBLEM_SHADE = QColor("#fdecea")
_PLAIN = QBrush()


def split_names(text: str) -> tuple[str, ...]:
    """ "陈丽、周敏, 王强" -> ("陈丽", "周敏", "王强"): no empty names."""
    return tuple(part.strip() for part in _SEPARATORS.split(text) if part.strip())


def reserved_problem_label(lines: int = 2, parent: QWidget | None = None) -> ProblemLabel:
    """A problem label whose room is kept while it is empty: *lines* lines
    high, so that the form above or below it never moves."""
    label = ProblemLabel(parent)
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
    label.setSizePolicy(policy)
    label.setFixedHeight(label.fontMetrics().lineSpacing() * lines + 4)
    return label


def mark_rows(table: QTableWidget, rows: Iterable[int]) -> None:
    """Shade the cells of *rows* (0-based) and clear the others' shade."""
    marked = set(rows)
    for row in range(table.rowCount()):
        brush = QBrush(PROBLEM_SHADE) if row in marked else _PLAIN
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is not None:
                item.setBackground(brush)


def row_of(problem: Problem, prefix: str) -> int | None:
    """The 0-based row a problem's field names (``findings.2.module`` -> 1)."""
    parts = problem.field.split(".")
    if len(parts) < 2 or parts[0] != prefix or not parts[1].isdigit():
        return None
    return int(parts[1]) - 1
