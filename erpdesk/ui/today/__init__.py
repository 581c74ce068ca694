"""Today (今日工作), the window's first page (docs/today.md): the todos due
and overdue, today's visits and demos, registrations waiting or expiring,
deals closing and quotes awaiting approval (``TodayPage``); the task dialog
(``TodoDialog``); the reminders of due todos (``Reminders``).

``TodayServices`` is what these views use; the window makes one from the
desk (``TodayServices.of_desk``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from erpdesk.app import Desk
    from erpdesk.services.customers import CustomerService
    from erpdesk.services.deals import DealService
    from erpdesk.services.presales import PresalesService
    from erpdesk.services.today import TodayService
    from erpdesk.services.todos import TodoService


@dataclass
class TodayServices:
    """The services the Today views work through (no SQL in the UI).
    *presales* adds the user's demos and surveys to the calendar export
    (None: todos and visits only)."""

    today: TodayService
    todos: TodoService
    customers: CustomerService
    deals: DealService
    presales: PresalesService | None = None

    @classmethod
    def of_desk(cls, desk: Desk) -> TodayServices:
        """The Today services of an opened desk (``Desk.today``: its reader
        for the page, a connection of its own for the page's worker).
        Imports nothing of the write side (SQLAlchemy) until a todo is
        changed."""
        return cls(
            today=desk.today, todos=desk.todos,
            customers=desk.customers, deals=desk.deals, presales=desk.presales,
        )  # fmt: skip
