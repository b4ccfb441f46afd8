"""Generate the QA month (March 2026): a scorecard, ~1,500 evaluations and a calibration round.

Recipe (seed :data:`SEED`, one ``numpy.random.Generator``):

1. the scorecard (:data:`SCORECARD`): 11 weighted items in five business dimensions
   (weights sum to 100) and 6 critical items, two of each kind, weight 0;
2. per agent of ``agents.csv``: a latent skill ~ N(0, 1), a penalty for agents hired
   within three months, and one "weak item" that fails more often than the rest;
   new agents get :data:`EVALS_NEW` evaluations, others :data:`EVALS_TENURED`,
   drawn at random from their answered calls in ``call_records.csv``;
3. each item fails with probability ``logistic(logit(base) − 0.6·skill + 0.7·new + 1.3·weak)``;
   critical items with their small base rates scaled the same way;
4. six analysts share the work at random; ``QA3`` is lenient (lets 40 % of the failures
   it sees pass), ``QA5`` is inconsistent (flips 10 % of its non-critical decisions);
5. calibration: 12 answered calls not otherwise evaluated are scored by a reference
   ("master") and by the six analysts, each deviating from the master with their own habit.

Same seed, same files, byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ._csv import write_tables

SEED = 20260303
FILES = {
    "scorecard": "quality/scorecard.csv",
    "evaluations": "quality/evaluations.csv",
    "items": "quality/evaluation_items.csv",
    "calibration": "quality/calibration.csv",
}
EVALS_NEW, EVALS_TENURED = 30, 18
NEW_SINCE = pd.Timestamp("2025-12-01")
ANALYSTS = ("QA1", "QA2", "QA3", "QA4", "QA5", "QA6")
LENIENT, INCONSISTENT = "QA3", "QA5"
CALIBRATION_CALLS = 12

SECTIONS = {  # the five business dimensions: zh, en
    "opening": ("开场与礼仪", "Opening & courtesy"),
    "communication": ("沟通与倾听", "Communication & listening"),
    "attitude": ("服务态度与同理心", "Attitude & empathy"),
    "accuracy": ("业务准确性", "Business accuracy"),
    "resolution": ("问题解决与结束", "Resolution & close"),
}
# item_id, section, zh, en, weight, critical kind, base failure probability
SCORECARD = (
    ("greeting", "opening", "标准开场问候并自报工号", "Standard greeting with agent ID", 5, "", 0.04),
    ("courtesy", "opening", "礼貌用语、正确称呼客户", "Courteous language, addresses the customer", 5, "", 0.06),
    ("identity_check", "opening", "未核实身份即透露账户信息", "Account details given before identity check", 0, "compliance", 0.005),
    ("listening", "communication", "耐心倾听、不打断客户", "Listens actively, does not interrupt", 10, "", 0.12),
    ("clarity", "communication", "表达清晰、避免专业术语", "Explains clearly, no jargon", 10, "", 0.10),
    ("empathy", "attitude", "对客户情绪表示理解", "Acknowledges the customer's feelings", 10, "", 0.18),
    ("tone", "attitude", "语气热情、语速适中", "Warm tone, measured pace", 10, "", 0.08),
    ("rudeness", "attitude", "辱骂、嘲讽客户或无故挂机", "Rude to the customer or hangs up", 0, "customer", 0.003),
    ("probing", "accuracy", "准确识别客户需求", "Identifies the customer's need", 10, "", 0.14),
    ("information", "accuracy", "信息准确完整", "Information correct and complete", 15, "", 0.15),
    ("misinformation", "accuracy", "错误信息造成客户损失", "Wrong information that harms the customer", 0, "customer", 0.006),
    ("wrong_transaction", "accuracy", "错误办理业务（错单、漏单）", "Order or change processed wrongly", 0, "business", 0.008),
    ("solution", "resolution", "提供可行方案、力求一次解决", "Workable solution, aims to resolve first time", 15, "", 0.20),
    ("hold_transfer", "resolution", "保持与转接规范", "Hold and transfer etiquette", 5, "", 0.10),
    ("closing", "resolution", "确认问题解决并规范结束", "Confirms resolution and closes properly", 5, "", 0.07),
    ("ticket_logging", "resolution", "未按规定记录工单导致重复处理", "Ticket not logged, work redone", 0, "business", 0.010),
    ("disclosure", "resolution", "未按规定告知录音或条款", "Required recording/terms notice missing", 0, "compliance", 0.006),
)


def scorecard() -> pd.DataFrame:
    """The scorecard table written to ``quality/scorecard.csv``."""
    rows = [(i, s, SECTIONS[s][0], SECTIONS[s][1], zh, en, w, k) for i, s, zh, en, w, k, _ in SCORECARD]
    return pd.DataFrame(rows, columns=["item_id", "section", "section_zh", "section_en",
                                       "item_zh", "item_en", "weight", "critical_kind"])


def _logit(p):
    return np.log(p / (1 - p))


def _fail_probability(skill, new, weak_item, items):
    """Items × evaluations failure probabilities for one agent."""
    base = _logit(np.array([row[6] for row in items]))
    weak = np.array([row[0] == weak_item for row in items], dtype=float)
    return 1 / (1 + np.exp(-(base - 0.6 * skill + 0.7 * new + 1.3 * weak)))


def _analyst_habit(analyst, passed, critical, rng):
    """The decisions ``analyst`` records for the true ``passed`` values (bool array)."""
    seen = passed.copy()
    if analyst == LENIENT:
        seen |= (~passed) & ~critical & (rng.random(passed.shape) < 0.4)
    elif analyst == INCONSISTENT:
        seen ^= ~critical & (rng.random(passed.shape) < 0.10)
    return seen


def _evaluations(rng, agents, calls):
    answered = calls[calls["outcome"] == "answered"]
    weighted = [row for row in SCORECARD if row[5] == ""]
    frames, items = [], []
    for agent in agents.itertuples(index=False):
        new = float(agent.hire_date >= NEW_SINCE)
        skill = rng.normal()
        weak = weighted[rng.integers(len(weighted))][0]
        pool = answered.loc[answered["agent_id"] == agent.agent_id, ["call_id", "arrival"]]
        n = EVALS_NEW if new else EVALS_TENURED
        chosen = pool.iloc[np.sort(rng.choice(len(pool), size=n, replace=False))]
        p = _fail_probability(skill, new, weak, SCORECARD)
        truth = rng.random((n, len(SCORECARD))) >= p
        analysts = rng.choice(ANALYSTS, size=n)
        critical = np.array([row[5] != "" for row in SCORECARD])
        seen = np.vstack([_analyst_habit(a, t, critical, rng) for a, t in zip(analysts, truth)])
        lag = rng.integers(1, 4, size=n)
        frames.append(pd.DataFrame({
            "call_id": chosen["call_id"].to_numpy(), "agent_id": agent.agent_id, "team": agent.team,
            "analyst_id": analysts,
            "evaluated_on": chosen["arrival"].dt.normalize().to_numpy() + pd.to_timedelta(lag, "D"),
        }))
        items.append(seen)
    evals = pd.concat(frames, ignore_index=True)
    passed = np.vstack(items)
    order = np.lexsort((evals["call_id"].to_numpy(), evals["evaluated_on"].to_numpy()))
    evals, passed = evals.iloc[order].reset_index(drop=True), passed[order]
    evals.insert(0, "evaluation_id", [f"Q{i:05d}" for i in range(1, len(evals) + 1)])
    long = pd.DataFrame({
        "evaluation_id": np.repeat(evals["evaluation_id"].to_numpy(), len(SCORECARD)),
        "item_id": np.tile([row[0] for row in SCORECARD], len(evals)),
        "passed": passed.ravel(),
    })
    return evals, long


def _calibration(rng, calls, evaluated):
    pool = calls[(calls["outcome"] == "answered") & ~calls["call_id"].isin(evaluated)
                 & (calls["arrival"] >= "2026-03-25")]
    chosen = np.sort(pool["call_id"].to_numpy()[rng.choice(len(pool), CALIBRATION_CALLS, replace=False)])
    critical = np.array([row[5] != "" for row in SCORECARD])
    base = np.array([row[6] for row in SCORECARD])
    # calibration calls are picked to be borderline: failures three times as common
    master = rng.random((CALIBRATION_CALLS, len(SCORECARD))) >= np.minimum(3 * base, 0.6)
    master[:, critical] = True
    master[4, [row[0] for row in SCORECARD].index("identity_check")] = False
    rows = [("master", master)]
    for analyst in ANALYSTS:
        disagree = {LENIENT: 0.03, INCONSISTENT: 0.22}.get(analyst, 0.06)
        seen = master ^ (~critical & (rng.random(master.shape) < disagree))
        if analyst == LENIENT:
            seen |= ~master & ~critical & (rng.random(master.shape) < 0.55)
        rows.append((analyst, seen))
    return pd.DataFrame({
        "call_id": np.tile(np.repeat(chosen, len(SCORECARD)), len(rows)),
        "analyst_id": np.repeat([name for name, _ in rows], CALIBRATION_CALLS * len(SCORECARD)),
        "item_id": np.tile([row[0] for row in SCORECARD], CALIBRATION_CALLS * len(rows)),
        "passed": np.concatenate([m.ravel() for _, m in rows]),
    })


def generate(seed: int = SEED) -> dict:
    """The four tables, keyed as :data:`FILES`."""
    from . import load_agents, load_call_records

    rng = np.random.default_rng(seed)
    agents, calls = load_agents(), load_call_records()
    evals, items = _evaluations(rng, agents, calls)
    calibration = _calibration(rng, calls, set(evals["call_id"]))
    return {"scorecard": scorecard(), "evaluations": evals, "items": items, "calibration": calibration}


def write_datasets(directory, seed: int = SEED) -> list[Path]:
    """Generate the QA month and write ``directory/quality/*.csv``; returns their paths."""
    return write_tables(generate(seed), FILES, directory)
