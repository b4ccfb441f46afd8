"""ccskills.checklists and checklist_charts: content, scoring worked by hand, forms, radar chart."""

import math

import pandas as pd
import pytest

from ccskills import checklists as c


def test_every_checklist_is_complete_and_bilingual():
    assert c.CHECKLIST_KEYS == ("five_s", "four_pillars", "cc_cmm", "floor")
    for key in c.CHECKLIST_KEYS:
        checklist = c.get_checklist(key)
        keys = [item.key for item in checklist.items]
        assert len(keys) == len(set(keys))
        for item in checklist.items:
            assert item.zh and item.en and item.key.startswith(key + ".")
    assert [s.key for s in c.get_checklist("five_s").sections] == [
        "structure", "staff", "support", "system", "skills"]
    assert [s.key for s in c.get_checklist("four_pillars").sections] == [
        "rules", "processes", "roles", "efficiency"]
    assert [s.key for s in c.get_checklist("floor").sections] == [
        "visual", "handover", "briefing", "escalation", "morale"]
    assert c.get_checklist("cc_cmm").scores == (1, 2, 3, 4, 5)


def test_score_by_hand_with_unanswered_items():
    floor = c.get_checklist("floor")
    answers = {"floor.handover.1": 2, "floor.handover.2": 2, "floor.handover.3": 0,
               "floor.morale.1": 1}
    result = c.score_checklist(floor, answers)
    handover = result.sections.loc["handover"]
    # 3 of 4 answered: score 4 of max 6 -> 4/6; item 4 unanswered
    assert (handover["answered"], handover["unanswered"], handover["score"]) == (3, 1, 4.0)
    assert handover["percent"] == pytest.approx(4 / 6)
    assert math.isnan(result.sections.loc["visual", "percent"])
    # overall: 5 of max 8
    assert result.overall["percent"] == pytest.approx(5 / 8)


def test_maturity_percent_runs_from_level_one_to_five():
    cmm = c.get_checklist("cc_cmm")
    design = [i.key for i in cmm.sections[0].items]
    result = c.score_checklist(cmm, dict(zip(design, [1, 3, 5])))
    row = result.sections.loc["design"]
    # mean level 3; percent (9 - 3*1) / (3 * 4) = 0.5
    assert row["mean"] == pytest.approx(3.0)
    assert row["percent"] == pytest.approx(0.5)


def test_table_roundtrip_and_excel():
    from ccskills.io import read_table

    five_s = c.get_checklist("five_s")
    answers = {"five_s.staff.1": 2, "five_s.skills.4": 0}
    table = c.checklist_table(five_s, "en", answers)
    assert list(table.columns) == ["section", "item", "check", "score"]
    assert len(table) == len(five_s.items)
    assert c.answers_from_table(table) == answers
    zh = c.checklist_table(five_s, "zh", answers)
    assert c.answers_from_table(zh) == answers
    data = c.checklist_excel(five_s, answers, "zh")
    back = read_table(data, "form.xlsx")
    assert c.answers_from_table(back) == answers


@pytest.mark.parametrize("call, error, message", [
    (lambda: c.get_checklist("6s"), ValueError, "key must be one of"),
    (lambda: c.score_checklist(c.get_checklist("floor"), {"floor.x.1": 2}), ValueError,
     "answers must use item keys of 'floor'"),
    (lambda: c.score_checklist(c.get_checklist("floor"), {"floor.visual.1": 3}), ValueError,
     r"answers\['floor.visual.1'\] must be one of \(0, 1, 2\)"),
    (lambda: c.score_checklist(c.get_checklist("cc_cmm"), {"cc_cmm.data.1": 0}), ValueError,
     r"must be one of \(1, 2, 3, 4, 5\)"),
    (lambda: c.score_checklist(c.get_checklist("floor"), [2, 2]), TypeError, "answers must be a mapping"),
    (lambda: c.checklist_table(c.get_checklist("floor"), "fr"), ValueError, "lang must be 'zh' or 'en'"),
    (lambda: c.answers_from_table(pd.DataFrame({"item": ["a"], "score": ["two"]})), ValueError,
     "score must be a whole number"),
    (lambda: c.answers_from_table(pd.DataFrame({"x": [1]})), ValueError, "table must have a 'item' column"),
])
def test_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_radar_points_geometry_and_chart():
    from ccskills import checklist_charts as cc

    points = cc.radar_points(["a", "b", "c", "d"], [1.0, 0.5, 0.0, float("nan")])
    # 4 spokes: top (0, 1), right (0.5, 0), bottom (0, 0), left drawn at 0; closed polygon
    assert points[["x", "y"]].round(12).values.tolist()[:3] == [[0, 1], [0.5, 0], [0, 0]]
    assert len(points) == 5 and points["label"].iloc[-1] == "a"
    floor = c.get_checklist("floor")
    result = c.score_checklist(floor, {i.key: 2 for i in floor.items})
    spec = cc.radar_chart(result, "en", title="Floor").to_dict()
    assert len(spec["layer"]) == 4
    with pytest.raises(ValueError, match="values must give one number per label"):
        cc.radar_points(["a", "b"], [1, 2])
    with pytest.raises(ValueError, match="lang must be"):
        cc.radar_chart(result, "de")


@pytest.mark.parametrize("value", [True, 1.5, float("inf"), -1, "2", 3])
def test_answers_outside_the_scale_are_refused_naming_the_item(value):
    checklist = c.get_checklist("five_s")
    with pytest.raises(ValueError, match=r"answers\['five_s.structure.1'\] must be one of"):
        c.score_checklist(checklist, {"five_s.structure.1": value})


def test_unanswered_sections_are_nan_by_design():
    result = c.score_checklist(c.get_checklist("five_s"), {"five_s.structure.1": 2})
    assert result.sections.loc["structure", "percent"] == 1.0  # 2 of top 2
    others = result.sections.drop(index="structure")
    assert others["percent"].isna().all() and (others["answered"] == 0).all()
