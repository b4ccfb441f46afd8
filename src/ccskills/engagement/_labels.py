"""Chinese / English words for the engagement tables' codes (columns, items, reasons, bands)."""

from __future__ import annotations

from .._validation import check_lang

__all__ = ["LABELS", "label", "labelled"]

#: code -> (zh, en)
LABELS = {
    "n": ("回答数", "Answers"), "promoters": ("推荐者", "Promoters"), "passives": ("中立者", "Passives"),
    "detractors": ("贬损者", "Detractors"), "enps": ("员工净推荐值 eNPS", "eNPS"),
    "ci_low": ("95 % 区间下限", "95 % CI low"), "ci_high": ("95 % 区间上限", "95 % CI high"),
    "workload": ("工作量", "Workload"), "schedule_fairness": ("排班公平", "Schedule fairness"),
    "leader_support": ("班组长支持", "Team-leader support"), "growth": ("成长与职业通道", "Growth and career path"),
    "pay": ("薪酬", "Pay"), "recognition": ("认可", "Recognition"), "tools": ("系统工具", "Tools"),
    "interviews": ("面谈数", "Interviews"), "share": ("占比", "Share"),
    "career": ("职业发展", "Career"), "personal": ("个人/家庭", "Personal"), "study": ("求学", "Study"),
    "leader": ("与班组长的关系", "Team leader"), "schedule": ("排班", "Schedule"), "none": ("无", "None"),
    "leavers": ("6 个月内离职", "Left within horizon"), "leave_rate": ("离职率", "Leave rate"),
    "share_of_leavers": ("占全部离职者", "Share of leavers"), "odds_ratio": ("几率比 (每低 1 分)", "Odds ratio (per point lower)"),
    "p_value": ("p 值", "p-value"), "team": ("班组", "Team"), "tenure_band": ("司龄段", "Tenure band"),
    "leader_support_band": ("班组长支持得分", "Team-leader support score"), "growth_band": ("成长得分", "Growth score"),
    "enps_band": ("推荐意愿得分", "Likelihood-to-recommend score"), "reason": ("原因", "Reason"),
    "term": ("因素", "Term"), "auc": ("AUC", "AUC"), "confidence": ("置信水平", "Confidence"), "": ("中心职能岗", "Centre-wide roles"),
    "tenure_3-12m": ("司龄 3–12 月 (对比 0–3 月)", "Tenure 3-12m (vs 0-3m)"),
    "tenure_12-24m": ("司龄 12–24 月 (对比 0–3 月)", "Tenure 12-24m (vs 0-3m)"),
    "tenure_24m+": ("司龄 24 月以上 (对比 0–3 月)", "Tenure 24m+ (vs 0-3m)"),
}


def label(code, lang: str = "zh"):
    """The word a learner reads for an engagement code; anything else comes back unchanged.

    >>> label("leader_support"), label("enps", "en"), label("A3")
    ('班组长支持', 'eNPS', 'A3')
    """
    check_lang(lang)
    if isinstance(code, str) and code in LABELS:
        return LABELS[code][0 if lang == "zh" else 1]
    return code


def labelled(table, lang: str = "zh"):
    """``table`` (DataFrame or Series) with its index, columns and index names as learner words.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"n": [3]}, index=pd.Index(["A3"], name="team"))
    >>> labelled(t).index.name, list(labelled(t).columns), labelled(t, "en").index.name
    ('班组', ['回答数'], 'Team')
    """
    check_lang(lang)
    word = lambda code: label(code, lang)  # noqa: E731
    out = table.rename(index=word)
    if hasattr(out, "columns"):
        out = out.rename(columns=word)
    out.index = out.index.set_names([word(n) for n in out.index.names])
    return out
