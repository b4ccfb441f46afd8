"""The capstone data pack (数据包): the case month as an Excel workbook a team opens without Python.

The month's ~47,000 calls would be a slow, heavy sheet, so the calls come as 15-minute interval
sums per queue (the per-call counts of ``ccskills.kpi``: answered within 20 s, waits, talk, hold,
after-call work, transfers, FCR flags, CSAT answers), beside the plan of the same interval; every
KPI of the course is a ratio of these sums. QA results come one row per evaluation, one column per
scorecard item (1 passed, 0 failed). Numbers are numbers (``ccskills.io.excel_bytes``).
"""

from __future__ import annotations

import pandas as pd

from ccskills.kpi._records import customer_indicators, handling_indicators, queue_indicators
from ccskills.materials import _capstone_data as d

__all__ = ["INTERVAL_COLUMNS", "pack_sheets", "pack_bytes"]

ANSWER_TIME, SHORT_ABANDON = 20, 5

#: interval sheet: column -> header (zh + en)
INTERVAL_COLUMNS = {
    "queue": "队列 queue", "interval_start": "时段开始 interval_start",
    "forecast_calls": "预测来话 forecast_calls", "forecast_aht_s": "预测AHT秒 forecast_aht_s",
    "scheduled_agents": "排班在线人数 scheduled_agents", "staffed_agents": "实际在线人数 staffed_agents",
    "offered": "来话量 offered", "answered": "接通量 answered", "abandoned": "放弃量 abandoned",
    "short_abandoned": "短时放弃量 short_abandoned", "blocked": "占线量 blocked",
    "answered_within_t": "20秒内接通 answered_within_20s", "wait_answered_s": "接通等待秒 wait_answered_s",
    "talk_s": "通话秒 talk_s", "hold_s": "保持秒 hold_s", "acw_s": "话后秒 acw_s",
    "transferred": "转接量 transferred", "fcr_flagged": "有解决标记 fcr_flagged",
    "fcr_resolved": "一次解决 fcr_resolved", "csat_responses": "满意度答卷 csat_responses",
    "csat_top2": "满意度4-5分 csat_top2",
}
STATE_COLUMNS = {
    "date": "日期 date", "agent_id": "工号 agent_id", "team": "班组 team", "queue": "队列 queue",
    "shift": "班次 shift", "paid_s": "带薪秒 paid_s", "logged_in_s": "登录秒 logged_in_s",
    "available_s": "就绪空闲秒 available_s", "talk_s": "通话秒 talk_s", "hold_s": "保持秒 hold_s",
    "acw_s": "话后秒 acw_s", "not_ready_s": "未就绪秒 not_ready_s",
}
AGENT_COLUMNS = {"agent_id": "工号 agent_id", "team": "班组 team", "queue": "队列 queue",
                 "hire_date": "入职日期 hire_date"}
COST_COLUMNS = {"month": "月份 month", "queue": "队列 queue", "category": "类别 category",
                "item": "项目 item", "amount_cny": "实际金额元 amount_cny", "budget_cny": "预算元 budget_cny",
                "basis": "分摊依据 basis"}


def interval_sums(case) -> pd.DataFrame:
    """Per queue and 15-minute interval: the plan and the sums of the kit's per-call counts."""
    calls = case.calls
    parts = pd.concat([queue_indicators(calls, ANSWER_TIME, SHORT_ABANDON),
                       handling_indicators(calls).drop(columns="answered"),
                       customer_indicators(calls)], axis=1)
    parts = parts.drop(columns=["abandoned_within_t", "wait_abandoned_s"]).astype("int64")
    keys = [calls["queue"], calls["arrival"].dt.floor("15min").rename("interval_start")]
    sums = parts.groupby(keys).sum()
    plan = case.plan.set_index(["queue", "interval_start"])
    plan = plan[["forecast_calls", "forecast_aht_s", "scheduled_agents", "staffed_agents"]]
    out = plan.join(sums).fillna(0).reset_index()
    int_cols = [c for c in out.columns if c not in ("queue", "interval_start", "forecast_calls")]
    out[int_cols] = out[int_cols].astype("int64")
    order = {"presales": 0, "aftersales": 1}
    out = out.sort_values(["queue", "interval_start"], key=lambda s: s.map(order) if s.name == "queue" else s)
    return out[list(INTERVAL_COLUMNS)].reset_index(drop=True)


