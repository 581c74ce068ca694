"""Reminders of due todos while the window is open (docs/today.md).

Every minute, and soon after a todo changes, ``Reminders`` asks the todo
service which open todos have fallen due since they were last notified
(``due_for_reminder``), notifies once for them (a tray message when the
system has a tray, else the ``notice`` signal for the window's status bar)
and marks them reminded (``mark_reminded``: desk-local, never synced), so
the same todo is not notified twice; a moved todo falls due again.  The
badge counts the open todos due by now (overdue); ``badge_changed`` tells
the window's rail ("今日工作 (3)").

The clock and the notifier can be given (tests; no tray needed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from erpdesk.domain.errors import DomainError
from erpdesk.services.events import Change
from erpdesk.ui.widgets import FeedBridge, translate

if TYPE_CHECKING:
    from erpdesk.domain.todo import Todo
    from erpdesk.services.todos import TodoService

CHECK_MS = 60_000
CHANGE_DELAY_MS = 500
SHOWN_TITLES = 3  # a notice names this many todos, then "and N more"

Notifier = Callable[[str, str], None]


class Reminders(QObject):
    """Notifies of due todos and counts them for the rail's badge.

    Signals:
        badge_changed(int): the number of overdue open todos changed.
        notice(str): a reminder to show in the window when there is no tray.
    """

    badge_changed = Signal(int)
    notice = Signal(str)

    def __init__(
        self,
        todos: TodoService,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
        notifier: Notifier | None = None,
        interval_ms: int = CHECK_MS,
    ) -> None:
        super().__init__(parent)
        self.todos = todos
        self._clock = clock or todos.now
        self._notifier = notifier
        self._tray: QSystemTrayIcon | None = None
        self.badge_count = 0
        self._checking = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(CHANGE_DELAY_MS)
        self._soon.timeout.connect(self.check)
        self._bridge = FeedBridge(todos.feed, self)
        self._bridge.changed.connect(self._on_change)

    def start(self, first_check_ms: int = 2000) -> None:
        """Check every minute from now on, the first time after
        *first_check_ms* (off the window's start-up)."""
        self._timer.start()
        self._soon.start(first_check_ms)

    def stop(self) -> None:
        self._timer.stop()
        self._soon.stop()
        if self._tray is not None:
            self._tray.hide()

    def _on_change(self, change: Change) -> None:
        if change.entity == "todo" and not self._checking:
            self._soon.start()

    def check(self) -> list[Todo]:
        """Notify of the todos newly due, mark them, update the badge; the
        todos notified."""
        if self._checking:
            return []
        self._checking = True
        try:
            now = self._clock()
            due = self.todos.due_for_reminder(now)
            if due:
                self._notify(due)
                self.todos.mark_reminded([t.id for t in due], now)
            self._set_badge(len(self.todos.due(now).overdue))
        except DomainError as exc:  # a locked or damaged file: try again next minute
            self.notice.emit(exc.render(translate))
            return []
        finally:
            self._checking = False
        return due

    def _set_badge(self, count: int) -> None:
        if count != self.badge_count:
            self.badge_count = count
            self.badge_changed.emit(count)

    def _notify(self, due: Sequence[Todo]) -> None:
        title, text = self.message(due)
        if self._notifier is not None:
            self._notifier(title, text)
        elif QSystemTrayIcon.isSystemTrayAvailable():
            tray = self._tray_icon()
            tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10_000)
        else:
            self.notice.emit(f"{title}: {text}")

    def message(self, due: Sequence[Todo]) -> tuple[str, str]:
        """The notification's title and text for *due*."""
        if len(due) == 1:
            todo = due[0]
            when = todo.due_at.astimezone(self._clock().tzinfo).strftime("%H:%M")
            return self.tr("A todo is due"), self.tr("{time} {title}").format(
                time=when, title=todo.title
            )
        names = "\n".join(t.title for t in due[:SHOWN_TITLES])
        if len(due) > SHOWN_TITLES:
            names += "\n" + self.tr("… and {count} more").format(count=len(due) - SHOWN_TITLES)
        return self.tr("{count} todos are due").format(count=len(due)), names

    def _tray_icon(self) -> QSystemTrayIcon:
        if self._tray is None:
            parent = self.parent()
            window_icon = parent.windowIcon() if isinstance(parent, QWidget) else QIcon()
            self._tray = QSystemTrayIcon(window_icon, self)
            self._tray.setToolTip("ERPDesk")
            self._tray.show()
        return self._tray
