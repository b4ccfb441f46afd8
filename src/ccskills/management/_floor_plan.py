"""The 应急预案 (emergency plan) Word file: five scenarios, three levels each, surge triggers by Erlang C.

The traffic-surge and absence-spike triggers are computed by :func:`surge_staffing` for the
pre-shift day's peak interval; the escalation matrix is the processes part's
(:func:`ccskills.management.processes.escalation_matrix`).
"""

from __future__ import annotations

import pandas as pd

from ..i18n import QUEUE_NAMES
from ._docx import WordDocument
from ._floor_emergency import SCENARIOS
from ._floor_figures import BRIEFING_DAY, SURGE_LEVELS, surge_staffing
from .roles import ROLE_NAMES

__all__ = ["surge_table", "surge_values", "emergency_plan"]

_LEVEL_NAMES = (("三级 (III)", "Level III"), ("二级 (II)", "Level II"), ("一级 (I)", "Level I"))
SURGE_QUEUE = "aftersales"


def surge_values(lang: str = "zh", day=BRIEFING_DAY, queue: str = SURGE_QUEUE) -> dict:
    """The numbers the surge and absence triggers quote, as text, keyed by their placeholders."""
    table = surge_staffing(day, queue)
    n = dict(zip((0, 15, 30, 50), table["agents_needed"]))
    g = dict(zip((0, 15, 30, 50), table["gap"]))
    staffed = int(table["staffed"].iloc[0])
    return {"day": pd.Timestamp(day).strftime("%Y-%m-%d"), "queue": QUEUE_NAMES[queue][lang == "en"],
            "peak": f"{table.attrs['interval_start']:%H:%M}", "calls": f"{table['calls'].iloc[0]:.1f}",
            "aht": f"{table['aht_s'].iloc[0]:.0f}", "staffed": staffed, "n0": n[0], "n15": n[15], "n30": n[30],
            "n50": n[50], "g15": max(g[15], 0), "g30": max(g[30], 0), "g50": max(g[50], 0), "slack": max(staffed - n[0], 0)}


def surge_table(lang: str = "zh", day=BRIEFING_DAY, queue: str = SURGE_QUEUE) -> pd.DataFrame:
    """:func:`surge_staffing` with level names and headers in ``lang``."""
    k = lang == "en"
    table = surge_staffing(day, queue)
    out = pd.DataFrame({("级别", "Level")[k]: [SURGE_LEVELS[i][k] for i in table["increase"]],
                        ("来话增幅", "Volume above forecast")[k]: [f"+{i:.0%}" for i in table["increase"]],
                        ("来话(通/15分钟)", "Calls per 15 min")[k]: table["calls"].round(1),
                        ("所需座席 (Erlang C 80/20)", "Agents needed (Erlang C 80/20)")[k]: table["agents_needed"],
                        ("排班在线", "Staffed")[k]: table["staffed"],
                        ("缺口", "Gap")[k]: table["gap"]})
    return out


def _names(role_ids, lang):
    names = {r.id: r.name(lang) for r in ROLE_NAMES}
    return ("、" if lang == "zh" else ", ").join(names[r] for r in role_ids)


def _scenario(doc: WordDocument, number: int, s, lang: str, filled: bool, values: dict) -> None:
    k = lang == "en"
    doc.heading(f"{number}. {s.name[k]}", 2)
    lab = lambda zh, en: (zh, en)[k]  # noqa: E731
    if not filled:
        doc.fields([(lab("触发条件", "Trigger"), "")])
        doc.table(pd.DataFrame({lab("级别", "Level"): [n[k] for n in _LEVEL_NAMES],
                                lab("条件与响应", "Condition and response"): ""}))
        for label in (lab("处置措施:", "Actions:"), lab("责任人:", "Who:"), lab("沟通:", "Communication:"), lab("恢复:", "Recovery:")):
            doc.fill_lines(label, 2)
        return
    doc.fields([(lab("触发条件", "Trigger"), s.trigger[k].format(**values))])
    levels = pd.DataFrame({lab("级别", "Level"): [n[k] for n in _LEVEL_NAMES],
                           lab("条件与响应", "Condition and response"): [lv[k].format(**values) for lv in s.levels]})
    doc.table(levels)
    if s.id == "traffic_surge":
        doc.paragraph(lab("高峰时段按来话增幅计算的所需座席:", "Agents needed at the peak interval by volume increase:"), bold=True)
        doc.table(surge_table(lang))
    doc.paragraph(lab("处置措施:", "Actions:"), bold=True)
    doc.bullets(a[k] for a in s.actions)
    doc.fields([(lab("责任人", "Who"), _names(s.roles, lang)), (lab("沟通", "Communication"), s.communication[k]),
                (lab("恢复", "Recovery"), s.recovery[k])])


def _escalation(doc: WordDocument, lang: str, filled: bool) -> None:
    k = lang == "en"
    doc.heading(("问题升级矩阵 (escalation matrix)", "Escalation matrix")[k], 1)
    try:
        from .processes import escalation_matrix
    except ImportError:  # pragma: no cover - the processes part ships with the track
        doc.paragraph(("见问题升级流程规范。", "See the escalation process.")[k])
        return
    table = escalation_matrix(lang, as_text=True)
    doc.table(table if filled else table.iloc[:, :1].assign(**{c: "" for c in table.columns[1:]}))


def emergency_plan(lang: str = "zh", filled: bool = True) -> bytes:
    """The emergency plan as Word: scope, the five scenarios with three levels, the escalation matrix."""
    k = lang == "en"
    doc = WordDocument(("应急预案", "Emergency plan")[k], lang,
                       subtitle=(("示例:触发数字由套件按本中心数据计算", "模板:按本中心情况填写"),
                                 ("Worked example: triggers computed from the centre's data", "Template: fill in for your centre"))[k][not filled])
    doc.fields([(("适用范围", "Scope")[k], ("客服中心全体人员", "Everyone in the contact centre")[k] if filled else ""),
                (("预案负责人", "Owner")[k], ("运营总监", "Operations director")[k] if filled else ""),
                (("演练周期", "Drills")[k], ("每半年一次", "Every six months")[k] if filled else ""),
                (("复核周期", "Review cycle")[k], ("每年,及每次启用一级响应后", "Yearly and after every level-I response")[k] if filled else "")])
    doc.heading(("场景与分级响应", "Scenarios and response levels")[k], 1)
    doc.paragraph(("级别从三级 (III,现场处理) 到一级 (I,运营总监指挥)。", "Levels run from III (handled on the floor) to I (led by the director).")[k])
    values = surge_values(lang) if filled else {}
    for number, s in enumerate(SCENARIOS, 1):
        _scenario(doc, number, s, lang, filled, values)
    _escalation(doc, lang, filled)
    doc.heading(("事后复盘", "Review")[k], 1)
    doc.fill_lines(("事件经过、影响 (服务水平、放弃率、投诉)、原因、改进措施、责任人与完成时间:",
                    "What happened, impact (service level, abandonment, complaints), cause, actions, owner and date:")[k], 4)
    return doc.to_bytes()
