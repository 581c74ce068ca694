"""Change notification from services to whoever shows data (no Qt here)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """Rows of ``entity`` changed; ``ids`` empty means "possibly all"."""

    entity: str
    ids: tuple[str, ...] = ()


Listener = Callable[[Change], None]


class ChangeFeed:
    """Listeners called after a service commits."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def publish(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)
