"""The presales area of the window (``PresalesPage``): the consultant's
workbench as tabs (my work, the week, support requests, the team's
workload, the knowledge base) and the dialogs they open (an engagement, a
demo, a survey, a support request).

``PresalesServices`` is what these views use; the window makes one from
the desk (``Desk.presales``, ``Desk.deals``, ``Desk.customers``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from erpdesk.domain.knowledge import KnowledgeBase
    from erpdesk.domain.questionnaire import Questionnaires
    from erpdesk.services.branding import BrandingService
    from erpdesk.services.customers import CustomerService
    from erpdesk.services.deals import DealService
    from erpdesk.services.presales import PresalesService
    from erpdesk.ui.admin.runner import ApiRunner


@dataclass
class PresalesServices:
    """The services the presales views work through (no SQL in the UI).

    *content* is the desk's own edits of the knowledge base and the
    questionnaires (None: the shipped or company files only); *runner*
    makes the registry calls of a signed-in desk (None: offline)."""

    presales: PresalesService
    deals: DealService | None = None
    customers: CustomerService | None = None
    content: Any = None
    runner: ApiRunner | None = None
    branding: BrandingService | None = None  # the letterhead of the survey report

    def knowledge(self) -> KnowledgeBase:
        """The knowledge base in use: the files with the desk's edits."""
        if self.content is not None:
            return self.content.knowledge()
        from erpdesk.knowledge import read_knowledge

        return read_knowledge()

    def questionnaires(self) -> Questionnaires:
        """The survey questionnaires in use: the file with the desk's edits."""
        if self.content is not None:
            return self.content.questionnaires()
        from erpdesk.questionnaires import read_questionnaires

        return read_questionnaires()
