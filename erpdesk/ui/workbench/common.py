"""The set-up the workbench views share: a list of plain rows shown as a
read-only table (one row selected at a time), and a view that calls the
registry through the page's runner and reports on the page's message line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from erpdesk.sync.workbench_api import WorkbenchApi
from erpdesk.ui.workbench.runner import ApiRunner, MessageBar


def row_table(model: QAbstractItemModel) -> QTableView:
    """A table of *model*: whole rows selected, one at a time, no row
    numbers, columns as wide as their contents (the last takes the rest)."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def html_escape(text: str) -> str:
    """*text* safe inside a rich-text label."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class RegistryView(QWidget):
    """A workbench tab: its calls run on the page's ``ApiRunner``; what
    failed or was refused is shown on the page's ``MessageBar``."""

    def __init__(self, runner: ApiRunner, message: MessageBar,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._message = message

    def _call(self, call: Callable[[WorkbenchApi], Any], done: Callable[[Any], None]) -> None:
        """Run *call* off the UI thread; *done* with its result, or the
        failure on the message line."""
        self._runner.run(call, done, self._message.show_message)

    def _refuse(self, text: str, field: QWidget | None = None) -> None:
        """Say why nothing was sent (*text*, translated) and put the cursor
        in *field*."""
        self._message.show_message("error", text)
        if field is not None:
            field.setFocus()
