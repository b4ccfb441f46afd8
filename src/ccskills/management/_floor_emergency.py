"""The emergency plan's (应急预案) scenarios as data: trigger, levels, actions, who, communication, recovery.

Five scenarios a contact centre plans for (system outage, traffic surge, power or network failure,
severe weather or an absence spike, a public-opinion incident), each with three response levels
(三级 III lowest … 一级 I highest). The traffic-surge and absence-spike triggers carry numbers the
plan computes from the kit's data (Erlang C agents at +15/30/50 % volume; the peak interval's
spare agents): their texts here have ``{placeholders}`` the plan fills. Roles are the ids of
:data:`ccskills.management.ROLE_NAMES`. The rest is the kit's worked example.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Scenario", "SCENARIOS"]


@dataclass(frozen=True)
class Scenario:
    """One scenario: id, name, trigger, levels (III, II, I), actions, roles, communication, recovery (zh, en)."""

    id: str
    name: tuple[str, str]
    trigger: tuple[str, str]
    levels: tuple[tuple[str, str], tuple[str, str], tuple[str, str]]
    actions: tuple[tuple[str, str], ...]
    roles: tuple[str, ...]
    communication: tuple[str, str]
    recovery: tuple[str, str]


SCENARIOS = (
    Scenario("system_outage", ("系统故障", "System outage"),
             ("ACD、CRM 或知识库不可用超过 5 分钟,或同一故障 3 名以上座席报告", "ACD, CRM or knowledge base down for over 5 minutes, or the same fault reported by 3+ agents"),
             (("单个系统部分功能不可用,可手工记录", "Part of one system down; manual logging works"),
              ("CRM 或知识库整体不可用超过 15 分钟", "CRM or knowledge base fully down for over 15 minutes"),
              ("ACD/电话系统中断,无法接听", "ACD/telephony down: no calls can be answered")),
             (("班组长确认范围并报 IT 值班", "Team leader confirms the scope and calls IT on duty"),
              ("启用纸质/表格登记,记录来电号码和诉求,恢复后回拨", "Switch to paper/spreadsheet logging; note numbers and requests; call back after recovery"),
              ("IVR 播放故障公告,引导自助或稍后来电", "IVR plays an outage message and offers self-service or a later call"),
              ("统一解释口径,不承诺恢复时间", "Use the agreed wording; promise no recovery time")),
             ("team_leader", "supervisor", "director"),
             ("15 分钟内通知运营主管;二级以上 30 分钟内报运营总监和相关部门", "Tell the supervisor within 15 minutes; level II+ to the director and other departments within 30"),
             ("恢复后核对手工记录并补录、回拨;24 小时内复盘", "After recovery: enter and call back the manual log; review within 24 hours")),
    Scenario("traffic_surge", ("话务突增", "Traffic surge"),
             ("连续 2 个 15 分钟时段来话高于预测 15 % 以上。以{day}{queue}高峰时段 {peak}(预测 {calls} 通,AHT {aht} 秒)为例:按 Erlang C 80/20,"
              "预测量需 {n0} 人在线(排班 {staffed} 人);+15 % 需 {n15} 人,+30 % 需 {n30} 人,+50 % 需 {n50} 人",
              "Calls above forecast by 15 %+ for 2 intervals in a row. Example: {day} {queue} peak {peak} (forecast {calls} calls, AHT {aht} s): "
              "by Erlang C 80/20 the forecast needs {n0} agents on line ({staffed} scheduled); +15 % needs {n15}, +30 % {n30}, +50 % {n50}"),
             (("来话 +15 %(缺 {g15} 人):推迟培训和班组会,小休错开", "Calls +15 % ({g15} short): postpone training and meetings, stagger breaks"),
              ("来话 +30 %(缺 {g30} 人):调用其他队列支援、班组长上线、示忙清零", "Calls +30 % ({g30} short): borrow agents from the other queue, team leaders take calls, no aux"),
              ("来话 +50 %(缺 {g50} 人):IVR 分流与回拨、加班、通知相关部门", "Calls +50 % ({g50} short): IVR overflow and call-back, overtime, alert other departments")),
             (("排班师每 15 分钟比较实际与预测", "WFM analyst compares actual with forecast every 15 minutes"),
              ("按级别执行日内调整", "Apply the intraday changes of the level"),
              ("查明原因 (促销、故障、舆情) 并通知相关部门", "Find the cause (promotion, fault, public incident) and alert other departments")),
             ("wfm_analyst", "team_leader", "supervisor", "director"),
             ("三级:现场通报;二级:通知运营主管和支援队列;一级:报运营总监", "III: announce on the floor; II: tell the supervisor and the lending queue; I: report to the director"),
             ("来话回到预测 10 % 以内并持续 30 分钟后逐级解除;回拨清单当天清零", "Stand down level by level after 30 minutes within 10 % of forecast; clear the call-back list the same day")),
    Scenario("power_network", ("断电断网", "Power or network failure"),
             ("现场停电或网络中断", "Power cut or network loss on the floor"),
             (("单个区域或少数工位", "One zone or a few desks"), ("整个现场,UPS 供电中", "The whole floor, on UPS"),
              ("UPS 耗尽或预计中断超过 30 分钟", "UPS exhausted or expected outage over 30 minutes")),
             (("座席原地等待指令,不自行离场", "Agents wait at their desks for instructions"),
              ("启用备用工位或异地/居家座席", "Move to spare desks or remote/home agents"),
              ("ACD 转接到备用中心或播放公告", "Route the ACD to the backup site or play an announcement")),
             ("team_leader", "supervisor", "director"),
             ("立即报运营主管和行政/IT;一级报运营总监", "Report at once to the supervisor and facilities/IT; level I to the director"),
             ("恢复后逐区登录、试拨,核对未接来电并回拨", "After recovery: log in zone by zone, test calls, call back missed callers")),
    Scenario("absence_spike", ("恶劣天气或缺勤激增", "Severe weather or absence spike"),
             ("天气预警或当班缺勤人数超过高峰时段的富余人数。以{day}{queue}为例:高峰时段排班 {staffed} 人,Erlang C 需 {n0} 人,富余 {slack} 人",
              "A weather warning, or a shift's absences above the peak interval's spare agents. Example: {day} {queue}: "
              "{staffed} scheduled at the peak, Erlang C needs {n0}, {slack} spare"),
             (("缺勤超过富余人数", "Absences above the spare agents"), ("缺勤超过富余人数 + 3", "Absences above the spare agents + 3"),
              ("大面积无法到岗 (交通中断)", "Large-scale absence (transport stopped)")),
             (("提前一天根据天气预警调整排班、安排就近人员", "Adjust the schedule a day ahead on a weather warning; call on staff who live close"),
              ("取消培训和会议,兼职和休息人员加班", "Cancel training and meetings; part-timers and staff off call in for overtime"),
              ("启用居家座席,IVR 播放等候提示", "Use home agents; IVR plays a waiting message")),
             ("wfm_analyst", "team_leader", "supervisor"),
             ("班组长开班 15 分钟内报到岗情况;排班师当班调整", "Team leaders report attendance within 15 minutes of the start; WFM adjusts on shift"),
             ("次日按出勤补排,记录加班并按考勤制度处理", "Re-plan the next day; log overtime under the attendance rules")),
    Scenario("public_opinion", ("舆情事件", "Public-opinion incident"),
             ("同一问题的投诉在 1 小时内超过 10 起,或媒体、社交平台出现相关负面信息", "10+ complaints on one issue within an hour, or negative media or social posts about it"),
             (("局部投诉集中", "A cluster of complaints"), ("社交平台传播", "Spreading on social media"),
              ("媒体报道或监管关注", "Press coverage or regulator attention")),
             (("统一答复口径,座席不对外评论", "One agreed answer; agents make no other comment"),
              ("质检员实时抽听相关来电", "QA listens in to related calls in real time"),
              ("升级运营总监,联系公关和业务部门", "Escalate to the director; involve PR and the business")),
             ("team_leader", "qa_analyst", "supervisor", "director"),
             ("二级以上由运营总监统一对外沟通", "From level II the director alone speaks for the centre"),
             ("事件平息后回访重点客户,更新知识库,一周内复盘", "After it calms down: call back key customers, update the knowledge base, review within a week")),
)
