"""What the survey editor reads around its task, once, through the
services: the engagement and its request (the default modules in scope and
the customer's attendees), the customer's and the deal's names, the
playbook's modules, the questionnaires and the branding of the report.
Anything that cannot be read is left empty and said once (``problem``),
so the editor still opens.  Also the rules' check of a survey before it is
written (``rules_problems``)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from erpdesk.domain.branding import DEFAULT_BRANDING, Branding
from erpdesk.domain.errors import DomainError, Problem
from erpdesk.domain.playbook import Names
from erpdesk.domain.questionnaire import Questionnaires
from erpdesk.ui.funnel.worksheet_widgets import name_text
from erpdesk.ui.widgets import translate

if TYPE_CHECKING:
    from erpdesk.domain.presales import Engagement, PresalesTask, SupportRequest
    from erpdesk.ui.presales import PresalesServices


@dataclass
class SurveyContext:
    engagement: Engagement
    request: SupportRequest | None = None
    customer_name: str = ""
    deal_name: str = ""
    modules: dict[str, Names] = field(default_factory=dict)
    questionnaires: Questionnaires = field(default_factory=lambda: Questionnaires(""))
    problem: str = ""

    def module_name(self, code: str) -> str:
        """The module's name in the window's language (its code when unknown)."""
        names = self.modules.get(code)
        return name_text(names) if names is not None else code

    def module_choices(self) -> list[tuple[str, str]]:
        return [(code, self.module_name(code)) for code in self.modules]

    def default_scope(self, task: PresalesTask | None) -> tuple[str, ...]:
        """The modules a survey covers: those it answered or found something
        in; else (a new survey) the request's modules."""
        if task is not None:
            used = {m for m, given in task.answers.items() if any(
                v not in (None, "") for v in given.values())}  # fmt: skip
            used |= {f.module for f in task.findings if f.module}
            if used:
                return tuple(sorted(used))
        return tuple(self.request.modules) if self.request is not None else ()


def read_context(services: PresalesServices, engagement_id: str) -> SurveyContext:
    """The survey's surroundings for the engagement *engagement_id*
    (``DomainError`` only when the engagement itself cannot be read)."""
    presales = services.presales
    context = SurveyContext(presales.engagement(engagement_id))
    said: list[str] = []

    def attempt(read: Any) -> Any:
        try:
            return read()
        except DomainError as exc:
            said.append(exc.render(translate))
            return None

    engagement = context.engagement
    context.request = attempt(lambda: presales.request(engagement.request_id))
    if services.customers is not None:
        customers = services.customers
        detail = attempt(lambda: customers.detail(engagement.customer_id))
        context.customer_name = detail.customer.name if detail is not None else ""
    if services.deals is not None and engagement.deal_id:
        deals = services.deals
        deal = attempt(lambda: deals.get(engagement.deal_id))
        context.deal_name = deal.name if deal is not None else ""
    playbook = attempt(lambda: presales.playbook)
    if playbook is not None:
        context.modules = {choice.code: choice.names for choice in playbook.modules}
    questionnaires = attempt(services.questionnaires)
    if questionnaires is not None:
        context.questionnaires = questionnaires
    context.problem = "\n".join(said)
    return context


def branding_of(services: PresalesServices) -> Branding:
    """The company branding for the report: the window's branding service
    when the services carry one, else the default."""
    service = getattr(services, "branding", None)
    if service is None:
        return DEFAULT_BRANDING
    try:
        return service.get()
    except DomainError:
        return DEFAULT_BRANDING


def rules_problems(
    context: SurveyContext, task: PresalesTask | None, fields: dict[str, Any]
) -> list[Problem]:
    """What the presales rules would refuse in the survey with *fields*
    (the saved *task* changed, or a new survey of the context's
    engagement), so that they show at once with the form's own problems
    and nothing is written while any is left."""
    from erpdesk.domain.presales import PresalesTask, TaskKind
    from erpdesk.domain.presales_rules import PresalesRefused, check_new_task, task_problems

    modules = tuple(context.modules) or None
    if task is None:
        engagement = context.engagement
        new = PresalesTask(
            engagement_id=engagement.id, customer_id=engagement.customer_id,
            deal_id=engagement.deal_id, kind=TaskKind.SURVEY, **fields,
        )  # fmt: skip
        try:
            check_new_task(new, datetime.now(UTC), modules)
        except PresalesRefused as exc:
            return exc.problems
        return []
    merged = dict(task.answers)
    for module, given in fields["answers"].items():
        merged[module] = {**merged.get(module, {}), **given}
    return task_problems(replace(task, **{**fields, "answers": merged}), modules)
