"""When the workbench's tabs read their data again (``ReloadOnChange``):
when first shown, and after the presales service's changes, coalesced, at
once when the tab is shown, otherwise when it is shown next.  A page of
tabs built at once thus reads only the tab in view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from erpdesk.services.events import Change, ChangeFeed
from erpdesk.services.presales import PRESALES_ENTITY
from erpdesk.ui.widgets import FeedBridge

REFRESH_DELAY_MS = 50  # a burst of changes (a save, a sync) reads once


class ReloadOnChange(QObject):
    """Calls *reload* for *widget* as said above; *reload* calls ``done``."""

    def __init__(self, widget: QWidget, feed: ChangeFeed, reload: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._reload = reload
        self.dirty = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(reload)
        self._bridge = FeedBridge(feed, self)
        self._bridge.changed.connect(self._on_change)
        widget.installEventFilter(self)

    def done(self) -> None:
        """The widget has read its data: nothing is pending."""
        self._timer.stop()
        self.dirty = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self.dirty:
            self._reload()
        return False

    def _on_change(self, change: Change) -> None:
        if change.entity != PRESALES_ENTITY:
            return
        self.dirty = True
        if self._widget.isVisible():
            self._timer.start()
