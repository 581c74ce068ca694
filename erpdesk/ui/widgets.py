"""Small shared pieces of the window: translation helpers, local time text,
enum combos, problem labels and the Qt bridge to a service's change feed."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from enum import Enum
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QVBoxLayout, QWidget

from erpdesk.domain.errors import Problem
from erpdesk.services.events import Change, ChangeFeed

PROBLEM_STYLE = "color: #c62828;"
WARNING_STYLE = "color: #a15c00;"
OK_STYLE = "color: #2e7d32;"


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate`` as a plain function (for ``render``)."""
    return QCoreApplication.translate(context, text)


def enum_text(member: Any) -> str:
    """The translated label of a ``LabelledEnum`` member ("" for None)."""
    if member is None:
        return ""
    return QCoreApplication.translate("Domain", member.label)


def enum_text_of(enum_type: type[Enum], value: str | None) -> str:
    """The translated label of *enum_type*'s member coded *value* (or the code)."""
    if not value:
        return ""
    try:
        return enum_text(enum_type(value))
    except ValueError:
        return value


def problem_text(problems: Iterable[Problem]) -> str:
    """The translated messages of *problems*, one a line."""
    return "\n".join(p.render(translate) for p in problems)


def to_local(moment: datetime | str | None) -> datetime | None:
    """*moment* (an aware datetime or stored ISO text, UTC) in local time."""
    if moment is None or moment == "":
        return None
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment)
        except ValueError:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def local_time_text(moment: datetime | str | None) -> str:
    """"2025-03-14 09:30" in local time, "" when there is no time."""
    local = to_local(moment)
    return local.strftime("%Y-%m-%d %H:%M") if local else ""


class FeedBridge(QObject):
    """A service ``ChangeFeed`` as a Qt signal, delivered on the GUI thread.

    Signals:
        changed(Change): a service committed a change.

    The feed holds only a weak reference to the bridge, and the listener
    unsubscribes itself once the bridge is gone, so a closed view is never
    kept alive (or called) by the feed.
    """

    changed = Signal(object)

    def __init__(self, feed: ChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._feed = feed
        ref = weakref.ref(self)

        def listener(change: Change) -> None:
            bridge = ref()
            if bridge is None or not shiboken6.isValid(bridge):
                feed.unsubscribe(listener)
                return
            bridge.changed.emit(change)

        self._listener: Callable[[Change], None] | None = listener
        feed.subscribe(listener)

    def close(self) -> None:
        """Stop listening (also happens by itself once the bridge is deleted)."""
        if self._listener is not None:
            self._feed.unsubscribe(self._listener)
            self._listener = None


class EnumCombo(QComboBox):
    """A combo of a ``LabelledEnum``'s members, optionally with an empty
    first item ("All …" in a filter, "—" in a form).

    The item texts follow the language (``changeEvent``); the data of each
    item is the member's code.
    """

    def __init__(
        self,
        enum_type: type[Enum],
        empty_text: str | None = None,
        parent: QWidget | None = None,
        *,
        empty_context: str = "",
    ) -> None:
        super().__init__(parent)
        self._enum = enum_type
        self._empty_text = empty_text
        self._empty_context = empty_context
        if empty_text is not None:
            self.addItem("", None)
        for member in enum_type:
            self.addItem("", member.value)
        self.retranslate()

    def set_empty_text(self, text: str) -> None:
        """Already translated text of the empty item."""
        self._empty_text = text
        if self.count() and self.itemData(0) is None:
            self.setItemText(0, text)

    def retranslate(self) -> None:
        offset = 0
        if self._empty_text is not None:
            text = self._empty_text
            if self._empty_context:
                text = QCoreApplication.translate(self._empty_context, text)
            self.setItemText(0, text)
            offset = 1
        for i, member in enumerate(self._enum):
            self.setItemText(i + offset, enum_text(member))

    def current_member(self) -> Any:
        value = self.currentData()
        return self._enum(value) if value else None

    def current_code(self) -> str | None:
        return self.currentData() or None

    def set_member(self, member: Any) -> None:
        value = member.value if member is not None else None
        index = self.findData(value)
        self.setCurrentIndex(max(index, 0))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ProblemLabel(QLabel):
    """A red line under a field; hidden when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(PROBLEM_STYLE)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setVisible(False)

    def set_problems(self, problems: Iterable[Problem]) -> None:
        self.show_text(problem_text(problems))

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def separator(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def app_settings() -> QSettings:
    """The user's preferences: an INI file per user ("ERPDesk/ERPDesk.ini").

    INI on every platform, so that tests can point ``QSettings.setPath`` at a
    temporary folder and never touch the real configuration.
    """
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "ERPDesk", "ERPDesk"
    )


def with_problem_label(editor: QWidget) -> tuple[QWidget, ProblemLabel]:
    """*editor* with a (hidden) problem label under it, for a form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(editor)
    label = ProblemLabel(box)
    layout.addWidget(label)
    return box, label


def problems_by_field(problems: Iterable[Problem]) -> dict[str, list[Problem]]:
    out: dict[str, list[Problem]] = {}
    for problem in problems:
        out.setdefault(problem.field, []).append(problem)
    return out


def settle_minimum_size(window: QWidget) -> None:
    """Fix a window's minimum size to its layout's before it is shown.

    Otherwise the layout sets it while the window is shown, which the
    offscreen platform (tests, ``--screenshot``) reports as a warning on
    every window ("does not support propagateSizeHints").
    """
    window.setMinimumSize(window.minimumSizeHint())


def value_label() -> QLabel:
    """A field's value on a detail page: wraps, plain text, selectable."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
