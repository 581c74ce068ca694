"""A customer's todos (待办) in its panel: the open ones by due time (overdue
in red) and the recently done, with New task (for this customer), Done,
Move to tomorrow 9:00 and Edit; the same rules and dialog as Today."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from erpdesk.domain.errors import DomainError
from erpdesk.ui.today.actions import tomorrow_morning
from erpdesk.ui.widgets import PROBLEM_STYLE, FeedBridge, translate

if TYPE_CHECKING:
    from erpdesk.domain.todo import Todo
    from erpdesk.services.events import Change
    from erpdesk.ui.today import TodayServices

ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE = "#c62828"


class CustomerTodos(QWidget):
    """The todos of the customer shown (``show_customer``).

    Signals: ``count_changed(int)``, the open todos (for the tab's title)."""

    count_changed = Signal(int)

    def __init__(
        self, services: Callable[[], TodayServices], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._make_services = services
        self._services: TodayServices | None = None
        self.customer_id = ""
        self.customer_name = ""
        self.todos: list[Todo] = []
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(3)
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit())
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.new_button = QPushButton()
        self.new_button.clicked.connect(lambda: self.new_task())
        self.done_button = QPushButton()
        self.done_button.clicked.connect(lambda: self.done())
        self.move_button = QPushButton()
        self.move_button.clicked.connect(lambda: self.move_to_tomorrow())
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(lambda: self.edit())
        self.problem = QLabel()
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.done_button, self.move_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.problem)
        self.retranslate_ui()

    @property
    def services(self) -> TodayServices:
        if self._services is None:
            self._services = self._make_services()
            self._bridge = FeedBridge(self._services.todos.feed, self)
            self._bridge.changed.connect(self._on_change)
        return self._services

    def retranslate_ui(self) -> None:
        self.tree.setHeaderLabels([self.tr("Due"), self.tr("Todo"), self.tr("State")])
        self.new_button.setText(self.tr("New task…"))
        self.done_button.setText(self.tr("Done"))
        self.move_button.setText(self.tr("Tomorrow 9:00"))
        self.edit_button.setText(self.tr("Edit…"))
        if self.customer_id:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- showing --------------------------------------------------------------------

    def show_customer(self, customer_id: str, name: str = "") -> None:
        self.customer_id, self.customer_name = customer_id, name
        self.problem.clear()
        self.reload()

    def reload(self) -> None:
        self.todos = self.services.todos.of_customer(self.customer_id) if self.customer_id else []
        now = self.services.todos.now()
        keep = self.current_id()
        self.tree.clear()
        for todo in self.todos:
            due = todo.due_at.astimezone()
            state = self.tr("Done") if todo.done_at else self.tr("Open")
            item = QTreeWidgetItem([due.strftime("%Y-%m-%d %H:%M"), todo.title, state])
            item.setData(0, ID_ROLE, todo.id)
            if todo.done_at is None and todo.due_at <= now:
                item.setForeground(0, QBrush(QColor(OVERDUE)))
            elif todo.done_at is not None:
                for column in range(3):
                    item.setForeground(column, QBrush(QColor("#90a4ae")))
            self.tree.addTopLevelItem(item)
            if todo.id == keep:
                self.tree.setCurrentItem(item)
        self.tree.resizeColumnToContents(0)
        self.count_changed.emit(sum(1 for t in self.todos if t.done_at is None))
        self._enable()

    def _on_change(self, change: Change) -> None:
        if change.entity == "todo" and self.customer_id:
            self.reload()

    def current_id(self) -> str:
        item = self.tree.currentItem()
        return str(item.data(0, ID_ROLE)) if item is not None else ""

    def _current(self) -> Todo | None:
        wanted = self.current_id()
        return next((t for t in self.todos if t.id == wanted), None)

    def _enable(self) -> None:
        todo = self._current()
        is_open = todo is not None and todo.done_at is None
        self.new_button.setEnabled(bool(self.customer_id))
        self.done_button.setEnabled(is_open)
        self.move_button.setEnabled(is_open)
        self.edit_button.setEnabled(todo is not None)

    # -- acting ---------------------------------------------------------------------

    def _act(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except DomainError as exc:
            self.problem.setText(exc.render(translate))
            return False
        self.problem.clear()
        return True

    def done(self) -> bool:
        todo = self._current()
        return todo is not None and self._act(lambda: self.services.todos.done(todo.id))

    def move_to_tomorrow(self) -> bool:
        todo = self._current()
        if todo is None:
            return False
        when = tomorrow_morning(self.services.todos.now())
        return self._act(lambda: self.services.todos.move(todo.id, when))

    def new_task(self) -> QWidget:
        from erpdesk.ui.today.todo_dialog import TodoDialog

        dialog = TodoDialog(
            self.services, parent=self, customer_id=self.customer_id,
            customer_name=self.customer_name,
        )  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit(self) -> QWidget | None:
        todo = self._current()
        if todo is None:
            return None
        from erpdesk.ui.today.todo_dialog import TodoDialog

        dialog = TodoDialog(self.services, todo, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
