"""A realistic requirements survey (需求调研) of a machinery maker: three
days with finance, production and the warehouse, most questions answered,
findings at every gap level.  Used by the tests, the demo data and the
screenshots of the survey report."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from erpdesk.domain.presales import (
    Attendee,
    Finding,
    GapLevel,
    Interview,
    PresalesTask,
    TaskKind,
    TaskState,
)

CHINA = timezone(timedelta(hours=8))
SAMPLE_CUSTOMER = "华东精密机械制造有限公司"
SAMPLE_DEAL = "ERP 一期（财务+生产+库存）"
SAMPLE_CONSULTANT = "李明（售前顾问）"


def sample_survey_task(start: date = date(2026, 12, 8)) -> PresalesTask:
    """A done survey task starting on *start* (09:00 China time, three days)."""
    starts = datetime(start.year, start.month, start.day, 9, 0, tzinfo=CHINA)
    day = [start + timedelta(days=n) for n in range(3)]
    return PresalesTask(
        engagement_id="sample-engagement",
        customer_id="sample-customer",
        deal_id="sample-deal",
        kind=TaskKind.SURVEY,
        title="ERP 一期需求调研",
        starts_at=starts,
        ends_at=starts + timedelta(days=2, hours=8),
        place="苏州工业园区星湖街 328 号 行政楼三楼会议室",
        our_attendees=("liming", "zhangwei"),
        customer_attendees=(
            Attendee("王建国", "信息中心主任"),
            Attendee("陈丽", "财务总监"),
            Attendee("赵强", "生产部经理"),
            Attendee("孙悦", "仓储主管"),
        ),
        state=TaskState.DONE,
        outcome="客户确认以财务、生产、库存为一期范围；合并报表与银企直联列入二期评估。",
        departments=("财务部", "生产部", "仓储物流部", "信息中心"),
        interviews=(
            Interview("财务部", ("陈丽", "周敏"), day[0]),
            Interview("生产部", ("赵强", "吴涛", "郑海"), day[1]),
            Interview("仓储物流部", ("孙悦",), day[2]),
            Interview("信息中心", ("王建国",), day[2]),
        ),
        answers={
            "finance": {
                "entities": 3,
                "consolidation": True,
                "standard": "cas",
                "close_days": 8,
                "golden_tax": True,
                "currencies": "美元、欧元（出口业务约占 30%）",
                "costing_method": "monthly_average",
                "budget": False,
                "fixed_assets": 2600,
                "reports": (
                    "管理层每月关注：按产品线的毛利分析、应收账款账龄、现金流预测、各事业部费用"
                    "预算执行情况；董事会每季度需要集团口径的利润表和资产负债表，目前由财务部用 "
                    "Excel 手工合并三家公司的报表，约需 5 个工作日，口径经常不一致，需要反复核对。"
                    "希望新系统上线后做到月结后第 2 天出管理报表，并能按客户、区域、业务员多维度"
                    "钻取到凭证和单据。"
                ),
                "current_system": "用友 U8 V13.0（财务）、自开发的 Access 成本小程序",
            },
            "production": {
                "mode": "mixed",
                "process_type": "discrete",
                "bom_levels": 7,
                "items": 18500,
                "routings": True,
                "mrp": True,
                "subcontracting": True,
                "shop_floor": "paper",
                "order_costing": True,
                "capacity": True,
                "work_centres": 24,
            },
            "inventory": {
                "warehouses": 5,
                "bins": True,
                "scanning": "none",
                "batches": True,
                "counting": "yearly",
                "items": 21000,
                "accuracy": 92,
                "pain": "账实不符，领料靠纸质单据，月底集中补录，呆滞料无人跟踪。",
            },
        },
        findings=(
            Finding(
                "finance",
                "三家法人公司之间的内部交易需自动抵销并生成合并报表。",
                "high",
                GapLevel.CHALLENGE,
            ),
            Finding("finance", "开票须与金税盘对接，红字发票走审批。", "high", GapLevel.NONE),
            Finding(
                "finance",
                "外币应收按月末汇率自动调汇，差额入财务费用。",
                "medium",
                GapLevel.NICE_TO_HAVE,
            ),
            Finding(
                "production",
                "客户要求按每台设备的序列号归集实际成本（含委外和返工），并在设备出厂前"
                "给出单台毛利；标准产品目前不支持按序列号核算。",
                "high",
                GapLevel.DEAL_BREAKER,
            ),
            Finding(
                "production",
                "车间报工由纸质改为扫码报工，工序完工实时回写工单。",
                "medium",
                GapLevel.CHALLENGE,
            ),
            Finding("production", "委外加工需要跟踪发料、收货和加工费结算。", "medium"),
            Finding("production", "排产看板按工作中心显示负荷。", "low", GapLevel.NICE_TO_HAVE),
            Finding("inventory", "五个仓库启用库位管理和条码出入库。", "high", GapLevel.CHALLENGE),
            Finding(
                "inventory",
                "呆滞料按库龄自动预警并推送给采购和生产计划。",
                "low",
                GapLevel.NICE_TO_HAVE,
            ),
        ),
    )


def sample_module_names(language: str) -> dict[str, str]:
    """The sample's module names (the shipped playbook's) in *language*."""
    zh = {"finance": "财务管理", "production": "生产制造", "inventory": "库存管理"}
    en = {"finance": "Finance", "production": "Production", "inventory": "Inventory"}
    return zh if language.lower().startswith("zh") else en
