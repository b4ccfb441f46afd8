"""The capstone case (issue 15 item 6): the case month, its data pack and the answer key.

Every planted problem is found again here with plain pandas from the data pack as a participant
would open it (the .xlsx read back), Erlang C from the textbook formula (tests/queue_reference),
and the figures so found must be printed in the answer key's PDF.
"""

from __future__ import annotations

import io
import math
import time

import numpy as np
import openpyxl
import pandas as pd
import pytest
from pypdf import PdfReader

from ccskills.materials import build, catalogue
from ccskills.materials import _capstone_data as d
from pdf_tools import flat_text, fonts
from queue_reference import ref_service_level

NAMES = ("capstone_brief", "capstone_data", "capstone_rubric", "capstone_key")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("capstone")
    start = time.perf_counter()
    items = {item.name: item for item in build(out, list(NAMES))}
    items["_seconds"] = time.perf_counter() - start
    return items


@pytest.fixture(scope="module")
def pack(built):
    return pd.read_excel(built["capstone_data"].path, sheet_name=None)


@pytest.fixture(scope="module")
def key(built):
    return flat_text(PdfReader(built["capstone_key"].path))


def pct(x):
    return f"{x:.1%}"


def col(frame, name):
    """A column by its English name (headers are 'Chinese english')."""
    match = [c for c in frame.columns if c.split(" ")[-1] == name]
    assert len(match) == 1, (name, list(frame.columns))
    return frame[match[0]]


def intervals(pack):
    f = pack["话务15分钟"]
    out = pd.DataFrame({name: col(f, name) for name in (
        "queue", "interval_start", "offered", "answered", "answered_within_20s", "talk_s", "hold_s", "acw_s",
        "scheduled_agents", "staffed_agents", "forecast_calls", "forecast_aht_s")})
    out["handle_s"] = out["talk_s"] + out["hold_s"] + out["acw_s"]
    t = pd.to_datetime(out["interval_start"])
    return out.assign(day=t.dt.day, hour=t.dt.hour, time=t.dt.strftime("%H:%M"))


def needed(calls, aht, interval=900, target=0.8, answer_time=20):
    """Fewest agents with Erlang C service level >= target (textbook formula)."""
    load = calls * aht / interval
    if load == 0:
        return 0
    n = math.floor(load) + 1
    while ref_service_level(n, load, aht, answer_time) < target:
        n += 1
    return n


def test_the_documents_are_built_within_their_pages_with_chinese_fonts_embedded(built):
    assert built["_seconds"] < 20
    for doc in catalogue():
        if doc.name not in NAMES or not doc.is_pdf:
            continue
        reader = PdfReader(built[doc.name].path)
        low, high = doc.pages
        assert low <= len(reader.pages) <= high, doc.name
        used = fonts(reader)
        assert used and all(used.values()), used
        assert any("CJK" in name or "MicroHei" in name for name in used)
    assert (2, 4) == next(doc.pages for doc in catalogue() if doc.name == "capstone_brief")
    assert (3, 8) == next(doc.pages for doc in catalogue() if doc.name == "capstone_key")


def test_same_seed_same_month_and_another_seed_another():
    first, second = d.case_month.__wrapped__(d.SEED), d.case_month.__wrapped__(d.SEED)
    for a, b in zip(first, second):
        pd.testing.assert_frame_equal(a, b)
    other = d.case_month.__wrapped__(d.SEED + 1)
    assert len(other.calls) != len(first.calls) or not other.calls["wait_s"].equals(first.calls["wait_s"])
    assert first.calls["arrival"].min() >= d.MONTH_START and first.calls["arrival"].max() < d.MONTH_END


def test_the_data_pack_stores_numbers_as_numbers_and_explains_itself_in_chinese(built, pack):
    book = openpyxl.load_workbook(built["capstone_data"].path, read_only=True)
    assert book.sheetnames[0] == "说明"
    sheet = book["话务15分钟"]
    rows = sheet.iter_rows(min_row=1, max_row=200, values_only=True)
    header = next(rows)
    numeric = [i for i, h in enumerate(header) if h.split(" ")[0] not in ("队列", "时段开始")]
    for row in rows:
        assert all(isinstance(row[i], (int, float)) for i in numeric), row
        assert hasattr(row[header.index("时段开始 interval_start")], "year")
    for name in ("坐席状态日表", "质检", "成本"):
        frame = pack[name]
        assert frame.select_dtypes("number").shape[1] >= 2, name
    readme = " ".join(pack["说明"].astype(str).to_numpy().ravel())
    assert "按时段汇总" in readme and str(d.SEED) in readme
    assert built["capstone_data"].path.stat().st_size < 5_000_000


def test_kpi_card_service_level_per_queue(pack, key):
    f = intervals(pack)
    for queue, g in f.groupby("queue"):
        assert pct(g["answered_within_20s"].sum() / g["offered"].sum()) in key, queue


