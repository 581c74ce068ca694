"""Presales use cases (docs/presales.md): a rep asks for support from a
deal or a customer, the team's presales lead accepts and assigns, the
consultant runs the engagement through the eight presales steps with its
demos and surveys, and a survey finding becomes a need of the deal.

Every rule is the domain's (``erpdesk.domain.presales_rules``); this
service loads what a rule needs, applies it with the signed-in user's name,
role and lead flag, and writes the result with its outbox ops in one
transaction, then publishes ``Change("presales", ids)``.  A refusal writes
nothing.  Who the desk acts as comes from its sign-in (the ``meta`` keys
``sync.user``, ``sync.role`` and ``sync.presales_lead``); a desk never
signed in acts as its owner, a rep.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, cast

from erpdesk.domain.customer import utcnow
from erpdesk.domain.errors import Problem, ValidationError
from erpdesk.domain.i18n import QT_TRANSLATE_NOOP
from erpdesk.domain.presales import (
    SUPPORT_REQUEST_FIELDS,
    Engagement,
    Finding,
    PresalesTask,
    RequestKind,
    RequestState,
    ScenarioFeedback,
    SupportRequest,
    TaskKind,
    TaskState,
    TechnicalWin,
)
from erpdesk.services.events import Change, ChangeFeed

if TYPE_CHECKING:
    from erpdesk.domain.calendar import CalendarEvent
    from erpdesk.domain.deal import Worksheet
    from erpdesk.domain.playbook import Playbook
    from erpdesk.domain.presales_rules import StepCheck
    from erpdesk.services.presales_people import PresalesPeople
    from erpdesk.storage.uow import UnitOfWork

PRESALES_ENTITY = "presales"
# The desk's customer visits of a period as calendar events, for a translator.
VisitEvents = Callable[
    [Callable[[str, str], str]], Callable[[datetime, datetime], "list[CalendarEvent]"]
]
REP_ROLE = "rep"
# The meta key a sign-in sets when the registry marks the user a presales lead.
LEAD_KEY = "sync.presales_lead"

_CUSTOMER_DELETED = QT_TRANSLATE_NOOP(
    "Domain", "The customer {name} has been deleted; a support request needs a current customer"
)
_OTHER_CUSTOMER = QT_TRANSLATE_NOOP("Domain", "The deal {deal} belongs to another customer")
_NOT_EDITABLE = QT_TRANSLATE_NOOP(
    "Domain", "Only a draft or submitted support request is edited, by the rep who asked"
)
_FIXED_FIELD = QT_TRANSLATE_NOOP("Domain", "{field} cannot be edited here")
_NO_DEAL = QT_TRANSLATE_NOOP("Domain", "A finding becomes a need of a deal; this work has no deal")
_NOT_SURVEY = QT_TRANSLATE_NOOP("Domain", "Only a survey records answers and findings")
_NOT_DEMO = QT_TRANSLATE_NOOP("Domain", "Only a demo records scenario feedback")
_LINKED_FINDING = QT_TRANSLATE_NOOP(
    "Domain", "The finding {id} is a need of the deal already and stays in the survey"
)
_TASK_CLOSED = QT_TRANSLATE_NOOP("Domain", "The task is {state} and is not changed any more")


@dataclass(frozen=True)
class Actor:
    """Who the desk acts as: a registry user name, role and lead flag."""

    name: str
    role: str = REP_ROLE
    lead: bool = False


@dataclass(frozen=True)
class TaskSaved:
    """A saved task and the planned demos it overlaps (a warning to show)."""

    task: PresalesTask
    overlapping: tuple[PresalesTask, ...] = ()


@dataclass(frozen=True)
class DemoAgenda:
    overdue: tuple[PresalesTask, ...]  # planned demos that have ended
    upcoming: tuple[PresalesTask, ...]  # planned demos starting within the window


@dataclass(frozen=True)
class Workload:
    consultant: str
    open_engagements: int
    planned_tasks: int


@dataclass(frozen=True)
class DealPresales:
    """A deal's presales status: its latest request and that one's engagement."""

    request: SupportRequest
    engagement: Engagement | None

    @property
    def state(self) -> RequestState:
        return self.request.state

    @property
    def step(self) -> int | None:
        return self.engagement.step if self.engagement is not None else None

    @property
    def technical_win(self) -> TechnicalWin | None:
        return self.engagement.technical_win if self.engagement is not None else None


class _Lent:
    """A unit of work already begun, lent to another service for one call:
    its commit is the lender's (one transaction for both)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    def __enter__(self) -> _Lent:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def commit(self) -> None:
        """The lender commits."""

    def __getattr__(self, name: str) -> Any:
        return getattr(self._uow, name)


def _refuse(field: str, code: str, text: str, /, **params: Any) -> ValidationError:
    return ValidationError([Problem(field, code, text, params)])