def qa_wide(case) -> pd.DataFrame:
    """One row per evaluation, one 1/0 column per scorecard item (header: item id + Chinese name)."""
    card = case.scorecard.set_index("item_id")
    wide = case.items.pivot(index="evaluation_id", columns="item_id", values="passed")
    wide = wide[list(card.index)].astype("int64")
    wide.columns = [f"{i} {card.loc[i, 'item_zh']}" for i in wide.columns]
    head = case.evaluations.set_index("evaluation_id").rename(columns={
        "call_id": "通话编号 call_id", "agent_id": "工号 agent_id", "team": "班组 team",
        "analyst_id": "质检员 analyst_id", "evaluated_on": "质检日期 evaluated_on"})
    return head.join(wide).reset_index().rename(columns={"evaluation_id": "质检单号 evaluation_id"})


def scorecard_sheet(case) -> pd.DataFrame:
    return case.scorecard.rename(columns={
        "item_id": "项目 item_id", "section": "维度 section", "section_zh": "维度名称 section_zh",
        "section_en": "section_en", "item_zh": "项目名称 item_zh", "item_en": "item_en",
        "weight": "分值 weight", "critical_kind": "致命错误类别 critical_kind"})


def readme(case) -> pd.DataFrame:
    """The 说明 sheet: what each sheet holds, in Chinese."""
    rows = [
        ("中心", "仿真呼叫中心：售前 presales、售后 aftersales 两个队列，每天 08:00-22:00 营业，15 分钟一个时段。"),
        ("月份", f"{d.MONTH_START:%Y-%m-%d} 至 {d.MONTH_END - pd.Timedelta(days=1):%Y-%m-%d}（30 天）。"),
        ("服务目标", "服务水平 80/20：20 秒内接通量 ÷ (接通量 + 放弃量) ≥ 80%；放弃率 ≤ 5%；"
                     "AHT 以预测 AHT 为准。"),
        ("话务15分钟", f"每个队列每个时段一行（共 {len(case.plan)} 行）：预测来话、预测 AHT、排班在线人数（计划）、"
                       "实际在线人数，以及该时段全部来话的合计。通话明细约 "
                       f"{len(case.calls):,} 条，为控制文件大小按时段汇总；所有指标都是合计之比，"
                       "可按日、周、队列再汇总。"),
        ("话务15分钟 口径", "来话量 = 接通量 + 放弃量（占线另计）；短时放弃 = 等待 ≤ 5 秒的放弃；"
                            "AHT = (通话秒 + 保持秒 + 话后秒) ÷ 接通量；"
                            "时段占用率 ≈ (通话秒 + 保持秒 + 话后秒) ÷ (实际在线人数 × 900 秒)。"),
        ("坐席", f"{len(case.agents)} 名坐席的工号、班组、队列和入职日期。"),
        ("坐席状态日表", "每名坐席每个上班日一行：带薪、登录、就绪空闲、通话、保持、话后、未就绪秒数。"
                         "利用率 = (处理 + 就绪空闲) ÷ 带薪；损耗率 = 1 − 利用率。"),
        ("质检", f"{len(case.evaluations):,} 张质检单，每个评分项一列：1 = 通过，0 = 未通过。"
                 "评分项的分值见“质检评分表”（分值 0 的是致命错误项）。"),
        ("成本", "本月各队列成本明细（元）与预算；共享成本按登录小时分摊。"),
        ("随机种子", f"{d.SEED}（同一种子生成同一份数据）。"),
    ]
    return pd.DataFrame(rows, columns=["项目 item", "说明 notes"])


def pack_sheets(case) -> dict[str, pd.DataFrame]:
    """The workbook's sheets, in order."""
    return {
        "说明": readme(case),
        "话务15分钟": interval_sums(case).rename(columns=INTERVAL_COLUMNS),
        "坐席": case.agents.rename(columns=AGENT_COLUMNS),
        "坐席状态日表": case.agent_states.rename(columns=STATE_COLUMNS),
        "质检": qa_wide(case),
        "质检评分表": scorecard_sheet(case),
        "成本": case.costs.rename(columns=COST_COLUMNS),
    }


def pack_bytes(case) -> bytes:
    """The data pack as .xlsx bytes (``ccskills.io.excel_bytes``: numbers as numbers)."""
    from ccskills.io import excel_bytes

    formats = {"话务15分钟": {INTERVAL_COLUMNS["forecast_calls"]: "0.00"}}
    return excel_bytes(pack_sheets(case), number_formats=formats)