def test_planted_afternoon_gap_shows_and_the_key_gives_its_sl_occupancy_and_fix(pack, key):
    f = intervals(pack)
    after = f[f["queue"] == "aftersales"]
    gap = after[after["day"].between(16, 20) & after["hour"].between(14, 17)]
    assert (gap["staffed_agents"] < gap["scheduled_agents"]).all()
    rest = after[~after.index.isin(gap.index)]
    assert (rest["staffed_agents"] == rest["scheduled_agents"]).all()
    sl_gap = gap["answered_within_20s"].sum() / gap["offered"].sum()
    other_weekdays = after[after["hour"].between(14, 17) & ~after["day"].between(16, 20)]
    assert sl_gap < 0.6 < other_weekdays["answered_within_20s"].sum() / other_weekdays["offered"].sum()
    assert pct(sl_gap) in key
    slot = gap.groupby("time").agg(offered=("offered", "sum"), within=("answered_within_20s", "sum"),
                                  answered=("answered", "sum"), handle=("handle_s", "sum"),
                                  staffed=("staffed_agents", "sum"))
    slot["sl"] = slot["within"] / slot["offered"]
    slot["occ"] = slot["handle"] / (slot["staffed"] * 900)
    worst = slot["sl"].idxmin()
    assert f"最差的时段是{worst}：服务水平{pct(slot.loc[worst, 'sl'])}，占用率{pct(slot.loc[worst, 'occ'])}" in key
    days = 5
    need = [needed(r.offered / days, r.handle / r.answered) for r in slot.itertuples()]
    gap_hours = sum(max(n - s / days, 0) for n, s in zip(need, slot["staffed"])) * 0.25 * days
    assert f"{gap_hours:.1f}坐席工时" in key


def _pay_per_hour(pack, queue):
    costs, states = pack["成本"], pack["坐席状态日表"]
    pay = costs[(col(costs, "queue") == queue) & col(costs, "item").str.contains("agent pay")]
    return col(pay, "amount_cny").sum() / (col(states, "paid_s")[col(states, "queue") == queue].sum() / 3600)


def test_planted_aht_rise_and_its_cost(pack, key):
    f = intervals(pack)
    pre = f[f["queue"] == "presales"]
    late = pre["day"] >= d.AHT_FROM_DAY
    before = pre.loc[~late, "handle_s"].sum() / pre.loc[~late, "answered"].sum()
    after = pre.loc[late, "handle_s"].sum() / pre.loc[late, "answered"].sum()
    assert after - before > 30
    assert f"AHT从{before:.1f}秒升到{after:.1f}秒" in key
    hours = sum(needed(c, after) - needed(c, before) for c in pre.loc[late, "offered"]) * 0.25
    rate = _pay_per_hour(pack, "presales")
    assert f"多需要{hours:.2f}坐席工时" in key
    assert f"{rate:.2f}元" in key and f"折合{hours * rate:,.0f}元" in key


def _points_lost(pack):
    """Points each item cost the month: a failed item its weight; a critical error wipes the rest."""
    qa, card = pack["质检"], pack["质检评分表"]
    ids = col(card, "item_id").tolist()
    weight = dict(zip(ids, col(card, "weight")))
    critical = set(col(card, "item_id")[col(card, "critical_kind").fillna("") != ""])
    items = qa[[c for c in qa.columns if c.split(" ")[0] in ids]]
    items.columns = [c.split(" ")[0] for c in items.columns]
    failed = items == 0
    lost = failed * pd.Series(weight)
    raw = 100 - lost.sum(axis=1)
    n_crit = failed[list(critical)].sum(axis=1)
    for item in critical:
        lost[item] = lost[item] + np.where(failed[item], raw / n_crit.where(n_crit > 0, 1), 0)
    return lost.sum().sort_values(ascending=False), failed, col(qa, "team")


def test_planted_qa_item_tops_the_pareto_and_sits_in_one_team(pack, key):
    lost, failed, team = _points_lost(pack)
    assert lost.index[0] == d.QA_ITEM
    assert f"信息准确完整information{failed[d.QA_ITEM].sum()}{pct(failed[d.QA_ITEM].mean())}" \
           f"{pct(lost.iloc[0] / lost.sum())}" in key
    rate = failed[d.QA_ITEM].groupby(team).mean()
    assert rate.idxmax() == d.QA_TEAM and rate[d.QA_TEAM] > 2 * rate.drop(d.QA_TEAM).max()
    assert pct(rate[d.QA_TEAM]) in key


def test_planted_not_ready_agent_has_the_lowest_utilisation_and_a_smart_plan(pack, key):
    s = pack["坐席状态日表"]
    parts = pd.DataFrame({c: col(s, c) for c in ("agent_id", "team", "paid_s", "available_s", "talk_s", "hold_s",
                                                  "acw_s", "not_ready_s", "logged_in_s")})
    per = parts.groupby("agent_id").sum(numeric_only=True)
    util = (per["available_s"] + per["talk_s"] + per["hold_s"] + per["acw_s"]) / per["paid_s"]
    agent = util.idxmin()
    assert agent == d.not_ready_agent(d.case_month(d.SEED).agent_states)
    team = parts.groupby("agent_id")["team"].first()
    peers = util[(team == team[agent]) & (util.index != agent)]
    assert util[agent] < peers.min() - 0.05
    assert f"坐席{agent}（{team[agent]}班组）：利用率{pct(util[agent])}" in key
    assert f"同班组中位数{pct(peers.median())}" in key
    for letter in ("S具体", "M可衡量", "A可达成", "R相关", "T有时限"):
        assert f"✓{letter}" in key


def test_the_brief_and_rubric_carry_the_tasks_and_points(built):
    brief = flat_text(PdfReader(built["capstone_brief"].path))
    for word in ("KPI卡", "质检帕累托", "成本影响", "人员配置方案", "辅导计划", "5分钟汇报", "话务15分钟", "第3天"):
        assert word in brief, word
    rubric = flat_text(PdfReader(built["capstone_rubric"].path))
    assert "合计Total100" in rubric


def test_a_bad_seed_is_refused_by_name():
    with pytest.raises(ValueError, match="seed must be"):
        d.case_month(-1)
    with pytest.raises(ValueError, match="seed must be"):
        d.case_month(True)