class PresalesService:
    """Presales for one desk (*user*: its owner, acting as a rep until the
    desk is signed in).  *playbook* and *questionnaires* return the ones in
    force (default: read as the desk reads them); *clock* returns now (UTC)."""

    def __init__(
        self,
        uow: Callable[[], UnitOfWork],
        feed: ChangeFeed,
        *,
        user: str = "",
        playbook: Callable[[], Playbook] | None = None,
        questionnaires: Callable[[], Any] | None = None,
        clock: Callable[[], datetime] = utcnow,
        visits: VisitEvents | None = None,
    ) -> None:
        self._uow = uow
        self.feed = feed
        self.user = user
        self._playbook = playbook
        self._questionnaires = questionnaires
        self._clock = clock
        self._visits = visits  # the customer visits the calendar export adds

    # -- helpers -------------------------------------------------------------

    @property
    def playbook(self) -> Playbook:
        if self._playbook is None:
            from erpdesk.playbooks import read_playbook

            return read_playbook()
        return self._playbook()

    def _modules(self) -> tuple[str, ...]:
        return tuple(m.code for m in self.playbook.modules)

    def _publish(self, *ids: str) -> None:
        self.feed.publish(Change(PRESALES_ENTITY, tuple(i for i in ids if i)))

    def people(self) -> PresalesPeople:
        """The consultants to assign on this desk (the registry's last list
        kept in its meta, and those its requests and engagements name)."""
        from erpdesk.services.presales_people import PresalesPeople

        return PresalesPeople(self._uow, clock=self._clock)

    def actor(self) -> Actor:
        """Who the desk acts as (its sign-in; never signed in: its owner, a rep)."""
        with self._uow() as uow:
            return self._actor(uow)

    def _actor(self, uow: UnitOfWork) -> Actor:
        name = uow.meta_get("sync.user")
        if not name:
            return Actor(self.user)
        role = uow.meta_get("sync.role") or REP_ROLE
        return Actor(name, role, uow.meta_get(LEAD_KEY) in ("1", "true"))

    @staticmethod
    def _live_customer(uow: UnitOfWork, customer_id: str, deal_id: str) -> None:
        customer = uow.customers.get(customer_id)
        if customer.deleted:
            raise _refuse("customer_id", "customer.deleted", _CUSTOMER_DELETED, name=customer.name)
        if deal_id:
            deal = uow.deals.get(deal_id)
            if deal.customer_id != customer_id:
                raise _refuse("deal_id", "deal.other_customer", _OTHER_CUSTOMER, deal=deal.name)

    # -- requests ------------------------------------------------------------

    def ask(
        self,
        customer_id: str,
        kind: RequestKind,
        *,
        deal_id: str = "",
        submit: bool = False,
        **fields: Any,
    ) -> SupportRequest:
        """A new support request of the customer (and its deal), a draft or
        (*submit*) submitted at once; *fields* are ``SUPPORT_REQUEST_FIELDS``."""
        from erpdesk.domain.presales_rules import PresalesRefused, move_request, request_problems

        _check_fields(fields)
        now = self._clock()
        with self._uow() as uow:
            if deal_id and not customer_id:
                customer_id = uow.deals.get(deal_id).customer_id
            me = self._actor(uow)
            request = SupportRequest(
                customer_id=customer_id, kind=kind, requested_by=me.name, deal_id=deal_id,
                created_at=now, updated_at=now, **fields,
            )  # fmt: skip
            problems = request_problems(request, self._modules())
            if problems:
                raise PresalesRefused(problems)
            self._live_customer(uow, customer_id, deal_id)
            if submit:
                request = move_request(
                    request, RequestState.SUBMITTED, actor=me.name, actor_role=me.role,
                    is_lead=me.lead, now=now,
                )  # fmt: skip
            uow.support_requests.add(request)
            uow.commit()
        self._publish(request.id)
        return request

    def edit_request(self, request_id: str, **fields: Any) -> SupportRequest:
        """Edit a draft or submitted request's fields (not its deal), by its rep."""
        from erpdesk.domain.presales_rules import PresalesRefused, request_problems

        _check_fields(fields)
        if "deal_id" in fields:
            raise _refuse("deal_id", "deal_id.fixed", _FIXED_FIELD, field="deal_id")
        with self._uow() as uow:
            before = uow.support_requests.get(request_id)
            me = self._actor(uow)
            if before.state not in (RequestState.DRAFT, RequestState.SUBMITTED) or (
                me.name != before.requested_by
            ):
                raise _refuse("state", "request.not_editable", _NOT_EDITABLE)
            after = replace(before, **fields)
            problems = request_problems(after, self._modules())
            if problems:
                raise PresalesRefused(problems)
            saved = uow.support_requests.update(before, after)
            uow.commit()
        self._publish(request_id)
        return cast(SupportRequest, saved)

    def allowed_moves(self, request_id: str) -> tuple[RequestState, ...]:
        from erpdesk.domain.presales_rules import allowed_moves

        with self._uow() as uow:
            me = self._actor(uow)
            request = uow.support_requests.get(request_id)
        return allowed_moves(request, actor=me.name, actor_role=me.role, is_lead=me.lead)

    def move_request(
        self,
        request_id: str,
        to: RequestState,
        *,
        reason: str = "",
        consultant: str = "",
        consultant_is_presales: bool = True,
        open_engagement: bool = True,
    ) -> SupportRequest:
        """Move the request (``presales_rules.move_request``) as the desk's
        user.  An assignment (the lead's) opens the engagement too, unless
        *open_engagement* is false or it has one (a re-assignment hands it
        to the new consultant).  The registry checks the consultant's role
        on push; *consultant_is_presales* is what the desk knows of it."""
        from erpdesk.domain.presales_rules import move_request

        now = self._clock()
        with self._uow() as uow:
            me = self._actor(uow)
            before = uow.support_requests.get(request_id)
            after = move_request(
                before, to, actor=me.name, actor_role=me.role, is_lead=me.lead, now=now,
                reason=reason, consultant=consultant,
                consultant_is_presales=consultant_is_presales,
            )  # fmt: skip
            saved = uow.support_requests.update(before, after)
            touched = [request_id]
            if to is RequestState.ASSIGNED:
                engagement = uow.engagements.of_request(request_id)
                if engagement is not None and engagement.consultant != saved.consultant:
                    uow.engagements.update(
                        engagement, replace(engagement, consultant=saved.consultant)
                    )
                    touched.append(engagement.id)
                elif engagement is None and open_engagement:
                    touched.append(self._open(uow, saved, me.name, now).id)
            uow.commit()
        self._publish(*touched)
        return cast(SupportRequest, saved)

    @staticmethod
    def _open(uow: UnitOfWork, request: SupportRequest, by: str, now: datetime) -> Engagement:
        from erpdesk.domain.presales_rules import open_engagement

        engagement = open_engagement(request, by=by, now=now)
        uow.engagements.add(engagement)
        return engagement

    def open_engagements(self) -> list[Engagement]:
        """Open the engagement of every request assigned to the desk's user
        that has none yet (after a pull brought the assignment)."""
        now = self._clock()
        with self._uow() as uow:
            me = self._actor(uow)
            opened = [
                self._open(uow, request, me.name, now)
                for request in uow.support_requests.in_states([RequestState.ASSIGNED], me.name)
                if uow.engagements.of_request(request.id) is None
            ]
            uow.commit()
        if opened:
            self._publish(*(e.id for e in opened))
        return opened

    # -- engagements ---------------------------------------------------------

    def _change_engagement(
        self, engagement_id: str, change: Callable[[Engagement, Actor, datetime], Engagement]
    ) -> Engagement:
        now = self._clock()
        with self._uow() as uow:
            me = self._actor(uow)
            before = uow.engagements.get(engagement_id)
            saved = uow.engagements.update(before, change(before, me, now))
            uow.commit()
        self._publish(engagement_id)
        return cast(Engagement, saved)

    def check_step(self, engagement_id: str, to_step: Any) -> StepCheck:
        from erpdesk.domain.presales_rules import check_step_move

        with self._uow() as uow:
            engagement = uow.engagements.get(engagement_id)
        return check_step_move(engagement, to_step, self.playbook)

    def move_step(
        self, engagement_id: str, to_step: Any, *, reason: str = "", confirm_override: bool = False
    ) -> Engagement:
        from erpdesk.domain.presales_rules import move_engagement

        playbook = self.playbook
        return self._change_engagement(
            engagement_id,
            lambda e, me, now: move_engagement(
                e, to_step, playbook, by=me.name, now=now, reason=reason,
                confirm_override=confirm_override,
            ),
        )  # fmt: skip

    def tick(self, engagement_id: str, code: str, done: bool = True) -> Engagement:
        from erpdesk.domain.presales_rules import tick_activity

        playbook = self.playbook
        return self._change_engagement(
            engagement_id, lambda e, _me, now: tick_activity(e, code, done, playbook, now=now)
        )

    def set_technical_win(self, engagement_id: str, win: TechnicalWin) -> Engagement:
        from erpdesk.domain.presales_rules import set_technical_win

        return self._change_engagement(
            engagement_id, lambda e, _me, now: set_technical_win(e, win, now=now)
        )

    def set_notes(self, engagement_id: str, notes: str) -> Engagement:
        """The engagement's notes (an open engagement's)."""
        from erpdesk.domain.presales_rules import set_engagement_notes

        return self._change_engagement(
            engagement_id, lambda e, _me, now: set_engagement_notes(e, notes, now=now)
        )

    def close_engagement(
        self, engagement_id: str, *, reason: str = "", confirm_override: bool = False
    ) -> Engagement:
        from erpdesk.domain.presales_rules import close_engagement

        playbook = self.playbook
        return self._change_engagement(
            engagement_id,
            lambda e, me, now: close_engagement(
                e, playbook, by=me.name, now=now, reason=reason, confirm_override=confirm_override
            ),
        )

    # -- tasks ---------------------------------------------------------------

    def add_task(
        self,
        engagement_id: str,
        kind: TaskKind,
        title: str,
        starts_at: datetime,
        ends_at: datetime,
        **fields: Any,
    ) -> TaskSaved:
        """A new demo or survey of an open engagement (its consultant among
        our attendees), checked (``check_new_task``); the planned demos it
        overlaps come back as a warning."""
        from erpdesk.domain.presales_rules import _refuse_closed, check_new_task

        now = self._clock()
        with self._uow() as uow:
            engagement = uow.engagements.get(engagement_id)
            _refuse_closed(engagement)
            ours = tuple(fields.pop("our_attendees", ()))
            if engagement.consultant and engagement.consultant not in ours:
                ours = (engagement.consultant, *ours)
            task = PresalesTask(
                engagement_id=engagement_id, customer_id=engagement.customer_id,
                deal_id=engagement.deal_id, kind=kind, title=title, starts_at=starts_at,
                ends_at=ends_at, our_attendees=ours, created_at=now, updated_at=now, **fields,
            )  # fmt: skip
            check_new_task(task, now, self._modules())
            uow.presales_tasks.add(task)
            overlapping = self._overlapping(uow, task)
            uow.commit()
        self._publish(task.id)
        return TaskSaved(task, overlapping)

    @staticmethod
    def _overlapping(uow: UnitOfWork, task: PresalesTask) -> tuple[PresalesTask, ...]:
        from erpdesk.domain.presales_rules import overlapping_demos

        if task.kind is not TaskKind.DEMO:
            return ()
        others = uow.presales_tasks.between(
            task.starts_at - timedelta(days=2), task.ends_at, [TaskState.PLANNED]
        )
        return overlapping_demos(task, others)

    def _change_task(
        self, task_id: str, change: Callable[[PresalesTask, datetime], PresalesTask]
    ) -> TaskSaved:
        from erpdesk.domain.presales_rules import check_task

        now = self._clock()
        with self._uow() as uow:
            before = uow.presales_tasks.get(task_id)
            # a done task still takes its feedback, findings and follow-ups
            if before.state is TaskState.CANCELLED:
                raise _refuse(
                    "state", "task.closed", _TASK_CLOSED, state=before.state.label,
                    state_zh=before.state.zh,
                )  # fmt: skip
            after = check_task(change(before, now), self._modules())
            saved = uow.presales_tasks.update(before, replace(after, updated_at=now))
            overlapping = self._overlapping(uow, saved)
            uow.commit()
        self._publish(task_id)
        return TaskSaved(saved, overlapping)

    def edit_task(self, task_id: str, **fields: Any) -> TaskSaved:
        """Edit a task's fields (``PRESALES_TASK_FIELDS``), checked again."""
        from erpdesk.domain.presales import PRESALES_TASK_FIELDS

        unknown = [f for f in fields if f not in PRESALES_TASK_FIELDS or f == "findings"]
        if unknown:
            raise _refuse(unknown[0], f"{unknown[0]}.fixed", _FIXED_FIELD, field=unknown[0])
        return self._change_task(task_id, lambda t, _now: replace(t, **fields))

    def cancel_task(self, task_id: str) -> PresalesTask:
        return self.edit_task(task_id, state=TaskState.CANCELLED).task

    def complete_task(self, task_id: str, outcome: str = "") -> PresalesTask:
        return self.edit_task(task_id, state=TaskState.DONE, outcome=outcome).task

    def record_feedback(
        self, task_id: str, feedback: Mapping[str, ScenarioFeedback], *, outcome: str | None = None
    ) -> PresalesTask:
        """Set a demo's scenario feedback (scores 1-5, on its scenarios)."""

        def change(task: PresalesTask, _now: datetime) -> PresalesTask:
            if task.kind is not TaskKind.DEMO:
                raise _refuse("feedback", "task.not_demo", _NOT_DEMO)
            merged = {**task.feedback, **feedback}
            said = task.outcome if outcome is None else outcome
            return replace(task, feedback=merged, outcome=said)

        return self._change_task(task_id, change).task

    def record_survey(
        self,
        task_id: str,
        *,
        answers: Mapping[str, Mapping[str, Any]] | None = None,
        findings: Iterable[Finding] | None = None,
    ) -> PresalesTask:
        """Set a survey's answers (merged per module, checked by the
        questionnaires' kinds) and its findings (a finding already a need of
        the deal stays as it is)."""
        from erpdesk.domain.presales_rules import PresalesRefused

        problems: list[Problem] = []
        if answers and self._questionnaires is not None:
            from erpdesk.domain.questionnaire import answer_problems

            problems = answer_problems(self._questionnaires(), answers)
        if problems:
            raise PresalesRefused(problems)

        def change(task: PresalesTask, _now: datetime) -> PresalesTask:
            if task.kind is not TaskKind.SURVEY:
                raise _refuse("findings", "task.not_survey", _NOT_SURVEY)
            merged = dict(task.answers)
            for module, given in (answers or {}).items():
                merged[module] = {**merged.get(module, {}), **given}
            new = task.findings
            if findings is not None:
                new = tuple(findings)
                kept = {f.id: f for f in new}
                for old in task.findings:
                    if old.need_id and kept.get(old.id) != old:
                        raise _refuse("findings", "finding.linked", _LINKED_FINDING, id=old.id)
            return replace(task, answers=merged, findings=new)

        return self._change_task(task_id, change).task

    def finding_to_need(self, task_id: str, finding_id: str) -> tuple[PresalesTask, Worksheet]:
        """The survey's finding made a row of the deal's needs worksheet (a
        new sheet when the deal has none), each naming the other, saved
        through the deal service's worksheet save in one transaction."""
        from erpdesk.domain.deal import Worksheet
        from erpdesk.domain.presales_rules import NEEDS_TEMPLATE, finding_to_need
        from erpdesk.services.deals import DealService

        now = self._clock()
        with self._uow() as uow:
            before = uow.presales_tasks.get(task_id)
            if not before.deal_id:
                raise _refuse("deal_id", "finding.no_deal", _NO_DEAL)
            sheets = [
                s for s in uow.worksheets.of(deal_id=before.deal_id) if s.template == NEEDS_TEMPLATE
            ]
            sheet = sheets[-1] if sheets else Worksheet(
                template=NEEDS_TEMPLATE, customer_id=before.customer_id, deal_id=before.deal_id,
                dated=now.astimezone().date(), data={"rows": []}, created_at=now, updated_at=now,
            )  # fmt: skip
            task, sheet = finding_to_need(before, finding_id, sheet, now=now)
            me = self._actor(uow)
            lent = _Lent(uow)
            deals = DealService(
                lambda: cast("UnitOfWork", lent), cast(Any, None), ChangeFeed(), user=me.name,
                playbook=self._playbook, clock=self._clock,
            )  # fmt: skip
            sheet = deals.save_worksheet(sheet)
            saved = uow.presales_tasks.update(before, task)
            uow.commit()
        self._publish(task_id)
        self.feed.publish(Change("deal", (before.deal_id,)))
        return cast(PresalesTask, saved), sheet

    # -- reading -------------------------------------------------------------

    def request(self, request_id: str) -> SupportRequest:
        with self._uow() as uow:
            return uow.support_requests.get(request_id)

    def engagement(self, engagement_id: str) -> Engagement:
        with self._uow() as uow:
            return uow.engagements.get(engagement_id)

    def engagement_of(self, request_id: str) -> Engagement | None:
        with self._uow() as uow:
            return uow.engagements.of_request(request_id)

    def task(self, task_id: str) -> PresalesTask:
        with self._uow() as uow:
            return uow.presales_tasks.get(task_id)

    def tasks_of(self, engagement_id: str) -> list[PresalesTask]:
        with self._uow() as uow:
            return uow.presales_tasks.of_engagement(engagement_id)

    def requests_of_deal(self, deal_id: str) -> list[SupportRequest]:
        with self._uow() as uow:
            return uow.support_requests.of_deal(deal_id)

    def requests(self, states: Iterable[RequestState]) -> list[SupportRequest]:
        """The requests in *states* (the lead's queue: submitted, accepted)."""
        with self._uow() as uow:
            return uow.support_requests.in_states(states)

    def request_names(self, requests: Iterable[SupportRequest]) -> dict[str, tuple[str, str]]:
        """Each request's (customer name, deal name) by its id, in two queries."""
        with self._uow() as uow:
            return uow.support_requests.names(requests)

    def my_engagements(self, open_only: bool | None = True) -> list[Engagement]:
        """The desk user's engagements: open (default), closed (False) or all (None)."""
        with self._uow() as uow:
            me = self._actor(uow)
            return uow.engagements.of_consultant(me.name, open_only=open_only)

    def my_tasks(self, states: Iterable[TaskState] = (TaskState.PLANNED,)) -> list[PresalesTask]:
        """The tasks the desk user attends, in *states*, by time."""
        with self._uow() as uow:
            me = self._actor(uow)
            return [t for t in uow.presales_tasks.in_states(states) if me.name in t.our_attendees]

    def week_tasks(self, day: date, *, mine: bool = True) -> list[PresalesTask]:
        """The tasks (the desk user's, or everyone's) of the week (Monday to
        Sunday, the machine's time zone) holding *day*, cancelled ones left out."""
        monday = day - timedelta(days=day.weekday())
        start = datetime.combine(monday, time()).astimezone()
        end = datetime.combine(monday + timedelta(days=7), time()).astimezone()
        with self._uow() as uow:
            me = self._actor(uow)
            found = uow.presales_tasks.between(start, end, [TaskState.PLANNED, TaskState.DONE])
        return [t for t in found if not mine or me.name in t.our_attendees]

    def demos(self, *, days: int = 7, mine: bool = True) -> DemoAgenda:
        """Planned demos that have ended (overdue: their outcome is due) and
        those starting in the next *days* days."""
        now = self._clock()
        with self._uow() as uow:
            me = self._actor(uow)
            planned = [
                t
                for t in uow.presales_tasks.in_states([TaskState.PLANNED])
                if t.kind is TaskKind.DEMO and (not mine or me.name in t.our_attendees)
            ]
        return DemoAgenda(
            overdue=tuple(t for t in planned if t.ends_at <= now),
            upcoming=tuple(t for t in planned if now <= t.starts_at < now + timedelta(days=days)),
        )

    def workload(self) -> list[Workload]:
        """Per consultant on this desk: open engagements and planned tasks."""
        with self._uow() as uow:
            engagements = uow.engagements.of_consultant(open_only=True)
            tasks = uow.presales_tasks.in_states([TaskState.PLANNED])
        counts: dict[str, list[int]] = {}
        for e in engagements:
            counts.setdefault(e.consultant, [0, 0])[0] += 1
        for t in tasks:
            for name in t.our_attendees:
                counts.setdefault(name, [0, 0])[1] += 1
        return [Workload(name, *counts[name]) for name in sorted(counts)]

    def deal_status(self, deal_id: str) -> DealPresales | None:
        """The deal's latest request, its state, and its engagement's step
        and technical win; None when presales was never asked."""
        with self._uow() as uow:
            requests = uow.support_requests.of_deal(deal_id)
            if not requests:
                return None
            latest = requests[-1]
            return DealPresales(latest, uow.engagements.of_request(latest.id))

    # -- the workbench (rows ready for display, one query each) ---------------

    def now(self) -> datetime:
        """Now (UTC) by the service's clock: what "overdue" is measured against."""
        return self._clock()

    def engagement_lines(self, *, mine: bool = True) -> list[EngagementLine]:
        """The live engagements (the desk user's, or everyone's on the desk),
        newest first, with their customer's and deal's names."""
        with self._uow() as uow:
            me = self._actor(uow)
            rows = uow.engagements.lines(me.name if mine else None)
        return [_engagement_line(r) for r in rows]

    def task_lines(
        self,
        *,
        mine: bool = True,
        states: Iterable[TaskState] | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[TaskLine]:
        """The live tasks (the desk user attends, or everyone's) in *states*
        starting in [*start*, *end*), by time, with their names."""
        with self._uow() as uow:
            me = self._actor(uow)
            return _task_lines(uow, me.name if mine else None, states, start, end)

    def workbench(
        self, *, mine: bool = True, states: Iterable[TaskState] | None = (TaskState.PLANNED,)
    ) -> Workbench:
        """Everything the "My work" tab shows, read in one unit of work: the
        user, the engagements and the tasks in *states* (default: planned,
        what the figures and the demo agenda count; None: all), the user's
        or the desk's."""
        now = self._clock()
        with self._uow() as uow:
            me = self._actor(uow)
            who = me.name if mine else None
            engagements = tuple(_engagement_line(r) for r in uow.engagements.lines(who))
            tasks = tuple(_task_lines(uow, who, states, None, None))
        return Workbench(me, now, engagements, tasks)

    def week_lines(self, day: date, *, mine: bool = True) -> list[TaskLine]:
        """The planned and done tasks of the week (Monday to Sunday, local
        time) holding *day*: the user's, or everyone's."""
        start, end = week_span(day)
        return self.task_lines(
            mine=mine, states=(TaskState.PLANNED, TaskState.DONE), start=start, end=end
        )

    def team_workload(self, day: date | None = None) -> list[ConsultantLoad]:
        """Per consultant on the desk: open engagements, planned tasks of the
        week holding *day* (default: today) and of the next, demos planned
        this week, and the technical wins of their engagements."""
        today = day or self._clock().astimezone().date()
        this_week, _ = week_span(today)
        _, after_next = week_span(today + timedelta(days=7))
        next_week = this_week + timedelta(days=7)
        with self._uow() as uow:
            wins = uow.engagements.win_counts()
            tasks = _task_lines(uow, None, (TaskState.PLANNED,), this_week, after_next)
        loads: dict[str, dict[str, int]] = {}
        for row in wins:
            counts = loads.setdefault(row["consultant"], {})
            _add(counts, f"win_{row['technical_win']}", row["n"])
            if not row["closed"]:
                _add(counts, "open_engagements", row["n"])
        for task in tasks:
            week = "this_week" if task.starts_at < next_week else "next_week"
            for name in task.our_attendees:
                counts = loads.setdefault(name, {})
                _add(counts, week, 1)
                if week == "this_week" and task.kind is TaskKind.DEMO:
                    _add(counts, "demos_this_week", 1)
        return [_load(name, loads[name]) for name in sorted(loads) if name]

    def calendar_events(
        self, start: datetime, end: datetime, translate: Callable[[str, str], str]
    ) -> list[CalendarEvent]:
        """The user's planned and done demos and surveys starting in
        [*start*, *end*) as calendar events, by start."""
        with self._uow() as uow:
            me = self._actor(uow)
            lines = _task_lines(uow, me.name, (TaskState.PLANNED, TaskState.DONE), start, end)
            tasks = [uow.presales_tasks.get(line.id) for line in lines]
        names = {line.id: (line.customer, line.deal) for line in lines}
        return [calendar_event(t, *names[t.id], translate) for t in tasks]

    def write_calendar(
        self,
        target: Any,
        *,
        first: date,
        days: int,
        translate: Callable[[str, str], str],
        language: str,
    ) -> int:
        """Write the user's planned and done demos and surveys starting in
        the *days* days from *first*, and the customer visits logged in
        them (the desk's ``visits`` hook), as an iCalendar file to *target* (a
        path or a binary stream); the number of events.  The command line's
        ``presales ics`` and the window's export both write through here.
        ``CalendarExportError`` when the file cannot be written."""
        from erpdesk.services.ics import write_ics

        start = datetime.combine(first, time()).astimezone()
        end = datetime.combine(first + timedelta(days=days), time()).astimezone()
        events = self.calendar_events(start, end, translate)
        if self._visits is not None:
            events += self._visits(translate)(start, end)
        events.sort(key=lambda e: (e.starts_at or start, e.uid))
        return write_ics(
            events, target, calendar_name=translate("Domain", CALENDAR_NAME).format(
                user=self.actor().name), language=language,
        )  # fmt: skip


# -- the workbench's rows -------------------------------------------------------

CALENDAR_NAME = QT_TRANSLATE_NOOP("Domain", "Presales of {user}")
EVENT_TITLE = QT_TRANSLATE_NOOP("Domain", "{kind}: {title} ({customer}, {deal})")
EVENT_TITLE_NO_DEAL = QT_TRANSLATE_NOOP("Domain", "{kind}: {title} ({customer})")
ONLINE = QT_TRANSLATE_NOOP("Domain", "Online")
CUSTOMER_ATTENDEES = QT_TRANSLATE_NOOP("Domain", "The customer's attendees: {names}")
EVENT_MODULES = QT_TRANSLATE_NOOP("Domain", "Modules: {modules}")
TEAM_ROLES = ("manager",)  # besides the presales lead, who sees the team's work


def sees_team(actor: Actor) -> bool:
    """The presales lead and a manager see everyone's work on the desk."""
    return actor.lead or actor.role in TEAM_ROLES


def week_span(day: date) -> tuple[datetime, datetime]:
    """Monday 0:00 of *day*'s week and the Monday after, local time."""
    monday = day - timedelta(days=day.weekday())
    start = datetime.combine(monday, time()).astimezone()
    return start, datetime.combine(monday + timedelta(days=7), time()).astimezone()


@dataclass(frozen=True)
class EngagementLine:
    """An engagement as the workbench lists it (no checklist or history)."""

    id: str
    request_id: str
    customer_id: str
    customer: str
    deal_id: str
    deal: str
    kind: RequestKind
    step: int
    technical_win: TechnicalWin
    consultant: str
    opened_at: datetime | None
    closed_at: datetime | None
    updated_at: datetime

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class TaskLine:
    """A demo or survey as the workbench and the week list it."""

    id: str
    engagement_id: str
    customer_id: str
    customer: str
    deal_id: str
    deal: str
    kind: TaskKind
    title: str
    starts_at: datetime
    ends_at: datetime
    place: str
    online: bool
    state: TaskState
    our_attendees: tuple[str, ...]

    def overdue(self, now: datetime) -> bool:
        """A planned demo that has ended: its outcome is due."""
        return self.kind is TaskKind.DEMO and self.state is TaskState.PLANNED and (
            self.ends_at <= now
        )


@dataclass(frozen=True)
class Workbench:
    """What "My work" shows: the user, now, the engagements and the tasks
    read (planned ones unless asked for more)."""

    actor: Actor
    now: datetime
    engagements: tuple[EngagementLine, ...]
    tasks: tuple[TaskLine, ...]

    def open_engagements(self) -> int:
        return sum(1 for e in self.engagements if e.is_open)

    def planned_tasks(self) -> int:
        return sum(1 for t in self.tasks if t.state is TaskState.PLANNED)

    def overdue_demos(self) -> list[TaskLine]:
        return [t for t in self.tasks if t.overdue(self.now)]

    def upcoming_demos(self, days: int = 7) -> list[TaskLine]:
        """Planned demos starting from now within *days* days."""
        until = self.now + timedelta(days=days)
        return [
            t for t in self.tasks
            if t.kind is TaskKind.DEMO and t.state is TaskState.PLANNED
            and self.now <= t.starts_at < until
        ]  # fmt: skip


@dataclass(frozen=True)
class ConsultantLoad:
    """One consultant's load: open engagements, planned tasks this week and
    next, demos this week, and the technical wins of all their engagements."""

    consultant: str
    open_engagements: int = 0
    this_week: int = 0
    next_week: int = 0
    demos_this_week: int = 0
    won: int = 0
    lost: int = 0
    undecided: int = 0

    @property
    def load(self) -> int:
        """What the bar shows: planned tasks in the two weeks."""
        return self.this_week + self.next_week


# The members by code: a look-up per row of thousands (``enum_member`` calls
# the enum's constructor).
_REQUEST_KINDS = {m.value: m for m in RequestKind}
_WINS = {m.value: m for m in TechnicalWin}
_TASK_KINDS = {m.value: m for m in TaskKind}
_TASK_STATES = {m.value: m for m in TaskState}


def _add(counts: dict[str, int], key: str, n: int) -> None:
    counts[key] = counts.get(key, 0) + n


def _load(name: str, counts: Mapping[str, int]) -> ConsultantLoad:
    get = counts.get
    return ConsultantLoad(
        name, get("open_engagements", 0), get("this_week", 0), get("next_week", 0),
        get("demos_this_week", 0), get("win_won", 0), get("win_lost", 0), get("win_open", 0),
    )  # fmt: skip


def _stamp(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _engagement_line(row: Any) -> EngagementLine:
    updated = datetime.fromisoformat(row["updated_at"])
    return EngagementLine(
        id=row["id"], request_id=row["request_id"], customer_id=row["customer_id"],
        customer=row["customer"], deal_id=row["deal_id"] or "", deal=row["deal"] or "",
        kind=_REQUEST_KINDS[row["kind"]], step=row["step"],
        technical_win=_WINS[row["technical_win"]], consultant=row["consultant"],
        opened_at=_stamp(row["opened_at"]), closed_at=_stamp(row["closed_at"]),
        updated_at=updated,
    )  # fmt: skip


def _task_lines(
    uow: UnitOfWork,
    attendee: str | None,
    states: Iterable[TaskState] | None,
    start: datetime | None,
    end: datetime | None,
) -> list[TaskLine]:
    import json

    lines = []
    for row in uow.presales_tasks.lines(states, start=start, end=end, attendee=attendee):
        ours = tuple(json.loads(row["our_attendees"]))
        if attendee is not None and attendee not in ours:
            continue
        starts = datetime.fromisoformat(row["starts_at"])
        lines.append(TaskLine(
            id=row["id"], engagement_id=row["engagement_id"], customer_id=row["customer_id"],
            customer=row["customer"], deal_id=row["deal_id"] or "", deal=row["deal"] or "",
            kind=_TASK_KINDS[row["kind"]], title=row["title"], starts_at=starts,
            ends_at=_stamp(row["ends_at"]) or starts, place=row["place"],
            online=bool(row["online"]), state=_TASK_STATES[row["state"]],
            our_attendees=ours,
        ))  # fmt: skip
    return lines


def calendar_event(
    task: PresalesTask, customer: str, deal: str, translate: Callable[[str, str], str]
) -> CalendarEvent:
    """The task as a calendar entry: the kind, title, customer and deal in
    the title, the place (or online) as location, the customer's attendees
    and a demo's modules in the description, the task's id as UID."""
    from erpdesk.domain.calendar import CalendarEvent, EventStatus

    kind = translate("Domain", task.kind.label)
    texts = {"kind": kind, "title": task.title, "customer": customer, "deal": deal}
    title = translate("Domain", EVENT_TITLE if deal else EVENT_TITLE_NO_DEAL).format(**texts)
    place = task.place or (translate("Domain", ONLINE) if task.online else "")
    lines = []
    if task.customer_attendees:
        people = ", ".join(f"{a.name} ({a.title})" if a.title else a.name
                           for a in task.customer_attendees)  # fmt: skip
        lines.append(translate("Domain", CUSTOMER_ATTENDEES).format(names=people))
    if task.modules:
        lines.append(translate("Domain", EVENT_MODULES).format(modules=", ".join(task.modules)))
    return CalendarEvent(
        uid=f"presales-task-{task.id}", title=title, starts_at=task.starts_at,
        ends_at=task.ends_at, location=place, description="\n".join(lines),
        categories=(kind,), attendees=tuple(task.our_attendees), status=EventStatus.CONFIRMED,
    )  # fmt: skip

def _check_fields(fields: Mapping[str, Any]) -> None:
    for name in fields:
        if name not in SUPPORT_REQUEST_FIELDS or name == "deal_id":
            raise _refuse(name, f"{name}.fixed", _FIXED_FIELD, field=name)
