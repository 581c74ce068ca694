"""Demo deals: a realistic funnel over the demo customers.

``DealMaker`` makes, for a batch of demo customers, deals across every
stage of the playbook: open deals in stages 1-7 (more in the early stages),
deals closed won in stage 7 and closed lost in the stage they died in (with
the lost reason and, where known, the winning competitor).  Each has a
stage history as the gates would have written it (``gates.move_deal``):
created, moved forward stage by stage, now and then moved back with a
reason, and sometimes moved on past unticked activities with the override
and its reason; the history's times run forward, each change's
``from_stage`` is the stage the previous one entered, and the deal's
``stage_entered_at`` is the time of the last change that entered a stage.
The checklist of every stage passed is ticked (except what an override went
past), and the worksheets those stages require are filled with realistic
Chinese content (SWOT, pains, needs, the assessments with scores, the action
plan, the deal team, the ERP project summary), dated within the stage.
Each deal also has an activity with its customer around its last step (in
place of one of the customer's own demo activities).

Amounts lie between 5万 and 800万 CNY (log-uniform), close dates around
today.  The deals come from their own random streams, so a seed makes the
same customers with or without deals.  Like the demo customers, they are
written without outbox ops: made-up deals never reach the registry.
"""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from erpdesk.domain.customer import Activity, ActivityKind, Contact, Customer, Registration
from erpdesk.domain.deal import (
    ChecklistAnswer,
    Deal,
    DealStatus,
    MoveKind,
    StageChange,
    TeamMember,
    Worksheet,
)
from erpdesk.domain.playbook import Playbook, StageDef

if TYPE_CHECKING:
    from erpdesk.storage.uow import UnitOfWork

FEN = Decimal("0.01")
MIN_AMOUNT = 50_000
MAX_AMOUNT = 8_000_000

# Where open deals are (stage -> weight): the funnel narrows.
OPEN_STAGES = (24, 20, 18, 16, 10, 7, 5)
# The stage a lost deal died in.
LOST_STAGES = (8, 22, 24, 22, 13, 9, 2)
WON_SHARE = 0.4  # of closed deals

PROJECTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ERP一期项目", ("finance", "supply_chain", "inventory", "procurement")),
    ("财务业务一体化项目", ("finance", "sales_distribution", "procurement")),
    ("供应链管理系统项目", ("supply_chain", "procurement", "inventory")),
    ("生产制造管理项目", ("production", "inventory", "quality")),
    ("ERP升级项目", ("finance", "supply_chain", "production")),
    ("多组织财务共享项目", ("finance", "bi")),
    ("仓储条码管理项目", ("inventory", "supply_chain")),
    ("人力资源系统项目", ("hr",)),
    ("营销与客户管理项目", ("crm", "sales_distribution")),
    ("固定资产与成本核算项目", ("asset", "finance")),
    ("质量追溯系统项目", ("quality", "production")),
    ("经营分析BI项目", ("bi", "finance")),
)
LEGAL_SUFFIXES = ("股份有限公司", "集团有限公司", "有限责任公司", "有限公司")
COMPETITORS = ("用友U8", "用友YonSuite", "金蝶云星空", "金蝶K/3", "SAP Business One",
               "SAP S/4HANA", "鼎捷T100", "浪潮GS", "Oracle NetSuite", "管家婆")  # fmt: skip
