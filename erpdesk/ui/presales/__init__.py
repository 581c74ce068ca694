"""The presales area of the window (``PresalesPage``): the consultant's
workbench as tabs (my work, the week, support requests, the team's
workload, the knowledge base) and the dialogs they open (an engagement, a
demo, a survey, a support request).

``PresalesServices`` is what these views use; the window makes one from
the desk (``Desk.presales``, ``Desk.deals``, ``Desk.customers``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from erpdesk.services.customers import CustomerService
    from erpdesk.services.deals import DealService
    from erpdesk.services.presales import PresalesService


@dataclass
class PresalesServices:
    """The services the presales views work through (no SQL in the UI)."""

    presales: PresalesService
    deals: DealService | None = None
    customers: CustomerService | None = None
