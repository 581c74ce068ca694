"""Demo presales: support requests, engagements, demos and surveys over the
demo deals (docs/presales.md).

About a third of the open deals in stage 3 or later get a support request
from the deal's owner, in a realistic mix of states: a few just submitted
or accepted, most assigned to one of a handful of demo consultants
(``CONSULTANTS``, more in a large demo) and in progress or done, a few
declined with a reason or cancelled.  Every move goes through ``presales_rules.move_request`` and
every step through ``move_engagement`` (all required activities of the steps
passed ticked, now and then an override with its reason), so the records
are what the rules would have written.  An assigned request's engagement is
in step 1 or 2, one in progress in steps 2-7, a done one closed in step 8
with the technical win decided.

Tasks fit the step: a survey before a demo; what lies before ``now`` is
done (a few cancelled), what lies ahead is planned.  A demo's scenarios are
the knowledge base's demo scripts for the deal's modules, done demos carry
the customer's scores; a survey answers the questionnaire's questions of
the deal's modules and, when done, holds findings with their gaps, some of
them made rows of the deal's needs worksheet (linked both ways, as
``presales_rules.finding_to_need`` does).  A consultant is never at two
tasks at once.

Deterministic for a seed (its own random streams, ids included); written
without outbox ops, like the rest of the demo.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING, Any

from erpdesk.domain.customer import Contact, Customer
from erpdesk.domain.deal import Deal, Worksheet
from erpdesk.domain.presales import (
    Attendee,
    DemoScenario,
    Engagement,
    Finding,
    FollowUp,
    GapLevel,
    Interview,
    PresalesTask,
    RequestKind,
    RequestState,
    ScenarioFeedback,
    SupportRequest,
    TaskKind,
    TaskState,
    TechnicalWin,
)
from erpdesk.domain.presales_rules import (
    NEEDS_TEMPLATE,
    ROW_ID,
    close_engagement,
    move_engagement,
    move_request,
    need_row,
    open_engagement,
    set_technical_win,
    tick_activity,
)

if TYPE_CHECKING:
    from erpdesk.domain.knowledge import DemoScript, KnowledgeBase
    from erpdesk.domain.playbook import Playbook
    from erpdesk.domain.questionnaire import Question, Questionnaires
    from erpdesk.services.demo_deals import DealBatch
    from erpdesk.storage.uow import UnitOfWork

CHINA = timezone(timedelta(hours=8))
FROM_STAGE = 3
SHARE = 1 / 3  # of the open deals from FROM_STAGE on
LEAD = "售前-周敏"  # the presales lead who accepts, declines and assigns
CONSULTANTS = ("售前-张伟", "售前-李娜", "售前-王芳", "售前-刘洋", "售前-陈静", "售前-赵磊")
DEALS_PER_CONSULTANT = 200  # open deals; a larger demo gets a larger team
TEAM_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
TEAM_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚华建国志红文斌辉鹏飞宇浩晨雪琳婷"
S = RequestState
STATES = ((S.SUBMITTED, 10), (S.ACCEPTED, 7), (S.ASSIGNED, 13), (S.IN_PROGRESS, 38),
          (S.DONE, 20), (S.DECLINED, 6), (S.CANCELLED, 6))  # fmt: skip
# How long ago (days) a request in a state was created.
AGES = {S.SUBMITTED: (1, 6), S.ACCEPTED: (2, 10), S.ASSIGNED: (4, 20), S.IN_PROGRESS: (20, 100),
        S.DONE: (60, 240), S.DECLINED: (5, 60), S.CANCELLED: (5, 90)}  # fmt: skip
del S
KINDS = ((RequestKind.DEMO, 38), (RequestKind.REQUIREMENTS_SURVEY, 34),
         (RequestKind.SOLUTION_WRITING, 9), (RequestKind.BRIEFING_DEFENCE, 8),
         (RequestKind.TENDER_SUPPORT, 6), (RequestKind.PROOF_OF_CONCEPT, 5))  # fmt: skip
IN_PROGRESS_STEPS = ((2, 15), (3, 25), (4, 18), (5, 20), (6, 14), (7, 8))
SCORES = ((5, 30), (4, 40), (3, 20), (2, 8), (1, 2))
GAPS = ((GapLevel.NONE, 35), (GapLevel.NICE_TO_HAVE, 25), (GapLevel.CHALLENGE, 30),
        (GapLevel.DEAL_BREAKER, 10))  # fmt: skip
GAP_PRIORITY = {
    GapLevel.NONE: ("medium", "low"), GapLevel.NICE_TO_HAVE: ("low", "medium"),
    GapLevel.CHALLENGE: ("medium", "high"), GapLevel.DEAL_BREAKER: ("high",),
}  # fmt: skip
DEMO_BUDGET = 180  # minutes of scenarios in one demo, at most
LOOK_AHEAD = 45  # days a planned task may lie ahead

CARES = (
    "希望看到与同行业类似企业的实际应用，关注上线周期和实施风险",
    "财务总监关注月结效率和合并报表，老板关注经营数据能否实时看到",
    "客户最关心库存准确率和条码化改造的投入",
    "客户IT团队只有两人，关注系统运维难度和云部署",
    "客户正在对比另外两家厂商，希望在演示中看到差异化优势",
    "关注与现有MES和金税系统的集成方式",
)
DECLINE_REASONS = (
    "商机尚未完成立项，需求不明确，请先完成客户需求分析表",
    "申请的时间段内售前资源已排满，请调整期望时间后重新提交",
    "客户规模与产品定位不符，建议由渠道伙伴跟进",
)
OVERRIDE_REASONS = ("客户催促进度，先行推进，相关材料后补", "客户高层临时安排会议，资料后补")
ENVIRONMENTS = ("云启ERP标准演示环境（制造业租户）", "云启ERP演示环境（商贸租户）",
                "客户专属演示租户，已导入客户样例数据")  # fmt: skip
PLACES_ONLINE = ("腾讯会议（线上演示）", "钉钉视频会议")
DEMO_OUTCOMES = (
    "客户对演示整体满意，财务总监要求补充合并报表的细节",
    "演示顺利，客户提出希望看到移动端审批",
    "客户认可业财一体化思路，要求下周提供方案初稿",
    "客户IT经理对系统集成仍有顾虑，需安排技术交流",
)
SURVEY_OUTCOMES = (
    "调研完成，客户确认一期范围，差异点已记录",
    "各部门访谈完成，需求已整理成调研报告待客户确认",
    "调研基本完成，生产部需补充一次访谈",
)
FEEDBACK_COMMENTS = {
    5: ("非常符合我们的需要", "流程很清晰"),
    4: ("基本满足，细节需确认", "希望再看一下报表"),
    3: ("和现在的做法差别较大", "需要二次开发评估"),
    2: ("不符合我们的业务习惯",),
    1: ("不能满足要求",),
}
FOLLOW_UPS = {
    TaskKind.DEMO: ("发送演示录屏和PPT", "补充同行业成功案例", "安排技术交流会"),
    TaskKind.SURVEY: ("整理调研报告并发客户确认", "补充收集各部门单据样本", "确认二期范围"),
}
DEPARTMENTS = {
    "finance": "财务部", "supply_chain": "供应链部", "production": "生产部",
    "sales_distribution": "销售部", "procurement": "采购部", "inventory": "仓储物流部",
    "hr": "人力资源部", "crm": "市场部", "quality": "质量部", "asset": "设备部",
    "bi": "信息中心",
}  # fmt: skip
# Number answers: (low, high) by (module, question code); others 1..20.
NUMBERS = {
    ("finance", "entities"): (1, 6), ("finance", "close_days"): (3, 12),
    ("finance", "fixed_assets"): (200, 5000), ("supply_chain", "lead_time"): (7, 45),
    ("production", "bom_levels"): (3, 8), ("production", "items"): (2000, 30000),
    ("production", "work_centres"): (5, 40),
    ("sales_distribution", "orders_per_month"): (100, 3000),
    ("sales_distribution", "payment_days"): (30, 120), ("procurement", "suppliers"): (50, 800),
    ("procurement", "approval_levels"): (2, 4), ("inventory", "warehouses"): (1, 8),
    ("inventory", "items"): (2000, 30000), ("inventory", "accuracy"): (80, 98),
    ("hr", "headcount"): (100, 3000),
}  # fmt: skip
TEXTS = {
    ("finance", "currencies"): ("无外币业务", "美元（出口约占 20%）", "美元、欧元、日元"),
    ("finance", "reports"): ("按产品线的毛利分析、应收账龄和现金流预测",
                             "各事业部费用预算执行情况和利润表"),
    ("finance", "current_system"): ("用友 U8 V13.0", "金蝶 KIS 专业版",
                                    "浪潮财务软件（已停止维护）"),
    ("supply_chain", "network"): ("总部一个工厂，华东、华南各一个配送中心",
                                  "两个生产基地，全国七个区域仓"),
    ("supply_chain", "kpis"): ("交付及时率、库存周转率", "订单满足率、缺货率和运费占比"),
    ("supply_chain", "pain"): ("计划靠 Excel，插单时各部门信息不同步",
                               "区域仓之间调拨靠电话，库存看不清"),
    ("production", "inspections"): ("首件检验、工序巡检和成品终检", "来料检验和成品出厂检验"),
    ("sales_distribution", "pricing"): ("统一价目表，大客户单独定价，折扣需审批",
                                        "经销商分级价格，季度促销政策"),
    ("sales_distribution", "returns"): ("退货靠纸质单据审批，财务月底才冲账",
                                        "质量退货由客服登记，换货补发"),
    ("sales_distribution", "pain"): ("订单和生产脱节，交期经常延误",
                                     "经销商返利核算靠手工，容易出错"),
    ("procurement", "categories"): ("钢材、电机、标准件和包装材料", "原料、辅料、包材和设备备件"),
    ("procurement", "pain"): ("比价和审批流程不透明", "供应商交期不稳定，催货靠电话"),
    ("inventory", "pain"): ("账实不符，领料靠纸质单据", "呆滞料无人跟踪，占用资金"),
    ("hr", "pay_structure"): ("基本工资加计件工资，另有绩效奖金", "岗位工资、绩效和各类津贴"),
    ("hr", "pain"): ("考勤数据来自三套打卡机，算薪要一周", "人员流动大，入离职手续靠纸质单据"),
}  # fmt: skip
FINDINGS = {
    "finance": ("三家法人公司之间的内部交易需自动抵销并生成合并报表",
                "开票须与金税系统对接，红字发票走审批", "外币应收按月末汇率自动调汇"),
    "supply_chain": ("销售预测按周滚动驱动补货计划", "区域仓之间的调拨需在线审批并在途跟踪",
                     "与第三方物流系统对接运单和签收"),
    "production": ("按设备序列号归集实际成本，含委外和返工", "车间报工由纸质改为扫码报工",
                   "委外加工需要跟踪发料、收货和加工费结算"),
    "sales_distribution": ("经销商返利按季度自动计算并冲抵货款", "客户信用额度超限时订单自动冻结",
                           "分批发货需客户在线签收"),
    "procurement": ("采购申请按金额分级审批", "年度框架协议价格自动带入采购订单",
                    "订单、入库单、发票三单匹配后才能付款"),
    "inventory": ("五个仓库启用库位管理和条码出入库", "呆滞料按库龄自动预警",
                  "批次先进先出，过期批次禁止出库"),
    "hr": ("计件工资按工序报工数据自动计算", "三套考勤机数据统一采集", "入离职流程移动端审批"),
    "crm": ("线索按区域自动分配给销售", "商机阶段与报价审批联动", "客户拜访移动端签到"),
    "quality": ("来料检验不合格自动触发退货", "质量问题按批次追溯到供应商", "8D报告在线流转"),
    "asset": ("设备点检和保养计划自动生成工单", "备品备件与库存共用编码", "资产卡片扫码盘点"),
    "bi": ("管理驾驶舱按日展示经营指标", "按客户、区域、业务员多维钻取毛利", "移动端查看报表"),
}  # fmt: skip


@dataclass
class PresalesBatch:
    requests: list[SupportRequest] = field(default_factory=list)
    engagements: list[Engagement] = field(default_factory=list)
    tasks: list[PresalesTask] = field(default_factory=list)

    def write(self, uow: UnitOfWork) -> None:
        """Insert them without outbox ops (demo data never syncs)."""
        for request in self.requests:
            uow.support_requests.add(request, record_op=False)
        for engagement in self.engagements:
            uow.engagements.add(engagement, record_op=False)
        for task in self.tasks:
            uow.presales_tasks.add(task, record_op=False)


def consultants(count: int) -> tuple[str, ...]:
    """The demo's presales consultants: ``CONSULTANTS``, and more (made-up
    names, the same for a count) up to *count*."""
    names = dict.fromkeys(CONSULTANTS)
    rng = random.Random(f"consultants:{count}")
    while len(names) < count:
        given = "".join(rng.choice(TEAM_GIVEN) for _ in range(rng.choice((1, 2))))
        names[f"售前-{rng.choice(TEAM_SURNAMES)}{given}"] = None
    return tuple(names)


def _weighted(rng: random.Random, pairs: Sequence[tuple[Any, float]]) -> Any:
    return rng.choices([p for p, _ in pairs], [w for _, w in pairs])[0]


def _china(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=CHINA)


class PresalesMaker:
    """Draws demo presales records; one instance per run (its own random
    streams, and the consultants' calendars across the batches)."""

    def __init__(
        self,
        seed: int,
        id_seed: str,
        now: datetime,
        playbook: Playbook,
        knowledge: KnowledgeBase,
        questionnaires: Questionnaires,
        open_deals: int = 0,
    ) -> None:
        self.rng = random.Random(f"presales:{seed}")
        self.consultants = consultants(open_deals // DEALS_PER_CONSULTANT)
        self.id_rng = random.Random(f"presales-ids:{id_seed}")
        self.now = now
        self.today = now.astimezone(CHINA).date()
        self.playbook = playbook
        self.questionnaires = questionnaires
        self.scripts: dict[str, tuple[DemoScript, ...]] = {
            m.code: m.demos for m in knowledge.modules
        }
        self.module_names = {c.code: c.names.zh for c in playbook.modules}
        self.busy: dict[tuple[str, date], list[tuple[datetime, datetime]]] = {}

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.id_rng.getrandbits(128), version=4))

    # -- a batch --------------------------------------------------------------

    def batch(
        self, customers: Sequence[tuple[Customer, Sequence[Contact]]], deals: DealBatch
    ) -> PresalesBatch:
        """The presales records of about a third of *deals*' open deals in
        stage 3 or later.  A finding made a need changes (or adds) the deal's
        needs worksheet in ``deals.worksheets``, so call this before the
        deals are written."""
        out = PresalesBatch()
        by_id = {c.id: (c, cs) for c, cs in customers}
        needs = {
            w.deal_id: i
            for i, w in enumerate(deals.worksheets)
            if w.template == NEEDS_TEMPLATE and w.deal_id and not w.deleted
        }
        for deal in deals.deals:
            if deal.deleted or not deal.is_open or deal.stage < FROM_STAGE:
                continue
            if self.rng.random() >= SHARE:
                continue
            customer, contacts = by_id.get(deal.customer_id, (None, ()))
            self._request(out, deal, customer, contacts, deals.worksheets, needs)
        return out

    # -- one request ------------------------------------------------------------

    def _request(
        self,
        out: PresalesBatch,
        deal: Deal,
        customer: Customer | None,
        contacts: Sequence[Contact],
        sheets: list[Worksheet],
        needs: dict[str, int],
    ) -> None:
        rng = self.rng
        now = self.now
        state: RequestState = _weighted(rng, STATES)
        low, high = AGES[state]
        start = max(now - timedelta(days=rng.uniform(low, high)), deal.created_at)
        if start >= now:
            start = now - timedelta(hours=2)
        span = now - start

        def at(share: float) -> datetime:
            return start + span * share

        wanted = (start + timedelta(days=rng.randrange(3, 11))).astimezone(CHINA).date()
        rep = deal.owner
        request = SupportRequest(
            id=self.uuid(),
            customer_id=deal.customer_id,
            deal_id=deal.id,
            kind=_weighted(rng, KINDS),
            requested_by=rep,
            wanted_from=wanted,
            wanted_until=wanted + timedelta(days=rng.randrange(7, 31)),
            modules=deal.modules,
            attendees=tuple(Attendee(c.name, c.title) for c in contacts[:3]),
            customer_cares=rng.choice(CARES),
            created_at=start,
            updated_at=start,
        )
        move = self._mover(rep)
        request = move(request, RequestState.SUBMITTED, start + timedelta(minutes=5))
        if state is RequestState.CANCELLED:
            if rng.random() < 0.5:
                request = move(request, RequestState.ACCEPTED, at(0.2))
            out.requests.append(move(request, RequestState.CANCELLED, at(0.6)))
            return
        if state is RequestState.DECLINED:
            out.requests.append(move(request, state, at(0.3), reason=rng.choice(DECLINE_REASONS)))
            return
        if state is RequestState.SUBMITTED:
            out.requests.append(request)
            return
        request = move(request, RequestState.ACCEPTED, at(rng.uniform(0.05, 0.1)))
        if state is RequestState.ACCEPTED:
            out.requests.append(request)
            return
        consultant = rng.choice(self.consultants)
        assigned_at = at(rng.uniform(0.1, 0.2))
        request = move(request, RequestState.ASSIGNED, assigned_at, consultant=consultant)
        engagement = open_engagement(request, by=LEAD, now=assigned_at)
        engagement = replace(engagement, id=self.uuid())
        finished = None
        if state is RequestState.ASSIGNED:
            step = rng.choice((1, 1, 2))
        else:
            request = move(request, RequestState.IN_PROGRESS, at(rng.uniform(0.2, 0.3)))
            if state is RequestState.DONE:
                step, finished = len(self.playbook.presales_steps), at(rng.uniform(0.85, 0.95))
            else:
                step = _weighted(rng, IN_PROGRESS_STEPS)
        engagement = self._steps(engagement, step, assigned_at, finished or now)
        if finished is not None:
            engagement = self._close(engagement, finished)
            request = move(request, RequestState.DONE, finished)
        out.requests.append(request)
        out.engagements.append(engagement)
        context = _Context(deal, customer, contacts, request, engagement, assigned_at, finished)
        self._tasks(out, context, step, sheets, needs)

    def _mover(self, rep: str) -> Any:
        def move(
            request: SupportRequest, to: RequestState, when: datetime, **kw: Any
        ) -> SupportRequest:
            who = {
                RequestState.SUBMITTED: rep,
                RequestState.IN_PROGRESS: request.consultant,
                RequestState.DONE: request.consultant,
            }.get(to, LEAD)
            if to is RequestState.CANCELLED and request.state is RequestState.SUBMITTED:
                who = rep
            return move_request(
                request, to, actor=who, actor_role="presales" if who != rep else "sales",
                is_lead=who == LEAD, now=when, consultant_is_presales=True, **kw,
            )  # fmt: skip

        return move

    # -- the engagement ------------------------------------------------------------

    def _steps(
        self, engagement: Engagement, step: int, since: datetime, until: datetime
    ) -> Engagement:
        """*engagement* moved from step 1 to *step* between *since* and
        *until*, the activities of each step passed ticked (now and then one
        left for an override), some of the current step's too."""
        rng = self.rng
        steps = self.playbook.presales_steps
        who = engagement.consultant
        gap = (until - since) / (step + 1)
        when = since
        for number in range(1, step):
            current = steps[number - 1]
            skip = ""
            required = [i.code for i in current.checklist if i.required]
            if required and rng.random() < 0.08:
                skip = rng.choice(required)
            for item in current.checklist:
                if item.code != skip and (item.required or rng.random() < 0.5):
                    engagement = tick_activity(engagement, item.code, True, self.playbook, now=when)
            when += gap
            engagement = move_engagement(
                engagement, number + 1, self.playbook, by=who, now=when,
                reason=rng.choice(OVERRIDE_REASONS) if skip else "", confirm_override=bool(skip),
            )  # fmt: skip
        current = steps[step - 1]
        if step < len(steps):
            ticked = current.checklist[: rng.randrange(len(current.checklist) + 1)]
        else:
            ticked = tuple(i for i in current.checklist if i.required)
        for item in ticked:
            engagement = tick_activity(engagement, item.code, True, self.playbook, now=when)
        return engagement

    def _close(self, engagement: Engagement, when: datetime) -> Engagement:
        win = TechnicalWin.WON if self.rng.random() < 0.7 else TechnicalWin.LOST
        engagement = set_technical_win(engagement, win, now=when)
        return close_engagement(engagement, self.playbook, by=engagement.consultant, now=when)

    # -- tasks -------------------------------------------------------------------------

    def _tasks(
        self,
        out: PresalesBatch,
        ctx: _Context,
        step: int,
        sheets: list[Worksheet],
        needs: dict[str, int],
    ) -> None:
        """A survey (before) and a demo, each done when its step is passed,
        planned when it is ahead, by the request's kind."""
        rng = self.rng
        kind = ctx.request.kind
        done = ctx.finished is not None
        wants_survey = kind is not RequestKind.DEMO
        wants_demo = kind is not RequestKind.REQUIREMENTS_SURVEY
        end = ctx.finished or self.now
        window = (ctx.assigned_at + timedelta(days=1), end - timedelta(hours=12))
        if wants_survey:
            if done or step >= 4 or (step == 3 and rng.random() < 0.4):
                mid = window[0] + (window[1] - window[0]) * 0.3
                task = self._past(TaskKind.SURVEY, ctx, mid, window)
                if task is not None:
                    out.tasks.append(self._link(task, ctx, sheets, needs))
            elif step == 3 or rng.random() < 0.5:
                self._add(out, self._future(TaskKind.SURVEY, ctx))
        if wants_demo:
            if done or step >= 6:
                mid = window[0] + (window[1] - window[0]) * 0.7
                self._add(out, self._past(TaskKind.DEMO, ctx, mid, window))
            elif step == 5 or (not wants_survey and rng.random() < 0.6):
                self._add(out, self._future(TaskKind.DEMO, ctx))

    @staticmethod
    def _add(out: PresalesBatch, task: PresalesTask | None) -> None:
        if task is not None:
            out.tasks.append(task)

    def _free(self, who: str, starts: datetime, ends: datetime) -> bool:
        day, last = starts.date(), ends.date()
        while day <= last:
            for s, e in self.busy.get((who, day), ()):
                if s < ends and starts < e:
                    return False
            day += timedelta(days=1)
        return True

    def _book(self, who: str, starts: datetime, ends: datetime) -> None:
        day = starts.date()
        while day <= ends.date():
            self.busy.setdefault((who, day), []).append((starts, ends))
            day += timedelta(days=1)

    def _slots(
        self, kind: TaskKind, day: date, minutes: int, days: int
    ) -> Iterator[tuple[datetime, datetime]]:
        """The times a task of *kind* could take on *day* (China time)."""
        if day.weekday() + days > 5:  # weekdays only
            return
        if kind is TaskKind.SURVEY:
            starts = _china(day, time(9, 0))
            yield starts, _china(day + timedelta(days=days - 1), time(17, 30))
            return
        for at in (time(9, 30), time(14, 0)):
            starts = _china(day, at)
            yield starts, starts + timedelta(minutes=minutes)

    def _place(
        self, kind: TaskKind, who: str, days: Iterator[date], minutes: int, span: int,
        low: datetime, high: datetime,
    ) -> tuple[datetime, datetime] | None:  # fmt: skip
        for day in days:
            for starts, ends in self._slots(kind, day, minutes, span):
                if low <= starts and ends <= high and self._free(who, starts, ends):
                    self._book(who, starts, ends)
                    return starts, ends
        return None

    def _past(
        self, kind: TaskKind, ctx: _Context, target: datetime, window: tuple[datetime, datetime]
    ) -> PresalesTask | None:
        """A task held around *target*, inside *window* (the past)."""
        low, high = window
        if high <= low:
            return None
        first, last = low.astimezone(CHINA).date(), high.astimezone(CHINA).date()
        aim = min(max(target.astimezone(CHINA).date(), first), last)
        back = (aim - timedelta(days=n) for n in range((aim - first).days + 1))
        after = (aim + timedelta(days=n + 1) for n in range((last - aim).days))
        days = iter([*back, *after])
        return self._task(kind, ctx, days, low, high, done=True)

    def _future(self, kind: TaskKind, ctx: _Context) -> PresalesTask | None:
        first = self.today + timedelta(days=self.rng.randrange(1, 8))
        days = (first + timedelta(days=n) for n in range(LOOK_AHEAD))
        return self._task(kind, ctx, days, self.now, self.now + timedelta(days=LOOK_AHEAD + 10))

    def _task(
        self, kind: TaskKind, ctx: _Context, days: Iterator[date], low: datetime,
        high: datetime, *, done: bool = False,
    ) -> PresalesTask | None:  # fmt: skip
        rng = self.rng
        who = ctx.engagement.consultant
        scenarios: tuple[DemoScenario, ...] = ()
        minutes, span = 0, 1
        if kind is TaskKind.DEMO:
            scenarios, minutes = self._scenarios(ctx.deal.modules)
            if not scenarios:
                return None
        else:
            span = rng.choice((1, 1, 2, 3))
        found = self._place(kind, who, days, minutes, span, low, high)
        if found is None:
            return None
        starts, ends = found
        state = TaskState.PLANNED
        if done:
            state = TaskState.CANCELLED if rng.random() < 0.05 else TaskState.DONE
        online = kind is TaskKind.DEMO and rng.random() < 0.3
        address = ctx.customer.address if ctx.customer is not None else ""
        place = (
            rng.choice(PLACES_ONLINE) if online else f"{address} 会议室" if address else "客户现场"
        )
        shown = dict.fromkeys(s.module for s in scenarios) if scenarios else ctx.deal.modules
        names = "、".join(self.module_names.get(m, m) for m in shown)
        made = starts - timedelta(days=rng.randrange(2, 10))
        made = min(max(made, ctx.assigned_at), self.now)
        task = PresalesTask(
            id=self.uuid(),
            engagement_id=ctx.engagement.id,
            customer_id=ctx.deal.customer_id,
            deal_id=ctx.deal.id,
            kind=kind,
            title=f"{'DEMO演示' if kind is TaskKind.DEMO else '需求调研'}：{names}",
            starts_at=starts,
            ends_at=ends,
            place=place,
            online=online,
            our_attendees=(who,) if kind is TaskKind.DEMO else (who, ctx.deal.owner),
            customer_attendees=ctx.request.attendees,
            state=state,
            created_at=made,
            updated_at=made,
        )
        if kind is TaskKind.DEMO:
            task = self._demo(task, scenarios)
        else:
            task = self._survey(task, ctx, starts.date(), span)
        if state is TaskState.DONE:
            task = self._done(task, ends, ctx.deal.modules)
        return task

    def _scenarios(self, modules: Sequence[str]) -> tuple[tuple[DemoScenario, ...], int]:
        """Scenarios from the demo scripts of *modules*, within the budget;
        the demo's length in minutes (with an opening and questions)."""
        scripts = [(m, s) for m in modules for s in self.scripts.get(m, ())]
        self.rng.shuffle(scripts)
        chosen: list[DemoScenario] = []
        total = 0
        for module, script in scripts:
            if chosen and (total + script.duration_minutes > DEMO_BUDGET or len(chosen) >= 4):
                continue
            total += script.duration_minutes
            chosen.append(DemoScenario(f"S{len(chosen) + 1}", script.title, module, script.code))
        minutes = -(-(total + 30) // 15) * 15
        return tuple(chosen), minutes

    def _demo(self, task: PresalesTask, scenarios: tuple[DemoScenario, ...]) -> PresalesTask:
        prepare = [
            item
            for s in scenarios
            for m in (s.module,)
            for script in self.scripts.get(m, ())
            if script.code == s.script
            for item in script.data_to_prepare
        ]
        modules = tuple(dict.fromkeys(s.module for s in scenarios))
        return replace(
            task,
            modules=modules,
            scenarios=scenarios,
            environment=self.rng.choice(ENVIRONMENTS),
            data_prep="；".join(prepare),
        )

    def _survey(self, task: PresalesTask, ctx: _Context, first: date, span: int) -> PresalesTask:
        rng = self.rng
        modules = ctx.deal.modules
        departments = tuple(dict.fromkeys(DEPARTMENTS.get(m, "信息中心") for m in modules))
        people = [c.name for c in ctx.contacts] or ["王建国"]
        interviews = tuple(
            Interview(
                dept,
                tuple(rng.sample(people, min(len(people), rng.randrange(1, 3)))),
                first + timedelta(days=n % span),
            )
            for n, dept in enumerate(departments)
        )
        answers: dict[str, dict[str, Any]] = {}
        if task.state is TaskState.DONE:
            for module in modules:
                questionnaire = self.questionnaires.for_module(module)
                if questionnaire is None:
                    continue
                given = {
                    q.code: self._answer(module, q)
                    for q in questionnaire.questions
                    if rng.random() < 0.9
                }
                answers[module] = given
        return replace(task, departments=departments, interviews=interviews, answers=answers)

    def _answer(self, module: str, question: Question) -> Any:
        rng = self.rng
        kind = question.kind.value
        if kind == "yes_no":
            return rng.random() < 0.6
        if kind == "number":
            low, high = NUMBERS.get((module, question.code), (1, 20))
            return rng.randint(low, high)
        if kind == "choice":
            return rng.choice(question.choices).code
        texts = TEXTS.get((module, question.code))
        return rng.choice(texts) if texts else "详见调研纪要"

    def _done(self, task: PresalesTask, ends: datetime, modules: Sequence[str]) -> PresalesTask:
        """*task* as it was after it took place: outcome, follow-ups, the
        demo's scores, the survey's findings."""
        rng = self.rng
        after = min(ends + timedelta(hours=rng.randrange(1, 30)), self.now)
        follow = FOLLOW_UPS[task.kind]
        due = ends.date() + timedelta(days=rng.randrange(2, 8))
        follow_ups = (FollowUp(rng.choice(follow), due, due < self.today),)
        changes: dict[str, Any] = {
            "outcome": rng.choice(DEMO_OUTCOMES if task.kind is TaskKind.DEMO else SURVEY_OUTCOMES),
            "follow_ups": follow_ups,
            "updated_at": after,
        }
        if task.kind is TaskKind.DEMO:
            feedback = {}
            for scenario in task.scenarios:
                score = _weighted(rng, SCORES)
                comment = rng.choice(FEEDBACK_COMMENTS[score]) if rng.random() < 0.5 else ""
                feedback[scenario.code] = ScenarioFeedback(score, comment)
            changes["feedback"] = feedback
        else:
            findings = []
            for module in modules:
                texts = FINDINGS.get(module, ())
                for text in rng.sample(texts, min(len(texts), rng.randrange(1, 3))):
                    gap = _weighted(rng, GAPS)
                    findings.append(
                        Finding(module, text, rng.choice(GAP_PRIORITY[gap]), gap, id=self.uuid())
                    )
            changes["findings"] = tuple(findings)
        return replace(task, **changes)

    def _link(
        self,
        task: PresalesTask,
        ctx: _Context,
        sheets: list[Worksheet],
        needs: dict[str, int],
    ) -> PresalesTask:
        """*task* with some of its findings made rows of the deal's needs
        worksheet (each naming the other); the sheet changed in *sheets*
        (added when the deal has none)."""
        rng = self.rng
        if task.state is not TaskState.DONE or not task.findings:
            return task
        picked = [f for f in task.findings if f.gap is not GapLevel.NONE and rng.random() < 0.5]
        if not picked:
            return task
        when = task.updated_at
        index = needs.get(ctx.deal.id)
        if index is None:
            sheet = Worksheet(
                id=self.uuid(), template=NEEDS_TEMPLATE, customer_id=ctx.deal.customer_id,
                deal_id=ctx.deal.id, dated=when.astimezone(CHINA).date(), data={"rows": []},
                author=ctx.deal.owner, created_at=when, updated_at=when,
            )  # fmt: skip
            sheets.append(sheet)
            index = needs[ctx.deal.id] = len(sheets) - 1
        sheet = sheets[index]
        rows = list(sheet.data.get("rows", []))
        linked: dict[str, str] = {}
        for finding in picked:
            row = need_row(finding, self.uuid())
            rows.append(row)
            linked[finding.id] = row[ROW_ID]
        sheets[index] = replace(
            sheet, data={**sheet.data, "rows": rows}, updated_at=max(when, sheet.updated_at)
        )
        findings = tuple(
            replace(f, need_id=linked[f.id]) if f.id in linked else f for f in task.findings
        )
        return replace(task, findings=findings)


@dataclass(frozen=True)
class _Context:
    """What the tasks of one request are made from."""

    deal: Deal
    customer: Customer | None
    contacts: Sequence[Contact]
    request: SupportRequest
    engagement: Engagement
    assigned_at: datetime
    finished: datetime | None