COLLEAGUES = ("王磊", "李娜", "陈静", "刘洋", "赵敏", "孙浩", "周婷", "吴军")
TEAM_ROLES = ("presales", "implementation", "technical", "manager")
RESPONSIBILITIES = {
    "sales": "客户关系与商务推进",
    "presales": "需求调研与方案演示",
    "implementation": "实施评估与上线计划",
    "technical": "接口与数据迁移评估",
    "manager": "资源协调与高层拜访",
    "executive": "高层互访",
}
BACK_REASONS = (
    "客户更换了项目负责人，需要重新确认需求",
    "客户预算冻结，立项推迟到下季度",
    "新任财务总监要求重新评估方案",
    "客户要求增加生产模块，范围需要重新调研",
)
OVERRIDE_REASONS = (
    "客户高层直接推动，时间紧，后补该项工作",
    "老客户增购，相关情况已掌握",
    "与客户信息中心已多次沟通，无需单独安排",
    "项目由渠道伙伴前期跟进，资料已齐",
)
PROBABILITY_REASONS = (
    "客户总经理已口头确认选择我方",
    "竞争对手报价明显更低，胜率下调",
    "客户预算尚未批复",
)
NEXT_STEPS = {
    1: ("上门拜访总经理", "收集客户组织架构", "电话预约信息中心主任"),
    2: ("约财务总监访谈", "整理客户困难问题", "发送同行业案例"),
    3: ("组织需求调研会", "确认需求清单", "安排产品演示"),
    4: ("提交项目立项建议", "拜访分管副总", "组织样板客户参观"),
    5: ("提交解决方案和报价", "方案汇报会", "技术交流"),
    6: ("商务谈判", "确认付款方式", "合同条款评审"),
    7: ("合同盖章", "收取首付款", "启动实施准备会"),
}
PAINS = (
    ("月底结账要十天，报表出不来", "管理层看不到及时的经营数据", "财务部"),
    ("库存账实不符，盘点差异大", "每年因呆滞料损失数十万元", "仓储部"),
    ("销售订单靠Excel传递，经常出错", "交期延误，客户投诉增加", "销售部"),
    ("生产计划靠经验排，插单频繁", "设备利用率低，加班多", "生产部"),
    ("采购价格不透明，供应商多头管理", "采购成本偏高", "采购部"),
    ("多个子公司账套分散，合并报表靠手工", "集团管控难，审计压力大", "总经理"),
    ("成本核算只能到车间，算不到产品", "报价缺乏依据，部分产品亏损不自知", "财务总监"),
    ("质量问题无法追溯到批次", "客户索赔时举证困难", "质量部"),
)
NEEDS = (
    ("财务业务一体化，月结缩短到三天", "high"),
    ("条码化出入库，库存实时准确", "high"),
    ("按订单跟踪生产进度", "medium"),
    ("多组织合并报表自动出具", "high"),
    ("成本核算到单品", "medium"),
    ("移动审批", "low"),
    ("与现有MES、OA系统集成", "medium"),
    ("批次追溯和质量检验记录", "medium"),
)
ACTIONS = (
    "拜访总经理，确认项目目标", "组织需求调研会", "安排产品演示", "提交初步方案",
    "邀请参观样板客户", "提交正式报价", "方案汇报会", "商务谈判", "合同评审",
)  # fmt: skip
SWOT = {
    "customer_swot": (
        "行业地位稳固，订单充足；管理层重视信息化",
        "现有系统老旧，数据分散；IT人员少",
        "扩产和新工厂建设，管理需要升级",
        "行业竞争加剧，利润率下降，投资趋于谨慎",
    ),
    "self_swot": (
        "同行业案例多，实施团队就在本地",
        "品牌知名度不如头部厂商，报价偏高",
        "客户对现有供应商服务不满",
        "竞争对手与客户高层关系较好",
    ),
}
IT_STATUS = ("使用金蝶KIS做账，业务靠Excel", "用友U8已用十年，版本老旧", "只有财务软件，无业务系统")
ACTIVITY_TEXTS = {
    ActivityKind.VISIT: "拜访{who}，沟通{deal}进展，{step}",
    ActivityKind.MEETING: "与{who}等召开{deal}推进会，{step}",
    ActivityKind.CALL: "电话联系{who}，跟进{deal}，{step}",
}


@dataclass
class DealBatch:
    """What a batch of customers' deals adds (written together)."""

    deals: list[Deal] = field(default_factory=list)
    changes: list[StageChange] = field(default_factory=list)
    worksheets: list[Worksheet] = field(default_factory=list)
    scores: dict[str, tuple[int | None, bool]] = field(default_factory=dict)
    activities: list[Activity] = field(default_factory=list)
    won: int = 0
    lost: int = 0

    def write(self, uow: UnitOfWork) -> None:
        """Insert the deals, their histories and worksheets, without outbox
        ops (demo data never syncs); the activities go with their customers'
        (``demo.generate_demo`` puts each in place of one of the customer's)."""
        uow.deals.add_many(self.deals, record=False)
        uow.stage_changes.add_many(self.changes, record=False)
        uow.worksheets.add_many(self.worksheets, self.scores, record=False)


def split_quota(total: int, done: int, size: int, customers: int) -> int:
    """How many of *total* go to the customers ``done .. done+size`` of
    *customers*, so that the batches add up to exactly *total*."""
    return total * (done + size) // customers - total * done // customers


class DealMaker:
    """Draws demo deals; one instance per run (its own random streams)."""

    def __init__(self, seed: int, id_seed: str, now: datetime, playbook: Playbook,
                 owner: str = "demo") -> None:  # fmt: skip
        self.rng = random.Random(f"deals:{seed}")
        self.id_rng = random.Random(f"deal-ids:{id_seed}")
        self.now = now
        self.today = now.date()
        self.playbook = playbook
        self.owner = owner
        self.lost_reasons = [c.code for c in playbook.lost_reasons]
        # Templates the worksheet makers know, checked against the playbook.
        self.makers: dict[str, Callable[[Deal, Sequence[Contact], date], dict[str, Any]]] = {
            code: maker
            for code, maker in (
                ("customer_profile", self._profile),
                ("customer_swot", lambda d, c, day: _swot("customer_swot")),
                ("self_swot", lambda d, c, day: _swot("self_swot")),
                ("opportunity_analysis", self._analysis),
                ("customer_pains", self._pains),
                ("needs_analysis", self._needs),
                ("opportunity_assessment_1", lambda d, c, day: self._scores(1)),
                ("opportunity_assessment_2", lambda d, c, day: self._scores(2)),
                ("competitiveness_assessment", self._competitiveness),
                ("erp_project_summary", self._project),
                ("competitive_strategy", self._strategy),
                ("deal_team", self._team),
                ("action_plan", self._plan),
            )
            if code in playbook.worksheets
        }

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.id_rng.getrandbits(128), version=4))

    # -- a batch ----------------------------------------------------------------

    def batch(
        self,
        customers: Sequence[tuple[Customer, Sequence[Contact]]],
        n_open: int,
        n_closed: int,
    ) -> DealBatch:
        """*n_open* open and *n_closed* closed deals of *customers* (those
        not in the pool first; a customer gets several when there are more
        deals than customers)."""
        out = DealBatch()
        rng = self.rng
        pool = [c for c in customers if c[0].registration is not Registration.POOL] or list(
            customers
        )
        total = n_open + n_closed
        if not pool or total == 0:
            return out
        if total <= len(pool):
            chosen = rng.sample(pool, total)
        else:
            chosen = [pool[i % len(pool)] for i in range(total)]
            rng.shuffle(chosen)
        profiled: set[str] = set()
        for i, (customer, contacts) in enumerate(chosen):
            if i < n_open:
                status = DealStatus.OPEN
            else:
                status = DealStatus.WON if rng.random() < WON_SHARE else DealStatus.LOST
            self._deal(out, customer, contacts, status, profiled)
        return out

    # -- one deal ---------------------------------------------------------------

    def _deal(
        self,
        out: DealBatch,
        customer: Customer,
        contacts: Sequence[Contact],
        status: DealStatus,
        profiled: set[str],
    ) -> None:
        rng = self.rng
        stages = self.playbook.stages
        n = len(stages)
        if status is DealStatus.OPEN:
            final = rng.choices(range(1, n + 1), OPEN_STAGES[:n])[0]
        elif status is DealStatus.WON:
            final = n
        else:
            final = rng.choices(range(1, n + 1), LOST_STAGES[:n])[0]
        # The path: (kind, from, to, reason, overridden) after the creation.
        start = 2 if final >= 2 and rng.random() < 0.2 else 1
        steps: list[tuple[MoveKind, int, int, str, tuple[str, ...]]] = []
        unticked: set[str] = set()
        went_back = False
        current = start
        while current < final:
            if current >= 3 and not went_back and rng.random() < 0.08:
                went_back = True
                steps.append((MoveKind.BACK, current, current - 1, rng.choice(BACK_REASONS), ()))
                current -= 1
                continue
            target = current + 2 if current + 2 <= final and rng.random() < 0.08 else current + 1
            passed = stages[current - 1 : target - 1]
            skipped = [item.code for s in passed[1:] for item in s.checklist if item.required]
            left = [item.code for item in passed[0].checklist if item.required]
            missed = rng.sample(left, 1) if left and rng.random() < 0.12 else []
            overridden = tuple(missed + skipped)
            unticked.update(overridden)
            reason = rng.choice(OVERRIDE_REASONS) if overridden else ""
            steps.append((MoveKind.FORWARD, current, target, reason, overridden))
            current = target
        if status is DealStatus.WON:
            steps.append((MoveKind.WON, n, n, "", ()))
        elif status is DealStatus.LOST:
            steps.append((MoveKind.LOST, final, final, "", ()))

        # When: durations back from the last step, kept after the customer's creation.
        earliest = customer.created_at + timedelta(days=1)
        if status is DealStatus.OPEN:
            end = self.now - timedelta(days=rng.randrange(0, 45), minutes=rng.randrange(600))
        else:
            age = max((self.now - earliest).days, 3)
            end = self.now - timedelta(days=rng.randrange(1, min(540, age - 1)))
        gaps = [rng.uniform(3, 35) * (1.6 if to == 4 else 1.0) for _k, _f, to, _r, _o in steps]
        span = timedelta(days=sum(gaps))
        first = max(end - span, earliest)
        scale = (end - first) / span if span else 0
        times = [first]
        for gap in gaps:
            times.append(times[-1] + timedelta(days=gap) * scale)
        created = times[0]

        amount = Decimal(
            round(math.exp(rng.uniform(math.log(MIN_AMOUNT), math.log(MAX_AMOUNT))), -3)
        ).quantize(FEN)
        amount = min(max(amount, Decimal(MIN_AMOUNT)), Decimal(MAX_AMOUNT)).quantize(FEN)
        project, modules = rng.choice(PROJECTS)
        label = customer.short_name or _trade_name(customer.name)
        owner = self.owner if rng.random() < 0.8 else rng.choice(COLLEAGUES)
        competitors = tuple(rng.sample(COMPETITORS, rng.choice((0, 1, 1, 2, 2, 3))))
        team: tuple[TeamMember, ...] = ()
        if final >= 3:
            others = rng.sample(COLLEAGUES, rng.randrange(1, 4))
            helpers = [n for n in others if n != owner]
            team = (
                TeamMember(owner, "sales"),
                *(TeamMember(name, rng.choice(TEAM_ROLES)) for name in helpers),
            )
        deal_id = self.uuid()
        entered = created
        for (kind, _f, _t, _r, _o), at in zip(steps, times[1:], strict=True):
            if kind in (MoveKind.FORWARD, MoveKind.BACK):
                entered = at
        closed_at = times[-1] if status is not DealStatus.OPEN else None
        probability = self.playbook.stage(final).probability
        probability_reason = ""
        next_step, next_step_date = "", None
        if status is DealStatus.OPEN:
            # Later stages close sooner; about one deal in six is overdue,
            # by up to 25 days (spread, not piled up on one day).
            close_date = self.today + timedelta(days=rng.randrange(-25, 200 - 15 * final))
            if rng.random() < 0.08:
                probability = max(0, min(100, probability + rng.choice((-10, 10))))
                probability_reason = rng.choice(PROBABILITY_REASONS)
            next_step = rng.choice(NEXT_STEPS.get(final, NEXT_STEPS[1]))
            next_step_date = self.today + timedelta(days=rng.randrange(-5, 21))
        else:
            assert closed_at is not None
            close_date = closed_at.date() + timedelta(days=rng.randrange(0, 30))
            probability = 100 if status is DealStatus.WON else 0
        lost_reason = winning = ""
        if status is DealStatus.LOST:
            lost_reason = rng.choice(self.lost_reasons)
            if competitors and lost_reason not in ("no_budget", "no_decision", "timing"):
                winning = rng.choice(competitors)
            out.lost += 1
        elif status is DealStatus.WON:
            out.won += 1

        # The checklist: every stage passed, and part of the current one.
        checklist: dict[str, ChecklistAnswer] = {}
        reached = n if status is DealStatus.WON else final
        for number in range(1, reached + 1):
            stage = stages[number - 1]
            at = _time_in_stage(times, steps, number, created)
            items = stage.checklist
            if number == final and status is not DealStatus.WON:
                items = items[: rng.randrange(0, len(items) + 1)]
            for item in items:
                if item.code not in unticked:
                    checklist[item.code] = ChecklistAnswer(True, at, owner)

        deal = Deal(
            id=deal_id,
            customer_id=customer.id,
            name=f"{label}{project}",
            stage=final,
            status=status,
            amount=amount,
            close_date=close_date,
            probability=probability,
            probability_reason=probability_reason,
            modules=modules,
            owner=owner,
            team=team,
            competitors=competitors,
            next_step=next_step,
            next_step_date=next_step_date,
            source=customer.source,
            lost_reason=lost_reason,
            winning_competitor=winning,
            playbook=self.playbook.key,
            checklist=checklist,
            stage_entered_at=entered,
            closed_at=closed_at,
            created_at=created,
            updated_at=times[-1],
        )
        out.deals.append(deal)
        out.changes.append(
            StageChange(deal_id, MoveKind.CREATED, start, created, owner,
                        created_at=created, updated_at=created, id=self.uuid())
        )  # fmt: skip
        for (kind, frm, to, reason, overridden), at in zip(steps, times[1:], strict=True):
            if kind is MoveKind.LOST:
                reason = lost_reason
            out.changes.append(
                StageChange(deal_id, kind, to, at, owner, from_stage=frm, reason=reason,
                            overridden=overridden, created_at=at, updated_at=at, id=self.uuid())
            )  # fmt: skip
        self._worksheets(out, deal, contacts, stages[:reached], times, steps, profiled)
        self._activity(out, deal, contacts, times[-1] if closed_at else entered)

    # -- worksheets --------------------------------------------------------------

    def _worksheets(
        self,
        out: DealBatch,
        deal: Deal,
        contacts: Sequence[Contact],
        reached: Sequence[StageDef],
        times: list[datetime],
        steps: Sequence[tuple[MoveKind, int, int, str, tuple[str, ...]]],
        profiled: set[str],
    ) -> None:
        """The required worksheets of the stages passed (and, for an open
        deal, some of the others its stages use), dated within their stage."""
        from erpdesk.domain.forecast import is_lowest_verdict
        from erpdesk.domain.worksheet import score

        rng = self.rng
        wanted: dict[str, int] = {}
        for stage in reached:
            for code in stage.required_worksheets:
                wanted.setdefault(code, stage.number)
            if deal.is_open:
                for code in stage.worksheets:
                    if code not in wanted and rng.random() < 0.2:
                        wanted[code] = stage.number
        for code, number in wanted.items():
            make = self.makers.get(code)
            if make is None:
                continue
            template = self.playbook.worksheets[code]
            on_customer = template.attached_to.value == "customer"
            if on_customer:
                if deal.customer_id in profiled and code == "customer_profile":
                    continue
                if code == "customer_profile":
                    profiled.add(deal.customer_id)
            at = _time_in_stage(times, steps, number, deal.created_at)
            day = at.date()
            sheet = Worksheet(
                id=self.uuid(),
                template=code,
                customer_id=deal.customer_id,
                deal_id=None if on_customer else deal.id,
                dated=day,
                data=make(deal, contacts, day),
                author=deal.owner,
                created_at=at,
                updated_at=at,
            )
            out.worksheets.append(sheet)
            result = score(template, sheet.data)
            if result is not None:
                verdict = result.verdict.code if result.verdict is not None else None
                out.scores[sheet.id] = (result.percent, is_lowest_verdict(template, verdict))

    def _person(self, contacts: Sequence[Contact]) -> str:
        if not contacts:
            return "客户总经理"
        c = self.rng.choice(contacts)
        return f"{c.name}（{c.title}）" if c.title else c.name

    def _profile(self, deal: Deal, contacts: Sequence[Contact], day: date) -> dict[str, Any]:
        rng = self.rng
        staff = rng.choice((80, 150, 300, 600, 1200, 3000))
        return {
            "basics": f"成立于{rng.randrange(1992, 2016)}年，主营业务稳定，近三年销售额年均增长"
            f"{rng.randrange(5, 25)}%。",
            "employees": str(staff),
            "revenue": str(staff * rng.randrange(50, 150) * 10000),
            "organisation": "总经理下设财务、销售、采购、生产、仓储、质量和信息中心。",
            "business": "以订单生产为主，客户集中在华东和华南，旺季在下半年。",
            "it_status": rng.choice(
                (
                    "使用金蝶KIS做账，业务靠Excel",
                    "用友U8已用十年，版本老旧",
                    "只有财务软件，无业务系统",
                )
            ),
            "key_people": [c.name for c in contacts[:3]],
        }

    def _analysis(self, deal: Deal, contacts: Sequence[Contact], day: date) -> dict[str, Any]:
        return {
            "origin": f"{self._person(contacts)}在交流中提出{self.rng.choice(PAINS)[0]}。",
            "trigger": self.rng.choice(("新工厂投产", "集团要求统一系统", "现有系统停止维护")),
            "scope": list(deal.modules),
            "estimated_amount": str(deal.amount),
            "expected_start": (day + timedelta(days=self.rng.randrange(60, 200))).isoformat(),
            "timing": "希望年底前完成选型，明年一季度启动实施。",
        }

    def _pains(self, deal: Deal, contacts: Sequence[Contact], day: date) -> dict[str, Any]:
        rows = self.rng.sample(PAINS, self.rng.randrange(2, 4))
        return {"rows": [{"problem": p, "impact": i, "who": who} for p, i, who in rows]}

    def _needs(self, deal: Deal, contacts: Sequence[Contact], day: date) -> dict[str, Any]:
        rows = self.rng.sample(NEEDS, self.rng.randrange(3, 6))
        return {
            "rows": [
                {"need": need, "priority": priority, "confirmed": self.rng.random() < 0.7}
                for need, priority in rows
            ]
        }

    def _score_values(self, codes: Sequence[str]) -> dict[str, Any]:
        rng = self.rng
        low = rng.random() < 0.1
        return {c: rng.randrange(0, 3) if low else rng.randrange(2, 6) for c in codes}

    def _scores(self, which: int) -> dict[str, Any]:
        template = self.playbook.worksheets[f"opportunity_assessment_{which}"]
        codes = [f.code for f in template.fields if f.kind.value == "score"]
        return {**self._score_values(codes), "notes": "与销售经理一起评估。"}

    def _competitiveness(
        self, deal: Deal, contacts: Sequence[Contact], day: date
    ) -> dict[str, Any]:
        template = self.playbook.worksheets["competitiveness_assessment"]
        codes = [f.code for f in template.fields if f.kind.value == "score"]
        rival = deal.competitors[0] if deal.competitors else self.rng.choice(COMPETITORS)
        return {"competitor": rival, **self._score_values(codes), "notes": "价格上处于劣势。"}

    def _project(self, deal: Deal, contacts: Sequence[Contact], day: date) -> dict[str, Any]:
        rng = self.rng
        return {
            "project_name": deal.name,
            "scope": "总部及两个生产基地，约" + str(rng.randrange(30, 300)) + "个用户。",
            "modules": list(deal.modules),
            "budget": str(deal.amount),
            "budget_status": rng.choice(("approved", "planned", "unknown")),
            "approval_date": (day + timedelta(days=rng.randrange(10, 60))).isoformat(),
            "go_live": (day + timedelta(days=rng.randrange(120, 300))).isoformat(),
            "timeline": "选型两个月，实施六个月，分两期上线。",
            "decision_process": "信息中心评估，财务总监和分管副总审核，总经理办公会决策。",
            "decision_maker": self._person(contacts),
            "tender": rng.random() < 0.3,
            "competitors": list(deal.competitors),
        }

    def _strategy(self, deal: Deal, contacts: Sequence[Contact], day: date) -> dict[str, Any]:
        return {
            "main_competitors": list(deal.competitors),
            "approach": self.rng.choice(("frontal", "flanking", "redefine", "divide", "defend")),
            "differentiators": "同行业样板客户多，本地实施团队响应快，成本核算到单品。",
            "counter_weaknesses": "用分期付款化解价格劣势，邀请客户参观样板工厂。",
            "traps": "建议客户在招标中加入批次追溯和移动审批的要求。",
        }

    def _team(self, deal: Deal, contacts: Sequence[Contact], day: date) -> dict[str, Any]:
        members = deal.team or (TeamMember(deal.owner, "sales"),)
        return {
            "rows": [
                {"name": m.name, "role": m.role, "responsibility": RESPONSIBILITIES[m.role]}
                for m in members
            ]
        }

    def _plan(self, deal: Deal, contacts: Sequence[Contact], day: date) -> dict[str, Any]:
        rng = self.rng
        start = rng.randrange(0, len(ACTIONS) - 3)
        rows = []
        for i, action in enumerate(ACTIONS[start : start + rng.randrange(3, 5)]):
            due = day + timedelta(days=7 * (i + 1))
            rows.append({
                "action": action,
                "owner": deal.owner,
                "due": due.isoformat(),
                "done": due < self.today and rng.random() < 0.8,
            })  # fmt: skip
        return {"goal": f"本季度推进到第{min(deal.stage + 1, 7)}阶段", "rows": rows}

    # -- an activity ----------------------------------------------------------------

    def _activity(
        self, out: DealBatch, deal: Deal, contacts: Sequence[Contact], around: datetime
    ) -> None:
        rng = self.rng
        kind = rng.choice(tuple(ACTIVITY_TEXTS))
        person = rng.choice(contacts) if contacts else None
        who = f"{person.title}{person.name}" if person else "客户"
        occurred = min(around + timedelta(hours=rng.randrange(1, 72)), self.now)
        step = deal.next_step or "项目已结束"
        summary = ACTIVITY_TEXTS[kind].format(who=who, deal=deal.name, step=f"下一步：{step}")
        out.activities.append(
            Activity(
                id=self.uuid(),
                customer_id=deal.customer_id,
                kind=kind,
                occurred_at=occurred,
                summary=summary,
                contact_id=person.id if person else None,
                outcome=rng.choice(("有意向", "进展顺利", "需要再评估", "")),
                next_step=deal.next_step,
                created_at=occurred,
                updated_at=occurred,
            )
        )


def _swot(code: str) -> dict[str, Any]:
    s, w, o, t = SWOT[code]
    return {"strengths": s, "weaknesses": w, "opportunities": o, "threats": t}


def _trade_name(name: str) -> str:
    """The company name without its legal form: 华盛精密机械有限公司 -> 华盛精密机械."""
    for suffix in LEGAL_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _time_in_stage(
    times: list[datetime],
    steps: Sequence[tuple[MoveKind, int, int, str, tuple[str, ...]]],
    number: int,
    created: datetime,
) -> datetime:
    """A moment the deal spent in stage *number*: when it (last) entered it,
    or its creation for the stages before the one it was created in."""
    at = created
    for (kind, _frm, to, _r, _o), when in zip(steps, times[1:], strict=True):
        if kind in (MoveKind.FORWARD, MoveKind.BACK) and to == number:
            at = when
    return at
